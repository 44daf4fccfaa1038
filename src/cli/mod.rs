//! The scriptable command line: one file per command, each printing text for people or
//! JSON (`--json`) for scripts. Exit status 0 on success, 1 for a refused or invalid
//! request (message on stderr), 2 for a usage error.

/// Prints a line for a person, with every text in it made safe for a terminal
/// (`safe_text::lines`: control characters and bidi overrides shown as marks, line breaks
/// kept). Whatever a person typed may be in it: a title, a name, a commentary.
macro_rules! say {
    ($($arg:tt)*) => {
        println!("{}", $crate::safe_text::lines(&format!($($arg)*)))
    };
}

mod actions;
mod agenda;
mod all;
mod backup;
mod budgets;
mod case_studies;
mod check;
mod comment;
mod config;
mod delivery;
mod eias;
mod enterer;
pub mod env;
mod exceptions;
mod heap;
mod history;
mod list;
mod meetings;
mod minutes;
mod output;
mod projects;
pub mod publish;
mod remind;
mod report;
mod requests;
mod risks;
mod rollup;
mod set;
mod setup;
mod shell;
mod show;
mod signoff;
mod targets;
mod transfer;
mod user;

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Result, anyhow};
use chrono::NaiveDate;
use clap::{Parser, Subcommand};

use crate::domain::period::Period;
use crate::safe_text;
use crate::store::Store;

