//! Whether a deployment keeps officers from writing the council's file except through
//! pmdb, judged from the facts on disk (`inspect`), with the command that puts each
//! problem right. The deployment it asks for: pmdb `root:G 2755`, the database's folder
//! `root:G 2770`, the database and its `-wal` and `-shm` group `G` `0660`, the system
//! configuration and every folder above root's alone, and officers not in `G`. Every path is
//! judged as it really is: each folder on the way to the program, the configuration and the
//! database (before and after each link), and each link itself.

use std::path::Path;

use serde::Serialize;

use super::config::NotRoots;
use super::inspect::{Facts, Node};

/// One thing looked at: what it is, where, as it is, and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    pub what: &'static str,
    pub path: String,
    pub state: String,
    /// None when it is as it should be.
    pub problem: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Verdict {
    pub database: String,
    pub login: String,
    pub findings: Vec<Finding>,
    /// Whether the person could write the file without pmdb (root always can).
    pub could_write_without_pmdb: bool,
    /// What to change, as commands for an administrator.
    pub changes: Vec<String>,
    pub protected: bool,
}

pub fn judge(f: &Facts) -> Verdict {
    let mut v = Verdict {
        database: f.named.display().to_string(),
        login: f.person.login.clone(),
        findings: Vec::new(),
        could_write_without_pmdb: f.person.uid == 0 || !f.writable.is_empty(),
        changes: Vec::new(),
        protected: false,
    };
    // The program's group: the binary's, when it is set-group-ID.
    let group = f.binary.as_ref().filter(|b| b.mode & 0o2000 != 0);
    let (gid, group_name) = match group {
        Some(b) => (Some(b.gid), b.group.clone()),
        None => (None, "pmdb".to_string()),
    };
    binary(&mut v, f.binary.as_ref(), &group_name);
    // Each folder once, judged by the strictest rule that applies to it: root's alone on
    // the way to the program and the configuration; on the way to the database pmdb's
    // group may also write (a link may sit in the database's folder as named).
    let mut judged: Vec<&Path> = Vec::new();
    for dir in f.binary_folders.iter().chain(&f.config_folders) {
        if !judged.contains(&dir.path.as_path()) {
            judged.push(&dir.path);
            above(&mut v, dir, None);
        }
    }
    config(&mut v, f.config.as_ref(), &f.database);
    for dir in &f.ancestors {
        if !judged.contains(&dir.path.as_path()) {
            judged.push(&dir.path);
            above(&mut v, dir, gid);
        }
    }
    links(&mut v, &f.links);
    folder(&mut v, f, gid, &group_name);
    files(&mut v, f, gid, &group_name);
    person(&mut v, f, gid, &group_name);
    v.changes.dedup();
    v.protected = v.findings.iter().all(|x| x.problem.is_none());
    v
}

fn push(v: &mut Verdict, what: &'static str, path: &Path, state: String, problem: Option<String>) {
    v.findings.push(Finding {
        what,
        path: path.display().to_string(),
        state,
        problem,
    });
}

fn binary(v: &mut Verdict, b: Option<&Node>, group: &str) {
    let Some(b) = b else {
        push(
            v,
            "binary",
            Path::new("pmdb"),
            "cannot be read".into(),
            Some("pmdb cannot find its own file".into()),
        );
        return;
    };
    let problem = if b.mode & 0o2000 == 0 {
        Some(format!(
            "not set-group-ID (the bit is lost when pmdb is copied or rebuilt): pmdb cannot reach \
             the council's file for officers; install it again set-group-ID to {group}, and never \
             add an officer to that group"
        ))
    } else if b.uid != 0 {
        Some(format!("owned by {}, who could replace it", b.owner))
    } else if b.mode & 0o022 != 0 {
        Some("others than root may change it".to_string())
    } else {
        None
    };
    if problem.is_some() {
        v.changes.push(format!(
            "sudo chown root:{group} {0} && sudo chmod 2755 {0}",
            b.path.display()
        ));
    }
    push(v, "binary", &b.path, b.state(), problem);
}

