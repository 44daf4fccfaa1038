//! The Exceptions tab's state: the review group's queue, filtered by period, meeting,
//! status, kind and service; the projector view of one exception; and the form that
//! records the meeting. Drawing is in `view.rs`.

mod agenda;
pub mod minutes;
pub(crate) mod projector;
mod requests;
pub(crate) mod view;

use std::collections::{HashMap, HashSet};

use crate::query::exceptions::FiguresNow;

use crate::domain::deadline::month_now_due;
use crate::domain::period::Period;
use crate::domain::role::{Actor, RoleError};
use crate::domain::workflow::{
    ExceptionKind, ExceptionStatus, Step, board_words, may_record, may_record_outcome,
};
use crate::store::{
    ExceptionFilter, ExceptionRecord, ExceptionUpdate, HistoryEntry, MeetingRecord, Result,
    StoreError,
};
use crate::tui::action::Action;
use crate::tui::components::form::{self, Outcome};
use crate::tui::components::scroll::TextScroll;
use crate::tui::components::theme::Theme;
use crate::tui::data::Data;
use crate::tui::keymap::View;
use crate::tui::messages::{Effect, Note, Question};
use crate::tui::popups::close_agreed::CloseAgreed;
use crate::tui::popups::exception_form::{ExceptionForm, FormKind};
use crate::tui::popups::request_form::RequestForm;
use crate::tui::saving::Job;
use minutes::MinutesPane;

type FilterKey = (
    Option<Period>,
    Option<ExceptionStatus>,
    Option<ExceptionKind>,
    Option<String>,
    Option<i64>,
);

pub struct ExceptionsState {
    pub period: Option<Period>,
    pub status: Option<ExceptionStatus>,
    pub kind: Option<ExceptionKind>,
    pub service: Option<String>,
    pub meeting: Option<i64>,
    pub list: Vec<ExceptionRecord>,
    /// The figures now of each exception whose figure changed since it was raised, by id.
    pub changed: HashMap<i64, String>,
    /// The items of the meeting's agenda carried forward from its board's earlier meetings.
    pub carried: HashSet<i64>,
    pub cursor: usize,
    pub projector: bool,
    /// How far the record pane or the projector view is scrolled (`PgUp`/`PgDn`); back to
    /// the top on another exception.
    pub record_scroll: TextScroll,
    pub form: Option<ExceptionForm>,
    /// The note closing (or noting) every agreed item of the meeting's agenda (`C`).
    pub agreed: Option<CloseAgreed>,
    /// A board's request being recorded (`R`).
    pub request: Option<RequestForm>,
    /// The meeting's minutes, filling the tab (`M`).
    pub minutes: Option<MinutesPane>,
    pub error: Option<String>,
    key: Option<(FilterKey, u64)>,
    /// The selected exception's history, oldest first, read for (id, generation).
    pub history: Vec<HistoryEntry>,
    /// The periods the selected exception was linked to besides its own, read with its
    /// history.
    pub linked: Vec<String>,
    history_key: Option<(i64, u64)>,
}

/// The next value in a cycle that starts and ends with "all" (None).
fn cycle<T: Clone + PartialEq>(current: &Option<T>, all: &[T]) -> Option<T> {
    match current
        .as_ref()
        .and_then(|c| all.iter().position(|x| x == c))
    {
        None => all.first().cloned(),
        Some(i) => all.get(i + 1).cloned(),
    }
}

impl ExceptionsState {
    /// Opens on the PPG meeting the team is preparing for: the next one from today, or
    /// else the last one held; on every exception when there are no meetings.
    pub fn new(data: &Data) -> ExceptionsState {
        let today = data.today.to_string();
        let ppg: Vec<&MeetingRecord> = data.meetings.iter().filter(|m| m.board == "PPG").collect();
        let meeting = ppg
            .iter()
            .find(|m| m.date >= today)
            .or(ppg.last())
            .map(|m| m.id);
        ExceptionsState {
            period: None,
            status: None,
            kind: None,
            service: None,
            meeting,
            list: vec![],
            changed: HashMap::new(),
            carried: HashSet::new(),
            cursor: 0,
            projector: false,
            record_scroll: TextScroll::default(),
            form: None,
            agreed: None,
            request: None,
            minutes: None,
            error: None,
            key: None,
            history: vec![],
            linked: vec![],
            history_key: None,
        }
    }

