//! The rules of performance management, in plain Rust: no SQL, no terminal, no clock.

pub mod aggregate;
pub mod approval;
pub mod assess;
pub mod bounds;
pub mod budget;
pub mod date;
pub mod deadline;
pub mod delivery;
pub mod direction;
pub mod entry;
pub mod fields;
pub mod forecast;
pub mod indicator;
pub mod kept;
pub mod label;
pub mod money;
pub mod narrative;
pub mod number;
pub mod owed;
pub mod period;
pub mod person;
pub mod plan;
pub mod rag;
pub mod ranking;
pub mod remind;
pub mod report_scope;
pub mod role;
pub mod rollup;
pub mod setting;
pub mod shares;
pub mod status_rule;
pub mod target;
pub mod target_state;
pub mod workflow;

/// "a" or "an" before a word, as it is written ("an exception status", "a polarity").
pub fn article(word: &str) -> &'static str {
    if word.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}

/// "a, b or c", for messages that list the accepted words.
pub fn words_list(words: &[&str]) -> String {
    match words {
        [] => String::new(),
        [one] => one.to_string(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}
