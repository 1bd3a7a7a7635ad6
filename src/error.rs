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
    InvalidQuery { reason: Reason },

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
    InvalidWeek { reason: Reason },

    /// Settings that cannot be stored as they are.
    #[error("Those settings cannot be saved: {reason}.")]
    InvalidSettings { reason: Reason },

    /// An import file that cannot be imported as it is; nothing was written.
    #[error("This file cannot be imported as {source_name}: {reason}. Nothing was imported.")]
    BadImport {
        source_name: &'static str,
        reason: Reason,
    },

    /// No prompt has this id.
    #[error("There is no prompt with the id “{id}”.")]
    UnknownPrompt { id: String },

    /// A prompt that cannot be stored or changed as asked.
    #[error("That prompt cannot be saved: {reason}.")]
    InvalidPrompt { reason: Reason },

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
    #[error(
        "Could not {}: {}",
        io_action(action, path, crate::i18n::english()),
        os_reason(source, crate::i18n::english())
    )]
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
    WriteFailed { path: PathBuf, reason: Reason },

    /// The journal is encrypted and was opened without its passphrase.
    #[error("The journal at {} is locked; unlock it with its passphrase.", path.display())]
    Locked { path: PathBuf },

    /// The passphrase does not open the journal; nothing was read or changed.
    #[error("That passphrase does not open this journal. Nothing was changed; try again.")]
    WrongPassphrase,

    /// A passphrase Keel does not accept (when one is set or changed).
    #[error("That passphrase cannot be used: {reason}.")]
    InvalidPassphrase { reason: Reason },

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
    JournalBusy { reason: Reason },

    /// A span of days that is empty or longer than a view can show.
    #[error("A calendar shows at most a year, from its first day to its last; {from} to {to} is not such a span.")]
    InvalidSpan { from: NaiveDate, to: NaiveDate },

    /// Too many wrong passphrases in a row: the next try has to wait.
    #[error("Too many wrong passphrases; try again in {wait_secs} s.")]
    TooManyAttempts { wait_secs: u64 },

    /// An import asked for in a way Keel does not take (the source, the side, the file's form).
    #[error("{reason}")]
    InvalidImportRequest { reason: Reason },

    /// A list of values that cannot be stored as it is.
    #[error("Those values cannot be saved: {reason}.")]
    InvalidValues { reason: Reason },

    /// An event that cannot be stored as it is.
    #[error("That event cannot be saved: {reason}.")]
    InvalidEvent { reason: Reason },

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
    Background { reason: Reason },

    /// A chart the page asked to save that is not one.
    #[error("That chart cannot be saved: it is not an SVG picture of a sensible size.")]
    InvalidChart,

    /// A sync folder that cannot be used as asked (started twice, …).
    #[error("That sync folder cannot be used: {reason}.")]
    SyncFolder { reason: Reason },

    /// A sync command for a journal that is not attached to a sync folder.
    #[error("This journal is not attached to a sync folder.")]
    NotSyncing,

    /// Removing the passphrase of a journal that syncs.
    #[error("The passphrase stays while the journal syncs: its sync folder's key is kept under it. Detach the sync folder first.")]
    SyncKeepsPassphrase,

    /// A failure inside the storage engine that has no better name.
    #[error("The journal's storage failed: {0}")]
    Storage(#[from] StorageError),
}

