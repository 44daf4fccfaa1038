//! Proposing next year's target from the Entry tab (SPEC "Targets are proposed, then
//! approved"): the annual target, the intervention level and the rationale the board reads,
//! opened with the figures as drafted (or as last proposed) and saved through
//! `Store::propose_target`, as `pmdb targets propose` saves it; the store's refusal (not
//! theirs, a data-only measure, an intervention on the wrong side, no rationale) is shown in
//! the form and nothing is written. Drawing is in `view.rs`.

pub(crate) mod view;

use crossterm::event::KeyEvent;
use ratatui_textarea::TextArea;

use crate::domain::indicator::Polarity;
use crate::domain::number::{figure_in_unit, fmt_decimals};
use crate::domain::period::FinYear;
use crate::domain::target::TargetRow;
use crate::query::target_proposals::ProposalRow;
use crate::tui::components::form::{Form, FormField, form_state};
use crate::tui::components::text_field::{field, line_of, text_box, text_of, type_key};
use crate::tui::components::theme::Theme;
use crate::tui::data::Data;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PField {
    Target,
    Intervention,
    Why,
}

impl PField {
    fn title(self) -> &'static str {
        match self {
            PField::Target => "Annual target",
            PField::Intervention => "Intervention level (may be empty)",
            PField::Why => "Why this target (the board reads it)",
        }
    }
}

impl FormField for PField {
    fn one_line(self) -> bool {
        self != PField::Why
    }
}

/// What a proposal saves: `Store::propose_target`'s arguments.
#[derive(Debug, Clone, PartialEq)]
pub struct Proposal {
    pub code: String,
    pub row: TargetRow,
    pub why: String,
}

pub struct ProposalForm {
    pub code: String,
    pub title: String,
    pub year: FinYear,
    pub polarity: Polarity,
    pub unit: String,
    /// The row as it stood when the form opened (drafted, proposed), for the form's head.
    pub base: ProposalRow,
    pub target: TextArea<'static>,
    pub intervention: TextArea<'static>,
    pub why: TextArea<'static>,
    pub focus: PField,
    /// Why the last save was refused.
    pub message: Option<String>,
    initial: Vec<String>,
    theme: Theme,
}

/// A figure typed as a spreadsheet writes it ("1,605", and "52.5%" for a measure in %);
/// empty is none. The one reading of a typed figure (`figure_in_unit`).
fn figure_of(text: &str, unit: &str, what: &str) -> Result<Option<f64>, String> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    figure_in_unit(text, unit)
        .map(Some)
        .map_err(|why| format!("{what}: {why}"))
}

impl ProposalForm {
    pub fn new(row: &ProposalRow, year: FinYear, data: &Data, theme: Theme) -> ProposalForm {
        let (polarity, unit) = data
            .ds
            .indicator(&row.code)
            .map(|r| (r.indicator.polarity, r.indicator.unit.clone()))
            .unwrap_or((Polarity::None, String::new()));
        let shown = |x: Option<f64>| x.map(|x| fmt_decimals(x, row.decimals)).unwrap_or_default();
        let mut form = ProposalForm {
            code: row.code.clone(),
            title: row.title.clone(),
            year,
            polarity,
            unit,
            base: row.clone(),
            target: field(&shown(row.target), theme),
            intervention: field(&shown(row.intervention), theme),
            why: text_box(&row.why, theme),
            focus: PField::Target,
            message: None,
            initial: vec![],
            theme,
        };
        form.initial = form.texts();
        form.restyle();
        form
    }

    pub fn field(&self, f: PField) -> &TextArea<'static> {
        match f {
            PField::Target => &self.target,
            PField::Intervention => &self.intervention,
            PField::Why => &self.why,
        }
    }

    fn field_mut(&mut self, f: PField) -> &mut TextArea<'static> {
        match f {
            PField::Target => &mut self.target,
            PField::Intervention => &mut self.intervention,
            PField::Why => &mut self.why,
        }
    }

    /// Which side of the target the intervention level lies, in words, for the form's head.
    pub fn side(&self) -> &'static str {
        match self.polarity {
            Polarity::Higher => {
                "Higher is better: the intervention level is at or below the target"
            }
            Polarity::Lower => "Lower is better: the intervention level is at or above the target",
            Polarity::None => "No direction of better",
        }
    }

    /// What to save, or why the figures typed are not figures (the store checks the rest).
    pub fn to_save(&self) -> Result<Proposal, String> {
        let target = figure_of(&line_of(&self.target), &self.unit, "Target")?
            .ok_or_else(|| "Target: a proposed target needs a figure".to_string())?;
        let intervention = figure_of(
            &line_of(&self.intervention),
            &self.unit,
            "Intervention level",
        )?;
        Ok(Proposal {
            code: self.code.clone(),
            row: TargetRow {
                year: self.year,
                period: None,
                target,
                intervention,
            },
            why: text_of(&self.why),
        })
    }
}

impl Form for ProposalForm {
    type Field = PField;
    type Ctx = Data;

    fn tab_order(&self) -> Vec<PField> {
        vec![PField::Target, PField::Intervention, PField::Why]
    }

    form_state!();

    fn text_box(&mut self, f: PField) -> Option<(&mut TextArea<'static>, String)> {
        Some((self.field_mut(f), f.title().to_string()))
    }

    fn texts(&self) -> Vec<String> {
        [PField::Target, PField::Intervention, PField::Why]
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

#[cfg(test)]
mod tests {
    use super::figure_of;

    #[test]
    fn a_figure_is_typed_as_a_spreadsheet_writes_it() {
        assert_eq!(figure_of("52.5", "%", "Target"), Ok(Some(52.5)));
        assert_eq!(figure_of(" 52.5% ", "%", "Target"), Ok(Some(52.5)));
        assert_eq!(figure_of("1,605", "count", "Target"), Ok(Some(1605.0)));
        assert_eq!(figure_of("  ", "%", "Target"), Ok(None));
        assert_eq!(
            figure_of("lots", "%", "Target"),
            Err("Target: 'lots' is not a number".to_string())
        );
        // The sign is a measure in %'s only, as at every other door.
        assert_eq!(
            figure_of("470%", "kg", "Target"),
            Err("Target: '470%': a % sign is only for a measure in %; this one is in 'kg': write the number alone".to_string())
        );
    }
}
