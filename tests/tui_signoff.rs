//! Signing off from the Rollup tab with Leadership Team's approval on record (issue 24,
//! point 6), at LT's meeting on the projector: `S` opens the sign-off of the tab's quarter,
//! showing what it freezes and whose approval it records; `Ctrl-S` or `Enter` on the last
//! step signs off, `Esc` writes nothing. A member of LT signs off with their own approval;
//! a performance user records an LT member's (and LT's meeting), or none; an officer or
//! viewer is refused before any field; a period signed off already is refused, naming why.
//!
//! The fixture council, today 2024-08-01: 2024/25 Q1 may be signed off. LT is `ceo` (named
//! "Jane Mitchell (Chief Executive)") and `dir.res`; LT met on 2024-07-24 (meeting 2) and
//! meets again on 2024-08-21 (meeting 3); PPG met on 2024-07-20 (meeting 1), where June's
//! exceptions #1 (WR1, red) and #2 (PL2, missing) were raised and are still open.

mod common;
mod tui_support;

use std::path::{Path, PathBuf};

use crossterm::event::KeyCode;
use pmdb::csvio::{self, Kind};
use pmdb::domain::role::Role;
use pmdb::store::{MeetingRecord, Store};
use pmdb::tui::{App, Tab, Theme};
use tui_support::*;

const Q1: &str = "2024/25 Q1";
const JANE: &str = "Jane Mitchell, Chief Executive";
const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

fn council(dir: &Path) -> PathBuf {
    let path = raised(dir);
    let mut store = Store::open_on(&path, LOGIN, Some(today())).unwrap();
    store
        .add_board("LT", "Leadership Team", &["ceo", "dir.res"])
        .unwrap();
    store
        .add_user("perf", "Pat Perry", Role::Performance)
        .unwrap();
    store.add_user("vera", "Vera Viewer", Role::Viewer).unwrap();
    let names = b"login,name\nceo,Jane Mitchell (Chief Executive)\n";
    csvio::import(&mut store, Kind::Users, names, today()).unwrap();
    let meeting = |id: i64, board: &str, date: &str, title: &str, period: &str| MeetingRecord {
        id,
        board: board.into(),
        date: date.into(),
        title: title.into(),
        period: period.into(),
    };
    store
        .add_meetings(&[
            meeting(2, "LT", "2024-07-24", "LT: Q1 sign-off", Q1),
            meeting(3, "LT", "2024-08-21", "LT: July", "2024-07"),
        ])
        .unwrap();
    path
}

/// The app as `login` on the Rollup tab, its clock pinned to the fixture's today.
fn rollup_as(path: &Path, login: &str) -> App {
    let store = Store::open_on(path, login, Some(today())).unwrap();
    let mut app = App::with_theme(store, today(), Theme::COLOUR).unwrap();
    typing(&mut app, "4");
    assert_eq!(app.tab, Tab::Rollup);
    assert_eq!(app.rollup.period.to_string(), Q1);
    app
}

fn db(path: &Path) -> rusqlite::Connection {
    rusqlite::Connection::open(path).unwrap()
}

fn count(path: &Path, sql: &str) -> i64 {
    db(path).query_row(sql, [], |r| r.get(0)).unwrap()
}

/// The sign-off of Q1 on record: signed_by, approved_by, approver, approved_on, meeting.
fn signed(path: &Path) -> (String, String, String, String, Option<i64>) {
    db(path)
        .query_row(
            "SELECT signed_by, approved_by, approver, approved_on, meeting FROM signoffs WHERE period = ?1",
            [Q1],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )
        .unwrap()
}

/// Everything a sign-off writes, counted: a refused or cancelled one leaves these as they were.
fn written(path: &Path) -> (i64, i64, i64, i64) {
    (
        count(path, "SELECT count(*) FROM signoffs"),
        count(path, "SELECT count(*) FROM signoff_statuses"),
        count(path, "SELECT count(*) FROM signoff_delivery"),
        count(
            path,
            "SELECT count(*) FROM audit_log WHERE tbl = 'signoffs'",
        ),
    )
}

