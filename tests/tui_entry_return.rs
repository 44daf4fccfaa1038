//! The Entry tab as the officer's whole monthly return, on the demo council (today
//! 2026-11-24, so October is the month now due): below their indicators, the actions and
//! projects they own with October's update given or missing, and the risks whose review
//! falls due; each recorded in place with the store's rules, at 80×24 and 120×40.

mod tui_support;

use crossterm::event::KeyCode;
use pmdb::domain::period::Period;
use pmdb::store::{Expect, NewActionUpdate, Store};
use pmdb::tui::App;
use tui_support::{
    ctrl, demo, demo_today, entry_as, flat, go_to, hit, line_with, press, text, typing,
};

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

fn october() -> Period {
    "2026-10".parse().unwrap()
}

/// October's update of an action, as stored.
fn october_update(path: &std::path::Path, code: &str) -> Option<(String, String, i64)> {
    let d = Store::open(path, "perf").unwrap().delivery().unwrap();
    d.action_updates
        .iter()
        .find(|u| u.action == code && u.period == "2026-10")
        .map(|u| (u.status.clone(), u.commentary.clone(), u.version))
}

#[test]
fn the_return_lists_the_officers_actions_projects_and_risks_with_their_statuses() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo(dir.path());
    // hcarter owns two actions and two projects, and risks reviewed this autumn.
    let app = entry_as(&path, "hcarter");
    for (w, h) in SIZES {
        let act = line_with(&app, w, h, "ACT-04");
        assert!(act.contains("80%") && act.contains(" A "), "{act}");
        assert!(line_with(&app, w, h, "ACT-02").contains(" G "));
        let prj = line_with(&app, w, h, "PJ-02");
        assert!(prj.contains("PRJ") && prj.contains(" A "), "{prj}");
        assert!(line_with(&app, w, h, "RSK-11").contains("2×5=10"));
    }
    // The full title and status of the row under the cursor.
    assert!(
        flat(&app, 120, 40).contains(
            "▶ ACT-04 Agree the Wyvern town centre masterplan with Cabinet · 2026-10 · at_risk"
        ),
        "{}",
        text(&app, 120, 40)
    );
    // iqureshi: indicators first, then ACT-17, whose October update is missing.
    let app = entry_as(&path, "iqureshi");
    assert!(line_with(&app, 120, 40, "ACT-17").contains("update missing"));
    assert!(line_with(&app, 80, 24, "ACT-17").contains("missing"));
    assert!(line_with(&app, 80, 24, "WE08").contains("95.5"));
    // pshah: a risk whose review is overdue.
    let app = entry_as(&path, "pshah");
    assert!(line_with(&app, 120, 40, "RSK-03").contains("review overdue"));
    assert!(line_with(&app, 120, 40, "RSK-03").contains("5×4=20"));
}

#[test]
fn perf_chooses_the_officer_and_sees_their_return() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo(dir.path());
    let mut app = entry_as(&path, "perf");
    tui_support::choose_officer(&mut app, "iqureshi");
    assert!(text(&app, 120, 40).contains("My return for 2026-10 · Imran Qureshi"));
    assert!(line_with(&app, 120, 40, "ACT-17").contains("update missing"));
    // Someone who owns no indicators but actions and projects can be chosen too.
    tui_support::choose_officer(&mut app, "hcarter");
    assert!(text(&app, 120, 40).contains("My return for 2026-10 · Helen Carter"));
    assert!(line_with(&app, 120, 40, "PJ-06").contains("PRJ Local Plan review"));
}

#[test]
fn an_at_risk_update_needs_commentary_then_saves_and_shows() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo(dir.path());
    let mut app = entry_as(&path, "iqureshi");
    go_to(&mut app, "ACT-17");
    press(&mut app, KeyCode::Enter);
    let screen = flat(&app, 80, 24);
    assert!(
        screen.contains("Update action ACT-17 · 2026-10"),
        "{screen}"
    );
    assert!(screen.contains("on_track"), "{screen}");
    // `→` steps the status: on_track → at_risk; the need for a commentary shows at once.
    press(&mut app, KeyCode::Right);
    for (w, h) in SIZES {
        let words = flat(&app, w, h);
        assert!(words.contains("at_risk"), "{words}");
        assert!(
            words.contains("ACT-17 2026-10: the status at_risk needs a commentary"),
            "{words}"
        );
    }
    hit(&mut app, ctrl('s'));
    assert_eq!(october_update(&path, "ACT-17"), None, "nothing written");
    assert!(flat(&app, 80, 24).contains("✗ ACT-17 2026-10: the status at_risk needs a commentary"));
    // The editor moved to the commentary; progress was carried forward (68%).
    typing(&mut app, "Two inspectors off; agency cover from December");
    hit(&mut app, ctrl('s'));
    let (status, commentary, version) = october_update(&path, "ACT-17").expect("saved");
    assert_eq!(
        (status.as_str(), commentary.as_str(), version),
        (
            "at_risk",
            "Two inspectors off; agency cover from December",
            1
        )
    );
    let d = Store::open(&path, "perf").unwrap().delivery().unwrap();
    let u = d
        .action_updates
        .iter()
        .find(|u| u.action == "ACT-17" && u.period == "2026-10")
        .unwrap();
    assert_eq!((u.progress, u.entered_by.as_str()), (Some(68), "iqureshi"));
    assert!(text(&app, 80, 24).contains("Saved ACT-17 2026-10: at_risk, version 1"));
    for (w, h) in SIZES {
        let row = line_with(&app, w, h, "ACT-17");
        assert!(row.contains(" A ") && row.contains("done"), "{row}");
    }
    assert!(flat(&app, 120, 40).contains("· 2026-10 · at_risk"));
}

