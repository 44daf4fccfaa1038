//! What officers write beside their figures. A miss (amber or red) gets why it was missed
//! and the remedial action, both mandatory: the indicator's own lines when it has them,
//! otherwise its team's, which name what the indicator counts. A green figure gets no
//! action and, now and then, a short note that is true of it: on target, back on target
//! after a miss, or on target three periods running; never "above" or "below" target,
//! which would read wrongly for one where lower is better.

use rand_chacha::ChaCha8Rng;

use super::catalogue::Template;
use super::rng;
use crate::domain::indicator::Frequency;
use crate::domain::rag::Rag;

/// (team, why a target was missed, what is being done). `{}` is what the indicator counts,
/// so every line names its own subject; each line fits every targeted indicator of the
/// team that has no lines of its own.
#[rustfmt::skip] // a table: one line of text a row reads best
const TEAM_LINES: &[(&str, &[&str], &[&str])] = &[
    ("TP-PLN-DM",
     &["Two planning officer vacancies slowed work on {}; several went past their time limit.",
       "Officer time went to the Local Plan hearings, and {} waited longer for a decision.",
       "A run of {} needed amended plans or waited on late consultee replies."],
     &["Agency planner in post for six months; {} reviewed weekly by the team leader.",
       "Extensions of time now agreed earlier with applicants; the oldest {} cleared first."]),
    ("TP-PLN-PR",
     &["Fewer enquiries came through the Growth Hub this quarter, so {} fell short of the profile.",
       "A partner adviser post was vacant for part of the quarter, holding back {}."],
     &["Growth Hub outreach events booked in every market town, with referrals from the business rates team, to lift {}.",
       "Vacant adviser post filled; the delivery plan for {} reprofiled with the Growth Hub."]),
    ("TP-REV-CT",
     &["Less {} collected than profiled as more accounts spread their instalments over twelve months.",
       "Reminder and summons runs for {} were delayed by the revenues system upgrade."],
     &["Extra recovery run booked and a direct debit campaign for {}.",
       "Reminders for {} moved earlier in the month; arrears cases called before summons."]),
    ("TP-REV-BN",
     &["Two experienced assessors on leave and one vacancy left less time for {}.",
       "System downtime during the software upgrade cost three working days on {}.",
       "The annual uprating and a spike in new claims took staff away from {}."],
     &["Overtime authorised and work on {} taken oldest first, with the queue monitored daily.",
       "Vacant assessor post being recruited; until then {} shared across the team.",
       "Supplier asked for a recovery plan; {} tracked daily until back on target."]),
    ("TP-CUS-CC",
     &["Staff absence in the contact centre and higher call volumes than forecast affected {}.",
       "A new service launch brought many first-time enquiries, which showed in {}."],
     &["Rota changed to cover peak hours and temporary advisers brought in; {} reviewed weekly.",
       "Web pages and FAQs updated so residents can self-serve; advisers briefed on {}."]),
    ("TP-CUS-DG",
     &["Two online forms were down for a week during the portal upgrade, pushing {} back to phone and email.",
       "Fewer residents than expected used the new online forms, holding back {}."],
     &["Forms restored and tested; failed online {} followed up by the digital team.",
       "Advisers now offer to complete {} online with callers; promotion on the council website."]),
    ("TP-LDS-IG",
     &["A rise in complex cases needing legal review, in a small team with staff absence, held up {}.",
       "Services were slow to supply information, delaying {}."],
     &["Second officer cross-trained to cover; open {} tracked weekly by the Monitoring Officer.",
       "Heads of service reminded of the five-day deadline to supply information for {}; escalation if missed."]),
    ("TP-LDS-DS",
     &["The team was an officer down for most of the period, which showed in {}.",
       "Late reports from services squeezed the time for {}."],
     &["Temporary cover agreed; {} checked weekly by the Democratic Services Manager.",
       "Report deadlines for services brought forward a week, with reminders, to protect {}."]),
    ("TP-HRO-OD",
     &["Managers were slow to complete and record {} this period.",
       "Service pressures left staff little time for {}."],
     &["Completion of {} tracked weekly at Management Board until back on target.",
       "Each manager sent a list of their outstanding {}; HR business partners following up."]),
    ("TP-FIN-EX",
     &["Staff absence in the exchequer team slowed work on {}.",
       "A backlog after the finance system upgrade held up {}."],
     &["Temporary cover in exchequer; a weekly list of outstanding {} goes to heads of service.",
       "Backlog cleared oldest first; progress on {} reported weekly to the Director of Resources."]),
    ("TP-FIN-AC",
     &["Demand-led costs, mainly temporary accommodation, ran above budget and hit the {}.",
       "Two savings proposals slipped to next year, which shows in the {}."],
     &["Spending controls reinforced; options to bring the {} back on track go to Management Board next month.",
       "Recovery plans agreed with the services concerned; the {} reviewed monthly."]),
    ("TP-WES-SS",
     &["Crew shortages in street scene held back work on {}.",
       "A run of large fly-tips in the rural lanes took crews away from routine work, which showed in {}."],
     &["Agency crew brought in for eight weeks; {} monitored daily by the supervisor.",
       "Hotspots targeted with enforcement patrols; work on {} prioritised street by street."]),
    ("TP-WES-EH",
     &["Two vacancies in environmental health held back work on {}.",
       "Officer time went to an outbreak investigation, delaying work on {}."],
     &["Agency environmental health officer in post; {} prioritised by risk.",
       "Backlog on {} cleared with overtime; weekly case review by the team manager."]),
    ("TP-HSG-HO",
     &["Demand from households facing eviction outstripped casework capacity, affecting {}.",
       "Fewer social lets than expected as housing association voids took longer to turn round, affecting {}."],
     &["Extra prevention casework funded from the Homelessness Prevention Grant; {} reviewed weekly.",
       "Monthly meeting with registered providers to speed up lettings; {} tracked case by case."]),
    ("TP-HSG-HD",
     &["Two housing schemes slipped on site with contractor delays, holding back {}.",
       "Higher build costs led a housing association to pause a scheme, holding back {}."],
     &["Monthly delivery meetings with registered providers and developers; the {} forecast reprofiled.",
       "Grant funding brought forward to unlock stalled schemes; progress on {} reported quarterly."]),
    ("TP-LAC-LS",
     &["Pool closure for plant repairs reduced capacity, holding back {}.",
       "Poor weather and cost-of-living pressure kept numbers down, affecting {}."],
     &["Repairs brought forward; targeted offers to win back {}.",
       "Holiday programme and offers promoted through schools to grow {}."]),
    ("TP-LAC-CH",
     &["Programme changes during the gallery refurbishment reduced the offer at the {}.",
       "A quieter programme than last year kept audiences down at the {}."],
     &["Temporary exhibitions and events added to keep the {} programme going.",
       "Marketing campaign with schools and community groups for the {}."]),
];

