//! What `pmdb check --deployment` looks at, read off the disk: the owners and modes of the
//! binary, the system configuration, the folders on the way to the database and its files,
//! and what the person running it may do to them with their own ids (access(2) judges with
//! the real user and group, so set-group-ID changes nothing of the answer).

use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use nix::unistd::{AccessFlags, access, getgid, getgroups, getuid};

use super::config::SYSTEM_CONFIG;
use crate::store::faults::{group_name, sidecar, user_name};

/// One file or folder as it is on disk.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub path: PathBuf,
    pub uid: u32,
    pub gid: u32,
    /// Permission bits with set-user-ID, set-group-ID and sticky (`& 0o7777`).
    pub mode: u32,
    pub owner: String,
    pub group: String,
}

impl Node {
    pub fn of(path: &Path) -> Option<Node> {
        let m = std::fs::metadata(path).ok()?;
        Some(Node {
            path: path.into(),
            uid: m.uid(),
            gid: m.gid(),
            mode: m.mode() & 0o7777,
            owner: user_name(m.uid()),
            group: group_name(m.gid()),
        })
    }

    /// "owner root, group pmdb, mode 2770".
    pub fn state(&self) -> String {
        format!(
            "owner {}, group {}, mode {:04o}",
            self.owner, self.group, self.mode
        )
    }
}

/// Who is running the check, by their real ids.
#[derive(Debug, Clone, PartialEq)]
pub struct Person {
    pub login: String,
    pub uid: u32,
    /// Their real group and every supplementary group.
    pub groups: Vec<u32>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Facts {
    pub database: PathBuf,
    pub binary: Option<Node>,
    /// The folder the binary is in: whoever may write it may replace pmdb.
    pub binary_folder: Option<Node>,
    pub config: Option<Node>,
    /// The folders above the database's folder, from `/` down.
    pub ancestors: Vec<Node>,
    pub folder: Option<Node>,
    /// The database, its `-wal` and `-shm`, each as it is or absent.
    pub files: Vec<(PathBuf, Option<Node>)>,
    pub person: Person,
    /// Which of the folder and files the person could write without pmdb.
    pub writable: Vec<PathBuf>,
}

/// Reads the facts for `database`, as the person `login` sees them.
pub fn facts(database: &Path, login: &str) -> Facts {
    let database = std::path::absolute(database).unwrap_or_else(|_| database.into());
    let folder_path = database.parent().unwrap_or(Path::new("/")).to_path_buf();
    let mut ancestors: Vec<Node> = folder_path
        .ancestors()
        .skip(1)
        .filter_map(Node::of)
        .collect();
    ancestors.reverse();
    let files: Vec<(PathBuf, Option<Node>)> = [
        database.clone(),
        sidecar(&database, "-wal"),
        sidecar(&database, "-shm"),
    ]
    .into_iter()
    .map(|p| {
        let node = Node::of(&p);
        (p, node)
    })
    .collect();
    let mut groups: Vec<u32> = vec![getgid().as_raw()];
    groups.extend(getgroups().unwrap_or_default().iter().map(|g| g.as_raw()));
    groups.sort_unstable();
    groups.dedup();
    let writable = std::iter::once(folder_path.clone())
        .chain(files.iter().map(|(p, _)| p.clone()))
        .filter(|p| p.exists() && access(p.as_path(), AccessFlags::W_OK).is_ok())
        .collect();
    let exe = std::env::current_exe().ok();
    Facts {
        binary: exe.as_deref().and_then(Node::of),
        binary_folder: exe.as_deref().and_then(Path::parent).and_then(Node::of),
        config: Node::of(Path::new(SYSTEM_CONFIG)),
        ancestors,
        folder: Node::of(&folder_path),
        files,
        person: Person {
            login: login.into(),
            uid: getuid().as_raw(),
            groups,
        },
        writable,
        database,
    }
}