/// Each of `parts` is on the screen at 80x24 and at 120x40 (its words, wrapped or not).
fn shows(app: &App, parts: &[&str]) {
    for (w, h) in SIZES {
        let all = flat(app, w, h);
        for part in parts {
            assert!(all.contains(part), "{w}x{h}: {part}\n{}", text(app, w, h));
        }
    }
}

/// None of `parts` is on the screen at either size.
fn hides(app: &App, parts: &[&str]) {
    for (w, h) in SIZES {
        let all = flat(app, w, h);
        for part in parts {
            assert!(!all.contains(part), "{w}x{h}: {part}\n{}", text(app, w, h));
        }
    }
}

/// The figures the dialog shows, and then that they are what signing off froze.
fn freezes_line(app: &App) -> String {
    for (w, h) in SIZES {
        let line = line_with(app, w, h, "would freeze ");
        assert!(line.contains("indicator statuses and"), "{w}x{h}: {line}");
    }
    let flat = flat(app, 120, 40);
    let at = flat.find("Signing off would freeze ").unwrap();
    flat[at..]
        .split(" delivery judgements")
        .next()
        .unwrap()
        .to_string()
}

fn assert_froze(path: &Path, shown: &str) {
    let statuses = count(path, "SELECT count(*) FROM signoff_statuses");
    let delivery = count(path, "SELECT count(*) FROM signoff_delivery");
    assert!(statuses > 0, "nothing frozen");
    assert_eq!(
        shown,
        format!("Signing off would freeze {statuses} indicator statuses and {delivery}")
    );
}

#[test]
fn a_leadership_team_member_signs_off_with_their_own_approval_at_lts_meeting() {
    let dir = tempfile::tempdir().unwrap();
    let path = council(dir.path());
    // ceo is an officer by role: a member of LT signs off whatever their role.
    let mut app = rollup_as(&path, "ceo");
    // Offered in the footer where room is left, and on the sign-off line at any size.
    let foot = screen(&app, 120, 40).pop().unwrap();
    assert!(foot.contains("S sign off"), "{foot}");
    shows(&app, &["2024/25 Q1 is not signed off: S signs it off"]);
    typing(&mut app, "S");
    assert!(app.rollup.signoff.is_some());
    let shown = freezes_line(&app);
    shows(
        &app,
        &[
            "Sign off 2024/25 Q1 · Leadership Team approves",
            // The fixture's four indicators in the quarter, and what its June left open.
            "2024/25 Q1: 2 green, 1 amber, 0 red, 1 missing, 0 none",
            "Missing (3): PL2 2024/25 Q1, PL2 2024-05, PL2 2024-06",
            "Exceptions left open (2): #1 WR1 open, #2 PL2 open",
            "You are a member of Leadership Team (Jane Mitchell (Chief Executive)): the approval is your own",
            "At Leadership Team's meeting: ◀ none ▶",
            &format!("approved by Leadership Team ({JANE}) on 2024-08-01: your own approval"),
            "✓ ready: C-s",
        ],
    );
    // Nobody else's approval is chosen: no list of members; LT's meeting still to come
    // is not offered, nor PPG's.
    hides(&app, &["Director of Resources", "2024-08-21", "2024-07-20"]);
    press(&mut app, KeyCode::Down);
    shows(
        &app,
        &[
            "◀ LT 2024-07-24 LT: Q1 sign-off (id 2) ▶",
            &format!("approved by Leadership Team ({JANE}) on 2024-07-24"),
        ],
    );
    assert_eq!(written(&path).0, 0);
    // Enter moves to the last step, and there signs off.
    press(&mut app, KeyCode::Enter);
    assert_eq!(written(&path).0, 0);
    shows(&app, &["▶ Sign off 2024/25 Q1, recording:"]);
    press(&mut app, KeyCode::Enter);
    assert!(app.rollup.signoff.is_none(), "{}", text(&app, 120, 40));
    assert_eq!(
        signed(&path),
        (
            "ceo".into(),
            "ceo".into(),
            JANE.into(),
            "2024-07-24".into(),
            Some(2)
        )
    );
    assert_froze(&path, &shown);
    // The status line says who approved; the tab shows the period signed off.
    let record =
        format!("signed off 2024-08-01 by ceo; approved by Leadership Team ({JANE}) on 2024-07-24");
    let frozen = count(&path, "SELECT count(*) FROM signoff_statuses")
        + count(&path, "SELECT count(*) FROM signoff_delivery");
    shows(
        &app,
        &[
            &format!("2024/25 Q1 signed off, {frozen} statuses frozen: {record}"),
            &format!("Sign-off of 2024/25 Q1: {record}"),
        ],
    );
    // S again says it is done, and writes nothing more.
    typing(&mut app, "S");
    shows(
        &app,
        &[
            "2024/25 Q1 may not be signed off: 2024/25 Q1 was signed off already",
            &format!("On record: {record}"),
        ],
    );
    hides(&app, &["At Leadership Team's meeting"]);
    hit(&mut app, ctrl('s'));
    press(&mut app, KeyCode::Esc);
    assert_eq!(written(&path).0, 1);
}

