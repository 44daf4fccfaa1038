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

    // Escalating names the board (the Management Board unless another is chosen); the
    // board's member and due date come with its outcome (issue 24).
    typing(&mut app, "e");
    typing(&mut app, "Refer to the Board");
    hit(&mut app, ctrl('s'));
    let e = stored(&path);
    assert_eq!(e.status, ExceptionStatus::Escalated);
    assert_eq!((e.board.as_str(), e.board_member.as_str()), ("MB", ""));
    typing(&mut app, "o");
    typing(&mut app, "Agency cover agreed");
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
        (
            e.decision.as_str(),
            e.outcome.as_str(),
            e.board_member.as_str(),
            e.escalation_due.as_deref()
        ),
        (
            "Refer to the Board",
            "Agency cover agreed",
            "kmorgan",
            Some("2024-09-30")
        )
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
    // At 120 × 40 and at 80 × 24 the record pane scrolls down to it (the pane learns its
    // size when drawn): the figures first, then the history, each entry with who and when.
    let change = format!(
        "{} · admin1 · status: open → proposed",
        pmdb::stamp::for_people(&stored[1].at)
    );
    let proposal = "admin1 · proposal: — → Crew campaign on contamination";
    for (w, h) in [(120, 40), (80, 24)] {
        let top = flat(&app, w, h);
        assert!(top.contains("Figures: 2024-06 43.0"), "{w}x{h}: {top}");
        for _ in 0..4 {
            flat(&app, w, h);
            press(&mut app, KeyCode::PageDown);
        }
        let down = flat(&app, w, h);
        assert!(down.contains("History (3)"), "{w}x{h}: {down}");
        assert!(down.contains(&change), "{w}x{h}: {down}");
        assert!(down.contains(proposal), "{w}x{h}: {down}");
        for _ in 0..4 {
            press(&mut app, KeyCode::PageUp);
        }
    }
    // The projector: the history under the figures and the trend.
    press(&mut app, KeyCode::Enter);
    let big = flat(&app, 160, 50);
    let trend = big.find("Last 3 months: 2024-04 52.0 G").expect(&big);
    let history = big.find("History (3)").expect(&big);
    assert!(trend < history, "{big}");
    assert!(big.contains("admin1 · status: open → proposed"), "{big}");
    for (w, h) in [(120, 40), (80, 24)] {
        let top = flat(&app, w, h);
        assert!(
            top.contains("Figures: 2024-06 43.0"),
            "projector {w}x{h}: {top}"
        );
        for _ in 0..4 {
            flat(&app, w, h);
            press(&mut app, KeyCode::PageDown);
        }
        let down = flat(&app, w, h);
        assert!(down.contains("History (3)"), "projector {w}x{h}: {down}");
        assert!(down.contains(&change), "projector {w}x{h}: {down}");
        assert!(
            down.contains("admin1 · proposal: — → Crew"),
            "projector {w}x{h}: {down}"
        );
        for _ in 0..4 {
            press(&mut app, KeyCode::PageUp);
        }
    }
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
    // Escalating the open PL2 exception (#2): its proposal asked for in the same dialog,
    // then PPG's decision and the board.
    typing(&mut app, "je");
    let s = flat(&app, 80, 24);
    assert!(s.contains("Officer's proposal (none on record yet)"), "{s}");
    assert!(s.contains("Board: ◀ Management Board (MB) ▶"), "{s}");
    typing(&mut app, "Return the figure by 9 August");
    press(&mut app, KeyCode::Tab);
    typing(&mut app, "Refer to the Board");
    hit(&mut app, ctrl('s'));
    let pl2 = Store::open(&path, LOGIN).unwrap().exception(2).unwrap();
    assert_eq!(
        (
            pl2.status,
            pl2.proposal.as_str(),
            pl2.decision.as_str(),
            pl2.board.as_str(),
            pl2.board_member.as_str(),
        ),
        (
            ExceptionStatus::Escalated,
            "Return the figure by 9 August",
            "Refer to the Board",
            "MB",
            ""
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

/// The fixture with Cabinet (CAB) as a board too, kmorgan its only member.
fn with_cabinet(dir: &std::path::Path) -> std::path::PathBuf {
    let path = raised(dir);
    Store::open(&path, LOGIN)
        .unwrap()
        .add_board("CAB", "Cabinet", &["kmorgan"])
        .unwrap();
    path
}

#[test]
fn the_escalate_dialog_chooses_the_board_and_the_outcome_dialog_records_the_boards_word() {
    for (w, h) in [(80, 24), (120, 40)] {
        let dir = tempfile::tempdir().unwrap();
        let path = with_cabinet(dir.path());
        let mut app = app(&path);
        typing(&mut app, "3");
        // An outcome before the exception is escalated is refused, naming why; nothing
        // is written.
        typing(&mut app, "o");
        typing(&mut app, "Fund it");
        let s = flat(&app, w, h);
        assert!(
            s.contains("has not been escalated to a board yet"),
            "{w}x{h}: {s}"
        );
        hit(&mut app, ctrl('s'));
        assert!(app.exceptions.form.is_some(), "{w}x{h}");
        assert_eq!(stored(&path).version, 1, "{w}x{h}");
        press(&mut app, KeyCode::Esc);
        typing(&mut app, "y");
        // The escalate dialog: the missing proposal first, PPG's decision, then the board,
        // the Management Board by default; → goes on to Cabinet.
        typing(&mut app, "e");
        let s = flat(&app, w, h);
        assert!(
            s.contains("Officer's proposal (none on record yet)"),
            "{w}x{h}: {s}"
        );
        assert!(s.contains("Management Board (MB)"), "{w}x{h}: {s}");
        typing(&mut app, "Crew campaign");
        press(&mut app, KeyCode::Tab);
        typing(&mut app, "Needs funding beyond the service");
        press(&mut app, KeyCode::Tab);
        press(&mut app, KeyCode::Right);
        let s = flat(&app, w, h);
        assert!(s.contains("Board: ◀ Cabinet (CAB) ▶"), "{w}x{h}: {s}");
        hit(&mut app, ctrl('s'));
        let e = stored(&path);
        assert_eq!(
            (
                e.status,
                e.board.as_str(),
                e.proposal.as_str(),
                e.decision.as_str()
            ),
            (
                ExceptionStatus::Escalated,
                "CAB",
                "Crew campaign",
                "Needs funding beyond the service"
            ),
            "{w}x{h}"
        );
        // The outcome dialog offers Cabinet's members only, and keeps PPG's decision.
        typing(&mut app, "o");
        assert_eq!(app.exceptions.form_choices(&app.data), ["kmorgan"]);
        typing(&mut app, "Agency cover funded to March");
        press(&mut app, KeyCode::Tab);
        let s = flat(&app, w, h);
        assert!(
            s.contains("Board member: ◀ Kate Morgan (kmorgan) ▶"),
            "{w}x{h}: {s}"
        );
        press(&mut app, KeyCode::Tab);
        typing(&mut app, "2024-10-31");
        hit(&mut app, ctrl('s'));
        let e = stored(&path);
        assert_eq!(
            (
                e.decision.as_str(),
                e.outcome.as_str(),
                e.board_member.as_str(),
                e.escalation_due.as_deref()
            ),
            (
                "Needs funding beyond the service",
                "Agency cover funded to March",
                "kmorgan",
                Some("2024-10-31")
            ),
            "{w}x{h}"
        );
        // The record shows decision and outcome apart, and the history the chain.
        let s = flat(&app, 160, 60);
        assert!(
            s.contains("PPG decision: Needs funding beyond the service"),
            "{s}"
        );
        assert!(s.contains("Escalated to: Cabinet (CAB)"), "{s}");
        assert!(
            s.contains("Board's outcome: Agency cover funded to March"),
            "{s}"
        );
        assert!(s.contains("board: — → CAB"), "{s}");
        assert!(
            s.contains("board's outcome: — → Agency cover funded to March"),
            "{s}"
        );
    }
}

#[test]
fn a_member_of_the_board_records_its_outcome_and_an_officer_off_it_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = escalated_to_cabinet(dir.path());
    // dhughes sits on MB, not on Cabinet: the key is refused before a word is typed.
    let mut off = app_as(&path, "dhughes");
    typing(&mut off, "3o");
    assert!(off.exceptions.form.is_none());
    let s = flat(&off, 80, 24);
    assert!(s.contains("Cabinet (CAB)'s outcome"), "{s}");
    // kmorgan, an officer on Cabinet, records it.
    let mut member = app_as(&path, "kmorgan");
    typing(&mut member, "3o");
    typing(&mut member, "Funded");
    hit(&mut member, ctrl('s'));
    let e = stored(&path);
    assert_eq!(
        (e.outcome.as_str(), e.board_member.as_str()),
        ("Funded", "kmorgan")
    );
}

/// Escalates exception 1 of the Cabinet fixture to Cabinet, with its proposal.
fn escalated_to_cabinet(dir: &std::path::Path) -> std::path::PathBuf {
    let path = with_cabinet(dir);
    let mut store = Store::open(&path, LOGIN).unwrap();
    for step in [
        pmdb::domain::workflow::Step {
            proposal: Some("Crew campaign".into()),
            ..Default::default()
        },
        pmdb::domain::workflow::Step {
            status: Some(ExceptionStatus::Escalated),
            board: Some("CAB".into()),
            ..Default::default()
        },
    ] {
        store
            .update_exception(&pmdb::store::ExceptionUpdate {
                id: 1,
                expected_version: None,
                step,
            })
            .unwrap();
    }
    path
}

#[test]
fn the_footer_offers_the_boards_outcome_to_its_members_only() {
    let dir = tempfile::tempdir().unwrap();
    let path = escalated_to_cabinet(dir.path());
    for (w, h) in [(80, 24), (120, 40)] {
        // kmorgan sits on Cabinet: `o` is offered after the list's own keys and the
        // period keys, where room is left; at 80 columns there is none, and nothing is
        // pushed out for it (the help lists it).
        let mut member = app_as(&path, "kmorgan");
        typing(&mut member, "3");
        let foot = line_with(&member, w, h, "? help");
        for kept in ["Enter projector", "s status filter", "[/] step period"] {
            assert!(foot.contains(kept), "{w}x{h}: {foot}");
        }
        assert_eq!(foot.contains(" o outcome "), w >= 100, "{w}x{h}: {foot}");
        // On the projector there is room at both sizes.
        press(&mut member, KeyCode::Enter);
        let foot = line_with(&member, w, h, "? help");
        assert!(foot.contains(" o outcome "), "{w}x{h}: {foot}");
        press(&mut member, KeyCode::Esc);
        // dhughes sits on MB, not on Cabinet: not offered.
        let mut off = app_as(&path, "dhughes");
        typing(&mut off, "3");
        let foot = line_with(&off, w, h, "? help");
        assert!(!foot.contains("outcome"), "{w}x{h}: {foot}");
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
    // agreed actions and the project escalated to Cabinet, carried forward from October's
    // PPG.
    for (w, h) in [(80, 24), (120, 40)] {
        let screen = text(&app, w, h);
        assert!(
            screen.contains("only meeting PPG 2026-11-26 (id 8, agenda)"),
            "{w}x{h}:\n{screen}"
        );
        assert!(
            screen.contains("Exception queue (25)"),
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
