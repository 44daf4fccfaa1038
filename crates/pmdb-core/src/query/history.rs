//! One line for each change in an indicator's history, as `pmdb history` prints it:
//! which record changed, in the council's own words ("target 2026/27", "value 2024-07"),
//! and its figure before and after as stored, never rounded away.

use serde_json::Value;

use crate::domain::number::fmt_exact;
use crate::domain::period::FinYear;
use crate::store::AuditRow;

/// "value 2024-07: 39.0 → 38.0", "target 2026/27 set to 300000.0",
/// "indicator changed: title, unit".
pub fn describe(row: &AuditRow, decimals: u8) -> String {
    let mut key = row.key.split('|').skip(1);
    match row.table.as_str() {
        "values" => {
            let period = key.next().unwrap_or_default();
            figure_change(&format!("value {period}"), row, "value", decimals)
        }
        "targets" => {
            let year = key.next().unwrap_or_default();
            let year = year
                .parse::<i32>()
                .map_or_else(|_| year.to_string(), |y| FinYear(y).to_string());
            let what = match key.next().filter(|p| !p.is_empty()) {
                Some(period) => format!("target {year} for {period}"),
                None => format!("target {year}"),
            };
            figure_change(&what, row, "target", decimals)
        }
        "indicators" => record_change("indicator", row),
        "indicator_links" => record_change(&format!("plan link {}", rest(key)), row),
        "indicator_enterers" => record_change(&format!("enterer {}", rest(key)), row),
        "benchmarks" => record_change(&format!("benchmark {}", rest(key)), row),
        other => record_change(other, row),
    }
}

fn rest<'a>(key: impl Iterator<Item = &'a str>) -> String {
    key.collect::<Vec<_>>().join(" ")
}

fn figure(v: &Option<Value>, field: &str, decimals: u8) -> Option<String> {
    match v.as_ref()?.get(field)? {
        Value::Number(n) => n.as_f64().map(|x| fmt_exact(x, decimals)),
        Value::Null => Some("none".to_string()),
        other => Some(other.to_string()),
    }
}

fn figure_change(what: &str, row: &AuditRow, field: &str, decimals: u8) -> String {
    let old = figure(&row.old, field, decimals);
    let new = figure(&row.new, field, decimals);
    match (row.op.as_str(), old, new) {
        ("insert", _, Some(new)) => format!("{what} set to {new}"),
        ("delete", Some(old), _) => format!("{what} removed (was {old})"),
        (_, Some(old), Some(new)) if old != new => format!("{what}: {old} → {new}"),
        // Only its commentary, action, quality or version moved.
        (_, _, Some(new)) => format!("{what}: {new}, {}", changed_fields(row).join(", ")),
        _ => format!("{what} {}", row.op),
    }
}

fn record_change(what: &str, row: &AuditRow) -> String {
    match row.op.as_str() {
        "insert" => format!("{what} added"),
        "delete" => format!("{what} removed"),
        _ => {
            let fields = changed_fields(row);
            if fields.is_empty() {
                format!("{what} rewritten unchanged")
            } else {
                format!("{what} changed: {}", fields.join(", "))
            }
        }
    }
}

/// The fields whose stored text differs between before and after.
fn changed_fields(row: &AuditRow) -> Vec<String> {
    let (Some(Value::Object(old)), Some(Value::Object(new))) = (&row.old, &row.new) else {
        return vec![];
    };
    new.iter()
        .filter(|(k, v)| old.get(*k) != Some(*v) && !matches!(k.as_str(), "version"))
        .map(|(k, _)| k.replace('_', " "))
        .collect()
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn row(table: &str, key: &str, op: &str, old: Option<Value>, new: Option<Value>) -> AuditRow {
        AuditRow {
            id: 1,
            at: String::new(),
            login: String::new(),
            table: table.into(),
            key: key.into(),
            op: op.into(),
            old,
            new,
        }
    }

    #[test]
    fn a_year_target_names_its_financial_year_and_no_empty_before() {
        let r = row(
            "targets",
            "HS1|2026|",
            "insert",
            None,
            Some(json!({"target": 300000.0})),
        );
        assert_eq!(describe(&r, 0), "target 2026/27 set to 300000");
        let r = row(
            "targets",
            "HS1|2026|",
            "update",
            Some(json!({"target": 250000.0})),
            Some(json!({"target": 300000.5})),
        );
        assert_eq!(describe(&r, 0), "target 2026/27: 250000 → 300000.5");
        let r = row(
            "targets",
            "HS1|2026|2026/27 Q2",
            "delete",
            Some(json!({"target": 12.0})),
            None,
        );
        assert_eq!(
            describe(&r, 1),
            "target 2026/27 for 2026/27 Q2 removed (was 12.0)"
        );
    }

    #[test]
    fn values_show_the_figure_as_stored_at_least_at_its_places() {
        let r = row(
            "values",
            "RW1|2024-07",
            "update",
            Some(json!({"value": 39.0, "commentary": ""})),
            Some(json!({"value": 40.65, "commentary": ""})),
        );
        assert_eq!(describe(&r, 1), "value 2024-07: 39.0 → 40.65");
        let r = row(
            "values",
            "RW1|2024-07",
            "update",
            Some(json!({"value": 39.0, "commentary": "", "version": 1})),
            Some(json!({"value": 39.0, "commentary": "Staff off sick", "version": 2})),
        );
        assert_eq!(describe(&r, 1), "value 2024-07: 39.0, commentary");
    }

    #[test]
    fn a_definition_change_names_the_fields() {
        let r = row(
            "indicators",
            "RW1",
            "update",
            Some(json!({"title": "Old", "unit": "%", "decimals": 1})),
            Some(json!({"title": "New", "unit": "days", "decimals": 1})),
        );
        assert_eq!(describe(&r, 1), "indicator changed: title, unit");
    }
}
