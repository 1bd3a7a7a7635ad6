//! A day's page as sync fields, and back (the first of the journal's records; weeks, settings,
//! prompts, values and events follow the same shape).
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

use super::history::{Kind, Value};
use crate::model::DayEntry;

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
