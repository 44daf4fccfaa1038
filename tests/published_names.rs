//! Every published document names people by display name and job title, never by login
//! (SPEC "What Cabinet reads, in every format"): the pack (council report in HTML, XLSX,
//! CSV and Markdown, the portfolio summaries, the index), the annual report and a meeting's
//! minutes. Logins stay in JSON and in CSV exports. A signed-off period's reports keep the
//! names and titles of its sign-off; an open period's follow a rename. Hostile names are
//! escaped in HTML and kept as text in the workbook; the users file refuses control
//! characters and an email that is not one.

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use calamine::{Data, Reader, Xlsx, open_workbook};
use common::{Council, files_in, me, text};

const TODAY: &str = "2026-11-24";
/// Signed off on 2026-11-11 by jmitchell (Jane Mitchell, Chief Executive).
const SIGNED: &str = "2026/27 Q2";
/// Open: in 2026/27 Q3, not signed off.
const OPEN: &str = "2026-10";

fn demo() -> Council {
    let c = Council::empty(TODAY);
    c.ok(&["demo"]);
    c
}

/// Every demo user's login but the test's own (the admin who made the demo, named by its
/// login as it has no other name).
fn logins(c: &Council) -> BTreeSet<String> {
    let users = c.json(&["user", "list"]);
    let all: BTreeSet<String> = users["users"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| text(&u["login"]))
        .filter(|l| *l != me())
        .collect();
    assert!(all.len() > 40, "the demo's people: {all:?}");
    all
}

/// The logins a document prints as words: its text split at every character a demo login
/// does not hold, the HTML style sheet (which has `:root`) left out.
fn logins_in(doc: &str, logins: &BTreeSet<String>) -> Vec<String> {
    let doc = match (doc.find("<style>"), doc.find("</style>")) {
        (Some(a), Some(b)) if a < b => format!("{}{}", &doc[..a], &doc[b..]),
        _ => doc.to_string(),
    };
    doc.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| logins.contains(*w))
        .map(str::to_string)
        .collect()
}

/// Every text cell of a workbook's sheets.
fn workbook_texts(path: &Path) -> Vec<String> {
    let mut book: Xlsx<_> = open_workbook(path).expect("an xlsx workbook");
    let mut out = Vec::new();
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).unwrap();
        for row in range.rows() {
            for d in row {
                if let Data::String(s) = d {
                    out.push(s.clone());
                }
            }
        }
    }
    out
}

/// The owner column of a workbook sheet, from its header.
fn owners(path: &Path, sheet: &str) -> Vec<String> {
    let mut book: Xlsx<_> = open_workbook(path).unwrap();
    let range = book.worksheet_range(sheet).unwrap();
    let rows: Vec<Vec<Data>> = range.rows().map(<[Data]>::to_vec).collect();
    let col = rows[0]
        .iter()
        .position(|d| *d == Data::String("Owner".into()))
        .unwrap_or_else(|| panic!("no Owner column in {sheet}: {:?}", rows[0]));
    rows[1..].iter().map(|r| r[col].to_string()).collect()
}

fn report(c: &Council, period: &str, format: &str) -> String {
    c.ok(&["report", "--period", period, "--format", format])
}

