//! The Entry tab's actions, projects and risks: opening an update (or a review) in place,
//! its keys, its save on the background path and the save's result, and its conflict.

use super::EntryState;
use crate::query::entry_return::ReturnRow;
use crate::store::{Result, StoreError};
use crate::tui::action::Action;
use crate::tui::components::form::{self, Form, Outcome, Resolved};
use crate::tui::components::theme::Theme;
use crate::tui::data::Data;
use crate::tui::messages::{Effect, Note, Question};
use crate::tui::popups::update_editor::{UField, UpdateEditor};
use crate::tui::saving::Job;

impl EntryState {
    /// Enter on an action, project or risk: its update (or review) opens in place, unless
    /// this login may not record it or its month is signed off (said before anything is
    /// typed: the store would refuse the save).
    pub(super) fn open_update(&mut self, item: ReturnRow, data: &Data, theme: Theme) -> Effect {
        if let Err(why) = data
            .actor
            .may_update(item.kind.word(), &item.code, &self.officer)
        {
            return Effect::Note(Note::Error(why.to_string()));
        }
        if let Some(within) = item.locked {
            let refusal = StoreError::SignedOff {
                period: item.period,
                within: within.to_string(),
            };
            return Effect::Note(Note::Error(refusal.to_string()));
        }
        self.update = Some(UpdateEditor::new(&item, data, theme));
        Effect::None
    }

    pub(super) fn update_update(&mut self, action: Action, data: &mut Data) -> Effect {
        let Some(ed) = &mut self.update else {
            return Effect::None;
        };
        match form::on_key(ed, action, data) {
            Outcome::Other(Action::Left) => ed.step(-1, data),
            Outcome::Other(Action::Right) => ed.step(1, data),
            Outcome::Save => return self.save_update(data),
            Outcome::AskDiscard => return Effect::Ask(Question::DiscardEdit),
            Outcome::Close => self.update = None,
            Outcome::Done | Outcome::Other(_) => {}
        }
        Effect::None
    }

    /// Asks for the update to be saved, on the same background path as a value.
    fn save_update(&mut self, data: &mut Data) -> Effect {
        let Some(ed) = &mut self.update else {
            return Effect::None;
        };
        match ed.job(data) {
            Ok(job) => Effect::Save(Job::Update {
                job,
                today: data.today,
            }),
            Err(why) => {
                if why.contains("needs a commentary") {
                    ed.focus_on(UField::Commentary);
                }
                ed.message = Some(why);
                Effect::None
            }
        }
    }

    /// Takes in the update's save: "Saved …" closes the editor and the return shows the
    /// new status; a conflict opens theirs beside mine; a refusal is shown in the editor.
    pub fn finish_update(&mut self, result: Result<i64>, data: &mut Data) -> Effect {
        let Some(ed) = &mut self.update else {
            return Effect::None;
        };
        match result {
            Ok(version) => {
                let text = match ed.score {
                    Some((l, i, score, _)) => format!(
                        "Saved the review of {} on {}: {l} × {i} = {score}, version {version}",
                        ed.code, ed.today
                    ),
                    None => format!(
                        "Saved {} {}: {}, version {version}",
                        ed.code,
                        ed.period,
                        ed.status_word()
                    ),
                };
                self.update = None;
                match data.reload() {
                    Ok(()) => Effect::Note(Note::Ok(text)),
                    Err(e) => Effect::Note(Note::Error(format!(
                        "{text}; could not re-read the database: {e}"
                    ))),
                }
            }
            Err(StoreError::Conflict { .. }) => {
                if let Err(e) = data.reload_if_changed() {
                    ed.message = Some(e.to_string());
                }
                ed.conflict = Some(ed.theirs(data));
                Effect::None
            }
            Err(e) => {
                ed.message = Some(e.to_string());
                Effect::None
            }
        }
    }

    pub(super) fn update_update_conflict(&mut self, action: Action, data: &mut Data) -> Effect {
        match form::resolve(&mut self.update, action) {
            Resolved::SaveMine => self.save_update(data),
            Resolved::TookTheirs => {
                Effect::Note(Note::Info("Kept their update; yours was discarded".into()))
            }
            Resolved::Editing | Resolved::Nothing => Effect::None,
        }
    }
}
