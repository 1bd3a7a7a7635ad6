//! Hooks only tests use: a prompt written behind the library's back, a wrecked index, the tree
//! names, a forgotten library fingerprint.
//!
//! The room's shared types and constants live in `store/mod.rs` (`use super::*`).

use super::*;

impl Journal {
    /// Writes a prompt record as given (tests of the library merge).
    pub(crate) fn put_prompt_for_test(&self, prompt: &Prompt) {
        let store = self.store().unwrap();
        store
            .prompts
            .insert(prompt.id.as_bytes(), store.seal_prompt(prompt).unwrap())
            .unwrap();
        store.sync().unwrap();
    }

    /// Empties the search index and leaves what an index of version 3 left beside it, as a
    /// journal from an older build (or an import that stopped half-way) would.
    #[allow(clippy::disallowed_methods)] // a tree of an older build, then a checkpoint
    pub(crate) fn wreck_index_for_test(&self) {
        let store = self.store().unwrap();
        store.search_terms.clear().unwrap();
        let old_docs = store.db.open_tree(index::OLD_DOCS_TREE).unwrap();
        old_docs
            .insert(b"r\x00\x00\x00\x01", &b"forecast"[..])
            .unwrap();
        store
            .meta
            .insert(index::INDEX_VERSION_KEY, &3u32.to_be_bytes())
            .unwrap();
        store.sync().unwrap();
    }

    /// The names of the sled trees the store holds.
    pub(crate) fn tree_names_for_test(&self) -> Vec<String> {
        let store = self.store().unwrap();
        let names = store.db.tree_names();
        names
            .iter()
            .map(|n| String::from_utf8_lossy(n).into_owned())
            .collect()
    }

    /// Forgets which library was merged, so the next open merges again.
    pub(crate) fn forget_library_fingerprint_for_test(&self) {
        let store = self.store().unwrap();
        store.meta.remove(PROMPT_LIBRARY_KEY).unwrap();
        store.sync().unwrap();
    }
}
