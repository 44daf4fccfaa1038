//! Delivery through `pmdb import` and `pmdb export` (actions, updates, projects,
//! milestones, risks, reviews, EIAs, case studies, budgets, benchmarks) with the rules every
//! import keeps, and the whole council in and out with `--all`.

mod common;

use common::{Council, me};

/// The fixture council (plan V, P1, P2, O1, SP1 …; officers alee, jpatel …; services WASTE
/// and PLAN from the plan) with two actions, two projects and a risk.
fn council() -> Council {
    let c = Council::fixture();
    let actions = c.file(
        "actions.csv",
        "code,title,kind,plan,owner,start,due\n\
         A1,Weekly food waste collection,corporate,SP1;P1,alee,2024-04-01,2025-03-31\n\
         A2,=Sum of parts,team,,jpatel,,2024-12-31\n",
    );
    assert_eq!(
        c.ok(&["import", "actions", &actions]).trim(),
        format!("imported actions from {actions}: 2 added, 0 changed, 0 unchanged")
    );
    let projects = c.file(
        "projects.csv",
        "code,title,plan,owner,start,finish,budget\n\
         PR1,New depot,P1,alee,2024-04-01,2026-03-31,\"1,250,000\"\n\
         PR2,Digital front door,,,,,\n",
    );
    c.ok(&["import", "projects", &projects]);
    let risks = c.file(
        "risks.csv",
        "code,title,category,plan,owner,controls,inherent_likelihood,inherent_impact,target_score\n\
         R1,Depot fire,operational,SP1,alee,Sprinklers,4,5,8\n",
    );
    c.ok(&["import", "risks", &risks]);
    c
}

#[test]
fn actions_export_as_imported_with_plan_nodes_sorted_and_formulas_made_safe() {
    let c = council();
    assert_eq!(
        c.ok(&["export", "actions"]),
        "code,title,kind,plan,owner,start,due,frequency\n\
         A2,'=Sum of parts,team,,jpatel,,2024-12-31,monthly\n\
         A1,Weekly food waste collection,corporate,P1;SP1,alee,2024-04-01,2025-03-31,monthly\n"
    );
    assert_eq!(
        c.ok(&["export", "projects"]),
        "code,title,plan,owner,start,finish,budget,frequency\n\
         PR1,New depot,P1,alee,2024-04-01,2026-03-31,1250000,monthly\n\
         PR2,Digital front door,,,,,,monthly\n"
    );
    assert_eq!(
        c.ok(&["export", "risks"]),
        "code,title,category,plan,owner,controls,inherent_likelihood,inherent_impact,target_score,review_months,closed\n\
         R1,Depot fire,operational,SP1,alee,Sprinklers,4,5,8,3,\n"
    );
    // Exported and imported again: nothing changes, nothing is written.
    let audit = c.count("SELECT count(*) FROM audit_log");
    for kind in ["actions", "projects", "risks"] {
        let file = c.file(&format!("{kind}-again.csv"), c.ok(&["export", kind]));
        let out = c.ok(&["import", kind, &file]);
        assert!(out.contains(": 0 added, 0 changed, "), "{out}");
    }
    assert_eq!(c.count("SELECT count(*) FROM audit_log"), audit);
}

