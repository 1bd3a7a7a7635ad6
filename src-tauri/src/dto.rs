//! The types that cross IPC, and nothing else. TypeScript declarations for them are generated
//! by ts-rs into `ui/bindings/` (see the `bindings_are_current` test, which fails when they are
//! stale and rewrites them with `UPDATE_BINDINGS=1`).
//!
//! Field names follow the core's JSON (`self`, `after_hours_minutes`) so the CLI's `--json`
//! and the UI read alike. Every input type denies unknown fields.

use chrono::Weekday;
use chrono::{DateTime, FixedOffset, NaiveDate};
use keel::analytics;
use keel::model::{Appearance, PromptAnswer, Settings, WeekContent, WeekReflection};
use keel::model::{
    Boundary, Cadence, DayEntry, DayPatch, Prompt, PromptFields, PromptOrigin, Scale, Side, Theme,
};
use keel::prompts::DayPrompts;
use serde::{Deserialize, Serialize};

/// Kept or broken, as the UI spells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "lowercase")]
pub enum BoundaryDto {
    Kept,
    Broken,
}

impl From<Boundary> for BoundaryDto {
    fn from(b: Boundary) -> BoundaryDto {
        match b {
            Boundary::Kept => BoundaryDto::Kept,
            Boundary::Broken => BoundaryDto::Broken,
        }
    }
}

impl From<BoundaryDto> for Boundary {
    fn from(b: BoundaryDto) -> Boundary {
        match b {
            BoundaryDto::Kept => Boundary::Kept,
            BoundaryDto::Broken => Boundary::Broken,
        }
    }
}

/// A day's page as the UI shows it. `saved` is false for a day with no page yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct DayDto {
    pub date: String,
    pub saved: bool,
    pub role: String,
    #[serde(rename = "self")]
    #[cfg_attr(test, ts(rename = "self"))]
    pub self_text: String,
    pub stress: Option<u8>,
    pub resilience: Option<u8>,
    pub overlap: Option<u8>,
    pub boundary: Option<BoundaryDto>,
    pub after_hours_minutes: Option<u32>,
    pub tags: Vec<String>,
    pub prompt_ids: Vec<String>,
    /// RFC 3339 with the offset in force when saved; null until saved.
    pub updated_at: Option<String>,
}

impl DayDto {
    /// The page for `date`, or an empty unsaved one.
    pub fn new(date: NaiveDate, entry: Option<DayEntry>) -> DayDto {
        // A page holding only the prompts it showed is not yet a saved page.
        let saved = entry.as_ref().is_some_and(|e| !e.is_blank());
        let e = entry.unwrap_or_else(|| DayEntry::new(date, DateTime::<FixedOffset>::default()));
        DayDto {
            date: date.to_string(),
            saved,
            role: e.role,
            self_text: e.self_text,
            stress: e.check_in.stress,
            resilience: e.check_in.resilience,
            overlap: e.check_in.overlap,
            boundary: e.check_in.boundary.map(Into::into),
            after_hours_minutes: e.check_in.after_hours_minutes,
            tags: e.tags,
            prompt_ids: e.prompt_ids,
            updated_at: saved.then(|| e.updated_at.to_rfc3339()),
        }
    }
}

/// What the page sends on every save: its whole state (the app is the journal's only writer
/// while it runs, so the page's state is the truth). Ratings are null when not given.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct PageDto {
    pub role: String,
    #[serde(rename = "self")]
    #[cfg_attr(test, ts(rename = "self"))]
    pub self_text: String,
    pub stress: Option<i32>,
    pub resilience: Option<i32>,
    pub overlap: Option<i32>,
    pub boundary: Option<BoundaryDto>,
    pub after_hours_minutes: Option<i32>,
}

impl PageDto {
    /// The core patch that sets every field of the page (validation happens in the core).
    pub fn into_patch(self) -> DayPatch {
        DayPatch {
            role: Some(self.role),
            self_text: Some(self.self_text),
            prompt_ids: None,
            stress: Some(self.stress.map(i64::from)),
            resilience: Some(self.resilience.map(i64::from)),
            overlap: Some(self.overlap.map(i64::from)),
            boundary: Some(self.boundary.map(Into::into)),
            after_hours_minutes: Some(self.after_hours_minutes.map(i64::from)),
        }
    }
}

