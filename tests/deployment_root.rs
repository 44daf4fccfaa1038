//! "Only through pmdb", end to end: pmdb installed set-group-ID to a group the officer is
//! not in, the council's file in a folder only that group may enter, `/etc/pmdb/pmdb.toml`
//! naming it, and a real officer login (`nobody`) saving, reading and writing files through
//! pmdb, but unable to open the file any other way. Setting this up takes root (a file
//! given to another group, a process run as another user, /etc written): run as root, the
//! test does all of it; run as anyone else it checks what an ordinary user can (pmdb not
//! set-group-ID is judged unprotected, and why), and the rules themselves are tested
//! without root in `deployment::{choice, config, judge}` and `privilege`.
//!
//! Its own test binary: it writes /etc/pmdb/pmdb.toml for its run, in a mount namespace of
//! its own where /etc is overlaid, so the machine's /etc is never touched and no other
//! process sees the test's configuration.

mod common;

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::{fixture, pmdb_binary};

const CONFIG: &str = "/etc/pmdb/pmdb.toml";

#[test]
fn only_pmdb_can_write_the_councils_file() {
    if !nix::unistd::getuid().is_root() {
        not_root();
        return;
    }
    let d = Deployment::install();

    // The council's file: made by root through the set-group-ID binary, given to the group.
    let init = d.root(&["init"]);
    assert!(init.status.success(), "{}", text(&init));
    let db = d.db();
    let m = std::fs::metadata(&db).unwrap();
    assert_eq!(
        (m.gid(), m.mode() & 0o7777),
        (d.group, 0o660),
        "the new database"
    );
    for kind in ["users", "plan", "indicators", "targets", "values"] {
        let file = fixture(&format!("{kind}.csv"));
        let out = d.root(&["import", kind, file.to_str().unwrap()]);
        assert!(out.status.success(), "{}", text(&out));
    }
    let out = d.root(&["user", "add", "nobody", "--role", "performance"]);
    assert!(out.status.success(), "{}", text(&out));

    // 1. The officer saves and reads through pmdb as ever...
    let saved = d.officer(&[
        "set",
        "RW1",
        "2024-07",
        "400",
        "--commentary",
        "saved through pmdb",
        "--action",
        "a remedial action",
    ]);
    assert!(saved.status.success(), "{}", text(&saved));
    let shown = d.officer(&["--json", "show", "RW1"]);
    assert!(shown.status.success(), "{}", text(&shown));
    assert!(text(&shown).contains("saved through pmdb"));
    // ... but cannot open the file, nor its folder, any other way.
    for (what, script) in [
        ("read", "cat \"$1\" > /dev/null"),
        ("write", ": >> \"$1\""),
        ("list the folder of", "ls \"$(dirname \"$1\")\""),
    ] {
        let out = d.as_officer("/bin/sh", &["-c", script, "sh", db.to_str().unwrap()]);
        assert!(
            !out.status.success(),
            "the officer could {what} the file without pmdb"
        );
    }
    if Path::new("/usr/bin/sqlite3").exists() {
        let out = d.as_officer(
            "/usr/bin/sqlite3",
            &[db.to_str().unwrap(), "UPDATE users SET role='admin'"],
        );
        assert!(!out.status.success(), "sqlite3 opened the file");
    }
    if Path::new("/usr/bin/python3").exists() {
        let out = d.as_officer(
            "/usr/bin/python3",
            &[
                "-c",
                "import sqlite3, sys; sqlite3.connect(sys.argv[1]).execute(\"UPDATE users SET role='admin'\")",
                db.to_str().unwrap(),
            ],
        );
        let said = text(&out);
        assert!(!out.status.success(), "Python opened the file");
        assert!(said.contains("unable to open database file"), "{said}");
    }

    // 4. The audit names the officer, by their real user id.
    let history = text(&d.officer(&["history", "RW1"]));
    let line = history
        .lines()
        .find(|l| l.contains("2024-07"))
        .unwrap_or_else(|| panic!("no 2024-07 line: {history}"));
    assert!(line.contains("nobody"), "{line}");

    // 2. Anything the officer could name is refused, saying why.
    let elsewhere = d.home.join("mine.db");
    let e = d.officer(&["--db", elsewhere.to_str().unwrap(), "list"]);
    assert_refused(&e, "--db is refused: pmdb is installed set-group-ID");
    let e = d.officer_env(&["list"], &[("PMDB_DB", elsewhere.to_str().unwrap())]);
    assert_refused(&e, "PMDB_DB is refused");
    let own = d.home.join(".config/pmdb");
    let made = d.as_officer("/bin/mkdir", &["-p", own.to_str().unwrap()]);
    assert!(made.status.success(), "{}", text(&made));
    let made = d.as_officer(
        "/bin/sh",
        &[
            "-c",
            "echo 'database = \"/tmp/mine.db\"' > \"$1\"",
            "sh",
            own.join("pmdb.toml").to_str().unwrap(),
        ],
    );
    assert!(made.status.success(), "{}", text(&made));
    let e = d.officer(&["list"]);
    assert_refused(&e, "your configuration");
    assert_refused(&e, ".config/pmdb/pmdb.toml is refused");
    std::fs::remove_dir_all(d.home.join(".config")).unwrap();
    assert_refused(&d.officer(&["init"]), "pmdb init is refused");
    assert!(!elsewhere.exists());
    // PMDB_TODAY does not backdate what the officer records.
    let dated = d.officer_env(
        &[
            "set",
            "WR1",
            "2024-07",
            "55",
            "--numerator",
            "55",
            "--denominator",
            "100",
        ],
        &[("PMDB_TODAY", "2024-08-01")],
    );
    let said = text(&dated);
    assert!(said.contains("PMDB_TODAY is ignored"), "{said}");
    // Nor does the backup test's hook stop a backup half-way (PMDB_TEST_KILL_BACKUP).
    let backed = d.officer_env(
        &["backup", "not-killed.db"],
        &[("PMDB_TEST_KILL_BACKUP", "opened")],
    );
    assert!(backed.status.success(), "{}", text(&backed));
    assert!(d.home.join("not-killed.db").exists());
    let history = text(&d.officer(&["history", "WR1"]));
    let today = chrono::Local::now().format("%-d %b %Y").to_string();
    assert!(
        history
            .lines()
            .any(|l| l.contains("2024-07") && l.contains("nobody") && l.starts_with(&today)),
        "{history}"
    );
    // Nor does a time zone of the officer's move the day pmdb judges deadlines by: the
    // system's zone is used. The zone is one that puts the officer's clock on another day.
    let system_day = Command::new("date")
        .arg("+%F")
        .env_remove("TZ")
        .output()
        .unwrap();
    let system_day = String::from_utf8_lossy(&system_day.stdout)
        .trim()
        .to_string();
    // Twenty-six hours apart, so at least one of the two is on another day.
    let day_in = |zone: &str| {
        let out = Command::new("date")
            .arg("+%F")
            .env("TZ", zone)
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    };
    let zone = ["Etc/GMT+12", "Etc/GMT-14"]
        .into_iter()
        .find(|z| day_in(z) != system_day)
        .expect("a zone on another day");
    let config = text(&d.officer_env(&["config"], &[("TZ", zone)]));
    assert!(
        config.contains(&format!("today:        {system_day}")),
        "{zone}: {config}"
    );

    // 3. Every file written for the officer is theirs, user and group.
    let (uid, gid) = (65534, 65534);
    let home = d.home.to_str().unwrap().to_string();
    for args in [
        vec!["export", "values", "values.csv"],
        vec!["backup", "backup.db"],
        vec![
            "report",
            "--period",
            "2024/25 Q1",
            "--format",
            "html",
            "--out",
            "report.html",
        ],
        vec!["publish", "--period", "2024/25 Q1", "--out", "pack"],
        vec!["export", "--all", "all"],
    ] {
        let out = d.officer(&args);
        assert!(out.status.success(), "{args:?}: {}", text(&out));
    }
    for made in [
        "values.csv",
        "backup.db",
        "report.html",
        "pack",
        "pack/index.html",
        "pack/report.xlsx",
        "all",
        "all/values.csv",
    ] {
        let m = std::fs::metadata(Path::new(&home).join(made)).unwrap();
        assert_eq!(
            (m.uid(), m.gid()),
            (uid, gid),
            "{made} is not the officer's own"
        );
    }
    // A file the officer names to read is read as the officer: one of pmdb's is not.
    let e = d.officer(&["import", "values", db.to_str().unwrap()]);
    assert_refused(&e, "cannot read");

    // The -wal and -shm `init` made as root stay root's after the officer's saves and
    // reads (kept, never remade as the officer's own file).
    for side in ["-wal", "-shm"] {
        let path = format!("{}{side}", db.display());
        let m = std::fs::metadata(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        assert_eq!(m.uid(), 0, "{path} is not root's");
    }

    // 5. The check: protected, and the officer could not write the file without pmdb.
    let check = d.officer(&["check", "--deployment"]);
    let said = text(&check);
    assert!(check.status.success(), "{said}");
    assert!(
        said.contains("nobody could write the file without pmdb: no"),
        "{said}"
    );
    assert!(said.contains("owner root, group"), "{said}");
    let check = d.root(&["check", "--deployment"]);
    assert!(check.status.success(), "{}", text(&check));
    // Loosened, it says so, and what to change.
    std::fs::set_permissions(&d.srv, std::fs::Permissions::from_mode(0o2777)).unwrap();
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o666)).unwrap();
    let check = d.officer(&["check", "--deployment"]);
    let said = text(&check);
    assert_eq!(check.status.code(), Some(1), "{said}");
    assert!(
        said.contains("nobody could write the file without pmdb: yes"),
        "{said}"
    );
    assert!(
        said.contains(&format!("sudo chmod 2770 {}", d.srv.display())),
        "{said}"
    );
    assert!(said.contains("sudo chmod 0660"), "{said}");
    std::fs::set_permissions(&d.srv, std::fs::Permissions::from_mode(0o2770)).unwrap();
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o660)).unwrap();
    assert!(d.officer(&["check", "--deployment"]).status.success());

    // 6. Through links and folders above: each way an officer could swap in a forged file
    // or program is seen at its real path (all within the temporary folder).
    let root = d.srv.parent().unwrap().to_path_buf();
    let shared = root.join("shared");
    std::fs::create_dir(&shared).unwrap();
    std::fs::set_permissions(&shared, std::fs::Permissions::from_mode(0o777)).unwrap();
    // The database a link into a folder the officer can write.
    let moved = shared.join("council.db");
    move_database(&db, &moved);
    std::os::unix::fs::symlink(&moved, &db).unwrap();
    let check = d.officer(&["check", "--deployment"]);
    let said = text(&check);
    assert_eq!(check.status.code(), Some(1), "the symlinked file: {said}");
    assert!(
        said.contains(&format!("link to {}", moved.display())),
        "{said}"
    );
    assert!(
        said.contains(&format!("sudo chmod 2770 {}", shared.display())),
        "{said}"
    );
    assert!(
        said.contains("nobody could write the file without pmdb: yes"),
        "{said}"
    );
    std::fs::remove_file(&db).unwrap();
    move_database(&moved, &db);
    // The database's folder a link into a folder the officer can write.
    let moved_srv = shared.join("srv");
    std::fs::rename(&d.srv, &moved_srv).unwrap();
    std::os::unix::fs::symlink(&moved_srv, &d.srv).unwrap();
    let check = d.officer(&["check", "--deployment"]);
    let said = text(&check);
    assert_eq!(check.status.code(), Some(1), "the symlinked folder: {said}");
    assert!(
        said.contains(&format!(
            "sudo chown root {0} && sudo chmod go-w {0}",
            shared.display()
        )),
        "{said}"
    );
    std::fs::remove_file(&d.srv).unwrap();
    std::fs::rename(&moved_srv, &d.srv).unwrap();
    assert!(d.officer(&["check", "--deployment"]).status.success());
    // pmdb in a folder whose parent the officer can write.
    let opt = root.join("opt");
    std::fs::create_dir_all(opt.join("bin")).unwrap();
    std::fs::set_permissions(&opt, std::fs::Permissions::from_mode(0o777)).unwrap();
    let other = opt.join("bin/pmdb");
    let copied = Command::new("install")
        .args(["-m", "0755"])
        .arg(&d.bin)
        .arg(&other)
        .status()
        .unwrap();
    assert!(copied.success());
    chown(&other, 0, d.group);
    std::fs::set_permissions(&other, std::fs::Permissions::from_mode(0o2755)).unwrap();
    let check = d.as_officer(other.to_str().unwrap(), &["check", "--deployment"]);
    let said = text(&check);
    assert_eq!(
        check.status.code(),
        Some(1),
        "the writable folder above pmdb: {said}"
    );
    assert!(
        said.contains(&format!(
            "sudo chown root {0} && sudo chmod go-w {0}",
            opt.display()
        )),
        "{said}"
    );

    // 7. pmdb copied without its set-group-ID bit: both the check and a read say so, and
    // neither calls the file absent nor advises adding the officer to pmdb's group.
    let plain = root.join("plain-pmdb");
    let copied = Command::new("install")
        .args(["-m", "0755"])
        .arg(&d.bin)
        .arg(&plain)
        .status()
        .unwrap();
    assert!(copied.success());
    let check = d.as_officer(plain.to_str().unwrap(), &["check", "--deployment"]);
    let said = text(&check);
    assert_eq!(check.status.code(), Some(1), "{said}");
    assert!(said.contains("not set-group-ID (the bit is lost"), "{said}");
    assert!(
        !said.contains("does not exist") && !said.contains("pmdb init"),
        "{said}"
    );
    let list = d.as_officer(plain.to_str().unwrap(), &["list"]);
    let said = text(&list);
    assert_eq!(list.status.code(), Some(1), "{said}");
    assert!(said.contains("pmdb is not running set-group-ID"), "{said}");
    assert!(!said.contains("add nobody to group"), "{said}");
}

