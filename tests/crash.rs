//! Crash test of the core's save path: a child process saves pages with `Journal::save_day`
//! and prints each page's number once it has returned (the acknowledgement); the parent
//! SIGKILLs it at random moments, reopens the journal and checks every acknowledged page.
//! Every 20th save is followed by a fresh copy of the store (`Journal::compact`), so kills also
//! land in the middle of a copy and its swap.
//! The harness (shared with the app's crash test) is `keel_test_support::crash`.
//!
//! Own `main` (`harness = false`). Cycles: `KEEL_CRASH_CYCLES` (default 60).

use keel_test_support::crash as harness;

use std::io::Write;
use std::path::Path;

use chrono::DateTime;
use keel::{DayPatch, Journal};

fn writer(dir: &Path) -> ! {
    let journal = Journal::open(dir).expect("child opens the journal");
    let now = DateTime::parse_from_rfc3339("2026-11-28T12:00:00+00:00").unwrap();
    let mut stdout = std::io::stdout().lock();
    for n in harness::child_pages() {
        let page = harness::page(n);
        let patch = DayPatch {
            role: Some(page.role),
            self_text: Some(page.self_text),
            stress: Some(Some(i64::from(page.stress))),
            ..DayPatch::default()
        };
        journal
            .save_day(page.date, &patch, now)
            .expect("child saves");
        writeln!(stdout, "{n}").unwrap();
        stdout.flush().unwrap();
        if n % 20 == 19 {
            journal.compact().expect("child makes a fresh copy");
        }
    }
    std::process::exit(0)
}

fn main() {
    harness::run("crash", 60, writer);
}
