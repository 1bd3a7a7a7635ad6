//! The journal and its sync folder: attaching, one exchange, the status, detaching.
//!
//! What is kept on this computer, in `DIR/sync/` beside the store:
//! - `attachment.json`: the folder, this device's id and name, and the folder's key sealed
//!   under the journal's own keys (so the folder's passphrase is typed once, at attach);
//! - `replica.kc`: this device's versions (`Replica::save`, sealed under the journal's keys),
//!   and `replica.log` beside it, what changed since, appended a record per save.
//!
//! How a save becomes a change, off the save path: every write of a day marks it in the store,
//! in the same transaction (`store::sync_marks`). An exchange takes each marked day, compares
//! each of its fields with what sync last settled for it (a hash of the value and the versions
//! it came from) and records a new version for each that differs, on top of the versions the
//! journal's value came from: versions that arrived since are concurrent with it, and merge.
//! Then the change file goes out and the other devices' files come in; each day whose fields
//! changed is written into the store with what was settled, in one transaction, and only if
//! the day was not saved again meanwhile (that edit is taken first). A crash at any point
//! leaves either the mark or the replica's list of fields to take, and the next exchange
//! finishes the work; nothing typed is written over.
//!
//! Days, weeks, the settings, the values, the work cycle's events (as one list, without the
//! ids each journal counts for itself) and the prompt library as the person changed it sync.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value as Json;

use super::folder;
use super::history::{DeviceId, Value, VersionId};
use super::records::{self, Refused};
use super::replica::{Replica, Report};
use crate::crypto::{self, Keys};
use crate::error::{io, KeelError, Reason, Result};
use crate::store::sync_marks::{Seen, SyncRecord};
use crate::store::Journal;

const REPLICA: &str = "replica.kc";

/// What to settle in the store, field by field (`Settled`, encoded).
type Settle = Vec<(String, Vec<u8>)>;
const FOLDER_KEY_AAD: &[u8] = b"keel-sync/folder-key/1";

/// This journal's tie to a sync folder.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Attachment {
    v: u32,
    folder: PathBuf,
    device: DeviceId,
    name: String,
    /// Hex: the folder's key, sealed under the journal's keys.
    key: String,
}

/// What sync last settled for a field: the hash of the value the journal holds and the
/// versions that value stands for.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Settled {
    h: String,
    heads: Vec<VersionId>,
}

/// What attaching did.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Attached {
    /// The folder had no Keel sync folder: this computer started one.
    pub started: bool,
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub device: DeviceId,
    pub name: String,
    pub exchange: Exchange,
}

/// What one exchange did.
#[derive(Debug, Clone, Default, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Exchange {
    /// Versions that came in from other devices.
    pub came_in: usize,
    /// Versions this computer wrote to the folder.
    pub went_out: usize,
    /// Pages written here with what came in.
    pub days: Vec<NaiveDate>,
    /// Every record written here with what came in (`day/2026-12-01`, `week/2026-W49`,
    /// `settings`, `values`).
    pub changed: Vec<String>,
    /// Values from the folder this journal would not take (it keeps its own).
    pub refused: Vec<Refusal>,
    /// Change files that could not be read this time (tried again next time).
    #[cfg_attr(feature = "ts", ts(type = "Array<string>"))]
    pub unreadable: Vec<PathBuf>,
    /// This computer's own files were gone or damaged in the folder: its versions were
    /// written again, this many.
    pub written_again: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Refusal {
    pub field: String,
    pub why: String,
}

/// Where sync stands.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Status {
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub folder: PathBuf,
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub device: DeviceId,
    pub name: String,
    pub last_exchange: Option<DateTime<Utc>>,
    /// Every device seen, this one among them.
    pub devices: Vec<Device>,
    /// Pages saved here that the folder does not have yet.
    pub waiting_to_go: usize,
    /// Days whose text holds a conflict block, waiting for the person.
    pub conflicts: Vec<NaiveDate>,
    /// Weeks whose reflection holds one.
    #[cfg_attr(feature = "ts", ts(type = "Array<string>"))]
    pub conflict_weeks: Vec<crate::model::WeekId>,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Device {
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub id: DeviceId,
    pub name: String,
    pub this: bool,
    /// When it last wrote a version (by its own clock).
    pub last_wrote: Option<DateTime<Utc>>,
}

fn refused(key: &'static str, args: Vec<(&'static str, crate::i18n::Arg)>) -> KeelError {
    KeelError::SyncFolder {
        reason: Reason::new(key, args),
    }
}

fn attachment_path(journal: &Journal) -> PathBuf {
    crate::store::sync_marks::attachment_path(journal.dir())
}

fn sync_dir(journal: &Journal) -> PathBuf {
    attachment_path(journal)
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default()
}

fn read_attachment(journal: &Journal) -> Result<Option<Attachment>> {
    let path = attachment_path(journal);
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(io("read", &path)(e)),
    };
    serde_json::from_slice(&bytes)
        .map(Some)
        .map_err(|e| KeelError::Corrupt {
            what: "sync attachment".into(),
            detail: e.to_string(),
        })
}

/// Whether the journal is attached to a sync folder, and which.
pub fn attached_folder(journal: &Journal) -> Result<Option<PathBuf>> {
    Ok(read_attachment(journal)?.map(|a| a.folder))
}

