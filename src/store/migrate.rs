//! The journal's schema version and the steps that move a journal from one version to the next.
//!
//! The version lives in the `meta` tree under `schema_version` (a big-endian u32). Opening a
//! journal reads it before anything is written: a newer version is refused untouched, an older
//! one runs every step from it to `SCHEMA_VERSION` in order, each step followed by its version
//! stamp and a durable sync, so a crash mid-way resumes at the step that did not finish.
//! Schema 1 is the first released layout; schema 2 packs the import marks into buckets
//! (`import_marks::repack`). The runner is also tested with steps of its own (see the tests below).

use std::path::Path;

use super::codec::Codec;
use crate::error::{KeelError, Result};

/// The layout this build writes.
pub const SCHEMA_VERSION: u32 = 2;

pub(crate) const SCHEMA_KEY: &[u8] = b"schema_version";

/// One step: turns a journal of schema `from` into schema `from + 1`.
pub struct Migration {
    pub from: u32,
    /// What the step does (for the reader; the tests check every step has it).
    #[cfg_attr(not(test), allow(dead_code))]
    pub describe: &'static str,
    pub run: fn(&sled::Db, &Codec) -> Result<()>,
}

/// The real steps, in order.
pub const MIGRATIONS: &[Migration] = &[Migration {
    from: 1,
    describe: "import marks packed into buckets (one key per mark made every open slower)",
    run: super::import_marks::repack,
}];

/// The stored schema version, if any.
pub fn stored_version(meta: &sled::Tree) -> Result<Option<u32>> {
    match meta.get(SCHEMA_KEY)? {
        None => Ok(None),
        Some(bytes) => {
            let array: [u8; 4] = bytes.as_ref().try_into().map_err(|_| KeelError::Corrupt {
                what: "schema version".into(),
                detail: format!("{} bytes instead of 4", bytes.len()),
            })?;
            Ok(Some(u32::from_be_bytes(array)))
        }
    }
}

/// Stamps `version` (not yet durable: the caller syncs).
// At open, before the store logs: the caller syncs.
#[allow(clippy::disallowed_methods)]
pub fn stamp(meta: &sled::Tree, version: u32) -> Result<()> {
    meta.insert(SCHEMA_KEY, &version.to_be_bytes())?;
    Ok(())
}

/// Brings the journal from `found` to `target` with `steps`, calling `sync` after each stamp.
/// Returns the version reached (always `target` on success).
pub fn migrate(
    db: &sled::Db,
    path: &Path,
    found: u32,
    target: u32,
    steps: &[Migration],
    codec: &Codec,
    mut sync: impl FnMut() -> Result<()>,
) -> Result<u32> {
    if found > target {
        return Err(KeelError::NewerSchema {
            path: path.to_owned(),
            found,
            supported: target,
        });
    }
    let mut version = found;
    while version < target {
        let step = steps
            .iter()
            .find(|s| s.from == version)
            .ok_or_else(|| KeelError::Corrupt {
                what: "journal schema".into(),
                detail: format!("no way to upgrade from schema {version}"),
            })?;
        (step.run)(db, codec)?;
        version += 1;
        stamp(&db.open_tree("meta")?, version)?;
        sync()?;
    }
    Ok(version)
}

#[cfg(test)]
#[allow(clippy::disallowed_methods)] // bare sled databases of the tests' own
mod tests {
    use super::*;

    fn temp_db() -> (tempfile::TempDir, sled::Db) {
        let dir = tempfile::tempdir().unwrap();
        let db = sled::Config::new()
            .path(dir.path().join("db"))
            .open()
            .unwrap();
        (dir, db)
    }

    /// v1 → v2: upper-cases every value in `days` (a stand-in for a real record rewrite).
    fn upper_days(db: &sled::Db, _: &Codec) -> Result<()> {
        let days = db.open_tree("days")?;
        for item in days.iter() {
            let (k, v) = item?;
            days.insert(k, v.to_ascii_uppercase())?;
        }
        Ok(())
    }

    /// v2 → v3: copies `days` into `days_v3` and drops the old tree.
    fn move_days(db: &sled::Db, _: &Codec) -> Result<()> {
        let old = db.open_tree("days")?;
        let new = db.open_tree("days_v3")?;
        for item in old.iter() {
            let (k, v) = item?;
            new.insert(k, v)?;
        }
        db.drop_tree("days")?;
        Ok(())
    }

    fn failing(_: &sled::Db, _: &Codec) -> Result<()> {
        Err(KeelError::Corrupt {
            what: "test".into(),
            detail: "step failed".into(),
        })
    }

    const STEPS: &[Migration] = &[
        Migration {
            from: 2,
            describe: "move days",
            run: move_days,
        },
        Migration {
            from: 1,
            describe: "upper-case days",
            run: upper_days,
        },
    ];

    #[test]
    fn steps_run_in_version_order_and_stamp_each_version() {
        let (dir, db) = temp_db();
        let meta = db.open_tree("meta").unwrap();
        stamp(&meta, 1).unwrap();
        db.open_tree("days")
            .unwrap()
            .insert(b"k", b"quiet")
            .unwrap();
        let mut stamped = Vec::new();
        let reached = migrate(&db, dir.path(), 1, 3, STEPS, &Codec::Plain, || {
            stamped.push(stored_version(&meta).unwrap().unwrap());
            Ok(())
        })
        .unwrap();
        assert_eq!(reached, 3);
        assert_eq!(stamped, vec![2, 3]);
        let moved = db.open_tree("days_v3").unwrap().get(b"k").unwrap().unwrap();
        assert_eq!(moved.as_ref(), b"QUIET");
        assert!(!db.tree_names().iter().any(|n| n.as_ref() == b"days"));
    }

    #[test]
    fn a_failing_step_leaves_the_last_good_version() {
        let (dir, db) = temp_db();
        let meta = db.open_tree("meta").unwrap();
        stamp(&meta, 1).unwrap();
        let steps = [
            Migration {
                from: 1,
                describe: "ok",
                run: upper_days,
            },
            Migration {
                from: 2,
                describe: "fails",
                run: failing,
            },
        ];
        let err = migrate(&db, dir.path(), 1, 3, &steps, &Codec::Plain, || Ok(())).unwrap_err();
        assert!(err.to_string().contains("step failed"));
        assert_eq!(stored_version(&meta).unwrap(), Some(2));
    }

    #[test]
    fn newer_schemas_are_refused_and_gaps_reported() {
        let (dir, db) = temp_db();
        let err = migrate(&db, dir.path(), 4, 3, STEPS, &Codec::Plain, || Ok(())).unwrap_err();
        assert!(matches!(
            err,
            KeelError::NewerSchema {
                found: 4,
                supported: 3,
                ..
            }
        ));
        let err = migrate(&db, dir.path(), 0, 3, STEPS, &Codec::Plain, || Ok(())).unwrap_err();
        assert!(
            err.to_string().contains("no way to upgrade from schema 0"),
            "{err}"
        );
    }

    #[test]
    // Empty while schema 1 is the only layout; it checks the steps as soon as there are any.
    #[allow(clippy::reversed_empty_ranges)]
    fn the_shipped_steps_cover_every_version_below_the_current_one() {
        for version in 1..SCHEMA_VERSION {
            assert!(
                MIGRATIONS.iter().any(|m| m.from == version),
                "no step from {version}"
            );
        }
        assert!(MIGRATIONS
            .iter()
            .all(|m| m.from < SCHEMA_VERSION && !m.describe.is_empty()));
    }
}
