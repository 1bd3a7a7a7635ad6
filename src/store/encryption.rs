//! Encryption at rest as the journal's lifecycle: encrypt, decrypt and change the passphrase (each
//! a verified copy of the store swapped in), and sealed files for backups.
//!
//! The room's shared types and constants live in `store/mod.rs` (`use super::*`).

use super::*;

impl Journal {
    /// Turns encryption on: a random master key wrapped under `passphrase` (Argon2id with
    /// `KdfParams::DEFAULT`), and the whole journal written into a fresh, verified store of
    /// sealed values that replaces the plain one (whose files are then removed: sled keeps old
    /// values readable in its log, so sealing in place would leave them behind).
    pub fn encrypt(&self, passphrase: &str) -> Result<()> {
        self.encrypt_with(passphrase, KdfParams::DEFAULT)
    }

    /// `encrypt` with chosen Argon2id costs (tests use cheap ones).
    pub fn encrypt_with(&self, passphrase: &str, params: KdfParams) -> Result<()> {
        if self.is_encrypted() {
            return Err(KeelError::AlreadyEncrypted);
        }
        let (keys, envelope) = Keys::create(passphrase, params)?;
        let to = Codec::Sealed(Arc::new(keys));
        self.rewrite(Some(to.clone()), |old, writes| {
            compact::write_ready_converted(
                &self.dir,
                &old.db,
                &old.codec,
                &to,
                writes,
                Some(&envelope),
                |path| open_sled(path, &self.dir),
            )
        })
    }

    /// Turns encryption off, once `passphrase` is confirmed: the journal is written into a
    /// fresh, verified plain store that replaces the encrypted one.
    pub fn decrypt(&self, passphrase: &str) -> Result<()> {
        self.check_passphrase(passphrase)?;
        if sync_marks::attachment_path(&self.dir).exists() {
            return Err(KeelError::SyncKeepsPassphrase);
        }
        self.rewrite(Some(Codec::Plain), |old, writes| {
            compact::write_ready_converted(
                &self.dir,
                &old.db,
                &old.codec,
                &Codec::Plain,
                writes,
                None,
                |path| open_sled(path, &self.dir),
            )
        })
    }

    /// Changes the passphrase: the master key is wrapped again (nothing else is rewritten).
    pub fn change_passphrase(&self, old: &str, new: &str) -> Result<()> {
        self.change_passphrase_with(old, new, KdfParams::DEFAULT)
    }

    /// `change_passphrase` with chosen Argon2id costs.
    pub fn change_passphrase_with(&self, old: &str, new: &str, params: KdfParams) -> Result<()> {
        // No copy or swap may run meanwhile: hold the handle's slot.
        let _slot = self.store.write().unwrap_or_else(|p| p.into_inner());
        let keys = Keys::unlock(&self.envelope()?, old)?;
        crypto::write_envelope(&self.dir.join("store"), &keys.wrap(new, params)?)
    }

    /// `plain` (an export or a backup) as it should be written to a file: sealed under this
    /// journal's key, with its wrapped key beside it (`crypto::Keys::seal_file`), when the
    /// journal is encrypted; `None` when it is not.
    pub fn seal_file(&self, plain: &[u8]) -> Result<Option<Vec<u8>>> {
        let Codec::Sealed(keys) = self.codec() else {
            return Ok(None);
        };
        let envelope =
            crypto::read_envelope(&self.dir.join("store"))?.ok_or_else(|| KeelError::Corrupt {
                what: "key file".into(),
                detail: "the encrypted journal's key file is missing".into(),
            })?;
        keys.seal_file(&envelope, plain).map(Some)
    }

    /// The plain bytes of a file `seal_file` wrote for this journal.
    pub fn open_file(&self, bytes: &[u8]) -> Result<Vec<u8>> {
        match self.codec() {
            Codec::Sealed(keys) => keys.open_file(bytes),
            Codec::Plain => Ok(bytes.to_vec()),
        }
    }

    /// Whether `passphrase` opens this journal's key (`WrongPassphrase` if not).
    pub fn check_passphrase(&self, passphrase: &str) -> Result<()> {
        Keys::unlock(&self.envelope()?, passphrase).map(drop)
    }

    /// The wrapped key of this encrypted journal; `NotEncrypted` when it is not encrypted.
    pub(super) fn envelope(&self) -> Result<crypto::Envelope> {
        crypto::read_envelope(&self.dir.join("store"))?.ok_or(KeelError::NotEncrypted)
    }
}
