//! The footer: the current view's key hints, drawn from its keymap table.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::app::App;

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let theme = app.theme;
    let mut spans: Vec<Span> = Vec::new();
    let mut used = 0usize;
    let width = area.width as usize;
    let views = app.views();
    let hints = views
        .iter()
        .flat_map(|v| v.bindings().iter())
        .filter(|b| b.footer);
    for b in hints {
        let keys = b.keys_label();
        let len = keys.chars().count() + b.label.chars().count() + 3;
        if used + len > width {
            break;
        }
        spans.push(Span::styled(format!(" {keys}"), theme.key()));
        spans.push(Span::styled(format!(" {} ", b.label), theme.dim()));
        used += len;
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
