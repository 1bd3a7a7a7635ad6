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

    /// The journal was encrypted already (set a passphrase once; change it after that).
    #[error("The journal is encrypted already; change its passphrase instead.")]
    AlreadyEncrypted,

    /// The journal is not encrypted, so there is no passphrase to check, change or remove.
    #[error("The journal is not encrypted; set a passphrase first.")]
    NotEncrypted,

    /// No backup of the journal has this name.
    #[error("There is no backup named “{name}”.")]
    NoSuchBackup { name: String },

    /// The journal was busy with other work for too long; nothing was changed.
    #[error("The journal is busy: {reason}; try again in a moment.")]
    JournalBusy { reason: &'static str },

    /// A span of days that is empty or longer than a view can show.
    #[error("A calendar shows at most a year, from its first day to its last; {from} to {to} is not such a span.")]
    InvalidSpan { from: NaiveDate, to: NaiveDate },

    /// Too many wrong passphrases in a row: the next try has to wait.
    #[error("Too many wrong passphrases; try again in {wait_secs} s.")]
    TooManyAttempts { wait_secs: u64 },

    /// An import asked for in a way Keel does not take (the source, the side, the file's form).
    #[error("{reason}")]
    InvalidImportRequest { reason: String },

    /// A list of values that cannot be stored as it is.
    #[error("Those values cannot be saved: {reason}.")]
    InvalidValues { reason: String },

    /// An event that cannot be stored as it is.
    #[error("That event cannot be saved: {reason}.")]
    InvalidEvent { reason: String },

    /// No event has this id.
    #[error("There is no event with the id {id}.")]
    UnknownEvent { id: String },

    /// The desktop's notification service did not take a reminder.
    #[error(
        "The desktop did not show the reminder ({detail}); is a notification service running?"
    )]
    Notify { detail: String },

    /// Reminders while Keel is closed could not be turned on or off.
    #[error("Reminders while Keel is closed cannot be set up: {reason}.")]
    Background { reason: String },

    /// A chart the page asked to save that is not one.
    #[error("That chart cannot be saved: it is not an SVG picture of a sensible size.")]
    InvalidChart,

    /// A failure inside the storage engine that has no better name.
    #[error("The journal's storage failed: {0}")]
    Storage(#[from] StorageError),
}

