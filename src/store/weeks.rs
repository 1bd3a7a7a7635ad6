//! Weeks: a week's reflection read, saved and listed, and the week holding a date in the person's
//! own week.
//!
//! The room's shared types and constants live in `store/mod.rs` (`use super::*`).

use super::*;

impl Journal {
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
                (&store.weeks, &store.search_terms, &store.sync_dirty).transaction(
                    |(weeks, terms, dirty)| {
                        sync_marks::mark(dirty, sync_marks::SyncRecord::Week(week.week))?;
                        let old = weeks
                            .insert(&key[..], bytes.as_slice())?
                            .map(|bytes| store.open_week(&key, &bytes))
                            .transpose()
                            .map_err(ConflictableTransactionError::Abort)?;
                        let old_terms = old.map(|w| index::week_docs(&w).1).unwrap_or_default();
                        index::set_doc(&store.codec, terms, &doc, &old_terms, &list)?;
                        Ok(())
                    },
                ),
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
        Ok(self.save_week_on(week, content, None, now)?.0)
    }

    /// Saves `content`, typed in an editor that had loaded `base`, as `save_week` does; when
    /// the page was saved again since it was loaded (sync brought another computer's edit),
    /// the two are merged (`WeekContent::rebased`): nothing typed on either side is lost.
    /// Also says whether the page stored differs from the one typed (a merge).
    pub fn save_week_over(
        &self,
        week: WeekId,
        content: WeekContent,
        base: WeekContent,
        now: DateTime<FixedOffset>,
    ) -> Result<(WeekReflection, bool)> {
        let tr = crate::i18n::tr(self.lang()?);
        let names = (
            tr.get("merge-typed-here", &[]),
            tr.get("merge-saved-meanwhile", &[]),
        );
        self.save_week_on(week, content, Some((base.validated()?, names)), now)
    }

    fn save_week_on(
        &self,
        week: WeekId,
        content: WeekContent,
        base: Option<(WeekContent, (String, String))>,
        now: DateTime<FixedOffset>,
    ) -> Result<(WeekReflection, bool)> {
        let content = content.validated()?;
        let key = week_key(week);
        self.write(|store| {
            transact(
                (&store.weeks, &store.search_terms, &store.sync_dirty).transaction(
                    |(weeks, terms, dirty)| {
                        sync_marks::mark(dirty, sync_marks::SyncRecord::Week(week))?;
                        let old = weeks
                            .get(key)?
                            .map(|bytes| store.open_week(&key, &bytes))
                            .transpose()
                            .map_err(ConflictableTransactionError::Abort)?;
                        let created_at = old.as_ref().map_or(now, |w| w.created_at);
                        let merged = match &base {
                            Some((base, (ours, theirs))) => {
                                let stored = old.clone().map(WeekReflection::into_content);
                                content
                                    .rebased(base, stored.as_ref(), (ours, theirs))
                                    .validated()
                                    .map_err(ConflictableTransactionError::Abort)?
                            }
                            None => content.clone(),
                        };
                        let differs = merged != content;
                        let next = WeekReflection::new(week, merged, created_at, now);
                        let bytes = store
                            .seal_week(&next)
                            .map_err(ConflictableTransactionError::Abort)?;
                        weeks.insert(&key[..], bytes)?;
                        let old_terms = old.map(|w| index::week_docs(&w).1).unwrap_or_default();
                        let (doc, list) = index::week_docs(&next);
                        index::set_doc(&store.codec, terms, &doc, &old_terms, &list)?;
                        Ok((next, differs))
                    },
                ),
            )
        })
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
}
