//! `pmdb publish --period P --out DIR`: the pack a council uploads, every file whole, and an
//! index that links every one of them.

mod common;

use common::Council;
use common::html::{assert_accessible_shape, attribute_values};

#[test]
fn publish_writes_the_pack_and_an_index_linking_every_file() {
    let c = Council::fixture();
    let dir = c.path("pack");
    let out = c.ok(&[
        "publish",
        "--period",
        "2024/25 Q1",
        "--out",
        dir.to_str().unwrap(),
    ]);
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
    c.ok(&[
        "publish",
        "--period",
        "2024/25 Q1",
        "--out",
        dir.to_str().unwrap(),
    ]);
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
