//! The indicator chart: the last 24 months' values against target and intervention level.
//! Each line has its own marker as well as its own colour, so it reads without colour.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Chart, Dataset, GraphType, Paragraph};

use super::data::ChartPoint;
use super::theme::Theme;
use crate::domain::number::fmt_decimals;

pub fn render(frame: &mut Frame, area: Rect, points: &[ChartPoint], decimals: u8, theme: Theme) {
    let pick = |f: fn(&ChartPoint) -> Option<f64>| -> Vec<(f64, f64)> {
        points
            .iter()
            .filter_map(|p| f(p).map(|y| (p.x, y)))
            .collect()
    };
    let values = pick(|p| p.value);
    let targets = pick(|p| p.target);
    let levels = pick(|p| p.intervention);
    let [legend, plot] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
    if values.is_empty() && targets.is_empty() {
        frame.render_widget(
            Paragraph::new(Span::styled("No values in the last 24 months", theme.dim())),
            area,
        );
        return;
    }
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled("⠤⠤ value  ", theme.chart_value()),
            Span::styled("•• target  ", theme.chart_target()),
            Span::styled("▄▄ intervention", theme.chart_intervention()),
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
    let datasets = vec![
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
        Dataset::default()
            .name("value")
            .marker(Marker::Braille)
            .graph_type(GraphType::Line)
            .style(theme.chart_value())
            .data(&values),
    ];
    let first = points.first().map(|p| p.period.clone()).unwrap_or_default();
    let last = points.last().map(|p| p.period.clone()).unwrap_or_default();
    let chart = Chart::new(datasets)
        .x_axis(
            Axis::default()
                .bounds([0.0, 23.0])
                .labels(vec![Span::raw(first), Span::raw(last)])
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
