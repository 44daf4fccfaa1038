//! Reports over a loaded `Dataset`: what `show`, `list`, `rollup`, `overdue`, `check` and
//! the interface present. Plain Rust over plain data; the rules come from `domain`.

pub mod agenda;
pub mod budgets;
pub mod check;
pub mod delivery;
pub mod entry_grid;
pub mod entry_return;
pub mod exception_show;
pub mod exceptions;
pub mod highlights;
pub mod history;
mod judge_all;
pub mod list;
pub mod markdown_text;
pub mod minutes;
pub mod narrative;
pub mod overdue;
pub mod remind;
pub mod report;
pub mod report_finance;
pub mod report_html;
mod report_html_council;
mod report_html_finance;
mod report_html_key;
mod report_html_measures;
mod report_html_parts;
mod report_html_register;
pub mod report_judged;
pub mod report_register;
pub mod report_svg;
pub mod report_xlsx;
pub mod requests;
pub mod reviewable;
pub mod rollup;
pub mod scope;
pub mod show;
pub mod signoff;
mod svg_coord;
pub mod target_proposals;
pub mod trend;

use crate::domain::assess::{Assessment, Context, Series};
use crate::domain::indicator::Frequency;
use crate::domain::number::fmt_decimals;
use crate::domain::period::{Month, Period};
use crate::domain::person::Person;
use crate::domain::plan::PlanNode;
use crate::domain::rollup::Thread;
use crate::domain::target::Targets;
use crate::store::{Dataset, IndicatorRecord, Quality, StoredValue, UserRecord};

impl Dataset {
    pub fn indicator(&self, code: &str) -> Option<&IndicatorRecord> {
        self.index.indicator(code).map(|n| &self.indicators[n])
    }

    /// "0.0 to 100.0 · collected from 2024-04": the figures an indicator may take and where
    /// its collection starts, as `show` and the detail pane state them.
    pub fn range_and_start(&self, rec: &IndicatorRecord) -> String {
        let i = &rec.indicator;
        let bound = |b: Option<f64>, none: &str| {
            b.map_or_else(|| none.to_string(), |x| fmt_decimals(x, i.decimals))
        };
        format!(
            "{} to {} · collected from {}",
            bound(crate::domain::bounds::lower(i), "no lower bound"),
            bound(crate::domain::bounds::upper(i), "no upper bound"),
            self.start_of(rec)
                .map_or_else(|| "not yet".to_string(), |m| m.to_string())
        )
    }

    /// The title of an exception's subject: an indicator, or an action, project, risk or EIA.
    pub fn subject_title(&self, code: &str) -> Option<&str> {
        self.indicator(code)
            .map(|r| r.indicator.title.as_str())
            .or_else(|| self.delivery.title_of(code))
    }

    /// Where a plan node sits in `nodes`, by code.
    pub fn node_position(&self, code: &str) -> Option<usize> {
        self.index.node(code)
    }

    pub fn node(&self, code: &str) -> Option<&PlanNode> {
        self.index.node(code).map(|n| &self.nodes[n])
    }

    pub fn user(&self, login: &str) -> Option<&UserRecord> {
        self.index.user(login).map(|n| &self.users[n])
    }

    /// How a published page names a login: the user's display name and job title, as this
    /// dataset holds them (a signed-off period's, as they stood at sign-off). A login with
    /// no user row, or any other text (a portfolio holder written as a name), is printed as
    /// it is written: the only fallback.
    pub fn person(&self, login: &str) -> Person {
        match self.user(login) {
            Some(u) => Person::new(login, &u.name, &u.title),
            None => Person::unknown(login),
        }
    }

    /// [`Dataset::person`]'s display: "Kiran Choudhury, Head of Housing".
    pub fn person_named(&self, login: &str) -> String {
        self.person(login).display()
    }

    pub fn values_of(&self, code: &str) -> &[StoredValue] {
        self.values.get(code).map(Vec::as_slice).unwrap_or(&[])
    }

    pub fn value_at(&self, code: &str, period: Period) -> Option<&StoredValue> {
        self.values_of(code).iter().find(|v| v.period == period)
    }

    /// How far the figure shown for `period` can be trusted: the quality recorded with it,
    /// or, for a figure made from the periods within it (a quarter of months), the weakest
    /// of theirs. None where nothing was recorded.
    pub fn quality_at(&self, code: &str, period: Period) -> Option<Quality> {
        self.qualities.at(code, period)
    }

    /// The indicator's values and targets, ready for the rules.
    pub fn series<'a>(&'a self, rec: &'a IndicatorRecord) -> Series<'a> {
        let code = &rec.indicator.code;
        let observations = self
            .values_of(code)
            .iter()
            .map(StoredValue::observation)
            .collect();
        let states = self.target_states.get(code).into_iter().flatten();
        let targets = Targets::new(self.targets.get(code).map(Vec::as_slice).unwrap_or(&[]))
            .with_states(states.map(|s| (s.year, s.state)));
        Series::new(&rec.indicator, observations, targets).starting(self.start_of(rec))
    }

