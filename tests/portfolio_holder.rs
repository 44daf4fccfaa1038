//! Portfolio holders are people (issue 24, point 9): a portfolio's `holder` may be a pmdb
//! login (usually a viewer); the portfolio summary names the holder, by their name when
//! the holder is a login and as written otherwise; `pmdb report --portfolio mine` gives the
//! logged-in holder their own portfolio(s), refused naming why when they hold none. The
//! `portfolios` CSV keeps its columns.
//!
//! The fixture council (today 2024-08-01): priority P1 "A greener district" is in the
//! ENV portfolio, P2 "An efficient council" in RES.

mod common;

use common::{Council, me};

const Q1: &str = "2024/25 Q1";

/// The fixture with ENV held by the viewer `cllr.green` and RES by a councillor without a
/// login, named as text.
fn council() -> Council {
    let c = Council::fixture();
    c.ok(&[
        "user",
        "add",
        "cllr.green",
        "--role",
        "viewer",
        "--name",
        "Cllr Gwen Green",
    ]);
    holders(&c, "cllr.green", "Cllr Jo Text");
    c
}

/// The portfolio summary of Q1 (`portfolio` a code or `mine`) in `format`.
fn summary(c: &Council, portfolio: &str, format: &str) -> String {
    c.ok(&[
        "report",
        "--period",
        Q1,
        "--portfolio",
        portfolio,
        "--format",
        format,
    ])
}

fn holders(c: &Council, env: &str, res: &str) {
    let file = c.file(
        "portfolios.csv",
        format!("code,name,holder\nENV,Environment,{env}\nRES,Resources,{res}\n"),
    );
    c.ok(&["import", "portfolios", &file]);
}

#[test]
fn the_summary_names_a_login_holder_by_name_and_a_text_holder_as_written() {
    let c = council();
    let env = summary(&c, "ENV", "markdown");
    assert!(
        env.starts_with(
            "# Council: Environment portfolio summary 2024/25 Q1\n\nPortfolio holder: Cllr Gwen Green.\n\n"
        ),
        "{env}"
    );
    let res = summary(&c, "RES", "markdown");
    assert!(res.contains("\nPortfolio holder: Cllr Jo Text.\n"), "{res}");
    let html = summary(&c, "ENV", "html");
    assert!(
        html.contains(r#"<p class="meta">Portfolio holder: Cllr Gwen Green.</p>"#),
        "{html}"
    );
    // The council's own report names no holder.
    let council = c.ok(&["report", "--period", Q1]);
    assert!(!council.contains("Portfolio holder"), "{council}");
    // The CSV keeps its columns, the login as it was given.
    assert_eq!(
        c.ok(&["export", "portfolios"]),
        "code,name,holder\nENV,Environment,cllr.green\nRES,Resources,Cllr Jo Text\n"
    );
}

#[test]
fn mine_gives_the_holder_their_own_portfolio() {
    let c = council();
    holders(&c, &me(), "Cllr Jo Text");
    let mine = summary(&c, "mine", "markdown");
    assert_eq!(mine, summary(&c, "ENV", "markdown"));
    assert!(mine.contains("| A greener district |"), "{mine}");
    assert_ne!(mine, summary(&c, "RES", "markdown"));
    let html = summary(&c, "mine", "html");
    assert_eq!(html, summary(&c, "ENV", "html"));
}

#[test]
fn mine_gives_a_holder_of_two_portfolios_both_on_one_page() {
    let c = council();
    holders(&c, &me(), &me());
    let mine = summary(&c, "mine", "markdown");
    assert!(
        mine.starts_with("# Council: Environment and Resources portfolio summary 2024/25 Q1\n"),
        "{mine}"
    );
    assert!(mine.contains("| A greener district |"), "{mine}");
    assert!(mine.contains("| An efficient council |"), "{mine}");
}

#[test]
fn a_viewer_holder_reads_their_own_and_one_holding_none_is_refused() {
    let c = council();
    holders(&c, &me(), "Cllr Jo Text");
    c.ok(&["user", "add", "boss", "--role", "admin", "--name", "Boss"]);
    c.ok(&["user", "set-role", &me(), "viewer"]);
    let mine = summary(&c, "mine", "markdown");
    assert!(mine.contains("Environment portfolio summary"), "{mine}");

    let c = council();
    let before = c.snapshot();
    assert_eq!(
        c.refused(&["report", "--period", Q1, "--portfolio", "mine"])
            .trim(),
        format!(
            "pmdb: --portfolio mine: {} holds no portfolio (a portfolio's holder is set by pmdb import portfolios, column holder: the holder's login); name one with --portfolio CODE",
            me()
        )
    );
    assert_eq!(c.snapshot(), before);
}
