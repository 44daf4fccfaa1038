//! Recording a board's request (`R` on the Exceptions tab), as `pmdb exceptions add --kind
//! request --subject CODE --board CODE --text TEXT --owner LOGIN --due DATE` does, through
//! the same core function (`Store::add_request`): the asking board chosen from the
//! council's boards, the subject checked as it is typed, the request's text, its owner found
//! by typing part of a name, and the due date. Refused input is said in the form; nothing
//! is written until the store takes it.

use chrono::NaiveDate;
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use ratatui_textarea::TextArea;

use crate::domain::date::parse_date;
use crate::domain::fields::check_text;
use crate::safe_text;
use crate::store::NewRequest;
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::components::find_list::FindList;
use crate::tui::components::form::{Form, FormField, form_state};
use crate::tui::components::text_field::{
    draw as draw_field, field, line_of, place_cursor, text_box, text_of, type_key,
};
use crate::tui::components::theme::Theme;
use crate::tui::components::widgets::popup_frame;
use crate::tui::components::widgets::{centered, waiting_line};
use crate::tui::data::Data;
use crate::tui::keymap::View;

/// A field of the form, in the order Tab visits them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Board,
    Subject,
    Text,
    Owner,
    Due,
}

/// Only the request's text takes more than one line.
impl FormField for Field {
    fn one_line(self) -> bool {
        self != Field::Text
    }
}

pub struct RequestForm {
    /// The council's boards, code and name, in the order the store lists them.
    pub boards: Vec<(String, String)>,
    pub board: usize,
    /// What was typed on the board's field to find one.
    pub board_find: String,
    pub subject: TextArea<'static>,
    pub text: TextArea<'static>,
    /// The council's users, login and name: who may own the request.
    pub owners: Vec<(String, String)>,
    pub owner: FindList,
    pub due: TextArea<'static>,
    pub focus: Field,
    /// Why the last save was refused, as the store said it.
    pub message: Option<String>,
    initial: Vec<String>,
    theme: Theme,
}

impl RequestForm {
    /// A form on `data`'s boards and users, asking board `board` if the council has it.
    pub fn new(data: &Data, board: Option<&str>, theme: Theme) -> RequestForm {
        let boards: Vec<(String, String)> = data
            .ds
            .boards
            .iter()
            .map(|b| (b.code.clone(), b.name.clone()))
            .collect();
        let owners: Vec<(String, String)> = data
            .ds
            .users
            .iter()
            .map(|u| (u.login.clone(), u.name.clone()))
            .collect();
        let at = board
            .and_then(|c| boards.iter().position(|(code, _)| code == c))
            .unwrap_or(0);
        let mut form = RequestForm {
            board: at,
            board_find: String::new(),
            boards,
            subject: field("", theme),
            text: text_box("", theme),
            owner: FindList::new(owners.len(), 0),
            owners,
            due: field("", theme),
            focus: Field::Board,
            message: None,
            initial: vec![],
            theme,
        };
        form.initial = form.texts();
        form.restyle();
        form
    }

    /// The board or the owner has focus: ◀▶ choose, letters find.
    pub fn picking(&self) -> bool {
        matches!(self.focus, Field::Board | Field::Owner)
    }

    /// The previous (-1) or next (1) board, or owner among those found.
    pub fn step_choice(&mut self, by: isize) {
        match self.focus {
            Field::Board if !self.boards.is_empty() => {
                let n = self.boards.len() as isize;
                self.board = (self.board as isize + by).rem_euclid(n) as usize;
            }
            Field::Owner => self.owner.step(by),
            _ => {}
        }
        self.message = None;
    }

    /// Types on the board's field: the first board whose code or name holds what is typed.
    fn find_board(&mut self, key: KeyEvent) {
        crate::tui::components::filter::type_into(&mut self.board_find, &key);
        let q = self.board_find.trim().to_lowercase();
        if let Some(i) = self.boards.iter().position(|(code, name)| {
            code.to_lowercase().contains(&q) || name.to_lowercase().contains(&q)
        }) {
            self.board = i;
        }
    }

    pub fn board_code(&self) -> Option<&str> {
        self.boards.get(self.board).map(|(c, _)| c.as_str())
    }

    pub fn owner_login(&self) -> Option<&str> {
        self.owner
            .chosen()
            .and_then(|i| self.owners.get(i))
            .map(|(l, _)| l.as_str())
    }

    fn due_date(&self) -> Result<NaiveDate, String> {
        let text = line_of(&self.due);
        if text.trim().is_empty() {
            return Err("type the due date (YYYY-MM-DD or DD/MM/YYYY)".into());
        }
        parse_date(&text)
            .map_err(|e| format!("due date '{}' is not a date: {e}", safe_text::line(&text)))
    }

