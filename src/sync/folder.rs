//! The sync folder on disk, as file-sync tools see it.
//!
//! ```text
//! FOLDER/keel-sync/key.json                                         the folder's key, wrapped
//! FOLDER/keel-sync/devices/<device id>/<sequence, 12 digits>.kc   change files
//! FOLDER/keel-sync/devices/<device id>/<sequence, 12 digits>.ks   a snapshot
//! ```
//! Each device writes only in its own folder, and never rewrites a file: a file is written
//! under a temporary name (`.<name>.tmp`), fsynced, renamed, and its folder fsynced; change
//! files and snapshots share one sequence, and a number whose file exists is never used again.
//! So a sync tool never sees two writers on one path, and a reader never needs a file to change.
//!
//! A change file is `KEELSYNC2` and the batch of changes, deflated, then sealed
//! (XChaCha20-Poly1305 under the folder's key, with its device id and sequence number as
//! associated data, so a file renamed or moved to another device's folder does not open);
//! `KEELSYNC1` files (not deflated, written before) still open. A snapshot (`KEELSNAP1`) is
//! every version its device knew when it wrote it, from every device, and which change files
//! those came from (`Covers`): a short sealed head saying so, then the versions, deflated and
//! sealed. A device joining reads the newest snapshots and only the change files they do not
//! cover, and a device deletes its own change files and older snapshots once a snapshot of its
//! covers them, so the folder holds one snapshot and a bounded tail of files per device. File
//! names show only device ids and sequence numbers.
//!
//! Readers take what sync tools leave: a file that does not open (still arriving, truncated,
//! damaged) is reported and tried again at the next exchange, never fatal; temporary files
//! (ours, Syncthing's `.syncthing.*.tmp` and `~syncthing~*.tmp`) are passed over; conflict
//! copies (Syncthing's `*.sync-conflict-*`, Nextcloud's and Dropbox's `(conflicted copy …)`)
//! are read too, since their changes are real versions that must not be lost (the same
//! version twice is taken once); anything else is reported as unknown and left alone.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::history::{Change, DeviceId};
use crate::crypto::Keys;
use crate::error::{io, KeelError, Result};

/// Keel's folder inside the folder a person syncs.
pub const ROOT: &str = "keel-sync";
const DEVICES: &str = "devices";
/// A change file as the first version wrote it: JSON, sealed.
const MAGIC_PLAIN: &[u8] = b"KEELSYNC1";
/// A change file: JSON, deflated, sealed.
const MAGIC: &[u8] = b"KEELSYNC2";
const MAGIC_SNAPSHOT: &[u8] = b"KEELSNAP1";
const EXTENSION: &str = "kc";
const SNAPSHOT_EXTENSION: &str = "ks";
/// The most a deflated file may inflate to (a sealed file is the folder's key holder's own,
/// but a bug must not exhaust memory): 1 GiB, some fifty times ten years of pages.
const INFLATED_AT_MOST: u64 = 1 << 30;

/// One change file's contents (inside the seal).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Batch {
    pub device: DeviceId,
    pub seq: u64,
    pub changes: Vec<Change>,
}

/// Which change files of each device a snapshot's versions come from: ranges of sequence
/// numbers, first and last included.
pub type Covers = BTreeMap<DeviceId, Vec<(u64, u64)>>;

/// A snapshot's head, sealed apart from its versions so a device can tell whether it needs
/// them without opening them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SnapshotHead {
    pub device: DeviceId,
    pub seq: u64,
    pub covers: Covers,
    /// How many versions it holds.
    pub versions: usize,
}

/// `seqs` as ranges.
pub fn ranges(seqs: &BTreeSet<u64>) -> Vec<(u64, u64)> {
    let mut out: Vec<(u64, u64)> = Vec::new();
    for &seq in seqs {
        match out.last_mut() {
            Some((_, last)) if *last + 1 == seq => *last = seq,
            _ => out.push((seq, seq)),
        }
    }
    out
}

/// A change file or a snapshot found in the folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub device: DeviceId,
    pub seq: u64,
    pub path: PathBuf,
    /// A sync tool's conflict copy of the file (read, but not counted as the file itself).
    pub copy: bool,
    /// A snapshot, not a change file.
    pub snapshot: bool,
}