/// Mirrors of the core's prompt enums, so the wire names are fixed here.
macro_rules! wire_enum {
    ($name:ident <-> $core:ident { $($variant:ident = $core_variant:ident : $wire:literal),+ $(,)? }) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
        #[cfg_attr(test, derive(ts_rs::TS))]
        pub enum $name {
            $(#[serde(rename = $wire)] #[cfg_attr(test, ts(rename = $wire))] $variant),+
        }
        impl From<$core> for $name {
            fn from(v: $core) -> $name {
                match v { $($core::$core_variant => $name::$variant),+ }
            }
        }
        impl From<$name> for $core {
            fn from(v: $name) -> $core {
                match v { $($name::$variant => $core::$core_variant),+ }
            }
        }
    };
}

wire_enum!(SideDto <-> Side { Role = Role: "role", Myself = Myself: "self", Bridge = Bridge: "bridge" });
wire_enum!(CadenceDto <-> Cadence { Daily = Daily: "daily", Weekly = Weekly: "weekly" });
wire_enum!(ThemeDto <-> Theme {
    Boundaries = Boundaries: "boundaries",
    Pressure = Pressure: "pressure",
    Recovery = Recovery: "recovery",
    Values = Values: "values",
    Change = Change: "change",
    Relationships = Relationships: "relationships",
    Identity = Identity: "identity",
    Perspective = Perspective: "perspective",
});
wire_enum!(OriginDto <-> PromptOrigin { Shipped = Shipped: "shipped", User = User: "user" });
wire_enum!(WeekdayDto <-> Weekday {
    Mon = Mon: "mon",
    Tue = Tue: "tue",
    Wed = Wed: "wed",
    Thu = Thu: "thu",
    Fri = Fri: "fri",
    Sat = Sat: "sat",
    Sun = Sun: "sun",
});
wire_enum!(AppearanceDto <-> Appearance { System = System: "system", Light = Light: "light", Dark = Dark: "dark" });

/// The settings the app lets a person change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct SettingsDto {
    /// HH:MM, 24-hour clock.
    pub end_of_work: String,
    pub review_days: Vec<WeekdayDto>,
    pub week_start: WeekdayDto,
    pub reflection_day: WeekdayDto,
    pub theme: AppearanceDto,
    /// Minutes without use before an encrypted journal locks itself; 0: never. Absent: kept.
    #[serde(default)]
    pub auto_lock_minutes: Option<u32>,
}

impl From<Settings> for SettingsDto {
    fn from(s: Settings) -> SettingsDto {
        SettingsDto {
            end_of_work: s.end_of_work.format("%H:%M").to_string(),
            review_days: s.review_days.into_iter().map(Into::into).collect(),
            week_start: s.week_start.into(),
            reflection_day: s.reflection_day.into(),
            theme: s.theme.into(),
            auto_lock_minutes: Some(s.auto_lock_minutes),
        }
    }
}

impl SettingsDto {
    /// The core's settings, keeping what the app does not edit (reminders) from `current`.
    pub fn into_settings(self, current: Settings) -> keel::Result<Settings> {
        Ok(Settings {
            end_of_work: keel::model::parse_time(&self.end_of_work)?,
            review_days: self.review_days.into_iter().map(Into::into).collect(),
            week_start: self.week_start.into(),
            reflection_day: self.reflection_day.into(),
            theme: self.theme.into(),
            auto_lock_minutes: self.auto_lock_minutes.unwrap_or(current.auto_lock_minutes),
            ..current
        })
    }
}

/// A prompt as the UI shows and manages it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct PromptDto {
    pub id: String,
    pub side: SideDto,
    pub cadence: CadenceDto,
    pub theme: ThemeDto,
    pub text: String,
    pub origin: OriginDto,
    pub edited: bool,
    pub hidden: bool,
}

impl From<Prompt> for PromptDto {
    fn from(p: Prompt) -> PromptDto {
        PromptDto {
            id: p.id,
            side: p.side.into(),
            cadence: p.cadence.into(),
            theme: p.theme.into(),
            text: p.text,
            origin: p.origin.into(),
            edited: p.edited,
            hidden: p.hidden,
        }
    }
}

