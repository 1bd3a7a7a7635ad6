//! One device's side of the sync: every field's versions as this device knows them, its clock,
//! the change files it has read, and its own changes not yet written to the folder.
//!
//! An exchange (`exchange`) writes this device's pending changes as one new change file, then
//! reads every change file it has not read yet (its own included, so a device that lost its
//! state gets its changes back), and reports what came in, what went out and what could not be
//! read. Reading the same file twice, files out of order, a file that does not open yet: all
//! leave the versions as they should be, since a version is taken once by its id and the
//! result depends only on which versions are known.
//!
//! Snapshots keep the folder bounded and joining quick: other devices' newest snapshots are
//! read first, the widest first, and a snapshot whose head says it covers only files read
//! here already is not opened further; then the change files no snapshot covered. Every
//! `snapshot_every` files of its own (and at once when one of its files is damaged or gone in
//! the folder), a device writes a snapshot of every version it knows and removes its own
//! files that the snapshot covers.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use super::folder::{self, Batch, Covers, SnapshotHead, Unreadable};
use super::history::{Change, DeviceId, History, Kind, Resolved, Value, VersionId};
use super::hlc::{Clock, Hlc};
use crate::crypto::Keys;
use crate::error::{io, KeelError, Result};

/// One device's state.
#[derive(Debug, Clone)]
pub struct Replica {
    device: DeviceId,
    name: String,
    clock: Clock,
    fields: BTreeMap<String, History>,
    /// The change files read in full, by device (not counting conflict copies).
    read: BTreeMap<DeviceId, BTreeSet<u64>>,
    /// The conflict copies read, by path.
    copies_read: BTreeSet<PathBuf>,
    /// The length of each file this device wrote, by number: a file of another length in the
    /// folder was damaged there.
    own_sizes: BTreeMap<u64, u64>,
    /// This device's next file number.
    next_seq: u64,
    /// Changes made here that no file holds yet.
    pending: Vec<Change>,
    /// Fields whose value changed here through other devices' versions and that the journal
    /// has not taken yet (`mark_applied`): kept, so a crash between the two is finished later.
    unapplied: BTreeSet<String>,
    /// The wall time of the last exchange that read the folder.
    last_exchange_ms: Option<u64>,
    /// This device's latest snapshot in the folder, by number (its length is in `own_sizes`).
    own_snapshot: Option<u64>,
    /// Each device's newest snapshot taken here (or found to hold nothing new).
    snapshots_read: BTreeMap<DeviceId, u64>,
    /// A snapshot after this many change files of this device's own since its last one.
    snapshot_every: usize,
    /// Versions taken or made since the replica was last kept (`save` appends them; kept
    /// only while there is a base on disk to append to).
    unsaved: Vec<Change>,
    /// Where it was last kept or read from, for `save` to append to.
    on_disk: Option<OnDisk>,
}

/// Appends `frame` to the log at `path` after its first `len` bytes (what follows them is a
/// record cut by a crash or a log of an older base), and fsyncs it.
fn append_durably(path: &Path, len: u64, frame: &[u8]) -> Result<()> {
    use std::io::{Seek, SeekFrom, Write};
    let mut options = std::fs::OpenOptions::new();
    options.create(true).write(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let created = !path.exists();
    let mut file = options.open(path).map_err(io("write", path))?;
    file.set_len(len).map_err(io("write", path))?;
    file.seek(SeekFrom::Start(len)).map_err(io("write", path))?;
    file.write_all(frame).map_err(io("write", path))?;
    file.sync_data().map_err(io("sync", path))?;
    if created {
        if let Some(dir) = path.parent() {
            crate::durable::sync_dir(dir)?;
        }
    }
    Ok(())
}

/// Change files of its own a device writes before it writes a snapshot and removes them: the
/// folder then holds, per device, one snapshot and at most this many change files.
pub const SNAPSHOT_EVERY: usize = 64;

/// What one exchange did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Report {
    /// Versions new to this device, from other devices' files.
    pub came_in: usize,
    /// Versions written out in this exchange's file.
    pub went_out: usize,
    /// The fields whose value changed here.
    pub changed: BTreeSet<String>,
    /// Files that could not be read this time, and why; tried again next time.
    pub unreadable: Vec<(PathBuf, Unreadable)>,
    /// Files passed over (temporary, unknown).
    pub passed_over: usize,
    /// This device's own files were damaged or gone from the folder (deleted by hand, a
    /// sync tool's bad copy): its versions were written again, in a snapshot, this many.
    pub written_again: usize,
    /// Snapshots of other devices opened and taken in.
    pub snapshots_read: usize,
    /// The number of the snapshot this exchange wrote, if it wrote one.
    pub snapshot_written: Option<u64>,
}

