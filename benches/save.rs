//! Benchmark: a durable save (what the app does on every pause in typing) against the disk's own
//! floor, measured in the same run.
//!
//! `cargo bench --bench save` opens a journal of 1,000 realistic pages, then saves one page 400
//! times, a word longer each time (the page is re-indexed in the same transaction and synced:
//! sled's flush, then an fsync of its file), and times 400 appends of 4 KiB + fsync to a file in
//! the same folder. When `strace` is installed it also counts the fsync-class system calls of
//! 50 saves in a child process. Prints the figures and writes the Save section of
//! docs/BENCHMARKS.md. Asserts nothing.

use std::io::Write;
use std::path::Path;
use std::process::Command;
use std::time::Instant;

use chrono::{DateTime, Local, NaiveDate};
use keel::{DayPatch, Journal};

const CHILD: &str = "KEEL_BENCH_SAVE_CHILD";

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

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
        let (s50, s99) = (percentile(&ms, 0.5), percentile(&ms, 0.99));

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
        let (f50, f99) = (percentile(&floor, 0.5), percentile(&floor, 0.99));
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
        let per_save = match (count(true), count(false)) {
            (Some(all), Some(open)) => format!("{:.1}", (all - open) / 50.0),
            _ => "not measured (strace missing)".into(),
        };

        let table = format!(
            "| what (journal of 1,000 pages, 400 runs) | median | p99 | goal |\n| --- | --- | --- | --- |\n\
             | save one page (re-index + flush + fsync) | {s50:.2} ms | {s99:.2} ms | median ≤ 1 ms, p99 ≤ 10 ms: {} |\n\
             | the disk's floor: 4 KiB append + fsync | {f50:.2} ms | {f99:.2} ms | |\n\
             | fsync-class calls per save (strace: our fsync plus sled's sync_file_range) | {per_save} | | exactly 1 |\n",
            if s50 <= 1.0 && s99 <= 10.0 { "met" } else { "missed" }
        );
        print!("{table}");
        let section = format!(
            "<!-- save:begin -->\n## Durable save against the disk's floor\n\nMeasured {} by `cargo bench --bench save`, release build, same run, same folder.\n\n{table}\n<!-- save:end -->",
            Local::now().format("%Y-%m-%d")
        );
        let md = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/BENCHMARKS.md");
        let old = std::fs::read_to_string(&md).unwrap_or_default();
        let new = match (
            old.find("<!-- save:begin -->"),
            old.find("<!-- save:end -->"),
        ) {
            (Some(a), Some(b)) => format!(
                "{}{section}{}",
                &old[..a],
                &old[b + "<!-- save:end -->".len()..]
            ),
            _ => format!("{}\n\n{section}\n", old.trim_end()),
        };
        std::fs::write(&md, new).unwrap();
    }
}
