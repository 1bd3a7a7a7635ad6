//! The journal on disk: sled 0.34, one tree per record kind, every write durable on return.
//!
//! Layout of a journal folder `DIR`:
//! - `DIR/store/`: the sled database (`conf`, `db`, `snap.*`) and Keel's write mark
//!   (`keel.mark`, see `mark`).
//! - trees: `days` (day key → day record), `weeks` (week key → week record), `prompts`
//!   (prompt id → prompt record), `meta` (`schema_version`, `settings`, `prompt_library`).
//!
//! The shipped prompt library is merged into `prompts` at open whenever it changed (by its
//! fingerprint): new prompts are added, unedited shipped prompts take the new wording, and the
//! user's own prompts, edits and hidden marks are never overwritten.
//!
//! Invariants:
//! - A write method returns `Ok` only after `sled::Db::flush` *and* an fsync of the `db` file
//!   (sled's flush is `sync_file_range`, not power-safe; ENGINEERING-NOTES.md). sled's own
//!   background flusher is off, so nothing reaches disk except through that path.
//! - No record larger than `records::MAX_RECORD_BYTES` is written (sled never fsyncs blobs).
//! - Opening never writes before the schema check: a newer journal is refused untouched.
//! - A store that opens holding fewer writes than its write mark (`mark`) lost durable data
//!   (a cut or damaged log that sled recovers silently): it is reported as damaged, untouched.
//! - A second process gets `KeelError::JournalLocked` naming the folder.
//! - A write that failed in sled or on disk closes the sled handle; the next call reopens it
//!   (sled 0.34 refuses every write after an I/O error until it is reopened).

mod codec;
mod compact;
mod day_prompts;
pub(crate) mod index;
mod keys;
mod mark;
mod marks;
pub(crate) mod migrate;
mod records;

use std::fs::File;
use std::ops::{Bound, RangeBounds};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

use sled::transaction::{ConflictableTransactionError, TransactionError};
use sled::Transactional;

use chrono::{DateTime, FixedOffset, NaiveDate};

use crate::crypto::{self, KdfParams, Keys};
use crate::error::{io, KeelError, Result, StorageError};
use crate::model::{
    DayEntry, DayPatch, Prompt, PromptFields, PromptOrigin, Settings, WeekContent, WeekId,
    WeekReflection,
};
use codec::Codec;

pub use index::{Doc, DocKind};
pub use keys::{date_from_key, day_key, week_from_key, week_key};
pub use records::MAX_RECORD_BYTES;

/// sled's page cache; its 1 GiB default is far too much for a desktop app.
const CACHE_BYTES: u64 = 64 * 1024 * 1024;
const SETTINGS_KEY: &[u8] = b"settings";
// Tree names (also the associated data of sealed values).
const DAYS: &str = "days";
const WEEKS: &str = "weeks";
const PROMPTS: &str = "prompts";
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
}

