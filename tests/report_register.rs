//! What Cabinet reads, in every format (issue 25, points 4 and 6): a quarter's report opens
//! with its highlights (the indicators green and improving, the actions completed and the
//! milestones met in the quarter, and the reds, named), chosen by one rule whatever the
//! format; the Markdown and CSV carry the actions, projects, risks and EIAs the HTML page
//! carries, scoped as it is; the pack lists the risk register (opportunities apart, a
//! project's own risks naming the project) and the EIAs, not only the heat map.
//!
//! The demo council on 2026-11-24; its 2026/27 Q2 is signed off.

mod common;

use std::collections::BTreeSet;

use common::{Council, text};
use serde_json::Value;

const Q2: &str = "2026/27 Q2";

fn demo() -> Council {
    let c = Council::empty("2026-11-24");
    c.ok(&["demo"]);
    c
}

fn report(c: &Council, format: &str, scope: &[&str]) -> String {
    let mut args = vec!["report", "--period", Q2, "--format", format];
    args.extend_from_slice(scope);
    c.ok(&args)
}

fn set(items: impl IntoIterator<Item = String>) -> BTreeSet<String> {
    items.into_iter().collect()
}

fn list<'a>(v: &'a Value, key: &str) -> &'a Vec<Value> {
    v[key]
        .as_array()
        .unwrap_or_else(|| panic!("no {key} in {v:#}"))
}

/// The highlights as the reads that judge each kind find them: (went well, reds), each as
/// "kind code".
fn expected(c: &Council) -> (BTreeSet<String>, BTreeSet<String>) {
    let (mut well, mut reds) = (BTreeSet::new(), BTreeSet::new());
    let rollup = c.json(&["rollup", "--period", Q2, "--indicators"]);
    for g in list(&rollup, "groups") {
        for i in list(g, "indicators") {
            let code = text(&i["code"]);
            if i["rag"] == "green" && i["direction"] == "improving" {
                well.insert(format!("indicator {code}"));
            }
            if i["rag"] == "red" {
                reds.insert(format!("indicator {code}"));
            }
        }
    }
    let in_q2 = ["2026-07", "2026-08", "2026-09", Q2];
    let actions = c.json(&["actions", "--period", Q2]);
    for a in list(&actions, "actions") {
        let code = text(&a["code"]);
        if a["status"] == "completed" && in_q2.contains(&text(&a["updated_period"]).as_str()) {
            well.insert(format!("action {code}"));
        }
        if a["rag"] == "red" {
            reds.insert(format!("action {code}"));
        }
    }
    let projects = c.json(&["projects", "--period", Q2]);
    for p in list(&projects, "projects") {
        let code = text(&p["code"]);
        for m in list(p, "milestones") {
            let done = m["done"].as_str().unwrap_or("");
            if ("2026-07-01".."2026-10-01").contains(&done) {
                well.insert(format!("milestone {code}"));
            }
        }
        if p["rag"] == "red" {
            reds.insert(format!("project {code}"));
        }
    }
    (well, reds)
}

/// The Markdown's list under a heading: each item's "kind code".
fn markdown_list(md: &str, heading: &str) -> BTreeSet<String> {
    let at = md
        .find(heading)
        .unwrap_or_else(|| panic!("no {heading}:\n{md}"));
    md[at + heading.len()..]
        .lines()
        .skip_while(|l| l.trim().is_empty())
        .take_while(|l| l.starts_with("- "))
        .map(|l| {
            let words: Vec<&str> = l[2..].split_whitespace().collect();
            format!("{} {}", words[0].to_lowercase(), words[1])
        })
        .collect()
}

