//! Benchmark: the sync engine (issue 22) on prose like a person's.
//!
//! `cargo bench --bench sync` measures, release build:
//! - an exchange that takes in 100 changes from another device (20 days of five fields), as
//!   one file and as 20 (a file shortly after each day's save), median and p95 of 30 runs;
//! - ten years as a person writes them (3,650 days: both sides and three ratings, then the
//!   page written again later that day; an exchange after each, so 7,300 change files): a new
//!   device joining from the snapshot and the files after it, against joining the same ten
//!   years with no snapshot ever written (every change file read); what the exchange that
//!   writes a snapshot costs at ten years; the folder's size against the journal's text, with
//!   snapshots (bounded) and without;
//! - the journal's side, on ten years (3,650 days) encrypted: a durable save on a journal
//!   attached to a sync folder against the same save on the same journal not attached (the
//!   save path is the same by design: one more key in the save's own transaction, and the
//!   change file is written later, by the exchange); the exchange that takes one save out;
//!   and attaching (every page becomes a change).
//!
//! Prints the figures and writes the Sync section of docs/BENCHMARKS.md. Asserts nothing.

#[path = "common/mod.rs"]
mod common;

use std::time::Instant;

use keel::crypto::{KdfParams, Keys};
use keel::sync::{DeviceId, Kind, Replica, Value};

/// The role side: the page's first 50 words.
fn role(text: &str) -> String {
    text.split(' ').take(50).collect::<Vec<_>>().join(" ")
}

fn device(n: u64) -> DeviceId {
    DeviceId(format!("{n:016x}"))
}

/// `p` written as its day's fields at `at`: both sides, stress, resilience and overlap.
fn write_day(laptop: &mut Replica, p: &common::Page, at: u64) {
    for (field, kind, value) in [
        ("self", Kind::Text, Value::Text(p.text.clone())),
        ("role", Kind::Text, Value::Text(role(&p.text))),
        ("stress", Kind::Register, Value::Data(p.stress.into())),
        (
            "resilience",
            Kind::Register,
            Value::Data(p.resilience.into()),
        ),
        ("overlap", Kind::Register, Value::Data(p.overlap.into())),
    ] {
        laptop.edit(&format!("day/{}/{field}", p.date), kind, value, at);
    }
}

/// A device that has written `pages` as days (both sides, stress, resilience and overlap),
/// exchanging after every `per_file` days.
fn writer(
    folder: &std::path::Path,
    keys: &Keys,
    pages: &[common::Page],
    per_file: usize,
) -> Replica {
    let mut laptop = Replica::new(device(1), "work laptop");
    for (i, p) in pages.iter().enumerate() {
        write_day(&mut laptop, p, 1_796_000_000_000 + i as u64);
        if (i + 1) % per_file == 0 {
            laptop.exchange(folder, keys).unwrap();
        }
    }
    laptop.exchange(folder, keys).unwrap();
    laptop
}

/// Ten years as a person writes them: each day's page, then the page again later that day
/// (a line added), an exchange after each; snapshots after `every` files. Returns the writer
/// and the milliseconds of each exchange that wrote a snapshot.
fn lived(
    folder: &std::path::Path,
    keys: &Keys,
    pages: &[common::Page],
    every: usize,
) -> (Replica, Vec<f64>) {
    let mut laptop = Replica::new(device(2), "work laptop").with_snapshot_every(every);
    let mut snapshot_ms = Vec::new();
    let mut exchange = |laptop: &mut Replica| {
        let t = Instant::now();
        let report = laptop.exchange(folder, keys).unwrap();
        if report.snapshot_written.is_some() {
            snapshot_ms.push(t.elapsed().as_secs_f64() * 1000.0);
        }
    };
    for (i, p) in pages.iter().rev().enumerate() {
        let at = 1_796_000_000_000 + 86_400_000 * i as u64;
        write_day(&mut laptop, p, at);
        exchange(&mut laptop);
        let evening = format!("{}\n\nLater: the evening was quiet.", p.text);
        laptop.edit(
            &format!("day/{}/self", p.date),
            Kind::Text,
            Value::Text(evening),
            at + 3_600_000,
        );
        exchange(&mut laptop);
    }
    (laptop, snapshot_ms)
}

