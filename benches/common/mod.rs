//! What the benchmarks share: a repeatable generator of pages that behave like real writing
//! (a 40,000-word vocabulary with Zipf frequencies and English word lengths, sentences, about
//! 170 words a page, Markdown, a tag, ratings), whole-process timing with peak memory, sizes on disk, and the writer of a
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

/// The most frequent words of English prose, in rank order (the head of the Zipf curve, which
/// carries about half of all running words).
const COMMON: &[&str] = &[
    "the", "and", "to", "of", "a", "I", "in", "was", "it", "that", "my", "for", "on", "with", "me",
    "but", "at", "is", "had", "we", "be", "so", "this", "not", "about", "all", "what", "were",
    "they", "from", "out", "when", "one", "up", "there", "she", "he", "after", "just", "day",
    "time", "work", "then", "have", "more", "like", "did", "been", "an", "or", "if", "today",
    "could", "would", "back", "how", "them", "some", "again", "still", "felt", "team", "meeting",
    "home", "because", "into", "get", "before", "long", "know", "think", "week", "much", "even",
    "said", "too", "call", "review", "numbers", "manager", "tired", "morning", "evening", "night",
    "walk", "sleep", "quiet", "friend", "family", "dinner", "plan", "quarter", "target", "deck",
    "email", "late", "focus", "calm", "tomorrow", "better", "hard", "good", "little", "first",
    "last", "made", "thought", "going", "never", "always", "head", "hours",
];

/// Words the search benchmarks look for: never drawn from the vocabulary.
const PLANTED: &[&str] = &["forecast", "sabbatical", "nothinglikethis"];

/// The number of distinct words (a few years of a person's writing use tens of thousands).
const VOCABULARY: usize = 40_000;

/// The vocabulary in rank order: `COMMON`, then pseudo-words built from English-like syllables,
/// their lengths drawn to match English word types (most 5 to 9 letters, a long tail).
fn vocabulary() -> &'static [String] {
    static WORDS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| {
        const ONSETS: &[&str] = &[
            "b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w",
            "y", "z", "br", "ch", "cl", "cr", "dr", "fl", "fr", "gl", "gr", "pl", "pr", "sc", "sh",
            "sl", "sm", "sn", "sp", "st", "str", "sw", "th", "tr", "wh", "", "", "",
        ];
        const VOWELS: &[&str] = &[
            "a", "e", "i", "o", "u", "ai", "ea", "ee", "ie", "oa", "oo", "ou", "y", "a", "e", "i",
            "o",
        ];
        const CODAS: &[&str] = &[
            "", "", "", "n", "r", "s", "t", "l", "m", "d", "ng", "nt", "st", "ck", "rd", "sh",
            "th", "nd", "ll", "ss", "x", "ft",
        ];
        const ENDINGS: &[&str] = &[
            "", "", "", "", "s", "ed", "ing", "ly", "er", "tion", "ness", "ment",
        ];
        let mut rng = Rng(0x005E_ED0F_F00D);
        let mut seen: std::collections::HashSet<String> =
            COMMON.iter().map(|w| w.to_string()).collect();
        let mut words: Vec<String> = COMMON.iter().map(|w| w.to_string()).collect();
        while words.len() < VOCABULARY {
            // One to four syllables: 1 (30%), 2 (40%), 3 (22%), 4 (8%).
            let syllables = match rng.next(100) {
                0..=29 => 1,
                30..=69 => 2,
                70..=91 => 3,
                _ => 4,
            };
            let mut w = String::new();
            for _ in 0..syllables {
                w.push_str(ONSETS[rng.next(ONSETS.len() as u64) as usize]);
                w.push_str(VOWELS[rng.next(VOWELS.len() as u64) as usize]);
                w.push_str(CODAS[rng.next(CODAS.len() as u64) as usize]);
            }
            w.push_str(ENDINGS[rng.next(ENDINGS.len() as u64) as usize]);
            if w.len() >= 2 && !PLANTED.contains(&w.as_str()) && seen.insert(w.clone()) {
                words.push(w);
            }
        }
        words
    })
}

/// Cumulative Zipf weights (exponent 1, as English prose), for drawing a word by rank.
fn zipf_cumulative() -> &'static [f64] {
    static CUM: std::sync::OnceLock<Vec<f64>> = std::sync::OnceLock::new();
    CUM.get_or_init(|| {
        let mut total = 0.0;
        (0..VOCABULARY)
            .map(|r| {
                total += 1.0 / (r as f64 + 1.0);
                total
            })
            .collect()
    })
}

