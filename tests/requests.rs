//! Requests from Cabinet and Scrutiny (issue 24, point 4): `pmdb exceptions add --kind
//! request` records a board's request on the exception workflow; refusals name why and
//! write nothing; the request sits on the asking board's next agenda, carried forward
//! until closed, and the report of the month it was recorded in lists it.
//!
//! The fixture council on 2024-07-25, with Overview & Scrutiny (OSP) meeting in July and
//! August; Alex Lee answers.

mod common;

use common::{Council, agenda, me, text};

const MEETINGS: &str = "board,date,title,period
OSP,2024-07-01,Scrutiny: Q4 report,2023/24 Q4
OSP,2024-08-12,Scrutiny: Q1 report,2024/25 Q1
OSP,2024-09-16,Scrutiny: work programme,2024/25 Q1
";

fn council() -> Council {
    let c = Council::fixture_on("2024-07-25");
    let boards = c.file(
        "boards.csv",
        "code,name\nOSP,Overview & Scrutiny\nCAB,Cabinet\n",
    );
    c.ok(&["import", "boards", &boards]);
    let meetings = c.file("meetings.csv", MEETINGS);
    c.ok(&["import", "meetings", &meetings]);
    c
}

const ASK: &str = "Explain the fall in recycling and what the crews are doing about it";

