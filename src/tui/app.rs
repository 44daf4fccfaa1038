//! The application state and `App::update`, the one place it changes. Keys are resolved
//! to actions through the keymap of the views on top (`App::views`); tabs hold their own
//! state and cached views, brought up to date by `sync` after every change. Saves run on
//! a thread of their own (`saving.rs`); `poll_save` takes their results in.

use std::time::Duration;

use chrono::NaiveDate;
use crossterm::event::{KeyEvent, KeyEventKind};

use super::action::{Action, Tab};
use super::components::form::Form;
use super::data::Data;
use super::keymap::{View, resolve};
use super::messages::{Effect, Note, Question};
use super::saving::{Done, Saving};
use crate::domain::workflow::{ExceptionStatus, Step};
use crate::store::Store;
use crate::tui::components::theme::Theme;
use crate::tui::tabs::delivery::DeliveryState;
use crate::tui::tabs::entry::EntryState;
use crate::tui::tabs::exceptions::{ExceptionsState, apply_step, minutes, step_done};
use crate::tui::tabs::plan::PlanState;
use crate::tui::tabs::rollup::RollupState;

pub struct App {
    pub data: Data,
    pub theme: Theme,
    pub tab: Tab,
    pub plan: PlanState,
    pub entry: EntryState,
    pub exceptions: ExceptionsState,
    pub rollup: RollupState,
    pub delivery: DeliveryState,
    /// The help overlay: its scroll offset and the views it describes.
    pub help: Option<(u16, Vec<View>)>,
    pub question: Option<Question>,
    pub note: Option<Note>,
    pub quit: bool,
    /// Rows a page key moves (set from the last drawn size).
    pub page: usize,
    /// Set once the database file is found moved, deleted or replaced: said on the status
    /// line from then on, and no save or re-read goes to whatever the path names now.
    pub file_gone: Option<String>,
    /// The save in progress: while it runs, only `Esc` (abandon) and help answer.
    pub saving: Option<Saving>,
    /// Abandoned saves whose threads have not yet noticed (they never commit).
    abandoned: Vec<Saving>,
}

impl App {
    /// Opens the interface's state on a store, with colour as the environment says.
    pub fn new(store: Store, today: NaiveDate) -> crate::store::Result<App> {
        App::with_theme(store, today, Theme::from_env())
    }

    pub fn with_theme(store: Store, today: NaiveDate, theme: Theme) -> crate::store::Result<App> {
        let data = Data::new(store, today)?;
        let mut app = App {
            plan: PlanState::new(&data),
            entry: EntryState::new(&data),
            exceptions: ExceptionsState::new(&data),
            rollup: RollupState::new(&data),
            delivery: DeliveryState::new(&data),
            data,
            theme,
            tab: Tab::Plan,
            help: None,
            question: None,
            note: None,
            quit: false,
            page: 10,
            file_gone: None,
            saving: None,
            abandoned: vec![],
        };
        app.sync();
        Ok(app)
    }

    /// The views whose keys apply now, topmost first.
    pub fn views(&self) -> Vec<View> {
        if self.help.is_some() {
            return vec![View::Help];
        }
        if self.question.is_some() {
            return vec![View::Confirm];
        }
        if self.saving.is_some() {
            return vec![View::Saving];
        }
        let view = match self.tab {
            Tab::Plan if self.plan.narrative.is_some() => return vec![View::EntryEdit],
            Tab::Plan => match &self.plan.studies {
                Some(st) if st.form.is_some() => return vec![View::CaseStudyForm],
                Some(_) => View::CaseStudies,
                None if self.plan.filter.typing => return vec![View::FilterInput],
                None => View::Plan,
            },
            Tab::Entry if self.entry.narrative.is_some() => return vec![View::EntryEdit],
            Tab::Entry if let Some(pane) = &self.entry.targets => match pane.form {
                Some(_) => return vec![View::EntryEdit],
                None => View::EntryTargets,
            },
            Tab::Entry => match (&self.entry.editor, &self.entry.update) {
                (Some(ed), _) if ed.conflict.is_some() => return vec![View::Conflict],
                (Some(_), _) => return vec![View::EntryEdit],
                (None, Some(ed)) if ed.conflict.is_some() => return vec![View::Conflict],
                (None, Some(_)) => return vec![View::UpdateEdit],
                (None, None) => match () {
                    _ if self.entry.chooser.is_some() => return vec![View::OfficerChooser],
                    _ if self.entry.filter.typing => return vec![View::FilterInput],
                    _ => View::Entry,
                },
            },
            Tab::Exceptions if self.exceptions.agreed.is_some() => return vec![View::CloseAgreed],
            Tab::Exceptions if self.exceptions.minutes.is_some() => View::Minutes,
            Tab::Exceptions if let Some(f) = &self.exceptions.request => {
                // Letters find a board or an owner: the form's own keys come first, so
                // what they leave unbound is typed.
                return if f.picking() {
                    vec![View::ExceptionForm, View::BoardMember]
                } else {
                    vec![View::ExceptionForm]
                };
            }
            Tab::Exceptions => match &self.exceptions.form {
                Some(f) if f.picking() => return vec![View::BoardMember, View::ExceptionForm],
                Some(_) => return vec![View::ExceptionForm],
                None if self.exceptions.projector => View::Projector,
                None => View::Exceptions,
            },
            Tab::Rollup if self.rollup.signoff.is_some() => return vec![View::SignOff],
            Tab::Rollup if self.rollup.drill => View::RollupDrill,
            Tab::Rollup => View::Rollup,
            Tab::Delivery if self.delivery.filter.typing => return vec![View::FilterInput],
            Tab::Delivery if self.delivery.open => View::DeliveryRecord,
            Tab::Delivery => View::Delivery,
        };
        vec![view, View::Global]
    }

