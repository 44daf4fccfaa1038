//! `pmdb remind`: what each person owes by the one rule of what is owed — indicator values,
//! action and project updates, risk reviews, EIAs — and the message each gets on a day that
//! is one of the council's steps (`domain/remind.rs`), copied up the line as it grows late.
//! Judged as at a day, never the clock: a run for a day gives the same messages.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde::Serialize;

use crate::domain::assess::Context;
use crate::domain::deadline::{fmt_date, month_now_due};
use crate::domain::delivery::action::ActionState;
use crate::domain::delivery::project::ProjectState;
use crate::domain::delivery::{Calendar, Owed, UpdateFrequency};
use crate::domain::owed::Owing;
use crate::domain::period::{FinYear, Month, Period};
use crate::domain::remind::{CopiedIn, address};
use crate::domain::role::Role;
use crate::query::Thread;
use crate::store::{Dataset, delivery_read as read};

/// One thing owed, as a reminder lists it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Item {
    /// `value`, `action`, `project`, `risk_review` or `eia`.
    pub kind: &'static str,
    pub code: String,
    #[serde(skip)]
    pub title: String,
    pub period: String,
    pub deadline: NaiveDate,
    /// Days from the deadline (negative: still to come).
    pub days: i64,
    /// The service whose head is copied in once it is late.
    #[serde(skip)]
    service: Option<String>,
}

/// One person's message for the day.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Message {
    #[serde(skip)]
    pub login: String,
    #[serde(skip)]
    pub name: String,
    pub to: String,
    pub cc: Vec<String>,
    /// The latest step reached by any item: days from its deadline.
    pub step: i64,
    /// Everything the person owes, earliest deadline first.
    pub items: Vec<Item>,
}

/// The messages of `as_of`: one per person who has an item on one of its steps that day,
/// listing everything they owe from the first step on.
pub fn reminders(ds: &Dataset, as_of: NaiveDate, ctx: Context) -> Vec<Message> {
    let on = Context {
        today: as_of,
        ..ctx
    };
    let steps = &ds.settings.remind_steps;
    let thread = ds.thread();
    let mut owed: BTreeMap<String, Vec<Item>> = BTreeMap::new();
    let mut add = |owner: &str, item: Item| {
        if !owner.is_empty() && item.days >= steps.first() {
            owed.entry(owner.to_string()).or_default().push(item);
        }
    };
    for (owner, item) in values_owed(ds, &thread, on) {
        add(&owner, item);
    }
    for (owner, item) in delivery_owed(ds, &thread, on) {
        add(&owner, item);
    }
    let performance: Vec<String> = ds
        .users
        .iter()
        .filter(|u| u.role == Role::Performance)
        .map(|u| u.login.clone())
        .collect();
    let mail = |login: &str| {
        let email = ds.user(login).map(|u| u.email.as_str()).unwrap_or_default();
        address(login, email, &ds.settings.mail_domain)
    };
    let mut out = Vec::new();
    for (login, mut items) in owed {
        let Some(step) = items
            .iter()
            .filter(|i| steps.is_step(i.days))
            .map(|i| i.days)
            .max()
        else {
            continue;
        };
        items.sort_by(|a, b| (a.deadline, a.kind, &a.code).cmp(&(b.deadline, b.kind, &b.code)));
        let mut copied: BTreeSet<String> = BTreeSet::new();
        let copied_in = steps.copied_in(step);
        if copied_in >= CopiedIn::Head {
            // The heads of the services of what is late.
            for i in items.iter().filter(|i| i.days > 0) {
                if let Some(head) = i
                    .service
                    .as_deref()
                    .and_then(|s| ds.services.iter().find(|n| n.code == s))
                    .map(|n| n.lead.clone())
                    .filter(|h| !h.is_empty())
                {
                    copied.insert(head);
                }
            }
        }
        if copied_in == CopiedIn::HeadAndPerformance {
            copied.extend(performance.iter().cloned());
        }
        copied.remove(&login);
        out.push(Message {
            name: ds.person(&login).name.clone(),
            to: mail(&login),
            cc: copied.iter().map(|l| mail(l)).collect(),
            step,
            items,
            login,
        });
    }
    out
}

/// The values owed this year and last, not recorded, in periods not signed off.
fn values_owed(ds: &Dataset, thread: &Thread, on: Context) -> Vec<(String, Item)> {
    let this_year = Month::of(on.today).fin_year();
    let mut out = Vec::new();
    for rec in &ds.indicators {
        let i = &rec.indicator;
        if i.owner.is_empty() {
            continue;
        }
        let series = ds.series(rec);
        let service = ds.services_of(thread, rec).into_iter().next();
        for year in [FinYear(this_year.0 - 1), this_year] {
            for p in i.frequency.periods_in(year) {
                let (by, days) = match series.owing(p, on) {
                    Owing::Due { by } => (by, (on.today - by).num_days()),
                    Owing::Overdue { by, days } => (by, days),
                    Owing::NotCollected { .. } => continue,
                };
                let locked = super::signoff::record_covering(&ds.signoffs, p).is_some();
                if ds.value_at(&i.code, p).is_some() || locked {
                    continue;
                }
                out.push((
                    i.owner.clone(),
                    Item {
                        kind: "value",
                        code: i.code.clone(),
                        title: i.title.clone(),
                        period: p.to_string(),
                        deadline: by,
                        days,
                        service: service.clone(),
                    },
                ));
            }
        }
    }
    out
}

/// The service a delivery item belongs to, through its plan nodes.
fn service_of(thread: &Thread, nodes: &[&str]) -> Option<String> {
    nodes.iter().find_map(|n| {
        thread
            .ancestry(n)
            .into_iter()
            .find_map(|a| a.service.clone())
    })
}

