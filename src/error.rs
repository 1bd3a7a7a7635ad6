//! The core's error type: one enum of what a caller can act on.
//!
//! Every variant's message is a plain sentence a person can read; the shell maps variants to
//! stable codes (`KeelError::code`) so the UI switches on the code, never on the text.
//! Expected absences (no page for a date) are `Option`s, not errors.

use std::path::PathBuf;

use chrono::NaiveDate;

/// Everything the core can fail with.
#[derive(Debug, thiserror::Error)]
pub enum KeelError {
    /// A date string that is not a real `YYYY-MM-DD` calendar date.
    #[error("“{input}” is not a date; write it as YYYY-MM-DD, for example 2026-11-28.")]
    InvalidDate { input: String },

    /// A week string that is not a real ISO week.
    #[error("“{input}” is not a week; write it as YYYY-Www, for example 2026-W48.")]
    InvalidWeekId { input: String },

    /// A search query that cannot be understood.
    #[error("That search cannot be run: {reason}.")]
    InvalidQuery { reason: String },

    /// A chart range that is not one of the four.
    #[error("“{input}” is not a range; choose 30d, 90d, 1y or all.")]
    InvalidRange { input: String },

    /// A rating outside its scale.
    #[error("{field} must be a whole number from {min} to {max}; {value} is outside that range.")]
    InvalidRating {
        field: &'static str,
        value: i64,
        min: u8,
        max: u8,
    },

    /// After-hours minutes outside 0..=1440.
    #[error("Minutes worked after hours must be from 0 to {max}; {value} is outside that range.")]
    InvalidMinutes { value: i64, max: u32 },

