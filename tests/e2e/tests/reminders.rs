//! Reminders in the real window: the Settings section turns reminders on, the "Remind me while
//! Keel is closed" switch installs the systemd user timer (validated with `systemd-analyze
//! verify`) and removes it; and the app's own scheduler sends the end-of-work notification over
//! a private session bus to a recording server, whose "Still working" and then the page's "Done
//! for today" reach the day.

use std::ffi::OsStr;

use chrono::Timelike;
use keel::model::Settings;
use keel::Journal;
use keel_e2e::{run, App};
use keel_test_support::notifications::Bus;

#[test]
fn the_settings_switch_installs_the_background_timer_and_removes_it() {
    run(|journal| async move {
        let config = tempfile::tempdir().unwrap();
        let app =
            App::launch_with(&journal, &[("XDG_CONFIG_HOME", config.path().as_os_str())]).await;
        app.js("location.hash = '#/settings'").await;
        app.by_testid("reminders-card").await;
        app.click("remind-end-of-work").await;
        app.click("remind-check-in").await;
        app.wait_saved().await;
        app.click("remind-background").await;
        app.wait_for(
            "the switch to say the timer is on",
            "return document.querySelector('[data-testid=remind-background-status]').textContent.startsWith('On')",
        )
        .await;
        app.js("document.querySelector('[data-testid=reminders-card]').scrollIntoView()")
            .await;
        app.screenshot("settings-reminders").await;

        let units = config.path().join("systemd/user");
        let timer = units.join("keel-remind.timer");
        let service = units.join("keel-remind.service");
        assert!(
            timer.is_file() && service.is_file(),
            "the Settings switch wrote the units"
        );
        assert!(
            units
                .join("timers.target.wants/keel-remind.timer")
                .is_file(),
            "and enabled the timer"
        );
        keel_test_support::assert_units_verify(&[&timer, &service]);
        let file = journal.join("reminders.json");
        assert!(
            file.is_file(),
            "the file the timer reads is kept, with consent"
        );
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(text.contains("\"check_in\": \"21:00:00\""), "{text}");

        app.click("remind-background").await;
        app.wait_for(
            "the switch to say the timer is off",
            "return document.querySelector('[data-testid=remind-background-status]').textContent.startsWith('Off')",
        )
        .await;
        assert!(
            !timer.exists() && !service.exists(),
            "turned off, the units are gone"
        );
        assert!(!file.exists(), "and so is the file");
        app.quit(&journal).await;

        let s = Journal::open(&journal).unwrap().settings().unwrap();
        assert!(s.reminders.end_of_work);
        assert_eq!(
            s.reminders
                .check_in
                .map(|t| t.format("%H:%M").to_string())
                .as_deref(),
            Some("21:00")
        );
        assert!(!s.reminders.background);
    });
}

#[test]
fn the_app_reminds_at_the_end_of_work_and_still_working_then_done_measures_the_overrun() {
    run(|journal| async move {
        let bus = Bus::start();
        // The end of work is this minute, every day a working day.
        let now = keel_test_support::now_away_from_midnight();
        {
            let j = Journal::open(&journal).unwrap();
            let mut s: Settings = j.settings().unwrap();
            s.end_of_work = now
                .time()
                .with_second(0)
                .unwrap()
                .with_nanosecond(0)
                .unwrap();
            s.days_off = Vec::new();
            s.reminders.end_of_work = true;
            j.put_settings(&s).unwrap();
        }
        let today = now.format("%Y-%m-%d").to_string();
        let config = tempfile::tempdir().unwrap();
        let app = App::launch_with(
            &journal,
            &[
                ("XDG_CONFIG_HOME", config.path().as_os_str()),
                ("DBUS_SESSION_BUS_ADDRESS", OsStr::new(&bus.address)),
            ],
        )
        .await;
        app.wait_for_day(&today).await;
        app.by_testid("work-still").await;

        let call = bus.next_call();
        assert_eq!(call.summary, "End of work");
        assert!(
            call.actions.contains(&"still-working".to_owned()),
            "{:?}",
            call.actions
        );
        bus.invoke(call.id, "still-working");

        // The answer reaches the open page: work ran over, and a way to say done.
        app.wait_for(
            "the page to show work running over",
            "const s = document.querySelector('[data-testid=still-working]'); return !!s && document.querySelector('[data-testid=boundary-broken] input').checked",
        )
        .await;
        app.click("work-done").await;
        app.wait_for(
            "the minutes after the end of work",
            "return document.querySelector('[data-testid=after-hours]').value !== '' && document.querySelector('[data-testid=work-end]').hidden",
        )
        .await;
        assert!(bus.no_more_calls(), "one reminder, once");
        app.quit(&journal).await;

        let j = Journal::open(&journal).unwrap();
        let day = j
            .day(now.date_naive())
            .unwrap()
            .expect("the answer made the day");
        assert_eq!(day.check_in.boundary, Some(keel::model::Boundary::Broken));
        let minutes = day.check_in.after_hours_minutes.expect("measured");
        assert!(
            minutes <= 5,
            "measured from the end of work a moment ago: {minutes}"
        );
    });
}
