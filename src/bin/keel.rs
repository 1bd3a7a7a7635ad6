//! `keel`: the journal from a terminal. Parses arguments, reads the clock and stdin, calls the
//! core, prints. No journal logic lives here.
//!
//! Exit codes: 0 success, 1 an error (one plain sentence on stderr), 2 a usage error.

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::{Local, NaiveDate};
use clap::{Args, Parser, Subcommand, ValueEnum};

use keel::model::{parse_date, Boundary, DayEntry, DayPatch, Prompt, OVERLAP, RESILIENCE, STRESS};
use keel::{analytics, interchange, location, markdown, prompts, Journal, KeelError, WeekId};

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
    Add(AddArgs),
    /// Show a day's page (default: today).
    Show(ShowArgs),
    /// Read Markdown on stdin and print the sanitized HTML the app shows.
    Render,
    /// Show a day's prompts (default: today); the first time, the choice is stored with the day.
    Prompt(PromptArgs),
    /// Show a week's summary and reflection (default: this week).
    Week(WeekArgs),
    /// Search both sides of every day and the weekly reflections, newest first.
    Search(SearchArgs),
    /// Trends: rolling means, weekly means, the weekday profile and plain comparisons.
    Stats(StatsArgs),
    /// Write the journal out: Keel JSON, a Markdown folder, or a CSV of check-ins.
    Export(ExportArgs),
    /// Bring entries in from Keel JSON, jrnl's JSON export, or Day One's export (JSON or zip).
    Import(ImportArgs),
    /// Verified snapshots of the journal: take one, list them, or restore one.
    Backup(BackupArgs),
    /// Encryption at rest: set a passphrase (encrypts the journal), change it, or remove it.
    /// The passphrase is asked for at the terminal, not shown; scripts name a file holding it
    /// in KEEL_PASSPHRASE_FILE (and the new one in KEEL_NEW_PASSPHRASE_FILE).
    Passphrase(PassphraseArgs),
}

#[derive(Args)]
struct PassphraseArgs {
    #[command(subcommand)]
    action: PassphraseAction,
}

#[derive(Subcommand)]
enum PassphraseAction {
    /// Encrypt the journal under a new passphrase (a verified encrypted copy replaces it).
    Set {
        /// Delete the backups taken before, which are not encrypted.
        #[arg(long, conflicts_with = "encrypt_old_backups")]
        remove_old_backups: bool,
        /// Encrypt the backups taken before, in place.
        #[arg(long)]
        encrypt_old_backups: bool,
    },
    /// Change the passphrase (only the wrapped key is rewritten).
    Change,
    /// Decrypt the journal (a verified plain copy replaces it).
    Remove,
}

#[derive(Args)]
struct BackupArgs {
    #[command(subcommand)]
    action: BackupAction,
}

#[derive(Subcommand)]
enum BackupAction {
    /// Take a verified snapshot now (and prune old ones).
    Create,
    /// List the snapshots, newest first.
    List,
    /// Restore a snapshot: the current store is moved aside, never deleted.
    Restore {
        /// The backup file (default: the newest).
        file: Option<PathBuf>,
    },
}

#[derive(Args)]
struct SearchArgs {
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
struct StatsArgs {
    /// 30d, 90d, 1y or all.
    #[arg(long, default_value = "30d")]
    range: String,
    /// Print every figure as one JSON object.
    #[arg(long)]
    json: bool,
}

#[derive(Clone, Copy, ValueEnum)]
enum ExportFormat {
    Json,
    Markdown,
    Csv,
}

#[derive(Args)]
struct ExportArgs {
    #[arg(long, value_enum)]
    format: ExportFormat,
    /// The file to write (JSON, CSV; - for standard output) or the folder (Markdown).
    #[arg(long, value_name = "PATH")]
    out: PathBuf,
}

#[derive(Clone, Copy, ValueEnum)]
enum ImportFrom {
    Keel,
    Jrnl,
    Dayone,
}

#[derive(Clone, Copy, ValueEnum)]
enum SideArg {
    Role,
    #[value(name = "self")]
    Myself,
}

#[derive(Args)]
struct ImportArgs {
    #[arg(long = "from", value_enum)]
    from: ImportFrom,
    /// The column other journals' entries go to (default: self, "Who I am").
    #[arg(long, value_enum, default_value = "self")]
    side: SideArg,
    /// Import the good entries of a partly bad file and list the bad ones.
    #[arg(long)]
    skip_bad: bool,
    /// Show what would be imported without writing anything.
    #[arg(long)]
    dry_run: bool,
    /// The export file.
    path: PathBuf,
}

#[derive(Args)]
struct WeekArgs {
    /// The ISO week, YYYY-Www (default: this week).
    week: Option<String>,
    /// Print the summary and the reflection as one JSON object.
    #[arg(long)]
    json: bool,
}

#[derive(Args)]
struct PromptArgs {
    /// The day, YYYY-MM-DD (default: today).
    date: Option<String>,
    /// Print the prompts as one JSON object.
    #[arg(long)]
    json: bool,
}

#[derive(Args)]
struct AddArgs {
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
    /// Did work stop by the end-of-work time?
    #[arg(long, value_enum)]
    boundary: Option<BoundaryArg>,
    /// Minutes worked after the end-of-work time.
    #[arg(
        long = "after-hours",
        value_name = "MIN",
        allow_negative_numbers = true
    )]
    after_hours: Option<i64>,
}

