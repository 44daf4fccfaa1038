//! Money and progress typed in the interface's update editor are read as the command
//! line and CSV import read them (`domain::money`): `50%` and `£1,234.50` are taken,
//! `£1,2,3` and `1e16` refused as typed, nothing saved. The demo council, today
//! 2026-11-24 (October's updates due).

mod tui_support;

use crossterm::event::KeyCode;
use pmdb::store::Store;

use tui_support::{ctrl, demo, entry_as, flat, go_to, hit, press, text, typing};

#[test]
fn spend_is_read_as_money_with_the_size_limit() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo(dir.path());
    let spent = |path: &std::path::Path| {
        let d = Store::open(path, "perf").unwrap().delivery().unwrap();
        d.project_updates
            .iter()
            .find(|u| u.project == "PJ-06" && u.period == "2026-10")
            .map(|u| u.spent)
    };
    let before = spent(&path);
    let mut app = entry_as(&path, "hcarter");
    go_to(&mut app, "PJ-06");
    press(&mut app, KeyCode::Enter);
    assert!(flat(&app, 120, 40).contains("Update project PJ-06 · 2026-10"));
    // Status, then the spend to date.
    press(&mut app, KeyCode::Tab);
    hit(&mut app, ctrl('u'));
    typing(&mut app, "£1,2,3");
    let screen = flat(&app, 120, 40);
    assert!(
        screen.contains("'£1,2,3' is not an amount of money"),
        "{screen}"
    );
    hit(&mut app, ctrl('s'));
    assert_eq!(spent(&path), before, "nothing saved");
    hit(&mut app, ctrl('u'));
    typing(&mut app, "1e16");
    let screen = flat(&app, 120, 40);
    assert!(screen.contains("'1e16' is too large"), "{screen}");
    hit(&mut app, ctrl('s'));
    assert_eq!(spent(&path), before, "nothing saved");
    hit(&mut app, ctrl('u'));
    typing(&mut app, "£1,234.50");
    press(&mut app, KeyCode::Tab);
    hit(&mut app, ctrl('u'));
    typing(&mut app, "Consultants' first invoice");
    hit(&mut app, ctrl('s'));
    assert_eq!(spent(&path), Some(Some(1234.5)), "{}", text(&app, 120, 40));
}

#[test]
fn progress_may_carry_a_per_cent_sign() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo(dir.path());
    let mut app = entry_as(&path, "iqureshi");
    go_to(&mut app, "ACT-17");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Tab);
    hit(&mut app, ctrl('u'));
    typing(&mut app, "50.5");
    assert!(
        flat(&app, 120, 40).contains("'50.5' is not a progress"),
        "{}",
        text(&app, 120, 40)
    );
    hit(&mut app, ctrl('u'));
    typing(&mut app, "50%");
    hit(&mut app, ctrl('s'));
    let d = Store::open(&path, "perf").unwrap().delivery().unwrap();
    let u = d
        .action_updates
        .iter()
        .find(|u| u.action == "ACT-17" && u.period == "2026-10")
        .expect("saved");
    assert_eq!((u.status.as_str(), u.progress), ("on_track", Some(50)));
}
