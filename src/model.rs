//! The journal's plain data: a day's page, its check-in, a week's reflection and the settings.
//!
//! These types are what the rest of the core and the shells work with; they are serde-able for
//! the CLI's `--json` output, but they are *not* the on-disk format (that is private to
//! `store::records`, versioned there) nor the IPC format (the shell's `dto.rs`).
//! Validation of every user-supplied value lives here, so no layer can store a stress of 11.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveTime, Weekday};
use serde::{Deserialize, Serialize};

use crate::cycle::ValueCheck;
use crate::error::{KeelError, Result};
use crate::markdown;
use crate::wire::wire_enum;

/// One rating scale of the daily check-in, with the words shown at its ends and middle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Scale {
    /// The field name, as in JSON and error messages.
    pub field: &'static str,
    pub min: u8,
    pub max: u8,
    pub low_words: &'static str,
    pub middle_words: &'static str,
    pub high_words: &'static str,
}

impl Scale {
    /// Checks `value` against the scale and narrows it to `u8`.
    pub fn check(&self, value: i64) -> Result<u8> {
        if value < i64::from(self.min) || value > i64::from(self.max) {
            return Err(KeelError::InvalidRating {
                field: self.field,
                value,
                min: self.min,
                max: self.max,
            });
        }
        // In range 1..=10 after the check above, so the narrowing cannot truncate.
        Ok(value as u8)
    }
}

/// Stress 1–10.
pub const STRESS: Scale = Scale {
    field: "stress",
    min: 1,
    max: 10,
    low_words: "calm",
    middle_words: "stretched",
    high_words: "overwhelmed",
};

/// Resilience 1–10.
pub const RESILIENCE: Scale = Scale {
    field: "resilience",
    min: 1,
    max: 10,
    low_words: "depleted",
    middle_words: "holding",
    high_words: "steady and restored",
};

/// Role overlap 1–7: how much of me was my role today.
pub const OVERLAP: Scale = Scale {
    field: "overlap",
    min: 1,
    max: 7,
    low_words: "my role was a small part of me",
    middle_words: "about half",
    high_words: "I was only my role",
};

/// The most minutes one day can hold after its end-of-work time.
pub const MAX_AFTER_HOURS_MINUTES: u32 = 24 * 60;

wire_enum! {
    /// Whether work stopped by the chosen end-of-work time.
    pub enum Boundary ("the boundary") {
        Kept = "kept",
        Broken = "broken",
    }
}

/// The day's check-in. Every field is optional: a day may have words and no numbers.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckIn {
    pub stress: Option<u8>,
    pub resilience: Option<u8>,
    pub overlap: Option<u8>,
    pub boundary: Option<Boundary>,
    pub after_hours_minutes: Option<u32>,
}

impl CheckIn {
    /// Refuses any value outside its scale. The store calls this before every write and after
    /// every read, so an invalid check-in can neither be saved nor silently loaded.
    pub fn validate(&self) -> Result<()> {
        for (scale, value) in [
            (STRESS, self.stress),
            (RESILIENCE, self.resilience),
            (OVERLAP, self.overlap),
        ] {
            if let Some(v) = value {
                scale.check(i64::from(v))?;
            }
        }
        if let Some(minutes) = self.after_hours_minutes {
            check_minutes(i64::from(minutes))?;
        }
        Ok(())
    }

    /// True when no rating has been given.
    pub fn is_empty(&self) -> bool {
        *self == CheckIn::default()
    }
}

/// Checks after-hours minutes (0..=1440) and narrows them.
pub fn check_minutes(value: i64) -> Result<u32> {
    if !(0..=i64::from(MAX_AFTER_HOURS_MINUTES)).contains(&value) {
        return Err(KeelError::InvalidMinutes {
            value,
            max: MAX_AFTER_HOURS_MINUTES,
        });
    }
    // In 0..=1440 after the check above.
    Ok(value as u32)
}

/// One day's page: the role side, the self side, the prompts shown and the check-in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayEntry {
    /// The local calendar date the page belongs to.
    pub date: NaiveDate,
    /// "What I do": Markdown.
    pub role: String,
    /// "Who I am": Markdown.
    #[serde(rename = "self")]
    pub self_text: String,
    #[serde(flatten)]
    pub check_in: CheckIn,
    /// `#tags` found in either side, lower-cased, sorted, unique. Derived, never typed in.
    pub tags: Vec<String>,
    /// Ids of the prompts shown with this page.
    pub prompt_ids: Vec<String>,
    /// First saved: the instant with the UTC offset in force where it was written.
    pub created_at: DateTime<FixedOffset>,
    /// Last saved, likewise.
    pub updated_at: DateTime<FixedOffset>,
}

impl DayEntry {
    /// An empty page for `date`, created at `now`.
    pub fn new(date: NaiveDate, now: DateTime<FixedOffset>) -> DayEntry {
        DayEntry {
            date,
            role: String::new(),
            self_text: String::new(),
            check_in: CheckIn::default(),
            tags: Vec::new(),
            prompt_ids: Vec::new(),
            created_at: now,
            updated_at: now,
        }
    }

    /// Recomputes the derived tags from both sides.
    pub fn refresh_tags(&mut self) {
        let mut tags = markdown::extract_tags(&self.role);
        tags.extend(markdown::extract_tags(&self.self_text));
        tags.sort();
        tags.dedup();
        self.tags = tags;
    }

