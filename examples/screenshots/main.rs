//! Renders each tab of the interface on the demo council to SVG pictures in
//! `screenshots/`: `cargo run --example screenshots`. Today is pinned to 2026-11-24 and
//! the login to `perf` (an officer, `zcampbell`, for the Entry tab), so the pictures
//! change only when the interface does.

mod svg;

use std::path::Path;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use pmdb::store::Store;
use pmdb::tui::{App, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const LOGIN: &str = "perf";

/// An officer's commentary as officers write it: a paragraph of 300 characters.
const PARAGRAPH: &str = "Two advisers have been on long-term sickness absence since August \
and the agency cover we booked started three weeks late, so callers waited longer and fewer \
cases closed; both posts are now covered until March and the backlog of 140 cases is \
falling by about forty a week: back on target by January.";

fn keys(app: &mut App, keys: &str) {
    for c in keys.chars() {
        let code = match c {
            '\n' => KeyCode::Enter,
            '\x1b' => KeyCode::Esc,
            '\t' => KeyCode::Tab,
            c => KeyCode::Char(c),
        };
        app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
    }
}

fn shoot(app: &App, name: &str, w: u16, h: u16) -> anyhow::Result<()> {
    let mut t = Terminal::new(TestBackend::new(w, h))?;
    t.draw(|f| pmdb::tui::draw(f, app))?;
    let path = Path::new("screenshots").join(format!("{name}.svg"));
    std::fs::write(&path, svg::render(t.backend().buffer()))?;
    println!("wrote {}", path.display());
    Ok(())
}

fn main() -> anyhow::Result<()> {
    let today = "2026-11-24".parse()?;
    let dir = tempfile::tempdir()?;
    let db = dir.path().join("demo.db");
    pmdb::demo::build_demo(&db, LOGIN, today, 1)?;
    std::fs::create_dir_all("screenshots")?;
    let open = || App::with_theme(Store::open(&db, LOGIN)?, today, Theme::COLOUR);

    let mut app = open()?;
    keys(&mut app, "jjl");
    shoot(&app, "plan", 120, 40)?;
    shoot(&app, "plan-80x24", 80, 24)?;
    // An indicator's detail and chart, found with the filter.
    keys(&mut app, "/WE01\nG");
    shoot(&app, "plan-indicator", 120, 40)?;
    keys(&mut app, "?");
    shoot(&app, "help", 120, 40)?;

    // A service plan's finance on the detail pane: budget to date, actual, variance and the
    // forecast outturn against the annual budget.
    let mut app = open()?;
    keys(&mut app, "/SP-HRO\nG");
    shoot(&app, "plan-finance", 120, 40)?;
    // Next year's targets on the Entry tab in the spring (20 February 2027), as Sarah
    // Jenkins sees hers, and the proposal form for the first.
    let spring = "2027-02-20".parse()?;
    let mut app = App::with_theme(Store::open(&db, "sjenkins")?, spring, Theme::COLOUR)?;
    keys(&mut app, "2t");
    shoot(&app, "entry-targets", 120, 40)?;
    keys(
        &mut app,
        "\n80\t95\tThe second leasing scheme adds 30 homes by June: 80 households at the year's \
         end is within reach if lettings recover by the spring.",
    );
    shoot(&app, "entry-target-form", 120, 40)?;
    // An indicator's year-end forecast, labelled, below its status.
    let mut app = open()?;
    keys(&mut app, "/HS02\nG");
    for _ in 0..2 {
        app.handle_key(KeyEvent::new(KeyCode::PageDown, KeyModifiers::NONE));
    }
    shoot(&app, "plan-forecast", 120, 40)?;

    // Entry as an officer sees it: Zoe Campbell has a red value and a missing one.
    let mut app = App::with_theme(Store::open(&db, "zcampbell")?, today, Theme::COLOUR)?;
    keys(&mut app, "2");
    shoot(&app, "entry", 120, 40)?;
    keys(
        &mut app,
        "jjjj\n79\t100\tTwo advisers on long-term sick leave",
    );
    shoot(&app, "entry-edit", 120, 40)?;
    // A paragraph of commentary (300 characters) wraps by word in its box at 80×24.
    let mut app = App::with_theme(Store::open(&db, "zcampbell")?, today, Theme::COLOUR)?;
    keys(&mut app, "2jjjj\n79\t100\t");
    keys(&mut app, PARAGRAPH);
    shoot(&app, "entry-commentary-80x24", 80, 24)?;

    // The rest of an officer's return: Imran Qureshi's indicators, then ACT-17, whose
    // October update is missing; its update, at risk, with the commentary that needs.
    let mut app = App::with_theme(Store::open(&db, "iqureshi")?, today, Theme::COLOUR)?;
    keys(&mut app, "2jjjj");
    shoot(&app, "entry-return", 120, 40)?;
    keys(
        &mut app,
        "\na\t\t\tTwo inspectors vacant; agency cover booked from December",
    );
    shoot(&app, "entry-update", 120, 40)?;

    // The performance team choose an officer by typing part of a name.
    let mut app = open()?;
    keys(&mut app, "2o");
    keys(&mut app, "pat");
    shoot(&app, "entry-officers", 80, 24)?;
    keys(&mut app, "\n");
    shoot(&app, "entry-80x24", 80, 24)?;

    let mut app = open()?;
    keys(&mut app, "3");
    shoot(&app, "exceptions", 120, 40)?;
    keys(&mut app, "\n");
    shoot(&app, "exceptions-projector", 120, 40)?;
    shoot(&app, "exceptions-projector-80x24", 80, 24)?;

    // The Management Board's own outcome on HS01, escalated by PPG: recorded apart from
    // PPG's decision, which stays as it was.
    let mut app = open()?;
    keys(&mut app, "3jjjo");
    keys(
        &mut app,
        "Management Board approved a second prevention officer from the homelessness reserve.",
    );
    shoot(&app, "exceptions-outcome", 120, 40)?;
    shoot(&app, "exceptions-outcome-80x24", 80, 24)?;

    // Zoe Campbell's narrative for CS01's quarter, the words Cabinet reads.
    let mut app = App::with_theme(Store::open(&db, "zcampbell")?, today, Theme::COLOUR)?;
    keys(&mut app, "2n");
    keys(&mut app, PARAGRAPH);
    shoot(&app, "entry-narrative-80x24", 80, 24)?;

    // At the meeting: every agreed item of the next PPG's agenda closed at once; the
    // minutes of October's PPG (eight meetings back), as pmdb minutes writes them.
    let mut app = open()?;
    keys(&mut app, "3C");
    keys(&mut app, "Actions confirmed complete at the November PPG.");
    shoot(&app, "exceptions-close-agreed", 120, 40)?;
    let mut app = open()?;
    keys(&mut app, "3mmmmmmmmM");
    shoot(&app, "exceptions-minutes", 120, 40)?;

    // Scrutiny's request recorded at the meeting: the asking board, the subject, the
    // request, its owner and due date.
    let mut app = open()?;
    keys(&mut app, "3R\tHS01\t");
    keys(
        &mut app,
        "Report to the January panel how many households placed out of the district have returned.",
    );
    keys(&mut app, "\tsjen\t31/01/2027");
    shoot(&app, "exceptions-request", 120, 40)?;

    // Simon Clarke's narrative for his priority, Homes and communities, for the quarter.
    let mut app = App::with_theme(Store::open(&db, "sclarke")?, today, Theme::COLOUR)?;
    keys(&mut app, "/PR2\njn");
    keys(
        &mut app,
        "Temporary accommodation is the quarter's pressure: 93 households against 65, as \
         lettings slow; the prevention fund is doubled and landlord incentives run to March.",
    );
    shoot(&app, "plan-narrative", 120, 40)?;

    // The case studies of 2025/26, chosen and not, and one's story.
    let mut app = open()?;
    keys(&mut app, "[[[[[[[c");
    shoot(&app, "plan-case-studies", 120, 40)?;

    // Leadership Team's sign-off of the quarter shown (already signed off in the demo:
    // the dialog shows the sign-off on record and what it froze).
    let mut app = open()?;
    keys(&mut app, "4S");
    shoot(&app, "rollup-signoff", 120, 40)?;
    // A portfolio holder's Rollup opens on their own portfolio.
    let mut app = App::with_theme(Store::open(&db, "cllrhollis")?, today, Theme::COLOUR)?;
    keys(&mut app, "4");
    shoot(&app, "rollup-holder-80x24", 80, 24)?;

    let mut app = open()?;
    keys(&mut app, "4");
    shoot(&app, "rollup", 120, 40)?;
    keys(&mut app, "\n");
    shoot(&app, "rollup-drill", 120, 40)?;

    // Delivery: the actions with ACT-27, overdue since 20 October, selected; then the
    // risks with the heat map and RSK-03, its review overdue.
    let mut app = open()?;
    keys(&mut app, "5jjjjjjjjjj");
    shoot(&app, "delivery", 120, 40)?;
    keys(&mut app, "lljj");
    shoot(&app, "delivery-risks", 120, 40)?;
    shoot(&app, "delivery-risks-80x24", 80, 24)?;
    Ok(())
}
