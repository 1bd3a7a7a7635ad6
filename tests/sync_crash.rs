//! Crash test of sync's writing (issue 22): a child process keeps a device's replica on disk
//! and, in a loop, edits a page, keeps the replica (its pending change with it: printed as
//! `kept ID`), exchanges with the sync folder and keeps the replica again (`sent ID`). The
//! parent SIGKILLs it at random moments, so kills land inside the change file's write, its
//! rename, the replica's own write (a record appended to its log, or its base written whole),
//! a snapshot's write and the removal of the files it covers, anywhere. After the cycles, one
//! more exchange by the same device, and a second device reads the folder:
//! - every change kept before a kill is in the folder and reaches the second device;
//! - no file under a change file's or a snapshot's name fails to open (a cut file only ever
//!   has a temporary name), and the kept replica always loads;
//! - a file number is never written twice.
//!
//! Then the same through the journal (`keel::sync::journal`): a child saves a page of an
//! attached journal (printing `saved N` once the save returned, so it is acknowledged) and
//! exchanges after each save, killed at random; kills land inside saves, the taking of marks,
//! change files, the replica's writes and the store's taking of what came in. After the
//! cycles the journal exchanges once more and a second journal joins the folder: every line
//! acknowledged as saved is on its page, and both pages are the same.
//!
//! Own `main` (`harness = false`). Cycles: `KEEL_SYNC_CRASH_CYCLES` (default 40) each.

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use keel::crypto::KdfParams;
use keel::sync::{folder, DeviceId, Kind, Replica, Value};
use rand::Rng;

const CHILD_ENV: &str = "KEEL_SYNC_CRASH_CHILD";
const JOURNAL_CHILD_ENV: &str = "KEEL_SYNC_CRASH_JOURNAL_CHILD";
const PASSPHRASE: &str = "a shared passphrase";
const FIELD: &str = "day/2026-12-01/self";

fn wall_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as u64)
        .unwrap_or(0)
}

/// The child: `dir/folder` is the sync folder, `dir/replica` the device's kept replica.
fn child(dir: &Path) -> ! {
    let sync = dir.join("folder");
    let keys = folder::join(&sync, PASSPHRASE).expect("child joins");
    let kept = dir.join("replica");
    let mut replica = Replica::load(&kept, &keys)
        .expect("the kept replica loads")
        .unwrap_or_else(|| Replica::new(DeviceId("00000000000000c1".into()), "laptop"))
        // A snapshot every few files, so kills land in snapshots and the removals after them.
        .with_snapshot_every(5);
    let mut out = std::io::stdout().lock();
    let mut n = 0u64;
    loop {
        n += 1;
        let text = match replica.value(FIELD).map(|r| r.value) {
            Some(Value::Text(t)) => format!("{t}\nline {n} at {}", wall_ms()),
            _ => format!("line {n} at {}", wall_ms()),
        };
        let id = replica
            .edit(FIELD, Kind::Text, Value::Text(text), wall_ms())
            .expect("a new line is an edit");
        let id = format!("{}:{}", id.at.wall_ms, id.at.counter);
        replica.save(&kept, &keys).expect("child keeps its replica");
        writeln!(out, "kept {id}").unwrap();
        replica.exchange(&sync, &keys).expect("child exchanges");
        replica.save(&kept, &keys).expect("child keeps its replica");
        writeln!(out, "sent {id}").unwrap();
        out.flush().unwrap();
    }
}

fn date() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
}

fn now() -> chrono::DateTime<chrono::FixedOffset> {
    chrono::Local::now().fixed_offset()
}

