//! Full-text search over both sides of every day and the weekly reflections.
//!
//! A query is words (all must appear, case and accents ignored), "quoted phrases" (the words in
//! that order), `#tags`, `from:YYYY-MM-DD` / `to:YYYY-MM-DD`, and rating bounds such as
//! `stress>=7` or `overlap<3`. Words and phrases are looked up in the index the store keeps in
//! step with every save (`store::index`); filters are checked against the pages. Results come
//! newest first, each naming its side (What I do, Who I am, the week) with a snippet whose
//! matching words are marked (as data: the UI draws the marks, no HTML is made here).

use std::collections::{BTreeSet, HashSet};

use chrono::NaiveDate;
use serde::Serialize;

use crate::cycle::CycleEvent;
use crate::error::{KeelError, Result};
use crate::model::{parse_date, CheckIn, DayEntry, WeekId, WeekReflection};
use crate::store::{Doc, DocKind, Journal};
use crate::text;

/// A rating a query can bound.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Rating {
    Stress,
    Resilience,
    Overlap,
}

/// How a rating is bounded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Cmp {
    Ge,
    Le,
    Gt,
    Lt,
    Eq,
}

/// `stress>=7` and the like.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct RatingFilter {
    pub rating: Rating,
    pub cmp: Cmp,
    pub value: u8,
}

impl RatingFilter {
    fn holds(&self, c: &CheckIn) -> bool {
        let v = match self.rating {
            Rating::Stress => c.stress,
            Rating::Resilience => c.resilience,
            Rating::Overlap => c.overlap,
        };
        v.is_some_and(|v| match self.cmp {
            Cmp::Ge => v >= self.value,
            Cmp::Le => v <= self.value,
            Cmp::Gt => v > self.value,
            Cmp::Lt => v < self.value,
            Cmp::Eq => v == self.value,
        })
    }
}

/// A parsed query.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Query {
    /// Folded words that must all appear.
    pub words: Vec<String>,
    /// Folded phrases that must appear word for word.
    pub phrases: Vec<Vec<String>>,
    /// Tags (without `#`, lower case) the day must have.
    pub tags: Vec<String>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub ratings: Vec<RatingFilter>,
}

impl Query {
    /// Parses what a person types in the search box.
    pub fn parse(input: &str) -> Result<Query> {
        let mut q = Query::default();
        let mut rest = input;
        while let Some(start) = rest.find('"') {
            let (before, after) = rest.split_at(start);
            q.add_plain(before)?;
            let after = &after[1..];
            let end = after.find('"').unwrap_or(after.len());
            let phrase: Vec<String> = text::words(&after[..end])
                .into_iter()
                .map(|(_, w)| w)
                .collect();
            if !phrase.is_empty() {
                q.phrases.push(phrase);
            }
            rest = after.get(end + 1..).unwrap_or("");
        }
        q.add_plain(rest)?;
        Ok(q)
    }

    fn add_plain(&mut self, part: &str) -> Result<()> {
        for token in part.split_whitespace() {
            if let Some(tag) = token.strip_prefix('#') {
                let tag = tag
                    .trim_end_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase();
                if !tag.is_empty() {
                    self.tags.push(tag);
                }
            } else if let Some(d) = token.strip_prefix("from:") {
                self.from = Some(parse_date(d)?);
            } else if let Some(d) = token.strip_prefix("to:") {
                self.to = Some(parse_date(d)?);
            } else if let Some(filter) = parse_rating(token)? {
                self.ratings.push(filter);
            } else {
                self.words
                    .extend(text::words(token).into_iter().map(|(_, w)| w));
            }
        }
        Ok(())
    }

    /// True when the query asks for nothing.
    pub fn is_empty(&self) -> bool {
        *self == Query::default()
    }

    fn terms(&self) -> BTreeSet<&str> {
        self.words_in_order().map(String::as_str).collect()
    }

    /// The query's words, then its phrases' words, as written (folded).
    fn words_in_order(&self) -> impl Iterator<Item = &String> {
        self.words.iter().chain(self.phrases.iter().flatten())
    }
}

fn parse_rating(token: &str) -> Result<Option<RatingFilter>> {
    let lower = token.to_ascii_lowercase();
    for (name, rating) in [
        ("stress", Rating::Stress),
        ("resilience", Rating::Resilience),
        ("overlap", Rating::Overlap),
    ] {
        let Some(rest) = lower.strip_prefix(name) else {
            continue;
        };
        for (op, cmp) in [
            (">=", Cmp::Ge),
            ("<=", Cmp::Le),
            (">", Cmp::Gt),
            ("<", Cmp::Lt),
            ("=", Cmp::Eq),
            (":", Cmp::Eq),
        ] {
            if let Some(value) = rest.strip_prefix(op) {
                let value: u8 = value.parse().map_err(|_| KeelError::InvalidQuery {
                    reason: crate::error::Reason::new(
                        "reason-query-number",
                        vec![("token", token.into()), ("name", name.into())],
                    ),
                })?;
                return Ok(Some(RatingFilter { rating, cmp, value }));
            }
        }
    }
    Ok(None)
}

