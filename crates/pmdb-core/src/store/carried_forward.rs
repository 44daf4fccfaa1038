//! A file written before delivery had its history (schema 5) opens with nothing lost:
//! migration 6 turns each action's status, each project's RAG and each risk's score into a
//! first update or review, keeps milestones, EIAs and exceptions, and gives case studies a
//! code.

use super::Store;
use super::old_file;

const OLD_REGISTER: &str = "
INSERT INTO services (code, name) VALUES ('WES', 'Waste and Environment');
INSERT INTO plan_nodes (code, kind, title, from_year) VALUES ('KA1', 'activity', 'Food waste', 2024);
INSERT INTO actions (code, title, kind, node, owner, due, status, progress, completed) VALUES
    ('ACT-01', 'Food waste rounds', 'portfolio', 'KA1', 'glewis', '2026-06-30', 'completed', 100, '2026-06-20'),
    ('ACT-02', 'Caddy liners', 'team', 'KA1', 'glewis', '2027-01-31', 'at_risk', 40, NULL),
    ('ACT-03', 'No plan node', 'team', NULL, 'glewis', '2027-03-31', 'not_started', 0, NULL);
INSERT INTO projects (code, title, node, owner, status, start, finish, budget) VALUES
    ('PJ-01', 'Depot rebuild', 'KA1', 'glewis', 'red', '2025-04-01', '2027-03-31', 1500000);
INSERT INTO milestones (project, title, due, done_on) VALUES
    (1, 'Planning consent', '2025-09-30', '2025-09-12'),
    (1, 'Planning consent', '2026-01-31', NULL),
    (1, 'Handover', '2027-03-01', NULL);
INSERT INTO risks (code, title, category, node, owner, likelihood, impact, target_score, controls, review_date, status) VALUES
    ('RSK-01', 'Contract fails', 'partnership', 'KA1', 'glewis', 4, 4, 9, 'Monitoring', '2026-12-01', 'open'),
    ('RSK-02', 'Elections', 'operational', NULL, 'glewis', 1, 4, 4, '', '2026-12-01', 'closed');
INSERT INTO eias (code, title, node, service, owner, due, status, outcome) VALUES
    ('EIA-01', 'Food waste', 'KA1', 'WES', 'glewis', '2025-10-01', 'completed', 'No major change'),
    ('EIA-02', 'Depot', 'KA1', 'WES', 'glewis', '2026-12-01', 'in_progress', '');
INSERT INTO case_studies (title, node, service, year, story) VALUES ('Caddies', 'KA1', 'WES', 2025, 'A story.');
INSERT INTO exceptions (kind, period, subject, figures, raised_by, raised_at) VALUES
    ('overdue_action', '2026-09', 'ACT-02', 'Caddy liners: due ...', 'perf', '2026-10-20T09:00:00.000Z'),
    ('risk', '2026-09', 'RSK-01', 'Contract fails: score 16', 'perf', '2026-10-20T09:00:00.000Z');
";

/// A schema-5 file holding the old register, migrated on opening as `login` on 24 Nov 2026.
fn migrated(dir: &std::path::Path) -> Store {
    old_file::migrated(dir, 5, OLD_REGISTER)
}

