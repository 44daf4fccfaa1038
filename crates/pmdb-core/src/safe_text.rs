//! Text as it may reach a terminal. Whatever a person typed (a title, a name, a
//! commentary, a cell quoted in an error) is shown with ESC, the other C0 and C1 control
//! characters and the bidi overrides replaced by a visible mark, so no stored text can set
//! a window title, write a clipboard or clear a screen. Widths are counted in terminal
//! cells (a CJK character is two, a zero-width one none), so nothing overruns a border.
//! Exports are data, not display: they never pass through here.

use std::borrow::Cow;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// The mark for a C1 control or a bidi control: the replacement character.
const MARK: char = '\u{FFFD}';

/// Whether a character may not reach a terminal as it is.
pub fn is_unsafe(c: char) -> bool {
    c.is_control() // C0, DEL and C1
        || matches!(c,
            '\u{202A}'..='\u{202E}' // bidi embeddings and overrides
            | '\u{2066}'..='\u{2069}' // bidi isolates
            | '\u{200E}' | '\u{200F}' | '\u{061C}' // directional marks
        )
}

/// The visible stand-in for an unsafe character: the control pictures for C0 (`␛` for
/// ESC, `␊` for a line feed) and DEL, the replacement character for the rest.
fn mark(c: char) -> char {
    match c {
        '\u{0}'..='\u{1F}' => char::from_u32(0x2400 + c as u32).unwrap_or(MARK),
        '\u{7F}' => '\u{2421}',
        _ => MARK,
    }
}

/// One line of text: every unsafe character, line breaks and tabs included, replaced.
pub fn line(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| if is_unsafe(c) { mark(c) } else { c })
            .collect(),
    )
}

/// Text shown on several lines: line breaks kept (a CR before a LF dropped), a tab as a
/// space, every other unsafe character replaced.
pub fn lines(text: &str) -> Cow<'_, str> {
    let keeps = |c: char| c == '\n' || c == '\t' || c == '\r';
    if !text.chars().any(|c| is_unsafe(c) && !keeps(c)) && !text.contains(['\t', '\r']) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' => out.push('\n'),
            '\t' => out.push(' '),
            '\r' if chars.peek() == Some(&'\n') => {}
            c if is_unsafe(c) => out.push(mark(c)),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// The width of a line in terminal cells.
pub fn width(text: &str) -> usize {
    text.width()
}

/// A line cut to at most `cells` terminal cells, with "…" where it was cut.
pub fn fit(text: &str, cells: usize) -> String {
    if width(text) <= cells {
        return text.to_string();
    }
    if cells == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > cells - 1 {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    out
}

/// A line padded with spaces (or cut) to exactly `cells` terminal cells.
pub fn pad(text: &str, cells: usize) -> String {
    let mut out = fit(text, cells);
    let w = width(&out);
    out.extend(std::iter::repeat_n(' ', cells.saturating_sub(w)));
    out
}

/// A line right-aligned (or cut) in exactly `cells` terminal cells.
pub fn rpad(text: &str, cells: usize) -> String {
    let cut = fit(text, cells);
    let w = width(&cut);
    let mut out: String = std::iter::repeat_n(' ', cells.saturating_sub(w)).collect();
    out.push_str(&cut);
    out
}

/// JSON text with C1 controls and bidi controls escaped as `\uXXXX` too, as JSON allows:
/// serde escapes only C0, and the others must not reach a terminal raw either.
pub fn json_escaped(json: &str) -> Cow<'_, str> {
    if !json.chars().any(is_unsafe_in_json) {
        return Cow::Borrowed(json);
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if is_unsafe_in_json(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Unsafe characters serde_json leaves raw (it already escapes C0 inside strings, and the
/// line breaks between its own tokens are layout).
fn is_unsafe_in_json(c: char) -> bool {
    is_unsafe(c) && !c.is_ascii()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn escapes_become_visible_marks() {
        assert_eq!(line("a\u{1b}]0;pwned\u{7}b"), "a␛]0;pwned␇b");
        assert_eq!(line("x\u{9b}2J"), "x\u{FFFD}2J");
        assert_eq!(line("evil\u{202E}txt.exe"), "evil\u{FFFD}txt.exe");
        assert_eq!(line("one\ntwo"), "one␊two");
        assert_eq!(line("plain £ text"), "plain £ text");
        assert!(matches!(line("plain"), Cow::Borrowed(_)));
        assert_eq!(lines("one\r\ntwo\tthree\u{1b}[2J"), "one\ntwo three␛[2J");
    }

    #[test]
    fn widths_are_terminal_cells() {
        assert_eq!(width("議会"), 4);
        assert_eq!(width("e\u{301}"), 1);
        assert_eq!(fit("議会の計画", 5), "議会…");
        assert_eq!(width(&fit("議会の計画", 5)), 5);
        assert_eq!(pad("議", 4), "議  ");
        assert_eq!(rpad("7.5", 5), "  7.5");
        assert_eq!(fit("abc", 0), "");
    }

    #[test]
    fn json_gets_c1_and_bidi_escaped() {
        let j = serde_json::to_string("a\u{1b}b\u{9b}c\u{202e}").unwrap();
        assert_eq!(json_escaped(&j), "\"a\\u001bb\\u009bc\\u202e\"");
        let back: String = serde_json::from_str(&json_escaped(&j)).unwrap();
        assert_eq!(back, "a\u{1b}b\u{9b}c\u{202e}");
    }

    proptest! {
        #[test]
        fn nothing_unsafe_survives(s in "\\PC*|[\\x00-\\x1f\\x7f-\\x9f\u{202a}-\u{202e}a]*") {
            prop_assert!(!line(&s).chars().any(is_unsafe));
            prop_assert!(!lines(&s).chars().any(|c| is_unsafe(c) && c != '\n'));
            for w in 0..12 {
                prop_assert!(width(&fit(&line(&s), w)) <= w);
                prop_assert_eq!(width(&pad(&line(&s), w)), w);
            }
        }
    }
}
