//! jrnl's JSON export (`jrnl --export json`): `{"tags": {...}, "entries": [{"title", "body",
//! "date", "time", "tags", "starred"}]}`. jrnl's `@tags` become Keel `#tags` in the text.

use chrono::NaiveTime;
use serde_json::Value;

use super::{bad_file, because, content_id, found, BadEntry, ForeignEntry, Source};
use crate::error::{Reason, Result};
use crate::model::parse_date;

type Read = Vec<std::result::Result<ForeignEntry, BadEntry>>;

/// A jrnl export as far as Keel reads it: its `entries` list, each entry parsed, checked and
/// turned into an entry before the next is read, so the file is never held as a tree of JSON
/// values; other top-level fields (jrnl's `tags` counts) are skipped unread.
#[derive(serde::Deserialize)]
struct File {
    entries: Option<Entries>,
}

struct Entries(Read);

impl<'de> serde::Deserialize<'de> for Entries {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct Each;
        impl<'de> serde::de::Visitor<'de> for Each {
            type Value = Entries;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a list of entries")
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> std::result::Result<Entries, A::Error> {
                let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0));
                while let Some(value) = seq.next_element::<Value>()? {
                    out.push(entry(out.len() + 1, &value));
                }
                Ok(Entries(out))
            }
        }
        d.deserialize_seq(Each)
    }
}

/// Reads every entry of a jrnl export's bytes, each either good or bad.
pub(crate) fn read(bytes: &[u8]) -> Result<Read> {
    let object = bytes.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{');
    entries_of(object, serde_json::from_slice(bytes))
}

/// Reads every entry of a jrnl export from the file itself, as `read` does: the file is never
/// held whole, only the entries taken from it (a 149 MB export peaked at 409 MiB read whole).
pub(crate) fn read_from(mut reader: impl std::io::BufRead) -> Result<Read> {
    // Whether the file starts as an object: read ahead past white space, which is kept and
    // given back to the parser before the rest (so its errors count columns from the start).
    let mut white = Vec::new();
    let object = loop {
        let ahead = reader
            .fill_buf()
            .map_err(|e| bad_file(Source::Jrnl, because("reason-import-not-json", e)))?;
        let found = ahead.iter().position(|b| !b.is_ascii_whitespace());
        let (n, object) = match found {
            Some(at) => (at, Some(ahead[at] == b'{')),
            None if ahead.is_empty() => (0, Some(false)),
            None => (ahead.len(), None),
        };
        white.extend_from_slice(&ahead[..n]);
        reader.consume(n);
        if let Some(object) = object {
            break object;
        }
    };
    entries_of(
        object,
        serde_json::from_reader(std::io::Read::chain(white.as_slice(), reader)),
    )
}

/// The entries of a parsed file, or why there are none (`object`: the file starts as one).
fn entries_of(object: bool, parsed: serde_json::Result<File>) -> Result<Read> {
    let file = parsed.map_err(|e| {
        if e.is_data() && !object {
            bad_file(Source::Jrnl, no_entries())
        } else if e.is_data() {
            bad_file(Source::Jrnl, because("reason-import-entries", e))
        } else {
            bad_file(Source::Jrnl, because("reason-import-not-json", e))
        }
    })?;
    let entries = file
        .entries
        .ok_or_else(|| bad_file(Source::Jrnl, no_entries()))?;
    Ok(entries.0)
}

fn no_entries() -> Reason {
    Reason::new("reason-import-no-entries", vec![("source", "jrnl".into())])
}

fn entry(n: usize, e: &Value) -> std::result::Result<ForeignEntry, BadEntry> {
    let bad = |field: &str, reason: Reason| BadEntry::new(n, field, reason);
    let text = |field: &str| -> std::result::Result<String, BadEntry> {
        match e.get(field) {
            None | Some(Value::Null) => Ok(String::new()),
            Some(Value::String(s)) => Ok(s.clone()),
            Some(other) => Err(bad(field, found("reason-entry-text", other))),
        }
    };
    if !e.is_object() {
        return Err(bad("entry", Reason::new("reason-entry-object", vec![])));
    }
    let date_text = e
        .get("date")
        .and_then(Value::as_str)
        .ok_or_else(|| bad("date", Reason::new("reason-entry-missing", vec![])))?;
    let date = parse_date(date_text).map_err(|err| bad("date", Reason::error(err)))?;
    let time = match e.get("time").and_then(Value::as_str) {
        None => None,
        Some(t) => Some(NaiveTime::parse_from_str(t, "%H:%M").map_err(|_| {
            bad(
                "time",
                Reason::new("reason-entry-time", vec![("input", t.into())]),
            )
        })?),
    };
    let title = text("title")?;
    let body = text("body")?;
    let tags: Vec<String> = match e.get("tags") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => items
            .iter()
            .map(|t| {
                t.as_str()
                    .map(|s| s.trim_start_matches(['@', '#']).to_lowercase())
                    .ok_or_else(|| bad("tags", Reason::new("reason-entry-tag", vec![])))
            })
            .collect::<std::result::Result<_, _>>()?,
        Some(other) => return Err(bad("tags", found("reason-entry-list", other))),
    };
    let starred = match e.get("starred") {
        None | Some(Value::Null) => false,
        Some(Value::Bool(b)) => *b,
        Some(other) => return Err(bad("starred", found("reason-entry-bool", other))),
    };
    let time_text = time
        .map(|t| t.format("%H:%M").to_string())
        .unwrap_or_default();
    Ok(ForeignEntry {
        id: content_id(&[date_text, &time_text, &title, &body]),
        date,
        time,
        title: at_tags_to_hash(&title, &tags),
        body: at_tags_to_hash(&body, &tags),
        tags,
        starred,
        created_at: None,
    })
}

/// Rewrites `@tag` as `#tag` for the entry's own tags, so Keel recognises them in place.
fn at_tags_to_hash(text: &str, tags: &[String]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut prev: Option<char> = None;
    for (i, c) in text.char_indices() {
        if c == '@' && prev.is_none_or(|p| !p.is_alphanumeric()) {
            let rest = &text[i + 1..];
            let word_len: usize = rest
                .chars()
                .take_while(|ch| ch.is_alphanumeric() || *ch == '_' || *ch == '-')
                .map(char::len_utf8)
                .sum();
            let word = &rest[..word_len];
            if word_len > 0 && tags.iter().any(|t| t == &word.to_lowercase()) {
                out.push('#');
                prev = Some('@');
                continue;
            }
        }
        out.push(c);
        prev = Some(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn at_tags_become_hash_tags_only_for_the_entrys_tags() {
        let tags = vec!["work".to_string(), "q4".to_string()];
        assert_eq!(
            at_tags_to_hash(
                "The @q4 numbers; @work again; mail me@example.org; @other",
                &tags
            ),
            "The #q4 numbers; #work again; mail me@example.org; @other"
        );
    }
}
