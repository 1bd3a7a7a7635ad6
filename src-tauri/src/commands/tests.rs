//! Every command through the mock runtime: argument names, answers and the `{kind, message}`
//! error shape, exactly as the page calls them.

use chrono::{DateTime, FixedOffset};
use serde_json::{json, Value};
use tauri::ipc::InvokeBody;
use tauri::test::mock_builder;

use keel_test_support::desktop as support;

use crate::state::{AppState, Clock};

struct FixedClock;

impl Clock for FixedClock {
    fn now(&self) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2026-11-28T20:15:00+01:00").unwrap()
    }
}

struct App {
    inner: support::MockApp,
    _dir: Option<tempfile::TempDir>,
}

impl std::ops::Deref for App {
    type Target = support::MockApp;
    fn deref(&self) -> &support::MockApp {
        &self.inner
    }
}

fn app_with(state: AppState, dir: Option<tempfile::TempDir>) -> App {
    App {
        inner: support::mock_app(crate::with_app(mock_builder(), state)),
        _dir: dir,
    }
}

fn app() -> App {
    let dir = tempfile::tempdir().unwrap();
    let state = AppState::open(Ok(dir.path().to_owned()), Box::new(FixedClock));
    app_with(state, Some(dir))
}

fn call(app: &App, cmd: &str, args: Value) -> Result<Value, Value> {
    support::invoke(&app.window, cmd, InvokeBody::Json(args), Default::default())
}

fn page(role: &str) -> Value {
    json!({"role": role, "self": "Dinner with A.", "stress": 7, "resilience": 4, "overlap": 5,
           "boundary": "broken", "after_hours_minutes": 45})
}

#[track_caller]
fn assert_error(result: Result<Value, Value>, kind: &str, words: &str) {
    let err = result.expect_err("an error");
    assert_eq!(err["kind"], kind, "{err}");
    let message = err["message"].as_str().unwrap();
    assert!(message.contains(words), "{message}");
    assert_eq!(
        err.as_object().unwrap().len(),
        2,
        "only kind and message: {err}"
    );
}

#[test]
fn get_app_info_reports_today_scales_and_the_journal() {
    let app = app();
    let info = call(&app, "get_app_info", json!({})).unwrap();
    assert_eq!(info["today"], "2026-11-28");
    assert_eq!(info["scales"][0]["field"], "stress");
    assert_eq!(info["scales"][2]["max"], 7);
    assert_eq!(info["end_of_work"], "18:00");
    assert_eq!(info["journal_error"], Value::Null);
}

#[test]
fn page_shown_is_granted_and_answers_nothing() {
    let app = app();
    assert_eq!(call(&app, "page_shown", json!({})).unwrap(), Value::Null);
    assert_eq!(call(&app, "page_shown", json!({})).unwrap(), Value::Null);
}

#[test]
fn save_day_then_get_day_round_trips() {
    let app = app();
    let saved = call(
        &app,
        "save_day",
        json!({"date": "2026-11-27", "page": page("Board prep #q4")}),
    )
    .unwrap();
    assert_eq!(saved["saved"], true);
    assert_eq!(saved["tags"], json!(["q4"]));
    assert_eq!(saved["updated_at"], "2026-11-28T20:15:00+01:00");
    let got = call(&app, "get_day", json!({"date": "2026-11-27"})).unwrap();
    assert_eq!(got, saved);
    assert_eq!(got["self"], "Dinner with A.");
    assert_eq!(got["boundary"], "broken");
}

#[test]
fn a_save_made_over_a_page_saved_meanwhile_merges_both() {
    let app = app();
    let date = "2026-11-27";
    let loaded = call(
        &app,
        "save_day",
        json!({"date": date, "page": page("standup\nreview")}),
    )
    .unwrap();
    // Saved meanwhile, as an exchange with the sync folder or `keel add` would.
    call(
        &app,
        "save_day",
        json!({"date": date, "page": page("standup\nreview\nretro")}),
    )
    .unwrap();
    let mut base = page("standup\nreview");
    base["self"] = loaded["self"].clone();
    let merged = call(
        &app,
        "save_day",
        json!({"date": date, "page": page("coffee\nstandup\nreview"), "base": base}),
    )
    .unwrap();
    assert_eq!(merged["role"], "coffee\nstandup\nreview\nretro");
    // Without a base, the page is the truth (the call the page made before sync existed).
    let plain = call(
        &app,
        "save_day",
        json!({"date": date, "page": page("only this")}),
    )
    .unwrap();
    assert_eq!(plain["role"], "only this");
    // A bad base is refused like a bad page, and nothing is written.
    assert!(call(
        &app,
        "save_day",
        json!({"date": date, "page": page("x"), "base": {"role": 3}}),
    )
    .is_err());
    assert_eq!(
        call(&app, "get_day", json!({"date": date})).unwrap()["role"],
        "only this"
    );
}

