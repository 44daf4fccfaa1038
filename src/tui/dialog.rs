//! The yes/no question box; its answers are written from the `Confirm` keymap.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::app::App;
use super::keymap::View;
use super::widgets::centered;

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let Some(q) = &app.question else { return };
    let theme = app.theme;
    let dialog = centered(area, 60, 5);
    frame.render_widget(Clear, dialog);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.focus_border())
        .title(Span::styled(" Question ", theme.title()));
    // The answers, as the keymap binds them: "y yes   n/Esc no".
    let mut answers = Vec::new();
    for b in View::Confirm.bindings() {
        answers.push(Span::styled(b.keys_label(), theme.key()));
        answers.push(Span::raw(format!(" {}   ", b.label)));
    }
    let text = vec![
        Line::from(Span::styled(q.text(), theme.heading())),
        Line::from(answers),
    ];
    frame.render_widget(
        Paragraph::new(text).block(block).wrap(Wrap { trim: true }),
        dialog,
    );
}
