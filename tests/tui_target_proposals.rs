//! The Entry tab's targets to propose (SPEC "Targets are proposed, then approved": "or the
//! Entry tab in the spring"). The fixture council (2024/25: WR1 50 / 45, higher is better,
//! one place; RW1 480 kg, lower is better, no places; both Alex Lee's (alee); PL1 60 / 50,
//! Jay Patel's) rolled forward to 2025/26 with a 2 % uplift: WR1 51.0 / 45.9 and RW1 470,
//! draft. On 20 February 2025, the spring, alee presses `t` on the Entry tab, sees both
//! drafts (not PL1), and proposes WR1's with a rationale through `Store::propose_target`;
//! an intervention above the target is refused in the form with nothing written; an
//! approved target shows its board and cannot be proposed again.

mod tui_support;

use chrono::NaiveDate;
use crossterm::event::KeyCode;
use pmdb::domain::period::FinYear;
use pmdb::store::Store;
use pmdb::tui::{App, Tab, Theme};
use tui_support::{ctrl, fixture, flat, hit, press, text, typing};

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

const WHY: &str = "Food waste collections reach every round in June, so recycling rises a \
further point; the garden waste subscription stays at 2024/25's price.";

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// The fixture rolled forward to 2025/26 by the performance team (admin1), 2 % better.
fn rolled(dir: &std::path::Path) -> std::path::PathBuf {
    let path = fixture(dir);
    let mut store = Store::open(&path, "admin1").unwrap();
    let made = store.roll_forward(FinYear(2025), 2.0, false).unwrap();
    assert_eq!(made.targets.len(), 3, "WR1, RW1 and PL1's annual targets");
    path
}

/// The app as `login` on `today`, on the Entry tab.
fn entry(path: &std::path::Path, login: &str, today: &str) -> App {
    let mut app =
        App::with_theme(Store::open(path, login).unwrap(), day(today), Theme::COLOUR).unwrap();
    typing(&mut app, "2");
    assert_eq!(app.tab, Tab::Entry);
    app
}

fn db(path: &std::path::Path) -> rusqlite::Connection {
    rusqlite::Connection::open(path).unwrap()
}