#[test]
fn sync_commands_answer_plainly_when_the_journal_does_not_sync() {
    let app = app();
    let got = call(&app, "get_sync", json!({})).unwrap();
    assert_eq!(got["status"], Value::Null);
    assert_eq!(got["last_error"], Value::Null);
    assert!(!got["host_name"].as_str().unwrap().is_empty());
    let folder = tempfile::tempdir().unwrap();
    assert_error(
        call(
            &app,
            "attach_sync",
            json!({"folder": folder.path(), "name": "work laptop", "passphrase": "p"}),
        ),
        "sync_folder",
        "passphrase",
    );
    assert_eq!(std::fs::read_dir(folder.path()).unwrap().count(), 0);
    assert_error(
        call(&app, "sync_now", json!({})),
        "not_syncing",
        "not attached",
    );
    assert_eq!(call(&app, "detach_sync", json!({})).unwrap(), Value::Null);
}

#[test]
fn get_day_of_an_empty_day_is_unsaved_and_blank() {
    let app = app();
    let day = call(&app, "get_day", json!({"date": "2026-01-01"})).unwrap();
    assert_eq!(day["saved"], false);
    assert_eq!(day["role"], "");
    assert_eq!(day["stress"], Value::Null);
    assert_eq!(day["updated_at"], Value::Null);
}

#[test]
fn bad_dates_and_ratings_answer_with_kind_and_message() {
    let app = app();
    assert_error(
        call(&app, "get_day", json!({"date": "2026-13-01"})),
        "invalid_date",
        "is not a date",
    );
    let mut bad = page("x");
    bad["stress"] = json!(11);
    assert_error(
        call(&app, "save_day", json!({"date": "2026-11-28", "page": bad})),
        "invalid_rating",
        "stress must be a whole number from 1 to 10",
    );
    bad = page("x");
    bad["after_hours_minutes"] = json!(-5);
    assert_error(
        call(&app, "save_day", json!({"date": "2026-11-28", "page": bad})),
        "invalid_minutes",
        "-5",
    );
    let day = call(&app, "get_day", json!({"date": "2026-11-28"})).unwrap();
    assert_eq!(day["saved"], false, "nothing was written by refused saves");
}

#[test]
fn wrong_argument_names_and_shapes_are_refused() {
    let app = app();
    assert!(call(&app, "get_day", json!({"day": "2026-11-28"})).is_err());
    assert!(call(
        &app,
        "save_day",
        json!({"date": "2026-11-28", "page": {"role": "only"}})
    )
    .is_err());
    let mut extra = page("x");
    extra["admin"] = json!(true);
    let err = call(
        &app,
        "save_day",
        json!({"date": "2026-11-28", "page": extra}),
    )
    .unwrap_err();
    assert!(err.to_string().contains("unknown field"), "{err}");
}

#[test]
fn oversized_text_is_refused_with_a_message() {
    let app = app();
    let huge = "a".repeat(10 * 1024 * 1024);
    assert_error(
        call(
            &app,
            "save_day",
            json!({"date": "2026-11-28", "page": page(&huge)}),
        ),
        "entry_too_large",
        "more than the",
    );
    assert_error(
        call(&app, "render_markdown", json!({"text": huge})),
        "text_too_large",
        "more than the",
    );
}

#[test]
fn render_markdown_returns_sanitized_html() {
    let app = app();
    let html = call(
        &app,
        "render_markdown",
        json!({"text": "**hi** <script>x()</script> #tag"}),
    )
    .unwrap();
    assert_eq!(
        html,
        "<p><strong>hi</strong> &lt;script&gt;x()&lt;/script&gt; <span class=\"tag\">#tag</span></p>\n"
    );
}

#[test]
fn render_marked_marks_the_words_a_search_found() {
    let app = app();
    let marked = call(
        &app,
        "render_marked",
        json!({"text": "The forecast review, <b>Café</b>", "terms": ["cafe", "review"]}),
    )
    .unwrap();
    assert_eq!(marked["marks"], 2, "{marked}");
    assert_eq!(
        marked["html"],
        "<p>The forecast <mark class=\"hit\">review</mark>, &lt;b&gt;<mark class=\"hit\">Café</mark>&lt;/b&gt;</p>\n"
    );
    assert_error(
        call(
            &app,
            "render_marked",
            json!({"text": "x".repeat(130 * 1024), "terms": []}),
        ),
        "text_too_large",
        "more than the",
    );
    assert!(
        call(&app, "render_marked", json!({"text": "x"})).is_err(),
        "terms are required"
    );
}

#[test]
fn get_today_is_the_shells_clock() {
    let app = app();
    assert_eq!(call(&app, "get_today", json!({})).unwrap(), "2026-11-28");
}