/// Something in the folder that is not a change file, and what was done about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passed {
    pub path: PathBuf,
    pub why: PassedOver,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum PassedOver {
    /// A file still being written (ours or a sync tool's temporary file).
    Temporary,
    /// A name Keel does not write.
    Unknown,
}

/// What a scan of the folder found.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Scan {
    pub files: Vec<Found>,
    pub passed: Vec<Passed>,
}

fn devices_dir(folder: &Path) -> PathBuf {
    folder.join(ROOT).join(DEVICES)
}

/// The folder of `device`'s change files.
pub fn device_dir(folder: &Path, device: &DeviceId) -> PathBuf {
    devices_dir(folder).join(&device.0)
}

fn file_name(seq: u64) -> String {
    format!("{seq:012}.{EXTENSION}")
}

fn snapshot_name(seq: u64) -> String {
    format!("{seq:012}.{SNAPSHOT_EXTENSION}")
}

/// Whether number `seq` of a device is taken, by a change file or a snapshot.
fn taken(dir: &Path, seq: u64) -> bool {
    dir.join(file_name(seq)).exists() || dir.join(snapshot_name(seq)).exists()
}

/// What a file name in a device's folder is: a change file or a snapshot, or a conflict copy
/// of one (its number, whether it is a copy, whether a snapshot); a temporary file; or
/// something else.
fn classify(name: &str) -> std::result::Result<(u64, bool, bool), PassedOver> {
    let temporary = (name.starts_with('.') && name.ends_with(".tmp"))
        || name.starts_with(".syncthing.")
        || name.starts_with("~syncthing~");
    if temporary {
        return Err(PassedOver::Temporary);
    }
    let (stem, snapshot) = if let Some(stem) = name.strip_suffix(&format!(".{EXTENSION}")) {
        (stem, false)
    } else if let Some(stem) = name.strip_suffix(&format!(".{SNAPSHOT_EXTENSION}")) {
        (stem, true)
    } else {
        return Err(PassedOver::Unknown);
    };
    let (seq, copy) = numbered(stem).ok_or(PassedOver::Unknown)?;
    Ok((seq, copy, snapshot))
}

/// A name's number without its extension, and whether it names a sync tool's conflict copy.
fn numbered(stem: &str) -> Option<(u64, bool)> {
    let seq_of = |stem: &str| {
        (stem.len() == 12 && stem.bytes().all(|b| b.is_ascii_digit()))
            .then(|| stem.parse::<u64>().ok())
            .flatten()
    };
    if let Some(seq) = seq_of(stem) {
        return Some((seq, false));
    }
    // Syncthing: 000000000003.sync-conflict-20261201-101500-ABCDEFG.kc
    if let Some((stem, _)) = stem.split_once(".sync-conflict-") {
        return seq_of(stem).map(|seq| (seq, true));
    }
    // Nextcloud "000000000003 (conflicted copy 2026-12-01 101500).kc", Dropbox
    // "000000000003 (Laptop's conflicted copy 2026-12-01).kc".
    match stem.split_once(" (") {
        Some((stem, rest)) if rest.contains("conflicted copy") => {
            seq_of(stem).map(|seq| (seq, true))
        }
        _ => None,
    }
}

/// Lists the change files of every device in `folder` (none when Keel's folder is not there
/// yet), sorted by device and sequence, and what was passed over.
pub fn scan(folder: &Path) -> Result<Scan> {
    let mut out = Scan::default();
    let root = devices_dir(folder);
    let devices = match std::fs::read_dir(&root) {
        Ok(d) => d,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(out),
        Err(e) => return Err(io("read", &root)(e)),
    };
    for entry in devices {
        let entry = entry.map_err(io("read", &root))?;
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        // A device's folder deleted while being read, or a stray file beside the folders.
        let Some(device) = DeviceId::parse(&name).filter(|_| path.is_dir()) else {
            if !name.starts_with('.') {
                out.passed.push(Passed {
                    path,
                    why: PassedOver::Unknown,
                });
            }
            continue;
        };
        let files = match std::fs::read_dir(&path) {
            Ok(f) => f,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => return Err(io("read", &path)(e)),
        };
        for file in files {
            let file = file.map_err(io("read", &path))?;
            let file_name = file.file_name().to_string_lossy().into_owned();
            match classify(&file_name) {
                Ok((seq, copy, snapshot)) => out.files.push(Found {
                    device: device.clone(),
                    seq,
                    path: file.path(),
                    copy,
                    snapshot,
                }),
                Err(why) => out.passed.push(Passed {
                    path: file.path(),
                    why,
                }),
            }
        }
    }
    out.files.sort_by(|a, b| {
        (&a.device, a.seq, a.copy, &a.path).cmp(&(&b.device, b.seq, b.copy, &b.path))
    });
    Ok(out)
}