/// One open sled database and its trees.
struct Store {
    db: sled::Db,
    days: sled::Tree,
    weeks: sled::Tree,
    prompts: sled::Tree,
    meta: sled::Tree,
    /// Ids of imported entries (`source:id` → the date they went to), so importing twice adds
    /// nothing the second time.
    imported: sled::Tree,
    /// The search index (see `index`).
    search_terms: sled::Tree,
    /// How many documents the open re-indexed (0 when the index was current).
    reindexed: usize,
    /// A second handle on sled's `db` file, used only to fsync it.
    db_file: File,
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
    /// Closing renews the mark, so that what this handle wrote is covered by it.
    fn drop(&mut self) {
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

impl Store {
    /// Opens the store, waiting briefly for a lock that may be this process's own: sled
    /// finishes closing a database on its own threads, so a journal closed a moment ago (or a
    /// handle closed after a failed write) can still hold the lock for some milliseconds.
    fn open_waiting(dir: &Path, codec: &Codec) -> Result<Store> {
        let mut waited = Duration::ZERO;
        loop {
            match Store::open(dir, codec.clone()) {
                Err(KeelError::JournalLocked { .. }) if waited < LOCK_PATIENCE => {
                    std::thread::sleep(LOCK_RETRY);
                    waited += LOCK_RETRY;
                }
                other => return other,
            }
        }
    }

    fn open(dir: &Path, codec: Codec) -> Result<Store> {
        std::fs::create_dir_all(dir).map_err(io("create the journal folder", dir))?;
        let store_dir = dir.join("store");
        let db = open_sled(&store_dir, dir)?;
        let db_path = store_dir.join("db");
        let db_file = File::open(&db_path).map_err(io("open", &db_path))?;
        // The folder entries of files sled just created must be durable too.
        for path in [&store_dir, dir] {
            File::open(path)
                .and_then(|f| f.sync_all())
                .map_err(io("sync the folder", path))?;
        }
        let mut store = Store {
            days: db.open_tree(DAYS)?,
            weeks: db.open_tree(WEEKS)?,
            prompts: db.open_tree(PROMPTS)?,
            meta: db.open_tree(META)?,
            imported: db.open_tree(IMPORTED)?,
            search_terms: db.open_tree(index::TREE)?,
            reindexed: 0,
            db,
            db_file,
            codec,
            dir: dir.to_owned(),
            durable_writes: AtomicU64::new(0),
            mark: Mutex::new(None),
        };
        // Before anything is written: a store that went back in time is not to be touched.
        let writes = store.writes()?;
        store.durable_writes.store(writes, Ordering::Relaxed);
        let marked = mark::read(&store_dir);
        if marked.is_some_and(|marked| marked > writes) {
            return Err(KeelError::JournalDamaged {
                path: dir.to_owned(),
            });
        }
        store.check_schema()?;
        store.merge_prompt_library()?;
        store.reindexed = store.check_index()?;
        *store.mark_state() = Some(MarkState {
            writes: marked,
            at: Instant::now(),
        });
        store.renew_mark();
        Ok(store)
    }

    /// How many `Journal::write`s the store holds.
    fn writes(&self) -> Result<u64> {
        Ok(mark::decode_count(
            self.meta.get(mark::WRITES_KEY)?.as_deref(),
        ))
    }

    fn mark_state(&self) -> std::sync::MutexGuard<'_, Option<MarkState>> {
        // A poisoned lock only means a thread panicked while renewing: the state is whole.
        self.mark.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Writes the durable write count into the mark when it holds another; best effort.
    fn renew_mark(&self) {
        if let Some(state) = self.mark_state().as_mut() {
            let writes = self.durable_writes.load(Ordering::Relaxed);
            if state.writes != Some(writes) && mark::write(&self.dir.join("store"), writes).is_ok()
            {
                *state = MarkState {
                    writes: Some(writes),
                    at: Instant::now(),
                };
            }
        }
    }

    /// Renews the mark after a durable write when the last renewal is old enough.
    fn renew_mark_if_due(&self) {
        let due = self
            .mark_state()
            .as_ref()
            .is_some_and(|state| state.at.elapsed() >= MARK_EVERY);
        if due {
            self.renew_mark();
        }
    }

    /// Rebuilds the search index when it is missing, older than this build's, or was left
    /// half-written by an interrupted import; returns how many documents it indexed.
    fn check_index(&self) -> Result<usize> {
        let current = self.meta.get(index::INDEX_VERSION_KEY)?.as_deref()
            == Some(&index::INDEX_VERSION.to_be_bytes()[..]);
        let dirty = self.meta.contains_key(index::INDEX_DIRTY_KEY)?;
        if current && !dirty {
            return Ok(0);
        }
        self.search_terms.clear()?;
        self.db.drop_tree(index::OLD_DOCS_TREE)?;
        let mut items: Vec<index::DocChange> = Vec::new();
        let mut n_records = 0;
        for item in self.days.iter() {
            let (key, bytes) = item?;
            let docs = index::day_docs(&self.open_day(&key, &bytes)?);
            items.extend(docs.into_iter().map(|(doc, new)| (doc, Vec::new(), new)));
            n_records += 1;
            if items.len() >= 30_000 {
                index::batch_add(&self.codec, &self.search_terms, &items)?;
                items.clear();
            }
        }
        for item in self.weeks.iter() {
            let (key, bytes) = item?;
            let (doc, new) = index::week_docs(&self.open_week(&key, &bytes)?);
            items.push((doc, Vec::new(), new));
            n_records += 1;
        }
        index::batch_add(&self.codec, &self.search_terms, &items)?;
        self.meta.insert(
            index::INDEX_VERSION_KEY,
            &index::INDEX_VERSION.to_be_bytes(),
        )?;
        self.meta.remove(index::INDEX_DIRTY_KEY)?;
        self.sync()?;
        Ok(n_records)
    }

    /// Merges the shipped prompt library when it differs from the one merged last.
    fn merge_prompt_library(&self) -> Result<()> {
        let fingerprint = crate::prompts::library_fingerprint().to_be_bytes();
        if self.meta.get(PROMPT_LIBRARY_KEY)?.as_deref() == Some(&fingerprint[..]) {
            return Ok(());
        }
        for shipped in crate::prompts::shipped()? {
            let next = match self.prompts.get(&shipped.id)? {
                None => shipped,
                Some(bytes) => {
                    let old = self.open_prompt(shipped.id.as_bytes(), &bytes)?;
                    if old.origin != PromptOrigin::Shipped || old.edited {
                        continue;
                    }
                    Prompt {
                        hidden: old.hidden,
                        ..shipped
                    }
                }
            };
            self.prompts
                .insert(next.id.as_bytes(), self.seal_prompt(&next)?)?;
        }
        self.meta.insert(PROMPT_LIBRARY_KEY, &fingerprint)?;
        self.sync()
    }

    fn open_day(&self, key: &[u8], stored: &[u8]) -> Result<DayEntry> {
        records::decode_day(&self.codec.open(DAYS, key, stored)?)
    }

    fn seal_day(&self, entry: &DayEntry) -> Result<Vec<u8>> {
        self.codec
            .seal(DAYS, &day_key(entry.date), &records::encode_day(entry)?)
    }

    fn open_week(&self, key: &[u8], stored: &[u8]) -> Result<WeekReflection> {
        records::decode_week(&self.codec.open(WEEKS, key, stored)?)
    }

    fn seal_week(&self, week: &WeekReflection) -> Result<Vec<u8>> {
        self.codec
            .seal(WEEKS, &week_key(week.week), &records::encode_week(week)?)
    }

    fn open_prompt(&self, key: &[u8], stored: &[u8]) -> Result<Prompt> {
        records::decode_prompt(&self.codec.open(PROMPTS, key, stored)?)
    }

    fn seal_prompt(&self, prompt: &Prompt) -> Result<Vec<u8>> {
        self.codec.seal(
            PROMPTS,
            prompt.id.as_bytes(),
            &records::encode_prompt(prompt),
        )
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
                    &self.dir,
                    found,
                    migrate::SCHEMA_VERSION,
                    migrate::MIGRATIONS,
                    &self.codec,
                    || self.sync(),
                )?;
                Ok(())
            }
        }
    }

    /// Makes every write so far durable: sled's flush, then an fsync of its `db` file.
    fn sync(&self) -> Result<()> {
        self.db.flush()?;
        self.db_file.sync_all().map_err(|source| KeelError::Io {
            action: "sync",
            path: self.dir.join("store").join("db"),
            source,
        })
    }
}

/// Opens sled's database in `path` as every store of the journal in `dir` is opened.
fn open_sled(path: &Path, dir: &Path) -> Result<sled::Db> {
    sled::Config::new()
        .path(path)
        .cache_capacity(CACHE_BYTES)
        .flush_every_ms(None)
        .open()
        .map_err(|e| map_open_error(e, dir))
}