crate::wire::wire_enum! {
    /// Which side of the journal a result comes from.
    pub enum HitSide ("a result's side") {
        Role = "role",
        Myself = "self",
        Week = "week",
        /// A work-cycle event's note (its date is the event's first day).
        Event = "event",
    }
}

/// A piece of a snippet; `hit` pieces matched the query.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Segment {
    pub text: String,
    pub hit: bool,
}

/// One result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Hit {
    /// The day, or the first day (Monday) of the week.
    pub date: NaiveDate,
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub week: Option<WeekId>,
    pub side: HitSide,
    pub snippet: Vec<Segment>,
    pub stress: Option<u8>,
}

/// Words of context a snippet shows around its first match.
const BEFORE: usize = 8;
const AFTER: usize = 18;

/// The snippet of `text` around the first word that matches `terms`.
pub fn snippet(text: &str, terms: &BTreeSet<&str>) -> Vec<Segment> {
    let words = text::words(text);
    if words.is_empty() {
        return Vec::new();
    }
    let first = words
        .iter()
        .position(|(_, w)| terms.contains(w.as_str()))
        .unwrap_or(0);
    let from = first.saturating_sub(BEFORE);
    let to = (first + AFTER).min(words.len() - 1);
    let mut out = Vec::new();
    let start = words[from].0.start;
    if from > 0 {
        out.push(Segment {
            text: "…".into(),
            hit: false,
        });
    }
    let mut at = start;
    for (range, w) in &words[from..=to] {
        if terms.contains(w.as_str()) {
            if range.start > at {
                out.push(Segment {
                    text: text[at..range.start].to_owned(),
                    hit: false,
                });
            }
            out.push(Segment {
                text: text[range.clone()].to_owned(),
                hit: true,
            });
            at = range.end;
        }
    }
    let end = if to + 1 < words.len() {
        words[to].0.end
    } else {
        text.len()
    };
    if end > at {
        out.push(Segment {
            text: text[at..end].to_owned(),
            hit: false,
        });
    }
    if to + 1 < words.len() {
        out.push(Segment {
            text: "…".into(),
            hit: false,
        });
    }
    // Whitespace and newlines read as single spaces in a one-line snippet.
    for s in &mut out {
        s.text = collapse_whitespace(&s.text);
    }
    out.retain(|s| !s.text.is_empty());
    out
}

