//! Sign-off: once Leadership Team signs a period off, the statuses shown for it are the
//! ones stored at that moment, and its values can no longer change.

use std::sync::OnceLock;

use foldhash::{HashMap, HashMapExt};

use rusqlite::{Connection, OptionalExtension, Transaction, params};
use serde::Serialize;

use super::Store;
use super::error::{Result, StoreError};
use super::session::Entered;
use super::signoff_approval::{self, Approval, Approve};
use super::users::NotAUser;
use crate::domain::assess::Assessment;
use crate::domain::fields::check_text;
use crate::domain::period::Period;

/// The signed-off period that covers `period`, if any (a month inside a signed-off
/// quarter is signed off with it).
pub(super) fn locking_signoff(tx: &Connection, period: Period) -> Result<Option<String>> {
    let mut stmt = tx.prepare_cached("SELECT period FROM signoffs")?;
    let periods: Vec<String> = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(periods
        .into_iter()
        .find(|s| s.parse::<Period>().is_ok_and(|s| s.covers(period))))
}

/// The statuses frozen at sign-off, by period and indicator code. Each is kept as stored
/// and read into an `Assessment` the first time it is asked for: a council signing off for
/// years holds tens of thousands, and a report or a tab reads only the periods it shows.
/// Keyed period first, so a look-up borrows its keys (no string made per indicator
/// assessed) and loading stores each period's name once, not once per status. A status is
/// held in 64 bytes until it is read (its reading boxed, where it took some 470 bytes
/// unread): a council a hundred times the demo freezes 189,000.
#[derive(Debug, Default)]
pub struct Frozen {
    by_period: HashMap<Box<str>, HashMap<Box<str>, FrozenStatus>>,
}

#[derive(Debug)]
struct FrozenStatus {
    stored: Box<str>,
    read: OnceLock<Option<Box<Assessment>>>,
    /// What the period's reports show instead, if the freeze kept one (`SHOWN`).
    shown: OnceLock<Option<Box<Assessment>>>,
}

impl Frozen {
    /// The status frozen for an indicator in a period, if that period was signed off. A
    /// stored status pmdb cannot read is none here, and `damaged` lists it for `pmdb check`.
    pub fn get(&self, period: &str, code: &str) -> Option<Assessment> {
        self.status(period, code).cloned()
    }

    /// What `get` finds, lent rather than copied out.
    pub fn status(&self, period: &str, code: &str) -> Option<&Assessment> {
        let status = self.by_period.get(period)?.get(code)?;
        status
            .read
            .get_or_init(|| serde_json::from_str(&status.stored).ok())
            .as_deref()
    }

    /// What a report of the period shows for the indicator as frozen: the latest
    /// available where the period's own figure was not yet due at sign-off, else the status.
    pub fn shown(&self, period: &str, code: &str) -> Option<Assessment> {
        let status = self.by_period.get(period)?.get(code)?;
        let shown = status.shown.get_or_init(|| {
            let kept: serde_json::Value = serde_json::from_str(&status.stored).ok()?;
            serde_json::from_value(kept.get(SHOWN)?.clone()).ok()
        });
        shown.as_deref().cloned().or_else(|| self.get(period, code))
    }

    pub fn len(&self) -> usize {
        self.by_period.values().map(HashMap::len).sum()
    }

    pub fn is_empty(&self) -> bool {
        // A period is held only with a status in it.
        self.by_period.is_empty()
    }

    /// (period, code) of every stored status that does not read as an assessment.
    pub fn damaged(&self) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = self
            .by_period
            .iter()
            .flat_map(|(period, statuses)| statuses.iter().map(move |(code, s)| (period, code, s)))
            .filter(|(_, _, s)| serde_json::from_str::<Assessment>(&s.stored).is_err())
            .map(|(period, code, _)| (period.to_string(), code.to_string()))
            .collect();
        out.sort();
        out
    }
}

