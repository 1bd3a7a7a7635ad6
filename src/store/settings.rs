//! The settings record in `meta`.
//!
//! The room's shared types and constants live in `store/mod.rs` (`use super::*`).

use super::*;

impl Journal {
    /// The settings, or the defaults when none were saved.
    pub fn settings(&self) -> Result<Settings> {
        let store = self.store()?;
        match store.meta.get(SETTINGS_KEY)? {
            Some(bytes) => {
                records::decode_settings(&store.codec.open(META, SETTINGS_KEY, &bytes)?)
            }
            None => Ok(Settings::default()),
        }
    }

    /// Stores the settings, durably.
    pub fn put_settings(&self, settings: &Settings) -> Result<()> {
        let bytes = records::encode_settings(&settings.clone().validated()?);
        self.write(|store| {
            sync_marks::put_meta_marked(
                store,
                SETTINGS_KEY,
                &bytes,
                sync_marks::SyncRecord::Settings,
            )
        })
    }
}
