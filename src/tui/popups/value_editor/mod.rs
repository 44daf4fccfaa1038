//! Editing one value in place: the figure (or numerator and denominator for a ratio),
//! checked as it is typed by the domain's own rules (`check_entry`, `check_explained` on
//! the status the value would have), and the commentary and remedial action in text
//! areas. Saving is a compare-and-set on the version read when editing began.

pub(crate) mod view;

use crossterm::event::KeyEvent;
use ratatui_textarea::TextArea;

use crate::domain::aggregate::Observation;
use crate::domain::assess::Assessment;
use crate::domain::entry::{Entry, check_entry, check_explained};
use crate::domain::indicator::Aggregation;
use crate::domain::period::Period;
use crate::domain::rag::Judgement;
use crate::query::entry_grid::{EntryRow, preview};
use crate::store::{Expect, NewValue, Quality, StoredValue};
use crate::tui::components::form::{Form, FormField, Rebase, form_state};
use crate::tui::components::text_field::{field, line_of, text_box, text_of, type_key};
use crate::tui::components::theme::Theme;
use crate::tui::data::Data;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Value,
    Numerator,
    Denominator,
    Commentary,
    Action,
}

impl Field {
    fn title(self) -> &'static str {
        match self {
            Field::Value => "Value",
            Field::Numerator => "Numerator",
            Field::Denominator => "Denominator",
            Field::Commentary => "Commentary",
            Field::Action => "Remedial action",
        }
    }
}

impl FormField for Field {
    fn one_line(self) -> bool {
        matches!(self, Field::Value | Field::Numerator | Field::Denominator)
    }
}

/// What another user saved, shown beside mine after a conflict.
#[derive(Debug, Clone)]
pub struct Conflict {
    pub theirs: Option<StoredValue>,
}

pub struct Editor {
    pub code: String,
    pub title: String,
    pub unit: String,
    pub decimals: u8,
    pub period: Period,
    pub ratio: bool,
    /// What was stored when editing began: the save expects this version.
    pub base: Option<StoredValue>,
    pub value: TextArea<'static>,
    pub numerator: TextArea<'static>,
    pub denominator: TextArea<'static>,
    pub commentary: TextArea<'static>,
    pub action: TextArea<'static>,
    pub focus: Field,
    /// `check_entry` on what is typed: the value to record, or why it cannot be.
    pub checked: Result<f64, String>,
    /// The status the period would have with this value.
    pub preview: Option<Assessment>,
    /// `check_explained` on that status: a missed target needs commentary and action.
    pub explained: Result<(), String>,
    /// Why the last save failed.
    pub message: Option<String>,
    pub conflict: Option<Conflict>,
    initial: Vec<String>,
    theme: Theme,
}

fn number(t: &TextArea) -> Result<Option<f64>, String> {
    let text = line_of(t);
    if text.is_empty() {
        return Ok(None);
    }
    crate::domain::number::parse_number(&text)
        .map(Some)
        .ok_or_else(|| format!("'{text}' is not a number"))
}

/// The value as typed: a number, or for a measure in `%` a number with its `%` sign, as it
/// would be typed in a spreadsheet.
fn value(t: &TextArea, unit: &str) -> Result<Option<f64>, String> {
    let text = line_of(t);
    if text.is_empty() {
        return Ok(None);
    }
    crate::domain::number::figure_in_unit(&text, unit).map(Some)
}

impl Editor {
    pub fn new(row: &EntryRow, data: &Data, theme: Theme) -> Option<Editor> {
        let rec = data.ds.indicator(&row.code)?;
        let i = &rec.indicator;
        let s = row.stored.as_ref();
        let num = |x: Option<f64>| x.map(|x| x.to_string()).unwrap_or_default();
        let ratio = i.aggregation == Aggregation::Ratio;
        let mut ed = Editor {
            code: i.code.clone(),
            title: i.title.clone(),
            unit: i.unit.clone(),
            decimals: i.decimals,
            period: row.period,
            ratio,
            base: row.stored.clone(),
            value: field(&num(s.map(|v| v.value)), theme),
            numerator: field(&num(s.and_then(|v| v.numerator)), theme),
            denominator: field(&num(s.and_then(|v| v.denominator)), theme),
            commentary: text_box(s.map(|v| v.commentary.as_str()).unwrap_or(""), theme),
            action: text_box(s.map(|v| v.action.as_str()).unwrap_or(""), theme),
            focus: if ratio {
                Field::Numerator
            } else {
                Field::Value
            },
            checked: Err(String::new()),
            preview: None,
            explained: Ok(()),
            message: None,
            conflict: None,
            initial: vec![],
            theme,
        };
        ed.initial = ed.texts();
        ed.revalidate(data);
        ed.restyle();
        Some(ed)
    }