    pub fn filter(&self) -> ExceptionFilter {
        ExceptionFilter {
            period: self.period.map(|p| p.to_string()),
            status: self.status,
            kind: self.kind,
            service: self.service.clone(),
            meeting: self.meeting,
        }
    }

    fn filter_key(&self) -> FilterKey {
        (
            self.period,
            self.status,
            self.kind,
            self.service.clone(),
            self.meeting,
        )
    }

    pub fn selected(&self) -> Option<&ExceptionRecord> {
        self.list.get(self.cursor)
    }

    pub fn sync(&mut self, data: &Data) {
        self.sync_list(data);
        let of = self.selected().map(|e| e.id.to_string());
        self.record_scroll.follow(of);
        self.sync_history(data);
        if let Some(pane) = &mut self.minutes {
            pane.sync(data);
        }
    }

    /// Reads the selected exception's history when another is selected or the data changed.
    fn sync_history(&mut self, data: &Data) {
        let key = self.selected().map(|e| (e.id, data.generation));
        if key == self.history_key {
            return;
        }
        let read = key.map(|(id, _)| {
            data.exception_history(id)
                .and_then(|h| Ok((h, data.exception_periods(id)?)))
        });
        (self.history, self.linked) = match read {
            Some(Ok(read)) => read,
            Some(Err(e)) => {
                self.error = Some(e.to_string());
                (vec![], vec![])
            }
            None => (vec![], vec![]),
        };
        self.history_key = key;
    }

    /// The exceptions shown: with a meeting chosen, its agenda (carried-forward items
    /// marked) narrowed by the other filters; else every exception the filters pass.
    fn read_list(&mut self, data: &Data) -> Result<Vec<ExceptionRecord>> {
        self.carried.clear();
        let meeting = self
            .meeting
            .and_then(|id| data.meetings.iter().find(|m| m.id == id));
        let Some(meeting) = meeting else {
            return data.exceptions(&self.filter());
        };
        let filter = self.filter();
        let items = data.agenda(meeting)?;
        Ok(items
            .into_iter()
            .filter(|i| i.passes(&filter))
            .map(|i| {
                if i.carried_forward {
                    self.carried.insert(i.record.id);
                }
                i.record
            })
            .collect())
    }

    fn sync_list(&mut self, data: &Data) {
        let key = (self.filter_key(), data.generation);
        if self.key.as_ref() == Some(&key) {
            return;
        }
        let keep = self.selected().map(|e| e.id);
        match self.read_list(data) {
            Ok(list) => {
                let mut now = FiguresNow::new(&data.ds, data.ctx());
                self.changed = list
                    .iter()
                    .map(|e| (e.id, now.of(e), &e.figures))
                    .filter(|(_, now, raised)| now != *raised)
                    .map(|(id, now, _)| (id, now))
                    .collect();
                self.list = list;
                self.error = None;
            }
            Err(e) => self.error = Some(e.to_string()),
        }
        if let Some(i) = keep.and_then(|id| self.list.iter().position(|e| e.id == id)) {
            self.cursor = i;
        }
        self.cursor = self.cursor.min(self.list.len().saturating_sub(1));
        self.key = Some(key);
    }

    /// Whether this login may record `action` (a proposal, a decision, an escalation, a
    /// closure or a reopening) on the selected exception: the workflow's rule of who may.
    pub fn may(
        &self,
        action: Action,
        actor: &Actor,
        data: &Data,
    ) -> std::result::Result<(), RoleError> {
        let officers_part = action == Action::Propose;
        match self.selected() {
            // A member of the board it went to records that board's outcome themselves.
            Some(e) if action == Action::Outcome => {
                let name = data.ds.boards.iter().find(|b| b.code == e.board);
                let board = match name {
                    _ if e.board.is_empty() => "a board".to_string(),
                    Some(b) => board_words(&b.code, Some(&b.name)),
                    None => board_words(&e.board, None),
                };
                let on_it = data.members_of(&e.board).contains(&actor.login);
                may_record_outcome(actor, on_it, &board)
            }
            Some(e) => may_record(actor, &e.owner, officers_part),
            // Nothing selected: the keys are the performance team's to be offered.
            None => actor.may_manage("record PPG decisions"),
        }
    }

