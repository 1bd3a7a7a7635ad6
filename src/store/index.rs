//! The search index, kept in two sled trees beside the pages and changed in the same
//! transaction as the page it describes (so a search never misses a saved word nor finds a
//! deleted one):
//! - `search_terms`: one posting list per term, kind of document and month: the key is
//!   `term 0x00 class year month` (`class` is `d` for a day's documents, `w` for weeks; `year`
//!   the 4-byte sign-flipped year of the date or ISO week; `month` 1–12, 0 for weeks), the
//!   value the sorted doc ids of that month (or ISO year, for weeks), end to end (5 bytes each
//!   for days, 6 for weeks). A prefix scan of `term 0x00` reads every posting of the term in a
//!   few values; a save rewrites only the lists of the words it added or removed, for the
//!   page's month (at most 93 ids each: a list per year made saves twice as slow). Version 1
//!   had one key per word and page, which made the journal about 12 times its text.
//!
//! The terms a document had before a change are taken from the record it replaces (read in the
//! same transaction), so no second tree is needed: version 3 kept `search_docs` (doc → terms),
//! which cost a fifth of a 100,000-page journal's size and of the time sled takes to open it.
//!
//! A document is one side of a day (`r` + day key, `s` + day key), a day's tags (`t` + day key,
//! terms `#tag`), or a week's reflection (`w` + week key). The index has a version in `meta`;
//! a journal whose index is missing, older, or marked dirty (an import stopped half-way) is
//! re-indexed when it opens.

use std::collections::BTreeSet;

use sled::transaction::{ConflictableTransactionError, TransactionalTree};

use super::codec::Codec;
use super::keys::{day_key, week_key};
use crate::error::KeelError;
use crate::model::{DayEntry, WeekReflection};
use crate::text;

/// The tree's name (associated data of its sealed values).
pub(crate) const TREE: &str = "search_terms";
/// Bumped whenever what is indexed, or how, changes: the index is then rebuilt at open.
pub(crate) const INDEX_VERSION: u32 = 4;
/// The tree version 3 kept beside `search_terms`; dropped when an older index is rebuilt.
pub(crate) const OLD_DOCS_TREE: &[u8] = b"search_docs";
pub(crate) const INDEX_VERSION_KEY: &[u8] = b"search_index_version";
pub(crate) const INDEX_DIRTY_KEY: &[u8] = b"search_index_dirty";

/// What kind of document a doc id names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DocKind {
    Role,
    Myself,
    Tags,
    Week,
}

impl DocKind {
    fn byte(self) -> u8 {
        match self {
            DocKind::Role => b'r',
            DocKind::Myself => b's',
            DocKind::Tags => b't',
            DocKind::Week => b'w',
        }
    }

    fn of(doc: &[u8]) -> Option<DocKind> {
        match doc.first()? {
            b'r' => Some(DocKind::Role),
            b's' => Some(DocKind::Myself),
            b't' => Some(DocKind::Tags),
            b'w' => Some(DocKind::Week),
            _ => None,
        }
    }
}

pub(crate) fn day_doc(kind: DocKind, date: chrono::NaiveDate) -> Vec<u8> {
    let mut id = vec![kind.byte()];
    id.extend_from_slice(&day_key(date));
    id
}

pub(crate) fn week_doc(week: crate::model::WeekId) -> Vec<u8> {
    let mut id = vec![DocKind::Week.byte()];
    id.extend_from_slice(&week_key(week));
    id
}

/// The key of the posting list that holds (or would hold) `doc` for `term`.
pub(crate) fn posting_key(codec: &Codec, term: &str, doc: &[u8]) -> Vec<u8> {
    let mut key = codec.term(term);
    let (class, year, month) = match Doc::decode(doc) {
        Some(Doc::Week(week)) => (b'w', week.year(), 0),
        Some(Doc::Day(date, _)) => (
            b'd',
            chrono::Datelike::year(&date),
            chrono::Datelike::month(&date) as u8,
        ),
        None => (b'?', 0, 0),
    };
    key.push(class);
    key.extend_from_slice(&((year as u32) ^ 0x8000_0000).to_be_bytes());
    key.push(month);
    key
}

/// The width of one doc id in the posting list under `key`.
fn width(key: &[u8]) -> usize {
    match key.get(key.len().wrapping_sub(6)) {
        Some(b'w') => 1 + 5,
        _ => 1 + 4,
    }
}

/// The doc ids in a posting list.
pub(crate) fn list_docs<'a>(key: &[u8], value: &'a [u8]) -> std::slice::ChunksExact<'a, u8> {
    value.chunks_exact(width(key))
}

