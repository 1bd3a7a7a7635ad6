//! Backups: verified Keel JSON snapshots of the whole journal in `<journal>/backups/`, kept
//! with tiered retention (the newest of each of the last 7 days, 4 ISO weeks and 12 months),
//! and restored into a fresh journal while the damaged one is moved aside, never deleted.
//!
//! A snapshot is the same Keel JSON as an export, written to a temporary file, fsynced, read
//! back and checked (it parses, and holds as many pages and weeks as the journal), and only then
//! renamed into place (and the folder fsynced). Time is an input: callers pass `now`.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Datelike, FixedOffset, NaiveDateTime};
use serde::Serialize;

use crate::error::{io, KeelError, Result};
use crate::interchange::{self, ImportOptions, Source};
use crate::store::Journal;

const PREFIX: &str = "keel-backup-";
const STAMP: &str = "%Y-%m-%dT%H%M%S%.3f";

/// One backup file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Backup {
    pub path: PathBuf,
    /// When it was made (local time, as in its name).
    pub taken_at: NaiveDateTime,
    pub bytes: u64,
}

/// The backups folder of a journal folder.
pub fn folder(journal_dir: &Path) -> PathBuf {
    journal_dir.join("backups")
}

/// Every backup of the journal in `journal_dir`, newest first.
pub fn list(journal_dir: &Path) -> Result<Vec<Backup>> {
    let dir = folder(journal_dir);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(stamp) = name
            .strip_prefix(PREFIX)
            .and_then(|n| n.strip_suffix(".json"))
        else {
            continue;
        };
        let Ok(taken_at) = NaiveDateTime::parse_from_str(stamp, STAMP) else {
            continue;
        };
        out.push(Backup {
            path: entry.path(),
            taken_at,
            bytes: entry.metadata().map(|m| m.len()).unwrap_or(0),
        });
    }
    out.sort_by_key(|b| std::cmp::Reverse(b.taken_at));
    Ok(out)
}

/// What becomes of the backups taken before a journal was encrypted (they are plain).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OldBackups {
    /// Each is sealed under the journal's key in place (written anew, then renamed over it).
    Encrypt,
    /// Each is deleted.
    Remove,
}

/// Seals or removes the backups of `journal` (now encrypted) that are not sealed; returns how
/// many. What the person chose when turning encryption on.
pub fn protect_plain(journal: &Journal, what: OldBackups) -> Result<usize> {
    let dir = folder(journal.dir());
    let mut changed = 0;
    for b in list(journal.dir())? {
        let bytes = std::fs::read(&b.path).map_err(io("read", &b.path))?;
        if crate::crypto::is_sealed_file(&bytes) {
            continue;
        }
        match what {
            OldBackups::Remove => {
                std::fs::remove_file(&b.path).map_err(io("remove", &b.path))?;
            }
            OldBackups::Encrypt => {
                let sealed = journal.seal_file(&bytes)?.ok_or(KeelError::NotEncrypted)?;
                if journal.open_file(&sealed)? != bytes {
                    return Err(KeelError::Corrupt {
                        what: "backup".into(),
                        detail: "it did not seal to what it held".into(),
                    });
                }
                let name = b.path.file_name().unwrap_or_default().to_string_lossy();
                let tmp = dir.join(format!(".{name}.tmp"));
                {
                    let mut file = std::fs::File::create(&tmp).map_err(io("write", &tmp))?;
                    file.write_all(&sealed).map_err(io("write", &tmp))?;
                    file.sync_all().map_err(io("sync", &tmp))?;
                }
                std::fs::rename(&tmp, &b.path).map_err(io("name", &b.path))?;
            }
        }
        changed += 1;
    }
    if changed > 0 {
        std::fs::File::open(&dir)
            .and_then(|d| d.sync_all())
            .map_err(io("sync the folder", &dir))?;
    }
    Ok(changed)
}

/// Encrypts the journal under a new passphrase, then seals or removes the plain backups taken
/// before (`what`): a journal that is encrypted has no readable copy left beside it.
pub fn encrypt(journal: &Journal, passphrase: &str, what: OldBackups) -> Result<usize> {
    journal.encrypt(passphrase)?;
    protect_plain(journal, what)
}

/// Opens the journal in `journal_dir` (unlocking it with `passphrase` when it is encrypted),
/// after doing a restore asked for while it was open (`request_restore`). Every front end
/// opens through this, so none can skip a restore the person asked for.
pub fn open(
    journal_dir: &Path,
    passphrase: Option<&str>,
    now: DateTime<FixedOffset>,
) -> Result<Journal> {
    apply_pending_restore(journal_dir, passphrase, now)?;
    match passphrase {
        Some(p) => Journal::unlock(journal_dir, p),
        None => Journal::open(journal_dir),
    }
}

