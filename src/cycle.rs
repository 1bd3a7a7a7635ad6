//! Who I am, held steady: the person's own values, and the dated events of the work cycle.
//!
//! - A `ValueBook` holds every value the person has named, each with a stable id: replacing the
//!   list (`ValueBook::replaced`) keeps the id of a value named again (matched with case, accents
//!   and spacing folded) and retires the others rather than deleting them, so a week's check-in
//!   of a retired value still says what it was.
//! - A week's page answers, for each active value, whether the week's pressure tested it and
//!   whether it held or bent (`ValueCheck`).
//! - A `CycleEvent` is a day or a span of days with a kind (a built-in `CycleKind`, or a word of
//!   the person's own) and a note. Events mark the pages, the calendar and the charts, feed the
//!   trends' comparisons (`analytics::trends`), and steer the prompts (`Lean`); time off marks
//!   days off.
//!
//! Plain data and pure functions: nothing here reads the clock or the journal.

use std::collections::HashMap;
use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::{KeelError, Result};
use crate::wire::wire_enum;

/// The fewest and the most values a person names (an empty list is allowed too: no values yet).
pub const MIN_VALUES: usize = 3;
pub const MAX_VALUES: usize = 7;
/// The longest value name and practice line, in characters.
pub const MAX_VALUE_CHARS: usize = 80;
pub const MAX_PRACTICE_CHARS: usize = 200;
/// The longest note on an event, and the longest own kind, in characters.
pub const MAX_NOTE_CHARS: usize = 1_000;
pub const MAX_KIND_CHARS: usize = 40;
/// The longest event, in days (a year and a day).
pub const MAX_EVENT_DAYS: i64 = 366;
/// The longest "why" on a week's value check-in, in characters.
pub const MAX_WHY_CHARS: usize = 500;

/// One of the person's values, in their own words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct PersonalValue {
    /// Stable for as long as the value is named; never reused.
    pub id: u32,
    pub name: String,
    /// What it looks like in practice (may be empty).
    #[serde(default)]
    pub practice: String,
    /// In the current list; a retired value is kept for the check-ins that name it.
    pub active: bool,
}

/// A value as the person writes it when setting the list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct ValueDraft {
    pub name: String,
    /// `None` keeps the practice line a value named again already had.
    #[serde(default)]
    pub practice: Option<String>,
}

/// Every value the person has named: the active ones in their order, then the retired ones.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct ValueBook {
    pub values: Vec<PersonalValue>,
}

/// The same value, however it is capitalised, accented or spaced.
fn folded(name: &str) -> String {
    crate::text::words(name)
        .into_iter()
        .map(|(_, word)| word)
        .collect::<Vec<_>>()
        .join(" ")
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn invalid_values(id: &'static str, args: Vec<(&'static str, crate::i18n::Arg)>) -> KeelError {
    KeelError::InvalidValues {
        reason: crate::error::Reason::new(id, args),
    }
}

impl ValueBook {
    /// The values in the current list, in order.
    pub fn active(&self) -> impl Iterator<Item = &PersonalValue> {
        self.values.iter().filter(|v| v.active)
    }

    /// The value with this id, active or retired.
    pub fn get(&self, id: u32) -> Option<&PersonalValue> {
        self.values.iter().find(|v| v.id == id)
    }

    fn next_id(&self) -> u32 {
        self.values.iter().map(|v| v.id).max().unwrap_or(0) + 1
    }

