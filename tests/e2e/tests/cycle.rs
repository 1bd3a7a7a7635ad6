//! Values, the work cycle's events and the first-run welcome in the real window.

use chrono::{Local, NaiveDate};
use keel::{CheckIn, DayEntry, Journal};
use keel_e2e::{run, run_new, App};

#[test]
fn the_welcome_leads_from_an_empty_journal_to_todays_page_with_the_choices_saved() {
    run_new(|journal| async move {
        let app = App::launch(&journal).await;
        app.by_testid("welcome-step-0").await;
        app.screenshot("welcome").await;
        app.click("welcome-next").await;

        // The working week: end of work 17:30, Wednesday a review day too.
        app.by_testid("welcome-step-1").await;
        app.js("document.querySelector('[data-testid=setting-end-of-work]').value = '17:30'")
            .await;
        app.choose("setting-reflection-day", "thu").await;
        app.click("setting-review-wed").await;
        app.click("welcome-next").await;

        // Reminders: the end of work only, at the new time.
        app.by_testid("welcome-step-2").await;
        app.wait_for(
            "the reminder to name the new end of work",
            "return document.getElementById('remind-end-of-work-hint').textContent.includes('17:30')",
        )
        .await;
        app.click("remind-end-of-work").await;
        app.click("welcome-next").await;

        // Values, in the person's words.
        app.by_testid("welcome-step-3").await;
        app.type_into("value-name-0", "Present with my family")
            .await;
        app.type_into("value-practice-0", "Phone away at dinner")
            .await;
        app.type_into("value-name-1", "Honest when the numbers are bad")
            .await;
        app.type_into("value-name-2", "Rested").await;
        app.screenshot("welcome-values").await;
        app.click("welcome-next").await;

        // No passphrase this time: straight to today's page.
        app.by_testid("welcome-step-4").await;
        app.click("welcome-skip").await;
        app.by_testid("day-title").await;
        app.wait_for(
            "the boundary question with the new end of work",
            "return document.querySelector('.boundary legend').textContent.includes('17:30')",
        )
        .await;
        app.quit(&journal).await;

        let j = Journal::open(&journal).unwrap();
        let s = j.settings().unwrap();
        assert_eq!(s.end_of_work.format("%H:%M").to_string(), "17:30");
        assert_eq!(s.reflection_day, chrono::Weekday::Thu);
        assert!(s.review_days.contains(&chrono::Weekday::Wed));
        assert!(
            s.reminders.end_of_work,
            "the reminder chosen in the welcome"
        );
        assert_eq!(s.reminders.check_in, None, "the others stay off");
        let names: Vec<String> = j
            .values()
            .unwrap()
            .active()
            .map(|v| v.name.clone())
            .collect();
        assert_eq!(
            names,
            [
                "Present with my family",
                "Honest when the numbers are bad",
                "Rested"
            ]
        );
        assert_eq!(
            j.values().unwrap().values[0].practice,
            "Phone away at dinner"
        );
        assert!(!j.needs_welcome().unwrap());
        drop(j);

        // Once done, the app opens on today's page.
        let app = App::launch(&journal).await;
        app.by_testid("day-title").await;
        let welcome = app
            .js("return !!document.querySelector('[data-testid=welcome]')")
            .await;
        assert_eq!(welcome, false);
        app.quit(&journal).await;
    });
}

