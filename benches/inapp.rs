//! Benchmark: what a person in the app waits for, on an already-open journal: search, opening a
//! day, the week's page and a year of trends, through the core's API (each call is what one
//! Tauri command does), at 100,000 pages of generated prose (`KEEL_BENCH_DAYS` to change it).
//! Medians and 95th percentiles; the Inapp section of docs/BENCHMARKS.md is rewritten when the
//! run is at 100,000 pages. Asserts nothing. Goals (issue 23): search p95 under 5 ms; a day, a
//! week page or a year of trends under 10 ms.

#[path = "common/mod.rs"]
mod common;

use std::time::Instant;

use keel::analytics::trends::{trends, Range};
use keel::model::WeekId;

fn main() {
    let n = common::env_usize("KEEL_BENCH_DAYS", 100_000) as u64;
    let runs = common::env_usize("KEEL_BENCH_RUNS", 200);
    let dir = tempfile::tempdir().unwrap();
    let t = Instant::now();
    common::build(dir.path(), n);
    eprintln!("built {n} pages in {:.1} s", t.elapsed().as_secs_f64());
    let journal = keel::Journal::open(dir.path()).unwrap();
    let today = common::last_day();
    let mut rows = Vec::new();
    let mut row = |what: String, (p50, p95): (f64, f64), goal: f64, on: &str| {
        let verdict = if on == "p95" { p95 < goal } else { p50 < goal };
        let line = format!(
            "| {what} | {p50:.2} ms | {p95:.2} ms | {on} under {goal} ms: {} |",
            if verdict { "met" } else { "**missed**" }
        );
        println!("{line}");
        rows.push(line);
    };
    for query in [
        "forecast",
        "sabbatical",
        "the",
        "nothinglikethis",
        "\"the team\"",
        "#wbr",
    ] {
        let found = keel::search::find(&journal, query, 200).unwrap();
        let hits = found.hits.len();
        row(
            format!("search `{query}` ({hits} shown)"),
            common::time_calls(runs, |_| {
                keel::search::find(&journal, query, 200).unwrap();
            }),
            5.0,
            "p95",
        );
    }
    let mut rng = common::Rng(0xDA15);
    row(
        "a day (a random one of the journal)".into(),
        common::time_calls(runs, |_| {
            let date = today - chrono::Days::new(rng.next(n));
            journal.day(date).unwrap();
        }),
        10.0,
        "p95",
    );
    row(
        "the week's page (a random week)".into(),
        common::time_calls(runs, |_| {
            let date = today - chrono::Days::new(rng.next(n));
            keel::analytics::week_page(&journal, WeekId::of(date)).unwrap();
        }),
        10.0,
        "p95",
    );
    row(
        "a year of trends".into(),
        common::time_calls(runs.min(50), |_| {
            trends(&journal, Range::Year, today).unwrap();
        }),
        10.0,
        "p95",
    );
    row(
        "all of the trends (every page's check-in)".into(),
        common::time_calls(runs.min(20), |_| {
            trends(&journal, Range::All, today).unwrap();
        }),
        10.0,
        "p50",
    );
    if n == 100_000 {
        let section = format!(
            "## In the app: an open journal of 100,000 pages\n\nMeasured {} on {} by `cargo bench --bench inapp` (release build): each figure is one call of the core's API, what one Tauri command does, on a journal already open; {runs} calls (50 for a year of trends, 20 for all), after one not counted. Pages of generated prose (benches/common).\n\n| what | median | p95 | goal |\n| --- | ---: | ---: | --- |\n{}\n",
            chrono::Local::now().format("%Y-%m-%d"),
            common::machine(),
            rows.join("\n")
        );
        common::write_section("inapp", &section);
    }
}
