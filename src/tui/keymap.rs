//! The keys of every view, one table per view: each row gives the key(s), the `Action`,
//! a short label and a group. Key handling looks keys up here, and the footer and the `?`
//! overlay are drawn from the same rows, so what they say cannot drift from what keys do.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::{Action, Tab};

/// A key with its modifiers, constructible in a `static` table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

impl Key {
    const fn ch(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            mods: KeyModifiers::NONE,
        }
    }

    const fn ctrl(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            mods: KeyModifiers::CONTROL,
        }
    }

    const fn code(code: KeyCode) -> Key {
        Key {
            code,
            mods: KeyModifiers::NONE,
        }
    }

    /// Whether a key press is this key. Shift is part of a character ('G' is not 'g') and
    /// of BackTab, so it is ignored for those; terminals differ in reporting it.
    pub fn matches(&self, ev: &KeyEvent) -> bool {
        let loose = matches!(ev.code, KeyCode::Char(_) | KeyCode::BackTab);
        let strip = |m: KeyModifiers| if loose { m - KeyModifiers::SHIFT } else { m };
        self.code == ev.code && strip(self.mods) == strip(ev.modifiers)
    }

    /// How the key is written in the footer and the help.
    pub fn label(&self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "S-Tab".into(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        };
        if self.mods.contains(KeyModifiers::CONTROL) {
            format!("C-{base}")
        } else {
            base
        }
    }
}

/// Whether a row is offered in the footer (every row is listed in the help).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Foot {
    Hidden,
    Shown,
    /// Shown together with the next row, as one hint under this label: `[/] step period`.
    WithNext(&'static str),
    /// Shown under this shorter label once every other key of the footer has its place,
    /// where room is left: a key the help explains that need not push another out.
    IfRoom(&'static str),
}

/// One row of a keymap table.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub keys: &'static [Key],
    pub action: Action,
    pub label: &'static str,
    pub group: &'static str,
    pub footer: Foot,
}

impl Binding {
    pub fn keys_label(&self) -> String {
        self.keys
            .iter()
            .map(Key::label)
            .collect::<Vec<_>>()
            .join("/")
    }
}

/// The views that have keys of their own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Global,
    Plan,
    Entry,
    /// The Entry tab's next-year targets to propose (`t`), in place of the return.
    EntryTargets,
    EntryEdit,
    /// Recording an action's or project's update, or a risk's review.
    UpdateEdit,
    Conflict,
    Exceptions,
    ExceptionForm,
    Projector,
    Rollup,
    RollupDrill,
    FilterInput,
    Confirm,
    /// A save waiting for the database.
    Saving,
    Help,
    /// The exception form's choice of Board member, while that field has focus.
    BoardMember,
    /// The Entry tab's list of officers, found by typing part of a name or login.
    OfficerChooser,
    Delivery,
    /// The Delivery tab's record of one item, filling the tab.
    DeliveryRecord,
    /// The Rollup tab's sign-off: who approves, at which meeting, then confirm.
    SignOff,
    /// The Exceptions tab's note for closing every agreed item of a meeting's agenda.
    CloseAgreed,
    /// The Exceptions tab's minutes of a meeting, filling the tab.
    Minutes,
    /// The Plan tab's case studies of a year (`c`), with the selected one's story.
    CaseStudies,
    /// Submitting a case study: its code, title, plan node and story.
    CaseStudyForm,
}

