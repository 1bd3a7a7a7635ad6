//! The `keel` command line, driven as a user would from a shell.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

mod cycle;
mod languages;
pub(crate) mod sync;

fn keel(journal: &Path, args: &[&str]) -> Output {
    keel_with_stdin(journal, args, "")
}

fn keel_with_stdin(journal: &Path, args: &[&str], stdin: &str) -> Output {
    keel_in(journal, args, stdin, "C.UTF-8")
}

/// `keel` with `LANG` set to `lang` (and the other locale variables unset): the machine's own
/// locale never decides what a test reads.
fn keel_in(journal: &Path, args: &[&str], stdin: &str, lang: &str) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_keel"));
    let mut child = keel_test_support::in_locale(&mut cmd, lang)
        .arg("--journal")
        .arg(journal)
        .args(args)
        .env_remove("KEEL_JOURNAL")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the keel binary runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

pub(crate) fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).unwrap()
}

#[track_caller]
pub(crate) fn assert_ok(out: &Output) {
    assert!(
        out.status.success(),
        "exit {:?}, stderr: {}",
        out.status.code(),
        stderr(out)
    );
}

fn show_json(journal: &Path, date: &str) -> Value {
    let out = keel(journal, &["show", date, "--json"]);
    assert_ok(&out);
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn add_then_show_json_has_every_field() {
    let dir = tempfile::tempdir().unwrap();
    let out = keel(
        dir.path(),
        &[
            "add",
            "--date",
            "2026-11-23",
            "--role",
            "Weekly business review: the numbers were *questioned* again. #wbr",
            "--self",
            "Cooked for friends. #cooking",
            "--stress",
            "8",
            "--resilience",
            "5",
            "--overlap",
            "6",
            "--boundary",
            "broken",
            "--after-hours",
            "90",
        ],
    );
    assert_ok(&out);
    assert_eq!(stdout(&out), "Saved 2026-11-23.\n");
    let json = show_json(dir.path(), "2026-11-23");
    assert_eq!(json["date"], "2026-11-23");
    assert_eq!(
        json["role"],
        "Weekly business review: the numbers were *questioned* again. #wbr"
    );
    assert_eq!(json["self"], "Cooked for friends. #cooking");
    assert_eq!(json["stress"], 8);
    assert_eq!(json["resilience"], 5);
    assert_eq!(json["overlap"], 6);
    assert_eq!(json["boundary"], "broken");
    assert_eq!(json["after_hours_minutes"], 90);
    assert_eq!(json["tags"], serde_json::json!(["cooking", "wbr"]));
    assert_eq!(json["prompt_ids"], serde_json::json!([]));
    for stamp in ["created_at", "updated_at"] {
        let text = json[stamp].as_str().unwrap();
        chrono::DateTime::parse_from_rfc3339(text)
            .unwrap_or_else(|e| panic!("{stamp} {text}: {e}"));
    }
}

#[test]
fn absent_ratings_are_null() {
    let dir = tempfile::tempdir().unwrap();
    assert_ok(&keel(
        dir.path(),
        &["add", "--date", "2026-11-24", "--self", "Quiet day."],
    ));
    let json = show_json(dir.path(), "2026-11-24");
    for field in [
        "stress",
        "resilience",
        "overlap",
        "boundary",
        "after_hours_minutes",
    ] {
        assert_eq!(json[field], Value::Null, "{field}");
    }
    assert_eq!(json["role"], "");
}

#[test]
fn editing_one_field_keeps_the_others() {
    let dir = tempfile::tempdir().unwrap();
    let d = "2026-11-25";
    assert_ok(&keel(
        dir.path(),
        &[
            "add", "--date", d, "--role", "Roadmap", "--self", "Ran 5k", "--stress", "6",
        ],
    ));
    let before = show_json(dir.path(), d);
    assert_ok(&keel(
        dir.path(),
        &["add", "--date", d, "--resilience", "7"],
    ));
    let after = show_json(dir.path(), d);
    assert_eq!(after["role"], "Roadmap");
    assert_eq!(after["self"], "Ran 5k");
    assert_eq!(after["stress"], 6);
    assert_eq!(after["resilience"], 7);
    assert_eq!(after["created_at"], before["created_at"]);
}

#[test]
fn a_bad_date_is_refused_with_exit_1_and_nothing_written() {
    let dir = tempfile::tempdir().unwrap();
    for bad in ["2026-02-30", "28-11-2026", "yesterday"] {
        let out = keel(dir.path(), &["add", "--date", bad, "--role", "lost?"]);
        assert_eq!(out.status.code(), Some(1), "{bad}");
        let message = stderr(&out);
        assert!(message.contains("is not a date"), "{message}");
        assert_eq!(message.lines().count(), 1, "one sentence: {message}");
    }
    // Nothing was written: not even a journal folder's worth of pages.
    let out = keel(dir.path(), &["show", "2026-02-28", "--json"]);
    assert_eq!(out.status.code(), Some(1));
    let journal = keel::Journal::open(dir.path()).unwrap();
    assert_eq!(journal.n_days().unwrap(), 0);
}

#[test]
fn an_out_of_range_rating_is_refused_with_exit_1_and_nothing_written() {
    let dir = tempfile::tempdir().unwrap();
    let d = "2026-11-26";
    assert_ok(&keel(dir.path(), &["add", "--date", d, "--stress", "4"]));
    for (flag, value) in [
        ("--stress", "11"),
        ("--stress", "0"),
        ("--resilience", "-3"),
        ("--overlap", "8"),
        ("--after-hours", "2000"),
    ] {
        let out = keel(
            dir.path(),
            &["add", "--date", d, "--role", "should not land", flag, value],
        );
        assert_eq!(
            out.status.code(),
            Some(1),
            "{flag} {value}: {}",
            stderr(&out)
        );
        assert!(
            stderr(&out).contains(value),
            "the message names the value: {}",
            stderr(&out)
        );
    }
    let json = show_json(dir.path(), d);
    assert_eq!(json["role"], "");
    assert_eq!(json["stress"], 4);
}

#[test]
fn usage_errors_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    for args in [
        &["add", "--stress", "high"][..],
        &["add", "--boundary", "maybe"][..],
        &["add"][..],
        &["frobnicate"][..],
        &["show", "--json", "--html"][..],
        &["add", "--role", "-", "--self", "-"][..],
    ] {
        let out = keel(dir.path(), args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
    }
}

#[test]
fn text_can_come_from_stdin() {
    let dir = tempfile::tempdir().unwrap();
    let text = "# Hard week\n\nThe target moved *again*.\n\n- one\n- two\n";
    assert_ok(&keel_with_stdin(
        dir.path(),
        &[
            "add",
            "--date",
            "2026-11-27",
            "--role",
            "-",
            "--self",
            "Walk.",
        ],
        text,
    ));
    let json = show_json(dir.path(), "2026-11-27");
    assert_eq!(json["role"], text);
    assert_eq!(json["self"], "Walk.");
}

#[test]
fn show_plain_and_html() {
    let dir = tempfile::tempdir().unwrap();
    assert_ok(&keel(
        dir.path(),
        &[
            "add",
            "--date",
            "2026-11-28",
            "--role",
            "**Offsite** <script>alert(1)</script>",
            "--self",
            "Read in the park #reading",
            "--boundary",
            "kept",
        ],
    ));
    let plain = keel(dir.path(), &["show", "2026-11-28"]);
    assert_ok(&plain);
    let text = stdout(&plain);
    assert!(text.starts_with("Saturday 28 November 2026\n"), "{text}");
    assert!(
        text.contains("What I do") && text.contains("Who I am"),
        "{text}"
    );
    assert!(text.contains("boundary kept"), "{text}");
    assert!(text.contains("tags: #reading"), "{text}");

    let html = keel(dir.path(), &["show", "2026-11-28", "--html"]);
    assert_ok(&html);
    let html = stdout(&html);
    assert!(html.contains("<strong>Offsite</strong>"), "{html}");
    assert!(html.contains("&lt;script&gt;"), "{html}");
    assert!(!html.contains("<script>"), "{html}");
    assert!(
        html.contains("<span class=\"tag\">#reading</span>"),
        "{html}"
    );
}

#[test]
fn a_missing_page_is_an_error_with_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let out = keel(dir.path(), &["show", "2020-01-01"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr(&out), "keel: There is no page for 2020-01-01.\n");
}

#[test]
fn render_sanitizes_stdin() {
    let dir = tempfile::tempdir().unwrap();
    let out = keel_with_stdin(
        dir.path(),
        &["render"],
        "[x](javascript:alert(1)) <img src=x onerror=alert(1)> **ok**",
    );
    assert_ok(&out);
    assert_eq!(
        stdout(&out),
        "<p>x &lt;img src=x onerror=alert(1)&gt; <strong>ok</strong></p>\n"
    );
}

#[test]
fn the_journal_env_variable_is_used_without_the_flag() {
    let dir = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_keel"))
            .args(args)
            .env("KEEL_JOURNAL", dir.path())
            .output()
            .unwrap()
    };
    assert_ok(&run(&["add", "--date", "2026-11-20", "--self", "from env"]));
    let out = run(&["show", "2026-11-20", "--json"]);
    assert_ok(&out);
    assert!(stdout(&out).contains("from env"));
    assert!(dir.path().join("store").join("db").exists());
}

