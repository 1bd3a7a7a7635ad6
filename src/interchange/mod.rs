//! Export and import: the journal's data in open formats, in and out.
//!
//! Export: Keel JSON (everything, versioned, byte-for-byte stable: export → import into an
//! empty journal → export gives the same file), a Markdown folder (one file per day and per
//! week, YAML front matter), and a CSV of the check-ins.
//!
//! Import: Keel JSON, jrnl's JSON export, and Day One's JSON export (the `.json` or the whole
//! `.zip`). Every import is planned first (`plan`): the file is read and checked in full, the
//! result computed, nothing written; `apply` then writes the plan in one transaction. A bad
//! entry refuses the whole file, naming the entry and the field, unless the caller asks to skip
//! bad entries (then the report lists them). Imported entries are marked by source and id
//! (jrnl has no ids: a hash of date, time, title and body stands in), so a second import of
//! the same file changes nothing.

mod dayone;
mod export;
mod jrnl;
mod keel_json;

use std::collections::BTreeSet;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime};
use serde::Serialize;

use crate::error::{KeelError, Reason, Result};
use crate::model::{DayEntry, Side};
use crate::store::{ImportBatch, Journal};

pub use export::{
    chart_file_name, check_chart, export, export_csv, export_json, export_markdown, export_text,
    write_chart, ExportFormat, MAX_CHART_BYTES,
};

crate::wire::wire_enum! {
    /// Where an import comes from.
    pub enum Source ("an import's source") {
        Keel = "keel",
        Jrnl = "jrnl",
        DayOne = "dayone",
    }
}

impl Source {
    pub fn name(self) -> &'static str {
        match self {
            Source::Keel => "Keel JSON",
            Source::Jrnl => "jrnl JSON",
            Source::DayOne => "Day One",
        }
    }

    /// The prefix of this source's import marks. Stored in every journal, so it is a format
    /// of its own, not the wire name (which it happens to equal): it never changes.
    fn mark_prefix(self) -> &'static str {
        match self {
            Source::Keel => "keel",
            Source::Jrnl => "jrnl",
            Source::DayOne => "dayone",
        }
    }
}

/// How to import.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImportOptions {
    /// The column other journals' entries go to (jrnl and Day One): "Who I am" by default.
    pub side: Side,
    /// Import the good entries of a partly bad file, listing the bad ones.
    pub skip_bad: bool,
}

impl ImportOptions {
    /// An import asked for in words (the app sends them as headers beside the file's bytes):
    /// the source (keel, jrnl, dayone), the side (role or self; empty: self) and whether to
    /// skip bad entries (true or 1).
    pub fn from_request(
        source: &str,
        side: &str,
        skip_bad: &str,
    ) -> Result<(Source, ImportOptions)> {
        let bad = |reason: Reason| KeelError::InvalidImportRequest { reason };
        let source: Source = source.parse().map_err(|_| {
            bad(Reason::new(
                "reason-import-source",
                vec![("source", source.into())],
            ))
        })?;
        let side = match side.trim() {
            "" => Side::Myself,
            other => match other.parse() {
                Ok(side @ (Side::Role | Side::Myself)) => side,
                _ => {
                    return Err(bad(Reason::new(
                        "reason-import-side",
                        vec![("side", other.into())],
                    )))
                }
            },
        };
        let skip_bad = matches!(skip_bad.trim(), "true" | "1");
        Ok((source, ImportOptions { side, skip_bad }))
    }
}

impl Default for ImportOptions {
    fn default() -> ImportOptions {
        ImportOptions {
            side: Side::Myself,
            skip_bad: false,
        }
    }
}

/// An entry the file could not give, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct BadEntry {
    /// 1-based, in the file's order.
    pub entry: usize,
    pub field: String,
    /// Why, in the language spoken at the edge (`i18n::spoken`) when it is sent.
    #[serde(serialize_with = "spoken_reason")]
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub reason: Reason,
}

fn spoken_reason<S: serde::Serializer>(
    reason: &Reason,
    s: S,
) -> std::result::Result<S::Ok, S::Error> {
    s.serialize_str(&reason.in_lang(crate::i18n::tr(crate::i18n::spoken())))
}

impl BadEntry {
    pub(crate) fn new(entry: usize, field: &str, reason: Reason) -> BadEntry {
        BadEntry {
            entry,
            field: field.to_owned(),
            reason,
        }
    }

    /// "entry 2, field “date”: …", as a reason to put into a sentence.
    pub fn as_reason(&self) -> Reason {
        Reason::new(
            "reason-bad-entry",
            vec![
                ("entry", self.entry.into()),
                ("field", self.field.as_str().into()),
            ],
        )
        .with("reason", self.reason.clone())
    }
}

impl std::fmt::Display for BadEntry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.as_reason().fmt(f)
    }
}