    /// The views the help describes: those whose keys apply now, and on an escalation
    /// form also the Board member's keys, which apply once that field has focus.
    pub fn help_views(&self) -> Vec<View> {
        let mut views = self.views();
        let escalating = self
            .exceptions
            .form
            .as_ref()
            .is_some_and(|f| f.kind.picks());
        if escalating && views == [View::ExceptionForm] {
            views.push(View::BoardMember);
        }
        views
    }

    /// Whether the footer and the help offer a key's action to this login: what it would
    /// be refused is not offered.
    pub fn offers(&self, action: Action) -> bool {
        match action {
            Action::ChooseOfficer => self.data.actor.may_view_others(),
            Action::PublishPack => self.data.actor.may_publish().is_ok(),
            Action::SignOff => crate::tui::popups::signoff::may_sign_off(&self.data),
            // The sign-off dialog offers its save only when the period may be signed off
            // as chosen: a refusal is said on its last line, not offered as a key.
            Action::Save if self.tab == Tab::Rollup => self
                .rollup
                .signoff
                .as_ref()
                .is_none_or(|d| d.ready().is_ok()),
            Action::CloseAgreed => self.data.actor.may_close_agreed().is_ok(),
            Action::RecordRequest => self
                .data
                .actor
                .may_manage("record a board's request")
                .is_ok(),
            Action::ChooseStudy => self.data.actor.may_choose_case_studies().is_ok(),
            Action::AddStudy => self.data.actor.may_submit_case_study().is_ok(),
            Action::Narrate if self.tab == Tab::Plan => self.plan.may_narrate(&self.data),
            Action::Narrate => self.entry.may_narrate(&self.data),
            Action::Targets => self.entry.offers_targets(&self.data),
            Action::Open if self.tab == Tab::Entry && self.entry.targets.is_some() => {
                self.entry.may_propose(&self.data)
            }
            // Next year's targets are a year's: the month keys do nothing there.
            Action::PrevPeriod | Action::NextPeriod
                if self.tab == Tab::Entry && self.entry.targets.is_some() =>
            {
                false
            }
            Action::Propose
            | Action::Decide
            | Action::Escalate
            | Action::Outcome
            | Action::Close
            | Action::Reopen => self
                .exceptions
                .may(action, &self.data.actor, &self.data)
                .is_ok(),
            _ => true,
        }
    }

    /// An edit with changes is open somewhere.
    pub fn unsaved(&self) -> bool {
        self.entry.editor.as_ref().is_some_and(|e| e.dirty())
            || self.entry.update.as_ref().is_some_and(|e| e.dirty())
            || self.exceptions.form.as_ref().is_some_and(|f| f.dirty())
            || self.exceptions.agreed.as_ref().is_some_and(|d| d.dirty())
            || self.exceptions.request.as_ref().is_some_and(|f| f.dirty())
            || self.study_form().is_some_and(|f| f.dirty())
            || self
                .entry
                .targets
                .as_ref()
                .and_then(|p| p.form.as_ref())
                .is_some_and(|f| f.dirty())
    }

