//! The terminal interface: `pmdb` with no arguments. `run` sets the terminal up, runs the
//! event loop and always restores the terminal: on `q`, on an error, on a panic (the hook
//! `ratatui::init` installs) and on SIGTERM or SIGHUP (a flag the loop checks).

pub mod action;
pub mod app;
mod chart;
pub mod data;
mod dialog;
pub mod entry;
pub mod entry_edit;
mod entry_view;
pub mod exception_form;
pub mod exceptions;
mod exceptions_view;
mod footer;
pub mod help;
pub mod keymap;
pub mod plan;
pub mod plan_tree;
mod plan_view;
mod refresh;
pub mod rollup;
mod rollup_view;
pub mod svg;
pub mod theme;
pub mod ui;
mod widgets;

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use anyhow::Context as _;
use chrono::NaiveDate;
use crossterm::event::{self, Event};

pub use action::{Action, Tab};
pub use app::App;
pub use theme::Theme;
pub use ui::draw;

use crate::store::Store;

/// How often the database is checked for other people's saves.
const REFRESH: Duration = Duration::from_millis(500);
/// The longest the loop waits for a key before checking the signal flag.
const POLL: Duration = Duration::from_millis(100);

/// Opens the interface on the database at `path` for `login`, with `today` as the date
/// every rule uses.
pub fn run(path: &Path, login: &str, today: NaiveDate) -> anyhow::Result<()> {
    let store = Store::open(path, login)?;
    let mut app = App::new(store, today)?;
    let stop = Arc::new(AtomicBool::new(false));
    for sig in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
        signal_hook::flag::register(sig, Arc::clone(&stop))
            .context("could not install the signal handler")?;
    }
    let mut terminal = match ratatui::try_init() {
        Ok(t) => t,
        Err(e) => {
            // Raw mode may be on although the rest of the set-up failed.
            ratatui::restore();
            return Err(e).context("could not set up the terminal");
        }
    };
    let done = Arc::new(AtomicBool::new(false));
    watch_for_hang_up(Arc::clone(&done));
    let result = event_loop(&mut terminal, &mut app, &stop);
    done.store(true, Ordering::Relaxed);
    ratatui::restore();
    result
}

/// Whether the terminal the interface reads keys from has hung up (sshd closed the
/// connection): poll(2) says so without reading a byte, so it cannot race with typing.
fn terminal_hung_up() -> bool {
    use nix::poll::{PollFd, PollFlags, PollTimeout, poll};
    use std::io::IsTerminal;
    use std::os::fd::{AsFd, BorrowedFd};
    let hung_up = |fd: BorrowedFd| {
        let mut fds = [PollFd::new(fd, PollFlags::POLLIN)];
        poll(&mut fds, PollTimeout::ZERO).is_ok()
            && fds[0].revents().is_some_and(|r| {
                r.intersects(PollFlags::POLLHUP | PollFlags::POLLERR | PollFlags::POLLNVAL)
            })
    };
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        return hung_up(stdin.as_fd());
    }
    // Without a terminal on stdin, crossterm reads /dev/tty.
    std::fs::File::open("/dev/tty").map_or(true, |tty| hung_up(tty.as_fd()))
}

/// Ends the process once its terminal has hung up. A dropped SSH connection does not always
/// deliver SIGHUP, and crossterm then reads end-of-file forever inside its own loop, where
/// no check of ours runs: left alone the process would spin on the shared server. No
/// transaction is open while the interface waits for keys, so nothing is lost.
fn watch_for_hang_up(done: Arc<AtomicBool>) {
    std::thread::spawn(move || {
        while !done.load(Ordering::Relaxed) {
            if terminal_hung_up() {
                std::process::exit(129); // 128 + SIGHUP, as if the hang-up had been signalled
            }
            std::thread::sleep(Duration::from_millis(250));
        }
    });
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    stop: &AtomicBool,
) -> anyhow::Result<()> {
    let mut last_refresh = Instant::now();
    let mut dirty = true;
    while !app.quit && !stop.load(Ordering::Relaxed) {
        if dirty {
            terminal.draw(|f| {
                app.page = (f.area().height as usize).saturating_sub(8).max(1);
                draw(f, app)
            })?;
            dirty = false;
        }
        if event::poll(POLL)? {
            match event::read()? {
                Event::Key(key) => {
                    app.handle_key(key);
                    dirty = true;
                }
                Event::Resize(..) => dirty = true,
                _ => {}
            }
        }
        // While a background re-read runs, look for its answer at every turn of the loop.
        if last_refresh.elapsed() >= REFRESH || app.data.refreshing() {
            last_refresh = Instant::now();
            dirty |= app.tick();
        }
    }
    Ok(())
}
