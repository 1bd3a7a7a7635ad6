//! The file reminders while Keel is closed work from: `DIR/reminders.json`, plain JSON beside the
//! journal's store, written only while the person has agreed to it (Settings → Reminders →
//! "Remind me while Keel is closed"), and removed when they turn it off.
//!
//! It holds exactly what `keel remind` needs and nothing a person wrote (docs/SECURITY.md):
//! which reminders are on and at what times, the days off and the reflection day, the recent
//! dates that have a check-in, the recent weeks that have a reflection, the dates of time off
//! (no notes, no kinds), and the reminders' ledger (what fired, snoozes, answers not yet in the
//! journal). So `keel remind` never opens the journal, encrypted or not, and runs while the app
//! holds the journal's lock.
//!
//! Writers (the app, the CLI, `keel remind`) change it under `DIR/.reminders.lock` and replace it
//! whole: written to a temporary name, fsynced, renamed, the folder fsynced. The open app holds
//! `DIR/app.lock` for as long as it runs; `keel remind` leaves the reminding to the app then.

use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

use super::{Day, Ledger, Plan};
use crate::error::{io, KeelError, Result};
use crate::model::WeekId;

/// The file's name in the journal folder.
pub const FILE: &str = "reminders.json";
/// The lock every writer of `FILE` holds.
const WRITE_LOCK: &str = ".reminders.lock";
/// The lock the running app holds.
pub const APP_LOCK: &str = "app.lock";
const VERSION: u32 = 1;

/// What the journal tells the reminders (recomputed by whoever has the journal open).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Facts {
    pub plan: Plan,
    pub week_start: Option<Weekday>,
    /// Recent dates that have a check-in.
    pub checked_in: Vec<NaiveDate>,
    /// The first days of recent weeks that have a reflection.
    pub reflected: Vec<NaiveDate>,
    /// Spans of time off (first and last date), current and coming.
    pub time_off: Vec<(NaiveDate, NaiveDate)>,
    /// The language the reminders speak (the journal's, when it was last open); absent in files
    /// written before issue 19, and then the system's.
    #[serde(default)]
    pub language: Option<crate::i18n::Lang>,
}

impl Facts {
    /// The words the reminders speak in.
    pub fn tr(&self) -> &'static crate::i18n::Tr {
        crate::i18n::tr(
            self.language
                .unwrap_or_else(|| crate::i18n::resolved(crate::i18n::Language::System)),
        )
    }
}

impl Facts {
    /// What the scheduler needs to know of `date`.
    pub fn day(&self, date: NaiveDate) -> Day {
        let week_start = self.week_start.unwrap_or(Weekday::Mon);
        let first = WeekId::containing(date, week_start).first_day(week_start);
        Day {
            checked_in: self.checked_in.contains(&date),
            week_reflected: self.reflected.contains(&first),
            time_off: self.time_off.iter().any(|(a, b)| *a <= date && date <= *b),
        }
    }

    /// The first day of the week holding `date`.
    pub fn week_of(&self, date: NaiveDate) -> NaiveDate {
        let week_start = self.week_start.unwrap_or(Weekday::Mon);
        date - chrono::Days::new(u64::from(date.weekday().days_since(week_start)))
    }
}

/// The file's content.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outside {
    pub v: u32,
    #[serde(flatten)]
    pub facts: Facts,
    pub ledger: Ledger,
}

/// The file's path for the journal in `dir`.
pub fn path(dir: &Path) -> PathBuf {
    dir.join(FILE)
}

/// True when the file exists (the person agreed to reminders while Keel is closed).
pub fn exists(dir: &Path) -> bool {
    path(dir).is_file()
}

/// The file, if there is one.
pub fn read(dir: &Path) -> Result<Option<Outside>> {
    let file = path(dir);
    let bytes = match std::fs::read(&file) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(io("read", &file)(e)),
    };
    let outside: Outside = serde_json::from_slice(&bytes).map_err(|e| KeelError::Corrupt {
        what: "reminder file".into(),
        detail: format!("{} does not read ({e})", file.display()),
    })?;
    if outside.v > VERSION {
        return Err(KeelError::Corrupt {
            what: "reminder file".into(),
            detail: format!(
                "{} was written by a newer Keel (version {})",
                file.display(),
                outside.v
            ),
        });
    }
    Ok(Some(outside))
}

/// Changes the file under the writers' lock: `change` gets what is there (`None`: no file)
/// and returns what to leave (`None`: no file). Returns what was left.
pub fn update(
    dir: &Path,
    change: impl FnOnce(Option<Outside>) -> Result<Option<Outside>>,
) -> Result<Option<Outside>> {
    let lock_path = dir.join(WRITE_LOCK);
    let lock = lock_file(&lock_path)?;
    lock.lock().map_err(io("lock", &lock_path))?;
    let before = read(dir)?;
    let after = change(before.clone())?;
    if after != before {
        match &after {
            Some(outside) => write(dir, outside)?,
            None => remove_file(dir)?,
        }
    }
    Ok(after)
}

/// Changes the file's ledger under the writers' lock, when there is a file (none: nothing to
/// change, and none is made).
pub fn update_ledger(dir: &Path, change: impl FnOnce(&mut Ledger)) -> Result<()> {
    if !exists(dir) {
        return Ok(());
    }
    update(dir, |file| {
        Ok(file.map(|mut file| {
            change(&mut file.ledger);
            file
        }))
    })
    .map(drop)
}

/// A lock file, made empty if it is not there (never truncated: another holds it).
fn lock_file(path: &Path) -> Result<File> {
    OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(path)
        .map_err(io("open", path))
}

