//! Drawing the value editor on the Entry tab: the figure (or numerator and denominator),
//! what the domain's checks say of it as it is typed, the commentary and remedial action
//! boxes, and the conflict dialog.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::{Editor, Field};
use crate::domain::label::with_notes;
use crate::tui::app::App;
use crate::tui::components::form::keys_hint;
use crate::tui::components::text_field::{draw as draw_field, place_cursor};
use crate::tui::components::widgets::popup_frame;
use crate::tui::components::widgets::{figure, fit, rag_badge, waiting_line};
use crate::tui::keymap::View;
use crate::tui::popups::dialog::{TheirSave, draw_conflict as draw_conflict_of};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, ed: &Editor) {
    draw_editor(frame, area, app, ed);
    // After a conflict, theirs beside mine over the editor.
    draw_conflict(frame, area, app, ed);
}

fn draw_editor(frame: &mut Frame, area: Rect, app: &App, ed: &Editor) {
    let theme = app.theme;
    let dialog = area;
    let inner = popup_frame(
        frame,
        dialog,
        format!(" Edit {} · {} ", ed.code, ed.period),
        theme,
    );
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
        (None, Ok(())) => Line::from(Span::styled(keys_hint(View::EntryEdit), theme.dim())),
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
    let Some(conflict) = &ed.conflict else { return };
    let theirs = conflict.theirs.as_ref().map(|t| TheirSave {
        version: t.version,
        by: &t.entered_by,
        at: &t.entered_at,
        lines: vec![
            format!("Value: {}", figure(Some(t.value), ed.decimals)),
            format!("Commentary: {}", t.commentary),
            format!("Action: {}", t.action),
        ],
    });
    let what = format!("{} {}", ed.code, ed.period);
    draw_conflict_of(frame, area, app.theme, &what, (theirs, "value"), ed.mine());
}
