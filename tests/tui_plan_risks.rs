//! The Plan tab's detail lists the risks on the selected node, now with a project's own
//! risks on its project's nodes and each opportunity marked (issue 25, point 6): the
//! Kingsmead leisure extension (PJ-03, on KA2.3.1) keeps RSK-17 and OPP-02 in its own
//! register, so they show under KA2.3.1 beside RSK-12, which names the node itself.

mod tui_support;

use crossterm::event::KeyCode;
use pmdb::store::Store;
use pmdb::tui::{App, Tab, Theme};
use tui_support::{demo, demo_today, flat, press, text, typing};

#[test]
fn a_projects_own_risks_and_its_opportunity_show_under_its_plan_node() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo(dir.path());
    let mut app = App::with_theme(
        Store::open(&path, "perf").unwrap(),
        demo_today(),
        Theme::PLAIN,
    )
    .unwrap();
    assert_eq!(app.tab, Tab::Plan);
    typing(&mut app, "E"); // expand all, down to the key activities
    for _ in 0..300 {
        if app.plan.selected().map(|r| r.code.as_str()) == Some("KA2.3.1") {
            break;
        }
        press(&mut app, KeyCode::Down);
    }
    assert_eq!(
        app.plan.selected().map(|r| r.code.as_str()),
        Some("KA2.3.1"),
        "{}",
        text(&app, 120, 40)
    );
    let f = flat(&app, 120, 40);
    // October's: RSK-12 on the node, RSK-17 and OPP-02 by their project, the opportunity
    // marked as one.
    for shown in [
        "Risks (3): A OPP-02 The Kingsmead solar canopy sells",
        "surplus power to the grid (opportunity, score 9,",
        "A RSK-12 Leisure centre energy costs",
        "A RSK-17 The",
        "Kingsmead extension overruns its budget (score 9,",
    ] {
        assert!(f.contains(shown), "{shown}:\n{}", text(&app, 120, 40));
    }
    // At 80 × 24 the detail still names them (cut to the width, never wrapped into others).
    let small = flat(&app, 80, 24);
    assert!(small.contains("OPP-02"), "{}", text(&app, 80, 24));
}