fn write(dir: &Path, outside: &Outside) -> Result<()> {
    let file = path(dir);
    let tmp = dir.join(format!(".{FILE}.tmp"));
    let mut content = Outside {
        v: VERSION,
        ..outside.clone()
    };
    content.facts.checked_in.sort();
    content.facts.reflected.sort();
    // Plain owned data serializes.
    let bytes = serde_json::to_vec_pretty(&content).expect("the reminder file serializes");
    crate::durable::write_atomic(&file, &tmp, &bytes, true)
}

fn remove_file(dir: &Path) -> Result<()> {
    let file = path(dir);
    match std::fs::remove_file(&file) {
        Ok(()) => crate::durable::sync_dir(dir),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(io("remove", &file)(e)),
    }
}

/// The lock the running app holds while it is open; dropping it lets `keel remind` remind.
#[derive(Debug)]
pub struct AppLock {
    _file: File,
}

/// Takes the app's lock for the journal in `dir`; `None` when another app holds it already.
pub fn hold_app_lock(dir: &Path) -> Result<Option<AppLock>> {
    let lock_path = dir.join(APP_LOCK);
    let file = lock_file(&lock_path)?;
    match file.try_lock() {
        Ok(()) => Ok(Some(AppLock { _file: file })),
        Err(std::fs::TryLockError::WouldBlock) => Ok(None),
        Err(std::fs::TryLockError::Error(e)) => Err(io("lock", &lock_path)(e)),
    }
}

/// True when the app is open on the journal in `dir` (it holds its lock).
pub fn app_is_open(dir: &Path) -> Result<bool> {
    let lock_path = dir.join(APP_LOCK);
    let file = match OpenOptions::new().write(true).open(&lock_path) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(false),
        Err(e) => return Err(io("open", &lock_path)(e)),
    };
    match file.try_lock_shared() {
        Ok(()) => Ok(false),
        Err(std::fs::TryLockError::WouldBlock) => Ok(true),
        Err(std::fs::TryLockError::Error(e)) => Err(io("lock", &lock_path)(e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::parse_date;
    use crate::remind::ReminderKind;

    fn d(s: &str) -> NaiveDate {
        parse_date(s).unwrap()
    }

    #[test]
    fn the_file_is_written_whole_read_back_and_removed() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(read(dir.path()).unwrap(), None);
        let facts = Facts {
            checked_in: vec![d("2026-12-01")],
            reflected: vec![d("2026-11-30")],
            time_off: vec![(d("2026-12-21"), d("2027-01-01"))],
            week_start: Some(Weekday::Mon),
            ..Facts::default()
        };
        update(dir.path(), |_| {
            Ok(Some(Outside {
                facts: facts.clone(),
                ..Outside::default()
            }))
        })
        .unwrap();
        let back = read(dir.path()).unwrap().unwrap();
        assert_eq!(back.facts, facts);
        assert_eq!(back.v, VERSION);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(path(dir.path()))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o077, 0, "only its owner may read it");
        }
        assert!(back.facts.day(d("2026-12-01")).checked_in);
        assert!(back.facts.day(d("2026-12-04")).week_reflected);
        assert!(!back.facts.day(d("2026-12-07")).week_reflected);
        assert!(back.facts.day(d("2026-12-25")).time_off);
        assert!(!back.facts.day(d("2027-01-02")).time_off);
        update(dir.path(), |_| Ok(None)).unwrap();
        assert!(!exists(dir.path()));
    }

    #[test]
    fn a_damaged_file_is_a_clear_error_not_a_panic() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(path(dir.path()), b"{\"v\":1,\"plan\":").unwrap();
        let err = read(dir.path()).unwrap_err().to_string();
        assert!(err.contains("reminder file"), "{err}");
    }

    #[test]
    fn the_app_lock_is_seen_by_another_open_and_freed_on_drop() {
        let dir = tempfile::tempdir().unwrap();
        assert!(!app_is_open(dir.path()).unwrap());
        let held = hold_app_lock(dir.path()).unwrap().expect("free");
        assert!(app_is_open(dir.path()).unwrap());
        assert!(
            hold_app_lock(dir.path()).unwrap().is_none(),
            "one app at a time"
        );
        drop(held);
        // A lock taken with flock belongs to the open file, which a child forked by another test
        // in this process (systemctl, syncthing) shares until its exec closes it. So the lock is
        // freed when the last such copy closes, a few milliseconds later at most.
        let freed = (0..200).any(|_| {
            let open = app_is_open(dir.path()).unwrap();
            if open {
                std::thread::sleep(std::time::Duration::from_millis(10));
            }
            !open
        });
        assert!(freed, "the lock stays held after its holder is dropped");
    }

    #[test]
    fn a_change_under_the_lock_keeps_what_another_writer_recorded() {
        let dir = tempfile::tempdir().unwrap();
        update(dir.path(), |_| Ok(Some(Outside::default()))).unwrap();
        update(dir.path(), |o| {
            let mut o = o.unwrap();
            o.ledger.fire(ReminderKind::EndOfWork, d("2026-12-01"));
            Ok(Some(o))
        })
        .unwrap();
        let after = update(dir.path(), |o| {
            let mut o = o.unwrap();
            o.facts.checked_in.push(d("2026-12-01"));
            Ok(Some(o))
        })
        .unwrap()
        .unwrap();
        assert!(after
            .ledger
            .has_fired(ReminderKind::EndOfWork, d("2026-12-01")));
        assert_eq!(after.facts.checked_in, [d("2026-12-01")]);
    }
}
