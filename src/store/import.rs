//! Imports written in one transaction (pages, weeks, prompts, settings, values, events and their
//! import marks),
//! with the index updated in batches behind a dirty mark.
//!
//! The room's shared types and constants live in `store/mod.rs` (`use super::*`).

use super::*;

/// Everything one import writes, applied in one transaction and one sync: all or nothing.
#[derive(Debug, Default, Clone)]
pub struct ImportBatch {
    /// Pages to store whole (new pages, or existing pages with the imported text appended).
    pub days: Vec<DayEntry>,
    pub weeks: Vec<WeekReflection>,
    /// Prompt records to store whole (the user's own, and shipped ones they edited or hid).
    pub prompts: Vec<Prompt>,
    pub settings: Option<Settings>,
    /// The values after the import (the journal's own with the file's taken in).
    pub values: Option<crate::cycle::ValueBook>,
    /// Events to add (an id already taken, or 0, is given the next free one).
    pub events: Vec<crate::cycle::CycleEvent>,
    /// `source:id` marks of the entries imported, with the date each went to.
    pub marks: Vec<(String, NaiveDate)>,
}

impl Journal {
    /// Whether an entry with this `source:id` mark was imported before.
    pub fn was_imported(&self, mark: &str) -> Result<bool> {
        let store = self.store()?;
        let key = import_marks::bucket_key(&store.codec, mark);
        match store.imported.get(&key)? {
            Some(stored) => import_marks::holds(&store.codec, &key, &stored, mark),
            None => Ok(false),
        }
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
        let values = batch.values.as_ref().map(records::encode_values);
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
            let values = values
                .as_ref()
                .map(|bytes| codec.seal(META, VALUES_KEY, bytes))
                .transpose()?;
            // The records each import replaces (key, stored value), for their old index terms.
            type Replaced = Vec<(Vec<u8>, sled::IVec)>;
            let replaced: Mutex<(Replaced, Replaced)> = Mutex::default();
            let mut prompt_batch = sled::Batch::default();
            for (k, v) in &prompts {
                prompt_batch.insert(k.as_bytes(), codec.seal(PROMPTS, k.as_bytes(), v)?);
            }
            let mark_buckets = import_marks::group(
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
                    &store.events,
                )
                    .transaction(|(d, w, p, m, i, e)| {
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
                        if let Some(bytes) = &values {
                            m.insert(VALUES_KEY, bytes.as_slice())?;
                        }
                        cycle::import_events(store, e, m, &batch.events)?;
                        for (key, new_marks) in &mark_buckets {
                            let mut bucket = match i.get(key)? {
                                Some(stored) => import_marks::open_bucket(codec, key, &stored)
                                    .map_err(ConflictableTransactionError::Abort)?,
                                None => import_marks::Bucket::new(),
                            };
                            for (mark, day) in new_marks {
                                bucket.insert((*mark).to_owned(), *day);
                            }
                            let sealed = import_marks::seal_bucket(codec, key, &bucket)
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
