//! The Plan tab's case studies (`c`): opened on the tab's financial year, under the
//! selected plan node when a node is selected; `Space` chooses (the performance team),
//! `a` submits one (any officer), each saved on the background path.

use super::{PlanState, RowKey};
use crate::store::Result;
use crate::tui::action::Action;
use crate::tui::components::form::{self, Outcome};
use crate::tui::components::theme::Theme;
use crate::tui::data::Data;
use crate::tui::messages::{Effect, Note, Question};
use crate::tui::popups::case_studies::{CaseStudies, StudyForm};
use crate::tui::saving::{Job, StudyJob};

impl PlanState {
    /// The plan node selected in the tree: a node's row, or none on an indicator's.
    fn selected_node(&self) -> Option<String> {
        match self.selected().map(|r| &r.key) {
            Some(RowKey::Node(code)) => Some(code.clone()),
            _ => None,
        }
    }

    /// `c`: the case studies of the tab's year, under the selected node if one is (all of
    /// them on the plan's one top node, the vision, or on an indicator).
    pub(super) fn open_studies(&mut self, data: &Data) {
        let year = self.period.fin_year();
        let roots: Vec<&str> = data
            .ds
            .nodes
            .iter()
            .filter(|n| n.parent.is_none())
            .map(|n| n.code.as_str())
            .collect();
        let under = self.selected_node().filter(|code| roots != [code.as_str()]);
        let mut studies = CaseStudies::new(year, under);
        studies.sync(data, year, None);
        self.studies = Some(studies);
    }

    /// Keys while the case studies are open.
    pub(super) fn update_studies(&mut self, action: Action, data: &Data, theme: Theme) -> Effect {
        let node = self.selected_node();
        let Some(st) = &mut self.studies else {
            return Effect::None;
        };
        if let Some(form) = &mut st.form {
            return match form::on_key(form, action, data) {
                Outcome::Save => Effect::Save(Job::CaseStudy(StudyJob::Submit(form.to_save()))),
                Outcome::AskDiscard => Effect::Ask(Question::DiscardEdit),
                Outcome::Close => {
                    st.form = None;
                    Effect::None
                }
                Outcome::Done | Outcome::Other(_) => Effect::None,
            };
        }
        let last = st.rows.len().saturating_sub(1);
        match action {
            Action::Up => st.cursor = st.cursor.saturating_sub(1),
            Action::Down => st.cursor = (st.cursor + 1).min(last),
            Action::ScrollUp => st.scroll.page(-1),
            Action::ScrollDown => st.scroll.page(1),
            Action::Open if st.selected().is_some() => st.story = !st.story,
            Action::Back if st.story => st.story = false,
            Action::Back => self.studies = None,
            Action::ChooseStudy => return choose(st, data),
            Action::AddStudy => {
                if let Err(why) = data.actor.may_submit_case_study() {
                    return Effect::Note(Note::Error(why.to_string()));
                }
                let node = st.under.clone().or(node).unwrap_or_default();
                st.form = Some(StudyForm::new(st.year, &node, theme));
            }
            Action::PrevPeriod => self.period = self.period.prev(),
            Action::NextPeriod => self.period = self.period.next(),
            _ => {}
        }
        Effect::None
    }

    /// Takes in a case study's save: a submitted one closes the form and is selected; a
    /// refusal is shown in the form, or on the status line for a choice.
    pub fn finish_study(&mut self, result: Result<StudyJob>, data: &mut Data) -> Effect {
        let Some(st) = &mut self.studies else {
            return Effect::None;
        };
        let job = match result {
            Ok(job) => job,
            Err(e) => {
                return match &mut st.form {
                    Some(form) => {
                        form.message = Some(e.to_string());
                        Effect::None
                    }
                    None => Effect::Note(Note::Error(e.to_string())),
                };
            }
        };
        let (code, text) = match &job {
            StudyJob::Submit(new) => {
                st.form = None;
                (
                    new.code.clone(),
                    format!(
                        "{} submitted for {}: not in the annual report until chosen",
                        new.code, new.year
                    ),
                )
            }
            StudyJob::Choose { code, selected } => (
                code.clone(),
                if *selected {
                    format!("{code} chosen: the annual report tells it")
                } else {
                    format!("{code} not chosen: the annual report leaves it out")
                },
            ),
        };
        let reread = data.reload();
        st.sync(data, st.year, Some(code));
        match reread {
            Ok(()) => Effect::Note(Note::Ok(text)),
            Err(e) => Effect::Note(Note::Error(format!(
                "{text}; could not re-read the database: {e}"
            ))),
        }
    }
}

/// `Space`: the selected case study chosen for the annual report, or no longer; refused
/// before anything is written for whoever may not choose, naming who may.
fn choose(st: &CaseStudies, data: &Data) -> Effect {
    let Some(study) = st.selected() else {
        return Effect::None;
    };
    if let Err(why) = data.actor.may_choose_case_studies() {
        return Effect::Note(Note::Error(why.to_string()));
    }
    Effect::Save(Job::CaseStudy(StudyJob::Choose {
        code: study.record.code.clone(),
        selected: !study.record.selected,
    }))
}
