//! Indicators of homes and communities: housing options and delivery, community safety
//! with the police, leisure and culture.

use super::{Profile, Story, Template, ind};

/// Leisure centre visits follow the school holidays and dip at Christmas (April first).
const LEISURE_SEASON: [f64; 12] = [
    1.02, 1.04, 1.0, 1.08, 1.1, 0.96, 1.0, 0.98, 0.74, 1.12, 1.0, 0.96,
];

/// Museums draw their crowds in the summer; the theatre sells its pantomime in Q3.
const MUSEUM_SEASON: [f64; 4] = [1.04, 1.36, 0.84, 0.76];
const THEATRE_SEASON: [f64; 4] = [0.8, 0.68, 1.52, 1.0];

pub fn templates() -> Vec<Template> {
    vec![
        // Housing: Housing Options (post 7), Housing Delivery & Community Safety (post 8).
        ind("HS01", "Households in temporary accommodation (at month end)")
            .unit("households", 0).lower().latest()
            .team("TP-HSG-HO", 7).also("KA2.1.1").source("H-CLIC return").bench()
            .target(65.0, 80.0, 0.0).perf(0.8, -0.6, 0.35).story(Story::RedNow)
            .explain(
                &[
                    "Approaches from households served with section 21 notices are up by a third on last year.",
                    "Move-on into settled homes has slowed: housing association lettings are down 20% as repairs hold up voids.",
                    "Two large families placed in temporary accommodation after a fire in a private block; no suitable move-on yet.",
                ],
                &[
                    "Leasing ten more private-sector homes as temporary accommodation through the Wyvern Lettings scheme.",
                    "Weekly voids meeting with the two largest housing associations to prioritise move-on lets.",
                    "Prevention fund doubled for rent arrears and landlord incentives until March.",
                ],
            ),
        ind("HS02", "Households whose homelessness was prevented or relieved")
            .unit("households", 0).team("TP-HSG-HO", 7).also("KA2.1.1").source("H-CLIC return")
            .target(420.0, 360.0, 12.0).perf(0.5, 0.0, 0.5)
            .about("homelessness"),
        ind("HS03", "Families in bed and breakfast for more than six weeks")
            .sdl().unit("households", 0).lower().latest()
            .team("TP-HSG-HO", 7).also("KA2.1.2").source("H-CLIC return")
            .target(0.0, 2.0, 0.0).perf(0.3, 0.0, 0.45)
            .about("families in bed and breakfast"),
        ind("HS04", "Longest stay of a family in bed and breakfast")
            .unit("weeks", 1).lower().max()
            .team("TP-HSG-HO", 7).also("KA2.1.2").source("Housing options case system")
            .target(6.0, 8.0, 0.0).perf(0.6, 0.0, 0.45)
            .about("bed and breakfast"),
        ind("HS05", "Affordable homes delivered")
            .unit("homes", 0).annual()
            .team("TP-HSG-HD", 8).also("KA2.2.1").source("Housing enabling monitoring")
            .target(150.0, 120.0, 10.0).perf(0.4, 0.0, 0.5)
            .about("affordable homes"),
        ind("HS06", "Net additional homes provided")
            .sdl().unit("homes", 0).annual()
            .team("TP-HSG-HD", 8).also("KA3.1.2").source("Housing Flows Reconciliation return")
            .target(520.0, 450.0, 0.0).perf(0.5, 0.0, 0.5)
            .about("additional homes"),
        ind("HS07", "Disabled Facilities Grants: average time from approval to completion")
            .unit("weeks", 1).lower().quarterly().mean()
            .team("TP-HSG-HD", 8).source("Home improvement agency records")
            .target(20.0, 26.0, 1.0).perf(0.5, 0.0, 0.5).story(Story::RedNow)
            .explain(
                &[
                    "The framework's two adaptations contractors both lost their surveyors; grant-funded jobs are waiting for start dates.",
                    "Several complex extensions needed planning consent and structural design before work could start.",
                ],
                &[
                    "Third contractor added to the framework; jobs under £5,000 now ordered directly.",
                    "Occupational therapist and surveyor joint visits at approval so designs are ready sooner.",
                ],
            ),
        ind("HS08", "Empty homes brought back into use")
            .quarterly().team("TP-HSG-HD", 8).also("KA2.2.1").source("Council tax empty property records")
            .target(40.0, 30.0, 4.0).perf(0.5, 0.0, 0.5).tolerance(10.0, 25.0)
            .about("empty homes"),
        ind("HS09", "Households on the housing register")
            .unit("households", 0).data_only().latest()
            .team("TP-HSG-HO", 7).source("Choice-based lettings system")
            .free(2_150.0, 60.0, 25.0),
        ind("HS10", "Households approaching the council as homeless or at risk")
            .contextual().unit("households", 0).lower()
            .team("TP-HSG-HO", 7).also("KA2.1.1").source("Housing options case system")
            .free(96.0, 6.0, 9.0).season(8.0, 1),
        ind("CP01", "Anti-social behaviour incidents reported to the police")
            .partner().lower().quarterly()
            .team("TP-HSG-HD", 8).also("KA2.3.2").source("Wyvern Vale Police (quarterly extract)")
            .target(2_600.0, 2_900.0, 100.0).perf(0.5, 0.0, 0.5).season(-0.4, 8).story(Story::LateQuarter)
            .explain(
                &[
                    "Anti-social behaviour reports rose in the town centre over the summer evenings.",
                    "More anti-social behaviour reported around two parks after youth provision closed.",
                ],
                &[
                    "Joint patrols with the police and a dispersal order for the town centre to tackle anti-social behaviour.",
                    "Detached youth work funded in the two parks; anti-social behaviour reviewed at the community safety partnership.",
                ],
            ),
        ind("CP02", "Recorded crime per 1,000 population (rolling 12 months)")
            .contextual().unit("crimes per 1,000 population", 1).lower().quarterly().latest()
            .team("TP-HSG-HD", 8).also("KA2.3.2").source("Police recorded crime (ONS)")
            // ONS publishes a quarter's figure about three months after the usual deadline.
            .lag(3)
            .free(58.5, -1.2, 0.8),
        ind("CP03", "Resident population (mid-year estimate)")
            .unit("people", 0).data_only().annual().latest()
            .team("TP-PLN-PR", 1).source("ONS mid-year population estimates")
            .free(118_400.0, 900.0, 150.0),
        // Leisure & Culture: Leisure Services (post 9), Culture & Heritage (post 10).
        ind("LC01", "Visits to council leisure centres")
            .unit("visits", 0).team("TP-LAC-LS", 9).also("KA2.3.1").source("Leisure management system").bench()
            .target(780_000.0, 720_000.0, 15_000.0).perf(0.3, 0.0, 0.5).tolerance(5.0, 10.0)
            .profile(Profile::Monthly(LEISURE_SEASON))
            .about("leisure centres"),
        ind("LC02", "Leisure centre memberships (direct debit)")
            .unit("members", 0).latest()
            .team("TP-LAC-LS", 9).source("Leisure management system")
            .target(8_200.0, 7_800.0, 150.0).perf(0.6, 0.0, 0.4).season(0.4, 1).story(Story::MissingNow)
            .about("leisure centre memberships"),
        ind("LC03", "Visits to the Wyvern Museum and galleries")
            .unit("visits", 0).quarterly()
            .team("TP-LAC-CH", 10).also("KA2.3.1").source("Museum visitor counter")
            .target(64_000.0, 56_000.0, 2_000.0).perf(0.5, 0.0, 0.5).profile(Profile::Quarterly(MUSEUM_SEASON))
            .about("Wyvern Museum"),
        ind("LC04", "Children enrolled in council swimming lessons")
            .unit("children", 0).quarterly().latest()
            .team("TP-LAC-LS", 9).source("Leisure management system")
            .target(2_400.0, 2_200.0, 50.0).perf(0.6, 0.0, 0.4)
            .about("swimming lessons"),
        ind("LC05", "Residents satisfied with parks and open spaces")
            .contextual().unit("%", 0).annual().latest()
            .team("TP-LAC-LS", 9).source("Residents' survey")
            .free(74.0, 1.0, 1.5),
        ind("LC06", "Adults active for 150 minutes or more a week")
            .contextual().unit("%", 1).annual().latest()
            .team("TP-LAC-LS", 9).also("KA2.3.1").source("Sport England Active Lives survey")
            .free(63.4, 0.6, 0.5),
        ind("LC07", "Tickets sold at the Wyvern Theatre")
            .partner().unit("tickets", 0).quarterly()
            .team("TP-LAC-CH", 10).source("Wyvern Theatre Trust box office")
            .target(52_000.0, 46_000.0, 1_000.0).perf(0.5, 0.0, 0.5).profile(Profile::Quarterly(THEATRE_SEASON))
            .about("Wyvern Theatre"),
    ]
}