    pub fn update(&mut self, action: Action, data: &mut Data, theme: Theme, page: usize) -> Effect {
        if self.form.is_some() {
            return self.update_form(action, data);
        }
        if self.agreed.is_some() {
            return self.update_agreed(action);
        }
        if self.request.is_some() {
            return self.update_request(action, data);
        }
        if let Some(pane) = &mut self.minutes {
            match action {
                Action::ScrollUp => pane.scroll.page(-1),
                Action::ScrollDown => pane.scroll.page(1),
                Action::Back => self.minutes = None,
                _ => {}
            }
            return Effect::None;
        }
        let recording = matches!(
            action,
            Action::Propose
                | Action::Decide
                | Action::Escalate
                | Action::Outcome
                | Action::Close
                | Action::Reopen
        );
        if recording && self.selected().is_some() {
            // Refused before a word is typed, not when it is saved.
            if let Err(why) = self.may(action, &data.actor, data) {
                return Effect::Note(Note::Error(why.to_string()));
            }
        }
        let last = self.list.len().saturating_sub(1);
        match action {
            Action::Up => self.cursor = self.cursor.saturating_sub(1),
            Action::Down => self.cursor = (self.cursor + 1).min(last),
            Action::PageUp => self.cursor = self.cursor.saturating_sub(page),
            Action::PageDown => self.cursor = (self.cursor + page).min(last),
            Action::ScrollUp => self.record_scroll.page(-1),
            Action::ScrollDown => self.record_scroll.page(1),
            Action::Open => {
                self.projector = self.selected().is_some();
                self.record_scroll.reset();
            }
            Action::Back => {
                self.projector = false;
                self.record_scroll.reset();
            }
            Action::PrevPeriod | Action::NextPeriod => {
                let by = if action == Action::NextPeriod { 1 } else { -1 };
                self.period = Some(
                    self.period
                        .map(|p| p.step(by))
                        .unwrap_or_else(|| month_now_due(data.today)),
                );
                self.cursor = 0;
            }
            Action::CycleStatus => self.status = cycle(&self.status, ExceptionStatus::ALL),
            Action::CycleKind => self.kind = cycle(&self.kind, ExceptionKind::ALL),
            Action::CycleService => {
                let all: Vec<String> = data.ds.services.iter().map(|s| s.code.clone()).collect();
                self.service = cycle(&self.service, &all);
            }
            Action::CycleMeeting => {
                // Every board's meetings: a board's agenda holds what was escalated to it
                // and the requests it made.
                let all: Vec<i64> = data.meetings.iter().map(|m| m.id).collect();
                self.meeting = cycle(&self.meeting, &all);
            }
            Action::ClearFilters => {
                (
                    self.period,
                    self.status,
                    self.kind,
                    self.service,
                    self.meeting,
                ) = (None, None, None, None, None);
            }
            Action::CloseAgreed => return self.open_agreed(data, theme),
            Action::Minutes => return self.open_minutes(data),
            Action::RecordRequest => return self.open_request(data, theme),
            Action::Propose => self.open_form(FormKind::Propose, data, theme),
            Action::Decide => self.open_form(FormKind::Decide, data, theme),
            Action::Escalate => self.open_form(FormKind::Escalate, data, theme),
            Action::Outcome => self.open_form(FormKind::Outcome, data, theme),
            Action::Close => {
                if let Some(e) = self.selected() {
                    return Effect::Ask(Question::CloseException {
                        id: e.id,
                        version: e.version,
                    });
                }
            }
            Action::Reopen => {
                if let Some(e) = self.selected() {
                    let step = Step {
                        status: Some(ExceptionStatus::Open),
                        ..Step::default()
                    };
                    return apply_step(e.id, e.version, step);
                }
            }
            _ => {}
        }
        Effect::None
    }

    fn open_form(&mut self, kind: FormKind, data: &Data, theme: Theme) {
        if let Some(e) = self.selected() {
            let choices = choices(kind, e, data);
            self.form = Some(ExceptionForm::new(e, kind, &choices, theme));
        }
    }

