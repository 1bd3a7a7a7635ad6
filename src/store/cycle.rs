//! The person's values (one record in `meta`) and the work cycle's events (the `events` tree,
//! keyed by id, big-endian), and the mark that the first-run welcome was done.
//!
//! The room's shared types and constants live in `store/mod.rs` (`use super::*`).

use super::*;
use crate::cycle::{CycleEvent, EventDraft, ValueBook, ValueDraft};

/// The next event id (ids are never reused, even after a remove).
const EVENT_SEQ_KEY: &[u8] = b"event_seq";
/// Counts the writes of the events: sync reads it to tell whether they were written since it
/// read them (the events are many records; this one moves with each write of any).
pub(super) const EVENTS_REV_KEY: &[u8] = b"events_rev";
const WELCOMED_KEY: &[u8] = b"welcomed";

/// The key of event `id` in the `events` tree.
pub(super) fn event_key(id: u64) -> [u8; 8] {
    id.to_be_bytes()
}

impl Store {
    fn open_event(&self, key: &[u8], stored: &[u8]) -> Result<CycleEvent> {
        records::decode_event(&self.codec.open(EVENTS, key, stored)?)
    }

    fn stored_seq(&self, stored: Option<sled::IVec>) -> Result<u64> {
        self.stored_counter(stored, EVENT_SEQ_KEY)
    }

    pub(super) fn stored_counter(&self, stored: Option<sled::IVec>, key: &[u8]) -> Result<u64> {
        let Some(bytes) = stored else { return Ok(1) };
        let plain = self.codec.open(META, key, &bytes)?;
        let raw: [u8; 8] = plain.as_ref().try_into().map_err(|_| KeelError::Corrupt {
            what: "event counter".into(),
            detail: format!("{} bytes, not 8", plain.len()),
        })?;
        Ok(u64::from_be_bytes(raw))
    }
}

/// Moves the revision under `key` in `meta` on (a counter), inside a transaction.
pub(super) fn bump_rev(
    store: &Store,
    meta: &redo::TxTree,
    key: &[u8],
) -> std::result::Result<(), ConflictableTransactionError<KeelError>> {
    let abort = ConflictableTransactionError::Abort;
    let rev = store.stored_counter(meta.get(key)?, key).map_err(abort)?;
    let sealed = store
        .codec
        .seal(META, key, &rev.wrapping_add(1).to_be_bytes())
        .map_err(abort)?;
    meta.insert(key, sealed)?;
    Ok(())
}

/// Writes `event` under its id inside a transaction.
pub(super) fn insert_event(
    store: &Store,
    events: &redo::TxTree,
    event: &CycleEvent,
) -> std::result::Result<(), ConflictableTransactionError<KeelError>> {
    let key = event_key(event.id);
    let sealed = store
        .codec
        .seal(EVENTS, &key, &records::encode_event(event))
        .map_err(ConflictableTransactionError::Abort)?;
    events.insert(&key[..], sealed)?;
    Ok(())
}

/// The next free event id, read inside a transaction, and the counter set past `next`.
pub(super) fn event_seq(
    store: &Store,
    meta: &redo::TxTree,
) -> std::result::Result<u64, ConflictableTransactionError<KeelError>> {
    store
        .stored_seq(meta.get(EVENT_SEQ_KEY)?)
        .map_err(ConflictableTransactionError::Abort)
}

/// Sets the event counter to `next` inside a transaction.
pub(super) fn set_event_seq(
    store: &Store,
    meta: &redo::TxTree,
    next: u64,
) -> std::result::Result<(), ConflictableTransactionError<KeelError>> {
    let seq = store
        .codec
        .seal(META, EVENT_SEQ_KEY, &next.to_be_bytes())
        .map_err(ConflictableTransactionError::Abort)?;
    meta.insert(EVENT_SEQ_KEY, seq)?;
    Ok(())
}

impl Journal {
    /// The person's values (an empty book until they name some).
    pub fn values(&self) -> Result<ValueBook> {
        let store = self.store()?;
        match store.meta.get(VALUES_KEY)? {
            Some(bytes) => records::decode_values(&store.codec.open(META, VALUES_KEY, &bytes)?),
            None => Ok(ValueBook::default()),
        }
    }

    /// Replaces the list of values (`ValueBook::replaced`: ids kept by name, the rest retired)
    /// and returns the book, durably.
    pub fn set_values(&self, wanted: &[ValueDraft]) -> Result<ValueBook> {
        let next = self.values()?.replaced(wanted)?;
        let bytes = records::encode_values(&next);
        self.write(|store| {
            sync_marks::put_meta_marked(store, VALUES_KEY, &bytes, sync_marks::SyncRecord::Values)
        })?;
        Ok(next)
    }

