//! What officers write beside their figures: why a target was missed and the remedial
//! action (both mandatory when amber or red), and the odd note on a good month. An
//! indicator's own lines come first; otherwise its service's.

use rand_chacha::ChaCha8Rng;

use super::catalogue::Template;
use super::rng;

/// (service, why it was missed, what is being done)
const SERVICE_LINES: &[(&str, &[&str], &[&str])] = &[
    (
        "PLN",
        &[
            "Vacancies in the team and a rise in complex cases slowed decisions.",
            "Several cases waited on amended plans and late consultee responses.",
            "Officer time diverted to the Local Plan examination hearings this period.",
        ],
        &[
            "Agency cover agreed for three months; caseloads rebalanced across the team.",
            "Weekly case review by the team leader; extensions of time agreed earlier with applicants.",
            "Validation checklist tightened so incomplete applications are returned on day one.",
        ],
    ),
    (
        "REV",
        &[
            "Processing slowed by the annual uprating and a spike in new claims.",
            "Two experienced assessors on leave and one vacancy this period.",
            "System downtime during the software upgrade cost three working days.",
        ],
        &[
            "Overtime authorised to clear the backlog oldest first; daily work-queue monitoring.",
            "Recruitment to the vacant post under way; new starter shadowing from next month.",
            "Outstanding work reprioritised and the supplier asked for a recovery plan.",
        ],
    ),
    (
        "WES",
        &[
            "Vehicle breakdowns and driver shortages disrupted rounds this period.",
            "Seasonal pressures on the service were higher than profiled.",
            "Contractor performance fell short of the contract standard.",
        ],
        &[
            "Hire vehicles in place and catch-up crews scheduled; rounds monitored daily.",
            "Resources moved to the worst-affected areas; publicity campaign under way.",
            "Default notice issued to the contractor with a rectification plan due in 14 days.",
        ],
    ),
    (
        "HSG",
        &[
            "Demand from households facing eviction continues to outstrip the supply of homes.",
            "Fewer social lets than expected as housing association voids take longer to turn round.",
            "Partner data arrived late and shows a dip that is being checked.",
        ],
        &[
            "Extra prevention casework capacity funded from the Homelessness Prevention Grant.",
            "Monthly meeting with registered providers to speed up lettings.",
            "Working with the partner to validate the figures before the next return.",
        ],
    ),
    (
        "LAC",
        &[
            "Pool closure for plant repairs reduced capacity for part of the period.",
            "Poor weather and the cost of living pressure kept visitor numbers down.",
            "Programme changes while the gallery refurbishment is completed.",
        ],
        &[
            "Repairs brought forward; members offered free guest passes in compensation.",
            "Targeted offers and holiday activity programme promoted through schools.",
            "Temporary exhibition moved into the ground-floor galleries to keep the offer going.",
        ],
    ),
    (
        "CUS",
        &[
            "Higher call volumes than forecast and staff absence in the team.",
            "A new service launch generated many first-time enquiries.",
            "Systems issues slowed call handling on several days.",
        ],
        &[
            "Rota changed to cover peak hours; temporary staff brought in.",
            "Web content and FAQs updated so residents can self-serve.",
            "Issues logged with the supplier; workarounds in place.",
        ],
    ),
    (
        "HRO",
        &[
            "Seasonal illness and a small number of long-term absences drove the figure up.",
            "Vacancies in hard-to-recruit roles are being covered by agency staff.",
            "Managers were slow to complete the returns this period.",
        ],
        &[
            "Occupational health referrals made earlier; managers reminded of the absence policy triggers.",
            "Recruitment campaign for hard-to-fill posts with a market supplement approved.",
            "Completion tracked weekly at Management Board until back on target.",
        ],
    ),
    (
        "LDS",
        &[
            "A rise in complex requests needing legal review delayed responses.",
            "Staff absence in a small team with no cover.",
            "Requests held up waiting for information from services.",
        ],
        &[
            "Cross-training a second officer to provide cover.",
            "Services reminded of the five-day deadline for supplying information; escalation to heads of service.",
            "Weekly tracker of open cases reviewed by the Monitoring Officer.",
        ],
    ),
    (
        "FIN",
        &[
            "Invoices held up awaiting goods-received confirmation from services.",
            "Year-end closedown work took priority this period.",
            "Higher demand-led costs than budgeted, mainly temporary accommodation.",
        ],
        &[
            "No-PO-no-pay reminders to budget holders; weekly list of held invoices to heads of service.",
            "Temporary resource to cover routine work through the closedown.",
            "Spending controls reinforced; savings options to Management Board next month.",
        ],
    ),
];

/// What an officer writes on a good month (now and then).
const NOTES: &[&str] = &[
    "On track.",
    "In line with the service plan.",
    "Good month; the team's process changes are paying off.",
    "Figure checked against the source system before submission.",
    "Above target for the third month running.",
];

/// Why a target was missed and what is being done about it.
pub fn explain(t: &Template, service: &str, r: &mut ChaCha8Rng) -> (String, String) {
    let (why, fix) = if !t.why.is_empty() && !t.fix.is_empty() {
        (t.why, t.fix)
    } else {
        SERVICE_LINES
            .iter()
            .find(|(s, _, _)| *s == service)
            .map(|(_, why, fix)| (*why, *fix))
            .unwrap_or((SERVICE_LINES[0].1, SERVICE_LINES[0].2))
    };
    (rng::pick(r, why).to_string(), rng::pick(r, fix).to_string())
}

/// A note on a period that met its target.
pub fn note(r: &mut ChaCha8Rng) -> String {
    rng::pick(r, NOTES).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::org::SERVICES;

    #[test]
    fn every_service_has_lines() {
        for s in SERVICES {
            assert!(
                SERVICE_LINES
                    .iter()
                    .any(|(code, why, fix)| *code == s.code && !why.is_empty() && !fix.is_empty()),
                "{}",
                s.code
            );
        }
    }
}
