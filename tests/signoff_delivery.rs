//! Sign-off freezes delivery with the indicators: an action's, project's, risk's and EIA's
//! status for a signed-off quarter (and its months) stays as it was signed, whatever is
//! recorded later; reopening puts the frozen judgements on record and judges afresh.

mod common;

use common::{Council, me};
use pmdb::domain::delivery::DeliveryRag;
use pmdb::domain::period::Period;
use pmdb::store::Store;

const REGISTER: &str = "
INSERT INTO actions (code, title, owner, start, due) VALUES
    ('A1', 'Bring in food waste rounds', 'hos.waste', '2024-01-01', '2024-09-30');
INSERT INTO action_links (action, node) VALUES ('A1', 'SP1');
INSERT INTO action_updates (action, period, status, progress, commentary) VALUES
    ('A1', '2024-05', 'on_track', 40, ''),
    ('A1', '2024-06', 'at_risk', 50, 'Two crews short');
INSERT INTO risks (code, title, category, owner, controls, inherent_likelihood, inherent_impact, target_score, review_months) VALUES
    ('R1', 'Recycling contract fails', 'partnership', 'hos.waste', 'Contract monitoring', 5, 5, 9, 3);
INSERT INTO risk_links (risk, node) VALUES ('R1', 'SP1');
INSERT INTO risk_reviews (risk, date, likelihood, impact) VALUES ('R1', '2024-05-10', 4, 4);
";

fn p(s: &str) -> Period {
    s.parse().unwrap()
}

fn judged(c: &Council) -> (String, DeliveryRag, String, u8) {
    let store = Store::open(&c.db, &me()).unwrap();
    let ds = store.dataset().unwrap();
    let ctx = ds.context("2024-08-01".parse().unwrap());
    let a = ds
        .delivery
        .action_rows(p("2024-06"), ctx)
        .remove(0)
        .judgement;
    let r = ds.delivery.risk_rows(p("2024/25 Q1")).remove(0).judgement;
    (
        a.status.as_str().to_string(),
        a.rag,
        a.rule.to_string(),
        r.score,
    )
}

#[test]
fn a_signed_off_quarter_keeps_its_delivery_statuses_until_reopened() {
    let c = Council::fixture();
    c.writer(&me()).execute_batch(REGISTER).unwrap();
    let before = (
        "at_risk".to_string(),
        DeliveryRag::Amber,
        "at risk (update for 2024-06)".to_string(),
        16,
    );
    assert_eq!(judged(&c), before);
    let signed = c.json(&["signoff", "2024/25 Q1", "--yes"]);
    // Indicators' statuses and delivery's: the quarter and its months for the action
    // and the risk.
    assert!(signed["frozen"].as_i64().unwrap() >= 13 + 8, "{signed}");
    assert_eq!(
        c.count("SELECT count(*) FROM signoff_delivery WHERE period = '2024-06'"),
        2
    );
    // Afterwards June's update is rewritten and the risk re-reviewed with an earlier date.
    c.writer(&me())
        .execute_batch(
            "UPDATE action_updates SET status = 'off_track', commentary = 'Contractor failed'
               WHERE action = 'A1' AND period = '2024-06';
             INSERT INTO risk_reviews (risk, date, likelihood, impact) VALUES ('R1', '2024-06-20', 2, 2);",
        )
        .unwrap();
    assert_eq!(
        judged(&c),
        before,
        "June and Q1 stay as they were signed off"
    );
    // Reopened, they are judged afresh, and what was frozen stays on record.
    c.ok(&[
        "signoff",
        "reopen",
        "2024/25 Q1",
        "--reason",
        "June's action update was corrected",
    ]);
    assert_eq!(
        judged(&c),
        (
            "off_track".to_string(),
            DeliveryRag::Red,
            "off track (update for 2024-06)".to_string(),
            4
        )
    );
    assert_eq!(c.count("SELECT count(*) FROM signoff_delivery"), 0);
    assert_eq!(
        c.count("SELECT count(*) FROM signoff_delivery_history WHERE period = '2024-06' AND kind = 'action'"),
        1
    );
}
