//! Writing a narrative: the commentary and remedial action Cabinet reads for a monthly
//! indicator's quarter or year (the Entry tab's `n`), or a plan node's (the Plan tab's
//! `n`; a priority's heads its section of the report), as `pmdb comment` writes it, in two
//! boxes of prose opened with what is written already. The Period field steps between the
//! quarter and its year with `←`/`→`. Who may write it and for which period is checked when
//! it opens ([`refusal`]) and on stepping; the store checks again on saving.

pub(crate) mod view;

use crossterm::event::{KeyCode, KeyEvent};
use ratatui_textarea::TextArea;

use crate::domain::narrative::{Subject, check_period};
use crate::domain::period::{Period, Quarter};
use crate::query::narrative::{Said, borrowed};
use crate::store::{ImportSummary, Narrative, NewNarrative, Result, StoreError};
use crate::tui::action::Action;
use crate::tui::components::form::{self, Form, FormField, Outcome, form_state};
use crate::tui::components::text_field::{text_box, text_of, type_key};
use crate::tui::components::theme::Theme;
use crate::tui::data::Data;
use crate::tui::messages::{Effect, Note, Question};
use crate::tui::saving::Job;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NField {
    Commentary,
    Action,
    /// The quarter or its year, stepped with `←`/`→`.
    Period,
}

impl NField {
    fn title(self, period: Period) -> String {
        match self {
            NField::Commentary if matches!(period, Period::Year(_)) => {
                "Commentary for the year".into()
            }
            NField::Commentary => "Commentary for the quarter".into(),
            NField::Action => "Remedial action".into(),
            NField::Period => "Period".into(),
        }
    }
}

impl FormField for NField {
    fn one_line(self) -> bool {
        self == NField::Period
    }
}

/// Why `code`'s narrative for `period` may not be written by this login, if it may not:
/// not an indicator or plan node, a period of its own values, not theirs, or signed off;
/// said as the store would refuse it, before anything is typed.
pub fn refusal(data: &Data, code: &str, period: Period) -> Option<String> {
    let (frequency, may) = if let Some(rec) = data.ds.indicator(code) {
        let i = &rec.indicator;
        (
            Some(i.frequency),
            data.actor.may_narrate(&i.code, &i.owner, &rec.enterers),
        )
    } else if let Some(node) = data.ds.node(code) {
        (None, data.actor.may_update("plan node", code, &node.owner))
    } else {
        return Some(format!(
            "no indicator or plan node '{}'",
            crate::safe_text::line(code)
        ));
    };
    if let Err(why) = check_period(code, period, frequency) {
        return Some(why.to_string());
    }
    if let Err(why) = may {
        return Some(why.to_string());
    }
    data.ds.signoffs.locking(period).map(|within| {
        StoreError::SignedOff {
            period,
            within: within.to_string(),
        }
        .to_string()
    })
}

/// Opens `code`'s narrative for `period` (the quarter `quarter` or its year) in `slot`, or
/// says why it may not be written, with nothing opened.
pub fn open(
    slot: &mut Option<NarrativeEditor>,
    code: &str,
    period: Period,
    quarter: Quarter,
    data: &Data,
    theme: Theme,
) -> Effect {
    if let Some(why) = refusal(data, code, period) {
        return Effect::Note(Note::Error(why));
    }
    *slot = Some(NarrativeEditor::new(code, period, quarter, data, theme));
    Effect::None
}

/// A key in the open editor: typed, stepped, saved on the background path, or closed.
pub fn update(slot: &mut Option<NarrativeEditor>, action: Action, data: &Data) -> Effect {
    let Some(ed) = slot else {
        return Effect::None;
    };
    match form::on_key(ed, action, data) {
        Outcome::Save => Effect::Save(Job::Narrative(ed.to_save())),
        Outcome::AskDiscard => Effect::Ask(Question::DiscardEdit),
        Outcome::Close => {
            *slot = None;
            Effect::None
        }
        Outcome::Done | Outcome::Other(_) => Effect::None,
    }
}

