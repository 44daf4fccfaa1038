//! Fixes from a council's first week (issue 8): each test failed before its fix.

mod common;

use common::{Council, FIXTURE_TODAY, codes};

#[test]
fn a_plan_may_start_at_its_priorities() {
    // A plan from a spreadsheet: two priorities at the top, no vision row.
    let c = Council::init(FIXTURE_TODAY);
    let plan = c.file(
        "plan.csv",
        "code,kind,parent,title,from_year\n\
         P1,priority,,A greener district,2024/25\n\
         O1,outcome,P1,Less waste,2024/25\n\
         P2,priority,,An efficient council,2024/25\n\
         O2,outcome,P2,Quick decisions,2024/25\n",
    );
    let out = c.ok(&["import", "plan", &plan]);
    assert!(out.contains("4 added"), "{out}");
    let inds = c.file(
        "ind.csv",
        "code,title,kind,polarity,frequency,aggregation,plan\n\
         A1,Recycling,local,higher,monthly,mean,O1\n\
         B1,Days to decide,local,lower,monthly,mean,O2\n",
    );
    c.ok(&["import", "indicators", &inds]);
    let v = c.json(&["rollup", "--by", "priority", "--period", "2024/25 Q1"]);
    assert_eq!(codes(&v, "groups"), ["P1", "P2"]);

    // A parent must still sit higher in the thread than its child.
    let bad = c.file(
        "bad.csv",
        "code,kind,parent,title,from_year\nP3,priority,O1,Under an outcome,2024/25\n",
    );
    let err = c.refused(&["import", "plan", &bad]);
    assert!(err.contains("row 2, column parent"), "{err}");
    assert!(err.contains("priority cannot sit beneath outcome"), "{err}");
}