    /// Every event, by start date (then id).
    pub fn events(&self) -> Result<Vec<CycleEvent>> {
        let store = self.store()?;
        let mut events: Vec<CycleEvent> = store
            .events
            .iter()
            .map(|item| {
                let (key, bytes) = item?;
                store.open_event(&key, &bytes)
            })
            .collect::<Result<_>>()?;
        events.sort_by_key(|e| (e.start, e.id));
        Ok(events)
    }

    /// The events that share a day with `from..=to`, by start date.
    pub fn events_between(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<CycleEvent>> {
        let mut events = self.events()?;
        events.retain(|e| e.overlaps(from, to));
        Ok(events)
    }

    /// Adds an event under a fresh id and returns it, durably.
    pub fn add_event(&self, draft: EventDraft) -> Result<CycleEvent> {
        // Checked before anything is written (the id is only a placeholder here).
        draft.clone().into_event(0)?;
        self.write(|store| {
            transact((&store.events, &store.meta, &store.sync_dirty).transaction(
                |(events, meta, dirty)| {
                    let id = event_seq(store, meta)?;
                    let event = draft
                        .clone()
                        .into_event(id)
                        .map_err(ConflictableTransactionError::Abort)?;
                    insert_event(store, events, &event)?;
                    set_event_seq(store, meta, id + 1)?;
                    sync_marks::revise(store, meta, dirty, sync_marks::SyncRecord::Events)?;
                    Ok(event)
                },
            ))
        })
    }

    /// Removes the event `id` and returns what it was, durably; `UnknownEvent` if there is none.
    pub fn remove_event(&self, id: u64) -> Result<CycleEvent> {
        self.write(|store| {
            let key = event_key(id);
            let removed = transact((&store.events, &store.meta, &store.sync_dirty).transaction(
                |(events, meta, dirty)| {
                    let removed = events.remove(&key[..])?;
                    if removed.is_some() {
                        sync_marks::revise(store, meta, dirty, sync_marks::SyncRecord::Events)?;
                    }
                    Ok(removed)
                },
            ))?;
            match removed {
                Some(bytes) => store.open_event(&key, &bytes),
                None => Err(KeelError::UnknownEvent { id: id.to_string() }),
            }
        })
    }

    /// Whether the first-run welcome should be offered: it was never finished or skipped, and the
    /// journal holds no page, week, value or event (an old journal is not new).
    pub fn needs_welcome(&self) -> Result<bool> {
        let store = self.store()?;
        Ok(store.meta.get(WELCOMED_KEY)?.is_none()
            && store.days.is_empty()
            && store.weeks.is_empty()
            && store.events.is_empty()
            && store.meta.get(VALUES_KEY)?.is_none())
    }

    /// Records that the welcome was done (or skipped), durably.
    pub fn mark_welcomed(&self) -> Result<()> {
        self.write(|store| {
            store
                .meta
                .insert(WELCOMED_KEY, store.codec.seal(META, WELCOMED_KEY, b"1")?)?;
            Ok(())
        })
    }
}

/// Writes events an import brings inside its transaction: an event whose id is free keeps it,
/// one whose id is taken (or 0) gets the next; the counter moves past every id written.
pub(super) fn import_events(
    store: &Store,
    events: &redo::TxTree,
    meta: &redo::TxTree,
    dirty: &redo::TxTree,
    batch: &[CycleEvent],
) -> std::result::Result<(), ConflictableTransactionError<KeelError>> {
    if batch.is_empty() {
        return Ok(());
    }
    sync_marks::revise(store, meta, dirty, sync_marks::SyncRecord::Events)?;
    let abort = ConflictableTransactionError::Abort;
    let mut next = store.stored_seq(meta.get(EVENT_SEQ_KEY)?).map_err(abort)?;
    for event in batch {
        let mut event = event.clone();
        if event.id == 0 || events.get(event_key(event.id))?.is_some() {
            while events.get(event_key(next))?.is_some() {
                next += 1;
            }
            event.id = next;
        }
        next = next.max(event.id + 1);
        let key = event_key(event.id);
        let sealed = store
            .codec
            .seal(EVENTS, &key, &records::encode_event(&event))
            .map_err(abort)?;
        events.insert(&key[..], sealed)?;
    }
    let seq = store
        .codec
        .seal(META, EVENT_SEQ_KEY, &next.to_be_bytes())
        .map_err(abort)?;
    meta.insert(EVENT_SEQ_KEY, seq)?;
    Ok(())
}
