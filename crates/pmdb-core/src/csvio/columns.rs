//! The columns of each import/export kind, as the scriptable contract fixes them.

use crate::domain::indicator::words;

words!(
    /// What an import or export file holds.
    Kind, "import/export kind" { Plan = "plan", Indicators = "indicators", Targets = "targets", Values = "values" }
);

/// (column, required) for a kind, in the order export writes them.
pub fn columns_of(kind: Kind) -> &'static [(&'static str, bool)] {
    match kind {
        Kind::Plan => &[
            ("code", true),
            ("kind", true),
            ("parent", false),
            ("title", true),
            ("owner", false),
            ("portfolio", false),
            ("service", false),
            ("from_year", true),
            ("to_year", false),
        ],
        Kind::Indicators => &[
            ("code", true),
            ("title", true),
            ("kind", true),
            ("unit", false),
            ("decimals", false),
            ("polarity", true),
            ("frequency", true),
            ("aggregation", true),
            ("owner", false),
            ("plan", false),
            ("rag_rule", false),
            ("min", false),
            ("max", false),
            ("collect_from", false),
        ],
        Kind::Targets => &[
            ("code", true),
            ("year", true),
            ("period", false),
            ("target", true),
            ("intervention", false),
        ],
        Kind::Values => &[
            ("code", true),
            ("period", true),
            ("value", false),
            ("numerator", false),
            ("denominator", false),
            ("quality", false),
            ("commentary", false),
            ("action", false),
        ],
    }
}

/// Whether a column holds numbers: such a cell is never given the spreadsheet-safe `'`
/// on export nor has one removed on import (`-3` stays a number).
pub fn is_numeric(column: &str) -> bool {
    matches!(
        column,
        "value"
            | "numerator"
            | "denominator"
            | "target"
            | "intervention"
            | "decimals"
            | "min"
            | "max"
    )
}
