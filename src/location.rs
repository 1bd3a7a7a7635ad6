//! Where the journal lives: `--journal DIR`, else `KEEL_JOURNAL`, else the platform's data
//! directory. The CLI and the desktop app both resolve it here, so they open the same journal.
//! The environment is an input (the caller reads it), which keeps this testable.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use crate::error::{KeelError, Result};

/// The environment variable naming the journal folder.
pub const JOURNAL_ENV: &str = "KEEL_JOURNAL";

/// The platform default: `$XDG_DATA_HOME/keel/journal` on Linux (`~/.local/share/keel/journal`),
/// `~/Library/Application Support/Keel/journal` on macOS, `%APPDATA%\Keel\data\journal` on Windows.
pub fn default_journal_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "Keel").map(|dirs| dirs.data_dir().join("journal"))
}

/// Where an export dialog starts: the user's documents folder, else their home folder.
pub fn export_start_dir() -> Option<PathBuf> {
    let dirs = directories::UserDirs::new()?;
    Some(dirs.document_dir().unwrap_or(dirs.home_dir()).to_owned())
}

/// Resolves the journal folder from the flag and the environment variable's value.
pub fn resolve_journal_dir(flag: Option<PathBuf>, env_value: Option<OsString>) -> Result<PathBuf> {
    if let Some(dir) = flag {
        return Ok(dir);
    }
    if let Some(value) = env_value.filter(|v| !v.is_empty()) {
        return Ok(PathBuf::from(value));
    }
    default_journal_dir().ok_or(KeelError::NoJournalLocation)
}

/// Where the person's configuration lives (`$XDG_CONFIG_HOME`, else `~/.config`): the systemd
/// user units for reminders while Keel is closed go under it.
pub fn config_home() -> Result<PathBuf> {
    directories::BaseDirs::new()
        .map(|dirs| dirs.config_dir().to_owned())
        .ok_or(KeelError::Background {
            reason: crate::error::Reason::new("reason-background-no-home", vec![]),
        })
}

/// The `keel` command beside the running program (the packages install both in one folder;
/// a build puts both in one target folder).
pub fn keel_beside(program: &Path) -> Result<PathBuf> {
    let keel = program.with_file_name("keel");
    if keel.is_file() {
        Ok(keel)
    } else {
        Err(KeelError::Background {
            reason: crate::error::Reason::new(
                "reason-background-no-keel",
                vec![("path", keel.display().to_string().into())],
            ),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_flag_wins_then_the_environment_then_the_default() {
        let flag = Some(PathBuf::from("/tmp/flag"));
        let env = Some(OsString::from("/tmp/env"));
        assert_eq!(
            resolve_journal_dir(flag, env.clone()).unwrap(),
            PathBuf::from("/tmp/flag")
        );
        assert_eq!(
            resolve_journal_dir(None, env).unwrap(),
            PathBuf::from("/tmp/env")
        );
        assert_eq!(
            resolve_journal_dir(None, Some(OsString::new())).ok(),
            default_journal_dir(),
            "an empty KEEL_JOURNAL is treated as unset"
        );
    }

    #[test]
    fn the_default_ends_in_keel_journal() {
        if let Some(dir) = default_journal_dir() {
            assert!(dir.ends_with("journal"));
            assert!(dir.to_string_lossy().to_lowercase().contains("keel"));
        }
    }
}