#[test]
fn a_performance_user_records_an_lt_members_approval_at_lts_meeting() {
    let dir = tempfile::tempdir().unwrap();
    let path = council(dir.path());
    let mut app = rollup_as(&path, "perf");
    typing(&mut app, "S");
    shows(
        &app,
        &[
            "Approved by (Leadership Team's member), find:",
            "▶ nobody: record no approval of Leadership Team",
            "Jane Mitchell (Chief Executive) (ceo)",
            "Director of Resources (dir.res)",
            "no approval of Leadership Team: signed off by perf alone",
        ],
    );
    // No meeting without an approver; officers outside LT are not offered.
    hides(&app, &["At Leadership Team's meeting", "Alex Lee"]);
    // Typed letters find the member: "mitch" leaves Jane Mitchell alone, chosen.
    typing(&mut app, "mitch");
    shows(
        &app,
        &[
            "find: mitch",
            "▶ Jane Mitchell (Chief Executive) (ceo)",
            &format!("approved by Leadership Team ({JANE}) on 2024-08-01"),
        ],
    );
    hides(&app, &["Director of Resources", "nobody:"]);
    // Tab to the meeting: LT's meetings held by today only.
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    shows(
        &app,
        &[
            "▶ At Leadership Team's meeting: ◀ LT 2024-07-24",
            &format!("approved by Leadership Team ({JANE}) on 2024-07-24"),
        ],
    );
    assert_eq!(written(&path).0, 0);
    hit(&mut app, ctrl('s'));
    assert_eq!(
        signed(&path),
        (
            "perf".into(),
            "ceo".into(),
            JANE.into(),
            "2024-07-24".into(),
            Some(2)
        )
    );
    shows(
        &app,
        &[&format!(
            "Sign-off of 2024/25 Q1: signed off 2024-08-01 by perf; approved by Leadership Team ({JANE}) on 2024-07-24"
        )],
    );
    // The Entry tab shows the quarter's months locked.
    typing(&mut app, "2");
    choose_officer(&mut app, "alee");
    while app.entry.month.to_string() != "2024-06" {
        let step = if app.entry.month.to_string().as_str() > "2024-06" {
            "["
        } else {
            "]"
        };
        typing(&mut app, step);
    }
    for (w, h) in SIZES {
        let row = line_with(&app, w, h, "WR1");
        assert!(row.contains("locked"), "{w}x{h}: {row}");
    }
}

