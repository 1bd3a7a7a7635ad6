//! Benchmark: `keel search` as a whole process on journals of 1,000, 10,000 and 100,000 days
//! of generated prose (benches/common: a Zipf vocabulary, about 170 words a page, a tag,
//! ratings), for a word that is on a
//! few pages, a word on many, and a miss. Prints medians and writes the Search section of
//! docs/BENCHMARKS.md (with the sizes it measured). `KEEL_BENCH_SIZES=1000,10000` picks the
//! sizes. Asserts nothing.

#[path = "common/mod.rs"]
mod common;

use std::path::Path;
use std::process::Command;
use std::time::Instant;

use chrono::Local;

use common::{build, dir_size};

fn median_ms(keel: &Path, dir: &Path, query: &str, runs: usize) -> (f64, usize) {
    let mut times = Vec::new();
    let mut n_lines = 0;
    for _ in 0..runs {
        let t = Instant::now();
        let out = Command::new(keel)
            .arg("--journal")
            .arg(dir)
            .args(["search", query])
            .output()
            .unwrap();
        times.push(t.elapsed().as_secs_f64() * 1000.0);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        n_lines = String::from_utf8_lossy(&out.stdout)
            .lines()
            .filter(|l| !l.starts_with("Nothing"))
            .count();
    }
    times.sort_by(|a, b| a.partial_cmp(b).unwrap());
    (times[times.len() / 2], n_lines)
}

fn main() {
    let sizes: Vec<u64> = std::env::var("KEEL_BENCH_SIZES")
        .unwrap_or_else(|_| "1000,10000,100000".into())
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect();
    let keel = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/release/keel");
    assert!(
        keel.exists(),
        "build the CLI first: cargo build --release -p keel"
    );
    let mut table = String::from("| days | build (import + index) | on disk | `search forecast` (~2% of pages, 50 shown) | `search sabbatical` (~0.1%) | `search nothinglikethis` |\n| --- | --- | --- | --- | --- | --- |\n");
    for n in &sizes {
        let dir = tempfile::tempdir().unwrap();
        let t = Instant::now();
        build(dir.path(), *n);
        let build_s = t.elapsed().as_secs_f64();
        let size = dir_size(dir.path()) as f64 / 1_048_576.0;
        let runs = 15;
        let (frequent, nc) = median_ms(&keel, dir.path(), "forecast", runs);
        let (rare, nr) = median_ms(&keel, dir.path(), "sabbatical", runs);
        let (miss, _) = median_ms(&keel, dir.path(), "nothinglikethis", runs);
        let row = format!("| {n} | {build_s:.1} s | {size:.0} MiB | {frequent:.1} ms ({nc} results) | {rare:.1} ms ({nr} results) | {miss:.1} ms |\n");
        print!("{row}");
        table.push_str(&row);
    }
    let note = if sizes.contains(&100_000) {
        String::new()
    } else {
        "\nThis run stopped before 100,000 days (`KEEL_BENCH_SIZES`): see the note below the table.\n".to_owned()
    };
    let section = format!(
        "## Search: `keel search` as a whole process\n\nMeasured {} by `cargo build --release -p keel && cargo bench --bench search`: medians of 15 runs, process start to exit, release build, {} cores. Goal: under 50 ms at 100,000 days.\n\n{table}{note}",
        Local::now().format("%Y-%m-%d"),
        std::thread::available_parallelism().map(|n| n.get()).unwrap_or(0)
    );
    common::write_section("search", &section);
}