/// Why a target was missed and what is being done about it.
pub fn explain(t: &Template, r: &mut ChaCha8Rng) -> (String, String) {
    if !t.why.is_empty() && !t.fix.is_empty() {
        return (
            rng::pick(r, t.why).to_string(),
            rng::pick(r, t.fix).to_string(),
        );
    }
    const FALLBACK: (&[&str], &[&str]) = (
        &["{} fell short of target this period."],
        &["Recovery plan for {} agreed with the head of service."],
    );
    let (why, fix) = team_lines(t.team).unwrap_or(FALLBACK);
    let fill = |line: &&str| sentence(&line.replace("{}", t.about));
    (fill(rng::pick(r, why)), fill(rng::pick(r, fix)))
}

fn team_lines(team: &str) -> Option<(&'static [&'static str], &'static [&'static str])> {
    TEAM_LINES
        .iter()
        .find(|(code, _, _)| *code == team)
        .map(|(_, why, fix)| (*why, *fix))
}

/// A capital letter at the start, when the subject opens the line.
fn sentence(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// A note on a green figure, true of it: `before` are the statuses of the periods just
/// before it, latest last. None most of the time: most officers write nothing when on target.
pub fn note(frequency: Frequency, before: &[Rag], r: &mut ChaCha8Rng) -> Option<String> {
    let unit = match frequency {
        Frequency::Monthly => "month",
        Frequency::Quarterly => "quarter",
        Frequency::Annual => "year",
    };
    let missed = |rag: &Rag| matches!(rag, Rag::Amber | Rag::Red);
    match before {
        [.., last] if missed(last) && rng::chance(r, 0.5) => {
            Some(format!("Back on target after last {unit}'s miss."))
        }
        [.., a, b] if *a == Rag::Green && *b == Rag::Green && rng::chance(r, 0.05) => {
            Some(format!("On target for the third {unit} running."))
        }
        _ if rng::chance(r, 0.04) => Some(
            rng::pick(
                r,
                &[
                    "On target.",
                    "In line with the service plan.",
                    "Figure checked against the source system before submission.",
                ],
            )
            .to_string(),
        ),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::catalogue::templates;

    #[test]
    fn every_targeted_indicator_has_lines_that_name_what_it_counts() {
        for t in templates().iter().filter(|t| t.takes_targets()) {
            if !t.why.is_empty() && !t.fix.is_empty() {
                continue;
            }
            assert!(
                team_lines(t.team).is_some(),
                "{}: no lines for {}",
                t.code,
                t.team
            );
            assert!(
                !t.about.is_empty() && t.title.to_lowercase().contains(&t.about.to_lowercase()),
                "{}: '{}' is not in its title",
                t.code,
                t.about
            );
        }
        for (team, why, fix) in TEAM_LINES {
            assert!(
                why.iter().chain(fix.iter()).all(|l| l.contains("{}")),
                "{team}: every line names the subject"
            );
        }
    }

    #[test]
    fn notes_are_true_of_the_figure() {
        let mut r = rng::stream("notes test");
        for _ in 0..500 {
            let after_miss = note(Frequency::Monthly, &[Rag::Green, Rag::Red], &mut r);
            assert!(
                after_miss.as_deref().is_none_or(|n| !n.contains("running")),
                "{after_miss:?}"
            );
            let after_one = note(Frequency::Quarterly, &[Rag::Green], &mut r);
            assert!(
                after_one
                    .as_deref()
                    .is_none_or(|n| !n.contains("running") && !n.contains("Back")),
                "{after_one:?}"
            );
        }
    }
}
