//! A save in progress. Each save runs on a thread of its own with its own connection, so
//! when another process holds the write lock the interface keeps drawing and answering
//! keys, says how long it has waited, and `Esc` abandons the save (`store::Abandon`: an
//! abandoned save never commits). The run loop polls for the result; `App::update` takes
//! it in and hands it to the tab that asked, which applies it as it always has.

use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use chrono::NaiveDate;

use crate::domain::assess::Context;
use crate::domain::narrative::Subject;
use crate::domain::period::Period;
use crate::query::reviewable::check_reviewable;
use crate::query::signoff::{record, statuses_to_freeze};
use crate::store::{
    Abandon, Approve, ExceptionRecord, ExceptionUpdate, Expect, NewRequest, NewValue, Opener,
    Result, SaveOutcome, Store, StoreError,
};
use crate::store::{ImportSummary, NewCaseStudy, NewNarrative};
use crate::tui::popups::target_form::Proposal;
use crate::tui::popups::update_editor::UpdateJob;

/// What to save, and so which tab takes the result.
#[derive(Debug, Clone)]
pub enum Job {
    /// The Entry tab's edit of one value.
    Value {
        nv: NewValue,
        expect: Expect,
        ctx: Context,
    },
    /// The exception form's record of the meeting.
    Form(ExceptionUpdate),
    /// A step recorded straight away (closing, reopening an exception).
    Step(ExceptionUpdate),
    /// The Entry tab's update of an action or project, or a risk's review, as of `today`.
    Update { job: UpdateJob, today: NaiveDate },
    /// The Entry tab's narrative for an indicator's quarter.
    Narrative(NewNarrative),
    /// The Entry tab's proposal of next year's target (`pmdb targets propose`).
    Proposal(Proposal),
    /// A board's request recorded (`pmdb exceptions add --kind request`).
    Request(NewRequest),
    /// Every agreed item of an agenda closed (or, `close` false, only noted) with `note`.
    CloseAgreed {
        ids: Vec<i64>,
        note: String,
        close: bool,
    },
    /// The Plan tab's case studies: one submitted, or one chosen for the annual report.
    CaseStudy(StudyJob),
    /// The Rollup tab's sign-off of a period on `today`, recording the approval `approve`
    /// names: the statuses frozen are those read on the save's own connection.
    SignOff {
        period: Period,
        today: NaiveDate,
        approve: Approve,
    },
}

/// What the case studies save: a new one (`pmdb case-studies add`), or whether one is
/// chosen (`pmdb case-studies select [--unselect]`), through the same core functions.
#[derive(Debug, Clone)]
pub enum StudyJob {
    Submit(NewCaseStudy),
    Choose { code: String, selected: bool },
}

/// A sign-off made: what it froze and how the record reads now.
#[derive(Debug, Clone, PartialEq)]
pub struct Signed {
    pub period: Period,
    /// Statuses and judgements frozen.
    pub frozen: usize,
    /// "signed off 2024-08-01 by perf; approved by Leadership Team (…) on …".
    pub record: String,
    /// Whether Leadership Team's approval is on record.
    pub approved: bool,
}

/// The result of a save, tagged as its job was.
#[derive(Debug)]
pub enum Done {
    Value(Result<SaveOutcome>),
    Form(Result<ExceptionRecord>),
    Step(Result<ExceptionRecord>),
    /// The new version of the update or review.
    Update(Result<i64>),
    Narrative(Result<(Subject, ImportSummary)>),
    SignOff(Result<Signed>),
    CloseAgreed(Result<Vec<ExceptionRecord>>),
    Request(Result<ExceptionRecord>),
    CaseStudy(Result<StudyJob>),
    Proposal(Result<crate::store::TargetStateRecord>),
}

impl Job {
    fn run(self, store: Result<Store>) -> Done {
        match self {
            Job::Value { nv, expect, ctx } => {
                Done::Value(store.and_then(|mut s| s.record_value(&nv, expect, ctx)))
            }
            Job::Form(u) => Done::Form(store.and_then(|mut s| s.update_exception(&u))),
            Job::Step(u) => Done::Step(store.and_then(|mut s| s.update_exception(&u))),
            Job::Update { job, today } => Done::Update(store.and_then(|mut s| match job {
                UpdateJob::Action(u, expect) => s.record_update(&u, expect, today),
                UpdateJob::Project(u, expect) => s.record_update(&u, expect, today),
                UpdateJob::Risk(r, expect) => s.record_risk_review(&r, expect, today),
            })),
            Job::Narrative(n) => Done::Narrative(
                store.and_then(|mut s| s.write_narrative(&n, &crate::store::Columns::All)),
            ),
            Job::SignOff {
                period,
                today,
                approve,
            } => Done::SignOff(store.and_then(|mut s| sign_off(&mut s, period, today, &approve))),
            Job::Request(r) => Done::Request(store.and_then(|mut s| s.add_request(&r))),
            Job::Proposal(p) => {
                Done::Proposal(store.and_then(|mut s| s.propose_target(&p.code, &p.row, &p.why)))
            }
            Job::CloseAgreed { ids, note, close } => {
                Done::CloseAgreed(store.and_then(|mut s| s.close_agreed(&ids, &note, close)))
            }
            Job::CaseStudy(job) => Done::CaseStudy(store.and_then(|mut s| {
                match &job {
                    StudyJob::Submit(new) => s.submit_case_study(new)?,
                    StudyJob::Choose { code, selected } => s.choose_case_study(code, *selected)?,
                }
                Ok(job)
            })),
        }
    }

