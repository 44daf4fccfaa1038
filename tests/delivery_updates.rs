//! Recording an action's or a project's update is one way for both (`Store::record_update`):
//! each check holds for each kind (the item known, its owner's, the rules, the period open,
//! the version the saver saw), and each save is one audited row, replaced in place.
//! The fixture council's today is 2024-08-01.

mod common;

use common::{Council, me};
use pmdb::domain::period::{Month, Period};
use pmdb::query::entry_return::{ReturnRow, entry_return};
use pmdb::store::{Expect, NewActionUpdate, NewProjectUpdate, Store, StoreError};

/// The fixture council with an action and a project of the test's login's (A1, PJ1), one
/// of each of jpatel's (A2, PJ2), and a quarterly one of each of the login's (A3, PJ3),
/// none updated yet.
fn council() -> Council {
    let c = Council::fixture();
    let me = me();
    c.writer(&me)
        .execute_batch(&format!(
            "INSERT INTO actions (code, title, kind, owner, start, due) VALUES
                 ('A1', 'Bring in food waste rounds', 'corporate', '{me}', '2024-01-01', '2024-12-20'),
                 ('A2', 'Review the planning fees', 'team', 'jpatel', '2024-01-01', '2024-12-20');
             INSERT INTO projects (code, title, owner, start, finish, budget) VALUES
                 ('PJ1', 'New depot', '{me}', '2024-01-01', '2025-06-30', 1500000),
                 ('PJ2', 'Town hall roof', 'jpatel', '2024-01-01', '2025-06-30', 300000);
             INSERT INTO actions (code, title, kind, owner, start, due, frequency) VALUES
                 ('A3', 'Refresh the fees', 'team', '{me}', '2024-01-01', '2024-12-20', 'quarterly');
             INSERT INTO projects (code, title, owner, start, finish, budget, frequency) VALUES
                 ('PJ3', 'Car park lighting', '{me}', '2024-01-01', '2025-06-30', 90000, 'quarterly');"
        ))
        .unwrap();
    c
}

/// Saves an update of `kind` ("action" or "project") for `code` in `period`.
fn save(
    s: &mut Store,
    kind: &str,
    (code, period): (&str, &str),
    (status, commentary): (&str, &str),
    expect: Expect,
) -> Result<i64, StoreError> {
    let today = "2024-08-01".parse().unwrap();
    let period: Period = period.parse().unwrap();
    let (code, commentary) = (code.to_string(), commentary.to_string());
    match kind {
        "action" => s.record_update(
            &NewActionUpdate {
                code,
                period,
                status: status.parse().unwrap(),
                progress: Some(50),
                forecast: None,
                commentary,
            },
            expect,
            today,
        ),
        _ => s.record_update(
            &NewProjectUpdate {
                code,
                period,
                status: status.parse().unwrap(),
                spent: Some(1000.0),
                commentary,
            },
            expect,
            today,
        ),
    }
}

#[test]
fn an_action_and_a_project_update_are_recorded_with_the_same_checks() {
    for (kind, mine, theirs) in [("action", "A1", "A2"), ("project", "PJ1", "PJ2")] {
        let c = council();
        let mut s = Store::open(&c.db, &me()).unwrap();
        let table = format!("{kind}_updates");
        let audited = || {
            c.count(&format!(
                "SELECT count(*) FROM audit_log WHERE tbl = '{table}'"
            ))
        };
        let fails = |r: Result<i64, StoreError>| r.unwrap_err().to_string();

        let e = fails(save(
            &mut s,
            kind,
            ("X9", "2024-07"),
            ("on_track", ""),
            Expect::Any,
        ));
        assert_eq!(e, format!("no {kind} 'X9' (see `pmdb {kind}s`)"));
        let e = fails(save(
            &mut s,
            kind,
            (mine, "2024-07"),
            ("at_risk", ""),
            Expect::Absent,
        ));
        assert!(
            e.contains(&format!(
                "{mine} 2024-07: the status at_risk needs a commentary"
            )),
            "{kind}: {e}"
        );
        assert_eq!(audited(), 0, "{kind}: a refused save writes nothing");

        // The first save: version 1, its commentary trimmed, one audited row.
        let first = save(
            &mut s,
            kind,
            (mine, "2024-07"),
            ("at_risk", "  Contractor late  "),
            Expect::Absent,
        );
        assert_eq!(first.unwrap(), 1, "{kind}");
        let stored = || {
            c.count(&format!(
                "SELECT count(*) FROM {table} WHERE {kind} = '{mine}' AND period = '2024-07'"
            ))
        };
        let said = |text: &str| {
            c.count(&format!(
                "SELECT count(*) FROM {table} WHERE {kind} = '{mine}' AND commentary = '{text}'"
            ))
        };
        assert_eq!(
            (stored(), said("Contractor late"), audited()),
            (1, 1, 1),
            "{kind}"
        );
        // A save that had not seen it is refused; one that had replaces it in place.
        match save(
            &mut s,
            kind,
            (mine, "2024-07"),
            ("on_track", ""),
            Expect::Absent,
        ) {
            Err(StoreError::Conflict {
                expected, found, ..
            }) => assert_eq!((expected, found), (0, 1), "{kind}"),
            other => panic!("{kind}: {other:?}"),
        }
        let seen = save(
            &mut s,
            kind,
            (mine, "2024-07"),
            ("on_track", "Back on plan"),
            Expect::Version(1),
        );
        assert_eq!(seen.unwrap(), 2, "{kind}");
        assert_eq!(
            (stored(), said("Back on plan"), audited()),
            (1, 1, 2),
            "{kind}"
        );

        // Never a signed-off period.
        c.ok(&["signoff", "2024/25 Q1"]);
        let e = fails(save(
            &mut s,
            kind,
            (mine, "2024-06"),
            ("on_track", ""),
            Expect::Any,
        ));
        assert!(e.contains("2024-06 is signed off"), "{kind}: {e}");

        // An officer updates only their own.
        c.ok(&["user", "add", "boss", "--role", "admin"]);
        c.ok(&["user", "set-role", &me(), "officer"]);
        let mut s = Store::open(&c.db, &me()).unwrap();
        let e = fails(save(
            &mut s,
            kind,
            (theirs, "2024-07"),
            ("on_track", ""),
            Expect::Any,
        ));
        assert!(
            e.contains(&format!(
                "may update only the {kind}s they own; {theirs} is owned by jpatel"
            )),
            "{kind}: {e}"
        );
        let own = save(
            &mut s,
            kind,
            (mine, "2024-07"),
            ("on_track", ""),
            Expect::Version(2),
        );
        assert_eq!(own.unwrap(), 3, "{kind}");
        assert_eq!(audited(), 3, "{kind}");
    }
}

