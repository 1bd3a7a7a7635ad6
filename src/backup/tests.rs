//! Backups: retention tiers, verified snapshots, once a day, and a restore that brings every
//! entry back from a damaged journal while keeping the damaged files.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime};

use super::*;
use crate::model::DayPatch;

fn at(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap()
}

fn t(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
}

#[test]
fn retention_keeps_seven_days_four_weeks_and_twelve_months() {
    let now = t("2026-11-28 09:00");
    // One backup a day for 400 days, and a second one today.
    let mut taken: Vec<NaiveDateTime> = (0..400)
        .map(|i| now - chrono::Duration::days(i) - chrono::Duration::hours(1))
        .collect();
    taken.push(now);
    let kept = keep(&taken, now);
    assert!(kept.contains(&now), "the newest is kept");
    let days: BTreeSet<NaiveDate> = kept.iter().map(|k| k.date()).collect();
    for i in 0..7 {
        assert!(
            days.contains(&(now.date() - chrono::Days::new(i))),
            "day -{i}"
        );
    }
    assert!(kept.len() <= 7 + 4 + 12 + 1, "{} kept", kept.len());
    assert!(
        kept.iter().all(|k| (now - *k).num_days() < 366),
        "nothing past a year"
    );
    // Months: the newest backup of each of the last 12 months is there.
    let months: BTreeSet<(i32, u32)> = kept
        .iter()
        .map(|k| (k.date().year(), k.date().month()))
        .collect();
    assert_eq!(months.len(), 12);
    assert!(keep(&[], now).is_empty());
}

#[test]
fn snapshots_are_verified_listed_daily_and_pruned() {
    let dir = tempfile::tempdir().unwrap();
    let journal = Journal::open(dir.path()).unwrap();
    journal
        .save_day(
            chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap(),
            &DayPatch {
                role: Some("Before the backup.".into()),
                ..DayPatch::default()
            },
            at("2026-11-27T20:00:00+01:00"),
        )
        .unwrap();
    let first = daily(&journal, at("2026-11-28T08:00:00+01:00"))
        .unwrap()
        .expect("a backup today");
    assert_eq!(
        std::fs::read_to_string(&first.path).unwrap(),
        interchange::export_json(&journal).unwrap()
    );
    assert!(
        daily(&journal, at("2026-11-28T18:00:00+01:00"))
            .unwrap()
            .is_none(),
        "once a day"
    );
    for day in 1..=20 {
        create(&journal, at(&format!("2026-10-{day:02}T08:00:00+01:00"))).unwrap();
    }
    assert_eq!(list(dir.path()).unwrap().len(), 21);
    let removed = prune(dir.path(), at("2026-11-28T19:00:00+01:00")).unwrap();
    let left = list(dir.path()).unwrap();
    assert_eq!(left.len() + removed, 21);
    assert_eq!(
        left[0].taken_at,
        t("2026-11-28 08:00"),
        "newest first, and kept"
    );
    // October 2026 is more than 4 weeks back: one backup stands for the month.
    assert_eq!(
        left.iter()
            .filter(|b| b.taken_at.date().month() == 10)
            .count(),
        1
    );
}

#[test]
fn a_restore_brings_every_entry_back_and_keeps_the_damaged_files() {
    let dir = tempfile::tempdir().unwrap();
    let now = at("2026-11-28T09:00:00+01:00");
    let backup = {
        let journal = Journal::open(dir.path()).unwrap();
        for i in 0..30u64 {
            journal
                .save_day(
                    chrono::NaiveDate::from_ymd_opt(2026, 10, 1).unwrap() + chrono::Days::new(i),
                    &DayPatch {
                        role: Some(format!("Page {i}")),
                        stress: Some(Some((i % 10 + 1) as i64)),
                        ..DayPatch::default()
                    },
                    now,
                )
                .unwrap();
        }
        create(&journal, now).unwrap()
    };
    // Damage the store: overwrite the start of sled's file.
    let db = dir.path().join("store").join("db");
    let mut bytes = std::fs::read(&db).unwrap();
    for b in bytes.iter_mut().take(8192) {
        *b ^= 0xA5;
    }
    std::fs::write(&db, bytes).unwrap();

    let (aside, n) = restore(
        dir.path(),
        &backup.path,
        None,
        at("2026-11-28T10:00:00+01:00"),
    )
    .unwrap();
    assert_eq!(n, 30);
    assert!(
        aside.join("db").exists(),
        "the damaged files are kept at {}",
        aside.display()
    );
    let journal = Journal::open(dir.path()).unwrap();
    assert_eq!(journal.n_days().unwrap(), 30);
    let day = journal
        .day(chrono::NaiveDate::from_ymd_opt(2026, 10, 15).unwrap())
        .unwrap()
        .unwrap();
    assert_eq!(
        (day.role.as_str(), day.check_in.stress),
        ("Page 14", Some(5))
    );
}

