//! The journal's records as sync fields, and back: a day's page, a week's reflection, the
//! settings, the person's values, the work cycle's events and the prompt library as the
//! person changed it.
//!
//! The prompt library: each of the person's own prompts, and each shipped prompt they edited
//! or hid, is a register (`prompts/u-3f…`, `prompts/r-014`) holding its side, cadence, theme,
//! text and marks; a shipped prompt left as shipped has no field (each computer has the
//! library), so showing a hidden one again or undoing nothing is its field deleted. The
//! person's own prompts have random ids (`u-` and 16 hex digits), so two computers never
//! write the same one.
//!
//! The events are one list (`events/list`), one event per line (its start, end, kind and note
//! as JSON, without the id each journal counts for itself), merged as a week's ledgers are:
//! events added on two computers at once all stay, one removed on one computer goes. Coming in,
//! an event this journal holds keeps its id; a new one gets the next free id here.
//!
//! A week's answers (`week/2026-W49/answer/PROMPT`) and its next boundary are texts, merged
//! three-way; its two ledgers (`gave`, `cost`) are lists, one item per line, where items both
//! computers added at once all stay; whether last week's boundary
//! held and how each value fared are registers. Each setting is a register of its own
//! (`settings/week_start`, `settings/reminders.check_in`), but reminders while Keel is closed,
//! a timer on one computer, stay that computer's. The values are one register (`values/book`):
//! their ids are the book's.
//!
//! Each side of a day is a text field (`day/2026-12-01/role`, `…/self`), merged three-way; each
//! rating, the boundary, the minutes after hours and the day's prompts are registers, last
//! writer wins. Tags are not synced: they are derived from the text on every device. The
//! timestamps are each device's own record of its saves. A value from the folder that the
//! journal would refuse (a rating out of its scale, a value of a newer Keel) is not taken: the
//! field keeps this device's value and the report names it.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde_json::Value as Json;

use chrono::{DateTime, FixedOffset};

use super::history::{Kind, Value};
use crate::cycle::{CycleEvent, EventDraft, ValueBook};
use crate::model::{
    Cadence, DayEntry, Prompt, PromptAnswer, PromptFields, PromptOrigin, Settings, Side, Theme,
    WeekContent, WeekReflection,
};
use crate::store::sync_marks::{SyncRecord, SyncValue};

/// The events this journal holds, as sync's value of them.
fn local_events(local: &[CycleEvent]) -> Option<SyncValue> {
    (!local.is_empty()).then(|| SyncValue::Events(local.to_vec()))
}

/// The fields of a day, their names as they follow `day/DATE/`, and their kinds.
pub const DAY_FIELDS: [(&str, Kind); 8] = [
    ("role", Kind::Text),
    ("self", Kind::Text),
    ("stress", Kind::Register),
    ("resilience", Kind::Register),
    ("overlap", Kind::Register),
    ("boundary", Kind::Register),
    ("after_hours", Kind::Register),
    ("prompts", Kind::Register),
];

/// `day/2026-12-01/role`.
pub fn day_field(date: NaiveDate, name: &str) -> String {
    format!("day/{date}/{name}")
}

/// The day and field name of a day field's path.
pub fn parse_day_field(path: &str) -> Option<(NaiveDate, &str)> {
    let rest = path.strip_prefix("day/")?;
    let (date, name) = rest.split_once('/')?;
    let date = NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()?;
    DAY_FIELDS
        .iter()
        .any(|(n, _)| *n == name)
        .then_some((date, name))
}

/// A day's page as its fields (a page that is not there: every field deleted).
pub fn day_fields(date: NaiveDate, day: Option<&DayEntry>) -> Vec<(String, Kind, Value)> {
    let Some(d) = day else {
        return DAY_FIELDS
            .iter()
            .map(|(name, kind)| (day_field(date, name), *kind, Value::Deleted))
            .collect();
    };
    let c = &d.check_in;
    let json = |v: Option<Json>| Value::Data(v.unwrap_or(Json::Null));
    let values = [
        Value::Text(d.role.clone()),
        Value::Text(d.self_text.clone()),
        json(c.stress.map(Json::from)),
        json(c.resilience.map(Json::from)),
        json(c.overlap.map(Json::from)),
        json(c.boundary.map(|b| Json::from(b.as_str()))),
        json(c.after_hours_minutes.map(Json::from)),
        Value::Data(Json::from(d.prompt_ids.clone())),
    ];
    DAY_FIELDS
        .iter()
        .zip(values)
        .map(|((name, kind), value)| (day_field(date, name), *kind, value))
        .collect()
}

