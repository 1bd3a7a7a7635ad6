//! Day One's JSON export: the `.json` file, or the export `.zip` holding it (and its photos,
//! which are not imported). Each entry has a `uuid`, a `creationDate` in UTC and the `timeZone`
//! it was written in: the local date comes from both, so an entry written at 23:30 in
//! Auckland lands on the Auckland date. Day One's backslash escapes of `/` and `.` are undone;
//! photos and other attachments each leave a visible note in the text.

use std::io::Read;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde_json::Value;

use super::{bad_file, because, found, BadEntry, ForeignEntry, Source};
use crate::error::{Reason, Result};

/// The note left where a photo or attachment was.
pub(crate) const PHOTO_NOTE: &str = "*(a photo from Day One, not imported)*";
const ATTACHMENT_NOTE: &str = "*(an attachment from Day One, not imported)*";

/// Reads every entry of a Day One export (JSON or zip).
pub(crate) fn read(bytes: &[u8]) -> Result<Vec<std::result::Result<ForeignEntry, BadEntry>>> {
    if bytes.starts_with(b"PK\x03\x04") {
        return read_zip(bytes);
    }
    read_json(bytes)
}

fn read_zip(bytes: &[u8]) -> Result<Vec<std::result::Result<ForeignEntry, BadEntry>>> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| bad_file(Source::DayOne, because("reason-import-zip", e)))?;
    let mut all = Vec::new();
    let mut n_json = 0;
    for i in 0..archive.len() {
        let mut file = archive
            .by_index(i)
            .map_err(|e| bad_file(Source::DayOne, because("reason-import-zip", e)))?;
        let name = file
            .name()
            .map(|n| n.to_string())
            .map_err(|e| bad_file(Source::DayOne, because("reason-import-zip-name", e)))?;
        if !name.to_ascii_lowercase().ends_with(".json") {
            continue;
        }
        // A journal's JSON is text; refuse anything absurdly large rather than fill memory.
        if file.size() > 512 * 1024 * 1024 {
            return Err(bad_file(
                Source::DayOne,
                Reason::new("reason-import-zip-large", vec![("name", name.into())]),
            ));
        }
        let mut json = Vec::with_capacity(file.size() as usize);
        file.read_to_end(&mut json).map_err(|e| {
            bad_file(
                Source::DayOne,
                because("reason-import-zip-file", e).with_arg("name", name.as_str()),
            )
        })?;
        n_json += 1;
        all.extend(read_json(&json)?);
    }
    if n_json == 0 {
        return Err(bad_file(
            Source::DayOne,
            Reason::new("reason-import-zip-empty", vec![]),
        ));
    }
    Ok(all)
}

fn read_json(bytes: &[u8]) -> Result<Vec<std::result::Result<ForeignEntry, BadEntry>>> {
    let value: Value = serde_json::from_slice(bytes)
        .map_err(|e| bad_file(Source::DayOne, because("reason-import-not-json", e)))?;
    let entries = value
        .get("entries")
        .and_then(Value::as_array)
        .ok_or_else(|| {
            bad_file(
                Source::DayOne,
                Reason::new(
                    "reason-import-no-entries",
                    vec![("source", "Day One".into())],
                ),
            )
        })?;
    Ok(entries
        .iter()
        .enumerate()
        .map(|(i, e)| entry(i + 1, e))
        .collect())
}

