//! The whole screen: the tab bar, the current tab, the status line and the footer, with
//! the help, question and edit overlays on top. Drawing reads `&App` and computes nothing
//! heavy: the tabs' views are cached by `App::sync`.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::action::{Action, Tab};
use super::app::App;
use super::keymap::keys_in;
use super::messages::Note;
use crate::safe_text;
use crate::tui::components::footer;
use crate::tui::popups::dialog;
use crate::tui::popups::help;
use crate::tui::tabs::{delivery, entry, exceptions, plan, rollup};

/// The smallest terminal the interface lays itself out in.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

/// Draws the screen, then makes sure no cell holds a character that a terminal would take
/// as a command, whatever text a widget was given (the last line of defence: texts are
/// also made visible where they are laid out, `widgets::fit`).
pub fn draw(frame: &mut Frame, app: &App) {
    draw_screen(frame, app);
    scrub(frame.buffer_mut());
}

fn scrub(buf: &mut Buffer) {
    for cell in buf.content.iter_mut() {
        if cell.symbol().chars().any(safe_text::is_unsafe) {
            let visible = safe_text::line(cell.symbol()).into_owned();
            cell.set_symbol(&visible);
        }
    }
}

fn draw_screen(frame: &mut Frame, app: &App) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let quit = match keys_in(&app.views(), Action::Quit) {
            keys if keys.is_empty() => String::new(),
            keys => format!(", or press {keys} to quit"),
        };
        let text = format!(
            "pmdb needs a terminal of at least {MIN_WIDTH}×{MIN_HEIGHT}; this one is {}×{}. Enlarge it{quit}.",
            area.width, area.height
        );
        frame.render_widget(
            Paragraph::new(text).wrap(ratatui::widgets::Wrap { trim: true }),
            area,
        );
        return;
    }
    let status_lines = status_line(app, area.width as usize);
    let [top, body, status, foot] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(status_lines.len() as u16),
        Constraint::Length(1),
    ])
    .areas(area);
    draw_tabs(frame, top, app);
    match app.tab {
        Tab::Plan => plan::view::draw(frame, body, app),
        Tab::Entry => entry::view::draw(frame, body, app),
        Tab::Exceptions => exceptions::view::draw(frame, body, app),
        Tab::Rollup => rollup::view::draw(frame, body, app),
        Tab::Delivery => delivery::view::draw(frame, body, app),
    }
    frame.render_widget(Paragraph::new(status_lines), status);
    footer::draw(frame, foot, app);
    dialog::draw(frame, body, app);
    help::draw(frame, body, app);
}

fn draw_tabs(frame: &mut Frame, area: Rect, app: &App) {
    let theme = app.theme;
    let mut spans = vec![Span::styled(" pmdb ", theme.title())];
    for (n, t) in Tab::ALL.iter().enumerate() {
        let style = if *t == app.tab {
            theme.tab_active()
        } else {
            theme.tab()
        };
        spans.push(Span::styled(format!(" {} {} ", n + 1, t), style));
    }
    let actor = &app.data.actor;
    let role = actor
        .role
        .map(|r| r.to_string())
        .unwrap_or_else(|| "read only".into());
    let who = format!("{} ({role}) ", actor.login);
    let who = safe_text::line(&who).into_owned();
    let used: usize = spans.iter().map(|s| safe_text::width(&s.content)).sum();
    let gap = (area.width as usize).saturating_sub(used + safe_text::width(&who));
    spans.push(Span::raw(" ".repeat(gap)));
    spans.push(Span::styled(who, theme.label()));
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// The status line: a save waiting, a file gone, the last message, or where the reader is.
/// A message longer than the screen is wrapped onto a second (and third) line at word
/// breaks; the idle line leaves out its least needed parts rather than cut a word.
fn status_line(app: &App, width: usize) -> Vec<Line<'static>> {
    let theme = app.theme;
    let (text, style) = if let Some(saving) = &app.saving {
        let mut text = format!(" {}", saving.text());
        if let Some(Note::Info(t) | Note::Ok(t) | Note::Error(t)) = &app.note {
            text.push_str(&format!(" {t}"));
        }
        (text, theme.heading())
    } else if let Some(gone) = &app.file_gone {
        // A file moved or replaced under the interface stays said until pmdb is restarted:
        // nothing shown is live any more and every save is refused.
        (format!(" ✗ {gone}"), theme.error())
    } else {
        match &app.note {
            Some(Note::Ok(t)) => (format!(" ✓ {t}"), theme.ok()),
            Some(Note::Error(t)) => (format!(" ✗ {t}"), theme.error()),
            Some(Note::Info(t)) => (format!(" {t}"), theme.label()),
            None => (where_am_i(app, width), theme.dim()),
        }
    };
    wrap_words(&safe_text::line(&text), width, 3)
        .into_iter()
        .map(|l| Line::from(Span::styled(l, style)))
        .collect()
}

/// " council · month 2026-10 · today 2026-11-24 · live", leaving out today, then the
/// council, when the screen is too narrow for all of it.
fn where_am_i(app: &App, width: usize) -> String {
    let council = &app.data.ds.settings.council_name;
    let period = match app.tab {
        Tab::Plan => format!("period {}", app.plan.period),
        Tab::Entry => format!("month {}", app.entry.month),
        Tab::Exceptions => {
            let meeting = app
                .exceptions
                .meeting
                .and_then(|id| app.data.meetings.iter().find(|m| m.id == id));
            match (meeting, app.exceptions.period) {
                (Some(m), _) => format!("meeting {} {} (id {})", m.board, m.date, m.id),
                (None, Some(p)) => format!("period {p}"),
                (None, None) => "every period".into(),
            }
        }
        Tab::Rollup => format!("quarter {}", app.rollup.period),
        Tab::Delivery => format!("period {}", app.delivery.period),
    };
    let council = if council.is_empty() {
        "pmdb".to_string()
    } else {
        safe_text::line(council).into_owned()
    };
    let today = format!("today {}", app.data.today);
    let choices = [
        vec![council.as_str(), &period, &today, "live"],
        vec![council.as_str(), &period, "live"],
        vec![&period, &today, "live"],
        vec![&period, "live"],
    ];
    let line = |parts: &Vec<&str>| format!(" {}", parts.join(" · "));
    choices
        .iter()
        .map(line)
        .find(|l| safe_text::width(l) <= width)
        .unwrap_or_else(|| line(&choices[3]))
}

/// `text` in lines of at most `width` cells, broken between words (a word longer than a
/// line is cut with "…"), at most `max` lines, the last ending in "…" if more was left.
fn wrap_words(text: &str, width: usize, max: usize) -> Vec<String> {
    let mut lines: Vec<String> = vec![];
    let mut current = String::new();
    let lead = text.starts_with(' ');
    for word in text.split_whitespace() {
        let candidate = if current.is_empty() {
            format!("{}{word}", if lead || !lines.is_empty() { " " } else { "" })
        } else {
            format!("{current} {word}")
        };
        if safe_text::width(&candidate) <= width || current.is_empty() {
            current = safe_text::fit(&candidate, width);
        } else {
            lines.push(std::mem::take(&mut current));
            current = safe_text::fit(&format!(" {word}"), width);
        }
    }
    lines.push(current);
    if lines.len() > max {
        lines.truncate(max);
        if let Some(last) = lines.last_mut() {
            let mut cut = safe_text::fit(last, width.saturating_sub(1));
            cut.push('…');
            *last = cut;
        }
    }
    lines
}