#[test]
fn updates_reviews_and_milestones_need_what_they_belong_to() {
    let c = council();
    let updates = c.file(
        "updates.csv",
        "code,period,status,progress,forecast,commentary\n\
         A1,2024-06,on_track,20,,Started\n\
         NOPE,2024-06,on_track,,,\n",
    );
    let err = c.refused(&["import", "action_updates", &updates]);
    assert_eq!(
        err.trim(),
        format!(
            "pmdb: {updates}: row 3, column code: no action 'NOPE' (import an actions file adding it first)"
        )
    );
    assert_eq!(c.count("SELECT count(*) FROM action_updates"), 0);
    let milestones = c.file(
        "milestones.csv",
        "project,title,due,forecast,done\nPR9,Planning consent,2024-09-30,,\n",
    );
    let err = c.refused(&["import", "milestones", &milestones]);
    assert!(
        err.contains(
            "row 2, column project: no project 'PR9' (import a projects file adding it first)"
        ),
        "{err}"
    );
    let reviews = c.file(
        "reviews.csv",
        "code,date,likelihood,impact,commentary\nR1,2024-07-15,3,4,Sprinklers fitted\n",
    );
    assert_eq!(
        c.ok(&["import", "risk_reviews", &reviews]).trim(),
        format!("imported risk_reviews from {reviews}: 1 added, 0 changed, 0 unchanged")
    );
    assert_eq!(
        c.ok(&["export", "risk_reviews"]),
        "code,date,likelihood,impact,commentary\nR1,2024-07-15,3,4,Sprinklers fitted\n"
    );
}

#[test]
fn every_bad_cell_is_listed_by_row_and_column() {
    let c = council();
    let updates = c.file(
        "updates.csv",
        "code,period,status,progress,forecast\n\
         A1,2024-06,sideways,120,06/30/2024\n\
         A1,2024/25,on_track,,\n",
    );
    let err = c.refused(&["import", "action_updates", &updates]);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(
        lines[0],
        format!("pmdb: {updates}: 4 problems; nothing was imported:")
    );
    assert_eq!(
        lines[1],
        "row 2, column status: 'sideways' is not an action status: use not_started, on_track, at_risk, off_track, completed, deferred or cancelled"
    );
    assert_eq!(
        lines[2],
        "row 2, column progress: '120' is not a progress: write a whole number of per cent from 0 to 100, such as 50 or 50%"
    );
    assert_eq!(
        lines[3],
        "row 2, column forecast: '06/30/2024' is not a date: there is no such day (write it as YYYY-MM-DD (2026-10-31), DD/MM/YYYY (31/10/2026) or DD/MM/YY (31/10/26))"
    );
    assert_eq!(
        lines[4],
        "row 3, column period: 2024/25 is a year: an update is for a month (2025-02) or a quarter (2024/25 Q4)"
    );
    let risks = c.file(
        "risks.csv",
        "code,title,category,inherent_likelihood,inherent_impact,target_score,colour\nR2,X,strategic,6,1,30,red\n",
    );
    assert_eq!(
        c.refused(&["import", "risks", &risks]).trim(),
        format!(
            "pmdb: {risks}: row 1: unknown column 'colour' for risks (the columns are code, title, category, plan, owner, controls, inherent_likelihood, inherent_impact, target_score, review_months, closed)"
        )
    );
    let risks = c.file(
        "risks2.csv",
        "code,title,category,inherent_likelihood,inherent_impact,target_score\nR2,X,financial,6,1,30\n",
    );
    let err = c.refused(&["import", "risks", &risks]);
    assert!(
        err.contains("row 2, column category: 'financial' is not a risk category: use strategic, business, operational, partnership or opportunity"),
        "{err}"
    );
    assert!(
        err.contains("row 2, column inherent_likelihood: the inherent_likelihood must be a whole number from 1 to 5, not '6'"),
        "{err}"
    );
    assert!(
        err.contains("row 2, column target_score: '30' is not a whole number from 1 to 25"),
        "{err}"
    );
}

