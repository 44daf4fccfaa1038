//! The kinds that set a council up (users, services, portfolios, boards, board_members,
//! meetings) through `pmdb import` and `pmdb export`, with the rules every import keeps:
//! all or nothing, every problem by row and column, lossless export then import, an
//! unchanged file writing nothing, only the named columns changed, and who may.

mod common;

use common::{Council, me};

const TODAY: &str = "2025-05-01";

/// A new council with two officers, a services file and the Management Board's members.
fn council() -> Council {
    let c = Council::init(TODAY);
    let users = c.file(
        "users.csv",
        "login,name,role\nsmithj,Jane Smith,officer\nbrownk,Kim Brown,performance\n",
    );
    c.ok(&["import", "users", &users]);
    c
}

#[test]
fn init_makes_the_three_boards_and_export_lists_them() {
    let c = Council::init(TODAY);
    assert_eq!(
        c.ok(&["export", "boards"]),
        "code,name\nLT,Leadership Team\nMB,Management Board\nPPG,Performance & Programme Group\n"
    );
}

#[test]
fn users_are_added_then_unchanged_and_a_new_user_needs_a_role() {
    let c = council();
    assert_eq!(
        c.ok(&["export", "users"]),
        format!(
            "login,name,role,title,email\nbrownk,Kim Brown,performance,,\n{me},{me},admin,,\nsmithj,Jane Smith,officer,,\n",
            me = me()
        )
    );
    let audit = c.count("SELECT count(*) FROM audit_log");
    let again = c.file(
        "again.csv",
        "login,name,role\nsmithj,Jane Smith,officer\nbrownk,Kim Brown,performance\n",
    );
    assert_eq!(
        c.ok(&["import", "users", &again]).trim(),
        format!("imported users from {again}: 0 added, 0 changed, 2 unchanged")
    );
    assert_eq!(c.count("SELECT count(*) FROM audit_log"), audit);
    // A file naming only login and name keeps the role; a new login with no role is refused.
    let names = c.file("names.csv", "login,name\nsmithj,Jane Smith-Jones\n");
    c.ok(&["import", "users", &names]);
    assert_eq!(
        c.count("SELECT count(*) FROM users WHERE login = 'smithj' AND role = 'officer' AND name = 'Jane Smith-Jones'"),
        1
    );
    let new = c.file("new.csv", "login,name\nsmithj,Jane\npatelr,Ravi Patel\n");
    let err = c.refused(&["import", "users", &new]);
    assert!(
        err.contains("row 3, column role: patelr is a new user and needs a role: admin, performance, officer or viewer"),
        "{err}"
    );
    // All or nothing: the good row 2 was not taken either.
    assert_eq!(
        c.count("SELECT count(*) FROM users WHERE name = 'Jane Smith-Jones'"),
        1
    );
}

#[test]
fn the_last_admin_cannot_be_demoted_by_a_file() {
    let c = council();
    let file = c.file("demote.csv", format!("login,role\n{},officer\n", me()));
    let err = c.refused(&["import", "users", &file]);
    assert!(
        err.contains(&format!(
            "row 2, column role: refused: {} is the only admin; make someone else admin first",
            me()
        )),
        "{err}"
    );
}

