//! The boards and their meetings: the Performance & Programme Group each month (the
//! latest one reviewing the month now due, held after its deadline), the Management
//! Board that takes PPG's escalations, Leadership Team's quarterly sign-off, and Cabinet
//! (the portfolio holders), to which PPG escalates what needs a member decision.

use chrono::Weekday;

use super::calendar::{Calendar, nth_weekday, signoff_day};
use super::org::{DIRECTORS, OTHER_COUNCILLORS, PERFORMANCE_TEAM, PORTFOLIOS, SERVICES};
use crate::domain::period::{Month, Period};
use crate::store::MeetingRecord;

/// Cabinet's board code.
pub const CABINET: &str = "CAB";

/// The Overview & Scrutiny panel's board code.
pub const SCRUTINY: &str = "OSP";

/// (code, name, members)
pub fn boards() -> Vec<(&'static str, &'static str, Vec<&'static str>)> {
    let directors: Vec<&str> = DIRECTORS.iter().map(|(l, _, _)| *l).collect();
    let mut ppg: Vec<&str> = PERFORMANCE_TEAM.iter().map(|(l, _, _)| *l).collect();
    // PPG is chaired by the Director of Resources, with the other directors attending.
    ppg.extend(directors.iter().skip(1));
    let mut lt = directors.clone();
    lt.extend(SERVICES.iter().map(|s| s.head_login));
    vec![
        ("PPG", "Performance & Programme Group", ppg),
        ("MB", "Management Board", directors),
        ("LT", "Leadership Team", lt),
        (
            CABINET,
            "Cabinet",
            PORTFOLIOS.iter().map(|p| p.holder_login).collect(),
        ),
        // Scrutiny reads the quarter's report and records its recommendations as requests.
        (
            SCRUTINY,
            "Overview & Scrutiny",
            OTHER_COUNCILLORS.iter().map(|(l, _, _)| *l).collect(),
        ),
    ]
}

fn month_name(m: Month) -> String {
    m.first_day().format("%B %Y").to_string()
}

pub fn records(cal: &Calendar) -> Vec<MeetingRecord> {
    let mut list: Vec<(&str, chrono::NaiveDate, String, String)> = Vec::new();
    // PPG on the fourth Thursday of the month after the data month, after the 15th
    // deadline; the Management Board the Tuesday after.
    for back in (0..4).rev() {
        let data = cal.now_due.plus(-back);
        let ppg = nth_weekday(data.plus(1), Weekday::Thu, 4);
        list.push((
            "PPG",
            ppg,
            format!("Performance & Programme Group: {} data", month_name(data)),
            data.to_string(),
        ));
        if back < 2 {
            let mb = ppg + chrono::Duration::days(5);
            list.push((
                "MB",
                mb,
                format!("Management Board: PPG escalations for {}", month_name(data)),
                data.to_string(),
            ));
        }
    }
    // Leadership Team signs off each quarter of the current year that has ended (and the
    // last quarter of the year before), on the second Wednesday of the second month after.
    let mut quarters = cal.quarters();
    let keep = quarters
        .iter()
        .filter(|q| q.year == cal.current_year)
        .count()
        + 1;
    let quarters = quarters.split_off(quarters.len().saturating_sub(keep));
    for q in quarters {
        let day = signoff_day(q);
        list.push((
            "LT",
            day,
            format!("Leadership Team: {q} performance sign-off"),
            Period::Quarter(q).to_string(),
        ));
    }
    // Scrutiny meets after every other meeting (so none of their numbers moves) and after
    // today, on the last quarter's report: its request waits on that agenda.
    if let Some(q) = cal.quarters().last() {
        let latest = list
            .iter()
            .map(|(_, d, _, _)| *d)
            .max()
            .unwrap_or(cal.today);
        list.push((
            SCRUTINY,
            latest.max(cal.today) + chrono::Duration::days(7),
            format!("Overview & Scrutiny: {q} performance report"),
            Period::Quarter(*q).to_string(),
        ));
    }
    list.sort_by_key(|(_, date, _, _)| *date);
    let mut records: Vec<MeetingRecord> = list
        .into_iter()
        .enumerate()
        .map(|(i, (board, date, title, period))| MeetingRecord {
            id: i as i64 + 1,
            board: board.to_string(),
            date: date.to_string(),
            title,
            period,
        })
        .collect();
    // Cabinet's meeting on what last month's PPG escalated to it, added to the calendar
    // when PPG escalated (so it has the next number), held in date order among the rest.
    let escalated = cal.now_due.plus(-1);
    records.push(MeetingRecord {
        id: records.len() as i64 + 1,
        board: CABINET.to_string(),
        date: cabinet_day(escalated).to_string(),
        title: format!("Cabinet: PPG escalations for {}", month_name(escalated)),
        period: escalated.to_string(),
    });
    records.sort_by(|a, b| (&a.date, a.id).cmp(&(&b.date, b.id)));
    records
}

/// The day Cabinet meets on what the PPG reviewing `data` escalated: the first Tuesday of
/// the month after that PPG, before Leadership Team's sign-off of a quarter ending in
/// `data` (the second Wednesday of that month), so the signed-off quarter holds Cabinet's
/// outcome.
pub fn cabinet_day(data: Month) -> chrono::NaiveDate {
    nth_weekday(data.plus(2), Weekday::Tue, 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_latest_ppg_reviews_the_month_now_due_after_its_deadline() {
        let cal = Calendar::new("2026-11-24".parse().unwrap());
        let meetings = records(&cal);
        let ppg: Vec<&MeetingRecord> = meetings.iter().filter(|m| m.board == "PPG").collect();
        assert_eq!(ppg.len(), 4);
        let last = ppg.last().unwrap();
        assert_eq!(
            (last.period.as_str(), last.date.as_str()),
            ("2026-10", "2026-11-26")
        );
        let lt: Vec<&str> = meetings
            .iter()
            .filter(|m| m.board == "LT")
            .map(|m| m.period.as_str())
            .collect();
        assert_eq!(lt, ["2025/26 Q4", "2026/27 Q1", "2026/27 Q2"]);
        assert_eq!(meetings.iter().filter(|m| m.board == "MB").count(), 2);
        // Cabinet meets on the October PPG's escalation after it and before LT signs off
        // the quarter that month holds; the meetings stay in date order.
        let cab: Vec<&MeetingRecord> = meetings.iter().filter(|m| m.board == CABINET).collect();
        assert_eq!(cab.len(), 1);
        assert_eq!(
            (cab[0].period.as_str(), cab[0].date.as_str()),
            ("2026-09", "2026-11-03")
        );
        let october_ppg = ppg.iter().find(|m| m.period == "2026-09").unwrap();
        assert!(october_ppg.date.as_str() < "2026-11-03" && "2026-11-03" < "2026-11-11");
        assert!(meetings.windows(2).all(|w| w[0].date <= w[1].date));
    }
}
