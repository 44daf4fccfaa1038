//! The risk register: strategic, business, operational and partnership risks scored
//! likelihood × impact against a target score, reviewed each quarter over the three years.
//! A few sit above their target (risk appetite) and so come to PPG as exceptions; two have
//! missed a review; one is closed. Two more are a major project's own (their plan names
//! the project: the Kingsmead leisure centre extension, the ERP replacement), and two are
//! opportunities (scored alike, listed apart, never in the heat map), one of them the
//! leisure project's.

use super::calendar::Calendar;
use super::people::Area;
use chrono::{Days, Months};

use crate::store::{RiskLinkRecord, RiskProjectRecord, RiskRecord, RiskReviewRecord};

/// (code, title, category, node or project, owner, likelihood, impact, target score,
/// controls, open)
type Risk = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    i64,
    i64,
    i64,
    &'static str,
    bool,
);

#[rustfmt::skip] // a table: one row a line reads best
const RISKS: &[Risk] = &[
    ("RSK-01", "The medium-term funding gap is not closed", "strategic", "PR4", "nhussain", 4, 5, 12,
     "Savings programme tracked monthly at Management Board; reserves strategy; lobbying through the District Councils' Network.", true),
    ("RSK-02", "Local government reorganisation diverts capacity from delivery", "strategic", "VIS", "jmitchell", 3, 4, 12,
     "Reorganisation programme board; ring-fenced programme team; service plans protected.", true),
    ("RSK-03", "Homelessness demand outstrips the supply of temporary accommodation", "operational", "CO2.1", "pshah", 5, 4, 9,
     "Prevention fund; private-sector leasing; weekly placements panel.", true),
    ("RSK-04", "Key staff lost in hard-to-recruit professions (planning, environmental health)", "operational", "CO4.3", "sroberts", 3, 4, 12,
     "Market supplements; grow-your-own trainee posts; exit interviews reviewed quarterly.", true),
    ("RSK-05", "A cyber attack disables council systems", "operational", "PR4", "nhussain", 3, 5, 10,
     "Immutable back-ups; multi-factor authentication; annual penetration test; incident response plan exercised.", true),
    ("RSK-06", "The waste contractor fails to meet the contract standards", "partnership", "CO1.1", "glewis", 2, 4, 8,
     "Monthly contract meetings; default notices; performance bond.", true),
    ("RSK-07", "Food waste running costs exceed the new burdens funding", "business", "KA1.1.1", "glewis", 2, 3, 6,
     "Costs tracked against the funding model; round optimisation.", true),
    ("RSK-08", "Registered providers cannot deliver the affordable housing pipeline", "partnership", "CO2.2", "pshah", 3, 3, 9,
     "Quarterly pipeline reviews; council land offered for development; Homes England bids.", true),
    ("RSK-09", "Costs awarded against the council on planning appeals", "business", "CO3.1", "hcarter", 2, 3, 6,
     "Member training on sound reasons for refusal; legal review of overturns.", true),
    ("RSK-10", "The telephony platform fails", "operational", "CO4.2", "rmoore", 2, 3, 6,
     "Resilient hosting; service credits; callback fallback.", true),
    ("RSK-11", "Town centre regeneration loses its external funding", "strategic", "CO3.2", "hcarter", 2, 5, 10,
     "Funding conditions tracked monthly; spend profile agreed with the funder.", true),
    ("RSK-12", "Leisure centre energy costs exceed the budget", "business", "KA2.3.1", "tfletcher", 3, 3, 9,
     "Fixed-price energy contract; pool covers; solar canopy at Kingsmead.", true),
    ("RSK-13", "A serious data protection breach", "operational", "CO4.2", "dokafor", 2, 4, 8,
     "Mandatory training; breach log reviewed by the Senior Information Risk Owner.", true),
    ("RSK-14", "The police data-sharing agreement lapses", "partnership", "KA2.3.2", "pshah", 2, 2, 4,
     "Agreement renewed annually through the Community Safety Partnership.", true),
    ("RSK-15", "The ERP replacement is delayed, leaving an unsupported finance system", "business", "KA4.1.2", "cbennett", 4, 4, 8,
     "Extended support contract negotiated; programme board fortnightly; contingency budget.", true),
    ("RSK-16", "The county council elections cannot be run safely", "operational", "CO4.2", "dokafor", 1, 4, 4,
     "Elections delivered; risk closed.", false),
];

