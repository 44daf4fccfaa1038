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

    /// May this person look at another officer's indicators (the interface's Entry tab
    /// for someone else)? Only those who manage every indicator's data.
    pub fn may_view_others(&self) -> bool {
        self.is_manager()
    }

    /// May this person record a value for an indicator with this owner and these
    /// data-entry officers?
    pub fn may_record(
        &self,
        code: &str,
        owner: &str,
        enterers: &[String],
    ) -> Result<(), RoleError> {
        match self.role {
            Some(Role::Admin | Role::Performance) => Ok(()),
            Some(Role::Officer) if owner == self.login || enterers.contains(&self.login) => Ok(()),
            Some(Role::Officer) => Err(RoleError::NotTheirs {
                who: self.describe(),
                code: code.to_string(),
                owner: if owner.is_empty() { "nobody" } else { owner }.to_string(),
            }),
            _ => Err(RoleError::ReadsOnly {
                who: self.describe(),
            }),
        }
    }

    /// May this person write a quarter's or year's narrative for an indicator with this
    /// owner and these data-entry officers? Those who may record its values.
    pub fn may_narrate(
        &self,
        code: &str,
        owner: &str,
        enterers: &[String],
    ) -> Result<(), RoleError> {
        self.may_record(code, owner, enterers).map_err(|e| match e {
            RoleError::NotTheirs { who, code, owner } => {
                RoleError::NotTheirNarrative { who, code, owner }
            }
            other => other,
        })
    }

    /// May this person record an update or review of a delivery item (an action, project
    /// or risk, named by `kind`) with this owner? Officers only their own.
    pub fn may_update(&self, kind: &str, code: &str, owner: &str) -> Result<(), RoleError> {
        match self.role {
            Some(Role::Admin | Role::Performance) => Ok(()),
            Some(Role::Officer) if owner == self.login => Ok(()),
            Some(Role::Officer) => Err(RoleError::NotOwner {
                who: self.describe(),
                kind: kind.to_string(),
                code: code.to_string(),
                owner: if owner.is_empty() { "nobody" } else { owner }.to_string(),
            }),
            _ => Err(RoleError::ReadsOnly {
                who: self.describe(),
            }),
        }
    }

    /// May this person make the published pack of a period (`pmdb publish`, the Rollup
    /// tab's `P`)? Reports are public by default, so whoever may read may make one: every
    /// role, and a login the database does not know, which reads only. Making it changes
    /// nothing in the database, and its files are written as the person's own.
    pub fn may_publish(&self) -> Result<(), RoleError> {
        // Every role named: a role added later is decided here, not let in unnoticed.
        match self.role {
            Some(Role::Admin | Role::Performance | Role::Officer | Role::Viewer) | None => Ok(()),
        }
    }

    /// May this person submit a case study (a story for the annual report)? Any officer,
    /// and the performance team and admins; choosing which are told is
    /// [`Actor::may_choose_case_studies`].
    pub fn may_submit_case_study(&self) -> Result<(), RoleError> {
        match self.role {
            Some(Role::Admin | Role::Performance | Role::Officer) => Ok(()),
            Some(Role::Viewer) | None => Err(RoleError::ReadsOnly {
                who: self.describe(),
            }),
        }
    }

    /// May this person choose which case studies the annual report tells (or change a
    /// case study already submitted)? The performance team and admins.
    pub fn may_choose_case_studies(&self) -> Result<(), RoleError> {
        self.may_manage("choose the case studies the annual report tells")
    }

    /// May this person change definitions, targets, settings or run imports?
    pub fn may_manage(&self, what: &str) -> Result<(), RoleError> {
        if self.is_manager() {
            Ok(())
        } else {
            Err(RoleError::NotManager {
                who: self.describe(),
                what: what.to_string(),
            })
        }
    }

    /// May this person close or note every agreed item of a meeting's agenda at once? The
    /// performance team and admins. Asked by the store before it writes, and by the
    /// interface before a note is typed.
    pub fn may_close_agreed(&self) -> Result<(), RoleError> {
        self.may_manage("close an agenda's agreed items")
    }

    /// May this person manage users?
    pub fn may_admin(&self, what: &str) -> Result<(), RoleError> {
        if self.role == Some(Role::Admin) {
            Ok(())
        } else {
            Err(RoleError::NotAdmin {
                who: self.describe(),
                what: what.to_string(),
            })
        }
    }
}

