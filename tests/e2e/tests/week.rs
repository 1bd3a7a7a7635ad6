//! The weekly reflection in the real window: a week of days summed up on the week's page,
//! the ledger and the boundary written and found again after a relaunch, and next week's page
//! asking whether the boundary held.

use chrono::DateTime;
use keel::{DayPatch, Journal};
use keel_e2e::{run, App};
use keel_test_support::date;
use serde_json::json;

#[test]
fn a_week_is_summed_up_reflected_on_and_its_boundary_carried_to_the_next() {
    run(|journal| async move {
        {
            let j = Journal::open(&journal).unwrap();
            let now = DateTime::parse_from_rfc3339("2026-11-26T21:00:00+01:00").unwrap();
            for (d, stress, role) in [
                (
                    "2026-11-23",
                    8,
                    "Weekly business review. The forecast was questioned.",
                ),
                ("2026-11-24", 6, "Second review day."),
                ("2026-11-25", 3, "Quiet planning."),
            ] {
                let patch = DayPatch {
                    role: Some(role.into()),
                    stress: Some(Some(stress)),
                    boundary: Some(Some(if stress > 5 {
                        keel::Boundary::Broken
                    } else {
                        keel::Boundary::Kept
                    })),
                    after_hours_minutes: Some(Some(if stress > 5 { 60 } else { 0 })),
                    ..DayPatch::default()
                };
                j.save_day(date(d), &patch, now).unwrap();
            }
        }
        let app = App::launch(&journal).await;
        // Friday, the reflection day: check in through the page.
        app.open_day("2026-11-27").await;
        app.type_into("role-editor", "Board deck due; stayed late again.")
            .await;
        app.click("stress-9").await;
        app.click("boundary-broken").await;
        app.type_into("after-hours", "30").await;
        app.wait_saved().await;
        // The reflection day offers the week.
        app.click("weekly-offer").await;
        app.click("reflect-link").await;
        app.wait_for(
            "the week's page",
            "const t = document.querySelector('[data-testid=week-title]'); return !!t && t.dataset.week === '2026-W48'",
        )
        .await;
        let figures = app
            .js(
                "const t = (id) => document.querySelector(`[data-testid=${id}]`)?.textContent ?? null;
                 return { mean: t('week-stress-mean'), range: t('week-stress-range'), boundary: t('week-boundary'),
                          after: t('week-after-hours'), checked: t('week-checked-in'), hardest: t('week-hardest') };",
            )
            .await;
        assert_eq!(figures["mean"], "6.5", "{figures}");
        assert_eq!(figures["range"], " · 3–9 · 4 days", "{figures}");
        assert_eq!(figures["boundary"], "held 1 of 4 days", "{figures}");
        assert_eq!(figures["after"], "150 min after hours", "{figures}");
        assert_eq!(figures["checked"], "4 of 7 days checked in.", "{figures}");
        assert!(
            figures["hardest"]
                .as_str()
                .unwrap()
                .contains("Friday (stress 9)"),
            "{figures}"
        );
        assert!(
            figures["hardest"]
                .as_str()
                .unwrap()
                .contains("Board deck due"),
            "{figures}"
        );

        let first_answer = app
            .js("return document.querySelector('[data-testid^=answer-]').dataset.testid")
            .await;
        let first_answer = first_answer.as_str().unwrap().to_owned();
        app.type_into(&first_answer, "Less than I feared.").await;
        app.type_into("ledger-gave", "A team that trusts me\nThe deck is good")
            .await;
        app.type_into("ledger-cost", "Three evenings").await;
        app.type_into("next-boundary", "Laptop shut at 18:30 on review days")
            .await;
        app.wait_saved().await;
        app.screenshot("week-page").await;
        app.quit(&journal).await;

        let app = App::launch(&journal).await;
        app.js("location.hash = '#/week/2026-W48'").await;
        app.by_testid("week-page").await;
        let back = app
            .js(&format!(
                "const v = (id) => document.querySelector(`[data-testid=${{id}}]`).value;
                 return [v('{first_answer}'), v('ledger-gave'), v('ledger-cost'), v('next-boundary')];"
            ))
            .await;
        assert_eq!(
            back,
            json!([
                "Less than I feared.",
                "A team that trusts me\nThe deck is good",
                "Three evenings",
                "Laptop shut at 18:30 on review days"
            ])
        );
        // The next week asks about the boundary.
        app.click("next-week").await;
        app.wait_for(
            "next week's page",
            "const t = document.querySelector('[data-testid=week-title]'); return !!t && t.dataset.week === '2026-W49'",
        )
        .await;
        let shown = app
            .js("return document.querySelector('[data-testid=last-boundary-text]').textContent")
            .await;
        assert_eq!(shown, "Laptop shut at 18:30 on review days");
        app.click("kept-yes").await;
        app.wait_saved().await;
        app.quit(&journal).await;
        let j = Journal::open(&journal).unwrap();
        assert_eq!(
            j.week("2026-W49".parse().unwrap())
                .unwrap()
                .unwrap()
                .kept_last_boundary,
            Some(true)
        );
        let w48 = j.week("2026-W48".parse().unwrap()).unwrap().unwrap();
        assert_eq!(
            w48.role_gave,
            vec!["A team that trusts me", "The deck is good"]
        );
    });
}

