//! Tests of the store: a model test against a `BTreeMap`, durability, schema and settings.

use std::collections::BTreeMap;

use proptest::prelude::*;

use super::*;
use crate::model::Boundary;
use keel_test_support::date;

fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-28T21:10:00+01:00").unwrap()
}

#[derive(Debug, Clone)]
enum Op {
    Save { day: u16, patch: DayPatch },
    Delete { day: u16 },
    Reopen,
    Compact,
}

fn patch_strategy() -> impl Strategy<Value = DayPatch> {
    (
        proptest::option::of(".{0,12}"),
        proptest::option::of("\\PC{0,12}"),
        proptest::option::of(proptest::option::of(1i64..=10)),
        proptest::option::of(proptest::option::of(1i64..=7)),
        proptest::option::of(proptest::option::of(prop_oneof![
            Just(Boundary::Kept),
            Just(Boundary::Broken)
        ])),
        proptest::option::of(proptest::option::of(1i64..=10)),
        proptest::option::of(proptest::option::of(prop_oneof![
            Just(0i64),
            Just(1440),
            0i64..=1440
        ])),
    )
        .prop_map(
            |(role, self_text, stress, overlap, boundary, resilience, after_hours_minutes)| {
                DayPatch {
                    role,
                    self_text,
                    stress,
                    overlap,
                    boundary,
                    resilience,
                    after_hours_minutes,
                    ..DayPatch::default()
                }
            },
        )
}