    /// The first month an indicator is collected for: its own `collect_from` if set, else
    /// the council's, else the start of the earliest financial year among its plan nodes,
    /// its targets and its first value.
    pub fn start_of(&self, rec: &IndicatorRecord) -> Option<Month> {
        if let Some(m) = rec.collect_from.or(self.settings.collect_from) {
            return Some(m);
        }
        let code = &rec.indicator.code;
        let nodes = rec
            .plan
            .iter()
            .filter_map(|n| self.node(n))
            .map(|n| n.from_year);
        let targets = self.targets.get(code).into_iter().flatten().map(|t| t.year);
        let values = self.values_of(code).iter().map(|v| v.period.fin_year());
        nodes
            .chain(targets)
            .chain(values)
            .min()
            .map(|y| y.first_month())
    }

    fn frozen(&self, period: &str, code: &str) -> Option<Assessment> {
        self.frozen.get(period, code)
    }

    /// The assessment of a period; for a signed-off period, the one stored at sign-off.
    pub fn assess(&self, series: &Series, period: Period, ctx: Context) -> Assessment {
        self.assessed(series, period, ctx).into_owned()
    }

    /// As `assess`, a frozen assessment lent (`Cow::Borrowed`, and only then) rather than
    /// copied: a chart of an indicator's last periods reads four fields of each.
    pub fn assessed(
        &self,
        series: &Series,
        period: Period,
        ctx: Context,
    ) -> std::borrow::Cow<'_, Assessment> {
        let natural = series.natural_period(period).to_string();
        match self.frozen.status(&natural, &series.indicator.code) {
            Some(frozen) => std::borrow::Cow::Borrowed(frozen),
            None => std::borrow::Cow::Owned(series.recompute(period, &self.rules, ctx)),
        }
    }

    /// As `assess`, falling back to the latest available period when this one is not due.
    /// A signed-off period's report keeps what it showed of an indicator that does not
    /// report that period (an annual figure in a quarter): frozen under the period asked.
    pub fn assess_latest(&self, series: &Series, period: Period, ctx: Context) -> Assessment {
        self.frozen_latest(&series.indicator.code, series.indicator.frequency, period)
            .unwrap_or_else(|| series.recompute_latest(period, &self.rules, ctx))
    }

    /// As `assess_latest`, making the indicator's series only where the period was not
    /// signed off: a signed-off quarter's roll-up reads every status from the freeze.
    pub fn assess_latest_of(
        &self,
        rec: &IndicatorRecord,
        period: Period,
        ctx: Context,
    ) -> Assessment {
        let i = &rec.indicator;
        self.frozen_latest(&i.code, i.frequency, period)
            .unwrap_or_else(|| self.series(rec).recompute_latest(period, &self.rules, ctx))
    }

    /// `assess` and `assess_latest` of one period together, the figures judged once where
    /// neither is frozen (what a sign-off keeps of every indicator and period).
    pub fn assess_and_latest(
        &self,
        series: &Series,
        period: Period,
        ctx: Context,
    ) -> (Assessment, Assessment) {
        let i = series.indicator;
        let natural = series.natural_period(period).to_string();
        match (
            self.frozen(&natural, &i.code),
            self.frozen_latest(&i.code, i.frequency, period),
        ) {
            (None, None) => {
                let now = series.recompute(period, &self.rules, ctx);
                let latest = series.latest_from(now.clone(), period, &self.rules, ctx);
                (now, latest)
            }
            (now, latest) => (
                now.unwrap_or_else(|| series.recompute(period, &self.rules, ctx)),
                latest.unwrap_or_else(|| series.recompute_latest(period, &self.rules, ctx)),
            ),
        }
    }

    /// The status frozen for what `assess_latest` shows: the indicator's own period's,
    /// else the one kept under the period asked.
    fn frozen_latest(
        &self,
        code: &str,
        frequency: Frequency,
        period: Period,
    ) -> Option<Assessment> {
        if self.frozen.is_empty() {
            return None;
        }
        let natural = frequency.natural_period(period).to_string();
        self.frozen
            .shown(&natural, code)
            .or_else(|| self.frozen(&period.to_string(), code))
    }

    pub fn thread(&self) -> Thread<'_> {
        Thread::new(&self.nodes, &self.links)
    }

    /// The services an indicator belongs to, through the plan nodes it is linked to.
    pub fn services_of(&self, thread: &Thread, rec: &IndicatorRecord) -> Vec<String> {
        let mut out: Vec<String> = rec
            .plan
            .iter()
            .filter_map(|n| {
                thread
                    .ancestry(n)
                    .into_iter()
                    .find_map(|a| a.service.clone())
            })
            .collect();
        out.sort();
        out.dedup();
        out
    }

    /// The portfolios an indicator belongs to, likewise.
    pub fn portfolios_of(&self, thread: &Thread, rec: &IndicatorRecord) -> Vec<String> {
        let mut out: Vec<String> = rec
            .plan
            .iter()
            .filter_map(|n| {
                thread
                    .ancestry(n)
                    .into_iter()
                    .find_map(|a| a.portfolio.clone())
            })
            .collect();
        out.sort();
        out.dedup();
        out
    }

    pub fn context(&self, today: chrono::NaiveDate) -> Context {
        Context {
            today,
            deadline_day: self.settings.deadline_day,
        }
    }
}