/// A major project's own risks, and the opportunities: reviewed as the others, none lapsed.
#[rustfmt::skip] // a table: one row a line reads best
const MORE: &[Risk] = &[
    ("RSK-17", "The Kingsmead extension overruns its budget", "business", "PJ-03", "tfletcher", 3, 3, 9,
     "Fixed-price main contract; contingency held by the programme board; monthly cost reports.", true),
    ("RSK-18", "Ledger data is lost or corrupted in the move to the new finance system", "operational", "PJ-05", "cbennett", 2, 4, 8,
     "Three trial migrations reconciled to the penny; old system kept read-only for a year.", true),
    ("OPP-01", "Levelling-up funding for the Market Square public realm", "opportunity", "CO3.2", "hcarter", 3, 4, 12,
     "Bid team in place; match funding earmarked in the capital programme.", true),
    ("OPP-02", "The Kingsmead solar canopy sells surplus power to the grid", "opportunity", "PJ-03", "tfletcher", 3, 3, 9,
     "Grid connection applied for; export tariff under negotiation.", true),
];

/// A code the register's plan names that is a major project's (`PJ-03`), not a plan node.
fn is_project(code: &str) -> bool {
    code.starts_with("PJ-")
}

/// A risk with its plan link (or its project's) and its dated reviews.
pub struct Demo {
    pub risk: RiskRecord,
    pub link: Option<RiskLinkRecord>,
    pub project: Option<RiskProjectRecord>,
    pub reviews: Vec<RiskReviewRecord>,
}

/// Reviews a quarter apart from the start of the demo's data; scores ease from where the
/// risk began towards where it stands now, with the odd setback.
const REVIEW_MONTHS: i64 = 3;
const SETBACKS: [i64; 12] = [1, 1, 0, 1, 0, 0, -1, 0, 1, 0, 0, 0];

pub fn records(cal: &Calendar) -> Vec<Demo> {
    RISKS
        .iter()
        .chain(MORE)
        .enumerate()
        .map(
            |(
                i,
                (code, title, category, node, owner, likelihood, impact, target, controls, open),
            )| {
                let closed = (!open).then(|| cal.day(-60));
                // Two risks have missed their last review.
                let lapsed = i % 7 == 2 && i < RISKS.len();
                let last = cal.today - Days::new(if lapsed { 130 } else { 12 + 3 * i as u64 });
                let first = cal.first_year.first_month().first_day() + Days::new(10 + 2 * i as u64);
                let mut dates = Vec::new();
                let mut d = last;
                while d >= first {
                    dates.push(d);
                    d = d - Months::new(REVIEW_MONTHS as u32);
                }
                dates.reverse();
                let n = dates.len();
                let reviews = dates
                    .iter()
                    .enumerate()
                    .filter(|(_, d)| closed.is_none_or(|c| **d < c))
                    .map(|(k, d)| {
                        // The further back, the higher it started; the latest is where it is.
                        let back = (n - 1 - k) as i64;
                        let rise = if back == 0 {
                            0
                        } else {
                            (back / 3).min(1) + SETBACKS[k % 12]
                        };
                        let l = (likelihood + rise).clamp(1, 5);
                        let commentary = if rise > 0 {
                            "Score raised: the controls have not yet taken effect."
                        } else {
                            "Reviewed at the risk owners' meeting; controls operating as planned."
                        };
                        RiskReviewRecord {
                            risk: code.to_string(),
                            date: d.to_string(),
                            likelihood: l,
                            impact: *impact,
                            commentary: commentary.to_string(),
                            entered_by: owner.to_string(),
                            entered_at: format!("{d}T10:00:00.000Z"),
                            version: 1,
                        }
                    })
                    .collect();
                Demo {
                    risk: RiskRecord {
                        id: i as i64 + 1,
                        code: code.to_string(),
                        title: title.to_string(),
                        category: category.to_string(),
                        owner: owner.to_string(),
                        controls: controls.to_string(),
                        inherent_likelihood: (likelihood + 1).min(5),
                        inherent_impact: (impact + 1).min(5),
                        target_score: *target,
                        review_months: REVIEW_MONTHS,
                        closed: closed.map(|c| c.to_string()),
                    },
                    link: (!is_project(node)).then(|| RiskLinkRecord {
                        risk: code.to_string(),
                        node: node.to_string(),
                    }),
                    project: is_project(node).then(|| RiskProjectRecord {
                        risk: code.to_string(),
                        project: node.to_string(),
                    }),
                    reviews,
                }
            },
        )
        .collect()
}

/// The same risk as another area of a scaled council holds it: its own code, title, owner
/// and reviews.
pub fn in_area(d: &Demo, area: &Area, id: i64, owner: &str) -> Demo {
    let code = area.code(&d.risk.code);
    Demo {
        risk: RiskRecord {
            id,
            code: code.clone(),
            title: area.title(&d.risk.title),
            owner: owner.to_string(),
            ..d.risk.clone()
        },
        link: d.link.as_ref().map(|l| RiskLinkRecord {
            risk: code.clone(),
            ..l.clone()
        }),
        project: d.project.as_ref().map(|p| RiskProjectRecord {
            risk: code.clone(),
            project: area.code(&p.project),
        }),
        reviews: d
            .reviews
            .iter()
            .map(|r| RiskReviewRecord {
                risk: code.clone(),
                entered_by: owner.to_string(),
                ..r.clone()
            })
            .collect(),
    }
}