/// `list` with `doc` added (`add`) or taken out, kept sorted; `None` when nothing changes.
fn edit_list(key: &[u8], list: &[u8], doc: &[u8], add: bool) -> Option<Vec<u8>> {
    let w = width(key);
    let ids: Vec<&[u8]> = list.chunks_exact(w).collect();
    match (ids.binary_search(&doc), add) {
        (Ok(_), true) | (Err(_), false) => None,
        (Err(at), true) => {
            let mut out = Vec::with_capacity(list.len() + w);
            out.extend_from_slice(&list[..at * w]);
            out.extend_from_slice(doc);
            out.extend_from_slice(&list[at * w..]);
            Some(out)
        }
        (Ok(at), false) => {
            let mut out = Vec::with_capacity(list.len());
            out.extend_from_slice(&list[..at * w]);
            out.extend_from_slice(&list[(at + 1) * w..]);
            Some(out)
        }
    }
}

/// The prefix of every posting list of `term`.
pub(crate) fn term_prefix(codec: &Codec, term: &str) -> Vec<u8> {
    codec.term(term)
}

fn unique_terms<'a>(texts: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let set: BTreeSet<String> = texts
        .into_iter()
        .flat_map(|t| text::words(t).into_iter().map(|(_, w)| w))
        .collect();
    set.into_iter().collect()
}

/// The documents of a day and their terms.
pub(crate) fn day_docs(entry: &DayEntry) -> [(Vec<u8>, Vec<String>); 3] {
    [
        (
            day_doc(DocKind::Role, entry.date),
            unique_terms([entry.role.as_str()]),
        ),
        (
            day_doc(DocKind::Myself, entry.date),
            unique_terms([entry.self_text.as_str()]),
        ),
        (
            day_doc(DocKind::Tags, entry.date),
            entry.tags.iter().map(|t| format!("#{t}")).collect(),
        ),
    ]
}

/// The document of a week and its terms.
pub(crate) fn week_docs(week: &WeekReflection) -> (Vec<u8>, Vec<String>) {
    let texts = week
        .answers
        .iter()
        .map(|a| a.text.as_str())
        .chain(week.role_gave.iter().map(String::as_str))
        .chain(week.role_cost.iter().map(String::as_str))
        .chain(std::iter::once(week.next_boundary.as_str()));
    (week_doc(week.week), unique_terms(texts))
}

type TxResult<T> = Result<T, ConflictableTransactionError<KeelError>>;