/// The updates owed for the month now due by open actions and projects, the reviews of
/// open risks and the EIAs not completed.
fn delivery_owed(ds: &Dataset, thread: &Thread, on: Context) -> Vec<(String, Item)> {
    let month = month_now_due(on.today);
    let cal = Calendar {
        deadline_day: on.deadline_day,
        collect_from: ds.delivery.collect_from,
        today: on.today,
    };
    let days = |by: NaiveDate| (on.today - by).num_days();
    let mut out = Vec::new();
    // An open action or project owes the month's update until one covers it.
    let mut owes = |kind: &'static str,
                    record: (&str, &str),
                    plan: &[&str],
                    open: bool,
                    (frequency, start): (UpdateFrequency, Option<NaiveDate>),
                    latest: Option<Period>| {
        let owed = Owed::of(month, frequency, start, cal);
        if open && owed.owes && !latest.is_some_and(|u| owed.given_by(u)) {
            let service = service_of(thread, plan);
            out.push((
                record.0.to_string(),
                update(ds, kind, record.1, owed, days(owed.by), service),
            ));
        }
    };
    for row in ds.delivery.action_rows(month, on) {
        let Ok(a) = read::action(row.record) else {
            continue;
        };
        let open = match row.judgement.status {
            ActionState::Status(s) => s.is_open(),
            ActionState::Missing => true,
        };
        let latest = row.judgement.latest.as_ref().map(|u| u.period);
        let r = row.record;
        owes(
            "action",
            (&r.owner, &r.code),
            &row.plan,
            open,
            (a.frequency, a.start),
            latest,
        );
    }
    for row in ds.delivery.project_rows(month, on) {
        let Ok(p) = read::project(row.record) else {
            continue;
        };
        let open = match row.judgement.status {
            ProjectState::Status(s) => s.is_open(),
            ProjectState::Missing | ProjectState::NotStarted => true,
        };
        let latest = row.judgement.latest.as_ref().map(|u| u.period);
        let r = row.record;
        owes(
            "project",
            (&r.owner, &r.code),
            &row.plan,
            open,
            (p.frequency, p.start),
            latest,
        );
    }
    for row in ds.delivery.risk_rows(month) {
        let Some(due) = row.judgement.review_due.filter(|_| row.judgement.open) else {
            continue;
        };
        out.push((
            row.record.owner.clone(),
            Item {
                kind: "risk_review",
                code: row.record.code.clone(),
                title: row.record.title.clone(),
                period: Month::of(due).to_string(),
                deadline: due,
                days: days(due),
                service: service_of(thread, &row.plan),
            },
        ));
    }
    for e in &ds.delivery.eias {
        let Ok(eia) = read::eia(e) else {
            continue;
        };
        if eia.completed.is_some() {
            continue;
        }
        out.push((
            e.owner.clone(),
            Item {
                kind: "eia",
                code: e.code.clone(),
                title: e.title.clone(),
                period: Month::of(eia.due).to_string(),
                deadline: eia.due,
                days: days(eia.due),
                service: e.service.clone(),
            },
        ));
    }
    out
}

fn update(
    ds: &Dataset,
    kind: &'static str,
    code: &str,
    owed: Owed,
    days: i64,
    service: Option<String>,
) -> Item {
    Item {
        kind,
        code: code.to_string(),
        title: ds.delivery.title_of(code).unwrap_or_default().to_string(),
        period: owed.period.to_string(),
        deadline: owed.by,
        days,
        service,
    }
}

/// The message as `sendmail -t` reads it: headers (the addresses only, checked when they
/// were stored, so nothing typed can add a header), a blank line, the body in UTF-8 with
/// every typed text on one line.
pub fn mail_text(m: &Message, council: &str, as_of: NaiveDate) -> String {
    let line = |t: &str| crate::safe_text::line(t).into_owned();
    let late = m.items.iter().filter(|i| i.days > 0).count();
    let mut out = format!("To: {}\n", m.to);
    if !m.cc.is_empty() {
        out.push_str(&format!("Cc: {}\n", m.cc.join(", ")));
    }
    out.push_str(&format!(
        "Subject: pmdb reminder: {} owed, {late} overdue\n",
        crate::domain::label::counted(m.items.len(), "item", "items")
    ));
    out.push_str("MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\nAuto-Submitted: auto-generated\n\n");
    out.push_str(&format!("Dear {},\n\n", line(&m.name)));
    out.push_str(&format!(
        "As of {}, these are yours to record in pmdb for {}:\n\n",
        fmt_date(as_of),
        line(council)
    ));
    for i in &m.items {
        let when = match i.days {
            d if d < 0 => format!(
                "due {} (in {})",
                fmt_date(i.deadline),
                crate::domain::label::counted((-d) as usize, "day", "days")
            ),
            0 => format!("due today, {}", fmt_date(i.deadline)),
            d => format!(
                "was due {} ({} late)",
                fmt_date(i.deadline),
                crate::domain::label::counted(d as usize, "day", "days")
            ),
        };
        out.push_str(&format!(
            "- {} {} {}, {}: {when}\n",
            i.kind.replace('_', " "),
            line(&i.code),
            line(&i.title),
            i.period
        ));
    }
    if !m.cc.is_empty() {
        out.push_str("\nCopied to the head of service (and the performance team) because some of this is late.\n");
    }
    out.push_str("\nRecord them on pmdb's Entry tab, or `pmdb set` / `pmdb actions update` from a terminal.\n");
    out
}
