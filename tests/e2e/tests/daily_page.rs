//! The daily page in the real window: typing, check-ins, autosave, relaunch, navigation,
//! hostile Markdown in preview, and a failed save that keeps the text.

use chrono::{DateTime, Local};
use keel::{DayPatch, Journal};
use keel_e2e::{run, App};
use keel_test_support::date;
use serde_json::json;

const DAY: &str = "2026-11-23";

#[test]
fn typing_and_every_rating_survive_quit_and_relaunch() {
    run(|journal| async move {
        let app = App::launch(&journal).await;
        app.open_day(DAY).await;
        app.type_into(
            "role-editor",
            "Weekly business review.\nThe target moved again. #wbr",
        )
        .await;
        app.type_into("self-editor", "Made soup with Ana. #home")
            .await;
        app.click("stress-7").await;
        app.click("resilience-4").await;
        app.click("overlap-5").await;
        app.click("boundary-broken").await;
        app.type_into("after-hours", "45").await;
        app.wait_saved().await;
        app.wait_for(
            "the saved tags",
            "return document.querySelector('[data-testid=tags]').textContent === '#home  #wbr'",
        )
        .await;
        app.screenshot("daily-page-filled").await;
        app.quit(&journal).await;

        // What the app showed as saved is on disk.
        {
            let stored = Journal::open(&journal)
                .unwrap()
                .day(date(DAY))
                .unwrap()
                .expect("the page was saved");
            assert_eq!(
                stored.role,
                "Weekly business review.\nThe target moved again. #wbr"
            );
            assert_eq!(stored.self_text, "Made soup with Ana. #home");
            assert_eq!(stored.check_in.stress, Some(7));
            assert_eq!(stored.check_in.resilience, Some(4));
            assert_eq!(stored.check_in.overlap, Some(5));
            assert_eq!(stored.check_in.boundary, Some(keel::Boundary::Broken));
            assert_eq!(stored.check_in.after_hours_minutes, Some(45));
            assert_eq!(stored.tags, vec!["home".to_string(), "wbr".to_string()]);
        }

        // And the relaunched app shows it all back.
        let app = App::launch(&journal).await;
        app.open_day(DAY).await;
        let shown = app
            .js(
                "const q = (s) => document.querySelector(s);
                 return {
                   role: q('[data-testid=role-editor]').value,
                   self: q('[data-testid=self-editor]').value,
                   stress: q('keel-rating input[name=rating-stress]:checked')?.value ?? null,
                   resilience: q('keel-rating input[name=rating-resilience]:checked')?.value ?? null,
                   overlap: q('keel-rating input[name=rating-overlap]:checked')?.value ?? null,
                   boundary: q('input[name=boundary]:checked')?.value ?? null,
                   minutes: q('[data-testid=after-hours]').value,
                   tags: q('[data-testid=tags]').textContent,
                 };",
            )
            .await;
        assert_eq!(
            shown,
            json!({
                "role": "Weekly business review.\nThe target moved again. #wbr",
                "self": "Made soup with Ana. #home",
                "stress": "7", "resilience": "4", "overlap": "5",
                "boundary": "broken", "minutes": "45", "tags": "#home  #wbr"
            })
        );
        app.quit(&journal).await;
    });
}

#[test]
fn days_are_reached_by_keyboard_and_by_url() {
    run(|journal| async move {
        let today = Local::now().date_naive();
        let app = App::launch(&journal).await;
        app.wait_for_day(&today.to_string()).await;
        let title = app
            .js("return document.querySelector('[data-testid=day-title]').textContent")
            .await;
        assert!(!title.as_str().unwrap().is_empty());

        app.by_testid("role-editor").await.click().await.unwrap();
        app.ctrl("[").await;
        app.wait_for_day(&(today - chrono::Days::new(1)).to_string())
            .await;
        app.ctrl("]").await;
        app.ctrl("]").await;
        app.wait_for_day(&(today + chrono::Days::new(1)).to_string())
            .await;
        app.ctrl("t").await;
        app.wait_for_day(&today.to_string()).await;

        app.open_day("2024-02-29").await;
        let hash = app.js("return location.hash").await;
        assert_eq!(hash, "#/day/2024-02-29");
        let title = app
            .js("return document.querySelector('[data-testid=day-title]').textContent")
            .await;
        assert!(title.as_str().unwrap().contains("2024"), "{title}");

        // The buttons and the date picker go where they say.
        app.click("next-day").await;
        app.wait_for_day("2024-03-01").await;
        app.click("prev-day").await;
        app.click("prev-day").await;
        app.wait_for_day("2024-02-28").await;
        app.click("today").await;
        app.wait_for_day(&today.to_string()).await;
        app.quit(&journal).await;
    });
}

