//! What every command shares: its failure (by exit code), standard input and output, and the
//! day a command means when it names none.

use std::io::{Read, Write};

use chrono::{DateTime, FixedOffset, NaiveDate};
use keel::model::parse_date;
use keel::KeelError;

/// What went wrong, split by exit code.
pub enum Failure {
    /// Exit 1: a sentence for the person.
    Error(String),
    /// Exit 2: the command line itself was wrong.
    Usage(String),
}

/// Message `id` of the CLI's and the core's catalogues, in the language this command speaks
/// (`i18n::spoken`: the system's, then the journal's once it is open).
pub fn say(id: &str, args: &[(&str, keel::i18n::Arg)]) -> String {
    keel::i18n::tr(keel::i18n::spoken()).get(id, args)
}

/// A reason in the spoken language.
pub fn reason(reason: &keel::Reason) -> String {
    reason.in_lang(keel::i18n::tr(keel::i18n::spoken()))
}

impl From<KeelError> for Failure {
    fn from(e: KeelError) -> Failure {
        Failure::Error(e.message())
    }
}

/// The day `date` names, or today (from the command's one reading of the clock).
pub fn day_or_today(date: Option<&str>, now: DateTime<FixedOffset>) -> Result<NaiveDate, Failure> {
    match date {
        Some(d) => Ok(parse_date(d)?),
        None => Ok(now.date_naive()),
    }
}

pub fn read_stdin() -> Result<String, Failure> {
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text).map_err(|e| {
        Failure::Error(say("stdin-unreadable", &[("reason", e.to_string().into())]))
    })?;
    Ok(text)
}

/// Writes to stdout; a closed pipe (`keel show | head`) is not an error worth a message.
pub fn write_stdout(text: &str) -> Result<(), Failure> {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Failure::Error(say(
            "stdout-unwritable",
            &[("reason", e.to_string().into())],
        ))),
    }
}