/// The folder's key, wrapped under the passphrase (Argon2id, as the store's key is).
const KEY_FILE: &str = "key.json";

fn key_path(folder: &Path) -> PathBuf {
    folder.join(ROOT).join(KEY_FILE)
}

/// Whether `folder` holds a Keel sync folder already (its key file).
pub fn exists(folder: &Path) -> bool {
    key_path(folder).is_file()
}

/// Starts a sync folder in `folder`: a new random key, wrapped under `passphrase`, written
/// durably. Refuses when the folder has a key already (join it instead).
pub fn start(folder: &Path, passphrase: &str, params: crate::crypto::KdfParams) -> Result<Keys> {
    let path = key_path(folder);
    if path.exists() {
        return Err(KeelError::SyncFolder {
            reason: crate::error::Reason::new("reason-sync-folder-taken", vec![]),
        });
    }
    let (keys, envelope) = Keys::create(passphrase, params)?;
    let dir = folder.join(ROOT);
    std::fs::create_dir_all(&dir).map_err(io("create", &dir))?;
    let json = serde_json::to_vec_pretty(&envelope).map_err(|e| KeelError::Crypto {
        detail: e.to_string(),
    })?;
    crate::durable::write_atomic(&path, &dir.join(format!(".{KEY_FILE}.tmp")), &json, false)?;
    Ok(keys)
}

/// The folder's key, unwrapped with `passphrase`: `WrongPassphrase` (and nothing read or
/// written) when it is not the folder's.
pub fn join(folder: &Path, passphrase: &str) -> Result<Keys> {
    let path = key_path(folder);
    let bytes = std::fs::read(&path).map_err(io("read", &path))?;
    let envelope: crate::crypto::Envelope =
        serde_json::from_slice(&bytes).map_err(|e| KeelError::Corrupt {
            what: "sync folder's key".into(),
            detail: e.to_string(),
        })?;
    Keys::unlock(&envelope, passphrase)
}

/// The associated data a file is sealed with: whose it is and its place in their sequence.
fn aad(device: &DeviceId, seq: u64) -> Vec<u8> {
    format!("keel-sync/1/{device}/{seq}").into_bytes()
}

/// A snapshot's associated data: whose, its number, and which part.
fn snapshot_aad(device: &DeviceId, seq: u64, part: &str) -> Vec<u8> {
    format!("keel-sync/1/{device}/{seq}/snapshot/{part}").into_bytes()
}

/// `value` as JSON, deflated.
fn deflated(value: &impl Serialize) -> Result<Vec<u8>> {
    let failed = |e: std::io::Error| KeelError::Crypto {
        detail: e.to_string(),
    };
    let mut out = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::fast());
    out.write_all(&json(value)?).map_err(failed)?;
    out.finish().map_err(failed)
}

/// `value` as JSON.
fn json(value: &impl Serialize) -> Result<Vec<u8>> {
    serde_json::to_vec(value).map_err(|e| KeelError::Crypto {
        detail: e.to_string(),
    })
}

/// What opened under the key, read as JSON: `Malformed` when it does not say what it should.
fn parsed<T: serde::de::DeserializeOwned>(plain: &[u8]) -> std::result::Result<T, Unreadable> {
    serde_json::from_slice(plain).map_err(|e| Unreadable::Malformed(e.to_string()))
}

