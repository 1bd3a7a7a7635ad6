//! `keel-desktop`: the Tauri 2 shell over the `keel` core.
//!
//! It owns the window, the IPC commands (thin adapters in `commands`), their wire types
//! (`dto`, generated to TypeScript), the `{kind, message}` error, and the managed state (the
//! open journal and the clock). It owns no journal logic: that is the core's.
//!
//! The journal folder is resolved exactly as the CLI does it: `--journal DIR`, else
//! `KEEL_JOURNAL`, else the platform data folder.

pub mod commands;
pub mod dto;
pub mod error;
pub mod state;
pub mod sync;

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::OnceLock;
use std::time::Instant;

use tauri::{Emitter, Manager, Runtime, WindowEvent};

use crate::state::{AppState, SystemClock};

/// The event the page listens for before the window closes, to save what is pending.
pub const CLOSE_REQUESTED_EVENT: &str = "keel://close-requested";
/// The event that asks the page to show a route (a reminder was clicked); its payload is the
/// checked route.
pub const OPEN_EVENT: &str = "keel://open";
/// The event that tells the page a day changed outside it (an answer to a reminder); its
/// payload is the date, YYYY-MM-DD.
pub const DAY_CHANGED_EVENT: &str = "keel://day-changed";

/// How often the reminders' scheduler looks at the clock (a reminder is at most this late; a
/// wake from sleep or a clock change is seen within it).
const REMINDER_LOOK: std::time::Duration = std::time::Duration::from_secs(10);
/// How long an answer to a notification is listened for.
const ANSWER_WAIT: std::time::Duration = std::time::Duration::from_secs(12 * 60 * 60);

/// The app's commands and window behaviour, on any runtime (the real one, or the mock in tests).
pub fn with_app<R: Runtime>(builder: tauri::Builder<R>, state: AppState) -> tauri::Builder<R> {
    builder
        .manage(state)
        .invoke_handler(tauri::generate_handler![
            commands::get_app_info,
            commands::get_day,
            commands::save_day,
            commands::render_markdown,
            commands::render_marked,
            commands::get_today,
            commands::close_window,
            commands::get_day_prompts,
            commands::another_prompt,
            commands::hide_prompt,
            commands::list_prompts,
            commands::set_prompt_hidden,
            commands::add_prompt,
            commands::edit_prompt,
            commands::delete_prompt,
            commands::get_week,
            commands::save_week,
            commands::week_of,
            commands::get_catalogue,
            commands::get_settings,
            commands::save_settings,
            commands::preview_import,
            commands::apply_import,
            commands::export_journal,
            commands::get_trends,
            commands::save_chart,
            commands::search,
            commands::tag_counts,
            commands::calendar,
            commands::on_this_day,
            commands::list_backups,
            commands::restore_backup,
            commands::page_shown,
            commands::unlock,
            commands::lock,
            commands::set_passphrase,
            commands::change_passphrase,
            commands::remove_passphrase,
            commands::get_values,
            commands::set_values,
            commands::list_events,
            commands::add_event,
            commands::remove_event,
            commands::finish_welcome,
            commands::set_background_reminders,
            commands::answer_end_of_work,
            commands::still_working,
            commands::get_sync,
            commands::attach_sync,
            commands::sync_now,
            commands::detach_sync,
        ])
        .on_window_event(|window, event| {
            if let WindowEvent::CloseRequested { api, .. } = event {
                // The first request asks the page to save and close itself; a second one soon
                // after closes at once (the way out when a save keeps failing).
                if !window.state::<AppState>().close_now(Instant::now()) {
                    api.prevent_close();
                    if window.emit(CLOSE_REQUESTED_EVENT, ()).is_err() {
                        // No page to ask: nothing unsaved can be lost by closing.
                        let _ = window.destroy();
                    }
                }
            }
        })
}

/// The environment variable that makes the shell report when the first page is shown.
pub const REPORT_STARTUP_ENV: &str = "KEEL_REPORT_STARTUP";
/// When `run` began: the start of the app as far as its own code can see.
static STARTED: OnceLock<Instant> = OnceLock::new();
static REPORTED: AtomicBool = AtomicBool::new(false);

/// Prints, once, how long after start the page said it was shown, when `KEEL_REPORT_STARTUP`
/// is set (see `commands::page_shown`).
fn report_page_shown() {
    if std::env::var_os(REPORT_STARTUP_ENV).is_none() || REPORTED.swap(true, Ordering::SeqCst) {
        return;
    }
    let ms = STARTED
        .get()
        .map_or(0.0, |t| t.elapsed().as_secs_f64() * 1000.0);
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "keel-desktop: page shown after {ms:.1} ms");
    let _ = out.flush();
}