impl View {
    pub fn title(self) -> &'static str {
        match self {
            View::Global => "Everywhere",
            View::Plan => "Plan",
            View::Entry => "Entry",
            View::EntryTargets => "Entry: next year's targets",
            View::EntryEdit => "Editing a value",
            View::UpdateEdit => "Recording an update or review",
            View::Conflict => "Save conflict",
            View::Exceptions => "Exceptions",
            View::ExceptionForm => "Recording the meeting",
            View::Projector => "Projector view",
            View::Rollup => "Rollup",
            View::RollupDrill => "Rollup: indicators of a group",
            View::FilterInput => "Typing a filter",
            View::Confirm => "Question",
            View::Saving => "Saving",
            View::Help => "Help",
            View::BoardMember => "Choosing the board or its member",
            View::OfficerChooser => "Choosing an officer",
            View::Delivery => "Delivery",
            View::DeliveryRecord => "Delivery: an item's record",
            View::SignOff => "Signing off a period",
            View::CloseAgreed => "Closing a meeting's agreed items",
            View::Minutes => "A meeting's minutes",
            View::CaseStudies => "Case studies",
            View::CaseStudyForm => "Submitting a case study",
        }
    }

    /// Views where unbound keys are typed into a text field.
    pub fn takes_text(self) -> bool {
        matches!(
            self,
            View::EntryEdit
                | View::UpdateEdit
                | View::ExceptionForm
                | View::FilterInput
                | View::OfficerChooser
                | View::SignOff
                | View::CloseAgreed
                | View::CaseStudyForm
        )
    }

    pub fn bindings(self) -> &'static [Binding] {
        match self {
            View::Global => GLOBAL,
            View::Plan => PLAN,
            View::Entry => ENTRY,
            View::EntryTargets => ENTRY_TARGETS,
            View::EntryEdit => ENTRY_EDIT,
            View::UpdateEdit => UPDATE_EDIT,
            View::Conflict => CONFLICT,
            View::Exceptions => EXCEPTIONS,
            View::ExceptionForm => EXCEPTION_FORM,
            View::Projector => PROJECTOR,
            View::Rollup => ROLLUP,
            View::RollupDrill => ROLLUP_DRILL,
            View::FilterInput => FILTER_INPUT,
            View::Confirm => CONFIRM,
            View::Saving => SAVING,
            View::Help => HELP,
            View::BoardMember => BOARD_MEMBER,
            View::OfficerChooser => OFFICER_CHOOSER,
            View::Delivery => DELIVERY,
            View::DeliveryRecord => DELIVERY_RECORD,
            View::SignOff => SIGN_OFF,
            View::CloseAgreed => CLOSE_AGREED,
            View::Minutes => MINUTES,
            View::CaseStudies => CASE_STUDIES,
            // The form's keys are the editors': save, next field, cancel.
            View::CaseStudyForm => ENTRY_EDIT,
        }
    }

    /// How the keys this view binds to `action` are written ("C-s", "n/Esc"). Hints in
    /// the views take their key names from here, so they say what the table binds.
    pub fn keys_for(self, action: Action) -> String {
        keys_in(&[self], action)
    }

    /// Every view, for tests and checks over all the tables.
    pub const ALL: [View; 25] = [
        View::Global,
        View::Plan,
        View::Entry,
        View::EntryTargets,
        View::EntryEdit,
        View::UpdateEdit,
        View::Conflict,
        View::Exceptions,
        View::ExceptionForm,
        View::Projector,
        View::Rollup,
        View::RollupDrill,
        View::FilterInput,
        View::Confirm,
        View::Saving,
        View::Help,
        View::BoardMember,
        View::OfficerChooser,
        View::Delivery,
        View::DeliveryRecord,
        View::SignOff,
        View::CloseAgreed,
        View::Minutes,
        View::CaseStudies,
        View::CaseStudyForm,
    ];
}

/// The keys bound to `action` by the first view in the stack that binds it, written as
/// the footer and the help write them; empty when no view binds it.
pub fn keys_in(views: &[View], action: Action) -> String {
    views
        .iter()
        .map(|v| {
            v.bindings()
                .iter()
                .filter(|b| b.action == action)
                .map(Binding::keys_label)
                .collect::<Vec<_>>()
                .join("/")
        })
        .find(|k| !k.is_empty())
        .unwrap_or_default()
}

macro_rules! bind {
    ([$($k:expr),+], $action:expr, $label:literal, $group:literal, true) => {
        bind!([$($k),+], $action, $label, $group, Foot::Shown)
    };
    ([$($k:expr),+], $action:expr, $label:literal, $group:literal, false) => {
        bind!([$($k),+], $action, $label, $group, Foot::Hidden)
    };
    ([$($k:expr),+], $action:expr, $label:literal, $group:literal, $footer:expr) => {
        Binding { keys: &[$($k),+], action: $action, label: $label, group: $group, footer: $footer }
    };
}

use KeyCode::{BackTab, Down, End, Enter, Esc, Home, Left, PageDown, PageUp, Right, Up};

const UP: Key = Key::code(Up);
const DOWN: Key = Key::code(Down);
const F1: Key = Key::code(KeyCode::F(1));

