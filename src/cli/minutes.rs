//! `pmdb minutes MEETING [--format markdown|html] [--out FILE]`: what was decided at a
//! meeting, item by item, from the entries recorded on its date for the items on its
//! agenda; the same bytes every time it is made.

use std::path::PathBuf;

use anyhow::{Context as _, Result, anyhow};
use clap::Args;

use super::Env;
use crate::query::minutes::{html, markdown, of_meeting};

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
    let meeting = store.meeting_named(&args.meeting)?;
    let m = of_meeting(&store, &meeting)?;
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
