//! Crash test: a child process saves pages in a loop and prints each date once `save_day` has
//! returned (the acknowledgement); the parent SIGKILLs it at random moments, reopens the journal
//! and checks that every acknowledged page is there, intact.
//!
//! It runs with its own `main` (`harness = false`): the same binary is the child when
//! `KEEL_CRASH_CHILD` names a journal folder. Cycles: `KEEL_CRASH_CYCLES` (default 60).
//! It prints the figures and a closing line `crash: N passed, M failed`.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use chrono::{DateTime, NaiveDate};
use keel::{DayPatch, Journal};
use rand::Rng;

const CHILD_ENV: &str = "KEEL_CRASH_CHILD";
const START_ENV: &str = "KEEL_CRASH_START";

fn base() -> NaiveDate {
    NaiveDate::from_ymd_opt(2000, 1, 1).unwrap()
}

/// What the child writes for page number `n`: text that proves which write it is.
fn patch_for(n: u64) -> DayPatch {
    DayPatch {
        role: Some(format!(
            "role side of page {n} — {}",
            "work ".repeat((n % 50) as usize)
        )),
        self_text: Some(format!("self side of page {n}")),
        stress: Some(Some((n % 10 + 1) as i64)),
        ..DayPatch::default()
    }
}

fn child(dir: &Path, start: u64) -> ! {
    let journal = Journal::open(dir).expect("child opens the journal");
    let now = DateTime::parse_from_rfc3339("2026-11-28T12:00:00+00:00").unwrap();
    let mut stdout = std::io::stdout().lock();
    for n in start.. {
        let date = base() + chrono::Days::new(n);
        journal
            .save_day(date, &patch_for(n), now)
            .expect("child saves");
        writeln!(stdout, "{n}").unwrap();
        stdout.flush().unwrap();
    }
    unreachable!("the child loops until it is killed")
}

fn main() {
    if let Some(dir) = std::env::var_os(CHILD_ENV) {
        let start = std::env::var(START_ENV).unwrap().parse().unwrap();
        child(Path::new(&dir), start);
    }
    let cycles: u64 = std::env::var("KEEL_CRASH_CYCLES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(60);
    let dir = tempfile::tempdir().unwrap();
    let exe = std::env::current_exe().unwrap();
    let mut rng = rand::rng();
    let mut acknowledged: BTreeMap<u64, ()> = BTreeMap::new();
    let mut lost = Vec::new();
    let mut failures = Vec::new();
    let started = Instant::now();

    for cycle in 0..cycles {
        let start = cycle * 1_000_000;
        let mut child = Command::new(&exe)
            .env(CHILD_ENV, dir.path())
            .env(START_ENV, start.to_string())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
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
                for &n in &acked {
                    let date = base() + chrono::Days::new(n);
                    let expected = patch_for(n);
                    match journal.day(date) {
                        Ok(Some(e))
                            if Some(&e.role) == expected.role.as_ref()
                                && Some(&e.self_text) == expected.self_text.as_ref()
                                && e.check_in.stress.map(i64::from)
                                    == expected.stress.flatten() => {}
                        other => lost.push(format!("cycle {cycle}: page {n} ({date}): {other:?}")),
                    }
                    acknowledged.insert(n, ());
                }
            }
        }
    }

    // One last reopen: every acknowledged page of every cycle is still there.
    let journal = Journal::open(dir.path()).expect("the journal opens after all cycles");
    for &n in acknowledged.keys() {
        if journal
            .day(base() + chrono::Days::new(n))
            .ok()
            .flatten()
            .is_none()
        {
            lost.push(format!("page {n} missing at the end"));
        }
    }

    println!(
        "crash test: {cycles} SIGKILL cycles, {} acknowledged saves, {} lost, {} journal open failures, {:.1} s",
        acknowledged.len(),
        lost.len(),
        failures.len(),
        started.elapsed().as_secs_f64()
    );
    for line in lost.iter().chain(&failures).take(20) {
        println!("  {line}");
    }
    let ok = lost.is_empty() && failures.is_empty() && !acknowledged.is_empty();
    if acknowledged.is_empty() {
        println!("  no save was acknowledged at all: the test proved nothing");
    }
    println!("crash: {} passed, {} failed", u8::from(ok), u8::from(!ok));
    std::process::exit(if ok { 0 } else { 1 });
}