fn collapse_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_whitespace() {
            if !out.ends_with(' ') {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn has_phrase(words: &[String], phrase: &[String]) -> bool {
    !phrase.is_empty() && words.windows(phrase.len()).any(|w| w == phrase)
}

fn week_text(w: &WeekReflection) -> String {
    let mut parts: Vec<&str> = w.answers.iter().map(|a| a.text.as_str()).collect();
    parts.extend(w.role_gave.iter().map(String::as_str));
    parts.extend(w.role_cost.iter().map(String::as_str));
    parts.push(&w.next_boundary);
    parts.extend(w.values.iter().map(|c| c.why.as_str()));
    parts.retain(|p| !p.trim().is_empty());
    parts.join(" · ")
}

/// Whether a document's text satisfies the query's words and phrases.
fn text_matches(q: &Query, text: &str) -> bool {
    let words: Vec<String> = text::words(text).into_iter().map(|(_, w)| w).collect();
    q.words.iter().all(|t| words.contains(t)) && q.phrases.iter().all(|p| has_phrase(&words, p))
}

/// Whether a day passes the query's filters (tags, dates, ratings).
fn day_passes(q: &Query, day: &DayEntry) -> bool {
    q.tags.iter().all(|t| day.tags.contains(t))
        && q.from.is_none_or(|f| day.date >= f)
        && q.to.is_none_or(|t| day.date <= t)
        && q.ratings.iter().all(|r| r.holds(&day.check_in))
}

fn week_passes(q: &Query, week: &WeekReflection) -> bool {
    let monday = week.week.monday();
    q.tags.is_empty()
        && q.ratings.is_empty()
        && q.from.is_none_or(|f| monday >= f)
        && q.to.is_none_or(|t| monday <= t)
}

/// Newest first; on one day, What I do before Who I am, then the week.
fn newest_first(docs: &mut [Doc]) {
    let key = |d: &Doc| match d {
        Doc::Day(date, kind) => (*date, 2 - matches!(kind, DocKind::Role) as u8),
        Doc::Week(w) => (w.monday(), 0),
    };
    docs.sort_by_key(|d| std::cmp::Reverse(key(d)));
}

/// What a search found, with the words to mark when a result is opened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Found {
    pub hits: Vec<Hit>,
    /// The query's words and phrase words, folded (lower case, no accents), in the query's
    /// order: what `markdown::render_marked` marks.
    pub terms: Vec<String>,
}

/// Runs the query `text` (as a person types it in the app): the matching documents, newest
/// first, at most `limit`, and the words to mark.
pub fn find(journal: &Journal, text: &str, limit: usize) -> Result<Found> {
    let query = Query::parse(text)?;
    let terms = query.words_in_order().cloned().collect();
    Ok(Found {
        hits: search(journal, &query, limit)?,
        terms,
    })
}

/// The matching documents, newest first, at most `limit`.
pub fn search(journal: &Journal, q: &Query, limit: usize) -> Result<Vec<Hit>> {
    let terms = q.terms();
    let mut docs: Vec<Doc> = if !terms.is_empty() {
        let mut sets = terms.iter().map(|t| {
            journal
                .postings(t)
                .map(|p| p.into_iter().collect::<HashSet<Doc>>())
        });
        let mut acc = sets.next().transpose()?.unwrap_or_default();
        for set in sets {
            let set = set?;
            acc.retain(|d| set.contains(d));
        }
        acc.into_iter()
            .filter(|d| !matches!(d, Doc::Day(_, DocKind::Tags)))
            .collect()
    } else if !q.tags.is_empty() {
        let mut days: Option<HashSet<NaiveDate>> = None;
        for tag in &q.tags {
            let found: HashSet<NaiveDate> = journal
                .postings(&format!("#{tag}"))?
                .into_iter()
                .filter_map(|d| {
                    if let Doc::Day(date, _) = d {
                        Some(date)
                    } else {
                        None
                    }
                })
                .collect();
            days = Some(match days {
                None => found,
                Some(acc) => acc.intersection(&found).copied().collect(),
            });
        }
        days.unwrap_or_default()
            .into_iter()
            .map(|d| Doc::Day(d, DocKind::Role))
            .collect()
    } else if !q.is_empty() {
        let from = q.from.unwrap_or(NaiveDate::MIN);
        let to = q.to.unwrap_or(NaiveDate::MAX);
        journal
            .check_ins(from..=to)?
            .into_iter()
            .filter(|(_, c)| q.ratings.iter().all(|r| r.holds(c)))
            .map(|(d, _)| Doc::Day(d, DocKind::Role))
            .collect()
    } else {
        Vec::new()
    };
    newest_first(&mut docs);
    let mut hits = Vec::new();
    for doc in docs {
        if hits.len() >= limit {
            break;
        }
        match doc {
            Doc::Day(date, kind) => {
                let Some(day) = journal.day(date)? else {
                    continue;
                };
                if !day_passes(q, &day) {
                    continue;
                }
                let (side, text) = match kind {
                    DocKind::Myself => (HitSide::Myself, &day.self_text),
                    // Filter-only results name the side that has writing.
                    _ if terms.is_empty() && day.role.trim().is_empty() => {
                        (HitSide::Myself, &day.self_text)
                    }
                    _ => (HitSide::Role, &day.role),
                };
                if !terms.is_empty() && !text_matches(q, text) {
                    continue;
                }
                hits.push(Hit {
                    date,
                    week: None,
                    side,
                    snippet: snippet(text, &terms),
                    stress: day.check_in.stress,
                });
            }
            Doc::Week(week) => {
                let Some(w) = journal.week(week)? else {
                    continue;
                };
                let text = week_text(&w);
                if !week_passes(q, &w) || !text_matches(q, &text) {
                    continue;
                }
                hits.push(Hit {
                    date: week.monday(),
                    week: Some(week),
                    side: HitSide::Week,
                    snippet: snippet(&text, &terms),
                    stress: None,
                });
            }
        }
    }
    // Events are few (dozens a year), so their notes are read rather than indexed.
    if !terms.is_empty() && q.tags.is_empty() && q.ratings.is_empty() {
        let from = q.from.unwrap_or(NaiveDate::MIN);
        let to = q.to.unwrap_or(NaiveDate::MAX);
        let mut found = false;
        for e in journal
            .events()?
            .into_iter()
            .filter(|e| e.overlaps(from, to))
        {
            let text = event_text(&e);
            if text_matches(q, &text) {
                hits.push(Hit {
                    date: e.start,
                    week: None,
                    side: HitSide::Event,
                    snippet: snippet(&text, &terms),
                    stress: None,
                });
                found = true;
            }
        }
        if found {
            // Stable: on one day, the pages' order stays and the event comes last.
            hits.sort_by_key(|h| std::cmp::Reverse(h.date));
            hits.truncate(limit);
        }
    }
    Ok(hits)
}

/// What search reads of an event: its kind in words, then its note.
fn event_text(e: &CycleEvent) -> String {
    match e.note.as_str() {
        "" => e.kind.label().to_owned(),
        note => format!("{}: {note}", e.kind.label()),
    }
}

#[cfg(test)]
mod tests;
