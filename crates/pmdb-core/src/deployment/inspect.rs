//! What `pmdb check --deployment` looks at, read off the disk: the owners and modes of the
//! binary, the system configuration, every folder and symbolic link on the way to each of
//! them and to the database, the database's real folder and files, and what the person
//! running it may do to them with their own ids (access(2) judges with the real user and
//! group, so set-group-ID changes nothing of the answer).
//!
//! Every path is followed as the kernel follows it, one name at a time: a link is looked at
//! itself (who could replace it) and then followed, so the folders judged are the real ones
//! as well as those on the way to each link. Whoever could replace any of them could put a
//! forged database, configuration or program in pmdb's place.

use std::ffi::OsString;
use std::io::ErrorKind;
use std::os::unix::fs::MetadataExt;
use std::path::{Component, Path, PathBuf};

use nix::unistd::{AccessFlags, access, getgid, getgroups, getuid};

use super::config::SYSTEM_CONFIG;
use crate::store::faults::{group_name, sidecar, user_name};

/// One file, folder or link as it is on disk.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub path: PathBuf,
    pub uid: u32,
    pub gid: u32,
    /// Permission bits with set-user-ID, set-group-ID and sticky (`& 0o7777`).
    pub mode: u32,
    pub owner: String,
    pub group: String,
    /// Where it points, for a symbolic link (looked at itself, not followed).
    pub link: Option<PathBuf>,
}

impl Node {
    /// The file or folder at `path`, links followed.
    pub fn of(path: &Path) -> Option<Node> {
        Some(Node::from(path, &std::fs::metadata(path).ok()?, None))
    }

    /// What is at `path` itself: a link is not followed.
    pub fn here(path: &Path) -> std::io::Result<Node> {
        let m = std::fs::symlink_metadata(path)?;
        let link = if m.file_type().is_symlink() {
            Some(std::fs::read_link(path)?)
        } else {
            None
        };
        Ok(Node::from(path, &m, link))
    }

    fn from(path: &Path, m: &std::fs::Metadata, link: Option<PathBuf>) -> Node {
        Node {
            path: path.into(),
            uid: m.uid(),
            gid: m.gid(),
            mode: m.mode() & 0o7777,
            owner: user_name(m.uid()),
            group: group_name(m.gid()),
            link,
        }
    }

    /// "owner root, group pmdb, mode 2770"; for a link, "link to …, owner root".
    pub fn state(&self) -> String {
        match &self.link {
            Some(to) => format!("link to {}, owner {}", to.display(), self.owner),
            None => format!(
                "owner {}, group {}, mode {:04o}",
                self.owner, self.group, self.mode
            ),
        }
    }
}

/// A path followed as the kernel follows it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Way {
    /// The real path, every link resolved (what could not be looked at kept as written).
    pub real: PathBuf,
    /// Every folder passed through, from `/` down, to the end and to every link.
    pub folders: Vec<Node>,
    /// Every link met, in order.
    pub links: Vec<Node>,
    /// The first name that could not be looked at (permission denied), if any.
    pub unseen: Option<PathBuf>,
}

/// Follows `path` one name at a time, as the kernel resolves it.
pub fn way(path: &Path) -> Way {
    let path = std::path::absolute(path).unwrap_or_else(|_| path.into());
    let mut todo: Vec<OsString> = Vec::new();
    push_parts(&mut todo, &path);
    let mut w = Way::default();
    let mut here = PathBuf::from("/");
    let mut met = 0;
    while let Some(name) = todo.pop() {
        let next = here.join(&name);
        if name == ".." {
            here = here.parent().unwrap_or(Path::new("/")).to_path_buf();
            continue;
        }
        // Passing through `here` to reach `name`: whoever may change `here` may change it.
        if let Ok(dir) = Node::here(&here)
            && !w.folders.iter().any(|f| f.path == dir.path)
        {
            w.folders.push(dir);
        }
        match Node::here(&next) {
            Ok(node) if node.link.is_some() && met < 40 => {
                met += 1;
                let to = node.link.clone().unwrap_or_default();
                w.links.push(node);
                if to.is_absolute() {
                    here = PathBuf::from("/");
                }
                push_parts(&mut todo, &to);
            }
            Ok(_) => here = next,
            Err(e) => {
                if e.kind() == ErrorKind::PermissionDenied {
                    w.unseen = Some(next.clone());
                }
                here = next;
                while let Some(rest) = todo.pop() {
                    here.push(rest);
                }
                break;
            }
        }
    }
    w.real = here;
    w
}

