//! The prompts a day shows, stored with the day: the choice is `prompts`' pure function of the
//! date and the history; this applies it through the journal's own reads and writes, so that
//! once a day has shown prompts it shows those same prompts forever.

use std::collections::HashSet;

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate};

use super::Journal;
use crate::cycle::ValueBook;
use crate::error::Result;
use crate::model::{DayPatch, Settings, Side, WeekId};
use crate::prompts::{
    choose, fill_values, is_value_prompt, pick, resolve, stored_value, value_for, weekly_set,
    Context, DailyChoice, DayPrompts, NO_REPEAT_DAYS, VALUE_MARK,
};

impl Journal {
    /// The day's prompts: those stored with the day, or, the first time, a fresh choice that is
    /// then stored (durably) so that the day shows the same prompts from now on. A stored prompt
    /// that has since been hidden is replaced (role and self) or dropped (bridge).
    pub fn day_prompts(&self, date: NaiveDate, now: DateTime<FixedOffset>) -> Result<DayPrompts> {
        let library = self.prompts()?;
        let settings = self.settings()?;
        let book = self.values()?;
        let mut stored = self.day(date)?.map(|d| d.prompt_ids).unwrap_or_default();
        let mut value = stored_value(&stored).filter(|id| book.get(*id).is_some());
        let mut daily = resolve(&stored, &library);
        let mut changed = settle_value(date, &mut daily, &mut value, &mut stored, &book);
        if stored.is_empty() || daily.role.is_none() || daily.myself.is_none() {
            let context = context_for(self, date, &settings, &book)?;
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
            settle_value(date, &mut daily, &mut value, &mut stored, &book);
            changed = true;
        }
        if changed {
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
        let book = self.values()?;
        let mut stored = self.day(date)?.map(|d| d.prompt_ids).unwrap_or_default();
        let context = context_for(self, date, &settings, &book)?;
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

/// Gives a value prompt among `daily` its value: the one the day already asks about, or, the
/// first time, one chosen for the date (its mark added to `stored`); with no value to name, the
/// value prompt is dropped for another to be chosen. Returns whether `stored` changed.
fn settle_value(
    date: NaiveDate,
    daily: &mut DailyChoice,
    value: &mut Option<u32>,
    stored: &mut Vec<String>,
    book: &ValueBook,
) -> bool {
    let mut changed = false;
    let asking = [&daily.role, &daily.myself, &daily.bridge]
        .into_iter()
        .flatten()
        .find(|p| is_value_prompt(p))
        .map(|p| p.id.clone());
    if let (Some(id), None) = (&asking, *value) {
        let active: Vec<_> = book.active().cloned().collect();
        *value = value_for(date, id, &active);
        if let Some(v) = value {
            stored.push(format!("{VALUE_MARK}{v}"));
            changed = true;
        }
    }
    fill_values(daily, *value, book);
    changed
}

fn context_for(
    journal: &Journal,
    date: NaiveDate,
    settings: &Settings,
    book: &ValueBook,
) -> Result<Context> {
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
    let around = journal.events_between(
        date.checked_sub_days(chrono::Days::new(60))
            .unwrap_or(NaiveDate::MIN),
        date,
    )?;
    Ok(Context::new(date, settings, previous_stress, recent).with_cycle(date, book, &around))
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