#[test]
fn the_published_pack_names_people_by_name_and_title_never_by_login() {
    let c = demo();
    let logins = logins(&c);
    let dir = c.path("pack");
    c.ok(&[
        "publish",
        "--period",
        SIGNED,
        "--out",
        dir.to_str().unwrap(),
    ]);
    let files = files_in(&dir);
    assert!(files.len() >= 10, "{:?}", files.iter().map(|f| &f.0));
    for (name, bytes) in &files {
        if name.ends_with(".xlsx") {
            let texts = workbook_texts(&dir.join(name)).join("\n");
            assert_eq!(logins_in(&texts, &logins), Vec::<String>::new(), "{name}");
        } else {
            let page = String::from_utf8(bytes.clone()).unwrap();
            assert_eq!(logins_in(&page, &logins), Vec::<String>::new(), "{name}");
        }
    }
    let read = |name: &str| std::fs::read_to_string(dir.join(name)).unwrap();
    let html = read("report.html");
    for cell in [
        "<td data-label=\"Owner\">Helen Carter, Head of Planning &amp; Regeneration</td>",
        "<td data-label=\"Board member\">Cllr Margaret Ashworth, Leader of the Council</td>",
        "Sign-off: signed off 2026-11-11 by Jane Mitchell, Chief Executive; approved by Leadership Team (Jane Mitchell, Chief Executive) on 2026-11-11.",
    ] {
        assert!(html.contains(cell), "{cell}");
    }
    assert!(
        read("portfolio-ENV.html").contains(
            "<p class=\"meta\">Portfolio holder: Cllr Peter Hollis, Cabinet Member for Environment &amp; Climate.</p>"
        )
    );
    assert!(
        read("portfolio-LDR.html")
            .contains("Portfolio holder: Cllr Margaret Ashworth, Leader of the Council.")
    );
    assert!(read("report.md").contains(
        "Sign-off: signed off 2026-11-11 by Jane Mitchell, Chief Executive; approved by"
    ));
    let projects = owners(&dir.join("report.xlsx"), "Projects");
    assert!(
        projects.contains(&"Helen Carter, Head of Planning & Regeneration".to_string()),
        "{projects:?}"
    );
    assert!(
        owners(&dir.join("report.xlsx"), "Risks")
            .contains(&"Nadia Hussain, Director of Resources, s151".to_string())
    );

    // Logins stay in JSON and in CSV exports.
    let json = c.json(&["exceptions"]);
    let owner = text(&json["exceptions"][0]["owner"]);
    assert!(logins.contains(&owner), "{owner}");
    let actions = c.ok(&["export", "actions"]);
    assert!(
        actions.starts_with("code,title,kind,plan,owner,"),
        "{actions}"
    );
    assert!(actions.contains(",hcarter,"), "{actions}");
}

#[test]
fn the_annual_report_and_the_minutes_name_people_never_by_login() {
    let c = demo();
    let logins = logins(&c);
    let annual = report(&c, "2025/26", "html");
    assert!(
        annual.contains("data-label=\"Owner\">"),
        "the year's actions"
    );
    assert_eq!(logins_in(&annual, &logins), Vec::<String>::new());
    for format in ["markdown", "html"] {
        let minutes = c.ok(&["minutes", "PPG:2026-10-22", "--format", format]);
        assert_eq!(
            logins_in(&minutes, &logins),
            Vec::<String>::new(),
            "{minutes}"
        );
        assert!(
            minutes.contains("Laura Whitfield, Performance &")
                && minutes.contains("Paul Whitehead, Housing Enabling"),
            "{minutes}"
        );
    }
    let md = c.ok(&["minutes", "PPG:2026-10-22"]);
    assert!(
        md.contains("- Recorded by: Laura Whitfield, Performance & Improvement Manager; Paul Whitehead, Housing Enabling & Community Safety Manager\n"),
        "{md}"
    );
}