#[test]
fn a_typed_status_letter_and_a_bad_progress_are_checked_as_typed() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo(dir.path());
    let mut app = entry_as(&path, "iqureshi");
    go_to(&mut app, "ACT-17");
    press(&mut app, KeyCode::Enter);
    // A letter chooses the next status starting with it: c → completed, then cancelled.
    typing(&mut app, "c");
    assert!(flat(&app, 80, 24).contains("‹ completed ›"));
    typing(&mut app, "c");
    assert!(flat(&app, 80, 24).contains("‹ cancelled ›"));
    typing(&mut app, "o");
    assert!(flat(&app, 80, 24).contains("‹ on_track ›"));
    press(&mut app, KeyCode::Tab);
    hit(&mut app, ctrl('u'));
    typing(&mut app, "120");
    assert!(
        flat(&app, 80, 24).contains("'120' is not a progress: write a whole number of per cent")
    );
    press(&mut app, KeyCode::Backspace);
    press(&mut app, KeyCode::Backspace);
    press(&mut app, KeyCode::Tab);
    typing(&mut app, "2027-31-01");
    assert!(flat(&app, 80, 24).contains("is not a date"));
    hit(&mut app, ctrl('u'));
    typing(&mut app, "2027-01-31");
    assert!(flat(&app, 80, 24).contains("✓ on_track for 2026-10"));
    press(&mut app, KeyCode::Enter);
    let d = Store::open(&path, "perf").unwrap().delivery().unwrap();
    let u = d
        .action_updates
        .iter()
        .find(|u| u.action == "ACT-17" && u.period == "2026-10")
        .expect("saved");
    assert_eq!(
        (u.status.as_str(), u.progress, u.forecast.as_deref()),
        ("on_track", Some(1), Some("2027-01-31"))
    );
}

/// Choosing `completed` sets the progress field to 100, as the store would (issue 21);
/// a contradicting figure typed after is refused before saving.
#[test]
fn choosing_completed_sets_the_progress_to_100() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo(dir.path());
    let mut app = entry_as(&path, "iqureshi");
    go_to(&mut app, "ACT-17");
    press(&mut app, KeyCode::Enter);
    let progress = |app: &App| app.entry.update.as_ref().unwrap().progress.lines().join("");
    // Carried forward from September.
    assert_eq!(progress(&app), "68");
    typing(&mut app, "c");
    assert!(flat(&app, 80, 24).contains("‹ completed ›"));
    assert_eq!(progress(&app), "100");
    press(&mut app, KeyCode::Tab);
    hit(&mut app, ctrl('u'));
    typing(&mut app, "90");
    assert!(
        flat(&app, 120, 40).contains("a completed action is 100% done, not 90%"),
        "{}",
        text(&app, 120, 40)
    );
    hit(&mut app, ctrl('u'));
    typing(&mut app, "100");
    press(&mut app, KeyCode::Enter);
    let d = Store::open(&path, "perf").unwrap().delivery().unwrap();
    let u = d
        .action_updates
        .iter()
        .find(|u| u.action == "ACT-17" && u.period == "2026-10")
        .expect("saved");
    assert_eq!((u.status.as_str(), u.progress), ("completed", Some(100)));
}

