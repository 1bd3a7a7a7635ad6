//! The journal on disk: sled 0.34, one tree per record kind, every write durable on return.
//!
//! Layout of a journal folder `DIR`:
//! - `DIR/store/`: the sled database (`conf`, `db`, `snap.*`).
//! - trees: `days` (day key → day record), `weeks` (week key → week record), `meta`
//!   (`schema_version`, `settings`).
//!
//! Invariants:
//! - A write method returns `Ok` only after `sled::Db::flush` *and* an fsync of the `db` file
//!   (sled's flush is `sync_file_range`, not power-safe; ENGINEERING-NOTES.md). sled's own
//!   background flusher is off, so nothing reaches disk except through that path.
//! - No record larger than `records::MAX_RECORD_BYTES` is written (sled never fsyncs blobs).
//! - Opening never writes before the schema check: a newer journal is refused untouched.
//! - A second process gets `KeelError::JournalLocked` naming the folder.

mod keys;
pub mod migrate;
mod records;

use std::fs::File;
use std::ops::{Bound, RangeBounds};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use chrono::{DateTime, FixedOffset, NaiveDate};

use crate::error::{KeelError, Result};
use crate::model::{DayEntry, DayPatch, Settings, WeekId, WeekReflection};

pub use keys::{date_from_key, day_key, week_from_key, week_key};
pub use records::MAX_RECORD_BYTES;

/// sled's page cache; its 1 GiB default is far too much for a desktop app.
const CACHE_BYTES: u64 = 64 * 1024 * 1024;
const SETTINGS_KEY: &[u8] = b"settings";

/// An open journal. Cheap to share by reference across threads: sled is thread-safe.
pub struct Journal {
    dir: PathBuf,
    db: sled::Db,
    days: sled::Tree,
    weeks: sled::Tree,
    meta: sled::Tree,
    /// A second handle on sled's `db` file, used only to fsync it.
    db_file: File,
    n_syncs: AtomicU64,
}

impl std::fmt::Debug for Journal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Journal")
            .field("dir", &self.dir)
            .finish_non_exhaustive()
    }
}

