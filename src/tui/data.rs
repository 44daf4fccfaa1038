//! The interface's data: the open `Store`, the `Dataset` read from it, and the views
//! computed from it (period statistics, roll-ups, entry rows, chart series). With
//! `refresh.rs` (the background re-read), the only part of the interface that talks to the
//! store. Computed views are cached by the tabs, keyed by `generation`, which changes
//! whenever the dataset is re-read.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::NaiveDate;

use super::refresh::{Pending, Snapshot, drop_elsewhere};
use crate::domain::assess::Context;
use crate::domain::period::{Month, Period};
use crate::domain::rag::Rag;
use crate::domain::role::Actor;
use crate::query::entry_grid::{EntryRow, entry_grid, officers};
use crate::query::rollup::{GroupBy, Rollup, rollup};
use crate::query::trend::{MEETING_PERIODS, last_periods};
use crate::store::{
    ApprovalRecord, Approve, BoardMember, CaseStudyRecord, Dataset, ExceptionFilter,
    ExceptionRecord, HistoryEntry, MeetingRecord, Store, StoredValue,
};

pub use crate::query::rollup::PeriodStats;

/// One point of an indicator's chart: x is months from the window's first month.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartPoint {
    pub x: f64,
    pub period: String,
    pub value: Option<f64>,
    pub target: Option<f64>,
    pub intervention: Option<f64>,
    pub rag: Rag,
    /// How far the figure can be trusted, for its `p`/`e` mark.
    pub quality: Option<crate::store::Quality>,
}

pub struct Data {
    store: Store,
    pub ds: Dataset,
    pub today: NaiveDate,
    pub actor: Actor,
    pub meetings: Vec<MeetingRecord>,
    /// Every board's members: a board's outcome names one of its own.
    pub board_members: Vec<BoardMember>,
    pub officers: Vec<String>,
    /// `PRAGMA data_version` on our connection when the data was read.
    version: i64,
    /// A re-read running in the background after another process's save.
    pending: Option<Pending>,
    /// The Plan tab's statistics for a period, computed with the data by that re-read.
    prepared: Option<(Period, Arc<PeriodStats>)>,
    /// Changes whenever the dataset is re-read, so cached views know to recompute.
    pub generation: u64,
}

impl Data {
    /// The logins on board `code`, as the store orders them.
    pub fn members_of(&self, code: &str) -> Vec<String> {
        self.board_members
            .iter()
            .filter(|m| m.board == code)
            .map(|m| m.login.clone())
            .collect()
    }

    /// The boards PPG may escalate to: every board the council has but PPG itself.
    pub fn escalation_boards(&self) -> Vec<String> {
        self.ds
            .boards
            .iter()
            .filter(|b| b.code != "PPG")
            .map(|b| b.code.clone())
            .collect()
    }

    pub fn new(store: Store, today: NaiveDate) -> crate::store::Result<Data> {
        let version = store.data_version()?;
        let snap = Snapshot::read(&store)?;
        Ok(Data {
            officers: officers(&snap.ds),
            ds: snap.ds,
            actor: snap.actor,
            meetings: snap.meetings,
            board_members: snap.board_members,
            store,
            today,
            version,
            pending: None,
            prepared: None,
            generation: 0,
        })
    }

    pub fn ctx(&self) -> Context {
        self.ds.context(self.today)
    }

    pub fn login(&self) -> &str {
        &self.actor.login
    }

    /// Re-reads everything now, on this thread: after our own save, whose result the
    /// officer is waiting to see. A background read already running is left to lapse.
    pub fn reload(&mut self) -> crate::store::Result<()> {
        self.pending = None;
        let version = self.store.data_version()?;
        let snap = Snapshot::read(&self.store)?;
        self.take(snap, version);
        Ok(())
    }

    /// As `reload`, only if another process has committed since the last read.
    pub fn reload_if_changed(&mut self) -> crate::store::Result<bool> {
        if self.store.data_version()? == self.version {
            return Ok(false);
        }
        self.reload()?;
        Ok(true)
    }

