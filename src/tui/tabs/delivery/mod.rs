//! The Delivery tab's state: four lists (actions, projects, risks with the heat map,
//! EIAs) judged for a period, a `/` filter over them, the cursor of each, and the record
//! of the selected item, opened full size with `Enter`. The rows are judged once per
//! period and data read (`rows.rs`), never while drawing; drawing is in
//! `view.rs`.

pub mod rows;
pub(crate) mod view;

use self::rows::{Item, Judged, Section};
use crate::domain::deadline::month_now_due;
use crate::domain::period::Period;
use crate::tui::action::Action;
use crate::tui::components::filter::FilterInput;
use crate::tui::components::scroll::TextScroll;
use crate::tui::data::Data;

pub struct DeliveryState {
    pub period: Period,
    pub section: Section,
    pub judged: Judged,
    /// For each list, the positions in `judged` of the rows the filter lets through.
    pub shown: [Vec<usize>; 4],
    /// For each list, the cursor among the shown rows.
    pub cursors: [usize; 4],
    pub filter: FilterInput,
    /// The selected item's record fills the tab (`Enter`).
    pub open: bool,
    pub scroll: TextScroll,
    key: Option<(Period, u64)>,
    filtered: Option<String>,
}

impl DeliveryState {
    /// Opens on the month now due, as the Entry and Plan tabs do.
    pub fn new(data: &Data) -> DeliveryState {
        DeliveryState {
            period: month_now_due(data.today),
            section: Section::Actions,
            judged: Judged::default(),
            shown: Default::default(),
            cursors: [0; 4],
            filter: FilterInput::default(),
            open: false,
            scroll: TextScroll::default(),
            key: None,
            filtered: None,
        }
    }

    /// The rows of the current list the filter lets through.
    pub fn rows(&self) -> impl Iterator<Item = &Item> {
        let items = &self.judged.lists[self.section.index()].items;
        self.shown[self.section.index()]
            .iter()
            .filter_map(move |i| items.get(*i))
    }

    pub fn shown_len(&self) -> usize {
        self.shown[self.section.index()].len()
    }

    pub fn cursor(&self) -> usize {
        self.cursors[self.section.index()]
    }

    pub fn selected(&self) -> Option<&Item> {
        let i = *self.shown[self.section.index()].get(self.cursor())?;
        self.judged.lists[self.section.index()].items.get(i)
    }

    /// Judges the lists again when the period or the data changed, and filters them again
    /// when the filter did; keeps each cursor on the item it was on.
    pub fn sync(&mut self, data: &Data) {
        // Delivery is judged without the indicators' figures: another's figures patched
        // in leave it as it is.
        let key = (self.period, data.whole);
        let rejudge = self.key != Some(key);
        let keep: Vec<Option<String>> = Section::ALL
            .iter()
            .map(|s| self.selected_in(*s).map(|i| i.code.clone()))
            .collect();
        if rejudge {
            self.judged = Judged::of(data, self.period);
            self.key = Some(key);
        }
        if rejudge || self.filtered.as_deref() != Some(&*self.filter) {
            let lower = self.filter.to_lowercase();
            for s in Section::ALL {
                let n = s.index();
                let items = &self.judged.lists[n].items;
                self.shown[n] = (0..items.len())
                    .filter(|i| items[*i].matches(&lower))
                    .collect();
                let at = keep[n]
                    .as_ref()
                    .and_then(|code| self.shown[n].iter().position(|i| &items[*i].code == code));
                if let Some(at) = at {
                    self.cursors[n] = at;
                }
                self.cursors[n] = self.cursors[n].min(self.shown[n].len().saturating_sub(1));
            }
            self.filtered = Some(self.filter.to_string());
        }
        // An item gone in a re-read closes its record rather than leave an empty pane.
        if self.selected().is_none() {
            self.open = false;
        }
        let of = self
            .selected()
            .map(|i| format!("{} {}", self.section.name(), i.code));
        self.scroll.follow(of);
    }

    fn selected_in(&self, s: Section) -> Option<&Item> {
        let i = *self.shown[s.index()].get(self.cursors[s.index()])?;
        self.judged.lists[s.index()].items.get(i)
    }

    pub fn update(&mut self, action: Action, page: usize) {
        if self.filter.typing {
            self.filter.key(action);
            return;
        }
        let last = self.shown_len().saturating_sub(1);
        let cursor = &mut self.cursors[self.section.index()];
        match action {
            Action::Up => *cursor = cursor.saturating_sub(1),
            Action::Down => *cursor = (*cursor + 1).min(last),
            Action::PageUp => *cursor = cursor.saturating_sub(page),
            Action::PageDown => *cursor = (*cursor + page).min(last),
            Action::Top => *cursor = 0,
            Action::Bottom => *cursor = last,
            Action::ScrollUp => self.scroll.page(-1),
            Action::ScrollDown => self.scroll.page(1),
            Action::Left => self.step_section(-1),
            Action::Right => self.step_section(1),
            Action::Open if self.selected().is_some() => self.open = true,
            Action::Back if self.open => self.open = false,
            Action::Back => {
                self.filter.clear();
            }
            Action::Filter => self.filter.start(),
            Action::PrevPeriod => self.period = self.period.prev(),
            Action::NextPeriod => self.period = self.period.next(),
            _ => {}
        }
    }

    fn step_section(&mut self, by: isize) {
        let n = Section::ALL.len() as isize;
        self.section = Section::ALL[(self.section.index() as isize + by).rem_euclid(n) as usize];
    }
}
