//! Drawing the meeting form over the Exceptions tab: the proposal, PPG's decision, the board
//! an escalation goes to, or the board's outcome with its member and due date, and what the
//! workflow's rules say of it as it is typed.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::{ExceptionForm, Field, FormKind};
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::components::text_field::{draw as draw_field, place_cursor};
use crate::tui::components::widgets::popup_frame;
use crate::tui::components::widgets::{centered, waiting_line};
use crate::tui::keymap::View;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, form: &ExceptionForm) {
    let theme = app.theme;
    // Room for the proposal too when the form asks for it.
    let h = match form.kind {
        FormKind::Escalate => 15,
        FormKind::Outcome => 18,
        _ => 14,
    } + if form.asks_proposal { 6 } else { 0 };
    let choices = app.exceptions.form_choices(&app.data);
    let dialog = centered(area, 76, h);
    let inner = popup_frame(
        frame,
        dialog,
        format!(" #{} {} · {} ", form.id, form.subject, form.title()),
        theme,
    );
    let fields = form.fields();
    let mut rows: Vec<Constraint> = fields
        .iter()
        .map(|f| match f {
            Field::Proposal | Field::Text => Constraint::Fill(1),
            Field::Board | Field::Member => Constraint::Length(1),
            Field::Due => Constraint::Length(3),
        })
        .collect();
    rows.push(Constraint::Length(2));
    let areas = Layout::vertical(rows).split(inner);
    for (f, at) in fields.iter().zip(areas.iter()) {
        match f {
            Field::Proposal => draw_field(frame, *at, &form.proposal),
            Field::Text => draw_field(frame, *at, &form.text),
            Field::Board | Field::Member => {
                let (label, chosen) = if *f == Field::Board {
                    let board = form
                        .chosen(&choices)
                        .map(|b| app.data.ds.board_title(b))
                        .unwrap_or_else(|| "no board to choose".into());
                    ("Board", board)
                } else {
                    let member = form
                        .chosen(&choices)
                        .map(|m| format!("{} ({m})", app.data.name_of(m)))
                        .unwrap_or_else(|| "none on the board".into());
                    ("Board member", member)
                };
                let on = form.focused() == *f;
                let style = if on {
                    theme.focus_border()
                } else {
                    theme.base()
                };
                let marker = if on { "▶" } else { " " };
                frame.render_widget(
                    Paragraph::new(Line::from(vec![
                        Span::styled(format!("{marker} {label}: "), style),
                        Span::styled(format!("◀ {chosen} ▶"), style),
                        Span::styled(
                            format!(
                                "  ({}/{} to change)",
                                View::BoardMember.keys_for(Action::Left),
                                View::BoardMember.keys_for(Action::Right)
                            ),
                            theme.dim(),
                        ),
                    ])),
                    *at,
                );
            }
            Field::Due => {
                draw_field(frame, *at, &form.due);
                if form.focused() == Field::Due && app.help.is_none() && app.question.is_none() {
                    place_cursor(frame, *at, &form.due);
                }
            }
        }
    }
    let msg = areas[areas.len() - 1];
    let line = match (&form.message, &form.check) {
        _ if let Some(saving) = &app.saving => waiting_line(saving, theme),
        (Some(m), _) => Line::from(Span::styled(format!("✗ {m}"), theme.error())),
        (None, Err(why)) => Line::from(Span::styled(format!("! {why}"), theme.warn())),
        (None, Ok(())) => Line::from(Span::styled(
            format!(
                "✓ ready: {} saves · {} cancels",
                View::ExceptionForm.keys_for(Action::Save),
                View::ExceptionForm.keys_for(Action::Back)
            ),
            theme.ok(),
        )),
    };
    frame.render_widget(Paragraph::new(line).wrap(Wrap { trim: true }), msg);
}
