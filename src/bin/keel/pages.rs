//! The daily page from the terminal: `keel add`, `show`, `prompt` and `render`.

use clap::Args;
use keel::i18n::{Arg, Tr};
use keel::markdown;
use keel::model::{Boundary, DayEntry, DayPatch, Prompt, OVERLAP, RESILIENCE, STRESS};

use crate::journal::open_journal;
use crate::output::{day_or_today, read_stdin, say, write_stdout, Failure};
use crate::Context;

#[derive(Args)]
pub struct PromptArgs {
    /// The day, YYYY-MM-DD (default: today).
    date: Option<String>,
    /// Print the prompts as one JSON object.
    #[arg(long)]
    json: bool,
}

#[derive(Args)]
pub struct AddArgs {
    /// The day, YYYY-MM-DD (default: today).
    #[arg(long, value_name = "YYYY-MM-DD")]
    date: Option<String>,
    /// "What I do": Markdown text, or - to read it from stdin.
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    role: Option<String>,
    /// "Who I am": Markdown text, or - to read it from stdin.
    #[arg(long = "self", value_name = "TEXT", allow_hyphen_values = true)]
    self_text: Option<String>,
    /// Stress, 1 (calm) to 10 (overwhelmed).
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    stress: Option<i64>,
    /// Resilience, 1 (depleted) to 10 (steady and restored).
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    resilience: Option<i64>,
    /// Role overlap, 1 (my role was a small part of me) to 7 (I was only my role).
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    overlap: Option<i64>,
    /// Did work stop by the end-of-work time? kept or broken.
    #[arg(long, value_name = "kept|broken")]
    boundary: Option<Boundary>,
    /// Minutes worked after the end-of-work time.
    #[arg(
        long = "after-hours",
        value_name = "MIN",
        allow_negative_numbers = true
    )]
    after_hours: Option<i64>,
}

#[derive(Args)]
pub struct ShowArgs {
    /// The day, YYYY-MM-DD (default: today).
    date: Option<String>,
    /// Print the page as one JSON object.
    #[arg(long, conflicts_with = "html")]
    json: bool,
    /// Print both sides as the sanitized HTML the app shows.
    #[arg(long)]
    html: bool,
}

/// `keel add`: changes only the fields given; returns once the page is durable.
pub fn add(ctx: &Context, args: AddArgs) -> Result<(), Failure> {
    if args.role.as_deref() == Some("-") && args.self_text.as_deref() == Some("-") {
        return Err(Failure::Usage(say("usage-stdin-once", &[])));
    }
    // Validate everything before opening the journal, so a refused value writes nothing.
    let date = day_or_today(args.date.as_deref(), ctx.now)?;
    for (scale, value) in [
        (STRESS, args.stress),
        (RESILIENCE, args.resilience),
        (OVERLAP, args.overlap),
    ] {
        if let Some(v) = value {
            scale.check(v)?;
        }
    }
    if let Some(minutes) = args.after_hours {
        keel::model::check_minutes(minutes)?;
    }
    let text = |arg: Option<String>| -> Result<Option<String>, Failure> {
        match arg.as_deref() {
            Some("-") => read_stdin().map(Some),
            _ => Ok(arg),
        }
    };
    let patch = DayPatch {
        role: text(args.role)?,
        self_text: text(args.self_text)?,
        prompt_ids: None,
        stress: args.stress.map(Some),
        resilience: args.resilience.map(Some),
        overlap: args.overlap.map(Some),
        boundary: args.boundary.map(Some),
        after_hours_minutes: args.after_hours.map(Some),
    };
    if patch.is_empty() {
        return Err(Failure::Usage(say("usage-nothing-to-save", &[])));
    }
    let journal = open_journal(ctx.journal.clone(), ctx.now)?;
    let saved = journal.save_day(date, &patch, ctx.now)?;
    println!("{}", tr_saved(saved.date));
    Ok(())
}

/// "Saved 2026-12-01." in the language this command speaks.
fn tr_saved(date: chrono::NaiveDate) -> String {
    crate::output::say("saved", &[("date", date.to_string().into())])
}

/// `keel show`: a day as text, JSON or the sanitized HTML.
pub fn show(ctx: &Context, args: ShowArgs) -> Result<(), Failure> {
    let date = day_or_today(args.date.as_deref(), ctx.now)?;
    let journal = open_journal(ctx.journal.clone(), ctx.now)?;
    let tr = keel::i18n::tr(journal.lang()?);
    let entry = journal.day(date)?.ok_or_else(|| {
        Failure::Error(tr.get("show-no-page", &[("date", date.to_string().into())]))
    })?;
    let out = if args.json {
        // A model type of plain strings, numbers and dates always serializes.
        serde_json::to_string_pretty(&entry).expect("a day entry serializes") + "\n"
    } else if args.html {
        format!(
            "<section class=\"role\">\n<h2>What I do</h2>\n{}</section>\n<section class=\"self\">\n<h2>Who I am</h2>\n{}</section>\n",
            markdown::render(&entry.role),
            markdown::render(&entry.self_text)
        )
    } else {
        plain_page(tr, &entry, &journal.events_between(date, date)?)
    };
    write_stdout(&out)
}

