//! Sync through a real file-sync tool (issue 22): two Syncthing instances (Debian's
//! `syncthing`, installed by the setup script) on loopback only (no global or local
//! discovery, no relays, no NAT traversal, no usage or crash reports, static `127.0.0.1`
//! addresses), each syncing one computer's copy of the folder, and two journals attached to
//! those copies with `keel sync`: a day written on one appears on the other, and the same day
//! edited on both at once keeps both texts, on both computers alike. Syncthing's temporary
//! files and timing are the real ones.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

use super::cli::sync::Computer;
use super::cli::{assert_ok, readable_anywhere, stdout};

/// How long one file may take to cross from one copy of the folder to the other.
const CROSSING: Duration = Duration::from_secs(90);

/// One computer: a journal (the CLI tests' `Computer`) and its copy of the sync folder.
struct Peer {
    computer: Computer,
    folder: PathBuf,
}

impl std::ops::Deref for Peer {
    type Target = Computer;
    fn deref(&self) -> &Computer {
        &self.computer
    }
}

impl Peer {
    /// The page of `date`, or null while there is none (it may not have crossed yet).
    fn page(&self, date: &str) -> Value {
        let out = self.run(&["show", date, "--json"]);
        if !out.status.success() && String::from_utf8_lossy(&out.stderr).contains("no page") {
            return Value::Null;
        }
        assert_ok(&out);
        serde_json::from_str(&stdout(&out)).unwrap()
    }

    /// Exchanges until `done` holds for the page of `date` (the other computer's files take a
    /// moment to cross), or fails after `CROSSING`.
    fn exchange_until(&self, what: &str, date: &str, done: impl Fn(&Value) -> bool) -> Value {
        let deadline = Instant::now() + CROSSING;
        loop {
            self.ok(&["sync", "now"]);
            let page = self.page(date);
            if done(&page) {
                return page;
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {what}; the page now: {page}"
            );
            std::thread::sleep(Duration::from_millis(500));
        }
    }
}

/// A Syncthing instance, stopped when dropped.
struct Syncthing {
    child: Child,
    home: PathBuf,
}