    /// The case study being submitted, if its form is open.
    fn study_form(&self) -> Option<&crate::tui::popups::case_studies::StudyForm> {
        self.plan.studies.as_ref().and_then(|s| s.form.as_ref())
    }

    pub fn handle_key(&mut self, key: KeyEvent) {
        if key.kind == KeyEventKind::Release {
            return;
        }
        if let Some(action) = resolve(&self.views(), &key) {
            self.update(action);
        }
    }

    /// The one place state changes.
    pub fn update(&mut self, action: Action) {
        if !matches!(action, Action::Input(_)) {
            self.note = None;
        }
        if let Some((scroll, _)) = &mut self.help {
            match action {
                Action::Up => *scroll = scroll.saturating_sub(1),
                Action::Down => *scroll = scroll.saturating_add(1),
                Action::Quit => self.request_quit(),
                _ => self.help = None,
            }
            return;
        }
        if let Some(q) = self.question.take() {
            if action == Action::Yes {
                self.answer_yes(q);
            }
            self.sync();
            return;
        }
        if self.saving.is_some() && action != Action::Help {
            if action == Action::Abandon {
                self.abandon_save();
            }
            return;
        }
        match action {
            Action::Quit => self.request_quit(),
            Action::Help => self.help = Some((0, self.help_views())),
            Action::NextTab => self.tab = self.tab.step(1),
            Action::PrevTab => self.tab = self.tab.step(-1),
            Action::GoTab(t) => self.tab = t,
            other => self.update_tab(other),
        }
        self.sync();
    }

    fn update_tab(&mut self, action: Action) {
        let (data, theme, page) = (&mut self.data, self.theme, self.page);
        let effect = match self.tab {
            Tab::Plan => self.plan.update(action, data, theme, page),
            Tab::Entry => self.entry.update(action, data, theme, page),
            Tab::Exceptions if action == Action::WriteMinutes => {
                match (&self.file_gone, &self.exceptions.minutes) {
                    (Some(gone), _) => {
                        Effect::Note(Note::Error(format!("the minutes were not written: {gone}")))
                    }
                    // Where `P` writes the pack: the same folder, by the same rule.
                    (None, Some(pane)) => minutes::write(pane, data, &self.rollup.publish_in),
                    (None, None) => Effect::None,
                }
            }
            Tab::Exceptions => self.exceptions.update(action, data, theme, page),
            Tab::Rollup if action == Action::PublishPack => match &self.file_gone {
                Some(gone) => {
                    Effect::Note(Note::Error(format!("the pack was not written: {gone}")))
                }
                None => crate::tui::tabs::rollup::publish(data, &self.rollup),
            },
            Tab::Rollup if action == Action::SignOff || self.rollup.signoff.is_some() => {
                crate::tui::tabs::rollup::sign_off(&mut self.rollup, action, data)
            }
            Tab::Rollup => {
                self.rollup.update(action, page);
                Effect::None
            }
            Tab::Delivery => {
                self.delivery.update(action, page);
                Effect::None
            }
        };
        self.apply(effect);
    }

    fn apply(&mut self, effect: Effect) {
        match effect {
            Effect::None => {}
            Effect::Note(n) => self.note = Some(n),
            Effect::Ask(q) => self.question = Some(q),
            Effect::Save(job) => {
                self.saving = Some(Saving::start(self.data.opener(), job));
            }
        }
    }

    /// `Esc` while a save waits: nothing is written, and the edit stays open to try again.
    fn abandon_save(&mut self) {
        let Some(saving) = self.saving.take_if(|s| s.abandon()) else {
            self.note = Some(Note::Info(
                "Too late to abandon: the save is being written now".into(),
            ));
            return;
        };
        self.abandoned.push(saving);
        let open = self.entry.editor.is_some()
            || self.entry.update.is_some()
            || self.exceptions.form.is_some()
            || self.rollup.signoff.is_some()
            || self.exceptions.agreed.is_some()
            || self.exceptions.request.is_some()
            || self.study_form().is_some();
        self.note = Some(Note::Info(format!(
            "Save abandoned: nothing was saved{}",
            if open {
                "; your edit is still open"
            } else {
                ""
            }
        )));
    }

