//! The scriptable contract for `init` and `config`, and where the database is found:
//! `--db`, `PMDB_DB` or the data directory.
//!
//! The fixture council (tests/fixtures) has data for April to July 2024; today is pinned
//! to 2024-08-01, so June's data was due on 15 July and July's is not due until 15 August.

mod common;

use common::{Council, me};
use serde_json::{Value, json};

#[test]
fn init_makes_the_login_that_runs_it_admin_and_refuses_an_existing_file() {
    let c = Council::empty(common::FIXTURE_TODAY);
    let out = c.json(&["init"]);
    assert_eq!(out["admin"], me());
    let users = c.json(&["user", "list"]);
    assert_eq!(
        users["users"],
        json!([{ "login": me(), "name": me(), "role": "admin" }])
    );
    let before = common::bytes(&c.db);
    let err = c.refused(&["init"]);
    assert!(
        err.contains("already exists; refusing to overwrite it"),
        "{err}"
    );
    assert_eq!(
        common::bytes(&c.db),
        before,
        "a refused init changed the file"
    );
}

#[test]
fn config_shows_the_database_the_login_and_the_settings() {
    let c = Council::fixture();
    let cfg = c.json(&["config"]);
    assert_eq!(cfg["database"], c.db.to_str().unwrap());
    assert_eq!(cfg["exists"], true);
    assert_eq!(cfg["login"], me());
    assert_eq!(cfg["role"], "admin");
    assert_eq!(cfg["today"], "2024-08-01");
    assert_eq!(cfg["deadline_day"], 15);
    assert_eq!(
        cfg["rag_rules"],
        json!([{ "from": null, "rule": "intervention" }])
    );

    c.ok(&["config", "set", "deadline_day", "10"]);
    c.ok(&[
        "config",
        "set",
        "rag_rule",
        "tolerance:5:10",
        "--from",
        "2024-06",
    ]);
    let cfg = c.json(&["config"]);
    assert_eq!(cfg["deadline_day"], 10);
    assert_eq!(
        cfg["rag_rules"],
        json!([{ "from": null, "rule": "intervention" }, { "from": "2024-06", "rule": "tolerance:5:10" }])
    );
}

#[test]
fn the_database_can_be_named_by_pmdb_db_instead_of_db() {
    let c = Council::fixture();
    let mut cmd = assert_cmd::Command::cargo_bin("pmdb").unwrap();
    cmd.args(["show", "PL1", "--period", "2024/25 Q1", "--json"])
        .env("PMDB_DB", &c.db)
        .env("PMDB_TODAY", "2024-08-01");
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["periods"][0]["value"], 75.0);
}

#[test]
fn without_db_the_database_lives_in_the_data_directory_and_config_says_where() {
    let home = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| {
        let mut cmd = assert_cmd::Command::cargo_bin("pmdb").unwrap();
        cmd.args(args)
            .env("HOME", home.path())
            .env_remove("XDG_DATA_HOME")
            .env_remove("PMDB_DB")
            .env("PMDB_TODAY", "2024-08-01");
        let out = cmd.output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let expected = home.path().join(".local/share/pmdb/pmdb.db");
    let cfg: Value = serde_json::from_str(&run(&["config", "--json"])).unwrap();
    assert_eq!(cfg["database"], expected.to_str().unwrap());
    assert_eq!(cfg["exists"], false);
    run(&["init"]);
    assert!(
        expected.exists(),
        "init did not create {}",
        expected.display()
    );
    let cfg: Value = serde_json::from_str(&run(&["config", "--json"])).unwrap();
    assert_eq!(
        (cfg["exists"].clone(), cfg["role"].clone()),
        (json!(true), json!("admin"))
    );
}

#[test]
fn demo_without_db_writes_the_demo_file_that_dash_dash_demo_opens_never_the_councils() {
    let home = tempfile::tempdir().unwrap();
    let data = home.path().join("data");
    let mut cmd = assert_cmd::Command::cargo_bin("pmdb").unwrap();
    cmd.args(["demo", "--json"])
        .env("HOME", home.path())
        .env("XDG_DATA_HOME", &data)
        .env_remove("PMDB_DB")
        .env("PMDB_TODAY", "2024-08-01");
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let demo = data.join("pmdb").join("pmdb-demo.db");
    let council = data.join("pmdb").join("pmdb.db");
    assert!(demo.exists(), "demo did not create {}", demo.display());
    assert!(
        !council.exists(),
        "demo wrote the council's database {}",
        council.display()
    );
    // The council's database is still untouched: config (no --demo) says it does not exist.
    let mut cmd = assert_cmd::Command::cargo_bin("pmdb").unwrap();
    cmd.args(["config", "--json"])
        .env("HOME", home.path())
        .env("XDG_DATA_HOME", &data)
        .env_remove("PMDB_DB")
        .env("PMDB_TODAY", "2024-08-01");
    let cfg: Value = serde_json::from_slice(&cmd.output().unwrap().stdout).unwrap();
    assert_eq!(cfg["database"], council.to_str().unwrap());
    assert_eq!(cfg["exists"], false);
}
