//! Keel in German and Spanish in the real window (issue 19): the system's locale picks the
//! language, every page speaks it, and the Language setting switches at once, without a restart.

use std::collections::BTreeSet;
use std::ffi::OsStr;

use keel::i18n::{page_catalogue, Lang, Language};
use keel_e2e::{run, App};

/// The page's plain messages (no placeables) in `lang`, by id.
fn plain_messages(lang: Language) -> Vec<(String, String)> {
    let catalogue = page_catalogue(lang, &[]);
    catalogue
        .source
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with(' '))
        .filter_map(|l| l.split_once(" = "))
        .filter(|(_, v)| !v.contains('{'))
        .map(|(id, v)| (id.trim().to_owned(), v.trim().to_owned()))
        .collect()
}

/// English sentences of the page that read differently in `lang`: none of them may be on a
/// page drawn in `lang`. Short words ("Check-in", "Export") are left out, as they may be the
/// same word in both.
fn english_only(lang: Language) -> BTreeSet<String> {
    let theirs: std::collections::BTreeMap<String, String> =
        plain_messages(lang).into_iter().collect();
    plain_messages(Language::En)
        .into_iter()
        .filter(|(id, v)| v.len() >= 12 && theirs.get(id).is_some_and(|t| t != v))
        .map(|(_, v)| v)
        .collect()
}

/// The English sentences found on the page now.
async fn english_on_page(app: &App, english: &BTreeSet<String>) -> Vec<String> {
    let text = app
        .js("return document.body.innerText + ' ' + [...document.querySelectorAll('[aria-label],[placeholder],[title]')].map((e) => [e.getAttribute('aria-label'), e.getAttribute('placeholder'), e.getAttribute('title')].join(' ')).join(' ')")
        .await;
    let text = text.as_str().unwrap_or_default().to_owned();
    english
        .iter()
        .filter(|s| text.contains(s.as_str()))
        .cloned()
        .collect()
}

#[test]
fn a_german_system_gets_german_on_every_page() {
    run(|journal| async move {
        let app = App::launch_with(&journal, &[("LANG", OsStr::new("de_DE.UTF-8"))]).await;
        let english = english_only(Language::De);
        assert!(
            english.len() > 100,
            "the check compares {} sentences",
            english.len()
        );
        app.by_testid("day-title").await;
        assert_eq!(app.js("return document.documentElement.lang").await, "de");
        // Each page, reached from the German navigation.
        for (nav, page, german) in [
            ("nav-today", "day-page", "Was ich tue"),
            ("nav-week", "week-page", "Die Woche in Kürze"),
            ("nav-trends", "trends-page", "Stress und Widerstandskraft"),
            ("nav-library", "library-page", "Der Arbeitszyklus"),
            ("nav-prompts", "prompts-page", "Eigene schreiben"),
            ("nav-data", "data-page", "Alles bleibt auf diesem Computer"),
            (
                "nav-settings",
                "settings-page",
                "Gespeichert, sobald du etwas änderst.",
            ),
        ] {
            app.click(nav).await;
            app.by_testid(page).await;
            app.wait_for(
                &format!("{page} in German"),
                &format!("return document.body.innerText.includes({german:?})"),
            )
            .await;
            let found = english_on_page(&app, &english).await;
            assert!(found.is_empty(), "{page} shows English: {found:?}");
            app.screenshot(&format!("de-{page}")).await;
        }
        // The prompts and the trends' sentences come from the core, in German too.
        let german: Vec<String> = keel::prompts::translations(Lang::De)
            .values()
            .cloned()
            .collect();
        app.click("nav-today").await;
        app.wait_for(
            "the day's prompts",
            "return !!document.querySelector('[data-testid=role-prompt]') && !!document.querySelector('[data-testid=self-prompt]')",
        )
        .await;
        for side in ["role", "self"] {
            let text = app
                .js(&format!(
                    "return document.querySelector('[data-testid={side}-prompt]').textContent"
                ))
                .await;
            let text = text.as_str().unwrap_or_default();
            assert!(
                german.iter().any(|g| g == text),
                "the {side} prompt in German: {text}"
            );
        }
        app.click("nav-trends").await;
        app.by_testid("trends-page").await;
        app.wait_for(
            "the comparisons in German",
            "const c = document.querySelector('[data-testid=comparison-stress_by_boundary]'); return !!c && c.textContent.startsWith('Noch zu wenige Daten für den Stress')",
        )
        .await;
        // The dates follow the language too (waiting for the day page to be drawn again).
        app.click("nav-today").await;
        app.wait_for(
            "a German weekday over today's page",
            "const w = document.querySelector('.day-weekday'); return !!w && ['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'Sonntag'].some((d) => w.textContent.includes(d))",
        )
        .await;
        app.quit(&journal).await;
    });
}

#[test]
fn the_language_setting_switches_the_open_window_at_once() {
    run(|journal| async move {
        let app = App::launch(&journal).await;
        app.click("nav-settings").await;
        app.by_testid("settings-page").await;
        assert_eq!(app.js("return document.documentElement.lang").await, "en");
        app.choose("setting-language", "es").await;
        app.wait_for(
            "the settings in Spanish",
            "return document.documentElement.lang === 'es' && document.querySelector('[data-testid=nav-settings]').textContent === 'Ajustes' && document.querySelector('.settings-page h1').textContent === 'Ajustes'",
        )
        .await;
        let english = english_only(Language::Es);
        let found = english_on_page(&app, &english).await;
        assert!(found.is_empty(), "the settings show English: {found:?}");
        // The focus stays on the control the person used.
        assert_eq!(
            app.js("return document.activeElement.dataset.testid").await,
            "setting-language"
        );
        app.screenshot("es-settings").await;
        // The other pages follow without a restart.
        app.click("nav-today").await;
        app.wait_for(
            "today's page in Spanish",
            "return document.body.innerText.includes('Lo que hago') && document.body.innerText.includes('Quién soy')",
        )
        .await;
        app.click("nav-settings").await;
        app.by_testid("settings-page").await;
        app.choose("setting-language", "system").await;
        app.wait_for(
            "back to the system's language (English here)",
            "return document.documentElement.lang === 'en' && document.querySelector('.settings-page h1').textContent === 'Settings'",
        )
        .await;
        app.quit(&journal).await;
        let settings = keel::Journal::open(&journal).unwrap().settings().unwrap();
        assert_eq!(settings.language, Language::System);
        assert_eq!(Lang::resolve(settings.language, ["C.UTF-8"]), Lang::En);
    });
}
