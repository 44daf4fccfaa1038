//! Leadership Team approves the figures: who may sign a period off, whose approval a
//! sign-off records, and how a report names the approver. "Leadership Team has full
//! oversight and approval … prior to submission": a member of LT signs off themselves,
//! whatever their role (the Chief Executive is rarely a performance user), and the
//! performance team may record LT's approval given at a meeting, naming the member.

use chrono::NaiveDate;

use super::role::{Actor, RoleError};

/// The board whose approval a sign-off records.
pub const LEADERSHIP_TEAM: &str = "LT";

/// What signing off was asked to record: the approver named (`--approved-by`), if any.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Asked<'a> {
    /// The login named as having approved, if any.
    pub approved_by: Option<&'a str>,
    /// Whether the person signing is a member of Leadership Team.
    pub signer_on_lt: bool,
    /// Whether the login named is a member of Leadership Team (false when none is named).
    pub named_on_lt: bool,
    /// Whether a meeting was named.
    pub meeting: bool,
}

/// Why a sign-off's approval is refused.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ApprovalError {
    #[error(transparent)]
    Role(#[from] RoleError),
    #[error(
        "refused: --approved-by: {login} is not a member of Leadership Team ({LEADERSHIP_TEAM}); its members are {members}"
    )]
    NotOnLt { login: String, members: String },
    #[error(
        "refused: only admin and performance users may record Leadership Team's approval for someone else; {who} may sign off only as themselves"
    )]
    NotForOthers { who: String },
    #[error(
        "--meeting: a meeting is the one at which Leadership Team approved: name who approved with --approved-by LOGIN"
    )]
    MeetingWithoutApprover,
}

/// Who approved a sign-off, as the rules allow it: `Ok(Some(login))` the LT member whose
/// approval is recorded, `Ok(None)` a performance or admin user's own sign-off with no
/// approval on record (as before approvals were kept). `members` lists LT's members, for
/// the refusal of a login not among them.
pub fn approver(
    actor: &Actor,
    asked: Asked,
    members: &[String],
) -> Result<Option<String>, ApprovalError> {
    match asked.approved_by {
        // Naming oneself is the same as signing off as an LT member.
        Some(login) if login == actor.login && asked.signer_on_lt => Ok(Some(login.to_string())),
        Some(login) => {
            if !actor.is_manager() {
                return Err(ApprovalError::NotForOthers {
                    who: match actor.role {
                        Some(r) => format!("{} ({r})", actor.login),
                        None => format!("{} (not a pmdb user)", actor.login),
                    },
                });
            }
            if !asked.named_on_lt {
                return Err(ApprovalError::NotOnLt {
                    login: login.to_string(),
                    members: if members.is_empty() {
                        "none yet (import board_members)".to_string()
                    } else {
                        members.join(", ")
                    },
                });
            }
            Ok(Some(login.to_string()))
        }
        None if asked.signer_on_lt => Ok(Some(actor.login.clone())),
        None => {
            actor.may_manage("sign off a period")?;
            if asked.meeting {
                return Err(ApprovalError::MeetingWithoutApprover);
            }
            Ok(None)
        }
    }
}

/// How a report names an approver: "Jane Mitchell, Chief Executive" from a display name
/// written as councils write it, "Jane Mitchell (Chief Executive)"; a name without a job
/// title as it is; the login when the user has no name.
/// A job title of the users file wins over one in brackets (see `Person::display`).
pub fn approver_label(login: &str, name: &str, title: &str) -> String {
    super::person::Person::new(login, name, title).display()
}

/// The approval as a report says it: "approved by Leadership Team (Jane Mitchell, Chief
/// Executive) on 2026-10-20".
pub fn approval_words(label: &str, on: &str) -> String {
    format!("approved by Leadership Team ({label}) on {on}")
}

/// A meeting named on the command line: its id (`pmdb meetings` lists them) or its board
/// and date, `LT:2026-10-20`.
#[derive(Debug, Clone, PartialEq)]
pub enum MeetingRef {
    Id(i64),
    BoardDate { board: String, date: NaiveDate },
}

impl std::str::FromStr for MeetingRef {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        let s = s.trim();
        let bad = || {
            format!(
                "--meeting: '{}' is not a meeting: give its id (a number) or its board and date, e.g. LT:2026-10-20",
                crate::safe_text::line(s)
            )
        };
        if let Some((board, date)) = s.split_once(':') {
            let board = board.trim();
            let ok = !board.is_empty() && board.chars().all(|c| c.is_ascii_alphanumeric());
            let date = NaiveDate::parse_from_str(date.trim(), "%Y-%m-%d").map_err(|_| bad())?;
            return if ok {
                Ok(MeetingRef::BoardDate {
                    board: board.to_string(),
                    date,
                })
            } else {
                Err(bad())
            };
        }
        match s.parse::<i64>() {
            Ok(id) if id > 0 => Ok(MeetingRef::Id(id)),
            _ => Err(bad()),
        }
    }
}