#[test]
fn a_quarters_highlights_are_the_same_named_items_in_every_format() {
    let c = demo();
    let (well, reds) = expected(&c);
    // The demo's quarter: stated records on both sides.
    for item in [
        "indicator WE01",
        "action ACT-01",
        "action ACT-12",
        "milestone PJ-01",
        "milestone PJ-06",
    ] {
        assert!(well.contains(item), "{item} went well: {well:?}");
    }
    assert!(reds.contains("project PJ-05"), "{reds:?}");
    assert!(!well.is_empty() && !reds.is_empty());

    let md = report(&c, "markdown", &[]);
    let highlights_at = md.find("## Highlights").expect("the Markdown's highlights");
    assert!(
        highlights_at < md.find("Status key:").unwrap(),
        "the highlights open the report"
    );
    assert_eq!(
        markdown_list(&md, "### What went well in 2026/27 Q2\n"),
        well
    );
    assert_eq!(markdown_list(&md, "### Reds\n"), reds);
    assert!(md.contains(
        "- Milestone PJ-01 Food waste collection roll-out: All households collected weekly met on 2026-07-29"
    ));

    // The CSV: rows of their own kind, first, in the report's columns.
    let csv = report(&c, "csv", &[]);
    let mut rows = csv::Reader::from_reader(csv.as_bytes());
    let rows: Vec<csv::StringRecord> = rows.records().map(Result::unwrap).collect();
    let highlights: Vec<&csv::StringRecord> =
        rows.iter().take_while(|r| &r[0] == "highlight").collect();
    let kind_code = |r: &&csv::StringRecord| {
        let kind = r[10]
            .split(':')
            .nth(1)
            .unwrap()
            .split_whitespace()
            .next()
            .unwrap();
        format!("{kind} {}", &r[1])
    };
    let went_well = |r: &&&csv::StringRecord| r[10].starts_with("went well: ");
    assert_eq!(
        set(highlights.iter().filter(went_well).map(kind_code)),
        well
    );
    assert_eq!(
        set(highlights.iter().filter(|r| !went_well(r)).map(kind_code)),
        reds
    );
    assert_eq!(
        highlights.len(),
        rows.iter().filter(|r| &r[0] == "highlight").count(),
        "every highlight row comes first"
    );
    let pj05 = highlights
        .iter()
        .find(|r| &r[1] == "PJ-05")
        .expect("PJ-05 is red");
    assert_eq!(
        (&pj05[2], &pj05[3], &pj05[6]),
        ("Finance system (ERP) replacement", Q2, "red")
    );

    // The HTML page and the workbook's summary name each of them.
    let html = report(&c, "html", &[]);
    let section =
        &html[html.find("id=\"highlights\"").unwrap()..html.find("id=\"summary\"").unwrap()];
    for item in well.iter().chain(&reds) {
        let code = item.split_whitespace().nth(1).unwrap();
        assert!(
            section.contains(&format!("<strong>{code}</strong>")),
            "{item}"
        );
    }
    // A month's report and a year's do not open with highlights.
    for period in ["2026-09", "2025/26"] {
        let md = c.ok(&["report", "--period", period, "--format", "markdown"]);
        assert!(!md.contains("## Highlights"), "{period}");
    }
}

