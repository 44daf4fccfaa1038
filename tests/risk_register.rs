//! Risks and opportunities (issue 25): a risk's category may be `opportunity`, scored alike
//! (likelihood × impact, bands, target, direction, exceptions) but listed apart and never
//! counted in the heat map; and a risk's `plan` may name a major project, so a project keeps
//! its own risk register, imported and exported losslessly.

mod common;

use common::Council;
use serde_json::{Value, json};

/// The fixture council (plan V, P1, P2, SP1 …; officer alee) with a project PR1 on SP1 (the
/// WASTE service's plan), a risk R1 on SP1 and PR1, and an opportunity O1 on PR1 alone,
/// each reviewed.
fn council() -> Council {
    let c = Council::fixture();
    let projects = c.file(
        "projects.csv",
        "code,title,plan,owner,start,finish,budget\n\
         PR1,New leisure centre,SP1,alee,2024-04-01,2026-03-31,\"4,000,000\"\n",
    );
    c.ok(&["import", "projects", &projects]);
    let risks = c.file(
        "risks.csv",
        "code,title,category,plan,owner,controls,inherent_likelihood,inherent_impact,target_score\n\
         R1,Contractor fails,partnership,SP1;PR1,alee,Bond,4,5,8\n\
         O1,Shared leisure trust,opportunity,PR1,alee,Business case,3,4,6\n",
    );
    assert_eq!(
        c.ok(&["import", "risks", &risks]).trim(),
        format!("imported risks from {risks}: 2 added, 0 changed, 0 unchanged")
    );
    let reviews = c.file(
        "reviews.csv",
        "code,date,likelihood,impact,commentary\n\
         R1,2024-05-10,4,4,Bond renewed\n\
         R1,2024-07-10,3,4,Second bidder found\n\
         O1,2024-05-12,3,3,Talks begun\n\
         O1,2024-07-12,4,4,Trust keen\n",
    );
    c.ok(&["import", "risk_reviews", &reviews]);
    c
}

fn one<'a>(v: &'a Value, code: &str) -> &'a Value {
    v["risks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["code"] == code)
        .unwrap_or_else(|| panic!("no {code} in {v:#}"))
}

#[test]
fn an_opportunity_is_scored_alike_and_never_in_the_heat_map() {
    let c = council();
    let v = c.json(&["risks", "--period", "2024-07"]);
    let (r1, o1) = (one(&v, "R1"), one(&v, "O1"));
    // Scored alike: 4 × 4 = 16, red by the bands 4:12, above its target 6, and a higher
    // score than the review before is worsening, as for a risk.
    assert_eq!(
        (
            &o1["category"],
            &o1["score"],
            &o1["rag"],
            &o1["target_score"],
            &o1["above_target"],
            &o1["direction"]
        ),
        (
            &json!("opportunity"),
            &json!(16),
            &json!("red"),
            &json!(6),
            &json!(true),
            &json!("worsening")
        )
    );
    assert_eq!(
        (&r1["score"], &r1["direction"]),
        (&json!(12), &json!("improving"))
    );
    // The JSON fields are the contract's, no more (plan is not among them).
    assert_eq!(o1.as_object().unwrap().len(), 14, "{o1:#}");
    // Only R1 (likelihood 3, impact 4) is on the map.
    let mut expected = [[0u32; 5]; 5];
    expected[2][3] = 1;
    assert_eq!(v["heatmap"], json!(expected));

    // The text form lists the opportunity apart, after the risks, with its own count.
    let out = c.ok(&["risks", "--period", "2024-07"]);
    let risks_at = out.find("Contractor fails").unwrap();
    let heading = out
        .find("Opportunities (scored alike; not in the heat map)")
        .unwrap_or_else(|| panic!("{out}"));
    let o1_at = out.find("Shared leisure trust").unwrap();
    assert!(risks_at < heading && heading < o1_at, "{out}");
    assert!(out.contains("1 risk for 2024-07"), "{out}");
    assert!(out.contains("1 opportunity for 2024-07"), "{out}");
    let grid: Vec<&str> = out.lines().filter(|l| l.contains(" | ")).collect();
    assert_eq!(grid[1], " 4 | G  . | A  . | A  . | R  . | R  . |", "{out}");
    assert_eq!(grid[2], " 3 | G  . | A  . | A  . | A  1 | R  . |", "{out}");

    // Exceptions for an opportunity follow the risks' rules: above its target is one.
    c.ok(&["exceptions", "raise", "--period", "2024-07"]);
    // O1 names only its project: the exception is its project's service's (SP1's WASTE).
    assert_eq!(
        c.count(
            "SELECT count(*) FROM exceptions WHERE kind = 'risk' AND subject = 'O1' AND service = 'WASTE'"
        ),
        1
    );
}

