//! The terminal under the interface: setting it up, putting it back without a word when it
//! has gone away, and noticing that it has (sshd closed the connection).
//!
//! ratatui's own `init`/`restore` report a failed restore with `eprintln!`, which panics
//! when standard error is the terminal that hung up; inside the panic hook that second
//! panic aborts the process. Everything here ignores write errors instead.

use std::io::{self, IsTerminal, stdout};
use std::os::fd::{AsFd, OwnedFd};
use std::sync::Arc;

use crossterm::cursor::Show;
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::DefaultTerminal;
use ratatui::prelude::CrosstermBackend;

/// The exit status after a hang-up: 128 + SIGHUP, as if the hang-up had been signalled.
pub const HUNG_UP: i32 = 129;

/// The terminal the interface reads keys from, chosen once at start-up as crossterm chooses
/// it: standard input when that is a terminal, else `/dev/tty`. Choosing later could find a
/// different terminal, or none, and take that for a hang-up.
#[derive(Clone)]
pub struct KeySource(Option<Arc<OwnedFd>>);

impl KeySource {
    /// The terminal keys come from; with none to watch, one that never hangs up.
    pub fn open() -> KeySource {
        let stdin = io::stdin();
        // A terminal that has hung up already is no longer "a terminal" to isatty(3), but
        // it answers EIO where anything else answers ENOTTY.
        let dead_terminal = matches!(
            nix::sys::termios::tcgetattr(stdin.as_fd()),
            Err(nix::errno::Errno::EIO)
        );
        let fd = if stdin.is_terminal() || dead_terminal {
            stdin.as_fd().try_clone_to_owned().ok()
        } else {
            std::fs::File::open("/dev/tty").ok().map(OwnedFd::from)
        };
        KeySource(fd.map(Arc::new))
    }

    /// Whether the terminal has hung up: poll(2) says so without reading a byte, so it
    /// cannot race with typing.
    pub fn hung_up(&self) -> bool {
        use nix::poll::{PollFd, PollFlags, PollTimeout, poll};
        let Some(fd) = &self.0 else {
            return false;
        };
        let mut fds = [PollFd::new(fd.as_fd(), PollFlags::POLLIN)];
        poll(&mut fds, PollTimeout::ZERO).is_ok()
            && fds[0].revents().is_some_and(|r| {
                r.intersects(PollFlags::POLLHUP | PollFlags::POLLERR | PollFlags::POLLNVAL)
            })
    }

    /// Ends the process with [`HUNG_UP`] if the terminal has gone: there is nothing left
    /// to restore or to tell, and standard error is gone with it.
    pub fn exit_if_hung_up(&self) {
        if self.hung_up() {
            std::process::exit(HUNG_UP);
        }
    }
}

/// Raw mode, the alternate screen, and a panic hook that puts the terminal back first.
pub fn init(keys: KeySource) -> io::Result<DefaultTerminal> {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        // A panic on a dead terminal (a failed print) is the hang-up, not a bug to report.
        keys.exit_if_hung_up();
        restore();
        previous(info);
    }));
    enable_raw_mode()?;
    execute!(stdout(), EnterAlternateScreen)?;
    ratatui::Terminal::new(CrosstermBackend::new(stdout()))
}

/// Raw mode and the alternate screen again, after a terminal stop.
pub fn resume() -> io::Result<()> {
    enable_raw_mode()?;
    execute!(stdout(), EnterAlternateScreen)
}

/// Raw mode off, the cursor shown and the main screen back, each tried even when another
/// fails; failures are ignored, since the terminal they would be reported on is the one
/// that failed.
pub fn restore() {
    let _ = disable_raw_mode();
    let _ = execute!(stdout(), LeaveAlternateScreen, Show);
}

/// [`restore`], done with `terminal`. Its `Drop` would show the cursor again and report a
/// failure with `eprintln!` (a panic on a dead terminal), so it is forgotten instead (the
/// process is about to end): the cursor is shown here.
pub fn close(terminal: DefaultTerminal) {
    std::mem::forget(terminal);
    restore();
}