/// This computer's host name: the name a computer attaches under unless another is given.
pub fn host_name() -> String {
    ["/proc/sys/kernel/hostname", "/etc/hostname"]
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .map(|s| s.trim().to_owned())
        .find(|s| !s.is_empty())
        .unwrap_or_else(|| "computer".to_owned())
}

/// What a file watcher looks at for an attached journal: the sync folder's Keel part, where
/// other devices' change files arrive, and this device's own folder in it, whose changes are
/// this computer's writes (nothing to come in).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Watch {
    pub folder: PathBuf,
    pub own: PathBuf,
}

/// The paths to watch while the journal is attached (`None` when it is not).
pub fn watch(journal: &Journal) -> Result<Option<Watch>> {
    Ok(read_attachment(journal)?.map(|a| Watch {
        own: folder::device_dir(&a.folder, &a.device),
        folder: a.folder.join(folder::ROOT),
    }))
}

/// The journal's keys, or the refusal a plain journal gets.
fn journal_keys(journal: &Journal) -> Result<std::sync::Arc<Keys>> {
    journal
        .keys()
        .ok_or_else(|| refused("reason-sync-needs-passphrase", vec![]))
}

/// Everything an exchange works with.
struct Session<'a> {
    journal: &'a Journal,
    attachment: Attachment,
    keys: std::sync::Arc<Keys>,
    folder_keys: Keys,
    replica: Replica,
}

