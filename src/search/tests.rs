//! Search tests: the index agrees with a brute-force scan on random journals, after edits and
//! deletes; phrases, tags, date and rating ranges, accents; snippets; the index rebuilt.

use std::collections::BTreeSet;

use chrono::{DateTime, FixedOffset};
use proptest::prelude::*;

use super::*;
use crate::model::{DayPatch, WeekContent, WeekId, WeekReflection};
use crate::store::ImportBatch;
use keel_test_support::date;

fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-28T12:00:00+01:00").unwrap()
}

fn journal() -> (tempfile::TempDir, Journal) {
    let dir = tempfile::tempdir().unwrap();
    let j = Journal::open(dir.path()).unwrap();
    (dir, j)
}

fn write(j: &Journal, d: &str, role: &str, myself: &str, stress: Option<i64>) {
    j.save_day(
        date(d),
        &DayPatch {
            role: Some(role.into()),
            self_text: Some(myself.into()),
            stress: Some(stress),
            ..DayPatch::default()
        },
        now(),
    )
    .unwrap();
}

fn found(j: &Journal, q: &str) -> Vec<(String, HitSide)> {
    search(j, &Query::parse(q).unwrap(), 100)
        .unwrap()
        .into_iter()
        .map(|h| (h.date.to_string(), h.side))
        .collect()
}

/// The documents a query should find, by reading every page.
fn brute(j: &Journal, q: &Query) -> BTreeSet<Doc> {
    let terms = q.terms();
    let mut out = BTreeSet::new();
    for day in j.days(..) {
        let day = day.unwrap();
        if !day_passes(q, &day) {
            continue;
        }
        if terms.is_empty() {
            out.insert(Doc::Day(day.date, DocKind::Role));
            continue;
        }
        if text_matches(q, &day.role) {
            out.insert(Doc::Day(day.date, DocKind::Role));
        }
        if text_matches(q, &day.self_text) {
            out.insert(Doc::Day(day.date, DocKind::Myself));
        }
    }
    for w in j.weeks().unwrap() {
        if !terms.is_empty() && week_passes(q, &w) && text_matches(q, &week_text(&w)) {
            out.insert(Doc::Week(w.week));
        }
    }
    out
}

const VOCAB: &[&str] = &[
    "review", "Review", "résumé", "resume", "forecast", "river", "Ana", "café", "cafe", "target",
    "walk", "#wbr", "#family",
];

#[derive(Debug, Clone)]
enum Op {
    Save {
        day: u8,
        role: Vec<usize>,
        myself: Vec<usize>,
        stress: Option<u8>,
    },
    Delete {
        day: u8,
    },
    Week {
        week: u8,
        words: Vec<usize>,
    },
    /// A page stored whole by an import, replacing the day's page if there is one.
    Import {
        day: u8,
        role: Vec<usize>,
        myself: Vec<usize>,
    },
    Reopen,
}

fn op() -> impl Strategy<Value = Op> {
    let words = || proptest::collection::vec(0..VOCAB.len(), 0..6);
    prop_oneof![
        6 => (0u8..20, words(), words(), proptest::option::of(1u8..=10)).prop_map(|(day, role, myself, stress)| Op::Save { day, role, myself, stress }),
        2 => (0u8..20).prop_map(|day| Op::Delete { day }),
        1 => (1u8..4, words()).prop_map(|(week, words)| Op::Week { week, words }),
        2 => (0u8..20, words(), words()).prop_map(|(day, role, myself)| Op::Import { day, role, myself }),
        1 => Just(Op::Reopen),
    ]
}

