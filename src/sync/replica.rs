//! One device's side of the sync: every field's versions as this device knows them, its clock,
//! the change files it has read, and its own changes not yet written to the folder.
//!
//! An exchange (`exchange`) writes this device's pending changes as one new change file, then
//! reads every change file it has not read yet (its own included, so a device that lost its
//! state gets its changes back), and reports what came in, what went out and what could not be
//! read. Reading the same file twice, files out of order, a file that does not open yet: all
//! leave the versions as they should be, since a version is taken once by its id and the
//! result depends only on which versions are known.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use super::folder::{self, Batch, Unreadable};
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
}

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
    /// sync tool's bad copy): its versions were written again, in a new file, this many.
    pub written_again: usize,
}

/// A replica as it is kept on its device (`Replica::save`): its versions as changes, the rest
/// as it is.
#[derive(serde::Serialize, serde::Deserialize)]
struct Kept {
    v: u32,
    device: DeviceId,
    name: String,
    clock: Clock,
    changes: Vec<Change>,
    read: BTreeMap<DeviceId, BTreeSet<u64>>,
    copies_read: BTreeSet<PathBuf>,
    own_sizes: BTreeMap<u64, u64>,
    next_seq: u64,
    pending: Vec<VersionId>,
    #[serde(default)]
    unapplied: BTreeSet<String>,
    #[serde(default)]
    last_exchange_ms: Option<u64>,
}

const KEPT_AAD: &[u8] = b"keel-sync/replica/1";

impl Replica {
    /// Keeps the replica in `path`, sealed under `keys` (the journal's), written whole and
    /// durably. Kept before an exchange (its pending changes with it) and after, a crash at
    /// any point loses nothing: a change written to the folder but not yet recorded as written
    /// is written again under the next number, and readers take a version once.
    pub fn save(&self, path: &Path, keys: &Keys) -> Result<()> {
        let kept = Kept {
            v: 1,
            device: self.device.clone(),
            name: self.name.clone(),
            clock: self.clock,
            changes: self
                .fields
                .iter()
                .flat_map(|(field, h)| h.all(field))
                .collect(),
            read: self.read.clone(),
            copies_read: self.copies_read.clone(),
            own_sizes: self.own_sizes.clone(),
            next_seq: self.next_seq,
            pending: self.pending.iter().map(|c| c.id.clone()).collect(),
            unapplied: self.unapplied.clone(),
            last_exchange_ms: self.last_exchange_ms,
        };
        let plain = serde_json::to_vec(&kept).map_err(|e| KeelError::Crypto {
            detail: e.to_string(),
        })?;
        let sealed = keys.seal(KEPT_AAD, &plain)?;
        let tmp = path.with_extension("tmp");
        crate::durable::write_atomic(path, &tmp, &sealed, true)
    }

    /// The replica kept in `path`, if there is one.
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
        let kept: Kept = serde_json::from_slice(&plain).map_err(|e| damaged(e.to_string()))?;
        if kept.v != 1 {
            return Err(damaged(format!("version {} is not known", kept.v)));
        }
        let mut fields: BTreeMap<String, History> = BTreeMap::new();
        let mut by_id = BTreeMap::new();
        for change in kept.changes {
            fields
                .entry(change.field.clone())
                .or_insert_with(|| History::new(change.kind))
                .insert(&change);
            by_id.insert(change.id.clone(), change);
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
            read: kept.read,
            copies_read: kept.copies_read,
            own_sizes: kept.own_sizes,
            next_seq: kept.next_seq,
            pending,
            unapplied: kept.unapplied,
            last_exchange_ms: kept.last_exchange_ms,
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
        }
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
        self.pending.push(change);
        Some(id)
    }

    /// Takes in a batch read from the folder; returns the versions new here.
    fn take(&mut self, batch: &Batch, report: &mut Report) -> usize {
        let mut new = 0;
        // Each touched field's value before the batch, to tell which ones changed.
        let mut before: BTreeMap<&str, Option<Resolved>> = BTreeMap::new();
        for change in &batch.changes {
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
            new += 1;
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

    /// One exchange with the sync folder: this device's pending changes out (one new file),
    /// every unread file in.
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
        for found in scan.files {
            let done = self
                .read
                .get(&found.device)
                .is_some_and(|seqs| seqs.contains(&found.seq));
            if (done && !found.copy) || (found.copy && self.copies_read.contains(&found.path)) {
                continue;
            }
            let bytes = match std::fs::read(&found.path) {
                Ok(b) => b,
                // Gone since the scan (a sync tool replacing it): next time.
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
                Err(e) => return Err(io("read", &found.path)(e)),
            };
            match folder::open(keys, &found.device, found.seq, &bytes) {
                Ok(batch) => {
                    let new = self.take(&batch, &mut report);
                    if found.device != self.device {
                        report.came_in += new;
                    } else {
                        // Our own file read back (a device that lost its state).
                        self.next_seq = self.next_seq.max(found.seq + 1);
                    }
                    if found.copy {
                        self.copies_read.insert(found.path);
                    } else {
                        self.read.entry(found.device).or_default().insert(found.seq);
                    }
                }
                Err(why) => report.unreadable.push((found.path, why)),
            }
        }
        if !lost.is_empty() {
            for seq in &lost {
                self.own_sizes.remove(seq);
            }
            // Which versions the lost file held is not known here; all of this device's are
            // written again (a version taken twice is taken once).
            let device = self.device.clone();
            self.pending = self
                .fields
                .iter()
                .flat_map(|(field, h)| h.written_by(field, &device))
                .chain(std::mem::take(&mut self.pending))
                .collect();
            report.written_again = self.write_pending(folder, keys)?;
        }
        self.unapplied.extend(report.changed.iter().cloned());
        Ok(report)
    }
}