/// Why something was refused, as a catalogue message (`reason-*` in core.ftl) and its
/// arguments: shown in the person's language by `KeelError::message`, in English by `Display`.
/// A reason can hold another reason or a whole error (an import's bad entry, and why it is
/// bad), each put into its words in the same language.
#[derive(Debug, Clone)]
pub struct Reason {
    pub id: &'static str,
    pub args: Vec<(&'static str, crate::i18n::Arg)>,
    nested: Vec<(&'static str, Nested)>,
}

#[derive(Debug, Clone)]
enum Nested {
    Reason(Box<Reason>),
    /// Shown without its closing full stop: it stands inside a sentence.
    Error(std::sync::Arc<KeelError>),
}

impl Reason {
    pub fn new(id: &'static str, args: Vec<(&'static str, crate::i18n::Arg)>) -> Reason {
        Reason {
            id,
            args,
            nested: Vec::new(),
        }
    }

    /// Adds an argument.
    pub fn with_arg(mut self, name: &'static str, value: impl Into<crate::i18n::Arg>) -> Reason {
        self.args.push((name, value.into()));
        self
    }

    /// Puts `inner`, in the same language, into the message's variable `name`.
    pub fn with(mut self, name: &'static str, inner: Reason) -> Reason {
        self.nested.push((name, Nested::Reason(Box::new(inner))));
        self
    }

    /// Puts an error's message (without its full stop) into the message's variable `name`.
    pub fn with_error(mut self, name: &'static str, error: KeelError) -> Reason {
        self.nested
            .push((name, Nested::Error(std::sync::Arc::new(error))));
        self
    }

    /// A reason that is only an error's message, without its full stop.
    pub fn error(error: KeelError) -> Reason {
        Reason::new("reason-error", vec![]).with_error("error", error)
    }

    /// The reason in `tr`'s language.
    pub fn in_lang(&self, tr: &crate::i18n::Tr) -> String {
        if self.nested.is_empty() {
            return tr.get(self.id, &self.args);
        }
        let mut args = self.args.clone();
        for (name, inner) in &self.nested {
            let text = match inner {
                Nested::Reason(r) => r.in_lang(tr),
                Nested::Error(e) => e.message_in(tr).trim_end_matches('.').to_owned(),
            };
            args.push((name, text.into()));
        }
        tr.get(self.id, &args)
    }
}

/// Two reasons are the same when they say the same (in English).
impl PartialEq for Reason {
    fn eq(&self, other: &Reason) -> bool {
        self.id == other.id && self.to_string() == other.to_string()
    }
}
impl Eq for Reason {}

impl std::fmt::Display for Reason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.in_lang(crate::i18n::english()))
    }
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
        SyncFolder = "sync_folder",
        NotSyncing = "not_syncing",
        SyncKeepsPassphrase = "sync_keeps_passphrase",
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
            KeelError::SyncFolder { .. } => ErrorKind::SyncFolder,
            KeelError::NotSyncing => ErrorKind::NotSyncing,
            KeelError::SyncKeepsPassphrase => ErrorKind::SyncKeepsPassphrase,
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

    /// The message in the language this process speaks (`i18n::spoken`): what the page and
    /// the command line show. `Display` stays English, for logs and tests.
    pub fn message(&self) -> String {
        self.message_in(crate::i18n::tr(crate::i18n::spoken()))
    }

    /// The message in `tr`'s language. The errors whose words are all Keel's are translated
    /// (`core.ftl`, `error-*`); those that carry a reason worded where it arose stay English
    /// until their reasons are catalogue messages too (issue 19 continues).
    pub fn message_in(&self, tr: &crate::i18n::Tr) -> String {
        use crate::i18n::Arg;
        let path = |p: &std::path::Path| Arg::from(p.display().to_string());
        let date = |d: &NaiveDate| Arg::from(d.to_string());
        // A sentence whose one variable is its reason, in the same language.
        let reason = |r: &Reason| vec![("reason", Arg::from(r.in_lang(tr)))];
        let (id, args): (&str, Vec<(&str, Arg)>) = match self {
            KeelError::InvalidDate { input } => {
                ("error-invalid-date", vec![("input", input.as_str().into())])
            }
            KeelError::InvalidWeekId { input } => (
                "error-invalid-week-id",
                vec![("input", input.as_str().into())],
            ),
            KeelError::InvalidRange { input } => (
                "error-invalid-range",
                vec![("input", input.as_str().into())],
            ),
            KeelError::InvalidRating {
                field,
                value,
                min,
                max,
            } => (
                "error-invalid-rating",
                vec![
                    (
                        "field",
                        Arg::from(match *field {
                            "stress" => tr.get("error-field-stress", &[]),
                            "resilience" => tr.get("error-field-resilience", &[]),
                            "overlap" => tr.get("error-field-overlap", &[]),
                            other => other.to_owned(),
                        }),
                    ),
                    ("value", Arg::Int(*value)),
                    ("min", Arg::from(u32::from(*min))),
                    ("max", Arg::from(u32::from(*max))),
                ],
            ),
            KeelError::InvalidMinutes { value, max } => (
                "error-invalid-minutes",
                vec![("value", Arg::Int(*value)), ("max", Arg::from(*max))],
            ),
            KeelError::EntryTooLarge {
                date: d,
                bytes,
                limit,
            } => (
                "error-entry-too-large",
                vec![
                    ("date", date(d)),
                    ("bytes", Arg::from(*bytes)),
                    ("limit", Arg::from(*limit)),
                ],
            ),
            KeelError::TextTooLarge { bytes, limit } => (
                "error-text-too-large",
                vec![("bytes", Arg::from(*bytes)), ("limit", Arg::from(*limit))],
            ),
            KeelError::UnknownPrompt { id } => {
                ("error-unknown-prompt", vec![("id", id.as_str().into())])
            }
            KeelError::JournalLocked { path: p } => {
                ("error-journal-locked", vec![("path", path(p))])
            }
            KeelError::NewerSchema {
                path: p,
                found,
                supported,
            } => (
                "error-newer-schema",
                vec![
                    ("path", path(p)),
                    ("found", Arg::from(*found)),
                    ("supported", Arg::from(*supported)),
                ],
            ),
            KeelError::JournalDamaged { path: p } => {
                ("error-journal-damaged", vec![("path", path(p))])
            }
            KeelError::NoJournalLocation => ("error-no-journal-location", vec![]),
            KeelError::DiskFull { path: p } => ("error-disk-full", vec![("path", path(p))]),
            KeelError::Locked { path: p } => ("error-locked", vec![("path", path(p))]),
            KeelError::WrongPassphrase => ("error-wrong-passphrase", vec![]),
            KeelError::AlreadyEncrypted => ("error-already-encrypted", vec![]),
            KeelError::NotEncrypted => ("error-not-encrypted", vec![]),
            KeelError::NoSuchBackup { name } => {
                ("error-no-such-backup", vec![("name", name.as_str().into())])
            }
            KeelError::InvalidSpan { from, to } => (
                "error-invalid-span",
                vec![("from", date(from)), ("to", date(to))],
            ),
            KeelError::TooManyAttempts { wait_secs } => (
                "error-too-many-attempts",
                vec![(
                    "seconds",
                    Arg::Int(i64::try_from(*wait_secs).unwrap_or(i64::MAX)),
                )],
            ),
            KeelError::UnknownEvent { id } => {
                ("error-unknown-event", vec![("id", id.as_str().into())])
            }
            KeelError::InvalidChart => ("error-invalid-chart", vec![]),
            KeelError::SyncFolder { reason: r } => ("error-sync-folder", reason(r)),
            KeelError::NotSyncing => ("error-not-syncing", vec![]),
            KeelError::SyncKeepsPassphrase => ("error-sync-keeps-passphrase", vec![]),
            KeelError::InvalidQuery { reason: r } => ("error-invalid-query", reason(r)),
            KeelError::InvalidWeek { reason: r } => ("error-invalid-week", reason(r)),
            KeelError::InvalidSettings { reason: r } => ("error-invalid-settings", reason(r)),
            KeelError::InvalidPrompt { reason: r } => ("error-invalid-prompt", reason(r)),
            KeelError::InvalidValues { reason: r } => ("error-invalid-values", reason(r)),
            KeelError::InvalidEvent { reason: r } => ("error-invalid-event", reason(r)),
            KeelError::BadImport {
                source_name,
                reason,
            } => (
                "error-bad-import",
                vec![
                    ("source", (*source_name).into()),
                    ("reason", reason.in_lang(tr).into()),
                ],
            ),
            KeelError::InvalidImportRequest { reason: r } => {
                ("error-invalid-import-request", reason(r))
            }
            KeelError::PromptLibrary { reason } => (
                "error-prompt-library",
                vec![("reason", reason.as_str().into())],
            ),
            KeelError::Corrupt { what, detail } => (
                "error-corrupt",
                vec![
                    ("what", what.as_str().into()),
                    ("detail", detail.as_str().into()),
                ],
            ),
            KeelError::Io {
                action,
                path: p,
                source,
            } => (
                "error-io",
                vec![
                    ("action", io_action(action, p, tr).into()),
                    ("reason", os_reason(source, tr).into()),
                ],
            ),
            KeelError::WriteFailed { path: p, reason } => (
                "error-write-failed",
                vec![("path", path(p)), ("reason", reason.in_lang(tr).into())],
            ),
            KeelError::InvalidPassphrase { reason: r } => ("error-invalid-passphrase", reason(r)),
            KeelError::Crypto { detail } => {
                ("error-crypto", vec![("detail", detail.as_str().into())])
            }
            KeelError::JournalBusy { reason: r } => ("error-journal-busy", reason(r)),
            KeelError::Notify { detail } => {
                ("error-notify", vec![("detail", detail.as_str().into())])
            }
            KeelError::Background { reason: r } => ("error-background", reason(r)),
            KeelError::Storage(e) => ("error-storage", vec![("detail", e.to_string().into())]),
        };
        tr.get(id, &args)
    }
}

