//! What sync (`crate::sync::journal`) needs of the store, and nothing of its rules:
//! - `sync_dirty`: the names of records written here since sync last looked at them
//!   (`SyncRecord`: `day/2026-12-01`, `week/2026-W49`, `settings`, `values`, `events`,
//!   `prompts`),
//!   marked in the same transaction as the record itself, so a save is
//!   found by the next exchange even when the process died right after it (the change file is
//!   written after the save is acknowledged, never on its path);
//! - `sync_applied`: per sync field, what sync last settled between this journal and its
//!   versions, as bytes the store does not read (sealed like every value).
//!
//! Sync's own writes of a record (what came in from other devices) go through
//! `sync_apply`, which writes the record and what was settled in one transaction, and only
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

/// A record as sync names it: `day/2026-12-01`, `week/2026-W49`, `settings`, `values`,
/// `events` (the work cycle's events, all together: their ids are each journal's own).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum SyncRecord {
    Day(NaiveDate),
    Week(WeekId),
    Settings,
    Values,
    Events,
    /// The prompt library as the person changed it (their own prompts, edits, hidden marks).
    Prompts,
}

impl SyncRecord {
    pub(crate) fn name(&self) -> String {
        match self {
            SyncRecord::Day(d) => format!("day/{d}"),
            SyncRecord::Week(w) => format!("week/{w}"),
            SyncRecord::Settings => "settings".into(),
            SyncRecord::Values => "values".into(),
            SyncRecord::Events => "events".into(),
            SyncRecord::Prompts => "prompts".into(),
        }
    }

    pub(crate) fn parse(name: &str) -> Option<SyncRecord> {
        match name.split_once('/') {
            Some(("day", d)) => NaiveDate::parse_from_str(d, "%Y-%m-%d")
                .ok()
                .map(SyncRecord::Day),
            Some(("week", w)) => w.parse().ok().map(SyncRecord::Week),
            None if name == "settings" => Some(SyncRecord::Settings),
            None if name == "values" => Some(SyncRecord::Values),
            None if name == "events" => Some(SyncRecord::Events),
            None if name == "prompts" => Some(SyncRecord::Prompts),
            _ => None,
        }
    }
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

/// A record's value, as the journal holds it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum SyncValue {
    Day(DayEntry),
    Week(WeekReflection),
    Settings(Settings),
    Values(crate::cycle::ValueBook),
    /// By start date; an event sync brings that this journal does not have yet has id 0 (it
    /// gets the next free one when written).
    Events(Vec<crate::cycle::CycleEvent>),
    /// Every prompt as stored (shipped ones in English), by id.
    Prompts(Vec<crate::model::Prompt>),
}

/// Marks `record` as written here, inside the transaction that writes it.
pub(super) fn mark(
    dirty: &redo::TxTree,
    record: SyncRecord,
) -> std::result::Result<(), sled::transaction::UnabortableTransactionError> {
    dirty.insert(record.name().as_bytes(), &[][..])?;
    Ok(())
}

/// Inside the transaction that writes a record of many keys (the events, the prompts): moves
/// its revision (`place`'s key) on and marks it, so the next exchange takes the write.
pub(super) fn revise(
    store: &Store,
    meta: &redo::TxTree,
    dirty: &redo::TxTree,
    record: SyncRecord,
) -> std::result::Result<(), ConflictableTransactionError<KeelError>> {
    cycle::bump_rev(store, meta, &place(store, record).2)?;
    mark(dirty, record)?;
    Ok(())
}

/// Writes a `meta` record (`key`: the settings, the values) with its sync mark, in one
/// transaction, inside a `Journal::write`.
pub(super) fn put_meta_marked(
    store: &Store,
    key: &[u8],
    bytes: &[u8],
    record: SyncRecord,
) -> Result<()> {
    let sealed = store.codec.seal(META, key, bytes)?;
    transact(
        (&store.meta, &store.sync_dirty).transaction(|(meta, dirty)| {
            meta.insert(key, sealed.as_slice())?;
            mark(dirty, record)?;
            Ok(())
        }),
    )
}