#[test]
fn settings_change_the_week_and_the_theme_and_persist() {
    run(|journal| async move {
        let app = App::launch(&journal).await;
        app.click("nav-settings").await;
        app.by_testid("settings-page").await;
        // Weeks start on Sunday; Thursday is the reflection day; dark theme.
        app.js(
            "const set = (id, v) => { const s = document.querySelector(`[data-testid=${id}]`); s.value = v; s.dispatchEvent(new Event('change', { bubbles: true })); };
             set('setting-week-start', 'sun');",
        )
        .await;
        app.wait_saved().await;
        app.js(
            "const s = document.querySelector('[data-testid=setting-reflection-day]'); s.value = 'thu'; s.dispatchEvent(new Event('change', { bubbles: true }));",
        )
        .await;
        app.click("setting-review-wed").await;
        app.js(
            "const s = document.querySelector('[data-testid=setting-theme]'); s.value = 'dark'; s.dispatchEvent(new Event('change', { bubbles: true }));",
        )
        .await;
        app.wait_for(
            "the dark theme",
            "return document.documentElement.dataset.theme === 'dark'",
        )
        .await;
        app.js("location.hash = '#/week/2026-W48'").await;
        app.wait_for(
            "the week from Sunday",
            "const t = document.querySelector('[data-testid=week-title]'); return !!t && t.dataset.week === '2026-W48' && t.textContent.includes('22')",
        )
        .await;
        app.screenshot("week-dark").await;
        app.quit(&journal).await;

        let settings = Journal::open(&journal).unwrap().settings().unwrap();
        assert_eq!(settings.week_start, chrono::Weekday::Sun);
        assert_eq!(settings.reflection_day, chrono::Weekday::Thu);
        assert_eq!(
            settings.review_days,
            vec![
                chrono::Weekday::Mon,
                chrono::Weekday::Tue,
                chrono::Weekday::Wed
            ]
        );
        assert_eq!(settings.theme, keel::model::Appearance::Dark);

        let app = App::launch(&journal).await;
        app.wait_for(
            "the dark theme after a relaunch",
            "return document.documentElement.dataset.theme === 'dark'",
        )
        .await;
        // Thursday is now the day the week is offered.
        app.open_day("2026-11-26").await;
        app.wait_for(
            "the weekly offer on Thursday",
            "return !document.querySelector('[data-testid=weekly-offer]').hidden",
        )
        .await;
        app.quit(&journal).await;
    });
}