    /// The same job's result when the thread ended without one (it panicked).
    fn lost(&self) -> Done {
        let why =
            "the save stopped without saying whether it was written; look before saving again";
        let e = || StoreError::Invalid(why.into());
        match self {
            Job::Value { .. } => Done::Value(Err(e())),
            Job::Form(_) => Done::Form(Err(e())),
            Job::Step(_) => Done::Step(Err(e())),
            Job::Update { .. } => Done::Update(Err(e())),
            Job::Narrative(_) => Done::Narrative(Err(e())),
            Job::SignOff { .. } => Done::SignOff(Err(e())),
            Job::CloseAgreed { .. } => Done::CloseAgreed(Err(e())),
            Job::Request(_) => Done::Request(Err(e())),
            Job::CaseStudy(_) => Done::CaseStudy(Err(e())),
            Job::Proposal(_) => Done::Proposal(Err(e())),
        }
    }
}

/// Signs `period` off as `pmdb signoff` does: refused, with nothing written, for a period
/// that may not be reviewed, one signed off already or an approval the rules refuse.
fn sign_off(
    store: &mut Store,
    period: Period,
    today: NaiveDate,
    approve: &Approve,
) -> Result<Signed> {
    let ds = store.dataset()?;
    check_reviewable(&ds, period, today, "it cannot be signed off")
        .map_err(|e| StoreError::Invalid(e.to_string()))?;
    let statuses = statuses_to_freeze(&ds, period, ds.context(today));
    store.sign_off_approved(period, &statuses, today, approve)?;
    let signoffs = store.signoff_records()?;
    Ok(Signed {
        period,
        frozen: statuses.len(),
        record: record(&signoffs, period).unwrap_or_default(),
        approved: signoffs
            .of(&period.to_string())
            .is_some_and(|s| s.approval.words().is_some()),
    })
}

/// A save on its thread.
pub struct Saving {
    started: Instant,
    abandon: Abandon,
    rx: Receiver<Done>,
    thread: JoinHandle<()>,
    /// The whole seconds waited when last asked (`next_second`).
    shown: u64,
    /// What `done` says if the thread ends without a result.
    lost: Option<Done>,
    /// The database, to name who holds it while the save waits.
    db: std::path::PathBuf,
    /// Who holds the database, as the lock table said when last asked (`next_second`).
    held: Option<String>,
}

fn open(opener: &Opener, abandon: Abandon) -> Result<Store> {
    let mut store = opener.open()?;
    store.abandon_with(abandon)?;
    Ok(store)
}

impl Saving {
    /// Starts `job` on a connection of its own to the store's database (`opener`).
    pub fn start(opener: Opener, job: Job) -> Saving {
        let abandon = Abandon::default();
        let (tx, rx) = mpsc::channel();
        let lost = Some(job.lost());
        let db = opener.path().to_path_buf();
        let a = abandon.clone();
        let thread = std::thread::spawn(move || {
            let done = job.run(open(&opener, a));
            // Nobody listens once the save was abandoned.
            let _ = tx.send(done);
        });
        Saving {
            started: Instant::now(),
            abandon,
            rx,
            thread,
            shown: 0,
            lost,
            db,
            held: None,
        }
    }

    /// How long the save has been waiting.
    pub fn waited(&self) -> Duration {
        self.started.elapsed()
    }

    /// What the status line and the edit dialog say while the save runs.
    /// Who holds the database is named once the lock table shows someone in the way.
    pub fn text(&self) -> String {
        match &self.held {
            Some(who) => format!(
                "waiting for the database ({} s): {who}…",
                self.waited().as_secs()
            ),
            None => format!("waiting for the database ({} s)…", self.waited().as_secs()),
        }
    }

    /// Whether the count of seconds waited has gone up since last asked; each second the
    /// lock table is read again for who holds the database.
    pub fn next_second(&mut self) -> bool {
        let secs = self.waited().as_secs();
        let next = std::mem::replace(&mut self.shown, secs) != secs;
        if next {
            self.held = crate::store::lock_holders::held_by(&self.db);
        }
        next
    }

    /// The result, waiting up to `wait` for it.
    pub fn done(&mut self, wait: Duration) -> Option<Done> {
        match self.rx.recv_timeout(wait) {
            Ok(done) => Some(done),
            Err(RecvTimeoutError::Timeout) => None,
            Err(RecvTimeoutError::Disconnected) => self.lost.take(),
        }
    }

    /// Abandons the save: true if it will never be written, false if it is already being
    /// committed (its result then arrives as usual).
    pub fn abandon(&self) -> bool {
        self.abandon.abandon()
    }

    /// Whether the thread is still running (an abandoned save stops at its next attempt).
    pub fn running(&self) -> bool {
        !self.thread.is_finished()
    }
}
