//! Crash test of the app's save path: the writer child is the app itself (its command handler,
//! managed state and journal on Tauri's mock runtime), saving each page through the `save_day`
//! IPC command exactly as the page calls it, and printing the page's number once the command
//! has answered (what the page shows as "Saved"). The parent SIGKILLs it at random moments and
//! checks every acknowledged page (harness shared with the core's crash test).
//!
//! First, one child runs under `strace`: every acknowledgement must come after a sync of the
//! journal's redo log (`store/redo.log`) made since the previous one, and after the first save
//! (which also pays for the store's open) each save makes exactly one fsync-class call.
//!
//! Own `main` (`harness = false`). Cycles: `KEEL_CRASH_CYCLES` (default 200).

use keel_test_support::crash as harness;
use keel_test_support::desktop as support;

use std::io::{BufRead, BufReader, Write};
use std::path::Path;

use keel_desktop::state::{AppState, SystemClock};
use serde_json::json;
use tauri::ipc::InvokeBody;
use tauri::test::mock_builder;

fn writer(dir: &Path) -> ! {
    let state = AppState::open(Ok(dir.to_owned()), Box::new(SystemClock));
    let app = support::mock_app(keel_desktop::with_app(mock_builder(), state));
    let mut stdout = std::io::stdout().lock();
    for n in harness::child_pages() {
        let page = harness::page(n);
        let args = json!({
            "date": page.date.to_string(),
            "page": {"role": page.role, "self": page.self_text, "stress": page.stress,
                     "resilience": null, "overlap": null, "boundary": null,
                     "after_hours_minutes": null},
        });
        let answer = support::invoke(
            &app.window,
            "save_day",
            InvokeBody::Json(args),
            Default::default(),
        );
        if let Err(e) = answer {
            panic!("save_day failed: {e}");
        }
        writeln!(stdout, "{n}").unwrap();
        stdout.flush().unwrap();
    }
    std::process::exit(0)
}

/// One child under strace, five saves: each acknowledgement (the child's write of the page
/// number to stdout) must follow a sync of the journal's redo log made after the previous one,
/// and the saves after the first make one fsync-class call each on the journal's files.
fn strace_check() -> bool {
    const SAVES: u64 = 5;
    let dir = tempfile::tempdir().unwrap();
    let trace = dir.path().join("trace.txt");
    let journal = dir.path().join("journal");
    let trace_arg = trace.to_string_lossy().into_owned();
    let wrapper = [
        "strace",
        "-f",
        "-y",
        "-qq",
        "-e",
        "trace=fsync,fdatasync,sync_file_range,write",
        "-o",
        &trace_arg,
    ];
    let mut child = harness::spawn_child(&journal, 0, Some(SAVES), &wrapper);
    let acked: Vec<String> = BufReader::new(child.stdout.take().unwrap())
        .lines()
        .map_while(Result::ok)
        .collect();
    let status = child.wait().unwrap();
    if !status.success() || acked.len() != SAVES as usize {
        println!("strace: the traced child failed ({status}), acknowledged {acked:?}; is strace installed?");
        return false;
    }
    let text = std::fs::read_to_string(&trace).unwrap();
    let mut ok = true;
    let (mut log_syncs, mut syncs) = (0u32, 0u32);
    let mut acks = 0;
    let mut per_save = Vec::new();
    for line in text.lines() {
        let is_sync = ["fsync(", "fdatasync(", "sync_file_range("]
            .iter()
            .any(|call| line.contains(call));
        if is_sync && line.contains("/journal/store/") {
            syncs += 1;
            if line.contains("/journal/store/redo.log>") {
                log_syncs += 1;
            }
        } else if line.contains("write(1<pipe:") {
            if log_syncs == 0 {
                println!(
                    "strace: acknowledgement {acks} was written before any sync of the redo log: {line}"
                );
                ok = false;
            }
            per_save.push(syncs);
            acks += 1;
            (log_syncs, syncs) = (0, 0);
        }
    }
    if per_save.iter().skip(1).any(|&n| n != 1) {
        println!(
            "strace: a save after the first made other than one fsync-class call: {per_save:?}"
        );
        ok = false;
    }
    if acks != SAVES {
        println!("strace: found {acks} acknowledgements in the trace, expected {SAVES}");
        ok = false;
    }
    // The first save also pays for opening the store; the rest are the steady state.
    println!(
        "strace: {acks} saves through save_day, each acknowledged after a sync of store/redo.log; \
         sync calls on the journal's files per save: {per_save:?}"
    );
    ok
}

fn main() {
    if std::env::var_os(harness::CHILD_ENV).is_none() && !strace_check() {
        println!("app crash: 0 passed, 1 failed");
        std::process::exit(1);
    }
    harness::run("app crash", 200, writer);
}
