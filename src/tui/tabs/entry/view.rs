//! Drawing the Entry tab: the officer's grid, with the officer chooser or an editor over it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::Pick;
use crate::domain::deadline::fmt_due;
use crate::domain::owed::Owing;
use crate::query::entry_grid::EntryRow;
use crate::query::entry_return::ReturnRow;
use crate::tui::app::App;
use crate::tui::components::quality;
use crate::tui::components::scroll::{Window, with_selected};
use crate::tui::components::widgets::{
    delivery_badge, figure, first_fitting, fit, pad, rag_badge, rpad, short_name,
};

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    if let Some(pane) = &app.entry.targets {
        super::targets_view::draw(frame, area, app, pane);
        return;
    }
    draw_grid(frame, area, app);
    if let Some(ch) = &app.entry.chooser {
        crate::tui::components::officer_chooser::draw(frame, area, ch, app.theme);
    }
    if let Some(ed) = &app.entry.editor {
        crate::tui::popups::value_editor::view::draw(frame, area, app, ed);
    }
    if let Some(ed) = &app.entry.update {
        crate::tui::popups::update_editor::view::draw(frame, area, app, ed);
    }
    if let Some(ed) = &app.entry.narrative {
        crate::tui::popups::narrative_editor::view::draw(frame, area, app, ed);
    }
}

/// " My return for 2026-10 · Sam Jenkins (sjenkins) " in `cells`: the title gives way,
/// post first, then name, down to " 2026-10 · sjenkins ", so the login is never cut.
pub(super) fn officer_title(app: &App, what: &str, short: &str, cells: usize) -> String {
    let officer = &app.entry.officer;
    let who = app.data.name_of(officer);
    first_fitting(
        &[
            format!(" {what} · {who} ({officer}) "),
            format!(" {what} · {} ({officer}) ", short_name(who)),
            format!(" {short} · {officer} "),
        ],
        cells,
    )
}