pub(super) fn load_frozen(conn: &rusqlite::Connection) -> Result<Frozen> {
    // Each period's map made its full size at once (the count read from the key's index):
    // grown row by row, the whole council's would be copied over a dozen times each.
    let mut frozen = Frozen::default();
    let mut sizes =
        conn.prepare("SELECT period, count(*) FROM signoff_statuses GROUP BY period")?;
    let mut rows = sizes.query([])?;
    while let Some(r) = rows.next()? {
        let statuses = HashMap::with_capacity(usize::try_from(r.get::<_, i64>(1)?).unwrap_or(0));
        frozen
            .by_period
            .insert(borrowed_text(r, 0)?.into(), statuses);
    }
    let mut stmt = conn.prepare("SELECT period, indicator, status FROM signoff_statuses")?;
    frozen_into(&mut frozen, stmt.query([])?)?;
    Ok(frozen)
}

/// Adds one indicator's frozen statuses to `frozen`, by the index on the indicator
/// (migration 21), or only those of these periods, each a probe of the key (period,
/// indicator): `Store::dataset_of_many` reads them one indicator at a time.
pub(super) fn load_frozen_of(
    conn: &rusqlite::Connection,
    code: &str,
    periods: Option<&[Period]>,
    frozen: &mut Frozen,
) -> Result<()> {
    const SELECT: &str = "SELECT period, indicator, status FROM signoff_statuses";
    let Some(periods) = periods else {
        let mut stmt = conn.prepare_cached(&format!("{SELECT} WHERE indicator = ?1"))?;
        return frozen_into(frozen, stmt.query([code])?);
    };
    let mut stmt =
        conn.prepare_cached(&format!("{SELECT} WHERE period = ?1 AND indicator = ?2"))?;
    for period in periods {
        frozen_into(frozen, stmt.query([period.to_string().as_str(), code])?)?;
    }
    Ok(())
}

fn frozen_into(frozen: &mut Frozen, mut rows: rusqlite::Rows) -> Result<()> {
    while let Some(r) = rows.next()? {
        let period = borrowed_text(r, 0)?;
        let status = FrozenStatus {
            stored: borrowed_text(r, 2)?.into(),
            read: OnceLock::new(),
            shown: OnceLock::new(),
        };
        let statuses = match frozen.by_period.get_mut(period) {
            Some(statuses) => statuses,
            None => frozen.by_period.entry(period.into()).or_default(),
        };
        statuses.insert(borrowed_text(r, 1)?.into(), status);
    }
    Ok(())
}

/// A text column borrowed from its row: a period repeated on every row is looked up by it
/// and stored once.
pub(super) fn borrowed_text<'r>(
    row: &'r rusqlite::Row,
    column: usize,
) -> rusqlite::Result<&'r str> {
    row.get_ref(column)?.as_str().map_err(rusqlite::Error::from)
}

/// What signing a period off freezes: each indicator's assessment for the period and the
/// periods inside it, and each delivery item's judgement for them.
#[derive(Debug, Clone, Default)]
pub struct Freeze {
    /// (period, indicator code, assessment)
    pub indicators: Vec<(String, String, Assessment)>,
    /// (period, indicator code, what the period's reports show) where that is not the
    /// status: the latest available of a figure not yet due. Kept with the status.
    pub shown: Vec<(String, String, Assessment)>,
    pub delivery: Vec<FrozenDelivery>,
    /// What the period's reports name, as it stands at sign-off.
    pub definitions: Option<super::signoff_definitions::Definitions>,
}

/// One action's, project's, risk's or EIA's judgement as frozen: `status` is its JSON.
#[derive(Debug, Clone, PartialEq)]
pub struct FrozenDelivery {
    pub period: String,
    /// `action`, `project`, `risk` or `eia`.
    pub kind: &'static str,
    pub code: String,
    pub status: String,
}

impl Freeze {
    /// How many statuses it freezes, indicators' and delivery's.
    pub fn len(&self) -> usize {
        self.indicators.len() + self.delivery.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// A sign-off as recorded: the period, who signed it and when (an instant), and whose
/// approval it records (all '' when none is on record).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SignoffRecord {
    pub period: String,
    pub signed_by: String,
    pub signed_at: String,
    #[serde(flatten)]
    pub approval: ApprovalRecord,
}

/// Leadership Team's approval of a sign-off as kept: the member's login, how reports name
/// them ("Jane Mitchell, Chief Executive"), the day and LT's meeting. `approved_by` is ''
/// for a sign-off with no approval on record.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ApprovalRecord {
    pub approved_by: String,
    pub approver: String,
    pub approved_on: String,
    pub meeting: Option<i64>,
}