/// Takes in the narrative's save: "Saved …" closes the editor; a refusal is shown in it.
pub fn finish(
    slot: &mut Option<NarrativeEditor>,
    result: Result<(Subject, ImportSummary)>,
    data: &mut Data,
) -> Effect {
    let Some(ed) = slot else {
        return Effect::None;
    };
    match result {
        Ok((_, summary)) => {
            let text = if summary.unchanged == 1 {
                format!("The {} narrative of {} is unchanged", ed.period, ed.code)
            } else {
                format!("Saved the {} narrative of {}", ed.period, ed.code)
            };
            *slot = None;
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

pub struct NarrativeEditor {
    pub subject: Subject,
    pub code: String,
    pub title: String,
    /// The quarter or year written about.
    pub period: Period,
    /// The quarter the Period field steps from and back to (its year the other choice).
    pub quarter: Quarter,
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
    pub fn new(code: &str, period: Period, quarter: Quarter, data: &Data, theme: Theme) -> Self {
        let mut ed = NarrativeEditor {
            subject: Subject::Indicator,
            code: code.to_string(),
            title: String::new(),
            period,
            quarter,
            commentary: text_box("", theme),
            action: text_box("", theme),
            base: None,
            borrowed: String::new(),
            focus: NField::Commentary,
            message: None,
            initial: vec![],
            theme,
        };
        ed.read(data);
        let texts = |n: &Narrative| (n.commentary.clone(), n.action.clone());
        let (c, a) = ed.base.as_ref().map(texts).unwrap_or_default();
        ed.commentary = text_box(&c, theme);
        ed.action = text_box(&a, theme);
        ed.initial = ed.texts();
        ed.restyle();
        ed
    }

    /// Reads what is written for the period now chosen: the subject, its title, the
    /// narrative on record and the month's commentary a report borrows without one.
    fn read(&mut self, data: &Data) {
        let (subject, title) = match (data.ds.indicator(&self.code), data.ds.node(&self.code)) {
            (Some(r), _) => (Subject::Indicator, r.indicator.title.clone()),
            (None, Some(n)) => (Subject::Plan, format!("{}: {}", n.kind.label(), n.title)),
            (None, None) => (Subject::Indicator, String::new()),
        };
        self.subject = subject;
        self.title = title;
        self.base = data.ds.narrative(subject, &self.code, self.period).cloned();
        self.borrowed = match subject {
            Subject::Indicator => borrowed(
                &data.ds,
                &self.code,
                self.period,
                self.period,
                false,
                Said::Commentary,
            ),
            Subject::Plan => String::new(),
        };
    }

    /// `←`/`→` on the Period field: the quarter's year, or back to the quarter. What is
    /// typed stays; with nothing typed, what is written for the other period is opened.
    /// A period that may not be written is refused in the editor, and not chosen.
    fn step_period(&mut self, data: &Data) {
        let other = match self.period {
            Period::Quarter(q) => Period::Year(q.year),
            _ => Period::Quarter(self.quarter),
        };
        if let Some(why) = refusal(data, &self.code, other) {
            self.message = Some(why);
            return;
        }
        let typed = self.dirty();
        self.period = other;
        self.message = None;
        self.read(data);
        if !typed {
            let texts = |n: &Narrative| (n.commentary.clone(), n.action.clone());
            let (c, a) = self.base.as_ref().map(texts).unwrap_or_default();
            self.commentary = text_box(&c, self.theme);
            self.action = text_box(&a, self.theme);
            self.initial = self.texts();
        }
        self.restyle();
    }

    pub fn field(&self, f: NField) -> &TextArea<'static> {
        match f {
            NField::Commentary => &self.commentary,
            NField::Action | NField::Period => &self.action,
        }
    }

    fn field_mut(&mut self, f: NField) -> Option<&mut TextArea<'static>> {
        match f {
            NField::Commentary => Some(&mut self.commentary),
            NField::Action => Some(&mut self.action),
            NField::Period => None,
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
        vec![NField::Commentary, NField::Action, NField::Period]
    }

    form_state!();

    fn text_box(&mut self, f: NField) -> Option<(&mut TextArea<'static>, String)> {
        let title = f.title(self.period);
        self.field_mut(f).map(|t| (t, title))
    }

    fn texts(&self) -> Vec<String> {
        vec![text_of(&self.commentary), text_of(&self.action)]
    }

    fn type_key(&mut self, key: KeyEvent, data: &Data) {
        let focus = self.focus;
        match self.field_mut(focus) {
            Some(t) => {
                type_key(t, key);
                self.message = None;
            }
            None if matches!(key.code, KeyCode::Left | KeyCode::Right) => self.step_period(data),
            None => {}
        }
    }

    fn newline(&mut self, _: &Data) {
        let focus = self.focus;
        if let Some(t) = self.field_mut(focus) {
            t.insert_newline();
        }
    }
}
