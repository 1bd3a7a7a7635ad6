//! The reminders' side of the journal: their ledger (sealed in `meta` under `reminders`), what
//! they need to know of recent days, the answers to the end of work written into the day's
//! check-in, and keeping the file for reminders while Keel is closed (`remind::outside`) up to
//! date, only while the person wants it.
//!
//! The room's shared types and constants live in `store/mod.rs` (`use super::*`).

use chrono::{Days, NaiveDateTime, NaiveTime};

use super::*;
use crate::cycle::{CycleKind, EventKind};
use crate::model::{Boundary, MAX_AFTER_HOURS_MINUTES};
use crate::remind::outside::{self, Facts};
use crate::remind::{Answer, Ledger, Plan, ReminderKind, WorkAnswer};

const REMINDERS_KEY: &[u8] = b"reminders";
/// How far back the facts look for check-ins (a clock moved back, a late answer).
const FACT_DAYS: u64 = 7;

impl Journal {
    /// The reminders' ledger (empty until one fires).
    pub fn reminder_ledger(&self) -> Result<Ledger> {
        let store = self.store()?;
        match store.meta.get(REMINDERS_KEY)? {
            Some(bytes) => {
                records::decode_ledger(&store.codec.open(META, REMINDERS_KEY, &bytes)?)
            }
            None => Ok(Ledger::default()),
        }
    }

    fn put_ledger(&self, ledger: &Ledger) -> Result<()> {
        let bytes = records::encode_ledger(ledger);
        self.write(|store| {
            store.meta.insert(
                REMINDERS_KEY,
                store.codec.seal(META, REMINDERS_KEY, &bytes)?,
            )?;
            Ok(())
        })
    }

    /// What the reminders need to know as of `today`: the plan, the recent dates with a
    /// check-in, whether this week and last have a reflection, and the current and coming
    /// spans of time off.
    pub fn reminder_facts(&self, today: NaiveDate) -> Result<Facts> {
        self.facts_of(&self.settings()?, today)
    }

    fn facts_of(&self, settings: &Settings, today: NaiveDate) -> Result<Facts> {
        let from = today
            .checked_sub_days(Days::new(FACT_DAYS))
            .unwrap_or(today);
        let to = today.checked_add_days(Days::new(1)).unwrap_or(today);
        let checked_in = self
            .check_ins(from..=to)?
            .into_iter()
            // A check-in is a rating; an answer to the end of work alone is not one.
            .filter(|(_, c)| c.stress.is_some() || c.resilience.is_some() || c.overlap.is_some())
            .map(|(date, _)| date)
            .collect();
        let mut reflected = Vec::new();
        for date in [today, from] {
            let week = WeekId::containing(date, settings.week_start);
            if self.week(week)?.is_some_and(|w| !w.is_blank()) {
                reflected.push(week.first_day(settings.week_start));
            }
        }
        reflected.dedup();
        let time_off = self
            .events()?
            .into_iter()
            .filter(|e| e.kind == EventKind::Cycle(CycleKind::TimeOff) && e.end >= from)
            .map(|e| (e.start, e.end))
            .collect();
        Ok(Facts {
            language: Some(self.lang()?),
            plan: Plan::of(settings),
            week_start: Some(settings.week_start),
            checked_in,
            reflected,
            time_off,
        })
    }

    /// Records that `kind` fired for `date` (and in the file for reminders while Keel is
    /// closed, when it is kept), so it does not fire again that date.
    pub fn record_fired(
        &self,
        kind: ReminderKind,
        date: NaiveDate,
        today: NaiveDate,
    ) -> Result<()> {
        self.change_ledger(today, |ledger| ledger.fire(kind, date))
    }

    /// Moves `kind`'s reminder for `date` to `until` (a snooze).
    pub fn snooze_reminder(
        &self,
        kind: ReminderKind,
        date: NaiveDate,
        until: NaiveDateTime,
        today: NaiveDate,
    ) -> Result<()> {
        self.change_ledger(today, |ledger| ledger.snooze(kind, date, until))
    }

    fn change_ledger(&self, today: NaiveDate, change: impl FnOnce(&mut Ledger)) -> Result<()> {
        let mut ledger = self.reminder_ledger()?;
        change(&mut ledger);
        ledger.prune(today);
        self.put_ledger(&ledger)?;
        outside::update_ledger(self.dir(), |file| {
            file.merge(&ledger);
            file.prune(today);
        })
    }

    /// Answers the end-of-work reminder for `date` at `at` and returns the day as saved:
    /// "Done for today" records the boundary as kept, or, after "Still working", as broken
    /// with the minutes from the end of work to `at`; "Still working" records it as broken,
    /// the minutes to come when the person says done. Either can be changed on the day.
    pub fn answer_end_of_work(
        &self,
        date: NaiveDate,
        answer: Answer,
        at: DateTime<FixedOffset>,
    ) -> Result<DayEntry> {
        let mut ledger = self.reminder_ledger()?;
        let day = self.write_answer(
            &mut ledger,
            WorkAnswer { date, answer, at },
            &self.settings()?,
        )?;
        let today = at.date_naive();
        self.change_ledger(today, |l| l.merge(&ledger))?;
        Ok(day)
    }

