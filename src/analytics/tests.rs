//! The week summary on hand-built weeks: missing days, empty weeks, weeks across a year
//! boundary, time-zone changes, comparisons, the hardest day, review days.

use chrono::{DateTime, FixedOffset, Weekday};

use super::*;
use crate::model::CheckIn;
use crate::store::Journal;
use keel_test_support::date;

fn at(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap()
}

fn day(d: &str, stress: Option<u8>, resilience: Option<u8>, role: &str) -> DayEntry {
    let mut e = DayEntry::new(date(d), at("2026-01-01T20:00:00+01:00"));
    e.role = role.into();
    e.check_in = CheckIn {
        stress,
        resilience,
        ..CheckIn::default()
    };
    e
}

fn week(s: &str) -> WeekId {
    s.parse().unwrap()
}

#[test]
fn missing_days_are_missing_not_zero() {
    let days = [
        day("2026-11-23", Some(2), None, "a"),
        day("2026-11-25", Some(8), Some(3), "b"),
        day("2026-11-29", Some(5), None, "c"),
    ];
    let s = summarize(week("2026-W48"), &Settings::default(), &days);
    assert_eq!(s.first_day, date("2026-11-23"));
    assert_eq!(s.last_day, date("2026-11-29"));
    assert_eq!(
        s.this_week.stress,
        Measure {
            n: 3,
            mean: Some(5.0),
            min: Some(2),
            max: Some(8)
        }
    );
    assert_eq!(
        s.this_week.resilience,
        Measure {
            n: 1,
            mean: Some(3.0),
            min: Some(3),
            max: Some(3)
        }
    );
    assert_eq!(s.this_week.overlap, Measure::default());
    assert_eq!(s.n_checked_in, 3);
    assert_eq!(s.days.len(), 7);
    assert_eq!(s.days[1].stress, None, "Tuesday has no rating");
    assert!(!s.days[1].has_page);
}

#[test]
fn an_empty_week_has_no_figures_and_no_hardest_day() {
    let s = summarize(week("2026-W48"), &Settings::default(), &[]);
    assert_eq!(s.this_week, Ratings::default());
    assert_eq!(s.last_week, Ratings::default());
    assert_eq!(s.hardest_day, None);
    assert_eq!(
        (
            s.boundary_kept,
            s.boundary_broken,
            s.after_hours_minutes,
            s.n_checked_in
        ),
        (0, 0, 0, 0)
    );
    assert!(s.days.iter().all(|d| d.stress.is_none() && !d.has_page));
}

#[test]
fn weeks_across_the_year_boundary() {
    // ISO 2026-W53 runs Monday 28 December 2026 to Sunday 3 January 2027.
    let w53 = week("2026-W53");
    let days = [
        day("2026-12-28", Some(4), None, "Mon"),
        day("2026-12-31", Some(6), None, "Thu"),
        day("2027-01-03", Some(9), None, "Sun"),
        day("2027-01-04", Some(1), None, "next Mon"),
    ];
    let s = summarize(w53, &Settings::default(), &days);
    assert_eq!(
        (s.first_day, s.last_day),
        (date("2026-12-28"), date("2027-01-03"))
    );
    assert_eq!(s.this_week.stress.n, 3);
    assert_eq!(s.hardest_day.as_ref().unwrap().date, date("2027-01-03"));
    let w01 = summarize(week("2027-W01"), &Settings::default(), &days);
    assert_eq!(w01.first_day, date("2027-01-04"));
    assert_eq!(w01.this_week.stress.n, 1);
    assert_eq!(
        w01.last_week.stress,
        Measure {
            n: 3,
            mean: Some(19.0 / 3.0),
            min: Some(4),
            max: Some(9)
        }
    );
    assert_eq!(week("2027-W01").pred(), w53);
    assert_eq!(w53.succ(), week("2027-W01"));
    // Weeks that start on Sunday: 2027-W01 is Sunday 3 January to Saturday 9 January.
    let sunday = Settings {
        week_start: Weekday::Sun,
        ..Settings::default()
    };
    let s = summarize(week("2027-W01"), &sunday, &days);
    assert_eq!(
        (s.first_day, s.last_day),
        (date("2027-01-03"), date("2027-01-09"))
    );
    assert_eq!(s.this_week.stress.n, 2);
    assert_eq!(
        WeekId::containing(date("2027-01-03"), Weekday::Sun),
        week("2027-W01")
    );
    assert_eq!(WeekId::containing(date("2027-01-03"), Weekday::Mon), w53);
    assert_eq!(
        WeekId::containing(date("2027-01-09"), Weekday::Sun),
        week("2027-W01")
    );
    assert_eq!(
        WeekId::containing(date("2027-01-10"), Weekday::Sun),
        week("2027-W02")
    );
    // Saturday starts: the week holding Monday 4 January begins Saturday 2 January.
    assert_eq!(week("2027-W01").first_day(Weekday::Sat), date("2027-01-02"));
    assert_eq!(
        WeekId::containing(date("2027-01-02"), Weekday::Sat),
        week("2027-W01")
    );
}

