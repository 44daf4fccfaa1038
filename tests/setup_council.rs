//! The README's "Setting up your council", followed literally: every CSV file and every
//! command in the blocks it marks `<!-- setup: NAME -->` is written and run, in order, with
//! the real binary on a new database, and the council it builds is then checked. A README
//! example that stops working fails here.

mod common;

use std::path::Path;

use serde_json::Value;

/// May 2026: April's figures are the first the council owes.
const TODAY: &str = "2026-05-20";

/// The marked blocks of the README, in order: (name, the block's lines).
fn setup_blocks(readme: &str) -> Vec<(String, String)> {
    let mut blocks = Vec::new();
    let mut lines = readme.lines();
    while let Some(line) = lines.next() {
        let Some(name) = line
            .trim()
            .strip_prefix("<!-- setup:")
            .and_then(|rest| rest.strip_suffix("-->"))
        else {
            continue;
        };
        let fence = lines.next().unwrap_or_default();
        assert!(
            fence.starts_with("```"),
            "the README's setup block {name} must start with a fence right after its marker, not {fence:?}"
        );
        let body: Vec<&str> = lines
            .by_ref()
            .take_while(|l| !l.starts_with("```"))
            .collect();
        blocks.push((name.trim().to_string(), body.join("\n") + "\n"));
    }
    blocks
}

/// A command line as a shell splits it: words, with "double quotes" around spaces.
fn words(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut quoted = false;
    let mut any = false;
    for c in line.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                any = true;
            }
            ' ' if !quoted => {
                if any {
                    out.push(std::mem::take(&mut word));
                    any = false;
                }
            }
            c => {
                word.push(c);
                any = true;
            }
        }
    }
    assert!(!quoted, "an unclosed quote in the README's command {line}");
    if any {
        out.push(word);
    }
    out
}

/// Runs `pmdb ARGS` in the council's folder as the README's reader would.
fn pmdb(dir: &Path, args: &[String]) -> String {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_pmdb"))
        .args(args)
        .current_dir(dir)
        .env("PMDB_DB", dir.join("council.db"))
        .env("PMDB_TODAY", TODAY)
        .env("HOME", dir)
        .env_remove("XDG_DATA_HOME")
        .output()
        .expect("run pmdb");
    assert!(
        out.status.success(),
        "the README's `pmdb {}` failed:\n{}{}",
        args.join(" "),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

fn json(dir: &Path, args: &[&str]) -> Value {
    let mut args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
    args.push("--json".into());
    serde_json::from_str(&pmdb(dir, &args)).expect("JSON")
}

fn text(dir: &Path, args: &[&str]) -> String {
    let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
    pmdb(dir, &args)
}

#[test]
fn the_readme_walks_an_empty_file_to_the_first_months_figures() {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
        .expect("README.md");
    let blocks = setup_blocks(&readme);
    let files: Vec<&str> = blocks
        .iter()
        .map(|(name, _)| name.as_str())
        .filter(|name| *name != "run")
        .collect();
    // Every kind, in the order the spec sets out.
    assert_eq!(
        files,
        [
            "users.csv",
            "services.csv",
            "portfolios.csv",
            "boards.csv",
            "board_members.csv",
            "meetings.csv",
            "plan.csv",
            "indicators.csv",
            "targets.csv",
            "values.csv"
        ]
    );
    let dir = tempfile::tempdir().expect("a temporary directory");
    let mut commands = 0;
    for (name, body) in &blocks {
        if name != "run" {
            std::fs::write(dir.path().join(name), body).expect("write the README's file");
            continue;
        }
        for line in body.lines().map(str::trim).filter(|l| !l.is_empty()) {
            let mut args = words(line);
            assert_eq!(args.first().map(String::as_str), Some("pmdb"), "{line}");
            args.remove(0);
            pmdb(dir.path(), &args);
            commands += 1;
        }
    }
    assert!(commands >= 14, "only {commands} commands ran");
    let dir = dir.path();

    // The first month's figures, as the README says: both green.
    for (code, value) in [("HR01", 0.62), ("ENV01", 53.7)] {
        let shown = json(dir, &["show", code, "--period", "2026-04"]);
        let period = &shown["periods"][0];
        assert_eq!(period["value"], value, "{code}: {shown:#}");
        assert_eq!(period["rag"], "green", "{code}: {shown:#}");
    }
    // The services have their names and heads; the boards their members.
    assert_eq!(
        text(dir, &["export", "services"]),
        "code,name,head\nENV,Environmental Services,rpatel\nHR,Human Resources,jsmith\n"
    );
    assert_eq!(
        text(dir, &["export", "board_members"]),
        "board,login\nLT,dlee\nMB,dlee\nPPG,dlee\nPPG,kbrown\n"
    );
    assert!(
        text(dir, &["export", "boards"]).contains("AUD,Audit & Governance Committee\n"),
        "the council's own board"
    );
    assert_eq!(text(dir, &["export", "meetings"]).lines().count(), 3);
    let store = pmdb::store::Store::open(&dir.join("council.db"), &common::me()).unwrap();
    assert_eq!(store.board_members("MB").unwrap(), vec!["dlee".to_string()]);
    // The roll-up groups by the services' names, each with its green indicator.
    let rollup = json(dir, &["rollup", "--by", "service", "--period", "2026-04"]);
    let groups: Vec<(String, i64)> = rollup["groups"]
        .as_array()
        .expect("groups")
        .iter()
        .map(|g| {
            (
                g["title"].as_str().unwrap_or("").to_string(),
                g["green"].as_i64().unwrap_or(-1),
            )
        })
        .collect();
    assert_eq!(
        groups,
        [
            ("Environmental Services".to_string(), 1),
            ("Human Resources".to_string(), 1)
        ],
        "{rollup:#}"
    );
    let config = json(dir, &["config"]);
    assert_eq!(config["council_name"], "Anytown District Council");
    assert_eq!(config["collect_from"], "2026-04");
}

#[test]
fn import_help_lists_every_kinds_columns_from_the_column_table() {
    let help = text(Path::new("."), &["import", "--help"]);
    for kind in pmdb::csvio::KINDS {
        let columns: Vec<String> = pmdb::csvio::columns_of(kind)
            .iter()
            .map(|(c, required)| format!("{c}{}", if *required { "*" } else { "" }))
            .collect();
        // At least one space after the kind, however long its name (`project_updates`).
        let line = format!("{:<13} {}", kind.as_str(), columns.join(", "));
        assert!(
            help.contains(&line),
            "import --help lacks {line:?}:\n{help}"
        );
    }
    assert!(
        help.contains("meetings      board*, date*, title*, period"),
        "{help}"
    );
    let export = text(Path::new("."), &["export", "--help"]);
    assert!(
        export.contains("users         login*, name, role"),
        "{export}"
    );
}
