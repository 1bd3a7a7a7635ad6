//! Interchange tests: the Keel JSON round trip on random journals, jrnl's own export, Day One's
//! (the shared fixture, and time zones across the date line, in JSON and zipped), refusals that
//! leave the journal untouched, skipping bad entries, and no panic on arbitrary bytes.

use std::io::Write;
use std::path::PathBuf;

use chrono::{DateTime, FixedOffset};
use proptest::prelude::*;

use super::*;
use crate::model::{Boundary, CheckIn, PromptFields, Theme, WeekContent};

fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-28T12:00:00+01:00").unwrap()
}

fn journal() -> (tempfile::TempDir, Journal) {
    let dir = tempfile::tempdir().unwrap();
    let j = Journal::open(dir.path()).unwrap();
    (dir, j)
}

fn jrnl_fixture() -> Vec<u8> {
    std::fs::read(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/jrnl/export.json"))
        .unwrap()
}

fn shared_dayone_fixture() -> Vec<u8> {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/fixtures/dayone/demo.json");
    std::fs::read(&path).unwrap_or_else(|e| {
        panic!(
            "the Day One fixture is missing at {} ({e}): it lives in the team's shared/ folder beside the checkout",
            path.display()
        )
    })
}

// ------------------------------------------------------------------ imports in chunks

fn jrnl_export(entries: std::ops::Range<u32>) -> Vec<u8> {
    let entries: Vec<serde_json::Value> = entries
        .map(|i| {
            let date = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + chrono::Days::new(u64::from(i));
            serde_json::json!({"title": format!("Entry {i}."), "body": format!("Only here: word{i}x, and common words."),
                               "date": date.to_string(), "time": "21:00", "tags": ["@work"], "starred": false})
        })
        .collect();
    serde_json::json!({"tags": {"@work": 1}, "entries": entries})
        .to_string()
        .into_bytes()
}

#[test]
fn an_import_across_many_chunks_is_whole_searchable_and_resumes_without_repeating_a_day() {
    let (_dir, j) = journal();
    let chunk = crate::store::IMPORT_CHUNK_DAYS as u32;
    let n = chunk * 3 + 2;
    // A first import stopped after its first chunk and a half (as a crash between chunks
    // would leave it: whole days with their marks).
    let first = import(
        &j,
        Source::Jrnl,
        &jrnl_export(0..chunk + chunk / 2),
        ImportOptions::default(),
        now(),
    )
    .unwrap();
    assert_eq!(first.n_new as u32, chunk + chunk / 2);
    // The whole file again: what came in is recognised, the rest comes in, nothing twice.
    let plan = import(
        &j,
        Source::Jrnl,
        &jrnl_export(0..n),
        ImportOptions::default(),
        now(),
    )
    .unwrap();
    assert_eq!(plan.n_duplicates as u32, chunk + chunk / 2);
    assert_eq!(plan.n_new as u32, n - chunk - chunk / 2);
    assert_eq!(j.n_days().unwrap() as u32, n);
    for i in [0, chunk - 1, chunk, chunk * 2 + 1, n - 1] {
        let found = crate::search::find(&j, &format!("word{i}x"), 10).unwrap();
        assert_eq!(found.hits.len(), 1, "the word of entry {i} is indexed once");
        let date = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + chrono::Days::new(u64::from(i));
        let day = j.day(date).unwrap().unwrap();
        assert_eq!(
            day.self_text.matches("Only here").count(),
            1,
            "entry {i} once: {}",
            day.self_text
        );
    }
    assert_eq!(
        crate::search::find(&j, "common", 1000).unwrap().hits.len() as u32,
        n
    );
    // A third time: nothing new.
    let again = plan_import(&j, &jrnl_export(0..n));
    assert_eq!((again.n_new, again.n_duplicates as u32), (0, n));
}

/// A day of a Keel JSON file as an export writes it, with no check-in.
fn keel_day(
    date: &str,
    role: &str,
    myself: &str,
    tags: &[&str],
    prompt_ids: &[&str],
) -> serde_json::Value {
    serde_json::json!({"date": date, "role": role, "self": myself, "stress": null,
        "resilience": null, "overlap": null, "boundary": null, "after_hours_minutes": null,
        "tags": tags, "prompt_ids": prompt_ids,
        "created_at": "2026-11-02T21:00:00+01:00", "updated_at": "2026-11-02T21:00:00+01:00"})
}

#[test]
fn a_keel_json_days_tags_come_from_its_text_not_from_the_file() {
    let (_dir, j) = journal();
    let file = serde_json::json!({"format": "keel", "version": 1, "weeks": [], "prompts": [], "settings": null,
        "days": [keel_day("2026-11-02", "Numbers again #wbr", "Swim #health", &["forged"], &[])]});
    import(
        &j,
        Source::Keel,
        file.to_string().as_bytes(),
        ImportOptions::default(),
        now(),
    )
    .unwrap();
    let day = j
        .day(NaiveDate::from_ymd_opt(2026, 11, 2).unwrap())
        .unwrap()
        .unwrap();
    assert_eq!(day.tags, ["health", "wbr"]);
    assert_eq!(crate::search::find(&j, "#wbr", 10).unwrap().hits.len(), 1);
    assert!(crate::search::find(&j, "#forged", 10)
        .unwrap()
        .hits
        .is_empty());
}

#[test]
fn a_keel_json_plan_spans_its_earliest_to_its_latest_day_in_any_order() {
    let (_dir, j) = journal();
    let day = |d: &str| keel_day(d, &format!("On {d}"), "", &[], &[]);
    let file = serde_json::json!({"format": "keel", "version": 1, "weeks": [], "prompts": [],
        "settings": null, "days": [day("2026-11-02"), day("2019-03-04"), day("2031-01-01")]});
    let plan = plan(
        &j,
        Source::Keel,
        file.to_string().as_bytes(),
        ImportOptions::default(),
        now(),
    )
    .unwrap();
    assert_eq!(
        (plan.first_date, plan.last_date),
        (Some(date("2019-03-04")), Some(date("2031-01-01")))
    );
}

/// A file from before prompt ids were random names the person's own prompt `u-3`, counted on
/// the computer that wrote it: imported, the prompt takes a random id (and the day that showed
/// it follows), so it cannot overwrite another computer's `u-3` once they sync; imported again,
/// it is the same prompt, not a second one.
#[test]
fn a_keel_json_prompt_with_a_counted_id_takes_an_id_of_this_journal() {
    let (_dir, j) = journal();
    let file = serde_json::json!({"format": "keel", "version": 1, "weeks": [], "settings": null,
        "prompts": [{"id": "u-3", "side": "self", "cadence": "daily", "theme": "recovery",
                     "text": "What did the evening give back?", "origin": "user",
                     "edited": false, "hidden": false}],
        "days": [keel_day("2026-11-02", "", "A walk.", &[], &["u-3"])]})
    .to_string();
    let import_it = || {
        import(
            &j,
            Source::Keel,
            file.as_bytes(),
            ImportOptions::default(),
            now(),
        )
        .unwrap()
    };
    let own = || -> Vec<crate::model::Prompt> {
        j.prompts()
            .unwrap()
            .into_iter()
            .filter(|p| p.origin == crate::model::PromptOrigin::User)
            .collect()
    };
    assert_eq!(import_it().n_new, 1);
    let mine = own();
    assert_eq!(mine.len(), 1);
    let id = &mine[0].id;
    assert!(id.starts_with("u-") && id.len() == 18, "{id}");
    assert_eq!(mine[0].text, "What did the evening give back?");
    let day = j.day(date("2026-11-02")).unwrap().unwrap();
    assert_eq!(day.prompt_ids, vec![id.clone()]);
    let again = import_it();
    assert_eq!((again.n_new, again.n_duplicates), (0, 1));
    assert_eq!(own(), mine);
}

fn plan_import(j: &Journal, bytes: &[u8]) -> ImportPlan {
    plan(j, Source::Jrnl, bytes, ImportOptions::default(), now()).unwrap()
}

#[test]
fn a_jrnl_file_planned_from_its_path_is_planned_as_its_bytes_are() {
    let dir = tempfile::tempdir().unwrap();
    let j = Journal::open(&dir.path().join("journal")).unwrap();
    let bytes = jrnl_export(0..25);
    let path = dir.path().join("export.json");
    // White space before the object, as a file written by hand may have.
    std::fs::write(&path, [b"\n  ".as_slice(), &bytes].concat()).unwrap();
    let from_file = plan_file(&j, Source::Jrnl, &path, ImportOptions::default(), now()).unwrap();
    let from_bytes = plan_import(&j, &bytes);
    assert_eq!(
        format!("{:?}", from_file.batch),
        format!("{:?}", from_bytes.batch)
    );
    assert_eq!((from_file.n_new, from_file.n_days), (25, 25));
    let missing = dir.path().join("no such export.json");
    match plan_file(&j, Source::Jrnl, &missing, ImportOptions::default(), now()) {
        Err(KeelError::Io { action, path, .. }) => assert_eq!((action, path), ("read", missing)),
        other => panic!("{other:?}"),
    }
    std::fs::write(&path, b"[1, 2]").unwrap();
    let refused = plan_file(&j, Source::Jrnl, &path, ImportOptions::default(), now())
        .unwrap_err()
        .to_string();
    assert!(refused.contains("no “entries” list"), "{refused}");
}

// ------------------------------------------------------------------ Keel JSON round trip

fn arbitrary_day() -> impl Strategy<Value = DayEntry> {
    (
        0u32..3000,
        "\\PC{0,40}",
        prop_oneof![
            Just(String::new()),
            "\\PC{0,40}",
            Just("Ünïcødé 日本語 — “quotes” #tag\n\n- list".to_string())
        ],
        proptest::option::of(1u8..=10),
        proptest::option::of(1u8..=10),
        proptest::option::of(1u8..=7),
        proptest::option::of(prop_oneof![Just(Boundary::Kept), Just(Boundary::Broken)]),
        proptest::option::of(0u32..=1440),
        -12i32..=14,
    )
        .prop_map(
            |(
                day,
                role,
                self_text,
                stress,
                resilience,
                overlap,
                boundary,
                minutes,
                offset_hours,
            )| {
                let offset = FixedOffset::east_opt(offset_hours * 3600).unwrap();
                let at = now().with_timezone(&offset);
                let mut e =
                    DayEntry::new(date("2020-01-01") + chrono::Days::new(u64::from(day)), at);
                e.role = role;
                e.self_text = self_text;
                e.check_in = CheckIn {
                    stress,
                    resilience,
                    overlap,
                    boundary,
                    after_hours_minutes: minutes,
                };
                e.refresh_tags();
                e
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Export, import into an empty journal, export again: the same bytes.
    #[test]
    fn keel_json_round_trips_random_journals(days in proptest::collection::vec(arbitrary_day(), 0..25), hide in proptest::bool::ANY) {
        let (_a, source) = journal();
        for d in &days {
            source.put_day(d).unwrap();
        }
        source
            .save_week(
                "2026-W48".parse().unwrap(),
                WeekContent { role_gave: vec!["A team".into()], next_boundary: "18:30".into(), ..WeekContent::default() },
                now(),
            )
            .unwrap();
        source
            .add_prompt(PromptFields { side: Side::Myself, cadence: crate::model::Cadence::Daily, theme: Theme::Values, text: "Mine?".into() })
            .unwrap();
        if hide {
            source.set_prompt_hidden("s-003", true).unwrap();
        }
        let mut settings = source.settings().unwrap();
        settings.end_of_work = chrono::NaiveTime::from_hms_opt(17, 15, 0).unwrap();
        source.put_settings(&settings).unwrap();
        let first = export_json(&source).unwrap();

        let (_b, target) = journal();
        let plan = import(&target, Source::Keel, first.as_bytes(), ImportOptions::default(), now()).unwrap();
        prop_assert!(plan.skipped.is_empty());
        let second = export_json(&target).unwrap();
        prop_assert_eq!(&first, &second);
        // Importing again changes nothing.
        let again = import(&target, Source::Keel, first.as_bytes(), ImportOptions::default(), now()).unwrap();
        prop_assert_eq!(again.n_new, 0);
        prop_assert_eq!(export_json(&target).unwrap(), first);
    }
}

fn arbitrary_event() -> impl Strategy<Value = crate::cycle::EventDraft> {
    (
        0u32..3000,
        proptest::option::of(0u32..40),
        prop_oneof![
            proptest::sample::select(crate::cycle::CycleKind::ALL.to_vec())
                .prop_map(|k| k.as_str().to_owned()),
            "[a-zäöü]{1,12}( [a-z]{1,8})?",
        ],
        prop_oneof![
            Just(String::new()),
            "\\PC{0,60}",
            Just("Q4 “calibration”, room 4 — 日本".to_string())
        ],
    )
        .prop_map(|(start, len, kind, note)| {
            let start = date("2020-01-01") + chrono::Days::new(u64::from(start));
            crate::cycle::EventDraft {
                start,
                end: len.map(|n| start + chrono::Days::new(u64::from(n))),
                kind: kind.parse().unwrap(),
                note: note.trim().to_owned(),
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    /// Values (replaced several times, so some are retired), the weeks' check-ins of them and
    /// events (some removed) survive export and import into an empty journal exactly, ids and
    /// all; importing again adds nothing.
    #[test]
    fn keel_json_round_trip_keeps_values_and_events_exactly(
        lists in proptest::collection::vec(proptest::sample::subsequence(
            vec!["Kind", "Brave", "Present with my family", "Honest when the numbers are bad", "Rested", "Curious", "Fair", "Playful", "Ünïcødé 価値"], 3..=7), 0..4),
        checks in proptest::collection::vec((0usize..7, 0usize..3, "\\PC{0,30}"), 0..6),
        events in proptest::collection::vec(arbitrary_event(), 0..12),
        removed in proptest::collection::vec(any::<proptest::sample::Index>(), 0..3),
    ) {
        use crate::cycle::{ValueCheck, ValueDraft, ValueOutcome};
        let (_a, source) = journal();
        for list in &lists {
            let drafts: Vec<ValueDraft> = list.iter().map(|n| ValueDraft { name: (*n).into(), practice: Some(format!("{n} in practice")) }).collect();
            source.set_values(&drafts).unwrap();
        }
        let book = source.values().unwrap();
        let mut values: Vec<ValueCheck> = Vec::new();
        for (i, outcome, why) in &checks {
            if let Some(v) = book.values.get(*i) {
                if !values.iter().any(|c| c.value == v.id) {
                    values.push(ValueCheck { value: v.id, outcome: ValueOutcome::ALL[*outcome], why: why.clone() });
                }
            }
        }
        source.save_week("2026-W10".parse().unwrap(), WeekContent { values, ..WeekContent::default() }, now()).unwrap();
        let mut ids = Vec::new();
        for e in &events {
            ids.push(source.add_event(e.clone()).unwrap().id);
        }
        for r in &removed {
            if !ids.is_empty() {
                let id = ids.remove(r.index(ids.len()));
                source.remove_event(id).unwrap();
            }
        }
        let first = export_json(&source).unwrap();

        let (_b, target) = journal();
        let plan = import(&target, Source::Keel, first.as_bytes(), ImportOptions::default(), now()).unwrap();
        prop_assert!(plan.skipped.is_empty());
        prop_assert_eq!(target.values().unwrap(), source.values().unwrap());
        prop_assert_eq!(target.events().unwrap(), source.events().unwrap());
        prop_assert_eq!(target.weeks().unwrap(), source.weeks().unwrap());
        prop_assert_eq!(&export_json(&target).unwrap(), &first);
        let again = import(&target, Source::Keel, first.as_bytes(), ImportOptions::default(), now()).unwrap();
        prop_assert_eq!(again.n_new, 0);
        prop_assert_eq!(export_json(&target).unwrap(), first);
        // A new event after the import gets an id none of the imported ones has.
        let fresh = target.add_event(crate::cycle::EventDraft { start: date("2026-01-01"), end: None, kind: "launch".parse().unwrap(), note: "new".into() }).unwrap();
        prop_assert!(source.events().unwrap().iter().all(|e| e.id != fresh.id));
    }
}

/// Into a journal with values of its own, the file's values are matched by name, the rest come
/// in retired, and the imported weeks' check-ins follow them to their new ids.
#[test]
fn imported_values_are_matched_by_name_and_their_check_ins_follow() {
    use crate::cycle::{ValueCheck, ValueDraft, ValueOutcome};
    let drafts = |names: &[&str]| -> Vec<ValueDraft> {
        names
            .iter()
            .map(|n| ValueDraft {
                name: (*n).into(),
                practice: None,
            })
            .collect()
    };
    let (_a, source) = journal();
    let theirs = source
        .set_values(&drafts(&["Kind", "Brave", "Rested"]))
        .unwrap();
    let brave = theirs.active().nth(1).unwrap().id;
    let rested = theirs.active().nth(2).unwrap().id;
    source
        .save_week(
            "2026-W10".parse().unwrap(),
            WeekContent {
                values: vec![
                    ValueCheck {
                        value: brave,
                        outcome: ValueOutcome::Held,
                        why: "spoke up".into(),
                    },
                    ValueCheck {
                        value: rested,
                        outcome: ValueOutcome::Bent,
                        why: String::new(),
                    },
                ],
                ..WeekContent::default()
            },
            now(),
        )
        .unwrap();
    let file = export_json(&source).unwrap();
    let (_b, target) = journal();
    let mine = target
        .set_values(&drafts(&["Patient", "brave", "Funny"]))
        .unwrap();
    import(
        &target,
        Source::Keel,
        file.as_bytes(),
        ImportOptions::default(),
        now(),
    )
    .unwrap();
    let book = target.values().unwrap();
    assert_eq!(
        book.active().map(|v| v.name.as_str()).collect::<Vec<_>>(),
        vec!["Patient", "brave", "Funny"],
        "the journal's own list stays the list"
    );
    let week = target.week("2026-W10".parse().unwrap()).unwrap().unwrap();
    let named: Vec<(&str, ValueOutcome)> = week
        .values
        .iter()
        .map(|c| (book.get(c.value).unwrap().name.as_str(), c.outcome))
        .collect();
    assert_eq!(
        named,
        vec![
            ("brave", ValueOutcome::Held),
            ("Rested", ValueOutcome::Bent)
        ]
    );
    assert_eq!(week.values[0].value, mine.active().nth(1).unwrap().id);
    assert!(!book.get(week.values[1].value).unwrap().active);
}

#[test]
fn keel_json_keeps_the_journals_page_on_a_conflict() {
    let (_a, source) = journal();
    let patch = DayPatch {
        role: Some("from the file".into()),
        ..DayPatch::default()
    };
    source.save_day(date("2026-11-20"), &patch, now()).unwrap();
    let file = export_json(&source).unwrap();
    let (_b, target) = journal();
    target
        .save_day(
            date("2026-11-20"),
            &DayPatch {
                role: Some("already here".into()),
                ..DayPatch::default()
            },
            now(),
        )
        .unwrap();
    let plan = import(
        &target,
        Source::Keel,
        file.as_bytes(),
        ImportOptions::default(),
        now(),
    )
    .unwrap();
    assert_eq!(plan.conflicts, vec![date("2026-11-20")]);
    assert_eq!(
        target.day(date("2026-11-20")).unwrap().unwrap().role,
        "already here"
    );
}

use crate::model::DayPatch;
use keel_test_support::date;

// ------------------------------------------------------------------ jrnl

#[test]
fn a_jrnl_export_made_by_jrnl_imports_with_times_tags_and_stars() {
    let (_d, j) = journal();
    let plan = import(
        &j,
        Source::Jrnl,
        &jrnl_fixture(),
        ImportOptions::default(),
        now(),
    )
    .unwrap();
    assert_eq!(
        (plan.n_entries, plan.n_new, plan.n_duplicates, plan.n_days),
        (6, 6, 0, 5)
    );
    assert_eq!(plan.first_date, Some(date("2026-11-23")));
    assert_eq!(plan.last_date, Some(date("2027-01-02")));
    let day = j.day(date("2026-11-23")).unwrap().unwrap();
    assert_eq!(day.role, "", "jrnl goes to Who I am by default");
    let morning = day
        .self_text
        .find("#### 08:15 · Weekly business review prep.")
        .unwrap();
    let evening = day.self_text.find("#### 21:40 · Evening walk.").unwrap();
    assert!(morning < evening, "{}", day.self_text);
    assert!(
        day.self_text
            .contains("The #q4 numbers again; #work keeps spilling"),
        "{}",
        day.self_text
    );
    assert_eq!(day.tags, vec!["family", "q4", "work"]);
    let unicode = j.day(date("2026-12-31")).unwrap().unwrap();
    assert!(unicode
        .self_text
        .contains("Émile's café, naïve hopes, 日本語. #reflection"));
    let starred = j.day(date("2027-01-02")).unwrap().unwrap();
    assert!(
        starred
            .self_text
            .starts_with("#### 18:30 · Finished the first chapter. ★"),
        "{}",
        starred.self_text
    );

    // The same file again: nothing new, nothing changed.
    let before = export_json(&j).unwrap();
    let again = import(
        &j,
        Source::Jrnl,
        &jrnl_fixture(),
        ImportOptions::default(),
        now(),
    )
    .unwrap();
    assert_eq!((again.n_new, again.n_duplicates, again.n_days), (0, 6, 0));
    assert_eq!(export_json(&j).unwrap(), before);
}

#[test]
fn jrnl_entries_can_go_to_the_role_side_below_what_is_there() {
    let (_d, j) = journal();
    j.save_day(
        date("2026-11-24"),
        &DayPatch {
            role: Some("Written in Keel first.".into()),
            ..DayPatch::default()
        },
        now(),
    )
    .unwrap();
    let options = ImportOptions {
        side: Side::Role,
        skip_bad: false,
    };
    let plan = import(&j, Source::Jrnl, &jrnl_fixture(), options, now()).unwrap();
    assert_eq!(plan.conflicts, vec![date("2026-11-24")]);
    let day = j.day(date("2026-11-24")).unwrap().unwrap();
    assert!(
        day.role
            .starts_with("Written in Keel first.\n\n#### 07:05 · Slept badly."),
        "{}",
        day.role
    );
}

#[test]
fn a_partly_bad_file_imports_nothing_unless_asked_to_skip() {
    let (_d, j) = journal();
    let bad = br#"{"entries": [
        {"title": "fine", "body": "", "date": "2026-11-01", "time": "09:00", "tags": [], "starred": false},
        {"title": "broken", "body": "", "date": "2026-13-01", "time": "09:00", "tags": [], "starred": false},
        {"title": "also fine", "body": "", "date": "2026-11-02", "time": "25:00", "tags": [], "starred": false}
    ]}"#;
    let before = export_json(&j).unwrap();
    let err = import(&j, Source::Jrnl, bad, ImportOptions::default(), now()).unwrap_err();
    let message = err.to_string();
    assert!(message.contains("entry 2, field “date”"), "{message}");
    assert!(message.contains("and 1 more bad entry)"), "{message}");
    assert!(message.ends_with("Nothing was imported."), "{message}");
    assert_eq!(export_json(&j).unwrap(), before, "the journal is untouched");

    let options = ImportOptions {
        skip_bad: true,
        ..ImportOptions::default()
    };
    let plan = import(&j, Source::Jrnl, bad, options, now()).unwrap();
    assert_eq!(plan.n_new, 1);
    let skipped: Vec<(usize, &str)> = plan
        .skipped
        .iter()
        .map(|b| (b.entry, b.field.as_str()))
        .collect();
    assert_eq!(skipped, vec![(2, "date"), (3, "time")]);
}

#[test]
fn a_keel_json_file_with_null_or_absent_optional_fields_imports() {
    let (_d, j) = journal();
    let day = keel_day("2026-11-02", "shipped", "walked", &[], &[]);
    for extra in [
        r#""settings": null, "values": null, "events": null"#,
        r#""unknown": {"deep": [1, 2, {"x": null}]}"#,
    ] {
        let file = format!(
            r#"{{"format": "keel", "version": 2, "days": [{day}], "weeks": [], "prompts": [], {extra}}}"#
        );
        let plan = plan(
            &j,
            Source::Keel,
            file.as_bytes(),
            ImportOptions::default(),
            now(),
        )
        .unwrap();
        assert_eq!(plan.n_entries, 1, "{extra}");
    }
}

#[test]
fn files_that_are_not_exports_are_refused_plainly() {
    let (_d, j) = journal();
    for (source, bytes, words) in [
        (Source::Jrnl, &b"not json at all"[..], "it is not JSON"),
        (Source::Jrnl, &br#"{"notes": []}"#[..], "no “entries” list"),
        (Source::DayOne, &br#"[1, 2, 3]"#[..], "no “entries” list"),
        (
            Source::DayOne,
            &b"PK\x03\x04garbage"[..],
            "the zip cannot be read",
        ),
        (
            Source::Keel,
            &br#"{"format": "jrnl"}"#[..],
            "“format” is not “keel”",
        ),
        (
            Source::Keel,
            &br#"{"format": "keel", "version": 9, "days": [], "weeks": [], "prompts": []}"#[..],
            "version 9",
        ),
        (
            Source::Keel,
            &br#"{"format": "keel", "version": 2, "days": [], "weeks": {}, "prompts": []}"#[..],
            "“weeks”",
        ),
        (
            Source::Keel,
            &br#"{"format": "keel", "version": 2, "days": [], "prompts": []}"#[..],
            "“weeks”",
        ),
        (
            Source::Keel,
            &br#"{"format": ["keel"], "version": 2, "days": [], "weeks": [], "prompts": []}"#[..],
            "“format” is not “keel”",
        ),
        (Source::Keel, &b"[1, 2]"[..], "“format” is not “keel”"),
        (
            Source::Keel,
            &b"{\"format\": \"keel\""[..],
            "it is not JSON",
        ),
    ] {
        let err = plan(&j, source, bytes, ImportOptions::default(), now()).unwrap_err();
        assert!(matches!(err, KeelError::BadImport { .. }));
        assert!(err.to_string().contains(words), "{source:?}: {err}");
    }
}

// ------------------------------------------------------------------ Day One

#[test]
fn the_day_one_fixture_imports_on_local_dates_with_notes_for_photos() {
    let (_d, j) = journal();
    let plan = import(
        &j,
        Source::DayOne,
        &shared_dayone_fixture(),
        ImportOptions::default(),
        now(),
    )
    .unwrap();
    assert_eq!((plan.n_entries, plan.n_new), (4, 4));
    // 13:04:56 UTC in Berlin (CET, +01:00) is 14:04 on the same day.
    let first = j.day(date("2019-03-18")).unwrap().unwrap();
    assert!(
        first
            .self_text
            .starts_with("#### 14:04\n\n# Initial entry\n\nsome text"),
        "{}",
        first.self_text
    );
    assert!(
        first.self_text.contains(dayone::PHOTO_NOTE),
        "{}",
        first.self_text
    );
    assert!(!first.self_text.contains("dayone-moment"));
    assert_eq!(first.created_at.offset().local_minus_utc(), 3600);
    // 21:44 UTC on 26 February 2010 is 22:44 in Berlin, the same date.
    let escapes = j.day(date("2010-02-27")).unwrap().unwrap();
    assert!(
        escapes
            .self_text
            .contains("double escape a/b dot. single escape slash/"),
        "{}",
        escapes.self_text
    );
    // An entry without text still arrives, with its time.
    let empty = j.day(date("2011-03-26")).unwrap().unwrap();
    assert_eq!(empty.self_text, "#### 22:44");
    let again = import(
        &j,
        Source::DayOne,
        &shared_dayone_fixture(),
        ImportOptions::default(),
        now(),
    )
    .unwrap();
    assert_eq!((again.n_new, again.n_duplicates), (0, 4));
}

const DATE_LINE: &str = r#"{"metadata": {"version": "1.0"}, "entries": [
  {"uuid": "A1", "creationDate": "2026-11-28T11:30:00Z", "timeZone": "Pacific/Auckland", "text": "Auckland, after midnight", "tags": ["travel", "New Zealand"], "starred": true},
  {"uuid": "A2", "creationDate": "2026-11-28T09:59:00Z", "timeZone": "Pacific/Kiritimati", "text": "Kiritimati, almost midnight"},
  {"uuid": "A3", "creationDate": "2026-11-28T10:30:00Z", "timeZone": "Pacific/Pago_Pago", "text": "Pago Pago, still yesterday"},
  {"uuid": "A4", "creationDate": "2026-11-29T05:00:00Z", "timeZone": "America/Los_Angeles", "text": "Los Angeles, evening\\/night", "photos": [{"identifier": "X"}, {"identifier": "Y"}]}
]}"#;

fn dates_of(j: &Journal) -> Vec<(String, String)> {
    j.days(..)
        .map(|d| {
            let d = d.unwrap();
            (d.date.to_string(), d.self_text)
        })
        .collect()
}

#[test]
fn day_one_time_zones_across_the_date_line_give_local_dates() {
    let (_d, j) = journal();
    import(
        &j,
        Source::DayOne,
        DATE_LINE.as_bytes(),
        ImportOptions::default(),
        now(),
    )
    .unwrap();
    let days = dates_of(&j);
    let find = |needle: &str| {
        days.iter()
            .find(|(_, t)| t.contains(needle))
            .map(|(d, _)| d.as_str())
            .unwrap()
    };
    assert_eq!(find("Auckland"), "2026-11-29"); // UTC+13
    assert_eq!(find("Kiritimati"), "2026-11-28"); // UTC+14: 23:59
    assert_eq!(find("Pago Pago"), "2026-11-27"); // UTC-11: 23:30 the day before
    assert_eq!(find("Los Angeles"), "2026-11-28"); // UTC-8: 21:00
    let auckland = &days.iter().find(|(_, t)| t.contains("Auckland")).unwrap().1;
    assert!(
        auckland.contains("★") && auckland.contains("#travel #new-zealand"),
        "{auckland}"
    );
    let la = &days
        .iter()
        .find(|(_, t)| t.contains("Los Angeles"))
        .unwrap()
        .1;
    assert!(
        la.contains("evening/night") && la.contains("2 attachments from Day One, not imported"),
        "{la}"
    );
}

#[test]
fn a_day_one_zip_imports_like_its_json() {
    let mut zipped = Vec::new();
    {
        let mut writer = zip::ZipWriter::new(std::io::Cursor::new(&mut zipped));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        writer.start_file("Journal.json", options).unwrap();
        writer.write_all(DATE_LINE.as_bytes()).unwrap();
        writer.start_file("photos/X.jpeg", options).unwrap();
        writer.write_all(b"\xff\xd8 not really a jpeg").unwrap();
        writer.finish().unwrap();
    }
    let (_a, from_zip) = journal();
    let (_b, from_json) = journal();
    import(
        &from_zip,
        Source::DayOne,
        &zipped,
        ImportOptions::default(),
        now(),
    )
    .unwrap();
    import(
        &from_json,
        Source::DayOne,
        DATE_LINE.as_bytes(),
        ImportOptions::default(),
        now(),
    )
    .unwrap();
    assert_eq!(dates_of(&from_zip), dates_of(&from_json));
}

#[test]
fn an_unknown_time_zone_names_the_entry() {
    let (_d, j) = journal();
    let bad = br#"{"entries": [{"uuid": "Z", "creationDate": "2026-11-28T10:00:00Z", "timeZone": "Mars/Olympus"}]}"#;
    let err = plan(&j, Source::DayOne, bad, ImportOptions::default(), now()).unwrap_err();
    assert!(
        err.to_string().contains("entry 1, field “timeZone”"),
        "{err}"
    );
}

// ------------------------------------------------------------------ exports

#[test]
fn csv_and_markdown_exports_hold_the_pages() {
    let (_d, j) = journal();
    j.save_day(
        date("2026-11-23"),
        &DayPatch {
            role: Some("Review \"day\", with: colons #wbr".into()),
            self_text: Some("Soup.".into()),
            stress: Some(Some(7)),
            boundary: Some(Some(Boundary::Broken)),
            after_hours_minutes: Some(Some(40)),
            ..DayPatch::default()
        },
        now(),
    )
    .unwrap();
    j.day_prompts(date("2026-11-23"), now()).unwrap();
    let book = j
        .set_values(&["Kind", "Present with my family", "Honest"].map(|n| {
            crate::cycle::ValueDraft {
                name: n.into(),
                practice: None,
            }
        }))
        .unwrap();
    for (start, end, kind, note) in [
        (
            "2026-11-20",
            Some("2026-11-23"),
            "planning",
            "H1 plan, \"final\" draft",
        ),
        ("2026-11-23", None, "review", ""),
        ("2026-12-24", None, "time-off", ""),
    ] {
        j.add_event(crate::cycle::EventDraft {
            start: date(start),
            end: end.map(date),
            kind: kind.parse().unwrap(),
            note: note.into(),
        })
        .unwrap();
    }
    j.save_week(
        "2026-W48".parse().unwrap(),
        WeekContent {
            role_cost: vec!["Two evenings".into()],
            next_boundary: "Leave at six".into(),
            values: vec![crate::cycle::ValueCheck {
                value: book.active().nth(1).unwrap().id,
                outcome: crate::cycle::ValueOutcome::Bent,
                why: "Missed bath time twice".into(),
            }],
            ..WeekContent::default()
        },
        now(),
    )
    .unwrap();
    let csv = export_csv(&j).unwrap();
    assert_eq!(
        csv,
        "date,stress,resilience,overlap,boundary,after_hours_minutes,events\n2026-11-23,7,,,broken,40,\"planning: H1 plan, \"\"final\"\" draft; review\"\n"
    );

    let out = tempfile::tempdir().unwrap();
    let mut calls = Vec::new();
    let n = export_markdown(&j, out.path(), &mut |done, total| calls.push((done, total))).unwrap();
    assert_eq!(n, 2);
    assert_eq!(calls, vec![(1, 2), (2, 2)]);
    let day = std::fs::read_to_string(out.path().join("2026/2026-11-23.md")).unwrap();
    assert!(
        day.starts_with("---\ndate: 2026-11-23\nstress: 7\nresilience: null\n"),
        "{day}"
    );
    assert!(
        day.contains(
            "boundary: broken\nafter_hours_minutes: 40\ntags: [\"wbr\"]\nevents:\n  - kind: \"planning\"\n    start: 2026-11-20\n    end: 2026-11-23\n    note: \"H1 plan, \\\"final\\\" draft\"\n  - kind: \"review\"\n    start: 2026-11-23\n    end: 2026-11-23\n    note: \"\"\nprompts:\n  - id: "
        ),
        "{day}"
    );
    assert!(
        day.contains("## What I do\n\nReview \"day\", with: colons #wbr\n\n## Who I am\n\nSoup.\n"),
        "{day}"
    );
    let week = std::fs::read_to_string(out.path().join("2026/2026-W48.md")).unwrap();
    assert!(
        week.contains("## What it cost me\n\n- Two evenings") && week.contains("Leave at six"),
        "{week}"
    );
    assert!(
        week.contains("## My values this week\n\n- **Present with my family**: tested, and it bent (Missed bath time twice)\n"),
        "{week}"
    );
    assert!(week.contains("events:\n  - kind: \"planning\""), "{week}");
    assert!(!week.contains("time-off"), "{week}");
}

// ------------------------------------------------------------------ no panic on anything

/// A jrnl file read from its bytes and read as a stream (in small pieces, so the read-ahead
/// past white space crosses them) gives the same entries, or the same refusal.
fn same_read(bytes: &[u8]) -> std::result::Result<(), TestCaseError> {
    let whole = jrnl::read(bytes);
    let streamed = jrnl::read_from(std::io::BufReader::with_capacity(3, bytes));
    match (whole, streamed) {
        (Ok(a), Ok(b)) => prop_assert_eq!(a, b),
        (Err(a), Err(b)) => prop_assert_eq!(a.to_string(), b.to_string()),
        (a, b) => prop_assert!(false, "{a:?} read whole, {b:?} streamed"),
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    /// Arbitrary bytes never panic an importer; they are refused or (rarely) read.
    #[test]
    fn importers_never_panic_on_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        same_read(&bytes)?;
        let _ = dayone::read(&bytes);
        let _ = serde_json::from_slice::<serde_json::Value>(&bytes);
    }

    /// JSON-shaped input with entries of any shape never panics the importers either.
    #[test]
    fn importers_never_panic_on_odd_entries(entries in proptest::collection::vec(
        prop_oneof![
            Just(serde_json::json!(null)),
            Just(serde_json::json!({"date": "2026-02-30"})),
            "\\PC{0,20}".prop_map(|s| serde_json::json!({"date": "2026-11-28", "time": s, "title": 3, "tags": "x"})),
            "\\PC{0,20}".prop_map(|s| serde_json::json!({"uuid": s, "creationDate": "2026-11-28T00:00:00Z", "timeZone": s, "text": "![](dayone-moment://)"})),
            (any::<i64>(), "\\PC{0,10}").prop_map(|(n, s)| serde_json::json!({"uuid": n, "creationDate": s, "tags": [n]})),
        ], 0..8)) {
        let file = serde_json::to_vec(&serde_json::json!({"entries": entries})).unwrap();
        same_read(&file)?;
        let _ = dayone::read(&file);
    }
}

/// One journal for the Keel JSON fuzzing below (opening one per case would dominate its time).
fn shared_journal() -> &'static Journal {
    static SHARED: std::sync::OnceLock<(tempfile::TempDir, Journal)> = std::sync::OnceLock::new();
    &SHARED
        .get_or_init(|| {
            let dir = tempfile::tempdir().unwrap();
            let j = Journal::open(dir.path()).unwrap();
            (dir, j)
        })
        .1
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1500))]

    /// The Keel JSON importer never panics either, on bytes or on oddly shaped files; nothing
    /// is written by planning.
    #[test]
    fn the_keel_importer_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..300), n in 0usize..4, junk in "\\PC{0,12}") {
        let j = shared_journal();
        let _ = plan(j, Source::Keel, &bytes, ImportOptions::default(), now());
        let odd = serde_json::json!({
            "format": "keel", "version": 1,
            "days": vec![serde_json::json!({"date": junk, "stress": n, "role": 5}); n],
            "weeks": [junk], "prompts": [{"id": n}], "settings": junk,
        });
        let _ = plan(j, Source::Keel, odd.to_string().as_bytes(), ImportOptions { skip_bad: n % 2 == 0, ..ImportOptions::default() }, now());
        prop_assert_eq!(j.n_days().unwrap(), 0);
    }
}

/// A random id of the person's own prompt that has no letter among its 16 hex digits (one in
/// about 1,800) is kept as it is, not taken for an id counted before ids were random.
#[test]
fn a_random_prompt_id_of_digits_only_survives_an_import() {
    let (_a, source) = journal();
    let id = source
        .add_prompt(PromptFields {
            side: Side::Myself,
            cadence: crate::model::Cadence::Daily,
            theme: Theme::Values,
            text: "Mine?".into(),
        })
        .unwrap()
        .id;
    let text = export_json(&source)
        .unwrap()
        .replace(&id, "u-9335467534320061");
    let (_b, target) = journal();
    import(
        &target,
        Source::Keel,
        text.as_bytes(),
        ImportOptions::default(),
        now(),
    )
    .unwrap();
    assert_eq!(export_json(&target).unwrap(), text);
}
