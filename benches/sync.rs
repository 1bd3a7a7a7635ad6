//! Benchmark: the sync engine (issue 22) on prose like a person's.
//!
//! `cargo bench --bench sync` measures, release build:
//! - an exchange that takes in 100 changes from another device (20 days of five fields), as
//!   one file and as 20 (a file shortly after each day's save), median and p95 of 30 runs;
//! - a device joining a ten-year journal (3,650 days: both sides and three ratings each) from
//!   the folder, read whole (what a snapshot will be: one file of every current version);
//! - the folder's size against the journal's text;
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
        let day = format!("day/{}", p.date);
        let at = 1_796_000_000_000 + i as u64;
        laptop.edit(
            &format!("{day}/self"),
            Kind::Text,
            Value::Text(p.text.clone()),
            at,
        );
        laptop.edit(
            &format!("{day}/role"),
            Kind::Text,
            Value::Text(role(&p.text)),
            at,
        );
        for (name, v) in [
            ("stress", p.stress),
            ("resilience", p.resilience),
            ("overlap", p.overlap),
        ] {
            laptop.edit(
                &format!("{day}/{name}"),
                Kind::Register,
                Value::Data(v.into()),
                at,
            );
        }
        if (i + 1) % per_file == 0 {
            laptop.exchange(folder, keys).unwrap();
        }
    }
    laptop.exchange(folder, keys).unwrap();
    laptop
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

    // Ten years, joined from the folder.
    let folder = tempfile::tempdir().unwrap();
    let t = Instant::now();
    writer(folder.path(), &keys, &pages, pages.len());
    let write_s = t.elapsed().as_secs_f64();
    let folder_bytes = common::dir_size(folder.path());
    let text_bytes: u64 = pages
        .iter()
        .map(|p| (p.text.len() + role(&p.text).len()) as u64)
        .sum();
    let mut joins: Vec<f64> = (0..5)
        .map(|r| {
            let mut home = Replica::new(device(900 + r), "home");
            let t = Instant::now();
            let report = home.exchange(folder.path(), &keys).unwrap();
            assert_eq!(report.came_in, pages.len() * 5);
            t.elapsed().as_secs_f64()
        })
        .collect();
    joins.sort_by(f64::total_cmp);
    let join = common::median(joins);
    eprintln!(
        "ten years: written in {write_s:.2} s, joined in {join:.2} s; folder {folder_bytes} bytes for {text_bytes} bytes of text"
    );
    let journal_table = journal_side(runs).join("\n");
    let (saves, exchanges) = (runs.max(20) * 3, runs.max(20));
    let section = format!(
        "## Sync (issue 22)\n\n\
         Measured {} on {} by `cargo bench --bench sync`, release build, on the generated prose \
         (benches/common).\n\n\
         | what | median | p95 |\n| --- | --- | --- |\n{}\n\
         | a device joining ten years (3,650 days, 18,250 versions) from the folder, read whole | {join:.2} s | |\n\
         | writing those ten years as one change file | {write_s:.2} s | |\n\n\
         The folder holds {:.1} MB for {:.1} MB of the pages' text ({:.2} times: JSON with each \
         version's id, parents and author, sealed; not compressed yet). No snapshots yet: a device \
         joining reads every version there is, which is what one snapshot file of the current \
         versions will hold.\n\n\
         The journal's side, ten years (3,650 days) encrypted: {saves} saves on each journal, \
         alternating, then {exchanges} exchanges each taking one save out:\n\n\
         | what | median | p99 |\n| --- | --- | --- |\n{journal_table}\n\n\
         The save path is the same attached or not (the record's mark is one more key in the \
         save's own transaction, written whether or not the journal syncs; no fsync is added: \
         the strace check counts them): the two rows differ by the disk's noise. The change file \
         is written by the exchange, after the save was acknowledged; a crash in between leaves \
         the mark, and the next exchange takes the save. The exchange itself is too slow for the \
         app's \"shortly after each save\" at ten years: it keeps the replica whole (every \
         version there is, sealed and fsynced) twice per exchange; a bounded state (snapshots \
         of the current versions, the replica kept incrementally) is the next step.",
        chrono::Local::now().format("%Y-%m-%d"),
        common::machine(),
        rows.join("\n"),
        folder_bytes as f64 / 1e6,
        text_bytes as f64 / 1e6,
        folder_bytes as f64 / text_bytes as f64,
    );
    common::write_section("sync", &section);
}

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