impl ApprovalRecord {
    /// "approved by Leadership Team (Jane Mitchell, Chief Executive) on 2026-10-20", if
    /// an approval is on record.
    pub fn words(&self) -> Option<String> {
        (!self.approved_by.is_empty())
            .then(|| crate::domain::approval::approval_words(&self.approver, &self.approved_on))
    }

    fn read(r: &rusqlite::Row, from: usize) -> rusqlite::Result<ApprovalRecord> {
        Ok(ApprovalRecord {
            approved_by: r.get(from)?,
            approver: r.get(from + 1)?,
            approved_on: r.get(from + 2)?,
            meeting: r.get(from + 3)?,
        })
    }
}

impl From<Option<&Approval>> for ApprovalRecord {
    fn from(a: Option<&Approval>) -> ApprovalRecord {
        a.map(|a| ApprovalRecord {
            approved_by: a.by.clone(),
            approver: a.approver.clone(),
            approved_on: a.on.clone(),
            meeting: a.meeting,
        })
        .unwrap_or_default()
    }
}

/// A sign-off reopened for correction: the sign-off as it was, and who reopened it, when
/// and why. Its frozen statuses are kept in `signoff_history` under `id`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reopening {
    pub id: i64,
    pub period: String,
    pub signed_by: String,
    pub signed_at: String,
    pub reopened_by: String,
    pub reopened_at: String,
    pub reason: String,
    /// The reopened sign-off's approval, kept with it.
    #[serde(flatten)]
    pub approval: ApprovalRecord,
}

/// Every sign-off in force and every one reopened, oldest reopening first.
#[derive(Debug, Clone, Default)]
pub struct Signoffs {
    pub current: Vec<SignoffRecord>,
    pub reopened: Vec<Reopening>,
}

impl Signoffs {
    /// The sign-off in force for exactly `period`, if any.
    pub fn of(&self, period: &str) -> Option<&SignoffRecord> {
        self.current.iter().find(|s| s.period == period)
    }

    /// The signed-off period that covers `period` (itself, or the quarter or year it is
    /// part of), if any: its figures are locked. The same rule the store applies on a save.
    pub fn locking(&self, period: Period) -> Option<Period> {
        self.current
            .iter()
            .filter_map(|s| s.period.parse::<Period>().ok())
            .find(|s| s.covers(period))
    }

    /// The reopenings of `period`, oldest first.
    pub fn reopenings_of<'a>(&'a self, period: &'a str) -> impl Iterator<Item = &'a Reopening> {
        self.reopened.iter().filter(move |r| r.period == period)
    }
}

