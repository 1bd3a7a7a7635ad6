//! Trends on hand-built series: missing days, a single day, all-equal values, a daylight-saving
//! change, the comparisons' thresholds, the weekday profile, ranges; and a property test that
//! the rolling mean equals a naive recomputation.

use chrono::{DateTime, FixedOffset};
use proptest::prelude::*;

use super::*;
use crate::model::CheckIn;
use keel_test_support::date;

fn day(
    d: NaiveDate,
    stress: Option<u8>,
    resilience: Option<u8>,
    boundary: Option<Boundary>,
) -> DayEntry {
    let mut e = DayEntry::new(
        d,
        DateTime::parse_from_rfc3339("2026-01-01T20:00:00+01:00").unwrap(),
    );
    e.check_in = CheckIn {
        stress,
        resilience,
        boundary,
        ..CheckIn::default()
    };
    e
}

fn run(days: &[DayEntry], range: Range, today: &str) -> Trends {
    compute(
        days,
        &HashSet::new(),
        &Settings::default(),
        range,
        date(today),
    )
}

#[test]
fn rolling_means_skip_missing_days_and_say_how_many_they_had() {
    let days = [
        day(date("2026-11-01"), Some(2), None, None),
        day(date("2026-11-03"), Some(6), None, None),
        day(date("2026-11-09"), Some(9), Some(4), None),
    ];
    let t = run(&days, Range::Days30, "2026-11-10");
    let means: Vec<(Option<f64>, usize)> = t
        .points
        .iter()
        .map(|p| (p.stress_mean, p.stress_n))
        .collect();
    // 1 Nov: itself; 3 Nov: 1 and 3 Nov; 9 Nov: 3 to 9 Nov holds 3 and 9 Nov.
    assert_eq!(means, vec![(Some(2.0), 1), (Some(4.0), 2), (Some(7.5), 2)]);
    assert_eq!(t.points[2].resilience_mean, Some(4.0));
    assert_eq!(t.points[0].resilience_n, 0);
    assert_eq!(t.points[0].resilience_mean, None, "missing is not zero");
}

#[test]
fn a_single_day_and_all_equal_values() {
    let one = run(
        &[day(
            date("2026-11-05"),
            Some(5),
            Some(5),
            Some(Boundary::Kept),
        )],
        Range::All,
        "2026-11-28",
    );
    assert_eq!(one.points.len(), 1);
    assert_eq!(one.points[0].stress_mean, Some(5.0));
    assert!(one.comparisons.iter().all(|c| !c.enough));
    assert_eq!(one.from, Some(date("2026-11-05")));

    let same: Vec<DayEntry> = (0..10)
        .map(|i| {
            day(
                date("2026-10-01") + chrono::Days::new(i),
                Some(4),
                Some(4),
                Some(if i % 2 == 0 {
                    Boundary::Kept
                } else {
                    Boundary::Broken
                }),
            )
        })
        .collect();
    let t = run(&same, Range::Days90, "2026-11-28");
    let c = &t.comparisons[0];
    assert!(c.enough);
    assert_eq!(
        (c.a.mean, c.a.sd, c.b.mean, c.b.sd),
        (Some(4.0), Some(0.0), Some(4.0), Some(0.0))
    );
    assert!(t.points.iter().all(|p| p.stress_mean == Some(4.0)));
}

#[test]
fn a_daylight_saving_change_keeps_windows_seven_calendar_days_long() {
    // Europe's clocks went forward on 29 March 2026: offsets change, dates do not.
    let mut days = Vec::new();
    for (i, offset) in [
        (0u64, 1),
        (1, 1),
        (2, 2),
        (3, 2),
        (4, 2),
        (5, 2),
        (6, 2),
        (7, 2),
    ] {
        let mut d = day(
            date("2026-03-27") + chrono::Days::new(i),
            Some((i + 1) as u8),
            None,
            None,
        );
        d.created_at = DateTime::parse_from_rfc3339("2026-03-27T23:30:00Z")
            .unwrap()
            .with_timezone(&FixedOffset::east_opt(offset * 3600).unwrap());
        days.push(d);
    }
    let t = run(&days, Range::Days30, "2026-04-03");
    let last = t.points.last().unwrap();
    assert_eq!(last.date, date("2026-04-03"));
    // 28 March to 3 April: stresses 2..=8.
    assert_eq!((last.stress_mean, last.stress_n), (Some(5.0), 7));
}

