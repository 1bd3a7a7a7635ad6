//! The search index, kept in one sled tree beside the pages and changed in the same
//! transaction as the page it describes (so a search never misses a saved word nor finds a
//! deleted one).
//!
//! `search_terms` holds one posting list per term and class (`d`: the documents of days, `w`:
//! weeks). Its root key is `term 0x00 class` (sealed: the term's keyed hash, then the class).
//! An entry is 5 bytes: a day's key then the document's kind (so a day's documents sit
//! together and a new day goes to the end of every list), or a week's key. A list of at most
//! `CAP` (512) entries lives in its root (`0x00` then the entries); a longer one in chunks of
//! at most `CAP` under `root + first entry`, the root then holding the chunks' first entries
//! (`0x01` then the starts), so that a save rewrites one chunk per word it adds or removes and
//! finds it with two reads inside its transaction (sled's transactions cannot scan).
//! A search reads every key under `term 0x00` with one prefix scan.
//!
//! Stored (version 6), every value is packed before it is sealed (`pack`): a byte for its shape,
//! then each entry's number (a day's entry is day × 3 + kind) as a varint step from the one
//! before, about 1.3 bytes an entry instead of 5 (100,000 pages of prose: 65 MB of lists became
//! about 20). The edits and searches see the plain form (`open_list`, `seal_list`).
//!
//! Why this shape: sled 0.34's open time grows with the number of keys (its page table has a
//! page per 8–16 keys, and reading it back is most of a search), and a key per term is the
//! fewest a word index can have. Version 4 kept a list per term and month: 279,000 keys for
//! 100,000 generated pages (a 49-word vocabulary), and for real prose, whose vocabulary per
//! month is far larger, millions. Version 1 had one key per word and page.
//!
//! The terms a document had before a change are taken from the record it replaces (read in the
//! same transaction), so no second tree is needed: version 3 kept `search_docs` (doc → terms),
//! which cost a fifth of a 100,000-page journal's size and of the time sled takes to open it.
//!
//! A document is one side of a day (`r` + day key, `s` + day key), a day's tags (`t` + day key,
//! terms `#tag`, and since version 7 its check-in's `Mark`s), or a week's reflection (`w` + week
//! key). The index has a version in `meta`;
//! a journal whose index is missing, older, or marked dirty (an import stopped half-way) is
//! re-indexed when it opens.

use super::redo::TxTree;
use sled::transaction::ConflictableTransactionError;

use super::codec::Codec;
use super::keys::{day_key, week_key};
use crate::error::KeelError;
use crate::model::{
    Boundary, CheckIn, DayEntry, WeekReflection, MAX_AFTER_HOURS_MINUTES, OVERLAP, RESILIENCE,
    STRESS,
};
use crate::text;

/// The tree's name (associated data of its sealed values).
pub(crate) const TREE: &str = "search_terms";
/// Bumped whenever what is indexed, or how, changes: the index is then rebuilt at open.
pub(crate) const INDEX_VERSION: u32 = 7;
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

/// Entries a posting chunk (or an inline list) holds at most. Small in tests, so that the
/// property tests split, merge and fold chunks all the time.
#[cfg(not(test))]
const CAP: usize = 512;
#[cfg(test)]
const CAP: usize = 4;
/// The width of one entry of a posting list.
const ENTRY: usize = 5;
/// The first byte of a root value: the list itself, or a directory of chunks.
const INLINE: u8 = 0;
const DIRECTORY: u8 = 1;

type Entry = [u8; ENTRY];

/// Where `doc` sits in the index: its class (`d` day, `w` week) and its entry in the class's
/// list: a day's key then its kind (so a day's three documents sit together, and a new day
/// goes to the end of every list), or a week's key.
fn locate(doc: &[u8]) -> Option<(u8, Entry)> {
    match DocKind::of(doc)? {
        DocKind::Week => Some((b'w', doc.get(1..6)?.try_into().ok()?)),
        kind => {
            let key: [u8; 4] = doc.get(1..5)?.try_into().ok()?;
            Some((b'd', [key[0], key[1], key[2], key[3], kind.byte()]))
        }
    }
}

/// The document an entry of class `class` names.
fn entry_doc(class: u8, entry: &[u8]) -> Option<Doc> {
    match class {
        b'w' => super::keys::week_from_key(entry).map(Doc::Week),
        b'd' => {
            let kind = DocKind::of(&entry[4..])?;
            (kind != DocKind::Week)
                .then(|| super::keys::date_from_key(&entry[..4]))
                .flatten()
                .map(|date| Doc::Day(date, kind))
        }
        _ => None,
    }
}

/// The root key of `term`'s list of class `class`.
fn root_key(codec: &Codec, term: &str, class: u8) -> Vec<u8> {
    let mut key = codec.term(term);
    key.push(class);
    key
}

fn chunk_key(root: &[u8], start: &[u8]) -> Vec<u8> {
    let mut key = root.to_vec();
    key.extend_from_slice(start);
    key
}

/// The documents stored under one key of the index, given the length of the term's prefix
/// (`Codec::term`): an inline root's list or a chunk's; a directory names none.
pub(crate) fn stored_docs(
    prefix_len: usize,
    key: &[u8],
    value: &[u8],
) -> Result<Vec<Doc>, KeelError> {
    let class = *key
        .get(prefix_len)
        .ok_or_else(|| damaged("a key is cut short"))?;
    let entries = match (key.len() - prefix_len, value.first()) {
        (1, Some(&INLINE)) => &value[1..],
        (1, Some(&DIRECTORY)) => return Ok(Vec::new()),
        (1, _) => return Err(damaged("a list has no known form")),
        (n, _) if n == 1 + ENTRY => value,
        _ => return Err(damaged("a key has an unknown shape")),
    };
    if !entries.len().is_multiple_of(ENTRY) {
        return Err(damaged("a list is cut short"));
    }
    entries
        .chunks_exact(ENTRY)
        .map(|e| entry_doc(class, e).ok_or_else(|| damaged("a posting names no document")))
        .collect()
}

/// The prefix of every key of `term` (its lists of both classes).
/// Each `#tag` of a plain journal's index with the number of days its list holds (a sealed
/// journal's keys hide the tags' names, so it counts them from its pages instead).
pub(crate) fn plain_tag_counts(search_terms: &sled::Tree) -> crate::Result<Vec<(String, usize)>> {
    let mut counts = Vec::new();
    for item in search_terms.scan_prefix(b"#") {
        let (key, list) = item?;
        if let Some(end) = key.iter().position(|b| *b == 0) {
            let tag = String::from_utf8_lossy(&key[1..end]).into_owned();
            let list = unpack(&key, &list)?;
            counts.push((tag, stored_docs(end + 1, &key, &list)?.len()));
        }
    }
    Ok(counts)
}

pub(crate) fn term_prefix(codec: &Codec, term: &str) -> Vec<u8> {
    codec.term(term)
}

