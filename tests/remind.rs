//! Reminders that escalate (SPEC.md, "Reminders that escalate"): on a fixed calendar, who
//! gets which step on which day, copied up the line as items grow late, and nothing twice.
//!
//! The fixture council (deadline day 15): Alex Lee owes WR1's and RW1's July figures and Jay
//! Patel PL2's May, June and July ones (May's was due 15 June, June's 15 July, July's 15
//! August). WASTE is headed by hos.waste and PLAN by hos.plan; Kim Brown is the performance
//! team. Steps are the default, -3:0:5:10.

mod common;

use std::os::unix::fs::PermissionsExt;

use common::Council;
use serde_json::json;

fn council() -> Council {
    let c = Council::fixture();
    let services = c.file(
        "services.csv",
        "code,name,head\nWASTE,Waste,hos.waste\nPLAN,Planning,hos.plan\n",
    );
    c.ok(&["import", "services", &services]);
    let users = c.file(
        "users.csv",
        "login,name,role,title,email\n\
         alee,Alex Lee,officer,Recycling Officer,a.lee@wyvernvale.gov.uk\n\
         kbrown,Kim Brown,performance,Performance Manager,k.brown@wyvernvale.gov.uk\n",
    );
    c.ok(&["import", "users", &users]);
    c.ok(&["config", "set", "mail_domain", "wyvernvale.gov.uk"]);
    c
}

/// Who gets a message on `day`, their step, and whom it copies in.
fn who(c: &Council, day: &str) -> Vec<(String, i64, Vec<String>)> {
    let out = c.json(&["remind", "--as-of", day, "--dry-run"]);
    out["messages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            let cc = m["cc"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| a.as_str().unwrap().to_string())
                .collect();
            (
                m["to"].as_str().unwrap().to_string(),
                m["step"].as_i64().unwrap(),
                cc,
            )
        })
        .collect()
}

#[test]
fn each_step_on_its_day_copied_up_the_line_and_no_message_between() {
    let c = council();
    let alee = || "a.lee@wyvernvale.gov.uk".to_string();
    let jpatel = || "jpatel@wyvernvale.gov.uk".to_string();
    // 12 August, 3 days before July's deadline: the owners alone.
    assert_eq!(
        who(&c, "2024-08-12"),
        vec![(alee(), -3, vec![]), (jpatel(), -3, vec![])]
    );
    // 13 and 14 August are no step: nobody.
    assert_eq!(who(&c, "2024-08-13"), vec![]);
    assert_eq!(
        who(&c, "2024-08-15"),
        vec![(alee(), 0, vec![]), (jpatel(), 0, vec![])]
    );
    assert_eq!(who(&c, "2024-08-18"), vec![]);
    // 20 August, 5 days late: the head of each item's service copied in.
    assert_eq!(
        who(&c, "2024-08-20"),
        vec![
            (alee(), 5, vec!["hos.waste@wyvernvale.gov.uk".to_string()]),
            (jpatel(), 5, vec!["hos.plan@wyvernvale.gov.uk".to_string()]),
        ]
    );
    // 25 August, 10 days late: the performance team too.
    assert_eq!(
        who(&c, "2024-08-25"),
        vec![
            (
                alee(),
                10,
                vec![
                    "hos.waste@wyvernvale.gov.uk".to_string(),
                    "k.brown@wyvernvale.gov.uk".to_string()
                ]
            ),
            (
                jpatel(),
                10,
                vec![
                    "hos.plan@wyvernvale.gov.uk".to_string(),
                    "k.brown@wyvernvale.gov.uk".to_string()
                ]
            ),
        ]
    );
    // Jay's message lists everything he owes, the long-overdue months included.
    let out = c.json(&["remind", "--as-of", "2024-08-20", "--dry-run"]);
    assert_eq!(
        out["messages"][1]["items"],
        json!([
            {"kind": "value", "code": "PL2", "period": "2024-05", "deadline": "2024-06-15", "days": 66},
            {"kind": "value", "code": "PL2", "period": "2024-06", "deadline": "2024-07-15", "days": 36},
            {"kind": "value", "code": "PL2", "period": "2024-07", "deadline": "2024-08-15", "days": 5}
        ])
    );
    // A figure recorded is owed no more: Alex records both and hears nothing on the 25th.
    c.ok(&["set", "RW1", "2024-07", "39"]);
    c.ok(&[
        "set",
        "WR1",
        "2024-07",
        "-",
        "--numerator",
        "500",
        "--denominator",
        "1000",
    ]);
    assert_eq!(who(&c, "2024-08-25").len(), 1);
}