#[test]
fn comparisons_need_five_days_each_and_never_claim_a_cause() {
    let mut days = Vec::new();
    for i in 0..9u64 {
        let kept = i < 5;
        days.push(day(
            date("2026-09-01") + chrono::Days::new(2 * i),
            Some(if kept { 3 } else { 7 }),
            None,
            Some(if kept {
                Boundary::Kept
            } else {
                Boundary::Broken
            }),
        ));
    }
    let t = run(&days, Range::All, "2026-11-28");
    let c = &t.comparisons[0];
    assert_eq!((c.a.n, c.b.n), (5, 4));
    assert!(!c.enough);
    assert_eq!(
        c.sentence,
        "Not enough data yet for stress: 5 days on days the boundary held and 4 on days it broke; this comparison starts at 5 of each."
    );
    days.push(day(
        date("2026-10-01"),
        Some(8),
        None,
        Some(Boundary::Broken),
    ));
    let t = run(&days, Range::All, "2026-11-28");
    let c = &t.comparisons[0];
    assert!(c.enough);
    assert_eq!(
        c.sentence,
        "Stress averaged 3.0 on days the boundary held (5 days) and 7.2 on days it broke (5 days)."
    );
    for c in &t.comparisons {
        for word in [
            "because",
            "cause",
            "leads to",
            "results in",
            "diagnos",
            "disorder",
        ] {
            assert!(!c.sentence.to_lowercase().contains(word), "{}", c.sentence);
        }
    }
}

#[test]
fn next_day_stress_and_reflection_weeks() {
    let mut days = Vec::new();
    for i in 0..12u64 {
        let d = date("2026-06-01") + chrono::Days::new(2 * i);
        days.push(day(
            d,
            Some(5),
            Some(if i < 6 { 8 } else { 4 }),
            Some(if i % 2 == 0 {
                Boundary::Kept
            } else {
                Boundary::Broken
            }),
        ));
        days.push(day(
            d.succ_opt().unwrap(),
            Some(if i % 2 == 0 { 3 } else { 7 }),
            None,
            None,
        ));
    }
    let reflected: HashSet<WeekId> = days.iter().take(12).map(|d| WeekId::of(d.date)).collect();
    let t = compute(
        &days,
        &reflected,
        &Settings::default(),
        Range::All,
        date("2026-11-28"),
    );
    let next = &t.comparisons[1];
    assert_eq!((next.a.mean, next.b.mean), (Some(3.0), Some(7.0)));
    let refl = &t.comparisons[2];
    assert!(refl.a.n > 0 && refl.b.n > 0, "{refl:?}");
}

#[test]
fn the_weekday_profile_follows_the_week_start_and_marks_review_days() {
    let days: Vec<DayEntry> = (0..28u64)
        .map(|i| {
            let d = date("2026-11-02") + chrono::Days::new(i); // a Monday
            day(
                d,
                Some(if d.weekday() == Weekday::Mon { 9 } else { 3 }),
                None,
                None,
            )
        })
        .collect();
    let settings = Settings {
        week_start: Weekday::Sun,
        ..Settings::default()
    };
    let t = compute(
        &days,
        &HashSet::new(),
        &settings,
        Range::All,
        date("2026-11-29"),
    );
    let order: Vec<Weekday> = t.weekdays.iter().map(|w| w.weekday).collect();
    assert_eq!(order[0], Weekday::Sun);
    let monday = &t.weekdays[1];
    assert_eq!(
        (
            monday.weekday,
            monday.review_day,
            monday.stress.mean,
            monday.stress.n
        ),
        (Weekday::Mon, true, Some(9.0), 4)
    );
    assert_eq!(t.weekdays[3].stress.mean, Some(3.0));
}

