//! Equality impact assessments (due, in progress, completed with an outcome, one
//! overdue) and the case studies kept for the annual report.

use super::calendar::Calendar;
use super::people::Area;
use crate::domain::period::FinYear;
use crate::store::{CaseStudyRecord, EiaRecord};

/// (code, title, node, service, owner, due in days from today, status, outcome)
type Eia = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    i64,
    &'static str,
    &'static str,
);

#[rustfmt::skip] // a table: one row a line reads best
const EIAS: &[Eia] = &[
    ("EIA-01", "Weekly food waste collections", "KA1.1.1", "WES", "glewis", -400, "completed",
     "No major change: assisted collections extended to residents who cannot move their caddy."),
    ("EIA-02", "Changes to the Council Tax Reduction scheme", "KA4.1.1", "REV", "mdavies", -250, "completed",
     "Adjust the policy: the hardship fund is kept for disabled residents and carers."),
    ("EIA-03", "Wyvern town centre masterplan", "KA3.2.1", "PLN", "hcarter", -20, "overdue", ""),
    ("EIA-04", "Homelessness and rough sleeping strategy", "KA2.1.1", "HSG", "pshah", 60, "in_progress", ""),
    ("EIA-05", "Leisure pricing review", "KA2.3.1", "LAC", "tfletcher", 30, "in_progress", ""),
    ("EIA-06", "Customer access strategy (digital by default)", "KA4.2.1", "CUS", "rmoore", -120, "completed",
     "Adjust the policy: telephone and face-to-face routes stay for residents who cannot go online."),
    ("EIA-07", "Hybrid working and absence management policy", "KA4.3.1", "HRO", "sroberts", 90, "not_started", ""),
    ("EIA-08", "Budget proposals for next year", "KA4.1.2", "FIN", "cbennett", 80, "not_started", ""),
];

pub fn eias(cal: &Calendar) -> Vec<EiaRecord> {
    EIAS.iter()
        .enumerate()
        .map(
            |(i, (code, title, node, service, owner, due, status, outcome))| EiaRecord {
                id: i as i64 + 1,
                code: code.to_string(),
                title: title.to_string(),
                node: Some(node.to_string()),
                service: Some(service.to_string()),
                owner: owner.to_string(),
                due: cal.day(*due).to_string(),
                // Completed ones were signed off a fortnight before they were due.
                completed: (*status == "completed").then(|| cal.day(due - 14).to_string()),
                outcome: outcome.to_string(),
            },
        )
        .collect()
}

/// (title, node, service, years before the current one, chosen for the annual report, story)
type Case = (
    &'static str,
    &'static str,
    &'static str,
    i32,
    bool,
    &'static str,
);

#[rustfmt::skip] // a table: one row a line reads best
const CASES: &[Case] = &[
    ("Food waste: 45,000 households in six months", "KA1.1.1", "WES", 1, true,
     "Crews, call handlers and the digital team delivered a caddy to every household and had every round live in six months. \
      Residual waste per household fell by 18 kg in the first year."),
    ("Keeping the Hendersons at home", "KA2.1.1", "HSG", 0, false,
     "A family of five served with a section 21 notice came to Housing Options eight weeks before the date. A negotiated \
      payment plan and a landlord incentive kept them in their home and the children in their schools."),
    ("Couch to 5K at Kingsmead", "KA2.3.1", "LAC", 2, true,
     "Two hundred residents who had not exercised in a year finished the nine-week programme; sixty went on to join the \
      leisure centre."),
    ("Pop-up traders bring Market Square back to life", "KA3.2.1", "PLN", 1, true,
     "Twelve start-ups tried trading from the pop-up units rent-free for three months; seven took permanent shops in the \
      town centre."),
    // Submitted by an officer, not chosen: the annual report leaves it out.
    ("Volunteers adopt forty streets", "KA1.1.1", "WES", 1, false,
     "Residents' groups took on litter picking in forty streets, with kit from the depot."),
];

pub fn case_studies(cal: &Calendar) -> Vec<CaseStudyRecord> {
    CASES
        .iter()
        .enumerate()
        .map(
            |(i, (title, node, service, back, chosen, story))| CaseStudyRecord {
                id: i as i64 + 1,
                code: format!("CS-{:02}", i + 1),
                title: title.to_string(),
                node: Some(node.to_string()),
                service: Some(service.to_string()),
                year: i64::from(FinYear(cal.current_year.0 - back).0),
                story: story.to_string(),
                selected: *chosen,
            },
        )
        .collect()
}

/// The same assessment as another area of a scaled council carries it out.
pub fn eia_in_area(e: &EiaRecord, area: &Area, id: i64, owner: &str) -> EiaRecord {
    EiaRecord {
        id,
        code: area.code(&e.code),
        title: area.title(&e.title),
        owner: owner.to_string(),
        ..e.clone()
    }
}