/// Takes the journal's own lock (`DIR/keel.lock`), waiting as briefly as `Store::open_waiting`
/// for one this process may have just released.
fn lock_journal(dir: &Path) -> Result<File> {
    let new = !dir.exists();
    std::fs::create_dir_all(dir).map_err(io("create the journal folder", dir))?;
    // A folder Keel makes is the user's alone (an existing one keeps what the user chose).
    #[cfg(unix)]
    if new {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))
            .map_err(io("protect the journal folder", dir))?;
    }
    let path = dir.join("keel.lock");
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(io("open", &path))?;
    let mut waited = Duration::ZERO;
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(file),
            Err(std::fs::TryLockError::WouldBlock) if waited < LOCK_PATIENCE => {
                std::thread::sleep(LOCK_RETRY);
                waited += LOCK_RETRY;
            }
            Err(std::fs::TryLockError::WouldBlock) => {
                return Err(KeelError::JournalLocked {
                    path: dir.to_owned(),
                })
            }
            Err(std::fs::TryLockError::Error(e)) => return Err(io("lock", &path)(e)),
        }
    }
}

/// How many imported records make an import worth a fresh copy of the store afterwards (when
/// their bytes are also at least a quarter of sled's log before the import); as many records
/// re-indexed at open make the rebuilt index worth one too.
const COMPACT_AFTER_IMPORT: usize = 1_000;
/// How long a fresh copy waits for calls already using the store to finish.
const COMPACT_PATIENCE: Duration = Duration::from_secs(5);

impl Journal {
    /// Opens the journal in `dir`, creating it if it does not exist. An encrypted journal is
    /// refused with `KeelError::Locked` (see `unlock`).
    pub fn open(dir: &Path) -> Result<Journal> {
        Journal::open_with(dir, None)
    }

    /// Opens the encrypted journal in `dir` with its passphrase (a plain journal opens as with
    /// `open`). A wrong passphrase is `KeelError::WrongPassphrase`, found before sled is
    /// opened, so nothing in the folder is touched.
    pub fn unlock(dir: &Path, passphrase: &str) -> Result<Journal> {
        Journal::open_with(dir, Some(passphrase))
    }

    fn open_with(dir: &Path, passphrase: Option<&str>) -> Result<Journal> {
        let lock = lock_journal(dir).map_err(|e| explain_write_error(e, dir))?;
        compact::recover(dir).map_err(|e| explain_write_error(e, dir))?;
        let codec = match (crypto::read_envelope(&dir.join("store"))?, passphrase) {
            (None, _) => Codec::Plain,
            (Some(_), None) => {
                return Err(KeelError::Locked {
                    path: dir.to_owned(),
                })
            }
            (Some(envelope), Some(passphrase)) => {
                Codec::Sealed(Arc::new(Keys::unlock(&envelope, passphrase)?))
            }
        };
        let store = Store::open_waiting(dir, &codec).map_err(|e| explain_write_error(e, dir))?;
        let reindexed = store.reindexed;
        let journal = Journal {
            dir: dir.to_owned(),
            store: RwLock::new(Some(Arc::new(store))),
            n_syncs: AtomicU64::new(0),
            codec: RwLock::new(codec),
            _lock: lock,
        };
        if reindexed >= COMPACT_AFTER_IMPORT {
            // A rebuilt index leaves sled's log as fragmented as a large import does (and every
            // open pays for that): the same fresh copy, and as then, best effort.
            let _ = journal.compact();
        }
        Ok(journal)
    }

    /// Whether the journal is encrypted.
    pub fn is_encrypted(&self) -> bool {
        self.codec().is_sealed()
    }

    fn codec(&self) -> Codec {
        self.codec.read().unwrap_or_else(|p| p.into_inner()).clone()
    }

    /// Rewrites the store as a fresh copy holding only live data (see `compact`), verified
    /// before it replaces the old one; every call waits while it runs. On an error before the
    /// swap the journal goes on with the old store; after it, the next call finishes the swap.
    pub fn compact(&self) -> Result<()> {
        self.rewrite(None, |old, writes| {
            compact::write_ready(&self.dir, &old.db, writes, |path| {
                open_sled(path, &self.dir)
            })
        })
    }

    /// Turns encryption on: a random master key wrapped under `passphrase` (Argon2id with
    /// `KdfParams::DEFAULT`), and the whole journal written into a fresh, verified store of
    /// sealed values that replaces the plain one (whose files are then removed: sled keeps old
    /// values readable in its log, so sealing in place would leave them behind).
    pub fn encrypt(&self, passphrase: &str) -> Result<()> {
        self.encrypt_with(passphrase, KdfParams::DEFAULT)
    }

    /// `encrypt` with chosen Argon2id costs (tests use cheap ones).
    pub fn encrypt_with(&self, passphrase: &str, params: KdfParams) -> Result<()> {
        if self.is_encrypted() {
            return Err(KeelError::AlreadyEncrypted);
        }
        let (keys, envelope) = Keys::create(passphrase, params)?;
        let to = Codec::Sealed(Arc::new(keys));
        self.rewrite(Some(to.clone()), |old, writes| {
            compact::write_ready_converted(
                &self.dir,
                &old.db,
                &old.codec,
                &to,
                writes,
                Some(&envelope),
                |path| open_sled(path, &self.dir),
            )
        })
    }

    /// Turns encryption off, once `passphrase` is confirmed: the journal is written into a
    /// fresh, verified plain store that replaces the encrypted one.
    pub fn decrypt(&self, passphrase: &str) -> Result<()> {
        self.check_passphrase(passphrase)?;
        self.rewrite(Some(Codec::Plain), |old, writes| {
            compact::write_ready_converted(
                &self.dir,
                &old.db,
                &old.codec,
                &Codec::Plain,
                writes,
                None,
                |path| open_sled(path, &self.dir),
            )
        })
    }

    /// Changes the passphrase: the master key is wrapped again (nothing else is rewritten).
    pub fn change_passphrase(&self, old: &str, new: &str) -> Result<()> {
        self.change_passphrase_with(old, new, KdfParams::DEFAULT)
    }

