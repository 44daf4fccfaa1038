//! The Delivery tab on the demo council (today 2026-11-24, login `perf`): its four lists
//! with the figures `query::delivery` judges, the heat map, the record of an item, period
//! stepping, the filter and the counts of rows above and below, at 80×24 and 120×40.

mod tui_support;

use crossterm::event::KeyCode;
use pmdb::domain::period::Period;
use pmdb::query::delivery::risk_heat_map;
use pmdb::store::{Dataset, Store};
use pmdb::tui::{App, Tab, Theme};
use ratatui::style::Color;
use tui_support::{buffer, flat, line_with, press, screen, text, typing};

const LOGIN: &str = "perf";
const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

fn today() -> chrono::NaiveDate {
    "2026-11-24".parse().unwrap()
}

fn october() -> Period {
    "2026-10".parse().unwrap()
}

fn demo(dir: &std::path::Path) -> (std::path::PathBuf, Dataset) {
    let path = dir.join("demo.db");
    pmdb::demo::build_demo(&path, LOGIN, today(), 1).unwrap();
    let ds = Store::open(&path, LOGIN).unwrap().dataset().unwrap();
    (path, ds)
}

/// The app on the Delivery tab.
fn open(path: &std::path::Path, theme: Theme) -> App {
    let mut app = App::with_theme(Store::open(path, LOGIN).unwrap(), today(), theme).unwrap();
    typing(&mut app, "5");
    assert_eq!(app.tab, Tab::Delivery);
    app
}

/// `/`, the text, `Enter`: the filter kept.
fn filter(app: &mut App, text: &str) {
    typing(app, "/");
    typing(app, text);
    press(app, KeyCode::Enter);
}

/// The rows of the list as drawn: below its header, above its bottom border, without the
/// selected row's full title.
fn list_lines(app: &App, w: u16, h: u16) -> Vec<String> {
    screen(app, w, h)
        .into_iter()
        .skip(4)
        .take_while(|l| !l.starts_with('└'))
        .filter(|l| !l.contains('▶'))
        .filter(|l| !l.trim_matches(['│', ' ']).is_empty())
        .collect()
}

/// The count in "↓ 22 more" or "↑ 3 more" on the screen, if any.
fn more(app: &App, w: u16, h: u16, arrow: &str) -> Option<usize> {
    let t = text(app, w, h);
    let at = t.find(&format!("{arrow} "))?;
    t[at + arrow.len() + 1..]
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}

#[test]
fn the_tab_opens_on_the_month_now_due_and_is_in_the_tab_cycle() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = demo(dir.path());
    let mut app = open(&path, Theme::COLOUR);
    assert_eq!(app.delivery.period, october());
    for (w, h) in SIZES {
        let top = &screen(&app, w, h)[0];
        assert!(top.contains(" 5 Delivery "), "{top}");
        let f = flat(&app, w, h);
        assert!(f.contains("Actions · 2026-10"), "{f}");
        // The register's 16 risks, the two projects' own and the two opportunities.
        assert!(f.contains("Actions 28 Projects 6 Risks 20 EIAs 8"), "{f}");
        assert!(f.contains("period 2026-10"), "{f}");
    }
    // Tab and Shift-Tab walk through it: Rollup → Delivery → Plan.
    typing(&mut app, "4");
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.tab, Tab::Delivery);
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.tab, Tab::Plan);
    press(&mut app, KeyCode::BackTab);
    assert_eq!(app.tab, Tab::Delivery);
}

