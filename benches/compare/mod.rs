//! The comparison benchmark's work: Keel's command line and jrnl side by side on the same
//! generated journals, the desktop app's start-up with a ten-year journal against an empty
//! one, and sizes on disk. Every figure is a whole process, timed from spawn to exit (or, for
//! the app, from spawn to the line the app prints once its first daily page is on screen).
//! Used by `benches/compare.rs` and, on a tiny size, by `tests/bench_smoke.rs`.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::common::{self, median, run, run_measured, run_measured_ok, Page};

pub struct Config {
    /// The `keel` binary (a release build for real figures).
    pub keel: PathBuf,
    /// The `keel-desktop` binary, when the app is to be measured (needs a display).
    pub app: Option<PathBuf>,
    /// The blank Tauri 2 window (`benches/blank-window`), started beside the app when given.
    pub blank: Option<PathBuf>,
    /// jrnl's executable (in the virtual environment `scripts/jrnl-venv.sh` makes).
    pub jrnl: Option<PathBuf>,
    pub sizes: Vec<u64>,
    /// The largest journal jrnl is run on (its add and export take minutes at 100,000).
    pub jrnl_max: u64,
    /// Runs of each fast operation (slow ones run fewer times; the table says how many).
    pub runs: usize,
    /// Days in the app's "ten-year" journal.
    pub app_days: u64,
    /// Scratch folder.
    pub work: PathBuf,
}

/// One measured operation at one size.
pub struct Row {
    pub op: &'static str,
    pub size: u64,
    pub keel_ms: Option<f64>,
    /// The highest peak resident memory of Keel's process over the runs, MiB.
    pub keel_peak_mib: Option<f64>,
    pub jrnl_ms: Option<f64>,
    pub runs: String,
    pub note: String,
}

pub struct Results {
    pub rows: Vec<Row>,
    pub json: Value,
}

fn keel(cfg: &Config, journal: &Path) -> Command {
    let mut cmd = Command::new(&cfg.keel);
    cmd.arg("--journal").arg(journal);
    cmd
}

fn jrnl(exe: &Path, config: &Path) -> Command {
    let mut cmd = Command::new(exe);
    cmd.arg("--config-file").arg(config);
    cmd
}

/// Median wall time of `runs` runs of the command `make(i)` builds for run `i`, the last run's
/// output, and the command's peak resident memory (MiB). The peak comes from one run under GNU
/// time (`common::run_measured`), which adds about 1.7 ms: with one run (the slow operations,
/// seconds long) that run is also the timed one; with several, it is an extra run, not timed.
fn timed(runs: usize, mut make: impl FnMut(usize) -> Command) -> (f64, String, f64) {
    // The measured run is run `runs` when it is an extra one (its own page, its own folder).
    let (first_ms, first_out, kib) = run_measured(&mut make(if runs <= 1 { 0 } else { runs }));
    if runs <= 1 {
        return (first_ms, first_out, kib as f64 / 1024.0);
    }
    let mut times = Vec::new();
    let mut last = String::new();
    for i in 0..runs {
        let (ms, out) = run(&mut make(i));
        times.push(ms);
        last = out;
    }
    (median(times), last, kib as f64 / 1024.0)
}

fn jrnl_config(dir: &Path, journal: &Path) -> PathBuf {
    let path = dir.join("jrnl.yaml");
    let text = format!(
        "colors:\n  body: none\n  date: none\n  tags: none\n  title: none\ndefault_hour: 9\n\
         default_minute: 0\neditor: ''\nencrypt: false\nhighlight: false\nindent_character: '|'\n\
         journals:\n  default:\n    journal: {}\nlinewrap: 79\ntagsymbols: '#@'\ntemplate: false\n\
         timeformat: '%F %r'\nversion: v4.6\n",
        journal.display()
    );
    std::fs::write(&path, text).unwrap();
    path
}

