//! The sync folder on disk, as file-sync tools see it.
//!
//! ```text
//! FOLDER/keel-sync/devices/<device id>/<sequence, 12 digits>.kc   change files
//! ```
//! Each device writes only in its own folder, and never rewrites a file: a change file is
//! written under a temporary name (`.<name>.tmp`), fsynced, renamed, and its folder fsynced; a
//! sequence number whose file exists is never used again. So a sync tool never sees two
//! writers on one path, and a reader never needs a file to change.
//!
//! A change file is `KEELSYNC1` and the batch of changes sealed (XChaCha20-Poly1305 under the
//! folder's key, with its device id and sequence number as associated data, so a file renamed or
//! moved to another device's folder does not open). File names show only device ids and
//! sequence numbers.
//!
//! Readers take what sync tools leave: a file that does not open (still arriving, truncated,
//! damaged) is reported and tried again at the next exchange, never fatal; temporary files
//! (ours, Syncthing's `.syncthing.*.tmp` and `~syncthing~*.tmp`) are passed over; conflict
//! copies (Syncthing's `*.sync-conflict-*`, Nextcloud's and Dropbox's `(conflicted copy …)`)
//! are read too, since their changes are real versions that must not be lost (the same
//! version twice is taken once); anything else is reported as unknown and left alone.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::history::{Change, DeviceId};
use crate::crypto::Keys;
use crate::error::{io, KeelError, Result};

/// Keel's folder inside the folder a person syncs.
pub const ROOT: &str = "keel-sync";
const DEVICES: &str = "devices";
const MAGIC: &[u8] = b"KEELSYNC1";
const EXTENSION: &str = "kc";

/// One change file's contents (inside the seal).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Batch {
    pub device: DeviceId,
    pub seq: u64,
    pub changes: Vec<Change>,
}

/// A change file found in the folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub device: DeviceId,
    pub seq: u64,
    pub path: PathBuf,
    /// A sync tool's conflict copy of the file (read, but not counted as the file itself).
    pub copy: bool,
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

/// What a file name in a device's folder is: a change file (or a conflict copy of one), a
/// temporary file, or something else.
fn classify(name: &str) -> std::result::Result<(u64, bool), PassedOver> {
    let temporary = (name.starts_with('.') && name.ends_with(".tmp"))
        || name.starts_with(".syncthing.")
        || name.starts_with("~syncthing~");
    if temporary {
        return Err(PassedOver::Temporary);
    }
    let seq_of = |stem: &str| {
        (stem.len() == 12 && stem.bytes().all(|b| b.is_ascii_digit()))
            .then(|| stem.parse::<u64>().ok())
            .flatten()
    };
    let ext = format!(".{EXTENSION}");
    let Some(stem) = name.strip_suffix(&ext) else {
        return Err(PassedOver::Unknown);
    };
    if let Some(seq) = seq_of(stem) {
        return Ok((seq, false));
    }
    // Syncthing: 000000000003.sync-conflict-20261201-101500-ABCDEFG.kc
    if let Some((stem, _)) = stem.split_once(".sync-conflict-") {
        if let Some(seq) = seq_of(stem) {
            return Ok((seq, true));
        }
    }
    // Nextcloud "000000000003 (conflicted copy 2026-12-01 101500).kc", Dropbox
    // "000000000003 (Laptop's conflicted copy 2026-12-01).kc".
    if let Some((stem, rest)) = stem.split_once(" (") {
        if rest.contains("conflicted copy") {
            if let Some(seq) = seq_of(stem) {
                return Ok((seq, true));
            }
        }
    }
    Err(PassedOver::Unknown)
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
                Ok((seq, copy)) => out.files.push(Found {
                    device: device.clone(),
                    seq,
                    path: file.path(),
                    copy,
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

/// A batch sealed for its place.
pub fn seal(keys: &Keys, batch: &Batch) -> Result<Vec<u8>> {
    let plain = serde_json::to_vec(batch).map_err(|e| KeelError::Crypto {
        detail: e.to_string(),
    })?;
    let mut out = MAGIC.to_vec();
    out.extend(keys.seal(&aad(&batch.device, batch.seq), &plain)?);
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
    let sealed = bytes
        .strip_prefix(MAGIC)
        .ok_or(Unreadable::NotAChangeFile)?;
    let plain = keys
        .open(&aad(device, seq), sealed)
        .map_err(|_| Unreadable::DoesNotOpen)?;
    let batch: Batch =
        serde_json::from_slice(&plain).map_err(|e| Unreadable::Malformed(e.to_string()))?;
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
    let dir = device_dir(folder, &batch.device);
    std::fs::create_dir_all(&dir).map_err(io("create", &dir))?;
    while dir.join(file_name(batch.seq)).exists() {
        batch.seq += 1;
    }
    let name = file_name(batch.seq);
    let bytes = seal(keys, &batch)?;
    crate::durable::write_atomic(
        &dir.join(&name),
        &dir.join(format!(".{name}.tmp")),
        &bytes,
        false,
    )?;
    Ok((batch.seq, bytes.len() as u64))
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
        assert_eq!(classify("000000000003.kc"), Ok((3, false)));
        assert_eq!(
            classify("000000000003.sync-conflict-20261201-101500-ABCDEFG.kc"),
            Ok((3, true))
        );
        assert_eq!(
            classify("000000000003 (conflicted copy 2026-12-01 101500).kc"),
            Ok((3, true))
        );
        assert_eq!(
            classify("000000000003 (Laptop's conflicted copy 2026-12-01).kc"),
            Ok((3, true))
        );
        for temporary in [
            ".000000000004.kc.tmp",
            ".syncthing.000000000004.kc.tmp",
            "~syncthing~000000000004.kc.tmp",
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

    #[test]
    fn a_file_opens_only_in_its_place_under_its_key() {
        let keys = keys();
        let batch = Batch {
            device: device('a'),
            seq: 7,
            changes: vec![],
        };
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
        let batch = |seq| Batch {
            device: device('a'),
            seq,
            changes: vec![],
        };
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
}