#[test]
fn an_overdue_action_shows_its_rule_in_the_list_and_its_record() {
    let dir = tempfile::tempdir().unwrap();
    let (path, ds) = demo(dir.path());
    let rows = ds.delivery.action_rows(october(), ds.context(today()));
    let act27 = rows.iter().find(|r| r.record.code == "ACT-27").unwrap();
    assert_eq!(act27.judgement.rule.to_string(), "overdue since 2026-10-20");
    let mut app = open(&path, Theme::COLOUR);
    // At 120 columns the rule has a column of its own.
    let line = line_with(&app, 120, 40, "ACT-27");
    assert!(line.contains(" R "), "{line}");
    assert!(line.contains("gturner"), "{line}");
    assert!(line.contains("2026-10-20"), "{line}");
    assert!(line.contains("off track"), "{line}");
    assert!(line.contains("overdue since 2026-10-20"), "{line}");
    // Every row of the list is one of query::delivery's, with its letter and status.
    let t = text(&app, 120, 40);
    for r in rows.iter().take(18) {
        let line = line_with(&app, 120, 40, &format!(" {} ", r.record.code));
        let j = &r.judgement;
        assert!(line.contains(&format!(" {} ", j.rag.letter())), "{line}");
        assert!(
            line.contains(&j.status.as_str().replace('_', " ")),
            "{line}"
        );
        assert!(t.contains(&r.record.due));
    }
    // At 80×24 there is no room for the rule in the list: the record beneath says it.
    filter(&mut app, "ACT-27");
    let f = flat(&app, 80, 24);
    assert!(f.contains("Actions 1 of 28"), "{f}");
    assert!(f.contains("Rule: overdue since 2026-10-20"), "{f}");
    assert!(
        f.contains("▶ ACT-27 Implement e-invoicing"),
        "the selected row's full title: {f}"
    );
}

#[test]
fn actions_with_an_update_missing_say_so() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = demo(dir.path());
    let mut app = open(&path, Theme::COLOUR);
    for code in ["ACT-17", "ACT-24", "ACT-03"] {
        filter(&mut app, code);
        press(&mut app, KeyCode::Enter);
        let f = flat(&app, 120, 40);
        assert!(f.contains(&format!("Actions 1 of 1 · {code}")), "{f}");
        assert!(f.contains("update missing"), "{code}: {f}");
        press(&mut app, KeyCode::Esc); // back to the list
        press(&mut app, KeyCode::Esc); // the filter cleared
        assert!(app.delivery.filter.is_empty());
    }
}

#[test]
fn a_projects_record_lists_its_milestones_with_the_late_one_marked() {
    let dir = tempfile::tempdir().unwrap();
    let (path, ds) = demo(dir.path());
    let rows = ds.delivery.project_rows(october(), ds.context(today()));
    let pj02 = rows.iter().find(|r| r.record.code == "PJ-02").unwrap();
    assert_eq!(pj02.judgement.rag.letter(), "A");
    let mut app = open(&path, Theme::COLOUR);
    typing(&mut app, "l");
    assert!(flat(&app, 80, 24).contains("Projects · 2026-10"));
    let line = line_with(&app, 80, 24, "PJ-02");
    assert!(line.contains(" A ") && line.contains("1 LATE"), "{line}");
    filter(&mut app, "PJ-02");
    press(&mut app, KeyCode::Enter);
    for (w, h) in SIZES {
        let f = flat(&app, w, h);
        assert!(
            f.contains(&format!("Milestones ({})", pj02.milestones.len())),
            "{f}"
        );
        let late = line_with(&app, w, h, "Planning permission granted · due");
        assert!(late.contains("LATE"), "{late}");
        // What a short screen leaves below, PgDn shows.
        let mut seen = screen(&app, w, h);
        if text(&app, w, h).contains("PgDn more ↓") {
            press(&mut app, KeyCode::PageDown);
            seen.extend(screen(&app, w, h));
            press(&mut app, KeyCode::PageUp);
        }
        let seen = seen.join("\n");
        for m in &pj02.milestones {
            assert!(seen.contains(&m.title), "{} missing: {seen}", m.title);
        }
        // Only the late one is marked (pages overlap by a line: each line counted once).
        let marked: std::collections::HashSet<&str> =
            seen.lines().filter(|l| l.contains("• LATE ")).collect();
        assert_eq!(marked.len(), pj02.judgement.late.len(), "{w}x{h}");
    }
}