/// The terms to take out (`false`) and to add (`true`) when a document goes from `old` to `new`.
fn term_changes<'a>(
    old: &'a [String],
    new: &'a [String],
) -> impl Iterator<Item = (&'a String, bool)> + 'a {
    old.iter()
        .filter(|t| !new.contains(t))
        .map(|t| (t, false))
        .chain(new.iter().filter(|t| !old.contains(t)).map(|t| (t, true)))
}

/// Makes `doc`'s postings go from `old` terms to `new` ones (inside a transaction).
pub(crate) fn set_doc(
    codec: &Codec,
    terms: &TransactionalTree,
    doc: &[u8],
    old: &[String],
    new: &[String],
) -> TxResult<()> {
    for (t, add) in term_changes(old, new) {
        let key = posting_key(codec, t, doc);
        let list = match terms.get(&key)? {
            Some(stored) => codec
                .open(TREE, &key, &stored)
                .map_err(ConflictableTransactionError::Abort)?
                .into_owned(),
            None => Vec::new(),
        };
        if let Some(next) = edit_list(&key, &list, doc, add) {
            if next.is_empty() {
                terms.remove(key)?;
            } else {
                let sealed = codec
                    .seal(TREE, &key, &next)
                    .map_err(ConflictableTransactionError::Abort)?;
                terms.insert(key, sealed)?;
            }
        }
    }
    Ok(())
}

/// Re-indexes a day's three documents from the page they were (`old`, if any) to the page
/// they are (`new`, if any), inside a transaction.
pub(crate) fn reindex_day(
    codec: &Codec,
    terms: &TransactionalTree,
    old: Option<&DayEntry>,
    new: Option<&DayEntry>,
) -> TxResult<()> {
    let (Some(date), old, new) = (
        new.or(old).map(|e| e.date),
        old.map(day_docs),
        new.map(day_docs),
    ) else {
        return Ok(());
    };
    for (i, kind) in [DocKind::Role, DocKind::Myself, DocKind::Tags]
        .into_iter()
        .enumerate()
    {
        let no_terms = Vec::new();
        let before = old.as_ref().map_or(&no_terms, |docs| &docs[i].1);
        let after = new.as_ref().map_or(&no_terms, |docs| &docs[i].1);
        set_doc(codec, terms, &day_doc(kind, date), before, after)?;
    }
    Ok(())
}

/// One document's change for `batch_add`: its id, the terms it had, the terms it has.
pub(crate) type DocChange = (Vec<u8>, Vec<String>, Vec<String>);

/// Applies many documents' changes in one batch (used by a rebuild and after imports, where a
/// transaction over every posting would be too large).
pub(crate) fn batch_add(
    codec: &Codec,
    terms: &sled::Tree,
    items: &[DocChange],
) -> Result<(), KeelError> {
    // Every change to a posting list, grouped by list: (doc, add?), applied in order.
    let mut changes: std::collections::BTreeMap<Vec<u8>, Vec<(&[u8], bool)>> =
        std::collections::BTreeMap::new();
    for (doc, old, new) in items {
        for (t, add) in term_changes(old, new) {
            changes
                .entry(posting_key(codec, t, doc))
                .or_default()
                .push((doc, add));
        }
    }
    let mut term_batch = sled::Batch::default();
    for (key, edits) in changes {
        let mut list = match terms.get(&key)? {
            Some(stored) => codec.open(TREE, &key, &stored)?.into_owned(),
            None => Vec::new(),
        };
        let mut changed = false;
        for (doc, add) in edits {
            if let Some(next) = edit_list(&key, &list, doc, add) {
                list = next;
                changed = true;
            }
        }
        if !changed {
            continue;
        }
        if list.is_empty() {
            term_batch.remove(key);
        } else {
            let sealed = codec.seal(TREE, &key, &list)?;
            term_batch.insert(key, sealed);
        }
    }
    Ok(terms.apply_batch(term_batch)?)
}

/// A document the index points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Doc {
    Day(chrono::NaiveDate, DocKind),
    Week(crate::model::WeekId),
}

impl Doc {
    /// Reads a doc id back.
    pub(crate) fn decode(id: &[u8]) -> Option<Doc> {
        let kind = DocKind::of(id)?;
        match kind {
            DocKind::Week => super::keys::week_from_key(&id[1..]).map(Doc::Week),
            _ => super::keys::date_from_key(&id[1..]).map(|d| Doc::Day(d, kind)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn a_posting_list_stays_sorted_and_edits_are_idempotent() {
        let d = |y, m, day| day_doc(DocKind::Role, NaiveDate::from_ymd_opt(y, m, day).unwrap());
        let key = posting_key(&Codec::Plain, "river", &d(2026, 3, 1));
        assert_eq!(
            key,
            posting_key(&Codec::Plain, "river", &d(2026, 3, 31)),
            "one list per month"
        );
        assert_ne!(key, posting_key(&Codec::Plain, "river", &d(2026, 4, 1)));
        assert_ne!(key, posting_key(&Codec::Plain, "river", &d(2025, 3, 1)));
        let mut list = Vec::new();
        for doc in [d(2026, 3, 21), d(2026, 3, 2), d(2026, 3, 29)] {
            list = edit_list(&key, &list, &doc, true).unwrap();
        }
        assert_eq!(edit_list(&key, &list, &d(2026, 3, 2), true), None);
        let order: Vec<_> = list_docs(&key, &list)
            .map(|id| Doc::decode(id).unwrap())
            .collect();
        let dates: Vec<_> = order
            .iter()
            .map(|doc| match doc {
                Doc::Day(date, _) => date.to_string(),
                Doc::Week(_) => unreachable!(),
            })
            .collect();
        assert_eq!(dates, ["2026-03-02", "2026-03-21", "2026-03-29"]);
        list = edit_list(&key, &list, &d(2026, 3, 21), false).unwrap();
        assert_eq!(edit_list(&key, &list, &d(2026, 3, 21), false), None);
        assert_eq!(list_docs(&key, &list).len(), 2);

        let week: crate::model::WeekId = "2026-W01".parse().unwrap();
        let wkey = posting_key(&Codec::Plain, "river", &week_doc(week));
        let wl = edit_list(&wkey, &[], &week_doc(week), true).unwrap();
        assert_eq!(
            list_docs(&wkey, &wl)
                .map(|id| Doc::decode(id).unwrap())
                .collect::<Vec<_>>(),
            [Doc::Week(week)]
        );
    }
}
