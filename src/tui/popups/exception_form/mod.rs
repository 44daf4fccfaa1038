//! Recording the meeting on one exception: the accountable officer's proposal, the PPG
//! decision, escalation to a board (the Management Board unless another is chosen), or that
//! board's own outcome with its responsible member and due date. Checked as it is typed by
//! `domain::workflow::apply`, the rule the store uses.

pub(crate) mod view;

use chrono::NaiveDate;
use crossterm::event::KeyEvent;
use ratatui_textarea::TextArea;

use crate::domain::workflow::{
    DEFAULT_BOARD, ExceptionKind, ExceptionStatus, State, Step, WorkflowError, apply,
};
use crate::store::ExceptionRecord;
use crate::tui::components::form::{Form, FormField, form_state};
use crate::tui::components::text_field::{field, line_of, text_box, text_of, type_key};
use crate::tui::components::theme::Theme;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormKind {
    Propose,
    Decide,
    Escalate,
    /// The board's own outcome, member and due date, once PPG has escalated it.
    Outcome,
}

impl FormKind {
    pub fn title(self) -> &'static str {
        match self {
            FormKind::Propose => "Accountable officer's proposal",
            FormKind::Decide => "PPG decision (agreed action)",
            FormKind::Escalate => "PPG decision: escalate to a board",
            FormKind::Outcome => "The board's outcome",
        }
    }

    /// Whether the form chooses from a list (a board, or a board's member).
    pub fn picks(self) -> bool {
        matches!(self, FormKind::Escalate | FormKind::Outcome)
    }
}

/// A field of the form, in the order Tab visits them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// The officer's proposal, asked for on an Agree or Escalate form when the exception
    /// has none yet, so a decision is never typed only to be refused for want of it.
    Proposal,
    /// The proposal, PPG's decision or the board's outcome, by the form's kind.
    Text,
    /// The board an escalation goes to, chosen from the council's boards.
    Board,
    /// The board's responsible member, chosen from that board's members.
    Member,
    Due,
}

/// The board, its member and the due date take one line (Enter saves from them).
impl FormField for Field {
    fn one_line(self) -> bool {
        matches!(self, Field::Board | Field::Member | Field::Due)
    }
}

pub struct ExceptionForm {
    pub id: i64,
    pub version: i64,
    pub subject: String,
    pub kind: FormKind,
    /// Whether the exception is a board's request: its owner's answer is the proposal.
    pub request: bool,
    /// Whether the form asks for the officer's proposal (`Field::Proposal`).
    pub asks_proposal: bool,
    pub proposal: TextArea<'static>,
    pub text: TextArea<'static>,
    /// Index into the form's choices (`Form::Ctx`): the boards an escalation may go to,
    /// or the members of the board the exception went to.
    pub choice: usize,
    pub due: TextArea<'static>,
    pub focus: Field,
    pub check: Result<(), String>,
    pub message: Option<String>,
    /// `texts()` as the form opened, to tell whether leaving it would lose anything.
    initial: Vec<String>,
    state: State,
    theme: Theme,
}

fn single(text: &str, theme: Theme) -> TextArea<'static> {
    field(text, theme)
}

impl ExceptionForm {
    /// A form for `rec`; `choices` are the boards (escalating) or the members of its board
    /// (its outcome), as the tab lists them.
    pub fn new(
        rec: &ExceptionRecord,
        kind: FormKind,
        choices: &[String],
        theme: Theme,
    ) -> ExceptionForm {
        let existing = match kind {
            FormKind::Propose => rec.proposal.clone(),
            FormKind::Decide | FormKind::Escalate => rec.decision.clone(),
            FormKind::Outcome => rec.outcome.clone(),
        };
        let text = text_box(&existing, theme);
        // The board it went to before, else the Management Board; its member as recorded.
        let chosen = match kind {
            FormKind::Outcome => rec.board_member.as_str(),
            _ if rec.board.is_empty() => DEFAULT_BOARD,
            _ => rec.board.as_str(),
        };
        let choice = choices.iter().position(|c| c == chosen).unwrap_or(0);
        let due = rec.escalation_due.clone().unwrap_or_default();
        let asks_proposal =
            matches!(kind, FormKind::Decide | FormKind::Escalate) && rec.proposal.trim().is_empty();
        let mut form = ExceptionForm {
            id: rec.id,
            version: rec.version,
            subject: rec.subject.clone(),
            kind,
            request: rec.kind == ExceptionKind::Request,
            asks_proposal,
            proposal: text_box("", theme),
            text,
            choice,
            due: single(&due, theme),
            focus: if asks_proposal {
                Field::Proposal
            } else {
                Field::Text
            },
            check: Ok(()),
            message: None,
            initial: vec![],
            state: rec.state(),
            theme,
        };
        form.initial = form.texts();
        form.restyle();
        form.revalidate(choices);
        form
    }

    /// The form's fields, in the order Tab visits them.
    pub fn fields(&self) -> Vec<Field> {
        let mut out = Vec::new();
        if self.asks_proposal {
            out.push(Field::Proposal);
        }
        out.push(Field::Text);
        match self.kind {
            FormKind::Escalate => out.push(Field::Board),
            FormKind::Outcome => out.extend([Field::Member, Field::Due]),
            FormKind::Propose | FormKind::Decide => {}
        }
        out
    }

