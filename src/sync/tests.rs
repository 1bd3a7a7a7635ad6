//! The model-based test of the sync engine (issue 22): three devices, each with its own copy of
//! the sync folder on disk, and between them a "sync tool" that delivers change files late, out
//! of order, twice, truncated first and whole later, as conflict copies, or not until the end;
//! the devices' clocks are hours apart and sometimes step back; a device is killed in the
//! middle of writing a change file now and then (a half-written temporary file stays behind);
//! each device writes a snapshot every few files of its own and removes what it covers, so
//! snapshots travel half-arrived, late and beside files they cover.
//! Thousands of random edits: both sides of the same few days on several devices at once,
//! ratings, deletes. After everything is delivered:
//! - every device holds the same journal;
//! - a line anyone saved is in the final text (merged, or inside a conflict block), unless an
//!   edit whose writer had that line removed it;
//! - a field is deleted exactly when every latest version of it is a delete, and a delete's
//!   older versions never come back as the field's value.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use super::folder::{self, device_dir, ROOT};
use super::history::{DeviceId, Kind, Value, VersionId};
use super::replica::Replica;
use crate::crypto::{KdfParams, Keys};

const DAYS: [&str; 4] = ["2026-11-30", "2026-12-01", "2026-12-02", "2026-12-03"];
/// Each device's snapshot rhythm: every few files of its own, so snapshots meet every
/// misfortune of delivery many times in a run.
const SNAPSHOT_EVERY: [usize; 3] = [3, 5, 8];

struct Device {
    replica: Replica,
    /// This device's copy of the sync folder.
    folder: tempfile::TempDir,
    /// Its wall clock's error, in ms (hours ahead or behind).
    skew: i64,
}

/// Every file in `folder` under Keel's root, by its path relative to the folder.
fn files_in(folder: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    fn walk(root: &Path, at: &Path, out: &mut BTreeMap<PathBuf, Vec<u8>>) {
        for entry in std::fs::read_dir(at).into_iter().flatten() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                let name = path.file_name().unwrap().to_string_lossy().into_owned();
                // The sync tool carries finished files, not anyone's temporary ones.
                if !name.ends_with(".tmp") {
                    out.insert(
                        path.strip_prefix(root).unwrap().to_owned(),
                        std::fs::read(&path).unwrap(),
                    );
                }
            }
        }
    }
    let mut out = BTreeMap::new();
    let root = folder.join(ROOT);
    walk(&root, &root, &mut out);
    out
}

/// Each device's own files as its own copy of the folder holds them.
fn files_at_their_writers(devices: &[Device]) -> BTreeMap<PathBuf, Vec<u8>> {
    devices
        .iter()
        .flat_map(|dev| {
            let own = Path::new("devices").join(&dev.replica.device().0);
            files_in(dev.folder.path())
                .into_iter()
                .filter(move |(p, _)| p.starts_with(&own))
        })
        .collect()
}

fn put(folder: &Path, relative: &Path, bytes: &[u8]) {
    let path = folder.join(ROOT).join(relative);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, bytes).unwrap();
}

fn lines(value: &Value) -> BTreeSet<String> {
    match value {
        Value::Text(t) => t.lines().map(str::to_owned).collect(),
        _ => BTreeSet::new(),
    }
}

/// What one random run did.
#[derive(Default)]
struct Ran {
    edits: usize,
    /// Exchanges in which a device wrote its versions again (its file damaged or gone).
    rewrites: usize,
    /// Files passed over or unreadable at some exchange (the tool's leftovers, cut copies).
    tolerated: usize,
    /// Snapshots written, and other devices' snapshots opened and taken in.
    snapshots_written: usize,
    snapshots_read: usize,
}

