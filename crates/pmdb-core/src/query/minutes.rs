//! `pmdb minutes MEETING`: what was decided at a meeting — the history entries recorded on
//! its date for the items on its agenda — item by item, as Markdown or a self-contained
//! HTML page. Made only from stored entries (no clock, no order that can drift), so the
//! same meeting gives the same bytes every time.

use std::collections::BTreeMap;

use maud::{Markup, html};

use super::agenda::AgendaItem;
use super::exception_show::change_words;
use super::markdown_text::md;
use crate::store::{Dataset, HistoryEntry, MeetingRecord, Store};

/// One item of the minutes: the exception as it stood at the end of the meeting's day and
/// what was recorded on it that day.
#[derive(Debug, Clone, PartialEq)]
pub struct MinuteItem {
    pub id: i64,
    pub kind: String,
    pub subject: String,
    pub title: String,
    pub period: String,
    pub carried_forward: bool,
    pub figures: String,
    pub proposal: String,
    pub decision: String,
    /// The board's own outcome, where one was recorded.
    pub outcome: String,
    pub status: String,
    /// The member responsible (display name).
    pub member: String,
    pub due: String,
    /// Who recorded the day's entries (display names, in the order they first wrote).
    pub recorded_by: Vec<String>,
    /// The day's entries in words, each with who: "status: open → agreed (Jane Smith)".
    pub record: Vec<String>,
}

/// A meeting's minutes.
#[derive(Debug, Clone, PartialEq)]
pub struct Minutes {
    pub meeting: MeetingRecord,
    pub board: String,
    pub items: Vec<MinuteItem>,
    /// On the agenda with nothing recorded that day: "#16 PL02".
    pub nothing_recorded: Vec<String>,
}

/// The minutes of `meeting` as the store holds it now: its agenda, each item's history and
/// its board's name read, then [`minutes`]. What `pmdb minutes` and the interface both make.
pub fn of_meeting(store: &Store, meeting: &MeetingRecord) -> crate::store::Result<Minutes> {
    let agenda = super::agenda::load(store, meeting)?;
    let mut history = BTreeMap::new();
    for item in &agenda {
        history.insert(item.record.id, store.exception_history(item.record.id)?);
    }
    let board = store
        .boards()?
        .into_iter()
        .find(|b| b.code == meeting.board)
        .map_or_else(|| meeting.board.clone(), |b| b.name);
    let ds = store.dataset()?;
    Ok(minutes(&ds, meeting, &board, &agenda, &history))
}

/// The minutes of `meeting` from its agenda and each item's history.
pub fn minutes(
    ds: &Dataset,
    meeting: &MeetingRecord,
    board: &str,
    agenda: &[AgendaItem],
    history: &BTreeMap<i64, Vec<HistoryEntry>>,
) -> Minutes {
    let day = meeting.date.parse::<chrono::NaiveDate>().ok();
    let on_or_before = |h: &HistoryEntry| crate::stamp::local_day(&h.at) <= day;
    let mut items = Vec::new();
    let mut nothing_recorded = Vec::new();
    let empty = Vec::new();
    for a in agenda {
        let e = &a.record;
        let entries = history.get(&e.id).unwrap_or(&empty);
        let today: Vec<&HistoryEntry> = entries
            .iter()
            .filter(|h| day.is_some() && crate::stamp::local_day(&h.at) == day)
            .collect();
        if today.is_empty() {
            nothing_recorded.push(format!("#{} {}", e.id, e.subject));
            continue;
        }
        // Each field as it stood at the end of the day: its last change by then.
        let mut state: BTreeMap<&str, &str> = BTreeMap::from([("status", "open")]);
        for h in entries.iter().filter(|h| on_or_before(h)) {
            state.insert(&h.field, &h.new);
        }
        let field = |f: &str| state.get(f).map_or_else(String::new, |v| v.to_string());
        let mut recorded_by: Vec<String> = Vec::new();
        for h in &today {
            let who = ds.person_named(&h.by);
            if !recorded_by.contains(&who) {
                recorded_by.push(who);
            }
        }
        let member = field("board_member");
        items.push(MinuteItem {
            id: e.id,
            kind: e.kind.to_string(),
            subject: e.subject.clone(),
            title: ds.subject_title(&e.subject).unwrap_or_default().to_string(),
            period: e.period.clone(),
            carried_forward: a.carried_forward,
            figures: e.figures.clone(),
            proposal: field("proposal"),
            decision: field("decision"),
            outcome: field("outcome"),
            status: field("status"),
            member: if member.is_empty() {
                member
            } else {
                ds.person_named(&member)
            },
            due: field("escalation_due"),
            recorded_by,
            record: today
                .iter()
                .filter(|h| h.field != "closed_at")
                .map(|h| {
                    format!(
                        "{} ({})",
                        change_words(h, |l| ds.person_named(l), |s| s.to_string()),
                        ds.person_named(&h.by)
                    )
                })
                .collect(),
        });
    }
    Minutes {
        meeting: meeting.clone(),
        board: board.to_string(),
        items,
        nothing_recorded,
    }
}