/// The index's storage as the list edits see it: plain values by key. Implemented over a
/// transaction (one save) and over a staged batch (imports and rebuilds).
trait Lists {
    type Error;
    fn fail(e: KeelError) -> Self::Error;
    fn get(&mut self, key: &[u8]) -> Result<Option<Vec<u8>>, Self::Error>;
    fn put(&mut self, key: Vec<u8>, plain: Vec<u8>) -> Result<(), Self::Error>;
    fn del(&mut self, key: Vec<u8>) -> Result<(), Self::Error>;
}

fn damaged(detail: &str) -> KeelError {
    KeelError::Corrupt {
        what: "search index".into(),
        detail: detail.into(),
    }
}

fn corrupt<L: Lists>(detail: &str) -> L::Error {
    L::fail(damaged(detail))
}

fn entries_of<L: Lists>(bytes: &[u8]) -> Result<Vec<Entry>, L::Error> {
    if !bytes.len().is_multiple_of(ENTRY) {
        return Err(corrupt::<L>("a list is cut short"));
    }
    Ok(bytes
        .chunks_exact(ENTRY)
        .map(|c| c.try_into().expect("chunks of ENTRY bytes"))
        .collect())
}

fn encode(tag: Option<u8>, entries: &[Entry]) -> Vec<u8> {
    let mut out = Vec::with_capacity(1 + entries.len() * ENTRY);
    out.extend(tag);
    for e in entries {
        out.extend_from_slice(e);
    }
    out
}

/// The first byte of a value as stored (version 6): the shape of the plain value it packs.
const PACKED_INLINE: u8 = 0x10;
const PACKED_DIRECTORY: u8 = 0x11;
const PACKED_CHUNK: u8 = 0x12;

fn put_varint(out: &mut Vec<u8>, mut n: u64) {
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

fn take_varint(bytes: &mut &[u8]) -> Option<u64> {
    let mut n = 0u64;
    for shift in (0..64).step_by(7) {
        let (&b, rest) = bytes.split_first()?;
        *bytes = rest;
        n |= u64::from(b & 0x7f).checked_shl(shift)?;
        if b < 0x80 {
            return Some(n);
        }
    }
    None
}

/// The class (`d` or `w`) of the list a key holds part of: a root's last byte, or the byte
/// before a chunk's start.
fn class_of(key: &[u8], chunk: bool) -> Option<u8> {
    let at = key.len().checked_sub(if chunk { 1 + ENTRY } else { 1 })?;
    key.get(at).copied().filter(|c| matches!(c, b'd' | b'w'))
}

/// A list's plain value (`INLINE` or `DIRECTORY` then entries, or a chunk's entries) as it is
/// stored: a shape byte, then each entry's number (`entry_number`) as a varint step from the
/// one before (about 1.3 bytes an entry where the plain form takes 5). Packed before it is
/// sealed, so an encrypted journal's index is as small.
fn pack(key: &[u8], plain: &[u8]) -> Result<Vec<u8>, KeelError> {
    let (shape, entries) = match (plain.len() % ENTRY, plain.first()) {
        (0, _) => (PACKED_CHUNK, plain),
        (1, Some(&INLINE)) => (PACKED_INLINE, &plain[1..]),
        (1, Some(&DIRECTORY)) => (PACKED_DIRECTORY, &plain[1..]),
        _ => return Err(damaged("a list has no known form")),
    };
    let class = class_of(key, shape == PACKED_CHUNK)
        .ok_or_else(|| damaged("a key has an unknown shape"))?;
    let mut out = Vec::with_capacity(1 + entries.len() / 3);
    out.push(shape);
    let mut last = 0;
    for entry in entries.chunks_exact(ENTRY) {
        let entry: &Entry = entry.try_into().expect("chunks of ENTRY bytes");
        let n = entry_number(class, entry)
            .filter(|n| *n >= last)
            .ok_or_else(|| damaged("a list is out of order"))?;
        put_varint(&mut out, n - last);
        last = n;
    }
    Ok(out)
}

/// The plain value `pack` made of a list.
fn unpack(key: &[u8], stored: &[u8]) -> Result<Vec<u8>, KeelError> {
    let (tag, chunk) = match stored.first() {
        Some(&PACKED_INLINE) => (Some(INLINE), false),
        Some(&PACKED_DIRECTORY) => (Some(DIRECTORY), false),
        Some(&PACKED_CHUNK) => (None, true),
        _ => return Err(damaged("a list has no known form")),
    };
    let class = class_of(key, chunk).ok_or_else(|| damaged("a key has an unknown shape"))?;
    let mut rest = &stored[1..];
    let mut out = Vec::with_capacity(1 + rest.len() * ENTRY);
    out.extend(tag);
    let mut n = 0u64;
    while !rest.is_empty() {
        let step = take_varint(&mut rest).ok_or_else(|| damaged("a list is cut short"))?;
        n = n
            .checked_add(step)
            .ok_or_else(|| damaged("a list is out of range"))?;
        out.extend_from_slice(&number_entry(class, n));
    }
    Ok(out)
}

/// A list's value as stored: packed, then sealed.
fn seal_list(codec: &Codec, key: &[u8], plain: &[u8]) -> Result<Vec<u8>, KeelError> {
    codec.seal(TREE, key, &pack(key, plain)?)
}

/// A list's plain value from what is stored.
pub(crate) fn open_list(codec: &Codec, key: &[u8], stored: &[u8]) -> Result<Vec<u8>, KeelError> {
    unpack(key, &codec.open(TREE, key, stored)?)
}

/// Applies `edits` (sorted by entry; `true` adds, `false` takes out; for one entry the last
/// edit wins) to a sorted list.
fn merge(list: &[Entry], edits: &[(Entry, bool)]) -> Vec<Entry> {
    let mut out = Vec::with_capacity(list.len() + edits.len());
    let (mut i, mut j) = (0, 0);
    while i < list.len() || j < edits.len() {
        if j == edits.len() || (i < list.len() && list[i] < edits[j].0) {
            out.push(list[i]);
            i += 1;
            continue;
        }
        let entry = edits[j].0;
        let mut add = edits[j].1;
        while j + 1 < edits.len() && edits[j + 1].0 == entry {
            j += 1;
            add = edits[j].1;
        }
        j += 1;
        if i < list.len() && list[i] == entry {
            i += 1;
        }
        if add {
            out.push(entry);
        }
    }
    out
}

/// Cuts a list of more than `CAP` entries into chunks of at most `CAP`. The last chunk of a
/// list is cut into full chunks and a remainder (a new day goes to the end, so the full ones
/// are never rewritten again); any other into even parts (room on both sides).
fn cut(list: Vec<Entry>, last: bool) -> Vec<Vec<Entry>> {
    if list.len() <= CAP {
        return vec![list];
    }
    let size = if last {
        CAP
    } else {
        list.len().div_ceil(list.len().div_ceil(CAP))
    };
    list.chunks(size).map(<[Entry]>::to_vec).collect()
}

/// Writes a whole list under `root` (whose old value, if `stored`, names no chunk): in the root
/// when it fits, else in chunks under a directory; an empty list removes the root.
fn write_whole<L: Lists>(
    store: &mut L,
    root: &[u8],
    list: Vec<Entry>,
    stored: bool,
) -> Result<(), L::Error> {
    if list.is_empty() {
        return if stored {
            store.del(root.to_vec())
        } else {
            Ok(())
        };
    }
    if list.len() <= CAP {
        return store.put(root.to_vec(), encode(Some(INLINE), &list));
    }
    let chunks = cut(list, true);
    for chunk in &chunks {
        store.put(chunk_key(root, &chunk[0]), encode(None, chunk))?;
    }
    let starts: Vec<Entry> = chunks.iter().map(|c| c[0]).collect();
    store.put(root.to_vec(), encode(Some(DIRECTORY), &starts))
}

/// Applies `edits` (sorted by entry) to the list of one term and class whose root is at
/// `root`. A list of at most `CAP` entries lives in its root; a longer one in chunks of at
/// most `CAP` under `root + start entry`, the root then holding the chunks' start entries (the
/// first chunk also takes every entry below the second's start).
fn edit_lists<L: Lists>(
    store: &mut L,
    root: &[u8],
    edits: &[(Entry, bool)],
) -> Result<(), L::Error> {
    if edits.is_empty() {
        return Ok(());
    }
    let stored = store.get(root)?;
    let mut starts = match stored.as_deref() {
        None => return write_whole(store, root, merge(&[], edits), false),
        Some([INLINE, list @ ..]) => {
            let list = entries_of::<L>(list)?;
            let next = merge(&list, edits);
            if next == list {
                return Ok(());
            }
            return write_whole(store, root, next, true);
        }
        Some([DIRECTORY, starts @ ..]) => entries_of::<L>(starts)?,
        Some(_) => return Err(corrupt::<L>("a list has no known form")),
    };
    if starts.is_empty() {
        // A directory that names no chunk: start afresh.
        return write_whole(store, root, merge(&[], edits), true);
    }
    // Route each edit to its chunk: the last whose start is at or below it (else the first).
    let mut routed: Vec<(usize, &[(Entry, bool)])> = Vec::new();
    let mut from = 0;
    while from < edits.len() {
        let at = starts
            .partition_point(|s| *s <= edits[from].0)
            .saturating_sub(1);
        let until = match starts.get(at + 1) {
            Some(next) => from + edits[from..].partition_point(|(e, _)| e < next),
            None => edits.len(),
        };
        routed.push((at, &edits[from..until]));
        from = until;
    }
    let n_chunks = starts.len();
    // Chunks replaced: (index, the chunks they became); applied after, from the back.
    let mut replaced: Vec<(usize, Vec<Entry>)> = Vec::new();
    for (at, edits) in routed {
        let key = chunk_key(root, &starts[at]);
        let list = match store.get(&key)? {
            Some(bytes) => entries_of::<L>(&bytes)?,
            None => return Err(corrupt::<L>("a chunk of a list is missing")),
        };
        let next = merge(&list, edits);
        if next == list {
            continue;
        }
        store.del(key)?;
        let chunks = if next.is_empty() {
            Vec::new()
        } else {
            cut(next, at + 1 == n_chunks)
        };
        let mut new_starts = Vec::new();
        for chunk in &chunks {
            // Every entry routed here lies between this chunk's start and the next one's, so
            // the new starts stay in order (the first chunk takes every lower entry anyway).
            store.put(chunk_key(root, &chunk[0]), encode(None, chunk))?;
            new_starts.push(chunk[0]);
        }
        replaced.push((at, new_starts));
    }
    if replaced.is_empty() {
        return Ok(());
    }
    for (at, new_starts) in replaced.into_iter().rev() {
        starts.splice(at..=at, new_starts);
    }
    match starts.len() {
        0 => store.del(root.to_vec()),
        1 => {
            // One chunk left: if it fits, it goes back into the root.
            let key = chunk_key(root, &starts[0]);
            let list = match store.get(&key)? {
                Some(bytes) => entries_of::<L>(&bytes)?,
                None => return Err(corrupt::<L>("a chunk of a list is missing")),
            };
            if list.len() <= CAP {
                store.del(key)?;
                store.put(root.to_vec(), encode(Some(INLINE), &list))
            } else {
                store.put(root.to_vec(), encode(Some(DIRECTORY), &starts))
            }
        }
        _ => store.put(root.to_vec(), encode(Some(DIRECTORY), &starts)),
    }
}

fn unique_terms<'a>(texts: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut terms: Vec<String> = texts
        .into_iter()
        .flat_map(|t| text::words(t).into_iter().map(|(_, w)| w))
        .collect();
    terms.sort_unstable();
    terms.dedup();
    terms
}

