//! Case studies submitted and chosen, in the interface (issue 24, point 8): on the demo
//! council (today 2026-11-24), the Plan tab's `c` opens the case studies of the tab's
//! financial year (all of them on the vision, those under a plan node on that node), each
//! with its code, whether chosen for the annual report (a word), plan node, who submitted
//! it and title; `Enter` shows the story wrapped. A performance user chooses with `Space`
//! (written through the core, audited as `pmdb case-studies select` is); an officer's
//! `Space` is refused naming who may choose, nothing written. Any officer submits one with
//! `a` and `Ctrl-S`; a duplicate code, an unknown plan node or an empty title is refused
//! naming why, nothing written. At 80×24 as at 120×40.

mod tui_support;

use crossterm::event::KeyCode;
use pmdb::store::Store;
use pmdb::tui::{App, Theme};
use tui_support::{ctrl, demo, demo_today, flat, hit, line_with, press, text, typing};

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

/// The app as `login` on the Plan tab, stepped back from October 2026 to March 2026, so
/// the tab's year is 2025/26 (the demo's CS-01 and CS-04 chosen, CS-05 not).
fn plan_as(path: &std::path::Path, login: &str) -> App {
    let mut app = App::with_theme(
        Store::open(path, login).unwrap(),
        demo_today(),
        Theme::COLOUR,
    )
    .unwrap();
    typing(&mut app, "[[[[[[[");
    assert_eq!(app.plan.period.to_string(), "2026-03");
    app
}

/// (code, selected) of every case study, in the store's order.
fn chosen(path: &std::path::Path) -> Vec<(String, bool)> {
    Store::open(path, "perf")
        .unwrap()
        .case_studies()
        .unwrap()
        .into_iter()
        .map(|c| (c.code, c.selected))
        .collect()
}

/// (login, op, key, selected before, selected after): a row of the audit log.
type Audited = (String, String, String, Option<i64>, Option<i64>);

/// The audit log's rows of case studies, oldest first.
fn audited(path: &std::path::Path) -> Vec<Audited> {
    let db = rusqlite::Connection::open(path).unwrap();
    let mut stmt = db
        .prepare(
            "SELECT login, op, key, json_extract(old, '$.selected'), json_extract(new, '$.selected')
               FROM audit_log WHERE tbl = 'case_studies' ORDER BY id",
        )
        .unwrap();
    stmt.query_map([], |r| {
        Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
    })
    .unwrap()
    .collect::<rusqlite::Result<_>>()
    .unwrap()
}

/// Asserts that the screen shows every one of `needles`, at 80×24 and at 120×40.
fn shows(app: &App, needles: &[&str]) {
    for (w, h) in SIZES {
        let screen = flat(app, w, h);
        for needle in needles {
            assert!(screen.contains(needle), "{needle}:\n{}", text(app, w, h));
        }
    }
}

/// `Space` on case study `code` of 2025/26 as `login`.
fn space_on(path: &std::path::Path, login: &str, code: &str) -> App {
    let mut app = plan_as(path, login);
    typing(&mut app, "c");
    down_to(&mut app, code);
    typing(&mut app, " ");
    app
}

fn down_to(app: &mut App, code: &str) {
    for _ in 0..20 {
        let st = app.plan.studies.as_ref().unwrap();
        if st.selected().map(|s| s.record.code.as_str()) == Some(code) {
            return;
        }
        press(app, KeyCode::Down);
    }
    panic!("no case study {code}:\n{}", text(app, 120, 40));
}