/// Writes an import's plan after taking a verified backup of the journal (when it holds
/// anything and the plan writes anything), so an import can always be undone by restoring
/// that backup.
pub fn apply_import(
    journal: &Journal,
    plan: &mut interchange::ImportPlan,
    now: DateTime<FixedOffset>,
) -> Result<()> {
    if plan.writes_nothing() {
        return Ok(());
    }
    if journal.n_days()? > 0 || !journal.weeks()?.is_empty() {
        create(journal, now)?;
    }
    interchange::apply(journal, plan)
}

/// Takes a verified snapshot now.
pub fn create(journal: &Journal, now: DateTime<FixedOffset>) -> Result<Backup> {
    let dir = folder(journal.dir());
    std::fs::create_dir_all(&dir).map_err(io("create the backups folder", &dir))?;
    let text = interchange::export_json(journal)?;
    // An encrypted journal's backups are sealed under its key (the passphrase opens them).
    let sealed = journal.seal_file(text.as_bytes())?;
    let bytes = sealed.as_deref().unwrap_or(text.as_bytes());
    let name = format!("{PREFIX}{}.json", now.naive_local().format(STAMP));
    let path = dir.join(&name);
    let tmp = dir.join(format!(".{name}.tmp"));
    {
        let mut file = std::fs::File::create(&tmp).map_err(io("write", &tmp))?;
        file.write_all(bytes).map_err(io("write", &tmp))?;
        file.sync_all().map_err(io("sync", &tmp))?;
    }
    // Verify what is on disk, not what is in memory.
    let back = std::fs::read(&tmp).map_err(io("read back", &tmp))?;
    let back = journal.open_file(&back)?;
    // Counted, not built: a tree of every value of a large journal would take several times
    // the file's size.
    #[derive(serde::Deserialize)]
    struct Counts {
        #[serde(default)]
        days: Vec<serde::de::IgnoredAny>,
        #[serde(default)]
        weeks: Vec<serde::de::IgnoredAny>,
    }
    let parsed: Counts = serde_json::from_slice(&back).map_err(|e| KeelError::Corrupt {
        what: "backup".into(),
        detail: format!("it did not read back ({e})"),
    })?;
    let (n_days, n_weeks) = (parsed.days.len(), parsed.weeks.len());
    if back != text.as_bytes() || n_days != journal.n_days()? || n_weeks != journal.weeks()?.len() {
        let _ = std::fs::remove_file(&tmp);
        return Err(KeelError::Corrupt {
            what: "backup".into(),
            detail: "what was written is not what the journal holds".into(),
        });
    }
    std::fs::rename(&tmp, &path).map_err(io("name", &path))?;
    std::fs::File::open(&dir)
        .and_then(|d| d.sync_all())
        .map_err(io("sync the folder", &dir))?;
    Ok(Backup {
        path,
        taken_at: now.naive_local(),
        bytes: bytes.len() as u64,
    })
}

/// Which of `taken` (times of backups) to keep at `now`: the newest of each of the last 7
/// days, of each of the last 4 ISO weeks, and of each of the last 12 months. The newest backup
/// is always kept.
pub fn keep(taken: &[NaiveDateTime], now: NaiveDateTime) -> BTreeSet<NaiveDateTime> {
    let mut sorted: Vec<NaiveDateTime> = taken.to_vec();
    sorted.sort_by(|a, b| b.cmp(a));
    let mut kept = BTreeSet::new();
    if let Some(newest) = sorted.first() {
        kept.insert(*newest);
    }
    let today = now.date();
    let mut tiers: [(BTreeSet<(i32, u32)>, usize); 3] = [
        (BTreeSet::new(), 7),
        (BTreeSet::new(), 4),
        (BTreeSet::new(), 12),
    ];
    for t in &sorted {
        let d = t.date();
        let keys = [
            ((today - d).num_days() < 7, (d.year(), d.ordinal())),
            (
                (today - d).num_days() < 28,
                (d.iso_week().year(), d.iso_week().week()),
            ),
            (
                (today.year() * 12 + today.month() as i32) - (d.year() * 12 + d.month() as i32)
                    < 12,
                (d.year(), d.month()),
            ),
        ];
        for ((recent, key), (seen, limit)) in keys.into_iter().zip(tiers.iter_mut()) {
            if recent && seen.len() < *limit && seen.insert(key) {
                kept.insert(*t);
            }
        }
    }
    kept
}

/// Removes the backups that `keep` does not keep. Returns how many it removed.
pub fn prune(journal_dir: &Path, now: DateTime<FixedOffset>) -> Result<usize> {
    let all = list(journal_dir)?;
    let kept = keep(
        &all.iter().map(|b| b.taken_at).collect::<Vec<_>>(),
        now.naive_local(),
    );
    let mut removed = 0;
    for b in all.iter().filter(|b| !kept.contains(&b.taken_at)) {
        std::fs::remove_file(&b.path).map_err(io("remove", &b.path))?;
        removed += 1;
    }
    Ok(removed)
}

