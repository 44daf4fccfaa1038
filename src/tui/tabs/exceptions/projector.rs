//! The projector view: one exception filling the screen for the meeting, its record beside
//! a chart of the indicator's last 13 periods against target and intervention level
//! (`query::trend`), so a red is judged by its trend. The record scrolls with `PgUp`/`PgDn`
//! when it is longer than its pane.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::view::{history_lines, record_lines};
use crate::domain::period::Period;
use crate::domain::workflow::ExceptionKind;
use crate::query::trend::MEETING_PERIODS;
use crate::tui::app::App;
use crate::tui::components::chart;
use crate::tui::components::quality;
use crate::tui::components::widgets::figure;
use crate::tui::data::ChartPoint;
use crate::tui::keymap::View;

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let theme = app.theme;
    let st = &app.exceptions;
    let mut block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.focus_border())
        .title(Span::styled(
            format!(" Exception {} of {} ", st.cursor + 1, st.list.len()),
            theme.title(),
        ));
    let inner = block.inner(area);
    let Some(e) = st.selected() else {
        frame.render_widget(block, area);
        return;
    };
    // The chart for an indicator's exception (red or missing); actions and risks have none.
    let indicator = app
        .data
        .ds
        .indicator(&e.subject)
        .filter(|_| matches!(e.kind, ExceptionKind::Red | ExceptionKind::Missing));
    let points = match (indicator, e.period.parse::<Period>()) {
        (Some(rec), Ok(p)) => app.data.trend(&rec.indicator.code, p),
        _ => vec![],
    };
    let (text_area, chart_area) = if points.is_empty() {
        (inner, None)
    } else if inner.width >= 100 {
        let [t, c] = Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)])
            .spacing(2)
            .areas(inner);
        // Beside the text, the chart no taller than reads well.
        let [c, _] = Layout::vertical([Constraint::Max(22), Constraint::Fill(1)]).areas(c);
        (t, Some(c))
    } else {
        let h = (inner.height / 2).clamp(7, 14).min(inner.height / 2);
        let [c, t] = Layout::vertical([Constraint::Length(h), Constraint::Fill(1)]).areas(inner);
        (t, Some(c))
    };
    let padded = Rect {
        x: text_area.x + 1,
        width: text_area.width.saturating_sub(2),
        ..text_area
    };
    let decimals = indicator.map(|r| r.indicator.decimals).unwrap_or(0);
    let lines = |roomy: bool| {
        let mut lines = record_lines(app, e, roomy);
        if !points.is_empty() {
            lines.push(trend_line(app, &points, decimals));
        }
        // Under the figures, how the exception came to stand where it does.
        if roomy {
            lines.push(Line::from(""));
        }
        lines.extend(history_lines(app));
        Paragraph::new(lines).wrap(Wrap { trim: true })
    };
    let plain = lines(false);
    // On a projector, air between the items makes them readable from the back, when it fits.
    let roomy = plain.line_count(padded.width) * 2 <= padded.height as usize;
    let text = if roomy { lines(true) } else { plain };
    let scroll = &st.record_scroll;
    block = scroll.mark(block, &text, padded, View::Projector, theme);
    frame.render_widget(block, area);
    scroll.draw(frame, padded, text);
    if let (Some(c), Some(rec)) = (chart_area, indicator) {
        let [title, plot] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(c);
        frame.render_widget(
            Paragraph::new(Span::styled(
                format!(
                    "{} over the last {} {}s ({})",
                    rec.indicator.code,
                    points.len(),
                    period_word(&points[0].period),
                    rec.indicator.unit
                ),
                theme.heading(),
            )),
            title,
        );
        chart::render_over(
            frame,
            plot,
            &points,
            rec.indicator.decimals,
            theme,
            // Periods before collection started are left out: the axis spans those kept.
            (points.len().max(2) - 1) as f64,
            &format!("No figures in the last {MEETING_PERIODS} periods"),
        );
    }
}

/// The charted figures in words, oldest first, so each can be read out:
/// "Last 13 months: 2025-10 85.1 G · … · 2026-10 70.3 p R" ("–" where there is none; a
/// provisional or estimated figure marked `p` or `e`).
fn trend_line(app: &App, points: &[ChartPoint], decimals: u8) -> Line<'static> {
    let figures: Vec<String> = points
        .iter()
        .map(|p| {
            format!(
                "{} {} {}",
                p.period,
                quality::marked(figure(p.value, decimals), p.value, p.quality),
                p.rag.letter()
            )
        })
        .collect();
    Line::from(vec![
        Span::styled(
            format!(
                "Last {} {}s: ",
                points.len(),
                period_word(&points[0].period)
            ),
            app.theme.label(),
        ),
        Span::raw(figures.join(" · ")),
    ])
}

/// "month", "quarter" or "year", from how a period is written.
fn period_word(period: &str) -> &'static str {
    match period.parse::<Period>() {
        Ok(Period::Month(_)) => "month",
        Ok(Period::Quarter(_)) => "quarter",
        _ => "year",
    }
}
