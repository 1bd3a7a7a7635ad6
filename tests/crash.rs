//! Crash test of the core's save path: a child process saves pages with `Journal::save_day`
//! and prints each page's number once it has returned (the acknowledgement); the parent
//! SIGKILLs it at random moments, reopens the journal and checks every acknowledged page.
//! Every 20th save is followed by a fresh copy of the store (`Journal::compact`), so kills also
//! land in the middle of a copy and its swap; in every third cycle the first is a large
//! import instead (1,200 pages of old dates, written with the whole journal into a fresh
//! store), so kills land in the middle of that too, and no acknowledged page may be lost by it.
//! The harness (shared with the app's crash test) is `keel_test_support::crash`.
//!
//! Own `main` (`harness = false`). Cycles: `KEEL_CRASH_CYCLES` (default 60).

use keel_test_support::crash as harness;

use std::io::Write;
use std::path::Path;

use chrono::{DateTime, NaiveDate};
use keel::store::ImportBatch;
use keel::{DayEntry, DayPatch, Journal};

/// A large import: 1,200 pages of the 1800s (never a date the writer saves), each with a few
/// kilobytes of text, so it is large beside the store and goes into a fresh one.
fn large_import(now: DateTime<chrono::FixedOffset>) -> ImportBatch {
    let days = (0..1_200u64)
        .map(|i| {
            let date = NaiveDate::from_ymd_opt(1800, 1, 1).unwrap() + chrono::Days::new(i);
            let mut d = DayEntry::new(date, now);
            d.self_text = format!("imported page {i}: {}", "an old line of prose ".repeat(40));
            d
        })
        .collect();
    let marks = (0..1_200u64)
        .map(|i| {
            let date = NaiveDate::from_ymd_opt(1800, 1, 1).unwrap() + chrono::Days::new(i);
            (format!("crash:{i}"), date)
        })
        .collect();
    ImportBatch {
        days,
        marks,
        ..ImportBatch::default()
    }
}

fn writer(dir: &Path) -> ! {
    let journal = Journal::open(dir).expect("child opens the journal");
    let now = DateTime::parse_from_rfc3339("2026-11-28T12:00:00+00:00").unwrap();
    let mut stdout = std::io::stdout().lock();
    let pages = harness::child_pages();
    let importing = (pages.start / harness::PAGES_PER_CYCLE) % 3 == 2;
    for n in pages {
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
        if n % 20 == 19 && importing && n % harness::PAGES_PER_CYCLE == 19 {
            journal
                .apply_import(large_import(now))
                .expect("child imports");
        } else if n % 20 == 19 {
            journal.compact().expect("child makes a fresh copy");
        }
    }
    std::process::exit(0)
}

fn main() {
    harness::run("crash", 60, writer);
}