fn query() -> impl Strategy<Value = String> {
    prop_oneof![
        (0..VOCAB.len()).prop_map(|i| VOCAB[i].to_string()),
        (0..VOCAB.len(), 0..VOCAB.len()).prop_map(|(a, b)| format!("{} {}", VOCAB[a], VOCAB[b])),
        (0..VOCAB.len(), 0..VOCAB.len())
            .prop_map(|(a, b)| format!("\"{} {}\"", VOCAB[a], VOCAB[b])),
        (0..VOCAB.len(), 1u8..=10).prop_map(|(a, s)| format!("{} stress>={s}", VOCAB[a])),
        (1u8..=10).prop_map(|s| format!("stress<{s}")),
        Just("#wbr".to_string()),
        Just("#family river".to_string()),
        Just("from:2026-01-05 to:2026-01-12 walk".to_string()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40))]

    /// Whatever was saved, edited or deleted, the index finds exactly what reading every page
    /// finds.
    #[test]
    fn the_index_agrees_with_a_brute_force_scan(ops in proptest::collection::vec(op(), 1..30), queries in proptest::collection::vec(query(), 1..6)) {
        let dir = tempfile::tempdir().unwrap();
        let mut j = Journal::open(dir.path()).unwrap();
        let text = |ids: &[usize]| ids.iter().map(|i| VOCAB[*i]).collect::<Vec<_>>().join(" ");
        for op in ops {
            match op {
                Op::Save { day, role, myself, stress } => {
                    let d = date("2026-01-01") + chrono::Days::new(u64::from(day));
                    let patch = DayPatch {
                        role: Some(text(&role)),
                        self_text: Some(text(&myself)),
                        stress: Some(stress.map(i64::from)),
                        ..DayPatch::default()
                    };
                    j.save_day(d, &patch, now()).unwrap();
                }
                Op::Delete { day } => {
                    j.delete_day(date("2026-01-01") + chrono::Days::new(u64::from(day))).unwrap();
                }
                Op::Week { week, words } => {
                    let content = WeekContent { role_gave: vec![text(&words)], ..WeekContent::default() };
                    j.save_week(WeekId::new(2026, u32::from(week)).unwrap(), content, now()).unwrap();
                }
                Op::Import { day, role, myself } => {
                    let mut entry = DayEntry::new(date("2026-01-01") + chrono::Days::new(u64::from(day)), now());
                    entry.role = text(&role);
                    entry.self_text = text(&myself);
                    entry.refresh_tags();
                    j.apply_import(ImportBatch { days: vec![entry], ..ImportBatch::default() }).unwrap();
                }
                Op::Reopen => {
                    drop(j);
                    j = Journal::open(dir.path()).unwrap();
                }
            }
        }
        for q in queries {
            let parsed = Query::parse(&q).unwrap();
            let expected = brute(&j, &parsed);
            let got = search(&j, &parsed, usize::MAX).unwrap();
            let got_docs: BTreeSet<Doc> = got
                .iter()
                .map(|h| match (h.side, h.week) {
                    (HitSide::Week, Some(w)) => Doc::Week(w),
                    (HitSide::Myself, _) if !parsed.terms().is_empty() => Doc::Day(h.date, DocKind::Myself),
                    _ => Doc::Day(h.date, DocKind::Role),
                })
                .collect();
            prop_assert_eq!(&got_docs, &expected, "query {:?}", q);
            // Newest first.
            let dates: Vec<NaiveDate> = got.iter().map(|h| h.date).collect();
            let mut sorted = dates.clone();
            sorted.sort_by(|a, b| b.cmp(a));
            prop_assert_eq!(dates, sorted);
            // A limited search reads the lists lazily and stops: it finds the same first hits.
            let first = search(&j, &parsed, 3).unwrap();
            prop_assert_eq!(&first[..], &got[..got.len().min(3)], "query {:?}", q);
        }
        // The posting lists themselves hold no stale entry (a search re-reads its candidates,
        // so only the lists and the tag counts would show one).
        for word in VOCAB.iter().filter(|w| !w.starts_with('#')) {
            let parsed = Query::parse(word).unwrap();
            let term = parsed.terms().into_iter().next().unwrap().to_owned();
            let listed: BTreeSet<Doc> = j.postings(&term).unwrap().into_iter().collect();
            prop_assert_eq!(&listed, &brute(&j, &parsed), "postings of {:?}", term);
            // Read backwards chunk by chunk, the same documents come highest recency first.
            let backwards: Vec<Doc> = j.postings_newest_first(&term).unwrap().map(Result::unwrap).collect();
            let mut expected: Vec<Doc> = listed.into_iter().collect();
            expected.sort_by_key(|d| std::cmp::Reverse(d.recency()));
            prop_assert_eq!(backwards, expected, "postings of {:?} newest first", term);
        }
        let mut tags: std::collections::BTreeMap<String, usize> = Default::default();
        for day in j.days(..) {
            for tag in day.unwrap().tags {
                *tags.entry(tag).or_default() += 1;
            }
        }
        let counted: std::collections::BTreeMap<String, usize> = j.tag_counts().unwrap().into_iter().collect();
        prop_assert_eq!(counted, tags);
    }
}

