//! Small helpers shared by the tabs: status badges, counts, figures and fitting text.

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear};

use super::theme::Theme;
use crate::domain::number::fmt_decimals;
use crate::domain::rag::Rag;
use crate::domain::rollup::Counts;
use crate::safe_text;

/// Text made safe to show (`safe_text::line`) and cut to `width` terminal cells, with "…"
/// where it was cut.
pub fn fit(text: &str, width: usize) -> String {
    safe_text::fit(&safe_text::line(text), width)
}

/// Text made safe and padded or cut to exactly `width` terminal cells.
pub fn pad(text: &str, width: usize) -> String {
    safe_text::pad(&safe_text::line(text), width)
}

/// Right-aligned in `width` terminal cells.
pub fn rpad(text: &str, width: usize) -> String {
    safe_text::rpad(&safe_text::line(text), width)
}

/// A figure at the indicator's decimal places, or "–" when there is none.
pub fn figure(x: Option<f64>, decimals: u8) -> String {
    x.map(|x| fmt_decimals(x, decimals))
        .unwrap_or_else(|| "–".into())
}

/// The one-letter status badge: " G " in colour, or the letter alone without.
pub fn rag_badge(theme: Theme, rag: Rag) -> Span<'static> {
    Span::styled(format!(" {} ", rag.letter()), theme.rag(rag))
}

/// A delivery item's badge: " A " in colour, or the letter alone without.
pub fn delivery_badge(theme: Theme, rag: crate::domain::delivery::DeliveryRag) -> Span<'static> {
    Span::styled(format!(" {} ", rag.letter()), theme.delivery(rag))
}

/// The status counts of a column of rows (`G45 A4 R5 M4 N14`), every count as wide as the
/// column's largest, so a council ten times larger reads `N140`, never a cut `N1`.
#[derive(Debug, Clone, Copy)]
pub struct CountsColumn {
    digits: usize,
}

impl CountsColumn {
    /// The column for these counts: two digits at least, more where a count needs them.
    pub fn fitting<'a>(counts: impl IntoIterator<Item = &'a Counts>) -> CountsColumn {
        let widest = counts
            .into_iter()
            .flat_map(|c| c.parts().map(|(_, n)| n))
            .max()
            .unwrap_or(0);
        CountsColumn {
            digits: widest.to_string().len().max(2),
        }
    }

    /// Its width in cells: five letters and counts, a space between each.
    pub fn width(self) -> usize {
        5 * (1 + self.digits) + 4
    }

    pub fn spans(self, theme: Theme, c: &Counts) -> Vec<Span<'static>> {
        let mut out = Vec::new();
        for (n, (rag, count)) in c.parts().iter().enumerate() {
            if n > 0 {
                out.push(Span::raw(" "));
            }
            let style = if *count == 0 {
                theme.dim()
            } else {
                theme.rag_text(*rag)
            };
            out.push(Span::styled(
                format!("{}{:<w$}", rag.count_letter(), count, w = self.digits),
                style,
            ));
        }
        out
    }
}

/// One row's counts on their own (a detail pane's line): as wide as they need.
pub fn counts_spans(theme: Theme, c: &Counts) -> Vec<Span<'static>> {
    CountsColumn::fitting([c]).spans(theme, c)
}

/// A box of at most `w`×`h` in the middle of `area`.
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let [row] = Layout::vertical([Constraint::Length(h.min(area.height))])
        .flex(Flex::Center)
        .areas(area);
    let [cell] = Layout::horizontal([Constraint::Length(w.min(area.width))])
        .flex(Flex::Center)
        .areas(row);
    cell
}

/// The first of `forms` (longest first) that fits `cells` terminal cells, else the last
/// cut to fit: a title shortens by dropping detail, never by cutting a login in half.
pub fn first_fitting(forms: &[String], cells: usize) -> String {
    forms
        .iter()
        .find(|f| crate::safe_text::width(f) <= cells)
        .cloned()
        .unwrap_or_else(|| fit(forms.last().map_or("", String::as_str), cells))
}

/// A person's name without the post in brackets after it: "Jaspreet Patel" for
/// "Jaspreet Patel (Development Management Manager)".
pub fn short_name(name: &str) -> &str {
    match name
        .trim_end()
        .strip_suffix(')')
        .and_then(|n| n.rfind(" ("))
    {
        Some(at) => name[..at].trim_end(),
        None => name,
    }
}

/// The line an edit dialog shows while its save waits for the database: how long, and the
/// key that abandons it (from the keymap table).
pub fn waiting_line(saving: &crate::tui::saving::Saving, theme: Theme) -> Line<'static> {
    use crate::tui::action::Action;
    use crate::tui::keymap::View;
    Line::from(Span::styled(
        format!(
            "{} {} abandons the save",
            saving.text(),
            View::Saving.keys_for(Action::Abandon)
        ),
        theme.warn(),
    ))
}

/// A popup's frame over `area`: what lies beneath cleared, the border of what has the
/// keys and the popup's title on it. Returns the area inside the border.
pub fn popup_frame(frame: &mut Frame, area: Rect, title: String, theme: Theme) -> Rect {
    frame.render_widget(Clear, area);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.focus_border())
        .title(Span::styled(title, theme.title()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    inner
}
