//! The interface's data: the open `Store`, the `Dataset` read from it, and the views
//! computed from it (period statistics, roll-ups, entry rows, chart series). With
//! `refresh.rs` (the background re-read), the only part of the interface that talks to the
//! store. Computed views are cached by the tabs, keyed by `generation`, which changes
//! whenever the data changes, or by `whole`, which changes only when the whole dataset is
//! read again (another's figures are patched in: `values_changed_since` names them).

use std::collections::{BTreeSet, VecDeque};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use chrono::NaiveDate;

use super::refresh::{
    Answer, Reader, Snapshot, TRIM_AFTER, Update, give_back_elsewhere, read_answer,
};
use crate::domain::assess::Context;
use crate::domain::period::{Month, Period};
use crate::domain::rag::Rag;
use crate::domain::role::Actor;
use crate::drop_aside::drop_aside;
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
    /// `PRAGMA data_version` on our connection when the data was last brought up to date.
    version: i64,
    /// The newest audit-log id taken in: the next look asks what came after it.
    upto: i64,
    /// The thread that re-reads what others change, started at the first change.
    reader: Option<Reader>,
    /// The Plan tab's statistics for a period, computed with the data by a whole re-read
    /// in the background; dropped when figures are patched in after it.
    prepared: Option<(Period, Arc<PeriodStats>)>,
    /// Changes whenever the data changes, so cached views know to recompute.
    pub generation: u64,
    /// Changes only when the whole dataset is read again: what figures do not move (the
    /// plan's tree, the delivery records' judgements) is cached against it.
    pub whole: u64,
    /// The indicators whose figures changed by each patch since the last whole read.
    patched: Patched,
    /// When the memory of the datasets read whole and since freed is to be handed back.
    give_back_at: Option<Instant>,
}

/// Which indicators' figures each patch changed, by the generation it made, so a view
/// made at an earlier generation can bring only those up to date. Bounded: a view older
/// than the oldest kept is made again whole.
#[derive(Default)]
struct Patched {
    /// The generation of the last whole read, or of the last patch forgotten.
    floor: u64,
    log: VecDeque<(u64, Vec<String>)>,
}

/// Patches remembered; one interface rarely falls more than a few behind.
const PATCHES_KEPT: usize = 64;

impl Patched {
    fn forget_all(&mut self, generation: u64) {
        self.floor = generation;
        self.log.clear();
    }

    fn add(&mut self, generation: u64, codes: Vec<String>) {
        self.log.push_back((generation, codes));
        if self.log.len() > PATCHES_KEPT
            && let Some((oldest, _)) = self.log.pop_front()
        {
            self.floor = oldest;
        }
    }