/// One random run.
fn run(seed: u64, steps: usize) -> Ran {
    let mut rng = StdRng::seed_from_u64(seed);
    let keys = Keys::create("a shared passphrase", KdfParams::FOR_TESTS)
        .unwrap()
        .0;
    let names = ["work laptop", "home", "tablet"];
    let skews = [0i64, 3 * 3_600_000, -2 * 3_600_000];
    let mut devices: Vec<Device> = (0..3)
        .map(|i| Device {
            replica: Replica::new(DeviceId(format!("{:016x}", 0xa000 + i as u64)), names[i])
                .with_snapshot_every(SNAPSHOT_EVERY[i]),
            folder: tempfile::tempdir().unwrap(),
            skew: skews[i],
        })
        .collect();
    // Every version anyone saved: (field, id, value).
    let mut saved: Vec<(String, VersionId, Value)> = Vec::new();
    let mut now: i64 = 1_796_000_000_000;
    let mut fresh = 0u64;
    let mut ran = Ran::default();

    for _ in 0..steps {
        now += rng.random_range(1..120_000);
        let d = rng.random_range(0..3);
        let dev = &mut devices[d];
        // A clock that sometimes steps back a minute.
        let wall = (now + dev.skew - if rng.random_bool(0.1) { 60_000 } else { 0 }) as u64;
        match rng.random_range(0..100) {
            // Edit a side of a day.
            0..=54 => {
                let day = DAYS[rng.random_range(0..DAYS.len())];
                let side = if rng.random_bool(0.5) { "role" } else { "self" };
                let field = format!("day/{day}/{side}");
                let current = match dev.replica.value(&field).map(|r| r.value) {
                    Some(Value::Text(t)) => t,
                    _ => String::new(),
                };
                let mut ls: Vec<String> = current.lines().map(str::to_owned).collect();
                fresh += 1;
                let word = format!("w{fresh}-{d}");
                let value = match rng.random_range(0..10) {
                    0..=4 => {
                        let at = rng.random_range(0..=ls.len());
                        ls.insert(at, word);
                        Value::Text(ls.join("\n"))
                    }
                    5 | 6 if !ls.is_empty() => {
                        let at = rng.random_range(0..ls.len());
                        ls[at] = word;
                        Value::Text(ls.join("\n"))
                    }
                    7 | 8 if !ls.is_empty() => {
                        ls.remove(rng.random_range(0..ls.len()));
                        Value::Text(ls.join("\n"))
                    }
                    9 => Value::Deleted,
                    _ => {
                        ls.push(word);
                        Value::Text(ls.join("\n"))
                    }
                };
                if let Some(id) = dev.replica.edit(&field, Kind::Text, value.clone(), wall) {
                    saved.push((field, id, value));
                    ran.edits += 1;
                }
            }
            // A rating.
            55..=69 => {
                let field = format!("day/{}/stress", DAYS[rng.random_range(0..DAYS.len())]);
                let value = if rng.random_bool(0.1) {
                    Value::Deleted
                } else {
                    Value::Data(rng.random_range(1..=10).into())
                };
                if let Some(id) = dev
                    .replica
                    .edit(&field, Kind::Register, value.clone(), wall)
                {
                    saved.push((field, id, value));
                    ran.edits += 1;
                }
            }
            // An exchange with this device's copy of the folder; now and then the device is
            // killed while writing its file: a part of it stays under the temporary name and
            // the changes are still this device's to write.
            70..=84 => {
                if dev.replica.pending() > 0 && rng.random_bool(0.1) {
                    let dir = device_dir(dev.folder.path(), dev.replica.device());
                    std::fs::create_dir_all(&dir).unwrap();
                    std::fs::write(dir.join(".000000000001.kc.tmp"), b"KEELSY").unwrap();
                } else {
                    let report = dev.replica.exchange(dev.folder.path(), &keys).unwrap();
                    ran.rewrites += usize::from(report.written_again > 0);
                    ran.tolerated += report.passed_over + report.unreadable.len();
                    ran.snapshots_written += usize::from(report.snapshot_written.is_some());
                    ran.snapshots_read += report.snapshots_read;
                }
            }
            // A device's folder deleted by hand in one copy of the folder (its writer's own,
            // sometimes: it must notice and write its versions again).
            85 => {
                let at = rng.random_range(0..3);
                let whose = rng.random_range(0..3);
                let dir = device_dir(devices[at].folder.path(), devices[whose].replica.device());
                let _ = std::fs::remove_dir_all(dir);
            }
            // The sync tool carries one file from one copy of the folder to another.
            _ => {
                let from = rng.random_range(0..3);
                let to = (from + rng.random_range(1..3)) % 3;
                let have = files_in(devices[from].folder.path());
                let there = files_in(devices[to].folder.path());
                let missing: Vec<(&PathBuf, &Vec<u8>)> = have
                    .iter()
                    .filter(|(p, b)| there.get(*p) != Some(b))
                    .collect();
                if missing.is_empty() {
                    continue;
                }
                let (path, bytes) = missing[rng.random_range(0..missing.len())];
                let target = devices[to].folder.path();
                match rng.random_range(0..10) {
                    // Half-arrived: a prefix now, the whole file at some later delivery.
                    0 | 1 => put(target, path, &bytes[..rng.random_range(0..bytes.len())]),
                    // A conflict copy beside it (and the file itself).
                    2 => {
                        let name = path
                            .file_name()
                            .unwrap()
                            .to_string_lossy()
                            .replace(".k", ".sync-conflict-20261201-101500-ABCDEFG.k");
                        put(target, &path.with_file_name(name), bytes);
                        put(target, path, bytes);
                    }
                    // A sync tool's own temporary file, left behind.
                    3 => put(
                        target,
                        &path.with_file_name(format!(
                            ".syncthing.{}.tmp",
                            path.file_name().unwrap().to_string_lossy()
                        )),
                        &bytes[..bytes.len() / 2],
                    ),
                    _ => put(target, path, bytes),
                }
            }
        }
    }

    // Everything delivered: each device writes what it has pending, the tool copies every
    // file everywhere, whole; until nothing moves.
    for _ in 0..4 {
        for dev in devices.iter_mut() {
            let report = dev.replica.exchange(dev.folder.path(), &keys).unwrap();
            ran.rewrites += usize::from(report.written_again > 0);
        }
        // Each file whole: as its writer has it, or (a conflict copy, which only a tool
        // writes) the longest copy of it anywhere.
        let mut all: BTreeMap<PathBuf, Vec<u8>> = BTreeMap::new();
        for dev in &devices {
            for (path, bytes) in files_in(dev.folder.path()) {
                if all.get(&path).is_none_or(|b| b.len() < bytes.len()) {
                    all.insert(path, bytes);
                }
            }
        }
        all.extend(files_at_their_writers(&devices));
        for dev in &devices {
            for (path, bytes) in &all {
                put(dev.folder.path(), path, bytes);
            }
        }
    }
    // What is still unreadable was damaged where it was written (a sync tool carried a cut
    // copy back over its writer's file, whose versions were then written again), or is a
    // tool's conflict copy of such a file: nothing is unreadable for want of delivery.
    let origin_files = files_at_their_writers(&devices);
    for dev in devices.iter_mut() {
        let report = dev.replica.exchange(dev.folder.path(), &keys).unwrap();
        assert_eq!(report.went_out, 0);
        for (path, _) in &report.unreadable {
            let relative = path.strip_prefix(dev.folder.path().join(ROOT)).unwrap();
            let copy = relative.to_string_lossy().contains("sync-conflict");
            let here = std::fs::read(path).unwrap();
            assert!(
                copy || origin_files.get(relative) == Some(&here),
                "seed {seed}: {} is unreadable though its writer has it whole",
                relative.display()
            );
        }
    }

    // 1. The same journal everywhere, and on a fourth device that joins now: it reads the
    // snapshots and only the change files they do not cover.
    let first = devices[0].replica.values();
    for dev in &devices[1..] {
        assert_eq!(
            dev.replica.values(),
            first,
            "seed {seed}: the devices differ"
        );
    }
    let mut joiner = Replica::new(DeviceId(format!("{:016x}", 0xa0ff)), "new computer");
    let joined = joiner.exchange(devices[0].folder.path(), &keys).unwrap();
    assert_eq!(
        joiner.values(),
        first,
        "seed {seed}: the new device differs"
    );
    assert!(
        (1..=3).contains(&joined.snapshots_read),
        "seed {seed}: the new device read {} snapshots",
        joined.snapshots_read
    );
    // The logs are bounded: at its writer, a device's folder holds its latest snapshot and
    // fewer change files than its rhythm (conflict copies are the sync tool's, not its own).
    for (i, dev) in devices.iter().enumerate() {
        let own = folder::scan(dev.folder.path())
            .unwrap()
            .files
            .into_iter()
            .filter(|f| &f.device == dev.replica.device() && !f.copy)
            .collect::<Vec<_>>();
        let snapshots = own.iter().filter(|f| f.snapshot).count();
        assert!(
            snapshots <= 1 && own.len() - snapshots < SNAPSHOT_EVERY[i] + 1,
            "seed {seed}: device {i} keeps {} files, {snapshots} snapshots",
            own.len()
        );
    }
    let replica = &devices[0].replica;
    if std::env::var_os("KEEL_SYNC_MODEL_STATS").is_some() {
        let longest = first.values().map(|r| lines(&r.value).len()).max();
        let conflicts = first.values().filter(|r| r.conflict).count();
        eprintln!("seed {seed}: longest text {longest:?} lines, {conflicts} fields in conflict");
    }

    // 2. No line saved is lost, unless an edit whose writer had it removed it.
    let mut by_field: BTreeMap<&str, Vec<(&VersionId, &Value)>> = BTreeMap::new();
    for (field, id, value) in &saved {
        by_field.entry(field).or_default().push((id, value));
    }
    for (field, versions) in &by_field {
        let history = replica.history(field).unwrap();
        assert_eq!(
            history.len(),
            versions.len(),
            "seed {seed}: {field} lost a version"
        );
        if history.kind() != Kind::Text {
            continue;
        }
        let fin = lines(&first[*field].value);
        let values: BTreeMap<&VersionId, &Value> = versions.iter().copied().collect();
        // The lines some edit removed from what its writer had (its ancestors' lines).
        let mut removed = BTreeSet::new();
        for (d, dv) in &values {
            let had: BTreeSet<String> = history
                .ancestors(d)
                .iter()
                .filter(|a| a != d)
                .flat_map(|a| lines(values[a]))
                .collect();
            removed.extend(had.difference(&lines(dv)).cloned());
        }
        for (id, value) in versions {
            for line in lines(value).difference(&fin) {
                assert!(
                    removed.contains(line),
                    "seed {seed}: “{line}” of {field} (saved as {id:?}) is gone, and no edit that had it removed it"
                );
            }
        }
    }

    // 3. Deleted exactly when every latest version is a delete.
    for (field, r) in &first {
        let history = replica.history(field).unwrap();
        let heads = history.heads();
        let all_deleted = heads.iter().all(|h| {
            by_field[field.as_str()]
                .iter()
                .any(|(id, v)| id == &h && **v == Value::Deleted)
        });
        if history.kind() == Kind::Text {
            assert_eq!(
                r.value == Value::Deleted,
                all_deleted,
                "seed {seed}: {field}"
            );
        }
    }
    ran
}

