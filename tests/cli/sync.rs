//! `keel sync attach | now | status | detach` (issue 22) between journals on one machine that
//! share a folder, as two computers share one through a sync tool (the real tool's test is
//! the two-Syncthing one): a page written on one appears on the other, a day edited on both
//! keeps both texts, a journal with pages of its own joins with them, the folder holds no word
//! in the clear, and a wrong passphrase changes nothing.

use std::path::{Path, PathBuf};
use std::process::Output;

use serde_json::Value;

use super::{assert_ok, files_under, keel_env, readable_anywhere, stderr, stdout};

/// A computer's journal and the file its passphrase is read from (`KEEL_PASSPHRASE_FILE`).
pub(crate) struct Computer {
    pub(crate) journal: PathBuf,
    pub(crate) passphrase: PathBuf,
}

impl Computer {
    /// A journal with a passphrase (the same one on every computer unless told otherwise).
    fn new(root: &Path, name: &str, passphrase: &str) -> Computer {
        let journal = root.join(name);
        let file = root.join(format!("{name}.pass"));
        std::fs::write(&file, format!("{passphrase}\n")).unwrap();
        let c = Computer {
            journal,
            passphrase: file,
        };
        // The first page before the passphrase, as a person who had a journal before.
        assert_ok(&c.run(&[
            "add",
            "--date",
            "2026-11-02",
            "--role",
            &format!("First page on {name}."),
        ]));
        assert_ok(&c.run(&["passphrase", "set"]));
        c
    }

    pub(crate) fn run(&self, args: &[&str]) -> Output {
        keel_env(
            &self.journal,
            args,
            &[
                ("KEEL_PASSPHRASE_FILE", &self.passphrase),
                ("KEEL_NEW_PASSPHRASE_FILE", &self.passphrase),
            ],
        )
    }

    pub(crate) fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert_ok(&out);
        stdout(&out)
    }

    fn page(&self, date: &str) -> Value {
        serde_json::from_str(&self.ok(&["show", date, "--json"])).unwrap()
    }
}