/// What `io(action, …)` was doing to `path`, in `tr`'s language (the action as the callers
/// name it; one the catalogue does not know stays as written, with the path after it).
fn io_action(action: &str, path: &std::path::Path, tr: &crate::i18n::Tr) -> String {
    match io_action_id(action) {
        Some(id) => tr.get(id, &[("path", path.display().to_string().into())]),
        None => format!("{action} {}", path.display()),
    }
}

fn io_action_id(action: &str) -> Option<&'static str> {
    Some(match action {
        "create" => "io-create",
        "create the backups folder" => "io-create-backups-folder",
        "create the journal folder" => "io-create-journal-folder",
        "link" => "io-link",
        "lock" => "io-lock",
        "unlock" => "io-unlock",
        "move aside" => "io-move-aside",
        "name" => "io-name",
        "open" => "io-open",
        "protect the journal folder" => "io-protect-journal-folder",
        "read" => "io-read",
        "read back" => "io-read-back",
        "remove" => "io-remove",
        "rename" => "io-rename",
        "sync" => "io-sync",
        "sync the folder" => "io-sync-folder",
        "write" => "io-write",
        "write the mark in" => "io-write-mark",
        _ => return None,
    })
}

/// Why the system refused, in `tr`'s language for the failures a person can act on; the
/// system's own words (English) for the rest.
fn os_reason(error: &std::io::Error, tr: &crate::i18n::Tr) -> String {
    use std::io::ErrorKind;
    let id = match error.kind() {
        ErrorKind::NotFound => "os-not-found",
        ErrorKind::PermissionDenied => "os-permission-denied",
        ErrorKind::AlreadyExists => "os-already-exists",
        ErrorKind::ReadOnlyFilesystem => "os-read-only",
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded => "os-disk-full",
        ErrorKind::NotADirectory => "os-not-a-folder",
        ErrorKind::IsADirectory => "os-is-a-folder",
        _ => return error.to_string(),
    };
    tr.get(id, &[])
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

    /// One of each error `message_in` translates.
    fn translated() -> Vec<KeelError> {
        let path = PathBuf::from("/home/me/journal");
        let day = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        vec![
            KeelError::InvalidDate {
                input: "tomorrow".into(),
            },
            KeelError::InvalidWeekId {
                input: "W99".into(),
            },
            KeelError::InvalidRange { input: "2w".into() },
            KeelError::InvalidRating {
                field: "stress",
                value: 11,
                min: 1,
                max: 10,
            },
            KeelError::InvalidMinutes {
                value: 2000,
                max: 1440,
            },
            KeelError::EntryTooLarge {
                date: day,
                bytes: 9_000_000,
                limit: 8_000_000,
            },
            KeelError::TextTooLarge {
                bytes: 9_000_000,
                limit: 8_000_000,
            },
            KeelError::UnknownPrompt { id: "x-1".into() },
            KeelError::JournalLocked { path: path.clone() },
            KeelError::NewerSchema {
                path: path.clone(),
                found: 9,
                supported: 4,
            },
            KeelError::JournalDamaged { path: path.clone() },
            KeelError::NoJournalLocation,
            KeelError::DiskFull { path: path.clone() },
            KeelError::Locked { path },
            KeelError::WrongPassphrase,
            KeelError::AlreadyEncrypted,
            KeelError::NotEncrypted,
            KeelError::NoSuchBackup { name: "b".into() },
            KeelError::InvalidSpan { from: day, to: day },
            KeelError::TooManyAttempts { wait_secs: 8 },
            KeelError::UnknownEvent { id: "7".into() },
            KeelError::InvalidChart,
            KeelError::SyncFolder {
                reason: Reason::new("reason-sync-folder-taken", vec![]),
            },
            KeelError::NotSyncing,
            KeelError::SyncKeepsPassphrase,
            KeelError::Corrupt {
                what: "search index".into(),
                detail: "bad".into(),
            },
            KeelError::Io {
                action: "read",
                path: PathBuf::from("/p"),
                source: std::io::Error::from(std::io::ErrorKind::NotFound),
            },
            KeelError::WriteFailed {
                path: PathBuf::from("/p"),
                reason: Reason::new("reason-write-read-only", vec![]),
            },
            KeelError::InvalidPassphrase {
                reason: Reason::new("reason-passphrase-empty", vec![]),
            },
            KeelError::Crypto { detail: "x".into() },
            KeelError::JournalBusy {
                reason: Reason::new("reason-busy-closing", vec![]),
            },
            KeelError::Notify { detail: "x".into() },
            KeelError::Background {
                reason: Reason::new("reason-background-no-home", vec![]),
            },
            KeelError::PromptLibrary { reason: "x".into() },
            KeelError::InvalidImportRequest {
                reason: Reason::new("reason-import-raw", vec![]),
            },
            KeelError::BadImport {
                source_name: "Day One",
                reason: Reason::new("reason-import-zip-empty", vec![]),
            },
        ]
    }

    /// English through the catalogue reads exactly as `Display`; German and Spanish differ
    /// from it and keep the numbers, names and paths.
    #[test]
    fn error_messages_speak_the_language_and_english_is_display() {
        use crate::i18n::{Lang, Tr};
        let (en, de, es) = (Tr::new(Lang::En), Tr::new(Lang::De), Tr::new(Lang::Es));
        for e in translated() {
            assert_eq!(e.message_in(&en), e.to_string(), "{e:?}");
            for tr in [&de, &es] {
                let m = e.message_in(tr);
                assert_ne!(m, e.to_string(), "{e:?} in {:?}", tr.lang());
                assert!(!m.contains('{'), "{m}");
            }
        }
        let rating = KeelError::InvalidRating {
            field: "stress",
            value: 11,
            min: 1,
            max: 10,
        };
        assert_eq!(
            rating.message_in(&de),
            "Stress muss eine ganze Zahl von 1 bis 10 sein; 11 liegt außerhalb."
        );
        // A reason from the catalogue is translated with its frame.
        let days = KeelError::InvalidSettings {
            reason: Reason::new("reason-no-working-day", vec![]),
        };
        assert_eq!(
            days.to_string(),
            "Those settings cannot be saved: at least one day of the week must be a working day."
        );
        assert_eq!(
            days.message_in(&de),
            "Diese Einstellungen lassen sich nicht speichern: Mindestens ein Wochentag muss ein Arbeitstag sein."
        );
        // A reason inside a reason inside an error (an import's first bad entry and why),
        // each in the same language, the inner error without its full stop.
        let entry = Reason::new(
            "reason-bad-entry",
            vec![("entry", 2usize.into()), ("field", "date".into())],
        )
        .with_error(
            "reason",
            KeelError::InvalidDate {
                input: "1 Nov".into(),
            },
        );
        let import = KeelError::BadImport {
            source_name: "jrnl JSON",
            reason: Reason::new("reason-import-bad-entries", vec![("more", 3usize.into())])
                .with("first", entry),
        };
        assert_eq!(
            import.to_string(),
            "This file cannot be imported as jrnl JSON: entry 2, field “date”: “1 Nov” is not a \
             date; write it as YYYY-MM-DD, for example 2026-11-28 (and 3 more bad entries). \
             Nothing was imported."
        );
        assert_eq!(
            import.message_in(&de),
            "Diese Datei lässt sich nicht als jrnl JSON importieren: Eintrag 2, Feld „date“: \
             „1 Nov“ ist kein Datum; schreib es als JJJJ-MM-TT, zum Beispiel 2026-11-28 (und 3 \
             weitere fehlerhafte Einträge). Es wurde nichts importiert."
        );
        // A file error: the action and the system's refusal in the language, the path kept.
        let io = KeelError::Io {
            action: "create the journal folder",
            path: PathBuf::from("/srv/j"),
            source: std::io::Error::from(std::io::ErrorKind::PermissionDenied),
        };
        assert_eq!(
            io.to_string(),
            "Could not create the journal folder /srv/j: permission was denied"
        );
        assert_eq!(
            io.message_in(&es),
            "No se pudo crear la carpeta del diario /srv/j: se denegó el permiso"
        );
    }

    /// Every action `io(…)` is called with under src/ has its words in the catalogue (an
    /// unknown one would stay English in every language).
    #[test]
    fn every_file_action_has_its_words() {
        let code = crate::rust_sources();
        let mut actions = std::collections::BTreeSet::new();
        for marker in ["io(\"", "action: \""] {
            for (at, _) in code.match_indices(marker) {
                let rest = &code[at + marker.len()..];
                if let Some(end) = rest.find('"') {
                    actions.insert(rest[..end].to_owned());
                }
            }
        }
        assert!(actions.len() > 10, "{actions:?}");
        let unknown: Vec<_> = actions
            .iter()
            .filter(|a| io_action_id(a).is_none())
            .collect();
        assert!(
            unknown.is_empty(),
            "file actions without words: {unknown:?}"
        );
    }

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
