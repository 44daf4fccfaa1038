//! A file written before requests (schema 14) opens with its exceptions, their history and
//! linked periods kept: migration 15 rebuilds the exceptions table to admit the kind
//! `request`, and raised exceptions stay one per kind, period and subject.

use super::Store;
use super::old_file;
use crate::store::{ExceptionFilter, NewException, NewRequest};

const HELD: &str = "
INSERT INTO users (login, name, role) VALUES ('perf', 'Performance Team', 'performance'), ('alee', 'Alex Lee', 'officer');
INSERT INTO indicators (code, title, kind, unit, decimals, polarity, frequency, aggregation, owner)
    VALUES ('WR1', 'Recycling', 'local', '%', 1, 'higher', 'monthly', 'mean', 'alee');
INSERT INTO boards (code, name) VALUES ('OSP', 'Overview & Scrutiny');
INSERT INTO exceptions (kind, period, subject, owner, figures, status, board, outcome, raised_by, raised_at)
    VALUES ('red', '2026-09', 'WR1', 'alee', '40.0 against 50.0', 'escalated', 'CAB', 'Fund it', 'perf', '2026-10-20T09:00:00.000Z');
INSERT INTO exception_history (exception, at, by, field, old, new)
    VALUES (1, '2026-10-20T09:00:00.000Z', 'perf', 'raised', '', '40.0 against 50.0');
INSERT INTO exception_periods (exception, period) VALUES (1, '2026/27 Q2');
";

#[test]
fn exceptions_their_history_and_periods_survive_and_a_request_may_be_added() {
    let dir = tempfile::tempdir().unwrap();
    let mut store: Store = old_file::migrated(dir.path(), 14, HELD);
    let all = store.exceptions(&ExceptionFilter::default()).unwrap();
    assert_eq!(
        all.iter()
            .map(|e| (
                e.id,
                e.subject.as_str(),
                e.board.as_str(),
                e.outcome.as_str()
            ))
            .collect::<Vec<_>>(),
        [(1, "WR1", "CAB", "Fund it")]
    );
    assert_eq!(store.exception_history(1).unwrap().len(), 1);
    assert_eq!(
        store.exception_periods().unwrap().get(&1),
        Some(&vec!["2026/27 Q2".to_string()])
    );
    let broken: i64 = store
        .conn
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(broken, 0);
    // Raising September's red again adds nothing; two requests on one subject are two.
    let again = NewException {
        kind: crate::domain::workflow::ExceptionKind::Red,
        period: "2026-09".into(),
        subject: "WR1".into(),
        service: String::new(),
        owner: "alee".into(),
        figures: "40.0 against 50.0".into(),
        commentary: String::new(),
        meeting: None,
    };
    assert_eq!(store.raise_exceptions(&[again]).unwrap(), 0);
    let ask = NewRequest {
        subject: "WR1".into(),
        board: "OSP".into(),
        text: "Explain the fall".into(),
        owner: "alee".into(),
        due: "2026-12-31".parse().unwrap(),
    };
    let first = store.add_request(&ask).unwrap();
    let second = store.add_request(&ask).unwrap();
    assert_eq!(
        (first.id, second.id, first.period.as_str()),
        (2, 3, "2026-11")
    );
}
