//! Opening and closing the sled handle: the journal's own lock, sled's lock errors in plain words,
//! the schema check, durability (`sync`: flush, then fsync of `db`), and the reopen after a failed
//! write. Also the fresh copy's frame: the store replaced by a verified copy (`rewrite`), which
//! encryption on, off and `compact` share.
//!
//! The room's shared types and constants live in `store/mod.rs` (`use super::*`).

use super::*;

/// Opens sled's database in `path` as every store of the journal in `dir` is opened.
pub(super) fn open_sled(path: &Path, dir: &Path) -> Result<sled::Db> {
    sled::Config::new()
        .path(path)
        .cache_capacity(CACHE_BYTES)
        .flush_every_ms(None)
        .open()
        .map_err(|e| map_open_error(e, dir))
}

/// Takes the journal's own lock (`DIR/keel.lock`), waiting as briefly as `Store::open_waiting`
/// for one this process may have just released.
pub(super) fn lock_journal(dir: &Path) -> Result<File> {
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

/// A transaction's result as the core's: a business error aborts it and comes out as itself.
pub(super) fn transact<T>(
    result: std::result::Result<T, TransactionError<KeelError>>,
) -> Result<T> {
    result.map_err(|e| match e {
        TransactionError::Abort(e) => e,
        TransactionError::Storage(e) => e.into(),
    })
}

/// Says in plain words why a write failed, from the I/O error's kind (sled wraps the OS error
/// in text that reads like debug output).
pub(super) fn explain_write_error(error: KeelError, dir: &Path) -> KeelError {
    use std::io::ErrorKind;
    let kind = match &error {
        KeelError::Storage(StorageError::Io(io)) => io.kind(),
        KeelError::Io { source, .. } => source.kind(),
        _ => return error,
    };
    let path = dir.to_owned();
    let reason = match kind {
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded => return KeelError::DiskFull { path },
        ErrorKind::PermissionDenied => "reason-write-permission",
        ErrorKind::ReadOnlyFilesystem => "reason-write-read-only",
        ErrorKind::NotFound => "reason-write-gone",
        _ => "reason-write-disk",
    };
    KeelError::WriteFailed {
        path,
        reason: crate::error::Reason::new(reason, vec![]),
    }
}

/// Turns sled's lock failure into `JournalLocked`; every other error stays a storage error.
pub(super) fn map_open_error(error: sled::Error, dir: &Path) -> KeelError {
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

impl Store {
    /// Opens the store, waiting briefly for a lock that may be this process's own: sled
    /// finishes closing a database on its own threads, so a journal closed a moment ago (or a
    /// handle closed after a failed write) can still hold the lock for some milliseconds.
    pub(super) fn open_waiting(dir: &Path, codec: &Codec) -> Result<Store> {
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

    pub(super) fn open(dir: &Path, codec: Codec) -> Result<Store> {
        std::fs::create_dir_all(dir).map_err(io("create the journal folder", dir))?;
        let store_dir = dir.join("store");
        let db = open_sled(&store_dir, dir)?;
        let db_path = store_dir.join("db");
        let db_file = File::open(&db_path).map_err(io("open", &db_path))?;
        let (log, read) = redo::Log::open(&store_dir)?;
        let frames = read.frames;
        // The folder entries of files sled and the log just created must be durable too.
        for path in [&store_dir, dir] {
            File::open(path)
                .and_then(|f| f.sync_all())
                .map_err(io("sync the folder", path))?;
        }
        // Nothing is held for the log until the open is done (see the end).
        let recorder = Arc::new(redo::Recorder::default());
        let tree = |name: &str, id| -> Result<redo::Tree> {
            Ok(redo::Tree::new(
                db.open_tree(name)?,
                id,
                Arc::clone(&recorder),
            ))
        };
        use redo::TreeId;
        let mut store = Store {
            days: tree(DAYS, TreeId::Days)?,
            weeks: tree(WEEKS, TreeId::Weeks)?,
            prompts: tree(PROMPTS, TreeId::Prompts)?,
            meta: tree(META, TreeId::Meta)?,
            events: tree(EVENTS, TreeId::Events)?,
            imported: tree(IMPORTED, TreeId::Imported)?,
            search_terms: tree(index::TREE, TreeId::SearchTerms)?,
            sync_dirty: tree(sync_marks::DIRTY, TreeId::SyncDirty)?,
            sync_applied: tree(sync_marks::APPLIED, TreeId::SyncApplied)?,
            reindexed: 0,
            replayed: 0,
            db,
            db_file,
            recorder: Arc::clone(&recorder),
            log: Mutex::new(log),
            writer: Mutex::new(()),
            codec,
            dir: dir.to_owned(),
            durable_writes: AtomicU64::new(0),
            mark: Mutex::new(None),
        };
        // Before anything is written: a store that went back in time is not to be touched,
        // nor one a newer Keel wrote (its log may be of another form).
        let writes = store.writes()?;
        if migrate::stored_version(&store.meta)?.is_some_and(|v| v > migrate::SCHEMA_VERSION) {
            // Refused by the schema check before it writes anything.
            store.check_schema()?;
        }
        let logged: Vec<&redo::Frame> = frames.iter().filter(|f| f.count > writes).collect();
        let (first, last) = (
            logged.first().map(|f| f.count),
            logged.last().map(|f| f.count),
        );
        let marked = write_mark::read(&store_dir);
        let durable = last.unwrap_or(writes).max(writes);
        // Whole frames after a damaged one: refused unless sled already holds all of them.
        let damaged_log = read.beyond_damage.is_some();
        if first.is_some_and(|first| first > writes + 1)
            || marked.is_some_and(|marked| marked > durable)
            || read.beyond_damage.is_some_and(|beyond| beyond > writes)
        {
            return Err(KeelError::JournalDamaged {
                path: dir.to_owned(),
            });
        }
        store.lock_log().cut(read.end as u64)?;
        store.replayed = logged.len();
        store.replay(&logged)?;
        store.durable_writes.store(durable, Ordering::Relaxed);
        store.check_schema()?;
        store.merge_prompt_library()?;
        store.reindexed = store.check_index()?;
        // What the open itself wrote (a migration, the library's merge, a rebuilt index) is in
        // no frame, and a damaged log that sled did not need is replaced: a checkpoint.
        if store.recorder.has_unlogged() || damaged_log {
            store.sync()?;
        }
        store.recorder.set_logging(true);
        *store.mark_state() = Some(MarkState {
            writes: marked,
            at: Instant::now(),
        });
        store.renew_mark();
        Ok(store)
    }

    /// Applies again the logged writes sled had not made durable, in order (see `redo`),
    /// straight into sled: they are in the log already.
    #[allow(clippy::disallowed_methods)]
    fn replay(&self, frames: &[&redo::Frame]) -> Result<()> {
        for frame in frames {
            for change in redo::changes(&frame.changes)? {
                match change {
                    redo::Change::Put(id, key, value) => {
                        self.tree(id).insert(key, value)?;
                    }
                    redo::Change::Remove(id, key) => {
                        self.tree(id).remove(key)?;
                    }
                    redo::Change::Clear(id) => self.tree(id).clear()?,
                }
            }
        }
        Ok(())
    }

    /// The sled tree a change in the redo log names.
    fn tree(&self, id: redo::TreeId) -> &sled::Tree {
        use redo::TreeId;
        match id {
            TreeId::Days => &self.days,
            TreeId::Weeks => &self.weeks,
            TreeId::Prompts => &self.prompts,
            TreeId::Meta => &self.meta,
            TreeId::Events => &self.events,
            TreeId::Imported => &self.imported,
            TreeId::SearchTerms => &self.search_terms,
            TreeId::SyncDirty => &self.sync_dirty,
            TreeId::SyncApplied => &self.sync_applied,
        }
    }

    pub(super) fn lock_log(&self) -> std::sync::MutexGuard<'_, redo::Log> {
        // A poisoned lock only means a thread panicked while appending: the length is the
        // last whole frame's end.
        self.log.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub(super) fn lock_writer(&self) -> std::sync::MutexGuard<'_, ()> {
        self.writer.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Makes a write's changes durable: one frame appended to the log and synced, or, for
    /// changes the log does not hold (or a log grown past its limit), a checkpoint. The
    /// caller holds the writer lock.
    pub(super) fn commit(&self, count: u64) -> Result<()> {
        let done = match self.recorder.take() {
            redo::Taken::Checkpoint => self.sync(),
            redo::Taken::Frame(changes) => {
                let appended = {
                    let mut log = self.lock_log();
                    log.append(count, &changes)
                        .map(|()| log.len() > redo::LIMIT)
                };
                if let Ok(true) = appended {
                    // The write is durable already; a checkpoint that fails leaves the log as
                    // it was (and sled, if it failed, fails the next write, which reopens it).
                    let _ = self.sync();
                }
                appended.map(drop)
            }
        };
        // The changes are in sled but in neither the log nor a checkpoint: the close tries
        // the checkpoint again.
        done.inspect_err(|_| self.recorder.mark_unlogged())
    }

    /// How many `Journal::write`s the store holds.
    pub(super) fn writes(&self) -> Result<u64> {
        Ok(write_mark::decode_count(
            self.meta.get(write_mark::WRITES_KEY)?.as_deref(),
        ))
    }

    pub(super) fn mark_state(&self) -> std::sync::MutexGuard<'_, Option<MarkState>> {
        // A poisoned lock only means a thread panicked while renewing: the state is whole.
        self.mark.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Writes the durable write count into the mark when it holds another; best effort.
    pub(super) fn renew_mark(&self) {
        if let Some(state) = self.mark_state().as_mut() {
            let writes = self.durable_writes.load(Ordering::Relaxed);
            if state.writes != Some(writes)
                && write_mark::write(&self.dir.join("store"), writes).is_ok()
            {
                *state = MarkState {
                    writes: Some(writes),
                    at: Instant::now(),
                };
            }
        }
    }

    /// Renews the mark after a durable write when the last renewal is old enough.
    pub(super) fn renew_mark_if_due(&self) {
        let due = self
            .mark_state()
            .as_ref()
            .is_some_and(|state| state.at.elapsed() >= MARK_EVERY);
        if due {
            self.renew_mark();
        }
    }

    pub(super) fn open_day(&self, key: &[u8], stored: &[u8]) -> Result<DayEntry> {
        records::decode_day(&self.codec.open(DAYS, key, stored)?)
    }

    pub(super) fn seal_day(&self, entry: &DayEntry) -> Result<Vec<u8>> {
        self.codec
            .seal(DAYS, &day_key(entry.date), &records::encode_day(entry)?)
    }

    pub(super) fn open_week(&self, key: &[u8], stored: &[u8]) -> Result<WeekReflection> {
        records::decode_week(&self.codec.open(WEEKS, key, stored)?)
    }

    pub(super) fn seal_week(&self, week: &WeekReflection) -> Result<Vec<u8>> {
        self.codec
            .seal(WEEKS, &week_key(week.week), &records::encode_week(week)?)
    }

    pub(super) fn open_prompt(&self, key: &[u8], stored: &[u8]) -> Result<Prompt> {
        records::decode_prompt(&self.codec.open(PROMPTS, key, stored)?)
    }

    pub(super) fn seal_prompt(&self, prompt: &Prompt) -> Result<Vec<u8>> {
        self.codec.seal(
            PROMPTS,
            prompt.id.as_bytes(),
            &records::encode_prompt(prompt),
        )
    }

    pub(super) fn check_schema(&self) -> Result<()> {
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

    /// The checkpoint a close makes: only when the log holds more than `redo::CLOSE_LIMIT`, or
    /// when a change is in no frame (a write that failed part-way). The caller holds the writer
    /// lock or the store alone.
    pub(super) fn settle(&self) -> Result<()> {
        if !self.recorder.is_clear() || self.lock_log().len() > redo::CLOSE_LIMIT {
            self.sync()
        } else {
            Ok(())
        }
    }

    /// A checkpoint: makes every write so far durable in sled (its flush, then an fsync of
    /// its `db` file) and empties the redo log. The caller holds the writer lock or the store
    /// alone (a change made between the flush and the emptying would be in neither).
    pub(super) fn sync(&self) -> Result<()> {
        self.db.flush()?;
        self.db_file.sync_all().map_err(|source| KeelError::Io {
            action: "sync",
            path: self.dir.join("store").join("db"),
            source,
        })?;
        self.recorder.forget();
        self.lock_log().clear()
    }
}

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

    pub(super) fn open_with(dir: &Path, passphrase: Option<&str>) -> Result<Journal> {
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
            sync_cache: Mutex::new(None),
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

    pub(super) fn codec(&self) -> Codec {
        self.codec.read().unwrap_or_else(|p| p.into_inner()).clone()
    }

    /// The open sled handle, reopening it first if a failed write closed it.
    pub(super) fn store(&self) -> Result<Arc<Store>> {
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
                        reason: crate::error::Reason::new("reason-busy-closing", vec![]),
                    },
                    other => explain_write_error(other, &self.dir),
                })?,
        );
        *slot = Some(Arc::clone(&store));
        Ok(store)
    }

    /// Runs a write and makes it durable (one frame of the redo log); if sled or the disk
    /// failed, closes the handle so that the next call reopens it (sled refuses all writes
    /// after an I/O error until reopened).
    pub(super) fn write<T>(&self, op: impl FnOnce(&Store) -> Result<T>) -> Result<T> {
        self.write_as(false, op)
    }

    /// `write` for a write of many records (an import, sync's marks on every record): its
    /// changes go to sled without the log, between two checkpoints.
    pub(super) fn write_bulk<T>(&self, op: impl FnOnce(&Store) -> Result<T>) -> Result<T> {
        self.write_as(true, op)
    }

    fn write_as<T>(&self, bulk: bool, op: impl FnOnce(&Store) -> Result<T>) -> Result<T> {
        let store = self.store()?;
        let result = {
            let _writer = store.lock_writer();
            let started = if bulk {
                store.sync().map(|()| store.recorder.set_logging(false))
            } else {
                Ok(())
            };
            let result = started.and_then(|()| op(&store)).and_then(|value| {
                // The count is the write's last change: its frame (or checkpoint) holds it.
                let count = store
                    .meta
                    .update_and_fetch(write_mark::WRITES_KEY, write_mark::increment)?;
                let count = write_mark::decode_count(count.as_deref());
                store.commit(count)?;
                self.n_syncs.fetch_add(1, Ordering::Relaxed);
                store.durable_writes.fetch_max(count, Ordering::Relaxed);
                Ok(value)
            });
            store.recorder.set_logging(true);
            // A write that failed after changing what the log does not hold (a bulk write,
            // or one too large to hold) leaves no change unsynced behind it.
            match result {
                Err(e) if store.recorder.has_unlogged() => Err(store.sync().err().unwrap_or(e)),
                other => other,
            }
        };
        store.renew_mark_if_due();
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

    /// What the app does before its window closes (and dropping the journal does too): a
    /// checkpoint if the redo log holds more than `redo::CLOSE_LIMIT` (so that the next open
    /// has little to read), then the write mark renewed. Best effort: what fails stays in the
    /// log.
    pub fn checkpoint(&self) {
        if let Ok(store) = self.store() {
            let settled = {
                let _writer = store.lock_writer();
                store.settle()
            };
            if settled.is_ok() {
                store.renew_mark();
            }
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

    /// How many frames of the redo log the last open of the store applied again, because
    /// sled had not made them durable before the journal was last closed (for tests).
    pub fn replayed_at_open(&self) -> usize {
        self.store().map_or(0, |store| store.replayed)
    }

    /// How many durable syncs this handle has completed (for tests and benchmarks).
    pub fn n_syncs(&self) -> u64 {
        self.n_syncs.load(Ordering::Relaxed)
    }
}

impl Journal {
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

    /// Replaces the store with a verified copy that `copy` writes to `store.ready` (given the
    /// old store, closed to every other call, and its write count), then swaps it in and
    /// reopens it, with `codec` from then on when given.
    pub(super) fn rewrite(
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
                        reason: crate::error::Reason::new("reason-busy-rewrite", vec![]),
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
}
