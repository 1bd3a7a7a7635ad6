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
use crate::cycle::{CycleEvent, CycleKind, ValueBook, ValueOutcome};
use crate::error::{KeelError, Result};
use crate::i18n::{Arg, Lang, Tr};
use crate::model::{Boundary, DayEntry, Settings, WeekId, WeekReflection};
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
    /// The plain comparisons, then one per kind of work-cycle event the range has.
    pub comparisons: Vec<Comparison>,
    /// The events that share a day with the range (the charts' markers).
    pub events: Vec<CycleEvent>,
    /// How each value held, month by month, over the weeks of the range that answered.
    pub values: Vec<ValueHistory>,
}

/// One value's answers in one month (a week counts in the month it starts in).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ValueMonth {
    /// `YYYY-MM`.
    pub month: String,
    pub held: usize,
    pub bent: usize,
    pub not_tested: usize,
}

/// How one value held over the range: counts, never a score.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ValueHistory {
    pub value: u32,
    pub name: String,
    pub active: bool,
    pub months: Vec<ValueMonth>,
    pub held: usize,
    pub bent: usize,
    pub not_tested: usize,
    pub sentence: String,
}

/// Days of the window an event kind's comparison looks at.
pub const BEFORE_DAYS: i64 = 14;
pub const AFTER_CHANGE_DAYS: i64 = 28;
pub const AFTER_TIME_OFF_DAYS: i64 = 14;

/// The days an event of its kind colours in the comparison, with the sentence's words for them.
fn event_window(kind: CycleKind, e: &CycleEvent) -> (NaiveDate, NaiveDate) {
    // Checked: a date at the calendar's edge (from a file) saturates instead of panicking.
    let shift = |d: NaiveDate, n: i64| {
        d.checked_add_signed(chrono::Duration::days(n))
            .unwrap_or(if n < 0 {
                NaiveDate::MIN
            } else {
                NaiveDate::MAX
            })
    };
    match kind {
        CycleKind::Review | CycleKind::Compensation | CycleKind::Planning | CycleKind::Launch => {
            (shift(e.start, -BEFORE_DAYS), shift(e.start, -1))
        }
        CycleKind::Reorg | CycleKind::NewRole => (e.start, shift(e.start, AFTER_CHANGE_DAYS - 1)),
        CycleKind::ShortStaffed => (e.start, e.end),
        CycleKind::TimeOff => (shift(e.end, 1), shift(e.end, AFTER_TIME_OFF_DAYS)),
    }
}

fn window_key(kind: CycleKind) -> &'static str {
    match kind {
        CycleKind::Review => "stress_before_review",
        CycleKind::Compensation => "stress_before_compensation",
        CycleKind::Planning => "stress_before_planning",
        CycleKind::Launch => "stress_before_launch",
        CycleKind::Reorg => "stress_after_reorg",
        CycleKind::NewRole => "stress_after_new_role",
        CycleKind::ShortStaffed => "stress_while_short_staffed",
        CycleKind::TimeOff => "stress_after_time_off",
    }
}

/// The catalogue's words for a comparison (`key`): what is measured (as the sentence's subject
/// and after "not enough data yet for"), and the labels of its two groups.
fn comparison_words(key: &str) -> (&'static str, &'static str, &'static str, &'static str) {
    match key {
        "stress_by_boundary" => (
            "cmp-stress",
            "cmp-stress-for",
            "cmp-boundary-held",
            "cmp-boundary-broke",
        ),
        "next_day_stress_by_boundary" => (
            "cmp-next-stress",
            "cmp-next-stress-for",
            "cmp-after-held",
            "cmp-after-broke",
        ),
        "resilience_by_reflection" => (
            "cmp-resilience",
            "cmp-resilience-for",
            "cmp-reflected",
            "cmp-unreflected",
        ),
        "stress_before_review" => (
            "cmp-stress",
            "cmp-stress-for",
            "cmp-before-review",
            "cmp-other-days",
        ),
        "stress_before_compensation" => (
            "cmp-stress",
            "cmp-stress-for",
            "cmp-before-compensation",
            "cmp-other-days",
        ),
        "stress_before_planning" => (
            "cmp-stress",
            "cmp-stress-for",
            "cmp-before-planning",
            "cmp-other-days",
        ),
        "stress_before_launch" => (
            "cmp-stress",
            "cmp-stress-for",
            "cmp-before-launch",
            "cmp-other-days",
        ),
        "stress_after_reorg" => (
            "cmp-stress",
            "cmp-stress-for",
            "cmp-after-reorg",
            "cmp-other-days",
        ),
        "stress_after_new_role" => (
            "cmp-stress",
            "cmp-stress-for",
            "cmp-after-new-role",
            "cmp-other-days",
        ),
        "stress_while_short_staffed" => (
            "cmp-stress",
            "cmp-stress-for",
            "cmp-short-staffed",
            "cmp-other-days",
        ),
        _ => (
            "cmp-stress",
            "cmp-stress-for",
            "cmp-after-time-off",
            "cmp-other-days",
        ),
    }
}