/// A year's annual target and intervention of `code`, as stored.
fn annual(path: &std::path::Path, code: &str, year: i32) -> (f64, Option<f64>) {
    db(path)
        .query_row(
            "SELECT target, intervention FROM targets WHERE indicator = ?1 AND year = ?2 AND period = ''",
            rusqlite::params![code, year],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap()
}

/// (state, why, proposed_by, approved_by) of `code`'s year.
fn state(path: &std::path::Path, code: &str, year: i32) -> (String, String, String, String) {
    db(path)
        .query_row(
            "SELECT state, why, proposed_by, approved_by FROM target_states WHERE indicator = ?1 AND year = ?2",
            rusqlite::params![code, year],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .unwrap()
}

/// Every target and target state, for "nothing was written".
fn everything(path: &std::path::Path) -> (Vec<String>, Vec<String>, i64) {
    let conn = db(path);
    let rows = |sql: &str| -> Vec<String> {
        let mut stmt = conn.prepare(sql).unwrap();
        stmt.query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap()
    };
    let audit: i64 = conn
        .query_row("SELECT count(*) FROM audit_log", [], |r| r.get(0))
        .unwrap();
    (
        rows(
            "SELECT indicator || '|' || year || '|' || period || '|' || target || '|' || ifnull(intervention, '') FROM targets ORDER BY 1",
        ),
        rows(
            "SELECT indicator || '|' || year || '|' || state || '|' || why || '|' || proposed_by FROM target_states ORDER BY 1",
        ),
        audit,
    )
}

/// Each phrase is on the screen at 80×24 and at 120×40.
fn shows(app: &App, phrases: &[&str]) {
    for (w, h) in SIZES {
        let screen = flat(app, w, h);
        for p in phrases {
            assert!(
                screen.contains(p),
                "no '{p}' at {w}x{h}:\n{}",
                text(app, w, h)
            );
        }
    }
}

/// `code`'s row of the pane holds each of `cells`, at 80×24 and at 120×40.
fn row_shows(app: &App, code: &str, cells: &[&str]) {
    for (w, h) in SIZES {
        let row = row_line(app, w, h, code);
        for c in cells {
            assert!(
                row.contains(c),
                "no '{c}' in {code}'s row at {w}x{h}: {row}"
            );
        }
    }
}

/// The pane's line for `code`, at `w`×`h`.
fn row_line(app: &App, w: u16, h: u16, code: &str) -> String {
    tui_support::screen(app, w, h)
        .into_iter()
        .find(|l| l.contains(&format!("│{code} ")) || l.contains(&format!(" {code}  ")))
        .unwrap_or_else(|| panic!("no row {code}:\n{}", text(app, w, h)))
}

#[test]
fn in_the_spring_an_owner_sees_next_years_drafts_and_proposes_one_with_reasons() {
    let dir = tempfile::tempdir().unwrap();
    let path = rolled(dir.path());
    let mut app = entry(&path, "alee", "2025-02-20");
    // The spring: the footer offers next year's targets.
    assert!(
        flat(&app, 120, 40).contains("t next year's targets"),
        "{}",
        text(&app, 120, 40)
    );
    typing(&mut app, "t");
    shows(
        &app,
        &[
            "Targets for 2025/26",
            "The spring: propose 2025/26's targets",
            "WR1: drafted from last year's target",
        ],
    );
    // The drafts as rolled forward: WR1 51.0 / 45.9, RW1 470 with no intervention.
    row_shows(&app, "WR1", &["51.0", "45.9", "draft"]);
    row_shows(&app, "RW1", &["470", "–", "draft"]);
    // Jay Patel's PL1 is not alee's to propose: not shown.
    for (w, h) in SIZES {
        assert!(!flat(&app, w, h).contains("PL1"), "{}", text(&app, w, h));
    }
    // WR1: 52.0, intervention 47.0, and the reasons, wrapped in their box.
    press(&mut app, KeyCode::Enter);
    assert!(
        app.entry.targets.as_ref().is_some_and(|p| p.form.is_some()),
        "{}",
        text(&app, 120, 40)
    );
    shows(
        &app,
        &[
            "Propose WR1 2025/26",
            "Now draft: target 51.0%, intervention 45.9.",
        ],
    );
    hit(&mut app, ctrl('u'));
    typing(&mut app, "52");
    press(&mut app, KeyCode::Tab);
    hit(&mut app, ctrl('u'));
    typing(&mut app, "47");
    press(&mut app, KeyCode::Tab);
    typing(&mut app, WHY);
    // The reasons wrap whole in their box, first word to last.
    shows(
        &app,
        &["Food waste collections reach", "stays at 2024/25's price."],
    );
    let started = chrono::Utc::now().date_naive();
    hit(&mut app, ctrl('s'));
    let ended = chrono::Utc::now().date_naive();
    assert!(
        app.entry.targets.as_ref().is_some_and(|p| p.form.is_none()),
        "{}",
        text(&app, 120, 40)
    );
    // The database: the target and its state, proposed by alee with the reasons.
    assert_eq!(annual(&path, "WR1", 2025), (52.0, Some(47.0)));
    assert_eq!(
        state(&path, "WR1", 2025),
        (
            "proposed".to_string(),
            WHY.to_string(),
            "alee".to_string(),
            String::new()
        )
    );
    // RW1 and PL1 are untouched drafts; 2024/25 is as it was.
    assert_eq!(annual(&path, "RW1", 2025), (470.0, None));
    assert_eq!(state(&path, "RW1", 2025).0, "draft");
    assert_eq!(state(&path, "PL1", 2025).0, "draft");
    assert_eq!(annual(&path, "WR1", 2024), (50.0, Some(45.0)));
    // The audit log: who, when, what.
    let (login, at, op): (String, String, String) = db(&path)
        .query_row(
            "SELECT login, at, op FROM audit_log WHERE tbl = 'target_states' AND key = 'WR1|2025' ORDER BY id DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!((login.as_str(), op.as_str()), ("alee", "update"));
    assert!(
        [started, ended]
            .iter()
            .any(|d| at.starts_with(&d.format("%Y-%m-%d").to_string())),
        "{at}"
    );
    // The screen after: saved, WR1 proposed at 52.0 / 47.0 with its reasons.
    row_shows(&app, "WR1", &["52.0", "47.0", "proposed"]);
    shows(
        &app,
        &[
            "WR1: proposed, waiting for the board's approval. Proposed by Alex Lee (alee): \"Food waste collections",
        ],
    );
    assert!(
        flat(&app, 120, 40).contains(
            "Proposed WR1 2025/26: target 52.0, intervention 47.0, waiting for the board's approval"
        ),
        "{}",
        text(&app, 120, 40)
    );
    // Back to the return with `t`.
    typing(&mut app, "t");
    assert!(app.entry.targets.is_none());
    assert!(
        flat(&app, 120, 40).contains("My return for"),
        "{}",
        text(&app, 120, 40)
    );
}

#[test]
fn an_intervention_on_the_wrong_side_is_refused_in_the_form_writing_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = rolled(dir.path());
    let before = everything(&path);
    let mut app = entry(&path, "alee", "2025-02-20");
    typing(&mut app, "t");
    press(&mut app, KeyCode::Enter);
    // Higher is better: an intervention level of 55 above a target of 51.0 is refused.
    press(&mut app, KeyCode::Tab);
    hit(&mut app, ctrl('u'));
    typing(&mut app, "55");
    press(&mut app, KeyCode::Tab);
    typing(&mut app, "Stretch");
    hit(&mut app, ctrl('s'));
    assert!(
        app.entry.targets.as_ref().is_some_and(|p| p.form.is_some()),
        "the form stays open: {}",
        text(&app, 120, 40)
    );
    shows(
        &app,
        &["✗ intervention level 55 is above the target 51 for a higher-is-better indicator"],
    );
    assert_eq!(
        everything(&path),
        before,
        "a refused proposal writes nothing"
    );
    // A target that is not a figure, and a proposal without reasons, likewise.
    press(&mut app, KeyCode::Tab);
    hit(&mut app, ctrl('u'));
    typing(&mut app, "lots");
    hit(&mut app, ctrl('s'));
    assert!(
        flat(&app, 120, 40).contains("Target: 'lots' is not a number"),
        "{}",
        text(&app, 120, 40)
    );
    hit(&mut app, ctrl('u'));
    typing(&mut app, "52");
    press(&mut app, KeyCode::Tab);
    hit(&mut app, ctrl('u'));
    typing(&mut app, "47");
    press(&mut app, KeyCode::Tab);
    for _ in 0.."Stretch".len() {
        press(&mut app, KeyCode::Backspace);
    }
    hit(&mut app, ctrl('s'));
    assert!(
        flat(&app, 120, 40).contains("needs its rationale"),
        "{}",
        text(&app, 120, 40)
    );
    assert_eq!(everything(&path), before, "nothing written");
    // Esc asks before the typing is lost; yes closes the form.
    press(&mut app, KeyCode::Esc);
    typing(&mut app, "y");
    assert!(app.entry.targets.as_ref().is_some_and(|p| p.form.is_none()));
}

#[test]
fn an_approved_target_shows_its_board_and_is_not_proposed_again() {
    let dir = tempfile::tempdir().unwrap();
    let path = rolled(dir.path());
    let mut store = Store::open(&path, "admin1").unwrap();
    store
        .approve_targets(FinYear(2025), Some("RW1"), "MB", None)
        .unwrap();
    drop(store);
    let before = everything(&path);
    let mut app = entry(&path, "alee", "2025-03-10");
    typing(&mut app, "t");
    press(&mut app, KeyCode::Down);
    row_shows(&app, "RW1", &["470", "approved"]);
    shows(&app, &["RW1: approved by Management Board (MB)."]);
    press(&mut app, KeyCode::Enter);
    assert!(app.entry.targets.as_ref().is_some_and(|p| p.form.is_none()));
    assert!(
        flat(&app, 120, 40).contains(
            "RW1's 2025/26 target is approved by Management Board (MB): an approved target is not proposed again here"
        ),
        "{}",
        text(&app, 120, 40)
    );
    assert_eq!(everything(&path), before);
}

#[test]
fn another_officers_indicator_is_neither_shown_nor_proposed() {
    let dir = tempfile::tempdir().unwrap();
    let path = rolled(dir.path());
    let mut app = entry(&path, "jpatel", "2025-02-20");
    typing(&mut app, "t");
    // Jay Patel sees PL1 (PL2 counts applications: no target, not listed), not alee's.
    let screen = flat(&app, 120, 40);
    assert!(screen.contains("PL1"), "{}", text(&app, 120, 40));
    assert!(
        !screen.contains("WR1") && !screen.contains("RW1"),
        "{screen}"
    );
    assert!(!screen.contains("PL2"), "{screen}");
    // An officer cannot turn to another's return to reach them.
    press(&mut app, KeyCode::Esc);
    typing(&mut app, "o");
    assert!(app.entry.chooser.is_none());
    // An owner who now only reads (alee made a viewer) sees the targets but the form does
    // not open: nothing is written.
    Store::open(&path, "admin1")
        .unwrap()
        .set_role("alee", pmdb::domain::role::Role::Viewer)
        .unwrap();
    let before = everything(&path);
    let mut app = entry(&path, "alee", "2025-02-20");
    typing(&mut app, "t");
    row_shows(&app, "WR1", &["51.0", "draft"]);
    press(&mut app, KeyCode::Enter);
    assert!(
        app.entry.targets.as_ref().is_some_and(|p| p.form.is_none()),
        "{}",
        text(&app, 120, 40)
    );
    let screen = flat(&app, 120, 40);
    assert!(
        screen.contains("refused: alee (viewer) reads only"),
        "{}",
        text(&app, 120, 40)
    );
    // What it would refuse is not offered: the footer has no "propose".
    assert!(!screen.contains("propose this target"), "{screen}");
    assert_eq!(everything(&path), before);
    // And the store refuses the same proposal made for WR1 under jpatel's login.
    let before = everything(&path);
    let row = pmdb::domain::target::TargetRow {
        year: FinYear(2025),
        period: None,
        target: 52.0,
        intervention: None,
    };
    let err = Store::open(&path, "jpatel")
        .unwrap()
        .propose_target("WR1", &row, "mine now")
        .unwrap_err();
    assert!(err.to_string().contains("WR1"), "{err}");
    assert_eq!(everything(&path), before);
}

#[test]
fn outside_the_spring_the_targets_are_offered_only_while_a_year_is_still_draft() {
    let dir = tempfile::tempdir().unwrap();
    // Before any roll-forward: January offers nothing, and says when it will.
    let path = fixture(dir.path());
    let mut app = entry(&path, "alee", "2025-01-15");
    assert!(!flat(&app, 120, 40).contains("next year's targets"));
    typing(&mut app, "t");
    assert!(app.entry.targets.is_none());
    assert!(
        flat(&app, 120, 40).contains("next year's targets are proposed in February and March"),
        "{}",
        text(&app, 120, 40)
    );
    drop(app);
    // Rolled forward early: January offers 2025/26's drafts.
    let mut store = Store::open(&path, "admin1").unwrap();
    store.roll_forward(FinYear(2025), 0.0, false).unwrap();
    drop(store);
    let mut app = entry(&path, "alee", "2025-01-15");
    typing(&mut app, "t");
    let screen = flat(&app, 120, 40);
    assert!(
        screen.contains("2025/26's targets are not all approved yet"),
        "{}",
        text(&app, 120, 40)
    );
    assert!(row_line(&app, 120, 40, "WR1").contains("50.0"));
}

#[test]
fn hostile_reasons_never_reach_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let path = rolled(dir.path());
    let mut app = entry(&path, "alee", "2025-02-20");
    typing(&mut app, "t");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    let hostile = format!("red \u{1b}]52;c;aGk=\u{7} {}", "x".repeat(3000));
    typing(&mut app, &hostile);
    hit(&mut app, ctrl('s'));
    for (w, h) in SIZES {
        let screen = text(&app, w, h);
        assert!(
            !screen.contains('\u{1b}') && !screen.contains('\u{7}'),
            "{screen}"
        );
    }
}