#[rustfmt::skip]
static GLOBAL: &[Binding] = &[
    bind!([Key::ch('1')], Action::GoTab(Tab::Plan), "Plan tab", "tabs", false),
    bind!([Key::ch('2')], Action::GoTab(Tab::Entry), "Entry tab", "tabs", false),
    bind!([Key::ch('3')], Action::GoTab(Tab::Exceptions), "Exceptions tab", "tabs", false),
    bind!([Key::ch('4')], Action::GoTab(Tab::Rollup), "Rollup tab", "tabs", false),
    bind!([Key::ch('5')], Action::GoTab(Tab::Delivery), "Delivery tab", "tabs", false),
    bind!([Key::code(KeyCode::Tab)], Action::NextTab, "next tab", "tabs", false),
    bind!([Key::code(BackTab)], Action::PrevTab, "previous tab", "tabs", false),
    bind!([Key::ch('[')], Action::PrevPeriod, "previous period", "period", Foot::WithNext("step period")),
    bind!([Key::ch(']')], Action::NextPeriod, "next period", "period", false),
    bind!([Key::ch('?')], Action::Help, "help", "general", true),
    bind!([Key::ch('q'), Key::ctrl('c')], Action::Quit, "quit", "general", true),
];

#[rustfmt::skip]
static MOVE: [Binding; 4] = [
    bind!([Key::ch('k'), UP], Action::Up, "up", "move", false),
    bind!([Key::ch('j'), DOWN], Action::Down, "down", "move", false),
    bind!([Key::code(PageUp)], Action::PageUp, "page up", "move", false),
    bind!([Key::code(PageDown)], Action::PageDown, "page down", "move", false),
];

/// Where a pane of text sits beside a list, `PgUp`/`PgDn` scroll the text and the list
/// pages with `C-u`/`C-d`.
#[rustfmt::skip]
static PAGE_AND_SCROLL: [Binding; 4] = [
    bind!([Key::ctrl('u')], Action::PageUp, "page up the list", "move", false),
    bind!([Key::ctrl('d')], Action::PageDown, "page down the list", "move", false),
    bind!([Key::code(PageUp)], Action::ScrollUp, "scroll the detail up", "move", false),
    bind!([Key::code(PageDown)], Action::ScrollDown, "scroll the detail down", "move", false),
];

#[rustfmt::skip]
static PLAN: &[Binding] = &[
    bind!([Key::ch('h'), Key::code(Left)], Action::Left, "collapse/parent", "tree", true),
    bind!([Key::ch('l'), Key::code(Right)], Action::Right, "expand", "tree", true),
    bind!([Key::code(Enter)], Action::Open, "expand / collapse", "tree", false),
    MOVE[0],
    MOVE[1],
    PAGE_AND_SCROLL[0],
    PAGE_AND_SCROLL[1],
    PAGE_AND_SCROLL[2],
    PAGE_AND_SCROLL[3],
    bind!([Key::ch('g'), Key::code(Home)], Action::Top, "first row", "move", false),
    bind!([Key::ch('G'), Key::code(End)], Action::Bottom, "last row", "move", false),
    bind!([Key::ch('E')], Action::ExpandAll, "expand all", "tree", false),
    bind!([Key::ch('C')], Action::CollapseAll, "collapse all", "tree", false),
    bind!([Key::ch('c')], Action::CaseStudies, "case studies", "view", Foot::IfRoom("case studies")),
    bind!([Key::ch('n')], Action::Narrate, "the node's quarter or year narrative", "edit", Foot::IfRoom("narrative")),
    bind!([Key::ch('/')], Action::Filter, "filter", "find", true),
    bind!([Key::code(Esc)], Action::Back, "clear the filter", "find", false),
];

#[rustfmt::skip]
static ENTRY: &[Binding] = &[
    MOVE[0],
    MOVE[1],
    MOVE[2],
    MOVE[3],
    bind!([Key::code(Enter)], Action::Open, "edit or update", "edit", true),
    bind!([Key::ch('o')], Action::ChooseOfficer, "choose officer", "officer", true),
    bind!([Key::ch('n')], Action::Narrate, "the quarter's or year's narrative", "edit", Foot::IfRoom("narrative")),
    bind!([Key::ch('t')], Action::Targets, "next year's targets", "targets", true),
    bind!([Key::ch('/')], Action::Filter, "filter by code or title", "find", false),
    bind!([Key::code(Esc)], Action::Back, "clear the filter", "find", false),
];