    /// `change_passphrase` with chosen Argon2id costs.
    pub fn change_passphrase_with(&self, old: &str, new: &str, params: KdfParams) -> Result<()> {
        // No copy or swap may run meanwhile: hold the handle's slot.
        let _slot = self.store.write().unwrap_or_else(|p| p.into_inner());
        let keys = Keys::unlock(&self.envelope()?, old)?;
        crypto::write_envelope(&self.dir.join("store"), &keys.wrap(new, params)?)
    }

    /// `plain` (an export or a backup) as it should be written to a file: sealed under this
    /// journal's key, with its wrapped key beside it (`crypto::Keys::seal_file`), when the
    /// journal is encrypted; `None` when it is not.
    pub fn seal_file(&self, plain: &[u8]) -> Result<Option<Vec<u8>>> {
        let Codec::Sealed(keys) = self.codec() else {
            return Ok(None);
        };
        let envelope =
            crypto::read_envelope(&self.dir.join("store"))?.ok_or_else(|| KeelError::Corrupt {
                what: "key file".into(),
                detail: "the encrypted journal's key file is missing".into(),
            })?;
        keys.seal_file(&envelope, plain).map(Some)
    }

    /// The plain bytes of a file `seal_file` wrote for this journal.
    pub fn open_file(&self, bytes: &[u8]) -> Result<Vec<u8>> {
        match self.codec() {
            Codec::Sealed(keys) => keys.open_file(bytes),
            Codec::Plain => Ok(bytes.to_vec()),
        }
    }

    /// Whether `passphrase` opens this journal's key (`WrongPassphrase` if not).
    pub fn check_passphrase(&self, passphrase: &str) -> Result<()> {
        Keys::unlock(&self.envelope()?, passphrase).map(drop)
    }

    /// The wrapped key of this encrypted journal; `NotEncrypted` when it is not encrypted.
    fn envelope(&self) -> Result<crypto::Envelope> {
        crypto::read_envelope(&self.dir.join("store"))?.ok_or(KeelError::NotEncrypted)
    }

    /// Replaces the store with a verified copy that `copy` writes to `store.ready` (given the
    /// old store, closed to every other call, and its write count), then swaps it in and
    /// reopens it, with `codec` from then on when given.
    fn rewrite(
        &self,
        codec: Option<Codec>,
        copy: impl FnOnce(&Store, u64) -> Result<()>,
    ) -> Result<()> {
        drop(self.store()?);
        let mut slot = self.store.write().unwrap_or_else(|p| p.into_inner());
        let mut shared = match slot.take() {
            Some(store) => store,
            None => Arc::new(Store::open_waiting(&self.dir, &self.codec())?),
        };
        // Calls that took the handle before the lock finish first: nothing may be written to
        // the old store once it is being copied.
        let started = Instant::now();
        let old = loop {
            match Arc::try_unwrap(shared) {
                Ok(store) => break store,
                Err(busy) if started.elapsed() < COMPACT_PATIENCE => {
                    shared = busy;
                    std::thread::sleep(LOCK_RETRY);
                }
                Err(busy) => {
                    *slot = Some(busy);
                    return Err(KeelError::JournalBusy {
                        reason: "other work kept it open, so its store was not rewritten",
                    });
                }
            }
        };
        let copied = old.sync().and_then(|()| copy(&old, old.writes()?));
        if let Err(e) = copied {
            *slot = Some(Arc::new(old));
            return Err(e);
        }
        drop(old);
        // From here the copy is what every open finds (`compact::recover` finishes the swap).
        if let Some(codec) = codec {
            *self.codec.write().unwrap_or_else(|p| p.into_inner()) = codec;
        }
        compact::swap(&self.dir)?;
        *slot = Some(Arc::new(Store::open_waiting(&self.dir, &self.codec())?));
        Ok(())
    }

    /// The open sled handle, reopening it first if a failed write closed it.
    fn store(&self) -> Result<Arc<Store>> {
        // A poisoned lock only means a thread panicked while swapping handles; the Option
        // inside is still either a whole handle or None.
        if let Some(store) = self
            .store
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .as_ref()
        {
            return Ok(Arc::clone(store));
        }
        let mut slot = self.store.write().unwrap_or_else(|p| p.into_inner());
        if let Some(store) = slot.as_ref() {
            return Ok(Arc::clone(store));
        }
        let store = Arc::new(
            compact::recover(&self.dir)
                .and_then(|()| Store::open_waiting(&self.dir, &self.codec()))
                .map_err(|e| match e {
                    // Another thread still holds the old handle for a moment: not another process.
                    KeelError::JournalLocked { .. } => KeelError::JournalBusy {
                        reason: "it is still closing after a failed write",
                    },
                    other => explain_write_error(other, &self.dir),
                })?,
        );
        *slot = Some(Arc::clone(&store));
        Ok(store)
    }

    /// Runs a write and makes it durable; if sled or the disk failed, closes the handle so that
    /// the next call reopens it (sled refuses all writes after an I/O error until reopened).
    fn write<T>(&self, op: impl FnOnce(&Store) -> Result<T>) -> Result<T> {
        let store = self.store()?;
        let result = op(&store).and_then(|value| {
            // Counted in the same flush as the write (see `mark`).
            let count = store
                .meta
                .update_and_fetch(mark::WRITES_KEY, mark::increment)?;
            store.sync()?;
            self.n_syncs.fetch_add(1, Ordering::Relaxed);
            store
                .durable_writes
                .fetch_max(mark::decode_count(count.as_deref()), Ordering::Relaxed);
            store.renew_mark_if_due();
            Ok(value)
        });
        match result {
            Err(e @ (KeelError::Storage(_) | KeelError::Io { .. })) => {
                drop(store);
                let mut slot = self.store.write().unwrap_or_else(|p| p.into_inner());
                *slot = None;
                Err(explain_write_error(e, &self.dir))
            }
            other => other,
        }
    }

    /// Renews the write mark now (what the app does before its window closes; dropping the
    /// journal does it too).
    pub fn checkpoint(&self) {
        if let Ok(store) = self.store() {
            store.renew_mark();
        }
    }

