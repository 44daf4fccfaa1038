//! The keymap tables are the only place keys live: each key does what its row says, the
//! help lists every row (the Board member picker's too), hints in the views spell keys as
//! the table does, `F1` opens the help wherever text is typed, and leaving a form with
//! anything typed asks first.

mod tui_support;

use crossterm::event::KeyCode;
use pmdb::domain::period::Period;
use pmdb::tui::App;
use pmdb::tui::action::Action;
use pmdb::tui::keymap::View;
use tui_support::*;

fn p(s: &str) -> Period {
    s.parse().unwrap()
}

fn footer(app: &App, w: u16, h: u16) -> String {
    screen(app, w, h).pop().unwrap_or_default()
}

/// The help line of a binding: its keys and its label on one line.
fn help_row(app: &App, keys: &str, label: &str) -> String {
    screen(app, 100, 40)
        .into_iter()
        .find(|l| l.contains(&format!(" {keys} ")) && l.contains(label))
        .unwrap_or_else(|| panic!("help lacks '{keys} … {label}':\n{}", text(app, 100, 40)))
}

#[test]
fn close_bracket_steps_forward_and_open_bracket_back_as_labelled() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(&fixture(dir.path()));
    assert_eq!(app.plan.period, p("2024-07"));
    typing(&mut app, "]");
    assert_eq!(app.plan.period, p("2024-08"));
    assert!(text(&app, 80, 24).contains("Golden thread · 2024-08"));
    typing(&mut app, "[");
    assert_eq!(app.plan.period, p("2024-07"));
    typing(&mut app, "[[");
    assert_eq!(app.plan.period, p("2024-05"));
    // The Entry tab's month follows the same rows.
    typing(&mut app, "2]");
    assert!(text(&app, 80, 24).contains("for 2024-08"));
    typing(&mut app, "[[");
    assert!(text(&app, 80, 24).contains("for 2024-06"));
    // The help says so, one row each; the footer writes the pair as one hint.
    assert!(footer(&app, 80, 24).contains("[/] step period"));
    typing(&mut app, "?");
    help_row(&app, "]", "next period");
    help_row(&app, "[", "previous period");
}

#[test]
fn the_board_member_picker_has_its_keys_in_the_table_and_the_help() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(&raised(dir.path()));
    typing(&mut app, "3e");
    // #1 has no proposal yet: the form asks for it first, so Tab once more to the board.
    // (Issue 24: the escalation chooses the board; the board's member is chosen with its
    // outcome.)
    typing(&mut app, "Crew campaign");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    let choices = app.exceptions.form_choices(&app.data);
    let form = || app.exceptions.form.as_ref().unwrap();
    assert!(form().picking());
    assert_eq!(app.views(), [View::BoardMember, View::ExceptionForm]);
    assert_eq!(form().chosen(&choices).unwrap(), "MB");
    hit(&mut app, ctrl('s'));
    assert!(app.exceptions.form.is_none());
    typing(&mut app, "o");
    press(&mut app, KeyCode::Tab);
    let board = app.exceptions.form_choices(&app.data);
    assert_eq!(board, ["dhughes", "kmorgan"]);
    let form = || app.exceptions.form.as_ref().unwrap();
    assert!(form().picking());
    assert_eq!(app.views(), [View::BoardMember, View::ExceptionForm]);
    assert_eq!(form().chosen(&board).unwrap(), "dhughes");
    press(&mut app, KeyCode::Right);
    assert_eq!(
        app.exceptions
            .form
            .as_ref()
            .unwrap()
            .chosen(&board)
            .unwrap(),
        "kmorgan"
    );
    typing(&mut app, " ");
    assert_eq!(
        app.exceptions
            .form
            .as_ref()
            .unwrap()
            .chosen(&board)
            .unwrap(),
        "dhughes"
    );
    press(&mut app, KeyCode::Left);
    assert_eq!(
        app.exceptions
            .form
            .as_ref()
            .unwrap()
            .chosen(&board)
            .unwrap(),
        "kmorgan"
    );
    // Letters are typed nowhere while the member has focus.
    typing(&mut app, "zz");
    assert!(!text(&app, 80, 24).contains("zz"));
    // The hint beside it, and the footer, spell the keys as the table does.
    let screen = text(&app, 80, 24);
    assert!(screen.contains("(←/→/Space to change)"), "{screen}");
    let foot = footer(&app, 80, 24);
    assert!(
        foot.contains("←/→/Space choose") && foot.contains("Esc cancel"),
        "{foot}"
    );
    // `?` here opens the help, the picker's keys first, then the form's beneath it.
    typing(&mut app, "?");
    assert!(text(&app, 100, 40).contains("Choosing the board or its member"));
    for b in View::BoardMember
        .bindings()
        .iter()
        .chain(View::ExceptionForm.bindings())
    {
        help_row(&app, &b.keys_label(), b.label);
    }
    press(&mut app, KeyCode::Esc);
    assert!(app.help.is_none() && app.exceptions.form.is_some());
}

#[test]
fn the_help_of_the_escalation_form_lists_the_picker_from_the_note_too() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(&raised(dir.path()));
    typing(&mut app, "3e");
    hit(&mut app, key(KeyCode::F(1)));
    help_row(&app, "→/Space", "next (board or member)");
    help_row(&app, "←", "previous (board or member)");
}