    /// The book with `wanted` as the current list: a value named again keeps its id (and its
    /// practice line unless a new one is given), a new one gets a fresh id, and one no longer
    /// named is retired. `wanted` is 3 to 7 values, or none.
    pub fn replaced(&self, wanted: &[ValueDraft]) -> Result<ValueBook> {
        if !wanted.is_empty() && !(MIN_VALUES..=MAX_VALUES).contains(&wanted.len()) {
            return Err(invalid_values(
                "reason-values-count",
                vec![
                    ("min", MIN_VALUES.into()),
                    ("max", MAX_VALUES.into()),
                    ("n", wanted.len().into()),
                ],
            ));
        }
        let mut next_id = self.next_id();
        let mut seen = HashMap::new();
        let mut active = Vec::with_capacity(wanted.len());
        for draft in wanted {
            let name = one_line(&draft.name);
            let n = name.chars().count();
            if n == 0 || n > MAX_VALUE_CHARS || folded(&name).is_empty() {
                return Err(invalid_values(
                    "reason-value-name",
                    vec![("max", MAX_VALUE_CHARS.into()), ("name", name.into())],
                ));
            }
            let key = folded(&name);
            if seen.insert(key.clone(), ()).is_some() {
                return Err(invalid_values(
                    "reason-value-twice",
                    vec![("name", name.into())],
                ));
            }
            let existing = self.values.iter().find(|v| folded(&v.name) == key);
            let practice = match (&draft.practice, existing) {
                (Some(p), _) => one_line(p),
                (None, Some(v)) => v.practice.clone(),
                (None, None) => String::new(),
            };
            if practice.chars().count() > MAX_PRACTICE_CHARS {
                return Err(invalid_values(
                    "reason-value-practice",
                    vec![("name", name.into()), ("max", MAX_PRACTICE_CHARS.into())],
                ));
            }
            let id = existing.map_or_else(
                || {
                    next_id += 1;
                    next_id - 1
                },
                |v| v.id,
            );
            active.push(PersonalValue {
                id,
                name,
                practice,
                active: true,
            });
        }
        let retired = self
            .values
            .iter()
            .filter(|v| !active.iter().any(|a| a.id == v.id))
            .map(|v| PersonalValue {
                active: false,
                ..v.clone()
            });
        let mut values = active.clone();
        values.extend(retired);
        Ok(ValueBook { values })
    }

    /// Takes in another journal's book (an import): into a book with no values it comes whole,
    /// ids and all; otherwise each of its values is matched by name, and one not found here is
    /// added retired under a fresh id. Returns the other book's ids mapped to this book's.
    pub fn absorb(&mut self, other: &ValueBook) -> HashMap<u32, u32> {
        if self.values.is_empty() {
            *self = other.clone();
            return other.values.iter().map(|v| (v.id, v.id)).collect();
        }
        let mut map = HashMap::new();
        for value in &other.values {
            let key = folded(&value.name);
            let id = match self.values.iter().find(|v| folded(&v.name) == key) {
                Some(mine) => mine.id,
                None => {
                    let id = self.next_id();
                    self.values.push(PersonalValue {
                        id,
                        active: false,
                        ..value.clone()
                    });
                    id
                }
            };
            map.insert(value.id, id);
        }
        map
    }

    /// Checks a book read from a file: unique ids, names as `replaced` would accept them.
    pub fn validated(self) -> Result<ValueBook> {
        let mut ids = HashMap::new();
        for v in &self.values {
            if ids.insert(v.id, ()).is_some() || v.id == 0 {
                return Err(invalid_values("reason-value-id", vec![("id", v.id.into())]));
            }
            let n = v.name.chars().count();
            if n == 0 || n > MAX_VALUE_CHARS || v.practice.chars().count() > MAX_PRACTICE_CHARS {
                return Err(invalid_values(
                    "reason-value-length",
                    vec![("name", v.name.clone().into())],
                ));
            }
        }
        if self.active().count() > MAX_VALUES {
            return Err(invalid_values(
                "reason-values-active",
                vec![("max", MAX_VALUES.into())],
            ));
        }
        Ok(self)
    }
}

wire_enum! {
    /// How a value fared in a week.
    pub enum ValueOutcome ("how a value fared") {
        /// Tested, and it held.
        Held = "held",
        /// Tested, and it bent.
        Bent = "bent",
        /// The week did not test it.
        NotTested = "not-tested",
    }
}

/// A week's answer for one value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct ValueCheck {
    /// The value's id in the journal's `ValueBook`.
    pub value: u32,
    pub outcome: ValueOutcome,
    /// A line of why (may be empty).
    #[serde(default)]
    pub why: String,
}

impl ValueCheck {
    /// Trims the line of why and refuses an overlong one.
    pub fn validated(self) -> Result<ValueCheck> {
        let why = one_line(&self.why);
        if why.chars().count() > MAX_WHY_CHARS {
            return Err(KeelError::InvalidWeek {
                reason: crate::error::Reason::new(
                    "reason-why-length",
                    vec![("max", MAX_WHY_CHARS.into())],
                ),
            });
        }
        Ok(ValueCheck { why, ..self })
    }
}