#[test]
fn words_phrases_accents_tags_and_ranges() {
    let (_d, j) = journal();
    write(
        &j,
        "2026-11-23",
        "The forecast review ran long. #wbr",
        "Walked by the river with Ana.",
        Some(8),
    );
    write(
        &j,
        "2026-11-24",
        "Second review day; the review itself went fine.",
        "Café with Émile. #family",
        Some(4),
    );
    write(&j, "2026-11-25", "", "A river walk, alone.", Some(2));
    assert_eq!(
        found(&j, "review"),
        [
            ("2026-11-24".into(), HitSide::Role),
            ("2026-11-23".into(), HitSide::Role)
        ]
    );
    assert_eq!(
        found(&j, "RIVER"),
        [
            ("2026-11-25".into(), HitSide::Myself),
            ("2026-11-23".into(), HitSide::Myself)
        ]
    );
    assert_eq!(
        found(&j, "cafe emile"),
        [("2026-11-24".into(), HitSide::Myself)]
    );
    assert_eq!(
        found(&j, "\"river walk\""),
        [("2026-11-25".into(), HitSide::Myself)]
    );
    assert_eq!(found(&j, "\"walk river\""), Vec::<(String, HitSide)>::new());
    assert_eq!(found(&j, "#wbr"), [("2026-11-23".into(), HitSide::Role)]);
    assert_eq!(
        found(&j, "river stress>=7"),
        [("2026-11-23".into(), HitSide::Myself)]
    );
    assert_eq!(found(&j, "stress<=4").len(), 2);
    assert_eq!(
        found(&j, "river from:2026-11-24"),
        [("2026-11-25".into(), HitSide::Myself)]
    );
    assert_eq!(
        found(&j, "river to:2026-11-24"),
        [("2026-11-23".into(), HitSide::Myself)]
    );
    assert!(found(&j, "nothinglikethis").is_empty());
    assert!(matches!(
        Query::parse("stress>=high"),
        Err(KeelError::InvalidQuery { .. })
    ));
    assert!(matches!(
        Query::parse("from:yesterday"),
        Err(KeelError::InvalidDate { .. })
    ));
}

#[test]
fn deleted_and_edited_words_are_not_found() {
    let (_d, j) = journal();
    write(&j, "2026-11-23", "budget meeting", "", None);
    assert_eq!(found(&j, "budget").len(), 1);
    write(&j, "2026-11-23", "planning meeting", "", None);
    assert!(found(&j, "budget").is_empty());
    assert_eq!(found(&j, "planning").len(), 1);
    j.delete_day(date("2026-11-23")).unwrap();
    assert!(found(&j, "planning").is_empty());
    assert!(found(&j, "meeting").is_empty());
}

#[test]
fn weekly_reflections_are_searched_too() {
    let (_d, j) = journal();
    j.save_week(
        "2026-W48".parse().unwrap(),
        WeekContent {
            role_cost: vec!["Three evenings of forecast work".into()],
            ..WeekContent::default()
        },
        now(),
    )
    .unwrap();
    let hits = search(&j, &Query::parse("forecast").unwrap(), 10).unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(
        (hits[0].side, hits[0].week.map(|w| w.to_string())),
        (HitSide::Week, Some("2026-W48".to_string()))
    );
}

#[test]
fn an_import_s_weeks_are_searched_and_a_week_it_replaces_loses_its_old_words() {
    let (_d, j) = journal();
    let w48: WeekId = "2026-W48".parse().unwrap();
    let w49: WeekId = "2026-W49".parse().unwrap();
    let cost = |text: &str| WeekContent {
        role_cost: vec![text.into()],
        ..WeekContent::default()
    };
    j.save_week(w48, cost("A harbour of forecasts"), now())
        .unwrap();
    let mut day = crate::model::DayEntry::new(date("2026-11-30"), now());
    day.self_text = "A walk by the harbour".into();
    j.apply_import(ImportBatch {
        days: vec![day],
        weeks: vec![
            WeekReflection::new(w48, cost("A lighthouse instead"), now(), now()),
            WeekReflection::new(w49, cost("The harbour again"), now(), now()),
        ],
        ..ImportBatch::default()
    })
    .unwrap();
    let weeks_of = |word: &str| -> Vec<Option<String>> {
        search(&j, &Query::parse(word).unwrap(), 10)
            .unwrap()
            .iter()
            .map(|h| h.week.map(|w| w.to_string()))
            .collect()
    };
    assert_eq!(
        weeks_of("harbour"),
        [None, Some("2026-W49".to_string())],
        "the day, then the new week starting that Monday; not the week it replaced"
    );
    assert_eq!(weeks_of("lighthouse"), [Some("2026-W48".to_string())]);
    assert!(weeks_of("forecasts").is_empty());
}

