//! `pmdb enterer add|remove CODE LOGIN`: the data-entry officers who may record an
//! indicator's values besides its owner.

use anyhow::Result;
use clap::{Args, Subcommand};

use super::Env;

#[derive(Args, Debug)]
pub struct EntererArgs {
    #[command(subcommand)]
    action: EntererAction,
}

#[derive(Subcommand, Debug)]
enum EntererAction {
    /// Let LOGIN record values for the indicator CODE.
    Add { code: String, login: String },
    /// Withdraw LOGIN from recording values for CODE.
    Remove { code: String, login: String },
}

pub fn run(env: &Env, args: EntererArgs) -> Result<()> {
    let mut store = env.open()?;
    match args.action {
        EntererAction::Add { code, login } => {
            store.add_enterer(&code, &login)?;
            if !env.json {
                say!("{login} now enters data for {code}");
            }
        }
        EntererAction::Remove { code, login } => {
            store.remove_enterer(&code, &login)?;
            if !env.json {
                say!("{login} no longer enters data for {code}");
            }
        }
    }
    Ok(())
}
