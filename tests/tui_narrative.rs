//! The Entry tab's quarter narrative: on the demo council (today 2026-11-24, October due),
//! an officer who owns a monthly indicator presses `n` on it and writes the commentary and
//! remedial action Cabinet reads for 2026/27 Q3, saved as `pmdb comment` saves it; a
//! quarterly indicator and a signed-off quarter are refused naming why, nothing written;
//! the boxes wrap the officer's paragraph at 80×24 and 120×40. The editor's Period field
//! steps to the quarter's year (`←`/`→`), and the Plan tab's `n` writes a priority's
//! narrative, which heads its section of the year's report; refused cases write nothing.

mod common;
mod tui_support;

use crossterm::event::KeyCode;
use pmdb::domain::narrative::Subject;
use pmdb::store::Store;
use pmdb::tui::App;
use pmdb::tui::components::theme::Theme;
use tui_support::{ctrl, demo, demo_today, entry_as, flat, go_to, hit, press, text, typing};

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

const WORDS: &str = "Households in temporary accommodation rose in October as section 21 \
notices kept coming; two new leased homes come in December, and move-on lets are agreed \
weekly with the housing associations.";

fn narratives(path: &std::path::Path) -> Vec<(Subject, String, String, String, String)> {
    rows(path)
        .into_iter()
        .map(|(subject, code, period, commentary, _, who, _)| {
            (subject, code, period, commentary, who)
        })
        .collect()
}

#[test]
fn an_owner_writes_the_quarters_narrative_with_n() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo(dir.path());
    let before = narratives(&path).len();
    let mut app = entry_as(&path, "sjenkins");
    go_to(&mut app, "HS01");
    typing(&mut app, "n");
    for (w, h) in SIZES {
        let screen = flat(&app, w, h);
        assert!(
            screen.contains("Narrative HS01 · 2026/27 Q3"),
            "{}",
            text(&app, w, h)
        );
        assert!(screen.contains("Commentary for the quarter"), "{screen}");
        assert!(
            screen.contains("No narrative yet: the 2026/27 Q3 report shows"),
            "{screen}"
        );
    }
    typing(&mut app, WORDS);
    // The paragraph shows whole, first word to last, wrapped, at both sizes.
    for (w, h) in SIZES {
        let screen = flat(&app, w, h);
        assert!(
            screen.contains("Households in temporary accommodation rose in October"),
            "{}",
            text(&app, w, h)
        );
        assert!(
            screen.contains("weekly with the housing associations."),
            "{}",
            text(&app, w, h)
        );
    }
    press(&mut app, KeyCode::Tab);
    typing(&mut app, "Two more leased homes; weekly voids meeting.");
    hit(&mut app, ctrl('s'));
    assert!(app.entry.narrative.is_none(), "{}", text(&app, 120, 40));
    assert!(
        flat(&app, 120, 40).contains("Saved the 2026/27 Q3 narrative of HS01"),
        "{}",
        text(&app, 120, 40)
    );
    let all = narratives(&path);
    assert_eq!(all.len(), before + 1);
    assert!(all.contains(&(
        Subject::Indicator,
        "HS01".to_string(),
        "2026/27 Q3".to_string(),
        WORDS.to_string(),
        "sjenkins".to_string()
    )));
    // Opened again, it holds what was written, by whom.
    typing(&mut app, "n");
    let screen = flat(&app, 120, 40);
    assert!(screen.contains("Written by sjenkins on"), "{screen}");
    assert!(
        screen.contains("Two more leased homes; weekly voids meeting."),
        "{screen}"
    );
}

