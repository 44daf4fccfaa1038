//! Files pmdb writes for the person (exports, reports, packs, backups): whole or absent, and
//! created as any other tool creates files, with the process's umask, so colleagues in a
//! shared group can read them. Each is written beside its final name under a temporary one
//! and renamed into place only when complete: a killed write leaves nothing under the final
//! name. Installed set-group-ID, pmdb writes them with the person's own group, never its own
//! (`privilege::as_person`).
//!
//! In a folder a team shares, a colleague may swap a symbolic link in at the temporary name
//! at any moment. So the temporary file is created exclusively (`O_CREAT|O_EXCL`, which never
//! follows a link) and then written only through the handle that created it, never reopened
//! by name; the rename replaces whatever is at the final name (a link included) rather than
//! writing through it. Temporaries are named `.NAME.pmdb-partial-PID-XXXXXXXX`, so a later
//! run recognises those a killed pmdb of the same person left and removes them.

use std::fs::File;
use std::io;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use tempfile::NamedTempFile;

/// Whether an existing file at the final name may be replaced.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Existing {
    Replace,
    Refuse,
}

/// What marks a temporary file as pmdb's: `.NAME` + this + `PID-XXXXXXXX`.
pub const PARTIAL_MARK: &str = ".pmdb-partial-";

/// A partial whose process is still running is left alone for this long at most (its pid
/// may have been reused by another program).
pub const STALE_AFTER: Duration = Duration::from_secs(24 * 60 * 60);

/// Creates `path` from what `fill` writes into the temporary file beside it, through the
/// handle that created it (the file is empty). Mode 0666 less the umask, as `open(2)` gives;
/// owned by the person, user and group.
pub fn write_beside(
    path: &Path,
    existing: Existing,
    fill: impl FnOnce(&mut File) -> io::Result<()>,
) -> io::Result<()> {
    crate::privilege::as_person(|| {
        let mut partial = Partial::begin(path)?;
        fill(partial.tmp.as_file_mut())?;
        partial.finish(path, existing)
    })?
}

/// As `write_beside`, for a writer that can only be given a name (SQLite, for a backup).
/// `fill` gets the temporary's path with every link resolved in its folder, and must open it
/// refusing links (`SQLITE_OPEN_NOFOLLOW`: no link anywhere in the path, and `O_NOFOLLOW`
/// when it opens), so a link swapped in is never written through. Afterwards the file
/// created here must hold what was written: if the name led elsewhere, nothing is kept.
pub fn write_beside_by_name(
    path: &Path,
    existing: Existing,
    fill: impl FnOnce(&Path) -> io::Result<()>,
) -> io::Result<()> {
    crate::privilege::as_person(|| {
        let partial = Partial::begin(path)?;
        let real = std::fs::canonicalize(&partial.dir)?.join(
            partial
                .tmp
                .path()
                .file_name()
                .ok_or_else(|| io::Error::other("the temporary file has no name"))?,
        );
        fill(&real)?;
        if partial.tmp.as_file().metadata()?.len() == 0 {
            return Err(replaced(&partial.dir));
        }
        partial.finish(path, existing)
    })?
}

/// A temporary file beside the final name, created exclusively and held open.
struct Partial {
    tmp: NamedTempFile,
    dir: PathBuf,
}

impl Partial {
    fn begin(path: &Path) -> io::Result<Partial> {
        let dir = path
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."))
            .to_path_buf();
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        remove_stale_partials(&dir, SystemTime::now());
        // tempfile opens with O_CREAT|O_EXCL: a link planted at the name makes it try
        // another name, never writes through it.
        let tmp = tempfile::Builder::new()
            .prefix(&format!(".{name}{PARTIAL_MARK}{}-", std::process::id()))
            .rand_bytes(8)
            .permissions(std::fs::Permissions::from_mode(0o666))
            .tempfile_in(&dir)?;
        Ok(Partial { tmp, dir })
    }

    /// Flushes through the handle, then renames into place, checking before and after that
    /// the name still is the file this handle wrote.
    fn finish(self, path: &Path, existing: Existing) -> io::Result<()> {
        let file = self.tmp.as_file();
        file.sync_all()?;
        let ours = file.metadata()?;
        let same = |p: &Path| {
            std::fs::symlink_metadata(p)
                .is_ok_and(|m| m.dev() == ours.dev() && m.ino() == ours.ino())
        };
        if !same(self.tmp.path()) {
            return Err(replaced(&self.dir));
        }
        let dir = self.dir.clone();
        match existing {
            Existing::Replace => self.tmp.persist(path).map(drop).map_err(|e| e.error)?,
            // A link fails if the name exists, so a file that appeared meanwhile is kept.
            Existing::Refuse => self
                .tmp
                .persist_noclobber(path)
                .map(drop)
                .map_err(|e| e.error)?,
        }
        if !same(path) {
            return Err(replaced(&dir));
        }
        Ok(())
    }
}