#[test]
fn a_risk_review_saves_and_shows_the_new_score() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo(dir.path());
    let mut app = entry_as(&path, "pshah");
    go_to(&mut app, "RSK-03");
    press(&mut app, KeyCode::Enter);
    assert!(flat(&app, 80, 24).contains("Review RSK-03 · 2026-11-24"));
    hit(&mut app, ctrl('u'));
    typing(&mut app, "6");
    assert!(
        flat(&app, 80, 24).contains("the likelihood must be a whole number from 1 to 5, not '6'")
    );
    hit(&mut app, ctrl('u'));
    typing(&mut app, "3");
    press(&mut app, KeyCode::Tab);
    hit(&mut app, ctrl('u'));
    typing(&mut app, "4");
    for (w, h) in SIZES {
        let words = flat(&app, w, h);
        assert!(words.contains("✓ 3 × 4 = 12 → A amber"), "{words}");
    }
    press(&mut app, KeyCode::Tab);
    typing(&mut app, "Two new leases signed");
    hit(&mut app, ctrl('s'));
    assert!(text(&app, 120, 40).contains("Saved the review of RSK-03 on 2026-11-24: 3 × 4 = 12"));
    let d = Store::open(&path, "perf").unwrap().delivery().unwrap();
    let r = d
        .risk_reviews
        .iter()
        .find(|r| r.risk == "RSK-03" && r.date == "2026-11-24")
        .expect("saved");
    assert_eq!(
        (r.likelihood, r.impact, r.commentary.as_str()),
        (3, 4, "Two new leases signed")
    );
    for (w, h) in SIZES {
        let row = line_with(&app, w, h, "RSK-03");
        assert!(row.contains("3×4=12") && row.contains("done"), "{row}");
    }
}

#[test]
fn someone_else_saving_the_same_update_meanwhile_is_a_conflict() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo(dir.path());
    let mut app = entry_as(&path, "iqureshi");
    go_to(&mut app, "ACT-17");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    typing(&mut app, "Mine");
    // perf records October's update of ACT-17 while the officer types.
    let mut other = Store::open(&path, "perf").unwrap();
    other
        .record_update(
            &NewActionUpdate {
                code: "ACT-17".into(),
                period: october(),
                status: "off_track".parse().unwrap(),
                progress: Some(60),
                forecast: None,
                commentary: "Theirs".into(),
            },
            Expect::Absent,
            demo_today(),
        )
        .unwrap();
    hit(&mut app, ctrl('s'));
    for (w, h) in SIZES {
        let words = flat(&app, w, h);
        assert!(
            words.contains("Someone else saved ACT-17 2026-10 while you were editing"),
            "{words}"
        );
        assert!(words.contains("Theirs (version 1)"), "{words}");
        assert!(words.contains("by perf"), "{words}");
        assert!(words.contains("Status: off_track"), "{words}");
        assert!(words.contains("Mine (not saved)"), "{words}");
        assert!(words.contains("Commentary: Mine"), "{words}");
    }
    assert_eq!(october_update(&path, "ACT-17").unwrap().1, "Theirs");
    // Keep mine: saved over theirs, as version 2.
    typing(&mut app, "m");
    assert_eq!(
        october_update(&path, "ACT-17"),
        Some(("on_track".into(), "Mine".into(), 2))
    );
}

#[test]
fn a_signed_off_month_is_marked_locked_and_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo(dir.path());
    {
        let mut store = Store::open(&path, "perf").unwrap();
        let ds = store.dataset().unwrap();
        let freeze =
            pmdb::query::signoff::statuses_to_freeze(&ds, october(), ds.context(demo_today()));
        store.sign_off(october(), &freeze, demo_today()).unwrap();
    }
    let mut app = entry_as(&path, "iqureshi");
    for (w, h) in SIZES {
        assert!(line_with(&app, w, h, "ACT-17").contains("locked"));
    }
    go_to(&mut app, "ACT-17");
    press(&mut app, KeyCode::Enter);
    assert!(app.entry.update.is_none());
    let words = flat(&app, 120, 40);
    assert!(words.contains("signed off"), "{words}");
    assert_eq!(october_update(&path, "ACT-17"), None);
}

#[test]
fn perf_may_update_the_chosen_officers_action_and_esc_asks_before_discarding() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo(dir.path());
    // perf may record for the officer chosen.
    let mut app = entry_as(&path, "perf");
    tui_support::choose_officer(&mut app, "iqureshi");
    go_to(&mut app, "ACT-17");
    press(&mut app, KeyCode::Enter);
    assert!(app.entry.update.is_some());
    // Esc with nothing changed closes it without asking.
    press(&mut app, KeyCode::Esc);
    assert!(app.entry.update.is_none());
    // With a change, Esc asks first; `y` discards it and nothing is written.
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Esc);
    assert!(text(&app, 80, 24).contains("Discard your unsaved changes?"));
    typing(&mut app, "y");
    assert!(app.entry.update.is_none());
    assert_eq!(october_update(&path, "ACT-17"), None);
}