/// What a person fills in to add or edit a prompt.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct PromptFieldsDto {
    pub side: SideDto,
    pub cadence: CadenceDto,
    pub theme: ThemeDto,
    pub text: String,
}

impl From<PromptFieldsDto> for PromptFields {
    fn from(f: PromptFieldsDto) -> PromptFields {
        PromptFields {
            side: f.side.into(),
            cadence: f.cadence.into(),
            theme: f.theme.into(),
            text: f.text,
        }
    }
}

/// A day's prompts: one per column, sometimes a bridge, and the weekly set on the reflection day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct DayPromptsDto {
    pub date: String,
    pub role: Option<PromptDto>,
    #[serde(rename = "self")]
    #[cfg_attr(test, ts(rename = "self"))]
    pub myself: Option<PromptDto>,
    pub bridge: Option<PromptDto>,
    pub weekly: Vec<PromptDto>,
}

impl From<DayPrompts> for DayPromptsDto {
    fn from(d: DayPrompts) -> DayPromptsDto {
        DayPromptsDto {
            date: d.date.to_string(),
            role: d.daily.role.map(Into::into),
            myself: d.daily.myself.map(Into::into),
            bridge: d.daily.bridge.map(Into::into),
            weekly: d.weekly.into_iter().map(Into::into).collect(),
        }
    }
}

/// One rating over some days.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct MeasureDto {
    pub n: u32,
    pub mean: Option<f64>,
    pub min: Option<u8>,
    pub max: Option<u8>,
}

impl From<&analytics::Measure> for MeasureDto {
    fn from(m: &analytics::Measure) -> MeasureDto {
        MeasureDto {
            n: m.n as u32,
            mean: m.mean,
            min: m.min,
            max: m.max,
        }
    }
}

/// The three ratings over some days.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct RatingsDto {
    pub stress: MeasureDto,
    pub resilience: MeasureDto,
    pub overlap: MeasureDto,
}

impl From<&analytics::Ratings> for RatingsDto {
    fn from(r: &analytics::Ratings) -> RatingsDto {
        RatingsDto {
            stress: (&r.stress).into(),
            resilience: (&r.resilience).into(),
            overlap: (&r.overlap).into(),
        }
    }
}

/// One day of a week's summary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct DayPointDto {
    pub date: String,
    pub review_day: bool,
    pub has_page: bool,
    pub stress: Option<u8>,
    pub resilience: Option<u8>,
    pub overlap: Option<u8>,
    pub boundary: Option<BoundaryDto>,
    pub after_hours_minutes: Option<u32>,
}

/// The week's most stressful day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct HardestDayDto {
    pub date: String,
    pub stress: u8,
    pub excerpt: String,
}

/// A week's summary, computed by the core.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct WeekSummaryDto {
    pub days: Vec<DayPointDto>,
    pub n_checked_in: u32,
    pub this_week: RatingsDto,
    pub last_week: RatingsDto,
    pub four_weeks: RatingsDto,
    pub boundary_kept: u32,
    pub boundary_broken: u32,
    pub after_hours_minutes: u32,
    pub hardest_day: Option<HardestDayDto>,
    pub review_days: RatingsDto,
    pub other_days: RatingsDto,
}

impl From<&analytics::WeekSummary> for WeekSummaryDto {
    fn from(s: &analytics::WeekSummary) -> WeekSummaryDto {
        WeekSummaryDto {
            days: s
                .days
                .iter()
                .map(|d| DayPointDto {
                    date: d.date.to_string(),
                    review_day: d.review_day,
                    has_page: d.has_page,
                    stress: d.stress,
                    resilience: d.resilience,
                    overlap: d.overlap,
                    boundary: d.boundary.map(Into::into),
                    after_hours_minutes: d.after_hours_minutes,
                })
                .collect(),
            n_checked_in: s.n_checked_in as u32,
            this_week: (&s.this_week).into(),
            last_week: (&s.last_week).into(),
            four_weeks: (&s.four_weeks).into(),
            boundary_kept: s.boundary_kept as u32,
            boundary_broken: s.boundary_broken as u32,
            after_hours_minutes: s.after_hours_minutes,
            hardest_day: s.hardest_day.as_ref().map(|h| HardestDayDto {
                date: h.date.to_string(),
                stress: h.stress,
                excerpt: h.excerpt.clone(),
            }),
            review_days: (&s.review_days).into(),
            other_days: (&s.other_days).into(),
        }
    }
}

