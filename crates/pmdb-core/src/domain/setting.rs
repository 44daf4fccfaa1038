//! A council-wide setting as `pmdb config set KEY VALUE [--from PERIOD]` gives it, read and
//! checked: the RAG rule (from a period on, or for every period), the data deadline day, the
//! council's name, the month collection starts and the risk bands. The store stores a
//! `Setting`; it never sees the words it was written in.

use super::delivery::risk::{RiskBands, RiskBandsError};
use super::fields::{FieldError, check_name};
use super::period::{Month, NotAMonth, Period};
use super::rag::{RagRule, RagRuleError};
use super::remind::{RemindSteps, StepsError};

/// The keys `pmdb config set` takes, in the order its refusal lists them.
pub const SETTING_KEYS: [&str; 8] = [
    "rag_rule",
    "deadline_day",
    "council_name",
    "collect_from",
    "risk_bands",
    "remind_steps",
    "mail_domain",
    "sendmail",
];

/// The mail program reminders are piped to when the council names none.
pub const DEFAULT_SENDMAIL: &str = "/usr/sbin/sendmail";

/// One setting and its checked value.
#[derive(Debug, Clone, PartialEq)]
pub enum Setting {
    /// The RAG rule from a month on (earlier periods keep the rule they had), or for every
    /// period (`None`).
    RagRule { rule: RagRule, from: Option<Month> },
    /// The day of the month a period's figures are due, 1 to 28 (every month has it).
    DeadlineDay(u32),
    /// The council's name, one line, trimmed.
    CouncilName(String),
    /// The first month collected (earlier periods are not owed); `None` unsets it, so each
    /// indicator starts as its plan years, targets and values say.
    CollectFrom(Option<Month>),
    /// How a risk's score is banded green, amber and red.
    RiskBands(RiskBands),
    /// The days from a deadline on which reminders go (`pmdb remind`).
    RemindSteps(RemindSteps),
    /// The domain a login's mail goes to when the user has no email (`None`: the login
    /// alone, the server's own mailbox).
    MailDomain(Option<String>),
    /// The mail program reminders are piped to (`-t`: it reads the recipients from the
    /// headers); an absolute path.
    Sendmail(String),
}

/// A setting refused, with the words `pmdb config set` shows.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SettingError {
    /// The key as given.
    #[error("'{key}' is not a setting: use {}", super::words_list(&SETTING_KEYS), key = .0)]
    UnknownKey(String),
    /// `--from` given with a key other than `rag_rule`.
    #[error("--from applies to rag_rule only, not {0}")]
    FromNotRagRule(&'static str),
    #[error(transparent)]
    RagRule(#[from] RagRuleError),
    /// The value as given, made safe to show on one line.
    #[error(
        "deadline_day must be a day of the month from 1 to 28 written as a plain number (e.g. 15), not '{0}'"
    )]
    DeadlineDay(String),
    #[error(transparent)]
    CouncilName(#[from] FieldError),
    /// Not a source: its words are in the message already, and a chain would say them twice.
    #[error("collect_from must be a month: {0}")]
    CollectFrom(NotAMonth),
    /// Shown on one line, whatever the value held (not a source, as above).
    #[error("{}", crate::safe_text::line(&.0.to_string()))]
    RiskBands(RiskBandsError),
    #[error(transparent)]
    RemindSteps(#[from] StepsError),
    #[error(
        "mail_domain must be a domain like wyvernvale.gov.uk (letters, digits, dots and hyphens), or \"\" to unset it, not '{0}'"
    )]
    MailDomain(String),
    #[error(
        "sendmail must be the absolute path of the mail program, like /usr/sbin/sendmail, not '{0}'"
    )]
    Sendmail(String),
}

