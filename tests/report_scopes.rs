//! `pmdb report --portfolio CODE | --service CODE | --plan NODE`, in Markdown, CSV and HTML:
//! only the indicators (and in HTML the actions and projects) under the portfolio or
//! service, or linked at or beneath the plan node, as `pmdb list` finds them; one scope at a
//! time, and an unknown code refused naming it.

mod common;

use common::html::assert_accessible_shape;
use common::{Council, codes};
use pmdb::store::Store;

const DEMO_TODAY: &str = "2026-11-24";
const PERIOD: &str = "2026/27 Q2";

/// The demo council (services WES, HSG, …; portfolios ENV, HCM, …; plan PR1 > CO1.1 > …).
fn demo() -> Council {
    let c = Council::empty(DEMO_TODAY);
    c.ok(&["demo"]);
    c
}

fn report(c: &Council, format: &str, scope: &[&str]) -> String {
    let mut args = vec!["report", "--period", PERIOD, "--format", format];
    args.extend_from_slice(scope);
    c.ok(&args)
}

/// The indicator codes of a CSV report, sorted, each once.
fn csv_codes(csv: &str) -> Vec<String> {
    let mut out: Vec<String> = csv
        .lines()
        .skip(1)
        // The highlights, actions, projects, risks and EIAs are rows of their own kinds.
        .filter(|l| common::indicator_line(l))
        .filter_map(|l| l.split(',').nth(1).map(str::to_string))
        .collect();
    out.sort();
    out.dedup();
    out
}

#[test]
fn each_scope_holds_only_what_lies_under_it_in_every_format() {
    let c = demo();
    let all = csv_codes(&report(&c, "csv", &[]));
    let council_page = report(&c, "html", &[]);
    let cases: [(&[&str], &str); 5] = [
        (
            &["--service", "WES"],
            "Waste & Environmental Services performance report",
        ),
        (&["--service", "HSG"], "Housing performance report"),
        (
            &["--plan", "PR2"],
            "PR2 Homes and communities: performance report",
        ),
        (
            &["--plan", "CO1.1"],
            "CO1.1 Less waste, more recycling: performance report",
        ),
        (
            &["--portfolio", "ENV"],
            "Environment & Climate portfolio summary",
        ),
    ];
    for (scope, title) in cases {
        let mut list_args = vec!["list"];
        list_args.extend_from_slice(scope);
        let mut inside = codes(&c.json(&list_args), "indicators");
        inside.sort();
        assert!(!inside.is_empty(), "{scope:?}");
        assert!(inside.len() < all.len(), "{scope:?} is a part");

        // CSV: exactly the indicators `list` finds under the scope.
        assert_eq!(
            csv_codes(&report(&c, "csv", scope)),
            inside,
            "{scope:?} csv"
        );
        // Markdown: the scope's title and a row for each of them, none for the others.
        let md = report(&c, "markdown", scope);
        assert!(
            md.contains(&format!("{title} {PERIOD}\n")),
            "{scope:?}\n{md}"
        );
        for code in &all {
            let shown = md.contains(&format!("| {code} "));
            assert_eq!(shown, inside.contains(code), "{scope:?} markdown {code}");
        }
        // HTML: the same indicators, on a well-formed page of its own.
        let page = report(&c, "html", scope);
        assert_accessible_shape(&page);
        assert!(
            page.contains(&format!("{} {PERIOD}</h1>", title.replace('&', "&amp;"))),
            "{scope:?}"
        );
        for code in &all {
            let shown = page.contains(&format!("\">{code} "));
            assert_eq!(shown, inside.contains(code), "{scope:?} html {code}");
        }
    }

    // A plan node's page lists the actions and projects beneath it (those the council's
    // page lists), and no other.
    let page = report(&c, "html", &["--plan", "CO1.1"]);
    let shown = |html: &str, what: &str| -> Vec<String> {
        let mut out: Vec<String> = html
            .split(&format!(">{what} "))
            .skip(1)
            .filter_map(|rest| rest.split(':').next().map(str::to_string))
            .filter(|code| !code.contains(' '))
            .collect();
        out.sort();
        out.dedup();
        out
    };
    let ds = Store::open(&c.db, "perf").unwrap().dataset().unwrap();
    let thread = ds.thread();
    let beneath = |plan: &str| thread.ancestry(plan).iter().any(|n| n.code == "CO1.1");
    let mut actions: Vec<String> = ds
        .delivery
        .action_links
        .iter()
        .filter(|l| beneath(&l.node))
        .map(|l| l.action.clone())
        .filter(|a| shown(&council_page, "Action").contains(a))
        .collect();
    actions.sort();
    actions.dedup();
    assert!(!actions.is_empty(), "the demo has actions beneath CO1.1");
    assert_eq!(shown(&page, "Action"), actions);
    assert!(!shown(&page, "Project").is_empty(), "and a project");
}

