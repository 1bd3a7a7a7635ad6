//! `keel passphrase set | change | remove`: encryption at rest from the terminal.

use clap::{Args, Subcommand};

use crate::journal::{open_journal_unlocked, read_new_passphrase};
use crate::output::{say, write_stdout, Failure};
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
                return Err(Failure::Error(say("passphrase-already-set", &[])));
            }
            let plain = keel::backup::list(journal.dir())?;
            if !plain.is_empty() && !remove_old_backups && !encrypt_old_backups {
                return Err(Failure::Error(say(
                    "passphrase-old-backups",
                    &[("n", plain.len().into())],
                )));
            }
            let new = read_new_passphrase()?;
            let what = if remove_old_backups {
                keel::backup::OldBackups::Remove
            } else {
                keel::backup::OldBackups::Encrypt
            };
            let n = keel::backup::encrypt(&journal, &new, what)?;
            let old = match (n, what) {
                (0, _) => String::new(),
                (n, keel::backup::OldBackups::Remove) => {
                    say("passphrase-old-removed", &[("n", n.into())]) + " "
                }
                (n, keel::backup::OldBackups::Encrypt) => {
                    say("passphrase-old-encrypted", &[("n", n.into())]) + " "
                }
            };
            write_stdout(&format!(
                "{}\n",
                say("passphrase-set", &[("old", old.into())])
            ))
        }
        PassphraseAction::Change => {
            let Some(old) = typed else {
                return Err(Failure::Error(say("passphrase-none-to-change", &[])));
            };
            let new = read_new_passphrase()?;
            journal.change_passphrase(&old, &new)?;
            write_stdout(&format!("{}\n", say("passphrase-changed", &[])))
        }
        PassphraseAction::Remove => {
            let Some(old) = typed else {
                return Err(Failure::Error(say("passphrase-none-to-remove", &[])));
            };
            journal.decrypt(&old)?;
            write_stdout(&format!("{}\n", say("passphrase-removed", &[])))
        }
    }
}