#[test]
fn a_performance_user_may_record_no_approval_and_esc_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = council(dir.path());
    let before = written(&path);
    let mut app = rollup_as(&path, "perf");
    // Esc after choosing: nothing written, and it says so.
    typing(&mut app, "S");
    press(&mut app, KeyCode::Down);
    shows(&app, &["▶ Jane Mitchell"]);
    press(&mut app, KeyCode::Esc);
    assert!(app.rollup.signoff.is_none());
    assert_eq!(written(&path), before);
    shows(&app, &["not signed off: 2024/25 Q1 was left as it was"]);
    // Nobody chosen: Enter goes straight to the last step (no meeting without an approver).
    typing(&mut app, "S");
    // F1 lists the dialog's keys (letters find a member, so ? is typed).
    hit(&mut app, key(KeyCode::F(1)));
    shows(
        &app,
        &[
            "Signing off a period",
            "C-s sign off",
            "Esc cancel",
            "Enter next step / sign off (on the last)",
        ],
    );
    press(&mut app, KeyCode::Esc);
    assert!(app.help.is_none() && app.rollup.signoff.is_some());
    press(&mut app, KeyCode::Enter);
    shows(
        &app,
        &[
            "▶ Sign off 2024/25 Q1, recording: no approval of Leadership Team: signed off by perf alone",
        ],
    );
    assert_eq!(written(&path), before);
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        signed(&path),
        (
            "perf".into(),
            String::new(),
            String::new(),
            String::new(),
            None
        )
    );
    shows(
        &app,
        &[
            "no approval of Leadership Team on record",
            "Sign-off of 2024/25 Q1: signed off 2024-08-01 by perf",
        ],
    );
    hides(&app, &["approved by"]);
}

#[test]
fn an_officer_or_a_viewer_outside_lt_is_told_why_before_any_field() {
    let dir = tempfile::tempdir().unwrap();
    let path = council(dir.path());
    let before = written(&path);
    for (login, role) in [("alee", "officer"), ("vera", "viewer")] {
        let mut app = rollup_as(&path, login);
        for (w, h) in SIZES {
            let foot = screen(&app, w, h).pop().unwrap();
            assert!(!foot.contains("sign off"), "{login} {w}x{h}: {foot}");
            let line = line_with(&app, w, h, "2024/25 Q1 is not signed off");
            assert!(!line.contains("signs it off"), "{login}: {line}");
        }
        typing(&mut app, "S");
        assert!(app.rollup.signoff.is_none(), "{login}");
        shows(
            &app,
            &[&format!(
                "2024/25 Q1 was not signed off: refused: only admin and performance users may sign off a period; {login} ({role}) may not (a member of Leadership Team may, whatever their role)"
            )],
        );
        hides(&app, &["Approved by", "would freeze"]);
    }
    assert_eq!(written(&path), before);
}

#[test]
fn a_period_signed_off_already_or_not_yet_over_is_refused_naming_why() {
    let dir = tempfile::tempdir().unwrap();
    let path = council(dir.path());
    let mut app = rollup_as(&path, "perf");
    // Q2 has not ended on 1 August.
    typing(&mut app, "]S");
    shows(
        &app,
        &[
            "✗ 2024/25 Q2 may not be signed off: 2024/25 Q2 has not ended yet (it ends 30 Sep 2024), so it cannot be signed off",
        ],
    );
    // A refused sign-off is not offered as a key in the footer.
    for (w, h) in SIZES {
        let footer = screen(&app, w, h).pop().unwrap_or_default();
        assert!(!footer.contains("C-s sign off"), "{w}x{h}: {footer}");
        assert!(footer.contains("Esc"), "{w}x{h}: {footer}");
    }
    hit(&mut app, ctrl('s'));
    shows(&app, &["✗ not signed off: 2024/25 Q2 has not ended yet"]);
    assert_eq!(written(&path).0, 0);
    press(&mut app, KeyCode::Esc);
    typing(&mut app, "[");

    // Q1's dialog open and ready, someone else signs it off first: the store refuses,
    // the dialog says why, and their sign-off stands as it was.
    typing(&mut app, "S");
    press(&mut app, KeyCode::Down);
    shows(&app, &["✓ ready"]);
    for (w, h) in SIZES {
        let footer = screen(&app, w, h).pop().unwrap_or_default();
        assert!(footer.contains("C-s sign off"), "{w}x{h}: {footer}");
    }
    let mut other = Store::open_on(&path, LOGIN, Some(today())).unwrap();
    let ds = other.dataset().unwrap();
    let q1 = Q1.parse().unwrap();
    let statuses = pmdb::query::signoff::statuses_to_freeze(&ds, q1, ds.context(today()));
    other.sign_off(q1, &statuses, today()).unwrap();
    let theirs = written(&path);
    hit(&mut app, ctrl('s'));
    assert!(app.rollup.signoff.is_some());
    // The dialog now shows the sign-off on record, and nothing more to choose.
    shows(
        &app,
        &[
            "✗ not signed off: 2024/25 Q1 was signed off already, on",
            &format!("▶ On record: signed off 2024-08-01 by {LOGIN}"),
        ],
    );
    hides(&app, &["Approved by (Leadership Team's member)"]);
    assert_eq!(written(&path), theirs);
    assert_eq!(
        signed(&path),
        (
            LOGIN.into(),
            String::new(),
            String::new(),
            String::new(),
            None
        )
    );
    press(&mut app, KeyCode::Esc);
    // Opened again, it says so before anything is chosen, and Ctrl-S writes nothing.
    typing(&mut app, "S");
    shows(
        &app,
        &[
            "✗ 2024/25 Q1 may not be signed off: 2024/25 Q1 was signed off already, on",
            &format!("by {LOGIN}"),
        ],
    );
    hit(&mut app, ctrl('s'));
    assert_eq!(written(&path), theirs);
}

