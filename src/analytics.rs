//! Figures computed from the journal, for reflection (never for judgement): a week's
//! summary and its comparisons.
//!
//! Rules every figure follows: a day without a rating is missing, never zero, and a figure says
//! how many days it stands on; means are over the days that have the value.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

pub mod trends;

use crate::cycle::{CycleEvent, PersonalValue};
use crate::error::{KeelError, Result};
use crate::model::{Boundary, DayEntry, Prompt, Settings, WeekId, WeekReflection};
use crate::store::Journal;

/// One rating over some days: how many had it, their mean, lowest and highest.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Measure {
    pub n: usize,
    pub mean: Option<f64>,
    pub min: Option<u8>,
    pub max: Option<u8>,
}

impl Measure {
    pub fn of(values: impl IntoIterator<Item = u8>) -> Measure {
        let mut m = Measure::default();
        let mut sum = 0u64;
        for v in values {
            m.n += 1;
            sum += u64::from(v);
            m.min = Some(m.min.map_or(v, |x| x.min(v)));
            m.max = Some(m.max.map_or(v, |x| x.max(v)));
        }
        m.mean = (m.n > 0).then(|| sum as f64 / m.n as f64);
        m
    }
}

/// The three ratings' measures over some days.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Ratings {
    pub stress: Measure,
    pub resilience: Measure,
    pub overlap: Measure,
}

impl Ratings {
    fn of<'a>(days: impl Iterator<Item = &'a DayEntry> + Clone) -> Ratings {
        Ratings {
            stress: Measure::of(days.clone().filter_map(|d| d.check_in.stress)),
            resilience: Measure::of(days.clone().filter_map(|d| d.check_in.resilience)),
            overlap: Measure::of(days.filter_map(|d| d.check_in.overlap)),
        }
    }
}

/// One day of the week, for the small charts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DayPoint {
    pub date: NaiveDate,
    pub review_day: bool,
    pub has_page: bool,
    pub stress: Option<u8>,
    pub resilience: Option<u8>,
    pub overlap: Option<u8>,
    pub boundary: Option<Boundary>,
    pub after_hours_minutes: Option<u32>,
}

/// The week's most stressful day and the start of what was written that day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct HardestDay {
    pub date: NaiveDate,
    pub stress: u8,
    pub excerpt: String,
}

/// A week, summed up.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct WeekSummary {
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub week: WeekId,
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
    /// The seven days, first to last.
    pub days: Vec<DayPoint>,
    /// Days with at least one rating or a boundary answer.
    pub n_checked_in: usize,
    pub this_week: Ratings,
    /// The week before.
    pub last_week: Ratings,
    /// The four weeks before this one, all their days together.
    pub four_weeks: Ratings,
    pub boundary_kept: usize,
    pub boundary_broken: usize,
    pub after_hours_minutes: u32,
    pub hardest_day: Option<HardestDay>,
    /// This week's review days (a setting) against its other days.
    pub review_days: Ratings,
    pub other_days: Ratings,
}

/// Characters of the hardest day's excerpt.
pub const EXCERPT_CHARS: usize = 160;

/// The first lines of a day's writing, without Markdown's marks, at most `EXCERPT_CHARS`.
pub fn excerpt(entry: &DayEntry) -> String {
    let source = if entry.role.trim().is_empty() {
        &entry.self_text
    } else {
        &entry.role
    };
    let mut text = String::new();
    for line in source
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(3)
    {
        let line = line.trim_start_matches(['#', '>', '-', '*', '+', ' ']);
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(line);
    }
    let text: String = text.replace(['*', '_', '`'], "");
    if text.chars().count() > EXCERPT_CHARS {
        let cut: String = text.chars().take(EXCERPT_CHARS - 1).collect();
        format!("{}…", cut.trim_end())
    } else {
        text
    }
}

/// Sums up `week` from `days` (any days; those outside the five weeks that matter are ignored).
pub fn summarize(week: WeekId, settings: &Settings, days: &[DayEntry]) -> WeekSummary {
    let dates = week.days(settings.week_start);
    let (first, last) = (dates[0], dates[6]);
    let in_range = |from: NaiveDate, to: NaiveDate| {
        days.iter().filter(move |d| d.date >= from && d.date <= to)
    };
    let this: Vec<&DayEntry> = in_range(first, last).collect();
    let points = dates
        .iter()
        .map(|date| {
            let entry = this.iter().find(|d| d.date == *date);
            let c = entry.map(|d| d.check_in.clone()).unwrap_or_default();
            DayPoint {
                date: *date,
                review_day: settings.review_days.contains(&date.weekday()),
                has_page: entry.is_some_and(|d| !d.is_blank()),
                stress: c.stress,
                resilience: c.resilience,
                overlap: c.overlap,
                boundary: c.boundary,
                after_hours_minutes: c.after_hours_minutes,
            }
        })
        .collect::<Vec<_>>();
    let week_ago = |n: u64| first - chrono::Days::new(7 * n);
    let hardest_day = this
        .iter()
        .filter_map(|d| d.check_in.stress.map(|s| (s, *d)))
        // The highest stress; of equals, the earliest day.
        .fold(None::<(u8, &DayEntry)>, |best, (s, d)| match best {
            Some((b, _)) if b >= s => best,
            _ => Some((s, d)),
        })
        .map(|(stress, d)| HardestDay {
            date: d.date,
            stress,
            excerpt: excerpt(d),
        });
    let is_review = |d: &&&DayEntry| settings.review_days.contains(&d.date.weekday());
    WeekSummary {
        week,
        first_day: first,
        last_day: last,
        n_checked_in: this.iter().filter(|d| !d.check_in.is_empty()).count(),
        this_week: Ratings::of(this.iter().copied()),
        last_week: Ratings::of(in_range(week_ago(1), first - chrono::Days::new(1))),
        four_weeks: Ratings::of(in_range(week_ago(4), first - chrono::Days::new(1))),
        boundary_kept: this
            .iter()
            .filter(|d| d.check_in.boundary == Some(Boundary::Kept))
            .count(),
        boundary_broken: this
            .iter()
            .filter(|d| d.check_in.boundary == Some(Boundary::Broken))
            .count(),
        after_hours_minutes: this
            .iter()
            .filter_map(|d| d.check_in.after_hours_minutes)
            .sum(),
        hardest_day,
        review_days: Ratings::of(this.iter().filter(is_review).copied()),
        other_days: Ratings::of(this.iter().filter(|d| !is_review(d)).copied()),
        days: points,
    }
}

