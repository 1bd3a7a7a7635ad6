//! Days: reads, saves (a patch validated before anything is written, re-indexed in the same
//! transaction), deletes, ranges, the check-ins alone, and what the index knows (postings, tag
//! counts).
//!
//! The room's shared types and constants live in `store/mod.rs` (`use super::*`).

use super::*;

impl Journal {
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
        self.save_day_on(date, patch, None, now)
    }

    /// Saves `patch`, typed in an editor that had loaded `base`, as `save_day` does; when the
    /// page was saved again since it was loaded (sync brought another computer's edit, or
    /// `keel add` wrote while the window was open), the two are merged (`DayPatch::rebased`):
    /// nothing typed on either side is written over.
    pub fn save_day_over(
        &self,
        date: NaiveDate,
        patch: &DayPatch,
        base: &DayPatch,
        now: DateTime<FixedOffset>,
    ) -> Result<DayEntry> {
        let tr = crate::i18n::tr(self.lang()?);
        let names = (
            tr.get("merge-typed-here", &[]),
            tr.get("merge-saved-meanwhile", &[]),
        );
        self.save_day_on(date, patch, Some((base, names)), now)
    }

    fn save_day_on(
        &self,
        date: NaiveDate,
        patch: &DayPatch,
        base: Option<(&DayPatch, (String, String))>,
        now: DateTime<FixedOffset>,
    ) -> Result<DayEntry> {
        let key = day_key(date);
        self.write(|store| {
            transact(
                (&store.days, &store.search_terms, &store.sync_dirty).transaction(
                    |(days, terms, dirty)| {
                        let old = days
                            .get(key)?
                            .map(|bytes| store.open_day(&key, &bytes))
                            .transpose()
                            .map_err(ConflictableTransactionError::Abort)?;
                        let rebased = base.as_ref().map(|(base, (ours, theirs))| {
                            patch.rebased(base, old.as_ref(), (ours, theirs))
                        });
                        let next = rebased
                            .as_ref()
                            .unwrap_or(patch)
                            .apply_to(old.as_ref().unwrap_or(&DayEntry::new(date, now)), now)
                            .map_err(ConflictableTransactionError::Abort)?;
                        let bytes = store
                            .seal_day(&next)
                            .map_err(ConflictableTransactionError::Abort)?;
                        days.insert(&key[..], bytes)?;
                        index::reindex_day(&store.codec, terms, old.as_ref(), Some(&next))?;
                        sync_marks::mark(dirty, sync_marks::SyncRecord::Day(date))?;
                        Ok(next)
                    },
                ),
            )
        })
    }

    /// Stores `entry` whole, replacing any page of its date, durably (and indexed).
    pub fn put_day(&self, entry: &DayEntry) -> Result<()> {
        let key = day_key(entry.date);
        self.write(|store| {
            let bytes = store.seal_day(entry)?;
            transact(
                (&store.days, &store.search_terms, &store.sync_dirty).transaction(
                    |(days, terms, dirty)| {
                        let old = days
                            .insert(&key[..], bytes.as_slice())?
                            .map(|bytes| store.open_day(&key, &bytes))
                            .transpose()
                            .map_err(ConflictableTransactionError::Abort)?;
                        index::reindex_day(&store.codec, terms, old.as_ref(), Some(entry))?;
                        sync_marks::mark(dirty, sync_marks::SyncRecord::Day(entry.date))?;
                        Ok(())
                    },
                ),
            )
        })
    }

    /// Deletes the page for `date` and its index entries, durably. Returns whether there was one.
    pub fn delete_day(&self, date: NaiveDate) -> Result<bool> {
        self.write(|store| {
            transact(
                (&store.days, &store.search_terms, &store.sync_dirty).transaction(
                    |(days, terms, dirty)| {
                        let key = day_key(date);
                        let old = days
                            .remove(&key[..])?
                            .map(|bytes| store.open_day(&key, &bytes))
                            .transpose()
                            .map_err(ConflictableTransactionError::Abort)?;
                        index::reindex_day(&store.codec, terms, old.as_ref(), None)?;
                        if old.is_some() {
                            sync_marks::mark(dirty, sync_marks::SyncRecord::Day(date))?;
                        }
                        Ok(old.is_some())
                    },
                ),
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
    /// text (the charts' fast path). Pages more than `PAGES_UP_TO` days apart are read from the
    /// index's check-in marks (`index::Mark`: a few dozen lists, about ten entries a page)
    /// rather than page by page: all of the trends of 100,000 pages read 130 MB of records.
    pub fn check_ins(
        &self,
        range: impl RangeBounds<NaiveDate>,
    ) -> Result<Vec<(NaiveDate, crate::model::CheckIn)>> {
        let (first, last) = {
            let store = self.store()?;
            let bounds = day_bounds(&range);
            let date = |item: Option<sled::Result<(sled::IVec, sled::IVec)>>| -> Result<_> {
                item.transpose()?
                    .map(|(k, _)| {
                        date_from_key(&k).ok_or_else(|| KeelError::Corrupt {
                            what: "day page".into(),
                            detail: "a key that is not a date".into(),
                        })
                    })
                    .transpose()
            };
            let mut days = store.days.range(bounds);
            let first = date(days.next())?;
            // One page in the range: it is the last as well.
            (first, date(days.next_back())?.or(first))
        };
        match (first, last) {
            (Some(first), Some(last)) if (last - first).num_days() > PAGES_UP_TO => {
                self.check_ins_marked(first, last)
            }
            (Some(first), Some(last)) => self.check_ins_read(first..=last),
            _ => Ok(Vec::new()),
        }
    }

    /// `check_ins` read from every page's record.
    pub(crate) fn check_ins_read(
        &self,
        range: impl RangeBounds<NaiveDate>,
    ) -> Result<Vec<(NaiveDate, crate::model::CheckIn)>> {
        let store = self.store()?;
        store
            .days
            .range(day_bounds(&range))
            .map(|item| {
                let (key, bytes) = item?;
                records::decode_check_in(&store.codec.open(DAYS, &key, &bytes)?)
            })
            .collect()
    }

    /// `check_ins` from `first` to `last` read from the index's marks of the check-ins.
    pub(crate) fn check_ins_marked(
        &self,
        first: NaiveDate,
        last: NaiveDate,
    ) -> Result<Vec<(NaiveDate, crate::model::CheckIn)>> {
        use chrono::Datelike;
        let in_range = |doc: &Doc| match doc {
            Doc::Day(date, DocKind::Tags) if (first..=last).contains(date) => Some(*date),
            _ => None,
        };
        let mut out: Vec<(NaiveDate, crate::model::CheckIn)> = self
            .postings(&index::Mark::Day.term())?
            .iter()
            .filter_map(in_range)
            .map(|date| (date, crate::model::CheckIn::default()))
            .collect();
        out.sort_unstable_by_key(|(date, _)| *date);
        out.dedup_by_key(|(date, _)| *date);
        // Each day's place in `out`: by its distance in days from the first, in a table, when
        // the pages are dense enough for one (dates years apart would make it huge), else by a
        // search of `out`'s sorted dates.
        let base = first.num_days_from_ce();
        let span = usize::try_from((last - first).num_days()).unwrap_or(usize::MAX);
        let table = (span <= 4 * out.len() + 4096).then(|| {
            let mut place = vec![u32::MAX; span + 1];
            for (i, (date, _)) in out.iter().enumerate() {
                place[(date.num_days_from_ce() - base) as usize] = i as u32;
            }
            place
        });
        let place_of = |out: &[(NaiveDate, crate::model::CheckIn)], date: NaiveDate| match &table {
            Some(place) => place[(date.num_days_from_ce() - base) as usize] as usize,
            None => out
                .binary_search_by_key(&date, |(d, _)| *d)
                .unwrap_or(usize::MAX),
        };
        for mark in index::Mark::all() {
            if mark == index::Mark::Day {
                continue;
            }
            for date in self.postings(&mark.term())?.iter().filter_map(in_range) {
                let at = place_of(&out, date);
                // A mark of a day without a page: the index is damaged.
                let (_, check_in) = out
                    .get_mut(at)
                    .ok_or_else(|| damaged_marks(date, "a mark of a day without a page"))?;
                mark.apply(check_in);
            }
        }
        for (date, check_in) in &out {
            check_in
                .validate()
                .map_err(|_| damaged_marks(*date, "a check-in outside its scales"))?;
        }
        Ok(out)
    }

    /// The documents whose words include `term` (already folded).
    pub fn postings(&self, term: &str) -> Result<Vec<Doc>> {
        let store = self.store()?;
        let prefix = index::term_prefix(&store.codec, term);
        let mut found = Vec::new();
        for item in store.search_terms.scan_prefix(&prefix) {
            let (key, stored) = item?;
            let list = index::open_list(&store.codec, &key, &stored)?;
            found.extend(index::stored_docs(prefix.len(), &key, &list)?);
        }
        Ok(found)
    }

    /// The documents `term` appears in, highest `Doc::recency` first (newest first), read
    /// a chunk of the term's list at a time as the iterator is advanced.
    pub fn postings_newest_first(&self, term: &str) -> Result<Postings> {
        let store = self.store()?;
        Ok(index::newest_first(&store.codec, &store.search_terms, term))
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
            for (tag, n_days) in index::plain_tag_counts(&self.store()?.search_terms)? {
                *counts.entry(tag).or_default() += n_days;
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
}

/// Check-ins further apart than this are read from the index's marks (`Journal::check_ins`):
/// a page's record costs 1–3 µs, every mark of a 100,000-page journal about 25 ms.
const PAGES_UP_TO: i64 = 1_000;

/// The keys of the days in `range`.
fn day_bounds(range: &impl RangeBounds<NaiveDate>) -> (Bound<[u8; 4]>, Bound<[u8; 4]>) {
    let map = |bound: Bound<&NaiveDate>| match bound {
        Bound::Included(d) => Bound::Included(day_key(*d)),
        Bound::Excluded(d) => Bound::Excluded(day_key(*d)),
        Bound::Unbounded => Bound::Unbounded,
    };
    (map(range.start_bound()), map(range.end_bound()))
}

/// The index's marks of the check-ins disagree with the pages.
fn damaged_marks(date: NaiveDate, detail: &str) -> KeelError {
    KeelError::Corrupt {
        what: "search index".into(),
        detail: format!("{detail} ({date})"),
    }
}
