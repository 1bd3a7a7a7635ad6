//! How the store writes values and index terms: as they are, or sealed under the journal's
//! keys (`crate::crypto`) when the journal is encrypted.
//!
//! Sealed, every value of every tree is encrypted with the tree's name and the value's key as
//! associated data (a value moved to another key or tree does not open), except the counters
//! and versions in `meta` that hold no user data (`schema_version`, `writes`, the index's
//! version and dirty mark, the prompt library's fingerprint) and sync's marks (`sync_dirty`:
//! empty values under record names such as a date). Keys stay as they are where their
//! order matters or they say nothing: dates (`days`, `weeks`: which dates have pages),
//! prompt ids, `meta`'s names. Index terms become keyed hashes, and import marks are packed
//! into buckets named by bits of one (`marks`), so no word or foreign id is left in a key.
//! docs/SECURITY.md lists what this leaves visible.

use std::borrow::Cow;
use std::sync::Arc;

use crate::crypto::Keys;
use crate::error::Result;

/// `meta` keys whose values are stored as they are even when sealed.
const PLAIN_META: &[&[u8]] = &[
    b"schema_version",
    b"writes",
    b"search_index_version",
    b"search_index_dirty",
    b"prompt_library",
];

#[derive(Clone, Debug)]
pub(crate) enum Codec {
    Plain,
    Sealed(Arc<Keys>),
}

fn aad(tree: &str, key: &[u8]) -> Vec<u8> {
    let mut aad = Vec::with_capacity(tree.len() + 1 + key.len());
    aad.extend_from_slice(tree.as_bytes());
    aad.push(0);
    aad.extend_from_slice(key);
    aad
}

impl Codec {
    pub(crate) fn is_sealed(&self) -> bool {
        matches!(self, Codec::Sealed(_))
    }

    fn keeps_plain(tree: &str, key: &[u8]) -> bool {
        (tree == "meta" && PLAIN_META.contains(&key)) || tree == super::sync_marks::DIRTY
    }

    /// The bytes to store for `value` under `key` in `tree`.
    pub(crate) fn seal(&self, tree: &str, key: &[u8], value: &[u8]) -> Result<Vec<u8>> {
        match self {
            Codec::Sealed(keys) if !Codec::keeps_plain(tree, key) => {
                keys.seal(&aad(tree, key), value)
            }
            _ => Ok(value.to_vec()),
        }
    }

    /// The value stored under `key` in `tree`.
    pub(crate) fn open<'a>(
        &self,
        tree: &str,
        key: &[u8],
        stored: &'a [u8],
    ) -> Result<Cow<'a, [u8]>> {
        match self {
            Codec::Sealed(keys) if !Codec::keeps_plain(tree, key) => {
                keys.open(&aad(tree, key), stored).map(Cow::Owned)
            }
            _ => Ok(Cow::Borrowed(stored)),
        }
    }

    /// The leading part of every index key of `term`: the term and a 0 byte, or, sealed, the
    /// term's 16-byte keyed hash.
    pub(crate) fn term(&self, term: &str) -> Vec<u8> {
        match self {
            Codec::Plain => {
                let mut key = Vec::with_capacity(term.len() + 1);
                key.extend_from_slice(term.as_bytes());
                key.push(0);
                key
            }
            Codec::Sealed(keys) => keys.term_id(term).to_vec(),
        }
    }

    /// A hash of an import mark (`source:id`) that picks its bucket (`marks`): BLAKE3, or,
    /// sealed, the journal's keyed hash.
    pub(crate) fn mark_hash(&self, mark: &str) -> [u8; 16] {
        match self {
            Codec::Plain => {
                let hash = blake3::hash(mark.as_bytes());
                let mut out = [0u8; 16];
                out.copy_from_slice(&hash.as_bytes()[..16]);
                out
            }
            Codec::Sealed(keys) => keys.term_id(&format!("import mark\0{mark}")),
        }
    }
}

/// The import marks' tree.
pub(crate) const IMPORTED: &str = "imported";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crypto::KdfParams;

    #[test]
    fn plain_stores_as_is_and_sealed_hides_all_but_counters() {
        let plain = Codec::Plain;
        assert_eq!(plain.seal("days", b"k", b"text").unwrap(), b"text");
        assert_eq!(plain.term("river"), b"river\0");
        let (keys, _) = Keys::create("p", KdfParams::FOR_TESTS).unwrap();
        let sealed = Codec::Sealed(Arc::new(keys));
        let stored = sealed.seal("days", b"k", b"text").unwrap();
        assert!(!stored.windows(4).any(|w| w == b"text"));
        assert_eq!(&*sealed.open("days", b"k", &stored).unwrap(), b"text");
        assert!(sealed.open("weeks", b"k", &stored).is_err(), "another tree");
        assert!(sealed.open("days", b"j", &stored).is_err(), "another key");
        assert_eq!(
            sealed.seal("meta", b"writes", b"12345678").unwrap(),
            b"12345678"
        );
        assert_ne!(sealed.seal("meta", b"settings", b"{}").unwrap(), b"{}");
        assert_eq!(sealed.term("river").len(), 16);
        assert_ne!(sealed.mark_hash("jrnl:2026"), plain.mark_hash("jrnl:2026"));
        assert_eq!(plain.mark_hash("jrnl:2026"), plain.mark_hash("jrnl:2026"));
    }
}
