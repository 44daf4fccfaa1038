//! What `pmdb exceptions raise --period P` raises: one exception per red or missing value,
//! and per off-track or overdue action, off-track project, late milestone, risk above its
//! target score, overdue risk review, overdue EIA and missing update, all judged at the
//! period's end.

use crate::domain::assess::{Assessment, Context};
use std::collections::HashMap;

use crate::domain::delivery::action::ActionException;
use crate::domain::delivery::project::ProjectException;
use crate::domain::delivery::risk::RiskException;
use crate::domain::number::fmt_decimals;
use crate::domain::period::Period;
use crate::domain::rag::Rag;
use crate::domain::workflow::ExceptionKind;
use crate::query::delivery::ActionRow;
use crate::store::{Dataset, ExceptionRecord, MeetingRecord, NewException, Reads, Store};

fn figure(x: Option<f64>, dp: u8) -> String {
    x.map(|x| fmt_decimals(x, dp))
        .unwrap_or_else(|| "none".into())
}

/// The figures an indicator's exception shows: the value against its target and the rule,
/// or that there is no value. The same words when it is raised and when it is looked at
/// again, so "changed" means the figure changed.
fn figures_text(a: &Assessment, dp: u8) -> String {
    match a.rag {
        Rag::Missing => format!("no value for {}: {}", a.period, a.rule),
        _ => format!(
            "{} {} against target {} (intervention {}): {}",
            a.period,
            figure(a.value, dp),
            figure(a.target, dp),
            figure(a.intervention, dp),
            a.rule
        ),
    }
}

/// The figures an action's exception shows: its title, the rule that judged it and its
/// progress. The same words when raised and when looked at again.
fn action_figures(row: &ActionRow) -> String {
    let progress = row
        .judgement
        .latest
        .as_ref()
        .and_then(|u| u.progress)
        .map_or_else(String::new, |p| format!(", {p}% done"));
    format!("{}: {}{progress}", row.record.title, row.judgement.rule)
}

/// A project's, risk's or EIA's: its title and the rule that judged it.
fn subject_figures(title: &str, rule: &impl std::fmt::Display) -> String {
    format!("{title}: {rule}")
}

/// Delivery's figures for one period, by kind of subject and code, each computed once.
#[derive(Default)]
struct DeliveryFigures {
    actions: HashMap<String, String>,
    projects: HashMap<String, String>,
    risks: HashMap<String, String>,
    eias: HashMap<String, String>,
}

impl DeliveryFigures {
    fn of(ds: &Dataset, period: Period, ctx: Context) -> DeliveryFigures {
        let d = &ds.delivery;
        DeliveryFigures {
            actions: d
                .action_rows(period, ctx)
                .iter()
                .map(|r| (r.record.code.clone(), action_figures(r)))
                .collect(),
            projects: d
                .project_rows(period, ctx)
                .iter()
                .map(|r| {
                    (
                        r.record.code.clone(),
                        subject_figures(&r.record.title, &r.judgement.rule),
                    )
                })
                .collect(),
            risks: d
                .risk_rows(period)
                .iter()
                .map(|r| {
                    (
                        r.record.code.clone(),
                        subject_figures(&r.record.title, &r.judgement.rule),
                    )
                })
                .collect(),
            eias: d
                .eia_rows(period)
                .iter()
                .map(|r| {
                    (
                        r.record.code.clone(),
                        subject_figures(&r.record.title, &r.judgement.rule),
                    )
                })
                .collect(),
        }
    }

    fn get(&self, kind: ExceptionKind, code: &str) -> Option<&String> {
        match kind {
            ExceptionKind::Action => self.actions.get(code),
            // A missing update is an action's or a project's.
            ExceptionKind::MissingUpdate => {
                self.actions.get(code).or_else(|| self.projects.get(code))
            }
            ExceptionKind::Project | ExceptionKind::Milestone => self.projects.get(code),
            ExceptionKind::Risk | ExceptionKind::RiskReview => self.risks.get(code),
            ExceptionKind::Eia => self.eias.get(code),
            ExceptionKind::Red | ExceptionKind::Missing | ExceptionKind::Request => None,
        }
    }
}

/// Exceptions' figures as they stand now, delivery's judged once for each period asked
/// for however many exceptions it has.
pub struct FiguresNow<'a> {
    ds: &'a Dataset,
    ctx: Context,
    delivery: HashMap<Period, DeliveryFigures>,
}

