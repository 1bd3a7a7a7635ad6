//! The journal's own redo log, `DIR/store/redo.log`: what makes a save durable with one
//! `fdatasync`.
//!
//! sled 0.34's `flush` makes two `sync_file_range` calls, which are not power-safe
//! (ENGINEERING-NOTES.md), so until now every write also paid an fsync of sled's `db` file:
//! three fsync-class calls a save. Now a write's changes (every insert, removal and clear it
//! made in any tree, in the order sled took them) are appended to this log as one frame and the
//! log alone is synced; sled holds the same changes in memory and reaches the disk at a
//! *checkpoint* (`Store::sync`: sled's flush, the fsync of `db`, then the log emptied): when the
//! log passes `LIMIT`, when a bulk write starts and ends (an import, a rebuild, sync's marks on
//! every record: written to sled directly, never logged), and when the store closes with more
//! than `CLOSE_LIMIT` in the log.
//!
//! A frame is `"kRdo" | len: u32 LE | crc32: u32 LE | count: u64 LE | changes`, where `count` is the
//! journal's write count after the write (`write_mark::WRITES_KEY`, the last change of every
//! write), `len` the length of `changes` and the CRC over `count` and `changes`. A change is
//! `tree: u8 | op: u8 | key_len: u32 LE | key | (value_len: u32 LE | value)`, op 1 an insert
//! (with a value), 0 a removal, 2 a clear of the whole tree (no key). The values are the bytes
//! sled stores, so an encrypted journal's log holds its records sealed, as sled does.
//!
//! At open the frames are read up to the first that is cut or damaged (a write that was never
//! acknowledged: its sync had not returned; a whole frame found after it, by its magic, means
//! the log was damaged, and unless sled holds that frame's write the journal is refused as
//! damaged), and every frame whose count is above the count sled
//! recovered is applied again, in order; the log stays as it is (those frames are still what
//! makes them durable) and later frames follow them. sled recovers a
//! prefix of what it was given (its log is read up to the first gap), so the frames at or below
//! its count are already in it and those above are not; a frame whose count is more than one
//! above sled's means sled lost writes that had been checkpointed, and the journal is reported
//! damaged, untouched. The log's format is the store's: a change to it is a schema version.

use std::cell::RefCell;
use std::fs::File;
use std::io::{Read as _, Write};
use std::ops::Deref;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use sled::transaction::{
    ConflictableTransactionError, ConflictableTransactionResult, TransactionError,
    TransactionResult, TransactionalTree, UnabortableTransactionError,
};
use sled::IVec;

use crate::error::{io, KeelError, Result};

type UnabortableTransactionResult<T> = std::result::Result<T, UnabortableTransactionError>;

/// The log's file in the store's folder.
pub(super) const FILE: &str = "redo.log";
/// Beyond this many bytes of log a write ends with a checkpoint.
pub(super) const LIMIT: u64 = 16 << 20;
/// Beyond this many bytes of log, closing the journal makes a checkpoint (below it the log is
/// left for the next open, which reads it and applies only what sled lacks: sled flushes its
/// own files when its last handle closes, so after a clean close that is nothing).
pub(super) const CLOSE_LIMIT: u64 = 1 << 20;
/// One write's changes beyond this many bytes are not held for the log: the write ends with a
/// checkpoint instead (a write that should have been a bulk one).
const PENDING_LIMIT: usize = 32 << 20;
const HEADER: usize = 20;
/// What every frame begins with: where reading can find whole frames again after damage.
const MAGIC: [u8; 4] = *b"kRdo";

const REMOVE: u8 = 0;
const INSERT: u8 = 1;
const CLEAR: u8 = 2;

/// Every tree of the store, by the number its changes carry in the log (never renumbered).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub(super) enum TreeId {
    Days = 1,
    Weeks = 2,
    Prompts = 3,
    Meta = 4,
    Events = 5,
    Imported = 6,
    SearchTerms = 7,
    SyncDirty = 8,
    SyncApplied = 9,
}

impl TreeId {
    pub(super) const ALL: [TreeId; 9] = [
        TreeId::Days,
        TreeId::Weeks,
        TreeId::Prompts,
        TreeId::Meta,
        TreeId::Events,
        TreeId::Imported,
        TreeId::SearchTerms,
        TreeId::SyncDirty,
        TreeId::SyncApplied,
    ];
}

