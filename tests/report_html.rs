//! `pmdb report --format html`: one self-contained, accessible page, from the same figures
//! as the Markdown and CSV; a portfolio's summary; and a signed-off period's page made again
//! after later changes is the same bytes.

mod common;

use common::html::assert_accessible_shape;
use common::{Council, me};

const DEMO_TODAY: &str = "2026-11-24";
const SIGNED: &str = "2026/27 Q2";

/// The demo council, whose 2026/27 Q2 is signed off (2026-11-11).
fn demo() -> Council {
    let c = Council::empty(DEMO_TODAY);
    c.ok(&["demo"]);
    c
}

fn html(c: &Council, period: &str) -> String {
    c.ok(&["report", "--period", period, "--format", "html"])
}

/// The indicator codes the CSV report lists for a period.
fn csv_codes(c: &Council, period: &str) -> Vec<String> {
    let csv = c.ok(&["report", "--period", period, "--format", "csv"]);
    let mut codes: Vec<String> = csv
        .lines()
        .skip(1)
        // A year's case studies, a quarter's highlights, the actions, projects, risks,
        // opportunities and EIAs are rows of their own kinds, not indicators.
        .filter(|l| common::indicator_line(l))
        .filter_map(|l| l.split(',').nth(1).map(str::to_string))
        .collect();
    codes.sort();
    codes.dedup();
    codes
}

#[test]
fn the_demo_report_holds_every_indicator_with_status_words_and_is_well_formed() {
    let c = demo();
    let page = html(&c, SIGNED);
    assert_accessible_shape(&page);
    let codes = csv_codes(&c, SIGNED);
    assert!(
        codes.len() > 20,
        "the demo reports many indicators: {codes:?}"
    );
    for code in &codes {
        assert!(
            page.contains(&format!("\">{code} ")),
            "{code} has its heading"
        );
    }
    // The council, the period and the sign-off's date; no time of day anywhere.
    assert!(page.contains("<h1>"), "an h1");
    assert!(page.contains("performance report 2026/27 Q2</h1>"));
    assert!(page.contains("Figures as signed off on 2026-11-11."));
    assert!(!page.contains("T11:"), "no time of day");
    // A count of indicators without status reads "N5" in the charts, never "-5".
    assert!(page.contains(">N5</text>"), "no-status counts as N");
    // Every count in a status bar starts with its letter.
    for label in page.split("-text\"").skip(1) {
        let count = label.split('>').nth(1).unwrap_or_default();
        assert!(
            !count.starts_with('-'),
            "a count reads as negative: {count}"
        );
    }
    // Status as a word beside its mark, the direction as a word, the sections.
    for word in ["✓</span> Green", "!</span> Amber", "✗</span> Red"] {
        assert!(page.contains(word), "{word}");
    }
    assert!(page.contains("improving") || page.contains("worsening"));
    for section in [
        "<h2 id=\"summary\">Summary</h2>",
        "<h3>Indicators by priority</h3>",
        "<h3>Actions and projects by priority</h3>",
        "<h2 id=\"risks\">Risk heat map</h2>",
        // Issue 24: the escalations are per board.
        "<h2 id=\"escalated\">Exceptions escalated to the boards</h2>",
        "<h2 id=\"key\">Status key and rules</h2>",
        "Year to date",
        "Among comparators</dt><dd>",
        // Issue 25: the place among the named group, with its quartile.
        " of 6, ",
        " quartile (CIPFA nearest neighbours, 2026/27 Q2)",
    ] {
        assert!(page.contains(section), "{section}");
    }
    // Charts are inline SVG images with a title and a description in words.
    assert!(
        page.matches("<svg").count() > codes.len() / 2,
        "a chart per indicator"
    );
    assert_eq!(
        page.matches("<svg").count(),
        page.matches("role=\"img\" aria-labelledby=").count()
    );
    // Print: a page break before each priority, no table row split.
    assert!(page.contains("section.priority { break-before: page; }"));
    assert!(page.contains("break-inside: avoid"));
    assert!(
        page.contains("@media (max-width: 40rem)"),
        "a narrow-screen layout"
    );
}

