//! Drawing the narrative editor over the Entry or Plan tab: what is written already (or
//! the labelled month's commentary the report shows without one), the two boxes, the
//! Period field (the quarter or its year), and the keys or why the save failed.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::{NField, NarrativeEditor};
use crate::tui::app::App;
use crate::tui::components::form::keys_hint;
use crate::tui::components::text_field::draw as draw_field;
use crate::tui::components::widgets::popup_frame;
use crate::tui::components::widgets::{fit, waiting_line};
use crate::tui::keymap::View;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, ed: &NarrativeEditor) {
    let theme = app.theme;
    let inner = popup_frame(
        frame,
        area,
        format!(" Narrative {} · {} ", ed.code, ed.period),
        theme,
    );
    let written = match &ed.base {
        Some(b) => format!(
            "Written by {} on {}; Cabinet reads it in the {} report.",
            b.written_by,
            crate::stamp::for_people(&b.written_at),
            ed.period
        ),
        None if ed.borrowed.is_empty() => format!(
            "No narrative yet: the {} report shows no commentary for it.",
            ed.period
        ),
        None => format!(
            "No narrative yet: the {} report shows \"{}\"",
            ed.period,
            crate::safe_text::line(&ed.borrowed)
        ),
    };
    let head_para = Paragraph::new(vec![
        Line::from(Span::styled(
            fit(&ed.title, inner.width as usize),
            theme.heading(),
        )),
        Line::from(Span::styled(written, theme.dim())),
    ])
    .wrap(Wrap { trim: true });
    let message = match (&app.saving, &ed.message) {
        (Some(saving), _) => waiting_line(saving, theme),
        (None, Some(m)) => Line::from(Span::styled(format!("✗ {m}"), theme.error())),
        (None, None) => Line::from(Span::styled(keys_hint(View::EntryEdit), theme.dim())),
    };
    let msg_para = Paragraph::new(message).wrap(Wrap { trim: true });
    let lines_of = |p: &Paragraph, most: usize| p.line_count(inner.width).clamp(1, most) as u16;
    // The box being typed in takes two thirds of the room, as in the value editor.
    let room = |f: NField| Constraint::Fill(if ed.focus == f { 2 } else { 1 });
    let [head, comm, act, when, msg] = Layout::vertical([
        Constraint::Length(lines_of(&head_para, 4).max(2)),
        room(NField::Commentary),
        room(NField::Action),
        Constraint::Length(1),
        Constraint::Length(lines_of(&msg_para, 4).max(2)),
    ])
    .areas(inner);
    frame.render_widget(head_para, head);
    draw_field(frame, comm, ed.field(NField::Commentary));
    draw_field(frame, act, ed.field(NField::Action));
    // The Period field: the quarter or its year, `←`/`→` between them when it has focus.
    let chosen = format!("◀ {} ▶", ed.period);
    let look = if ed.focus == NField::Period {
        theme
            .focus_border()
            .add_modifier(ratatui::style::Modifier::REVERSED)
    } else {
        theme.label()
    };
    let period_line = Line::from(vec![
        Span::styled("Period ", theme.label()),
        Span::styled(chosen, look),
        Span::styled(
            if ed.focus == NField::Period {
                "  ←/→ the quarter or the year"
            } else {
                "  Tab to it: the quarter or the year"
            },
            theme.dim(),
        ),
    ]);
    frame.render_widget(Paragraph::new(period_line), when);
    frame.render_widget(msg_para, msg);
}
