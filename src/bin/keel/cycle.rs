//! `keel values` and `keel event`: the person's values and the work cycle's events.

use clap::{Args, Subcommand};
use keel::cycle::{CycleEvent, EventDraft, EventKind, ValueBook, ValueDraft};
use keel::model::parse_date;

use crate::journal::open_journal;
use crate::output::{say, write_stdout, Failure};
use crate::Context;

#[derive(Args)]
pub struct ValuesArgs {
    #[command(subcommand)]
    command: Option<ValuesCommand>,
    /// Print the values (active and retired, with their ids) as JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Subcommand)]
enum ValuesCommand {
    /// Replace the list with these 3 to 7 values, in your own words. A value named again keeps
    /// its history (and what it looks like in practice); one left out is retired, not deleted.
    Set {
        /// The values, each one argument ("present with my family").
        #[arg(required = true, value_name = "TEXT")]
        values: Vec<String>,
    },
}

#[derive(Args)]
pub struct EventArgs {
    #[command(subcommand)]
    command: EventCommand,
}

#[derive(Subcommand)]
enum EventCommand {
    /// Add an event: a day, or a span with --until.
    Add {
        /// The (first) day, YYYY-MM-DD.
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: String,
        /// The last day, for an event of several days.
        #[arg(long, value_name = "YYYY-MM-DD")]
        until: Option<String>,
        /// review, compensation, planning, launch, reorg, new-role, short-staffed, time-off, or
        /// a word of your own.
        #[arg(long, value_name = "KIND")]
        kind: String,
        /// A note (shown on the pages and the charts).
        #[arg(
            long,
            value_name = "TEXT",
            default_value = "",
            hide_default_value = true
        )]
        note: String,
    },
    /// List the events, by date.
    List {
        /// Only events that reach this day or later.
        #[arg(long, value_name = "D")]
        from: Option<String>,
        /// Only events that start on this day or earlier.
        #[arg(long, value_name = "D")]
        to: Option<String>,
        /// Print them as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Remove an event by its id (from `keel event list`).
    Remove {
        #[arg(value_name = "ID")]
        id: String,
    },
}

fn print_values(book: &ValueBook) -> String {
    let mut out = String::new();
    let active: Vec<_> = book.active().collect();
    if active.is_empty() {
        out.push_str(&say("values-none", &[]));
        out.push('\n');
    }
    for v in active {
        out.push_str(&format!("{:>3}  {}\n", v.id, v.name));
        if !v.practice.is_empty() {
            out.push_str(&format!(
                "     {}\n",
                say(
                    "values-practice",
                    &[("practice", v.practice.clone().into())]
                )
            ));
        }
    }
    let retired: Vec<_> = book.values.iter().filter(|v| !v.active).collect();
    if !retired.is_empty() {
        out.push_str(&say("values-retired", &[]));
        out.push('\n');
        for v in retired {
            out.push_str(&format!("{:>3}  {}\n", v.id, v.name));
        }
    }
    out
}

/// `keel values [--json]` and `keel values set TEXT...`.
pub fn values(ctx: &Context, args: ValuesArgs) -> Result<(), Failure> {
    let journal = open_journal(ctx.journal.clone(), ctx.now)?;
    let book = match args.command {
        None => journal.values()?,
        Some(ValuesCommand::Set { values }) => {
            let drafts: Vec<ValueDraft> = values
                .into_iter()
                .map(|name| ValueDraft {
                    name,
                    practice: None,
                })
                .collect();
            journal.set_values(&drafts)?
        }
    };
    if args.json {
        // Plain data always serializes.
        return write_stdout(
            &(serde_json::to_string_pretty(&book).expect("json serializes") + "\n"),
        );
    }
    write_stdout(&print_values(&book))
}

/// One event on one line: `id  start[–end]  kind  note`.
pub fn event_line(e: &CycleEvent) -> String {
    let when = if e.end == e.start {
        e.start.to_string()
    } else {
        say(
            "event-span",
            &[
                ("start", e.start.to_string().into()),
                ("end", e.end.to_string().into()),
            ],
        )
    };
    let note = if e.note.is_empty() {
        String::new()
    } else {
        format!("  {}", e.note)
    };
    let kind = e.kind.name_in(keel::i18n::tr(keel::i18n::spoken()));
    format!("{:>4}  {when:<24}  {kind}{note}", e.id)
}

/// `keel event add|list|remove`.
pub fn event(ctx: &Context, args: EventArgs) -> Result<(), Failure> {
    match args.command {
        EventCommand::Add {
            date,
            until,
            kind,
            note,
        } => {
            let draft = EventDraft {
                start: parse_date(&date)?,
                end: until.as_deref().map(parse_date).transpose()?,
                kind: kind.parse::<EventKind>()?,
                note,
            };
            let journal = open_journal(ctx.journal.clone(), ctx.now)?;
            let event = journal.add_event(draft)?;
            write_stdout(&format!(
                "{}\n{}\n",
                say("event-added", &[("id", event.id.to_string().into())]),
                event_line(&event)
            ))
        }
        EventCommand::List { from, to, json } => {
            let from = from.as_deref().map(parse_date).transpose()?;
            let to = to.as_deref().map(parse_date).transpose()?;
            let journal = open_journal(ctx.journal.clone(), ctx.now)?;
            let events = journal.events_between(
                from.unwrap_or(chrono::NaiveDate::MIN),
                to.unwrap_or(chrono::NaiveDate::MAX),
            )?;
            if json {
                // Plain data always serializes.
                return write_stdout(
                    &(serde_json::to_string_pretty(&events).expect("json serializes") + "\n"),
                );
            }
            let mut out: String = events.iter().map(|e| event_line(e) + "\n").collect();
            if events.is_empty() {
                out.push_str(&say("events-none", &[]));
                out.push('\n');
            }
            write_stdout(&out)
        }
        EventCommand::Remove { id } => {
            let n: u64 = id.trim().parse().map_err(|_| {
                Failure::Usage(say("usage-event-id", &[("id", id.as_str().into())]))
            })?;
            let journal = open_journal(ctx.journal.clone(), ctx.now)?;
            let event = journal.remove_event(n)?;
            write_stdout(&format!(
                "{}\n",
                say(
                    "event-removed",
                    &[("event", event_line(&event).trim_start().to_owned().into())]
                )
            ))
        }
    }
}
