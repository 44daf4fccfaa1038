//! Every problem in a file at once: each names its row (and column when it has one), the
//! list is in file order, and a cell quoted in a message is cut short with its control
//! characters shown escaped, so a 10 MB cell or a stray escape byte never reaches the
//! terminal.

use super::CsvError;

/// How many problems a refusal lists before "and N more".
pub const LISTED: usize = 50;
/// How many characters of a cell a message quotes.
const QUOTED: usize = 80;

/// One problem: where, and what.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub row: usize,
    /// The column's place in the header, to list a row's problems in file order.
    pub place: usize,
    pub text: String,
}

/// A cell as a message shows it: at most 80 characters (then `…`), control and
/// invisible direction characters escaped.
pub fn shown(cell: &str) -> String {
    let mut out = String::new();
    for (n, c) in cell.chars().enumerate() {
        if n == QUOTED {
            out.push('…');
            break;
        }
        if c.is_control()
            || matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
        {
            out.extend(c.escape_debug());
        } else {
            out.push(c);
        }
    }
    out
}

/// A message from elsewhere (a parser's or the store's) that may quote a cell whole: each
/// appearance of the raw cell is replaced by its shown form, and the message itself is
/// kept to a readable length.
pub fn bounded(message: &str, cell: &str) -> String {
    let message = if cell.is_empty() {
        message.to_string()
    } else {
        message.replace(cell, &shown(cell))
    };
    clip(&message)
}

/// A message kept to a few hundred characters with its control characters (except line
/// breaks between listed problems) escaped.
pub fn clip(message: &str) -> String {
    const MOST: usize = 400;
    let mut out = String::new();
    for (n, c) in message.chars().enumerate() {
        if n == MOST {
            out.push('…');
            break;
        }
        if c.is_control() && c != '\n' {
            out.extend(c.escape_debug());
        } else {
            out.push(c);
        }
    }
    out
}

/// Ok when there are no problems; otherwise one refusal listing them in file order, up to
/// `LISTED` and then how many more.
pub fn finish(problems: Vec<Problem>) -> Result<(), CsvError> {
    refusal(problems).map_or(Ok(()), Err)
}

/// The refusal listing these problems, if there are any.
pub fn refusal(mut problems: Vec<Problem>) -> Option<CsvError> {
    match problems.len() {
        0 => None,
        1 => Some(CsvError(problems.remove(0).text)),
        n => {
            problems.sort_by_key(|p| (p.row, p.place));
            let mut lines = vec![format!("{n} problems; nothing was imported:")];
            lines.extend(problems.into_iter().take(LISTED).map(|p| p.text));
            if n > LISTED {
                lines.push(format!("and {} more", n - LISTED));
            }
            Some(CsvError(lines.join("\n")))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_shown_cell_is_short_and_has_no_raw_control_characters() {
        assert_eq!(shown("plain £5"), "plain £5");
        assert_eq!(shown("a\0b\u{1b}[31mc\n"), "a\\0b\\u{1b}[31mc\\n");
        let long = "x".repeat(10_000_000);
        assert_eq!(shown(&long), format!("{}…", "x".repeat(80)));
        let m = bounded(&format!("'{long}' is not a number"), &long);
        assert!(m.len() < 200, "{}", m.len());
    }

    #[test]
    fn many_problems_are_listed_to_fifty_then_counted() {
        let problems: Vec<Problem> = (2..=61)
            .rev()
            .map(|row| Problem {
                row,
                place: 0,
                text: format!("row {row}: bad"),
            })
            .collect();
        let text = finish(problems).unwrap_err().0;
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "60 problems; nothing was imported:");
        assert_eq!(lines[1], "row 2: bad");
        assert_eq!(lines[50], "row 51: bad");
        assert_eq!(lines[51], "and 10 more");
        assert_eq!(lines.len(), 52);
    }
}