#[test]
fn a_risks_plan_names_a_project_and_exports_as_imported() {
    let c = council();
    assert_eq!(
        c.count("SELECT count(*) FROM risk_projects WHERE project = 'PR1'"),
        2
    );
    assert_eq!(
        c.count("SELECT count(*) FROM risk_links WHERE risk = 'R1' AND node = 'SP1'"),
        1
    );
    let exported = c.ok(&["export", "risks"]);
    assert_eq!(
        exported,
        "code,title,category,plan,owner,controls,inherent_likelihood,inherent_impact,target_score,review_months,closed\n\
         O1,Shared leisure trust,opportunity,PR1,alee,Business case,3,4,6,3,\n\
         R1,Contractor fails,partnership,PR1;SP1,alee,Bond,4,5,8,3,\n"
    );
    // Imported again: nothing changes and nothing is written.
    let audit = c.count("SELECT count(*) FROM audit_log");
    let again = c.file("again.csv", &exported);
    assert!(
        c.ok(&["import", "risks", &again])
            .contains(": 0 added, 0 changed, 2 unchanged")
    );
    assert_eq!(c.count("SELECT count(*) FROM audit_log"), audit);
    // Into a fresh council: the same file out again.
    let fresh = Council::fixture();
    let p = fresh.file("p.csv", c.ok(&["export", "projects"]));
    fresh.ok(&["import", "projects", &p]);
    let r = fresh.file("r.csv", &exported);
    fresh.ok(&["import", "risks", &r]);
    assert_eq!(fresh.ok(&["export", "risks"]), exported);

    // Moved off the project onto a plan node: the link is dropped, audited by whom.
    let moved = c.file(
        "moved.csv",
        exported.replace("opportunity,PR1,", "opportunity,P1,"),
    );
    c.ok(&["import", "risks", &moved]);
    assert_eq!(
        c.count("SELECT count(*) FROM risk_projects WHERE risk = 'O1'"),
        0
    );
    assert_eq!(
        c.count(
            "SELECT count(*) FROM audit_log WHERE tbl = 'risk_projects' AND key = 'O1|PR1' AND op = 'delete'"
        ),
        1
    );

    // An unknown code is refused with its row and column named, and nothing is written.
    let before = c.count("SELECT count(*) FROM audit_log");
    let bad = c.file(
        "bad.csv",
        "code,title,category,plan,inherent_likelihood,inherent_impact,target_score\n\
         R3,Fine,strategic,P1,2,2,4\n\
         R4,Typo,strategic,PR9,2,2,4\n",
    );
    let err = c.refused(&["import", "risks", &bad]);
    assert!(
        err.contains(
            "row 3, column plan: no plan node or project 'PR9' (import the plan, or a projects file adding it, first)"
        ),
        "{err}"
    );
    assert_eq!(c.count("SELECT count(*) FROM audit_log"), before);
    assert_eq!(c.count("SELECT count(*) FROM risks WHERE code = 'R3'"), 0);
}

#[test]
fn pmdb_projects_lists_each_projects_own_register() {
    let c = council();
    let out = c.ok(&["projects", "--period", "2024-07"]);
    let own = out
        .find("PR1's own risks:\n")
        .unwrap_or_else(|| panic!("{out}"));
    assert_eq!(
        out[own..].lines().collect::<Vec<_>>(),
        [
            "PR1's own risks:",
            "  O1 Shared leisure trust (opportunity, 4×4=16, R red, target 6)",
            "  R1 Contractor fails (3×4=12, A amber, target 8)",
        ]
    );
    // The JSON is the contract's, without the register.
    let v = c.json(&["projects", "--period", "2024-07"]);
    assert!(v["projects"][0].get("risks").is_none(), "{v:#}");
}