fn entry(n: usize, e: &Value) -> std::result::Result<ForeignEntry, BadEntry> {
    let bad = |field: &str, reason: Reason| BadEntry::new(n, field, reason);
    let missing = || Reason::new("reason-entry-missing", vec![]);
    if !e.is_object() {
        return Err(bad("entry", Reason::new("reason-entry-object", vec![])));
    }
    let uuid = e
        .get("uuid")
        .and_then(Value::as_str)
        .filter(|u| !u.trim().is_empty())
        .ok_or_else(|| bad("uuid", missing()))?;
    let created_text = e
        .get("creationDate")
        .and_then(Value::as_str)
        .ok_or_else(|| bad("creationDate", missing()))?;
    let created: DateTime<Utc> = DateTime::parse_from_rfc3339(created_text)
        .map_err(|_| {
            bad(
                "creationDate",
                Reason::new(
                    "reason-entry-date-time",
                    vec![("input", created_text.into())],
                ),
            )
        })?
        .with_timezone(&Utc);
    let tz: Tz = match e.get("timeZone").and_then(Value::as_str) {
        None => Tz::UTC,
        Some(name) => name.parse().map_err(|_| {
            bad(
                "timeZone",
                Reason::new("reason-entry-zone", vec![("input", name.into())]),
            )
        })?,
    };
    let local = created.with_timezone(&tz);
    let text = match e.get("text") {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(other) => return Err(bad("text", found("reason-entry-text", other))),
    };
    let tags: Vec<String> = match e.get("tags") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => items
            .iter()
            .map(|t| {
                t.as_str()
                    .map(str::to_owned)
                    .ok_or_else(|| bad("tags", Reason::new("reason-entry-tag", vec![])))
            })
            .collect::<std::result::Result<_, _>>()?,
        Some(other) => return Err(bad("tags", found("reason-entry-list", other))),
    };
    let starred = e.get("starred").and_then(Value::as_bool).unwrap_or(false);
    let n_attached: usize = ["photos", "videos", "audios", "pdfAttachments"]
        .iter()
        .filter_map(|k| e.get(*k).and_then(Value::as_array))
        .map(Vec::len)
        .sum();
    let (mut body, n_noted) = replace_moments(&unescape(&text));
    if n_attached > n_noted {
        let missing = n_attached - n_noted;
        if !body.trim().is_empty() {
            body.push_str("\n\n");
        }
        body.push_str(&if missing == 1 {
            ATTACHMENT_NOTE.to_owned()
        } else {
            format!("*({missing} attachments from Day One, not imported)*")
        });
    }
    Ok(ForeignEntry {
        id: uuid.to_owned(),
        date: local.date_naive(),
        time: Some(local.time()),
        title: String::new(),
        body,
        tags,
        starred,
        created_at: Some(local.fixed_offset()),
    })
}

/// Undoes the backslash escapes Day One adds where they change nothing in Markdown: `\/`
/// always, `\.` except after digits at the start of a line (there it keeps "1." from becoming
/// a list).
fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut line_start_digits = true;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.peek() {
                Some('/') => {
                    out.push('/');
                    chars.next();
                    line_start_digits = false;
                    continue;
                }
                Some('.')
                    if !(line_start_digits && out.ends_with(|d: char| d.is_ascii_digit())) =>
                {
                    out.push('.');
                    chars.next();
                    line_start_digits = false;
                    continue;
                }
                _ => {}
            }
        }
        out.push(c);
        line_start_digits = if c == '\n' {
            true
        } else {
            line_start_digits && c.is_ascii_digit()
        };
    }
    out
}

/// Replaces Day One's `dayone-moment:` image and link references with a visible note; returns
/// the text and how many were replaced.
fn replace_moments(text: &str) -> (String, usize) {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    let mut n = 0;
    while let Some(start) = rest.find("](dayone-moment:") {
        // The reference starts at the "[" (or "![") before "](".
        let open = rest[..start].rfind('[').unwrap_or(start);
        let is_image = open > 0 && rest[..open].ends_with('!');
        let begin = if is_image { open - 1 } else { open };
        let Some(close) = rest[start..].find(')') else {
            break;
        };
        out.push_str(&rest[..begin]);
        out.push_str(if is_image {
            PHOTO_NOTE
        } else {
            ATTACHMENT_NOTE
        });
        n += 1;
        rest = &rest[start + close + 1..];
    }
    out.push_str(rest);
    (out, n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_are_undone_where_harmless() {
        assert_eq!(unescape(r"a\/b dot\. end"), "a/b dot. end");
        assert_eq!(
            unescape("1\\. not a list\n22\\. neither"),
            "1\\. not a list\n22\\. neither"
        );
        assert_eq!(unescape(r"keep \* and \_"), r"keep \* and \_");
    }

    #[test]
    fn moments_become_notes() {
        let (text, n) = replace_moments(
            "before ![](dayone-moment://ABC) and [pdf](dayone-moment:/pdf/XYZ) after",
        );
        assert_eq!(n, 2);
        assert_eq!(
            text,
            format!("before {PHOTO_NOTE} and {ATTACHMENT_NOTE} after")
        );
    }
}
