//! A value's lateness is judged on the council's day (its local time, as `today` is), and
//! is its first recording's (issue 21, point 13). This binary holds this one test: it sets
//! the process's time zone to British time before anything reads it.

mod common;

use common::{Council, me};
use pmdb::domain::period::{Month, Period};
use pmdb::query::entry_grid::entry_grid;
use pmdb::store::Store;

fn month(s: &str) -> Month {
    match s.parse::<Period>() {
        Ok(Period::Month(m)) => m,
        other => panic!("{s} is not a month: {other:?}"),
    }
}

/// The Entry tab's lateness of alee's `code` in the return for `for_month`, as of `today`.
fn late_days(c: &Council, code: &str, for_month: &str, today: &str) -> Option<i64> {
    let store = Store::open(&c.db, &me()).unwrap();
    let today = today.parse().unwrap();
    let ctx = store.context(today).unwrap();
    let ds = store.dataset().unwrap();
    entry_grid(&ds, "alee", month(for_month), ctx)
        .into_iter()
        .find(|r| r.code == code)
        .unwrap_or_else(|| panic!("no {code} in alee's return"))
        .late_days
}

#[test]
fn lateness_is_the_first_recordings_on_the_councils_day() {
    // SAFETY: the only test of this binary, before any thread starts or reads the zone;
    // the pmdb processes it runs inherit it.
    unsafe { std::env::set_var("TZ", "Europe/London") };

    let c = Council::fixture_on("2024-08-10");
    // June's deadline is 15 July. RW1's June entered at 23:30 UTC on 15 July is 00:30 on
    // 16 July in British Summer Time: a day late, though its UTC date is the deadline.
    let w = c.writer(&me());
    w.execute(
        "UPDATE \"values\" SET entered_at = '2024-07-15T23:30:00.000Z',
                first_entered_at = '2024-07-15T23:30:00.000Z'
          WHERE indicator = 'RW1' AND period = '2024-06'",
        [],
    )
    .unwrap();
    // WR1's June at 22:59 UTC on 15 July is 23:59 in London: on time.
    w.execute(
        "UPDATE \"values\" SET entered_at = '2024-07-15T22:59:00.000Z',
                first_entered_at = '2024-07-15T22:59:00.000Z'
          WHERE indicator = 'WR1' AND period = '2024-06'",
        [],
    )
    .unwrap();
    drop(w);
    assert_eq!(late_days(&c, "RW1", "2024-06", "2024-08-10"), Some(1));
    assert_eq!(late_days(&c, "WR1", "2024-06", "2024-08-10"), None);

    // July's RW1 recorded on time on 10 August, signed off, reopened, and corrected on 20
    // September: still on time, since its lateness is the first recording's.
    c.ok(&["set", "RW1", "2024-07", "39"]);
    let autumn = Council {
        today: "2024-09-20".into(),
        ..c
    };
    autumn.ok(&["signoff", "2024-07", "--yes"]);
    autumn.ok(&[
        "signoff",
        "reopen",
        "2024-07",
        "--reason",
        "Weighbridge recalibrated",
    ]);
    autumn.ok(&["set", "RW1", "2024-07", "38"]);
    assert_eq!(
        autumn.period("RW1", "2024-07")["version"],
        2,
        "the correction was saved"
    );
    assert_eq!(late_days(&autumn, "RW1", "2024-07", "2024-09-20"), None);
    // A first recording after the deadline is late by the days since: WR1's July, on 20
    // September, is 36 days after 15 August.
    autumn.ok(&[
        "set",
        "WR1",
        "2024-07",
        "-",
        "--numerator",
        "500",
        "--denominator",
        "1000",
    ]);
    assert_eq!(late_days(&autumn, "WR1", "2024-07", "2024-09-20"), Some(36));
}