/// Why a field's value from the folder was not taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    pub field: String,
    pub why: String,
}

/// The page `fields` (by name, as `day_fields` gives them) make of `local` (this device's page,
/// if any): each field that has a value sets its part; one that would not be valid is refused
/// and keeps the local part. `None` when every field is deleted (the page was deleted).
pub fn day_from_fields(
    date: NaiveDate,
    local: Option<&DayEntry>,
    fields: &BTreeMap<&str, Value>,
    now: chrono::DateTime<chrono::FixedOffset>,
) -> (Option<DayEntry>, Vec<Refused>) {
    let mut refused = Vec::new();
    if !fields.is_empty() && fields.values().all(|v| *v == Value::Deleted) {
        return (None, refused);
    }
    let mut day = local.cloned().unwrap_or_else(|| DayEntry::new(date, now));
    let mut refuse = |name: &str, why: &str| {
        refused.push(Refused {
            field: day_field(date, name),
            why: why.to_owned(),
        })
    };
    for (name, value) in fields {
        let data = match value {
            Value::Text(t) => {
                match *name {
                    "role" => day.role = t.clone(),
                    "self" => day.self_text = t.clone(),
                    _ => refuse(name, "text where a value belongs"),
                }
                continue;
            }
            // One field deleted beside others: that part is empty.
            Value::Deleted => match *name {
                "role" => {
                    day.role.clear();
                    continue;
                }
                "self" => {
                    day.self_text.clear();
                    continue;
                }
                _ => Json::Null,
            },
            Value::Data(d) => d.clone(),
        };
        let mut check = day.check_in.clone();
        let scale = |v: &Json| -> Result<Option<u8>, &'static str> {
            match v {
                Json::Null => Ok(None),
                _ => v
                    .as_u64()
                    .and_then(|n| u8::try_from(n).ok())
                    .map(Some)
                    .ok_or("not a whole number"),
            }
        };
        let set: Result<(), &str> = match *name {
            "stress" => scale(&data).map(|v| check.stress = v),
            "resilience" => scale(&data).map(|v| check.resilience = v),
            "overlap" => scale(&data).map(|v| check.overlap = v),
            "boundary" => match &data {
                Json::Null => {
                    check.boundary = None;
                    Ok(())
                }
                Json::String(s) => s
                    .parse()
                    .map(|b| check.boundary = Some(b))
                    .map_err(|_| "not kept or broken"),
                _ => Err("not kept or broken"),
            },
            "after_hours" => match &data {
                Json::Null => {
                    check.after_hours_minutes = None;
                    Ok(())
                }
                v => v
                    .as_u64()
                    .and_then(|n| u32::try_from(n).ok())
                    .map(|n| check.after_hours_minutes = Some(n))
                    .ok_or("not a whole number of minutes"),
            },
            "prompts" => match serde_json::from_value::<Vec<String>>(data) {
                Ok(ids) => {
                    day.prompt_ids = ids;
                    Ok(())
                }
                Err(_) => Err("not a list of prompt ids"),
            },
            _ => Err("not a field of a day"),
        };
        match set.and_then(|()| check.validate().map_err(|_| "outside its scale")) {
            Ok(()) => day.check_in = check,
            Err(why) => refuse(name, why),
        }
    }
    day.refresh_tags();
    (Some(day), refused)
}

/// The record a field belongs to.
pub(crate) fn record_of_field(field: &str) -> Option<SyncRecord> {
    if let Some((date, _)) = parse_day_field(field) {
        return Some(SyncRecord::Day(date));
    }
    let (kind, rest) = field.split_once('/')?;
    match kind {
        "week" => rest.split_once('/')?.0.parse().ok().map(SyncRecord::Week),
        "settings" => Some(SyncRecord::Settings),
        "values" => Some(SyncRecord::Values),
        "events" => Some(SyncRecord::Events),
        "prompts" => Some(SyncRecord::Prompts),
        _ => None,
    }
}

/// The prefix every field of `record` starts with.
pub(crate) fn prefix(record: SyncRecord) -> String {
    record.name() + "/"
}

/// Settings that stay on their computer.
const LOCAL_SETTINGS: &[&str] = &["reminders.background"];