fn replaced(dir: &Path) -> io::Error {
    io::Error::other(format!(
        "the temporary file was replaced while pmdb wrote it: someone else can write {}; \
         write to a folder only you can change",
        dir.display()
    ))
}

/// Removes from `dir` the temporaries a killed pmdb of this person left: regular files
/// named as pmdb names them, owned by the person, whose process is no longer running or
/// which are older than a day. (The older form `.NAME.XXXXXX.partial` carries no pid and
/// is removed once a day old.) Returns how many went. Never follows a link, never touches
/// another person's file; what cannot be removed stays.
pub fn remove_stale_partials(dir: &Path, now: SystemTime) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let me = nix::unistd::getuid().as_raw();
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().to_string();
        let Some(pid) = partial_pid(&name) else {
            continue;
        };
        let Ok(meta) = std::fs::symlink_metadata(entry.path()) else {
            continue;
        };
        if !meta.file_type().is_file() || meta.uid() != me {
            continue;
        }
        let old = meta
            .modified()
            .ok()
            .and_then(|m| now.duration_since(m).ok())
            .is_some_and(|age| age > STALE_AFTER);
        let dead = pid.is_some_and(|p| !running(p));
        if (old || dead) && std::fs::remove_file(entry.path()).is_ok() {
            removed += 1;
        }
    }
    removed
}

/// Whether `name` is one of pmdb's temporaries: `Some(Some(pid))` for the current form,
/// `Some(None)` for the older `.NAME.XXXXXX.partial`, None for anything else.
fn partial_pid(name: &str) -> Option<Option<u32>> {
    if !name.starts_with('.') {
        return None;
    }
    if let Some(at) = name.rfind(PARTIAL_MARK) {
        let rest = &name[at + PARTIAL_MARK.len()..];
        let (pid, random) = rest.split_once('-')?;
        let pid: u32 = pid.parse().ok()?;
        return (random.len() == 8 && random.chars().all(|c| c.is_ascii_alphanumeric()))
            .then_some(Some(pid));
    }
    let stem = name.strip_suffix(".partial")?;
    let (front, random) = stem.rsplit_once('.')?;
    (front.len() > 1 && random.len() == 6 && random.chars().all(|c| c.is_ascii_alphanumeric()))
        .then_some(None)
}

