//! `keel search` and `keel stats`: finding and looking back.

use clap::Args;
use keel::analytics;
use keel::analytics::trends::Range;
use keel::i18n::Arg;
use keel::model::parse_date;

use crate::journal::open_journal;
use crate::output::{say, write_stdout, Failure};
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
        return Err(Failure::Usage(say("usage-search-empty", &[])));
    }
    let journal = open_journal(ctx.journal.clone(), ctx.now)?;
    let hits = keel::search::search(&journal, &query, args.limit)?;
    if args.json {
        // Plain data always serializes.
        return write_stdout(
            &(serde_json::to_string_pretty(&hits).expect("json serializes") + "\n"),
        );
    }
    let tr = keel::i18n::tr(journal.lang()?);
    let mut out = String::new();
    for h in &hits {
        let side = match h.side {
            keel::search::HitSide::Role => tr.get("show-role", &[]),
            keel::search::HitSide::Myself => tr.get("show-self", &[]),
            keel::search::HitSide::Week => tr.get(
                "search-week",
                &[(
                    "week",
                    h.week.map(|w| w.to_string()).unwrap_or_default().into(),
                )],
            ),
            keel::search::HitSide::Event => tr.get("search-event", &[]),
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
        out.push_str(&tr.get("search-nothing", &[]));
        out.push('\n');
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
    let tr = keel::i18n::tr(journal.lang()?);
    let mut out = match t.from {
        Some(from) => tr.get(
            "stats-range",
            &[
                ("from", from.to_string().into()),
                ("to", t.to.to_string().into()),
                ("n", Arg::from(t.points.len())),
            ],
        ),
        None => tr.get("stats-none", &[]),
    };
    out.push('\n');
    if let Some(last) = t.points.last() {
        let fmt = |m: Option<f64>, n: usize| {
            m.map_or("–".to_owned(), |m| {
                tr.get(
                    "stats-mean",
                    &[("mean", Arg::Decimal(m, 1)), ("n", Arg::from(n))],
                )
            })
        };
        out.push_str(&tr.get(
            "stats-last-7",
            &[
                ("date", last.date.to_string().into()),
                ("stress", fmt(last.stress_mean, last.stress_n).into()),
                (
                    "resilience",
                    fmt(last.resilience_mean, last.resilience_n).into(),
                ),
            ],
        ));
        out.push('\n');
    }
    out.push('\n');
    out.push_str(&tr.get("stats-weekdays", &[]));
    out.push('\n');
    for w in &t.weekdays {
        let day = tr.weekday(w.weekday);
        let mark = if w.review_day {
            tr.get("stats-review-day", &[])
        } else {
            String::new()
        };
        match w.stress.mean {
            Some(m) => out.push_str(&format!(
                "  {day}{mark}: {}\n",
                tr.get(
                    "stats-weekday-mean",
                    &[("mean", Arg::Decimal(m, 1)), ("n", Arg::from(w.stress.n))]
                )
            )),
            None => out.push_str(&format!("  {day}{mark}: –\n")),
        }
    }
    out.push('\n');
    for c in &t.comparisons {
        out.push_str(&c.sentence);
        out.push('\n');
    }
    if !t.values.is_empty() {
        out.push('\n');
        out.push_str(&tr.get("stats-values", &[]));
        out.push('\n');
        for v in &t.values {
            out.push_str(&format!("  {}\n", v.sentence));
        }
    }
    if !t.events.is_empty() {
        out.push('\n');
        out.push_str(&tr.get("stats-events", &[]));
        out.push('\n');
        for e in &t.events {
            out.push_str(&crate::cycle::event_line(e));
            out.push('\n');
        }
    }
    write_stdout(&out)
}
