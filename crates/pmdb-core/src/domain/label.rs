//! How a thing with a code and a name is labelled: "PR1 A greener Wyvern Vale", and the
//! code once when the name is empty or the code itself ("HR", not "HR HR").

/// "CODE name", or the code alone when the name adds nothing (empty, or the code again in
/// any letter case).
pub fn code_and_name(code: &str, name: &str) -> String {
    let name = name.trim();
    if name.is_empty() || name.eq_ignore_ascii_case(code.trim()) {
        code.to_string()
    } else if code.trim().is_empty() {
        name.to_string()
    } else {
        format!("{code} {name}")
    }
}

/// A count with its noun, one or many as English has it: "1 day", "14 days", "0 values".
pub fn counted(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// The name to show beside a code in a column of its own: empty when it would repeat it.
pub fn name_beside(code: &str, name: &str) -> String {
    let label = code_and_name(code, name);
    label
        .strip_prefix(code)
        .map(|rest| rest.trim_start().to_string())
        .unwrap_or(label)
}

/// "Text (a, b)" with the notes that are not empty, or the text alone: a title with its
/// unit never reads "Title ()" or "(, 1 decimal place)".
pub fn with_notes(text: &str, notes: &[&str]) -> String {
    let notes: Vec<&str> = notes
        .iter()
        .map(|n| n.trim())
        .filter(|n| !n.is_empty())
        .collect();
    if notes.is_empty() {
        text.to_string()
    } else {
        format!("{text} ({})", notes.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_notes_leave_no_brackets_or_commas() {
        assert_eq!(
            with_notes("Complaints", &["", "1 decimal place"]),
            "Complaints (1 decimal place)"
        );
        assert_eq!(
            with_notes("Complaints", &["%", "1 decimal place"]),
            "Complaints (%, 1 decimal place)"
        );
        assert_eq!(with_notes("Complaints", &[" "]), "Complaints");
    }

    #[test]
    fn a_code_equal_to_its_name_is_written_once() {
        for (code, name, label, beside) in [
            (
                "PR1",
                "A greener Wyvern Vale",
                "PR1 A greener Wyvern Vale",
                "A greener Wyvern Vale",
            ),
            ("HR", "HR", "HR", ""),
            ("HR", "", "HR", ""),
            ("VIS", "vis", "VIS", ""),
            ("", "Unassigned", "Unassigned", "Unassigned"),
            ("HRS", "HR Services", "HRS HR Services", "HR Services"),
        ] {
            assert_eq!(code_and_name(code, name), label, "{code} {name}");
            assert_eq!(name_beside(code, name), beside, "{code} {name}");
        }
    }

    #[test]
    fn a_count_takes_its_nouns_number() {
        assert_eq!(counted(1, "day", "days"), "1 day");
        assert_eq!(counted(14, "day", "days"), "14 days");
        assert_eq!(counted(0, "value", "values"), "0 values");
        assert_eq!(counted(1, "exception", "exceptions"), "1 exception");
    }
}
