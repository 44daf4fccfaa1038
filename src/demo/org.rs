//! The organisation of Wyvern Vale District Council, as constants: its services with their
//! heads, the cabinet portfolios with their holders, the teams inside each service and the
//! officer posts in them. `people` turns the posts into users, area by area.

/// The council's name, stored as the `council_name` setting.
pub const COUNCIL_NAME: &str = "Wyvern Vale District Council";

/// The domain of the council's email addresses (`example`: reserved, never delivered to).
pub const EMAIL_DOMAIN: &str = "wyvernvale.example";

pub struct Service {
    pub code: &'static str,
    pub name: &'static str,
    pub head_login: &'static str,
    pub head_name: &'static str,
    /// The key activity the service plan hangs from in the golden thread.
    pub activity: &'static str,
    /// Net revenue budget for a year, in pounds, before any scaling.
    pub net_budget: f64,
}

#[rustfmt::skip] // a table: one row a line reads best
pub const SERVICES: &[Service] = &[
    Service { code: "PLN", name: "Planning & Regeneration", head_login: "hcarter", head_name: "Helen Carter", activity: "KA3.1.1", net_budget: 2_150_000.0 },
    Service { code: "REV", name: "Revenues & Benefits", head_login: "mdavies", head_name: "Mark Davies", activity: "KA4.1.1", net_budget: 1_640_000.0 },
    Service { code: "WES", name: "Waste & Environmental Services", head_login: "glewis", head_name: "Gareth Lewis", activity: "KA1.1.1", net_budget: 6_820_000.0 },
    Service { code: "HSG", name: "Housing", head_login: "pshah", head_name: "Priya Shah", activity: "KA2.1.1", net_budget: 2_380_000.0 },
    Service { code: "LAC", name: "Leisure & Culture", head_login: "tfletcher", head_name: "Tom Fletcher", activity: "KA2.3.1", net_budget: 3_120_000.0 },
    Service { code: "CUS", name: "Customer Services", head_login: "rmoore", head_name: "Rachel Moore", activity: "KA4.2.1", net_budget: 1_210_000.0 },
    Service { code: "HRO", name: "HR & Organisational Development", head_login: "sroberts", head_name: "Siân Roberts", activity: "KA4.3.1", net_budget: 930_000.0 },
    Service { code: "LDS", name: "Legal & Democratic Services", head_login: "dokafor", head_name: "Daniel Okafor", activity: "KA4.2.2", net_budget: 1_480_000.0 },
    Service { code: "FIN", name: "Finance", head_login: "cbennett", head_name: "Claire Bennett", activity: "KA4.1.2", net_budget: 1_790_000.0 },
];

pub struct Portfolio {
    pub code: &'static str,
    pub name: &'static str,
    pub holder_login: &'static str,
    pub holder_name: &'static str,
}

#[rustfmt::skip] // a table: one row a line reads best
pub const PORTFOLIOS: &[Portfolio] = &[
    Portfolio { code: "LDR", name: "Leader: Corporate Strategy & Customers", holder_login: "cllrashworth", holder_name: "Cllr Margaret Ashworth" },
    Portfolio { code: "ENV", name: "Environment & Climate", holder_login: "cllrhollis", holder_name: "Cllr Peter Hollis" },
    Portfolio { code: "HCM", name: "Housing & Communities", holder_login: "cllrrahman", holder_name: "Cllr Aisha Rahman" },
    Portfolio { code: "ECO", name: "Planning & Economic Growth", holder_login: "cllrpryce", holder_name: "Cllr David Pryce" },
    Portfolio { code: "RES", name: "Finance & Resources", holder_login: "cllrwalsh", holder_name: "Cllr Fiona Walsh" },
    Portfolio { code: "WEL", name: "Leisure, Culture & Wellbeing", holder_login: "cllrtranter", holder_name: "Cllr Owen Tranter" },
];

/// Councillors who read the database but hold no portfolio.
pub const OTHER_COUNCILLORS: &[(&str, &str, &str)] =
    &[("cllrokonkwo", "Cllr Grace Okonkwo", "Chair of Scrutiny")];