/// Moves the database and whatever `-wal` and `-shm` it has to `to`.
fn move_database(from: &Path, to: &Path) {
    std::fs::rename(from, to).unwrap();
    for end in ["-wal", "-shm"] {
        let side = |p: &Path| PathBuf::from(format!("{}{end}", p.display()));
        if side(from).exists() {
            std::fs::rename(side(from), side(to)).unwrap();
        }
    }
}

/// What an ordinary user can see: pmdb not set-group-ID is no protection, and says so.
fn not_root() {
    eprintln!(
        "only_pmdb_can_write_the_councils_file: the set-group-ID deployment takes root to install; \
         checking an ordinary install instead"
    );
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("council.db");
    let run = |args: &[&str]| {
        Command::new(pmdb_binary())
            .arg("--db")
            .arg(&db)
            .args(args)
            .output()
            .unwrap()
    };
    assert!(run(&["init"]).status.success());
    let check = run(&["check", "--deployment"]);
    let said = text(&check);
    assert_eq!(check.status.code(), Some(1), "{said}");
    assert!(said.contains("not set-group-ID"), "{said}");
    assert!(
        said.contains("could write the file without pmdb: yes"),
        "{said}"
    );
}

#[track_caller]
fn assert_refused(out: &Output, says: &str) {
    let said = text(out);
    assert_eq!(out.status.code(), Some(1), "{said}");
    assert!(said.contains(says), "expected {says:?}: {said}");
}

fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// pmdb installed as the spec asks, in a temporary directory, with /etc/pmdb/pmdb.toml
/// naming its database: written in the test's own mount namespace (`private_etc`), so the
/// machine's configuration is never touched and nothing needs putting back.
struct Deployment {
    _dir: tempfile::TempDir,
    bin: PathBuf,
    srv: PathBuf,
    home: PathBuf,
    group: u32,
}

impl Deployment {
    fn install() -> Deployment {
        let dir = tempfile::tempdir().unwrap();
        for above in dir.path().ancestors().skip(1) {
            let mode = std::fs::metadata(above).unwrap().mode();
            assert!(
                mode & 0o001 != 0,
                "nobody cannot reach {}: set TMPDIR to a directory everyone can reach, such as /tmp",
                above.display()
            );
        }
        let root = dir.path();
        std::fs::set_permissions(root, std::fs::Permissions::from_mode(0o755)).unwrap();
        let group = unused_group();
        let bin = root.join("pmdb");
        // Copied by another process, so no fork of this one holds it open for writing.
        let copied = Command::new("install")
            .args(["-m", "0755"])
            .arg(pmdb_binary())
            .arg(&bin)
            .status()
            .unwrap();
        assert!(copied.success());
        chown(&bin, 0, group);
        std::fs::set_permissions(&bin, std::fs::Permissions::from_mode(0o2755)).unwrap();
        let srv = root.join("srv");
        std::fs::create_dir(&srv).unwrap();
        chown(&srv, 0, group);
        std::fs::set_permissions(&srv, std::fs::Permissions::from_mode(0o2770)).unwrap();
        let home = root.join("home");
        std::fs::create_dir(&home).unwrap();
        chown(&home, 65534, 65534);
        private_etc(root);
        std::fs::create_dir_all("/etc/pmdb").unwrap();
        std::fs::write(
            CONFIG,
            format!("database = \"{}\"\n", srv.join("council.db").display()),
        )
        .unwrap();
        std::fs::set_permissions(CONFIG, std::fs::Permissions::from_mode(0o644)).unwrap();
        let d = Deployment {
            _dir: dir,
            bin,
            srv,
            home,
            group,
        };
        // The machine's own /etc names no test database: as the process that started the
        // test sees it, outside this thread's namespace (not as process 1 does, whose root
        // a container may not let us read, which would make the check prove nothing).
        let outside = format!("/proc/{}/root/etc", std::os::unix::process::parent_id());
        assert!(
            Path::new(&outside).join("passwd").exists(),
            "cannot see the machine's /etc through {outside}"
        );
        let machines =
            std::fs::read_to_string(format!("{outside}/pmdb/pmdb.toml")).unwrap_or_default();
        assert!(
            !machines.contains(&d.srv.display().to_string()),
            "the machine's /etc/pmdb/pmdb.toml was written: {machines}"
        );
        // The binary runs set-group-ID here (no nosuid mount in the way).
        let out = d.officer(&["config"]);
        assert!(
            text(&out).contains("named by /etc/pmdb/pmdb.toml"),
            "{}",
            text(&out)
        );
        d
    }

