//! `pmdb config` (where the database is, who you are, the settings) and
//! `pmdb config set KEY VALUE [--from PERIOD]`.

use anyhow::Result;
use clap::{Args, Subcommand};
use serde_json::json;

use super::{Env, output, period_arg};
use crate::domain::setting::Setting;

#[derive(Args, Debug)]
pub struct ConfigArgs {
    #[command(subcommand)]
    action: Option<ConfigAction>,
}

#[derive(Subcommand, Debug)]
enum ConfigAction {
    /// Set rag_rule (intervention or tolerance:G:A), deadline_day (1-28), council_name,
    /// collect_from (a month like 2026-11; empty to unset), risk_bands (G:A), remind_steps
    /// (days from a deadline, like -3:0:5:10), mail_domain or sendmail (an absolute path).
    Set {
        key: String,
        /// The value; one starting with a minus (remind_steps -3:0:5:10) is a value too.
        #[arg(allow_hyphen_values = true)]
        value: String,
        /// For rag_rule: the first period it applies to; earlier periods keep their rule.
        #[arg(long, value_name = "PERIOD")]
        from: Option<String>,
    },
}

pub fn run(env: &Env, args: ConfigArgs) -> Result<()> {
    if let Some(ConfigAction::Set { key, value, from }) = args.action {
        let from = from
            .as_deref()
            .map(|f| period_arg(f, "--from"))
            .transpose()?;
        let mut store = env.open()?;
        store.set_setting(&Setting::parse(&key, &value, from)?)?;
        if !env.json {
            match from {
                Some(p) => say!("{key} = {value} from {p}"),
                None => say!("{key} = {value}"),
            }
        }
        return Ok(());
    }
    let data_dir = super::env::data_dir().ok();
    if !env.db.exists() {
        if env.json {
            return output::json(
                &json!({ "database": env.db, "database_from": env.db_source.as_ref().map(|s| s.to_string()), "exists": false, "login": env.login, "data_dir": data_dir }),
            );
        }
        say!(
            "database: {}{} (does not exist yet: `pmdb init` or `pmdb demo`)",
            env.db.display(),
            named_by(env)
        );
        say!("login:    {}", env.login);
        return Ok(());
    }
    let store = env.read()?;
    let settings = store.settings()?;
    let role = store.role_of(&env.login)?;
    let rules: Vec<serde_json::Value> = settings
        .rag_rules
        .iter()
        .map(|(from, rule)| json!({ "from": from, "rule": rule }))
        .collect();
    if env.json {
        return output::json(&json!({
            "database": env.db,
            "database_from": env.db_source.as_ref().map(|s| s.to_string()),
            "exists": true,
            "data_dir": data_dir,
            "login": env.login,
            "role": role,
            "today": env.today,
            "council_name": settings.council_name,
            "deadline_day": settings.deadline_day,
            "collect_from": settings.collect_from,
            "rag_rules": rules,
            "risk_bands": settings.risk_bands,
            "remind_steps": settings.remind_steps,
            "mail_domain": settings.mail_domain,
            "sendmail": settings.sendmail,
        }));
    }
    say!("database:     {}{}", env.db.display(), named_by(env));
    say!(
        "login:        {} ({})",
        env.login,
        role.map(|r| r.to_string())
            .unwrap_or_else(|| "not a pmdb user: read only".into())
    );
    say!("today:        {}", env.today);
    say!("council:      {}", settings.council_name);
    say!(
        "deadline_day: {} (data for a month is due by this day of the next)",
        settings.deadline_day
    );
    match settings.collect_from {
        Some(m) => say!("collect_from: {m} (earlier periods are not owed)"),
        None => {
            say!("collect_from: not set (each indicator from its plan years, targets and values)")
        }
    }
    for (from, rule) in &settings.rag_rules {
        say!(
            "rag_rule:     {rule} (from {})",
            from.as_deref().unwrap_or("the beginning")
        );
    }
    let b = settings.risk_bands;
    say!(
        "risk_bands:   {b} (a risk scoring up to {} is green, up to {} amber, above red)",
        b.green,
        b.amber
    );
    say!(
        "remind_steps: {} (days from a deadline on which pmdb remind writes)",
        settings.remind_steps
    );
    match settings.mail_domain.as_str() {
        "" => say!("mail_domain:  not set (a user without an email is mailed at their login)"),
        d => say!("mail_domain:  {d} (a user without an email is mailed at login@{d})"),
    }
    say!(
        "sendmail:     {} (reminders are piped to it with -t)",
        settings.sendmail
    );
    Ok(())
}

/// " (named by /etc/pmdb/pmdb.toml)": where the database's name came from.
fn named_by(env: &Env) -> String {
    env.db_source
        .as_ref()
        .map(|s| format!(" (named by {s})"))
        .unwrap_or_default()
}