    /// The field that has focus.
    pub fn focused(&self) -> Field {
        self.focus
    }

    /// The board or its member has focus: the picker's keys (`View::BoardMember`) apply,
    /// nothing is typed.
    pub fn picking(&self) -> bool {
        matches!(self.focused(), Field::Board | Field::Member)
    }

    /// The previous (-1) or next (1) choice, round the list.
    pub fn step_choice(&mut self, by: isize, choices: &[String]) {
        if choices.is_empty() {
            return;
        }
        let n = choices.len() as isize;
        self.choice = (self.choice as isize + by).rem_euclid(n) as usize;
        self.message = None;
        self.revalidate(choices);
    }

    /// The board (escalating) or the board's member (its outcome) chosen.
    pub fn chosen<'a>(&self, choices: &'a [String]) -> Option<&'a String> {
        choices.get(self.choice)
    }

    fn due_date(&self) -> Result<Option<NaiveDate>, String> {
        let text = line_of(&self.due);
        if text.is_empty() {
            return Ok(None);
        }
        crate::domain::date::parse_date(&text)
            .map(Some)
            .map_err(|e| format!("'{text}' is not a date: {e}"))
    }

    /// The form's title: on a board's request, the owner's proposal is the answer.
    pub fn title(&self) -> &'static str {
        match self.kind {
            FormKind::Propose if self.request => "The owner's answer to the board's request",
            kind => kind.title(),
        }
    }

    /// The step this form records.
    pub fn step(&self, choices: &[String]) -> Result<Step, String> {
        let text = text_of(&self.text).trim().to_string();
        let proposal = text_of(&self.proposal).trim().to_string();
        if self.asks_proposal && proposal.is_empty() {
            return Err(
                "the officer's proposal is not on record yet: type it in its box first".into(),
            );
        }
        let proposal = self.asks_proposal.then_some(proposal);
        Ok(match self.kind {
            // The workflow proposes an open exception given its proposal, as it does for
            // `exceptions update ID --proposal T`; one proposed or further on keeps its status.
            FormKind::Propose if text.is_empty() => {
                return Err(WorkflowError::NoProposal.to_string());
            }
            FormKind::Propose => Step {
                proposal: Some(text),
                ..Step::default()
            },
            FormKind::Decide => Step {
                status: Some(ExceptionStatus::Agreed),
                proposal,
                decision: Some(text),
                ..Step::default()
            },
            FormKind::Escalate => Step {
                status: Some(ExceptionStatus::Escalated),
                proposal,
                decision: (!text.is_empty()).then_some(text),
                board: self.chosen(choices).cloned(),
                ..Step::default()
            },
            FormKind::Outcome if text.is_empty() => {
                return Err("type the board's outcome: what it decided".into());
            }
            FormKind::Outcome => Step {
                outcome: Some(text),
                board_member: self.chosen(choices).cloned(),
                escalation_due: self.due_date()?,
                ..Step::default()
            },
        })
    }

    /// Checks the step against the workflow's rules as it is typed.
    pub fn revalidate(&mut self, choices: &[String]) {
        if self.kind == FormKind::Escalate && choices.is_empty() {
            self.check = Err(
                "the council has no board to escalate to: an admin adds one with `pmdb import boards`"
                    .into(),
            );
            return;
        }
        self.check = self.step(choices).and_then(|s| {
            apply(&self.state, &s)
                .map(|_| ())
                .map_err(|e| e.to_string())
        });
    }
}

impl Form for ExceptionForm {
    type Field = Field;
    type Ctx = [String];

    fn tab_order(&self) -> Vec<Field> {
        self.fields()
    }

    form_state!();

    /// The board and its member are chosen from lists: they have no box.
    fn text_box(&mut self, f: Field) -> Option<(&mut TextArea<'static>, String)> {
        let text = match self.kind {
            FormKind::Propose if self.request => "Answer",
            FormKind::Propose => "Proposal",
            FormKind::Decide => "Decision",
            FormKind::Escalate => "PPG decision: why it goes to the board (optional)",
            FormKind::Outcome => "The board's outcome (PPG's decision stays as recorded)",
        };
        match f {
            Field::Proposal => Some((
                &mut self.proposal,
                "Officer's proposal (none on record yet)".into(),
            )),
            Field::Text => Some((&mut self.text, text.into())),
            Field::Due => Some((&mut self.due, "Due date (YYYY-MM-DD)".into())),
            Field::Board | Field::Member => None,
        }
    }

    /// The proposal, the text, the choice and the due date (the last two change only on
    /// the forms that show them).
    fn texts(&self) -> Vec<String> {
        vec![
            text_of(&self.proposal),
            text_of(&self.text),
            self.choice.to_string(),
            text_of(&self.due),
        ]
    }

    /// Types a key into the proposal, the text or the due date, whichever has focus.
    fn type_key(&mut self, key: KeyEvent, choices: &[String]) {
        match self.focus {
            Field::Proposal => type_key(&mut self.proposal, key),
            Field::Text => type_key(&mut self.text, key),
            Field::Due => type_key(&mut self.due, key),
            Field::Board | Field::Member => {}
        }
        self.message = None;
        self.revalidate(choices);
    }

    fn newline(&mut self, choices: &[String]) {
        match self.focus {
            Field::Proposal => self.proposal.insert_newline(),
            _ => self.text.insert_newline(),
        }
        self.revalidate(choices);
    }
}
