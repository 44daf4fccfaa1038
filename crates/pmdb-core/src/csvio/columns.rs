//! The columns of each import/export kind, as the scriptable contract fixes them.

use crate::domain::indicator::words;

words!(
    /// What an import or export file holds.
    Kind, "import/export kind" {
        Plan = "plan", Indicators = "indicators", Targets = "targets", Values = "values",
        Commentary = "commentary",
        Users = "users", Services = "services", Portfolios = "portfolios", Boards = "boards",
        BoardMembers = "board_members", Meetings = "meetings", Enterers = "enterers",
        Actions = "actions", ActionUpdates = "action_updates", Projects = "projects",
        ProjectUpdates = "project_updates", Milestones = "milestones", Risks = "risks",
        RiskReviews = "risk_reviews", Eias = "eias", CaseStudies = "case_studies",
        Budgets = "budgets", Benchmarks = "benchmarks"
    }
);

/// Every kind, in the order a new council imports them (people and organisation first,
/// then the plan and indicators, then delivery): the order `pmdb import --all` takes them.
pub const KINDS: [Kind; 23] = [
    Kind::Users,
    Kind::Services,
    Kind::Portfolios,
    Kind::Boards,
    Kind::BoardMembers,
    Kind::Meetings,
    Kind::Plan,
    Kind::Indicators,
    Kind::Enterers,
    Kind::Targets,
    Kind::Values,
    Kind::Commentary,
    Kind::Actions,
    Kind::ActionUpdates,
    Kind::Projects,
    Kind::ProjectUpdates,
    Kind::Milestones,
    Kind::Risks,
    Kind::RiskReviews,
    Kind::Eias,
    Kind::CaseStudies,
    Kind::Budgets,
    Kind::Benchmarks,
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
        out.push_str(&format!("  {:<13} {}\n", kind.as_str(), cols.join(", ")));
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
            ("cumulative", false),
            ("lag", false),
            ("definition", false),
            ("source", false),
            ("benchmark_group", false),
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
        Kind::Commentary => &[
            ("code", true),
            ("period", true),
            ("commentary", false),
            ("action", false),
        ],
        Kind::Users => &[
            ("login", true),
            ("name", false),
            ("role", false),
            ("title", false),
            ("email", false),
        ],
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
        Kind::Enterers => &[("code", true), ("login", true)],
        Kind::Actions => &[
            ("code", true),
            ("title", true),
            ("kind", false),
            ("plan", false),
            ("owner", false),
            ("start", false),
            ("due", true),
            ("frequency", false),
        ],
        Kind::ActionUpdates => &[
            ("code", true),
            ("period", true),
            ("status", true),
            ("progress", false),
            ("forecast", false),
            ("commentary", false),
        ],
        Kind::Projects => &[
            ("code", true),
            ("title", true),
            ("plan", false),
            ("owner", false),
            ("start", false),
            ("finish", false),
            ("budget", false),
            ("frequency", false),
        ],
        Kind::ProjectUpdates => &[
            ("code", true),
            ("period", true),
            ("status", true),
            ("spent", false),
            ("commentary", false),
        ],
        Kind::Milestones => &[
            ("project", true),
            ("title", true),
            ("due", true),
            ("forecast", false),
            ("done", false),
        ],
        Kind::Risks => &[
            ("code", true),
            ("title", true),
            ("category", true),
            ("plan", false),
            ("owner", false),
            ("controls", false),
            ("inherent_likelihood", true),
            ("inherent_impact", true),
            ("target_score", true),
            ("review_months", false),
            ("closed", false),
        ],
        Kind::RiskReviews => &[
            ("code", true),
            ("date", true),
            ("likelihood", true),
            ("impact", true),
            ("commentary", false),
        ],
        Kind::Eias => &[
            ("code", true),
            ("title", true),
            ("plan", false),
            ("service", false),
            ("owner", false),
            ("due", true),
            ("completed", false),
            ("outcome", false),
        ],
        Kind::CaseStudies => &[
            ("code", true),
            ("title", true),
            ("plan", false),
            ("service", false),
            ("year", true),
            ("story", false),
            ("selected", false),
        ],
        Kind::Budgets => &[
            ("service", true),
            ("month", true),
            ("budget", true),
            ("actual", false),
            ("forecast", false),
        ],
        Kind::Benchmarks => &[
            ("code", true),
            ("period", true),
            ("comparator", true),
            ("value", true),
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
            | "progress"
            | "budget"
            | "spent"
            | "actual"
            | "forecast"
            | "inherent_likelihood"
            | "inherent_impact"
            | "target_score"
            | "review_months"
            | "likelihood"
            | "impact"
    )
}