#[derive(Clone, Copy, ValueEnum)]
enum BoundaryArg {
    Kept,
    Broken,
}

#[derive(Args)]
struct ShowArgs {
    /// The day, YYYY-MM-DD (default: today).
    date: Option<String>,
    /// Print the page as one JSON object.
    #[arg(long, conflicts_with = "html")]
    json: bool,
    /// Print both sides as the sanitized HTML the app shows.
    #[arg(long)]
    html: bool,
}

/// What went wrong, split by exit code.
enum Failure {
    /// Exit 1: a sentence for the person.
    Error(String),
    /// Exit 2: the command line itself was wrong.
    Usage(String),
}

impl From<KeelError> for Failure {
    fn from(e: KeelError) -> Failure {
        Failure::Error(e.to_string())
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
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

fn run(cli: Cli) -> Result<(), Failure> {
    match cli.command {
        Command::Render => render(),
        Command::Add(args) => add(cli.journal, args),
        Command::Show(args) => show(cli.journal, args),
        Command::Prompt(args) => prompt(cli.journal, args),
        Command::Week(args) => week(cli.journal, args),
        Command::Search(args) => search(cli.journal, args),
        Command::Stats(args) => stats(cli.journal, args),
        Command::Export(args) => export(cli.journal, args),
        Command::Import(args) => import(cli.journal, args),
        Command::Backup(args) => backup(cli.journal, args),
        Command::Passphrase(args) => passphrase(cli.journal, args),
    }
}

/// Names a file holding the journal's passphrase, for scripts (else it is asked for).
const PASSPHRASE_FILE_ENV: &str = "KEEL_PASSPHRASE_FILE";
/// Names a file holding the new passphrase for `keel passphrase set` and `change`.
const NEW_PASSPHRASE_FILE_ENV: &str = "KEEL_NEW_PASSPHRASE_FILE";

/// A passphrase from the file `env` names, else typed at the terminal without echo.
fn read_passphrase(env: &str, prompt: &str) -> Result<zeroize::Zeroizing<String>, Failure> {
    use std::io::IsTerminal;
    if let Some(path) = std::env::var_os(env) {
        let path = PathBuf::from(path);
        let text = std::fs::read_to_string(&path).map_err(|e| {
            Failure::Error(format!(
                "Could not read the passphrase file {}: {e}.",
                path.display()
            ))
        })?;
        return Ok(zeroize::Zeroizing::new(
            text.trim_end_matches(['\n', '\r']).to_owned(),
        ));
    }
    if !std::io::stdin().is_terminal() {
        return Err(Failure::Error(format!(
            "A passphrase is needed: type it at a terminal, or name a file holding it in {env}."
        )));
    }
    rpassword::prompt_password(prompt)
        .map(zeroize::Zeroizing::new)
        .map_err(|e| Failure::Error(format!("Could not read the passphrase: {e}.")))
}

/// A new passphrase: from its file, or typed twice at the terminal.
fn read_new_passphrase() -> Result<zeroize::Zeroizing<String>, Failure> {
    let first = read_passphrase(NEW_PASSPHRASE_FILE_ENV, "New passphrase: ")?;
    if std::env::var_os(NEW_PASSPHRASE_FILE_ENV).is_none() {
        let again = read_passphrase(NEW_PASSPHRASE_FILE_ENV, "The same again: ")?;
        if *again != *first {
            return Err(Failure::Error(
                "The two passphrases differ; nothing was changed.".into(),
            ));
        }
    }
    keel::crypto::check_passphrase(&first)?;
    Ok(first)
}

fn passphrase(journal_flag: Option<PathBuf>, args: PassphraseArgs) -> Result<(), Failure> {
    let (journal, typed) = open_journal_unlocked(journal_flag)?;
    match args.action {
        PassphraseAction::Set {
            remove_old_backups,
            encrypt_old_backups,
        } => {
            if journal.is_encrypted() {
                return Err(Failure::Error(
                    "The journal is encrypted already; `keel passphrase change` changes its passphrase."
                        .into(),
                ));
            }
            let plain = keel::backup::list(journal.dir())?;
            if !plain.is_empty() && !remove_old_backups && !encrypt_old_backups {
                return Err(Failure::Error(format!(
                    "There are {} backups taken before, which are not encrypted: add --encrypt-old-backups to encrypt them too, or --remove-old-backups to delete them. Nothing was changed.",
                    plain.len()
                )));
            }
            let new = read_new_passphrase()?;
            journal.encrypt(&new)?;
            let what = if remove_old_backups {
                keel::backup::OldBackups::Remove
            } else {
                keel::backup::OldBackups::Encrypt
            };
            let n = keel::backup::protect_plain(&journal, what)?;
            write_stdout(&format!(
                "The journal is encrypted. {}Keep the passphrase safe: without it the journal cannot be read.\n",
                match (n, what) {
                    (0, _) => String::new(),
                    (n, keel::backup::OldBackups::Remove) => format!("{n} unencrypted backups were removed. "),
                    (n, keel::backup::OldBackups::Encrypt) => format!("{n} backups taken before were encrypted too. "),
                }
            ))
        }
        PassphraseAction::Change => {
            let Some(old) = typed else {
                return Err(Failure::Error(
                    "The journal is not encrypted; `keel passphrase set` encrypts it.".into(),
                ));
            };
            let new = read_new_passphrase()?;
            journal.change_passphrase(&old, &new)?;
            write_stdout("The passphrase was changed.\n")
        }
        PassphraseAction::Remove => {
            let Some(old) = typed else {
                return Err(Failure::Error("The journal is not encrypted.".into()));
            };
            journal.decrypt(&old)?;
            write_stdout(
                "The journal is no longer encrypted. Backups taken while it was stay encrypted.\n",
            )
        }
    }
}

/// The journal a command opened, for the rest of the process.
///
/// Dropping a sled database frees its page cache node by node and joins its threads: about
/// 40 ms on a journal of 100,000 pages, spent just before the process exits anyway. Every write
/// is already durable when it returns, so at the end of a command the journal only renews its
/// write mark (`Journal::checkpoint`) and is left to the process's exit.
struct OpenJournal(std::mem::ManuallyDrop<Journal>);

impl std::ops::Deref for OpenJournal {
    type Target = Journal;
    fn deref(&self) -> &Journal {
        &self.0
    }
}

impl Drop for OpenJournal {
    fn drop(&mut self) {
        self.0.checkpoint();
    }
}

fn open_journal(flag: Option<PathBuf>) -> Result<OpenJournal, Failure> {
    open_journal_unlocked(flag).map(|(journal, _)| journal)
}

/// Opens the journal, asking for its passphrase when it is encrypted; returns the passphrase
/// that unlocked it, if one did.
fn open_journal_unlocked(
    flag: Option<PathBuf>,
) -> Result<(OpenJournal, Option<zeroize::Zeroizing<String>>), Failure> {
    let dir = location::resolve_journal_dir(flag, std::env::var_os(location::JOURNAL_ENV))?;
    let mut typed = None;
    let opened = match Journal::open(&dir) {
        Err(KeelError::Locked { .. }) => {
            let passphrase = read_passphrase(PASSPHRASE_FILE_ENV, "Passphrase: ")?;
            let journal = Journal::unlock(&dir, &passphrase);
            typed = Some(passphrase);
            journal
        }
        other => other,
    };
    opened.map(|j| (OpenJournal(std::mem::ManuallyDrop::new(j)), typed)).map_err(|e| {
        // A journal that cannot be read: point at the newest backup, change nothing.
        let damaged = matches!(e, KeelError::Corrupt { .. } | KeelError::JournalDamaged { .. } | KeelError::Storage(_));
        match keel::backup::list(&dir).ok().and_then(|b| b.into_iter().next()) {
            Some(newest) if damaged => Failure::Error(format!(
                "{e} Nothing was changed. The newest backup is from {}: `keel backup restore` restores it and keeps the journal as it is now.",
                newest.taken_at.format("%Y-%m-%d %H:%M")
            )),
            _ => Failure::from(e),
        }
    })
}

fn day_or_today(date: Option<&str>) -> Result<NaiveDate, Failure> {
    match date {
        Some(d) => Ok(parse_date(d)?),
        None => Ok(Local::now().date_naive()),
    }
}

fn read_stdin() -> Result<String, Failure> {
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text).map_err(|e| {
        Failure::Error(format!("Could not read the text from standard input: {e}."))
    })?;
    Ok(text)
}

fn add(journal: Option<PathBuf>, args: AddArgs) -> Result<(), Failure> {
    if args.role.as_deref() == Some("-") && args.self_text.as_deref() == Some("-") {
        return Err(Failure::Usage(
            "only one of --role and --self can read standard input.".into(),
        ));
    }
    // Validate everything before opening the journal, so a refused value writes nothing.
    let date = day_or_today(args.date.as_deref())?;
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
        boundary: args.boundary.map(|b| {
            Some(match b {
                BoundaryArg::Kept => Boundary::Kept,
                BoundaryArg::Broken => Boundary::Broken,
            })
        }),
        after_hours_minutes: args.after_hours.map(Some),
    };
    if patch.is_empty() {
        return Err(Failure::Usage(
            "nothing to save: give --role, --self, or a check-in such as --stress.".into(),
        ));
    }
    let journal = open_journal(journal)?;
    let saved = journal.save_day(date, &patch, Local::now().fixed_offset())?;
    println!("Saved {}.", saved.date);
    Ok(())
}