fn draw_grid(frame: &mut Frame, area: Rect, app: &App) {
    let st = &app.entry;
    let theme = app.theme;
    let filter_w = st.filter.width();
    let title = officer_title(
        app,
        &format!("My return for {}", st.month),
        &st.month.to_string(),
        (area.width as usize).saturating_sub(2 + filter_w),
    );
    let block = st.filter.block(theme, title);
    let inner = block.inner(area);
    let selected = st.selected_label();
    let inner = with_selected(frame, inner, selected, theme);
    let window = Window::new(
        st.visible.len(),
        st.cursor,
        (inner.height as usize).saturating_sub(1),
    );
    frame.render_widget(window.mark(block, theme), area);
    let w = inner.width as usize;
    // The Due column says "locked" for a signed-off period, else the deadline, with its
    // year when that is not this year.
    let today = app.data.today;
    let due_of = |locked: Option<_>, on| match locked {
        Some(_) => "locked".to_string(),
        None => fmt_due(on, today),
    };
    let due = |p: &Pick| match *p {
        // Before collection starts nothing is owed, so there is no deadline to give.
        Pick::Value(i) if st.rows[i].owing.by().is_none() && st.rows[i].locked.is_none() => {
            "–".to_string()
        }
        Pick::Value(i) => due_of(st.rows[i].locked, st.rows[i].deadline),
        Pick::Item(i) => due_of(st.items[i].locked, st.items[i].due),
    };
    let due_w = st
        .visible
        .iter()
        .map(|p| due(p).chars().count())
        .max()
        .unwrap_or(0)
        .max(6);
    // "late 120d" and "update missing" are the widest marks; "OVERDUE" the widest
    // otherwise. A narrow screen says "missing" and "overdue".
    let wide = w >= 100;
    let item_mark = |r: &ReturnRow| match r.mark() {
        "update missing" if !wide => "missing",
        "review overdue" if !wide => "overdue",
        m => m,
    };
    let mark_w = st
        .visible
        .iter()
        .map(|p| match *p {
            Pick::Value(i) => value_mark(&st.rows[i]).0.chars().count(),
            Pick::Item(i) => item_mark(&st.items[i]).chars().count(),
        })
        .max()
        .unwrap_or(0)
        .max(7);
    // Code 7, period 10, value 8 and its data-quality mark 2, target 8, status 3,
    // deadline, mark and the gaps between them: the title takes the rest.
    let fixed = 7 + 10 + 8 + 2 + 8 + 3 + due_w + mark_w + 8;
    let title_w = w.saturating_sub(fixed).max(8);
    let header = format!(
        "{} {} {} {}   {} RAG {} {}",
        pad("Code", 7),
        pad("Indicator, action, project, risk", title_w),
        pad("Period", 10),
        rpad("Value", 8),
        rpad("Target", 8),
        pad("Due", due_w),
        "Status"
    );
    let mut lines = vec![Line::from(Span::styled(fit(&header, w), theme.heading()))];
    if st.visible.is_empty() {
        let text = if st.filter.is_empty() {
            format!(
                "{} owns or enters no indicators and owes no updates",
                st.officer
            )
        } else {
            "Nothing matches the filter".to_string()
        };
        lines.push(Line::from(Span::styled(text, theme.dim())));
    }
    let due_style = |locked: bool| if locked { theme.label() } else { theme.base() };
    for (n, pick) in st
        .visible
        .iter()
        .enumerate()
        .skip(window.offset)
        .take(window.shown)
    {
        let mut line = match *pick {
            Pick::Value(i) => {
                let r = &st.rows[i];
                let dp = app
                    .data
                    .ds
                    .indicator(&r.code)
                    .map(|i| i.indicator.decimals)
                    .unwrap_or(0);
                let value = r.stored.as_ref().map(|v| v.value);
                let quality = r.stored.as_ref().map(|v| v.quality);
                let rag = r.shown_rag();
                let (text, kind) = value_mark(r);
                let mark = Span::styled(
                    text,
                    match kind {
                        MarkKind::Overdue => theme.error(),
                        MarkKind::ToDo | MarkKind::Late => theme.warn(),
                        MarkKind::NotOwed => theme.dim(),
                        MarkKind::Done => theme.ok(),
                    },
                );
                Line::from(vec![
                    Span::raw(format!(
                        "{} {} {} {}{} {} ",
                        pad(&r.code, 7),
                        pad(&r.title, title_w),
                        pad(&r.period.to_string(), 10),
                        rpad(&figure(value, dp), 8),
                        quality::cell(value, quality),
                        rpad(&figure(r.assessment.target, dp), 8)
                    )),
                    rag_badge(theme, rag),
                    Span::raw(" "),
                    Span::styled(pad(&due(pick), due_w), due_style(r.locked.is_some())),
                    Span::raw(" "),
                    mark,
                ])
            }
            Pick::Item(i) => {
                let r = &st.items[i];
                let mark = item_mark(r);
                let mark_style = if r.given {
                    theme.ok()
                } else if r.overdue {
                    theme.error()
                } else {
                    theme.warn()
                };
                Line::from(vec![
                    Span::raw(format!(
                        "{} {} {} {}   {} ",
                        pad(&r.code, 7),
                        pad(&format!("{} {}", r.kind.tag(), r.title), title_w),
                        pad(&r.period.to_string(), 10),
                        rpad(&r.figure, 8),
                        rpad(&r.target, 8)
                    )),
                    delivery_badge(theme, r.rag),
                    Span::raw(" "),
                    Span::styled(pad(&due(pick), due_w), due_style(r.locked.is_some())),
                    Span::raw(" "),
                    Span::styled(mark, mark_style),
                ])
            }
        };
        if n == st.cursor {
            line = line.style(theme.selected());
        }
        lines.push(line);
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// What a value's mark says of it.
enum MarkKind {
    Overdue,
    ToDo,
    NotOwed,
    Late,
    Done,
}

/// A value row's mark, by the one rule of what is owed: "OVERDUE", "to do", "from
/// 2026-08" (not collected yet, so not owed), "late 3d" or "done".
fn value_mark(r: &EntryRow) -> (String, MarkKind) {
    match (&r.stored, r.owing) {
        (None, _) if r.overdue => ("OVERDUE".into(), MarkKind::Overdue),
        (None, Owing::NotCollected { from }) => (format!("from {from}"), MarkKind::NotOwed),
        (None, _) => ("to do".into(), MarkKind::ToDo),
        (Some(_), _) => match r.late_days {
            Some(days) => (format!("late {days}d"), MarkKind::Late),
            None => ("done".into(), MarkKind::Done),
        },
    }
}