/// The changes made since the last frame or checkpoint, as they will be logged.
#[derive(Debug, Default)]
struct Pending {
    changes: Vec<u8>,
    /// Whether changes are held for the log (off while the store opens and during a bulk
    /// write).
    logging: bool,
    /// Whether a change was made that the log does not hold: the next write ends with a
    /// checkpoint rather than a frame.
    unlogged: bool,
}

impl Pending {
    /// Whether the next change goes into the log.
    fn holds(&self) -> bool {
        self.logging && !self.unlogged
    }
}

/// What a write leaves to make durable.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Taken {
    /// Changes to append as one frame (possibly none: a write that changed only its count).
    Frame(Vec<u8>),
    /// Changes the log does not hold: only a checkpoint makes them durable.
    Checkpoint,
}

/// Collects every change made through the store's trees, shared by all of them.
#[derive(Debug, Default)]
pub(super) struct Recorder(Mutex<Pending>);

impl Recorder {
    fn pending(&self) -> std::sync::MutexGuard<'_, Pending> {
        // A poisoned lock means a thread panicked while encoding: mark it as unlogged.
        self.0.lock().unwrap_or_else(|p| {
            let mut pending = p.into_inner();
            pending.unlogged = true;
            pending
        })
    }

    fn holding(&self) -> bool {
        self.pending().holds()
    }

    fn record(&self, encode: impl FnOnce(&mut Vec<u8>)) {
        let mut pending = self.pending();
        if pending.holds() {
            encode(&mut pending.changes);
            if pending.changes.len() > PENDING_LIMIT {
                pending.changes = Vec::new();
                pending.unlogged = true;
            }
        } else {
            pending.unlogged = true;
        }
    }

    /// Turns holding changes for the log on or off.
    pub(super) fn set_logging(&self, on: bool) {
        self.pending().logging = on;
    }

    /// What the changes since the last take need to become durable; starts afresh.
    pub(super) fn take(&self) -> Taken {
        let mut pending = self.pending();
        let changes = std::mem::take(&mut pending.changes);
        if std::mem::take(&mut pending.unlogged) {
            Taken::Checkpoint
        } else {
            Taken::Frame(changes)
        }
    }

    /// Forgets what was held: a checkpoint made it durable.
    pub(super) fn forget(&self) {
        let _ = self.take();
    }

    /// Whether a change was made that the log does not hold.
    pub(super) fn has_unlogged(&self) -> bool {
        self.pending().unlogged
    }

    /// Says that a change was made that the log does not hold (a frame or a checkpoint that
    /// failed): the next write, or the close, makes a checkpoint.
    pub(super) fn mark_unlogged(&self) {
        self.pending().unlogged = true;
    }

    /// Whether every change made is in a frame or in a checkpoint.
    pub(super) fn is_clear(&self) -> bool {
        let pending = self.pending();
        !pending.unlogged && pending.changes.is_empty()
    }
}

fn put_change(out: &mut Vec<u8>, tree: TreeId, key: &[u8], value: Option<&[u8]>) {
    out.push(tree as u8);
    out.push(if value.is_some() { INSERT } else { REMOVE });
    out.extend_from_slice(&(key.len() as u32).to_le_bytes());
    out.extend_from_slice(key);
    if let Some(value) = value {
        out.extend_from_slice(&(value.len() as u32).to_le_bytes());
        out.extend_from_slice(value);
    }
}

fn put_clear(out: &mut Vec<u8>, tree: TreeId) {
    out.push(tree as u8);
    out.push(CLEAR);
}

/// One sled tree of the store, whose every change is recorded for the log. Reading goes to
/// sled's tree itself (`Deref`); writing only through the methods here (clippy.toml forbids
/// sled's own writing methods everywhere else in the store).
#[derive(Clone)]
pub(super) struct Tree {
    tree: sled::Tree,
    id: TreeId,
    recorder: std::sync::Arc<Recorder>,
}

impl Deref for Tree {
    type Target = sled::Tree;
    fn deref(&self) -> &sled::Tree {
        &self.tree
    }
}