/// Puts the names of `path` on the stack, the first on top.
fn push_parts(todo: &mut Vec<OsString>, path: &Path) {
    for c in path.components().rev() {
        match c {
            Component::Normal(n) => todo.push(n.to_os_string()),
            Component::ParentDir => todo.push("..".into()),
            Component::CurDir | Component::RootDir | Component::Prefix(_) => {}
        }
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

impl Person {
    /// Whether the modes let this person write `n` (an access control list aside).
    pub fn may_write(&self, n: &Node) -> bool {
        if self.uid == 0 {
            return true;
        }
        if n.uid == self.uid {
            n.mode & 0o200 != 0
        } else if self.groups.contains(&n.gid) {
            n.mode & 0o020 != 0
        } else {
            n.mode & 0o002 != 0
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Facts {
    /// The database as pmdb was told it.
    pub named: PathBuf,
    /// The database's real path, every link resolved.
    pub database: PathBuf,
    /// The real program file (what `/proc/self/exe` names).
    pub binary: Option<Node>,
    /// Every folder on the way to the program, by the name it was started as and by its
    /// real path: whoever may write one may put another program in pmdb's place.
    pub binary_folders: Vec<Node>,
    pub config: Option<Node>,
    /// Every folder on the way to `/etc/pmdb/pmdb.toml`, `/etc/pmdb` included.
    pub config_folders: Vec<Node>,
    /// Every folder passed on the way to the database, but its real folder, from `/` down.
    pub ancestors: Vec<Node>,
    /// Every symbolic link met on the way to the database, the program or the
    /// configuration: whoever could replace one could point it elsewhere.
    pub links: Vec<Node>,
    /// The database's real folder.
    pub folder: Option<Node>,
    /// The database, its `-wal` and `-shm`, each as it is or absent.
    pub files: Vec<(PathBuf, Option<Node>)>,
    /// The first name on the way to the database that could not be looked at.
    pub unseen: Option<PathBuf>,
    pub person: Person,
    /// What the person could write without pmdb: the database's folder and files, or a
    /// folder above them, the program or the configuration.
    pub writable: Vec<PathBuf>,
}

/// Reads the facts for `database`, as the person `login` sees them.
pub fn facts(database: &Path, login: &str) -> Facts {
    let mut groups: Vec<u32> = vec![getgid().as_raw()];
    groups.extend(getgroups().unwrap_or_default().iter().map(|g| g.as_raw()));
    groups.sort_unstable();
    groups.dedup();
    let person = Person {
        login: login.into(),
        uid: getuid().as_raw(),
        groups,
    };
    let mut binaries: Vec<PathBuf> = started_as().into_iter().collect();
    binaries.extend(std::env::current_exe().ok());
    let mut f = facts_of(database, &binaries, Path::new(SYSTEM_CONFIG), person);
    // The access control lists the modes do not show: asked of the system, as the person.
    let more: Vec<PathBuf> = std::iter::once(f.folder.as_ref().map(|n| n.path.clone()))
        .flatten()
        .chain(
            f.files
                .iter()
                .filter(|(_, n)| n.is_some())
                .map(|(p, _)| p.clone()),
        )
        .filter(|p| access(p.as_path(), AccessFlags::W_OK).is_ok())
        .collect();
    for p in more {
        if !f.writable.contains(&p) {
            f.writable.push(p);
        }
    }
    f
}

/// The facts for `database`, the program at `binaries` (the name it was started by, then
/// its real file) and the configuration at `config`, as `person` would find them by the
/// modes. Tests judge folders they made as another person would.
pub fn facts_of(database: &Path, binaries: &[PathBuf], config: &Path, person: Person) -> Facts {
    let mut links: Vec<Node> = Vec::new();
    let mut add_links = |w: &Way| {
        for l in &w.links {
            if !links.iter().any(|x| x.path == l.path) {
                links.push(l.clone());
            }
        }
    };
    let db = way(database);
    add_links(&db);
    let real_folder = db.real.parent().unwrap_or(Path::new("/")).to_path_buf();
    let ancestors: Vec<Node> = db
        .folders
        .iter()
        .filter(|n| n.path != real_folder)
        .cloned()
        .collect();
    let mut binary_folders: Vec<Node> = Vec::new();
    let mut binary = None;
    for b in binaries {
        let w = way(b);
        add_links(&w);
        for n in &w.folders {
            if !binary_folders.iter().any(|x| x.path == n.path) {
                binary_folders.push(n.clone());
            }
        }
        binary = Node::of(&w.real);
    }
    let conf = way(config);
    add_links(&conf);
    let files: Vec<(PathBuf, Option<Node>)> = [
        db.real.clone(),
        sidecar(&db.real, "-wal"),
        sidecar(&db.real, "-shm"),
    ]
    .into_iter()
    .map(|p| {
        let node = Node::of(&p);
        (p, node)
    })
    .collect();
    let folder = Node::of(&real_folder);
    // Sticky folders owned by root (like /tmp) let nobody replace what is not theirs.
    let sticky = |n: &Node| n.mode & 0o1000 != 0 && n.uid == 0;
    let mut writable: Vec<PathBuf> = folder
        .iter()
        .chain(files.iter().filter_map(|(_, n)| n.as_ref()))
        .chain(
            ancestors
                .iter()
                .chain(&binary_folders)
                .chain(&conf.folders)
                .filter(|n| !sticky(n)),
        )
        .chain(binary.iter())
        .filter(|n| person.may_write(n))
        .map(|n| n.path.clone())
        .collect();
    writable.dedup();
    Facts {
        named: std::path::absolute(database).unwrap_or_else(|_| database.into()),
        database: db.real.clone(),
        binary,
        binary_folders,
        config: Node::of(&conf.real),
        config_folders: conf.folders,
        ancestors,
        links,
        folder,
        files,
        unseen: db.unseen,
        person,
        writable,
    }
}

/// The program as this run was started: the name given (`argv[0]`) if it has a slash in
/// it, else the first `pmdb` on `PATH`, as the shell found it.
fn started_as() -> Option<PathBuf> {
    let name = PathBuf::from(std::env::args_os().next()?);
    if name.components().count() > 1 {
        return Some(name);
    }
    std::env::split_paths(&std::env::var_os("PATH")?)
        .map(|dir| dir.join(&name))
        .find(|p| p.is_file())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_way_follows_each_link_and_passes_every_folder() {
        let t = tempfile::tempdir().unwrap();
        let root = std::fs::canonicalize(t.path()).unwrap();
        std::fs::create_dir_all(root.join("real/db")).unwrap();
        std::fs::write(root.join("real/db/council.db"), "").unwrap();
        std::fs::create_dir(root.join("srv")).unwrap();
        // srv/pmdb -> ../real/db (relative), and /x/council.db -> srv/pmdb/council.db.
        std::os::unix::fs::symlink("../real/db", root.join("srv/pmdb")).unwrap();
        std::os::unix::fs::symlink(root.join("srv/pmdb/council.db"), root.join("x.db")).unwrap();
        let w = way(&root.join("x.db"));
        assert_eq!(w.real, root.join("real/db/council.db"));
        assert_eq!(w.real, std::fs::canonicalize(root.join("x.db")).unwrap());
        let links: Vec<PathBuf> = w.links.iter().map(|l| l.path.clone()).collect();
        assert_eq!(links, [root.join("x.db"), root.join("srv/pmdb")]);
        let folders: Vec<PathBuf> = w.folders.iter().map(|f| f.path.clone()).collect();
        for f in [
            root.clone(),
            root.join("srv"),
            root.join("real"),
            root.join("real/db"),
        ] {
            assert!(folders.contains(&f), "{f:?} not in {folders:?}");
        }
        assert_eq!(w.unseen, None);
        // A name that does not exist yet: its real folder still found.
        let w = way(&root.join("srv/pmdb/new.db"));
        assert_eq!(w.real, root.join("real/db/new.db"));
    }
}
