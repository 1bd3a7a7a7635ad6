//! The command line in German and Spanish (issue 19): the system's locale, or the Language
//! setting, decides; the person's own words stay as written.

use super::{keel, keel_in, stdout};

#[test]
fn a_german_locale_gets_keel_show_and_keel_prompt_in_german() {
    let dir = tempfile::tempdir().unwrap();
    let j = dir.path();
    let out = keel(
        j,
        &[
            "add",
            "--date",
            "2026-12-01",
            "--role",
            "Quarterly numbers",
            "--self",
            "The park",
            "--stress",
            "6",
            "--boundary",
            "broken",
            "--after-hours",
            "40",
        ],
    );
    assert!(out.status.success(), "{out:?}");

    let show = stdout(&keel_in(j, &["show", "2026-12-01"], "", "de_DE.UTF-8"));
    assert!(show.starts_with("Dienstag, 1. Dezember 2026\n"), "{show}");
    for german in [
        "Was ich tue",
        "Wer ich bin",
        "Stress 6/10",
        "Grenze überschritten (40 Min. nach Feierabend)",
    ] {
        assert!(show.contains(german), "{german} in:\n{show}");
    }
    assert!(
        show.contains("Quarterly numbers") && show.contains("The park"),
        "the pages as written:\n{show}"
    );
    assert!(!show.contains("What I do"), "{show}");

    // A Friday (the reflection day): the daily prompts and the week's set, all in German.
    let prompt = stdout(&keel_in(j, &["prompt", "2026-12-04"], "", "de_DE.UTF-8"));
    assert!(
        prompt.starts_with("Freitag, 4. Dezember 2026\n"),
        "{prompt}"
    );
    assert!(
        prompt.contains("\nWas ich tue: ") && prompt.contains("\nWer ich bin: "),
        "{prompt}"
    );
    assert!(
        prompt.contains("Zum Rückblick auf diese Woche:"),
        "{prompt}"
    );
    let english: Vec<String> = keel::prompts::shipped()
        .unwrap()
        .into_iter()
        .map(|p| p.text)
        .collect();
    let german = keel::prompts::translations(keel::i18n::Lang::De);
    let shown: Vec<&str> = prompt
        .lines()
        .filter_map(|l| {
            l.strip_prefix("- ")
                .or_else(|| l.split_once(": ").map(|(_, t)| t))
        })
        .collect();
    assert!(shown.len() >= 5, "{prompt}");
    for text in shown {
        assert!(
            german.values().any(|g| g == text),
            "not a German prompt: {text}"
        );
        assert!(
            !english.iter().any(|e| e == text),
            "an English prompt: {text}"
        );
    }
    // The same day's prompts in English name the same ids: a language changes words, not choices.
    let en: serde_json::Value =
        serde_json::from_str(&stdout(&keel(j, &["prompt", "2026-12-04", "--json"]))).unwrap();
    let de: serde_json::Value = serde_json::from_str(&stdout(&keel_in(
        j,
        &["prompt", "2026-12-04", "--json"],
        "",
        "de_DE.UTF-8",
    )))
    .unwrap();
    assert_eq!(en["role"]["id"], de["role"]["id"]);
    assert_ne!(en["role"]["text"], de["role"]["text"]);
}

#[test]
fn the_language_setting_wins_over_the_locale_and_system_follows_it() {
    let dir = tempfile::tempdir().unwrap();
    let j = dir.path();
    assert!(keel(j, &["add", "--date", "2026-12-01", "--role", "x"])
        .status
        .success());
    let set = keel(j, &["settings", "set", "--language", "es"]);
    assert!(set.status.success(), "{set:?}");
    assert!(
        // Said in the language just chosen.
        stdout(&set).contains("Idioma:             es"),
        "{}",
        stdout(&set)
    );
    let show = stdout(&keel_in(j, &["show", "2026-12-01"], "", "de_DE.UTF-8"));
    assert!(
        show.starts_with("martes, 1 de diciembre de 2026\n") && show.contains("Lo que hago"),
        "{show}"
    );
    assert!(keel(j, &["settings", "set", "--language", "system"])
        .status
        .success());
    let show = stdout(&keel_in(j, &["show", "2026-12-01"], "", "de_DE.UTF-8"));
    assert!(show.contains("Was ich tue"), "{show}");
    let bad = keel(j, &["settings", "set", "--language", "fr"]);
    assert_eq!(bad.status.code(), Some(2), "{bad:?}");
    assert!(
        super::stderr(&bad).contains("--language takes system, en, de or es"),
        "{bad:?}"
    );
}