    /// True when the page holds nothing a person wrote or rated.
    pub fn is_blank(&self) -> bool {
        self.role.trim().is_empty() && self.self_text.trim().is_empty() && self.check_in.is_empty()
    }
}

/// A change to one day's page: each `Some` field replaces the stored one, each `None` leaves it.
/// For ratings, `Some(None)` clears the rating. Values are raw (`i64`) so that an out-of-range
/// number reaches validation intact and is reported as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DayPatch {
    pub role: Option<String>,
    pub self_text: Option<String>,
    pub prompt_ids: Option<Vec<String>>,
    pub stress: Option<Option<i64>>,
    pub resilience: Option<Option<i64>>,
    pub overlap: Option<Option<i64>>,
    pub boundary: Option<Option<Boundary>>,
    pub after_hours_minutes: Option<Option<i64>>,
}

impl DayPatch {
    /// True when the patch changes nothing.
    pub fn is_empty(&self) -> bool {
        *self == DayPatch::default()
    }

    /// Applies the patch to `entry`, validating every value first: on error `entry` is
    /// untouched. Updates tags and `updated_at`.
    pub fn apply_to(&self, entry: &DayEntry, now: DateTime<FixedOffset>) -> Result<DayEntry> {
        let rating =
            |scale: Scale, change: Option<Option<i64>>, old: Option<u8>| -> Result<Option<u8>> {
                match change {
                    None => Ok(old),
                    Some(None) => Ok(None),
                    Some(Some(v)) => scale.check(v).map(Some),
                }
            };
        let check_in = CheckIn {
            stress: rating(STRESS, self.stress, entry.check_in.stress)?,
            resilience: rating(RESILIENCE, self.resilience, entry.check_in.resilience)?,
            overlap: rating(OVERLAP, self.overlap, entry.check_in.overlap)?,
            boundary: self.boundary.unwrap_or(entry.check_in.boundary),
            after_hours_minutes: match self.after_hours_minutes {
                None => entry.check_in.after_hours_minutes,
                Some(None) => None,
                Some(Some(v)) => Some(check_minutes(v)?),
            },
        };
        let mut next = entry.clone();
        if let Some(role) = &self.role {
            next.role.clone_from(role);
        }
        if let Some(self_text) = &self.self_text {
            next.self_text.clone_from(self_text);
        }
        if let Some(ids) = &self.prompt_ids {
            next.prompt_ids.clone_from(ids);
        }
        next.check_in = check_in;
        next.refresh_tags();
        next.updated_at = now;
        Ok(next)
    }

    /// The patch as it should apply to `current` when the editor that made it had loaded
    /// `base`, and `current` was saved since (by sync, or by `keel add` while the page was
    /// open): a field left as loaded keeps what is stored now; a text edited on both sides is
    /// merged three-way (`merge::three_way`), with both versions in a conflict block named
    /// `ours` and `theirs` where the same lines changed; any other field edited here is taken.
    /// When `current` is what the editor loaded, or there is no page now, this is the patch
    /// itself.
    pub fn rebased(
        &self,
        base: &DayPatch,
        current: Option<&DayEntry>,
        (ours, theirs): (&str, &str),
    ) -> DayPatch {
        let text =
            |typed: &Option<String>, loaded: &Option<String>, now: &str| match (typed, loaded) {
                (Some(typed), Some(loaded)) => {
                    Some(crate::merge::three_way(loaded, typed, now, ours, theirs).0)
                }
                _ => typed.clone(),
            };
        // Left as loaded: no change in the patch, so the stored value stays.
        fn kept<T: PartialEq + Clone>(typed: &Option<T>, loaded: &Option<T>) -> Option<T> {
            crate::merge::register(loaded, typed, &None).clone()
        }
        // A page deleted meanwhile: what was typed over it stands whole, as sync keeps a text
        // written concurrently with a delete.
        let Some(current) = current else {
            return self.clone();
        };
        let (role, self_text) = (&current.role[..], &current.self_text[..]);
        DayPatch {
            role: text(&self.role, &base.role, role),
            self_text: text(&self.self_text, &base.self_text, self_text),
            prompt_ids: self.prompt_ids.clone(),
            stress: kept(&self.stress, &base.stress),
            resilience: kept(&self.resilience, &base.resilience),
            overlap: kept(&self.overlap, &base.overlap),
            boundary: kept(&self.boundary, &base.boundary),
            after_hours_minutes: kept(&self.after_hours_minutes, &base.after_hours_minutes),
        }
    }
}

/// Parses a `YYYY-MM-DD` date, with a plain error naming the input.
pub fn parse_date(input: &str) -> Result<NaiveDate> {
    let trimmed = input.trim();
    // chrono accepts e.g. "2026-1-5" and signed years; the journal's dates are always written
    // in full, so insist on the canonical ten characters.
    if trimmed.len() != 10 {
        return Err(KeelError::InvalidDate {
            input: input.to_owned(),
        });
    }
    NaiveDate::parse_from_str(trimmed, "%Y-%m-%d").map_err(|_| KeelError::InvalidDate {
        input: input.to_owned(),
    })
}