fn main() {
    let keys = Keys::create("bench", KdfParams::FOR_TESTS).unwrap().0;
    let runs = common::env_usize("KEEL_BENCH_SYNC_RUNS", 30);
    let pages = common::pages(3_650);
    let mut rows = Vec::new();

    // 100 incoming changes: 20 days × 5 fields, as one file and as one file per day.
    for (label, per_file) in [("in one file", 20), ("in 20 files (a day each)", 1)] {
        let folder = tempfile::tempdir().unwrap();
        writer(folder.path(), &keys, &pages[..20], per_file);
        let mut ms: Vec<f64> = (0..runs)
            .map(|r| {
                let mut home = Replica::new(device(100 + r as u64), "home");
                let t = Instant::now();
                let report = home.exchange(folder.path(), &keys).unwrap();
                let elapsed = t.elapsed().as_secs_f64() * 1000.0;
                assert_eq!(report.came_in, 100);
                elapsed
            })
            .collect();
        ms.sort_by(f64::total_cmp);
        let (p50, p95) = (common::percentile(&ms, 0.5), common::percentile(&ms, 0.95));
        eprintln!("exchange of 100 incoming changes {label}: {p50:.2} ms median, {p95:.2} ms p95");
        rows.push(format!(
            "| an exchange taking in 100 changes {label} | {p50:.2} ms | {p95:.2} ms |"
        ));
    }

    // Ten years as lived, joined from the snapshot and without one.
    let text_bytes: u64 = pages
        .iter()
        .map(|p| (p.text.len() + role(&p.text).len()) as u64)
        .sum();
    let versions = pages.len() * 6;
    let mut ten_years = Vec::new();
    for every in [keel::sync::replica::SNAPSHOT_EVERY, usize::MAX] {
        let folder = tempfile::tempdir().unwrap();
        let t = Instant::now();
        let (_, snapshot_ms) = lived(folder.path(), &keys, &pages, every);
        let write_s = t.elapsed().as_secs_f64();
        let files = keel::sync::folder::scan(folder.path()).unwrap().files.len();
        let folder_bytes = common::dir_size(folder.path());
        let mut joins: Vec<f64> = (0..5)
            .map(|r| {
                let mut home = Replica::new(device(900 + r), "home");
                let t = Instant::now();
                let report = home.exchange(folder.path(), &keys).unwrap();
                assert_eq!(report.came_in, versions);
                t.elapsed().as_secs_f64()
            })
            .collect();
        joins.sort_by(f64::total_cmp);
        let join = common::median(joins);
        eprintln!(
            "ten years, snapshot every {every}: written in {write_s:.1} s, {} snapshots (last {:.0} ms), {files} files, {folder_bytes} bytes for {text_bytes} bytes of text; joined in {join:.3} s",
            snapshot_ms.len(),
            snapshot_ms.last().copied().unwrap_or(0.0)
        );
        ten_years.push((files, folder_bytes, join, snapshot_ms));
    }
    let (snap_files, snap_bytes, snap_join, snapshot_ms) = &ten_years[0];
    let (all_files, all_bytes, all_join, _) = &ten_years[1];
    let last_snapshot = snapshot_ms.last().copied().unwrap_or(0.0);
    let journal_table = journal_side(runs).join("\n");
    let (saves, exchanges) = (runs.max(20) * 3, runs.max(20));
    let section = format!(
        "## Sync (issue 22)\n\n\
         Measured {} on {} by `cargo bench --bench sync`, release build, on the generated prose \
         (benches/common).\n\n\
         | what | median | p95 |\n| --- | --- | --- |\n{}\n\
         \n\
         Ten years as a person writes them: 3,650 days (both sides and three ratings, then the \
         page again later that day), an exchange after each, so 7,300 change files and \
         {versions} versions:\n\n\
         | what | time | files in the folder | folder against the text |\n| --- | --- | --- | --- |\n\
         | a new device joining from the snapshot and the files after it | {snap_join:.2} s | {snap_files} | {:.2} times |\n\
         | the same ten years joined with no snapshot ever written | {all_join:.2} s | {all_files} | {:.2} times |\n\
         | the exchange that writes a snapshot, at ten years (the latest of {}) | {last_snapshot:.0} ms | | |\n\n\
         A device writes a snapshot after {} change files of its own and removes the files it \
         covers, so its part of the folder is one snapshot and fewer than that many files; a \
         joining device opens the newest snapshots (their heads first: one that covers nothing \
         new is not opened further) and only the files after them. Change files and snapshots \
         are deflated before they are sealed. A snapshot holds every version of every field, \
         not only the current ones: a text edited on a computer that was offline for months \
         merges against its common version, which must still be there.\n\n\
         The journal's side, ten years (3,650 days) encrypted: {saves} saves on each journal, \
         alternating, then {exchanges} exchanges each taking one save out:\n\n\
         | what | median | p99 |\n| --- | --- | --- |\n{journal_table}\n\n\
         The save path is the same attached or not (the record's mark is one more key in the \
         save's own transaction, written whether or not the journal syncs; no fsync is added: \
         the strace check counts them): the two rows differ by the disk's noise. The change file \
         is written by the exchange, after the save was acknowledged; a crash in between leaves \
         the mark, and the next exchange takes the save. {JOURNAL_SIDE}",
        chrono::Local::now().format("%Y-%m-%d"),
        common::machine(),
        rows.join("\n"),
        *snap_bytes as f64 / text_bytes as f64,
        *all_bytes as f64 / text_bytes as f64,
        snapshot_ms.len(),
        keel::sync::replica::SNAPSHOT_EVERY,
    );
    common::write_section("sync", &section);
}

