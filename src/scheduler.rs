//! The open app's reminders, one step at a time, time passed in: the shell's scheduler thread
//! calls `step` with its reading of the clock (every few seconds, so a wake from sleep or a
//! clock change is seen at once), shows the notices it returns, and hands the person's answers
//! to `reply`.
//!
//! An encrypted journal may lock itself while the app is open (after idle minutes, which is just
//! when an end-of-work reminder matters): the scheduler then works from what it last knew (or,
//! never having seen the journal open, from the file for reminders while Keel is closed, when
//! the person keeps one), and answers given meanwhile wait in memory until the journal is open
//! again. Nothing of a locked journal is read.

use std::path::Path;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime};

use crate::error::Result;
use crate::remind::outside::{self, Facts};
use crate::remind::{self, notice, Ledger, Notice, ReminderKind, Reply, WorkAnswer};
use crate::Journal;

/// The scheduler's memory between steps.
#[derive(Debug, Default)]
pub struct Scheduler {
    /// What the journal (or the file) last said.
    known: Option<(Facts, Ledger)>,
    /// Answers given while the journal was locked.
    answers: Vec<WorkAnswer>,
    /// Snoozes asked for while the journal was locked.
    snoozes: Vec<(ReminderKind, NaiveDate, NaiveDateTime)>,
}

impl Scheduler {
    /// One look at `now`: writes what waited for the journal, refreshes what is known, and
    /// returns the notices due now, each recorded as fired before it is returned.
    pub fn step(
        &mut self,
        journal: Option<&Journal>,
        dir: &Path,
        now: DateTime<FixedOffset>,
    ) -> Result<Vec<Notice>> {
        let today = now.date_naive();
        if let Some(journal) = journal {
            for a in std::mem::take(&mut self.answers) {
                journal.answer_end_of_work(a.date, a.answer, a.at)?;
            }
            for (kind, date, until) in std::mem::take(&mut self.snoozes) {
                journal.snooze_reminder(kind, date, until, today)?;
            }
            if let Some((_, memory)) = &self.known {
                let stored = journal.reminder_ledger()?;
                for f in memory
                    .fired
                    .iter()
                    .filter(|f| !stored.has_fired(f.kind, f.date))
                {
                    journal.record_fired(f.kind, f.date, today)?;
                }
            }
            self.known = Some(journal.reminder_state(today)?);
        } else if self.known.is_none() {
            self.known = outside::read(dir)?.map(|file| (file.facts, file.ledger));
        }
        let Some((facts, ledger)) = &mut self.known else {
            return Ok(Vec::new());
        };
        let due = remind::due(
            now,
            &facts.plan,
            facts.day(today),
            &ledger.fired,
            &ledger.snoozed,
        );
        let mut notices = Vec::with_capacity(due.len());
        let tr = facts.tr();
        for d in due {
            ledger.fire(d.kind, d.date);
            match journal {
                Some(journal) => journal.record_fired(d.kind, d.date, today)?,
                None => outside::update_ledger(dir, |file| file.fire(d.kind, d.date))?,
            }
            let end_of_work = facts.plan.end_of_work.unwrap_or(d.at.time());
            let week_start = facts.week_start.unwrap_or(chrono::Weekday::Mon);
            notices.push(notice::notice(&d, end_of_work, week_start, tr));
        }
        Ok(notices)
    }

    /// What the person did with `notice` at `now`: an answer or a snooze is written (or waits
    /// for the journal to be open); returns the page to show when they opened it.
    pub fn reply(
        &mut self,
        journal: Option<&Journal>,
        notice: &Notice,
        reply: Reply,
        now: DateTime<FixedOffset>,
    ) -> Result<Option<String>> {
        match reply {
            Reply::Open => return Ok(Some(notice.route.clone())),
            Reply::Dismissed => {}
            Reply::Answer(answer) => {
                let a = WorkAnswer {
                    date: notice.date,
                    answer,
                    at: now,
                };
                match journal {
                    Some(journal) => {
                        journal.answer_end_of_work(a.date, a.answer, a.at)?;
                    }
                    None => self.answers.push(a),
                }
            }
            Reply::Snooze(length) => {
                let until = now.naive_local() + length;
                if let Some((_, ledger)) = &mut self.known {
                    ledger.snooze(notice.kind, notice.date, until);
                }
                match journal {
                    Some(journal) => journal.snooze_reminder(
                        notice.kind,
                        notice.date,
                        until,
                        now.date_naive(),
                    )?,
                    None => self.snoozes.push((notice.kind, notice.date, until)),
                }
            }
        }
        Ok(None)
    }
}

#[cfg(test)]
mod tests;