impl std::fmt::Display for MeetingRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            MeetingRef::Id(id) => write!(f, "{id}"),
            MeetingRef::BoardDate { board, date } => write!(f, "{board}:{date}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::role::Role;

    fn actor(login: &str, role: Role) -> Actor {
        Actor {
            login: login.into(),
            role: Some(role),
        }
    }

    fn asked(approved_by: Option<&str>, signer_on_lt: bool, named_on_lt: bool) -> Asked<'_> {
        Asked {
            approved_by,
            signer_on_lt,
            named_on_lt,
            meeting: false,
        }
    }

    #[test]
    fn an_lt_member_signs_off_whatever_their_role() {
        let ceo = actor("jmitchell", Role::Viewer);
        assert_eq!(
            approver(&ceo, asked(None, true, false), &[]),
            Ok(Some("jmitchell".into()))
        );
        assert_eq!(
            approver(&ceo, asked(Some("jmitchell"), true, true), &[]),
            Ok(Some("jmitchell".into()))
        );
        // An officer outside LT is refused as before.
        let officer = actor("dlee", Role::Officer);
        assert_eq!(
            approver(&officer, asked(None, false, false), &[])
                .unwrap_err()
                .to_string(),
            "refused: only admin and performance users may sign off a period; dlee (officer) may not"
        );
    }

    #[test]
    fn the_performance_team_records_an_lt_members_approval_only() {
        let perf = actor("lwhitfield", Role::Performance);
        let members = vec!["jmitchell".to_string(), "nhussain".to_string()];
        assert_eq!(
            approver(&perf, asked(Some("jmitchell"), false, true), &members),
            Ok(Some("jmitchell".into()))
        );
        assert_eq!(
            approver(&perf, asked(Some("bharper"), false, false), &members)
                .unwrap_err()
                .to_string(),
            "refused: --approved-by: bharper is not a member of Leadership Team (LT); its members are jmitchell, nhussain"
        );
        // Their own sign-off without an approver is kept as before; a meeting needs one.
        assert_eq!(
            approver(&perf, asked(None, false, false), &members),
            Ok(None)
        );
        let with_meeting = Asked {
            meeting: true,
            ..asked(None, false, false)
        };
        assert_eq!(
            approver(&perf, with_meeting, &members),
            Err(ApprovalError::MeetingWithoutApprover)
        );
        // An LT member who is not in the performance team names only themselves.
        let ceo = actor("jmitchell", Role::Officer);
        assert_eq!(
            approver(&ceo, asked(Some("nhussain"), true, true), &members)
                .unwrap_err()
                .to_string(),
            "refused: only admin and performance users may record Leadership Team's approval for someone else; jmitchell (officer) may sign off only as themselves"
        );
    }

    #[test]
    fn a_name_with_its_job_title_in_brackets_reads_name_comma_title() {
        assert_eq!(
            approver_label("jmitchell", "Jane Mitchell (Chief Executive)", ""),
            "Jane Mitchell, Chief Executive"
        );
        assert_eq!(
            approver_label(
                "nhussain",
                "Nadia Hussain (Director of Resources, s151)",
                ""
            ),
            "Nadia Hussain, Director of Resources, s151"
        );
        assert_eq!(approver_label("jm", "Jane Mitchell", ""), "Jane Mitchell");
        assert_eq!(approver_label("jm", "  ", ""), "jm");
        assert_eq!(
            approver_label("jm", "(Chief Executive)", ""),
            "(Chief Executive)"
        );
        assert_eq!(
            approver_label("jm", "Jane Mitchell", "Chief Executive"),
            "Jane Mitchell, Chief Executive"
        );
        assert_eq!(
            approval_words("Jane Mitchell, Chief Executive", "2026-10-20"),
            "approved by Leadership Team (Jane Mitchell, Chief Executive) on 2026-10-20"
        );
    }

    #[test]
    fn a_meeting_is_an_id_or_board_and_date() {
        assert_eq!("12".parse(), Ok(MeetingRef::Id(12)));
        assert_eq!(
            "LT:2026-10-20".parse(),
            Ok(MeetingRef::BoardDate {
                board: "LT".into(),
                date: NaiveDate::from_ymd_opt(2026, 10, 20).unwrap()
            })
        );
        for bad in [
            "0",
            "LT:2026-13-01",
            "LT",
            ":2026-10-20",
            "L T:2026-10-20",
            "x",
        ] {
            let err = bad.parse::<MeetingRef>().unwrap_err();
            assert!(
                err.ends_with("give its id (a number) or its board and date, e.g. LT:2026-10-20"),
                "{bad}: {err}"
            );
        }
    }
}
