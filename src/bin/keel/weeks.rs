//! `keel week`: a week's summary and reflection.

use clap::Args;
use keel::analytics;

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
        plain_week(&page)
    };
    write_stdout(&out)
}

fn plain_week(page: &analytics::WeekPage) -> String {
    let s = &page.summary;
    let reflection = page.reflection.as_ref();
    let last_boundary = page.last_week_boundary.as_deref();
    let mut out = format!(
        "Week {} ({} to {})\n",
        s.week,
        s.first_day.format("%a %-d %b"),
        s.last_day.format("%a %-d %b %Y")
    );
    for e in &page.events {
        out.push_str(crate::cycle::event_line(e).trim_start());
        out.push('\n');
    }
    out.push('\n');
    let line = |name: &str,
                m: &analytics::Measure,
                last: &analytics::Measure,
                four: &analytics::Measure| match m.mean {
        None => format!("{name:<11} no check-ins\n"),
        Some(mean) => {
            let cmp = |label: &str, other: &analytics::Measure| {
                other
                    .mean
                    .map(|o| format!(", {label} {o:.1}"))
                    .unwrap_or_default()
            };
            format!(
                "{name:<11} mean {mean:.1} (lowest {}, highest {}; {} days{}{})\n",
                m.min.unwrap_or_default(),
                m.max.unwrap_or_default(),
                m.n,
                cmp("last week", last),
                cmp("4-week", four)
            )
        }
    };
    out.push_str(&line(
        "stress",
        &s.this_week.stress,
        &s.last_week.stress,
        &s.four_weeks.stress,
    ));
    out.push_str(&line(
        "resilience",
        &s.this_week.resilience,
        &s.last_week.resilience,
        &s.four_weeks.resilience,
    ));
    out.push_str(&line(
        "overlap",
        &s.this_week.overlap,
        &s.last_week.overlap,
        &s.four_weeks.overlap,
    ));
    out.push_str(&format!(
        "boundary    held {} of {} days answered; {} min after hours\n",
        s.boundary_kept,
        s.boundary_kept + s.boundary_broken,
        s.after_hours_minutes
    ));
    out.push_str(&format!("check-ins   {} of 7 days\n", s.n_checked_in));
    if let Some(h) = &s.hardest_day {
        out.push_str(&format!(
            "hardest day {} (stress {}): {}\n",
            h.date.format("%A %-d %B"),
            h.stress,
            h.excerpt
        ));
    }
    if let (Some(r), Some(o)) = (s.review_days.stress.mean, s.other_days.stress.mean) {
        out.push_str(&format!(
            "review days stress {r:.1} against {o:.1} on other days\n"
        ));
    }
    if let Some(b) = last_boundary {
        out.push_str(&format!("\nLast week's boundary: {b}\n"));
    }
    if let Some(w) = reflection {
        if let Some(kept) = w.kept_last_boundary {
            out.push_str(&format!("Kept it: {}\n", if kept { "yes" } else { "no" }));
        }
        for (title, items) in [
            ("What the role gave me", &w.role_gave),
            ("What it cost me", &w.role_cost),
        ] {
            if !items.is_empty() {
                out.push_str(&format!("\n{title}\n"));
                for item in items.iter() {
                    out.push_str(&format!("- {item}\n"));
                }
            }
        }
        if !w.next_boundary.is_empty() {
            out.push_str(&format!(
                "\nA boundary to keep next week: {}\n",
                w.next_boundary
            ));
        }
        if !w.values.is_empty() {
            out.push_str("\nMy values this week\n");
            for check in &w.values {
                let name = page
                    .values
                    .iter()
                    .find(|v| v.id == check.value)
                    .map_or_else(|| format!("value {}", check.value), |v| v.name.clone());
                let how = match check.outcome {
                    keel::cycle::ValueOutcome::Held => "held",
                    keel::cycle::ValueOutcome::Bent => "bent",
                    keel::cycle::ValueOutcome::NotTested => "not tested",
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