/// The settings as one JSON object per field: top-level keys, and `reminders.*` one level in.
fn settings_map(settings: &Settings) -> BTreeMap<String, Json> {
    let mut out = BTreeMap::new();
    if let Ok(Json::Object(map)) = serde_json::to_value(settings) {
        for (key, value) in map {
            match value {
                Json::Object(inner) => {
                    for (k, v) in inner {
                        out.insert(format!("{key}.{k}"), v);
                    }
                }
                v => {
                    out.insert(key, v);
                }
            }
        }
    }
    out.retain(|k, _| !LOCAL_SETTINGS.contains(&k.as_str()));
    out
}

/// The settings `base` with `key` (as `settings_map` names it) set to `value`.
fn with_setting(base: &Settings, key: &str, value: Json) -> Option<Settings> {
    let mut json = serde_json::to_value(base).ok()?;
    match key.split_once('.') {
        Some((outer, inner)) => *json.get_mut(outer)?.get_mut(inner)? = value,
        None => *json.get_mut(key)? = value,
    }
    let next: Settings = serde_json::from_value(json).ok()?;
    next.validated().ok()
}

fn lines(items: &[String]) -> Value {
    Value::Text(items.join("\n"))
}

fn items(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

/// A record's fields (a record that is not there: each field it has deleted).
pub(crate) fn fields_of(
    record: SyncRecord,
    value: Option<&SyncValue>,
) -> Vec<(String, Kind, Value)> {
    let p = prefix(record);
    match (record, value) {
        (SyncRecord::Day(date), Some(SyncValue::Day(d))) => day_fields(date, Some(d)),
        (SyncRecord::Day(date), _) => day_fields(date, None),
        (SyncRecord::Week(_), Some(SyncValue::Week(w))) => {
            let mut out: Vec<(String, Kind, Value)> = w
                .answers
                .iter()
                .map(|a| {
                    (
                        format!("{p}answer/{}", a.prompt_id),
                        Kind::Text,
                        Value::Text(a.text.clone()),
                    )
                })
                .collect();
            out.extend([
                (format!("{p}gave"), Kind::Lines, lines(&w.role_gave)),
                (format!("{p}cost"), Kind::Lines, lines(&w.role_cost)),
                (
                    format!("{p}boundary"),
                    Kind::Text,
                    Value::Text(w.next_boundary.clone()),
                ),
                (
                    format!("{p}kept"),
                    Kind::Register,
                    Value::Data(w.kept_last_boundary.map_or(Json::Null, Json::from)),
                ),
                (
                    format!("{p}values"),
                    Kind::Register,
                    Value::Data(serde_json::to_value(&w.values).unwrap_or(Json::Null)),
                ),
            ]);
            out
        }
        (SyncRecord::Week(_), _) => [("gave", Kind::Lines), ("cost", Kind::Lines)]
            .iter()
            .chain(&[("boundary", Kind::Text)])
            .map(|(n, k)| (format!("{p}{n}"), *k, Value::Deleted))
            .chain(
                ["kept", "values"]
                    .iter()
                    .map(|n| (format!("{p}{n}"), Kind::Register, Value::Deleted)),
            )
            .collect(),
        (SyncRecord::Settings, value) => {
            let settings = match value {
                Some(SyncValue::Settings(s)) => s.clone(),
                _ => Settings::default(),
            };
            settings_map(&settings)
                .into_iter()
                .map(|(k, v)| {
                    let value = if value.is_some() {
                        Value::Data(v)
                    } else {
                        Value::Deleted
                    };
                    (format!("{p}{k}"), Kind::Register, value)
                })
                .collect()
        }
        (SyncRecord::Values, Some(SyncValue::Values(book))) => vec![(
            format!("{p}book"),
            Kind::Register,
            Value::Data(serde_json::to_value(&book.values).unwrap_or(Json::Null)),
        )],
        (SyncRecord::Values, _) => vec![(format!("{p}book"), Kind::Register, Value::Deleted)],
        (SyncRecord::Events, Some(SyncValue::Events(events))) => {
            let mut lines: Vec<String> = events.iter().map(event_line).collect();
            lines.sort();
            vec![(
                format!("{p}list"),
                Kind::Lines,
                Value::Text(lines.join("\n")),
            )]
        }
        (SyncRecord::Events, _) => vec![(format!("{p}list"), Kind::Lines, Value::Deleted)],
        (SyncRecord::Prompts, Some(SyncValue::Prompts(prompts))) => prompts
            .iter()
            .filter(|pr| pr.origin == PromptOrigin::User || pr.edited || pr.hidden)
            .map(|pr| {
                let state = PromptState {
                    side: pr.side,
                    cadence: pr.cadence,
                    theme: pr.theme,
                    text: pr.text.clone(),
                    edited: pr.edited,
                    hidden: pr.hidden,
                };
                (
                    format!("{p}{}", pr.id),
                    Kind::Register,
                    Value::Data(serde_json::to_value(&state).unwrap_or(Json::Null)),
                )
            })
            .collect(),
        (SyncRecord::Prompts, _) => Vec::new(),
    }
}

/// A prompt as sync carries it: what the person can change of it.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct PromptState {
    side: Side,
    cadence: Cadence,
    theme: Theme,
    text: String,
    /// A shipped prompt's wording was changed by the person.
    edited: bool,
    hidden: bool,
}

