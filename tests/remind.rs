//! Reminders through a real D-Bus: each test starts its own session bus (`dbus-daemon
//! --session`, what `dbus-run-session` starts) and, on it, a recording notification server
//! (`org.freedesktop.Notifications`, written here with zbus), then runs the real `keel remind`
//! against it. The server answers as a person would, by invoking one of the notification's
//! actions, and the journal is read back through `keel show`.
//!
//! The background timer's units are checked with `systemd-analyze verify` as well.

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::Duration;

use chrono::{Local, Timelike};
use keel_test_support::notifications::Bus;

fn keel(journal: &Path, config: &Path, bus: Option<&str>, args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_keel"));
    cmd.arg("--journal")
        .arg(journal)
        .args(args)
        .env_remove("KEEL_JOURNAL")
        .env("XDG_CONFIG_HOME", config)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    match bus {
        Some(address) => cmd.env("DBUS_SESSION_BUS_ADDRESS", address),
        None => cmd.env("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent"),
    };
    cmd
}

#[track_caller]
fn ok(out: Output) -> String {
    assert!(
        out.status.success(),
        "exit {:?}: {}{}",
        out.status.code(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// A journal whose end of work is this very minute, on a working day, with reminders while
/// Keel is closed on; returns today's date. (Near midnight it waits for the new day, so the
/// minute and the date cannot part.)
fn journal_due_now(journal: &Path, config: &Path) -> String {
    let mut now = Local::now();
    if now.hour() == 23 && now.minute() >= 58 {
        let left = (59 - now.minute()) * 60 + (60 - now.second()) + 5;
        std::thread::sleep(Duration::from_secs(u64::from(left)));
        now = Local::now();
    }
    let end = now.format("%H:%M").to_string();
    ok(keel(
        journal,
        config,
        None,
        &[
            "settings",
            "set",
            "--end-of-work",
            &end,
            "--days-off",
            "none",
            "--remind-end-of-work",
            "on",
            "--background",
            "on",
        ],
    )
    .output()
    .unwrap());
    now.format("%Y-%m-%d").to_string()
}

#[test]
fn the_end_of_work_notification_arrives_with_its_actions_and_done_for_today_keeps_the_boundary() {
    let bus = Bus::start();
    let journal = tempfile::tempdir().unwrap();
    let config = tempfile::tempdir().unwrap();
    let today = journal_due_now(journal.path(), config.path());
    let dry = ok(keel(
        journal.path(),
        config.path(),
        None,
        &["remind", "--dry-run"],
    )
    .output()
    .unwrap());
    assert!(dry.contains("Due now: End of work"), "{dry}");

    let remind = keel(
        journal.path(),
        config.path(),
        Some(&bus.address),
        &["remind"],
    )
    .spawn()
    .unwrap();
    let call = bus.next_call();
    assert_eq!(call.app_name, "Keel");
    assert_eq!(call.summary, "End of work");
    assert!(
        call.body.ends_with(
            ", the end of work you set. Anything to put on the role side before you close it?"
        ),
        "{}",
        call.body
    );
    assert!(!call.body.contains('\n'), "one line of text");
    assert_eq!(
        call.actions,
        [
            "default",
            "Open today",
            "done",
            "Done for today",
            "still-working",
            "Still working",
            "snooze-30",
            "In 30 minutes"
        ]
    );
    bus.invoke(call.id, "done");
    let out = ok(remind.wait_with_output().unwrap());
    assert!(out.contains("Answered"), "{out}");

    // The next command that opens the journal writes the answer into the day.
    let show = ok(keel(
        journal.path(),
        config.path(),
        None,
        &["show", &today, "--json"],
    )
    .output()
    .unwrap());
    let day: serde_json::Value = serde_json::from_str(&show).unwrap();
    assert_eq!(day["boundary"], "kept", "{day}");
    assert_eq!(day["after_hours_minutes"], 0, "{day}");

    // Once a day: it does not come again.
    let again = ok(keel(
        journal.path(),
        config.path(),
        Some(&bus.address),
        &["remind"],
    )
    .output()
    .unwrap());
    assert!(again.contains("Nothing is due now."), "{again}");
    assert!(bus.no_more_calls());
}

#[test]
fn still_working_is_recorded_as_work_running_over_and_a_snooze_moves_the_reminder() {
    let bus = Bus::start();
    let journal = tempfile::tempdir().unwrap();
    let config = tempfile::tempdir().unwrap();
    let today = journal_due_now(journal.path(), config.path());
    let remind = keel(
        journal.path(),
        config.path(),
        Some(&bus.address),
        &["remind"],
    )
    .spawn()
    .unwrap();
    let call = bus.next_call();
    bus.invoke(call.id, "still-working");
    ok(remind.wait_with_output().unwrap());
    let day: serde_json::Value = serde_json::from_str(&ok(keel(
        journal.path(),
        config.path(),
        None,
        &["show", &today, "--json"],
    )
    .output()
    .unwrap()))
    .unwrap();
    assert_eq!(day["boundary"], "broken", "{day}");
    assert_eq!(
        day["after_hours_minutes"],
        serde_json::Value::Null,
        "measured when done"
    );

    // A check-in reminder now, snoozed for half an hour: recorded in the file, not resent.
    let now = Local::now().format("%H:%M").to_string();
    ok(keel(
        journal.path(),
        config.path(),
        None,
        &["settings", "set", "--remind-check-in", &now],
    )
    .output()
    .unwrap());
    let remind = keel(
        journal.path(),
        config.path(),
        Some(&bus.address),
        &["remind"],
    )
    .spawn()
    .unwrap();
    let call = bus.next_call();
    assert_eq!(call.summary, "Check-in");
    bus.invoke(call.id, "snooze-30");
    let out = ok(remind.wait_with_output().unwrap());
    assert!(out.contains("Snoozed until"), "{out}");
    let file: serde_json::Value =
        serde_json::from_slice(&std::fs::read(journal.path().join("reminders.json")).unwrap())
            .unwrap();
    assert_eq!(file["ledger"]["snoozed"][0]["kind"], "check-in", "{file}");
    let dry = ok(keel(
        journal.path(),
        config.path(),
        None,
        &["remind", "--dry-run"],
    )
    .output()
    .unwrap());
    assert!(dry.contains("Nothing is due now."), "{dry}");
}

#[test]
fn while_the_app_is_open_keel_remind_leaves_the_reminding_to_it() {
    let journal = tempfile::tempdir().unwrap();
    let config = tempfile::tempdir().unwrap();
    journal_due_now(journal.path(), config.path());
    let held = keel::remind::outside::hold_app_lock(journal.path())
        .unwrap()
        .unwrap();
    let out = ok(keel(journal.path(), config.path(), None, &["remind"])
        .output()
        .unwrap());
    assert!(out.contains("Keel is open on this journal"), "{out}");
    drop(held);
}

#[test]
fn keel_remind_without_consent_sends_nothing_and_says_how_to_turn_it_on() {
    let journal = tempfile::tempdir().unwrap();
    let config = tempfile::tempdir().unwrap();
    ok(keel(
        journal.path(),
        config.path(),
        None,
        &["settings", "set", "--remind-end-of-work", "on"],
    )
    .output()
    .unwrap());
    assert!(!journal.path().join("reminders.json").exists());
    let out = ok(keel(journal.path(), config.path(), None, &["remind"])
        .output()
        .unwrap());
    assert!(out.contains("keel settings set --background on"), "{out}");
}

#[test]
fn the_background_timer_passes_systemd_analyze_verify_and_goes_when_turned_off() {
    let journal = tempfile::tempdir().unwrap();
    let config = tempfile::tempdir().unwrap();
    journal_due_now(journal.path(), config.path());
    let units = config.path().join("systemd/user");
    let timer = units.join("keel-remind.timer");
    let service = units.join("keel-remind.service");
    assert!(units
        .join("timers.target.wants/keel-remind.timer")
        .is_file());
    let service_text = std::fs::read_to_string(&service).unwrap();
    assert!(
        service_text.contains(&format!("ExecStart=\"{}\"", env!("CARGO_BIN_EXE_keel"))),
        "{service_text}"
    );
    let out = Command::new("systemd-analyze")
        .args(["verify", "--man=no"])
        .arg(&timer)
        .arg(&service)
        .output()
        .expect("systemd-analyze runs (Debian's systemd package; make test installs it)");
    let complaints = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success() && complaints.trim().is_empty(),
        "{complaints}"
    );
    ok(keel(
        journal.path(),
        config.path(),
        None,
        &["settings", "set", "--background", "off"],
    )
    .output()
    .unwrap());
    assert!(!timer.exists() && !service.exists());
    assert!(!journal.path().join("reminders.json").exists());
}
