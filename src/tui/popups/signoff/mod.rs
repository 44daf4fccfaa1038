//! Signing a period off from the Rollup tab (`S`), with Leadership Team's approval on
//! record: what signing would freeze (the preview `pmdb signoff --dry-run` prints), what
//! stands in its way, and whose approval it records. A member of Leadership Team records
//! their own; a performance or admin user outside LT chooses LT's member who approved (found
//! by typing) and, if they like, LT's meeting, or records none. Whose approval is checked by
//! the store's rules (`Data::approval_to_record`) at every choice, so the dialog says what
//! the store would refuse before anything is written.

pub(crate) mod view;

use crossterm::event::KeyEvent;

use crate::domain::approval::{Asked, LEADERSHIP_TEAM, MeetingRef, approver};
use crate::domain::period::Period;
use crate::query::reviewable::check_reviewable;
use crate::query::signoff::{Preview, open_exceptions, preview, record};
use crate::store::{ApprovalRecord, Approve, ExceptionFilter, ExceptionRecord, MeetingRecord};
use crate::tui::action::Action;
use crate::tui::components::find_list::FindList;
use crate::tui::components::text_field::step_among;
use crate::tui::data::Data;
use crate::tui::messages::{Effect, Note};
use crate::tui::saving::{Job, Signed};

/// A step of the dialog, in the order `Tab` and `Enter` visit them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// Leadership Team's member who approved (performance and admin users outside LT).
    Approver,
    /// LT's meeting at which it was approved, if any.
    Meeting,
    /// The last step: `Enter` signs off.
    Confirm,
}

/// One of Leadership Team's members, as the list shows them.
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    pub login: String,
    pub name: String,
}

pub struct SignOffDialog {
    pub period: Period,
    pub preview: Preview,
    /// The exceptions of the period still open, which signing off leaves as they are.
    pub open: Vec<ExceptionRecord>,
    /// Why the period may not be signed off now, said before anything is chosen: then
    /// nothing is offered to choose.
    pub blocked: Option<String>,
    /// The period's sign-off on record, if it has one (as the reports give it).
    pub on_record: Option<String>,
    /// The data's generation the preview was read from (`refresh`).
    generation: u64,
    /// The signer is a member of Leadership Team: the approval recorded is their own.
    pub own: bool,
    /// The rows of the approver's list: `None` (nobody: no approval on record), then LT's
    /// members.
    pub members: Vec<Option<Member>>,
    pub approver: FindList,
    /// LT's meetings held by today, latest first.
    pub meetings: Vec<MeetingRecord>,
    /// 0: no meeting; n: `meetings[n - 1]`.
    pub meeting: usize,
    pub focus: Field,
    /// What signing off would record as the store's rules say now, or their refusal.
    pub approval: Result<ApprovalRecord, String>,
    /// The store's refusal of the last attempt to sign off.
    pub message: Option<String>,
}

/// Whether this login may sign off at all (its own approval, or recording none or LT's),
/// by the rule the store applies: what the footer and the help offer.
pub fn may_sign_off(data: &Data) -> bool {
    let members = data.members_of(LEADERSHIP_TEAM);
    let asked = Asked {
        approved_by: None,
        signer_on_lt: members.contains(&data.actor.login),
        named_on_lt: false,
        meeting: false,
    };
    approver(&data.actor, asked, &members).is_ok()
}

/// `S` on the Rollup tab: the dialog for `period`, or the refusal of someone who may not
/// sign off (an officer or viewer outside Leadership Team), said before any field.
pub fn open(data: &Data, period: Period) -> Result<SignOffDialog, Note> {
    // The store's own rule on who may sign off: refused here, nothing is shown to choose.
    data.approval_to_record(&Approve::default())
        .map_err(|e| {
            Note::Error(format!(
                "{period} was not signed off: {e} (a member of Leadership Team may, whatever their role)"
            ))
        })?;
    let own = data.members_of(LEADERSHIP_TEAM).contains(&data.actor.login);
    let members: Vec<Option<Member>> = std::iter::once(None)
        .chain(data.members_of(LEADERSHIP_TEAM).into_iter().map(|login| {
            Some(Member {
                name: data.name_of(&login).to_string(),
                login,
            })
        }))
        .collect();
    let mut meetings: Vec<MeetingRecord> = data
        .meetings
        .iter()
        .filter(|m| m.board == LEADERSHIP_TEAM && m.date <= data.today.to_string())
        .cloned()
        .collect();
    meetings.sort_by(|a, b| (&b.date, b.id).cmp(&(&a.date, a.id)));
    let mut dialog = SignOffDialog {
        period,
        // All that is read from the data is read by `read`, below.
        preview: Preview::default(),
        open: vec![],
        blocked: None,
        on_record: None,
        generation: data.generation,
        own,
        approver: FindList::new(members.len(), 0),
        members,
        meetings,
        meeting: 0,
        focus: if own { Field::Meeting } else { Field::Approver },
        approval: Ok(ApprovalRecord::default()),
        message: None,
    };
    dialog.read(data);
    dialog.recheck(data);
    Ok(dialog)
}

