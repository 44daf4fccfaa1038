//! Reminders that escalate (SPEC "Reminders that escalate"): on which days, counted from an
//! item's deadline, its owner is reminded, and who is copied in as it grows late.
//!
//! The steps are days from the deadline (`remind_steps`, default `-3:0:5:10`): a step at or
//! before the deadline reminds the owner alone; the first step after it copies in the head
//! of the item's service; every later step copies in the performance team as well. On a
//! day that is no step nothing is sent, so an officer hears at most once per step.

use std::fmt;
use std::str::FromStr;

/// The days from a deadline on which reminders go, earliest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemindSteps(Vec<i64>);

/// Who a reminder at a step goes to beyond the item's owner.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum CopiedIn {
    /// The owner alone.
    Nobody,
    /// The head of the item's service.
    Head,
    /// The head of service and the performance team.
    HeadAndPerformance,
}

impl Default for RemindSteps {
    fn default() -> Self {
        RemindSteps(vec![-3, 0, 5, 10])
    }
}

impl RemindSteps {
    /// The earliest step: how many days before a deadline an item is first mentioned.
    pub fn first(&self) -> i64 {
        self.0.first().copied().unwrap_or(0)
    }

    /// Whether `days` from the deadline (negative before it) is a step.
    pub fn is_step(&self, days: i64) -> bool {
        self.0.contains(&days)
    }

    /// Who is copied in at the step `days` from the deadline.
    pub fn copied_in(&self, days: i64) -> CopiedIn {
        let late_steps_before = self.0.iter().filter(|s| **s > 0 && **s < days).count();
        match (days > 0, late_steps_before) {
            (false, _) => CopiedIn::Nobody,
            (true, 0) => CopiedIn::Head,
            (true, _) => CopiedIn::HeadAndPerformance,
        }
    }
}

/// Steps that do not read: what is wrong, and the form that works.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "remind_steps '{text}' {why}: write days from the deadline, earliest first, separated by colons, like -3:0:5:10"
)]
pub struct StepsError {
    pub text: String,
    pub why: &'static str,
}

impl FromStr for RemindSteps {
    type Err = StepsError;

    fn from_str(text: &str) -> Result<RemindSteps, StepsError> {
        let err = |why| StepsError {
            text: crate::safe_text::line(text).into_owned(),
            why,
        };
        let steps: Vec<i64> = text
            .trim()
            .split(':')
            .map(|s| s.trim().parse::<i64>())
            .collect::<Result<_, _>>()
            .map_err(|_| err("is not a list of whole numbers of days"))?;
        if steps.iter().any(|s| !(-60..=365).contains(s)) {
            return Err(err("has a step outside 60 days before to 365 days after"));
        }
        if steps.windows(2).any(|w| w[0] >= w[1]) {
            return Err(err("is not in order, earliest first, each step once"));
        }
        Ok(RemindSteps(steps))
    }
}

impl fmt::Display for RemindSteps {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let words: Vec<String> = self.0.iter().map(i64::to_string).collect();
        f.write_str(&words.join(":"))
    }
}

/// Written as the setting is (`-3:0:5:10`), in `config --json` as anywhere.
impl serde::Serialize for RemindSteps {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Where a person's mail goes: their own address, else their login at the council's mail
/// domain, else the login alone (the server's own mailbox, as `sendmail` delivers it).
pub fn address(login: &str, email: &str, mail_domain: &str) -> String {
    match (email.trim(), mail_domain.trim()) {
        ("", "") => login.to_string(),
        ("", domain) => format!("{login}@{domain}"),
        (own, _) => own.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_steps_remind_then_copy_in_the_head_then_the_performance_team() {
        let s = RemindSteps::default();
        assert_eq!(s.to_string(), "-3:0:5:10");
        assert_eq!(s.first(), -3);
        let on: Vec<i64> = (-5..=12).filter(|d| s.is_step(*d)).collect();
        assert_eq!(on, vec![-3, 0, 5, 10]);
        assert_eq!(s.copied_in(-3), CopiedIn::Nobody);
        assert_eq!(s.copied_in(0), CopiedIn::Nobody);
        assert_eq!(s.copied_in(5), CopiedIn::Head);
        assert_eq!(s.copied_in(10), CopiedIn::HeadAndPerformance);
        assert_eq!(s.copied_in(30), CopiedIn::HeadAndPerformance);
    }

    #[test]
    fn steps_are_read_in_order_and_anything_else_is_refused_with_the_form() {
        let s: RemindSteps = "-7:1:14".parse().unwrap();
        assert_eq!(
            (s.copied_in(1), s.copied_in(14)),
            (CopiedIn::Head, CopiedIn::HeadAndPerformance)
        );
        for (bad, why) in [
            ("5:0", "is not in order"),
            ("-3:0:0", "is not in order"),
            ("-3;0", "is not a list"),
            ("", "is not a list"),
            ("-90:0", "outside 60 days before"),
        ] {
            let err = bad.parse::<RemindSteps>().unwrap_err().to_string();
            assert!(
                err.contains(why) && err.ends_with("like -3:0:5:10"),
                "{bad}: {err}"
            );
        }
    }

    #[test]
    fn mail_goes_to_the_users_address_else_the_login_at_the_domain() {
        assert_eq!(
            address("kc", "k.c@council.gov.uk", "x.gov.uk"),
            "k.c@council.gov.uk"
        );
        assert_eq!(
            address("kc", "", "wyvernvale.gov.uk"),
            "kc@wyvernvale.gov.uk"
        );
        assert_eq!(address("kc", " ", ""), "kc");
    }
}
