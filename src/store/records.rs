//! The on-disk records: the only place that knows how a value is laid out in sled.
//!
//! Each record is JSON with a record version `v`. Decoding accepts every version this build
//! knows and upgrades it to the model type; encoding always writes the newest. A record above
//! `MAX_RECORD_BYTES` is refused before it reaches sled, because sled 0.34 writes larger values
//! to `blobs/` files that it never fsyncs (ENGINEERING-NOTES.md).

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::cycle::{CycleEvent, EventKind, PersonalValue, ValueBook, ValueCheck};
use crate::error::{KeelError, Result};
use crate::model::{
    Boundary, Cadence, CheckIn, DayEntry, Prompt, PromptAnswer, PromptOrigin, Settings, Side,
    Theme, WeekId, WeekReflection,
};

/// Largest encoded record, with room to spare under sled's 128 KiB blob threshold.
pub const MAX_RECORD_BYTES: usize = 120 * 1024;

// A text the preview renders is never larger than a page can hold, nor the other way round.
const _: () = assert!(MAX_RECORD_BYTES == crate::markdown::MAX_RENDER_BYTES);

const DAY_RECORD_VERSION: u32 = 1;
const WEEK_RECORD_VERSION: u32 = 2;
const VALUES_RECORD_VERSION: u32 = 1;
const EVENT_RECORD_VERSION: u32 = 1;
const SETTINGS_RECORD_VERSION: u32 = 1;
const PROMPT_RECORD_VERSION: u32 = 1;

#[derive(Serialize, Deserialize)]
struct PromptRecordV1 {
    v: u32,
    id: String,
    side: Side,
    cadence: Cadence,
    theme: Theme,
    text: String,
    origin: PromptOrigin,
    edited: bool,
    hidden: bool,
}

#[derive(Serialize, Deserialize)]
struct DayRecordV1 {
    v: u32,
    date: NaiveDate,
    role: String,
    #[serde(rename = "self")]
    self_text: String,
    stress: Option<u8>,
    resilience: Option<u8>,
    overlap: Option<u8>,
    boundary: Option<Boundary>,
    after_hours_minutes: Option<u32>,
    tags: Vec<String>,
    prompt_ids: Vec<String>,
    created_at: DateTime<FixedOffset>,
    updated_at: DateTime<FixedOffset>,
}

#[derive(Serialize, Deserialize)]
struct WeekRecordV1 {
    v: u32,
    week: WeekId,
    answers: Vec<PromptAnswer>,
    role_gave: Vec<String>,
    role_cost: Vec<String>,
    next_boundary: String,
    kept_last_boundary: Option<bool>,
    created_at: DateTime<FixedOffset>,
    updated_at: DateTime<FixedOffset>,
}

/// Version 2 added the values' check-ins (version 1 had none).
#[derive(Serialize, Deserialize)]
struct WeekRecordV2 {
    v: u32,
    week: WeekId,
    answers: Vec<PromptAnswer>,
    role_gave: Vec<String>,
    role_cost: Vec<String>,
    next_boundary: String,
    kept_last_boundary: Option<bool>,
    values: Vec<ValueCheck>,
    created_at: DateTime<FixedOffset>,
    updated_at: DateTime<FixedOffset>,
}

#[derive(Serialize, Deserialize)]
struct ValuesRecordV1 {
    v: u32,
    values: Vec<PersonalValue>,
}

#[derive(Serialize, Deserialize)]
struct EventRecordV1 {
    v: u32,
    id: u64,
    start: NaiveDate,
    end: NaiveDate,
    kind: EventKind,
    note: String,
}

#[derive(Serialize, Deserialize)]
struct SettingsRecordV1 {
    v: u32,
    settings: Settings,
}

/// Only the version field, read first to pick a decoder.
#[derive(Deserialize)]
struct Version {
    v: u32,
}

fn corrupt(what: impl Into<String>, detail: impl ToString) -> KeelError {
    KeelError::Corrupt {
        what: what.into(),
        detail: detail.to_string(),
    }
}

fn version_of(bytes: &[u8], what: &str, newest: u32) -> Result<u32> {
    let Version { v } = serde_json::from_slice(bytes).map_err(|e| corrupt(what, e))?;
    known_version(v, what, newest)
}