#[test]
fn references_are_checked_owner_plan_node_and_service() {
    let c = council();
    let actions = c.file(
        "actions.csv",
        "code,title,plan,owner,due\nA3,Bins,ZZ9,alee,2025-01-31\n",
    );
    assert!(
        c.refused(&["import", "actions", &actions])
            .contains("row 2, column plan: no plan node 'ZZ9' (import the plan first)")
    );
    let actions = c.file(
        "actions2.csv",
        "code,title,owner,due\nA3,Bins,nobodyx,2025-01-31\n",
    );
    let err = c.refused(&["import", "actions", &actions]);
    assert!(
        err.contains("row 2, column owner: 'nobodyx' is not a pmdb user"),
        "{err}"
    );
    let eias = c.file(
        "eias.csv",
        "code,title,plan,service,owner,due\nE1,Charging,P1,NOPE,alee,2024-10-31\n",
    );
    assert!(c.refused(&["import", "eias", &eias]).contains(
        "row 2, column service: no service 'NOPE' (import a services file adding it first)"
    ));
    let benchmarks = c.file(
        "benchmarks.csv",
        "code,period,comparator,value\nWR1,2023/24,CIPFA nearest neighbours mean,44.5\nXX1,2023/24,Harborough,1\n",
    );
    assert!(
        c.refused(&["import", "benchmarks", &benchmarks])
            .contains("row 3, column code: no indicator 'XX1' (import the indicators first)")
    );
    assert_eq!(c.count("SELECT count(*) FROM benchmarks"), 0);
}

#[test]
fn only_the_named_columns_change_and_an_unchanged_row_writes_nothing() {
    let c = council();
    let updates = c.file(
        "updates.csv",
        "code,period,status,progress,commentary\nA1,2024-06,at_risk,40,Crew shortage\n",
    );
    c.ok(&["import", "action_updates", &updates]);
    let audit = c.count("SELECT count(*) FROM audit_log");
    // Status only: progress and commentary stay.
    let status = c.file("status.csv", "code,period,status\nA1,2024-06,on_track\n");
    assert_eq!(
        c.ok(&["import", "action_updates", &status]).trim(),
        format!("imported action_updates from {status}: 0 added, 1 changed, 0 unchanged")
    );
    assert_eq!(
        c.ok(&["export", "action_updates"]),
        "code,period,status,progress,forecast,commentary\nA1,2024-06,on_track,40,,Crew shortage\n"
    );
    assert_eq!(
        c.count("SELECT version FROM action_updates WHERE action = 'A1'"),
        2
    );
    assert_eq!(c.count("SELECT count(*) FROM audit_log"), audit + 1);
    // The same again changes nothing and leaves no audit row.
    assert_eq!(
        c.ok(&["import", "action_updates", &status]).trim(),
        format!("imported action_updates from {status}: 0 added, 0 changed, 1 unchanged")
    );
    assert_eq!(c.count("SELECT count(*) FROM audit_log"), audit + 1);
    // A title-only file keeps an action's plan nodes and owner.
    let titles = c.file("titles.csv", "code,title,due\nA1,Food waste,2025-03-31\n");
    c.ok(&["import", "actions", &titles]);
    assert_eq!(
        c.count("SELECT count(*) FROM action_links WHERE action = 'A1'"),
        2
    );
    assert_eq!(
        c.count("SELECT count(*) FROM actions WHERE code = 'A1' AND owner = 'alee' AND title = 'Food waste'"),
        1
    );
}

#[test]
fn budgets_case_studies_and_eias_round_trip() {
    let c = council();
    let files = [
        (
            "budgets",
            "service,month,budget,actual,forecast\nWASTE,2024-04,\"120,000\",118500.5,\nWASTE,2024-05,120000,,121000\n",
            "service,month,budget,actual,forecast\nWASTE,2024-04,120000,118500.5,\nWASTE,2024-05,120000,,121000\n",
        ),
        (
            "case_studies",
            "code,title,plan,service,year,story\nCS1,Repair café,P1,WASTE,2024/25,\"-Fixed 300 toasters\nand kettles\"\n",
            "code,title,plan,service,year,story,selected\nCS1,Repair café,P1,WASTE,2024/25,\"'-Fixed 300 toasters\nand kettles\",no\n",
        ),
        (
            "eias",
            "code,title,plan,service,owner,due,completed,outcome\nE1,Charging,P1,WASTE,alee,2024-10-31,,\n",
            "code,title,plan,service,owner,due,completed,outcome\nE1,Charging,P1,WASTE,alee,2024-10-31,,\n",
        ),
    ];
    for (kind, file, exported) in files {
        let path = c.file(&format!("{kind}.csv"), file);
        c.ok(&["import", kind, &path]);
        assert_eq!(c.ok(&["export", kind]), exported, "{kind}");
        let again = c.file(&format!("{kind}-again.csv"), exported);
        let rows = if kind == "budgets" { 2 } else { 1 };
        assert_eq!(
            c.ok(&["import", kind, &again]).trim(),
            format!("imported {kind} from {again}: 0 added, 0 changed, {rows} unchanged")
        );
    }
    let month = c.file(
        "bad-budget.csv",
        "service,month,budget\nWASTE,2024/25 Q1,5\nWASTE,2024-06,12%\n",
    );
    let err = c.refused(&["import", "budgets", &month]);
    assert!(
        err.contains("row 2, column month: 2024/25 Q1 is not a month: write a month like 2025-02"),
        "{err}"
    );
    assert!(
        err.contains("row 3, column budget: the budget '12%' is not an amount of money: write pounds like 1234.50, £1,234.50"),
        "{err}"
    );
}