#[test]
fn a_time_zone_change_within_a_week_keeps_days_on_their_local_dates() {
    // Flew from Berlin to San Francisco on Wednesday: the offsets differ, the dates do not.
    let mut mon = day("2026-11-23", Some(3), None, "Berlin");
    mon.created_at = at("2026-11-23T22:30:00+01:00");
    let mut wed = day("2026-11-25", Some(7), None, "in the air");
    wed.created_at = at("2026-11-25T23:50:00-08:00"); // already Thursday in UTC
    let mut thu = day("2026-11-26", Some(6), None, "San Francisco");
    thu.created_at = at("2026-11-26T00:10:00-08:00");
    let s = summarize(week("2026-W48"), &Settings::default(), &[mon, wed, thu]);
    let by_date: Vec<(NaiveDate, Option<u8>)> = s.days.iter().map(|d| (d.date, d.stress)).collect();
    assert_eq!(by_date[2], (date("2026-11-25"), Some(7)));
    assert_eq!(by_date[3], (date("2026-11-26"), Some(6)));
    assert_eq!(s.this_week.stress.n, 3);
}

#[test]
fn comparisons_use_last_week_and_the_four_weeks_before() {
    let mut days = Vec::new();
    // Four earlier weeks with stress 2, 4, 6, 8 on their Mondays; this week 5.
    for (i, stress) in [8u8, 6, 4, 2].iter().enumerate() {
        let monday = date("2026-11-23") - chrono::Days::new(7 * (i as u64 + 1));
        days.push(day(&monday.to_string(), Some(*stress), None, ""));
    }
    days.push(day("2026-11-23", Some(5), None, ""));
    // A fifth week back does not count.
    days.push(day("2026-10-19", Some(10), None, ""));
    let s = summarize(week("2026-W48"), &Settings::default(), &days);
    assert_eq!(s.last_week.stress.mean, Some(8.0));
    assert_eq!(
        s.four_weeks.stress,
        Measure {
            n: 4,
            mean: Some(5.0),
            min: Some(2),
            max: Some(8)
        }
    );
}

#[test]
fn boundaries_after_hours_and_review_days() {
    let mut days = vec![
        day("2026-11-23", Some(8), Some(3), ""),
        day("2026-11-24", Some(6), Some(5), ""),
        day("2026-11-25", Some(3), Some(7), ""),
        day("2026-11-26", Some(4), Some(8), ""),
    ];
    days[0].check_in.boundary = Some(Boundary::Broken);
    days[0].check_in.after_hours_minutes = Some(90);
    days[1].check_in.boundary = Some(Boundary::Broken);
    days[1].check_in.after_hours_minutes = Some(30);
    days[2].check_in.boundary = Some(Boundary::Kept);
    let s = summarize(week("2026-W48"), &Settings::default(), &days);
    assert_eq!(
        (s.boundary_kept, s.boundary_broken, s.after_hours_minutes),
        (1, 2, 120)
    );
    assert_eq!(s.review_days.stress.mean, Some(7.0));
    assert_eq!(s.other_days.stress.mean, Some(3.5));
    assert_eq!(s.review_days.resilience.mean, Some(4.0));
    assert!(s.days[0].review_day && s.days[1].review_day && !s.days[2].review_day);
}

#[test]
fn the_hardest_day_is_the_most_stressful_and_the_earliest_of_equals() {
    let days = [
        day(
            "2026-11-24",
            Some(9),
            None,
            "## Review day\n\n- the **forecast** was `questioned`\n- again",
        ),
        day("2026-11-26", Some(9), None, "later, equally hard"),
        day("2026-11-27", Some(2), None, "easy"),
    ];
    let s = summarize(week("2026-W48"), &Settings::default(), &days);
    let hardest = s.hardest_day.unwrap();
    assert_eq!(hardest.date, date("2026-11-24"));
    assert_eq!(
        hardest.excerpt,
        "Review day the forecast was questioned again"
    );
}

#[test]
fn excerpts_are_short_and_fall_back_to_the_self_side() {
    let mut e = day("2026-11-24", Some(5), None, "");
    e.self_text = "x".repeat(400);
    let text = excerpt(&e);
    assert_eq!(text.chars().count(), EXCERPT_CHARS);
    assert!(text.ends_with('…'));
}

#[test]
fn the_calendar_and_on_this_day_read_the_journal() {
    let dir = tempfile::tempdir().unwrap();
    let j = Journal::open(dir.path()).unwrap();
    let now = at("2026-11-28T12:00:00+01:00");
    let page = |d: &str, text: &str, stress: Option<i64>| {
        j.save_day(
            date(d),
            &crate::model::DayPatch {
                role: Some(text.into()),
                stress: Some(stress),
                ..crate::model::DayPatch::default()
            },
            now,
        )
        .unwrap();
    };
    page("2026-11-03", "Budget day.", Some(8));
    page("2026-11-20", "", Some(3));
    page("2025-11-28", "A year ago: the first review.", Some(6));
    page("2023-11-28", "Three years ago.", None);
    // A page holding only prompt ids is not a page on the calendar.
    j.day_prompts(date("2026-11-10"), now).unwrap();
    let cal = calendar(&j, date("2026-11-01"), date("2026-11-30")).unwrap();
    let got: Vec<(String, Option<u8>)> =
        cal.iter().map(|d| (d.date.to_string(), d.stress)).collect();
    assert_eq!(
        got,
        [
            ("2026-11-03".into(), Some(8)),
            ("2026-11-20".into(), Some(3))
        ]
    );
    let earlier = on_this_day(&j, date("2026-11-28")).unwrap();
    let got: Vec<(u32, String)> = earlier
        .iter()
        .map(|p| (p.years_ago, p.excerpt.clone()))
        .collect();
    assert_eq!(
        got,
        [
            (1, "A year ago: the first review.".into()),
            (3, "Three years ago.".into())
        ]
    );
    page("2024-02-29", "Leap day.", None);
    assert_eq!(on_this_day(&j, date("2028-02-29")).unwrap().len(), 1);
    assert!(on_this_day(&j, date("2025-02-28")).unwrap().is_empty());
}
