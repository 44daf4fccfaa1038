//! Drawing the proposal form over the Entry tab: the indicator and its year, the figures as
//! they stand and which side the intervention level lies, the target and intervention
//! fields, the rationale's box (wrapped by word), and the keys or why the save was refused.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::{PField, ProposalForm};
use crate::tui::app::App;
use crate::tui::components::form::keys_hint;
use crate::tui::components::text_field::{draw as draw_field, place_cursor};
use crate::tui::components::widgets::popup_frame;
use crate::tui::components::widgets::{figure, fit, waiting_line};
use crate::tui::keymap::View;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, form: &ProposalForm) {
    let theme = app.theme;
    let inner = popup_frame(
        frame,
        area,
        fit(
            &format!(" Propose {} {} ", form.code, form.year),
            area.width.saturating_sub(2) as usize,
        ),
        theme,
    );
    let b = &form.base;
    let unit = match form.unit.as_str() {
        "%" | "" => crate::safe_text::line(&form.unit).into_owned(),
        u => format!(" {}", crate::safe_text::line(u)),
    };
    let now = match b.state {
        None => format!("No {} target yet.", form.year),
        Some(state) => format!(
            "Now {}: target {}{}, intervention {}.",
            state,
            figure(b.target, b.decimals),
            if b.target.is_some() {
                unit.as_str()
            } else {
                ""
            },
            figure(b.intervention, b.decimals)
        ),
    };
    let head_para = Paragraph::new(vec![
        Line::from(Span::styled(
            fit(&form.title, inner.width as usize),
            theme.heading(),
        )),
        Line::from(vec![
            Span::styled(now, theme.base()),
            Span::styled(format!(" {}.", form.side()), theme.dim()),
        ]),
    ])
    .wrap(Wrap { trim: true });
    let message = match (&app.saving, &form.message) {
        (Some(saving), _) => waiting_line(saving, theme),
        (None, Some(m)) => Line::from(Span::styled(
            format!("✗ {}", crate::safe_text::line(m)),
            theme.error(),
        )),
        (None, None) => Line::from(Span::styled(keys_hint(View::EntryEdit), theme.dim())),
    };
    let msg_para = Paragraph::new(message).wrap(Wrap { trim: true });
    let lines_of = |p: &Paragraph, most: usize| p.line_count(inner.width).clamp(1, most) as u16;
    let [head, figures, why, msg] = Layout::vertical([
        Constraint::Length(lines_of(&head_para, 4).max(2)),
        Constraint::Length(3),
        Constraint::Fill(1),
        Constraint::Length(lines_of(&msg_para, 4).max(2)),
    ])
    .areas(inner);
    let [target, intervention] =
        Layout::horizontal([Constraint::Fill(1), Constraint::Fill(1)]).areas(figures);
    frame.render_widget(head_para, head);
    draw_field(frame, target, form.field(PField::Target));
    draw_field(frame, intervention, form.field(PField::Intervention));
    draw_field(frame, why, form.field(PField::Why));
    match form.focus {
        PField::Target => place_cursor(frame, target, form.field(PField::Target)),
        PField::Intervention => place_cursor(frame, intervention, form.field(PField::Intervention)),
        PField::Why => {}
    }
    frame.render_widget(msg_para, msg);
}
