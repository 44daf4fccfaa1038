//! A board's request on the Exceptions tab (issue 24, point 4): listed like any other item,
//! with the kind word "request", on its asking board's agenda (`m` cycles every board's
//! meetings); its record pane shows the asking board, the request, its owner and due date.

mod tui_support;

use crossterm::event::KeyCode;
use pmdb::store::{MeetingRecord, NewRequest, Store};
use pmdb::tui::{App, Theme};
use tui_support::*;

const ASK: &str = "Explain the fall in recycling";

/// The fixture with June's exceptions raised at July's PPG, and Overview & Scrutiny's
/// request on WR1, recorded today, for its September meeting.
fn with_request(dir: &std::path::Path) -> std::path::PathBuf {
    let path = raised(dir);
    let mut store = Store::open_on(&path, LOGIN, Some(today())).unwrap();
    store.add_board("OSP", "Overview & Scrutiny", &[]).unwrap();
    store
        .add_meetings(&[MeetingRecord {
            id: 2,
            board: "OSP".into(),
            date: "2024-09-10".into(),
            title: "Scrutiny September".into(),
            period: "2024/25 Q1".into(),
        }])
        .unwrap();
    let rec = store
        .add_request(&NewRequest {
            subject: "WR1".into(),
            board: "OSP".into(),
            text: ASK.into(),
            owner: "alee".into(),
            due: "2024-08-31".parse().unwrap(),
        })
        .unwrap();
    assert_eq!(rec.id, 3);
    path
}

#[test]
fn a_request_is_on_its_boards_agenda_with_board_owner_due_and_text() {
    let dir = tempfile::tempdir().unwrap();
    let path = with_request(dir.path());
    let mut app = app(&path);
    typing(&mut app, "3");
    // The tab opens on PPG's meeting: the request is Scrutiny's, not PPG's.
    assert!(!text(&app, 120, 40).contains("#3 "));
    typing(&mut app, "m");
    for (w, h) in [(80, 24), (120, 40)] {
        let screen = text(&app, w, h);
        let row = line_with(&app, w, h, " #3 ");
        assert!(
            row.contains("request") && row.contains("WR1") && row.contains("open"),
            "{w}x{h}: {row}\n{screen}"
        );
        assert!(!screen.contains("#1 "), "{w}x{h}:\n{screen}");
    }
    let screen = text(&app, 120, 40);
    for part in [
        "Asked by: Overview & Scrutiny (OSP)",
        &format!("Request: {ASK}"),
        "Owner: Alex Lee (alee)",
        "Due: 2024-08-31",
        "Answer: —",
    ] {
        assert!(screen.contains(part), "{part}:\n{screen}");
    }
    // At 80x24 the record sits under the queue: the board and the request are in sight.
    let small = text(&app, 80, 24);
    assert!(small.contains("Asked by: Overview & Scrutiny"), "{small}");
}

/// The demo's exception #1 was linked to 2026/27 Q2 after it was raised: the record pane
/// and the projector name both its periods, as `pmdb exceptions show` prints them.
#[test]
fn the_record_and_the_projector_show_an_exceptions_linked_periods() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo(dir.path());
    let store = Store::open(&path, "perf").unwrap();
    let own = store.exception(1).unwrap().period;
    assert_eq!(
        store.exception_periods().unwrap().get(&1),
        Some(&vec!["2026/27 Q2".to_string()])
    );
    let mut app = App::with_theme(store, demo_today(), Theme::COLOUR).unwrap();
    typing(&mut app, "3x");
    // Up the queue of every exception to #1, as a person would.
    for _ in 0..app.exceptions.list.len() {
        if app.exceptions.selected().map(|e| e.id) == Some(1) {
            break;
        }
        press(&mut app, KeyCode::Up);
    }
    assert_eq!(app.exceptions.selected().map(|e| e.id), Some(1));
    let periods = format!("Periods: {own}, 2026/27 Q2");
    for (w, h) in [(80, 24), (120, 40)] {
        let screen = flat(&app, w, h);
        assert!(screen.contains(&periods), "{w}x{h}: {screen}");
    }
    press(&mut app, KeyCode::Enter);
    for (w, h) in [(80, 24), (120, 40)] {
        let screen = flat(&app, w, h);
        assert!(screen.contains(&periods), "projector {w}x{h}: {screen}");
    }
    // One with only its own period has no such line.
    press(&mut app, KeyCode::Esc);
    let linked = Store::open(&path, "perf")
        .unwrap()
        .exception_periods()
        .unwrap();
    for _ in 0..app.exceptions.list.len() {
        match app.exceptions.selected() {
            Some(e) if !linked.contains_key(&e.id) => break,
            _ => press(&mut app, KeyCode::Down),
        }
    }
    let alone = app.exceptions.selected().unwrap().id;
    assert!(!linked.contains_key(&alone));
    let screen = flat(&app, 120, 40);
    assert!(screen.contains(&format!("#{alone} ")), "{screen}");
    assert!(!screen.contains("Periods:"), "{screen}");
}