#[test]
fn an_officer_imports_updates_only_for_their_own_and_no_definitions() {
    let c = council();
    let mine = c.file(
        "mine.csv",
        format!("code,title,owner,due\nA3,Mine,{},2025-01-31\n", me()),
    );
    c.ok(&["import", "actions", &mine]);
    c.ok(&["user", "set-role", "alee", "admin"]);
    c.ok(&["user", "set-role", &me(), "officer"]);
    let updates = c.file(
        "updates.csv",
        "code,period,status\nA3,2024-06,on_track\nA1,2024-06,on_track\n",
    );
    // The login owns A3 but not A1: refused whole, naming A1's owner.
    let err = c.refused(&["import", "action_updates", &updates]);
    assert!(
        err.contains(&format!(
            "row 3, column code: refused: {} (officer) may import action updates only for what they own; A1 is owned by alee",
            me()
        )),
        "{err}"
    );
    assert_eq!(c.count("SELECT count(*) FROM action_updates"), 0);
    let own = c.file("own.csv", "code,period,status\nA3,2024-06,on_track\n");
    c.ok(&["import", "action_updates", &own]);
    let actions = c.file("a.csv", "code,title,due\nA9,Nine,2025-01-31\n");
    let err = c.refused(&["import", "actions", &actions]);
    assert!(
        err.contains(&format!(
            "refused: only admin and performance users may import actions; {} (officer) may not",
            me()
        )),
        "{err}"
    );
}

#[test]
fn the_whole_demo_goes_out_and_back_in_byte_for_byte() {
    let demo = Council::empty("2026-11-24");
    demo.ok(&["demo"]);
    let out = demo.path("out");
    let out = out.to_str().expect("a UTF-8 path");
    assert_eq!(
        demo.ok(&["export", "--all", out]).trim(),
        format!("exported 23 files to {out}")
    );
    let fresh = Council::init("2026-11-24");
    let summary = fresh.ok(&["import", "--all", out]);
    assert!(
        summary.contains(&format!(
            "imported actions from {out}/actions.csv: 28 added, 0 changed, 0 unchanged"
        )),
        "{summary}"
    );
    let back = fresh.path("back");
    let back = back.to_str().expect("a UTF-8 path");
    fresh.ok(&["export", "--all", back]);
    let mut kinds = 0;
    for entry in std::fs::read_dir(out).expect("the export folder") {
        let name = entry.expect("an entry").file_name();
        let first = std::fs::read(std::path::Path::new(out).join(&name)).expect("read");
        let second = std::fs::read(std::path::Path::new(back).join(&name)).expect("read");
        assert!(
            first == second,
            "{name:?} differs after export, import, export"
        );
        assert!(first.len() > 20, "{name:?} is empty");
        kinds += 1;
    }
    assert_eq!(kinds, 23);
    // Importing the folder again changes nothing and writes no audit row.
    let audit = fresh.count("SELECT count(*) FROM audit_log");
    let json = fresh.json(&["import", "--all", out]);
    let imported = json["imported"].as_array().expect("imported is an array");
    assert_eq!(imported.len(), 23, "{json:#}");
    assert_eq!(json["skipped"], serde_json::json!([]));
    let again = fresh.ok(&["import", "--all", out]);
    for line in again.lines() {
        assert!(line.contains(": 0 added, 0 changed, "), "{line}");
    }
    assert_eq!(fresh.count("SELECT count(*) FROM audit_log"), audit);
}

