//! The Entry tab's narrative (`n`): an officer who owns or enters a monthly indicator
//! writes the commentary and remedial action Cabinet reads for the quarter holding the
//! month shown, or (the editor's Period field) for its year, saved on the background path
//! as a value is. The editor and its checks are `popups::narrative_editor`'s.

use super::EntryState;
use crate::domain::period::Period;
use crate::tui::action::Action;
use crate::tui::components::theme::Theme;
use crate::tui::data::Data;
use crate::tui::messages::{Effect, Note};
use crate::tui::popups::narrative_editor;

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
        let code = row.code.clone();
        let quarter = self.month.quarter();
        narrative_editor::open(
            &mut self.narrative,
            &code,
            Period::Quarter(quarter),
            quarter,
            data,
            theme,
        )
    }

    pub(super) fn update_narrative(&mut self, action: Action, data: &mut Data) -> Effect {
        narrative_editor::update(&mut self.narrative, action, data)
    }
}
