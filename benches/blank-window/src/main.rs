//! A blank Tauri 2 window: the app's window (same size, content security policy, capability
//! scheme and Tauri) with a page that only says it was painted. `benches/compare` starts it
//! beside Keel in the same run, so that Keel's own start-up cost shows apart from the
//! webview's. It prints `blank-window: page shown after N ms` (time since `main` began) once
//! the page has called `shown`, as the app does with `KEEL_REPORT_STARTUP`.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::OnceLock;
use std::time::Instant;

static STARTED: OnceLock<Instant> = OnceLock::new();
static REPORTED: AtomicBool = AtomicBool::new(false);

/// The page is on screen.
#[tauri::command]
fn shown() {
    if REPORTED.swap(true, Ordering::SeqCst) {
        return;
    }
    let ms = STARTED
        .get()
        .map_or(0.0, |t| t.elapsed().as_secs_f64() * 1000.0);
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "blank-window: page shown after {ms:.1} ms");
    let _ = out.flush();
}

fn main() {
    STARTED.get_or_init(Instant::now);
    tauri::Builder::default()
        .invoke_handler(tauri::generate_handler![shown])
        .run(tauri::generate_context!())
        .unwrap_or_else(|e| {
            eprintln!("blank-window: the window could not start: {e}");
            std::process::exit(1);
        });
}