fn plain_page(tr: &Tr, entry: &DayEntry, events: &[keel::cycle::CycleEvent]) -> String {
    let mut out = format!("{}\n", tr.date_long(entry.date));
    for e in events {
        let note = if e.note.is_empty() {
            String::new()
        } else {
            format!(": {}", e.note)
        };
        out.push_str(&format!("◆ {}{note}\n", e.kind.name_in(tr)));
    }
    out.push('\n');
    for (heading, text) in [
        (tr.get("show-role", &[]), &entry.role),
        (tr.get("show-self", &[]), &entry.self_text),
    ] {
        out.push_str(&format!(
            "{heading}\n{}\n",
            "─".repeat(heading.chars().count())
        ));
        if text.trim().is_empty() {
            out.push_str(&tr.get("show-nothing", &[]));
            out.push_str("\n\n");
        } else {
            out.push_str(text.trim_end());
            out.push_str("\n\n");
        }
    }
    let c = &entry.check_in;
    let mut parts = Vec::new();
    let n = |v: u8| Arg::Int(v.into());
    if let Some(v) = c.stress {
        parts.push(tr.get("show-stress", &[("n", n(v))]));
    }
    if let Some(v) = c.resilience {
        parts.push(tr.get("show-resilience", &[("n", n(v))]));
    }
    if let Some(v) = c.overlap {
        parts.push(tr.get("show-overlap", &[("n", n(v))]));
    }
    match (c.boundary, c.after_hours_minutes) {
        (Some(b), Some(m)) => parts.push(tr.get(
            "show-boundary-minutes",
            &[("boundary", b.as_str().into()), ("minutes", m.into())],
        )),
        (Some(b), None) => parts.push(tr.get("show-boundary", &[("boundary", b.as_str().into())])),
        (None, Some(m)) => parts.push(tr.get("show-after-hours", &[("minutes", m.into())])),
        (None, None) => {}
    }
    if !parts.is_empty() {
        out.push_str(&parts.join(" · "));
        out.push('\n');
    }
    if !entry.tags.is_empty() {
        let tags: Vec<String> = entry.tags.iter().map(|t| format!("#{t}")).collect();
        out.push_str(&tr.get("show-tags", &[("tags", tags.join(" ").into())]));
        out.push('\n');
    }
    out
}

/// `keel prompt`: the day's prompts (stored with the day the first time).
pub fn prompt(ctx: &Context, args: PromptArgs) -> Result<(), Failure> {
    let date = day_or_today(args.date.as_deref(), ctx.now)?;
    let journal = open_journal(ctx.journal.clone(), ctx.now)?;
    let shown = journal.day_prompts(date, ctx.now)?;
    let tr = keel::i18n::tr(journal.lang()?);
    let brief = |p: &Option<Prompt>| {
        p.as_ref()
            .map(|p| serde_json::json!({"id": p.id, "text": p.text, "theme": p.theme.as_str()}))
            .unwrap_or(serde_json::Value::Null)
    };
    let out = if args.json {
        let mut value = serde_json::json!({
            "date": date.to_string(),
            "role": brief(&shown.daily.role),
            "self": brief(&shown.daily.myself),
            "bridge": brief(&shown.daily.bridge),
        });
        if !shown.weekly.is_empty() {
            value["weekly"] = shown
                .weekly
                .iter()
                .map(|p| brief(&Some(p.clone())))
                .collect();
        }
        // A value built from strings always serializes.
        serde_json::to_string_pretty(&value).expect("json serializes") + "\n"
    } else {
        let mut out = format!("{}\n\n", tr.date_long(date));
        for (label, p) in [
            (tr.get("show-role", &[]), &shown.daily.role),
            (tr.get("show-self", &[]), &shown.daily.myself),
            (tr.get("prompt-bridge", &[]), &shown.daily.bridge),
        ] {
            if let Some(p) = p {
                out.push_str(&format!("{label}: {}\n", p.text));
            }
        }
        if !shown.weekly.is_empty() {
            out.push('\n');
            out.push_str(&tr.get("prompt-weekly", &[]));
            out.push('\n');
            for p in &shown.weekly {
                out.push_str(&format!("- {}\n", p.text));
            }
        }
        out
    };
    write_stdout(&out)
}

/// `keel render`: Markdown on stdin, the sanitized HTML on stdout.
pub fn render() -> Result<(), Failure> {
    let text = read_stdin()?;
    write_stdout(&markdown::render(&text))
}
