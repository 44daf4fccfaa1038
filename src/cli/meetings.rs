//! `pmdb meetings [--board B]`: the boards' meetings in date order, each with the number
//! `exceptions --meeting` and `minutes` take.

use anyhow::{Result, anyhow};
use clap::Args;
use serde_json::json;

use super::Env;
use super::output::{json as print_json, table};

#[derive(Args, Debug)]
pub struct MeetingsArgs {
    /// Only this board's meetings (its code, like PPG).
    #[arg(long, value_name = "BOARD")]
    board: Option<String>,
}

pub fn run(env: &Env, args: MeetingsArgs) -> Result<()> {
    let store = env.read()?;
    if let Some(b) = &args.board {
        let boards = store.boards()?;
        if !boards.iter().any(|x| x.code == *b) {
            let codes: Vec<&str> = boards.iter().map(|x| x.code.as_str()).collect();
            return Err(anyhow!(
                "--board: there is no board '{}' (the boards are {})",
                crate::safe_text::line(b),
                codes.join(", ")
            ));
        }
    }
    let meetings: Vec<_> = store
        .meetings()?
        .into_iter()
        .filter(|m| args.board.as_ref().is_none_or(|b| m.board == *b))
        .collect();
    if env.json {
        return print_json(&json!({ "meetings": meetings }));
    }
    let rows: Vec<Vec<String>> = meetings
        .iter()
        .map(|m| {
            vec![
                m.id.to_string(),
                m.board.clone(),
                m.date.clone(),
                m.period.clone(),
                m.title.clone(),
            ]
        })
        .collect();
    table(&["id", "board", "date", "period", "title"], &rows);
    say!(
        "{}",
        crate::domain::label::counted(meetings.len(), "meeting", "meetings")
    );
    Ok(())
}
