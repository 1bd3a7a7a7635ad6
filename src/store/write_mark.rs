//! The write mark: a small file beside sled's own (`store/keel.mark`) that remembers how many
//! writes the store held the last time Keel saw it durable.
//!
//! sled checksums what it reads, but a log cut short looks to it like the torn tail of a crash:
//! it recovers to an older state without an error, and a journal cut early enough opens empty,
//! as if new. Every `Journal::write` adds one to a counter in the `meta` tree (in the same flush
//! as the write); the mark holds a count that was durable in sled when the mark was written. A
//! store that opens with fewer writes than its mark has lost durable data: it is reported as
//! damaged (with the newest backup offered) instead of being read, or worse, written to.
//!
//! The mark lives inside `store/`, so it moves with the store (a restore moves the store aside,
//! mark and all) and a copy of the folder carries it. A missing or unreadable mark is treated
//! as no mark and written again; writing it is best effort (a full disk must not fail a save
//! that is already durable).

use std::io::Write;
use std::path::{Path, PathBuf};

pub(crate) const FILE: &str = "keel.mark";
/// The `meta` key of the write counter (u64, big-endian).
pub(crate) const WRITES_KEY: &[u8] = b"writes";
const HEADER: &str = "keel write mark 1";

pub(crate) fn path(store_dir: &Path) -> PathBuf {
    store_dir.join(FILE)
}

/// The count in the mark, or `None` when there is no readable mark.
pub(crate) fn read(store_dir: &Path) -> Option<u64> {
    let text = std::fs::read_to_string(path(store_dir)).ok()?;
    let mut lines = text.lines();
    if lines.next()? != HEADER {
        return None;
    }
    lines.next()?.strip_prefix("writes ")?.parse().ok()
}

/// Replaces the mark atomically and durably: a temporary file, fsync, rename, fsync of the
/// folder.
pub(crate) fn write(store_dir: &Path, writes: u64) -> std::io::Result<()> {
    let tmp = store_dir.join(format!("{FILE}.tmp"));
    let mut file = std::fs::File::create(&tmp)?;
    write!(file, "{HEADER}\nwrites {writes}\n")?;
    file.sync_all()?;
    std::fs::rename(&tmp, path(store_dir))?;
    std::fs::File::open(store_dir)?.sync_all()
}

/// The counter as stored in `meta`.
pub(crate) fn decode_count(bytes: Option<&[u8]>) -> u64 {
    bytes
        .and_then(|b| <[u8; 8]>::try_from(b).ok())
        .map_or(0, u64::from_be_bytes)
}

/// `old + 1`, for `sled::Tree::update_and_fetch`.
pub(crate) fn increment(old: Option<&[u8]>) -> Option<Vec<u8>> {
    Some((decode_count(old) + 1).to_be_bytes().to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mark_reads_back_what_was_written_and_nonsense_reads_as_none() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(read(dir.path()), None);
        write(dir.path(), 42).unwrap();
        assert_eq!(read(dir.path()), Some(42));
        write(dir.path(), 43).unwrap();
        assert_eq!(read(dir.path()), Some(43));
        std::fs::write(path(dir.path()), "keel write mark 1\nwrites many\n").unwrap();
        assert_eq!(read(dir.path()), None);
        std::fs::write(path(dir.path()), [0xff, 0xfe]).unwrap();
        assert_eq!(read(dir.path()), None);
    }

    #[test]
    fn the_counter_counts_from_nothing() {
        assert_eq!(decode_count(None), 0);
        assert_eq!(decode_count(Some(&[1, 2])), 0);
        assert_eq!(decode_count(increment(None).as_deref()), 1);
        let two = increment(increment(None).as_deref());
        assert_eq!(decode_count(two.as_deref()), 2);
    }
}
