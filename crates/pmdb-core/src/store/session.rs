//! Who the audit log says made a change, and when. Every connection registers the SQL
//! functions `pmdb_login()` and `pmdb_now()` that the audit triggers call; both read the
//! store's `Session`: the store's own login and the clock, except while history is being
//! loaded on someone's behalf (`Store::import_values_entered`,
//! `Store::sign_off_entered`), when they give the officer who entered it and the time.

use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::Connection;
use rusqlite::functions::FunctionFlags;

/// Who entered something and when: a value typed into another system two years ago, a
/// quarter signed off at last month's meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entered {
    pub by: String,
    /// UTC, as every instant pmdb records.
    pub at: NaiveDateTime,
}

impl Entered {
    /// The instant as pmdb writes it: `2026-11-12T10:42:07.000Z`.
    pub fn stamp(&self) -> String {
        stamp(self.at)
    }
}

fn stamp(at: NaiveDateTime) -> String {
    at.format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()
}

/// The login of the store and, while history is loaded, who it is recorded as.
#[derive(Clone)]
pub(super) struct Session {
    login: String,
    behalf: Arc<Mutex<Option<Entered>>>,
    /// `PMDB_TODAY`: the day every instant pmdb records falls on (the time of day is the
    /// clock's), so tests and demonstrations record what they say.
    today: Arc<Mutex<Option<NaiveDate>>>,
}

impl Session {
    pub fn new(login: &str) -> Session {
        Session {
            login: login.to_string(),
            behalf: Arc::default(),
            today: Arc::default(),
        }
    }

    /// A session for `login`, its instants recorded on `day` if one is given
    /// (`PMDB_TODAY`): what every opening of a store starts with.
    pub fn on(login: &str, day: Option<NaiveDate>) -> Session {
        let session = Session::new(login);
        if let Some(day) = day {
            session.pin_today(day);
        }
        session
    }

    /// Records every later instant on `day`.
    pub fn pin_today(&self, day: NaiveDate) {
        *self.today.lock().unwrap_or_else(PoisonError::into_inner) = Some(day);
    }

    /// The pinned day, if any.
    pub fn pinned(&self) -> Option<NaiveDate> {
        *self.today.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Now, as pmdb records it: the clock, on the pinned day if there is one. The pinned
    /// day is the council's (local) day, as `today` is, so an instant recorded just after
    /// midnight in summer time still falls on it where people read it.
    pub fn now_stamp(&self) -> String {
        let now = chrono::Utc::now();
        let day = *self.today.lock().unwrap_or_else(PoisonError::into_inner);
        let at = match day {
            Some(d) => {
                let local_time = now.with_timezone(&chrono::Local).time();
                crate::stamp::on_local_day(d, local_time)
            }
            None => now,
        };
        stamp(at.naive_utc())
    }

    /// Now as a record written now says it: the instant of whoever it is recorded on
    /// behalf of, else [`Session::now_stamp`].
    pub fn recorded_now(&self) -> String {
        self.now()
    }

    fn behalf(&self) -> MutexGuard<'_, Option<Entered>> {
        // A panic elsewhere cannot leave an Option half-written: carry on with it.
        self.behalf.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Records the writes that follow as `entered`'s, until `Behalf` is dropped.
    pub fn on_behalf_of(&self, entered: &Entered) -> Behalf {
        *self.behalf() = Some(entered.clone());
        Behalf(self.clone())
    }

    fn login(&self) -> String {
        self.behalf()
            .as_ref()
            .map_or_else(|| self.login.clone(), |e| e.by.clone())
    }

    fn now(&self) -> String {
        let behalf = self.behalf().clone();
        behalf.map_or_else(|| self.now_stamp(), |e| e.stamp())
    }

    /// Registers `pmdb_login()` and `pmdb_now()` on a connection.
    pub fn register(&self, conn: &Connection) -> rusqlite::Result<()> {
        let s = self.clone();
        conn.create_scalar_function("pmdb_login", 0, FunctionFlags::SQLITE_UTF8, move |_| {
            Ok(s.login())
        })?;
        let s = self.clone();
        conn.create_scalar_function("pmdb_now", 0, FunctionFlags::SQLITE_UTF8, move |_| {
            Ok(s.now())
        })
    }
}

/// While alive, writes are recorded on someone else's behalf; dropping it (also on an
/// error or a retried transaction) puts the store's own login and the clock back.
pub(super) struct Behalf(Session);

impl Drop for Behalf {
    fn drop(&mut self) {
        *self.0.behalf() = None;
    }
}
