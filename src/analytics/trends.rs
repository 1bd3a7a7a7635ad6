//! Trends over a range of days: the daily series with 7-day rolling means, weekly means, the
//! weekday profile, and plain comparisons with their counts.
//!
//! A rolling mean for a date is the mean over the days of the seven ending on it that have the
//! value, and it says how many it had. A comparison reports each side's mean, count and spread,
//! and says "not enough data yet" while either side has fewer than `MIN_DAYS` days: below five,
//! one day changes a mean on a 1–10 scale by a point or more, which is noise, not a pattern.
//! Nothing here is worded as a cause or a diagnosis.

use std::collections::{BTreeMap, HashSet};

use chrono::{Datelike, NaiveDate, Weekday};
use serde::Serialize;

use super::Measure;
use crate::error::{KeelError, Result};
use crate::model::{Boundary, DayEntry, Settings, WeekId};
use crate::store::Journal;

/// The fewest days each side of a comparison needs before it is shown.
pub const MIN_DAYS: usize = 5;
/// Days in a rolling window.
pub const WINDOW: i64 = 7;

crate::wire::wire_enum! {
    /// The ranges the charts offer.
    pub enum Range ("a range") {
        Days30 = "30d",
        Days90 = "90d",
        Year = "1y",
        All = "all",
    }
}

impl Range {
    /// The range `text` names, or `InvalidRange` (what the app's commands answer).
    pub fn named(text: &str) -> Result<Range> {
        text.parse().map_err(|_| KeelError::InvalidRange {
            input: text.trim().to_owned(),
        })
    }

    /// The first day of the range ending `today`.
    pub fn start(self, today: NaiveDate) -> NaiveDate {
        let back = |days: u64| {
            today
                .checked_sub_days(chrono::Days::new(days))
                .unwrap_or(NaiveDate::MIN)
        };
        match self {
            Range::Days30 => back(29),
            Range::Days90 => back(89),
            Range::Year => back(364),
            Range::All => NaiveDate::MIN,
        }
    }
}

/// One day on the chart.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "TrendPoint"))]
pub struct Point {
    pub date: NaiveDate,
    pub stress: Option<u8>,
    pub resilience: Option<u8>,
    pub overlap: Option<u8>,
    pub boundary: Option<Boundary>,
    /// 7-day rolling means ending on this day, over the days that have the value.
    pub stress_mean: Option<f64>,
    pub stress_n: usize,
    pub resilience_mean: Option<f64>,
    pub resilience_n: usize,
}

/// One ISO week's means.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct WeekMeans {
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub week: WeekId,
    pub stress: Measure,
    pub resilience: Measure,
    pub overlap: Measure,
}

/// One weekday's averages.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct WeekdayProfile {
    #[serde(with = "crate::model::weekday_name")]
    #[cfg_attr(feature = "ts", ts(as = "crate::model::WeekdayName"))]
    pub weekday: Weekday,
    pub review_day: bool,
    pub stress: Measure,
    pub resilience: Measure,
}

/// One side of a comparison.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Group {
    pub label: String,
    pub n: usize,
    pub mean: Option<f64>,
    /// Sample standard deviation (needs two days).
    pub sd: Option<f64>,
}

/// Two groups of days set side by side, with a plain sentence.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Comparison {
    pub key: &'static str,
    pub a: Group,
    pub b: Group,
    pub enough: bool,
    pub sentence: String,
}

/// Everything the Trends page and `keel stats` show.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Trends {
    pub range: Range,
    pub from: Option<NaiveDate>,
    pub to: NaiveDate,
    /// Days in the range with a rating or a boundary answer, oldest first.
    pub points: Vec<Point>,
    pub weeks: Vec<WeekMeans>,
    pub weekdays: Vec<WeekdayProfile>,
    pub comparisons: Vec<Comparison>,
}

fn group(label: &str, values: &[f64]) -> Group {
    let n = values.len();
    let mean = (n > 0).then(|| values.iter().sum::<f64>() / n as f64);
    let sd = mean
        .filter(|_| n > 1)
        .map(|m| (values.iter().map(|v| (v - m).powi(2)).sum::<f64>() / (n - 1) as f64).sqrt());
    Group {
        label: label.to_owned(),
        n,
        mean,
        sd,
    }
}

fn compare(
    key: &'static str,
    what: &str,
    a_label: &str,
    a: &[f64],
    b_label: &str,
    b: &[f64],
) -> Comparison {
    let (a, b) = (group(a_label, a), group(b_label, b));
    let enough = a.n >= MIN_DAYS && b.n >= MIN_DAYS;
    let sentence = match (enough, a.mean, b.mean) {
        (true, Some(ma), Some(mb)) => format!(
            "{what} averaged {ma:.1} {a_label} ({} days) and {mb:.1} {b_label} ({} days).",
            a.n, b.n
        ),
        _ => format!(
            "Not enough data yet for {}: {} days {a_label} and {} {b_label}; this comparison starts at {MIN_DAYS} of each.",
            what.to_lowercase(),
            a.n,
            b.n
        ),
    };
    Comparison {
        key,
        a,
        b,
        enough,
        sentence,
    }
}

/// The rolling means of one value for every date in `dates`, from `values` (date → value).
pub fn rolling(dates: &[NaiveDate], values: &BTreeMap<NaiveDate, u8>) -> Vec<(Option<f64>, usize)> {
    dates
        .iter()
        .map(|d| {
            let from = *d - chrono::Duration::days(WINDOW - 1);
            let (sum, n) = values
                .range(from..=*d)
                .fold((0u32, 0usize), |(s, n), (_, v)| (s + u32::from(*v), n + 1));
            ((n > 0).then(|| f64::from(sum) / n as f64), n)
        })
        .collect()
}

