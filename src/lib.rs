//! Keel's core: the journal's model, its sled store, the Markdown renderer and the `keel` CLI.
//!
//! The design in one paragraph: plain data types (`model`) are validated where they are built;
//! the store (`store::Journal`) is the only code that touches sled, keeps one tree per record
//! kind under date-ordered keys, and returns from a write only after the write is durable
//! (flush, then fsync); the Markdown renderer (`markdown`) is the only producer of HTML for the
//! webview and sanitizes twice; `prompts` holds the shipped prompt library and the per-date
//! choice; `location` decides where the journal lives. Time is an input: nothing here reads the
//! clock, so callers (the CLI, the desktop shell) pass `now` and `today`.
//! Nothing under `src/` depends on Tauri or on any UI; `scripts/check.sh` proves it.

pub mod analytics;
pub mod backup;
pub mod crypto;
pub mod cycle;
mod durable;
pub mod error;
pub mod i18n;
pub mod interchange;
pub mod location;
pub mod markdown;
pub mod model;
pub mod prompts;
pub mod remind;
pub mod scheduler;
pub mod search;
pub mod store;
pub mod sync;
pub mod text;
mod wire;

pub use error::{ErrorKind, KeelError, Reason, Result};
pub use model::{
    Boundary, CheckIn, DayEntry, DayPatch, Prompt, Settings, Side, WeekId, WeekReflection,
};
pub use store::Journal;
