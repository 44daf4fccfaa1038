//! The Exceptions tab: the queue, the record of the meeting (proposal, decision,
//! escalation, closure) saved through the store's workflow, and the projector view.

mod tui_support;

use crossterm::event::KeyCode;
use pmdb::domain::workflow::ExceptionStatus;
use pmdb::store::{ExceptionFilter, Store};
use tui_support::*;

/// Exception #1, WR1's.
fn stored(path: &std::path::Path) -> pmdb::store::ExceptionRecord {
    let all = Store::open(path, LOGIN)
        .unwrap()
        .exceptions(&ExceptionFilter::default())
        .unwrap();
    all.into_iter().find(|e| e.id == 1).expect("exception #1")
}

#[test]
fn the_queue_records_proposal_escalation_and_closure() {
    let dir = tempfile::tempdir().unwrap();
    let path = raised(dir.path());
    let mut app = app(&path);
    typing(&mut app, "3");
    let row = line_with(&app, 80, 24, "#1 ");
    assert!(
        row.contains("R red")
            && row.contains("WR1")
            && row.contains("open")
            && row.contains("2024-06"),
        "{row}"
    );
    // The figures that raised it, and the officer's commentary.
    let screen = text(&app, 120, 40);
    assert!(
        screen.contains("Figures: 2024-06 43.0 against target 50.0"),
        "{screen}"
    );
    assert!(
        screen.contains("Contamination rejected two loads"),
        "{screen}"
    );

    typing(&mut app, "p");
    // Saving an empty proposal is refused by the workflow, live.
    assert!(text(&app, 80, 24).contains("record the officer's proposal first"));
    typing(&mut app, "Crew campaign on contamination");
    hit(&mut app, ctrl('s'));
    let e = stored(&path);
    assert_eq!(
        (e.status, e.proposal.as_str(), e.version),
        (
            ExceptionStatus::Proposed,
            "Crew campaign on contamination",
            2
        )
    );

    typing(&mut app, "e");
    typing(&mut app, "Refer to the Board");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Tab);
    typing(&mut app, "09/30/2024");
    assert!(text(&app, 80, 24).contains("'09/30/2024' is not a date"));
    for _ in 0..10 {
        press(&mut app, KeyCode::Backspace);
    }
    typing(&mut app, "2024-09-30");
    hit(&mut app, ctrl('s'));
    let e = stored(&path);
    assert_eq!(e.status, ExceptionStatus::Escalated);
    assert_eq!(
        (e.board_member.as_str(), e.escalation_due.as_deref()),
        ("kmorgan", Some("2024-09-30"))
    );

    typing(&mut app, "c");
    assert!(text(&app, 80, 24).contains("Close exception #1?"));
    typing(&mut app, "y");
    assert_eq!(stored(&path).status, ExceptionStatus::Closed);
    assert!(line_with(&app, 80, 24, "#1 ").contains("closed"));
}

#[test]
fn filters_and_the_projector_view() {
    let dir = tempfile::tempdir().unwrap();
    let path = raised(dir.path());
    let mut app = app(&path);
    typing(&mut app, "3");
    // The queue opens on the last PPG meeting (20 July, for June's data).
    assert!(text(&app, 80, 24).contains("meeting PPG 2024-07-20"));
    assert!(text(&app, 80, 24).contains("Exception queue (2)"));
    typing(&mut app, "t");
    assert!(text(&app, 80, 24).contains("kind red"));
    assert!(text(&app, 80, 24).contains("Exception queue (1)"));
    typing(&mut app, "t");
    assert!(text(&app, 80, 24).contains("kind missing"));
    assert!(line_with(&app, 80, 24, "#2 ").contains("PL2"));
    typing(&mut app, "xs");
    assert!(
        text(&app, 80, 24).contains("status open")
            && text(&app, 80, 24).contains("Exception queue (2)")
    );
    typing(&mut app, "s");
    assert!(text(&app, 80, 24).contains("No exceptions match these filters"));
    typing(&mut app, "x[");
    // `[` from "all periods" goes to the month now due, 2024-07: nothing raised there.
    assert!(text(&app, 80, 24).contains("period 2024-07"));
    assert!(!text(&app, 80, 24).contains("#1 "));
    typing(&mut app, "[");
    assert!(text(&app, 80, 24).contains("#1 "));
    press(&mut app, KeyCode::Enter);
    let screen = text(&app, 80, 24);
    assert!(screen.contains("Exception 1 of 2"), "{screen}");
    assert!(screen.contains("Status: OPEN"), "{screen}");
    assert!(screen.contains("PPG on 2024-07-20"), "{screen}");
    typing(&mut app, "j");
    assert!(text(&app, 80, 24).contains("Exception 2 of 2"));
    press(&mut app, KeyCode::Esc);
    assert!(text(&app, 80, 24).contains("Exception queue (2)"));
}

