//! Regressions found by the command-line suite: each failed before its fix.

mod common;

use common::Council;
use std::process::{Command, Stdio};

#[test]
fn a_blank_line_counts_as_a_row_as_in_a_spreadsheet() {
    let c = Council::fixture();
    let before = c.snapshot();
    let path = c.file(
        "v.csv",
        "code,period,value\nRW1,2024-07,40\n\nRW1,2024-13,41\n",
    );
    let err = c.refused(&["import", "values", &path]);
    assert!(err.contains("row 4, column period: '2024-13'"), "{err}");
    assert_eq!(c.snapshot(), before);
}

#[test]
fn an_empty_file_is_not_turned_into_a_database_by_a_read() {
    let c = Council::empty(common::FIXTURE_TODAY);
    std::fs::write(&c.db, b"").unwrap();
    let err = c.refused(&["list"]);
    assert!(err.contains("is not a pmdb database"), "{err}");
    assert_eq!(
        std::fs::metadata(&c.db).unwrap().len(),
        0,
        "list wrote into the empty file"
    );
}

#[test]
fn an_exception_conflict_says_who_changed_it_and_when_in_plain_words() {
    let c = Council::fixture();
    c.ok(&["exceptions", "raise", "--period", "2024-06"]);
    c.ok(&[
        "exceptions",
        "update",
        "1",
        "--status",
        "proposed",
        "--proposal",
        "p",
    ]);
    let err = c.refused(&[
        "exceptions",
        "update",
        "1",
        "--decision",
        "x",
        "--expect-version",
        "1",
    ]);
    assert!(!err.contains("at since since"), "{err}");
}

#[test]
fn option_words_read_as_english() {
    let c = Council::fixture();
    let err = c.refused(&["exceptions", "--status", "pending"]);
    assert!(err.contains("is not an exception status"), "{err}");
    let err = c.refused(&["export", "widgets"]);
    assert!(err.contains("is not an import/export kind"), "{err}");
    let p = c.file(
        "i.csv",
        "code,title,kind,polarity,frequency,aggregation\nQ1,T,local,higher,monthly,average\n",
    );
    let err = c.refused(&["import", "indicators", &p]);
    assert!(err.contains("is not an aggregation"), "{err}");
}

#[test]
fn a_closed_pipe_does_not_make_pmdb_panic() {
    use std::os::unix::process::ExitStatusExt;
    let c = Council::fixture();
    let mut child = Command::new(common::pmdb_binary())
        .arg("--db")
        .arg(&c.db)
        .args(["list"])
        .env("PMDB_TODAY", &c.today)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take()); // the reader went away, as `pmdb list | head -0` does
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.is_empty(),
        "pmdb said something on a closed pipe: {stderr}"
    );
    // Quietly killed by SIGPIPE, as Unix filters are; or done, had it written everything
    // before the pipe closed.
    assert!(
        out.status.signal() == Some(nix::sys::signal::Signal::SIGPIPE as i32)
            || out.status.success(),
        "pmdb ended with {:?} on a closed pipe",
        out.status
    );
}

#[test]
fn a_quarter_that_has_not_ended_cannot_be_signed_off() {
    let c = Council::fixture();
    // Today is 2024-08-01: Q2 (July–September) has barely begun.
    let err = c.refused(&["signoff", "2024/25 Q2"]);
    assert!(err.contains("2024/25 Q2"), "{err}");
}

#[test]
fn check_on_a_malformed_file_says_it_is_damaged() {
    let c = Council::fixture();
    let (page_size, root): (i64, i64) = {
        let conn = common::read_only(&c.db);
        (
            conn.query_row("PRAGMA page_size", [], |r| r.get(0))
                .unwrap(),
            conn.query_row(
                "SELECT rootpage FROM sqlite_master WHERE name = 'audit_log_key'",
                [],
                |r| r.get(0),
            )
            .unwrap(),
        )
    };
    let mut file = std::fs::read(&c.db).unwrap();
    let start = ((root - 1) * page_size) as usize;
    file[start] = 0x63; // not a b-tree page type
    std::fs::write(&c.db, &file).unwrap();
    let err = c.refused(&["check"]);
    assert!(err.contains("restore from a backup"), "{err}");
}