#[test]
fn ranges_hold_the_right_days() {
    let today = date("2026-11-28");
    let days: Vec<DayEntry> = (0..400u64)
        .map(|i| day(today - chrono::Days::new(i), Some(5), None, None))
        .collect();
    for (range, n) in [
        (Range::Days30, 30),
        (Range::Days90, 90),
        (Range::Year, 365),
        (Range::All, 400),
    ] {
        assert_eq!(
            compute(&days, &HashSet::new(), &Settings::default(), range, today)
                .points
                .len(),
            n,
            "{range:?}"
        );
    }
    assert!("2w".parse::<Range>().is_err());
}

proptest! {
    /// The rolling mean equals a naive recomputation over each window.
    #[test]
    fn rolling_equals_naive(values in proptest::collection::btree_map(0u32..120, 1u8..=10, 0..60)) {
        let base = date("2026-01-01");
        let map: BTreeMap<NaiveDate, u8> = values.iter().map(|(d, v)| (base + chrono::Days::new(u64::from(*d)), *v)).collect();
        let dates: Vec<NaiveDate> = (0..130).map(|i| base + chrono::Days::new(i)).collect();
        let sorted: Vec<(NaiveDate, u8)> = map.iter().map(|(d, v)| (*d, *v)).collect();
        for (d, (mean, n)) in dates.iter().zip(rolling(&dates, &sorted)) {
            let window: Vec<u8> = (0..WINDOW)
                .filter_map(|k| d.checked_sub_days(chrono::Days::new(k as u64)))
                .filter_map(|day| map.get(&day).copied())
                .collect();
            prop_assert_eq!(n, window.len());
            let naive = (!window.is_empty()).then(|| window.iter().map(|v| f64::from(*v)).sum::<f64>() / window.len() as f64);
            match (mean, naive) {
                (Some(a), Some(b)) => prop_assert!((a - b).abs() < 1e-9),
                (a, b) => prop_assert_eq!(a, b),
            }
        }
    }
}

// ------------------------------------------------------------------ the work cycle

fn event(id: u64, kind: &str, start: &str, end: &str) -> CycleEvent {
    CycleEvent {
        id,
        start: date(start),
        end: date(end),
        kind: kind.parse().unwrap(),
        note: String::new(),
    }
}

fn points(days: &[DayEntry], today: &str) -> Vec<Point> {
    run(days, Range::All, today).points
}

/// Stress 8 on the 14 days before a review on 2026-03-15 (03-01..03-14) and 4 on the ten days
/// after it: 8.0 over 14 days against 4.0 over 10, by hand. The review day itself is an
/// "other" day.
#[test]
fn stress_before_a_review_is_set_against_the_other_days_by_hand() {
    let mut days: Vec<DayEntry> = (1..=14)
        .map(|d| day(date(&format!("2026-03-{d:02}")), Some(8), None, None))
        .collect();
    days.extend((15..=24).map(|d| day(date(&format!("2026-03-{d:02}")), Some(4), None, None)));
    // One day inside the window is calm instead: 03-07.
    days[6].check_in.stress = Some(1);
    let p = points(&days, "2026-03-31");
    let events = [event(1, "review", "2026-03-15", "2026-03-15")];
    let c = event_comparisons(&p, &events, NaiveDate::MIN, date("2026-03-31"));
    assert_eq!(c.len(), 1);
    let c = &c[0];
    assert_eq!(c.key, "stress_before_review");
    assert!(c.enough);
    assert_eq!((c.a.n, c.b.n), (14, 10));
    // (13·8 + 1) / 14 = 105 / 14 = 7.5
    assert_eq!(c.a.mean, Some(7.5));
    assert_eq!(c.b.mean, Some(4.0));
    assert_eq!(
        c.sentence,
        "Stress averaged 7.5 in the 14 days before a performance review (14 days) and 4.0 on the other days (10 days)."
    );
}

