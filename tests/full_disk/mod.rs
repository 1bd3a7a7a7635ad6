//! A full disk: saves fail with a clear error, nothing saved before is lost, and the same open
//! journal saves again once space returns (sled refuses writes after an I/O error until it is
//! reopened; the journal reopens it by itself).
//!
//! The journal lives on a 4 MiB tmpfs that this test mounts, so it needs root (CI and the
//! project's machines run as root); without root it fails and says so.

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::DateTime;
use keel::{DayPatch, Journal, KeelError};
use keel_test_support::date;

/// A small tmpfs, unmounted on drop.
struct SmallDisk {
    mount_point: PathBuf,
    _dir: tempfile::TempDir,
}

impl SmallDisk {
    fn mount(size: &str) -> SmallDisk {
        let dir = tempfile::tempdir().unwrap();
        let mount_point = dir.path().join("disk");
        std::fs::create_dir(&mount_point).unwrap();
        let status = Command::new("mount")
            .args([
                "-t",
                "tmpfs",
                "-o",
                &format!("size={size}"),
                "keel-test",
                mount_point.to_str().unwrap(),
            ])
            .status()
            .expect("the mount command runs");
        assert!(
            status.success(),
            "mounting a tmpfs failed: this test needs root (it simulates a full disk)"
        );
        SmallDisk {
            mount_point,
            _dir: dir,
        }
    }

    /// Fills the disk with a file and returns its path.
    fn fill(&self) -> PathBuf {
        let path = self.mount_point.join("filler");
        let mut file = File::create(&path).unwrap();
        let block = vec![0u8; 64 * 1024];
        while file.write_all(&block).is_ok() {}
        let _ = file.sync_all();
        path
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount")
            .arg("-l")
            .arg(&self.mount_point)
            .status();
    }
}

fn page(text: &str) -> DayPatch {
    DayPatch {
        role: Some(text.to_owned()),
        ..DayPatch::default()
    }
}

#[test]
fn a_full_disk_fails_saves_cleanly_and_the_journal_recovers_when_space_returns() {
    let disk = SmallDisk::mount("4m");
    let dir: &Path = &disk.mount_point.join("journal");
    let now = DateTime::parse_from_rfc3339("2026-11-28T22:00:00+01:00").unwrap();
    let journal = Journal::open(dir).unwrap();
    journal
        .save_day(
            date("2026-11-27"),
            &page("saved before the disk filled"),
            now,
        )
        .unwrap();

    let filler = disk.fill();
    let long = "a page written while the disk was full ".repeat(1500);
    for _ in 0..3 {
        let err = journal
            .save_day(date("2026-11-28"), &page(&long), now)
            .unwrap_err();
        assert!(matches!(err, KeelError::DiskFull { .. }), "{err:?}");
        assert!(
            err.to_string()
                .starts_with("There is no space left on the disk that holds the journal"),
            "{err}"
        );
    }

    std::fs::remove_file(filler).unwrap();
    // The same open journal saves again, without a restart.
    journal
        .save_day(date("2026-11-28"), &page(&long), now)
        .unwrap();
    assert_eq!(
        journal.day(date("2026-11-27")).unwrap().unwrap().role,
        "saved before the disk filled"
    );
    drop(journal);

    let reopened = Journal::open(dir).unwrap();
    assert_eq!(
        reopened.day(date("2026-11-27")).unwrap().unwrap().role,
        "saved before the disk filled"
    );
    assert_eq!(
        reopened.day(date("2026-11-28")).unwrap().unwrap().role,
        long
    );
}