fn add(extra: &[&'static str]) -> Vec<&'static str> {
    let mut args = vec![
        "exceptions",
        "add",
        "--kind",
        "request",
        "--subject",
        "WR1",
        "--board",
        "OSP",
        "--text",
        ASK,
        "--owner",
        "alee",
        "--due",
        "2024-08-31",
    ];
    // A test changes one flag by giving it with its new value.
    for pair in extra.chunks(2) {
        let at = args
            .iter()
            .position(|a| *a == pair[0])
            .expect("a flag of add");
        args[at + 1] = pair[1];
    }
    args
}

#[test]
fn a_request_is_recorded_open_with_its_board_owner_due_date_and_history() {
    let c = council();
    let rec = c.json(&add(&[]));
    assert_eq!(
        (
            rec["id"].as_i64(),
            text(&rec["kind"]),
            text(&rec["period"]),
            text(&rec["subject"]),
            text(&rec["board"]),
            text(&rec["owner"]),
            text(&rec["figures"]),
            text(&rec["escalation_due"]),
            text(&rec["status"]),
        ),
        (
            Some(1),
            "request".into(),
            "2024-07".into(),
            "WR1".into(),
            "OSP".into(),
            "alee".into(),
            ASK.into(),
            "2024-08-31".into(),
            "open".into()
        )
    );
    let shown = c.json(&["exceptions", "show", "1"]);
    let history = shown["history"].as_array().unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!(
        (
            text(&history[0]["field"]),
            text(&history[0]["by"]),
            text(&history[0]["new"])
        ),
        ("raised".into(), me(), format!("OSP asks: {ASK}"))
    );
    let shown = c.ok(&["exceptions", "show", "1"]);
    for line in [
        "Exception #1 · request · WR1 Household waste recycled · 2024-07",
        "Asked by: Overview & Scrutiny (OSP)",
        &format!("Request: {ASK}"),
        "Due: 2024-08-31",
        "Answer: —",
    ] {
        assert!(shown.contains(line), "{line} in {shown}");
    }
    assert!(!shown.contains("Escalated to"), "{shown}");
    // The kind is listed and filtered like any other.
    let listed = c.json(&["exceptions", "--kind", "request"]);
    assert_eq!(listed["exceptions"].as_array().unwrap().len(), 1);
    let csv = c.ok(&["exceptions"]);
    assert!(csv.contains("request") && csv.contains("WR1"), "{csv}");
    // A second request on the same subject in the same month is its own record.
    c.ok(&add(&["--text", "And the cost of the crews' campaign"]));
    assert_eq!(
        c.count("SELECT count(*) FROM exceptions WHERE kind = 'request'"),
        2
    );
    // A plan node is a subject too.
    c.ok(&add(&["--subject", "P1"]));
}

#[test]
fn refusals_name_why_and_write_nothing() {
    let c = council();
    let audit = c.count("SELECT count(*) FROM audit_log");
    for (extra, why) in [
        (
            &["--subject", "NOPE"][..],
            "there is no indicator, action, project, risk or plan node with code NOPE",
        ),
        (
            &["--board", "XYZ"][..],
            "there is no board XYZ: name the asking board, one the council has (CAB, LT, MB, OSP, PPG)",
        ),
        (
            &["--owner", "nobody"][..],
            "--owner: 'nobody' is not a pmdb user",
        ),
        (&["--due", "31/13/2024"][..], "--due"),
        (&["--text", "  "][..], "the request is empty"),
        (
            &["--kind", "red"][..],
            "--kind: only a request is added by hand",
        ),
        (&["--kind", "wish"][..], "--kind:"),
    ] {
        let err = c.refused(&add(extra));
        assert!(err.contains(why), "{extra:?}: {err}");
    }
    assert_eq!(c.count("SELECT count(*) FROM audit_log"), audit);
    // Officers do not record a board's request.
    c.ok(&["user", "set-role", "jpatel", "admin"]);
    c.ok(&["user", "set-role", &me(), "officer"]);
    let err = c.refused(&add(&[]));
    assert!(err.contains("record a board's request"), "{err}");
    assert_eq!(c.count("SELECT count(*) FROM exceptions"), 0);
    assert_eq!(c.count("SELECT count(*) FROM exception_history"), 0);
}

#[test]
fn it_sits_on_the_asking_boards_next_agenda_carried_forward_until_closed() {
    let c = council();
    c.ok(&add(&[]));
    // Not on the meeting held before it was asked; on the next; carried to the one after.
    assert!(agenda(&c, "OSP:2024-07-01").is_empty());
    assert_eq!(agenda(&c, "OSP:2024-08-12"), [(1, "WR1".into(), false)]);
    assert_eq!(agenda(&c, "OSP:2024-09-16"), [(1, "WR1".into(), true)]);
    // The owner answers (the proposal), the performance team agrees and closes it.
    c.ok(&[
        "exceptions",
        "update",
        "1",
        "--proposal",
        "Crews leafleted every round in August",
    ]);
    c.ok(&[
        "exceptions",
        "update",
        "1",
        "--status",
        "agreed",
        "--decision",
        "Answer accepted",
    ]);
    c.ok(&["exceptions", "update", "1", "--status", "closed"]);
    assert_eq!(agenda(&c, "OSP:2024-08-12"), [(1, "WR1".into(), false)]);
    assert!(agenda(&c, "OSP:2024-09-16").is_empty());
    let fields: Vec<String> = c.json(&["exceptions", "show", "1"])["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| text(&h["field"]))
        .collect();
    assert_eq!(
        fields,
        [
            "raised",
            "status",
            "proposal",
            "status",
            "decision",
            "status",
            "closed_at"
        ]
    );
}

#[test]
fn the_report_of_the_month_it_was_recorded_in_lists_it() {
    let c = council();
    c.ok(&add(&[]));
    // Recorded on 25 July: July's report (and its quarter's, and year's) list it.
    let md = c.ok(&["report", "--period", "2024-07"]);
    let section = &md[md.find("## Requests from the boards").expect(&md)..];
    assert!(
        section.contains(&format!(
            "| Overview & Scrutiny \\(OSP\\) | WR1 Household waste recycled | {ASK} | alee | 2024-08-31 | open |"
        )),
        "{section}"
    );
    let page = c.ok(&["report", "--period", "2024/25 Q2", "--format", "html"]);
    let part = &page[page
        .find("<h2 id=\"requests\">Requests from the boards</h2>")
        .expect(&page)..];
    let part = &part[..part.find("</section>").unwrap()];
    for cell in [
        "<th scope=\"row\">WR1 Household waste recycled</th>",
        "<td data-label=\"Board\">Overview &amp; Scrutiny (OSP)</td>",
        &format!("<td data-label=\"Request\">{ASK}</td>"),
        "<td data-label=\"Owner\">Alex Lee</td>",
        "<td data-label=\"Due\">2024-08-31</td>",
        "<td data-label=\"Status\">open</td>",
    ] {
        assert!(part.contains(cell), "{cell} in {part}");
    }
    assert!(page.contains("<a href=\"#requests\">"));
    // June's report (before it was asked) says nothing of requests.
    let june = c.ok(&["report", "--period", "2024-06", "--format", "html"]);
    assert!(!june.contains("Requests from the boards"), "{june}");
    let june = c.ok(&["report", "--period", "2024-06"]);
    assert!(!june.contains("Requests from the boards"));
    // Answered and closed, it stands closed in the report.
    c.ok(&["exceptions", "update", "1", "--status", "closed"]);
    let md = c.ok(&["report", "--period", "2024-07"]);
    assert!(md.contains("| alee | 2024-08-31 | closed |"), "{md}");
}

#[test]
fn a_signed_off_report_shows_a_request_as_it_stood_at_the_sign_off() {
    let c = council();
    c.ok(&add(&[]));
    let later = |today: &str, args: &[&str]| {
        let out = c.cmd(args).env("PMDB_TODAY", today).output().unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    later(
        "2024-08-05",
        &["exceptions", "update", "1", "--proposal", "Crews retrained"],
    );
    later("2024-08-10", &["signoff", "2024-07", "--yes"]);
    // Closed after July was signed off: July's report keeps it as it stood then,
    // proposed; a report of a period not signed off shows it closed.
    later(
        "2024-08-20",
        &["exceptions", "update", "1", "--status", "closed"],
    );
    let july = later("2024-08-21", &["report", "--period", "2024-07"]);
    assert!(july.contains("| alee | 2024-08-31 | proposed |"), "{july}");
    let quarter = later("2024-08-21", &["report", "--period", "2024/25 Q2"]);
    assert!(
        quarter.contains("| alee | 2024-08-31 | closed |"),
        "{quarter}"
    );
}