impl<'a> Session<'a> {
    fn open(journal: &'a Journal) -> Result<Session<'a>> {
        let attachment = read_attachment(journal)?.ok_or(KeelError::NotSyncing)?;
        let keys = journal_keys(journal)?;
        let sealed = crypto::unhex(&attachment.key).ok_or_else(|| KeelError::Corrupt {
            what: "sync attachment".into(),
            detail: "its key is not hex".into(),
        })?;
        let folder_keys = keys.open_key(FOLDER_KEY_AAD, &sealed)?;
        // The replica this open journal kept after its last exchange, else the one on disk.
        let cached = journal
            .sync_cache_take()
            .and_then(|b| b.downcast::<Replica>().ok())
            .map(|b| *b)
            .filter(|r| *r.device() == attachment.device);
        let kept = match cached {
            Some(r) => Some(r),
            None => match Replica::load(&sync_dir(journal).join(REPLICA), &keys) {
                Ok(r) => r.filter(|r| *r.device() == attachment.device),
                Err(KeelError::Corrupt { .. } | KeelError::Crypto { .. }) => None,
                Err(e) => return Err(e),
            },
        };
        let replica = match kept {
            Some(r) => r,
            None => {
                // No replica of this device (attach removed it; or it was deleted or damaged
                // since): the versions are in the folder and the pages in the journal, but
                // versions not yet written out would be gone. Every record is taken again
                // from the journal, concurrent with the folder's: merged, nothing lost.
                journal.sync_mark_all()?;
                Replica::new(attachment.device.clone(), attachment.name.clone())
            }
        };
        Ok(Session {
            journal,
            attachment,
            keys,
            folder_keys,
            replica,
        })
    }

    /// Keeps the replica for the next exchange of this open journal (what is on disk is as
    /// current, but for the time of an exchange that changed nothing).
    fn keep(self) {
        self.journal.sync_cache_put(Some(Box::new(self.replica)));
    }

    fn save(&mut self) -> Result<()> {
        self.replica
            .save(&sync_dir(self.journal).join(REPLICA), &self.keys)
    }

    fn settled(&self, field: &str) -> Settled {
        // What cannot be read counts as never settled: the journal's value then merges with
        // the folder's as concurrent, which keeps both.
        self.journal
            .sync_applied(field)
            .ok()
            .flatten()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .unwrap_or_else(|| Settled {
                h: hash(&Value::Deleted),
                heads: Vec::new(),
            })
    }

    /// Records the journal's edits of `record` not yet taken as versions; returns the record
    /// as read and what to settle (nothing when no field differed).
    fn take(&mut self, record: SyncRecord, now_ms: u64) -> Result<(Seen, Settle)> {
        let (seen, value) = self.journal.sync_read(record)?;
        let mut settle = Vec::new();
        let mut fields = records::fields_of(record, value.as_ref());
        // A field the record no longer has (a week's answer removed) is deleted.
        let known: BTreeSet<String> = fields.iter().map(|(f, _, _)| f.clone()).collect();
        for (field, kind) in self.replica.fields_under(&records::prefix(record)) {
            if !known.contains(&field) {
                fields.push((field, kind, Value::Deleted));
            }
        }
        for (field, kind, value) in fields {
            let value = normalized(value);
            let h = hash(&value);
            let was = self.settled(&field);
            if was.h == h {
                continue;
            }
            // On top of what the journal last took, and of this computer's own versions not
            // yet settled (a crash after recording one): the store's states on one computer
            // follow each other, so every value it held before is behind this one.
            let mut parents = was.heads;
            for head in self.replica.heads(&field) {
                if head.device == self.attachment.device && !parents.contains(&head) {
                    parents.push(head);
                }
            }
            let heads =
                match self
                    .replica
                    .edit_on(&field, kind, value.clone(), Some(parents), now_ms)
                {
                    Some(id) => vec![id],
                    None => self.replica.heads(&field),
                };
            // Versions that came in meanwhile merge with the edit: the journal takes the
            // merged value at the next `give`.
            if self.replica.value(&field).map(|r| normalized(r.value)) != Some(value) {
                self.replica.mark_unapplied(&field);
            }
            settle.push((field, encode(&Settled { h, heads })));
        }
        Ok((seen, settle))
    }

    /// Every marked record's edits as versions, kept, then settled in the store.
    fn take_marked(&mut self, now_ms: u64) -> Result<()> {
        let mut taken = Vec::new();
        for name in self.journal.sync_marked()? {
            let Some(record) = SyncRecord::parse(&name) else {
                continue;
            };
            let (seen, settle) = self.take(record, now_ms)?;
            taken.push((record, seen, settle));
        }
        if taken.is_empty() {
            return Ok(());
        }
        // The versions are kept before the store forgets the marks.
        self.save()?;
        for (record, seen, settle) in taken {
            self.journal.sync_took(record, &seen, &settle)?;
        }
        Ok(())
    }

    /// Writes into the store every record whose fields changed through other devices.
    fn give_changed(
        &mut self,
        now_ms: u64,
        now: DateTime<FixedOffset>,
        out: &mut Exchange,
    ) -> Result<()> {
        let fields: Vec<String> = self.replica.unapplied().iter().cloned().collect();
        if fields.is_empty() {
            return Ok(());
        }
        let touched: BTreeSet<SyncRecord> = fields
            .iter()
            .filter_map(|f| records::record_of_field(f))
            .collect();
        for record in touched {
            self.give(record, now_ms, now, out)?;
        }
        for field in &fields {
            self.replica.mark_applied(field);
        }
        self.save()
    }

    fn give(
        &mut self,
        record: SyncRecord,
        now_ms: u64,
        now: DateTime<FixedOffset>,
        out: &mut Exchange,
    ) -> Result<()> {
        // Each round either writes the record or finds it saved again since it was read; a
        // save is taken as a version first, so rounds end when saves stop coming.
        for _ in 0..8 {
            let (seen, settle) = self.take(record, now_ms)?;
            if !settle.is_empty() {
                self.save()?;
                self.journal.sync_took(record, &seen, &settle)?;
                continue;
            }
            let (_, local) = self.journal.sync_read(record)?;
            let resolved: BTreeMap<String, Value> = self
                .replica
                .fields_under(&records::prefix(record))
                .into_iter()
                .filter_map(|(field, _)| {
                    let value = self.replica.value(&field)?.value;
                    Some((field, value))
                })
                .collect();
            if resolved.is_empty() {
                return Ok(());
            }
            let (value, refusals) =
                records::value_from_fields(record, local.as_ref(), &resolved, now);
            // What the journal will hold, settled against the versions known now.
            let held = records::fields_of(record, value.as_ref());
            let settle: Settle = held
                .iter()
                .map(|(field, _, value)| {
                    let heads = self.replica.heads(field);
                    let h = hash(&normalized(value.clone()));
                    (field.clone(), encode(&Settled { h, heads }))
                })
                .collect();
            let changed = records::fields_of(record, local.as_ref()) != held;
            if self
                .journal
                .sync_apply(record, &seen, value.as_ref(), &settle)?
            {
                if changed {
                    out.changed.push(record.name());
                    if let SyncRecord::Day(date) = record {
                        out.days.push(date);
                    }
                }
                out.refused.extend(
                    refusals
                        .into_iter()
                        .map(|Refused { field, why }| Refusal { field, why }),
                );
                return Ok(());
            }
        }
        // Saved again on every round: the next exchange takes it up again.
        Ok(())
    }

    /// One exchange: marked days out as versions, the folder read, changed days written.
    fn exchange(&mut self, now_ms: u64, now: DateTime<FixedOffset>) -> Result<Exchange> {
        let mut out = Exchange::default();
        // Twice at most: a save taken while the folder's changes were written in goes out too.
        for _ in 0..2 {
            self.take_marked(now_ms)?;
            let report: Report = self
                .replica
                .exchange(&self.attachment.folder, &self.folder_keys)
                .map_err(|e| folder_error(e, &self.attachment.folder))?;
            self.replica.exchanged_at(now_ms);
            // The versions read are kept before the store takes them. An exchange that moved
            // nothing keeps nothing new (the time of it stays in memory, with the replica).
            if report.came_in + report.went_out + report.written_again > 0 {
                self.save()?;
            }
            out.came_in += report.came_in;
            out.went_out += report.went_out;
            out.written_again += report.written_again;
            out.unreadable = report.unreadable.into_iter().map(|(p, _)| p).collect();
            self.give_changed(now_ms, now, &mut out)?;
            if self.replica.pending() == 0 {
                break;
            }
        }
        out.days.sort();
        out.days.dedup();
        out.changed.sort();
        out.changed.dedup();
        Ok(out)
    }
}

/// A folder that is not there (a drive not mounted, a path mistyped) in plain words.
fn folder_error(e: KeelError, folder: &Path) -> KeelError {
    match e {
        KeelError::Io { source, .. } if source.kind() == std::io::ErrorKind::NotFound => refused(
            "reason-sync-folder-gone",
            vec![("path", folder.display().to_string().into())],
        ),
        other => other,
    }
}

/// A value as sync compares it: an empty text, an empty rating, no prompts are no value.
fn normalized(value: Value) -> Value {
    match value {
        Value::Text(t) if t.is_empty() => Value::Deleted,
        Value::Data(Json::Null) => Value::Deleted,
        Value::Data(Json::Array(a)) if a.is_empty() => Value::Deleted,
        v => v,
    }
}

fn hash(value: &Value) -> String {
    let bytes = serde_json::to_vec(value).unwrap_or_default();
    crypto::hex(&blake3::hash(&bytes).as_bytes()[..16])
}

fn encode(settled: &Settled) -> Vec<u8> {
    serde_json::to_vec(settled).unwrap_or_default()
}

/// Attaches the journal to the sync folder `folder` as the device `name`: starts a sync
/// folder there when it has none (its key wrapped under `passphrase`), joins it otherwise (the
/// passphrase must open its key: a wrong one is refused and nothing is written). Every page
/// already here becomes this device's change, so a journal with pages of its own merges in.
/// Then one exchange.
pub fn attach(
    journal: &Journal,
    folder: &Path,
    name: &str,
    passphrase: &str,
    now_ms: u64,
    now: DateTime<FixedOffset>,
) -> Result<Attached> {
    let keys = journal_keys(journal)?;
    if let Some(a) = read_attachment(journal)? {
        return Err(refused(
            "reason-sync-attached",
            vec![("path", a.folder.display().to_string().into())],
        ));
    }
    if !folder.is_dir() {
        return Err(refused(
            "reason-sync-folder-gone",
            vec![("path", folder.display().to_string().into())],
        ));
    }
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 64 || name.chars().any(char::is_control) {
        return Err(refused("reason-sync-device-name", vec![]));
    }
    let folder = std::fs::canonicalize(folder).map_err(io("read", folder))?;
    let started = !folder::exists(&folder);
    let folder_keys = if started {
        let params = crypto::read_envelope(&journal.dir().join("store"))?
            .map_or(crypto::KdfParams::DEFAULT, |e| e.kdf);
        folder::start(&folder, passphrase, params)?
    } else {
        folder::join(&folder, passphrase).map_err(|e| match e {
            KeelError::WrongPassphrase => refused("reason-sync-wrong-passphrase", vec![]),
            other => other,
        })?
    };
    let device = DeviceId(crypto::hex(&crypto::random::<8>()?));
    let attachment = Attachment {
        v: 1,
        folder,
        device: device.clone(),
        name: name.to_owned(),
        key: crypto::hex(&keys.seal_key(FOLDER_KEY_AAD, &folder_keys)?),
    };
    // The person's own prompts with counted ids get random ones (two computers count alike),
    // then every record becomes a change before the attachment exists: a crash in between
    // leaves a journal that is not attached, and attaching again does it all again.
    journal.sync_unique_prompt_ids()?;
    journal.sync_mark_all()?;
    let dir = sync_dir(journal);
    std::fs::create_dir_all(&dir).map_err(io("create", &dir))?;
    Replica::forget(&dir.join(REPLICA));
    let json = serde_json::to_vec_pretty(&attachment).map_err(|e| KeelError::Crypto {
        detail: e.to_string(),
    })?;
    crate::durable::write_atomic(
        &attachment_path(journal),
        &dir.join(".attachment.json.tmp"),
        &json,
        true,
    )?;
    journal.sync_cache_put(None);
    let mut session = Session::open(journal)?;
    let exchange = session.exchange(now_ms, now)?;
    session.keep();
    Ok(Attached {
        started,
        device,
        name: name.to_owned(),
        exchange,
    })
}

/// One exchange with the attached folder (`NotSyncing` when there is none).
pub fn exchange(journal: &Journal, now_ms: u64, now: DateTime<FixedOffset>) -> Result<Exchange> {
    let mut session = Session::open(journal)?;
    let done = session.exchange(now_ms, now)?;
    session.keep();
    Ok(done)
}

/// Where sync stands, or `None` when the journal is not attached.
pub fn status(journal: &Journal) -> Result<Option<Status>> {
    if read_attachment(journal)?.is_none() {
        return Ok(None);
    }
    let session = Session::open(journal)?;
    let replica = &session.replica;
    let at = |ms: u64| DateTime::<Utc>::from_timestamp_millis(ms as i64);
    let devices = replica
        .devices()
        .into_iter()
        .map(|(id, (name, ms))| Device {
            this: id == session.attachment.device,
            id,
            name,
            last_wrote: at(ms),
        })
        .collect();
    let mut conflicts = BTreeSet::new();
    let mut conflict_weeks = BTreeSet::new();
    for (field, _) in replica.values().into_iter().filter(|(_, r)| r.conflict) {
        match records::record_of_field(&field) {
            Some(SyncRecord::Day(date)) => {
                conflicts.insert(date);
            }
            Some(SyncRecord::Week(week)) => {
                conflict_weeks.insert(week);
            }
            _ => {}
        }
    }
    let marked = journal.sync_marked()?.len();
    let status = Status {
        folder: session.attachment.folder.clone(),
        device: session.attachment.device.clone(),
        name: session.attachment.name.clone(),
        last_exchange: replica.last_exchange_ms().and_then(at),
        devices,
        waiting_to_go: marked.max(usize::from(replica.pending() > 0)),
        conflicts: conflicts.into_iter().collect(),
        conflict_weeks: conflict_weeks.into_iter().collect(),
    };
    session.keep();
    Ok(Some(status))
}

/// Detaches the journal from its sync folder: this computer's sync state goes, the folder
/// and the pages stay as they are. Returns the folder it was attached to.
pub fn detach(journal: &Journal) -> Result<Option<PathBuf>> {
    journal.sync_cache_put(None);
    let Some(attachment) = read_attachment(journal)? else {
        return Ok(None);
    };
    let dir = sync_dir(journal);
    // The attachment first: a crash after it leaves a journal that is simply not attached.
    let path = attachment_path(journal);
    std::fs::remove_file(&path).map_err(io("remove", &path))?;
    crate::durable::sync_dir(&dir)?;
    Replica::forget(&dir.join(REPLICA));
    journal.sync_forget()?;
    Ok(Some(attachment.folder))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crypto::KdfParams;
    use crate::model::DayPatch;

    const PASS: &str = "a shared passphrase";

    fn now() -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2026-12-01T21:00:00+01:00").unwrap()
    }

