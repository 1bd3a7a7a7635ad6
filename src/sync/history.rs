//! One field's versions as a graph, and what they resolve to.
//!
//! Every edit of a field (a side of a day, a rating, a setting…) is a version that names the
//! versions its writer had when it wrote (its parents). The versions nobody has superseded yet
//! are the heads. One head: that is the field's value. Several heads were written concurrently,
//! on devices that had not seen each other's edits:
//! - a **register** (ratings, the boundary, settings) takes the head with the latest timestamp
//!   (then the greatest device id): last writer wins, per field;
//! - a **text** is merged three-way against the heads' common ancestor: edits of different
//!   lines both stand, and where both changed the same lines, both versions are kept, one after
//!   the other, in a conflict block that names the devices (`conflict_block`), for the person
//!   to resolve. No line anyone wrote is dropped, except by an edit whose writer had it.
//!
//! A delete is a version too (a tombstone): it supersedes what it saw, so an old version that
//! arrives late never brings a deleted page back; a text written concurrently with a delete,
//! whose writer never saw the delete, stands (its words were saved).
//!
//! The result is a function of the set of versions alone, not of the order they arrived in, so
//! every device that holds the same versions shows the same journal.

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use serde::{Deserialize, Serialize};

use super::hlc::Hlc;
pub use crate::merge::{conflicts_in, CONFLICT_END, CONFLICT_START};
use crate::merge::{three_way, union_of_lines};

/// A device's id: random, 16 lowercase hex digits, fixed when the device attaches.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DeviceId(pub String);

impl DeviceId {
    /// Whether `s` is a device id as Keel writes them (folder and file names rely on it).
    pub fn parse(s: &str) -> Option<DeviceId> {
        (s.len() == 16 && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')))
            .then(|| DeviceId(s.to_owned()))
    }
}

impl std::fmt::Display for DeviceId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// A version's identity: when (by the writer's hybrid clock) and where it was written. Unique,
/// since a device's clock never gives the same timestamp twice; ordered by time, then device.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct VersionId {
    pub at: Hlc,
    pub device: DeviceId,
}

/// How concurrent versions of a field resolve.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Free text: merged three-way, conflicts kept in the text.
    Text,
    /// A value: the latest concurrent version wins.
    Register,
    /// A list, one item per line (a week's ledger): merged three-way as text, but where both
    /// sides changed the same lines, both sides' items stay, one after the other, without a
    /// block: each item stands alone.
    Lines,
}

/// What a version holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Value {
    Text(String),
    /// A register's value, as JSON (a rating, a setting, a list of tags…).
    Data(serde_json::Value),
    /// The field (or its record) was deleted.
    Deleted,
}

/// One version of one field, as it travels in a change file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    pub id: VersionId,
    /// The field's path (`day/2026-12-01/role`); its kind comes with it.
    pub field: String,
    pub kind: Kind,
    /// The versions the writer had (the heads of its view when it wrote).
    pub parents: Vec<VersionId>,
    /// The writing device's name when it wrote, for a conflict block ("work laptop").
    pub author: String,
    pub value: Value,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Stored {
    parents: Vec<VersionId>,
    author: String,
    value: Value,
}

/// What a field resolves to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    pub value: Value,
    /// The value holds a conflict block (concurrent edits of the same lines).
    pub conflict: bool,
}

/// One field's versions.
#[derive(Debug, Clone)]
pub struct History {
    kind: Kind,
    versions: BTreeMap<VersionId, Stored>,
    /// Every id some known version names as its parent.
    superseded: BTreeSet<VersionId>,
}

impl History {
    pub fn new(kind: Kind) -> History {
        History {
            kind,
            versions: BTreeMap::new(),
            superseded: BTreeSet::new(),
        }
    }

    pub fn kind(&self) -> Kind {
        self.kind
    }

    pub fn len(&self) -> usize {
        self.versions.len()
    }

    pub fn is_empty(&self) -> bool {
        self.versions.is_empty()
    }

    pub fn contains(&self, id: &VersionId) -> bool {
        self.versions.contains_key(id)
    }

    /// Adds a version; false when it was known already (a file delivered twice).
    pub fn insert(&mut self, change: &Change) -> bool {
        if self.versions.contains_key(&change.id) {
            return false;
        }
        self.superseded.extend(change.parents.iter().cloned());
        self.versions.insert(
            change.id.clone(),
            Stored {
                parents: change.parents.clone(),
                author: change.author.clone(),
                value: change.value.clone(),
            },
        );
        true
    }

