//! How an import is written: a large one's pages into a fresh store (`import_fresh`), a
//! smaller one's in chunks of pages (each chunk's pages and import marks in one transaction,
//! the index gathered over chunks and written in batches behind a dirty mark); then one last
//! transaction (weeks, prompts, settings, values, events) and one sync at the end.
//!
//! The room's shared types and constants live in `store/mod.rs` (`use super::*`).

use super::*;

/// Pages written per transaction in an import: a chunk's records and its transaction's write
/// set stay within tens of MiB. (Measured at 100,000 jrnl entries with the index gathered as
/// below: 5,000 took 28 s and 557–566 MiB; 10,000 with an index write per chunk 34.5 s and
/// 564 MiB; 2,500, 31 s and 606 MiB.)
#[cfg(not(test))]
const IMPORT_CHUNK_DAYS: usize = 5_000;
/// The unit tests import across several chunks with a handful of days.
#[cfg(test)]
pub(crate) const IMPORT_CHUNK_DAYS: usize = 7;

/// Postings an import gathers, over as many chunks of pages as it takes, before it writes them
/// (about 6 bytes each, so some 18 MiB, and up to twice that as the lists grow): each write
/// rewrites the last chunk of every list it touches, so this sets how often a frequent word's
/// list is rewritten (about every 14,000 pages of prose). The index is marked dirty for the
/// whole import, so postings not yet written when it stops are rebuilt at the next open.
#[cfg(not(test))]
const IMPORT_GATHER_POSTINGS: usize = 3_000_000;
/// Small in the unit tests, so an import writes its index both between chunks and at the end.
#[cfg(test)]
const IMPORT_GATHER_POSTINGS: usize = 40;

/// Adds the `grouped` import marks to their buckets inside a transaction.
fn write_marks(
    codec: &Codec,
    imported: &redo::TxTree,
    grouped: &std::collections::BTreeMap<Vec<u8>, Vec<(&str, [u8; 4])>>,
) -> std::result::Result<(), ConflictableTransactionError<KeelError>> {
    for (key, new_marks) in grouped {
        let mut bucket = match imported.get(key)? {
            Some(stored) => import_marks::open_bucket(codec, key, &stored)
                .map_err(ConflictableTransactionError::Abort)?,
            None => import_marks::Bucket::new(),
        };
        for (mark, day) in new_marks {
            bucket.insert((*mark).to_owned(), *day);
        }
        let sealed = import_marks::seal_bucket(codec, key, &bucket)
            .map_err(ConflictableTransactionError::Abort)?;
        imported.insert(key.as_slice(), sealed)?;
    }
    Ok(())
}

/// Everything one import writes, applied chunk by chunk and synced once (`apply_import`).
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

impl ImportBatch {
    /// Whether the batch holds nothing to write.
    pub fn is_empty(&self) -> bool {
        let ImportBatch {
            days,
            weeks,
            prompts,
            settings,
            values,
            events,
            marks,
        } = self;
        days.is_empty()
            && weeks.is_empty()
            && prompts.is_empty()
            && settings.is_none()
            && values.is_none()
            && events.is_empty()
            && marks.is_empty()
    }
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

