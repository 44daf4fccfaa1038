//! Money beside performance in the Plan tab (issue 25, point 1): a service plan's detail
//! pane shows its service's budget to date, actual and variance, and the forecast outturn
//! against the annual budget, at 80×24 and 120×40.

mod tui_support;

use crossterm::event::KeyCode;
use pmdb::csvio::{self, Kind};
use pmdb::store::Store;
use pmdb::tui::tabs::plan::RowKey;
use pmdb::tui::{App, Theme};
use tui_support::*;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

/// The detail pane read page by page, as a person scrolls it with PgDn.
fn pane(app: &mut App, w: u16, h: u16) -> String {
    let mut shown = String::new();
    for _ in 0..4 {
        shown.push_str(&flat(app, w, h));
        shown.push(' ');
        press(app, KeyCode::PageDown);
    }
    shown
}

/// Filters the tree to `code` and moves down to its row, by `↓` as a person would.
fn on(app: &mut App, code: &str, is: impl Fn(&RowKey) -> bool) {
    // `/` opens the filter as it was left; Ctrl-U empties it first.
    typing(app, "/");
    hit(app, ctrl('u'));
    typing(app, code);
    press(app, KeyCode::Enter);
    for _ in 0..50 {
        if app.plan.selected().is_some_and(|r| is(&r.key)) {
            return;
        }
        press(app, KeyCode::Down);
    }
    panic!("no row {code}:\n{}", text(app, 120, 40));
}

#[test]
fn a_service_plans_detail_shows_its_services_budget_actual_and_forecast_outturn() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo(dir.path());
    let mut store = Store::open(&path, "perf").unwrap();
    // HR's 2026/27 in place of the demo's (£10,000 a month; actuals April to October;
    // forecasts for November, December and February only), as tests/budgets.rs uses it.
    let year = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/budgets_hro_2026.csv"
    ))
    .unwrap();
    csvio::import(&mut store, Kind::Budgets, &year, demo_today()).unwrap();
    drop(store);
    for (w, h) in SIZES {
        let mut app = App::with_theme(
            Store::open(&path, "perf").unwrap(),
            demo_today(),
            Theme::COLOUR,
        )
        .unwrap();
        // The Plan tab opens on October 2026, the month now due.
        assert_eq!(app.plan.period.to_string(), "2026-10");
        on(&mut app, "SP-HRO", |k| *k == RowKey::Node("SP-HRO".into()));
        let shown = pane(&mut app, w, h);
        // April–October: budget 7 × 10,000 = 70,000; actual 9,500.25 + 10,400.50 + 10,250
        // + 11,000 + 9,900.10 + 10,000 + 10,600.40 = 71,651.25 (£71,651), +1,651.25 over,
        // 2.3589% → +2.4%. Outturn 71,651.25 + 10,500 + 10,500 + January's budget 10,000
        // + 9,000 + March's budget 10,000 = 121,651.25 against 12 × 10,000 = 120,000.
        for needle in [
            "Finance, April to October 2026 (2026-10)",
            "Budget to date: £70,000 Actual: £71,651",
            "Variance: +£1,651 overspend (+2.4%)",
            "Forecast outturn: £121,651",
            "Annual budget: £120,000",
            "Forecast variance: +£1,651 overspend",
        ] {
            assert!(shown.contains(needle), "{w}x{h}: {needle} in {shown}");
        }
        // A priority carries no service of its own, and an indicator is not a plan: no
        // finance in their panes.
        on(&mut app, "PR2", |k| *k == RowKey::Node("PR2".into()));
        let shown = pane(&mut app, w, h);
        assert!(!shown.contains("Finance,"), "{w}x{h}: {shown}");
        on(
            &mut app,
            "HS01",
            |k| matches!(k, RowKey::Indicator { code, .. } if code == "HS01"),
        );
        assert!(!pane(&mut app, w, h).contains("Budget to date"));
    }
}
