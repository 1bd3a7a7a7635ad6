//! Accessibility in the real window (issue 19): axe-core, the engine most accessibility audits
//! run, injected through WebDriver, finds no violation of WCAG 2.2 A and AA on any page, in the
//! light and the dark theme, in English and in German; and a day, its check-in, a week's
//! question and a search can be done with the keyboard alone.

use std::path::Path;

use chrono::{Local, NaiveDate};
use keel::cycle::{EventDraft, ValueDraft};
use keel::{Boundary, Journal};
use keel_e2e::{fill_check_ins, run, App};
use serde_json::Value;

/// A journal with something on every page: days with check-ins (the trends), values (the
/// week's and the trends' tables), an event (the calendar, the day, the week).
fn fill(journal: &Path, today: NaiveDate) {
    fill_check_ins(journal, today, 40);
    let j = Journal::open(journal).unwrap();
    let values = ["Present with my family", "Honest", "Rested"].map(|name| ValueDraft {
        name: name.into(),
        practice: Some("In small ways".into()),
    });
    j.set_values(&values).unwrap();
    j.add_event(EventDraft {
        start: today - chrono::Days::new(3),
        end: Some(today - chrono::Days::new(1)),
        kind: "review".parse().unwrap(),
        note: "Mid-year".into(),
    })
    .unwrap();
}

/// The pages, by the route that opens them and the element that says they are drawn.
const PAGES: [(&str, &str); 8] = [
    ("#/", "day-page"),
    ("#/week", "week-page"),
    ("#/trends", "trends-page"),
    ("#/library?q=role", "search-result"),
    ("#/prompts", "prompts-page"),
    ("#/data", "data-page"),
    ("#/settings", "settings-page"),
    ("#/welcome", "welcome"),
];

/// Runs axe-core on the page as it stands: the violations of WCAG 2.0, 2.1 and 2.2 at A and AA.
async fn axe(app: &App) -> Vec<Value> {
    let loaded = app.js("return typeof window.axe === 'object'").await;
    if loaded != Value::Bool(true) {
        let source = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../../node_modules/axe-core/axe.min.js"),
        )
        .expect("node_modules/axe-core (npm ci installs it)");
        app.client
            .execute(&source, vec![])
            .await
            .expect("axe-core loads in the page");
    }
    let result = app
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] }, resultTypes: ['violations'] })
               .then((r) => done(r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })) }))))
               .catch((e) => done([{ id: 'axe-error', help: String(e) }]));",
            vec![],
        )
        .await
        .expect("axe-core runs");
    result.as_array().cloned().unwrap_or_default()
}

#[test]
fn axe_finds_no_wcag_22_aa_violation_on_any_page_in_either_theme_or_language() {
    run(|journal| async move {
        let today = Local::now().date_naive();
        fill(&journal, today);
        let app = App::launch(&journal).await;
        let mut report = Vec::new();
        for (lang, theme) in [
            ("en", "light"),
            ("en", "dark"),
            ("de", "light"),
            ("de", "dark"),
        ] {
            app.js("location.hash = '#/settings'").await;
            app.by_testid("settings-page").await;
            app.choose("setting-theme", theme).await;
            app.wait_for(
                "the theme",
                &format!("return document.documentElement.dataset.theme === '{theme}'"),
            )
            .await;
            app.choose("setting-language", lang).await;
            app.wait_for(
                "the language",
                &format!("return document.documentElement.lang === '{lang}' && !!document.querySelector('[data-testid=settings-page]')"),
            )
            .await;
            for (route, ready) in PAGES {
                app.js(&format!("location.hash = '{route}'")).await;
                app.by_testid(ready).await;
                // The page's last requests (prompts, the week's link, events) have landed.
                tokio::time::sleep(std::time::Duration::from_millis(400)).await;
                for v in axe(&app).await {
                    report.push(format!("{lang}/{theme} {route}: {v}"));
                }
            }
        }
        app.quit(&journal).await;
        assert!(
            report.is_empty(),
            "axe-core found {} violations:\n{}",
            report.len(),
            report.join("\n")
        );
    });
}

/// WebDriver's key characters.
const TAB: char = '\u{e004}';
const SHIFT: char = '\u{e008}';
const SPACE: char = '\u{e00d}';
const RIGHT: char = '\u{e014}';
const ENTER: char = '\u{e007}';
const CONTROL: char = '\u{e009}';

