//! `keel search` and `keel stats`: finding and looking back.

use clap::Args;
use keel::analytics;
use keel::analytics::trends::Range;
use keel::model::parse_date;

use crate::journal::open_journal;
use crate::output::{write_stdout, Failure};
use crate::Context;

#[derive(Args)]
pub struct SearchArgs {
    /// Words, "quoted phrases", #tags, from:DATE, to:DATE, stress>=7 and the like.
    query: String,
    /// Only days with this tag.
    #[arg(long)]
    tag: Vec<String>,
    /// From this day, YYYY-MM-DD.
    #[arg(long, value_name = "DATE")]
    from: Option<String>,
    /// To this day, YYYY-MM-DD.
    #[arg(long, value_name = "DATE")]
    to: Option<String>,
    /// At most this many results.
    #[arg(long, default_value_t = 50)]
    limit: usize,
    /// Print the results as JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Args)]
pub struct StatsArgs {
    /// 30d, 90d, 1y or all.
    #[arg(long, default_value = "30d", value_name = "30d|90d|1y|all")]
    range: Range,
    /// Print every figure as one JSON object.
    #[arg(long)]
    json: bool,
}

/// `keel search`: newest first, the matching words in brackets (or JSON).
pub fn search(ctx: &Context, args: SearchArgs) -> Result<(), Failure> {
    let mut query = keel::search::Query::parse(&args.query)?;
    query.tags.extend(
        args.tag
            .iter()
            .map(|t| t.trim_start_matches('#').to_lowercase()),
    );
    if let Some(from) = &args.from {
        query.from = Some(parse_date(from)?);
    }
    if let Some(to) = &args.to {
        query.to = Some(parse_date(to)?);
    }
    if query.is_empty() {
        return Err(Failure::Usage(
            "give something to search for: words, a \"phrase\", a #tag or a range.".into(),
        ));
    }
    let journal = open_journal(ctx.journal.clone(), ctx.now)?;
    let hits = keel::search::search(&journal, &query, args.limit)?;
    if args.json {
        // Plain data always serializes.
        return write_stdout(
            &(serde_json::to_string_pretty(&hits).expect("json serializes") + "\n"),
        );
    }
    let mut out = String::new();
    for h in &hits {
        let side = match h.side {
            keel::search::HitSide::Role => "What I do".to_owned(),
            keel::search::HitSide::Myself => "Who I am".to_owned(),
            keel::search::HitSide::Week => {
                format!("Week {}", h.week.map(|w| w.to_string()).unwrap_or_default())
            }
            keel::search::HitSide::Event => "Event".to_owned(),
        };
        let snippet: String = h
            .snippet
            .iter()
            .map(|s| {
                if s.hit {
                    format!("[{}]", s.text)
                } else {
                    s.text.clone()
                }
            })
            .collect();
        out.push_str(&format!("{}  {side:<10} {snippet}\n", h.date));
    }
    if hits.is_empty() {
        out.push_str("Nothing found.\n");
    }
    write_stdout(&out)
}

/// `keel stats`: the trends over a range ending today.
pub fn stats(ctx: &Context, args: StatsArgs) -> Result<(), Failure> {
    let journal = open_journal(ctx.journal.clone(), ctx.now)?;
    let t = analytics::trends::trends(&journal, args.range, ctx.now.date_naive())?;
    if args.json {
        // Plain data always serializes.
        return write_stdout(&(serde_json::to_string_pretty(&t).expect("json serializes") + "\n"));
    }
    let mut out = match t.from {
        Some(from) => format!(
            "From {from} to {}: {} days with a check-in.\n",
            t.to,
            t.points.len()
        ),
        None => "No check-ins yet.\n".to_owned(),
    };
    if let Some(last) = t.points.last() {
        let fmt = |m: Option<f64>, n: usize| {
            m.map_or("–".to_owned(), |m| format!("{m:.1} over {n} days"))
        };
        out.push_str(&format!(
            "Last 7 days to {}: stress {}, resilience {}.\n",
            last.date,
            fmt(last.stress_mean, last.stress_n),
            fmt(last.resilience_mean, last.resilience_n)
        ));
    }
    out.push_str("\nStress by weekday:\n");
    for w in &t.weekdays {
        let mark = if w.review_day { " (review day)" } else { "" };
        match w.stress.mean {
            Some(m) => out.push_str(&format!(
                "  {:?}{mark}: {m:.1} ({} days)\n",
                w.weekday, w.stress.n
            )),
            None => out.push_str(&format!("  {:?}{mark}: –\n", w.weekday)),
        }
    }
    out.push('\n');
    for c in &t.comparisons {
        out.push_str(&c.sentence);
        out.push('\n');
    }
    if !t.values.is_empty() {
        out.push_str("\nYour values:\n");
        for v in &t.values {
            out.push_str(&format!("  {}\n", v.sentence));
        }
    }
    if !t.events.is_empty() {
        out.push_str("\nEvents in this range:\n");
        for e in &t.events {
            out.push_str(&crate::cycle::event_line(e));
            out.push('\n');
        }
    }
    write_stdout(&out)
}
