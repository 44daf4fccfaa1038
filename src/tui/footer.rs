//! The footer: the current view's key hints, drawn from its keymap tables. The view's own
//! keys come first; `?` help and quit always keep their place at the right.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::app::App;
use super::keymap::{Binding, View};

fn hint(app: &App, b: &Binding) -> (Vec<Span<'static>>, usize) {
    let keys = b.keys_label();
    let len = keys.chars().count() + b.label.chars().count() + 3;
    (
        vec![
            Span::styled(format!(" {keys}"), app.theme.key()),
            Span::styled(format!(" {} ", b.label), app.theme.dim()),
        ],
        len,
    )
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let width = area.width as usize;
    let views = app.views();
    let pinned: Vec<(Vec<Span>, usize)> = View::Global
        .bindings()
        .iter()
        .filter(|b| b.footer && views.contains(&View::Global))
        .map(|b| hint(app, b))
        .collect();
    let pinned_w: usize = pinned.iter().map(|(_, n)| n).sum();
    let mut spans: Vec<Span> = Vec::new();
    let mut used = 0usize;
    for b in views
        .iter()
        .filter(|v| **v != View::Global)
        .flat_map(|v| v.bindings().iter())
        .filter(|b| b.footer)
    {
        let (s, len) = hint(app, b);
        if used + len + pinned_w > width {
            break;
        }
        spans.extend(s);
        used += len;
    }
    spans.push(Span::raw(" ".repeat(width.saturating_sub(used + pinned_w))));
    for (s, _) in pinned {
        spans.extend(s);
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
