//! A file written before opportunities (schema 16) opens with its risk register kept:
//! migration 18 rebuilds the risks table to admit the category `opportunity`, its reviews
//! and plan links copied across untouched (no cascade, no audit row for them), its audit
//! triggers made again, and a risk may now belong to a major project.

use super::Store;
use super::old_file;

const HELD: &str = "
INSERT INTO users (login, name, role) VALUES ('perf', 'Performance Team', 'performance'), ('alee', 'Alex Lee', 'officer');
INSERT INTO plan_nodes (code, kind, title, from_year) VALUES ('P1', 'priority', 'A thriving place', 2024);
INSERT INTO projects (code, title, owner) VALUES ('PJ1', 'Leisure centre', 'alee');
INSERT INTO risks (code, title, category, owner, controls, inherent_likelihood, inherent_impact, target_score, review_months, closed)
    VALUES ('R1', 'Contractor fails', 'partnership', 'alee', 'Bond held', 4, 5, 8, 3, NULL),
           ('R2', 'Old risk', 'operational', '', '', 2, 2, 4, 6, '2025-03-31');
INSERT INTO risk_links (risk, node) VALUES ('R1', 'P1');
INSERT INTO risk_reviews (risk, date, likelihood, impact, commentary, entered_by, entered_at, version)
    VALUES ('R1', '2026-06-10', 3, 4, 'Bond renewed', 'alee', '2026-06-10T09:00:00.000Z', 2);
";

fn count(store: &Store, sql: &str) -> i64 {
    store.conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

#[test]
fn the_register_survives_and_takes_an_opportunity_and_a_projects_risk() {
    let dir = tempfile::tempdir().unwrap();
    let audit_before = {
        let store = old_file::migrated(dir.path(), 16, HELD);
        count(&store, "SELECT count(*) FROM audit_log")
    };
    let store = Store::open_on(
        &dir.path().join("old.db"),
        "perf",
        Some("2026-11-24".parse().unwrap()),
    )
    .unwrap();
    let risks = store.risks().unwrap();
    assert_eq!(
        risks
            .iter()
            .map(|r| (
                r.id,
                r.code.as_str(),
                r.category.as_str(),
                r.controls.as_str(),
                r.target_score,
                r.review_months,
                r.closed.as_deref()
            ))
            .collect::<Vec<_>>(),
        [
            (1, "R1", "partnership", "Bond held", 8, 3, None),
            (2, "R2", "operational", "", 4, 6, Some("2025-03-31"))
        ]
    );
    let reviews = store.risk_reviews().unwrap();
    assert_eq!(
        reviews
            .iter()
            .map(|r| (
                r.risk.as_str(),
                r.date.as_str(),
                r.likelihood,
                r.impact,
                r.commentary.as_str(),
                r.entered_by.as_str(),
                r.version
            ))
            .collect::<Vec<_>>(),
        [("R1", "2026-06-10", 3, 4, "Bond renewed", "alee", 2)]
    );
    assert_eq!(store.risk_links().unwrap().len(), 1);
    assert_eq!(
        count(&store, "SELECT count(*) FROM audit_log"),
        audit_before,
        "the rebuild records nothing as inserted or deleted"
    );
    assert_eq!(
        count(&store, "SELECT count(*) FROM pragma_foreign_key_check"),
        0
    );
    // The audit triggers are back, on the new table too; an opportunity is admitted; a
    // project's risk is linked, and goes with its project's renaming.
    store
        .conn
        .execute_batch(
            "INSERT INTO risks (code, title, category, inherent_likelihood, inherent_impact, target_score)
                 VALUES ('O1', 'Shared leisure trust', 'opportunity', 3, 4, 6);
             INSERT INTO risk_projects (risk, project) VALUES ('O1', 'PJ1');
             UPDATE risk_reviews SET commentary = 'Bond renewed to 2028' WHERE risk = 'R1';
             UPDATE projects SET code = 'PJ9' WHERE code = 'PJ1';",
        )
        .unwrap();
    let audited = |tbl: &str| {
        count(
            &store,
            &format!("SELECT count(*) FROM audit_log WHERE tbl = '{tbl}'"),
        )
    };
    assert_eq!(
        (
            audited("risks"),
            audited("risk_projects"),
            audited("risk_reviews")
        ),
        (3, 2, 2),
        "R1, R2 then O1 inserted; O1's link inserted then renamed; R1's review inserted then changed"
    );
    let linked = store.risk_projects().unwrap();
    assert_eq!(
        linked
            .iter()
            .map(|l| (l.risk.as_str(), l.project.as_str()))
            .collect::<Vec<_>>(),
        [("O1", "PJ9")]
    );
    let refused = store.conn.execute(
        "INSERT INTO risks (code, title, category, inherent_likelihood, inherent_impact, target_score)
             VALUES ('X1', 'Bad', 'threat', 1, 1, 1)",
        [],
    );
    assert!(refused.is_err(), "the CHECK still refuses other words");
}
