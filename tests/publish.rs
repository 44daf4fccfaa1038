//! `pmdb publish --period P --out DIR`: the pack a council uploads, every file whole, and an
//! index that links every one of them.

mod common;

use std::os::unix::fs::MetadataExt;
use std::path::Path;

use common::html::{assert_accessible_shape, attribute_values};
use common::nobody::{as_nobody, can_run_as_nobody, share_with_nobody};
use common::{Council, files_in};

#[test]
fn publish_writes_the_pack_and_an_index_linking_every_file() {
    let c = Council::fixture();
    let dir = c.path("pack");
    let out = publish(&c, "2024/25 Q1", &dir);
    assert!(out.starts_with("published 2024/25 Q1: "), "{out}");
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    // The council's report four ways, a page per portfolio, the index; nothing half-written.
    let portfolios: Vec<String> = c
        .ok(&["export", "portfolios"])
        .lines()
        .skip(1)
        .filter_map(|l| {
            l.split(',')
                .next()
                .map(|code| format!("portfolio-{code}.html"))
        })
        .collect();
    assert!(!portfolios.is_empty());
    let mut expected: Vec<String> = [
        "index.html",
        "report.csv",
        "report.html",
        "report.md",
        "report.xlsx",
    ]
    .map(String::from)
    .to_vec();
    expected.extend(portfolios.iter().cloned());
    expected.sort();
    assert_eq!(files, expected);

    let index = std::fs::read_to_string(dir.join("index.html")).unwrap();
    assert_accessible_shape(&index);
    let mut links = attribute_values(&index, "href");
    links.sort();
    let mut others: Vec<String> = expected.into_iter().filter(|f| f != "index.html").collect();
    others.sort();
    assert_eq!(links, others, "the index links every other file");

    for page in ["report.html"]
        .iter()
        .copied()
        .chain(portfolios.iter().map(String::as_str))
    {
        let html = std::fs::read_to_string(dir.join(page)).unwrap();
        assert_accessible_shape(&html);
        assert!(html.contains("2024/25 Q1</h1>"), "{page}");
    }
    // The same report as `report` prints.
    let csv = std::fs::read_to_string(dir.join("report.csv")).unwrap();
    assert_eq!(
        csv,
        c.ok(&["report", "--period", "2024/25 Q1", "--format", "csv"])
    );
    let md = std::fs::read_to_string(dir.join("report.md")).unwrap();
    assert_eq!(md, c.ok(&["report", "--period", "2024/25 Q1"]));

    // Published again: the files are replaced in place, still nothing else in the folder.
    publish(&c, "2024/25 Q1", &dir);
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), files.len());
}

#[test]
fn report_out_writes_the_file_and_prints_nothing_of_it() {
    let c = Council::fixture();
    let path = c.path("r.html");
    let out = c.ok(&[
        "report",
        "--period",
        "2024/25 Q1",
        "--format",
        "html",
        "--out",
        path.to_str().unwrap(),
    ]);
    assert!(out.starts_with("wrote "), "{out}");
    let written = std::fs::read_to_string(&path).unwrap();
    assert_eq!(
        written,
        c.ok(&["report", "--period", "2024/25 Q1", "--format", "html"])
    );
    // An unsigned period says so and gives the day the figures were read, no time.
    assert!(written.contains("Figures as recorded on 2024-08-01; this period is not signed off"));
    let refused = c.refused(&["report", "--format", "pdf"]);
    assert!(
        refused.contains("use markdown, csv, html or xlsx"),
        "{refused}"
    );
    let refused = c.refused(&["publish", "--period", "2024/25 Q1", "--out", "/proc/nope"]);
    assert!(refused.contains("/proc/nope"), "{refused}");
}

/// `pmdb publish --period PERIOD --out DIR` as the test's login; returns what it printed.
fn publish(c: &Council, period: &str, dir: &Path) -> String {
    c.ok(&[
        "publish",
        "--period",
        period,
        "--out",
        dir.to_str().unwrap(),
    ])
}