/// The once-a-day backup (the app takes it when it opens): a snapshot unless one was taken
/// today already, then pruning. Returns the new backup, if one was taken.
pub fn daily(journal: &Journal, now: DateTime<FixedOffset>) -> Result<Option<Backup>> {
    let today = now.naive_local().date();
    let taken = if list(journal.dir())?
        .iter()
        .any(|b| b.taken_at.date() == today)
    {
        None
    } else {
        Some(create(journal, now)?)
    };
    prune(journal.dir(), now)?;
    Ok(taken)
}

/// Restores `backup` into the journal at `journal_dir`: the current store (damaged or not) is
/// moved aside to `store.before-restore-<time>` (never deleted), a fresh journal is created and
/// the backup imported into it. The journal must not be open anywhere. A sealed backup (of an
/// encrypted journal) needs its `passphrase` (`KeelError::Locked` without one), and is
/// restored into a journal encrypted again under it before anything is written.
pub fn restore(
    journal_dir: &Path,
    backup: &Path,
    passphrase: Option<&str>,
    now: DateTime<FixedOffset>,
) -> Result<(PathBuf, usize)> {
    let bytes = std::fs::read(backup).map_err(io("read", backup))?;
    let (bytes, sealed) = if crate::crypto::is_sealed_file(&bytes) {
        let passphrase = passphrase.ok_or_else(|| KeelError::Locked {
            path: journal_dir.to_owned(),
        })?;
        let (plain, envelope) = crate::crypto::open_file_with(&bytes, passphrase)?;
        (plain, Some((passphrase, envelope.kdf)))
    } else {
        (bytes, None)
    };
    let fresh = |dir: &Path| -> Result<Journal> {
        let journal = Journal::open(dir)?;
        if let Some((passphrase, kdf)) = sealed {
            journal.encrypt_with(passphrase, kdf)?;
        }
        Ok(journal)
    };
    // Check the backup fully before touching the journal.
    let probe_dir = tempfile_dir(journal_dir)?;
    {
        let probe = fresh(&probe_dir)?;
        interchange::import(&probe, Source::Keel, &bytes, ImportOptions::default(), now)?;
    }
    let _ = std::fs::remove_dir_all(&probe_dir);
    let store = journal_dir.join("store");
    let aside = journal_dir.join(format!(
        "store.before-restore-{}",
        now.naive_local().format(STAMP)
    ));
    if store.exists() {
        std::fs::rename(&store, &aside).map_err(io("move aside", &store))?;
    }
    let journal = fresh(journal_dir)?;
    let plan = interchange::import(
        &journal,
        Source::Keel,
        &bytes,
        ImportOptions::default(),
        now,
    )?;
    Ok((aside, plan.n_new))
}

const PENDING: &str = "restore-on-next-start";

/// Asks for `backup_name` (a file in the backups folder, by name only) to be restored the next
/// time the journal is opened through `apply_pending_restore`: the running app holds the
/// journal, so it cannot move the store aside itself.
pub fn request_restore(journal_dir: &Path, backup_name: &str) -> Result<Backup> {
    let chosen = list(journal_dir)?
        .into_iter()
        .find(|b| b.path.file_name().is_some_and(|n| n == backup_name))
        .ok_or_else(|| KeelError::NoSuchBackup {
            name: backup_name.to_owned(),
        })?;
    let marker = folder(journal_dir).join(PENDING);
    std::fs::write(&marker, backup_name).map_err(io("write", &marker))?;
    std::fs::File::open(folder(journal_dir))
        .and_then(|d| d.sync_all())
        .map_err(io("sync the folder", &folder(journal_dir)))?;
    Ok(chosen)
}

/// Performs a restore asked for by `request_restore`, if there is one; returns what was
/// restored. Call it before opening the journal.
pub fn apply_pending_restore(
    journal_dir: &Path,
    passphrase: Option<&str>,
    now: DateTime<FixedOffset>,
) -> Result<Option<(PathBuf, usize)>> {
    let marker = folder(journal_dir).join(PENDING);
    let Ok(name) = std::fs::read_to_string(&marker) else {
        return Ok(None);
    };
    // The marker names a file in the backups folder only, never a path.
    let name = name.trim();
    if name.contains('/') || name.contains('\\') || !name.starts_with(PREFIX) {
        let _ = std::fs::remove_file(&marker);
        return Ok(None);
    }
    let backup = folder(journal_dir).join(name);
    let result = restore(journal_dir, &backup, passphrase, now);
    // Asked once: whether it worked or not, it is not retried at every start; but a sealed
    // backup waits for its passphrase (the app asks at unlock).
    if !matches!(
        result,
        Err(KeelError::Locked { .. } | KeelError::WrongPassphrase)
    ) {
        let _ = std::fs::remove_file(&marker);
    }
    result.map(Some)
}

fn tempfile_dir(journal_dir: &Path) -> Result<PathBuf> {
    let dir = folder(journal_dir).join(format!(".restore-check-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).map_err(io("create", &dir))?;
    Ok(dir)
}

#[cfg(test)]
mod tests;
