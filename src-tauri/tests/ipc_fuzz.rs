//! Fuzzing the IPC boundary: every command the page can call, with arguments that are random
//! JSON (any shape, any type), and with valid arguments that have one value replaced by a
//! random one; the import commands with random bytes and random headers. Whatever arrives, a
//! command answers `Ok` or the `{kind, message}` error, and nothing panics (a panic hook
//! counts panics on every thread, the async runtime's included).
//!
//! Not here: `export_journal` and `save_chart` (they open the native file dialog, which the
//! mock runtime does not have; their inputs are checked before it opens, in the IPC tests),
//! and `close_window`, which would close the window under test; `set_passphrase`,
//! `change_passphrase` and `remove_passphrase`, whose every valid-looking call derives a key
//! (half a second by design; their refusals are in the IPC tests); `set_background_reminders`,
//! which writes the person's own systemd user units (the e2e test drives it with a scratch
//! config folder). `lock` and `unlock` are here.
//!
//! Runs in its own process (the panic hook is process-wide). Cases: `PROPTEST_CASES`
//! (default 2,000 per property); it prints the executions.

use keel_test_support::desktop as support;

use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::{DateTime, FixedOffset};
use keel_desktop::state::{AppState, Clock};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use serde_json::{json, Map, Value};
use tauri::ipc::InvokeBody;
use tauri::test::{mock_builder, MockRuntime};
use tauri::WebviewWindow;

static PANICS: AtomicUsize = AtomicUsize::new(0);

struct FixedClock;

impl Clock for FixedClock {
    fn now(&self) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2026-11-28T20:15:00+01:00").unwrap()
    }
}

/// Each fuzzed command with arguments it accepts.
fn commands() -> Vec<(&'static str, Value)> {
    let page = json!({"role": "Review #work", "self": "Swim", "stress": 7, "resilience": 4,
                      "overlap": 5, "boundary": "kept", "after_hours_minutes": 45});
    let fields = json!({"side": "self", "cadence": "weekly", "theme": "relationships",
                        "text": "Who did I miss?"});
    let content = json!({"answers": [{"prompt_id": "w-001", "text": "A walk"}],
                         "role_gave": ["trust"], "role_cost": ["evenings"],
                         "next_boundary": "18:30", "kept_last_boundary": null});
    let settings = json!({"end_of_work": "18:00", "review_days": ["mon"], "week_start": "mon",
                          "reflection_day": "fri", "theme": "system", "days_off": ["sun"],
                          "reminders": {"end_of_work": true, "check_in": "21:00",
                                        "weekly": null, "background": false}});
    vec![
        ("get_app_info", json!({})),
        ("get_day", json!({"date": "2026-11-28"})),
        ("save_day", json!({"date": "2026-11-28", "page": page})),
        ("render_markdown", json!({"text": "# Hi *there* <b>x</b>"})),
        (
            "render_marked",
            json!({"text": "Café *review*", "terms": ["cafe", "review"]}),
        ),
        ("get_today", json!({})),
        ("get_day_prompts", json!({"date": "2026-11-28"})),
        (
            "another_prompt",
            json!({"date": "2026-11-28", "side": "role"}),
        ),
        ("hide_prompt", json!({"date": "2026-11-28", "id": "r-001"})),
        ("list_prompts", json!({})),
        ("set_prompt_hidden", json!({"id": "r-002", "hidden": true})),
        ("add_prompt", json!({"fields": fields})),
        ("edit_prompt", json!({"id": "u-001", "fields": fields})),
        ("delete_prompt", json!({"id": "u-001"})),
        ("get_week", json!({"week": "2026-W48"})),
        ("save_week", json!({"week": "2026-W48", "content": content})),
        (
            "save_week",
            json!({"week": "2026-W48", "content": content, "base": content}),
        ),
        ("week_of", json!({"date": "2026-11-28"})),
        ("get_catalogue", json!({})),
        ("get_settings", json!({})),
        ("save_settings", json!({"settings": settings})),
        ("get_trends", json!({"range": "30d"})),
        ("search", json!({"query": "review stress>=5 #work"})),
        ("tag_counts", json!({})),
        (
            "calendar",
            json!({"from": "2026-11-01", "to": "2026-11-30"}),
        ),
        ("on_this_day", json!({"date": "2026-11-28"})),
        ("list_backups", json!({})),
        (
            "restore_backup",
            json!({"name": "keel-backup-2026-11-28T201500.json"}),
        ),
        ("page_shown", json!({})),
        ("lock", json!({})),
        ("unlock", json!({"passphrase": "river stone"})),
        ("get_values", json!({})),
        (
            "set_values",
            json!({"values": [{"name": "Kind"}, {"name": "Brave"}, {"name": "Rested", "practice": "asleep by 23:00"}]}),
        ),
        (
            "list_events",
            json!({"from": "2026-01-01", "to": "2026-12-31"}),
        ),
        (
            "add_event",
            json!({"start": "2026-11-20", "end": "2026-11-22", "kind": "review", "note": "H2 calibration"}),
        ),
        ("remove_event", json!({"id": 1})),
        ("finish_welcome", json!({})),
        (
            "answer_end_of_work",
            json!({"date": "2026-11-28", "answer": "still-working"}),
        ),
        ("still_working", json!({"date": "2026-11-28"})),
        (
            "save_day",
            json!({"date": "2026-11-28", "page": page, "base": page}),
        ),
        ("get_sync", json!({})),
        // The journal here has no passphrase, so no folder is ever written to.
        (
            "attach_sync",
            json!({"folder": "/nonexistent/keel-sync-fuzz", "name": "work laptop", "passphrase": "river stone"}),
        ),
        ("sync_now", json!({})),
        ("detach_sync", json!({})),
    ]
}