#[test]
fn a_services_file_names_the_services_a_plan_created_by_code() {
    let c = council();
    let plan = c.file(
        "plan.csv",
        "code,kind,parent,title,service,from_year\nP1,priority,,A greener district,,2025/26\nSP1,service_plan,P1,HR plan,HR,2025/26\n",
    );
    c.ok(&["import", "plan", &plan]);
    // The plan made HR by its code alone.
    assert_eq!(c.ok(&["export", "services"]), "code,name,head\nHR,HR,\n");
    let services = c.file(
        "services.csv",
        "code,name,head\nHR,Human Resources,smithj\nFIN,Finance,\n",
    );
    assert!(
        c.ok(&["import", "services", &services])
            .contains("1 added, 1 changed, 0 unchanged")
    );
    assert_eq!(
        c.ok(&["export", "services"]),
        "code,name,head\nFIN,Finance,\nHR,Human Resources,smithj\n"
    );
    let ind = c.file(
        "ind.csv",
        "code,title,kind,polarity,frequency,aggregation,plan\nHR1,Sickness days,local,lower,monthly,mean,SP1\n",
    );
    c.ok(&["import", "indicators", &ind]);
    let groups = c.json(&["rollup", "--by", "service", "--period", "2025-04"]);
    let titles: Vec<&str> = groups["groups"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|g| g["title"].as_str())
        .collect();
    assert!(titles.contains(&"Human Resources"), "{groups}");
    // A head who is not a user is refused, and the message says users come first.
    let bad = c.file("bad.csv", "code,head\nHR,nobodyx\n");
    let err = c.refused(&["import", "services", &bad]);
    assert!(
        err.contains("row 2, column head: 'nobodyx' is not a pmdb user")
            && err.contains("users come first"),
        "{err}"
    );
}

#[test]
fn board_members_name_the_management_board_for_escalations() {
    let c = council();
    let file = c.file("bm.csv", "board,login\nMB,smithj\nMB,brownk\nPPG,brownk\n");
    assert!(
        c.ok(&["import", "board_members", &file])
            .contains("3 added, 0 changed, 0 unchanged")
    );
    assert!(
        c.ok(&["import", "board_members", &file])
            .contains("0 added, 0 changed, 3 unchanged")
    );
    assert_eq!(
        c.ok(&["export", "board_members"]),
        "board,login\nMB,brownk\nMB,smithj\nPPG,brownk\n"
    );
    // What the interface's escalate dialog offers: the Management Board's members.
    let store = pmdb::store::Store::open(&c.db, &me()).unwrap();
    assert_eq!(
        store.board_members("MB").unwrap(),
        vec!["brownk".to_string(), "smithj".to_string()]
    );
}

#[test]
fn a_bad_board_members_file_changes_nothing_and_names_each_problem() {
    let c = council();
    let file = c.file("bm.csv", "board,login\nMB,smithj\nZZ,brownk\n");
    let err = c.refused(&["import", "board_members", &file]);
    assert!(
        err.contains("row 3, column board: no board 'ZZ' (the boards are LT, MB, PPG): import a boards file adding it first"),
        "{err}"
    );
    assert_eq!(c.count("SELECT count(*) FROM board_members"), 0);
    let file = c.file("bm2.csv", "board,login\nMB,ghost\n");
    let err = c.refused(&["import", "board_members", &file]);
    assert!(
        err.contains("row 2, column login: 'ghost' is not a pmdb user"),
        "{err}"
    );
    let file = c.file("bm3.csv", "board,login,colour\nMB,smithj,red\n");
    let err = c.refused(&["import", "board_members", &file]);
    assert!(
        err.contains(
            "row 1: unknown column 'colour' for board_members (the columns are board, login)"
        ),
        "{err}"
    );
}

#[test]
fn meetings_are_known_by_board_and_date_so_a_second_import_updates_them() {
    let c = council();
    let file = c.file(
        "m.csv",
        "board,date,title,period\nPPG,2025-05-22,PPG: April data,2025-04\nMB,2025-05-27,MB escalations,2025-04\n",
    );
    assert!(c.ok(&["import", "meetings", &file]).contains("2 added"));
    let file = c.file(
        "m2.csv",
        "board,date,title\nPPG,2025-05-22,PPG: April 2025 data\nMB,2025-05-27,MB escalations\n",
    );
    assert!(
        c.ok(&["import", "meetings", &file])
            .contains("0 added, 1 changed, 1 unchanged")
    );
    // The period column was absent, so each meeting kept its period.
    assert_eq!(
        c.ok(&["export", "meetings"]),
        "board,date,title,period\nPPG,2025-05-22,PPG: April 2025 data,2025-04\nMB,2025-05-27,MB escalations,2025-04\n"
    );
    let bad = c.file(
        "bad.csv",
        "board,date,title,period\nPPG,05/22/2025,x,2025-04\nXX,2025-06-01,y,2025-05\nPPG,2025-06-26,z,2025-05\nPPG,2025-06-26,again,2025-05\n",
    );
    let err = c.refused(&["import", "meetings", &bad]);
    assert!(
        err.contains("row 2, column date: '05/22/2025' is not a date: there is no such day (write it as YYYY-MM-DD"),
        "{err}"
    );
    assert!(
        err.contains("row 5: duplicate of row 4 (board PPG, date 2025-06-26)"),
        "{err}"
    );
    assert_eq!(c.count("SELECT count(*) FROM meetings"), 2);
}

