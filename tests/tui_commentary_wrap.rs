//! An officer's commentary is a paragraph: typed into the value editor's commentary box it
//! wraps by word and shows whole, first word to last, at 80×24 and larger; `Ctrl-U`,
//! `Home` and `End` still work on it, and a box reopened puts the cursor after its text.

mod tui_support;

use crossterm::event::KeyCode;
use pmdb::domain::period::Period;
use pmdb::store::Store;
use pmdb::tui::App;
use tui_support::*;

/// 300 characters, one paragraph: "Recycling" first, "September." last.
const PARAGRAPH: &str = "Recycling fell to 43% in July because the new collection rounds \
started late in the month and two crews were short staffed while the depot moved; the \
contamination rate also rose after the bin sticker change, so the crews are visiting the \
worst streets with leaflets and expect recovery by September.";

/// The Entry tab as Alan Lee, WR1's editor open on July (a ratio: 430 / 1000, red), the
/// commentary box focused.
fn editing_commentary(path: &std::path::Path) -> App {
    let mut app = app(path);
    typing(&mut app, "2");
    choose_officer(&mut app, "alee");
    press(&mut app, KeyCode::Enter);
    typing(&mut app, "430");
    press(&mut app, KeyCode::Tab);
    typing(&mut app, "1000");
    press(&mut app, KeyCode::Tab);
    app
}

/// The text rows inside the box titled `title`, its borders taken off, trailing spaces
/// trimmed: the lines as the screen shows them.
fn box_rows(app: &App, w: u16, h: u16, title: &str) -> Vec<String> {
    let screen = screen(app, w, h);
    let top = screen
        .iter()
        .position(|l| l.contains(&format!("{title} ─")))
        .unwrap_or_else(|| panic!("no box {title}:\n{}", screen.join("\n")));
    screen[top + 1..]
        .iter()
        .take_while(|l| !l.contains('└'))
        .map(|l| l.replace('│', " ").trim_end().to_string())
        .collect()
}

fn words(rows: &[String]) -> String {
    rows.join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn a_300_character_commentary_shows_wrapped_first_word_to_last() {
    assert_eq!(PARAGRAPH.chars().count(), 300);
    let dir = tempfile::tempdir().unwrap();
    let mut app = editing_commentary(&fixture(dir.path()));
    typing(&mut app, PARAGRAPH);
    // At 80×24 the box is 76 columns inside: the paragraph takes four lines, each ending
    // at a word (the next line starts with a whole word, none is cut in two).
    for (w, h, lines) in [(80, 24, 4), (120, 40, 3)] {
        let rows = box_rows(&app, w, h, "▶ Commentary");
        let text: Vec<&String> = rows.iter().filter(|r| !r.trim().is_empty()).collect();
        assert_eq!(text.len(), lines, "at {w}×{h}:\n{}", rows.join("\n"));
        assert!(
            text[0].trim_start().starts_with("Recycling fell"),
            "{rows:?}"
        );
        assert!(text[lines - 1].ends_with("by September."), "{rows:?}");
        // Read in order, the lines are the paragraph, every word once.
        assert_eq!(words(&rows), PARAGRAPH, "at {w}×{h}");
        for pair in text.windows(2) {
            let last = pair[0].split_whitespace().last().unwrap();
            let first = pair[1].split_whitespace().next().unwrap();
            assert!(
                PARAGRAPH.contains(&format!("{last} {first}")),
                "a word cut between lines at {w}×{h}: {last} | {first}"
            );
        }
    }
}

#[test]
fn ctrl_u_home_and_end_still_work_in_a_wrapped_commentary() {
    let dir = tempfile::tempdir().unwrap();
    let path = fixture(dir.path());
    let mut app = editing_commentary(&path);
    typing(&mut app, PARAGRAPH);
    // Home goes to the start of the paragraph (not of its last screen line), End back.
    press(&mut app, KeyCode::Home);
    typing(&mut app, "July: ");
    press(&mut app, KeyCode::End);
    typing(&mut app, " Figures to follow.");
    let rows = box_rows(&app, 80, 24, "▶ Commentary");
    assert_eq!(
        words(&rows),
        format!("July: {PARAGRAPH} Figures to follow."),
        "{}",
        rows.join("\n")
    );
    assert!(
        rows[0].trim_start().starts_with("July: Recycling"),
        "{rows:?}"
    );
    // Ctrl-U clears the paragraph, however many lines it was shown on.
    hit(&mut app, ctrl('u'));
    let rows = box_rows(&app, 80, 24, "▶ Commentary");
    assert_eq!(words(&rows), "", "{rows:?}");

    // Saved and opened again, the box puts the cursor after the text: what is typed next
    // follows its last word, and the first word still shows.
    typing(&mut app, PARAGRAPH);
    press(&mut app, KeyCode::Tab);
    typing(&mut app, "Leaflets to the worst streets");
    hit(&mut app, ctrl('s'));
    let store = Store::open(&path, LOGIN).unwrap();
    let july: Period = "2024-07".parse().unwrap();
    let saved = store.value_at("WR1", july).unwrap().expect("saved");
    assert_eq!(saved.commentary, PARAGRAPH);
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    typing(&mut app, " More in October.");
    let rows = box_rows(&app, 80, 24, "▶ Commentary");
    assert_eq!(words(&rows), format!("{PARAGRAPH} More in October."));
    assert!(
        rows[0].trim_start().starts_with("Recycling fell"),
        "{rows:?}"
    );
}
