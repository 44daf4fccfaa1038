//! The Rollup tab's state: the quarter by priority, portfolio or service, with a drill
//! down to each group's indicators. The roll-up is computed once per period, grouping and
//! data generation, never while drawing. Drawing is in `view.rs`. `P` writes the
//! period's published pack (`publish`, the core's), for whoever may read; `S` signs the
//! period off with Leadership Team's approval on record (`popups::signoff`).

pub(crate) mod view;

use std::path::PathBuf;

use crate::domain::deadline::last_ended_quarter;
use crate::domain::period::Period;
use crate::publish::page_name::portfolio_page;
use crate::query::rollup::{Group, GroupBy, Rollup};
use crate::query::scope::held_by;
use crate::tui::action::Action;
use crate::tui::data::Data;
use crate::tui::messages::{Effect, Note};
use crate::tui::popups::signoff::{self, SignOffDialog};

pub struct RollupState {
    pub period: Period,
    pub by: GroupBy,
    pub rollup: Option<Rollup>,
    pub cursor: usize,
    pub drill: bool,
    pub drill_cursor: usize,
    /// The sign-off dialog (`S`), while open.
    pub signoff: Option<SignOffDialog>,
    /// Where `P` writes a pack (in `pmdb-pack-<period>`): the directory pmdb was started
    /// in, the person's own, never the database's folder (on a server that is pmdb's).
    pub publish_in: PathBuf,
    /// The portfolios the person logged in holds (a portfolio holder's own view): the tab
    /// opens grouped by portfolio on the first, marks them "(yours)", and `P` names their
    /// summaries in the pack.
    pub held: Vec<String>,
    key: Option<(Period, GroupBy, u64)>,
}

impl RollupState {
    pub fn new(data: &Data) -> RollupState {
        let period = last_ended_quarter(data.today);
        let held = held_by(&data.ds, data.login());
        RollupState {
            period,
            by: if held.is_empty() {
                GroupBy::Priority
            } else {
                GroupBy::Portfolio
            },
            rollup: None,
            cursor: 0,
            drill: false,
            drill_cursor: 0,
            signoff: None,
            publish_in: std::env::current_dir().unwrap_or_else(|_| PathBuf::from(".")),
            held,
            key: None,
        }
    }

    /// The folder `P` writes the period's pack into: `pmdb-pack-2026-27-Q2`.
    pub fn pack_folder(&self) -> PathBuf {
        let period = self.period.to_string().replace(['/', ' '], "-");
        self.publish_in.join(format!("pmdb-pack-{period}"))
    }

    pub fn group(&self) -> Option<&Group> {
        self.rollup.as_ref().and_then(|r| r.groups.get(self.cursor))
    }

    pub fn sync(&mut self, data: &Data) {
        if let Some(d) = &mut self.signoff {
            d.refresh(data);
        }
        let key = (self.period, self.by, data.generation);
        if self.key == Some(key) {
            return;
        }
        // The first time, a holder's own portfolio is selected.
        let keep = match self.key {
            None => self.held.first().cloned(),
            Some(_) => self.group().map(|g| g.code.clone()),
        };
        let r = data.rollup(self.period, self.by);
        if let Some(i) = keep.and_then(|c| r.groups.iter().position(|g| g.code == c)) {
            self.cursor = i;
        }
        self.cursor = self.cursor.min(r.groups.len().saturating_sub(1));
        self.rollup = Some(r);
        let n = self.group().map(|g| g.indicators.len()).unwrap_or(0);
        self.drill_cursor = self.drill_cursor.min(n.saturating_sub(1));
        self.key = Some(key);
    }

    /// Whether a group of the roll-up is a portfolio the person logged in holds.
    pub fn is_yours(&self, code: &str) -> bool {
        self.by == GroupBy::Portfolio && self.held.iter().any(|c| c == code)
    }

    pub fn update(&mut self, action: Action, page: usize) {
        let groups = self.rollup.as_ref().map(|r| r.groups.len()).unwrap_or(0);
        let inds = self.group().map(|g| g.indicators.len()).unwrap_or(0);
        let (cursor, len) = if self.drill {
            (&mut self.drill_cursor, inds)
        } else {
            (&mut self.cursor, groups)
        };
        let last = len.saturating_sub(1);
        match action {
            Action::Up => *cursor = cursor.saturating_sub(1),
            Action::Down => *cursor = (*cursor + 1).min(last),
            Action::PageUp => *cursor = cursor.saturating_sub(page),
            Action::PageDown => *cursor = (*cursor + page).min(last),
            Action::Open if groups > 0 => {
                self.drill = true;
                self.drill_cursor = 0;
            }
            Action::Back => self.drill = false,
            Action::CycleGroupBy => {
                let all = GroupBy::ALL;
                let at = all.iter().position(|b| *b == self.by).unwrap_or(0);
                self.by = all[(at + 1) % all.len()];
                self.cursor = 0;
                self.drill = false;
            }
            Action::PrevPeriod => self.period = self.period.prev(),
            Action::NextPeriod => self.period = self.period.next(),
            _ => {}
        }
    }
}

/// `P`: the period's published pack written into `pack_folder`, for whoever may read
/// (`Actor::may_publish`, the rule `pmdb publish` follows; the core refuses anyone else).
/// A portfolio holder is offered their own portfolio's summary in it by name.
pub fn publish(data: &Data, rollup: &RollupState) -> Effect {
    let period = rollup.period;
    let dir = rollup.pack_folder();
    Effect::Note(match data.write_pack(period, &dir) {
        Ok(files) => Note::Ok(format!(
            "pack for {period} written to {} ({}){}",
            dir.display(),
            crate::domain::label::counted(files.len(), "file", "files"),
            yours(rollup, &files)
        )),
        Err(e) => Note::Error(format!("the pack for {period} was not written: {e:#}")),
    })
}

/// `S` and every key while the sign-off dialog is open: opens it for the tab's period (or
/// says why this login may not sign off), then hands it the keys.
pub fn sign_off(rollup: &mut RollupState, action: Action, data: &Data) -> Effect {
    if rollup.signoff.is_some() {
        return signoff::update(&mut rollup.signoff, action, data);
    }
    match signoff::open(data, rollup.period) {
        Ok(d) => {
            rollup.signoff = Some(d);
            Effect::None
        }
        Err(refused) => Effect::Note(refused),
    }
}

/// "; your portfolio summary: …/portfolio-ENV.html" for a holder whose summaries the pack
/// holds; nothing for anyone else.
fn yours(rollup: &RollupState, files: &[PathBuf]) -> String {
    let pages: Vec<String> = rollup
        .held
        .iter()
        .map(|code| rollup.pack_folder().join(portfolio_page(code)))
        .filter(|page| files.contains(page))
        .map(|page| page.display().to_string())
        .collect();
    match pages.as_slice() {
        [] => String::new(),
        [one] => format!("; your portfolio summary: {one}"),
        many => format!("; your portfolio summaries: {}", many.join(", ")),
    }
}
