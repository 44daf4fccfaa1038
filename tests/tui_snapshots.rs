//! Snapshots of every tab on the demo council at 80×24 and 120×40, with today pinned to
//! 2026-11-24 and the login to `perf`, so they change only when the interface does.
//! Review changes with `cargo insta review` (or `INSTA_UPDATE=always cargo test`).

mod tui_support;

use pmdb::store::Store;
use pmdb::tui::{App, Theme};
use tui_support::{screen, typing};

const LOGIN: &str = "perf";

fn today() -> chrono::NaiveDate {
    "2026-11-24".parse().unwrap()
}

/// Times of day a save happened (`2026-11-24T07:05:12.345Z`, or as people read them,
/// `24 Nov 2026 07:05`) vary from run to run: they are blanked to the same width.
fn redact_times(line: &str) -> String {
    let chars: Vec<char> = redact_clock(line).chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let looks = chars.len() >= i + 20
            && chars[i + 4] == '-'
            && chars[i + 10] == 'T'
            && chars[i + 13] == ':'
            && chars[i..i + 4].iter().all(char::is_ascii_digit);
        if looks {
            let end = (i..chars.len())
                .find(|j| chars[*j] == 'Z')
                .map(|j| j + 1)
                .unwrap_or(chars.len());
            out.extend(std::iter::repeat_n('·', end - i));
            i = end;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

/// "07:05" (two digits, a colon, two digits, standing alone) as "··:··".
fn redact_clock(line: &str) -> String {
    let mut chars: Vec<char> = line.chars().collect();
    let digit = |c: Option<&char>| c.is_some_and(char::is_ascii_digit);
    for i in 0..chars.len() {
        let looks = chars.get(i + 2) == Some(&':')
            && [0, 1, 3, 4].iter().all(|d| digit(chars.get(i + d)))
            && !(i > 0 && (digit(chars.get(i - 1)) || chars[i - 1] == ':'))
            && !digit(chars.get(i + 5))
            && chars.get(i + 5) != Some(&':');
        if looks {
            for d in [0, 1, 3, 4] {
                chars[i + d] = '·';
            }
        }
    }
    chars.into_iter().collect()
}

fn shot(app: &App, w: u16, h: u16) -> String {
    screen(app, w, h)
        .iter()
        .map(|l| redact_times(l))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn every_tab_on_the_demo_council() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.db");
    pmdb::demo::build_demo(&path, LOGIN, today(), 1).unwrap();
    // Entry is shown as an officer sees it: Zoe Campbell has a red and a missing value.
    let views = [
        (LOGIN, "", "plan"),
        ("zcampbell", "2", "entry"),
        // The rest of the return: Imran Qureshi's indicators, then ACT-17, whose October
        // update is missing; Enter on it opens its update.
        ("iqureshi", "2", "entry_return"),
        ("iqureshi", "2jjjj\n", "entry_update"),
        (LOGIN, "3", "exceptions"),
        (LOGIN, "4", "rollup"),
        (LOGIN, "4\n", "rollup_drill"),
        (LOGIN, "5", "delivery"),
        (LOGIN, "5ll", "delivery_risks"),
    ];
    for (login, keys, name) in views {
        for (w, h) in [(80, 24), (120, 40)] {
            let mut app =
                App::with_theme(Store::open(&path, login).unwrap(), today(), Theme::COLOUR)
                    .unwrap();
            for c in keys.chars() {
                match c {
                    '\n' => tui_support::press(&mut app, crossterm::event::KeyCode::Enter),
                    c => typing(&mut app, &c.to_string()),
                }
            }
            insta::assert_snapshot!(format!("{name}_{w}x{h}"), shot(&app, w, h));
        }
    }
}

#[test]
fn times_are_redacted_to_the_same_width() {
    assert_eq!(
        redact_times("at 2026-11-24T07:05:12.345Z by x"),
        "at ························ by x"
    );
    assert_eq!(redact_times("2026-11-24 stays"), "2026-11-24 stays");
}

#[test]
fn the_rollup_tab_shows_what_the_rollup_computes_on_the_demo() {
    use pmdb::query::rollup::{GroupBy, rollup};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.db");
    pmdb::demo::build_demo(&path, LOGIN, today(), 1).unwrap();
    let ds = Store::open(&path, LOGIN).unwrap().dataset().unwrap();
    let mut app =
        App::with_theme(Store::open(&path, LOGIN).unwrap(), today(), Theme::COLOUR).unwrap();
    typing(&mut app, "4");
    for by in [GroupBy::Priority, GroupBy::Portfolio, GroupBy::Service] {
        let r = rollup(&ds, "2026/27 Q2".parse().unwrap(), by, ds.context(today()));
        assert!(!r.groups.is_empty());
        for (w, h) in [(120, 40), (80, 24)] {
            let lines = screen(&app, w, h);
            for g in &r.groups {
                let c = &g.counts;
                let counts = format!(
                    "G{:<2} A{:<2} R{:<2} M{:<2} N{:<2}",
                    c.green, c.amber, c.red, c.missing, c.none
                );
                let Some(line) = lines
                    .iter()
                    .find(|l| l.contains(&format!("│{:<8} ", g.code)))
                else {
                    continue; // below the fold at 80×24
                };
                assert!(line.contains(&counts), "{by}: {line} lacks {counts}");
                // The share bar after the counts: every status with a count shows.
                let bar = &line[line.find(&counts).unwrap() + counts.len()..];
                for (letter, n) in [
                    ('G', c.green),
                    ('A', c.amber),
                    ('R', c.red),
                    ('M', c.missing),
                    ('-', c.none),
                ] {
                    assert_eq!(bar.contains(letter), n > 0, "{by} {w}x{h}: {line}");
                }
            }
        }
        typing(&mut app, "b");
    }
}
