//! What opens over a tab and takes the keys until it closes: the value and update editors,
//! the exception form, the sign-off, the yes/no question, the help.

pub mod case_studies;
pub mod close_agreed;
pub(crate) mod dialog;
pub mod exception_form;
pub mod help;
pub mod narrative_editor;
pub mod request_form;
pub mod signoff;
pub mod target_form;
pub mod update_editor;
pub mod value_editor;
