//! The scriptable contract for `set` (recording a value, refusals, compare-and-set) and
//! `history` (every set with its old and new value and the login).
//!
//! The fixture council (tests/fixtures) has data for April to July 2024; today is pinned
//! to 2024-08-01, so June's data was due on 15 July and July's is not due until 15 August.

mod common;

use common::{Council, me, text};
use serde_json::{Value, json};

#[test]
fn set_records_a_ratio_from_its_numerator_and_denominator() {
    let c = Council::fixture();
    let out = c.ok(&[
        "set",
        "WR1",
        "2024-07",
        "-",
        "--numerator",
        "510",
        "--denominator",
        "1000",
    ]);
    assert_eq!(
        out.trim(),
        "saved WR1 2024-07 = 51.0 (version 1): G green — green ≥ 50.0; amber ≥ 45.0 (intervention level); red below"
    );
    let july = c.period("WR1", "2024-07");
    assert_eq!(
        (
            july["value"].clone(),
            july["rag"].clone(),
            july["version"].clone()
        ),
        (json!(51.0), json!("green"), json!(1))
    );
    assert_eq!(july["direction"], "improving");
    // Year to date: (520 + 480 + 430 + 510) / 4000 = 48.5%.
    assert_eq!(july["ytd"], 48.5);
    assert_eq!(july["entered_by"], me());
}

#[test]
fn set_refuses_a_missed_target_without_commentary_and_action_and_names_why() {
    let c = Council::fixture();
    let before = c.snapshot();
    let miss = [
        "set",
        "WR1",
        "2024-07",
        "-",
        "--numerator",
        "440",
        "--denominator",
        "1000",
    ];
    let rule = "(red: green ≥ 50.0; amber ≥ 45.0 (intervention level); red below)";
    let err = c.refused(&miss);
    assert_eq!(
        err.trim(),
        format!(
            "pmdb: WR1 2024-07: the value misses its target {rule}, so it needs a commentary and a remedial action"
        )
    );
    let mut only_commentary = miss.to_vec();
    only_commentary.extend(["--commentary", "Wet July"]);
    assert!(
        c.refused(&only_commentary)
            .trim()
            .ends_with("so it needs a remedial action")
    );
    let mut only_action = miss.to_vec();
    only_action.extend(["--action", "Leaflets"]);
    assert!(
        c.refused(&only_action)
            .trim()
            .ends_with("so it needs a commentary")
    );
    assert_eq!(c.snapshot(), before, "a refused set wrote something");

    let mut explained = miss.to_vec();
    explained.extend([
        "--commentary",
        "Wet July",
        "--action",
        "Leaflets",
        "--quality",
        "provisional",
    ]);
    let saved = c.json(&explained);
    assert_eq!(saved["version"], 1);
    assert_eq!(saved["assessment"]["rag"], "red");
    assert_eq!(saved["assessment"]["value"], 44.0);
    let july = c.period("WR1", "2024-07");
    assert_eq!(
        (
            july["commentary"].clone(),
            july["action"].clone(),
            july["quality"].clone()
        ),
        (json!("Wet July"), json!("Leaflets"), json!("provisional"))
    );
}

#[test]
fn set_with_expect_version_is_a_compare_and_set() {
    let c = Council::fixture();
    c.ok(&["set", "RW1", "2024-07", "40", "--expect-version", "0"]);
    assert_eq!(c.period("RW1", "2024-07")["version"], 1);
    // Someone read version 1 and saves; a second saver who also read version 1 is refused.
    c.ok(&["set", "RW1", "2024-07", "39", "--expect-version", "1"]);
    let before = c.snapshot();
    let err = c.refused(&["set", "RW1", "2024-07", "38", "--expect-version", "1"]);
    assert!(
        err.contains(&format!("RW1 2024-07 was changed by {} on ", me())),
        "{err}"
    );
    assert!(
        err.contains("since you read it (version 1, now 2)"),
        "{err}"
    );
    let err = c.refused(&["set", "RW1", "2024-07", "38", "--expect-version", "0"]);
    assert!(err.contains("(version 0, now 2)"), "{err}");
    assert_eq!(c.snapshot(), before);
    let june = c.period("RW1", "2024-07");
    assert_eq!(
        (june["value"].clone(), june["version"].clone()),
        (json!(39.0), json!(2))
    );
}

#[test]
fn set_refuses_a_ratio_without_its_parts_and_a_value_that_contradicts_them() {
    let c = Council::fixture();
    let before = c.snapshot();
    assert_eq!(
        c.refused(&["set", "WR1", "2024-07", "51"]).trim(),
        "pmdb: WR1 is a ratio (%): give its numerator and denominator, e.g. --numerator 28 --denominator 32"
    );
    assert_eq!(
        c.refused(&[
            "set",
            "WR1",
            "2024-07",
            "44",
            "--numerator",
            "510",
            "--denominator",
            "1000"
        ])
        .trim(),
        "pmdb: value 44.0 does not match numerator/denominator 510/1000 = 51.0"
    );
    assert_eq!(
        c.refused(&[
            "set",
            "PL1",
            "2024-07",
            "-",
            "--numerator",
            "1",
            "--denominator",
            "2"
        ])
        .trim(),
        "pmdb: PL1 is reported quarterly: give a quarter like 2024/25 Q4, not 2024-07"
    );
    assert_eq!(
        c.refused(&["set", "RW1", "2024-09", "41"]).trim(),
        "pmdb: 2024-09 ends on 30 September 2024: its figure is recorded once it has ended"
    );
    assert_eq!(c.snapshot(), before);
}

