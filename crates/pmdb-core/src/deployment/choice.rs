//! Which database pmdb opens. An ordinary program takes `--db`, then `PMDB_DB`, then the
//! person's own configuration, then the system's, then `pmdb.db` in their data folder.
//! Set-group-ID, it opens only the database the system's configuration names: anything
//! the person could name would let them aim pmdb's group at a file of their choosing.

use std::path::PathBuf;

use super::config::SYSTEM_CONFIG;

/// What pmdb was told, already read (this is the rule, not the reading).
#[derive(Debug, Clone, Default)]
pub struct Surroundings {
    /// Installed set-group-ID and running so.
    pub set_group_id: bool,
    /// `--db PATH`.
    pub flag: Option<PathBuf>,
    /// `PMDB_DB`.
    pub env: Option<PathBuf>,
    /// The person's own configuration file, if there is one, and the database it names
    /// (not read when set-group-ID).
    pub user_config: Option<(PathBuf, Option<PathBuf>)>,
    /// The database `/etc/pmdb/pmdb.toml` names.
    pub system: Option<PathBuf>,
    /// `pmdb.db` in the person's data folder, if they have one.
    pub default: Option<PathBuf>,
}

/// Where the database's name came from, for `pmdb config` to say.
#[derive(Debug, Clone, PartialEq)]
pub enum Source {
    Flag,
    Env,
    UserConfig(PathBuf),
    SystemConfig,
    DataFolder,
}

impl std::fmt::Display for Source {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Source::Flag => f.write_str("--db"),
            Source::Env => f.write_str("PMDB_DB"),
            Source::UserConfig(p) => write!(f, "{}", p.display()),
            Source::SystemConfig => f.write_str(SYSTEM_CONFIG),
            Source::DataFolder => f.write_str("the data folder"),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Chosen {
    pub database: PathBuf,
    pub source: Source,
}

/// Why the database pmdb was pointed at is refused, or why there is none to open.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ChoiceError {
    #[error("no home directory to keep the database in: give --db PATH or set PMDB_DB")]
    NoHome,
    #[error("--db is refused: {}; leave --db out", set_group_id_why())]
    FlagRefused,
    #[error("PMDB_DB is refused: {}; unset PMDB_DB", set_group_id_why())]
    EnvRefused,
    /// The person's own configuration file, named.
    #[error(
        "your configuration {} is refused: {}; remove it or move it aside",
        .0.display(),
        set_group_id_why()
    )]
    UserConfigRefused(PathBuf),
    #[error(
        "pmdb is installed set-group-ID here but there is no {SYSTEM_CONFIG}: an administrator must write it, naming the council's database (database = \"/srv/pmdb/council.db\")"
    )]
    NoSystemConfig,
}

/// Why a set-group-ID pmdb takes no name from the person.
fn set_group_id_why() -> String {
    format!(
        "pmdb is installed set-group-ID here, so it opens only the database {SYSTEM_CONFIG} names: \
         a database anyone could name would let them write any file of pmdb's group"
    )
}

/// The database to open, or why what the person named is refused.
pub fn choose(s: Surroundings) -> Result<Chosen, ChoiceError> {
    if s.set_group_id {
        return set_group_id(s);
    }
    let chosen = |database, source| Ok(Chosen { database, source });
    if let Some(p) = s.flag {
        return chosen(p, Source::Flag);
    }
    if let Some(p) = s.env {
        return chosen(p, Source::Env);
    }
    if let Some((path, Some(p))) = s.user_config {
        return chosen(p, Source::UserConfig(path));
    }
    if let Some(p) = s.system {
        return chosen(p, Source::SystemConfig);
    }
    match s.default {
        Some(p) => chosen(p, Source::DataFolder),
        None => Err(ChoiceError::NoHome),
    }
}

fn set_group_id(s: Surroundings) -> Result<Chosen, ChoiceError> {
    if s.flag.is_some() {
        return Err(ChoiceError::FlagRefused);
    }
    if s.env.is_some() {
        return Err(ChoiceError::EnvRefused);
    }
    if let Some((path, _)) = s.user_config {
        return Err(ChoiceError::UserConfigRefused(path));
    }
    match s.system {
        Some(database) => Ok(Chosen {
            database,
            source: Source::SystemConfig,
        }),
        None => Err(ChoiceError::NoSystemConfig),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> PathBuf {
        PathBuf::from(s)
    }

    fn everything() -> Surroundings {
        Surroundings {
            set_group_id: false,
            flag: Some(p("/flag.db")),
            env: Some(p("/env.db")),
            user_config: Some((p("/home/a/.config/pmdb/pmdb.toml"), Some(p("/user.db")))),
            system: Some(p("/srv/pmdb/council.db")),
            default: Some(p("/home/a/.local/share/pmdb/pmdb.db")),
        }
    }

    #[test]
    fn an_ordinary_program_takes_the_nearest_name() {
        let mut s = everything();
        let order = [
            ("/flag.db", Source::Flag),
            ("/env.db", Source::Env),
            (
                "/user.db",
                Source::UserConfig(p("/home/a/.config/pmdb/pmdb.toml")),
            ),
            ("/srv/pmdb/council.db", Source::SystemConfig),
            ("/home/a/.local/share/pmdb/pmdb.db", Source::DataFolder),
        ];
        for (database, source) in order {
            let chosen = choose(s.clone()).unwrap();
            assert_eq!(chosen.database, p(database));
            assert_eq!(chosen.source, source);
            // Take away what was chosen: the next one down is chosen.
            match chosen.source {
                Source::Flag => s.flag = None,
                Source::Env => s.env = None,
                Source::UserConfig(_) => s.user_config = None,
                Source::SystemConfig => s.system = None,
                Source::DataFolder => s.default = None,
            }
        }
        assert_eq!(
            choose(s).unwrap_err().to_string(),
            "no home directory to keep the database in: give --db PATH or set PMDB_DB"
        );
    }

    #[test]
    fn a_user_configuration_naming_no_database_is_passed_over() {
        let mut s = everything();
        s.flag = None;
        s.env = None;
        s.user_config = Some((p("/home/a/.config/pmdb/pmdb.toml"), None));
        assert_eq!(choose(s).unwrap().source, Source::SystemConfig);
    }

    #[test]
    fn set_group_id_refuses_every_name_the_person_gives_and_says_why() {
        let mut s = everything();
        s.set_group_id = true;
        let e = choose(s.clone()).unwrap_err().to_string();
        assert_eq!(
            e,
            "--db is refused: pmdb is installed set-group-ID here, so it opens only the database \
             /etc/pmdb/pmdb.toml names: a database anyone could name would let them write any \
             file of pmdb's group; leave --db out"
        );
        s.flag = None;
        let e = choose(s.clone()).unwrap_err().to_string();
        assert!(e.starts_with("PMDB_DB is refused"), "{e}");
        s.env = None;
        let e = choose(s.clone()).unwrap_err().to_string();
        assert!(
            e.starts_with("your configuration /home/a/.config/pmdb/pmdb.toml is refused"),
            "{e}"
        );
        // Even one naming no database: the person's files have no say.
        s.user_config = Some((p("/home/a/.config/pmdb/pmdb.toml"), None));
        assert!(choose(s.clone()).is_err());
        s.user_config = None;
        let chosen = choose(s.clone()).unwrap();
        assert_eq!(chosen.database, p("/srv/pmdb/council.db"));
        assert_eq!(chosen.source, Source::SystemConfig);
        // Never the data folder.
        s.system = None;
        let e = choose(s).unwrap_err().to_string();
        assert!(e.contains("there is no /etc/pmdb/pmdb.toml"), "{e}");
    }
}
