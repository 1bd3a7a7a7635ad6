//! The scheduler with an injected clock: every case the issue names.

use super::*;

fn at(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap()
}

fn t(s: &str) -> NaiveTime {
    NaiveTime::parse_from_str(s, "%H:%M").unwrap()
}

fn d(s: &str) -> NaiveDate {
    crate::model::parse_date(s).unwrap()
}

fn plan() -> Plan {
    Plan {
        end_of_work: Some(t("18:00")),
        check_in: Some(t("21:00")),
        weekly: Some(t("16:00")),
        reflection_day: Some(Weekday::Fri),
        days_off: vec![Weekday::Sat, Weekday::Sun],
    }
}

fn kinds(
    now: &str,
    plan: &Plan,
    day: Day,
    fired: &[Fired],
    snoozed: &[Snooze],
) -> Vec<ReminderKind> {
    due(at(now), plan, day, fired, snoozed)
        .into_iter()
        .map(|d| d.kind)
        .collect()
}

/// The common case: the usual plan, a day with nothing known, nothing fired or snoozed.
fn plain(now: &str) -> Vec<ReminderKind> {
    kinds(now, &plan(), Day::default(), &[], &[])
}

const EOW: ReminderKind = ReminderKind::EndOfWork;

#[test]
fn off_until_turned_on() {
    assert!(due(
        at("2026-12-01T18:10:00+01:00"),
        &Plan::default(),
        Day::default(),
        &[],
        &[]
    )
    .is_empty());
}

#[test]
fn an_app_started_after_the_time_gets_it_within_the_hour_and_not_later() {
    // Tuesday 1 December 2026.
    assert_eq!(plain("2026-12-01T17:59:59+01:00"), vec![]);
    assert_eq!(plain("2026-12-01T18:00:00+01:00"), vec![EOW]);
    assert_eq!(plain("2026-12-01T18:59:00+01:00"), vec![EOW]);
    assert_eq!(
        plain("2026-12-01T19:00:00+01:00"),
        vec![],
        "skipped, not late"
    );
    let due = due(
        at("2026-12-01T18:20:00+01:00"),
        &plan(),
        Day::default(),
        &[],
        &[],
    );
    assert_eq!(
        due,
        vec![Due {
            kind: EOW,
            date: d("2026-12-01"),
            at: d("2026-12-01").and_time(t("18:00"))
        }]
    );
}

#[test]
fn at_most_one_of_each_a_day_even_when_the_clock_moves_back() {
    let fired = [Fired {
        kind: EOW,
        date: d("2026-12-01"),
    }];
    assert_eq!(
        kinds(
            "2026-12-01T18:05:00+01:00",
            &plan(),
            Day::default(),
            &fired,
            &[]
        ),
        vec![]
    );
    // The clock is set back ten minutes after it fired: not again.
    assert_eq!(
        kinds(
            "2026-12-01T18:01:00+01:00",
            &plan(),
            Day::default(),
            &fired,
            &[]
        ),
        vec![]
    );
    // The next working day it comes again.
    assert_eq!(
        kinds(
            "2026-12-02T18:01:00+01:00",
            &plan(),
            Day::default(),
            &fired,
            &[]
        ),
        vec![EOW]
    );
}

#[test]
fn a_laptop_asleep_across_the_time_fires_once_on_waking_within_the_hour_else_skips() {
    // Asleep at 17:30; woken at 18:45: due, once.
    assert_eq!(plain("2026-12-01T18:45:00+01:00"), vec![EOW]);
    let fired = [Fired {
        kind: EOW,
        date: d("2026-12-01"),
    }];
    assert_eq!(
        kinds(
            "2026-12-01T18:46:00+01:00",
            &plan(),
            Day::default(),
            &fired,
            &[]
        ),
        vec![]
    );
    // Woken at 19:30: skipped for the day.
    assert_eq!(plain("2026-12-01T19:30:00+01:00"), vec![]);
}

#[test]
fn daylight_saving_moves_with_the_wall_clock_and_never_doubles() {
    let night = Plan {
        check_in: Some(t("02:30")),
        end_of_work: None,
        ..plan()
    };
    // Spring in Berlin, 2026-03-29: the clocks jump from 02:00 to 03:00, so 02:30 does not
    // exist that day (a Sunday; days off cleared so the check-in applies).
    let spring = Plan {
        days_off: vec![],
        ..night.clone()
    };
    assert_eq!(
        kinds(
            "2026-03-29T01:59:00+01:00",
            &spring,
            Day::default(),
            &[],
            &[]
        ),
        vec![]
    );
    assert_eq!(
        kinds(
            "2026-03-29T03:00:00+02:00",
            &spring,
            Day::default(),
            &[],
            &[]
        ),
        vec![ReminderKind::CheckIn],
        "the skipped 02:30 is due from the first time after it"
    );
    // Autumn (2026-10-25, 03:00 back to 02:00): 02:30 comes twice; it fires the first time only.
    let autumn = spring.clone();
    assert_eq!(
        kinds(
            "2026-10-25T02:30:00+02:00",
            &autumn,
            Day::default(),
            &[],
            &[]
        ),
        vec![ReminderKind::CheckIn]
    );
    let fired = [Fired {
        kind: ReminderKind::CheckIn,
        date: d("2026-10-25"),
    }];
    assert_eq!(
        kinds(
            "2026-10-25T02:30:00+01:00",
            &autumn,
            Day::default(),
            &fired,
            &[]
        ),
        vec![]
    );
    // End of work on the day the clocks change is at 18:00 by the wall clock.
    assert_eq!(plain("2026-10-26T18:00:00+01:00"), vec![EOW]);
    assert_eq!(
        plain("2026-10-26T17:00:00+00:00"),
        vec![],
        "17:00 UTC is not 18:00 here"
    );
}

