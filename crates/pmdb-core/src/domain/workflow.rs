//! The exception workflow at the Performance & Programme Group: raised (open), the
//! accountable officer's proposal, PPG's decision (agreed) or escalation to a board (the
//! Management Board unless PPG names another), the board's own outcome with its responsible
//! member and due date, recorded apart from PPG's decision, and closure.

use chrono::NaiveDate;
use serde::Serialize;

use super::indicator::words;
use super::role::{Actor, RoleError};

words!(
    /// Why an exception was raised.
    ExceptionKind, "exception kind" {
        Red = "red",
        Missing = "missing",
        Action = "action",
        Project = "project",
        Milestone = "milestone",
        Risk = "risk",
        RiskReview = "risk_review",
        Eia = "eia",
        MissingUpdate = "missing_update",
        // A board's request for information or further work (Cabinet's, or Scrutiny's
        // recommendation on a quarter's report), recorded by the performance team.
        Request = "request",
    }
);

words!(
    /// Where an exception stands.
    ExceptionStatus, "exception status" {
        Open = "open",
        Proposed = "proposed",
        Agreed = "agreed",
        Escalated = "escalated",
        Closed = "closed",
    }
);

/// A change to an exception's record, as PPG makes it.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Step {
    pub status: Option<ExceptionStatus>,
    pub proposal: Option<String>,
    pub decision: Option<String>,
    pub board_member: Option<String>,
    pub escalation_due: Option<NaiveDate>,
    /// The board PPG escalates to (a board's code); `MB` when escalating names none.
    pub board: Option<String>,
    /// The board's own outcome, recorded apart from PPG's decision.
    pub outcome: Option<String>,
    /// A note for the exception's history; it changes nothing else.
    pub note: Option<String>,
}

/// What the record holds now, as far as the workflow cares.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    pub status: ExceptionStatus,
    pub proposal: String,
    pub decision: String,
    pub board_member: String,
    pub escalation_due: Option<NaiveDate>,
    pub board: String,
    pub outcome: String,
}

/// The board an escalation goes to when PPG names none.
pub const DEFAULT_BOARD: &str = "MB";

/// A step the exception workflow does not allow, saying what is missing.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum WorkflowError {
    #[error("an exception that is {from} cannot become {to}")]
    NotAllowed {
        from: ExceptionStatus,
        to: ExceptionStatus,
    },
    #[error("record the officer's proposal first")]
    NoProposal,
    #[error("record the PPG decision first")]
    NoDecision,
    #[error(
        "the exception has not been escalated to a board yet: a board's outcome, member and due date are recorded once PPG escalates it"
    )]
    NotEscalated,
    #[error("a board is named when the exception is escalated to it: escalate it to name one")]
    BoardWithoutEscalation,
}

/// Applies a step, refusing moves the workflow does not allow and saying what is missing.
pub fn apply(state: &State, step: &Step) -> Result<State, WorkflowError> {
    use ExceptionStatus::*;
    let mut next = state.clone();
    if let Some(p) = &step.proposal {
        next.proposal = p.trim().to_string();
    }
    if let Some(d) = &step.decision {
        next.decision = d.trim().to_string();
    }
    if let Some(m) = &step.board_member {
        next.board_member = m.trim().to_string();
    }
    if step.escalation_due.is_some() {
        next.escalation_due = step.escalation_due;
    }
    if let Some(b) = &step.board {
        next.board = b.trim().to_string();
    }
    if let Some(o) = &step.outcome {
        next.outcome = o.trim().to_string();
    }
    // Giving an open exception its proposal proposes it, whichever door it comes in by
    // (`exceptions update ID --proposal T` as the interface's `p`).
    let proposing = state.status == Open
        && step
            .proposal
            .as_deref()
            .is_some_and(|p| !p.trim().is_empty());
    let to = step
        .status
        .unwrap_or(if proposing { Proposed } else { state.status });
    // One set of moves for the command line and the interface: open → proposed → agreed
    // or escalated → closed. An agreed action may still be escalated; the meeting may close
    // any exception (its figure came in); a closed one may be reopened. Agreeing or
    // escalating an open one passes through proposed, so it needs the proposal too.
    let allowed = match (state.status, to) {
        (a, b) if a == b => true,
        (Open, Proposed | Agreed | Escalated) => true,
        (Proposed, Agreed | Escalated) => true,
        (Agreed, Escalated) => true,
        (Open | Proposed | Agreed | Escalated, Closed) => true,
        (Closed, Open) => true,
        _ => false,
    };
    if !allowed {
        return Err(WorkflowError::NotAllowed {
            from: state.status,
            to,
        });
    }
    match to {
        Proposed | Agreed | Escalated if next.proposal.is_empty() => {
            return Err(WorkflowError::NoProposal);
        }
        Agreed if next.decision.is_empty() => return Err(WorkflowError::NoDecision),
        _ => {}
    }
    // Escalating names a board, the Management Board by default; a board's member is
    // named when that board meets, not in advance.
    if step.board.is_some() && to != Escalated {
        return Err(WorkflowError::BoardWithoutEscalation);
    }
    if to == Escalated && next.board.is_empty() {
        next.board = DEFAULT_BOARD.to_string();
    }
    // The board's part (its outcome, member and due date) waits for an escalation: an
    // exception never escalated has no board to decide.
    let boards_part_given = step.outcome.is_some()
        || step
            .board_member
            .as_deref()
            .is_some_and(|m| !m.trim().is_empty())
        || step.escalation_due.is_some();
    if boards_part_given && (next.board.is_empty() || !matches!(to, Escalated | Closed)) {
        return Err(WorkflowError::NotEscalated);
    }
    next.status = to;
    Ok(next)
}