/// The journal child: `dir/journal`, attached to `dir/jfolder`; saves a line, then exchanges.
fn journal_child(dir: &Path) -> ! {
    let journal = keel::Journal::unlock(&dir.join("journal"), PASSPHRASE).expect("child unlocks");
    let mut out = std::io::stdout().lock();
    writeln!(out, "opened").unwrap();
    out.flush().unwrap();
    let start = journal
        .day(date())
        .unwrap()
        .map_or(0, |d| d.self_text.lines().count() as u64);
    for n in start + 1.. {
        let text = journal
            .day(date())
            .unwrap()
            .map(|d| d.self_text)
            .unwrap_or_default();
        let text = if text.is_empty() {
            format!("saved line {n}")
        } else {
            format!("{text}\nsaved line {n}")
        };
        let patch = keel::model::DayPatch {
            self_text: Some(text),
            ..Default::default()
        };
        journal
            .save_day(date(), &patch, now())
            .expect("child saves");
        writeln!(out, "saved {n}").unwrap();
        out.flush().unwrap();
        keel::sync::journal::exchange(&journal, wall_ms(), now()).expect("child exchanges");
        writeln!(out, "exchanged {n}").unwrap();
        out.flush().unwrap();
    }
    unreachable!()
}

/// Kills a child of this binary (`env` set to `dir`) after a random moment, `cycles` times
/// (counted from its line `ready`, when one is given); returns every line it printed.
fn kill_cycles(env: &str, dir: &Path, cycles: u64, ready: Option<&str>) -> Vec<String> {
    let mut rng = rand::rng();
    let mut lines = Vec::new();
    for _ in 0..cycles {
        let mut c = Command::new(std::env::current_exe().unwrap())
            .env(env, dir)
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let out = c.stdout.take().unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        let reader = std::thread::spawn(move || {
            let mut all = Vec::new();
            for line in BufReader::new(out).lines().map_while(Result::ok) {
                let _ = tx.send(line.clone());
                all.push(line);
            }
            all
        });
        if let Some(ready) = ready {
            let deadline = Instant::now() + Duration::from_secs(20);
            while let Ok(line) = rx.recv_timeout(deadline.saturating_duration_since(Instant::now()))
            {
                if line == ready {
                    break;
                }
            }
        }
        std::thread::sleep(Duration::from_millis(rng.random_range(20..250)));
        c.kill().unwrap(); // SIGKILL on Unix
        c.wait().unwrap();
        lines.extend(reader.join().unwrap());
    }
    lines
}

/// The journal phase; returns its failures and what it saw.
fn journal_phase(cycles: u64) -> (Vec<String>, String) {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("jfolder");
    std::fs::create_dir(&folder).unwrap();
    {
        let j = keel::Journal::open(&dir.path().join("journal")).unwrap();
        j.encrypt_with(PASSPHRASE, KdfParams::FOR_TESTS).unwrap();
        keel::sync::journal::attach(&j, &folder, "laptop", PASSPHRASE, wall_ms(), now()).unwrap();
    }
    // Kills from the moment the journal is open: saves, marks taken, change files, the
    // replica's writes, the store taking what came in. (Kills inside the store's own open,
    // one after another with no clean open between, are the journal crash test's ground:
    // tests/crash.rs kills during start-up too, and opens cleanly between cycles.)
    let lines = kill_cycles(JOURNAL_CHILD_ENV, dir.path(), cycles, Some("opened"));
    let saved: BTreeSet<u64> = lines
        .iter()
        .filter_map(|l| l.strip_prefix("saved ")?.parse().ok())
        .collect();
    let exchanged = lines.iter().filter(|l| l.starts_with("exchanged ")).count();
    let mut failures = Vec::new();
    let laptop = keel::Journal::unlock(&dir.path().join("journal"), PASSPHRASE).unwrap();
    keel::sync::journal::exchange(&laptop, wall_ms(), now()).unwrap();
    let home = keel::Journal::open(&dir.path().join("home")).unwrap();
    home.encrypt_with(PASSPHRASE, KdfParams::FOR_TESTS).unwrap();
    keel::sync::journal::attach(&home, &folder, "home", PASSPHRASE, wall_ms(), now()).unwrap();
    let text_of = |j: &keel::Journal| {
        j.day(date())
            .unwrap()
            .map(|d| d.self_text)
            .unwrap_or_default()
    };
    let (here, there) = (text_of(&laptop), text_of(&home));
    for n in &saved {
        let line = format!("saved line {n}");
        if !here.lines().any(|l| l == line) {
            failures.push(format!("“{line}”, acknowledged, is not in the journal"));
        }
        if !there.lines().any(|l| l == line) {
            failures.push(format!(
                "“{line}”, acknowledged, never reached the other journal"
            ));
        }
    }
    if here != there {
        failures.push(format!(
            "the two journals' pages differ:\n--- here\n{here}\n--- there\n{there}"
        ));
    }
    if keel::sync::history::conflicts_in(&there) > 0 {
        failures.push("a conflict block where one computer wrote alone".into());
    }
    let seen = format!(
        "{} saves acknowledged, {exchanged} exchanges finished",
        saved.len()
    );
    if saved.len() < 10 || exchanged == 0 {
        failures.push(format!("too little happened between kills: {seen}"));
    }
    (failures, seen)
}

