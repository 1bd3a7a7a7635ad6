//! Integration tests of the core through the built `keel` binary, compiled as one test binary.
//!
//! Index:
//! - `architecture`: the core's modules form no cycle; nothing outside the store names sled.
//! - `cli`: add, show (plain, --json, --html), render, edits that keep other fields, refusals
//!   with their exit codes, stdin, the journal location rules, a second process refused.
//! - `corruption`: bytes flipped or cut off across the store's files are reported with the
//!   newest backup offered (never a panic, a hang or a silently different journal), and the
//!   backup restores every entry.
//! - `full_disk`: saves on a full tmpfs fail cleanly and succeed again once space returns.
//! - `remind`: `keel remind` against a real session bus and a recording notification server
//!   (the actions arrive; "Done for today" keeps the boundary; "Still working"; a snooze), and
//!   the background timer's units through `systemd-analyze verify`.
//! - `syncthing`: two real Syncthing instances on loopback carrying two journals' sync folders
//!   (issue 22): a day crosses both ways, a day edited on both at once keeps both texts.
//!
//! The crash test lives apart in `tests/crash.rs` (it re-executes itself as the writer child,
//! so it has its own `main`).

mod architecture;
mod cli;
mod corruption;
mod full_disk;
mod remind;
mod syncthing;
