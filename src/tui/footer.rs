//! The footer: the current view's key hints, drawn from its keymap tables. The view's own
//! keys come first, then the period keys while they fit; `?` help and quit always keep
//! their place at the right.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::action::Action;
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
    let global = views.contains(&View::Global);
    let is_pinned = |b: &&Binding| matches!(b.action, Action::Help | Action::Quit);
    let pinned: Vec<(Vec<Span>, usize)> = View::Global
        .bindings()
        .iter()
        .filter(|b| b.footer && global)
        .filter(is_pinned)
        .map(|b| hint(app, b))
        .collect();
    let pinned_w: usize = pinned.iter().map(|(_, n)| n).sum();
    let mut spans: Vec<Span> = Vec::new();
    let mut used = 0usize;
    // The view's own keys, then the other global ones (the period keys) while they fit.
    let flowing = views
        .iter()
        .flat_map(|v| v.bindings().iter())
        .filter(|b| b.footer && !is_pinned(b));
    for b in flowing {
        let (s, len) = hint(app, b);
        if used + len + pinned_w > width {
            continue;
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