#[allow(clippy::disallowed_methods)] // the one place that writes sled's trees for the store
impl Tree {
    pub(super) fn new(tree: sled::Tree, id: TreeId, recorder: std::sync::Arc<Recorder>) -> Tree {
        Tree { tree, id, recorder }
    }

    /// A tree of no store (for tests): its changes are recorded nowhere.
    #[cfg(test)]
    pub(super) fn detached(tree: sled::Tree) -> Tree {
        Tree::new(tree, TreeId::SearchTerms, std::sync::Arc::default())
    }

    pub(super) fn insert<K: AsRef<[u8]>, V: Into<IVec>>(
        &self,
        key: K,
        value: V,
    ) -> sled::Result<Option<IVec>> {
        let value: IVec = value.into();
        let old = self.tree.insert(key.as_ref(), value.clone())?;
        self.recorder
            .record(|out| put_change(out, self.id, key.as_ref(), Some(&value)));
        Ok(old)
    }

    pub(super) fn remove<K: AsRef<[u8]>>(&self, key: K) -> sled::Result<Option<IVec>> {
        let old = self.tree.remove(key.as_ref())?;
        if old.is_some() {
            self.recorder
                .record(|out| put_change(out, self.id, key.as_ref(), None));
        }
        Ok(old)
    }

    pub(super) fn update_and_fetch<K, V, F>(&self, key: K, f: F) -> sled::Result<Option<IVec>>
    where
        K: AsRef<[u8]>,
        F: FnMut(Option<&[u8]>) -> Option<V>,
        V: Into<IVec>,
    {
        let new = self.tree.update_and_fetch(key.as_ref(), f)?;
        self.recorder
            .record(|out| put_change(out, self.id, key.as_ref(), new.as_deref()));
        Ok(new)
    }

    pub(super) fn apply_batch(&self, batch: Batch) -> sled::Result<()> {
        let mut sled_batch = sled::Batch::default();
        for (key, value) in &batch.0 {
            match value {
                Some(value) => sled_batch.insert(key.clone(), value.clone()),
                None => sled_batch.remove(key.clone()),
            }
        }
        self.tree.apply_batch(sled_batch)?;
        self.recorder.record(|out| {
            for (key, value) in &batch.0 {
                put_change(out, self.id, key, value.as_deref());
            }
        });
        Ok(())
    }

    pub(super) fn clear(&self) -> sled::Result<()> {
        self.tree.clear()?;
        self.recorder.record(|out| put_clear(out, self.id));
        Ok(())
    }
}

/// Inserts and removals applied to one tree at once (sled's `Batch`, whose changes can be
/// read back for the log).
#[derive(Debug, Default, Clone)]
pub(super) struct Batch(Vec<(IVec, Option<IVec>)>);

impl Batch {
    pub(super) fn insert<K: Into<IVec>, V: Into<IVec>>(&mut self, key: K, value: V) {
        self.0.push((key.into(), Some(value.into())));
    }

    pub(super) fn remove<K: Into<IVec>>(&mut self, key: K) {
        self.0.push((key.into(), None));
    }
}

/// A tree inside a transaction (`Transactional`).
///
/// While the store logs, a transaction is *buffered*: its writes are kept here (reads see
/// them first) and applied to sled, each recorded, once the closure has succeeded, with no
/// sled transaction at all. That is safe because every logged write runs under the writer lock
/// (so no other write can come between) and because the redo log makes the whole write atomic
/// across a crash: its count is its last change, sled recovers a prefix, and a write whose
/// count sled lacks is applied again whole from its frame. It is what keeps sled from writing
/// and `sync_file_range`-ing its buffers twice on every save (a sled transaction rolls its
/// buffer before and after its batch). While the store does not log (the open, a bulk write),
/// the transaction is sled's own, atomic by itself.
pub(super) enum TxTree {
    Sled(TransactionalTree),
    Buffered {
        tree: Tree,
        writes: RefCell<std::collections::BTreeMap<IVec, Option<IVec>>>,
    },
}

#[allow(clippy::disallowed_methods)]
impl TxTree {
    fn buffered(tree: &Tree) -> TxTree {
        TxTree::Buffered {
            tree: tree.clone(),
            writes: RefCell::default(),
        }
    }