#[test]
fn a_journal_that_cannot_open_is_reported_by_every_command() {
    let dir = tempfile::tempdir().unwrap();
    let holder = keel::Journal::open(dir.path()).unwrap();
    // sled's lock is per process, so simulate the second process's failure directly.
    let locked = Err(keel::KeelError::JournalLocked {
        path: dir.path().to_owned(),
    });
    let state = AppState::open(locked, Box::new(FixedClock));
    let app = app_with(state, None);
    let info = call(&app, "get_app_info", json!({})).unwrap();
    assert_eq!(info["journal_error"]["kind"], "journal_locked");
    assert_error(
        call(&app, "get_day", json!({"date": "2026-11-28"})),
        "journal_locked",
        "open in another Keel process",
    );
    drop(holder);
}

#[test]
fn day_prompts_are_stable_and_another_and_hide_change_them() {
    let app = app();
    let first = call(&app, "get_day_prompts", json!({"date": "2026-11-24"})).unwrap();
    assert_eq!(first["date"], "2026-11-24");
    for side in ["role", "self"] {
        assert!(first[side]["id"].is_string(), "{first}");
        assert!(first[side]["text"].is_string(), "{first}");
    }
    assert_eq!(first["role"]["side"], "role");
    assert_eq!(first["self"]["side"], "self");
    assert_eq!(
        call(&app, "get_day_prompts", json!({"date": "2026-11-24"})).unwrap(),
        first
    );

    let next = call(
        &app,
        "another_prompt",
        json!({"date": "2026-11-24", "side": "role"}),
    )
    .unwrap();
    assert_ne!(next["role"]["id"], first["role"]["id"]);
    assert_eq!(next["self"], first["self"]);

    let hidden_id = next["self"]["id"].clone();
    let after = call(
        &app,
        "hide_prompt",
        json!({"date": "2026-11-24", "id": hidden_id}),
    )
    .unwrap();
    assert_ne!(after["self"]["id"], hidden_id);
    let all = call(&app, "list_prompts", json!({})).unwrap();
    let hidden = all
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == hidden_id)
        .unwrap();
    assert_eq!(hidden["hidden"], true);
    let shown = call(
        &app,
        "set_prompt_hidden",
        json!({"id": hidden_id, "hidden": false}),
    )
    .unwrap();
    assert_eq!(shown["hidden"], false);
}

#[test]
fn prompt_commands_refuse_bad_input_clearly() {
    let app = app();
    assert!(call(
        &app,
        "another_prompt",
        json!({"date": "2026-11-24", "side": "boss"})
    )
    .is_err());
    assert_error(
        call(
            &app,
            "hide_prompt",
            json!({"date": "2026-11-24", "id": "zzz"}),
        ),
        "unknown_prompt",
        "no prompt with the id",
    );
    assert_error(
        call(&app, "get_day_prompts", json!({"date": "24/11/2026"})),
        "invalid_date",
        "is not a date",
    );
    let empty =
        json!({"fields": {"side": "self", "cadence": "daily", "theme": "values", "text": "  "}});
    assert_error(
        call(&app, "add_prompt", empty),
        "invalid_prompt",
        "1 to 600 characters",
    );
    assert_error(
        call(&app, "delete_prompt", json!({"id": "r-001"})),
        "invalid_prompt",
        "hidden but not deleted",
    );
}

#[test]
fn user_prompts_are_added_edited_and_deleted() {
    let app = app();
    let fields = json!({"side": "self", "cadence": "weekly", "theme": "relationships", "text": "Who did I miss this week?"});
    let added = call(&app, "add_prompt", json!({"fields": fields})).unwrap();
    assert_eq!(added["origin"], "user");
    assert_eq!(added["cadence"], "weekly");
    let id = added["id"].as_str().unwrap().to_owned();
    let edited = call(
        &app,
        "edit_prompt",
        json!({"id": id, "fields": {"side": "bridge", "cadence": "daily", "theme": "identity", "text": "Who am I missing?"}}),
    )
    .unwrap();
    assert_eq!(edited["text"], "Who am I missing?");
    assert_eq!(edited["side"], "bridge");
    assert_eq!(
        call(&app, "delete_prompt", json!({"id": id})).unwrap(),
        Value::Null
    );
    let all = call(&app, "list_prompts", json!({})).unwrap();
    assert!(all.as_array().unwrap().iter().all(|p| p["id"] != id));
    assert!(all.as_array().unwrap().len() >= 120);
}

