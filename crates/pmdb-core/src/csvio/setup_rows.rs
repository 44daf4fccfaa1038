//! The typed readers of the kinds that set a council up: users, services, portfolios,
//! boards, board members and meetings, every problem in every row gathered.

use super::CsvError;
use super::problems::{bounded, shown};
use super::read::Table;
use crate::domain::date::parse_date;
use crate::domain::fields::check_email;
use crate::domain::role::Role;
use crate::store::{BoardMember, BoardRow, EntererRow, MeetingRow, Named, UserRow};

pub fn read_users(t: &Table) -> Result<Vec<(usize, UserRow)>, CsvError> {
    t.each(
        |u: &UserRow| format!("login {}", u.login),
        |c| {
            let login = c.code("login");
            let name = c.prose("name", false);
            let title = c.prose("title", false);
            // One check of bounds, hostile text and form, so a bad email is named once.
            let email = c.text("email").to_string();
            if let Err(e) = check_email("the email", &email) {
                c.problem("email", format!("'{}' is not accepted: {e}", shown(&email)));
            }
            let role = match c.text("role") {
                "" => Ok(None),
                r => r
                    .parse::<Role>()
                    .map(Some)
                    .map_err(|e| c.problem("role", bounded(&e.to_string(), r))),
            };
            Some(UserRow {
                login: login?,
                name,
                role: role.ok()?,
                title,
                email,
            })
        },
    )
}

/// Services (`lead` the head of service's login) or portfolios (`lead` the holder: a login,
/// or a name for a holder without one).
pub fn read_named(
    t: &Table,
    lead: &str,
    lead_is_login: bool,
) -> Result<Vec<(usize, Named)>, CsvError> {
    t.each(
        |n: &Named| format!("code {}", n.code),
        |c| {
            let code = c.code("code");
            let name = c.prose("name", false);
            let lead = if lead_is_login {
                c.optional_code(lead).map(Option::unwrap_or_default)
            } else {
                Ok(c.words(lead, false))
            };
            Some(Named {
                code: code?,
                name,
                lead: lead.ok()?,
            })
        },
    )
}

pub fn read_boards(t: &Table) -> Result<Vec<(usize, BoardRow)>, CsvError> {
    t.each(
        |b: &BoardRow| format!("code {}", b.code),
        |c| {
            let code = c.code("code");
            let name = c.required("name").map(|_| c.prose("name", false));
            Some(BoardRow {
                code: code?,
                name: name?,
            })
        },
    )
}

pub fn read_board_members(t: &Table) -> Result<Vec<(usize, BoardMember)>, CsvError> {
    t.each(
        |m: &BoardMember| format!("board {}, login {}", m.board, m.login),
        |c| {
            let board = c.code("board");
            let login = c.code("login");
            Some(BoardMember {
                board: board?,
                login: login?,
            })
        },
    )
}

/// Data-entry officers: an indicator's code and a login.
pub fn read_enterers(t: &Table) -> Result<Vec<(usize, EntererRow)>, CsvError> {
    t.each(
        |e: &EntererRow| format!("code {}, login {}", e.code, e.login),
        |c| {
            let code = c.code("code");
            let login = c.code("login");
            Some(EntererRow {
                code: code?,
                login: login?,
            })
        },
    )
}