fn config(v: &mut Verdict, c: Option<&Node>, database: &Path) {
    let path = Path::new(super::SYSTEM_CONFIG);
    let Some(c) = c else {
        push(
            v,
            "config",
            path,
            "absent".into(),
            Some("set-group-ID, pmdb opens only the database this file names".into()),
        );
        v.changes.push(format!(
            "sudo install -d -m 0755 /etc/pmdb && echo 'database = \"{}\"' | sudo tee {}",
            database.display(),
            path.display()
        ));
        return;
    };
    let problem = roots_alone(c);
    if problem.is_some() {
        v.changes.push(format!(
            "sudo chown root:root {0} && sudo chmod 0644 {0}",
            c.path.display()
        ));
    }
    push(v, "config", &c.path, c.state(), problem);
}

/// A folder on the way to the program, the configuration or the database: whoever may
/// write it may move what is in it aside and put another in its place. `gid`: pmdb's
/// group, which may also write a folder on the way to the database.
fn above(v: &mut Verdict, d: &Node, gid: Option<u32>) {
    // A sticky folder (like /tmp) lets nobody move what is not theirs.
    let sticky = d.mode & 0o1000 != 0 && d.uid == 0;
    let pmdbs = d.uid == 0 && d.mode & 0o002 == 0 && gid == Some(d.gid);
    let problem = if sticky || pmdbs {
        None
    } else {
        roots_alone(d)
    };
    if problem.is_some() {
        v.changes.push(format!(
            "sudo chown root {0} && sudo chmod go-w {0}",
            d.path.display()
        ));
    }
    push(v, "above", &d.path, d.state(), problem);
}

/// A link on the way: whoever owns it (in a sticky folder) or may write its folder may
/// point it elsewhere; its folder is judged as a folder on the way.
fn links(v: &mut Verdict, links: &[Node]) {
    for l in links {
        let problem = (l.uid != 0).then(|| {
            format!(
                "owned by {}, who may replace it to point at another file",
                l.owner
            )
        });
        if problem.is_some() {
            v.changes
                .push(format!("sudo chown -h root {}", l.path.display()));
        }
        push(v, "link", &l.path, l.state(), problem);
    }
}

fn roots_alone(n: &Node) -> Option<String> {
    match super::config::roots_alone(n.uid, n.mode) {
        Ok(()) => None,
        Err(NotRoots::Owner) => Some(format!("owned by {}, not root", n.owner)),
        Err(NotRoots::Writable) => Some("others than root may write it".into()),
    }
}

fn folder(v: &mut Verdict, f: &Facts, gid: Option<u32>, group: &str) {
    let path = f.database.parent().unwrap_or(Path::new("/"));
    let Some(d) = &f.folder else {
        if let Some(problem) = unseen(f, gid) {
            push(v, "folder", path, "cannot be seen".into(), Some(problem));
            return;
        }
        push(
            v,
            "folder",
            path,
            "absent".into(),
            Some("the database's folder does not exist".into()),
        );
        v.changes.push(format!(
            "sudo install -d -o root -g {group} -m 2770 {}",
            path.display()
        ));
        return;
    };
    let problem = if d.uid != 0 {
        Some(format!("owned by {}, who may change its mode", d.owner))
    } else if gid.is_some_and(|g| g != d.gid) {
        Some(format!(
            "its group is {}, not pmdb's group {group}",
            d.group
        ))
    } else if d.mode & 0o007 != 0 {
        Some("others than the group may open it".into())
    } else if d.mode & 0o070 != 0o070 {
        Some("the group may not make the -wal and -shm files in it".into())
    } else if d.mode & 0o2000 == 0 {
        Some("not set-group-ID: files made in it do not take its group".into())
    } else {
        None
    };
    if problem.is_some() {
        v.changes.push(format!(
            "sudo chown root:{group} {0} && sudo chmod 2770 {0}",
            d.path.display()
        ));
    }
    push(v, "folder", &d.path, d.state(), problem);
}

