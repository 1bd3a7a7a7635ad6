//! Trends in the real window: a journal of 400 days of check-ins, each range showing the right
//! number of points, and a click on a point opening its day.

use chrono::Local;
use keel_e2e::{fill_check_ins, run, App};
use serde_json::json;

#[test]
fn each_range_shows_its_days_and_a_point_opens_its_day() {
    run(|journal| async move {
        let today = Local::now().date_naive();
        fill_check_ins(&journal, today, 400);
        let app = App::launch(&journal).await;
        app.click("nav-trends").await;
        app.by_testid("trends-page").await;
        for (range, n) in [("30d", 30), ("90d", 90), ("1y", 365), ("all", 400)] {
            app.click(&format!("range-{range}")).await;
            app.wait_for(
                &format!("the {range} chart"),
                &format!("return document.querySelector('[data-testid=trend-chart]').dataset.range === '{range}'"),
            )
            .await;
            let counts = app
                .js("return [document.querySelectorAll('circle.stress-point').length, document.querySelectorAll('circle.resilience-point').length, document.querySelectorAll('rect.broken-mark').length]")
                .await;
            let broken = (0..n).filter(|i| i % 3 == 0).count();
            assert_eq!(counts, json!([n, n, broken]), "{range}");
            if range == "1y" {
                app.screenshot("trends-year").await;
            }
        }
        app.click("range-30d").await;
        app.wait_for(
            "the 30d chart",
            "return document.querySelector('[data-testid=trend-chart]').dataset.range === '30d'",
        )
        .await;
        let target = (today - chrono::Days::new(10)).to_string();
        app.js(&format!(
            "document.querySelector('circle.stress-point[data-date=\"{target}\"]').dispatchEvent(new MouseEvent('click', {{ bubbles: true }}))"
        ))
        .await;
        app.wait_for_day(&target).await;
        let role = app
            .js("return document.querySelector('[data-testid=role-editor]').value")
            .await;
        assert_eq!(role, "Day 10 of the role.");
        app.quit(&journal).await;
    });
}
