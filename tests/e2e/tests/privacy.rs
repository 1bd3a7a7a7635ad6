//! An encrypted journal in the real window: the lock screen at start, a wrong passphrase
//! refused plainly, the right one opening the day's page, and Ctrl+L locking it again.

use std::time::Duration;

use keel::{DayPatch, Journal};
use keel_e2e::{run, App};

/// At the lock screen: a wrong passphrase is refused plainly, then (after the second the shell
/// makes the next try wait) the right one is typed and Unlock pressed.
async fn unlock_after_a_wrong_try(app: &App, wrong: &str, right: &str) {
    app.unlock_with(wrong).await;
    app.wait_for(
        "the wrong passphrase to be refused",
        "const e = document.querySelector('[data-testid=lock-error]'); return !!e && !e.hidden && e.dataset.kind === 'wrong_passphrase' && e.textContent.includes('does not open')",
    )
    .await;
    tokio::time::sleep(Duration::from_millis(1200)).await;
    app.unlock_with(right).await;
}

#[test]
fn a_locked_journal_opens_with_its_passphrase_and_ctrl_l_locks_it_again() {
    run(|journal| async move {
        let now = chrono::Local::now().fixed_offset();
        {
            let j = Journal::open(&journal).unwrap();
            let patch = DayPatch {
                role: Some("the zebracorn review".into()),
                ..DayPatch::default()
            };
            j.save_day(now.date_naive(), &patch, now).unwrap();
            j.encrypt_with("river stone", keel::crypto::KdfParams::FOR_TESTS)
                .unwrap();
        }
        let app = App::launch(&journal).await;
        app.wait_for_lock_screen().await;
        app.screenshot("lock-screen").await;
        unlock_after_a_wrong_try(&app, "river sand", "river stone").await;
        app.wait_for(
            "today's page, opened",
            "return document.querySelector('[data-testid=role-editor]')?.value === 'the zebracorn review'",
        )
        .await;
        app.wait_for(
            "the Lock button",
            "return !document.querySelector('[data-testid=lock-now]').hidden",
        )
        .await;
        app.screenshot("unlocked").await;
        app.ctrl("l").await;
        app.wait_for(
            "the lock screen after Ctrl+L",
            "return !!document.querySelector('[data-testid=lock-screen]')",
        )
        .await;
        app.quit(&journal).await;
    });
}

/// Whether `word` is in any file under `dir` (raw bytes).
fn readable_in(dir: &std::path::Path, word: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if std::fs::read(&p)
                .unwrap_or_default()
                .windows(word.len())
                .any(|w| w == word.as_bytes())
            {
                found.push(p.display().to_string());
            }
        }
    }
    found
}

#[test]
fn a_passphrase_set_in_settings_locks_the_next_start_and_an_idle_minute() {
    run(|journal| async move {
        let now = chrono::Local::now().fixed_offset();
        {
            let j = Journal::open(&journal).unwrap();
            let patch = DayPatch {
                self_text: Some("a walk by the quillpond".into()),
                ..DayPatch::default()
            };
            j.save_day(now.date_naive(), &patch, now).unwrap();
            keel::backup::create(&j, now).unwrap();
        }
        let app = App::launch(&journal).await;
        app.click("nav-settings").await;
        app.wait_for(
            "the passphrase section",
            "return !!document.querySelector('[data-testid=privacy-set]')",
        )
        .await;
        app.type_into("privacy-new", "river stone").await;
        app.type_into("privacy-again", "river stone").await;
        app.screenshot("settings-passphrase").await;
        app.click("privacy-set").await;
        app.wait_for(
            "the page to start again, encrypted",
            "return document.body.dataset.ready === 'true' && !document.querySelector('[data-testid=lock-now]').hidden",
        )
        .await;
        // Lock after one idle minute.
        app.click("nav-settings").await;
        app.wait_for(
            "the lock-after field",
            "return !!document.querySelector('[data-testid=setting-auto-lock]')",
        )
        .await;
        app.js(
            "const i = document.querySelector('[data-testid=setting-auto-lock]'); i.value = '1'; i.dispatchEvent(new Event('change', { bubbles: true })); return true;",
        )
        .await;
        app.wait_saved().await;
        app.quit(&journal).await;
        assert_eq!(
            readable_in(&journal, "quillpond"),
            Vec::<String>::new(),
            "the pages and the old backups are unreadable"
        );

        let app = App::launch(&journal).await;
        unlock_after_a_wrong_try(&app, "river sand", "river stone").await;
        app.wait_for(
            "today's page, opened",
            "return document.querySelector('[data-testid=self-editor]')?.value === 'a walk by the quillpond'",
        )
        .await;
        // Nothing typed or clicked for a minute: the journal locks itself.
        app.wait_for_within(
            "the lock screen after an idle minute",
            "return !!document.querySelector('[data-testid=lock-screen]')",
            Duration::from_secs(100),
        )
        .await;
        app.quit(&journal).await;
    });
}
