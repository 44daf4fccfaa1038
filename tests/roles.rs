//! Users and roles. Identity is the operating system's login of the process (`me()`: the
//! login the tests run as), never USER or LOGNAME. Roles are tested by demoting that login
//! after making another admin, and an unknown login by running pmdb as the system's `nobody`
//! user (uid 65534), which needs the tests to run as root: run by anyone else, those two
//! tests say so and check nothing.

mod common;

use common::nobody::{as_nobody, can_run_as_nobody, share_with_nobody};
use common::{Council, me, text};
use serde_json::json;

/// The fixture council plus OWN1, an indicator the test's login owns (target 120 a year,
/// so 10 a month, intervention 96, so 8 a month), with a red June value and its exception,
/// and the login named as a data-entry officer of PL2 (owned by jpatel). It is still admin.
fn council() -> Council {
    let c = Council::fixture();
    let ind = c.file(
        "own.csv",
        format!(
            "code,title,kind,unit,decimals,polarity,frequency,aggregation,owner,plan\nOWN1,Own indicator,local,count,0,higher,monthly,sum,{},SP1\n",
            me()
        ),
    );
    c.ok(&["import", "indicators", &ind]);
    let targets = c.file(
        "own-t.csv",
        "code,year,target,intervention\nOWN1,2024/25,120,96\n",
    );
    c.ok(&["import", "targets", &targets]);
    c.ok(&[
        "set",
        "OWN1",
        "2024-06",
        "5",
        "--commentary",
        "Short staffed",
        "--action",
        "Agency cover",
    ]);
    c.ok(&["exceptions", "raise", "--period", "2024-06"]);
    c.ok(&["enterer", "add", "PL2", &me()]);
    c
}

/// The test's login makes `boss` an admin, then takes `role` for itself.
fn demote_me(c: &Council, role: &str) {
    c.ok(&[
        "user",
        "add",
        "boss",
        "--role",
        "admin",
        "--name",
        "Chief Executive",
    ]);
    c.ok(&["user", "set-role", &me(), role]);
    assert_eq!(c.json(&["config"])["role"], role);
}

#[test]
fn the_only_admin_cannot_be_demoted() {
    let c = council();
    let me = me();
    let err = c.refused(&["user", "set-role", &me, "viewer"]);
    assert_eq!(
        err.trim(),
        format!("pmdb: refused: {me} is the only admin; make someone else admin first")
    );
    assert_eq!(c.json(&["config"])["role"], "admin");
}

#[test]
fn an_officer_records_values_only_for_indicators_they_own_or_enter_for() {
    let c = council();
    let me = me();
    demote_me(&c, "officer");
    // Owned by me.
    c.ok(&["set", "OWN1", "2024-07", "11"]);
    // I enter data for PL2.
    c.ok(&["set", "PL2", "2024-05", "120"]);
    let before = c.snapshot();
    let err = c.refused(&["set", "RW1", "2024-07", "40"]);
    assert_eq!(
        err.trim(),
        format!(
            "pmdb: refused: {me} (officer) may record values only for indicators they own or enter data for; RW1 is owned by alee"
        )
    );
    // In a file too, naming the row: the whole file is refused.
    let csv = c.file(
        "v.csv",
        "code,period,value\nOWN1,2024-05,9\nWR1,2024-07,40\n",
    );
    let err = c.refused(&["import", "values", &csv]);
    assert_eq!(
        err.trim(),
        format!(
            "pmdb: {csv}: row 3, column period: refused: {me} (officer) may record values only for indicators they own or enter data for; WR1 is owned by alee"
        )
    );
    assert_eq!(c.snapshot(), before);
    let ok = c.file("own.csv", "code,period,value\nOWN1,2024-05,9\n");
    c.ok(&["import", "values", &ok]);
    assert_eq!(c.period("OWN1", "2024-05")["value"], 9.0);
}

