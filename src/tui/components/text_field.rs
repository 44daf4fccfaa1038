//! Typing into a text field, the same in every form (the value editor, the exception form):
//! a field opens with its cursor at the end of what is there, so typing never lands in
//! front of the old figure; `Ctrl-U` clears the line, `Home`/`End` and `Ctrl-A`/`Ctrl-E`
//! move to its start and end, and `Backspace` deletes before the cursor. A box of prose
//! (a commentary, an action, a proposal, a decision) wraps by word, so an officer's
//! paragraph shows whole, first word to last, where it would scroll sideways.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::widgets::{Block, Borders};
use ratatui_textarea::{CursorMove, DataCursor, TextArea, WrapMode};

use super::theme::Theme;
use crate::safe_text;

/// A field holding `text` (one line per line of it), its cursor after the last character.
pub fn field(text: &str, theme: Theme) -> TextArea<'static> {
    let lines: Vec<String> = text.lines().map(String::from).collect();
    let mut t = if lines.is_empty() {
        TextArea::default()
    } else {
        TextArea::new(lines)
    };
    t.set_cursor_line_style(theme.base());
    t.set_style(theme.input());
    t.move_cursor(CursorMove::Bottom);
    t.move_cursor(CursorMove::End);
    t
}

/// A box of prose holding `text`: a field that wraps its lines by word at the box's width.
pub fn text_box(text: &str, theme: Theme) -> TextArea<'static> {
    let mut t = field(text, theme);
    t.set_wrap_mode(WrapMode::Word);
    t
}

/// What a field holds, its lines joined.
pub fn text_of(t: &TextArea) -> String {
    t.lines().join("\n")
}

/// What a one-line field holds, trimmed: a figure or a date.
pub fn line_of(t: &TextArea) -> String {
    t.lines().join("").trim().to_string()
}

/// Types one key into a field. `Ctrl-U` clears the line the cursor is on (ratatui-textarea
/// would take it as undo); every other key is ratatui-textarea's own: `Home`/`Ctrl-A` and
/// `End`/`Ctrl-E` to the start and end of the line, `Backspace` before the cursor.
pub fn type_key(t: &mut TextArea<'static>, key: KeyEvent) {
    if key.code == KeyCode::Char('u') && key.modifiers.contains(KeyModifiers::CONTROL) {
        t.move_cursor(CursorMove::End);
        t.delete_line_by_head();
        return;
    }
    t.input(key);
}

/// Shows whether a field has focus: a "▶" before its title, the focus border and the
/// cursor (reverse video, so also without colour) on the focused one only.
pub fn show_focus(t: &mut TextArea<'static>, title: &str, on: bool, theme: Theme) {
    let marker = if on { "▶" } else { " " };
    t.set_block(
        Block::default()
            .borders(Borders::ALL)
            .border_style(if on {
                theme.focus_border()
            } else {
                theme.border()
            })
            .title(format!("{marker} {title} ")),
    );
    t.set_cursor_style(if on { theme.cursor() } else { theme.input() });
}

/// The field `by` steps from `at` among a form's `fields`, round from last to first.
pub fn step_among<F: Copy + PartialEq>(fields: &[F], at: F, by: isize) -> F {
    let i = fields.iter().position(|f| *f == at).unwrap_or(0) as isize;
    fields[(i + by).rem_euclid(fields.len() as isize) as usize]
}

/// Draws a field in `area`: its inside in the input colour first, as tui-textarea filled
/// it (ratatui-textarea colours only the cells its text takes), then the field.
pub fn draw(frame: &mut Frame, area: Rect, t: &TextArea) {
    let inside = t.block().map_or(area, |b| b.inner(area));
    frame.buffer_mut().set_style(inside, t.style());
    frame.render_widget(t, area);
}

/// Puts the terminal's own cursor where a one-line field's cursor is (inside its border),
/// so it shows as the terminal shows a cursor, besides the reversed cell the field draws.
pub fn place_cursor(frame: &mut Frame, area: Rect, t: &TextArea) {
    let DataCursor(row, col) = t.cursor();
    let Some(line) = t.lines().get(row) else {
        return;
    };
    let before: String = line.chars().take(col).collect();
    let x = area.x as usize + 1 + safe_text::width(&before);
    let inside = (area.x + area.width).saturating_sub(1) as usize;
    if row == 0 && x < inside && area.height >= 3 {
        frame.set_cursor_position(Position::new(x as u16, area.y + 1));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    fn ctrl(c: char) -> KeyEvent {
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
    }

    fn typed(t: &mut TextArea<'static>, keys: &[KeyEvent]) -> String {
        for k in keys {
            type_key(t, *k);
        }
        t.lines().join("\n")
    }

    #[test]
    fn a_field_opens_with_its_cursor_after_the_old_text() {
        let mut t = field("13.3", Theme::PLAIN);
        assert_eq!(t.cursor(), (0, 4));
        assert_eq!(typed(&mut t, &[key(KeyCode::Char('0'))]), "13.30");
        let t = field("first\nsecond", Theme::PLAIN);
        assert_eq!(t.cursor(), (1, 6));
    }

    #[test]
    fn ctrl_u_clears_and_home_end_ctrl_a_ctrl_e_move() {
        let mut t = field("13.3", Theme::PLAIN);
        assert_eq!(typed(&mut t, &[key(KeyCode::Backspace)]), "13.");
        assert_eq!(typed(&mut t, &[ctrl('u')]), "");
        let three_oh = [key(KeyCode::Char('3')), key(KeyCode::Char('0'))];
        assert_eq!(typed(&mut t, &three_oh), "30");
        assert_eq!(
            typed(&mut t, &[key(KeyCode::Home), key(KeyCode::Char('1'))]),
            "130"
        );
        assert_eq!(
            typed(&mut t, &[key(KeyCode::End), key(KeyCode::Char('5'))]),
            "1305"
        );
        assert_eq!(
            typed(&mut t, &[ctrl('a'), key(KeyCode::Char('-'))]),
            "-1305"
        );
        assert_eq!(
            typed(&mut t, &[ctrl('e'), key(KeyCode::Char('9'))]),
            "-13059"
        );
        // Ctrl-U clears the whole line wherever the cursor is in it.
        assert_eq!(typed(&mut t, &[key(KeyCode::Left), ctrl('u')]), "");
    }
}