/// Writes `c`'s group labels and sentence in `tr`'s language (the numbers are the data's).
pub fn render_comparison(tr: &Tr, c: &mut Comparison) {
    let (what, what_for, a_label, b_label) = comparison_words(c.key);
    let days = [
        ("before", Arg::from(BEFORE_DAYS)),
        ("after", Arg::from(AFTER_CHANGE_DAYS)),
        ("time-off", Arg::from(AFTER_TIME_OFF_DAYS)),
    ];
    c.a.label = tr.get(a_label, &days);
    c.b.label = tr.get(b_label, &days);
    let mut args = vec![
        ("a-label", Arg::from(c.a.label.clone())),
        ("b-label", Arg::from(c.b.label.clone())),
        ("a-n", Arg::from(c.a.n)),
        ("b-n", Arg::from(c.b.n)),
        ("min", Arg::from(MIN_DAYS)),
    ];
    c.sentence = match (c.enough, c.a.mean, c.b.mean) {
        (true, Some(ma), Some(mb)) => {
            args.extend([
                ("what", Arg::from(tr.get(what, &[]))),
                ("a-mean", Arg::Decimal(ma, 1)),
                ("b-mean", Arg::Decimal(mb, 1)),
            ]);
            tr.get("cmp-enough", &args)
        }
        _ => {
            args.push(("what-for", Arg::from(tr.get(what_for, &[]))));
            tr.get("cmp-not-enough", &args)
        }
    };
}

/// A value's sentence of counts in `tr`'s language.
pub fn render_value(tr: &Tr, v: &mut ValueHistory) {
    let args = [
        ("name", Arg::from(v.name.clone())),
        ("tested", Arg::from(v.held + v.bent)),
        ("held", Arg::from(v.held)),
        ("bent", Arg::from(v.bent)),
        ("untested", Arg::from(v.not_tested)),
    ];
    v.sentence = if v.held + v.bent == 0 {
        tr.get("value-not-tested", &args)
    } else {
        tr.get("value-tested", &args)
    };
}

/// Stress in the days around each kind of event the range has, against the range's other days
/// with stress: one comparison per built-in kind with at least one event whose window meets the
/// range (the person's own kinds have no window Keel could know).
pub fn event_comparisons(
    points: &[Point],
    events: &[CycleEvent],
    from: NaiveDate,
    to: NaiveDate,
) -> Vec<Comparison> {
    let mut out = Vec::new();
    for kind in CycleKind::ALL {
        let windows: Vec<(NaiveDate, NaiveDate)> = events
            .iter()
            .filter(|e| e.kind.cycle() == Some(kind))
            .map(|e| event_window(kind, e))
            .filter(|(a, b)| *a <= to && from <= *b)
            .collect();
        if windows.is_empty() {
            continue;
        }
        let inside = |d: NaiveDate| windows.iter().any(|(a, b)| *a <= d && d <= *b);
        let (mut a, mut b) = (Vec::new(), Vec::new());
        for p in points {
            if let Some(s) = p.stress {
                if inside(p.date) { &mut a } else { &mut b }.push(f64::from(s));
            }
        }
        out.push(compare(window_key(kind), &a, &b));
    }
    out
}

