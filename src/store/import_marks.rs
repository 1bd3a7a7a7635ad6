//! Import marks: which entries of other software were imported already (`source:id`, with the
//! day each went to), so that importing the same file twice adds nothing the second time.
//!
//! The marks are packed into at most 4,096 buckets of the `imported` tree: the key is `0xFF`
//! and twelve bits of a hash of the mark (plain: BLAKE3; sealed: the journal's keyed hash, so the
//! key says nothing about the mark), the value the bucket's marks sorted, each as a 4-byte
//! length, the mark and its 4-byte day key (sealed like every value). Schema 1 kept one key per
//! mark: 100,000 keys after a 100,000-entry jrnl import, which made every open of the journal
//! slower (sled's open time grows with its keys) and left sled's fresh copy of the store with
//! about fifty megabytes of free log segments that each open rewrites. `repack` (the migration
//! from schema 1) moves such marks into buckets.

use std::collections::BTreeMap;

use super::codec::{Codec, IMPORTED};
use crate::error::{KeelError, Result};

/// The first byte of a bucket's key: never the first byte of a schema-1 key (a mark is text,
/// and UTF-8 has no 0xFF; a sealed one was 16 bytes long).
const BUCKET: u8 = 0xFF;

/// The marks of one bucket: mark → day key.
pub(crate) type Bucket = BTreeMap<String, [u8; 4]>;

/// The key of the bucket that holds `mark`.
pub(crate) fn bucket_key(codec: &Codec, mark: &str) -> Vec<u8> {
    let hash = codec.mark_hash(mark);
    vec![BUCKET, hash[0] & 0x0F, hash[1]]
}

fn is_bucket(key: &[u8]) -> bool {
    key.len() == 3 && key[0] == BUCKET
}

fn corrupt(detail: &str) -> KeelError {
    KeelError::Corrupt {
        what: "import marks".into(),
        detail: detail.into(),
    }
}

/// The entries of a bucket's plain bytes, in place: (mark bytes, day key).
fn entries(mut bytes: &[u8]) -> impl Iterator<Item = Result<(&[u8], [u8; 4])>> {
    std::iter::from_fn(move || {
        if bytes.is_empty() {
            return None;
        }
        let Some((len, rest)) = bytes.split_first_chunk::<4>() else {
            bytes = &[];
            return Some(Err(corrupt("a mark is cut short")));
        };
        let len = u32::from_be_bytes(*len) as usize;
        if rest.len() < len.saturating_add(4) {
            bytes = &[];
            return Some(Err(corrupt("a mark is cut short")));
        }
        let day: [u8; 4] = rest[len..len + 4].try_into().expect("four bytes");
        let mark = &rest[..len];
        bytes = &rest[len + 4..];
        Some(Ok((mark, day)))
    })
}

/// A bucket's marks from its plain bytes.
pub(crate) fn decode(bytes: &[u8]) -> Result<Bucket> {
    entries(bytes)
        .map(|entry| {
            let (mark, day) = entry?;
            let mark = std::str::from_utf8(mark).map_err(|_| corrupt("a mark is not text"))?;
            Ok((mark.to_owned(), day))
        })
        .collect()
}

/// A bucket's plain bytes; refused above a record's limit (sled would put it in a file it never
/// fsyncs), which takes millions of marks.
pub(crate) fn encode(bucket: &Bucket) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    for (mark, day) in bucket {
        out.extend_from_slice(&(mark.len() as u32).to_be_bytes());
        out.extend_from_slice(mark.as_bytes());
        out.extend_from_slice(day);
    }
    if out.len() > super::records::MAX_RECORD_BYTES {
        return Err(KeelError::TextTooLarge {
            bytes: out.len(),
            limit: super::records::MAX_RECORD_BYTES,
        });
    }
    Ok(out)
}

/// The marks of the bucket stored under `key`.
pub(crate) fn open_bucket(codec: &Codec, key: &[u8], stored: &[u8]) -> Result<Bucket> {
    decode(&codec.open(IMPORTED, key, stored)?)
}

/// The bytes to store for `bucket` under `key`.
pub(crate) fn seal_bucket(codec: &Codec, key: &[u8], bucket: &Bucket) -> Result<Vec<u8>> {
    codec.seal(IMPORTED, key, &encode(bucket)?)
}