#[test]
fn a_signed_off_quarter_and_a_quarterly_indicator_are_refused_naming_why() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo(dir.path());
    let before = narratives(&path);
    let mut app = entry_as(&path, "sjenkins");
    go_to(&mut app, "HS01");
    // Back to September: 2026/27 Q2, signed off.
    typing(&mut app, "[");
    typing(&mut app, "n");
    assert!(app.entry.narrative.is_none());
    for (w, h) in SIZES {
        assert!(
            flat(&app, w, h).contains("2026/27 Q2"),
            "{}",
            text(&app, w, h)
        );
    }
    assert!(
        flat(&app, 120, 40).contains("signed off"),
        "{}",
        text(&app, 120, 40)
    );
    let mut app = entry_as(&path, "pwhitehead");
    go_to(&mut app, "HS07");
    typing(&mut app, "n");
    assert!(app.entry.narrative.is_none());
    assert!(
        flat(&app, 120, 40).contains("HS07 is a quarterly indicator"),
        "{}",
        text(&app, 120, 40)
    );
    assert_eq!(narratives(&path), before);
}

/// Every narrative as a row: (subject, code, period, commentary, action, who, when).
type Row = (Subject, String, String, String, String, String, String);

fn rows(path: &std::path::Path) -> Vec<Row> {
    Store::open(path, "perf")
        .unwrap()
        .narratives()
        .unwrap()
        .into_iter()
        .map(|n| {
            (
                n.subject,
                n.code,
                n.period.to_string(),
                n.commentary,
                n.action,
                n.written_by,
                n.written_at,
            )
        })
        .collect()
}

/// Asserts the one row of `code` for `period` holds `want` (subject, commentary, action,
/// who), written within `since`..now.
fn written(
    path: &std::path::Path,
    (code, period): (&str, &str),
    want: (Subject, &str, &str, &str),
    since: chrono::DateTime<chrono::Utc>,
) {
    let found: Vec<Row> = rows(path)
        .into_iter()
        .filter(|r| r.1 == code && r.2 == period)
        .collect();
    assert_eq!(found.len(), 1, "{found:?}");
    let row = found[0].clone();
    let at = pmdb::stamp::parse(&row.6).unwrap_or_else(|| panic!("a stamp: {}", row.6));
    let now = chrono::Utc::now();
    assert!(
        at >= since - chrono::Duration::seconds(1) && at <= now + chrono::Duration::seconds(1),
        "{} not between {since} and {now}",
        row.6
    );
    assert_eq!(
        (row.0, row.3.as_str(), row.4.as_str(), row.5.as_str()),
        want
    );
}

/// Both sizes show every one of `parts`.
fn shows(app: &App, parts: &[&str]) {
    for (w, h) in SIZES {
        let screen = flat(app, w, h);
        for part in parts {
            assert!(
                screen.contains(part),
                "{w}x{h}: {part}\n{}",
                text(app, w, h)
            );
        }
    }
}

const YEAR_WORDS: &str = "Over the year, households in temporary accommodation (TA) rose by a \
third; #1 cause: section 21 notices.";

#[test]
fn the_editor_steps_to_the_year_and_writes_the_years_narrative() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo(dir.path());
    let before = rows(&path);
    let since = chrono::Utc::now();
    let mut app = entry_as(&path, "sjenkins");
    go_to(&mut app, "HS01");
    typing(&mut app, "n");
    shows(
        &app,
        &["Narrative HS01 · 2026/27 Q3", "Commentary for the quarter"],
    );
    // Tab to the Period field, → to the year, ← back to the quarter, → to the year.
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    shows(
        &app,
        &["Period", "◀ 2026/27 Q3 ▶", "←/→ the quarter or the year"],
    );
    press(&mut app, KeyCode::Right);
    shows(
        &app,
        &[
            "Narrative HS01 · 2026/27 ",
            "◀ 2026/27 ▶",
            "Commentary for the year",
        ],
    );
    press(&mut app, KeyCode::Left);
    shows(&app, &["◀ 2026/27 Q3 ▶"]);
    press(&mut app, KeyCode::Right);
    // Letters typed on the Period field are not typed anywhere.
    typing(&mut app, "xyz");
    shows(&app, &["◀ 2026/27 ▶"]);
    press(&mut app, KeyCode::Tab);
    typing(&mut app, YEAR_WORDS);
    press(&mut app, KeyCode::Tab);
    typing(&mut app, "Leased homes programme extended.");
    shows(
        &app,
        &[
            "Commentary for the year",
            "Leased homes programme extended.",
        ],
    );
    hit(&mut app, ctrl('s'));
    assert!(app.entry.narrative.is_none(), "{}", text(&app, 120, 40));
    shows(&app, &["Saved the 2026/27 narrative of HS01"]);
    written(
        &path,
        ("HS01", "2026/27"),
        (
            Subject::Indicator,
            YEAR_WORDS,
            "Leased homes programme extended.",
            "sjenkins",
        ),
        since,
    );
    assert_eq!(rows(&path).len(), before.len() + 1);
    // The quarter's narrative was not touched.
    assert!(
        !rows(&path)
            .iter()
            .any(|r| r.1 == "HS01" && r.2 == "2026/27 Q3")
    );
}