/// Presses Tab (or Shift+Tab) until the focus is on what `test` (a script returning a boolean
/// about `document.activeElement`) names; fails after 80 presses.
async fn tab_to(app: &App, what: &str, test: &str, backwards: bool) {
    let keys: &[char] = if backwards { &[SHIFT, TAB] } else { &[TAB] };
    for _ in 0..80 {
        let here = app
            .js(&format!(
                "const a = document.activeElement; return !!a && ({test});"
            ))
            .await;
        if here == Value::Bool(true) {
            return;
        }
        app.press(keys).await;
    }
    let at = app
        .js("const a = document.activeElement; return a ? a.outerHTML.slice(0, 120) : 'nothing'")
        .await;
    panic!("Tab never reached {what}; the focus is on {at}");
}

/// Whether the focused element shows a focus indicator: an outline or a box shadow, on itself
/// or (for the hidden radios and checkboxes) on the span that draws it.
async fn focus_is_visible(app: &App) -> bool {
    app.js(
        "const a = document.activeElement;
         const shows = (e) => { if (!e) return false; const s = getComputedStyle(e); return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none'; };
         return shows(a) || shows(a.nextElementSibling);",
    )
    .await
        == Value::Bool(true)
}

#[test]
fn a_day_a_check_in_a_week_and_a_search_by_keyboard_alone() {
    run(|journal| async move {
        let today = Local::now().date_naive();
        let app = App::launch(&journal).await;
        app.by_testid("day-title").await;
        // Not one click: Tab, arrows, Space, Enter and typing.
        tab_to(
            &app,
            "the role's editor",
            "a.dataset.testid === 'role-editor'",
            false,
        )
        .await;
        assert!(focus_is_visible(&app).await, "the editor shows its focus");
        app.keys("Prepared the review deck, again.").await;
        tab_to(
            &app,
            "the person's editor",
            "a.dataset.testid === 'self-editor'",
            false,
        )
        .await;
        app.keys("Walked home the long way.").await;
        tab_to(
            &app,
            "the stress scale",
            "a.name === 'rating-stress'",
            false,
        )
        .await;
        assert!(focus_is_visible(&app).await, "a rating shows its focus");
        // Space chooses the focused step (1); each arrow moves the choice one further.
        app.press(&[SPACE]).await;
        for _ in 0..4 {
            app.press(&[RIGHT]).await;
        }
        app.wait_for(
            "stress 5",
            "return document.querySelector('keel-rating[data-value]') !== null && [...document.querySelectorAll('keel-rating')].some((r) => r.dataset.value === '5')",
        )
        .await;
        tab_to(&app, "the boundary", "a.name === 'boundary'", false).await;
        app.press(&[SPACE]).await;
        app.wait_saved().await;

        // To the week, back up through the page to the top bar.
        tab_to(&app, "This week", "a.dataset.testid === 'nav-week'", true).await;
        assert!(focus_is_visible(&app).await, "a link shows its focus");
        app.press(&[ENTER]).await;
        app.by_testid("week-page").await;
        tab_to(
            &app,
            "the week's first question",
            "a.classList.contains('week-answer')",
            false,
        )
        .await;
        app.keys("The deck took the evening.").await;
        let prompt = app
            .js("return document.activeElement.dataset.testid.slice('answer-'.length)")
            .await;
        let prompt = prompt.as_str().unwrap().to_owned();
        app.wait_saved().await;

        // Search: Ctrl+K, the words, Enter.
        app.press(&[CONTROL, 'k']).await;
        app.by_testid("library-page").await;
        app.wait_for(
            "the search box focused",
            "return document.activeElement.dataset.testid === 'library-search'",
        )
        .await;
        app.keys("deck").await;
        app.press(&[ENTER]).await;
        app.wait_for(
            "two results",
            "return document.querySelectorAll('[data-testid=search-result]').length === 2",
        )
        .await;
        app.quit(&journal).await;

        let j = Journal::open(&journal).unwrap();
        let day = j.day(today).unwrap().expect("today's page");
        assert_eq!(day.role, "Prepared the review deck, again.");
        assert_eq!(day.self_text, "Walked home the long way.");
        assert_eq!(day.check_in.stress, Some(5));
        assert_eq!(day.check_in.boundary, Some(Boundary::Kept));
        let week = j
            .week(j.week_containing(today).unwrap())
            .unwrap()
            .expect("the week");
        assert!(
            week.answers
                .iter()
                .any(|a| a.prompt_id == prompt && a.text == "The deck took the evening."),
            "{:?}",
            week.answers
        );
    });
}

#[test]
fn every_page_holds_at_200_percent_zoom_without_scrolling_sideways() {
    run(|journal| async move {
        let today = Local::now().date_naive();
        fill(&journal, today);
        let app = App::launch(&journal).await;
        let mut overflowing = Vec::new();
        // Ctrl+= five times: 20% a step, to 200%. The default window (1240 px wide) then lays
        // the page out in 620 CSS pixels, narrower than the window's minimum (760 px), so both
        // are checked at once.
        app.by_testid("day-title").await;
        for _ in 0..5 {
            app.press(&[CONTROL, '=']).await;
        }
        app.wait_for("the page at 200%", "return window.innerWidth <= 630")
            .await;
        for (route, ready) in PAGES {
            app.js(&format!("location.hash = '{route}'")).await;
            app.by_testid(ready).await;
            tokio::time::sleep(std::time::Duration::from_millis(400)).await;
            let wide = app
                .js("const d = document.documentElement; return d.scrollWidth > d.clientWidth + 1 ? [d.scrollWidth, d.clientWidth, [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > d.clientWidth + 1).slice(0, 3).map((e) => e.tagName + '.' + e.className).join(' ')] : null")
                .await;
            if !wide.is_null() {
                overflowing.push(format!("{route}: {wide}"));
            }
            app.screenshot(&format!("zoom-{ready}")).await;
        }
        app.quit(&journal).await;
        assert!(
            overflowing.is_empty(),
            "pages wider than the window at 200%:\n{}",
            overflowing.join("\n")
        );
    });
}

/// The lock screen of an encrypted journal, the one page a locked journal shows, in German (the
/// system's language: a locked journal's settings cannot be read) and both themes.
#[test]
fn axe_finds_no_violation_on_the_lock_screen() {
    run(|journal| async move {
        Journal::open(&journal)
            .unwrap()
            .encrypt_with("river stone", keel::crypto::KdfParams::FOR_TESTS)
            .unwrap();
        let app =
            App::launch_with(&journal, &[("LANG", std::ffi::OsStr::new("de_DE.UTF-8"))]).await;
        app.wait_for(
            "the lock screen in German",
            "const s = document.querySelector('[data-testid=lock-screen]'); return !!s && s.textContent.includes('Dein Tagebuch ist gesperrt')",
        )
        .await;
        let mut report = Vec::new();
        for theme in ["light", "dark"] {
            app.js(&format!(
                "document.documentElement.dataset.theme = '{theme}'"
            ))
            .await;
            for v in axe(&app).await {
                report.push(format!("{theme}: {v}"));
            }
        }
        // A wrong passphrase is answered in German too, without a click.
        tab_to(
            &app,
            "the passphrase",
            "a.dataset.testid === 'lock-passphrase'",
            false,
        )
        .await;
        app.keys("river sand").await;
        app.press(&[ENTER]).await;
        app.wait_for(
            "the refusal in German",
            "const e = document.querySelector('[data-testid=lock-error]'); return !!e && !e.hidden && e.textContent.startsWith('Diese Passphrase öffnet dieses Tagebuch nicht.')",
        )
        .await;
        app.quit(&journal).await;
        assert!(
            report.is_empty(),
            "axe-core on the lock screen:\n{}",
            report.join("\n")
        );
    });
}

/// With the desktop's animations turned off (GTK's `gtk-enable-animations`, which WebKitGTK
/// reports to the page as `prefers-reduced-motion: reduce`), nothing on the page moves: the
/// rating buttons' fades and the overlap circles' slide are gone. The same page with animations
/// on keeps them, so the check can fail.
#[test]
fn reduced_motion_turns_the_transitions_off() {
    run(|journal| async move {
        let today = Local::now().date_naive();
        fill(&journal, today);
        let motion =
            "const d = (s) => getComputedStyle(document.querySelector(s)).transitionDuration; \
             return [matchMedia('(prefers-reduced-motion: reduce)').matches, \
             d('.rating-choice span'), d('.circle-role')]";
        let app = App::launch(&journal).await;
        app.by_testid("day-title").await;
        let moving = app.js(motion).await;
        app.quit(&journal).await;
        assert_eq!(
            moving,
            serde_json::json!([false, "0.12s, 0.12s", "0.2s"]),
            "animations on"
        );

        let config = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(config.path().join("gtk-3.0")).unwrap();
        std::fs::write(
            config.path().join("gtk-3.0/settings.ini"),
            "[Settings]\ngtk-enable-animations=0\n",
        )
        .unwrap();
        let app =
            App::launch_with(&journal, &[("XDG_CONFIG_HOME", config.path().as_os_str())]).await;
        app.by_testid("day-title").await;
        let still = app.js(motion).await;
        app.quit(&journal).await;
        assert_eq!(
            still,
            serde_json::json!([true, "0s", "0s"]),
            "animations off"
        );
    });
}
