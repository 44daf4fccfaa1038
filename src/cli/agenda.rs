//! `pmdb exceptions --meeting ID|BOARD:DATE` lists a meeting's agenda (its own items, then
//! those carried forward from its board's earlier meetings); `pmdb exceptions close
//! --meeting ID --status agreed --note TEXT` closes (or only notes) every agreed item of it
//! at once, all or nothing.

use anyhow::{Result, anyhow};
use serde_json::json;

use super::Env;
use super::output::{json as print_json, table};
use crate::domain::workflow::ExceptionStatus;
use crate::query::agenda::{AgendaItem, load};
use crate::query::exceptions::{dataset_for, with_figures_now};
use crate::store::{ExceptionFilter, MeetingRecord, Store};

/// The meeting asked for and its agenda.
pub fn agenda_of(store: &Store, key: &str) -> Result<(MeetingRecord, Vec<AgendaItem>)> {
    let meeting = store.meeting_named(key)?;
    let items = load(store, &meeting)?;
    Ok((meeting, items))
}

/// Lists the agenda, narrowed by the other filters given.
pub fn list(env: &Env, key: &str, f: &ExceptionFilter) -> Result<()> {
    let store = env.read()?;
    let (meeting, items) = agenda_of(&store, key)?;
    let items: Vec<AgendaItem> = items.into_iter().filter(|i| i.passes(f)).collect();
    let carried: Vec<(bool, Vec<String>)> = items
        .iter()
        .map(|i| (i.carried_forward, i.periods.clone()))
        .collect();
    let records: Vec<_> = items.into_iter().map(|i| i.record).collect();
    // The rows of the indicators on the agenda (and delivery's), not the council's.
    let ds = dataset_for(&store, &records)?;
    let rows = with_figures_now(&ds, records, ds.context(env.today));
    if env.json {
        let mut listed = Vec::new();
        for (n, (carried_forward, periods)) in rows.iter().zip(&carried) {
            let mut v = serde_json::to_value(n)?;
            v["periods"] = json!(periods);
            v["carried_forward"] = json!(carried_forward);
            listed.push(v);
        }
        return print_json(&json!({ "meeting": meeting, "exceptions": listed }));
    }
    say!(
        "Meeting #{}: {} on {} ({}), period {}",
        meeting.id,
        meeting.board,
        meeting.date,
        meeting.title,
        if meeting.period.is_empty() {
            "—"
        } else {
            &meeting.period
        }
    );
    let lines: Vec<Vec<String>> = rows
        .iter()
        .zip(&carried)
        .map(|(n, (carried_forward, _))| {
            let e = &n.record;
            vec![
                format!("#{}", e.id),
                e.period.clone(),
                e.kind.to_string(),
                e.subject.clone(),
                e.owner.clone(),
                e.status.to_string(),
                if *carried_forward {
                    "carried forward".into()
                } else {
                    String::new()
                },
                n.figures_shown(),
            ]
        })
        .collect();
    table(
        &[
            "id", "period", "kind", "subject", "owner", "status", "agenda", "figures",
        ],
        &lines,
    );
    say!(
        "{}",
        crate::domain::label::counted(rows.len(), "item", "items")
    );
    Ok(())
}

/// Closes (or only notes) every agreed item of the meeting's agenda.
pub fn close(env: &Env, key: &str, status: &str, note: &str, keep_open: bool) -> Result<()> {
    let status: ExceptionStatus = status.parse().map_err(|e| anyhow!("--status: {e}"))?;
    if status != ExceptionStatus::Agreed {
        return Err(anyhow!(
            "--status {status}: only an agenda's agreed items are closed at once; update the others one by one (pmdb exceptions update ID)"
        ));
    }
    let mut store = env.open()?;
    let (meeting, items) = agenda_of(&store, key)?;
    let ids: Vec<i64> = items
        .iter()
        .filter(|i| i.record.status == ExceptionStatus::Agreed)
        .map(|i| i.record.id)
        .collect();
    if ids.is_empty() {
        return Err(anyhow!(
            "meeting #{} ({} on {}) has no agreed item on its agenda: nothing was changed",
            meeting.id,
            meeting.board,
            meeting.date
        ));
    }
    let done = store.close_agreed(&ids, note, !keep_open)?;
    if env.json {
        return print_json(&json!({ "meeting": meeting.id, "exceptions": done }));
    }
    let list: Vec<String> = done.iter().map(|e| format!("#{}", e.id)).collect();
    say!(
        "meeting #{}: {} {} ({})",
        meeting.id,
        if keep_open { "noted" } else { "closed" },
        crate::domain::label::counted(done.len(), "agreed item", "agreed items"),
        list.join(", ")
    );
    Ok(())
}
