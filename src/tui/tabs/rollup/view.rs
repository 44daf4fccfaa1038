//! Drawing the Rollup tab: the groups with their G/A/R/M counts, and a group's
//! indicators with quarter value, target, status, direction of travel and year to date.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use crate::domain::label::{code_and_name, name_beside, with_notes};
use crate::domain::rollup::Counts;
use crate::domain::shares;
use crate::query::rollup::Group;
use crate::query::signoff::record_covering;
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::components::quality;
use crate::tui::components::scroll::{Window, with_selected};
use crate::tui::components::widgets::{CountsColumn, figure, fit, pad, rag_badge, rpad};
use crate::tui::keymap::View;

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    if app.rollup.drill {
        draw_drill(frame, area, app);
    } else {
        draw_groups(frame, area, app);
    }
    if let Some(d) = &app.rollup.signoff {
        crate::tui::popups::signoff::view::draw(frame, area, app, d);
    }
}

/// The period's sign-off on record, as the reports give it, or that it is not signed off
/// (and the key that signs it off, for those who may).
fn signoff_line(app: &App) -> Line<'static> {
    let theme = app.theme;
    let period = app.rollup.period;
    match record_covering(&app.data.ds.signoffs, period) {
        Some((p, record)) => Line::from(vec![
            Span::styled(format!("Sign-off of {p}: "), theme.label()),
            Span::styled(crate::safe_text::line(&record).into_owned(), theme.ok()),
        ]),
        None => {
            let mut text = format!("{period} is not signed off");
            if app.offers(Action::SignOff) {
                text.push_str(&format!(
                    ": {} signs it off",
                    View::Rollup.keys_for(Action::SignOff)
                ));
            }
            Line::from(Span::styled(text, theme.dim()))
        }
    }
}

/// A bar of status letters in proportion to the counts, so it reads without colour; every
/// status with a count keeps at least one cell (`domain::shares`).
fn bar(app: &App, c: &Counts, width: usize) -> Vec<Span<'static>> {
    let parts = c.parts();
    let cells = shares::cells(&parts.map(|(_, n)| n), width);
    parts
        .iter()
        .zip(cells)
        .filter(|(_, n)| *n > 0)
        .map(|((rag, _), n)| Span::styled(rag.letter().repeat(n), app.theme.rag(*rag)))
        .collect()
}

fn draw_groups(frame: &mut Frame, area: Rect, app: &App) {
    let st = &app.rollup;
    let theme = app.theme;
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border())
        .title(Span::styled(
            format!(" Rollup · {} · by {} ", st.period, st.by),
            theme.title(),
        ));
    let inner = block.inner(area);
    let Some(r) = &st.rollup else {
        frame.render_widget(block, area);
        return;
    };
    let signoff = Paragraph::new(signoff_line(app)).wrap(Wrap { trim: true });
    let need = (signoff.line_count(inner.width) as u16).clamp(1, 2);
    let [inner, signoff_at] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(need)]).areas(inner);
    frame.render_widget(signoff, signoff_at);
    let inner = with_selected(
        frame,
        inner,
        st.group()
            .map(|g| code_and_name(&g.code, &g.title) + yours(app, &g.code)),
        theme,
    );
    let window = Window::new(
        r.groups.len(),
        st.cursor,
        (inner.height as usize).saturating_sub(1),
    );
    frame.render_widget(window.mark(block, theme), area);
    let w = inner.width as usize;
    let bar_w = if w >= 100 { 30 } else { 12 };
    let counts = CountsColumn::fitting(r.groups.iter().map(|g| &g.counts));
    let title_w = w.saturating_sub(8 + counts.width() + bar_w + 4);
    let mut lines = vec![Line::from(Span::styled(
        fit(
            &format!(
                "{} {} {} {}",
                pad("Code", 8),
                pad("Title", title_w),
                pad("Counts", counts.width()),
                "Share"
            ),
            w,
        ),
        theme.heading(),
    ))];
    if r.groups.is_empty() {
        let keys = crate::tui::keymap::keys_in(&[View::Rollup, View::Global], Action::NextPeriod);
        lines.push(Line::from(Span::styled(
            format!(
                "Nothing is in the plan for {}: {keys} steps to a later period",
                r.period
            ),
            theme.dim(),
        )));
    }
    for (n, g) in r
        .groups
        .iter()
        .enumerate()
        .skip(window.offset)
        .take(window.shown)
    {
        let name = name_beside(&g.code, &g.title);
        let mark = yours(app, &g.code);
        let title = if mark.is_empty() {
            name
        } else {
            // The mark is never the part cut off.
            fit(&name, title_w.saturating_sub(mark.len())) + mark
        };
        let mut spans = vec![Span::raw(format!(
            "{} {} ",
            pad(&g.code, 8),
            pad(&title, title_w)
        ))];
        spans.extend(counts.spans(theme, &g.counts));
        spans.push(Span::raw(" "));
        spans.extend(bar(app, &g.counts, bar_w));
        let mut line = Line::from(spans);
        if n == st.cursor {
            line = line.style(theme.selected());
        }
        lines.push(line);
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// " (yours)" after a portfolio the person logged in holds.
fn yours(app: &App, code: &str) -> &'static str {
    if app.rollup.is_yours(code) {
        " (yours)"
    } else {
        ""
    }
}