/// Computes the trends of `days` (any order, any span) for `range` ending `today`.
/// `reflected` holds the weeks that have a weekly reflection.
pub fn compute(
    days: &[DayEntry],
    reflected: &HashSet<WeekId>,
    settings: &Settings,
    range: Range,
    today: NaiveDate,
) -> Trends {
    let start = range.start(today);
    let mut in_range: Vec<&DayEntry> = days
        .iter()
        .filter(|d| d.date >= start && d.date <= today && !d.check_in.is_empty())
        .collect();
    in_range.sort_by_key(|d| d.date);
    let all_stress: BTreeMap<NaiveDate, u8> = days
        .iter()
        .filter_map(|d| d.check_in.stress.map(|s| (d.date, s)))
        .collect();
    let all_resilience: BTreeMap<NaiveDate, u8> = days
        .iter()
        .filter_map(|d| d.check_in.resilience.map(|s| (d.date, s)))
        .collect();
    let dates: Vec<NaiveDate> = in_range.iter().map(|d| d.date).collect();
    let stress_rolling = rolling(&dates, &all_stress);
    let resilience_rolling = rolling(&dates, &all_resilience);
    let points: Vec<Point> = in_range
        .iter()
        .zip(stress_rolling.iter().zip(&resilience_rolling))
        .map(|(d, (s, r))| Point {
            date: d.date,
            stress: d.check_in.stress,
            resilience: d.check_in.resilience,
            overlap: d.check_in.overlap,
            boundary: d.check_in.boundary,
            stress_mean: s.0,
            stress_n: s.1,
            resilience_mean: r.0,
            resilience_n: r.1,
        })
        .collect();

    let mut by_week: BTreeMap<WeekId, Vec<&DayEntry>> = BTreeMap::new();
    for d in &in_range {
        by_week
            .entry(WeekId::containing(d.date, settings.week_start))
            .or_default()
            .push(d);
    }
    let weeks = by_week
        .iter()
        .map(|(week, list)| WeekMeans {
            week: *week,
            stress: Measure::of(list.iter().filter_map(|d| d.check_in.stress)),
            resilience: Measure::of(list.iter().filter_map(|d| d.check_in.resilience)),
            overlap: Measure::of(list.iter().filter_map(|d| d.check_in.overlap)),
        })
        .collect();

    let week_order = std::iter::successors(Some(settings.week_start), |d| Some(d.succ())).take(7);
    let weekdays = week_order
        .map(|weekday: Weekday| {
            let list: Vec<&&DayEntry> = in_range
                .iter()
                .filter(|d| d.date.weekday() == weekday)
                .collect();
            WeekdayProfile {
                weekday,
                review_day: settings.review_days.contains(&weekday),
                stress: Measure::of(list.iter().filter_map(|d| d.check_in.stress)),
                resilience: Measure::of(list.iter().filter_map(|d| d.check_in.resilience)),
            }
        })
        .collect();

    let stress_on = |b: Boundary| -> Vec<f64> {
        in_range
            .iter()
            .filter(|d| d.check_in.boundary == Some(b))
            .filter_map(|d| d.check_in.stress.map(f64::from))
            .collect()
    };
    let next_day_after = |b: Boundary| -> Vec<f64> {
        in_range
            .iter()
            .filter(|d| d.check_in.boundary == Some(b))
            .filter_map(|d| {
                d.date
                    .succ_opt()
                    .and_then(|next| all_stress.get(&next))
                    .map(|s| f64::from(*s))
            })
            .collect()
    };
    let resilience_when = |with: bool| -> Vec<f64> {
        in_range
            .iter()
            .filter(|d| {
                reflected.contains(&WeekId::containing(d.date, settings.week_start)) == with
            })
            .filter_map(|d| d.check_in.resilience.map(f64::from))
            .collect()
    };
    let comparisons = vec![
        compare(
            "stress_by_boundary",
            "Stress",
            "on days the boundary held",
            &stress_on(Boundary::Kept),
            "on days it broke",
            &stress_on(Boundary::Broken),
        ),
        compare(
            "next_day_stress_by_boundary",
            "The next day's stress",
            "after the boundary held",
            &next_day_after(Boundary::Kept),
            "after it broke",
            &next_day_after(Boundary::Broken),
        ),
        compare(
            "resilience_by_reflection",
            "Resilience",
            "in weeks with a weekly reflection",
            &resilience_when(true),
            "in weeks without one",
            &resilience_when(false),
        ),
    ];
    Trends {
        range,
        from: (range != Range::All)
            .then_some(start)
            .or(dates.first().copied()),
        to: today,
        points,
        weeks,
        weekdays,
        comparisons,
    }
}

/// The trends of the journal for `range` ending `today`.
pub fn trends(journal: &Journal, range: Range, today: NaiveDate) -> Result<Trends> {
    let settings = journal.settings()?;
    // One day of the window before the range, for the first rolling means.
    let from = range
        .start(today)
        .checked_sub_days(chrono::Days::new(WINDOW as u64))
        .unwrap_or(NaiveDate::MIN);
    // Only the check-ins are read: the charts never need the text.
    let epoch = chrono::DateTime::<chrono::FixedOffset>::default();
    let days: Vec<DayEntry> = journal
        .check_ins(from..=today + chrono::Days::new(1))?
        .into_iter()
        .map(|(date, check_in)| DayEntry {
            check_in,
            ..DayEntry::new(date, epoch)
        })
        .collect();
    let reflected: HashSet<WeekId> = journal.weeks()?.into_iter().map(|w| w.week).collect();
    Ok(compute(&days, &reflected, &settings, range, today))
}

#[cfg(test)]
mod tests;
