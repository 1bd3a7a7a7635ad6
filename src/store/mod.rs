//! The journal on disk: sled 0.34, one tree per record kind, every write durable on return.
//!
//! Layout of a journal folder `DIR`:
//! - `DIR/store/`: the sled database (`conf`, `db`, `snap.*`), Keel's redo log (`redo.log`,
//!   see `redo`) and write mark (`keel.mark`, see `write_mark`).
//! - trees: `days` (day key → day record), `weeks` (week key → week record), `prompts`
//!   (prompt id → prompt record), `events` (event id → event record), `meta`
//!   (`schema_version`, `settings`, `values`, `prompt_library`, `event_seq`, `welcomed`,
//!   `reminders`), `sync_dirty` (record name → nothing: written here since sync looked),
//!   `sync_applied` (sync field → what sync last settled, opaque to the store).
//!
//! The shipped prompt library is merged into `prompts` at open whenever it changed (by its
//! fingerprint): new prompts are added, unedited shipped prompts take the new wording, and the
//! user's own prompts, edits and hidden marks are never overwritten.
//!
//! The rooms, one concern each (the types and constants every room shares stay here):
//! - `handle`: opening (the journal's own lock, sled's lock error, the schema check), `sync`,
//!   the reopen after a failed write, and replacing the store with a verified copy (`rewrite`);
//! - `days`, `weeks`, `settings`: reading and writing each kind of record; `cycle`: the
//!   person's values, the work cycle's events and the welcome's mark; `remind`: the reminders'
//!   ledger, the answers to the end of work, and the file for reminders while Keel is closed;
//! - `prompt_library`: the prompts tree and the shipped library's merge at open;
//!   `day_prompts`: the prompts a day shows, stored with it;
//! - `import`: how an import is written; `import_fresh`: a large import's pages written with
//!   the whole journal into a fresh store; `import_marks`: which entries were imported;
//! - `encryption`: encrypt, decrypt, change the passphrase, sealed files;
//! - `sync_marks`: what sync needs of the store (records changed here, what it last settled);
//! - `index` (the search index), `reindex` (its check and rebuild at open), `keys`, `records`,
//!   `codec`, `migrate`, `compact` (fresh copies and their swap), `write_mark`, `redo` (the
//!   redo log every write goes to, and the trees that record for it).
//!
//! Invariants:
//! - A write method returns `Ok` only after its changes are in the redo log and the log is
//!   fdatasynced (`redo`), or, for a bulk write, after a checkpoint: `sled::Db::flush` *and* an
//!   fsync of the `db` file (sled's flush is `sync_file_range`, not power-safe;
//!   ENGINEERING-NOTES.md). sled's own background flusher is off.
//! - Every change to the open store goes through `redo::Tree` (clippy.toml forbids sled's
//!   writing methods elsewhere), so the log holds every change since the last checkpoint.
//! - No record larger than `records::MAX_RECORD_BYTES` is written (sled never fsyncs blobs).
//! - Opening never writes before the schema check: a newer journal is refused untouched.
//! - A store that opens holding fewer writes than its write mark (`write_mark`) lost durable data
//!   (a cut or damaged log that sled recovers silently): it is reported as damaged, untouched.
//! - A second process gets `KeelError::JournalLocked` naming the folder.
//! - A write that failed in sled or on disk closes the sled handle; the next call reopens it
//!   (sled 0.34 refuses every write after an I/O error until it is reopened).

mod codec;
mod compact;
mod cycle;
mod day_prompts;
mod days;
mod encryption;
mod handle;
mod import;
mod import_fresh;
mod import_marks;
pub(crate) mod index;
mod keys;
pub(crate) mod migrate;
mod prompt_library;
mod records;
mod redo;
mod reindex;
mod remind;
mod settings;
pub(crate) mod sync_marks;
#[cfg(test)]
mod test_hooks;
mod weeks;
mod write_mark;

use std::fs::File;
use std::ops::{Bound, RangeBounds};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

use redo::Transactional;
use sled::transaction::{ConflictableTransactionError, TransactionError};

use chrono::{DateTime, FixedOffset, NaiveDate};

use crate::crypto::{self, KdfParams, Keys};
use crate::error::{io, KeelError, Result, StorageError};
use crate::model::{
    DayEntry, DayPatch, Prompt, PromptFields, PromptOrigin, Settings, WeekContent, WeekId,
    WeekReflection,
};
use codec::Codec;
use handle::{open_sled, transact};

pub use import::ImportBatch;
#[cfg(test)]
pub(crate) use import::IMPORT_CHUNK_DAYS;
pub use index::{Doc, DocKind, Postings};
pub use keys::{date_from_key, day_key, week_from_key, week_key};
pub use records::MAX_RECORD_BYTES;

