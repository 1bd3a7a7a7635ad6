//! Full-text search over both sides of every day and the weekly reflections.
//!
//! A query is words (all must appear, case and accents ignored), "quoted phrases" (the words in
//! that order), `#tags`, `from:YYYY-MM-DD` / `to:YYYY-MM-DD`, and rating bounds such as
//! `stress>=7` or `overlap<3`. Words and phrases are looked up in the index the store keeps in
//! step with every save (`store::index`); filters are checked against the pages. Results come
//! newest first, each naming its side (What I do, Who I am, the week) with a snippet whose
//! matching words are marked (as data: the UI draws the marks, no HTML is made here).

use std::collections::BTreeSet;

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
    let words: Vec<std::ops::Range<usize>> = text::word_ranges(text).collect();
    if words.is_empty() {
        return Vec::new();
    }
    let mut folded = String::new();
    let mut matches = |range: &std::ops::Range<usize>| {
        text::fold_into(&text[range.clone()], &mut folded);
        terms.contains(folded.as_str())
    };
    let first = words.iter().position(&mut matches).unwrap_or(0);
    let from = first.saturating_sub(BEFORE);
    let to = (first + AFTER).min(words.len() - 1);
    let mut out = Vec::new();
    let start = words[from].start;
    if from > 0 {
        out.push(Segment {
            text: "…".into(),
            hit: false,
        });
    }
    let mut at = start;
    for range in &words[from..=to] {
        if matches(range) {
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
        words[to].end
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

fn week_text(w: &WeekReflection) -> String {
    let mut parts: Vec<&str> = w.answers.iter().map(|a| a.text.as_str()).collect();
    parts.extend(w.role_gave.iter().map(String::as_str));
    parts.extend(w.role_cost.iter().map(String::as_str));
    parts.push(&w.next_boundary);
    parts.extend(w.values.iter().map(|c| c.why.as_str()));
    parts.retain(|p| !p.trim().is_empty());
    parts.join(" · ")
}

/// Whether a document's text satisfies the query's words and phrases (read word by word, no
/// word folded into a string of its own when it is plain ASCII).
fn text_matches(q: &Query, text: &str) -> bool {
    let has = |term: &String| text::word_ranges(text).any(|r| text::folds_to(&text[r], term));
    q.words.iter().all(has) && phrases_match(q, text)
}

/// Whether a document's text holds the query's phrases. The index's lists already hold
/// exactly the documents that have every word (they are changed in the transaction that
/// changes the document), so an indexed document is read again only for the words' order.
fn phrases_match(q: &Query, text: &str) -> bool {
    if q.phrases.is_empty() {
        return true;
    }
    let words: Vec<std::ops::Range<usize>> = text::word_ranges(text).collect();
    let is = |i: usize, term: &str| text::folds_to(&text[words[i].clone()], term);
    q.phrases.iter().all(|phrase| {
        !phrase.is_empty()
            && phrase.len() <= words.len()
            && (0..=words.len() - phrase.len())
                .any(|i| phrase.iter().enumerate().all(|(k, t)| is(i + k, t)))
    })
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

/// The documents in every one of `lists` (each highest `Doc::recency` first), in that order:
/// each list is read only as far as the last document returned, so the newest results of
/// common words cost a chunk of their lists, not the whole of them.
struct Intersection<I> {
    lists: Vec<I>,
}

impl<I: Iterator<Item = Result<Doc>>> Iterator for Intersection<I> {
    type Item = Result<Doc>;

    fn next(&mut self) -> Option<Result<Doc>> {
        let n = self.lists.len();
        let mut target = match self.lists.first_mut()?.next()? {
            Ok(doc) => doc,
            Err(e) => return Some(Err(e)),
        };
        // How many lists have been advanced to `target` and hold it.
        let mut agreed = 1;
        let mut i = 1 % n;
        while agreed < n {
            let head = loop {
                match self.lists[i].next()? {
                    Err(e) => return Some(Err(e)),
                    Ok(doc) if doc.recency() > target.recency() => continue,
                    Ok(doc) => break doc,
                }
            };
            if head == target {
                agreed += 1;
            } else {
                target = head;
                agreed = 1;
            }
            i = (i + 1) % n;
        }
        Some(Ok(target))
    }
}

type Candidates<'a> = Box<dyn Iterator<Item = Result<Doc>> + 'a>;

/// The documents that may match, newest first: from the index when the query has words or
/// tags (every word's list, or every tag's), else from the check-ins when it bounds ratings.
fn candidates<'a>(
    journal: &'a Journal,
    q: &Query,
    terms: &BTreeSet<&str>,
) -> Result<Candidates<'a>> {
    let lists = |terms: Vec<String>| -> Result<Intersection<_>> {
        let lists = terms
            .iter()
            .map(|t| journal.postings_newest_first(t))
            .collect::<Result<Vec<_>>>()?;
        Ok(Intersection { lists })
    };
    Ok(if !terms.is_empty() {
        let found = lists(terms.iter().map(|t| (*t).to_owned()).collect())?;
        Box::new(found.filter(|d| !matches!(d, Ok(Doc::Day(_, DocKind::Tags)))))
    } else if !q.tags.is_empty() {
        let found = lists(q.tags.iter().map(|t| format!("#{t}")).collect())?;
        // A day's tags are found on its What I do side.
        Box::new(found.filter_map(|d| match d {
            Ok(Doc::Day(date, _)) => Some(Ok(Doc::Day(date, DocKind::Role))),
            Ok(Doc::Week(_)) => None,
            Err(e) => Some(Err(e)),
        }))
    } else if !q.is_empty() {
        let from = q.from.unwrap_or(NaiveDate::MIN);
        let to = q.to.unwrap_or(NaiveDate::MAX);
        let mut docs: Vec<Doc> = journal
            .check_ins(from..=to)?
            .into_iter()
            .filter(|(_, c)| q.ratings.iter().all(|r| r.holds(c)))
            .map(|(d, _)| Doc::Day(d, DocKind::Role))
            .collect();
        docs.sort_by_key(|d| std::cmp::Reverse(d.recency()));
        Box::new(docs.into_iter().map(Ok))
    } else {
        Box::new(std::iter::empty())
    })
}

/// The matching documents, newest first, at most `limit`.
pub fn search(journal: &Journal, q: &Query, limit: usize) -> Result<Vec<Hit>> {
    let terms = q.terms();
    let mut hits = Vec::new();
    // The page last read: a word on both sides of a day names it twice in a row.
    let mut page: Option<DayEntry> = None;
    for doc in candidates(journal, q, &terms)? {
        if hits.len() >= limit {
            break;
        }
        match doc? {
            Doc::Day(date, kind) => {
                if page.as_ref().is_none_or(|d| d.date != date) {
                    page = journal.day(date)?;
                }
                let Some(day) = page.as_ref().filter(|d| d.date == date) else {
                    continue;
                };
                if !day_passes(q, day) {
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
                if !phrases_match(q, text) {
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
                if !week_passes(q, &w) || !phrases_match(q, &text) {
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
