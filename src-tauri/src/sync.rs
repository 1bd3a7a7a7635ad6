//! Sync while the app runs: when to exchange with the sync folder, never how (that is the
//! core's `keel::sync::journal`).
//!
//! One thread makes every exchange, so two never overlap: at start (and after an unlock),
//! shortly after each save (`AFTER_SAVE`, so a burst of saves goes out in one change file),
//! shortly after a file appears in the sync folder (a `notify` watcher on the folder's Keel
//! part, which passes over this computer's own folder: its files are this computer's writes),
//! and every `EVERY` in case the watcher cannot see a change (a network share). The commands
//! that exchange at once (`sync_now`, attach) take the same gate. After an exchange that
//! wrote records here, the page hears `keel://synced` with their names, and redraws an open
//! page that is not being typed in (one that is merges at its next save: `save_day`'s base).

use std::path::PathBuf;
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError, Sender};
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

use notify::{EventKind, RecursiveMode, Watcher};
use tauri::{Emitter, Manager, Runtime};

use crate::error::ErrorDto;
use crate::state::AppState;

/// The event that tells the page records changed through sync; its payload is their names
/// (`day/2026-12-01`, `week/2026-W49`, `settings`, `values`).
pub const SYNCED_EVENT: &str = "keel://synced";
/// How long after a save the exchange waits (saves within it go out together).
const AFTER_SAVE: Duration = Duration::from_secs(2);
/// How long after a file appears in the folder (a sync tool writes a file, then renames it).
const AFTER_FOLDER: Duration = Duration::from_millis(500);
/// An exchange at least this often while attached, for folders a watcher cannot see into.
const EVERY: Duration = Duration::from_secs(5 * 60);

/// What makes the sync thread look.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Nudge {
    /// Something was saved: exchange shortly.
    Saved,
    /// A file appeared or changed in the sync folder.
    Folder,
    /// Attached, detached or unlocked: look again at what to watch, and exchange now.
    Now,
}

/// The sync thread's end of the app's state.
pub struct SyncWorker {
    tx: Sender<Nudge>,
    rx: Mutex<Option<Receiver<Nudge>>>,
    gate: Mutex<()>,
    last_error: Mutex<Option<ErrorDto>>,
}

impl Default for SyncWorker {
    fn default() -> Self {
        let (tx, rx) = channel();
        SyncWorker {
            tx,
            rx: Mutex::new(Some(rx)),
            gate: Mutex::new(()),
            last_error: Mutex::new(None),
        }
    }
}

impl SyncWorker {
    /// Asks the sync thread to look (nothing happens when it is not running).
    pub fn nudge(&self, nudge: Nudge) {
        let _ = self.tx.send(nudge);
    }

    /// Held by whoever exchanges, so exchanges follow each other.
    pub fn gate(&self) -> MutexGuard<'_, ()> {
        self.gate.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Why the last exchange of the sync thread failed, if it did.
    pub fn last_error(&self) -> Option<ErrorDto> {
        self.last_error
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    fn set_error(&self, error: Option<ErrorDto>) {
        *self.last_error.lock().unwrap_or_else(|p| p.into_inner()) = error;
    }
}

/// Starts the sync thread (once; a second call finds the receiver taken and does nothing).
pub fn spawn<R: Runtime>(handle: tauri::AppHandle<R>) {
    let rx = handle
        .state::<AppState>()
        .sync
        .rx
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .take();
    let Some(rx) = rx else {
        return;
    };
    std::thread::spawn(move || run(handle, rx));
}

fn run<R: Runtime>(handle: tauri::AppHandle<R>, rx: Receiver<Nudge>) {
    let state = handle.state::<AppState>();
    let mut watching: Option<(keel::sync::journal::Watch, notify::RecommendedWatcher)> = None;
    // At open: what came in while the app was closed.
    let mut due = Some(Instant::now());
    loop {
        let wait = due.map_or(EVERY, |d| d.saturating_duration_since(Instant::now()));
        match rx.recv_timeout(wait) {
            Ok(nudge) => {
                let after = match nudge {
                    Nudge::Saved => AFTER_SAVE,
                    Nudge::Folder => AFTER_FOLDER,
                    Nudge::Now => Duration::ZERO,
                };
                let at = Instant::now() + after;
                due = Some(due.map_or(at, |d| d.min(at)));
                continue;
            }
            Err(RecvTimeoutError::Disconnected) => return,
            Err(RecvTimeoutError::Timeout) => {}
        }
        if due.is_some_and(|d| d > Instant::now()) {
            continue;
        }
        let Ok(journal) = state.journal() else {
            // Locked or not open: nothing to exchange until an unlock nudges.
            watching = None;
            due = None;
            continue;
        };
        let watch = keel::sync::journal::watch(&journal).ok().flatten();
        let attached = watch.is_some();
        if watching.as_ref().map(|(w, _)| w) != watch.as_ref() {
            watching = watch.and_then(|w| watcher(&state.sync.tx, w));
        }
        due = if attached {
            exchange(&handle, &state, &journal);
            Some(Instant::now() + EVERY)
        } else {
            None
        };
    }
}

/// A watcher on the sync folder that nudges the thread for every file written or removed
/// outside this computer's own folder.
fn watcher(
    tx: &Sender<Nudge>,
    watch: keel::sync::journal::Watch,
) -> Option<(keel::sync::journal::Watch, notify::RecommendedWatcher)> {
    let tx = tx.clone();
    let own: PathBuf = watch.own.clone();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        let Ok(event) = event else {
            return;
        };
        let writes = matches!(
            event.kind,
            EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_) | EventKind::Any
        );
        if writes && event.paths.iter().any(|p| !p.starts_with(&own)) {
            let _ = tx.send(Nudge::Folder);
        }
    })
    .map_err(|e| eprintln!("keel-desktop: the sync folder cannot be watched: {e}"))
    .ok()?;
    if let Err(e) = watcher.watch(&watch.folder, RecursiveMode::Recursive) {
        eprintln!(
            "keel-desktop: the sync folder {} cannot be watched: {e}",
            watch.folder.display()
        );
        return None;
    }
    Some((watch, watcher))
}

/// One exchange, reported to the page when it wrote records here.
fn exchange<R: Runtime>(handle: &tauri::AppHandle<R>, state: &AppState, journal: &keel::Journal) {
    let now = state.clock.now();
    let _gate = state.sync.gate();
    match keel::sync::journal::exchange(journal, now.timestamp_millis().max(0) as u64, now) {
        Ok(done) => {
            state.sync.set_error(None);
            if !done.changed.is_empty() {
                let _ = handle.emit(SYNCED_EVENT, done.changed);
            }
        }
        Err(keel::KeelError::NotSyncing) => state.sync.set_error(None),
        Err(e) => {
            eprintln!("keel-desktop: the exchange with the sync folder failed: {e}");
            state.sync.set_error(Some(ErrorDto::from(e)));
        }
    }
}
