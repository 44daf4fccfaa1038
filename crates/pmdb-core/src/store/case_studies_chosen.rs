//! A file written before case studies were chosen (schema 9) opens with every case study
//! it held still chosen, recorded in the audit log; a case study submitted after is not.

use super::old_file;
use super::{NewCaseStudy, Store};

const HELD: &str = "
INSERT INTO users (login, name, role) VALUES ('perf', 'Pat Perf', 'performance');
INSERT INTO services (code, name) VALUES ('WES', 'Waste and Environment');
INSERT INTO plan_nodes (code, kind, title, from_year) VALUES ('KA1', 'activity', 'Food waste', 2024);
INSERT INTO case_studies (code, title, node, service, year, story)
    VALUES ('CS1', 'Caddies', 'KA1', 'WES', 2025, 'A story.');
";

/// A schema-9 file holding one case study, migrated on opening as `perf`.
fn migrated(dir: &std::path::Path) -> Store {
    old_file::migrated(dir, 9, HELD)
}

#[test]
fn case_studies_held_before_stay_chosen_and_new_ones_wait_to_be() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = migrated(dir.path());
    let held = store.case_studies().unwrap();
    assert_eq!(
        held.iter()
            .map(|c| (c.code.as_str(), c.selected))
            .collect::<Vec<_>>(),
        [("CS1", true)]
    );
    // The migration's marking is in the audit log, by whoever opened the file.
    let marked: Vec<(String, String, String)> = store
        .conn
        .prepare(
            "SELECT login, json_extract(old, '$.selected'), json_extract(new, '$.selected')
               FROM audit_log WHERE tbl = 'case_studies' AND op = 'update'",
        )
        .unwrap()
        .query_map([], |r| {
            Ok((
                r.get(0)?,
                r.get::<_, i64>(1)?.to_string(),
                r.get::<_, i64>(2)?.to_string(),
            ))
        })
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    assert_eq!(marked, [("perf".into(), "0".into(), "1".into())]);
    store
        .submit_case_study(&NewCaseStudy {
            code: "CS2".into(),
            title: "Liners".into(),
            node: "KA1".into(),
            service: None,
            year: crate::domain::period::FinYear(2025),
            story: "Another story.".into(),
        })
        .unwrap();
    let now: Vec<(String, bool)> = store
        .case_studies()
        .unwrap()
        .into_iter()
        .map(|c| (c.code, c.selected))
        .collect();
    assert_eq!(now, [("CS1".into(), true), ("CS2".into(), false)]);
}