/// Where a document of a day takes its terms from: a text's words, or the day's tags (each
/// the term `#tag`) and its check-in (`Mark`s).
enum Source<'a> {
    Words(&'a str),
    Tags(&'a [String], &'a CheckIn),
}

/// One fact of a day's check-in, kept as a term of the day's tags document: long ranges of
/// check-ins (all of the trends) are read from these few lists rather than from every page
/// (`Journal::check_ins`). Every term begins with U+0001, which no word or tag holds. After-hours
/// minutes (0 to 1,440) are kept as their binary digits, eleven terms instead of 1,441.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mark {
    /// Every day: the day has a page.
    Day,
    Stress(u8),
    Resilience(u8),
    Overlap(u8),
    Boundary(Boundary),
    /// After-hours minutes were given (0 among them).
    AfterHours,
    /// Binary digit `n` of the after-hours minutes is 1.
    AfterHoursBit(u32),
}

/// The binary digits after-hours minutes need (1,440 < 2^11).
const AFTER_HOURS_BITS: u32 = u32::BITS - MAX_AFTER_HOURS_MINUTES.leading_zeros();

impl Mark {
    /// The term the index files the mark under.
    pub(crate) fn term(self) -> String {
        let mut term = String::new();
        self.write_term(&mut term);
        term
    }

    /// Appends the mark's term to `out`.
    fn write_term(self, out: &mut String) {
        use std::fmt::Write;
        // Writing into a String cannot fail.
        let _ = match self {
            Mark::Day => write!(out, "\u{1}day"),
            Mark::Stress(v) => write!(out, "\u{1}stress {v}"),
            Mark::Resilience(v) => write!(out, "\u{1}resilience {v}"),
            Mark::Overlap(v) => write!(out, "\u{1}overlap {v}"),
            Mark::Boundary(b) => write!(out, "\u{1}boundary {}", b.as_str()),
            Mark::AfterHours => write!(out, "\u{1}after hours"),
            Mark::AfterHoursBit(n) => write!(out, "\u{1}after hours bit {n}"),
        };
    }

    /// Every mark a check-in can have.
    pub(crate) fn all() -> Vec<Mark> {
        let mut all = vec![Mark::Day, Mark::AfterHours];
        all.extend((STRESS.min..=STRESS.max).map(Mark::Stress));
        all.extend((RESILIENCE.min..=RESILIENCE.max).map(Mark::Resilience));
        all.extend((OVERLAP.min..=OVERLAP.max).map(Mark::Overlap));
        all.extend([Boundary::Kept, Boundary::Broken].map(Mark::Boundary));
        all.extend((0..AFTER_HOURS_BITS).map(Mark::AfterHoursBit));
        all
    }