/// An answer to one of the week's prompts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct AnswerDto {
    pub prompt_id: String,
    pub text: String,
}

/// What a person writes on a week's page; sent whole on every save.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct WeekContentDto {
    pub answers: Vec<AnswerDto>,
    pub role_gave: Vec<String>,
    pub role_cost: Vec<String>,
    pub next_boundary: String,
    pub kept_last_boundary: Option<bool>,
}

impl From<WeekContentDto> for WeekContent {
    fn from(c: WeekContentDto) -> WeekContent {
        WeekContent {
            answers: c
                .answers
                .into_iter()
                .map(|a| PromptAnswer {
                    prompt_id: a.prompt_id,
                    text: a.text,
                })
                .collect(),
            role_gave: c.role_gave,
            role_cost: c.role_cost,
            next_boundary: c.next_boundary,
            kept_last_boundary: c.kept_last_boundary,
        }
    }
}

/// A week's page: its days, summary, prompts, what was written, and last week's boundary.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct WeekDto {
    pub week: String,
    pub previous_week: String,
    pub next_week: String,
    pub first_day: String,
    pub last_day: String,
    pub summary: WeekSummaryDto,
    pub prompts: Vec<PromptDto>,
    pub content: WeekContentDto,
    pub saved: bool,
    /// The boundary last week's page set for this week, if any.
    pub last_week_boundary: Option<String>,
}

impl WeekDto {
    pub fn new(page: analytics::WeekPage) -> WeekDto {
        let summary = &page.summary;
        let saved = page.reflection.is_some();
        let r = page.reflection.unwrap_or_else(|| {
            WeekReflection::new(
                summary.week,
                WeekContent::default(),
                Default::default(),
                Default::default(),
            )
        });
        WeekDto {
            week: summary.week.to_string(),
            previous_week: summary.week.pred().to_string(),
            next_week: summary.week.succ().to_string(),
            first_day: summary.first_day.to_string(),
            last_day: summary.last_day.to_string(),
            summary: summary.into(),
            prompts: page.prompts.into_iter().map(Into::into).collect(),
            content: WeekContentDto {
                answers: r
                    .answers
                    .into_iter()
                    .map(|a| AnswerDto {
                        prompt_id: a.prompt_id,
                        text: a.text,
                    })
                    .collect(),
                role_gave: r.role_gave,
                role_cost: r.role_cost,
                next_boundary: r.next_boundary,
                kept_last_boundary: r.kept_last_boundary,
            },
            saved,
            last_week_boundary: page.last_week_boundary,
        }
    }
}

/// How far an export has come.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ExportProgressDto {
    pub done: u32,
    pub total: u32,
}

/// A finished export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ExportDoneDto {
    pub path: String,
    /// Files written (1 for JSON and CSV).
    pub n_files: u32,
}

/// An entry an import could not use.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct BadEntryDto {
    pub entry: u32,
    pub field: String,
    pub reason: String,
}

/// What an import will do (preview) or did (after applying).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ImportPlanDto {
    pub source: String,
    pub n_entries: u32,
    pub n_new: u32,
    pub n_duplicates: u32,
    pub n_days: u32,
    pub first_date: Option<String>,
    pub last_date: Option<String>,
    pub conflicts: Vec<String>,
    pub skipped: Vec<BadEntryDto>,
    pub applied: bool,
}

impl ImportPlanDto {
    pub fn new(plan: &keel::interchange::ImportPlan, applied: bool) -> ImportPlanDto {
        ImportPlanDto {
            source: plan.source.name().to_owned(),
            n_entries: plan.n_entries as u32,
            n_new: plan.n_new as u32,
            n_duplicates: plan.n_duplicates as u32,
            n_days: plan.n_days as u32,
            first_date: plan.first_date.map(|d| d.to_string()),
            last_date: plan.last_date.map(|d| d.to_string()),
            conflicts: plan.conflicts.iter().map(ToString::to_string).collect(),
            skipped: plan
                .skipped
                .iter()
                .map(|b| BadEntryDto {
                    entry: b.entry as u32,
                    field: b.field.clone(),
                    reason: b.reason.clone(),
                })
                .collect(),
            applied,
        }
    }
}

