//! Showing a reminder as the desktop shows notifications: `org.freedesktop.Notifications` on the
//! session bus (the Desktop Notifications Specification), with actions, and waiting for the
//! person's answer.
//!
//! Through zbus directly rather than notify-rust (ARCHITECTURE.md): the answer's signals are
//! subscribed to *before* the notification is sent, so an answer given at once is not missed,
//! and a bus that fails is an error here, not a panic in a helper thread.

use std::collections::HashMap;
use std::sync::mpsc;
use std::time::Duration;

use zbus::blocking::{Connection, MessageIterator};
use zbus::zvariant::Value;
use zbus::MatchRule;

use super::{Notice, Reply};
use crate::error::{KeelError, Result};

const SERVICE: &str = "org.freedesktop.Notifications";
const PATH: &str = "/org/freedesktop/Notifications";
const INTERFACE: &str = "org.freedesktop.Notifications";
/// The name the desktop shows for the sender, and the icon the packages install.
const APP_NAME: &str = "Keel";
const ICON: &str = "keel-desktop";

fn failed(e: impl std::fmt::Display) -> KeelError {
    KeelError::Notify {
        detail: e.to_string(),
    }
}

/// A notification on screen, whose answer can be waited for.
pub struct Shown {
    pub id: u32,
    answers: mpsc::Receiver<Reply>,
}

/// Shows `notice` on the session bus's notification server.
pub fn show(notice: &Notice) -> Result<Shown> {
    let connection = Connection::session().map_err(failed)?;
    // Subscribe first: an answer may come the instant the server has the notification.
    let rule = MatchRule::builder()
        .msg_type(zbus::message::Type::Signal)
        .interface(INTERFACE)
        .map_err(failed)?
        .path(PATH)
        .map_err(failed)?
        .build();
    let signals = MessageIterator::for_match_rule(rule, &connection, Some(16)).map_err(failed)?;
    let actions: Vec<&str> = notice
        .actions
        .iter()
        .flat_map(|(id, label)| [*id, label.as_str()])
        .collect();
    let mut hints: HashMap<&str, Value<'_>> = HashMap::new();
    hints.insert("category", Value::from("im"));
    hints.insert("urgency", Value::from(1u8));
    let reply = connection
        .call_method(
            Some(SERVICE),
            PATH,
            Some(INTERFACE),
            "Notify",
            &(
                APP_NAME,
                0u32,
                ICON,
                notice.summary.as_str(),
                notice.body.as_str(),
                actions,
                hints,
                -1i32,
            ),
        )
        .map_err(failed)?;
    let id: u32 = reply.body().deserialize().map_err(failed)?;
    let (tx, answers) = mpsc::channel();
    std::thread::Builder::new()
        .name("keel-notice".into())
        .spawn(move || {
            let _connection = connection;
            for message in signals {
                let Ok(message) = message else { break };
                let header = message.header();
                let member = header.member().map(|m| m.as_str().to_owned());
                let reply = match member.as_deref() {
                    Some("ActionInvoked") => match message.body().deserialize::<(u32, String)>() {
                        Ok((of, action)) if of == id => Reply::of_action(&action),
                        _ => continue,
                    },
                    Some("NotificationClosed") => {
                        match message.body().deserialize::<(u32, u32)>() {
                            Ok((of, _reason)) if of == id => Reply::Dismissed,
                            _ => continue,
                        }
                    }
                    _ => continue,
                };
                let _ = tx.send(reply);
                break;
            }
        })
        .map_err(failed)?;
    Ok(Shown { id, answers })
}

impl Shown {
    /// The person's answer, or `Reply::Dismissed` when none comes within `timeout`.
    pub fn wait(&self, timeout: Duration) -> Reply {
        self.answers
            .recv_timeout(timeout)
            .unwrap_or(Reply::Dismissed)
    }
}