/// A failure of the storage engine, opaque outside the store: the engine's own error types
/// never leave `store/`, so it could change without touching any caller.
#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    /// The operating system refused a read or write.
    #[error("{0}")]
    Io(#[source] std::io::Error),
    /// Anything else the engine reported.
    #[error("{0}")]
    Engine(#[source] Box<dyn std::error::Error + Send + Sync>),
}

crate::wire::wire_enum! {
    /// What went wrong, as a caller can act on it: the stable, machine-readable name of an
    /// error, shared by the CLI, the shell and the page (generated to TypeScript as a union of
    /// its wire names, so a `switch` on a kind that does not exist fails the type check).
    /// Several errors share a kind when a caller would do the same about each.
    pub enum ErrorKind ("an error kind") {
        InvalidDate = "invalid_date",
        InvalidWeekId = "invalid_week_id",
        InvalidQuery = "invalid_query",
        InvalidRange = "invalid_range",
        InvalidRating = "invalid_rating",
        InvalidMinutes = "invalid_minutes",
        EntryTooLarge = "entry_too_large",
        TextTooLarge = "text_too_large",
        InvalidWeek = "invalid_week",
        InvalidSettings = "invalid_settings",
        BadImport = "bad_import",
        InvalidImportRequest = "invalid_import_request",
        UnknownPrompt = "unknown_prompt",
        InvalidPrompt = "invalid_prompt",
        PromptLibrary = "prompt_library",
        JournalLocked = "journal_locked",
        JournalBusy = "journal_busy",
        NewerSchema = "newer_schema",
        Corrupt = "corrupt",
        Io = "io",
        NoJournalLocation = "no_journal_location",
        DiskFull = "disk_full",
        WriteFailed = "write_failed",
        Locked = "locked",
        WrongPassphrase = "wrong_passphrase",
        InvalidPassphrase = "invalid_passphrase",
        AlreadyEncrypted = "already_encrypted",
        NotEncrypted = "not_encrypted",
        RateLimited = "rate_limited",
        NoSuchBackup = "no_such_backup",
        InvalidChart = "invalid_chart",
        InvalidValues = "invalid_values",
        InvalidEvent = "invalid_event",
        UnknownEvent = "unknown_event",
        Notify = "notify",
        Background = "background",
        Crypto = "crypto",
        Storage = "storage",
        /// The desktop window could not do what was asked (only the shell reports it).
        Window = "window",
        /// A call that never reached a command (Tauri refused it, or its arguments); only the
        /// page reports it.
        Ipc = "ipc",
    }
}

/// Tests and callers compare a kind with its wire name.
impl PartialEq<&str> for ErrorKind {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl KeelError {
    /// What kind of error this is (see `ErrorKind`).
    pub fn kind(&self) -> ErrorKind {
        match self {
            KeelError::InvalidDate { .. } => ErrorKind::InvalidDate,
            KeelError::InvalidWeekId { .. } => ErrorKind::InvalidWeekId,
            KeelError::InvalidQuery { .. } => ErrorKind::InvalidQuery,
            KeelError::InvalidRange { .. } | KeelError::InvalidSpan { .. } => {
                ErrorKind::InvalidRange
            }
            KeelError::InvalidRating { .. } => ErrorKind::InvalidRating,
            KeelError::InvalidMinutes { .. } => ErrorKind::InvalidMinutes,
            KeelError::EntryTooLarge { .. } => ErrorKind::EntryTooLarge,
            KeelError::TextTooLarge { .. } => ErrorKind::TextTooLarge,
            KeelError::InvalidWeek { .. } => ErrorKind::InvalidWeek,
            KeelError::InvalidSettings { .. } => ErrorKind::InvalidSettings,
            KeelError::BadImport { .. } => ErrorKind::BadImport,
            KeelError::InvalidImportRequest { .. } => ErrorKind::InvalidImportRequest,
            KeelError::UnknownPrompt { .. } => ErrorKind::UnknownPrompt,
            KeelError::InvalidPrompt { .. } => ErrorKind::InvalidPrompt,
            KeelError::PromptLibrary { .. } => ErrorKind::PromptLibrary,
            KeelError::JournalLocked { .. } => ErrorKind::JournalLocked,
            KeelError::JournalBusy { .. } => ErrorKind::JournalBusy,
            KeelError::NewerSchema { .. } => ErrorKind::NewerSchema,
            KeelError::Corrupt { .. } | KeelError::JournalDamaged { .. } => ErrorKind::Corrupt,
            KeelError::Io { .. } => ErrorKind::Io,
            KeelError::NoJournalLocation => ErrorKind::NoJournalLocation,
            KeelError::DiskFull { .. } => ErrorKind::DiskFull,
            KeelError::WriteFailed { .. } => ErrorKind::WriteFailed,
            KeelError::Locked { .. } => ErrorKind::Locked,
            KeelError::WrongPassphrase => ErrorKind::WrongPassphrase,
            KeelError::InvalidPassphrase { .. } => ErrorKind::InvalidPassphrase,
            KeelError::AlreadyEncrypted => ErrorKind::AlreadyEncrypted,
            KeelError::NotEncrypted => ErrorKind::NotEncrypted,
            KeelError::TooManyAttempts { .. } => ErrorKind::RateLimited,
            KeelError::NoSuchBackup { .. } => ErrorKind::NoSuchBackup,
            KeelError::InvalidChart => ErrorKind::InvalidChart,
            KeelError::InvalidValues { .. } => ErrorKind::InvalidValues,
            KeelError::InvalidEvent { .. } => ErrorKind::InvalidEvent,
            KeelError::UnknownEvent { .. } => ErrorKind::UnknownEvent,
            KeelError::Notify { .. } => ErrorKind::Notify,
            KeelError::Background { .. } => ErrorKind::Background,
            KeelError::Crypto { .. } => ErrorKind::Crypto,
            KeelError::Storage(_) => ErrorKind::Storage,
        }
    }

    /// The kind's wire name (`kind().as_str()`).
    pub fn code(&self) -> &'static str {
        self.kind().as_str()
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

#[cfg(test)]
mod tests {
    use super::*;

    /// `as_str` is the name serde writes, for every kind (the page reads serde's).
    #[test]
    fn every_kind_is_spelled_as_serde_spells_it() {
        for kind in ErrorKind::ALL {
            let json = serde_json::to_value(kind).unwrap();
            assert_eq!(json, serde_json::Value::from(kind.as_str()));
            assert_eq!(serde_json::from_value::<ErrorKind>(json).unwrap(), kind);
        }
    }
}