#[test]
fn a_portfolio_summary_holds_only_its_portfolios_indicators() {
    let c = demo();
    let council = html(&c, SIGNED);
    let page = c.ok(&[
        "report",
        "--period",
        SIGNED,
        "--format",
        "html",
        "--portfolio",
        "ENV",
    ]);
    assert_accessible_shape(&page);
    assert!(page.contains("portfolio summary 2026/27 Q2</h1>"));
    assert!(page.len() < council.len() / 2, "a summary is shorter");
    let inside: Vec<String> = c.json(&["list", "--portfolio", "ENV"])["indicators"]
        .as_array()
        .map(|a| a.iter().map(|i| common::text(&i["code"])).collect())
        .unwrap_or_default();
    assert!(!inside.is_empty());
    for code in csv_codes(&c, SIGNED) {
        let shown = page.contains(&format!("\">{code} "));
        assert_eq!(shown, inside.contains(&code), "{code}");
    }
    let refused = c.refused(&["report", "--format", "html", "--portfolio", "NOPE"]);
    assert!(
        refused.contains("there is no portfolio 'NOPE'"),
        "{refused}"
    );
}

/// A portfolio's summary prints on one or two A4 pages (measured with Chromium: see the
/// README); this checks, without a browser, the layout that makes it so: its own print
/// rules, sections that run on rather than a page per priority, indicators as table rows
/// rather than cards with charts, and still each indicator's value, target and status word.
#[test]
fn a_portfolio_summary_is_laid_out_to_print_on_one_or_two_pages() {
    let c = demo();
    for code in ["LDR", "ENV", "HCM", "ECO", "RES", "WEL"] {
        let page = c.ok(&[
            "report",
            "--period",
            SIGNED,
            "--format",
            "html",
            "--portfolio",
            code,
        ]);
        assert!(page.contains("<body class=\"portfolio\">"), "{code}");
        for print_rule in [
            "body.portfolio { font-size: 8pt; line-height: 1.1; page: summary; }",
            "body.portfolio section[aria-labelledby=\"key\"] { font-size: 7pt; }",
            "@page summary { margin: 8mm; }",
            "body.portfolio figure { display: none; }",
            "body.portfolio dl.card dt, body.portfolio dl.card dd { display: inline; }",
        ] {
            assert!(page.contains(print_rule), "{code}: {print_rule}");
        }
        assert!(
            !page.contains("class=\"priority\""),
            "{code}: no page break per priority"
        );
        assert!(
            !page.contains("<article class=\"card\""),
            "{code}: no card per indicator"
        );
        let rows = page.split("<caption>Indicators of ").skip(1);
        let mut shown = 0;
        for table in rows {
            let body = &table[..table.find("</table>").unwrap()];
            for row in body.split("<tr>").skip(2) {
                shown += 1;
                assert!(row.contains("data-label=\"Value\""), "{row}");
                assert!(row.contains("data-label=\"Target\""), "{row}");
                assert!(row.contains("class=\"rag rag-"), "{row}");
            }
        }
        assert!(shown > 0, "{code} lists its indicators");
    }
}

#[test]
fn hostile_text_is_escaped_everywhere_it_is_shown() {
    let c = Council::fixture();
    let hostile = "Recycled <script>alert(\"x\")</script> & \"quoted\" \u{1b}[2J";
    let w = c.writer(&me());
    w.execute(
        "UPDATE indicators SET title = ?1 WHERE code = 'WR1'",
        [hostile],
    )
    .unwrap();
    w.execute(
        "UPDATE plan_nodes SET title = ?1 WHERE code = 'P1'",
        [hostile],
    )
    .unwrap();
    w.execute(
        "UPDATE \"values\" SET commentary = ?1, action = ?1 WHERE indicator = 'WR1'",
        [hostile],
    )
    .unwrap();
    drop(w);
    let page = html(&c, "2024/25 Q1");
    assert_accessible_shape(&page);
    assert!(!page.to_lowercase().contains("<script"), "{page}");
    assert!(
        !page.contains('\u{1b}'),
        "no escape character reaches the page"
    );
    assert!(page.contains(
        "Recycled &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;quoted&quot;"
    ));
    // The title, the priority and the commentary each carry it.
    assert!(page.matches("&lt;script&gt;").count() >= 4, "{page}");
}