/// One entry of another journal, read and checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ForeignEntry {
    /// Stable across exports of the same entry.
    pub id: String,
    pub date: NaiveDate,
    pub time: Option<NaiveTime>,
    pub title: String,
    pub body: String,
    /// Tags without their sign.
    pub tags: Vec<String>,
    pub starred: bool,
    pub created_at: Option<DateTime<FixedOffset>>,
}

/// What an import will do, computed without writing anything.
#[derive(Debug, Clone, Serialize)]
pub struct ImportPlan {
    pub source: Source,
    /// Entries (or days, for Keel JSON) in the file.
    pub n_entries: usize,
    /// Entries that will be added.
    pub n_new: usize,
    /// Entries imported before, left alone.
    pub n_duplicates: usize,
    /// Days that will change.
    pub n_days: usize,
    pub first_date: Option<NaiveDate>,
    pub last_date: Option<NaiveDate>,
    /// Days that already have writing: the imported text is added below it (jrnl, Day One), or
    /// the journal's page is kept (Keel JSON).
    pub conflicts: Vec<NaiveDate>,
    /// Bad entries skipped (only with `skip_bad`).
    pub skipped: Vec<BadEntry>,
    #[serde(skip)]
    batch: ImportBatch,
}

/// Reads and checks `bytes` as a `source` file and computes what importing it would do.
pub fn plan(
    journal: &Journal,
    source: Source,
    bytes: &[u8],
    options: ImportOptions,
    now: DateTime<FixedOffset>,
) -> Result<ImportPlan> {
    match source {
        Source::Keel => keel_json::plan(journal, bytes, options, now),
        Source::Jrnl => {
            let entries = jrnl::read(bytes)?;
            plan_foreign(journal, source, entries, options, now)
        }
        Source::DayOne => {
            let entries = dayone::read(bytes)?;
            plan_foreign(journal, source, entries, options, now)
        }
    }
}

impl ImportPlan {
    /// Whether applying the plan would write nothing (every entry was imported before).
    pub fn writes_nothing(&self) -> bool {
        self.batch.is_empty()
    }
}

/// Plans the import of the file at `path`, as `plan` does its bytes. A jrnl export is read
/// from the file as a stream, so its bytes are never held beside the entries taken from them
/// (100,000 entries, 149 MB: the import's peak went from 409 to under 300 MiB); the other
/// formats are read whole first (a Day One zip needs its directory).
pub fn plan_file(
    journal: &Journal,
    source: Source,
    path: &std::path::Path,
    options: ImportOptions,
    now: DateTime<FixedOffset>,
) -> Result<ImportPlan> {
    let read = crate::error::io("read", path);
    match source {
        Source::Jrnl => {
            let file = std::fs::File::open(path).map_err(read)?;
            let entries = jrnl::read_from(std::io::BufReader::with_capacity(1 << 16, file))?;
            plan_foreign(journal, source, entries, options, now)
        }
        Source::Keel | Source::DayOne => {
            let bytes = std::fs::read(path).map_err(read)?;
            plan(journal, source, &bytes, options, now)
        }
    }
}

/// Writes a plan, durably (in chunks of pages: `Journal::apply_import`). The plan's pages are
/// taken from it and dropped as they are written, so the file's pages are not held twice, nor
/// beside the store's cache; what the plan says (counts, dates, conflicts) stays. Applying the
/// same plan again writes nothing more.
pub fn apply(journal: &Journal, plan: &mut ImportPlan) -> Result<()> {
    journal.apply_import(std::mem::take(&mut plan.batch))
}

/// Plans and applies in one go; returns the plan that was applied.
pub fn import(
    journal: &Journal,
    source: Source,
    bytes: &[u8],
    options: ImportOptions,
    now: DateTime<FixedOffset>,
) -> Result<ImportPlan> {
    let mut plan = plan(journal, source, bytes, options, now)?;
    apply(journal, &mut plan)?;
    Ok(plan)
}

pub(crate) fn bad_file(source: Source, reason: Reason) -> KeelError {
    KeelError::BadImport {
        source_name: source.name(),
        reason,
    }
}

/// An entry's field that holds the wrong kind of JSON: reason `id` ("expected text, found …")
/// with what was there.
pub(crate) fn found(id: &'static str, value: &serde_json::Value) -> Reason {
    Reason::new(id, vec![("found", value.to_string().into())])
}

/// A file-level reason with a parser's words as its detail.
pub(crate) fn because(id: &'static str, detail: impl std::fmt::Display) -> Reason {
    Reason::new(id, vec![("detail", detail.to_string().into())])
}

/// Splits the file's entries into good ones and bad ones, refusing the file over a bad one
/// unless asked to skip.
pub(crate) fn sort_out<T>(
    source: Source,
    read: Vec<std::result::Result<T, BadEntry>>,
    options: ImportOptions,
) -> Result<(Vec<T>, Vec<BadEntry>)> {
    let mut good = Vec::new();
    let mut bad = Vec::new();
    for r in read {
        match r {
            Ok(e) => good.push(e),
            Err(b) => bad.push(b),
        }
    }
    if !bad.is_empty() && !options.skip_bad {
        let reason = Reason::new(
            "reason-import-bad-entries",
            vec![("more", (bad.len() - 1).into())],
        )
        .with("first", bad[0].as_reason());
        return Err(bad_file(source, reason));
    }
    Ok((good, bad))
}

