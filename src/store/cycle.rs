//! The person's values (one record in `meta`) and the work cycle's events (the `events` tree,
//! keyed by id, big-endian), and the mark that the first-run welcome was done.
//!
//! The room's shared types and constants live in `store/mod.rs` (`use super::*`).

use super::*;
use crate::cycle::{CycleEvent, EventDraft, ValueBook, ValueDraft};

/// The next event id (ids are never reused, even after a remove).
const EVENT_SEQ_KEY: &[u8] = b"event_seq";
const WELCOMED_KEY: &[u8] = b"welcomed";

fn event_key(id: u64) -> [u8; 8] {
    id.to_be_bytes()
}

impl Store {
    fn open_event(&self, key: &[u8], stored: &[u8]) -> Result<CycleEvent> {
        records::decode_event(&self.codec.open(EVENTS, key, stored)?)
    }

    fn stored_seq(&self, stored: Option<sled::IVec>) -> Result<u64> {
        let Some(bytes) = stored else { return Ok(1) };
        let plain = self.codec.open(META, EVENT_SEQ_KEY, &bytes)?;
        let raw: [u8; 8] = plain.as_ref().try_into().map_err(|_| KeelError::Corrupt {
            what: "event counter".into(),
            detail: format!("{} bytes, not 8", plain.len()),
        })?;
        Ok(u64::from_be_bytes(raw))
    }
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
            transact((&store.events, &store.meta).transaction(|(events, meta)| {
                let id = store
                    .stored_seq(meta.get(EVENT_SEQ_KEY)?)
                    .map_err(ConflictableTransactionError::Abort)?;
                let event = draft
                    .clone()
                    .into_event(id)
                    .map_err(ConflictableTransactionError::Abort)?;
                let key = event_key(id);
                let sealed = store
                    .codec
                    .seal(EVENTS, &key, &records::encode_event(&event))
                    .map_err(ConflictableTransactionError::Abort)?;
                let seq = store
                    .codec
                    .seal(META, EVENT_SEQ_KEY, &(id + 1).to_be_bytes())
                    .map_err(ConflictableTransactionError::Abort)?;
                events.insert(&key[..], sealed)?;
                meta.insert(EVENT_SEQ_KEY, seq)?;
                Ok(event)
            }))
        })
    }

    /// Removes the event `id` and returns what it was, durably; `UnknownEvent` if there is none.
    pub fn remove_event(&self, id: u64) -> Result<CycleEvent> {
        self.write(|store| {
            let key = event_key(id);
            match store.events.remove(key)? {
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
    events: &sled::transaction::TransactionalTree,
    meta: &sled::transaction::TransactionalTree,
    batch: &[CycleEvent],
) -> std::result::Result<(), ConflictableTransactionError<KeelError>> {
    if batch.is_empty() {
        return Ok(());
    }
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
