//! The app's managed state: the open journal (or why it could not be opened) and the clock.
//!
//! sled is thread-safe, so the journal is shared by reference: no mutex, no global. The clock is
//! state too, so commands take time as an input and tests can fix it.

use std::path::PathBuf;
use std::sync::Mutex;
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

/// Everything the commands share.
pub struct AppState {
    journal: Result<Journal, ErrorDto>,
    journal_dir: Option<PathBuf>,
    pub clock: Box<dyn Clock>,
    /// When the last close request was deferred to the page.
    close_requested_at: Mutex<Option<Instant>>,
}

impl AppState {
    /// Opens the journal at the resolved location; a failure is kept and reported by every
    /// command, so the window can still show it.
    pub fn open(dir: keel::Result<PathBuf>, clock: Box<dyn Clock>) -> AppState {
        let journal_dir = dir.as_ref().ok().cloned();
        let now = clock.now();
        let journal = dir
            .and_then(|d| {
                // A restore the person asked for while the journal was open happens now.
                keel::backup::apply_pending_restore(&d, now)?;
                Journal::open(&d)
            })
            .map_err(ErrorDto::from);
        AppState {
            journal,
            journal_dir,
            clock,
            close_requested_at: Mutex::new(None),
        }
    }

    /// The open journal, or the error that kept it closed.
    pub fn journal(&self) -> Result<&Journal, ErrorDto> {
        self.journal.as_ref().map_err(Clone::clone)
    }

    /// The journal's folder, when one could be resolved.
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
