//! What a key can ask for. Keys are resolved to an `Action` through the keymap tables
//! (`keymap.rs`); `App::update` is the one place an action changes state.

use crossterm::event::KeyEvent;

use crate::domain::indicator::words;

words!(
    /// The five tabs, in the order the number keys and `Tab` walk them; the words are
    /// their names on the tab bar.
    Tab, "tab" {
        Plan = "Plan",
        Entry = "Entry",
        Exceptions = "Exceptions",
        Rollup = "Rollup",
        Delivery = "Delivery",
    }
);

impl Tab {
    pub fn index(self) -> usize {
        Tab::ALL.iter().position(|t| *t == self).unwrap_or(0)
    }

    pub fn step(self, by: isize) -> Tab {
        let n = Tab::ALL.len() as isize;
        Tab::ALL[(self.index() as isize + by).rem_euclid(n) as usize]
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    // Anywhere
    Quit,
    Help,
    NextTab,
    PrevTab,
    GoTab(Tab),
    PrevPeriod,
    NextPeriod,
    // Moving
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Top,
    Bottom,
    /// `PgUp`/`PgDn` on a pane of text (the detail, the record, the projector).
    ScrollUp,
    ScrollDown,
    /// `Enter`: open, drill down or edit.
    Open,
    /// `Esc`: back out of whatever is open.
    Back,
    /// `/`: start typing a filter.
    Filter,
    // Plan
    ExpandAll,
    CollapseAll,
    /// `c`: the case studies of the tab's financial year (under the selected plan node).
    CaseStudies,
    /// `Space` in the case studies: choose the selected one for the annual report, or not.
    ChooseStudy,
    /// `a` in the case studies: submit a new one.
    AddStudy,
    // Entry
    /// `o`: open the list of officers to choose whose indicators to show.
    ChooseOfficer,
    /// `n`: write the narrative of the selected indicator's quarter (Entry) or plan node's
    /// quarter or year (Plan); the editor steps to the year.
    Narrate,
    /// `t`: next year's targets of the officer's indicators, to propose (in the spring).
    Targets,
    // Editing a value or an exception's record
    NextField,
    PrevField,
    Save,
    /// `Enter` inside a form: saves from a one-line field, a new line in a text area.
    Submit,
    /// `Esc` while a save waits for the database: give it up, nothing written.
    Abandon,
    // Save conflict
    KeepMine,
    TakeTheirs,
    // Yes / no questions
    Yes,
    No,
    // Exceptions
    Propose,
    Decide,
    Escalate,
    /// The board's own outcome, member and due date.
    Outcome,
    Close,
    Reopen,
    CycleStatus,
    CycleKind,
    CycleService,
    CycleMeeting,
    ClearFilters,
    /// `C`: close (or only note) every agreed item of the selected meeting's agenda at once.
    CloseAgreed,
    /// `R`: record a board's request (`pmdb exceptions add --kind request`).
    RecordRequest,
    /// `M`: the selected meeting's minutes, filling the tab.
    Minutes,
    /// `w` on the minutes: write them as Markdown and HTML where `P` publishes.
    WriteMinutes,
    // Rollup
    CycleGroupBy,
    /// `P`: write the period's published pack (`pmdb publish`) into `pmdb-pack-<period>` in
    /// the directory pmdb was started in, never beside the database.
    PublishPack,
    /// `S`: sign the period off, with Leadership Team's approval on record.
    SignOff,
    /// A key typed into a text field.
    Input(KeyEvent),
}
