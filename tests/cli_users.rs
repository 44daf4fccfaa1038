//! The scriptable contract for `user`: adding users, changing roles and listing them.
//!
//! The fixture council (tests/fixtures) has data for April to July 2024; today is pinned
//! to 2024-08-01, so June's data was due on 15 July and July's is not due until 15 August.

mod common;

use common::{Council, me, text};
use serde_json::json;

#[test]
fn user_add_set_role_and_list() {
    let c = Council::init(common::FIXTURE_TODAY);
    c.ok(&[
        "user", "add", "alee", "--role", "officer", "--name", "Amy Lee",
    ]);
    c.ok(&["user", "add", "cllr.jones", "--role", "viewer"]);
    c.ok(&["user", "set-role", "alee", "performance"]);
    // Listed by login: where the test's own login (the admin) falls depends on its name.
    let mut users = vec![
        json!({ "login": "alee", "name": "Amy Lee", "role": "performance" }),
        json!({ "login": "cllr.jones", "name": "cllr.jones", "role": "viewer" }),
        json!({ "login": me(), "name": me(), "role": "admin" }),
    ];
    users.sort_by_key(|u| text(&u["login"]));
    assert_eq!(c.json(&["user", "list"])["users"], json!(users));
    assert_eq!(
        c.refused(&["user", "add", "alee", "--role", "officer"])
            .trim(),
        "pmdb: user alee exists already; change their role with `pmdb user set-role alee ROLE`"
    );
    assert_eq!(
        c.refused(&["user", "add", "bob", "--role", "wizard"])
            .trim(),
        "pmdb: 'wizard' is not a role: use admin, performance, officer or viewer"
    );
    assert_eq!(
        c.refused(&["user", "set-role", "bob", "viewer"]).trim(),
        "pmdb: no user bob; add them with `pmdb user add bob --role viewer`"
    );
}