/// Next year's targets, in place of the return: `Enter` proposes the selected one's.
#[rustfmt::skip]
static ENTRY_TARGETS: &[Binding] = &[
    MOVE[0],
    MOVE[1],
    bind!([Key::code(Enter)], Action::Open, "propose this target", "targets", true),
    bind!([Key::ch('t'), Key::code(Esc)], Action::Back, "back to the return", "targets", true),
];

#[rustfmt::skip]
static ENTRY_EDIT: &[Binding] = &[
    bind!([Key::ctrl('s')], Action::Save, "save", "edit", true),
    bind!([Key::code(Enter)], Action::Submit, "save (text box: new line)", "edit", true),
    bind!([Key::code(KeyCode::Tab), DOWN], Action::NextField, "next field", "edit", true),
    bind!([Key::code(BackTab), UP], Action::PrevField, "previous field", "edit", false),
    bind!([Key::code(Esc)], Action::Back, "cancel", "edit", true),
    bind!([Key::ctrl('q')], Action::Quit, "quit (asks first)", "edit", false),
    bind!([F1], Action::Help, "help", "edit", true),
];

/// The update editor: as the value editor, and `←`/`→` (or a letter) choose the status
/// while that field has focus (elsewhere they move the cursor in the field).
#[rustfmt::skip]
static UPDATE_EDIT: &[Binding] = &[
    bind!([Key::ctrl('s')], Action::Save, "save", "edit", true),
    bind!([Key::code(Enter)], Action::Submit, "save (text box: new line)", "edit", true),
    bind!([Key::code(KeyCode::Tab), DOWN], Action::NextField, "next field", "edit", true),
    bind!([Key::code(BackTab), UP], Action::PrevField, "previous field", "edit", false),
    bind!([Key::code(Left)], Action::Left, "previous status (status field)", "edit", Foot::WithNext("status")),
    bind!([Key::code(Right)], Action::Right, "next status (status field)", "edit", false),
    bind!([Key::code(Esc)], Action::Back, "cancel", "edit", true),
    bind!([Key::ctrl('q')], Action::Quit, "quit (asks first)", "edit", false),
    bind!([F1], Action::Help, "help", "edit", true),
];

#[rustfmt::skip]
static CONFLICT: &[Binding] = &[
    bind!([Key::ch('m')], Action::KeepMine, "keep mine: save over theirs", "conflict", true),
    bind!([Key::ch('t')], Action::TakeTheirs, "take theirs: discard my edit", "conflict", true),
    bind!([Key::code(Esc)], Action::Back, "back to my edit", "conflict", true),
    bind!([Key::ch('?'), F1], Action::Help, "help", "general", false),
];

#[rustfmt::skip]
static EXCEPTIONS: &[Binding] = &[
    MOVE[0],
    MOVE[1],
    PAGE_AND_SCROLL[0],
    PAGE_AND_SCROLL[1],
    PAGE_AND_SCROLL[2],
    PAGE_AND_SCROLL[3],
    bind!([Key::code(Enter)], Action::Open, "projector", "view", true),
    bind!([Key::ch('p')], Action::Propose, "proposal", "record", true),
    bind!([Key::ch('a')], Action::Decide, "agree", "record", true),
    bind!([Key::ch('e')], Action::Escalate, "escalate", "record", true),
    bind!([Key::ch('o')], Action::Outcome, "board's outcome", "record", Foot::IfRoom("outcome")),
    bind!([Key::ch('c')], Action::Close, "close", "record", true),
    bind!([Key::ch('r')], Action::Reopen, "reopen", "record", false),
    bind!([Key::ch('s')], Action::CycleStatus, "status filter", "filter", true),
    bind!([Key::ch('m')], Action::CycleMeeting, "meeting filter", "filter", false),
    bind!([Key::ch('v')], Action::CycleService, "service filter", "filter", false),
    bind!([Key::ch('t')], Action::CycleKind, "kind filter", "filter", false),
    bind!([Key::ch('x')], Action::ClearFilters, "clear filters (all periods)", "filter", false),
    bind!([Key::ch('C')], Action::CloseAgreed, "close or note the meeting's agreed items", "record", Foot::IfRoom("close agreed")),
    bind!([Key::ch('M')], Action::Minutes, "the meeting's minutes", "view", Foot::IfRoom("minutes")),
    bind!([Key::ch('R')], Action::RecordRequest, "record a board's request", "record", Foot::IfRoom("request")),
];

