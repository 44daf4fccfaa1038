//! pmdb's configuration file: `database = "/srv/pmdb/council.db"`. The system's,
//! `/etc/pmdb/pmdb.toml`, is the only one read when pmdb runs set-group-ID, and then only
//! if root owns it and nobody else may write it (whoever could write it could point
//! pmdb's group at any file).

use std::io::Read;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use thiserror::Error;

/// Where the administrator names the council's database.
pub const SYSTEM_CONFIG: &str = "/etc/pmdb/pmdb.toml";

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// The database file.
    pub database: PathBuf,
}

#[derive(Debug, Error, PartialEq)]
pub enum ConfigError {
    #[error("cannot read {path}: {why}")]
    Unreadable { path: PathBuf, why: String },
    #[error(
        "{path} is not pmdb's configuration: {why} (write one line: database = \"/srv/pmdb/council.db\")"
    )]
    Invalid { path: PathBuf, why: String },
    #[error(
        "{path} is refused: {why}; pmdb runs set-group-ID here and trusts only a configuration that root owns and nobody else may write (sudo chown root:root {path} && sudo chmod 0644 {path})"
    )]
    NotRoots { path: PathBuf, why: String },
    #[error(
        "{path} names a database by a relative path ({database}): write the whole path, from /"
    )]
    Relative { path: PathBuf, database: PathBuf },
}

/// Reads a configuration file; none when there is no file at `path`.
pub fn read(path: &Path) -> Result<Option<Config>, ConfigError> {
    match open(path)? {
        None => Ok(None),
        Some((text, _)) => parse(path, &text).map(Some),
    }
}

/// Reads the system's configuration as pmdb set-group-ID may: refused unless the file
/// and its folder are root's and writable by root alone. Checked on the opened file, so
/// a file swapped in between the check and the read is the one checked.
pub fn read_trusted(path: &Path) -> Result<Option<Config>, ConfigError> {
    let Some((text, meta)) = open(path)? else {
        return Ok(None);
    };
    if let Some(why) = not_roots(&meta) {
        return Err(ConfigError::NotRoots {
            path: path.into(),
            why: format!("the file {why}"),
        });
    }
    if let Some(dir) = path.parent()
        && let Ok(m) = std::fs::metadata(dir)
        && let Some(why) = not_roots(&m)
    {
        return Err(ConfigError::NotRoots {
            path: path.into(),
            why: format!("its folder {} {why}", dir.display()),
        });
    }
    parse(path, &text).map(Some)
}

/// How a file or folder fails to be root's alone to change.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum NotRoots {
    /// Someone other than root owns it (and may change its mode).
    Owner,
    /// Its group or everyone may write it.
    Writable,
}

/// Whether only root may change a file or folder with this owner and mode: the rule for
/// the system's configuration here and for every folder `check --deployment` looks above.
pub fn roots_alone(uid: u32, mode: u32) -> Result<(), NotRoots> {
    if uid != 0 {
        Err(NotRoots::Owner)
    } else if mode & 0o022 != 0 {
        Err(NotRoots::Writable)
    } else {
        Ok(())
    }
}

/// Why a file or folder is not root's alone to change, in words, if it is not.
fn not_roots(meta: &std::fs::Metadata) -> Option<String> {
    match roots_alone(meta.uid(), meta.mode()) {
        Ok(()) => None,
        Err(NotRoots::Owner) => Some(format!("is owned by user id {}, not root", meta.uid())),
        Err(NotRoots::Writable) => Some(format!(
            "may be written by others than root (mode {:04o})",
            meta.mode() & 0o7777
        )),
    }
}

fn open(path: &Path) -> Result<Option<(String, std::fs::Metadata)>, ConfigError> {
    let unreadable = |e: std::io::Error| ConfigError::Unreadable {
        path: path.into(),
        why: e.to_string(),
    };
    let mut file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(unreadable(e)),
    };
    let meta = file.metadata().map_err(unreadable)?;
    // A configuration is a line or two; anything larger is not one.
    let mut text = String::new();
    file.by_ref()
        .take(64 * 1024)
        .read_to_string(&mut text)
        .map_err(|e| ConfigError::Invalid {
            path: path.into(),
            why: e.to_string(),
        })?;
    Ok(Some((text, meta)))
}

fn parse(path: &Path, text: &str) -> Result<Config, ConfigError> {
    let config: Config = toml::from_str(text).map_err(|e| ConfigError::Invalid {
        path: path.into(),
        why: e.message().to_string(),
    })?;
    if !config.database.is_absolute() {
        return Err(ConfigError::Relative {
            path: path.into(),
            database: config.database,
        });
    }
    Ok(config)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(text: &str) -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pmdb.toml");
        std::fs::write(&path, text).unwrap();
        (dir, path)
    }

    #[test]
    fn reads_the_database_line() {
        let (_d, path) = file("# the council's file\ndatabase = \"/srv/pmdb/council.db\"\n");
        let config = read(&path).unwrap().unwrap();
        assert_eq!(config.database, PathBuf::from("/srv/pmdb/council.db"));
    }

    #[test]
    fn no_file_is_no_configuration() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(read(&dir.path().join("none.toml")).unwrap(), None);
    }

    #[test]
    fn bad_files_say_what_is_wrong_and_where() {
        for (text, says) in [
            ("database = 3\n", "invalid type"),
            ("databse = \"/x.db\"\n", "unknown field `databse`"),
            ("", "missing field `database`"),
            ("database = \"council.db\"\n", "relative path"),
            ("database = \"/x.db\"\nport = 80\n", "unknown field `port`"),
        ] {
            let (_d, path) = file(text);
            let e = read(&path).unwrap_err().to_string();
            assert!(e.contains(&path.display().to_string()), "{e}");
            assert!(e.contains(says), "{text:?}: {e}");
        }
    }

    #[test]
    fn a_file_others_may_write_is_not_trusted() {
        use std::os::unix::fs::PermissionsExt;
        let (_d, path) = file("database = \"/srv/pmdb/council.db\"\n");
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o666)).unwrap();
        let e = read_trusted(&path).unwrap_err().to_string();
        // Owned by whoever runs the tests: root is refused the mode, others the owner.
        assert!(
            e.contains("may be written by others than root (mode 0666)") || e.contains("not root"),
            "{e}"
        );
        assert!(e.contains("is refused"), "{e}");
    }
}
