//! A portfolio holder's own view (issue 24, point 9): on the demo council (today
//! 2026-11-24), Cllr Hollis holds Environment & Climate (ENV); her Rollup tab opens grouped
//! by portfolio with ENV selected and marked "(yours)", and `P` names her portfolio's
//! summary in the pack it writes. Someone holding none sees the tab grouped by priority,
//! nothing marked.

mod tui_support;

use pmdb::query::rollup::GroupBy;
use pmdb::store::Store;
use pmdb::tui::{App, Tab, Theme};
use tui_support::{demo, demo_today, flat, line_with, text, typing};

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

fn rollup_as(path: &std::path::Path, login: &str) -> App {
    let mut app = App::with_theme(
        Store::open(path, login).unwrap(),
        demo_today(),
        Theme::COLOUR,
    )
    .unwrap();
    typing(&mut app, "4");
    assert_eq!(app.tab, Tab::Rollup);
    app
}

#[test]
fn a_holders_rollup_opens_on_their_portfolio_marked_theirs() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo(dir.path());
    let mut app = rollup_as(&path, "cllrhollis");
    assert_eq!(app.rollup.by, GroupBy::Portfolio);
    assert_eq!(app.rollup.group().map(|g| g.code.as_str()), Some("ENV"));
    for (w, h) in SIZES {
        let screen = flat(&app, w, h);
        assert!(
            screen.contains("Rollup · 2026/27 Q2 · by portfolio"),
            "{}",
            text(&app, w, h)
        );
        // The row of her portfolio says it is hers; no other row does.
        let row = line_with(&app, w, h, "ENV      ");
        assert!(row.contains("(yours)"), "{}", text(&app, w, h));
        assert!(row.contains("Environment"), "{row}");
        assert_eq!(
            text(&app, w, h).matches("(yours)").count(),
            2,
            "the row and the selected line above the list only:\n{}",
            text(&app, w, h)
        );
    }
    // Her portfolio's indicators say whose they are too.
    typing(&mut app, "l");
    for (w, h) in SIZES {
        assert!(
            flat(&app, w, h).contains("ENV Environment & Climate (yours) · 2026/27 Q2"),
            "{}",
            text(&app, w, h)
        );
    }
    typing(&mut app, "h");
    // `P` writes the pack and offers her portfolio's summary in it.
    let started_in = tempfile::tempdir().unwrap();
    app.rollup.publish_in = started_in.path().to_path_buf();
    typing(&mut app, "P");
    let page = started_in
        .path()
        .join("pmdb-pack-2026-27-Q2")
        .join("portfolio-ENV.html");
    assert!(page.is_file(), "{}", text(&app, 120, 40));
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(
        html.contains("Environment &amp; Climate portfolio summary"),
        "{html}"
    );
    let screen = flat(&app, 200, 40);
    assert!(
        screen.contains("your portfolio summary:") && screen.contains("portfolio-ENV.html"),
        "{}",
        text(&app, 200, 40)
    );
}

#[test]
fn someone_holding_no_portfolio_sees_the_tab_as_before() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo(dir.path());
    for login in ["perf", "cllrokonkwo"] {
        let mut app = rollup_as(&path, login);
        assert_eq!(app.rollup.by, GroupBy::Priority, "{login}");
        assert_eq!(app.rollup.cursor, 0);
        for (w, h) in SIZES {
            assert!(
                !text(&app, w, h).contains("(yours)"),
                "{}",
                text(&app, w, h)
            );
        }
        // Grouped by portfolio, nothing is marked theirs either.
        typing(&mut app, "b");
        assert_eq!(app.rollup.by, GroupBy::Portfolio);
        for (w, h) in SIZES {
            assert!(
                !text(&app, w, h).contains("(yours)"),
                "{}",
                text(&app, w, h)
            );
        }
        let started_in = tempfile::tempdir().unwrap();
        app.rollup.publish_in = started_in.path().to_path_buf();
        typing(&mut app, "P");
        assert!(
            flat(&app, 200, 40).contains("pack for 2026/27 Q2 written to"),
            "{}",
            text(&app, 200, 40)
        );
        assert!(!flat(&app, 200, 40).contains("your portfolio"));
    }
}