/// The note every agreed item of the agenda is closed (or only noted) with.
#[rustfmt::skip]
static CLOSE_AGREED: &[Binding] = &[
    bind!([Key::ctrl('s'), Key::code(Enter)], Action::Save, "close (or note) them all", "record", true),
    bind!([Key::code(KeyCode::Tab)], Action::NextField, "close them or only note them", "record", Foot::IfRoom("close/note")),
    bind!([Key::code(Esc)], Action::Back, "cancel: nothing written", "record", true),
    bind!([Key::ctrl('q')], Action::Quit, "quit (asks first)", "record", false),
    bind!([F1], Action::Help, "help", "record", true),
];

#[rustfmt::skip]
static MINUTES: &[Binding] = &[
    bind!([Key::code(PageUp)], Action::ScrollUp, "scroll up", "move", Foot::WithNext("scroll")),
    bind!([Key::code(PageDown)], Action::ScrollDown, "scroll down", "move", false),
    bind!([Key::ch('w')], Action::WriteMinutes, "write as Markdown and HTML", "publish", true),
    bind!([Key::code(Esc)], Action::Back, "back", "view", true),
];

#[rustfmt::skip]
static EXCEPTION_FORM: &[Binding] = &[
    bind!([Key::ctrl('s')], Action::Save, "save", "record", true),
    bind!([Key::code(KeyCode::Tab)], Action::NextField, "next field", "record", true),
    bind!([Key::code(BackTab)], Action::PrevField, "previous field", "record", false),
    bind!([Key::code(Enter)], Action::Submit, "new line / save from a one-line field", "record", false),
    bind!([Key::code(Esc)], Action::Back, "cancel", "record", true),
    bind!([Key::ctrl('q')], Action::Quit, "quit (asks first)", "record", false),
    bind!([F1], Action::Help, "help", "record", true),
];

#[rustfmt::skip]
static PROJECTOR: &[Binding] = &[
    bind!([Key::ch('k'), UP, Key::code(Left)], Action::Up, "previous", "move", true),
    bind!([Key::ch('j'), DOWN, Key::code(Right)], Action::Down, "next", "move", true),
    bind!([Key::code(PageUp)], Action::ScrollUp, "scroll up", "move", Foot::WithNext("scroll")),
    bind!([Key::code(PageDown)], Action::ScrollDown, "scroll down", "move", false),
    bind!([Key::ch('p')], Action::Propose, "proposal", "record", true),
    bind!([Key::ch('a')], Action::Decide, "agree", "record", true),
    bind!([Key::ch('e')], Action::Escalate, "escalate", "record", true),
    bind!([Key::ch('o')], Action::Outcome, "board's outcome", "record", Foot::IfRoom("outcome")),
    bind!([Key::ch('c')], Action::Close, "close", "record", true),
    bind!([Key::ch('r')], Action::Reopen, "reopen", "record", false),
    bind!([Key::code(Esc), Key::code(Enter)], Action::Back, "back", "view", true),
];

#[rustfmt::skip]
static ROLLUP: &[Binding] = &[
    MOVE[0],
    MOVE[1],
    bind!([Key::code(Enter), Key::ch('l')], Action::Open, "drill down", "view", true),
    bind!([Key::ch('b')], Action::CycleGroupBy, "group by", "view", true),
    bind!([Key::ch('P')], Action::PublishPack, "publish", "publish", true),
    bind!([Key::ch('S')], Action::SignOff, "sign off", "record", Foot::IfRoom("sign off")),
];

/// Signing a period off: letters find Leadership Team's member, so only arrows move.
#[rustfmt::skip]
static SIGN_OFF: &[Binding] = &[
    bind!([Key::ctrl('s')], Action::Save, "sign off", "sign off", true),
    bind!([Key::code(Enter)], Action::Submit, "next step / sign off (on the last)", "sign off", Foot::IfRoom("next")),
    bind!([Key::code(KeyCode::Tab)], Action::NextField, "next field", "sign off", true),
    bind!([Key::code(BackTab)], Action::PrevField, "previous field", "sign off", false),
    bind!([UP], Action::Up, "previous in the list", "sign off", Foot::WithNext("choose")),
    bind!([DOWN], Action::Down, "next in the list", "sign off", false),
    bind!([Key::code(Esc)], Action::Back, "cancel", "sign off", true),
    bind!([F1], Action::Help, "help", "sign off", true),
];