/// The record's tree and key.
fn place(store: &Store, record: SyncRecord) -> (&redo::Tree, &'static str, Vec<u8>) {
    match record {
        SyncRecord::Day(d) => (&store.days, DAYS, day_key(d).to_vec()),
        SyncRecord::Week(w) => (&store.weeks, WEEKS, week_key(w).to_vec()),
        SyncRecord::Settings => (&store.meta, META, SETTINGS_KEY.to_vec()),
        SyncRecord::Values => (&store.meta, META, VALUES_KEY.to_vec()),
        // The events' revision: what tells whether they were written since sync read them.
        SyncRecord::Events => (&store.meta, META, cycle::EVENTS_REV_KEY.to_vec()),
        SyncRecord::Prompts => (&store.meta, META, prompt_library::PROMPTS_REV_KEY.to_vec()),
    }
}

fn open_value(store: &Store, record: SyncRecord, key: &[u8], bytes: &[u8]) -> Result<SyncValue> {
    Ok(match record {
        SyncRecord::Day(_) => SyncValue::Day(store.open_day(key, bytes)?),
        SyncRecord::Week(_) => SyncValue::Week(store.open_week(key, bytes)?),
        SyncRecord::Settings => SyncValue::Settings(records::decode_settings(
            &store.codec.open(META, key, bytes)?,
        )?),
        SyncRecord::Values => SyncValue::Values(records::decode_values(
            &store.codec.open(META, key, bytes)?,
        )?),
        SyncRecord::Events => SyncValue::Events(all_events(store)?),
        SyncRecord::Prompts => SyncValue::Prompts(store.all_prompts()?),
    })
}

/// Every event, by start date (then id).
fn all_events(store: &Store) -> Result<Vec<crate::cycle::CycleEvent>> {
    let mut events = store
        .events
        .iter()
        .map(|item| {
            let (key, bytes) = item?;
            records::decode_event(&store.codec.open(EVENTS, &key, &bytes)?)
        })
        .collect::<Result<Vec<_>>>()?;
    events.sort_by_key(|e| (e.start, e.id));
    Ok(events)
}

fn seal_value(store: &Store, key: &[u8], value: &SyncValue) -> Result<Vec<u8>> {
    match value {
        SyncValue::Day(d) => store.seal_day(d),
        SyncValue::Week(w) => store.seal_week(w),
        SyncValue::Settings(s) => store.codec.seal(META, key, &records::encode_settings(s)),
        SyncValue::Values(v) => store.codec.seal(META, key, &records::encode_values(v)),
        // Written record by record (`sync_apply_events`, `sync_apply_prompts`).
        SyncValue::Events(_) | SyncValue::Prompts(_) => Err(KeelError::Corrupt {
            what: "sync".into(),
            detail: "the events are not one record".into(),
        }),
    }
}

impl Journal {
    /// Takes what sync kept for this open journal (see `Journal::sync_cache`).
    pub(crate) fn sync_cache_take(&self) -> Option<Box<dyn std::any::Any + Send>> {
        self.sync_cache
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .take()
    }

    /// Keeps `state` for the next exchange (`None`: forget it).
    pub(crate) fn sync_cache_put(&self, state: Option<Box<dyn std::any::Any + Send>>) {
        *self.sync_cache.lock().unwrap_or_else(|p| p.into_inner()) = state;
    }

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

    /// Marks every record as written here (when sync starts, each becomes this device's
    /// change) and forgets what sync settled before: one durable write.
    pub(crate) fn sync_mark_all(&self) -> Result<()> {
        // Every record of the journal: to sled directly, not to the redo log.
        self.write_bulk(|store| {
            let mut batch = redo::Batch::default();
            let mut add = |r: SyncRecord| batch.insert(r.name().as_bytes(), &[][..]);
            for key in store.days.iter().keys() {
                if let Some(date) = date_from_key(&key?) {
                    add(SyncRecord::Day(date));
                }
            }
            for key in store.weeks.iter().keys() {
                if let Some(week) = week_from_key(&key?) {
                    add(SyncRecord::Week(week));
                }
            }
            if store.meta.contains_key(SETTINGS_KEY)? {
                add(SyncRecord::Settings);
            }
            if store.meta.contains_key(VALUES_KEY)? {
                add(SyncRecord::Values);
            }
            if !store.events.is_empty() {
                add(SyncRecord::Events);
            }
            add(SyncRecord::Prompts);
            store.sync_dirty.apply_batch(batch)?;
            store.sync_applied.clear()?;
            Ok(())
        })
    }

