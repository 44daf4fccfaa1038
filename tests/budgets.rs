//! Money beside performance (issue 25): `pmdb budgets` works a service's budget, actual,
//! variance and forecast outturn to a period's end as the spec says, every report format
//! shows each priority's services' finance, and a signed-off quarter's reports (and its
//! `pmdb budgets`) keep the budgets as they stood at sign-off.

mod common;

use common::Council;
use serde_json::json;

/// HR & Organisational Development's 2026/27 (`tests/fixtures/budgets_hro_2026.csv`),
/// replacing the demo's: £10,000 a month; actuals April to October; forecasts for
/// November, December and February only.
fn hro_2026() -> String {
    std::fs::read_to_string(common::fixture("budgets_hro_2026.csv")).unwrap()
}

fn demo() -> Council {
    let c = Council::empty("2026-11-24");
    c.ok(&["demo"]);
    c
}

#[test]
fn budgets_are_worked_from_april_to_the_periods_end() {
    let c = demo();
    let file = c.file("hro.csv", hro_2026());
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
    let file = c.file("hro.csv", hro_2026());
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

/// HR's 2026/27 with actuals to December, so its Q3 (not signed off) is complete.
fn hro_to_december() -> String {
    hro_2026()
        .replace("HRO,2026-11,10000,,10500", "HRO,2026-11,10000,10500,")
        .replace("HRO,2026-12,10000,,10500", "HRO,2026-12,10000,8000,")
}

#[test]
fn every_format_of_the_report_shows_each_prioritys_services_finance() {
    let c = demo();
    let file = c.file("hro.csv", hro_to_december());
    c.ok(&["import", "budgets", &file]);
    // 2026/27 Q3, April–December: budget 9 × 10,000 = 90,000; actual 71,651.25 (to October,
    // as above) + 10,500 + 8,000 = 90,151.25, +151.25 over, 151.25 / 90,000 = 0.168% → +0.2%.
    // Outturn 90,151.25 + January's budget 10,000 + February's forecast 9,000 + March's
    // budget 10,000 = 119,151.25 against 120,000: 848.75 under, shown as £849.
    let q3 = "2026/27 Q3";
    let html = c.ok(&["report", "--period", q3, "--format", "html"]);
    // HR serves "An efficient, modern council" (PR4) through its service plan: the Finance
    // part of PR4's section, a table with a caption and scoped headers.
    let at = html
        .find("<h2 id=\"priority-4\"")
        .expect("priority 4's section");
    let section = &html[at..html[at..].find("</section>").map_or(html.len(), |e| at + e)];
    assert!(section.contains("<h3>Finance</h3>"), "{section}");
    assert!(
        section.contains(", April to December 2026 (2026/27 Q3)</caption>"),
        "{section}"
    );
    for col in [
        "Service",
        "Budget to date",
        "Actual",
        "Variance",
        "Variance %",
        "Annual budget",
        "Forecast outturn",
        "Forecast variance",
    ] {
        assert!(section.contains(&format!(">{col}</th>")), "{col}");
    }
    assert!(section.contains(
        "<th scope=\"row\">HR &amp; Organisational Development (HRO)</th><td class=\"n\" data-label=\"Budget to date\">£90,000</td><td class=\"n\" data-label=\"Actual\">£90,151</td><td class=\"n\" data-label=\"Variance\">+£151 overspend</td><td class=\"n\" data-label=\"Variance %\">+0.2%</td><td class=\"n\" data-label=\"Annual budget\">£120,000</td><td class=\"n\" data-label=\"Forecast outturn\">£119,151</td><td class=\"n\" data-label=\"Forecast variance\">-£849 underspend</td>"
    ), "{section}");
    // Housing is PR2's, not PR4's.
    assert!(!section.contains("Housing (HSG)"));

    let md = c.ok(&["report", "--period", q3]);
    assert!(md.contains("| HR & Organisational Development (HRO) | £90,000 | £90,151 | +£151 overspend | +0.2% | £120,000 | £119,151 | -£849 underspend |"), "{md}");

    // The CSV's existing columns are kept; finance rows have group "finance", the actual
    // and budget to date as value and target (numbers), the rest in the note.
    let csv = c.ok(&["report", "--period", q3, "--format", "csv"]);
    assert!(csv.starts_with("group,code,title,period,value,target,rag,direction,ytd,latest_period,note,commentary,quality\n"));
    assert!(csv.contains("finance,HRO,HR & Organisational Development,2026/27 Q3,90151.25,90000.00,,,,,\"priority PR4; variance +£151 overspend (+0.2%); annual budget £120,000; forecast outturn £119,151; forecast variance -£849 underspend\",,\n"), "{csv}");

    // The summary of the portfolio HR's outcome is in (LDR) has one compact finance table.
    let res = c.ok(&[
        "report",
        "--period",
        q3,
        "--format",
        "html",
        "--portfolio",
        "LDR",
    ]);
    assert!(res.contains("<caption>Finance of the portfolio's services, April to December 2026 (2026/27 Q3)</caption>"), "{res}");
    assert!(res.contains("<td class=\"n\" data-label=\"Variance (%)\">+£151 overspend (+0.2%)</td><td class=\"n\" data-label=\"Forecast outturn (annual budget)\">£119,151 (£120,000)</td>"), "{res}");
    assert_eq!(
        res.matches("<h3>Finance</h3>").count(),
        0,
        "no Finance part per priority in a summary"
    );
}

#[test]
fn the_workbooks_budgets_sheet_has_pounds_as_numbers_in_a_pound_format() {
    use calamine::{Data, Reader, Xlsx, open_workbook};
    let c = demo();
    let file = c.file("hro.csv", hro_to_december());
    c.ok(&["import", "budgets", &file]);
    let path = c.path("q3.xlsx");
    c.ok(&[
        "report",
        "--period",
        "2026/27 Q3",
        "--format",
        "xlsx",
        "--out",
        path.to_str().unwrap(),
    ]);
    let mut book: Xlsx<_> = open_workbook(&path).unwrap();
    let rows: Vec<Vec<Data>> = book
        .worksheet_range("Budgets")
        .unwrap()
        .rows()
        .map(<[Data]>::to_vec)
        .collect();
    let header: Vec<String> = rows[0].iter().map(|d| d.to_string()).collect();
    assert_eq!(
        header,
        [
            "Priority",
            "Service",
            "Name",
            "Budget to date",
            "Actual",
            "Variance",
            "Variance %",
            "Annual budget",
            "Forecast outturn",
            "Forecast variance",
            "Forecast",
            "Note"
        ]
    );
    assert_eq!(rows.len(), 10, "the nine services and the header");
    let hro = rows
        .iter()
        .find(|r| r[1] == Data::String("HRO".into()))
        .unwrap();
    // As worked above.
    assert_eq!(
        hro[3..10].to_vec(),
        [
            90000.0, 90151.25, 151.25, 0.002, 120000.0, 119151.25, -848.75
        ]
        .map(Data::Float)
        .to_vec()
    );
    assert_eq!(hro[10], Data::String("underspend".into()));
    // The sheet's XML: a £ number format, the header frozen and an auto-filter.
    let bytes = std::fs::read(&path).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut styles = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("xl/styles.xml").unwrap(), &mut styles).unwrap();
    assert!(
        styles.contains("formatCode=\"£#,##0.00;-£#,##0.00\""),
        "{styles}"
    );
    let mut sheet = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("xl/worksheets/sheet6.xml").unwrap(),
        &mut sheet,
    )
    .unwrap();
    assert!(
        sheet.contains(
            "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
        ),
        "{sheet}"
    );
    assert!(sheet.contains("<autoFilter ref=\"A1:L10\"/>"), "{sheet}");
}