/// One day on the trend charts.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct TrendPointDto {
    pub date: String,
    pub stress: Option<u8>,
    pub resilience: Option<u8>,
    pub overlap: Option<u8>,
    pub boundary: Option<BoundaryDto>,
    pub stress_mean: Option<f64>,
    pub stress_n: u32,
    pub resilience_mean: Option<f64>,
    pub resilience_n: u32,
}

/// A weekday's averages.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct WeekdayProfileDto {
    pub weekday: WeekdayDto,
    pub review_day: bool,
    pub stress: MeasureDto,
    pub resilience: MeasureDto,
}

/// One side of a comparison.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct GroupDto {
    pub label: String,
    pub n: u32,
    pub mean: Option<f64>,
    pub sd: Option<f64>,
}

/// A plain comparison with its numbers.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ComparisonDto {
    pub key: String,
    pub a: GroupDto,
    pub b: GroupDto,
    pub enough: bool,
    pub sentence: String,
}

/// What the Trends page draws.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct TrendsDto {
    pub range: String,
    pub from: Option<String>,
    pub to: String,
    pub points: Vec<TrendPointDto>,
    pub weekdays: Vec<WeekdayProfileDto>,
    pub comparisons: Vec<ComparisonDto>,
}

impl From<&analytics::trends::Trends> for TrendsDto {
    fn from(t: &analytics::trends::Trends) -> TrendsDto {
        let group = |g: &analytics::trends::Group| GroupDto {
            label: g.label.clone(),
            n: g.n as u32,
            mean: g.mean,
            sd: g.sd,
        };
        TrendsDto {
            range: serde_json::to_value(t.range)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default(),
            from: t.from.map(|d| d.to_string()),
            to: t.to.to_string(),
            points: t
                .points
                .iter()
                .map(|p| TrendPointDto {
                    date: p.date.to_string(),
                    stress: p.stress,
                    resilience: p.resilience,
                    overlap: p.overlap,
                    boundary: p.boundary.map(Into::into),
                    stress_mean: p.stress_mean,
                    stress_n: p.stress_n as u32,
                    resilience_mean: p.resilience_mean,
                    resilience_n: p.resilience_n as u32,
                })
                .collect(),
            weekdays: t
                .weekdays
                .iter()
                .map(|w| WeekdayProfileDto {
                    weekday: w.weekday.into(),
                    review_day: w.review_day,
                    stress: (&w.stress).into(),
                    resilience: (&w.resilience).into(),
                })
                .collect(),
            comparisons: t
                .comparisons
                .iter()
                .map(|c| ComparisonDto {
                    key: c.key.to_owned(),
                    a: group(&c.a),
                    b: group(&c.b),
                    enough: c.enough,
                    sentence: c.sentence.clone(),
                })
                .collect(),
        }
    }
}

/// A piece of a search snippet; `hit` pieces matched the query.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct SegmentDto {
    pub text: String,
    pub hit: bool,
}

/// One search result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct HitDto {
    pub date: String,
    pub week: Option<String>,
    /// "role", "self" or "week".
    pub side: String,
    pub snippet: Vec<SegmentDto>,
    pub stress: Option<u8>,
}

impl From<keel::search::Hit> for HitDto {
    fn from(h: keel::search::Hit) -> HitDto {
        HitDto {
            date: h.date.to_string(),
            week: h.week.map(|w| w.to_string()),
            side: match h.side {
                keel::search::HitSide::Role => "role",
                keel::search::HitSide::Myself => "self",
                keel::search::HitSide::Week => "week",
            }
            .into(),
            snippet: h
                .snippet
                .into_iter()
                .map(|s| SegmentDto {
                    text: s.text,
                    hit: s.hit,
                })
                .collect(),
            stress: h.stress,
        }
    }
}

/// Search results with the words to highlight when a result is opened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct SearchDto {
    pub hits: Vec<HitDto>,
    /// The query's words and phrase words, folded (lower case, no accents).
    pub terms: Vec<String>,
}

/// A tag and how many days have it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct TagCountDto {
    pub tag: String,
    pub days: u32,
}

/// One day on the calendar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct CalendarDayDto {
    pub date: String,
    pub stress: Option<u8>,
}

