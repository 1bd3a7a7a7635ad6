//! What sync (`crate::sync::journal`) needs of the store, and nothing of its rules:
//! - `sync_dirty`: the names of records written here since sync last looked at them
//!   (`day/2026-12-01`), marked in the same transaction as the record itself, so a save is
//!   found by the next exchange even when the process died right after it (the change file is
//!   written after the save is acknowledged, never on its path);
//! - `sync_applied`: per sync field, what sync last settled between this journal and its
//!   versions, as bytes the store does not read (sealed like every value).
//!
//! Sync's own writes of a record (what came in from other devices) go through
//! `sync_apply_day`, which writes the record and what was settled in one transaction, and only
//! when the record is still the one sync read: a save made in between is never overwritten.
//!
//! The room's shared types and constants live in `store/mod.rs` (`use super::*`).

use super::*;

pub(super) const DIRTY: &str = "sync_dirty";

/// Where sync keeps the journal's tie to its folder (`DIR/sync/attachment.json`): while it is
/// there the journal keeps its passphrase (`decrypt` refuses), since the folder's key is kept
/// sealed under the journal's.
pub(crate) fn attachment_path(dir: &Path) -> PathBuf {
    dir.join("sync").join("attachment.json")
}
pub(super) const APPLIED: &str = "sync_applied";

/// The record name of a day (`day/2026-12-01`), as `sync_dirty` holds it.
pub(crate) fn day_record(date: NaiveDate) -> String {
    format!("day/{date}")
}

/// Marks the day as written here, inside the transaction that writes it.
pub(super) fn mark_day(
    dirty: &sled::transaction::TransactionalTree,
    date: NaiveDate,
) -> std::result::Result<(), sled::transaction::UnabortableTransactionError> {
    dirty.insert(day_record(date).as_bytes(), &[][..])?;
    Ok(())
}

/// A record as sync read it: its stored bytes, to tell later whether it was written since
/// (sealed values take a fresh nonce on every write, so equal bytes mean no write).
#[derive(Debug, Clone)]
pub(crate) struct Seen(Option<sled::IVec>);

impl Seen {
    fn bytes(&self) -> Option<&[u8]> {
        self.0.as_deref()
    }
}

impl Journal {
    /// The journal's keys, when it is encrypted (sync seals its own files with them).
    pub(crate) fn keys(&self) -> Option<Arc<Keys>> {
        match self.codec() {
            Codec::Sealed(keys) => Some(keys),
            Codec::Plain => None,
        }
    }

    /// The records written here since sync last looked at them.
    pub(crate) fn sync_marked(&self) -> Result<Vec<String>> {
        self.store()?
            .sync_dirty
            .iter()
            .keys()
            .map(|k| Ok(String::from_utf8_lossy(&k?).into_owned()))
            .collect()
    }

    /// Marks every page as written here (when sync starts, each becomes this device's change)
    /// and forgets what sync settled before: one durable write.
    pub(crate) fn sync_mark_all(&self) -> Result<()> {
        self.write(|store| {
            let mut batch = sled::Batch::default();
            for key in store.days.iter().keys() {
                if let Some(date) = date_from_key(&key?) {
                    batch.insert(day_record(date).as_bytes(), &[][..]);
                }
            }
            store.sync_dirty.apply_batch(batch)?;
            store.sync_applied.clear()?;
            Ok(())
        })
    }

    /// Forgets everything sync kept in the store (detach), durably.
    pub(crate) fn sync_forget(&self) -> Result<()> {
        self.write(|store| {
            store.sync_dirty.clear()?;
            store.sync_applied.clear()?;
            Ok(())
        })
    }

    /// What sync last settled for `field`.
    pub(crate) fn sync_applied(&self, field: &str) -> Result<Option<Vec<u8>>> {
        let store = self.store()?;
        store
            .sync_applied
            .get(field.as_bytes())?
            .map(|v| {
                Ok(store
                    .codec
                    .open(APPLIED, field.as_bytes(), &v)?
                    .into_owned())
            })
            .transpose()
    }

    /// The day as stored (its bytes, to tell later whether it was written since) and read.
    pub(crate) fn sync_day(&self, date: NaiveDate) -> Result<(Seen, Option<DayEntry>)> {
        let store = self.store()?;
        let key = day_key(date);
        let stored = store.days.get(key)?;
        let day = stored
            .as_ref()
            .map(|bytes| store.open_day(&key, bytes))
            .transpose()?;
        Ok((Seen(stored), day))
    }

    /// Records what sync settled for the fields of `record` after taking its local edits, and
    /// clears the record's mark when it was not written again since sync read it (`seen`).
    pub(crate) fn sync_took(
        &self,
        date: NaiveDate,
        seen: &Seen,
        settled: &[(String, Vec<u8>)],
    ) -> Result<()> {
        let key = day_key(date);
        let record = day_record(date);
        self.write(|store| {
            let settled = seal_settled(&store.codec, settled)?;
            transact(
                (&store.days, &store.sync_dirty, &store.sync_applied).transaction(
                    |(days, dirty, applied)| {
                        for (field, bytes) in &settled {
                            applied.insert(field.as_bytes(), bytes.as_slice())?;
                        }
                        if days.get(key)?.as_deref() == seen.bytes() {
                            dirty.remove(record.as_bytes())?;
                        }
                        Ok(())
                    },
                ),
            )
        })
    }

    /// Writes the day sync resolved (`None`: deleted) with what it settled, in one durable
    /// transaction, only if the stored day is still `seen`. `Ok(false)`, and nothing written,
    /// when it was saved again since: sync takes that edit first and tries again.
    pub(crate) fn sync_apply_day(
        &self,
        date: NaiveDate,
        seen: &Seen,
        day: Option<&DayEntry>,
        settled: &[(String, Vec<u8>)],
    ) -> Result<bool> {
        let key = day_key(date);
        self.write(|store| {
            let settled = seal_settled(&store.codec, settled)?;
            let bytes = day.map(|d| store.seal_day(d)).transpose()?;
            transact(
                (&store.days, &store.search_terms, &store.sync_applied).transaction(
                    |(days, terms, applied)| {
                        let stored = days.get(key)?;
                        if stored.as_deref() != seen.bytes() {
                            return Ok(false);
                        }
                        let old = stored
                            .map(|b| store.open_day(&key, &b))
                            .transpose()
                            .map_err(ConflictableTransactionError::Abort)?;
                        match &bytes {
                            Some(b) => days.insert(&key[..], b.as_slice())?,
                            None => days.remove(&key[..])?,
                        };
                        index::reindex_day(&store.codec, terms, old.as_ref(), day)?;
                        for (field, bytes) in &settled {
                            applied.insert(field.as_bytes(), bytes.as_slice())?;
                        }
                        Ok(true)
                    },
                ),
            )
        })
    }
}

fn seal_settled(codec: &Codec, settled: &[(String, Vec<u8>)]) -> Result<Vec<(String, Vec<u8>)>> {
    settled
        .iter()
        .map(|(field, bytes)| Ok((field.clone(), codec.seal(APPLIED, field.as_bytes(), bytes)?)))
        .collect()
}