/// Whether the bucket stored under `key` holds `mark` (read in place: imports ask this once
/// per entry).
pub(crate) fn holds(codec: &Codec, key: &[u8], stored: &[u8], mark: &str) -> Result<bool> {
    let plain = codec.open(IMPORTED, key, stored)?;
    for entry in entries(&plain) {
        if entry?.0 == mark.as_bytes() {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Every mark of `tree` (buckets and, from schema 1, single marks) with its day key.
pub(crate) fn all(codec: &Codec, tree: &sled::Tree) -> Result<Vec<(String, [u8; 4])>> {
    let mut out = Vec::new();
    for item in tree.iter() {
        let (key, stored) = item?;
        let plain = codec.open(IMPORTED, &key, &stored)?;
        if is_bucket(&key) {
            out.extend(decode(&plain)?);
        } else {
            out.push(old_mark(codec, &key, &plain)?);
        }
    }
    Ok(out)
}

/// A schema-1 mark: plain, the key is the mark and the value its day; sealed, the key is a
/// hash and the value the day then the mark.
fn old_mark(codec: &Codec, key: &[u8], plain: &[u8]) -> Result<(String, [u8; 4])> {
    let (mark, day) = if codec.is_sealed() {
        let (day, mark) = plain
            .split_first_chunk::<4>()
            .ok_or_else(|| corrupt("a mark is cut short"))?;
        (mark, *day)
    } else {
        let day = plain
            .try_into()
            .map_err(|_| corrupt("a mark's day is not four bytes"))?;
        (key, day)
    };
    let mark = std::str::from_utf8(mark).map_err(|_| corrupt("a mark is not text"))?;
    Ok((mark.to_owned(), day))
}

/// `marks` grouped into the buckets `codec` puts them in.
pub(crate) fn group<'a>(
    codec: &Codec,
    marks: impl IntoIterator<Item = (&'a str, [u8; 4])>,
) -> BTreeMap<Vec<u8>, Vec<(&'a str, [u8; 4])>> {
    let mut out: BTreeMap<Vec<u8>, Vec<(&str, [u8; 4])>> = BTreeMap::new();
    for (mark, day) in marks {
        out.entry(bucket_key(codec, mark))
            .or_default()
            .push((mark, day));
    }
    out
}

/// Writes `marks` into an empty tree through `codec` (a converted copy of the store).
// Only ever a fresh copy's tree, not the open store.
#[allow(clippy::disallowed_methods)]
pub(crate) fn write_all(
    codec: &Codec,
    tree: &sled::Tree,
    marks: &[(String, [u8; 4])],
) -> Result<()> {
    let grouped = group(codec, marks.iter().map(|(m, d)| (m.as_str(), *d)));
    for (key, marks) in grouped {
        let bucket: Bucket = marks.into_iter().map(|(m, d)| (m.to_owned(), d)).collect();
        tree.insert(&key, seal_bucket(codec, &key, &bucket)?)?;
    }
    Ok(())
}

/// The migration from schema 1: every single-mark key becomes an entry of its bucket, in one
/// atomic batch (so a crash leaves either layout whole, and running it again is harmless).
// A migration at open, before the store logs; the migration syncs after it.
#[allow(clippy::disallowed_methods)]
pub(crate) fn repack(db: &sled::Db, codec: &Codec) -> Result<()> {
    let tree = db.open_tree(IMPORTED)?;
    let mut buckets: BTreeMap<Vec<u8>, Bucket> = BTreeMap::new();
    let mut old_keys = Vec::new();
    for item in tree.iter() {
        let (key, stored) = item?;
        if is_bucket(&key) {
            continue;
        }
        let plain = codec.open(IMPORTED, &key, &stored)?;
        let (mark, day) = old_mark(codec, &key, &plain)?;
        let bucket_key = bucket_key(codec, &mark);
        if !buckets.contains_key(&bucket_key) {
            let existing = match tree.get(&bucket_key)? {
                Some(stored) => open_bucket(codec, &bucket_key, &stored)?,
                None => Bucket::new(),
            };
            buckets.insert(bucket_key.clone(), existing);
        }
        buckets.entry(bucket_key).or_default().insert(mark, day);
        old_keys.push(key);
    }
    let mut batch = sled::Batch::default();
    for key in old_keys {
        batch.remove(key);
    }
    for (key, bucket) in buckets {
        let sealed = seal_bucket(codec, &key, &bucket)?;
        batch.insert(key, sealed);
    }
    Ok(tree.apply_batch(batch)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bucket_round_trips_and_damage_is_an_error_not_a_panic() {
        let mut bucket = Bucket::new();
        bucket.insert("jrnl:2026-01-01 09:00 Day one".into(), [1, 2, 3, 4]);
        bucket.insert("dayone:ABC".into(), [0, 0, 0, 9]);
        bucket.insert("jrnl:日本".into(), [9, 9, 9, 9]);
        let bytes = encode(&bucket).unwrap();
        assert_eq!(decode(&bytes).unwrap(), bucket);
        for cut in 1..bytes.len() {
            let _ = decode(&bytes[..cut]);
        }
        assert!(decode(&bytes[..bytes.len() - 1]).is_err());
        let codec = Codec::Plain;
        assert!(holds(&codec, b"k", &bytes, "dayone:ABC").unwrap());
        assert!(!holds(&codec, b"k", &bytes, "dayone:AB").unwrap());
        assert!(holds(&codec, b"k", &bytes[..bytes.len() - 1], "zzz").is_err());
        assert!(
            decode(&[0, 0, 0, 2, 0xFF, 0xFE, 0, 0, 0, 0]).is_err(),
            "not text"
        );
        let key = bucket_key(&Codec::Plain, "jrnl:x");
        assert!(is_bucket(&key) && key[1] < 16, "{key:?}");
    }
}
