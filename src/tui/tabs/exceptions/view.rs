//! Drawing the Exceptions tab: the queue with its filters and the selected exception's
//! record, with the meeting form over them. The projector view is in `projector.rs`.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use crate::domain::label::code_and_name;
use crate::domain::workflow::{ExceptionKind, ExceptionStatus};
use crate::query::exception_show::change_words;
use crate::safe_text;
use crate::stamp::for_people;
use crate::store::ExceptionRecord;
use crate::tui::app::App;
use crate::tui::components::scroll::{Window, with_selected};
use crate::tui::components::widgets::{fit, pad};
use crate::tui::keymap::View;

pub fn kind_label(k: ExceptionKind) -> &'static str {
    match k {
        ExceptionKind::Red => "R red",
        ExceptionKind::Missing => "M missing",
        ExceptionKind::Action => "action",
        ExceptionKind::Project => "project",
        ExceptionKind::Milestone => "milestone",
        ExceptionKind::Risk => "risk",
        ExceptionKind::RiskReview => "review",
        ExceptionKind::Eia => "EIA",
        ExceptionKind::MissingUpdate => "no update",
        ExceptionKind::Request => "request",
    }
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let st = &app.exceptions;
    if let Some(pane) = &st.minutes {
        super::minutes::draw(frame, area, app, pane);
    } else if st.projector {
        super::projector::draw(frame, area, app);
    } else if area.width >= 120 {
        let [list, detail] =
            Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)])
                .areas(area);
        draw_list(frame, list, app);
        draw_detail(frame, detail, app);
    } else {
        let [list, detail] =
            Layout::vertical([Constraint::Fill(1), Constraint::Percentage(50)]).areas(area);
        draw_list(frame, list, app);
        draw_detail(frame, detail, app);
    }
    if let Some(form) = &st.form {
        crate::tui::popups::exception_form::view::draw(frame, area, app, form);
    }
    if let Some(form) = &st.request {
        crate::tui::popups::request_form::draw(frame, area, app, form);
    }
    if let Some(dlg) = &st.agreed {
        crate::tui::popups::close_agreed::draw(frame, area, app, dlg);
    }
}

fn filters_line(app: &App) -> String {
    let st = &app.exceptions;
    let all = || "all".to_string();
    let meeting = st
        .meeting
        .and_then(|id| app.data.meetings.iter().find(|m| m.id == id))
        .map(|m| format!("{} {} (id {}, agenda)", m.board, m.date, m.id))
        .unwrap_or_else(all);
    // Only the filters that are set, so the line fits: nothing cut at 80 columns.
    let set: Vec<String> = [
        ("period", st.period.map(|p| p.to_string())),
        ("status", st.status.map(|s| s.to_string())),
        ("kind", st.kind.map(|k| k.to_string())),
        ("service", st.service.clone()),
        ("meeting", st.meeting.map(|_| meeting)),
    ]
    .into_iter()
    .filter_map(|(name, value)| value.map(|v| format!("{name} {v}")))
    .collect();
    if set.is_empty() {
        "every exception: no filter".to_string()
    } else {
        format!("only {}", set.join(" · "))
    }
}