/// Two reviews whose windows overlap count each day once; below five days a side the
/// comparison says so, with its counts.
#[test]
fn overlapping_windows_count_a_day_once_and_few_days_are_not_enough() {
    let days: Vec<DayEntry> = [
        ("2026-05-01", 6),
        ("2026-05-05", 6),
        ("2026-05-09", 9),
        ("2026-05-20", 3),
        ("2026-05-21", 3),
    ]
    .iter()
    .map(|(d, s)| day(date(d), Some(*s), None, None))
    .collect();
    let events = [
        event(1, "review", "2026-05-10", "2026-05-10"),
        event(2, "review", "2026-05-06", "2026-05-06"),
    ];
    let p = points(&days, "2026-05-31");
    let c = &event_comparisons(&p, &events, NaiveDate::MIN, date("2026-05-31"))[0];
    // Windows 04-22..05-05 and 04-26..05-09: 05-01, 05-05, 05-09 inside; 05-20, 05-21 outside.
    assert_eq!((c.a.n, c.b.n), (3, 2));
    assert!(!c.enough);
    assert_eq!(
        c.sentence,
        "Not enough data yet for stress: 3 days in the 14 days before a performance review and 2 on the other days; this comparison starts at 5 of each."
    );
}

/// Each kind has its window: after a re-org (28 days from its start), while short-staffed (its
/// days), after time off (the 14 days after it); the person's own kinds have none, and a kind
/// with no event in the range is left out.
#[test]
fn each_kind_looks_at_its_own_days() {
    let days: Vec<DayEntry> = (0..120)
        .map(|i| {
            let d = date("2026-01-01") + chrono::Days::new(i);
            day(d, Some((i % 10) as u8 + 1), None, None)
        })
        .collect();
    let p = points(&days, "2026-04-30");
    let events = [
        event(1, "reorg", "2026-02-01", "2026-02-01"),
        event(2, "short-staffed", "2026-03-01", "2026-03-10"),
        event(3, "time-off", "2026-04-01", "2026-04-05"),
        event(4, "hackathon", "2026-01-10", "2026-01-12"),
        event(5, "launch", "2025-01-10", "2025-01-10"),
    ];
    let from = date("2026-01-01");
    let c = event_comparisons(&p, &events, from, date("2026-04-30"));
    let keys: Vec<&str> = c.iter().map(|c| c.key).collect();
    assert_eq!(
        keys,
        vec![
            "stress_after_reorg",
            "stress_while_short_staffed",
            "stress_after_time_off"
        ]
    );
    let n = |key: &str| {
        let c = c.iter().find(|c| c.key == key).unwrap();
        (c.a.n, c.b.n)
    };
    assert_eq!(n("stress_after_reorg"), (28, 92));
    assert_eq!(n("stress_while_short_staffed"), (10, 110));
    assert_eq!(n("stress_after_time_off"), (14, 106));
    // 2026-03-01 is day 59 of the series: stress 59 % 10 + 1 = 10, then 1, 2, … 9 — a mean of 5.5.
    let short = c
        .iter()
        .find(|c| c.key == "stress_while_short_staffed")
        .unwrap();
    assert_eq!(short.a.mean, Some(5.5));
}

