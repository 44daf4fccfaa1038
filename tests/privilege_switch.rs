//! The group switch (`privilege`) in a process running as if set-group-ID: root sets its
//! effective group to one nobody has, as the kernel does when it starts pmdb installed
//! `root:pmdb 2755`, and every file written for the person then takes the person's real
//! group while anything else still takes the program's. Only root may set its effective
//! group to another; run by anyone else, the test checks that the switch changes nothing.
//! Its own test binary: the effective group is the whole process's.

use std::io::Write;
use std::os::unix::fs::MetadataExt;
use std::path::Path;

use nix::unistd::{Gid, getegid, getgid, setegid};
use pmdb::outfile::{Existing, create_folder, read_for_person, write_beside};
use pmdb::privilege::{as_person, give_up_group, program_group, set_group_id};

fn group_of(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().gid()
}

#[test]
fn files_for_the_person_take_their_group_and_the_program_keeps_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let real = getgid();
    if !nix::unistd::getuid().is_root() {
        eprintln!(
            "files_for_the_person_take_their_group…: only root can run as if set-group-ID; checking the switch is idle"
        );
        assert!(!set_group_id());
        let file = dir.path().join("export.csv");
        write_beside(&file, Existing::Refuse, |f| f.write_all(b"a\n")).unwrap();
        assert_eq!(group_of(&file), real.as_raw());
        return;
    }
    let program = Gid::from_raw(
        (47000..48000)
            .find(|g| {
                nix::unistd::Group::from_gid(Gid::from_raw(*g))
                    .ok()
                    .flatten()
                    .is_none()
            })
            .unwrap(),
    );
    setegid(program).unwrap();
    assert!(set_group_id());
    assert_eq!(program_group(), Some(program));

    // Written for the person: their group. Made otherwise: the program's.
    let export = dir.path().join("export.csv");
    write_beside(&export, Existing::Refuse, |f| f.write_all(b"a,b\n")).unwrap();
    assert_eq!(group_of(&export), real.as_raw(), "an export");
    let pack = dir.path().join("pack");
    create_folder(&pack).unwrap();
    assert_eq!(group_of(&pack), real.as_raw(), "a pack's folder");
    let other = dir.path().join("other");
    std::fs::write(&other, "x").unwrap();
    assert_eq!(group_of(&other), program.as_raw(), "not for the person");
    assert_eq!(getegid(), program, "the program's group is back after each");

    // Inside: the person's group, nested or not; outside again: the program's.
    let inside = as_person(|| {
        let outer = getegid();
        let inner = as_person(getegid).unwrap();
        (outer, inner)
    })
    .unwrap();
    assert_eq!(inside, (real, real));
    assert_eq!(getegid(), program);

    // A panic in the middle still gives the group back.
    let caught = std::panic::catch_unwind(|| as_person(|| panic!("half-way")));
    assert!(caught.is_err());
    assert_eq!(getegid(), program);
    assert_eq!(read_for_person(&export).unwrap(), b"a,b\n");

    // Given up for good (the demo council): every group is the person's.
    give_up_group().unwrap();
    assert!(!set_group_id());
    assert_eq!(getegid(), real);
    let res = nix::unistd::getresgid().unwrap();
    assert_eq!((res.effective, res.saved), (real, real));
}
