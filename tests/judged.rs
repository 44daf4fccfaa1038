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
