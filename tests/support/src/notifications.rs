//! A private D-Bus session bus (`dbus-daemon --session`, what `dbus-run-session` starts) with
//! a recording notification server on it (`org.freedesktop.Notifications`, written with zbus):
//! what Keel's reminders send is recorded, and the test answers as a person would, by invoking
//! one of a notification's actions. Both end when the `Bus` is dropped.

use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::sync::Mutex;
use std::time::Duration;

use zbus::zvariant::OwnedValue;

const PATH: &str = "/org/freedesktop/Notifications";
const IFACE: &str = "org.freedesktop.Notifications";

/// One call of `Notify`, as the server received it.
#[derive(Debug, Clone)]
pub struct Call {
    pub id: u32,
    pub app_name: String,
    pub summary: String,
    pub body: String,
    pub actions: Vec<String>,
}

struct Recorder {
    calls: Mutex<mpsc::Sender<Call>>,
    next: Mutex<u32>,
}

#[zbus::interface(name = "org.freedesktop.Notifications")]
impl Recorder {
    #[allow(clippy::too_many_arguments)]
    fn notify(
        &self,
        app_name: String,
        _replaces_id: u32,
        _app_icon: String,
        summary: String,
        body: String,
        actions: Vec<String>,
        _hints: HashMap<String, OwnedValue>,
        _expire_timeout: i32,
    ) -> u32 {
        let mut next = self.next.lock().unwrap();
        *next += 1;
        let call = Call {
            id: *next,
            app_name,
            summary,
            body,
            actions,
        };
        let _ = self.calls.lock().unwrap().send(call);
        *next
    }

    fn get_capabilities(&self) -> Vec<String> {
        vec!["actions".into(), "body".into()]
    }

    fn get_server_information(&self) -> (String, String, String, String) {
        (
            "keel-test-recorder".into(),
            "keel".into(),
            "1".into(),
            "1.2".into(),
        )
    }

    fn close_notification(&self, _id: u32) {}
}

/// A private session bus with the recording server on it; both end when this is dropped.
pub struct Bus {
    daemon: Child,
    /// The bus's address, for `DBUS_SESSION_BUS_ADDRESS`.
    pub address: String,
    server: zbus::blocking::Connection,
    calls: mpsc::Receiver<Call>,
}

impl Bus {
    /// Starts the bus and the server on it.
    pub fn start() -> Bus {
        let mut daemon = Command::new("dbus-daemon")
            .args(["--session", "--nofork", "--print-address=1"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("dbus-daemon runs (Debian's dbus package; make test installs it)");
        let mut address = String::new();
        BufReader::new(daemon.stdout.take().unwrap())
            .read_line(&mut address)
            .unwrap();
        let address = address.trim().to_owned();
        let (tx, calls) = mpsc::channel();
        let server = zbus::blocking::connection::Builder::address(address.as_str())
            .unwrap()
            .name("org.freedesktop.Notifications")
            .unwrap()
            .serve_at(
                PATH,
                Recorder {
                    calls: Mutex::new(tx),
                    next: Mutex::new(0),
                },
            )
            .unwrap()
            .build()
            .expect("the recording server takes the notifications name");
        Bus {
            daemon,
            address,
            server,
            calls,
        }
    }

    /// True when nothing more was shown.
    pub fn no_more_calls(&self) -> bool {
        self.calls.try_recv().is_err()
    }

    /// The next notification shown (a minute is plenty; a hang would be a failure, not a wait).
    pub fn next_call(&self) -> Call {
        self.calls
            .recv_timeout(Duration::from_secs(60))
            .expect("keel remind sent a notification")
    }

    /// The person clicks the action `action` on notification `id`.
    pub fn invoke(&self, id: u32, action: &str) {
        self.server
            .emit_signal(None::<&str>, PATH, IFACE, "ActionInvoked", &(id, action))
            .unwrap();
        self.server
            .emit_signal(None::<&str>, PATH, IFACE, "NotificationClosed", &(id, 2u32))
            .unwrap();
    }
}

impl Drop for Bus {
    fn drop(&mut self) {
        let _ = self.daemon.kill();
        let _ = self.daemon.wait();
    }
}
