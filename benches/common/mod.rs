//! What the benchmarks share: a repeatable generator of realistic pages (about 150 words of
//! Markdown with tags and ratings), whole-process timing, sizes on disk, and the writer of a
//! benchmark's own section of docs/BENCHMARKS.md. Included by path (`#[path]`) from each
//! benchmark and from the test that runs the comparison benchmark on a tiny size.

#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

use chrono::NaiveDate;

/// The last day of every generated journal; page `i` is `i` days before it.
pub fn last_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()
}

const WORDS: &[&str] = &[
    "the", "and", "a", "to", "of", "in", "I", "was", "it", "for", "on", "with", "team", "meeting",
    "numbers", "review", "target", "quarter", "plan", "call", "email", "deck", "late", "again",
    "today", "tomorrow", "walk", "home", "dinner", "sleep", "tired", "calm", "focus", "manager",
    "roadmap", "launch", "customer", "question", "answer", "river", "garden", "book", "music",
    "friend", "sister", "coffee", "morning", "evening", "weekend",
];

pub const TAGS: &[&str] = &["wbr", "family", "q4", "health"];

/// xorshift: the same journal for the same seed on every machine.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self, m: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % m
    }
}

/// One generated day.
pub struct Page {
    pub date: NaiveDate,
    /// "Day N." and about 150 words of Markdown with one `#tag`; "forecast" on about one page in 50,
    /// "sabbatical" on about one in 1,000.
    pub text: String,
    pub stress: u64,
    pub resilience: u64,
    pub overlap: u64,
}

pub fn page(rng: &mut Rng, i: u64) -> Page {
    let mut words: Vec<String> = (0..150)
        .map(|_| WORDS[rng.next(WORDS.len() as u64) as usize].to_string())
        .collect();
    if rng.next(50) == 0 {
        words[10] = "forecast".into();
    }
    if rng.next(1000) == 0 {
        words[20] = "sabbatical".into();
    }
    words[0] = format!("Day {i}.");
    words[6] = format!("**{}**", words[6]);
    words.push(format!("#{}", TAGS[rng.next(TAGS.len() as u64) as usize]));
    Page {
        date: last_day() - chrono::Days::new(i),
        text: words.join(" "),
        stress: rng.next(10) + 1,
        resilience: rng.next(10) + 1,
        overlap: rng.next(7) + 1,
    }
}

/// The `n` pages of the journal of size `n`, newest first.
pub fn pages(n: u64) -> Vec<Page> {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ n);
    (0..n).map(|i| page(&mut rng, i)).collect()
}

/// The pages as a Keel JSON export (the "What I do" side, with ratings).
pub fn keel_json(pages: &[Page]) -> String {
    let days: Vec<serde_json::Value> = pages
        .iter()
        .map(|p| {
            let at = format!("{}T21:00:00+01:00", p.date);
            serde_json::json!({
                "date": p.date.to_string(), "role": p.text, "self": "", "stress": p.stress,
                "resilience": p.resilience, "overlap": p.overlap, "boundary": "kept",
                "after_hours_minutes": 0, "tags": [], "prompt_ids": [],
                "created_at": at, "updated_at": at,
            })
        })
        .collect();
    serde_json::json!({"format": "keel", "version": 1, "days": days, "weeks": [],
                       "prompts": [], "settings": null})
    .to_string()
}

/// The pages as jrnl's JSON export (`jrnl --export json`): what `keel import --from jrnl`
/// reads.
pub fn jrnl_json(pages: &[Page]) -> String {
    let entries: Vec<serde_json::Value> = pages
        .iter()
        .rev()
        .map(|p| {
            let (title, body) = split_title(&p.text);
            let tags: Vec<String> = tags_of(&p.text);
            serde_json::json!({"title": title, "body": body, "date": p.date.to_string(),
                               "time": "21:00", "tags": tags, "starred": false})
        })
        .collect();
    serde_json::json!({"tags": {}, "entries": entries}).to_string()
}

