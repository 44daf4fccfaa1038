//! What a council's first year found at the edges (issue 21), on the fixture council:
//! `set` changes only what it names; a month still in progress takes no value; what is
//! owed is one rule (collection start and lag) for `overdue` and `check`; direction of
//! travel compares like with like; a first run with no database says so.

mod common;

use common::{Council, fixture, text};

/// RW1 is kg of residual waste per household, lower is better, target 480 a year (40 a
/// month), tolerance 5:10: 42 or less is green, 44 or less amber, more red.
fn council() -> Council {
    Council::fixture_on("2024-08-10")
}

#[test]
fn set_changes_only_what_it_names() {
    let c = council();
    c.ok(&[
        "set",
        "RW1",
        "2024-07",
        "45",
        "--commentary",
        "Bank holiday collections doubled up",
        "--action",
        "Extra rounds in August",
        "--quality",
        "provisional",
    ]);
    // Correcting the red figure without the words keeps the words, and is not refused
    // as if none were stored.
    let out = c.ok(&["set", "RW1", "2024-07", "46"]);
    assert!(out.contains("= 46 (version 2)"), "{out}");
    let p = c.period("RW1", "2024-07");
    assert_eq!(p["value"], 46.0);
    assert_eq!(text(&p["rag"]), "red");
    assert_eq!(
        text(&p["commentary"]),
        "Bank holiday collections doubled up"
    );
    assert_eq!(text(&p["action"]), "Extra rounds in August");
    assert_eq!(text(&p["quality"]), "provisional");
    assert_eq!(p["version"], 2);

    // The same again changes nothing: no version, no audit row, and it says so.
    let audit = c.count("SELECT count(*) FROM audit_log");
    let out = c.ok(&["set", "RW1", "2024-07", "46"]);
    assert!(
        out.starts_with("unchanged: RW1 2024-07 = 46 is already stored"),
        "{out}"
    );
    assert_eq!(c.period("RW1", "2024-07")["version"], 2);
    assert_eq!(c.count("SELECT count(*) FROM audit_log"), audit);
    let json = c.json(&["set", "RW1", "2024-07", "46"]);
    assert_eq!(
        (json["unchanged"].as_bool(), json["version"].as_i64()),
        (Some(true), Some(2))
    );

    // A green correction may clear the commentary with --commentary ""; the action and
    // quality it does not name stay.
    c.ok(&["set", "RW1", "2024-07", "39", "--commentary", ""]);
    let p = c.period("RW1", "2024-07");
    assert_eq!(
        (text(&p["rag"]), text(&p["commentary"]), text(&p["action"])),
        (
            "green".into(),
            String::new(),
            "Extra rounds in August".into()
        )
    );
    assert_eq!(
        (text(&p["quality"]), p["version"].as_i64()),
        ("provisional".into(), Some(3))
    );

    // A red figure with no words stored is still refused.
    let err = c.refused(&["set", "RW1", "2024-04", "50"]);
    assert!(
        err.contains("needs a commentary and a remedial action"),
        "{err}"
    );
}

#[test]
fn a_ratio_keeps_its_stored_parts_when_only_the_words_change() {
    let c = council();
    // WR1 2024-06 is 430/1000 = 43.0 %, stored with its parts.
    c.ok(&[
        "set",
        "WR1",
        "2024-06",
        "-",
        "--commentary",
        "Contamination rejected three loads",
    ]);
    let p = c.period("WR1", "2024-06");
    assert_eq!(p["value"], 43.0);
    assert_eq!(text(&p["commentary"]), "Contamination rejected three loads");
    assert_eq!(text(&p["action"]), "Crew campaign on contamination");
    // A figure that contradicts the stored parts is refused, naming both.
    let err = c.refused(&["set", "WR1", "2024-06", "50"]);
    assert!(
        err.contains("value 50.0 does not match numerator/denominator 430/1000 = 43.0"),
        "{err}"
    );
}