#[test]
fn an_approver_taken_off_lt_while_the_dialog_is_open_is_refused_by_the_store() {
    let dir = tempfile::tempdir().unwrap();
    let path = council(dir.path());
    let mut app = rollup_as(&path, "perf");
    typing(&mut app, "S");
    typing(&mut app, "dir.res");
    shows(&app, &["▶ Director of Resources (dir.res)", "✓ ready"]);
    // Meanwhile an admin takes dir.res off Leadership Team, from around pmdb.
    let conn = common::writer(&path, LOGIN);
    conn.execute(
        "DELETE FROM board_members WHERE board = 'LT' AND login = 'dir.res'",
        [],
    )
    .unwrap();
    let before = written(&path);
    hit(&mut app, ctrl('s'));
    assert!(app.rollup.signoff.is_some());
    shows(
        &app,
        &["✗ not signed off: dir.res is not a member of Leadership Team (LT); its members are ceo"],
    );
    // The CLI's flag names are the CLI's: the dialog says it without them.
    hides(&app, &["--approved-by", "refused: refused"]);
    assert_eq!(written(&path), before);
    assert_eq!(before.0, 0);
    // Choosing again is checked against LT as it is now.
    press(&mut app, KeyCode::Up);
    shows(&app, &["refused: dir.res is not a member"]);
    hides(&app, &["--approved-by"]);
}

#[test]
fn a_long_name_and_hostile_keys_stay_visible_text_in_the_dialog() {
    let dir = tempfile::tempdir().unwrap();
    let path = council(dir.path());
    let mut store = Store::open_on(&path, LOGIN, Some(today())).unwrap();
    let long = format!("Director of Resources {}", "and Transformation ".repeat(20));
    let names = format!("login,name\ndir.res,{long}\n");
    csvio::import(&mut store, Kind::Users, names.as_bytes(), today()).unwrap();
    let mut app = rollup_as(&path, "perf");
    typing(&mut app, "S");
    // An escape typed into the search is shown as text, never sent to the terminal.
    hit(&mut app, key(KeyCode::Char('\u{1b}')));
    for (w, h) in SIZES {
        assert!(!text(&app, w, h).contains('\u{1b}'), "{w}x{h}");
    }
    shows(
        &app,
        &["No member of Leadership Team's name or login holds that"],
    );
    hit(&mut app, key(KeyCode::Backspace));
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    // The long name is cut to the dialog; what follows it and the footer keep their place.
    shows(&app, &["▶ Director of Resources and", "✓ ready"]);
    for (w, h) in SIZES {
        let foot = screen(&app, w, h).pop().unwrap();
        assert!(foot.contains("C-s sign off"), "{w}x{h}: {foot}");
    }
    hit(&mut app, ctrl('s'));
    assert_eq!(signed(&path).1, "dir.res");
}
