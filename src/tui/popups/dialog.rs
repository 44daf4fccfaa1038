//! The yes/no question box, its answers written from the `Confirm` keymap; and the save
//! conflict's box, what another user saved beside what this one typed.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use crate::tui::app::App;
use crate::tui::components::theme::Theme;
use crate::tui::components::widgets::centered;
use crate::tui::keymap::View;

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

/// What the other user saved: its version, who saved it and when, and what it says.
pub struct TheirSave<'a> {
    pub version: i64,
    pub by: &'a str,
    pub at: &'a str,
    pub lines: Vec<String>,
}

/// "Someone else saved WHAT while you were editing": theirs (or that they removed the
/// `removed`) beside mine, each said in the same lines.
pub fn draw_conflict(
    frame: &mut Frame,
    area: Rect,
    theme: Theme,
    what: &str,
    (theirs, removed): (Option<TheirSave>, &str),
    mine: Vec<String>,
) {
    let theirs: Vec<Line> = match theirs {
        Some(t) => [
            Line::from(Span::styled(
                format!("Theirs (version {})", t.version),
                theme.heading(),
            )),
            Line::from(format!("by {} on {}", t.by, crate::stamp::for_people(t.at))),
        ]
        .into_iter()
        .chain(t.lines.into_iter().map(Line::from))
        .collect(),
        None => vec![Line::from(Span::styled(
            format!("Theirs: the {removed} was removed"),
            theme.heading(),
        ))],
    };
    let mine: Vec<Line> = [
        Line::from(Span::styled("Mine (not saved)", theme.heading())),
        Line::from(""),
    ]
    .into_iter()
    .chain(mine.into_iter().map(Line::from))
    .collect();
    let dialog = centered(area, 76, 16);
    frame.render_widget(Clear, dialog);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.error())
        .title(Span::styled(
            format!(" Someone else saved {what} while you were editing "),
            theme.error(),
        ));
    let inner = block.inner(dialog);
    frame.render_widget(block, dialog);
    let [theirs_area, mine_area] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)])
            .spacing(1)
            .areas(inner);
    frame.render_widget(
        Paragraph::new(theirs).wrap(Wrap { trim: true }),
        theirs_area,
    );
    frame.render_widget(Paragraph::new(mine).wrap(Wrap { trim: true }), mine_area);
}