fn op_strategy() -> impl Strategy<Value = Op> {
    prop_oneof![
        6 => (0u16..40, patch_strategy()).prop_map(|(day, patch)| Op::Save { day, patch }),
        // Far apart: the check-ins of a span this long are read from the index's marks.
        1 => (0u16..40, patch_strategy()).prop_map(|(day, patch)| Op::Save { day: 2000 + day * 50, patch }),
        2 => (0u16..40).prop_map(|day| Op::Delete { day }),
        1 => Just(Op::Reopen),
        1 => Just(Op::Compact),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    /// Random saves, deletes and close/reopen cycles agree with a `BTreeMap` model.
    #[test]
    fn journal_matches_a_btreemap(ops in proptest::collection::vec(op_strategy(), 1..40)) {
        let dir = tempfile::tempdir().unwrap();
        let mut journal = Journal::open(dir.path()).unwrap();
        let mut model: BTreeMap<NaiveDate, DayEntry> = BTreeMap::new();
        let base = date("2026-01-01");
        for op in ops {
            match op {
                Op::Save { day, patch } => {
                    let d = base + chrono::Days::new(u64::from(day));
                    let old = model.get(&d).cloned().unwrap_or_else(|| DayEntry::new(d, now()));
                    let expected = patch.apply_to(&old, now()).unwrap();
                    let saved = journal.save_day(d, &patch, now()).unwrap();
                    prop_assert_eq!(&saved, &expected);
                    model.insert(d, expected);
                }
                Op::Delete { day } => {
                    let d = base + chrono::Days::new(u64::from(day));
                    prop_assert_eq!(journal.delete_day(d).unwrap(), model.remove(&d).is_some());
                }
                Op::Reopen => {
                    drop(journal);
                    journal = Journal::open(dir.path()).unwrap();
                }
                Op::Compact => journal.compact().unwrap(),
            }
            let stored: Vec<DayEntry> = journal.days(..).collect::<Result<_>>().unwrap();
            let expected: Vec<DayEntry> = model.values().cloned().collect();
            prop_assert_eq!(stored, expected);
            // The check-ins, from the pages and from the index's marks, alike.
            let check_ins: Vec<_> = model.values().map(|d| (d.date, d.check_in.clone())).collect();
            prop_assert_eq!(&journal.check_ins(..).unwrap(), &check_ins);
            prop_assert_eq!(&journal.check_ins_read(..).unwrap(), &check_ins);
            if let (Some(first), Some(last)) = (model.keys().next(), model.keys().next_back()) {
                prop_assert_eq!(&journal.check_ins_marked(*first, *last).unwrap(), &check_ins);
                let mid = *first + chrono::Days::new(((*last - *first).num_days() / 2) as u64);
                let part: Vec<_> = check_ins.iter().filter(|(d, _)| *d >= mid).cloned().collect();
                prop_assert_eq!(&journal.check_ins_marked(mid, *last).unwrap(), &part);
            }
        }
    }
}

/// A patch that sets "What I do" to `text`.
fn role(text: &str) -> DayPatch {
    DayPatch {
        role: Some(text.into()),
        ..DayPatch::default()
    }
}

/// The journal folder's files except the redo log, copied now: after a checkpoint, the worst a
/// power cut can leave of sled's files until the next one (what sled writes between two
/// checkpoints is never synced, so none of it is sure to be there).
fn sled_as_synced(from: &Path) -> tempfile::TempDir {
    let to = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(to.path().join("store")).unwrap();
    for sub in ["", "store"] {
        for item in std::fs::read_dir(from.join(sub)).unwrap() {
            let item = item.unwrap();
            let name = item.file_name();
            if item.file_type().unwrap().is_file() && name != redo::FILE {
                std::fs::copy(item.path(), to.path().join(sub).join(&name)).unwrap();
            }
        }
    }
    to
}

fn log_path(dir: &Path) -> PathBuf {
    dir.join("store").join(redo::FILE)
}

fn frames_of(dir: &Path) -> Vec<redo::Frame> {
    redo::frames(&std::fs::read(log_path(dir)).unwrap_or_default()).frames
}

#[test]
fn every_write_is_durable_in_the_redo_log_before_it_returns() {
    let dir = tempfile::tempdir().unwrap();
    let journal = Journal::open(dir.path()).unwrap();
    let synced = sled_as_synced(dir.path());
    let before = journal.n_syncs();
    let d = date("2026-11-27");
    let patch = DayPatch {
        role: Some("Shipped the migration".into()),
        ..DayPatch::default()
    };
    let saved = journal.save_day(d, &patch, now()).unwrap();
    assert_eq!(journal.n_syncs(), before + 1, "one durable sync per save");
    let mut settings = journal.settings().unwrap();
    settings.theme = crate::model::Appearance::Dark;
    journal.put_settings(&settings).unwrap();
    assert_eq!(journal.n_syncs(), before + 2);
    // One frame a write, numbered by the journal's write count.
    let writes = journal.store().unwrap().writes().unwrap();
    let frames = frames_of(dir.path());
    assert_eq!(
        frames.iter().map(|f| f.count).collect::<Vec<_>>(),
        vec![writes - 1, writes]
    );
    // sled's files as last synced lack both writes; with the log beside them they hold both.
    let bare = sled_as_synced(synced.path());
    let without = Journal::open(bare.path()).unwrap();
    assert_eq!(without.day(d).unwrap(), None);
    assert_ne!(without.settings().unwrap().theme, settings.theme);
    drop(without);
    std::fs::copy(log_path(dir.path()), log_path(synced.path())).unwrap();
    let with = Journal::open(synced.path()).unwrap();
    assert_eq!(with.day(d).unwrap(), Some(saved));
    assert_eq!(with.settings().unwrap().theme, settings.theme);
    assert_eq!(with.store().unwrap().writes().unwrap(), writes);
    assert_eq!(with.replayed_at_open(), 2);
    drop(with);
    // A clean close leaves a small log as it is, and sled (which flushes as it closes) holds
    // all of it: the next open applies nothing again.
    drop(journal);
    assert_eq!(frames_of(dir.path()).len(), 2);
    let journal = Journal::open(dir.path()).unwrap();
    assert_eq!(journal.replayed_at_open(), 0);
    assert_eq!(
        journal.day(d).unwrap().unwrap().role,
        "Shipped the migration"
    );
}

#[test]
fn a_cut_frame_loses_only_its_own_write_and_a_lost_frame_before_it_is_damage() {
    let dir = tempfile::tempdir().unwrap();
    let journal = Journal::open(dir.path()).unwrap();
    let synced = sled_as_synced(dir.path());
    let (a, b) = (date("2026-11-01"), date("2026-11-02"));
    journal.save_day(a, &role("kept"), now()).unwrap();
    journal.save_day(b, &role("cut"), now()).unwrap();
    let frames = frames_of(dir.path());
    assert_eq!(frames.len(), 2);
    let log = std::fs::read(log_path(dir.path())).unwrap();
    let first_end = 20 + frames[0].changes.len();

    // The last frame cut short (its sync never returned): the first write is there, the
    // second is not, and the journal goes on.
    let cut = sled_as_synced(synced.path());
    std::fs::write(log_path(cut.path()), &log[..log.len() - 3]).unwrap();
    let opened = Journal::open(cut.path()).unwrap();
    assert_eq!(opened.day(a).unwrap().unwrap().role, "kept");
    assert_eq!(opened.day(b).unwrap(), None);
    opened.save_day(b, &role("again"), now()).unwrap();
    drop(opened);
    let opened = Journal::open(cut.path()).unwrap();
    assert_eq!(opened.day(b).unwrap().unwrap().role, "again");
    drop(opened);

    // The first frame gone but the second there: sled lost a write the log no longer holds.
    let gap = sled_as_synced(synced.path());
    std::fs::write(log_path(gap.path()), &log[first_end..]).unwrap();
    assert!(matches!(
        Journal::open(gap.path()),
        Err(KeelError::JournalDamaged { .. })
    ));
    // Left as it was.
    assert_eq!(
        std::fs::read(log_path(gap.path())).unwrap(),
        &log[first_end..]
    );
}

#[test]
fn a_damaged_redo_log_is_refused_unless_sled_holds_what_it_lost() {
    let dir = tempfile::tempdir().unwrap();
    let journal = Journal::open(dir.path()).unwrap();
    let synced = sled_as_synced(dir.path());
    for (n, text) in ["one", "two", "three"].into_iter().enumerate() {
        journal
            .save_day(
                date("2026-11-05") + chrono::Days::new(n as u64),
                &role(text),
                now(),
            )
            .unwrap();
    }
    drop(journal);
    let mut log = std::fs::read(log_path(dir.path())).unwrap();
    log[30] ^= 0x40; // inside the first frame's changes
                     // sled as last synced lacks all three: refused, and the log left as it was.
    std::fs::write(log_path(synced.path()), &log).unwrap();
    assert!(matches!(
        Journal::open(synced.path()),
        Err(KeelError::JournalDamaged { .. })
    ));
    assert_eq!(std::fs::read(log_path(synced.path())).unwrap(), log);
    // sled after a clean close holds all three: the journal opens whole, and a checkpoint
    // replaces the damaged log.
    std::fs::write(log_path(dir.path()), &log).unwrap();
    let journal = Journal::open(dir.path()).unwrap();
    assert_eq!(journal.n_days().unwrap(), 3);
    assert!(frames_of(dir.path()).is_empty());
    assert_eq!(std::fs::metadata(log_path(dir.path())).unwrap().len(), 0);
}

#[test]
fn frames_sled_already_holds_are_not_applied_again() {
    // A checkpoint that flushed sled but stopped before emptying the log, then a write made
    // after the open that followed: the old frames must not undo it.
    let dir = tempfile::tempdir().unwrap();
    let d = date("2026-11-03");
    let journal = Journal::open(dir.path()).unwrap();
    journal.save_day(d, &role("first"), now()).unwrap();
    let log = std::fs::read(log_path(dir.path())).unwrap();
    journal.save_day(d, &role("second"), now()).unwrap();
    journal.store().unwrap().sync().unwrap();
    assert!(frames_of(dir.path()).is_empty());
    drop(journal);
    // Put the old log back, as if the emptying had not happened.
    std::fs::write(log_path(dir.path()), &log).unwrap();
    let journal = Journal::open(dir.path()).unwrap();
    assert_eq!(journal.day(d).unwrap().unwrap().role, "second");
    assert_eq!(journal.replayed_at_open(), 0);
}

#[test]
fn a_bulk_write_goes_to_sled_between_two_checkpoints_and_leaves_no_frame() {
    let dir = tempfile::tempdir().unwrap();
    let journal = Journal::open(dir.path()).unwrap();
    journal
        .save_day(date("2026-11-04"), &role("before"), now())
        .unwrap();
    assert_eq!(frames_of(dir.path()).len(), 1);
    journal.sync_mark_all().unwrap();
    assert!(frames_of(dir.path()).is_empty());
    assert_eq!(journal.store().unwrap().db.flush().unwrap(), 0);
}

#[test]
fn a_refused_patch_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let journal = Journal::open(dir.path()).unwrap();
    let d = date("2026-11-28");
    let bad = DayPatch {
        role: Some("lost?".into()),
        stress: Some(Some(0)),
        ..DayPatch::default()
    };
    assert!(journal.save_day(d, &bad, now()).is_err());
    assert_eq!(journal.day(d).unwrap(), None);
    let huge = DayPatch {
        self_text: Some("é".repeat(MAX_RECORD_BYTES)),
        ..DayPatch::default()
    };
    assert!(matches!(
        journal.save_day(d, &huge, now()),
        Err(KeelError::EntryTooLarge { .. })
    ));
    assert_eq!(journal.n_days().unwrap(), 0);
}

