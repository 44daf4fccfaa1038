//! `pmdb remind [--as-of DATE] [--dry-run | --send] [--json]`: the day's reminders, one
//! message per person with everything they owe, on the council's steps (`remind_steps`),
//! copied up the line as items grow late. Without `--send` nothing is sent: the messages
//! are listed. `--send` pipes each to the mail program (`sendmail -t`) and records it, so
//! a second run on the same day sends nothing again. From cron, once a day:
//! `30 7 * * * pmdb remind --send`.

use std::io::Write;
use std::process::{Command, Stdio};

use anyhow::{Context as _, Result, anyhow};
use chrono::NaiveDate;
use clap::Args;
use serde_json::json;

use super::Env;
use super::delivery::date_arg;
use crate::query::remind::{Message, mail_text, reminders};

#[derive(Args, Debug)]
pub struct RemindArgs {
    /// Judge as of this date (YYYY-MM-DD, DD/MM/YYYY or DD/MM/YY) instead of today.
    #[arg(long, value_name = "DATE")]
    as_of: Option<String>,
    /// List the messages, sending nothing (what a run without --send does).
    #[arg(long, conflicts_with = "send")]
    dry_run: bool,
    /// Send each message through the mail program and record it (the performance team or
    /// an admin).
    #[arg(long)]
    send: bool,
}

pub fn run(env: &Env, args: RemindArgs) -> Result<()> {
    let as_of = match args.as_of.as_deref() {
        Some(d) => date_arg(d, "--as-of")?,
        None => env.today,
    };
    let mut store = env.open()?;
    if args.send {
        store.may_send_reminders()?;
    }
    let ds = store.dataset()?;
    let sent = store.reminded_on(as_of)?;
    let messages: Vec<Message> = reminders(&ds, as_of, ds.context(env.today))
        .into_iter()
        .filter(|m| !sent.contains(&m.login))
        .collect();
    if args.send {
        return send(env, &mut store, &ds.settings, as_of, &messages);
    }
    if env.json {
        return super::output::json(&json!({"as_of": as_of, "messages": messages}));
    }
    say!(
        "{} for {as_of} (a dry run: nothing is sent{})",
        crate::domain::label::counted(messages.len(), "reminder", "reminders"),
        if sent.is_empty() {
            String::new()
        } else {
            format!("; {} sent that day already", sent.len())
        }
    );
    for m in &messages {
        let cc = if m.cc.is_empty() {
            String::new()
        } else {
            format!(", cc {}", m.cc.join(", "))
        };
        say!(
            "to {} ({}){cc}, step {}:",
            m.to,
            m.login,
            step_words(m.step)
        );
        for i in &m.items {
            say!(
                "  {:<11} {} {}  {}  {}",
                i.kind,
                i.code,
                i.period,
                i.deadline,
                step_words(i.days)
            );
        }
    }
    Ok(())
}

/// "3 days before", "the day", "5 days late".
fn step_words(days: i64) -> String {
    let n = |d: i64| crate::domain::label::counted(d.unsigned_abs() as usize, "day", "days");
    match days {
        d if d < 0 => format!("{} before", n(d)),
        0 => "the day".to_string(),
        d => format!("{} late", n(d)),
    }
}

/// Pipes each message to the mail program and records it once the program takes it. The
/// program runs without pmdb's group (a council's deployment runs pmdb set-group-ID): it
/// is the council's to name, not a way into the file.
fn send(
    env: &Env,
    store: &mut crate::store::Store,
    settings: &crate::store::Settings,
    as_of: NaiveDate,
    messages: &[Message],
) -> Result<()> {
    // A mail program that exits before reading its message must fail this message, not
    // kill pmdb with SIGPIPE (its default disposition, as for a filter in a pipeline).
    // SAFETY: no other thread runs; only the disposition of one signal changes.
    let _ = unsafe {
        nix::sys::signal::signal(
            nix::sys::signal::Signal::SIGPIPE,
            nix::sys::signal::SigHandler::SigIgn,
        )
    };
    let mut failed = Vec::new();
    let mut done = 0;
    for m in messages {
        let text = mail_text(m, &settings.council_name, as_of);
        match pipe(&settings.sendmail, &text) {
            Ok(()) => {
                store.record_reminder(as_of, m)?;
                done += 1;
            }
            Err(e) => failed.push(format!("{}: {e}", m.to)),
        }
    }
    if !failed.is_empty() {
        // Refused: nothing on standard output; what was sent is said with what was not.
        return Err(anyhow!(
            "sent {} for {as_of}; {} not sent (they are sent on the next run): {}",
            crate::domain::label::counted(done, "reminder", "reminders"),
            crate::domain::label::counted(failed.len(), "reminder was", "reminders were"),
            failed.join("; ")
        ));
    }
    if env.json {
        return super::output::json(&json!({"as_of": as_of, "sent": done}));
    }
    say!(
        "sent {} for {as_of} through {}",
        crate::domain::label::counted(done, "reminder", "reminders"),
        settings.sendmail
    );
    Ok(())
}

fn pipe(program: &str, text: &str) -> Result<()> {
    let mut cmd = Command::new(program);
    cmd.arg("-t")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    {
        use std::os::unix::process::CommandExt;
        cmd.gid(nix::unistd::getgid().as_raw());
    }
    let mut child = cmd
        .spawn()
        .with_context(|| format!("cannot run {program}"))?;
    // A write refused because the program has gone is judged by how the program ended.
    let written = child
        .stdin
        .take()
        .ok_or_else(|| anyhow!("{program} took no input"))?
        .write_all(text.as_bytes());
    let out = child
        .wait_with_output()
        .with_context(|| format!("{program} did not finish"))?;
    if out.status.success() {
        written.with_context(|| format!("cannot write to {program}"))
    } else {
        Err(anyhow!(
            "{program} failed ({}): {}",
            out.status,
            crate::safe_text::line(String::from_utf8_lossy(&out.stderr).trim())
        ))
    }
}