#[test]
fn a_week_is_summed_up_saved_and_its_boundary_shown_the_week_after() {
    let app = app();
    for (date, stress) in [("2026-11-23", 8), ("2026-11-24", 6), ("2026-11-26", 2)] {
        let mut p = page("work");
        p["stress"] = json!(stress);
        call(&app, "save_day", json!({"date": date, "page": p})).unwrap();
    }
    let week = call(&app, "get_week", json!({"week": "2026-W48"})).unwrap();
    assert_eq!(week["first_day"], "2026-11-23");
    assert_eq!(week["previous_week"], "2026-W47");
    assert_eq!(
        week["summary"]["this_week"]["stress"],
        json!({"n": 3, "mean": 16.0 / 3.0, "min": 2, "max": 8})
    );
    assert_eq!(week["summary"]["days"].as_array().unwrap().len(), 7);
    assert_eq!(week["summary"]["days"][2]["stress"], Value::Null);
    assert_eq!(week["summary"]["hardest_day"]["date"], "2026-11-23");
    assert_eq!(week["saved"], false);
    let n_prompts = week["prompts"].as_array().unwrap().len();
    assert!((3..=5).contains(&n_prompts));

    let content = json!({
        "answers": [{"prompt_id": week["prompts"][0]["id"], "text": "Quieter than I feared."}],
        "role_gave": ["A team that trusts me"],
        "role_cost": ["Two evenings", "  "],
        "next_boundary": "Laptop shut at 18:30",
        "kept_last_boundary": null
    });
    assert_eq!(
        call(
            &app,
            "save_week",
            json!({"week": "2026-W48", "content": content})
        )
        .unwrap(),
        Value::Null,
        "stored as typed"
    );
    let again = call(&app, "get_week", json!({"week": "2026-W48"})).unwrap();
    assert_eq!(again["saved"], true);
    assert_eq!(
        again["content"]["role_cost"],
        json!(["Two evenings"]),
        "empty items are dropped"
    );
    assert_eq!(
        again["content"]["answers"][0]["text"],
        "Quieter than I feared."
    );
    let next = call(&app, "get_week", json!({"week": "2026-W49"})).unwrap();
    assert_eq!(next["last_week_boundary"], "Laptop shut at 18:30");

    // Saved meanwhile (sync brought a ledger item), then a save from the page as loaded: both.
    let loaded = again["content"].clone();
    let mut meanwhile = loaded.clone();
    meanwhile["role_gave"] = json!(["A team that trusts me", "A calm retro"]);
    call(
        &app,
        "save_week",
        json!({"week": "2026-W48", "content": meanwhile}),
    )
    .unwrap();
    let mut typed = loaded.clone();
    typed["next_boundary"] = json!("Laptop shut at 18:00");
    let merged = call(
        &app,
        "save_week",
        json!({"week": "2026-W48", "content": typed, "base": loaded}),
    )
    .unwrap();
    assert_eq!(
        merged["role_gave"],
        json!(["A team that trusts me", "A calm retro"])
    );
    assert_eq!(merged["next_boundary"], "Laptop shut at 18:00");
    // Over the page as stored now, nothing to merge: stored as typed.
    let mut again = merged.clone();
    again["next_boundary"] = json!("Laptop shut at 17:30");
    assert_eq!(
        call(
            &app,
            "save_week",
            json!({"week": "2026-W48", "content": again, "base": merged}),
        )
        .unwrap(),
        Value::Null
    );
    assert_eq!(
        call(&app, "week_of", json!({"date": "2026-11-29"})).unwrap(),
        "2026-W48"
    );
}

#[test]
fn week_commands_refuse_bad_input() {
    let app = app();
    assert_error(
        call(&app, "get_week", json!({"week": "2026-W54"})),
        "invalid_week_id",
        "is not a week",
    );
    let too_many = json!({"answers": [], "role_gave": vec!["x"; 51], "role_cost": [], "next_boundary": "", "kept_last_boundary": null});
    assert_error(
        call(
            &app,
            "save_week",
            json!({"week": "2026-W48", "content": too_many}),
        ),
        "invalid_week",
        "at most 50",
    );
    assert!(call(
        &app,
        "save_week",
        json!({"week": "2026-W48", "content": {"answers": []}})
    )
    .is_err());
}

/// The language: stored through the settings, refused when unknown (nothing written).
#[test]
fn the_language_setting_is_stored_and_checked() {
    let app = app();
    let first = call(&app, "get_catalogue", json!({})).unwrap();
    assert_eq!(
        first["lang"], "en",
        "no system locale in this test: English"
    );
    assert!(first["source"]
        .as_str()
        .unwrap()
        .contains("nav-today = Today"));
    let base = json!({"end_of_work": "18:00", "review_days": ["mon"], "week_start": "mon", "reflection_day": "fri", "theme": "system"});
    let mut german = base.clone();
    german["language"] = json!("de");
    let saved = call(&app, "save_settings", json!({"settings": german})).unwrap();
    assert_eq!(saved["language"], "de");
    // (The German catalogue, and the German errors that follow it, are tested in their own
    // process, tests/languages.rs: loading it here would make this whole process speak German.)
    let mut bad = base.clone();
    bad["language"] = json!("fr");
    assert!(call(&app, "save_settings", json!({"settings": bad})).is_err());
    assert_eq!(
        call(&app, "get_settings", json!({})).unwrap()["language"],
        "de",
        "nothing written"
    );
    // Absent: kept.
    let kept = call(&app, "save_settings", json!({"settings": base})).unwrap();
    assert_eq!(kept["language"], "de");
}