fn show(journal: Option<PathBuf>, args: ShowArgs) -> Result<(), Failure> {
    let date = day_or_today(args.date.as_deref())?;
    let journal = open_journal(journal)?;
    let entry = journal
        .day(date)?
        .ok_or_else(|| Failure::Error(format!("There is no page for {date}.")))?;
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
        plain_page(&entry)
    };
    write_stdout(&out)
}

fn plain_page(entry: &DayEntry) -> String {
    let mut out = format!("{}\n\n", entry.date.format("%A %-d %B %Y"));
    for (heading, text) in [("What I do", &entry.role), ("Who I am", &entry.self_text)] {
        out.push_str(&format!(
            "{heading}\n{}\n",
            "─".repeat(heading.chars().count())
        ));
        if text.trim().is_empty() {
            out.push_str("(nothing written)\n\n");
        } else {
            out.push_str(text.trim_end());
            out.push_str("\n\n");
        }
    }
    let c = &entry.check_in;
    let mut parts = Vec::new();
    if let Some(v) = c.stress {
        parts.push(format!("stress {v}/10"));
    }
    if let Some(v) = c.resilience {
        parts.push(format!("resilience {v}/10"));
    }
    if let Some(v) = c.overlap {
        parts.push(format!("overlap {v}/7"));
    }
    match (c.boundary, c.after_hours_minutes) {
        (Some(b), Some(m)) => parts.push(format!("boundary {b} ({m} min after hours)")),
        (Some(b), None) => parts.push(format!("boundary {b}")),
        (None, Some(m)) => parts.push(format!("{m} min after hours")),
        (None, None) => {}
    }
    if !parts.is_empty() {
        out.push_str(&parts.join(" · "));
        out.push('\n');
    }
    if !entry.tags.is_empty() {
        let tags: Vec<String> = entry.tags.iter().map(|t| format!("#{t}")).collect();
        out.push_str(&format!("tags: {}\n", tags.join(" ")));
    }
    out
}