    /// The marks of a day with this check-in.
    pub(crate) fn of(c: &CheckIn) -> impl Iterator<Item = Mark> {
        let minutes = c.after_hours_minutes;
        std::iter::once(Mark::Day)
            .chain(c.stress.map(Mark::Stress))
            .chain(c.resilience.map(Mark::Resilience))
            .chain(c.overlap.map(Mark::Overlap))
            .chain(c.boundary.map(Mark::Boundary))
            .chain(minutes.map(|_| Mark::AfterHours))
            .chain(
                (0..AFTER_HOURS_BITS)
                    .filter(move |n| minutes.is_some_and(|m| m & (1 << n) != 0))
                    .map(Mark::AfterHoursBit),
            )
    }

    /// Adds the mark's fact to a check-in being read back (a day's marks in any order).
    pub(crate) fn apply(self, c: &mut CheckIn) {
        match self {
            Mark::Day => {}
            Mark::Stress(v) => c.stress = Some(v),
            Mark::Resilience(v) => c.resilience = Some(v),
            Mark::Overlap(v) => c.overlap = Some(v),
            Mark::Boundary(b) => c.boundary = Some(b),
            Mark::AfterHours => {
                c.after_hours_minutes.get_or_insert(0);
            }
            Mark::AfterHoursBit(n) => *c.after_hours_minutes.get_or_insert(0) |= 1 << n,
        }
    }
}

/// The terms of a day's tags document, each written into `term` and handed to `each`: `#tag`
/// for each tag, then its check-in's marks (one buffer, so a batch's gathering allocates no
/// string per term).
fn tag_terms(tags: &[String], check_in: &CheckIn, term: &mut String, mut each: impl FnMut(&str)) {
    for tag in tags {
        term.clear();
        term.push('#');
        term.push_str(tag);
        each(term);
    }
    for mark in Mark::of(check_in) {
        term.clear();
        mark.write_term(term);
        each(term);
    }
}

/// A day's three documents and where each takes its terms from: the one description both
/// `day_docs` (terms as strings, for a save) and `Gather::add_day` (terms as ids) read.
fn day_sources(entry: &DayEntry) -> [(Vec<u8>, Source<'_>); 3] {
    [
        (
            day_doc(DocKind::Role, entry.date),
            Source::Words(&entry.role),
        ),
        (
            day_doc(DocKind::Myself, entry.date),
            Source::Words(&entry.self_text),
        ),
        (
            day_doc(DocKind::Tags, entry.date),
            Source::Tags(&entry.tags, &entry.check_in),
        ),
    ]
}

/// The documents of a day and their terms.
pub(crate) fn day_docs(entry: &DayEntry) -> [(Vec<u8>, Vec<String>); 3] {
    day_sources(entry).map(|(doc, source)| {
        let terms = match source {
            Source::Words(text) => unique_terms([text]),
            Source::Tags(tags, check_in) => {
                let mut terms = Vec::new();
                tag_terms(tags, check_in, &mut String::new(), |t| {
                    terms.push(t.to_owned())
                });
                terms
            }
        };
        (doc, terms)
    })
}

/// The document of a week and its terms.
pub(crate) fn week_docs(week: &WeekReflection) -> (Vec<u8>, Vec<String>) {
    let texts = week
        .answers
        .iter()
        .map(|a| a.text.as_str())
        .chain(week.role_gave.iter().map(String::as_str))
        .chain(week.role_cost.iter().map(String::as_str))
        .chain(std::iter::once(week.next_boundary.as_str()))
        .chain(week.values.iter().map(|c| c.why.as_str()));
    (week_doc(week.week), unique_terms(texts))
}

type TxResult<T> = Result<T, ConflictableTransactionError<KeelError>>;

/// The terms to take out (`false`) and to add (`true`) when a document goes from `old` to `new`.
fn term_changes<'a>(
    old: &'a [String],
    new: &'a [String],
) -> impl Iterator<Item = (&'a String, bool)> + 'a {
    // Sets, so a page of a thousand words is not compared a million times.
    let old_set: std::collections::HashSet<&str> = old.iter().map(String::as_str).collect();
    let new_set: std::collections::HashSet<&str> = new.iter().map(String::as_str).collect();
    let gone = old.iter().filter(move |t| !new_set.contains(t.as_str()));
    let came = new.iter().filter(move |t| !old_set.contains(t.as_str()));
    gone.map(|t| (t, false)).chain(came.map(|t| (t, true)))
}

/// The index's lists inside a transaction.
struct InTransaction<'a> {
    codec: &'a Codec,
    terms: &'a TxTree,
}

impl Lists for InTransaction<'_> {
    type Error = ConflictableTransactionError<KeelError>;

    fn fail(e: KeelError) -> Self::Error {
        ConflictableTransactionError::Abort(e)
    }

    fn get(&mut self, key: &[u8]) -> TxResult<Option<Vec<u8>>> {
        match self.terms.get(key)? {
            Some(stored) => Ok(Some(
                open_list(self.codec, key, &stored).map_err(Self::fail)?,
            )),
            None => Ok(None),
        }
    }

    fn put(&mut self, key: Vec<u8>, plain: Vec<u8>) -> TxResult<()> {
        let sealed = seal_list(self.codec, &key, &plain).map_err(Self::fail)?;
        self.terms.insert(key, sealed)?;
        Ok(())
    }

    fn del(&mut self, key: Vec<u8>) -> TxResult<()> {
        self.terms.remove(key)?;
        Ok(())
    }
}

/// The index's lists read from the tree, with the changes staged for one `sled::Batch`.
struct Staged<'a> {
    codec: &'a Codec,
    terms: &'a sled::Tree,
    changes: std::collections::BTreeMap<Vec<u8>, Option<Vec<u8>>>,
}

impl Lists for Staged<'_> {
    type Error = KeelError;

    fn fail(e: KeelError) -> KeelError {
        e
    }

    fn get(&mut self, key: &[u8]) -> Result<Option<Vec<u8>>, KeelError> {
        if let Some(staged) = self.changes.get(key) {
            return Ok(staged.clone());
        }
        match self.terms.get(key)? {
            Some(stored) => Ok(Some(open_list(self.codec, key, &stored)?)),
            None => Ok(None),
        }
    }

    fn put(&mut self, key: Vec<u8>, plain: Vec<u8>) -> Result<(), KeelError> {
        self.changes.insert(key, Some(plain));
        Ok(())
    }

    fn del(&mut self, key: Vec<u8>) -> Result<(), KeelError> {
        self.changes.insert(key, None);
        Ok(())
    }
}

fn no_document<L: Lists>() -> L::Error {
    corrupt::<L>("a document id names no document")
}

