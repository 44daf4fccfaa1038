//! `pmdb overdue` and `pmdb exceptions` (the list, a meeting's agenda and `show ID`) read
//! what their answer needs (issue 27, point 1): overdue every indicator but only the values
//! of the two financial years it looks at (`Store::dataset_of_years`), an exceptions list
//! only the indicators its rows name, and delivery only when a row is not an indicator's
//! (`Store::dataset_of_many`, `query::exceptions::dataset_for`). Each says exactly what it
//! said from the whole council's dataset: on the demo, and on edge rows added to it
//! (indicators whose only or earliest values are years older than those looked at, which
//! date when their collection started; exceptions on an indicator and an action that are
//! not there), at year boundaries. The commands themselves are run too and their JSON
//! compared with the whole council's answer; their text is a table of those same rows,
//! checked row by row.

mod common;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use common::me;
use pmdb::csvio::{self, Kind};
use pmdb::domain::period::FinYear;
use pmdb::domain::workflow::ExceptionKind;
use pmdb::query::exception_show::shown;
use pmdb::query::exceptions::{read_for, with_figures_now};
use pmdb::query::overdue::{overdue, overdue_years};
use pmdb::store::{Dataset, ExceptionFilter, NewException, Reads, Store, StoredValue};
use serde_json::{Value, json};

fn today() -> NaiveDate {
    "2026-11-24".parse().unwrap()
}

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// The demo (the test's login its admin) with edge rows: OLD1, a monthly measure recorded
/// only in 2019 with a target for 2026/27 and no collection start of its own, so its
/// collection starts in April 2019 only because of a value six years before those
/// `overdue` looks at (read without it, April 2026 would be its start and every month of
/// 2025/26 would not be owed); OLD2, a monthly one with an old value and one in October
/// 2026; OLD3, a quarterly one recorded only in 2019/20; exceptions on an indicator
/// (GONE1) and an action (GONE2) that are not there, and one on a quarterly measure for a
/// month of a signed-off quarter.
fn edge_demo(dir: &Path) -> PathBuf {
    let path = dir.join("edge.db");
    pmdb::demo::build_demo(&path, &me(), today(), 1).unwrap();
    let mut store = Store::open(&path, &me()).unwrap();
    let files = [
        (
            Kind::Indicators,
            "code,title,kind,unit,decimals,polarity,frequency,aggregation,owner,plan,rag_rule,min,max,collect_from,cumulative,lag,definition,source,benchmark_group\n\
             OLD1,Recorded long ago,local,%,1,higher,monthly,mean,jpatel,,,,,,no,0,,,\n\
             OLD2,Recorded long ago and lately,local,%,1,higher,monthly,mean,jpatel,,,,,,no,0,,,\n\
             OLD3,Recorded by the quarter long ago,local,%,1,higher,quarterly,mean,jpatel,,,,,,no,0,,,\n",
        ),
        (
            Kind::Targets,
            "code,year,period,target,intervention\nOLD1,2026/27,,50,40\nOLD2,2026/27,,50,40\nOLD3,2026/27,,50,40\n",
        ),
        (
            Kind::Values,
            "code,period,value,numerator,denominator,quality,commentary,action\n\
             OLD1,2019-05,41,,,final,,\n\
             OLD1,2019-06,42,,,final,,\n\
             OLD2,2019-07,43,,,final,,\n\
             OLD2,2026-10,44,,,final,,\n\
             OLD3,2019/20 Q2,45,,,final,,\n\
             OLD3,2019/20 Q1,46,,,final,,\n",
        ),
    ];
    for (kind, text) in files {
        let summary = csvio::import(&mut store, kind, text.as_bytes(), today()).unwrap();
        assert_eq!(summary.added, text.lines().count() - 1, "{kind}");
    }
    let raise = |kind, subject: &str, period: &str| NewException {
        kind,
        period: period.into(),
        subject: subject.into(),
        service: String::new(),
        owner: "jpatel".into(),
        figures: "as raised".into(),
        commentary: String::new(),
        meeting: None,
    };
    let raised = store
        .raise_exceptions(&[
            raise(ExceptionKind::Red, "GONE1", "2026/27 Q2"),
            raise(ExceptionKind::Action, "GONE2", "2026/27 Q2"),
            raise(ExceptionKind::Missing, "OLD1", "2026/27 Q2"),
            // A quarterly measure's exception for a month: judged by its quarter, whose
            // status was frozen at its sign-off.
            raise(ExceptionKind::Red, "CP01", "2025-05"),
        ])
        .unwrap();
    assert_eq!(raised, 4);
    path
}

