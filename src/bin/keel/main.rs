//! `keel`: the journal from a terminal. Parses arguments, reads the clock once, calls the core,
//! prints. No journal logic lives here; each file holds one group of commands:
//! - `pages`: add, show, prompt, render (the daily page);
//! - `weeks`: week;
//! - `library`: search, stats;
//! - `data`: export, import, backup;
//! - `privacy`: passphrase;
//! - `cycle`: values, event (the person's values and the work cycle's events);
//! - `journal`: opening the journal (and asking for its passphrase); `output`: failures, stdin
//!   and stdout.
//!
//! Exit codes: 0 success, 1 an error (one plain sentence on stderr), 2 a usage error.

mod cycle;
mod data;
mod journal;
mod library;
mod output;
mod pages;
mod privacy;
mod weeks;

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::{DateTime, FixedOffset, Local};
use clap::{Parser, Subcommand};

use crate::output::Failure;

#[derive(Parser)]
#[command(
    name = "keel",
    version,
    about = "Keel: a private journal that keeps what you do apart from who you are."
)]
struct Cli {
    /// The journal folder (default: $KEEL_JOURNAL, else the platform's data folder).
    #[arg(long, global = true, value_name = "DIR")]
    journal: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Add to a day's page or change it: only the fields given are set.
    Add(pages::AddArgs),
    /// Show a day's page (default: today).
    Show(pages::ShowArgs),
    /// Read Markdown on stdin and print the sanitized HTML the app shows.
    Render,
    /// Show a day's prompts (default: today); the first time, the choice is stored with the day.
    Prompt(pages::PromptArgs),
    /// Show a week's summary and reflection (default: this week).
    Week(weeks::WeekArgs),
    /// Search both sides of every day and the weekly reflections, newest first.
    Search(library::SearchArgs),
    /// Trends: rolling means, weekly means, the weekday profile and plain comparisons.
    Stats(library::StatsArgs),
    /// Write the journal out: Keel JSON, a Markdown folder, or a CSV of check-ins.
    Export(data::ExportArgs),
    /// Bring entries in from Keel JSON, jrnl's JSON export, or Day One's export (JSON or zip).
    Import(data::ImportArgs),
    /// Verified snapshots of the journal: take one, list them, or restore one.
    Backup(data::BackupArgs),
    /// Encryption at rest: set a passphrase (encrypts the journal), change it, or remove it.
    /// The passphrase is asked for at the terminal, not shown; scripts name a file holding it
    /// in KEEL_PASSPHRASE_FILE (and the new one in KEEL_NEW_PASSPHRASE_FILE).
    Passphrase(privacy::PassphraseArgs),
    /// Your values, in your own words: list them, or set the list (3 to 7).
    Values(cycle::ValuesArgs),
    /// The work cycle's events (reviews, compensation day, launches, re-orgs, time off…): add,
    /// list, remove.
    Event(cycle::EventArgs),
}

/// What every command is given: the journal folder it was told (if any) and the one reading of
/// the clock it works with (an import's plan and its writing see the same "now").
pub struct Context {
    pub journal: Option<PathBuf>,
    pub now: DateTime<FixedOffset>,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let ctx = Context {
        journal: cli.journal,
        now: Local::now().fixed_offset(),
    };
    match run(&ctx, cli.command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Error(message)) => {
            eprintln!("keel: {message}");
            ExitCode::from(1)
        }
        Err(Failure::Usage(message)) => {
            eprintln!("keel: {message}\nRun `keel --help` for the commands.");
            ExitCode::from(2)
        }
    }
}

fn run(ctx: &Context, command: Command) -> Result<(), Failure> {
    match command {
        Command::Render => pages::render(),
        Command::Add(args) => pages::add(ctx, args),
        Command::Show(args) => pages::show(ctx, args),
        Command::Prompt(args) => pages::prompt(ctx, args),
        Command::Week(args) => weeks::run(ctx, args),
        Command::Search(args) => library::search(ctx, args),
        Command::Stats(args) => library::stats(ctx, args),
        Command::Export(args) => data::export(ctx, args),
        Command::Import(args) => data::import(ctx, args),
        Command::Backup(args) => data::backup(ctx, args),
        Command::Passphrase(args) => privacy::run(ctx, args),
        Command::Values(args) => cycle::values(ctx, args),
        Command::Event(args) => cycle::event(ctx, args),
    }
}
