//! Indicators of place: planning and the local economy, waste, street scene,
//! environmental health and climate.

use super::{Story, Template, ind};

pub fn templates() -> Vec<Template> {
    vec![
        // Planning & Regeneration: Development Management (post 0) and Policy (post 1).
        ind("PL01", "Major planning applications decided within 13 weeks or agreed time")
            .sdl().unit("%", 1).quarterly().ratio(18.0)
            .team("TP-PLN-DM", 0).also("KA3.1.1").source("MHCLG PS2 return").bench()
            .target(80.0, 70.0, 1.0).perf(0.8, -0.3, 0.5)
            .about("major planning applications"),
        ind("PL02", "Minor planning applications decided within 8 weeks or agreed time")
            .sdl().unit("%", 1).ratio(38.0)
            .team("TP-PLN-DM", 0).also("KA3.1.1").source("MHCLG PS2 return").bench()
            .target(85.0, 75.0, 1.0).perf(0.6, -0.25, 0.5).story(Story::RedNow)
            .explain(
                &[
                    "Two planning officer vacancies since the summer; the remaining caseloads are above 60 applications each.",
                    "A run of applications needed amended plans and extensions of time were not agreed in writing before the deadline.",
                    "Consultee responses from the highway authority arrived late on a third of the month's applications.",
                ],
                &[
                    "Agency planner started this month for six months; the backlog is being cleared oldest first.",
                    "Extension-of-time letters now go out automatically at week 6; team leader checks every case weekly.",
                    "Escalated consultee delays to the county's head of highways; fortnightly liaison meeting agreed.",
                ],
            ),
        ind("PL03", "Other planning applications decided within 8 weeks or agreed time")
            .sdl().unit("%", 1).ratio(95.0)
            .team("TP-PLN-DM", 0).source("MHCLG PS2 return").bench()
            .target(90.0, 80.0, 0.5).perf(0.8, 0.0, 0.45)
            .about("other planning applications"),
        ind("PL04", "Planning applications received")
            .data_only().team("TP-PLN-DM", 0).source("Uniform planning system")
            .free(135.0, -3.0, 9.0).season(15.0, 5),
        ind("PL05", "Planning appeals allowed against the council's decision")
            .sdl().unit("%", 1).lower().quarterly().ratio(14.0)
            .team("TP-PLN-DM", 0).source("Planning Inspectorate casework")
            .target(33.0, 40.0, 0.0).perf(0.6, 0.0, 0.55)
            .explain(
                &[
                    "More refusals were overturned at appeal than planned, several on design grounds where the Inspector took a different view.",
                    "Two appeals allowed against refusals made by committee against officer advice.",
                ],
                &[
                    "Appeal decisions reviewed with the team and members to learn where refusal reasons did not hold up.",
                    "Member training on sound planning reasons for refusal booked before the next committee cycle.",
                ],
            ),
        ind("PL06", "Planning enforcement cases closed within 12 weeks")
            .unit("%", 1).ratio(26.0)
            .team("TP-PLN-DM", 0).also("KA3.1.1").source("Uniform enforcement module")
            .target(75.0, 65.0, 2.0).perf(0.5, 0.0, 0.5).story(Story::GapLastYear(1))
            .about("enforcement cases"),
        ind("PL07", "Footfall in Wyvern town centre")
            .contextual().unit("visits", 0)
            .team("TP-PLN-PR", 1).also("KA3.2.1").source("Town centre footfall counters")
            .free(212_000.0, 4_000.0, 6_000.0).season(30_000.0, 12),
        ind("PL08", "Vacant retail units in the district's town centres")
            .contextual().unit("%", 1).lower().quarterly().latest()
            .team("TP-PLN-PR", 1).also("KA3.2.1").source("Town centre health check survey")
            .free(12.4, -0.4, 0.3),
        ind("PL09", "New businesses given start-up support")
            .quarterly().team("TP-PLN-PR", 1).also("KA3.2.2").source("Business support CRM")
            .target(60.0, 48.0, 4.0).perf(0.6, 0.0, 0.5).tolerance(10.0, 20.0)
            .about("start-up support"),
        ind("PL10", "Claimant count (% of working-age residents)")
            .contextual().unit("%", 1).lower().latest()
            .team("TP-PLN-PR", 1).source("ONS claimant count (Nomis)")
            .free(3.1, 0.05, 0.06),
        ind("PL11", "Jobs created with Wyvern Growth Hub support")
            .partner().unit("jobs", 0).quarterly()
            .team("TP-PLN-PR", 1).also("KA3.2.2").source("Wyvern Growth Hub quarterly return")
            .target(120.0, 90.0, 10.0).perf(0.4, 0.0, 0.6)
            .about("jobs"),
        // Waste & Environmental Services: Waste (post 4, data by post 19), Street Scene
        // (post 5), Environmental Health (post 6).
        ind("WE01", "Household waste sent for reuse, recycling and composting")
            .sdl().unit("%", 1).ratio(3_300.0)
            .team("TP-WES-WR", 4).also("KA1.1.1").enterer(19).source("WasteDataFlow").bench()
            .target(50.0, 46.0, 1.0).perf(0.7, 0.1, 0.35).season(0.6, 7)
            .explain(
                &[
                    "Garden waste tonnage fell away early with the dry autumn, taking the recycling rate down with it.",
                    "Contamination rejected two loads of dry recycling at the materials recovery facility.",
                    "Food waste participation is still below the 60% modelled in the business case in the newest rounds.",
                ],
                &[
                    "Crews tagging contaminated bins with advice leaflets; repeat offenders get a visit from the recycling advisers.",
                    "Door-knocking campaign on the lowest-participation food waste rounds through the next two months.",
                    "Reviewing the autumn garden waste round schedule with the contractor.",
                ],
            ),
        ind("WE02", "Residual household waste per household")
            .sdl().unit("kg", 1).lower().quarterly()
            .team("TP-WES-WR", 4).also("KA1.1.2").enterer(19).source("WasteDataFlow").bench()
            .target(440.0, 460.0, 5.0).perf(0.6, 0.0, 0.4).season(-0.5, 12).latest_estimated()
            .explain(
                &[
                    "Residual household waste rose as food waste participation stayed below plan on the newest rounds.",
                    "More residual household waste from the rural rounds after the Christmas collections.",
                ],
                &[
                    "Door-knocking on the lowest-participation food waste rounds to cut residual household waste.",
                    "Bin-tagging campaign on side waste and overfull residual bins.",
                ],
            ),
        ind("WE03", "Missed bin collections per 100,000 collections")
            .unit("per 100,000 collections", 1).lower().ratio(192_000.0)
            .team("TP-WES-WR", 4).enterer(19).source("Bartec in-cab system")
            .target(45.0, 60.0, 2.5).perf(0.6, 0.0, 0.45).season(-0.4, 1).story(Story::RedNow)
            .explain(
                &[
                    "Three refuse vehicles off the road at once for brake repairs; rounds ran late and some streets were missed.",
                    "The new food waste rounds bedded in badly in the rural north: missed collections concentrated on six rounds.",
                    "Agency drivers covering sickness did not know the rural rounds, and bins were missed on them.",
                ],
                &[
                    "Two hire vehicles in place until the repairs are done; catch-up crews on Saturdays.",
                    "Round re-optimisation with the routing software, live from next month; supervisors riding the problem rounds.",
                    "Route sheets and in-cab maps issued to every agency driver before their first shift.",
                ],
            ),
        ind("WE04", "Fly-tipping incidents reported")
            .lower().team("TP-WES-SS", 5).also("KA1.2.1").source("Flycapture").bench()
            .target(1_500.0, 1_700.0, 50.0).perf(0.5, 0.1, 0.5).season(-0.5, 8)
            .explain(
                &[
                    "Fly-tipping reports rose with the closure of the household waste site for refurbishment.",
                    "A cluster of fly-tipping in the rural lanes, mostly builders' waste.",
                ],
                &[
                    "Cameras at the worst fly-tipping hotspots; two prosecutions under way.",
                    "Enforcement patrols and a duty-of-care campaign with local traders on fly-tipping.",
                ],
            ),
        ind("WE05", "Fly-tipping incidents cleared within 2 working days")
            .unit("%", 1).ratio(128.0)
            .team("TP-WES-SS", 5).also("KA1.2.1").source("Flycapture")
            .target(90.0, 85.0, 1.0).perf(0.7, 0.0, 0.45).story(Story::MissingNow)
            .about("fly-tipping"),
        ind("WE06", "Streets surveyed meeting the litter cleanliness standard")
            .unit("%", 0).quarterly().ratio(300.0)
            .team("TP-WES-SS", 5).also("KA1.2.1").source("Local environmental quality survey")
            .target(92.0, 88.0, 0.0).perf(0.6, 0.0, 0.5)
            .about("litter cleanliness"),
        ind("WE07", "Food premises rated 4 or 5 for food hygiene")
            .unit("%", 1).quarterly().latest()
            .team("TP-WES-EH", 6).also("KA1.2.2").source("Food Standards Agency FHRS")
            .target(90.0, 86.0, 0.5).perf(0.8, 0.0, 0.4)
            .about("food hygiene"),
        ind("WE08", "Noise complaints responded to within 3 working days")
            .unit("%", 1).ratio(64.0)
            .team("TP-WES-EH", 6).also("KA1.2.2").source("Environmental health case system")
            .target(95.0, 90.0, 0.0).perf(0.6, 0.0, 0.5)
            .about("noise complaints"),
        ind("WE09", "Council greenhouse gas emissions")
            .unit("tCO2e", 0).lower().annual()
            .team("TP-WES-EH", 6).also("KA1.3.1").source("Council carbon account")
            .target(5_200.0, 5_500.0, 300.0).perf(0.5, 0.0, 0.4)
            .explain(
                &[
                    "Emissions rose as the new leisure centre ran on gas while the heat pumps were commissioned.",
                    "Higher fleet mileage with the new food waste rounds pushed emissions up.",
                ],
                &[
                    "Heat pumps commissioned; gas boilers kept for back-up only, cutting emissions next year.",
                    "Route optimisation and two electric vehicles in the fleet to bring emissions back on track.",
                ],
            ),
        ind("WE10", "Annual mean NO2 at the worst monitoring site")
            .contextual().unit("µg/m³", 1).lower().annual().latest()
            .team("TP-WES-EH", 6).source("Air quality annual status report")
            .free(36.5, -1.1, 0.6),
        ind("WE11", "Garden waste service subscribers")
            .unit("subscribers", 0).latest()
            .team("TP-WES-WR", 4).also("KA1.1.2").enterer(19).source("Garden waste subscription system")
            .target(21_000.0, 20_000.0, 500.0).perf(0.6, 0.1, 0.4).season(-0.3, 2)
            .explain(
                &[
                    "Garden waste renewals came in slower than expected after the price rise.",
                    "Fewer new garden waste subscribers in the dry summer.",
                ],
                &[
                    "Reminder letters to lapsed garden waste subscribers; online renewal promoted.",
                    "Early-bird offer for garden waste renewals in the new year.",
                ],
            ),
    ]
}
