//! The prompts a day shows, stored with the day: the choice is `prompts`' pure function of the
//! date and the history; this applies it through the journal's own reads and writes, so that
//! once a day has shown prompts it shows those same prompts forever.

use std::collections::HashSet;

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate};

use super::Journal;
use crate::error::Result;
use crate::model::{DayPatch, Settings, Side, WeekId};
use crate::prompts::{choose, pick, resolve, weekly_set, Context, DayPrompts, NO_REPEAT_DAYS};

impl Journal {
    /// The day's prompts: those stored with the day, or, the first time, a fresh choice that is
    /// then stored (durably) so that the day shows the same prompts from now on. A stored prompt
    /// that has since been hidden is replaced (role and self) or dropped (bridge).
    pub fn day_prompts(&self, date: NaiveDate, now: DateTime<FixedOffset>) -> Result<DayPrompts> {
        let library = self.prompts()?;
        let settings = self.settings()?;
        let mut stored = self.day(date)?.map(|d| d.prompt_ids).unwrap_or_default();
        let mut daily = resolve(&stored, &library);
        if stored.is_empty() || daily.role.is_none() || daily.myself.is_none() {
            let context = context_for(self, date, &settings)?;
            let fresh = choose(date, &library, &context);
            if daily.role.is_none() {
                daily.role = fresh.role;
            }
            if daily.myself.is_none() {
                daily.myself = fresh.myself;
            }
            if stored.is_empty() {
                daily.bridge = fresh.bridge;
            }
            for id in daily.ids() {
                if !stored.contains(&id) {
                    stored.push(id);
                }
            }
            store_ids(self, date, stored, now)?;
        }
        let weekly = if date.weekday() == settings.reflection_day {
            weekly_set(WeekId::of(date), &library)
        } else {
            Vec::new()
        };
        Ok(DayPrompts {
            date,
            daily,
            weekly,
        })
    }

    /// Replaces the day's prompt of `side` with another one, stores it (the day keeps the ids of
    /// every prompt it has shown) and returns the day's prompts. The sequence is deterministic for
    /// a day, and does not come back to a prompt the day already showed while others remain.
    pub fn another_prompt(
        &self,
        date: NaiveDate,
        side: Side,
        now: DateTime<FixedOffset>,
    ) -> Result<DayPrompts> {
        let current = self.day_prompts(date, now)?;
        let library = self.prompts()?;
        let settings = self.settings()?;
        let mut stored = self.day(date)?.map(|d| d.prompt_ids).unwrap_or_default();
        let context = context_for(self, date, &settings)?;
        let current_id = match side {
            Side::Role => &current.daily.role,
            Side::Myself => &current.daily.myself,
            Side::Bridge => &current.daily.bridge,
        }
        .as_ref()
        .map(|p| p.id.clone())
        .unwrap_or_default();
        let shown_today: HashSet<String> = stored.iter().cloned().collect();
        let salt = format!("{current_id}#{}", stored.len());
        let next = pick(date, side, &library, &context, &shown_today, &salt).or_else(|| {
            // Every prompt of this side was shown today: start the round again, skipping the current one.
            let only_current: HashSet<String> = [current_id.clone()].into_iter().collect();
            pick(
                date,
                side,
                &library,
                &Context::default(),
                &only_current,
                &salt,
            )
        });
        if let Some(next) = next {
            stored.push(next.id);
            store_ids(self, date, stored, now)?;
        }
        self.day_prompts(date, now)
    }

    /// Hides `id` for good (reversible in settings); a day showing it gets another in its place.
    pub fn hide_prompt(
        &self,
        date: NaiveDate,
        id: &str,
        now: DateTime<FixedOffset>,
    ) -> Result<DayPrompts> {
        self.set_prompt_hidden(id, true)?;
        self.day_prompts(date, now)
    }
}

fn context_for(journal: &Journal, date: NaiveDate, settings: &Settings) -> Result<Context> {
    let previous_stress = match date.pred_opt() {
        Some(prev) => journal.day(prev)?.and_then(|d| d.check_in.stress),
        None => None,
    };
    let from = date
        .checked_sub_days(chrono::Days::new(NO_REPEAT_DAYS))
        .unwrap_or(NaiveDate::MIN);
    let to = date
        .checked_add_days(chrono::Days::new(NO_REPEAT_DAYS))
        .unwrap_or(NaiveDate::MAX);
    let mut recent = HashSet::new();
    for day in journal.days(from..=to) {
        recent.extend(day?.prompt_ids);
    }
    Ok(Context::new(date, settings, previous_stress, recent))
}

fn store_ids(
    journal: &Journal,
    date: NaiveDate,
    ids: Vec<String>,
    now: DateTime<FixedOffset>,
) -> Result<()> {
    let patch = DayPatch {
        prompt_ids: Some(ids),
        ..DayPatch::default()
    };
    journal.save_day(date, &patch, now)?;
    Ok(())
}