/// The once-a-day backup, off the window's thread so the page opens at once: at start, and
/// for an encrypted journal when it is unlocked (a locked one cannot be read).
pub(crate) fn spawn_daily_backup<R: Runtime>(handle: tauri::AppHandle<R>) {
    std::thread::spawn(move || {
        let state = handle.state::<AppState>();
        if let Ok(journal) = state.journal() {
            if let Err(e) = keel::backup::daily(&journal, state.clock.now()) {
                eprintln!("keel-desktop: the daily backup failed: {e}");
            }
        }
    });
}

/// The reminders while the app runs: a thread that holds the app's lock on the journal folder
/// (so `keel remind` leaves the reminding to it), asks the core's scheduler what is due every
/// `REMINDER_LOOK`, shows it over D-Bus, and hands each answer back to the scheduler.
pub(crate) fn spawn_reminders<R: Runtime>(handle: tauri::AppHandle<R>) {
    std::thread::spawn(move || {
        let state = handle.state::<AppState>();
        let Some(dir) = state.journal_dir().cloned() else {
            return;
        };
        let _lock = match keel::remind::outside::hold_app_lock(&dir) {
            Ok(Some(lock)) => lock,
            Ok(None) => return,
            Err(e) => {
                eprintln!("keel-desktop: reminders are off: {e}");
                return;
            }
        };
        loop {
            let journal = state.journal().ok();
            let step = state
                .scheduler
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .step(journal.as_deref(), &dir, state.clock.now());
            match step {
                Ok(notices) => {
                    for notice in notices {
                        show_notice(handle.clone(), notice);
                    }
                }
                Err(e) => eprintln!("keel-desktop: the reminders could not look: {e}"),
            }
            std::thread::sleep(REMINDER_LOOK);
        }
    });
}

/// Shows one reminder and, on a thread of its own, waits for the answer.
fn show_notice<R: Runtime>(handle: tauri::AppHandle<R>, notice: keel::remind::Notice) {
    let shown = match keel::remind::deliver::show(&notice) {
        Ok(shown) => shown,
        Err(e) => {
            eprintln!("keel-desktop: {e}");
            return;
        }
    };
    std::thread::spawn(move || {
        let reply = shown.wait(ANSWER_WAIT);
        let state = handle.state::<AppState>();
        let journal = state.journal().ok();
        let answered = state
            .scheduler
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .reply(journal.as_deref(), &notice, reply, state.clock.now());
        match answered {
            Ok(Some(route)) => open_route(&handle, &route),
            Ok(None) => {
                let _ = handle.emit(DAY_CHANGED_EVENT, notice.date.to_string());
            }
            Err(e) => eprintln!("keel-desktop: the answer to the reminder was not saved: {e}"),
        }
    });
}