    pub(super) fn get<K: AsRef<[u8]>>(&self, key: K) -> UnabortableTransactionResult<Option<IVec>> {
        match self {
            TxTree::Sled(tree) => tree.get(key),
            TxTree::Buffered { tree, writes } => {
                if let Some(written) = writes.borrow().get(key.as_ref()) {
                    return Ok(written.clone());
                }
                Ok(tree.get(key)?)
            }
        }
    }

    pub(super) fn insert<K: AsRef<[u8]>, V: Into<IVec>>(
        &self,
        key: K,
        value: V,
    ) -> UnabortableTransactionResult<Option<IVec>> {
        match self {
            TxTree::Sled(tree) => tree.insert(key.as_ref(), value),
            TxTree::Buffered { writes, .. } => {
                let old = self.get(key.as_ref())?;
                writes
                    .borrow_mut()
                    .insert(key.as_ref().into(), Some(value.into()));
                Ok(old)
            }
        }
    }

    pub(super) fn remove<K: AsRef<[u8]>>(
        &self,
        key: K,
    ) -> UnabortableTransactionResult<Option<IVec>> {
        match self {
            TxTree::Sled(tree) => tree.remove(key.as_ref()),
            TxTree::Buffered { writes, .. } => {
                let old = self.get(key.as_ref())?;
                writes.borrow_mut().insert(key.as_ref().into(), None);
                Ok(old)
            }
        }
    }

    pub(super) fn apply_batch(&self, batch: &Batch) -> UnabortableTransactionResult<()> {
        for (key, value) in &batch.0 {
            match value {
                Some(value) => self.insert(key, value.clone())?,
                None => self.remove(key)?,
            };
        }
        Ok(())
    }

    /// Applies a buffered transaction's writes to sled, each recorded for the log.
    fn apply(&self) -> sled::Result<()> {
        if let TxTree::Buffered { tree, writes } = self {
            for (key, value) in writes.take() {
                match value {
                    Some(value) => tree.insert(key, value)?,
                    None => tree.remove(key)?,
                };
            }
        }
        Ok(())
    }
}

/// A transaction over one or more of the store's trees, as sled's `Transactional` (see
/// `TxTree` for how it is made atomic).
pub(super) trait Transactional {
    type View;
    fn transaction<F, A, E>(&self, f: F) -> TransactionResult<A, E>
    where
        F: Fn(&Self::View) -> ConflictableTransactionResult<A, E>;
}

macro_rules! tree_ref {
    ($i:tt) => {
        &Tree
    };
}
macro_rules! tx_tree {
    ($i:tt) => {
        TxTree
    };
}
macro_rules! transactional {
    ($($i:tt),+) => {
        impl Transactional for ($(tree_ref!($i),)+) {
            type View = ($(tx_tree!($i),)+);
            #[allow(clippy::disallowed_methods)]
            fn transaction<F, A, E>(&self, f: F) -> TransactionResult<A, E>
            where
                F: Fn(&Self::View) -> ConflictableTransactionResult<A, E>,
            {
                let recorder = &self.0.recorder;
                if !recorder.holding() {
                    let result = sled::Transactional::transaction(
                        &($(&self.$i.tree,)+),
                        |trees| f(&($(TxTree::Sled(trees.$i.clone()),)+)),
                    );
                    if result.is_ok() {
                        recorder.mark_unlogged();
                    }
                    return result;
                }
                let view = ($(TxTree::buffered(self.$i),)+);
                match f(&view) {
                    Ok(value) => {
                        $(view.$i.apply().map_err(TransactionError::Storage)?;)+
                        Ok(value)
                    }
                    Err(ConflictableTransactionError::Abort(e)) => Err(TransactionError::Abort(e)),
                    Err(ConflictableTransactionError::Storage(e)) => {
                        Err(TransactionError::Storage(e))
                    }
                    // Only sled's own transactions conflict.
                    Err(ConflictableTransactionError::Conflict) => Err(TransactionError::Storage(
                        sled::Error::ReportableBug("a conflict in a buffered transaction".into()),
                    )),
                }
            }
        }
    };
}