/// Whether a step is the accountable officer's part only: a proposal (which may propose the
/// exception) and nothing else.
pub fn officers_part(step: &Step) -> bool {
    step.decision.is_none()
        && step.board_member.is_none()
        && step.escalation_due.is_none()
        && step.board.is_none()
        && step.outcome.is_none()
        && matches!(step.status, None | Some(ExceptionStatus::Proposed))
}

/// Whether a step is the board's part only: its outcome, responsible member, due date and
/// notes, which a member of the board the exception went to may record themselves.
pub fn boards_part(step: &Step) -> bool {
    step.status.is_none()
        && step.proposal.is_none()
        && step.decision.is_none()
        && step.board.is_none()
        && (step.outcome.is_some() || step.board_member.is_some() || step.escalation_due.is_some())
}

/// Who may record on an exception owned by `owner`: the officer who owns it their proposal
/// and notes (`officers_part`), the performance team everything. The store refuses by this
/// rule and the interface offers its keys by it.
pub fn may_record(actor: &Actor, owner: &str, officers_part: bool) -> Result<(), RoleError> {
    let own = officers_part
        && owner == actor.login
        && actor.role.is_some_and(|r| r != super::role::Role::Viewer);
    if own {
        Ok(())
    } else {
        actor.may_manage("record PPG decisions")
    }
}

/// Who may record a board's outcome, member and due date: a member of that board
/// (`on_the_board`), whatever their role, or the performance team. `board` is the board as
/// `board_words` says it.
pub fn may_record_outcome(actor: &Actor, on_the_board: bool, board: &str) -> Result<(), RoleError> {
    if on_the_board {
        Ok(())
    } else {
        actor.may_manage(&format!(
            "record {board}'s outcome (its members and the performance team do)"
        ))
    }
}

