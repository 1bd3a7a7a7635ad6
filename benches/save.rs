//! Benchmark: a durable save (what the app does on every pause in typing) against the disk's own
//! floor, measured in the same run.
//!
//! `cargo bench --bench save` builds a journal of 1,000 pages of the benches' prose (an import),
//! then types a new page into it: 400 saves, each a word longer (the page is re-indexed in the
//! same transaction and its changes appended to the redo log, one fdatasync), and times 400
//! appends of 4 KiB + fsync to a file in the same folder. It reports the redo log's bytes per
//! save and the checkpoints the run made. When `strace` is installed it also counts the
//! fsync-class system calls of 50 saves in a child process (every thread). Prints the figures
//! and writes the Save section of docs/BENCHMARKS.md. Asserts nothing.

#[path = "common/mod.rs"]
mod common;

use std::io::Write;
use std::path::Path;
use std::process::Command;
use std::time::Instant;

use chrono::{DateTime, Local};
use keel::{DayPatch, Journal};

const CHILD: &str = "KEEL_BENCH_SAVE_CHILD";
/// What the child writes to stderr after its open and before its close.
const BEGIN: &str = "keel-bench: the saves begin";
const END: &str = "keel-bench: the saves end";

/// Words of prose like the journal's, enough for `n` saves a word apart.
fn words(n: usize) -> Vec<String> {
    let mut rng = common::Rng(0x5A7E);
    let mut out = Vec::new();
    let mut i = 0;
    while out.len() < n {
        out.extend(common::page(&mut rng, i).text.split(' ').map(str::to_owned));
        i += 1;
    }
    out
}

/// Saves a new page `n` times, a word longer each time (from 20 words); the milliseconds of
/// each save, and the redo log's growth over all of them with the checkpoints seen.
fn saves(
    journal: &Journal,
    n: usize,
    day_back: u64,
    now: DateTime<chrono::FixedOffset>,
) -> (Vec<f64>, u64, usize) {
    let day = common::last_day() + chrono::Days::new(1 + day_back);
    let words = words(20 + n);
    let log = journal.dir().join("store").join("redo.log");
    let len = || std::fs::metadata(&log).map_or(0, |m| m.len());
    let (mut grown, mut checkpoints, mut before) = (0, 0, len());
    let ms = (0..n)
        .map(|i| {
            let patch = DayPatch {
                role: Some(words[..20 + i].join(" ")),
                ..DayPatch::default()
            };
            let t = Instant::now();
            journal.save_day(day, &patch, now).unwrap();
            let ms = t.elapsed().as_secs_f64() * 1000.0;
            let after = len();
            if after < before {
                checkpoints += 1;
                grown += after;
            } else {
                grown += after - before;
            }
            before = after;
            ms
        })
        .collect();
    (ms, grown, checkpoints)
}

