//! Reminders through a real D-Bus: each test starts its own session bus (`dbus-daemon
//! --session`, what `dbus-run-session` starts) and, on it, a recording notification server
//! (`org.freedesktop.Notifications`, written here with zbus), then runs the real `keel remind`
//! against it. The server answers as a person would, by invoking one of the notification's
//! actions, and the journal is read back through `keel show`.
//!
//! The background timer's units are checked with `systemd-analyze verify` as well.

use std::path::Path;
use std::process::{Child, Command, Output, Stdio};

use chrono::Local;
use keel_test_support::notifications::Bus;

/// One person's journal and configuration folder, and `keel` run on them.
struct Scene {
    journal: tempfile::TempDir,
    config: tempfile::TempDir,
}

impl Scene {
    fn new() -> Scene {
        Scene {
            journal: tempfile::tempdir().unwrap(),
            config: tempfile::tempdir().unwrap(),
        }
    }

    fn dir(&self) -> &Path {
        self.journal.path()
    }

    /// `keel ARGS`, on `bus` (else on no bus at all).
    fn keel(&self, bus: Option<&Bus>, args: &[&str]) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_keel"));
        cmd.arg("--journal")
            .arg(self.dir())
            .args(args)
            .env_remove("KEEL_JOURNAL")
            .env("XDG_CONFIG_HOME", self.config.path())
            .env(
                "DBUS_SESSION_BUS_ADDRESS",
                bus.map_or("unix:path=/nonexistent", |b| b.address.as_str()),
            )
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        // English unless the journal's setting says otherwise.
        keel_test_support::in_locale(&mut cmd, "C.UTF-8");
        cmd
    }

    /// `keel ARGS` to its end, which must succeed; its output.
    #[track_caller]
    fn run(&self, args: &[&str]) -> String {
        ok(self.keel(None, args).output().unwrap())
    }

    /// `keel remind` on `bus`, left running (it waits for the answer).
    fn remind(&self, bus: &Bus) -> Child {
        self.keel(Some(bus), &["remind"]).spawn().unwrap()
    }

    /// The day's page as `keel show --json` prints it.
    fn day(&self, date: &str) -> serde_json::Value {
        serde_json::from_str(&self.run(&["show", date, "--json"])).unwrap()
    }

    /// End of work this very minute, every day a working day, reminders while Keel is closed
    /// on; returns today's date.
    fn due_now(&self) -> String {
        let now = keel_test_support::now_away_from_midnight();
        let end = now.format("%H:%M").to_string();
        self.run(&[
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
        ]);
        now.format("%Y-%m-%d").to_string()
    }
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

#[test]
fn the_end_of_work_notification_arrives_with_its_actions_and_done_for_today_keeps_the_boundary() {
    let bus = Bus::start();
    let me = Scene::new();
    let today = me.due_now();
    let dry = me.run(&["remind", "--dry-run"]);
    assert!(dry.contains("Due now: End of work"), "{dry}");

    let remind = me.remind(&bus);
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
    let day = me.day(&today);
    assert_eq!(day["boundary"], "kept", "{day}");
    assert_eq!(day["after_hours_minutes"], 0, "{day}");

    // Once a day: it does not come again.
    let again = ok(me.keel(Some(&bus), &["remind"]).output().unwrap());
    assert!(again.contains("Nothing is due now."), "{again}");
    assert!(bus.no_more_calls());
}

#[test]
fn still_working_is_recorded_as_work_running_over_and_a_snooze_moves_the_reminder() {
    let bus = Bus::start();
    let me = Scene::new();
    let today = me.due_now();
    let remind = me.remind(&bus);
    let call = bus.next_call();
    bus.invoke(call.id, "still-working");
    ok(remind.wait_with_output().unwrap());
    let day = me.day(&today);
    assert_eq!(day["boundary"], "broken", "{day}");
    assert_eq!(
        day["after_hours_minutes"],
        serde_json::Value::Null,
        "measured when done"
    );

    // A check-in reminder now, snoozed for half an hour: recorded in the file, not resent.
    let now = Local::now().format("%H:%M").to_string();
    me.run(&["settings", "set", "--remind-check-in", &now]);
    let remind = me.remind(&bus);
    let call = bus.next_call();
    assert_eq!(call.summary, "Check-in");
    bus.invoke(call.id, "snooze-30");
    let out = ok(remind.wait_with_output().unwrap());
    assert!(out.contains("Snoozed until"), "{out}");
    let file: serde_json::Value =
        serde_json::from_slice(&std::fs::read(me.dir().join("reminders.json")).unwrap()).unwrap();
    assert_eq!(file["ledger"]["snoozed"][0]["kind"], "check-in", "{file}");
    let dry = me.run(&["remind", "--dry-run"]);
    assert!(dry.contains("Nothing is due now."), "{dry}");
}

#[test]
fn while_the_app_is_open_keel_remind_leaves_the_reminding_to_it() {
    let me = Scene::new();
    me.due_now();
    let held = keel::remind::outside::hold_app_lock(me.dir())
        .unwrap()
        .unwrap();
    let out = me.run(&["remind"]);
    assert!(out.contains("Keel is open on this journal"), "{out}");
    drop(held);
}

#[test]
fn keel_remind_without_consent_sends_nothing_and_says_how_to_turn_it_on() {
    let me = Scene::new();
    me.run(&["settings", "set", "--remind-end-of-work", "on"]);
    assert!(!me.dir().join("reminders.json").exists());
    let out = me.run(&["remind"]);
    assert!(out.contains("keel settings set --background on"), "{out}");
}

#[test]
fn the_background_timer_passes_systemd_analyze_verify_and_goes_when_turned_off() {
    let me = Scene::new();
    me.due_now();
    let units = me.config.path().join("systemd/user");
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
    keel_test_support::assert_units_verify(&[&timer, &service]);
    me.run(&["settings", "set", "--background", "off"]);
    assert!(!timer.exists() && !service.exists());
    assert!(!me.dir().join("reminders.json").exists());
}

/// The language the person chose reaches the notifications sent while Keel is closed: the
/// reminder file carries it, since `keel remind` never opens the journal.
#[test]
fn a_journal_set_to_german_is_reminded_in_german() {
    let bus = Bus::start();
    let me = Scene::new();
    me.run(&["settings", "set", "--language", "de"]);
    me.due_now();
    let remind = me.remind(&bus);
    let call = bus.next_call();
    assert_eq!(call.summary, "Feierabend");
    assert!(
        call.body
            .contains(", der Feierabend, den du dir gesetzt hast."),
        "{}",
        call.body
    );
    assert_eq!(
        call.actions,
        [
            "default",
            "Heute öffnen",
            "done",
            "Fertig für heute",
            "still-working",
            "Ich arbeite noch",
            "snooze-30",
            "In 30 Minuten"
        ]
    );
    bus.invoke(call.id, "still-working");
    ok(remind.wait_with_output().unwrap());
}