/// The edge demo, open, with the whole council's dataset: what each answer is compared with.
struct Edge {
    /// Kept until the test ends: the database is in it.
    _dir: tempfile::TempDir,
    path: PathBuf,
    store: Store,
    full: Dataset,
}

impl Edge {
    fn new() -> Edge {
        let dir = tempfile::tempdir().unwrap();
        let path = edge_demo(dir.path());
        let store = Store::open(&path, &me()).unwrap();
        let full = store.dataset().unwrap();
        Edge {
            _dir: dir,
            path,
            store,
            full,
        }
    }
}

/// Every value of `full` the years' dataset must hold: those of the years, and each
/// indicator's earliest; sorted, as the other's are, by indicator and period.
fn values_of_years(full: &Dataset, first: FinYear, last: FinYear) -> Vec<StoredValue> {
    let mut out = Vec::new();
    for values in full.values.values() {
        // As written ("2019-05" before "2019/20 Q1"): the earliest so is of the earliest year.
        let earliest = values.iter().map(|v| v.period.to_string()).min();
        out.extend(values.iter().filter(|v| {
            (first..=last).contains(&v.period.fin_year()) || Some(v.period.to_string()) == earliest
        }));
    }
    sorted(out.into_iter().cloned().collect())
}

fn sorted(mut values: Vec<StoredValue>) -> Vec<StoredValue> {
    values.sort_by(|a, b| {
        (&a.indicator, a.period.sort_key()).cmp(&(&b.indicator, b.period.sort_key()))
    });
    values
}

fn all(values: &HashMap<String, Vec<StoredValue>>) -> Vec<StoredValue> {
    sorted(values.values().flatten().cloned().collect())
}

const AS_OF: [&str; 7] = [
    "2026-11-24",
    // The last day of a financial year and the first of the next: the years looked at move.
    "2026-03-31",
    "2026-04-01",
    "2027-04-01",
    "2025-04-15",
    // Before the demo's data: only OLD1's and OLD2's old values are in the years.
    "2020-06-30",
    "2019-04-01",
];

#[test]
fn overdue_from_two_years_of_values_is_the_whole_councils_overdue() {
    let e = Edge::new();
    let ctx = e.full.context(today());
    for as_of in AS_OF {
        let as_of = date(as_of);
        let [last, this] = overdue_years(as_of);
        let part = e.store.dataset_of_years(last..=this).unwrap();
        // Not a row of another year, none of these years' left out.
        assert_eq!(
            all(&part.values),
            values_of_years(&e.full, last, this),
            "{as_of}"
        );
        assert!(
            all(&part.values).len() < all(&e.full.values).len(),
            "{as_of}"
        );
        assert_eq!(part.indicators.len(), e.full.indicators.len());
        let whole = serde_json::to_value(overdue(&e.full, as_of, ctx)).unwrap();
        let alone = serde_json::to_value(overdue(&part, as_of, ctx)).unwrap();
        assert_eq!(whole, alone, "{as_of}");
    }
    // The edge rows matter: every month of 2025/26 and 2026/27 to October is owed by OLD1,
    // none of them recorded; by OLD2 all but October; by OLD3 each quarter to 2026/27 Q2.
    let rows = overdue(&e.full, today(), ctx);
    let owed = |code: &str| -> Vec<String> {
        rows.iter()
            .filter(|r| r.code == code)
            .map(|r| r.period.clone())
            .collect()
    };
    let (old1, old2, old3) = (owed("OLD1"), owed("OLD2"), owed("OLD3"));
    assert_eq!(
        (old1.len(), &old1[0][..], &old1[18][..]),
        (19, "2025-04", "2026-10")
    );
    assert_eq!(old2, old1[..18]);
    assert_eq!(old3.len(), 6);
    assert_eq!((&old3[0][..], &old3[5][..]), ("2025/26 Q1", "2026/27 Q2"));
}