    pub fn field(&self, f: Field) -> &TextArea<'static> {
        match f {
            Field::Value => &self.value,
            Field::Numerator => &self.numerator,
            Field::Denominator => &self.denominator,
            Field::Commentary => &self.commentary,
            Field::Action => &self.action,
        }
    }

    fn field_mut(&mut self, f: Field) -> &mut TextArea<'static> {
        match f {
            Field::Value => &mut self.value,
            Field::Numerator => &mut self.numerator,
            Field::Denominator => &mut self.denominator,
            Field::Commentary => &mut self.commentary,
            Field::Action => &mut self.action,
        }
    }

    fn entry(&self) -> Result<Entry, String> {
        Ok(if self.ratio {
            Entry {
                value: None,
                numerator: number(&self.numerator)?,
                denominator: number(&self.denominator)?,
            }
        } else {
            Entry {
                value: value(&self.value, &self.unit)?,
                numerator: None,
                denominator: None,
            }
        })
    }

    /// Checks what is typed with the domain's rules: the figure, and whether the status it
    /// would have needs a commentary and a remedial action.
    pub fn revalidate(&mut self, data: &Data) {
        self.preview = None;
        self.explained = Ok(());
        let Some(rec) = data.ds.indicator(&self.code) else {
            self.checked = Err(format!("{} no longer exists", self.code));
            return;
        };
        self.checked = self.entry().and_then(|e| {
            check_entry(&rec.indicator, self.period, &e, data.today).map_err(|e| e.to_string())
        });
        let (Ok(v), Ok(e)) = (&self.checked, self.entry()) else {
            return;
        };
        let obs = Observation {
            period: self.period,
            value: *v,
            numerator: e.numerator,
            denominator: e.denominator,
        };
        let a = preview(&data.ds, rec, obs, data.ctx());
        self.explained = check_explained(
            &Judgement::new(a.rag, a.rule.clone()),
            &text_of(&self.commentary),
            &text_of(&self.action),
        )
        .map_err(|e| e.to_string());
        self.preview = Some(a);
    }

    /// What to save, against the version this edit is based on.
    pub fn to_save(&self) -> crate::store::Result<(NewValue, Expect)> {
        let e = self.entry().map_err(crate::store::StoreError::Invalid)?;
        let nv = NewValue {
            indicator: self.code.clone(),
            period: self.period,
            value: e.value,
            numerator: e.numerator,
            denominator: e.denominator,
            quality: self
                .base
                .as_ref()
                .map(|b| b.quality)
                .unwrap_or(Quality::Final),
            commentary: text_of(&self.commentary),
            action: text_of(&self.action),
        };
        let expect = match &self.base {
            Some(b) => Expect::Version(b.version),
            None => Expect::Absent,
        };
        Ok((nv, expect))
    }

    /// My side of a conflict, as typed: its lines in the conflict box.
    pub fn mine(&self) -> Vec<String> {
        let v = match (&self.checked, self.ratio) {
            (Ok(v), false) => crate::domain::number::fmt_decimals(*v, self.decimals),
            (Ok(v), true) => format!(
                "{} ({}/{})",
                crate::domain::number::fmt_decimals(*v, self.decimals),
                text_of(&self.numerator),
                text_of(&self.denominator)
            ),
            (Err(_), _) => text_of(if self.ratio {
                &self.numerator
            } else {
                &self.value
            }),
        };
        vec![
            format!("Value: {v}"),
            format!("Commentary: {}", text_of(&self.commentary)),
            format!("Action: {}", text_of(&self.action)),
        ]
    }
}

impl Form for Editor {
    type Field = Field;
    type Ctx = Data;

    fn tab_order(&self) -> Vec<Field> {
        if self.ratio {
            vec![
                Field::Numerator,
                Field::Denominator,
                Field::Commentary,
                Field::Action,
            ]
        } else {
            vec![Field::Value, Field::Commentary, Field::Action]
        }
    }

    form_state!();

    fn text_box(&mut self, f: Field) -> Option<(&mut TextArea<'static>, String)> {
        Some((self.field_mut(f), f.title().to_string()))
    }

    fn texts(&self) -> Vec<String> {
        [
            &self.value,
            &self.numerator,
            &self.denominator,
            &self.commentary,
            &self.action,
        ]
        .iter()
        .map(|t| text_of(t))
        .collect()
    }

    /// Types a key into the focused field and checks the entry again.
    fn type_key(&mut self, key: KeyEvent, data: &Data) {
        let focus = self.focus;
        type_key(self.field_mut(focus), key);
        self.message = None;
        self.revalidate(data);
    }

    /// A new line in a text area (Enter in a one-line field saves instead).
    fn newline(&mut self, data: &Data) {
        let focus = self.focus;
        self.field_mut(focus).insert_newline();
        self.revalidate(data);
    }
}

impl Rebase for Editor {
    fn rebase_on_theirs(&mut self) {
        self.base = self.conflict.take().and_then(|c| c.theirs);
    }
}