impl<'a> FiguresNow<'a> {
    pub fn new(ds: &'a Dataset, ctx: Context) -> FiguresNow<'a> {
        FiguresNow {
            ds,
            ctx,
            delivery: HashMap::new(),
        }
    }

    /// For an indicator's exception, its assessment now in the words it was raised with;
    /// for an action's, project's, risk's or EIA's, its judgement now; as raised when the
    /// subject or the period is no longer known.
    pub fn of(&mut self, record: &ExceptionRecord) -> String {
        let (ds, ctx) = (self.ds, self.ctx);
        let Ok(period) = record.period.parse::<Period>() else {
            return record.figures.clone();
        };
        let now = match record.kind {
            // A request's text is what raised it; it has no figures to change.
            ExceptionKind::Request => None,
            ExceptionKind::Red | ExceptionKind::Missing => {
                ds.indicator(&record.subject).map(|rec| {
                    figures_text(
                        &ds.assess(&ds.series(rec), period, ctx),
                        rec.indicator.decimals,
                    )
                })
            }
            kind => self
                .delivery
                .entry(period)
                .or_insert_with(|| DeliveryFigures::of(ds, period, ctx))
                .get(kind, &record.subject)
                .cloned(),
        };
        now.unwrap_or_else(|| record.figures.clone())
    }
}

/// What a dataset must hold to give these exceptions' figures now and their subjects'
/// titles (`Store::dataset_of_many`): the indicators they name, each once, with the
/// statuses frozen for the periods of the red and missing ones (each period and those it
/// lies within: an indicator's status for a month may be its quarter's or year's, by its
/// frequency); and, where one is not an indicator's (an action's, project's, risk's or
/// EIA's, judged for its period; a request's subject may be any of them), the council's
/// delivery with what was frozen at the sign-off of those exceptions' periods.
pub fn read_for(records: &[ExceptionRecord]) -> (Vec<String>, Reads) {
    let mut named = std::collections::HashSet::new();
    let codes = records
        .iter()
        .map(|r| &r.subject)
        .filter(|code| named.insert(code.as_str()))
        .cloned()
        .collect();
    let indicators =
        |r: &ExceptionRecord| matches!(r.kind, ExceptionKind::Red | ExceptionKind::Missing);
    // The periods of these records, with those they lie within if `within`.
    let periods = |of_indicators: bool, within: bool| {
        let mut periods: Vec<Period> = records
            .iter()
            .filter(|r| indicators(r) == of_indicators)
            .filter_map(|r| r.period.parse::<Period>().ok())
            .flat_map(|p| std::iter::once(p).chain(p.enclosing().filter(|_| within)))
            .collect();
        periods.sort_by_key(|p| p.sort_key());
        periods.dedup();
        periods
    };
    let frozen = Some(periods(true, true));
    let delivery = records
        .iter()
        .any(|r| !indicators(r))
        .then(|| periods(false, false));
    (codes, Reads { frozen, delivery })
}

/// The dataset these exceptions' figures now are judged from, read for them alone
/// ([`read_for`]): `pmdb exceptions`, its `--meeting` agenda and `exceptions show`.
pub fn dataset_for(store: &Store, records: &[ExceptionRecord]) -> crate::store::Result<Dataset> {
    let (codes, reads) = read_for(records);
    store.dataset_of_many(&codes, &reads)
}

/// An exception with its figures now beside the ones that raised it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ExceptionNow {
    #[serde(flatten)]
    pub record: ExceptionRecord,
    /// The figures as they stand now; as raised when the subject is no longer known.
    pub figures_now: String,
    /// Whether the figure has changed since the exception was raised.
    pub changed: bool,
}

impl ExceptionNow {
    /// The figures a list shows: as raised, or both when they changed since.
    pub fn figures_shown(&self) -> String {
        if self.changed {
            format!(
                "CHANGED: raised at {}; now {}",
                self.record.figures, self.figures_now
            )
        } else {
            self.record.figures.clone()
        }
    }
}

/// Each exception with its figures now: "raised at 44.4, red; now 77.8, green" is what
/// the meeting needs to see before it spends time on a red that is no longer red.
pub fn with_figures_now(
    ds: &Dataset,
    records: Vec<ExceptionRecord>,
    ctx: Context,
) -> Vec<ExceptionNow> {
    let mut now = FiguresNow::new(ds, ctx);
    records
        .into_iter()
        .map(|record| {
            let figures_now = now.of(&record);
            let changed = figures_now != record.figures;
            ExceptionNow {
                record,
                figures_now,
                changed,
            }
        })
        .collect()
}