/// A page from the same date in an earlier year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct EarlierPageDto {
    pub years_ago: u32,
    pub date: String,
    pub excerpt: String,
}

/// A backup of the journal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct BackupDto {
    /// The file's name in the backups folder (the only way the page can name a backup).
    pub name: String,
    /// Local time, YYYY-MM-DD HH:MM.
    pub taken_at: String,
    pub bytes: u32,
}

impl From<keel::backup::Backup> for BackupDto {
    fn from(b: keel::backup::Backup) -> BackupDto {
        BackupDto {
            name: b
                .path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            taken_at: b.taken_at.format("%Y-%m-%d %H:%M").to_string(),
            bytes: b.bytes.min(u64::from(u32::MAX)) as u32,
        }
    }
}

/// One check-in scale with its words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ScaleDto {
    pub field: String,
    pub min: u8,
    pub max: u8,
    pub low_words: String,
    pub middle_words: String,
    pub high_words: String,
}

impl From<Scale> for ScaleDto {
    fn from(s: Scale) -> ScaleDto {
        ScaleDto {
            field: s.field.to_owned(),
            min: s.min,
            max: s.max,
            low_words: s.low_words.to_owned(),
            middle_words: s.middle_words.to_owned(),
            high_words: s.high_words.to_owned(),
        }
    }
}

