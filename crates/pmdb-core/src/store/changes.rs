//! What others have changed since a point in the audit log, so an open interface re-reads
//! what changed rather than the whole council (issue 27). Every table a `Dataset` holds
//! is audited by triggers (schema.sql), so the log's new rows say which rows moved: an
//! officer's figures are patched in from their own indicators' rows; anything else the
//! dataset holds (a target, a plan node, a person, a sign-off) asks for a whole re-read.

use std::collections::BTreeSet;

use super::Dataset;
use super::Store;
use super::error::Result;
use super::quality_index::QualityIndex;
use super::values::{StoredValue, load_values};

/// Tables the dataset does not hold: their changes leave it as it is (the interface
/// reads them afresh from the store when it shows them). The audit log writes `values`
/// rows keyed `CODE|PERIOD`; these tables alone may be written with no other change.
const OUTSIDE_THE_DATASET: [&str; 5] = [
    "exceptions",
    "exception_history",
    "meetings",
    "board_members",
    "case_studies",
];

/// More changed indicators than this in one look, and a whole re-read is cheaper than
/// reading each (a bulk import, a roll-forward).
const MOST_PATCHED: usize = 200;

/// What changed since a point in the audit log.
#[derive(Debug)]
pub enum Changed {
    /// Nothing the dataset holds: a meeting, an exception, a case study, or no audited
    /// table at all (a reminder sent).
    Outside,
    /// Only figures: each changed indicator with every value now stored for it.
    Values(Vec<(String, Vec<StoredValue>)>),
    /// Something else the dataset holds, or too much to patch: read the whole again.
    Whole,
}

/// What changed after one audit-log id, up to the newest when it was asked.
#[derive(Debug)]
pub struct Changes {
    /// The newest audit-log id read: the next look asks for what came after it.
    pub upto: i64,
    pub changed: Changed,
    /// The audited tables the new log rows name: what else a front end holds beside the
    /// dataset (the meetings, the boards' members) is read again only if named here, or
    /// on a whole re-read, which may follow a change it cannot list.
    pub tables: BTreeSet<String>,
}

impl Changes {
    /// Whether what `table` holds may have changed: it is named, or everything is read.
    pub fn touched(&self, table: &str) -> bool {
        matches!(self.changed, Changed::Whole) || self.tables.contains(table)
    }
}

impl Store {
    /// The newest audit-log id (0 for an empty log). Read before a whole dataset, so
    /// what is committed between the two is looked at again, never missed.
    pub fn audit_high_water(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("SELECT coalesce(max(id), 0) FROM audit_log", [], |r| {
                r.get(0)
            })?)
    }

    /// What changed after audit-log id `after`, with the changed indicators' values read
    /// in the same snapshot. Costs the new log rows and those indicators' values: a range
    /// of the log's primary key, then the values' index.
    pub fn changes_since(&self, after: i64) -> Result<Changes> {
        let tx = self.conn.unchecked_transaction()?;
        let mut stmt = tx.prepare_cached(
            "SELECT id, tbl, key FROM audit_log WHERE id > ?1 ORDER BY id LIMIT ?2",
        )?;
        // One row more than is ever patched: a change as large says "read it all".
        let most = (MOST_PATCHED * 10) as i64;
        let rows: Vec<(i64, String, String)> = stmt
            .query_map([after, most + 1], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<rusqlite::Result<_>>()?;
        drop(stmt);
        let upto = match rows.last() {
            Some((id, ..)) => *id,
            None => after,
        };
        // A log that ends before the point asked about is not the log that point was
        // taken from (a backup restored over the file): only a whole read is right.
        let restored = rows.is_empty() && self.audit_high_water()? < after;
        let changed = if restored || rows.len() as i64 > most {
            Changed::Whole
        } else {
            match changed_codes(&rows) {
                None => Changed::Whole,
                Some(codes) if codes.is_empty() => Changed::Outside,
                Some(codes) if codes.len() > MOST_PATCHED => Changed::Whole,
                Some(codes) => Changed::Values(
                    codes
                        .into_iter()
                        .map(|code| {
                            let values = load_values(&tx, &code)?;
                            Ok((code, values))
                        })
                        .collect::<Result<_>>()?,
                ),
            }
        };
        // Whole means read it all: the log's last id stands for it once that read is taken
        // in (lower than `after` when the file was restored from a backup).
        let upto = match changed {
            Changed::Whole => self.audit_high_water()?,
            _ => upto,
        };
        let tables = rows.into_iter().map(|(_, table, _)| table).collect();
        tx.finish()?;
        Ok(Changes {
            upto,
            changed,
            tables,
        })
    }
}

/// The indicators whose values changed, when values and tables outside the dataset are
/// all that did; None when anything else the dataset holds changed.
fn changed_codes(rows: &[(i64, String, String)]) -> Option<BTreeSet<String>> {
    let mut codes = BTreeSet::new();
    for (_, table, key) in rows {
        if table == "values" {
            let (code, _period) = key.rsplit_once('|')?;
            codes.insert(code.to_string());
        } else if !OUTSIDE_THE_DATASET.contains(&table.as_str()) {
            return None;
        }
    }
    Some(codes)
}

impl Dataset {
    /// Puts `values`, as now stored for indicator `code`, in place of those held, and
    /// the figures' qualities with them: what `changes_since` reads is patched in here.
    pub fn replace_values(&mut self, code: &str, values: Vec<StoredValue>) {
        self.qualities.replace(code, &values);
        if values.is_empty() {
            self.values.remove(code);
        } else {
            self.values.insert(code.to_string(), values);
        }
    }
}

impl QualityIndex {
    /// Indexes one indicator's values afresh, in place of what was indexed for it.
    pub(super) fn replace(&mut self, code: &str, values: &[StoredValue]) {
        self.remove(code);
        self.add(code, values);
    }
}

#[cfg(test)]
mod tests {
    use super::changed_codes;

    fn row(table: &str, key: &str) -> (i64, String, String) {
        (1, table.to_string(), key.to_string())
    }

    #[test]
    fn values_and_tables_outside_the_dataset_are_patched() {
        let rows = [
            row("values", "PL01|2026-10"),
            row("exceptions", "7"),
            row("values", "HR03|2026/27 Q2"),
            row("values", "PL01|2026-09"),
        ];
        let codes: Vec<String> = changed_codes(&rows).unwrap().into_iter().collect();
        assert_eq!(codes, ["HR03", "PL01"]);
        assert!(changed_codes(&[row("meetings", "3")]).unwrap().is_empty());
    }

    #[test]
    fn anything_else_the_dataset_holds_asks_for_a_whole_read() {
        for table in [
            "targets",
            "indicators",
            "users",
            "signoffs",
            "actions",
            "narratives",
        ] {
            let rows = [row("values", "PL01|2026-10"), row(table, "PL01")];
            assert_eq!(changed_codes(&rows), None, "{table}");
        }
        // A value's key that is not CODE|PERIOD cannot be patched.
        assert_eq!(changed_codes(&[row("values", "PL01")]), None);
    }
}