#[test]
fn a_month_still_in_progress_takes_no_value() {
    let c = council();
    let before = c.snapshot();
    let err = c.refused(&["set", "RW1", "2024-08", "30"]);
    assert!(
        err.contains("2024-08 ends on 31 August 2024: its figure is recorded once it has ended"),
        "{err}"
    );
    // Nor by import, naming the row.
    let file = c.file(
        "aug.csv",
        "code,period,value\nRW1,2024-07,39\nRW1,2024-08,30\n",
    );
    let err = c.refused(&["import", "values", &file]);
    assert!(err.contains("row 3"), "{err}");
    assert!(err.contains("2024-08 ends on 31 August 2024"), "{err}");
    assert_eq!(c.snapshot(), before);
    // July has ended: its figure is taken.
    c.ok(&["set", "RW1", "2024-07", "39"]);
}

/// An indicators file adding two measures: FT1 collected from July 2024, and NR1 a
/// national quarterly return published three months after each quarter.
fn with_new_measures(c: &Council) {
    let file = c.file(
        "new.csv",
        "code,title,kind,unit,decimals,polarity,frequency,aggregation,owner,plan,collect_from,lag,cumulative\n\
         FT1,Fly-tips cleared within a day,local,count,0,higher,monthly,sum,alee,SP1,2024-07,,\n\
         NR1,Households in temporary accommodation,sdl,count,0,lower,quarterly,latest,alee,SP1,,3,\n\
         CT1,Council tax collected to date,local,%,1,higher,monthly,latest,alee,SP2,,,yes\n",
    );
    c.ok(&["import", "indicators", &file]);
}

#[test]
fn what_is_owed_is_one_rule_for_overdue_and_check() {
    let c = Council::fixture_on("2024-08-20");
    with_new_measures(&c);
    let overdue = c.json(&["overdue"]);
    let rows: Vec<(String, String, String)> = overdue["overdue"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| ["FT1", "NR1"].contains(&text(&r["code"]).as_str()))
        .map(|r| (text(&r["code"]), text(&r["period"]), text(&r["deadline"])))
        .collect();
    // FT1 owes July (due 15 August), never April to June; NR1's Q1 is due on 15 October.
    assert_eq!(
        rows,
        [(
            "FT1".to_string(),
            "2024-07".to_string(),
            "2024-08-15".to_string()
        )]
    );
    let check = c.json(&["check"]);
    let findings = check["findings"].as_array().expect("findings");
    let owed: Vec<String> = findings
        .iter()
        .filter(|f| ["FT1", "NR1"].contains(&text(&f["code"]).as_str()))
        .filter(|f| text(&f["check"]) == "overdue")
        .map(|f| text(&f["period"]))
        .collect();
    assert_eq!(owed, ["2024-07"]);
    // show says why April is not owed, and that NR1's quarter is not yet due.
    assert_eq!(
        c.status("FT1", "2024-04"),
        ("none".into(), "not collected before 2024-07".into())
    );
    assert_eq!(
        c.status("NR1", "2024/25 Q1"),
        ("none".into(), "not yet due (deadline 15 Oct 2024)".into())
    );
    // After 15 October it is missing.
    let late = Council {
        today: "2024-10-16".into(),
        ..c
    };
    assert_eq!(
        late.status("NR1", "2024/25 Q1"),
        (
            "missing".into(),
            "no value by the deadline 15 Oct 2024".into()
        )
    );
}

#[test]
fn lag_and_cumulative_are_indicator_columns_exported_and_imported_back() {
    let c = council();
    with_new_measures(&c);
    let csv = c.ok(&["export", "indicators"]);
    let header = csv.lines().next().unwrap();
    assert!(
        header.ends_with(",collect_from,cumulative,lag,definition,source,benchmark_group"),
        "{header}"
    );
    assert!(csv.contains("\nNR1,Households in temporary accommodation,sdl,count,0,lower,quarterly,latest,alee,SP1,,,,,no,3"), "{csv}");
    assert!(csv.contains(",yes,0"), "{csv}");
    let fresh = Council::with_fixture_people("2024-08-10");
    fresh.ok(&["import", "plan", fixture("plan.csv").to_str().unwrap()]);
    let back = fresh.file("ind.csv", &csv);
    fresh.ok(&["import", "indicators", &back]);
    assert_eq!(fresh.ok(&["export", "indicators"]), csv);
    // Bad cells are named with their row and column.
    let bad = c.file(
        "bad.csv",
        "code,title,kind,polarity,frequency,aggregation,lag,cumulative\n\
         X1,X,local,higher,monthly,sum,25,maybe\n",
    );
    let err = c.refused(&["import", "indicators", &bad]);
    assert!(
        err.contains("row 2, column lag: '25' is not a whole number from 0 to 24"),
        "{err}"
    );
    assert!(
        err.contains("row 2, column cumulative: 'maybe' is not yes or no"),
        "{err}"
    );
}

