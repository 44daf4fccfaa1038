//! The indicator chart: values against target and intervention level, over the last 24
//! months (the Plan tab's detail pane) or the last 13 periods (the projector view). Each
//! line has its own marker as well as its own colour, so it reads without colour; a period
//! without a figure is a gap in the value line, never joined across.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Chart, Dataset, GraphType, Paragraph};

use super::theme::Theme;
use crate::domain::number::fmt_decimals;
use crate::tui::data::ChartPoint;

pub fn render(frame: &mut Frame, area: Rect, points: &[ChartPoint], decimals: u8, theme: Theme) {
    render_over(
        frame,
        area,
        points,
        decimals,
        theme,
        23.0,
        "No values in the last 24 months",
    );
}

/// The chart over x from 0 to `x_max`, saying `empty` when there is nothing to draw.
pub fn render_over(
    frame: &mut Frame,
    area: Rect,
    points: &[ChartPoint],
    decimals: u8,
    theme: Theme,
    x_max: f64,
    empty: &str,
) {
    let pick = |f: fn(&ChartPoint) -> Option<f64>| -> Vec<(f64, f64)> {
        points
            .iter()
            .filter_map(|p| f(p).map(|y| (p.x, y)))
            .collect()
    };
    let values = pick(|p| p.value);
    // Each unbroken run of figures is drawn as a line of its own, so a gap stays a gap.
    let mut runs: Vec<Vec<(f64, f64)>> = vec![];
    let mut open = false;
    for p in points {
        match p.value {
            Some(y) if open => runs.last_mut().into_iter().for_each(|r| r.push((p.x, y))),
            Some(y) => {
                runs.push(vec![(p.x, y)]);
                open = true;
            }
            None => open = false,
        }
    }
    let gaps = points.iter().filter(|p| p.value.is_none()).count();
    let targets = pick(|p| p.target);
    let levels = pick(|p| p.intervention);
    let [legend, plot] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
    if values.is_empty() && targets.is_empty() {
        frame.render_widget(
            Paragraph::new(Span::styled(empty.to_string(), theme.dim())),
            area,
        );
        return;
    }
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled("⠤⠤ value  ", theme.chart_value()),
            Span::styled("•• target  ", theme.chart_target()),
            Span::styled("▄▄ intervention", theme.chart_intervention()),
            Span::styled(
                match gaps {
                    0 => String::new(),
                    1 => "  (1 period without a figure: a gap)".to_string(),
                    n => format!("  ({n} periods without a figure: gaps)"),
                },
                theme.dim(),
            ),
        ])),
        legend,
    );
    let ys = values
        .iter()
        .chain(&targets)
        .chain(&levels)
        .map(|(_, y)| *y);
    let (lo, hi) = ys.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), y| {
        (lo.min(y), hi.max(y))
    });
    let pad = ((hi - lo) * 0.1).max(if hi == 0.0 { 1.0 } else { hi.abs() * 0.02 });
    let (lo, hi) = (lo - pad, hi + pad);
    let mut datasets = vec![
        Dataset::default()
            .name("intervention")
            .marker(Marker::Bar)
            .graph_type(GraphType::Line)
            .style(theme.chart_intervention())
            .data(&levels),
        Dataset::default()
            .name("target")
            .marker(Marker::Dot)
            .graph_type(GraphType::Line)
            .style(theme.chart_target())
            .data(&targets),
    ];
    datasets.extend(runs.iter().map(|run| {
        Dataset::default()
            .marker(Marker::Braille)
            .graph_type(GraphType::Line)
            .style(theme.chart_value())
            .data(run)
    }));
    let first = points.first().map(|p| p.period.clone()).unwrap_or_default();
    let last = points.last().map(|p| p.period.clone()).unwrap_or_default();
    let x_labels = match points.get(points.len() / 2) {
        // A middle label only where it sits: at the middle of the axis.
        Some(mid) if points.len() >= 3 && plot.width >= 40 && (mid.x * 2.0 - x_max).abs() < 1.0 => {
            vec![
                Span::raw(first),
                Span::raw(mid.period.clone()),
                Span::raw(last),
            ]
        }
        _ => vec![Span::raw(first), Span::raw(last)],
    };
    let chart = Chart::new(datasets)
        .x_axis(
            Axis::default()
                .bounds([0.0, x_max])
                .labels(x_labels)
                .style(theme.dim()),
        )
        .y_axis(
            Axis::default()
                .bounds([lo, hi])
                .labels(vec![
                    Span::raw(fmt_decimals(lo, decimals)),
                    Span::raw(fmt_decimals(hi, decimals)),
                ])
                .style(theme.dim()),
        )
        .legend_position(None);
    frame.render_widget(chart, plot);
}
