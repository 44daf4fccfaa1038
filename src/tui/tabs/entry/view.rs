//! Drawing the Entry tab: the officer's grid, the editor and the save-conflict dialog.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::Pick;
use crate::domain::deadline::fmt_due;
use crate::domain::label::with_notes;
use crate::domain::owed::Owing;
use crate::query::entry_grid::EntryRow;
use crate::query::entry_return::ReturnRow;
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::components::scroll::{Window, with_selected};
use crate::tui::components::text_field::{draw as draw_field, place_cursor};
use crate::tui::components::widgets::{
    delivery_badge, figure, first_fitting, fit, pad, rag_badge, rpad, short_name, waiting_line,
};
use crate::tui::keymap::View;
use crate::tui::popups::value_editor::{Editor, Field};

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    draw_grid(frame, area, app);
    if let Some(ch) = &app.entry.chooser {
        crate::tui::components::officer_chooser::draw(frame, area, ch, app.theme);
    }
    if let Some(ed) = &app.entry.editor {
        draw_editor(frame, area, app, ed);
        if ed.conflict.is_some() {
            draw_conflict(frame, area, app, ed);
        }
    }
    if let Some(ed) = &app.entry.update {
        crate::tui::popups::update_editor::view::draw(frame, area, app, ed);
    }
}

fn draw_grid(frame: &mut Frame, area: Rect, app: &App) {
    let st = &app.entry;
    let theme = app.theme;
    let who = app.data.name_of(&st.officer);
    // The title gives way, post first, then name, so the login is never cut.
    let filter_w = st.filter.width();
    let title = first_fitting(
        &[
            format!(" My return for {} · {who} ({}) ", st.month, st.officer),
            format!(
                " My return for {} · {} ({}) ",
                st.month,
                short_name(who),
                st.officer
            ),
            format!(" {} · {} ", st.month, st.officer),
        ],
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
    // Code 7, period 10, value 8, target 8, status 3, deadline, mark and the gaps between
    // them: the title takes the rest.
    let fixed = 7 + 10 + 8 + 8 + 3 + due_w + mark_w + 8;
    let title_w = w.saturating_sub(fixed).max(8);
    let header = format!(
        "{} {} {} {} {} RAG {} {}",
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
                        "{} {} {} {} {} ",
                        pad(&r.code, 7),
                        pad(&r.title, title_w),
                        pad(&r.period.to_string(), 10),
                        rpad(&figure(value, dp), 8),
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
                        "{} {} {} {} {} ",
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

fn draw_editor(frame: &mut Frame, area: Rect, app: &App, ed: &Editor) {
    let theme = app.theme;
    let dialog = area;
    frame.render_widget(Clear, dialog);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.focus_border())
        .title(Span::styled(
            format!(" Edit {} · {} ", ed.code, ed.period),
            theme.title(),
        ));
    let inner = block.inner(dialog);
    frame.render_widget(block, dialog);
    // The check and the message take the lines their words need (the text boxes give
    // way), so a refusal is never cut short.
    let check_para = Paragraph::new(check_lines(app, ed)).wrap(Wrap { trim: true });
    let msg_para = Paragraph::new(message_line(app, ed)).wrap(Wrap { trim: true });
    let lines_of = |p: &Paragraph, most: usize| p.line_count(inner.width).clamp(1, most) as u16;
    // The box being typed in takes two thirds of the room the two boxes share, so a
    // paragraph of commentary (300 characters, wrapped) shows whole at 80×24.
    let room = |f: Field| Constraint::Fill(if ed.focus == f { 2 } else { 1 });
    let [head, fields, check, comm, act, msg] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Length(3),
        Constraint::Length(lines_of(&check_para, 3).max(2)),
        room(Field::Commentary),
        room(Field::Action),
        Constraint::Length(lines_of(&msg_para, 4).max(2)),
    ])
    .areas(inner);
    let stored = match &ed.base {
        Some(b) => format!(
            "Stored: {} (version {}, {} on {})",
            figure(Some(b.value), ed.decimals),
            b.version,
            b.entered_by,
            crate::stamp::for_people(&b.entered_at)
        ),
        None => "Nothing stored yet".to_string(),
    };
    let dp_text = format!(
        "{} decimal place{}",
        ed.decimals,
        if ed.decimals == 1 { "" } else { "s" }
    );
    frame.render_widget(
        Paragraph::new(vec![
            Line::from(Span::styled(
                fit(
                    &with_notes(&ed.title, &[&ed.unit, &dp_text]),
                    inner.width as usize,
                ),
                theme.heading(),
            )),
            Line::from(Span::styled(stored, theme.dim())),
        ]),
        head,
    );
    let focused = if ed.ratio {
        let [n, d] = Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)])
            .areas(fields);
        draw_field(frame, n, &ed.numerator);
        draw_field(frame, d, &ed.denominator);
        [(Field::Numerator, n), (Field::Denominator, d)]
            .into_iter()
            .find(|(f, _)| *f == ed.focus)
    } else {
        draw_field(frame, fields, &ed.value);
        (ed.focus == Field::Value).then_some((Field::Value, fields))
    };
    // Nothing is drawn over the editor: show the terminal's cursor in the figure typed.
    let on_top = ed.conflict.is_none() && app.help.is_none() && app.question.is_none();
    if let Some((f, at)) = focused.filter(|_| on_top) {
        place_cursor(frame, at, ed.field(f));
    }
    frame.render_widget(check_para, check);
    draw_field(frame, comm, ed.field(Field::Commentary));
    draw_field(frame, act, ed.field(Field::Action));
    frame.render_widget(msg_para, msg);
}

