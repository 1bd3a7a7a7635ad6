//! Guided prompts in the real window: they sit above their editors, "Another" and "Hide"
//! change them, the day keeps what it showed across a relaunch, and hidden prompts come back
//! from the Prompts page.

use keel::Journal;
use keel_e2e::{run, App};
use serde_json::{json, Value};

const DAY: &str = "2026-11-24";

async fn shown(app: &App) -> Value {
    app.js(
        "const id = (s) => document.querySelector(`[data-testid=${s}-prompt]`)?.closest('keel-prompt')?.dataset.id ?? null;
         const text = (s) => document.querySelector(`[data-testid=${s}-prompt]`)?.textContent ?? null;
         return { role: id('role'), self: id('self'), role_text: text('role'), self_text: text('self') };",
    )
    .await
}

async fn wait_for_prompts(app: &App) {
    app.wait_for(
        "the prompts",
        "return !!document.querySelector('[data-testid=role-prompt]') && !!document.querySelector('[data-testid=self-prompt]')",
    )
    .await;
}

#[test]
fn another_and_hide_change_the_prompts_and_the_day_keeps_them() {
    run(|journal| async move {
        let app = App::launch(&journal).await;
        app.open_day(DAY).await;
        wait_for_prompts(&app).await;
        let first = shown(&app).await;
        assert!(
            first["role_text"].as_str().unwrap().ends_with('?'),
            "{first}"
        );
        // The prompts sit above their editors.
        let above = app
            .js(
                "const p = document.querySelector('[data-testid=role-prompt]').getBoundingClientRect();
                 const e = document.querySelector('[data-testid=role-editor]').getBoundingClientRect();
                 return p.bottom <= e.top;",
            )
            .await;
        assert_eq!(above, json!(true));

        app.click("role-prompt-another").await;
        app.wait_for(
            "another role prompt",
            &format!(
                "return document.querySelector('[data-testid=role-prompt]')?.closest('keel-prompt')?.dataset.id !== '{}'",
                first["role"].as_str().unwrap()
            ),
        )
        .await;
        let hidden_id = first["self"].as_str().unwrap().to_owned();
        app.click("self-prompt-hide").await;
        app.wait_for(
            "a new self prompt",
            &format!("return document.querySelector('[data-testid=self-prompt]')?.closest('keel-prompt')?.dataset.id !== '{hidden_id}'"),
        )
        .await;
        let after = shown(&app).await;
        assert_ne!(after["role"], first["role"]);
        assert_ne!(after["self"], first["self"]);
        app.screenshot("prompts-daily").await;
        app.quit(&journal).await;

        {
            let j = Journal::open(&journal).unwrap();
            assert!(j.prompt(&hidden_id).unwrap().unwrap().hidden);
            let ids = j
                .day(keel::model::parse_date(DAY).unwrap())
                .unwrap()
                .unwrap()
                .prompt_ids;
            assert!(
                ids.contains(&after["role"].as_str().unwrap().to_owned()),
                "{ids:?}"
            );
        }

        // Relaunched, the day shows the prompts it showed last.
        let app = App::launch(&journal).await;
        app.open_day(DAY).await;
        wait_for_prompts(&app).await;
        assert_eq!(shown(&app).await, after);

        // The hidden prompt is listed under Prompts > Hidden, and can come back.
        app.click("nav-prompts").await;
        app.by_testid("prompts-page").await;
        app.click("filter-hidden").await;
        app.wait_for(
            "the hidden prompt",
            &format!("return !!document.querySelector('[data-testid=prompt-row][data-id=\"{hidden_id}\"]')"),
        )
        .await;
        app.click("prompt-unhide").await;
        app.wait_for(
            "the prompt shown again",
            &format!("return !document.querySelector('[data-testid=prompt-row][data-id=\"{hidden_id}\"]')"),
        )
        .await;
        app.quit(&journal).await;
        assert!(
            !Journal::open(&journal)
                .unwrap()
                .prompt(&hidden_id)
                .unwrap()
                .unwrap()
                .hidden
        );
    });
}

#[test]
fn a_prompt_of_your_own_is_added_and_listed() {
    run(|journal| async move {
        let app = App::launch(&journal).await;
        app.click("nav-prompts").await;
        app.by_testid("prompts-page").await;
        app.type_into("add-prompt-text", "What did the garden need from me today?")
            .await;
        app.click("add-prompt-submit").await;
        app.click("filter-mine").await;
        app.wait_for(
            "my prompt in the list",
            "return [...document.querySelectorAll('[data-testid=prompt-row]')].some(r => r.textContent.includes('What did the garden need from me today?'))",
        )
        .await;
        app.screenshot("prompts-page").await;
        // An empty prompt is refused with a message.
        app.click("add-prompt-submit").await;
        app.wait_for(
            "the refusal",
            "return document.querySelector('[data-testid=add-prompt-error]').textContent.includes('1 to 600 characters')",
        )
        .await;
        app.quit(&journal).await;
        let mine: Vec<_> = Journal::open(&journal)
            .unwrap()
            .prompts()
            .unwrap()
            .into_iter()
            .filter(|p| p.origin == keel::model::PromptOrigin::User)
            .collect();
        assert_eq!(mine.len(), 1);
        assert_eq!(mine[0].text, "What did the garden need from me today?");
    });
}