pub fn read_meetings(t: &Table) -> Result<Vec<(usize, MeetingRow)>, CsvError> {
    t.each(
        // A meeting has no code: its board and date are its key.
        |m: &MeetingRow| format!("board {}, date {}", m.board, m.date),
        |c| {
            let board = c.code("board");
            let date = c.required("date").and_then(|d| {
                parse_date(d)
                    .map_err(|e| c.problem("date", format!("'{}' is not a date: {e}", shown(d))))
                    .ok()
            });
            let title = c.required("title").map(|_| c.prose("title", false));
            let period = c.period("period");
            Some(MeetingRow {
                board: board?,
                date: date?,
                title: title?,
                period: period.ok()?,
            })
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::csvio::{Kind, read_table};

    fn table(kind: Kind, text: &str) -> Table {
        read_table(kind, text.as_bytes()).unwrap()
    }

    #[test]
    fn users_read_with_a_role_or_none() {
        let rows = read_users(&table(
            Kind::Users,
            "login,name,role,title,email\nsmithj,Jane Smith,officer,'=Head of Housing,j.smith@council.example\nkeep,,,,\n",
        ))
        .unwrap();
        assert_eq!(
            rows[0],
            (
                2,
                UserRow {
                    login: "smithj".into(),
                    name: "Jane Smith".into(),
                    role: Some(Role::Officer),
                    title: "=Head of Housing".into(),
                    email: "j.smith@council.example".into(),
                }
            )
        );
        assert_eq!(rows[1].1.role, None);
        let err = read_users(&table(Kind::Users, "login,role\nsmithj,boss\n"))
            .unwrap_err()
            .0;
        assert_eq!(
            err,
            "row 2, column role: 'boss' is not a role: use admin, performance, officer or viewer"
        );
        // A file without title and email still reads: both empty (the import keeps a
        // user's own).
        let old = read_users(&table(Kind::Users, "login,name,role\nsmithj,Jane Smith,\n")).unwrap();
        assert_eq!((old[0].1.title.as_str(), old[0].1.email.as_str()), ("", ""));
        let err = read_users(&table(
            Kind::Users,
            "login,name,role,email\nsmithj,Jane Smith,,jane@x@y\nbrownk,,,k brown@x\n",
        ))
        .unwrap_err()
        .0;
        assert_eq!(
            err,
            "2 problems; nothing was imported:\n\
             row 2, column email: 'jane@x@y' is not accepted: the email is not an email address: write it as name@example.gov.uk, one @ and no spaces\n\
             row 3, column email: 'k brown@x' is not accepted: the email is not an email address: write it as name@example.gov.uk, one @ and no spaces"
        );
    }

    #[test]
    fn a_meeting_needs_an_iso_date_and_a_period_if_any() {
        let err = read_meetings(&table(
            Kind::Meetings,
            "board,date,title,period\nPPG,25-05-22,PPG May,2025-04\nPPG,2025-06-26,PPG June,June\n",
        ))
        .unwrap_err()
        .0;
        let lines: Vec<&str> = err.lines().collect();
        assert_eq!(lines[0], "2 problems; nothing was imported:");
        assert_eq!(
            lines[1],
            "row 2, column date: '25-05-22' is not a date: a year of two digits cannot come first (YY-MM-DD): write it as YYYY-MM-DD (2026-10-31), DD/MM/YYYY (31/10/2026) or DD/MM/YY (31/10/26)"
        );
        assert!(
            lines[2].starts_with(
                "row 3, column period: 'June' is not a period: write a month like 2025-02"
            ),
            "{}",
            lines[2]
        );
    }

    #[test]
    fn a_second_meeting_of_a_board_on_one_day_names_both_rows() {
        let err = read_meetings(&table(
            Kind::Meetings,
            "board,date,title\nPPG,2025-05-22,A\nMB,2025-05-22,B\nPPG,2025-05-22,C\n",
        ))
        .unwrap_err()
        .0;
        assert_eq!(
            err,
            "row 4: duplicate of row 2 (board PPG, date 2025-05-22)"
        );
    }

    #[test]
    fn a_head_of_service_is_a_login_and_a_holder_a_name() {
        let err = read_named(
            &table(
                Kind::Services,
                "code,name,head\nHR,Human Resources,J Smith\n",
            ),
            "head",
            true,
        )
        .unwrap_err()
        .0;
        assert!(
            err.starts_with("row 2, column head: 'J Smith' is not a code"),
            "{err}"
        );
        let rows = read_named(
            &table(
                Kind::Portfolios,
                "code,name,holder\nRES,Resources,Cllr J Smith\n",
            ),
            "holder",
            false,
        )
        .unwrap();
        assert_eq!(rows[0].1.lead, "Cllr J Smith");
    }

    #[test]
    fn a_board_needs_a_name() {
        let err = read_boards(&table(Kind::Boards, "code,name\nAUD,\n"))
            .unwrap_err()
            .0;
        assert_eq!(err, "row 2, column name: is empty but required");
    }
}