fn files(v: &mut Verdict, f: &Facts, gid: Option<u32>, group: &str) {
    for (n, (path, node)) in f.files.iter().enumerate() {
        let what = ["database", "wal", "shm"][n.min(2)];
        let Some(node) = node else {
            if n == 0
                && let Some(problem) = unseen(f, gid)
            {
                push(v, what, path, "cannot be seen".into(), Some(problem));
                continue;
            }
            // The -wal and -shm come and go; the database must be there.
            let problem = (n == 0).then(|| "the database does not exist".to_string());
            if problem.is_some() {
                v.changes.push("sudo pmdb init".into());
            }
            push(v, what, path, "absent".into(), problem);
            continue;
        };
        let problem = if node.uid != 0 {
            // An officer's pmdb that made a missing -wal or -shm leaves it that officer's
            // own: they may change its mode and write it without pmdb.
            Some(format!(
                "owned by {}, who may write it without pmdb",
                node.owner
            ))
        } else if gid.is_some_and(|g| g != node.gid) {
            Some(format!(
                "its group is {}, not pmdb's group {group}",
                node.group
            ))
        } else if node.mode & 0o007 != 0 {
            Some("others than the group may use it".into())
        } else if node.mode & 0o060 != 0o060 {
            Some("the group may not read and write it, so pmdb cannot save".into())
        } else {
            None
        };
        if problem.is_some() {
            v.changes.push(format!(
                "sudo chown root:{group} {0} && sudo chmod 0660 {0}",
                node.path.display()
            ));
        }
        push(v, what, path, node.state(), problem);
    }
}

/// Why the database could not be looked at, when a folder on its way is closed to the
/// person running the check: as pmdb's set-group-ID program it should see it.
fn unseen(f: &Facts, gid: Option<u32>) -> Option<String> {
    let at = f.unseen.as_ref()?;
    Some(if gid.is_none() {
        format!(
            "{} is closed to {} and pmdb is not running set-group-ID (see the binary), so it \
             cannot tell whether the database is there",
            at.display(),
            f.person.login
        )
    } else {
        format!(
            "{} is closed to pmdb's group too; run `sudo pmdb check --deployment` to see it",
            at.display()
        )
    })
}

