//! The Entry tab's state: the officer's monthly return for the month now due, for the
//! login running pmdb (performance and admin users may switch to any officer): their
//! indicators, then the actions, projects and risks they owe an update or review for, and
//! the editor open on one: the value editor (`popups/value_editor`) or the update editor
//! (`popups/update_editor`), each with its save conflict. Drawing is in `view.rs`.

pub(crate) mod narrative;
pub(crate) mod targets;
pub(crate) mod targets_view;
pub(crate) mod update;
pub(crate) mod view;

use crate::domain::deadline::month_now_due;
use crate::domain::number::fmt_decimals;
use crate::domain::period::{Month, Period};
use crate::query::entry_grid::EntryRow;
use crate::query::entry_return::ReturnRow;
use crate::store::{Result, SaveOutcome, StoreError};
use crate::tui::action::Action;
use crate::tui::components::filter::FilterInput;
use crate::tui::components::form::{self, Form, Outcome, Resolved};
use crate::tui::components::officer_chooser::OfficerChooser;
use crate::tui::components::theme::Theme;
use crate::tui::data::Data;
use crate::tui::messages::{Effect, Note, Question};
use crate::tui::popups::narrative_editor::NarrativeEditor;
use crate::tui::popups::update_editor::UpdateEditor;
use crate::tui::popups::value_editor::{Conflict, Editor};
use crate::tui::saving::Job;

/// A line of the return: an indicator (index into `rows`) or an action, project or risk
/// (index into `items`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pick {
    Value(usize),
    Item(usize),
}

pub struct EntryState {
    pub month: Month,
    pub officer: String,
    pub rows: Vec<EntryRow>,
    /// The actions, projects and risks owed, below the indicators.
    pub items: Vec<ReturnRow>,
    /// The lines that pass the filter, indicators first.
    pub visible: Vec<Pick>,
    pub cursor: usize,
    pub filter: FilterInput,
    pub editor: Option<Editor>,
    /// The update (or review) being recorded.
    pub update: Option<UpdateEditor>,
    /// The quarter's narrative being written (`n`).
    pub narrative: Option<NarrativeEditor>,
    /// The list of officers, while one is being chosen (`o`).
    pub chooser: Option<OfficerChooser>,
    /// Next year's targets to propose (`t`), shown in place of the return.
    pub targets: Option<targets::TargetsPane>,
    /// The officer, month and data generation the rows were made for.
    key: Option<(String, Month, u64)>,
    /// The filter text `visible` was chosen with: a keystroke filters the rows held,
    /// never making them again.
    filtered: Option<String>,
}

impl EntryState {
    pub fn new(data: &Data) -> EntryState {
        let month = match month_now_due(data.today) {
            Period::Month(m) => m,
            other => other.last_month(),
        };
        EntryState {
            month,
            officer: data.login().to_string(),
            rows: vec![],
            items: vec![],
            visible: vec![],
            cursor: 0,
            filter: FilterInput::default(),
            editor: None,
            update: None,
            narrative: None,
            chooser: None,
            targets: None,
            key: None,
            filtered: None,
        }
    }

    /// The indicator under the cursor, when it is on one.
    pub fn selected(&self) -> Option<&EntryRow> {
        match self.visible.get(self.cursor)? {
            Pick::Value(i) => self.rows.get(*i),
            Pick::Item(_) => None,
        }
    }

    /// The action, project or risk under the cursor, when it is on one.
    pub fn selected_item(&self) -> Option<&ReturnRow> {
        match self.visible.get(self.cursor)? {
            Pick::Item(i) => self.items.get(*i),
            Pick::Value(_) => None,
        }
    }

    /// A line's code and kind, so the cursor stays on it across a refresh.
    fn pick_key(&self, p: Pick) -> String {
        match p {
            Pick::Value(i) => self.rows[i].code.clone(),
            Pick::Item(i) => format!("{}:{}", self.items[i].kind.tag(), self.items[i].code),
        }
    }

    /// The selected line's code, title and period, for the full-title line.
    pub fn selected_label(&self) -> Option<String> {
        match *self.visible.get(self.cursor)? {
            Pick::Value(i) => {
                let r = &self.rows[i];
                // A marked figure's mark in words, the grid's key to it.
                let quality = r
                    .stored
                    .as_ref()
                    .and_then(|v| v.quality.mark().map(|m| format!(" · {m} {}", v.quality)))
                    .unwrap_or_default();
                Some(format!("{} {} · {}{quality}", r.code, r.title, r.period))
            }
            Pick::Item(i) => {
                let r = &self.items[i];
                Some(format!(
                    "{} {} · {} · {}",
                    r.code, r.title, r.period, r.status
                ))
            }
        }
    }