/// Measures everything at every size; prints each row as it comes.
pub fn measure(cfg: &Config) -> Results {
    let mut rows = Vec::new();
    let mut sizes_json = serde_json::Map::new();
    let mut grep: std::collections::HashMap<(u64, &str), f64> = Default::default();
    let page_text = |i: u64| {
        let mut rng = common::Rng(0xABCD ^ i);
        common::page(&mut rng, i).text
    };
    for &n in &cfg.sizes {
        let dir = cfg.work.join(format!("n{n}"));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let pages: Vec<Page> = common::pages(n);
        let raw = common::text_bytes(&pages);
        std::fs::write(dir.join("keel.json"), common::keel_json(&pages)).unwrap();
        std::fs::write(dir.join("jrnl-export.json"), common::jrnl_json(&pages)).unwrap();
        let jrnl_file = dir.join("journal.txt");
        std::fs::write(&jrnl_file, common::jrnl_text(&pages)).unwrap();
        drop(pages);
        let journal = dir.join("keel");
        let slow = if n >= 100_000 { 1 } else { cfg.runs.min(3) };
        let mut push = |op, keel: (f64, f64), jrnl_ms: Option<f64>, runs: String, note: String| {
            let row = Row {
                op,
                size: n,
                keel_ms: Some(keel.0),
                keel_peak_mib: Some(keel.1),
                jrnl_ms,
                runs,
                note,
            };
            println!(
                "{n:>7} {op:<34} keel {:>10} {:>7.0} MiB jrnl {:>10} {}",
                fmt_ms(row.keel_ms),
                keel.1,
                fmt_ms(row.jrnl_ms),
                row.note
            );
            rows.push(row);
        };

        // Build Keel's journal from Keel JSON (pages with ratings), through the CLI.
        let (build_ms, _, build_kib) = run_measured(
            keel(cfg, &journal)
                .args(["import", "--from", "keel"])
                .arg(dir.join("keel.json")),
        );
        push(
            "import Keel JSON (builds the journal)",
            (build_ms, build_kib as f64 / 1024.0),
            None,
            "1".into(),
            String::new(),
        );
        // `keel import --from jrnl` of jrnl's export of the same entries, into a fresh folder.
        let (import_ms, _, import_mib) = timed(slow, |i| {
            let target = dir.join(format!("from-jrnl-{i}"));
            let _ = std::fs::remove_dir_all(&target);
            let mut cmd = keel(cfg, &target);
            cmd.args(["import", "--from", "jrnl"])
                .arg(dir.join("jrnl-export.json"));
            cmd
        });
        for i in 0..=slow {
            let _ = std::fs::remove_dir_all(dir.join(format!("from-jrnl-{i}")));
        }
        push(
            "import jrnl's JSON export",
            (import_ms, import_mib),
            None,
            slow.to_string(),
            "jrnl imports only its own text format".into(),
        );

        let jrnl_here = cfg.jrnl.as_deref().filter(|_| n <= cfg.jrnl_max);
        let jrnl_cfg = jrnl_config(&dir, &jrnl_file);
        let jrnl_runs = if n >= 10_000 { 1 } else { cfg.runs.min(3) };
        let jrnl_time = |args: &[&str], runs: usize| -> Option<f64> {
            jrnl_here.map(|exe| {
                timed(runs, |_| {
                    let mut cmd = jrnl(exe, &jrnl_cfg);
                    cmd.args(args);
                    cmd
                })
                .0
            })
        };
        let skipped = if cfg.jrnl.is_some() && n > cfg.jrnl_max {
            format!("jrnl not run above {} entries", cfg.jrnl_max)
        } else {
            String::new()
        };

        for (op, word, jrnl_word) in [
            ("search, a word on ~2% of pages", "forecast", "forecast"),
            ("search, a miss", "nothinglikethis", "nothinglikethis"),
        ] {
            let (ms, out, mib) = timed(cfg.runs, |_| {
                let mut cmd = keel(cfg, &journal);
                cmd.args(["search", word]);
                cmd
            });
            let hits = out.lines().filter(|l| !l.starts_with("Nothing")).count();
            let j = jrnl_time(&["-contains", jrnl_word, "-n", "50"], jrnl_runs);
            // `grep -ci` over the same text (jrnl's plain file): the floor a search must beat.
            let mut grep_times = Vec::new();
            for _ in 0..cfg.runs {
                let mut cmd = Command::new("grep");
                cmd.args(["-ci", "--", word]).arg(&jrnl_file);
                grep_times.push(run_measured_ok(&mut cmd, &[0, 1]).0);
            }
            let grep_ms = median(grep_times);
            grep.insert((n, word), grep_ms);
            push(
                op,
                (ms, mib),
                j,
                format!("{} / {}", cfg.runs, jrnl_runs),
                format!(
                    "{hits} lines shown by keel (50 results at most, as jrnl -n 50); grep -ci {}",
                    fmt_ms(Some(grep_ms))
                ) + if skipped.is_empty() { "" } else { "; " }
                    + &skipped,
            );
        }
        let (stats_ms, _, stats_mib) = timed(cfg.runs, |_| {
            let mut cmd = keel(cfg, &journal);
            cmd.args(["stats", "--range", "all", "--json"]);
            cmd
        });
        let j = jrnl_time(&["--tags"], jrnl_runs);
        push(
            "stats --range all (jrnl: --tags)",
            (stats_ms, stats_mib),
            j,
            format!("{} / {}", cfg.runs, jrnl_runs),
            "jrnl has no trends; --tags is its nearest summary".into(),
        );
        let export = dir.join("export.json");
        let (export_ms, _, export_mib) = timed(slow, |_| {
            let mut cmd = keel(cfg, &journal);
            cmd.args(["export", "--format", "json", "--out"])
                .arg(&export);
            cmd
        });
        let j = jrnl_here.map(|exe| {
            timed(jrnl_runs, |_| {
                let mut cmd = jrnl(exe, &jrnl_cfg);
                cmd.args(["--export", "json", "--file"])
                    .arg(dir.join("jrnl-out.json"));
                cmd
            })
            .0
        });
        push(
            "export JSON",
            (export_ms, export_mib),
            j,
            format!("{slow} / {jrnl_runs}"),
            skipped.clone(),
        );
        let stored = common::dir_size(&journal.join("store"));

        // Adds last: each adds a page before the oldest one.
        let (add_ms, _, add_mib) = timed(cfg.runs, |i| {
            let date = common::last_day() - chrono::Days::new(n + 1 + i as u64);
            let mut cmd = keel(cfg, &journal);
            cmd.args(["add", "--date", &date.to_string(), "--role"])
                .arg(page_text(i as u64));
            cmd
        });
        let j = jrnl_here.map(|exe| {
            timed(jrnl_runs, |i| {
                let mut cmd = jrnl(exe, &jrnl_cfg);
                cmd.arg(page_text(i as u64));
                cmd
            })
            .0
        });
        push(
            "add a page",
            (add_ms, add_mib),
            j,
            format!("{} / {}", cfg.runs, jrnl_runs),
            skipped.clone(),
        );
        let jrnl_bytes = std::fs::metadata(&jrnl_file).map(|m| m.len()).unwrap_or(0);
        println!(
            "{n:>7} on disk: keel store {:.1} MiB, jrnl file {:.1} MiB, text {:.1} MiB",
            mib(stored),
            mib(jrnl_bytes),
            mib(raw)
        );
        sizes_json.insert(
            n.to_string(),
            json!({
                "grep_ci_ms": {
                    "forecast": grep.get(&(n, "forecast")),
                    "nothinglikethis": grep.get(&(n, "nothinglikethis")),
                },
                "raw_text_bytes": raw,
                "keel_store_bytes": stored,
                "jrnl_file_bytes": jrnl_bytes,
                "keel_disk_over_text": stored as f64 / raw as f64,
            }),
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
    let app = cfg.app.as_deref().map(|app| app_startup(cfg, app));
    let save = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench/save.json"),
    )
    .ok()
    .and_then(|s| serde_json::from_str::<Value>(&s).ok());
    let ops: Vec<Value> = rows
        .iter()
        .map(|r| {
            json!({"operation": r.op, "entries": r.size, "keel_ms": r.keel_ms,
                   "keel_peak_mib": r.keel_peak_mib,
                   "jrnl_ms": r.jrnl_ms, "runs": r.runs, "note": r.note})
        })
        .collect();
    let json = json!({
        "measured": chrono::Local::now().to_rfc3339(),
        "machine": common::machine(),
        "operations": ops,
        "sizes": sizes_json,
        "app": app,
        "save": save,
    });
    Results { rows, json }
}

fn mib(bytes: u64) -> f64 {
    bytes as f64 / 1_048_576.0
}

pub fn fmt_ms(ms: Option<f64>) -> String {
    match ms {
        None => "—".into(),
        Some(ms) if ms >= 10_000.0 => format!("{:.0} s", ms / 1000.0),
        Some(ms) if ms >= 1000.0 => format!("{:.2} s", ms / 1000.0),
        Some(ms) => format!("{ms:.1} ms"),
    }
}

/// Every process whose parent chain leads to `root`, `root` included.
fn process_tree(root: u32) -> Vec<u32> {
    let mut parent = std::collections::HashMap::new();
    for entry in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) else {
            continue;
        };
        // The field after the command name (which may hold spaces) in parentheses.
        if let Some(ppid) = stat
            .rsplit_once(')')
            .and_then(|(_, rest)| rest.split_whitespace().nth(1))
            .and_then(|p| p.parse::<u32>().ok())
        {
            parent.insert(pid, ppid);
        }
    }
    let mut tree = vec![root];
    let mut grew = true;
    while grew {
        grew = false;
        for (&pid, &ppid) in &parent {
            if tree.contains(&ppid) && !tree.contains(&pid) {
                tree.push(pid);
                grew = true;
            }
        }
    }
    tree
}

