//! The report files are display, not data (issue 22, point 7): an officer's commentary, a
//! title and the council's name can form no link, image, raw HTML or emphasis in
//! `report.md`, and no control character or bidi override reaches `report.md` or
//! `report.csv`, whether the report is printed, written with `--out` or published; the
//! words are still there to read.

mod common;

use common::Council;
use pmdb::safe_text::is_unsafe;

/// An OSC title, a clear screen, a C1 CSI and a right-to-left override.
const CONTROLS: &str = "\u{1b}]0;pwned\u{7}\u{1b}[2J\u{9b}31m\u{202e}gnp.exe";

/// The fixture with markup and controls in WR1's commentary and title, its priority's
/// title and the council's name, written straight into the file (as texts written before
/// input was checked, or around pmdb, would be).
fn hostile() -> Council {
    let c = Council::fixture();
    let w = c.writer("root");
    let markup = "<img src=x onerror=alert(1)> [x](javascript:alert(1)) **bold**";
    w.execute(
        "UPDATE \"values\" SET commentary = ?1 WHERE indicator = 'WR1'",
        [format!("Crews {markup}\nsecond line {CONTROLS}")],
    )
    .unwrap();
    w.execute(
        "UPDATE indicators SET title = ?1 WHERE code = 'WR1'",
        [format!("Recycling <script>alert(2)</script> {CONTROLS}")],
    )
    .unwrap();
    w.execute(
        "UPDATE plan_nodes SET title = ?1 WHERE code = 'P1'",
        ["A greener [district](javascript:alert(3)) | _green_"],
    )
    .unwrap();
    w.execute(
        "INSERT INTO settings (key, value) VALUES ('council_name', ?1)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [format!("Wyvern <b>Vale</b>{CONTROLS}")],
    )
    .unwrap();
    c
}

fn assert_no_controls(what: &str, text: &str) {
    let bad: Vec<String> = text
        .chars()
        .filter(|c| is_unsafe(*c) && *c != '\n')
        .map(|c| format!("U+{:04X}", c as u32))
        .collect();
    assert!(bad.is_empty(), "{what} holds {bad:?}:\n{text}");
}

fn assert_safe_markdown(what: &str, md: &str) {
    assert_no_controls(what, md);
    for markup in [
        "<img",
        "<script",
        "<b>",
        "](javascript:",
        "**bold**",
        "_green_",
    ] {
        assert!(!md.contains(markup), "{what} holds {markup}:\n{md}");
    }
    // Outside the `<br>` it writes for a line break, no angle bracket at all.
    assert!(
        !md.replace("<br>", "").contains(['<', '>']),
        "{what}:\n{md}"
    );
    // Still readable: each text is there, escaped, with its line break and its controls
    // shown as marks.
    for words in [
        "# Wyvern &lt;b&gt;Vale&lt;/b&gt;␛\\]0;pwned␇␛\\[2J\u{FFFD}31m\u{FFFD}gnp.exe: performance report 2024/25 Q1\n",
        "\n## A greener \\[district\\]\\(javascript:alert\\(3\\)\\) \\| \\_green\\_\n",
        "| WR1 Recycling &lt;script&gt;alert\\(2\\)&lt;/script&gt; ␛\\]0;pwned␇",
        "| June: Crews &lt;img src=x onerror=alert\\(1\\)&gt; \\[x\\]\\(javascript:alert\\(1\\)\\) \\*\\*bold\\*\\*<br>second line ␛\\]0;pwned␇",
    ] {
        assert!(md.contains(words), "{what} lacks {words}:\n{md}");
    }
}

fn assert_safe_csv(what: &str, csv: &str) {
    assert_no_controls(what, csv);
    let mut rows = csv::Reader::from_reader(csv.as_bytes());
    let wr1 = rows
        .records()
        .map(Result::unwrap)
        .find(|r| &r[1] == "WR1")
        .expect("WR1 in the CSV");
    // The words as typed, the line break kept, the controls as marks.
    assert_eq!(
        &wr1[11],
        "June: Crews <img src=x onerror=alert(1)> [x](javascript:alert(1)) **bold**\nsecond line ␛]0;pwned␇␛[2J\u{FFFD}31m\u{FFFD}gnp.exe"
    );
}

#[test]
fn a_markdown_report_written_or_printed_forms_no_markup_and_holds_no_controls() {
    let c = hostile();
    let printed = c.ok(&["report", "--period", "2024/25 Q1"]);
    assert_safe_markdown("the printed report", &printed);
    let path = c.path("r.md");
    c.ok(&[
        "report",
        "--period",
        "2024/25 Q1",
        "--out",
        path.to_str().unwrap(),
    ]);
    let written = std::fs::read_to_string(&path).unwrap();
    assert_safe_markdown("report --out r.md", &written);
    assert_eq!(written, printed, "the file is what the terminal shows");
    // A report by portfolio carries the same escaping of its group titles.
    let by_service = c.ok(&["report", "--period", "2024/25 Q1", "--by", "portfolio"]);
    assert_no_controls("report --by portfolio", &by_service);
    assert!(!by_service.contains("<img"), "{by_service}");
}

#[test]
fn a_csv_report_written_or_printed_holds_no_controls() {
    let c = hostile();
    let printed = c.ok(&["report", "--period", "2024/25 Q1", "--format", "csv"]);
    assert_safe_csv("the printed CSV", &printed);
    let path = c.path("r.csv");
    c.ok(&[
        "report",
        "--period",
        "2024/25 Q1",
        "--format",
        "csv",
        "--out",
        path.to_str().unwrap(),
    ]);
    let written = std::fs::read_to_string(&path).unwrap();
    assert_safe_csv("report --out r.csv", &written);
    assert_eq!(written, printed);
    // `export` is data: it keeps the text exactly.
    let export = c.ok(&["export", "values"]);
    assert!(export.contains(CONTROLS), "{export}");
}

#[test]
fn the_published_pack_gets_the_same_safe_files() {
    let c = hostile();
    let dir = c.path("pack");
    c.ok(&[
        "publish",
        "--period",
        "2024/25 Q1",
        "--out",
        dir.to_str().unwrap(),
    ]);
    let read = |name: &str| std::fs::read_to_string(dir.join(name)).unwrap();
    assert_safe_markdown("report.md", &read("report.md"));
    assert_safe_csv("report.csv", &read("report.csv"));
    for page in ["report.html", "index.html", "portfolio-ENV.html"] {
        let html = read(page);
        assert_no_controls(page, &html);
        assert!(!html.contains("<img src=x"), "{page}");
    }
}
