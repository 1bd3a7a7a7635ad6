//! Encryption at rest: the keys of an encrypted journal and the sealing of its values.
//!
//! - A random 32-byte **master key** is made once, when encryption is turned on. It never
//!   changes while the journal stays encrypted, so changing the passphrase re-wraps only it.
//! - The master key is **wrapped** (XChaCha20-Poly1305) under a key derived from the
//!   passphrase with **Argon2id**; the parameters, the salt, the nonce and the wrapped key are
//!   the **envelope**, `store/keel.key` (JSON). It lives inside `store/` so that it moves with
//!   the store in a swap (`store::compact`), and it is read before sled is opened: a wrong
//!   passphrase is found without opening (and so without changing) any of sled's files.
//! - Two subkeys come from the master key (BLAKE3's key derivation): one **seals values**
//!   (XChaCha20-Poly1305, a random 24-byte nonce per value, the value's tree and key as
//!   associated data, so a value moved to another key does not open), one **names index
//!   terms** (BLAKE3 keyed hash, 16 bytes), so posting-list keys show no word.
//! - Every secret (passphrase, derived keys, master key) is held in `Zeroizing` and wiped when
//!   dropped.

use std::path::Path;

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use crate::error::{KeelError, Result};

/// The envelope's file inside `store/`.
pub const ENVELOPE_FILE: &str = "keel.key";
const NONCE_BYTES: usize = 24;
const TAG_BYTES: usize = 16;
const WRAP_AAD: &[u8] = b"keel master key v1";

/// Argon2id's cost, stored with each envelope so that a later build can choose others.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct KdfParams {
    /// Memory in KiB.
    pub m_kib: u32,
    /// Passes.
    pub t: u32,
    /// Lanes.
    pub p: u32,
}

impl KdfParams {
    /// What a new envelope uses: 64 MiB and 3 passes, about half a second on the 2-core
    /// machine this was measured on (docs/SECURITY.md).
    pub const DEFAULT: KdfParams = KdfParams {
        m_kib: 64 * 1024,
        t: 3,
        p: 1,
    };
    /// Cheap parameters for tests only.
    pub const FOR_TESTS: KdfParams = KdfParams {
        m_kib: 64,
        t: 1,
        p: 1,
    };
}

/// The wrapped master key and how to unwrap it (`store/keel.key`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Envelope {
    /// Format version: 1.
    pub v: u32,
    pub kdf: KdfParams,
    /// Hex: Argon2id's salt (16 bytes).
    pub salt: String,
    /// Hex: the wrap's nonce (24 bytes).
    pub nonce: String,
    /// Hex: the master key sealed under the passphrase's key (32 + 16 bytes).
    pub wrapped: String,
}

/// The working keys of an unlocked journal.
pub struct Keys {
    master: Zeroizing<[u8; 32]>,
    seal: XChaCha20Poly1305,
    terms: Zeroizing<[u8; 32]>,
}

impl std::fmt::Debug for Keys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Keys(…)")
    }
}

pub(crate) fn random<const N: usize>() -> Result<[u8; N]> {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes).map_err(|e| KeelError::Crypto {
        detail: format!("the system gave no random bytes ({e})"),
    })?;
    Ok(bytes)
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

pub(crate) fn unhex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
        .collect()
}

fn damaged(detail: &str) -> KeelError {
    KeelError::Corrupt {
        what: "key file".into(),
        detail: detail.into(),
    }
}

/// The key a passphrase and salt give under `params`.
fn passphrase_key(passphrase: &str, salt: &[u8], params: KdfParams) -> Result<Zeroizing<[u8; 32]>> {
    let argon = argon2::Params::new(params.m_kib, params.t, params.p, Some(32))
        .map_err(|e| damaged(&format!("its key derivation settings are not valid ({e})")))?;
    let mut key = Zeroizing::new([0u8; 32]);
    argon2::Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, argon)
        .hash_password_into(passphrase.as_bytes(), salt, key.as_mut())
        .map_err(|e| KeelError::Crypto {
            detail: format!("the passphrase could not be turned into a key ({e})"),
        })?;
    Ok(key)
}

fn cipher(key: &[u8; 32]) -> XChaCha20Poly1305 {
    XChaCha20Poly1305::new(key.into())
}

/// A passphrase Keel accepts: not empty, not only spaces.
pub fn check_passphrase(passphrase: &str) -> Result<()> {
    if passphrase.trim().is_empty() {
        return Err(KeelError::InvalidPassphrase {
            reason: crate::error::Reason::new("reason-passphrase-empty", vec![]),
        });
    }
    Ok(())
}

