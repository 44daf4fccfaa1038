//! The Plan tab's case studies (`c`): those of the tab's financial year, or those told under
//! the selected plan node, each with who submitted it and whether it is chosen for the
//! annual report; `Enter` shows the story. The performance team chooses with `Space`, any
//! officer submits one with `a` (a form whose story is a box of prose); both are saved on
//! the background path through the core functions `pmdb case-studies` calls.

pub(crate) mod view;

use crossterm::event::KeyEvent;
use ratatui_textarea::TextArea;

use crate::domain::period::FinYear;
use crate::store::{CaseStudyRecord, NewCaseStudy, Submitted};
use crate::tui::components::form::{Form, FormField, form_state};
use crate::tui::components::scroll::TextScroll;
use crate::tui::components::text_field::{field, line_of, text_box, text_of, type_key};
use crate::tui::components::theme::Theme;
use crate::tui::data::Data;

/// One case study as the list shows it.
#[derive(Debug, Clone)]
pub struct Study {
    pub record: CaseStudyRecord,
    /// Who submitted it and when, where the audit log says.
    pub submitted: Option<Submitted>,
}

impl Study {
    /// "chosen" or "not chosen": the word the list shows, never colour alone.
    pub fn chosen_word(&self) -> &'static str {
        if self.record.selected {
            "chosen"
        } else {
            "not chosen"
        }
    }
}

pub struct CaseStudies {
    pub year: FinYear,
    /// The plan node whose case studies are shown (at or beneath it); none for all.
    pub under: Option<String>,
    pub rows: Vec<Study>,
    pub cursor: usize,
    /// The selected one's story is shown in place of the list.
    pub story: bool,
    pub scroll: TextScroll,
    pub form: Option<StudyForm>,
    /// Why the list could not be read.
    pub error: Option<String>,
    /// The data generation the rows were read at.
    generation: Option<u64>,
}

impl CaseStudies {
    pub fn new(year: FinYear, under: Option<String>) -> CaseStudies {
        CaseStudies {
            year,
            under,
            rows: vec![],
            cursor: 0,
            story: false,
            scroll: TextScroll::default(),
            form: None,
            error: None,
            generation: None,
        }
    }

    pub fn selected(&self) -> Option<&Study> {
        self.rows.get(self.cursor)
    }

    /// Reads the year's case studies again when the data or the year changed, keeping the
    /// cursor on the same one (or on `select`, one just submitted).
    pub fn sync(&mut self, data: &Data, year: FinYear, select: Option<String>) {
        if self.generation == Some(data.generation) && self.year == year && select.is_none() {
            return;
        }
        self.year = year;
        self.generation = Some(data.generation);
        let keep = select.or_else(|| self.selected().map(|s| s.record.code.clone()));
        match data.case_studies() {
            Ok((records, submitted)) => {
                let thread = data.ds.thread();
                let under = |node: &Option<String>| match (&self.under, node) {
                    (None, _) => true,
                    (Some(top), Some(node)) => thread.ancestry(node).iter().any(|n| &n.code == top),
                    (Some(_), None) => false,
                };
                self.rows = records
                    .into_iter()
                    .filter(|c| c.year == i64::from(year.0) && under(&c.node))
                    .map(|record| Study {
                        submitted: submitted.iter().find(|s| s.code == record.code).cloned(),
                        record,
                    })
                    .collect();
                self.error = None;
            }
            Err(e) => {
                self.rows.clear();
                self.error = Some(format!("the case studies could not be read: {e}"));
            }
        }
        if let Some(i) = keep.and_then(|k| self.rows.iter().position(|s| s.record.code == k)) {
            self.cursor = i;
        }
        self.cursor = self.cursor.min(self.rows.len().saturating_sub(1));
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SField {
    Code,
    Title,
    Node,
    Story,
}

impl SField {
    pub fn title(self) -> &'static str {
        match self {
            SField::Code => "Code (like CS-06)",
            SField::Title => "Title",
            SField::Node => "Plan node",
            SField::Story => "Story",
        }
    }
}

impl FormField for SField {
    fn one_line(self) -> bool {
        self != SField::Story
    }
}

/// Submitting a case study: the same fields `pmdb case-studies add` takes, for the year
/// shown, the plan node the selected one of the tree (or as typed).
pub struct StudyForm {
    pub year: FinYear,
    pub code: TextArea<'static>,
    pub title: TextArea<'static>,
    pub node: TextArea<'static>,
    pub story: TextArea<'static>,
    pub focus: SField,
    /// Why the last save was refused.
    pub message: Option<String>,
    initial: Vec<String>,
    theme: Theme,
}

impl StudyForm {
    pub fn new(year: FinYear, node: &str, theme: Theme) -> StudyForm {
        let mut form = StudyForm {
            year,
            code: field("", theme),
            title: field("", theme),
            node: field(node, theme),
            story: text_box("", theme),
            focus: SField::Code,
            message: None,
            initial: vec![],
            theme,
        };
        form.initial = form.texts();
        form.restyle();
        form
    }

    pub fn field(&self, f: SField) -> &TextArea<'static> {
        match f {
            SField::Code => &self.code,
            SField::Title => &self.title,
            SField::Node => &self.node,
            SField::Story => &self.story,
        }
    }

    fn field_mut(&mut self, f: SField) -> &mut TextArea<'static> {
        match f {
            SField::Code => &mut self.code,
            SField::Title => &mut self.title,
            SField::Node => &mut self.node,
            SField::Story => &mut self.story,
        }
    }

    /// What to submit: the one-line fields trimmed, the story as typed.
    pub fn to_save(&self) -> NewCaseStudy {
        NewCaseStudy {
            code: line_of(&self.code),
            title: line_of(&self.title),
            node: line_of(&self.node),
            service: None,
            year: self.year,
            story: text_of(&self.story),
        }
    }
}

impl Form for StudyForm {
    type Field = SField;
    type Ctx = Data;

    fn tab_order(&self) -> Vec<SField> {
        vec![SField::Code, SField::Title, SField::Node, SField::Story]
    }

    form_state!();

    fn text_box(&mut self, f: SField) -> Option<(&mut TextArea<'static>, String)> {
        Some((self.field_mut(f), f.title().to_string()))
    }

    fn texts(&self) -> Vec<String> {
        [SField::Code, SField::Title, SField::Node, SField::Story]
            .map(|f| text_of(self.field(f)))
            .to_vec()
    }

    fn type_key(&mut self, key: KeyEvent, _: &Data) {
        let focus = self.focus;
        type_key(self.field_mut(focus), key);
        self.message = None;
    }

    fn newline(&mut self, _: &Data) {
        let focus = self.focus;
        self.field_mut(focus).insert_newline();
    }
}