#[test]
fn a_signed_off_periods_page_is_the_same_bytes_after_later_changes() {
    let c = demo();
    let out = c.path("q2.html");
    let out = out.to_str().unwrap();
    c.ok(&[
        "report", "--period", SIGNED, "--format", "html", "--out", out,
    ]);
    let before = std::fs::read(out).unwrap();
    let unsigned_before = html(&c, "2026/27 Q3");
    assert!(unsigned_before.contains("this period is not signed off"));

    // A later change of rule, setting, target, value and update: through pmdb where it
    // allows it (an annual figure is not locked by a quarter's sign-off), and by SQL for
    // what it refuses (the figures and updates of the signed-off months).
    c.ok(&["config", "set", "rag_rule", "tolerance:1:2"]);
    c.ok(&["config", "set", "risk_bands", "2:6"]);
    c.ok(&[
        "set",
        "HS05",
        "2025/26",
        "150",
        "--commentary",
        "changed later",
        "--action",
        "later",
    ]);
    let refused = c.refused(&["set", "PL01", "2026-08", "50"]);
    assert!(refused.contains("signed off"), "{refused}");
    let w = c.writer(&me());
    w.execute_batch(
        "UPDATE targets SET target = target * 1.5 + 7, intervention = NULL WHERE year = 2026;
         UPDATE \"values\" SET value = value * 0.5
           WHERE period IN ('2026-07', '2026-08', '2026-09', '2026/27 Q2');
         UPDATE action_updates SET commentary = 'changed later', status = 'off_track'
           WHERE period IN ('2026-09', '2026/27 Q2');",
    )
    .unwrap();
    drop(w);

    c.ok(&[
        "report", "--period", SIGNED, "--format", "html", "--out", out,
    ]);
    let after = std::fs::read(out).unwrap();
    assert!(
        before == after,
        "the signed-off page changed:\n{}",
        first_difference(&before, &after)
    );
    // An unsigned period's page follows the change.
    assert_ne!(unsigned_before, html(&c, "2026/27 Q3"));
}

/// The page's section with `id`, from its heading to the section's end.
fn section<'a>(page: &'a str, id: &str) -> &'a str {
    let from = &page[page.find(&format!("<h2 id=\"{id}\">")).unwrap()..];
    &from[..from.find("</section>").unwrap()]
}

#[test]
fn a_signed_off_periods_benchmarks_and_escalations_are_those_at_sign_off() {
    let c = demo();
    // Signed off again with an exception of its last month escalated to Management Board.
    c.ok(&[
        "signoff",
        "reopen",
        SIGNED,
        "--reason",
        "escalate HS07 first",
    ]);
    c.ok(&[
        "exceptions",
        "update",
        "1",
        "--status",
        "escalated",
        "--board-member",
        "sclarke",
        "--due",
        "2026-12-31",
    ]);
    c.ok(&["signoff", SIGNED, "--yes"]);
    let out = c.path("q2.html");
    let out = out.to_str().unwrap();
    let report = |file: &str| {
        c.ok(&[
            "report", "--period", SIGNED, "--format", "html", "--out", file,
        ]);
        std::fs::read(file).unwrap()
    };
    let before = report(out);
    let summary = |_: ()| {
        c.ok(&[
            "report",
            "--period",
            SIGNED,
            "--portfolio",
            "HCM",
            "--format",
            "html",
        ])
    };
    let summary_before = summary(());
    assert!(section(&summary_before, "escalated").contains("HS07"));
    let page = String::from_utf8(before.clone()).unwrap();
    let escalated = section(&page, "escalated");
    assert!(escalated.contains("HS07"), "{escalated}");
    assert!(
        escalated.contains("data-label=\"Due\">2026-12-31</td>"),
        "{escalated}"
    );
    assert!(
        page.contains("CIPFA nearest neighbours, 2026/27 Q2)"),
        "a comparator position"
    );
    let unsigned_before = html(&c, "2026/27 Q3");
    assert!(section(&unsigned_before, "escalated").contains("HS01"));

    // Later: a revised benchmark imported for the signed-off quarter, every other one of
    // it changed, and the escalated exception re-owned, re-dated and closed; the unsigned
    // quarter gains benchmarks and its escalated exception is closed.
    let revised = c.file(
        "benchmarks.csv",
        "code,period,comparator,value\nPL01,2026/27 Q2,Ashcombe District Council,1.0\nPL01,2026/27 Q3,Ashcombe District Council,1.0\n",
    );
    c.ok(&["import", "benchmarks", &revised]);
    let w = c.writer(&me());
    w.execute_batch(
        "UPDATE benchmarks SET value = value * 3 + 50 WHERE period = '2026/27 Q2' AND indicator <> 'PL01';
         UPDATE exceptions SET owner = 'sclarke', escalation_due = '2027-03-31' WHERE id = 1;",
    )
    .unwrap();
    drop(w);
    c.ok(&["exceptions", "update", "1", "--status", "closed"]);
    c.ok(&["exceptions", "update", "19", "--status", "closed"]);

    let after = report(out);
    assert!(
        before == after,
        "the signed-off page changed:\n{}",
        first_difference(&before, &after)
    );
    // The same for the portfolio summary that lists HS07.
    assert_eq!(summary_before, summary(()));
    // An unsigned period's page follows: no escalation now, and a comparator position.
    let unsigned_after = html(&c, "2026/27 Q3");
    assert!(!section(&unsigned_after, "escalated").contains("HS01"));
    // Its figures are Q2's (the latest available), placed among Q2's benchmarks as now.
    let positions = |page: &str| -> Vec<String> {
        page.split("<dd>")
            .filter(|d| d.contains("nearest neighbours, 2026/27 Q2)"))
            .map(|d| d[..d.find("</dd>").unwrap_or(d.len())].to_string())
            .collect()
    };
    assert!(!positions(&unsigned_before).is_empty());
    assert_ne!(positions(&unsigned_before), positions(&unsigned_after));
}

