//! Durable file writes outside the store: a file is written whole under a temporary name beside
//! its place, fsynced, renamed into place, and its folder fsynced, so after a crash the path
//! holds either the old bytes or the new ones, never a part (ENGINEERING-NOTES.md: the rename
//! and the folder's fsync are what make it last). The reminder file, the key file and the sync
//! folder's change files are written this way.

use std::io::Write;
use std::path::Path;

use crate::error::{io, Result};

/// Fsyncs a folder, so a rename or a new file in it survives a crash.
pub(crate) fn sync_dir(dir: &Path) -> Result<()> {
    std::fs::File::open(dir)
        .and_then(|f| f.sync_all())
        .map_err(io("sync the folder", dir))
}

/// Writes `bytes` to `path` through `tmp` (in the same folder): whole, durable, atomic. With
/// `private`, the file is readable by its owner only (0600 on Unix).
pub(crate) fn write_atomic(path: &Path, tmp: &Path, bytes: &[u8], private: bool) -> Result<()> {
    {
        let mut options = std::fs::OpenOptions::new();
        options.create(true).truncate(true).write(true);
        #[cfg(unix)]
        if private {
            std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        }
        #[cfg(not(unix))]
        let _ = private;
        let mut out = options.open(tmp).map_err(io("write", tmp))?;
        out.write_all(bytes).map_err(io("write", tmp))?;
        out.sync_all().map_err(io("sync", tmp))?;
    }
    std::fs::rename(tmp, path).map_err(io("name", path))?;
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => sync_dir(dir),
        _ => sync_dir(Path::new(".")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_replaced_whole_and_the_temporary_name_is_gone() {
        let dir = tempfile::tempdir().unwrap();
        let (path, tmp) = (dir.path().join("f"), dir.path().join(".f.tmp"));
        write_atomic(&path, &tmp, b"one", true).unwrap();
        write_atomic(&path, &tmp, b"two", true).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        assert!(!tmp.exists());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }
}