#[test]
fn an_officer_may_not_manage_definitions_settings_users_or_sign_off() {
    let c = council();
    let me = me();
    demote_me(&c, "officer");
    let before = c.snapshot();
    let targets = c.file("t.csv", "code,year,target\nOWN1,2024/25,100\n");
    let indicators = c.file(
        "i.csv",
        format!(
            "code,title,kind,polarity,frequency,aggregation,owner\nOWN2,Another,local,higher,monthly,sum,{me}\n"
        ),
    );
    let cases: [(&[&str], &str); 7] = [
        (&["import", "targets", &targets], "import targets"),
        (&["import", "indicators", &indicators], "import indicators"),
        (&["config", "set", "deadline_day", "10"], "change settings"),
        (
            &["config", "set", "rag_rule", "tolerance:5:10"],
            "change settings",
        ),
        (
            &["exceptions", "raise", "--period", "2024-05"],
            "raise exceptions",
        ),
        (&["signoff", "2024/25 Q1"], "sign off a period"),
        (
            &[
                "exceptions",
                "update",
                "1",
                "--status",
                "agreed",
                "--decision",
                "Agreed",
            ],
            "record PPG decisions",
        ),
    ];
    for (args, what) in cases {
        let err = c.refused(args);
        let expected =
            format!("refused: only admin and performance users may {what}; {me} (officer) may not");
        assert!(err.trim().ends_with(&expected), "{args:?}: {err}");
    }
    assert_eq!(
        c.refused(&["user", "add", "x", "--role", "viewer"]).trim(),
        format!("pmdb: refused: only an admin may add users; {me} (officer) is not one")
    );
    assert_eq!(
        c.refused(&["user", "set-role", &me, "admin"]).trim(),
        format!("pmdb: refused: only an admin may change roles; {me} (officer) is not one")
    );
    assert_eq!(c.snapshot(), before);
    assert_eq!(c.count("SELECT count(*) FROM signoffs"), 0);
}