/// The app as `login` on the Plan tab (where it opens), on the demo's day.
fn plan_as(path: &std::path::Path, login: &str) -> App {
    let app = App::with_theme(
        Store::open(path, login).unwrap(),
        demo_today(),
        Theme::COLOUR,
    )
    .unwrap();
    assert_eq!(app.tab, pmdb::tui::Tab::Plan);
    app
}

/// Moves the Plan tab's cursor down to the plan node `code`.
fn to_node(app: &mut App, code: &str) {
    for _ in 0..200 {
        if app.plan.selected().map(|r| r.code.as_str()) == Some(code) {
            return;
        }
        press(app, KeyCode::Down);
    }
    panic!("no node {code}:\n{}", text(app, 120, 40));
}

const PRIORITY_WORDS: &str = "Homes and communities held up over the year: 11 of 14 indicators \
green; temporary accommodation is the exception.";

#[test]
fn a_priority_owner_writes_its_years_narrative_on_the_plan_tab_and_the_report_shows_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo(dir.path());
    let before = rows(&path);
    let since = chrono::Utc::now();
    let mut app = plan_as(&path, "sclarke");
    to_node(&mut app, "PR2");
    typing(&mut app, "n");
    shows(
        &app,
        &[
            "Narrative PR2 · 2026/27 Q3",
            "Priority: Homes and communities",
            "No narrative yet",
        ],
    );
    press(&mut app, KeyCode::BackTab);
    press(&mut app, KeyCode::Right);
    shows(
        &app,
        &["Narrative PR2 · 2026/27 ", "Commentary for the year"],
    );
    press(&mut app, KeyCode::Tab);
    typing(&mut app, PRIORITY_WORDS);
    press(&mut app, KeyCode::Tab);
    typing(&mut app, "Two leased schemes open in December.");
    hit(&mut app, ctrl('s'));
    assert!(app.plan.narrative.is_none(), "{}", text(&app, 120, 40));
    shows(&app, &["Saved the 2026/27 narrative of PR2"]);
    written(
        &path,
        ("PR2", "2026/27"),
        (
            Subject::Plan,
            PRIORITY_WORDS,
            "Two leased schemes open in December.",
            "sclarke",
        ),
        since,
    );
    assert_eq!(rows(&path).len(), before.len() + 1);
    // The year's report heads the priority's section with it.
    let store = Store::open(&path, "perf").unwrap();
    let ds = store.dataset().unwrap();
    let report = pmdb::query::report::markdown(
        &ds,
        "2026/27".parse().unwrap(),
        pmdb::query::rollup::GroupBy::Priority,
        ds.context(demo_today()),
    );
    let section = report
        .split("\n## Homes and communities\n")
        .nth(1)
        .unwrap_or_else(|| panic!("{report}"));
    let head: String = section.lines().take(6).collect::<Vec<_>>().join("\n");
    assert!(
        head.contains(&format!(
            "2026/27: {}",
            pmdb::query::markdown_text::md(PRIORITY_WORDS)
        )),
        "{head}"
    );
    assert!(
        head.contains("Remedial action: Two leased schemes open in December."),
        "{head}"
    );
    // Opened again on the year, it holds what was written, by whom.
    typing(&mut app, "n");
    press(&mut app, KeyCode::BackTab);
    press(&mut app, KeyCode::Right);
    shows(
        &app,
        &[
            "Written by sclarke on",
            "Two leased schemes open in December.",
        ],
    );
}