fn person(v: &mut Verdict, f: &Facts, gid: Option<u32>, group: &str) {
    let p = &f.person;
    let login = &p.login;
    if p.uid == 0 {
        push(v, "person", Path::new(login), "root".into(), None);
        return;
    }
    let member = gid.is_some_and(|g| p.groups.contains(&g));
    let problem = if member {
        Some(format!(
            "{login} is in pmdb's group {group}, so may open the file directly"
        ))
    } else {
        f.writable
            .first()
            .map(|w| format!("{login} could write {} without pmdb", w.display()))
    };
    if member {
        v.changes.push(format!("sudo gpasswd -d {login} {group}"));
    } else if let Some(w) = f.writable.first()
        && v.changes.is_empty()
    {
        // The modes are as asked, yet the person may write: an access control list.
        v.changes.push(format!("sudo setfacl -b {}", w.display()));
    }
    let state = if f.writable.is_empty() {
        "could not write the file without pmdb".to_string()
    } else {
        "could write the file without pmdb".to_string()
    };
    push(v, "person", Path::new(login), state, problem);
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::super::inspect::Person;
    use super::*;

    const PMDB: u32 = 990;

    fn node(path: &str, uid: u32, gid: u32, mode: u32) -> Node {
        Node {
            path: path.into(),
            uid,
            gid,
            mode,
            owner: if uid == 0 {
                "root".into()
            } else {
                "alice".into()
            },
            group: match gid {
                0 => "root".into(),
                PMDB => "pmdb".into(),
                _ => "staff".into(),
            },
            link: None,
        }
    }

    fn to_alice(n: &mut Node) {
        n.uid = 1000;
        n.owner = "alice".into();
    }

    fn to_staff(n: &mut Node) {
        n.gid = 100;
        n.group = "staff".into();
    }

    /// The deployment the spec asks for, seen by alice (uid 1000, group staff 100).
    fn as_asked() -> Facts {
        let db = "/srv/pmdb/council.db";
        Facts {
            named: db.into(),
            database: db.into(),
            binary: Some(node("/usr/local/bin/pmdb", 0, PMDB, 0o2755)),
            binary_folders: vec![
                node("/", 0, 0, 0o755),
                node("/usr", 0, 0, 0o755),
                node("/usr/local", 0, 0, 0o755),
                node("/usr/local/bin", 0, 0, 0o755),
            ],
            config: Some(node("/etc/pmdb/pmdb.toml", 0, 0, 0o644)),
            config_folders: vec![
                node("/", 0, 0, 0o755),
                node("/etc", 0, 0, 0o755),
                node("/etc/pmdb", 0, 0, 0o755),
            ],
            ancestors: vec![node("/", 0, 0, 0o755), node("/srv", 0, 0, 0o755)],
            links: vec![],
            folder: Some(node("/srv/pmdb", 0, PMDB, 0o2770)),
            files: vec![
                (db.into(), Some(node(db, 0, PMDB, 0o660))),
                (
                    format!("{db}-wal").into(),
                    Some(node("/srv/pmdb/council.db-wal", 0, PMDB, 0o660)),
                ),
                (format!("{db}-shm").into(), None),
            ],
            person: Person {
                login: "alice".into(),
                uid: 1000,
                groups: vec![100],
            },
            unseen: None,
            writable: vec![],
        }
    }

    #[test]
    fn the_deployment_as_asked_protects_the_file() {
        let v = judge(&as_asked());
        assert!(v.protected, "{:#?}", v.findings);
        assert!(!v.could_write_without_pmdb);
        assert!(v.changes.is_empty(), "{:?}", v.changes);
        let binary = &v.findings[0];
        assert_eq!(binary.state, "owner root, group pmdb, mode 2755");
    }

    /// Each way a deployment goes wrong: the problem named, and the change that mends it.
    #[test]
    fn each_weakness_is_named_with_its_change() {
        type Spoil = fn(&mut Facts);
        let cases: Vec<(Spoil, &str, &str)> = vec![
            (
                |f| f.binary.as_mut().unwrap().mode = 0o755,
                "not set-group-ID",
                "sudo chown root:pmdb /usr/local/bin/pmdb && sudo chmod 2755 /usr/local/bin/pmdb",
            ),
            (
                |f| to_alice(f.binary.as_mut().unwrap()),
                "owned by alice",
                "sudo chmod 2755 /usr/local/bin/pmdb",
            ),
            (
                |f| f.config = None,
                "opens only the database this file names",
                "sudo tee /etc/pmdb/pmdb.toml",
            ),
            (
                |f| f.config.as_mut().unwrap().mode = 0o666,
                "others than root may write it",
                "sudo chown root:root /etc/pmdb/pmdb.toml && sudo chmod 0644 /etc/pmdb/pmdb.toml",
            ),
            (
                |f| to_alice(&mut f.ancestors[1]),
                "owned by alice, not root",
                "sudo chown root /srv && sudo chmod go-w /srv",
            ),
            (
                |f| f.binary_folders[3].mode = 0o777,
                "others than root may write it",
                "sudo chown root /usr/local/bin && sudo chmod go-w /usr/local/bin",
            ),
            (
                |f| f.binary_folders[2].mode = 0o775,
                "others than root may write it",
                "sudo chown root /usr/local && sudo chmod go-w /usr/local",
            ),
            (
                |f| to_alice(&mut f.config_folders[2]),
                "owned by alice, not root",
                "sudo chown root /etc/pmdb && sudo chmod go-w /etc/pmdb",
            ),
            (
                |f| {
                    let mut l = node("/srv/pmdb/council.db", 1000, 100, 0o777);
                    l.link = Some("/home/alice/council.db".into());
                    f.links.push(l);
                },
                "owned by alice, who may replace it",
                "sudo chown -h root /srv/pmdb/council.db",
            ),
            (
                |f| f.folder.as_mut().unwrap().mode = 0o2775,
                "others than the group may open it",
                "sudo chown root:pmdb /srv/pmdb && sudo chmod 2770 /srv/pmdb",
            ),
            (
                |f| f.folder.as_mut().unwrap().mode = 0o770,
                "not set-group-ID",
                "sudo chmod 2770 /srv/pmdb",
            ),
            (
                |f| to_staff(f.folder.as_mut().unwrap()),
                "its group is staff",
                "sudo chmod 2770 /srv/pmdb",
            ),
            (
                |f| to_alice(f.folder.as_mut().unwrap()),
                "owned by alice",
                "sudo chmod 2770 /srv/pmdb",
            ),
            (
                |f| f.files[0].1.as_mut().unwrap().mode = 0o664,
                "others than the group may use it",
                "sudo chown root:pmdb /srv/pmdb/council.db && sudo chmod 0660 /srv/pmdb/council.db",
            ),
            (
                |f| f.files[0].1.as_mut().unwrap().mode = 0o640,
                "pmdb cannot save",
                "sudo chmod 0660 /srv/pmdb/council.db",
            ),
            (
                |f| to_staff(f.files[1].1.as_mut().unwrap()),
                "its group is staff",
                "sudo chown root:pmdb /srv/pmdb/council.db-wal",
            ),
            (
                // A -wal an officer's pmdb made is the officer's to write.
                |f| {
                    let wal = f.files[1].1.as_mut().unwrap();
                    wal.uid = 1000;
                    wal.owner = "alice".into();
                },
                "owned by alice, who may write it without pmdb",
                "sudo chown root:pmdb /srv/pmdb/council.db-wal",
            ),
            (
                |f| f.files[0].1 = None,
                "the database does not exist",
                "sudo pmdb init",
            ),
            (
                |f| f.person.groups.push(PMDB),
                "alice is in pmdb's group pmdb",
                "sudo gpasswd -d alice pmdb",
            ),
            (
                |f| f.writable.push(PathBuf::from("/srv/pmdb/council.db")),
                "alice could write /srv/pmdb/council.db without pmdb",
                "",
            ),
        ];
        for (spoil, problem, change) in cases {
            let mut f = as_asked();
            spoil(&mut f);
            let v = judge(&f);
            assert!(!v.protected, "{problem}");
            let said: Vec<&str> = v
                .findings
                .iter()
                .filter_map(|x| x.problem.as_deref())
                .collect();
            assert!(
                said.iter().any(|p| p.contains(problem)),
                "{problem}: {said:?}"
            );
            assert!(
                v.changes.iter().any(|c| c.contains(change)),
                "{change}: {:?}",
                v.changes
            );
        }
    }

    #[test]
    fn root_may_write_anything_and_that_is_no_fault_of_the_deployment() {
        let mut f = as_asked();
        f.person = Person {
            login: "root".into(),
            uid: 0,
            groups: vec![0],
        };
        f.writable = vec![PathBuf::from("/srv/pmdb/council.db")];
        let v = judge(&f);
        assert!(v.could_write_without_pmdb);
        assert!(v.protected, "{:#?}", v.findings);
    }

    #[test]
    fn the_group_writable_set_up_for_one_team_is_not_protected() {
        // pmdb an ordinary program, officers in the group that owns the file.
        let mut f = as_asked();
        f.binary.as_mut().unwrap().mode = 0o755;
        f.person.groups.push(PMDB);
        f.writable = vec!["/srv/pmdb".into(), "/srv/pmdb/council.db".into()];
        let v = judge(&f);
        assert!(!v.protected);
        assert!(v.could_write_without_pmdb);
    }

    /// pmdb copied or rebuilt without its set-group-ID bit: the officer cannot see into the
    /// database's folder. The check says the bit is lost; it neither calls the database
    /// absent (nor asks for `pmdb init`) nor advises adding the officer to pmdb's group.
    #[test]
    fn a_lost_set_group_id_bit_is_said_and_no_officer_is_added_to_the_group() {
        let mut f = as_asked();
        f.binary.as_mut().unwrap().mode = 0o755;
        f.files = vec![
            ("/srv/pmdb/council.db".into(), None),
            ("/srv/pmdb/council.db-wal".into(), None),
            ("/srv/pmdb/council.db-shm".into(), None),
        ];
        f.unseen = Some("/srv/pmdb/council.db".into());
        let v = judge(&f);
        assert!(!v.protected);
        let said: Vec<String> = v
            .findings
            .iter()
            .filter_map(|x| x.problem.clone())
            .collect();
        assert!(
            said[0]
                .starts_with("not set-group-ID (the bit is lost when pmdb is copied or rebuilt)"),
            "{said:?}"
        );
        assert!(
            said[0].contains("never add an officer to that group"),
            "{said:?}"
        );
        assert!(
            said.iter().any(|p| p.contains(
                "/srv/pmdb/council.db is closed to alice and pmdb is not running set-group-ID"
            )),
            "{said:?}"
        );
        assert!(
            !said.iter().any(|p| p.contains("does not exist")),
            "{said:?}"
        );
        assert_eq!(
            v.changes,
            ["sudo chown root:pmdb /usr/local/bin/pmdb && sudo chmod 2755 /usr/local/bin/pmdb"]
        );
        for c in &v.changes {
            assert!(!c.contains("usermod") && !c.contains("gpasswd -a"), "{c}");
        }
    }

    /// Inspected folders, made in a temporary folder with the modes a deployment gives and
    /// judged as an officer (uid 4242, in no group of theirs) would find them: pmdb at
    /// T/usr/bin/pmdb, a link to T/opt/pmdb/bin/pmdb; the configuration in T/etc/pmdb; the
    /// database T/srv/pmdb/council.db.
    mod on_disk {
        use std::os::unix::fs::{PermissionsExt, symlink};
        use std::path::Path;

        use super::super::super::inspect::{Person, facts_of};
        use super::super::{Verdict, judge};

        fn chmod(p: &Path, mode: u32) {
            std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode)).unwrap();
        }

        fn dir(p: &Path, mode: u32) {
            std::fs::create_dir_all(p).unwrap();
            chmod(p, mode);
        }

        fn file(p: &Path, mode: u32) {
            std::fs::write(p, "").unwrap();
            chmod(p, mode);
        }

        /// Builds the deployment in `t`, lets `spoil` change it, and judges it.
        fn judged(t: &Path, spoil: fn(&Path)) -> Verdict {
            dir(&t.join("opt/pmdb/bin"), 0o755);
            file(&t.join("opt/pmdb/bin/pmdb"), 0o2755);
            dir(&t.join("usr/bin"), 0o755);
            symlink(t.join("opt/pmdb/bin/pmdb"), t.join("usr/bin/pmdb")).unwrap();
            dir(&t.join("etc/pmdb"), 0o755);
            file(&t.join("etc/pmdb/pmdb.toml"), 0o644);
            dir(&t.join("srv/pmdb"), 0o2770);
            file(&t.join("srv/pmdb/council.db"), 0o660);
            spoil(t);
            let officer = Person {
                login: "officer".into(),
                uid: 4242,
                groups: vec![4242],
            };
            judge(&facts_of(
                &t.join("srv/pmdb/council.db"),
                &[t.join("usr/bin/pmdb"), t.join("opt/pmdb/bin/pmdb")],
                &t.join("etc/pmdb/pmdb.toml"),
                officer,
            ))
        }

        fn problem_at<'a>(v: &'a Verdict, path: &Path) -> Option<&'a str> {
            let path = path.display().to_string();
            v.findings
                .iter()
                .find(|x| x.path == path)
                .and_then(|x| x.problem.as_deref())
        }

        /// Run by root (the files then root's), the deployment as built protects the file;
        /// by anyone else each file is theirs, and that is said, but nothing else is.
        #[test]
        fn as_built_nothing_but_the_owners_is_wrong() {
            let t = tempfile::tempdir().unwrap();
            let t = std::fs::canonicalize(t.path()).unwrap();
            let v = judged(&t, |_| {});
            assert!(!v.could_write_without_pmdb, "{v:#?}");
            for x in &v.findings {
                if let Some(p) = &x.problem {
                    assert!(p.starts_with("owned by"), "{}: {p}", x.path);
                }
            }
            if nix::unistd::getuid().is_root() {
                assert!(v.protected, "{:#?}", v.findings);
            }
            // The link the program was started by, judged itself.
            let link = v.findings.iter().find(|x| x.what == "link").unwrap();
            assert_eq!(link.path, t.join("usr/bin/pmdb").display().to_string());
        }

        /// Each way an officer could put a forged database or program in place through a
        /// link or a folder, named at the real path with the change that mends it.
        #[test]
        fn links_and_writable_folders_on_every_way_are_named() {
            type Spoil = fn(&Path);
            let cases: Vec<(&str, Spoil, &str, &str, &str)> = vec![
                (
                    "the database a link into a folder officers can write",
                    |t| {
                        dir(&t.join("shared"), 0o777);
                        std::fs::rename(t.join("srv/pmdb/council.db"), t.join("shared/council.db"))
                            .unwrap();
                        symlink(t.join("shared/council.db"), t.join("srv/pmdb/council.db"))
                            .unwrap();
                    },
                    "shared",
                    "others than the group may open it",
                    "chmod 2770 {T}/shared",
                ),
                (
                    "the database's folder a link into a folder officers can write",
                    |t| {
                        dir(&t.join("shared"), 0o777);
                        std::fs::rename(t.join("srv/pmdb"), t.join("shared/pmdb")).unwrap();
                        symlink("../shared/pmdb", t.join("srv/pmdb")).unwrap();
                    },
                    "shared",
                    "others than root may write it",
                    "chmod go-w {T}/shared",
                ),
                (
                    "a folder officers can write above the program's folder",
                    |t| chmod(&t.join("opt/pmdb"), 0o777),
                    "opt/pmdb",
                    "others than root may write it",
                    "chmod go-w {T}/opt/pmdb",
                ),
                (
                    "the folder of the link the program is started by",
                    |t| chmod(&t.join("usr/bin"), 0o777),
                    "usr/bin",
                    "others than root may write it",
                    "chmod go-w {T}/usr/bin",
                ),
                (
                    "the configuration's folder",
                    |t| chmod(&t.join("etc/pmdb"), 0o777),
                    "etc/pmdb",
                    "others than root may write it",
                    "chmod go-w {T}/etc/pmdb",
                ),
            ];
            for (case, spoil, at, problem, change) in cases {
                let t = tempfile::tempdir().unwrap();
                let t = std::fs::canonicalize(t.path()).unwrap();
                let v = judged(&t, spoil);
                assert!(!v.protected, "{case}");
                assert!(v.could_write_without_pmdb, "{case}: {:#?}", v.findings);
                let said = problem_at(&v, &t.join(at));
                assert!(
                    said.is_some_and(|p| p.contains(problem)),
                    "{case}: {said:?} in {:#?}",
                    v.findings
                );
                let change = change.replace("{T}", &t.display().to_string());
                assert!(
                    v.changes.iter().any(|c| c.contains(&change)),
                    "{case}: {change} not in {:?}",
                    v.changes
                );
            }
        }

        /// The files judged are the real ones: a link to the database names the real file.
        #[test]
        fn the_real_database_is_the_one_judged() {
            let t = tempfile::tempdir().unwrap();
            let t = std::fs::canonicalize(t.path()).unwrap();
            let v = judged(&t, |t| {
                dir(&t.join("data"), 0o2770);
                std::fs::rename(t.join("srv/pmdb/council.db"), t.join("data/council.db")).unwrap();
                chmod(&t.join("data/council.db"), 0o666);
                symlink(t.join("data/council.db"), t.join("srv/pmdb/council.db")).unwrap();
            });
            let real = t.join("data/council.db");
            assert_eq!(
                v.database,
                t.join("srv/pmdb/council.db").display().to_string()
            );
            assert!(
                problem_at(&v, &real).is_some_and(|p| p.contains("others than the group")),
                "{:#?}",
                v.findings
            );
        }
    }
}
