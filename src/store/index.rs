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
//! - `search_docs`: `doc` → its terms, newline-separated, to remove stale postings on change.
//!
//! A document is one side of a day (`r` + day key, `s` + day key), a day's tags (`t` + day key,
//! terms `#tag`), or a week's reflection (`w` + week key). The index has a version in `meta`;
//! a journal whose index is missing, older, or marked dirty (an import stopped half-way) is
//! re-indexed when it opens.

use std::collections::BTreeSet;

use sled::transaction::{ConflictableTransactionError, TransactionalTree};

use super::keys::{day_key, week_key};
use crate::error::KeelError;
use crate::model::{DayEntry, WeekReflection};
use crate::text;

/// Bumped whenever what is indexed, or how, changes: the index is then rebuilt at open.
pub(crate) const INDEX_VERSION: u32 = 3;
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
pub(crate) fn posting_key(term: &str, doc: &[u8]) -> Vec<u8> {
    let mut key = Vec::with_capacity(term.len() + 6);
    key.extend_from_slice(term.as_bytes());
    key.push(0);
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
pub(crate) fn term_prefix(term: &str) -> Vec<u8> {
    let mut key = term.as_bytes().to_vec();
    key.push(0);
    key
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

/// Makes `doc`'s postings say exactly `new` (inside a transaction).
pub(crate) fn set_doc(
    terms: &TransactionalTree,
    docs: &TransactionalTree,
    doc: &[u8],
    new: &[String],
) -> TxResult<()> {
    let old: Vec<String> = match docs.get(doc)? {
        Some(bytes) => String::from_utf8_lossy(&bytes)
            .split('\n')
            .filter(|t| !t.is_empty())
            .map(str::to_owned)
            .collect(),
        None => Vec::new(),
    };
    let changes = old
        .iter()
        .filter(|t| !new.contains(t))
        .map(|t| (t, false))
        .chain(new.iter().filter(|t| !old.contains(t)).map(|t| (t, true)));
    for (t, add) in changes {
        let key = posting_key(t, doc);
        let list = terms.get(&key)?;
        if let Some(next) = edit_list(&key, list.as_deref().unwrap_or_default(), doc, add) {
            if next.is_empty() {
                terms.remove(key)?;
            } else {
                terms.insert(key, next)?;
            }
        }
    }
    if new.is_empty() {
        docs.remove(doc)?;
    } else if old != new {
        docs.insert(doc, new.join("\n").as_bytes())?;
    }
    Ok(())
}

/// Indexes a day's three documents (inside a transaction).
pub(crate) fn index_day(
    terms: &TransactionalTree,
    docs: &TransactionalTree,
    entry: &DayEntry,
) -> TxResult<()> {
    for (doc, new) in day_docs(entry) {
        set_doc(terms, docs, &doc, &new)?;
    }
    Ok(())
}

/// Removes a day's documents (inside a transaction).
pub(crate) fn unindex_day(
    terms: &TransactionalTree,
    docs: &TransactionalTree,
    date: chrono::NaiveDate,
) -> TxResult<()> {
    for kind in [DocKind::Role, DocKind::Myself, DocKind::Tags] {
        set_doc(terms, docs, &day_doc(kind, date), &[])?;
    }
    Ok(())
}

/// Writes postings for documents that are not indexed yet, in one batch per tree (used by a
/// rebuild and after imports, where a transaction over every posting would be too large).
pub(crate) fn batch_add(
    terms: &sled::Tree,
    docs: &sled::Tree,
    items: &[(Vec<u8>, Vec<String>)],
) -> Result<(), sled::Error> {
    // Every change to a posting list, grouped by list: (doc, add?), applied in order.
    let mut changes: std::collections::BTreeMap<Vec<u8>, Vec<(&[u8], bool)>> =
        std::collections::BTreeMap::new();
    let mut doc_batch = sled::Batch::default();
    for (doc, list) in items {
        if let Some(old) = docs.get(doc)? {
            for t in std::str::from_utf8(&old)
                .unwrap_or_default()
                .split('\n')
                .filter(|t| !t.is_empty())
            {
                changes
                    .entry(posting_key(t, doc))
                    .or_default()
                    .push((doc, false));
            }
        }
        for t in list {
            changes
                .entry(posting_key(t, doc))
                .or_default()
                .push((doc, true));
        }
        if list.is_empty() {
            doc_batch.remove(doc.as_slice());
        } else {
            doc_batch.insert(doc.as_slice(), list.join("\n").as_bytes());
        }
    }
    let mut term_batch = sled::Batch::default();
    for (key, edits) in changes {
        let mut list = terms.get(&key)?.map(|v| v.to_vec()).unwrap_or_default();
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
            term_batch.insert(key, list);
        }
    }
    terms.apply_batch(term_batch)?;
    docs.apply_batch(doc_batch)
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
        let key = posting_key("river", &d(2026, 3, 1));
        assert_eq!(
            key,
            posting_key("river", &d(2026, 3, 31)),
            "one list per month"
        );
        assert_ne!(key, posting_key("river", &d(2026, 4, 1)));
        assert_ne!(key, posting_key("river", &d(2025, 3, 1)));
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
        let wkey = posting_key("river", &week_doc(week));
        let wl = edit_list(&wkey, &[], &week_doc(week), true).unwrap();
        assert_eq!(
            list_docs(&wkey, &wl)
                .map(|id| Doc::decode(id).unwrap())
                .collect::<Vec<_>>(),
            [Doc::Week(week)]
        );
    }
}