/// Parses an ISO week such as `2026-W48`, with a plain error naming the input.
pub fn parse_week(input: &str) -> Result<WeekId> {
    input.parse().map_err(|_| KeelError::InvalidWeekId {
        input: input.to_owned(),
    })
}

/// An ISO 8601 week, such as `2026-W48`: the key of a weekly reflection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct WeekId {
    year: i32,
    week: u32,
}

impl WeekId {
    /// The ISO week holding `date`.
    pub fn of(date: NaiveDate) -> WeekId {
        let iso = date.iso_week();
        WeekId {
            year: iso.year(),
            week: iso.week(),
        }
    }

    /// The ISO week `week` of ISO year `year`, if it exists (some years have 53 weeks).
    pub fn new(year: i32, week: u32) -> Option<WeekId> {
        NaiveDate::from_isoywd_opt(year, week, Weekday::Mon).map(|_| WeekId { year, week })
    }

    pub fn year(&self) -> i32 {
        self.year
    }

    pub fn week(&self) -> u32 {
        self.week
    }

    /// The ISO week a user's week holds, where weeks start on `week_start`: the week whose
    /// Monday falls inside the seven days from the start day on or before `date`.
    pub fn containing(date: NaiveDate, week_start: Weekday) -> WeekId {
        let back = date.weekday().days_since(week_start);
        let start = date - chrono::Days::new(u64::from(back));
        WeekId::of(start + chrono::Days::new(u64::from(Weekday::Mon.days_since(week_start))))
    }

    /// The first day of this week for a user whose weeks start on `week_start` (the start day
    /// on or before the ISO Monday).
    pub fn first_day(&self, week_start: Weekday) -> NaiveDate {
        self.monday() - chrono::Days::new(u64::from(Weekday::Mon.days_since(week_start)))
    }

    /// The seven days of this week, from `first_day`.
    pub fn days(&self, week_start: Weekday) -> [NaiveDate; 7] {
        let first = self.first_day(week_start);
        std::array::from_fn(|i| first + chrono::Days::new(i as u64))
    }

    /// The week before.
    pub fn pred(&self) -> WeekId {
        WeekId::of(self.monday() - chrono::Days::new(7))
    }

    /// The week after.
    pub fn succ(&self) -> WeekId {
        WeekId::of(self.monday() + chrono::Days::new(7))
    }

    /// The Monday that starts the week.
    pub fn monday(&self) -> NaiveDate {
        // `WeekId` is only built through `new` or `of`, both of which prove the week exists.
        NaiveDate::from_isoywd_opt(self.year, self.week, Weekday::Mon)
            .expect("WeekId is always a real ISO week")
    }
}

impl fmt::Display for WeekId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-W{:02}", self.year, self.week)
    }
}

impl FromStr for WeekId {
    type Err = String;
    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        let bad =
            || format!("“{s}” is not an ISO week; write it as YYYY-Www, for example 2026-W48");
        let (year, week) = s.trim().split_once("-W").ok_or_else(bad)?;
        if year.len() != 4 || week.len() != 2 {
            return Err(bad());
        }
        let year: i32 = year.parse().map_err(|_| bad())?;
        let week: u32 = week.parse().map_err(|_| bad())?;
        WeekId::new(year, week).ok_or_else(bad)
    }
}

impl TryFrom<String> for WeekId {
    type Error = String;
    fn try_from(s: String) -> std::result::Result<Self, Self::Error> {
        s.parse()
    }
}

impl From<WeekId> for String {
    fn from(w: WeekId) -> String {
        w.to_string()
    }
}

/// An answer to one of the week's prompts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct PromptAnswer {
    pub prompt_id: String,
    pub text: String,
}

/// A week's reflection, keyed by ISO week.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WeekReflection {
    pub week: WeekId,
    pub answers: Vec<PromptAnswer>,
    /// "What the role gave me".
    pub role_gave: Vec<String>,
    /// "What it cost me".
    pub role_cost: Vec<String>,
    /// One boundary to keep next week.
    pub next_boundary: String,
    /// Did I keep last week's boundary? `None` until answered.
    pub kept_last_boundary: Option<bool>,
    /// How each value fared under the week's pressure (a file from before values has none).
    #[serde(default)]
    pub values: Vec<ValueCheck>,
    pub created_at: DateTime<FixedOffset>,
    pub updated_at: DateTime<FixedOffset>,
}

impl WeekReflection {
    /// True when nothing in the week's page was written or answered.
    pub fn is_blank(&self) -> bool {
        self.answers.iter().all(|a| a.text.trim().is_empty())
            && self.role_gave.iter().all(|t| t.trim().is_empty())
            && self.role_cost.iter().all(|t| t.trim().is_empty())
            && self.next_boundary.trim().is_empty()
            && self.kept_last_boundary.is_none()
            && self.values.is_empty()
    }
}

wire_enum! {
    /// Which column a prompt speaks to.
    #[derive(PartialOrd, Ord)]
    pub enum Side ("a side") {
        /// "What I do".
        Role = "role",
        /// "Who I am".
        Myself = "self",
        /// The line between them.
        Bridge = "bridge",
    }
}

wire_enum! {
    /// Whether a prompt belongs to the daily page or the weekly reflection.
    pub enum Cadence ("a cadence") {
        Daily = "daily",
        Weekly = "weekly",
    }
}