    /// What the open form chooses from: the boards, or the members of the board the
    /// selected exception went to.
    pub fn form_choices(&self, data: &Data) -> Vec<String> {
        match (&self.form, self.form_record()) {
            (Some(f), Some(e)) => choices(f.kind, e, data),
            _ => vec![],
        }
    }

    /// The exception the open form records on.
    fn form_record(&self) -> Option<&ExceptionRecord> {
        let id = self.form.as_ref()?.id;
        self.list.iter().find(|e| e.id == id)
    }

    fn update_form(&mut self, action: Action, data: &mut Data) -> Effect {
        let choices = self.form_choices(data);
        let Some(form) = &mut self.form else {
            return Effect::None;
        };
        match action {
            Action::Left if form.picking() => form.step_choice(-1, &choices),
            Action::Right if form.picking() => form.step_choice(1, &choices),
            action => match form::on_key(form, action, &choices) {
                Outcome::Save => return self.save_form(data),
                Outcome::AskDiscard => return Effect::Ask(Question::DiscardEdit),
                Outcome::Close => self.form = None,
                Outcome::Done | Outcome::Other(_) => {}
            },
        }
        Effect::None
    }

    fn save_form(&mut self, data: &mut Data) -> Effect {
        let choices = self.form_choices(data);
        let Some(form) = &mut self.form else {
            return Effect::None;
        };
        let step = match form.step(&choices) {
            Ok(s) => s,
            Err(why) => {
                form.message = Some(why);
                return Effect::None;
            }
        };
        Effect::Save(Job::Form(ExceptionUpdate {
            id: form.id,
            expected_version: Some(form.version),
            step,
        }))
    }

    /// Takes in the form's save: closes the form, or shows why it was not saved.
    pub fn finish_form(&mut self, result: Result<ExceptionRecord>, data: &mut Data) -> Effect {
        let Some(form) = &mut self.form else {
            return step_done(result, data);
        };
        match result {
            Ok(rec) => {
                self.form = None;
                now_is(&rec, data)
            }
            Err(StoreError::Conflict { found, .. }) => {
                // Someone else recorded something first: show it, and save again only on request.
                form.version = found;
                form.message = Some(format!(
                    "exception #{} was changed by someone else while you typed (now version {found}); press {} again to save yours over it, or {} to see theirs",
                    form.id,
                    View::ExceptionForm.keys_for(Action::Save),
                    View::ExceptionForm.keys_for(Action::Back)
                ));
                Effect::None
            }
            Err(e) => {
                form.message = Some(e.to_string());
                Effect::None
            }
        }
    }
}

/// What a form of `kind` on `e` chooses from: the boards an escalation may go to, or the
/// members of the board `e` went to.
fn choices(kind: FormKind, e: &ExceptionRecord, data: &Data) -> Vec<String> {
    match kind {
        FormKind::Escalate => data.escalation_boards(),
        FormKind::Outcome => data.members_of(&e.board),
        FormKind::Propose | FormKind::Decide => vec![],
    }
}

/// Records one step straight away (closing after confirmation, reopening).
pub fn apply_step(id: i64, version: i64, step: Step) -> Effect {
    Effect::Save(Job::Step(ExceptionUpdate {
        id,
        expected_version: Some(version),
        step,
    }))
}

/// Takes in a step's save.
pub fn step_done(result: Result<ExceptionRecord>, data: &mut Data) -> Effect {
    match result {
        Ok(rec) => now_is(&rec, data),
        Err(e) => Effect::Note(Note::Error(e.to_string())),
    }
}

/// After a saved step: the dataset re-read, and what the exception is now.
fn now_is(rec: &ExceptionRecord, data: &mut Data) -> Effect {
    let text = format!(
        "Exception #{} ({}) is now {}",
        rec.id, rec.subject, rec.status
    );
    reloaded(text, data)
}

/// After a save: the dataset re-read, and `text` (what was saved) on the status line.
pub(super) fn reloaded(text: String, data: &mut Data) -> Effect {
    match data.reload() {
        Ok(()) => Effect::Note(Note::Ok(text)),
        Err(e) => Effect::Note(Note::Error(format!(
            "{text}; could not re-read the database: {e}"
        ))),
    }
}
