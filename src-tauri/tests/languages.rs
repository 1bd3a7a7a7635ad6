//! The window's language through the IPC boundary (issue 19), in its own process: the language
//! the page loads its catalogue in is the language of every error message after it (a value of
//! the whole process, so the other IPC tests, which read English messages, never share it).

use keel_test_support::desktop as support;

use chrono::{DateTime, FixedOffset};
use keel_desktop::state::{AppState, Clock};
use serde_json::{json, Value};
use tauri::ipc::InvokeBody;
use tauri::test::mock_builder;

struct FixedClock;

impl Clock for FixedClock {
    fn now(&self) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2026-12-01T20:15:00+01:00").unwrap()
    }
}

#[test]
fn after_the_page_speaks_german_its_errors_do_too() {
    let dir = tempfile::tempdir().unwrap();
    let state = AppState::open(Ok(dir.path().to_owned()), Box::new(FixedClock));
    let app = support::mock_app(keel_desktop::with_app(mock_builder(), state));
    let call = |cmd: &str, args: Value| {
        support::invoke(&app.window, cmd, InvokeBody::Json(args), Default::default())
    };
    let english = call("get_day", json!({"date": "2026-13-01"})).unwrap_err();
    assert_eq!(
        english["message"],
        "“2026-13-01” is not a date; write it as YYYY-MM-DD, for example 2026-11-28."
    );
    let settings = json!({"end_of_work": "18:00", "review_days": ["mon"], "week_start": "mon",
                          "reflection_day": "fri", "theme": "system", "language": "de"});
    call("save_settings", json!({ "settings": settings })).unwrap();
    let page = call("get_catalogue", json!({})).unwrap();
    assert_eq!(page["lang"], "de");
    let german = call("get_day", json!({"date": "2026-13-01"})).unwrap_err();
    assert_eq!(
        german["kind"], "invalid_date",
        "the kind never changes with the language"
    );
    assert_eq!(
        german["message"],
        "„2026-13-01“ ist kein Datum; schreib es als JJJJ-MM-TT, zum Beispiel 2026-11-28."
    );
    let rating = call(
        "save_day",
        json!({"date": "2026-12-01", "page": {"role": "", "self": "", "stress": 11, "resilience": null,
                                               "overlap": null, "boundary": null, "after_hours_minutes": null}}),
    )
    .unwrap_err();
    assert_eq!(
        rating["message"],
        "Stress muss eine ganze Zahl von 1 bis 10 sein; 11 liegt außerhalb."
    );
    // An import the file refuses, and the entries a partial import skips, in German too.
    let import = |cmd: &str, skip: &str| {
        let mut headers = tauri::http::HeaderMap::new();
        headers.insert("x-keel-source", "jrnl".parse().unwrap());
        headers.insert("x-keel-skip-bad", skip.parse().unwrap());
        let file = br#"{"entries": [{"date": "2026-11-01", "body": "ok"}, {"time": "9"}]}"#;
        support::invoke(&app.window, cmd, InvokeBody::Raw(file.to_vec()), headers)
    };
    let refused = import("preview_import", "false").unwrap_err();
    assert_eq!(refused["kind"], "bad_import");
    assert_eq!(
        refused["message"],
        "Diese Datei lässt sich nicht als jrnl JSON importieren: Eintrag 2, Feld „date“: fehlt. \
         Es wurde nichts importiert."
    );
    let plan = import("preview_import", "true").unwrap();
    assert_eq!(plan["skipped"][0]["reason"], "fehlt", "{plan}");
    // The shipped prompts answer in German as well; a prompt of one's own stays as written.
    let prompts = call("list_prompts", json!({})).unwrap();
    let r001 = prompts
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == "r-001")
        .unwrap();
    assert_eq!(
        r001["text"],
        "Welche Zahl ist dir heute nachgelaufen? Was misst sie eigentlich, und was lässt sie aus?"
    );
}
