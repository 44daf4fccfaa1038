//! Closing (or only noting) every agreed item of a meeting's agenda at once, as `pmdb
//! exceptions close --meeting ID --status agreed --note TEXT [--keep-open]` does: the note
//! typed once, the items it goes on named by their codes, one write for all of them
//! (`Store::close_agreed`). `Esc` writes nothing.

use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use ratatui_textarea::TextArea;

use crate::domain::fields::check_text;
use crate::domain::label::counted;
use crate::safe_text;
use crate::store::MeetingRecord;
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::components::text_field::{self, draw as draw_field, show_focus};
use crate::tui::components::theme::Theme;
use crate::tui::components::widgets::popup_frame;
use crate::tui::components::widgets::{centered, waiting_line};
use crate::tui::keymap::View;

pub struct CloseAgreed {
    pub meeting: MeetingRecord,
    /// The agreed items of the agenda: id and subject code.
    pub items: Vec<(i64, String)>,
    pub note: TextArea<'static>,
    /// Close them (true), or only put the note on their record, leaving them agreed.
    pub close: bool,
    /// Why the last save was refused.
    pub message: Option<String>,
}

impl CloseAgreed {
    pub fn new(meeting: MeetingRecord, items: Vec<(i64, String)>, theme: Theme) -> CloseAgreed {
        let mut note = text_field::text_box("", theme);
        show_focus(&mut note, "Note for the record", true, theme);
        CloseAgreed {
            meeting,
            items,
            note,
            close: true,
            message: None,
        }
    }

    pub fn ids(&self) -> Vec<i64> {
        self.items.iter().map(|(id, _)| *id).collect()
    }

    /// "#3 WR1, #5 PL2".
    pub fn codes(&self) -> String {
        self.items
            .iter()
            .map(|(id, code)| format!("#{id} {}", safe_text::line(code)))
            .collect::<Vec<_>>()
            .join(", ")
    }

    pub fn note_text(&self) -> String {
        text_field::text_of(&self.note)
    }

    /// Whether a note was typed: quitting would lose it.
    pub fn dirty(&self) -> bool {
        !self.note_text().trim().is_empty()
    }

    /// Whether the note may be saved, and if not why: the store's own rule for the text of
    /// a note (no control characters, not too long), said as it is typed.
    pub fn check(&self) -> Result<(), String> {
        let note = self.note_text();
        if note.trim().is_empty() {
            return Err("write the note that goes on each item's record".into());
        }
        check_text("the note", note.trim()).map_err(|e| e.to_string())
    }

    pub fn type_key(&mut self, key: KeyEvent) {
        text_field::type_key(&mut self.note, key);
        self.message = None;
    }

    /// "closes 2 agreed items: #3 WR1, #5 PL2", or "notes …, leaving them agreed".
    pub fn what(&self) -> String {
        let n = counted(self.items.len(), "agreed item", "agreed items");
        if self.close {
            format!("Closes {n}: {}", self.codes())
        } else {
            format!("Notes {n}, leaving them agreed: {}", self.codes())
        }
    }
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App, dlg: &CloseAgreed) {
    let theme = app.theme;
    let toggle = format!(
        " ({} to {})",
        View::CloseAgreed.keys_for(Action::NextField),
        if dlg.close {
            "only note them"
        } else {
            "close them"
        }
    );
    let what = Paragraph::new(Line::from(vec![
        Span::styled(dlg.what(), theme.heading()),
        Span::styled(toggle, theme.dim()),
    ]))
    .wrap(Wrap { trim: true });
    // Every item's code, however many: the dialog grows to the screen's height, then the
    // note's box gives up the room, down to one line.
    let lines = what.line_count(74).min(u16::MAX as usize) as u16;
    let dialog = centered(area, 76, lines.saturating_add(9).max(14));
    let m = &dlg.meeting;
    let inner = popup_frame(
        frame,
        dialog,
        format!(
            " Meeting #{}: {} on {} · its agreed items ",
            m.id,
            safe_text::line(&m.board),
            safe_text::line(&m.date)
        ),
        theme,
    );
    let [what_area, note, msg] = Layout::vertical([
        Constraint::Length(lines.min(inner.height.saturating_sub(5))),
        Constraint::Min(3),
        Constraint::Length(2),
    ])
    .areas(inner);
    frame.render_widget(what, what_area);
    draw_field(frame, note, &dlg.note);
    let keys = |a| View::CloseAgreed.keys_for(a);
    let line = match &dlg.message {
        _ if let Some(saving) = &app.saving => waiting_line(saving, theme),
        Some(m) => Line::from(Span::styled(format!("✗ {m}"), theme.error())),
        None if let Err(why) = dlg.check() => Line::from(Span::styled(
            format!("! {why} · {} cancels", keys(Action::Back)),
            theme.warn(),
        )),
        None => Line::from(Span::styled(
            format!(
                "✓ ready: {} {} them all in one write · {} cancels, nothing written",
                keys(Action::Save),
                if dlg.close { "closes" } else { "notes" },
                keys(Action::Back)
            ),
            theme.ok(),
        )),
    };
    frame.render_widget(Paragraph::new(line).wrap(Wrap { trim: true }), msg);
}