/// Makes `doc`'s postings go from `old` terms to `new` ones (inside a transaction).
pub(super) fn set_doc(
    codec: &Codec,
    terms: &TxTree,
    doc: &[u8],
    old: &[String],
    new: &[String],
) -> TxResult<()> {
    let (class, entry) = locate(doc).ok_or_else(no_document::<InTransaction>)?;
    let mut lists = InTransaction { codec, terms };
    for (t, add) in term_changes(old, new) {
        edit_lists(&mut lists, &root_key(codec, t, class), &[(entry, add)])?;
    }
    Ok(())
}

/// Re-indexes a day's three documents from the page they were (`old`, if any) to the page
/// they are (`new`, if any), inside a transaction.
pub(super) fn reindex_day(
    codec: &Codec,
    terms: &TxTree,
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

/// What a gather keeps of one term's list of one class.
pub(crate) trait Tally: Default {
    /// Adds (`add`) or takes out an entry of a list of class `class`.
    fn push(&mut self, class: u8, entry: Entry, add: bool) -> Result<(), KeelError>;
}

/// Edits in the order given, `(entry, add?)`: for a batch of changes to lists already stored.
pub(crate) type Edits = Vec<(Entry, bool)>;

impl Tally for Edits {
    fn push(&mut self, _class: u8, entry: Entry, add: bool) -> Result<(), KeelError> {
        Vec::push(self, (entry, add));
        Ok(())
    }
}

/// Additions only, in increasing order, each kept as the LEB128 varint of its distance from
/// the one before (an entry read as a number: a day's as its day times three plus its kind,
/// so the next day's document of the same kind is three on; a week's as its 40-bit key): for
/// a store written from nothing, where every list is new. A word of most pages costs a byte
/// or two a posting instead of six (100,000 pages of prose: 12.9 million postings, 31 MB as
/// 40-bit steps).
#[derive(Default)]
pub(crate) struct Packed {
    bytes: Vec<u8>,
    last: Option<u64>,
}

/// The number of an entry of class `class` (see `Packed`); a day's entry of no known kind
/// has none.
fn entry_number(class: u8, entry: &Entry) -> Option<u64> {
    match class {
        b'd' => {
            let kind = entry[4].checked_sub(b'r').filter(|k| *k < 3)?;
            let day = u32::from_be_bytes([entry[0], entry[1], entry[2], entry[3]]);
            Some(u64::from(day) * 3 + u64::from(kind))
        }
        _ => Some(entry.iter().fold(0, |n, b| (n << 8) | u64::from(*b))),
    }
}

fn number_entry(class: u8, n: u64) -> Entry {
    match class {
        b'd' => {
            let day = ((n / 3) as u32).to_be_bytes();
            [day[0], day[1], day[2], day[3], b'r' + (n % 3) as u8]
        }
        _ => {
            let b = n.to_be_bytes();
            [b[3], b[4], b[5], b[6], b[7]]
        }
    }
}

impl Tally for Packed {
    fn push(&mut self, class: u8, entry: Entry, add: bool) -> Result<(), KeelError> {
        let n =
            entry_number(class, &entry).ok_or_else(|| damaged("a posting names no document"))?;
        let step = match self.last {
            _ if !add => return Err(damaged("a new list is given a removal")),
            Some(last) if n <= last => return Err(damaged("a new list is given out of order")),
            Some(last) => n - last,
            None => n,
        };
        self.last = Some(n);
        put_varint(&mut self.bytes, step);
        Ok(())
    }
}

impl Packed {
    /// The list's entries (of class `class`), in order.
    fn entries(&self, class: u8) -> Vec<Entry> {
        let mut out = Vec::new();
        let (mut rest, mut n) = (&self.bytes[..], 0u64);
        // Written by `push` alone, so every step is whole.
        while let Some(step) = take_varint(&mut rest) {
            n += step;
            out.push(number_entry(class, n));
        }
        out
    }
}

/// Postings gathered for one write of many documents (an import's pages and weeks, a
/// rebuild, a store written from nothing), outside any transaction: each word is folded into
/// one buffer and looked up in the batch's table of terms, so a term is allocated, keyed and
/// sealed once per batch, and a document's terms are kept as ids (sorted and deduplicated per
/// document), never as a string per word. `T` keeps each list's postings: edits (`Edits`,
/// written by `write`) or, for lists that are all new, packed additions (`Packed`, written by
/// `write_new`).
#[derive(Default)]
pub(crate) struct Gather<T = Edits> {
    /// The batch's terms and their ids (indexes into `lists`).
    ids: foldhash::HashMap<Box<str>, usize>,
    /// Per term, its postings for each class (days, weeks).
    lists: Vec<[T; 2]>,
    /// Postings gathered so far.
    len: usize,
    /// The document being read: its terms' ids, and the word being folded.
    doc_ids: Vec<usize>,
    word: String,
}

impl<T: Tally> Gather<T> {
    fn id(&mut self, term: &str) -> usize {
        if let Some(&id) = self.ids.get(term) {
            return id;
        }
        let id = self.lists.len();
        self.ids.insert(term.into(), id);
        self.lists.push(Default::default());
        id
    }

    /// Files the document's terms (`doc_ids`, emptied) under `doc` as adds or removals.
    fn post(&mut self, doc: &[u8], add: bool) -> Result<(), KeelError> {
        let (class, entry) = locate(doc).ok_or_else(no_document::<Staged>)?;
        let slot = usize::from(class == b'w');
        self.doc_ids.sort_unstable();
        self.doc_ids.dedup();
        for &id in &self.doc_ids {
            self.lists[id][slot].push(class, entry, add)?;
        }
        self.len += self.doc_ids.len();
        self.doc_ids.clear();
        Ok(())
    }

    /// Adds a document indexed for the first time, with the words of `texts`.
    fn add_words<'t>(
        &mut self,
        doc: &[u8],
        texts: impl IntoIterator<Item = &'t str>,
    ) -> Result<(), KeelError> {
        let mut word = std::mem::take(&mut self.word);
        for t in texts {
            for range in text::word_ranges(t) {
                text::fold_into(&t[range], &mut word);
                let id = self.id(&word);
                self.doc_ids.push(id);
            }
        }
        self.word = word;
        self.post(doc, true)
    }

    /// Adds a day's three documents, none of them indexed before (`day_sources`).
    pub(crate) fn add_day(&mut self, day: &DayEntry) -> Result<(), KeelError> {
        for (doc, source) in day_sources(day) {
            match source {
                Source::Words(text) => self.add_words(&doc, [text])?,
                Source::Tags(tags, check_in) => {
                    let mut word = std::mem::take(&mut self.word);
                    let mut ids = std::mem::take(&mut self.doc_ids);
                    tag_terms(tags, check_in, &mut word, |term| ids.push(self.id(term)));
                    (self.word, self.doc_ids) = (word, ids);
                    self.post(&doc, true)?;
                }
            }
        }
        Ok(())
    }

    /// Adds a week's reflection, not indexed before.
    pub(crate) fn add_week(&mut self, week: &WeekReflection) -> Result<(), KeelError> {
        let (doc, terms) = week_docs(week);
        self.change(&doc, &[], &terms)
    }

    /// Adds a day's change from the page it was to the page it is (its three documents).
    pub(crate) fn change_day(&mut self, old: &DayEntry, new: &DayEntry) -> Result<(), KeelError> {
        for ((doc, before), (_, after)) in day_docs(old).into_iter().zip(day_docs(new)) {
            self.change(&doc, &before, &after)?;
        }
        Ok(())
    }

    /// Adds a document's change from the terms it had to the terms it has.
    pub(crate) fn change(
        &mut self,
        doc: &[u8],
        old: &[String],
        new: &[String],
    ) -> Result<(), KeelError> {
        let (gone, came): (Vec<_>, Vec<_>) = term_changes(old, new).partition(|(_, add)| !add);
        for (list, add) in [(gone, false), (came, true)] {
            for (t, _) in list {
                let id = self.id(t);
                self.doc_ids.push(id);
            }
            self.post(doc, add)?;
        }
        Ok(())
    }

    /// How many postings are gathered (what the batch holds in memory, about 6 bytes each).
    pub(crate) fn len(&self) -> usize {
        self.len
    }
}