/// The Management Board: Chief Executive and directors. They own the priorities and take
/// the escalations from PPG.
#[rustfmt::skip] // a table: one row a line reads best
pub const DIRECTORS: &[(&str, &str, &str)] = &[
    ("jmitchell", "Jane Mitchell", "Chief Executive"),
    ("revans", "Richard Evans", "Director of Place"),
    ("sclarke", "Simon Clarke", "Director of Communities"),
    ("nhussain", "Nadia Hussain", "Director of Resources, s151"),
];

/// The corporate performance team.
#[rustfmt::skip] // a table: one row a line reads best
pub const PERFORMANCE_TEAM: &[(&str, &str, &str)] =
    &[("lwhitfield", "Laura Whitfield", "Performance & Improvement Manager"), ("bharper", "Ben Harper", "Performance Officer")];

/// A team inside a service: one team plan per area.
pub struct Team {
    pub code: &'static str,
    pub service: &'static str,
    pub title: &'static str,
    /// The post that leads the team and owns its plan.
    pub lead: usize,
}

#[rustfmt::skip] // a table: one row a line reads best
pub const TEAMS: &[Team] = &[
    Team { code: "TP-PLN-DM", service: "PLN", title: "Development Management", lead: 0 },
    Team { code: "TP-PLN-PR", service: "PLN", title: "Planning Policy & Regeneration", lead: 1 },
    Team { code: "TP-REV-CT", service: "REV", title: "Council Tax & Business Rates", lead: 2 },
    Team { code: "TP-REV-BN", service: "REV", title: "Benefits", lead: 3 },
    Team { code: "TP-WES-WR", service: "WES", title: "Waste & Recycling", lead: 4 },
    Team { code: "TP-WES-SS", service: "WES", title: "Street Scene & Enforcement", lead: 5 },
    Team { code: "TP-WES-EH", service: "WES", title: "Environmental Health", lead: 6 },
    Team { code: "TP-HSG-HO", service: "HSG", title: "Housing Options", lead: 7 },
    Team { code: "TP-HSG-HD", service: "HSG", title: "Housing Delivery & Community Safety", lead: 8 },
    Team { code: "TP-LAC-LS", service: "LAC", title: "Leisure Services", lead: 9 },
    Team { code: "TP-LAC-CH", service: "LAC", title: "Culture & Heritage", lead: 10 },
    Team { code: "TP-CUS-CC", service: "CUS", title: "Contact Centre", lead: 11 },
    Team { code: "TP-CUS-DG", service: "CUS", title: "Digital Services", lead: 12 },
    Team { code: "TP-HRO-HR", service: "HRO", title: "HR & Payroll", lead: 13 },
    Team { code: "TP-HRO-OD", service: "HRO", title: "Learning & Organisational Development", lead: 14 },
    Team { code: "TP-LDS-IG", service: "LDS", title: "Information Governance & Land Charges", lead: 15 },
    Team { code: "TP-LDS-DS", service: "LDS", title: "Democratic & Electoral Services", lead: 16 },
    Team { code: "TP-FIN-EX", service: "FIN", title: "Exchequer", lead: 17 },
    Team { code: "TP-FIN-AC", service: "FIN", title: "Accountancy & Treasury", lead: 18 },
];

/// An officer post. The first area's post-holders are named here; other areas' are
/// generated (see `people`).
pub struct Post {
    pub login: &'static str,
    pub name: &'static str,
    pub job: &'static str,
    pub team: &'static str,
    /// The post-holder's individual objective for the year.
    pub objective: &'static str,
}

