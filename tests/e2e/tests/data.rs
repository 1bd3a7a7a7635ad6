//! Your data in the real window: a jrnl export chosen in the import panel's file picker is
//! previewed (nothing written yet), imported, and its days appear; importing it again adds
//! nothing.

use keel::Journal;
use keel_e2e::{run, App};
use serde_json::json;

#[test]
fn a_jrnl_export_is_previewed_imported_and_its_days_appear() {
    run(|journal| async move {
        let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../fixtures/jrnl/export.json")
            .canonicalize()
            .unwrap();
        let app = App::launch(&journal).await;
        app.click("nav-data").await;
        app.by_testid("data-page").await;
        // Choose the file as a person would in the picker (WebDriver fills the file input).
        app.by_testid("import-file")
            .await
            .send_keys(fixture.to_str().unwrap())
            .await
            .unwrap();
        app.wait_for(
            "the preview",
            "return !!document.querySelector('[data-testid=import-summary]')",
        )
        .await;
        let summary = app
            .js("return document.querySelector('[data-testid=import-summary]').textContent")
            .await;
        assert_eq!(
            summary,
            "Will import 6 of 6 entries into 5 days, 2026-11-23 to 2027-01-02."
        );
        app.screenshot("import-preview").await;
        app.click("import-apply").await;
        app.wait_for(
            "the result",
            "return !!document.querySelector('[data-testid=import-result]')",
        )
        .await;
        app.click("import-open-first").await;
        app.wait_for_day("2026-11-23").await;
        let text = app
            .js("return document.querySelector('[data-testid=self-editor]').value")
            .await;
        let text = text.as_str().unwrap();
        assert!(
            text.contains("#### 08:15 · Weekly business review prep.")
                && text.contains("#### 21:40 · Evening walk."),
            "{text}"
        );

        // The same file again: the preview says there is nothing new.
        app.click("nav-data").await;
        app.by_testid("data-page").await;
        app.by_testid("import-file")
            .await
            .send_keys(fixture.to_str().unwrap())
            .await
            .unwrap();
        app.wait_for(
            "the second preview",
            "return !!document.querySelector('[data-testid=import-summary]')",
        )
        .await;
        let again = app
            .js("return [document.querySelector('[data-testid=import-summary]').textContent, document.querySelector('[data-testid=import-apply]').disabled]")
            .await;
        assert_eq!(
            again,
            json!(["Will import 0 of 6 entries into 0 days. 6 were imported before and are left alone.", true])
        );
        app.quit(&journal).await;
        // Five days have writing (today's page holds only the prompts it showed).
        let written = Journal::open(&journal)
            .unwrap()
            .days(..)
            .filter(|d| !d.as_ref().unwrap().is_blank())
            .count();
        assert_eq!(written, 5);
    });
}