#[test]
fn fresh_journals_are_stamped_with_the_current_schema() {
    let dir = tempfile::tempdir().unwrap();
    let journal = Journal::open(dir.path()).unwrap();
    assert_eq!(journal.schema_version().unwrap(), migrate::SCHEMA_VERSION);
}

#[test]
fn a_newer_journal_is_refused_and_left_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    {
        let journal = Journal::open(dir.path()).unwrap();
        journal
            .save_day(
                date("2026-11-28"),
                &DayPatch {
                    role: Some("x".into()),
                    ..DayPatch::default()
                },
                now(),
            )
            .unwrap();
        migrate::stamp(&journal.store().unwrap().meta, migrate::SCHEMA_VERSION + 1).unwrap();
        journal.store().unwrap().sync().unwrap();
    }
    let err = Journal::open(dir.path()).unwrap_err();
    assert!(
        matches!(err, KeelError::NewerSchema { found, .. } if found == migrate::SCHEMA_VERSION + 1),
        "{err}"
    );
    assert!(err.to_string().contains("newer version of Keel"), "{err}");
    // Refusing did not rewrite the version.
    let db = sled::Config::new()
        .path(dir.path().join("store"))
        .open()
        .unwrap();
    let meta = db.open_tree("meta").unwrap();
    assert_eq!(
        migrate::stored_version(&meta).unwrap(),
        Some(migrate::SCHEMA_VERSION + 1)
    );
}

#[test]
fn ranges_iterate_in_date_order() {
    let dir = tempfile::tempdir().unwrap();
    let journal = Journal::open(dir.path()).unwrap();
    for d in ["2027-01-02", "2026-12-31", "2026-02-01", "2025-06-30"] {
        let patch = DayPatch {
            role: Some(d.into()),
            ..DayPatch::default()
        };
        journal.save_day(date(d), &patch, now()).unwrap();
    }
    let dates: Vec<String> = journal
        .days(date("2026-01-01")..=date("2027-01-02"))
        .map(|e| e.unwrap().date.to_string())
        .collect();
    assert_eq!(dates, ["2026-02-01", "2026-12-31", "2027-01-02"]);
    let newest: Vec<String> = journal
        .days(..)
        .rev()
        .take(1)
        .map(|e| e.unwrap().date.to_string())
        .collect();
    assert_eq!(newest, ["2027-01-02"]);
}

#[test]
fn concurrent_saves_of_one_day_keep_every_field() {
    let dir = tempfile::tempdir().unwrap();
    let journal = Journal::open(dir.path()).unwrap();
    let d = date("2026-11-28");
    std::thread::scope(|scope| {
        scope.spawn(|| {
            for i in 0..20 {
                let patch = DayPatch {
                    role: Some(format!("role {i}")),
                    ..DayPatch::default()
                };
                journal.save_day(d, &patch, now()).unwrap();
            }
        });
        scope.spawn(|| {
            for i in 0..20 {
                let patch = DayPatch {
                    self_text: Some(format!("self {i}")),
                    ..DayPatch::default()
                };
                journal.save_day(d, &patch, now()).unwrap();
            }
        });
    });
    let entry = journal.day(d).unwrap().unwrap();
    assert_eq!(entry.role, "role 19");
    assert_eq!(entry.self_text, "self 19");
}

#[test]
fn weeks_and_settings_round_trip_across_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let week = WeekReflection {
        week: "2026-W53".parse().unwrap(),
        answers: vec![crate::model::PromptAnswer {
            prompt_id: "w-001".into(),
            text: "The review went better than I feared.".into(),
        }],
        role_gave: vec!["A team that trusts me".into()],
        role_cost: vec!["Two evenings".into()],
        next_boundary: "Laptop closed at 18:30".into(),
        kept_last_boundary: Some(false),
        values: vec![crate::cycle::ValueCheck {
            value: 2,
            outcome: crate::cycle::ValueOutcome::Bent,
            why: "Said yes to the Sunday call".into(),
        }],
        created_at: now(),
        updated_at: now(),
    };
    let settings = Settings {
        review_days: vec![chrono::Weekday::Wed],
        ..Settings::default()
    };
    {
        let journal = Journal::open(dir.path()).unwrap();
        assert_eq!(journal.settings().unwrap(), Settings::default());
        journal.put_week(&week).unwrap();
        journal.put_settings(&settings).unwrap();
    }
    let journal = Journal::open(dir.path()).unwrap();
    assert_eq!(journal.week(week.week).unwrap(), Some(week));
    assert_eq!(journal.week("2027-W01".parse().unwrap()).unwrap(), None);
    assert_eq!(journal.settings().unwrap(), settings);
}

#[test]
fn a_damaged_record_is_reported_as_corrupt_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let journal = Journal::open(dir.path()).unwrap();
    let d = date("2026-11-28");
    journal
        .store()
        .unwrap()
        .days
        .insert(day_key(d), b"{\"v\":1,\"date\":".to_vec())
        .unwrap();
    let err = journal.day(d).unwrap_err();
    assert!(matches!(err, KeelError::Corrupt { .. }), "{err}");
}

#[test]
fn a_store_cut_back_to_an_older_state_is_reported_damaged_every_time() {
    let dir = tempfile::tempdir().unwrap();
    {
        let journal = Journal::open(dir.path()).unwrap();
        for day in 1..=30 {
            let patch = DayPatch {
                role: Some(format!("page {day}")),
                ..DayPatch::default()
            };
            let d = NaiveDate::from_ymd_opt(2026, 10, day).unwrap();
            journal.save_day(d, &patch, now()).unwrap();
        }
        // A checkpoint: sled holds all 30 and the redo log nothing (what it still holds it
        // would apply again: `a_store_cut_back_within_the_redo_log_is_made_whole`).
        journal.store().unwrap().sync().unwrap();
    }
    assert_eq!(write_mark::read(&dir.path().join("store")), Some(30));
    // sled reads a log cut short as the torn tail of a crash and recovers without an error.
    let db = dir.path().join("store/db");
    let bytes = std::fs::read(&db).unwrap();
    let used = bytes.iter().rposition(|&b| b != 0).unwrap() + 1;
    std::fs::write(&db, &bytes[..used / 2]).unwrap();
    let mark_before = std::fs::read(dir.path().join("store").join(write_mark::FILE)).unwrap();

    // Refused every time: the failed open leaves the mark as it was (sled's own recovery does
    // rewrite its snapshot and re-extend its log, which Keel cannot prevent: ARCHITECTURE.md, "Reliability").
    for _ in 0..2 {
        let err = Journal::open(dir.path()).unwrap_err();
        assert!(matches!(err, KeelError::JournalDamaged { .. }), "{err}");
    }
    let mark_after = std::fs::read(dir.path().join("store").join(write_mark::FILE)).unwrap();
    assert_eq!(mark_after, mark_before);
}

