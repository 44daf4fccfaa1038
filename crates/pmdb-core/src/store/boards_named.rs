//! A file written before escalations named their board (schema 10) opens with every
//! exception it held escalated, or once escalated, gone to the Management Board, recorded
//! in the audit log; one never escalated has no board.

use super::old_file;
use crate::store::ExceptionFilter;

const HELD: &str = "
INSERT INTO users (login, name, role) VALUES ('perf', 'Pat Perf', 'performance');
INSERT INTO exceptions (id, kind, period, subject, status, proposal, decision, board_member, escalation_due, raised_by, raised_at)
    VALUES (1, 'red', '2026-09', 'WR1', 'escalated', 'Crew campaign', 'PPG: refer to MB', 'kmorgan', '2026-12-31', 'perf', '2026-10-22T09:00:00.000Z'),
           (2, 'red', '2026-09', 'PL2', 'proposed', 'More planners', '', '', NULL, 'perf', '2026-10-22T09:00:00.000Z');
";

#[test]
fn exceptions_escalated_before_boards_were_named_went_to_the_management_board() {
    let dir = tempfile::tempdir().unwrap();
    let store = old_file::migrated(dir.path(), 10, HELD);
    let held: Vec<(i64, String, String)> = store
        .exceptions(&ExceptionFilter::default())
        .unwrap()
        .into_iter()
        .map(|e| (e.id, e.board, e.outcome))
        .collect();
    assert_eq!(
        held,
        [
            (1, "MB".into(), String::new()),
            (2, String::new(), String::new())
        ]
    );
    let marked: Vec<(String, String, String)> = store
        .conn
        .prepare(
            "SELECT login, json_extract(old, '$.board'), json_extract(new, '$.board')
               FROM audit_log WHERE tbl = 'exceptions' AND op = 'update'",
        )
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    assert_eq!(marked, [("perf".into(), String::new(), "MB".into())]);
}