#[test]
fn a_signed_off_period_keeps_the_names_of_its_sign_off_and_an_open_one_follows() {
    let c = demo();
    let signed_html = report(&c, SIGNED, "html");
    let signed_md = report(&c, SIGNED, "markdown");
    let open = report(&c, OPEN, "html");
    assert!(signed_html.contains(">Helen Carter, Head of Planning &amp; Regeneration</td>"));
    assert!(open.contains(">Helen Carter, Head of Planning &amp; Regeneration</td>"));
    // A file naming login, name and title: the role is kept, the email too.
    let file = c.file(
        "renamed.csv",
        "login,name,title\nhcarter,Helen Carter-Jones,Director of Planning\njmitchell,Jane Mitchell-Hart,Chief Executive and Head of Paid Service\n",
    );
    c.ok(&["import", "users", &file]);
    assert_eq!(
        c.count(
            "SELECT count(*) FROM users WHERE login = 'hcarter' AND name = 'Helen Carter-Jones'
               AND title = 'Director of Planning' AND role = 'officer'
               AND email = 'h.carter@wyvernvale.example'"
        ),
        1
    );
    assert_eq!(
        c.count(
            "SELECT count(*) FROM audit_log WHERE tbl = 'users' AND key = 'hcarter' AND op = 'update'
               AND json_extract(old, '$.title') = 'Head of Planning & Regeneration'
               AND json_extract(new, '$.title') = 'Director of Planning'"
        ),
        1
    );
    assert_eq!(report(&c, SIGNED, "html"), signed_html, "signed-off HTML");
    assert_eq!(
        report(&c, SIGNED, "markdown"),
        signed_md,
        "signed-off Markdown"
    );
    let now = report(&c, OPEN, "html");
    assert!(now.contains(">Helen Carter-Jones, Director of Planning</td>"));
    assert!(!now.contains("Helen Carter, Head of Planning"));
    assert_ne!(now, open);
}

#[test]
fn hostile_names_and_titles_are_escaped_or_kept_as_text_and_bad_ones_refused() {
    let c = demo();
    let file = c.file(
        "hostile.csv",
        "login,name,title\nhcarter,<script>alert(1)</script>,'=cmd|' /C calc'!A0\n",
    );
    c.ok(&["import", "users", &file]);
    assert_eq!(
        c.count(
            "SELECT count(*) FROM users WHERE login = 'hcarter'
               AND name = '<script>alert(1)</script>' AND title = '=cmd|'' /C calc''!A0'"
        ),
        1
    );
    let html = report(&c, OPEN, "html");
    assert!(
        html.contains(
            "<td data-label=\"Owner\">&lt;script&gt;alert(1)&lt;/script&gt;, =cmd|' /C calc'!A0</td>"
        ),
        "escaped owner"
    );
    assert!(!html.contains("<script>"));
    let path = c.path("open.xlsx");
    c.ok(&[
        "report",
        "--period",
        OPEN,
        "--format",
        "xlsx",
        "--out",
        path.to_str().unwrap(),
    ]);
    let projects = owners(&path, "Projects");
    assert!(
        projects.contains(&"<script>alert(1)</script>, =cmd|' /C calc'!A0".to_string()),
        "{projects:?}"
    );
    // Exported, the formula start is guarded by a leading ' and imported back unchanged.
    let users = c.ok(&["export", "users"]);
    assert!(
        users.contains("hcarter,<script>alert(1)</script>,officer,'=cmd|' /C calc'!A0,h.carter@wyvernvale.example\n"),
        "{users}"
    );

    // A control character in a title, or an email that is not one: refused, row and
    // column named, nothing written.
    let before = c.count("SELECT count(*) FROM audit_log");
    let bad = c.file(
        "bad.csv",
        "login,name,title,email\nhcarter,Helen Carter,Head\u{1b}[2J of Planning,h.carter@wyvernvale.example\nglewis,Gareth Lewis,Head of Waste,gareth lewis@wyvernvale.example\n",
    );
    let err = c.refused(&["import", "users", &bad]);
    assert!(err.contains("row 2, column title: "), "{err}");
    assert!(
        err.contains("row 3, column email: 'gareth lewis@wyvernvale.example' is not accepted: the email is not an email address"),
        "{err}"
    );
    assert!(!err.contains('\u{1b}'), "{err:?}");
    assert_eq!(c.count("SELECT count(*) FROM audit_log"), before);
    assert_eq!(
        c.count("SELECT count(*) FROM users WHERE login = 'glewis' AND email = 'g.lewis@wyvernvale.example'"),
        1
    );
}