/// A replica as it is kept on its device (`Replica::save`): its versions as changes, the rest
/// as it is. The base file holds every version; a record of the log beside it holds the
/// versions new since the record before and the rest whole (it is small).
#[derive(serde::Serialize, serde::Deserialize)]
struct Kept {
    v: u32,
    /// The base's random id (hex), which its log's records are sealed with: a log left from
    /// an earlier base does not open against a newer one. Version 1 bases had none (no log).
    #[serde(default)]
    base: Option<String>,
    device: DeviceId,
    name: String,
    clock: Clock,
    changes: Vec<Change>,
    read: Reads,
    copies_read: BTreeSet<PathBuf>,
    own_sizes: BTreeMap<u64, u64>,
    next_seq: u64,
    pending: Vec<VersionId>,
    #[serde(default)]
    unapplied: BTreeSet<String>,
    #[serde(default)]
    last_exchange_ms: Option<u64>,
    #[serde(default)]
    own_snapshot: Option<u64>,
    #[serde(default)]
    snapshots_read: BTreeMap<DeviceId, u64>,
}

/// The files read, by device: kept as ranges (years of files are a few ranges), read as
/// ranges or, as version 1 kept them, as every number.
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(untagged)]
enum Reads {
    Ranges(BTreeMap<DeviceId, Vec<(u64, u64)>>),
    Numbers(BTreeMap<DeviceId, BTreeSet<u64>>),
}

impl Reads {
    fn into_numbers(self) -> BTreeMap<DeviceId, BTreeSet<u64>> {
        match self {
            Reads::Numbers(n) => n,
            Reads::Ranges(ranges) => {
                let mut read = BTreeMap::new();
                mark_read(&mut read, &ranges);
                read
            }
        }
    }
}

/// Counts every file `covers` names as read.
fn mark_read(read: &mut BTreeMap<DeviceId, BTreeSet<u64>>, covers: &Covers) {
    for (device, ranges) in covers {
        let seqs = read.entry(device.clone()).or_default();
        for &(first, last) in ranges {
            seqs.extend(first..=last);
        }
    }
}