/// Under the editor: the waiting save, why the last save failed, what a missed target
/// still needs, or the keys.
fn message_line(app: &App, ed: &Editor) -> Line<'static> {
    let theme = app.theme;
    match (&ed.message, &ed.explained) {
        _ if let Some(saving) = &app.saving => waiting_line(saving, theme),
        (Some(m), _) => Line::from(Span::styled(format!("✗ {m}"), theme.error())),
        (None, Err(why)) => Line::from(Span::styled(format!("! {why}"), theme.warn())),
        (None, Ok(())) => {
            let keys = |a| View::EntryEdit.keys_for(a);
            Line::from(Span::styled(
                format!(
                    "{} or {} saves · {} next field · {} cancels",
                    keys(Action::Save),
                    keys(Action::Submit),
                    keys(Action::NextField),
                    keys(Action::Back)
                ),
                theme.dim(),
            ))
        }
    }
}

/// "✓ 45.2 → A amber: <rule>" or "✗ why not".
fn check_lines(app: &App, ed: &Editor) -> Vec<Line<'static>> {
    let theme = app.theme;
    match (&ed.checked, &ed.preview) {
        (Ok(v), Some(a)) => {
            // A figure typed with more decimals than the indicator shows is kept; say how
            // it is shown and judged, beside it.
            let typed = ed.value.lines().join("");
            let note = app
                .data
                .ds
                .indicator(&ed.code)
                .and_then(|r| crate::domain::bounds::shown_as(&r.indicator, &typed, *v))
                .map(|n| format!(" ({n})"))
                .unwrap_or_default();
            vec![Line::from(vec![
                Span::styled("✓ ", theme.ok()),
                Span::raw(format!(
                    "{}{}{note} → ",
                    figure(Some(*v), ed.decimals),
                    if ed.unit.trim().is_empty() {
                        String::new()
                    } else {
                        format!(" {}", ed.unit)
                    }
                )),
                rag_badge(theme, a.rag),
                Span::raw(format!(" {}: {}", a.rag, a.rule)),
            ])]
        }
        (Ok(v), None) => vec![Line::from(format!("✓ {}", figure(Some(*v), ed.decimals)))],
        (Err(why), _) if why.is_empty() => vec![],
        (Err(why), _) => vec![Line::from(Span::styled(format!("✗ {why}"), theme.error()))],
    }
}

fn draw_conflict(frame: &mut Frame, area: Rect, app: &App, ed: &Editor) {
    let theme = app.theme;
    let Some(conflict) = &ed.conflict else { return };
    let theirs = match &conflict.theirs {
        Some(t) => vec![
            Line::from(Span::styled(
                format!("Theirs (version {})", t.version),
                theme.heading(),
            )),
            Line::from(format!(
                "by {} on {}",
                t.entered_by,
                crate::stamp::for_people(&t.entered_at)
            )),
            Line::from(format!("Value: {}", figure(Some(t.value), ed.decimals))),
            Line::from(format!("Commentary: {}", t.commentary)),
            Line::from(format!("Action: {}", t.action)),
        ],
        None => vec![Line::from(Span::styled(
            "Theirs: the value was removed",
            theme.heading(),
        ))],
    };
    let (v, c, a) = ed.mine();
    let mine = vec![
        Line::from(Span::styled("Mine (not saved)", theme.heading())),
        Line::from(""),
        Line::from(format!("Value: {v}")),
        Line::from(format!("Commentary: {c}")),
        Line::from(format!("Action: {a}")),
    ];
    crate::tui::popups::dialog::draw_conflict(
        frame,
        area,
        theme,
        &format!("{} {}", ed.code, ed.period),
        theirs,
        mine,
    );
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
