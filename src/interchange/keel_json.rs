//! Keel JSON: the whole journal in one versioned file. `export` writes it; `plan` reads it
//! back. Importing into an empty journal restores it exactly; into a journal that has pages,
//! an identical page is a duplicate, a different one a conflict (the journal's page is kept),
//! and a page that holds nothing yet is replaced.

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use super::{bad_file, because, sort_out, BadEntry, ImportOptions, ImportPlan, Source};
use crate::cycle::{CycleEvent, EventDraft, PersonalValue, ValueBook};
use crate::error::{Reason, Result};
use crate::model::{DayEntry, Prompt, PromptOrigin, Settings, WeekReflection};
use crate::store::{ImportBatch, Journal, MAX_RECORD_BYTES};

/// The format's name and the version this build writes (and the newest it reads).
pub(crate) const FORMAT: &str = "keel";
/// Version 2 added the values (with each week's check-ins of them) and the events.
pub(crate) const VERSION: u32 = 2;

/// The file. No timestamp of the export itself: the same journal always exports the same bytes.
#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct KeelFile {
    pub format: String,
    pub version: u32,
    pub days: Vec<DayEntry>,
    pub weeks: Vec<WeekReflection>,
    /// The user's own prompts, and shipped prompts they edited or hid.
    pub prompts: Vec<Prompt>,
    pub settings: Settings,
    /// Every value named, active and retired, the active ones first in their order (version 2).
    #[serde(default)]
    pub values: Vec<PersonalValue>,
    /// The work cycle's events (version 2).
    #[serde(default)]
    pub events: Vec<CycleEvent>,
}

/// The journal as a `KeelFile`.
pub(crate) fn file_of(journal: &Journal) -> Result<KeelFile> {
    Ok(KeelFile {
        format: FORMAT.into(),
        version: VERSION,
        days: journal.days(..).collect::<Result<_>>()?,
        weeks: journal.weeks()?,
        prompts: journal
            .stored_prompts()?
            .into_iter()
            .filter(|p| p.origin == PromptOrigin::User || p.edited || p.hidden)
            .collect(),
        settings: journal.settings()?,
        values: journal.values()?.values,
        events: journal.events()?,
    })
}

/// The file's top level: each field kept as the text it was written as, borrowed from the
/// file, so a large file is never held as a tree of JSON values (100,000 days read as one
/// peaked at 737 MiB), and each item is parsed from its own text as it is taken.
type Top<'a> = std::collections::BTreeMap<String, &'a RawValue>;

/// A field's items, if it is a list (an absent or null field has none).
fn list(field: Option<&RawValue>) -> Option<Vec<&RawValue>> {
    serde_json::from_str(field?.get()).ok()
}

/// A field's value unless it is absent or null.
fn given(field: Option<&RawValue>) -> Option<&RawValue> {
    field.filter(|raw| raw.get() != "null")
}

fn items<T: serde::de::DeserializeOwned>(
    list: &[&RawValue],
    key: &str,
    offset: usize,
) -> Vec<std::result::Result<T, BadEntry>> {
    list.iter()
        .enumerate()
        .map(|(i, item)| {
            serde_json::from_str(item.get()).map_err(|e| {
                BadEntry::new(
                    offset + i + 1,
                    key.trim_end_matches('s'),
                    because("reason-entry-unreadable", e),
                )
            })
        })
        .collect()
}