wire_enum! {
    /// What a prompt is about.
    #[derive(PartialOrd, Ord)]
    pub enum Theme ("a theme") {
        Boundaries = "boundaries",
        /// Targets, reviews, metrics.
        Pressure = "pressure",
        /// Detachment, relaxation, mastery, control.
        Recovery = "recovery",
        Values = "values",
        /// Re-orgs, new roles.
        Change = "change",
        Relationships = "relationships",
        Identity = "identity",
        /// Self-distanced questions ("what would you tell a friend?").
        Perspective = "perspective",
    }
}

wire_enum! {
    /// Where a prompt came from.
    pub enum PromptOrigin ("a prompt's origin") {
        /// Keel's library (`assets/prompts.toml`).
        Shipped = "shipped",
        /// Written by the user.
        User = "user",
    }
}

/// A guided prompt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Prompt {
    /// Stable forever: days refer to the prompts they showed by id.
    pub id: String,
    pub side: Side,
    pub cadence: Cadence,
    pub theme: Theme,
    pub text: String,
    pub origin: PromptOrigin,
    /// Changed by the user (a shipped prompt's upgrades then leave it alone).
    pub edited: bool,
    /// Never chosen again while hidden.
    pub hidden: bool,
}

impl Prompt {
    /// One of the person's own prompts, under `id`, as `fields` describe it (shown).
    pub fn own(id: String, fields: PromptFields) -> Prompt {
        Prompt {
            id,
            side: fields.side,
            cadence: fields.cadence,
            theme: fields.theme,
            text: fields.text,
            origin: PromptOrigin::User,
            edited: false,
            hidden: false,
        }
    }
}

/// The fields a person writes when adding or editing a prompt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct PromptFields {
    pub side: Side,
    pub cadence: Cadence,
    pub theme: Theme,
    pub text: String,
}

/// The longest prompt text accepted, in characters.
pub const MAX_PROMPT_CHARS: usize = 600;

impl PromptFields {
    /// Trims the text and refuses an empty or overlong one.
    pub fn validated(mut self) -> Result<PromptFields> {
        self.text = self.text.trim().to_owned();
        let n_chars = self.text.chars().count();
        if n_chars == 0 || n_chars > MAX_PROMPT_CHARS {
            return Err(KeelError::InvalidPrompt {
                reason: crate::error::Reason::new(
                    "reason-prompt-length",
                    vec![("max", MAX_PROMPT_CHARS.into()), ("n", n_chars.into())],
                ),
            });
        }
        Ok(self)
    }
}

/// What a person writes on a week's page: the whole of it, saved together.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct WeekContent {
    pub answers: Vec<PromptAnswer>,
    pub role_gave: Vec<String>,
    pub role_cost: Vec<String>,
    pub next_boundary: String,
    pub kept_last_boundary: Option<bool>,
    /// How each value fared (one answer per value at most).
    #[serde(default)]
    pub values: Vec<ValueCheck>,
}

/// The most items in one ledger list, and answers on one week's page.
pub const MAX_WEEK_ITEMS: usize = 50;

impl WeekContent {
    /// The page as it should be saved over `current` when the editor that typed it had loaded
    /// `base`, and `current` was saved since (by sync): each answer and the next boundary merge
    /// three-way as a day's sides do (`DayPatch::rebased`), the two ledgers as lists (items
    /// added on either side all stay, `merge::union_of_lines`), the kept boundary and each
    /// value's check are taken from here when changed here and kept as stored otherwise. No
    /// page now: what was typed stands whole.
    pub fn rebased(
        &self,
        base: &WeekContent,
        current: Option<&WeekContent>,
        (ours, theirs): (&str, &str),
    ) -> WeekContent {
        let Some(current) = current else {
            return self.clone();
        };
        let text = |loaded: &str, typed: &str, now: &str| {
            crate::merge::three_way(loaded, typed, now, ours, theirs).0
        };
        let list = |loaded: &[String], typed: &[String], now: &[String]| -> Vec<String> {
            let merged = crate::merge::union_of_lines(
                &loaded.join("\n"),
                &typed.join("\n"),
                &now.join("\n"),
            );
            merged
                .lines()
                .map(str::to_owned)
                .filter(|l| !l.is_empty())
                .collect()
        };
        let answer = |c: &WeekContent, id: &str| -> String {
            c.answers
                .iter()
                .find(|a| a.prompt_id == id)
                .map_or_else(String::new, |a| a.text.clone())
        };
        let mut ids: Vec<&str> = Vec::new();
        for a in self.answers.iter().chain(&current.answers) {
            if !ids.contains(&a.prompt_id.as_str()) {
                ids.push(&a.prompt_id);
            }
        }
        let answers = ids
            .into_iter()
            .map(|id| PromptAnswer {
                prompt_id: id.to_owned(),
                text: text(&answer(base, id), &answer(self, id), &answer(current, id)),
            })
            .filter(|a| !a.text.trim().is_empty())
            .collect();
        let check = |c: &WeekContent, id: u32| c.values.iter().find(|v| v.value == id).cloned();
        let mut value_ids: Vec<u32> = Vec::new();
        for v in self
            .values
            .iter()
            .chain(&current.values)
            .chain(&base.values)
        {
            if !value_ids.contains(&v.value) {
                value_ids.push(v.value);
            }
        }
        let values = value_ids
            .into_iter()
            .filter_map(|id| {
                let (loaded, typed, now) = (check(base, id), check(self, id), check(current, id));
                crate::merge::register(&loaded, &typed, &now).clone()
            })
            .collect();
        WeekContent {
            answers,
            role_gave: list(&base.role_gave, &self.role_gave, &current.role_gave),
            role_cost: list(&base.role_cost, &self.role_cost, &current.role_cost),
            next_boundary: text(
                &base.next_boundary,
                &self.next_boundary,
                &current.next_boundary,
            ),
            kept_last_boundary: *crate::merge::register(
                &base.kept_last_boundary,
                &self.kept_last_boundary,
                &current.kept_last_boundary,
            ),
            values,
        }
    }