#[test]
fn errors_speak_the_language_too() {
    let dir = tempfile::tempdir().unwrap();
    let out = keel_in(dir.path(), &["show", "2026-13-01"], "", "es_ES.UTF-8");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        super::stderr(&out),
        "keel: «2026-13-01» no es una fecha; escríbela como AAAA-MM-DD, por ejemplo 2026-11-28.\n"
    );
    let out = keel_in(
        dir.path(),
        &["add", "--date", "2026-12-01", "--stress", "11"],
        "",
        "de_DE.UTF-8",
    );
    assert!(
        super::stderr(&out)
            .contains("Stress muss eine ganze Zahl von 1 bis 10 sein; 11 liegt außerhalb."),
        "{out:?}"
    );
    // A refusal's reason comes from the catalogue too.
    let out = keel_in(
        dir.path(),
        &[
            "settings",
            "set",
            "--days-off",
            "mon,tue,wed,thu,fri,sat,sun",
        ],
        "",
        "de_DE.UTF-8",
    );
    assert_eq!(
        super::stderr(&out),
        "keel: Diese Einstellungen lassen sich nicht speichern: Mindestens ein Wochentag muss ein Arbeitstag sein.\n"
    );
    // A file that cannot be imported: the file's fault, the entry, and why, all in German;
    // and the entries skipped with --skip-bad listed in German.
    let bad = dir.path().join("bad.json");
    std::fs::write(
        &bad,
        r#"{"entries": [{"date": "2026-11-01"}, {"date": "1 Nov"}, {"time": "noon"}]}"#,
    )
    .unwrap();
    let import = ["import", "--from", "jrnl", bad.to_str().unwrap()];
    let out = keel_in(dir.path(), &import, "", "de_DE.UTF-8");
    assert_eq!(
        super::stderr(&out),
        "keel: Diese Datei lässt sich nicht als jrnl JSON importieren: Eintrag 2, Feld „date“: \
         „1 Nov“ ist kein Datum; schreib es als JJJJ-MM-TT, zum Beispiel 2026-11-28 (und 1 \
         weiterer fehlerhafter Eintrag). Es wurde nichts importiert.\n"
    );
    let out = keel_in(
        dir.path(),
        &[&import[..], &["--skip-bad"]].concat(),
        "",
        "es_ES.UTF-8",
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let said = super::stdout(&out);
    assert!(said.contains("entrada 3, campo «date»: falta"), "{said}");
}

#[test]
fn keel_week_summarises_the_week_in_german() {
    let dir = tempfile::tempdir().unwrap();
    let j = dir.path();
    for (date, stress) in [("2026-11-30", "4"), ("2026-12-01", "7")] {
        assert!(keel(
            j,
            &["add", "--date", date, "--role", "Numbers", "--stress", stress]
        )
        .status
        .success());
    }
    let week = stdout(&keel_in(j, &["week", "2026-W49"], "", "de_DE.UTF-8"));
    assert!(
        week.starts_with("Woche 2026-W49 (Mo, 30. Nov bis So, 6. Dez 2026)\n"),
        "{week}"
    );
    assert!(
        week.contains("Stress           Mittel 5,5 (niedrigster 4, höchster 7; 2 Tage)"),
        "{week}"
    );
    assert!(week.contains("Check-ins        an 2 von 7 Tagen"), "{week}");
    let english = stdout(&keel(j, &["week", "2026-W49"]));
    assert!(
        english.contains("stress      mean 5.5 (lowest 4, highest 7; 2 days)"),
        "{english}"
    );
}

/// The Markdown export's headings follow the journal's language (its front matter's keys are a
/// format and stay as they are); `keel settings` names the days in it.
#[test]
fn the_markdown_export_and_the_settings_speak_the_journal_language() {
    let dir = tempfile::tempdir().unwrap();
    let j = dir.path();
    assert!(keel(
        j,
        &[
            "add",
            "--date",
            "2026-12-01",
            "--role",
            "Zahlen",
            "--self",
            "Der Park"
        ]
    )
    .status
    .success());
    let set = keel_in(
        j,
        &["settings", "set", "--language", "de"],
        "",
        "en_US.UTF-8",
    );
    let said = stdout(&set);
    assert!(said.contains("Wochenbeginn:       Mo\n"), "{said}");
    assert!(said.contains("Mo Di Mi Do Fr (frei: Sa So)"), "{said}");
    let folder = j.join("md");
    let out = keel(
        j,
        &[
            "export",
            "--format",
            "markdown",
            "--out",
            folder.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{out:?}");
    let page = std::fs::read_to_string(folder.join("2026/2026-12-01.md")).unwrap();
    assert!(page.contains("date: 2026-12-01\nstress: null"), "{page}");
    assert!(
        page.ends_with("## Was ich tue\n\nZahlen\n\n## Wer ich bin\n\nDer Park\n"),
        "{page}"
    );
}

/// `keel --help`, `keel help COMMAND` and a usage error follow the system's language (no
/// journal is open yet to say otherwise).
#[test]
fn the_help_and_usage_errors_speak_the_system_language() {
    let dir = tempfile::tempdir().unwrap();
    let j = dir.path();
    let help = stdout(&keel_in(j, &["--help"], "", "de_DE.UTF-8"));
    assert!(help.contains("Aufruf: keel"), "{help}");
    assert!(
        help.contains("Befehle:\n  add ") && help.contains("Die Seite eines Tages zeigen"),
        "{help}"
    );
    assert!(help.contains("-h, --help           Hilfe zeigen"), "{help}");
    let import = stdout(&keel_in(j, &["help", "import"], "", "es_ES.UTF-8"));
    assert!(import.contains("Uso: keel import"), "{import}");
    assert!(import.contains("El archivo exportado"), "{import}");
    let english = stdout(&keel(j, &["import", "--help"]));
    assert!(
        english.contains("Bring entries in from Keel JSON"),
        "{english}"
    );
    assert!(english.contains("Usage: keel import"), "{english}");
    // What clap finds wrong is said in the language too, with the argument it is about.
    let unknown = keel_in(j, &["frobnicate"], "", "es_ES.UTF-8");
    assert_eq!(unknown.status.code(), Some(2));
    assert_eq!(
        super::stderr(&unknown),
        "keel: «frobnicate» no es una orden\n`keel --help` muestra las órdenes.\n"
    );
    let conflict = keel(j, &["show", "--json", "--html"]);
    assert_eq!(
        super::stderr(&conflict),
        "keel: --json cannot be used with --html\nRun `keel --help` for the commands.\n"
    );
    let usage = keel_in(j, &["search", ""], "", "de_DE.UTF-8");
    assert_eq!(usage.status.code(), Some(2));
    assert_eq!(
        super::stderr(&usage),
        "keel: gib etwas zum Suchen an: Wörter, eine \"Phrase\", ein #Schlagwort oder einen \
         Zeitraum.\n`keel --help` zeigt die Befehle.\n"
    );
}
