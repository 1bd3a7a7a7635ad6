//! Benchmark: a durable save (what the app does on every pause in typing) against the disk's own
//! floor, measured in the same run.
//!
//! `cargo bench --bench save` opens a journal of 1,000 realistic pages, then saves one page 400
//! times, a word longer each time (the page is re-indexed in the same transaction and synced:
//! sled's flush, then an fsync of its file), and times 400 appends of 4 KiB + fsync to a file in
//! the same folder. When `strace` is installed it also counts the fsync-class system calls of
//! 50 saves in a child process. Prints the figures and writes the Save section of
//! docs/BENCHMARKS.md. Asserts nothing.

#[path = "common/mod.rs"]
mod common;

use std::io::Write;
use std::path::Path;
use std::process::Command;
use std::time::Instant;

use chrono::{DateTime, Local, NaiveDate};
use keel::{DayPatch, Journal};

const CHILD: &str = "KEEL_BENCH_SAVE_CHILD";

fn text(words: usize) -> String {
    let vocab = [
        "the", "review", "numbers", "team", "walk", "river", "home", "quiet", "forecast", "call",
    ];
    (0..words)
        .map(|i| vocab[(i * 7 + words) % vocab.len()])
        .collect::<Vec<_>>()
        .join(" ")
}

fn saves(journal: &Journal, n: usize, now: DateTime<chrono::FixedOffset>) -> Vec<f64> {
    let day = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
    (0..n)
        .map(|i| {
            let patch = DayPatch {
                role: Some(text(150 + i)),
                ..DayPatch::default()
            };
            let t = Instant::now();
            journal.save_day(day, &patch, now).unwrap();
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect()
}

fn main() {
    let now = Local::now().fixed_offset();
    if let Some(dir) = std::env::var_os(CHILD) {
        let journal = Journal::open(Path::new(&dir)).unwrap();
        if std::env::var_os("KEEL_BENCH_SAVE_OPEN_ONLY").is_none() {
            saves(&journal, 50, now);
        }
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    {
        let journal = Journal::open(dir.path()).unwrap();
        for i in 0..1000u64 {
            let patch = DayPatch {
                role: Some(text(150)),
                self_text: Some(text(40)),
                stress: Some(Some((i % 10 + 1) as i64)),
                ..DayPatch::default()
            };
            journal
                .save_day(
                    NaiveDate::from_ymd_opt(2026, 11, 27).unwrap() - chrono::Days::new(i),
                    &patch,
                    now,
                )
                .unwrap();
        }
        let mut ms = saves(&journal, 400, now);
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
        let count = |saves: bool| -> Option<f64> {
            let exe = std::env::current_exe().ok()?;
            let out_file = dir
                .path()
                .join(if saves { "strace-saves" } else { "strace-open" });
            let mut cmd = Command::new("strace");
            cmd.args([
                "-f",
                "-e",
                "trace=fsync,fdatasync,sync_file_range,msync,sync,syncfs",
                "-o",
            ])
            .arg(&out_file);
            if saves {
                cmd.arg(&exe).env(CHILD, dir.path());
            } else {
                cmd.arg(&exe)
                    .env(CHILD, dir.path())
                    .env("KEEL_BENCH_SAVE_OPEN_ONLY", "1");
            }
            let status = cmd.status().ok()?;
            if !status.success() {
                return None;
            }
            let log = std::fs::read_to_string(&out_file).ok()?;
            // Count the calls, not the "<... resumed>" halves of interrupted ones.
            let calls = [
                "fsync(",
                "fdatasync(",
                "sync_file_range(",
                "msync(",
                "syncfs(",
                " sync(",
            ];
            Some(
                log.lines()
                    .filter(|l| calls.iter().any(|c| l.contains(c)))
                    .count() as f64,
            )
        };
        let per_save_n = match (count(true), count(false)) {
            (Some(all), Some(open)) => Some((all - open) / 50.0),
            _ => None,
        };
        let per_save = per_save_n.map_or("not measured (strace missing)".into(), |n| {
            format!("{n:.1}")
        });
        // For the comparison benchmark's results.json (scripts/bench.sh runs this one first).
        let json = serde_json::json!({
            "journal_pages": 1000, "runs": 400,
            "save_ms": {"median": s50, "p99": s99},
            "disk_floor_4k_append_fsync_ms": {"median": f50, "p99": f99},
            "fsync_class_calls_per_save": per_save_n,
            "measured": Local::now().to_rfc3339(),
        });
        let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench");
        std::fs::create_dir_all(&out).unwrap();
        std::fs::write(out.join("save.json"), json.to_string()).unwrap();

        let table = format!(
            "| what (journal of 1,000 pages, 400 runs) | median | p99 | goal |\n| --- | --- | --- | --- |\n\
             | save one page (re-index + flush + fsync) | {s50:.2} ms | {s99:.2} ms | median ≤ 1 ms, p99 ≤ 10 ms: {} |\n\
             | the disk's floor: 4 KiB append + fsync | {f50:.2} ms | {f99:.2} ms | |\n\
             | fsync-class calls per save (strace: our fsync plus sled's sync_file_range) | {per_save} | | exactly 1 |\n",
            if s50 <= 1.0 && s99 <= 10.0 { "met" } else { "missed" }
        );
        print!("{table}");
        let section = format!(
            "## Durable save against the disk's floor\n\nMeasured {} by `cargo bench --bench save`, release build, same run, same folder.\n\n{table}",
            Local::now().format("%Y-%m-%d")
        );
        common::write_section("save", &section);
    }
}