#[test]
fn a_page_written_on_one_computer_appears_on_the_other_and_a_day_edited_on_both_keeps_both() {
    let root = tempfile::tempdir().unwrap();
    let folder = root.path().join("Sync");
    std::fs::create_dir(&folder).unwrap();
    let laptop = Computer::new(root.path(), "laptop", "one passphrase for both");
    let home = Computer::new(root.path(), "home", "one passphrase for both");

    laptop.ok(&[
        "add",
        "--date",
        "2026-12-01",
        "--role",
        "Budget review ran long.",
        "--self",
        "Walked by the river with Ana.",
        "--stress",
        "6",
    ]);
    let started = laptop.ok(&[
        "sync",
        "attach",
        folder.to_str().unwrap(),
        "--device",
        "work laptop",
    ]);
    assert!(started.starts_with("Started a sync folder in"), "{started}");
    assert!(started.contains("“work laptop”"), "{started}");

    // The home computer joins with a journal of its own: its page goes in, the laptop's come.
    let joined = home.ok(&[
        "sync",
        "attach",
        folder.to_str().unwrap(),
        "--device",
        "home",
    ]);
    assert!(joined.starts_with("Joined the sync folder in"), "{joined}");
    assert!(
        joined.contains("Pages changed here: 2026-11-02, 2026-12-01"),
        "{joined}"
    );
    let day = home.page("2026-12-01");
    assert_eq!(day["self"], "Walked by the river with Ana.");
    assert_eq!(day["stress"], 6);
    // The week's reflection and the values travel too.
    home.ok(&["values", "set", "Family", "Craft", "Health"]);
    let now = home.ok(&["sync", "now"]);
    assert!(now.contains("1 went out"), "{now}");
    let now = laptop.ok(&["sync", "now"]);
    assert!(now.contains("Also changed here: values"), "{now}");
    assert!(laptop.ok(&["values"]).contains("Craft"));
    assert!(now.contains("Pages changed here: 2026-11-02"), "{now}");
    // Both had a first page on 2 November: both texts are kept.
    let first = laptop.page("2026-11-02")["role"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(
        first.contains("First page on laptop.") && first.contains("First page on home."),
        "{first}"
    );
    assert_eq!(home.page("2026-11-02")["role"], first.as_str());

    // The same day edited on both before either exchanges.
    laptop.ok(&[
        "add",
        "--date",
        "2026-12-01",
        "--self",
        "Walked by the river with Ana. Soup after.",
        "--stress",
        "7",
    ]);
    home.ok(&[
        "add",
        "--date",
        "2026-12-01",
        "--self",
        "Walked by the river with Ana and the dog.",
    ]);
    laptop.ok(&["sync", "now"]);
    home.ok(&["sync", "now"]);
    laptop.ok(&["sync", "now"]);
    let text = laptop.page("2026-12-01")["self"]
        .as_str()
        .unwrap()
        .to_owned();
    for part in [
        "Walked by the river with Ana. Soup after.",
        "Walked by the river with Ana and the dog.",
        "**work laptop:**",
        "**home:**",
        "<!-- keel: two versions -->",
    ] {
        assert!(text.contains(part), "{part} in:\n{text}");
    }
    assert_eq!(home.page("2026-12-01")["self"], text.as_str());
    assert_eq!(home.page("2026-12-01")["stress"], 7);

    let status: Value = serde_json::from_str(&home.ok(&["sync", "status", "--json"])).unwrap();
    assert_eq!(status["attached"], true);
    assert_eq!(status["name"], "home");
    // Two days wait for the person: both first pages, and the day edited on both.
    assert_eq!(
        status["conflicts"],
        serde_json::json!(["2026-11-02", "2026-12-01"])
    );
    assert_eq!(status["devices"].as_array().unwrap().len(), 2);
    assert_eq!(status["waiting_to_go"], 0);
    let plain = home.ok(&["sync", "status"]);
    assert!(
        plain.contains("work laptop (")
            && plain.contains("Conflicts:       2026-11-02, 2026-12-01"),
        "{plain}"
    );

    // Not one word of any page in the folder's files, and every file is Keel's own.
    for word in ["river", "Budget", "First page", "dog", "Soup"] {
        assert!(
            readable_anywhere(&folder, word).is_empty(),
            "“{word}” readable in the folder"
        );
    }
    for (path, bytes) in files_under(&folder) {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        assert!(
            name == "key.json"
                || (name.ends_with(".kc") && bytes.starts_with(b"KEELSYNC2"))
                || (name.ends_with(".ks") && bytes.starts_with(b"KEELSNAP1")),
            "{path:?}"
        );
    }
}

#[test]
fn a_wrong_passphrase_at_join_changes_nothing_and_a_plain_journal_is_asked_for_one() {
    let root = tempfile::tempdir().unwrap();
    let folder = root.path().join("Sync");
    std::fs::create_dir(&folder).unwrap();
    let laptop = Computer::new(root.path(), "laptop", "the folder's passphrase");
    laptop.ok(&[
        "sync",
        "attach",
        folder.to_str().unwrap(),
        "--device",
        "laptop",
    ]);
    let before = files_under(&folder);

    let other = Computer::new(root.path(), "other", "not the same passphrase");
    let out = other.run(&["sync", "attach", folder.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("that passphrase does not open it, so nothing was changed"),
        "{}",
        stderr(&out)
    );
    assert_eq!(files_under(&folder), before, "the folder is as it was");
    assert!(!other.journal.join("sync").exists());
    assert_eq!(
        other.ok(&["sync", "status"]),
        "This journal is not attached to a sync folder.\n"
    );
    let out = other.run(&["sync", "now"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("not attached to a sync folder"),
        "{}",
        stderr(&out)
    );

    let plain = root.path().join("plain");
    let out = keel_env(&plain, &["sync", "attach", folder.to_str().unwrap()], &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("needs a passphrase"),
        "{}",
        stderr(&out)
    );
    assert_eq!(files_under(&folder), before);

    // While it syncs, the laptop's journal keeps its passphrase; detached, the pages stay.
    let out = laptop.run(&["passphrase", "remove"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("Detach the sync folder first"),
        "{}",
        stderr(&out)
    );
    let detached = laptop.ok(&["sync", "detach"]);
    assert!(detached.starts_with("Detached from "), "{detached}");
    assert_eq!(laptop.page("2026-11-02")["role"], "First page on laptop.");
    let status: Value = serde_json::from_str(&laptop.ok(&["sync", "status", "--json"])).unwrap();
    assert_eq!(status, serde_json::json!({ "attached": false }));
    assert!(
        files_under(&folder).len() >= before.len(),
        "the folder's files stay"
    );
    // Detached, the passphrase can go (the store's sync marks convert with the rest).
    laptop.ok(&["add", "--date", "2026-12-02", "--self", "After the detach."]);
    assert!(laptop
        .ok(&["passphrase", "remove"])
        .contains("no longer encrypted"));
    let out = keel_env(&laptop.journal, &["show", "2026-12-02"], &[]);
    assert_ok(&out);
    assert!(stdout(&out).contains("After the detach."));
}