/// A board as a sentence names it: "the Management Board (MB)", or "board X" when it has
/// no name (or the council no longer has it).
pub fn board_words(code: &str, name: Option<&str>) -> String {
    let code = crate::safe_text::line(code);
    match name.filter(|n| !n.trim().is_empty()) {
        Some(n) => format!("the {} ({code})", crate::safe_text::line(n)),
        None => format!("board {code}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ExceptionStatus::*;

    #[test]
    fn a_proposal_given_to_an_open_exception_proposes_it() {
        let s = apply(
            &open(),
            &Step {
                proposal: Some("Agency cover for three months".into()),
                ..Step::default()
            },
        )
        .unwrap();
        assert_eq!(
            (s.status, s.proposal.as_str()),
            (Proposed, "Agency cover for three months")
        );
        // An agreed one keeps its status when its proposal is reworded; a blank proposal
        // proposes nothing.
        let agreed = State {
            status: Agreed,
            proposal: "Agency cover".into(),
            decision: "Agreed".into(),
            ..open()
        };
        let step = Step {
            proposal: Some("Agency cover for six months".into()),
            ..Step::default()
        };
        assert_eq!(apply(&agreed, &step).unwrap().status, Agreed);
        let blank = Step {
            proposal: Some("  ".into()),
            ..Step::default()
        };
        assert_eq!(apply(&open(), &blank).unwrap().status, Open);
    }

    #[test]
    fn the_owner_records_the_proposal_and_the_performance_team_the_rest() {
        use crate::domain::role::Role;
        let who = |login: &str, role| Actor {
            login: login.into(),
            role: Some(role),
        };
        assert!(may_record(&who("glewis", Role::Officer), "glewis", true).is_ok());
        assert!(may_record(&who("glewis", Role::Officer), "glewis", false).is_err());
        assert!(may_record(&who("glewis", Role::Officer), "alee", true).is_err());
        assert!(may_record(&who("glewis", Role::Viewer), "glewis", true).is_err());
        assert!(may_record(&who("perf", Role::Performance), "alee", false).is_ok());
    }

    fn open() -> State {
        State {
            status: Open,
            proposal: String::new(),
            decision: String::new(),
            board_member: String::new(),
            escalation_due: None,
            board: String::new(),
            outcome: String::new(),
        }
    }

    #[test]
    fn the_meeting_records_proposal_decision_and_closure() {
        let s = apply(
            &open(),
            &Step {
                status: Some(Proposed),
                proposal: Some("Agency staff for 3 months".into()),
                ..Step::default()
            },
        )
        .unwrap();
        assert_eq!(s.status, Proposed);
        let s = apply(
            &s,
            &Step {
                status: Some(Agreed),
                decision: Some("Agreed; review in March".into()),
                ..Step::default()
            },
        )
        .unwrap();
        assert_eq!(
            (s.status, s.decision.as_str()),
            (Agreed, "Agreed; review in March")
        );
        let s = apply(
            &s,
            &Step {
                status: Some(Closed),
                ..Step::default()
            },
        )
        .unwrap();
        assert_eq!(s.status, Closed);
    }

    #[test]
    fn escalation_names_a_board_and_the_board_records_its_own_outcome() {
        let proposed = State {
            status: Proposed,
            proposal: "Agency cover for three months".into(),
            decision: "Escalate: needs budget".into(),
            ..open()
        };
        // Escalating needs no member in advance; the board is the Management Board unless
        // PPG names another.
        let s = apply(
            &proposed,
            &Step {
                status: Some(Escalated),
                ..Step::default()
            },
        )
        .unwrap();
        assert_eq!((s.status, s.board.as_str()), (Escalated, "MB"));
        let to_cabinet = apply(
            &proposed,
            &Step {
                status: Some(Escalated),
                board: Some("CAB".into()),
                ..Step::default()
            },
        )
        .unwrap();
        assert_eq!(to_cabinet.board, "CAB");
        // The board's outcome, member and due date sit apart from PPG's decision.
        let decided = apply(
            &to_cabinet,
            &Step {
                outcome: Some("Fund agency cover to March".into()),
                board_member: Some("cllr.lee".into()),
                escalation_due: "2026-12-31".parse().ok(),
                ..Step::default()
            },
        )
        .unwrap();
        assert_eq!(
            (
                decided.decision.as_str(),
                decided.outcome.as_str(),
                decided.board_member.as_str(),
                decided.status
            ),
            (
                "Escalate: needs budget",
                "Fund agency cover to March",
                "cllr.lee",
                Escalated
            )
        );
        // Before an escalation there is no board to decide.
        for step in [
            Step {
                outcome: Some("x".into()),
                ..Step::default()
            },
            Step {
                board_member: Some("cllr.lee".into()),
                ..Step::default()
            },
        ] {
            assert_eq!(apply(&proposed, &step), Err(WorkflowError::NotEscalated));
        }
        // A board is named by escalating, not on its own.
        assert_eq!(
            apply(
                &proposed,
                &Step {
                    board: Some("CAB".into()),
                    ..Step::default()
                }
            ),
            Err(WorkflowError::BoardWithoutEscalation)
        );
        assert!(boards_part(&Step {
            outcome: Some("x".into()),
            ..Step::default()
        }));
        assert!(!boards_part(&Step {
            outcome: Some("x".into()),
            decision: Some("y".into()),
            ..Step::default()
        }));
    }

    #[test]
    fn steps_that_skip_what_is_needed_are_refused() {
        assert_eq!(
            apply(
                &open(),
                &Step {
                    status: Some(Proposed),
                    ..Step::default()
                }
            )
            .unwrap_err()
            .to_string(),
            "record the officer's proposal first"
        );
        // The command line and the interface alike: an open exception is not agreed
        // before the officer's proposal is on record.
        assert_eq!(
            apply(
                &open(),
                &Step {
                    status: Some(Agreed),
                    decision: Some("Agency cover".into()),
                    ..Step::default()
                }
            ),
            Err(WorkflowError::NoProposal)
        );
        let proposed = State {
            status: Proposed,
            proposal: "Agency cover for three months".into(),
            ..open()
        };
        assert_eq!(
            apply(
                &proposed,
                &Step {
                    status: Some(Agreed),
                    ..Step::default()
                }
            )
            .unwrap_err()
            .to_string(),
            "record the PPG decision first"
        );
        let closed = State {
            status: Closed,
            ..open()
        };
        assert_eq!(
            apply(
                &closed,
                &Step {
                    status: Some(Agreed),
                    ..Step::default()
                }
            )
            .unwrap_err()
            .to_string(),
            "an exception that is closed cannot become agreed"
        );
        assert_eq!(
            apply(
                &closed,
                &Step {
                    status: Some(Open),
                    ..Step::default()
                }
            )
            .unwrap()
            .status,
            Open
        );
    }
}
