//! The crash harness shared by the core's crash test (`tests/crash.rs`) and the app's
//! (`src-tauri/tests/app_crash.rs`).
//!
//! A child process saves pages in a loop and prints each page's number once the save has been
//! acknowledged; the parent SIGKILLs it at random moments, reopens the journal and checks that
//! every acknowledged page is there, intact. The binary is its own child: `run` calls the given
//! writer when `KEEL_CRASH_CHILD` names a journal folder. Cycles: `KEEL_CRASH_CYCLES`.
//! It prints the figures and a closing line `crash: N passed, M failed`.

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use keel::Journal;
use rand::Rng;

pub const CHILD_ENV: &str = "KEEL_CRASH_CHILD";
pub const START_ENV: &str = "KEEL_CRASH_START";
/// When set, the child stops after this many acknowledged saves (for the strace check).
pub const SAVES_ENV: &str = "KEEL_CRASH_SAVES";
/// Page numbers per cycle: a child writes at most this many (a save takes well over the 0.25 ms
/// this allows in the longest cycle), so every cycle writes its own dates and 2,900 cycles stay
/// before the year 9999.
pub const PAGES_PER_CYCLE: u64 = 1_000;

/// What the writer saves as page number `n`: text that proves which write it is.
pub struct Page {
    pub date: NaiveDate,
    pub role: String,
    pub self_text: String,
    pub stress: u8,
}

pub fn page(n: u64) -> Page {
    Page {
        date: NaiveDate::from_ymd_opt(2000, 1, 1).unwrap() + chrono::Days::new(n),
        role: format!(
            "role side of page {n} — {}",
            "work ".repeat((n % 50) as usize)
        ),
        self_text: format!("self side of page {n}"),
        stress: (n % 10 + 1) as u8,
    }
}

/// The page numbers a child writes: from `KEEL_CRASH_START`, for `KEEL_CRASH_SAVES` pages or
/// until it is killed (or has written its cycle's share, which the parent reports as a failure).
pub fn child_pages() -> std::ops::Range<u64> {
    let start: u64 = std::env::var(START_ENV).unwrap().parse().unwrap();
    let count = std::env::var(SAVES_ENV)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(PAGES_PER_CYCLE);
    start..start + count
}

/// Starts this binary as the writer child.
pub fn spawn_child(dir: &Path, start: u64, saves: Option<u64>, wrapper: &[&str]) -> Child {
    let exe = std::env::current_exe().unwrap();
    let mut cmd = match wrapper.split_first() {
        Some((program, args)) => {
            let mut c = Command::new(program);
            c.args(args).arg(&exe);
            c
        }
        None => Command::new(&exe),
    };
    cmd.env(CHILD_ENV, dir).env(START_ENV, start.to_string());
    if let Some(n) = saves {
        cmd.env(SAVES_ENV, n.to_string());
    }
    cmd.stdout(Stdio::piped()).spawn().unwrap()
}

/// Runs the whole test: the child when this process is one, else `cycles` SIGKILL cycles.
pub fn run(name: &str, default_cycles: u64, writer: fn(&Path) -> !) {
    if let Some(dir) = std::env::var_os(CHILD_ENV) {
        writer(Path::new(&dir));
    }
    let cycles: u64 = std::env::var("KEEL_CRASH_CYCLES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default_cycles);
    let dir = tempfile::tempdir().unwrap();
    let mut rng = rand::rng();
    let mut acknowledged = BTreeSet::new();
    let mut lost = Vec::new();
    let mut failures = Vec::new();
    let (mut replayed, mut opens_replaying) = (0, 0);
    let started = Instant::now();

    for cycle in 0..cycles {
        let mut child = spawn_child(dir.path(), cycle * PAGES_PER_CYCLE, None, &[]);
        let out = child.stdout.take().unwrap();
        let reader = std::thread::spawn(move || {
            BufReader::new(out)
                .lines()
                .map_while(Result::ok)
                .filter_map(|l| l.parse::<u64>().ok())
                .collect::<Vec<_>>()
        });
        // Anywhere from during start-up to well into the write loop.
        std::thread::sleep(Duration::from_millis(rng.random_range(10..250)));
        child.kill().unwrap(); // SIGKILL on Unix
        let status = child.wait().unwrap();
        if status.success() {
            failures.push(format!(
                "cycle {cycle}: the child exited by itself ({status})"
            ));
        }
        let acked = reader.join().unwrap();

        match Journal::open(dir.path()) {
            Err(e) => failures.push(format!("cycle {cycle}: the journal did not open: {e}")),
            Ok(journal) => {
                let frames = journal.replayed_at_open();
                replayed += frames;
                opens_replaying += usize::from(frames > 0);
                for &n in &acked {
                    if let Err(why) = check_page(&journal, n) {
                        lost.push(format!("cycle {cycle}: {why}"));
                    }
                    acknowledged.insert(n);
                }
            }
        }
    }

    // One last reopen: every acknowledged page of every cycle is still there.
    let journal = Journal::open(dir.path()).expect("the journal opens after all cycles");
    for &n in &acknowledged {
        if let Err(why) = check_page(&journal, n) {
            lost.push(format!("at the end: {why}"));
        }
    }

    println!(
        "{name}: {cycles} SIGKILL cycles, {} acknowledged saves, {} lost, {} journal open failures, {:.1} s",
        acknowledged.len(),
        lost.len(),
        failures.len(),
        started.elapsed().as_secs_f64()
    );
    // A kill between two checkpoints leaves saves that only the redo log holds.
    println!(
        "{name}: {opens_replaying} of {cycles} opens after a kill applied the redo log again \
         ({replayed} frames in all)"
    );
    for line in lost.iter().chain(&failures).take(20) {
        println!("  {line}");
    }
    let ok = lost.is_empty() && failures.is_empty() && !acknowledged.is_empty();
    if acknowledged.is_empty() {
        println!("  no save was acknowledged at all: the test proved nothing");
    }
    println!("{name}: {} passed, {} failed", u8::from(ok), u8::from(!ok));
    if !ok {
        std::process::exit(1);
    }
}

/// Page `n` is stored exactly as written.
pub fn check_page(journal: &Journal, n: u64) -> Result<(), String> {
    let expected = page(n);
    match journal.day(expected.date) {
        Ok(Some(e))
            if e.role == expected.role
                && e.self_text == expected.self_text
                && e.check_in.stress == Some(expected.stress) =>
        {
            Ok(())
        }
        other => Err(format!("page {n} ({}): {other:?}", expected.date)),
    }
}