#[test]
fn three_devices_converge_and_keep_every_word_through_a_hostile_sync_tool() {
    let (mut edits, mut rewrites, mut tolerated) = (0, 0, 0);
    let (mut written, mut read) = (0, 0);
    for seed in 0..3 {
        let ran = run(seed, 1_300);
        edits += ran.edits;
        rewrites += ran.rewrites;
        tolerated += ran.tolerated;
        written += ran.snapshots_written;
        read += ran.snapshots_read;
    }
    // The run did what it claims: thousands of edits, devices that lost their files and wrote
    // them again, exchanges that met the tool's leftovers and cut files, and snapshots
    // written and taken in along the way.
    assert!(edits > 2_000, "only {edits} edits");
    assert!(
        rewrites > 0 && tolerated > 100,
        "{rewrites} rewrites, {tolerated} tolerated"
    );
    assert!(
        written > 30 && read > 30,
        "{written} snapshots written, {read} read"
    );
}

#[test]
fn the_folder_holds_no_word_of_any_entry() {
    let keys = Keys::create("p", KdfParams::FOR_TESTS).unwrap().0;
    let folder = tempfile::tempdir().unwrap();
    let mut laptop = Replica::new(DeviceId("00000000000000a1".into()), "laptop");
    laptop.edit(
        "day/2026-12-01/self",
        Kind::Text,
        Value::Text("Confidential: the reorganisation of Falkenberg".into()),
        1_000,
    );
    laptop.exchange(folder.path(), &keys).unwrap();
    let files = files_in(folder.path());
    assert_eq!(files.len(), 1);
    for (path, bytes) in files {
        let shown = format!("{} {}", path.display(), String::from_utf8_lossy(&bytes));
        for word in ["Confidential", "Falkenberg", "laptop", "2026-12-01", "self"] {
            assert!(!shown.contains(word), "{word} in {shown}");
        }
    }
    // The other device reads it with the same key, and not with another.
    let mut home = Replica::new(DeviceId("00000000000000b2".into()), "home");
    let other = Keys::create("p", KdfParams::FOR_TESTS).unwrap().0;
    let refused = home.exchange(folder.path(), &other).unwrap();
    assert_eq!(refused.came_in, 0);
    assert_eq!(refused.unreadable.len(), 1);
    let read = home.exchange(folder.path(), &keys).unwrap();
    assert_eq!(read.came_in, 1);
    assert_eq!(
        home.value("day/2026-12-01/self").unwrap().value,
        Value::Text("Confidential: the reorganisation of Falkenberg".into())
    );
    let _ = folder::scan(folder.path()).unwrap();
}