fn filters() -> Vec<ExceptionFilter> {
    let by_kind = |k: &str| ExceptionFilter {
        kind: Some(k.parse().unwrap()),
        ..ExceptionFilter::default()
    };
    vec![
        ExceptionFilter::default(),
        by_kind("red"),
        by_kind("missing"),
        by_kind("risk"),
        by_kind("action"),
        by_kind("request"),
        ExceptionFilter {
            status: Some("open".parse().unwrap()),
            ..ExceptionFilter::default()
        },
        ExceptionFilter {
            period: Some("2026/27 Q2".into()),
            ..ExceptionFilter::default()
        },
    ]
}

#[test]
fn an_exceptions_list_from_the_rows_it_names_is_the_whole_councils_list() {
    let e = Edge::new();
    let ctx = e.full.context(today());
    for filter in filters() {
        let records = e.store.exceptions(&filter).unwrap();
        assert!(!records.is_empty(), "{filter:?}");
        let (codes, reads) = read_for(&records);
        let part = e.store.dataset_of_many(&codes, &reads).unwrap();
        // Only the indicators the rows name, each once; delivery only for delivery's rows.
        let named: Vec<&String> = part.indicators.iter().map(|r| &r.indicator.code).collect();
        let mut expected: Vec<&String> = Vec::new();
        for r in &records {
            if e.full.indicator(&r.subject).is_some() && !expected.contains(&&r.subject) {
                expected.push(&r.subject);
            }
        }
        assert_eq!(named, expected, "{filter:?}");
        // Their statuses frozen for the periods a red or missing row is judged in (by its
        // indicator's frequency), and no other.
        let frozen_in = reads.frozen.clone().unwrap();
        for r in records
            .iter()
            .filter(|r| matches!(r.kind, ExceptionKind::Red | ExceptionKind::Missing))
        {
            if let Some(rec) = e.full.indicator(&r.subject) {
                let natural = rec
                    .indicator
                    .frequency
                    .natural_period(r.period.parse().unwrap());
                assert!(frozen_in.contains(&natural), "#{} {natural}", r.id);
            }
        }
        let statuses: i64 = named
            .iter()
            .flat_map(|code| frozen_in.iter().map(move |p| (code, p.to_string())))
            .map(|(code, p)| {
                common::read_only(&e.path)
                    .query_row(
                        "SELECT count(*) FROM signoff_statuses WHERE indicator = ?1 AND period = ?2",
                        [code.as_str(), p.as_str()],
                        |r| r.get::<_, i64>(0),
                    )
                    .unwrap()
            })
            .sum();
        assert_eq!(part.frozen.len() as i64, statuses, "{filter:?}");
        // (2026/27 Q2's are only the edge rows', raised after its sign-off.)
        assert!(
            statuses > 0 || filter.kind.is_some() || filter.period.is_some(),
            "{filter:?}"
        );
        let only_indicators = records
            .iter()
            .all(|r| matches!(r.kind, ExceptionKind::Red | ExceptionKind::Missing));
        assert_eq!(part.delivery.actions.is_empty(), only_indicators);
        if !only_indicators {
            let d = |ds: &Dataset| {
                let d = &ds.delivery;
                let counts = [d.actions.len(), d.action_updates.len(), d.projects.len()];
                [
                    counts,
                    [d.milestones.len(), d.risks.len(), d.risk_reviews.len()],
                ]
            };
            assert_eq!(d(&part), d(&e.full), "{filter:?}");
            // What was frozen at the sign-off of the rows' periods, and nothing else.
            let periods: Vec<String> = reads
                .delivery
                .iter()
                .flatten()
                .map(|p| p.to_string())
                .collect();
            let frozen: i64 = periods
                .iter()
                .map(|p| {
                    common::read_only(&e.path)
                        .query_row(
                            "SELECT count(*) FROM signoff_delivery WHERE period = ?1",
                            [p],
                            |r| r.get::<_, i64>(0),
                        )
                        .unwrap()
                })
                .sum();
            assert_eq!(part.delivery.frozen.len() as i64, frozen, "{filter:?}");
            assert!(part.delivery.frozen.len() < e.full.delivery.frozen.len());
            assert!(frozen > 0 || filter.kind.is_some(), "{filter:?}");
        }
        let whole = serde_json::to_value(with_figures_now(&e.full, records.clone(), ctx)).unwrap();
        let alone = serde_json::to_value(with_figures_now(&part, records, ctx)).unwrap();
        assert_eq!(whole, alone, "{filter:?}");
    }
    // The whole list names fewer indicators than the council has.
    let records = e.store.exceptions(&ExceptionFilter::default()).unwrap();
    let part = e
        .store
        .dataset_of_many(&read_for(&records).0, &Reads::default())
        .unwrap();
    assert!(part.indicators.len() < e.full.indicators.len() / 2);
}

