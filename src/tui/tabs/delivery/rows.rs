//! The Delivery tab's rows, built once per period and data read from what
//! `query::delivery` judged: owned text for each list's columns, the full record the
//! detail pane shows, and the heat map. Nothing is judged here, only written out.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::domain::delivery::DeliveryRag;
use crate::domain::delivery::risk::RiskBands;
use crate::domain::period::Period;
use crate::query::delivery::risk_heat_map;
use crate::query::delivery::{ActionRow, EiaRow, ProjectRow, RiskRow};
use crate::tui::data::Data;

/// The tab's four lists, in the order `h`/`l` walk them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Actions,
    Projects,
    Risks,
    Eias,
}

impl Section {
    pub const ALL: [Section; 4] = [
        Section::Actions,
        Section::Projects,
        Section::Risks,
        Section::Eias,
    ];

    pub fn index(self) -> usize {
        self as usize
    }

    pub fn name(self) -> &'static str {
        match self {
            Section::Actions => "Actions",
            Section::Projects => "Projects",
            Section::Risks => "Risks",
            Section::Eias => "EIAs",
        }
    }

    /// As a sentence says it: "No actions recorded".
    pub fn plural(self) -> &'static str {
        match self {
            Section::Actions => "actions",
            Section::Projects => "projects",
            Section::Risks => "risks",
            Section::Eias => "EIAs",
        }
    }

    /// The headers of the columns after the title.
    pub fn headers(self) -> &'static [&'static str] {
        match self {
            Section::Actions => &["Owner", "Due", "Status", "Done"],
            Section::Projects => &["Owner", "Finish", "Status", "Late"],
            Section::Risks => &["Score", "Tgt", "Above", "Dir", "Review"],
            Section::Eias => &["Owner", "Due", "Completed", "Status"],
        }
    }
}

/// A milestone as the project's record shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct MilestoneLine {
    pub title: String,
    pub due: String,
    pub forecast: String,
    pub done: String,
    pub late: bool,
}

/// One row of a list and the record behind it.
#[derive(Debug, Clone)]
pub struct Item {
    pub code: String,
    pub title: String,
    pub rag: DeliveryRag,
    /// The columns after the title, as `Section::headers` names them.
    pub cells: Vec<String>,
    pub rule: String,
    /// The full record, label and value, as the detail pane writes it.
    pub record: Vec<(&'static str, String)>,
    pub milestones: Vec<MilestoneLine>,
    /// Lower-case text the `/` filter looks in.
    search: String,
}

impl Item {
    pub fn matches(&self, filter_lower: &str) -> bool {
        filter_lower.is_empty() || self.search.contains(filter_lower)
    }

