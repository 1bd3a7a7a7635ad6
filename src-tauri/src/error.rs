//! The error every command returns: `{kind, message}`. `kind` is the core's stable code (the UI
//! switches on it); `message` is the core's plain sentence in the window's language, shown to
//! the person as it is.

use keel::ErrorKind;
use serde::Serialize;

/// An error as it crosses IPC.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ErrorDto {
    pub kind: ErrorKind,
    pub message: String,
}

impl From<&keel::KeelError> for ErrorDto {
    fn from(e: &keel::KeelError) -> ErrorDto {
        ErrorDto {
            kind: e.kind(),
            message: e.message(),
        }
    }
}

impl From<keel::KeelError> for ErrorDto {
    fn from(e: keel::KeelError) -> ErrorDto {
        ErrorDto::from(&e)
    }
}

impl From<tauri::Error> for ErrorDto {
    fn from(e: tauri::Error) -> ErrorDto {
        ErrorDto {
            kind: ErrorKind::Window,
            message: format!("The window could not do that: {e}."),
        }
    }
}
