//! Writing the journal out: Keel JSON, a Markdown folder, a CSV of check-ins.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;

use super::keel_json;
use crate::cycle::{CycleEvent, ValueOutcome};
use crate::error::{KeelError, Result};
use crate::i18n::Tr;
use crate::model::DayEntry;
use crate::store::Journal;

crate::wire::wire_enum! {
    /// The formats the journal is exported in.
    pub enum ExportFormat ("an export format") {
        /// Keel JSON: everything, imports back without loss.
        Json = "json",
        /// A folder of Markdown files, one per day and week.
        Markdown = "markdown",
        /// The check-ins as CSV.
        Csv = "csv",
    }
}

/// An export that is one text (Keel JSON, CSV); a Markdown export is a folder and has none.
pub fn export_text(journal: &Journal, format: ExportFormat) -> Result<Option<String>> {
    match format {
        ExportFormat::Json => export_json(journal).map(Some),
        ExportFormat::Csv => export_csv(journal).map(Some),
        ExportFormat::Markdown => Ok(None),
    }
}

/// Writes an export to `path` (a file for JSON and CSV, a folder for Markdown), reporting
/// progress as (done, total); returns how many files it wrote.
pub fn export(
    journal: &Journal,
    format: ExportFormat,
    path: &Path,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<usize> {
    if format == ExportFormat::Markdown {
        return export_markdown(journal, path, progress);
    }
    progress(0, 1);
    if let Some(text) = export_text(journal, format)? {
        std::fs::write(path, text).map_err(crate::error::io("write", path))?;
    }
    progress(1, 1);
    Ok(1)
}

/// The largest chart picture Keel saves.
pub const MAX_CHART_BYTES: usize = 4 * 1024 * 1024;

/// Refuses what is not an SVG picture of a sensible size (the page draws the charts; what it
/// asks to save is checked here before any dialog opens).
pub fn check_chart(svg: &str) -> Result<()> {
    let looks_like_svg = svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>");
    if !looks_like_svg || svg.len() > MAX_CHART_BYTES {
        return Err(KeelError::InvalidChart);
    }
    Ok(())
}

/// The file name a chart is offered under: `name`'s letters, digits, `-` and `_` (at most 60),
/// then `.svg`.
pub fn chart_file_name(name: &str) -> String {
    let stem: String = name
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, '-' | '_'))
        .take(60)
        .collect();
    format!("{stem}.svg")
}

/// Writes a chart the page drew to `path`, after `check_chart`.
pub fn write_chart(svg: &str, path: &Path) -> Result<()> {
    check_chart(svg)?;
    std::fs::write(path, svg).map_err(crate::error::io("write", path))
}

/// The whole journal as Keel JSON (stable: the same journal gives the same bytes).
pub fn export_json(journal: &Journal) -> Result<String> {
    let file = keel_json::file_of(journal)?;
    // Plain data always serializes.
    Ok(serde_json::to_string_pretty(&file).expect("the journal serializes") + "\n")
}

/// The check-ins as CSV: one row per day that has a page.
pub fn export_csv(journal: &Journal) -> Result<String> {
    let mut out =
        String::from("date,stress,resilience,overlap,boundary,after_hours_minutes,events\n");
    let cell = |v: Option<String>| v.unwrap_or_default();
    let events = journal.events()?;
    for day in journal.days(..) {
        let d = day?;
        if d.is_blank() {
            continue;
        }
        let c = &d.check_in;
        let on_day: Vec<String> = events
            .iter()
            .filter(|e| e.covers(d.date))
            .map(|e| match e.note.as_str() {
                "" => e.kind.to_string(),
                note => format!("{}: {note}", e.kind),
            })
            .collect();
        let _ = writeln!(
            out,
            "{},{},{},{},{},{},{}",
            d.date,
            cell(c.stress.map(|v| v.to_string())),
            cell(c.resilience.map(|v| v.to_string())),
            cell(c.overlap.map(|v| v.to_string())),
            cell(c.boundary.map(|b| b.to_string())),
            cell(c.after_hours_minutes.map(|v| v.to_string())),
            csv_field(&on_day.join("; ")),
        );
    }
    Ok(out)
}

/// A CSV field (RFC 4180): quoted, with quotes doubled, when it holds a comma, a quote or a
/// line break.
fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

/// Front matter lines for the events of a day or a week (`events: []` when there are none).
fn events_front_matter(events: &[&CycleEvent]) -> String {
    if events.is_empty() {
        return "events: []\n".into();
    }
    let mut out = String::from("events:\n");
    for e in events {
        let _ = writeln!(
            out,
            "  - kind: {}\n    start: {}\n    end: {}\n    note: {}",
            yaml_string(e.kind.as_str()),
            e.start,
            e.end,
            yaml_string(&e.note)
        );
    }
    out
}

/// A YAML scalar: JSON's string syntax is valid YAML, and it escapes everything that matters.
fn yaml_string(s: &str) -> String {
    serde_json::to_string(s).expect("a string serializes")
}