    /// Called by the run loop while a save runs: takes in its result, waiting up to `wait`
    /// for it, and hands it to the tab that asked. Returns whether the screen should be
    /// redrawn (the result arrived, or the seconds waited went up).
    pub fn poll_save(&mut self, wait: Duration) -> bool {
        self.abandoned.retain(Saving::running);
        let Some(saving) = &mut self.saving else {
            return false;
        };
        let Some(done) = saving.done(wait) else {
            return saving.next_second();
        };
        self.saving = None;
        self.note = None;
        let effect = match done {
            Done::Value(result) => self.entry.finish_save(result, &mut self.data),
            Done::Form(result) => self.exceptions.finish_form(result, &mut self.data),
            Done::Step(result) => step_done(result, &mut self.data),
            Done::Update(result) => self.entry.finish_update(result, &mut self.data),
            Done::Narrative(result) => {
                let slot = if self.plan.narrative.is_some() {
                    &mut self.plan.narrative
                } else {
                    &mut self.entry.narrative
                };
                crate::tui::popups::narrative_editor::finish(slot, result, &mut self.data)
            }
            Done::SignOff(result) => crate::tui::popups::signoff::finish(
                &mut self.rollup.signoff,
                result,
                &mut self.data,
            ),
            Done::CloseAgreed(result) => self.exceptions.finish_agreed(result, &mut self.data),
            Done::Request(result) => self.exceptions.finish_request(result, &mut self.data),
            Done::CaseStudy(result) => self.plan.finish_study(result, &mut self.data),
            Done::Proposal(result) => self.entry.finish_proposal(result, &mut self.data),
        };
        self.apply(effect);
        self.sync();
        true
    }

    /// Whether a save's thread is still running, abandoned ones included.
    pub fn save_running(&self) -> bool {
        self.saving.is_some() || self.abandoned.iter().any(Saving::running)
    }

    fn request_quit(&mut self) {
        // Quitting (from the help, the only way while a save waits) never leaves it to
        // be written after the person has gone.
        if self.saving.is_some() {
            self.abandon_save();
            if self.saving.is_some() {
                return;
            }
        }
        if self.unsaved() {
            self.help = None;
            self.question = Some(Question::QuitDiscarding);
        } else {
            self.quit = true;
        }
    }

    fn answer_yes(&mut self, q: Question) {
        match q {
            Question::QuitDiscarding => self.quit = true,
            Question::DiscardEdit => {
                self.entry.editor = None;
                self.entry.update = None;
                self.entry.narrative = None;
                if let Some(pane) = &mut self.entry.targets {
                    pane.form = None;
                }
                self.plan.narrative = None;
                self.exceptions.form = None;
                self.exceptions.request = None;
                if let Some(st) = &mut self.plan.studies {
                    st.form = None;
                }
            }
            Question::CloseException { id, version } => {
                let step = Step {
                    status: Some(ExceptionStatus::Closed),
                    ..Step::default()
                };
                self.apply(apply_step(id, version, step));
            }
        }
    }

    /// Brings the current tab's cached views up to date.
    pub fn sync(&mut self) {
        match self.tab {
            Tab::Plan => self.plan.sync(&self.data),
            Tab::Entry => self.entry.sync(&self.data),
            Tab::Exceptions => self.exceptions.sync(&self.data),
            Tab::Rollup => self.rollup.sync(&self.data),
            Tab::Delivery => self.delivery.sync(&self.data),
        }
    }

    /// Called between keys: picks up what other processes saved, keeping the cursor and
    /// any edit in progress. Never waits for the database to be read: the first tick after
    /// a save starts a background read, a later one takes it in. Returns whether anything
    /// changed.
    pub fn tick(&mut self) -> bool {
        if self.file_gone.is_some() {
            return false;
        }
        if let Err(e) = self.data.check_same_file() {
            self.file_gone = Some(e.to_string());
            return true;
        }
        let polled = self.data.poll(self.plan.period);
        self.took_in(polled)
    }

    /// As `tick`, but waits for the background read, so a test (or a bench) knows another
    /// process's save has been taken in when it returns.
    pub fn settle(&mut self) -> bool {
        let settled = self.data.settle(self.plan.period);
        self.took_in(settled)
    }

    fn took_in(&mut self, changed: crate::store::Result<bool>) -> bool {
        match changed {
            Ok(changed) => {
                if changed {
                    self.sync();
                }
                changed
            }
            Err(e) => {
                self.note = Some(Note::Error(format!("could not re-read the database: {e}")));
                true
            }
        }
    }
}