/// The drawn grid: for each likelihood 5…1, the five (count, letter) cells.
fn drawn_grid(app: &App, w: u16, h: u16) -> Vec<Vec<(u32, String)>> {
    let lines = screen(app, w, h);
    (1..=5)
        .rev()
        .map(|l| {
            let line = lines
                .iter()
                .find(|x| x.starts_with(&format!("│{l} │")))
                .unwrap_or_else(|| panic!("no row {l}:\n{}", text(app, w, h)));
            let cells: Vec<&str> = line[format!("│{l} │").len()..].split_whitespace().collect();
            cells
                .chunks(2)
                .take(5)
                .map(|c| (c[0].parse().unwrap(), c[1].to_string()))
                .collect()
        })
        .collect()
}

#[test]
fn the_heat_map_counts_the_open_risks_as_query_delivery_does() {
    let dir = tempfile::tempdir().unwrap();
    let (path, ds) = demo(dir.path());
    let risks = ds.delivery.risk_rows(october());
    // The opportunities are never counted in the map (issue 25).
    let map = risk_heat_map(&risks);
    let open_risks = risks
        .iter()
        .filter(|r| r.judgement.open && !r.is_opportunity())
        .count() as u32;
    assert_eq!(
        risks
            .iter()
            .filter(|r| r.judgement.open && r.is_opportunity())
            .count(),
        2
    );
    assert_eq!(map.iter().flatten().sum::<u32>(), open_risks);
    for theme in [Theme::PLAIN, Theme::COLOUR] {
        let mut app = open(&path, theme);
        typing(&mut app, "ll");
        for (w, h) in SIZES {
            let grid = drawn_grid(&app, w, h);
            for (row, l) in grid.iter().zip((1..=5u8).rev()) {
                for (cell, i) in row.iter().zip(1..=5u8) {
                    assert_eq!(cell.0, map[l as usize - 1][i as usize - 1], "{l}×{i}");
                    let band = ds.delivery.bands.rag(l * i).letter();
                    assert_eq!(cell.1, band, "{l}×{i}");
                }
            }
            let f = flat(&app, w, h);
            assert!(f.contains(&format!("{open_risks} open risks")), "{f}");
            assert!(f.contains("likelihood ↑ · impact →"), "{f}");
            assert!(f.contains("1 2 3 4 5"), "the impact axis: {f}");
        }
        // Without colour nothing is coloured: the letters carry the bands.
        let b = buffer(&app, 80, 24);
        let coloured = b
            .content
            .iter()
            .any(|c| c.fg != Color::Reset || c.bg != Color::Reset);
        assert_eq!(coloured, theme == Theme::COLOUR);
    }
}

#[test]
fn a_risk_row_shows_score_target_direction_and_review() {
    let dir = tempfile::tempdir().unwrap();
    let (path, ds) = demo(dir.path());
    let risks = ds.delivery.risk_rows(october());
    let mut app = open(&path, Theme::COLOUR);
    typing(&mut app, "ll");
    let above = risks
        .iter()
        .filter(|r| r.judgement.open && r.judgement.above_target)
        .count();
    let overdue = risks.iter().filter(|r| r.judgement.review_overdue).count();
    assert_eq!((above, overdue), (4, 2), "the demo's story");
    // The columns from the score to the review, before the rule's.
    let header = line_with(&app, 120, 40, "Score");
    let (from, to) = (
        header.chars().position(|c| c == 'S').unwrap(),
        header
            .find("Rule")
            .map(|b| header[..b].chars().count())
            .unwrap(),
    );
    // Twenty rows do not all fit at 120 × 40: the list shows what fits and says how many
    // more; each risk is then found by the filter.
    let rows = list_lines(&app, 120, 40);
    let hidden = more(&app, 120, 40, "↓").unwrap_or(0);
    assert_eq!((rows.len() + hidden, hidden > 0), (risks.len(), true));
    for r in &risks {
        let j = &r.judgement;
        filter(&mut app, &r.record.code);
        let code = format!(" {} ", r.record.code);
        let line = list_lines(&app, 120, 40)
            .into_iter()
            .find(|l| l.contains(&code))
            .unwrap_or_else(|| panic!("no row {code}:\n{}", text(&app, 120, 40)));
        press(&mut app, KeyCode::Esc);
        let cells: String = line.chars().skip(from).take(to - from).collect();
        let score = format!("{}×{}={}", j.likelihood, j.impact, j.score);
        assert!(cells.starts_with(&score), "{cells}");
        assert!(
            cells.contains(&format!(" {} ", r.record.target_score)),
            "{cells}"
        );
        assert_eq!(cells.contains(" above "), j.above_target, "{line}");
        assert_eq!(cells.contains(" overdue "), j.review_overdue, "{line}");
        if let Some(d) = j.direction {
            assert!(cells.contains(d.symbol()), "{line}");
        }
    }
}

