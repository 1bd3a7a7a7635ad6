//! The search index checked at open: rebuilt when it is missing, older or marked dirty.
//!
//! The room's shared types and constants live in `store/mod.rs` (`use super::*`).

use super::*;

/// Postings a rebuild gathers before it writes them (about 6 bytes each, so some 12 MiB):
/// each write rewrites the last chunk of every list it touches, so fewer, larger batches
/// write less.
const REBUILD_BATCH_POSTINGS: usize = 2_000_000;

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
        let mut gather = index::Gather::default();
        let mut n_records = 0;
        for item in self.days.iter() {
            let (key, bytes) = item?;
            gather.add_day(&self.open_day(&key, &bytes)?)?;
            n_records += 1;
            if gather.len() >= REBUILD_BATCH_POSTINGS {
                std::mem::take(&mut gather).write(&self.codec, &self.search_terms)?;
            }
        }
        for item in self.weeks.iter() {
            let (key, bytes) = item?;
            gather.add_week(&self.open_week(&key, &bytes)?)?;
            n_records += 1;
        }
        gather.write(&self.codec, &self.search_terms)?;
        self.meta.insert(
            index::INDEX_VERSION_KEY,
            &index::INDEX_VERSION.to_be_bytes(),
        )?;
        self.meta.remove(index::INDEX_DIRTY_KEY)?;
        self.sync()?;
        Ok(n_records)
    }
}
