//! The meeting's agenda in the Exceptions tab (issue 24, points 3 and 5): `C` closes or
//! notes every agreed item of it at once, as `pmdb exceptions close --meeting ID --status
//! agreed --note TEXT` does; `M` shows the meeting's minutes, as `pmdb minutes MEETING`
//! writes them, and `w` writes them where the Rollup tab's `P` publishes. On the demo
//! council (2026-11-24): the tab opens on PPG #8 (26 November), whose agenda has #17 WE03
//! agreed and #1 HS07 and #2 CP01 agreed at the October PPG and carried forward.

mod common;
mod tui_support;

use std::collections::BTreeMap;
use std::path::Path;

use crossterm::event::KeyCode;
use pmdb::domain::workflow::ExceptionStatus;
use pmdb::query::minutes::{markdown, minutes};
use pmdb::store::{ExceptionFilter, ExceptionRecord, HistoryEntry, Store};
use pmdb::tui::{App, Tab, Theme};
use tui_support::*;

/// The Exceptions tab as `login` on the demo council.
fn on_exceptions(path: &Path, login: &str) -> App {
    let mut app = App::with_theme(
        Store::open(path, login).unwrap(),
        demo_today(),
        Theme::COLOUR,
    )
    .unwrap();
    typing(&mut app, "3");
    assert_eq!(app.tab, Tab::Exceptions);
    app
}

fn exceptions(path: &Path) -> BTreeMap<i64, ExceptionRecord> {
    Store::open(path, "perf")
        .unwrap()
        .exceptions(&ExceptionFilter::default())
        .unwrap()
        .into_iter()
        .map(|e| (e.id, e))
        .collect()
}

fn history(path: &Path, id: i64) -> Vec<HistoryEntry> {
    Store::open(path, "perf")
        .unwrap()
        .exception_history(id)
        .unwrap()
}

/// Every exception's status and the length of its history: what must not move when
/// nothing is written.
fn state(path: &Path) -> Vec<(i64, ExceptionStatus, i64, usize)> {
    exceptions(path)
        .into_values()
        .map(|e| (e.id, e.status, e.version, history(path, e.id).len()))
        .collect()
}

const AGREED: [i64; 3] = [17, 1, 2];