#[test]
fn direction_compares_a_sum_per_month_when_collection_started_mid_quarter() {
    let c = Council::fixture_on("2025-01-20");
    with_new_measures(&c);
    // FT1 collected from August: Q2 is August and September (220, 110 a month), Q3 three
    // months of 100 (300). The sum rose; the monthly rate fell.
    let ind = c.file(
        "from.csv",
        "code,collect_from,title,kind,polarity,frequency,aggregation\n\
         FT1,2024-08,Fly-tips cleared within a day,local,higher,monthly,sum\n",
    );
    c.ok(&["import", "indicators", &ind]);
    let file = c.file(
        "ft.csv",
        "code,period,value\nFT1,2024-08,110\nFT1,2024-09,110\nFT1,2024-10,100\nFT1,2024-11,100\nFT1,2024-12,100\n",
    );
    c.ok(&["import", "values", &file]);
    let q3 = c.period("FT1", "2024/25 Q3");
    assert_eq!(
        (q3["value"].as_f64(), text(&q3["direction"])),
        (Some(300.0), "worsening".to_string())
    );
    // PL1 is a ratio: a quarter against one of unequal months gets no direction, and
    // its rule says why (WR1's Q2 has July alone against Q1's three months).
    let wr = c.file(
        "wr.csv",
        "code,period,numerator,denominator\nWR1,2024-07,600,1000\n",
    );
    c.ok(&["import", "values", &wr]);
    let q2 = c.period("WR1", "2024/25 Q2");
    assert!(q2["direction"].is_null(), "{q2:#}");
    assert!(
        text(&q2["rule"]).ends_with("– not comparable: 2024/25 Q2 collected 1 of 3 months"),
        "{q2:#}"
    );
}

#[test]
fn a_first_run_without_a_database_says_so_not_permission_denied() {
    let home = tempfile::tempdir().unwrap();
    for args in [vec!["list"], vec!["show", "RW1"], vec![]] {
        let out = assert_cmd::Command::cargo_bin("pmdb")
            .unwrap()
            .args(&args)
            .env("HOME", home.path())
            .env("XDG_DATA_HOME", home.path().join(".local/share"))
            .env("XDG_CONFIG_HOME", home.path().join(".config"))
            .env_remove("PMDB_DB")
            .env("PMDB_TODAY", "2024-08-10")
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "pmdb {args:?}: {err}");
        assert!(err.contains("no pmdb database at "), "pmdb {args:?}: {err}");
        assert!(err.contains("`pmdb init`"), "pmdb {args:?}: {err}");
        assert!(!err.contains("permission"), "pmdb {args:?}: {err}");
        // Nothing was created on the way.
        assert!(!home.path().join(".local").exists());
    }
}

#[test]
fn counts_take_their_nouns_number() {
    let c = Council::fixture_on("2024-08-16");
    // Everything owed is in but WR1's July, due yesterday.
    let file = c.file(
        "in.csv",
        "code,period,value\nPL2,2024-05,120\nPL2,2024-06,125\nPL2,2024-07,110\nRW1,2024-07,39\n",
    );
    c.ok(&["import", "values", &file]);
    let out = c.ok(&["overdue"]);
    assert!(out.ends_with("1 value overdue as of 2024-08-16\n"), "{out}");
    let check = c.ok(&["check"]);
    assert!(
        check.contains("WR1 2024-07 was due 2024-08-15 (1 day overdue; owner alee)"),
        "{check}"
    );
}

