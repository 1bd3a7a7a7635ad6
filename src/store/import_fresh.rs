//! A large import's pages written, with everything the journal holds, into a fresh store that
//! then takes the old one's place: each key written once, the days and the index in key
//! order, nothing read back but the check.
//!
//! Writing a large import into the live store and then making the fresh copy that sled's
//! fragmented log needs anyway (`compact`) writes every page twice and every list of the
//! index many times (each batch of postings rewrites the last chunk of every list it touches).
//! Here the old store is read once, merged with the import's pages, and the index is gathered
//! whole (`index::Packed`: about a byte and a half a posting), on a second thread while the
//! pages are written, and written once at the end. The frame is the fresh copy's
//! (`compact::stage_same_keys`): the new store is made durable, reopened from disk and checked
//! against an order-free digest of every entry written, and only then swapped in, so a crash
//! before the swap leaves the journal as it was, and one after it the whole import's pages
//! with their marks.
//!
//! The room's shared types and constants live in `store/mod.rs` (`use super::*`).

use std::collections::BTreeMap;

use super::compact::{self, Digest};
use super::*;

#[cfg(test)]
thread_local! {
    /// Imports this thread wrote into a fresh store (the tests tell the two paths apart).
    pub(crate) static FRESH_IMPORTS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Trees the fresh store writes itself; every other tree is copied as it is.
const WRITTEN: [&str; 5] = [DAYS, index::TREE, IMPORTED, sync_marks::DIRTY, META];

impl Journal {
    /// Replaces the store with a fresh one holding everything it holds and `pages` (sorted by
    /// date; a page replaces the journal's page of its date), with `marks` (the import marks
    /// of those pages' entries), their sync marks and a search index built from nothing.
    pub(super) fn import_fresh(
        &self,
        pages: Vec<DayEntry>,
        marks: Vec<(String, NaiveDate)>,
    ) -> Result<()> {
        #[cfg(test)]
        FRESH_IMPORTS.with(|n| n.set(n.get() + 1));
        self.rewrite(None, |old, writes| {
            compact::stage_same_keys(
                &self.dir,
                writes,
                |path| open_sled(path, &self.dir),
                |to| fill(old, to, pages, marks),
                compact::check_digest,
            )
        })
    }
}

/// The entries written into the fresh store, each digested as it goes in.
struct Writer {
    digest: Digest,
}

impl Writer {
    // The fresh store, not the open one (synced before it is swapped in).
    #[allow(clippy::disallowed_methods)]
    fn put(&mut self, tree: &sled::Tree, name: &str, key: &[u8], value: &[u8]) -> Result<()> {
        self.digest.add(name, key, value);
        tree.insert(key, value)?;
        Ok(())
    }
}

fn fill(
    old: &Store,
    to: &sled::Db,
    pages: Vec<DayEntry>,
    marks: Vec<(String, NaiveDate)>,
) -> Result<Digest> {
    let codec = &old.codec;
    let mut out = Writer {
        digest: Digest::default(),
    };
    let mut gather = index::Gather::<index::Packed>::default();
    for name in old.db.tree_names() {
        let tree_name = String::from_utf8_lossy(&name).into_owned();
        if WRITTEN.contains(&tree_name.as_str()) || &name[..] == index::OLD_DOCS_TREE {
            continue;
        }
        let dst = compact::tree(to, &name)?;
        for item in compact::tree(&old.db, &name)?.iter() {
            let (k, v) = item?;
            if tree_name == WEEKS {
                gather.add_week(&old.open_week(&k, &v)?)?;
            }
            out.put(&dst, &tree_name, &k, &v)?;
        }
    }

    let new_dates: Vec<NaiveDate> = pages.iter().map(|d| d.date).collect();
    // The days: the journal's and the import's, merged in key order (the import's page wins),
    // each page handed to a second thread that gathers its postings while this one writes.
    let days = to.open_tree(DAYS)?;
    let gather = std::thread::scope(|s| {
        let (pass, passed) = std::sync::mpsc::sync_channel::<DayEntry>(256);
        // Pages come back to be dropped here: freed on the other thread, each page would
        // wait for this thread's allocator (glibc frees a block into the arena it came from).
        let (back, returned) = std::sync::mpsc::channel::<DayEntry>();
        let gatherer = s.spawn(move || -> Result<_> {
            for day in passed {
                gather.add_day(&day)?;
                let _ = back.send(day);
            }
            Ok(gather)
        });
        let merged = merge_days(old, &days, pages, &mut out, |day| {
            returned.try_iter().for_each(drop);
            // Refused only when the gatherer stopped, on an error it returns below.
            pass.send(day).map_err(|_| stopped())
        });
        drop(pass);
        // The gatherer's error first: when it stopped, the merge failed for that.
        let gathered = gatherer.join().map_err(|_| stopped())?;
        returned.try_iter().for_each(drop);
        gathered.and_then(|gather| merged.map(|()| gather))
    })?;

    let meta = to.open_tree(META)?;
    for item in old.meta.iter() {
        let (k, v) = item?;
        if &k[..] != index::INDEX_DIRTY_KEY && &k[..] != index::INDEX_VERSION_KEY {
            out.put(&meta, META, &k, &v)?;
        }
    }
    out.put(
        &meta,
        META,
        index::INDEX_VERSION_KEY,
        &index::INDEX_VERSION.to_be_bytes(),
    )?;

    // Sync marks: the journal's, and one per imported page. (Written before the days, these
    // trees left sled's log 24 MB larger at 100,000 pages, and the peak no lower.)
    let mut dirty: BTreeMap<Vec<u8>, sled::IVec> = BTreeMap::new();
    for item in old.sync_dirty.iter() {
        let (k, v) = item?;
        dirty.insert(k.to_vec(), v);
    }
    for date in new_dates {
        dirty
            .entry(sync_marks::SyncRecord::Day(date).name().into_bytes())
            .or_default();
    }
    let dirty_tree = to.open_tree(sync_marks::DIRTY)?;
    for (k, v) in dirty {
        out.put(&dirty_tree, sync_marks::DIRTY, &k, &v)?;
    }

    // Import marks: the journal's and the import's, regrouped into their buckets.
    let mut all = import_marks::all(codec, &old.imported)?;
    all.extend(marks.into_iter().map(|(m, d)| (m, day_key(d))));
    let imported = to.open_tree(IMPORTED)?;
    import_marks::write_all(codec, &imported, &all)?;
    drop(all);
    for item in imported.iter() {
        let (k, v) = item?;
        out.digest.add(IMPORTED, &k, &v);
    }

    let terms = to.open_tree(index::TREE)?;
    gather.write_new(codec, |k, v| out.put(&terms, index::TREE, &k, &v))?;
    Ok(out.digest)
}

/// Writes the journal's days and `pages` (sorted by date) into `days`, merged in key order
/// (of two pages of one date the import's, and of its own the last, wins), and hands each
/// page written to `each`.
fn merge_days(
    old: &Store,
    days: &sled::Tree,
    pages: Vec<DayEntry>,
    out: &mut Writer,
    mut each: impl FnMut(DayEntry) -> Result<()>,
) -> Result<()> {
    let codec = &old.codec;
    let mut stored = old.days.iter();
    let mut held = stored.next().transpose()?;
    let mut pages = pages.into_iter().peekable();
    loop {
        let page_key = pages.peek().map(|d| day_key(d.date));
        let stored_first = match (&held, &page_key) {
            (None, None) => break,
            (Some((k, _)), page) => page.is_none_or(|p| k[..] < p[..]),
            (None, Some(_)) => false,
        };
        if stored_first {
            if let Some((k, v)) = held.take() {
                out.put(days, DAYS, &k, &v)?;
                each(old.open_day(&k, &v)?)?;
            }
            held = stored.next().transpose()?;
        } else if let (Some(mut page), Some(key)) = (pages.next(), page_key) {
            // Two pages of one date: the last wins, as when they are written one by one.
            while let Some(later) = pages.next_if(|d| d.date == page.date) {
                page = later;
            }
            if held.as_ref().is_some_and(|(k, _)| k[..] == key[..]) {
                held = stored.next().transpose()?;
            }
            let sealed = codec.seal(DAYS, &key, &records::encode_day(&page)?)?;
            out.put(days, DAYS, &key, &sealed)?;
            each(page)?;
        }
    }
    Ok(())
}

/// The gatherer of a fresh store's index stopped (its own error is the one returned).
fn stopped() -> KeelError {
    KeelError::Corrupt {
        what: "import".into(),
        detail: "the search index could not be gathered".into(),
    }
}