#[test]
fn a_bad_backup_is_refused_before_the_journal_is_touched() {
    let dir = tempfile::tempdir().unwrap();
    {
        let journal = Journal::open(dir.path()).unwrap();
        journal
            .save_day(
                chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(),
                &DayPatch {
                    role: Some("still here".into()),
                    ..DayPatch::default()
                },
                at("2026-11-28T09:00:00+01:00"),
            )
            .unwrap();
    }
    let bad = dir.path().join("not-a-backup.json");
    std::fs::write(&bad, "{\"format\": \"keel\", \"version\": 7}").unwrap();
    assert!(restore(dir.path(), &bad, None, at("2026-11-28T10:00:00+01:00")).is_err());
    let journal = Journal::open(dir.path()).unwrap();
    assert_eq!(journal.n_days().unwrap(), 1);
    assert!(!dir
        .path()
        .read_dir()
        .unwrap()
        .flatten()
        .any(|e| e.file_name().to_string_lossy().starts_with("store.before")));
}

#[test]
fn a_restore_asked_for_while_open_happens_at_the_next_open() {
    let dir = tempfile::tempdir().unwrap();
    let now = at("2026-11-28T09:00:00+01:00");
    let name = {
        let journal = Journal::open(dir.path()).unwrap();
        journal
            .save_day(
                chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(),
                &DayPatch {
                    role: Some("in the backup".into()),
                    ..DayPatch::default()
                },
                now,
            )
            .unwrap();
        let b = create(&journal, now).unwrap();
        journal
            .save_day(
                chrono::NaiveDate::from_ymd_opt(2026, 11, 2).unwrap(),
                &DayPatch {
                    role: Some("after the backup".into()),
                    ..DayPatch::default()
                },
                now,
            )
            .unwrap();
        let name = b.path.file_name().unwrap().to_string_lossy().into_owned();
        assert!(request_restore(dir.path(), "../../etc/passwd").is_err());
        request_restore(dir.path(), &name).unwrap();
        name
    };
    let (_, n) = apply_pending_restore(dir.path(), None, at("2026-11-28T10:00:00+01:00"))
        .unwrap()
        .expect("restored");
    assert_eq!(n, 1);
    assert!(
        apply_pending_restore(dir.path(), None, now)
            .unwrap()
            .is_none(),
        "only once"
    );
    let journal = Journal::open(dir.path()).unwrap();
    assert_eq!(journal.n_days().unwrap(), 1);
    assert!(!name.is_empty());
}

/// A journal at `dir` holding one page with the word "zebracorn".
fn journal_with_one_page(dir: &Path, now: DateTime<FixedOffset>) -> Journal {
    let journal = Journal::open(dir).unwrap();
    let patch = DayPatch {
        role: Some("the zebracorn plan".into()),
        ..DayPatch::default()
    };
    journal
        .save_day(NaiveDate::from_ymd_opt(2026, 11, 27).unwrap(), &patch, now)
        .unwrap();
    journal
}

#[test]
fn an_encrypted_journals_backup_is_sealed_and_restores_encrypted_with_its_passphrase() {
    let dir = tempfile::tempdir().unwrap();
    let now = at("2026-11-28T09:00:00+01:00");
    let backup = {
        let journal = journal_with_one_page(dir.path(), now);
        journal
            .encrypt_with("pass", crate::crypto::KdfParams::FOR_TESTS)
            .unwrap();
        create(&journal, now).unwrap()
    };
    let bytes = std::fs::read(&backup.path).unwrap();
    assert!(crate::crypto::is_sealed_file(&bytes));
    assert!(!bytes.windows(9).any(|w| w == b"zebracorn"));
    let when = at("2026-11-28T10:00:00+01:00");
    assert!(matches!(
        restore(dir.path(), &backup.path, None, when),
        Err(KeelError::Locked { .. })
    ));
    assert!(matches!(
        restore(dir.path(), &backup.path, Some("nope"), when),
        Err(KeelError::WrongPassphrase)
    ));
    let (_, n) = restore(dir.path(), &backup.path, Some("pass"), when).unwrap();
    assert_eq!(n, 1);
    assert!(matches!(
        Journal::open(dir.path()),
        Err(KeelError::Locked { .. })
    ));
    let journal = Journal::unlock(dir.path(), "pass").unwrap();
    assert_eq!(journal.postings("zebracorn").unwrap().len(), 1);
}

