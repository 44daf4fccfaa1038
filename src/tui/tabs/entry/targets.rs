//! The Entry tab's targets to propose (`t`): next year's annual target and intervention
//! level of each of the officer's indicators as drafted, proposed or approved, with the
//! rationale once proposed; `Enter` opens the proposal form (`popups::target_form`) on
//! one, saved on the background path as a value is. Which year is offered, and when, is
//! the core's rule (`query::target_proposals`). Drawing is in `targets_view.rs`.

use super::EntryState;
use crate::domain::period::FinYear;
use crate::domain::target_state::TargetState;
use crate::query::target_proposals::{ProposalRow, proposal_year, proposals};
use crate::store::{Result, TargetStateRecord};
use crate::tui::action::Action;
use crate::tui::components::form::{self, Outcome};
use crate::tui::components::theme::Theme;
use crate::tui::components::widgets::figure;
use crate::tui::data::Data;
use crate::tui::messages::{Effect, Note, Question};
use crate::tui::popups::target_form::ProposalForm;
use crate::tui::saving::Job;

/// The year offered and its rows, for the officer shown.
pub struct TargetsPane {
    pub year: FinYear,
    pub rows: Vec<ProposalRow>,
    pub cursor: usize,
    /// Whether the year is offered because it is the spring (else: its targets are still
    /// draft or proposed).
    pub season: bool,
    pub form: Option<ProposalForm>,
    key: Option<(String, u64)>,
}

impl TargetsPane {
    pub fn selected(&self) -> Option<&ProposalRow> {
        self.rows.get(self.cursor)
    }

    fn sync(&mut self, officer: &str, data: &Data) {
        let key = (officer.to_string(), data.generation);
        if self.key.as_ref() == Some(&key) {
            return;
        }
        let on = self.selected().map(|r| r.code.clone());
        self.rows = proposals(&data.ds, officer, self.year);
        if let Some(i) = on.and_then(|c| self.rows.iter().position(|r| r.code == c)) {
            self.cursor = i;
        }
        self.cursor = self.cursor.min(self.rows.len().saturating_sub(1));
        self.key = Some(key);
    }
}

/// Why `row`'s target may not be proposed from the form by this login, if it may not: not
/// theirs to propose, or approved already (a change goes back to the board).
fn refusal(row: &ProposalRow, year: FinYear, data: &Data) -> Option<String> {
    let rec = data.ds.indicator(&row.code)?;
    if let Err(why) =
        data.actor
            .may_record(&rec.indicator.code, &rec.indicator.owner, &rec.enterers)
    {
        return Some(why.to_string());
    }
    if row.state == Some(TargetState::Approved) {
        let by = if row.approved_by.is_empty() {
            "set with the council's approved targets".to_string()
        } else {
            format!("approved by {}", data.ds.board_title(&row.approved_by))
        };
        return Some(format!(
            "{}'s {year} target is {by}: an approved target is not proposed again here; \
             a change goes back to the board through the performance team",
            row.code
        ));
    }
    None
}

impl EntryState {
    /// Whether `t` is offered (footer and help): a year's targets are there to propose.
    pub fn offers_targets(&self, data: &Data) -> bool {
        proposal_year(&data.ds, &self.officer, data.today).is_some()
    }

    /// Whether `Enter` is offered on the targets (footer and help): the selected one's may
    /// be proposed by this login.
    pub fn may_propose(&self, data: &Data) -> bool {
        self.targets.as_ref().is_some_and(|pane| {
            pane.selected()
                .is_some_and(|row| refusal(row, pane.year, data).is_none())
        })
    }

    /// `t`: the targets to propose for the year offered, or why none is.
    pub(super) fn open_targets(&mut self, data: &Data) -> Effect {
        let Some(year) = proposal_year(&data.ds, &self.officer, data.today) else {
            return Effect::Note(Note::Info(format!(
                "next year's targets are proposed in February and March; none of {}'s \
                 indicators has a draft or proposed target now",
                crate::safe_text::line(&self.officer)
            )));
        };
        let mut pane = TargetsPane {
            year,
            rows: vec![],
            cursor: 0,
            season: crate::query::target_proposals::in_season(data.today),
            form: None,
            key: None,
        };
        pane.sync(&self.officer, data);
        self.targets = Some(pane);
        Effect::None
    }

    pub(super) fn sync_targets(&mut self, data: &Data) {
        let officer = self.officer.clone();
        if let Some(pane) = &mut self.targets {
            pane.sync(&officer, data);
        }
    }

    /// A key while the targets are shown: moving, opening the form, back to the return;
    /// or, with the form open, the form's keys.
    pub(super) fn update_targets(&mut self, action: Action, data: &Data, theme: Theme) -> Effect {
        let Some(pane) = &mut self.targets else {
            return Effect::None;
        };
        if let Some(f) = &mut pane.form {
            return match form::on_key(f, action, data) {
                Outcome::Save => match f.to_save() {
                    Ok(p) => Effect::Save(Job::Proposal(p)),
                    Err(why) => {
                        f.message = Some(why);
                        Effect::None
                    }
                },
                Outcome::AskDiscard => Effect::Ask(Question::DiscardEdit),
                Outcome::Close => {
                    pane.form = None;
                    Effect::None
                }
                Outcome::Done | Outcome::Other(_) => Effect::None,
            };
        }
        let last = pane.rows.len().saturating_sub(1);
        match action {
            Action::Up => pane.cursor = pane.cursor.saturating_sub(1),
            Action::Down => pane.cursor = (pane.cursor + 1).min(last),
            Action::Back => self.targets = None,
            Action::Open => {
                let Some(row) = pane.selected() else {
                    return Effect::None;
                };
                if let Some(why) = refusal(row, pane.year, data) {
                    return Effect::Note(Note::Error(why));
                }
                pane.form = Some(ProposalForm::new(row, pane.year, data, theme));
            }
            _ => {}
        }
        Effect::None
    }

    /// Takes in the proposal's save: "Proposed …" closes the form; a refusal is shown in it,
    /// nothing written.
    pub fn finish_proposal(
        &mut self,
        result: Result<TargetStateRecord>,
        data: &mut Data,
    ) -> Effect {
        let Some(f) = self.targets.as_mut().and_then(|p| p.form.as_mut()) else {
            return Effect::None;
        };
        match result {
            Ok(rec) => {
                let text = match f.to_save() {
                    Ok(p) => format!(
                        "Proposed {} {}: target {}, intervention {}, waiting for the board's approval",
                        f.code,
                        rec.year,
                        figure(Some(p.row.target), f.base.decimals),
                        figure(p.row.intervention, f.base.decimals),
                    ),
                    Err(_) => format!("Proposed {} {}", f.code, rec.year),
                };
                if let Some(pane) = &mut self.targets {
                    pane.form = None;
                }
                match data.reload() {
                    Ok(()) => Effect::Note(Note::Ok(text)),
                    Err(e) => Effect::Note(Note::Error(format!(
                        "{text}; could not re-read the database: {e}"
                    ))),
                }
            }
            Err(e) => {
                f.message = Some(e.to_string());
                Effect::None
            }
        }
    }
}