impl Gather<Edits> {
    /// Edits every gathered list and writes them in one batch.
    pub(super) fn write(self, codec: &Codec, terms: &super::redo::Tree) -> Result<(), KeelError> {
        let mut lists = self.lists;
        // Keyed by root key, so the lists are edited, and the batch built, in key order.
        let mut changes: std::collections::BTreeMap<Vec<u8>, Vec<(Entry, bool)>> =
            Default::default();
        for (term, id) in self.ids {
            let [days, weeks] = std::mem::take(&mut lists[id]);
            for (class, edits) in [(b'd', days), (b'w', weeks)] {
                if !edits.is_empty() {
                    changes.insert(root_key(codec, &term, class), edits);
                }
            }
        }
        drop(lists);
        let mut staged = Staged {
            codec,
            terms,
            changes: Default::default(),
        };
        for (root, mut edits) in changes {
            // Stable: for one entry, the last change still wins.
            edits.sort_by_key(|(entry, _)| *entry);
            edit_lists(&mut staged, &root, &edits)?;
        }
        let mut batch = super::redo::Batch::default();
        for (key, value) in staged.changes {
            match value {
                Some(plain) => {
                    let sealed = seal_list(codec, &key, &plain)?;
                    batch.insert(key, sealed);
                }
                None => batch.remove(key),
            }
        }
        Ok(terms.apply_batch(batch)?)
    }
}

impl Gather<Packed> {
    /// Writes every gathered list, whole and sealed, through `put` (key, sealed value), in the
    /// order of the lists' root keys: for an index tree that holds nothing yet (a store
    /// written from nothing), so nothing is read and each key is written once. Each list is
    /// unpacked only when its turn comes.
    pub(crate) fn write_new(
        self,
        codec: &Codec,
        put: impl FnMut(Vec<u8>, Vec<u8>) -> Result<(), KeelError>,
    ) -> Result<(), KeelError> {
        let mut lists = self.lists;
        let mut roots: std::collections::BTreeMap<Vec<u8>, (usize, usize, u8)> = Default::default();
        for (term, id) in self.ids {
            for (slot, class) in [(0, b'd'), (1, b'w')] {
                if lists[id][slot].last.is_some() {
                    roots.insert(root_key(codec, &term, class), (id, slot, class));
                }
            }
        }
        let mut sink = New { codec, put };
        for (root, (id, slot, class)) in roots {
            let list = std::mem::take(&mut lists[id][slot]).entries(class);
            write_whole(&mut sink, &root, list, false)?;
        }
        Ok(())
    }
}

/// An index tree written from nothing: every list is put once, none is read or removed.
struct New<'a, F> {
    codec: &'a Codec,
    put: F,
}

impl<F: FnMut(Vec<u8>, Vec<u8>) -> Result<(), KeelError>> Lists for New<'_, F> {
    type Error = KeelError;

    fn fail(e: KeelError) -> KeelError {
        e
    }

    fn get(&mut self, _key: &[u8]) -> Result<Option<Vec<u8>>, KeelError> {
        Ok(None)
    }

    fn put(&mut self, key: Vec<u8>, plain: Vec<u8>) -> Result<(), KeelError> {
        let sealed = seal_list(self.codec, &key, &plain)?;
        (self.put)(key, sealed)
    }

    fn del(&mut self, _key: Vec<u8>) -> Result<(), KeelError> {
        Err(damaged("a list written from nothing was removed"))
    }
}

/// A document the index points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Doc {
    Day(chrono::NaiveDate, DocKind),
    Week(crate::model::WeekId),
}

impl Doc {
    /// Where the document sits in results, which come highest first: by date (a week at its
    /// Monday), and on one date the day's tags, Who I am, What I do, then the week. Unique per
    /// document, and the order a class's list holds its entries in, read backwards.
    pub fn recency(&self) -> (chrono::NaiveDate, u8) {
        match self {
            Doc::Day(date, DocKind::Tags) => (*date, 3),
            Doc::Day(date, DocKind::Myself) => (*date, 2),
            Doc::Day(date, _) => (*date, 1),
            Doc::Week(w) => (w.monday(), 0),
        }
    }
}

/// One class's list of a term read from its last key back, a chunk at a time: its documents
/// newest first, without reading the older chunks until they are reached.
struct Backwards {
    codec: Codec,
    prefix_len: usize,
    keys: std::iter::Rev<sled::Iter>,
    pending: std::iter::Rev<std::vec::IntoIter<Doc>>,
}

impl Backwards {
    fn new(codec: &Codec, terms: &sled::Tree, term: &str, class: u8) -> Backwards {
        let root = root_key(codec, term, class);
        Backwards {
            codec: codec.clone(),
            prefix_len: root.len() - 1,
            keys: terms.scan_prefix(root).rev(),
            pending: Vec::new().into_iter().rev(),
        }
    }
}

impl Iterator for Backwards {
    type Item = Result<Doc, KeelError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(doc) = self.pending.next() {
                return Some(Ok(doc));
            }
            let read = |(key, stored): (sled::IVec, sled::IVec)| {
                let list = open_list(&self.codec, &key, &stored)?;
                stored_docs(self.prefix_len, &key, &list)
            };
            match self.keys.next()?.map_err(KeelError::from).and_then(read) {
                Ok(docs) => self.pending = docs.into_iter().rev(),
                Err(e) => return Some(Err(e)),
            }
        }
    }
}

/// A term's documents of both classes, highest `Doc::recency` first, read lazily: a search
/// that shows the newest 200 results of a word on every page reads a chunk or two of its list.
pub struct Postings {
    days: std::iter::Peekable<Backwards>,
    weeks: std::iter::Peekable<Backwards>,
}

pub(crate) fn newest_first(codec: &Codec, terms: &sled::Tree, term: &str) -> Postings {
    Postings {
        days: Backwards::new(codec, terms, term, b'd').peekable(),
        weeks: Backwards::new(codec, terms, term, b'w').peekable(),
    }
}

impl Iterator for Postings {
    type Item = Result<Doc, KeelError>;

