//! The Entry tab's quarter narrative (`n`): an officer who owns or enters a monthly
//! indicator writes the commentary and remedial action Cabinet reads for the quarter
//! holding the month shown, saved on the background path as a value is.

use super::EntryState;
use crate::domain::narrative::{Subject, check_period};
use crate::domain::period::Period;
use crate::query::narrative::{Said, borrowed};
use crate::store::{ImportSummary, Result, StoreError};
use crate::tui::action::Action;
use crate::tui::components::form::{self, Outcome};
use crate::tui::components::theme::Theme;
use crate::tui::data::Data;
use crate::tui::messages::{Effect, Note, Question};
use crate::tui::popups::narrative_editor::NarrativeEditor;
use crate::tui::saving::Job;

impl EntryState {
    /// Whether `n` is offered (footer and help): the selected row is an indicator whose
    /// quarter's narrative this login may write.
    pub fn may_narrate(&self, data: &Data) -> bool {
        self.selected()
            .and_then(|row| data.ds.indicator(&row.code))
            .is_some_and(|rec| {
                let i = &rec.indicator;
                data.actor
                    .may_narrate(&i.code, &i.owner, &rec.enterers)
                    .is_ok()
            })
    }

    /// `n` on an indicator: its quarter's narrative opens, unless it is not monthly (its
    /// quarter's commentary is its value's), this login may not write it, or the quarter
    /// is signed off; each said before anything is typed, as the store would refuse it.
    pub(super) fn open_narrative(&mut self, data: &Data, theme: Theme) -> Effect {
        let Some(row) = self.selected() else {
            return Effect::Note(Note::Info(
                "a quarter's narrative is an indicator's: move to one of your indicators".into(),
            ));
        };
        let Some(rec) = data.ds.indicator(&row.code) else {
            return Effect::None;
        };
        let i = &rec.indicator;
        let quarter = Period::Quarter(self.month.quarter());
        if let Err(why) = check_period(&i.code, quarter, Some(i.frequency)) {
            return Effect::Note(Note::Error(why.to_string()));
        }
        if let Err(why) = data.actor.may_narrate(&i.code, &i.owner, &rec.enterers) {
            return Effect::Note(Note::Error(why.to_string()));
        }
        if let Some(within) = data.ds.signoffs.locking(quarter) {
            let refusal = StoreError::SignedOff {
                period: quarter,
                within: within.to_string(),
            };
            return Effect::Note(Note::Error(refusal.to_string()));
        }
        let shown = borrowed(&data.ds, &i.code, quarter, quarter, false, Said::Commentary);
        self.narrative = Some(NarrativeEditor::new(&i.code, quarter, shown, data, theme));
        Effect::None
    }

    pub(super) fn update_narrative(&mut self, action: Action, data: &mut Data) -> Effect {
        let Some(ed) = &mut self.narrative else {
            return Effect::None;
        };
        match form::on_key(ed, action, data) {
            Outcome::Save => Effect::Save(Job::Narrative(ed.to_save())),
            Outcome::AskDiscard => Effect::Ask(Question::DiscardEdit),
            Outcome::Close => {
                self.narrative = None;
                Effect::None
            }
            Outcome::Done | Outcome::Other(_) => Effect::None,
        }
    }

    /// Takes in the narrative's save: "Saved …" closes the editor; a refusal is shown in it.
    pub fn finish_narrative(
        &mut self,
        result: Result<(Subject, ImportSummary)>,
        data: &mut Data,
    ) -> Effect {
        let Some(ed) = &mut self.narrative else {
            return Effect::None;
        };
        match result {
            Ok((_, summary)) => {
                let text = if summary.unchanged == 1 {
                    format!("The {} narrative of {} is unchanged", ed.period, ed.code)
                } else {
                    format!("Saved the {} narrative of {}", ed.period, ed.code)
                };
                self.narrative = None;
                match data.reload() {
                    Ok(()) => Effect::Note(Note::Ok(text)),
                    Err(e) => Effect::Note(Note::Error(format!(
                        "{text}; could not re-read the database: {e}"
                    ))),
                }
            }
            Err(e) => {
                ed.message = Some(e.to_string());
                Effect::None
            }
        }
    }
}
