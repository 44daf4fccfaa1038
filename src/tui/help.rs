//! The `?` overlay: every key of the view it was opened from, drawn from the keymap tables.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::action::Action;
use super::app::App;
use super::keymap::View;
use super::widgets::{centered, pad};

/// The help text for a stack of views, one line per binding under each view's title.
pub fn lines(app: &App, views: &[View]) -> Vec<Line<'static>> {
    let theme = app.theme;
    let mut out = Vec::new();
    for v in views {
        out.push(Line::from(Span::styled(
            v.title().to_string(),
            theme.heading(),
        )));
        let mut group = "";
        for b in v.bindings() {
            let g = if b.group == group {
                String::new()
            } else {
                b.group.to_string()
            };
            group = b.group;
            out.push(Line::from(vec![
                Span::styled(format!("  {}", pad(&g, 9)), theme.dim()),
                Span::styled(pad(&b.keys_label(), 16), theme.key()),
                Span::raw(b.label.to_string()),
            ]));
        }
        out.push(Line::from(""));
    }
    if views.iter().any(|v| v.takes_text()) {
        out.push(Line::from(Span::styled(
            "Other keys type into the field that has focus.",
            theme.dim(),
        )));
    }
    out
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let Some((scroll, views)) = &app.help else {
        return;
    };
    let theme = app.theme;
    let text = lines(app, views);
    let h = (text.len() as u16 + 2).min(area.height);
    let dialog = centered(area, 70, h);
    frame.render_widget(Clear, dialog);
    let more = if text.len() as u16 + 2 > area.height {
        format!(
            " · {} {} scroll",
            View::Help.keys_for(Action::Down),
            View::Help.keys_for(Action::Up)
        )
    } else {
        String::new()
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.focus_border())
        .title(Span::styled(
            format!(
                " Keys: {} · {} closes{more} ",
                views[0].title(),
                View::Help.keys_for(Action::Back)
            ),
            theme.title(),
        ));
    let max = (text.len() as u16).saturating_sub(h.saturating_sub(2));
    frame.render_widget(
        Paragraph::new(text)
            .block(block)
            .scroll(((*scroll).min(max), 0)),
        dialog,
    );
}
