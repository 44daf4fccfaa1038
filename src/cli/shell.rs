//! `pmdb completions SHELL` and `pmdb man`: the shell's completion script and the manual
//! page, written by clap's own generators from the command line's definitions, so neither
//! can fall behind a new command or flag.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};
use clap::{CommandFactory, ValueEnum};

use super::Cli;

/// The shells pmdb writes completions for: those a council's server is likely to give its
/// officers.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
}

pub fn completions(shell: Shell) -> Result<()> {
    let mut cmd = Cli::command();
    let generator = match shell {
        Shell::Bash => clap_complete::Shell::Bash,
        Shell::Zsh => clap_complete::Shell::Zsh,
        Shell::Fish => clap_complete::Shell::Fish,
    };
    let mut out = Vec::new();
    clap_complete::generate(generator, &mut cmd, "pmdb", &mut out);
    write_out(&out)
}

/// The manual: pmdb's own page (every command named with what it does) on standard
/// output, or with a folder a page per command, as `man pmdb-report` finds them.
pub fn manual(out: Option<&Path>) -> Result<()> {
    let cmd = Cli::command();
    if let Some(dir) = out {
        return clap_mangen::generate_to(cmd, dir)
            .with_context(|| format!("cannot write the manual pages into {}", dir.display()));
    }
    let mut page = Vec::new();
    clap_mangen::Man::new(cmd)
        .render(&mut page)
        .context("cannot make the manual page")?;
    write_out(&page)
}

fn write_out(bytes: &[u8]) -> Result<()> {
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(bytes)
        .and_then(|()| stdout.flush())
        .context("cannot write to standard output")
}