wire_enum! {
    /// The events of the work cycle Keel knows by name.
    #[derive(PartialOrd, Ord)]
    pub enum CycleKind ("an event kind") {
        Review = "review",
        Compensation = "compensation",
        Planning = "planning",
        Launch = "launch",
        Reorg = "reorg",
        NewRole = "new-role",
        ShortStaffed = "short-staffed",
        TimeOff = "time-off",
    }
}

impl CycleKind {
    /// The kind in a sentence ("the 14 days before a performance review").
    pub fn label(self) -> &'static str {
        match self {
            CycleKind::Review => "performance review",
            CycleKind::Compensation => "compensation day",
            CycleKind::Planning => "planning",
            CycleKind::Launch => "launch or deadline",
            CycleKind::Reorg => "re-org",
            CycleKind::NewRole => "new role or manager",
            CycleKind::ShortStaffed => "team short of people",
            CycleKind::TimeOff => "time off",
        }
    }
}

/// An event's kind: one Keel knows, or the person's own word. On the wire and on the command
/// line it is one string: a built-in kind's name, or the person's own.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EventKind {
    Cycle(CycleKind),
    Own(String),
}

impl EventKind {
    /// The wire name (a built-in kind's, or the person's own word).
    pub fn as_str(&self) -> &str {
        match self {
            EventKind::Cycle(k) => k.as_str(),
            EventKind::Own(word) => word,
        }
    }

    /// The kind in a sentence.
    pub fn label(&self) -> &str {
        match self {
            EventKind::Cycle(k) => k.label(),
            EventKind::Own(word) => word,
        }
    }

    /// The kind's name in `tr`'s language ("Performance review", "Leistungsbeurteilung"); the
    /// person's own word as they wrote it.
    pub fn name_in(&self, tr: &crate::i18n::Tr) -> String {
        let id = match self {
            EventKind::Own(word) => return word.clone(),
            EventKind::Cycle(CycleKind::Review) => "kind-review",
            EventKind::Cycle(CycleKind::Compensation) => "kind-compensation",
            EventKind::Cycle(CycleKind::Planning) => "kind-planning",
            EventKind::Cycle(CycleKind::Launch) => "kind-launch",
            EventKind::Cycle(CycleKind::Reorg) => "kind-reorg",
            EventKind::Cycle(CycleKind::NewRole) => "kind-new-role",
            EventKind::Cycle(CycleKind::ShortStaffed) => "kind-short-staffed",
            EventKind::Cycle(CycleKind::TimeOff) => "kind-time-off",
        };
        tr.get(id, &[])
    }

    /// The built-in kind, if it is one.
    pub fn cycle(&self) -> Option<CycleKind> {
        match self {
            EventKind::Cycle(k) => Some(*k),
            EventKind::Own(_) => None,
        }
    }
}

impl FromStr for EventKind {
    type Err = KeelError;
    /// A built-in kind's name (any case), or any other word or few words as the person's own.
    fn from_str(s: &str) -> Result<EventKind> {
        if let Ok(kind) = s.parse::<CycleKind>() {
            return Ok(EventKind::Cycle(kind));
        }
        let own = one_line(s);
        let n = own.chars().count();
        if n == 0 || n > MAX_KIND_CHARS || folded(&own).is_empty() {
            return Err(KeelError::InvalidEvent {
                reason: crate::error::Reason::new(
                    "reason-event-kind",
                    vec![
                        (
                            "kinds",
                            crate::wire::one_of(&CycleKind::ALL.map(CycleKind::as_str)).into(),
                        ),
                        ("max", MAX_KIND_CHARS.into()),
                    ],
                ),
            });
        }
        Ok(EventKind::Own(own))
    }
}

