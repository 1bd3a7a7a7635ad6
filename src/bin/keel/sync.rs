//! `keel sync attach | now | status | detach`: the journal on every computer, through a folder
//! the person already syncs (`keel::sync::journal`).

use std::path::PathBuf;

use clap::{Args, Subcommand};
use keel::sync::journal as sync;

use crate::journal::{open_journal, open_journal_unlocked};
use crate::output::{say, write_stdout, Failure};
use crate::Context;

#[derive(Args)]
pub struct SyncArgs {
    #[command(subcommand)]
    action: SyncAction,
}

#[derive(Subcommand)]
enum SyncAction {
    /// Attach the journal to a folder you already sync (Syncthing, Nextcloud, Dropbox, a share,
    /// a USB stick): starts a sync folder there, or joins the one another computer started.
    /// The journal needs a passphrase; joining takes the one the folder was started with.
    Attach {
        /// The folder.
        #[arg(value_name = "FOLDER")]
        folder: PathBuf,
        /// This computer's name, as the other computers see it (default: its host name).
        #[arg(long, value_name = "NAME")]
        device: Option<String>,
    },
    /// Exchange changes with the sync folder now, and say what came in and what went out.
    Now,
    /// Show the sync folder, the computers seen, the last exchange and the pages with conflicts.
    Status {
        /// Print it as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Detach the journal from its sync folder (the folder and your pages stay as they are).
    Detach,
}

/// What an exchange did, in a few lines.
fn exchanged(x: &sync::Exchange) -> String {
    let mut out = say(
        "sync-exchanged",
        &[("came", x.came_in.into()), ("went", x.went_out.into())],
    ) + "\n";
    if !x.days.is_empty() {
        let days: Vec<String> = x.days.iter().map(ToString::to_string).collect();
        out += &say("sync-days-changed", &[("days", days.join(", ").into())]);
        out.push('\n');
    }
    let others: Vec<&str> = x
        .changed
        .iter()
        .map(String::as_str)
        .filter(|r| !r.starts_with("day/"))
        .collect();
    if !others.is_empty() {
        out += &say(
            "sync-records-changed",
            &[("records", others.join(", ").into())],
        );
        out.push('\n');
    }
    for r in &x.refused {
        out += &say(
            "sync-refused",
            &[
                ("field", r.field.clone().into()),
                ("why", r.why.clone().into()),
            ],
        );
        out.push('\n');
    }
    if !x.unreadable.is_empty() {
        out += &say("sync-unreadable", &[("n", x.unreadable.len().into())]);
        out.push('\n');
    }
    if x.written_again > 0 {
        out += &say("sync-written-again", &[("n", x.written_again.into())]);
        out.push('\n');
    }
    out
}

/// Runs `keel sync …`.
pub fn run(ctx: &Context, args: SyncArgs) -> Result<(), Failure> {
    let now_ms = u64::try_from(ctx.now.timestamp_millis()).unwrap_or(0);
    match args.action {
        SyncAction::Attach { folder, device } => {
            let (journal, typed) = open_journal_unlocked(ctx.journal.clone(), ctx.now)?;
            // A plain journal has no passphrase: the core says so.
            let passphrase = typed.map(|p| p.to_string()).unwrap_or_default();
            let name = device.unwrap_or_else(sync::host_name);
            let done = sync::attach(&journal, &folder, &name, &passphrase, now_ms, ctx.now)?;
            let path = sync::attached_folder(&journal)?.unwrap_or(folder);
            let id = if done.started {
                "sync-started"
            } else {
                "sync-joined"
            };
            let head = say(
                id,
                &[
                    ("path", path.display().to_string().into()),
                    ("name", done.name.clone().into()),
                ],
            );
            write_stdout(&format!("{head}\n{}", exchanged(&done.exchange)))
        }
        SyncAction::Now => {
            let journal = open_journal(ctx.journal.clone(), ctx.now)?;
            let done = sync::exchange(&journal, now_ms, ctx.now)?;
            write_stdout(&exchanged(&done))
        }
        SyncAction::Status { json } => {
            let journal = open_journal(ctx.journal.clone(), ctx.now)?;
            let status = sync::status(&journal)?;
            if json {
                let value = match &status {
                    Some(s) => {
                        let mut v = serde_json::to_value(s).unwrap_or_default();
                        v["attached"] = true.into();
                        v
                    }
                    None => serde_json::json!({ "attached": false }),
                };
                return write_stdout(&format!("{value:#}\n"));
            }
            let Some(s) = status else {
                return write_stdout(&format!("{}\n", say("sync-status-none", &[])));
            };
            let local = |t: chrono::DateTime<chrono::Utc>| {
                t.with_timezone(ctx.now.offset())
                    .format("%Y-%m-%d %H:%M")
                    .to_string()
            };
            let never = say("sync-never", &[]);
            let mut out = format!(
                "{}\n{}\n{}\n",
                say(
                    "sync-status-folder",
                    &[("path", s.folder.display().to_string().into())]
                ),
                say(
                    "sync-status-device",
                    &[
                        ("name", s.name.clone().into()),
                        ("id", s.device.to_string().into())
                    ]
                ),
                say(
                    "sync-status-last",
                    &[(
                        "when",
                        s.last_exchange.map(local).unwrap_or(never.clone()).into()
                    )]
                ),
            );
            out += &say("sync-status-devices", &[]);
            out.push('\n');
            for d in &s.devices {
                let when = d.last_wrote.map(local).unwrap_or(never.clone());
                let key = if d.this {
                    "sync-status-this-device"
                } else {
                    "sync-status-other-device"
                };
                out += "  ";
                out += &say(
                    key,
                    &[
                        ("name", d.name.clone().into()),
                        ("id", d.id.to_string().into()),
                        ("when", when.into()),
                    ],
                );
                out.push('\n');
            }
            out += &say("sync-status-waiting", &[("n", s.waiting_to_go.into())]);
            out.push('\n');
            if s.conflicts.is_empty() && s.conflict_weeks.is_empty() {
                out += &say("sync-status-no-conflicts", &[]);
            } else {
                let days: Vec<String> = s
                    .conflicts
                    .iter()
                    .map(ToString::to_string)
                    .chain(s.conflict_weeks.iter().map(ToString::to_string))
                    .collect();
                out += &say("sync-status-conflicts", &[("days", days.join(", ").into())]);
            }
            out.push('\n');
            write_stdout(&out)
        }
        SyncAction::Detach => {
            let journal = open_journal(ctx.journal.clone(), ctx.now)?;
            let folder = sync::detach(&journal)?.ok_or(keel::KeelError::NotSyncing)?;
            write_stdout(&format!(
                "{}\n",
                say(
                    "sync-detached",
                    &[("path", folder.display().to_string().into())]
                )
            ))
        }
    }
}