/// What `deflated` made, inflated: `None` when it is not deflate or too large.
fn inflated(bytes: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    flate2::read::DeflateDecoder::new(bytes)
        .take(INFLATED_AT_MOST + 1)
        .read_to_end(&mut out)
        .ok()?;
    (out.len() as u64 <= INFLATED_AT_MOST).then_some(out)
}

/// A batch sealed for its place.
pub fn seal(keys: &Keys, batch: &Batch) -> Result<Vec<u8>> {
    let mut out = MAGIC.to_vec();
    out.extend(keys.seal(&aad(&batch.device, batch.seq), &deflated(batch)?)?);
    Ok(out)
}

/// Why a change file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unreadable {
    /// Not Keel's format (or cut before its first bytes).
    NotAChangeFile,
    /// It does not open under the folder's key: still arriving, truncated, damaged, or
    /// sealed for another place.
    DoesNotOpen,
    /// It opens but does not say what it should (a bug, or a newer Keel).
    Malformed(String),
}

/// The batch in `bytes`, found as `device`'s file number `seq`.
pub fn open(
    keys: &Keys,
    device: &DeviceId,
    seq: u64,
    bytes: &[u8],
) -> std::result::Result<Batch, Unreadable> {
    let (sealed, deflate) = match bytes.strip_prefix(MAGIC) {
        Some(sealed) => (sealed, true),
        None => (
            bytes
                .strip_prefix(MAGIC_PLAIN)
                .ok_or(Unreadable::NotAChangeFile)?,
            false,
        ),
    };
    let mut plain = keys
        .open(&aad(device, seq), sealed)
        .map_err(|_| Unreadable::DoesNotOpen)?;
    if deflate {
        plain = inflated(&plain).ok_or_else(|| Unreadable::Malformed("not deflate".into()))?;
    }
    let batch: Batch = parsed(&plain)?;
    if &batch.device != device || batch.seq != seq {
        return Err(Unreadable::Malformed("it names another place".into()));
    }
    if let Some(c) = batch.changes.iter().find(|c| &c.id.device != device) {
        return Err(Unreadable::Malformed(format!(
            "it holds a version of another device ({})",
            c.id.device
        )));
    }
    Ok(batch)
}

/// Writes `batch` as `device`'s next change file: the first sequence number from `batch.seq`
/// on whose file does not exist yet (a number is never used twice, even after a crash between
/// the rename and the caller's record of it). Returns the number used and the file's length.
pub fn write(folder: &Path, keys: &Keys, mut batch: Batch) -> Result<(u64, u64)> {
    let device = batch.device.clone();
    write_next(folder, &device, batch.seq, file_name, |seq| {
        batch.seq = seq;
        seal(keys, &batch)
    })
}

/// Writes `device`'s file numbered by the first free number from `seq` on, named by `name`,
/// its bytes made by `bytes` for that number (they are sealed for it): under a temporary name,
/// fsynced, renamed. Returns the number used and the file's length.
fn write_next(
    folder: &Path,
    device: &DeviceId,
    mut seq: u64,
    name: fn(u64) -> String,
    bytes: impl FnOnce(u64) -> Result<Vec<u8>>,
) -> Result<(u64, u64)> {
    let dir = device_dir(folder, device);
    std::fs::create_dir_all(&dir).map_err(io("create", &dir))?;
    while taken(&dir, seq) {
        seq += 1;
    }
    let bytes = bytes(seq)?;
    let name = name(seq);
    crate::durable::write_atomic(
        &dir.join(&name),
        &dir.join(format!(".{name}.tmp")),
        &bytes,
        false,
    )?;
    Ok((seq, bytes.len() as u64))
}