impl Drop for Syncthing {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Syncthing {
    fn log(&self) -> String {
        std::fs::read_to_string(self.home.join("syncthing.log")).unwrap_or_default()
    }
}

fn syncthing_binary() -> PathBuf {
    let bin = PathBuf::from("/usr/bin/syncthing");
    assert!(
        bin.exists(),
        "Syncthing is missing: install Debian's package syncthing (the README's test command does)"
    );
    bin
}

fn free_port() -> u16 {
    std::net::TcpListener::bind(("127.0.0.1", 0))
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A new key and certificate in `home`; the device id they make.
fn generate(home: &Path) -> String {
    let out = Command::new(syncthing_binary())
        .args(["generate", "--no-default-folder", "--skip-port-probing"])
        .arg(format!("--home={}", home.display()))
        .env("STNOUPGRADE", "1")
        .output()
        .unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "syncthing generate failed: {text}");
    text.lines()
        .find_map(|l| l.split("Device ID: ").nth(1))
        .map(|id| id.trim().to_owned())
        .unwrap_or_else(|| panic!("no device id in: {text}"))
}

/// The configuration of one instance: the one shared folder, both devices at their static
/// loopback addresses, and everything that would reach past loopback turned off.
fn config(folder: &Path, me: (&str, u16), peer: (&str, u16)) -> String {
    let device = |id: &str, port: u16| {
        format!(
            r#"    <device id="{id}" name="{id}" compression="metadata" introducer="false">
        <address>tcp://127.0.0.1:{port}</address>
        <autoAcceptFolders>false</autoAcceptFolders>
    </device>
"#
        )
    };
    format!(
        r#"<configuration version="36">
    <folder id="keel-journal" label="Keel" path="{path}" type="sendreceive" rescanIntervalS="10" fsWatcherEnabled="true" fsWatcherDelayS="1" ignorePerms="false" autoNormalize="true">
        <filesystemType>basic</filesystemType>
        <device id="{me_id}"></device>
        <device id="{peer_id}"></device>
        <minDiskFree unit="%">0</minDiskFree>
    </folder>
{me_device}{peer_device}    <gui enabled="false" tls="false">
        <address>127.0.0.1:0</address>
    </gui>
    <options>
        <listenAddress>tcp://127.0.0.1:{me_port}</listenAddress>
        <globalAnnounceServer></globalAnnounceServer>
        <globalAnnounceEnabled>false</globalAnnounceEnabled>
        <localAnnounceEnabled>false</localAnnounceEnabled>
        <relaysEnabled>false</relaysEnabled>
        <natEnabled>false</natEnabled>
        <reconnectionIntervalS>1</reconnectionIntervalS>
        <startBrowser>false</startBrowser>
        <urAccepted>-1</urAccepted>
        <urSeen>3</urSeen>
        <autoUpgradeIntervalH>0</autoUpgradeIntervalH>
        <crashReportingEnabled>false</crashReportingEnabled>
        <stunKeepaliveStartS>0</stunKeepaliveStartS>
        <stunKeepaliveMinS>0</stunKeepaliveMinS>
        <stunServer></stunServer>
        <announceLANAddresses>false</announceLANAddresses>
        <setLowPriority>false</setLowPriority>
    </options>
</configuration>
"#,
        path = folder.display(),
        me_id = me.0,
        peer_id = peer.0,
        me_port = me.1,
        me_device = device(me.0, me.1),
        peer_device = device(peer.0, peer.1),
    )
}

fn start(home: &Path) -> Syncthing {
    let child = Command::new(syncthing_binary())
        .args(["serve", "--no-browser", "--no-restart", "--no-upgrade"])
        .arg(format!("--home={}", home.display()))
        .arg(format!(
            "--logfile={}",
            home.join("syncthing.log").display()
        ))
        .env("STNOUPGRADE", "1")
        .env("STNODEFAULTFOLDER", "1")
        .env("HOME", home)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("syncthing starts");
    Syncthing {
        child,
        home: home.to_owned(),
    }
}

/// Waits for `path` to exist (a file crossing from the other copy of the folder).
fn wait_for_file(path: &Path, tools: &[&Syncthing]) {
    let deadline = Instant::now() + CROSSING;
    while !path.exists() {
        if Instant::now() > deadline {
            let logs: Vec<String> = tools.iter().map(|t| t.log()).collect();
            panic!(
                "{} never arrived; Syncthing's logs:\n{}",
                path.display(),
                logs.join("\n-----\n")
            );
        }
        std::thread::sleep(Duration::from_millis(200));
    }
}

#[test]
fn two_syncthing_peers_carry_a_day_across_and_keep_both_texts_of_a_day_edited_on_both() {
    let root = tempfile::tempdir().unwrap();
    let passphrase = root.path().join("passphrase");
    std::fs::write(&passphrase, "a shared passphrase\n").unwrap();
    let computer = |name: &str| -> Peer {
        let folder = root.path().join(format!("{name}-Sync"));
        // Syncthing's marker: the folder is there and meant to be synced.
        std::fs::create_dir_all(folder.join(".stfolder")).unwrap();
        Peer {
            computer: Computer {
                journal: root.path().join(format!("{name}-journal")),
                passphrase: passphrase.clone(),
            },
            folder,
        }
    };
    let (laptop, home) = (computer("laptop"), computer("home"));
    let (laptop_st, home_st) = (root.path().join("laptop-st"), root.path().join("home-st"));
    let (laptop_id, home_id) = (generate(&laptop_st), generate(&home_st));
    let (laptop_port, home_port) = (free_port(), free_port());
    std::fs::write(
        laptop_st.join("config.xml"),
        config(
            &laptop.folder,
            (&laptop_id, laptop_port),
            (&home_id, home_port),
        ),
    )
    .unwrap();
    std::fs::write(
        home_st.join("config.xml"),
        config(
            &home.folder,
            (&home_id, home_port),
            (&laptop_id, laptop_port),
        ),
    )
    .unwrap();
    let tools = [start(&laptop_st), start(&home_st)];
    let tools: Vec<&Syncthing> = tools.iter().collect();

    // The laptop starts the sync folder with a page of its own; once Syncthing has carried
    // the folder's key across, home joins with the same passphrase.
    laptop.ok(&[
        "add",
        "--date",
        "2026-11-30",
        "--role",
        "Quarterly numbers with the zebracorn team.",
    ]);
    laptop.ok(&["passphrase", "set"]);
    home.ok(&[
        "add",
        "--date",
        "2026-11-29",
        "--self",
        "Sunday: the long walk.",
    ]);
    home.ok(&["passphrase", "set"]);
    laptop.ok(&[
        "sync",
        "attach",
        laptop.folder.to_str().unwrap(),
        "--device",
        "work laptop",
    ]);
    wait_for_file(&home.folder.join("keel-sync/key.json"), &tools);
    home.ok(&[
        "sync",
        "attach",
        home.folder.to_str().unwrap(),
        "--device",
        "home desktop",
    ]);

    // A day written on one appears on the other, both ways.
    home.exchange_until("the laptop's page at home", "2026-11-30", |p| {
        p["role"] == "Quarterly numbers with the zebracorn team."
    });
    laptop.exchange_until("home's page on the laptop", "2026-11-29", |p| {
        p["self"] == "Sunday: the long walk."
    });

    // The same day edited on both at once, before either saw the other's edit.
    laptop.ok(&[
        "add",
        "--date",
        "2026-12-01",
        "--self",
        "Laptop: ran along the river after the review.",
    ]);
    home.ok(&[
        "add",
        "--date",
        "2026-12-01",
        "--self",
        "Home: cooked dinner with Ana.",
    ]);
    laptop.ok(&["sync", "now"]);
    home.ok(&["sync", "now"]);
    let both = |p: &Value| {
        let text = p["self"].as_str().unwrap_or("");
        text.contains("Laptop: ran along the river after the review.")
            && text.contains("Home: cooked dinner with Ana.")
    };
    // Once home holds both texts it holds every version of that side: the laptop, given the
    // same versions, comes to the very same page.
    let at_home = home.exchange_until("both texts at home", "2026-12-01", both);
    laptop.exchange_until("the same page on the laptop", "2026-12-01", |p| {
        p["self"] == at_home["self"]
    });
    let text = at_home["self"].as_str().unwrap();
    assert!(
        text.contains("**work laptop:**") && text.contains("**home desktop:**"),
        "{text}"
    );
    let status: Value = serde_json::from_str(&home.ok(&["sync", "status", "--json"])).unwrap();
    assert_eq!(
        status["conflicts"],
        serde_json::json!(["2026-12-01"]),
        "{status}"
    );

    if std::env::var_os("KEEL_SHOW_SYNCTHING_LOG").is_some() {
        eprintln!("{}", tools[0].log());
    }
    // Nothing in either copy of the folder can be read: no word of any page in the clear.
    for folder in [&laptop.folder, &home.folder] {
        for word in [
            "zebracorn",
            "Quarterly",
            "river",
            "dinner",
            "Sunday",
            "walk",
        ] {
            let found = readable_anywhere(folder, word);
            assert!(found.is_empty(), "{word:?} is readable in {found:?}");
        }
    }
}