    /// A text field that cannot be stored (too large for one record).
    #[error(
        "The page for {date} is {bytes} bytes, more than the {limit} bytes a page can hold; \
         nothing was saved, and the text is still yours to shorten."
    )]
    EntryTooLarge {
        date: NaiveDate,
        bytes: usize,
        limit: usize,
    },

    /// A text too large to render or store, outside any one page.
    #[error("The text is {bytes} bytes, more than the {limit} bytes Keel accepts at once.")]
    TextTooLarge { bytes: usize, limit: usize },

    /// A week's page that cannot be stored as it is.
    #[error("That week's page cannot be saved: {reason}.")]
    InvalidWeek { reason: String },

    /// Settings that cannot be stored as they are.
    #[error("Those settings cannot be saved: {reason}.")]
    InvalidSettings { reason: String },

    /// An import file that cannot be imported as it is; nothing was written.
    #[error("This file cannot be imported as {source_name}: {reason}. Nothing was imported.")]
    BadImport {
        source_name: &'static str,
        reason: String,
    },

    /// No prompt has this id.
    #[error("There is no prompt with the id “{id}”.")]
    UnknownPrompt { id: String },

    /// A prompt that cannot be stored or changed as asked.
    #[error("That prompt cannot be saved: {reason}.")]
    InvalidPrompt { reason: String },

    /// The shipped prompt library does not parse or breaks a rule (a build error, caught by tests).
    #[error("Keel's prompt library is damaged: {reason}.")]
    PromptLibrary { reason: String },

    /// Another process holds sled's lock on the journal.
    #[error("The journal at {} is open in another Keel process; close it there first.", path.display())]
    JournalLocked { path: PathBuf },

    /// The journal was written by a newer Keel.
    #[error(
        "The journal at {} was written by a newer version of Keel (schema {found}, this one reads up to {supported}); \
         nothing was changed.",
        path.display()
    )]
    NewerSchema {
        path: PathBuf,
        found: u32,
        supported: u32,
    },

    /// A stored record that cannot be decoded.
    #[error("A stored {what} could not be read ({detail}); the journal may be damaged.")]
    Corrupt { what: String, detail: String },

    /// The journal's files cannot be read at all.
    #[error("The journal at {} is damaged and cannot be read.", path.display())]
    JournalDamaged { path: PathBuf },

    /// A file-system failure outside sled (creating the folder, syncing files).
    #[error("Could not {action} {}: {source}", path.display())]
    Io {
        action: &'static str,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    /// No journal folder was given and the platform has no data directory (no home folder).
    #[error("There is no default place for the journal on this system; give one with --journal DIR or KEEL_JOURNAL.")]
    NoJournalLocation,

    /// The disk holding the journal is full.
    #[error("There is no space left on the disk that holds the journal at {}; free some space and Keel will save again.", path.display())]
    DiskFull { path: PathBuf },

    /// The journal's files cannot be written (permissions, a read-only disk, a failing device).
    #[error("Keel could not write to the journal at {}: {reason}.", path.display())]
    WriteFailed { path: PathBuf, reason: String },

    /// The journal is encrypted and was opened without its passphrase.
    #[error("The journal at {} is locked; unlock it with its passphrase.", path.display())]
    Locked { path: PathBuf },

    /// The passphrase does not open the journal; nothing was read or changed.
    #[error("That passphrase does not open this journal. Nothing was changed; try again.")]
    WrongPassphrase,

    /// A passphrase Keel does not accept (when one is set or changed).
    #[error("That passphrase cannot be used: {reason}.")]
    InvalidPassphrase { reason: String },

    /// Encryption itself failed (no randomness from the system, a key that cannot be made).
    #[error("Keel could not encrypt or decrypt: {detail}.")]
    Crypto { detail: String },

    /// A failure inside sled that has no better name.
    #[error("The journal's storage failed: {0}")]
    Storage(#[from] sled::Error),
}

impl KeelError {
    /// A stable, machine-readable code for each variant, shared by the CLI, the shell and the UI.
    pub fn code(&self) -> &'static str {
        match self {
            KeelError::InvalidDate { .. } => "invalid_date",
            KeelError::InvalidWeekId { .. } => "invalid_week_id",
            KeelError::InvalidQuery { .. } => "invalid_query",
            KeelError::InvalidRange { .. } => "invalid_range",
            KeelError::InvalidRating { .. } => "invalid_rating",
            KeelError::InvalidMinutes { .. } => "invalid_minutes",
            KeelError::EntryTooLarge { .. } => "entry_too_large",
            KeelError::TextTooLarge { .. } => "text_too_large",
            KeelError::InvalidWeek { .. } => "invalid_week",
            KeelError::InvalidSettings { .. } => "invalid_settings",
            KeelError::BadImport { .. } => "bad_import",
            KeelError::UnknownPrompt { .. } => "unknown_prompt",
            KeelError::InvalidPrompt { .. } => "invalid_prompt",
            KeelError::PromptLibrary { .. } => "prompt_library",
            KeelError::JournalLocked { .. } => "journal_locked",
            KeelError::NewerSchema { .. } => "newer_schema",
            KeelError::Corrupt { .. } | KeelError::JournalDamaged { .. } => "corrupt",
            KeelError::Io { .. } => "io",
            KeelError::NoJournalLocation => "no_journal_location",
            KeelError::DiskFull { .. } => "disk_full",
            KeelError::WriteFailed { .. } => "write_failed",
            KeelError::Locked { .. } => "locked",
            KeelError::WrongPassphrase => "wrong_passphrase",
            KeelError::InvalidPassphrase { .. } => "invalid_passphrase",
            KeelError::Crypto { .. } => "crypto",
            KeelError::Storage(_) => "storage",
        }
    }
}

/// Wraps a file-system error with what was being done to which path (`map_err(io(…))`).
pub(crate) fn io(
    action: &'static str,
    path: &std::path::Path,
) -> impl FnOnce(std::io::Error) -> KeelError {
    let path = path.to_owned();
    move |source| KeelError::Io {
        action,
        path,
        source,
    }
}

/// The core's result type.
pub type Result<T, E = KeelError> = std::result::Result<T, E>;
