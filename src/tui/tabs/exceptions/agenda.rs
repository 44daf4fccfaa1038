//! The Exceptions tab's keys on the selected meeting's agenda as a whole: `C` closes (or
//! only notes) every agreed item of it at once, as `pmdb exceptions close --meeting ID
//! --status agreed --note TEXT` does; `M` shows its minutes (`minutes.rs`).

use super::minutes::MinutesPane;
use super::{ExceptionsState, reloaded};
use crate::domain::workflow::ExceptionStatus;
use crate::store::{ExceptionRecord, MeetingRecord, Result};
use crate::tui::action::Action;
use crate::tui::components::theme::Theme;
use crate::tui::data::Data;
use crate::tui::keymap::View;
use crate::tui::messages::{Effect, Note};
use crate::tui::popups::close_agreed::CloseAgreed;
use crate::tui::saving::Job;

impl ExceptionsState {
    /// The meeting chosen with `m`, whose agenda the queue shows.
    fn meeting_record(&self, data: &Data) -> Option<MeetingRecord> {
        let id = self.meeting?;
        data.meetings.iter().find(|m| m.id == id).cloned()
    }

    /// "Choose a meeting first": what `C` and `M` say with every exception shown.
    fn no_meeting(what: &str) -> Effect {
        Effect::Note(Note::Info(format!(
            "No meeting is chosen: press {} to choose the meeting {what}",
            View::Exceptions.keys_for(Action::CycleMeeting)
        )))
    }

    /// `C`: the note for every agreed item of the meeting's agenda, its whole agenda (as
    /// `pmdb exceptions close --meeting` takes it), whatever the other filters show.
    /// Anyone but the performance team and admins is told why not before typing a word.
    pub(super) fn open_agreed(&mut self, data: &Data, theme: Theme) -> Effect {
        if let Err(why) = data.actor.may_close_agreed() {
            return Effect::Note(Note::Error(why.to_string()));
        }
        let Some(meeting) = self.meeting_record(data) else {
            return Self::no_meeting("whose agreed items to close");
        };
        let agenda = match data.agenda(&meeting) {
            Ok(a) => a,
            Err(e) => return Effect::Note(Note::Error(e.to_string())),
        };
        let items: Vec<(i64, String)> = agenda
            .into_iter()
            .filter(|i| i.record.status == ExceptionStatus::Agreed)
            .map(|i| (i.record.id, i.record.subject))
            .collect();
        if items.is_empty() {
            return Effect::Note(Note::Info(format!(
                "Meeting #{} ({} on {}) has no agreed item on its agenda: nothing to close",
                meeting.id, meeting.board, meeting.date
            )));
        }
        self.agreed = Some(CloseAgreed::new(meeting, items, theme));
        Effect::None
    }

    pub(super) fn update_agreed(&mut self, action: Action) -> Effect {
        let Some(dlg) = &mut self.agreed else {
            return Effect::None;
        };
        match action {
            Action::Input(key) => dlg.type_key(key),
            Action::NextField => dlg.close = !dlg.close,
            Action::Save | Action::Submit if let Err(why) = dlg.check() => {
                dlg.message = Some(format!("not saved: {why}"));
            }
            Action::Save | Action::Submit => {
                return Effect::Save(Job::CloseAgreed {
                    ids: dlg.ids(),
                    note: dlg.note_text(),
                    close: dlg.close,
                });
            }
            Action::Back => {
                self.agreed = None;
                return Effect::Note(Note::Info("Nothing was written".into()));
            }
            _ => {}
        }
        Effect::None
    }

    /// Takes in the closing of the agreed items: the dialog closed and what was done said,
    /// or why nothing was written shown in the dialog.
    pub fn finish_agreed(
        &mut self,
        result: Result<Vec<ExceptionRecord>>,
        data: &mut Data,
    ) -> Effect {
        let Some(dlg) = &mut self.agreed else {
            return Effect::None;
        };
        let done = match result {
            Ok(done) => done,
            Err(e) => {
                dlg.message = Some(format!("nothing was written: {e}"));
                return Effect::None;
            }
        };
        let list: Vec<String> = done.iter().map(|e| format!("#{}", e.id)).collect();
        let text = format!(
            "Meeting #{}: {} {} ({})",
            dlg.meeting.id,
            if dlg.close { "closed" } else { "noted" },
            crate::domain::label::counted(done.len(), "agreed item", "agreed items"),
            list.join(", ")
        );
        self.agreed = None;
        reloaded(text, data)
    }

    /// `M`: the meeting's minutes filling the tab.
    pub(super) fn open_minutes(&mut self, data: &Data) -> Effect {
        let Some(meeting) = self.meeting_record(data) else {
            return Self::no_meeting("whose minutes to show");
        };
        match MinutesPane::open(&meeting, data) {
            Ok(pane) => self.minutes = Some(pane),
            Err(e) => return Effect::Note(Note::Error(e.to_string())),
        }
        Effect::None
    }
}