/// Writes a snapshot of `changes`, which come from the files `covers` names, as `device`'s
/// next file, numbered as `write` numbers (the first free number from `seq` on). Returns the
/// number used and the file's length.
pub fn write_snapshot(
    folder: &Path,
    keys: &Keys,
    device: &DeviceId,
    seq: u64,
    covers: Covers,
    changes: &[Change],
) -> Result<(u64, u64)> {
    let mut head = SnapshotHead {
        device: device.clone(),
        seq,
        covers,
        versions: changes.len(),
    };
    // The versions are deflated once, whatever number the file takes.
    let body = deflated(&changes)?;
    write_next(folder, device, seq, snapshot_name, |seq| {
        head.seq = seq;
        let sealed_head = keys.seal(&snapshot_aad(device, seq, "head"), &json(&head)?)?;
        let body = keys.seal(&snapshot_aad(device, seq, "versions"), &body)?;
        let mut bytes = MAGIC_SNAPSHOT.to_vec();
        bytes.extend((sealed_head.len() as u32).to_le_bytes());
        bytes.extend(sealed_head);
        bytes.extend(body);
        Ok(bytes)
    })
}

/// The head of the snapshot in `bytes`, found as `device`'s number `seq`.
pub fn open_snapshot_head(
    keys: &Keys,
    device: &DeviceId,
    seq: u64,
    bytes: &[u8],
) -> std::result::Result<SnapshotHead, Unreadable> {
    let (head, _) = snapshot_parts(keys, device, seq, bytes)?;
    Ok(head)
}

fn snapshot_parts<'b>(
    keys: &Keys,
    device: &DeviceId,
    seq: u64,
    bytes: &'b [u8],
) -> std::result::Result<(SnapshotHead, &'b [u8]), Unreadable> {
    let rest = bytes
        .strip_prefix(MAGIC_SNAPSHOT)
        .ok_or(Unreadable::NotAChangeFile)?;
    let (len, rest) = rest.split_at_checked(4).ok_or(Unreadable::DoesNotOpen)?;
    let len = u32::from_le_bytes(len.try_into().expect("four bytes")) as usize;
    let (sealed_head, body) = rest.split_at_checked(len).ok_or(Unreadable::DoesNotOpen)?;
    let plain = keys
        .open(&snapshot_aad(device, seq, "head"), sealed_head)
        .map_err(|_| Unreadable::DoesNotOpen)?;
    let head: SnapshotHead = parsed(&plain)?;
    if &head.device != device || head.seq != seq {
        return Err(Unreadable::Malformed("it names another place".into()));
    }
    Ok((head, body))
}

/// The snapshot in `bytes`, found as `device`'s number `seq`: its head and its versions.
pub fn open_snapshot(
    keys: &Keys,
    device: &DeviceId,
    seq: u64,
    bytes: &[u8],
) -> std::result::Result<(SnapshotHead, Vec<Change>), Unreadable> {
    let (head, body) = snapshot_parts(keys, device, seq, bytes)?;
    let deflated = keys
        .open(&snapshot_aad(device, seq, "versions"), body)
        .map_err(|_| Unreadable::DoesNotOpen)?;
    let plain = inflated(&deflated).ok_or_else(|| Unreadable::Malformed("not deflate".into()))?;
    let changes: Vec<Change> = parsed(&plain)?;
    if changes.len() != head.versions {
        return Err(Unreadable::Malformed(
            "it holds another number of versions than it says".into(),
        ));
    }
    Ok((head, changes))
}