    /// Forgets everything sync kept in the store (detach), durably.
    pub(crate) fn sync_forget(&self) -> Result<()> {
        // Every record of the journal: to sled directly, not to the redo log.
        self.write_bulk(|store| {
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

    /// The record as stored (its bytes, to tell later whether it was written since) and read.
    pub(crate) fn sync_read(&self, record: SyncRecord) -> Result<(Seen, Option<SyncValue>)> {
        let store = self.store()?;
        let (tree, _, key) = place(&store, record);
        let stored = tree.get(&key)?;
        let value = match record {
            // Many keys, read from their tree (the revision only tells writes apart; events
            // written before it was kept have none): no events is no value.
            SyncRecord::Events | SyncRecord::Prompts => {
                Some(open_value(&store, record, &key, &[])?)
                    .filter(|v| !matches!(v, SyncValue::Events(events) if events.is_empty()))
            }
            _ => stored
                .as_ref()
                .map(|bytes| open_value(&store, record, &key, bytes))
                .transpose()?,
        };
        Ok((Seen(stored), value))
    }

    /// Records what sync settled for the fields of `record` after taking its local edits, and
    /// clears the record's mark when it was not written again since sync read it (`seen`).
    pub(crate) fn sync_took(
        &self,
        record: SyncRecord,
        seen: &Seen,
        settled: &[(String, Vec<u8>)],
    ) -> Result<()> {
        let name = record.name();
        self.write(|store| {
            let settled = seal_settled(&store.codec, settled)?;
            let (tree, _, key) = place(store, record);
            transact((tree, &store.sync_dirty, &store.sync_applied).transaction(
                |(records, dirty, applied)| {
                    for (field, bytes) in &settled {
                        applied.insert(field.as_bytes(), bytes.as_slice())?;
                    }
                    if records.get(&key)?.as_deref() == seen.bytes() {
                        dirty.remove(name.as_bytes())?;
                    }
                    Ok(())
                },
            ))
        })
    }

    /// Writes the record sync resolved (`None`: deleted) with what it settled, in one durable
    /// transaction (re-indexed as a save is), only if the stored record is still `seen`.
    /// `Ok(false)`, and nothing written, when it was saved again since: sync takes that edit
    /// first and tries again.
    pub(crate) fn sync_apply(
        &self,
        record: SyncRecord,
        seen: &Seen,
        value: Option<&SyncValue>,
        settled: &[(String, Vec<u8>)],
    ) -> Result<bool> {
        if let Some(SyncValue::Settings(s)) = value {
            s.clone().validated()?;
        }
        if record == SyncRecord::Events {
            let events = match value {
                Some(SyncValue::Events(events)) => &events[..],
                _ => &[],
            };
            return self.sync_apply_events(seen, events, settled);
        }
        if record == SyncRecord::Prompts {
            let prompts = match value {
                Some(SyncValue::Prompts(prompts)) => prompts.clone(),
                _ => self.stored_prompts()?,
            };
            return self.sync_apply_prompts(seen, &prompts, settled);
        }
        self.write(|store| {
            let settled = seal_settled(&store.codec, settled)?;
            let (tree, _, key) = place(store, record);
            let bytes = value.map(|v| seal_value(store, &key, v)).transpose()?;
            let week_doc = match value {
                Some(SyncValue::Week(w)) => Some(index::week_docs(w)),
                _ => None,
            };
            transact(
                (tree, &store.search_terms, &store.sync_applied).transaction(
                    |(records, terms, applied)| {
                        let stored = records.get(&key)?;
                        if stored.as_deref() != seen.bytes() {
                            return Ok(false);
                        }
                        let old = stored
                            .map(|b| open_value(store, record, &key, &b))
                            .transpose()
                            .map_err(ConflictableTransactionError::Abort)?;
                        match &bytes {
                            Some(b) => records.insert(&key[..], b.as_slice())?,
                            None => records.remove(&key[..])?,
                        };
                        match (record, &old, value) {
                            (SyncRecord::Day(_), old, new) => {
                                let old = match old {
                                    Some(SyncValue::Day(d)) => Some(d),
                                    _ => None,
                                };
                                let new = match new {
                                    Some(SyncValue::Day(d)) => Some(d),
                                    _ => None,
                                };
                                index::reindex_day(&store.codec, terms, old, new)?;
                            }
                            (SyncRecord::Week(w), old, _) => {
                                let old_terms = match old {
                                    Some(SyncValue::Week(o)) => index::week_docs(o).1,
                                    _ => Vec::new(),
                                };
                                let (doc, list) = week_doc
                                    .clone()
                                    .unwrap_or_else(|| (index::week_doc(w), Vec::new()));
                                index::set_doc(&store.codec, terms, &doc, &old_terms, &list)?;
                            }
                            _ => {}
                        }
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

/// Whether `id` is one of the person's own prompts' ids counted by the store before ids were
/// random (`u-12`). A random id is 16 hex digits, and one in about 1,800 has no letter among
/// them (`u-9335467534320061`): a count never reaches 16 digits, so such an id stays random
/// (taken for a count, it was renamed at every import, and on each computer to another id).
pub(crate) fn counted_prompt_id(id: &str) -> bool {
    id.strip_prefix("u-").is_some_and(|n| {
        (1..RANDOM_ID_DIGITS).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit())
    })
}

/// The hex digits of a random id of one of the person's own prompts (`new_user_prompt_id`).
pub(crate) const RANDOM_ID_DIGITS: usize = 16;

impl Journal {
    /// Gives each of the person's own prompts whose id was counted (`u-12`, from before ids
    /// were random) a random one, in the library, the days that showed it and the weeks that
    /// answered it, in one durable transaction: ids counted on two computers would name two
    /// different prompts once they sync. Returns how many were renamed.
    pub(crate) fn sync_unique_prompt_ids(&self) -> Result<usize> {
        // Every record of the journal: to sled directly, not to the redo log.
        self.write_bulk(|store| {
            let mut renamed: Vec<(String, crate::model::Prompt)> = Vec::new();
            for prompt in store.all_prompts()? {
                if prompt.origin == crate::model::PromptOrigin::User
                    && counted_prompt_id(&prompt.id)
                {
                    let id = prompt_library::new_user_prompt_id()?;
                    renamed.push((prompt.id.clone(), crate::model::Prompt { id, ..prompt }));
                }
            }
            if renamed.is_empty() {
                return Ok(0);
            }
            let new_id = |old: &str| {
                renamed
                    .iter()
                    .find(|(o, _)| o == old)
                    .map(|(_, p)| p.id.clone())
            };
            let mut days = Vec::new();
            for item in store.days.iter() {
                let (key, bytes) = item?;
                let mut day = store.open_day(&key, &bytes)?;
                if day.prompt_ids.iter().any(|id| new_id(id).is_some()) {
                    for id in &mut day.prompt_ids {
                        if let Some(next) = new_id(id) {
                            *id = next;
                        }
                    }
                    days.push((key.to_vec(), store.seal_day(&day)?));
                }
            }
            let mut weeks = Vec::new();
            for item in store.weeks.iter() {
                let (key, bytes) = item?;
                let mut week = store.open_week(&key, &bytes)?;
                if week.answers.iter().any(|a| new_id(&a.prompt_id).is_some()) {
                    for answer in &mut week.answers {
                        if let Some(next) = new_id(&answer.prompt_id) {
                            answer.prompt_id = next;
                        }
                    }
                    weeks.push((key.to_vec(), store.seal_week(&week)?));
                }
            }
            let prompts: Vec<(String, String, Vec<u8>)> = renamed
                .iter()
                .map(|(old, p)| Ok((old.clone(), p.id.clone(), store.seal_prompt(p)?)))
                .collect::<Result<_>>()?;
            transact(
                (&store.prompts, &store.days, &store.weeks).transaction(|(p, d, w)| {
                    for (old, new, bytes) in &prompts {
                        p.remove(old.as_bytes())?;
                        p.insert(new.as_bytes(), bytes.as_slice())?;
                    }
                    for (key, bytes) in &days {
                        d.insert(key.as_slice(), bytes.as_slice())?;
                    }
                    for (key, bytes) in &weeks {
                        w.insert(key.as_slice(), bytes.as_slice())?;
                    }
                    Ok(())
                }),
            )?;
            Ok(prompts.len())
        })
    }

    /// `sync_apply` for the prompt library: the prompts become `wanted` (one not wanted is
    /// removed), with what was settled, in one transaction, only if the library's revision is
    /// still `seen`.
    fn sync_apply_prompts(
        &self,
        seen: &Seen,
        wanted: &[crate::model::Prompt],
        settled: &[(String, Vec<u8>)],
    ) -> Result<bool> {
        self.write(|store| {
            let held = store.all_prompts()?;
            let sealed: Vec<(String, Vec<u8>)> = wanted
                .iter()
                .filter(|p| !held.contains(p))
                .map(|p| Ok((p.id.clone(), store.seal_prompt(p)?)))
                .collect::<Result<_>>()?;
            let gone: Vec<&str> = held
                .iter()
                .filter(|h| !wanted.iter().any(|w| w.id == h.id))
                .map(|h| h.id.as_str())
                .collect();
            apply_revised(
                store,
                &store.prompts,
                SyncRecord::Prompts,
                seen,
                settled,
                |prompts, _| {
                    for id in &gone {
                        prompts.remove(id.as_bytes())?;
                    }
                    for (id, bytes) in &sealed {
                        prompts.insert(id.as_bytes(), bytes.as_slice())?;
                    }
                    Ok(())
                },
            )
        })
    }

    /// `sync_apply` for the events: the events become `wanted` (an event kept keeps its id, a
    /// new one, id 0, gets the next free id, one not wanted is removed), with what was settled,
    /// in one transaction, only if the events' revision is still `seen`.
    fn sync_apply_events(
        &self,
        seen: &Seen,
        wanted: &[crate::cycle::CycleEvent],
        settled: &[(String, Vec<u8>)],
    ) -> Result<bool> {
        self.write(|store| {
            let held: Vec<u64> = all_events(store)?.iter().map(|e| e.id).collect();
            let keep: std::collections::BTreeSet<u64> =
                wanted.iter().map(|e| e.id).filter(|id| *id != 0).collect();
            apply_revised(
                store,
                &store.events,
                SyncRecord::Events,
                seen,
                settled,
                |events, meta| {
                    for id in held.iter().filter(|id| !keep.contains(id)) {
                        events.remove(&cycle::event_key(*id)[..])?;
                    }
                    let mut next = cycle::event_seq(store, meta)?;
                    for event in wanted {
                        let mut event = event.clone();
                        if event.id == 0 || !held.contains(&event.id) {
                            while held.contains(&next)
                                || events.get(cycle::event_key(next))?.is_some()
                            {
                                next += 1;
                            }
                            event.id = next;
                            next += 1;
                        }
                        cycle::insert_event(store, events, &event)?;
                    }
                    cycle::set_event_seq(store, meta, next)
                },
            )
        })
    }
}

/// Sync's write of a record of many keys (the events, the prompts): `write` changes `tree`
/// (with `meta` at hand), in one transaction with the record's revision moved on and what was
/// settled, only if the revision is still `seen` (what was read, outside the transaction,
/// since a transaction cannot walk a tree, is then what is stored). No mark: the write is
/// sync's own. `Ok(false)`, and nothing written, when the record was written since.
fn apply_revised(
    store: &Store,
    tree: &redo::Tree,
    record: SyncRecord,
    seen: &Seen,
    settled: &[(String, Vec<u8>)],
    write: impl Fn(
        &redo::TxTree,
        &redo::TxTree,
    ) -> std::result::Result<(), ConflictableTransactionError<KeelError>>,
) -> Result<bool> {
    let settled = seal_settled(&store.codec, settled)?;
    let rev = place(store, record).2;
    transact(
        (tree, &store.meta, &store.sync_applied).transaction(|(records, meta, applied)| {
            if meta.get(&rev)?.as_deref() != seen.bytes() {
                return Ok(false);
            }
            write(records, meta)?;
            cycle::bump_rev(store, meta, &rev)?;
            for (field, bytes) in &settled {
                applied.insert(field.as_bytes(), bytes.as_slice())?;
            }
            Ok(true)
        }),
    )
}

fn seal_settled(codec: &Codec, settled: &[(String, Vec<u8>)]) -> Result<Vec<(String, Vec<u8>)>> {
    settled
        .iter()
        .map(|(field, bytes)| Ok((field.clone(), codec.seal(APPLIED, field.as_bytes(), bytes)?)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_short_runs_of_digits_are_counted_prompt_ids() {
        assert!(counted_prompt_id("u-1"));
        assert!(counted_prompt_id("u-12"));
        assert!(counted_prompt_id("u-123456789012345"));
        // Random ids, the second without a letter.
        assert!(!counted_prompt_id("u-6cbcea281a5f215b"));
        assert!(!counted_prompt_id("u-9335467534320061"));
        assert!(!counted_prompt_id("u-"));
        assert!(!counted_prompt_id("s-003"));
        assert!(!counted_prompt_id("u-12a"));
    }
}
