//! When a reminder is due: the pure scheduler of issue 18's three reminders (end of work, the
//! daily check-in, the weekly reflection), with time passed in. Nothing here reads the clock,
//! the journal or the desktop: the shell's scheduler and `keel remind` (later steps) ask `due`
//! with their one reading of the clock and what they know of the day, and record what fired.
//!
//! The rules, each with its test:
//! - A reminder belongs to a local date and fires at most once for it (`Fired` keys it by kind
//!   and date), so a clock moved back, a repeated hour at the end of summer time, or a second
//!   process asking again does not repeat it.
//! - It is due from its local time until `GRACE` after it: an app started, or a laptop woken,
//!   within the hour still gets it once; later than that it is skipped for the day, never
//!   delivered late in a heap.
//! - Times are compared as local wall-clock times, so a time-zone change or a daylight-saving
//!   change moves the reminder with the person's day; a time that does not exist on a date (the
//!   hour skipped in spring) is due from the first local time after it.
//! - Snoozing moves one reminder of one date to a later instant (30 min or 1 h); the grace then
//!   counts from that instant.
//! - Days off (non-working weekdays, and dated time off) silence the end-of-work and check-in
//!   reminders; the weekly reflection is only offered on the reflection day, and only while the
//!   week has no reflection; the check-in only while today has none.
//!
//! The rooms around the scheduler:
//! - `notice`: what a reminder says (one line) and its actions, and what an action means;
//! - `ledger`: what fired, what was snoozed, the answers not yet in the journal;
//! - `outside`: the plain file beside the journal that reminders while Keel is closed work from
//!   (kept only with the person's consent), and the lock the open app holds;
//! - `background`: the systemd user timer that runs `keel remind` while Keel is closed;
//! - `deliver`: the desktop notification over D-Bus, and waiting for its answer.

use chrono::{
    DateTime, Datelike, Duration, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Weekday,
};
use serde::{Deserialize, Serialize};

use crate::model::Settings;
use crate::wire::wire_enum;

pub mod background;
pub mod deliver;
pub mod ledger;
pub mod notice;
pub mod outside;

pub use ledger::{Answer, Ledger, WorkAnswer};
pub use notice::{Notice, Reply};
pub use outside::Outside;

/// How long after its time a reminder may still fire (a late start, a laptop waking).
pub const GRACE: Duration = Duration::hours(1);

wire_enum! {
    /// The three reminders.
    #[derive(PartialOrd, Ord)]
    pub enum ReminderKind ("a reminder") {
        EndOfWork = "end-of-work",
        CheckIn = "check-in",
        Weekly = "weekly",
    }
}

/// Which reminders are on, and when (each off until the person turns it on).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Plan {
    /// The end-of-work time, when that reminder is on.
    pub end_of_work: Option<NaiveTime>,
    /// The daily check-in reminder's time, when on.
    pub check_in: Option<NaiveTime>,
    /// The weekly reflection reminder's time on the reflection day, when on.
    pub weekly: Option<NaiveTime>,
    pub reflection_day: Option<Weekday>,
    /// Weekdays that are not working days.
    pub days_off: Vec<Weekday>,
}

impl Plan {
    /// The plan the settings describe.
    pub fn of(settings: &Settings) -> Plan {
        let r = &settings.reminders;
        Plan {
            end_of_work: r.end_of_work.then_some(settings.end_of_work),
            check_in: r.check_in,
            weekly: r.weekly,
            reflection_day: r.weekly.map(|_| settings.reflection_day),
            days_off: settings.days_off.clone(),
        }
    }

    /// True when no reminder is on.
    pub fn is_off(&self) -> bool {
        self.end_of_work.is_none() && self.check_in.is_none() && self.weekly.is_none()
    }
}

/// What is known of the date asked about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Day {
    /// Today has a check-in already.
    pub checked_in: bool,
    /// The week holding today has a reflection already.
    pub week_reflected: bool,
    /// Today is dated time off (`cycle::is_time_off`).
    pub time_off: bool,
}

/// A reminder that fired (or was answered) for a local date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fired {
    pub kind: ReminderKind,
    pub date: NaiveDate,
}

/// A reminder of a date moved to a later local time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snooze {
    pub kind: ReminderKind,
    pub date: NaiveDate,
    pub until: NaiveDateTime,
}

/// A reminder due now: its kind, the local date it is for, and the local time it was set for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Due {
    pub kind: ReminderKind,
    pub date: NaiveDate,
    pub at: NaiveDateTime,
}

/// The reminders due at `now` (its own offset gives the local wall-clock time), in kind order.
pub fn due(
    now: DateTime<FixedOffset>,
    plan: &Plan,
    day: Day,
    fired: &[Fired],
    snoozed: &[Snooze],
) -> Vec<Due> {
    let local = now.naive_local();
    let date = local.date();
    let working = !plan.days_off.contains(&date.weekday()) && !day.time_off;
    let wanted = [
        (
            ReminderKind::EndOfWork,
            plan.end_of_work.filter(|_| working),
        ),
        (
            ReminderKind::CheckIn,
            plan.check_in.filter(|_| working && !day.checked_in),
        ),
        (
            ReminderKind::Weekly,
            plan.weekly
                .filter(|_| plan.reflection_day == Some(date.weekday()) && !day.week_reflected),
        ),
    ];
    wanted
        .into_iter()
        .filter_map(|(kind, time)| {
            let time = time?;
            if fired.iter().any(|f| f.kind == kind && f.date == date) {
                return None;
            }
            let at = snoozed
                .iter()
                .filter(|s| s.kind == kind && s.date == date)
                .map(|s| s.until)
                .max()
                .unwrap_or_else(|| date.and_time(time));
            (local >= at && local < at + GRACE).then_some(Due { kind, date, at })
        })
        .collect()
}

/// The next local instant after `now` at which `due` could answer differently for today (a
/// reminder's time or snooze coming up), for a scheduler to sleep until; `None` when nothing
/// more is coming today.
pub fn next_check(
    now: DateTime<FixedOffset>,
    plan: &Plan,
    snoozed: &[Snooze],
) -> Option<NaiveDateTime> {
    let local = now.naive_local();
    let date = local.date();
    [plan.end_of_work, plan.check_in, plan.weekly]
        .into_iter()
        .flatten()
        .map(|t| date.and_time(t))
        .chain(snoozed.iter().filter(|s| s.date == date).map(|s| s.until))
        .filter(|at| *at > local)
        .min()
}

#[cfg(test)]
mod tests;