    pub fn sync(&mut self, data: &Data) {
        self.sync_targets(data);
        let key = (self.officer.clone(), self.month, data.generation);
        let remake = self.key.as_ref() != Some(&key);
        if !remake && self.filtered.as_deref() == Some(&*self.filter) {
            return;
        }
        let keep = self.visible.get(self.cursor).map(|p| self.pick_key(*p));
        if remake {
            self.rows = data.entry_rows(&self.officer, self.month);
            self.items = data.entry_return(&self.officer, self.month);
            self.key = Some(key);
        }
        let q = self.filter.to_lowercase();
        let hit = |code: &str, title: &str| {
            q.is_empty() || code.to_lowercase().contains(&q) || title.to_lowercase().contains(&q)
        };
        self.visible = (0..self.rows.len())
            .filter(|i| hit(&self.rows[*i].code, &self.rows[*i].title))
            .map(Pick::Value)
            .chain(
                (0..self.items.len())
                    .filter(|i| hit(&self.items[*i].code, &self.items[*i].title))
                    .map(Pick::Item),
            )
            .collect();
        if let Some(i) = keep.and_then(|c| self.visible.iter().position(|p| self.pick_key(*p) == c))
        {
            self.cursor = i;
        }
        self.cursor = self.cursor.min(self.visible.len().saturating_sub(1));
        self.filtered = Some(self.filter.to_string());
        if !remake {
            return;
        }
        // An open edit keeps what was typed; its status preview follows the new data.
        if let Some(ed) = &mut self.editor {
            ed.revalidate(data);
        }
        if let Some(ed) = &mut self.update {
            ed.revalidate(data);
        }
    }

    pub fn update(&mut self, action: Action, data: &mut Data, theme: Theme, page: usize) -> Effect {
        if let Some(ed) = &mut self.editor {
            if ed.conflict.is_some() {
                return self.update_conflict(action, data);
            }
            return self.update_editor(action, data);
        }
        if self.narrative.is_some() {
            return self.update_narrative(action, data);
        }
        if let Some(ed) = &self.update {
            if ed.conflict.is_some() {
                return self.update_update_conflict(action, data);
            }
            return self.update_update(action, data);
        }
        if self.targets.is_some() {
            return self.update_targets(action, data, theme);
        }
        if let Some(ch) = &mut self.chooser {
            match action {
                Action::Up => ch.step(-1),
                Action::Down => ch.step(1),
                Action::PageUp => ch.step(-(page as isize)),
                Action::PageDown => ch.step(page as isize),
                Action::Input(ev) => ch.type_key(&ev),
                Action::Submit => {
                    if let Some(o) = ch.chosen() {
                        self.officer = o.login.clone();
                        self.cursor = 0;
                    }
                    self.chooser = None;
                }
                Action::Back => self.chooser = None,
                _ => {}
            }
            return Effect::None;
        }
        if self.filter.typing {
            self.filter.key(action);
            return Effect::None;
        }
        let last = self.visible.len().saturating_sub(1);
        match action {
            Action::Up => self.cursor = self.cursor.saturating_sub(1),
            Action::Down => self.cursor = (self.cursor + 1).min(last),
            Action::PageUp => self.cursor = self.cursor.saturating_sub(page),
            Action::PageDown => self.cursor = (self.cursor + page).min(last),
            Action::PrevPeriod => self.month = self.month.plus(-1),
            Action::NextPeriod => self.month = self.month.plus(1),
            Action::Filter => self.filter.start(),
            Action::Back => {
                self.filter.clear();
            }
            Action::ChooseOfficer => return self.choose_officer(data),
            Action::Open => return self.open_editor(data, theme),
            Action::Narrate => return self.open_narrative(data, theme),
            Action::Targets => return self.open_targets(data),
            _ => {}
        }
        Effect::None
    }

    /// `o`: the list of officers, for those who may see another officer's indicators.
    fn choose_officer(&mut self, data: &Data) -> Effect {
        if !data.actor.may_view_others() {
            return Effect::Note(Note::Error(
                "only performance and admin users can switch to another officer".into(),
            ));
        }
        self.chooser = Some(OfficerChooser::new(data, &self.officer));
        Effect::None
    }

