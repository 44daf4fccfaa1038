//! Recording an action's or project's update for the month, or a risk's review, in place
//! on the Entry tab: the status chosen from its words (`←`/`→` or its first letter), the
//! figures and the commentary typed into fields as the value editor's are, each checked
//! as typed by the domain's rules (`domain::delivery`), the commentary an at-risk or
//! off-track status needs said before saving. An update's save is a compare-and-set on the
//! version read when editing began; a risk's review is dated today.

pub(crate) mod view;

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui_textarea::TextArea;

use crate::domain::delivery::action::ActionStatus;
use crate::domain::delivery::project::ProjectStatus;
use crate::domain::delivery::risk::check_scale;
use crate::domain::delivery::{DeliveryRag, check_progress, check_spent, rules};
use crate::domain::fields::check_text;
use crate::domain::money::{Sign, parse_money, parse_progress};
use crate::domain::period::Period;
use crate::query::entry_return::{ItemKind, ReturnRow};
use crate::store::{Expect, NewActionUpdate, NewProjectUpdate, NewRiskReview};
use crate::tui::components::form::{Form, FormField, Rebase, form_state};
use crate::tui::components::text_field::{field, line_of, text_box, text_of, type_key};
use crate::tui::components::theme::Theme;
use crate::tui::data::Data;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UField {
    Status,
    Progress,
    Forecast,
    Spent,
    Likelihood,
    Impact,
    Commentary,
}

impl UField {
    pub fn title(self) -> &'static str {
        match self {
            UField::Status => "Status",
            UField::Progress => "Progress %",
            UField::Forecast => "Forecast date",
            UField::Spent => "Spent to date",
            UField::Likelihood => "Likelihood 1–5",
            UField::Impact => "Impact 1–5",
            UField::Commentary => "Commentary",
        }
    }
}

impl FormField for UField {
    fn one_line(self) -> bool {
        self != UField::Commentary
    }
}

/// What is saved: an update or a review, ready for the store.
#[derive(Debug, Clone, PartialEq)]
pub enum UpdateJob {
    Action(NewActionUpdate, Expect),
    Project(NewProjectUpdate, Expect),
    Risk(NewRiskReview, Expect),
}

/// What another user saved for the same month, shown beside mine after a conflict.
#[derive(Debug, Clone, PartialEq)]
pub struct Theirs {
    pub version: i64,
    pub by: String,
    pub at: String,
    pub status: String,
    /// Progress and forecast, or spend.
    pub figures: String,
    pub commentary: String,
}

pub struct UpdateEditor {
    pub kind: ItemKind,
    pub code: String,
    pub title: String,
    pub period: Period,
    /// The day a risk's review is dated: today.
    pub today: NaiveDate,
    /// The version stored when editing began (0: none): the save expects it.
    pub version: i64,
    /// The status words and the one chosen.
    pub statuses: &'static [&'static str],
    pub status: usize,
    pub progress: TextArea<'static>,
    pub forecast: TextArea<'static>,
    pub spent: TextArea<'static>,
    pub likelihood: TextArea<'static>,
    pub impact: TextArea<'static>,
    pub commentary: TextArea<'static>,
    pub focus: UField,
    /// The domain's checks on what is typed: why it cannot be saved.
    pub checked: Result<(), String>,
    /// A risk's score and band as typed: (likelihood, impact, score, band).
    pub score: Option<(u8, u8, u8, DeliveryRag)>,
    /// Why the last save failed.
    pub message: Option<String>,
    /// After a conflict: what they saved (none: their update was removed).
    pub conflict: Option<Option<Theirs>>,
    initial: Vec<String>,
    theme: Theme,
}

const ACTION_WORDS: [&str; 7] = [
    "not_started",
    "on_track",
    "at_risk",
    "off_track",
    "completed",
    "deferred",
    "cancelled",
];
const PROJECT_WORDS: [&str; 5] = ["on_track", "at_risk", "off_track", "completed", "closed"];