/// sled's page cache; its 1 GiB default is far too much for a desktop app.
const CACHE_BYTES: u64 = 64 * 1024 * 1024;
const SETTINGS_KEY: &[u8] = b"settings";
const VALUES_KEY: &[u8] = b"values";
// Tree names (also the associated data of sealed values).
const DAYS: &str = "days";
const WEEKS: &str = "weeks";
const PROMPTS: &str = "prompts";
const EVENTS: &str = "events";
const META: &str = "meta";
const IMPORTED: &str = codec::IMPORTED;
/// How long an open waits for a lock that may be this process's own, just released.
const LOCK_PATIENCE: Duration = Duration::from_millis(1500);
const LOCK_RETRY: Duration = Duration::from_millis(25);
const PROMPT_LIBRARY_KEY: &[u8] = b"prompt_library";
/// How often, at most, a write also renews the write mark (an open always does).
const MARK_EVERY: Duration = Duration::from_secs(60);

/// An open journal. Cheap to share by reference across threads: sled is thread-safe.
///
/// After a write fails inside sled (a full disk, an I/O error), sled refuses every later write
/// until it is reopened. The journal therefore closes its sled handle after such a failure and
/// reopens it on the next call, so a save retried once space returns succeeds without a restart.
pub struct Journal {
    dir: PathBuf,
    /// `None` only between a failed write (or a failed swap of a fresh copy) and the reopen
    /// that follows it.
    store: RwLock<Option<Arc<Store>>>,
    n_syncs: AtomicU64,
    /// Plain, or sealed under the keys the passphrase unlocked; every (re)open uses it.
    codec: RwLock<Codec>,
    /// `DIR/keel.lock`, locked for as long as the journal is open: what makes it safe to finish
    /// an interrupted swap (`compact::recover`) before sled's own lock is taken.
    _lock: File,
    /// Sync's state for this open journal, kept between exchanges so each does not read it
    /// from disk again (`sync::journal`; opaque here: the store knows nothing of sync). Safe
    /// because only the process that holds the journal's lock writes it.
    sync_cache: Mutex<Option<Box<dyn std::any::Any + Send>>>,
}

/// One open sled database and its trees.
struct Store {
    db: sled::Db,
    days: redo::Tree,
    weeks: redo::Tree,
    prompts: redo::Tree,
    meta: redo::Tree,
    /// The work cycle's events (`cycle`).
    events: redo::Tree,
    /// Ids of imported entries (`source:id` → the date they went to), so importing twice adds
    /// nothing the second time.
    imported: redo::Tree,
    /// The search index (see `index`).
    search_terms: redo::Tree,
    /// Records written here since sync last looked at them, and what sync last settled per
    /// field (`sync_marks`).
    sync_dirty: redo::Tree,
    sync_applied: redo::Tree,
    /// How many documents the open re-indexed (0 when the index was current).
    reindexed: usize,
    /// How many frames of the redo log the open applied again (0 after a clean close).
    replayed: usize,
    /// A second handle on sled's `db` file, used only to fsync it.
    db_file: File,
    /// Every change made through the trees since the last frame or checkpoint (`redo`).
    recorder: Arc<redo::Recorder>,
    /// The redo log: a write is durable once its frame is synced here.
    log: Mutex<redo::Log>,
    /// Held for the whole of each write, so that frames follow one another as sled took
    /// their changes.
    writer: Mutex<()>,
    /// Plain, or sealed under the journal's keys.
    codec: Codec,
    dir: PathBuf,
    /// The highest write count known durable (the mark never claims more).
    durable_writes: AtomicU64,
    /// What the mark file holds and when it was last written; `None` until every check at
    /// open has passed, so a store refused at open never touches the mark.
    mark: Mutex<Option<MarkState>>,
}

/// The write mark as this handle last read or wrote it.
struct MarkState {
    writes: Option<u64>,
    at: Instant,
}

impl Drop for Store {
    /// Closing makes a checkpoint when the redo log has grown large (`Store::settle`; best
    /// effort: what fails stays in the log for the next open), then renews the mark, so that
    /// what this handle wrote is covered by it.
    fn drop(&mut self) {
        // Only a store whose open passed every check (a refused one stays untouched).
        if self.mark_state().is_some() {
            let _ = self.settle();
        }
        self.renew_mark();
    }
}

impl std::fmt::Debug for Journal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Journal")
            .field("dir", &self.dir)
            .finish_non_exhaustive()
    }
}

/// How many imported records make an import worth a fresh copy of the store afterwards (when
/// their bytes are also at least a quarter of sled's log before the import); as many records
/// re-indexed at open make the rebuilt index worth one too.
const COMPACT_AFTER_IMPORT: usize = 1_000;
/// How long a fresh copy waits for calls already using the store to finish.
const COMPACT_PATIENCE: Duration = Duration::from_secs(5);

#[cfg(test)]
mod tests;