#[test]
fn markdown_and_csv_carry_the_delivery_the_html_page_carries_scoped_alike() {
    let c = demo();
    for scope in [
        &[][..],
        &["--portfolio", "ECO"][..],
        &["--service", "LAC"][..],
    ] {
        let html = report(&c, "html", scope);
        let in_html = |prefix: &str| -> BTreeSet<String> {
            html.split(&format!("<th scope=\"row\">{prefix}"))
                .skip(1)
                .map(|s| s.split(':').next().unwrap().trim().to_string())
                .collect()
        };
        let (actions, projects) = (in_html("Action "), in_html("Project "));
        assert!(!actions.is_empty(), "{scope:?}");
        assert_eq!(
            projects.is_empty(),
            scope == ["--service", "LAC"],
            "{scope:?}"
        );
        let csv = report(&c, "csv", scope);
        let of = |group: &str| -> BTreeSet<String> {
            csv.lines()
                .filter(|l| l.starts_with(&format!("{group},")))
                .map(|l| l.split(',').nth(1).unwrap().to_string())
                .collect()
        };
        assert_eq!(of("action"), actions, "{scope:?}");
        assert_eq!(of("project"), projects, "{scope:?}");
        let md = report(&c, "markdown", scope);
        for a in &actions {
            assert!(md.contains(&format!("| Action {a} ")), "{scope:?} {a}");
        }
        for p in &projects {
            assert!(md.contains(&format!("| Project {p} ")), "{scope:?} {p}");
        }
    }
    // The council's Markdown: the register with the opportunities apart, and the EIAs.
    let md = report(&c, "markdown", &[]);
    let register = md.find("## Risk register").unwrap();
    let opportunities = md.find("### Opportunities").unwrap();
    let rsk17 = md.find("| RSK-17 The Kingsmead extension overruns its budget | project PJ-03 Kingsmead leisure centre extension | Tom Fletcher, Head of Leisure & Culture | 3 × 3 = 9 | A amber | 9 | No | ▲ improving |")
        .unwrap_or_else(|| panic!("{md}"));
    let opp01 = md.find("| OPP-01 Levelling-up funding for the Market Square public realm | CO3.2 | Helen Carter, Head of Planning & Regeneration | 3 × 4 = 12 | A amber | 12 | No | ▲ improving |")
        .unwrap_or_else(|| panic!("{md}"));
    assert!(register < rsk17 && rsk17 < opportunities && opportunities < opp01);
    assert!(md.contains("| EIA-01 Weekly food waste collections | Gareth Lewis, Head of Waste & Environmental Services | 2025-10-20 | C completed | No major change: assisted collections extended to residents who cannot move their caddy. |"));
    let csv = report(&c, "csv", &[]);
    assert_eq!(csv.lines().filter(|l| l.starts_with("risk,")).count(), 18);
    assert_eq!(
        csv.lines()
            .filter(|l| l.starts_with("opportunity,"))
            .count(),
        2
    );
    assert_eq!(csv.lines().filter(|l| l.starts_with("eia,")).count(), 8);
    assert!(csv.contains(
        "opportunity,OPP-02,The Kingsmead solar canopy sells surplus power to the grid,2026/27 Q2,9,9,amber,improving,,,within target; project PJ-03 Kingsmead leisure centre extension;"
    ), "{csv}");
}

#[test]
fn the_pack_lists_the_register_and_the_eias_and_maps_only_the_risks() {
    let c = demo();
    let html = report(&c, "html", &[]);
    let register = &html[html.find("<h2 id=\"register\">").expect("the register")..];
    let register = &register[..register.find("</section>").unwrap()];
    // Every risk of the register, the risks before the opportunities.
    let risks = c.json(&["risks", "--period", Q2]);
    for r in list(&risks, "risks") {
        let code = text(&r["code"]);
        assert!(
            register.contains(&format!("<th scope=\"row\">{code}: ")),
            "{code}"
        );
    }
    let opp = register
        .find("<h3 id=\"opportunities\">Opportunities</h3>")
        .unwrap();
    assert!(register.find("RSK-18:").unwrap() < opp && opp < register.find("OPP-01:").unwrap());
    // RSK-01: score, band as a word, target, above target, direction as word and symbol.
    let row = &register[register.find("RSK-01: ").unwrap()..];
    let row = &row[..row.find("</tr>").unwrap()];
    for cell in [
        ">4 × 5 = 20<",
        "Red</span>",
        ">12<",
        ">Yes<",
        "<span aria-hidden=\"true\">▲</span> improving",
    ] {
        assert!(row.contains(cell), "{cell} in {row}");
    }
    assert!(register.contains("project PJ-05 Finance system (ERP) replacement"));
    assert!(register.contains("<caption>Opportunities at the end of 2026/27 Q2"));
    // The heat map counts the 17 open risks, never the opportunities.
    let open_risks = list(&risks, "risks")
        .iter()
        .filter(|r| r["rag"] != "none" && r["category"] != "opportunity")
        .count();
    assert_eq!(open_risks, 17);
    let mapped = common::heat_map_total(&risks);
    assert_eq!(mapped, 17);
    // The EIAs: code, title, owner, due, status as a word, outcome.
    let eias = &html[html.find("<h2 id=\"eias\">").expect("the EIAs")..];
    let eias = &eias[..eias.find("</section>").unwrap()];
    let row = &eias[eias.find("EIA-02: ").unwrap()..];
    let row = &row[..row.find("</tr>").unwrap()];
    for cell in [
        "Changes to the Council Tax Reduction scheme",
        // The owner by name and job title, as every published page names people.
        ">Mark Davies, Head of Revenues &amp; Benefits<",
        ">2026-03-19<",
        "Completed</span>",
        "Adjust the policy: the hardship fund is kept for disabled residents and carers.",
    ] {
        assert!(row.contains(cell), "{cell} in {row}");
    }
    // A portfolio's summary keeps to its highlights, run on in one paragraph.
    let eco = report(&c, "html", &["--portfolio", "ECO"]);
    assert!(
        eco.contains("<strong>Green and improving: </strong>"),
        "{eco}"
    );
    assert!(!eco.contains("id=\"register\""));
}