/// Brings the window forward.
fn show_window<R: Runtime>(handle: &tauri::AppHandle<R>) {
    if let Some(window) = handle.get_webview_window("main") {
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
}

/// Brings the window forward on `route`.
fn open_route<R: Runtime>(handle: &tauri::AppHandle<R>, route: &str) {
    show_window(handle);
    let _ = handle.emit(OPEN_EVENT, route.to_owned());
}

/// The value of `--NAME VALUE` or `--NAME=VALUE` on the command line, if given.
fn flag(args: impl Iterator<Item = String>, name: &str) -> Option<String> {
    let mut args = args.skip(1);
    let long = format!("--{name}");
    let joined = format!("--{name}=");
    while let Some(arg) = args.next() {
        if arg == long {
            return args.next();
        }
        if let Some(value) = arg.strip_prefix(&joined) {
            return Some(value.to_owned());
        }
    }
    None
}

/// `--journal DIR` or `--journal=DIR` from the command line, if given.
fn journal_flag(args: impl Iterator<Item = String>) -> Option<PathBuf> {
    flag(args, "journal").map(PathBuf::from)
}

/// `--open ROUTE` (a day or a week, from a reminder's click), checked.
fn open_flag(args: impl Iterator<Item = String>) -> Option<String> {
    flag(args, "open").and_then(|r| keel::remind::notice::checked_route(&r))
}

/// Runs the desktop app.
pub fn run() {
    STARTED.get_or_init(Instant::now);
    let dir = keel::location::resolve_journal_dir(
        journal_flag(std::env::args()),
        std::env::var_os(keel::location::JOURNAL_ENV),
    );
    // The single-instance plugin goes first: a second launch hands over to the first and exits
    // before it could reach for sled's lock.
    let builder =
        tauri::Builder::default().plugin(tauri_plugin_single_instance::init(|app, args, _cwd| {
            match open_flag(args.into_iter()) {
                Some(route) => open_route(app, &route),
                None => show_window(app),
            }
        }));
    let builder = builder.plugin(tauri_plugin_dialog::init());
    // The system's language, read once (the setting "system" and a locked journal follow it).
    keel::i18n::use_system_locales(keel::i18n::system_locales(|name| std::env::var(name).ok()));
    let state = AppState::open(dir, Box::new(SystemClock));
    state.set_open_route(open_flag(std::env::args()));
    let builder = builder.setup(|app| {
        spawn_daily_backup(app.handle().clone());
        spawn_reminders(app.handle().clone());
        sync::spawn(app.handle().clone());
        Ok(())
    });
    with_app(builder, state)
        .run(tauri::generate_context!())
        .unwrap_or_else(|e| {
            eprintln!("keel-desktop: the window could not start: {e}");
            std::process::exit(1);
        });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_journal_flag_is_read_in_both_spellings() {
        let args = |v: &[&str]| {
            v.iter()
                .map(|s| s.to_string())
                .collect::<Vec<_>>()
                .into_iter()
        };
        assert_eq!(journal_flag(args(&["keel-desktop"])), None);
        assert_eq!(
            journal_flag(args(&["keel-desktop", "--journal", "/j"])),
            Some(PathBuf::from("/j"))
        );
        assert_eq!(
            journal_flag(args(&["keel-desktop", "--journal=/k"])),
            Some(PathBuf::from("/k"))
        );
    }

    #[test]
    fn only_a_day_or_a_week_opens_from_the_command_line() {
        let args = |v: &[&str]| {
            v.iter()
                .map(|s| s.to_string())
                .collect::<Vec<_>>()
                .into_iter()
        };
        assert_eq!(
            open_flag(args(&["keel-desktop", "--open", "#/day/2026-12-01"])).as_deref(),
            Some("#/day/2026-12-01")
        );
        assert_eq!(
            open_flag(args(&["keel-desktop", "--open=#/week/2026-W49"])).as_deref(),
            Some("#/week/2026-W49")
        );
        assert_eq!(
            open_flag(args(&["keel-desktop", "--open", "#/settings"])),
            None
        );
    }

    /// Tauri has a command named in four places: its function in `commands.rs`, the handler
    /// list above, `build.rs`'s manifest and the window's capability. They name the same set,
    /// so a command can be neither forgotten (uncallable) nor granted without existing.
    #[test]
    fn every_command_is_defined_handled_declared_and_granted_alike() {
        use std::collections::BTreeSet;
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let read = |p: &str| std::fs::read_to_string(root.join(p)).unwrap();

        let commands = read("src/commands.rs");
        let defined: BTreeSet<String> = commands
            .split("#[tauri::command]")
            .skip(1)
            .filter_map(|rest| {
                let after = rest.split("fn ").nth(1)?;
                Some(after.split(['(', '<']).next()?.trim().to_owned())
            })
            .collect();

        // The names listed between `opener` and the next `]` in `file`.
        let listed = |file: &str, opener: &str| -> BTreeSet<String> {
            let text = read(file);
            let after = text.split(opener).nth(1).unwrap();
            after
                .split(']')
                .next()
                .unwrap()
                .split(',')
                .map(|c| c.trim().trim_matches('"').trim_start_matches("commands::"))
                .filter(|c| !c.is_empty())
                .map(str::to_owned)
                .collect()
        };
        let handled = listed("src/lib.rs", "generate_handler![");
        let declared = listed("build.rs", ".commands(&[");

        let capability: serde_json::Value =
            serde_json::from_str(&read("capabilities/main.json")).unwrap();
        let granted: BTreeSet<String> = capability["permissions"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|p| p.as_str()?.strip_prefix("allow-"))
            .map(|p| p.replace('-', "_"))
            .collect();

        assert!(defined.len() >= 30, "read only {defined:?}");
        assert_eq!(handled, defined, "the handler list and commands.rs differ");
        assert_eq!(
            declared, defined,
            "build.rs's manifest and commands.rs differ"
        );
        assert_eq!(
            granted, defined,
            "capabilities/main.json and commands.rs differ"
        );
    }
}