fn draw_list(frame: &mut Frame, area: Rect, app: &App) {
    let st = &app.exceptions;
    let theme = app.theme;
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border())
        .title(Span::styled(
            format!(" Exception queue ({}) ", st.list.len()),
            theme.title(),
        ));
    let inner = block.inner(area);
    let selected = st.selected().map(|e| {
        let title = code_and_name(
            &e.subject,
            app.data.ds.subject_title(&e.subject).unwrap_or_default(),
        );
        let carried = if st.carried.contains(&e.id) {
            " · carried forward"
        } else {
            ""
        };
        format!(
            "#{} {} · {title} · {}{carried}",
            e.id,
            kind_label(e.kind),
            e.period
        )
    });
    let inner = with_selected(frame, inner, selected, theme);
    let window = Window::new(
        st.list.len(),
        st.cursor,
        (inner.height as usize).saturating_sub(2),
    );
    frame.render_widget(window.mark(block, theme), area);
    let w = inner.width as usize;
    let mut lines = vec![
        Line::from(Span::styled(fit(&filters_line(app), w), theme.label())),
        Line::from(Span::styled(
            fit(
                &format!(
                    " {} {} {} {} {} Owner",
                    pad("#", 4),
                    pad("Kind", 11),
                    pad("Subject", 8),
                    pad("Status", 9),
                    pad("Period", 10)
                ),
                w,
            ),
            theme.heading(),
        )),
    ];
    if let Some(e) = &st.error {
        lines.push(Line::from(Span::styled(e.clone(), theme.error())));
    } else if st.list.is_empty() {
        lines.push(Line::from(Span::styled(
            "No exceptions match these filters (x clears them)",
            theme.dim(),
        )));
    }
    for (n, e) in st
        .list
        .iter()
        .enumerate()
        .skip(window.offset)
        .take(window.shown)
    {
        // Δ: the figure changed since the exception was raised; else ↻: carried forward
        // from the board's earlier meetings (the record pane says both in words).
        let mark = if st.changed.contains_key(&e.id) {
            "Δ"
        } else if st.carried.contains(&e.id) {
            "↻"
        } else {
            " "
        };
        let text = format!(
            "{mark}{} {} {} {} {} {}",
            pad(&format!("#{}", e.id), 4),
            pad(kind_label(e.kind), 11),
            pad(&e.subject, 8),
            pad(e.status.as_str(), 9),
            pad(&e.period, 10),
            app.data.name_of(&e.owner)
        );
        let mut line = Line::from(vec![Span::styled(
            fit(&text, w),
            status_style(app, e.status),
        )]);
        if n == st.cursor {
            line = line.style(theme.selected());
        }
        lines.push(line);
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

fn status_style(app: &App, s: ExceptionStatus) -> ratatui::style::Style {
    match s {
        ExceptionStatus::Open => app.theme.warn(),
        ExceptionStatus::Escalated => app.theme.error(),
        ExceptionStatus::Closed => app.theme.dim(),
        _ => app.theme.base(),
    }
}

/// The record of one exception, as lines for the detail pane and the projector.
pub(super) fn record_lines(app: &App, e: &ExceptionRecord, roomy: bool) -> Vec<Line<'static>> {
    let theme = app.theme;
    let title = app
        .data
        .ds
        .subject_title(&e.subject)
        .unwrap_or_default()
        .to_string();
    let field = |label: &str, text: String| {
        let text = if text.trim().is_empty() {
            "—".to_string()
        } else {
            text
        };
        Line::from(vec![
            Span::styled(format!("{label}: "), theme.label()),
            Span::raw(text),
        ])
    };
    let meeting = e
        .meeting
        .and_then(|id| app.data.meetings.iter().find(|m| m.id == id))
        .map(|m| format!("{} on {} ({})", m.board, m.date, m.title))
        .unwrap_or_default();
    // The board it went to, and apart from PPG's decision the board's own outcome, with
    // its responsible member and due date once the board has named them.
    let escalation = if e.board.is_empty() {
        String::new()
    } else {
        app.data.ds.board_title(&e.board)
    };
    let mut member = if e.board_member.is_empty() {
        String::new()
    } else {
        format!("{} ({})", app.data.name_of(&e.board_member), e.board_member)
    };
    if let Some(due) = &e.escalation_due {
        member = format!(
            "{member}{}due {due}",
            if member.is_empty() { "" } else { ", " }
        );
    }
    let mut lines = vec![
        Line::from(Span::styled(
            format!(
                "#{} {} · {} · {}",
                e.id,
                kind_label(e.kind),
                code_and_name(&e.subject, &title),
                e.period
            ),
            theme.heading(),
        )),
        Line::from(vec![
            Span::styled("Status: ", theme.label()),
            Span::styled(
                e.status.as_str().to_uppercase(),
                status_style(app, e.status).add_modifier(ratatui::style::Modifier::BOLD),
            ),
            Span::raw(format!(
                "  · owner {}{}",
                app.data.name_of(&e.owner),
                if e.service.is_empty() {
                    String::new()
                } else {
                    format!(" · service {}", e.service)
                }
            )),
        ]),
    ];
    // The periods it is on besides its own (a quarter raised while it was open), as
    // `pmdb exceptions show` prints them.
    let linked = &app.exceptions.linked;
    if !linked.is_empty() && app.exceptions.selected().is_some_and(|s| s.id == e.id) {
        let periods: Vec<String> = std::iter::once(e.period.clone())
            .chain(linked.iter().cloned())
            .collect();
        lines.push(field(
            "Periods",
            safe_text::line(&periods.join(", ")).into_owned(),
        ));
    }
    if e.kind == ExceptionKind::Request {
        // A board's request: who asked, what, who answers and by when; the owner's answer
        // is the proposal, and the decision whether it answers the board.
        let owner = format!("{} ({})", app.data.name_of(&e.owner), e.owner);
        lines.extend([
            field("Asked by", escalation),
            field("Request", e.figures.clone()),
            field("Owner", owner),
            field("Due", e.escalation_due.clone().unwrap_or_default()),
            field("Answer", e.proposal.clone()),
            field("Decision", e.decision.clone()),
        ]);
    } else {
        lines.extend([
            match app.exceptions.changed.get(&e.id) {
                Some(now) => field(
                    "Figures (changed)",
                    format!("raised at {}; now {now}", e.figures),
                ),
                None => field("Figures", e.figures.clone()),
            },
            field("Officer's commentary", e.commentary.clone()),
            field("Proposal", e.proposal.clone()),
            field("PPG decision", e.decision.clone()),
            field("Escalated to", escalation),
        ]);
    }
    if !e.board.is_empty() && e.kind != ExceptionKind::Request {
        lines.push(field("Board's outcome", e.outcome.clone()));
        lines.push(field("Board member", member));
    }
    lines.push(field("Meeting", meeting));
    if let Some(c) = &e.closed_at {
        lines.push(field("Closed", for_people(c)));
    }
    if app.exceptions.carried.contains(&e.id) {
        lines.push(field(
            "Agenda",
            "carried forward: still open from the board's earlier meetings".into(),
        ));
    }
    if roomy {
        // On a projector, air between the items makes them readable from the back.
        lines = lines
            .into_iter()
            .flat_map(|l| [l, Line::from("")])
            .collect();
    }
    lines
}