/// The council's settings and definitions at sign-off make a signed-off period's pack:
/// renaming the council, moving the deadline day or the month collection starts, changing
/// the RAG rule or the risk bands, adding an indicator, renaming one and moving it in the
/// plan, re-titling a project and giving it another owner afterwards changes no byte of any
/// file of it (the HTML, the workbook, the CSV, the Markdown, every portfolio summary, the
/// index), while an unsigned period's report follows.
#[test]
fn a_signed_off_periods_pack_keeps_the_settings_and_definitions_of_its_sign_off() {
    let c = Council::empty("2026-11-24");
    c.ok(&["demo"]);
    let signed = "2026/27 Q2";
    let pack = |name: &str| {
        let dir = c.path(name);
        publish(&c, signed, &dir);
        files_in(&dir)
    };
    let before = pack("before");
    assert!(before.len() >= 10, "{}", before.len());
    let unsigned = || c.ok(&["report", "--period", "2026/27 Q3", "--format", "markdown"]);
    let unsigned_before = unsigned();
    assert!(unsigned_before.starts_with("# Wyvern Vale District Council"));

    for (key, value) in [
        ("council_name", "Renamed Council"),
        ("deadline_day", "5"),
        ("collect_from", "2026-08"),
        ("rag_rule", "tolerance:1:2"),
        ("risk_bands", "2:6"),
    ] {
        c.ok(&["config", "set", key, value]);
    }
    // PL01 renamed and moved under WE01's plan node; a new indicator beside it.
    let indicators = c.ok(&["export", "indicators"]);
    let mut rows = csv::Reader::from_reader(indicators.as_bytes());
    let header = rows.headers().unwrap().clone();
    let rows: Vec<csv::StringRecord> = rows.records().map(Result::unwrap).collect();
    let row = |code: &str| rows.iter().find(|r| &r[0] == code).unwrap().clone();
    let plan = header.iter().position(|h| h == "plan").unwrap();
    let we01_plan = row("WE01")[plan].to_string();
    let mut moved: Vec<String> = row("PL01").iter().map(str::to_string).collect();
    moved[1] = "Planning decisions renamed later".into();
    moved[plan] = we01_plan;
    let mut added = moved.clone();
    added[0] = "NEW01".into();
    added[1] = "An indicator added after sign-off".into();
    let mut changed = csv::Writer::from_writer(Vec::new());
    changed.write_record(&header).unwrap();
    changed.write_record(&moved).unwrap();
    changed.write_record(&added).unwrap();
    let file = c.file("changed.csv", changed.into_inner().unwrap());
    c.ok(&["import", "indicators", &file]);
    let projects = c.ok(&["export", "projects"]);
    let renamed = projects.replacen(
        "PJ-01,Food waste collection roll-out",
        "PJ-01,Retitled later",
        1,
    );
    assert_ne!(renamed, projects);
    let renamed = renamed.replacen(",glewis,", ",hcarter,", 1);
    let file = c.file("projects.csv", renamed);
    c.ok(&["import", "projects", &file]);
    let after = pack("after");
    assert_eq!(
        before.iter().map(|(n, _)| n).collect::<Vec<_>>(),
        after.iter().map(|(n, _)| n).collect::<Vec<_>>()
    );
    for ((name, a), (_, b)) in before.iter().zip(&after) {
        assert!(a == b, "{name} changed after sign-off");
    }
    let report = c.ok(&["report", "--period", signed, "--format", "markdown"]);
    assert!(
        report.starts_with("# Wyvern Vale District Council"),
        "{report}"
    );
    // Not signed off: today's settings.
    let unsigned_after = unsigned();
    assert!(
        unsigned_after.starts_with("# Renamed Council"),
        "{unsigned_after}"
    );
}

/// Portfolio codes that differ only by `.`, `/` and `_`, or only in case, each get a page
/// of their own (issue 22, point 8): none overwrites another, even on a file system that
/// ignores case; the index links each portfolio to its own page and the count of files
/// written is the number in the folder.
#[test]
fn portfolio_codes_differing_in_punctuation_or_case_get_pages_of_their_own() {
    let c = Council::fixture();
    let file = c.file(
        "portfolios.csv",
        "code,name,holder\nX.Y,Dotted,\nX/Y,Slashed,\nX_Y,Underscored,\nx.y,Small letters,\n",
    );
    c.ok(&["import", "portfolios", &file]);
    let dir = c.path("pack");
    let out = publish(&c, "2024/25 Q1", &dir);
    let pages = [
        ("portfolio-X.Y.html", "Dotted"),
        ("portfolio-X~2FY.html", "Slashed"),
        ("portfolio-X_Y.html", "Underscored"),
        ("portfolio-~x.~y.html", "Small letters"),
    ];
    let files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    // A page per portfolio (the fixture's ENV and RES, and these four) besides
    // report.{html,xlsx,csv,md} and index.html: none lost, and the count says so.
    let portfolios = c.ok(&["export", "portfolios"]).lines().count() - 1;
    assert_eq!(portfolios, 6);
    assert_eq!(files.len(), 5 + portfolios, "{files:?}");
    assert_eq!(
        out,
        format!("published 2024/25 Q1: 11 files in {}\n", dir.display())
    );
    let mut folded: Vec<String> = files.iter().map(|f| f.to_lowercase()).collect();
    folded.sort();
    folded.dedup();
    assert_eq!(folded.len(), files.len(), "{files:?}");
    let index = std::fs::read_to_string(dir.join("index.html")).unwrap();
    for (page, name) in pages {
        assert!(files.iter().any(|f| f == page), "{page} in {files:?}");
        let html = std::fs::read_to_string(dir.join(page)).unwrap();
        assert!(
            html.contains(&format!("{name} portfolio summary 2024/25 Q1</h1>")),
            "{page} is {name}'s summary"
        );
        assert!(
            index.contains(&format!(
                "<a href=\"{page}\">{name} portfolio summary</a> ({page})"
            )),
            "the index links {name} to {page}:\n{index}"
        );
    }
    let json = c.json(&[
        "publish",
        "--period",
        "2024/25 Q1",
        "--out",
        dir.to_str().unwrap(),
    ]);
    assert_eq!(json["files"].as_array().unwrap().len(), 11);
}