    /// Every version of this field, as changes (to keep them).
    pub fn all(&self, field: &str) -> Vec<Change> {
        self.versions
            .iter()
            .map(|(id, s)| Change {
                id: id.clone(),
                field: field.to_owned(),
                kind: self.kind,
                parents: s.parents.clone(),
                author: s.author.clone(),
                value: s.value.clone(),
            })
            .collect()
    }

    /// The versions no known version supersedes, oldest first. A version whose parents have not
    /// arrived yet is a head all the same; it is resolved against what is there.
    pub fn heads(&self) -> Vec<VersionId> {
        self.versions
            .keys()
            .filter(|id| !self.superseded.contains(id))
            .cloned()
            .collect()
    }

    /// The versions `id` descends from, itself included (those that have arrived).
    pub fn ancestors(&self, id: &VersionId) -> BTreeSet<VersionId> {
        let mut seen = BTreeSet::new();
        let mut queue = VecDeque::from([id.clone()]);
        while let Some(at) = queue.pop_front() {
            let Some(stored) = self.versions.get(&at) else {
                continue;
            };
            if seen.insert(at) {
                queue.extend(stored.parents.iter().cloned());
            }
        }
        seen
    }

    /// The field's value, or `None` when it has no version.
    pub fn resolve(&self) -> Option<Resolved> {
        let heads = self.heads();
        let last = heads.last()?;
        match self.kind {
            // Heads are ordered by id: timestamp, then device.
            Kind::Register => Some(Resolved {
                value: self.versions[last].value.clone(),
                conflict: false,
            }),
            Kind::Text | Kind::Lines => Some(self.merge_texts(&heads)),
        }
    }

    fn merge_texts(&self, heads: &[VersionId]) -> Resolved {
        // A delete stands only when nothing was written beside it that it had not seen.
        let written: Vec<&VersionId> = heads
            .iter()
            .filter(|h| self.versions[*h].value != Value::Deleted)
            .collect();
        let Some((first, rest)) = written.split_first() else {
            return Resolved {
                value: Value::Deleted,
                conflict: false,
            };
        };
        let mut text = self.text_of(first);
        let mut merged: BTreeSet<VersionId> = self.ancestors(first);
        let mut names = vec![self.versions[*first].author.clone()];
        let mut conflict = false;
        for head in rest {
            let theirs = self.text_of(head);
            let their_ancestors = self.ancestors(head);
            let base = self.common_base(&merged, &their_ancestors);
            let their_name = self.versions[*head].author.clone();
            let (next, clashed) = if self.kind == Kind::Lines {
                (union_of_lines(&base, &text, &theirs), false)
            } else {
                three_way(&base, &text, &theirs, &names.join(", "), &their_name)
            };
            conflict |= clashed;
            text = next;
            merged.extend(their_ancestors);
            names.push(their_name);
        }
        Resolved {
            value: Value::Text(text),
            conflict,
        }
    }

    fn text_of(&self, id: &VersionId) -> String {
        match &self.versions[id].value {
            Value::Text(t) => t.clone(),
            Value::Data(d) => d.to_string(),
            Value::Deleted => String::new(),
        }
    }