/// Reads a record of the one version its kind has ever had in one pass (a page is read on
/// every search hit: parsing it once for its version and again for its fields cost twice). The
/// version is checked from what was read; a record that does not read as `T` is asked for its
/// version first, so one from a newer Keel says so rather than that it is damaged.
fn read_single_version<T: serde::de::DeserializeOwned>(
    bytes: &[u8],
    what: &str,
    newest: u32,
    v: impl Fn(&T) -> u32,
) -> Result<T> {
    match serde_json::from_slice::<T>(bytes) {
        Ok(r) => {
            known_version(v(&r), what, newest)?;
            Ok(r)
        }
        Err(e) => {
            version_of(bytes, what, newest)?;
            Err(corrupt(what, e))
        }
    }
}

/// Refuses a record version this build does not read.
fn known_version(v: u32, what: &str, newest: u32) -> Result<u32> {
    if v == 0 || v > newest {
        return Err(corrupt(
            what,
            format!("record version {v}, this build reads 1 to {newest}"),
        ));
    }
    Ok(v)
}

/// Encodes a day, refusing invalid ratings and oversized pages.
pub fn encode_day(entry: &DayEntry) -> Result<Vec<u8>> {
    entry.check_in.validate()?;
    let record = DayRecordV1 {
        v: DAY_RECORD_VERSION,
        date: entry.date,
        role: entry.role.clone(),
        self_text: entry.self_text.clone(),
        stress: entry.check_in.stress,
        resilience: entry.check_in.resilience,
        overlap: entry.check_in.overlap,
        boundary: entry.check_in.boundary,
        after_hours_minutes: entry.check_in.after_hours_minutes,
        tags: entry.tags.clone(),
        prompt_ids: entry.prompt_ids.clone(),
        created_at: entry.created_at,
        updated_at: entry.updated_at,
    };
    // Serializing plain owned data to a Vec cannot fail.
    within_limit(
        serde_json::to_vec(&record).expect("day record serializes"),
        entry.date,
    )
}

/// Refuses a record larger than `MAX_RECORD_BYTES` (named by the day it belongs to).
fn within_limit(bytes: Vec<u8>, date: NaiveDate) -> Result<Vec<u8>> {
    if bytes.len() > MAX_RECORD_BYTES {
        return Err(KeelError::EntryTooLarge {
            date,
            bytes: bytes.len(),
            limit: MAX_RECORD_BYTES,
        });
    }
    Ok(bytes)
}

/// Decodes a day record of any known version.
pub fn decode_day(bytes: &[u8]) -> Result<DayEntry> {
    const WHAT: &str = "day page";
    let r: DayRecordV1 =
        read_single_version(bytes, WHAT, DAY_RECORD_VERSION, |r: &DayRecordV1| r.v)?;
    let check_in = stored_check_in(
        r.date,
        r.stress,
        r.resilience,
        r.overlap,
        r.boundary,
        r.after_hours_minutes,
    )?;
    Ok(DayEntry {
        date: r.date,
        role: r.role,
        self_text: r.self_text,
        check_in,
        tags: r.tags,
        prompt_ids: r.prompt_ids,
        created_at: r.created_at,
        updated_at: r.updated_at,
    })
}

/// Only what the charts need from a day record; serde skips the text without copying it.
#[derive(Deserialize)]
struct CheckInOnly {
    v: u32,
    date: NaiveDate,
    stress: Option<u8>,
    resilience: Option<u8>,
    overlap: Option<u8>,
    boundary: Option<Boundary>,
    after_hours_minutes: Option<u32>,
}

/// Decodes a day record's date and check-in only (for trends over years of pages).
pub fn decode_check_in(bytes: &[u8]) -> Result<(NaiveDate, CheckIn)> {
    const WHAT: &str = "day page";
    let r: CheckInOnly = serde_json::from_slice(bytes).map_err(|e| corrupt(WHAT, e))?;
    known_version(r.v, WHAT, DAY_RECORD_VERSION)?;
    let check_in = stored_check_in(
        r.date,
        r.stress,
        r.resilience,
        r.overlap,
        r.boundary,
        r.after_hours_minutes,
    )?;
    Ok((r.date, check_in))
}

/// A stored check-in, checked as it is read: a value outside its scale means a damaged record.
fn stored_check_in(
    date: NaiveDate,
    stress: Option<u8>,
    resilience: Option<u8>,
    overlap: Option<u8>,
    boundary: Option<Boundary>,
    after_hours_minutes: Option<u32>,
) -> Result<CheckIn> {
    let check_in = CheckIn {
        stress,
        resilience,
        overlap,
        boundary,
        after_hours_minutes,
    };
    check_in
        .validate()
        .map_err(|e| corrupt(format!("day page for {date}"), e))?;
    Ok(check_in)
}