/// `p` on a request is its owner's answer: the dialog says so, and the answer is saved as
/// the request's proposal, by the owner, in its history.
#[test]
fn the_owner_answers_a_request_with_p() {
    let dir = tempfile::tempdir().unwrap();
    let path = with_request(dir.path());
    let mut app =
        App::with_theme(Store::open(&path, "alee").unwrap(), today(), Theme::COLOUR).unwrap();
    typing(&mut app, "3m");
    assert_eq!(app.exceptions.selected().map(|e| e.id), Some(3));
    typing(&mut app, "p");
    for (w, h) in [(80, 24), (120, 40)] {
        let screen = flat(&app, w, h);
        assert!(
            screen.contains("The owner's answer to the board's request"),
            "{w}x{h}: {screen}"
        );
        assert!(screen.contains("Answer"), "{w}x{h}: {screen}");
        assert!(!screen.contains("Proposal"), "{w}x{h}: {screen}");
    }
    let answer = "Contamination closed two bring sites in July";
    typing(&mut app, answer);
    hit(&mut app, ctrl('s'));
    assert!(app.exceptions.form.is_none());
    let store = Store::open(&path, LOGIN).unwrap();
    let rec = store.exception(3).unwrap();
    assert_eq!(rec.proposal, answer);
    assert_eq!(rec.status.as_str(), "proposed");
    let history = store.exception_history(3).unwrap();
    let last = history.last().unwrap();
    assert_eq!((last.by.as_str(), last.new.as_str()), ("alee", answer));
    for (w, h) in [(80, 24), (120, 40)] {
        let screen = flat(&app, w, h);
        assert!(
            screen.contains(&format!("Answer: {answer}")),
            "{w}x{h}: {screen}"
        );
    }
}

/// `with_request`'s council with a member of the performance team, `pteam`.
fn with_team(dir: &std::path::Path) -> std::path::PathBuf {
    let path = with_request(dir);
    let mut store = Store::open(&path, LOGIN).unwrap();
    store
        .add_user("pteam", "Pat Team", "performance".parse().unwrap())
        .unwrap();
    path
}

fn as_user(path: &std::path::Path, login: &str) -> App {
    // The store's clock on the fixture's day, so what is raised falls on it.
    let store = Store::open_on(path, login, Some(today())).unwrap();
    App::with_theme(store, today(), Theme::COLOUR).unwrap()
}

fn count(path: &std::path::Path) -> usize {
    Store::open(path, LOGIN)
        .unwrap()
        .exceptions(&Default::default())
        .unwrap()
        .len()
}

const SECOND: &str = "Report the cost of the crew campaign";

