//! Meetings and what they decide (issue 24, points 3 and 5): `pmdb meetings`, a meeting's
//! agenda (`exceptions --meeting ID|BOARD:DATE`) with items carried forward, a quarter
//! linked to the subject open from one of its months, closing an agenda's agreed items at
//! once, and `pmdb minutes`.
//!
//! The fixture council, on 2024-07-25: June's data was due on 15 July, so June's PPG meets
//! today; WR1 is red in June and PL2 missing.

mod common;

use common::{Council, agenda, me, text};
use pmdb::store::{Store, StoreError};
use serde_json::{Value, json};

const MEETINGS: &str = "board,date,title,period
PPG,2024-08-22,PPG: July 2024 data,2024-07
PPG,2024-06-27,PPG: May 2024 data,2024-05
PPG,2024-07-25,PPG: June 2024 data,2024-06
MB,2024-07-30,Management Board: June escalations,2024-06
";

/// The fixture on June's PPG day with its meetings, June's and the first quarter's
/// exceptions raised.
fn council() -> Council {
    let c = Council::fixture_on("2024-07-25");
    let file = c.file("meetings.csv", MEETINGS);
    c.ok(&["import", "meetings", &file]);
    c.ok(&["exceptions", "raise", "--period", "2024-06"]);
    c
}

#[test]
fn meetings_are_listed_in_date_order_with_their_ids_and_an_unknown_board_is_refused() {
    let c = council();
    let all = c.json(&["meetings"]);
    let rows: Vec<(i64, String, String)> = all["meetings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["id"].as_i64().unwrap(),
                text(&m["board"]),
                text(&m["date"]),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            (2, "PPG".into(), "2024-06-27".into()),
            (3, "PPG".into(), "2024-07-25".into()),
            (4, "MB".into(), "2024-07-30".into()),
            (1, "PPG".into(), "2024-08-22".into()),
        ]
    );
    assert_eq!(
        c.json(&["meetings", "--board", "MB"]),
        json!({"meetings": [{"id": 4, "board": "MB", "date": "2024-07-30",
            "title": "Management Board: June escalations", "period": "2024-06"}]})
    );
    let text_out = c.ok(&["meetings", "--board", "PPG"]);
    assert!(
        text_out.contains("3   PPG    2024-07-25  2024-06  PPG: June 2024 data"),
        "{text_out}"
    );
    assert!(text_out.ends_with("3 meetings\n"), "{text_out}");
    let err = c.refused(&["meetings", "--board", "XX"]);
    assert!(
        err.contains("--board: there is no board 'XX' (the boards are LT, MB, PPG)"),
        "{err}"
    );
}