/// Any JSON value, biased towards what the commands parse: dates, weeks, times, enums.
fn any_json() -> impl Strategy<Value = Value> {
    let text = prop_oneof![
        "\\PC{0,40}",
        "[0-9]{1,5}-[0-9]{1,2}-[0-9]{1,2}",
        "[0-9]{4}-W[0-9]{1,2}",
        "[0-9]{1,2}:[0-9]{1,2}",
        "(role|self|bridge|mon|fri|sun|daily|weekly|kept|broken|dark|system|30d|1y|all|review|time-off|held|bent)",
        "[#a-z<>\"'&=]{0,30}",
        Just("x".repeat(70_000)),
    ];
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        (-20i64..400).prop_map(Value::from),
        any::<f64>().prop_map(|f| json!(f)),
        text.prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 24, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(
                "(role|self|stress|overlap|boundary|text|side|theme|answers|week_start|[a-z_]{1,8})",
                inner,
                0..6
            )
            .prop_map(|m| Value::Object(m.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// Every place in `value` where a value sits, as a path of keys and indexes.
fn paths(value: &Value, at: Vec<String>, out: &mut Vec<Vec<String>>) {
    out.push(at.clone());
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                let mut p = at.clone();
                p.push(k.clone());
                paths(v, p, out);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                let mut p = at.clone();
                p.push(i.to_string());
                paths(v, p, out);
            }
        }
        _ => {}
    }
}

fn replace_at(value: &mut Value, path: &[String], with: Value) {
    match path.split_first() {
        None => *value = with,
        Some((key, rest)) => {
            let next = match value {
                Value::Object(map) => map.get_mut(key),
                Value::Array(items) => key.parse::<usize>().ok().and_then(|i| items.get_mut(i)),
                _ => None,
            };
            if let Some(next) = next {
                replace_at(next, rest, with);
            }
        }
    }
}

fn invoke(
    window: &WebviewWindow<MockRuntime>,
    cmd: &str,
    body: InvokeBody,
    headers: tauri::http::HeaderMap,
) {
    let result = support::invoke(window, cmd, body, headers);
    if let Err(err) = result {
        // Tauri's own refusal of arguments that do not deserialize is a string; every error of
        // Keel's is `{kind, message}` with a message a person can read.
        match &err {
            Value::String(s) => assert!(!s.is_empty()),
            Value::Object(map) => {
                assert_eq!(map.len(), 2, "{err}");
                assert!(map["kind"].is_string(), "{err}");
                assert!(!map["message"].as_str().unwrap().is_empty(), "{err}");
            }
            other => panic!("{cmd}: an error of an unexpected shape: {other}"),
        }
    }
}