#[test]
fn c_lists_the_years_case_studies_and_enter_shows_a_story() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo(dir.path());
    let mut app = plan_as(&path, "sjenkins");
    typing(&mut app, "c");
    for (w, h) in SIZES {
        let screen = flat(&app, w, h);
        assert!(
            screen.contains("Case studies 2025/26 · all"),
            "{}",
            text(&app, w, h)
        );
        assert!(
            screen.contains("3 case studies, 2 chosen for the annual report"),
            "{screen}"
        );
        for (code, word, node) in [
            ("CS-01", "chosen", "KA1.1.1"),
            ("CS-04", "chosen", "KA3.2.1"),
            ("CS-05", "not chosen", "KA1.1.1"),
        ] {
            let row = line_with(&app, w, h, &format!("{code}    "));
            assert!(
                row.contains(&format!("│{code:<8} {word:<10} {node:<9} perf ")),
                "{row}"
            );
        }
        // Another year's are not listed.
        assert!(
            !screen.contains("CS-02") && !screen.contains("CS-03"),
            "{screen}"
        );
    }
    down_to(&mut app, "CS-05");
    press(&mut app, KeyCode::Enter);
    shows(
        &app,
        &[
            "Story CS-05 · 2025/26",
            "Volunteers adopt forty streets",
            "not chosen: the annual report leaves it out",
        ],
    );
    // The story whole, as stored, wrapped at 80 columns.
    let story = Store::open(&path, "perf")
        .unwrap()
        .case_studies()
        .unwrap()
        .into_iter()
        .find(|c| c.code == "CS-05")
        .unwrap()
        .story;
    let words: Vec<&str> = story.split_whitespace().collect();
    assert!(
        flat(&app, 80, 24).contains(&words.join(" ")),
        "{story}\n{}",
        text(&app, 80, 24)
    );
    press(&mut app, KeyCode::Esc);
    assert!(flat(&app, 80, 24).contains("3 case studies"));
    press(&mut app, KeyCode::Esc);
    assert!(app.plan.studies.is_none());
    // On a priority, only those told under it: PR3's (CS-04), said in the title.
    for _ in 0..10 {
        if app.plan.selected().map(|r| r.code.as_str()) == Some("PR3") {
            break;
        }
        press(&mut app, KeyCode::Down);
    }
    typing(&mut app, "c");
    shows(
        &app,
        &[
            "Case studies 2025/26 · under PR3",
            "1 case study, 1 chosen",
            "CS-04",
        ],
    );
    assert!(!flat(&app, 120, 40).contains("CS-05"));
}

#[test]
fn a_performance_user_chooses_with_space_and_an_officer_is_told_who_may() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo(dir.path());
    let before = chosen(&path);
    let log = audited(&path).len();
    // An officer's Space: refused naming who may choose, nothing written.
    let app = space_on(&path, "sjenkins", "CS-05");
    shows(
        &app,
        &["only admin and performance users may choose the case studies"],
    );
    for (w, h) in SIZES {
        assert!(line_with(&app, w, h, "CS-05    ").contains("not chosen"));
    }
    assert_eq!(chosen(&path), before);
    assert_eq!(audited(&path).len(), log);
    // A performance user's: CS-05 chosen at once, the list says so, the log says who.
    let mut app = space_on(&path, "lwhitfield", "CS-05");
    shows(
        &app,
        &[
            "CS-05 chosen: the annual report tells it",
            "3 case studies, 3 chosen",
        ],
    );
    for (w, h) in SIZES {
        let row = line_with(&app, w, h, "CS-05    ");
        assert!(
            row.contains(" chosen ") && !row.contains("not chosen"),
            "{row}"
        );
    }
    let now = chosen(&path);
    assert!(now.contains(&("CS-05".into(), true)), "{now:?}");
    assert_eq!(
        now.iter().filter(|(_, s)| *s).count(),
        before.iter().filter(|(_, s)| *s).count() + 1
    );
    let log_now = audited(&path);
    assert_eq!(log_now.len(), log + 1);
    assert_eq!(
        log_now.last().unwrap(),
        &(
            "lwhitfield".into(),
            "update".into(),
            "CS-05".into(),
            Some(0),
            Some(1)
        )
    );
    // Space again: not chosen, logged again.
    typing(&mut app, " ");
    assert!(chosen(&path).contains(&("CS-05".into(), false)));
    assert_eq!(
        audited(&path).last().unwrap(),
        &(
            "lwhitfield".into(),
            "update".into(),
            "CS-05".into(),
            Some(1),
            Some(0)
        )
    );
    assert!(flat(&app, 80, 24).contains("CS-05 not chosen"));
}

