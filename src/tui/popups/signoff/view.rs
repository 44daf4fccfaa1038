//! Drawing the sign-off dialog over the Rollup tab: what signing off freezes and leaves
//! open, then who approves (LT's member, found by typing), at which meeting, and what the
//! sign-off would record, with what stands in its way. Every stored text is made safe.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::{Field, SignOffDialog};
use crate::safe_text;
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::components::scroll::Window;
use crate::tui::components::theme::Theme;
use crate::tui::components::widgets::popup_frame;
use crate::tui::components::widgets::{centered, fit, waiting_line};
use crate::tui::keymap::View;

/// At most this many of a list (missing, unexplained, open) named on one line.
const NAMED: usize = 4;

/// "PL2 2024-06, WR1 2024-06 and 3 more" after a heading with the count.
fn listed(heading: &str, items: &[String]) -> String {
    let mut text = format!("{heading} ({}): ", items.len());
    if items.is_empty() {
        text.push_str("none");
        return text;
    }
    text.push_str(&items[..items.len().min(NAMED)].join(", "));
    if items.len() > NAMED {
        text.push_str(&format!(" and {} more", items.len() - NAMED));
    }
    text
}

/// What signing off freezes and leaves open, as `pmdb signoff --dry-run` says it.
fn preview_lines(d: &SignOffDialog, theme: Theme) -> Vec<Line<'static>> {
    let p = &d.preview;
    let item = |i: &crate::query::signoff::PreviewItem| format!("{} {}", i.code, i.period);
    let missing: Vec<String> = p.missing.iter().map(item).collect();
    let unexplained: Vec<String> = p.unexplained.iter().map(item).collect();
    let open: Vec<String> = d
        .open
        .iter()
        .map(|e| format!("#{} {} {}", e.id, e.subject, e.status))
        .collect();
    let plain = |t: String| Line::from(safe_text::line(&t).into_owned());
    vec![
        Line::from(Span::styled(
            format!(
                "Signing off would freeze {} indicator statuses and {} delivery judgements",
                p.frozen - p.delivery,
                p.delivery
            ),
            theme.heading(),
        )),
        plain(format!("{}: {}", p.period, p.counts_words())),
        plain(listed("Missing", &missing)),
        plain(listed("Misses without commentary or action", &unexplained)),
        plain(listed("Exceptions left open", &open)),
    ]
}

/// The approver's search and the members that match, `height` rows of them at most.
fn approver_lines(d: &SignOffDialog, theme: Theme, w: usize, height: usize) -> Vec<Line<'static>> {
    let on = d.focus == Field::Approver;
    let marker = if on { "▶ " } else { "  " };
    let style = if on {
        theme.focus_border()
    } else {
        theme.base()
    };
    let mut out = vec![Line::from(vec![
        Span::styled(
            format!("{marker}Approved by (Leadership Team's member), find: "),
            style,
        ),
        Span::styled(format!("{}▏", fit(&d.approver.find, 16)), theme.key()),
    ])];
    let list = &d.approver;
    if list.visible.is_empty() {
        out.push(Line::from(Span::styled(
            "    No member of Leadership Team's name or login holds that",
            theme.dim(),
        )));
    }
    let window = Window::new(list.visible.len(), list.cursor, height);
    for (n, i) in list
        .visible
        .iter()
        .enumerate()
        .skip(window.offset)
        .take(window.shown)
    {
        let text = match &d.members[*i] {
            Some(m) => format!("{} ({})", m.name, m.login),
            None => "nobody: record no approval of Leadership Team".into(),
        };
        let pick = if n == list.cursor { "  ▶ " } else { "    " };
        let mut line = Line::from(format!("{pick}{}", fit(&text, w.saturating_sub(4))));
        if n == list.cursor {
            line = line.style(theme.selected());
        }
        out.push(line);
    }
    if d.members.len() == 1 {
        out.push(Line::from(Span::styled(
            "    Leadership Team has no members yet (pmdb import board_members)",
            theme.warn(),
        )));
    }
    if let Some(more) = window.more() {
        out.push(Line::from(Span::styled(format!("    {more}"), theme.dim())));
    }
    out
}