#[test]
fn recording_the_meeting_waits_visibly_for_another_writer() {
    let dir = tempfile::tempdir().unwrap();
    let path = raised(dir.path());
    let mut app = app(&path);
    typing(&mut app, "3p");
    typing(&mut app, "Crew campaign on contamination");
    let holder = rusqlite::Connection::open(&path).unwrap();
    holder.execute_batch("BEGIN IMMEDIATE").unwrap();
    app.handle_key(ctrl('s'));
    app.poll_save(std::time::Duration::from_millis(20));
    let screen = text(&app, 80, 24);
    assert!(screen.contains("waiting for the database ("), "{screen}");
    assert!(screen.contains("Esc abandons the save"), "{screen}");
    assert_eq!(stored(&path).version, 1);
    holder.execute_batch("ROLLBACK").unwrap();
    settle(&mut app);
    let e = stored(&path);
    assert_eq!(
        (e.status, e.proposal.as_str(), e.version),
        (
            ExceptionStatus::Proposed,
            "Crew campaign on contamination",
            2
        )
    );
    assert!(text(&app, 80, 24).contains("is now proposed"));
}

#[test]
fn the_queue_marks_an_exception_whose_figure_changed_and_the_record_shows_both() {
    use pmdb::store::{Expect, NewValue, Quality};
    let dir = tempfile::tempdir().unwrap();
    let path = raised(dir.path());
    // WR1's June figure is corrected to 52.0 %: green now.
    let mut store = Store::open(&path, LOGIN).unwrap();
    let ctx = store.context(today()).unwrap();
    store
        .record_value(
            &NewValue {
                indicator: "WR1".into(),
                period: "2024-06".parse().unwrap(),
                value: None,
                numerator: Some(520.0),
                denominator: Some(1000.0),
                quality: Quality::Final,
                commentary: String::new(),
                action: String::new(),
            },
            Expect::Any,
            ctx,
        )
        .unwrap();
    let mut app = app(&path);
    typing(&mut app, "3");
    let screen = text(&app, 120, 40);
    // The queue rows: "│Δ#1   R red …" for the changed one, "│ #2 …" for the other.
    assert!(screen.contains("│Δ#1   R red"), "{screen}");
    assert!(screen.contains("│ #2   M missing"), "{screen}");
    assert!(
        screen.contains("Figures (changed): raised at 2024-06 43.0"),
        "{screen}"
    );
    assert!(screen.contains("now 2024-06 52.0"), "{screen}");
}

/// The app for `login`, a user of the council.
fn app_as(path: &std::path::Path, login: &str) -> pmdb::tui::App {
    pmdb::tui::App::with_theme(
        Store::open(path, login).unwrap(),
        today(),
        pmdb::tui::Theme::COLOUR,
    )
    .unwrap()
}