#[test]
fn a_store_cut_back_within_the_redo_log_is_made_whole() {
    let dir = tempfile::tempdir().unwrap();
    let day = |n| NaiveDate::from_ymd_opt(2026, 10, n).unwrap();
    {
        let journal = Journal::open(dir.path()).unwrap();
        for n in 1..=30 {
            let patch = DayPatch {
                role: Some(format!("page {n}")),
                ..DayPatch::default()
            };
            journal.save_day(day(n), &patch, now()).unwrap();
        }
    }
    let db = dir.path().join("store/db");
    let bytes = std::fs::read(&db).unwrap();
    let used = bytes.iter().rposition(|&b| b != 0).unwrap() + 1;
    std::fs::write(&db, &bytes[..used / 2]).unwrap();
    let journal = Journal::open(dir.path()).unwrap();
    assert!(journal.replayed_at_open() > 0);
    for n in 1..=30 {
        assert_eq!(
            journal.day(day(n)).unwrap().unwrap().role,
            format!("page {n}")
        );
    }
}

#[test]
fn the_mark_follows_durable_writes_and_a_clean_reopen_is_not_damage() {
    let dir = tempfile::tempdir().unwrap();
    let journal = Journal::open(dir.path()).unwrap();
    let d = date("2026-11-28");
    for n in 0..3 {
        let patch = DayPatch {
            role: Some(format!("draft {n}")),
            ..DayPatch::default()
        };
        journal.save_day(d, &patch, now()).unwrap();
    }
    journal.delete_day(d).unwrap();
    journal.checkpoint();
    assert_eq!(write_mark::read(&dir.path().join("store")), Some(4));
    drop(journal);
    let journal = Journal::open(dir.path()).unwrap();
    assert_eq!(journal.day(d).unwrap(), None);
}

/// Every folder and file under `dir`, relative, sorted.
fn tree_of(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name().to_string_lossy().into_owned();
        if entry.path().is_dir() {
            out.extend(
                tree_of(&entry.path())
                    .into_iter()
                    .map(|n| format!("{name}/{n}")),
            );
            out.push(format!("{name}/"));
        } else {
            out.push(name);
        }
    }
    out.sort();
    out
}

#[test]
fn a_fresh_copy_keeps_everything_frees_the_log_and_the_journal_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let j = Journal::open(dir.path()).unwrap();
    // Churn: one page rewritten many times leaves the log full of old versions.
    for i in 0..1500 {
        let patch = DayPatch {
            role: Some(format!("draft {i} {}", "of the quarterly plan ".repeat(60))),
            ..DayPatch::default()
        };
        j.save_day(date("2026-11-02"), &patch, now()).unwrap();
    }
    for day in 1..=30 {
        let patch = DayPatch {
            self_text: Some(format!("walked to the river, day {day}")),
            stress: Some(Some(day % 10 + 1)),
            ..DayPatch::default()
        };
        j.save_day(
            date("2026-10-01") + chrono::Days::new(day as u64),
            &patch,
            now(),
        )
        .unwrap();
    }
    write_a_week_and_settings(&j);
    let before = crate::interchange::export_json(&j).unwrap();
    let log_before = std::fs::metadata(dir.path().join("store/db"))
        .unwrap()
        .len();
    let writes = j.store().unwrap().writes().unwrap();

    j.compact().unwrap();

    assert_eq!(crate::interchange::export_json(&j).unwrap(), before);
    let log_after = std::fs::metadata(dir.path().join("store/db"))
        .unwrap()
        .len();
    assert!(log_after * 2 < log_before, "{log_after} vs {log_before}");
    assert_eq!(write_mark::read(&dir.path().join("store")), Some(writes));
    let left: Vec<String> = tree_of(dir.path())
        .into_iter()
        .filter(|n| n == "store/" || !n.starts_with("store/"))
        .collect();
    assert_eq!(
        left,
        ["keel.lock", "store/"],
        "no copy or old store is left"
    );
    assert_eq!(
        j.postings("river").unwrap().len(),
        30,
        "the index came along"
    );
    // The journal goes on: a save after the copy is durable and survives a reopen.
    j.save_day(
        date("2026-11-03"),
        &DayPatch {
            role: Some("after".into()),
            ..DayPatch::default()
        },
        now(),
    )
    .unwrap();
    drop(j);
    let j = Journal::open(dir.path()).unwrap();
    assert_eq!(j.day(date("2026-11-03")).unwrap().unwrap().role, "after");
    assert_eq!(j.n_days().unwrap(), 32);
    assert_eq!(j.settings().unwrap().week_start, chrono::Weekday::Sun);
}

/// A week's reflection ("a calm launch", 2026-W44) and weeks that start on Sunday.
fn write_a_week_and_settings(j: &Journal) {
    let content = WeekContent {
        role_gave: vec!["a calm launch".into()],
        ..WeekContent::default()
    };
    j.save_week("2026-W44".parse().unwrap(), content, now())
        .unwrap();
    let mut settings = j.settings().unwrap();
    settings.week_start = chrono::Weekday::Sun;
    j.put_settings(&settings).unwrap();
}

#[test]
fn saves_during_a_fresh_copy_wait_for_it_and_none_is_lost() {
    let dir = tempfile::tempdir().unwrap();
    let j = Journal::open(dir.path()).unwrap();
    std::thread::scope(|s| {
        let writer = s.spawn(|| {
            for i in 0..150u64 {
                let patch = DayPatch {
                    role: Some(format!("page {i}")),
                    ..DayPatch::default()
                };
                j.save_day(date("2025-01-01") + chrono::Days::new(i), &patch, now())
                    .unwrap();
            }
        });
        for _ in 0..5 {
            j.compact().unwrap();
        }
        writer.join().unwrap();
    });
    drop(j);
    let j = Journal::open(dir.path()).unwrap();
    let pages: Vec<DayEntry> = j.days(..).collect::<Result<_>>().unwrap();
    assert_eq!(pages.len(), 150);
    assert!(pages
        .iter()
        .enumerate()
        .all(|(i, p)| p.role == format!("page {i}")));
}

