//! Benchmark: Keel against jrnl, `grep -ci` and the machine's limits, side by side in one run, on
//! generated journals of 3,650 (ten years), 20,000 and 100,000 entries of text that behaves like
//! real writing (a 40,000-word Zipf vocabulary, sentences, about 170 words each, Markdown, a
//! tag, ratings), as whole processes with their peak memory; the desktop app's start-up and memory with a ten-year journal
//! against an empty one; sizes on disk against the raw text.
//!
//! Run it with `make bench` (scripts/bench.sh), which installs jrnl 4.6 in a virtual
//! environment, builds the release binaries, runs the save benchmark first (its figures go into
//! the same results) and this one under a virtual display. It writes `target/bench/results.json`
//! and the Comparison section of docs/BENCHMARKS.md. It asserts nothing.
//!
//! Environment: `KEEL_BENCH_SIZES` (default 3650,20000,100000), `KEEL_BENCH_JRNL_MAX` (20000),
//! `KEEL_BENCH_RUNS` (5), `KEEL_BENCH_APP_DAYS` (3650), `KEEL_BENCH_JRNL` (jrnl's path; default
//! target/bench/venv/bin/jrnl), `KEEL_BENCH_APP` (the desktop binary; default
//! target/release/keel-desktop; `none` skips the app), `KEEL_BENCH_BLANK` (the blank Tauri 2
//! window of benches/blank-window, started beside the app; default
//! target/release/keel-blank-window; `none` skips it).

#[path = "common/mod.rs"]
mod common;
#[path = "compare/mod.rs"]
mod compare;

use std::path::{Path, PathBuf};

use compare::{fmt_ms, Config, Results};

fn env_or(name: &str, default: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| default.to_owned())
}

/// A binary the bench starts: `env` names it (`none` to skip), else `default` under `root`;
/// one that is named must exist.
fn binary(root: &Path, env: &str, default: &str) -> Option<PathBuf> {
    let path = env_or(env, &root.join(default).display().to_string());
    let path = (path != "none").then(|| PathBuf::from(path))?;
    assert!(
        path.exists(),
        "{} is missing: run make bench",
        path.display()
    );
    Some(path)
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let keel = root.join("target/release/keel");
    assert!(
        keel.exists(),
        "build the CLI first: cargo build --release -p keel (or run make bench)"
    );
    let jrnl = PathBuf::from(env_or(
        "KEEL_BENCH_JRNL",
        &root
            .join("target/bench/venv/bin/jrnl")
            .display()
            .to_string(),
    ));
    let app = binary(root, "KEEL_BENCH_APP", "target/release/keel-desktop");
    // The blank window is only the app's yardstick: without the app it is not started.
    let blank = app
        .as_ref()
        .and_then(|_| binary(root, "KEEL_BENCH_BLANK", "target/release/keel-blank-window"));
    let work = tempfile::tempdir().unwrap();
    let cfg = Config {
        keel,
        app,
        blank,
        jrnl: jrnl.exists().then_some(jrnl),
        sizes: env_or("KEEL_BENCH_SIZES", "3650,20000,100000")
            .split(',')
            .filter_map(|s| s.trim().parse().ok())
            .collect(),
        jrnl_max: env_or("KEEL_BENCH_JRNL_MAX", "20000").parse().unwrap(),
        runs: env_or("KEEL_BENCH_RUNS", "5").parse().unwrap(),
        app_days: env_or("KEEL_BENCH_APP_DAYS", "3650").parse().unwrap(),
        work: work.path().to_owned(),
    };
    if cfg.jrnl.is_none() {
        eprintln!("jrnl is not installed (scripts/jrnl-venv.sh): its column stays empty");
    }
    let results = compare::measure(&cfg);
    let out = root.join("target/bench");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(
        out.join("results.json"),
        serde_json::to_string_pretty(&results.json).unwrap(),
    )
    .unwrap();
    eprintln!("wrote {}", out.join("results.json").display());
    let full = cfg.sizes == [3650, 20000, 100000] && cfg.app.is_some() && cfg.jrnl.is_some();
    if full {
        common::write_section("compare", &section(&cfg, &results));
    } else {
        eprintln!("(not every size, the app and jrnl: docs/BENCHMARKS.md is left as it is)");
    }
}

