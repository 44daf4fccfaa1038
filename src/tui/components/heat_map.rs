//! The 5 × 5 heat map of open risks: likelihood up the side (5 at the top), impact along
//! the bottom, each cell its count and its band's letter, coloured by band where there is
//! colour, so it reads the same with `NO_COLOR`.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::theme::Theme;
use crate::domain::delivery::risk::RiskBands;

/// The size the grid needs with its border: 5 rows and the impact axis; "5 │" and five
/// cells of "12 R ".
pub const WIDTH: u16 = 30;
pub const HEIGHT: u16 = 8;

/// The grid's lines, likelihood 5 first, then the impact axis.
pub fn lines(heat: &[[u32; 5]; 5], bands: RiskBands, theme: Theme) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    for l in (1..=5u8).rev() {
        let mut spans = vec![Span::styled(format!("{l} │"), theme.label())];
        for i in 1..=5u8 {
            let count = heat[l as usize - 1][i as usize - 1];
            let band = bands.rag(l * i);
            let style = if count == 0 {
                theme.rag_text_delivery(band)
            } else {
                theme.delivery(band)
            };
            spans.push(Span::styled(format!("{count:>2} {}", band.letter()), style));
            spans.push(Span::raw(" "));
        }
        out.push(Line::from(spans));
    }
    let mut axis = String::from("  ");
    for i in 1..=5 {
        axis.push_str(&format!("{i:>3}  "));
    }
    out.push(Line::from(Span::styled(
        axis.trim_end().to_string(),
        theme.label(),
    )));
    out
}

pub fn render(
    frame: &mut Frame,
    area: Rect,
    heat: &[[u32; 5]; 5],
    bands: RiskBands,
    title: String,
    theme: Theme,
) {
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border())
        .title(Span::styled(title, theme.title()))
        .title_bottom(Span::styled(" likelihood ↑ · impact → ", theme.dim()));
    frame.render_widget(Paragraph::new(lines(heat, bands, theme)).block(block), area);
}
