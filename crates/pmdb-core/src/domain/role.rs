//! Who may do what. Identity is the operating-system login; the database maps it to a
//! role. A login the database does not know reads only.

use serde::Serialize;

use super::indicator::words;

words!(
    /// A user's role.
    Role, "role" { Admin = "admin", Performance = "performance", Officer = "officer", Viewer = "viewer" }
);

/// The person running a command.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Actor {
    pub login: String,
    /// None: a login the database does not know.
    pub role: Option<Role>,
}

impl Actor {
    fn describe(&self) -> String {
        match self.role {
            Some(r) => format!("{} ({r})", self.login),
            None => format!("{} (not a pmdb user)", self.login),
        }
    }

    /// Admins and the performance team manage the data of every indicator.
    pub fn is_manager(&self) -> bool {
        matches!(self.role, Some(Role::Admin | Role::Performance))
    }

    /// May this person record a value for an indicator with this owner and these
    /// data-entry officers?
    pub fn may_record(&self, code: &str, owner: &str, enterers: &[String]) -> Result<(), String> {
        match self.role {
            Some(Role::Admin | Role::Performance) => Ok(()),
            Some(Role::Officer) if owner == self.login || enterers.contains(&self.login) => Ok(()),
            Some(Role::Officer) => Err(format!(
                "refused: {} may record values only for indicators they own or enter data for; {code} is owned by {}",
                self.describe(),
                if owner.is_empty() { "nobody" } else { owner }
            )),
            _ => Err(format!("refused: {} reads only", self.describe())),
        }
    }

    /// May this person change definitions, targets, settings or run imports?
    pub fn may_manage(&self, what: &str) -> Result<(), String> {
        if self.is_manager() {
            Ok(())
        } else {
            Err(format!(
                "refused: only admin and performance users may {what}; {} may not",
                self.describe()
            ))
        }
    }

    /// May this person manage users?
    pub fn may_admin(&self, what: &str) -> Result<(), String> {
        if self.role == Some(Role::Admin) {
            Ok(())
        } else {
            Err(format!(
                "refused: only an admin may {what}; {} is not one",
                self.describe()
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(login: &str, role: Option<Role>) -> Actor {
        Actor {
            login: login.into(),
            role,
        }
    }

    #[test]
    fn officers_record_only_their_own_indicators() {
        let officer = actor("jpatel", Some(Role::Officer));
        assert_eq!(officer.may_record("BN1", "jpatel", &[]), Ok(()));
        assert_eq!(
            officer.may_record("BN1", "someone", &["jpatel".into()]),
            Ok(())
        );
        assert_eq!(
            officer.may_record("BN1", "mwood", &[]).unwrap_err(),
            "refused: jpatel (officer) may record values only for indicators they own or enter data for; BN1 is owned by mwood"
        );
    }

    #[test]
    fn viewers_and_strangers_read_only() {
        assert_eq!(
            actor("cllr", Some(Role::Viewer))
                .may_record("BN1", "cllr", &[])
                .unwrap_err(),
            "refused: cllr (viewer) reads only"
        );
        assert_eq!(
            actor("guest", None)
                .may_record("BN1", "guest", &[])
                .unwrap_err(),
            "refused: guest (not a pmdb user) reads only"
        );
        assert!(actor("guest", None).may_manage("import").is_err());
    }

    #[test]
    fn managers_and_admins() {
        assert_eq!(
            actor("perf", Some(Role::Performance)).may_record("BN1", "x", &[]),
            Ok(())
        );
        assert_eq!(
            actor("perf", Some(Role::Performance)).may_manage("import targets"),
            Ok(())
        );
        assert_eq!(
            actor("perf", Some(Role::Performance))
                .may_admin("add users")
                .unwrap_err(),
            "refused: only an admin may add users; perf (performance) is not one"
        );
        assert_eq!(
            actor("root", Some(Role::Admin)).may_admin("add users"),
            Ok(())
        );
    }
}
