//! Checks on a published HTML page by reading its markup: what an accessibility checker
//! and a validator would look at first, with no browser and no network.

/// Every value of `attr="…"` in the page, in order.
pub fn attribute_values(page: &str, attr: &str) -> Vec<String> {
    let needle = format!(" {attr}=\"");
    page.match_indices(&needle)
        .map(|(at, _)| {
            let rest = &page[at + needle.len()..];
            rest[..rest.find('"').unwrap_or(rest.len())].to_string()
        })
        .collect()
}

/// The levels of the page's headings, in order.
pub fn heading_levels(page: &str) -> Vec<u8> {
    let b = page.as_bytes();
    (0..b.len().saturating_sub(3))
        .filter(|&i| b[i] == b'<' && b[i + 1] == b'h' && (b'1'..=b'6').contains(&b[i + 2]))
        .filter(|&i| matches!(b[i + 3], b'>' | b' '))
        .map(|i| b[i + 2] - b'0')
        .collect()
}

/// Asserts what every page pmdb publishes must hold: English (UK) as its language, no
/// script, nothing fetched, a caption first in every table, a scope on every header cell,
/// one h1 and headings that never skip a level.
pub fn assert_accessible_shape(page: &str) {
    assert!(page.starts_with("<!DOCTYPE html>"), "a doctype first");
    assert!(page.contains("<html lang=\"en-GB\">"), "lang en-GB");
    let lower = page.to_lowercase();
    assert!(!lower.contains("<script"), "no script at all");
    assert!(!lower.contains("<link"), "no style sheet fetched");
    assert!(!lower.contains("<img"), "no image fetched");
    assert!(
        !lower.contains("@import") && !lower.contains("url("),
        "nothing fetched by CSS"
    );
    for attr in ["href", "src"] {
        for v in attribute_values(page, attr) {
            assert!(
                !v.contains("//") && !v.contains(':'),
                "{attr}=\"{v}\" points outside the pack"
            );
        }
    }
    assert!(!lower.contains(" src=\""), "no src at all");
    for (n, table) in page.split("<table").skip(1).enumerate() {
        let after = &table[table.find('>').expect("a table tag ends") + 1..];
        assert!(
            after.starts_with("<caption>"),
            "table {n} has no caption first"
        );
    }
    for (at, _) in page.match_indices("<th") {
        let tag = &page[at..at + page[at..].find('>').expect("a th tag ends")];
        if tag.starts_with("<thead") {
            continue;
        }
        assert!(
            tag.contains(" scope=\"col\"") || tag.contains(" scope=\"row\""),
            "{tag} has no scope"
        );
    }
    let levels = heading_levels(page);
    assert_eq!(levels.first(), Some(&1), "the page starts with its h1");
    assert_eq!(levels.iter().filter(|l| **l == 1).count(), 1, "one h1");
    for pair in levels.windows(2) {
        assert!(
            pair[1] <= pair[0] + 1,
            "a heading skips a level: {levels:?}"
        );
    }
}
