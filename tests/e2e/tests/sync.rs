//! Sync in the real window (issue 22): a journal attached to a sync folder in Settings → Sync,
//! and a page written by the command line on a second journal (another computer sharing the
//! folder) appearing on the open page without a restart, with what was typed here kept and
//! gone out to the other computer.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use keel_e2e::{cli_binary, run, App};

const PASSPHRASE: &str = "river stone";

/// `keel --journal JOURNAL ARGS…` with the passphrase from a file; its standard output.
fn keel(journal: &Path, passphrase: &Path, args: &[&str]) -> String {
    let mut cmd = Command::new(cli_binary());
    cmd.arg("--journal")
        .arg(journal)
        .args(args)
        .env_remove("KEEL_JOURNAL")
        .env("KEEL_PASSPHRASE_FILE", passphrase)
        .env("KEEL_NEW_PASSPHRASE_FILE", passphrase)
        .stdin(Stdio::null());
    keel_test_support::in_locale(&mut cmd, "C.UTF-8");
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "keel {args:?} failed: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The value of the element with `data-testid` = `id`, as a JavaScript expression.
fn value_of(id: &str) -> String {
    format!("document.querySelector('[data-testid={id}]')?.value ?? ''")
}

#[test]
fn a_page_written_on_another_computer_appears_on_the_open_page() {
    run(|journal| async move {
        let scratch = tempfile::tempdir().unwrap();
        let folder = scratch.path().join("Sync");
        let home = scratch.path().join("home");
        let passphrase = scratch.path().join("passphrase");
        std::fs::create_dir(&folder).unwrap();
        std::fs::write(&passphrase, format!("{PASSPHRASE}\n")).unwrap();
        let today = chrono::Local::now().date_naive().to_string();

        // This computer's journal has a passphrase (a journal that syncs needs one); the
        // other computer's starts the sync folder.
        keel(&journal, &passphrase, &["passphrase", "set"]);
        keel(
            &home,
            &passphrase,
            &["add", "--date", "2026-11-02", "--role", "A page from home."],
        );
        keel(&home, &passphrase, &["passphrase", "set"]);
        keel(
            &home,
            &passphrase,
            &[
                "sync",
                "attach",
                folder.to_str().unwrap(),
                "--device",
                "home desktop",
            ],
        );

        let app = App::launch(&journal).await;
        app.unlock_with(PASSPHRASE).await;
        app.wait_for_day(&today).await;
        app.type_into("self-editor", "Typed at work before sync.")
            .await;
        app.wait_saved().await;

        // Settings → Sync: the folder, this computer's name, the folder's passphrase.
        app.js("location.hash = '#/settings'").await;
        app.by_testid("sync-folder").await;
        app.type_into("sync-folder", folder.to_str().unwrap()).await;
        app.js("document.querySelector('[data-testid=sync-name]').value = ''")
            .await;
        app.type_into("sync-name", "work laptop").await;
        app.type_into("sync-passphrase", PASSPHRASE).await;
        app.js("document.querySelector('[data-testid=sync]').scrollIntoView()")
            .await;
        app.screenshot("sync-settings-off").await;
        app.click("sync-attach").await;
        app.wait_for(
            "sync to be on, with both computers listed",
            "const list = [...document.querySelectorAll('[data-testid=sync-device]')].map((d) => d.textContent); \
             return list.some((t) => t.includes('work laptop (this computer)')) && list.some((t) => t.includes('home desktop'))",
        )
        .await;
        let shown = app
            .js("return document.querySelector('[data-testid=sync-folder-shown]').textContent")
            .await;
        assert_eq!(
            shown.as_str(),
            Some(folder.canonicalize().unwrap().to_str().unwrap())
        );
        app.wait_for(
            "what the attach did",
            "return (document.querySelector('[data-testid=sync-outcome]')?.textContent ?? '').includes('came in')",
        )
        .await;
        let passphrase_left = app
            .js(&format!("return {}", value_of("sync-passphrase")))
            .await;
        assert!(
            passphrase_left.as_str() == Some(""),
            "the passphrase is not left on the page"
        );
        app.js("document.querySelector('[data-testid=sync]').scrollIntoView()")
            .await;
        app.screenshot("sync-settings").await;

        // Back on today's page; the other computer writes the same day and exchanges.
        app.open_day(&today).await;
        keel(
            &home,
            &passphrase,
            &[
                "add",
                "--date",
                &today,
                "--role",
                "Written at home: the zebracorn plan.",
            ],
        );
        let went = keel(&home, &passphrase, &["sync", "now"]);
        assert!(went.contains("went out"), "{went}");
        app.wait_for_within(
            "the other computer's words on the open page, without a restart",
            &format!(
                "return ({}).includes('the zebracorn plan')",
                value_of("role-editor")
            ),
            Duration::from_secs(30),
        )
        .await;
        let kept = app.js(&format!("return {}", value_of("self-editor"))).await;
        assert_eq!(kept.as_str(), Some("Typed at work before sync."));
        app.screenshot("sync-page").await;

        // And what was typed here went out: the other computer has it after its next exchange.
        keel(&home, &passphrase, &["sync", "now"]);
        let page: serde_json::Value =
            serde_json::from_str(&keel(&home, &passphrase, &["show", &today, "--json"])).unwrap();
        assert_eq!(page["self"], "Typed at work before sync.", "{page}");
        assert_eq!(
            page["role"], "Written at home: the zebracorn plan.",
            "{page}"
        );
        app.quit(&journal).await;
    });
}