#[test]
fn one_scope_at_a_time_and_an_unknown_code_is_refused_naming_it() {
    let c = demo();
    for pair in [
        ["--service", "WES", "--plan", "PR2"],
        ["--portfolio", "ENV", "--service", "WES"],
        ["--portfolio", "ENV", "--plan", "PR2"],
    ] {
        let mut args = vec!["report"];
        args.extend_from_slice(&pair);
        let out = c.cmd(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{pair:?}: a usage error");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("cannot be used with"), "{err}");
    }
    for format in ["markdown", "csv", "html"] {
        for (flag, code, says) in [
            ("--service", "NOPE", "--service: there is no service 'NOPE'"),
            ("--plan", "PR9", "--plan: there is no plan node 'PR9'"),
            (
                "--portfolio",
                "XYZ",
                "--portfolio: there is no portfolio 'XYZ'",
            ),
        ] {
            let err = c.refused(&["report", "--format", format, flag, code]);
            assert!(err.contains(says), "{format} {flag}: {err}");
        }
    }
}

/// A service's report is complete: an indicator linked only to the service's own plan, a
/// plan outside the council's priorities, is in it (in every format) under a section of its
/// own, beside those the priorities hold.
#[test]
fn a_services_report_holds_the_indicators_linked_only_to_its_own_plans() {
    let c = Council::fixture_on("2024-08-20");
    let plan = c.file(
        "plan.csv",
        "code,kind,parent,title,owner,portfolio,service,from_year,to_year\n\
         SP9,service_plan,,Waste depot plan 2024-27,hos.waste,,WASTE,2024/25,\n",
    );
    c.ok(&["import", "plan", &plan]);
    let ind = c.file(
        "ind.csv",
        "code,title,kind,unit,decimals,polarity,frequency,aggregation,owner,plan\n\
         DP1,Depot vehicles available,local,%,1,higher,monthly,mean,alee,SP9\n",
    );
    c.ok(&["import", "indicators", &ind]);
    c.ok(&["set", "DP1", "2024-06", "91.5"]);
    let args = |format: &str| -> Vec<String> {
        [
            "report",
            "--period",
            "2024/25 Q1",
            "--format",
            format,
            "--service",
            "WASTE",
        ]
        .map(String::from)
        .to_vec()
    };
    let run = |format: &str| {
        let a = args(format);
        c.ok(&a.iter().map(String::as_str).collect::<Vec<_>>())
    };
    let csv = run("csv");
    assert!(csv.lines().any(|l| l.contains(",DP1,")), "{csv}");
    // The waste indicators under the priority stay.
    assert!(csv.lines().any(|l| l.contains(",WR1,")), "{csv}");
    let md = run("markdown");
    assert!(md.contains("Outside the priorities"), "{md}");
    assert!(md.contains("DP1 Depot vehicles available"), "{md}");
    let html = run("html");
    assert!(html.contains("Outside the priorities"), "{html}");
    assert!(html.contains("Depot vehicles available"), "{html}");
    // The planning service's report does not take it.
    let planning = c.ok(&[
        "report",
        "--period",
        "2024/25 Q1",
        "--format",
        "csv",
        "--service",
        "PLAN",
    ]);
    assert!(!planning.contains(",DP1,"), "{planning}");
}
