//! An encrypted journal in the real window: the lock screen at start, a wrong passphrase
//! refused plainly, the right one opening the day's page, and Ctrl+L locking it again.

use std::time::Duration;

use keel::{DayPatch, Journal};
use keel_e2e::{run, App};

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
        app.wait_for(
            "the lock screen",
            "return !!document.querySelector('[data-testid=lock-screen]')",
        )
        .await;
        app.screenshot("lock-screen").await;
        app.type_into("lock-passphrase", "river sand").await;
        app.click("lock-unlock").await;
        app.wait_for(
            "the wrong passphrase to be refused",
            "const e = document.querySelector('[data-testid=lock-error]'); return !!e && !e.hidden && e.dataset.kind === 'wrong_passphrase' && e.textContent.includes('does not open')",
        )
        .await;
        // A wrong passphrase makes the next try wait a second.
        tokio::time::sleep(Duration::from_millis(1200)).await;
        app.type_into("lock-passphrase", "river stone").await;
        app.click("lock-unlock").await;
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