/// A replica kept and loaded again is the same replica: its versions, its clock (the next
/// edit comes after the last), its pending changes, the files it has read and written.
#[test]
fn a_replica_kept_on_disk_goes_on_where_it_stopped() {
    let keys = Keys::create("p", KdfParams::FOR_TESTS).unwrap().0;
    let journal_keys = Keys::create("j", KdfParams::FOR_TESTS).unwrap().0;
    let folder = tempfile::tempdir().unwrap();
    let kept = tempfile::tempdir().unwrap();
    let path = kept.path().join("replica");
    let mut laptop = Replica::new(DeviceId("00000000000000a1".into()), "laptop");
    assert!(Replica::load(&path, &journal_keys).unwrap().is_none());
    laptop.edit(
        "day/2026-12-01/self",
        Kind::Text,
        Value::Text("one".into()),
        5_000,
    );
    laptop.exchange(folder.path(), &keys).unwrap();
    let second = laptop
        .edit(
            "day/2026-12-01/self",
            Kind::Text,
            Value::Text("one\ntwo".into()),
            6_000,
        )
        .unwrap();
    laptop.save(&path, &journal_keys).unwrap();
    // Sealed: no word of it in the file.
    let bytes = std::fs::read(&path).unwrap();
    assert!(!String::from_utf8_lossy(&bytes).contains("two"));
    assert!(
        Replica::load(&path, &keys).is_err(),
        "another key does not open it"
    );
    let mut again = Replica::load(&path, &journal_keys).unwrap().unwrap();
    assert_eq!(again.values(), laptop.values());
    assert_eq!(again.pending(), 1);
    // Its clock stood at the second edit even with the wall clock set back.
    let third = again
        .edit(
            "day/2026-12-01/self",
            Kind::Text,
            Value::Text("one\ntwo\nthree".into()),
            10,
        )
        .unwrap();
    assert!(third > second);
    let report = again.exchange(folder.path(), &keys).unwrap();
    assert_eq!(
        (report.went_out, report.came_in, report.written_again),
        (2, 0, 0)
    );
    let seqs: Vec<u64> = folder::scan(folder.path())
        .unwrap()
        .files
        .iter()
        .map(|f| f.seq)
        .collect();
    assert_eq!(seqs, vec![1, 2]);
}