#[test]
fn the_record_and_the_projector_show_the_history_under_the_figures() {
    let dir = tempfile::tempdir().unwrap();
    let path = raised(dir.path());
    let mut app = app(&path);
    typing(&mut app, "3p");
    typing(&mut app, "Crew campaign on contamination");
    hit(&mut app, ctrl('s'));
    // Roomy: the record and its history, each entry with when, who and old → new.
    let screen = flat(&app, 160, 50);
    let figures = screen.find("Figures: 2024-06 43.0").expect(&screen);
    let history = screen.find("History (3)").expect(&screen);
    assert!(figures < history, "{screen}");
    // When, as people read it in the machine's zone: "8 Jul 2026 02:40", never the stamp.
    let stored = Store::open(&path, LOGIN)
        .unwrap()
        .exception_history(1)
        .unwrap();
    let when = pmdb::stamp::for_people(&stored[0].at);
    assert!(
        screen.contains(&format!("{when} · admin1 · raised: 2024-06 43.0")),
        "{screen}"
    );
    assert!(!screen.contains(&stored[0].at[..16]), "{screen}");
    assert!(
        screen.contains("admin1 · status: open → proposed"),
        "{screen}"
    );
    assert!(
        screen.contains("admin1 · proposal: — → Crew campaign on contamination"),
        "{screen}"
    );
    // At 80 × 24 the record pane scrolls down to it (the pane learns its size when drawn).
    for _ in 0..4 {
        flat(&app, 80, 24);
        press(&mut app, KeyCode::PageDown);
    }
    let small = flat(&app, 80, 24);
    assert!(small.contains("status: open → proposed"), "{small}");
    // The projector: the history under the figures and the trend.
    press(&mut app, KeyCode::Enter);
    let big = flat(&app, 160, 50);
    let trend = big.find("Last 3 months: 2024-04 52.0 G").expect(&big);
    let history = big.find("History (3)").expect(&big);
    assert!(trend < history, "{big}");
    assert!(big.contains("admin1 · status: open → proposed"), "{big}");
    for _ in 0..4 {
        flat(&app, 80, 24);
        press(&mut app, KeyCode::PageDown);
    }
    let small = flat(&app, 80, 24);
    assert!(small.contains("status: open → proposed"), "{small}");
}

#[test]
fn agree_and_escalate_ask_for_a_missing_proposal_before_the_decision() {
    let dir = tempfile::tempdir().unwrap();
    let path = raised(dir.path());
    let mut app = app(&path);
    // Agreeing the open WR1 exception: the dialog asks for the proposal first.
    typing(&mut app, "3a");
    let s = flat(&app, 80, 24);
    assert!(s.contains("Officer's proposal (none on record yet)"), "{s}");
    assert!(s.contains("type it in its box first"), "{s}");
    typing(&mut app, "Crew campaign");
    press(&mut app, KeyCode::Tab);
    typing(&mut app, "Agreed; review in October");
    let s = flat(&app, 80, 24);
    assert!(s.contains("ready"), "{s}");
    assert!(!s.contains("record the officer's proposal first"), "{s}");
    hit(&mut app, ctrl('s'));
    let e = stored(&path);
    assert_eq!(
        (e.status, e.proposal.as_str(), e.decision.as_str()),
        (
            ExceptionStatus::Agreed,
            "Crew campaign",
            "Agreed; review in October"
        )
    );
    // Escalating the open PL2 exception (#2): proposal, note, Board member, due date.
    typing(&mut app, "je");
    let s = flat(&app, 80, 24);
    assert!(s.contains("Officer's proposal (none on record yet)"), "{s}");
    typing(&mut app, "Return the figure by 9 August");
    press(&mut app, KeyCode::Tab);
    typing(&mut app, "Refer to the Board");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Tab);
    typing(&mut app, "2024-09-30");
    hit(&mut app, ctrl('s'));
    let pl2 = Store::open(&path, LOGIN).unwrap().exception(2).unwrap();
    assert_eq!(
        (
            pl2.status,
            pl2.proposal.as_str(),
            pl2.decision.as_str(),
            pl2.board_member.as_str(),
            pl2.escalation_due.as_deref()
        ),
        (
            ExceptionStatus::Escalated,
            "Return the figure by 9 August",
            "Refer to the Board",
            "kmorgan",
            Some("2024-09-30")
        )
    );
    // Once a proposal is on record the dialog does not ask again.
    typing(&mut app, "ka");
    assert!(!flat(&app, 80, 24).contains("none on record yet"));
}

