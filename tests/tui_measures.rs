//! What a measure is, in the Plan tab's detail pane: an indicator's definition, its source
//! and the group it is compared with, at 80×24 and 120×40 (issue 25, point 2).

mod tui_support;

use pmdb::store::Store;
use tui_support::*;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

#[test]
fn the_detail_pane_says_what_a_measure_is_where_it_comes_from_and_its_comparators() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo(dir.path());
    let ds = Store::open(&path, "perf").unwrap().dataset().unwrap();
    let pl01 = ds.indicator("PL01").unwrap();
    assert_eq!(pl01.source, "MHCLG PS2 return");
    assert_eq!(pl01.benchmark_group, "CIPFA nearest neighbours");
    assert!(pl01.definition.starts_with("Major planning applications"));
    for (w, h) in SIZES {
        let shown = demo_detail_pages(&path, "PL01", w, h);
        for needle in [
            "Definition: Major planning",
            "Source: MHCLG PS2 return",
            "Compared with: CIPFA nearest neighbours",
        ] {
            assert!(shown.contains(needle), "{w}x{h}: {needle} in {shown}");
        }
    }
}