#[test]
fn settings_are_read_saved_and_checked() {
    let app = app();
    let current = call(&app, "get_settings", json!({})).unwrap();
    assert_eq!(
        current,
        json!({"end_of_work": "18:00", "review_days": ["mon", "tue"], "week_start": "mon", "reflection_day": "fri", "theme": "system", "auto_lock_minutes": 15,
               "days_off": ["sat", "sun"], "language": "system",
               "reminders": {"end_of_work": false, "check_in": null, "weekly": null, "background": false}})
    );
    let next = json!({"end_of_work": "17:30", "review_days": ["wed", "mon", "wed"], "week_start": "sun", "reflection_day": "thu", "theme": "dark"});
    let saved = call(&app, "save_settings", json!({"settings": next})).unwrap();
    assert_eq!(
        saved["review_days"],
        json!(["mon", "wed"]),
        "sorted, without repeats"
    );
    assert_eq!(saved["week_start"], "sun");
    assert_eq!(saved["auto_lock_minutes"], 15, "absent: kept as it was");
    let lock_after = json!({"end_of_work": "17:30", "review_days": [], "week_start": "sun", "reflection_day": "thu", "theme": "dark", "auto_lock_minutes": 5});
    let saved = call(&app, "save_settings", json!({"settings": lock_after})).unwrap();
    assert_eq!(saved["auto_lock_minutes"], 5);
    let too_long = json!({"end_of_work": "17:30", "review_days": [], "week_start": "sun", "reflection_day": "thu", "theme": "dark", "auto_lock_minutes": 5000});
    assert_error(
        call(&app, "save_settings", json!({"settings": too_long})),
        "invalid_settings",
        "at most 1440 minutes",
    );
    // The week summary follows the new week start.
    let week = call(&app, "get_week", json!({"week": "2026-W48"})).unwrap();
    assert_eq!(week["first_day"], "2026-11-22");
    let info = call(&app, "get_app_info", json!({})).unwrap();
    assert_eq!(info["end_of_work"], "17:30");
    let bad = json!({"end_of_work": "25:99", "review_days": [], "week_start": "mon", "reflection_day": "fri", "theme": "system"});
    assert_error(
        call(&app, "save_settings", json!({"settings": bad})),
        "invalid_settings",
        "is not a time of day",
    );
    assert!(call(
        &app,
        "save_settings",
        json!({"settings": {"theme": "neon"}})
    )
    .is_err());
}

#[test]
fn reminders_are_set_with_the_settings_but_the_background_timer_only_by_its_own_command() {
    let app = app();
    let with = json!({"end_of_work": "18:00", "review_days": [], "week_start": "mon", "reflection_day": "fri", "theme": "system",
                      "days_off": ["sun", "sat", "sun"],
                      "reminders": {"end_of_work": true, "check_in": "21:15", "weekly": null, "background": true}});
    let saved = call(&app, "save_settings", json!({"settings": with})).unwrap();
    assert_eq!(
        saved["days_off"],
        json!(["sat", "sun"]),
        "in weekday order, once each"
    );
    assert_eq!(
        saved["reminders"],
        json!({"end_of_work": true, "check_in": "21:15", "weekly": null, "background": false}),
        "background is not switched by save_settings (it writes a timer)"
    );
    let every_day_off = json!({"end_of_work": "18:00", "review_days": [], "week_start": "mon", "reflection_day": "fri", "theme": "system",
                               "days_off": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]});
    assert_error(
        call(&app, "save_settings", json!({"settings": every_day_off})),
        "invalid_settings",
        "at least one day of the week must be a working day",
    );
    let bad_time = json!({"end_of_work": "18:00", "review_days": [], "week_start": "mon", "reflection_day": "fri", "theme": "system",
                          "reminders": {"end_of_work": true, "check_in": "9pm", "weekly": null, "background": false}});
    assert_error(
        call(&app, "save_settings", json!({"settings": bad_time})),
        "invalid_settings",
        "is not a time of day",
    );
    let kept = call(&app, "get_settings", json!({})).unwrap();
    assert_eq!(
        kept["reminders"]["check_in"], "21:15",
        "a refused save wrote nothing"
    );
}

#[test]
fn the_end_of_work_answers_write_the_boundary_and_still_working_waits_for_done() {
    let app = app();
    assert_eq!(
        call(&app, "still_working", json!({"date": "2026-11-28"})).unwrap(),
        Value::Null
    );
    let day = call(
        &app,
        "answer_end_of_work",
        json!({"date": "2026-11-28", "answer": "still-working"}),
    )
    .unwrap();
    assert_eq!(day["boundary"], "broken");
    assert_eq!(day["after_hours_minutes"], Value::Null);
    let still = call(&app, "still_working", json!({"date": "2026-11-28"})).unwrap();
    assert_eq!(still["end_of_work"], "18:00");
    let day = call(
        &app,
        "answer_end_of_work",
        json!({"date": "2026-11-28", "answer": "done"}),
    )
    .unwrap();
    assert_eq!(day["boundary"], "broken");
    assert_eq!(
        day["after_hours_minutes"], 135,
        "18:00 to the clock's 20:15"
    );
    assert_eq!(
        call(&app, "still_working", json!({"date": "2026-11-28"})).unwrap(),
        Value::Null
    );
    assert!(call(
        &app,
        "answer_end_of_work",
        json!({"date": "2026-11-28", "answer": "maybe"}),
    )
    .is_err());
    assert_error(
        call(&app, "still_working", json!({"date": "28/11/2026"})),
        "invalid_date",
        "is not a date",
    );
}

