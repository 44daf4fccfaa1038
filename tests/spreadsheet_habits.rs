//! Spreadsheet habits (SPEC.md, "The council's year"): months as Excel re-saves them
//! (`Jul-24`, `01/07/2024`) wherever a period is asked for, and a `%` measure's value with
//! its `%` sign, in an import, on the command line and (tests/tui_*) in the interface;
//! anything ambiguous refused with the forms that work, nothing half-written.
//!
//! The fixture council, today 1 August 2024: July has ended.

mod common;

use common::Council;

/// The fixture council with a satisfaction measure in % that is not a ratio (its value is
/// typed, not computed from parts).
fn council() -> Council {
    let c = Council::fixture();
    let file = c.file(
        "sat.csv",
        "code,title,kind,unit,decimals,polarity,frequency,aggregation,owner,plan\n\
         SAT1,Residents satisfied with waste collection,local,%,1,higher,monthly,mean,alee,SP1\n",
    );
    c.ok(&["import", "indicators", &file]);
    c
}

fn value(c: &Council, code: &str, period: &str) -> serde_json::Value {
    c.period(code, period)["value"].clone()
}

#[test]
fn an_import_takes_excel_months_and_a_percent_sign_on_a_percent_measure() {
    let c = council();
    let file = c.file(
        "values.csv",
        "code,period,value\nSAT1,Jul-24,87.5%\nSAT1,01/06/2024,81 %\nSAT1,1/5/24,79\n",
    );
    c.ok(&["import", "values", &file]);
    assert_eq!(value(&c, "SAT1", "2024-07"), 87.5);
    assert_eq!(value(&c, "SAT1", "2024-06"), 81.0);
    assert_eq!(value(&c, "SAT1", "2024-05"), 79.0);
    // Exported as pmdb writes them, so export then import stays lossless.
    let out = c.ok(&["export", "values"]);
    assert!(out.contains("SAT1,2024-07,87.5,"), "{out}");
}

#[test]
fn a_percent_sign_on_another_measure_is_refused_naming_row_and_column() {
    let c = council();
    let before = c.values_csv();
    let file = c.file(
        "values.csv",
        "code,period,value\nSAT1,2024-07,87.5%\nRW1,2024-07,40%\n",
    );
    let err = c.refused(&["import", "values", &file]);
    assert!(
        err.contains(
            "row 3, column value: a % sign is only for a measure in %; this one is in 'kg': write the number alone"
        ),
        "{err}"
    );
    assert_eq!(c.values_csv(), before, "nothing of the file is kept");
}

#[test]
fn a_date_that_is_not_a_first_of_the_month_is_refused_where_a_month_is_asked() {
    let c = council();
    let file = c.file("values.csv", "code,period,value\nSAT1,15/07/2024,87.5\n");
    let err = c.refused(&["import", "values", &file]);
    assert!(
        err.contains(
            "row 2, column period: '15/07/2024' is not a period (a month written as a date is its first day, like 01/10/2026): write a month like 2025-02"
        ),
        "{err}"
    );
    let err = c.refused(&["show", "SAT1", "--period", "Jly-24"]);
    assert!(
        err.contains("'Jly-24' is not a period: write a month like 2025-02"),
        "{err}"
    );
}

#[test]
fn set_takes_the_sign_on_a_percent_measure_and_refuses_it_elsewhere() {
    let c = council();
    let out = c.ok(&["set", "SAT1", "Jul-24", "91.25%"]);
    assert!(out.starts_with("saved SAT1 2024-07 = 91.3"), "{out}");
    assert!(out.contains("91.25% is shown and judged as 91.3"), "{out}");
    // Kept as typed, shown at the measure's one place.
    assert_eq!(value(&c, "SAT1", "2024-07"), 91.3);
    assert!(c.ok(&["export", "values"]).contains("SAT1,2024-07,91.25,"));
    let before = c.values_csv();
    let err = c.refused(&["set", "RW1", "2024-07", "40%"]);
    assert_eq!(
        err.trim(),
        "pmdb: VALUE: '40%': a % sign is only for a measure in %; this one is in 'kg': write the number alone"
    );
    let err = c.refused(&["set", "SAT1", "2024-07", "%91"]);
    assert!(err.contains("VALUE: '%91' is not a number"), "{err}");
    assert_eq!(c.values_csv(), before);
}
