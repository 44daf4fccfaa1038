//! The scriptable contract (SPEC.md, "The scriptable contract"): every command exists and
//! documents itself, exit statuses are 0 / 1 / 2, and each read gives the real figures of
//! the fixture council in its JSON.
//!
//! The fixture council (tests/fixtures) has data for April to July 2024; today is pinned
//! to 2024-08-01, so June's data was due on 15 July and July's is not due until 15 August.

mod common;

use common::{Council, codes, me, text};
use predicates::prelude::*;
use serde_json::{Value, json};

const COMMANDS: [&str; 17] = [
    "init",
    "demo",
    "config",
    "import",
    "export",
    "show",
    "list",
    "set",
    "rollup",
    "report",
    "overdue",
    "exceptions",
    "history",
    "backup",
    "check",
    "user",
    "signoff",
];

// ---------------------------------------------------------------------------------------
// Help and exit statuses

#[test]
fn help_lists_every_command_of_the_contract() {
    let c = Council::empty(common::FIXTURE_TODAY);
    let help = c.ok(&["help"]);
    for command in COMMANDS {
        assert!(
            help.lines()
                .any(|l| l.trim_start().starts_with(&format!("{command} "))),
            "`pmdb help` does not list {command}:\n{help}"
        );
    }
    // The period forms and PMDB_TODAY are documented in the help itself.
    assert!(
        help.contains("2025-02") && help.contains("2024/25 Q4") && help.contains("2024/25"),
        "{help}"
    );
    assert!(help.contains("PMDB_TODAY"), "{help}");
    assert_eq!(
        c.ok(&["--help"]),
        help,
        "`pmdb --help` and `pmdb help` differ"
    );
}

#[test]
fn every_command_has_its_own_help() {
    let c = Council::empty(common::FIXTURE_TODAY);
    for command in COMMANDS {
        let help = c.ok(&[command, "--help"]);
        assert!(
            help.contains(&format!("Usage: pmdb {command}")),
            "`pmdb {command} --help`:\n{help}"
        );
        assert!(
            help.contains("--db <PATH>"),
            "`pmdb {command} --help` does not mention --db:\n{help}"
        );
        assert_eq!(
            c.ok(&["help", command]),
            help,
            "`pmdb help {command}` differs from `pmdb {command} --help`"
        );
    }
    let set = c.ok(&["set", "--help"]);
    for option in [
        "--numerator",
        "--denominator",
        "--commentary",
        "--action",
        "--quality",
        "--expect-version",
    ] {
        assert!(
            set.contains(option),
            "`pmdb set --help` lacks {option}:\n{set}"
        );
    }
    let user = c.ok(&["user", "--help"]);
    for sub in ["add", "set-role", "list"] {
        assert!(
            user.contains(sub),
            "`pmdb user --help` lacks {sub}:\n{user}"
        );
    }
    let exceptions = c.ok(&["exceptions", "--help"]);
    for sub in ["raise", "update"] {
        assert!(
            exceptions.contains(sub),
            "`pmdb exceptions --help` lacks {sub}:\n{exceptions}"
        );
    }
}