    /// Called between keys, and never waits for a read: takes in a background re-read
    /// that has finished, or starts one if another process has committed since the last.
    /// Returns whether the data changed. The read also computes the Plan tab's statistics
    /// for `plan_period`, so taking it in costs the key loop next to nothing.
    pub fn poll(&mut self, plan_period: Period) -> crate::store::Result<bool> {
        if let Some(pending) = &self.pending {
            let Some(read) = pending.try_take() else {
                return Ok(false);
            };
            let version = pending.version;
            self.pending = None;
            self.take(read?, version);
            return Ok(true);
        }
        let version = self.store.data_version()?;
        if version != self.version {
            let (path, login) = (
                self.store.path().to_path_buf(),
                self.store.login().to_string(),
            );
            let plan = (plan_period, self.today);
            self.pending = Some(Pending::start(path, login, version, plan)?);
        }
        Ok(false)
    }

    /// Refuses when the database file is no longer the one opened (moved, deleted or
    /// replaced): the interface says so and stops reading it, and saves are refused.
    pub fn check_same_file(&self) -> crate::store::Result<()> {
        self.store.check_same_file()
    }

    /// How a save's thread opens its own connection to this same database.
    pub fn opener(&self) -> crate::store::Opener {
        self.store.opener()
    }

    /// A background re-read is running.
    pub fn refreshing(&self) -> bool {
        self.pending.is_some()
    }

    /// As `poll`, but waits for the re-read it starts or finds running, so tests and
    /// benches know when another process's save has been taken in.
    pub fn settle(&mut self, plan_period: Period) -> crate::store::Result<bool> {
        if self.pending.is_none() {
            self.poll(plan_period)?;
        }
        let Some(pending) = self.pending.take() else {
            return Ok(false);
        };
        let version = pending.version;
        self.take(pending.wait()?, version);
        Ok(true)
    }

    /// Puts a fresh read in place of the old one; cached views see the new generation.
    fn take(&mut self, snap: Snapshot, version: i64) {
        self.version = version;
        self.officers = officers(&snap.ds);
        self.prepared = snap.prepared;
        // Freeing a large dataset takes tens of milliseconds: not on the key path.
        drop_elsewhere(std::mem::replace(&mut self.ds, snap.ds));
        self.actor = snap.actor;
        self.meetings = snap.meetings;
        self.board_members = snap.board_members;
        self.generation += 1;
    }

    /// What is stored now, read afresh (to show theirs beside mine after a conflict).
    pub fn value_now(
        &self,
        code: &str,
        period: Period,
    ) -> crate::store::Result<Option<StoredValue>> {
        self.store.value_at(code, period)
    }

    pub fn exceptions(
        &self,
        filter: &ExceptionFilter,
    ) -> crate::store::Result<Vec<ExceptionRecord>> {
        self.store.exceptions(filter)
    }

    /// The approval a sign-off by this login today would record, as `approve` names it,
    /// checked by the store's rules with nothing written; the refusal if they refuse it.
    pub fn approval_to_record(&self, approve: &Approve) -> crate::store::Result<ApprovalRecord> {
        self.store.approval_to_record(approve, self.today)
    }

    /// A meeting's agenda: its own items, then those carried forward.
    pub fn agenda(
        &self,
        meeting: &MeetingRecord,
    ) -> crate::store::Result<Vec<crate::query::agenda::AgendaItem>> {
        crate::query::agenda::load(&self.store, meeting)
    }

    /// A meeting's minutes as the store holds them now (`pmdb minutes`).
    pub fn minutes(
        &self,
        meeting: &MeetingRecord,
    ) -> crate::store::Result<crate::query::minutes::Minutes> {
        crate::query::minutes::of_meeting(&self.store, meeting)
    }