#[test]
fn c_notes_then_closes_every_agreed_item_of_the_agenda_in_one_write() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo(dir.path());
    let mut app = on_exceptions(&path, "perf");
    for (w, h) in [(80, 24), (120, 40)] {
        let screen = flat(&app, w, h);
        assert!(screen.contains("meeting PPG 2026-11-26 (id 8"), "{screen}");
    }
    let e = exceptions(&path);
    for id in AGREED {
        assert_eq!(e[&id].status, ExceptionStatus::Agreed, "#{id}");
    }
    let before = state(&path);

    // Esc writes nothing, at either size, whatever was typed.
    for (w, h) in [(80, 24), (120, 40)] {
        typing(&mut app, "C");
        let screen = flat(&app, w, h);
        assert!(
            screen.contains("Meeting #8: PPG on 2026-11-26"),
            "{w}x{h}: {screen}"
        );
        assert!(
            screen.contains("Closes 3 agreed items: #17 WE03, #1 HS07, #2 CP01"),
            "{w}x{h}: {screen}"
        );
        typing(&mut app, "Not this one");
        assert!(flat(&app, w, h).contains("Not this one"));
        press(&mut app, KeyCode::Esc);
        assert!(app.exceptions.agreed.is_none());
        assert!(flat(&app, w, h).contains("Nothing was written"));
        assert_eq!(state(&path), before, "{w}x{h}: Esc wrote something");
    }

    // An empty note is refused in the dialog, nothing written.
    typing(&mut app, "C");
    hit(&mut app, ctrl('s'));
    assert!(
        flat(&app, 80, 24).contains("not saved: write the note that goes on each item's record")
    );
    assert_eq!(state(&path), before);

    // Hostile text and a note of any length: refused in the dialog, never a control
    // sequence on the screen, nothing written.
    typing(&mut app, "Agreed \u{1b}]0;pwned\u{7} done");
    for (w, h) in [(80, 24), (120, 40)] {
        let screen = text(&app, w, h);
        assert!(
            !screen.contains('\u{1b}') && !screen.contains('\u{7}'),
            "{screen}"
        );
    }
    hit(&mut app, ctrl('s'));
    let said = flat(&app, 80, 24);
    assert!(said.contains("not saved: the note"), "{said}");
    assert!(app.exceptions.agreed.is_some());
    hit(&mut app, ctrl('u'));
    typing(&mut app, &"x".repeat(10_001));
    for (w, h) in [(80, 24), (120, 40)] {
        let _ = text(&app, w, h);
    }
    hit(&mut app, ctrl('s'));
    let said = flat(&app, 120, 40);
    assert!(said.contains("not saved: the note"), "{said}");
    hit(&mut app, ctrl('u'));
    assert_eq!(state(&path), before);

    // Tab: only note them; they stay agreed, each with the note on its record.
    press(&mut app, KeyCode::Tab);
    let screen = flat(&app, 80, 24);
    assert!(
        screen.contains("Notes 3 agreed items, leaving them agreed: #17 WE03, #1 HS07, #2 CP01"),
        "{screen}"
    );
    typing(&mut app, "Progress reported to PPG on 26 November");
    let t0 = chrono::Utc::now() - chrono::Duration::seconds(1);
    hit(&mut app, ctrl('s'));
    let t1 = chrono::Utc::now() + chrono::Duration::seconds(1);
    assert!(app.exceptions.agreed.is_none());
    let screen = flat(&app, 120, 40);
    assert!(
        screen.contains("Meeting #8: noted 3 agreed items (#17, #1, #2)"),
        "{screen}"
    );
    let e = exceptions(&path);
    for id in AGREED {
        assert_eq!(e[&id].status, ExceptionStatus::Agreed, "#{id}");
        let h = history(&path, id);
        let last = h.last().unwrap();
        assert_eq!(
            (
                last.field.as_str(),
                last.old.as_str(),
                last.new.as_str(),
                last.by.as_str()
            ),
            (
                "note",
                "",
                "Progress reported to PPG on 26 November",
                "perf"
            ),
            "#{id}"
        );
        let at = pmdb::stamp::parse(&last.at).expect("a stamp");
        assert!(at >= t0 && at <= t1, "#{id} noted at {}", last.at);
    }
    let noted = state(&path);

    // Then closed, all three in one write, the note on each one's record with who and when.
    typing(&mut app, "C");
    assert!(flat(&app, 120, 40).contains("Closes 3 agreed items"));
    typing(&mut app, "Complete: closed at PPG");
    let t0 = chrono::Utc::now() - chrono::Duration::seconds(1);
    hit(&mut app, ctrl('s'));
    let t1 = chrono::Utc::now() + chrono::Duration::seconds(1);
    for (w, h) in [(80, 24), (120, 40)] {
        let screen = flat(&app, w, h);
        assert!(
            screen.contains("Meeting #8: closed 3 agreed items (#17, #1, #2)"),
            "{w}x{h}: {screen}"
        );
    }
    let e = exceptions(&path);
    for id in AGREED {
        let rec = &e[&id];
        assert_eq!(rec.status, ExceptionStatus::Closed, "#{id}");
        let h = history(&path, id);
        let was = noted.iter().find(|s| s.0 == id).unwrap().3;
        assert_eq!(h.len(), was + 3, "#{id}: status, closed_at and the note");
        let new: Vec<(&str, &str, &str, &str)> = h[was..]
            .iter()
            .map(|x| {
                (
                    x.field.as_str(),
                    x.old.as_str(),
                    x.new.as_str(),
                    x.by.as_str(),
                )
            })
            .collect();
        let closed_at = rec.closed_at.clone().expect("closed_at");
        assert_eq!(
            new,
            vec![
                ("status", "agreed", "closed", "perf"),
                ("closed_at", "", closed_at.as_str(), "perf"),
                ("note", "", "Complete: closed at PPG", "perf"),
            ],
            "#{id}"
        );
        for x in &h[was..] {
            let at = pmdb::stamp::parse(&x.at).expect("a stamp");
            assert!(at >= t0 && at <= t1, "#{id} closed at {}", x.at);
        }
    }
    // Nothing else on the agenda moved: #16 is still proposed, #19 escalated.
    let after = state(&path);
    for (b, a) in noted.iter().zip(&after) {
        if !AGREED.contains(&b.0) {
            assert_eq!(b, a, "#{} changed", b.0);
        }
    }

    // Nothing agreed is left: `C` says so, and opens nothing.
    typing(&mut app, "C");
    assert!(app.exceptions.agreed.is_none());
    assert!(
        flat(&app, 80, 24)
            .contains("Meeting #8 (PPG on 2026-11-26) has no agreed item on its agenda")
    );
}