pub(crate) fn plan(
    journal: &Journal,
    bytes: &[u8],
    options: ImportOptions,
    now: chrono::DateTime<chrono::FixedOffset>,
) -> Result<ImportPlan> {
    let _ = now;
    let source = Source::Keel;
    let top: Top = match serde_json::from_slice(bytes) {
        Ok(top) => top,
        // JSON, but not an object: no format names it.
        Err(e) if e.is_data() => Top::new(),
        Err(e) => return Err(bad_file(source, because("reason-import-not-json", e))),
    };
    let field = |key: &str| top.get(key).copied();
    let text =
        |field: Option<&RawValue>| -> Option<String> { serde_json::from_str(field?.get()).ok() };
    if text(field("format")).as_deref() != Some(FORMAT) {
        return Err(bad_file(
            source,
            Reason::new("reason-import-format", vec![]),
        ));
    }
    let version = field("version")
        .and_then(|v| serde_json::from_str::<u64>(v.get()).ok())
        .unwrap_or(0);
    if version == 0 || version > u64::from(VERSION) {
        return Err(bad_file(
            source,
            Reason::new(
                "reason-import-version",
                vec![("version", version.into()), ("max", VERSION.into())],
            ),
        ));
    }
    let mut lists = Vec::new();
    for key in ["days", "weeks", "prompts"] {
        match list(field(key)) {
            Some(items) => lists.push(items),
            None => {
                return Err(bad_file(
                    source,
                    Reason::new("reason-import-no-list", vec![("key", key.into())]),
                ))
            }
        }
    }
    let [day_items, week_items, prompt_items]: [Vec<&RawValue>; 3] =
        lists.try_into().expect("three lists");
    // Days are checked as they would be stored: valid ratings, under the record size.
    let days: Vec<std::result::Result<DayEntry, BadEntry>> =
        items::<DayEntry>(&day_items, "days", 0)
            .into_iter()
            .enumerate()
            .map(|(i, d)| {
                d.and_then(|mut d| {
                    // Tags are derived from the text, never taken from a file on trust.
                    d.refresh_tags();
                    d.check_in
                        .validate()
                        .map_err(|e| BadEntry::new(i + 1, "day", Reason::error(e)))?;
                    let size = d.role.len() + d.self_text.len();
                    if size > MAX_RECORD_BYTES {
                        return Err(BadEntry::new(
                            i + 1,
                            "day",
                            Reason::new(
                                "reason-entry-page-size",
                                vec![("date", d.date.to_string().into())],
                            ),
                        ));
                    }
                    Ok(d)
                })
            })
            .collect();
    let n_entries = days.len();
    let n_days_in_file = days.len();
    drop(day_items);
    let mut weeks = items::<WeekReflection>(&week_items, "weeks", n_days_in_file);
    // The file's values, taken into the journal's (matched by name; ids mapped).
    let file_values: ValueBook = match given(field("values")) {
        None => ValueBook::default(),
        Some(v) => ValueBook {
            values: serde_json::from_str::<Vec<PersonalValue>>(v.get())
                .map_err(|e| bad_file(source, because("reason-import-values", e)))?,
        }
        .validated()
        .map_err(|e| bad_file(source, Reason::error(e)))?,
    };
    let mut values = journal.values()?;
    let before = values.clone();
    let id_map = values.absorb(&file_values);
    for week in weeks.iter_mut().flatten() {
        // A check-in of a value the file does not name is dropped: it names nothing.
        week.values.retain(|c| id_map.contains_key(&c.value));
        for check in &mut week.values {
            check.value = id_map[&check.value];
        }
    }
    // Events are checked as the app would check them.
    let events = items::<CycleEvent>(&list(field("events")).unwrap_or_default(), "events", 0)
        .into_iter()
        .enumerate()
        .map(|(i, e)| {
            e.and_then(|e| {
                let draft = EventDraft {
                    start: e.start,
                    end: Some(e.end),
                    kind: e.kind.clone(),
                    note: e.note.clone(),
                };
                match draft.into_event(e.id) {
                    Ok(checked) if checked == e => Ok(e),
                    Ok(_) => Err(BadEntry::new(
                        i + 1,
                        "event",
                        Reason::new("reason-entry-note-space", vec![]),
                    )),
                    Err(err) => Err(BadEntry::new(i + 1, "event", Reason::error(err))),
                }
            })
        })
        .collect();
    let prompts = items::<Prompt>(&prompt_items, "prompts", 0);
    let (mut days, mut skipped) = sort_out(source, days, options)?;
    let (mut weeks, bad_weeks) = sort_out(source, weeks, options)?;
    let (mut prompts, bad_prompts) = sort_out(source, prompts, options)?;
    // Counted ids of the person's own prompts become this journal's (random, or the same
    // prompt's here), in the prompts and in the days and weeks that name them.
    let renamed = journal.ids_for_imported_prompts(&mut prompts)?;
    let rename = |id: &mut String| {
        if let Some(next) = renamed.get(id.as_str()) {
            next.clone_into(id);
        }
    };
    for day in &mut days {
        day.prompt_ids.iter_mut().for_each(rename);
    }
    for week in &mut weeks {
        week.answers
            .iter_mut()
            .for_each(|a| rename(&mut a.prompt_id));
    }
    let (events, bad_events) = sort_out(source, events, options)?;
    skipped.extend(bad_events);
    skipped.extend(bad_weeks);
    skipped.extend(bad_prompts);
    let settings: Option<Settings> = match given(field("settings")) {
        None => None,
        Some(s) => Some(
            serde_json::from_str(s.get())
                .map_err(|e| bad_file(source, because("reason-import-settings", e)))?,
        ),
    };

    let mut batch = ImportBatch::default();
    let mut conflicts = Vec::new();
    let mut n_duplicates = 0;
    for day in days {
        match journal.day(day.date)? {
            Some(existing) if existing == day => n_duplicates += 1,
            Some(existing) if !existing.is_blank() => conflicts.push(day.date),
            _ => batch.days.push(day),
        }
    }
    for week in weeks {
        match journal.week(week.week)? {
            Some(existing) if existing == week => n_duplicates += 1,
            Some(_) => {}
            None => batch.weeks.push(week),
        }
    }
    for prompt in prompts {
        if journal.stored_prompt(&prompt.id)?.as_ref() != Some(&prompt) {
            batch.prompts.push(prompt);
        }
    }
    let existing = journal.events()?;
    for event in events {
        if existing
            .iter()
            .chain(&batch.events)
            .any(|e| e.same_as(&event))
        {
            n_duplicates += 1;
        } else {
            batch.events.push(event);
        }
    }
    if values != before {
        batch.values = Some(values);
    }
    // Settings come along only into a journal whose settings were never changed.
    if journal.settings()? == Settings::default() {
        batch.settings = settings.filter(|s| *s != Settings::default());
    }
    Ok(ImportPlan {
        source,
        n_entries,
        n_new: batch.days.len(),
        n_duplicates,
        n_days: batch.days.len(),
        // A file's days may come in any order (the benches' generator writes newest first).
        first_date: batch.days.iter().map(|d| d.date).min(),
        last_date: batch.days.iter().map(|d| d.date).max(),
        conflicts,
        skipped,
        batch,
    })
}
