//! Indicators of the council itself: revenues and benefits, customer services, the
//! workforce, information governance and democracy, and finance.

use super::{Profile, Story, Template, ind};

pub fn templates() -> Vec<Template> {
    vec![
        // Revenues & Benefits: Council Tax & Business Rates (post 2), Benefits (post 3).
        ind("RB01", "Council tax collected (cumulative % of the year's debit)")
            .unit("%", 1).latest()
            .team("TP-REV-CT", 2).also("KA4.1.1").source("Revenues system collection report").bench()
            .target(97.5, 96.8, 0.1).perf(0.6, 0.0, 0.4).profile(Profile::Cumulative)
            .about("council tax"),
        ind("RB02", "Business rates collected (cumulative % of the year's debit)")
            .unit("%", 1).latest()
            .team("TP-REV-CT", 2).also("KA4.1.1").source("Revenues system collection report")
            .target(98.2, 97.2, 0.0).perf(0.5, 0.0, 0.5).profile(Profile::Cumulative)
            .about("business rates"),
        ind("RB03", "Average days to process new Housing Benefit and Council Tax Reduction claims")
            .sdl().unit("days", 1).lower().mean()
            .team("TP-REV-BN", 3).also("KA4.1.1").source("DWP Single Housing Benefit Extract").bench()
            .target(20.0, 24.0, 1.0).perf(0.6, 0.0, 0.45).season(-0.4, 4)
            .about("claims"),
        ind("RB04", "Average days to process changes of circumstances")
            .sdl().unit("days", 1).lower().mean()
            .team("TP-REV-BN", 3).source("DWP Single Housing Benefit Extract").bench()
            .target(8.0, 10.0, 0.5).perf(0.7, 0.0, 0.45).season(-0.5, 4)
            .about("changes of circumstances"),
        ind("RB05", "Council Tax Reduction claimants")
            .unit("claimants", 0).data_only().latest()
            .team("TP-REV-BN", 3).source("Benefits system")
            .free(6_800.0, -40.0, 30.0),
        ind("RB06", "Housing Benefit overpayments recovered")
            .unit("£", 0).quarterly()
            .team("TP-REV-BN", 3).also("KA4.1.1").source("Benefits system debt report")
            .target(400_000.0, 340_000.0, 10_000.0).perf(0.4, 0.0, 0.5).tolerance(5.0, 15.0)
            .about("overpayments"),
        ind("RB07", "Benefit claims checked and found free of error")
            .unit("%", 1).ratio(60.0)
            .team("TP-REV-BN", 3).source("Quality assurance checks")
            .target(95.0, 92.0, 0.0).perf(0.6, 0.0, 0.5)
            .about("benefit claims"),
        ind("FN06", "Rateable value of business premises in the district")
            .unit("£m", 2).data_only().quarterly().latest()
            .team("TP-REV-CT", 2).source("VOA rating list")
            .free(96.5, 0.8, 0.3),
        // Customer Services: Contact Centre (post 11), Digital (post 12).
        ind("CS01", "Calls answered within 60 seconds")
            .unit("%", 1).ratio(9_400.0)
            .team("TP-CUS-CC", 11).also("KA4.2.1").enterer(12).source("Telephony system")
            .target(80.0, 70.0, 0.0).perf(0.6, -0.35, 0.45).season(-0.5, 3).story(Story::RedNow)
            .explain(
                &[
                    "Call volumes 18% up on last year after the garden waste renewal letters and the new bin calendar went out.",
                    "Four advisers on long-term sickness and two vacancies left too few to answer calls; the team is a quarter below establishment.",
                    "A telephony outage on two days sent calls into the queue with no callback option.",
                ],
                &[
                    "Temporary advisers from the agency framework for twelve weeks; peak-hour rota changed.",
                    "Callback and web-chat deflection on the garden waste line; online renewal promoted on the holding message.",
                    "Supplier service credit claimed; resilience test of the telephony platform booked.",
                ],
            ),
        ind("CS02", "Avoidable contact (share of contacts that were avoidable)")
            .unit("%", 1).lower().ratio(1_200.0)
            .team("TP-CUS-CC", 11).also("KA4.2.1").source("Contact sampling")
            .target(20.0, 25.0, 1.0).perf(0.6, 0.1, 0.45)
            .about("avoidable contact"),
        ind("CS03", "Transactions completed online")
            .unit("%", 1).ratio(14_500.0)
            .team("TP-CUS-DG", 12).also("KA4.2.1").enterer(11).source("Customer portal analytics")
            .target(60.0, 55.0, 3.0).perf(0.6, 0.2, 0.4)
            // The customer portal went live in October 2025: collected from then.
            .collecting_from("2025-10")
            .about("transactions"),
        ind("CS04", "Complaints answered within 10 working days")
            .unit("%", 1).ratio(46.0)
            .team("TP-CUS-CC", 11).also("KA4.2.2").source("Complaints system")
            .target(90.0, 80.0, 0.0).perf(0.6, 0.0, 0.5)
            .about("complaints"),
        ind("CS05", "Callers satisfied with the contact centre (post-call survey)")
            .unit("%", 1).ratio(620.0)
            .team("TP-CUS-CC", 11).source("Post-call survey")
            .target(85.0, 80.0, 0.0).perf(0.7, 0.0, 0.4).story(Story::MissingNow)
            .about("callers"),
        ind("CS06", "Complaints upheld by the Local Government and Social Care Ombudsman")
            .lower().annual()
            .team("TP-LDS-IG", 15).also("KA4.2.2").source("LGSCO annual review letter")
            .target(2.0, 4.0, 0.0).perf(0.3, 0.0, 0.5)
            .explain(
                &[
                    "The Ombudsman upheld more complaints than planned, mostly about delays in handling housing and planning cases.",
                    "Two upheld complaints found the council slow to act on earlier promises to the complainant.",
                ],
                &[
                    "Each upheld complaint reviewed with the service; remedies completed within the Ombudsman's deadlines.",
                    "Complaint handling training for link officers in the services with upheld complaints.",
                ],
            ),
        // HR & OD: HR & Payroll (post 13), Learning & OD (post 14).
        ind("HR01", "Working days lost to sickness absence per FTE")
            .unit("days", 2).lower()
            .team("TP-HRO-HR", 13).also("KA4.3.1").enterer(14).source("HR and payroll system").bench()
            .target(8.5, 9.5, 0.25).perf(0.5, 0.0, 0.45).season(-0.7, 1)
            .explain(
                &[
                    "Sickness absence rose with seasonal illness and a small number of long-term cases.",
                    "Long-term sickness absence in the depot teams drove the figure up.",
                ],
                &[
                    "Occupational health referrals made earlier; managers reminded of the sickness absence policy triggers.",
                    "Return-to-work plans agreed for every long-term case; sickness absence reported monthly to Management Board.",
                ],
            ),
        ind("HR02", "Voluntary staff turnover (% of headcount leaving in the quarter)")
            .unit("%", 1).lower().quarterly().ratio(312.0)
            .team("TP-HRO-HR", 13).source("HR and payroll system")
            .target(3.0, 4.0, 0.0).perf(0.5, 0.0, 0.5)
            .explain(
                &[
                    "Turnover rose as staff left hard-to-recruit roles for better-paid posts nearby.",
                    "Higher turnover in the contact centre and the depot than in the rest of the council.",
                ],
                &[
                    "Exit interviews analysed by service; market supplement approved for the hardest-to-fill posts.",
                    "Turnover hot spots reviewed with heads of service; career paths offered for front-line roles.",
                ],
            ),
        ind("HR03", "Staff appraisals completed")
            .unit("%", 0).annual().ratio(305.0)
            .team("TP-HRO-OD", 14).source("Learning management system")
            .target(95.0, 85.0, 0.0).perf(0.4, 0.0, 0.5)
            .about("appraisals"),
        ind("HR04", "Spend on agency staff")
            .unit("£", 0).lower()
            .team("TP-HRO-HR", 13).also("KA4.3.1").source("Finance ledger")
            .target(540_000.0, 600_000.0, 20_000.0).perf(0.4, 0.0, 0.6).story(Story::GapLastYear(2))
            .explain(
                &[
                    "Spend on agency staff rose to cover vacancies in planning and environmental health.",
                    "Agency staff covered long-term sickness in the depot for most of the period.",
                ],
                &[
                    "Recruitment campaign for the vacant posts; every agency staff booking now needs director approval.",
                    "Agency spend reviewed monthly at Management Board until back within budget.",
                ],
            ),
        ind("HR05", "Staff in post (full-time equivalent)")
            .unit("FTE", 1).data_only().latest()
            .team("TP-HRO-HR", 13).source("HR and payroll system")
            .free(298.4, 2.5, 1.2),
        ind("HR06", "Staff up to date with mandatory training")
            .unit("%", 1).quarterly().latest()
            .team("TP-HRO-OD", 14).source("Learning management system")
            .target(95.0, 90.0, 0.0).perf(0.5, 0.0, 0.5)
            .about("mandatory training"),
        // Legal & Democratic: Information Governance (post 15), Democratic Services (post 16).
        ind("LD01", "Freedom of information requests answered within 20 working days")
            .unit("%", 1).ratio(84.0)
            .team("TP-LDS-IG", 15).also("KA4.2.2").source("FOI case system").bench()
            .target(95.0, 90.0, 0.0).perf(0.5, 0.0, 0.5)
            .about("freedom of information requests"),
        ind("LD02", "Subject access requests answered within one month")
            .unit("%", 1).quarterly().ratio(19.0)
            .team("TP-LDS-IG", 15).source("FOI case system")
            .target(95.0, 85.0, 0.0).perf(0.6, 0.0, 0.5)
            .about("subject access requests"),
        ind("LD03", "Committee agendas published five clear working days before the meeting")
            .unit("%", 0).quarterly().ratio(26.0)
            .team("TP-LDS-DS", 16).source("Committee management system")
            .target(100.0, 95.0, 0.0).perf(0.2, 0.0, 0.35)
            .about("committee agendas"),
        ind("LD04", "Households responding to the annual electoral canvass")
            .unit("%", 1).annual().ratio(46_800.0)
            .team("TP-LDS-DS", 16).source("Electoral management system")
            .target(92.0, 88.0, 0.0).perf(0.5, 0.0, 0.5)
            .about("electoral canvass"),
        ind("LD05", "Land charge searches returned within 10 working days")
            .unit("%", 1).ratio(142.0)
            .team("TP-LDS-IG", 15).source("Land charges register")
            .target(95.0, 90.0, 0.0).perf(0.5, 0.0, 0.5).story(Story::MissingNow)
            .about("land charge searches"),
        // Finance: Exchequer (post 17), Accountancy (post 18).
        ind("FN01", "Undisputed invoices paid within 30 days")
            .unit("%", 1).ratio(1_650.0)
            .team("TP-FIN-EX", 17).also("KA4.1.2").source("Finance system creditor report").bench()
            .target(97.0, 95.0, 0.5).perf(0.6, 0.0, 0.45)
            .about("invoices"),
        ind("FN02", "Sundry debt more than 90 days old")
            .unit("£", 0).lower().latest()
            .team("TP-FIN-EX", 17).also("KA4.1.1").source("Finance system aged debt report")
            .target(350_000.0, 420_000.0, 10_000.0).perf(0.5, 0.0, 0.5)
            .about("sundry debt"),
        ind("FN03", "General Fund forecast variance (% of net budget; negative is underspend)")
            .unit("%", 1).lower().quarterly().latest().signed()
            .team("TP-FIN-AC", 18).also("KA4.1.2").source("Budget monitoring report")
            .target(0.0, 2.0, 0.0).perf(0.4, 0.0, 0.4)
            .about("forecast variance"),
        ind("FN04", "Savings delivered against the medium-term financial plan")
            .unit("£", 0).quarterly()
            .team("TP-FIN-AC", 18).also("KA4.1.2").source("Budget monitoring report")
            .target(1_200_000.0, 1_000_000.0, 100_000.0).perf(0.4, 0.0, 0.5)
            .about("savings"),
        ind("FN05", "General Fund unallocated reserve (lowest in the period)")
            .unit("£m", 2).min()
            .team("TP-FIN-AC", 18).source("Treasury management records")
            .target(4.0, 3.5, 0.0).perf(0.8, 0.0, 0.4)
            .about("reserve"),
    ]
}
