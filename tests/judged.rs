//! Judged as the council judges (issue 14): figures rounded as the council's spreadsheet
//! rounds them, so a status never contradicts the figure beside it.

mod common;

use common::{Council, FIXTURE_TODAY, me};

/// A one-decimal, lower-is-better indicator with a target of 7.3 (intervention 8.0).
fn days_council() -> Council {
    let c = Council::fixture_on(FIXTURE_TODAY);
    let ind = c.file(
        "d.csv",
        format!(
            "code,title,kind,unit,decimals,polarity,frequency,aggregation,owner,plan\n\
             D1,Average days to process claims,local,days,1,lower,monthly,mean,{},SP1\n",
            me()
        ),
    );
    c.ok(&["import", "indicators", &ind]);
    let t = c.file("t.csv", "code,year,target,intervention\nD1,2024/25,7.3,8\n");
    c.ok(&["import", "targets", &t]);
    c
}

#[test]
fn a_figure_is_rounded_half_away_from_zero_and_judged_as_shown() {
    let c = days_council();
    // 7.35 at one place is 7.4 (Excel's ROUND), which misses a target of 7.3: amber.
    c.ok(&[
        "set",
        "D1",
        "2024-06",
        "7.35",
        "--commentary",
        "Two assessors on leave",
        "--action",
        "Overtime in July",
    ]);
    let june = c.period("D1", "2024-06");
    assert_eq!(june["value"].as_f64(), Some(7.4), "{june}");
    assert_eq!(june["rag"], "amber", "{june}");
    // 7.34 is shown as 7.3: on target, green.
    c.ok(&["set", "D1", "2024-05", "7.34"]);
    let may = c.period("D1", "2024-05");
    assert_eq!(
        (may["value"].as_f64(), may["rag"].as_str()),
        (Some(7.3), Some("green"))
    );
    // Without commentary a 7.35 is refused: it is a miss as shown.
    let err = c.refused(&["set", "D1", "2024-07", "7.35"]);
    assert!(err.contains("misses its target"), "{err}");
}