/// Removes one of this device's own files that a snapshot of its covers (a file already gone
/// is fine; one that cannot be removed stays, harmless, and is tried again next time).
pub fn remove_covered(path: &Path) {
    let _ = std::fs::remove_file(path);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_is_started_once_and_joined_only_with_its_passphrase() {
        let dir = tempfile::tempdir().unwrap();
        let params = crate::crypto::KdfParams::FOR_TESTS;
        assert!(!exists(dir.path()));
        let first = start(dir.path(), "our passphrase", params).unwrap();
        assert!(exists(dir.path()));
        assert!(
            start(dir.path(), "another", params).is_err(),
            "a second start"
        );
        let before = std::fs::read(key_path(dir.path())).unwrap();
        assert!(matches!(
            join(dir.path(), "not it"),
            Err(KeelError::WrongPassphrase)
        ));
        assert_eq!(
            std::fs::read(key_path(dir.path())).unwrap(),
            before,
            "nothing changed"
        );
        let second = join(dir.path(), "our passphrase").unwrap();
        // The same key: what one seals the other opens.
        let sealed = first.seal(b"x", b"a page").unwrap();
        assert_eq!(second.open(b"x", &sealed).unwrap(), b"a page");
    }

    #[test]
    fn names_are_read_as_sync_tools_leave_them() {
        assert_eq!(classify("000000000003.kc"), Ok((3, false, false)));
        assert_eq!(classify("000000000064.ks"), Ok((64, false, true)));
        assert_eq!(
            classify("000000000064.sync-conflict-20261201-101500-ABCDEFG.ks"),
            Ok((64, true, true))
        );
        assert_eq!(
            classify("000000000003.sync-conflict-20261201-101500-ABCDEFG.kc"),
            Ok((3, true, false))
        );
        assert_eq!(
            classify("000000000003 (conflicted copy 2026-12-01 101500).kc"),
            Ok((3, true, false))
        );
        assert_eq!(
            classify("000000000003 (Laptop's conflicted copy 2026-12-01).kc"),
            Ok((3, true, false))
        );
        for temporary in [
            ".000000000004.kc.tmp",
            ".syncthing.000000000004.kc.tmp",
            "~syncthing~000000000004.kc.tmp",
            ".000000000064.ks.tmp",
        ] {
            assert_eq!(
                classify(temporary),
                Err(PassedOver::Temporary),
                "{temporary}"
            );
        }
        for unknown in [
            "3.kc",
            "000000000003.txt",
            "notes.md",
            "000000000003 (copy).kc",
            "64.ks",
        ] {
            assert_eq!(classify(unknown), Err(PassedOver::Unknown), "{unknown}");
        }
    }

    fn keys() -> Keys {
        Keys::create("correct horse", crate::crypto::KdfParams::FOR_TESTS)
            .unwrap()
            .0
    }

    fn device(c: char) -> DeviceId {
        DeviceId(c.to_string().repeat(16))
    }

    /// A batch of no changes, as device `c`'s number `seq`.
    fn empty(c: char, seq: u64) -> Batch {
        Batch {
            device: device(c),
            seq,
            changes: vec![],
        }
    }

    #[test]
    fn a_file_opens_only_in_its_place_under_its_key() {
        let keys = keys();
        let batch = empty('a', 7);
        let bytes = seal(&keys, &batch).unwrap();
        assert_eq!(open(&keys, &device('a'), 7, &bytes), Ok(batch));
        assert_eq!(
            open(&keys, &device('a'), 8, &bytes),
            Err(Unreadable::DoesNotOpen)
        );
        assert_eq!(
            open(&keys, &device('b'), 7, &bytes),
            Err(Unreadable::DoesNotOpen)
        );
        assert_eq!(
            open(&self::keys(), &device('a'), 7, &bytes),
            Err(Unreadable::DoesNotOpen)
        );
        for cut in [0, 5, MAGIC.len(), bytes.len() / 2, bytes.len() - 1] {
            assert!(
                open(&keys, &device('a'), 7, &bytes[..cut]).is_err(),
                "{cut}"
            );
        }
    }

    #[test]
    fn files_are_written_once_each_and_scanned_with_what_tools_leave() {
        let dir = tempfile::tempdir().unwrap();
        let keys = keys();
        let batch = |seq| empty('a', seq);
        assert_eq!(scan(dir.path()).unwrap(), Scan::default());
        assert_eq!(write(dir.path(), &keys, batch(1)).unwrap().0, 1);
        // Number 1 is taken: asking for it again writes number 2, never over the first.
        assert_eq!(write(dir.path(), &keys, batch(1)).unwrap().0, 2);
        let a = device_dir(dir.path(), &device('a'));
        std::fs::write(a.join(".syncthing.000000000003.kc.tmp"), b"half").unwrap();
        std::fs::copy(
            a.join("000000000001.kc"),
            a.join("000000000001.sync-conflict-20261201-101500-ABCDEFG.kc"),
        )
        .unwrap();
        std::fs::write(a.join("readme.txt"), b"?").unwrap();
        std::fs::create_dir_all(dir.path().join(ROOT).join(DEVICES).join("not-a-device")).unwrap();
        let found = scan(dir.path()).unwrap();
        let seqs: Vec<(u64, bool)> = found.files.iter().map(|f| (f.seq, f.copy)).collect();
        assert_eq!(seqs, vec![(1, false), (1, true), (2, false)]);
        let mut passed: Vec<(String, PassedOver)> = found
            .passed
            .iter()
            .map(|p| {
                (
                    p.path.file_name().unwrap().to_string_lossy().into_owned(),
                    p.why,
                )
            })
            .collect();
        passed.sort();
        assert_eq!(
            passed,
            vec![
                (
                    ".syncthing.000000000003.kc.tmp".into(),
                    PassedOver::Temporary
                ),
                ("not-a-device".into(), PassedOver::Unknown),
                ("readme.txt".into(), PassedOver::Unknown),
            ]
        );
        let copy = &found.files[1];
        let bytes = std::fs::read(&copy.path).unwrap();
        assert_eq!(
            open(&keys, &copy.device, copy.seq, &bytes).unwrap(),
            batch(1)
        );
    }

    #[test]
    fn a_snapshot_opens_only_in_its_place_and_its_head_alone() {
        let keys = keys();
        let dir = tempfile::tempdir().unwrap();
        let change = Change {
            id: crate::sync::VersionId {
                at: crate::sync::Hlc {
                    wall_ms: 5,
                    counter: 0,
                },
                device: device('b'),
            },
            field: "day/2026-12-01/self".into(),
            kind: crate::sync::Kind::Text,
            parents: vec![],
            author: "home".into(),
            value: crate::sync::Value::Text("Written at home.".into()),
        };
        let covers: Covers = [(device('b'), vec![(1, 3)])].into();
        // Number 4 is taken by a change file: the snapshot takes 5.
        write(dir.path(), &keys, empty('a', 4)).unwrap();
        let (seq, len) = write_snapshot(
            dir.path(),
            &keys,
            &device('a'),
            4,
            covers.clone(),
            std::slice::from_ref(&change),
        )
        .unwrap();
        assert_eq!(seq, 5);
        let path = device_dir(dir.path(), &device('a')).join("000000000005.ks");
        let bytes = std::fs::read(&path).unwrap();
        assert_eq!(bytes.len() as u64, len);
        assert!(!String::from_utf8_lossy(&bytes).contains("home"));
        let head = open_snapshot_head(&keys, &device('a'), 5, &bytes).unwrap();
        assert_eq!((head.covers, head.versions), (covers, 1));
        assert_eq!(
            open_snapshot(&keys, &device('a'), 5, &bytes).unwrap().1,
            vec![change]
        );
        assert!(open_snapshot(&keys, &device('a'), 4, &bytes).is_err());
        assert!(open_snapshot(&keys, &device('b'), 5, &bytes).is_err());
        assert!(open_snapshot(&self::keys(), &device('a'), 5, &bytes).is_err());
        for cut in [
            0,
            5,
            MAGIC_SNAPSHOT.len() + 3,
            bytes.len() / 2,
            bytes.len() - 1,
        ] {
            assert!(
                open_snapshot(&keys, &device('a'), 5, &bytes[..cut]).is_err(),
                "{cut}"
            );
        }
        // A change file is not a snapshot, nor the other way round.
        assert_eq!(
            open(&keys, &device('a'), 5, &bytes),
            Err(Unreadable::NotAChangeFile)
        );
        let scan = scan(dir.path()).unwrap();
        let kinds: Vec<(u64, bool)> = scan.files.iter().map(|f| (f.seq, f.snapshot)).collect();
        assert_eq!(kinds, vec![(4, false), (5, true)]);
    }

    #[test]
    fn a_change_file_of_the_first_format_still_opens() {
        let keys = keys();
        let batch = empty('a', 2);
        let mut bytes = MAGIC_PLAIN.to_vec();
        bytes.extend(
            keys.seal(&aad(&batch.device, 2), &serde_json::to_vec(&batch).unwrap())
                .unwrap(),
        );
        assert_eq!(open(&keys, &device('a'), 2, &bytes), Ok(batch.clone()));
        // What is written now is deflated, and opens the same.
        let now = seal(&keys, &batch).unwrap();
        assert!(now.starts_with(MAGIC));
        assert_eq!(open(&keys, &device('a'), 2, &now), Ok(batch));
    }
}
