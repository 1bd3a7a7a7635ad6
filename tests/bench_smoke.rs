//! The comparison benchmark's code still builds and runs: its whole measurement (Keel's CLI,
//! jrnl, the desktop app's start-up report beside a blank Tauri window's, sizes on disk) on a tiny journal, with nothing about
//! time asserted. In CI (`CI` set) jrnl (scripts/setup.sh installs it) and the desktop app on a
//! display are required, as in the real run; elsewhere a missing one is skipped with a note.

#[path = "../benches/common/mod.rs"]
mod common;
#[path = "../benches/compare/mod.rs"]
mod compare;

use std::path::{Path, PathBuf};

#[test]
fn the_comparison_benchmark_runs_on_a_tiny_journal() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let ci = std::env::var_os("CI").is_some();
    let jrnl = root.join("target/bench/venv/bin/jrnl");
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target"));
    let app = target.join("debug/keel-desktop");
    let blank = target.join("debug/keel-blank-window");
    let display = std::env::var_os("DISPLAY").is_some();
    let require = |what: &str, there: bool| {
        assert!(
            there || !ci,
            "{what} is missing: run scripts/setup.sh and the build in scripts/check.sh"
        );
        if !there {
            eprintln!("note: {what} is missing, so that part is skipped (outside CI)");
        }
        there
    };
    let jrnl = require("jrnl (target/bench/venv)", jrnl.exists()).then_some(jrnl);
    let app = require(
        "the desktop app (target/debug/keel-desktop) on a display",
        app.exists() && display,
    )
    .then_some(app);
    let blank = require(
        "the blank Tauri window (target/debug/keel-blank-window) on a display",
        blank.exists() && display,
    )
    .then_some(blank);
    let work = tempfile::tempdir().unwrap();
    let cfg = compare::Config {
        keel: PathBuf::from(env!("CARGO_BIN_EXE_keel")),
        app: app.clone(),
        blank: blank.clone(),
        jrnl: jrnl.clone(),
        sizes: vec![40],
        jrnl_max: 40,
        runs: 1,
        app_days: 20,
        work: work.path().to_owned(),
    };
    let results = compare::measure(&cfg);

    let ops: Vec<&str> = results.rows.iter().map(|r| r.op).collect();
    for op in [
        "import Keel JSON",
        "import jrnl",
        "search, a word",
        "search, a miss",
        "stats",
        "export JSON",
        "add a page",
    ] {
        assert!(
            ops.iter().any(|o| o.starts_with(op)),
            "{op} measured: {ops:?}"
        );
    }
    assert!(results.rows.iter().all(|r| r.keel_ms.is_some()));
    if jrnl.is_some() {
        let with_jrnl = results.rows.iter().filter(|r| r.jrnl_ms.is_some()).count();
        assert_eq!(with_jrnl, 5, "jrnl ran its five operations");
    }
    let sizes = &results.json["sizes"]["40"];
    assert!(sizes["keel_store_bytes"].as_u64().unwrap() > 0);
    assert!(sizes["raw_text_bytes"].as_u64().unwrap() > 40 * 500);
    if app.is_some() {
        let app = &results.json["app"];
        for key in [
            "full_start_to_page_ms",
            "empty_start_to_page_ms",
            "full_rss_mib",
            "empty_rss_mib",
        ] {
            assert!(app[key].as_f64().is_some_and(|v| v > 0.0), "{key}: {app}");
        }
        if blank.is_some() {
            for key in ["blank_start_to_page_ms", "blank_own_ms", "blank_rss_mib"] {
                assert!(app[key].as_f64().is_some_and(|v| v > 0.0), "{key}: {app}");
            }
        }
    }
}