/// Encodes a week's reflection.
pub fn encode_week(week: &WeekReflection) -> Result<Vec<u8>> {
    let record = WeekRecordV2 {
        v: WEEK_RECORD_VERSION,
        week: week.week,
        answers: week.answers.clone(),
        role_gave: week.role_gave.clone(),
        role_cost: week.role_cost.clone(),
        next_boundary: week.next_boundary.clone(),
        kept_last_boundary: week.kept_last_boundary,
        values: week.values.clone(),
        created_at: week.created_at,
        updated_at: week.updated_at,
    };
    // Serializing plain owned data to a Vec cannot fail.
    within_limit(
        serde_json::to_vec(&record).expect("week record serializes"),
        week.week.monday(),
    )
}

/// Decodes a week record of any known version.
pub fn decode_week(bytes: &[u8]) -> Result<WeekReflection> {
    const WHAT: &str = "weekly reflection";
    let r: WeekRecordV2 = match version_of(bytes, WHAT, WEEK_RECORD_VERSION)? {
        1 => {
            let r: WeekRecordV1 = serde_json::from_slice(bytes).map_err(|e| corrupt(WHAT, e))?;
            WeekRecordV2 {
                v: 2,
                week: r.week,
                answers: r.answers,
                role_gave: r.role_gave,
                role_cost: r.role_cost,
                next_boundary: r.next_boundary,
                kept_last_boundary: r.kept_last_boundary,
                values: Vec::new(),
                created_at: r.created_at,
                updated_at: r.updated_at,
            }
        }
        _ => serde_json::from_slice(bytes).map_err(|e| corrupt(WHAT, e))?,
    };
    Ok(WeekReflection {
        week: r.week,
        answers: r.answers,
        role_gave: r.role_gave,
        role_cost: r.role_cost,
        next_boundary: r.next_boundary,
        kept_last_boundary: r.kept_last_boundary,
        values: r.values,
        created_at: r.created_at,
        updated_at: r.updated_at,
    })
}

/// Encodes the person's values.
pub fn encode_values(book: &ValueBook) -> Vec<u8> {
    // Serializing plain owned data to a Vec cannot fail.
    serde_json::to_vec(&ValuesRecordV1 {
        v: VALUES_RECORD_VERSION,
        values: book.values.clone(),
    })
    .expect("values record serializes")
}

/// Decodes the person's values.
pub fn decode_values(bytes: &[u8]) -> Result<ValueBook> {
    const WHAT: &str = "values";
    let r: ValuesRecordV1 =
        read_single_version(bytes, WHAT, VALUES_RECORD_VERSION, |r: &ValuesRecordV1| r.v)?;
    Ok(ValueBook { values: r.values })
}

/// Encodes an event (its note is at most `cycle::MAX_NOTE_CHARS`, far under the record cap).
pub fn encode_event(event: &CycleEvent) -> Vec<u8> {
    // Serializing plain owned data to a Vec cannot fail.
    serde_json::to_vec(&EventRecordV1 {
        v: EVENT_RECORD_VERSION,
        id: event.id,
        start: event.start,
        end: event.end,
        kind: event.kind.clone(),
        note: event.note.clone(),
    })
    .expect("event record serializes")
}

/// Decodes an event.
pub fn decode_event(bytes: &[u8]) -> Result<CycleEvent> {
    const WHAT: &str = "event";
    let r: EventRecordV1 =
        read_single_version(bytes, WHAT, EVENT_RECORD_VERSION, |r: &EventRecordV1| r.v)?;
    Ok(CycleEvent {
        id: r.id,
        start: r.start,
        end: r.end,
        kind: r.kind,
        note: r.note,
    })
}

/// Encodes the settings.
pub fn encode_settings(settings: &Settings) -> Vec<u8> {
    // Serializing plain owned data to a Vec cannot fail.
    serde_json::to_vec(&SettingsRecordV1 {
        v: SETTINGS_RECORD_VERSION,
        settings: settings.clone(),
    })
    .expect("settings record serializes")
}

/// Decodes the settings.
pub fn decode_settings(bytes: &[u8]) -> Result<Settings> {
    const WHAT: &str = "settings record";
    let r: SettingsRecordV1 = read_single_version(
        bytes,
        WHAT,
        SETTINGS_RECORD_VERSION,
        |r: &SettingsRecordV1| r.v,
    )?;
    Ok(r.settings)
}