#[test]
fn a_signed_off_quarters_highlights_and_register_stay_as_frozen() {
    let c = demo();
    let before = (report(&c, "markdown", &[]), report(&c, "csv", &[]));
    let october = c.ok(&["rollup", "--period", "2026-10"]);
    // Stricter rules, which judge an open period again (October's ambers turn red)…
    c.ok(&["config", "set", "rag_rule", "tolerance:1:2"]);
    c.ok(&["config", "set", "risk_bands", "2:4"]);
    assert_ne!(c.ok(&["rollup", "--period", "2026-10"]), october);
    // …leave the signed-off quarter's highlights, reds and register as they were frozen.
    let after = (report(&c, "markdown", &[]), report(&c, "csv", &[]));
    assert!(before.0.contains("### Reds"));
    assert_eq!(after, before);
}

/// An OSC title, a clear screen, a C1 CSI and a right-to-left override.
const CONTROLS: &str = "\u{1b}]0;pwned\u{7}\u{1b}[2J\u{9b}31m\u{202e}gnp.exe";

#[test]
fn hostile_titles_in_the_highlights_and_registers_reach_no_report_as_markup_or_controls() {
    let c = Council::fixture();
    let w = c.writer("root");
    let bad = format!("<img src=x onerror=alert(1)> **bold** [x](javascript:1) {CONTROLS}");
    let long = "x".repeat(40_000);
    w.execute_batch(&format!(
        "INSERT INTO actions (code, title, kind, owner, start, due) VALUES
             ('A1', 'Food waste {bad}', 'corporate', 'alee', '2024-01-01', '2024-12-20');
         INSERT INTO action_links (action, node) VALUES ('A1', 'SP1');
         INSERT INTO action_updates (action, period, status, progress, commentary) VALUES
             ('A1', '2024-05', 'completed', 100, 'Done {bad}');
         INSERT INTO projects (code, title, owner, start, finish) VALUES
             ('PR1', 'Depot {long}', 'alee', '2024-01-01', '2025-06-30');
         INSERT INTO project_links (project, node) VALUES ('PR1', 'SP1');
         INSERT INTO milestones (project, title, due, done) VALUES
             ('PR1', 'Site {bad}', '2024-05-31', '2024-05-20');
         INSERT INTO risks (code, title, category, owner, inherent_likelihood, inherent_impact,
                            target_score) VALUES
             ('O1', 'Trust {bad}', 'opportunity', 'alee', 3, 3, 9);
         INSERT INTO risk_projects (risk, project) VALUES ('O1', 'PR1');
         INSERT INTO eias (code, title, owner, due, completed, outcome) VALUES
             ('E1', 'Fees {bad}', 'alee', '2024-06-30', '2024-06-01', 'Changed {bad}');"
    ))
    .unwrap();
    let period = "2024/25 Q1";
    let md = c.ok(&["report", "--period", period]);
    let csv = c.ok(&["report", "--period", period, "--format", "csv"]);
    let html = c.ok(&["report", "--period", period, "--format", "html"]);
    for (what, out) in [("markdown", &md), ("csv", &csv), ("html", &html)] {
        let controls: Vec<char> = out
            .chars()
            .filter(|ch| pmdb::safe_text::is_unsafe(*ch) && *ch != '\n')
            .collect();
        assert!(controls.is_empty(), "{what}: {controls:?}");
        // The CSV is display for a spreadsheet: the words as typed, markup and all.
        assert_eq!(out.contains("<img"), what == "csv", "{what}");
    }
    // Still there to read: the completed action and the milestone met open the report.
    assert!(
        md.contains(
            "- Action A1 Food waste &lt;img src=x onerror=alert\\(1\\)&gt; \\*\\*bold\\*\\*"
        ),
        "{md}"
    );
    assert!(md.contains("- Milestone PR1 Depot xxx"), "{md}");
    assert!(md.contains("| O1 Trust &lt;img"), "{md}");
    assert!(csv.contains("\nhighlight,A1,Food waste <img src=x onerror=alert(1)> **bold** [x](javascript:1) ␛]0;pwned␇"), "{csv}");
    assert!(csv.contains("\neia,E1,Fees <img"), "{csv}");
    // And the workbook is made with the longest title cut at a cell's limit.
    let book = c.path("q1.xlsx");
    c.ok(&[
        "report",
        "--period",
        period,
        "--format",
        "xlsx",
        "--out",
        book.to_str().unwrap(),
    ]);
    assert!(std::fs::metadata(&book).unwrap().len() > 0);
}

