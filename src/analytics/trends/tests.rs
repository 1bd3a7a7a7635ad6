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
        for (d, (mean, n)) in dates.iter().zip(rolling(&dates, &map)) {
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