fn day_markdown(
    d: &DayEntry,
    prompt_texts: &HashMap<String, String>,
    events: &[CycleEvent],
    tr: &Tr,
) -> String {
    let mut out = String::from("---\n");
    let _ = writeln!(out, "date: {}", d.date);
    let c = &d.check_in;
    for (key, value) in [
        ("stress", c.stress.map(|v| v.to_string())),
        ("resilience", c.resilience.map(|v| v.to_string())),
        ("overlap", c.overlap.map(|v| v.to_string())),
        ("boundary", c.boundary.map(|b| b.to_string())),
        (
            "after_hours_minutes",
            c.after_hours_minutes.map(|v| v.to_string()),
        ),
    ] {
        let _ = writeln!(out, "{key}: {}", value.unwrap_or_else(|| "null".into()));
    }
    let tags: Vec<String> = d.tags.iter().map(|t| yaml_string(t)).collect();
    let _ = writeln!(out, "tags: [{}]", tags.join(", "));
    let on_day: Vec<&CycleEvent> = events.iter().filter(|e| e.covers(d.date)).collect();
    out.push_str(&events_front_matter(&on_day));
    if d.prompt_ids.is_empty() {
        out.push_str("prompts: []\n");
    } else {
        out.push_str("prompts:\n");
        for id in &d.prompt_ids {
            let text = prompt_texts.get(id).map(String::as_str).unwrap_or("");
            let _ = writeln!(
                out,
                "  - id: {}\n    text: {}",
                yaml_string(id),
                yaml_string(text)
            );
        }
    }
    let _ = writeln!(out, "created_at: {}", d.created_at.to_rfc3339());
    let _ = writeln!(out, "updated_at: {}", d.updated_at.to_rfc3339());
    let _ = write!(out, "---\n\n## {}\n\n", tr.get("show-role", &[]));
    out.push_str(d.role.trim_end());
    let _ = write!(out, "\n\n## {}\n\n", tr.get("show-self", &[]));
    out.push_str(d.self_text.trim_end());
    out.push('\n');
    out
}

/// Writes one Markdown file per day (`YYYY/YYYY-MM-DD.md`) and per week (`YYYY/YYYY-Www.md`)
/// under `dir`, calling `progress(done, total)` as it goes. Returns how many files it wrote.
pub fn export_markdown(
    journal: &Journal,
    dir: &Path,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<usize> {
    let io = |path: &Path| {
        let path = path.to_owned();
        move |source| KeelError::Io {
            action: "write",
            path,
            source,
        }
    };
    // Headings and prompts in the journal's language; the front matter's keys stay English
    // (they are a format, read by other tools).
    let tr = crate::i18n::tr(journal.lang()?);
    let prompt_texts: HashMap<String, String> = journal
        .prompts()?
        .into_iter()
        .map(|p| (p.id, p.text))
        .collect();
    let days: Vec<DayEntry> = journal
        .days(..)
        .filter(|d| d.as_ref().map_or(true, |d| !d.is_blank()))
        .collect::<Result<_>>()?;
    let weeks = journal.weeks()?;
    let events = journal.events()?;
    let values = journal.values()?;
    let settings = journal.settings()?;
    let total = days.len() + weeks.len();
    let mut done = 0;
    for d in &days {
        let year_dir = dir.join(format!("{:04}", d.date.format("%Y")));
        std::fs::create_dir_all(&year_dir).map_err(io(&year_dir))?;
        let path = year_dir.join(format!("{}.md", d.date));
        std::fs::write(&path, day_markdown(d, &prompt_texts, &events, tr)).map_err(io(&path))?;
        done += 1;
        progress(done, total);
    }
    for w in &weeks {
        let year_dir = dir.join(format!("{:04}", w.week.year()));
        std::fs::create_dir_all(&year_dir).map_err(io(&year_dir))?;
        let path = year_dir.join(format!("{}.md", w.week));
        let days = w.week.days(settings.week_start);
        let in_week: Vec<&CycleEvent> = events
            .iter()
            .filter(|e| e.overlaps(days[0], days[6]))
            .collect();
        let mut text = format!(
            "---\nweek: {}\nkept_last_boundary: {}\n{}---\n\n",
            w.week,
            w.kept_last_boundary
                .map_or("null".into(), |k| k.to_string()),
            events_front_matter(&in_week)
        );
        if !w.values.is_empty() {
            let _ = write!(text, "## {}\n\n", tr.get("week-values", &[]));
            for check in &w.values {
                let name = values.get(check.value).map_or_else(
                    || tr.get("export-value-unnamed", &[("id", check.value.into())]),
                    |v| v.name.clone(),
                );
                let how = tr.get(
                    match check.outcome {
                        ValueOutcome::Held => "export-held",
                        ValueOutcome::Bent => "export-bent",
                        ValueOutcome::NotTested => "export-not-tested",
                    },
                    &[],
                );
                let _ = write!(text, "- **{name}**: {how}");
                if !check.why.is_empty() {
                    let _ = write!(text, " ({})", check.why);
                }
                text.push('\n');
            }
            text.push('\n');
        }
        for a in &w.answers {
            let question = prompt_texts
                .get(&a.prompt_id)
                .map(String::as_str)
                .unwrap_or(&a.prompt_id);
            let _ = write!(text, "## {question}\n\n{}\n\n", a.text.trim_end());
        }
        for (title, items) in [
            (tr.get("week-gave", &[]), &w.role_gave),
            (tr.get("week-cost", &[]), &w.role_cost),
        ] {
            let _ = write!(text, "## {title}\n\n");
            for item in items {
                let _ = writeln!(text, "- {item}");
            }
            text.push('\n');
        }
        let _ = writeln!(
            text,
            "## {}\n\n{}",
            tr.get("export-next-boundary", &[]),
            w.next_boundary
        );
        std::fs::write(&path, text).map_err(io(&path))?;
        done += 1;
        progress(done, total);
    }
    Ok(total)
}