pub(super) fn load_signoffs(conn: &rusqlite::Connection) -> Result<Signoffs> {
    let mut stmt = conn.prepare(
        "SELECT period, signed_by, signed_at, approved_by, approver, approved_on, meeting
         FROM signoffs ORDER BY period",
    )?;
    let current = stmt
        .query_map([], |r| {
            Ok(SignoffRecord {
                period: r.get(0)?,
                signed_by: r.get(1)?,
                signed_at: r.get(2)?,
                approval: ApprovalRecord::read(r, 3)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut stmt = conn.prepare(
        "SELECT id, period, signed_by, signed_at, reopened_by, reopened_at, reason,
                approved_by, approver, approved_on, meeting
         FROM signoff_reopenings ORDER BY id",
    )?;
    let reopened = stmt
        .query_map([], |r| {
            Ok(Reopening {
                id: r.get(0)?,
                period: r.get(1)?,
                signed_by: r.get(2)?,
                signed_at: r.get(3)?,
                reopened_by: r.get(4)?,
                reopened_at: r.get(5)?,
                reason: r.get(6)?,
                approval: ApprovalRecord::read(r, 7)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(Signoffs { current, reopened })
}

impl Store {
    /// Every sign-off in force and every one reopened.
    pub fn signoff_records(&self) -> Result<Signoffs> {
        load_signoffs(&self.conn)
    }

    /// Reopens a signed-off period for correction (admin only): the sign-off and the
    /// statuses it froze move to `signoff_reopenings` and `signoff_history` with who
    /// reopened it, when and `reason`, so they stay on record; the period's values can
    /// change again and it can be signed off again. A period signed off only as part of a
    /// larger one that is still signed off is refused: reopen that one.
    pub fn reopen_signoff(&mut self, period: Period, reason: &str) -> Result<Reopening> {
        self.actor()?
            .may_admin("reopen a signed-off period")
            .map_err(StoreError::Denied)?;
        check_text("reason", reason)?;
        if reason.trim().is_empty() {
            return Err(StoreError::Invalid(
                "--reason: say why the sign-off is reopened".into(),
            ));
        }
        let login = self.login.clone();
        let clock = self.session.clone();
        self.write(|tx| reopen(tx, period, reason.trim(), &login, &clock.now_stamp()))
    }

    /// Records a reopening made earlier by someone else (Leadership Team's, at a later
    /// meeting), as history loaded from elsewhere: admin only; the reopening and its audit
    /// rows name `reopened`.
    pub fn reopen_signoff_entered(
        &mut self,
        period: Period,
        reason: &str,
        reopened: &Entered,
    ) -> Result<Reopening> {
        self.actor()?
            .may_admin("record a reopening made by others")
            .map_err(StoreError::Denied)?;
        check_text("reason", reason)?;
        let session = self.session.clone();
        self.write(|tx| {
            let _behalf = session.on_behalf_of(reopened);
            reopen(tx, period, reason.trim(), &reopened.by, &reopened.stamp())
        })
    }

    /// The periods signed off so far, with who signed them and when.
    pub fn signoffs(&self) -> Result<Vec<(String, String, String)>> {
        let mut stmt = self
            .conn
            .prepare("SELECT period, signed_by, signed_at FROM signoffs ORDER BY period")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Signs a period off, storing every indicator's status for it and for the periods
    /// inside it (a quarter's months; a year's quarters and months). `statuses` are the
    /// assessments computed now, as (period, indicator, assessment). A member of
    /// Leadership Team signs off whatever their role, and the sign-off records their
    /// approval; a performance or admin user outside LT signs off with none on record.
    pub fn sign_off(
        &mut self,
        period: Period,
        statuses: &Freeze,
        today: chrono::NaiveDate,
    ) -> Result<()> {
        self.sign_off_approved(period, statuses, today, &Approve::default())
    }

    /// The approval signing off on `today` as `approve` asks would record: checked, with
    /// nothing written, so a preview shows it and a refusal comes before any question.
    pub fn approval_to_record(
        &self,
        approve: &Approve,
        today: chrono::NaiveDate,
    ) -> Result<ApprovalRecord> {
        let approval = signoff_approval::resolve(&self.conn, &self.actor()?, approve, today)?;
        Ok(ApprovalRecord::from(approval.as_ref()))
    }

    /// Signs a period off recording Leadership Team's approval as `approve` names it: a
    /// performance or admin user records the approval of an LT member (`approve.by`),
    /// optionally at LT's meeting (`approve.meeting`). Refused, with nothing written, for
    /// an approver not on LT or a meeting that is not one of LT's held by `today`.
    pub fn sign_off_approved(
        &mut self,
        period: Period,
        statuses: &Freeze,
        today: chrono::NaiveDate,
        approve: &Approve,
    ) -> Result<()> {
        let actor = self.actor()?;
        let approval = signoff_approval::resolve(&self.conn, &actor, approve, today)?;
        crate::domain::deadline::check_can_sign_off(period, today)?;
        let login = self.login.clone();
        let clock = self.session.clone();
        self.write(|tx| {
            insert_signoff(
                tx,
                period,
                statuses,
                (&login, &clock.now_stamp()),
                approval.as_ref(),
            )
        })
    }

    /// Records a sign-off made earlier by someone else (Leadership Team's, at last
    /// quarter's meeting), as history loaded from elsewhere: admin only. `statuses` are
    /// the assessments as they stood then; the sign-off and its audit rows name `signed`.
    pub fn sign_off_entered(
        &mut self,
        period: Period,
        statuses: &Freeze,
        signed: &Entered,
    ) -> Result<()> {
        self.actor()?
            .may_admin("record a sign-off made by others")
            .map_err(StoreError::Denied)?;
        crate::domain::deadline::check_can_sign_off(period, signed.at.date())?;
        if self.role_of(&signed.by)?.is_none() {
            return Err(StoreError::NotAUser(NotAUser {
                login: signed.by.clone(),
            }));
        }
        // A member of Leadership Team signing off records LT's approval, at LT's meeting
        // of that day if there was one.
        let day = crate::stamp::local_day(&signed.stamp()).unwrap_or(signed.at.date());
        let approval = signoff_approval::entered(&self.conn, &signed.by, day)?;
        let session = self.session.clone();
        self.write(|tx| {
            let _behalf = session.on_behalf_of(signed);
            insert_signoff(
                tx,
                period,
                statuses,
                (&signed.by, &signed.stamp()),
                approval.as_ref(),
            )
        })
    }
}

/// An assessment as sign-off keeps it: its fields as written out, but the rule and the
/// period compared with in their typed form, so what reads it back (the status key) asks
/// the rule which RAG rule judged, never its words. `Assessment`'s own `Deserialize` reads
/// it (and the words older sign-offs kept).
fn kept_json(a: &Assessment, shown: Option<&Assessment>) -> serde_json::Result<String> {
    let mut typed = vec![
        ("rule", serde_json::to_value(&a.rule)?),
        ("compared_with", serde_json::to_value(&a.compared_with)?),
    ];
    if let Some(shown) = shown {
        typed.push((SHOWN, serde_json::from_str(&kept_json(shown, None)?)?));
    }
    crate::domain::kept::typed_json(a, typed)
}

/// The field of a frozen status that holds what the period's reports show instead (the
/// latest available), where that differs; statuses frozen before it have none.
const SHOWN: &str = "shown";

fn insert_signoff(
    tx: &Transaction,
    period: Period,
    statuses: &Freeze,
    (by, at): (&str, &str),
    approval: Option<&Approval>,
) -> Result<()> {
    let done: Option<String> = tx
        .query_row(
            "SELECT signed_at FROM signoffs WHERE period = ?1",
            [period.to_string()],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(at) = done {
        return Err(StoreError::AlreadySignedOff { period, at });
    }
    let a = ApprovalRecord::from(approval);
    tx.execute(
        "INSERT INTO signoffs (period, signed_by, signed_at, approved_by, approver, approved_on, meeting)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            period.to_string(),
            by,
            at,
            a.approved_by,
            a.approver,
            a.approved_on,
            a.meeting
        ],
    )?;
    let mut insert = tx.prepare(
        "INSERT OR IGNORE INTO signoff_statuses (period, indicator, status) VALUES (?1, ?2, ?3)",
    )?;
    let shown: HashMap<(&str, &str), &Assessment> = statuses
        .shown
        .iter()
        .map(|(p, code, a)| ((p.as_str(), code.as_str()), a))
        .collect();
    for (p, code, a) in &statuses.indicators {
        let shown = shown.get(&(p.as_str(), code.as_str())).copied();
        // An assessment always serialises (plain fields); the error is there for the type.
        let json = kept_json(a, shown).map_err(|e| StoreError::Text(e.into()))?;
        insert.execute(params![p, code, json])?;
    }
    let mut insert = tx.prepare(
        "INSERT OR IGNORE INTO signoff_delivery (period, kind, code, status) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for d in &statuses.delivery {
        insert.execute(params![d.period, d.kind, d.code, d.status])?;
    }
    // And what the report shows beyond statuses: benchmarks and escalations.
    super::signoff_extras::freeze(tx, period, statuses, at)
}

/// Moves a sign-off table's rows for the periods a reopening reopens (`period` and those
/// inside it that no other sign-off in force covers) to its history table, under the
/// reopening's id. `columns` are the rows' columns, the same in both tables.
pub(super) fn move_reopened(
    tx: &Transaction,
    (id, period, others): (i64, Period, &[Period]),
    table: &str,
    history: &str,
    columns: &str,
) -> Result<()> {
    let periods: Vec<String> = {
        let mut stmt = tx.prepare(&format!("SELECT DISTINCT period FROM {table}"))?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
        rows.collect::<rusqlite::Result<Vec<_>>>()?
    };
    for p in periods {
        let reopened = p
            .parse::<Period>()
            .is_ok_and(|p| period.covers(p) && !others.iter().any(|o| o.covers(p)));
        if reopened {
            tx.execute(
                &format!(
                    "INSERT INTO {history} (reopening, {columns})
                     SELECT ?1, {columns} FROM {table} WHERE period = ?2"
                ),
                params![id, p],
            )?;
            tx.execute(&format!("DELETE FROM {table} WHERE period = ?1"), [&p])?;
        }
    }
    Ok(())
}

fn reopen(tx: &Transaction, period: Period, reason: &str, by: &str, at: &str) -> Result<Reopening> {
    let key = period.to_string();
    let signed: Option<(String, String, ApprovalRecord)> = tx
        .query_row(
            "SELECT signed_by, signed_at, approved_by, approver, approved_on, meeting
             FROM signoffs WHERE period = ?1",
            [&key],
            |r| Ok((r.get(0)?, r.get(1)?, ApprovalRecord::read(r, 2)?)),
        )
        .optional()?;
    let Some((signed_by, signed_at, approval)) = signed else {
        return Err(StoreError::NotSignedOff { period });
    };
    let others: Vec<Period> = {
        let mut stmt = tx.prepare("SELECT period FROM signoffs WHERE period <> ?1")?;
        let rows = stmt.query_map([&key], |r| r.get::<_, String>(0))?;
        rows.collect::<rusqlite::Result<Vec<_>>>()?
            .into_iter()
            .filter_map(|p| p.parse().ok())
            .collect()
    };
    if let Some(outer) = others.iter().find(|o| o.covers(period)) {
        return Err(StoreError::SignedOff {
            period,
            within: outer.to_string(),
        });
    }
    tx.execute(
        "INSERT INTO signoff_reopenings (period, signed_by, signed_at, reopened_by, reopened_at, reason,
                                         approved_by, approver, approved_on, meeting)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            key,
            signed_by,
            signed_at,
            by,
            at,
            reason,
            approval.approved_by,
            approval.approver,
            approval.approved_on,
            approval.meeting
        ],
    )?;
    let id = tx.last_insert_rowid();
    // The statuses this sign-off froze: those of the period and the periods inside it,
    // less any a smaller sign-off still in force froze (a month signed off on its own).
    let frozen: Vec<(String, String)> = {
        let mut stmt = tx.prepare("SELECT period, indicator FROM signoff_statuses")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
        rows.collect::<rusqlite::Result<Vec<_>>>()?
            .into_iter()
            .filter(|(p, _)| {
                p.parse::<Period>()
                    .is_ok_and(|p| period.covers(p) && !others.iter().any(|o| o.covers(p)))
            })
            .collect()
    };
    let mut keep = tx.prepare(
        "INSERT INTO signoff_history (reopening, period, indicator, status)
         SELECT ?1, period, indicator, status FROM signoff_statuses WHERE period = ?2 AND indicator = ?3",
    )?;
    let mut drop =
        tx.prepare("DELETE FROM signoff_statuses WHERE period = ?1 AND indicator = ?2")?;
    for (p, code) in &frozen {
        keep.execute(params![id, p, code])?;
        drop.execute(params![p, code])?;
    }
    // Delivery's frozen judgements, and what else sign-off froze, go on record the same way.
    move_reopened(
        tx,
        (id, period, &others),
        "signoff_delivery",
        "signoff_delivery_history",
        "period, kind, code, status",
    )?;
    move_reopened(
        tx,
        (id, period, &others),
        "signoff_extras",
        "signoff_extras_history",
        "period, benchmarks, escalated, settings, definitions",
    )?;
    tx.execute("DELETE FROM signoffs WHERE period = ?1", [&key])?;
    Ok(Reopening {
        id,
        period: key,
        signed_by,
        signed_at,
        reopened_by: by.to_string(),
        reopened_at: at.to_string(),
        reason: reason.to_string(),
        approval,
    })
}