    /// The journal's folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The schema version stored in the journal.
    pub fn schema_version(&self) -> Result<u32> {
        Ok(migrate::stored_version(&self.store()?.meta)?.unwrap_or(0))
    }

    /// How many durable syncs this handle has completed (for tests and benchmarks).
    pub fn n_syncs(&self) -> u64 {
        self.n_syncs.load(Ordering::Relaxed)
    }

    /// The page for `date`, if one was saved.
    pub fn day(&self, date: NaiveDate) -> Result<Option<DayEntry>> {
        let store = self.store()?;
        let key = day_key(date);
        store
            .days
            .get(key)?
            .map(|bytes| store.open_day(&key, &bytes))
            .transpose()
    }

    /// Applies `patch` to the page for `date` (creating it if needed) and returns the page as
    /// saved, durably, with its search index entries in the same transaction. Concurrent saves
    /// of the same day are serialized by sled's transactions, so neither loses the other's
    /// fields. On any error nothing is written.
    pub fn save_day(
        &self,
        date: NaiveDate,
        patch: &DayPatch,
        now: DateTime<FixedOffset>,
    ) -> Result<DayEntry> {
        let key = day_key(date);
        self.write(|store| {
            transact(
                (&store.days, &store.search_terms).transaction(|(days, terms)| {
                    let old = days
                        .get(key)?
                        .map(|bytes| store.open_day(&key, &bytes))
                        .transpose()
                        .map_err(ConflictableTransactionError::Abort)?;
                    let next = patch
                        .apply_to(old.as_ref().unwrap_or(&DayEntry::new(date, now)), now)
                        .map_err(ConflictableTransactionError::Abort)?;
                    let bytes = store
                        .seal_day(&next)
                        .map_err(ConflictableTransactionError::Abort)?;
                    days.insert(&key[..], bytes)?;
                    index::reindex_day(&store.codec, terms, old.as_ref(), Some(&next))?;
                    Ok(next)
                }),
            )
        })
    }

    /// Stores `entry` whole, replacing any page of its date, durably (and indexed).
    pub fn put_day(&self, entry: &DayEntry) -> Result<()> {
        let key = day_key(entry.date);
        self.write(|store| {
            let bytes = store.seal_day(entry)?;
            transact(
                (&store.days, &store.search_terms).transaction(|(days, terms)| {
                    let old = days
                        .insert(&key[..], bytes.as_slice())?
                        .map(|bytes| store.open_day(&key, &bytes))
                        .transpose()
                        .map_err(ConflictableTransactionError::Abort)?;
                    index::reindex_day(&store.codec, terms, old.as_ref(), Some(entry))?;
                    Ok(())
                }),
            )
        })
    }

    /// Deletes the page for `date` and its index entries, durably. Returns whether there was one.
    pub fn delete_day(&self, date: NaiveDate) -> Result<bool> {
        self.write(|store| {
            transact(
                (&store.days, &store.search_terms).transaction(|(days, terms)| {
                    let key = day_key(date);
                    let old = days
                        .remove(&key[..])?
                        .map(|bytes| store.open_day(&key, &bytes))
                        .transpose()
                        .map_err(ConflictableTransactionError::Abort)?;
                    index::reindex_day(&store.codec, terms, old.as_ref(), None)?;
                    Ok(old.is_some())
                }),
            )
        })
    }

    /// The pages whose dates fall in `range`, oldest first.
    pub fn days(
        &self,
        range: impl RangeBounds<NaiveDate>,
    ) -> impl DoubleEndedIterator<Item = Result<DayEntry>> {
        let map = |bound: Bound<&NaiveDate>| match bound {
            Bound::Included(d) => Bound::Included(day_key(*d)),
            Bound::Excluded(d) => Bound::Excluded(day_key(*d)),
            Bound::Unbounded => Bound::Unbounded,
        };
        let bounds = (map(range.start_bound()), map(range.end_bound()));
        let (iter, error) = match self.store() {
            Ok(store) => (Some((store.days.range(bounds), store.codec.clone())), None),
            Err(e) => (None, Some(e)),
        };
        error.map(Err).into_iter().chain(
            iter.into_iter()
                .flat_map(|(items, codec)| items.map(move |item| (item, codec.clone())))
                .map(|(item, codec)| {
                    let (key, bytes) = item?;
                    records::decode_day(&codec.open(DAYS, &key, &bytes)?)
                }),
        )
    }

    /// The check-ins of the pages whose dates fall in `range`, oldest first, without their
    /// text (the charts' fast path).
    pub fn check_ins(
        &self,
        range: impl RangeBounds<NaiveDate>,
    ) -> Result<Vec<(NaiveDate, crate::model::CheckIn)>> {
        let map = |bound: Bound<&NaiveDate>| match bound {
            Bound::Included(d) => Bound::Included(day_key(*d)),
            Bound::Excluded(d) => Bound::Excluded(day_key(*d)),
            Bound::Unbounded => Bound::Unbounded,
        };
        let bounds = (map(range.start_bound()), map(range.end_bound()));
        let store = self.store()?;
        store
            .days
            .range(bounds)
            .map(|item| {
                let (key, bytes) = item?;
                records::decode_check_in(&store.codec.open(DAYS, &key, &bytes)?)
            })
            .collect()
    }

    /// The documents whose words include `term` (already folded).
    pub fn postings(&self, term: &str) -> Result<Vec<Doc>> {
        let store = self.store()?;
        let prefix = index::term_prefix(&store.codec, term);
        let mut found = Vec::new();
        for item in store.search_terms.scan_prefix(&prefix) {
            let (key, stored) = item?;
            let list = store.codec.open(index::TREE, &key, &stored)?;
            found.extend(index::stored_docs(prefix.len(), &key, &list)?);
        }
        Ok(found)
    }