#[test]
fn each_exception_shown_from_its_subjects_rows_is_as_the_whole_council_shows_it() {
    let e = Edge::new();
    let ctx = e.full.context(today());
    let records = e.store.exceptions(&ExceptionFilter::default()).unwrap();
    let kinds: std::collections::HashSet<_> = records.iter().map(|r| r.kind).collect();
    assert!(kinds.len() >= 8, "the demo's kinds of exception: {kinds:?}");
    for record in records {
        let (codes, reads) = read_for(std::slice::from_ref(&record));
        let part = e.store.dataset_of_many(&codes, &reads).unwrap();
        assert!(part.indicators.len() <= 1);
        assert_eq!(
            part.indicator(&record.subject).is_some(),
            e.full.indicator(&record.subject).is_some()
        );
        let history = e.store.exception_history(record.id).unwrap();
        let id = record.id;
        let whole = shown(&e.full, record.clone(), history.clone(), ctx);
        let alone = shown(&part, record.clone(), history, ctx);
        assert_eq!(
            serde_json::to_value(&whole).unwrap(),
            serde_json::to_value(&alone).unwrap(),
            "#{id}"
        );
        // What the text says beside those fields: the subject's title, the people, the board.
        assert_eq!(
            e.full.subject_title(&record.subject),
            part.subject_title(&record.subject),
            "#{id}"
        );
        for login in [&record.owner, &record.board_member] {
            assert_eq!(
                e.full.user(login).map(|u| &u.name),
                part.user(login).map(|u| &u.name)
            );
        }
        assert_eq!(
            e.full.board_title(&record.board),
            part.board_title(&record.board)
        );
    }
}

/// The binary's `--json` for these arguments, as pmdb prints it for a reader.
fn run(path: &Path, args: &[&str]) -> String {
    let out = std::process::Command::new(common::pmdb_binary())
        .arg("--db")
        .arg(path)
        .args(args)
        .env("PMDB_TODAY", "2026-11-24")
        .env_remove("PMDB_DB")
        .output()
        .unwrap();
    assert!(out.status.success(), "{args:?}: {out:?}");
    String::from_utf8(out.stdout).unwrap()
}

/// A line of a table's cells: they are apart by two spaces or more.
fn cells(line: &str) -> Vec<&str> {
    line.split("  ")
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect()
}

fn parsed(text: &str) -> Value {
    serde_json::from_str(text).unwrap()
}