    fn db(&self) -> PathBuf {
        self.srv.join("council.db")
    }

    /// The installed pmdb run by root (real user root, effective group pmdb's).
    fn root(&self, args: &[&str]) -> Output {
        Command::new(&self.bin)
            .args(args)
            .current_dir(&self.home)
            .env_remove("PMDB_DB")
            .env_remove("PMDB_TODAY")
            .output()
            .unwrap()
    }

    fn officer(&self, args: &[&str]) -> Output {
        self.officer_env(args, &[])
    }

    /// The installed pmdb run by the officer `nobody` (not in pmdb's group).
    fn officer_env(&self, args: &[&str], vars: &[(&str, &str)]) -> Output {
        let mut cmd = Command::new(&self.bin);
        cmd.args(args);
        for (k, v) in vars {
            cmd.env(k, v);
        }
        self.officers(cmd)
    }

    fn as_officer(&self, program: &str, args: &[&str]) -> Output {
        let mut cmd = Command::new(program);
        cmd.args(args);
        self.officers(cmd)
    }

    fn officers(&self, mut cmd: Command) -> Output {
        // Only what the test sets: none of the test run's own PMDB_ or XDG_ variables.
        for var in ["PMDB_DB", "PMDB_TODAY", "XDG_CONFIG_HOME", "XDG_DATA_HOME"] {
            if !cmd.get_envs().any(|(k, _)| k == var) {
                cmd.env_remove(var);
            }
        }
        cmd.env("HOME", &self.home)
            .current_dir(&self.home)
            .uid(65534)
            .gid(65534);
        cmd.output().unwrap()
    }
}