#[test]
fn a_large_import_or_index_rebuild_is_followed_by_a_fresh_copy_and_a_small_one_is_not() {
    use std::os::unix::fs::MetadataExt;
    let dir = tempfile::tempdir().unwrap();
    let j = Journal::open(dir.path()).unwrap();
    let inode = || {
        std::fs::metadata(dir.path().join("store/db"))
            .unwrap()
            .ino()
    };
    let pages = |from: u64, n: u64| ImportBatch {
        days: (from..from + n)
            .map(|i| {
                let mut d = DayEntry::new(date("2020-01-01") + chrono::Days::new(i), now());
                d.role = format!("imported page {i} about the quarterly forecast");
                d
            })
            .collect(),
        ..ImportBatch::default()
    };
    let first = inode();
    j.apply_import(pages(0, 10)).unwrap();
    assert_eq!(inode(), first, "ten pages: no copy");
    j.apply_import(pages(10, COMPACT_AFTER_IMPORT as u64))
        .unwrap();
    assert_ne!(
        inode(),
        first,
        "a thousand pages: a fresh store took the old one's place"
    );
    assert_eq!(j.n_days().unwrap(), 10 + COMPACT_AFTER_IMPORT);
    assert_eq!(
        j.postings("forecast").unwrap().len(),
        10 + COMPACT_AFTER_IMPORT
    );

    // An index rebuilt at open (an older build's, say) is followed by one too.
    j.wreck_index_for_test();
    drop(j);
    let second = inode();
    let j = Journal::open(dir.path()).unwrap();
    assert_ne!(inode(), second, "the rebuild was followed by a fresh copy");
    assert_eq!(
        j.postings("forecast").unwrap().len(),
        10 + COMPACT_AFTER_IMPORT
    );
    drop(j);
    let third = inode();
    let j = Journal::open(dir.path()).unwrap();
    assert_eq!(
        inode(),
        third,
        "an open with a current index copies nothing"
    );
    assert_eq!(j.n_days().unwrap(), 10 + COMPACT_AFTER_IMPORT);
}

/// Every file under `dir` with its bytes.
fn files_of(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    for name in tree_of(dir) {
        let path = dir.join(&name);
        if path.is_file() {
            out.insert(name, std::fs::read(path).unwrap());
        }
    }
    out
}

/// Marker words, one per place a journal keeps words.
const MARKERS: &[&str] = &[
    "zebracorn",
    "marmalade",
    "quillpond",
    "velvetfog",
    "lanternfish",
    "secretmarkid",
];

fn write_markers(j: &Journal) {
    let patch = DayPatch {
        role: Some("the zebracorn review #marmalade".into()),
        self_text: Some("a walk by the quillpond".into()),
        stress: Some(Some(7)),
        ..DayPatch::default()
    };
    j.save_day(date("2026-11-20"), &patch, now()).unwrap();
    let content = WeekContent {
        role_gave: vec!["lanternfish evenings".into()],
        ..WeekContent::default()
    };
    j.save_week("2026-W47".parse().unwrap(), content, now())
        .unwrap();
    j.add_prompt(crate::model::PromptFields {
        side: crate::model::Side::Myself,
        cadence: crate::model::Cadence::Daily,
        theme: crate::model::Theme::Values,
        text: "What did velvetfog teach you?".into(),
    })
    .unwrap();
    let mut imported = DayEntry::new(date("2026-11-21"), now());
    imported.self_text = "from jrnl".into();
    j.apply_import(ImportBatch {
        days: vec![imported],
        marks: vec![("jrnl:secretmarkid".into(), date("2026-11-21"))],
        ..ImportBatch::default()
    })
    .unwrap();
}

fn assert_no_markers(dir: &Path) {
    for (name, bytes) in files_of(dir) {
        for marker in MARKERS {
            assert!(
                !bytes.windows(marker.len()).any(|w| w == marker.as_bytes()),
                "{marker} is readable in {name}"
            );
        }
    }
}

#[test]
fn an_encrypted_journal_leaves_no_word_in_its_files() {
    let dir = tempfile::tempdir().unwrap();
    let j = Journal::open(dir.path()).unwrap();
    write_markers(&j);
    assert!(files_of(dir.path())
        .values()
        .any(|b| b.windows(9).any(|w| w == b"zebracorn")));
    j.encrypt_with("correct horse", crate::crypto::KdfParams::FOR_TESTS)
        .unwrap();
    assert!(j.is_encrypted());
    // Written before encryption (the old store is gone) and after it.
    j.save_day(
        date("2026-11-22"),
        &DayPatch {
            role: Some("more zebracorn and velvetfog".into()),
            ..DayPatch::default()
        },
        now(),
    )
    .unwrap();
    j.checkpoint();
    drop(j);
    assert_no_markers(dir.path());
    let j = Journal::unlock(dir.path(), "correct horse").unwrap();
    assert_eq!(
        j.day(date("2026-11-20")).unwrap().unwrap().role,
        "the zebracorn review #marmalade"
    );
    assert_eq!(
        j.postings("zebracorn").unwrap().len(),
        2,
        "the index was rebuilt"
    );
    assert_eq!(j.tag_counts().unwrap(), [("marmalade".to_owned(), 1)]);
    assert!(j.was_imported("jrnl:secretmarkid").unwrap());
    assert!(j
        .prompts()
        .unwrap()
        .iter()
        .any(|p| p.text.contains("velvetfog")));
    assert_eq!(
        j.week("2026-W47".parse().unwrap())
            .unwrap()
            .unwrap()
            .role_gave,
        ["lanternfish evenings"]
    );
}

#[test]
fn a_wrong_passphrase_or_none_changes_no_byte() {
    let dir = tempfile::tempdir().unwrap();
    {
        let j = Journal::open(dir.path()).unwrap();
        write_markers(&j);
        j.encrypt_with("right", crate::crypto::KdfParams::FOR_TESTS)
            .unwrap();
    }
    std::thread::sleep(std::time::Duration::from_millis(100));
    let before = files_of(dir.path());
    assert!(matches!(
        Journal::unlock(dir.path(), "wrong"),
        Err(KeelError::WrongPassphrase)
    ));
    assert!(matches!(
        Journal::open(dir.path()),
        Err(KeelError::Locked { .. })
    ));
    assert_eq!(files_of(dir.path()), before, "every file byte-identical");
    let j = Journal::unlock(dir.path(), "right").unwrap();
    assert!(j.day(date("2026-11-20")).unwrap().is_some());
}