/// The text one foreign entry becomes: a heading with its time and title, then its body, then
/// its tags; several entries of one day stay apart under their own headings.
fn render_entry(e: &ForeignEntry) -> String {
    let time = e
        .time
        .map(|t| t.format("%H:%M").to_string())
        .unwrap_or_default();
    let star = if e.starred { " ★" } else { "" };
    let heading = match (time.is_empty(), e.title.trim().is_empty()) {
        (false, false) => format!("#### {time} · {}{star}", e.title.trim()),
        (false, true) => format!("#### {time}{star}"),
        (true, false) => format!("#### {}{star}", e.title.trim()),
        (true, true) => String::new(),
    };
    let mut out = heading;
    let body = e.body.trim();
    if !body.is_empty() {
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(body);
    }
    // Tags not already written as #tags in the text go on a line of their own.
    let present = crate::markdown::extract_tags(&out);
    let missing: Vec<String> = e
        .tags
        .iter()
        .map(|t| t.replace(char::is_whitespace, "-").to_lowercase())
        .filter(|t| !t.is_empty() && !present.contains(t))
        .collect();
    if !missing.is_empty() {
        out.push_str("\n\n");
        out.push_str(
            &missing
                .iter()
                .map(|t| format!("#{t}"))
                .collect::<Vec<_>>()
                .join(" "),
        );
    }
    out
}

fn plan_foreign(
    journal: &Journal,
    source: Source,
    entries: Vec<std::result::Result<ForeignEntry, BadEntry>>,
    options: ImportOptions,
    now: DateTime<FixedOffset>,
) -> Result<ImportPlan> {
    let n_entries = entries.len();
    let (mut good, skipped) = sort_out(source, entries, options)?;
    // The entries stay in the one list they were read into, sorted and then taken a date at a
    // time: a map of a list per date held each entry in room for four (100,000 jrnl entries:
    // 54 MB more at the import's peak).
    let mut n_duplicates = 0;
    let mut seen = BTreeSet::new();
    let mut failed = None;
    good.retain(|e| {
        if failed.is_some() {
            return false;
        }
        let mark = format!("{}:{}", source.mark_prefix(), e.id);
        // The same entry twice in one file counts once.
        match journal.was_imported(&mark) {
            Ok(false) if seen.insert(mark) => true,
            Ok(_) => {
                n_duplicates += 1;
                false
            }
            Err(error) => {
                failed = Some(error);
                false
            }
        }
    });
    if let Some(error) = failed {
        return Err(error);
    }
    drop(seen);
    // A day's entries in the order of their times, then titles, then the file's (a stable sort).
    good.sort_by(|a, b| (a.date, a.time, &a.title).cmp(&(b.date, b.time, &b.title)));
    let mut batch = ImportBatch::default();
    let mut conflicts = Vec::new();
    let mut n_new = 0;
    let mut good = good.into_iter().peekable();
    while let Some(first) = good.next() {
        let date = first.date;
        let mut list = vec![first];
        while let Some(e) = good.next_if(|e| e.date == date) {
            list.push(e);
        }
        let created = list
            .iter()
            .filter_map(|e| e.created_at)
            .min()
            .unwrap_or(now);
        let mut day = journal
            .day(date)?
            .unwrap_or_else(|| DayEntry::new(date, created));
        let side_text = match options.side {
            Side::Role => &mut day.role,
            _ => &mut day.self_text,
        };
        if !side_text.trim().is_empty() {
            conflicts.push(date);
        }
        for e in &list {
            let block = render_entry(e);
            if side_text.is_empty() {
                *side_text = block;
            } else {
                if !side_text.trim().is_empty() {
                    side_text.push_str("\n\n");
                }
                side_text.push_str(&block);
            }
            batch
                .marks
                .push((format!("{}:{}", source.mark_prefix(), e.id), date));
            n_new += 1;
        }
        day.refresh_tags();
        day.updated_at = now;
        batch.days.push(day);
    }
    Ok(ImportPlan {
        source,
        n_entries,
        n_new,
        n_duplicates,
        n_days: batch.days.len(),
        first_date: batch.days.first().map(|d| d.date),
        last_date: batch.days.last().map(|d| d.date),
        conflicts,
        skipped,
        batch,
    })
}

/// A stable id for an entry that has none: FNV-1a of its fields.
pub(crate) fn content_id(parts: &[&str]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for b in part.bytes().chain(std::iter::once(0)) {
            h = (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    format!("{h:016x}")
}

#[cfg(test)]
mod tests;
