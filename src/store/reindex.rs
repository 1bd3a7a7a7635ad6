//! The search index checked at open: rebuilt when it is missing, older or marked dirty.
//!
//! The room's shared types and constants live in `store/mod.rs` (`use super::*`).

use super::*;

impl Store {
    /// Rebuilds the search index when it is missing, older than this build's, or was left
    /// half-written by an interrupted import; returns how many documents it indexed.
    pub(super) fn check_index(&self) -> Result<usize> {
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
                index::batch_add(&self.codec, &self.search_terms, items.drain(..))?;
            }
        }
        for item in self.weeks.iter() {
            let (key, bytes) = item?;
            let (doc, new) = index::week_docs(&self.open_week(&key, &bytes)?);
            items.push((doc, Vec::new(), new));
            n_records += 1;
        }
        index::batch_add(&self.codec, &self.search_terms, items)?;
        self.meta.insert(
            index::INDEX_VERSION_KEY,
            &index::INDEX_VERSION.to_be_bytes(),
        )?;
        self.meta.remove(index::INDEX_DIRTY_KEY)?;
        self.sync()?;
        Ok(n_records)
    }
}
