//! The search index, kept in two sled trees beside the pages and changed in the same
//! transaction as the page it describes (so a search never misses a saved word nor finds a
//! deleted one):
//! - `search_terms`: posting keys `term 0x00 doc`, empty values; a prefix scan of `term 0x00`
//!   lists the documents holding the term, oldest first (doc ids end in the date key).
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
pub(crate) const INDEX_VERSION: u32 = 1;
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

pub(crate) fn posting(term: &str, doc: &[u8]) -> Vec<u8> {
    let mut key = Vec::with_capacity(term.len() + 1 + doc.len());
    key.extend_from_slice(term.as_bytes());
    key.push(0);
    key.extend_from_slice(doc);
    key
}

/// The prefix of every posting of `term`.
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
    for t in old.iter().filter(|t| !new.contains(t)) {
        terms.remove(posting(t, doc))?;
    }
    for t in new.iter().filter(|t| !old.contains(t)) {
        terms.insert(posting(t, doc), &[] as &[u8])?;
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
    let mut term_batch = sled::Batch::default();
    let mut doc_batch = sled::Batch::default();
    for (doc, list) in items {
        if let Some(old) = docs.get(doc)? {
            for t in String::from_utf8_lossy(&old)
                .split('\n')
                .filter(|t| !t.is_empty())
            {
                term_batch.remove(posting(t, doc));
            }
        }
        for t in list {
            term_batch.insert(posting(t, doc), &[] as &[u8]);
        }
        if list.is_empty() {
            doc_batch.remove(doc.as_slice());
        } else {
            doc_batch.insert(doc.as_slice(), list.join("\n").as_bytes());
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
