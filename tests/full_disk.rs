//! A full disk is said for what it is, never "disk I/O error" (issue 22, point 10): a read
//! of a database on a full disk, before any `-shm` exists, says the disk is full. The disk
//! is a small tmpfs mounted in a private mount namespace of the test's own (`unshare`), so
//! nothing on the machine changes and nobody else sees it; as root directly, otherwise in
//! a user namespace.

mod common;

use std::process::Command;

use common::{Council, pmdb_binary};

/// `unshare` with a private mount namespace, as root or through a user namespace.
fn unshare() -> Command {
    let mut cmd = Command::new("unshare");
    if !nix::unistd::getuid().is_root() {
        cmd.args(["--user", "--map-root-user"]);
    }
    cmd.args(["--mount", "--propagation", "private", "sh", "-c"]);
    cmd
}

#[test]
fn a_read_on_a_full_disk_says_the_disk_is_full() {
    let probe = unshare().arg("true").status();
    if !probe.is_ok_and(|s| s.success()) {
        // Neither root nor user namespaces: no private mount can be made here.
        eprintln!("a_read_on_a_full_disk_says_the_disk_is_full: no private mount namespace here");
        return;
    }
    let c = Council::fixture();
    // Closed by its last connection, the database has no -wal or -shm beside it.
    assert!(!c.path("x.db-shm").exists());
    let full = c.path("full");
    std::fs::create_dir(&full).unwrap();
    let script = r#"set -e
mount -t tmpfs -o size=2m tmpfs "$FULL"
cp "$DB" "$FULL/x.db"
dd if=/dev/zero of="$FULL/filler" bs=4096 2>/dev/null || true
"$PMDB" --db "$FULL/x.db" list > "$OUT/out" 2> "$OUT/err" && code=0 || code=$?
echo "$code" > "$OUT/code"
"#;
    let status = unshare()
        .arg(script)
        .env("FULL", &full)
        .env("DB", &c.db)
        .env("PMDB", pmdb_binary())
        .env("OUT", c.dir.path())
        .env("PMDB_TODAY", common::FIXTURE_TODAY)
        .env_remove("PMDB_DB")
        .status()
        .unwrap();
    assert!(status.success(), "the namespace script failed");
    let err = std::fs::read_to_string(c.path("err")).unwrap();
    let code = std::fs::read_to_string(c.path("code")).unwrap();
    assert_eq!(code.trim(), "1", "{err}");
    assert!(err.contains("is full"), "{err}");
    assert!(!err.contains("disk I/O error"), "{err}");
    // The mount was the namespace's alone: here the folder is as it was, empty.
    assert_eq!(std::fs::read_dir(&full).unwrap().count(), 0);
}
