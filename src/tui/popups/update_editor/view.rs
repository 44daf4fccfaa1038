//! Drawing the update editor on the Entry tab: the status chooser, the figures, the
//! commentary, what the domain's checks say as it is typed, and the conflict dialog.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::{UField, UpdateEditor};
use crate::query::entry_return::ItemKind;
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::components::form::{Form, keys_hint};
use crate::tui::components::text_field::{draw as draw_field, place_cursor};
use crate::tui::components::widgets::popup_frame;
use crate::tui::components::widgets::{delivery_badge, fit, waiting_line};
use crate::tui::keymap::View;
use crate::tui::popups::dialog::{TheirSave, draw_conflict as draw_conflict_of};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, ed: &UpdateEditor) {
    draw_editor(frame, area, app, ed);
    // After a conflict, theirs beside mine over the editor.
    draw_conflict(frame, area, app, ed);
}

fn draw_editor(frame: &mut Frame, area: Rect, app: &App, ed: &UpdateEditor) {
    let theme = app.theme;
    let what = match ed.kind {
        ItemKind::Risk => format!(" Review {} · {} ", ed.code, ed.today),
        kind => format!(" Update {} {} · {} ", kind.word(), ed.code, ed.period),
    };
    let inner = popup_frame(frame, area, what, theme);
    let check_para = Paragraph::new(check_line(app, ed)).wrap(Wrap { trim: true });
    let msg_para = Paragraph::new(message_line(app, ed)).wrap(Wrap { trim: true });
    let lines_of = |p: &Paragraph, most: usize| p.line_count(inner.width).clamp(1, most) as u16;
    let [head, fields, check, comm, msg] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Length(3),
        Constraint::Length(lines_of(&check_para, 3).max(1)),
        Constraint::Fill(1),
        Constraint::Length(lines_of(&msg_para, 4).max(2)),
    ])
    .areas(inner);
    let stored = match (ed.kind, ed.version) {
        (ItemKind::Risk, _) => "A review dated today; the score is likelihood × impact".into(),
        (_, 0) => format!("No update for {} yet", ed.period),
        (_, v) => format!("Updating the stored update for {} (version {v})", ed.period),
    };
    frame.render_widget(
        Paragraph::new(vec![
            Line::from(Span::styled(
                fit(&ed.title, inner.width as usize),
                theme.heading(),
            )),
            Line::from(Span::styled(stored, theme.dim())),
        ]),
        head,
    );
    // The one-line fields side by side, the status chooser first.
    let row: Vec<UField> = ed
        .tab_order()
        .into_iter()
        .filter(|f| *f != UField::Commentary)
        .collect();
    let areas = Layout::horizontal(row.iter().map(|f| match f {
        UField::Status => Constraint::Length(16),
        _ => Constraint::Fill(1),
    }))
    .split(fields);
    let on_top = ed.conflict.is_none() && app.help.is_none() && app.question.is_none();
    for (f, at) in row.iter().zip(areas.iter()) {
        if *f == UField::Status {
            let on = ed.focus == UField::Status;
            let block = Block::default()
                .borders(Borders::ALL)
                .border_style(if on {
                    theme.focus_border()
                } else {
                    theme.border()
                })
                .title(if on {
                    "▶ Status ←/→ "
                } else {
                    "  Status "
                });
            let word = format!("‹ {} ›", ed.status_word());
            frame.render_widget(
                Paragraph::new(Span::styled(
                    word,
                    if on { theme.cursor() } else { theme.input() },
                ))
                .block(block),
                *at,
            );
        } else {
            draw_field(frame, *at, ed.field(*f));
            if on_top && ed.focus == *f {
                place_cursor(frame, *at, ed.field(*f));
            }
        }
    }
    frame.render_widget(check_para, check);
    draw_field(frame, comm, ed.field(UField::Commentary));
    frame.render_widget(msg_para, msg);
}

/// "✓ ready to save", a risk's "✓ 3 × 4 = 12 → A amber", or "✗ why not".
fn check_line(app: &App, ed: &UpdateEditor) -> Line<'static> {
    let theme = app.theme;
    match (&ed.checked, ed.score) {
        (Ok(()), Some((l, i, score, rag))) => Line::from(vec![
            Span::styled("✓ ", theme.ok()),
            Span::raw(format!("{l} × {i} = {score} → ")),
            delivery_badge(theme, rag),
            Span::raw(format!(
                " {} (bands {})",
                rag.as_str(),
                app.data.ds.delivery.bands
            )),
        ]),
        (Ok(()), None) => Line::from(vec![
            Span::styled("✓ ", theme.ok()),
            Span::raw(format!("{} for {}", ed.status_word(), ed.period)),
        ]),
        (Err(why), _) => Line::from(Span::styled(format!("✗ {why}"), theme.error())),
    }
}

/// Under the editor: the waiting save, why the last save failed (when the check does not
/// already say it), or the keys.
fn message_line(app: &App, ed: &UpdateEditor) -> Line<'static> {
    let theme = app.theme;
    // A refusal the check above already says is not said twice.
    let said = |m: &String| ed.checked.as_ref().err() == Some(m);
    match &ed.message {
        _ if let Some(saving) = &app.saving => waiting_line(saving, theme),
        Some(m) if !said(m) => Line::from(Span::styled(format!("✗ {m}"), theme.error())),
        _ => {
            let keys = |a| View::UpdateEdit.keys_for(a);
            let status = if ed.kind == ItemKind::Risk {
                String::new()
            } else {
                format!(
                    "{}/{} or a letter choose the status · ",
                    keys(Action::Left),
                    keys(Action::Right)
                )
            };
            Line::from(Span::styled(
                format!("{status}{}", keys_hint(View::UpdateEdit)),
                theme.dim(),
            ))
        }
    }
}

fn draw_conflict(frame: &mut Frame, area: Rect, app: &App, ed: &UpdateEditor) {
    let Some(theirs) = &ed.conflict else { return };
    let theirs = theirs.as_ref().map(|t| TheirSave {
        version: t.version,
        by: &t.by,
        at: &t.at,
        lines: vec![
            format!("Status: {}", t.status),
            t.figures.clone(),
            format!("Commentary: {}", t.commentary),
        ],
    });
    let what = format!("{} {}", ed.code, ed.period);
    draw_conflict_of(frame, area, app.theme, &what, (theirs, "update"), ed.mine());
}
