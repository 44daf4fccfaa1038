//! `pmdb completions bash|zsh|fish` and `pmdb man` (SPEC.md, "Shell and manual"): clap's
//! generators over the real command line, so every command and flag is in them; neither
//! needs or makes a database.

mod common;

use common::Council;

#[test]
fn completions_name_the_commands_and_their_flags_for_each_shell() {
    let c = Council::empty(common::FIXTURE_TODAY);
    let bash = c.ok(&["completions", "bash"]);
    assert!(
        bash.contains("_pmdb()"),
        "a bash completion function:\n{bash:.300}"
    );
    assert!(bash.contains("complete -F _pmdb"), "registered for pmdb");
    // A command and a flag that only that command has.
    assert!(bash.contains("publish"));
    assert!(bash.contains("--portfolio"));
    let zsh = c.ok(&["completions", "zsh"]);
    assert!(zsh.starts_with("#compdef pmdb"), "{zsh:.100}");
    assert!(
        zsh.contains("'--approved-by=["),
        "signoff's --approved-by offered"
    );
    let fish = c.ok(&["completions", "fish"]);
    assert!(fish.contains("complete -c pmdb"));
    assert!(
        fish.contains("-a \"minutes\""),
        "the minutes command offered"
    );
    assert!(
        !c.db.exists(),
        "no database is made for a completion script"
    );
}

#[test]
fn an_unknown_shell_is_a_usage_error_naming_the_shells_that_work() {
    let c = Council::empty(common::FIXTURE_TODAY);
    let out = c.cmd(&["completions", "tcsh"]).output().expect("run pmdb");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("'tcsh'") && err.contains("bash, zsh, fish"),
        "{err}"
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn the_manual_page_lists_every_command_and_writes_a_page_per_command() {
    let c = Council::empty(common::FIXTURE_TODAY);
    let page = c.ok(&["man"]);
    assert!(
        page.contains(".TH pmdb 1"),
        "a section 1 page:\n{page:.300}"
    );
    assert!(page.contains("Performance Management Database for UK councils"));
    for command in ["publish", "signoff", "minutes", "completions"] {
        assert!(page.contains(command), "the page names `{command}`");
    }
    let dir = c.path("man1");
    std::fs::create_dir(&dir).expect("a folder for the pages");
    c.ok(&["man", "--out", dir.to_str().expect("UTF-8")]);
    let report = std::fs::read_to_string(dir.join("pmdb-report.1")).expect("pmdb-report.1");
    assert!(report.contains(".TH pmdb-report 1"));
    assert!(
        report.contains("\\-\\-portfolio"),
        "the report's own flag:\n{report:.400}"
    );
    let update = std::fs::read_to_string(dir.join("pmdb-actions-update.1"))
        .expect("a nested command's page");
    assert!(update.contains("\\-\\-expect\\-version"));
    assert!(!c.db.exists(), "no database is made for the manual");
}

#[test]
fn the_manual_into_a_missing_folder_is_refused_and_says_where() {
    let c = Council::empty(common::FIXTURE_TODAY);
    let missing = c.path("no-such-folder");
    let err = c.refused(&["man", "--out", missing.to_str().expect("UTF-8")]);
    assert!(
        err.contains("cannot write the manual pages into") && err.contains("no-such-folder"),
        "{err}"
    );
}
