//! `keel week`: a week's summary and reflection.

use clap::Args;
use keel::analytics;
use keel::i18n::{Arg, Tr};

use crate::journal::open_journal;
use crate::output::{write_stdout, Failure};
use crate::Context;

#[derive(Args)]
pub struct WeekArgs {
    /// The ISO week, YYYY-Www (default: this week).
    week: Option<String>,
    /// Print the summary and the reflection as one JSON object.
    #[arg(long)]
    json: bool,
}

/// `keel week`: the week's page, as text or JSON.
pub fn run(ctx: &Context, args: WeekArgs) -> Result<(), Failure> {
    let journal = open_journal(ctx.journal.clone(), ctx.now)?;
    let week = match args.week.as_deref() {
        Some(text) => keel::model::parse_week(text)?,
        None => journal.week_containing(ctx.now.date_naive())?,
    };
    let page = analytics::week_page(&journal, week)?;
    let out = if args.json {
        let value = serde_json::json!({
            "week": week.to_string(),
            "summary": page.summary,
            "reflection": page.reflection,
            "last_week_boundary": page.last_week_boundary,
            "events": page.events,
            "values": page.values,
            "prompts": page.prompts.iter().map(|p| serde_json::json!({"id": p.id, "text": p.text, "theme": p.theme.as_str()})).collect::<Vec<_>>(),
        });
        // Plain data always serializes.
        serde_json::to_string_pretty(&value).expect("json serializes") + "\n"
    } else {
        plain_week(keel::i18n::tr(journal.lang()?), &page)
    };
    write_stdout(&out)
}

fn plain_week(tr: &Tr, page: &analytics::WeekPage) -> String {
    let s = &page.summary;
    let reflection = page.reflection.as_ref();
    let last_boundary = page.last_week_boundary.as_deref();
    let say = |id: &str| tr.get(id, &[]);
    let dec = |x: f64| Arg::Decimal(x, 1);
    let mut out = tr.get(
        "week-title",
        &[
            ("week", s.week.to_string().into()),
            ("from", tr.date(s.first_day, "date-short").into()),
            ("to", tr.date(s.last_day, "date-short-year").into()),
        ],
    );
    out.push('\n');
    for e in &page.events {
        out.push_str(crate::cycle::event_line(e).trim_start());
        out.push('\n');
    }
    out.push('\n');
    // The rows' names, padded to the longest in this language (11 in English).
    let names = [
        "week-row-stress",
        "week-row-resilience",
        "week-row-overlap",
        "week-row-boundary",
        "week-row-check-ins",
        "week-row-hardest",
        "week-row-review",
    ]
    .map(say);
    let width = names.iter().map(|n| n.chars().count()).max().unwrap_or(11);
    let row = |i: usize, text: String| format!("{:<width$} {text}\n", names[i]);
    let line = |i: usize,
                m: &analytics::Measure,
                last: &analytics::Measure,
                four: &analytics::Measure| match m.mean {
        None => row(i, say("week-no-checkins")),
        Some(mean) => {
            let cmp = |id: &str, other: &analytics::Measure| {
                other
                    .mean
                    .map(|o| tr.get(id, &[("mean", dec(o))]))
                    .unwrap_or_default()
            };
            row(
                i,
                tr.get(
                    "week-mean",
                    &[
                        ("mean", dec(mean)),
                        ("min", Arg::from(u32::from(m.min.unwrap_or_default()))),
                        ("max", Arg::from(u32::from(m.max.unwrap_or_default()))),
                        ("n", Arg::from(m.n)),
                        ("last", cmp("week-vs-last", last).into()),
                        ("four", cmp("week-vs-four", four).into()),
                    ],
                ),
            )
        }
    };
    out.push_str(&line(
        0,
        &s.this_week.stress,
        &s.last_week.stress,
        &s.four_weeks.stress,
    ));
    out.push_str(&line(
        1,
        &s.this_week.resilience,
        &s.last_week.resilience,
        &s.four_weeks.resilience,
    ));
    out.push_str(&line(
        2,
        &s.this_week.overlap,
        &s.last_week.overlap,
        &s.four_weeks.overlap,
    ));
    out.push_str(&row(
        3,
        tr.get(
            "week-boundary-line",
            &[
                ("kept", Arg::from(s.boundary_kept)),
                ("answered", Arg::from(s.boundary_kept + s.boundary_broken)),
                ("minutes", Arg::from(s.after_hours_minutes)),
            ],
        ),
    ));
    out.push_str(&row(
        4,
        tr.get("week-check-ins-line", &[("n", Arg::from(s.n_checked_in))]),
    ));
    if let Some(h) = &s.hardest_day {
        out.push_str(&row(
            5,
            tr.get(
                "week-hardest-line",
                &[
                    ("date", tr.date(h.date, "date-day-month").into()),
                    ("stress", Arg::from(u32::from(h.stress))),
                    ("excerpt", h.excerpt.clone().into()),
                ],
            ),
        ));
    }
    if let (Some(r), Some(o)) = (s.review_days.stress.mean, s.other_days.stress.mean) {
        out.push_str(&row(
            6,
            tr.get("week-review-line", &[("review", dec(r)), ("other", dec(o))]),
        ));
    }
    if let Some(b) = last_boundary {
        out.push('\n');
        out.push_str(&tr.get("week-last-boundary", &[("boundary", b.into())]));
        out.push('\n');
    }
    if let Some(w) = reflection {
        if let Some(kept) = w.kept_last_boundary {
            out.push_str(&tr.get(
                "week-kept",
                &[("kept", if kept { "yes" } else { "no" }.into())],
            ));
            out.push('\n');
        }
        for (title, items) in [("week-gave", &w.role_gave), ("week-cost", &w.role_cost)] {
            if !items.is_empty() {
                out.push_str(&format!("\n{}\n", say(title)));
                for item in items.iter() {
                    out.push_str(&format!("- {item}\n"));
                }
            }
        }
        if !w.next_boundary.is_empty() {
            out.push('\n');
            out.push_str(&tr.get(
                "week-next-boundary",
                &[("boundary", w.next_boundary.clone().into())],
            ));
            out.push('\n');
        }
        if !w.values.is_empty() {
            out.push_str(&format!("\n{}\n", say("week-values")));
            for check in &w.values {
                let name = page
                    .values
                    .iter()
                    .find(|v| v.id == check.value)
                    .map_or_else(
                        || tr.get("week-value-unknown", &[("id", Arg::from(check.value))]),
                        |v| v.name.clone(),
                    );
                let how = match check.outcome {
                    keel::cycle::ValueOutcome::Held => say("week-outcome-held"),
                    keel::cycle::ValueOutcome::Bent => say("week-outcome-bent"),
                    keel::cycle::ValueOutcome::NotTested => say("week-outcome-not-tested"),
                };
                let why = if check.why.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", check.why)
                };
                out.push_str(&format!("- {name}: {how}{why}\n"));
            }
        }
    }
    out
}