/// A device's own files gather until its snapshot rhythm, then one snapshot replaces them; a
/// new device joins from that snapshot and the few files after it; a snapshot deleted by hand
/// in the folder is written again at the next exchange.
#[test]
fn snapshots_replace_a_devices_files_and_a_new_device_joins_from_them() {
    let keys = Keys::create("p", KdfParams::FOR_TESTS).unwrap().0;
    let folder = tempfile::tempdir().unwrap();
    let mut laptop =
        Replica::new(DeviceId("00000000000000a1".into()), "laptop").with_snapshot_every(4);
    let mut written = Vec::new();
    for day in 1..=10u64 {
        laptop.edit(
            &format!("day/2026-11-{day:02}/self"),
            Kind::Text,
            Value::Text(format!("Day {day} at home.")),
            day * 1_000,
        );
        let report = laptop.exchange(folder.path(), &keys).unwrap();
        written.push(report.snapshot_written);
    }
    // Files 1–4, then snapshot 5 (removing them); 6–9, snapshot 10; then 11 and 12.
    let expect: Vec<Option<u64>> = (1..=10)
        .map(|n| match n {
            4 => Some(5),
            8 => Some(10),
            _ => None,
        })
        .collect();
    assert_eq!(written, expect);
    let kept = |device: &DeviceId| -> Vec<(u64, bool)> {
        folder::scan(folder.path())
            .unwrap()
            .files
            .iter()
            .filter(|f| &f.device == device)
            .map(|f| (f.seq, f.snapshot))
            .collect()
    };
    assert_eq!(
        kept(laptop.device()),
        vec![(10, true), (11, false), (12, false)]
    );

    let mut home = Replica::new(DeviceId("00000000000000b2".into()), "home");
    let joined = home.exchange(folder.path(), &keys).unwrap();
    assert_eq!((joined.snapshots_read, joined.came_in), (1, 10));
    assert_eq!(home.values(), laptop.values());
    // Home's own snapshot, later, covers the laptop's files it read: a third device that
    // finds both opens one and finds the other covered.
    let mut home = home.with_snapshot_every(1);
    home.edit(
        "day/2026-11-30/role",
        Kind::Text,
        Value::Text("Quarter close.".into()),
        20_000,
    );
    assert!(home
        .exchange(folder.path(), &keys)
        .unwrap()
        .snapshot_written
        .is_some());
    let mut tablet = Replica::new(DeviceId("00000000000000c3".into()), "tablet");
    let joined = tablet.exchange(folder.path(), &keys).unwrap();
    assert_eq!((joined.snapshots_read, joined.came_in), (1, 11));
    assert_eq!(tablet.values(), home.values());

    // The laptop's snapshot deleted by hand: written again, with every version it has.
    let snapshot = folder::device_dir(folder.path(), laptop.device()).join("000000000010.ks");
    std::fs::remove_file(snapshot).unwrap();
    let report = laptop.exchange(folder.path(), &keys).unwrap();
    assert_eq!(report.snapshot_written, Some(13));
    assert_eq!(report.written_again, 10);
    assert_eq!(kept(laptop.device()), vec![(13, true)]);
    let mut phone = Replica::new(DeviceId("00000000000000d4".into()), "phone");
    phone.exchange(folder.path(), &keys).unwrap();
    assert_eq!(phone.values(), laptop.values());
}