#[test]
fn eias_show_due_completed_and_status() {
    let dir = tempfile::tempdir().unwrap();
    let (path, ds) = demo(dir.path());
    let eias = ds.delivery.eia_rows(october());
    let mut app = open(&path, Theme::COLOUR);
    typing(&mut app, "h"); // back round from Actions to EIAs
    for (w, h) in SIZES {
        assert!(flat(&app, w, h).contains("EIAs · 2026-10"));
    }
    for e in &eias {
        let line = line_with(&app, 120, 40, &format!(" {} ", e.record.code));
        assert!(line.contains(&e.record.due), "{line}");
        assert!(line.contains(e.judgement.status.as_str()), "{line}");
        if let Some(c) = &e.record.completed {
            assert!(line.contains(c.as_str()), "{line}");
        }
    }
}

#[test]
fn stepping_the_period_judges_the_lists_again() {
    let dir = tempfile::tempdir().unwrap();
    let (path, ds) = demo(dir.path());
    let september: Period = "2026-09".parse().unwrap();
    let rows = ds.delivery.action_rows(september, ds.context(today()));
    let act27 = rows.iter().find(|r| r.record.code == "ACT-27").unwrap();
    assert_ne!(act27.judgement.rule.to_string(), "overdue since 2026-10-20");
    let mut app = open(&path, Theme::COLOUR);
    filter(&mut app, "ACT-27");
    assert!(flat(&app, 80, 24).contains("overdue since 2026-10-20"));
    typing(&mut app, "[");
    assert_eq!(app.delivery.period, september);
    let f = flat(&app, 80, 24);
    assert!(f.contains("Actions · 2026-09"), "{f}");
    assert!(
        f.contains(&format!("Rule: {}", act27.judgement.rule)),
        "{f}"
    );
    assert!(!f.contains("overdue since"), "{f}");
    // The heat map is September's too.
    let risks = ds.delivery.risk_rows(september);
    let map = risk_heat_map(&risks);
    press(&mut app, KeyCode::Esc);
    typing(&mut app, "ll");
    let grid = drawn_grid(&app, 80, 24);
    assert_eq!(grid[0][3].0, map[4][3], "likelihood 5, impact 4");
    let drawn: u32 = grid.iter().flatten().map(|c| c.0).sum();
    assert_eq!(drawn, map.iter().flatten().sum::<u32>());
    typing(&mut app, "]]");
    assert!(flat(&app, 80, 24).contains("Risks · 2026-11"));
}

#[test]
fn the_filter_narrows_every_list_and_esc_clears_it() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = demo(dir.path());
    let mut app = open(&path, Theme::COLOUR);
    typing(&mut app, "/");
    typing(&mut app, "hcarter");
    // While typing, the filter shows in the list's title.
    assert!(flat(&app, 80, 24).contains("/ hcarter"));
    press(&mut app, KeyCode::Enter);
    let f = flat(&app, 80, 24);
    assert!(f.contains("of 28"), "{f}");
    let rows = list_lines(&app, 120, 40);
    assert!(!rows.is_empty());
    for line in &rows {
        assert!(line.contains("hcarter"), "{line}");
    }
    typing(&mut app, "l");
    let line = line_with(&app, 80, 24, "PJ-02");
    assert!(line.contains("hcarter"));
    typing(&mut app, "/");
    typing(&mut app, "zzzz");
    assert!(flat(&app, 80, 24).contains("Nothing matches the filter"));
    press(&mut app, KeyCode::Esc);
    assert!(app.delivery.filter.is_empty());
    assert!(flat(&app, 80, 24).contains("Actions 28 Projects 6"));
}