/// What the page needs once at start.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct AppInfoDto {
    /// Today's local date, YYYY-MM-DD.
    pub today: String,
    pub version: String,
    /// The journal folder, or null when none could be resolved.
    pub journal_dir: Option<String>,
    /// The error that kept the journal closed, if any (`locked`: encrypted, not unlocked yet).
    pub journal_error: Option<crate::error::ErrorDto>,
    /// Whether the journal is encrypted (a locked journal is).
    pub encrypted: bool,
    pub scales: Vec<ScaleDto>,
    /// The end-of-work time, HH:MM.
    pub end_of_work: String,
    pub settings: SettingsDto,
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use ts_rs::TS;

    use super::*;
    use crate::error::ErrorDto;

    /// Every type a command takes or returns, with every type those name (ts-rs follows
    /// them), generated afresh into a scratch folder and compared with `ui/bindings/`: a file
    /// missing, extra or stale fails; `UPDATE_BINDINGS=1` writes the folder anew instead.
    #[test]
    fn bindings_are_current() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/bindings");
        let scratch = tempfile::tempdir().unwrap();
        let cfg = ts_rs::Config::new().with_out_dir(scratch.path());
        let mut roots = std::collections::BTreeSet::new();
        macro_rules! export {
            ($($ty:ty),+ $(,)?) => {$(
                <$ty>::export_all(&cfg).unwrap();
                roots.insert(<$ty>::ident(&cfg));
            )+};
        }
        export!(
            AppInfoDto,
            DayDto,
            PageDto,
            DayPromptsDto,
            PromptDto,
            PromptFieldsDto,
            SideDto,
            WeekDto,
            WeekContentDto,
            SettingsDto,
            ImportPlanDto,
            keel::interchange::ExportFormat,
            ExportProgressDto,
            ExportDoneDto,
            TrendsDto,
            SearchDto,
            TagCountDto,
            CalendarDayDto,
            EarlierPageDto,
            BackupDto,
            ErrorDto,
        );
        let names = |d: &Path| -> std::collections::BTreeMap<String, String> {
            std::fs::read_dir(d)
                .map(|entries| {
                    entries
                        .map(|e| e.unwrap().path())
                        .filter(|p| p.extension().is_some_and(|x| x == "ts"))
                        .map(|p| {
                            let name = p.file_stem().unwrap().to_string_lossy().into_owned();
                            (name, std::fs::read_to_string(&p).unwrap())
                        })
                        .collect()
                })
                .unwrap_or_default()
        };
        let generated = names(scratch.path());

        // A type a command names must have a binding (a root above, or a type a root names).
        let commands =
            std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/commands.rs"))
                .unwrap();
        let unbound: Vec<String> = command_types(&commands)
            .into_iter()
            .filter(|t| !generated.contains_key(t))
            .collect();
        assert!(
            unbound.is_empty(),
            "commands name {unbound:?}, which have no binding: add them to the roots above"
        );

        if std::env::var_os("UPDATE_BINDINGS").is_some() {
            for old in names(&dir).keys() {
                std::fs::remove_file(dir.join(format!("{old}.ts"))).unwrap();
            }
            std::fs::create_dir_all(&dir).unwrap();
            for (name, text) in &generated {
                std::fs::write(dir.join(format!("{name}.ts")), text).unwrap();
            }
            return;
        }
        let current = names(&dir);
        let missing: Vec<&String> = generated
            .keys()
            .filter(|n| !current.contains_key(*n))
            .collect();
        let extra: Vec<&String> = current
            .keys()
            .filter(|n| !generated.contains_key(*n))
            .collect();
        let stale: Vec<&String> = generated
            .iter()
            .filter(|(n, text)| current.get(*n).is_some_and(|c| c != *text))
            .map(|(n, _)| n)
            .collect();
        assert!(
            missing.is_empty() && extra.is_empty() && stale.is_empty(),
            "ui/bindings is out of date (missing {missing:?}, extra {extra:?}, stale {stale:?}): \
             run `UPDATE_BINDINGS=1 cargo test -p keel-desktop bindings`"
        );
    }

    /// The wire types named in the signatures of `#[tauri::command]` functions in `source`: the
    /// capitalised type names, less the shell's own and the standard ones.
    fn command_types(source: &str) -> std::collections::BTreeSet<String> {
        use syn::visit::Visit;
        const NOT_WIRE: &[&str] = &[
            "Result",
            "Option",
            "Vec",
            "String",
            "State",
            "AppHandle",
            "Channel",
            "Request",
            "WebviewWindow",
            "AppState",
            "R",
            "Runtime",
        ];
        #[derive(Default)]
        struct Types(std::collections::BTreeSet<String>);
        impl<'ast> Visit<'ast> for Types {
            fn visit_path_segment(&mut self, s: &'ast syn::PathSegment) {
                let name = s.ident.to_string();
                if name.starts_with(|c: char| c.is_ascii_uppercase())
                    && !NOT_WIRE.contains(&name.as_str())
                {
                    self.0.insert(name);
                }
                syn::visit::visit_path_segment(self, s);
            }
        }
        let file = syn::parse_file(source).unwrap();
        let mut types = Types::default();
        for item in &file.items {
            if let syn::Item::Fn(f) = item {
                let is_command = f.attrs.iter().any(|a| {
                    a.path()
                        .segments
                        .last()
                        .is_some_and(|s| s.ident == "command")
                });
                if is_command {
                    types.visit_signature(&f.sig);
                }
            }
        }
        types.0
    }

    /// The signature scan finds what a command names, and nothing of the shell's own.
    #[test]
    fn command_types_are_found_in_signatures() {
        let found = command_types(
            "#[tauri::command] pub async fn f<R: tauri::Runtime>(s: State<'_, AppState>, \
             p: PageDto, c: Channel<ExportProgressDto>) -> Result<Option<DayDto>, ErrorDto> { todo!() }\n\
             fn helper(x: HiddenDto) {}",
        );
        let expected: std::collections::BTreeSet<String> =
            ["PageDto", "ExportProgressDto", "DayDto", "ErrorDto"]
                .into_iter()
                .map(String::from)
                .collect();
        assert_eq!(found, expected);
    }

    #[test]
    fn a_page_becomes_a_patch_that_sets_every_field() {
        let page: PageDto = serde_json::from_str(
            r#"{"role":"r","self":"s","stress":3,"resilience":null,"overlap":7,"boundary":"kept","after_hours_minutes":null}"#,
        )
        .unwrap();
        let patch = page.into_patch();
        assert_eq!(patch.stress, Some(Some(3)));
        assert_eq!(patch.resilience, Some(None));
        assert_eq!(patch.boundary, Some(Some(Boundary::Kept)));
        assert_eq!(
            patch.prompt_ids, None,
            "the page never overwrites the prompts shown"
        );
    }

    #[test]
    fn unknown_fields_are_refused() {
        let err = serde_json::from_str::<PageDto>(
            r#"{"role":"r","self":"s","stress":3,"resilience":null,"overlap":7,"boundary":null,"after_hours_minutes":null,"admin":true}"#,
        )
        .unwrap_err();
        assert!(err.to_string().contains("unknown field `admin`"), "{err}");
    }
}
