//! Drawing the Entry tab's targets to propose: a line on what the pane is for, each of the
//! officer's indicators with its annual target and intervention level for the year and
//! where they stand, the selected one's story beneath (drafted, proposed by whom and why,
//! approved by which board), and the proposal form over it all when open.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::targets::TargetsPane;
use super::view::officer_title;
use crate::domain::target_state::TargetState;
use crate::query::target_proposals::ProposalRow;
use crate::safe_text;
use crate::tui::app::App;
use crate::tui::components::scroll::Window;
use crate::tui::components::widgets::{figure, fit, pad, rpad};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, pane: &TargetsPane) {
    draw_pane(frame, area, app, pane);
    if let Some(form) = &pane.form {
        crate::tui::popups::target_form::view::draw(frame, area, app, form);
    }
}

/// The state column: "draft", "proposed", "approved" or "no target yet".
fn state_word(r: &ProposalRow) -> String {
    r.state
        .map_or_else(|| "no target yet".to_string(), |s| s.to_string())
}

/// The selected row's story, in a sentence or two.
fn story(app: &App, pane: &TargetsPane, r: &ProposalRow) -> String {
    let who = |login: &str| {
        format!(
            "{} ({})",
            safe_text::line(app.data.name_of(login)),
            safe_text::line(login)
        )
    };
    let why = |r: &ProposalRow| {
        if r.why.is_empty() {
            String::new()
        } else {
            format!(
                " Proposed by {}: \"{}\"",
                who(&r.proposed_by),
                safe_text::line(&r.why)
            )
        }
    };
    let year = pane.year;
    match r.state {
        None => format!("{}: no {year} target yet. Enter proposes one.", r.code),
        Some(TargetState::Draft) => format!(
            "{}: drafted from last year's target, not yet proposed. Enter proposes it, as it \
             stands or changed, with your reasons.",
            r.code
        ),
        Some(TargetState::Proposed) => format!(
            "{}: proposed, waiting for the board's approval.{} Enter changes the proposal.",
            r.code,
            why(r)
        ),
        Some(TargetState::Approved) if r.approved_by.is_empty() => format!(
            "{}: approved, set with the council's targets. A change goes to the board through \
             the performance team.",
            r.code
        ),
        Some(TargetState::Approved) => {
            let meeting = r
                .meeting
                .map(|m| format!(" at meeting {m}"))
                .unwrap_or_default();
            format!(
                "{}: approved by {}{meeting}.{} A change goes to the board through the \
                 performance team.",
                r.code,
                safe_text::line(&app.data.ds.board_title(&r.approved_by)),
                why(r)
            )
        }
    }
}

fn draw_pane(frame: &mut Frame, area: Rect, app: &App, pane: &TargetsPane) {
    let theme = app.theme;
    let st = &app.entry;
    let title = officer_title(
        app,
        &format!("Targets for {}", pane.year),
        &pane.year.to_string(),
        (area.width as usize).saturating_sub(2),
    );
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.focus_border())
        .title(Span::styled(title, theme.title()));
    let inner = block.inner(area);
    let intro = if pane.season {
        format!(
            "The spring: propose {}'s targets with your reasons; the performance team records \
             the board's approval.",
            pane.year
        )
    } else {
        format!(
            "{}'s targets are not all approved yet: propose yours with your reasons before the \
             board meets.",
            pane.year
        )
    };
    let intro = Paragraph::new(Span::styled(intro, theme.dim())).wrap(Wrap { trim: true });
    let about = pane
        .selected()
        .map(|r| story(app, pane, r))
        .unwrap_or_default();
    let about = Paragraph::new(Line::from(vec![
        Span::styled("▶ ", theme.key()),
        Span::styled(about, theme.base()),
    ]))
    .wrap(Wrap { trim: true });
    let w = inner.width;
    let [intro_a, list_a, about_a] = Layout::vertical([
        Constraint::Length((intro.line_count(w) as u16).clamp(1, 2)),
        Constraint::Fill(1),
        Constraint::Length((about.line_count(w) as u16).clamp(1, 6)),
    ])
    .areas(inner);
    frame.render_widget(intro, intro_a);
    frame.render_widget(about, about_a);
    let window = Window::new(
        pane.rows.len(),
        pane.cursor,
        (list_a.height as usize).saturating_sub(1),
    );
    frame.render_widget(window.mark(block, theme), area);
    let w = w as usize;
    // Code 7, target 8, intervention 12, state 13 and the gaps: the title takes the rest.
    let title_w = w.saturating_sub(7 + 8 + 12 + 13 + 4).max(8);
    let header = format!(
        "{} {} {} {} {}",
        pad("Code", 7),
        pad("Indicator", title_w),
        rpad("Target", 8),
        rpad("Intervention", 12),
        "State"
    );
    let mut lines = vec![Line::from(Span::styled(fit(&header, w), theme.heading()))];
    if pane.rows.is_empty() {
        lines.push(Line::from(Span::styled(
            format!(
                "{} owns or enters no indicator that takes targets",
                safe_text::line(&st.officer)
            ),
            theme.dim(),
        )));
    }
    for (n, r) in pane
        .rows
        .iter()
        .enumerate()
        .skip(window.offset)
        .take(window.shown)
    {
        let state_style = match r.state {
            None | Some(TargetState::Draft) => theme.warn(),
            Some(TargetState::Proposed) => theme.base(),
            Some(TargetState::Approved) => theme.ok(),
        };
        let mut line = Line::from(vec![
            Span::raw(format!(
                "{} {} {} {} ",
                pad(&r.code, 7),
                pad(&r.title, title_w),
                rpad(&figure(r.target, r.decimals), 8),
                rpad(&figure(r.intervention, r.decimals), 12),
            )),
            Span::styled(state_word(r), state_style),
        ]);
        if n == pane.cursor {
            line = line.style(theme.selected());
        }
        lines.push(line);
    }
    frame.render_widget(Paragraph::new(lines), list_a);
}
