//! The file name of a portfolio's page in the published pack: one name per code, never
//! shared by two codes, even on a file system that ignores case (Windows, macOS), and
//! readable for the usual codes (`ENV` → `portfolio-ENV.html`). Capital letters, digits,
//! `.`, `-` and `_` are kept; a small letter is written after a `~` (`env` → `~e~n~v`);
//! any other character byte by byte as `~` and two hex digits (`/` → `~2F`), or `~~` and
//! two for a byte from A0 up, whose hex digits begin with a letter. Every `~` is thus
//! followed by a small letter, a digit or another `~`, so the name reads back to exactly
//! one code whatever case a file system gives its letters. Only `~`, unreserved in a URL,
//! is added: the index links the name as it is.

use std::fmt::Write;

/// `portfolio-CODE.html` for a portfolio's code (see the module comment).
pub fn portfolio_page(code: &str) -> String {
    format!("portfolio-{}.html", file_part(code))
}

/// A code as part of a file name (see the module comment).
fn file_part(code: &str) -> String {
    let mut out = String::with_capacity(code.len());
    for c in code.chars() {
        match c {
            'A'..='Z' | '0'..='9' | '.' | '-' | '_' => out.push(c),
            'a'..='z' => {
                out.push('~');
                out.push(c);
            }
            c => {
                let mut bytes = [0; 4];
                for b in c.encode_utf8(&mut bytes).bytes() {
                    let lead = if b >= 0xA0 { "~~" } else { "~" };
                    let _ = write!(out, "{lead}{b:02X}");
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The code a file name was made from, read with its letters in any case: the proof
    /// that no two codes share a name on a case-insensitive file system.
    fn code_of(name: &str) -> Option<String> {
        let part = name
            .to_ascii_lowercase()
            .strip_prefix("portfolio-")?
            .strip_suffix(".html")?
            .to_string();
        let mut bytes = Vec::new();
        let mut chars = part.chars().peekable();
        let hex = |chars: &mut std::iter::Peekable<std::str::Chars>| -> Option<u8> {
            let pair: String = [chars.next()?, chars.next()?].iter().collect();
            u8::from_str_radix(&pair, 16).ok()
        };
        while let Some(c) = chars.next() {
            match c {
                '~' => match *chars.peek()? {
                    '~' => {
                        chars.next();
                        bytes.push(hex(&mut chars)?);
                    }
                    '0'..='9' => bytes.push(hex(&mut chars)?),
                    l @ 'a'..='z' => {
                        chars.next();
                        bytes.push(l as u8);
                    }
                    _ => return None,
                },
                'a'..='z' => bytes.push(c.to_ascii_uppercase() as u8),
                '0'..='9' | '.' | '-' | '_' => bytes.push(c as u8),
                _ => return None,
            }
        }
        String::from_utf8(bytes).ok()
    }

    #[test]
    fn codes_differing_in_punctuation_or_case_get_pages_of_their_own() {
        let names: Vec<String> = ["X.Y", "X/Y", "X_Y", "x.y", "X-Y", "Env", "ENV"]
            .into_iter()
            .map(portfolio_page)
            .collect();
        assert_eq!(
            names,
            [
                "portfolio-X.Y.html",
                "portfolio-X~2FY.html",
                "portfolio-X_Y.html",
                "portfolio-~x.~y.html",
                "portfolio-X-Y.html",
                "portfolio-E~n~v.html",
                "portfolio-ENV.html",
            ]
        );
        let mut folded: Vec<String> = names.iter().map(|n| n.to_ascii_lowercase()).collect();
        folded.sort();
        folded.dedup();
        assert_eq!(folded.len(), names.len());
        assert_eq!(portfolio_page("A~B é"), "portfolio-A~7EB~20~~C3~~A9.html");
        assert_eq!(code_of("portfolio-A~7EB~20~~C3~~A9.html").unwrap(), "A~B é");
    }

    proptest! {
        /// Every name reads back, in any case, to the one code it was made from; names
        /// use only characters a URL and every file system take as they are.
        #[test]
        fn distinct_codes_give_distinct_names_whatever_the_case(
            code in "[A-Za-z0-9./_~-]{1,40}|\\PC{1,12}"
        ) {
            let name = portfolio_page(&code);
            prop_assert!(name.chars().all(|c| c.is_ascii_alphanumeric() || "._-~".contains(c)));
            prop_assert_eq!(code_of(&name), Some(code.clone()));
            prop_assert_eq!(code_of(&name.to_ascii_uppercase()), Some(code));
        }

        #[test]
        fn two_codes_never_share_a_name(a in "[A-Za-z./_-]{1,6}", b in "[A-Za-z./_-]{1,6}") {
            if a != b {
                prop_assert_ne!(
                    portfolio_page(&a).to_ascii_lowercase(),
                    portfolio_page(&b).to_ascii_lowercase()
                );
            }
        }
    }
}