#[test]
fn the_footer_offers_only_what_the_login_may_record() {
    use pmdb::domain::role::Role;
    let dir = tempfile::tempdir().unwrap();
    let path = raised(dir.path());
    Store::open(&path, LOGIN)
        .unwrap()
        .add_user("vwilson", "Val Wilson", Role::Viewer)
        .unwrap();
    let footer =
        |app: &pmdb::tui::App, w: u16, h: u16| screen(app, w, h)[usize::from(h) - 1].clone();
    // A viewer: neither the footer nor the help offers p a e c, and the keys say why.
    let mut viewer = app_as(&path, "vwilson");
    typing(&mut viewer, "3");
    for (w, h) in [(80, 24), (200, 60)] {
        let f = footer(&viewer, w, h);
        for hint in ["p proposal", "a agree", "e escalate", "c close"] {
            assert!(!f.contains(hint), "{w}x{h}: {f}");
        }
        assert!(f.contains("Enter projector"), "{f}");
    }
    typing(&mut viewer, "?");
    let help = flat(&viewer, 120, 50);
    assert!(
        !help.contains("agree") && !help.contains("escalate"),
        "{help}"
    );
    press(&mut viewer, KeyCode::Esc);
    typing(&mut viewer, "a");
    let s = flat(&viewer, 120, 40);
    assert!(viewer.exceptions.form.is_none());
    assert!(
        s.contains("refused: only admin and performance users may record PPG decisions"),
        "{s}"
    );
    // WR1's owner: the proposal on their own exception, nothing else.
    let mut owner = app_as(&path, "alee");
    typing(&mut owner, "3");
    let f = footer(&owner, 200, 60);
    assert!(f.contains("p proposal"), "{f}");
    assert!(!f.contains("a agree") && !f.contains("c close"), "{f}");
    typing(&mut owner, "j");
    assert!(!footer(&owner, 200, 60).contains("p proposal"));
    // The performance team: all of them.
    let admin = app(&path);
    let mut admin = admin;
    typing(&mut admin, "3");
    let f = footer(&admin, 200, 60);
    for hint in ["p proposal", "a agree", "e escalate", "c close"] {
        assert!(f.contains(hint), "{f}");
    }
}

#[test]
fn the_tab_opens_on_the_next_meetings_agenda_with_its_id_and_carried_forward_items() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo(dir.path());
    let mut app = pmdb::tui::App::with_theme(
        Store::open(&path, "perf").unwrap(),
        demo_today(),
        pmdb::tui::Theme::COLOUR,
    )
    .unwrap();
    typing(&mut app, "3");
    // November's PPG (meeting #8) reviews October: its 22 items, then September's two
    // agreed actions carried forward from October's PPG.
    for (w, h) in [(80, 24), (120, 40)] {
        let screen = text(&app, w, h);
        assert!(
            screen.contains("only meeting PPG 2026-11-26 (id 8, agenda)"),
            "{w}x{h}:\n{screen}"
        );
        assert!(
            screen.contains("Exception queue (24)"),
            "{w}x{h}:\n{screen}"
        );
    }
    for _ in 0..22 {
        hit(&mut app, key(KeyCode::Down));
    }
    for (w, h) in [(80, 24), (120, 40)] {
        let row = line_with(&app, w, h, "↻#1 ");
        assert!(
            row.contains("HS07") && row.contains("agreed") && row.contains("2026-09"),
            "{w}x{h}: {row}"
        );
        assert!(
            text(&app, w, h).contains("· carried forward"),
            "{w}x{h}:\n{}",
            text(&app, w, h)
        );
    }
    // The record pane and the projector say so in words.
    let screen = text(&app, 120, 40);
    assert!(
        screen.contains("Agenda: carried forward: still open from the board's"),
        "{screen}"
    );
    hit(&mut app, key(KeyCode::Enter));
    // On the projector at 80x24 the chart comes first: a page down reaches the record.
    let projector = text(&app, 120, 40);
    assert!(projector.contains("carried forward"), "{projector}");
    // The status bar keeps the meeting's id in sight on the projector.
    assert!(
        projector.contains("meeting PPG 2026-11-26 (id 8)"),
        "{projector}"
    );
    let mut projector = text(&app, 80, 24);
    for _ in 0..3 {
        if projector.contains("carried forward") {
            break;
        }
        hit(&mut app, key(KeyCode::PageDown));
        projector = text(&app, 80, 24);
    }
    assert!(projector.contains("carried forward"), "{projector}");
    hit(&mut app, key(KeyCode::Esc));
    // October's own items are not carried forward on their own meeting's agenda.
    let row = line_with(&app, 120, 40, "#17 ");
    assert!(!row.contains('↻'), "{row}");
}
