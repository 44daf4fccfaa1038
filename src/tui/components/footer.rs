//! The footer: the current view's key hints, drawn from its keymap tables. The view's own
//! keys come first, then the period keys while they fit, then the keys offered only where
//! room is left (`Foot::IfRoom`); help (`?`, or `F1` where text is
//! typed) and quit always keep their place at the right. Only what the login may do is
//! offered (`App::offers`).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap::{Binding, Foot};

fn hint(app: &App, keys: String, label: &str) -> (Vec<Span<'static>>, usize) {
    let len = keys.chars().count() + label.chars().count() + 3;
    (
        vec![
            Span::styled(format!(" {keys}"), app.theme.key()),
            Span::styled(format!(" {label} "), app.theme.dim()),
        ],
        len,
    )
}

/// The footer's hints from one table, in its order: `(action, keys, label)`. A row marked
/// `Foot::WithNext` is written with the next row's keys as one hint.
fn hints(rows: &[Binding]) -> Vec<(&Binding, String, &'static str)> {
    let mut out = Vec::new();
    for (n, b) in rows.iter().enumerate() {
        match b.footer {
            Foot::Hidden => {}
            Foot::Shown => out.push((b, b.keys_label(), b.label)),
            Foot::IfRoom(label) => out.push((b, b.keys_label(), label)),
            Foot::WithNext(label) => {
                let keys = match rows.get(n + 1) {
                    Some(next) => format!("{}/{}", b.keys_label(), next.keys_label()),
                    None => b.keys_label(),
                };
                out.push((b, keys, label));
            }
        }
    }
    out
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let width = area.width as usize;
    let views = app.views();
    let is_pinned = |b: &Binding| matches!(b.action, Action::Help | Action::Quit);
    let pinned: Vec<(Vec<Span>, usize)> = views
        .iter()
        .flat_map(|v| hints(v.bindings()))
        .filter(|(b, ..)| is_pinned(b) && app.offers(b.action))
        .map(|(_, keys, label)| hint(app, keys, label))
        .collect();
    let pinned_w: usize = pinned.iter().map(|(_, n)| n).sum();
    let mut spans: Vec<Span> = Vec::new();
    let mut used = 0usize;
    // The view's own keys, then the other global ones (the period keys) while they fit,
    // then those offered only where room is left.
    let (if_room, flowing): (Vec<_>, Vec<_>) = views
        .iter()
        .flat_map(|v| hints(v.bindings()))
        .filter(|(b, ..)| !is_pinned(b) && app.offers(b.action))
        .partition(|(b, ..)| matches!(b.footer, Foot::IfRoom(_)));
    for (_, keys, label) in flowing.into_iter().chain(if_room) {
        let (s, len) = hint(app, keys, label);
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