impl Setting {
    /// Reads `value` as the setting `key` names. Only `rag_rule` takes `from`, the first
    /// period the rule applies to.
    pub fn parse(key: &str, value: &str, from: Option<Period>) -> Result<Setting, SettingError> {
        let key = SETTING_KEYS
            .into_iter()
            .find(|k| *k == key)
            .ok_or_else(|| SettingError::UnknownKey(key.to_string()))?;
        if key == "rag_rule" {
            return Ok(Setting::RagRule {
                rule: value.parse()?,
                from: from.map(Period::first_month),
            });
        }
        if from.is_some() {
            return Err(SettingError::FromNotRagRule(key));
        }
        Ok(match key {
            "deadline_day" => Setting::DeadlineDay(deadline_day(value)?),
            "council_name" => {
                let name = value.trim();
                check_name("council_name", name)?;
                Setting::CouncilName(name.to_string())
            }
            "collect_from" => match value.trim() {
                "" => Setting::CollectFrom(None),
                month => Setting::CollectFrom(Some(
                    Month::parse_written(month).map_err(SettingError::CollectFrom)?,
                )),
            },
            "remind_steps" => Setting::RemindSteps(value.parse()?),
            "mail_domain" => Setting::MailDomain(mail_domain(value)?),
            "sendmail" => Setting::Sendmail(sendmail(value)?),
            _ => Setting::RiskBands(value.parse().map_err(SettingError::RiskBands)?),
        })
    }

    /// The key it is stored under.
    pub fn key(&self) -> &'static str {
        match self {
            Setting::RagRule { .. } => "rag_rule",
            Setting::DeadlineDay(_) => "deadline_day",
            Setting::CouncilName(_) => "council_name",
            Setting::CollectFrom(_) => "collect_from",
            Setting::RiskBands(_) => "risk_bands",
            Setting::RemindSteps(_) => "remind_steps",
            Setting::MailDomain(_) => "mail_domain",
            Setting::Sendmail(_) => "sendmail",
        }
    }

    /// The value as stored and read back (`None`: unset). The RAG rule is kept with the
    /// month it applies from, as its history, not as one value.
    pub fn stored_text(&self) -> Option<String> {
        match self {
            Setting::RagRule { rule, .. } => Some(rule.to_string()),
            Setting::DeadlineDay(day) => Some(day.to_string()),
            Setting::CouncilName(name) => Some(name.clone()),
            Setting::CollectFrom(month) => month.map(|m| m.to_string()),
            Setting::RiskBands(bands) => Some(bands.to_string()),
            Setting::RemindSteps(steps) => Some(steps.to_string()),
            Setting::MailDomain(domain) => domain.clone(),
            Setting::Sendmail(path) => Some(path.clone()),
        }
    }
}

/// A mail domain: labels of letters, digits and hyphens joined by dots; "" unsets it.
fn mail_domain(value: &str) -> Result<Option<String>, SettingError> {
    let d = value.trim();
    if d.is_empty() {
        return Ok(None);
    }
    let label_ok = |l: &str| {
        !l.is_empty() && l.len() <= 63 && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    };
    if d.len() <= 253 && d.split('.').all(label_ok) {
        Ok(Some(d.to_ascii_lowercase()))
    } else {
        Err(SettingError::MailDomain(
            crate::safe_text::line(value).into_owned(),
        ))
    }
}

/// The mail program: an absolute path with no control characters or spaces.
fn sendmail(value: &str) -> Result<String, SettingError> {
    let p = value.trim();
    let ok = p.starts_with('/')
        && p.len() <= 1024
        && !p.chars().any(|c| c.is_control() || c.is_whitespace());
    if ok {
        Ok(p.to_string())
    } else {
        Err(SettingError::Sendmail(
            crate::safe_text::line(value).into_owned(),
        ))
    }
}