    /// Trims every text, drops empty ledger items and empty answers, and refuses lists longer
    /// than `MAX_WEEK_ITEMS` (the record's size is checked when it is stored).
    pub fn validated(self) -> Result<WeekContent> {
        // `what`: the catalogue's name of the list ("What the role gave me").
        let clean = |items: Vec<String>, what: &'static str| -> Result<Vec<String>> {
            let items: Vec<String> = items
                .into_iter()
                .map(|i| i.trim().to_owned())
                .filter(|i| !i.is_empty())
                .collect();
            if items.len() > MAX_WEEK_ITEMS {
                return Err(KeelError::InvalidWeek {
                    reason: crate::error::Reason::new(
                        what,
                        vec![("n", items.len().into()), ("max", MAX_WEEK_ITEMS.into())],
                    ),
                });
            }
            Ok(items)
        };
        let answers: Vec<PromptAnswer> = self
            .answers
            .into_iter()
            .map(|a| PromptAnswer {
                prompt_id: a.prompt_id.trim().to_owned(),
                text: a.text.trim_end().to_owned(),
            })
            .filter(|a| !a.text.trim().is_empty())
            .collect();
        if answers.len() > MAX_WEEK_ITEMS {
            return Err(KeelError::InvalidWeek {
                reason: crate::error::Reason::new(
                    "reason-week-answers",
                    vec![("n", answers.len().into()), ("max", MAX_WEEK_ITEMS.into())],
                ),
            });
        }
        let mut values: Vec<ValueCheck> = Vec::with_capacity(self.values.len());
        for check in self.values {
            if values.iter().any(|c| c.value == check.value) {
                return Err(KeelError::InvalidWeek {
                    reason: crate::error::Reason::new(
                        "reason-week-value-twice",
                        vec![("id", check.value.into())],
                    ),
                });
            }
            values.push(check.validated()?);
        }
        if values.len() > MAX_WEEK_ITEMS {
            return Err(KeelError::InvalidWeek {
                reason: crate::error::Reason::new(
                    "reason-week-values",
                    vec![("n", values.len().into()), ("max", MAX_WEEK_ITEMS.into())],
                ),
            });
        }
        Ok(WeekContent {
            values,
            answers,
            role_gave: clean(self.role_gave, "reason-week-gave")?,
            role_cost: clean(self.role_cost, "reason-week-cost")?,
            next_boundary: self.next_boundary.trim().to_owned(),
            kept_last_boundary: self.kept_last_boundary,
        })
    }
}

impl WeekReflection {
    /// A reflection for `week` holding `content`, first written at `created_at`.
    pub fn new(
        week: WeekId,
        content: WeekContent,
        created_at: DateTime<FixedOffset>,
        now: DateTime<FixedOffset>,
    ) -> WeekReflection {
        WeekReflection {
            week,
            answers: content.answers,
            role_gave: content.role_gave,
            role_cost: content.role_cost,
            next_boundary: content.next_boundary,
            kept_last_boundary: content.kept_last_boundary,
            values: content.values,
            created_at,
            updated_at: now,
        }
    }

    /// What was written on the week's page, without when.
    pub fn into_content(self) -> WeekContent {
        WeekContent {
            answers: self.answers,
            role_gave: self.role_gave,
            role_cost: self.role_cost,
            next_boundary: self.next_boundary,
            kept_last_boundary: self.kept_last_boundary,
            values: self.values,
        }
    }
}

wire_enum! {
    /// A day of the week as the app's wire spells it (`mon` … `sun`): the settings the app
    /// edits and the trends' weekday profile. chrono's own `Weekday` (which serializes as
    /// `Mon`) is what the core computes with.
    pub enum WeekdayName ("a weekday") {
        Mon = "mon",
        Tue = "tue",
        Wed = "wed",
        Thu = "thu",
        Fri = "fri",
        Sat = "sat",
        Sun = "sun",
    }
}

impl From<Weekday> for WeekdayName {
    fn from(day: Weekday) -> WeekdayName {
        const BY_INDEX: [WeekdayName; 7] = [
            WeekdayName::Mon,
            WeekdayName::Tue,
            WeekdayName::Wed,
            WeekdayName::Thu,
            WeekdayName::Fri,
            WeekdayName::Sat,
            WeekdayName::Sun,
        ];
        BY_INDEX[day.num_days_from_monday() as usize]
    }
}