#[test]
fn an_officer_is_refused_before_typing_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo(dir.path());
    let before = state(&path);
    let mut app = on_exceptions(&path, "jpatel");
    for (w, h) in [(80, 24), (120, 40)] {
        // Not offered in the footer ...
        let foot = screen(&app, w, h).last().unwrap().clone();
        assert!(!foot.contains("close agreed"), "{foot}");
        // ... and refused, saying why, before a word is typed.
        typing(&mut app, "C");
        assert!(app.exceptions.agreed.is_none());
        let screen = flat(&app, w, h);
        assert!(
            screen.contains("close an agenda's agreed items"),
            "{screen}"
        );
    }
    assert_eq!(state(&path), before);
}

#[test]
fn with_no_meeting_chosen_c_and_m_say_so() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo(dir.path());
    let before = state(&path);
    let mut app = on_exceptions(&path, "perf");
    typing(&mut app, "x");
    assert_eq!(app.exceptions.meeting, None);
    typing(&mut app, "C");
    assert!(app.exceptions.agreed.is_none());
    assert!(flat(&app, 80, 24).contains("No meeting is chosen: press m to choose the meeting"));
    typing(&mut app, "M");
    assert!(app.exceptions.minutes.is_none());
    assert!(flat(&app, 120, 40).contains("No meeting is chosen"));
    assert_eq!(state(&path), before);
}

/// The October PPG's minutes as `query::minutes` makes them, from the store read here.
fn expected_minutes(path: &Path, id: i64) -> String {
    let store = Store::open(path, "perf").unwrap();
    let meeting = store.meeting_named(&id.to_string()).unwrap();
    let agenda = pmdb::query::agenda::load(&store, &meeting).unwrap();
    let mut history = BTreeMap::new();
    for item in &agenda {
        history.insert(
            item.record.id,
            store.exception_history(item.record.id).unwrap(),
        );
    }
    let board = store
        .boards()
        .unwrap()
        .into_iter()
        .find(|b| b.code == meeting.board)
        .unwrap()
        .name;
    let ds = store.dataset().unwrap();
    markdown(&minutes(&ds, &meeting, &board, &agenda, &history))
}