    /// Writes one answer into its day and the ledger in memory.
    fn write_answer(
        &self,
        ledger: &mut Ledger,
        a: WorkAnswer,
        settings: &Settings,
    ) -> Result<DayEntry> {
        let running = ledger
            .last_answer
            .filter(|last| last.date == a.date && last.answer == Answer::StillWorking);
        let patch = match (a.answer, running) {
            (Answer::Done, Some(_)) => {
                let end = a.date.and_time(settings.end_of_work);
                let minutes = (a.at.naive_local() - end)
                    .num_minutes()
                    .clamp(0, i64::from(MAX_AFTER_HOURS_MINUTES));
                DayPatch {
                    boundary: Some(Some(Boundary::Broken)),
                    after_hours_minutes: Some(Some(minutes)),
                    ..DayPatch::default()
                }
            }
            (Answer::Done, None) => DayPatch {
                boundary: Some(Some(Boundary::Kept)),
                after_hours_minutes: Some(Some(0)),
                ..DayPatch::default()
            },
            (Answer::StillWorking, _) => DayPatch {
                boundary: Some(Some(Boundary::Broken)),
                after_hours_minutes: Some(None),
                ..DayPatch::default()
            },
        };
        let day = self.save_day(a.date, &patch, a.at)?;
        ledger.fire(ReminderKind::EndOfWork, a.date);
        if ledger.last_answer.is_none_or(|last| last.at <= a.at) {
            ledger.last_answer = Some(a);
        }
        Ok(day)
    }

    /// The "Still working" answer for `date` still waiting for done, and the end of work it ran
    /// past: only while the day's check-in says what that answer wrote (broken, minutes not yet
    /// known), so a change made on the day ends it.
    pub fn still_working(&self, date: NaiveDate) -> Result<Option<(WorkAnswer, NaiveTime)>> {
        let Some(last) = self
            .reminder_ledger()?
            .last_answer
            .filter(|last| last.date == date && last.answer == Answer::StillWorking)
        else {
            return Ok(None);
        };
        let open = self.day(date)?.is_some_and(|d| {
            d.check_in.boundary == Some(Boundary::Broken)
                && d.check_in.after_hours_minutes.is_none()
        });
        Ok(open.then_some((last, self.settings()?.end_of_work)))
    }

    /// Turns reminders while Keel is closed on or off: on, the systemd user timer is written
    /// under `config_home` (running `keel` at `keel`) before the setting and the file; off, the
    /// setting and the file go first (answers in it written in), then the timer. Returns the
    /// settings as stored.
    pub fn set_background_reminders(
        &self,
        on: bool,
        config_home: &Path,
        keel: &Path,
        today: NaiveDate,
    ) -> Result<Settings> {
        let mut settings = self.settings()?;
        if on {
            crate::remind::background::install(config_home, keel, self.dir())?;
        }
        settings.reminders.background = on;
        self.put_settings(&settings)?;
        self.sync_reminders(today)?;
        if !on {
            crate::remind::background::remove(config_home)?;
        }
        Ok(settings)
    }

    /// Brings the reminders and their file together as of `today`: answers given while the
    /// journal was closed are written into their days; the ledgers merge; the file is
    /// refreshed while reminders while Keel is closed are on, and removed when they are off
    /// (its answers written in first). Writes nothing when nothing changed. Returns how many
    /// answers came in.
    pub fn sync_reminders(&self, today: NaiveDate) -> Result<usize> {
        let settings = self.settings()?;
        if !settings.reminders.background && !outside::exists(self.dir()) {
            return Ok(0);
        }
        let facts = if settings.reminders.background {
            Some(self.facts_of(&settings, today)?)
        } else {
            None
        };
        Ok(self.sync_with(today, &settings, facts)?.0)
    }

    /// What the open app's scheduler needs at each look: `sync_reminders`, then the facts and
    /// the ledger, with the settings read and the facts computed once for both.
    pub fn reminder_state(&self, today: NaiveDate) -> Result<(Facts, Ledger)> {
        let settings = self.settings()?;
        let facts = self.facts_of(&settings, today)?;
        let ledger = if !settings.reminders.background && !outside::exists(self.dir()) {
            self.reminder_ledger()?
        } else {
            let kept = settings.reminders.background.then(|| facts.clone());
            self.sync_with(today, &settings, kept)?.1
        };
        Ok((facts, ledger))
    }

    /// The body of `sync_reminders`, given the settings and (when the file is kept) the facts
    /// to write into it; returns how many answers came in and the ledger as stored.
    fn sync_with(
        &self,
        today: NaiveDate,
        settings: &Settings,
        facts: Option<Facts>,
    ) -> Result<(usize, Ledger)> {
        let dir = self.dir().to_owned();
        let mut ledger = self.reminder_ledger()?;
        let before = ledger.clone();
        let mut applied = 0;
        outside::update(&dir, |file| {
            let mut file = file.unwrap_or_default();
            for answer in std::mem::take(&mut file.ledger.answers) {
                self.write_answer(&mut ledger, answer, settings)?;
                applied += 1;
            }
            ledger.merge(&file.ledger);
            ledger.prune(today);
            Ok(facts.map(|facts| outside::Outside {
                facts,
                ledger: ledger.clone(),
                ..file
            }))
        })?;
        if ledger != before {
            self.put_ledger(&ledger)?;
        }
        Ok((applied, ledger))
    }
}