/// `R` as the performance team: the asking board starts as the meeting's (Scrutiny's),
/// the subject is checked as typed, the owner found by part of a name, the due date
/// typed the UK way; `Ctrl-S` records it through the store, and it is selected on
/// Scrutiny's agenda.
#[test]
fn the_performance_team_records_a_boards_request_with_r() {
    let dir = tempfile::tempdir().unwrap();
    let path = with_team(dir.path());
    let mut app = as_user(&path, "pteam");
    typing(&mut app, "3m");
    typing(&mut app, "R");
    for (w, h) in [(80, 24), (120, 40)] {
        let screen = flat(&app, w, h);
        assert!(screen.contains("A board's request"), "{w}x{h}: {screen}");
        assert!(
            screen.contains("Asked by: ◀ Overview & Scrutiny (OSP) ▶"),
            "{w}x{h}: {screen}"
        );
    }
    press(&mut app, KeyCode::Tab);
    typing(&mut app, "ZZ9");
    let screen = flat(&app, 120, 40);
    assert!(
        screen.contains("there is no indicator, action, project, risk or plan node with code ZZ9"),
        "{screen}"
    );
    for _ in 0..3 {
        press(&mut app, KeyCode::Backspace);
    }
    typing(&mut app, "WR1");
    press(&mut app, KeyCode::Tab);
    typing(&mut app, SECOND);
    press(&mut app, KeyCode::Tab);
    typing(&mut app, "jay");
    assert!(flat(&app, 120, 40).contains("Owner: ◀ Jay Patel (jpatel)"));
    press(&mut app, KeyCode::Tab);
    typing(&mut app, "30/09/2024");
    for (w, h) in [(80, 24), (120, 40)] {
        let screen = flat(&app, w, h);
        assert!(screen.contains("✓ ready"), "{w}x{h}: {screen}");
    }
    hit(&mut app, ctrl('s'));
    assert!(app.exceptions.request.is_none());
    let store = Store::open(&path, LOGIN).unwrap();
    let rec = store.exception(4).unwrap();
    assert_eq!(rec.kind.as_str(), "request");
    assert_eq!(
        (
            rec.board.as_str(),
            rec.subject.as_str(),
            rec.owner.as_str(),
            rec.figures.as_str(),
            rec.raised_by.as_str()
        ),
        ("OSP", "WR1", "jpatel", SECOND, "pteam")
    );
    assert_eq!(rec.escalation_due.as_deref(), Some("2024-09-30"));
    assert_eq!(rec.status.as_str(), "open");
    let history = store.exception_history(4).unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!(
        (history[0].by.as_str(), history[0].field.as_str()),
        ("pteam", "raised")
    );
    assert_eq!(history[0].new, format!("OSP asks: {SECOND}"));
    // On Scrutiny's agenda, selected.
    assert_eq!(app.exceptions.meeting, Some(2));
    assert_eq!(app.exceptions.selected().map(|e| e.id), Some(4));
    for (w, h) in [(80, 24), (120, 40)] {
        let row = line_with(&app, w, h, " #4 ");
        assert!(
            row.contains("request") && row.contains("WR1"),
            "{w}x{h}: {row}"
        );
        let screen = flat(&app, w, h);
        assert!(
            screen.contains(&format!("Request: {SECOND}")),
            "{w}x{h}: {screen}"
        );
    }
}

/// Keys pressed on an open form.
type Keys = Box<dyn Fn(&mut App)>;

/// Refused input is said in the form and nothing is written: an unknown subject, an empty
/// request, an owner no one matches, a date that is not one.
#[test]
fn a_refused_request_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = with_team(dir.path());
    let before = count(&path);
    let mut app = as_user(&path, "pteam");
    typing(&mut app, "3R");
    // On PPG's agenda the asking board is not PPG's own default: the first of the council's.
    press(&mut app, KeyCode::Tab);
    typing(&mut app, "WR1");
    let cases: [(&str, Keys); 3] = [
        ("the request is empty", Box::new(|_: &mut App| {})),
        (
            "no user's name or login holds",
            Box::new(|app: &mut App| {
                press(app, KeyCode::Tab);
                typing(app, "text");
                press(app, KeyCode::Tab);
                typing(app, "qqq");
            }),
        ),
        (
            "is not a date",
            Box::new(|app: &mut App| {
                for _ in 0..3 {
                    press(app, KeyCode::Backspace);
                }
                typing(app, "lee");
                press(app, KeyCode::Tab);
                typing(app, "31/02/2024");
            }),
        ),
    ];
    for (why, keys) in cases {
        keys(&mut app);
        hit(&mut app, ctrl('s'));
        for (w, h) in [(80, 24), (120, 40)] {
            let screen = flat(&app, w, h);
            assert!(screen.contains(why), "{why} {w}x{h}: {screen}");
            assert!(
                screen.contains("✗ nothing was written"),
                "{why} {w}x{h}: {screen}"
            );
        }
        assert!(app.exceptions.request.is_some());
        assert_eq!(count(&path), before, "{why}");
    }
    // Esc asks before losing what was typed; nothing is written.
    press(&mut app, KeyCode::Esc);
    typing(&mut app, "y");
    assert!(app.exceptions.request.is_none());
    assert_eq!(count(&path), before);
}

/// An officer is told why before any field, and the footer does not offer it.
#[test]
fn an_officer_may_not_record_a_request() {
    let dir = tempfile::tempdir().unwrap();
    let path = with_team(dir.path());
    let mut app = as_user(&path, "alee");
    typing(&mut app, "3");
    assert!(!flat(&app, 120, 40).contains("request"));
    typing(&mut app, "R");
    assert!(app.exceptions.request.is_none());
    for (w, h) in [(80, 24), (120, 40)] {
        let screen = flat(&app, w, h);
        assert!(
            screen.contains("record a board's request"),
            "{w}x{h}: {screen}"
        );
        assert!(!screen.contains("A board's request"), "{w}x{h}: {screen}");
    }
}