#[test]
fn the_workbooks_risk_sheet_puts_a_projects_risks_under_its_priority_and_opportunities_last() {
    use calamine::{Data, Reader, Xlsx, open_workbook};
    let c = demo();
    let path = c.path("q2.xlsx");
    report(&c, "xlsx", &["--out", path.to_str().unwrap()]);
    let mut book: Xlsx<_> = open_workbook(&path).unwrap();
    let rows: Vec<Vec<Data>> = book
        .worksheet_range("Risks")
        .unwrap()
        .rows()
        .map(<[Data]>::to_vec)
        .collect();
    let cell = |r: &[Data], i: usize| r[i].to_string();
    let codes: Vec<String> = rows[1..].iter().map(|r| cell(r, 1)).collect();
    assert_eq!(codes.len(), 20);
    assert_eq!(codes[18..], ["OPP-01", "OPP-02"]);
    let rsk17 = rows.iter().find(|r| cell(r, 1) == "RSK-17").unwrap();
    // PJ-03 is on KA2.3.1, under "Homes and communities".
    assert_eq!(
        (cell(rsk17, 0), cell(rsk17, 3)),
        ("Homes and communities".to_string(), "business".to_string())
    );
    // The summary sheet's highlights name PJ-05 among the reds.
    let summary: Vec<String> = book
        .worksheet_range("Summary")
        .unwrap()
        .rows()
        .map(|r| {
            r.iter()
                .map(|d| d.to_string())
                .collect::<Vec<_>>()
                .join(" | ")
        })
        .collect();
    let reds = summary
        .iter()
        .position(|l| l.split(" | ").next() == Some("Reds"))
        .expect("Reds");
    assert!(
        summary[reds..]
            .iter()
            .any(|l| l.starts_with("project PJ-05 Finance system (ERP) replacement | red: ")),
        "{summary:#?}"
    );
}