#[test]
fn implausible_figures_are_refused_naming_the_bound() {
    let c = days_council();
    let before = c.snapshot();
    // Minus three days is not a figure: the default lower bound is 0.
    let err = c.refused(&["set", "D1", "2024-06", "-3"]);
    assert!(
        err.contains("below D1's lowest plausible figure, 0.0"),
        "{err}"
    );
    assert!(err.contains("`min` column"), "{err}");
    // A percentage is capped at 100, also as a ratio: 5 of 1 is not 500 %.
    let err = c.refused(&[
        "set",
        "WR1",
        "2024-07",
        "-",
        "--numerator",
        "5",
        "--denominator",
        "1",
    ]);
    assert!(
        err.contains("above WR1's highest plausible figure, 100.0"),
        "{err}"
    );
    let file = c.file("v.csv", "code,period,value\nD1,2024-05,-1\n");
    let err = c.refused(&["import", "values", &file]);
    assert!(err.contains("row 2, column value"), "{err}");
    assert_eq!(c.snapshot(), before);
    // `none` removes a bound; the bounds in force are in list and show.
    let ind = c.file("b.csv", "code,title,kind,polarity,frequency,aggregation,min,max\nD1,Average days to process claims,local,lower,monthly,mean,none,60\n");
    c.ok(&["import", "indicators", &ind]);
    c.ok(&["set", "D1", "2024-05", "-1"]);
    let show = c.json(&["show", "D1", "--period", "2024-05"]);
    assert_eq!(
        (show["min"].clone(), show["max"].as_f64()),
        (serde_json::Value::Null, Some(60.0))
    );
    let list = c.json(&["list", "--period", "2024-05"]);
    let wr1 = list["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["code"] == "WR1")
        .unwrap()
        .clone();
    assert_eq!(
        (wr1["min"].as_f64(), wr1["max"].as_f64()),
        (Some(0.0), Some(100.0))
    );
    // Exported and read back as written.
    let exported = c.ok(&["export", "indicators"]);
    assert!(
        exported
            .lines()
            .any(|l| l.starts_with("D1,") && l.ends_with(",none,60,,no,0,,,")),
        "{exported}"
    );
}

#[test]
fn more_decimals_than_shown_are_kept_and_said() {
    let c = days_council();
    let out = c.ok(&["set", "D1", "2024-05", "7.34"]);
    assert!(out.contains("7.34 is shown and judged as 7.3"), "{out}");
    let values = c.ok(&["export", "values"]);
    assert!(
        values.contains("D1,2024-05,7.34,"),
        "kept as typed: {values}"
    );
}

#[path = "tui_support/mod.rs"]
mod tui_support;

#[test]
fn the_interface_says_how_a_figure_is_shown_and_states_the_bounds() {
    use crossterm::event::KeyCode;
    use tui_support::{app, choose_officer, fixture, press, text, typing};
    let dir = tempfile::tempdir().unwrap();
    let path = fixture(dir.path());
    let mut a = app(&path);
    // Alex Lee's return: RW1 (kg, no decimal places) is the second row.
    typing(&mut a, "2");
    choose_officer(&mut a, "alee");
    press(&mut a, KeyCode::Down);
    press(&mut a, KeyCode::Enter);
    let screen = text(&a, 100, 30);
    assert!(screen.contains("Edit RW1"), "{screen}");
    typing(&mut a, "40.6");
    let screen = text(&a, 100, 30);
    assert!(
        screen.contains("40.6 is shown and judged as 41"),
        "{screen}"
    );
    // A negative figure is refused as you type, naming the bound.
    press(&mut a, KeyCode::Esc);
    typing(&mut a, "y");
    press(&mut a, KeyCode::Enter);
    typing(&mut a, "-5");
    let screen = text(&a, 120, 40);
    assert!(
        screen.contains("below RW1's lowest plausible figure"),
        "{screen}"
    );
}

#[test]
fn show_and_the_detail_pane_state_bounds_collection_start_and_sign_off() {
    let c = Council::fixture();
    c.ok(&["signoff", "2024/25 Q1", "--yes"]);
    let out = c.ok(&["show", "WR1"]);
    assert!(
        out.contains("plausible from 0.0 to 100.0 · collected from 2024-04"),
        "{out}"
    );
    assert!(
        out.contains(&format!(
            "sign-off: 2024/25 Q1 signed off 2024-08-01 by {}",
            me()
        )),
        "{out}"
    );
    // The interface's detail pane: the bounds, the collection start and, for a period
    // inside a signed-off quarter, the sign-off on record.
    use crossterm::event::KeyCode;
    use tui_support::{app, fixture, press, text, typing};
    let dir = tempfile::tempdir().unwrap();
    let path = fixture(dir.path());
    let mut store = pmdb::store::Store::open(&path, tui_support::LOGIN).unwrap();
    let ds = store.dataset().unwrap();
    let q1: pmdb::domain::period::Period = "2024/25 Q1".parse().unwrap();
    let statuses =
        pmdb::query::signoff::statuses_to_freeze(&ds, q1, ds.context(tui_support::today()));
    store.sign_off(q1, &statuses, tui_support::today()).unwrap();
    drop(store);
    let mut a = app(&path);
    // Step back to June, then filter the tree to WR1 and select it.
    typing(&mut a, "[/WR1");
    press(&mut a, KeyCode::Enter);
    for _ in 0..6 {
        let screen = text(&a, 120, 40);
        if screen.contains("Plausible") {
            break;
        }
        press(&mut a, KeyCode::Down);
    }
    let screen = text(&a, 120, 40);
    assert!(
        screen.contains("Plausible: 0.0 to 100.0 · collected from 2024-04"),
        "{screen}"
    );
    // Signed today by the clock (this store is not pinned to a day).
    assert!(
        screen.contains("Sign-off: 2024/25 Q1 signed off "),
        "{screen}"
    );
    assert!(screen.contains(" by admin1"), "{screen}");
}