fn call_raw(
    app: &App,
    cmd: &str,
    bytes: &[u8],
    headers: &[(&'static str, &str)],
) -> Result<Value, Value> {
    let mut map = tauri::http::HeaderMap::new();
    for (name, value) in headers {
        map.insert(*name, value.parse().unwrap());
    }
    support::invoke(&app.window, cmd, InvokeBody::Raw(bytes.to_vec()), map)
}

fn jrnl_fixture() -> Vec<u8> {
    std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/jrnl/export.json"),
    )
    .unwrap()
}

#[test]
fn an_import_is_previewed_without_writing_then_applied() {
    let app = app();
    let headers = [("x-keel-source", "jrnl"), ("x-keel-side", "role")];
    let preview = call_raw(&app, "preview_import", &jrnl_fixture(), &headers).unwrap();
    assert_eq!(preview["n_new"], 6);
    assert_eq!(preview["n_days"], 5);
    assert_eq!(preview["first_date"], "2026-11-23");
    assert_eq!(preview["applied"], false);
    assert_eq!(
        call(&app, "get_day", json!({"date": "2026-11-23"})).unwrap()["saved"],
        false
    );

    let applied = call_raw(&app, "apply_import", &jrnl_fixture(), &headers).unwrap();
    assert_eq!(applied["applied"], true);
    let day = call(&app, "get_day", json!({"date": "2026-11-23"})).unwrap();
    assert!(
        day["role"].as_str().unwrap().contains("Evening walk."),
        "{day}"
    );
    let again = call_raw(&app, "preview_import", &jrnl_fixture(), &headers).unwrap();
    assert_eq!(
        (again["n_new"].clone(), again["n_duplicates"].clone()),
        (json!(0), json!(6))
    );
}

#[test]
fn import_requests_refuse_bad_headers_and_bad_files() {
    let app = app();
    assert_error(
        call_raw(
            &app,
            "preview_import",
            b"{}",
            &[("x-keel-source", "evernote")],
        ),
        "invalid_import_request",
        "Keel imports from keel, jrnl or dayone, not “evernote”",
    );
    assert_error(
        call_raw(
            &app,
            "preview_import",
            b"{}",
            &[("x-keel-source", "jrnl"), ("x-keel-side", "bridge")],
        ),
        "invalid_import_request",
        "role or self",
    );
    assert_error(
        call_raw(&app, "apply_import", b"[]", &[("x-keel-source", "dayone")]),
        "bad_import",
        "Nothing was imported",
    );
    assert_error(
        call(&app, "preview_import", json!({"source": "jrnl"})),
        "invalid_import_request",
        "raw bytes",
    );
}

#[test]
fn trends_come_with_points_rolling_means_and_comparisons() {
    let app = app();
    for (i, date) in ["2026-11-20", "2026-11-22", "2026-11-27"]
        .iter()
        .enumerate()
    {
        let mut p = page("w");
        p["stress"] = json!(2 + 3 * i);
        call(&app, "save_day", json!({"date": date, "page": p})).unwrap();
    }
    let t = call(&app, "get_trends", json!({"range": "30d"})).unwrap();
    assert_eq!(t["range"], "30d");
    assert_eq!(t["to"], "2026-11-28");
    assert_eq!(t["points"].as_array().unwrap().len(), 3);
    assert_eq!(
        t["points"][2]["stress_mean"],
        5.0 + 1.5,
        "22 and 27 November: (5 + 8) / 2"
    );
    assert_eq!(t["points"][2]["stress_n"], 2);
    assert_eq!(t["weekdays"].as_array().unwrap().len(), 7);
    assert_eq!(t["comparisons"][0]["enough"], false);
    assert_error(
        call(&app, "get_trends", json!({"range": "2w"})),
        "invalid_range",
        "30d, 90d, 1y or all",
    );
}

#[test]
fn search_tags_calendar_and_on_this_day() {
    let app = app();
    let mut p = page("The forecast review, again. #wbr");
    p["self"] = json!("Café with Émile.");
    call(
        &app,
        "save_day",
        json!({"date": "2026-11-23", "page": p.clone()}),
    )
    .unwrap();
    call(
        &app,
        "save_day",
        json!({"date": "2025-11-28", "page": page("A year ago: #wbr prep")}),
    )
    .unwrap();
    let found = call(&app, "search", json!({"query": "cafe emile"})).unwrap();
    assert_eq!(found["terms"], json!(["cafe", "emile"]));
    assert_eq!(found["hits"][0]["date"], "2026-11-23");
    assert_eq!(found["hits"][0]["side"], "self");
    assert_eq!(
        found["hits"][0]["snippet"][0],
        json!({"text": "Café", "hit": true})
    );
    let tags = call(&app, "tag_counts", json!({})).unwrap();
    assert_eq!(tags[0], json!({"tag": "wbr", "days": 2}));
    let cal = call(
        &app,
        "calendar",
        json!({"from": "2026-11-01", "to": "2026-11-30"}),
    )
    .unwrap();
    assert_eq!(cal, json!([{"date": "2026-11-23", "stress": 7}]));
    let earlier = call(&app, "on_this_day", json!({"date": "2026-11-28"})).unwrap();
    assert_eq!(earlier[0]["years_ago"], 1);
    assert_error(
        call(
            &app,
            "calendar",
            json!({"from": "2020-01-01", "to": "2026-01-01"}),
        ),
        "invalid_range",
        "at most a year",
    );
    assert_error(
        call(&app, "search", json!({"query": "stress>=x"})),
        "invalid_query",
        "whole number",
    );
}

#[test]
fn backups_are_listed_by_name_only() {
    let dir = tempfile::tempdir().unwrap();
    {
        let j = keel::Journal::open(dir.path()).unwrap();
        keel::backup::create(&j, FixedClock.now()).unwrap();
    }
    let state = AppState::open(Ok(dir.path().to_owned()), Box::new(FixedClock));
    let app = app_with(state, None);
    let list = call(&app, "list_backups", json!({})).unwrap();
    let name = list[0]["name"].as_str().unwrap();
    assert!(name.starts_with("keel-backup-2026-11-28T201500"), "{name}");
    assert_eq!(list[0]["taken_at"], "2026-11-28 20:15");
    assert!(!name.contains('/'));
}

#[test]
fn a_damaged_journal_is_reported_and_its_backup_restores_every_page() {
    let dir = tempfile::tempdir().unwrap();
    {
        // Written by the core directly: a mock app is not dropped with its state, so it would
        // keep the journal's lock for the rest of the test.
        let journal = keel::Journal::open(dir.path()).unwrap();
        for day in 1..=20 {
            let date = chrono::NaiveDate::from_ymd_opt(2026, 11, day).unwrap();
            let patch = keel::DayPatch {
                role: Some(format!("day {day}")),
                ..Default::default()
            };
            journal.save_day(date, &patch, FixedClock.now()).unwrap();
        }
        keel::backup::create(&journal, FixedClock.now()).unwrap();
    }
    // Cut the store's log in half (sled pre-allocates: cut what it has used), and lose the
    // redo log with it (which holds the last saves and would otherwise bring them back).
    let db = dir.path().join("store/db");
    let bytes = std::fs::read(&db).unwrap();
    let used = bytes.iter().rposition(|&b| b != 0).unwrap() + 1;
    std::fs::write(&db, &bytes[..used / 2]).unwrap();
    std::fs::remove_file(dir.path().join("store/redo.log")).unwrap();

    let state = AppState::open(Ok(dir.path().to_owned()), Box::new(FixedClock));
    let app = app_with(state, None);
    let info = call(&app, "get_app_info", json!({})).unwrap();
    assert_eq!(info["journal_error"]["kind"], "corrupt", "{info}");
    let message = info["journal_error"]["message"].as_str().unwrap();
    assert!(
        message.contains("is damaged and cannot be read"),
        "{message}"
    );
    assert_error(
        call(&app, "get_day", json!({"date": "2026-11-05"})),
        "corrupt",
        "is damaged",
    );
    let backups = call(&app, "list_backups", json!({})).unwrap();
    let name = backups[0]["name"].as_str().unwrap().to_owned();
    // What `restore_backup` does before it restarts the app; the restart opens the journal.
    keel::backup::request_restore(dir.path(), &name).unwrap();
    drop(app);
    let state = AppState::open(Ok(dir.path().to_owned()), Box::new(FixedClock));
    let app = app_with(state, None);
    for day in 1..=20 {
        let date = format!("2026-11-{day:02}");
        let got = call(&app, "get_day", json!({"date": date})).unwrap();
        assert_eq!(got["role"], format!("day {day}"), "{got}");
    }
}

#[test]
fn an_encrypted_journal_is_locked_until_its_passphrase_opens_it() {
    let app = app();
    call(
        &app,
        "save_day",
        json!({"date": "2026-11-27", "page": page("the zebracorn plan")}),
    )
    .unwrap();
    let info = call(&app, "get_app_info", json!({})).unwrap();
    assert_eq!(info["encrypted"], false);
    assert_eq!(
        call(&app, "lock", json!({})).unwrap(),
        false,
        "nothing to lock"
    );
    assert_error(
        call(
            &app,
            "set_passphrase",
            json!({"passphrase": "  ", "removeOldBackups": false}),
        ),
        "invalid_passphrase",
        "empty",
    );
    call(
        &app,
        "set_passphrase",
        json!({"passphrase": "river stone", "removeOldBackups": true}),
    )
    .unwrap();
    assert_eq!(
        call(&app, "get_app_info", json!({})).unwrap()["encrypted"],
        true
    );

    assert_eq!(call(&app, "lock", json!({})).unwrap(), true);
    assert_error(
        call(&app, "get_day", json!({"date": "2026-11-27"})),
        "locked",
        "passphrase",
    );
    let info = call(&app, "get_app_info", json!({})).unwrap();
    assert_eq!(info["journal_error"]["kind"], "locked");
    assert_eq!(info["encrypted"], true);
    assert_error(
        call(&app, "unlock", json!({"passphrase": "river sand"})),
        "wrong_passphrase",
        "does not open",
    );
    assert_error(
        call(&app, "unlock", json!({"passphrase": "river stone"})),
        "rate_limited",
        "try again",
    );
    std::thread::sleep(std::time::Duration::from_millis(1100));
    call(&app, "unlock", json!({"passphrase": "river stone"})).unwrap();
    let day = call(&app, "get_day", json!({"date": "2026-11-27"})).unwrap();
    assert_eq!(day["role"], "the zebracorn plan", "{day}");

    assert_error(
        call(
            &app,
            "change_passphrase",
            json!({"old": "river", "new": "sea glass"}),
        ),
        "wrong_passphrase",
        "does not open",
    );
    call(
        &app,
        "change_passphrase",
        json!({"old": "river stone", "new": "sea glass"}),
    )
    .unwrap();
    assert_error(
        call(
            &app,
            "remove_passphrase",
            json!({"passphrase": "river stone"}),
        ),
        "wrong_passphrase",
        "does not open",
    );
    call(
        &app,
        "remove_passphrase",
        json!({"passphrase": "sea glass"}),
    )
    .unwrap();
    assert_eq!(
        call(&app, "get_app_info", json!({})).unwrap()["encrypted"],
        false
    );
    let day = call(&app, "get_day", json!({"date": "2026-11-27"})).unwrap();
    assert_eq!(day["role"], "the zebracorn plan");
}

#[test]
fn values_and_events_are_set_listed_and_refused_when_bad() {
    let app = app();
    let info = call(&app, "get_app_info", json!({})).unwrap();
    assert_eq!(info["welcome"], true, "a new journal offers the welcome");

    let book = call(
        &app,
        "set_values",
        json!({"values": [{"name": "Kind"}, {"name": "Brave", "practice": "say the hard thing"}, {"name": "Rested"}]}),
    )
    .unwrap();
    assert_eq!(book["values"][1]["practice"], "say the hard thing");
    assert_eq!(call(&app, "get_values", json!({})).unwrap(), book);
    assert_error(
        call(&app, "set_values", json!({"values": [{"name": "Kind"}]})),
        "invalid_values",
        "3 to 7",
    );
    assert_eq!(
        call(&app, "get_values", json!({})).unwrap(),
        book,
        "nothing written"
    );

    let event = call(
        &app,
        "add_event",
        json!({"start": "2026-11-20", "end": "2026-11-22", "kind": "planning", "note": "H1"}),
    )
    .unwrap();
    assert_eq!(event["id"], 1);
    assert_eq!(event["kind"], "planning");
    let own = call(
        &app,
        "add_event",
        json!({"start": "2026-11-25", "end": null, "kind": "offsite", "note": ""}),
    )
    .unwrap();
    assert_eq!(own["end"], "2026-11-25");
    assert_error(
        call(
            &app,
            "add_event",
            json!({"start": "2026-11-20", "end": "2026-11-19", "kind": "launch", "note": ""}),
        ),
        "invalid_event",
        "before it starts",
    );
    assert_error(
        call(
            &app,
            "add_event",
            json!({"start": "2026-13-01", "end": null, "kind": "launch", "note": ""}),
        ),
        "invalid_date",
        "2026-13-01",
    );
    let listed = call(
        &app,
        "list_events",
        json!({"from": "2026-11-22", "to": "2026-11-24"}),
    )
    .unwrap();
    assert_eq!(listed.as_array().unwrap().len(), 1);
    let week = call(&app, "get_week", json!({"week": "2026-W47"})).unwrap();
    assert_eq!(week["events"][0]["note"], "H1");
    assert_eq!(week["values"].as_array().unwrap().len(), 3);
    assert_eq!(call(&app, "remove_event", json!({"id": 1})).unwrap(), event);
    assert_error(
        call(&app, "remove_event", json!({"id": 1})),
        "unknown_event",
        "no event",
    );

    let info = call(&app, "get_app_info", json!({})).unwrap();
    assert_eq!(info["welcome"], false, "a journal with values is not new");
    call(&app, "finish_welcome", json!({})).unwrap();
}