fn verdict(met: bool) -> &'static str {
    if met {
        "met"
    } else {
        "**missed**"
    }
}

fn section(cfg: &Config, r: &Results) -> String {
    let find = |op: &str, n: u64| {
        r.rows
            .iter()
            .find(|row| row.op.starts_with(op) && row.size == n)
    };
    let mut table = String::from(
        "| operation | entries | keel | keel peak memory | jrnl | jrnl ÷ keel | runs (keel / jrnl) | note |\n| --- | ---: | ---: | ---: | ---: | ---: | --- | --- |\n",
    );
    for row in &r.rows {
        let ratio = match (row.keel_ms, row.jrnl_ms) {
            (Some(k), Some(j)) if k > 0.0 => format!("{:.0}×", j / k),
            _ => "—".into(),
        };
        table.push_str(&format!(
            "| {} | {} | {} | {} | {} | {ratio} | {} | {} |\n",
            row.op,
            row.size,
            fmt_ms(row.keel_ms),
            row.keel_peak_mib
                .map_or("—".into(), |m| format!("{m:.0} MiB")),
            fmt_ms(row.jrnl_ms),
            row.runs,
            row.note
        ));
    }
    let ms = |op: &str, n: u64| find(op, n).and_then(|row| row.keel_ms).unwrap_or(f64::NAN);
    let peak = |op: &str, n: u64| {
        find(op, n)
            .and_then(|row| row.keel_peak_mib)
            .unwrap_or(f64::NAN)
    };
    let sizes = &r.json["sizes"];
    let ratio = |n: u64| {
        sizes[n.to_string()]["keel_disk_over_text"]
            .as_f64()
            .unwrap_or(f64::NAN)
    };
    let grep = |n: u64, w: &str| {
        sizes[n.to_string()]["grep_ci_ms"][w]
            .as_f64()
            .unwrap_or(f64::NAN)
    };
    let (small, big) = (3650, 100_000);
    let mut goals = String::from("| goal | measured | verdict |\n| --- | --- | --- |\n");
    let (import, import_mib) = (ms("import jrnl", big), peak("import jrnl", big));
    goals += &format!(
        "| import of 100,000 jrnl entries under 10 s and 300 MiB peak | {} and {import_mib:.0} MiB | {} |\n",
        fmt_ms(Some(import)),
        verdict(import < 10_000.0 && import_mib < 300.0)
    );
    let (add_small, add_big) = (ms("add a page", small), ms("add a page", big));
    goals += &format!(
        "| `keel add` into 100,000 pages under 30 ms, flat from 3,650 (within 20%) | {add_big:.1} ms (3,650: {add_small:.1} ms) | {} |\n",
        verdict(add_big < 30.0 && add_big <= add_small * 1.2)
    );
    let search_big = ms("search, a word", big).max(ms("search, a miss", big));
    let grep_big = grep(big, "forecast").min(grep(big, "nothinglikethis"));
    goals += &format!(
        "| `keel search` at 100,000 under half of `grep -ci` over the same text | {search_big:.1} ms (the slower of hit and miss) vs grep {grep_big:.1} ms | {} |\n",
        verdict(search_big < grep_big / 2.0)
    );
    let search_small = ms("search, a word", small).max(ms("search, a miss", small));
    goals += &format!(
        "| `keel search` at 3,650 under 20 ms | {search_small:.1} ms | {} |\n",
        verdict(search_small < 20.0)
    );
    let export = ms("export JSON", big);
    goals += &format!(
        "| export of 100,000 entries to JSON under 2 s | {} ({:.0} MiB peak) | {} |\n",
        fmt_ms(Some(export)),
        peak("export JSON", big),
        verdict(export < 2000.0)
    );
    let save = &r.json["save"];
    if !save.is_null() {
        let (m, p) = (
            save["save_ms"]["median"].as_f64().unwrap_or(f64::NAN),
            save["save_ms"]["p99"].as_f64().unwrap_or(f64::NAN),
        );
        let (fm, fp) = (
            save["disk_floor_4k_append_fsync_ms"]["median"]
                .as_f64()
                .unwrap_or(f64::NAN),
            save["disk_floor_4k_append_fsync_ms"]["p99"]
                .as_f64()
                .unwrap_or(f64::NAN),
        );
        goals += &format!(
            "| durable save: median ≤ 1 ms, p99 ≤ 10 ms | {m:.2} / {p:.2} ms (disk floor {fm:.2} / {fp:.2} ms) | {} |\n",
            verdict(m <= 1.0 && p <= 10.0)
        );
        let calls = save["fsync_class_calls_per_save"].as_f64();
        goals += &format!(
            "| exactly one fsync-class call per save | {} | {} |\n",
            calls.map_or("not counted".into(), |c| format!("{c:.1}")),
            verdict(calls == Some(1.0))
        );
    }
    let app = &r.json["app"];
    if !app.is_null() {
        let f = |k: &str| app[k].as_f64().unwrap_or(f64::NAN);
        let (dt, dm) = (
            f("full_start_to_page_ms") - f("empty_start_to_page_ms"),
            f("full_rss_mib") - f("empty_rss_mib"),
        );
        goals += &format!(
            "| app start to today's page, {} days vs empty: at most 50 ms slower | {:.0} vs {:.0} ms ({dt:+.0} ms) | {} |\n",
            cfg.app_days,
            f("full_start_to_page_ms"),
            f("empty_start_to_page_ms"),
            verdict(dt <= 50.0)
        );
        goals += &format!(
            "| app memory (all its processes), {} days vs empty: at most 40 MiB more | {:.0} vs {:.0} MiB ({dm:+.0} MiB) | {} |\n",
            cfg.app_days,
            f("full_rss_mib"),
            f("empty_rss_mib"),
            verdict(dm <= 40.0)
        );
        if app.get("blank_start_to_page_ms").is_some() {
            let (empty, blank) = (f("empty_start_to_page_ms"), f("blank_start_to_page_ms"));
            goals += &format!(
                "| an empty journal's start within 1.3× a blank Tauri 2 window's (built and run beside it) | {empty:.0} vs {blank:.0} ms ({:.2}×; {:.0} vs {:.0} MiB) | {} |\n",
                empty / blank,
                f("empty_rss_mib"),
                f("blank_rss_mib"),
                verdict(empty <= 1.3 * blank)
            );
        }
    }
    let mut disk = String::from(
        "| entries | raw text | keel store | keel ÷ text | jrnl file |\n| ---: | ---: | ---: | ---: | ---: |\n",
    );
    for n in &cfg.sizes {
        let s = &sizes[n.to_string()];
        let mib = |k: &str| s[k].as_f64().unwrap_or(f64::NAN) / 1_048_576.0;
        disk += &format!(
            "| {n} | {:.1} MiB | {:.1} MiB | {:.2}× | {:.1} MiB |\n",
            mib("raw_text_bytes"),
            mib("keel_store_bytes"),
            ratio(*n),
            mib("jrnl_file_bytes")
        );
    }
    let disk_ratio = ratio(100_000);
    goals += &format!(
        "| journal on disk at most 2× the raw text at 100,000 | {disk_ratio:.2}× | {} |\n",
        verdict(disk_ratio <= 2.0)
    );
    goals += "| in-app latency at 100,000 pages | see “In the app” (`cargo bench --bench inapp`) | — |\n";
    format!(
        "## Comparison: Keel and jrnl, side by side\n\n\
         Measured {} on {} by `make bench` (scripts/bench.sh: jrnl 4.6 in target/bench/venv, \
         release builds, this benchmark under Xvfb), on generated prose like a person's (a \
         40,000-word vocabulary with Zipf frequencies, sentences, about 170 words a page). Whole \
         processes, spawn to exit; medians; peak memory is the process's own `ru_maxrss`. \
         jrnl runs up to {} entries (its add and export take minutes each at 100,000: \
         ENGINEERING-NOTES.md measured 495 s and 435 s). Machine-readable: \
         target/bench/results.json.\n\n{table}\n### Goals\n\n{goals}\n### On disk\n\n{disk}",
        chrono::Local::now().format("%Y-%m-%d"),
        common::machine(),
        cfg.jrnl_max
    )
}