impl UpdateEditor {
    pub fn new(row: &ReturnRow, data: &Data, theme: Theme) -> UpdateEditor {
        let f = |s: &str| field(s, theme);
        let statuses: &'static [&'static str] = match row.kind {
            ItemKind::Action => &ACTION_WORDS,
            ItemKind::Project => &PROJECT_WORDS,
            ItemKind::Risk => &[],
        };
        let seed = &row.seed;
        let mut ed = UpdateEditor {
            kind: row.kind,
            code: row.code.clone(),
            title: row.title.clone(),
            period: row.period,
            today: data.today,
            version: row.version,
            statuses,
            status: statuses.iter().position(|w| *w == seed.status).unwrap_or(0),
            progress: f(&seed.progress.map(|p| p.to_string()).unwrap_or_default()),
            forecast: f(seed.forecast.as_deref().unwrap_or("")),
            spent: f(&seed.spent.map(|s| s.to_string()).unwrap_or_default()),
            likelihood: f(&seed.likelihood.to_string()),
            impact: f(&seed.impact.to_string()),
            commentary: text_box(&seed.commentary, theme),
            focus: match row.kind {
                ItemKind::Risk => UField::Likelihood,
                _ => UField::Status,
            },
            checked: Ok(()),
            score: None,
            message: None,
            conflict: None,
            initial: vec![],
            theme,
        };
        ed.initial = ed.texts();
        ed.revalidate(data);
        ed.restyle();
        ed
    }

    /// The status word chosen (none for a risk).
    pub fn status_word(&self) -> &'static str {
        self.statuses.get(self.status).copied().unwrap_or("")
    }

    pub fn field(&self, f: UField) -> &TextArea<'static> {
        match f {
            UField::Progress => &self.progress,
            UField::Forecast => &self.forecast,
            UField::Spent => &self.spent,
            UField::Likelihood => &self.likelihood,
            UField::Impact => &self.impact,
            UField::Commentary | UField::Status => &self.commentary,
        }
    }

    fn field_mut(&mut self, f: UField) -> &mut TextArea<'static> {
        match f {
            UField::Progress => &mut self.progress,
            UField::Forecast => &mut self.forecast,
            UField::Spent => &mut self.spent,
            UField::Likelihood => &mut self.likelihood,
            UField::Impact => &mut self.impact,
            UField::Commentary | UField::Status => &mut self.commentary,
        }
    }

    /// `←`/`→`: the status before or after, on the status field; else the cursor moves.
    pub fn step(&mut self, by: isize, data: &Data) {
        if self.focus == UField::Status && !self.statuses.is_empty() {
            let n = self.statuses.len() as isize;
            self.status = (self.status as isize + by).rem_euclid(n) as usize;
            self.status_chosen();
            self.message = None;
            self.revalidate(data);
        } else {
            let code = if by < 0 {
                KeyCode::Left
            } else {
                KeyCode::Right
            };
            self.type_key(KeyEvent::new(code, KeyModifiers::NONE), data);
        }
    }

    /// Choosing `completed` for an action sets its progress to 100, as the store will.
    fn status_chosen(&mut self) {
        if self.kind == ItemKind::Action && self.status_word() == ActionStatus::Completed.as_str() {
            self.progress = field("100", self.theme);
            self.restyle();
        }
    }

    fn progress_typed(&self) -> Result<Option<i64>, String> {
        let t = line_of(&self.progress);
        if t.is_empty() {
            return Ok(None);
        }
        let p = parse_progress(&t).map_err(|e| format!("{}: {e}", self.code))?;
        check_progress(&self.code, Some(p)).map_err(|e| e.to_string())?;
        Ok(Some(p))
    }

    fn forecast_typed(&self) -> Result<Option<NaiveDate>, String> {
        let t = line_of(&self.forecast);
        if t.is_empty() {
            return Ok(None);
        }
        crate::domain::date::parse_date(&t)
            .map(Some)
            .map_err(|e| format!("{}: the forecast date '{t}' is not a date: {e}", self.code))
    }

    fn spent_typed(&self) -> Result<Option<f64>, String> {
        let t = line_of(&self.spent);
        if t.is_empty() {
            return Ok(None);
        }
        let s = parse_money(&t, Sign::NotNegative)
            .map_err(|e| format!("{}: the spend to date {e}", self.code))?;
        check_spent(&self.code, Some(s)).map_err(|e| e.to_string())?;
        Ok(Some(s))
    }

    fn scale_typed(&self) -> Result<(u8, u8), String> {
        let l = check_scale("likelihood", &line_of(&self.likelihood)).map_err(|e| e.to_string())?;
        let i = check_scale("impact", &line_of(&self.impact)).map_err(|e| e.to_string())?;
        Ok((l, i))
    }

    /// Checks what is typed with the domain's rules, as the store will.
    pub fn revalidate(&mut self, data: &Data) {
        self.score = None;
        self.checked = self.job(data).map(|_| ());
    }

    /// What to save, or why it cannot be.
    pub fn job(&mut self, data: &Data) -> Result<UpdateJob, String> {
        let commentary = text_of(&self.commentary);
        check_text("the commentary", &commentary).map_err(|e| e.to_string())?;
        let expect = if self.version == 0 {
            Expect::Absent
        } else {
            Expect::Version(self.version)
        };
        match self.kind {
            ItemKind::Action => {
                let status: ActionStatus =
                    self.status_word().parse().map_err(|e| format!("{e}"))?;
                let progress = self.progress_typed()?;
                let forecast = self.forecast_typed()?;
                // The rules the store keeps for every door, checked as the officer types.
                let progress = rules::action_update(
                    &self.code,
                    self.period,
                    status,
                    progress,
                    &commentary,
                    self.today,
                )
                .map_err(|e| e.to_string())?;
                Ok(UpdateJob::Action(
                    NewActionUpdate {
                        code: self.code.clone(),
                        period: self.period,
                        status,
                        progress,
                        forecast,
                        commentary,
                    },
                    expect,
                ))
            }
            ItemKind::Project => {
                let status: ProjectStatus =
                    self.status_word().parse().map_err(|e| format!("{e}"))?;
                let spent = self.spent_typed()?;
                rules::project_update(
                    &self.code,
                    self.period,
                    status,
                    spent,
                    &commentary,
                    self.today,
                )
                .map_err(|e| e.to_string())?;
                Ok(UpdateJob::Project(
                    NewProjectUpdate {
                        code: self.code.clone(),
                        period: self.period,
                        status,
                        spent,
                        commentary,
                    },
                    expect,
                ))
            }
            ItemKind::Risk => {
                let (likelihood, impact) = self.scale_typed()?;
                rules::risk_review(
                    &self.code,
                    self.today,
                    likelihood,
                    impact,
                    &commentary,
                    self.today,
                )
                .map_err(|e| e.to_string())?;
                let score = likelihood * impact;
                self.score = Some((likelihood, impact, score, data.ds.delivery.bands.rag(score)));
                Ok(UpdateJob::Risk(
                    NewRiskReview {
                        code: self.code.clone(),
                        date: self.today,
                        likelihood,
                        impact,
                        commentary,
                    },
                    expect,
                ))
            }
        }
    }

    /// The update stored now for this item's month, as another user left it.
    pub fn theirs(&self, data: &Data) -> Option<Theirs> {
        let d = &data.ds.delivery;
        let key = self.period.to_string();
        match self.kind {
            ItemKind::Action => d
                .action_updates
                .iter()
                .find(|u| u.action == self.code && u.period == key)
                .map(|u| Theirs {
                    version: u.version,
                    by: u.entered_by.clone(),
                    at: u.entered_at.clone(),
                    status: u.status.clone(),
                    figures: format!(
                        "progress {}, forecast {}",
                        u.progress.map(|p| format!("{p}%")).unwrap_or("-".into()),
                        u.forecast.clone().unwrap_or("-".into())
                    ),
                    commentary: u.commentary.clone(),
                }),
            ItemKind::Project => d
                .project_updates
                .iter()
                .find(|u| u.project == self.code && u.period == key)
                .map(|u| Theirs {
                    version: u.version,
                    by: u.entered_by.clone(),
                    at: u.entered_at.clone(),
                    status: u.status.clone(),
                    figures: format!(
                        "spent {}",
                        u.spent.map(|s| s.to_string()).unwrap_or("-".into())
                    ),
                    commentary: u.commentary.clone(),
                }),
            ItemKind::Risk => None,
        }
    }

    /// My side of a conflict, as typed: its lines in the conflict box (status, figures,
    /// commentary).
    pub fn mine(&self) -> Vec<String> {
        let figures = match self.kind {
            ItemKind::Action => format!(
                "progress {}, forecast {}",
                line_of(&self.progress),
                line_of(&self.forecast)
            ),
            ItemKind::Project => format!("spent {}", line_of(&self.spent)),
            ItemKind::Risk => format!("{} × {}", line_of(&self.likelihood), line_of(&self.impact)),
        };
        vec![
            format!("Status: {}", self.status_word()),
            figures,
            format!("Commentary: {}", text_of(&self.commentary)),
        ]
    }
}