#[rustfmt::skip]
static ROLLUP_DRILL: &[Binding] = &[
    MOVE[0],
    MOVE[1],
    MOVE[2],
    MOVE[3],
    bind!([Key::code(Esc), Key::ch('h')], Action::Back, "back", "view", true),
    bind!([Key::ch('b')], Action::CycleGroupBy, "group by", "view", false),
];

/// The four lists side by side: `h`/`l` move between them, as the tree's keys move
/// between levels.
#[rustfmt::skip]
static DELIVERY: &[Binding] = &[
    bind!([Key::ch('h'), Key::code(Left)], Action::Left, "previous list", "lists", Foot::WithNext("list")),
    bind!([Key::ch('l'), Key::code(Right)], Action::Right, "next list", "lists", false),
    MOVE[0],
    MOVE[1],
    PAGE_AND_SCROLL[0],
    PAGE_AND_SCROLL[1],
    PAGE_AND_SCROLL[2],
    PAGE_AND_SCROLL[3],
    bind!([Key::ch('g'), Key::code(Home)], Action::Top, "first row", "move", false),
    bind!([Key::ch('G'), Key::code(End)], Action::Bottom, "last row", "move", false),
    bind!([Key::code(Enter)], Action::Open, "full record", "view", true),
    bind!([Key::ch('/')], Action::Filter, "filter", "find", true),
    bind!([Key::code(Esc)], Action::Back, "clear the filter", "find", false),
];

#[rustfmt::skip]
static DELIVERY_RECORD: &[Binding] = &[
    bind!([Key::ch('k'), UP], Action::Up, "previous item", "move", Foot::WithNext("item")),
    bind!([Key::ch('j'), DOWN], Action::Down, "next item", "move", false),
    bind!([Key::code(PageUp)], Action::ScrollUp, "scroll up", "move", Foot::WithNext("scroll")),
    bind!([Key::code(PageDown)], Action::ScrollDown, "scroll down", "move", false),
    bind!([Key::code(Esc), Key::code(Enter)], Action::Back, "back to the list", "view", true),
];

/// The year's case studies over the Plan tab: `Enter` shows the selected one's story.
#[rustfmt::skip]
static CASE_STUDIES: &[Binding] = &[
    MOVE[0],
    MOVE[1],
    bind!([Key::code(PageUp)], Action::ScrollUp, "scroll the story up", "move", false),
    bind!([Key::code(PageDown)], Action::ScrollDown, "scroll the story down", "move", false),
    bind!([Key::code(Enter)], Action::Open, "story / list", "view", true),
    bind!([Key::code(Esc)], Action::Back, "back", "view", true),
    bind!([Key::ch(' ')], Action::ChooseStudy, "choose for the report / not", "record", true),
    bind!([Key::ch('a')], Action::AddStudy, "add", "record", true),
];

#[rustfmt::skip]
static FILTER_INPUT: &[Binding] = &[
    bind!([Key::code(Enter)], Action::Submit, "keep the filter", "filter", true),
    bind!([Key::code(Esc)], Action::Back, "clear the filter", "filter", true),
    bind!([F1], Action::Help, "help", "filter", true),
];

#[rustfmt::skip]
static CONFIRM: &[Binding] = &[
    bind!([Key::ch('y')], Action::Yes, "yes", "answer", true),
    bind!([Key::ch('n'), Key::code(Esc)], Action::No, "no", "answer", true),
];

#[rustfmt::skip]
static SAVING: &[Binding] = &[
    bind!([Key::code(Esc)], Action::Abandon, "abandon save", "save", true),
    bind!([Key::ch('?'), F1], Action::Help, "help", "general", true),
];

#[rustfmt::skip]
static HELP: &[Binding] = &[
    bind!([Key::ch('k'), UP], Action::Up, "scroll up", "help", false),
    bind!([Key::ch('j'), DOWN], Action::Down, "scroll down", "help", false),
    bind!([Key::code(Esc), Key::ch('?')], Action::Back, "close the help", "help", true),
    bind!([Key::ch('q'), Key::ctrl('c')], Action::Quit, "quit", "help", false),
];

