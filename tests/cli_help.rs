//! The scriptable contract (SPEC.md, "The scriptable contract"): every command exists and
//! documents itself, and exit statuses are 0 / 1 / 2.
//!
//! The fixture council (tests/fixtures) has data for April to July 2024; today is pinned
//! to 2024-08-01, so June's data was due on 15 July and July's is not due until 15 August.

mod common;

use common::Council;
use predicates::prelude::*;

const COMMANDS: [&str; 21] = [
    "init",
    "demo",
    "config",
    "import",
    "export",
    "show",
    "list",
    "set",
    "rollup",
    "report",
    "overdue",
    "exceptions",
    "history",
    "backup",
    "check",
    "user",
    "signoff",
    "actions",
    "projects",
    "risks",
    "eias",
];

#[test]
fn help_lists_every_command_of_the_contract() {
    let c = Council::empty(common::FIXTURE_TODAY);
    let help = c.ok(&["help"]);
    for command in COMMANDS {
        assert!(
            help.lines()
                .any(|l| l.trim_start().starts_with(&format!("{command} "))),
            "`pmdb help` does not list {command}:\n{help}"
        );
    }
    // The period forms and PMDB_TODAY are documented in the help itself.
    assert!(
        help.contains("2025-02") && help.contains("2024/25 Q4") && help.contains("2024/25"),
        "{help}"
    );
    assert!(help.contains("PMDB_TODAY"), "{help}");
    assert_eq!(
        c.ok(&["--help"]),
        help,
        "`pmdb --help` and `pmdb help` differ"
    );
}

#[test]
fn every_command_has_its_own_help() {
    let c = Council::empty(common::FIXTURE_TODAY);
    for command in COMMANDS {
        let help = c.ok(&[command, "--help"]);
        assert!(
            help.contains(&format!("Usage: pmdb {command}")),
            "`pmdb {command} --help`:\n{help}"
        );
        assert!(
            help.contains("--db <PATH>"),
            "`pmdb {command} --help` does not mention --db:\n{help}"
        );
        assert_eq!(
            c.ok(&["help", command]),
            help,
            "`pmdb help {command}` differs from `pmdb {command} --help`"
        );
    }
    let set = c.ok(&["set", "--help"]);
    for option in [
        "--numerator",
        "--denominator",
        "--commentary",
        "--action",
        "--quality",
        "--expect-version",
    ] {
        assert!(
            set.contains(option),
            "`pmdb set --help` lacks {option}:\n{set}"
        );
    }
    let user = c.ok(&["user", "--help"]);
    for sub in ["add", "set-role", "list"] {
        assert!(
            user.contains(sub),
            "`pmdb user --help` lacks {sub}:\n{user}"
        );
    }
    let exceptions = c.ok(&["exceptions", "--help"]);
    for sub in ["raise", "update"] {
        assert!(
            exceptions.contains(sub),
            "`pmdb exceptions --help` lacks {sub}:\n{exceptions}"
        );
    }
}

#[test]
fn a_usage_error_exits_with_status_2_and_says_what_was_wrong() {
    let c = Council::fixture();
    c.cmd(&["list", "--colour", "red"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("unexpected argument '--colour'"));
    c.cmd(&["frobnicate"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "unrecognized subcommand 'frobnicate'",
        ));
    c.cmd(&["set", "RW1", "2024-07"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("<VALUE>"));
    c.cmd(&["user", "add", "alee"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--role <ROLE>"));
}

#[test]
fn a_refused_request_exits_with_status_1_and_a_message_on_stderr() {
    let c = Council::fixture();
    let err = c.refused(&["show", "NOPE"]);
    assert_eq!(
        err.trim(),
        "pmdb: no indicator 'NOPE' (see `pmdb list` for the codes)"
    );
}