#[test]
fn snippets_mark_the_matching_words() {
    let terms: BTreeSet<&str> = ["review", "cafe"].into_iter().collect();
    let s = snippet("Before the Review,\n\na coffee at the café.", &terms);
    let marked: Vec<(&str, bool)> = s.iter().map(|g| (g.text.as_str(), g.hit)).collect();
    assert_eq!(
        marked,
        [
            ("Before the ", false),
            ("Review", true),
            (", a coffee at the ", false),
            ("café", true),
            (".", false)
        ]
    );
    let long = format!("{} target {}", "word ".repeat(30), "word ".repeat(30));
    let terms: BTreeSet<&str> = ["target"].into_iter().collect();
    let s = snippet(&long, &terms);
    assert_eq!(s.first().unwrap().text, "…");
    assert_eq!(s.last().unwrap().text, "…");
    assert!(s.iter().any(|g| g.hit && g.text == "target"));
}

#[test]
fn tag_counts_list_the_tags_by_use() {
    let (_d, j) = journal();
    write(&j, "2026-11-23", "#wbr #q4", "#family", None);
    write(&j, "2026-11-24", "#wbr", "", None);
    assert_eq!(
        j.tag_counts().unwrap(),
        [("wbr".into(), 2), ("family".into(), 1), ("q4".into(), 1)]
    );
}

#[test]
fn an_index_from_an_older_build_or_a_broken_import_is_rebuilt_at_open() {
    let dir = tempfile::tempdir().unwrap();
    {
        let j = Journal::open(dir.path()).unwrap();
        write(&j, "2026-11-23", "quarterly forecast", "", None);
        j.wreck_index_for_test();
        assert!(found(&j, "forecast").is_empty(), "the index really is gone");
        assert!(j.tree_names_for_test().contains(&"search_docs".to_owned()));
    }
    let j = Journal::open(dir.path()).unwrap();
    assert_eq!(
        found(&j, "forecast"),
        [("2026-11-23".into(), HitSide::Role)]
    );
    assert!(
        !j.tree_names_for_test().contains(&"search_docs".to_owned()),
        "version 3's second tree is dropped with the old index"
    );
}

#[test]
fn event_notes_and_value_whys_are_found_and_filters_apply() {
    let (_d, j) = journal();
    write(&j, "2026-03-01", "calibration prep", "", Some(6));
    j.add_event(crate::cycle::EventDraft {
        start: date("2026-03-10"),
        end: None,
        kind: "review".parse().unwrap(),
        note: "Calibration with the new director".into(),
    })
    .unwrap();
    j.save_week(
        "2026-W12".parse().unwrap(),
        WeekContent {
            values: vec![crate::cycle::ValueCheck {
                value: 1,
                outcome: crate::cycle::ValueOutcome::Held,
                why: "said no to the calibration dinner".into(),
            }],
            ..WeekContent::default()
        },
        now(),
    )
    .unwrap();
    assert_eq!(
        found(&j, "calibration"),
        vec![
            ("2026-03-16".to_owned(), HitSide::Week),
            ("2026-03-10".to_owned(), HitSide::Event),
            ("2026-03-01".to_owned(), HitSide::Role),
        ]
    );
    // The kind's words are searchable too; a date filter and a rating filter apply.
    assert_eq!(
        found(&j, "performance review director"),
        vec![("2026-03-10".to_owned(), HitSide::Event)]
    );
    assert!(found(&j, "director from:2026-03-11").is_empty());
    assert!(found(&j, "director stress>=1").is_empty());
}
