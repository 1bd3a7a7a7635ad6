//! The app's managed state: the open journal (or why it could not be opened) and the clock.
//!
//! sled is thread-safe, so the journal is shared (an `Arc`) and only the slot that holds it is
//! locked, briefly, to hand out a reference or to replace it when an encrypted journal is
//! unlocked or locked again. The clock is state too, so commands take time as an input and
//! tests can fix it.

use std::path::PathBuf;
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset, Local, NaiveDate};
use keel::Journal;

use crate::error::ErrorDto;

/// Where "now" comes from.
pub trait Clock: Send + Sync {
    fn now(&self) -> DateTime<FixedOffset>;
    fn today(&self) -> NaiveDate {
        self.now().date_naive()
    }
}

/// The system's local time.
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<FixedOffset> {
        Local::now().fixed_offset()
    }
}

/// How long after a first close request a second one closes the window without waiting for
/// the page to finish saving (the escape hatch when a save keeps failing).
pub const CLOSE_AGAIN_WINDOW: Duration = Duration::from_secs(10);

/// Where the journal stands: what every command finds when it asks for it.
enum JournalSlot {
    /// Open, shared by every command.
    Open(Arc<Journal>),
    /// Encrypted and not unlocked (at start, or locked again).
    Locked { dir: PathBuf },
    /// It could not be opened (no location, damaged, newer, held by another process): every
    /// command reports why.
    Failed(Arc<keel::KeelError>),
}

/// Everything the commands share.
pub struct AppState {
    journal: RwLock<JournalSlot>,
    /// Failed unlocks in a row and when the next attempt is allowed.
    unlock_failures: Mutex<(u32, Option<Instant>)>,
    journal_dir: Option<PathBuf>,
    pub clock: Box<dyn Clock>,
    /// When the last close request was deferred to the page.
    close_requested_at: Mutex<Option<Instant>>,
    /// The page to open first (`--open ROUTE`), handed to the page once.
    open_route: Mutex<Option<String>>,
    /// The reminders' scheduler, shared by its thread and the notifications' answers.
    pub scheduler: Mutex<keel::scheduler::Scheduler>,
    /// The sync thread's channel and gate (`crate::sync`).
    pub sync: crate::sync::SyncWorker,
}

impl AppState {
    /// Opens the journal at the resolved location; a failure is kept and reported by every
    /// command, so the window can still show it.
    pub fn open(dir: keel::Result<PathBuf>, clock: Box<dyn Clock>) -> AppState {
        let journal_dir = dir.as_ref().ok().cloned();
        let now = clock.now();
        // A restore the person asked for while the journal was open happens first.
        let journal = match dir.and_then(|d| keel::backup::open(&d, None, now)) {
            Ok(journal) => JournalSlot::Open(Arc::new(journal)),
            Err(keel::KeelError::Locked { path }) => JournalSlot::Locked { dir: path },
            Err(e) => JournalSlot::Failed(Arc::new(e)),
        };
        AppState {
            journal: RwLock::new(journal),
            unlock_failures: Mutex::new((0, None)),
            journal_dir,
            clock,
            close_requested_at: Mutex::new(None),
            open_route: Mutex::new(None),
            scheduler: Mutex::new(keel::scheduler::Scheduler::default()),
            sync: crate::sync::SyncWorker::default(),
        }
    }

    /// The open journal, or the error that keeps it closed (`locked` for an encrypted one).
    pub fn journal(&self) -> Result<Arc<Journal>, ErrorDto> {
        match &*self.journal.read().unwrap_or_else(|p| p.into_inner()) {
            JournalSlot::Open(journal) => Ok(Arc::clone(journal)),
            JournalSlot::Locked { dir } => {
                Err(keel::KeelError::Locked { path: dir.clone() }.into())
            }
            JournalSlot::Failed(e) => Err(ErrorDto::from(&**e)),
        }
    }

    /// Opens the encrypted journal with `passphrase` (after a restore asked for while it was
    /// locked). Wrong passphrases in a row make the next attempt wait: 1 s, 2 s, 4 s, … up to
    /// 30 s, so guessing at the window is slow; the files are never touched by a wrong one.
    pub fn unlock(&self, passphrase: &str) -> Result<(), ErrorDto> {
        let dir = self
            .journal_dir
            .clone()
            .ok_or_else(|| ErrorDto::from(keel::KeelError::NoJournalLocation))?;
        if self.journal().is_ok() {
            return Ok(());
        }
        let now = Instant::now();
        {
            let failures = self
                .unlock_failures
                .lock()
                .unwrap_or_else(|p| p.into_inner());
            if let Some(at) = failures.1.filter(|at| *at > now) {
                let wait_secs = (at - now).as_secs() + 1;
                return Err(keel::KeelError::TooManyAttempts { wait_secs }.into());
            }
        }
        let opened = keel::backup::open(&dir, Some(passphrase), self.clock.now());
        let mut failures = self
            .unlock_failures
            .lock()
            .unwrap_or_else(|p| p.into_inner());
        match opened {
            Ok(journal) => {
                *failures = (0, None);
                *self.journal.write().unwrap_or_else(|p| p.into_inner()) =
                    JournalSlot::Open(Arc::new(journal));
                Ok(())
            }
            Err(e) => {
                if matches!(e, keel::KeelError::WrongPassphrase) {
                    let n = failures.0.saturating_add(1);
                    let wait = Duration::from_secs((1u64 << (n - 1).min(5)).min(30));
                    *failures = (n, Some(Instant::now() + wait));
                }
                Err(e.into())
            }
        }
    }

    /// Closes an encrypted journal: every command answers `locked` until it is unlocked again.
    /// A plain journal stays open (there is nothing to lock it with).
    pub fn lock(&self) -> bool {
        let mut slot = self.journal.write().unwrap_or_else(|p| p.into_inner());
        let JournalSlot::Open(journal) = &*slot else {
            return false;
        };
        if !journal.is_encrypted() {
            return false;
        }
        journal.checkpoint();
        *slot = JournalSlot::Locked {
            dir: journal.dir().to_owned(),
        };
        true
    }

    /// The journal's folder, when one could be resolved.
    /// Sets the page to open first (already checked).
    pub fn set_open_route(&self, route: Option<String>) {
        *self.open_route.lock().unwrap_or_else(|p| p.into_inner()) = route;
    }

    /// The page to open first, once.
    pub fn take_open_route(&self) -> Option<String> {
        self.open_route
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .take()
    }

    pub fn journal_dir(&self) -> Option<&PathBuf> {
        self.journal_dir.as_ref()
    }

    /// Records a close request; true when the window should close now (a second request soon
    /// after a first), false when the page should be asked to save first.
    pub fn close_now(&self, now: Instant) -> bool {
        // A poisoned lock only means another thread panicked while holding a timestamp.
        let mut last = self
            .close_requested_at
            .lock()
            .unwrap_or_else(|p| p.into_inner());
        let again = last.is_some_and(|t| now.duration_since(t) < CLOSE_AGAIN_WINDOW);
        *last = Some(now);
        again
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_close_soon_after_the_first_closes() {
        let state = AppState::open(
            Err(keel::KeelError::NoJournalLocation),
            Box::new(SystemClock),
        );
        let t0 = Instant::now();
        assert!(!state.close_now(t0));
        assert!(state.close_now(t0 + Duration::from_secs(3)));
        assert!(!state.close_now(t0 + Duration::from_secs(30)));
        assert_eq!(state.journal().unwrap_err().kind, "no_journal_location");
    }
}