/// A period signed off before sign-off froze benchmarks and escalations (schema version 8)
/// has none frozen: its page shows them as they are now rather than make up what stood then.
#[test]
fn a_period_signed_off_before_benchmarks_were_frozen_shows_them_as_they_are_now() {
    let c = Council::fixture();
    let bench = c.file(
        "benchmarks.csv",
        "code,period,comparator,value\nPL1,2024/25 Q1,Ashcombe,1.0\n",
    );
    c.ok(&["import", "benchmarks", &bench]);
    c.ok(&["signoff", "2024/25 Q1", "--yes"]);
    let frozen = html(&c, "2024/25 Q1");
    assert!(
        frozen.contains("1st of 2, top quartile (comparators, 2024/25 Q1)"),
        "{frozen}"
    );
    // As a database signed off under version 7 holds it: no frozen row.
    let w = c.writer(&me());
    w.execute_batch(
        "DELETE FROM signoff_extras;
         UPDATE benchmarks SET value = 100.0 WHERE indicator = 'PL1';",
    )
    .unwrap();
    drop(w);
    let now = html(&c, "2024/25 Q1");
    assert!(
        now.contains("2nd of 2, bottom quartile (comparators, 2024/25 Q1)"),
        "{now}"
    );
}

fn first_difference(a: &[u8], b: &[u8]) -> String {
    let at = a
        .iter()
        .zip(b)
        .position(|(x, y)| x != y)
        .unwrap_or(a.len().min(b.len()));
    let from = at.saturating_sub(200);
    format!(
        "before: {}\nafter:  {}",
        String::from_utf8_lossy(&a[from..(at + 200).min(a.len())]),
        String::from_utf8_lossy(&b[from..(at + 200).min(b.len())])
    )
}

#[test]
fn an_exception_escalated_to_management_board_is_listed_with_its_owner_board_member_and_due_date() {
    let c = Council::fixture();
    let members = c.file("board_members.csv", "board,login\nMB,dir.env\n");
    c.ok(&["import", "board_members", &members]);
    c.ok(&["exceptions", "raise", "--period", "2024-06"]);
    let empty = html(&c, "2024/25 Q1");
    // (Issue 24: escalations go to any board, so none is "escalated to a board".)
    assert!(empty.contains("No exception of 2024/25 Q1 is escalated to a board."));
    c.ok(&[
        "exceptions",
        "update",
        "1",
        "--status",
        "proposed",
        "--proposal",
        "Crew campaign",
    ]);
    c.ok(&[
        "exceptions",
        "update",
        "1",
        "--status",
        "escalated",
        "--board-member",
        "dir.env",
        "--due",
        "2024-09-30",
    ]);
    let owner = common::text(&c.json(&["exceptions"])["exceptions"][0]["owner"]);
    // Published pages name people, never by login: the owner by their name.
    let owner: String = c
        .read_only()
        .query_row("SELECT name FROM users WHERE login = ?1", [&owner], |r| {
            r.get(0)
        })
        .unwrap();
    let page = html(&c, "2024/25 Q1");
    assert_accessible_shape(&page);
    let section = &page[page.find("<h2 id=\"escalated\">").unwrap()..];
    let section = &section[..section.find("</section>").unwrap()];
    assert!(
        section.contains("<caption>Exceptions of 2024/25 Q1 escalated to Management Board"),
        "{section}"
    );
    for cell in [
        format!("data-label=\"Owner\">{owner}</td>"),
        "data-label=\"Board member\">Director of Environment</td>".to_string(),
        "data-label=\"Due\">2024-09-30</td>".to_string(),
    ] {
        assert!(section.contains(&cell), "{cell} in {section}");
    }
    // A later quarter's page does not list it.
    assert!(!html(&c, "2024/25 Q2").contains("Director of Environment</td>"));
}