#[test]
fn a_value_named_in_settings_is_tested_on_the_weeks_page_and_shown_on_trends() {
    run(|journal| async move {
        let app = App::launch(&journal).await;
        app.click("nav-settings").await;
        app.by_testid("values-card").await;
        // About: the version and where the journal lives.
        let about = app
            .js("return document.querySelector('[data-testid=about]').textContent")
            .await;
        let about = about.as_str().unwrap().to_owned();
        assert!(
            about.contains(&format!("Keel {}", env!("CARGO_PKG_VERSION"))),
            "{about}"
        );
        assert!(about.contains(&journal.display().to_string()), "{about}");
        for (i, name) in ["Kind", "Brave in small ways", "Rested"].iter().enumerate() {
            app.type_into(&format!("value-name-{i}"), name).await;
        }
        app.click("values-save").await;
        app.wait_for(
            "the values saved",
            "return document.querySelector('[data-testid=values-status]').textContent.startsWith('Saved 3 values')",
        )
        .await;

        // This week's page asks about each; "Brave" held this week, with a line of why.
        app.js("location.hash = '#/week'").await;
        app.by_testid("week-values").await;
        app.click("value-2-held").await;
        app.type_into("value-2-why", "Said no to the Sunday deck")
            .await;
        app.click("value-3-bent").await;
        app.wait_saved().await;
        app.screenshot("week-values").await;

        app.click("nav-trends").await;
        app.wait_for(
            "the value's row on Trends",
            "const r = document.querySelector('[data-testid=value-history-2]'); return !!r && r.textContent.includes('1 held') && r.textContent.includes('Brave in small ways')",
        )
        .await;
        let rested = app
            .js("return document.querySelector('[data-testid=value-history-3]').textContent")
            .await;
        assert!(rested.as_str().unwrap().contains("1 bent"), "{rested}");
        app.quit(&journal).await;

        let j = Journal::open(&journal).unwrap();
        let week = j.week_containing(Local::now().date_naive()).unwrap();
        let checks = j.week(week).unwrap().unwrap().values;
        assert_eq!(checks.len(), 2);
        assert_eq!(checks[0].value, 2);
        assert_eq!(checks[0].why, "Said no to the Sunday deck");
    });
}

#[test]
fn an_event_added_on_the_calendar_is_a_marker_on_the_trend_chart() {
    run(|journal| async move {
        let today = Local::now().date_naive();
        let review: NaiveDate = today - chrono::Days::new(10);
        {
            let j = Journal::open(&journal).unwrap();
            let now = Local::now().fixed_offset();
            for i in 0..40u64 {
                let mut d = DayEntry::new(today - chrono::Days::new(i), now);
                d.check_in = CheckIn {
                    stress: Some((i % 9 + 1) as u8),
                    ..CheckIn::default()
                };
                j.put_day(&d).unwrap();
            }
        }
        let app = App::launch(&journal).await;
        app.click("nav-library").await;
        app.by_testid("event-form").await;
        app.js(&format!(
            "document.querySelector('[data-testid=event-start]').value = '{review}'"
        ))
        .await;
        app.choose("event-kind", "review").await;
        app.type_into("event-note", "H2 calibration with the new director")
            .await;
        app.click("event-add").await;
        app.wait_for(
            "the event in the calendar's list",
            "return [...document.querySelectorAll('[data-testid=event-item]')].some((e) => e.textContent.includes('H2 calibration'))",
        )
        .await;
        // The calendar marks its day (when the review falls in the month shown).
        let marked = app
            .js(&format!("const c = document.querySelector('[data-date=\"{review}\"]'); return !c || c.classList.contains('has-event')"))
            .await;
        assert_eq!(marked, true);

        app.click("nav-trends").await;
        app.wait_for(
            "the review's marker with its note",
            "const m = document.querySelector('.event-marker[data-kind=review]'); return !!m && m.querySelector('title').textContent.includes('H2 calibration with the new director')",
        )
        .await;
        app.wait_for(
            "the review's comparison",
            "const c = document.querySelector('[data-testid=comparison-stress_before_review]'); return !!c && c.textContent.includes('in the 14 days before a performance review')",
        )
        .await;
        app.screenshot("trends-events").await;
        app.quit(&journal).await;

        let events = Journal::open(&journal).unwrap().events().unwrap();
        assert_eq!(events.len(), 1);
        assert_eq!(events[0].start, review);
        assert_eq!(events[0].kind.as_str(), "review");
    });
}