fn rss_kib(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse().ok())
        })
        .unwrap_or(0)
}

/// One start of the app: spawn to "page shown" in ms, the app's own figure, and the resident
/// memory of all its processes a moment after.
fn start_app(app: &Path, journal: &Path) -> (f64, f64, f64) {
    let mut command = Command::new(app);
    command
        .arg("--journal")
        .arg(journal)
        .env("KEEL_REPORT_STARTUP", "1");
    start_window(command, "keel-desktop: page shown after ")
}

/// One start of the blank Tauri window, measured as `start_app` measures the app.
fn start_blank(blank: &Path) -> (f64, f64, f64) {
    start_window(Command::new(blank), "blank-window: page shown after ")
}

/// Spawns `command` and waits for the line `{shown}N ms` on its standard output: spawn to that
/// line in ms, the N it printed, and the resident memory of all its processes a moment after.
/// Then kills them all and waits until they are gone.
fn start_window(mut command: Command, shown: &'static str) -> (f64, f64, f64) {
    let program = command.get_program().to_string_lossy().into_owned();
    let t = Instant::now();
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("{program}: {e}"));
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if let Some(ms) = line.strip_prefix(shown).and_then(|r| r.strip_suffix(" ms")) {
                let _ = tx.send((Instant::now(), ms.parse::<f64>().unwrap_or(f64::NAN)));
            }
        }
    });
    let shown = rx.recv_timeout(Duration::from_secs(90));
    let result = shown.map(|(at, own)| {
        let ms = at.duration_since(t).as_secs_f64() * 1000.0;
        std::thread::sleep(Duration::from_millis(500));
        let tree = process_tree(child.id());
        let kib: u64 = tree.iter().map(|&p| rss_kib(p)).sum();
        (ms, own, kib as f64 / 1024.0)
    });
    let tree = process_tree(child.id());
    let _ = Command::new("kill")
        .arg("-KILL")
        .args(tree.iter().map(u32::to_string))
        .status();
    let _ = child.wait();
    // The single-instance plugin hands a new start over to a running one: wait until every
    // process of this one is gone.
    let deadline = Instant::now() + Duration::from_secs(10);
    while tree
        .iter()
        .any(|p| Path::new(&format!("/proc/{p}")).exists())
        && Instant::now() < deadline
    {
        std::thread::sleep(Duration::from_millis(20));
    }
    std::thread::sleep(Duration::from_millis(200));
    result.unwrap_or_else(|_| {
        panic!("{program} did not report its first page within 90 s (is a display set?)")
    })
}

