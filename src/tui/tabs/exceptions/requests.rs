//! `R`: recording a board's request from the Exceptions tab, through `Store::add_request`
//! as `pmdb exceptions add --kind request` does, on the background save path; the new
//! request is then shown selected on its asking board's agenda.

use super::{ExceptionsState, reloaded};
use crate::store::{ExceptionRecord, Result};
use crate::tui::action::Action;
use crate::tui::components::form::{self, Outcome};
use crate::tui::components::theme::Theme;
use crate::tui::data::Data;
use crate::tui::messages::{Effect, Note, Question};
use crate::tui::popups::request_form::RequestForm;
use crate::tui::saving::Job;

impl ExceptionsState {
    /// Opens the form for the performance team and admins; anyone else is told why first.
    /// The asking board starts as the selected meeting's, unless that is PPG.
    pub(super) fn open_request(&mut self, data: &Data, theme: Theme) -> Effect {
        if let Err(why) = data.actor.may_manage("record a board's request") {
            return Effect::Note(Note::Error(why.to_string()));
        }
        let board = self
            .meeting
            .and_then(|id| data.meetings.iter().find(|m| m.id == id))
            .map(|m| m.board.as_str())
            .filter(|b| *b != "PPG");
        self.request = Some(RequestForm::new(data, board, theme));
        Effect::None
    }

    pub(super) fn update_request(&mut self, action: Action, data: &mut Data) -> Effect {
        let Some(form) = &mut self.request else {
            return Effect::None;
        };
        match action {
            Action::Left if form.picking() => form.step_choice(-1),
            Action::Right if form.picking() => form.step_choice(1),
            action => match form::on_key(form, action, data) {
                Outcome::Save => match form.request(data) {
                    Ok(r) => return Effect::Save(Job::Request(r)),
                    Err(why) => form.message = Some(why),
                },
                Outcome::AskDiscard => return Effect::Ask(Question::DiscardEdit),
                Outcome::Close => self.request = None,
                Outcome::Done | Outcome::Other(_) => {}
            },
        }
        Effect::None
    }

    /// Takes in the save: refused, the form stays open saying why; recorded, the tab shows
    /// the asking board's agenda (its next meeting, else its last) with the request selected.
    pub fn finish_request(&mut self, result: Result<ExceptionRecord>, data: &mut Data) -> Effect {
        let Some(form) = &mut self.request else {
            return Effect::None;
        };
        let rec = match result {
            Ok(rec) => rec,
            Err(e) => {
                form.message = Some(e.to_string());
                return Effect::None;
            }
        };
        self.request = None;
        let effect = reloaded(
            format!(
                "Exception #{} recorded: {}'s request on {}, owner {}, due {}",
                rec.id,
                rec.board,
                rec.subject,
                rec.owner,
                rec.escalation_due.clone().unwrap_or_default()
            ),
            data,
        );
        let today = data.today.to_string();
        let theirs: Vec<_> = data
            .meetings
            .iter()
            .filter(|m| m.board == rec.board)
            .collect();
        let on_agenda = self
            .meeting
            .and_then(|id| theirs.iter().find(|m| m.id == id))
            .or_else(|| theirs.iter().find(|m| m.date >= today))
            .or(theirs.last())
            .map(|m| m.id);
        (self.period, self.status, self.kind, self.service) = (None, None, None, None);
        self.meeting = on_agenda;
        self.sync(data);
        if !self.list.iter().any(|e| e.id == rec.id) {
            // On no agenda yet (the board has no meeting from the day it was raised):
            // every exception, so it is still in sight.
            self.meeting = None;
            self.sync(data);
        }
        if let Some(i) = self.list.iter().position(|e| e.id == rec.id) {
            self.cursor = i;
            self.sync(data);
        }
        effect
    }
}