impl Keys {
    fn from_master(master: Zeroizing<[u8; 32]>) -> Keys {
        let seal = Zeroizing::new(blake3::derive_key("keel 2026 value sealing", &master[..]));
        let terms = Zeroizing::new(blake3::derive_key("keel 2026 index terms", &master[..]));
        Keys {
            seal: cipher(&seal),
            terms,
            master,
        }
    }

    /// A new random master key and its envelope under `passphrase`.
    pub fn create(passphrase: &str, params: KdfParams) -> Result<(Keys, Envelope)> {
        check_passphrase(passphrase)?;
        let keys = Keys::from_master(Zeroizing::new(random::<32>()?));
        let envelope = keys.wrap(passphrase, params)?;
        Ok((keys, envelope))
    }

    /// Another key (a sync folder's) sealed under these keys, to keep it where these keys are
    /// kept (`open_key` gives it back; `aad` names the place).
    pub fn seal_key(&self, aad: &[u8], other: &Keys) -> Result<Vec<u8>> {
        self.seal(aad, &other.master[..])
    }

    /// The key `seal_key` sealed for `aad`.
    pub fn open_key(&self, aad: &[u8], sealed: &[u8]) -> Result<Keys> {
        let plain = Zeroizing::new(self.open(aad, sealed)?);
        let master: [u8; 32] = plain[..]
            .try_into()
            .map_err(|_| damaged("a kept key is not 32 bytes"))?;
        Ok(Keys::from_master(Zeroizing::new(master)))
    }

    /// The master key wrapped under `passphrase` (a fresh salt and nonce each time).
    pub fn wrap(&self, passphrase: &str, params: KdfParams) -> Result<Envelope> {
        check_passphrase(passphrase)?;
        let salt = random::<16>()?;
        let nonce = random::<NONCE_BYTES>()?;
        let kek = passphrase_key(passphrase, &salt, params)?;
        let wrapped = cipher(&kek)
            .encrypt(
                XNonce::from_slice(&nonce),
                Payload {
                    msg: &self.master[..],
                    aad: WRAP_AAD,
                },
            )
            .map_err(|_| KeelError::Crypto {
                detail: "the key could not be wrapped".into(),
            })?;
        Ok(Envelope {
            v: 1,
            kdf: params,
            salt: hex(&salt),
            nonce: hex(&nonce),
            wrapped: hex(&wrapped),
        })
    }

    /// The keys in `envelope`, if `passphrase` is the one it was wrapped with.
    pub fn unlock(envelope: &Envelope, passphrase: &str) -> Result<Keys> {
        if envelope.v != 1 {
            return Err(damaged(&format!("its version {} is not known", envelope.v)));
        }
        let salt = unhex(&envelope.salt).ok_or_else(|| damaged("its salt is not hex"))?;
        let nonce = unhex(&envelope.nonce)
            .filter(|n| n.len() == NONCE_BYTES)
            .ok_or_else(|| damaged("its nonce is not 24 bytes of hex"))?;
        let wrapped = unhex(&envelope.wrapped)
            .filter(|w| w.len() == 32 + TAG_BYTES)
            .ok_or_else(|| damaged("its wrapped key is not 48 bytes of hex"))?;
        let kek = passphrase_key(passphrase, &salt, envelope.kdf)?;
        let master = cipher(&kek)
            .decrypt(
                XNonce::from_slice(&nonce),
                Payload {
                    msg: &wrapped,
                    aad: WRAP_AAD,
                },
            )
            .map(Zeroizing::new)
            .map_err(|_| KeelError::WrongPassphrase)?;
        let master: [u8; 32] = master[..]
            .try_into()
            .map_err(|_| damaged("its key is not 32 bytes"))?;
        Ok(Keys::from_master(Zeroizing::new(master)))
    }

    /// `plain` sealed for the place `aad` names: nonce, then ciphertext and tag.
    pub fn seal(&self, aad: &[u8], plain: &[u8]) -> Result<Vec<u8>> {
        let nonce = random::<NONCE_BYTES>()?;
        let sealed = self
            .seal
            .encrypt(XNonce::from_slice(&nonce), Payload { msg: plain, aad })
            .map_err(|_| KeelError::Crypto {
                detail: "a value could not be encrypted".into(),
            })?;
        let mut out = Vec::with_capacity(NONCE_BYTES + sealed.len());
        out.extend_from_slice(&nonce);
        out.extend_from_slice(&sealed);
        Ok(out)
    }

