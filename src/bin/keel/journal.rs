//! Opening the journal for a command: through the core's `backup::open` (so a restore asked
//! for in the app happens first), asking for the passphrase when the journal is encrypted, and
//! pointing at the newest backup when the journal cannot be read.

use std::path::PathBuf;

use chrono::{DateTime, FixedOffset};
use keel::{location, Journal, KeelError};

use crate::output::{say, Failure};

/// Names a file holding the journal's passphrase, for scripts (else it is asked for).
pub const PASSPHRASE_FILE_ENV: &str = "KEEL_PASSPHRASE_FILE";
/// Names a file holding the new passphrase for `keel passphrase set` and `change`.
pub const NEW_PASSPHRASE_FILE_ENV: &str = "KEEL_NEW_PASSPHRASE_FILE";

/// A passphrase from the file `env` names, else typed at the terminal without echo.
pub fn read_passphrase(env: &str, prompt: &str) -> Result<zeroize::Zeroizing<String>, Failure> {
    use std::io::IsTerminal;
    if let Some(path) = std::env::var_os(env) {
        let path = PathBuf::from(path);
        let text = std::fs::read_to_string(&path).map_err(|e| {
            Failure::Error(say(
                "passphrase-file-unreadable",
                &[
                    ("path", path.display().to_string().into()),
                    ("reason", e.to_string().into()),
                ],
            ))
        })?;
        return Ok(zeroize::Zeroizing::new(
            text.trim_end_matches(['\n', '\r']).to_owned(),
        ));
    }
    if !std::io::stdin().is_terminal() {
        return Err(Failure::Error(say(
            "passphrase-needed",
            &[("env", env.into())],
        )));
    }
    rpassword::prompt_password(prompt)
        .map(zeroize::Zeroizing::new)
        .map_err(|e| {
            Failure::Error(say(
                "passphrase-unreadable",
                &[("reason", e.to_string().into())],
            ))
        })
}

/// A new passphrase: from its file, or typed twice at the terminal.
pub fn read_new_passphrase() -> Result<zeroize::Zeroizing<String>, Failure> {
    let first = read_passphrase(NEW_PASSPHRASE_FILE_ENV, &say("passphrase-new-prompt", &[]))?;
    if std::env::var_os(NEW_PASSPHRASE_FILE_ENV).is_none() {
        let again = read_passphrase(
            NEW_PASSPHRASE_FILE_ENV,
            &say("passphrase-again-prompt", &[]),
        )?;
        if *again != *first {
            return Err(Failure::Error(say("passphrases-differ", &[])));
        }
    }
    keel::crypto::check_passphrase(&first)?;
    Ok(first)
}

/// The journal a command opened, for the rest of the process.
///
/// Dropping a sled database frees its page cache node by node and joins its threads: about
/// 40 ms on a journal of 100,000 pages, spent just before the process exits anyway. Every write
/// is already durable when it returns, so at the end of a command the journal only renews its
/// write mark (`Journal::checkpoint`) and is left to the process's exit.
///
/// Before that it brings the reminders up to date (`Journal::sync_reminders`): answers given to
/// `keel remind` are written into their days, and the file for reminders while Keel is closed
/// learns of a check-in made here. Nothing is done when that file is not kept.
pub struct OpenJournal(std::mem::ManuallyDrop<Journal>, chrono::NaiveDate);

impl std::ops::Deref for OpenJournal {
    type Target = Journal;
    fn deref(&self) -> &Journal {
        &self.0
    }
}

impl Drop for OpenJournal {
    fn drop(&mut self) {
        if let Err(e) = self.0.sync_reminders(self.1) {
            eprintln!(
                "keel: {}",
                say("reminders-not-synced", &[("reason", e.message().into())])
            );
        }
        self.0.checkpoint();
    }
}

/// Opens the journal a command names (`--journal`, else `KEEL_JOURNAL`, else the default).
pub fn open_journal(
    flag: Option<PathBuf>,
    now: DateTime<FixedOffset>,
) -> Result<OpenJournal, Failure> {
    open_journal_unlocked(flag, now).map(|(journal, _)| journal)
}

/// Opens the journal, asking for its passphrase when it is encrypted; returns the passphrase
/// that unlocked it, if one did.
pub fn open_journal_unlocked(
    flag: Option<PathBuf>,
    now: DateTime<FixedOffset>,
) -> Result<(OpenJournal, Option<zeroize::Zeroizing<String>>), Failure> {
    let dir = location::resolve_journal_dir(flag, std::env::var_os(location::JOURNAL_ENV))?;
    let mut typed = None;
    let opened = match keel::backup::open(&dir, None, now) {
        Err(KeelError::Locked { .. }) => {
            let passphrase = read_passphrase(PASSPHRASE_FILE_ENV, &say("passphrase-prompt", &[]))?;
            let journal = keel::backup::open(&dir, Some(&passphrase), now);
            typed = Some(passphrase);
            journal
        }
        other => other,
    };
    let opened = opened.inspect(|j| {
        // The journal's language from now on, for every message this command prints.
        if let Ok(lang) = j.lang() {
            keel::i18n::speak(lang);
        }
        // Answers given to `keel remind` while the journal was closed reach their days first,
        // so what the command shows has them.
        if let Err(e) = j.sync_reminders(now.date_naive()) {
            eprintln!(
                "keel: {}",
                say("reminders-not-synced", &[("reason", e.message().into())])
            );
        }
    });
    opened
        .map(|j| {
            (
                OpenJournal(std::mem::ManuallyDrop::new(j), now.date_naive()),
                typed,
            )
        })
        .map_err(|e| {
            // A journal that cannot be read: point at the newest backup, change nothing.
            let damaged = matches!(
                e,
                KeelError::Corrupt { .. }
                    | KeelError::JournalDamaged { .. }
                    | KeelError::Storage(_)
            );
            match keel::backup::list(&dir)
                .ok()
                .and_then(|b| b.into_iter().next())
            {
                Some(newest) if damaged => Failure::Error(format!(
                    "{} {}",
                    e.message(),
                    say(
                        "damaged-newest-backup",
                        &[(
                            "taken",
                            newest.taken_at.format("%Y-%m-%d %H:%M").to_string().into()
                        )],
                    )
                )),
                _ => Failure::from(e),
            }
        })
}
