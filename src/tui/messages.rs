//! The messages every tab's update returns to the app: an `Effect` to carry out, a `Note`
//! for the status line, a `Question` to answer before going on. Tabs name these and not
//! the `App`, so no tab's state runs back up into app.rs.

use super::saving::Job;

/// A message on the status line.
#[derive(Debug, Clone, PartialEq)]
pub enum Note {
    Info(String),
    Ok(String),
    Error(String),
}

/// A yes/no question that must be answered before going on.
#[derive(Debug, Clone, PartialEq)]
pub enum Question {
    /// Esc on an edit with changes.
    DiscardEdit,
    /// Quit with an edit open.
    QuitDiscarding,
    CloseException {
        id: i64,
        version: i64,
    },
}

impl Question {
    pub fn text(&self) -> String {
        match self {
            Question::DiscardEdit => "Discard your unsaved changes?".into(),
            Question::QuitDiscarding => "You have an unsaved edit. Quit and discard it?".into(),
            Question::CloseException { id, .. } => format!("Close exception #{id}?"),
        }
    }
}

/// What a tab's update asks the app to do.
#[derive(Debug, Clone)]
pub enum Effect {
    None,
    Note(Note),
    Ask(Question),
    /// Start a save; its result goes back to the tab that asked.
    Save(Job),
}
