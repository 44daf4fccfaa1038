//! `pmdb user add LOGIN --role ROLE [--name NAME]`, `pmdb user set-role LOGIN ROLE`,
//! `pmdb user list`.

use anyhow::{Result, anyhow};
use clap::{Args, Subcommand};
use serde_json::json;

use super::Env;
use super::output::{json as print_json, table};
use crate::domain::role::Role;

#[derive(Args, Debug)]
pub struct UserArgs {
    #[command(subcommand)]
    action: UserAction,
}

#[derive(Subcommand, Debug)]
enum UserAction {
    /// Add a user (admins only).
    Add {
        login: String,
        /// admin, performance, officer or viewer.
        #[arg(long)]
        role: String,
        #[arg(long, allow_hyphen_values = true)]
        name: Option<String>,
    },
    /// Change a user's role (admins only).
    SetRole { login: String, role: String },
    /// Every user with their role.
    List,
}

fn role(text: &str) -> Result<Role> {
    text.parse::<Role>().map_err(|e| anyhow!("{e}"))
}

pub fn run(env: &Env, args: UserArgs) -> Result<()> {
    // A listing only reads.
    let mut store = match args.action {
        UserAction::List => env.read()?,
        _ => env.open()?,
    };
    match args.action {
        UserAction::Add {
            login,
            role: r,
            name,
        } => {
            store.add_user(&login, name.as_deref().unwrap_or(""), role(&r)?)?;
            if !env.json {
                say!("added {login} as {r}");
            }
        }
        UserAction::SetRole { login, role: r } => {
            store.set_role(&login, role(&r)?)?;
            if !env.json {
                say!("{login} is now {r}");
            }
        }
        UserAction::List => {
            let users = store.users()?;
            if env.json {
                return print_json(&json!({ "users": users }));
            }
            let rows: Vec<Vec<String>> = users
                .iter()
                .map(|u| vec![u.login.clone(), u.role.to_string(), u.name.clone()])
                .collect();
            table(&["login", "role", "name"], &rows);
        }
    }
    Ok(())
}