transactional!(0);
transactional!(0, 1);
transactional!(0, 1, 2);
transactional!(0, 1, 2, 3);
transactional!(0, 1, 2, 3, 4);
transactional!(0, 1, 2, 3, 4, 5);

/// One frame read back: the write count after it and its changes.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Frame {
    pub(super) count: u64,
    pub(super) changes: Vec<u8>,
}

fn crc(count: u64, changes: &[u8]) -> u32 {
    let mut hasher = crc32fast::Hasher::new();
    hasher.update(&count.to_le_bytes());
    hasher.update(changes);
    hasher.finalize()
}

/// The frame that begins at `at`, if it is whole, and where it ends.
fn frame_at(bytes: &[u8], at: usize) -> Option<(Frame, usize)> {
    let header = bytes.get(at..at.checked_add(HEADER)?)?;
    if header[..4] != MAGIC {
        return None;
    }
    let word = |i: usize| u32::from_le_bytes(header[i..i + 4].try_into().unwrap_or_default());
    let (len, sum) = (word(4) as usize, word(8));
    let count = u64::from_le_bytes(header[12..20].try_into().unwrap_or_default());
    let end = (at + HEADER).checked_add(len)?;
    let changes = bytes.get(at + HEADER..end)?;
    (crc(count, changes) == sum).then(|| {
        (
            Frame {
                count,
                changes: changes.to_vec(),
            },
            end,
        )
    })
}

/// The log read back: its frames up to the first that is cut or damaged, where they end, and
/// the highest count of any whole frame found after that one. A crash can only cut the last
/// frame (each is synced before the next is written, and a failed append is cut off), so a
/// whole frame after a broken one means the log itself was damaged.
#[derive(Debug)]
pub(super) struct LogRead {
    pub(super) frames: Vec<Frame>,
    pub(super) end: usize,
    pub(super) beyond_damage: Option<u64>,
}

pub(super) fn frames(bytes: &[u8]) -> LogRead {
    let mut frames = Vec::new();
    let mut at = 0;
    while let Some((frame, end)) = frame_at(bytes, at) {
        frames.push(frame);
        at = end;
    }
    let mut beyond_damage = None;
    let mut from = at + 1;
    while let Some(found) = bytes
        .get(from..)
        .and_then(|rest| rest.windows(4).position(|w| w == MAGIC))
    {
        let start = from + found;
        match frame_at(bytes, start) {
            Some((frame, end)) => {
                beyond_damage = beyond_damage.max(Some(frame.count));
                from = end;
            }
            None => from = start + 1,
        }
    }
    LogRead {
        frames,
        end: at,
        beyond_damage,
    }
}

/// One change read back from a frame.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Change<'a> {
    Put(TreeId, &'a [u8], &'a [u8]),
    Remove(TreeId, &'a [u8]),
    Clear(TreeId),
}

/// The changes of one frame, in order.
pub(super) fn changes(mut bytes: &[u8]) -> Result<Vec<Change<'_>>> {
    fn damaged(detail: &str) -> KeelError {
        KeelError::Corrupt {
            what: "the journal's redo log".into(),
            detail: detail.into(),
        }
    }
    fn take<'a>(bytes: &mut &'a [u8], n: usize) -> Result<&'a [u8]> {
        if bytes.len() < n {
            return Err(damaged("a change is cut short"));
        }
        let (head, rest) = bytes.split_at(n);
        *bytes = rest;
        Ok(head)
    }
    fn sized<'a>(bytes: &mut &'a [u8]) -> Result<&'a [u8]> {
        let len = u32::from_le_bytes(take(bytes, 4)?.try_into().unwrap_or_default());
        take(bytes, len as usize)
    }
    let mut out = Vec::new();
    while !bytes.is_empty() {
        let head = take(&mut bytes, 2)?;
        let tree = TreeId::ALL
            .into_iter()
            .find(|t| *t as u8 == head[0])
            .ok_or_else(|| damaged("a change names no tree"))?;
        out.push(match head[1] {
            INSERT => {
                let key = sized(&mut bytes)?;
                Change::Put(tree, key, sized(&mut bytes)?)
            }
            REMOVE => Change::Remove(tree, sized(&mut bytes)?),
            CLEAR => Change::Clear(tree),
            _ => return Err(damaged("a change of no known kind")),
        });
    }
    Ok(out)
}