    /// The plain bytes of a value sealed for `aad`; an error if it was changed, moved, or
    /// sealed under another key.
    pub fn open(&self, aad: &[u8], sealed: &[u8]) -> Result<Vec<u8>> {
        if sealed.len() < NONCE_BYTES + TAG_BYTES {
            return Err(KeelError::Corrupt {
                what: "encrypted value".into(),
                detail: "it is too short".into(),
            });
        }
        let (nonce, body) = sealed.split_at(NONCE_BYTES);
        self.seal
            .decrypt(XNonce::from_slice(nonce), Payload { msg: body, aad })
            .map_err(|_| KeelError::Corrupt {
                what: "encrypted value".into(),
                detail: "it does not open under the journal's key (changed or moved)".into(),
            })
    }

    /// The 16 bytes that stand for an index term in keys.
    pub fn term_id(&self, term: &str) -> [u8; 16] {
        let hash = blake3::keyed_hash(&self.terms, term.as_bytes());
        let mut id = [0u8; 16];
        id.copy_from_slice(&hash.as_bytes()[..16]);
        id
    }
}

/// The first line of a sealed file (a backup or export of an encrypted journal).
const FILE_HEADER: &[u8] = b"keel sealed file 1\n";
const FILE_AAD: &[u8] = b"keel sealed file v1";

/// Whether `bytes` are a sealed file (`Keys::seal_file`).
pub fn is_sealed_file(bytes: &[u8]) -> bool {
    bytes.starts_with(FILE_HEADER)
}

impl Keys {
    /// `plain` as a sealed file: the header line, the journal's envelope on one line (so that
    /// the passphrase alone opens the file, even without the journal), then the sealed bytes.
    pub fn seal_file(&self, envelope: &Envelope, plain: &[u8]) -> Result<Vec<u8>> {
        let mut out = FILE_HEADER.to_vec();
        out.extend_from_slice(
            &serde_json::to_vec(envelope).map_err(|e| KeelError::Crypto {
                detail: e.to_string(),
            })?,
        );
        out.push(b'\n');
        out.extend_from_slice(&self.seal(FILE_AAD, plain)?);
        Ok(out)
    }

    /// The plain bytes of a file this journal's keys sealed.
    pub fn open_file(&self, bytes: &[u8]) -> Result<Vec<u8>> {
        let (_, body) = split_file(bytes)?;
        self.open(FILE_AAD, body)
    }
}

fn split_file(bytes: &[u8]) -> Result<(Envelope, &[u8])> {
    let rest = bytes
        .strip_prefix(FILE_HEADER)
        .ok_or_else(|| damaged("it is not a sealed Keel file"))?;
    let end = rest
        .iter()
        .position(|b| *b == b'\n')
        .ok_or_else(|| damaged("its key line is cut"))?;
    let envelope: Envelope = serde_json::from_slice(&rest[..end])
        .map_err(|e| damaged(&format!("its key line is not a key ({e})")))?;
    Ok((envelope, &rest[end + 1..]))
}

/// The plain bytes of a sealed file and the envelope it carries, opened with `passphrase`.
pub fn open_file_with(bytes: &[u8], passphrase: &str) -> Result<(Vec<u8>, Envelope)> {
    let (envelope, body) = split_file(bytes)?;
    let keys = Keys::unlock(&envelope, passphrase)?;
    Ok((keys.open(FILE_AAD, body)?, envelope))
}

