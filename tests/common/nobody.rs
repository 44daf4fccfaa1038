//! Running pmdb as the system user `nobody` (uid and gid 65534), for tests of another
//! login's rights and of files this login may not read or write. Only root may switch user.

use std::io::Write;
use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::CommandExt;

use super::{Council, me};

/// Whether pmdb can be run as `nobody` here: only root may switch to another user. Run by
/// anyone else, a test that needs it says why it checks nothing (straight to standard
/// error, which the test harness does not capture, so the skip is seen) and returns.
pub fn can_run_as_nobody(test: &str) -> bool {
    if nix::unistd::getuid().is_root() {
        return true;
    }
    let _ = writeln!(
        std::io::stderr(),
        "{test}: skipped: it runs pmdb as nobody, which only root may do, and the tests run as {}",
        me()
    );
    false
}

/// Where [`share_with_nobody`] puts the copy of pmdb that `nobody` runs.
const NOBODYS_PMDB: &str = "pmdb";

/// The council's directory and database opened to everyone, with a copy of pmdb in it:
/// the checkout and its target directory may be out of nobody's reach (a clone in a
/// private directory, say), the temporary directory is not.
pub fn share_with_nobody(c: &Council) {
    let dir = c.dir.path();
    for above in dir.ancestors().skip(1) {
        let mode = std::fs::metadata(above).unwrap().permissions().mode();
        assert!(
            mode & 0o001 != 0,
            "nobody cannot reach {}: {} is not searchable by others; set TMPDIR to a \
             directory everyone can reach, such as /tmp",
            dir.display(),
            above.display()
        );
    }
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o777)).unwrap();
    std::fs::set_permissions(&c.db, std::fs::Permissions::from_mode(0o666)).unwrap();
    // Copied by another process: a child another test forks while this one holds the copy
    // open for writing would keep it open until its exec, and running the copy in that
    // moment fails with "Text file busy".
    let copied = std::process::Command::new("install")
        .args(["-m", "0755"])
        .arg(super::pmdb_binary())
        .arg(c.path(NOBODYS_PMDB))
        .status()
        .unwrap();
    assert!(copied.success(), "install could not copy pmdb: {copied}");
}

/// `pmdb --db DB ARGS…` run as the system user `nobody` (uid and gid 65534), from the copy
/// [`share_with_nobody`] made, claiming in USER and LOGNAME to be the test's own login.
pub fn as_nobody(c: &Council, args: &[&str]) -> assert_cmd::Command {
    let mut std = std::process::Command::new(c.path(NOBODYS_PMDB));
    std.arg("--db")
        .arg(&c.db)
        .args(args)
        .current_dir(c.dir.path())
        .env("PMDB_TODAY", &c.today)
        .env("USER", me())
        .env("LOGNAME", me());
    std.uid(65534).gid(65534);
    assert_cmd::Command::from_std(std)
}