    /// The request to record, or why it cannot be: the store checks it again when saved.
    pub fn request(&self, data: &Data) -> Result<NewRequest, String> {
        let board = self.board_code().ok_or(
            "the council has no board to ask: an admin adds one with `pmdb import boards`",
        )?;
        let subject = line_of(&self.subject).trim().to_string();
        if subject.is_empty() {
            return Err(
                "type the subject: an indicator, action, project, risk or plan node code".into(),
            );
        }
        if data.ds.subject_title(&subject).is_none() && data.ds.node(&subject).is_none() {
            return Err(format!(
                "there is no indicator, action, project, risk or plan node with code {}",
                safe_text::line(&subject)
            ));
        }
        let text = text_of(&self.text).trim().to_string();
        if text.is_empty() {
            return Err("the request is empty: write what the board asks for".into());
        }
        check_text("the request", &text).map_err(|e| e.to_string())?;
        let owner = self
            .owner_login()
            .ok_or("no user's name or login holds what is typed for the owner")?;
        Ok(NewRequest {
            subject,
            board: board.to_string(),
            text,
            owner: owner.to_string(),
            due: self.due_date()?,
        })
    }
}

impl Form for RequestForm {
    type Field = Field;
    type Ctx = Data;

    fn tab_order(&self) -> Vec<Field> {
        vec![
            Field::Board,
            Field::Subject,
            Field::Text,
            Field::Owner,
            Field::Due,
        ]
    }

    form_state!();

    fn text_box(&mut self, f: Field) -> Option<(&mut TextArea<'static>, String)> {
        match f {
            Field::Subject => Some((
                &mut self.subject,
                "Subject (indicator, action, project, risk or plan node code)".into(),
            )),
            Field::Text => Some((&mut self.text, "The board's request".into())),
            Field::Due => Some((&mut self.due, "Due date (YYYY-MM-DD or DD/MM/YYYY)".into())),
            Field::Board | Field::Owner => None,
        }
    }

    fn texts(&self) -> Vec<String> {
        vec![
            self.board.to_string(),
            line_of(&self.subject),
            text_of(&self.text),
            self.owner.find.clone(),
            line_of(&self.due),
        ]
    }

    fn type_key(&mut self, key: KeyEvent, _data: &Data) {
        match self.focus {
            Field::Board => self.find_board(key),
            Field::Subject => type_key(&mut self.subject, key),
            Field::Text => type_key(&mut self.text, key),
            Field::Owner => {
                let owners = &self.owners;
                self.owner.type_key(&key, owners.len(), |i| {
                    [owners[i].0.clone(), owners[i].1.clone()]
                })
            }
            Field::Due => type_key(&mut self.due, key),
        }
        self.message = None;
    }

    fn newline(&mut self, _data: &Data) {
        if self.focus == Field::Text {
            self.text.insert_newline();
        }
    }
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App, form: &RequestForm) {
    let theme = app.theme;
    let dialog = centered(area, 76, 22);
    let inner = popup_frame(frame, dialog, " A board's request ".to_string(), theme);
    let [board, subject, text, owner, due, msg] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(3),
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(3),
        Constraint::Length(2),
    ])
    .areas(inner);
    let keys = format!(
        "  ({}/{} or type)",
        View::BoardMember.keys_for(Action::Left),
        View::BoardMember.keys_for(Action::Right)
    );
    let chooser = |f: Field, label: &str, chosen: String| {
        let on = form.focus == f;
        let style = if on {
            theme.focus_border()
        } else {
            theme.base()
        };
        Paragraph::new(Line::from(vec![
            Span::styled(format!("{} {label}: ", if on { "▶" } else { " " }), style),
            Span::styled(format!("◀ {} ▶", safe_text::line(&chosen)), style),
            Span::styled(keys.clone(), theme.dim()),
        ]))
    };
    let asking = form
        .boards
        .get(form.board)
        .map(|(c, n)| format!("{n} ({c})"))
        .unwrap_or_else(|| "no board to choose".into());
    frame.render_widget(chooser(Field::Board, "Asked by", asking), board);
    let who = match form.owner_login() {
        Some(login) => format!("{} ({login})", app.data.name_of(login)),
        None => format!("no one found for '{}'", form.owner.find),
    };
    let found = if form.owner.find.is_empty() || form.owner_login().is_none() {
        String::new()
    } else {
        format!(" · {}", form.owner.find)
    };
    frame.render_widget(
        chooser(Field::Owner, "Owner", format!("{who}{found}")),
        owner,
    );
    draw_field(frame, subject, &form.subject);
    draw_field(frame, text, &form.text);
    draw_field(frame, due, &form.due);
    if app.help.is_none() && app.question.is_none() {
        match form.focus {
            Field::Subject => place_cursor(frame, subject, &form.subject),
            Field::Due => place_cursor(frame, due, &form.due),
            _ => {}
        }
    }
    let line = match (&form.message, form.request(&app.data)) {
        _ if let Some(saving) = &app.saving => waiting_line(saving, theme),
        (Some(m), _) => Line::from(Span::styled(
            format!("✗ nothing was written: {}", safe_text::line(m)),
            theme.error(),
        )),
        (None, Err(why)) => Line::from(Span::styled(format!("! {why}"), theme.warn())),
        (None, Ok(r)) => Line::from(Span::styled(
            format!(
                "✓ ready: {} on {} · {} saves · {} cancels",
                safe_text::line(&r.subject),
                app.data
                    .ds
                    .subject_title(&r.subject)
                    .unwrap_or("a plan node"),
                View::ExceptionForm.keys_for(Action::Save),
                View::ExceptionForm.keys_for(Action::Back)
            ),
            theme.ok(),
        )),
    };
    frame.render_widget(Paragraph::new(line).wrap(Wrap { trim: true }), msg);
}
