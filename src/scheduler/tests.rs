//! The app's scheduler over a real journal, the clock injected.

use chrono::{NaiveTime, Weekday};

use super::*;
use crate::model::{parse_date, Boundary, DayPatch, Settings};
use crate::remind::Answer;

fn at(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap()
}

fn t(s: &str) -> NaiveTime {
    NaiveTime::parse_from_str(s, "%H:%M").unwrap()
}

/// A journal with the end-of-work (18:00) and check-in (21:00) reminders on.
fn journal(dir: &Path, background: bool) -> Journal {
    let journal = Journal::open(dir).unwrap();
    let mut settings = Settings::default();
    settings.reminders.end_of_work = true;
    settings.reminders.check_in = Some(t("21:00"));
    settings.reminders.background = background;
    journal.put_settings(&settings).unwrap();
    journal
}

fn kinds(notices: &[Notice]) -> Vec<ReminderKind> {
    notices.iter().map(|n| n.kind).collect()
}

#[test]
fn a_reminder_comes_once_at_its_time_and_not_before() {
    let dir = tempfile::tempdir().unwrap();
    let j = journal(dir.path(), false);
    let mut s = Scheduler::default();
    // Tuesday 1 December 2026.
    assert!(s
        .step(Some(&j), dir.path(), at("2026-12-01T17:59:00+01:00"))
        .unwrap()
        .is_empty());
    let first = s
        .step(Some(&j), dir.path(), at("2026-12-01T18:00:10+01:00"))
        .unwrap();
    assert_eq!(kinds(&first), [ReminderKind::EndOfWork]);
    assert_eq!(first[0].route, "#/day/2026-12-01");
    assert!(s
        .step(Some(&j), dir.path(), at("2026-12-01T18:00:30+01:00"))
        .unwrap()
        .is_empty());
    // A second scheduler (the app restarted) finds it recorded in the journal.
    let mut again = Scheduler::default();
    assert!(again
        .step(Some(&j), dir.path(), at("2026-12-01T18:05:00+01:00"))
        .unwrap()
        .is_empty());
}

#[test]
fn still_working_then_done_measures_the_minutes_after_the_end_of_work() {
    let dir = tempfile::tempdir().unwrap();
    let j = journal(dir.path(), false);
    let mut s = Scheduler::default();
    let date = parse_date("2026-12-01").unwrap();
    let n = s
        .step(Some(&j), dir.path(), at("2026-12-01T18:00:00+01:00"))
        .unwrap()
        .remove(0);
    s.reply(
        Some(&j),
        &n,
        Reply::Answer(Answer::StillWorking),
        at("2026-12-01T18:01:00+01:00"),
    )
    .unwrap();
    let day = j.day(date).unwrap().unwrap();
    assert_eq!(day.check_in.boundary, Some(Boundary::Broken));
    assert_eq!(day.check_in.after_hours_minutes, None);
    assert!(j.still_working(date).unwrap().is_some());
    // Done at 18:47, from the day page.
    j.answer_end_of_work(date, Answer::Done, at("2026-12-01T18:47:30+01:00"))
        .unwrap();
    let day = j.day(date).unwrap().unwrap();
    assert_eq!(day.check_in.boundary, Some(Boundary::Broken));
    assert_eq!(day.check_in.after_hours_minutes, Some(47));
    assert!(j.still_working(date).unwrap().is_none());
}

#[test]
fn done_for_today_keeps_the_boundary_and_a_change_on_the_day_stands() {
    let dir = tempfile::tempdir().unwrap();
    let j = journal(dir.path(), false);
    let mut s = Scheduler::default();
    let date = parse_date("2026-12-01").unwrap();
    let n = s
        .step(Some(&j), dir.path(), at("2026-12-01T18:10:00+01:00"))
        .unwrap()
        .remove(0);
    s.reply(
        Some(&j),
        &n,
        Reply::Answer(Answer::Done),
        at("2026-12-01T18:11:00+01:00"),
    )
    .unwrap();
    let day = j.day(date).unwrap().unwrap();
    assert_eq!(day.check_in.boundary, Some(Boundary::Kept));
    assert_eq!(day.check_in.after_hours_minutes, Some(0));
    // The person changes it on the day: broken, 30 minutes. Nothing overrides that.
    let patch = DayPatch {
        boundary: Some(Some(Boundary::Broken)),
        after_hours_minutes: Some(Some(30)),
        ..DayPatch::default()
    };
    j.save_day(date, &patch, at("2026-12-01T20:00:00+01:00"))
        .unwrap();
    assert!(s
        .step(Some(&j), dir.path(), at("2026-12-01T20:00:10+01:00"))
        .unwrap()
        .is_empty());
    assert_eq!(
        j.day(date).unwrap().unwrap().check_in.after_hours_minutes,
        Some(30)
    );
}

