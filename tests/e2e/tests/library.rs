//! The library in the real window: Ctrl+K opens search, results come newest first with their
//! words marked, a result opens its day with the words highlighted, tags list their days, the
//! calendar marks the days that have pages, and "on this day" shows last year's page.

use chrono::{Datelike, Local};
use keel::{DayPatch, Journal};
use keel_e2e::{run, App};
use serde_json::json;

#[test]
fn search_opens_a_day_with_its_words_highlighted() {
    run(|journal| async move {
        let today = Local::now().date_naive();
        let year_ago = today
            .with_year(today.year() - 1)
            .unwrap_or(today - chrono::Days::new(365));
        {
            let j = Journal::open(&journal).unwrap();
            let now = Local::now().fixed_offset();
            let page = |d, role: &str, myself: &str| {
                j.save_day(
                    d,
                    &DayPatch {
                        role: Some(role.into()),
                        self_text: Some(myself.into()),
                        ..DayPatch::default()
                    },
                    now,
                )
                .unwrap();
            };
            page(
                today - chrono::Days::new(20),
                "The **forecast** review ran long. #wbr",
                "",
            );
            page(
                today - chrono::Days::new(2),
                "No meetings.",
                "A café after the Forecast call. #family",
            );
            page(today, "Quiet.", "");
            page(year_ago, "Last year's first forecast.", "");
        }
        let app = App::launch(&journal).await;
        app.wait_for_day(&today.to_string()).await;
        // On this day, last year.
        app.wait_for(
            "on this day",
            "return !document.querySelector('[data-testid=on-this-day]').hidden",
        )
        .await;
        let earlier = app
            .js("return document.querySelector('[data-testid=on-this-day]').textContent")
            .await;
        assert!(
            earlier
                .as_str()
                .unwrap()
                .contains("A year ago · Last year's first forecast."),
            "{earlier}"
        );

        app.by_testid("role-editor").await.click().await.unwrap();
        app.ctrl("k").await;
        app.by_testid("library-page").await;
        app.wait_for(
            "the search box focused",
            "return document.activeElement?.dataset.testid === 'library-search'",
        )
        .await;
        app.type_into("library-search", "forecast").await;
        app.js("document.querySelector('[data-testid=library-search]').form.requestSubmit()")
            .await;
        app.wait_for(
            "results",
            "return document.querySelectorAll('[data-testid=search-result]').length === 3",
        )
        .await;
        let results = app
            .js("return [...document.querySelectorAll('[data-testid=search-result]')].map(r => [r.querySelector('.result-side').textContent, [...r.querySelectorAll('mark')].map(m => m.textContent)])")
            .await;
        assert_eq!(
            results,
            json!([
                ["Who I am", ["Forecast"]],
                ["What I do", ["forecast"]],
                ["What I do", ["forecast"]]
            ])
        );
        app.screenshot("library-search").await;
        app.click("result-link").await;
        let day = (today - chrono::Days::new(2)).to_string();
        app.wait_for_day(&day).await;
        app.wait_for(
            "the highlighted word",
            "const m = document.querySelector('[data-testid=self-preview] mark.hit'); return !!m && m.textContent === 'Forecast'",
        )
        .await;
        tokio::time::sleep(std::time::Duration::from_millis(400)).await;
        app.screenshot("search-highlight").await;

        // Tags and the calendar.
        app.click("nav-library").await;
        app.by_testid("library-page").await;
        app.wait_for(
            "the tags",
            "return document.querySelectorAll('[data-testid=tag-chip]').length === 2",
        )
        .await;
        let marked = app
            .js(&format!(
                "return !!document.querySelector('.cell.has-page[data-date=\"{today}\"]')"
            ))
            .await;
        assert_eq!(marked, json!(true));
        app.js("[...document.querySelectorAll('[data-testid=tag-chip]')].find(c => c.textContent.startsWith('#wbr')).click()").await;
        app.wait_for(
            "the tag's days",
            "return document.querySelectorAll('[data-testid=search-result]').length === 1",
        )
        .await;
        app.quit(&journal).await;
    });
}
