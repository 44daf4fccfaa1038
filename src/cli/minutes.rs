//! `pmdb minutes MEETING [--format markdown|html] [--out FILE]`: what was decided at a
//! meeting, item by item, from the entries recorded on its date for the items on its
//! agenda; the same bytes every time it is made.

use std::collections::BTreeMap;
use std::path::PathBuf;

use anyhow::{Context as _, Result, anyhow};
use clap::Args;

use super::Env;
use crate::query::minutes::{html, markdown, minutes};

#[derive(Args, Debug)]
pub struct MinutesArgs {
    /// The meeting: its number or BOARD:DATE (like PPG:2026-10-22).
    meeting: String,
    /// markdown or html.
    #[arg(long, default_value = "markdown")]
    format: String,
    /// Write to this file instead of standard output.
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
}

pub fn run(env: &Env, args: MinutesArgs) -> Result<()> {
    let format = match args.format.as_str() {
        "markdown" | "md" => "markdown",
        "html" => "html",
        other => {
            return Err(anyhow!(
                "--format: '{}' is not a minutes format: use markdown or html",
                crate::safe_text::line(other)
            ));
        }
    };
    let store = env.read()?;
    let (meeting, agenda) = super::agenda::agenda_of(&store, &args.meeting)?;
    let mut history = BTreeMap::new();
    for item in &agenda {
        history.insert(item.record.id, store.exception_history(item.record.id)?);
    }
    let board = store
        .boards()?
        .into_iter()
        .find(|b| b.code == meeting.board)
        .map_or_else(|| meeting.board.clone(), |b| b.name);
    let ds = store.dataset()?;
    let m = minutes(&ds, &meeting, &board, &agenda, &history);
    let text = if format == "html" {
        html(&m)
    } else {
        markdown(&m)
    };
    match &args.out {
        Some(path) => {
            super::transfer::write_atomically(path, text.as_bytes())
                .context("the minutes were not written")?;
            say!("wrote {}", path.display());
        }
        None => print!("{}", crate::safe_text::lines(&text)),
    }
    Ok(())
}