#[test]
fn a_new_passphrase_keeps_every_entry_and_the_old_one_stops_working() {
    let dir = tempfile::tempdir().unwrap();
    let j = Journal::open(dir.path()).unwrap();
    write_markers(&j);
    j.encrypt_with("first", crate::crypto::KdfParams::FOR_TESTS)
        .unwrap();
    let export = crate::interchange::export_json(&j).unwrap();
    assert!(matches!(
        j.change_passphrase_with("not it", "second", crate::crypto::KdfParams::FOR_TESTS),
        Err(KeelError::WrongPassphrase)
    ));
    j.change_passphrase_with("first", "second", crate::crypto::KdfParams::FOR_TESTS)
        .unwrap();
    drop(j);
    assert!(matches!(
        Journal::unlock(dir.path(), "first"),
        Err(KeelError::WrongPassphrase)
    ));
    let j = Journal::unlock(dir.path(), "second").unwrap();
    assert_eq!(crate::interchange::export_json(&j).unwrap(), export);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    /// Turning encryption on and off loses nothing: the export, the search postings and the tag
    /// counts are the same in every form, after reopening too.
    #[test]
    fn encryption_on_and_off_loses_nothing(ops in proptest::collection::vec(op_strategy(), 1..25)) {
        let dir = tempfile::tempdir().unwrap();
        let mut j = Journal::open(dir.path()).unwrap();
        let base = date("2026-01-01");
        for op in ops {
            match op {
                Op::Save { day, patch } => {
                    j.save_day(base + chrono::Days::new(u64::from(day)), &patch, now()).unwrap();
                }
                Op::Delete { day } => {
                    j.delete_day(base + chrono::Days::new(u64::from(day))).unwrap();
                }
                Op::Reopen | Op::Compact => {}
            }
        }
        let snapshot = |j: &Journal| {
            let words: Vec<usize> = ["a", "b", "river", "the"].iter().map(|w| j.postings(w).unwrap().len()).collect();
            (crate::interchange::export_json(j).unwrap(), words, j.tag_counts().unwrap())
        };
        let plain = snapshot(&j);
        j.encrypt_with("pass", crate::crypto::KdfParams::FOR_TESTS).unwrap();
        prop_assert_eq!(&snapshot(&j), &plain);
        drop(j);
        j = Journal::unlock(dir.path(), "pass").unwrap();
        prop_assert_eq!(&snapshot(&j), &plain);
        j.decrypt("pass").unwrap();
        prop_assert!(!j.is_encrypted());
        prop_assert_eq!(&snapshot(&j), &plain);
        drop(j);
        let j = Journal::open(dir.path()).unwrap();
        prop_assert_eq!(&snapshot(&j), &plain);
    }
}

#[test]
fn a_journal_folder_keel_makes_is_the_users_alone_and_an_existing_one_is_left_as_it_is() {
    use std::os::unix::fs::PermissionsExt;
    let parent = tempfile::tempdir().unwrap();
    let made = parent.path().join("journal");
    drop(Journal::open(&made).unwrap());
    let mode = std::fs::metadata(&made).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o700, "{mode:o}");
    let existing = parent.path().join("chosen");
    std::fs::create_dir(&existing).unwrap();
    std::fs::set_permissions(&existing, std::fs::Permissions::from_mode(0o750)).unwrap();
    drop(Journal::open(&existing).unwrap());
    let mode = std::fs::metadata(&existing).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o750);
}

/// A journal of schema 1 kept a key per import mark; opening it repacks them into buckets, for
/// a plain journal and an encrypted one alike, and every mark is still known.
#[test]
fn schema_1_import_marks_are_repacked_into_buckets() {
    let marks: Vec<String> = (0..300).map(|i| format!("jrnl:2020-01-01 {i}")).collect();
    for sealed in [false, true] {
        let dir = tempfile::tempdir().unwrap();
        let j = Journal::open(dir.path()).unwrap();
        if sealed {
            j.encrypt_with("correct horse", crate::crypto::KdfParams::FOR_TESTS)
                .unwrap();
        }
        {
            // Written as schema 1 wrote them.
            let store = j.store().unwrap();
            for (i, mark) in marks.iter().enumerate() {
                let day = day_key(date("2020-01-01") + chrono::Days::new(i as u64));
                let (key, value) = if sealed {
                    let key = store.codec.mark_hash(mark).to_vec();
                    let mut plain = day.to_vec();
                    plain.extend_from_slice(mark.as_bytes());
                    let value = store.codec.seal(IMPORTED, &key, &plain).unwrap();
                    (key, value)
                } else {
                    (mark.as_bytes().to_vec(), day.to_vec())
                };
                store.imported.insert(key, value).unwrap();
            }
            migrate::stamp(&store.meta, 1).unwrap();
            store.sync().unwrap();
        }
        drop(j);
        let j = if sealed {
            Journal::unlock(dir.path(), "correct horse").unwrap()
        } else {
            Journal::open(dir.path()).unwrap()
        };
        for mark in &marks {
            assert!(j.was_imported(mark).unwrap(), "{mark} (sealed: {sealed})");
        }
        assert!(!j.was_imported("jrnl:2020-01-01 300").unwrap());
        let store = j.store().unwrap();
        let keys: Vec<sled::IVec> = store.imported.iter().keys().map(|k| k.unwrap()).collect();
        assert!(
            keys.iter().all(|k| k.len() == 3 && k[0] == 0xFF),
            "only buckets"
        );
        assert!(keys.len() < marks.len(), "{} buckets", keys.len());
        assert_eq!(
            migrate::stored_version(&store.meta).unwrap(),
            Some(migrate::SCHEMA_VERSION)
        );
        drop(store);
        if sealed {
            // Buckets named by the keyed hash are regrouped when encryption is turned off.
            j.decrypt("correct horse").unwrap();
            assert!(marks.iter().all(|m| j.was_imported(m).unwrap()));
            assert!(!j.was_imported("jrnl:2020-01-01 300").unwrap());
        }
    }
}

