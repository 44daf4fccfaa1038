//! Writing a quarter's narrative on the Entry tab: the commentary and remedial action
//! Cabinet reads for a monthly indicator's quarter (`pmdb comment`), in two boxes of prose,
//! opened with what is written already. Who may write it and for which quarter is checked
//! when it opens (`EntryState::open_narrative`); the store checks again on saving.

pub(crate) mod view;

use crossterm::event::KeyEvent;
use ratatui_textarea::TextArea;

use crate::domain::narrative::Subject;
use crate::domain::period::Period;
use crate::store::{Narrative, NewNarrative};
use crate::tui::components::form::{Form, FormField, form_state};
use crate::tui::components::text_field::{text_box, text_of, type_key};
use crate::tui::components::theme::Theme;
use crate::tui::data::Data;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NField {
    Commentary,
    Action,
}

impl NField {
    fn title(self) -> &'static str {
        match self {
            NField::Commentary => "Commentary for the quarter",
            NField::Action => "Remedial action",
        }
    }
}

impl FormField for NField {
    fn one_line(self) -> bool {
        false
    }
}

pub struct NarrativeEditor {
    pub code: String,
    pub title: String,
    /// The quarter written about.
    pub period: Period,
    /// What was written before, by whom and when.
    pub base: Option<Narrative>,
    /// The latest month's commentary the report shows while there is no narrative.
    pub borrowed: String,
    pub commentary: TextArea<'static>,
    pub action: TextArea<'static>,
    pub focus: NField,
    /// Why the last save failed.
    pub message: Option<String>,
    initial: Vec<String>,
    theme: Theme,
}

impl NarrativeEditor {
    pub fn new(code: &str, period: Period, borrowed: String, data: &Data, theme: Theme) -> Self {
        let base = data.ds.narrative(Subject::Indicator, code, period).cloned();
        let title = data
            .ds
            .indicator(code)
            .map(|r| r.indicator.title.clone())
            .unwrap_or_default();
        let text = |f: fn(&Narrative) -> &str| base.as_ref().map_or("", f).to_string();
        let mut ed = NarrativeEditor {
            code: code.to_string(),
            title,
            period,
            commentary: text_box(&text(|n| &n.commentary), theme),
            action: text_box(&text(|n| &n.action), theme),
            base,
            borrowed,
            focus: NField::Commentary,
            message: None,
            initial: vec![],
            theme,
        };
        ed.initial = ed.texts();
        ed.restyle();
        ed
    }

    pub fn field(&self, f: NField) -> &TextArea<'static> {
        match f {
            NField::Commentary => &self.commentary,
            NField::Action => &self.action,
        }
    }

    fn field_mut(&mut self, f: NField) -> &mut TextArea<'static> {
        match f {
            NField::Commentary => &mut self.commentary,
            NField::Action => &mut self.action,
        }
    }

    /// What to save: both texts as typed.
    pub fn to_save(&self) -> NewNarrative {
        NewNarrative {
            code: self.code.clone(),
            period: self.period,
            commentary: text_of(&self.commentary),
            action: text_of(&self.action),
        }
    }
}

impl Form for NarrativeEditor {
    type Field = NField;
    type Ctx = Data;

    fn tab_order(&self) -> Vec<NField> {
        vec![NField::Commentary, NField::Action]
    }

    form_state!();

    fn text_box(&mut self, f: NField) -> Option<(&mut TextArea<'static>, String)> {
        Some((self.field_mut(f), f.title().to_string()))
    }

    fn texts(&self) -> Vec<String> {
        vec![text_of(&self.commentary), text_of(&self.action)]
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