#[test]
fn an_officer_records_the_proposal_on_their_own_exception() {
    let c = council();
    let me = me();
    demote_me(&c, "officer");
    let list = c.json(&["exceptions", "--kind", "red"]);
    let own = list["exceptions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["subject"] == "OWN1")
        .expect("OWN1 is red");
    let id = own["id"].to_string();
    let e = c.json(&[
        "exceptions",
        "update",
        &id,
        "--status",
        "proposed",
        "--proposal",
        "Recruit two officers",
    ]);
    assert_eq!(
        (e["status"].clone(), e["proposal"].clone()),
        (json!("proposed"), json!("Recruit two officers"))
    );
    // WR1's exception belongs to alee.
    let wr1 = list["exceptions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["subject"] == "WR1")
        .unwrap();
    let err = c.refused(&[
        "exceptions",
        "update",
        &wr1["id"].to_string(),
        "--status",
        "proposed",
        "--proposal",
        "x",
    ]);
    assert!(
        err.contains(&format!(
            "only admin and performance users may record PPG decisions; {me} (officer) may not"
        )),
        "{err}"
    );
}

#[test]
fn a_viewer_reads_everything_and_writes_nothing() {
    let c = council();
    let me = me();
    demote_me(&c, "viewer");
    let before = c.snapshot();
    // Reads.
    assert_eq!(c.period("WR1", "2024/25 Q1")["value"], 47.7);
    c.json(&["list"]);
    c.json(&["rollup"]);
    c.json(&["history", "WR1"]);
    c.json(&["exceptions"]);
    c.json(&["overdue"]);
    c.json(&["user", "list"]);
    c.ok(&["export", "values"]);
    // Writes, even to the indicator I own.
    let reads_only = format!("refused: {me} (viewer) reads only");
    assert_eq!(
        c.refused(&["set", "OWN1", "2024-07", "11"]).trim(),
        format!("pmdb: {reads_only}")
    );
    assert_eq!(
        c.refused(&["set", "PL2", "2024-05", "120"]).trim(),
        format!("pmdb: {reads_only}")
    );
    let csv = c.file("v.csv", "code,period,value\nOWN1,2024-07,11\n");
    assert!(
        c.refused(&["import", "values", &csv])
            .trim()
            .ends_with(&format!("row 2, column period: {reads_only}"))
    );
    assert!(
        c.refused(&[
            "exceptions",
            "update",
            "1",
            "--status",
            "proposed",
            "--proposal",
            "x"
        ])
        .contains(&format!("{me} (viewer) may not"))
    );
    assert!(
        c.refused(&["config", "set", "deadline_day", "10"])
            .contains(&format!("{me} (viewer) may not"))
    );
    assert_eq!(c.snapshot(), before);
}

#[test]
fn the_performance_team_records_any_value_but_does_not_manage_users() {
    let c = council();
    let me = me();
    demote_me(&c, "performance");
    c.ok(&["set", "RW1", "2024-07", "40"]);
    c.ok(&["config", "set", "deadline_day", "12"]);
    c.ok(&[
        "exceptions",
        "update",
        "1",
        "--status",
        "proposed",
        "--proposal",
        "p",
    ]);
    c.ok(&[
        "exceptions",
        "update",
        "1",
        "--status",
        "agreed",
        "--decision",
        "d",
    ]);
    assert_eq!(
        c.refused(&["user", "add", "x", "--role", "viewer"]).trim(),
        format!("pmdb: refused: only an admin may add users; {me} (performance) is not one")
    );
}

#[test]
fn user_and_logname_do_not_change_who_is_asking() {
    let c = council();
    let me = me();
    c.ok(&["user", "set-role", "alee", "admin"]);
    // As admin, with USER and LOGNAME saying alee: the save is mine.
    let out = c
        .cmd(&["set", "RW1", "2024-07", "40"])
        .env("USER", "alee")
        .env("LOGNAME", "alee")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(c.period("RW1", "2024-07")["entered_by"], me.as_str());
    let h = c.json(&["history", "RW1"]);
    let last = h["changes"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(
        (last["key"].clone(), last["login"].clone()),
        (json!("RW1|2024-07"), json!(me))
    );

    // I, as a viewer, cannot borrow alee's admin role through the environment.
    c.ok(&["user", "set-role", &me, "viewer"]);
    let before = c.snapshot();
    let mut cmd = c.cmd(&["set", "RW1", "2024-07", "41"]);
    cmd.env("USER", "alee")
        .env("LOGNAME", "alee")
        .env("SUDO_USER", "alee")
        .env("PMDB_USER", "alee");
    assert_eq!(
        common::refused(&mut cmd, &["set"]).trim(),
        format!("pmdb: refused: {me} (viewer) reads only")
    );
    let cfg = c
        .cmd(&["config", "--json"])
        .env("USER", "alee")
        .env("LOGNAME", "alee")
        .output()
        .unwrap();
    let cfg: serde_json::Value = serde_json::from_slice(&cfg.stdout).unwrap();
    assert_eq!(
        (cfg["login"].clone(), cfg["role"].clone()),
        (json!(me), json!("viewer"))
    );
    assert_eq!(c.snapshot(), before);
}

#[test]
fn every_value_and_audit_row_records_the_login() {
    let c = council();
    let me = me();
    c.ok(&["set", "RW1", "2024-07", "40"]);
    let csv = c.file("v.csv", "code,period,value\nPL2,2024-05,120\n");
    c.ok(&["import", "values", &csv]);
    for (code, period) in [("RW1", "2024-07"), ("PL2", "2024-05"), ("WR1", "2024-06")] {
        assert_eq!(
            c.period(code, period)["entered_by"],
            me.as_str(),
            "{code} {period}"
        );
    }
    let logins: Vec<String> = c
        .read_only()
        .prepare("SELECT DISTINCT login FROM audit_log")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(logins, [me.as_str()]);
    for code in ["RW1", "PL2"] {
        let h = c.json(&["history", code]);
        assert!(
            h["changes"]
                .as_array()
                .unwrap()
                .iter()
                .all(|r| r["login"] == me.as_str()),
            "{h:#}"
        );
    }
}

#[test]
fn a_login_the_database_does_not_know_reads_only() {
    if !can_run_as_nobody("a_login_the_database_does_not_know_reads_only") {
        return;
    }
    let c = council();
    share_with_nobody(&c);
    let before = c.snapshot();
    let out = as_nobody(&c, &["show", "PL1", "--period", "2024/25 Q1", "--json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["periods"][0]["value"], 75.0);
    // USER naming the test's login, an admin, makes no difference.
    let err = common::refused(
        &mut as_nobody(&c, &["set", "OWN1", "2024-07", "11"]),
        &["set"],
    );
    assert_eq!(
        err.trim(),
        "pmdb: refused: nobody (not a pmdb user) reads only"
    );
    let err = common::refused(
        &mut as_nobody(&c, &["user", "add", "nobody", "--role", "admin"]),
        &["user add"],
    );
    assert_eq!(
        err.trim(),
        "pmdb: refused: only an admin may add users; nobody (not a pmdb user) is not one"
    );
    assert_eq!(c.snapshot(), before);
}

#[test]
fn a_second_login_records_values_under_its_own_name() {
    if !can_run_as_nobody("a_second_login_records_values_under_its_own_name") {
        return;
    }
    let c = council();
    // nobody becomes an officer and the owner of RW1.
    c.ok(&[
        "user",
        "add",
        "nobody",
        "--role",
        "officer",
        "--name",
        "Night Officer",
    ]);
    let ind = c.file(
        "rw1.csv",
        "code,title,kind,unit,decimals,polarity,frequency,aggregation,owner,plan,rag_rule\nRW1,Residual waste per household,local,kg,0,lower,monthly,sum,nobody,SP1,tolerance:5:10\n",
    );
    c.ok(&["import", "indicators", &ind]);
    share_with_nobody(&c);
    let out = as_nobody(&c, &["set", "RW1", "2024-07", "39"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let err = common::refused(
        &mut as_nobody(&c, &["set", "OWN1", "2024-07", "11"]),
        &["set"],
    );
    assert_eq!(
        err.trim(),
        format!(
            "pmdb: refused: nobody (officer) may record values only for indicators they own or enter data for; OWN1 is owned by {}",
            me()
        )
    );
    assert_eq!(c.period("RW1", "2024-07")["entered_by"], "nobody");
    let h = c.json(&["history", "RW1"]);
    let last = h["changes"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(
        (
            text(&last["login"]),
            text(&last["op"]),
            last["new"]["value"].clone()
        ),
        ("nobody".to_string(), "insert".to_string(), json!(39.0))
    );
}

#[test]
fn naming_and_withdrawing_a_data_entry_officer_grants_and_removes_the_right_to_record() {
    let c = council();
    let me = me();
    // PL2 (owned by jpatel) accepts my value once I am demoted, as an enterer.
    demote_me(&c, "officer");
    c.ok(&["set", "PL2", "2024-07", "120"]);
    let err = c.refused(&["enterer", "remove", "PL2", &me]);
    assert!(
        err.contains("only admin and performance users may name data-entry officers"),
        "{err}"
    );
    // Boss (an admin; pmdb cannot run as another OS login here, so boss's change is
    // written through a connection that logs as boss) makes me admin again, and I
    // withdraw myself: the next save as an officer is refused and names the rule.
    c.writer("boss")
        .execute("UPDATE users SET role = 'admin' WHERE login = ?1", [&me])
        .unwrap();
    c.ok(&["enterer", "remove", "PL2", &me]);
    let err = c.refused(&["enterer", "remove", "PL2", &me]);
    assert!(
        err.contains(&format!("{me} does not enter data for PL2")),
        "{err}"
    );
    let err = c.refused(&["enterer", "add", "NOPE", &me]);
    assert!(err.contains("no indicator 'NOPE'"), "{err}");
    c.ok(&["user", "set-role", &me, "officer"]);
    let err = c.refused(&["set", "PL2", "2024-07", "125"]);
    assert!(err.contains("may record values only for indicators they own or enter data for; PL2 is owned by jpatel"), "{err}");
}
