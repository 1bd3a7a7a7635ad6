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
pub mod merge;
pub mod model;
pub mod prompts;
pub mod remind;
pub mod scheduler;
pub mod search;
pub mod store;
pub mod sync;
pub mod text;
mod wire;

/// The Rust source of the core and of the shell (src/ and src-tauri/src/, every `.rs` file, one
/// after the other), for the checks that what the catalogues hold is used and what the code
/// names has words (`i18n/tests.rs`, `error.rs`).
#[cfg(test)]
pub(crate) fn rust_sources() -> String {
    fn walk(dir: &std::path::Path, out: &mut String) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|x| x == "rs") {
                out.push_str(&std::fs::read_to_string(&path).unwrap());
            }
        }
    }
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut code = String::new();
    walk(&root.join("src"), &mut code);
    // The shell words a few of the core's reasons itself (where it is installed, how a file
    // was sent).
    walk(&root.join("src-tauri/src"), &mut code);
    code
}

pub use error::{ErrorKind, KeelError, Reason, Result};
pub use model::{
    Boundary, CheckIn, DayEntry, DayPatch, Prompt, Settings, Side, WeekId, WeekReflection,
};
pub use store::Journal;
