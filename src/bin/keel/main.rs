//! `keel`: the journal from a terminal. Parses arguments, reads the clock once, calls the core,
//! prints. No journal logic lives here; each file holds one group of commands:
//! - `pages`: add, show, prompt, render (the daily page);
//! - `weeks`: week;
//! - `library`: search, stats;
//! - `data`: export, import, backup;
//! - `privacy`: passphrase;
//! - `cycle`: values, event (the person's values and the work cycle's events);
//! - `sync`: sync attach, now, status, detach (the journal through a synced folder);
//! - `journal`: opening the journal (and asking for its passphrase); `output`: failures, stdin
//!   and stdout.
//!
//! Exit codes: 0 success, 1 an error (one plain sentence on stderr), 2 a usage error.

mod cycle;
mod data;
mod help;
mod journal;
mod library;
mod output;
mod pages;
mod privacy;
mod remind;
mod sync;
mod weeks;

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::{DateTime, FixedOffset, Local};
use clap::{FromArgMatches, Parser, Subcommand};

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
    /// Show the settings (the reminders' among them), or change them with `keel settings set`.
    Settings(remind::SettingsArgs),
    /// Send the reminders due now as desktop notifications, from the file that reminders while
    /// Keel is closed keep (never opening the journal); --dry-run prints them instead.
    Remind(remind::RemindArgs),
    /// Sync the journal through a folder you already sync: attach it, exchange now, see the
    /// status, detach.
    Sync(sync::SyncArgs),
}

/// What every command is given: the journal folder it was told (if any) and the one reading of
/// the clock it works with (an import's plan and its writing see the same "now").
pub struct Context {
    pub journal: Option<PathBuf>,
    pub now: DateTime<FixedOffset>,
}

fn main() -> ExitCode {
    // The system's language, read once (the setting "system" follows it).
    keel::i18n::use_system_locales(keel::i18n::system_locales(|name| std::env::var(name).ok()));
    // Until a journal says otherwise (`open_journal` speaks its language), the system's: the
    // help too, since no journal is open yet.
    let lang = keel::i18n::resolved(keel::i18n::Language::System);
    keel::i18n::speak(lang);
    let tr = keel::i18n::tr(lang);
    let command = help::command(tr);
    let matches = match command.clone().try_get_matches() {
        Ok(m) => m,
        Err(e) => match help::usage_error(&e, tr) {
            Some(message) => {
                eprintln!("keel: {message}\n{}", output::say("usage-hint", &[]));
                return ExitCode::from(2);
            }
            None => e.exit(),
        },
    };
    if let Some(("help", asked)) = matches.subcommand() {
        let path: Vec<String> = asked
            .get_many::<String>("command")
            .map(|names| names.cloned().collect())
            .unwrap_or_default();
        print!("{}", help::help_of(command, &path));
        return ExitCode::SUCCESS;
    }
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
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
            eprintln!("keel: {message}\n{}", output::say("usage-hint", &[]));
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
        Command::Settings(args) => remind::settings(ctx, args),
        Command::Remind(args) => remind::run(ctx, args),
        Command::Sync(args) => sync::run(ctx, args),
    }
}

#[cfg(test)]
mod tests {

    /// The man pages the packages install, generated by clap_mangen from this very definition
    /// in each language (`man1/keel.1`, `de/man1/keel.1`, `es/man1/keel.1`, and `keel-add.1` …
    /// for the subcommands): fails when a page under `src-tauri/packaging/man/` is missing,
    /// stale or extra (`UPDATE_MAN=1` writes them anew).
    #[test]
    fn the_man_pages_are_current() {
        use keel::i18n::{tr, Lang};
        use std::collections::BTreeMap;
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src-tauri/packaging/man");
        /// A page for `command` named `name`, then one for each of its subcommands, as deep as
        /// they go (`keel-event-add.1`).
        fn walk(
            command: &clap::Command,
            name: &str,
            render: &dyn Fn(clap::Command) -> Vec<u8>,
            pages: &mut BTreeMap<String, Vec<u8>>,
        ) {
            for sub in command.get_subcommands().filter(|s| s.get_name() != "help") {
                let sub_name = format!("{name}-{}", sub.get_name());
                let named = sub
                    .clone()
                    .name(&*Box::leak(sub_name.clone().into_boxed_str()))
                    .version(env!("CARGO_PKG_VERSION"))
                    // The VERSION section, without a -V the subcommands do not take.
                    .disable_version_flag(true);
                walk(&named, &sub_name, render, pages);
                pages.insert(sub_name + ".1", render(named));
            }
        }
        let mut pages = BTreeMap::new();
        for (lang, dir) in [
            (Lang::En, "man1"),
            (Lang::De, "de/man1"),
            (Lang::Es, "es/man1"),
        ] {
            let tr = tr(lang);
            // clap_mangen's section headings are English; the page's language names them.
            let headings: Vec<(String, String)> = [
                ("NAME", "man-name"),
                ("SYNOPSIS", "man-synopsis"),
                ("DESCRIPTION", "man-description"),
                ("OPTIONS", "man-options"),
                ("VERSION", "man-version"),
            ]
            .iter()
            .map(|(en, id)| {
                (
                    format!("\n.SH {en}\n"),
                    format!("\n.SH {}\n", tr.get(id, &[])),
                )
            })
            .collect();
            let render = |command: clap::Command| {
                let mut page = Vec::new();
                // The --help heading ("Commands") would stand as it is; a man page's is its own.
                let command = command.subcommand_help_heading(tr.get("man-subcommands", &[]));
                clap_mangen::Man::new(command)
                    .date("2026-12-01")
                    .manual("Keel")
                    .render(&mut page)
                    .unwrap();
                let mut text = String::from_utf8(page).unwrap();
                for (en, here) in &headings {
                    text = text.replace(en, here);
                }
                text.into_bytes()
            };
            let keel = crate::help::command(tr);
            let mut in_lang = BTreeMap::new();
            walk(&keel, "keel", &render, &mut in_lang);
            in_lang.insert("keel.1".to_owned(), render(keel));
            for (name, page) in in_lang {
                pages.insert(format!("{dir}/{name}"), page);
            }
        }
        if std::env::var_os("UPDATE_MAN").is_some() {
            let _ = std::fs::remove_dir_all(&root);
            for (name, page) in &pages {
                let path = root.join(name);
                std::fs::create_dir_all(path.parent().unwrap()).unwrap();
                std::fs::write(path, page).unwrap();
            }
        }
        fn stored(
            root: &std::path::Path,
            at: &std::path::Path,
            out: &mut BTreeMap<String, Vec<u8>>,
        ) {
            for entry in std::fs::read_dir(at).into_iter().flatten() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stored(root, &path, out);
                } else {
                    let name = path
                        .strip_prefix(root)
                        .unwrap()
                        .to_string_lossy()
                        .into_owned();
                    out.insert(name, std::fs::read(&path).unwrap());
                }
            }
        }
        let mut on_disk = BTreeMap::new();
        stored(&root, &root, &mut on_disk);
        assert!(
            on_disk == pages,
            "{} is missing, out of date or has extra pages: run `UPDATE_MAN=1 cargo test -p keel --bin keel man_pages`",
            root.display()
        );
    }
}