/// How each value held over the weeks of `weeks` that start within `from..=to`: per month and
/// in all, with a sentence of counts. Values with no answer in the range are left out.
pub fn value_history(
    weeks: &[WeekReflection],
    book: &ValueBook,
    week_start: Weekday,
    from: NaiveDate,
    to: NaiveDate,
) -> Vec<ValueHistory> {
    let mut by_value: BTreeMap<u32, BTreeMap<String, ValueMonth>> = BTreeMap::new();
    for w in weeks {
        let first = w.week.first_day(week_start);
        if first < from || first > to {
            continue;
        }
        let month = first.format("%Y-%m").to_string();
        for check in &w.values {
            let m = by_value
                .entry(check.value)
                .or_default()
                .entry(month.clone())
                .or_insert_with(|| ValueMonth {
                    month: month.clone(),
                    held: 0,
                    bent: 0,
                    not_tested: 0,
                });
            match check.outcome {
                ValueOutcome::Held => m.held += 1,
                ValueOutcome::Bent => m.bent += 1,
                ValueOutcome::NotTested => m.not_tested += 1,
            }
        }
    }
    // The active values in the person's order, then the retired ones that have answers.
    let mut order: Vec<&crate::cycle::PersonalValue> = book.active().collect();
    order.extend(book.values.iter().filter(|v| !v.active));
    order
        .into_iter()
        .filter_map(|v| {
            let months: Vec<ValueMonth> = by_value.remove(&v.id)?.into_values().collect();
            let held = months.iter().map(|m| m.held).sum();
            let bent = months.iter().map(|m| m.bent).sum();
            let not_tested = months.iter().map(|m| m.not_tested).sum();
            let mut history = ValueHistory {
                value: v.id,
                name: v.name.clone(),
                active: v.active,
                months,
                held,
                bent,
                not_tested,
                sentence: String::new(),
            };
            render_value(crate::i18n::english(), &mut history);
            Some(history)
        })
        .collect()
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

/// Two groups set side by side, in English (`trends` renders them again in the journal's
/// language).
fn compare(key: &'static str, a: &[f64], b: &[f64]) -> Comparison {
    let (a, b) = (group("", a), group("", b));
    let enough = a.n >= MIN_DAYS && b.n >= MIN_DAYS;
    let mut c = Comparison {
        key,
        a,
        b,
        enough,
        sentence: String::new(),
    };
    render_comparison(crate::i18n::english(), &mut c);
    c
}

/// The rolling means of one value for every date in `dates`, from `values` (date and value,
/// sorted by date, one a date: `by_date`).
pub fn rolling(dates: &[NaiveDate], values: &[(NaiveDate, u8)]) -> Vec<(Option<f64>, usize)> {
    dates
        .iter()
        .map(|d| {
            let from = *d - chrono::Duration::days(WINDOW - 1);
            let lo = values.partition_point(|(x, _)| *x < from);
            let hi = values.partition_point(|(x, _)| x <= d);
            let window = values.get(lo..hi).unwrap_or_default();
            let sum: u32 = window.iter().map(|(_, v)| u32::from(*v)).sum();
            let n = window.len();
            ((n > 0).then(|| f64::from(sum) / n as f64), n)
        })
        .collect()
}

/// One value of each day that has it, sorted by date (of two days of one date, the later
/// given): what `rolling` and `value_on` search. A sorted list, not a map: 100,000 days of
/// trends spent most of their arithmetic building two maps.
fn by_date(
    days: &[DayEntry],
    value: impl Fn(&crate::model::CheckIn) -> Option<u8>,
) -> Vec<(NaiveDate, u8)> {
    let mut given: Vec<(NaiveDate, u8)> = days
        .iter()
        .filter_map(|d| value(&d.check_in).map(|v| (d.date, v)))
        .collect();
    // Stable: of one date's values the later given stays last.
    given.sort_by_key(|(d, _)| *d);
    let mut out: Vec<(NaiveDate, u8)> = Vec::with_capacity(given.len());
    for (date, v) in given {
        match out.last_mut() {
            Some(last) if last.0 == date => last.1 = v,
            _ => out.push((date, v)),
        }
    }
    out
}

/// The value on `date` in a list made by `by_date`.
fn value_on(values: &[(NaiveDate, u8)], date: NaiveDate) -> Option<u8> {
    values
        .binary_search_by_key(&date, |(d, _)| *d)
        .ok()
        .map(|i| values[i].1)
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
    let all_stress = by_date(days, |c| c.stress);
    let all_resilience = by_date(days, |c| c.resilience);
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

    // The days in range are sorted by date, so a week's days sit together.
    let week_of = |d: &DayEntry| WeekId::containing(d.date, settings.week_start);
    let weeks = in_range
        .chunk_by(|a, b| week_of(a) == week_of(b))
        .map(|list| WeekMeans {
            week: week_of(list[0]),
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
                    .and_then(|next| value_on(&all_stress, next))
                    .map(f64::from)
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
            &stress_on(Boundary::Kept),
            &stress_on(Boundary::Broken),
        ),
        compare(
            "next_day_stress_by_boundary",
            &next_day_after(Boundary::Kept),
            &next_day_after(Boundary::Broken),
        ),
        compare(
            "resilience_by_reflection",
            &resilience_when(true),
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
        events: Vec::new(),
        values: Vec::new(),
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
    let weeks = journal.weeks()?;
    let reflected: HashSet<WeekId> = weeks.iter().map(|w| w.week).collect();
    let mut trends = compute(&days, &reflected, &settings, range, today);
    let start = range.start(today);
    // Read once: the comparisons look at every event (a window may reach into the range), the
    // markers only at those in it.
    let events = journal.events()?;
    trends
        .comparisons
        .extend(event_comparisons(&trends.points, &events, start, today));
    trends.events = events
        .into_iter()
        .filter(|e| e.overlaps(start, today))
        .collect();
    trends.values = value_history(
        &weeks,
        &journal.values()?,
        settings.week_start,
        start,
        today,
    );
    // The sentences in the journal's language.
    let lang = journal.lang()?;
    if lang != Lang::En {
        let tr = crate::i18n::tr(lang);
        for c in &mut trends.comparisons {
            render_comparison(tr, c);
        }
        for v in &mut trends.values {
            render_value(tr, v);
        }
    }
    Ok(trends)
}

#[cfg(test)]
mod tests;