fn main() {
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        PANICS.fetch_add(1, Ordering::SeqCst);
        default_hook(info);
    }));
    let cases: u32 = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2_000);

    let dir = tempfile::tempdir().unwrap();
    let state = AppState::open(Ok(dir.path().to_owned()), Box::new(FixedClock));
    let app = support::mock_app(keel_desktop::with_app(mock_builder(), state));
    let window = &app.window;
    let commands = commands();
    let executions = AtomicUsize::new(0);
    let config = Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    };

    // 1. Random arguments: each of the command's argument names given a random value or left
    //    out, plus a stray argument now and then.
    let mut runner = TestRunner::new(config.clone());
    let strategy = (
        0..commands.len(),
        prop::collection::vec(proptest::option::of(any_json()), 3),
        proptest::option::of(any_json()),
    );
    let random = runner.run(&strategy, |(i, values, stray)| {
        let (cmd, valid) = &commands[i];
        let mut args = Map::new();
        for (name, value) in valid.as_object().unwrap().keys().zip(values) {
            if let Some(v) = value {
                args.insert(name.clone(), v);
            }
        }
        if let Some(v) = stray {
            args.insert("stray".into(), v);
        }
        invoke(
            window,
            cmd,
            InvokeBody::Json(Value::Object(args)),
            Default::default(),
        );
        executions.fetch_add(1, Ordering::Relaxed);
        Ok(())
    });

    // 2. Valid arguments with one value, anywhere in them, replaced by a random one.
    let mut runner = TestRunner::new(config.clone());
    let strategy = (0..commands.len(), any::<prop::sample::Index>(), any_json());
    let mutated = runner.run(&strategy, |(i, at, with)| {
        let (cmd, valid) = &commands[i];
        let mut args = valid.clone();
        let mut all = Vec::new();
        paths(&args, Vec::new(), &mut all);
        let path = &all[at.index(all.len())];
        if !path.is_empty() {
            replace_at(&mut args, path, with);
        }
        invoke(window, cmd, InvokeBody::Json(args), Default::default());
        executions.fetch_add(1, Ordering::Relaxed);
        Ok(())
    });

    // 3. The imports: random bytes (or a JSON-ish file) with random source and side headers.
    let mut runner = TestRunner::new(config);
    let strategy = (
        any::<bool>(),
        prop_oneof![
            prop::collection::vec(any::<u8>(), 0..2_000),
            any_json().prop_map(|v| v.to_string().into_bytes()),
        ],
        "(keel|jrnl|dayone|dayone-zip|[a-z]{0,6})",
        "(role|self|[a-z]{0,6})",
    );
    let imports = runner.run(&strategy, |(apply, bytes, source, side)| {
        let mut headers = tauri::http::HeaderMap::new();
        headers.insert("x-keel-source", source.parse().unwrap());
        headers.insert("x-keel-side", side.parse().unwrap());
        let cmd = if apply {
            "apply_import"
        } else {
            "preview_import"
        };
        invoke(window, cmd, InvokeBody::Raw(bytes), headers);
        executions.fetch_add(1, Ordering::Relaxed);
        Ok(())
    });

    let panics = PANICS.load(Ordering::SeqCst);
    println!(
        "ipc fuzz: {} executions over {} commands (random arguments, mutated valid arguments, \
         random imports), {panics} panics",
        executions.load(Ordering::Relaxed),
        commands.len() + 2
    );
    let failures: Vec<String> = [
        random.err().map(|e| e.to_string()),
        mutated.err().map(|e| e.to_string()),
        imports.err().map(|e| e.to_string()),
    ]
    .into_iter()
    .flatten()
    .collect();
    for f in &failures {
        println!("  {f}");
    }
    let ok = failures.is_empty() && panics == 0;
    println!(
        "ipc fuzz: {} passed, {} failed",
        u8::from(ok),
        u8::from(!ok)
    );
    if !ok {
        std::process::exit(1);
    }
}