fn app_startup(cfg: &Config, app: &Path) -> Value {
    let dir = cfg.work.join("app");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let full = dir.join("ten-years");
    let empty = dir.join("empty");
    let pages = common::pages(cfg.app_days);
    std::fs::write(dir.join("keel.json"), common::keel_json(&pages)).unwrap();
    run(keel(cfg, &full)
        .args(["import", "--from", "keel"])
        .arg(dir.join("keel.json")));
    // An empty journal past its welcome, so that both starts end on today's page (a new one
    // would open on the welcome instead).
    keel::Journal::open(&empty)
        .and_then(|j| j.mark_welcomed())
        .expect("an empty journal");
    // One start of each first (the daily backup of the day, a fresh font cache), not counted.
    start_app(app, &full);
    start_app(app, &empty);
    let blank = cfg.blank.as_deref();
    if let Some(blank) = blank {
        start_blank(blank);
    }
    let (mut full_ms, mut empty_ms, mut full_mem, mut empty_mem) = (vec![], vec![], vec![], vec![]);
    let (mut full_own, mut empty_own) = (vec![], vec![]);
    let (mut blank_ms, mut blank_own, mut blank_mem) = (vec![], vec![], vec![]);
    for _ in 0..cfg.runs {
        // The three alternate, so that a slower moment of the machine falls on each alike.
        if let Some(blank) = blank {
            let (ms, own, mem) = start_blank(blank);
            blank_ms.push(ms);
            blank_own.push(own);
            blank_mem.push(mem);
        }
        let (ms, own, mem) = start_app(app, &full);
        full_ms.push(ms);
        full_own.push(own);
        full_mem.push(mem);
        let (ms, own, mem) = start_app(app, &empty);
        empty_ms.push(ms);
        empty_own.push(own);
        empty_mem.push(mem);
    }
    let mut v = json!({
        "days": cfg.app_days,
        "runs": cfg.runs,
        "full_start_to_page_ms": median(full_ms),
        "empty_start_to_page_ms": median(empty_ms),
        "full_own_ms": median(full_own),
        "empty_own_ms": median(empty_own),
        "full_rss_mib": median(full_mem),
        "empty_rss_mib": median(empty_mem),
    });
    if blank.is_some() {
        v["blank_start_to_page_ms"] = json!(median(blank_ms));
        v["blank_own_ms"] = json!(median(blank_own));
        v["blank_rss_mib"] = json!(median(blank_mem));
    }
    println!("app start-up: {v}");
    let _ = std::fs::remove_dir_all(&dir);
    v
}