#[test]
fn backups_taken_before_encryption_are_sealed_in_place_or_removed() {
    for what in [OldBackups::Encrypt, OldBackups::Remove] {
        let dir = tempfile::tempdir().unwrap();
        let now = at("2026-11-28T09:00:00+01:00");
        let journal = journal_with_one_page(dir.path(), now);
        let old = create(&journal, now).unwrap();
        journal
            .encrypt_with("pass", crate::crypto::KdfParams::FOR_TESTS)
            .unwrap();
        assert_eq!(protect_plain(&journal, what).unwrap(), 1);
        assert_eq!(
            protect_plain(&journal, what).unwrap(),
            0,
            "nothing plain is left"
        );
        match what {
            OldBackups::Remove => assert!(!old.path.exists()),
            OldBackups::Encrypt => {
                let bytes = std::fs::read(&old.path).unwrap();
                assert!(crate::crypto::is_sealed_file(&bytes));
                assert!(!bytes.windows(9).any(|w| w == b"zebracorn"));
                drop(journal);
                let (_, n) = restore(
                    dir.path(),
                    &old.path,
                    Some("pass"),
                    at("2026-11-28T10:00:00+01:00"),
                )
                .unwrap();
                assert_eq!(n, 1);
            }
        }
    }
}

#[test]
fn a_backup_carries_values_their_check_ins_and_events_through_a_restore() {
    use crate::cycle::{EventDraft, ValueCheck, ValueDraft, ValueOutcome};
    let dir = tempfile::tempdir().unwrap();
    let now = at("2026-11-28T09:00:00+01:00");
    let (backup, values, events, week) = {
        let journal = journal_with_one_page(dir.path(), now);
        let book = journal
            .set_values(&["Kind", "Brave", "Rested"].map(|n| ValueDraft {
                name: n.into(),
                practice: Some(format!("{n}, in practice")),
            }))
            .unwrap();
        journal
            .set_values(&["Kind", "Brave", "Curious"].map(|n| ValueDraft {
                name: n.into(),
                practice: None,
            }))
            .unwrap();
        journal
            .add_event(EventDraft {
                start: chrono::NaiveDate::from_ymd_opt(2026, 11, 19).unwrap(),
                end: None,
                kind: "review".parse().unwrap(),
                note: "H2 calibration".into(),
            })
            .unwrap();
        let week = journal
            .save_week(
                "2026-W47".parse().unwrap(),
                crate::model::WeekContent {
                    values: vec![ValueCheck {
                        value: book.active().nth(2).unwrap().id,
                        outcome: ValueOutcome::Bent,
                        why: "three late nights".into(),
                    }],
                    ..Default::default()
                },
                now,
            )
            .unwrap();
        let b = create(&journal, now).unwrap();
        (
            b,
            journal.values().unwrap(),
            journal.events().unwrap(),
            week,
        )
    };
    restore(
        dir.path(),
        &backup.path,
        None,
        at("2026-11-28T10:00:00+01:00"),
    )
    .unwrap();
    let journal = Journal::open(dir.path()).unwrap();
    assert_eq!(journal.values().unwrap(), values, "retired Rested included");
    assert_eq!(journal.events().unwrap(), events);
    assert_eq!(journal.week(week.week).unwrap().unwrap(), week);
}

#[test]
fn an_import_takes_a_backup_first_unless_it_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let now = at("2026-11-28T08:00:00+01:00");
    let journal = journal_with_one_page(dir.path(), now);
    let file = serde_json::json!({"tags": {}, "entries": [{"title": "From jrnl.",
        "body": "An old entry.", "date": "2020-03-01", "time": "09:00", "tags": [], "starred": false}]})
    .to_string();
    let import = |at_time: &str| {
        let mut plan = interchange::plan(
            &journal,
            interchange::Source::Jrnl,
            file.as_bytes(),
            interchange::ImportOptions::default(),
            at(at_time),
        )
        .unwrap();
        let writes_nothing = plan.writes_nothing();
        apply_import(&journal, &mut plan, at(at_time)).unwrap();
        writes_nothing
    };
    assert!(!import("2026-11-28T09:00:00+01:00"));
    let taken = list(dir.path()).unwrap();
    assert_eq!(taken.len(), 1, "a backup before the import");
    assert!(!std::fs::read_to_string(&taken[0].path)
        .unwrap()
        .contains("An old entry."));
    assert_eq!(journal.n_days().unwrap(), 2);
    // The same file again: every entry was imported, nothing to write, nothing to back up.
    assert!(import("2026-11-28T10:00:00+01:00"));
    assert_eq!(list(dir.path()).unwrap().len(), 1);
    assert_eq!(journal.n_days().unwrap(), 2);
}