#[derive(Parser, Debug)]
#[command(
    name = "pmdb",
    version,
    about = "Performance Management Database for UK councils",
    long_about = "pmdb keeps a council's golden thread, indicators, targets, values, exceptions and audit log \
                  in one shared SQLite file.\n\nWith no command it opens the terminal interface on the database.",
    after_help = "Periods are written 2025-02 (month), 2024/25 Q4 or 2024/25-Q4 (quarter), 2024/25 (financial year).\n\
                  PMDB_TODAY=YYYY-MM-DD pins today's date; PMDB_DB names the database."
)]
pub struct Cli {
    /// The database file (default: pmdb.db in the data directory; see `pmdb config`).
    #[arg(long, global = true, env = "PMDB_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// Print JSON instead of text (every read command).
    #[arg(long, global = true)]
    pub json: bool,
    /// Open the demo council (pmdb-demo.db in the data directory, or --db), building it first if missing.
    #[arg(long)]
    pub demo: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Create an empty database; you become its admin.
    Init,
    /// Create the demo council (a realistic district with three years of data).
    ///
    /// Without --db it is pmdb-demo.db in the data directory, the file `pmdb --demo` opens,
    /// never the council's own database.
    Demo {
        /// Make it N times larger (for benchmarks).
        #[arg(long, default_value_t = 1)]
        scale: u32,
    },
    /// Show where the database is and the council's settings, or change one.
    Config(config::ConfigArgs),
    /// Import a CSV file of one kind, or with --all a folder of them; all or nothing.
    #[command(after_help = crate::csvio::columns_help())]
    Import {
        /// users, services, portfolios, boards, board_members, meetings, plan, indicators,
        /// enterers, targets, values, commentary, actions, action_updates, projects, project_updates,
        /// milestones, risks, risk_reviews, eias, case_studies, budgets or benchmarks
        #[arg(required_unless_present = "all")]
        kind: Option<String>,
        /// The CSV file, or - for standard input.
        #[arg(required_unless_present = "all")]
        file: Option<String>,
        /// Import every KIND.csv in this folder (as `export --all` writes it), in dependency
        /// order, as one transaction: one bad row and nothing is imported.
        #[arg(long, value_name = "DIR", conflicts_with_all = ["kind", "file"])]
        all: Option<String>,
        /// Show what the import would do (rows added, each changed field old → new, rows
        /// unchanged) with every check it makes, and write nothing.
        #[arg(long, conflicts_with = "all")]
        dry_run: bool,
    },
    /// Export a CSV file of one kind (the same kinds and columns as import), or with --all
    /// every kind into a folder.
    #[command(after_help = crate::csvio::columns_help())]
    Export {
        /// users, services, portfolios, boards, board_members, meetings, plan, indicators,
        /// enterers, targets, values, commentary, actions, action_updates, projects, project_updates,
        /// milestones, risks, risk_reviews, eias, case_studies, budgets or benchmarks
        #[arg(required_unless_present = "all")]
        kind: Option<String>,
        /// The file to write, or - (the default) for standard output.
        file: Option<String>,
        /// Write every kind into this folder as KIND.csv (the folder is made if missing).
        #[arg(long, value_name = "DIR", conflicts_with_all = ["kind", "file"])]
        all: Option<String>,
    },
    /// One indicator with its value, target, status, rule, direction and year to date per period.
    Show(show::ShowArgs),
    /// Indicators, filtered by owner, plan node, portfolio, service or status.
    List(list::ListArgs),
    /// Record a value for an indicator and period.
    Set(set::SetArgs),
    /// Green/amber/red/missing counts for a period by priority, portfolio or service.
    Rollup(rollup::RollupArgs),
    /// The published performance report for a quarter or year (markdown, csv, html or xlsx).
    Report(report::ReportArgs),
    /// The whole pack for the website: report.html, .xlsx, .csv and .md, one page per portfolio, index.html.
    Publish(publish::PublishArgs),
    /// Values past their deadline with nothing recorded.
    Overdue {
        /// Judge as of this date (YYYY-MM-DD, DD/MM/YYYY or DD/MM/YY) instead of today.
        #[arg(long, value_name = "DATE")]
        as_of: Option<String>,
    },
    /// The exception queue for the Performance & Programme Group; raise or update exceptions.
    Exceptions(exceptions::ExceptionsArgs),
    /// Every change to an indicator, from the audit log.
    History {
        /// The indicator's code.
        code: String,
    },
    /// Write a consistent copy of the database to a new file while others keep working.
    Backup {
        /// The new file.
        file: PathBuf,
    },
    /// Integrity and data quality: missing owners and targets, unexplained misses, overdue data.
    Check {
        /// Instead: whether the installation keeps officers from writing the file except
        /// through pmdb (owners and modes of the binary, folder and files; what to change).
        /// Exits 0 when it does, 1 when it does not.
        #[arg(long)]
        deployment: bool,
        /// Instead: which processes hold locks on the database, its -wal and -shm (process,
        /// login, running or stopped, and what each holds), as the kernel's lock table says.
        #[arg(long, conflicts_with = "deployment")]
        locks: bool,
    },
    /// People and roles.
    User(user::UserArgs),
    /// Data-entry officers: who besides the owner records an indicator's values.
    Enterer(enterer::EntererArgs),
    /// Sign a period off for Cabinet: its statuses are frozen and its values locked.
    Signoff(signoff::SignoffArgs),
    /// Actions with their status for a period; `actions update` records an owner's update.
    Actions(actions::ActionsArgs),
    /// Major projects with status and milestones; `projects update`, `projects milestone`.
    Projects(projects::ProjectsArgs),
    /// Each service's budget, actual and variance to a period's end, and its forecast
    /// outturn against the annual budget.
    Budgets(budgets::BudgetsArgs),
    /// The risk register with scores and the 5 × 5 heat map; `risks review` records a review.
    Risks(risks::RisksArgs),
    /// Equality impact assessments: due, completed or overdue at a period's end.
    Eias(eias::EiasArgs),
    /// Case studies for the annual report; `case-studies add` submits one (any officer),
    /// `case-studies select` chooses it for the annual report (the performance team).
    CaseStudies(case_studies::CaseStudiesArgs),
    /// The boards' meetings in date order, with the numbers `exceptions --meeting` and
    /// `minutes` take.
    Meetings(meetings::MeetingsArgs),
    /// What was decided at a meeting, item by item, with who recorded it (markdown or html).
    Minutes(minutes::MinutesArgs),
    /// Write the narrative (commentary and remedial action) Cabinet reads for an
    /// indicator's or a plan node's quarter or year.
    Comment(comment::CommentArgs),
    /// The day's reminders: one message per person with everything they owe, on the
    /// council's steps, copied up the line as items grow late; `--send` mails them.
    Remind(remind::RemindArgs),
    /// A new financial year: `pmdb year roll-forward YEAR [--uplift PCT] [--dry-run]`.
    Year(targets::YearArgs),
    /// A year's targets proposed and approved: `pmdb targets propose|approve`.
    Targets(targets::TargetsArgs),
    /// Print the shell's completion script (bash, zsh or fish).
    ///
    /// bash: `pmdb completions bash > /etc/bash_completion.d/pmdb`; zsh: into a folder of
    /// `$fpath` as `_pmdb`; fish: `~/.config/fish/completions/pmdb.fish`.
    Completions {
        /// bash, zsh or fish
        shell: shell::Shell,
    },
    /// Print pmdb's manual page (roff), e.g. `pmdb man > /usr/local/share/man/man1/pmdb.1`,
    /// or with --out write a page for every command there (pmdb.1, pmdb-report.1, …).
    Man {
        /// The folder to write every command's page into (it must exist).
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
    },
}

