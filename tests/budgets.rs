//! Money beside performance (issue 25): `pmdb budgets` works a service's budget, actual,
//! variance and forecast outturn to a period's end as the spec says, every report format
//! shows each priority's services' finance, and a signed-off quarter's reports (and its
//! `pmdb budgets`) keep the budgets as they stood at sign-off.

mod common;

use common::Council;
use serde_json::json;

/// HR & Organisational Development's 2026/27, replacing the demo's: £10,000 a month;
/// actuals April to October; forecasts for November, December and February only.
const HRO_2026: &str = "service,month,budget,actual,forecast
HRO,2026-04,10000,9500.25,
HRO,2026-05,10000,10400.50,
HRO,2026-06,10000,10250,
HRO,2026-07,10000,11000,
HRO,2026-08,10000,9900.10,
HRO,2026-09,10000,10000,
HRO,2026-10,10000,10600.40,
HRO,2026-11,10000,,10500
HRO,2026-12,10000,,10500
HRO,2027-01,10000,,
HRO,2027-02,10000,,9000
HRO,2027-03,10000,,
";

fn demo() -> Council {
    let c = Council::empty("2026-11-24");
    c.ok(&["demo"]);
    c
}

#[test]
fn budgets_are_worked_from_april_to_the_periods_end() {
    let c = demo();
    let file = c.file("hro.csv", HRO_2026);
    c.ok(&["import", "budgets", &file]);

    // October 2026: budget April–October 7 × 10,000 = 70,000; actual 9,500.25 + 10,400.50
    // + 10,250 + 11,000 + 9,900.10 + 10,000 + 10,600.40 = 71,651.25; variance +1,651.25,
    // 1,651.25 / 70,000 = 2.3589% → 2.4. Annual budget 12 × 10,000 = 120,000. Outturn:
    // 71,651.25 + November 10,500 + December 10,500 + January (no forecast: its budget)
    // 10,000 + February 9,000 + March (budget) 10,000 = 121,651.25, +1,651.25 over.
    let v = c.json(&["budgets", "--period", "2026-10", "--service", "HRO"]);
    assert_eq!(
        v,
        json!({"period": "2026-10", "budgets": [{
            "service": "HRO", "name": "HR & Organisational Development",
            "budget": 70000.0, "actual": 71651.25, "variance": 1651.25, "variance_pct": 2.4,
            "annual_budget": 120000.0, "forecast_outturn": 121651.25, "forecast_variance": 1651.25
        }]})
    );
    // The same in the text table: whole pounds, thousands separated, the overspend in words.
    let text = c.ok(&["budgets", "--period", "2026-10", "--service", "HRO"]);
    let row = text.lines().find(|l| l.starts_with("HRO")).unwrap();
    let cells: Vec<&str> = row
        .split("  ")
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    assert_eq!(
        cells,
        [
            "HRO",
            "HR & Organisational Development",
            "£70,000",
            "£71,651",
            "+£1,651 overspend",
            "+2.4%",
            "£120,000",
            "£121,651",
            "+£1,651 overspend"
        ]
    );
    assert!(
        text.ends_with("1 service with a budget for 2026-10 (April to 2026-10)\n"),
        "{text}"
    );

    // 2026/27 Q3: November and December have no actual, so the actual to date is not given
    // (never a false underspend); the outturn takes them at their forecasts, as above.
    let v = c.json(&["budgets", "--period", "2026/27 Q3", "--service", "HRO"]);
    let b = &v["budgets"][0];
    assert_eq!(b["budget"], json!(90000.0));
    assert_eq!(
        (&b["actual"], &b["variance"], &b["variance_pct"]),
        (&json!(null), &json!(null), &json!(null))
    );
    assert_eq!(b["forecast_outturn"], json!(121651.25));
    let text = c.ok(&["budgets", "--period", "2026/27 Q3", "--service", "HRO"]);
    assert!(
        text.contains("HRO: no actual recorded for 2026-11, 2026-12: the actual and variance to date are not given; the outturn takes those months at their forecast or budget"),
        "{text}"
    );

    // The whole council at 2026/27 Q2 (the demo's sign-off: as it stood then): every one of
    // the nine services has a budget, and at least two overspend.
    let v = c.json(&["budgets", "--period", "2026/27 Q2"]);
    let rows = v["budgets"].as_array().unwrap();
    assert_eq!(rows.len(), 9);
    let over = rows
        .iter()
        .filter(|r| r["variance"].as_f64().unwrap() > 0.0)
        .count();
    assert!(over >= 2, "{v}");

    // Refusals: a service that does not exist, a period that is not one.
    let err = c.refused(&["budgets", "--service", "XX"]);
    assert!(
        err.contains("--service: there is no service 'XX': the services are CUS, FIN"),
        "{err}"
    );
    let err = c.refused(&["budgets", "--period", "2026/27 Q5"]);
    assert!(
        err.contains("--period: '2026/27 Q5' is not a period"),
        "{err}"
    );
}