pub fn candidates(
    ds: &Dataset,
    period: Period,
    meetings: &[MeetingRecord],
    ctx: Context,
) -> Vec<NewException> {
    let thread = ds.thread();
    let label = period.to_string();
    // The PPG meeting that reviews this period, if one is arranged.
    let meeting = meetings
        .iter()
        .find(|m| m.board == "PPG" && m.period == label)
        .map(|m| m.id);
    let service_of_node = |nodes: &[&str]| {
        nodes
            .first()
            .and_then(|n| {
                thread
                    .ancestry(n)
                    .into_iter()
                    .find_map(|a| a.service.clone())
            })
            .unwrap_or_default()
    };
    let mut out = Vec::new();
    for rec in &ds.indicators {
        let i = &rec.indicator;
        let a = ds.assess(&ds.series(rec), period, ctx);
        let kind = match a.rag {
            Rag::Red => ExceptionKind::Red,
            Rag::Missing => ExceptionKind::Missing,
            _ => continue,
        };
        let figures = figures_text(&a, i.decimals);
        let commentary = ds
            .value_at(&i.code, a.period)
            .map(|v| {
                [v.commentary.as_str(), v.action.as_str()]
                    .iter()
                    .filter(|t| !t.is_empty())
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(" / Action: ")
            })
            .unwrap_or_default();
        out.push(NewException {
            kind,
            period: label.clone(),
            subject: i.code.clone(),
            service: ds
                .services_of(&thread, rec)
                .into_iter()
                .next()
                .unwrap_or_default(),
            owner: i.owner.clone(),
            figures,
            commentary,
            meeting,
        });
    }
    let mut raise = |kind, subject: &str, nodes: &[&str], owner: &str, figures, commentary| {
        out.push(NewException {
            kind,
            period: label.clone(),
            subject: subject.to_string(),
            service: service_of_node(nodes),
            owner: owner.to_string(),
            figures,
            commentary,
            meeting,
        })
    };
    let d = &ds.delivery;
    for row in d.action_rows(period, ctx) {
        let (a, j) = (row.record, &row.judgement);
        let kind = match j.exception() {
            Some(ActionException::OffTrack) => ExceptionKind::Action,
            Some(ActionException::MissingUpdate) => ExceptionKind::MissingUpdate,
            None => continue,
        };
        let commentary = j.latest.as_ref().map(|u| u.commentary.clone());
        raise(
            kind,
            &a.code,
            &row.plan,
            &a.owner,
            action_figures(&row),
            commentary.unwrap_or_default(),
        );
    }
    for row in d.project_rows(period, ctx) {
        let (p, j) = (row.record, &row.judgement);
        let commentary = j.latest.as_ref().map(|u| u.commentary.clone());
        for e in j.exceptions() {
            let kind = match e {
                ProjectException::OffTrack => ExceptionKind::Project,
                ProjectException::LateMilestone => ExceptionKind::Milestone,
                ProjectException::MissingUpdate => ExceptionKind::MissingUpdate,
            };
            raise(
                kind,
                &p.code,
                &row.plan,
                &p.owner,
                subject_figures(&p.title, &j.rule),
                commentary.clone().unwrap_or_default(),
            );
        }
    }
    for row in d.risk_rows(period) {
        let (r, j) = (row.record, &row.judgement);
        for e in j.exceptions() {
            let kind = match e {
                RiskException::AboveTarget => ExceptionKind::Risk,
                RiskException::ReviewOverdue => ExceptionKind::RiskReview,
            };
            // A project's own risk belongs where its project does (its service).
            raise(
                kind,
                &r.code,
                &d.risk_nodes(&row),
                &r.owner,
                subject_figures(&r.title, &j.rule),
                r.controls.clone(),
            );
        }
    }
    for row in d.eia_rows(period) {
        let (e, j) = (row.record, &row.judgement);
        if j.overdue {
            let nodes: Vec<&str> = e.node.as_deref().into_iter().collect();
            raise(
                ExceptionKind::Eia,
                &e.code,
                &nodes,
                &e.owner,
                subject_figures(&e.title, &j.rule),
                String::new(),
            );
        }
    }
    out
}
