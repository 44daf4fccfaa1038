//! The data-quality marks beside a figure (`p` provisional, `e` estimated), as the
//! reports print them and in the words of their key (`store::QUALITY_KEY`): text, so a
//! screen without colour says it too.

use crate::store::{QUALITY_KEY, Quality};

/// The mark in a column of figures: " p", " e", or two spaces for a final figure (or no
/// figure), so the column stays aligned.
pub fn cell(figure: Option<f64>, quality: Option<Quality>) -> &'static str {
    match mark(figure, quality) {
        Some("p") => " p",
        Some("e") => " e",
        _ => "  ",
    }
}

/// A figure in running text with its mark after it ("41.2 p"), as the reports write it.
pub fn marked(text: String, figure: Option<f64>, quality: Option<Quality>) -> String {
    match mark(figure, quality) {
        Some(m) => format!("{text} {m}"),
        None => text,
    }
}

/// The mark a shown figure takes; none where there is no figure.
fn mark(figure: Option<f64>, quality: Option<Quality>) -> Option<&'static str> {
    figure.and(quality).and_then(Quality::mark)
}

/// "p provisional: may change when the final figure is known": what one mark means.
pub fn meaning(quality: Quality) -> Option<String> {
    QUALITY_KEY
        .iter()
        .find(|(q, _)| *q == quality)
        .map(|(q, what)| format!("{} {q}: {what}", q.mark().unwrap_or("")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_follow_the_reports_and_only_beside_a_figure() {
        assert_eq!(cell(Some(4.0), Some(Quality::Provisional)), " p");
        assert_eq!(cell(Some(4.0), Some(Quality::Estimated)), " e");
        assert_eq!(cell(Some(4.0), Some(Quality::Final)), "  ");
        assert_eq!(cell(None, Some(Quality::Estimated)), "  ");
        assert_eq!(
            marked("41.2".into(), Some(41.2), Some(Quality::Estimated)),
            "41.2 e"
        );
        assert_eq!(marked("–".into(), None, Some(Quality::Estimated)), "–");
        assert_eq!(
            meaning(Quality::Provisional).unwrap(),
            "p provisional: may change when the final figure is known"
        );
        assert_eq!(meaning(Quality::Final), None);
    }
}