#[test]
fn a_years_report_is_the_annual_report_with_that_years_case_studies() {
    let c = demo();
    let page = html(&c, "2025/26");
    assert_accessible_shape(&page);
    assert!(
        page.contains("annual performance report 2025/26</h1>"),
        "the annual report's title"
    );
    // The year's outturn: every indicator of the year's report is there.
    for code in csv_codes(&c, "2025/26") {
        assert!(
            page.contains(&format!("\">{code} ")),
            "{code} has its heading"
        );
    }
    // 2025/26's two chosen case studies, not the one submitted and left unchosen, nor
    // those of the years either side.
    assert!(page.contains("<h2 id=\"case-studies\">Case studies</h2>"));
    for title in [
        "Food waste: 45,000 households in six months",
        "Pop-up traders bring Market Square back to life",
    ] {
        assert!(page.contains(&format!("<h3>{title}</h3>")), "{title}");
    }
    assert!(!page.contains("Couch to 5K at Kingsmead"), "2024/25's");
    assert!(
        !page.contains("Volunteers adopt forty streets"),
        "2025/26's unchosen one"
    );
    assert!(
        !page.contains("Keeping the Hendersons at home"),
        "2026/27's"
    );
    // A quarter's report tells none.
    assert!(!html(&c, SIGNED).contains("case-studies"));
}

/// The chosen case studies the HTML annual report tells (CS-01 and CS-04 of 2025/26, not
/// CS-05, submitted and left unchosen), with their titles and stories.
const CHOSEN: [(&str, &str); 2] = [
    ("CS-01", "Food waste: 45,000 households in six months"),
    ("CS-04", "Pop-up traders bring Market Square back to life"),
];
const UNCHOSEN: &str = "Volunteers adopt forty streets";

#[test]
fn the_markdown_and_csv_annual_reports_tell_the_same_chosen_case_studies() {
    let c = demo();
    let page = html(&c, "2025/26");
    let md = c.ok(&["report", "--period", "2025/26", "--format", "markdown"]);
    let section = &md[md
        .find("\n## Case studies\n")
        .expect("the Markdown's section")..];
    for (_, title) in CHOSEN {
        assert!(section.contains(&format!("\n### {title}\n")), "{title}");
        assert!(page.contains(&format!("<h3>{title}</h3>")), "{title}");
    }
    assert!(!md.contains(UNCHOSEN) && !md.contains("Couch to 5K at Kingsmead"));
    // The CSV keeps its columns; each chosen study is a row of its own kind with its story.
    let csv = c.ok(&["report", "--period", "2025/26", "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        [
            "group",
            "code",
            "title",
            "period",
            "value",
            "target",
            "rag",
            "direction",
            "ytd",
            "latest_period",
            "note",
            "commentary",
            "quality"
        ]
    );
    let studies: Vec<csv::StringRecord> = reader
        .records()
        .map(Result::unwrap)
        .filter(|r| &r[0] == "case study")
        .collect();
    let codes: Vec<(&str, &str, &str)> = studies.iter().map(|r| (&r[1], &r[2], &r[3])).collect();
    assert_eq!(
        codes,
        CHOSEN
            .iter()
            .map(|(code, title)| (*code, *title, "2025/26"))
            .collect::<Vec<_>>()
    );
    for r in &studies {
        assert!(
            r[4].is_empty() && r[5].is_empty() && r[6].is_empty(),
            "no figures: {r:?}"
        );
        assert!(r[11].len() > 80, "the story is the commentary: {r:?}");
        assert!(
            md.contains(&r[11][..60]),
            "the Markdown tells the same story"
        );
        assert!(page.contains(&r[11][..60]), "as the HTML does");
    }
    assert!(!csv.contains(UNCHOSEN));
    // A quarter's reports tell none.
    for format in ["markdown", "csv"] {
        let q = c.ok(&["report", "--period", SIGNED, "--format", format]);
        assert!(
            !q.contains("Case studies") && !q.contains("case study,"),
            "{format}"
        );
    }
}

