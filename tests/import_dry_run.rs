//! `pmdb import KIND FILE --dry-run [--json]` (SPEC.md, "An import shows what it would
//! do"): the rows added, each changed field old → new, and the rows unchanged, with every
//! check the import makes, and nothing written; the real import then does exactly that.
//!
//! The fixture council, today 1 August 2024. RW1 (kg) has April to June: 38, 41, 40.

mod common;

use common::Council;
use serde_json::json;

const FILE: &str = "code,period,value,commentary\n\
                    RW1,2024-04,38,\n\
                    RW1,2024-05,41,Garden waste back after the rain\n\
                    RW1,2024-06,44,\n\
                    RW1,2024-07,39,\n";

#[test]
fn a_dry_run_lists_what_the_import_then_does_and_writes_nothing() {
    let c = Council::fixture();
    let file = c.file("values.csv", FILE);
    let before = c.snapshot();
    let preview = c.json(&["import", "values", &file, "--dry-run"]);
    assert_eq!(
        preview,
        json!({
            "kind": "values",
            "added": ["RW1 2024-07"],
            "changed": [
                {"key": "RW1 2024-05", "fields": {"commentary": ["", "Garden waste back after the rain"]}},
                {"key": "RW1 2024-06", "fields": {"value": ["40", "44"]}}
            ],
            "unchanged": 1
        })
    );
    assert_eq!(
        c.snapshot(),
        before,
        "a dry run writes nothing, not even an audit row"
    );
    // The import itself: the same rows, the same fields.
    let done = c.json(&["import", "values", &file]);
    assert_eq!(
        (
            done["added"].clone(),
            done["changed"].clone(),
            done["unchanged"].clone()
        ),
        (json!(1), json!(2), json!(1))
    );
    let values = c.values_csv();
    assert!(
        values.contains("RW1,2024-05,41,,,final,Garden waste back after the rain,"),
        "{values}"
    );
    assert!(values.contains("RW1,2024-06,44,"), "{values}");
    assert!(values.contains("RW1,2024-07,39,"), "{values}");
    // Run again, the file is as stored: nothing to add or change.
    let again = c.json(&["import", "values", &file, "--dry-run"]);
    assert_eq!(
        again,
        json!({"kind": "values", "added": [], "changed": [], "unchanged": 4})
    );
}

#[test]
fn the_text_form_names_each_row_and_field() {
    let c = Council::fixture();
    let file = c.file(
        "indicators.csv",
        "code,title,kind,polarity,frequency,aggregation\n\
         RW1,Residual household waste per household,local,lower,monthly,sum\n\
         PL2,Planning applications received,local,none,monthly,sum\n",
    );
    let out = c.ok(&["import", "indicators", &file, "--dry-run"]);
    assert_eq!(
        out,
        format!(
            "dry run of importing indicators from {file}: 0 to add, 1 to change, 1 unchanged; nothing was written\n  \
             change  RW1: title Residual waste per household → Residual household waste per household\n"
        )
    );
    assert!(
        c.ok(&["export", "indicators"])
            .contains("RW1,Residual waste per household,")
    );
}

#[test]
fn a_file_the_import_refuses_is_refused_by_the_dry_run_in_the_same_words() {
    let c = Council::fixture();
    let before = c.snapshot();
    let file = c.file(
        "values.csv",
        "code,period,value\nRW1,2024-07,40\nNOPE,2024-07,1\n",
    );
    let dry = c.refused(&["import", "values", &file, "--dry-run"]);
    let real = c.refused(&["import", "values", &file]);
    assert_eq!(dry, real);
    assert!(
        dry.contains("row 3, column code: no indicator 'NOPE'"),
        "{dry}"
    );
    assert_eq!(c.snapshot(), before);
}

#[test]
fn a_dry_run_of_a_whole_folder_is_a_usage_error() {
    let c = Council::fixture();
    let out = c
        .cmd(&[
            "import",
            "--all",
            c.dir.path().to_str().expect("UTF-8"),
            "--dry-run",
        ])
        .output()
        .expect("run pmdb");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--dry-run"));
}
