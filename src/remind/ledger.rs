//! What the reminders remember: which fired for which date, which were snoozed until when, the
//! last answer to the end of work (a "Still working" waits for the person to say done), and
//! answers given while the journal was closed, waiting to be written into it.
//!
//! The journal keeps its ledger sealed in `meta`; the file for reminders while Keel is closed
//! keeps one too. Both only grow by union (`merge`) and forget what is older than `KEEP_DAYS`,
//! so two copies that saw different things agree once merged, whatever the order.

use chrono::{DateTime, Days, FixedOffset, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::{Fired, ReminderKind, Snooze};
use crate::wire::wire_enum;

/// How many days back the ledger remembers (a reminder belongs to one date; two days cover a
/// clock moved back over midnight or a time-zone change).
pub const KEEP_DAYS: u64 = 2;

wire_enum! {
    /// The two answers to the end-of-work reminder.
    pub enum Answer ("an answer") {
        /// Work stopped: the boundary was kept (or, after "Still working", the minutes after
        /// the end of work are measured).
        Done = "done",
        /// Work goes on past the end of work: the boundary was broken; the minutes are measured
        /// when the person next says done.
        StillWorking = "still-working",
    }
}

/// An answer to the end-of-work reminder for `date`, given at `at`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkAnswer {
    pub date: NaiveDate,
    pub answer: Answer,
    pub at: DateTime<FixedOffset>,
}

/// The reminders' memory (see the module's note).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Ledger {
    pub fired: Vec<Fired>,
    pub snoozed: Vec<Snooze>,
    /// Answers given outside the journal (by `keel remind`), not yet written into it.
    pub answers: Vec<WorkAnswer>,
    /// The latest answer to the end-of-work reminder (a "Still working" stays open until the
    /// person says done, which then measures the minutes after the end of work).
    pub last_answer: Option<WorkAnswer>,
}

impl Ledger {
    /// True when `kind` already fired for `date`.
    pub fn has_fired(&self, kind: ReminderKind, date: NaiveDate) -> bool {
        self.fired.iter().any(|f| f.kind == kind && f.date == date)
    }

    /// Records that `kind` fired for `date` (once).
    pub fn fire(&mut self, kind: ReminderKind, date: NaiveDate) {
        if !self.has_fired(kind, date) {
            self.fired.push(Fired { kind, date });
        }
    }

    /// Moves `kind`'s reminder for `date` to `until`: it may fire once more then.
    pub fn snooze(&mut self, kind: ReminderKind, date: NaiveDate, until: NaiveDateTime) {
        self.fired.retain(|f| !(f.kind == kind && f.date == date));
        self.snoozed.retain(|s| !(s.kind == kind && s.date == date));
        self.snoozed.push(Snooze { kind, date, until });
    }

    /// Everything both ledgers know: fired and snoozed by union (the later snooze of a reminder
    /// wins), answers by union in the order they were given, the later last answer.
    pub fn merge(&mut self, other: &Ledger) {
        for f in &other.fired {
            self.fire(f.kind, f.date);
        }
        for s in &other.snoozed {
            match self
                .snoozed
                .iter_mut()
                .find(|m| m.kind == s.kind && m.date == s.date)
            {
                Some(mine) => mine.until = mine.until.max(s.until),
                None => self.snoozed.push(*s),
            }
        }
        for a in &other.answers {
            if !self.answers.contains(a) {
                self.answers.push(*a);
            }
        }
        self.answers.sort_by_key(|a| a.at);
        if let Some(theirs) = other.last_answer {
            if self.last_answer.is_none_or(|mine| mine.at < theirs.at) {
                self.last_answer = Some(theirs);
            }
        }
    }

    /// Forgets what belongs to dates before `today - KEEP_DAYS` (answers not yet written are
    /// kept whatever their date: they are the person's words).
    pub fn prune(&mut self, today: NaiveDate) {
        let Some(oldest) = today.checked_sub_days(Days::new(KEEP_DAYS)) else {
            return;
        };
        self.fired.retain(|f| f.date >= oldest);
        self.snoozed.retain(|s| s.date >= oldest);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::parse_date;

    fn d(s: &str) -> NaiveDate {
        parse_date(s).unwrap()
    }

    fn answer(date: &str, answer: Answer, at: &str) -> WorkAnswer {
        WorkAnswer {
            date: d(date),
            answer,
            at: DateTime::parse_from_rfc3339(at).unwrap(),
        }
    }

    #[test]
    fn a_snooze_takes_back_the_fired_mark_so_the_reminder_may_come_once_more() {
        let mut l = Ledger::default();
        l.fire(ReminderKind::CheckIn, d("2026-12-01"));
        l.fire(ReminderKind::CheckIn, d("2026-12-01"));
        assert_eq!(l.fired.len(), 1);
        let until = d("2026-12-01").and_hms_opt(21, 30, 0).unwrap();
        l.snooze(ReminderKind::CheckIn, d("2026-12-01"), until);
        assert!(!l.has_fired(ReminderKind::CheckIn, d("2026-12-01")));
        assert_eq!(l.snoozed.len(), 1);
    }

    #[test]
    fn merging_in_either_order_gives_the_same_ledger() {
        let mut a = Ledger::default();
        a.fire(ReminderKind::EndOfWork, d("2026-12-01"));
        let still = answer(
            "2026-12-01",
            Answer::StillWorking,
            "2026-12-01T18:02:00+01:00",
        );
        a.answers.push(still);
        a.last_answer = Some(still);
        let mut b = Ledger::default();
        b.fire(ReminderKind::Weekly, d("2026-12-04"));
        b.snooze(
            ReminderKind::CheckIn,
            d("2026-12-01"),
            d("2026-12-01").and_hms_opt(21, 30, 0).unwrap(),
        );
        let done = answer("2026-12-01", Answer::Done, "2026-12-01T19:10:00+01:00");
        b.answers.push(done);
        b.last_answer = Some(done);
        let mut ab = a.clone();
        ab.merge(&b);
        let mut ba = b.clone();
        ba.merge(&a);
        ab.fired.sort_by_key(|f| (f.date, f.kind));
        ba.fired.sort_by_key(|f| (f.date, f.kind));
        assert_eq!(ab, ba);
        assert_eq!(
            ab.answers.iter().map(|a| a.answer).collect::<Vec<_>>(),
            [Answer::StillWorking, Answer::Done],
            "answers keep the order they were given in"
        );
        assert_eq!(
            ab.last_answer.unwrap().answer,
            Answer::Done,
            "the later answer stands"
        );
        let mut again = ab.clone();
        again.merge(&b);
        assert_eq!(again, ab, "merging twice adds nothing");
    }

    #[test]
    fn pruning_forgets_old_marks_but_never_an_answer_not_yet_written() {
        let mut l = Ledger::default();
        l.fire(ReminderKind::EndOfWork, d("2026-11-20"));
        l.fire(ReminderKind::EndOfWork, d("2026-11-29"));
        l.answers.push(answer(
            "2026-11-20",
            Answer::Done,
            "2026-11-20T18:01:00+01:00",
        ));
        l.prune(d("2026-12-01"));
        assert_eq!(
            l.fired,
            [Fired {
                kind: ReminderKind::EndOfWork,
                date: d("2026-11-29")
            }]
        );
        assert_eq!(l.answers.len(), 1);
    }
}