    fn next(&mut self) -> Option<Self::Item> {
        let take_week = match (self.days.peek(), self.weeks.peek()) {
            (_, None) => false,
            (None, _) => true,
            // An error goes out first, whichever list it came from.
            (Some(Err(_)), _) => false,
            (_, Some(Err(_))) => true,
            (Some(Ok(d)), Some(Ok(w))) => w.recency() > d.recency(),
        };
        if take_week {
            self.weeks.next()
        } else {
            self.days.next()
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};

    use chrono::NaiveDate;
    use proptest::prelude::*;

    use super::*;
    use crate::store::redo::{Transactional, Tree};

    /// The lists in memory.
    #[derive(Default)]
    struct Memory(BTreeMap<Vec<u8>, Vec<u8>>);

    impl Lists for Memory {
        type Error = KeelError;
        fn fail(e: KeelError) -> KeelError {
            e
        }
        fn get(&mut self, key: &[u8]) -> Result<Option<Vec<u8>>, KeelError> {
            Ok(self.0.get(key).cloned())
        }
        fn put(&mut self, key: Vec<u8>, plain: Vec<u8>) -> Result<(), KeelError> {
            self.0.insert(key, plain);
            Ok(())
        }
        fn del(&mut self, key: Vec<u8>) -> Result<(), KeelError> {
            self.0.remove(&key);
            Ok(())
        }
    }

    fn day(n: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2020, 1, 1).unwrap() + chrono::Days::new(u64::from(n))
    }

    /// What the lists under `root` hold, after checking their shape: chunks of at most `CAP`,
    /// in the order of their starts, each entry in the chunk its start routes it to, and a
    /// root that is inline whenever the whole list fits.
    fn check(memory: &Memory, root: &[u8]) -> BTreeSet<Entry> {
        let mut all = BTreeSet::new();
        let Some(value) = memory.0.get(root) else {
            assert_eq!(memory.0.len(), 0, "chunks without a root");
            return all;
        };
        match value[0] {
            INLINE => {
                let list = entries_of::<Memory>(&value[1..]).unwrap();
                assert!(!list.is_empty() && list.len() <= CAP);
                assert!(list.windows(2).all(|w| w[0] < w[1]));
                assert_eq!(memory.0.len(), 1, "an inline root and chunks");
                all.extend(list);
            }
            _ => {
                let starts = entries_of::<Memory>(&value[1..]).unwrap();
                assert!(starts.len() >= 2, "a directory of one chunk");
                assert!(starts.windows(2).all(|w| w[0] < w[1]));
                assert_eq!(memory.0.len(), 1 + starts.len(), "stray chunks");
                for (i, start) in starts.iter().enumerate() {
                    let chunk = entries_of::<Memory>(&memory.0[&chunk_key(root, start)]).unwrap();
                    assert!(!chunk.is_empty() && chunk.len() <= CAP);
                    assert!(chunk.windows(2).all(|w| w[0] < w[1]));
                    assert!(i == 0 || chunk[0] >= *start);
                    if let Some(next) = starts.get(i + 1) {
                        assert!(chunk.last().unwrap() < next);
                    }
                    all.extend(chunk);
                }
            }
        }
        all
    }

    #[test]
    fn a_day_s_documents_sit_together_and_entries_name_their_documents() {
        let (class, role) = locate(&day_doc(DocKind::Role, day(3))).unwrap();
        let (_, tags) = locate(&day_doc(DocKind::Tags, day(3))).unwrap();
        let (_, next) = locate(&day_doc(DocKind::Role, day(4))).unwrap();
        assert!(role < tags && tags < next, "by date, then kind");
        assert_eq!(
            entry_doc(class, &tags),
            Some(Doc::Day(day(3), DocKind::Tags))
        );
        let week: crate::model::WeekId = "2026-W01".parse().unwrap();
        let (class, entry) = locate(&week_doc(week)).unwrap();
        assert_eq!(entry_doc(class, &entry), Some(Doc::Week(week)));
        assert_eq!(entry_doc(b'd', &[0, 0, 0, 0, b'w']), None);
        assert_eq!(locate(b"x"), None);
    }

    #[test]
    fn a_new_day_fills_the_last_chunk_and_leaves_the_full_ones_alone() {
        let mut memory = Memory::default();
        let root = root_key(&Codec::Plain, "river", b'd');
        let n = CAP as u32 * 3 + 1;
        for i in 0..n {
            let (_, e) = locate(&day_doc(DocKind::Role, day(i))).unwrap();
            edit_lists(&mut memory, &root, &[(e, true)]).unwrap();
        }
        assert_eq!(check(&memory, &root).len(), n as usize);
        let sizes: Vec<usize> = memory
            .0
            .iter()
            .filter(|(k, _)| k.len() > root.len())
            .map(|(_, v)| v.len() / ENTRY)
            .collect();
        assert_eq!(sizes, [CAP, CAP, CAP, 1]);
    }

    fn edits() -> impl Strategy<Value = Vec<Vec<(u32, u8, bool)>>> {
        // Batches of (day, kind, add?): one edit (a save) or many (an import).
        let edit = (0u32..60, 0u8..3, proptest::bool::weighted(0.7));
        proptest::collection::vec(proptest::collection::vec(edit, 1..25), 1..40)
    }

    /// What a plain index holds: each list (by root key) and its documents. How a list is cut
    /// into chunks depends on the edits' sizes, so two ways of writing are compared by this.
    fn contents(tree: &sled::Tree) -> BTreeMap<Vec<u8>, BTreeSet<Doc>> {
        let mut lists: BTreeMap<Vec<u8>, BTreeSet<Doc>> = BTreeMap::new();
        for item in tree.iter() {
            let (key, value) = item.unwrap();
            let prefix_len = key.iter().position(|b| *b == 0).unwrap() + 1;
            let docs = stored_docs(prefix_len, &key, &unpack(&key, &value).unwrap()).unwrap();
            lists
                .entry(key[..=prefix_len].to_vec())
                .or_default()
                .extend(docs);
        }
        lists.retain(|_, docs| !docs.is_empty());
        lists
    }

    /// A page of `words` picked from a pool with accents, case, digits and a repeated word.
    fn page(d: u32, role: &[usize], myself: &[usize], tags: &[usize]) -> DayEntry {
        const WORDS: [&str; 8] = [
            "river",
            "River",
            "Résumé",
            "resume",
            "naïve",
            "x2",
            "the",
            "日本語",
        ];
        const TAGS: [&str; 4] = ["wbr", "1on1", "team", "ärger"];
        let now = chrono::DateTime::parse_from_rfc3339("2026-01-01T09:00:00+01:00").unwrap();
        let mut page = DayEntry::new(day(d), now);
        let text = |picks: &[usize]| {
            picks
                .iter()
                .map(|i| WORDS[i % WORDS.len()])
                .collect::<Vec<_>>()
                .join(", ")
        };
        page.role = text(role);
        page.self_text = text(myself);
        page.tags = tags
            .iter()
            .map(|i| TAGS[i % TAGS.len()].to_owned())
            .collect();
        page
    }