#[test]
fn the_commands_print_the_whole_councils_answer() {
    let e = Edge::new();
    let ctx = e.full.context(today());
    for as_of in ["2026-11-24", "2026-04-01", "2026-03-31"] {
        let rows = overdue(&e.full, date(as_of), ctx);
        let printed = run(&e.path, &["overdue", "--as-of", as_of, "--json"]);
        assert_eq!(
            parsed(&printed),
            json!({ "as_of": as_of, "overdue": rows }),
            "{as_of}"
        );
        // The text: a header, each row in order, and the count.
        let text = run(&e.path, &["overdue", "--as-of", as_of]);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), rows.len() + 2, "{as_of}");
        for (line, row) in lines[1..].iter().zip(&rows) {
            let days = row.days_overdue.to_string();
            assert_eq!(
                cells(line),
                [
                    &row.code,
                    &row.period,
                    &row.deadline,
                    &days,
                    &row.owner,
                    &row.title
                ],
                "{as_of}"
            );
        }
        assert_eq!(
            lines.last().unwrap(),
            &format!("{} values overdue as of {as_of}", rows.len())
        );
    }
    let records = e.store.exceptions(&ExceptionFilter::default()).unwrap();
    let rows = with_figures_now(&e.full, records.clone(), ctx);
    assert_eq!(
        parsed(&run(&e.path, &["exceptions", "--json"])),
        json!({ "exceptions": rows })
    );
    let text = run(&e.path, &["exceptions"]);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), rows.len() + 2);
    for (line, row) in lines[1..].iter().zip(&rows) {
        assert!(line.starts_with(&format!("#{} ", row.record.id)), "{line}");
        assert!(line.ends_with(&row.figures_shown()), "{line}");
    }
    for record in records
        .iter()
        .filter(|r| ["GONE1", "GONE2", "OLD1"].contains(&r.subject.as_str()) || r.id % 37 == 1)
    {
        let id = record.id.to_string();
        let mut shows = shown(
            &e.full,
            record.clone(),
            e.store.exception_history(record.id).unwrap(),
            ctx,
        );
        shows.periods.extend(
            e.store
                .exception_periods()
                .unwrap()
                .remove(&record.id)
                .unwrap_or_default(),
        );
        assert_eq!(
            parsed(&run(&e.path, &["exceptions", "show", &id, "--json"])),
            serde_json::to_value(&shows).unwrap(),
            "#{id}"
        );
        let text = run(&e.path, &["exceptions", "show", &id]);
        let title = e.full.subject_title(&record.subject).unwrap_or_default();
        assert!(
            text.lines()
                .next()
                .unwrap()
                .contains(&format!("{} {title} · {}", record.subject, record.period)),
            "{text}"
        );
        let figures_now = text.lines().any(|l| l.starts_with("Figures now (changed)"));
        assert_eq!(
            figures_now,
            shows.changed && record.kind != ExceptionKind::Request
        );
    }
}

#[test]
fn a_meetings_agenda_from_the_rows_it_names_is_the_whole_councils_agenda() {
    use pmdb::query::agenda::load;
    use pmdb::query::exceptions::dataset_for;
    let e = Edge::new();
    let ctx = e.full.context(today());
    let meetings = e.store.meetings().unwrap();
    assert!(meetings.len() > 5, "the demo's meetings");
    let mut listed = 0;
    for meeting in &meetings {
        let items = load(&e.store, meeting).unwrap();
        let records: Vec<_> = items.iter().map(|i| i.record.clone()).collect();
        listed += records.len();
        let part = dataset_for(&e.store, &records).unwrap();
        let whole = with_figures_now(&e.full, records.clone(), ctx);
        let alone = with_figures_now(&part, records, ctx);
        assert_eq!(
            serde_json::to_value(&whole).unwrap(),
            serde_json::to_value(&alone).unwrap(),
            "meeting #{}",
            meeting.id
        );
        // As the command prints it: each row with its periods and whether carried forward.
        let rows: Vec<Value> = whole
            .iter()
            .zip(&items)
            .map(|(row, item)| {
                let mut v = serde_json::to_value(row).unwrap();
                v["periods"] = json!(item.periods);
                v["carried_forward"] = json!(item.carried_forward);
                v
            })
            .collect();
        let id = meeting.id.to_string();
        assert_eq!(
            parsed(&run(&e.path, &["exceptions", "--meeting", &id, "--json"])),
            json!({ "meeting": meeting, "exceptions": rows }),
            "meeting #{id}"
        );
    }
    assert!(listed > 20, "the agendas' items");
}
