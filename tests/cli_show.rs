//! The scriptable contract for `show`: each period of an indicator with its value, target,
//! status, the rule that gave it, direction of travel and year to date, in its JSON.
//!
//! The fixture council (tests/fixtures) has data for April to July 2024; today is pinned
//! to 2024-08-01, so June's data was due on 15 July and July's is not due until 15 August.

mod common;

use common::{Council, me, text};
use serde_json::{Value, json};

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