    /// A page's date and its picks of words (role, myself) and tags.
    type Picks = (u32, Vec<usize>, Vec<usize>, Vec<usize>);

    fn pages() -> impl Strategy<Value = Vec<Picks>> {
        let picks = || proptest::collection::vec(0usize..8, 0..12);
        proptest::collection::vec(
            (
                0u32..40,
                picks(),
                picks(),
                proptest::collection::vec(0usize..4, 0..3),
            ),
            1..30,
        )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]
        /// A batch gathered for many pages (an import, a rebuild) writes exactly the index that
        /// saving the same pages one by one writes, first as new pages, then changed ones.
        #[test]
        fn a_gathered_batch_writes_what_saves_one_by_one_write(first in pages(), then in pages()) {
            let db = sled::Config::new().temporary(true).open().unwrap();
            let (gathered, saved) = (
                Tree::detached(db.open_tree("a").unwrap()),
                Tree::detached(db.open_tree("b").unwrap()),
            );
            let codec = Codec::Plain;
            let mut stored: BTreeMap<u32, DayEntry> = BTreeMap::new();
            let mut gather = Gather::default();
            for (d, role, myself, tags) in &first {
                if stored.contains_key(d) {
                    continue;
                }
                let new = page(*d, role, myself, tags);
                gather.add_day(&new).unwrap();
                (&saved,).transaction(|(t,)| reindex_day(&codec, t, None, Some(&new))).unwrap();
                stored.insert(*d, new);
            }
            gather.write(&codec, &gathered).unwrap();
            prop_assert_eq!(contents(&gathered), contents(&saved));
            let mut gather = Gather::default();
            for (d, role, myself, tags) in &then {
                let new = page(*d, role, myself, tags);
                let old = stored.remove(d);
                match &old {
                    Some(old) => gather.change_day(old, &new).unwrap(),
                    None => gather.add_day(&new).unwrap(),
                }
                (&saved,).transaction(|(t,)| reindex_day(&codec, t, old.as_ref(), Some(&new))).unwrap();
                stored.insert(*d, new);
            }
            gather.write(&codec, &gathered).unwrap();
            prop_assert_eq!(contents(&gathered), contents(&saved));
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]
        /// Lists gathered packed and written from nothing (a fresh store) are exactly the
        /// lists that saving the same pages one by one writes; days spread over years, so
        /// the packed steps take one to four bytes.
        #[test]
        fn a_packed_gather_written_new_writes_what_saves_one_by_one_write(first in pages()) {
            let db = sled::Config::new().temporary(true).open().unwrap();
            let (written, saved) = (
                Tree::detached(db.open_tree("a").unwrap()),
                Tree::detached(db.open_tree("b").unwrap()),
            );
            let codec = Codec::Plain;
            let days: BTreeMap<u32, DayEntry> = first
                .iter()
                .map(|(d, role, myself, tags)| (*d * 97, page(*d * 97, role, myself, tags)))
                .collect();
            let mut gather = Gather::<Packed>::default();
            for new in days.values() {
                gather.add_day(new).unwrap();
                (&saved,).transaction(|(t,)| reindex_day(&codec, t, None, Some(new))).unwrap();
            }
            let mut twice = 0;
            gather
                .write_new(&codec, |k, v| {
                    twice += usize::from(written.insert(&k, v).unwrap().is_some());
                    Ok(())
                })
                .unwrap();
            prop_assert_eq!(twice, 0, "a key written twice");
            prop_assert_eq!(contents(&written), contents(&saved));
        }
    }

    proptest! {
        /// Every stored list value (an inline root, a directory, a chunk; of days and of
        /// weeks) packs to fewer bytes and unpacks to itself; anything else stored is an
        /// error, never a panic.
        #[test]
        fn list_values_pack_and_unpack_to_themselves(
            numbers in proptest::collection::btree_set(0u64..(1u64 << 32) * 3, 0..40),
            weekly in proptest::bool::ANY,
            shape in 0u8..3,
            junk in proptest::collection::vec(proptest::num::u8::ANY, 0..12),
        ) {
            let class = if weekly { b'w' } else { b'd' };
            let root = [b'w', b'o', b'r', b'd', 0, class];
            let entries: Vec<Entry> = numbers.iter().map(|n| number_entry(class, *n)).collect();
            let (key, plain) = match shape {
                0 => (root.to_vec(), encode(Some(INLINE), &entries)),
                1 => (root.to_vec(), encode(Some(DIRECTORY), &entries)),
                _ => {
                    let start = entries.first().copied().unwrap_or([0; ENTRY]);
                    (chunk_key(&root, &start), encode(None, &entries))
                }
            };
            let packed = pack(&key, &plain).unwrap();
            prop_assert!(packed.len() <= 1 + entries.len() * ENTRY);
            prop_assert_eq!(unpack(&key, &packed).unwrap(), plain);
            let _ = unpack(&key, &junk);
            let _ = unpack(&root, &junk);
        }
    }

    #[test]
    fn packed_postings_round_trip_and_refuse_what_is_not_a_new_list() {
        for (class, top) in [(b'w', (1u64 << 40) - 1), (b'd', (1u64 << 32) * 3 - 1)] {
            let entries: Vec<Entry> = [0u64, 1, 2, 3, 127, 128, 300, 1 << 20, top]
                .iter()
                .map(|n| number_entry(class, *n))
                .collect();
            let mut packed = Packed::default();
            for e in &entries {
                packed.push(class, *e, true).unwrap();
            }
            assert_eq!(packed.entries(class), entries);
            assert_eq!(entry_number(class, &entries[8]), Some(top));
            assert!(
                packed.push(class, entries[3], true).is_err(),
                "out of order"
            );
            assert!(packed.push(class, entries[8], true).is_err(), "twice");
        }
        let tags = locate(&day_doc(DocKind::Tags, day(3))).unwrap().1;
        assert_eq!(number_entry(b'd', entry_number(b'd', &tags).unwrap()), tags);
        let mut unknown = tags;
        unknown[4] = b'w';
        assert_eq!(
            entry_number(b'd', &unknown),
            None,
            "a day's entry of no kind"
        );
        let first = number_entry(b'd', 1);
        assert!(
            Packed::default().push(b'd', first, false).is_err(),
            "a removal"
        );
    }

    proptest! {
        #[test]
        fn lists_hold_what_was_added_and_not_taken_out(batches in edits()) {
            let mut memory = Memory::default();
            let mut model = BTreeSet::new();
            let root = root_key(&Codec::Plain, "river", b'd');
            for batch in batches {
                let mut list: Vec<(Entry, bool)> = batch.iter().map(|&(d, k, add)| {
                    let kind = [DocKind::Role, DocKind::Myself, DocKind::Tags][k as usize];
                    (locate(&day_doc(kind, day(d))).unwrap().1, add)
                }).collect();
                for (e, add) in &list {
                    if *add { model.insert(*e); } else { model.remove(e); }
                }
                list.sort_by_key(|(e, _)| *e);
                edit_lists(&mut memory, &root, &list).unwrap();
                prop_assert_eq!(&check(&memory, &root), &model);
            }
        }
    }
}