    /// Every `#tag` with the number of days that have it, most used first.
    pub fn tag_counts(&self) -> Result<Vec<(String, usize)>> {
        let mut counts: std::collections::BTreeMap<String, usize> =
            std::collections::BTreeMap::new();
        if self.is_encrypted() {
            // The index's keys hide the tags' names: count them from the pages.
            for day in self.days(..) {
                for tag in day?.tags {
                    *counts.entry(tag).or_default() += 1;
                }
            }
        } else {
            for item in self.store()?.search_terms.scan_prefix(b"#") {
                let (key, list) = item?;
                if let Some(end) = key.iter().position(|b| *b == 0) {
                    *counts
                        .entry(String::from_utf8_lossy(&key[1..end]).into_owned())
                        .or_default() += index::stored_docs(end + 1, &key, &list)?.len();
                }
            }
        }
        let mut list: Vec<(String, usize)> = counts.into_iter().collect();
        list.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        Ok(list)
    }

    /// How many pages the journal holds.
    pub fn n_days(&self) -> Result<usize> {
        Ok(self.store()?.days.len())
    }

    /// The week holding `date`, in the person's week (which may start on another day).
    pub fn week_containing(&self, date: NaiveDate) -> Result<WeekId> {
        Ok(WeekId::containing(date, self.settings()?.week_start))
    }

    /// The reflection for `week`, if one was saved.
    pub fn week(&self, week: WeekId) -> Result<Option<WeekReflection>> {
        let store = self.store()?;
        let key = week_key(week);
        store
            .weeks
            .get(key)?
            .map(|bytes| store.open_week(&key, &bytes))
            .transpose()
    }

    /// Stores a week's reflection whole, durably (and indexed).
    pub fn put_week(&self, week: &WeekReflection) -> Result<()> {
        let (doc, list) = index::week_docs(week);
        let key = week_key(week.week);
        self.write(|store| {
            let bytes = store.seal_week(week)?;
            transact(
                (&store.weeks, &store.search_terms).transaction(|(weeks, terms)| {
                    let old = weeks
                        .insert(&key[..], bytes.as_slice())?
                        .map(|bytes| store.open_week(&key, &bytes))
                        .transpose()
                        .map_err(ConflictableTransactionError::Abort)?;
                    let old_terms = old.map(|w| index::week_docs(&w).1).unwrap_or_default();
                    index::set_doc(&store.codec, terms, &doc, &old_terms, &list)?;
                    Ok(())
                }),
            )
        })
    }

    /// Saves a week's page whole (keeping when it was first written) and returns it, durably.
    pub fn save_week(
        &self,
        week: WeekId,
        content: WeekContent,
        now: DateTime<FixedOffset>,
    ) -> Result<WeekReflection> {
        let content = content.validated()?;
        let key = week_key(week);
        self.write(|store| {
            transact(
                (&store.weeks, &store.search_terms).transaction(|(weeks, terms)| {
                    let old = weeks
                        .get(key)?
                        .map(|bytes| store.open_week(&key, &bytes))
                        .transpose()
                        .map_err(ConflictableTransactionError::Abort)?;
                    let created_at = old.as_ref().map_or(now, |w| w.created_at);
                    let next = WeekReflection::new(week, content.clone(), created_at, now);
                    let bytes = store
                        .seal_week(&next)
                        .map_err(ConflictableTransactionError::Abort)?;
                    weeks.insert(&key[..], bytes)?;
                    let old_terms = old.map(|w| index::week_docs(&w).1).unwrap_or_default();
                    let (doc, list) = index::week_docs(&next);
                    index::set_doc(&store.codec, terms, &doc, &old_terms, &list)?;
                    Ok(next)
                }),
            )
        })
    }

    /// The settings, or the defaults when none were saved.
    pub fn settings(&self) -> Result<Settings> {
        let store = self.store()?;
        match store.meta.get(SETTINGS_KEY)? {
            Some(bytes) => {
                records::decode_settings(&store.codec.open(META, SETTINGS_KEY, &bytes)?)
            }
            None => Ok(Settings::default()),
        }
    }

    /// Stores the settings, durably.
    pub fn put_settings(&self, settings: &Settings) -> Result<()> {
        let bytes = records::encode_settings(&settings.clone().validated()?);
        self.write(|store| {
            store
                .meta
                .insert(SETTINGS_KEY, store.codec.seal(META, SETTINGS_KEY, &bytes)?)?;
            Ok(())
        })
    }
}

impl Journal {
    /// Every prompt: the shipped library (merged at open) and the user's own, by id.
    pub fn prompts(&self) -> Result<Vec<Prompt>> {
        let store = self.store()?;
        store
            .prompts
            .iter()
            .map(|item| {
                let (key, bytes) = item?;
                store.open_prompt(&key, &bytes)
            })
            .collect()
    }

    /// The prompt with `id`, if there is one.
    pub fn prompt(&self, id: &str) -> Result<Option<Prompt>> {
        let store = self.store()?;
        store
            .prompts
            .get(id.as_bytes())?
            .map(|bytes| store.open_prompt(id.as_bytes(), &bytes))
            .transpose()
    }

    fn existing_prompt(&self, id: &str) -> Result<Prompt> {
        self.prompt(id)?
            .ok_or_else(|| KeelError::UnknownPrompt { id: id.to_owned() })
    }

    /// Hides or shows a prompt, durably.
    pub fn set_prompt_hidden(&self, id: &str, hidden: bool) -> Result<Prompt> {
        let prompt = Prompt {
            hidden,
            ..self.existing_prompt(id)?
        };
        self.write(|store| {
            store
                .prompts
                .insert(prompt.id.as_bytes(), store.seal_prompt(&prompt)?)?;
            Ok(prompt)
        })
    }

    /// Adds a prompt of the user's own, durably; its id is `u-` and a number never reused.
    pub fn add_prompt(&self, fields: PromptFields) -> Result<Prompt> {
        let fields = fields.validated()?;
        self.write(|store| {
            let prompt = Prompt {
                id: format!("u-{}", store.db.generate_id()?),
                side: fields.side,
                cadence: fields.cadence,
                theme: fields.theme,
                text: fields.text,
                origin: PromptOrigin::User,
                edited: false,
                hidden: false,
            };
            store
                .prompts
                .insert(prompt.id.as_bytes(), store.seal_prompt(&prompt)?)?;
            Ok(prompt)
        })
    }