/// Above the exception form while the Board member has focus; the form's own keys (save,
/// next field, cancel) still apply beneath it. Nothing is typed here.
#[rustfmt::skip]
static BOARD_MEMBER: &[Binding] = &[
    bind!([Key::code(Left)], Action::Left, "previous (board or member)", "member", Foot::WithNext("choose")),
    bind!([Key::code(Right), Key::ch(' ')], Action::Right, "next (board or member)", "member", false),
    bind!([Key::ch('?')], Action::Help, "help", "member", false),
];

/// The list of officers: letters find, so only arrows and page keys move.
#[rustfmt::skip]
static OFFICER_CHOOSER: &[Binding] = &[
    bind!([UP], Action::Up, "up", "move", false),
    bind!([DOWN], Action::Down, "down", "move", false),
    bind!([Key::code(PageUp)], Action::PageUp, "page up", "move", false),
    bind!([Key::code(PageDown)], Action::PageDown, "page down", "move", false),
    bind!([Key::code(Enter)], Action::Submit, "show this officer's return", "choose", true),
    bind!([Key::code(Esc)], Action::Back, "cancel", "choose", true),
    bind!([F1], Action::Help, "help", "choose", true),
];

/// The action for a key in a stack of views (the first view that binds the key wins);
/// in a text view an unbound key is typed.
pub fn resolve(views: &[View], ev: &KeyEvent) -> Option<Action> {
    for view in views {
        for b in view.bindings() {
            if b.keys.iter().any(|k| k.matches(ev)) {
                return Some(b.action);
            }
        }
    }
    views
        .first()
        .filter(|v| v.takes_text())
        .map(|_| Action::Input(*ev))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn keys_resolve_through_the_view_stack() {
        let stack = [View::Plan, View::Global];
        assert_eq!(
            resolve(&stack, &key(KeyCode::Char('j'))),
            Some(Action::Down)
        );
        assert_eq!(
            resolve(&stack, &key(KeyCode::Char('3'))),
            Some(Action::GoTab(Tab::Exceptions))
        );
        assert_eq!(
            resolve(&stack, &key(KeyCode::Char('['))),
            Some(Action::PrevPeriod)
        );
        assert_eq!(
            resolve(&stack, &key(KeyCode::Char(']'))),
            Some(Action::NextPeriod)
        );
        assert_eq!(resolve(&stack, &key(KeyCode::Char('z'))), None);
        // Typing into a field: `q` is a letter, not quit.
        let typing = [View::EntryEdit];
        assert_eq!(
            resolve(&typing, &key(KeyCode::Char('q'))),
            Some(Action::Input(key(KeyCode::Char('q'))))
        );
        let shift_g = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(resolve(&stack, &shift_g), Some(Action::Bottom));
        let ctrl_s = KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL);
        assert_eq!(resolve(&typing, &ctrl_s), Some(Action::Save));
    }

    #[test]
    fn f1_is_help_wherever_text_is_typed() {
        let f1 = key(KeyCode::F(1));
        for v in View::ALL.into_iter().filter(|v| v.takes_text()) {
            assert_eq!(resolve(&[v], &f1), Some(Action::Help), "{v:?}");
        }
        let picking = [View::BoardMember, View::ExceptionForm];
        assert_eq!(resolve(&picking, &f1), Some(Action::Help));
        assert_eq!(
            resolve(&picking, &key(KeyCode::Char('?'))),
            Some(Action::Help)
        );
        // Nothing is typed while the Board member has focus.
        assert_eq!(resolve(&picking, &key(KeyCode::Char('z'))), None);
    }

    #[test]
    fn a_row_written_with_the_next_has_a_next() {
        for v in View::ALL {
            let rows = v.bindings();
            for (n, b) in rows.iter().enumerate() {
                if let Foot::WithNext(label) = b.footer {
                    assert!(n + 1 < rows.len(), "{v:?}: '{label}' has no next row");
                }
            }
        }
    }

    #[test]
    fn no_key_is_bound_twice_in_one_view() {
        for v in View::ALL {
            let keys: Vec<Key> = v
                .bindings()
                .iter()
                .flat_map(|b| b.keys.iter().copied())
                .collect();
            for (n, k) in keys.iter().enumerate() {
                assert!(
                    !keys[n + 1..].contains(k),
                    "{:?} binds {} twice",
                    v,
                    k.label()
                );
            }
        }
    }
}