/// The selected exception's history under its record: a heading, then one line per entry,
/// oldest first: "8 Jul 2026 02:40 · Kate Morgan · status: open → proposed".
pub(super) fn history_lines(app: &App) -> Vec<Line<'static>> {
    let theme = app.theme;
    let history = &app.exceptions.history;
    let mut lines = vec![Line::from(Span::styled(
        format!("History ({})", history.len()),
        theme.heading(),
    ))];
    if history.is_empty() {
        lines.push(Line::from(Span::styled("nothing recorded", theme.dim())));
    }
    let when = |stamp: &str| for_people(stamp);
    let person = |login: &str| {
        let name = app.data.name_of(login);
        if name == login {
            login.to_string()
        } else {
            format!("{name} ({login})")
        }
    };
    for h in history {
        lines.push(Line::from(vec![
            Span::styled(format!("{} · ", when(&h.at)), theme.dim()),
            Span::styled(
                format!("{} · ", safe_text::line(app.data.name_of(&h.by))),
                theme.label(),
            ),
            Span::raw(change_words(h, person, when)),
        ]));
    }
    lines
}

fn draw_detail(frame: &mut Frame, area: Rect, app: &App) {
    let theme = app.theme;
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border())
        .title(Span::styled(" Record ", theme.title()));
    match app.exceptions.selected() {
        Some(e) => app.exceptions.record_scroll.render(
            frame,
            area,
            block,
            Paragraph::new(
                record_lines(app, e, false)
                    .into_iter()
                    .chain(history_lines(app))
                    .collect::<Vec<_>>(),
            )
            .wrap(Wrap { trim: true }),
            View::Exceptions,
            theme,
        ),
        None => frame.render_widget(block, area),
    }
}
