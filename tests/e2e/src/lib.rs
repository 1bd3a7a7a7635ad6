//! The end-to-end harness: launches the real `keel-desktop` binary through tauri-driver and
//! WebKitWebDriver, on the X display the caller provides (the README's test command runs the
//! suite under `xvfb-run`), and drives it as a person would: clicks, typing, keys.
//!
//! Missing prerequisites are failures with a message saying what to install, never skips: a
//! test that passes without a display or a driver asserts nothing.
//!
//! One app at a time: each test takes `Harness::lock()` so tests in one binary run one after
//! another even when libtest runs them on several threads.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};

static ONE_APP_AT_A_TIME: Mutex<()> = Mutex::new(());

/// Serializes the tests of a binary; a test that panicked does not poison the others.
pub fn lock() -> MutexGuard<'static, ()> {
    ONE_APP_AT_A_TIME.lock().unwrap_or_else(|p| p.into_inner())
}

/// The built desktop binary: `KEEL_DESKTOP_BIN`, else `$CARGO_TARGET_DIR/debug/keel-desktop`,
/// else the workspace's `target/debug/keel-desktop`.
pub fn app_binary() -> PathBuf {
    if let Some(bin) = std::env::var_os("KEEL_DESKTOP_BIN") {
        return PathBuf::from(bin);
    }
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target"));
    let bin = target.join("debug").join("keel-desktop");
    assert!(
        bin.exists(),
        "the desktop app is not built at {}: run `cargo build -p keel-desktop` (the README's test command does)",
        bin.display()
    );
    bin.canonicalize().unwrap()
}

/// The `keel` command line built beside the desktop binary (the same `cargo build`).
pub fn cli_binary() -> PathBuf {
    let bin = app_binary().with_file_name("keel");
    assert!(
        bin.exists(),
        "the command line is not built at {}: run `cargo build --workspace` (the README's test command does)",
        bin.display()
    );
    bin
}