#[test]
fn the_old_register_becomes_first_updates_and_reviews() {
    let dir = tempfile::tempdir().unwrap();
    let store = migrated(dir.path());
    let d = store.delivery().unwrap();
    let updates: Vec<(&str, &str, &str, Option<i64>)> = d
        .action_updates
        .iter()
        .map(|u| {
            (
                u.action.as_str(),
                u.period.as_str(),
                u.status.as_str(),
                u.progress,
            )
        })
        .collect();
    // Completed in its month of completion; the others for October, the last month ended.
    assert_eq!(
        updates,
        [
            ("ACT-01", "2026-06", "completed", Some(100)),
            ("ACT-02", "2026-10", "at_risk", Some(40)),
            ("ACT-03", "2026-10", "not_started", Some(0)),
        ]
    );
    assert!(d.action_updates.iter().all(|u| u.entered_by == "perf"));
    let links: Vec<(&str, &str)> = d
        .action_links
        .iter()
        .map(|l| (l.action.as_str(), l.node.as_str()))
        .collect();
    assert_eq!(links, [("ACT-01", "KA1"), ("ACT-02", "KA1")]);
    assert_eq!(
        d.actions
            .iter()
            .map(|a| (a.code.as_str(), a.kind.as_str(), a.due.as_str()))
            .collect::<Vec<_>>(),
        [
            ("ACT-01", "portfolio", "2026-06-30"),
            ("ACT-02", "team", "2027-01-31"),
            ("ACT-03", "team", "2027-03-31")
        ]
    );
    // The red project's first update is off track; its milestones keep their dates, the
    // second of two with one title numbered.
    assert_eq!(
        (
            d.project_updates[0].period.as_str(),
            d.project_updates[0].status.as_str()
        ),
        ("2026-10", "off_track")
    );
    let ms: Vec<(&str, &str, Option<&str>)> = d
        .milestones
        .iter()
        .map(|m| (m.title.as_str(), m.due.as_str(), m.done.as_deref()))
        .collect();
    assert_eq!(
        ms,
        [
            ("Planning consent", "2025-09-30", Some("2025-09-12")),
            ("Planning consent (2)", "2026-01-31", None),
            ("Handover", "2027-03-01", None),
        ]
    );
    // A risk's score becomes its inherent score and a review dated the day of migration;
    // a closed risk is closed that day.
    let r: Vec<(&str, i64, i64, Option<&str>)> = d
        .risks
        .iter()
        .map(|r| {
            (
                r.code.as_str(),
                r.inherent_likelihood,
                r.inherent_impact,
                r.closed.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        r,
        [("RSK-01", 4, 4, None), ("RSK-02", 1, 4, Some("2026-11-24"))]
    );
    let reviews: Vec<(&str, &str, i64, i64)> = d
        .risk_reviews
        .iter()
        .map(|v| (v.risk.as_str(), v.date.as_str(), v.likelihood, v.impact))
        .collect();
    assert_eq!(
        reviews,
        [
            ("RSK-01", "2026-11-24", 4, 4),
            ("RSK-02", "2026-11-24", 1, 4)
        ]
    );
    // A completed EIA is completed by its due date; one in progress is not completed.
    let e: Vec<(&str, Option<&str>)> = d
        .eias
        .iter()
        .map(|e| (e.code.as_str(), e.completed.as_deref()))
        .collect();
    assert_eq!(e, [("EIA-01", Some("2025-10-01")), ("EIA-02", None)]);
    assert_eq!(store.case_studies().unwrap()[0].code, "CS1");
    // Exceptions keep their ids and records; an overdue action's is now of kind `action`.
    let kinds: Vec<(i64, String, String)> = store
        .exceptions(&Default::default())
        .unwrap()
        .into_iter()
        .map(|e| (e.id, e.kind.to_string(), e.subject))
        .collect();
    assert_eq!(
        kinds,
        [
            (1, "action".to_string(), "ACT-02".to_string()),
            (2, "risk".to_string(), "RSK-01".to_string())
        ]
    );
}

#[test]
fn the_new_tables_are_audited_and_cascade_with_their_subject() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = migrated(dir.path());
    store
        .write(|tx| {
            tx.execute(
                "UPDATE action_updates SET status = 'off_track', commentary = 'Supplier failed' WHERE action = 'ACT-02'",
                [],
            )?;
            tx.execute("DELETE FROM actions WHERE code = 'ACT-02'", [])?;
            Ok(())
        })
        .unwrap();
    let logged: Vec<(String, String, String)> = store
        .conn
        .prepare("SELECT tbl, key, op FROM audit_log WHERE key LIKE 'ACT-02%' ORDER BY id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    let want = |t: &str, k: &str, o: &str| (t.to_string(), k.to_string(), o.to_string());
    assert_eq!(
        logged,
        [
            // Recorded when it was written under schema 5; the migration reshapes what is
            // held without logging it as anyone's change.
            want("actions", "ACT-02", "insert"),
            want("action_updates", "ACT-02|2026-10", "update"),
            want("action_updates", "ACT-02|2026-10", "delete"),
            want("action_links", "ACT-02|KA1", "delete"),
            want("actions", "ACT-02", "delete"),
        ]
    );
}
