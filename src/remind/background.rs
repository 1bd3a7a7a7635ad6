//! Reminders while Keel is closed: a systemd user timer that runs `keel remind` every minute.
//!
//! Why a timer rather than an XDG autostart entry (ARCHITECTURE.md): an autostart entry would
//! start a resident process at login that must then sleep, notice suspends and clock changes,
//! and stay alive; a timer keeps nothing running, survives reboots (`Persistent=true` runs a
//! missed start after boot), fires again after a suspend, and is what `systemctl --user`
//! shows and stops. `keel remind` itself applies the scheduler's rules (the hour's grace, once a
//! day), so a start every minute costs one tiny read and an exit when nothing is due.
//!
//! The units are written to `$XDG_CONFIG_HOME/systemd/user/` and enabled the way
//! `systemctl --user enable` does (a link in `timers.target.wants/`), so they start at the next
//! login even where no user manager answers now; when one answers, it is told at once.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::error::{io, Result};

/// The units' names.
pub const SERVICE: &str = "keel-remind.service";
pub const TIMER: &str = "keel-remind.timer";
const WANTS: &str = "timers.target.wants";

/// The two unit files' text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Units {
    pub service: String,
    pub timer: String,
}

/// Quotes a path for a unit's command line: double quotes, `\` and `"` escaped, and `%` (a
/// specifier to systemd) doubled.
fn quoted(path: &Path) -> String {
    let text = path.to_string_lossy();
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '%' => out.push_str("%%"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The units that run `keel` (at `keel`) on the journal in `journal`.
pub fn units(keel: &Path, journal: &Path) -> Units {
    let service = format!(
        "# Written by Keel (Settings → Reminders → \"Remind me while Keel is closed\").\n\
         # It reads only {journal}/reminders.json, never the journal itself.\n\
         [Unit]\n\
         Description=Keel's reminders while the app is closed\n\
         Documentation=man:keel-remind(1)\n\
         \n\
         [Service]\n\
         Type=oneshot\n\
         ExecStart={keel} --journal {journal_arg} remind\n",
        journal = journal.display(),
        keel = quoted(keel),
        journal_arg = quoted(journal),
    );
    let timer =
        "# Written by Keel: starts keel-remind.service every minute; it exits at once when\n\
         # nothing is due.\n\
         [Unit]\n\
         Description=Keel's reminders while the app is closed (a look every minute)\n\
         Documentation=man:keel-remind(1)\n\
         \n\
         [Timer]\n\
         OnCalendar=*-*-* *:*:00\n\
         AccuracySec=15s\n\
         Persistent=true\n\
         \n\
         [Install]\n\
         WantedBy=timers.target\n"
            .to_owned();
    Units { service, timer }
}

/// The folder of the person's systemd user units under `config_home`.
pub fn unit_dir(config_home: &Path) -> PathBuf {
    config_home.join("systemd").join("user")
}

/// True when the timer is installed under `config_home`.
pub fn installed(config_home: &Path) -> bool {
    unit_dir(config_home).join(TIMER).is_file()
}

/// Writes and enables the units; tells a running user manager (best effort: its absence is
/// not an error, the link starts the timer at the next login). Returns the timer's path.
pub fn install(config_home: &Path, keel: &Path, journal: &Path) -> Result<PathBuf> {
    let dir = unit_dir(config_home);
    let wants = dir.join(WANTS);
    std::fs::create_dir_all(&wants).map_err(io("create", &wants))?;
    let Units { service, timer } = units(keel, journal);
    for (name, text) in [(SERVICE, service), (TIMER, timer)] {
        let path = dir.join(name);
        std::fs::write(&path, text).map_err(io("write", &path))?;
    }
    let link = wants.join(TIMER);
    if std::fs::symlink_metadata(&link).is_err() {
        #[cfg(unix)]
        std::os::unix::fs::symlink(Path::new("..").join(TIMER), &link)
            .map_err(io("link", &link))?;
    }
    systemctl(&["daemon-reload"]);
    systemctl(&["start", TIMER]);
    Ok(dir.join(TIMER))
}

/// Stops and removes the units (nothing to do when they are not there).
pub fn remove(config_home: &Path) -> Result<()> {
    let dir = unit_dir(config_home);
    if dir.join(TIMER).exists() {
        systemctl(&["stop", TIMER]);
    }
    for path in [
        dir.join(WANTS).join(TIMER),
        dir.join(TIMER),
        dir.join(SERVICE),
    ] {
        match std::fs::remove_file(&path) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(io("remove", &path)(e)),
        }
    }
    // An empty wants folder Keel made is Keel's to remove; one with other links is not.
    let _ = std::fs::remove_dir(dir.join(WANTS));
    systemctl(&["daemon-reload"]);
    Ok(())
}

/// `systemctl --user ARGS`, quietly; false when no user manager answered.
fn systemctl(args: &[&str]) -> bool {
    Command::new("systemctl")
        .arg("--user")
        .args(args)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_line_quotes_spaces_quotes_and_percent_signs() {
        let u = units(
            Path::new("/usr/bin/keel"),
            Path::new("/home/ana/My \"Journal\" 100%"),
        );
        assert!(
            u.service.contains(
                "ExecStart=\"/usr/bin/keel\" --journal \"/home/ana/My \\\"Journal\\\" 100%%\" remind\n"
            ),
            "{}",
            u.service
        );
        assert!(u.timer.contains("WantedBy=timers.target"));
    }

    #[test]
    fn install_writes_and_enables_both_units_and_remove_leaves_nothing() {
        let home = tempfile::tempdir().unwrap();
        let timer = install(home.path(), Path::new("/usr/bin/keel"), Path::new("/j")).unwrap();
        assert!(timer.is_file());
        assert!(installed(home.path()));
        let dir = unit_dir(home.path());
        assert!(dir.join(SERVICE).is_file());
        let link = dir.join(WANTS).join(TIMER);
        assert_eq!(
            std::fs::read_link(&link).unwrap(),
            Path::new("..").join(TIMER)
        );
        assert!(link.is_file(), "the link resolves to the timer");
        install(home.path(), Path::new("/usr/bin/keel"), Path::new("/j")).unwrap();
        remove(home.path()).unwrap();
        assert!(!installed(home.path()));
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 0, "nothing left");
        remove(home.path()).unwrap();
    }
}