#[test]
fn hostile_markdown_in_preview_runs_nothing_and_fetches_nothing() {
    run(|journal| async move {
        let hostile = [
            "<script>window.pwned = 'script'</script>",
            "<img src=x onerror=\"window.pwned = 'onerror'\">",
            "<svg onload=\"window.pwned = 'svg'\"></svg>",
            "[click me](javascript:window.pwned='link')",
            "[entity](&#106;avascript:window.pwned='entity')",
            "<a href=\"javascript:window.pwned='raw'\">raw link</a>",
            "<iframe src=\"https://evil.example/\"></iframe>",
            "![pixel](https://evil.example/pixel.png)",
            "<style>body{background:url(https://evil.example/bg.png)}</style>",
            "<div onmouseover=\"window.pwned='hover'\">hover me</div>",
        ]
        .join("\n\n");
        {
            let j = Journal::open(&journal).unwrap();
            let now: DateTime<chrono::FixedOffset> = Local::now().fixed_offset();
            j.save_day(
                date(DAY),
                &DayPatch {
                    role: Some(hostile),
                    ..DayPatch::default()
                },
                now,
            )
            .unwrap();
        }
        let app = App::launch(&journal).await;
        app.open_day(DAY).await;
        app.click("role-preview-toggle").await;
        app.wait_for(
            "the preview",
            "const p = document.querySelector('[data-testid=role-preview]'); return !p.hidden && p.textContent.includes('click me')",
        )
        .await;
        // Give any payload a chance: hover everything, click every link.
        app.js(
            "for (const el of document.querySelectorAll('[data-testid=role-preview] *')) {
               el.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
             }
             for (const a of document.querySelectorAll('[data-testid=role-preview] a')) a.click();",
        )
        .await;
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
        let verdict = app
            .js(
                "const p = document.querySelector('[data-testid=role-preview]');
                 return {
                   pwned: typeof window.pwned,
                   scripts: p.querySelectorAll('script, img, svg, iframe, style, object, embed').length,
                   handlers: [...p.querySelectorAll('*')].filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).length,
                   js_links: [...p.querySelectorAll('a')].filter(a => !/^(https?:|mailto:)/i.test(a.getAttribute('href'))).length,
                   remote: performance.getEntriesByType('resource').map(r => r.name).filter(n => /^https?:/.test(n)),
                   still_here: location.hash,
                 };",
            )
            .await;
        assert_eq!(
            verdict,
            json!({"pwned": "undefined", "scripts": 0, "handlers": 0, "js_links": 0, "remote": [], "still_here": format!("#/day/{DAY}")})
        );
        app.screenshot("hostile-preview").await;
        app.quit(&journal).await;
    });
}

#[test]
fn a_failed_save_keeps_the_text_and_says_why() {
    run(|journal| async move {
        let app = App::launch(&journal).await;
        app.open_day(DAY).await;
        app.type_into("self-editor", "Words that must not be lost.")
            .await;
        app.wait_saved().await;
        // A paste far larger than a page may hold: the save is refused by the core.
        app.paste_into("self-editor", "e.value + ' ' + 'long '.repeat(40000)")
            .await;
        app.wait_save_error().await;
        let (_, text) = app.status().await;
        assert!(
            text.starts_with("Not saved: The page for 2026-11-23 is"),
            "{text}"
        );
        assert!(text.contains("Your text is still here"), "{text}");
        let kept = app
            .js("return document.querySelector('[data-testid=self-editor]').value.startsWith('Words that must not be lost. long long')")
            .await;
        assert_eq!(kept, json!(true), "the typed text stays in the editor");
        app.screenshot("failed-save").await;

        // Navigating away is refused while the words are unsaved.
        app.js("location.hash = '#/day/2026-11-24'").await;
        tokio::time::sleep(std::time::Duration::from_millis(800)).await;
        let still = app
            .js("return document.querySelector('[data-testid=day-title]').dataset.date")
            .await;
        assert_eq!(still, json!(DAY));

        // Shortening the text lets the save through.
        app.paste_into("self-editor", "'Words that must not be lost. Shorter now.'")
            .await;
        app.wait_saved().await;
        app.quit(&journal).await;
        let stored = Journal::open(&journal)
            .unwrap()
            .day(date(DAY))
            .unwrap()
            .unwrap();
        assert_eq!(
            stored.self_text,
            "Words that must not be lost. Shorter now."
        );
    });
}