#[test]
fn an_agenda_takes_its_month_and_quarter_and_carries_forward_what_is_still_open() {
    let c = council();
    // The quarter ending in June: PL2 is still open from June, so the quarter is linked
    // to it rather than raised again; WR1 is amber for the quarter.
    let q1 = c.json(&["exceptions", "raise", "--period", "2024/25 Q1"]);
    assert_eq!(
        (q1["found"].clone(), q1["raised"].clone()),
        (json!(1), json!(0))
    );
    assert_eq!(c.count("SELECT count(*) FROM exceptions"), 2);
    let pl2 = c.json(&["exceptions", "show", "2"]);
    assert_eq!(pl2["subject"], "PL2");
    assert_eq!(pl2["periods"], json!(["2024-06", "2024/25 Q1"]));
    let linked = pl2["history"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(linked["field"], "periods");
    assert!(
        text(&linked["new"]).starts_with("2024/25 Q1: no value for 2024/25 Q1"),
        "{linked}"
    );
    // Raising the quarter again links nothing twice.
    c.ok(&["exceptions", "raise", "--period", "2024/25 Q1"]);
    assert_eq!(c.count("SELECT count(*) FROM exception_periods"), 1);

    // June's PPG, by number or by board and date.
    let june = [(1, "WR1".to_string(), false), (2, "PL2".to_string(), false)];
    assert_eq!(agenda(&c, "3"), june);
    assert_eq!(agenda(&c, "PPG:2024-07-25"), june);
    let listed = c.json(&["exceptions", "--meeting", "3"]);
    assert_eq!(listed["meeting"]["title"], "PPG: June 2024 data");
    assert_eq!(
        listed["exceptions"][1]["periods"],
        json!(["2024-06", "2024/25 Q1"])
    );
    // May's had nothing; the Management Board has had nothing escalated to it.
    assert!(agenda(&c, "2").is_empty());
    assert!(agenda(&c, "MB:2024-07-30").is_empty());

    // June's PPG agrees WR1's action and closes PL2.
    c.ok(&[
        "exceptions",
        "update",
        "1",
        "--proposal",
        "Crew campaign on contamination",
    ]);
    c.ok(&[
        "exceptions",
        "update",
        "1",
        "--status",
        "agreed",
        "--decision",
        "Agreed: report back in August",
    ]);
    c.ok(&[
        "exceptions",
        "update",
        "2",
        "--status",
        "closed",
        "--decision",
        "Figures to follow",
    ]);
    // July's PPG takes WR1, still open, as carried forward; closed PL2 is not on it.
    assert_eq!(agenda(&c, "PPG:2024-08-22"), [(1, "WR1".to_string(), true)]);
    let table = c.ok(&["exceptions", "--meeting", "1"]);
    assert!(
        table.starts_with("Meeting #1: PPG on 2024-08-22 (PPG: July 2024 data), period 2024-07\n"),
        "{table}"
    );
    assert!(table.contains("agreed  carried forward"), "{table}");
    assert!(table.ends_with("1 item\n"), "{table}");

    // A meeting that does not exist is refused by name.
    for key in ["PPG:2024-07-26", "99", "next"] {
        let err = c.refused(&["exceptions", "--meeting", key]);
        assert!(
            err.contains(&format!(
                "there is no meeting '{key}': give its number or BOARD:DATE"
            )),
            "{err}"
        );
    }
}

/// `exceptions close --meeting M --status S --note N`, refused: its message.
fn close_refused(c: &Council, meeting: &str, status: &str, note: &str) -> String {
    c.refused(&[
        "exceptions",
        "close",
        "--meeting",
        meeting,
        "--status",
        status,
        "--note",
        note,
    ])
}

#[test]
fn every_agreed_item_of_an_agenda_is_closed_at_once_or_none_is() {
    let c = council();
    c.ok(&[
        "exceptions",
        "update",
        "1",
        "--status",
        "agreed",
        "--proposal",
        "Campaign",
        "--decision",
        "Agreed",
    ]);
    let before = c.count("SELECT count(*) FROM exception_history");
    // Refusals write nothing.
    let err = close_refused(&c, "3", "open", "x");
    assert!(
        err.contains("--status open: only an agenda's agreed items are closed at once"),
        "{err}"
    );
    let err = close_refused(&c, "2", "agreed", "x");
    assert!(
        err.contains(
            "meeting #2 (PPG on 2024-06-27) has no agreed item on its agenda: nothing was changed"
        ),
        "{err}"
    );
    let err = close_refused(&c, "PPG:2030-01-01", "agreed", "x");
    assert!(
        err.contains("there is no meeting 'PPG:2030-01-01'"),
        "{err}"
    );
    let err = close_refused(&c, "3", "agreed", "  ");
    assert!(err.contains("--note is empty"), "{err}");
    // An officer may not, and nothing is written.
    let mut officer = Store::open(&c.db, "hos.waste").unwrap();
    let refused = officer
        .close_agreed(&[1], "Closed by an officer", true)
        .unwrap_err();
    assert!(matches!(refused, StoreError::Denied(_)), "{refused}");
    drop(officer);
    // All or nothing: one item not agreed refuses the lot.
    let mut admin = Store::open(&c.db, &me()).unwrap();
    let refused = admin.close_agreed(&[1, 2], "Closed", true).unwrap_err();
    assert_eq!(refused.to_string(), "exception #2: it is open, not agreed");
    drop(admin);
    assert_eq!(c.count("SELECT count(*) FROM exception_history"), before);
    assert_eq!(
        c.count("SELECT count(*) FROM exceptions WHERE status = 'closed'"),
        0
    );

    // Noting keeps the item agreed; closing closes it, each with the note in its history.
    let noted = c.json(&[
        "exceptions",
        "close",
        "--meeting",
        "3",
        "--status",
        "agreed",
        "--note",
        "Seen again",
        "--keep-open",
    ]);
    assert_eq!(noted["exceptions"][0]["status"], "agreed");
    let out = c.ok(&[
        "exceptions",
        "close",
        "--meeting",
        "PPG:2024-07-25",
        "--status",
        "agreed",
        "--note",
        "Campaign done",
    ]);
    assert_eq!(out, "meeting #3: closed 1 agreed item (#1)\n");
    let shown = c.json(&["exceptions", "show", "1"]);
    assert_eq!(shown["status"], "closed");
    let tail: Vec<(String, String, String)> = shown["history"]
        .as_array()
        .unwrap()
        .iter()
        .rev()
        .take(4)
        .map(|h| (text(&h["field"]), text(&h["old"]), text(&h["new"])))
        .filter(|(f, _, _)| f != "closed_at")
        .collect();
    assert_eq!(
        tail,
        [
            ("note".into(), "".into(), "Campaign done".into()),
            ("status".into(), "agreed".into(), "closed".into()),
            ("note".into(), "".into(), "Seen again".into()),
        ]
    );
    // PL2 was not agreed and is still open.
    assert_eq!(c.json(&["exceptions", "show", "2"])["status"], "open");
}

fn minutes(c: &Council, args: &[&str]) -> String {
    let mut all = vec!["minutes"];
    all.extend_from_slice(args);
    c.ok(&all)
}

#[test]
fn minutes_tell_what_was_decided_item_by_item_and_are_the_same_bytes_again() {
    let c = council();
    c.ok(&[
        "exceptions",
        "update",
        "1",
        "--proposal",
        "Crew campaign <script>alert(1)</script>",
    ]);
    c.ok(&[
        "exceptions",
        "update",
        "1",
        "--status",
        "agreed",
        "--decision",
        "Agreed: report back in August",
    ]);
    let md = minutes(&c, &["PPG:2024-07-25"]);
    assert!(md.starts_with("# Minutes: Performance & Programme Group, 2024-07-25\n\nMeeting #3 (PPG): PPG: June 2024 data; period 2024-06.\n\n2 items on the agenda; 2 with entries recorded on 2024-07-25.\n"), "{md}");
    assert!(md.contains("## 1. WR1 "), "{md}");
    assert!(
        md.contains("- Figures: 2024-06 43.0 against target 50.0 \\(intervention 45.0\\)"),
        "{md}"
    );
    // Typed text is made safe: no tag reaches the file.
    assert!(
        md.contains(
            "- Officer's proposal: Crew campaign &lt;script&gt;alert\\(1\\)&lt;/script&gt;\n"
        ),
        "{md}"
    );
    assert!(
        md.contains(
            "- Decision: Agreed: report back in August\n- Status after the meeting: agreed\n"
        ),
        "{md}"
    );
    assert!(md.contains("  - status: proposed → agreed \\("), "{md}");
    assert_eq!(md, minutes(&c, &["3"]));
    // Nothing recorded on a day without a meeting's entries.
    let may = minutes(&c, &["2"]);
    assert!(
        may.contains("0 items on the agenda; 0 with entries recorded on 2024-06-27."),
        "{may}"
    );

    let a = c.path("a.html");
    let b = c.path("b.html");
    minutes(&c, &["3", "--format", "html", "--out", a.to_str().unwrap()]);
    minutes(&c, &["3", "--format", "html", "--out", b.to_str().unwrap()]);
    let html = std::fs::read_to_string(&a).unwrap();
    assert_eq!(std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
    assert!(
        html.starts_with("<!DOCTYPE html><html lang=\"en-GB\">"),
        "{html}"
    );
    assert!(html.contains("<style>"), "self-contained: {html}");
    assert!(!html.contains("<script>"), "{html}");
    assert!(
        html.contains("Crew campaign &lt;script&gt;alert(1)&lt;/script&gt;"),
        "{html}"
    );
    assert!(
        html.contains("<dt>Decision</dt><dd>Agreed: report back in August</dd>"),
        "{html}"
    );

    let err = c.refused(&["minutes", "PPG:1999-01-01"]);
    assert!(
        err.contains("there is no meeting 'PPG:1999-01-01'"),
        "{err}"
    );
    let err = c.refused(&["minutes", "3", "--format", "pdf"]);
    assert!(
        err.contains("--format: 'pdf' is not a minutes format: use markdown or html"),
        "{err}"
    );
}

#[test]
fn a_meeting_with_nothing_on_record_still_lists_its_agenda_in_json() {
    let c = council();
    let v: Value = c.json(&["exceptions", "--meeting", "PPG:2024-08-22"]);
    assert_eq!(v["meeting"]["id"], 1);
    // Both June items are still open: carried forward to July's meeting.
    let carried: Vec<bool> = v["exceptions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["carried_forward"].as_bool().unwrap())
        .collect();
    assert_eq!(carried, [true, true]);
}
