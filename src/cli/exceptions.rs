//! `pmdb exceptions [filters]`, `pmdb exceptions raise --period P`,
//! `pmdb exceptions update ID …` (the meeting's record) and `pmdb exceptions show ID`
//! (one exception with its history).

use anyhow::{Result, anyhow};
use clap::{Args, Subcommand};
use serde_json::json;

use super::output::{json as print_json, table};
use super::{Env, period_arg};
use crate::domain::workflow::{ExceptionKind, ExceptionStatus, Step};
use crate::query::exception_show::{change_words, shown};
use crate::query::exceptions::{candidates, dataset_for, with_figures_now};
use crate::query::reviewable::check_reviewable;
use crate::stamp::for_people;
use crate::store::{ExceptionFilter, ExceptionUpdate};

#[derive(Args, Debug)]
pub struct ExceptionsArgs {
    #[command(subcommand)]
    action: Option<ExceptionAction>,
    /// Only this period.
    #[arg(long, value_name = "PERIOD")]
    period: Option<String>,
    /// open, proposed, agreed, escalated or closed.
    #[arg(long)]
    status: Option<String>,
    /// red, missing, action, project, milestone, risk, risk_review, eia, missing_update or
    /// request.
    #[arg(long)]
    kind: Option<String>,
    /// Only this service (code).
    #[arg(long)]
    service: Option<String>,
    /// This meeting's agenda (its number or BOARD:DATE, like PPG:2026-10-22): its own
    /// items, then those carried forward from its board's earlier meetings.
    #[arg(long, value_name = "ID|BOARD:DATE")]
    meeting: Option<String>,
}

#[derive(Subcommand, Debug)]
enum ExceptionAction {
    /// Raise one exception per red or missing value, overdue action and risk above its
    /// target score; raising again adds only what is new.
    Raise {
        #[arg(long, value_name = "PERIOD")]
        period: String,
    },
    /// Record a board's request for information or further work, or Scrutiny's
    /// recommendation (performance team): open, on the asking board's next agenda until
    /// closed, in the report of the month it is recorded in.
    Add {
        /// request.
        #[arg(long)]
        kind: String,
        /// The indicator, action, project, risk or plan node it is about.
        #[arg(long, value_name = "CODE")]
        subject: String,
        /// The asking board (a board's code, e.g. CAB or OSP).
        #[arg(long, value_name = "CODE")]
        board: String,
        /// What the board asks for.
        #[arg(long, allow_hyphen_values = true)]
        text: String,
        /// Who answers it (a login).
        #[arg(long, value_name = "LOGIN")]
        owner: String,
        /// When the answer is due (YYYY-MM-DD, DD/MM/YYYY or DD/MM/YY).
        #[arg(long, value_name = "DATE")]
        due: String,
    },
    /// One exception: its figures as raised and now, where it stands, and its history
    /// (each change with who and when).
    Show {
        /// The exception's number.
        id: i64,
    },
    /// Record the meeting: the officer's proposal (an open exception becomes proposed),
    /// PPG's decision, escalation to a board, that board's own outcome, closure, or a note
    /// for its history.
    Update {
        /// The exception's number.
        id: i64,
        /// open, proposed, agreed, escalated or closed.
        #[arg(long)]
        status: Option<String>,
        #[arg(long, allow_hyphen_values = true)]
        proposal: Option<String>,
        /// PPG's decision: the agreed action, or why it escalates.
        #[arg(long, allow_hyphen_values = true)]
        decision: Option<String>,
        /// The board PPG escalates to (a board's code; MB when escalating names none).
        #[arg(long, value_name = "CODE")]
        board: Option<String>,
        /// The board's own outcome, once it has met (kept apart from PPG's decision).
        #[arg(long, allow_hyphen_values = true)]
        outcome: Option<String>,
        /// The member of that board responsible (recorded with the board's outcome).
        #[arg(long, value_name = "LOGIN")]
        board_member: Option<String>,
        /// The date the board's member reports back by (YYYY-MM-DD, DD/MM/YYYY or DD/MM/YY).
        #[arg(long, value_name = "DATE")]
        due: Option<String>,
        /// A note for the exception's history (a Board's word, a date promised).
        #[arg(long, allow_hyphen_values = true)]
        note: Option<String>,
        /// Save only if the exception is still at this version.
        #[arg(long, value_name = "N")]
        expect_version: Option<i64>,
    },
    /// Close every agreed item of a meeting's agenda at once, with a note in each one's
    /// history (or with --keep-open only note them): all of them or none.
    Close {
        /// The meeting (its number or BOARD:DATE).
        #[arg(long, value_name = "ID|BOARD:DATE")]
        meeting: String,
        /// Which items: agreed.
        #[arg(long)]
        status: String,
        #[arg(long, allow_hyphen_values = true)]
        note: String,
        /// Only note them: they stay agreed.
        #[arg(long)]
        keep_open: bool,
    },
}