/// A day from 1 to 28 written as a plain number: "+5" or "05" would be stored as typed.
fn deadline_day(value: &str) -> Result<u32, SettingError> {
    let plain = value.trim();
    match plain.parse::<u32>() {
        Ok(d) if (1..=28).contains(&d) && plain == d.to_string() => Ok(d),
        _ => Err(SettingError::DeadlineDay(
            crate::safe_text::line(value).into_owned(),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    fn month(text: &str) -> Month {
        Month::parse_written(text).unwrap()
    }

    fn refusal(key: &str, value: &str, from: Option<&str>) -> String {
        let from = from.map(|f| f.parse::<Period>().unwrap());
        Setting::parse(key, value, from).unwrap_err().to_string()
    }

    #[test]
    fn each_key_reads_its_value() {
        let cases = [
            (
                "rag_rule",
                "tolerance:5:10",
                Setting::RagRule {
                    rule: RagRule::Tolerance {
                        green: 5.0,
                        amber: 10.0,
                    },
                    from: None,
                },
                "tolerance:5:10",
            ),
            ("deadline_day", " 20 ", Setting::DeadlineDay(20), "20"),
            (
                "council_name",
                "  Wyvern Vale District Council ",
                Setting::CouncilName("Wyvern Vale District Council".into()),
                "Wyvern Vale District Council",
            ),
            (
                "collect_from",
                "2025-04",
                Setting::CollectFrom(Some(month("2025-04"))),
                "2025-04",
            ),
            (
                "risk_bands",
                "5:14",
                Setting::RiskBands(RiskBands {
                    green: 5,
                    amber: 14,
                }),
                "5:14",
            ),
        ];
        for (key, value, setting, stored) in cases {
            let read = Setting::parse(key, value, None).unwrap();
            assert_eq!(read, setting, "{key} {value}");
            assert_eq!(read.key(), key);
            assert_eq!(read.stored_text().as_deref(), Some(stored));
        }
    }

    #[test]
    fn a_rag_rule_from_a_quarter_applies_from_its_first_month() {
        let q = "2025/26 Q2".parse::<Period>().unwrap();
        assert_eq!(
            Setting::parse("rag_rule", "intervention", Some(q)),
            Ok(Setting::RagRule {
                rule: RagRule::Intervention,
                from: Some(month("2025-07")),
            })
        );
    }

    #[test]
    fn an_empty_collect_from_unsets_it() {
        let unset = Setting::parse("collect_from", "  ", None).unwrap();
        assert_eq!(unset, Setting::CollectFrom(None));
        assert_eq!(unset.stored_text(), None);
    }

    #[rstest]
    #[case(
        "rag_rule",
        "strict",
        "'strict' is not a RAG rule: use 'intervention' or 'tolerance:G:A' (green within G% of target, amber within A%, e.g. tolerance:5:10)"
    )]
    #[case(
        "deadline_day",
        "29",
        "deadline_day must be a day of the month from 1 to 28 written as a plain number (e.g. 15), not '29'"
    )]
    #[case(
        "deadline_day",
        "05",
        "deadline_day must be a day of the month from 1 to 28 written as a plain number (e.g. 15), not '05'"
    )]
    #[case(
        "council_name",
        "Wyvern\nVale",
        "council_name holds the control character U+000A: a title or name is one line of plain text"
    )]
    #[case(
        "collect_from",
        "2025/26 Q1",
        "collect_from must be a month: '2025/26 Q1' is not a month: write a month like 2025-02"
    )]
    #[case(
        "risk_bands",
        "12:4",
        "risk bands '12:4' are not G:A with 1 ≤ G < A < 25 (green up to G, amber up to A, red above), such as 4:12"
    )]
    #[case(
        "deadline",
        "15",
        "'deadline' is not a setting: use rag_rule, deadline_day, council_name, collect_from, risk_bands, remind_steps, mail_domain or sendmail"
    )]
    fn a_bad_value_or_key_is_refused_saying_what_to_write(
        #[case] key: &str,
        #[case] value: &str,
        #[case] why: &str,
    ) {
        assert_eq!(refusal(key, value, None), why);
    }

    #[test]
    fn only_the_rag_rule_takes_a_from_period() {
        assert_eq!(
            refusal("deadline_day", "10", Some("2025-04")),
            "--from applies to rag_rule only, not deadline_day"
        );
        // The key is checked before the period.
        assert_eq!(
            refusal("deadline", "10", Some("2025-04")),
            "'deadline' is not a setting: use rag_rule, deadline_day, council_name, collect_from, risk_bands, remind_steps, mail_domain or sendmail"
        );
    }
}
