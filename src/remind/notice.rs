//! What a reminder says, and what its actions mean.
//!
//! Gentle by rule: one line of text, no counts, no streaks, nothing about days missed. The
//! words live in the core's catalogue (`assets/locales/<lang>/core.ftl`, `notice-*`), once for
//! the app's notifications, `keel remind` and its `--dry-run`, in the person's language.

use chrono::{Duration, NaiveDate, NaiveTime, Weekday};

use super::{Answer, Due, ReminderKind};
use crate::i18n::{Arg, Tr};
use crate::model::WeekId;

/// The action a click on the notification's body sends (the desktop's convention).
pub const OPEN: &str = "default";
/// The end-of-work answers and the two snoozes, as action ids.
pub const DONE: &str = "done";
pub const STILL_WORKING: &str = "still-working";
pub const SNOOZE_30: &str = "snooze-30";
pub const SNOOZE_60: &str = "snooze-60";

/// A notification to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub kind: ReminderKind,
    pub date: NaiveDate,
    /// The title line.
    pub summary: String,
    /// The one line of text.
    pub body: String,
    /// (action id, label), the body's click (`OPEN`) first.
    pub actions: Vec<(&'static str, String)>,
    /// The page a click opens, as the app's route (`#/day/DATE` or `#/week/YYYY-Www`).
    pub route: String,
}

/// What the person did with a notification.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reply {
    /// Opened it: show its page.
    Open,
    /// Answered the end-of-work reminder.
    Answer(Answer),
    /// Asked to be reminded again after this long.
    Snooze(Duration),
    /// Closed it, let it expire, or no answer came in time.
    Dismissed,
}

impl Reply {
    /// The reply an action id stands for; anything unknown is a dismissal.
    pub fn of_action(action: &str) -> Reply {
        match action {
            OPEN => Reply::Open,
            DONE => Reply::Answer(Answer::Done),
            STILL_WORKING => Reply::Answer(Answer::StillWorking),
            SNOOZE_30 => Reply::Snooze(Duration::minutes(30)),
            SNOOZE_60 => Reply::Snooze(Duration::hours(1)),
            _ => Reply::Dismissed,
        }
    }
}

/// A page a reminder may open (`--open ROUTE`): `#/day/YYYY-MM-DD` or `#/week/YYYY-Www`, written
/// canonically; anything else is refused.
pub fn checked_route(route: &str) -> Option<String> {
    if let Some(date) = route.strip_prefix("#/day/") {
        return crate::model::parse_date(date)
            .ok()
            .map(|d| format!("#/day/{d}"));
    }
    if let Some(week) = route.strip_prefix("#/week/") {
        return crate::model::parse_week(week)
            .ok()
            .map(|w| format!("#/week/{w}"));
    }
    None
}

/// The notification for a reminder that is due, in `tr`'s language; `end_of_work` is the time
/// the person set, `week_start` places the week a weekly reminder opens.
pub fn notice(due: &Due, end_of_work: NaiveTime, week_start: Weekday, tr: &Tr) -> Notice {
    let day_route = format!("#/day/{}", due.date);
    let say = |id: &str| tr.get(id, &[]);
    let (summary, body, actions, route) = match due.kind {
        ReminderKind::EndOfWork => (
            say("notice-end-of-work"),
            tr.get(
                "notice-end-of-work-body",
                &[("time", Arg::from(end_of_work.format("%H:%M").to_string()))],
            ),
            vec![
                (OPEN, say("notice-open-today")),
                (DONE, say("notice-done")),
                (STILL_WORKING, say("notice-still-working")),
                (SNOOZE_30, say("notice-in-30")),
            ],
            day_route,
        ),
        ReminderKind::CheckIn => (
            say("notice-check-in"),
            say("notice-check-in-body"),
            vec![
                (OPEN, say("notice-check-in-open")),
                (SNOOZE_30, say("notice-in-30")),
                (SNOOZE_60, say("notice-in-60")),
            ],
            day_route,
        ),
        ReminderKind::Weekly => (
            say("notice-weekly"),
            say("notice-weekly-body"),
            vec![
                (OPEN, say("notice-weekly-open")),
                (SNOOZE_30, say("notice-in-30")),
                (SNOOZE_60, say("notice-in-60")),
            ],
            format!("#/week/{}", WeekId::containing(due.date, week_start)),
        ),
    };
    Notice {
        kind: due.kind,
        date: due.date,
        summary,
        body,
        actions,
        route,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::parse_date;

    fn en() -> Tr {
        Tr::new(crate::i18n::Lang::En)
    }

    fn due(kind: ReminderKind, date: &str) -> Due {
        let date = parse_date(date).unwrap();
        Due {
            kind,
            date,
            at: date.and_hms_opt(18, 0, 0).unwrap(),
        }
    }

    #[test]
    fn every_notice_is_one_line_with_its_actions_and_its_page() {
        let six = NaiveTime::from_hms_opt(18, 0, 0).unwrap();
        for kind in ReminderKind::ALL {
            let n = notice(&due(kind, "2026-12-04"), six, Weekday::Mon, &en());
            assert!(!n.body.contains('\n') && !n.summary.contains('\n'));
            assert_eq!(n.actions[0].0, OPEN);
            for (id, _) in &n.actions[1..] {
                assert_ne!(Reply::of_action(id), Reply::Dismissed, "{id}");
            }
        }
        let end = notice(
            &due(ReminderKind::EndOfWork, "2026-12-04"),
            six,
            Weekday::Mon,
            &en(),
        );
        assert_eq!(
            end.body,
            "It's 18:00, the end of work you set. Anything to put on the role side before you close it?"
        );
        assert_eq!(end.route, "#/day/2026-12-04");
        let labels: Vec<&str> = end.actions.iter().map(|a| a.1.as_str()).collect();
        assert_eq!(
            labels,
            [
                "Open today",
                "Done for today",
                "Still working",
                "In 30 minutes"
            ]
        );
        let week = notice(
            &due(ReminderKind::Weekly, "2026-12-04"),
            six,
            Weekday::Mon,
            &en(),
        );
        assert_eq!(week.route, "#/week/2026-W49");
    }

    #[test]
    fn only_a_day_or_a_week_may_be_opened() {
        assert_eq!(
            checked_route("#/day/2026-12-01").as_deref(),
            Some("#/day/2026-12-01")
        );
        assert_eq!(
            checked_route("#/week/2026-W49").as_deref(),
            Some("#/week/2026-W49")
        );
        for bad in [
            "#/day/2026-13-01",
            "#/settings",
            "javascript:alert(1)",
            "#/day/2026-12-01/../x",
            "",
        ] {
            assert_eq!(checked_route(bad), None, "{bad}");
        }
    }

    #[test]
    fn actions_mean_what_they_say() {
        assert_eq!(Reply::of_action("done"), Reply::Answer(Answer::Done));
        assert_eq!(
            Reply::of_action("still-working"),
            Reply::Answer(Answer::StillWorking)
        );
        assert_eq!(
            Reply::of_action("snooze-30"),
            Reply::Snooze(Duration::minutes(30))
        );
        assert_eq!(
            Reply::of_action("snooze-60"),
            Reply::Snooze(Duration::hours(1))
        );
        assert_eq!(Reply::of_action("default"), Reply::Open);
        assert_eq!(Reply::of_action("__closed"), Reply::Dismissed);
    }
}