pub fn run(env: &Env, args: ExceptionsArgs) -> Result<()> {
    match args.action {
        Some(ExceptionAction::Raise { period }) => raise(env, &period),
        Some(ExceptionAction::Show { id }) => show(env, id),
        Some(ExceptionAction::Add {
            kind,
            subject,
            board,
            text,
            owner,
            due,
        }) => super::requests::add(env, &kind, subject, board, text, owner, &due),
        Some(ExceptionAction::Close {
            meeting,
            status,
            note,
            keep_open,
        }) => super::agenda::close(env, &meeting, &status, &note, keep_open),
        Some(ExceptionAction::Update {
            id,
            status,
            proposal,
            decision,
            board,
            outcome,
            board_member,
            due,
            note,
            expect_version,
        }) => {
            let step = Step {
                status: status
                    .as_deref()
                    .map(|s| {
                        s.parse::<ExceptionStatus>()
                            .map_err(|e| anyhow!("--status: {e}"))
                    })
                    .transpose()?,
                proposal,
                decision,
                board,
                outcome,
                board_member,
                escalation_due: due
                    .as_deref()
                    .map(|d| super::delivery::date_arg(d, "--due"))
                    .transpose()?,
                note,
            };
            let mut store = env.open()?;
            let rec = store.update_exception(&ExceptionUpdate {
                id,
                expected_version: expect_version,
                step,
            })?;
            if env.json {
                return print_json(&rec);
            }
            say!(
                "exception #{} is now {} (version {})",
                rec.id,
                rec.status,
                rec.version
            );
            Ok(())
        }
        None => list(env, args),
    }
}

fn show(env: &Env, id: i64) -> Result<()> {
    let store = env.read()?;
    let record = store.exception(id)?;
    let history = store.exception_history(id)?;
    // Its subject's rows (and delivery's, for an action's or risk's), not the council's.
    let ds = dataset_for(&store, std::slice::from_ref(&record))?;
    let mut e = shown(&ds, record.clone(), history, ds.context(env.today));
    // The periods linked to it since (a quarter raised while it was open).
    e.periods
        .extend(store.exception_periods()?.remove(&id).unwrap_or_default());
    if env.json {
        return print_json(&e);
    }
    let person = |login: &str| match ds.user(login) {
        Some(u) if u.name != login => format!("{} ({login})", u.name),
        _ => login.to_string(),
    };
    let when = |stamp: &str| for_people(stamp);
    let or_none = |t: &str| {
        if t.trim().is_empty() {
            "—".to_string()
        } else {
            t.to_string()
        }
    };
    let title = ds.subject_title(&e.subject).unwrap_or_default();
    say!(
        "Exception #{} · {} · {} {title} · {}",
        e.id,
        e.kind,
        e.subject,
        e.period
    );
    say!(
        "Status: {} · owner {}{}",
        e.status,
        person(&record.owner),
        if record.service.is_empty() {
            String::new()
        } else {
            format!(" · service {}", record.service)
        }
    );
    if e.periods.len() > 1 {
        say!("Periods: {}", e.periods.join(", "));
    }
    if record.kind == ExceptionKind::Request {
        // A board's request: who asked for what, by when; the owner's answer is the
        // proposal.
        say!("Asked by: {}", ds.board_title(&e.board));
        say!("Request: {}", e.figures);
        say!(
            "Due: {}",
            or_none(e.escalation_due.as_deref().unwrap_or_default())
        );
        say!("Answer: {}", or_none(&e.proposal));
        say!("Decision: {}", or_none(&e.decision));
    } else {
        say!("Figures as raised: {}", e.figures);
        if e.changed {
            say!("Figures now (changed): {}", e.figures_now);
        }
        say!("Officer's commentary: {}", or_none(&record.commentary));
        say!("Proposal: {}", or_none(&e.proposal));
        say!("PPG decision: {}", or_none(&e.decision));
    }
    if !e.board.is_empty() && record.kind != ExceptionKind::Request {
        let board = ds.board_title(&e.board);
        say!(
            "Escalated to: {board} · board's outcome: {}",
            or_none(&e.outcome)
        );
        say!(
            "Board member {} · due {}",
            or_none(&if e.board_member.is_empty() {
                String::new()
            } else {
                person(&e.board_member)
            }),
            or_none(e.escalation_due.as_deref().unwrap_or_default())
        );
    }
    if let Some(m) = record.meeting {
        let meetings = store.meetings()?;
        match meetings.iter().find(|x| x.id == m) {
            Some(x) => say!("Meeting: {} on {} ({})", x.board, x.date, x.title),
            None => say!("Meeting: #{m}"),
        }
    }
    if let Some(c) = &record.closed_at {
        say!("Closed: {}", when(c));
    }
    say!("History:");
    if e.history.is_empty() {
        say!("  (nothing recorded)");
    }
    let rows: Vec<Vec<String>> = e
        .history
        .iter()
        .map(|h| {
            vec![
                format!("  {}", when(&h.at)),
                person(&h.by),
                change_words(h, person, when),
            ]
        })
        .collect();
    let width = |n: usize| {
        rows.iter()
            .map(|r| crate::safe_text::width(&r[n]))
            .max()
            .unwrap_or(0)
    };
    let (w0, w1) = (width(0), width(1));
    for r in &rows {
        say!(
            "{}  {}  {}",
            crate::safe_text::pad(&r[0], w0),
            crate::safe_text::pad(&r[1], w1),
            r[2]
        );
    }
    Ok(())
}

