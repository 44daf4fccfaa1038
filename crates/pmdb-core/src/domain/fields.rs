//! Codes, names and texts: what each may hold. A code is what people type on the command
//! line and in spreadsheets, so it is short and plain; a title or name is one line; a
//! commentary, remedial action, proposal or decision may run to several lines. None may
//! hold control characters or bidi overrides (a newline and a tab are allowed in the
//! multi-line ones), so nothing typed can later act on a terminal.

use crate::safe_text::is_unsafe;

/// The longest code or login.
pub const CODE_MAX: usize = 40;
/// The longest title or name.
pub const NAME_MAX: usize = 500;
/// The longest commentary, remedial action, proposal or decision.
pub const TEXT_MAX: usize = 10_000;

/// A code, name or text the spec does not allow, naming which field (`what`) and why.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum FieldError {
    #[error("{what} is empty")]
    Empty { what: String },
    #[error("{what} is {length} characters long: at most {CODE_MAX} letters, digits and . - _ /")]
    CodeTooLong { what: String, length: usize },
    #[error("{what} holds {found}: use only letters, digits and . - _ /")]
    NotACode { what: String, found: String },
    #[error("{what} is {length} characters long: at most {most} are allowed")]
    TooLong {
        what: String,
        length: usize,
        most: usize,
    },
    #[error("{what} holds {found}: a title or name is one line of plain text")]
    NotOneLine { what: String, found: String },
    #[error("{what} holds {found}: only text, line breaks and tabs are allowed")]
    NotText { what: String, found: String },
    #[error("{what} is not an email address: write it as name@example.gov.uk, one @ and no spaces")]
    NotAnEmail { what: String },
}

/// A code (indicator, plan node, service, portfolio) or a login: 1–40 letters, digits and
/// `. - _ /`.
pub fn check_code(what: &str, code: &str) -> Result<(), FieldError> {
    let what = what.to_string();
    let length = code.chars().count();
    if length == 0 {
        return Err(FieldError::Empty { what });
    }
    if length > CODE_MAX {
        return Err(FieldError::CodeTooLong { what, length });
    }
    if let Some(c) = code
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | '/')))
    {
        return Err(FieldError::NotACode {
            what,
            found: describe(c),
        });
    }
    Ok(())
}

/// A title or a name: one line of at most 500 characters.
pub fn check_name(what: &str, text: &str) -> Result<(), FieldError> {
    check_length(what, text, NAME_MAX)?;
    if let Some(c) = text.chars().find(|c| is_unsafe(*c)) {
        return Err(FieldError::NotOneLine {
            what: what.to_string(),
            found: describe(c),
        });
    }
    Ok(())
}

/// An email address, or none (empty): a name's bounds, exactly one `@` with something
/// either side, and no spaces. A sanity check, not a proof that the address is delivered to.
pub fn check_email(what: &str, text: &str) -> Result<(), FieldError> {
    check_name(what, text)?;
    if text.is_empty() {
        return Ok(());
    }
    let parts: Vec<&str> = text.split('@').collect();
    let fits = parts.len() == 2
        && parts.iter().all(|p| !p.is_empty())
        && !text.chars().any(char::is_whitespace);
    if fits {
        Ok(())
    } else {
        Err(FieldError::NotAnEmail {
            what: what.to_string(),
        })
    }
}

/// A commentary, remedial action, proposal or decision: at most 10,000 characters; line
/// breaks and tabs allowed, no other control characters.
pub fn check_text(what: &str, text: &str) -> Result<(), FieldError> {
    check_length(what, text, TEXT_MAX)?;
    if let Some(c) = text
        .chars()
        .find(|c| is_unsafe(*c) && !matches!(c, '\n' | '\t' | '\r'))
    {
        return Err(FieldError::NotText {
            what: what.to_string(),
            found: describe(c),
        });
    }
    Ok(())
}

fn check_length(what: &str, text: &str, most: usize) -> Result<(), FieldError> {
    let length = text.chars().count();
    if length > most {
        return Err(FieldError::TooLong {
            what: what.to_string(),
            length,
            most,
        });
    }
    Ok(())
}

/// A character named so a person can find it: "a space", "the control character U+001B".
fn describe(c: char) -> String {
    match c {
        ' ' => "a space".into(),
        c if c.is_control() => format!("the control character U+{:04X}", c as u32),
        c if is_unsafe(c) => format!("the bidi control U+{:04X}", c as u32),
        c if c.is_ascii_graphic() => format!("'{c}'"),
        c => format!("'{c}' (U+{:04X})", c as u32),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_email_has_one_at_and_no_spaces() {
        assert!(check_email("the email", "").is_ok());
        assert!(check_email("the email", "k.choudhury@harborough.example").is_ok());
        for bad in [
            "kchoudhury",
            "k@c@x",
            "@x",
            "k@",
            "k choudhury@x",
            "k@x\u{a0}y",
        ] {
            assert_eq!(
                check_email("the email", bad),
                Err(FieldError::NotAnEmail {
                    what: "the email".into()
                }),
                "{bad}"
            );
        }
        assert!(matches!(
            check_email("the email", "k@x\u{1b}[2J"),
            Err(FieldError::NotOneLine { .. })
        ));
    }

    #[test]
    fn codes() {
        assert!(check_code("code", "HR-01.a/b_2").is_ok());
        assert_eq!(
            check_code("code", "").unwrap_err().to_string(),
            "code is empty"
        );
        assert!(
            check_code("code", &"X".repeat(41))
                .unwrap_err()
                .to_string()
                .contains("41 characters")
        );
        assert!(check_code("code", &"X".repeat(40)).is_ok());
        assert_eq!(
            check_code("code", "HR 01").unwrap_err().to_string(),
            "code holds a space: use only letters, digits and . - _ /"
        );
        assert!(
            check_code("code", "A\u{1b}")
                .unwrap_err()
                .to_string()
                .contains("U+001B")
        );
        assert!(
            check_code("code", "Ünï")
                .unwrap_err()
                .to_string()
                .contains("'Ü' (U+00DC)")
        );
    }

    #[test]
    fn names_and_texts() {
        assert!(check_name("title", "Households in temporary accommodation").is_ok());
        assert!(
            check_name("title", &"a".repeat(501))
                .unwrap_err()
                .to_string()
                .contains("501 characters")
        );
        assert!(
            check_name("title", "two\nlines")
                .unwrap_err()
                .to_string()
                .contains("U+000A")
        );
        assert!(
            check_name("title", "evil\u{202e}")
                .unwrap_err()
                .to_string()
                .contains("bidi control U+202E")
        );
        assert!(check_text("commentary", "Line one\nline two\tend").is_ok());
        assert!(check_text("commentary", "Windows\r\nline").is_ok());
        assert!(
            check_text("commentary", "\u{1b}]0;x\u{7}")
                .unwrap_err()
                .to_string()
                .contains("U+001B")
        );
        assert!(check_text("commentary", &"a".repeat(10_001)).is_err());
        assert!(check_text("commentary", &"a".repeat(10_000)).is_ok());
    }
}