#[test]
fn a_folder_with_one_bad_row_leaves_the_database_as_it_was() {
    let demo = Council::empty("2026-11-24");
    demo.ok(&["demo"]);
    let dir = demo.path("out");
    let dir_text = dir.to_str().expect("a UTF-8 path");
    demo.ok(&["export", "--all", dir_text]);
    // One bad row in the last file but one, and a file missing.
    let risks = std::fs::read_to_string(dir.join("risk_reviews.csv")).expect("risk_reviews");
    let mut lines: Vec<String> = risks.lines().map(str::to_string).collect();
    let cells: Vec<&str> = lines[3].splitn(4, ',').collect();
    lines[3] = format!("{},{},9,{}", cells[0], cells[1], cells[3]);
    std::fs::write(dir.join("risk_reviews.csv"), lines.join("\n") + "\n").expect("write");
    std::fs::remove_file(dir.join("benchmarks.csv")).expect("remove");
    let fresh = Council::init("2026-11-24");
    let before = fresh.snapshot();
    let users = fresh.ok(&["export", "users"]);
    let err = fresh.refused(&["import", "--all", dir_text]);
    assert_eq!(
        err.trim(),
        format!(
            "pmdb: {dir_text}/risk_reviews.csv: row 4, column likelihood: the likelihood must be a whole number from 1 to 5, not '9'"
        )
    );
    assert_eq!(fresh.snapshot(), before);
    assert_eq!(fresh.ok(&["export", "users"]), users);
    assert_eq!(fresh.count("SELECT count(*) FROM actions"), 0);
    // Fixed, the folder goes in, and the missing file is named as skipped.
    std::fs::write(dir.join("risk_reviews.csv"), risks).expect("write");
    let out = fresh.ok(&["import", "--all", dir_text]);
    assert!(
        out.trim_end().ends_with(&format!(
            "skipped benchmarks: no benchmarks.csv in {dir_text}"
        )),
        "{out}"
    );
    assert_eq!(fresh.count("SELECT count(*) FROM benchmarks"), 0);
    assert_eq!(fresh.count("SELECT count(*) FROM actions"), 28);
}

#[test]
fn import_help_lists_the_delivery_columns() {
    let c = Council::init("2025-05-01");
    let help = c.ok(&["import", "--help"]);
    for line in [
        "  actions       code*, title*, kind, plan, owner, start, due*",
        "  action_updates code*, period*, status*, progress, forecast, commentary",
        "  projects      code*, title*, plan, owner, start, finish, budget",
        "  project_updates code*, period*, status*, spent, commentary",
        "  milestones    project*, title*, due*, forecast, done",
        "  risks         code*, title*, category*, plan, owner, controls, inherent_likelihood*, inherent_impact*, target_score*, review_months, closed",
        "  risk_reviews  code*, date*, likelihood*, impact*, commentary",
        "  eias          code*, title*, plan, service, owner, due*, completed, outcome",
        "  case_studies  code*, title*, plan, service, year*, story, selected",
        "  budgets       service*, month*, budget*, actual, forecast",
        "  benchmarks    code*, period*, comparator*, value*",
        "  enterers      code*, login*",
        "  commentary    code*, period*, commentary, action",
    ] {
        assert!(help.contains(line), "{line}\n{help}");
    }
    assert!(help.contains("--all <DIR>"), "{help}");
}