/// The status key of a signed-off period lists the RAG rules that judged its statuses, as
/// each status keeps its rule (typed, not its words); statuses frozen in words by an
/// earlier pmdb are listed the same.
#[test]
fn the_status_key_lists_the_rules_that_judged_a_signed_off_period() {
    let c = Council::fixture();
    c.ok(&["config", "set", "rag_rule", "tolerance:5:10"]);
    c.ok(&["signoff", "2024/25 Q1", "--yes"]);
    // The council's rule changes after sign-off: the key still lists the one that judged.
    c.ok(&["config", "set", "rag_rule", "intervention"]);
    let tolerance = "<li>A figure within 5% of its target (or better) is green; within 10% is amber; further from it is red. (3 indicators)</li>";
    let page = html(&c, "2024/25 Q1");
    let key = section(&page, "key").to_string();
    assert!(key.contains(tolerance), "{key}");
    assert!(!key.contains("intervention level is amber"), "{key}");

    // As a pmdb that kept the rule's words froze them.
    let w = c.writer(&me());
    let words = "tolerance: green within 5% of target 90.0, amber within 10%, red beyond (higher is better)";
    let changed = w
        .execute(
            "UPDATE signoff_statuses SET status = json_set(status, '$.rule', ?1)
             WHERE json_extract(status, '$.rule.Tolerance') IS NOT NULL",
            [words],
        )
        .unwrap();
    assert!(changed >= 3, "{changed}");
    drop(w);
    let old = html(&c, "2024/25 Q1");
    assert_eq!(section(&old, "key"), key);
    assert!(
        old.contains(words),
        "each indicator states the words frozen"
    );
}

#[test]
fn the_escalations_are_per_board_with_ppgs_decision_and_the_boards_outcome_apart() {
    let c = Council::fixture();
    let boards = c.file("boards.csv", "code,name\nCAB,Cabinet\n");
    c.ok(&["import", "boards", &boards]);
    let members = c.file("board_members.csv", "board,login\nMB,dir.env\nCAB,alee\n");
    c.ok(&["import", "board_members", &members]);
    c.ok(&["exceptions", "raise", "--period", "2024-06"]);
    for (id, board) in [("1", "CAB"), ("2", "MB")] {
        c.ok(&["exceptions", "update", id, "--proposal", "Crew campaign"]);
        c.ok(&[
            "exceptions",
            "update",
            id,
            "--status",
            "escalated",
            "--decision",
            &format!("Escalate to {board}: needs budget"),
            "--board",
            board,
        ]);
    }
    c.ok(&[
        "exceptions",
        "update",
        "1",
        "--outcome",
        "Fund agency cover to March",
        "--board-member",
        "alee",
        "--due",
        "2024-10-31",
    ]);
    let page = html(&c, "2024/25 Q1");
    assert_accessible_shape(&page);
    let section = &page[page.find("<h2 id=\"escalated\">").unwrap()..];
    let section = &section[..section.find("</section>").unwrap()];
    let cab = section
        .find("<h3 id=\"escalated-CAB\">Cabinet (CAB)</h3>")
        .expect(section);
    let mb = section
        .find("<h3 id=\"escalated-MB\">Management Board (MB)</h3>")
        .expect(section);
    assert!(cab < mb, "boards in order of code");
    let (cabinet, board) = (&section[cab..mb], &section[mb..]);
    for cell in [
        "<caption>Exceptions of 2024/25 Q1 escalated to Cabinet, with PPG's decision",
        "data-label=\"PPG decision\">Escalate to CAB: needs budget</td>",
        "data-label=\"Board's outcome\">Fund agency cover to March</td>",
        "data-label=\"Board member\">Alex Lee</td>",
        "data-label=\"Due\">2024-10-31</td>",
    ] {
        assert!(cabinet.contains(cell), "{cell} in {cabinet}");
    }
    assert!(
        cabinet.contains("WR1") && !cabinet.contains("PL2"),
        "{cabinet}"
    );
    for cell in [
        "data-label=\"PPG decision\">Escalate to MB: needs budget</td>",
        "data-label=\"Board's outcome\">not yet decided</td>",
        "data-label=\"Board member\">not named yet</td>",
    ] {
        assert!(board.contains(cell), "{cell} in {board}");
    }
    assert!(board.contains("PL2") && !board.contains("WR1"), "{board}");
}
