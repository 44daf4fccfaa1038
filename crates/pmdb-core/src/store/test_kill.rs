//! For tests only: `PMDB_TEST_KILL_BACKUP=opened|copying|copied` kills the process
//! (SIGKILL, as `kill -9` would) at that point of `Store::backup`, so the test of what a
//! killed backup leaves reaches each point every run rather than by timing. `opened`: the
//! temporary made and opened, nothing copied; `copying`: one page copied; `copied`: every
//! page copied, not yet synced and renamed into place. Ignored when set-group-ID, as
//! `PMDB_TODAY` is: a variable never stops the council's program half-way.

/// The variable a test sets.
pub const VARIABLE: &str = "PMDB_TEST_KILL_BACKUP";

/// The point a test asked a backup to be killed at, if any.
pub struct TestKill(Option<String>);

impl TestKill {
    /// Read outside `privilege::as_person`, where set-group-ID shows.
    pub fn from_env() -> TestKill {
        if crate::privilege::set_group_id() {
            return TestKill(None);
        }
        TestKill(std::env::var(VARIABLE).ok())
    }

    /// Whether the test asked for a kill at `point`.
    pub fn asks(&self, point: &str) -> bool {
        self.0.as_deref() == Some(point)
    }

    /// Kills the process here if the test asked for it at `point`.
    pub fn here(&self, point: &str) {
        if self.asks(point) {
            let _ = nix::sys::signal::raise(nix::sys::signal::Signal::SIGKILL);
        }
    }
}