/// The log file, open for appending.
#[derive(Debug)]
pub(super) struct Log {
    file: File,
    path: PathBuf,
    len: u64,
}

impl Log {
    /// Opens (or creates) the log in `store_dir` and reads it. Nothing is changed yet: `cut`
    /// takes off what follows the last whole frame once the caller has checked the rest.
    pub(super) fn open(store_dir: &Path) -> Result<(Log, LogRead)> {
        let path = store_dir.join(FILE);
        let mut file = std::fs::OpenOptions::new()
            .read(true)
            .append(true)
            .create(true)
            .open(&path)
            .map_err(io("open", &path))?;
        let mut bytes = Vec::new();
        file.read_to_end(&mut bytes).map_err(io("read", &path))?;
        let read = frames(&bytes);
        let len = bytes.len() as u64;
        Ok((Log { file, path, len }, read))
    }

    /// Cuts the log back to `end` (a write cut before its sync returned, or what a checkpoint
    /// is about to make unnecessary), so that later frames follow whole ones.
    pub(super) fn cut(&mut self, end: u64) -> Result<()> {
        if end < self.len {
            self.file
                .set_len(end)
                .and_then(|()| self.file.sync_data())
                .map_err(io("write", &self.path))?;
            self.len = end;
        }
        Ok(())
    }

    /// How many bytes the log holds.
    pub(super) fn len(&self) -> u64 {
        self.len
    }

    /// Appends one frame and syncs it: the write is durable when this returns `Ok`. A failed
    /// append is cut off again, so that a later frame never follows a broken one.
    pub(super) fn append(&mut self, count: u64, changes: &[u8]) -> Result<()> {
        let mut frame = Vec::with_capacity(HEADER + changes.len());
        frame.extend_from_slice(&MAGIC);
        frame.extend_from_slice(&(changes.len() as u32).to_le_bytes());
        frame.extend_from_slice(&crc(count, changes).to_le_bytes());
        frame.extend_from_slice(&count.to_le_bytes());
        frame.extend_from_slice(changes);
        let written = self
            .file
            .write_all(&frame)
            .and_then(|()| self.file.sync_data());
        match written {
            Ok(()) => {
                self.len += frame.len() as u64;
                Ok(())
            }
            Err(e) => {
                let _ = self.file.set_len(self.len);
                Err(io("write", &self.path)(e))
            }
        }
    }