#[test]
fn a_second_launch_hands_over_to_the_first_window() {
    run(|journal| async move {
        assert!(
            std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some(),
            "no D-Bus session bus: single-instance needs one; run the tests under dbus-run-session (the README's test command does)"
        );
        let app = App::launch(&journal).await;
        app.open_day(DAY).await;
        // A second copy, started as a person would start it again.
        let mut second = std::process::Command::new(keel_e2e::app_binary())
            .env("KEEL_JOURNAL", &journal)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        let status = loop {
            if let Some(status) = second.try_wait().unwrap() {
                break status;
            }
            if std::time::Instant::now() > deadline {
                let _ = second.kill();
                panic!("the second launch kept running instead of handing over to the first");
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        };
        assert!(status.success(), "the second launch exited with {status}");
        // The first window still works and still saves.
        app.type_into("role-editor", "Still here after a second launch.")
            .await;
        app.wait_saved().await;
        app.quit(&journal).await;
        let stored = Journal::open(&journal)
            .unwrap()
            .day(date(DAY))
            .unwrap()
            .unwrap();
        assert_eq!(stored.role, "Still here after a second launch.");
    });
}

/// A 4 MiB tmpfs holding the journal (needs root, as CI has), unmounted on drop.
struct SmallDisk(std::path::PathBuf);

impl SmallDisk {
    fn mount(at: &std::path::Path) -> SmallDisk {
        std::fs::create_dir_all(at).unwrap();
        let status = std::process::Command::new("mount")
            .args([
                "-t",
                "tmpfs",
                "-o",
                "size=4m",
                "keel-e2e",
                at.to_str().unwrap(),
            ])
            .status()
            .unwrap();
        assert!(
            status.success(),
            "mounting a tmpfs failed: this test needs root (it fills a disk)"
        );
        SmallDisk(at.to_owned())
    }

    fn fill(&self) -> std::path::PathBuf {
        use std::io::Write;
        let path = self.0.join("filler");
        let mut file = std::fs::File::create(&path).unwrap();
        let block = vec![0u8; 64 * 1024];
        while file.write_all(&block).is_ok() {}
        path
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount")
            .arg("-l")
            .arg(&self.0)
            .status();
    }
}

#[test]
fn a_full_disk_keeps_the_text_says_why_and_saves_when_space_returns() {
    run(|dir| async move {
        let disk = SmallDisk::mount(&dir.join("disk"));
        let journal = disk.0.join("journal");
        let app = App::launch(&journal).await;
        app.open_day(DAY).await;
        app.type_into("self-editor", "Saved before the disk filled.")
            .await;
        app.wait_saved().await;

        let filler = disk.fill();
        app.paste_into(
            "self-editor",
            "e.value + ' Written while the disk was full. ' + 'more words '.repeat(4000)",
        )
        .await;
        app.wait_save_error().await;
        let (_, text) = app.status().await;
        assert!(
            text.contains("There is no space left on the disk that holds the journal"),
            "{text}"
        );
        assert!(text.contains("Trying again"), "{text}");
        assert!(text.contains("Your text is still here"), "{text}");
        let kept = app
            .js("return document.querySelector('[data-testid=self-editor]').value.includes('Written while the disk was full.')")
            .await;
        assert_eq!(kept, json!(true));
        app.screenshot("full-disk").await;

        // Space returns: the retry goes through without a restart.
        std::fs::remove_file(filler).unwrap();
        // Retries come 1, 2, 4, 8 s apart: the one after the disk is freed must succeed.
        app.wait_for_within(
            "the retried save",
            "return document.getElementById('save-status').dataset.state === 'saved'",
            std::time::Duration::from_secs(40),
        )
        .await;
        app.quit(&journal).await;
        let stored = Journal::open(&journal)
            .unwrap()
            .day(date(DAY))
            .unwrap()
            .unwrap();
        assert!(stored
            .self_text
            .starts_with("Saved before the disk filled. Written while the disk was full."));
        drop(disk);
    });
}