const STORY: &str = "Residents on forty streets now sweep, weed and report fly-tipping \
themselves, with litter pickers and bags from the depot and a named officer who answers \
within a day; reports of litter on those streets fell by a third over the winter.";

/// Fills the open form: code, title, plan node (what was there cleared), story.
fn fill(app: &mut App, code: &str, title: &str, node: &str, story: &str) {
    for (n, value) in [code, title, node, story].into_iter().enumerate() {
        if n > 0 {
            press(app, KeyCode::Tab);
        }
        hit(app, ctrl('u'));
        typing(app, value);
    }
}

#[test]
fn an_officer_adds_a_case_study_and_bad_input_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo(dir.path());
    let mut app = plan_as(&path, "sjenkins");
    typing(&mut app, "c");
    typing(&mut app, "a");
    // The plan node starts as the node selected in the tree.
    shows(&app, &["New case study · 2025/26", "Plan node VIS"]);
    let before = chosen(&path);
    let log = audited(&path).len();
    for (code, title, node, why) in [
        (
            "CS-01",
            "Another",
            "KA1.1.1",
            "case study CS-01 already exists",
        ),
        ("CS-09", "Street champions", "ZZ9", "no plan node 'ZZ9'"),
        ("CS-09", " ", "KA1.1.1", "the case study's title is empty"),
    ] {
        fill(&mut app, code, title, node, "A story.");
        hit(&mut app, ctrl('s'));
        let form = app.plan.studies.as_ref().unwrap().form.as_ref();
        let message = form.and_then(|f| f.message.clone()).unwrap_or_default();
        assert!(message.contains(why), "{code} {node}: {message}");
        shows(&app, &[why]);
        assert_eq!(chosen(&path), before);
        assert_eq!(audited(&path).len(), log);
        // Back to the first field for the next try.
        press(&mut app, KeyCode::Tab);
    }
    fill(&mut app, "CS-09", "Street champions", "KA1.1.1", STORY);
    // The story wraps in its box, first word to last, at both sizes.
    shows(
        &app,
        &[
            "Residents on forty streets",
            "fell by a third over the winter.",
        ],
    );
    hit(&mut app, ctrl('s'));
    let st = app.plan.studies.as_ref().unwrap();
    assert!(st.form.is_none(), "{}", text(&app, 120, 40));
    assert_eq!(st.selected().map(|s| s.record.code.as_str()), Some("CS-09"));
    for (w, h) in SIZES {
        let screen = flat(&app, w, h);
        assert!(
            screen.contains("CS-09 submitted for 2025/26"),
            "{}",
            text(&app, w, h)
        );
        assert!(screen.contains("4 case studies, 2 chosen"), "{screen}");
        let row = line_with(&app, w, h, "CS-09    ");
        assert!(
            row.contains("not chosen") && row.contains("KA1.1.1"),
            "{row}"
        );
        assert!(
            row.contains("Sarah Jenkins") || row.contains("sjenkins"),
            "{row}"
        );
    }
    let stored = Store::open(&path, "perf")
        .unwrap()
        .case_studies()
        .unwrap()
        .into_iter()
        .find(|c| c.code == "CS-09")
        .unwrap();
    assert_eq!(
        (
            stored.title.as_str(),
            stored.node.as_deref(),
            stored.year,
            stored.selected,
            stored.story.as_str()
        ),
        ("Street champions", Some("KA1.1.1"), 2025, false, STORY)
    );
    // Who and when: the audit log's insert, by the officer, stamped now.
    let db = rusqlite::Connection::open(&path).unwrap();
    let (login, at): (String, String) = db
        .query_row(
            "SELECT login, at FROM audit_log WHERE tbl = 'case_studies' AND op = 'insert' AND key = 'CS-09'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(login, "sjenkins");
    let at: chrono::DateTime<chrono::Utc> = at.parse().unwrap();
    assert!((chrono::Utc::now() - at).num_seconds().abs() < 120, "{at}");
    assert_eq!(audited(&path).len(), log + 1);
}

