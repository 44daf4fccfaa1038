//! `pmdb case-studies [--year Y]` lists the case studies, chosen or not;
//! `pmdb case-studies add CODE --title T --plan NODE --year Y --story TEXT` submits one (any
//! officer); `pmdb case-studies select CODE [--unselect]` marks it chosen for the annual
//! report, or not (the performance team).

use anyhow::{Result, anyhow};
use clap::{Args, Subcommand};
use serde::Serialize;
use serde_json::json;

use super::Env;
use super::output::{json as print_json, table};
use crate::domain::period::FinYear;
use crate::store::{CaseStudyRecord, NewCaseStudy};

#[derive(Args, Debug)]
pub struct CaseStudiesArgs {
    #[command(subcommand)]
    command: Option<CaseStudiesCommand>,
    /// Only this financial year's (like 2025/26).
    #[arg(long, value_name = "YEAR")]
    year: Option<String>,
}

#[derive(Subcommand, Debug)]
enum CaseStudiesCommand {
    /// Submit a case study for the annual report (not chosen until the performance team
    /// selects it).
    Add {
        /// A new code for it (like CS-06).
        code: String,
        /// Its headline.
        #[arg(long, allow_hyphen_values = true)]
        title: String,
        /// The plan node it is told under.
        #[arg(long, value_name = "NODE")]
        plan: String,
        /// The service it is about (code).
        #[arg(long)]
        service: Option<String>,
        /// The financial year it belongs to (like 2025/26).
        #[arg(long, value_name = "YEAR")]
        year: String,
        /// The story itself.
        #[arg(long, allow_hyphen_values = true)]
        story: String,
    },
    /// Choose a case study for the annual report (admin and performance users).
    Select {
        /// The case study's code.
        code: String,
        /// Take it out of the annual report instead.
        #[arg(long)]
        unselect: bool,
    },
}

/// One case study as `pmdb case-studies --json` gives it.
#[derive(Serialize)]
struct CaseStudyJson<'a> {
    code: &'a str,
    title: &'a str,
    plan: Option<&'a str>,
    service: Option<&'a str>,
    year: String,
    selected: bool,
    story: &'a str,
}

fn year_text(year: i64) -> String {
    i32::try_from(year).map_or_else(|_| year.to_string(), |y| FinYear(y).to_string())
}

fn to_json(c: &CaseStudyRecord) -> CaseStudyJson<'_> {
    CaseStudyJson {
        code: &c.code,
        title: &c.title,
        plan: c.node.as_deref(),
        service: c.service.as_deref(),
        year: year_text(c.year),
        selected: c.selected,
        story: &c.story,
    }
}

fn year_arg(text: &str) -> Result<FinYear> {
    text.parse()
        .map_err(|_| anyhow!("--year: '{text}' is not a financial year: write it like 2025/26"))
}

pub fn run(env: &Env, args: CaseStudiesArgs) -> Result<()> {
    match args.command {
        Some(CaseStudiesCommand::Add {
            code,
            title,
            plan,
            service,
            year,
            story,
        }) => {
            let new = NewCaseStudy {
                code,
                title,
                node: plan,
                service,
                year: year_arg(&year)?,
                story,
            };
            env.open()?.submit_case_study(&new)?;
            show_one(env, &new.code, "submitted")
        }
        Some(CaseStudiesCommand::Select { code, unselect }) => {
            env.open()?.choose_case_study(&code, !unselect)?;
            show_one(env, &code, if unselect { "not chosen" } else { "chosen" })
        }
        None => list(env, args.year.as_deref().map(year_arg).transpose()?),
    }
}

fn list(env: &Env, year: Option<FinYear>) -> Result<()> {
    let studies: Vec<CaseStudyRecord> = env
        .read()?
        .case_studies()?
        .into_iter()
        .filter(|c| year.is_none_or(|y| c.year == i64::from(y.0)))
        .collect();
    if env.json {
        let rows: Vec<CaseStudyJson> = studies.iter().map(to_json).collect();
        return print_json(&json!({
            "year": year.map(|y| y.to_string()),
            "case_studies": rows,
        }));
    }
    let lines: Vec<Vec<String>> = studies
        .iter()
        .map(|c| {
            vec![
                c.code.clone(),
                year_text(c.year),
                if c.selected { "yes" } else { "no" }.to_string(),
                c.node.clone().unwrap_or_default(),
                c.title.clone(),
            ]
        })
        .collect();
    table(&["code", "year", "selected", "plan", "title"], &lines);
    let chosen = studies.iter().filter(|c| c.selected).count();
    say!(
        "{}, {chosen} chosen for the annual report",
        crate::domain::label::counted(studies.len(), "case study", "case studies")
    );
    Ok(())
}

fn show_one(env: &Env, code: &str, what: &str) -> Result<()> {
    let studies = env.read()?.case_studies()?;
    let c = studies
        .iter()
        .find(|c| c.code == code)
        .ok_or_else(|| anyhow!("case study {code} vanished after saving"))?;
    if env.json {
        return print_json(&json!({ "case_study": to_json(c) }));
    }
    say!(
        "{code} {what}: {} ({}, {})",
        c.title,
        year_text(c.year),
        if c.selected {
            "told in the annual report"
        } else {
            "not in the annual report until chosen"
        }
    );
    Ok(())
}