    /// Changes a prompt's fields, durably. A shipped prompt is marked edited, so later library
    /// upgrades leave it as the user wrote it.
    pub fn edit_prompt(&self, id: &str, fields: PromptFields) -> Result<Prompt> {
        let fields = fields.validated()?;
        let old = self.existing_prompt(id)?;
        let prompt = Prompt {
            side: fields.side,
            cadence: fields.cadence,
            theme: fields.theme,
            text: fields.text,
            edited: old.origin == PromptOrigin::Shipped,
            ..old
        };
        self.write(|store| {
            store
                .prompts
                .insert(prompt.id.as_bytes(), store.seal_prompt(&prompt)?)?;
            Ok(prompt)
        })
    }

    /// Deletes one of the user's own prompts, durably. Shipped prompts can be hidden, not
    /// deleted (a later upgrade would bring them back).
    pub fn delete_prompt(&self, id: &str) -> Result<()> {
        let old = self.existing_prompt(id)?;
        if old.origin == PromptOrigin::Shipped {
            return Err(KeelError::InvalidPrompt {
                reason: "prompts that come with Keel can be hidden but not deleted".into(),
            });
        }
        self.write(|store| {
            store.prompts.remove(id.as_bytes())?;
            Ok(())
        })
    }
}

/// Everything one import writes, applied in one transaction and one sync: all or nothing.
#[derive(Debug, Default, Clone)]
pub struct ImportBatch {
    /// Pages to store whole (new pages, or existing pages with the imported text appended).
    pub days: Vec<DayEntry>,
    pub weeks: Vec<WeekReflection>,
    /// Prompt records to store whole (the user's own, and shipped ones they edited or hid).
    pub prompts: Vec<Prompt>,
    pub settings: Option<Settings>,
    /// `source:id` marks of the entries imported, with the date each went to.
    pub marks: Vec<(String, NaiveDate)>,
}

impl Journal {
    /// Whether an entry with this `source:id` mark was imported before.
    pub fn was_imported(&self, mark: &str) -> Result<bool> {
        let store = self.store()?;
        let key = marks::bucket_key(&store.codec, mark);
        match store.imported.get(&key)? {
            Some(stored) => marks::holds(&store.codec, &key, &stored, mark),
            None => Ok(false),
        }
    }

    /// Every week's reflection, oldest first.
    pub fn weeks(&self) -> Result<Vec<WeekReflection>> {
        let store = self.store()?;
        store
            .weeks
            .iter()
            .map(|item| {
                let (key, bytes) = item?;
                store.open_week(&key, &bytes)
            })
            .collect()
    }

    /// Applies an import atomically (every record is encoded, and so checked, before anything is
    /// written), durably.
    pub fn apply_import(&self, batch: &ImportBatch) -> Result<()> {
        let days: Vec<([u8; 4], Vec<u8>)> = batch
            .days
            .iter()
            .map(|d| Ok((day_key(d.date), records::encode_day(d)?)))
            .collect::<Result<_>>()?;
        let weeks: Vec<([u8; 5], Vec<u8>)> = batch
            .weeks
            .iter()
            .map(|w| Ok((week_key(w.week), records::encode_week(w)?)))
            .collect::<Result<_>>()?;
        let prompts: Vec<(String, Vec<u8>)> = batch
            .prompts
            .iter()
            .map(|p| (p.id.clone(), records::encode_prompt(p)))
            .collect();
        let settings = batch
            .settings
            .as_ref()
            .map(|s| Ok::<_, KeelError>(records::encode_settings(&s.clone().validated()?)))
            .transpose()?;
        // The size of sled's log before the import (counting the journal's pages would read
        // them all).
        let log_before =
            std::fs::metadata(self.dir.join("store").join("db")).map_or(0, |m| m.len());
        self.write(|store| {
            let codec = &store.codec;
            let days: Vec<([u8; 4], Vec<u8>)> = days
                .iter()
                .map(|(k, v)| Ok((*k, codec.seal(DAYS, k, v)?)))
                .collect::<Result<_>>()?;
            let weeks: Vec<([u8; 5], Vec<u8>)> = weeks
                .iter()
                .map(|(k, v)| Ok((*k, codec.seal(WEEKS, k, v)?)))
                .collect::<Result<_>>()?;
            let settings = settings
                .as_ref()
                .map(|bytes| codec.seal(META, SETTINGS_KEY, bytes))
                .transpose()?;
            // The records each import replaces (key, stored value), for their old index terms.
            type Replaced = Vec<(Vec<u8>, sled::IVec)>;
            let replaced: Mutex<(Replaced, Replaced)> = Mutex::default();
            let mut prompt_batch = sled::Batch::default();
            for (k, v) in &prompts {
                prompt_batch.insert(k.as_bytes(), codec.seal(PROMPTS, k.as_bytes(), v)?);
            }
            let mark_buckets = marks::group(
                codec,
                batch.marks.iter().map(|(m, d)| (m.as_str(), day_key(*d))),
            );
            transact(
                (
                    &store.days,
                    &store.weeks,
                    &store.prompts,
                    &store.meta,
                    &store.imported,
                )
                    .transaction(|(d, w, p, m, i)| {
                        let mut replaced = replaced.lock().unwrap_or_else(|p| p.into_inner());
                        // A transaction may run again after a conflict: start afresh each time.
                        *replaced = Default::default();
                        for (k, v) in &days {
                            if let Some(old) = d.insert(&k[..], v.as_slice())? {
                                replaced.0.push((k.to_vec(), old));
                            }
                        }
                        for (k, v) in &weeks {
                            if let Some(old) = w.insert(&k[..], v.as_slice())? {
                                replaced.1.push((k.to_vec(), old));
                            }
                        }
                        p.apply_batch(&prompt_batch)?;
                        if let Some(bytes) = &settings {
                            m.insert(SETTINGS_KEY, bytes.as_slice())?;
                        }
                        for (key, new_marks) in &mark_buckets {
                            let mut bucket = match i.get(key)? {
                                Some(stored) => marks::open_bucket(codec, key, &stored)
                                    .map_err(ConflictableTransactionError::Abort)?,
                                None => marks::Bucket::new(),
                            };
                            for (mark, day) in new_marks {
                                bucket.insert((*mark).to_owned(), *day);
                            }
                            let sealed = marks::seal_bucket(codec, key, &bucket)
                                .map_err(ConflictableTransactionError::Abort)?;
                            i.insert(key.as_slice(), sealed)?;
                        }
                        // The index follows in batches; until it is done, a crash leaves it marked
                        // dirty and the next open rebuilds it.
                        m.insert(index::INDEX_DIRTY_KEY, &[1u8][..])?;
                        Ok(())
                    }),
            )?;
            let (old_days, old_weeks) = replaced.into_inner().unwrap_or_else(|p| p.into_inner());
            let mut old_terms: std::collections::HashMap<Vec<u8>, Vec<String>> = Default::default();
            for (key, bytes) in &old_days {
                old_terms.extend(index::day_docs(&store.open_day(key, bytes)?));
            }
            for (key, bytes) in &old_weeks {
                old_terms.extend([index::week_docs(&store.open_week(key, bytes)?)]);
            }
            let mut items: Vec<index::DocChange> = Vec::new();
            let docs = batch.days.iter().flat_map(index::day_docs);
            for (doc, new) in docs.chain(batch.weeks.iter().map(index::week_docs)) {
                let old = old_terms.remove(&doc).unwrap_or_default();
                items.push((doc, old, new));
            }
            for chunk in items.chunks(30_000) {
                index::batch_add(codec, &store.search_terms, chunk)?;
            }
            store.meta.remove(index::INDEX_DIRTY_KEY)?;
            Ok(())
        })?;
        let records = batch.days.len() + batch.weeks.len();
        let bytes: usize = days.iter().map(|(_, v)| v.len()).sum::<usize>()
            + weeks.iter().map(|(_, v)| v.len()).sum::<usize>();
        if records >= COMPACT_AFTER_IMPORT && bytes as u64 * 4 >= log_before {
            // Best effort: the import is durable already, and a copy that fails leaves the
            // journal as it was (or finishes its swap at the next call).
            let _ = self.compact();
        }
        Ok(())
    }
}