/// Whether process `pid` exists (a process of another user counts as running).
fn running(pid: u32) -> bool {
    if pid == std::process::id() {
        return true;
    }
    let Ok(raw) = i32::try_from(pid) else {
        return false;
    };
    !matches!(
        nix::sys::signal::kill(nix::unistd::Pid::from_raw(raw), None),
        Err(nix::errno::Errno::ESRCH)
    )
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
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;

    fn write_text(path: &Path, existing: Existing, text: &str) -> io::Result<()> {
        write_beside(path, existing, |f| f.write_all(text.as_bytes()))
    }

    #[test]
    fn a_file_is_whole_or_absent_and_honours_the_umask() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.csv");
        write_text(&path, Existing::Refuse, "a,b\n").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "a,b\n");
        // The mode is 0666 less whatever the umask is: group and others may read unless
        // the umask says otherwise, never 0600 by construction.
        let mask = nix::sys::stat::umask(nix::sys::stat::Mode::empty());
        nix::sys::stat::umask(mask);
        let mode = std::fs::metadata(&path).unwrap().mode() & 0o777;
        assert_eq!(mode, 0o666 & !(mask.bits() as u32));
        // A refusal to overwrite keeps the first file; a failed fill leaves nothing.
        let again = write_text(&path, Existing::Refuse, "x");
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

    /// A colleague swaps a link to the victim's own file in at the temporary name while
    /// pmdb writes: the victim's file keeps its bytes, and pmdb says what happened.
    #[test]
    fn a_link_swapped_in_at_the_temporary_name_is_never_written_through() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim.txt");
        std::fs::write(&victim, "the victim's own file\n").unwrap();
        let out = dir.path().join("export.csv");
        let err = write_beside(&out, Existing::Replace, |f| {
            let tmp = partials(dir.path()).pop().unwrap();
            std::fs::remove_file(&tmp).unwrap();
            std::os::unix::fs::symlink(&victim, &tmp).unwrap();
            f.write_all(b"code,value\nK1,5\n")
        })
        .unwrap_err();
        assert!(
            err.to_string().contains("was replaced while pmdb wrote it"),
            "{err}"
        );
        assert_eq!(
            std::fs::read_to_string(&victim).unwrap(),
            "the victim's own file\n"
        );
        // Nothing was renamed into place.
        assert!(std::fs::symlink_metadata(&out).is_err());
    }

    /// A link already at the final name is replaced by the file, not written through.
    #[test]
    fn a_link_at_the_final_name_is_replaced_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim.txt");
        std::fs::write(&victim, "keep me\n").unwrap();
        let out = dir.path().join("report.md");
        std::os::unix::fs::symlink(&victim, &out).unwrap();
        write_text(&out, Existing::Replace, "# Report\n").unwrap();
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep me\n");
        let meta = std::fs::symlink_metadata(&out).unwrap();
        assert!(meta.file_type().is_file());
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "# Report\n");
    }

    /// For a writer given a name: a link swapped in is refused by the writer (as SQLite with
    /// `SQLITE_OPEN_NOFOLLOW` refuses), and if the name led anywhere else nothing is kept.
    #[test]
    fn a_named_writer_that_wrote_elsewhere_keeps_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("backup.db");
        let err = write_beside_by_name(&out, Existing::Refuse, |tmp| {
            // Another regular file swapped in at the name: the write lands in it, not in
            // the file pmdb created and holds.
            std::fs::remove_file(tmp)?;
            std::fs::write(tmp, "elsewhere")
        })
        .unwrap_err();
        assert!(err.to_string().contains("was replaced"), "{err}");
        assert!(!out.exists());
        let ok = write_beside_by_name(&out, Existing::Refuse, |tmp| {
            assert_eq!(
                tmp.parent().unwrap(),
                std::fs::canonicalize(dir.path()).unwrap()
            );
            let mut f = std::fs::OpenOptions::new()
                .write(true)
                .custom_flags(nix::libc::O_NOFOLLOW)
                .open(tmp)?;
            f.write_all(b"whole")
        });
        ok.unwrap();
        assert_eq!(std::fs::read(&out).unwrap(), b"whole");
    }

    fn partials(dir: &Path) -> Vec<PathBuf> {
        std::fs::read_dir(dir)
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.to_string_lossy().contains(PARTIAL_MARK))
            .collect()
    }

    #[test]
    fn temporaries_are_recognised_by_their_names() {
        assert_eq!(
            partial_pid(".b.db.pmdb-partial-4242-a1B2c3D4"),
            Some(Some(4242))
        );
        assert_eq!(partial_pid(".b.db.Ab12cD.partial"), Some(None));
        for other in [
            "b.db.pmdb-partial-4242-a1B2c3D4",
            ".b.db.pmdb-partial-x-a1B2c3D4",
            ".b.db.pmdb-partial-4242-short",
            ".b.db.partial",
            ".config",
            "notes.partial",
        ] {
            assert_eq!(partial_pid(other), None, "{other}");
        }
    }

    #[test]
    fn stale_temporaries_of_dead_processes_go_and_the_rest_stay() {
        let dir = tempfile::tempdir().unwrap();
        // A pid that is not running: a child that has exited and been reaped.
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let dead = child.id();
        child.wait().unwrap();
        let live = std::process::id();
        let dead_one = dir
            .path()
            .join(format!(".b.db{PARTIAL_MARK}{dead}-a1B2c3D4"));
        let live_one = dir
            .path()
            .join(format!(".b.db{PARTIAL_MARK}{live}-a1B2c3D4"));
        let old_form = dir.path().join(".b.db.Ab12cD.partial");
        let someone_elses = dir.path().join("notes.txt");
        for p in [&dead_one, &live_one, &old_form, &someone_elses] {
            std::fs::write(p, "x").unwrap();
        }
        // A link with a pmdb name is not pmdb's file: left alone, its target untouched.
        let target = dir.path().join("target.txt");
        std::fs::write(&target, "t").unwrap();
        let link = dir
            .path()
            .join(format!(".c.db{PARTIAL_MARK}{dead}-a1B2c3D4"));
        std::os::unix::fs::symlink(&target, &link).unwrap();

        assert_eq!(remove_stale_partials(dir.path(), SystemTime::now()), 1);
        assert!(!dead_one.exists());
        assert!(live_one.exists() && old_form.exists() && someone_elses.exists());
        assert!(
            std::fs::symlink_metadata(&link).is_ok(),
            "a link is not pmdb's file"
        );
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "t");
        // A day later, the live pid may be another program's by now: its file goes too,
        // and so does the old form.
        let later = SystemTime::now() + STALE_AFTER + Duration::from_secs(60);
        assert_eq!(remove_stale_partials(dir.path(), later), 2);
        assert!(!live_one.exists() && !old_form.exists() && someone_elses.exists());
    }
}