impl From<WeekdayName> for Weekday {
    fn from(day: WeekdayName) -> Weekday {
        match day {
            WeekdayName::Mon => Weekday::Mon,
            WeekdayName::Tue => Weekday::Tue,
            WeekdayName::Wed => Weekday::Wed,
            WeekdayName::Thu => Weekday::Thu,
            WeekdayName::Fri => Weekday::Fri,
            WeekdayName::Sat => Weekday::Sat,
            WeekdayName::Sun => Weekday::Sun,
        }
    }
}

/// `#[serde(with = "weekday_name")]`: a chrono `Weekday` field written as its `WeekdayName`.
pub mod weekday_name {
    use super::{Weekday, WeekdayName};
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(day: &Weekday, s: S) -> Result<S::Ok, S::Error> {
        WeekdayName::from(*day).serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Weekday, D::Error> {
        WeekdayName::deserialize(d).map(Weekday::from)
    }
}

wire_enum! {
    /// Light, dark, or whatever the system says.
    #[derive(Default)]
    pub enum Appearance ("the theme") {
        #[default]
        System = "system",
        Light = "light",
        Dark = "dark",
    }
}

/// The user's settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// When work should stop; the boundary check-in asks about this time.
    pub end_of_work: NaiveTime,
    /// Days of the weekly business review (default Monday and Tuesday).
    pub review_days: Vec<Weekday>,
    pub week_start: Weekday,
    pub reflection_day: Weekday,
    /// Weekdays that are not working days: no end-of-work or check-in reminder on them.
    pub days_off: Vec<Weekday>,
    /// The three reminders, each off until the person turns it on.
    pub reminders: Reminders,
    pub theme: Appearance,
    /// The language Keel speaks; "system" follows the system's locale (issue 19).
    pub language: crate::i18n::Language,
    /// Minutes without use after which the app locks an encrypted journal; 0: never.
    pub auto_lock_minutes: u32,
}

/// Which reminders are on (issue 18): each is off until the person turns it on.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Reminders {
    /// The end-of-work reminder, at `Settings::end_of_work` on working days.
    pub end_of_work: bool,
    /// The daily check-in reminder's time, when it is on.
    pub check_in: Option<NaiveTime>,
    /// The weekly reflection reminder's time on the reflection day, when it is on.
    pub weekly: Option<NaiveTime>,
    /// Reminders while Keel is closed (a systemd user timer running `keel remind`), which keeps
    /// what they need in a plain file beside the journal: only with the person's consent.
    pub background: bool,
}

/// The longest idle time before an encrypted journal locks itself: a day.
pub const MAX_AUTO_LOCK_MINUTES: u32 = 24 * 60;

impl Settings {
    /// Checks the settings: review days and days off each distinct and in weekday order, and at
    /// least one working day.
    pub fn validated(mut self) -> Result<Settings> {
        for days in [&mut self.review_days, &mut self.days_off] {
            days.sort_by_key(|d| d.num_days_from_monday());
            days.dedup();
        }
        if self.days_off.len() >= 7 {
            return Err(KeelError::InvalidSettings {
                reason: crate::error::Reason::new("reason-no-working-day", vec![]),
            });
        }
        if self.auto_lock_minutes > MAX_AUTO_LOCK_MINUTES {
            return Err(KeelError::InvalidSettings {
                reason: crate::error::Reason::new(
                    "reason-auto-lock",
                    vec![("max", MAX_AUTO_LOCK_MINUTES.into())],
                ),
            });
        }
        Ok(self)
    }
}

