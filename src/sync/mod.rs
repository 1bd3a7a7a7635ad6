//! Sync through a folder the person already syncs (issue 22): no server, no live store in the
//! folder, no word lost. This is the engine, free of the journal's records: devices write their
//! edits as immutable, sealed change files in their own folder (`folder`), every field's
//! versions form a graph that resolves the same on every device whatever order the files come
//! in (`history`: last writer wins per value, three-way merge per text, conflicts kept in the
//! text naming the devices, deletes as tombstones), ordered by hybrid logical clocks (`hlc`);
//! `replica` is one device's side and its exchange with the folder, where snapshots keep the
//! folder bounded and let a new device join without replaying every file. The model test
//! (`tests.rs`) drives three devices through thousands of random edits and deliveries.
//!
//! `records` maps the journal's records to their fields and back (days, weeks, settings,
//! values, events, the prompt library's edits); `journal` ties a journal to its folder: attach, exchange, status, detach,
//! with each save taken as a change after it is acknowledged (`store::sync_marks`); the app's
//! shell decides when to exchange (its `sync.rs`).

pub mod folder;
pub mod history;
pub mod hlc;
pub mod journal;
pub mod records;
pub mod replica;

#[cfg(test)]
mod tests;

pub use history::{Change, DeviceId, History, Kind, Resolved, Value, VersionId};
pub use hlc::{Clock, Hlc};
pub use replica::{Replica, Report};