    fn finish(mut self, owner_name: &str) -> Item {
        self.search = [
            self.code.as_str(),
            &self.title,
            &self.rule,
            owner_name,
            &self.cells.join(" "),
        ]
        .join(" ")
        .to_lowercase();
        self
    }
}

/// A list's rows and the width each column needs.
#[derive(Debug, Clone, Default)]
pub struct Rows {
    pub items: Vec<Item>,
    pub widths: Vec<usize>,
}

impl Rows {
    fn of(section: Section, items: Vec<Item>) -> Rows {
        let widths = section
            .headers()
            .iter()
            .enumerate()
            .map(|(n, h)| {
                items
                    .iter()
                    .filter_map(|i| i.cells.get(n))
                    .map(|c| crate::safe_text::width(c))
                    .chain([crate::safe_text::width(h)])
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        Rows { items, widths }
    }
}

/// Everything the tab shows for one period.
#[derive(Debug, Clone, Default)]
pub struct Judged {
    pub lists: [Rows; 4],
    /// Open risks by likelihood and impact: `heat[l - 1][i - 1]`.
    pub heat: [[u32; 5]; 5],
    pub bands: RiskBands,
}

impl Judged {
    pub fn of(data: &Data, period: Period) -> Judged {
        let d = &data.ds.delivery;
        let ctx = data.ctx();
        let mut risks = d.risk_rows(period);
        // The opportunities listed apart, after the risks, each marked; never in the map.
        risks.sort_by_key(|r| r.is_opportunity());
        let heat = risk_heat_map(&risks);
        // Each review's commentary by risk and date, found once: not a scan per risk.
        let said: HashMap<(&str, &str), &str> = d
            .risk_reviews
            .iter()
            .map(|v| ((v.risk.as_str(), v.date.as_str()), v.commentary.as_str()))
            .collect();
        let lists = [
            Rows::of(
                Section::Actions,
                d.action_rows(period, ctx)
                    .iter()
                    .map(|r| action(data, r))
                    .collect(),
            ),
            Rows::of(
                Section::Projects,
                d.project_rows(period, ctx)
                    .iter()
                    .map(|r| project(data, r))
                    .collect(),
            ),
            Rows::of(
                Section::Risks,
                risks.iter().map(|r| risk(data, r, &said)).collect(),
            ),
            Rows::of(
                Section::Eias,
                d.eia_rows(period).iter().map(|r| eia(data, r)).collect(),
            ),
        ];
        Judged {
            lists,
            heat,
            bands: d.bands,
        }
    }
}

fn word(status: &str) -> String {
    status.replace('_', " ")
}

fn day(d: Option<NaiveDate>) -> String {
    d.map_or_else(|| "–".into(), |d| d.format("%Y-%m-%d").to_string())
}

fn or_dash(text: Option<&str>) -> String {
    match text {
        Some(t) if !t.trim().is_empty() => t.to_string(),
        _ => "–".into(),
    }
}

/// "R off track (red)": the letter, the word, and the RAG where it says more.
fn status_line(rag: DeliveryRag, status: &str) -> String {
    let mut line = format!("{} {}", rag.letter(), word(status));
    if rag.as_str() != status {
        line.push_str(&format!(" ({rag})"));
    }
    line
}

fn owner(data: &Data, login: &str) -> String {
    let name = data.name_of(login);
    if name == login {
        login.to_string()
    } else {
        format!("{name} · {login}")
    }
}

fn plan(nodes: &[&str]) -> String {
    if nodes.is_empty() {
        "–".into()
    } else {
        nodes.join(", ")
    }
}

fn action(data: &Data, r: &ActionRow) -> Item {
    let (a, j) = (r.record, &r.judgement);
    let latest = j.latest.as_ref();
    let progress = latest.and_then(|u| u.progress).map(|p| format!("{p}%"));
    let mut record = vec![
        ("Status", status_line(j.rag, j.status.as_str())),
        ("Rule", j.rule.to_string()),
        ("Progress", progress.clone().unwrap_or_else(|| "–".into())),
        ("Kind", a.kind.clone()),
        ("Owner", owner(data, &a.owner)),
        ("Plan", plan(&r.plan)),
        ("Start", or_dash(a.start.as_deref())),
        ("Due", a.due.clone()),
        ("Forecast", day(latest.and_then(|u| u.forecast))),
    ];
    if let Some(u) = latest {
        record.push(("Update", format!("for {}", u.period)));
        record.push(("Commentary", or_dash(Some(&u.commentary))));
    }
    Item {
        code: a.code.clone(),
        title: a.title.clone(),
        rag: j.rag,
        cells: vec![
            a.owner.clone(),
            a.due.clone(),
            word(j.status.as_str()),
            progress.unwrap_or_else(|| "–".into()),
        ],
        rule: j.rule.to_string(),
        record,
        milestones: vec![],
        search: String::new(),
    }
    .finish(data.name_of(&a.owner))
}

fn project(data: &Data, r: &ProjectRow) -> Item {
    let (p, j) = (r.record, &r.judgement);
    let money = |x: Option<f64>| x.map_or_else(|| "–".into(), |x| format!("£{x:.0}"));
    let latest = j.latest.as_ref();
    let mut record = vec![
        ("Status", status_line(j.rag, j.status.as_str())),
        ("Rule", j.rule.to_string()),
        ("Owner", owner(data, &p.owner)),
        ("Plan", plan(&r.plan)),
        ("Start", or_dash(p.start.as_deref())),
        ("Finish", or_dash(p.finish.as_deref())),
        ("Budget", money(p.budget)),
        ("Spent", money(latest.and_then(|u| u.spent))),
    ];
    if let Some(u) = latest {
        record.push(("Update", format!("for {}", u.period)));
        record.push(("Commentary", or_dash(Some(&u.commentary))));
    }
    let milestones = r
        .milestones
        .iter()
        .map(|m| MilestoneLine {
            title: m.title.clone(),
            due: day(Some(m.due)),
            forecast: day(m.forecast),
            done: day(m.done),
            late: j.late.contains(&m.title),
        })
        .collect();
    let late = match j.late.len() {
        0 => String::new(),
        n => format!("{n} LATE"),
    };
    Item {
        code: p.code.clone(),
        title: p.title.clone(),
        rag: j.rag,
        cells: vec![
            p.owner.clone(),
            or_dash(p.finish.as_deref()),
            word(j.status.as_str()),
            late,
        ],
        rule: j.rule.to_string(),
        record,
        milestones,
        search: String::new(),
    }
    .finish(data.name_of(&p.owner))
}

fn risk(data: &Data, r: &RiskRow, said: &HashMap<(&str, &str), &str>) -> Item {
    let (k, j) = (r.record, &r.judgement);
    let commentary = j.last_review.and_then(|d| {
        let date = d.format("%Y-%m-%d").to_string();
        said.get(&(k.code.as_str(), date.as_str()))
            .map(|c| c.to_string())
    });
    let direction = j
        .direction
        .map_or_else(|| "–".into(), |d| format!("{} {d}", d.symbol()));
    let review = if !j.open {
        "closed".to_string()
    } else if j.review_overdue {
        "overdue".to_string()
    } else {
        day(j.review_due)
    };
    let mut record = vec![
        ("Rule", j.rule.to_string()),
        ("Category", k.category.clone()),
        ("Owner", owner(data, &k.owner)),
        ("Plan", plan(&[r.plan.as_slice(), &r.projects].concat())),
        ("Controls", or_dash(Some(&k.controls))),
        (
            "Inherent",
            format!(
                "{} × {} = {}",
                k.inherent_likelihood,
                k.inherent_impact,
                k.inherent_likelihood * k.inherent_impact
            ),
        ),
        (
            "Score",
            format!(
                "{} × {} = {}  {} {} (bands {})",
                j.likelihood,
                j.impact,
                j.score,
                j.rag.letter(),
                j.rag,
                data.ds.delivery.bands
            ),
        ),
        (
            "Target",
            format!(
                "{}{}",
                k.target_score,
                if j.above_target {
                    " (above target)"
                } else {
                    ""
                }
            ),
        ),
        ("Direction", direction.clone()),
        ("Last review", day(j.last_review)),
        (
            "Review due",
            format!(
                "{}{}",
                day(j.review_due),
                if j.review_overdue { " (overdue)" } else { "" }
            ),
        ),
    ];
    if let Some(c) = commentary {
        record.push(("Commentary", or_dash(Some(&c))));
    }
    Item {
        code: k.code.clone(),
        title: if r.is_opportunity() {
            format!("Opportunity: {}", k.title)
        } else {
            k.title.clone()
        },
        rag: j.rag,
        cells: vec![
            format!("{}×{}={}", j.likelihood, j.impact, j.score),
            k.target_score.to_string(),
            if j.above_target { "above" } else { "" }.into(),
            j.direction.map_or("", |d| d.symbol()).into(),
            review,
        ],
        rule: j.rule.to_string(),
        record,
        milestones: vec![],
        search: String::new(),
    }
    .finish(data.name_of(&k.owner))
}

fn eia(data: &Data, r: &EiaRow) -> Item {
    let (e, j) = (r.record, &r.judgement);
    let record = vec![
        ("Status", status_line(j.rag, j.status.as_str())),
        ("Rule", j.rule.to_string()),
        ("Owner", owner(data, &e.owner)),
        ("Plan", or_dash(e.node.as_deref())),
        ("Service", or_dash(e.service.as_deref())),
        ("Due", e.due.clone()),
        ("Completed", or_dash(e.completed.as_deref())),
        ("Overdue", if j.overdue { "yes" } else { "no" }.into()),
        ("Outcome", or_dash(Some(&e.outcome))),
    ];
    Item {
        code: e.code.clone(),
        title: e.title.clone(),
        rag: j.rag,
        cells: vec![
            e.owner.clone(),
            e.due.clone(),
            or_dash(e.completed.as_deref()),
            j.status.to_string(),
        ],
        rule: j.rule.to_string(),
        record,
        milestones: vec![],
        search: String::new(),
    }
    .finish(data.name_of(&e.owner))
}