fn title(m: &Minutes) -> String {
    format!("Minutes: {}, {}", m.board, m.meeting.date)
}

fn or_dash(t: &str) -> &str {
    if t.trim().is_empty() { "—" } else { t }
}

/// The lines each item shows, label and text, in order; the outcome only where recorded.
fn lines(i: &MinuteItem) -> Vec<(&'static str, String)> {
    let mut out = vec![
        ("Figures", i.figures.clone()),
        ("Officer's proposal", i.proposal.clone()),
        ("Decision", i.decision.clone()),
    ];
    if !i.outcome.is_empty() {
        out.push(("Board's outcome", i.outcome.clone()));
    }
    out.extend([
        ("Status after the meeting", i.status.clone()),
        ("Member responsible", i.member.clone()),
        ("Due", i.due.clone()),
        // "; " between people: a name with its job title holds a comma.
        ("Recorded by", i.recorded_by.join("; ")),
    ]);
    out
}

fn heading(i: &MinuteItem) -> String {
    let mut h = format!("{} {}", i.subject, i.title);
    h = h.trim_end().to_string();
    format!(
        "{h} ({}, {}; exception #{}){}",
        i.kind,
        i.period,
        i.id,
        if i.carried_forward {
            ", carried forward"
        } else {
            ""
        }
    )
}

fn summary(m: &Minutes) -> String {
    format!(
        "{} on the agenda; {} with entries recorded on {}.",
        crate::domain::label::counted(m.items.len() + m.nothing_recorded.len(), "item", "items"),
        m.items.len(),
        m.meeting.date
    )
}

/// The minutes as Markdown, every typed text made safe (`markdown_text::md`).
pub fn markdown(m: &Minutes) -> String {
    let mut out = format!("# {}\n\n", md(&title(m)));
    out.push_str(&format!(
        "Meeting #{} ({}): {}; period {}.\n\n{}\n",
        m.meeting.id,
        md(&m.meeting.board),
        md(&m.meeting.title),
        md(or_dash(&m.meeting.period)),
        summary(m)
    ));
    for (n, i) in m.items.iter().enumerate() {
        out.push_str(&format!("\n## {}. {}\n\n", n + 1, md(&heading(i))));
        for (label, text) in lines(i) {
            out.push_str(&format!("- {label}: {}\n", md(or_dash(&text))));
        }
        out.push_str("- Record:\n");
        for r in &i.record {
            out.push_str(&format!("  - {}\n", md(r)));
        }
    }
    if !m.nothing_recorded.is_empty() {
        out.push_str(&format!(
            "\nOn the agenda with nothing recorded that day: {}.\n",
            md(&m.nothing_recorded.join(", "))
        ));
    }
    out
}

/// The minutes as a self-contained HTML page in the reports' shell.
pub fn html(m: &Minutes) -> String {
    let text = |s: &str| crate::safe_text::lines(s).into_owned();
    let body: Markup = html! {
        h1 { (text(&title(m))) }
        p class="meta" {
            "Meeting #" (m.meeting.id) " (" (text(&m.meeting.board)) "): "
            (text(&m.meeting.title)) "; period " (text(or_dash(&m.meeting.period))) "."
        }
        p { (summary(m)) }
        @for (n, i) in m.items.iter().enumerate() {
            section {
                h2 { (n + 1) ". " (text(&heading(i))) }
                dl {
                    @for (label, value) in lines(i) {
                        dt { (label) }
                        dd { (text(or_dash(&value))) }
                    }
                    dt { "Record" }
                    dd { ul { @for r in &i.record { li { (text(r)) } } } }
                }
            }
        }
        @if !m.nothing_recorded.is_empty() {
            p { "On the agenda with nothing recorded that day: " (text(&m.nothing_recorded.join(", "))) "." }
        }
    };
    super::report_html::page(&title(m), body)
}