    fn open_editor(&mut self, data: &Data, theme: Theme) -> Effect {
        if let Some(item) = self.selected_item() {
            return self.open_update(item.clone(), data, theme);
        }
        let Some(row) = self.selected() else {
            return Effect::None;
        };
        let Some(rec) = data.ds.indicator(&row.code) else {
            return Effect::None;
        };
        if let Err(why) =
            data.actor
                .may_record(&rec.indicator.code, &rec.indicator.owner, &rec.enterers)
        {
            return Effect::Note(Note::Error(why.to_string()));
        }
        // Said before anything is typed: the store would refuse the save.
        if let Some(within) = row.locked {
            let refusal = StoreError::SignedOff {
                period: row.period,
                within: within.to_string(),
            };
            return Effect::Note(Note::Error(refusal.to_string()));
        }
        self.editor = Editor::new(row, data, theme);
        Effect::None
    }

    fn update_editor(&mut self, action: Action, data: &mut Data) -> Effect {
        let Some(ed) = &mut self.editor else {
            return Effect::None;
        };
        match form::on_key(ed, action, data) {
            Outcome::Save => return self.save(data),
            Outcome::AskDiscard => return Effect::Ask(Question::DiscardEdit),
            Outcome::Close => self.editor = None,
            Outcome::Done | Outcome::Other(_) => {}
        }
        Effect::None
    }

    /// Asks for the edit to be saved (on its own thread: see `saving.rs`).
    fn save(&mut self, data: &mut Data) -> Effect {
        let Some(ed) = &mut self.editor else {
            return Effect::None;
        };
        if let Err(why) = &ed.checked {
            ed.message = Some(why.clone());
            return Effect::None;
        }
        match ed.to_save() {
            Ok((nv, expect)) => Effect::Save(Job::Value {
                nv,
                expect,
                ctx: data.ctx(),
            }),
            Err(e) => self.finish_save(Err(e), data),
        }
    }

    /// Takes in the save's result: "Saved …" closes the edit; a conflict opens the
    /// comparison of theirs and mine; a refusal is shown in the edit.
    pub fn finish_save(&mut self, result: Result<SaveOutcome>, data: &mut Data) -> Effect {
        let Some(ed) = &mut self.editor else {
            return Effect::None;
        };
        match result {
            Ok(out) => {
                let text = format!(
                    "Saved {} {}: {} ({}), version {}",
                    ed.code,
                    ed.period,
                    out.assessment
                        .value
                        .map(|v| fmt_decimals(v, ed.decimals))
                        .unwrap_or_default(),
                    out.assessment.rag,
                    out.version
                );
                self.editor = None;
                match data.reload() {
                    Ok(()) => Effect::Note(Note::Ok(text)),
                    Err(e) => Effect::Note(Note::Error(format!(
                        "{text}; could not re-read the database: {e}"
                    ))),
                }
            }
            Err(StoreError::Conflict { .. }) => {
                // The grid behind the dialog shows what is stored now.
                if let Err(e) = data.reload_if_changed() {
                    ed.message = Some(e.to_string());
                }
                match data.value_now(&ed.code, ed.period) {
                    Ok(theirs) => ed.conflict = Some(Conflict { theirs }),
                    Err(e) => ed.message = Some(e.to_string()),
                }
                Effect::None
            }
            Err(e) => {
                let text = e.to_string();
                if ed.explained.is_err() {
                    let focus = if ed
                        .field(crate::tui::popups::value_editor::Field::Commentary)
                        .is_empty()
                    {
                        crate::tui::popups::value_editor::Field::Commentary
                    } else {
                        crate::tui::popups::value_editor::Field::Action
                    };
                    ed.focus_on(focus);
                }
                ed.message = Some(text);
                Effect::None
            }
        }
    }

    fn update_conflict(&mut self, action: Action, data: &mut Data) -> Effect {
        match form::resolve(&mut self.editor, action) {
            Resolved::SaveMine => self.save(data),
            Resolved::TookTheirs => Effect::Note(Note::Info(
                "Kept their value; your edit was discarded".into(),
            )),
            Resolved::Editing | Resolved::Nothing => Effect::None,
        }
    }
}