#[test]
fn values_are_counted_by_month_never_scored() {
    use crate::cycle::{ValueBook, ValueCheck, ValueDraft, ValueOutcome};
    let book = ValueBook::default()
        .replaced(&["Kind", "Brave", "Rested"].map(|n| ValueDraft {
            name: n.into(),
            practice: None,
        }))
        .unwrap()
        .replaced(&["Kind", "Brave", "Curious"].map(|n| ValueDraft {
            name: n.into(),
            practice: None,
        }))
        .unwrap();
    let at = DateTime::parse_from_rfc3339("2026-01-01T20:00:00+01:00").unwrap();
    let week = |w: &str, checks: &[(u32, ValueOutcome)]| {
        WeekReflection::new(
            w.parse().unwrap(),
            crate::model::WeekContent {
                values: checks
                    .iter()
                    .map(|(v, o)| ValueCheck {
                        value: *v,
                        outcome: *o,
                        why: String::new(),
                    })
                    .collect(),
                ..Default::default()
            },
            at,
            at,
        )
    };
    use ValueOutcome::*;
    let weeks = [
        week("2026-W05", &[(1, Held), (2, Bent), (3, Held)]), // starts 2026-01-26
        week("2026-W06", &[(1, Held), (2, NotTested)]),       // 2026-02-02
        week("2026-W07", &[(1, Bent)]),                       // 2026-02-09
        week("2026-W20", &[(1, Held)]),                       // out of range
    ];
    let h = value_history(
        &weeks,
        &book,
        chrono::Weekday::Mon,
        date("2026-01-01"),
        date("2026-03-31"),
    );
    let names: Vec<&str> = h.iter().map(|v| v.name.as_str()).collect();
    assert_eq!(
        names,
        vec!["Kind", "Brave", "Rested"],
        "Curious has no answer; Rested is retired"
    );
    let kind = &h[0];
    assert_eq!((kind.held, kind.bent, kind.not_tested), (2, 1, 0));
    assert_eq!(
        kind.months,
        vec![
            ValueMonth {
                month: "2026-01".into(),
                held: 1,
                bent: 0,
                not_tested: 0
            },
            ValueMonth {
                month: "2026-02".into(),
                held: 1,
                bent: 1,
                not_tested: 0
            },
        ]
    );
    assert_eq!(
        kind.sentence,
        "“Kind” was tested in 3 weeks: it held in 2 and bent in 1; 0 weeks did not test it."
    );
    assert_eq!(
        h[1].sentence,
        "“Brave” was tested in 1 week: it held in 0 and bent in 1; 1 week did not test it."
    );
    assert!(!h[2].active);
}

/// The comparisons and the values' sentences speak the journal's language, with its decimal
/// sign and plural rules; the numbers stay the data's.
#[test]
fn the_sentences_speak_german_and_spanish() {
    use crate::i18n::{Lang, Tr};
    let mut c = compare("stress_by_boundary", &[3.0; 5], &[7.0, 7.0, 7.0, 8.0, 7.0]);
    render_comparison(&Tr::new(Lang::De), &mut c);
    assert_eq!(
        c.sentence,
        "Der Stress lag im Mittel bei 3,0 an Tagen, an denen die Grenze hielt (5 Tage) und bei 7,2 an Tagen, an denen sie überschritten wurde (5 Tage)."
    );
    assert_eq!(c.a.label, "an Tagen, an denen die Grenze hielt");
    let mut few = compare("stress_before_review", &[5.0], &[4.0, 4.0]);
    render_comparison(&Tr::new(Lang::Es), &mut few);
    assert_eq!(
        few.sentence,
        "Aún no hay datos suficientes para el estrés: 1 día en los 14 días antes de una evaluación del desempeño y 2 los demás días; esta comparación empieza con 5 de cada lado."
    );
    let mut v = ValueHistory {
        value: 1,
        name: "Ehrlich".into(),
        active: true,
        months: Vec::new(),
        held: 2,
        bent: 1,
        not_tested: 1,
        sentence: String::new(),
    };
    render_value(&Tr::new(Lang::De), &mut v);
    assert_eq!(
        v.sentence,
        "„Ehrlich“ wurde in 3 Wochen geprüft: gehalten in 2, nachgegeben in 1; 1 Woche hat ihn nicht geprüft."
    );
}