fn draw_drill(frame: &mut Frame, area: Rect, app: &App) {
    let st = &app.rollup;
    let theme = app.theme;
    let Some(g) = st.group() else { return };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border())
        .title(Span::styled(
            format!(
                " {}{} · {} ",
                code_and_name(&g.code, &g.title),
                yours(app, &g.code),
                st.period
            ),
            theme.title(),
        ));
    let inner = block.inner(area);
    let Some(i) = g.indicators.get(st.drill_cursor) else {
        frame.render_widget(block, area);
        draw_indicators(frame, inner, app, g);
        return;
    };
    // The selected indicator in full beneath the table (its title wrapped, never cut).
    let mut lines = vec![Line::from(vec![
        Span::styled("▶ ", theme.key()),
        Span::styled(
            with_notes(&code_and_name(&i.code, &i.title), &[&i.unit]),
            theme.heading(),
        ),
    ])];
    let mut notes = vec![format!("rule: {}", i.rule)];
    if let Some(p) = &i.partial {
        notes.push(p.clone());
    }
    if let Some(l) = i.latest_period.as_ref().filter(|l| **l != st.period) {
        notes.insert(0, format!("* the figure is the latest available, from {l}"));
    }
    // The key to a marked figure, in the reports' words.
    if let Some(meaning) = i.quality_mark().and(i.quality).and_then(quality::meaning) {
        notes.insert(0, meaning);
    }
    lines.push(Line::from(Span::styled(notes.join(" · "), theme.dim())));
    let about_text = Paragraph::new(lines).wrap(Wrap { trim: true });
    let need = (about_text.line_count(inner.width) as u16).min(inner.height / 2);
    let [table, about] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(need)]).areas(inner);
    let window = Window::new(
        g.indicators.len(),
        st.drill_cursor,
        (table.height as usize).saturating_sub(1),
    );
    frame.render_widget(window.mark(block, theme), area);
    draw_indicators(frame, table, app, g);
    frame.render_widget(about_text, about);
}

fn draw_indicators(frame: &mut Frame, area: Rect, app: &App, g: &Group) {
    let theme = app.theme;
    let w = area.width as usize;
    // Code 7, value 9 and its data-quality mark 2, target 9, status 3, direction 11, YTD 9,
    // figure's period 11, gaps 7; on a narrow screen the direction is its arrow alone, so
    // the title keeps some room.
    let dir_w = if w >= 100 { 11 } else { 3 };
    let title_w = w.saturating_sub(7 + 9 + 2 + 9 + 3 + dir_w + 9 + 11 + 8);
    let mut lines = vec![Line::from(Span::styled(
        fit(
            &format!(
                "{} {} {}   {} RAG {} {} {}",
                pad("Code", 7),
                pad("Indicator", title_w),
                rpad("Quarter", 9),
                rpad("Target", 9),
                pad(if dir_w > 3 { "Direction" } else { "Dir" }, dir_w),
                rpad("YTD", 9),
                "Figure for"
            ),
            w,
        ),
        theme.heading(),
    ))];
    let cursor = app.rollup.drill_cursor;
    let window = Window::new(
        g.indicators.len(),
        cursor,
        (area.height as usize).saturating_sub(1),
    );
    for (n, i) in g
        .indicators
        .iter()
        .enumerate()
        .skip(window.offset)
        .take(window.shown)
    {
        let direction = i
            .direction
            .map(|d| {
                if dir_w > 3 {
                    format!("{} {}", d.symbol(), d)
                } else {
                    d.symbol().to_string()
                }
            })
            .unwrap_or_else(|| "–".into());
        // The period the figure is from, starred when it is an earlier one (the latest available).
        let latest = match &i.latest_period {
            Some(l) if *l != app.rollup.period => format!("{l}*"),
            Some(l) => l.to_string(),
            None => "–".into(),
        };
        let mut line = Line::from(vec![
            Span::raw(format!(
                "{} {} {}{} {} ",
                pad(&i.code, 7),
                pad(&i.title, title_w),
                rpad(&figure(i.value, i.decimals), 9),
                quality::cell(i.value, i.quality),
                rpad(&figure(i.target, i.decimals), 9)
            )),
            rag_badge(theme, i.rag),
            Span::raw(format!(
                " {} {} {}",
                pad(&direction, dir_w),
                rpad(&figure(i.ytd, i.decimals), 9),
                fit(&latest, 11)
            )),
        ]);
        if n == cursor {
            line = line.style(theme.selected());
        }
        lines.push(line);
    }
    frame.render_widget(Paragraph::new(lines), area);
}