/// A file found in the folder, read; `None` when it went since the scan (a sync tool
/// replacing it): next time.
fn read_found(found: &folder::Found) -> Result<Option<Vec<u8>>> {
    match std::fs::read(&found.path) {
        Ok(b) => Ok(Some(b)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(io("read", &found.path)(e)),
    }
}

const KEPT_AAD: &[u8] = b"keel-sync/replica/1";

/// Where this replica is kept, as far as this process wrote or read it.
#[derive(Debug, Clone)]
struct OnDisk {
    path: PathBuf,
    /// The base's id, its length, and the log's length and records that belong to it.
    base: String,
    base_len: u64,
    log_len: u64,
    records: u64,
}

/// The log beside a kept replica.
fn log_path(path: &Path) -> PathBuf {
    path.with_extension("log")
}

fn log_aad(base: &str, record: u64) -> Vec<u8> {
    format!("keel-sync/replica-log/1/{base}/{record}").into_bytes()
}

/// The log may grow to the base's size (at least this) before the next save writes the base
/// whole again and starts a new log.
const LOG_AT_MOST: u64 = 1 << 20;

impl Replica {
    fn kept(&self, changes: Vec<Change>, base: Option<String>) -> Kept {
        Kept {
            v: 2,
            base,
            device: self.device.clone(),
            name: self.name.clone(),
            clock: self.clock,
            changes,
            read: Reads::Ranges(self.read_ranges()),
            copies_read: self.copies_read.clone(),
            own_sizes: self.own_sizes.clone(),
            next_seq: self.next_seq,
            pending: self.pending.iter().map(|c| c.id.clone()).collect(),
            unapplied: self.unapplied.clone(),
            last_exchange_ms: self.last_exchange_ms,
            own_snapshot: self.own_snapshot,
            snapshots_read: self.snapshots_read.clone(),
        }
    }

    /// Keeps the replica in `path`, sealed under `keys` (the journal's), durably: as one more
    /// record of the log beside the base this process wrote or read there (the versions new
    /// since the last save and the rest of the state, appended and fsynced), or, when there is
    /// no such base or the log has grown to the base's size, written whole as a new base with
    /// a new id (which leaves any old log unopenable: it is cut at the next append). Kept
    /// before an exchange (its pending changes with it) and after, a crash at any point loses
    /// nothing: a change written to the folder but not yet recorded as written is written
    /// again under the next number, and readers take a version once; a record cut by a crash
    /// was never acknowledged, and loading stops before it.
    pub fn save(&mut self, path: &Path, keys: &Keys) -> Result<()> {
        let json = |kept: &Kept| {
            serde_json::to_vec(kept).map_err(|e| KeelError::Crypto {
                detail: e.to_string(),
            })
        };
        let append = self
            .on_disk
            .as_ref()
            .filter(|d| d.path == path && d.log_len < d.base_len.max(LOG_AT_MOST))
            .cloned();
        if let Some(mut disk) = append {
            let record = self.kept(self.unsaved.clone(), None);
            let sealed = keys.seal(&log_aad(&disk.base, disk.records), &json(&record)?)?;
            let log = log_path(path);
            let mut frame = (sealed.len() as u32).to_le_bytes().to_vec();
            frame.extend(sealed);
            append_durably(&log, disk.log_len, &frame)?;
            disk.log_len += frame.len() as u64;
            disk.records += 1;
            self.on_disk = Some(disk);
            self.unsaved.clear();
            return Ok(());
        }
        let base = crate::crypto::hex(&crate::crypto::random::<16>()?);
        let all = self.all_versions();
        let sealed = keys.seal(KEPT_AAD, &json(&self.kept(all, Some(base.clone())))?)?;
        let tmp = path.with_extension("tmp");
        crate::durable::write_atomic(path, &tmp, &sealed, true)?;
        self.on_disk = Some(OnDisk {
            path: path.to_owned(),
            base,
            base_len: sealed.len() as u64,
            log_len: 0,
            records: 0,
        });
        self.unsaved.clear();
        Ok(())
    }

    /// Removes the replica kept in `path` and its log (attach, detach).
    pub fn forget(path: &Path) {
        let _ = std::fs::remove_file(path);
        let _ = std::fs::remove_file(log_path(path));
    }

    /// The replica kept in `path`, if there is one: its base, then its log's records in
    /// order, up to the first that does not open (cut by a crash, or left from an older base).
    pub fn load(path: &Path, keys: &Keys) -> Result<Option<Replica>> {
        let sealed = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(io("read", path)(e)),
        };
        let damaged = |detail: String| KeelError::Corrupt {
            what: "sync state".into(),
            detail,
        };
        let plain = keys.open(KEPT_AAD, &sealed)?;
        let mut kept: Kept = serde_json::from_slice(&plain).map_err(|e| damaged(e.to_string()))?;
        if !matches!(kept.v, 1 | 2) {
            return Err(damaged(format!("version {} is not known", kept.v)));
        }
        let mut fields: BTreeMap<String, History> = BTreeMap::new();
        let mut by_id = BTreeMap::new();
        let mut take_in = |changes: Vec<Change>| {
            for change in changes {
                fields
                    .entry(change.field.clone())
                    .or_insert_with(|| History::new(change.kind))
                    .insert(&change);
                by_id.insert(change.id.clone(), change);
            }
        };
        take_in(std::mem::take(&mut kept.changes));
        let mut on_disk = None;
        if let Some(base) = kept.base.clone() {
            let log = match std::fs::read(log_path(path)) {
                Ok(b) => b,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
                Err(e) => return Err(io("read", &log_path(path))(e)),
            };
            let (mut at, mut records) = (0usize, 0u64);
            while let Some(len) = log.get(at..at + 4) {
                let len = u32::from_le_bytes(len.try_into().expect("four bytes")) as usize;
                let Some(frame) = log.get(at + 4..at + 4 + len) else {
                    break;
                };
                let Ok(plain) = keys.open(&log_aad(&base, records), frame) else {
                    break;
                };
                let Ok(mut record) = serde_json::from_slice::<Kept>(&plain) else {
                    break;
                };
                take_in(std::mem::take(&mut record.changes));
                kept = record;
                at += 4 + len;
                records += 1;
            }
            on_disk = Some(OnDisk {
                path: path.to_owned(),
                base,
                base_len: sealed.len() as u64,
                log_len: at as u64,
                records,
            });
        }
        let pending = kept
            .pending
            .iter()
            .map(|id| {
                by_id
                    .remove(id)
                    .ok_or_else(|| damaged("a pending change is missing".into()))
            })
            .collect::<Result<_>>()?;
        Ok(Some(Replica {
            device: kept.device,
            name: kept.name,
            clock: kept.clock,
            fields,
            read: kept.read.into_numbers(),
            copies_read: kept.copies_read,
            own_sizes: kept.own_sizes,
            next_seq: kept.next_seq,
            pending,
            unapplied: kept.unapplied,
            last_exchange_ms: kept.last_exchange_ms,
            own_snapshot: kept.own_snapshot,
            snapshots_read: kept.snapshots_read,
            snapshot_every: SNAPSHOT_EVERY,
            unsaved: Vec::new(),
            on_disk,
        }))
    }

    pub fn new(device: DeviceId, name: impl Into<String>) -> Replica {
        Replica {
            device,
            name: name.into(),
            clock: Clock::new(Hlc::ZERO),
            fields: BTreeMap::new(),
            read: BTreeMap::new(),
            copies_read: BTreeSet::new(),
            own_sizes: BTreeMap::new(),
            next_seq: 1,
            pending: Vec::new(),
            unapplied: BTreeSet::new(),
            last_exchange_ms: None,
            own_snapshot: None,
            snapshots_read: BTreeMap::new(),
            snapshot_every: SNAPSHOT_EVERY,
            unsaved: Vec::new(),
            on_disk: None,
        }
    }

    /// The same replica, writing a snapshot after `files` change files of its own instead of
    /// `SNAPSHOT_EVERY` (tests and benchmarks; `usize::MAX`: never, but for a lost file).
    pub fn with_snapshot_every(mut self, files: usize) -> Replica {
        self.snapshot_every = files.max(1);
        self
    }

    pub fn device(&self) -> &DeviceId {
        &self.device
    }

    /// The field's value here, if it has any version.
    pub fn value(&self, field: &str) -> Option<Resolved> {
        self.fields.get(field)?.resolve()
    }

    /// Every field and its value (deleted ones included), for comparing devices.
    pub fn values(&self) -> BTreeMap<String, Resolved> {
        self.fields
            .iter()
            .filter_map(|(f, h)| Some((f.clone(), h.resolve()?)))
            .collect()
    }

    pub fn history(&self, field: &str) -> Option<&History> {
        self.fields.get(field)
    }

    pub fn pending(&self) -> usize {
        self.pending.len()
    }

    /// This device's name, as its versions carry it.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The fields whose names start with `prefix`, and their kinds.
    pub fn fields_under(&self, prefix: &str) -> Vec<(String, Kind)> {
        self.fields
            .range::<str, _>((
                std::ops::Bound::Included(prefix),
                std::ops::Bound::Unbounded,
            ))
            .take_while(|(f, _)| f.starts_with(prefix))
            .map(|(f, h)| (f.clone(), h.kind()))
            .collect()
    }

    /// The field's current heads (none when it has no version).
    pub fn heads(&self, field: &str) -> Vec<VersionId> {
        self.fields
            .get(field)
            .map(History::heads)
            .unwrap_or_default()
    }

    /// The fields changed by other devices that the journal has not taken yet.
    pub fn unapplied(&self) -> &BTreeSet<String> {
        &self.unapplied
    }

    /// The journal is to take `field`'s value (it differs from what the journal holds).
    pub fn mark_unapplied(&mut self, field: &str) {
        self.unapplied.insert(field.to_owned());
    }

    /// The journal took `field`'s value.
    pub fn mark_applied(&mut self, field: &str) {
        self.unapplied.remove(field);
    }

    /// When this device last read the folder.
    pub fn last_exchange_ms(&self) -> Option<u64> {
        self.last_exchange_ms
    }

    /// Records that an exchange read the folder at wall time `now_ms`.
    pub fn exchanged_at(&mut self, now_ms: u64) {
        self.last_exchange_ms = Some(now_ms);
    }

    /// Every device whose versions are known here: its last name and the wall time of its
    /// latest version (by its own clock).
    pub fn devices(&self) -> BTreeMap<DeviceId, (String, u64)> {
        let mut out: BTreeMap<DeviceId, (String, u64)> = BTreeMap::new();
        for (field, history) in &self.fields {
            for change in history.all(field) {
                let seen = out
                    .entry(change.id.device.clone())
                    .or_insert_with(|| (change.author.clone(), 0));
                if change.id.at.wall_ms >= seen.1 {
                    *seen = (change.author, change.id.at.wall_ms);
                }
            }
        }
        out
    }

    /// Records an edit made on this device at wall time `now_ms`: a new version of `field`
    /// that supersedes every version this device has of it. Returns its id. An edit that
    /// leaves the value as it is records nothing.
    pub fn edit(
        &mut self,
        field: &str,
        kind: Kind,
        value: Value,
        now_ms: u64,
    ) -> Option<VersionId> {
        self.edit_on(field, kind, value, None, now_ms)
    }

    /// An edit made on top of `parents` (the versions the edited value came from), not on
    /// top of every version this device knows: the journal's page was edited from what was
    /// last taken into it, and versions that came in since are concurrent with the edit, to be
    /// merged with it rather than overwritten. `None` parents: every head, as `edit`.
    pub fn edit_on(
        &mut self,
        field: &str,
        kind: Kind,
        value: Value,
        parents: Option<Vec<VersionId>>,
        now_ms: u64,
    ) -> Option<VersionId> {
        let history = self
            .fields
            .entry(field.to_owned())
            .or_insert_with(|| History::new(kind));
        if history.resolve().map(|r| r.value) == Some(value.clone())
            || (history.is_empty() && value == Value::Deleted)
        {
            return None;
        }
        let change = Change {
            id: VersionId {
                at: self.clock.tick(now_ms),
                device: self.device.clone(),
            },
            field: field.to_owned(),
            kind: history.kind(),
            parents: parents.unwrap_or_else(|| history.heads()),
            author: self.name.clone(),
            value,
        };
        history.insert(&change);
        let id = change.id.clone();
        if self.on_disk.is_some() {
            self.unsaved.push(change.clone());
        }
        self.pending.push(change);
        Some(id)
    }

    /// Takes in versions read from the folder; returns how many of other devices' were new
    /// here.
    fn take(&mut self, changes: &[Change], report: &mut Report) -> usize {
        let mut new = 0;
        // Each touched field's value before the batch, to tell which ones changed.
        let mut before: BTreeMap<&str, Option<Resolved>> = BTreeMap::new();
        for change in changes {
            self.clock.observe(change.id.at);
            let history = self
                .fields
                .entry(change.field.clone())
                .or_insert_with(|| History::new(change.kind));
            // A field's kind is fixed by its first version; one that disagrees is not taken
            // (it would resolve differently on different devices).
            if history.kind() != change.kind || history.contains(&change.id) {
                continue;
            }
            before
                .entry(change.field.as_str())
                .or_insert_with(|| history.resolve());
            history.insert(change);
            // Without a kept base the next save writes every version whole anyway.
            if self.on_disk.is_some() {
                self.unsaved.push(change.clone());
            }
            new += usize::from(change.id.device != self.device);
        }
        for (field, was) in before {
            if self.fields.get(field).and_then(History::resolve) != was {
                report.changed.insert(field.to_owned());
            }
        }
        new
    }

    /// Writes the pending changes as this device's next file; they stay pending on failure.
    fn write_pending(&mut self, folder: &Path, keys: &Keys) -> Result<usize> {
        if self.pending.is_empty() {
            return Ok(0);
        }
        let batch = Batch {
            device: self.device.clone(),
            seq: self.next_seq,
            changes: std::mem::take(&mut self.pending),
        };
        let n = batch.changes.len();
        match folder::write(folder, keys, batch.clone()) {
            Ok((seq, len)) => {
                self.next_seq = seq + 1;
                self.read
                    .entry(self.device.clone())
                    .or_default()
                    .insert(seq);
                self.own_sizes.insert(seq, len);
                Ok(n)
            }
            Err(e) => {
                // Nothing is lost: the changes wait for the next exchange.
                self.pending = batch.changes;
                Err(e)
            }
        }
    }

    /// Every version known here, as changes (to keep them, or to write them in a snapshot).
    fn all_versions(&self) -> Vec<Change> {
        self.fields
            .iter()
            .flat_map(|(field, h)| h.all(field))
            .collect()
    }

    /// The files read here, as ranges.
    fn read_ranges(&self) -> Covers {
        self.read
            .iter()
            .map(|(device, seqs)| (device.clone(), folder::ranges(seqs)))
            .collect()
    }

    /// Whether every file `covers` names was read here (its versions are all here).
    fn covered(&self, covers: &Covers) -> bool {
        covers.iter().all(|(device, ranges)| {
            let read = self.read.get(device);
            ranges.iter().all(|&(first, last)| {
                let n = read.map_or(0, |r| r.range(first..=last).count() as u64);
                n == last.saturating_sub(first) + 1
            })
        })
    }

    /// The other devices' snapshots newer than those taken here, read: the widest first, each
    /// opened in full only when it covers a file not read here, then counted as read with the
    /// files it covers.
    fn read_snapshots(
        &mut self,
        scan: &folder::Scan,
        keys: &Keys,
        report: &mut Report,
    ) -> Result<()> {
        let mut found_heads = Vec::new();
        for found in scan.files.iter().filter(|f| f.snapshot) {
            let done = if found.copy {
                self.copies_read.contains(&found.path)
            } else {
                self.snapshots_read
                    .get(&found.device)
                    .is_some_and(|&seq| seq >= found.seq)
            };
            if done {
                continue;
            }
            let Some(bytes) = read_found(found)? else {
                continue;
            };
            match folder::open_snapshot_head(keys, &found.device, found.seq, &bytes) {
                Ok(head) => found_heads.push((found, head, bytes)),
                Err(why) => report.unreadable.push((found.path.clone(), why)),
            }
        }
        let width = |head: &SnapshotHead| -> u64 {
            head.covers
                .values()
                .flatten()
                .map(|(first, last)| last.saturating_sub(*first) + 1)
                .sum()
        };
        found_heads.sort_by_key(|(_, head, _)| std::cmp::Reverse(width(head)));
        for (found, head, bytes) in found_heads {
            if !self.covered(&head.covers) {
                match folder::open_snapshot(keys, &found.device, found.seq, &bytes) {
                    Ok((_, changes)) => {
                        report.came_in += self.take(&changes, report);
                        report.snapshots_read += 1;
                    }
                    Err(why) => {
                        report.unreadable.push((found.path.clone(), why));
                        continue;
                    }
                }
            }
            mark_read(&mut self.read, &head.covers);
            if let Some(&(_, last)) = head.covers.get(&self.device).and_then(|r| r.last()) {
                self.next_seq = self.next_seq.max(last + 1);
            }
            if found.copy {
                self.copies_read.insert(found.path.clone());
                continue;
            }
            let seen = self.snapshots_read.entry(found.device.clone()).or_insert(0);
            *seen = (*seen).max(found.seq);
            if found.device == self.device && self.own_snapshot.is_none_or(|s| s < found.seq) {
                // This device's own snapshot read back (it lost its state): it is its latest.
                self.next_seq = self.next_seq.max(found.seq + 1);
                self.own_snapshot = Some(found.seq);
                self.own_sizes.insert(found.seq, bytes.len() as u64);
            }
        }
        Ok(())
    }

    /// Writes a snapshot of every version known here, then forgets the own files it covers
    /// (`prune` removes them). Returns how many of the versions are this device's own.
    fn write_snapshot(&mut self, folder: &Path, keys: &Keys) -> Result<usize> {
        let changes = self.all_versions();
        let own = changes
            .iter()
            .filter(|c| c.id.device == self.device)
            .count();
        let (seq, len) = folder::write_snapshot(
            folder,
            keys,
            &self.device,
            self.next_seq,
            self.read_ranges(),
            &changes,
        )?;
        self.next_seq = seq + 1;
        self.own_sizes.clear();
        self.own_sizes.insert(seq, len);
        self.own_snapshot = Some(seq);
        self.snapshots_read.insert(self.device.clone(), seq);
        Ok(own)
    }

    /// Removes this device's own change files and older snapshots that its latest snapshot
    /// covers, as the scan found them (never a conflict copy, never a file not read here).
    fn prune(&self, scan: &folder::Scan) {
        let Some(latest) = self.own_snapshot else {
            return;
        };
        let read = self.read.get(&self.device);
        for found in &scan.files {
            let covered = found.device == self.device
                && !found.copy
                && found.seq < latest
                && (found.snapshot || read.is_some_and(|r| r.contains(&found.seq)));
            if covered {
                folder::remove_covered(&found.path);
            }
        }
    }

    /// How many change files of this device's own are in the folder since its last snapshot.
    fn own_files_since_snapshot(&self) -> usize {
        self.own_sizes
            .keys()
            .filter(|&&seq| self.own_snapshot.is_none_or(|s| seq > s))
            .count()
    }

    /// One exchange with the sync folder: this device's pending changes out (one new file),
    /// other devices' newer snapshots and every unread file in, and a snapshot of this
    /// device's when it is due.
    pub fn exchange(&mut self, folder: &Path, keys: &Keys) -> Result<Report> {
        let mut report = Report {
            went_out: self.write_pending(folder, keys)?,
            ..Report::default()
        };
        let scan = folder::scan(folder)?;
        report.passed_over = scan.passed.len();
        // This device's files as it wrote them, to notice one damaged or gone: of another
        // length than written, or not there.
        let mut lost: BTreeSet<u64> = self.own_sizes.keys().copied().collect();
        for found in scan
            .files
            .iter()
            .filter(|f| f.device == self.device && !f.copy)
        {
            let len = std::fs::metadata(&found.path).map(|m| m.len()).ok();
            if len.is_some() && len == self.own_sizes.get(&found.seq).copied() {
                lost.remove(&found.seq);
            }
        }
        self.read_snapshots(&scan, keys, &mut report)?;
        for found in scan.files.iter().filter(|f| !f.snapshot) {
            let done = self
                .read
                .get(&found.device)
                .is_some_and(|seqs| seqs.contains(&found.seq));
            if (done && !found.copy) || (found.copy && self.copies_read.contains(&found.path)) {
                continue;
            }
            let Some(bytes) = read_found(found)? else {
                continue;
            };
            match folder::open(keys, &found.device, found.seq, &bytes) {
                Ok(batch) => {
                    report.came_in += self.take(&batch.changes, &mut report);
                    if found.device == self.device {
                        // Our own file read back (a device that lost its state).
                        self.next_seq = self.next_seq.max(found.seq + 1);
                    }
                    if found.copy {
                        self.copies_read.insert(found.path.clone());
                    } else {
                        self.read
                            .entry(found.device.clone())
                            .or_default()
                            .insert(found.seq);
                    }
                }
                Err(why) => report.unreadable.push((found.path.clone(), why)),
            }
        }
        // A file of this device's damaged or gone in the folder: which versions it held is
        // not known here, so a snapshot of them all goes out (a version taken twice is taken
        // once); else one when enough files have gathered since the last.
        if !lost.is_empty() || self.own_files_since_snapshot() >= self.snapshot_every {
            if self.own_snapshot.is_some_and(|s| lost.contains(&s)) {
                self.own_snapshot = None;
            }
            let own = self.write_snapshot(folder, keys)?;
            report.snapshot_written = self.own_snapshot;
            if !lost.is_empty() {
                report.written_again = own;
            }
        }
        self.prune(&scan);
        self.unapplied.extend(report.changed.iter().cloned());
        Ok(report)
    }
}