    /// Every case study, and who submitted each and when (the audit log's record).
    pub fn case_studies(
        &self,
    ) -> crate::store::Result<(Vec<CaseStudyRecord>, Vec<crate::store::Submitted>)> {
        Ok((
            self.store.case_studies()?,
            self.store.case_study_submissions()?,
        ))
    }

    /// One exception's history, oldest first.
    pub fn exception_history(&self, id: i64) -> crate::store::Result<Vec<HistoryEntry>> {
        self.store.exception_history(id)
    }

    /// The periods exception `id` was linked to besides its own, in the order linked.
    pub fn exception_periods(&self, id: i64) -> crate::store::Result<Vec<String>> {
        Ok(self
            .store
            .exception_periods()?
            .remove(&id)
            .unwrap_or_default())
    }

    /// Display name of a login, or the login itself.
    pub fn name_of<'a>(&'a self, login: &'a str) -> &'a str {
        self.ds
            .user(login)
            .map(|u| u.name.as_str())
            .unwrap_or(login)
    }

    /// Every indicator's status for the period and every node's counts beneath it.
    pub fn period_stats(&self, period: Period) -> PeriodStats {
        PeriodStats::of(&self.ds, period, self.ctx())
    }

    /// The Plan tab's statistics for `period` if the background re-read that brought the
    /// current data computed them already.
    pub fn prepared_stats(&self, period: Period) -> Option<Arc<PeriodStats>> {
        self.prepared
            .as_ref()
            .filter(|(p, _)| *p == period)
            .map(|(_, stats)| Arc::clone(stats))
    }

    /// Writes `period`'s published pack (`pmdb publish`) into `dir`; returns the files.
    pub fn write_pack(&self, period: Period, dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
        Ok(crate::publish::write_pack(
            &self.store,
            &self.ds,
            period,
            self.today,
            dir,
        )?)
    }

    pub fn rollup(&self, period: Period, by: GroupBy) -> Rollup {
        rollup(&self.ds, period, by, self.ctx())
    }

    pub fn entry_rows(&self, officer: &str, month: Month) -> Vec<EntryRow> {
        entry_grid(&self.ds, officer, month, self.ctx())
    }

    /// The actions, projects and risks the officer owes for the month.
    pub fn entry_return(
        &self,
        officer: &str,
        month: Month,
    ) -> Vec<crate::query::entry_return::ReturnRow> {
        crate::query::entry_return::entry_return(&self.ds, officer, month, self.ctx())
    }

    /// The indicator's last 13 periods ending at `period` (`query::trend`), as chart points
    /// one period apart: what the projector view charts beside an exception.
    pub fn trend(&self, code: &str, period: Period) -> Vec<ChartPoint> {
        last_periods(&self.ds, code, period, MEETING_PERIODS, self.ctx())
            .into_iter()
            .enumerate()
            .map(|(n, t)| ChartPoint {
                x: n as f64,
                period: t.period.to_string(),
                value: t.value,
                target: t.target,
                intervention: t.intervention,
                rag: t.rag,
                quality: self.ds.quality_at(code, t.period),
            })
            .collect()
    }

    /// The indicator's own periods over the 24 months to the end of `period`, assessed.
    pub fn chart(&self, code: &str, period: Period) -> Vec<ChartPoint> {
        let Some(rec) = self.ds.indicator(code) else {
            return vec![];
        };
        let series = self.ds.series(rec);
        let ctx = self.ctx();
        let last = period.last_month();
        let first = last.plus(-23);
        let mut points = Vec::new();
        let mut p = rec.indicator.frequency.period_of(first);
        while p.last_month() <= last {
            if p.last_month() >= first {
                let a = self.ds.assess(&series, p, ctx);
                points.push(ChartPoint {
                    x: first.months_until(p.last_month()) as f64,
                    period: p.to_string(),
                    value: a.value,
                    target: a.target,
                    intervention: a.intervention,
                    rag: a.rag,
                    quality: self.ds.quality_at(code, p),
                });
            }
            p = p.next();
        }
        points
    }
}