#[test]
fn values_events_and_the_welcome_mark_survive_a_reopen_and_stay_sealed() {
    use crate::cycle::{EventDraft, ValueDraft};
    let dir = tempfile::tempdir().unwrap();
    {
        let j = Journal::open(dir.path()).unwrap();
        assert!(j.needs_welcome().unwrap());
        j.set_values(
            &["quillwort kindness", "Brave", "Rested"].map(|n| ValueDraft {
                name: n.into(),
                practice: None,
            }),
        )
        .unwrap();
        assert!(
            !j.needs_welcome().unwrap(),
            "a journal with values is not new"
        );
        let a = j
            .add_event(EventDraft {
                start: date("2026-03-02"),
                end: Some(date("2026-03-06")),
                kind: "reorg".parse().unwrap(),
                note: "the saltmarsh re-org".into(),
            })
            .unwrap();
        let b = j
            .add_event(EventDraft {
                start: date("2026-02-01"),
                end: None,
                kind: "own kind".parse().unwrap(),
                note: String::new(),
            })
            .unwrap();
        assert_eq!((a.id, b.id), (1, 2));
        assert!(matches!(
            j.add_event(EventDraft {
                start: date("2026-03-02"),
                end: Some(date("2026-03-01")),
                kind: "launch".parse().unwrap(),
                note: String::new(),
            }),
            Err(KeelError::InvalidEvent { .. })
        ));
        assert_eq!(j.remove_event(2).unwrap(), b);
        assert!(matches!(
            j.remove_event(2),
            Err(KeelError::UnknownEvent { .. })
        ));
        // Ids are not reused after a remove.
        let c = j
            .add_event(EventDraft {
                start: date("2026-01-05"),
                end: None,
                kind: "review".parse().unwrap(),
                note: String::new(),
            })
            .unwrap();
        assert_eq!(c.id, 3);
        j.mark_welcomed().unwrap();
        j.encrypt_with("pass", crate::crypto::KdfParams::FOR_TESTS)
            .unwrap();
    }
    for (name, bytes) in files_of(dir.path()) {
        for word in [&b"quillwort"[..], b"saltmarsh"] {
            assert!(!bytes.windows(word.len()).any(|w| w == word), "{name:?}");
        }
    }
    let j = Journal::unlock(dir.path(), "pass").unwrap();
    assert_eq!(
        j.values().unwrap().active().next().unwrap().name,
        "quillwort kindness"
    );
    let events = j.events().unwrap();
    assert_eq!(
        events.iter().map(|e| e.id).collect::<Vec<_>>(),
        vec![3, 1],
        "by start date"
    );
    assert_eq!(
        j.events_between(date("2026-03-06"), date("2026-03-31"))
            .unwrap()
            .len(),
        1
    );
    assert!(j
        .events_between(date("2026-03-07"), date("2026-03-31"))
        .unwrap()
        .is_empty());
    assert!(!j.needs_welcome().unwrap());
    assert_eq!(
        j.add_event(EventDraft {
            start: date("2026-04-01"),
            end: None,
            kind: "launch".parse().unwrap(),
            note: String::new(),
        })
        .unwrap()
        .id,
        4,
        "the counter survived encryption"
    );
}

#[test]
fn counted_ids_of_the_persons_prompts_become_random_everywhere_they_are_named() {
    use crate::model::{Cadence, Prompt, PromptAnswer, PromptOrigin, Side, Theme};
    let dir = tempfile::tempdir().unwrap();
    let journal = Journal::open(dir.path()).unwrap();
    // A prompt of the person's from before ids were random, shown on a day, answered on a week.
    let old = Prompt {
        id: "u-7".into(),
        side: Side::Myself,
        cadence: Cadence::Weekly,
        theme: Theme::Relationships,
        text: "Who did I miss this week?".into(),
        origin: PromptOrigin::User,
        edited: false,
        hidden: false,
    };
    journal
        .write(|store| {
            store
                .prompts
                .insert(old.id.as_bytes(), store.seal_prompt(&old)?)?;
            Ok(())
        })
        .unwrap();
    let day = date("2026-11-30");
    let patch = DayPatch {
        role: Some("Planning".into()),
        prompt_ids: Some(vec!["r-001".into(), "u-7".into()]),
        ..DayPatch::default()
    };
    journal.save_day(day, &patch, now()).unwrap();
    let week = WeekReflection {
        week: "2026-W49".parse().unwrap(),
        answers: vec![PromptAnswer {
            prompt_id: "u-7".into(),
            text: "Ana.".into(),
        }],
        role_gave: vec![],
        role_cost: vec![],
        next_boundary: String::new(),
        kept_last_boundary: None,
        values: vec![],
        created_at: now(),
        updated_at: now(),
    };
    journal.put_week(&week).unwrap();

    assert_eq!(journal.sync_unique_prompt_ids().unwrap(), 1);
    assert_eq!(journal.stored_prompt("u-7").unwrap(), None);
    let renamed: Vec<Prompt> = journal
        .stored_prompts()
        .unwrap()
        .into_iter()
        .filter(|p| p.origin == PromptOrigin::User)
        .collect();
    assert_eq!(renamed.len(), 1);
    let id = &renamed[0].id;
    assert!(id.len() == 18 && id.starts_with("u-"), "{id}");
    assert_eq!(renamed[0].text, old.text);
    assert_eq!(
        journal.day(day).unwrap().unwrap().prompt_ids,
        vec!["r-001".to_owned(), id.clone()]
    );
    assert_eq!(
        journal.week(week.week).unwrap().unwrap().answers[0].prompt_id,
        *id
    );
    // Nothing left to rename; a new prompt's id is random already.
    assert_eq!(journal.sync_unique_prompt_ids().unwrap(), 0);
}

/// A fresh copy (after a large import, after an index rebuilt at open, or asked for) takes an
/// encrypted store's key file along: without it nothing in the journal could be read again.
#[test]
fn a_fresh_copy_of_an_encrypted_journal_keeps_its_key() {
    let dir = tempfile::tempdir().unwrap();
    let j = Journal::open(dir.path()).unwrap();
    j.encrypt_with("correct horse", crate::crypto::KdfParams::FOR_TESTS)
        .unwrap();
    let days = (0..COMPACT_AFTER_IMPORT as u64)
        .map(|i| {
            let mut d = DayEntry::new(date("2020-01-01") + chrono::Days::new(i), now());
            d.role = format!("imported page {i} about the quarterly forecast");
            d
        })
        .collect();
    j.apply_import(ImportBatch {
        days,
        ..ImportBatch::default()
    })
    .unwrap();
    j.compact().unwrap();
    drop(j);
    assert!(matches!(
        Journal::open(dir.path()),
        Err(KeelError::Locked { .. })
    ));
    let j = Journal::unlock(dir.path(), "correct horse").unwrap();
    assert!(j.is_encrypted());
    assert_eq!(j.n_days().unwrap(), COMPACT_AFTER_IMPORT);
    // An index rebuilt at open is followed by a fresh copy too.
    j.wreck_index_for_test();
    drop(j);
    drop(Journal::unlock(dir.path(), "correct horse").unwrap());
    let j = Journal::unlock(dir.path(), "correct horse").unwrap();
    assert_eq!(j.postings("forecast").unwrap().len(), COMPACT_AFTER_IMPORT);
}

