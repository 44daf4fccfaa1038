//! A dropped SSH connection must not leave the interface running: when its terminal hangs
//! up, pmdb exits with status 129 (128 + SIGHUP) instead of spinning on the shared server,
//! whether the hang-up comes with a SIGHUP or not, and whenever it lands.
//!
//! Each case runs pmdb in a session of its own on a new 80×24 pty, so it never touches the
//! terminal of whoever runs the tests, and hangs up by closing the pty's master end.

mod common;

use std::fs::File;
use std::io::Read;
use std::os::fd::AsFd;
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use nix::poll::{PollFd, PollFlags, PollTimeout, poll};
use tempfile::TempDir;

/// Whether the pty is the controlling terminal of pmdb's session.
#[derive(Clone, Copy)]
enum Session {
    /// As under sshd: closing the pty sends SIGHUP to pmdb, the session leader.
    Controlling,
    /// No controlling terminal: no SIGHUP arrives, as for a process that escaped the signal;
    /// only pmdb's own watch on the terminal can notice.
    Detached,
}

/// The text at the end of the first frame (the footer's last key), so seeing it means the
/// whole frame has been drawn.
const LAST_TEXT_OF_A_FRAME: &str = "quit";
/// What crossterm writes to switch to the alternate screen, just before the first frame.
const ALTERNATE_SCREEN: &str = "\x1b[?1049h";
/// How long pmdb may take to start (a debug build, on a busy machine).
const START: Duration = Duration::from_secs(30);

/// Held while a pty's descriptors are not yet close-on-exec: a child spawned by another test
/// in that moment would inherit the master, and the terminal would never go away.
static SPAWNING: Mutex<()> = Mutex::new(());

/// pmdb running on the demo council, its terminal the slave end of a pty whose master
/// end (close-on-exec, so only this process holds it) is returned.
fn start(session: Session) -> (TempDir, Child, File) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    let today = "2026-11-24".parse().unwrap();
    pmdb::demo::build_demo(&db, &common::me(), today, 1).unwrap();

    let size = nix::pty::Winsize {
        ws_row: 24,
        ws_col: 80,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    let guard = SPAWNING.lock().unwrap_or_else(|e| e.into_inner());
    let pty = nix::pty::openpty(Some(&size), None).unwrap();
    for fd in [pty.master.as_fd(), pty.slave.as_fd()] {
        use nix::fcntl::{F_SETFD, FdFlag, fcntl};
        fcntl(fd, F_SETFD(FdFlag::FD_CLOEXEC)).unwrap();
    }
    let slave = || Stdio::from(pty.slave.try_clone().unwrap());
    let mut cmd = Command::new(common::pmdb_binary());
    cmd.arg("--db")
        .arg(&db)
        .env("PMDB_TODAY", "2026-11-24")
        .env("TERM", "xterm")
        .stdin(slave())
        .stdout(slave())
        .stderr(slave());
    // SAFETY: setsid(2) and ioctl(2) are async-signal-safe; nothing here allocates.
    unsafe {
        cmd.pre_exec(move || {
            nix::unistd::setsid()?;
            if let Session::Controlling = session {
                // Standard input is the pty's slave end by now.
                if nix::libc::ioctl(0, nix::libc::TIOCSCTTY, 0) == -1 {
                    return Err(std::io::Error::last_os_error());
                }
            }
            Ok(())
        });
    }
    let child = cmd.spawn().unwrap();
    drop(guard);
    drop(pty.slave);
    (dir, child, File::from(pty.master))
}

/// Reads what pmdb writes to its terminal until the text, with escape sequences removed
/// (or, when `raw`, as written), contains `wanted`. Panics after [`START`].
fn read_until(master: &mut File, child: &mut Child, wanted: &str, raw: bool) {
    let started = Instant::now();
    let mut seen = Vec::new();
    let mut buf = [0u8; 65536];
    loop {
        let text = if raw {
            String::from_utf8_lossy(&seen).into_owned()
        } else {
            without_escapes(&seen)
        };
        if text.contains(wanted) {
            return;
        }
        if let Some(status) = child.try_wait().unwrap() {
            panic!("pmdb ended ({status:?}) before writing {wanted:?}; it wrote:\n{text}");
        }
        assert!(
            started.elapsed() < START,
            "pmdb wrote no {wanted:?} in {START:?}; it wrote:\n{text}"
        );
        let mut fds = [PollFd::new(master.as_fd(), PollFlags::POLLIN)];
        if poll(&mut fds, PollTimeout::from(100u16)).unwrap_or(0) > 0 {
            match master.read(&mut buf) {
                Ok(n) => seen.extend_from_slice(&buf[..n]),
                Err(e) => panic!("reading the pty: {e}"),
            }
        }
    }
}