/// The envelope in `store_dir`, if the journal is encrypted.
pub fn read_envelope(store_dir: &Path) -> Result<Option<Envelope>> {
    let path = store_dir.join(ENVELOPE_FILE);
    match std::fs::read(&path) {
        Ok(bytes) => serde_json::from_slice(&bytes)
            .map(Some)
            .map_err(|e| damaged(&format!("it is not a Keel key file ({e})"))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(source) => Err(KeelError::Io {
            action: "read",
            path,
            source,
        }),
    }
}

/// Writes `envelope` into `store_dir` atomically and durably (temporary file, fsync, rename,
/// fsync of the folder).
pub fn write_envelope(store_dir: &Path, envelope: &Envelope) -> Result<()> {
    let path = store_dir.join(ENVELOPE_FILE);
    let tmp = store_dir.join(format!("{ENVELOPE_FILE}.tmp"));
    let json = serde_json::to_vec_pretty(envelope).map_err(|e| KeelError::Crypto {
        detail: e.to_string(),
    })?;
    crate::durable::write_atomic(&path, &tmp, &json, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_right_passphrase_unlocks_and_a_wrong_one_says_so() {
        let (keys, envelope) = Keys::create("river at dawn", KdfParams::FOR_TESTS).unwrap();
        let sealed = keys.seal(b"days/1", b"a private line").unwrap();
        let again = Keys::unlock(&envelope, "river at dawn").unwrap();
        assert_eq!(again.open(b"days/1", &sealed).unwrap(), b"a private line");
        assert_eq!(again.term_id("forecast"), keys.term_id("forecast"));
        assert!(matches!(
            Keys::unlock(&envelope, "river at dusk"),
            Err(KeelError::WrongPassphrase)
        ));
        assert!(matches!(
            Keys::create("   ", KdfParams::FOR_TESTS),
            Err(KeelError::InvalidPassphrase { .. })
        ));
    }

    #[test]
    fn a_value_opens_only_where_it_was_sealed_and_only_unchanged() {
        let (keys, _) = Keys::create("p", KdfParams::FOR_TESTS).unwrap();
        let sealed = keys.seal(b"days/1", b"text").unwrap();
        assert_ne!(
            sealed,
            keys.seal(b"days/1", b"text").unwrap(),
            "a fresh nonce every time"
        );
        assert!(
            keys.open(b"days/2", &sealed).is_err(),
            "moved to another key"
        );
        let mut flipped = sealed.clone();
        *flipped.last_mut().unwrap() ^= 1;
        assert!(keys.open(b"days/1", &flipped).is_err(), "changed");
        assert!(keys.open(b"days/1", &sealed[..10]).is_err(), "cut");
        let (other, _) = Keys::create("p", KdfParams::FOR_TESTS).unwrap();
        assert!(
            other.open(b"days/1", &sealed).is_err(),
            "another journal's key"
        );
        assert_ne!(other.term_id("forecast"), keys.term_id("forecast"));
    }

    #[test]
    fn a_new_passphrase_rewraps_the_same_master_key() {
        let (keys, old) = Keys::create("first", KdfParams::FOR_TESTS).unwrap();
        let sealed = keys.seal(b"k", b"kept").unwrap();
        let new = keys.wrap("second", KdfParams::FOR_TESTS).unwrap();
        assert_ne!(new.salt, old.salt);
        let reopened = Keys::unlock(&new, "second").unwrap();
        assert_eq!(reopened.open(b"k", &sealed).unwrap(), b"kept");
        assert!(matches!(
            Keys::unlock(&new, "first"),
            Err(KeelError::WrongPassphrase)
        ));
    }

    #[test]
    fn a_sealed_file_opens_with_the_passphrase_alone() {
        let (keys, envelope) = Keys::create("pass", KdfParams::FOR_TESTS).unwrap();
        let file = keys.seal_file(&envelope, b"{\"days\": []}").unwrap();
        assert!(is_sealed_file(&file));
        assert!(!file.windows(4).any(|w| w == b"days"));
        assert_eq!(keys.open_file(&file).unwrap(), b"{\"days\": []}");
        let (plain, carried) = open_file_with(&file, "pass").unwrap();
        assert_eq!(
            (plain.as_slice(), carried),
            (&b"{\"days\": []}"[..], envelope)
        );
        assert!(matches!(
            open_file_with(&file, "nope"),
            Err(KeelError::WrongPassphrase)
        ));
        assert!(open_file_with(&file[..FILE_HEADER.len() + 5], "pass").is_err());
        assert!(!is_sealed_file(b"{\"format\": \"keel\"}"));
    }

    #[test]
    fn an_envelope_round_trips_through_its_file_and_nonsense_is_damage() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(read_envelope(dir.path()).unwrap(), None);
        let (_, envelope) = Keys::create("p", KdfParams::FOR_TESTS).unwrap();
        write_envelope(dir.path(), &envelope).unwrap();
        assert_eq!(read_envelope(dir.path()).unwrap(), Some(envelope.clone()));
        std::fs::write(dir.path().join(ENVELOPE_FILE), b"{}").unwrap();
        assert!(matches!(
            read_envelope(dir.path()),
            Err(KeelError::Corrupt { .. })
        ));
        let mut bad = envelope;
        bad.wrapped.truncate(10);
        assert!(matches!(
            Keys::unlock(&bad, "p"),
            Err(KeelError::Corrupt { .. })
        ));
    }
}
