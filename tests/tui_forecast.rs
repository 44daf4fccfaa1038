//! A year-end forecast on the Plan tab's detail pane (issue 26, point 2): labelled a
//! forecast, never the status, with its method and figures, at 80×24 and 120×40, on the
//! demo council (today 24 November 2026, the tab on October 2026 for a monthly measure).

mod tui_support;

use pmdb::domain::period::Period;
use pmdb::store::Store;
use tui_support::*;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

#[test]
fn the_detail_pane_forecasts_the_year_by_last_years_shape() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo(dir.path());
    // HS02 (households helped, a sum, higher is better), worked from the stored months.
    let store = Store::open(&path, "perf").unwrap();
    let month_sum = |from: &str, n: i32| -> f64 {
        let Ok(Period::Month(first)) = from.parse::<Period>() else {
            panic!("{from}")
        };
        (0..n)
            .map(|i| {
                store
                    .value_at("HS02", Period::Month(first.plus(i)))
                    .unwrap()
                    .expect("a value every month")
                    .value
            })
            .sum()
    };
    let (so_far, last_same, last_year) = (
        month_sum("2026-04", 7),
        month_sum("2025-04", 7),
        month_sum("2025-04", 12),
    );
    let expected = (so_far * last_year / last_same).round();
    assert_eq!(
        (so_far, last_same, last_year, expected),
        (280.0, 264.0, 457.0, 485.0)
    );
    for (w, h) in SIZES {
        let shown = demo_detail_pages(&path, "HS02", w, h);
        // The pane wraps beside the chart: its words in order, each soon after the last.
        for needle in [
            "Forecast: 485 by March, green vs the annual target (not a status) · last year's shape: 280 so far,",
            "year's same 7 months were 264 of its 457",
        ] {
            assert!(
                words_in_order(&shown, needle),
                "{w}x{h}: {needle} in {shown}"
            );
        }
    }
}

/// Whether `needle`'s words appear in `hay` in order, each within a screen line's width of
/// the one before (a wrapped pane puts the chart's columns between them).
fn words_in_order(hay: &str, needle: &str) -> bool {
    let mut words = needle.split_whitespace();
    let Some(first) = words.next() else {
        return true;
    };
    let mut starts: Vec<usize> = hay
        .match_indices(first)
        .map(|(i, _)| i + first.len())
        .collect();
    for word in words {
        starts = starts
            .into_iter()
            .filter_map(|at| {
                let mut end = hay.len().min(at + 160);
                while !hay.is_char_boundary(end) {
                    end += 1;
                }
                let window = &hay[at..end];
                window.find(word).map(|i| at + i + word.len())
            })
            .collect();
        if starts.is_empty() {
            return false;
        }
    }
    true
}
