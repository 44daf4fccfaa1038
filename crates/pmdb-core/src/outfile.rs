//! Files pmdb writes for the person (exports, backups): whole or absent, and created as any
//! other tool creates files, with the process's umask, so colleagues in a shared group can
//! read them. Each is written beside its final name under a temporary one and renamed into
//! place only when complete: a killed write leaves nothing under the final name. Installed
//! set-group-ID, pmdb writes them with the person's own group, never its own
//! (`privilege::as_person`).

use std::io;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

/// Whether an existing file at the final name may be replaced.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Existing {
    Replace,
    Refuse,
}

/// Creates `path` from what `fill` writes into a temporary file beside it (given its path;
/// the file exists and is empty). Mode 0666 less the umask, as `open(2)` gives; owned by
/// the person, user and group.
pub fn write_beside(
    path: &Path,
    existing: Existing,
    fill: impl FnOnce(&Path) -> io::Result<()>,
) -> io::Result<()> {
    crate::privilege::as_person(|| write_as_is(path, existing, fill))?
}

fn write_as_is(
    path: &Path,
    existing: Existing,
    fill: impl FnOnce(&Path) -> io::Result<()>,
) -> io::Result<()> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let tmp = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".partial")
        .permissions(std::fs::Permissions::from_mode(0o666))
        .tempfile_in(dir)?;
    fill(tmp.path())?;
    std::fs::File::open(tmp.path())?.sync_all()?;
    match existing {
        Existing::Replace => tmp.persist(path).map(drop).map_err(|e| e.error),
        // A link fails if the name exists, so a file that appeared meanwhile is kept.
        Existing::Refuse => tmp.persist_noclobber(path).map(drop).map_err(|e| e.error),
    }
}

/// Makes the folder `dir` (and any missing above it) for files the person asked for, with
/// the person's own group.
pub fn create_folder(dir: &Path) -> io::Result<()> {
    crate::privilege::as_person(|| std::fs::create_dir_all(dir))?
}

/// Reads a file the person named for pmdb to read (an import), with the person's own
/// group: installed set-group-ID, pmdb reads nothing for them that they could not read.
pub fn read_for_person(path: &Path) -> io::Result<Vec<u8>> {
    crate::privilege::as_person(|| std::fs::read(path))?
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::MetadataExt;

    #[test]
    fn a_file_is_whole_or_absent_and_honours_the_umask() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.csv");
        write_beside(&path, Existing::Refuse, |tmp| std::fs::write(tmp, "a,b\n")).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "a,b\n");
        // The mode is 0666 less whatever the umask is: group and others may read unless
        // the umask says otherwise, never 0600 by construction.
        let mask = nix::sys::stat::umask(nix::sys::stat::Mode::empty());
        nix::sys::stat::umask(mask);
        let mode = std::fs::metadata(&path).unwrap().mode() & 0o777;
        assert_eq!(mode, 0o666 & !(mask.bits() as u32));
        // A refusal to overwrite keeps the first file; a failed fill leaves nothing.
        let again = write_beside(&path, Existing::Refuse, |tmp| std::fs::write(tmp, "x"));
        assert_eq!(again.unwrap_err().kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "a,b\n");
        let other = dir.path().join("never.csv");
        let failed = write_beside(&other, Existing::Replace, |_| {
            Err(io::Error::other("killed"))
        });
        assert!(failed.is_err());
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(left.len(), 1, "only out.csv: {left:?}");
    }
}
