//! `keel passphrase set | change | remove`: encryption at rest from the terminal.

use clap::{Args, Subcommand};

use crate::journal::{open_journal_unlocked, read_new_passphrase};
use crate::output::{write_stdout, Failure};
use crate::Context;

#[derive(Args)]
pub struct PassphraseArgs {
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

/// Runs `keel passphrase …`.
pub fn run(ctx: &Context, args: PassphraseArgs) -> Result<(), Failure> {
    let (journal, typed) = open_journal_unlocked(ctx.journal.clone(), ctx.now)?;
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
            let what = if remove_old_backups {
                keel::backup::OldBackups::Remove
            } else {
                keel::backup::OldBackups::Encrypt
            };
            let n = keel::backup::encrypt(&journal, &new, what)?;
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