/// What the journal's side shows, in words.
const JOURNAL_SIDE: &str = "The open journal keeps its replica in memory between exchanges \
(it is the only process that can write it: it holds the journal's lock), so an exchange does \
not read it from disk, and one that moves nothing writes nothing: that is what the app's \
watcher and its five-minute look cost. An exchange that takes a save out keeps the replica by \
appending what changed to its log (one record, sealed, fsynced; the base with every version is \
written whole again only once the log has grown to its size), where before it wrote the whole \
replica (307 ms at ten years, 2026-12-02). The app makes it on its sync thread 2 s after a \
save, so nobody waits on it.";

/// The journal's side: saves attached and not, the exchange after a save, attaching.
fn journal_side(runs: usize) -> Vec<String> {
    use keel::model::DayPatch;
    let now = chrono::DateTime::parse_from_rfc3339("2026-12-01T21:00:00+01:00").unwrap();
    let root = tempfile::tempdir().unwrap();
    let open = |name: &str| {
        let dir = root.path().join(name);
        common::build(&dir, 3_650);
        let j = keel::Journal::open(&dir).unwrap();
        j.encrypt_with("bench", KdfParams::FOR_TESTS).unwrap();
        j
    };
    let plain = open("alone");
    let attached = open("attached");
    let folder = root.path().join("folder");
    std::fs::create_dir(&folder).unwrap();
    let t = Instant::now();
    keel::sync::journal::attach(
        &attached,
        &folder,
        "laptop",
        "bench",
        1_796_000_000_000,
        now,
    )
    .unwrap();
    let attach_s = t.elapsed().as_secs_f64();
    let date = common::last_day();
    let save = |j: &keel::Journal, i: usize| {
        let patch = DayPatch {
            self_text: Some(format!("Saved again, the {i}th time, after a long day.")),
            ..DayPatch::default()
        };
        let t = Instant::now();
        j.save_day(date, &patch, now).unwrap();
        t.elapsed().as_secs_f64() * 1000.0
    };
    let stats = |mut ms: Vec<f64>| {
        ms.sort_by(f64::total_cmp);
        (common::percentile(&ms, 0.5), common::percentile(&ms, 0.99))
    };
    // The saves alternate, so both meet the same disk; the exchanges come after, each
    // taking one save out (an exchange writes the replica whole and fsyncs it, which would
    // otherwise slow the next save's fsync on the same disk).
    let (mut alone, mut synced, mut exchanges) = (Vec::new(), Vec::new(), Vec::new());
    for i in 0..runs.max(20) * 3 {
        alone.push(save(&plain, i));
        synced.push(save(&attached, i));
    }
    for i in 0..runs.max(20) {
        save(&attached, 1_000 + i);
        let t = Instant::now();
        let x =
            keel::sync::journal::exchange(&attached, 1_796_000_001_000 + i as u64, now).unwrap();
        exchanges.push(t.elapsed().as_secs_f64() * 1000.0);
        assert_eq!(x.went_out, 1);
    }
    // An exchange with nothing to do (the app makes one every five minutes, and after a
    // file of its own appears in the folder): the replica is kept in memory between them.
    let mut idle = Vec::new();
    for i in 0..runs.max(20) {
        let t = Instant::now();
        let x =
            keel::sync::journal::exchange(&attached, 1_796_000_100_000 + i as u64, now).unwrap();
        idle.push(t.elapsed().as_secs_f64() * 1000.0);
        assert_eq!(x.went_out + x.came_in, 0);
    }
    let (a50, a99) = stats(alone);
    let (s50, s99) = stats(synced);
    let (x50, x99) = stats(exchanges);
    let (i50, i99) = stats(idle);
    eprintln!("save alone {a50:.2}/{a99:.2} ms, attached {s50:.2}/{s99:.2} ms, exchange after it {x50:.1}/{x99:.1} ms, idle exchange {i50:.1}/{i99:.1} ms, attach {attach_s:.2} s");
    vec![
        format!("| a durable save, journal not attached | {a50:.2} ms | {a99:.2} ms |"),
        format!("| the same save, journal attached to a sync folder | {s50:.2} ms | {s99:.2} ms |"),
        format!("| the exchange that takes that save out (off the save path) | {x50:.1} ms | {x99:.1} ms |"),
        format!("| an exchange with nothing to do (the app's every five minutes) | {i50:.1} ms | {i99:.1} ms |"),
        format!("| attaching: every one of the 3,650 pages becomes a change, one exchange | {attach_s:.2} s | |"),
    ]
}
