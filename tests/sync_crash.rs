//! Crash test of sync's writing (issue 22): a child process keeps a device's replica on disk
//! and, in a loop, edits a page, keeps the replica (its pending change with it: printed as
//! `kept ID`), exchanges with the sync folder and keeps the replica again (`sent ID`). The
//! parent SIGKILLs it at random moments, so kills land inside the change file's write, its
//! rename, the replica's own write, anywhere. After the cycles, one more exchange by the same
//! device, and a second device reads the folder:
//! - every change kept before a kill is in the folder and reaches the second device;
//! - no file under a change file's name fails to open (a cut file only ever has a temporary
//!   name), and the kept replica always loads;
//! - a file number is never written twice.
//!
//! Own `main` (`harness = false`). Cycles: `KEEL_SYNC_CRASH_CYCLES` (default 40).

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use keel::crypto::KdfParams;
use keel::sync::{folder, DeviceId, Kind, Replica, Value};
use rand::Rng;

const CHILD_ENV: &str = "KEEL_SYNC_CRASH_CHILD";
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
        .unwrap_or_else(|| Replica::new(DeviceId("00000000000000c1".into()), "laptop"));
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

fn main() {
    if let Some(dir) = std::env::var_os(CHILD_ENV) {
        child(Path::new(&dir));
    }
    let cycles: u64 = std::env::var("KEEL_SYNC_CRASH_CYCLES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(40);
    let started = Instant::now();
    let dir = tempfile::tempdir().unwrap();
    let sync = dir.path().join("folder");
    let keys = folder::start(&sync, PASSPHRASE, KdfParams::FOR_TESTS).unwrap();
    let mut rng = rand::rng();
    let mut kept = BTreeSet::new();
    let mut sent = 0usize;
    for _ in 0..cycles {
        let mut c = Command::new(std::env::current_exe().unwrap())
            .env(CHILD_ENV, dir.path())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let out = c.stdout.take().unwrap();
        let reader = std::thread::spawn(move || {
            BufReader::new(out)
                .lines()
                .map_while(Result::ok)
                .collect::<Vec<String>>()
        });
        std::thread::sleep(Duration::from_millis(rng.random_range(20..200)));
        c.kill().unwrap(); // SIGKILL on Unix
        c.wait().unwrap();
        for line in reader.join().unwrap() {
            if let Some(id) = line.strip_prefix("kept ") {
                kept.insert(id.to_owned());
            } else if line.starts_with("sent ") {
                sent += 1;
            }
        }
    }
    let mut failures = Vec::new();
    // Every file under a change file's name opens.
    let scan = folder::scan(&sync).unwrap();
    let mut numbers = BTreeSet::new();
    for f in &scan.files {
        let bytes = std::fs::read(&f.path).unwrap();
        if let Err(why) = folder::open(&keys, &f.device, f.seq, &bytes) {
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
    for f in failures.iter().take(20) {
        println!("  {f}");
    }
    // Something was kept and sent, so the kills had writes to land in.
    let ok = failures.is_empty() && kept.len() >= 10 && sent > 0;
    println!(
        "sync crash: {} passed, {} failed",
        u8::from(ok),
        u8::from(!ok)
    );
    if !ok {
        std::process::exit(1);
    }
}