#[test]
fn hostile_and_overlong_input_is_refused_and_never_reaches_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo(dir.path());
    let mut app = plan_as(&path, "sjenkins");
    typing(&mut app, "c");
    typing(&mut app, "a");
    let before = chosen(&path);
    let log = audited(&path).len();
    let long = "寿".repeat(3000);
    for (code, title, why) in [
        (
            "CS-10",
            "Red \u{1b}[31m alert \u{7}",
            "the title holds the control character U+001B",
        ),
        (
            "CS\u{1b}[2J",
            "A title",
            "the case study's code holds the control character U+001B",
        ),
        (
            long.as_str(),
            "A title",
            "the case study's code is 3000 characters long",
        ),
        ("CS-10", long.as_str(), "the title is 3000 characters long"),
    ] {
        fill(&mut app, code, title, "KA1.1.1", &long);
        for (w, h) in SIZES {
            let shown = text(&app, w, h);
            assert!(
                !shown.chars().any(|c| c.is_control() && c != '\n'),
                "{shown}"
            );
        }
        hit(&mut app, ctrl('s'));
        let form = app.plan.studies.as_ref().unwrap().form.as_ref();
        let message = form.and_then(|f| f.message.clone()).unwrap_or_default();
        assert!(message.contains(why), "{message}");
        shows(&app, &[why]);
        for (w, h) in SIZES {
            let shown = text(&app, w, h);
            assert!(
                !shown.chars().any(|c| c.is_control() && c != '\n'),
                "{shown}"
            );
        }
        assert_eq!(chosen(&path), before);
        assert_eq!(audited(&path).len(), log);
        press(&mut app, KeyCode::Tab);
    }
}

#[test]
fn a_viewer_may_not_add_and_an_abandoned_form_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo(dir.path());
    let before = chosen(&path);
    let log = audited(&path).len();
    // A councillor reads the list but neither adds nor chooses; neither key is offered.
    let mut app = plan_as(&path, "cllrokonkwo");
    typing(&mut app, "c");
    shows(&app, &["3 case studies, 2 chosen for the annual report"]);
    for (w, h) in SIZES {
        let footer = text(&app, w, h).lines().last().unwrap().to_string();
        assert!(footer.contains("Enter story / list"), "{footer}");
        assert!(
            !footer.contains("a add") && !footer.contains("Space"),
            "{footer}"
        );
    }
    typing(&mut app, "a");
    assert!(app.plan.studies.as_ref().unwrap().form.is_none());
    shows(&app, &["refused: cllrokonkwo (viewer) reads only"]);
    typing(&mut app, " ");
    shows(
        &app,
        &["only admin and performance users may choose the case studies"],
    );
    // An officer who types and then leaves with Esc is asked first; nothing is written.
    let mut app = plan_as(&path, "sjenkins");
    typing(&mut app, "c");
    typing(&mut app, "a");
    fill(
        &mut app,
        "CS-11",
        "Half written",
        "KA1.1.1",
        "Not finished.",
    );
    press(&mut app, KeyCode::Esc);
    shows(&app, &["Discard your unsaved changes?"]);
    typing(&mut app, "y");
    let st = app.plan.studies.as_ref().unwrap();
    assert!(st.form.is_none());
    shows(&app, &["Case studies 2025/26 · all"]);
    assert_eq!(chosen(&path), before);
    assert_eq!(audited(&path).len(), log);
}