/// Parses a time of day written `HH:MM` (24-hour clock).
pub fn parse_time(input: &str) -> Result<NaiveTime> {
    NaiveTime::parse_from_str(input.trim(), "%H:%M").map_err(|_| KeelError::InvalidSettings {
        reason: crate::error::Reason::new("reason-time", vec![("input", input.into())]),
    })
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            // 18:00 is a valid time of day.
            end_of_work: NaiveTime::from_hms_opt(18, 0, 0).expect("18:00 exists"),
            review_days: vec![Weekday::Mon, Weekday::Tue],
            week_start: Weekday::Mon,
            reflection_day: Weekday::Fri,
            days_off: vec![Weekday::Sat, Weekday::Sun],
            reminders: Reminders::default(),
            theme: Appearance::System,
            language: crate::i18n::Language::System,
            auto_lock_minutes: 15,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2026-11-28T09:30:00+01:00").unwrap()
    }

    fn day(s: &str) -> NaiveDate {
        parse_date(s).unwrap()
    }

    fn page(role: &str, self_text: &str, stress: Option<i64>) -> DayPatch {
        DayPatch {
            role: Some(role.into()),
            self_text: Some(self_text.into()),
            stress: Some(stress),
            resilience: Some(None),
            overlap: Some(None),
            boundary: Some(None),
            after_hours_minutes: Some(None),
            prompt_ids: None,
        }
    }

    #[test]
    fn a_save_over_a_page_saved_meanwhile_keeps_both_edits() {
        let loaded = page("standup\nreview", "walk", Some(4));
        // Saved meanwhile (sync brought a line and a rating from the other computer).
        let mut now_stored = DayEntry::new(day("2026-11-28"), now());
        now_stored.role = "standup\nreview\nretro".into();
        now_stored.self_text = "walk".into();
        now_stored.check_in.stress = Some(7);
        // Typed here, over what was loaded: a new first line, the stress left alone.
        let typed = page("coffee\nstandup\nreview", "walk", Some(4));
        let patch = typed.rebased(&loaded, Some(&now_stored), ("here", "there"));
        let next = patch.apply_to(&now_stored, now()).unwrap();
        assert_eq!(next.role, "coffee\nstandup\nreview\nretro");
        assert_eq!(next.self_text, "walk");
        assert_eq!(
            next.check_in.stress,
            Some(7),
            "a rating left as loaded keeps the stored one"
        );

        // The same line changed on both sides: both stay, named.
        let typed = page("standup\nreview went well", "walk", Some(2));
        let mut other = now_stored.clone();
        other.role = "standup\nreview ran late".into();
        let next = typed
            .rebased(&loaded, Some(&other), ("here", "there"))
            .apply_to(&other, now())
            .unwrap();
        assert!(next.role.contains("review went well"), "{}", next.role);
        assert!(next.role.contains("review ran late"), "{}", next.role);
        assert!(next.role.contains("**here:**") && next.role.contains("**there:**"));
        assert_eq!(crate::merge::conflicts_in(&next.role), 1);
        assert_eq!(
            next.check_in.stress,
            Some(2),
            "a rating changed here is taken"
        );
    }

    #[test]
    fn a_week_saved_over_one_saved_meanwhile_keeps_both_sides() {
        let answer = |id: &str, text: &str| PromptAnswer {
            prompt_id: id.into(),
            text: text.into(),
        };
        let lines = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let loaded = WeekContent {
            answers: vec![answer("w-001", "A slow week.")],
            role_gave: lines(&["trust"]),
            role_cost: lines(&[]),
            next_boundary: "18:30".into(),
            kept_last_boundary: None,
            values: vec![],
        };
        let mut now = loaded.clone();
        now.answers.push(answer("w-002", "Written on the laptop."));
        now.role_gave.push("a promotion talk".into());
        now.kept_last_boundary = Some(true);
        let mut typed = loaded.clone();
        typed.answers[0].text = "A slow week.\nThe review went well.".into();
        typed.role_gave.push("a mentor".into());
        let merged = typed.rebased(&loaded, Some(&now), ("here", "there"));
        assert_eq!(
            merged.answers,
            vec![
                answer("w-001", "A slow week.\nThe review went well."),
                answer("w-002", "Written on the laptop.")
            ]
        );
        assert_eq!(
            merged.role_gave,
            lines(&["trust", "a mentor", "a promotion talk"])
        );
        assert_eq!(
            merged.kept_last_boundary,
            Some(true),
            "left as loaded: kept as stored"
        );
        assert_eq!(merged.next_boundary, "18:30");
        // An answer removed here and untouched there goes; one the other side changed stays.
        let mut typed = loaded.clone();
        typed.answers.clear();
        assert!(typed
            .rebased(&loaded, Some(&loaded), ("h", "t"))
            .answers
            .is_empty());
        let mut changed = loaded.clone();
        changed.answers[0].text = "A slow week, then a fast one.".into();
        let kept = typed.rebased(&loaded, Some(&changed), ("h", "t"));
        assert!(kept.answers[0].text.contains("then a fast one"), "{kept:?}");
        assert_eq!(typed.rebased(&loaded, None, ("h", "t")), typed);
    }

    #[test]
    fn a_save_over_the_page_it_loaded_is_the_patch_itself() {
        let loaded = page("a", "b", None);
        let mut stored = DayEntry::new(day("2026-11-28"), now());
        stored.role = "a".into();
        stored.self_text = "b".into();
        let typed = page("a and more", "b", Some(3));
        let patch = typed.rebased(&loaded, Some(&stored), ("here", "there"));
        assert_eq!(patch.role, typed.role);
        assert_eq!(patch.self_text, typed.self_text);
        assert_eq!(
            patch.apply_to(&stored, now()).unwrap(),
            typed.apply_to(&stored, now()).unwrap()
        );
        // A page deleted meanwhile (no page now) takes what was typed over it, whole.
        assert_eq!(typed.rebased(&loaded, None, ("here", "there")), typed);
    }

    #[test]
    fn ratings_in_range_are_accepted_and_out_of_range_refused() {
        assert_eq!(STRESS.check(1).unwrap(), 1);
        assert_eq!(STRESS.check(10).unwrap(), 10);
        assert_eq!(OVERLAP.check(7).unwrap(), 7);
        for (scale, bad) in [
            (STRESS, 0),
            (STRESS, 11),
            (RESILIENCE, -1),
            (OVERLAP, 8),
            (STRESS, i64::MAX),
        ] {
            let err = scale.check(bad).unwrap_err();
            assert!(
                matches!(err, KeelError::InvalidRating { value, .. } if value == bad),
                "{err}"
            );
        }
    }

    #[test]
    fn rating_error_names_the_field_and_the_range() {
        let msg = OVERLAP.check(9).unwrap_err().to_string();
        assert_eq!(
            msg,
            "overlap must be a whole number from 1 to 7; 9 is outside that range."
        );
    }

    #[test]
    fn patch_sets_only_the_given_fields() {
        let base = DayEntry::new(day("2026-11-28"), now());
        let first = DayPatch {
            role: Some("Forecast review. #wbr".into()),
            stress: Some(Some(7)),
            boundary: Some(Some(Boundary::Broken)),
            ..DayPatch::default()
        }
        .apply_to(&base, now())
        .unwrap();
        let later = now() + chrono::Duration::minutes(5);
        let second = DayPatch {
            self_text: Some("Walked by the river with #family".into()),
            ..DayPatch::default()
        }
        .apply_to(&first, later)
        .unwrap();
        assert_eq!(second.role, "Forecast review. #wbr");
        assert_eq!(second.check_in.stress, Some(7));
        assert_eq!(second.check_in.boundary, Some(Boundary::Broken));
        assert_eq!(second.self_text, "Walked by the river with #family");
        assert_eq!(second.tags, vec!["family".to_string(), "wbr".to_string()]);
        assert_eq!(second.created_at, now());
        assert_eq!(second.updated_at, later);
    }

    #[test]
    fn patch_can_clear_a_rating() {
        let mut base = DayEntry::new(day("2026-11-28"), now());
        base.check_in.stress = Some(4);
        let cleared = DayPatch {
            stress: Some(None),
            ..DayPatch::default()
        }
        .apply_to(&base, now())
        .unwrap();
        assert_eq!(cleared.check_in.stress, None);
    }

    #[test]
    fn a_bad_value_in_a_patch_changes_nothing() {
        let base = DayEntry::new(day("2026-11-28"), now());
        let err = DayPatch {
            role: Some("kept?".into()),
            resilience: Some(Some(12)),
            ..DayPatch::default()
        }
        .apply_to(&base, now())
        .unwrap_err();
        assert!(matches!(
            err,
            KeelError::InvalidRating {
                field: "resilience",
                value: 12,
                ..
            }
        ));
        let err = DayPatch {
            after_hours_minutes: Some(Some(1441)),
            ..DayPatch::default()
        }
        .apply_to(&base, now())
        .unwrap_err();
        assert!(matches!(err, KeelError::InvalidMinutes { value: 1441, .. }));
    }

    #[test]
    fn check_in_validation_catches_stored_nonsense() {
        let bad = CheckIn {
            overlap: Some(0),
            ..CheckIn::default()
        };
        assert!(bad.validate().is_err());
        let good = CheckIn {
            stress: Some(10),
            resilience: Some(1),
            overlap: Some(7),
            boundary: Some(Boundary::Kept),
            after_hours_minutes: Some(0),
        };
        good.validate().unwrap();
    }

    #[test]
    fn dates_parse_strictly() {
        assert_eq!(
            parse_date("2026-11-28").unwrap(),
            NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()
        );
        assert_eq!(
            parse_date(" 2024-02-29 ").unwrap(),
            NaiveDate::from_ymd_opt(2024, 2, 29).unwrap()
        );
        for bad in [
            "2026-02-30",
            "2025-02-29",
            "28/11/2026",
            "2026-1-5",
            "",
            "tomorrow",
            "2026-11-28x",
            "+2026-11-28",
        ] {
            let err = parse_date(bad).unwrap_err();
            assert!(matches!(err, KeelError::InvalidDate { .. }), "{bad}");
        }
    }

    #[test]
    fn boundary_parses_both_words_only() {
        assert_eq!("Kept".parse::<Boundary>().unwrap(), Boundary::Kept);
        assert_eq!("broken".parse::<Boundary>().unwrap(), Boundary::Broken);
        assert!("maybe".parse::<Boundary>().is_err());
    }

    #[test]
    fn week_ids_round_trip_and_refuse_weeks_that_do_not_exist() {
        let w: WeekId = "2026-W48".parse().unwrap();
        assert_eq!(w.to_string(), "2026-W48");
        assert_eq!(w.monday(), day("2026-11-23"));
        assert_eq!(WeekId::of(day("2026-11-28")), w);
        // 2026 has 53 ISO weeks, 2027 has 52.
        assert!("2026-W53".parse::<WeekId>().is_ok());
        assert!("2027-W53".parse::<WeekId>().is_err());
        assert!("2026-W00".parse::<WeekId>().is_err());
        assert!("2026W48".parse::<WeekId>().is_err());
        // 2027-01-01 is a Friday in ISO week 2026-W53.
        assert_eq!(WeekId::of(day("2027-01-01")).to_string(), "2026-W53");
    }

    #[test]
    fn day_json_has_the_documented_flat_fields() {
        let mut entry = DayEntry::new(day("2026-11-28"), now());
        entry.check_in.stress = Some(3);
        let json = serde_json::to_value(&entry).unwrap();
        let mut keys: Vec<_> = json.as_object().unwrap().keys().cloned().collect();
        keys.sort();
        assert_eq!(
            keys,
            [
                "after_hours_minutes",
                "boundary",
                "created_at",
                "date",
                "overlap",
                "prompt_ids",
                "resilience",
                "role",
                "self",
                "stress",
                "tags",
                "updated_at"
            ]
        );
        assert_eq!(json["resilience"], serde_json::Value::Null);
        assert_eq!(json["created_at"], "2026-11-28T09:30:00+01:00");
    }

    #[test]
    fn settings_default_to_monday_tuesday_reviews() {
        let s = Settings::default();
        assert_eq!(s.review_days, vec![Weekday::Mon, Weekday::Tue]);
        assert_eq!(s.reflection_day, Weekday::Fri);
        let round: Settings = serde_json::from_str(&serde_json::to_string(&s).unwrap()).unwrap();
        assert_eq!(round, s);
    }
}
