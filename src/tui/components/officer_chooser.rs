//! Choosing whose indicators the Entry tab shows (`o`, for those who may see any
//! officer's): every officer who owns or enters data for an indicator, with their name,
//! login and how many indicators are theirs, found by typing part of a name or login.

use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::find_list::FindList;
use super::scroll::Window;
use super::theme::Theme;
use super::widgets::{centered, fit, pad, rpad};
use crate::query::entry_grid::is_theirs;
use crate::tui::action::Action;
use crate::tui::data::Data;
use crate::tui::keymap::View;

/// One officer in the list.
#[derive(Debug, Clone, PartialEq)]
pub struct Officer {
    pub login: String,
    pub name: String,
    /// Indicators they own or enter data for.
    pub indicators: usize,
}

pub struct OfficerChooser {
    pub all: Vec<Officer>,
    /// What is typed to find an officer, and those of `all` that match it.
    pub list: FindList,
}

impl OfficerChooser {
    /// The list, with the cursor on the officer shown now.
    pub fn new(data: &Data, current: &str) -> OfficerChooser {
        let all: Vec<Officer> = data
            .officers
            .iter()
            .map(|login| Officer {
                login: login.clone(),
                name: data.name_of(login).to_string(),
                indicators: data
                    .ds
                    .indicators
                    .iter()
                    .filter(|r| is_theirs(r, login))
                    .count(),
            })
            .collect();
        let cursor = all.iter().position(|o| o.login == current).unwrap_or(0);
        OfficerChooser {
            list: FindList::new(all.len(), cursor),
            all,
        }
    }

    /// Types into the search and narrows the list: any officer whose name or login holds
    /// what is typed, in any letter case.
    pub fn type_key(&mut self, ev: &KeyEvent) {
        let all = &self.all;
        self.list.type_key(ev, all.len(), |i| {
            [all[i].login.clone(), all[i].name.clone()]
        });
    }

    /// Moves the cursor by `by` rows, stopping at the ends.
    pub fn step(&mut self, by: isize) {
        self.list.step(by);
    }

    pub fn chosen(&self) -> Option<&Officer> {
        self.list.chosen().map(|i| &self.all[i])
    }
}

/// The list over the Entry tab: the search line, the officers that match ("N of M" in the
/// title), and how many rows are above and below when the list is longer than the box.
/// "Name (login)" in `cells`: the name is cut, never the login.
fn name_and_login(name: &str, login: &str, cells: usize) -> String {
    let login = format!(" ({login})");
    let room = cells.saturating_sub(crate::safe_text::width(&login));
    format!("{}{login}", fit(name, room))
}

pub fn draw(frame: &mut Frame, area: Rect, chooser: &OfficerChooser, theme: Theme) {
    let ch = &chooser.list;
    let dialog = centered(area, 72, area.height.saturating_sub(2).max(8));
    frame.render_widget(Clear, dialog);
    let keys = |a| View::OfficerChooser.keys_for(a);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.focus_border())
        .title(Span::styled(
            format!(
                " Choose an officer: {} of {} · {} shows · {} cancels ",
                ch.visible.len(),
                chooser.all.len(),
                keys(Action::Submit),
                keys(Action::Back)
            ),
            theme.title(),
        ));
    let inner = block.inner(dialog);
    frame.render_widget(block, dialog);
    let w = inner.width as usize;
    let mut lines = vec![Line::from(vec![
        Span::styled("Find (part of a name or login): ", theme.label()),
        Span::styled(
            format!("{}▏", fit(&ch.find, w.saturating_sub(34))),
            theme.key(),
        ),
    ])];
    // The search line and the line saying what is above and below.
    let height = (inner.height as usize).saturating_sub(2);
    let window = Window::new(ch.visible.len(), ch.cursor, height);
    if ch.visible.is_empty() {
        lines.push(Line::from(Span::styled(
            "No officer's name or login holds that",
            theme.dim(),
        )));
    }
    let count_w = 14;
    let name_w = w.saturating_sub(count_w + 3);
    for (n, i) in ch
        .visible
        .iter()
        .enumerate()
        .skip(window.offset)
        .take(height)
    {
        let o = &chooser.all[*i];
        let count = format!(
            "{} indicator{}",
            o.indicators,
            if o.indicators == 1 { "" } else { "s" }
        );
        let marker = if n == ch.cursor { "▶ " } else { "  " };
        let mut line = Line::from(format!(
            "{marker}{} {}",
            pad(&name_and_login(&o.name, &o.login, name_w), name_w),
            rpad(&count, count_w)
        ));
        if n == ch.cursor {
            line = line.style(theme.selected());
        }
        lines.push(line);
    }
    if let Some(more) = window.more() {
        lines.resize(height + 1, Line::from(""));
        lines.push(Line::from(Span::styled(more, theme.dim())));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