/// The four formats of 2026/27 Q2's council report and `pmdb budgets` for it.
fn q2_outputs(c: &Council, tag: &str) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    for format in ["html", "markdown", "csv", "xlsx"] {
        let file = c.path(&format!("{tag}.{format}"));
        let f = file.to_str().unwrap();
        c.ok(&[
            "report",
            "--period",
            "2026/27 Q2",
            "--format",
            format,
            "--out",
            f,
        ]);
        out.push(std::fs::read(&file).unwrap());
    }
    out.push(
        c.ok(&["budgets", "--period", "2026/27 Q2", "--json"])
            .into_bytes(),
    );
    out.push(c.ok(&["budgets", "--period", "2026-08"]).into_bytes());
    out
}

#[test]
fn a_signed_off_quarters_reports_keep_the_budgets_it_was_signed_off_with() {
    let c = demo();
    let before = q2_outputs(&c, "before");
    let html = String::from_utf8(before[0].clone()).unwrap();
    // HR's finance in its priority's Finance part, as the demo recorded it: budget
    // £493,320 to September, £476,298 spent, £17,022 under (-3.5%).
    assert!(html.contains("<h3>Finance</h3>"));
    assert!(html.contains(
        "<th scope=\"row\">HR &amp; Organisational Development (HRO)</th><td class=\"n\" data-label=\"Budget to date\">£493,320</td><td class=\"n\" data-label=\"Actual\">£476,298</td><td class=\"n\" data-label=\"Variance\">-£17,022 underspend</td><td class=\"n\" data-label=\"Variance %\">-3.5%</td>"
    ), "{html}");
    let md = String::from_utf8(before[1].clone()).unwrap();
    assert!(md.contains("| HR & Organisational Development (HRO) | £493,320 | £476,298 | -£17,022 underspend | -3.5% | £986,640 |"), "{md}");
    let csv = String::from_utf8(before[2].clone()).unwrap();
    assert!(csv.contains("finance,HRO,HR & Organisational Development,2026/27 Q2,476298.00,493320.00,,,,,\"priority PR4; variance -£17,022 underspend (-3.5%); annual budget £986,640;"), "{csv}");

    // Finance changes every month of HR's year after the sign-off.
    let file = c.file("hro.csv", HRO_2026);
    c.ok(&["import", "budgets", &file]);
    let after = q2_outputs(&c, "after");
    for (n, (b, a)) in before.iter().zip(&after).enumerate() {
        assert!(
            b == a,
            "output {n} of 2026/27 Q2 changed after its sign-off"
        );
    }
    // A period not signed off shows the budgets as they are now.
    let q3 = c.json(&["budgets", "--period", "2026-10", "--service", "HRO"]);
    assert_eq!(q3["budgets"][0]["actual"], json!(71651.25));
    let md = c.ok(&["report", "--period", "2026/27 Q3"]);
    assert!(md.contains("| HR & Organisational Development (HRO) | £90,000 | – | – | – | £120,000 | £121,651 | +£1,651 overspend |"), "{md}");
}