#[test]
fn a_long_list_counts_what_is_above_and_below_and_the_record_scrolls() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = demo(dir.path());
    let mut app = open(&path, Theme::COLOUR);
    let (w, h) = (80, 24);
    let n = list_lines(&app, w, h).len();
    assert!(n > 0 && n < 28);
    assert_eq!(more(&app, w, h, "↓"), Some(28 - n));
    assert_eq!(more(&app, w, h, "↑"), None);
    typing(&mut app, "G");
    assert_eq!(more(&app, w, h, "↑"), Some(28 - n));
    assert_eq!(more(&app, w, h, "↓"), None);
    typing(&mut app, "g");
    for _ in 0..n {
        typing(&mut app, "j");
    }
    assert_eq!(more(&app, w, h, "↑"), Some(1));
    assert_eq!(more(&app, w, h, "↓"), Some(28 - n - 1));
    // The record under the list is longer than its pane: PgDn shows the rest.
    let t = text(&app, w, h);
    assert!(t.contains("PgDn more ↓"), "{t}");
    press(&mut app, KeyCode::PageDown);
    let t = text(&app, w, h);
    assert!(t.contains("PgUp more ↑"), "{t}");
    assert!(t.contains("Commentary: "), "{t}");
    // Opened full size, the record moves item by item.
    press(&mut app, KeyCode::Enter);
    let before = app.delivery.selected().unwrap().code.clone();
    typing(&mut app, "j");
    let after = app.delivery.selected().unwrap().code.clone();
    assert_ne!(before, after);
    assert!(flat(&app, w, h).contains(&format!("Actions {} of 28 · {after}", n + 2)));
    press(&mut app, KeyCode::Esc);
    assert!(!app.delivery.open);
}

#[test]
fn the_footer_and_help_name_the_tabs_keys() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = demo(dir.path());
    let mut app = open(&path, Theme::COLOUR);
    let footer = screen(&app, 80, 24).pop().unwrap();
    assert!(footer.contains("h/←/l/→ list"), "{footer}");
    assert!(footer.contains("Enter full record"), "{footer}");
    assert!(footer.contains("/ filter"), "{footer}");
    typing(&mut app, "?");
    let f = flat(&app, 120, 40);
    for want in ["previous list", "next list", "full record", "Delivery tab"] {
        assert!(f.contains(want), "{want}: {f}");
    }
}

#[test]
fn another_persons_review_is_taken_in_and_the_heat_map_moves() {
    use pmdb::store::RiskReviewRecord;
    let dir = tempfile::tempdir().unwrap();
    let (path, ds) = demo(dir.path());
    let mut app = open(&path, Theme::PLAIN);
    typing(&mut app, "ll");
    let before = drawn_grid(&app, 80, 24);
    let rsk03 = ds
        .delivery
        .risk_rows(october())
        .into_iter()
        .find(|r| r.record.code == "RSK-03")
        .unwrap()
        .judgement;
    let (l, i) = (rsk03.likelihood as usize, rsk03.impact as usize);
    // Someone else reviews RSK-03 down to 1 × 1 on 30 October.
    let mut other = Store::open(&path, LOGIN).unwrap();
    other
        .add_risk_reviews(&[RiskReviewRecord {
            risk: "RSK-03".into(),
            date: "2026-10-30".into(),
            likelihood: 1,
            impact: 1,
            commentary: "Prevention fund doubled".into(),
            entered_by: LOGIN.into(),
            entered_at: "2026-11-24T09:00:00Z".into(),
            version: 1,
        }])
        .unwrap();
    assert!(app.settle());
    let after = drawn_grid(&app, 80, 24);
    assert_eq!(after[5 - l][i - 1].0, before[5 - l][i - 1].0 - 1);
    assert_eq!(after[4][0].0, before[4][0].0 + 1, "likelihood 1, impact 1");
    let line = line_with(&app, 80, 24, "RSK-03");
    assert!(line.contains("1×1=1"), "{line}");
}