/// A mail program that keeps each message it is given in `dir`, and fails when told to.
fn fake_sendmail(c: &Council, fail: bool) -> (String, std::path::PathBuf) {
    let dir = c.path("mail");
    std::fs::create_dir_all(&dir).unwrap();
    let script = c.path(if fail { "failing-sendmail" } else { "sendmail" });
    let body = if fail {
        "#!/bin/sh\necho 'relay refused' >&2\nexit 75\n".to_string()
    } else {
        format!(
            "#!/bin/sh\n[ \"$1\" = -t ] || exit 64\nn=$(ls {d} | wc -l)\ncat > {d}/message-$n.eml\n",
            d = dir.display()
        )
    };
    std::fs::write(&script, body).unwrap();
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    (script.to_str().unwrap().to_string(), dir)
}

#[test]
fn send_pipes_each_message_to_sendmail_once_a_day() {
    let c = council();
    let (program, dir) = fake_sendmail(&c, false);
    c.ok(&["config", "set", "sendmail", &program]);
    let out = c.ok(&["remind", "--as-of", "2024-08-20", "--send"]);
    assert_eq!(
        out.trim(),
        format!("sent 2 reminders for 2024-08-20 through {program}")
    );
    let mut mails: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .collect();
    mails.sort();
    assert_eq!(mails.len(), 2);
    let alex = mails
        .iter()
        .find(|m| m.starts_with("To: a.lee@"))
        .expect("Alex's message");
    for line in [
        "To: a.lee@wyvernvale.gov.uk\nCc: hos.waste@wyvernvale.gov.uk\nSubject: pmdb reminder: 2 items owed, 2 overdue\n",
        "Content-Type: text/plain; charset=utf-8\n",
        "\nDear Alex Lee,\n",
        "- value RW1 Residual waste per household, 2024-07: was due 15 Aug 2024 (5 days late)\n",
        "- value WR1 Household waste recycled, 2024-07: was due 15 Aug 2024 (5 days late)\n",
    ] {
        assert!(alex.contains(line), "{line:?} in\n{alex}");
    }
    assert_eq!(
        c.count("SELECT count(*) FROM reminders_sent WHERE day = '2024-08-20'"),
        2
    );
    // The same day again: nobody is sent the same step twice.
    let again = c.ok(&["remind", "--as-of", "2024-08-20", "--send"]);
    assert_eq!(
        again.trim(),
        format!("sent 0 reminders for 2024-08-20 through {program}")
    );
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 2);
    let dry = c.ok(&["remind", "--as-of", "2024-08-20"]);
    assert!(
        dry.starts_with(
            "0 reminders for 2024-08-20 (a dry run: nothing is sent; 2 sent that day already)"
        ),
        "{dry}"
    );
}

#[test]
fn a_mail_program_that_fails_records_nothing_and_says_so() {
    let c = council();
    let (program, _) = fake_sendmail(&c, true);
    c.ok(&["config", "set", "sendmail", &program]);
    let err = c.refused(&["remind", "--as-of", "2024-08-20", "--send"]);
    assert!(err.contains("sent 0 reminders for 2024-08-20; 2 reminders were not sent (they are sent on the next run)"), "{err}");
    assert!(
        err.contains("a.lee@wyvernvale.gov.uk: ") && err.contains("relay refused"),
        "{err}"
    );
    assert_eq!(c.count("SELECT count(*) FROM reminders_sent"), 0);
}

#[test]
fn bad_settings_are_refused_and_other_steps_followed() {
    let c = council();
    for (key, value, says) in [
        ("remind_steps", "5:0", "is not in order, earliest first"),
        ("mail_domain", "wyvern vale", "mail_domain must be a domain"),
        ("sendmail", "sendmail", "sendmail must be the absolute path"),
    ] {
        let err = c.refused(&["config", "set", key, value]);
        assert!(err.contains(says), "{key}: {err}");
    }
    c.ok(&["config", "set", "remind_steps", "-7:1:14"]);
    assert_eq!(c.json(&["config"])["remind_steps"], "-7:1:14");
    // 16 August, 1 day late, is now the first late step: the head copied in.
    assert_eq!(
        who(&c, "2024-08-16")[0].2,
        vec!["hos.waste@wyvernvale.gov.uk".to_string()]
    );
}