impl fmt::Display for EventKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for EventKind {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for EventKind {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<EventKind, D::Error> {
        let text = String::deserialize(d)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// A dated event of the work cycle: one day, or `start` to `end` inclusive.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct CycleEvent {
    /// Small and never reused (a JavaScript number holds it exactly).
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub id: u64,
    pub start: NaiveDate,
    /// The last day (`start` for a single day).
    pub end: NaiveDate,
    /// A built-in kind's name or the person's own word.
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub kind: EventKind,
    #[serde(default)]
    pub note: String,
}

impl CycleEvent {
    /// Whether the event includes `date`.
    pub fn covers(&self, date: NaiveDate) -> bool {
        self.start <= date && date <= self.end
    }

    /// Whether the event shares a day with `from..=to`.
    pub fn overlaps(&self, from: NaiveDate, to: NaiveDate) -> bool {
        self.start <= to && from <= self.end
    }

    /// The event without its id (what makes two events the same event).
    pub fn same_as(&self, other: &CycleEvent) -> bool {
        (self.start, self.end, &self.kind, &self.note)
            == (other.start, other.end, &other.kind, &other.note)
    }
}

/// An event as the person enters it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct EventDraft {
    pub start: NaiveDate,
    /// The last day; `None` for a single day.
    #[serde(default)]
    pub end: Option<NaiveDate>,
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub kind: EventKind,
    #[serde(default)]
    pub note: String,
}

impl EventDraft {
    /// The event this draft makes under `id`: the end not before the start, at most
    /// `MAX_EVENT_DAYS` long, the note at most `MAX_NOTE_CHARS`.
    pub fn into_event(self, id: u64) -> Result<CycleEvent> {
        let bad = |id: &'static str, args: Vec<(&'static str, crate::i18n::Arg)>| {
            KeelError::InvalidEvent {
                reason: crate::error::Reason::new(id, args),
            }
        };
        let end = self.end.unwrap_or(self.start);
        if end < self.start {
            return Err(bad(
                "reason-event-order",
                vec![
                    ("end", end.to_string().into()),
                    ("start", self.start.to_string().into()),
                ],
            ));
        }
        if end.signed_duration_since(self.start).num_days() >= MAX_EVENT_DAYS {
            return Err(bad(
                "reason-event-length",
                vec![("max", MAX_EVENT_DAYS.into())],
            ));
        }
        let note = self.note.trim().to_owned();
        if note.chars().count() > MAX_NOTE_CHARS {
            return Err(bad(
                "reason-event-note",
                vec![("max", MAX_NOTE_CHARS.into())],
            ));
        }
        if let EventKind::Own(word) = &self.kind {
            // Through the same check as the command line's.
            word.parse::<EventKind>()?;
        }
        Ok(CycleEvent {
            id,
            start: self.start,
            end,
            kind: self.kind,
            note,
        })
    }
}

/// Days after the start of a re-org or a new role during which prompts lean to change and
/// identity; days after the end of a launch during which they lean to recovery.
pub const CHANGE_LEAN_DAYS: i64 = 28;
pub const RECOVERY_LEAN_DAYS: i64 = 14;

/// Where the events around a date lean its prompts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Lean {
    /// Within `CHANGE_LEAN_DAYS` of the start of a re-org or a new role.
    pub change: bool,
    /// Within `RECOVERY_LEAN_DAYS` after a launch or deadline ended.
    pub recovery: bool,
}

impl Lean {
    /// The lean of `date` among `events`.
    pub fn of(date: NaiveDate, events: &[CycleEvent]) -> Lean {
        let mut lean = Lean::default();
        for e in events {
            match e.kind.cycle() {
                Some(CycleKind::Reorg | CycleKind::NewRole) => {
                    let since = (date - e.start).num_days();
                    lean.change |= (0..CHANGE_LEAN_DAYS).contains(&since);
                }
                Some(CycleKind::Launch) => {
                    let since = (date - e.end).num_days();
                    lean.recovery |= (1..=RECOVERY_LEAN_DAYS).contains(&since);
                }
                _ => {}
            }
        }
        lean
    }
}

/// Whether `date` is marked as time off.
pub fn is_time_off(date: NaiveDate, events: &[CycleEvent]) -> bool {
    events
        .iter()
        .any(|e| e.kind == EventKind::Cycle(CycleKind::TimeOff) && e.covers(date))
}

#[cfg(test)]
mod tests;