#[cfg(test)]
impl Journal {
    /// Writes a prompt record as given (tests of the library merge).
    pub(crate) fn put_prompt_for_test(&self, prompt: &Prompt) {
        let store = self.store().unwrap();
        store
            .prompts
            .insert(prompt.id.as_bytes(), store.seal_prompt(prompt).unwrap())
            .unwrap();
        store.sync().unwrap();
    }

    /// Empties the search index and leaves what an index of version 3 left beside it, as a
    /// journal from an older build (or an import that stopped half-way) would.
    pub(crate) fn wreck_index_for_test(&self) {
        let store = self.store().unwrap();
        store.search_terms.clear().unwrap();
        let old_docs = store.db.open_tree(index::OLD_DOCS_TREE).unwrap();
        old_docs
            .insert(b"r\x00\x00\x00\x01", &b"forecast"[..])
            .unwrap();
        store
            .meta
            .insert(index::INDEX_VERSION_KEY, &3u32.to_be_bytes())
            .unwrap();
        store.sync().unwrap();
    }

    /// The names of the sled trees the store holds.
    pub(crate) fn tree_names_for_test(&self) -> Vec<String> {
        let store = self.store().unwrap();
        let names = store.db.tree_names();
        names
            .iter()
            .map(|n| String::from_utf8_lossy(n).into_owned())
            .collect()
    }

    /// Forgets which library was merged, so the next open merges again.
    pub(crate) fn forget_library_fingerprint_for_test(&self) {
        let store = self.store().unwrap();
        store.meta.remove(PROMPT_LIBRARY_KEY).unwrap();
        store.sync().unwrap();
    }
}

/// A transaction's result as the core's: a business error aborts it and comes out as itself.
fn transact<T>(result: std::result::Result<T, TransactionError<KeelError>>) -> Result<T> {
    result.map_err(|e| match e {
        TransactionError::Abort(e) => e,
        TransactionError::Storage(e) => e.into(),
    })
}

/// Says in plain words why a write failed, from the I/O error's kind (sled wraps the OS error
/// in text that reads like debug output).
fn explain_write_error(error: KeelError, dir: &Path) -> KeelError {
    use std::io::ErrorKind;
    let kind = match &error {
        KeelError::Storage(StorageError::Io(io)) => io.kind(),
        KeelError::Io { source, .. } => source.kind(),
        _ => return error,
    };
    let path = dir.to_owned();
    let reason = match kind {
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded => return KeelError::DiskFull { path },
        ErrorKind::PermissionDenied => "permission was denied",
        ErrorKind::ReadOnlyFilesystem => "the disk is read-only",
        ErrorKind::NotFound => "its files have gone (was the folder moved or deleted?)",
        _ => "the disk reported an error",
    };
    KeelError::WriteFailed {
        path,
        reason: reason.to_owned(),
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
        // sled's own wording is for developers (offsets, backtraces); the person needs to know
        // that the files are damaged.
        sled::Error::Corruption { .. } => KeelError::JournalDamaged {
            path: dir.to_owned(),
        },
        other => other.into(),
    }
}

/// sled's errors become the core's opaque `StorageError` here, so that no caller names sled.
impl From<sled::Error> for KeelError {
    fn from(error: sled::Error) -> KeelError {
        KeelError::Storage(match error {
            sled::Error::Io(io) => StorageError::Io(io),
            other => StorageError::Engine(Box::new(other)),
        })
    }
}

#[cfg(test)]
mod tests;