/// A lagged figure not yet due when its quarter is signed off: the quarter's report shows
/// the latest available, labelled, as it stood at sign-off, however that earlier figure
/// is corrected later.
#[test]
fn a_signed_off_quarter_keeps_the_latest_available_of_a_figure_not_yet_due() {
    let c = Council::fixture_on("2024-08-20");
    with_new_measures(&c);
    c.ok(&["set", "NR1", "2023/24 Q4", "120"]);
    let row = |c: &Council| -> String {
        let report = c.ok(&["report", "--period", "2024/25 Q1", "--format", "markdown"]);
        report
            .lines()
            .find(|l| l.starts_with("| NR1 "))
            .unwrap_or_else(|| panic!("NR1 is in the report:\n{report}"))
            .to_string()
    };
    let before = row(&c);
    assert!(before.contains("| 120 |"), "{before}");
    assert!(before.contains("latest available: 2023/24 Q4"), "{before}");
    c.ok(&["signoff", "2024/25 Q1", "--yes"]);
    // The status stays the quarter's own: not yet due, no figure.
    assert_eq!(
        c.status("NR1", "2024/25 Q1"),
        ("none".into(), "not yet due (deadline 15 Oct 2024)".into())
    );
    // The earlier figure is corrected after the sign-off: the signed-off report does not move.
    c.ok(&["set", "NR1", "2023/24 Q4", "135"]);
    assert_eq!(row(&c), before);
}

/// What a measure is: its definition, source and benchmark group are indicator columns,
/// exported and imported back, shown by `show` and listed in the report's "About these
/// measures"; a file without those columns keeps them as they are.
#[test]
fn a_measures_definition_source_and_benchmark_group_are_kept_shown_and_reported() {
    let c = council();
    let file = c.file(
        "about.csv",
        "code,title,kind,unit,decimals,polarity,frequency,aggregation,owner,plan,definition,source,benchmark_group\n\
         NR2,Households in temporary accommodation,sdl,count,0,lower,quarterly,latest,alee,SP1,\"Households placed by the council, at the quarter's end.\nFrom the H-CLIC return.\",MHCLG H-CLIC,CIPFA nearest neighbours\n",
    );
    c.ok(&["import", "indicators", &file]);
    let definition =
        "Households placed by the council, at the quarter's end.\nFrom the H-CLIC return.";
    let show = c.json(&["show", "NR2"]);
    assert_eq!(text(&show["definition"]), definition);
    assert_eq!(text(&show["source"]), "MHCLG H-CLIC");
    assert_eq!(text(&show["benchmark_group"]), "CIPFA nearest neighbours");
    let shown = c.ok(&["show", "NR2"]);
    assert!(
        shown.contains("definition: Households placed by the council"),
        "{shown}"
    );
    assert!(
        shown.contains("source: MHCLG H-CLIC · benchmark group: CIPFA nearest neighbours"),
        "{shown}"
    );
    let report = c.ok(&["report", "--period", "2024/25 Q1", "--format", "html"]);
    assert!(
        report.contains("<h2 id=\"measures\">About these measures</h2>"),
        "{report}"
    );
    assert!(report.contains("<dt>NR2 Households in temporary accommodation</dt>"));
    assert!(report.contains("Source: MHCLG H-CLIC. Compared with: CIPFA nearest neighbours."));
    // Exported and imported back as they were, line break and comma included.
    let csv = c.ok(&["export", "indicators"]);
    let fresh = Council::with_fixture_people("2024-08-10");
    fresh.ok(&["import", "plan", fixture("plan.csv").to_str().unwrap()]);
    fresh.ok(&["import", "indicators", &fresh.file("ind.csv", &csv)]);
    assert_eq!(fresh.ok(&["export", "indicators"]), csv);
    // A file without the columns keeps them.
    let retitled = c.file(
        "retitle.csv",
        "code,title,kind,polarity,frequency,aggregation\nNR2,Households in temporary accommodation (all),sdl,lower,quarterly,latest\n",
    );
    c.ok(&["import", "indicators", &retitled]);
    assert_eq!(text(&c.json(&["show", "NR2"])["definition"]), definition);
}