/// After its first save a replica is kept as a log of what changed, a record per save: it
/// loads the same from the base and the records, a record cut by a crash is as if never
/// written (and the next save cuts it away), and once the log has grown to the base's size
/// the next save writes the base whole again.
#[test]
fn a_replica_is_kept_as_a_log_of_its_changes_and_a_cut_record_is_not_taken() {
    let keys = Keys::create("j", KdfParams::FOR_TESTS).unwrap().0;
    let kept = tempfile::tempdir().unwrap();
    let path = kept.path().join("replica.kc");
    let log = path.with_extension("log");
    let mut laptop = Replica::new(DeviceId("00000000000000a1".into()), "laptop");
    let edit = |r: &mut Replica, n: u64| {
        r.edit(
            &format!("day/2026-11-{:02}/self", n % 28 + 1),
            Kind::Text,
            Value::Text(format!("Page {n}, and its words.")),
            n * 1_000,
        )
        .unwrap()
    };
    edit(&mut laptop, 1);
    laptop.save(&path, &keys).unwrap();
    assert!(!log.exists(), "the first save writes the base");
    let base = std::fs::read(&path).unwrap();
    edit(&mut laptop, 2);
    laptop.save(&path, &keys).unwrap();
    edit(&mut laptop, 3);
    laptop.save(&path, &keys).unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), base, "the base stays");
    let two_records = std::fs::read(&log).unwrap();
    assert!(!String::from_utf8_lossy(&two_records).contains("Page"));
    let again = Replica::load(&path, &keys).unwrap().unwrap();
    assert_eq!(again.values(), laptop.values());
    assert_eq!(again.pending(), 3);

    // A crash in the middle of the third record: loaded as after the second.
    let mut crashed = laptop.clone();
    edit(&mut crashed, 4);
    crashed.save(&path, &keys).unwrap();
    let three_records = std::fs::read(&log).unwrap();
    std::fs::write(&log, &three_records[..three_records.len() - 7]).unwrap();
    let mut after = Replica::load(&path, &keys).unwrap().unwrap();
    assert_eq!(after.values(), laptop.values());
    // The next save goes after the second record, where the cut one was.
    let fifth = edit(&mut after, 5);
    after.save(&path, &keys).unwrap();
    let loaded = Replica::load(&path, &keys).unwrap().unwrap();
    assert_eq!(loaded.values(), after.values());
    assert!(loaded
        .history("day/2026-11-06/self")
        .unwrap()
        .contains(&fifth));
    assert_eq!(loaded.pending(), 4);

    // Saves until the log outgrows the base: then a new base, and a log that starts again.
    let mut busy = loaded;
    let mut rewrote = false;
    for n in 6..2_000 {
        edit(&mut busy, n);
        busy.save(&path, &keys).unwrap();
        if std::fs::read(&path).unwrap() != base {
            rewrote = true;
            break;
        }
    }
    assert!(rewrote, "the base was never written again");
    let after_rewrite = Replica::load(&path, &keys).unwrap().unwrap();
    assert_eq!(after_rewrite.values(), busy.values());
    // The old log is left as it was, and opens against nothing: the next save cuts it.
    let old_log = std::fs::metadata(&log).unwrap().len();
    assert!(old_log > 0);
    edit(&mut busy, 5_000);
    busy.save(&path, &keys).unwrap();
    let new_log = std::fs::metadata(&log).unwrap().len();
    assert!(new_log < old_log / 4, "{new_log} bytes after {old_log}");
    assert_eq!(
        Replica::load(&path, &keys).unwrap().unwrap().values(),
        busy.values()
    );
    Replica::forget(&path);
    assert!(!path.exists() && !log.exists());
}