#[test]
fn a_second_process_is_refused_while_the_first_holds_the_journal() {
    let dir = tempfile::tempdir().unwrap();
    // This test process is the first holder; the CLI is the second.
    let holder = keel::Journal::open(dir.path()).unwrap();
    let out = keel(
        dir.path(),
        &["add", "--date", "2026-11-21", "--role", "blocked"],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let expected = format!(
        "keel: The journal at {} is open in another Keel process; close it there first.\n",
        dir.path().display()
    );
    assert_eq!(stderr(&out), expected);
    assert_eq!(
        holder.n_days().unwrap(),
        0,
        "nothing was written by the refused process"
    );
    drop(holder);
    assert_ok(&keel(
        dir.path(),
        &["add", "--date", "2026-11-21", "--role", "now it works"],
    ));
}

#[test]
fn prompt_shows_the_same_stored_prompts_every_time() {
    let dir = tempfile::tempdir().unwrap();
    let first = keel(dir.path(), &["prompt", "2026-11-24", "--json"]);
    assert_ok(&first);
    let json: Value = serde_json::from_slice(&first.stdout).unwrap();
    assert_eq!(json["date"], "2026-11-24");
    for side in ["role", "self"] {
        let p = &json[side];
        assert!(
            p["id"].is_string() && p["text"].is_string() && p["theme"].is_string(),
            "{json}"
        );
    }
    assert!(
        json["bridge"].is_null() || json["bridge"]["id"].is_string(),
        "{json}"
    );
    assert!(
        json.get("weekly").is_none(),
        "a Tuesday offers no weekly set: {json}"
    );
    let again = keel(dir.path(), &["prompt", "2026-11-24", "--json"]);
    assert_eq!(stdout(&again), stdout(&first));
    // Stored with the day.
    let day = show_json(dir.path(), "2026-11-24");
    let ids = day["prompt_ids"].as_array().unwrap();
    assert!(
        ids.contains(&json["role"]["id"]) && ids.contains(&json["self"]["id"]),
        "{day}"
    );
    let plain = keel(dir.path(), &["prompt", "2026-11-24"]);
    assert_ok(&plain);
    assert!(stdout(&plain).contains(json["role"]["text"].as_str().unwrap()));
}

#[test]
fn the_reflection_day_prompt_includes_the_weekly_set() {
    let dir = tempfile::tempdir().unwrap();
    let out = keel(dir.path(), &["prompt", "2026-11-27", "--json"]);
    assert_ok(&out);
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let weekly = json["weekly"]
        .as_array()
        .expect("a Friday offers the weekly set");
    assert!((3..=5).contains(&weekly.len()), "{json}");
}

fn fixture(path: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

#[test]
fn import_from_jrnl_prints_counts_and_a_second_import_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let file = fixture("tests/fixtures/jrnl/export.json");
    let args = ["import", "--from", "jrnl", file.to_str().unwrap()];
    let first = keel(dir.path(), &args);
    assert_ok(&first);
    assert_eq!(
        stdout(&first),
        "Imported 6 of 6 entries into 5 days, 2026-11-23 to 2027-01-02; 0 already imported.\n"
    );
    let export = |dir: &Path| {
        let out = keel(dir, &["export", "--format", "json", "--out", "-"]);
        assert_ok(&out);
        stdout(&out)
    };
    let before = export(dir.path());
    let second = keel(dir.path(), &args);
    assert_eq!(
        stdout(&second),
        "Imported 0 of 6 entries into 0 days; 6 already imported.\n"
    );
    assert_eq!(export(dir.path()), before);
    let day = show_json(dir.path(), "2026-11-23");
    assert!(day["self"]
        .as_str()
        .unwrap()
        .contains("#### 21:40 · Evening walk."));

    // Keel JSON out, into a new journal, out again: the same file.
    let json = dir.path().join("out.json");
    assert_ok(&keel(
        dir.path(),
        &[
            "export",
            "--format",
            "json",
            "--out",
            json.to_str().unwrap(),
        ],
    ));
    let other = tempfile::tempdir().unwrap();
    assert_ok(&keel(
        other.path(),
        &["import", "--from", "keel", json.to_str().unwrap()],
    ));
    assert_eq!(export(other.path()), before);
}

#[test]
fn a_bad_import_file_exits_1_naming_the_entry_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.json");
    std::fs::write(
        &bad,
        r#"{"entries": [{"date": "2026-11-01"}, {"date": "1 Nov"}]}"#,
    )
    .unwrap();
    let journal = dir.path().join("journal");
    let out = keel(
        &journal,
        &["import", "--from", "jrnl", bad.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        "keel: This file cannot be imported as jrnl JSON: entry 2, field “date”: “1 Nov” is not a date; write it as YYYY-MM-DD, for example 2026-11-28. Nothing was imported.\n"
    );
    assert_eq!(keel::Journal::open(&journal).unwrap().n_days().unwrap(), 0);
    let skipped = keel(
        &journal,
        &[
            "import",
            "--from",
            "jrnl",
            "--skip-bad",
            bad.to_str().unwrap(),
        ],
    );
    assert_ok(&skipped);
    assert!(
        stdout(&skipped).contains("Skipped entry 2, field “date”"),
        "{}",
        stdout(&skipped)
    );
}

#[test]
fn exports_write_csv_and_a_markdown_folder() {
    let dir = tempfile::tempdir().unwrap();
    assert_ok(&keel(
        dir.path(),
        &[
            "add",
            "--date",
            "2026-11-23",
            "--role",
            "Review",
            "--stress",
            "7",
            "--boundary",
            "kept",
        ],
    ));
    let csv = keel(dir.path(), &["export", "--format", "csv", "--out", "-"]);
    assert_eq!(
        stdout(&csv),
        "date,stress,resilience,overlap,boundary,after_hours_minutes,events\n2026-11-23,7,,,kept,,\n"
    );
    let folder = dir.path().join("md");
    let md = keel(
        dir.path(),
        &[
            "export",
            "--format",
            "markdown",
            "--out",
            folder.to_str().unwrap(),
        ],
    );
    assert_ok(&md);
    assert!(stderr(&md).contains("Exported 1 page "), "{}", stderr(&md));
    let page = std::fs::read_to_string(folder.join("2026/2026-11-23.md")).unwrap();
    assert!(
        page.contains("stress: 7") && page.contains("## What I do\n\nReview"),
        "{page}"
    );
}

#[test]
fn search_finds_words_on_both_sides_newest_first() {
    let dir = tempfile::tempdir().unwrap();
    assert_ok(&keel(
        dir.path(),
        &[
            "add",
            "--date",
            "2026-11-23",
            "--role",
            "Forecast review. #wbr",
            "--stress",
            "8",
        ],
    ));
    assert_ok(&keel(
        dir.path(),
        &[
            "add",
            "--date",
            "2026-11-25",
            "--self",
            "No forecast today; a café with Ana.",
        ],
    ));
    let out = keel(dir.path(), &["search", "forecast"]);
    assert_ok(&out);
    assert_eq!(
        stdout(&out),
        "2026-11-25  Who I am   No [forecast] today; a café with Ana.\n2026-11-23  What I do  [Forecast] review. #wbr\n"
    );
    let json = keel(dir.path(), &["search", "cafe", "--json"]);
    let hits: Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(hits[0]["date"], "2026-11-25");
    assert_eq!(hits[0]["side"], "self");
    let tagged = keel(
        dir.path(),
        &["search", "forecast", "--tag", "wbr", "--from", "2026-11-01"],
    );
    assert_eq!(stdout(&tagged).lines().count(), 1);
    assert_eq!(
        stdout(&keel(dir.path(), &["search", "nothing"])),
        "Nothing found.\n"
    );
    assert_eq!(keel(dir.path(), &["search", ""]).status.code(), Some(2));
    assert_eq!(
        keel(dir.path(), &["search", "stress>=lots"]).status.code(),
        Some(1)
    );
}

#[test]
fn backups_are_taken_before_imports_listed_and_restored() {
    let dir = tempfile::tempdir().unwrap();
    assert_ok(&keel(
        dir.path(),
        &[
            "add",
            "--date",
            "2026-11-20",
            "--role",
            "Before the import.",
        ],
    ));
    assert_eq!(
        stdout(&keel(dir.path(), &["backup", "list"])),
        "No backups yet.\n"
    );
    let file = fixture("tests/fixtures/jrnl/export.json");
    assert_ok(&keel(
        dir.path(),
        &["import", "--from", "jrnl", file.to_str().unwrap()],
    ));
    let listed = stdout(&keel(dir.path(), &["backup", "list"]));
    assert_eq!(
        listed.lines().count(),
        1,
        "a backup was taken before the import: {listed}"
    );
    // Restoring the newest backup undoes the import and keeps the journal as it was.
    let restored = keel(dir.path(), &["backup", "restore"]);
    assert_ok(&restored);
    assert!(
        stdout(&restored).starts_with("Restored 1 page from"),
        "{}",
        stdout(&restored)
    );
    assert_eq!(
        keel(dir.path(), &["show", "2026-11-23"]).status.code(),
        Some(1),
        "the imported day is gone"
    );
    assert!(stdout(&keel(dir.path(), &["show", "2026-11-20"])).contains("Before the import."));
    assert!(std::fs::read_dir(dir.path()).unwrap().flatten().any(|e| e
        .file_name()
        .to_string_lossy()
        .starts_with("store.before-restore-")));
}

#[test]
fn a_damaged_journal_is_reported_with_the_newest_backup_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    assert_ok(&keel(
        dir.path(),
        &[
            "add",
            "--date",
            "2026-11-20",
            "--role",
            "Safe in the backup.",
        ],
    ));
    assert_ok(&keel(dir.path(), &["backup", "create"]));
    let db = dir.path().join("store").join("db");
    std::fs::write(
        &db,
        vec![0xA5u8; std::fs::metadata(&db).unwrap().len() as usize],
    )
    .unwrap();
    let before = std::fs::read(&db).unwrap();
    let out = keel(dir.path(), &["show", "2026-11-20"]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    let message = stderr(&out);
    assert!(
        message.contains("Nothing was changed. The newest backup is from"),
        "{message}"
    );
    assert!(message.contains("keel backup restore"), "{message}");
    assert_eq!(
        std::fs::read(&db).unwrap(),
        before,
        "the damaged file is untouched"
    );
    assert_ok(&keel(dir.path(), &["backup", "restore"]));
    assert!(stdout(&keel(dir.path(), &["show", "2026-11-20"])).contains("Safe in the backup."));
}

pub(crate) fn keel_env(journal: &Path, args: &[&str], env: &[(&str, &Path)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_keel"));
    cmd.arg("--journal")
        .arg(journal)
        .args(args)
        .env_remove("KEEL_JOURNAL")
        .env_remove("KEEL_PASSPHRASE_FILE")
        .env_remove("KEEL_NEW_PASSPHRASE_FILE")
        .stdin(Stdio::null());
    keel_test_support::in_locale(&mut cmd, "C.UTF-8");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().unwrap()
}

/// Every file under `dir`, with its bytes, by path.
pub(crate) fn files_under(dir: &Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let bytes = std::fs::read(&p).unwrap();
                out.push((p, bytes));
            }
        }
    }
    out.sort();
    out
}