/// What every command gets: the parsed options, who is asking and what day it is.
pub struct Env {
    pub db: PathBuf,
    /// Where the database's name came from (none for the demo council's file).
    pub db_source: Option<crate::deployment::Source>,
    pub json: bool,
    pub login: String,
    pub today: NaiveDate,
    /// Whether `PMDB_TODAY` pinned today: then the dates pmdb records fall on it too.
    pub pinned: bool,
}

impl Env {
    /// The database for a command that only reads: read-only, so that nothing it holds,
    /// even if its person stops it, stops anyone's save (`Store::open_reading`).
    pub fn read(&self) -> Result<Store> {
        Ok(Store::open_reading(
            &self.db,
            &self.login,
            self.pinned.then_some(self.today),
        )?)
    }

    /// The database for a command that saves.
    pub fn open(&self) -> Result<Store> {
        Ok(Store::open_on(
            &self.db,
            &self.login,
            self.pinned.then_some(self.today),
        )?)
    }
}

/// Parses a period argument, naming the option it came from.
pub fn period_arg(text: &str, what: &str) -> Result<Period> {
    text.parse().map_err(|e| anyhow!("{what}: {e}"))
}

pub fn main() -> ExitCode {
    // `pmdb list | head` closes the pipe early: die quietly of SIGPIPE, as Unix filters do,
    // instead of panicking in println!.
    // SAFETY: setting a signal's disposition to the default before any thread starts.
    let _ = unsafe {
        nix::sys::signal::signal(
            nix::sys::signal::Signal::SIGPIPE,
            nix::sys::signal::SigHandler::SigDfl,
        )
    };
    // SAFETY: no other thread has started yet.
    unsafe { crate::privilege::clean_environment() };
    let matches = <Cli as clap::CommandFactory>::command().get_matches();
    // `--db` and `PMDB_DB` fill one field; set-group-ID refuses each in its own words.
    let from_env = matches.value_source("db") == Some(clap::parser::ValueSource::EnvVariable);
    let cli = match <Cli as clap::FromArgMatches>::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    // Past the file-size limit (`ulimit -f`) a write fails with EFBIG, which pmdb says for
    // what it is, rather than the process being killed by SIGXFSZ mid-save.
    // SAFETY: as above.
    let _ = unsafe {
        nix::sys::signal::signal(
            nix::sys::signal::Signal::SIGXFSZ,
            nix::sys::signal::SigHandler::SigIgn,
        )
    };
    match run(cli, from_env) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            let e = who_holds_it(e);
            eprintln!("pmdb: {}", safe_text::lines(&format!("{e:#}")));
            ExitCode::from(1)
        }
    }
}

/// A refusal because the database stayed locked, naming who holds it when the refusal
/// was made where the file was not known (a read's query): never the bare "locked".
fn who_holds_it(e: anyhow::Error) -> anyhow::Error {
    use crate::store::{StoreError, lock_holders};
    match e.downcast_ref::<StoreError>() {
        Some(StoreError::Busy(None)) => {
            match lock_holders::remembered().and_then(|db| lock_holders::held_by(&db)) {
                Some(who) => StoreError::Busy(Some(who)).into(),
                None => e,
            }
        }
        _ => e,
    }
}