    /// Empties the log (after a checkpoint made everything in it durable in sled).
    pub(super) fn clear(&mut self) -> Result<()> {
        if self.len == 0 {
            return Ok(());
        }
        self.file
            .set_len(0)
            .and_then(|()| self.file.sync_data())
            .map_err(io("write", &self.path))?;
        self.len = 0;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame_bytes(frames: &[(u64, &[u8])]) -> Vec<u8> {
        let dir = tempfile::tempdir().unwrap();
        let (mut log, read) = Log::open(dir.path()).unwrap();
        assert!(read.frames.is_empty());
        for (count, changes) in frames {
            log.append(*count, changes).unwrap();
        }
        std::fs::read(dir.path().join(FILE)).unwrap()
    }

    fn counts(read: &LogRead) -> Vec<u64> {
        read.frames.iter().map(|f| f.count).collect()
    }

    #[test]
    fn frames_read_back_in_order_and_stop_at_a_cut_or_damaged_one() {
        let bytes = frame_bytes(&[(7, b"first"), (8, b""), (9, b"third one")]);
        let read = frames(&bytes);
        assert_eq!((read.end, read.beyond_damage), (bytes.len(), None));
        assert_eq!(
            read.frames
                .iter()
                .map(|f| (f.count, f.changes.as_slice()))
                .collect::<Vec<_>>(),
            vec![(7, &b"first"[..]), (8, &b""[..]), (9, &b"third one"[..])]
        );
        // Cut anywhere inside the last frame (a crash while it was written): the first two
        // remain, and that is no damage.
        let second_end = 2 * HEADER + 5;
        for cut in second_end..bytes.len() {
            let read = frames(&bytes[..cut]);
            assert_eq!(
                (counts(&read), read.end, read.beyond_damage),
                (vec![7, 8], second_end, None),
                "cut at {cut}"
            );
        }
        // A flipped bit in the second frame (its magic, length, sum, count or changes) ends
        // the log before it, and the whole third frame after it is seen as damage.
        for at in [HEADER + 5, HEADER + 5 + 4, HEADER + 5 + 9, HEADER + 5 + 13] {
            let mut bad = bytes.clone();
            bad[at] ^= 0x10;
            let read = frames(&bad);
            assert_eq!(
                (counts(&read), read.end, read.beyond_damage),
                (vec![7], HEADER + 5, Some(9)),
                "flip at {at}"
            );
        }
        // The same in the last frame is a cut one.
        let mut bad = bytes.clone();
        bad[second_end + HEADER + 2] ^= 0x10;
        let read = frames(&bad);
        assert_eq!((counts(&read), read.beyond_damage), (vec![7, 8], None));
    }

    #[test]
    fn a_cut_tail_is_cut_off_and_later_frames_follow_the_whole_ones() {
        let dir = tempfile::tempdir().unwrap();
        let (mut log, _) = Log::open(dir.path()).unwrap();
        log.append(1, b"one").unwrap();
        log.append(2, b"two").unwrap();
        drop(log);
        let path = dir.path().join(FILE);
        let len = std::fs::metadata(&path).unwrap().len();
        std::fs::OpenOptions::new()
            .write(true)
            .open(&path)
            .unwrap()
            .set_len(len - 2)
            .unwrap();
        let (mut log, read) = Log::open(dir.path()).unwrap();
        assert_eq!(counts(&read), vec![1]);
        // Reading changes nothing; the cut does.
        assert_eq!(std::fs::metadata(&path).unwrap().len(), len - 2);
        log.cut(read.end as u64).unwrap();
        log.append(2, b"again").unwrap();
        drop(log);
        let (log, read) = Log::open(dir.path()).unwrap();
        assert_eq!(counts(&read), vec![1, 2]);
        assert_eq!(read.frames[1].changes, b"again");
        assert_eq!(log.len(), std::fs::metadata(&path).unwrap().len());
    }

    #[test]
    fn changes_round_trip_and_damage_is_an_error() {
        let mut out = Vec::new();
        put_change(&mut out, TreeId::Days, b"k1", Some(b"value"));
        put_change(&mut out, TreeId::SearchTerms, b"k2", None);
        put_clear(&mut out, TreeId::SyncApplied);
        put_change(&mut out, TreeId::Meta, b"", Some(b""));
        assert_eq!(
            changes(&out).unwrap(),
            vec![
                Change::Put(TreeId::Days, b"k1", b"value"),
                Change::Remove(TreeId::SearchTerms, b"k2"),
                Change::Clear(TreeId::SyncApplied),
                Change::Put(TreeId::Meta, b"", b""),
            ]
        );
        for cut in 1..out.len() - 6 {
            let parsed = changes(&out[..cut]);
            // A cut can fall at a change's end, never reads out of bounds, never panics.
            if let Ok(parsed) = parsed {
                assert!(parsed.len() < 4);
            }
        }
        let mut bad = out.clone();
        bad[0] = 200;
        assert!(matches!(changes(&bad), Err(KeelError::Corrupt { .. })));
    }

    #[test]
    fn the_recorder_holds_changes_only_while_logging_and_says_when_it_did_not() {
        let recorder = Recorder::default();
        recorder.record(|out| out.push(1));
        assert_eq!(recorder.take(), Taken::Checkpoint);
        recorder.set_logging(true);
        recorder.record(|out| out.push(1));
        recorder.record(|out| out.push(2));
        assert_eq!(recorder.take(), Taken::Frame(vec![1, 2]));
        assert_eq!(recorder.take(), Taken::Frame(vec![]));
        recorder.record(|out| out.resize(PENDING_LIMIT + 1, 0));
        recorder.record(|out| out.push(3));
        assert!(recorder.has_unlogged());
        assert_eq!(recorder.take(), Taken::Checkpoint);
        assert_eq!(recorder.take(), Taken::Frame(vec![]));
    }
}