#[rustfmt::skip] // a table: one row a line reads best
pub const POSTS: &[Post] = &[
    Post { login: "jpatel", name: "Jaspreet Patel", job: "Development Management Manager", team: "TP-PLN-DM", objective: "Clear the backlog of applications older than 13 weeks" },
    Post { login: "ethornton", name: "Emma Thornton", job: "Planning Policy Manager", team: "TP-PLN-PR", objective: "Take the Local Plan through examination" },
    Post { login: "kobrien", name: "Kevin O'Brien", job: "Revenues Manager", team: "TP-REV-CT", objective: "Raise council tax collection to 97.5%" },
    Post { login: "alloyd", name: "Amy Lloyd", job: "Benefits Manager", team: "TP-REV-BN", objective: "Bring new claims processing under 20 days" },
    Post { login: "smarshall", name: "Steve Marshall", job: "Waste & Recycling Manager", team: "TP-WES-WR", objective: "Launch food waste collections to every household" },
    Post { login: "lchapman", name: "Lucy Chapman", job: "Street Scene Manager", team: "TP-WES-SS", objective: "Cut fly-tipping hotspots by a quarter" },
    Post { login: "iqureshi", name: "Imran Qureshi", job: "Environmental Health Manager", team: "TP-WES-EH", objective: "Complete the food inspection programme on time" },
    Post { login: "sjenkins", name: "Sarah Jenkins", job: "Housing Options Manager", team: "TP-HSG-HO", objective: "End the use of B&B for families beyond six weeks" },
    Post { login: "pwhitehead", name: "Paul Whitehead", job: "Housing Enabling & Community Safety Manager", team: "TP-HSG-HD", objective: "Deliver 150 affordable homes a year with partners" },
    Post { login: "cbarnes", name: "Chloe Barnes", job: "Leisure Services Manager", team: "TP-LAC-LS", objective: "Grow leisure memberships by 5%" },
    Post { login: "mhughes", name: "Martin Hughes", job: "Museums & Arts Manager", team: "TP-LAC-CH", objective: "Reopen the Wyvern Museum's upper galleries" },
    Post { login: "zcampbell", name: "Zoe Campbell", job: "Contact Centre Manager", team: "TP-CUS-CC", objective: "Answer 80% of calls within 60 seconds" },
    Post { login: "rfoster", name: "Ryan Foster", job: "Digital Services Lead", team: "TP-CUS-DG", objective: "Move the top ten transactions online" },
    Post { login: "nprice", name: "Nicola Price", job: "HR Manager", team: "TP-HRO-HR", objective: "Reduce sickness absence to 8.5 days per FTE" },
    Post { login: "ogrant", name: "Oliver Grant", job: "Learning & OD Adviser", team: "TP-HRO-OD", objective: "Every member of staff appraised by June" },
    Post { login: "hward", name: "Hannah Ward", job: "Information Governance Officer", team: "TP-LDS-IG", objective: "Answer 95% of FOI requests within 20 days" },
    Post { login: "mbell", name: "Matthew Bell", job: "Democratic Services Manager", team: "TP-LDS-DS", objective: "Publish every agenda five clear days ahead" },
    Post { login: "gturner", name: "Grace Turner", job: "Exchequer Manager", team: "TP-FIN-EX", objective: "Pay 97% of invoices within 30 days" },
    Post { login: "asimpson", name: "Andrew Simpson", job: "Principal Accountant", team: "TP-FIN-AC", objective: "Close the accounts by the statutory deadline" },
    Post { login: "jreid", name: "Joanne Reid", job: "Waste Data Officer", team: "TP-WES-WR", objective: "Submit WasteDataFlow returns on time" },
];

/// Names of the areas a scaled-up demo is divided into (area 1 is the council as it is).
pub const AREA_NAMES: &[&str] = &[
    "Central",
    "North",
    "South",
    "East",
    "West",
    "Riverside",
    "Uplands",
    "Marches",
    "Forest",
    "Coast",
];

#[cfg(test)] // the catalogue's and this file's checks
pub fn team(code: &str) -> Option<&'static Team> {
    TEAMS.iter().find(|t| t.code == code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_team_and_post_belongs_somewhere() {
        for t in TEAMS {
            assert!(SERVICES.iter().any(|s| s.code == t.service), "{}", t.code);
            assert_eq!(
                POSTS[t.lead].team, t.code,
                "{} is led by a post in it",
                t.code
            );
        }
        for p in POSTS {
            assert!(team(p.team).is_some(), "{}", p.login);
        }
    }
}