    /// Applies an import, durably: every record is encoded, and so checked, before anything is
    /// written.
    ///
    /// A large import (`COMPACT_AFTER_IMPORT` pages or more, and at least a quarter of the
    /// store's log in size) writes its pages, their marks and the whole index into a fresh
    /// store with everything the journal holds (`import_fresh`): a crash before it takes the
    /// old store's place leaves the journal as it was.
    ///
    /// Otherwise the pages go in chunks of `IMPORT_CHUNK_DAYS`, each chunk's pages and its
    /// entries' import marks in one transaction, their index changes gathered and written
    /// every `IMPORT_GATHER_POSTINGS`; the batch is taken by value and each chunk's pages are
    /// dropped once written. The index is marked dirty for the whole import, so a crash
    /// anywhere is followed by a rebuild at the next open. A crash between chunks leaves whole
    /// days with their marks: the same import run again skips what came in and brings the
    /// rest (never twice, since a day's text and its marks are written together).
    ///
    /// Last, in either case, the weeks, prompts, settings, values and events (and the marks
    /// of entries whose page was not written) go in one transaction.
    pub fn apply_import(&self, mut batch: ImportBatch) -> Result<()> {
        let n_records = batch.days.len() + batch.weeks.len();
        let mut record_bytes = 0;
        for d in &batch.days {
            record_bytes += records::encode_day(d)?.len();
        }
        let weeks: Vec<([u8; 5], Vec<u8>)> = batch
            .weeks
            .iter()
            .map(|w| Ok((week_key(w.week), records::encode_week(w)?)))
            .collect::<Result<_>>()?;
        record_bytes += weeks.iter().map(|(_, v)| v.len()).sum::<usize>();
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
        let large = record_bytes as u64 * 4 >= log_before;
        let fresh = large && batch.days.len() >= COMPACT_AFTER_IMPORT;
        if fresh {
            let mut pages = std::mem::take(&mut batch.days);
            // Stable: of two pages of one date, the last stays last (and wins).
            pages.sort_by_key(|d| d.date);
            let (page_marks, rest) = std::mem::take(&mut batch.marks)
                .into_iter()
                .partition(|(_, date)| pages.binary_search_by_key(date, |d| d.date).is_ok());
            batch.marks = rest;
            self.import_fresh(pages, page_marks)?;
        }
        // Tens of thousands of pages at most: written to sled directly, not to the redo log.
        self.write_bulk(|store| {
            let codec = &store.codec;
            store.meta.insert(index::INDEX_DIRTY_KEY, &[1u8][..])?;
            // Each entry's mark goes with its day's chunk; a mark for a date without a page in
            // the batch goes with the last transaction.
            let mut marks: std::collections::BTreeMap<NaiveDate, Vec<&str>> = Default::default();
            for (mark, date) in &batch.marks {
                marks.entry(*date).or_default().push(mark.as_str());
            }
            let mut pages = batch.days.into_iter();
            let mut gather = index::Gather::default();
            loop {
                let chunk: Vec<DayEntry> = pages.by_ref().take(IMPORT_CHUNK_DAYS).collect();
                if chunk.is_empty() {
                    break;
                }
                let chunk = chunk.as_slice();
                let days: Vec<([u8; 4], Vec<u8>)> = chunk
                    .iter()
                    .map(|d| {
                        let key = day_key(d.date);
                        Ok((key, codec.seal(DAYS, &key, &records::encode_day(d)?)?))
                    })
                    .collect::<Result<_>>()?;
                let chunk_marks: Vec<(&str, [u8; 4])> = chunk
                    .iter()
                    .flat_map(|d| {
                        let key = day_key(d.date);
                        marks
                            .remove(&d.date)
                            .unwrap_or_default()
                            .into_iter()
                            .map(move |m| (m, key))
                    })
                    .collect();
                let buckets = import_marks::group(codec, chunk_marks);
                let replaced: Mutex<Vec<(Vec<u8>, sled::IVec)>> = Mutex::default();
                transact(
                    (&store.days, &store.imported, &store.sync_dirty).transaction(
                        |(d, i, dirty)| {
                            let mut replaced = replaced.lock().unwrap_or_else(|p| p.into_inner());
                            // A transaction may run again after a conflict: start afresh each time.
                            replaced.clear();
                            for (k, v) in &days {
                                if let Some(old) = d.insert(&k[..], v.as_slice())? {
                                    replaced.push((k.to_vec(), old));
                                }
                            }
                            for day in chunk {
                                sync_marks::mark(dirty, sync_marks::SyncRecord::Day(day.date))?;
                            }
                            write_marks(codec, i, &buckets)?;
                            Ok(())
                        },
                    ),
                )?;
                drop(days);
                // A page the import appended to changes its documents' terms; a new one
                // only adds.
                let mut before: std::collections::HashMap<NaiveDate, DayEntry> = Default::default();
                for (key, bytes) in replaced.into_inner().unwrap_or_else(|p| p.into_inner()) {
                    let old = store.open_day(&key, &bytes)?;
                    before.insert(old.date, old);
                }
                for day in chunk {
                    match before.remove(&day.date) {
                        Some(old) => gather.change_day(&old, day)?,
                        None => gather.add_day(day)?,
                    }
                }
                if gather.len() >= IMPORT_GATHER_POSTINGS {
                    std::mem::take(&mut gather).write(codec, &store.search_terms)?;
                }
            }
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
            let mut prompt_batch = redo::Batch::default();
            for (k, v) in &prompts {
                prompt_batch.insert(k.as_bytes(), codec.seal(PROMPTS, k.as_bytes(), v)?);
            }
            let leftover: Vec<(&str, [u8; 4])> = marks
                .iter()
                .flat_map(|(date, list)| list.iter().map(move |m| (*m, day_key(*date))))
                .collect();
            let buckets = import_marks::group(codec, leftover);
            let replaced: Mutex<Vec<(Vec<u8>, sled::IVec)>> = Mutex::default();
            transact(
                (
                    &store.weeks,
                    &store.prompts,
                    &store.meta,
                    &store.imported,
                    &store.events,
                    &store.sync_dirty,
                )
                    .transaction(|(w, p, m, i, e, dirty)| {
                        let mut replaced = replaced.lock().unwrap_or_else(|p| p.into_inner());
                        replaced.clear();
                        for (k, v) in &weeks {
                            if let Some(old) = w.insert(&k[..], v.as_slice())? {
                                replaced.push((k.to_vec(), old));
                            }
                        }
                        for week in &batch.weeks {
                            sync_marks::mark(dirty, sync_marks::SyncRecord::Week(week.week))?;
                        }
                        p.apply_batch(&prompt_batch)?;
                        if !prompts.is_empty() {
                            sync_marks::revise(store, m, dirty, sync_marks::SyncRecord::Prompts)?;
                        }
                        if let Some(bytes) = &settings {
                            m.insert(SETTINGS_KEY, bytes.as_slice())?;
                            sync_marks::mark(dirty, sync_marks::SyncRecord::Settings)?;
                        }
                        if let Some(bytes) = &values {
                            m.insert(VALUES_KEY, bytes.as_slice())?;
                            sync_marks::mark(dirty, sync_marks::SyncRecord::Values)?;
                        }
                        cycle::import_events(store, e, m, dirty, &batch.events)?;
                        write_marks(codec, i, &buckets)?;
                        Ok(())
                    }),
            )?;
            let mut old_terms: std::collections::HashMap<Vec<u8>, Vec<String>> = Default::default();
            for (key, bytes) in replaced.into_inner().unwrap_or_else(|p| p.into_inner()) {
                old_terms.extend([index::week_docs(&store.open_week(&key, &bytes)?)]);
            }
            // The weeks' changes join the pages' last ones: one write of what is gathered.
            for (doc, new) in batch.weeks.iter().map(index::week_docs) {
                let old = old_terms.remove(&doc).unwrap_or_default();
                gather.change(&doc, &old, &new)?;
            }
            gather.write(codec, &store.search_terms)?;
            store.meta.remove(index::INDEX_DIRTY_KEY)?;
            Ok(())
        })?;
        if !fresh && large && n_records >= COMPACT_AFTER_IMPORT {
            // Best effort: the import is durable already, and a copy that fails leaves the
            // journal as it was (or finishes its swap at the next call).
            let _ = self.compact();
        }
        Ok(())
    }
}