fn meeting_line(d: &SignOffDialog, theme: Theme) -> Line<'static> {
    let on = d.focus == Field::Meeting;
    let style = if on {
        theme.focus_border()
    } else {
        theme.base()
    };
    let marker = if on { "▶ " } else { "  " };
    let chosen = match d.meeting() {
        Some(m) => format!("{} {} {} (id {})", m.board, m.date, m.title, m.id),
        None if d.meetings.is_empty() => "none (no meeting of Leadership Team held yet)".into(),
        None => "none".into(),
    };
    let keys = format!(
        "  ({}/{} to change)",
        View::SignOff.keys_for(Action::Up),
        View::SignOff.keys_for(Action::Down)
    );
    Line::from(vec![
        Span::styled(format!("{marker}At Leadership Team's meeting: "), style),
        Span::styled(format!("◀ {} ▶", safe_text::line(&chosen)), style),
        Span::styled(keys, theme.dim()),
    ])
}

/// What the sign-off records: LT's approval in the reports' words, or none, said plainly.
fn records_line(d: &SignOffDialog, app: &App) -> Line<'static> {
    let theme = app.theme;
    let on = d.focus == Field::Confirm;
    let marker = if on { "▶ " } else { "  " };
    let style = if on {
        theme.focus_border()
    } else {
        theme.base()
    };
    if d.blocked.is_some() {
        let text = match &d.on_record {
            Some(r) => format!("On record: {r}"),
            None => format!("{} is not signed off", d.period),
        };
        return Line::from(Span::styled(
            format!("{marker}{}", safe_text::line(&text)),
            theme.label(),
        ));
    }
    let (text, look) = match &d.approval {
        Err(why) => (format!("refused: {why}"), theme.warn()),
        Ok(a) => match a.words() {
            Some(words) if d.own => (format!("{words}: your own approval"), theme.ok()),
            Some(words) => (words, theme.ok()),
            None => (
                format!(
                    "no approval of Leadership Team: signed off by {} alone",
                    app.data.login()
                ),
                theme.warn(),
            ),
        },
    };
    Line::from(vec![
        Span::styled(format!("{marker}Sign off {}, recording: ", d.period), style),
        Span::styled(safe_text::line(&text).into_owned(), look),
    ])
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App, d: &SignOffDialog) {
    let theme = app.theme;
    let width = area.width.min(100);
    let inner_w = width.saturating_sub(2);
    let fields = d.fields();
    let mut tail = Vec::new();
    if d.own {
        tail.push(Line::from(Span::styled(
            format!(
                "  You are a member of Leadership Team ({}): the approval is your own",
                safe_text::line(app.data.name_of(app.data.login()))
            ),
            theme.base(),
        )));
    }
    if fields.contains(&Field::Meeting) {
        tail.push(meeting_line(d, theme));
    }
    tail.push(records_line(d, app));
    tail.push(last_line(d, app));
    let head = preview_lines(d, theme);
    let rows = |lines: &[Line<'static>]| {
        Paragraph::new(lines.to_vec())
            .wrap(Wrap { trim: false })
            .line_count(inner_w)
    };
    let mut lines = head.clone();
    if fields.contains(&Field::Approver) {
        // The list takes the rows the rest leaves, less its search line and its count.
        let room = (area.height as usize).saturating_sub(2);
        let left = room.saturating_sub(rows(&head) + rows(&tail) + 2);
        lines.extend(approver_lines(d, theme, inner_w as usize, left.max(1)));
    }
    lines.extend(tail);
    // As tall as what it says, on a screen of any height.
    let need = rows(&lines) as u16 + 2;
    let dialog = centered(area, width, need);
    let inner = popup_frame(
        frame,
        dialog,
        format!(" Sign off {} · Leadership Team approves ", d.period),
        theme,
    );
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}

/// A save waiting, the store's refusal, what stands in the way, or ready to sign.
fn last_line(d: &SignOffDialog, app: &App) -> Line<'static> {
    let theme = app.theme;
    let keys = |a| View::SignOff.keys_for(a);
    match (&app.saving, &d.message, d.ready()) {
        (Some(saving), ..) => waiting_line(saving, theme),
        (None, Some(m), _) => Line::from(Span::styled(
            format!("✗ {}", safe_text::line(m)),
            theme.error(),
        )),
        (None, None, Err(why)) => Line::from(Span::styled(
            format!(
                "✗ {} may not be signed off: {}",
                d.period,
                safe_text::line(&why)
            ),
            theme.error(),
        )),
        (None, None, Ok(())) => Line::from(Span::styled(
            format!(
                "✓ ready: {} (or {} on the last step) signs off · {} cancels",
                keys(Action::Save),
                keys(Action::Submit),
                keys(Action::Back)
            ),
            theme.ok(),
        )),
    }
}
