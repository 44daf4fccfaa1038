//! Nothing silently cut: the one way every list says how many rows lie above and below the
//! pane (and keeps the selection in view), shows the selected row's full title, and the one
//! way a pane of text longer than itself scrolls with `PgUp`/`PgDn` and says so.

use std::cell::Cell;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::theme::Theme;
use crate::tui::action::Action;
use crate::tui::keymap::View;

/// The rows of a list drawn in a pane: where drawing starts so the cursor is visible, and
/// how many rows are cut off above and below.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub offset: usize,
    pub shown: usize,
    pub above: usize,
    pub below: usize,
}

impl Window {
    /// `len` rows with the cursor on `cursor`, in `height` rows of pane.
    pub fn new(len: usize, cursor: usize, height: usize) -> Window {
        let offset = if height == 0 {
            0
        } else {
            cursor.min(len.saturating_sub(1)).saturating_sub(height - 1)
        };
        let shown = len.saturating_sub(offset).min(height);
        Window {
            offset,
            shown,
            above: offset,
            below: len - offset - shown,
        }
    }

    /// "↑ 3 more · ↓ 11 more", or nothing when every row is shown.
    pub fn more(&self) -> Option<String> {
        let mut parts = Vec::new();
        if self.above > 0 {
            parts.push(format!("↑ {} more", self.above));
        }
        if self.below > 0 {
            parts.push(format!("↓ {} more", self.below));
        }
        (!parts.is_empty()).then(|| parts.join(" · "))
    }

    /// The block with the count of rows above and below in its bottom border.
    pub fn mark(&self, block: Block<'static>, theme: Theme) -> Block<'static> {
        match self.more() {
            Some(text) => block.title_bottom(
                Line::from(Span::styled(format!(" {text} "), theme.key())).right_aligned(),
            ),
            None => block,
        }
    }
}

/// Splits a list's inner area into the rows and, beneath them, the selected row's full
/// title ("▶ CS01 Calls answered within 20 seconds (%)"), wrapped onto at most two lines so
/// two indicators whose titles start alike can be told apart however narrow the list.
pub fn with_selected(
    frame: &mut Frame,
    inner: Rect,
    selected: Option<String>,
    theme: Theme,
) -> Rect {
    let Some(text) = selected.filter(|t| !t.trim().is_empty()) else {
        return inner;
    };
    let para = Paragraph::new(Line::from(vec![
        Span::styled("▶ ", theme.key()),
        Span::styled(crate::safe_text::line(&text), theme.heading()),
    ]))
    .wrap(Wrap { trim: true });
    let need = (para.line_count(inner.width) as u16).clamp(1, 2);
    if inner.height <= need + 1 {
        return inner;
    }
    let [rows, title] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(need)]).areas(inner);
    frame.render_widget(para, title);
    rows
}

/// The scroll of a pane of wrapped text: the offset asked for, and what the last drawing
/// measured (how far it can go, how tall the pane is), so keys clamp to the text and a page
/// is the pane's height.
#[derive(Debug, Default)]
pub struct TextScroll {
    offset: u16,
    max: Cell<u16>,
    height: Cell<u16>,
    /// What the text is of (the selected row): a new selection starts at the top.
    of: Option<String>,
}

impl TextScroll {
    pub fn offset(&self) -> u16 {
        self.offset.min(self.max.get())
    }

    /// `PgDn` (`by` 1) or `PgUp` (-1): a page less one line, so a line of context stays.
    pub fn page(&mut self, by: i32) {
        let page = self.height.get().saturating_sub(1).max(1) as i32;
        let to = self.offset() as i32 + by * page;
        self.offset = to.clamp(0, self.max.get() as i32) as u16;
    }

    /// Back to the top when the text is of something else.
    pub fn follow(&mut self, of: Option<String>) {
        if self.of != of {
            self.of = of;
            self.offset = 0;
        }
    }

    pub fn reset(&mut self) {
        self.offset = 0;
    }

    /// Draws the block and the text in all of it, scrolled; when the text is longer than
    /// the pane the bottom border says which way there is more and the keys that show it.
    pub fn render(
        &self,
        frame: &mut Frame,
        area: Rect,
        block: Block<'static>,
        text: Paragraph<'static>,
        view: View,
        theme: Theme,
    ) {
        let inner = block.inner(area);
        let block = self.mark(block, &text, inner, view, theme);
        frame.render_widget(block, area);
        self.draw(frame, inner, text);
    }

    /// Measures `text` in `area` (part of the block's inside) and puts in the block's
    /// bottom border which way there is more to see: "PgUp more ↑ · PgDn more ↓".
    pub fn mark(
        &self,
        block: Block<'static>,
        text: &Paragraph,
        area: Rect,
        view: View,
        theme: Theme,
    ) -> Block<'static> {
        let total = text.line_count(area.width).min(u16::MAX as usize) as u16;
        self.max.set(total.saturating_sub(area.height));
        self.height.set(area.height);
        let offset = self.offset();
        let mut hints = Vec::new();
        if offset > 0 {
            hints.push(format!("{} more ↑", view.keys_for(Action::ScrollUp)));
        }
        if offset < self.max.get() {
            hints.push(format!("{} more ↓", view.keys_for(Action::ScrollDown)));
        }
        if hints.is_empty() {
            return block;
        }
        block.title_bottom(
            Line::from(Span::styled(
                format!(" {} ", hints.join(" · ")),
                theme.key(),
            ))
            .right_aligned(),
        )
    }

    /// Draws the text scrolled to the offset, clamped to what the last `mark` measured.
    pub fn draw(&self, frame: &mut Frame, area: Rect, text: Paragraph<'static>) {
        frame.render_widget(text.scroll((self.offset(), 0)), area);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_window_keeps_the_cursor_in_view_and_counts_what_is_cut() {
        // (len, cursor, height) → (offset, above, below)
        for (len, cursor, height, want) in [
            (19, 0, 5, (0, 0, 14)),
            (19, 4, 5, (0, 0, 14)),
            (19, 5, 5, (1, 1, 13)),
            (19, 18, 5, (14, 14, 0)),
            (3, 2, 5, (0, 0, 0)),
            (0, 0, 5, (0, 0, 0)),
            (4, 9, 2, (2, 2, 0)),
        ] {
            let w = Window::new(len, cursor, height);
            assert_eq!(
                (w.offset, w.above, w.below),
                want,
                "{len} {cursor} {height}"
            );
        }
        assert_eq!(
            Window::new(19, 5, 5).more().as_deref(),
            Some("↑ 1 more · ↓ 13 more")
        );
        assert_eq!(Window::new(3, 0, 5).more(), None);
    }
}
