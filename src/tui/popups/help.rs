//! The `?` overlay: every key of the view it was opened from that the login may use, drawn
//! from the keymap tables, the keys of a text field, and what the status letters and the
//! marks in the lists mean.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use crate::domain::rag::Rag;
use crate::store::QUALITY_KEY;
use crate::tui::action::{Action, Tab};
use crate::tui::app::App;
use crate::tui::components::widgets::{centered, pad};
use crate::tui::keymap::View;

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
        for b in v.bindings().iter().filter(|b| app.offers(b.action)) {
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
            "Other keys type into the field that has focus:",
            theme.dim(),
        )));
        for (keys, what) in TYPING.iter() {
            out.push(Line::from(vec![
                Span::raw(format!("  {}", pad("", 9))),
                Span::styled(pad(keys, 16), theme.key()),
                Span::raw(what.to_string()),
            ]));
        }
        out.push(Line::from(""));
    }
    out.extend(key_to_marks(app));
    out
}

/// The keys of a text field (`components/text_field.rs`), which ratatui-textarea and the
/// filters handle rather than the keymap tables.
const TYPING: [(&str, &str); 4] = [
    ("End/C-e", "to the end (where a field starts)"),
    ("Home/C-a", "to the start"),
    ("C-u", "clear the line"),
    ("Backspace", "delete before the cursor"),
];

/// What the status letters and the marks in the lists mean, in words.
fn key_to_marks(app: &App) -> Vec<Line<'static>> {
    let theme = app.theme;
    let mut out = vec![Line::from(Span::styled("Status key", theme.heading()))];
    let words = [
        (Rag::Green, "green"),
        (Rag::Amber, "amber"),
        (Rag::Red, "red"),
        (Rag::Missing, "missing"),
        (Rag::None, "no status"),
    ];
    let mut spans = vec![Span::raw("  ")];
    for (n, (rag, word)) in words.into_iter().enumerate() {
        if n > 0 {
            spans.push(Span::raw(", "));
        }
        spans.push(Span::styled(rag.letter(), theme.rag_text(rag)));
        spans.push(Span::raw(format!(" {word}")));
    }
    out.push(Line::from(spans));
    out.push(Line::from(vec![
        Span::raw("  "),
        Span::styled(pad("G3 A1 N2", 12), theme.key()),
        Span::raw("in counts, N is no status (\"N2\": two without one)"),
    ]));
    let marks: &[(&str, &str)] = match app.tab {
        Tab::Entry => &[
            ("to do", "no value yet; the deadline has not passed"),
            ("OVERDUE", "no value and the deadline has passed"),
            (
                "from 2026-08",
                "not collected before that month: nothing owed",
            ),
            ("done", "recorded by the deadline"),
            ("late 14d", "recorded 14 days after the deadline"),
            ("locked", "(in Due) signed off: no change until reopened"),
            (
                "12 Jan 2027",
                "(in Due) a deadline's year shows when not this year",
            ),
        ],
        Tab::Exceptions => &[
            ("Δ", "the figure changed since it was raised"),
            ("↻", "carried forward from the board's earlier meetings"),
        ],
        Tab::Delivery => &[
            ("C", "completed: finished, nothing to chase"),
            ("LATE", "a milestone not done by its due date"),
            ("above", "a risk's score is above its target score"),
            (
                "▲ ► ▼",
                "a risk improving, the same, worsening since the review before",
            ),
            (
                "overdue",
                "a risk's review, or an EIA, not done by its due date",
            ),
            (
                "12 R",
                "heat map: 12 open risks in a red cell (likelihood × impact)",
            ),
        ],
        _ => &[],
    };
    for (mark, what) in marks {
        out.push(Line::from(vec![
            Span::raw("  "),
            Span::styled(pad(mark, 12), theme.key()),
            Span::raw(what.to_string()),
        ]));
    }
    if app.tab != Tab::Delivery {
        out.extend(quality_key(app));
    }
    out
}

/// What the `p` and `e` beside an indicator's figure mean, in the words of the reports'
/// key (`store::QUALITY_KEY`).
fn quality_key(app: &App) -> Vec<Line<'static>> {
    let theme = app.theme;
    let mut out = vec![Line::from(Span::styled(
        "Data quality key",
        theme.heading(),
    ))];
    for (q, what) in QUALITY_KEY {
        out.push(Line::from(vec![
            Span::raw("  "),
            Span::styled(pad(q.mark().unwrap_or(""), 12), theme.key()),
            Span::raw(format!("{q}: {what}")),
        ]));
    }
    out.push(Line::from(vec![
        Span::raw("  "),
        Span::styled(pad("", 12), theme.key()),
        Span::raw("a figure with neither mark is final"),
    ]));
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