#[test]
fn history_shows_each_set_with_old_and_new_value_and_the_login() {
    let c = Council::fixture();
    c.ok(&["set", "RW1", "2024-07", "40"]);
    c.ok(&["set", "RW1", "2024-07", "39"]);
    c.ok(&["set", "RW1", "2024-07", "38", "--quality", "estimated"]);
    let h = c.json(&["history", "RW1"]);
    assert_eq!(h["code"], "RW1");
    let july: Vec<(String, String, Value, Value, Value)> = h["changes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["table"] == "values" && r["key"] == "RW1|2024-07")
        .map(|r| {
            (
                text(&r["login"]),
                text(&r["op"]),
                r["old"]["value"].clone(),
                r["new"]["value"].clone(),
                r["new"]["version"].clone(),
            )
        })
        .collect();
    assert_eq!(
        july,
        [
            (me(), "insert".into(), Value::Null, json!(40.0), json!(1)),
            (me(), "update".into(), json!(40.0), json!(39.0), json!(2)),
            (me(), "update".into(), json!(39.0), json!(38.0), json!(3)),
        ]
    );
    // The fixture's own rows are there too: the definition, the target and three months.
    let tables: Vec<String> = h["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| text(&r["table"]))
        .collect();
    assert_eq!(tables.iter().filter(|t| *t == "values").count(), 6);
    assert!(
        tables.contains(&"indicators".to_string()) && tables.contains(&"targets".to_string()),
        "{tables:?}"
    );
    assert!(
        h["changes"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["login"] == me())
    );
    let text = c.ok(&["history", "RW1"]);
    // Figures at the indicator's places (RW1 has none), a target by its financial year.
    assert!(text.contains("value 2024-07: 39 → 38"), "{text}");
    assert!(text.contains("value 2024-07 set to 40"), "{text}");
    assert!(text.contains("target 2024/25 set to 480"), "{text}");
    assert!(!text.contains(" : "), "{text}");
}

#[test]
fn a_quarter_is_accepted_in_any_letter_case_and_written_with_a_capital_q() {
    let c = Council::fixture();
    // PL1 reports quarterly; today (1 August 2024) is in 2024/25 Q2, so Q1 has ended.
    let out = c.ok(&[
        "set",
        "PL1",
        "2024/25 q1",
        "-",
        "--numerator",
        "9",
        "--denominator",
        "10",
    ]);
    assert!(out.starts_with("saved PL1 2024/25 Q1 = 90.0"), "{out}");
    let shown = c.ok(&["show", "PL1", "--period", "2024/25 q1"]);
    assert!(shown.contains("2024/25 Q1"), "{shown}");
    assert!(!shown.contains("q1"), "{shown}");
}

#[test]
fn set_reads_a_figure_as_a_spreadsheet_writes_it() {
    let c = Council::fixture();
    // Thousands in UK groups, as the CSV import and the interface read them.
    c.ok(&["set", "PL2", "2024-07", "1,234"]);
    assert_eq!(
        c.period("PL2", "2024-07")["value"],
        serde_json::json!(1234.0)
    );
    for bad in ["12 pct", "1,23", "£5"] {
        assert_eq!(
            c.refused(&["set", "PL2", "2024-06", bad]).trim(),
            format!("pmdb: VALUE: '{bad}' is not a number")
        );
    }
    // A `%` sign is a number's unit, which a count has not (tests/spreadsheet_habits.rs).
    assert_eq!(
        c.refused(&["set", "PL2", "2024-06", "12%"]).trim(),
        "pmdb: VALUE: '12%': a % sign is only for a measure in %; this one is in 'count': write the number alone"
    );
}

/// `pmdb history CODE` finds the indicator's rows as a range of the audit log's key index:
/// its own (`RW1`, `RW1|2024-07`) and never another's whose code it begins (`RW10`), nor
/// one that sorts between (`RW1-X`).
#[test]
fn history_takes_the_indicators_own_rows_and_no_code_it_begins() {
    let c = Council::fixture();
    let file = c.file(
        "more.csv",
        "code,title,kind,unit,decimals,polarity,frequency,aggregation,owner,plan\n\
         RW10,Residual waste at the tip,local,kg,0,lower,monthly,sum,alee,SP1\n\
         RW1-X,Residual waste extra,local,kg,0,lower,monthly,sum,alee,SP1\n",
    );
    c.ok(&["import", "indicators", &file]);
    c.ok(&["set", "RW10", "2024-07", "12"]);
    c.ok(&["set", "RW1-X", "2024-07", "13"]);
    c.ok(&["set", "RW1", "2024-07", "40"]);
    let h = c.json(&["history", "RW1"]);
    let keys: Vec<&str> = h["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["key"].as_str().unwrap())
        .collect();
    assert!(keys.contains(&"RW1|2024-07"), "{keys:?}");
    assert!(
        keys.iter().all(|k| *k == "RW1" || k.starts_with("RW1|")),
        "{keys:?}"
    );
    let ten = c.json(&["history", "RW10"]);
    assert!(
        ten["changes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["key"] == "RW10|2024-07")
    );
}