#[test]
fn the_performance_team_writes_any_nodes_and_others_are_told_why_before_any_field() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo(dir.path());
    let before = rows(&path);
    // Another priority's owner: told why, no editor, nothing written.
    let mut app = plan_as(&path, "sjenkins");
    to_node(&mut app, "PR2");
    typing(&mut app, "n");
    assert!(app.plan.narrative.is_none());
    shows(&app, &["PR2"]);
    assert!(!flat(&app, 120, 40).contains("Narrative PR2"));
    assert!(
        flat(&app, 120, 40).contains("sclarke"),
        "{}",
        text(&app, 120, 40)
    );
    // Q2, signed off: refused naming it, for the performance team too.
    let mut app = plan_as(&path, "perf");
    to_node(&mut app, "PR1");
    typing(&mut app, "[");
    typing(&mut app, "n");
    assert!(app.plan.narrative.is_none());
    shows(&app, &["2026/27 Q2"]);
    assert!(
        flat(&app, 120, 40).contains("signed off"),
        "{}",
        text(&app, 120, 40)
    );
    assert_eq!(rows(&path), before);
    // October's quarter, Q3: the performance team writes the priority's narrative.
    let since = chrono::Utc::now();
    typing(&mut app, "]");
    typing(&mut app, "n");
    shows(
        &app,
        &[
            "Narrative PR1 · 2026/27 Q3",
            "Priority: A greener Wyvern Vale",
        ],
    );
    typing(&mut app, "Recycling up; fly-tipping cases down a fifth.");
    // Esc with something typed asks first; `n` keeps it open.
    press(&mut app, KeyCode::Esc);
    typing(&mut app, "n");
    hit(&mut app, ctrl('s'));
    shows(&app, &["Saved the 2026/27 Q3 narrative of PR1"]);
    written(
        &path,
        ("PR1", "2026/27 Q3"),
        (
            Subject::Plan,
            "Recycling up; fly-tipping cases down a fifth.",
            "",
            "perf",
        ),
        since,
    );
    // Hostile text on screen stays text: no escape reaches the terminal.
    typing(&mut app, "n");
    typing(&mut app, "\u{1b}[2J\u{9b}31m");
    for (w, h) in SIZES {
        let screen = flat(&app, w, h);
        assert!(
            !screen.contains('\u{1b}') && !screen.contains('\u{9b}'),
            "{screen}"
        );
    }
}

#[test]
fn a_refusal_on_saving_is_named_in_the_editor_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo(dir.path());
    let before = rows(&path);
    let mut app = plan_as(&path, "sclarke");
    to_node(&mut app, "PR2");
    typing(&mut app, "n");
    typing(&mut app, "Written while PR2 passed to someone else.");
    // Meanwhile, from around pmdb, PR2 passes to revans.
    common::writer(&path, "perf")
        .execute(
            "UPDATE plan_nodes SET owner = 'revans' WHERE code = 'PR2'",
            [],
        )
        .unwrap();
    hit(&mut app, ctrl('s'));
    // The store refuses: the editor stays open with what was typed, saying why.
    assert!(app.plan.narrative.is_some(), "{}", text(&app, 120, 40));
    shows(&app, &["Written while PR2 passed to someone else."]);
    for (w, h) in SIZES {
        let why = tui_support::line_with(&app, w, h, "✗ ");
        assert!(why.contains("PR2"), "{w}x{h}: {why}\n{}", text(&app, w, h));
    }
    assert_eq!(rows(&path), before);
}
