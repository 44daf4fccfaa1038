//! Nothing a person typed reaches a terminal as a command (issue 13, point 5): texts the
//! file already holds (written around pmdb, or before input was checked) are shown with
//! their control characters and bidi overrides as visible marks, by every command and in
//! every tab, and widths are counted in terminal cells.

mod common;
mod tui_support;

use common::Council;
use pmdb::safe_text::is_unsafe;

/// An OSC title + OSC 52 clipboard write + clear screen + C1 CSI + a bidi override.
const PAYLOAD: &str =
    "\u{1b}]0;pwned\u{7}\u{1b}]52;c;ZWNobyBoaQ==\u{7}\u{1b}[2J\u{9b}31m\u{202e}gnp.exe";

fn assert_clean(what: &str, text: &str) {
    let bad: Vec<String> = text
        .chars()
        .filter(|c| is_unsafe(*c) && *c != '\n')
        .map(|c| format!("U+{:04X}", c as u32))
        .collect();
    assert!(bad.is_empty(), "{what} printed {bad:?}:\n{text}");
}

/// The fixture with the payload in a title, a commentary, a login's name and the
/// council's name, written straight into the file.
fn poisoned() -> Council {
    let c = Council::fixture();
    c.ok(&["exceptions", "raise", "--period", "2024-06"]);
    let w = c.writer("root");
    w.execute(
        "UPDATE indicators SET title = 'Recycling ' || ?1 WHERE code = 'WR1'",
        [PAYLOAD],
    )
    .unwrap();
    w.execute(
        "UPDATE \"values\" SET commentary = 'Crews ' || ?1, action = ?1 WHERE indicator = 'WR1'",
        [PAYLOAD],
    )
    .unwrap();
    w.execute(
        "UPDATE plan_nodes SET title = ?1 WHERE code = 'P1'",
        [PAYLOAD],
    )
    .unwrap();
    w.execute(
        "UPDATE exceptions SET proposal = ?1, status = 'proposed'",
        [PAYLOAD],
    )
    .unwrap();
    w.execute("UPDATE users SET name = ?1", [PAYLOAD]).unwrap();
    drop(w);
    c.ok(&["config", "set", "council_name", "Wyvern Vale"]);
    c
}

#[test]
fn every_command_shows_control_characters_as_marks() {
    let c = poisoned();
    for args in [
        vec!["show", "WR1"],
        vec!["list", "--period", "2024-06"],
        vec!["rollup", "--period", "2024/25 Q1", "--indicators"],
        vec!["report", "--period", "2024/25 Q1"],
        vec!["report", "--period", "2024/25 Q1", "--format", "csv"],
        vec!["exceptions"],
        vec!["history", "WR1"],
        vec!["user", "list"],
        vec!["overdue"],
        vec!["check"],
        vec!["config"],
    ] {
        let out = c.cmd(&args).output().unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert_clean(&format!("{args:?}"), &stdout);
        assert_clean(
            &format!("{args:?} stderr"),
            &String::from_utf8_lossy(&out.stderr),
        );
    }
    // Shown, not dropped: the reader sees that something odd is there.
    let show = c.ok(&["show", "WR1"]);
    assert!(show.contains("Recycling ␛]0;pwned␇"), "{show}");
    // JSON keeps the text exactly, escaped as JSON escapes.
    let v = c.json(&["show", "WR1"]);
    assert_eq!(v["title"], format!("Recycling {PAYLOAD}"));
    let raw = c.ok(&["show", "WR1", "--json"]);
    assert_clean("show --json", &raw);
}

#[test]
fn a_quoted_cell_in_an_error_is_shown_with_marks() {
    let c = Council::fixture();
    let file = c.file("v.csv", format!("code,period,value\nRW1,{PAYLOAD},1\n"));
    let err = c.refused(&["import", "values", &file]);
    assert_clean("import error", &err);
    assert!(err.contains("row 2, column period"), "{err}");
}

#[test]
fn a_very_long_title_does_not_make_a_command_panic() {
    let c = Council::fixture();
    let w = c.writer("root");
    w.execute(
        "UPDATE indicators SET title = ?1 WHERE code = 'WR1'",
        ["議".repeat(70_000)],
    )
    .unwrap();
    drop(w);
    // Each command still gives its figures around the title.
    let list = c.ok(&["list"]);
    let codes: Vec<&str> = list
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert_eq!(
        codes,
        ["code", "WR1", "RW1", "PL1", "PL2", "4"],
        "{list:.300}"
    );
    assert!(list.contains("WR1   議議議"), "{list:.300}");
    assert_eq!(list.lines().last(), Some("4 indicators"));
    let check = c.ok(&["check"]);
    assert!(
        check.starts_with("integrity: ok\n") && check.ends_with("2 findings\n"),
        "{check}"
    );
    let rollup = c.ok(&["rollup", "--indicators"]);
    assert!(
        rollup.contains("\nWR1   47.7   50.0    A amber"),
        "{rollup}"
    );
    let overdue = c.ok(&["overdue"]);
    assert!(
        overdue.ends_with("2 values overdue as of 2024-08-01\n"),
        "{overdue}"
    );
    assert!(c.ok(&["exceptions"]).ends_with("0 exceptions\n"));
}

#[test]
fn every_tab_shows_control_characters_as_marks() {
    use crossterm::event::KeyCode;
    use tui_support::{app, buffer, press, typing};
    let dir = tempfile::tempdir().unwrap();
    let path = tui_support::fixture(dir.path());
    let conn = common::writer(&path, "admin1");
    conn.execute(
        "UPDATE indicators SET title = 'Recycling ' || ?1 WHERE code = 'WR1'",
        [PAYLOAD],
    )
    .unwrap();
    conn.execute("UPDATE plan_nodes SET title = ?1", [PAYLOAD])
        .unwrap();
    conn.execute("UPDATE \"values\" SET commentary = ?1", [PAYLOAD])
        .unwrap();
    drop(conn);
    let mut a = app(&path);
    let mut seen_mark = false;
    for keys in ["1", "jjjjj", "2", "4", "3"] {
        typing(&mut a, keys);
        for (w, h) in [(80, 24), (120, 40)] {
            let b = buffer(&a, w, h);
            let text: String = b.content.iter().map(|c| c.symbol()).collect();
            assert_clean(&format!("tab after {keys:?} at {w}x{h}"), &text);
            seen_mark |= text.contains('␛');
        }
    }
    press(&mut a, KeyCode::Enter);
    let b = buffer(&a, 80, 24);
    let text: String = b.content.iter().map(|c| c.symbol()).collect();
    assert_clean("after Enter", &text);
    assert!(seen_mark, "the payload was shown as marks somewhere");
}
