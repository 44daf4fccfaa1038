//! A form's shared workings: which field has focus, `Tab` and `Shift-Tab` round its fields
//! with the focused box marked, the keys every form answers alike, and the save-conflict
//! pane's three answers. The value editor, the update editor and the exception form are
//! each a [`Form`]; each says only what is its own: its fields, how a key is typed into
//! them, and what it checks.

use crossterm::event::KeyEvent;
use ratatui_textarea::TextArea;

use super::text_field::{show_focus, step_among};
use super::theme::Theme;
use crate::tui::action::Action;
use crate::tui::keymap::View;

/// A field of a form.
pub trait FormField: Copy + PartialEq {
    /// Whether it takes one line: `Enter` saves from it, where it starts a new line in a
    /// box of prose.
    fn one_line(self) -> bool;
}

pub trait Form {
    type Field: FormField;
    /// What typing into the form is checked against (the data read, the Board's members).
    type Ctx: ?Sized;

    /// The fields, in the order `Tab` visits them.
    fn tab_order(&self) -> Vec<Self::Field>;
    fn focus(&self) -> Self::Field;
    fn set_focus(&mut self, f: Self::Field);
    /// A field's text box and its title; none for a field chosen from a list, not typed.
    fn text_box(&mut self, f: Self::Field) -> Option<(&mut TextArea<'static>, String)>;
    fn theme(&self) -> Theme;
    /// What each field holds (typed or chosen), always in the same order.
    fn texts(&self) -> Vec<String>;
    /// `texts` as the form opened.
    fn initial(&self) -> &[String];
    /// Types a key into the focused field and checks the form again.
    fn type_key(&mut self, key: KeyEvent, ctx: &Self::Ctx);
    /// A new line in the focused box of prose, and the form checked again.
    fn newline(&mut self, ctx: &Self::Ctx);

    /// Whether the focused field takes one line.
    fn one_line(&self) -> bool {
        self.focus().one_line()
    }

    /// Whether anything was typed or chosen since the form opened: leaving it would lose it.
    fn dirty(&self) -> bool {
        self.texts() != self.initial()
    }

    /// Moves the focus to `f`, its box marked.
    fn focus_on(&mut self, f: Self::Field) {
        self.set_focus(f);
        self.restyle();
    }

    /// The field `by` steps from the focused one, round from last to first.
    fn step_focus(&mut self, by: isize) {
        let f = step_among(&self.tab_order(), self.focus(), by);
        self.focus_on(f);
    }

    /// Borders and cursor show which box has focus (reverse video, so also without colour).
    fn restyle(&mut self) {
        let (theme, focus) = (self.theme(), self.focus());
        for f in self.tab_order() {
            if let Some((t, title)) = self.text_box(f) {
                show_focus(t, &title, f == focus, theme);
            }
        }
    }
}

/// The accessors every form writes alike, for a form with `focus`, `theme` and `initial`
/// fields: written once, here.
macro_rules! form_state {
    () => {
        fn focus(&self) -> Self::Field {
            self.focus
        }

        fn set_focus(&mut self, f: Self::Field) {
            self.focus = f;
        }

        fn theme(&self) -> $crate::tui::components::theme::Theme {
            self.theme
        }

        fn initial(&self) -> &[String] {
            &self.initial
        }
    };
}
pub(crate) use form_state;

/// What a key asks of the form's owner once the form has done its part.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// The form took the key.
    Done,
    Save,
    /// `Esc` with something typed: the owner asks before discarding it.
    AskDiscard,
    Close,
    /// A key that is not the same in every form, for the owner to carry out.
    Other(Action),
}

/// The keys every form answers alike: `Tab`/`Shift-Tab` step round the fields, a key is
/// typed into the focused one, `Enter` starts a new line in a box of prose and saves from
/// a one-line field (as `Ctrl-S` does anywhere), `Esc` closes the form, asking first if
/// anything was typed.
pub fn on_key<F: Form>(form: &mut F, action: Action, ctx: &F::Ctx) -> Outcome {
    match action {
        Action::NextField => form.step_focus(1),
        Action::PrevField => form.step_focus(-1),
        Action::Input(key) => form.type_key(key, ctx),
        Action::Submit if !form.one_line() => form.newline(ctx),
        Action::Submit | Action::Save => return Outcome::Save,
        Action::Back if form.dirty() => return Outcome::AskDiscard,
        Action::Back => return Outcome::Close,
        other => return Outcome::Other(other),
    }
    Outcome::Done
}

/// "C-s or Enter saves · Tab/↓ next field · Esc cancels": a form's keys as its keymap
/// table (`view`) spells them.
pub fn keys_hint(view: View) -> String {
    let keys = |a| view.keys_for(a);
    format!(
        "{} or {} saves · {} next field · {} cancels",
        keys(Action::Save),
        keys(Action::Submit),
        keys(Action::NextField),
        keys(Action::Back)
    )
}

/// A form whose save can meet another user's, after which their save shows beside mine.
pub trait Rebase {
    /// Bases the form on what they saved (the version a save now expects) and closes the
    /// conflict pane.
    fn rebase_on_theirs(&mut self);
}

/// The save-conflict pane's answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resolved {
    /// Mine, now based on theirs, to be saved again.
    SaveMine,
    /// Theirs kept: the form is closed.
    TookTheirs,
    /// Back to my edit, based on theirs (which has now been seen).
    Editing,
    Nothing,
}

/// The conflict pane's keys, the same for every form: `m` keeps mine, `t` takes theirs,
/// `Esc` goes back to my edit.
pub fn resolve<F: Rebase>(open: &mut Option<F>, action: Action) -> Resolved {
    let Some(form) = open.as_mut() else {
        return Resolved::Nothing;
    };
    match action {
        Action::KeepMine => {
            form.rebase_on_theirs();
            Resolved::SaveMine
        }
        Action::TakeTheirs => {
            *open = None;
            Resolved::TookTheirs
        }
        Action::Back => {
            form.rebase_on_theirs();
            Resolved::Editing
        }
        _ => Resolved::Nothing,
    }
}