#[test]
fn the_plan_tabs_detail_lists_linked_actions_judged_for_its_period() {
    let dir = tempfile::tempdir().unwrap();
    let (path, ds) = demo(dir.path());
    let mut app =
        App::with_theme(Store::open(&path, LOGIN).unwrap(), today(), Theme::COLOUR).unwrap();
    // ACT-27 serves the Exchequer team plan.
    filter(&mut app, "TP-FIN-EX");
    // The filter keeps the team plan's ancestors above it: vision to service plan.
    typing(&mut app, "jjjjj");
    let f = flat(&app, 120, 40);
    assert!(f.contains("▶ Team plan TP-FIN-EX"), "{f}");
    assert!(f.contains("ACT-27"), "{f}");
    assert!(f.contains("overdue since 2026-10-20"), "{f}");
    typing(&mut app, "[");
    let september: Period = "2026-09".parse().unwrap();
    let rule = ds
        .delivery
        .action_rows(september, ds.context(today()))
        .into_iter()
        .find(|r| r.record.code == "ACT-27")
        .unwrap()
        .judgement
        .rule
        .to_string();
    let f = flat(&app, 120, 40);
    assert!(f.contains(&rule), "{rule}: {f}");
    assert!(!f.contains("overdue since 2026-10-20"), "{f}");
}

#[test]
fn a_council_without_delivery_says_so_in_each_list() {
    let dir = tempfile::tempdir().unwrap();
    let path = tui_support::fixture(dir.path());
    let mut app = tui_support::app(&path);
    typing(&mut app, "5");
    for (keys, want) in [
        ("", "No actions recorded"),
        ("l", "No projects recorded"),
        ("l", "No risks recorded"),
        ("l", "No EIAs recorded"),
    ] {
        typing(&mut app, keys);
        press(&mut app, KeyCode::Enter); // nothing to open
        assert!(!app.delivery.open);
        for (w, h) in SIZES {
            assert!(flat(&app, w, h).contains(want), "{want}");
        }
    }
    // The heat map of no risks is all noughts.
    typing(&mut app, "h");
    let grid = drawn_grid(&app, 80, 24);
    assert!(grid.iter().flatten().all(|c| c.0 == 0));
}

#[test]
fn the_opportunities_are_listed_after_the_risks_marked_and_off_the_heat_map() {
    let dir = tempfile::tempdir().unwrap();
    let (path, ds) = demo(dir.path());
    let mut app = open(&path, Theme::PLAIN);
    typing(&mut app, "ll");
    filter(&mut app, "OPP-0");
    for (w, h) in SIZES {
        let rows = list_lines(&app, w, h);
        assert_eq!(rows.len(), 2, "{}", text(&app, w, h));
        assert!(
            rows[0].contains("OPP-01 Opportunity: Levelling-up"),
            "{rows:?}"
        );
        assert!(
            rows[1].contains("OPP-02 Opportunity: The Kingsmead"),
            "{rows:?}"
        );
        // The map is the risks' alone, whatever the filter shows.
        assert!(
            flat(&app, w, h).contains("17 open risks"),
            "{}",
            text(&app, w, h)
        );
    }
    // OPP-02's record names its project, as a risk's names its plan nodes.
    typing(&mut app, "j");
    let f = flat(&app, 120, 40);
    assert!(f.contains("Category: opportunity"), "{f}");
    assert!(f.contains("Plan: PJ-03"), "{f}");
    // In the list unfiltered, the last rows are the two opportunities, after RSK-18.
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::End);
    let rows = list_lines(&app, 120, 40);
    let codes: Vec<&str> = rows
        .iter()
        .filter_map(|l| l.split_whitespace().nth(2))
        .collect();
    assert_eq!(
        codes[codes.len() - 3..],
        ["RSK-18", "OPP-01", "OPP-02"],
        "{rows:?}"
    );
    assert_eq!(ds.delivery.risk_rows(october()).len(), 20);
}
