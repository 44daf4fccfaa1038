//! What the interface's benches share (`mod common;` in each).

use std::path::Path;
use std::time::Duration;

use pmdb::store::Store;

pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// The first admin of the database, as whom a bench opens it and saves in it: the demo a
/// bench builds is made as `bench`, and `pmdb demo` makes whoever runs it admin.
pub fn admin_of(path: &Path) -> String {
    let store = Store::open(path, "bench").expect("the database opens");
    store
        .users()
        .expect("its users")
        .into_iter()
        .find(|u| u.role == pmdb::domain::role::Role::Admin)
        .map(|u| u.login)
        .expect("the database has an admin")
}