fn run(cli: Cli, db_from_env: bool) -> Result<()> {
    // The shell's completions and the manual need no database, nor who is asking.
    match cli.command {
        Some(Command::Completions { shell }) => return shell::completions(shell),
        Some(Command::Man { out }) => return shell::manual(out.as_deref()),
        _ => {}
    }
    let login = env::login();
    // `pmdb --demo` and `pmdb demo` share one file, never the council's own database.
    let demo_file = cli.demo || matches!(cli.command, Some(Command::Demo { .. }));
    if demo_file {
        // The demo council is the person's own file: made and opened as any program of
        // theirs would, without pmdb's group (so `--db` is theirs to give).
        crate::privilege::give_up_group()
            .map_err(|e| anyhow!("cannot give up pmdb's group for the demo council: {e}"))?;
    }
    if matches!(cli.command, Some(Command::Init))
        && crate::privilege::set_group_id()
        && !nix::unistd::getuid().is_root()
    {
        return Err(anyhow!(
            "pmdb init is refused: pmdb is installed set-group-ID here, and only root creates the council's database (sudo pmdb init)"
        ));
    }
    let today = env::today()?;
    let (db, db_source) = if demo_file {
        (env::demo_database(cli.db.clone())?, None)
    } else {
        let (flag, from_env) = match cli.db.clone() {
            Some(p) if db_from_env => (None, Some(p)),
            given => (given, None),
        };
        let chosen = env::database(flag, from_env)?;
        (chosen.database, Some(chosen.source))
    };
    let env = Env {
        db,
        db_source,
        json: cli.json,
        login,
        today,
        pinned: env::today_is_pinned(),
    };
    let Some(command) = cli.command else {
        return setup::open_interface(&env, cli.demo);
    };
    if matches!(
        command,
        Command::Rollup(_) | Command::Report(_) | Command::Publish(_) | Command::Check { .. }
    ) {
        heap::for_one_whole_read();
    }
    match command {
        Command::Init => setup::init(&env),
        Command::Demo { scale } => setup::demo(&env, scale),
        Command::Config(args) => config::run(&env, args),
        Command::Import { all: Some(dir), .. } => all::import(&env, &dir),
        Command::Import {
            kind: Some(kind),
            file: Some(file),
            dry_run,
            ..
        } => transfer::import(&env, &kind, &file, dry_run),
        // clap requires a kind and a file without --all.
        Command::Import { .. } => Err(anyhow::anyhow!("give a KIND and a FILE, or --all DIR")),
        Command::Export { all: Some(dir), .. } => all::export(&env, &dir),
        Command::Export { kind, file, .. } => {
            transfer::export(&env, kind.as_deref().unwrap_or_default(), file.as_deref())
        }
        Command::Show(args) => show::run(&env, args),
        Command::List(args) => list::run(&env, args),
        Command::Set(args) => set::run(&env, args),
        Command::Rollup(args) => rollup::run(&env, args),
        Command::Report(args) => report::run(&env, args),
        Command::Publish(args) => publish::run(&env, args),
        Command::Overdue { as_of } => rollup::overdue(&env, as_of.as_deref()),
        Command::Exceptions(args) => exceptions::run(&env, args),
        Command::History { code } => history::run(&env, &code),
        Command::Backup { file } => backup::run(&env, &file),
        Command::Check { locks: true, .. } => check::locks(&env),
        Command::Check {
            deployment: false, ..
        } => check::run(&env),
        Command::Check {
            deployment: true, ..
        } => check::deployment(&env),
        Command::User(args) => user::run(&env, args),
        Command::Enterer(args) => enterer::run(&env, args),
        Command::Signoff(args) => signoff::run(&env, args),
        Command::Actions(args) => actions::run(&env, args),
        Command::Projects(args) => projects::run(&env, args),
        Command::Budgets(args) => budgets::run(&env, args),
        Command::Risks(args) => risks::run(&env, args),
        Command::Eias(args) => eias::run(&env, args),
        Command::CaseStudies(args) => case_studies::run(&env, args),
        Command::Meetings(args) => meetings::run(&env, args),
        Command::Minutes(args) => minutes::run(&env, args),
        Command::Comment(args) => comment::run(&env, args),
        Command::Remind(args) => remind::run(&env, args),
        Command::Year(args) => targets::year(&env, args),
        Command::Targets(args) => targets::targets(&env, args),
        Command::Completions { .. } | Command::Man { .. } => {
            unreachable!("answered before the database is opened")
        }
    }
}
