//! A dropped SSH connection must not leave the interface running: when its terminal hangs
//! up without a SIGHUP reaching it, pmdb exits instead of spinning on the shared server.

use std::os::unix::process::CommandExt;

use nix::poll::{PollFd, PollFlags, PollTimeout, poll};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

#[test]
fn the_interface_exits_when_its_terminal_hangs_up() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    let today = "2026-11-24".parse().unwrap();
    pmdb::demo::build_demo(&db, "root", today, 1).unwrap();

    let pty = nix::pty::openpty(None, None).unwrap();
    // openpty's descriptors are inherited by default: the child must not hold the master,
    // or the terminal never goes away.
    {
        use nix::fcntl::{F_SETFD, FdFlag, fcntl};
        use std::os::fd::AsRawFd;
        fcntl(pty.master.as_raw_fd(), F_SETFD(FdFlag::FD_CLOEXEC)).unwrap();
    }
    let slave = || Stdio::from(pty.slave.try_clone().unwrap());
    // A new session: the terminal is not the child's controlling one, so closing it sends
    // no SIGHUP, as when sshd's end disappears under a process that escaped the signal.
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("pmdb"))
        .arg("--db")
        .arg(&db)
        .env("PMDB_TODAY", "2026-11-24")
        .env("TERM", "xterm")
        .stdin(slave())
        .stdout(slave())
        .stderr(slave())
        .process_group(0)
        .spawn()
        .unwrap();
    // Let it draw (reading the master so it never blocks on a full terminal buffer).
    let mut master = std::fs::File::from(pty.master);
    let reader = std::thread::spawn(move || {
        let mut buf = [0u8; 65536];
        let started = Instant::now();
        while started.elapsed() < Duration::from_millis(1500) {
            use std::os::fd::AsFd;
            let mut fds = [PollFd::new(master.as_fd(), PollFlags::POLLIN)];
            if poll(&mut fds, PollTimeout::from(100u16)).unwrap_or(0) > 0
                && std::io::Read::read(&mut master, &mut buf).unwrap_or(0) == 0
            {
                break;
            }
        }
        master
    });
    drop(pty.slave);
    let master = reader.join().unwrap();
    assert!(
        child.try_wait().unwrap().is_none(),
        "the interface should be running while its terminal is there"
    );
    drop(master); // the terminal goes away

    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > Duration::from_secs(10) {
            child.kill().unwrap();
            panic!("pmdb kept running 10 s after its terminal hung up");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    assert_eq!(status.code(), Some(129), "{status:?}");
}