/// Terminal output as the characters it shows: CSI sequences (ESC [ … final byte) and
/// other two-byte escapes removed.
fn without_escapes(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\x1b' {
            out.push(c);
        } else if chars.next() == Some('[') {
            for c in chars.by_ref() {
                if ('\x40'..='\x7e').contains(&c) {
                    break;
                }
            }
        }
    }
    out
}

/// How pmdb ended after its terminal hung up; panics if it is still running 10 s later.
fn ending(mut child: Child) -> ExitStatus {
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status;
        }
        if started.elapsed() > Duration::from_secs(10) {
            child.kill().unwrap();
            panic!("pmdb kept running 10 s after its terminal hung up");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Asserts pmdb exited with 129, naming the signal if it died of one (SIGABRT was the
/// old failure: a panic inside the panic hook while restoring a dead terminal).
fn assert_hung_up(status: ExitStatus) {
    assert_eq!(
        status.code(),
        Some(129),
        "pmdb should exit with 129 after a hang-up; it ended with {status:?} (signal {:?})",
        status.signal()
    );
}

/// Starts pmdb, waits until it has drawn its first frame, then hangs up.
fn hang_up_after_the_first_frame(session: Session) -> ExitStatus {
    let (_dir, mut child, mut master) = start(session);
    read_until(&mut master, &mut child, LAST_TEXT_OF_A_FRAME, false);
    assert!(
        child.try_wait().unwrap().is_none(),
        "the interface should be running while its terminal is there"
    );
    drop(master);
    ending(child)
}

#[test]
fn the_interface_exits_when_its_terminal_hangs_up() {
    assert_hung_up(hang_up_after_the_first_frame(Session::Controlling));
}

#[test]
fn the_interface_exits_when_its_terminal_hangs_up_without_a_sighup() {
    assert_hung_up(hang_up_after_the_first_frame(Session::Detached));
}

#[test]
fn a_hang_up_while_the_screen_is_being_set_up_still_exits_129() {
    // The moment the alternate screen is on, before the first frame: restoring the
    // terminal used to write to the dead standard error, panic inside the panic hook
    // and abort.
    let (_dir, mut child, mut master) = start(Session::Controlling);
    read_until(&mut master, &mut child, ALTERNATE_SCREEN, true);
    drop(master);
    assert_hung_up(ending(child));
}

#[test]
fn a_hang_up_before_pmdb_has_started_still_exits_129() {
    // Detached, so no SIGHUP can end it before its handler is installed: pmdb finds its
    // terminal already dead at start-up.
    let (_dir, child, master) = start(Session::Detached);
    drop(master);
    assert_hung_up(ending(child));
}

/// The state letter of a process in /proc/PID/stat ('T' when stopped).
fn state(pid: u32) -> char {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
    stat.rsplit_once(") ").unwrap().1.chars().next().unwrap()
}

/// Waits up to 10 s for the process's state to be (or not be) stopped.
fn until_stopped(pid: u32, stopped: bool) {
    let started = Instant::now();
    while (state(pid) == 'T') != stopped {
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "pmdb {} stopped after 10 s (state {})",
            if stopped { "was not" } else { "was still" },
            state(pid)
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn a_terminal_stop_with_no_save_open_stops_the_interface_and_it_carries_on_when_continued() {
    use nix::sys::signal::{Signal, kill};
    let (_dir, mut child, mut master) = start(Session::Detached);
    read_until(&mut master, &mut child, LAST_TEXT_OF_A_FRAME, false);
    let pid = nix::unistd::Pid::from_raw(child.id() as i32);
    // pmdb catches SIGTSTP to wait for any save; with none open it stops at once,
    // leaving the alternate screen first.
    kill(pid, Signal::SIGTSTP).unwrap();
    until_stopped(child.id(), true);
    kill(pid, Signal::SIGCONT).unwrap();
    until_stopped(child.id(), false);
    // Continued, it takes the screen again and draws.
    read_until(&mut master, &mut child, LAST_TEXT_OF_A_FRAME, false);
    assert!(child.try_wait().unwrap().is_none());
    let _ = child.kill();
    let _ = child.wait();
}
