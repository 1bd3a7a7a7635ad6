//! Corruption: bytes flipped or cut off across the store's files. Whatever the damage, `keel`
//! never panics, never hangs and never shows a silently different journal: it either reads
//! every entry exactly as written, or says the journal is damaged and offers the newest backup,
//! changing nothing; and `keel backup restore` then brings every entry back.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// Runs `keel --journal DIR ARGS`, killed after 30 s (a hang is a failure, not a stuck suite).
fn keel(journal: &Path, args: &[&str]) -> Result<Output, String> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_keel"))
        .arg("--journal")
        .arg(journal)
        .args(args)
        .env_remove("KEEL_JOURNAL")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the keel binary runs");
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > Duration::from_secs(30) {
            child.kill().unwrap();
            return Err(format!("keel {args:?} hung"));
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    Ok(child.wait_with_output().unwrap())
}

/// The journal as Keel JSON, or what `keel` said instead.
fn export(journal: &Path) -> Result<Result<String, Output>, String> {
    let out_file = journal.with_extension("export.json");
    let _ = std::fs::remove_file(&out_file);
    let out = keel(
        journal,
        &[
            "export",
            "--format",
            "json",
            "--out",
            out_file.to_str().unwrap(),
        ],
    )?;
    if out.status.success() {
        Ok(Ok(std::fs::read_to_string(&out_file).unwrap()))
    } else {
        Ok(Err(out))
    }
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// A journal of 40 pages and a weekly reflection, written by `keel` itself, then backed up.
fn journal_with_backup(dir: &Path) -> PathBuf {
    let journal = dir.join("original");
    for i in 0..40u32 {
        let date = format!("2026-10-{:02}", i % 28 + 1);
        let date = if i < 28 {
            date
        } else {
            format!("2026-09-{:02}", i - 27)
        };
        let role = format!("Page {i}: the quarterly review #work, marker{i}");
        let self_text = format!("Evening {i}: walked to the river, sang marker{i}");
        let stress = (i % 10 + 1).to_string();
        let out = keel(
            &journal,
            &[
                "add", "--date", &date, "--role", &role, "--self", &self_text, "--stress", &stress,
            ],
        )
        .unwrap();
        assert!(out.status.success(), "{out:?}");
    }
    let out = keel(&journal, &["backup", "create"]).unwrap();
    assert!(out.status.success(), "{out:?}");
    journal
}

/// The last byte that is not zero, plus one: the part of a preallocated file sled has used.
fn used_len(path: &Path) -> usize {
    let bytes = std::fs::read(path).unwrap();
    bytes.iter().rposition(|&b| b != 0).map_or(0, |p| p + 1)
}

enum Damage {
    Flip { file: String, offset: usize },
    Truncate { file: String, len: usize },
}

impl Damage {
    fn apply(&self, store: &Path) {
        match self {
            Damage::Flip { file, offset } => {
                let path = store.join(file);
                let mut bytes = std::fs::read(&path).unwrap();
                bytes[*offset] ^= 0x5a;
                std::fs::write(&path, bytes).unwrap();
            }
            Damage::Truncate { file, len } => {
                let f = std::fs::OpenOptions::new()
                    .write(true)
                    .open(store.join(file))
                    .unwrap();
                f.set_len(*len as u64).unwrap();
            }
        }
    }

    fn describe(&self) -> String {
        match self {
            Damage::Flip { file, offset } => format!("a byte flipped in {file} at {offset}"),
            Damage::Truncate { file, len } => format!("{file} cut to {len} bytes"),
        }
    }
}

#[test]
fn damaged_files_are_reported_with_the_backup_which_restores_every_entry() {
    let dir = tempfile::tempdir().unwrap();
    let original = journal_with_backup(dir.path());
    let expected = export(&original).unwrap().expect("the original exports");
    assert!(expected.contains("marker39"));

    // Damage spread over every file of the store: 24 flips and 8 cuts across the used part of
    // `db`, and flips in the snapshot and the config.
    let store = original.join("store");
    let mut damages = Vec::new();
    let db_used = used_len(&store.join("db"));
    for k in 0..24 {
        damages.push(Damage::Flip {
            file: "db".into(),
            offset: db_used * k / 24 + 7,
        });
    }
    for k in 0..8 {
        damages.push(Damage::Truncate {
            file: "db".into(),
            len: db_used * k / 8,
        });
    }
    for entry in std::fs::read_dir(&store).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        if name.starts_with("snap.") || name == "conf" {
            let len = std::fs::metadata(store.join(&name)).unwrap().len() as usize;
            for k in 0..4 {
                damages.push(Damage::Flip {
                    file: name.clone(),
                    offset: len * k / 4,
                });
            }
        }
    }

    let (mut reported, mut intact) = (0, 0);
    let mut failures = Vec::new();
    for (i, damage) in damages.iter().enumerate() {
        let journal = dir.path().join(format!("damaged-{i}"));
        copy_dir(&original, &journal);
        damage.apply(&journal.join("store"));
        let what = damage.describe();
        match export(&journal) {
            Err(hang) => failures.push(format!("{what}: {hang}")),
            Ok(Ok(text)) if text == expected => intact += 1,
            Ok(Ok(_)) => failures.push(format!("{what}: read without error but different")),
            Ok(Err(out)) => {
                let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
                if out.status.code() != Some(1)
                    || !stderr.contains("is damaged and cannot be read")
                    || !stderr.contains("Nothing was changed. The newest backup is from")
                {
                    failures.push(format!("{what}: exit {:?}: {stderr}", out.status.code()));
                    continue;
                }
                reported += 1;
                let restore = keel(&journal, &["backup", "restore"]).unwrap();
                if !restore.status.success() {
                    failures.push(format!("{what}: restore failed: {restore:?}"));
                } else if export(&journal).unwrap().ok().as_ref() != Some(&expected) {
                    failures.push(format!("{what}: the restored journal differs"));
                }
            }
        }
        // Keep the disk use of the test small.
        let _ = std::fs::remove_dir_all(&journal);
    }
    println!(
        "corruption: {} kinds of damage: {reported} reported with the backup offered and restored, \
         {intact} read intact, {} failures",
        damages.len(),
        failures.len()
    );
    assert!(failures.is_empty(), "{failures:#?}");
    // Most damage must be noticed, or the test would not be testing anything.
    assert!(
        reported * 4 >= damages.len() * 3,
        "only {reported} of {} damages were noticed",
        damages.len()
    );
}