fn main() {
    let now = Local::now().fixed_offset();
    if let Some(dir) = std::env::var_os(CHILD) {
        let journal = Journal::open(Path::new(&dir)).unwrap();
        eprintln!("{BEGIN}");
        saves(&journal, 50, 1, now);
        eprintln!("{END}");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    common::build(dir.path(), 1000);
    {
        let journal = Journal::open(dir.path()).unwrap();
        let (mut ms, log_bytes, checkpoints) = saves(&journal, 400, 0, now);
        let per_save_kib = log_bytes as f64 / 400.0 / 1024.0;
        ms.sort_by(|a, b| a.partial_cmp(b).unwrap());
        let (s50, s99) = (common::percentile(&ms, 0.5), common::percentile(&ms, 0.99));

        let path = dir.path().join("floor.bin");
        let mut file = std::fs::File::create(&path).unwrap();
        let block = vec![7u8; 4096];
        let mut floor: Vec<f64> = (0..400)
            .map(|_| {
                let t = Instant::now();
                file.write_all(&block).unwrap();
                file.sync_all().unwrap();
                t.elapsed().as_secs_f64() * 1000.0
            })
            .collect();
        floor.sort_by(|a, b| a.partial_cmp(b).unwrap());
        let (f50, f99) = (
            common::percentile(&floor, 0.5),
            common::percentile(&floor, 0.99),
        );
        drop(journal);

        // fsync-class calls per save, counted by strace over 50 saves in a child (minus the
        // child's open, measured alone).
        // fsync-class calls per save, counted by strace over 50 saves in a child, between the
        // marks it writes after its open and before its close (every thread: sled's own
        // buffer writes while the saves run count too).
        let per_save_n = (|| -> Option<f64> {
            let exe = std::env::current_exe().ok()?;
            let out_file = dir.path().join("strace-saves");
            let status = Command::new("strace")
                .args([
                    "-f",
                    "-e",
                    "trace=fsync,fdatasync,sync_file_range,msync,sync,syncfs,write",
                    "-o",
                ])
                .arg(&out_file)
                .arg(&exe)
                .env(CHILD, dir.path())
                .stderr(std::process::Stdio::null())
                .status()
                .ok()?;
            if !status.success() {
                return None;
            }
            let log = std::fs::read_to_string(&out_file).ok()?;
            let lines: Vec<&str> = log.lines().collect();
            let at = |mark: &str| lines.iter().position(|l| l.contains(mark));
            let (begin, end) = (at(BEGIN)?, at(END)?);
            // Count the calls, not the "<... resumed>" halves of interrupted ones.
            let calls = [
                "fsync(",
                "fdatasync(",
                "sync_file_range(",
                "msync(",
                "syncfs(",
                " sync(",
            ];
            let n = lines[begin..end]
                .iter()
                .filter(|l| calls.iter().any(|c| l.contains(c)))
                .count();
            Some(n as f64 / 50.0)
        })();
        let per_save = per_save_n.map_or("not measured (strace missing)".into(), |n| {
            format!("{n:.2}")
        });
        // For the comparison benchmark's results.json (scripts/bench.sh runs this one first).
        let json = serde_json::json!({
            "journal_pages": 1000, "runs": 400,
            "save_ms": {"median": s50, "p99": s99},
            "disk_floor_4k_append_fsync_ms": {"median": f50, "p99": f99},
            "fsync_class_calls_per_save": per_save_n,
            "redo_log_kib_per_save": per_save_kib,
            "checkpoints": checkpoints,
            "measured": Local::now().to_rfc3339(),
        });
        let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench");
        std::fs::create_dir_all(&out).unwrap();
        std::fs::write(out.join("save.json"), json.to_string()).unwrap();

        let table = format!(
            "| what (journal of 1,000 pages of prose, a new page typed: 400 saves) | median | p99 | goal |\n| --- | --- | --- | --- |\n\
             | save the page, a word longer each time (re-index + one frame of the redo log + fdatasync) | {s50:.2} ms | {s99:.2} ms | median ≤ 1 ms, p99 ≤ 10 ms: {} |\n\
             | the disk's floor: 4 KiB append + fsync | {f50:.2} ms | {f99:.2} ms | |\n\
             | fsync-class calls per save (strace over 50 saves, every thread) | {per_save} | | exactly 1: {} |\n\
             | redo log written per save; checkpoints in the 400 saves | {per_save_kib:.1} KiB; {checkpoints} | | |\n",
            if s50 <= 1.0 && s99 <= 10.0 { "met" } else { "missed" },
            match per_save_n {
                Some(n) if n < 1.05 => "met",
                Some(_) => "**missed**",
                None => "not measured",
            }
        );
        print!("{table}");
        let section = format!(
            "## Durable save against the disk's floor\n\nMeasured {} by `cargo bench --bench save`, release build, same run, same folder.\n\n{table}",
            Local::now().format("%Y-%m-%d")
        );
        common::write_section("save", &section);
    }
}