/// A refusal of the store's as a person reads it in the dialog: without the CLI's
/// "refused: --approved-by:" or "--meeting:" in front, which name flags nobody typed here.
/// The store's own words (and so the CLI's) stay as they are.
pub fn plainly(e: impl std::fmt::Display) -> String {
    let text = e.to_string();
    let mut rest = text.strip_prefix("refused: ").unwrap_or(&text);
    while let Some(after) = rest.strip_prefix("--") {
        match after.split_once(": ") {
            Some((flag, tail)) if !flag.contains(' ') => rest = tail,
            _ => break,
        }
    }
    rest.to_string()
}

/// Why `period` may not be signed off today, if it may not: signed off already, not yet
/// ended, or before anything was collected.
fn blocked(data: &Data, period: Period) -> Option<String> {
    if let Some(s) = data.ds.signoffs.of(&period.to_string()) {
        let done = crate::store::StoreError::AlreadySignedOff {
            period,
            at: s.signed_at.clone(),
        };
        return Some(format!("{done} by {}", s.signed_by));
    }
    check_reviewable(&data.ds, period, data.today, "it cannot be signed off")
        .err()
        .map(|e| e.to_string())
}

impl SignOffDialog {
    /// Reads what the dialog shows of the data: what signing off would freeze and leave
    /// open, what stands in its way, the sign-off on record.
    fn read(&mut self, data: &Data) {
        let period = self.period;
        self.preview = preview(&data.ds, period, data.ctx());
        self.open = data
            .exceptions(&ExceptionFilter::default())
            .map(|all| open_exceptions(all, period))
            .unwrap_or_default();
        self.blocked = blocked(data, period);
        self.on_record = record(&data.ds.signoffs, period);
        self.generation = data.generation;
        if !self.fields().contains(&self.focus) {
            self.focus = Field::Confirm;
        }
    }

    /// Brings the dialog up to date when the data was read again (another person's save,
    /// or a refused sign-off's), keeping what was chosen.
    pub fn refresh(&mut self, data: &Data) {
        if self.generation != data.generation {
            self.read(data);
            self.approval = data.approval_to_record(&self.approve()).map_err(plainly);
        }
    }

    /// The steps, in order: the approver only for those who record someone else's, the
    /// meeting only once someone approved; nothing to choose when it may not be signed off.
    pub fn fields(&self) -> Vec<Field> {
        let mut out = Vec::new();
        if self.blocked.is_some() {
            return vec![Field::Confirm];
        }
        if !self.own {
            out.push(Field::Approver);
        }
        if self.own || self.chosen().is_some() {
            out.push(Field::Meeting);
        }
        out.push(Field::Confirm);
        out
    }

    /// LT's member chosen to have approved (none: nobody, or the signer's own).
    pub fn chosen(&self) -> Option<&Member> {
        if self.own {
            return None;
        }
        self.approver
            .chosen()
            .and_then(|i| self.members[i].as_ref())
    }

    /// The meeting chosen, if any.
    pub fn meeting(&self) -> Option<&MeetingRecord> {
        self.meeting
            .checked_sub(1)
            .and_then(|i| self.meetings.get(i))
    }

    /// What signing off is asked to record.
    pub fn approve(&self) -> Approve {
        let meeting = self
            .fields()
            .contains(&Field::Meeting)
            .then(|| self.meeting().map(|m| MeetingRef::Id(m.id)))
            .flatten();
        Approve {
            by: self.chosen().map(|m| m.login.clone()),
            meeting,
        }
    }