fn raise(env: &Env, period: &str) -> Result<()> {
    let period = period_arg(period, "--period")?;
    let mut store = env.open()?;
    let ds = store.dataset()?;
    check_reviewable(&ds, period, env.today, "its exceptions cannot be raised")
        .map_err(|e| anyhow!(e))?;
    let found = candidates(&ds, period, &store.meetings()?, ds.context(env.today));
    let new = store.raise_exceptions(&found)?;
    if env.json {
        return print_json(
            &json!({ "period": period.to_string(), "found": found.len(), "raised": new }),
        );
    }
    say!(
        "{period}: {} found, {new} newly raised",
        crate::domain::label::counted(found.len(), "exception", "exceptions")
    );
    Ok(())
}

fn list(env: &Env, args: ExceptionsArgs) -> Result<()> {
    let filter = ExceptionFilter {
        period: args
            .period
            .as_deref()
            .map(|p| period_arg(p, "--period").map(|p| p.to_string()))
            .transpose()?,
        status: args
            .status
            .as_deref()
            .map(|s| {
                s.parse::<ExceptionStatus>()
                    .map_err(|e| anyhow!("--status: {e}"))
            })
            .transpose()?,
        kind: args
            .kind
            .as_deref()
            .map(|k| {
                k.parse::<ExceptionKind>()
                    .map_err(|e| anyhow!("--kind: {e}"))
            })
            .transpose()?,
        service: args.service,
        meeting: None,
    };
    if let Some(key) = &args.meeting {
        return super::agenda::list(env, key, &filter);
    }
    let store = env.read()?;
    let records = store.exceptions(&filter)?;
    // The rows of the indicators they name (and delivery's, if any is an action's or
    // risk's), not the council's.
    let ds = dataset_for(&store, &records)?;
    let rows = with_figures_now(&ds, records, ds.context(env.today));
    if env.json {
        return print_json(&json!({ "exceptions": rows }));
    }
    let lines: Vec<Vec<String>> = rows
        .iter()
        .map(|n| {
            let e = &n.record;
            // A figure that changed since the exception was raised shows both.
            let figures = n.figures_shown();
            vec![
                format!("#{}", e.id),
                e.period.clone(),
                e.kind.to_string(),
                e.subject.clone(),
                e.service.clone(),
                e.owner.clone(),
                e.status.to_string(),
                figures,
            ]
        })
        .collect();
    table(
        &[
            "id", "period", "kind", "subject", "service", "owner", "status", "figures",
        ],
        &lines,
    );
    say!(
        "{}",
        crate::domain::label::counted(rows.len(), "exception", "exceptions")
    );
    Ok(())
}