/// What a role does not allow, naming who asked and the rule.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum RoleError {
    #[error(
        "refused: {who} may record values only for indicators they own or enter data for; {code} is owned by {owner}"
    )]
    NotTheirs {
        who: String,
        code: String,
        owner: String,
    },
    #[error(
        "refused: {who} may write narratives only for indicators they own or enter data for; {code} is owned by {owner}"
    )]
    NotTheirNarrative {
        who: String,
        code: String,
        owner: String,
    },
    #[error("refused: {who} may update only the {kind}s they own; {code} is owned by {owner}")]
    NotOwner {
        who: String,
        kind: String,
        code: String,
        owner: String,
    },
    #[error("refused: {who} reads only")]
    ReadsOnly { who: String },
    #[error("refused: only admin and performance users may {what}; {who} may not")]
    NotManager { who: String, what: String },
    #[error("refused: only an admin may {what}; {who} is not one")]
    NotAdmin { who: String, what: String },
    /// The database must always keep an admin.
    #[error("refused: {login} is the only admin; make someone else admin first")]
    LastAdmin { login: String },
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
            officer
                .may_record("BN1", "mwood", &[])
                .unwrap_err()
                .to_string(),
            "refused: jpatel (officer) may record values only for indicators they own or enter data for; BN1 is owned by mwood"
        );
    }

    #[test]
    fn officers_update_only_the_delivery_they_own() {
        let officer = actor("jpatel", Some(Role::Officer));
        assert_eq!(officer.may_update("action", "A1", "jpatel"), Ok(()));
        assert_eq!(
            officer
                .may_update("risk", "R1", "mwood")
                .unwrap_err()
                .to_string(),
            "refused: jpatel (officer) may update only the risks they own; R1 is owned by mwood"
        );
        assert_eq!(
            actor("perf", Some(Role::Performance)).may_update("project", "P1", "mwood"),
            Ok(())
        );
        assert!(
            actor("cllr", Some(Role::Viewer))
                .may_update("action", "A1", "cllr")
                .is_err()
        );
    }

    #[test]
    fn any_officer_submits_a_case_study_and_the_performance_team_chooses() {
        let officer = actor("jpatel", Some(Role::Officer));
        assert_eq!(officer.may_submit_case_study(), Ok(()));
        assert_eq!(
            officer.may_choose_case_studies().unwrap_err().to_string(),
            "refused: only admin and performance users may choose the case studies the annual report tells; jpatel (officer) may not"
        );
        assert_eq!(
            actor("perf", Some(Role::Performance)).may_choose_case_studies(),
            Ok(())
        );
        assert_eq!(
            actor("cllr", Some(Role::Viewer))
                .may_submit_case_study()
                .unwrap_err()
                .to_string(),
            "refused: cllr (viewer) reads only"
        );
    }

    #[test]
    fn viewers_and_strangers_read_only() {
        assert_eq!(
            actor("cllr", Some(Role::Viewer))
                .may_record("BN1", "cllr", &[])
                .unwrap_err()
                .to_string(),
            "refused: cllr (viewer) reads only"
        );
        assert_eq!(
            actor("guest", None)
                .may_record("BN1", "guest", &[])
                .unwrap_err()
                .to_string(),
            "refused: guest (not a pmdb user) reads only"
        );
        assert!(actor("guest", None).may_manage("import").is_err());
    }

    #[test]
    fn whoever_may_read_may_publish() {
        for role in [
            Some(Role::Admin),
            Some(Role::Performance),
            Some(Role::Officer),
            Some(Role::Viewer),
            None,
        ] {
            assert_eq!(actor("someone", role).may_publish(), Ok(()), "{role:?}");
        }
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
                .unwrap_err()
                .to_string(),
            "refused: only an admin may add users; perf (performance) is not one"
        );
        assert_eq!(
            actor("root", Some(Role::Admin)).may_admin("add users"),
            Ok(())
        );
    }
}