fn main() {
    if let Some(dir) = std::env::var_os(CHILD_ENV) {
        child(Path::new(&dir));
    }
    if let Some(dir) = std::env::var_os(JOURNAL_CHILD_ENV) {
        journal_child(Path::new(&dir));
    }
    let cycles: u64 = std::env::var("KEEL_SYNC_CRASH_CYCLES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(40);
    let started = Instant::now();
    let dir = tempfile::tempdir().unwrap();
    let sync = dir.path().join("folder");
    let keys = folder::start(&sync, PASSPHRASE, KdfParams::FOR_TESTS).unwrap();
    let mut kept = BTreeSet::new();
    let mut sent = 0usize;
    for line in kill_cycles(CHILD_ENV, dir.path(), cycles, None) {
        if let Some(id) = line.strip_prefix("kept ") {
            kept.insert(id.to_owned());
        } else if line.starts_with("sent ") {
            sent += 1;
        }
    }
    let mut failures = Vec::new();
    // Every file under a change file's name opens.
    let scan = folder::scan(&sync).unwrap();
    let mut numbers = BTreeSet::new();
    for f in &scan.files {
        let bytes = std::fs::read(&f.path).unwrap();
        let opened = if f.snapshot {
            folder::open_snapshot(&keys, &f.device, f.seq, &bytes).map(|_| ())
        } else {
            folder::open(&keys, &f.device, f.seq, &bytes).map(|_| ())
        };
        if let Err(why) = opened {
            failures.push(format!("{} does not open: {why:?}", f.path.display()));
        }
        if !numbers.insert(f.seq) {
            failures.push(format!("number {} written twice", f.seq));
        }
    }
    // The device goes on where the last kill left it, and sends what it kept.
    let state = dir.path().join("replica");
    let mut laptop = Replica::load(&state, &keys)
        .expect("the kept replica loads after the last kill")
        .expect("a replica was kept");
    laptop.exchange(&sync, &keys).unwrap();
    let mut home = Replica::new(DeviceId("00000000000000d2".into()), "home");
    home.exchange(&sync, &keys).unwrap();
    let history = home
        .history(FIELD)
        .expect("the page reached the other device");
    let arrived: BTreeSet<String> = laptop
        .history(FIELD)
        .unwrap()
        .all(FIELD)
        .iter()
        .filter(|c| history.contains(&c.id))
        .map(|c| format!("{}:{}", c.id.at.wall_ms, c.id.at.counter))
        .collect();
    for id in &kept {
        if !arrived.contains(id) {
            failures.push(format!(
                "the change {id}, kept before a kill, never arrived"
            ));
        }
    }
    if laptop.values() != home.values() {
        failures.push("the two devices differ".into());
    }
    println!(
        "sync crash: {cycles} SIGKILL cycles, {} changes kept, {sent} sent before a kill, {} files, {} failures, {:.1} s",
        kept.len(),
        scan.files.len(),
        failures.len(),
        started.elapsed().as_secs_f64()
    );
    // Something was kept and sent, so the kills had writes to land in.
    if kept.len() < 10 || sent == 0 {
        failures.push("too little happened between kills".into());
    }
    let (journal_failures, seen) = journal_phase(cycles);
    println!(
        "sync crash through the journal: {cycles} SIGKILL cycles, {seen}, {} failures",
        journal_failures.len()
    );
    failures.extend(journal_failures);
    for f in failures.iter().take(20) {
        println!("  {f}");
    }
    let ok = failures.is_empty();
    println!(
        "sync crash: {} passed, {} failed",
        u8::from(ok),
        u8::from(!ok)
    );
    if !ok {
        std::process::exit(1);
    }
}
