//! The selected meeting's minutes filling the tab (`M`): the Markdown `pmdb minutes MEETING`
//! writes (`query::minutes`), shown as text to read (no backslash escapes), scrolled with `PgUp`/`PgDn`. `w` writes them as Markdown and
//! HTML files into the folder the Rollup tab's `P` publishes into: the directory pmdb was
//! started in, never the database's.

use std::path::{Path, PathBuf};

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use crate::outfile::{Existing, write_beside};
use crate::query::markdown_text::readable;
use crate::query::minutes::{html, markdown};
use crate::safe_text;
use crate::store::{MeetingRecord, Result};
use crate::tui::app::App;
use crate::tui::components::scroll::TextScroll;
use crate::tui::data::Data;
use crate::tui::keymap::View;
use crate::tui::messages::{Effect, Note};

pub struct MinutesPane {
    pub meeting: MeetingRecord,
    /// The minutes as `pmdb minutes MEETING --format markdown` writes them.
    pub text: String,
    pub scroll: TextScroll,
    /// The data generation the text was made from: made again, where it is scrolled to
    /// kept, when another save changes what the minutes say.
    generation: u64,
}

impl MinutesPane {
    pub fn open(meeting: &MeetingRecord, data: &Data) -> Result<MinutesPane> {
        Ok(MinutesPane {
            meeting: meeting.clone(),
            text: markdown(&data.minutes(meeting)?),
            scroll: TextScroll::default(),
            generation: data.generation,
        })
    }

    /// Makes the text again if the data changed since it was made (a save here or
    /// elsewhere); if it cannot be read now, what was shown stays.
    pub fn sync(&mut self, data: &Data) {
        if self.generation == data.generation {
            return;
        }
        if let Ok(m) = data.minutes(&self.meeting) {
            self.text = markdown(&m);
        }
        self.generation = data.generation;
    }

    /// The files `w` writes into `dir`: `pmdb-minutes-PPG-2026-10-22.md` and `.html`.
    pub fn files(&self, dir: &Path) -> [PathBuf; 2] {
        let name: String = format!("pmdb-minutes-{}-{}", self.meeting.board, self.meeting.date)
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                    c
                } else {
                    '-'
                }
            })
            .collect();
        [
            dir.join(format!("{name}.md")),
            dir.join(format!("{name}.html")),
        ]
    }
}

/// `w`: the minutes, made again from the store as `pmdb minutes` makes them, written as
/// Markdown and HTML into `dir`; the status line names the files.
pub fn write(pane: &MinutesPane, data: &Data, dir: &Path) -> Effect {
    let [md_file, html_file] = pane.files(dir);
    let written = data
        .minutes(&pane.meeting)
        .map_err(anyhow::Error::from)
        .and_then(|m| {
            for (path, text) in [(&md_file, markdown(&m)), (&html_file, html(&m))] {
                write_beside(path, Existing::Replace, |f| {
                    std::io::Write::write_all(f, text.as_bytes())
                })
                .map_err(|e| anyhow::anyhow!("cannot write {}: {e}", path.display()))?;
            }
            Ok(())
        });
    Effect::Note(match written {
        Ok(()) => Note::Ok(format!(
            "minutes of meeting #{} written: {} and {}",
            pane.meeting.id,
            md_file.display(),
            html_file.display()
        )),
        Err(e) => Note::Error(format!(
            "the minutes of meeting #{} were not written: {e:#}",
            pane.meeting.id
        )),
    })
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App, pane: &MinutesPane) {
    let theme = app.theme;
    let m = &pane.meeting;
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.focus_border())
        .title(Span::styled(
            format!(
                " Minutes of meeting #{}: {} on {} ",
                m.id,
                safe_text::line(&m.board),
                safe_text::line(&m.date)
            ),
            theme.title(),
        ));
    let lines: Vec<Line<'static>> = pane
        .text
        .lines()
        .map(|l| {
            // Read as text, not as the Markdown's escapes; the file `w` writes keeps them.
            let l = safe_text::line(&readable(l)).into_owned();
            if l.starts_with('#') {
                Line::from(Span::styled(l, theme.heading()))
            } else {
                Line::from(l)
            }
        })
        .collect();
    let text = Paragraph::new(lines).wrap(Wrap { trim: false });
    pane.scroll
        .render(frame, area, block, text, View::Minutes, theme);
}