/// The reminders' ledger record.
#[derive(Serialize, Deserialize)]
struct LedgerRecordV1 {
    v: u32,
    ledger: crate::remind::Ledger,
}

const LEDGER_RECORD_VERSION: u32 = 1;

/// Encodes the reminders' ledger.
pub fn encode_ledger(ledger: &crate::remind::Ledger) -> Vec<u8> {
    // Serializing plain owned data to a Vec cannot fail.
    serde_json::to_vec(&LedgerRecordV1 {
        v: LEDGER_RECORD_VERSION,
        ledger: ledger.clone(),
    })
    .expect("ledger record serializes")
}

/// Decodes the reminders' ledger.
pub fn decode_ledger(bytes: &[u8]) -> Result<crate::remind::Ledger> {
    const WHAT: &str = "reminder ledger";
    let r: LedgerRecordV1 =
        read_single_version(bytes, WHAT, LEDGER_RECORD_VERSION, |r: &LedgerRecordV1| r.v)?;
    Ok(r.ledger)
}

/// Encodes a prompt.
pub fn encode_prompt(p: &Prompt) -> Vec<u8> {
    // Serializing plain owned data to a Vec cannot fail.
    serde_json::to_vec(&PromptRecordV1 {
        v: PROMPT_RECORD_VERSION,
        id: p.id.clone(),
        side: p.side,
        cadence: p.cadence,
        theme: p.theme,
        text: p.text.clone(),
        origin: p.origin,
        edited: p.edited,
        hidden: p.hidden,
    })
    .expect("prompt record serializes")
}

/// Decodes a prompt record of any known version.
pub fn decode_prompt(bytes: &[u8]) -> Result<Prompt> {
    const WHAT: &str = "prompt";
    version_of(bytes, WHAT, PROMPT_RECORD_VERSION)?;
    let r: PromptRecordV1 = serde_json::from_slice(bytes).map_err(|e| corrupt(WHAT, e))?;
    Ok(Prompt {
        id: r.id,
        side: r.side,
        cadence: r.cadence,
        theme: r.theme,
        text: r.text,
        origin: r.origin,
        edited: r.edited,
        hidden: r.hidden,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::parse_date;

    fn entry() -> DayEntry {
        let now = DateTime::parse_from_rfc3339("2026-11-28T18:45:00-08:00").unwrap();
        let mut e = DayEntry::new(parse_date("2026-11-28").unwrap(), now);
        e.role = "Q4 target review #wbr".into();
        e.self_text = "Called my sister.".into();
        e.check_in.stress = Some(8);
        e.check_in.boundary = Some(Boundary::Broken);
        e.check_in.after_hours_minutes = Some(95);
        e.refresh_tags();
        e
    }

    #[test]
    fn day_records_round_trip_with_offsets() {
        let e = entry();
        let back = decode_day(&encode_day(&e).unwrap()).unwrap();
        assert_eq!(back, e);
        assert_eq!(back.created_at.offset().local_minus_utc(), -8 * 3600);
    }

    #[test]
    fn oversized_pages_are_refused() {
        let mut e = entry();
        e.self_text = "x".repeat(MAX_RECORD_BYTES);
        assert!(matches!(
            encode_day(&e),
            Err(KeelError::EntryTooLarge { .. })
        ));
    }

    #[test]
    fn invalid_ratings_cannot_be_encoded_or_decoded() {
        let mut e = entry();
        e.check_in.stress = Some(11);
        assert!(matches!(
            encode_day(&e),
            Err(KeelError::InvalidRating { .. })
        ));
        let tampered = String::from_utf8(encode_day(&entry()).unwrap())
            .unwrap()
            .replace("\"stress\":8", "\"stress\":0");
        assert!(matches!(
            decode_day(tampered.as_bytes()),
            Err(KeelError::Corrupt { .. })
        ));
    }

    #[test]
    fn unknown_record_versions_are_reported_not_guessed() {
        let future = String::from_utf8(encode_day(&entry()).unwrap())
            .unwrap()
            .replacen("\"v\":1", "\"v\":9", 1);
        let err = decode_day(future.as_bytes()).unwrap_err();
        assert!(err.to_string().contains("record version 9"), "{err}");
        assert!(matches!(
            decode_day(b"\xff\x00garbage"),
            Err(KeelError::Corrupt { .. })
        ));
    }
}
