//! The `/` filter of the Plan, Entry and Delivery tabs, the same in each: what is typed,
//! whether it is being typed, its keys (`Enter` keeps it, `Esc` clears it, a key types
//! into it) and its place in the title of the panel it narrows.

use std::ops::Deref;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders};

use super::theme::Theme;
use crate::tui::action::Action;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FilterInput {
    text: String,
    /// After `/`: keys go into the filter until `Enter` keeps it or `Esc` clears it.
    pub typing: bool,
}

/// A filter reads as what is typed in it.
impl Deref for FilterInput {
    type Target = str;

    fn deref(&self) -> &str {
        &self.text
    }
}

impl PartialEq<&str> for FilterInput {
    fn eq(&self, other: &&str) -> bool {
        self.text == *other
    }
}

impl FilterInput {
    /// `/`: keys go into the filter from now on.
    pub fn start(&mut self) {
        self.typing = true;
    }

    /// `Esc` on the list: the filter is cleared. Whether that changed it.
    pub fn clear(&mut self) -> bool {
        let had = !self.text.is_empty();
        self.text.clear();
        had
    }

    /// A key while the filter is typed. Whether what is typed changed.
    pub fn key(&mut self, action: Action) -> bool {
        match action {
            Action::Submit => {
                self.typing = false;
                false
            }
            Action::Back => {
                self.typing = false;
                self.clear()
            }
            Action::Input(ev) => type_into(&mut self.text, &ev),
            _ => false,
        }
    }

    /// Whether the filter shows in its panel's title: while typed, or once set.
    fn shown(&self) -> bool {
        self.typing || !self.text.is_empty()
    }

    /// The cells the filter takes in its panel's title.
    pub fn width(&self) -> usize {
        if self.shown() {
            crate::safe_text::width(&self.text) + 5
        } else {
            0
        }
    }

    /// A bordered panel titled `title`, followed by the filter while it is typed or set.
    pub fn block(&self, theme: Theme, title: String) -> Block<'static> {
        let mut spans = vec![Span::styled(title, theme.title())];
        if self.shown() {
            spans.push(Span::styled(
                format!(" / {}{} ", self.text, if self.typing { "▏" } else { "" }),
                theme.key(),
            ));
        }
        Block::default()
            .borders(Borders::ALL)
            .border_style(theme.border())
            .title(Line::from(spans))
    }
}

/// Types a key into a one-line filter: a character is added, Backspace takes the last one
/// off, Ctrl-U clears it. Only keys the keymap left unbound get here (`Action::Input`).
/// Whether the text changed.
pub fn type_into(text: &mut String, ev: &KeyEvent) -> bool {
    let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
    match ev.code {
        KeyCode::Char('u') if ctrl => {
            let had = !text.is_empty();
            text.clear();
            had
        }
        KeyCode::Char(c) if !ctrl => {
            text.push(c);
            true
        }
        KeyCode::Backspace => text.pop().is_some(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(code: KeyCode, mods: KeyModifiers) -> Action {
        Action::Input(KeyEvent::new(code, mods))
    }

    #[test]
    fn enter_keeps_the_filter_esc_clears_it_and_keys_type_into_it() {
        let mut f = FilterInput::default();
        assert_eq!(f.width(), 0);
        f.start();
        assert!(f.key(input(KeyCode::Char('w'), KeyModifiers::NONE)));
        assert!(f.key(input(KeyCode::Char('r'), KeyModifiers::NONE)));
        assert!(!f.key(input(KeyCode::Left, KeyModifiers::NONE)));
        assert_eq!(f, "wr");
        // " / wr▏ ": the title gives the filter five cells besides its text.
        assert_eq!(f.width(), 7);
        assert!(!f.key(Action::Submit));
        assert!(!f.typing);
        assert_eq!(f, "wr");
        f.start();
        assert!(f.key(input(KeyCode::Backspace, KeyModifiers::NONE)));
        assert!(f.key(input(KeyCode::Char('u'), KeyModifiers::CONTROL)));
        assert_eq!(f, "");
        assert!(!f.key(input(KeyCode::Backspace, KeyModifiers::NONE)));
        f.key(input(KeyCode::Char('x'), KeyModifiers::NONE));
        assert!(f.key(Action::Back));
        assert!(!f.typing && f.is_empty());
        assert!(!f.clear());
    }
}
