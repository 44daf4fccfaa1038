//! The columns of each import/export kind, as the scriptable contract fixes them.

use crate::domain::indicator::words;

words!(
    /// What an import or export file holds.
    Kind, "import/export kind" {
        Plan = "plan", Indicators = "indicators", Targets = "targets", Values = "values",
        Users = "users", Services = "services", Portfolios = "portfolios", Boards = "boards",
        BoardMembers = "board_members", Meetings = "meetings"
    }
);

/// Every kind, in the order a new council imports them (people and organisation first).
pub const KINDS: [Kind; 10] = [
    Kind::Users,
    Kind::Services,
    Kind::Portfolios,
    Kind::Boards,
    Kind::BoardMembers,
    Kind::Meetings,
    Kind::Plan,
    Kind::Indicators,
    Kind::Targets,
    Kind::Values,
];

/// Each kind with its columns, required ones marked `*` (`code*, name, head`): what
/// `pmdb import --help` and `pmdb export --help` list, from the same table the reader uses.
pub fn columns_help() -> String {
    let mut out = String::from("Columns of each kind (* required; order free):\n");
    for kind in KINDS {
        let cols: Vec<String> = columns_of(kind)
            .iter()
            .map(|(c, required)| format!("{c}{}", if *required { "*" } else { "" }))
            .collect();
        out.push_str(&format!("  {:<14}{}\n", kind.as_str(), cols.join(", ")));
    }
    out
}

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
        Kind::Users => &[("login", true), ("name", false), ("role", false)],
        Kind::Services => &[("code", true), ("name", false), ("head", false)],
        Kind::Portfolios => &[("code", true), ("name", false), ("holder", false)],
        Kind::Boards => &[("code", true), ("name", true)],
        Kind::BoardMembers => &[("board", true), ("login", true)],
        Kind::Meetings => &[
            ("board", true),
            ("date", true),
            ("title", true),
            ("period", false),
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