/// The files under `dir` whose bytes contain `word`.
pub(crate) fn readable_anywhere(dir: &Path, word: &str) -> Vec<String> {
    files_under(dir)
        .into_iter()
        .filter(|(_, bytes)| bytes.windows(word.len()).any(|w| w == word.as_bytes()))
        .map(|(p, _)| p.display().to_string())
        .collect()
}

#[test]
fn a_passphrase_encrypts_the_journal_and_its_backups_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let j = dir.path().join("journal");
    let (right, wrong, next) = (
        dir.path().join("right"),
        dir.path().join("wrong"),
        dir.path().join("next"),
    );
    std::fs::write(&right, "correct horse battery\n").unwrap();
    std::fs::write(&wrong, "incorrect horse\n").unwrap();
    std::fs::write(&next, "a new staple\n").unwrap();
    assert_ok(&keel(
        &j,
        &[
            "add",
            "--date",
            "2026-11-20",
            "--role",
            "the zebracorn review",
        ],
    ));
    assert_ok(&keel(&j, &["backup", "create"]));

    // Old, unencrypted backups need a decision.
    let out = keel_env(
        &j,
        &["passphrase", "set"],
        &[("KEEL_NEW_PASSPHRASE_FILE", &right)],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("--remove-old-backups"),
        "{}",
        stderr(&out)
    );
    let out = keel_env(
        &j,
        &["passphrase", "set", "--encrypt-old-backups"],
        &[("KEEL_NEW_PASSPHRASE_FILE", &right)],
    );
    assert_ok(&out);
    assert!(
        stdout(&out).contains("1 backup taken before was encrypted"),
        "{}",
        stdout(&out)
    );
    assert_eq!(readable_anywhere(&j, "zebracorn"), Vec::<String>::new());
    // The old backup, encrypted in place, restores with the passphrase.
    let out = keel_env(&j, &["backup", "list"], &[]);
    assert_ok(&out);

    // Locked without the passphrase; a wrong one says so and changes nothing.
    let out = keel_env(&j, &["show", "2026-11-20"], &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("KEEL_PASSPHRASE_FILE"),
        "{}",
        stderr(&out)
    );
    let out = keel_env(
        &j,
        &["show", "2026-11-20"],
        &[("KEEL_PASSPHRASE_FILE", &wrong)],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("does not open"), "{}", stderr(&out));
    let unlocked = [("KEEL_PASSPHRASE_FILE", right.as_path())];
    let out = keel_env(&j, &["show", "2026-11-20"], &unlocked);
    assert_ok(&out);
    assert!(stdout(&out).contains("zebracorn"));

    // Backups of an encrypted journal are sealed, and restore with the passphrase.
    assert_ok(&keel_env(&j, &["backup", "create"], &unlocked));
    assert_eq!(readable_anywhere(&j, "zebracorn"), Vec::<String>::new());
    assert_ok(&keel_env(&j, &["backup", "restore"], &unlocked));
    let out = keel_env(&j, &["search", "zebracorn"], &unlocked);
    assert_ok(&out);
    assert!(stdout(&out).contains("2026-11-20"), "{}", stdout(&out));

    // A new passphrase; the old one stops working.
    let both = [
        ("KEEL_PASSPHRASE_FILE", right.as_path()),
        ("KEEL_NEW_PASSPHRASE_FILE", next.as_path()),
    ];
    assert_ok(&keel_env(&j, &["passphrase", "change"], &both));
    let out = keel_env(&j, &["show", "2026-11-20"], &unlocked);
    assert!(stderr(&out).contains("does not open"), "{}", stderr(&out));
    let now_unlocked = [("KEEL_PASSPHRASE_FILE", next.as_path())];
    assert_ok(&keel_env(&j, &["show", "2026-11-20"], &now_unlocked));

    // Off again: plain, and readable without a passphrase.
    assert_ok(&keel_env(&j, &["passphrase", "remove"], &now_unlocked));
    let out = keel_env(&j, &["show", "2026-11-20"], &[]);
    assert_ok(&out);
    assert!(stdout(&out).contains("zebracorn"));
}