fn prompt(journal: Option<PathBuf>, args: PromptArgs) -> Result<(), Failure> {
    let date = day_or_today(args.date.as_deref())?;
    let journal = open_journal(journal)?;
    let shown = prompts::day_prompts(&journal, date, Local::now().fixed_offset())?;
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
        let mut out = format!("{}\n\n", date.format("%A %-d %B %Y"));
        for (label, p) in [
            ("What I do", &shown.daily.role),
            ("Who I am", &shown.daily.myself),
            ("Between them", &shown.daily.bridge),
        ] {
            if let Some(p) = p {
                out.push_str(&format!("{label}: {}\n", p.text));
            }
        }
        if !shown.weekly.is_empty() {
            out.push_str("\nThis week's reflection:\n");
            for p in &shown.weekly {
                out.push_str(&format!("- {}\n", p.text));
            }
        }
        out
    };
    write_stdout(&out)
}

fn week(journal: Option<PathBuf>, args: WeekArgs) -> Result<(), Failure> {
    let journal = open_journal(journal)?;
    let settings = journal.settings()?;
    let week = match args.week.as_deref() {
        Some(text) => keel::model::parse_week(text)?,
        None => WeekId::containing(Local::now().date_naive(), settings.week_start),
    };
    let summary = analytics::week_summary(&journal, week, &settings)?;
    let reflection = journal.week(week)?;
    let last_boundary = journal
        .week(week.pred())?
        .map(|w| w.next_boundary)
        .filter(|b| !b.is_empty());
    let weekly_prompts = prompts::weekly_set(week, &journal.prompts()?);
    let out = if args.json {
        let value = serde_json::json!({
            "week": week.to_string(),
            "summary": summary,
            "reflection": reflection,
            "last_week_boundary": last_boundary,
            "prompts": weekly_prompts.iter().map(|p| serde_json::json!({"id": p.id, "text": p.text, "theme": p.theme.as_str()})).collect::<Vec<_>>(),
        });
        // Plain data always serializes.
        serde_json::to_string_pretty(&value).expect("json serializes") + "\n"
    } else {
        plain_week(&summary, reflection.as_ref(), last_boundary.as_deref())
    };
    write_stdout(&out)
}