#[test]
fn a_usage_error_exits_with_status_2_and_says_what_was_wrong() {
    let c = Council::fixture();
    c.cmd(&["list", "--colour", "red"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("unexpected argument '--colour'"));
    c.cmd(&["frobnicate"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "unrecognized subcommand 'frobnicate'",
        ));
    c.cmd(&["set", "RW1", "2024-07"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("<VALUE>"));
    c.cmd(&["user", "add", "alee"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--role <ROLE>"));
}

#[test]
fn a_refused_request_exits_with_status_1_and_a_message_on_stderr() {
    let c = Council::fixture();
    let err = c.refused(&["show", "NOPE"]);
    assert_eq!(
        err.trim(),
        "pmdb: no indicator 'NOPE' (see `pmdb list` for the codes)"
    );
}

// ---------------------------------------------------------------------------------------
// init, config, PMDB_DB

#[test]
fn init_makes_the_login_that_runs_it_admin_and_refuses_an_existing_file() {
    let c = Council::empty(common::FIXTURE_TODAY);
    let out = c.json(&["init"]);
    assert_eq!(out["admin"], me());
    let users = c.json(&["user", "list"]);
    assert_eq!(
        users["users"],
        json!([{ "login": me(), "name": me(), "role": "admin" }])
    );
    let before = common::bytes(&c.db);
    let err = c.refused(&["init"]);
    assert!(
        err.contains("already exists; refusing to overwrite it"),
        "{err}"
    );
    assert_eq!(
        common::bytes(&c.db),
        before,
        "a refused init changed the file"
    );
}

#[test]
fn config_shows_the_database_the_login_and_the_settings() {
    let c = Council::fixture();
    let cfg = c.json(&["config"]);
    assert_eq!(cfg["database"], c.db.to_str().unwrap());
    assert_eq!(cfg["exists"], true);
    assert_eq!(cfg["login"], me());
    assert_eq!(cfg["role"], "admin");
    assert_eq!(cfg["today"], "2024-08-01");
    assert_eq!(cfg["deadline_day"], 15);
    assert_eq!(
        cfg["rag_rules"],
        json!([{ "from": null, "rule": "intervention" }])
    );

    c.ok(&["config", "set", "deadline_day", "10"]);
    c.ok(&[
        "config",
        "set",
        "rag_rule",
        "tolerance:5:10",
        "--from",
        "2024-06",
    ]);
    let cfg = c.json(&["config"]);
    assert_eq!(cfg["deadline_day"], 10);
    assert_eq!(
        cfg["rag_rules"],
        json!([{ "from": null, "rule": "intervention" }, { "from": "2024-06", "rule": "tolerance:5:10" }])
    );
}

#[test]
fn the_database_can_be_named_by_pmdb_db_instead_of_db() {
    let c = Council::fixture();
    let mut cmd = assert_cmd::Command::cargo_bin("pmdb").unwrap();
    cmd.args(["show", "PL1", "--period", "2024/25 Q1", "--json"])
        .env("PMDB_DB", &c.db)
        .env("PMDB_TODAY", "2024-08-01");
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["periods"][0]["value"], 75.0);
}

#[test]
fn without_db_the_database_lives_in_the_data_directory_and_config_says_where() {
    let home = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| {
        let mut cmd = assert_cmd::Command::cargo_bin("pmdb").unwrap();
        cmd.args(args)
            .env("HOME", home.path())
            .env_remove("XDG_DATA_HOME")
            .env_remove("PMDB_DB")
            .env("PMDB_TODAY", "2024-08-01");
        let out = cmd.output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let expected = home.path().join(".local/share/pmdb/pmdb.db");
    let cfg: Value = serde_json::from_str(&run(&["config", "--json"])).unwrap();
    assert_eq!(cfg["database"], expected.to_str().unwrap());
    assert_eq!(cfg["exists"], false);
    run(&["init"]);
    assert!(
        expected.exists(),
        "init did not create {}",
        expected.display()
    );
    let cfg: Value = serde_json::from_str(&run(&["config", "--json"])).unwrap();
    assert_eq!(
        (cfg["exists"].clone(), cfg["role"].clone()),
        (json!(true), json!("admin"))
    );
}

// ---------------------------------------------------------------------------------------
// show

#[test]
fn show_json_gives_each_month_of_a_ratio_indicator_with_status_rule_direction_and_ytd() {
    let c = Council::fixture();
    let wr1 = c.json(&["show", "WR1"]);
    assert_eq!(wr1["code"], "WR1");
    let intervention_rule = "green ≥ 50.0; amber ≥ 45.0 (intervention level); red below";
    let rows: Vec<(String, Value, String, String, Value, Value)> = wr1["periods"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            assert_eq!(p["target"], 50.0, "{p}");
            assert_eq!(p["intervention"], 45.0, "{p}");
            (
                text(&p["period"]),
                p["value"].clone(),
                text(&p["rag"]),
                text(&p["rule"]),
                p["direction"].clone(),
                p["ytd"].clone(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        vec![
            // 520/1000, 480/1000, 430/1000 as percentages.
            (
                "2024-04".into(),
                json!(52.0),
                "green".into(),
                intervention_rule.into(),
                Value::Null,
                json!(52.0)
            ),
            (
                "2024-05".into(),
                json!(48.0),
                "amber".into(),
                intervention_rule.into(),
                json!("worsening"),
                json!(50.0)
            ),
            // Year to date is Σnumerator/Σdenominator = 1430/3000, never a mean of percentages.
            (
                "2024-06".into(),
                json!(43.0),
                "red".into(),
                intervention_rule.into(),
                json!("worsening"),
                json!(47.7)
            ),
            (
                "2024-07".into(),
                Value::Null,
                "none".into(),
                "not yet due (deadline 15 Aug 2024)".into(),
                Value::Null,
                json!(47.7)
            ),
        ]
    );
}

#[test]
fn a_quarter_of_a_monthly_ratio_is_the_ratio_of_the_sums() {
    let c = Council::fixture();
    // (520 + 480 + 430) / 3000 = 47.67%: amber against target 50, intervention 45.
    let q1 = c.period("WR1", "2024/25 Q1");
    assert_eq!(q1["period"], "2024/25 Q1");
    assert_eq!(q1["value"], 47.7);
    assert_eq!(q1["target"], 50.0);
    assert_eq!(q1["intervention"], 45.0);
    assert_eq!(q1["rag"], "amber");
    assert_eq!(
        q1["rule"],
        "green ≥ 50.0; amber ≥ 45.0 (intervention level); red below"
    );
    // The other written form of a quarter names the same period.
    assert_eq!(c.period("WR1", "2024/25-Q1"), q1);
}

#[test]
fn a_quarter_of_a_monthly_indicator_is_derived_by_its_aggregation() {
    let c = Council::fixture();
    let defs = c.file(
        "agg.csv",
        format!(
            "code,title,kind,polarity,frequency,aggregation,owner,plan\n\
             MEAN,m,local,higher,monthly,mean,{me},SP1\n\
             LAST,l,local,higher,monthly,latest,{me},SP1\n\
             MAX,x,local,higher,monthly,max,{me},SP1\n\
             MIN,n,local,lower,monthly,min,{me},SP1\n",
            me = me()
        ),
    );
    c.ok(&["import", "indicators", &defs]);
    let mut values = String::from("code,period,value\n");
    for code in ["MEAN", "LAST", "MAX", "MIN"] {
        values.push_str(&format!(
            "{code},2024-04,10\n{code},2024-05,30\n{code},2024-06,20\n"
        ));
    }
    let values = c.file("agg-values.csv", values);
    c.ok(&["import", "values", &values]);
    // April 10, May 30, June 20.
    for (code, quarter) in [("MEAN", 20.0), ("LAST", 20.0), ("MAX", 30.0), ("MIN", 10.0)] {
        let q1 = c.period(code, "2024/25 Q1");
        assert_eq!(q1["value"], quarter, "{code}: {q1}");
        assert_eq!(q1["ytd"], quarter, "{code}: {q1}");
        // The year so far is labelled as partial.
        let year = c.period(code, "2024/25");
        assert_eq!(year["value"], quarter, "{code}: {year}");
        assert_eq!(year["partial"], "partial: 3 of 12 months", "{code}");
    }
}

#[test]
fn a_quarterly_indicator_uses_its_own_quarter_value() {
    let c = Council::fixture();
    let q1 = c.period("PL1", "2024/25 Q1");
    // 9 of 12 major applications in 13 weeks = 75.0%, green against target 60.
    assert_eq!(
        (
            q1["value"].clone(),
            q1["target"].clone(),
            q1["intervention"].clone()
        ),
        (json!(75.0), json!(60.0), json!(50.0))
    );
    assert_eq!(q1["rag"], "green");
    assert_eq!(q1["ytd"], 75.0);
    assert_eq!(
        c.json(&["show", "PL1"])["periods"]
            .as_array()
            .unwrap()
            .len(),
        1,
        "PL1 is listed by quarter"
    );
}

#[test]
fn a_sum_indicator_spreads_its_annual_target_and_sums_its_quarter() {
    let c = Council::fixture();
    // RW1: annual target 480 kg, aggregated by sum, so 40 a month and 120 a quarter; its
    // own rule is tolerance:5:10, lower is better.
    let june = c.period("RW1", "2024-06");
    assert_eq!(
        (
            june["value"].clone(),
            june["target"].clone(),
            june["rag"].clone()
        ),
        (json!(40.0), json!(40.0), json!("green"))
    );
    assert_eq!(june["ytd"], 119.0);
    assert_eq!(
        june["direction"], "improving",
        "40 after 41 is better when lower is better"
    );
    let q1 = c.period("RW1", "2024/25 Q1");
    assert_eq!(
        (q1["value"].clone(), q1["target"].clone(), q1["rag"].clone()),
        (json!(119.0), json!(120.0), json!("green"))
    );
    assert_eq!(
        q1["rule"],
        "tolerance: green within 5% of target 120, amber within 10%, red beyond (lower is better)"
    );
}

#[test]
fn a_data_only_measure_has_no_status_but_is_missing_after_its_deadline() {
    let c = Council::fixture();
    assert_eq!(
        c.status("PL2", "2024-04"),
        ("none".into(), "data only: no target".into())
    );
    assert_eq!(
        c.status("PL2", "2024-05"),
        (
            "missing".into(),
            "no value by the deadline 15 Jun 2024".into()
        )
    );
    assert_eq!(
        c.status("PL2", "2024-07"),
        ("none".into(), "not yet due (deadline 15 Aug 2024)".into())
    );
}

#[test]
fn a_contextual_measure_gets_a_direction_but_no_status_and_polarity_none_gets_neither() {
    let c = Council::fixture();
    let defs = c.file(
        "cx.csv",
        format!(
            "code,title,kind,polarity,frequency,aggregation,owner,plan\nCX,Crime rate,contextual,lower,monthly,mean,{},SP1\n",
            me()
        ),
    );
    c.ok(&["import", "indicators", &defs]);
    let targets = c.file(
        "cx-t.csv",
        "code,year,target,intervention\nCX,2024/25,5,7\n",
    );
    let err = c.refused(&["import", "targets", &targets]);
    assert!(
        err.trim().ends_with("row 2, column target: CX is a data-only measure (contextual, polarity lower) and takes no target"),
        "{err}"
    );
    let values = c.file(
        "cx-v.csv",
        "code,period,value\nCX,2024-04,10\nCX,2024-05,8\n",
    );
    c.ok(&["import", "values", &values]);
    let may = c.period("CX", "2024-05");
    assert_eq!(
        (
            may["rag"].clone(),
            may["direction"].clone(),
            may["target"].clone(),
            may["rule"].clone()
        ),
        (
            json!("none"),
            json!("improving"),
            Value::Null,
            json!("contextual measure: direction only, no target")
        )
    );
    // PL2 (polarity none): 130 then 140, no direction and no status.
    c.ok(&["set", "PL2", "2024-05", "140"]);
    let may = c.period("PL2", "2024-05");
    assert_eq!(
        (may["rag"].clone(), may["direction"].clone()),
        (json!("none"), Value::Null)
    );
}

// ---------------------------------------------------------------------------------------
// list

fn listed(c: &Council, args: &[&str]) -> Vec<String> {
    let mut a = vec!["list"];
    a.extend_from_slice(args);
    codes(&c.json(&a), "indicators")
}

#[test]
fn list_filters_by_owner_plan_portfolio_service_and_status() {
    let c = Council::fixture();
    assert_eq!(listed(&c, &[]), ["WR1", "RW1", "PL1", "PL2"]);
    assert_eq!(listed(&c, &["--owner", "alee"]), ["WR1", "RW1"]);
    assert_eq!(listed(&c, &["--owner", "jpatel"]), ["PL1", "PL2"]);
    assert!(listed(&c, &["--owner", "nobody"]).is_empty());
    // PL1 is linked to SP2 and to O1 (under P1), so it counts under both priorities.
    assert_eq!(listed(&c, &["--plan", "P1"]), ["WR1", "RW1", "PL1"]);
    assert_eq!(listed(&c, &["--plan", "O2"]), ["PL1", "PL2"]);
    assert_eq!(listed(&c, &["--plan", "SP1"]), ["WR1", "RW1"]);
    assert_eq!(listed(&c, &["--portfolio", "ENV"]), ["WR1", "RW1", "PL1"]);
    assert_eq!(listed(&c, &["--portfolio", "RES"]), ["PL1", "PL2"]);
    assert_eq!(listed(&c, &["--service", "WASTE"]), ["WR1", "RW1"]);
    assert_eq!(listed(&c, &["--service", "PLAN"]), ["PL1", "PL2"]);
    assert_eq!(
        listed(&c, &["--rag", "red", "--period", "2024-06"]),
        ["WR1"]
    );
    assert_eq!(
        listed(&c, &["--rag", "missing", "--period", "2024-06"]),
        ["PL2"]
    );
    assert_eq!(
        listed(&c, &["--rag", "green", "--period", "2024-06"]),
        ["RW1", "PL1"]
    );
    assert_eq!(
        listed(&c, &["--rag", "amber", "--period", "2024/25 Q1"]),
        ["WR1"]
    );
    assert_eq!(
        listed(
            &c,
            &["--owner", "alee", "--rag", "green", "--period", "2024-05"]
        ),
        ["RW1"]
    );
}

#[test]
fn list_json_carries_the_period_value_target_and_status() {
    let c = Council::fixture();
    let v = c.json(&["list", "--period", "2024-06", "--owner", "alee"]);
    assert_eq!(v["period"], "2024-06");
    let wr1 = &v["indicators"][0];
    assert_eq!(
        (
            wr1["code"].clone(),
            wr1["value"].clone(),
            wr1["target"].clone(),
            wr1["rag"].clone()
        ),
        (json!("WR1"), json!(43.0), json!(50.0), json!("red"))
    );
    // The default period is the last quarter that has ended by today.
    assert_eq!(c.json(&["list"])["period"], "2024/25 Q1");
}

#[test]
fn list_refuses_a_filter_that_names_nothing() {
    let c = Council::fixture();
    assert_eq!(
        c.refused(&["list", "--plan", "NOPE"]).trim(),
        "pmdb: --plan: no plan node 'NOPE'"
    );
    assert_eq!(
        c.refused(&["list", "--service", "PARKS"]).trim(),
        "pmdb: --service: no service 'PARKS' (the codes are PLAN, WASTE)"
    );
    assert_eq!(
        c.refused(&["list", "--rag", "purple"]).trim(),
        "pmdb: --rag: 'purple' is not a RAG status: use green, amber, red, missing or none"
    );
}

// ---------------------------------------------------------------------------------------
// set

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
        err.contains(&format!("RW1 2024-07 was changed by {} at ", me())),
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
        "pmdb: 2024-09 has not started yet (today is 2024-08-01)"
    );
    assert_eq!(c.snapshot(), before);
}

// ---------------------------------------------------------------------------------------
// rollup

fn counts(g: &Value) -> [i64; 5] {
    ["green", "amber", "red", "missing", "none"].map(|k| {
        g[k].as_i64()
            .unwrap_or_else(|| panic!("no count {k} in {g}"))
    })
}

#[test]
fn rollup_by_priority_counts_every_indicator_beneath_each_node_once() {
    let c = Council::fixture();
    let r = c.json(&["rollup", "--period", "2024/25 Q1"]);
    assert_eq!(r["period"], "2024/25 Q1");
    assert_eq!(r["by"], "priority");
    let groups = r["groups"].as_array().unwrap();
    assert_eq!(codes(&r, "groups"), ["P1", "P2"]);
    // P1: WR1 amber (47.7 vs 50), RW1 green (119 vs 120), PL1 green (75 vs 60) via O1.
    assert_eq!(groups[0]["title"], "A greener district");
    assert_eq!(counts(&groups[0]), [2, 1, 0, 0, 0]);
    assert_eq!(codes(&groups[0], "indicators"), ["WR1", "RW1", "PL1"]);
    // P2: PL1 green and PL2 data only.
    assert_eq!(counts(&groups[1]), [1, 0, 0, 0, 1]);
    assert_eq!(codes(&groups[1], "indicators"), ["PL1", "PL2"]);

    let wr1 = &groups[0]["indicators"][0];
    for field in [
        "code",
        "value",
        "target",
        "rag",
        "rule",
        "direction",
        "ytd",
        "latest_period",
    ] {
        assert!(
            wr1.get(field).is_some(),
            "rollup indicator lacks {field}: {wr1}"
        );
    }
    assert_eq!(
        (
            wr1["value"].clone(),
            wr1["target"].clone(),
            wr1["rag"].clone()
        ),
        (json!(47.7), json!(50.0), json!("amber"))
    );
    assert_eq!(wr1["ytd"], 47.7);
    assert_eq!(wr1["latest_period"], "2024/25 Q1");
}

#[test]
fn rollup_by_portfolio_and_by_service() {
    let c = Council::fixture();
    let by_portfolio = c.json(&["rollup", "--period", "2024/25 Q1", "--by", "portfolio"]);
    assert_eq!(by_portfolio["by"], "portfolio");
    assert_eq!(codes(&by_portfolio, "groups"), ["ENV", "RES"]);
    assert_eq!(counts(&by_portfolio["groups"][0]), [2, 1, 0, 0, 0]);
    assert_eq!(counts(&by_portfolio["groups"][1]), [1, 0, 0, 0, 1]);

    // June: WR1 red (43), RW1 green (40), PL2 missing; PL1's latest quarter is green.
    let by_service = c.json(&["rollup", "--period", "2024-06", "--by", "service"]);
    assert_eq!(codes(&by_service, "groups"), ["PLAN", "WASTE"]);
    assert_eq!(counts(&by_service["groups"][0]), [1, 0, 0, 1, 0]);
    assert_eq!(counts(&by_service["groups"][1]), [1, 0, 1, 0, 0]);
    let text = c.ok(&["rollup", "--period", "2024-06", "--by", "service"]);
    assert!(text.contains("WASTE") && text.contains("R 1"), "{text}");
}

#[test]
fn rollup_defaults_to_the_last_quarter_that_has_ended() {
    let c = Council::fixture();
    let r = c.json(&["rollup"]);
    assert_eq!(
        (r["period"].clone(), r["by"].clone()),
        (json!("2024/25 Q1"), json!("priority"))
    );
}

// ---------------------------------------------------------------------------------------
// overdue

#[test]
fn overdue_lists_values_past_their_deadline_as_of_a_date() {
    let c = Council::fixture();
    let v = c.json(&["overdue"]);
    assert_eq!(v["as_of"], "2024-08-01");
    let rows: Vec<(String, String, String, i64)> = v["overdue"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| {
            (
                text(&o["code"]),
                text(&o["period"]),
                text(&o["deadline"]),
                o["days_overdue"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("PL2".into(), "2024-05".into(), "2024-06-15".into(), 47),
            ("PL2".into(), "2024-06".into(), "2024-07-15".into(), 17)
        ]
    );
    let v = c.json(&["overdue", "--as-of", "2024-06-20"]);
    assert_eq!(v["overdue"].as_array().unwrap().len(), 1);
    assert_eq!(v["overdue"][0]["days_overdue"], 5);
    let text = c.ok(&["overdue"]);
    assert!(text.contains("2 values overdue as of 2024-08-01"), "{text}");
    // Once recorded, a value is no longer overdue.
    c.ok(&["set", "PL2", "2024-05", "120"]);
    assert_eq!(c.json(&["overdue"])["overdue"].as_array().unwrap().len(), 1);
}

// ---------------------------------------------------------------------------------------
// exceptions

#[test]
fn exceptions_raise_one_per_red_or_missing_value_and_raising_again_adds_nothing() {
    let c = Council::fixture();
    let first = c.json(&["exceptions", "raise", "--period", "2024-06"]);
    assert_eq!(
        (first["found"].clone(), first["raised"].clone()),
        (json!(2), json!(2))
    );
    let again = c.json(&["exceptions", "raise", "--period", "2024-06"]);
    assert_eq!(
        (again["found"].clone(), again["raised"].clone()),
        (json!(2), json!(0))
    );
    let list = c.json(&["exceptions"]);
    let rows: Vec<(String, String, String, String)> = list["exceptions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                text(&e["kind"]),
                text(&e["subject"]),
                text(&e["service"]),
                text(&e["status"]),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("red".into(), "WR1".into(), "WASTE".into(), "open".into()),
            ("missing".into(), "PL2".into(), "PLAN".into(), "open".into())
        ]
    );
    let red = &list["exceptions"][0];
    assert_eq!(
        red["figures"],
        "2024-06 43.0 against target 50.0 (intervention 45.0): green ≥ 50.0; amber ≥ 45.0 (intervention level); red below"
    );
    assert_eq!(
        red["commentary"],
        "Contamination rejected two loads / Action: Crew campaign on contamination"
    );
    assert_eq!(red["raised_by"], me());
    // Nothing is red or missing in the first quarter as a whole (WR1 is amber there).
    assert_eq!(
        c.json(&["exceptions", "raise", "--period", "2024/25 Q1"])["raised"],
        0
    );
    // Filters.
    assert_eq!(codes_of(&c, &["--kind", "missing"]), ["PL2"]);
    assert_eq!(codes_of(&c, &["--service", "WASTE"]), ["WR1"]);
    assert_eq!(
        codes_of(&c, &["--period", "2024-06", "--status", "open"]),
        ["WR1", "PL2"]
    );
    assert!(codes_of(&c, &["--period", "2024-05"]).is_empty());
}

fn codes_of(c: &Council, filters: &[&str]) -> Vec<String> {
    let mut args = vec!["exceptions"];
    args.extend_from_slice(filters);
    c.json(&args)["exceptions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| text(&e["subject"]))
        .collect()
}

#[test]
fn exceptions_raise_covers_overdue_actions_and_risks_above_their_target() {
    let c = Council::fixture();
    // The command line cannot record actions or risks yet: write them as pmdb would.
    let w = c.writer(&me());
    w.execute_batch(
        "INSERT INTO actions (code, title, node, owner, due, status, progress) VALUES
             ('A1', 'Bring in food waste rounds', 'SP1', 'hos.waste', '2024-07-01', 'on_track', 60),
             ('A2', 'Done on time', 'SP1', 'hos.waste', '2024-07-01', 'completed', 100),
             ('A3', 'Not due yet', 'SP2', 'hos.plan', '2024-12-01', 'on_track', 10);
         INSERT INTO risks (code, title, category, node, owner, likelihood, impact, target_score, controls, review_date) VALUES
             ('R1', 'Recycling contract fails', 'partnership', 'SP1', 'hos.waste', 4, 4, 9, 'Contract monitoring', '2024-09-01'),
             ('R2', 'Within appetite', 'operational', 'SP2', 'hos.plan', 2, 2, 6, '', '2024-09-01');",
    )
    .unwrap();
    drop(w);
    let raised = c.json(&["exceptions", "raise", "--period", "2024-06"]);
    assert_eq!(
        (raised["found"].clone(), raised["raised"].clone()),
        (json!(4), json!(4))
    );
    assert_eq!(codes_of(&c, &["--kind", "overdue_action"]), ["A1"]);
    assert_eq!(codes_of(&c, &["--kind", "risk"]), ["R1"]);
    let risk = &c.json(&["exceptions", "--kind", "risk"])["exceptions"][0];
    assert_eq!(
        risk["figures"],
        "Recycling contract fails: score 16 (4 likelihood × 4 impact) above its target score 9"
    );
    assert_eq!(risk["service"], "WASTE");
    assert_eq!(
        c.json(&["exceptions", "raise", "--period", "2024-06"])["raised"],
        0
    );
}

#[test]
fn exceptions_update_records_proposal_decision_escalation_and_closure() {
    let c = Council::fixture();
    c.ok(&["exceptions", "raise", "--period", "2024-06"]);
    let e = c.json(&[
        "exceptions",
        "update",
        "1",
        "--status",
        "proposed",
        "--proposal",
        "Crew campaign",
    ]);
    assert_eq!(
        (
            e["status"].clone(),
            e["proposal"].clone(),
            e["version"].clone()
        ),
        (json!("proposed"), json!("Crew campaign"), json!(2))
    );
    // A step that skips what it needs is refused and names it.
    assert_eq!(
        c.refused(&["exceptions", "update", "1", "--status", "agreed"])
            .trim(),
        "pmdb: exception #1: record the PPG decision first"
    );
    assert_eq!(
        c.refused(&[
            "exceptions",
            "update",
            "1",
            "--status",
            "escalated",
            "--board-member",
            "dir.env"
        ])
        .trim(),
        "pmdb: exception #1: an escalation to the Management Board names the responsible Board member and a due date"
    );
    // A saver who read an older version is refused.
    let err = c.refused(&[
        "exceptions",
        "update",
        "1",
        "--decision",
        "x",
        "--expect-version",
        "1",
    ]);
    assert!(
        err.contains("exception #1") && err.contains("(version 1, now 2)"),
        "{err}"
    );
    let e = c.json(&[
        "exceptions",
        "update",
        "1",
        "--status",
        "escalated",
        "--board-member",
        "dir.env",
        "--due",
        "2024-09-30",
        "--expect-version",
        "2",
    ]);
    assert_eq!(
        (
            e["status"].clone(),
            e["board_member"].clone(),
            e["escalation_due"].clone()
        ),
        (json!("escalated"), json!("dir.env"), json!("2024-09-30"))
    );
    let e = c.json(&["exceptions", "update", "1", "--status", "closed"]);
    assert_eq!(e["status"], "closed");
    assert!(e["closed_at"].is_string(), "{e}");
    assert_eq!(
        c.refused(&[
            "exceptions",
            "update",
            "1",
            "--status",
            "agreed",
            "--decision",
            "late"
        ])
        .trim(),
        "pmdb: exception #1: an exception that is closed cannot become agreed"
    );
    assert_eq!(codes_of(&c, &["--status", "closed"]), ["WR1"]);
    assert_eq!(
        c.refused(&["exceptions", "update", "99", "--status", "closed"])
            .trim(),
        "pmdb: no exception #99"
    );
}

// ---------------------------------------------------------------------------------------
// history

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
    assert!(text.contains("value 2024-07: 39.0 → 38.0"), "{text}");
}

// ---------------------------------------------------------------------------------------
// backup and check

#[test]
fn backup_writes_a_copy_with_the_same_rows_and_refuses_an_existing_file() {
    let c = Council::fixture();
    c.ok(&["set", "RW1", "2024-07", "40"]);
    let copy = c.path("copy.db");
    c.ok(&["backup", copy.to_str().unwrap()]);
    let b = Council {
        dir: tempfile::tempdir().unwrap(),
        db: copy.clone(),
        today: c.today.clone(),
    };
    assert_eq!(
        b.snapshot(),
        c.snapshot(),
        "the backup differs from the database"
    );
    assert_eq!(b.json(&["user", "list"]), c.json(&["user", "list"]));
    assert_eq!(common::integrity(&copy), "ok");

    let before = common::bytes(&copy);
    let err = c.refused(&["backup", copy.to_str().unwrap()]);
    assert!(
        err.contains("already exists; backup writes a new file and never overwrites one"),
        "{err}"
    );
    assert_eq!(common::bytes(&copy), before);
}

#[test]
fn check_reports_integrity_and_data_quality_findings() {
    let c = Council::fixture();
    // Owners must be users to be imported; a file written around pmdb, or a user whose
    // record went, can still name a stranger, and check says so.
    let w = c.writer(&me());
    w.execute_batch(
        "UPDATE indicators SET owner = 'newbie' WHERE code IN ('WR1', 'RW1');
         UPDATE indicators SET owner = 'ghost' WHERE code = 'PL1';",
    )
    .unwrap();
    drop(w);
    let v = c.json(&["check"]);
    assert_eq!(v["integrity"], "ok");
    let findings: Vec<(String, String)> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (text(&f["check"]), text(&f["code"])))
        .collect();
    assert_eq!(
        findings,
        [
            ("unknown_owner".into(), "WR1".into()),
            ("unknown_owner".into(), "RW1".into()),
            ("unknown_owner".into(), "PL1".into()),
            ("overdue".into(), "PL2".into()),
            ("overdue".into(), "PL2".into()),
        ]
    );
    assert_eq!(
        v["findings"][3]["message"],
        "PL2 2024-05 was due 2024-06-15 (47 days overdue; owner jpatel)"
    );
    c.ok(&["user", "add", "newbie", "--role", "officer"]);
    let v = c.json(&["check"]);
    assert_eq!(
        v["findings"].as_array().unwrap().len(),
        3,
        "newbie is a user now: {v:#}"
    );
}

// ---------------------------------------------------------------------------------------
// users

#[test]
fn user_add_set_role_and_list() {
    let c = Council::init(common::FIXTURE_TODAY);
    c.ok(&[
        "user", "add", "alee", "--role", "officer", "--name", "Amy Lee",
    ]);
    c.ok(&["user", "add", "cllr.jones", "--role", "viewer"]);
    c.ok(&["user", "set-role", "alee", "performance"]);
    // Listed by login: where the test's own login (the admin) falls depends on its name.
    let mut users = vec![
        json!({ "login": "alee", "name": "Amy Lee", "role": "performance" }),
        json!({ "login": "cllr.jones", "name": "cllr.jones", "role": "viewer" }),
        json!({ "login": me(), "name": me(), "role": "admin" }),
    ];
    users.sort_by_key(|u| text(&u["login"]));
    assert_eq!(c.json(&["user", "list"])["users"], json!(users));
    assert_eq!(
        c.refused(&["user", "add", "alee", "--role", "officer"])
            .trim(),
        "pmdb: user alee exists already; change their role with `pmdb user set-role alee ROLE`"
    );
    assert_eq!(
        c.refused(&["user", "add", "bob", "--role", "wizard"])
            .trim(),
        "pmdb: 'wizard' is not a role: use admin, performance, officer or viewer"
    );
    assert_eq!(
        c.refused(&["user", "set-role", "bob", "viewer"]).trim(),
        "pmdb: no user bob; add them with `pmdb user add bob --role viewer`"
    );
}

// ---------------------------------------------------------------------------------------
// signoff

#[test]
fn a_signed_off_period_refuses_new_values() {
    let c = Council::fixture();
    let out = c.json(&["signoff", "2024/25 Q1"]);
    assert_eq!(out["period"], "2024/25 Q1");
    let before = c.snapshot();
    assert_eq!(
        c.refused(&["set", "RW1", "2024-05", "40"]).trim(),
        "pmdb: refused: 2024-05 is signed off (as part of 2024/25 Q1); its figures can no longer change"
    );
    assert!(
        c.refused(&[
            "set",
            "PL1",
            "2024/25 Q1",
            "-",
            "--numerator",
            "10",
            "--denominator",
            "12"
        ])
        .contains("2024/25 Q1 is signed off")
    );
    let csv = c.file(
        "late.csv",
        "code,period,value\nRW1,2024-07,40\nRW1,2024-06,39\n",
    );
    let err = c.refused(&["import", "values", &csv]);
    assert!(
        err.contains("row 3, column period: refused: 2024-06 is signed off"),
        "{err}"
    );
    assert!(
        c.refused(&["signoff", "2024/25 Q1"])
            .contains("2024/25 Q1 was signed off already, at ")
    );
    assert_eq!(c.snapshot(), before);
    // The next month is open.
    c.ok(&["set", "RW1", "2024-07", "40"]);
}

#[test]
fn no_later_rule_or_target_change_alters_a_signed_off_periods_status() {
    let c = Council::fixture();
    // July (not signed off): 480/1000 = 48.0, amber against 50 / 45.
    c.ok(&[
        "set",
        "WR1",
        "2024-07",
        "-",
        "--numerator",
        "480",
        "--denominator",
        "1000",
        "--commentary",
        "c",
        "--action",
        "a",
    ]);
    c.ok(&["signoff", "2024/25 Q1"]);
    let may_before = c.period("WR1", "2024-05");
    let q1_before = c.period("WR1", "2024/25 Q1");
    assert_eq!(may_before["rag"], "amber");
    assert_eq!(c.status("WR1", "2024-07").0, "amber");

    // A council-wide tolerance rule would make 48 against 50 green (within 5%).
    c.ok(&["config", "set", "rag_rule", "tolerance:5:10"]);
    assert_eq!(
        c.period("WR1", "2024-05"),
        may_before,
        "the signed-off May changed with the rule"
    );
    assert_eq!(
        c.period("WR1", "2024/25 Q1"),
        q1_before,
        "the signed-off quarter changed with the rule"
    );
    assert_eq!(
        c.status("WR1", "2024-07"),
        ("green".into(), "tolerance: green within 5% of target 50.0, amber within 10%, red beyond (higher is better)".into())
    );

    // A new annual target of 60 would make 48 red (20% short).
    let targets = c.file(
        "targets.csv",
        "code,year,period,target,intervention\nWR1,2024/25,,60,55\n",
    );
    c.ok(&["import", "targets", &targets]);
    assert_eq!(
        c.period("WR1", "2024-05"),
        may_before,
        "the signed-off May changed with the target"
    );
    assert_eq!(
        c.period("WR1", "2024/25 Q1"),
        q1_before,
        "the signed-off quarter changed with the target"
    );
    let july = c.period("WR1", "2024-07");
    assert_eq!(
        (july["rag"].clone(), july["target"].clone()),
        (json!("red"), json!(60.0))
    );

    // The roll-up of the signed-off quarter is what was signed off too.
    let r = c.json(&["rollup", "--period", "2024/25 Q1"]);
    assert_eq!(counts(&r["groups"][0]), [2, 1, 0, 0, 0]);
}

// ---------------------------------------------------------------------------------------
// import and export through standard input and output

#[test]
fn import_reads_standard_input_and_export_writes_standard_output_or_a_file() {
    let c = Council::fixture();
    c.cmd(&["import", "values", "-"])
        .write_stdin("code,period,value\nRW1,2024-07,40\n")
        .assert()
        .success()
        .stdout("imported values from standard input: 1 added, 0 changed, 0 unchanged\n");
    let out = c.values_csv();
    assert!(
        out.starts_with("code,period,value,numerator,denominator,quality,commentary,action\n"),
        "{out}"
    );
    assert!(out.contains("\nRW1,2024-07,40,,,final,,\n"), "{out}");
    assert_eq!(c.ok(&["export", "values", "-"]), out);
    let file = c.path("values.csv");
    assert_eq!(c.ok(&["export", "values", file.to_str().unwrap()]), "");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), out);
}