/// One day of the calendar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CalendarDay {
    pub date: NaiveDate,
    pub stress: Option<u8>,
    /// Something was written or rated that day.
    pub has_page: bool,
}

/// The longest span a calendar shows: a year, with room for the weeks it begins and ends in.
pub const MAX_CALENDAR_DAYS: i64 = 372;

/// The days from `from` to `to` (at most `MAX_CALENDAR_DAYS` apart) that have a page or a
/// check-in.
pub fn calendar(journal: &Journal, from: NaiveDate, to: NaiveDate) -> Result<Vec<CalendarDay>> {
    if to < from || (to - from).num_days() > MAX_CALENDAR_DAYS {
        return Err(KeelError::InvalidSpan { from, to });
    }
    journal
        .days(from..=to)
        .filter_map(|d| match d {
            Ok(d) if d.is_blank() => None,
            Ok(d) => Some(Ok(CalendarDay {
                date: d.date,
                stress: d.check_in.stress,
                has_page: true,
            })),
            Err(e) => Some(Err(e)),
        })
        .collect()
}

/// A page from the same date in an earlier year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct EarlierPage {
    pub years_ago: u32,
    pub date: NaiveDate,
    pub stress: Option<u8>,
    pub excerpt: String,
}

/// The pages written on `date`'s day and month in the 30 years before it (29 February looks
/// back only to leap years).
pub fn on_this_day(journal: &Journal, date: NaiveDate) -> Result<Vec<EarlierPage>> {
    let mut out = Vec::new();
    for years_ago in 1..=30u32 {
        let Some(then) = date.with_year(date.year() - years_ago as i32) else {
            continue;
        };
        if let Some(day) = journal.day(then)? {
            if !day.is_blank() {
                out.push(EarlierPage {
                    years_ago,
                    date: then,
                    stress: day.check_in.stress,
                    excerpt: excerpt(&day),
                });
            }
        }
    }
    Ok(out)
}

/// The summary of `week` from the journal.
pub fn week_summary(journal: &Journal, week: WeekId, settings: &Settings) -> Result<WeekSummary> {
    let dates = week.days(settings.week_start);
    let from = dates[0] - chrono::Days::new(28);
    let days: Vec<DayEntry> = journal.days(from..=dates[6]).collect::<Result<_>>()?;
    Ok(summarize(week, settings, &days))
}

/// A week's page, as the app and `keel week` show it: the summary, the week's prompts, what was
/// written (if anything yet), and the boundary last week's page set for this one.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WeekPage {
    pub summary: WeekSummary,
    pub prompts: Vec<Prompt>,
    pub reflection: Option<WeekReflection>,
    pub last_week_boundary: Option<String>,
    /// The work cycle's events that share a day with the week.
    pub events: Vec<CycleEvent>,
    /// The values the week asks about: the active ones, then any retired one its reflection
    /// answered.
    pub values: Vec<PersonalValue>,
}

/// The page of `week`, in the person's own week (its start and review days from the settings).
pub fn week_page(journal: &Journal, week: WeekId) -> Result<WeekPage> {
    let settings = journal.settings()?;
    let reflection = journal.week(week)?;
    let days = week.days(settings.week_start);
    let book = journal.values()?;
    let mut values: Vec<PersonalValue> = book.active().cloned().collect();
    for check in reflection.iter().flat_map(|r| &r.values) {
        if let Some(v) = book.get(check.value).filter(|v| !v.active) {
            values.push(v.clone());
        }
    }
    Ok(WeekPage {
        summary: week_summary(journal, week, &settings)?,
        prompts: crate::prompts::weekly_set(week, &journal.prompts()?),
        events: journal.events_between(days[0], days[6])?,
        values,
        reflection,
        last_week_boundary: journal
            .week(week.pred())?
            .map(|w| w.next_boundary)
            .filter(|b| !b.is_empty()),
    })
}

#[cfg(test)]
mod tests;
