//! The Entry tab owes only what the one rule of what is owed says (issue 21, point 3): on
//! the demo council, CS03 (transactions completed online) is collected from October
//! 2025, when the customer portal went live. Stepped back to September 2025, its owner's
//! return says "from 2025-10" where it used to say OVERDUE, and `pmdb overdue` agrees.

mod tui_support;

use pmdb::domain::owed::Owing;
use pmdb::store::Store;
use tui_support::{demo, entry_as, line_with, typing};

#[test]
fn a_month_before_collection_starts_is_not_owed_in_the_return() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo(dir.path());
    let owner = {
        let store = Store::open(&path, "perf").unwrap();
        let ds = store.dataset().unwrap();
        let rec = ds.indicator("CS03").expect("CS03 in the demo");
        assert_eq!(
            rec.collect_from.map(|m| m.to_string()).as_deref(),
            Some("2025-10")
        );
        rec.indicator.owner.clone()
    };
    let mut app = entry_as(&path, &owner);
    // October 2026, the month now due: CS03 is in and on time.
    for (w, h) in [(80, 24), (120, 40)] {
        let row = line_with(&app, w, h, "CS03");
        assert!(row.contains("2026-10") && row.contains("done"), "{row}");
    }
    // Back thirteen months to September 2025, before the portal went live.
    typing(&mut app, &"[".repeat(13));
    assert_eq!(app.entry.month.to_string(), "2025-09");
    let cs03 = app
        .entry
        .rows
        .iter()
        .find(|r| r.code == "CS03")
        .expect("CS03 in the return");
    assert_eq!(
        cs03.owing,
        Owing::NotCollected {
            from: "2025-10"
                .parse::<pmdb::domain::period::Period>()
                .unwrap()
                .first_month()
        }
    );
    assert!(!cs03.overdue);
    for (w, h) in [(80, 24), (120, 40)] {
        let row = line_with(&app, w, h, "CS03");
        assert!(row.contains("2025-09"), "{row}");
        assert!(row.contains("from 2025-10"), "{row}");
        assert!(!row.contains("OVERDUE") && !row.contains("to do"), "{row}");
        // No deadline for a month nothing is owed for.
        assert!(!row.contains("15 Oct"), "{row}");
    }
    // October 2025, its first month, is owed and was recorded.
    typing(&mut app, "]");
    let row = line_with(&app, 120, 40, "CS03");
    assert!(
        row.contains("2025-10") && !row.contains("from 2025-10"),
        "{row}"
    );
}