    fn date() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
    }

    fn journal(dir: &Path) -> Journal {
        let j = Journal::open(dir).unwrap();
        j.encrypt_with(PASS, KdfParams::FOR_TESTS).unwrap();
        j
    }

    fn write_self(j: &Journal, text: &str) {
        let patch = DayPatch {
            self_text: Some(text.into()),
            ..DayPatch::default()
        };
        j.save_day(date(), &patch, now()).unwrap();
    }

    fn self_text(j: &Journal) -> Option<String> {
        j.day(date()).unwrap().map(|d| d.self_text)
    }

    /// The laptop exchanges, then the home computer, then the laptop again: each has what the
    /// other wrote.
    fn round(a: &Journal, b: &Journal, at: u64) {
        exchange(a, at, now()).unwrap();
        exchange(b, at + 1_000, now()).unwrap();
        exchange(a, at + 2_000, now()).unwrap();
    }

    /// Two encrypted journals and a folder for them, not attached yet.
    fn unattached(root: &Path) -> (Journal, Journal, PathBuf) {
        let folder = root.join("folder");
        std::fs::create_dir(&folder).unwrap();
        (journal(&root.join("a")), journal(&root.join("b")), folder)
    }

    /// Two journals attached to one folder (no sync tool between them: the same folder).
    fn pair(root: &Path) -> (Journal, Journal, PathBuf) {
        let (a, b, folder) = unattached(root);
        assert!(
            attach(&a, &folder, "laptop", PASS, 1_000, now())
                .unwrap()
                .started
        );
        assert!(
            !attach(&b, &folder, "home", PASS, 2_000, now())
                .unwrap()
                .started
        );
        (a, b, folder)
    }

    #[test]
    fn a_save_made_while_changes_came_in_merges_with_them() {
        let root = tempfile::tempdir().unwrap();
        let (a, b, _) = pair(root.path());
        write_self(&a, "Ran by the river.\n\nCooked soup.");
        exchange(&a, 3_000, now()).unwrap();
        exchange(&b, 4_000, now()).unwrap();
        assert_eq!(
            self_text(&b).as_deref(),
            Some("Ran by the river.\n\nCooked soup.")
        );

        // The laptop adds a line; the home computer reads it into its versions, then dies
        // before its page takes it (the replica is kept, the store not yet written).
        write_self(&a, "Ran by the river.\n\nCooked soup.\n\nCalled Mum.");
        exchange(&a, 5_000, now()).unwrap();
        {
            let mut s = Session::open(&b).unwrap();
            s.take_marked(6_000).unwrap();
            let folder = s.attachment.folder.clone();
            s.replica.exchange(&folder, &s.folder_keys).unwrap();
            s.save().unwrap();
        }
        assert!(!self_text(&b).unwrap().contains("Called Mum"));
        // Meanwhile the person edits the page at home, from the text it still shows.
        write_self(&b, "Ran along the river, in the rain.\n\nCooked soup.");
        let x = exchange(&b, 7_000, now()).unwrap();
        assert_eq!(x.days, vec![date()]);
        let home = self_text(&b).unwrap();
        assert_eq!(
            home, "Ran along the river, in the rain.\n\nCooked soup.\n\nCalled Mum.",
            "both edits kept, merged"
        );
        exchange(&a, 8_000, now()).unwrap();
        assert_eq!(self_text(&a).unwrap(), home);
    }

    #[test]
    fn events_added_on_both_computers_all_stay_and_a_removed_one_goes() {
        use crate::cycle::{EventDraft, EventKind};
        let day = |d: u32| NaiveDate::from_ymd_opt(2026, 12, d).unwrap();
        let draft = |d: u32, kind: &str, note: &str| EventDraft {
            start: day(d),
            end: None,
            kind: kind.parse::<EventKind>().unwrap(),
            note: note.into(),
        };
        let root = tempfile::tempdir().unwrap();
        let (a, b, folder) = unattached(root.path());
        // Each journal has an event of its own before it attaches (ids 1 on both).
        a.add_event(draft(3, "review", "H2 calibration")).unwrap();
        b.add_event(draft(15, "time-off", "Lisbon")).unwrap();
        attach(&a, &folder, "laptop", PASS, 1_000, now()).unwrap();
        attach(&b, &folder, "home", PASS, 2_000, now()).unwrap();
        round(&a, &b, 3_000);
        let notes = |j: &Journal| -> Vec<String> {
            j.events().unwrap().into_iter().map(|e| e.note).collect()
        };
        assert_eq!(notes(&a), ["H2 calibration", "Lisbon"]);
        assert_eq!(notes(&b), ["H2 calibration", "Lisbon"]);
        // Ids are each journal's own, and never two the same.
        let ids: Vec<u64> = b.events().unwrap().iter().map(|e| e.id).collect();
        assert_eq!(ids.len(), 2);
        assert_ne!(ids[0], ids[1]);

        // Added on both at once, and one removed on the laptop.
        a.add_event(draft(10, "reorg", "New director")).unwrap();
        b.add_event(draft(20, "compensation", "")).unwrap();
        let lisbon = a
            .events()
            .unwrap()
            .into_iter()
            .find(|e| e.note == "Lisbon")
            .unwrap();
        a.remove_event(lisbon.id).unwrap();
        exchange(&a, 6_000, now()).unwrap();
        let x = exchange(&b, 7_000, now()).unwrap();
        assert!(x.changed.contains(&"events".to_owned()), "{x:?}");
        exchange(&a, 8_000, now()).unwrap();
        assert_eq!(notes(&a), ["H2 calibration", "New director", ""]);
        assert_eq!(notes(&b), notes(&a));
        // Nothing changes on further exchanges, and the home computer's ids stayed put.
        let before = b.events().unwrap();
        round(&a, &b, 9_000);
        assert_eq!(b.events().unwrap(), before);
        assert!(a.sync_marked().unwrap().is_empty() && b.sync_marked().unwrap().is_empty());
    }

    #[test]
    fn the_prompt_library_as_each_computer_changed_it_syncs() {
        use crate::model::{Cadence, PromptFields, Side, Theme};
        let root = tempfile::tempdir().unwrap();
        let (a, b, folder) = unattached(root.path());
        let own = |text: &str| PromptFields {
            side: Side::Myself,
            cadence: Cadence::Daily,
            theme: Theme::Relationships,
            text: text.into(),
        };
        let laptop_prompt = a.add_prompt(own("Who did I make laugh today?")).unwrap();
        let home_prompt = b.add_prompt(own("What did I cook?")).unwrap();
        assert_ne!(laptop_prompt.id, home_prompt.id);
        let shipped: Vec<_> = a
            .stored_prompts()
            .unwrap()
            .into_iter()
            .filter(|p| p.origin == crate::model::PromptOrigin::Shipped)
            .take(2)
            .collect();
        // The laptop hides one shipped prompt; home rewords another.
        a.set_prompt_hidden(&shipped[0].id, true).unwrap();
        let reworded = PromptFields {
            text: "In my own words: what mattered today?".into(),
            side: shipped[1].side,
            cadence: shipped[1].cadence,
            theme: shipped[1].theme,
        };
        b.edit_prompt(&shipped[1].id, reworded).unwrap();
        attach(&a, &folder, "laptop", PASS, 1_000, now()).unwrap();
        attach(&b, &folder, "home", PASS, 2_000, now()).unwrap();
        round(&a, &b, 3_000);
        for j in [&a, &b] {
            let p = |id: &str| j.stored_prompt(id).unwrap().unwrap();
            assert_eq!(p(&laptop_prompt.id).text, "Who did I make laugh today?");
            assert_eq!(p(&home_prompt.id).text, "What did I cook?");
            assert!(p(&shipped[0].id).hidden);
            assert_eq!(
                p(&shipped[1].id).text,
                "In my own words: what mattered today?"
            );
            assert!(p(&shipped[1].id).edited);
        }
        // Deleted on one, shown again on the other: both follow.
        b.delete_prompt(&laptop_prompt.id).unwrap();
        b.set_prompt_hidden(&shipped[0].id, false).unwrap();
        round(&b, &a, 6_000);
        for j in [&a, &b] {
            assert_eq!(j.stored_prompt(&laptop_prompt.id).unwrap(), None);
            assert!(!j.stored_prompt(&shipped[0].id).unwrap().unwrap().hidden);
        }
        round(&a, &b, 9_000);
        assert!(a.sync_marked().unwrap().is_empty() && b.sync_marked().unwrap().is_empty());
        assert_eq!(a.stored_prompts().unwrap(), b.stored_prompts().unwrap());
    }

    #[test]
    fn a_deleted_page_stays_deleted_and_an_empty_page_never_wins_over_text() {
        let root = tempfile::tempdir().unwrap();
        let (a, b, _) = pair(root.path());
        write_self(&a, "Wrote on the laptop.");
        // The home computer opened the same day and kept only its prompts.
        let prompts = DayPatch {
            prompt_ids: Some(vec!["role-energy".into()]),
            ..DayPatch::default()
        };
        b.save_day(date(), &prompts, now()).unwrap();
        exchange(&b, 3_000, now()).unwrap();
        exchange(&a, 4_000, now()).unwrap();
        exchange(&b, 5_000, now()).unwrap();
        assert_eq!(self_text(&a).as_deref(), Some("Wrote on the laptop."));
        assert_eq!(self_text(&b).as_deref(), Some("Wrote on the laptop."));

        assert!(a.delete_day(date()).unwrap());
        exchange(&a, 6_000, now()).unwrap();
        let x = exchange(&b, 7_000, now()).unwrap();
        assert_eq!(x.days, vec![date()]);
        assert_eq!(b.day(date()).unwrap(), None);
        // Exchanging again brings nothing back.
        exchange(&a, 8_000, now()).unwrap();
        exchange(&b, 9_000, now()).unwrap();
        assert_eq!(a.day(date()).unwrap(), None);
        assert_eq!(b.day(date()).unwrap(), None);
    }

    #[test]
    fn a_damaged_replica_loses_no_edit_it_had_not_written_out() {
        let root = tempfile::tempdir().unwrap();
        let (a, b, _) = pair(root.path());
        write_self(&a, "Written before the damage.");
        // The edit is taken as a version and the mark cleared, then the process dies before
        // the change file is written; later the replica's file is damaged.
        {
            let mut s = Session::open(&a).unwrap();
            s.take_marked(3_000).unwrap();
        }
        assert!(a.sync_marked().unwrap().is_empty());
        let kept = a.dir().join("sync").join(REPLICA);
        let mut bytes = std::fs::read(&kept).unwrap();
        let middle = bytes.len() / 2;
        bytes[middle] ^= 0xff;
        std::fs::write(&kept, bytes).unwrap();
        exchange(&a, 4_000, now()).unwrap();
        exchange(&b, 5_000, now()).unwrap();
        assert_eq!(self_text(&b).as_deref(), Some("Written before the damage."));
    }

    #[test]
    fn the_same_words_written_on_both_merge_without_a_conflict() {
        // The same export imported on both computers before they first exchange.
        let root = tempfile::tempdir().unwrap();
        let (a, b, _) = pair(root.path());
        write_self(&a, "Imported from jrnl.\n\nA second paragraph.");
        write_self(&b, "Imported from jrnl.\n\nA second paragraph.");
        round(&a, &b, 3_000);
        for j in [&a, &b] {
            assert_eq!(
                self_text(j).as_deref(),
                Some("Imported from jrnl.\n\nA second paragraph.")
            );
            assert!(status(j).unwrap().unwrap().conflicts.is_empty());
        }
    }

    #[test]
    fn weeks_settings_and_values_sync_and_a_computers_own_timer_stays_its_own() {
        use crate::cycle::ValueDraft;
        use crate::model::{PromptAnswer, WeekContent, WeekId};
        let root = tempfile::tempdir().unwrap();
        let (a, b, _) = pair(root.path());
        let week: WeekId = "2026-W49".parse().unwrap();
        let content = |gave: &[&str], answer: &str| WeekContent {
            answers: vec![PromptAnswer {
                prompt_id: "week-drained".into(),
                text: answer.into(),
            }],
            role_gave: gave.iter().map(|s| s.to_string()).collect(),
            role_cost: vec!["Two late evenings".into()],
            next_boundary: "Laptop shut at six".into(),
            kept_last_boundary: Some(true),
            values: Vec::new(),
        };
        a.save_week(
            week,
            content(&["A launch that worked"], "The re-org rumours."),
            now(),
        )
        .unwrap();
        let mut settings = a.settings().unwrap();
        settings.week_start = chrono::Weekday::Sun;
        settings.reminders.background = true;
        a.put_settings(&settings).unwrap();
        let draft = |n: &str| ValueDraft {
            name: n.into(),
            practice: None,
        };
        a.set_values(&[draft("Family"), draft("Craft"), draft("Health")])
            .unwrap();
        exchange(&a, 3_000, now()).unwrap();
        let x = exchange(&b, 4_000, now()).unwrap();
        assert!(x.changed.contains(&"week/2026-W49".to_owned()), "{x:?}");
        assert!(x.changed.contains(&"settings".to_owned()), "{x:?}");
        assert!(x.changed.contains(&"values".to_owned()), "{x:?}");
        let home_week = b.week(week).unwrap().unwrap();
        assert_eq!(home_week.role_gave, vec!["A launch that worked"]);
        assert_eq!(home_week.answers[0].text, "The re-org rumours.");
        assert_eq!(home_week.kept_last_boundary, Some(true));
        assert_eq!(b.settings().unwrap().week_start, chrono::Weekday::Sun);
        assert!(
            !b.settings().unwrap().reminders.background,
            "the timer is the laptop's own"
        );
        let names: Vec<String> = b
            .values()
            .unwrap()
            .values
            .iter()
            .map(|v| v.name.clone())
            .collect();
        assert_eq!(names, vec!["Family", "Craft", "Health"]);
        // The week is found by search on the other computer too.
        assert!(!b.postings("rumours").unwrap().is_empty());

        // Both add to the ledger at once: both items stay.
        a.save_week(
            week,
            content(
                &["A launch that worked", "Praise from Sam"],
                "The re-org rumours.",
            ),
            now(),
        )
        .unwrap();
        b.save_week(
            week,
            content(
                &["A launch that worked", "Lunch with the team"],
                "The re-org rumours.",
            ),
            now(),
        )
        .unwrap();
        exchange(&a, 5_000, now()).unwrap();
        exchange(&b, 6_000, now()).unwrap();
        exchange(&a, 7_000, now()).unwrap();
        let gave = a.week(week).unwrap().unwrap().role_gave;
        assert_eq!(gave.len(), 3, "both new items, no conflict block: {gave:?}");
        assert!(gave.contains(&"Praise from Sam".to_owned()), "{gave:?}");
        assert!(gave.contains(&"Lunch with the team".to_owned()), "{gave:?}");
        assert_eq!(b.week(week).unwrap().unwrap().role_gave, gave);
    }

    #[test]
    fn status_names_the_devices_and_the_pages_in_conflict_and_detach_forgets_them() {
        use crate::model::{WeekContent, WeekId};
        let root = tempfile::tempdir().unwrap();
        let (a, b, folder) = pair(root.path());
        write_self(&a, "The laptop's line.");
        write_self(&b, "The home computer's line.");
        // The same week's next boundary written differently on both.
        let week: WeekId = "2026-W49".parse().unwrap();
        for (j, boundary) in [(&a, "Laptop shut at six."), (&b, "No mail after dinner.")] {
            let content = WeekContent {
                next_boundary: boundary.into(),
                ..WeekContent::default()
            };
            j.save_week(week, content, now()).unwrap();
        }
        round(&a, &b, 3_000);
        let text = self_text(&a).unwrap();
        assert_eq!(self_text(&b).unwrap(), text);
        assert!(text.contains("The laptop's line.") && text.contains("The home computer's line."));
        assert!(
            text.contains("**laptop:**") && text.contains("**home:**"),
            "{text}"
        );

        let s = status(&a).unwrap().unwrap();
        assert_eq!(s.name, "laptop");
        assert_eq!(s.conflicts, vec![date()]);
        assert_eq!(s.conflict_weeks, vec![week]);
        let next = a.week(week).unwrap().unwrap().next_boundary;
        assert!(
            next.contains("Laptop shut at six.") && next.contains("No mail after dinner."),
            "{next}"
        );
        let names: Vec<(&str, bool)> = s
            .devices
            .iter()
            .map(|d| (d.name.as_str(), d.this))
            .collect();
        assert_eq!(names.len(), 2);
        assert!(names.contains(&("laptop", true)) && names.contains(&("home", false)));
        assert_eq!(s.last_exchange.unwrap().timestamp_millis(), 5_000);
        assert_eq!(s.waiting_to_go, 0);

        // The person keeps one version: the markers go, on both.
        write_self(&a, "The laptop's line. The home computer's line.");
        exchange(&a, 6_000, now()).unwrap();
        exchange(&b, 7_000, now()).unwrap();
        assert_eq!(
            self_text(&b).as_deref(),
            Some("The laptop's line. The home computer's line.")
        );
        assert!(status(&b).unwrap().unwrap().conflicts.is_empty());

        assert_eq!(
            detach(&a).unwrap().as_deref(),
            Some(folder.canonicalize().unwrap().as_path())
        );
        assert!(status(&a).unwrap().is_none());
        assert!(matches!(
            exchange(&a, 8_000, now()),
            Err(KeelError::NotSyncing)
        ));
        assert_eq!(
            self_text(&a).as_deref(),
            Some("The laptop's line. The home computer's line.")
        );
    }

    #[test]
    fn attach_refuses_a_plain_journal_a_wrong_passphrase_and_a_second_folder() {
        let root = tempfile::tempdir().unwrap();
        let folder = root.path().join("folder");
        std::fs::create_dir(&folder).unwrap();
        let plain = Journal::open(&root.path().join("plain")).unwrap();
        let e = attach(&plain, &folder, "x", "", 1, now()).unwrap_err();
        assert!(e.to_string().contains("needs a passphrase"), "{e}");
        assert!(!folder::exists(&folder), "nothing written");

        let a = journal(&root.path().join("a"));
        attach(&a, &folder, "laptop", PASS, 1, now()).unwrap();
        let listing = |p: &Path| -> Vec<PathBuf> { walk(p) };
        let before = listing(&folder);
        let other = Journal::open(&root.path().join("b")).unwrap();
        other
            .encrypt_with("another passphrase", KdfParams::FOR_TESTS)
            .unwrap();
        let e = attach(&other, &folder, "home", "another passphrase", 2, now()).unwrap_err();
        assert!(e.to_string().contains("does not open it"), "{e}");
        assert!(status(&other).unwrap().is_none());
        assert_eq!(listing(&folder), before, "the folder is as it was");

        let elsewhere = root.path().join("elsewhere");
        std::fs::create_dir(&elsewhere).unwrap();
        let e = attach(&a, &elsewhere, "laptop", PASS, 3, now()).unwrap_err();
        assert!(e.to_string().contains("attached to"), "{e}");
        let e = attach(
            &other,
            &root.path().join("missing"),
            "home",
            "another passphrase",
            4,
            now(),
        )
        .unwrap_err();
        assert!(e.to_string().contains("there is no folder"), "{e}");
    }

    fn walk(p: &Path) -> Vec<PathBuf> {
        let mut out = Vec::new();
        for e in std::fs::read_dir(p).unwrap() {
            let path = e.unwrap().path();
            if path.is_dir() {
                out.extend(walk(&path));
            } else {
                out.push(path);
            }
        }
        out.sort();
        out
    }
}