#[test]
fn m_shows_the_minutes_and_w_writes_the_bytes_pmdb_minutes_writes() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo(dir.path());
    let mut app = on_exceptions(&path, "perf");
    let started_in = tempfile::tempdir().unwrap();
    app.rollup.publish_in = started_in.path().to_path_buf();
    // `m` from #8 round to the October PPG, #5.
    while app.exceptions.meeting != Some(5) {
        typing(&mut app, "m");
    }
    assert!(flat(&app, 80, 24).contains("meeting PPG 2026-10-22 (id 5"));
    typing(&mut app, "M");
    let want = expected_minutes(&path, 5);
    assert_eq!(
        app.exceptions.minutes.as_ref().map(|p| p.text.as_str()),
        Some(want.as_str())
    );
    assert!(want.contains("## 2. CP01"), "{want}");
    // The Markdown escapes what was typed; the screen shows it as typed.
    assert!(
        want.contains("\\(red, 2026-09; exception \\#1\\)"),
        "{want}"
    );
    assert!(
        flat(&app, 120, 40).contains("(red, 2026-09; exception #1)"),
        "{}",
        text(&app, 120, 40)
    );
    for (w, h) in [(80u16, 24u16), (120, 40)] {
        let rows = screen(&app, w, h);
        let shown = flat(&app, w, h);
        assert!(
            shown.contains("Minutes of meeting #5: PPG on 2026-10-22"),
            "{shown}"
        );
        // The minutes' first lines, as text to read (not the Markdown's escapes), one to
        // a row.
        assert!(!shown.contains("\\("), "{shown}");
        assert!(!shown.contains("\\#"), "{shown}");
        for line in want.lines().take(5).filter(|l| !l.is_empty()) {
            let line = pmdb::query::markdown_text::readable(line);
            let line = line.as_str();
            assert!(
                line.chars().count() > (w - 2) as usize || rows.iter().any(|r| r.contains(line)),
                "{w}x{h}: no row '{line}':\n{}",
                rows.join("\n")
            );
        }
        assert!(shown.contains("PgDn more"), "{shown}");
        assert!(!shown.contains("## 3. PJ-02"), "{shown}");
    }
    assert!(!flat(&app, 80, 24).contains("## 2. CP01"));
    // PgDn pages down the minutes until the second item shows; PgUp back to the top.
    let mut pages = 0;
    while !flat(&app, 80, 24).contains("## 2. CP01") {
        press(&mut app, KeyCode::PageDown);
        pages += 1;
        assert!(pages < 10, "{}", text(&app, 80, 24));
    }
    assert!(!flat(&app, 80, 24).contains("# Minutes: Performance"));
    for _ in 0..pages {
        press(&mut app, KeyCode::PageUp);
    }
    assert!(flat(&app, 80, 24).contains("# Minutes: Performance & Programme Group, 2026-10-22"));

    // `w` writes both files where the Rollup tab's `P` writes, and says which.
    typing(&mut app, "w");
    let md_file = started_in.path().join("pmdb-minutes-PPG-2026-10-22.md");
    let html_file = started_in.path().join("pmdb-minutes-PPG-2026-10-22.html");
    let status = flat(&app, 120, 40);
    assert!(status.contains("minutes of meeting #5 written"), "{status}");
    assert!(
        status.contains("pmdb-minutes-PPG-2026-10-22.md")
            && status.contains("pmdb-minutes-PPG-2026-10-22.html"),
        "{status}"
    );
    // Byte for byte what `pmdb minutes 5` writes, in each format.
    for (format, file) in [("markdown", &md_file), ("html", &html_file)] {
        let out = dir.path().join(format!("cli.{format}"));
        let ran = assert_cmd::Command::new(common::pmdb_binary())
            .args([
                "--db",
                path.to_str().unwrap(),
                "minutes",
                "5",
                "--format",
                format,
            ])
            .arg("--out")
            .arg(&out)
            .env("PMDB_TODAY", "2026-11-24")
            .env_remove("PMDB_DB")
            .output()
            .unwrap();
        assert!(ran.status.success(), "{ran:?}");
        assert_eq!(
            std::fs::read(file).unwrap(),
            std::fs::read(&out).unwrap(),
            "{format}"
        );
    }
    assert_eq!(std::fs::read_to_string(&md_file).unwrap(), want);

    // A note recorded elsewhere on the meeting's day is in the minutes once taken in.
    let mut other = Store::open(&path, "perf").unwrap();
    other.pin_today("2026-10-22".parse().unwrap());
    other
        .close_agreed(&[1], "Contractor named in the minutes", false)
        .unwrap();
    app.settle();
    let now = expected_minutes(&path, 5);
    assert!(now.contains("Contractor named in the minutes"), "{now}");
    assert_eq!(
        app.exceptions.minutes.as_ref().map(|p| p.text.as_str()),
        Some(now.as_str())
    );

    // Esc: back to the queue, on the same meeting.
    press(&mut app, KeyCode::Esc);
    assert!(app.exceptions.minutes.is_none());
    assert!(flat(&app, 80, 24).contains("Exception queue (15)"));
}
