//! Drawing the case studies over the Plan tab: the year's list (code, whether chosen, plan
//! node, who submitted it, title), the selected one's story wrapped, or the form that
//! submits one.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::{CaseStudies, SField, Study, StudyForm};
use crate::domain::label::code_and_name;
use crate::tui::app::App;
use crate::tui::components::form::keys_hint;
use crate::tui::components::scroll::{Window, with_selected};
use crate::tui::components::text_field::draw as draw_field;
use crate::tui::components::widgets::{fit, pad, waiting_line};
use crate::tui::keymap::View;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, st: &CaseStudies) {
    frame.render_widget(Clear, area);
    match &st.form {
        Some(form) => draw_form(frame, area, app, form),
        None if st.story => draw_story(frame, area, app, st),
        None => draw_list(frame, area, app, st),
    }
}

/// " Case studies 2026/27 · all " or " … · under KA1 Food waste ".
fn title(app: &App, st: &CaseStudies) -> String {
    let which = match &st.under {
        None => "all".to_string(),
        Some(code) => {
            let name = app.data.ds.node(code).map_or("", |n| n.title.as_str());
            format!("under {}", code_and_name(code, name))
        }
    };
    format!(" Case studies {} · {which} ", st.year)
}

fn block(app: &App, title: String) -> Block<'static> {
    Block::default()
        .borders(Borders::ALL)
        .border_style(app.theme.focus_border())
        .title(Span::styled(fit(&title, 200), app.theme.title()))
}

/// Who submitted it: their name and login, or "–" when the log holds nothing.
fn submitter(app: &App, s: &Study) -> String {
    s.submitted
        .as_ref()
        .map_or("–".into(), |by| app.data.name_of(&by.login).to_string())
}

const CODE_W: usize = 8;
const CHOSEN_W: usize = 10;
const NODE_W: usize = 9;

fn draw_list(frame: &mut Frame, area: Rect, app: &App, st: &CaseStudies) {
    let theme = app.theme;
    let block = block(app, title(app, st));
    let inner = block.inner(area);
    let chosen = st.rows.iter().filter(|s| s.record.selected).count();
    let count = format!(
        "{}, {chosen} chosen for the annual report",
        crate::domain::label::counted(st.rows.len(), "case study", "case studies")
    );
    let [head, inner] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(inner);
    let head_text = match &st.error {
        Some(e) => Span::styled(fit(e, head.width as usize), theme.error()),
        None => Span::styled(fit(&count, head.width as usize), theme.dim()),
    };
    frame.render_widget(Paragraph::new(head_text), head);
    let inner = with_selected(
        frame,
        inner,
        st.selected()
            .map(|s| code_and_name(&s.record.code, &s.record.title)),
        theme,
    );
    let window = Window::new(
        st.rows.len(),
        st.cursor,
        (inner.height as usize).saturating_sub(1),
    );
    frame.render_widget(window.mark(block, theme), area);
    let w = inner.width as usize;
    let by_w = if w >= 100 { 20 } else { 14 };
    let title_w = w.saturating_sub(CODE_W + CHOSEN_W + NODE_W + by_w + 4);
    let row = |code: &str, chosen: &str, node: &str, by: &str, title: &str| {
        format!(
            "{} {} {} {} {}",
            pad(code, CODE_W),
            pad(chosen, CHOSEN_W),
            pad(node, NODE_W),
            pad(by, by_w),
            pad(title, title_w)
        )
    };
    let mut lines = vec![Line::from(Span::styled(
        fit(&row("Code", "Report", "Plan", "Submitted by", "Title"), w),
        theme.heading(),
    ))];
    if st.rows.is_empty() && st.error.is_none() {
        lines.push(Line::from(Span::styled(
            format!(
                "No case study for {} here yet: {} adds one",
                st.year,
                View::CaseStudies.keys_for(crate::tui::action::Action::AddStudy)
            ),
            theme.dim(),
        )));
    }
    for (n, s) in st
        .rows
        .iter()
        .enumerate()
        .skip(window.offset)
        .take(window.shown)
    {
        let text = row(
            &s.record.code,
            s.chosen_word(),
            s.record.node.as_deref().unwrap_or("–"),
            &submitter(app, s),
            &s.record.title,
        );
        let mut line = Line::from(Span::raw(fit(&text, w)));
        if n == st.cursor {
            line = line.style(theme.selected());
        }
        lines.push(line);
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

fn draw_story(frame: &mut Frame, area: Rect, app: &App, st: &CaseStudies) {
    let theme = app.theme;
    let Some(s) = st.selected() else { return };
    let c = &s.record;
    let block = block(app, format!(" Story {} · {} ", c.code, st.year));
    let node = c.node.as_deref().unwrap_or("–");
    let node_name = app.data.ds.node(node).map_or("", |n| n.title.as_str());
    let submitted = match &s.submitted {
        Some(by) => format!(
            "Submitted by {} on {}",
            app.data.name_of(&by.login),
            crate::stamp::for_people(&by.at)
        ),
        None => "Submitted before pmdb kept who submitted it".into(),
    };
    let chosen = if c.selected {
        "chosen: the annual report tells it"
    } else {
        "not chosen: the annual report leaves it out"
    };
    let mut lines = vec![
        Line::from(Span::styled(
            crate::safe_text::line(&c.title).into_owned(),
            theme.heading(),
        )),
        Line::from(Span::styled(
            format!(
                "Plan {} · {submitted} · {chosen}",
                code_and_name(node, node_name)
            ),
            theme.dim(),
        )),
        Line::from(""),
    ];
    lines.extend(
        c.story
            .lines()
            .map(|l| Line::from(crate::safe_text::line(l).into_owned())),
    );
    let text = Paragraph::new(lines).wrap(Wrap { trim: false });
    st.scroll
        .render(frame, area, block, text, View::CaseStudies, theme);
}

fn draw_form(frame: &mut Frame, area: Rect, app: &App, form: &StudyForm) {
    let theme = app.theme;
    let block = block(app, format!(" New case study · {} ", form.year));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let message = match (&app.saving, &form.message) {
        (Some(saving), _) => waiting_line(saving, theme),
        (None, Some(m)) => Line::from(Span::styled(format!("✗ {m}"), theme.error())),
        (None, None) => Line::from(Span::styled(keys_hint(View::CaseStudyForm), theme.dim())),
    };
    let msg_para = Paragraph::new(message).wrap(Wrap { trim: true });
    let msg_h = (msg_para.line_count(inner.width) as u16).clamp(1, 3);
    let [code, title, node, story, msg] = Layout::vertical([
        Constraint::Length(3),
        Constraint::Length(3),
        Constraint::Length(3),
        Constraint::Fill(1),
        Constraint::Length(msg_h),
    ])
    .areas(inner);
    draw_field(frame, code, form.field(SField::Code));
    draw_field(frame, title, form.field(SField::Title));
    draw_field(frame, node, form.field(SField::Node));
    draw_field(frame, story, form.field(SField::Story));
    frame.render_widget(msg_para, msg);
}