#[test]
fn a_time_zone_change_keeps_the_reminder_on_the_local_clock() {
    // Flown from Berlin (+01:00) to New York (-05:00): 18:00 in New York, not 18:00 in Berlin.
    assert_eq!(plain("2026-12-01T18:10:00-05:00"), vec![EOW]);
    // Berlin's 18:00 that day is 12:00 in New York: nothing then.
    assert_eq!(plain("2026-12-01T12:00:00-05:00"), vec![]);
    // Fired in Berlin on the 1st, then flown west the same local date: not again.
    let fired = [Fired {
        kind: EOW,
        date: d("2026-12-01"),
    }];
    assert_eq!(
        kinds(
            "2026-12-01T18:10:00-05:00",
            &plan(),
            Day::default(),
            &fired,
            &[]
        ),
        vec![]
    );
}

#[test]
fn snoozing_moves_the_reminder_and_its_grace() {
    let snoozed = [Snooze {
        kind: EOW,
        date: d("2026-12-01"),
        until: d("2026-12-01").and_time(t("18:30")),
    }];
    assert_eq!(
        kinds(
            "2026-12-01T18:10:00+01:00",
            &plan(),
            Day::default(),
            &[],
            &snoozed
        ),
        vec![]
    );
    assert_eq!(
        kinds(
            "2026-12-01T18:30:00+01:00",
            &plan(),
            Day::default(),
            &[],
            &snoozed
        ),
        vec![EOW]
    );
    assert_eq!(
        kinds(
            "2026-12-01T19:29:00+01:00",
            &plan(),
            Day::default(),
            &[],
            &snoozed
        ),
        vec![EOW]
    );
    assert_eq!(
        kinds(
            "2026-12-01T19:31:00+01:00",
            &plan(),
            Day::default(),
            &[],
            &snoozed
        ),
        vec![]
    );
    // Snoozed twice: the later one counts.
    let twice = [
        snoozed[0],
        Snooze {
            until: d("2026-12-01").and_time(t("19:30")),
            ..snoozed[0]
        },
    ];
    assert_eq!(
        kinds(
            "2026-12-01T18:30:00+01:00",
            &plan(),
            Day::default(),
            &[],
            &twice
        ),
        vec![]
    );
    assert_eq!(
        kinds(
            "2026-12-01T19:45:00+01:00",
            &plan(),
            Day::default(),
            &[],
            &twice
        ),
        vec![EOW]
    );
}

#[test]
fn days_off_and_time_off_silence_work_and_check_in_but_not_the_week() {
    let saturday_reflection = Plan {
        reflection_day: Some(Weekday::Sat),
        ..plan()
    };
    // Saturday 5 December 2026, a day off.
    assert_eq!(
        kinds(
            "2026-12-05T18:10:00+01:00",
            &saturday_reflection,
            Day::default(),
            &[],
            &[]
        ),
        vec![]
    );
    assert_eq!(
        kinds(
            "2026-12-05T16:10:00+01:00",
            &saturday_reflection,
            Day::default(),
            &[],
            &[]
        ),
        vec![ReminderKind::Weekly]
    );
    // Dated time off on a Tuesday.
    let off = Day {
        time_off: true,
        ..Day::default()
    };
    assert_eq!(
        kinds("2026-12-01T18:10:00+01:00", &plan(), off, &[], &[]),
        vec![]
    );
    assert_eq!(
        kinds("2026-12-01T21:10:00+01:00", &plan(), off, &[], &[]),
        vec![]
    );
}

#[test]
fn the_check_in_only_without_a_check_in_and_the_week_only_without_a_reflection() {
    assert_eq!(
        plain("2026-12-01T21:05:00+01:00"),
        vec![ReminderKind::CheckIn]
    );
    let done = Day {
        checked_in: true,
        ..Day::default()
    };
    assert_eq!(
        kinds("2026-12-01T21:05:00+01:00", &plan(), done, &[], &[]),
        vec![]
    );
    // Friday 4 December 2026 is the reflection day.
    assert_eq!(
        plain("2026-12-04T16:05:00+01:00"),
        vec![ReminderKind::Weekly]
    );
    let reflected = Day {
        week_reflected: true,
        ..Day::default()
    };
    assert_eq!(
        kinds("2026-12-04T16:05:00+01:00", &plan(), reflected, &[], &[]),
        vec![]
    );
    // Not on other days.
    assert_eq!(plain("2026-12-03T16:05:00+01:00"), vec![]);
    // Two due at once come in kind order.
    let late = Plan {
        check_in: Some(t("18:10")),
        ..plan()
    };
    assert_eq!(
        kinds("2026-12-01T18:15:00+01:00", &late, Day::default(), &[], &[]),
        vec![EOW, ReminderKind::CheckIn]
    );
}

#[test]
fn the_next_check_is_the_next_time_or_snooze_today() {
    let now = at("2026-12-01T17:00:00+01:00");
    assert_eq!(
        next_check(now, &plan(), &[]),
        Some(d("2026-12-01").and_time(t("18:00")))
    );
    let snoozed = [Snooze {
        kind: EOW,
        date: d("2026-12-01"),
        until: d("2026-12-01").and_time(t("17:30")),
    }];
    assert_eq!(
        next_check(now, &plan(), &snoozed),
        Some(d("2026-12-01").and_time(t("17:30")))
    );
    assert_eq!(
        next_check(at("2026-12-01T22:00:00+01:00"), &plan(), &[]),
        None
    );
}
