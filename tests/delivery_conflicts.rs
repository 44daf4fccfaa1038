//! Two people reviewing the same risk on the same day: the second save is refused unless
//! it was made on the review the first saved, as with values and updates.

mod common;

use common::{Council, me};
use pmdb::store::{Expect, NewRiskReview, Store, StoreError};

#[test]
fn a_second_review_the_same_day_must_have_seen_the_first() {
    let c = Council::fixture();
    c.writer(&me())
        .execute_batch(
            "INSERT INTO risks (code, title, category, owner, inherent_likelihood, inherent_impact, target_score)
             VALUES ('R1', 'Recycling contract fails', 'partnership', 'hos.waste', 4, 4, 9);",
        )
        .unwrap();
    let today = "2024-08-01".parse().unwrap();
    let review = |l: u8| NewRiskReview {
        code: "R1".into(),
        date: today,
        likelihood: l,
        impact: 4,
        commentary: String::new(),
    };
    let mut a = Store::open(&c.db, &me()).unwrap();
    let mut b = Store::open(&c.db, &me()).unwrap();
    assert_eq!(
        a.record_risk_review(&review(3), Expect::Absent, today)
            .unwrap(),
        1
    );
    // B began before A saved: it expected no review today.
    match b.record_risk_review(&review(2), Expect::Absent, today) {
        Err(StoreError::Conflict {
            expected, found, ..
        }) => assert_eq!((expected, found), (0, 1)),
        other => panic!("{other:?}"),
    }
    let stored = |s: &Store| {
        let d = s.delivery().unwrap();
        (d.risk_reviews[0].likelihood, d.risk_reviews[0].version)
    };
    assert_eq!(stored(&b), (3, 1), "A's review stands");
    // Having seen it, B replaces it.
    assert_eq!(
        b.record_risk_review(&review(2), Expect::Version(1), today)
            .unwrap(),
        2
    );
    assert_eq!(stored(&a), (2, 2));
}
