//! The Entry tab's quarter narrative: on the demo council (today 2026-11-24, October due),
//! an officer who owns a monthly indicator presses `n` on it and writes the commentary and
//! remedial action Cabinet reads for 2026/27 Q3, saved as `pmdb comment` saves it; a
//! quarterly indicator and a signed-off quarter are refused naming why, nothing written;
//! the boxes wrap the officer's paragraph at 80×24 and 120×40.

mod tui_support;

use crossterm::event::KeyCode;
use pmdb::domain::narrative::Subject;
use pmdb::store::Store;
use tui_support::{ctrl, demo, entry_as, flat, go_to, hit, press, text, typing};

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

const WORDS: &str = "Households in temporary accommodation rose in October as section 21 \
notices kept coming; two new leased homes come in December, and move-on lets are agreed \
weekly with the housing associations.";

fn narratives(path: &std::path::Path) -> Vec<(Subject, String, String, String, String)> {
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
                n.written_by,
            )
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
