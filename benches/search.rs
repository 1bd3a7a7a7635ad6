//! Benchmark: `keel search` as a whole process on journals of 1,000, 10,000 and 100,000 days
//! of realistic pages (about 150 words each, Markdown, tags, ratings), for a word that is on a
//! few pages, a word on many, and a miss. Prints medians and writes the Search section of
//! docs/BENCHMARKS.md (with the sizes it measured). `KEEL_BENCH_SIZES=1000,10000` picks the
//! sizes. Asserts nothing.

use std::path::Path;
use std::process::Command;
use std::time::Instant;

use chrono::{Local, NaiveDate};
use keel::interchange::{import, ImportOptions, Source};
use keel::Journal;

const WORDS: &[&str] = &[
    "the", "and", "a", "to", "of", "in", "I", "was", "it", "for", "on", "with", "team", "meeting",
    "numbers", "review", "target", "quarter", "plan", "call", "email", "deck", "late", "again",
    "today", "tomorrow", "walk", "home", "dinner", "sleep", "tired", "calm", "focus", "manager",
    "roadmap", "launch", "customer", "question", "answer", "river", "garden", "book", "music",
    "friend", "sister", "coffee", "morning", "evening", "weekend",
];

struct Rng(u64);
impl Rng {
    fn next(&mut self, m: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % m
    }
}

fn page(rng: &mut Rng, i: u64) -> String {
    let mut words: Vec<String> = (0..150)
        .map(|_| WORDS[rng.next(WORDS.len() as u64) as usize].to_string())
        .collect();
    // A word on about one page in 50, one on about one in 1,000, and tags.
    if rng.next(50) == 0 {
        words[10] = "forecast".into();
    }
    if rng.next(1000) == 0 {
        words[20] = "sabbatical".into();
    }
    words[0] = format!("**Day {i}.**");
    words.push(["#wbr", "#family", "#q4", "#health"][rng.next(4) as usize].into());
    words.join(" ")
}

pub fn build(dir: &Path, n: u64) {
    let today = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ n);
    let days: Vec<serde_json::Value> = (0..n)
        .map(|i| {
            let date = today - chrono::Days::new(i);
            serde_json::json!({
                "date": date.to_string(), "role": page(&mut rng, i), "self": "", "stress": rng.next(10) + 1,
                "resilience": rng.next(10) + 1, "overlap": rng.next(7) + 1, "boundary": "kept", "after_hours_minutes": 0,
                "tags": [], "prompt_ids": [], "created_at": format!("{date}T21:00:00+01:00"), "updated_at": format!("{date}T21:00:00+01:00"),
            })
        })
        .collect();
    let file = serde_json::json!({"format": "keel", "version": 1, "days": days, "weeks": [], "prompts": [], "settings": null});
    let journal = Journal::open(dir).unwrap();
    import(
        &journal,
        Source::Keel,
        file.to_string().as_bytes(),
        ImportOptions::default(),
        Local::now().fixed_offset(),
    )
    .unwrap();
}

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

fn dir_size(path: &Path) -> u64 {
    std::fs::read_dir(path)
        .map(|rd| {
            rd.flatten()
                .map(|e| {
                    if e.path().is_dir() {
                        dir_size(&e.path())
                    } else {
                        e.metadata().map(|m| m.len()).unwrap_or(0)
                    }
                })
                .sum()
        })
        .unwrap_or(0)
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
        let (common, nc) = median_ms(&keel, dir.path(), "forecast", runs);
        let (rare, nr) = median_ms(&keel, dir.path(), "sabbatical", runs);
        let (miss, _) = median_ms(&keel, dir.path(), "nothinglikethis", runs);
        let row = format!("| {n} | {build_s:.1} s | {size:.0} MiB | {common:.1} ms ({nc} results) | {rare:.1} ms ({nr} results) | {miss:.1} ms |\n");
        print!("{row}");
        table.push_str(&row);
    }
    let note = if sizes.contains(&100_000) {
        String::new()
    } else {
        "\nThis run stopped before 100,000 days (`KEEL_BENCH_SIZES`): see the note below the table.\n".to_owned()
    };
    let section = format!(
        "<!-- search:begin -->\n## Search: `keel search` as a whole process\n\nMeasured {} by `cargo build --release -p keel && cargo bench --bench search`: medians of 15 runs, process start to exit, release build, {} cores. Goal: under 50 ms at 100,000 days.\n\n{table}{note}\n<!-- search:end -->",
        Local::now().format("%Y-%m-%d"),
        std::thread::available_parallelism().map(|n| n.get()).unwrap_or(0)
    );
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/BENCHMARKS.md");
    let old = std::fs::read_to_string(&path).unwrap_or_default();
    let new = match (
        old.find("<!-- search:begin -->"),
        old.find("<!-- search:end -->"),
    ) {
        (Some(a), Some(b)) => format!(
            "{}{section}{}",
            &old[..a],
            &old[b + "<!-- search:end -->".len()..]
        ),
        _ => format!("{}\n\n{section}\n", old.trim_end()),
    };
    std::fs::write(&path, new).unwrap();
    eprintln!("wrote {}", path.display());
}
