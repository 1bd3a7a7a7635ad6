//! What Keel's tests share, so no test file redefines it and no crate includes another's files
//! by path:
//! - `date`, `dates`, `instant`: fixed calendar dates and instants (time is an input);
//! - `scratch_journal`: an empty journal in a folder removed when the test ends;
//! - `crash`: the crash harness of the core's and the app's SIGKILL tests;
//! - `desktop` (feature `desktop`): the app on Tauri's mock runtime and an IPC call as the page
//!   makes it;
//! - `notifications` (feature `notifications`): a private session bus with a recording
//!   notification server, for the reminders' tests.
//!
//! The core's own unit tests use only the first three (they test `crate::Journal`, not this
//! crate's `keel::Journal`).

pub mod crash;
#[cfg(feature = "desktop")]
pub mod desktop;
#[cfg(feature = "notifications")]
pub mod notifications;

use chrono::{DateTime, FixedOffset, NaiveDate};

/// The date `YYYY-MM-DD` (a test's own literal: a bad one is a bug in the test).
pub fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_else(|e| panic!("“{s}”: {e}"))
}

/// `n` consecutive dates from `from`.
pub fn dates(from: &str, n: u64) -> impl Iterator<Item = NaiveDate> {
    let start = date(from);
    (0..n).map(move |i| start + chrono::Days::new(i))
}

/// The instant an RFC 3339 literal names, with its offset.
pub fn instant(rfc3339: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(rfc3339).unwrap_or_else(|e| panic!("“{rfc3339}”: {e}"))
}

/// An empty journal in a scratch folder; keep the folder as long as the journal.
pub fn scratch_journal() -> (tempfile::TempDir, keel::Journal) {
    let dir = tempfile::tempdir().expect("a scratch folder");
    let journal = keel::Journal::open(dir.path()).expect("a new journal opens");
    (dir, journal)
}

/// Runs `cmd` in the locale `lang` (`LANG`, with `LANGUAGE`, `LC_ALL` and `LC_MESSAGES`
/// unset): the machine's own locale never decides what a test reads. English is "C.UTF-8".
pub fn in_locale<'c>(
    cmd: &'c mut std::process::Command,
    lang: &str,
) -> &'c mut std::process::Command {
    cmd.env("LANG", lang)
        .env_remove("LANGUAGE")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
}

/// Now, local, at least a couple of minutes before midnight (it waits for the new day when
/// closer): a test that sets a reminder for "this minute" keeps the minute and the date together.
pub fn now_away_from_midnight() -> chrono::DateTime<chrono::Local> {
    use chrono::Timelike;
    let now = chrono::Local::now();
    if now.hour() == 23 && now.minute() >= 58 {
        let left = (59 - now.minute()) * 60 + (60 - now.second()) + 5;
        std::thread::sleep(std::time::Duration::from_secs(u64::from(left)));
        return chrono::Local::now();
    }
    now
}

/// Asserts that systemd accepts the unit files: `systemd-analyze verify` (without looking up
/// their man pages, which a test machine has not installed) exits 0 and says nothing at all, so a
/// warning (an unknown key, a bad value) fails too.
pub fn assert_units_verify(units: &[&std::path::Path]) {
    let out = std::process::Command::new("systemd-analyze")
        .args(["verify", "--man=no"])
        .args(units)
        .output()
        .expect("systemd-analyze runs (Debian's systemd package; make test installs it)");
    let complaints = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success() && complaints.trim().is_empty(),
        "systemd-analyze verify: {complaints}"
    );
}