#[test]
fn a_services_name_is_shown_as_words_in_every_format() {
    let c = demo();
    let names = c.file(
        "services.csv",
        "code,name\nHRO,\"=HR <b>Evil</b> | pipe *x*\"\n",
    );
    c.ok(&["import", "services", &names]);
    let q3 = "2026/27 Q3";
    let html = c.ok(&["report", "--period", q3, "--format", "html"]);
    assert!(html.contains("<th scope=\"row\">=HR &lt;b&gt;Evil&lt;/b&gt; | pipe *x* (HRO)</th>"));
    let md = c.ok(&["report", "--period", q3]);
    assert!(
        md.contains(
            "| =HR &lt;b&gt;Evil&lt;/b&gt; \\| pipe \\*x\\* (HRO) | £739,980 | – | – | – |"
        ),
        "{md}"
    );
    // In the CSV a leading = is made text; November and December have no actual.
    let csv = c.ok(&["report", "--period", q3, "--format", "csv"]);
    assert!(csv.contains("finance,HRO,'=HR <b>Evil</b> | pipe *x*,2026/27 Q3,,739980.00,,,,,\"priority PR4; variance not given; annual budget £986,640;"), "{csv}");
    let v = c.json(&["budgets", "--service", "HRO"]);
    assert_eq!(v["budgets"][0]["name"], json!("=HR <b>Evil</b> | pipe *x*"));
}
