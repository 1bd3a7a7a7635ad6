//! Your data from the terminal: `keel export`, `import` and `backup`.

use std::path::PathBuf;

use clap::{Args, Subcommand};
use keel::interchange::{self, ExportFormat, Source};
use keel::{location, Side};

use crate::journal::{open_journal, read_passphrase, PASSPHRASE_FILE_ENV};
use crate::output::{say, write_stdout, Failure};
use crate::Context;
use keel::i18n::Arg;

#[derive(Args)]
pub struct BackupArgs {
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
pub struct ExportArgs {
    /// json, markdown or csv.
    #[arg(long, value_name = "json|markdown|csv")]
    format: ExportFormat,
    /// The file to write (JSON, CSV; - for standard output) or the folder (Markdown).
    #[arg(long, value_name = "PATH")]
    out: PathBuf,
}

#[derive(Args)]
pub struct ImportArgs {
    /// keel, jrnl or dayone.
    #[arg(long = "from", value_name = "keel|jrnl|dayone")]
    from: Source,
    /// The column other journals' entries go to: role or self (default: self, "Who I am").
    #[arg(
        long,
        default_value = "self",
        value_name = "role|self",
        hide_default_value = true
    )]
    side: Side,
    /// Import the good entries of a partly bad file and list the bad ones.
    #[arg(long)]
    skip_bad: bool,
    /// Show what would be imported without writing anything.
    #[arg(long)]
    dry_run: bool,
    /// The export file.
    path: PathBuf,
}

/// `keel export`: to a file, a folder (Markdown), or standard output (`--out -`).
pub fn export(ctx: &Context, args: ExportArgs) -> Result<(), Failure> {
    let journal = open_journal(ctx.journal.clone(), ctx.now)?;
    if args.out.as_os_str() == "-" {
        return match interchange::export_text(&journal, args.format)? {
            Some(text) => write_stdout(&text),
            None => Err(Failure::Usage(say("usage-markdown-folder", &[]))),
        };
    }
    let n =
        interchange::export(&journal, args.format, &args.out, &mut |_, _| {}).map_err(
            |e| match e {
                keel::KeelError::Io { path, source, .. } => Failure::Error(say(
                    "could-not-write",
                    &[
                        ("path", path.display().to_string().into()),
                        ("reason", source.to_string().into()),
                    ],
                )),
                other => other.into(),
            },
        )?;
    let out = Arg::from(args.out.display().to_string());
    let id = match args.format {
        ExportFormat::Json => "exported-json",
        ExportFormat::Csv => "exported-csv",
        ExportFormat::Markdown => "exported-markdown",
    };
    eprintln!("{}", say(id, &[("out", out), ("n", Arg::from(n))]));
    Ok(())
}

/// `keel import`: plans the whole file first; writes it (after a backup) unless `--dry-run`.
pub fn import(ctx: &Context, args: ImportArgs) -> Result<(), Failure> {
    if args.side == Side::Bridge {
        return Err(Failure::Usage(say("usage-import-side", &[])));
    }
    // A file that cannot be read is refused before the journal is opened (or made).
    std::fs::File::open(&args.path).map_err(|e| {
        Failure::Error(say(
            "could-not-read",
            &[
                ("path", args.path.display().to_string().into()),
                ("reason", e.to_string().into()),
            ],
        ))
    })?;
    let journal = open_journal(ctx.journal.clone(), ctx.now)?;
    let source = args.from;
    let options = interchange::ImportOptions {
        side: args.side,
        skip_bad: args.skip_bad,
    };
    let mut plan = interchange::plan_file(&journal, source, &args.path, options, ctx.now)?;
    if !args.dry_run {
        keel::backup::apply_import(&journal, &mut plan, ctx.now)?;
    }
    let span = match (plan.first_date, plan.last_date) {
        (Some(a), Some(b)) => say(
            "import-span",
            &[
                ("first", a.to_string().into()),
                ("last", b.to_string().into()),
            ],
        ),
        _ => String::new(),
    };
    let mut out = say(
        if args.dry_run {
            "import-would"
        } else {
            "import-did"
        },
        &[
            ("new", Arg::from(plan.n_new)),
            ("entries", Arg::from(plan.n_entries)),
            ("days", Arg::from(plan.n_days)),
            ("span", span.into()),
            ("duplicates", Arg::from(plan.n_duplicates)),
        ],
    );
    out.push('\n');
    if !plan.conflicts.is_empty() {
        let dates: Vec<String> = plan.conflicts.iter().map(ToString::to_string).collect();
        out.push_str(&say(
            if source == Source::Keel {
                "import-conflicts-kept"
            } else {
                "import-conflicts-added"
            },
            &[
                ("n", Arg::from(dates.len())),
                ("dates", dates.join(", ").into()),
            ],
        ));
        out.push('\n');
    }
    for bad in &plan.skipped {
        out.push_str(&say(
            "import-skipped",
            &[("entry", crate::output::reason(&bad.as_reason()).into())],
        ));
        out.push('\n');
    }
    write_stdout(&out)
}

/// `keel backup create | list | restore`.
pub fn backup(ctx: &Context, args: BackupArgs) -> Result<(), Failure> {
    let dir = location::resolve_journal_dir(
        ctx.journal.clone(),
        std::env::var_os(location::JOURNAL_ENV),
    )?;
    let now = ctx.now;
    match args.action {
        BackupAction::Create => {
            let journal = open_journal(Some(dir.clone()), now)?;
            let b = keel::backup::create(&journal, now)?;
            let removed = keel::backup::prune(&dir, now)?;
            write_stdout(&format!(
                "{}\n",
                say(
                    "backed-up",
                    &[
                        ("path", b.path.display().to_string().into()),
                        ("bytes", Arg::from(b.bytes)),
                        ("removed", Arg::from(removed)),
                    ],
                )
            ))
        }
        BackupAction::List => {
            let all = keel::backup::list(&dir)?;
            if all.is_empty() {
                return write_stdout(&format!("{}\n", say("backups-none", &[])));
            }
            let lines: String = all
                .iter()
                .map(|b| {
                    format!(
                        "{}  {:>15}  {}\n",
                        b.taken_at.format("%Y-%m-%d %H:%M:%S"),
                        say("bytes", &[("n", Arg::from(b.bytes))]),
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
                    .ok_or_else(|| Failure::Error(say("no-backup-to-restore", &[])))?,
            };
            let bytes = std::fs::read(&file).map_err(|e| {
                Failure::Error(say(
                    "could-not-read",
                    &[
                        ("path", file.display().to_string().into()),
                        ("reason", e.to_string().into()),
                    ],
                ))
            })?;
            let passphrase = if keel::crypto::is_sealed_file(&bytes) {
                Some(read_passphrase(
                    PASSPHRASE_FILE_ENV,
                    &say("backup-passphrase-prompt", &[]),
                )?)
            } else {
                None
            };
            let (aside, n) =
                keel::backup::restore(&dir, &file, passphrase.as_deref().map(String::as_str), now)?;
            write_stdout(&format!(
                "{}\n",
                say(
                    "restored",
                    &[
                        ("n", Arg::from(n)),
                        ("file", file.display().to_string().into()),
                        ("aside", aside.display().to_string().into()),
                    ],
                )
            ))
        }
    }
}