/// One word drawn from the Zipf distribution over the vocabulary.
pub fn zipf_word(rng: &mut Rng) -> &'static str {
    let cum = zipf_cumulative();
    let u = (rng.next(1 << 53) as f64 / (1u64 << 53) as f64) * cum[cum.len() - 1];
    let rank = cum.partition_point(|&c| c < u).min(cum.len() - 1);
    &vocabulary()[rank]
}

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
    /// Prose like a person's: sentences of 5 to 24 words drawn from a 40,000-word Zipf
    /// vocabulary (60 to 300 words a page, about 170 on average), one **bold** word and one
    /// `#tag`; "forecast" on about one page in 50, "sabbatical" on about one in 1,000.
    pub text: String,
    pub stress: u64,
    pub resilience: u64,
    pub overlap: u64,
}

pub fn page(rng: &mut Rng, i: u64) -> Page {
    let n_words = 40 + rng.next(131) + rng.next(131);
    let mut words: Vec<String> = Vec::with_capacity(n_words as usize + 1);
    let mut left_in_sentence = 0;
    for _ in 0..n_words {
        let word = zipf_word(rng);
        if left_in_sentence == 0 {
            left_in_sentence = 5 + rng.next(20);
            let mut chars = word.chars();
            let first = chars
                .next()
                .map(|c| c.to_uppercase().collect::<String>())
                .unwrap_or_default();
            words.push(first + chars.as_str());
        } else {
            words.push(word.to_owned());
        }
        left_in_sentence -= 1;
        if left_in_sentence == 0 {
            words.last_mut().unwrap().push('.');
        } else if rng.next(12) == 0 {
            words.last_mut().unwrap().push(',');
        }
    }
    if rng.next(50) == 0 {
        words[3] = "forecast".into();
    }
    if rng.next(1000) == 0 {
        words[5] = "sabbatical".into();
    }
    let bold = 1 + rng.next(n_words - 1) as usize;
    let plain = words[bold].trim_end_matches(['.', ',']).to_owned();
    let mark = &words[bold][plain.len()..];
    words[bold] = format!("**{plain}**{mark}");
    if let Some(last) = words.last_mut() {
        if !last.ends_with('.') {
            last.push('.');
        }
    }
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

/// A whole number from the environment variable `name`, else `default`.
pub fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// The median and 95th percentile, in ms, of `runs` calls of `f(i)`, after one call (`f(runs)`)
/// that warms up and is not counted.
pub fn time_calls(runs: usize, mut f: impl FnMut(usize)) -> (f64, f64) {
    f(runs);
    let mut ms: Vec<f64> = (0..runs)
        .map(|i| {
            let t = Instant::now();
            f(i);
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    ms.sort_by(|a, b| a.partial_cmp(b).unwrap());
    (percentile(&ms, 0.5), percentile(&ms, 0.95))
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
    let (ms, out, _) = run_measured(cmd);
    (ms, out)
}

/// `run`, and the process's peak resident memory in KiB.
///
/// Measured by GNU time (`/usr/bin/time -f %M`), which forks the command itself: Linux carries
/// a process's high-water mark across fork and exec, so a command the benchmark (hundreds of
/// MiB of generated text) spawned directly would report the benchmark's own peak. GNU time is a
/// few hundred KiB, so what it reports is the command's. Its wall time is the benchmark's own
/// clock around it (GNU time adds well under a millisecond).
pub fn run_measured(cmd: &mut Command) -> (f64, String, u64) {
    run_measured_ok(cmd, &[0])
}

/// `run_measured`, with the exit codes that count as success (`grep -c` exits 1 on no match).
pub fn run_measured_ok(cmd: &mut Command, ok: &[i32]) -> (f64, String, u64) {
    let report = tempfile::NamedTempFile::new().unwrap();
    let mut timed = Command::new("/usr/bin/time");
    timed
        .arg("-f")
        .arg("%M")
        .arg("-o")
        .arg(report.path())
        .arg("--")
        .arg(cmd.get_program())
        .args(cmd.get_args());
    for (key, value) in cmd.get_envs() {
        match value {
            Some(v) => timed.env(key, v),
            None => timed.env_remove(key),
        };
    }
    if let Some(dir) = cmd.get_current_dir() {
        timed.current_dir(dir);
    }
    timed
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let t = Instant::now();
    let out = timed
        .output()
        .unwrap_or_else(|e| panic!("/usr/bin/time (Debian's time package) for {cmd:?}: {e}"));
    let ms = t.elapsed().as_secs_f64() * 1000.0;
    assert!(
        out.status.code().is_some_and(|c| ok.contains(&c)),
        "{cmd:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report = std::fs::read_to_string(report.path()).unwrap_or_default();
    let kib = report
        .lines()
        .filter_map(|l| l.trim().parse::<u64>().ok())
        .next_back()
        .unwrap_or_else(|| panic!("GNU time reported no peak memory for {cmd:?}: {report}"));
    (ms, String::from_utf8_lossy(&out.stdout).into_owned(), kib)
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