/// An event as one line of the events' list: its draft as JSON (dates first, so the lines
/// sort by date), without its id.
fn event_line(event: &CycleEvent) -> String {
    let draft = EventDraft {
        start: event.start,
        end: Some(event.end),
        kind: event.kind.clone(),
        note: event.note.clone(),
    };
    serde_json::to_string(&draft).unwrap_or_default()
}

/// The record `fields` (full names, as `fields_of` gives them) make of `local`: as
/// `day_from_fields` does for a day. `None` when every field is deleted.
pub(crate) fn value_from_fields(
    record: SyncRecord,
    local: Option<&SyncValue>,
    fields: &BTreeMap<String, Value>,
    now: DateTime<FixedOffset>,
) -> (Option<SyncValue>, Vec<Refused>) {
    let p = prefix(record);
    let mut refused = Vec::new();
    let all_deleted = !fields.is_empty() && fields.values().all(|v| *v == Value::Deleted);
    match record {
        SyncRecord::Day(date) => {
            let local = match local {
                Some(SyncValue::Day(d)) => Some(d),
                _ => None,
            };
            let named: BTreeMap<&str, Value> = fields
                .iter()
                .filter_map(|(f, v)| Some((f.strip_prefix(&p)?, v.clone())))
                .collect();
            let (day, refused) = day_from_fields(date, local, &named, now);
            (day.map(SyncValue::Day), refused)
        }
        SyncRecord::Week(week) => {
            if all_deleted {
                return (None, refused);
            }
            let mut w = match local {
                Some(SyncValue::Week(w)) => w.clone(),
                _ => WeekReflection::new(week, WeekContent::default(), now, now),
            };
            for (field, value) in fields {
                let Some(name) = field.strip_prefix(&p) else {
                    continue;
                };
                let text = match value {
                    Value::Text(t) => Some(t.clone()),
                    Value::Deleted => None,
                    Value::Data(_) => None,
                };
                match (name, value) {
                    (n, _) if n.starts_with("answer/") => {
                        let id = &n["answer/".len()..];
                        let text = text.unwrap_or_default();
                        match w.answers.iter_mut().find(|a| a.prompt_id == id) {
                            Some(a) => a.text = text,
                            None => w.answers.push(PromptAnswer {
                                prompt_id: id.to_owned(),
                                text,
                            }),
                        }
                    }
                    ("gave", _) => w.role_gave = items(&text.unwrap_or_default()),
                    ("cost", _) => w.role_cost = items(&text.unwrap_or_default()),
                    ("boundary", _) => w.next_boundary = text.unwrap_or_default(),
                    ("kept", Value::Data(Json::Bool(b))) => w.kept_last_boundary = Some(*b),
                    ("kept", Value::Data(Json::Null) | Value::Deleted) => {
                        w.kept_last_boundary = None
                    }
                    ("values", Value::Data(json)) => match serde_json::from_value(json.clone()) {
                        Ok(v) => w.values = v,
                        Err(_) => refused.push(Refused {
                            field: field.clone(),
                            why: "not a list of value checks".into(),
                        }),
                    },
                    ("values", Value::Deleted) => w.values.clear(),
                    _ => refused.push(Refused {
                        field: field.clone(),
                        why: "not a field of a week".into(),
                    }),
                }
            }
            w.answers.retain(|a| !a.text.trim().is_empty());
            let created = w.created_at;
            match w.clone().into_content().validated() {
                Ok(content) => (
                    Some(SyncValue::Week(WeekReflection::new(
                        week,
                        content,
                        created,
                        w.updated_at,
                    ))),
                    refused,
                ),
                Err(e) => {
                    // The week as this computer had it stays; what came in is named.
                    refused.push(Refused {
                        field: p.trim_end_matches('/').to_owned(),
                        why: e.to_string(),
                    });
                    (local.cloned(), refused)
                }
            }
        }
        SyncRecord::Settings => {
            let mut settings = match local {
                Some(SyncValue::Settings(s)) => s.clone(),
                _ => Settings::default(),
            };
            let defaults = settings_map(&Settings::default());
            for (field, value) in fields {
                let Some(key) = field.strip_prefix(&p) else {
                    continue;
                };
                let json = match value {
                    Value::Data(j) => j.clone(),
                    Value::Deleted | Value::Text(_) => match defaults.get(key) {
                        Some(d) => d.clone(),
                        None => continue,
                    },
                };
                match with_setting(&settings, key, json) {
                    Some(next) => settings = next,
                    None => refused.push(Refused {
                        field: field.clone(),
                        why: "not a setting this journal takes".into(),
                    }),
                }
            }
            (Some(SyncValue::Settings(settings)), refused)
        }
        SyncRecord::Prompts => {
            let mut prompts: Vec<Prompt> = match local {
                Some(SyncValue::Prompts(p)) => p.clone(),
                _ => Vec::new(),
            };
            let shipped = crate::prompts::shipped().unwrap_or_default();
            for (field, value) in fields {
                let Some(id) = field.strip_prefix(&p) else {
                    continue;
                };
                let mut refuse = |why: &str| {
                    refused.push(Refused {
                        field: field.clone(),
                        why: why.into(),
                    })
                };
                let here = prompts.iter().position(|pr| pr.id == id);
                match value {
                    Value::Data(json) => {
                        let Ok(state) = serde_json::from_value::<PromptState>(json.clone()) else {
                            refuse("not a prompt");
                            continue;
                        };
                        let fields = PromptFields {
                            side: state.side,
                            cadence: state.cadence,
                            theme: state.theme,
                            text: state.text.clone(),
                        };
                        let Ok(fields) = fields.validated() else {
                            refuse("not a prompt this journal takes");
                            continue;
                        };
                        match here {
                            Some(i) => {
                                let pr = &mut prompts[i];
                                pr.hidden = state.hidden;
                                // A shipped prompt left unedited keeps this Keel's wording.
                                if pr.origin == PromptOrigin::User || state.edited {
                                    pr.side = fields.side;
                                    pr.cadence = fields.cadence;
                                    pr.theme = fields.theme;
                                    pr.text = fields.text;
                                }
                                pr.edited = pr.origin == PromptOrigin::Shipped && state.edited;
                            }
                            None if id.starts_with("u-") => prompts.push(Prompt {
                                hidden: state.hidden,
                                ..Prompt::own(id.to_owned(), fields)
                            }),
                            None => refuse("a prompt this Keel does not ship"),
                        }
                    }
                    Value::Deleted => match here.map(|i| prompts[i].origin) {
                        Some(PromptOrigin::User) => {
                            prompts.retain(|pr| pr.id != id);
                        }
                        Some(PromptOrigin::Shipped) => {
                            if let Some(original) = shipped.iter().find(|s| s.id == id) {
                                if let Some(i) = here {
                                    prompts[i] = original.clone();
                                }
                            }
                        }
                        None => {}
                    },
                    Value::Text(_) => refuse("not a prompt"),
                }
            }
            prompts.sort_by(|a, b| a.id.cmp(&b.id));
            (Some(SyncValue::Prompts(prompts)), refused)
        }
        SyncRecord::Events => {
            let local: &[CycleEvent] = match local {
                Some(SyncValue::Events(events)) => events,
                _ => &[],
            };
            let field = format!("{p}list");
            let text = match fields.get(&field) {
                Some(Value::Text(t)) => t.as_str(),
                Some(Value::Data(_)) => {
                    refused.push(Refused {
                        field,
                        why: "not a list of events".into(),
                    });
                    return (local_events(local), refused);
                }
                Some(Value::Deleted) | None => "",
            };
            // An event this journal holds keeps its id (each taken once); a new one has 0.
            let mut taken: Vec<u64> = Vec::new();
            let mut events = Vec::new();
            for line in text.lines().filter(|l| !l.trim().is_empty()) {
                let event = serde_json::from_str::<EventDraft>(line)
                    .map_err(|e| e.to_string())
                    .and_then(|d| d.into_event(0).map_err(|e| e.to_string()));
                let event = match event {
                    Ok(e) => e,
                    Err(why) => {
                        refused.push(Refused {
                            field: field.clone(),
                            why,
                        });
                        continue;
                    }
                };
                let id = local
                    .iter()
                    .find(|l| {
                        !taken.contains(&l.id)
                            && (l.start, l.end, &l.kind, &l.note)
                                == (event.start, event.end, &event.kind, &event.note)
                    })
                    .map_or(0, |l| l.id);
                if id != 0 {
                    taken.push(id);
                }
                events.push(CycleEvent { id, ..event });
            }
            events.sort_by_key(|e| (e.start, e.id));
            (
                (!events.is_empty()).then_some(SyncValue::Events(events)),
                refused,
            )
        }
        SyncRecord::Values => {
            if all_deleted {
                return (None, refused);
            }
            let Some(Value::Data(json)) = fields.get(&format!("{p}book")) else {
                return (local.cloned(), refused);
            };
            let book = serde_json::from_value(json.clone())
                .ok()
                .map(|values| ValueBook { values })
                .and_then(|b: ValueBook| b.validated().ok());
            match book {
                Some(b) => (Some(SyncValue::Values(b)), refused),
                None => {
                    refused.push(Refused {
                        field: format!("{p}book"),
                        why: "not a list of values".into(),
                    });
                    (local.cloned(), refused)
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Boundary, CheckIn};

    fn now() -> chrono::DateTime<chrono::FixedOffset> {
        chrono::DateTime::parse_from_rfc3339("2026-12-01T20:00:00+01:00").unwrap()
    }

    fn date() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
    }

    fn page() -> DayEntry {
        let mut d = DayEntry::new(date(), now());
        d.role = "The #review ran late.".into();
        d.self_text = "Dinner with Ana.".into();
        d.check_in = CheckIn {
            stress: Some(7),
            resilience: Some(4),
            overlap: None,
            boundary: Some(Boundary::Broken),
            after_hours_minutes: Some(40),
        };
        d.prompt_ids = vec!["r-001".into(), "s-004".into()];
        d.refresh_tags();
        d
    }

    fn by_name(fields: &[(String, Kind, Value)]) -> BTreeMap<&str, Value> {
        fields
            .iter()
            .map(|(f, _, v)| (parse_day_field(f).unwrap().1, v.clone()))
            .collect()
    }

    #[test]
    fn a_day_goes_to_fields_and_comes_back_the_same() {
        let d = page();
        let fields = day_fields(date(), Some(&d));
        assert_eq!(fields.len(), DAY_FIELDS.len());
        assert_eq!(fields[0].0, "day/2026-12-01/role");
        let (back, refused) = day_from_fields(date(), None, &by_name(&fields), now());
        assert!(refused.is_empty(), "{refused:?}");
        assert_eq!(back, Some(d));
        // A page that is not there: every field deleted, and back: no page.
        let gone = day_fields(date(), None);
        assert!(gone.iter().all(|(_, _, v)| *v == Value::Deleted));
        assert_eq!(
            day_from_fields(date(), Some(&page()), &by_name(&gone), now()).0,
            None
        );
    }

    #[test]
    fn a_value_the_journal_would_refuse_is_not_taken_and_the_rest_is() {
        let local = page();
        let mut fields = BTreeMap::new();
        fields.insert("stress", Value::Data(Json::from(11)));
        fields.insert("boundary", Value::Data(Json::from("maybe")));
        fields.insert("self", Value::Text("Dinner with Ana, and a #walk.".into()));
        let (d, refused) = day_from_fields(date(), Some(&local), &fields, now());
        let d = d.unwrap();
        assert_eq!(d.check_in.stress, Some(7), "the local rating stands");
        assert_eq!(d.check_in.boundary, Some(Boundary::Broken));
        assert_eq!(d.self_text, "Dinner with Ana, and a #walk.");
        assert_eq!(
            d.tags,
            vec!["review".to_owned(), "walk".to_owned()],
            "tags derived here"
        );
        let names: Vec<&str> = refused.iter().map(|r| r.field.as_str()).collect();
        assert_eq!(
            names,
            vec!["day/2026-12-01/boundary", "day/2026-12-01/stress"]
        );
    }

    #[test]
    fn only_a_day_field_is_a_day_field() {
        assert_eq!(
            parse_day_field("day/2026-12-01/self"),
            Some((date(), "self"))
        );
        for other in [
            "day/2026-13-01/self",
            "day/2026-12-01/mood",
            "week/2026-W49/gave",
            "day/x",
        ] {
            assert_eq!(parse_day_field(other), None, "{other}");
        }
    }
}