impl Form for UpdateEditor {
    type Field = UField;
    type Ctx = Data;

    fn tab_order(&self) -> Vec<UField> {
        match self.kind {
            ItemKind::Action => vec![
                UField::Status,
                UField::Progress,
                UField::Forecast,
                UField::Commentary,
            ],
            ItemKind::Project => vec![UField::Status, UField::Spent, UField::Commentary],
            ItemKind::Risk => vec![UField::Likelihood, UField::Impact, UField::Commentary],
        }
    }

    form_state!();

    /// The status is chosen from its words, not typed: it has no box.
    fn text_box(&mut self, f: UField) -> Option<(&mut TextArea<'static>, String)> {
        (f != UField::Status).then(|| (self.field_mut(f), f.title().to_string()))
    }

    /// The figures, the commentary and the status word.
    fn texts(&self) -> Vec<String> {
        let mut v: Vec<String> = [
            &self.progress,
            &self.forecast,
            &self.spent,
            &self.likelihood,
            &self.impact,
            &self.commentary,
        ]
        .iter()
        .map(|t| text_of(t))
        .collect();
        v.push(self.status.to_string());
        v
    }

    /// A key typed: on the status field a letter chooses the next word starting with it;
    /// elsewhere it goes into the focused field.
    fn type_key(&mut self, key: KeyEvent, data: &Data) {
        if self.focus == UField::Status {
            if let KeyCode::Char(c) = key.code {
                let n = self.statuses.len();
                let c = c.to_ascii_lowercase();
                if let Some(i) = (1..=n)
                    .map(|k| (self.status + k) % n)
                    .find(|i| self.statuses[*i].starts_with(c))
                {
                    self.status = i;
                    self.status_chosen();
                }
            }
        } else {
            let focus = self.focus;
            type_key(self.field_mut(focus), key);
        }
        self.message = None;
        self.revalidate(data);
    }

    fn newline(&mut self, data: &Data) {
        self.commentary.insert_newline();
        self.revalidate(data);
    }
}

impl Rebase for UpdateEditor {
    fn rebase_on_theirs(&mut self) {
        self.version = self.conflict.take().flatten().map_or(0, |t| t.version);
    }
}
