//! Benchmark: the Trends figures for ten years of daily check-ins (issue: under 10 ms).
//!
//! `cargo bench --bench trends` generates 3,650 days, times `analytics::trends::compute` (the
//! figures from days in memory) and `analytics::trends::trends` (the same, reading the days from
//! a sled journal first, as the app does), prints medians and 95th percentiles, and rewrites the
//! Trends section of docs/BENCHMARKS.md with the machine and the date. It asserts nothing: a
//! slow machine is a figure, not a failure. `KEEL_BENCH_DAYS` and `KEEL_BENCH_RUNS` shrink it.

use std::collections::HashSet;

use chrono::{Local, NaiveDate};
use keel::analytics::trends::{compute, trends, Range};
use keel::{Boundary, CheckIn, DayEntry, Journal, Settings};

#[path = "common/mod.rs"]
mod common;

fn main() {
    let n_days = common::env_usize("KEEL_BENCH_DAYS", 3650);
    let runs = common::env_usize("KEEL_BENCH_RUNS", 50);
    let today = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
    let now = Local::now().fixed_offset();
    let mut state = 0x2545_F491_4F6C_DD1Du64;
    let mut next = move |m: u64| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state % m
    };
    let days: Vec<DayEntry> = (0..n_days as u64)
        .map(|i| {
            let mut d = DayEntry::new(today - chrono::Days::new(i), now);
            d.check_in = CheckIn {
                stress: Some(next(10) as u8 + 1),
                resilience: Some(next(10) as u8 + 1),
                overlap: Some(next(7) as u8 + 1),
                boundary: Some(if next(3) == 0 {
                    Boundary::Broken
                } else {
                    Boundary::Kept
                }),
                after_hours_minutes: None,
            };
            d
        })
        .collect();
    let settings = Settings::default();
    let none = HashSet::new();
    let mut rows = Vec::new();
    for range in [Range::All, Range::Year, Range::Days30] {
        let (p50, p95) = common::time_calls(runs, |_| {
            std::hint::black_box(compute(&days, &none, &settings, range, today));
        });
        rows.push((format!("compute, {range:?}, days in memory"), p50, p95));
    }
    let dir = tempfile::tempdir().unwrap();
    let journal = Journal::open(dir.path()).unwrap();
    for d in &days {
        journal.put_day(d).unwrap();
    }
    for range in [Range::All, Range::Year] {
        let (p50, p95) = common::time_calls(runs, |_| {
            std::hint::black_box(trends(&journal, range, today).unwrap());
        });
        rows.push((
            format!("trends, {range:?}, read from the sled journal"),
            p50,
            p95,
        ));
    }

    let mut table = format!(
        "| what ({n_days} days, {runs} runs) | median | p95 | goal |\n| --- | --- | --- | --- |\n"
    );
    for (what, p50, p95) in &rows {
        let verdict = if *p50 < 10.0 {
            "under 10 ms: met"
        } else {
            "under 10 ms: missed"
        };
        table.push_str(&format!(
            "| {what} | {p50:.2} ms | {p95:.2} ms | {verdict} |\n"
        ));
    }
    print!("{table}");
    if n_days != 3650 {
        eprintln!("(a reduced run: docs/BENCHMARKS.md is left as it is)");
        return;
    }
    let section = format!(
        "## Trends: ten years of daily check-ins\n\nMeasured {} on {}, release build, by `cargo bench --bench trends`.\n\n{table}",
        Local::now().format("%Y-%m-%d"),
        common::machine()
    );
    common::write_section("trends", &section);
}