/// Reports are public by default, so whoever may read may publish (`Actor::may_publish`,
/// the rule the Rollup tab's `P` follows): a viewer, who may change nothing, gets the same
/// pack as the admin it was.
#[test]
fn a_viewer_publishes_the_pack() {
    let c = Council::fixture();
    let pack = |name: &str| {
        let dir = c.path(name);
        let out = publish(&c, "2024/25 Q1", &dir);
        assert_eq!(
            out,
            format!("published 2024/25 Q1: 7 files in {}\n", dir.display())
        );
        files_in(&dir)
    };
    let as_admin = pack("as-admin");
    c.ok(&["user", "add", "boss", "--role", "admin"]);
    c.ok(&["user", "set-role", &common::me(), "viewer"]);
    assert_eq!(c.json(&["config"])["role"], "viewer");
    let refused = c.refused(&["config", "set", "deadline_day", "5"]);
    assert!(refused.contains("may not"), "{refused}");
    assert!(
        pack("as-viewer") == as_admin,
        "the same files, byte for byte"
    );
}

/// A login the database does not know reads only, and so may publish too: run as the
/// system's `nobody` (which only root may do; run by anyone else, this says so and checks
/// nothing).
#[test]
fn a_login_the_database_does_not_know_publishes_the_pack() {
    if !can_run_as_nobody("a_login_the_database_does_not_know_publishes_the_pack") {
        return;
    }
    let c = Council::fixture();
    share_with_nobody(&c);
    let out = as_nobody(
        &c,
        &["publish", "--period", "2024/25 Q1", "--out", "nobodys-pack"],
    )
    .output()
    .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let dir = c.path("nobodys-pack");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "published 2024/25 Q1: 7 files in nobodys-pack\n"
    );
    // The files are nobody's own.
    let files = files_in(&dir);
    assert_eq!(files.len(), 7);
    for (name, _) in &files {
        assert_eq!(
            std::fs::metadata(dir.join(name)).unwrap().uid(),
            65534,
            "{name}"
        );
    }
    let as_admin = c.path("as-admin");
    publish(&c, "2024/25 Q1", &as_admin);
    assert!(
        files == files_in(&as_admin),
        "the same files, byte for byte"
    );
}

/// `pmdb publish --period latest`, from cron (SPEC "Beyond one server"): the last quarter
/// and the last month that have ended (on 1 August 2024: 2024/25 Q1 and 2024-07), the
/// month's pack in `month/` and linked from the quarter's index, each page dated and
/// saying whether its figures are signed off; after Q1 is signed off, its pages say so.
#[test]
fn publish_latest_writes_the_last_quarter_and_month_each_dated_and_marked() {
    let c = Council::fixture();
    let dir = c.path("intranet");
    let out = publish(&c, "latest", &dir);
    assert!(
        out.starts_with("published 2024/25 Q1 and 2024-07 (in month/): "),
        "{out}"
    );
    let index = std::fs::read_to_string(dir.join("index.html")).unwrap();
    assert!(
        index.contains(r#"<a href="month/index.html">The latest month, 2024-07: its own pack</a>"#),
        "{index}"
    );
    let not_signed = "Figures as recorded on 2024-08-01; this period is not signed off, so they may still change.";
    for page in [
        "index.html",
        "report.html",
        "month/index.html",
        "month/report.html",
    ] {
        let html = std::fs::read_to_string(dir.join(page)).unwrap();
        assert!(html.contains(not_signed), "{page}");
    }
    let month = std::fs::read_to_string(dir.join("month/report.html")).unwrap();
    assert!(month.contains("2024-07"), "the month's own report");
    let json = c.json(&[
        "publish",
        "--period",
        "latest",
        "--out",
        dir.to_str().unwrap(),
    ]);
    assert_eq!(
        (json["period"].clone(), json["month"].clone()),
        (
            serde_json::json!("2024/25 Q1"),
            serde_json::json!("2024-07")
        )
    );
    let files: Vec<&str> = json["files"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f.as_str())
        .collect();
    assert!(
        files.contains(&"index.html") && files.contains(&"month/index.html"),
        "{files:?}"
    );
    c.ok(&["signoff", "2024/25 Q1", "--yes"]);
    publish(&c, "latest", &dir);
    let report = std::fs::read_to_string(dir.join("report.html")).unwrap();
    assert!(
        report.contains("Figures as signed off on 2024-08-01."),
        "{report:.2000}"
    );
    let month = std::fs::read_to_string(dir.join("month/report.html")).unwrap();
    assert!(month.contains(not_signed));
}