/// The Entry tab's return treats both kinds alike: the editor opens with this month's
/// update if given, else the latest carried forward (its status and figures, not its
/// commentary), and a quarterly item is asked for in its quarter's last month only.
#[test]
fn the_return_seeds_an_action_and_a_project_alike() {
    let c = council();
    c.writer(&me())
        .execute_batch(
            "INSERT INTO action_updates (action, period, status, progress, forecast, commentary)
                 VALUES ('A1', '2024-06', 'at_risk', 40, '2024-11-30', 'Crews short');
             INSERT INTO project_updates (project, period, status, spent, commentary)
                 VALUES ('PJ1', '2024-06', 'at_risk', 250000, 'Steel late');",
        )
        .unwrap();
    let mut s = Store::open(&c.db, &me()).unwrap();
    let rows = |s: &Store, month: u32| -> Vec<ReturnRow> {
        let ds = s.dataset().unwrap();
        let ctx = ds.context("2024-08-01".parse().unwrap());
        entry_return(&ds, &me(), Month::new(2024, month).unwrap(), ctx)
    };
    // A1's and PJ1's rows, each with this mark, version, status and commentary.
    let alike = |rows: &[ReturnRow], expected: (&str, i64, &str, &str)| {
        let [a1, pj1] = ["A1", "PJ1"].map(|code| {
            let r = rows.iter().find(|r| r.code == code).unwrap().clone();
            let seed = (r.seed.status.as_str(), r.seed.commentary.as_str());
            assert_eq!((r.mark(), r.version, seed.0, seed.1), expected, "{code}");
            r
        });
        (a1, pj1)
    };
    // July: nothing given yet, June's carried forward.
    let july = rows(&s, 7);
    let codes: Vec<&str> = july.iter().map(|r| r.code.as_str()).collect();
    assert_eq!(
        codes,
        ["A1", "PJ1"],
        "the quarterly ones owe nothing in July"
    );
    let (a1, pj1) = alike(&july, ("to do", 0, "at_risk", ""));
    assert_eq!(
        (
            a1.seed.progress,
            a1.seed.forecast.as_deref(),
            a1.figure.as_str()
        ),
        (Some(40), Some("2024-11-30"), "40%")
    );
    assert_eq!(
        (pj1.seed.spent, pj1.figure.as_str()),
        (Some(250000.0), "250000")
    );
    // Once July's is given, it is what the editor opens with.
    for kind in ["action", "project"] {
        let code = if kind == "action" { "A1" } else { "PJ1" };
        let saved = save(
            &mut s,
            kind,
            (code, "2024-07"),
            ("on_track", "Recovered"),
            Expect::Absent,
        );
        assert_eq!(saved.unwrap(), 1);
    }
    let july = rows(&s, 7);
    let (a1, pj1) = alike(&july, ("done", 1, "on_track", "Recovered"));
    assert_eq!((a1.seed.progress, a1.seed.forecast), (Some(50), None));
    assert_eq!(pj1.seed.spent, Some(1000.0));
    // June ends a quarter: the quarterly ones owe their update then.
    let june: Vec<String> = rows(&s, 6).into_iter().map(|r| r.code).collect();
    assert_eq!(june, ["A1", "A3", "PJ1", "PJ3"]);
}
