//! The terminal interface: `pmdb` with no arguments. `run` sets the terminal up, runs the
//! event loop and always restores the terminal: on `q`, on an error, on a panic (the hook
//! `terminal::init` installs) and on SIGTERM or SIGHUP (a flag the loop checks). When the
//! terminal has hung up there is nothing to restore, and the process exits with 129.

pub mod action;
pub mod app;
pub mod components;
pub mod data;
pub mod keymap;
pub mod messages;
pub mod popups;
mod refresh;
pub mod saving;
pub mod tabs;
mod terminal;
pub mod ui;

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use anyhow::Context as _;
use chrono::NaiveDate;
use crossterm::event::{self, Event};

pub use action::{Action, Tab};
pub use app::App;
pub use components::theme::Theme;
pub use refresh::TRIM_AFTER;
pub use ui::draw;

use crate::store::Store;

/// How often the database is checked for other people's saves: a check is `PRAGMA
/// data_version` (a few microseconds), so a tenth of a second costs nothing and keeps
/// another officer's save on screen within half a second at scale 10 and a second at 100
/// (issue 27; `benches/frames.rs` "live refresh, shown" waits as this loop does).
pub const REFRESH: Duration = Duration::from_millis(100);
/// The longest the loop waits for a key before checking the signal flag.
pub const POLL: Duration = Duration::from_millis(100);
/// While the reader works out what another has changed, the loop waits this long for a
/// key before looking for its answer: most answers take a few milliseconds.
pub const ANSWER_POLL: Duration = Duration::from_millis(10);
/// How often a save in progress is checked for its result.
const SAVE_POLL: Duration = Duration::from_millis(20);
/// How long a key that starts a save waits for it before drawing: long enough for a save
/// nobody holds up, so "waiting for the database" shows only when someone does.
const SAVE_GRACE: Duration = Duration::from_millis(60);

/// Opens the interface on the database at `path` for `login`, with `today` as the date
/// every rule uses. When the terminal hangs up the process ends with status 129 (see
/// [`terminal::HUNG_UP`]) rather than returning. `pinned`: `PMDB_TODAY` set today, so what
/// the interface records falls on that day too.
pub fn run(path: &Path, login: &str, today: NaiveDate, pinned: bool) -> anyhow::Result<()> {
    let store = Store::open_on(path, login, pinned.then_some(today))?;
    let mut app = App::new(store, today)?;
    let stop = Arc::new(AtomicBool::new(false));
    for sig in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
        signal_hook::flag::register(sig, Arc::clone(&stop))
            .context("could not install the signal handler")?;
    }
    // A terminal stop (SIGTSTP) waits until no save is open: stopped inside its
    // transaction, the interface would hold every other officer's save for as long.
    let suspend = Arc::new(AtomicBool::new(false));
    signal_hook::flag::register(signal_hook::consts::SIGTSTP, Arc::clone(&suspend))
        .context("could not install the signal handler")?;
    let keys = terminal::KeySource::open();
    let mut tty = match terminal::init(keys.clone()) {
        Ok(t) => t,
        Err(e) => {
            keys.exit_if_hung_up();
            // Raw mode may be on although the rest of the set-up failed.
            terminal::restore();
            return Err(e).context("could not set up the terminal");
        }
    };
    let done = Arc::new(AtomicBool::new(false));
    watch_for_hang_up(keys.clone(), Arc::clone(&done));
    let result = event_loop(&mut tty, &mut app, &stop, &suspend);
    done.store(true, Ordering::Relaxed);
    // A SIGHUP, or a failed draw, may be the hang-up itself.
    keys.exit_if_hung_up();
    terminal::close(tty);
    result
}

/// Ends the process once its terminal has hung up. A dropped SSH connection does not always
/// deliver SIGHUP, and crossterm then reads end-of-file forever inside its own loop, where
/// no check of ours runs: left alone the process would spin on the shared server. No
/// transaction is open while the interface waits for keys, so nothing is lost.
fn watch_for_hang_up(keys: terminal::KeySource, done: Arc<AtomicBool>) {
    std::thread::spawn(move || {
        while !done.load(Ordering::Relaxed) {
            keys.exit_if_hung_up();
            std::thread::sleep(Duration::from_millis(250));
        }
    });
}

/// Stops the process as a terminal stop would, with the terminal put back first, and
/// takes the terminal again once continued. Called only while no save is open.
fn stop_here(terminal: &mut ratatui::DefaultTerminal) -> anyhow::Result<()> {
    terminal::restore();
    nix::sys::signal::raise(nix::sys::signal::Signal::SIGSTOP)?;
    // Continued (`fg`).
    terminal::resume()?;
    // A resize to its own size clears the screen and forgets the last frame, so the next
    // draws it whole. Not `clear()`: ratatui 0.30's asks the terminal where its cursor is
    // and gives up (ending pmdb) when no answer comes within two seconds.
    let size = terminal.size()?;
    terminal.resize(ratatui::layout::Rect::new(0, 0, size.width, size.height))?;
    Ok(())
}

/// Whether a terminal stop asked for (`suspend`) may happen now, taking the request if
/// so: not while a save is open, since stopped inside its transaction the interface would
/// hold every other officer's save; it happens once the save has ended.
pub fn stop_now(app: &App, suspend: &AtomicBool) -> bool {
    app.saving.is_none() && suspend.swap(false, Ordering::Relaxed)
}

/// Whether a key is Ctrl-Z: in raw mode the terminal sends it as a key, not SIGTSTP.
fn is_terminal_stop(key: &event::KeyEvent) -> bool {
    key.code == event::KeyCode::Char('z') && key.modifiers.contains(event::KeyModifiers::CONTROL)
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    stop: &AtomicBool,
    suspend: &AtomicBool,
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
        let wait = if app.saving.is_some() {
            SAVE_POLL
        } else if app.data.refreshing() {
            ANSWER_POLL
        } else {
            POLL
        };
        if event::poll(wait)? {
            match event::read()? {
                Event::Key(key) if is_terminal_stop(&key) => suspend.store(true, Ordering::Relaxed),
                Event::Key(key) => {
                    app.handle_key(key);
                    app.poll_save(SAVE_GRACE);
                    dirty = true;
                }
                Event::Resize(..) => dirty = true,
                _ => {}
            }
        }
        dirty |= app.poll_save(Duration::ZERO);
        if stop_now(app, suspend) {
            stop_here(terminal)?;
            dirty = true;
        }
        // While a background re-read runs, look for its answer at every turn of the loop.
        if last_refresh.elapsed() >= REFRESH || app.data.refreshing() {
            last_refresh = Instant::now();
            dirty |= app.tick();
        }
    }
    Ok(())
}