#[test]
fn save_hints_spell_the_keys_as_the_footer_and_help_do() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(&raised(dir.path()));
    // The exception form: "✓ ready: C-s saves · Esc cancels".
    typing(&mut app, "3p");
    typing(&mut app, "Crew campaign");
    let save = View::ExceptionForm.keys_for(Action::Save);
    let cancel = View::ExceptionForm.keys_for(Action::Back);
    assert!(!save.is_empty() && !cancel.is_empty());
    let screen = text(&app, 100, 30);
    assert!(
        screen.contains(&format!("✓ ready: {save} saves · {cancel} cancels")),
        "{screen}"
    );
    let foot = footer(&app, 100, 30);
    assert!(foot.contains(&format!("{save} save")), "{foot}");
    assert!(foot.contains(&format!("{cancel} cancel")), "{foot}");
    hit(&mut app, key(KeyCode::F(1)));
    help_row(&app, &save, "save");

    // The value editor: "C-s or Enter saves · Tab/↓ next field · Esc cancels".
    let dir = tempfile::tempdir().unwrap();
    let mut app = tui_support::app(&fixture(dir.path()));
    typing(&mut app, "2");
    choose_officer(&mut app, "alee");
    typing(&mut app, "[");
    press(&mut app, KeyCode::Enter);
    let keys = |a| View::EntryEdit.keys_for(a);
    let hint = format!(
        "{} or {} saves · {} next field · {} cancels",
        keys(Action::Save),
        keys(Action::Submit),
        keys(Action::NextField),
        keys(Action::Back)
    );
    let screen = text(&app, 100, 30);
    assert!(screen.contains(&hint), "{hint}\n{screen}");
    assert!(footer(&app, 100, 30).contains(&format!("{} save", keys(Action::Save))));

    // The question's answers come from the Confirm table.
    typing(&mut app, "9");
    press(&mut app, KeyCode::Esc);
    let confirm: Vec<String> = View::Confirm
        .bindings()
        .iter()
        .map(|b| format!("{} {}", b.keys_label(), b.label))
        .collect();
    let line = line_with(&app, 80, 24, &confirm[0]);
    assert!(line.contains(&confirm[1]), "{line}");
}

#[test]
fn f1_opens_the_help_while_typing_and_keeps_what_was_typed() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(&raised(dir.path()));
    // The value editor: `?` is typed, F1 is help.
    typing(&mut app, "2");
    choose_officer(&mut app, "alee");
    press(&mut app, KeyCode::Enter);
    typing(&mut app, "4?");
    assert!(app.help.is_none());
    press(&mut app, KeyCode::F(1));
    assert!(text(&app, 100, 40).contains("Keys: Editing a value"));
    assert!(footer(&app, 100, 40).contains("close the help"));
    press(&mut app, KeyCode::Esc);
    assert!(app.help.is_none());
    assert!(text(&app, 80, 24).contains("4?"));
    assert!(footer(&app, 80, 24).contains("F1 help"));
    press(&mut app, KeyCode::Esc);
    typing(&mut app, "y");

    // Typing a filter.
    typing(&mut app, "1/wr");
    press(&mut app, KeyCode::F(1));
    assert!(text(&app, 100, 40).contains("Keys: Typing a filter"));
    press(&mut app, KeyCode::Esc);
    assert!(app.plan.filter.typing);
    typing(&mut app, "1");
    assert_eq!(app.plan.filter, "wr1");
    press(&mut app, KeyCode::Enter);

    // The exception form's text and its due date.
    typing(&mut app, "3e");
    typing(&mut app, "Refer");
    press(&mut app, KeyCode::F(1));
    assert!(text(&app, 100, 40).contains("Keys: Recording the meeting"));
    press(&mut app, KeyCode::Esc);
    // #1 has no proposal yet: the form asks for it first, so Tab once more.
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    typing(&mut app, "2024-09");
    press(&mut app, KeyCode::F(1));
    assert!(text(&app, 100, 40).contains("Keys: Recording the meeting"));
    press(&mut app, KeyCode::Esc);
    let screen = text(&app, 80, 24);
    assert!(
        screen.contains("Refer") && screen.contains("2024-09"),
        "{screen}"
    );
}

#[test]
fn esc_on_the_exception_form_asks_before_discarding_a_typed_date() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(&raised(dir.path()));
    // Untouched, Esc just closes it.
    typing(&mut app, "3e");
    press(&mut app, KeyCode::Esc);
    assert!(app.exceptions.form.is_none() && app.question.is_none());

    // Only a due date typed: asked, and `n` keeps the form with the date.
    typing(&mut app, "e");
    // #1 has no proposal yet: the form asks for it first, so Tab once more.
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    typing(&mut app, "2024-09-30");
    press(&mut app, KeyCode::Esc);
    assert!(text(&app, 80, 24).contains("Discard your unsaved changes?"));
    typing(&mut app, "n");
    assert!(app.exceptions.form.is_some());
    assert!(text(&app, 80, 24).contains("2024-09-30"));
    // `y` discards it.
    press(&mut app, KeyCode::Esc);
    typing(&mut app, "y");
    assert!(app.exceptions.form.is_none());

    // Only another Board member chosen: asked too.
    typing(&mut app, "e");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Esc);
    assert!(text(&app, 80, 24).contains("Discard your unsaved changes?"));
    press(&mut app, KeyCode::Esc);
    assert!(app.exceptions.form.is_some());
}