#[test]
fn the_demo_councils_setup_exports_and_imports_back_unchanged_and_spreadsheet_safe() {
    let c = Council::empty(TODAY);
    c.ok(&["demo"]);
    let audit = c.count("SELECT count(*) FROM audit_log");
    for kind in [
        "users",
        "services",
        "portfolios",
        "boards",
        "board_members",
        "meetings",
    ] {
        let exported = c.ok(&["export", kind]);
        let path = c.file(&format!("{kind}.csv"), &exported);
        let out = c.ok(&["import", kind, &path]);
        assert!(out.contains(" 0 added, 0 changed,"), "{kind}: {out}");
        assert_eq!(c.ok(&["export", kind]), exported, "{kind}");
    }
    assert_eq!(c.count("SELECT count(*) FROM audit_log"), audit);
    // A name a spreadsheet would take for a formula is written with a leading ' and read back.
    let c = council();
    let file = c.file("p.csv", "code,name,holder\nRES,'=Resources,'-Cllr X\n");
    c.ok(&["import", "portfolios", &file]);
    assert_eq!(
        c.count("SELECT count(*) FROM portfolios WHERE name = '=Resources' AND holder = '-Cllr X'"),
        1
    );
    let exported = c.ok(&["export", "portfolios"]);
    assert_eq!(exported, "code,name,holder\nRES,'=Resources,'-Cllr X\n");
}

#[test]
fn only_an_admin_sets_up_people_and_boards_and_the_performance_team_adds_meetings() {
    let c = council();
    c.ok(&["user", "set-role", "brownk", "admin"]);
    c.ok(&["user", "set-role", &me(), "performance"]);
    let boards = c.file("b.csv", "code,name\nAUD,Audit Committee\n");
    let err = c.refused(&["import", "boards", &boards]);
    assert!(
        err.contains(&format!(
            "refused: only an admin may import boards; {} (performance) is not one",
            me()
        )),
        "{err}"
    );
    let meetings = c.file("m.csv", "board,date,title\nPPG,2025-05-22,PPG\n");
    c.ok(&["import", "meetings", &meetings]);
    assert_eq!(c.count("SELECT count(*) FROM meetings"), 1);
    assert_eq!(c.count("SELECT count(*) FROM boards WHERE code = 'AUD'"), 0);
    // An officer may not add meetings either.
    let c = council();
    c.ok(&["user", "set-role", "brownk", "admin"]);
    c.ok(&["user", "set-role", &me(), "officer"]);
    let meetings = c.file("m.csv", "board,date,title\nPPG,2025-05-22,PPG\n");
    let err = c.refused(&["import", "meetings", &meetings]);
    assert!(
        err.contains(&format!(
            "refused: only admin and performance users may import meetings; {} (officer) may not",
            me()
        )),
        "{err}"
    );
}

#[test]
fn a_windows_1252_services_file_is_read_and_says_so() {
    let c = council();
    let file = c.file(
        "services.csv",
        &b"code,name,head\nCAF,Caf\xe9s & Leisure \xa3,smithj\n"[..],
    );
    let out = c.ok(&["import", "services", &file]);
    assert!(
        out.trim()
            .ends_with("1 added, 0 changed, 0 unchanged (read as Windows-1252)"),
        "{out}"
    );
    assert_eq!(
        c.ok(&["export", "services"]),
        "code,name,head\nCAF,Cafés & Leisure £,smithj\n"
    );
}