impl Journal {
    /// Opens the journal in `dir`, creating it if it does not exist.
    pub fn open(dir: &Path) -> Result<Journal> {
        let io = |action: &'static str, path: &Path| {
            let path = path.to_owned();
            move |source| KeelError::Io {
                action,
                path,
                source,
            }
        };
        std::fs::create_dir_all(dir).map_err(io("create the journal folder", dir))?;
        let store_dir = dir.join("store");
        let db = sled::Config::new()
            .path(&store_dir)
            .cache_capacity(CACHE_BYTES)
            .flush_every_ms(None)
            .open()
            .map_err(|e| map_open_error(e, dir))?;
        let db_path = store_dir.join("db");
        let db_file = File::open(&db_path).map_err(io("open", &db_path))?;
        // The folder entries of files sled just created must be durable too.
        for path in [&store_dir, dir] {
            File::open(path)
                .and_then(|f| f.sync_all())
                .map_err(io("sync the folder", path))?;
        }
        let days = db.open_tree("days")?;
        let weeks = db.open_tree("weeks")?;
        let meta = db.open_tree("meta")?;
        let journal = Journal {
            dir: dir.to_owned(),
            db,
            days,
            weeks,
            meta,
            db_file,
            n_syncs: AtomicU64::new(0),
        };
        journal.check_schema()?;
        Ok(journal)
    }

    fn check_schema(&self) -> Result<()> {
        match migrate::stored_version(&self.meta)? {
            None if self.days.is_empty() && self.weeks.is_empty() => {
                migrate::stamp(&self.meta, migrate::SCHEMA_VERSION)?;
                self.sync()
            }
            None => Err(KeelError::Corrupt {
                what: "journal".into(),
                detail: "it holds pages but no schema version".into(),
            }),
            Some(found) => {
                migrate::migrate(
                    &self.db,
                    &self.meta,
                    &self.dir,
                    found,
                    migrate::SCHEMA_VERSION,
                    migrate::MIGRATIONS,
                    || self.sync(),
                )?;
                Ok(())
            }
        }
    }

    /// The journal's folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The schema version stored in the journal.
    pub fn schema_version(&self) -> Result<u32> {
        Ok(migrate::stored_version(&self.meta)?.unwrap_or(0))
    }

    /// Makes every write so far durable: sled's flush, then an fsync of its `db` file.
    fn sync(&self) -> Result<()> {
        self.db.flush()?;
        self.db_file.sync_all().map_err(|source| KeelError::Io {
            action: "sync",
            path: self.dir.join("store").join("db"),
            source,
        })?;
        self.n_syncs.fetch_add(1, Ordering::Relaxed);
        Ok(())
    }

    /// How many durable syncs this handle has completed (for tests and benchmarks).
    pub fn n_syncs(&self) -> u64 {
        self.n_syncs.load(Ordering::Relaxed)
    }

    /// The page for `date`, if one was saved.
    pub fn day(&self, date: NaiveDate) -> Result<Option<DayEntry>> {
        self.days
            .get(day_key(date))?
            .map(|bytes| records::decode_day(&bytes))
            .transpose()
    }

    /// Applies `patch` to the page for `date` (creating it if needed) and returns the page as
    /// saved, durably. Concurrent saves of the same day are serialized by compare-and-swap, so
    /// neither loses the other's fields. On any error nothing is written.
    pub fn save_day(
        &self,
        date: NaiveDate,
        patch: &DayPatch,
        now: DateTime<FixedOffset>,
    ) -> Result<DayEntry> {
        let key = day_key(date);
        let saved = loop {
            let old_bytes = self.days.get(key)?;
            let old = match &old_bytes {
                Some(bytes) => records::decode_day(bytes)?,
                None => DayEntry::new(date, now),
            };
            let next = patch.apply_to(&old, now)?;
            let bytes = records::encode_day(&next)?;
            if self
                .days
                .compare_and_swap(key, old_bytes, Some(bytes))?
                .is_ok()
            {
                break next;
            }
        };
        self.sync()?;
        Ok(saved)
    }

    /// Stores `entry` whole, replacing any page of its date, durably.
    pub fn put_day(&self, entry: &DayEntry) -> Result<()> {
        let bytes = records::encode_day(entry)?;
        self.days.insert(day_key(entry.date), bytes)?;
        self.sync()
    }

    /// Deletes the page for `date`, durably. Returns whether there was one.
    pub fn delete_day(&self, date: NaiveDate) -> Result<bool> {
        let existed = self.days.remove(day_key(date))?.is_some();
        if existed {
            self.sync()?;
        }
        Ok(existed)
    }

    /// The pages whose dates fall in `range`, oldest first.
    pub fn days(
        &self,
        range: impl RangeBounds<NaiveDate>,
    ) -> impl DoubleEndedIterator<Item = Result<DayEntry>> + '_ {
        let map = |bound: Bound<&NaiveDate>| match bound {
            Bound::Included(d) => Bound::Included(day_key(*d)),
            Bound::Excluded(d) => Bound::Excluded(day_key(*d)),
            Bound::Unbounded => Bound::Unbounded,
        };
        let bounds = (map(range.start_bound()), map(range.end_bound()));
        self.days.range(bounds).map(|item| {
            let (_, bytes) = item?;
            records::decode_day(&bytes)
        })
    }

    /// How many pages the journal holds.
    pub fn n_days(&self) -> usize {
        self.days.len()
    }

    /// The reflection for `week`, if one was saved.
    pub fn week(&self, week: WeekId) -> Result<Option<WeekReflection>> {
        self.weeks
            .get(week_key(week))?
            .map(|bytes| records::decode_week(&bytes))
            .transpose()
    }

    /// Stores a week's reflection whole, durably.
    pub fn put_week(&self, week: &WeekReflection) -> Result<()> {
        let bytes = records::encode_week(week)?;
        self.weeks.insert(week_key(week.week), bytes)?;
        self.sync()
    }

    /// The settings, or the defaults when none were saved.
    pub fn settings(&self) -> Result<Settings> {
        match self.meta.get(SETTINGS_KEY)? {
            Some(bytes) => records::decode_settings(&bytes),
            None => Ok(Settings::default()),
        }
    }

    /// Stores the settings, durably.
    pub fn put_settings(&self, settings: &Settings) -> Result<()> {
        self.meta
            .insert(SETTINGS_KEY, records::encode_settings(settings))?;
        self.sync()
    }
}

/// Turns sled's lock failure into `JournalLocked`; every other error stays a storage error.
fn map_open_error(error: sled::Error, dir: &Path) -> KeelError {
    if let sled::Error::Io(io) = &error {
        if io.kind() == std::io::ErrorKind::WouldBlock
            || io.to_string().contains("could not acquire lock")
        {
            return KeelError::JournalLocked {
                path: dir.to_owned(),
            };
        }
    }
    match error {
        sled::Error::Corruption { .. } => KeelError::Corrupt {
            what: "journal store".into(),
            detail: error.to_string(),
        },
        other => KeelError::Storage(other),
    }
}

#[cfg(test)]
mod tests;