/// A large import is written with everything the journal held into a fresh store: the
/// journal's pages (one of them replaced by the import's), weeks, settings and earlier import
/// marks come along; the import's pages, marks and sync marks are there; and the index built
/// from nothing is the one the pages give when it is rebuilt at open.
fn a_large_import_goes_into_a_fresh_store_with_all_the_journal_held(encrypted: bool) {
    use std::os::unix::fs::MetadataExt;
    let n = COMPACT_AFTER_IMPORT as u64 + 20;
    let dir = tempfile::tempdir().unwrap();
    let mut j = Journal::open(dir.path()).unwrap();
    if encrypted {
        j.encrypt_with("pass", crate::crypto::KdfParams::FOR_TESTS)
            .unwrap();
    }
    for (d, text) in [
        ("2019-12-31", "kept from before"),
        ("2020-01-05", "replaced soon"),
        ("2031-01-01", "written after all"),
    ] {
        let patch = DayPatch {
            role: Some(text.into()),
            ..DayPatch::default()
        };
        j.save_day(date(d), &patch, now()).unwrap();
    }
    write_a_week_and_settings(&j);
    let mut earlier = DayEntry::new(date("2018-01-01"), now());
    earlier.self_text = "an earlier import".into();
    earlier.tags = vec!["old".into()];
    j.apply_import(ImportBatch {
        days: vec![earlier],
        marks: vec![("jrnl:earlier".into(), date("2018-01-01"))],
        ..ImportBatch::default()
    })
    .unwrap();
    let inode = || {
        std::fs::metadata(dir.path().join("store/db"))
            .unwrap()
            .ino()
    };
    let first = inode();
    let fresh = || super::import_fresh::FRESH_IMPORTS.with(std::cell::Cell::get);
    assert_eq!(fresh(), 0, "a small import is written in place");

    // Given newest first: the store is written in key order all the same.
    let page = |i: u64| {
        let mut d = DayEntry::new(date("2020-01-01") + chrono::Days::new(i), now());
        d.self_text = format!("imported page {i} by the river");
        if i % 2 == 1 {
            d.role = "an odd day".into();
        }
        if i.is_multiple_of(3) {
            d.tags = vec!["team".into()];
        }
        d
    };
    let mut week = WeekReflection::new(
        "2021-W10".parse().unwrap(),
        WeekContent {
            next_boundary: "leave at six".into(),
            ..WeekContent::default()
        },
        now(),
        now(),
    );
    week.kept_last_boundary = Some(true);
    let mut marks: Vec<(String, NaiveDate)> = (0..n)
        .map(|i| (format!("jrnl:{i}"), page(i).date))
        .collect();
    marks.push(("jrnl:no page".into(), date("2031-01-01")));
    j.apply_import(ImportBatch {
        days: (0..n).rev().map(page).collect(),
        weeks: vec![week],
        marks,
        ..ImportBatch::default()
    })
    .unwrap();
    assert_ne!(inode(), first, "a fresh store took the old one's place");
    assert_eq!(fresh(), 1, "the import went into the fresh store");

    let check = |j: &Journal| {
        assert_eq!(j.n_days().unwrap(), n as usize + 3);
        assert_eq!(
            j.day(date("2019-12-31")).unwrap().unwrap().role,
            "kept from before"
        );
        assert_eq!(
            j.day(date("2020-01-05")).unwrap().unwrap().self_text,
            "imported page 4 by the river"
        );
        assert_eq!(j.day(date("2018-01-01")).unwrap().unwrap().tags, ["old"]);
        assert_eq!(j.weeks().unwrap().len(), 2);
        assert_eq!(j.settings().unwrap().week_start, chrono::Weekday::Sun);
        for mark in ["jrnl:earlier", "jrnl:0", "jrnl:1019", "jrnl:no page"] {
            assert!(j.was_imported(mark).unwrap(), "{mark}");
        }
        assert!(!j.was_imported("jrnl:1020").unwrap());
        let marked = j.sync_marked().unwrap();
        for name in [
            "day/2019-12-31",
            "day/2020-01-01",
            "day/2022-10-16",
            "week/2021-W10",
        ] {
            assert!(marked.iter().any(|m| m == name), "{name} in {marked:?}");
        }
        let count = |term: &str| j.postings(term).unwrap().len();
        assert_eq!(count("river"), n as usize);
        assert_eq!(count("odd"), n as usize / 2);
        assert_eq!(count("#team"), (n as usize).div_ceil(3));
        assert_eq!((count("soon"), count("kept"), count("#old")), (0, 1, 1));
        assert_eq!((count("calm"), count("six")), (1, 1));
        [
            "river", "odd", "#team", "kept", "#old", "calm", "six", "after", "import",
        ]
        .map(|t| j.postings(t).unwrap())
    };
    let built = check(&j);
    // The same lists as the index rebuilt from the pages at open.
    j.wreck_index_for_test();
    drop(j);
    let reopen = |dir: &Path| match encrypted {
        true => Journal::unlock(dir, "pass").unwrap(),
        false => Journal::open(dir).unwrap(),
    };
    drop(reopen(dir.path()));
    j = reopen(dir.path());
    assert_eq!(check(&j), built);
}

#[test]
fn a_large_import_goes_into_a_fresh_store_with_all_the_journal_held_plain() {
    a_large_import_goes_into_a_fresh_store_with_all_the_journal_held(false);
}

#[test]
fn a_large_import_goes_into_a_fresh_store_with_all_the_journal_held_encrypted() {
    a_large_import_goes_into_a_fresh_store_with_all_the_journal_held(true);
}

/// Pages centuries apart: their check-ins are read from the marks by a search of the dates,
/// not a table of every day between them.
#[test]
fn check_ins_of_pages_centuries_apart_are_read_from_the_marks() {
    let dir = tempfile::tempdir().unwrap();
    let journal = Journal::open(dir.path()).unwrap();
    let rated = |stress, minutes| DayPatch {
        stress: Some(Some(stress)),
        after_hours_minutes: Some(Some(minutes)),
        ..DayPatch::default()
    };
    let (old, new) = (date("1026-03-01"), date("2026-03-01"));
    journal.save_day(old, &rated(3, 1440), now()).unwrap();
    journal.save_day(new, &rated(9, 5), now()).unwrap();
    let read = journal.check_ins_read(..).unwrap();
    assert_eq!(read.len(), 2);
    assert_eq!(read[1].1.after_hours_minutes, Some(5));
    assert_eq!(journal.check_ins_marked(old, new).unwrap(), read);
    assert_eq!(journal.check_ins(..).unwrap(), read);
}