    /// Checks the approval asked for against the store's rules again.
    fn recheck(&mut self, data: &Data) {
        self.approval = data.approval_to_record(&self.approve()).map_err(plainly);
        self.message = None;
    }

    /// The period's statuses could be signed off as chosen now.
    pub fn ready(&self) -> Result<(), String> {
        if let Some(why) = &self.blocked {
            return Err(why.clone());
        }
        self.approval.as_ref().map(|_| ()).map_err(Clone::clone)
    }

    fn step_focus(&mut self, by: isize) {
        self.focus = step_among(&self.fields(), self.focus, by);
    }

    fn type_key(&mut self, ev: &KeyEvent, data: &Data) {
        if self.focus != Field::Approver {
            return;
        }
        let members = &self.members;
        self.approver
            .type_key(ev, members.len(), |i| match &members[i] {
                Some(m) => [m.login.clone(), m.name.clone()],
                None => ["nobody".into(), "no approval".into()],
            });
        self.recheck(data);
    }

    fn step_choice(&mut self, by: isize, data: &Data) {
        match self.focus {
            Field::Approver => self.approver.step(by),
            Field::Meeting => {
                let last = self.meetings.len() as isize;
                self.meeting = (self.meeting as isize + by).clamp(0, last) as usize;
            }
            Field::Confirm => return,
        }
        self.recheck(data);
    }

    /// `Ctrl-S`, or `Enter` on the last step: the sign-off saved in the background, or what
    /// stands in its way said in the dialog, with nothing written.
    fn sign(&mut self, data: &Data) -> Effect {
        if let Err(why) = self.ready() {
            self.message = Some(format!("not signed off: {why}"));
            return Effect::None;
        }
        Effect::Save(Job::SignOff {
            period: self.period,
            today: data.today,
            approve: self.approve(),
        })
    }
}

/// A key while the dialog is open. `Esc` closes it with nothing written.
pub fn update(open: &mut Option<SignOffDialog>, action: Action, data: &Data) -> Effect {
    let Some(d) = open.as_mut() else {
        return Effect::None;
    };
    match action {
        Action::Up => d.step_choice(-1, data),
        Action::Down => d.step_choice(1, data),
        Action::Input(ev) => d.type_key(&ev, data),
        Action::NextField => d.step_focus(1),
        Action::PrevField => d.step_focus(-1),
        Action::Submit if d.focus != Field::Confirm => d.step_focus(1),
        Action::Submit | Action::Save => return d.sign(data),
        Action::Back => {
            let period = d.period;
            *open = None;
            return Effect::Note(Note::Info(format!(
                "not signed off: {period} was left as it was"
            )));
        }
        _ => {}
    }
    // The meeting step goes when nobody is chosen: the focus never rests on it then.
    if !d.fields().contains(&d.focus) {
        d.focus = Field::Confirm;
    }
    Effect::None
}

/// The sign-off's result: signed, the dialog closes and the status line says who approved;
/// refused, the dialog says why and nothing was written.
pub fn finish(
    open: &mut Option<SignOffDialog>,
    result: crate::store::Result<Signed>,
    data: &mut Data,
) -> Effect {
    match result {
        Ok(s) => {
            *open = None;
            let mut text = format!(
                "{} signed off, {} frozen: {}",
                s.period,
                crate::domain::label::counted(s.frozen, "status", "statuses"),
                s.record
            );
            if !s.approved {
                text.push_str("; no approval of Leadership Team on record");
            }
            match data.reload() {
                Ok(()) => Effect::Note(Note::Ok(text)),
                Err(e) => Effect::Note(Note::Error(format!(
                    "{text}; could not re-read the database: {e}"
                ))),
            }
        }
        Err(e) => {
            // Whatever was signed meanwhile shows, in the dialog and the tabs behind it.
            let _ = data.reload_if_changed();
            if let Some(d) = open.as_mut() {
                d.refresh(data);
                d.message = Some(format!("not signed off: {}", plainly(&e)));
                return Effect::None;
            }
            Effect::Note(Note::Error(format!("not signed off: {}", plainly(&e))))
        }
    }
}