    /// The codes patched after generation `since`; None when a whole read came after it
    /// (or it is older than the patches kept).
    fn since(&self, since: u64) -> Option<BTreeSet<&str>> {
        (since >= self.floor).then(|| {
            self.log
                .iter()
                .filter(|(g, _)| *g > since)
                .flat_map(|(_, codes)| codes.iter().map(String::as_str))
                .collect()
        })
    }
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
        // Before the read: what is committed in between is looked at again, not missed.
        let upto = store.audit_high_water()?;
        let snap = Snapshot::read(&store)?;
        Ok(Data {
            officers: officers(&snap.ds),
            ds: snap.ds,
            actor: snap.actor,
            meetings: store.meetings()?,
            board_members: store.all_board_members()?,
            store,
            today,
            version,
            upto,
            reader: None,
            prepared: None,
            generation: 0,
            whole: 0,
            patched: Patched::default(),
            give_back_at: None,
        })
    }

    pub fn ctx(&self) -> Context {
        self.ds.context(self.today)
    }

    pub fn login(&self) -> &str {
        &self.actor.login
    }

    /// Brings the data up to date now, on this thread: after our own save, whose result
    /// the officer is waiting to see. Reads what changed since the last look (a saved
    /// figure: that indicator's values; anything else: the whole dataset). An answer the
    /// reader is still making is dropped when it comes, being older.
    pub fn reload(&mut self) -> crate::store::Result<()> {
        let version = self.store.data_version()?;
        let answer = read_answer(&self.store, self.upto, None)?;
        self.take(version, answer);
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

    /// Called between keys, and never waits for a read: takes in the reader's answer if
    /// it has come, or asks the reader what changed if another process has committed
    /// since the last look. Returns whether the data changed.
    pub fn poll(&mut self, plan_period: Period) -> crate::store::Result<bool> {
        if self.give_back_at.is_some_and(|at| Instant::now() >= at) {
            self.give_back_at = None;
            give_back_elsewhere();
        }
        if let Some(reader) = &mut self.reader
            && reader.waiting()
        {
            return match reader.try_take() {
                Some((version, answer)) => self.take_answer(version, answer),
                None => Ok(false),
            };
        }
        let version = self.store.data_version()?;
        if version != self.version {
            let reader = match &mut self.reader {
                Some(r) => r,
                slot => slot.insert(Reader::start(
                    self.store.path().to_path_buf(),
                    self.store.login().to_string(),
                )?),
            };
            reader.ask(self.upto, version, (plan_period, self.today))?;
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

    /// The reader is making an answer.
    pub fn refreshing(&self) -> bool {
        self.reader.as_ref().is_some_and(Reader::waiting)
    }

    /// As `poll`, but waits for the answer it asks for or finds coming, so tests and
    /// benches know when another process's save has been taken in.
    pub fn settle(&mut self, plan_period: Period) -> crate::store::Result<bool> {
        // An answer older than our own last re-read is dropped; the next ask is newer.
        for _ in 0..2 {
            if !self.refreshing() {
                self.poll(plan_period)?;
            }
            let Some((version, answer)) = self.reader.as_mut().and_then(Reader::wait) else {
                return Ok(false);
            };
            if self.take_answer(version, answer)? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// The indicators whose figures alone changed since the data of generation `since`,
    /// or None when more than figures did (a view made then must be made again whole).
    pub fn values_changed_since(&self, since: u64) -> Option<BTreeSet<&str>> {
        self.patched.since(since)
    }

    /// Takes in the reader's answer, or says why it has none: a failure is said once, and
    /// the next look asks a reader started afresh (with a connection of its own opened
    /// again), so one failure does not end live refresh for the session.
    fn take_answer(
        &mut self,
        version: i64,
        answer: crate::store::Result<Answer>,
    ) -> crate::store::Result<bool> {
        match answer {
            Ok(answer) => Ok(self.take(version, answer)),
            Err(e) => {
                self.reader = None;
                Err(e)
            }
        }
    }

    /// Takes in an answer to what changed after `answer.after`, the connection's
    /// `data_version` having been `version` when it was asked. An answer to an older
    /// question (our own save re-read since) is dropped: it could only take us back.
    fn take(&mut self, version: i64, answer: Answer) -> bool {
        if answer.after != self.upto {
            return false;
        }
        self.version = version;
        self.upto = answer.upto;
        if let Some(meetings) = answer.meetings {
            self.meetings = meetings;
        }
        if let Some(members) = answer.board_members {
            self.board_members = members;
        }
        self.generation += 1;
        match answer.update {
            Update::Outside => self.patched.add(self.generation, vec![]),
            Update::Values(values) => {
                let codes = values.iter().map(|(c, _)| c.clone()).collect();
                for (code, vs) in values {
                    self.ds.replace_values(&code, vs);
                }
                self.prepared = None;
                self.patched.add(self.generation, codes);
            }
            Update::Whole(snap) => {
                let Snapshot {
                    ds,
                    actor,
                    prepared,
                } = *snap;
                self.officers = officers(&ds);
                self.prepared = prepared;
                // Freeing a large dataset takes tens of milliseconds: not on the key path.
                drop_aside(std::mem::replace(&mut self.ds, ds));
                self.give_back_at = Some(Instant::now() + TRIM_AFTER);
                self.actor = actor;
                self.whole = self.generation;
                self.patched.forget_all(self.generation);
            }
        }
        true
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