/// Gives this test's thread, and every process it starts, a mount namespace of its own in
/// which /etc is overlaid by folders of the test's: /etc/pmdb/pmdb.toml is written there,
/// and the machine's /etc, and every other process's view of it, is never touched. The
/// namespace goes with the thread.
fn private_etc(root: &Path) {
    use nix::mount::{MsFlags, mount};
    use nix::sched::{CloneFlags, unshare};
    unshare(CloneFlags::CLONE_NEWNS).expect("a mount namespace of the test's own");
    // Nothing mounted here propagates back to the machine's namespace.
    mount(
        None::<&str>,
        "/",
        None::<&str>,
        MsFlags::MS_REC | MsFlags::MS_PRIVATE,
        None::<&str>,
    )
    .expect("mounts made private");
    let (upper, work) = (root.join("etc-upper"), root.join("etc-work"));
    std::fs::create_dir(&upper).unwrap();
    std::fs::create_dir(&work).unwrap();
    let options = format!(
        "lowerdir=/etc,upperdir={},workdir={}",
        upper.display(),
        work.display()
    );
    mount(
        Some("overlay"),
        "/etc",
        Some("overlay"),
        MsFlags::empty(),
        Some(options.as_str()),
    )
    .expect("/etc overlaid for the test");
}

fn chown(path: &Path, uid: u32, gid: u32) {
    nix::unistd::chown(
        path,
        Some(nix::unistd::Uid::from_raw(uid)),
        Some(nix::unistd::Gid::from_raw(gid)),
    )
    .unwrap();
}

/// A group id no group has: nobody is in it but pmdb's files.
fn unused_group() -> u32 {
    (47000..48000)
        .find(|g| {
            nix::unistd::Group::from_gid(nix::unistd::Gid::from_raw(*g))
                .ok()
                .flatten()
                .is_none()
        })
        .expect("a free group id")
}