/// The pages as a jrnl journal file (jrnl's own plain-text format, `timeformat: "%F %r"`),
/// oldest first as jrnl writes it.
pub fn jrnl_text(pages: &[Page]) -> String {
    let mut out = String::new();
    for p in pages.iter().rev() {
        let (title, body) = split_title(&p.text);
        out.push_str(&format!("[{} 09:00:00 PM] {title}\n{body}\n\n", p.date));
    }
    out
}

fn split_title(text: &str) -> (String, String) {
    match text.split_once(". ") {
        Some((title, body)) => (format!("{title}."), body.to_owned()),
        None => (text.to_owned(), String::new()),
    }
}

fn tags_of(text: &str) -> Vec<String> {
    text.split_whitespace()
        .filter(|w| w.starts_with('#') && w.len() > 1)
        .map(str::to_owned)
        .collect()
}

/// Bytes of text the pages hold (what a plain-text journal of them would at least be).
pub fn text_bytes(pages: &[Page]) -> u64 {
    pages.iter().map(|p| p.text.len() as u64).sum()
}

/// Imports `pages` into a new journal at `dir` through the library (what `keel import` does).
pub fn build(dir: &Path, n: u64) {
    let journal = keel::Journal::open(dir).unwrap();
    keel::interchange::import(
        &journal,
        keel::interchange::Source::Keel,
        keel_json(&pages(n)).as_bytes(),
        keel::interchange::ImportOptions::default(),
        chrono::Local::now().fixed_offset(),
    )
    .unwrap();
}

pub fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

pub fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(|a, b| a.partial_cmp(b).unwrap());
    percentile(&xs, 0.5)
}

/// Runs `cmd` to its end with its output discarded (or kept, to count lines) and returns the
/// wall time in milliseconds and standard output. Panics with the command's standard error
/// when it fails: a benchmark of a failing command would measure nothing.
pub fn run(cmd: &mut Command) -> (f64, String) {
    cmd.stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let t = Instant::now();
    let out = cmd.output().unwrap_or_else(|e| panic!("{cmd:?}: {e}"));
    let ms = t.elapsed().as_secs_f64() * 1000.0;
    assert!(
        out.status.success(),
        "{cmd:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    (ms, String::from_utf8_lossy(&out.stdout).into_owned())
}

/// The bytes of every file under `path`.
pub fn dir_size(path: &Path) -> u64 {
    match std::fs::metadata(path) {
        Ok(m) if m.is_file() => m.len(),
        Ok(_) => std::fs::read_dir(path)
            .map(|rd| rd.flatten().map(|e| dir_size(&e.path())).sum())
            .unwrap_or(0),
        Err(_) => 0,
    }
}

/// Replaces the section between `<!-- name:begin -->` and `<!-- name:end -->` of
/// docs/BENCHMARKS.md with `body` (adding it at the end the first time).
pub fn write_section(name: &str, body: &str) {
    let (begin, end) = (
        format!("<!-- {name}:begin -->"),
        format!("<!-- {name}:end -->"),
    );
    let section = format!("{begin}\n{}\n{end}", body.trim_end());
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/BENCHMARKS.md");
    let old = std::fs::read_to_string(&path).unwrap_or_default();
    let new = match (old.find(&begin), old.find(&end)) {
        (Some(a), Some(b)) => format!("{}{section}{}", &old[..a], &old[b + end.len()..]),
        _ => format!("{}\n\n{section}\n", old.trim_end()),
    };
    std::fs::write(&path, new).unwrap();
    eprintln!("wrote the {name} section of {}", path.display());
}

/// "<CPU model>, <n> cores", from /proc/cpuinfo.
pub fn machine() -> String {
    let model = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|c| {
            c.lines()
                .find(|l| l.starts_with("model name"))
                .map(|l| l.split(':').nth(1).unwrap_or("").trim().to_owned())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let cores = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(0);
    format!("{model}, {cores} cores")
}