    /// The text both sides started from: their latest common ancestor; none (both wrote from
    /// nothing): empty. When several common ancestors descend from no other common one (two
    /// computers each edited the merge of the same two concurrent versions: a criss-cross),
    /// the base is those merged, as each side saw them when it wrote (git's recursive merge);
    /// taking one of them alone would bring the other's lines back twice. The result depends
    /// on the versions alone, so every device finds the same base.
    fn common_base(&self, ours: &BTreeSet<VersionId>, theirs: &BTreeSet<VersionId>) -> String {
        let common: BTreeSet<&VersionId> = ours.intersection(theirs).collect();
        let named: BTreeSet<&VersionId> = common
            .iter()
            .filter_map(|id| self.versions.get(*id))
            .flat_map(|stored| stored.parents.iter())
            .collect();
        let tops: Vec<VersionId> = common
            .into_iter()
            .filter(|id| !named.contains(id))
            .cloned()
            .collect();
        match tops.as_slice() {
            [] => String::new(),
            [one] => self.text_of(one),
            several => match self.merge_texts(several).value {
                Value::Text(t) => t,
                Value::Data(d) => d.to_string(),
                Value::Deleted => String::new(),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(ms: u64, device: &str) -> VersionId {
        VersionId {
            at: Hlc {
                wall_ms: ms,
                counter: 0,
            },
            device: DeviceId(device.repeat(16)),
        }
    }

    fn text(id: &VersionId, parents: &[&VersionId], author: &str, t: &str) -> Change {
        Change {
            id: id.clone(),
            field: "day/2026-12-01/self".into(),
            kind: Kind::Text,
            parents: parents.iter().map(|p| (*p).clone()).collect(),
            author: author.into(),
            value: Value::Text(t.into()),
        }
    }

    fn resolved(changes: &[Change]) -> Resolved {
        let mut h = History::new(Kind::Text);
        for c in changes {
            h.insert(c);
        }
        h.resolve().unwrap()
    }

    /// Two computers each edit the merge of the same two concurrent versions (a criss-cross):
    /// the base of their edits is that merge, so nothing comes back twice and no block appears.
    #[test]
    fn edits_made_on_the_same_merge_on_two_devices_merge_from_that_merge() {
        let base = id(1, "a");
        let (a1, b1) = (id(2, "a"), id(3, "b"));
        let (a2, b2) = (id(4, "a"), id(5, "b"));
        let p = "Morning.\n\nNoon.\n\nEvening.";
        let changes = [
            text(&base, &[], "laptop", p),
            text(
                &a1,
                &[&base],
                "laptop",
                "Morning.\n\nNoon.\n\nEvening.\n\nNight: laptop.",
            ),
            text(
                &b1,
                &[&base],
                "home",
                "Dawn: home.\n\nMorning.\n\nNoon.\n\nEvening.",
            ),
        ];
        let merged = "Dawn: home.\n\nMorning.\n\nNoon.\n\nEvening.\n\nNight: laptop.";
        assert_eq!(resolved(&changes).value, Value::Text(merged.into()));
        // Each edits that merge: the laptop adds a line at the end, home rewrites noon.
        let more = [
            text(
                &a2,
                &[&a1, &b1],
                "laptop",
                &format!("{merged}\n\nLate: laptop."),
            ),
            text(
                &b2,
                &[&a1, &b1],
                "home",
                &merged.replace("Noon.", "Noon: lunch at home."),
            ),
        ];
        let all: Vec<Change> = changes.iter().chain(&more).cloned().collect();
        let r = resolved(&all);
        assert_eq!(
            r.value,
            Value::Text(
                "Dawn: home.\n\nMorning.\n\nNoon: lunch at home.\n\nEvening.\n\nNight: laptop.\n\nLate: laptop."
                    .into()
            )
        );
        assert!(!r.conflict);
    }

    /// Paragraphs apart (as a journal's are), as git merges: lines edited right next to each
    /// other count as the same place.
    #[test]
    fn edits_of_different_lines_on_two_devices_both_stand() {
        let base = id(1, "a");
        let (laptop, home) = (id(2, "a"), id(3, "b"));
        let changes = [
            text(
                &base,
                &[],
                "laptop",
                "Morning: numbers.\n\nEvening: the park.",
            ),
            text(
                &laptop,
                &[&base],
                "laptop",
                "Morning: numbers, then the review.\n\nEvening: the park.",
            ),
            text(
                &home,
                &[&base],
                "home",
                "Morning: numbers.\n\nEvening: the park with Ana.",
            ),
        ];
        let r = resolved(&changes);
        assert_eq!(
            r.value,
            Value::Text("Morning: numbers, then the review.\n\nEvening: the park with Ana.".into())
        );
        assert!(!r.conflict);
        // In any order of arrival, the same.
        let reversed: Vec<Change> = changes.iter().rev().cloned().collect();
        assert_eq!(resolved(&reversed), r);
    }

    #[test]
    fn the_same_line_changed_on_two_devices_keeps_both_in_a_block_that_names_them() {
        let base = id(1, "a");
        let (laptop, home) = (id(2, "a"), id(3, "b"));
        let r = resolved(&[
            text(&base, &[], "laptop", "intro\nThe meeting ran late.\nend"),
            text(
                &laptop,
                &[&base],
                "work laptop",
                "intro\nThe meeting ran late; I left at 7.\nend",
            ),
            text(
                &home,
                &[&base],
                "home",
                "intro\nThe meeting ran long and I was tired.\nend",
            ),
        ]);
        assert!(r.conflict);
        let Value::Text(t) = r.value else { panic!() };
        assert_eq!(
            t,
            format!(
                "intro\n{CONFLICT_START}\n**work laptop:**\n\nThe meeting ran late; I left at 7.\n\n\
                 **home:**\n\nThe meeting ran long and I was tired.\n{CONFLICT_END}\nend"
            )
        );
        assert_eq!(conflicts_in(&t), 1);
    }

    #[test]
    fn an_edit_that_saw_both_versions_resolves_them() {
        let base = id(1, "a");
        let (laptop, home) = (id(2, "a"), id(3, "b"));
        let fixed = id(4, "b");
        let r = resolved(&[
            text(&base, &[], "laptop", "x"),
            text(&laptop, &[&base], "laptop", "y"),
            text(&home, &[&base], "home", "z"),
            text(&fixed, &[&laptop, &home], "home", "y and z"),
        ]);
        assert_eq!(r.value, Value::Text("y and z".into()));
        assert!(!r.conflict);
    }

    #[test]
    fn a_delete_stands_unless_words_were_written_beside_it_unseen() {
        let base = id(1, "a");
        let gone = id(2, "a");
        let mut deleted = text(&gone, &[&base], "laptop", "");
        deleted.value = Value::Deleted;
        let late_old = text(&base, &[], "laptop", "old words");
        // The old version arriving after the delete does not bring the page back.
        assert_eq!(
            resolved(&[deleted.clone(), late_old.clone()]).value,
            Value::Deleted
        );
        // A concurrent edit on the other device (which never saw the delete) keeps its words.
        let home = id(3, "b");
        let r = resolved(&[
            late_old,
            deleted,
            text(&home, &[&base], "home", "old words, and new"),
        ]);
        assert_eq!(r.value, Value::Text("old words, and new".into()));
    }

    #[test]
    fn registers_take_the_latest_concurrent_version_and_any_later_one_that_saw_it() {
        let mut h = History::new(Kind::Register);
        let rating = |id: &VersionId, parents: &[&VersionId], v: i64| Change {
            id: id.clone(),
            field: "day/2026-12-01/stress".into(),
            kind: Kind::Register,
            parents: parents.iter().map(|p| (*p).clone()).collect(),
            author: "x".into(),
            value: Value::Data(v.into()),
        };
        let (a, b) = (id(5, "a"), id(9, "b"));
        h.insert(&rating(&b, &[], 7));
        h.insert(&rating(&a, &[], 3));
        assert_eq!(h.resolve().unwrap().value, Value::Data(7.into()));
        // An edit that saw the later one wins even with an earlier clock (causality first).
        let c = id(6, "a");
        h.insert(&rating(&c, &[&a, &b], 4));
        assert_eq!(h.resolve().unwrap().value, Value::Data(4.into()));
        assert_eq!(h.heads(), vec![c]);
    }

    #[test]
    fn both_writing_a_new_page_from_nothing_keeps_both() {
        let (laptop, home) = (id(2, "a"), id(3, "b"));
        let r = resolved(&[
            text(&laptop, &[], "laptop", "Written at work."),
            text(&home, &[], "home", "Written at home."),
        ]);
        assert!(r.conflict);
        let Value::Text(t) = r.value else { panic!() };
        assert!(
            t.contains("Written at work.") && t.contains("Written at home."),
            "{t}"
        );
    }

    #[test]
    fn a_line_like_a_marker_in_the_text_is_only_text() {
        let base = id(1, "a");
        let (laptop, home) = (id(2, "a"), id(3, "b"));
        let r = resolved(&[
            text(&base, &[], "l", "<<<<<<< ours\n=======\n>>>>>>> theirs\n"),
            text(
                &laptop,
                &[&base],
                "l",
                "<<<<<<< ours\n=======\n>>>>>>> theirs\nmore\n",
            ),
            text(
                &home,
                &[&base],
                "h",
                "top\n<<<<<<< ours\n=======\n>>>>>>> theirs\n",
            ),
        ]);
        assert_eq!(
            r.value,
            Value::Text("top\n<<<<<<< ours\n=======\n>>>>>>> theirs\nmore\n".into())
        );
    }
}