fn tauri_driver() -> PathBuf {
    let candidates = std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).collect::<Vec<_>>())
        .unwrap_or_default()
        .into_iter()
        .chain(std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo/bin")));
    for dir in candidates {
        let path = dir.join("tauri-driver");
        if path.exists() {
            return path;
        }
    }
    panic!("tauri-driver is not installed: run `cargo install tauri-driver --locked` (the README's test command does)");
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// tauri-driver, stopped with SIGTERM on drop so that it ends WebKitWebDriver (and the app).
struct Driver {
    child: Child,
    app: PathBuf,
}

impl Drop for Driver {
    fn drop(&mut self) {
        self.stop();
        self.end_orphans();
    }
}

impl Driver {
    fn stop(&mut self) {
        let _ = Command::new("kill")
            .arg("-TERM")
            .arg(self.child.id().to_string())
            .status();
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// Ends the app if it outlived the driver (a test that failed before `quit`); tests run one
    /// app at a time, so only this test's app matches.
    fn end_orphans(&self) {
        let _ = Command::new("pkill")
            .arg("-KILL")
            .arg("-f")
            .arg(&self.app)
            .status();
    }
}

/// One running app, driven over WebDriver.
pub struct App {
    pub client: Client,
    _driver: Driver,
}

impl App {
    /// Launches the app on the journal in `journal_dir` and waits for its page to be ready.
    pub async fn launch(journal_dir: &Path) -> App {
        App::launch_with(journal_dir, &[]).await
    }

    /// Launches the app with `env` set as well (a scratch `XDG_CONFIG_HOME`, a private
    /// `DBUS_SESSION_BUS_ADDRESS`): tauri-driver and WebKitWebDriver pass their environment on.
    pub async fn launch_with(journal_dir: &Path, env: &[(&str, &std::ffi::OsStr)]) -> App {
        assert!(
            std::env::var_os("DISPLAY").is_some(),
            "no X display: run the end-to-end tests under Xvfb (`xvfb-run -a cargo test`; the README's test command does)"
        );
        assert!(
            Path::new("/usr/bin/WebKitWebDriver").exists() || which("WebKitWebDriver"),
            "WebKitWebDriver is missing: install the Debian package webkit2gtk-driver"
        );
        let port = free_port();
        let native_port = free_port();
        let mut cmd = Command::new(tauri_driver());
        // English unless a test asks for another language (`env` comes after).
        keel_test_support::in_locale(&mut cmd, "C.UTF-8");
        let child = cmd
            .args([
                "--port",
                &port.to_string(),
                "--native-port",
                &native_port.to_string(),
            ])
            .env("KEEL_JOURNAL", journal_dir)
            .envs(env.iter().copied())
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("tauri-driver starts");
        let driver = Driver {
            child,
            app: app_binary(),
        };
        let deadline = Instant::now() + Duration::from_secs(20);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                Instant::now() < deadline,
                "tauri-driver did not listen on port {port}"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let mut caps = serde_json::Map::new();
        caps.insert("browserName".into(), json!("wry"));
        caps.insert(
            "tauri:options".into(),
            json!({ "application": app_binary().to_string_lossy() }),
        );
        let client = ClientBuilder::native()
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
            .expect("a WebDriver session with the app");
        let app = App {
            client,
            _driver: driver,
        };
        app.wait_for("the page to start", "return document.body.dataset.ready === 'true' || !!document.querySelector('[data-testid=fatal]')")
            .await;
        app
    }

    /// Ends the session, which closes the app, then waits until the journal's lock is free.
    pub async fn quit(self, journal_dir: &Path) {
        let App { client, _driver } = self;
        let _ = client.close().await;
        drop(_driver);
        wait_for_unlock(journal_dir).await;
    }

    /// Runs `script` (a function body) and returns its value.
    pub async fn js(&self, script: &str) -> Value {
        self.client
            .execute(script, vec![])
            .await
            .unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
    }

    /// Waits up to 15 s for `script` to return true.
    pub async fn wait_for(&self, what: &str, script: &str) {
        self.wait_for_within(what, script, Duration::from_secs(15))
            .await;
    }

    /// Waits up to `limit` for `script` to return true.
    pub async fn wait_for_within(&self, what: &str, script: &str, limit: Duration) {
        let deadline = Instant::now() + limit;
        loop {
            if self.client.execute(script, vec![]).await.ok() == Some(Value::Bool(true)) {
                return;
            }
            if Instant::now() > deadline {
                let status = self.status().await;
                panic!("timed out waiting for {what} (status line: {status:?})");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// The element with `data-testid` = `id`, once it exists.
    pub async fn by_testid(&self, id: &str) -> Element {
        self.client
            .wait()
            .at_most(Duration::from_secs(15))
            .for_element(Locator::Css(&format!("[data-testid=\"{id}\"]")))
            .await
            .unwrap_or_else(|e| panic!("no element [data-testid={id}]: {e}"))
    }

    /// Clicks the element with `data-testid` = `id`.
    pub async fn click(&self, id: &str) {
        self.by_testid(id)
            .await
            .click()
            .await
            .unwrap_or_else(|e| panic!("click {id}: {e}"));
    }

    /// Types `text` into the element with `data-testid` = `id` (newlines as Enter presses,
    /// since WebKitWebDriver drops "\n" in typed text).
    pub async fn type_into(&self, id: &str, text: &str) {
        let element = self.by_testid(id).await;
        element.click().await.unwrap();
        for (i, line) in text.split('\n').enumerate() {
            if i > 0 {
                send_keys(
                    &element,
                    &char::from(fantoccini::key::Key::Enter).to_string(),
                )
                .await;
            }
            if !line.is_empty() {
                send_keys(&element, line).await;
            }
        }
    }

    /// Sets an editor's whole text at once, as a paste would, and lets the page know.
    /// `expression` is JavaScript evaluated with `e` bound to the editor.
    pub async fn paste_into(&self, id: &str, expression: &str) {
        self.js(&format!(
            "const e = document.querySelector('[data-testid={id}]');
             e.value = {expression};
             e.dispatchEvent(new Event('input', {{ bubbles: true }}));"
        ))
        .await;
    }

    /// Presses Ctrl+`key` in the focused element.
    /// Sends `keys` (text, or WebDriver's key characters) to the element that has the focus,
    /// as a person at the keyboard does.
    pub async fn keys(&self, keys: &str) {
        let active = self.client.active_element().await.unwrap();
        send_keys(&active, keys).await;
    }

    /// Presses `keys` on the keyboard (WebDriver's Actions: each key down, then all up in
    /// reverse), to whatever has the focus, without focusing an element first as "send keys"
    /// does: Tab moves on from a date field's inner parts as it does for a person.
    pub async fn press(&self, keys: &[char]) {
        use fantoccini::actions::{InputSource, KeyAction, KeyActions};
        let mut actions = KeyActions::new("keyboard".into());
        for &value in keys {
            actions = actions.then(KeyAction::Down { value });
        }
        for &value in keys.iter().rev() {
            actions = actions.then(KeyAction::Up { value });
        }
        self.client
            .perform_actions(actions)
            .await
            .expect("the keys are pressed");
    }

    /// Sets the form control `testid` to `value` and tells the page, as choosing it in its
    /// picker would (a `change` that bubbles).
    pub async fn choose(&self, testid: &str, value: &str) {
        self.js(&format!(
            "const s = document.querySelector('[data-testid={testid}]'); s.value = '{value}'; s.dispatchEvent(new Event('change', {{ bubbles: true }}));"
        ))
        .await;
    }

    pub async fn ctrl(&self, key: &str) {
        let active = self.client.active_element().await.unwrap();
        let control = char::from(fantoccini::key::Key::Control);
        let null = char::from(fantoccini::key::Key::Null);
        send_keys(&active, &format!("{control}{key}{null}")).await;
    }

    /// The save status line's state and text.
    pub async fn status(&self) -> (String, String) {
        let v = self
            .client
            .execute(
                "const s = document.getElementById('save-status'); return s ? [s.dataset.state, s.textContent] : ['', ''];",
                vec![],
            )
            .await
            .unwrap_or(json!(["", ""]));
        (
            v[0].as_str().unwrap_or("").to_owned(),
            v[1].as_str().unwrap_or("").to_owned(),
        )
    }

    /// Waits until the status line says saved.
    pub async fn wait_saved(&self) {
        self.wait_for(
            "\"Saved\"",
            "return document.getElementById('save-status').dataset.state === 'saved'",
        )
        .await;
    }

    /// Waits until the status line says a save failed.
    pub async fn wait_save_error(&self) {
        self.wait_for(
            "a save error",
            "return document.getElementById('save-status').dataset.state === 'error'",
        )
        .await;
    }

    /// Waits for the lock screen of an encrypted journal.
    pub async fn wait_for_lock_screen(&self) {
        self.wait_for(
            "the lock screen",
            "return !!document.querySelector('[data-testid=lock-screen]')",
        )
        .await;
    }

    /// At the lock screen: types `passphrase` and presses Unlock.
    pub async fn unlock_with(&self, passphrase: &str) {
        self.wait_for_lock_screen().await;
        self.type_into("lock-passphrase", passphrase).await;
        self.click("lock-unlock").await;
    }

    /// Opens `#/day/DATE` and waits until the page shows that date.
    pub async fn open_day(&self, date: &str) {
        self.js(&format!("location.hash = '#/day/{date}'")).await;
        self.wait_for_day(date).await;
    }

    /// Waits until the page shows `date`.
    pub async fn wait_for_day(&self, date: &str) {
        self.wait_for(
            &format!("the page of {date}"),
            &format!("const t = document.querySelector('[data-testid=day-title]'); return !!t && t.dataset.date === '{date}'"),
        )
        .await;
    }

    /// Saves a screenshot under `target/e2e-screenshots/NAME.png` and returns its path.
    pub async fn screenshot(&self, name: &str) -> PathBuf {
        let png = self.client.screenshot().await.expect("a screenshot");
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/e2e-screenshots");
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(format!("{name}.png"));
        std::fs::write(&path, png).unwrap();
        path
    }
}

fn which(name: &str) -> bool {
    std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).any(|d| d.join(name).exists()))
        .unwrap_or(false)
}

/// Waits until no process holds the journal's lock (the app has exited).
pub async fn wait_for_unlock(journal_dir: &Path) {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        match keel::Journal::open(journal_dir) {
            // An encrypted journal answers `Locked` only once its lock was free.
            Ok(_) | Err(keel::KeelError::Locked { .. }) => return,
            Err(keel::KeelError::JournalLocked { .. }) if Instant::now() < deadline => {
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            Err(e) => panic!("the journal did not come free after the app quit: {e}"),
        }
    }
}

/// `days` days up to `today`, each with a line on the role side ("Day 3 of the role.") and a
/// full check-in that varies by day (every third day the boundary broke): enough for the
/// trends to draw and for a search to find.
pub fn fill_check_ins(journal: &Path, today: chrono::NaiveDate, days: u64) {
    use keel::{Boundary, CheckIn, DayEntry, Journal};
    let j = Journal::open(journal).unwrap();
    let now = chrono::Local::now().fixed_offset();
    for i in 0..days {
        let mut d = DayEntry::new(today - chrono::Days::new(i), now);
        d.role = format!("Day {i} of the role.");
        d.check_in = CheckIn {
            stress: Some((i * 7 % 10 + 1) as u8),
            resilience: Some((i * 3 % 10 + 1) as u8),
            overlap: Some((i % 7 + 1) as u8),
            boundary: Some(if i % 3 == 0 {
                Boundary::Broken
            } else {
                Boundary::Kept
            }),
            after_hours_minutes: None,
        };
        j.put_day(&d).unwrap();
    }
}

/// Runs one end-to-end test body with a fresh journal folder whose first-run welcome is behind
/// it (the person chose to skip it), one app at a time: the tests of the pages start where a
/// returning person starts, on today's page.
pub fn run<F, Fut>(body: F)
where
    F: FnOnce(PathBuf) -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    run_in(body, true)
}

/// Like `run`, with a journal that has never been opened: the app offers the welcome.
pub fn run_new<F, Fut>(body: F)
where
    F: FnOnce(PathBuf) -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    run_in(body, false)
}

fn run_in<F, Fut>(body: F, welcomed: bool)
where
    F: FnOnce(PathBuf) -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    let _one_at_a_time = lock();
    let dir = tempfile::tempdir().unwrap();
    if welcomed {
        keel::Journal::open(dir.path())
            .and_then(|j| j.mark_welcomed())
            .expect("a fresh journal takes the welcome's mark");
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(body(dir.path().to_owned()));
}

/// Sends `keys` to `element`. WebKitWebDriver first asks the page whether the element is a file
/// input, and under load that question sometimes comes back unreadable ("Could not parse element
/// file upload information"): nothing has been typed then (the keys are sent only after the
/// answer), so the same keys are sent again, at most three times in all. Any other error fails.
async fn send_keys(element: &Element, keys: &str) {
    for attempt in 1..=3 {
        match element.send_keys(keys).await {
            Ok(()) => return,
            Err(fantoccini::error::CmdError::Standard(e))
                if attempt < 3 && e.message.contains("element file upload information") =>
            {
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
            Err(e) => panic!("typing {keys:?}: {e}"),
        }
    }
}
