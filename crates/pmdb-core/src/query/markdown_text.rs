//! Text a person typed (a title, a name, a commentary, a sign-off's reason, the council's
//! name), made safe to put in a Markdown report: a renderer shows it as the words typed and
//! forms nothing from it — no link, image, raw HTML, entity, emphasis, code span, table
//! cell break or heading mark — and no control character or bidi override reaches the
//! file (they become the terminal's visible marks). Line breaks become `<br>`, so a cell
//! or heading stays on its one line.

/// Characters Markdown (CommonMark and GitHub's tables, strikethrough) would read as
/// markup inside a line: each is written after a backslash, which CommonMark defines as
/// the literal character for any ASCII punctuation.
const BACKSLASHED: &[char] = &['\\', '`', '*', '_', '[', ']', '(', ')', '#', '!', '|', '~'];

/// `text` as inline Markdown that renders as the text itself (see the module comment).
pub fn md(text: &str) -> String {
    let clean = crate::safe_text::lines(text);
    let mut out = String::with_capacity(clean.len() + 8);
    let mut chars = clean.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' => out.push_str("<br>"),
            // HTML's and Markdown's own escapes, which both renderers honour: no tag,
            // comment or autolink can open.
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            // An ampersand could start a character reference (`&lt;`, `&#60;`, even a
            // legacy `&copy` without its semicolon) only when a letter, digit or `#`
            // follows: then it is written as `&amp;`; "Environment & Climate" stays as
            // typed.
            '&' if chars
                .peek()
                .is_some_and(|n| n.is_ascii_alphanumeric() || *n == '#') =>
            {
                out.push_str("&amp;")
            }
            c if BACKSLASHED.contains(&c) => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// A line of Markdown made by [`md`] (and the report around it) as a person reads it on a
/// screen: each backslashed character as itself, `&lt;` `&gt;` `&amp;` as `<` `>` `&`,
/// and `<br>` as " / " so the line stays one line. Heading and list marks stay as they
/// are, plain text. Controls are left for `safe_text` to show as marks when drawn.
pub fn readable(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(c) = rest.chars().next() {
        let escape = [
            ("<br>", " / "),
            ("&lt;", "<"),
            ("&gt;", ">"),
            ("&amp;", "&"),
        ]
        .into_iter()
        .find(|(from, _)| rest.starts_with(from));
        if let Some((from, to)) = escape {
            out.push_str(to);
            rest = &rest[from.len()..];
            continue;
        }
        if c == '\\'
            && let Some(next) = rest[1..].chars().next().filter(|n| BACKSLASHED.contains(n))
        {
            out.push(next);
            rest = &rest[1 + next.len_utf8()..];
            continue;
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn html_and_links_are_text() {
        assert_eq!(
            md("<img src=x onerror=alert(1)>"),
            "&lt;img src=x onerror=alert\\(1\\)&gt;"
        );
        assert_eq!(
            md("[x](javascript:alert(1))"),
            "\\[x\\]\\(javascript:alert\\(1\\)\\)"
        );
        assert_eq!(md("![i](http://e/x.png)"), "\\!\\[i\\]\\(http://e/x.png\\)");
        assert_eq!(
            md("<javascript:alert(1)>"),
            "&lt;javascript:alert\\(1\\)&gt;"
        );
        assert_eq!(
            md("**bold** _em_ `code` ~~gone~~"),
            "\\*\\*bold\\*\\* \\_em\\_ \\`code\\` \\~\\~gone\\~\\~"
        );
        assert_eq!(md("a | b # c \\"), "a \\| b \\# c \\\\");
        assert_eq!(md("&lt; &#60; &copy"), "&amp;lt; &amp;\\#60; &amp;copy");
    }

    #[test]
    fn plain_words_and_breaks_read_as_typed() {
        assert_eq!(md("Environment & Climate"), "Environment & Climate");
        assert_eq!(
            md("75.0% - on track; 2024/25 Q1"),
            "75.0% - on track; 2024/25 Q1"
        );
        assert_eq!(md("one\r\ntwo\nthree\tfour"), "one<br>two<br>three four");
    }

    #[test]
    fn readable_undoes_the_escapes() {
        assert_eq!(
            readable(&md("**bold** (a|b) #3 & &lt; <x> C:\\dir")),
            "**bold** (a|b) #3 & &lt; <x> C:\\dir"
        );
        assert_eq!(readable(&md("one\ntwo")), "one / two");
        assert_eq!(readable("## 2. CP01 \\(x\\)"), "## 2. CP01 (x)");
    }

    #[test]
    fn controls_and_bidi_become_marks() {
        assert_eq!(
            md("a\u{1b}[2Jb\u{9b}c\u{202e}d"),
            "a␛\\[2Jb\u{FFFD}c\u{FFFD}d"
        );
    }

    proptest! {
        /// Whatever is typed, nothing in the result can open markup: every special
        /// character is escaped, and no control or bidi character is left.
        #[test]
        fn nothing_forms_markup(s in "\\PC*|[<>\\[\\]()*_`!#|&\\\\~\\x00-\\x1f\u{202e}a-z ]*") {
            let out = md(&s);
            // Read back on a screen, it is the text typed (a line break as " / ").
            let typed = crate::safe_text::lines(&s).replace('\n', " / ");
            prop_assert_eq!(readable(&out), typed);
            prop_assert!(!out.replace("<br>", "").contains(['<', '>']));
            prop_assert!(!out.contains("]("));
            // An ampersand left as it is cannot start a character reference.
            let refs = out.replace("&lt;", " ").replace("&gt;", " ").replace("&amp;", " ");
            let amps: Vec<&str> = refs.split('&').skip(1).collect();
            prop_assert!(amps.iter().all(|rest| !rest.starts_with(|n: char| n.is_ascii_alphanumeric() || n == '#')));
            prop_assert!(!out.chars().any(crate::safe_text::is_unsafe));
            // Every special character stands after a backslash that is itself literal.
            let chars: Vec<char> = out.chars().collect();
            let mut i = 0;
            while i < chars.len() {
                if chars[i] == '\\' {
                    prop_assert!(i + 1 < chars.len() && BACKSLASHED.contains(&chars[i + 1]));
                    i += 2;
                    continue;
                }
                prop_assert!(!BACKSLASHED.contains(&chars[i]), "{} unescaped in {}", chars[i], out);
                i += 1;
            }
        }
    }
}