#[test]
fn a_snooze_brings_the_check_in_back_once_and_a_check_in_silences_it() {
    let dir = tempfile::tempdir().unwrap();
    let j = journal(dir.path(), false);
    let mut s = Scheduler::default();
    let mut notices = s
        .step(Some(&j), dir.path(), at("2026-12-01T21:00:00+01:00"))
        .unwrap();
    assert_eq!(
        kinds(&notices),
        [ReminderKind::CheckIn],
        "end of work's hour has passed"
    );
    let n = notices.remove(0);
    s.reply(
        Some(&j),
        &n,
        Reply::Snooze(chrono::Duration::minutes(30)),
        at("2026-12-01T21:00:20+01:00"),
    )
    .unwrap();
    assert!(s
        .step(Some(&j), dir.path(), at("2026-12-01T21:29:00+01:00"))
        .unwrap()
        .is_empty());
    let back = s
        .step(Some(&j), dir.path(), at("2026-12-01T21:30:30+01:00"))
        .unwrap();
    assert_eq!(kinds(&back), [ReminderKind::CheckIn]);
    // Snoozed again, then the person checks in: the snoozed reminder does not come.
    s.reply(
        Some(&j),
        &back[0],
        Reply::Snooze(chrono::Duration::hours(1)),
        at("2026-12-01T21:31:00+01:00"),
    )
    .unwrap();
    let patch = DayPatch {
        stress: Some(Some(4)),
        ..DayPatch::default()
    };
    j.save_day(n.date, &patch, at("2026-12-01T21:40:00+01:00"))
        .unwrap();
    assert!(s
        .step(Some(&j), dir.path(), at("2026-12-01T22:31:00+01:00"))
        .unwrap()
        .is_empty());
}

#[test]
fn while_the_journal_is_locked_reminders_still_come_and_answers_wait_for_it() {
    let dir = tempfile::tempdir().unwrap();
    let j = journal(dir.path(), false);
    let mut s = Scheduler::default();
    let date = parse_date("2026-12-01").unwrap();
    s.step(Some(&j), dir.path(), at("2026-12-01T17:00:00+01:00"))
        .unwrap();
    // Locked: no journal to read.
    let n = s
        .step(None, dir.path(), at("2026-12-01T18:00:00+01:00"))
        .unwrap()
        .remove(0);
    assert_eq!(n.kind, ReminderKind::EndOfWork);
    assert!(s
        .step(None, dir.path(), at("2026-12-01T18:01:00+01:00"))
        .unwrap()
        .is_empty());
    s.reply(
        None,
        &n,
        Reply::Answer(Answer::Done),
        at("2026-12-01T18:02:00+01:00"),
    )
    .unwrap();
    assert_eq!(j.day(date).unwrap(), None, "nothing written while locked");
    // Unlocked: the answer and the fired mark reach the journal.
    s.step(Some(&j), dir.path(), at("2026-12-01T18:30:00+01:00"))
        .unwrap();
    assert_eq!(
        j.day(date).unwrap().unwrap().check_in.boundary,
        Some(Boundary::Kept)
    );
    assert!(j
        .reminder_ledger()
        .unwrap()
        .has_fired(ReminderKind::EndOfWork, date));
}

#[test]
fn the_file_for_reminders_while_closed_exists_only_while_wanted_and_carries_answers_back() {
    let dir = tempfile::tempdir().unwrap();
    let j = journal(dir.path(), false);
    let mut s = Scheduler::default();
    s.step(Some(&j), dir.path(), at("2026-12-01T12:00:00+01:00"))
        .unwrap();
    assert!(!outside::exists(dir.path()), "no consent, no file");
    let mut settings = j.settings().unwrap();
    settings.reminders.background = true;
    settings.days_off = vec![Weekday::Sun];
    j.put_settings(&settings).unwrap();
    s.step(Some(&j), dir.path(), at("2026-12-01T12:00:20+01:00"))
        .unwrap();
    let file = outside::read(dir.path())
        .unwrap()
        .expect("kept once agreed");
    assert_eq!(file.facts.plan.end_of_work, Some(t("18:00")));
    assert_eq!(file.facts.plan.days_off, [Weekday::Sun]);
    // `keel remind` answered "Done for today" while the app was closed.
    outside::update(dir.path(), |f| {
        let mut f = f.unwrap();
        f.ledger.answers.push(WorkAnswer {
            date: parse_date("2026-12-01").unwrap(),
            answer: Answer::Done,
            at: at("2026-12-01T18:03:00+01:00"),
        });
        Ok(Some(f))
    })
    .unwrap();
    s.step(Some(&j), dir.path(), at("2026-12-01T19:00:00+01:00"))
        .unwrap();
    let day = j.day(parse_date("2026-12-01").unwrap()).unwrap().unwrap();
    assert_eq!(day.check_in.boundary, Some(Boundary::Kept));
    assert!(outside::read(dir.path())
        .unwrap()
        .unwrap()
        .ledger
        .answers
        .is_empty());
    // Turned off: the file goes.
    settings.reminders.background = false;
    j.put_settings(&settings).unwrap();
    s.step(Some(&j), dir.path(), at("2026-12-01T19:00:20+01:00"))
        .unwrap();
    assert!(!outside::exists(dir.path()));
}