fn plain_week(
    s: &analytics::WeekSummary,
    reflection: Option<&keel::WeekReflection>,
    last_boundary: Option<&str>,
) -> String {
    let mut out = format!(
        "Week {} ({} to {})\n\n",
        s.week,
        s.first_day.format("%a %-d %b"),
        s.last_day.format("%a %-d %b %Y")
    );
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
    }
    out
}

fn search(journal: Option<PathBuf>, args: SearchArgs) -> Result<(), Failure> {
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
    let journal = open_journal(journal)?;
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

fn stats(journal: Option<PathBuf>, args: StatsArgs) -> Result<(), Failure> {
    let range: analytics::trends::Range = args.range.parse()?;
    let journal = open_journal(journal)?;
    let t = analytics::trends::trends(&journal, range, Local::now().date_naive())?;
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
    write_stdout(&out)
}

fn export(journal: Option<PathBuf>, args: ExportArgs) -> Result<(), Failure> {
    let journal = open_journal(journal)?;
    let write_file = |text: String| -> Result<(), Failure> {
        if args.out.as_os_str() == "-" {
            return write_stdout(&text);
        }
        std::fs::write(&args.out, text)
            .map_err(|e| Failure::Error(format!("Could not write {}: {e}.", args.out.display())))
    };
    let to_stdout = args.out.as_os_str() == "-";
    match args.format {
        ExportFormat::Json => {
            write_file(interchange::export_json(&journal)?)?;
            if !to_stdout {
                eprintln!(
                    "Exported the journal to {} (Keel JSON). The file is not encrypted.",
                    args.out.display()
                );
            }
        }
        ExportFormat::Csv => {
            write_file(interchange::export_csv(&journal)?)?;
            if !to_stdout {
                eprintln!("Exported the check-ins to {} (CSV).", args.out.display());
            }
        }
        ExportFormat::Markdown => {
            let n = interchange::export_markdown(&journal, &args.out, &mut |_, _| {})?;
            eprintln!(
                "Exported {n} pages to {} (Markdown). The files are not encrypted.",
                args.out.display()
            );
        }
    }
    Ok(())
}

fn import(journal: Option<PathBuf>, args: ImportArgs) -> Result<(), Failure> {
    let bytes = std::fs::read(&args.path)
        .map_err(|e| Failure::Error(format!("Could not read {}: {e}.", args.path.display())))?;
    let journal = open_journal(journal)?;
    let source = match args.from {
        ImportFrom::Keel => interchange::Source::Keel,
        ImportFrom::Jrnl => interchange::Source::Jrnl,
        ImportFrom::Dayone => interchange::Source::DayOne,
    };
    let options = interchange::ImportOptions {
        side: match args.side {
            SideArg::Role => keel::Side::Role,
            SideArg::Myself => keel::Side::Myself,
        },
        skip_bad: args.skip_bad,
    };
    let plan = interchange::plan(
        &journal,
        source,
        &bytes,
        options,
        Local::now().fixed_offset(),
    )?;
    if !args.dry_run {
        interchange::apply_with_backup(&journal, &plan, Local::now().fixed_offset())?;
    }
    let span = match (plan.first_date, plan.last_date) {
        (Some(a), Some(b)) => format!(", {a} to {b}"),
        _ => String::new(),
    };
    let mut out = format!(
        "{} {} of {} entries into {} days{span}; {} already imported.\n",
        if args.dry_run {
            "Would import"
        } else {
            "Imported"
        },
        plan.n_new,
        plan.n_entries,
        plan.n_days,
        plan.n_duplicates
    );
    if !plan.conflicts.is_empty() {
        let dates: Vec<String> = plan.conflicts.iter().map(ToString::to_string).collect();
        let what = if source == interchange::Source::Keel {
            "kept as they were"
        } else {
            "added below what was there"
        };
        out.push_str(&format!(
            "{} days already had writing ({what}): {}\n",
            dates.len(),
            dates.join(", ")
        ));
    }
    for bad in &plan.skipped {
        out.push_str(&format!("Skipped {bad}\n"));
    }
    write_stdout(&out)
}

fn backup(journal_flag: Option<PathBuf>, args: BackupArgs) -> Result<(), Failure> {
    let dir = location::resolve_journal_dir(journal_flag, std::env::var_os(location::JOURNAL_ENV))?;
    let now = Local::now().fixed_offset();
    match args.action {
        BackupAction::Create => {
            let journal = open_journal(Some(dir.clone()))?;
            let b = keel::backup::create(&journal, now)?;
            let removed = keel::backup::prune(&dir, now)?;
            write_stdout(&format!(
                "Backed up to {} ({} bytes, verified); {removed} old backups removed.\n",
                b.path.display(),
                b.bytes
            ))
        }
        BackupAction::List => {
            let all = keel::backup::list(&dir)?;
            if all.is_empty() {
                return write_stdout("No backups yet.\n");
            }
            let lines: String = all
                .iter()
                .map(|b| {
                    format!(
                        "{}  {:>9} bytes  {}\n",
                        b.taken_at.format("%Y-%m-%d %H:%M:%S"),
                        b.bytes,
                        b.path.display()
                    )
                })
                .collect();
            write_stdout(&lines)
        }
        BackupAction::Restore { file } => {
            let file = match file {
                Some(f) => f,
                None => keel::backup::list(&dir)?
                    .into_iter()
                    .next()
                    .map(|b| b.path)
                    .ok_or_else(|| Failure::Error("There is no backup to restore.".into()))?,
            };
            let bytes = std::fs::read(&file)
                .map_err(|e| Failure::Error(format!("Could not read {}: {e}.", file.display())))?;
            let passphrase = if keel::crypto::is_sealed_file(&bytes) {
                Some(read_passphrase(
                    PASSPHRASE_FILE_ENV,
                    "The backup's passphrase: ",
                )?)
            } else {
                None
            };
            let (aside, n) =
                keel::backup::restore(&dir, &file, passphrase.as_deref().map(String::as_str), now)?;
            write_stdout(&format!(
                "Restored {n} pages from {}. The journal as it was is kept in {}.\n",
                file.display(),
                aside.display()
            ))
        }
    }
}

fn render() -> Result<(), Failure> {
    let text = read_stdin()?;
    write_stdout(&markdown::render(&text))
}

/// Writes to stdout; a closed pipe (`keel show | head`) is not an error worth a message.
fn write_stdout(text: &str) -> Result<(), Failure> {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Failure::Error(format!("Could not write the output: {e}."))),
    }
}
