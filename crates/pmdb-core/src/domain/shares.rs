//! Cells for a bar of shares: how many of `width` cells each part gets. A part with a
//! count of one or more always gets at least one cell, so a single red among many greens
//! never vanishes from a picture; the cells it needs come from the largest parts.

/// Cells per part, in the parts' order, adding up to `width` (or to nothing when every
/// count is zero). Shares are apportioned by largest remainder; then every part with a
/// count but no cell takes one from the part holding the most cells. With fewer cells than
/// non-zero parts, the largest parts get one cell each.
pub fn cells(counts: &[usize], width: usize) -> Vec<usize> {
    let total: usize = counts.iter().sum();
    let mut out = vec![0; counts.len()];
    if total == 0 || width == 0 {
        return out;
    }
    let nonzero = counts.iter().filter(|&&n| n > 0).count();
    if width < nonzero {
        let mut order: Vec<usize> = (0..counts.len()).filter(|&i| counts[i] > 0).collect();
        // Largest first; among equals, the earlier part.
        order.sort_by_key(|&i| (std::cmp::Reverse(counts[i]), i));
        for &i in order.iter().take(width) {
            out[i] = 1;
        }
        return out;
    }
    // Largest remainder: whole cells first, then the leftover cells to the largest
    // fractions (the earlier part on a tie), all in integers.
    let mut given = 0;
    for (i, &n) in counts.iter().enumerate() {
        out[i] = n * width / total;
        given += out[i];
    }
    let mut by_remainder: Vec<usize> = (0..counts.len()).collect();
    by_remainder.sort_by_key(|&i| (std::cmp::Reverse(counts[i] * width % total), i));
    for &i in by_remainder.iter().take(width - given) {
        out[i] += 1;
    }
    // Every part with a count keeps a cell, taken from the part with the most cells.
    for i in 0..counts.len() {
        if counts[i] > 0 && out[i] == 0 {
            let donor = (0..counts.len())
                .max_by_key(|&j| (out[j], counts[j], std::cmp::Reverse(j)))
                .expect("at least one part");
            out[donor] -= 1;
            out[i] = 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_single_red_keeps_its_cell() {
        // 10 green, 2 amber, 1 red, 1 missing, 5 without status in 12 cells: the old
        // cumulative rounding drew GGGGGGAAM--- and lost the red.
        assert_eq!(cells(&[10, 2, 1, 1, 5], 12), [6, 1, 1, 1, 3]);
        // One red among 99 greens in 10 cells: the green gives one up.
        assert_eq!(cells(&[99, 0, 1, 0, 0], 10), [9, 0, 1, 0, 0]);
        // Exact shares stay exact.
        assert_eq!(cells(&[2, 2, 0, 0, 0], 12), [6, 6, 0, 0, 0]);
        assert_eq!(cells(&[0, 0, 0, 0, 0], 12), [0, 0, 0, 0, 0]);
        // Three cells for five parts: the three largest.
        assert_eq!(cells(&[1, 5, 1, 3, 2], 3), [0, 1, 0, 1, 1]);
    }

    proptest! {
        #[test]
        fn every_count_shows_and_the_bar_is_full(
            counts in proptest::collection::vec(0usize..200, 5),
            width in 0usize..40,
        ) {
            let c = cells(&counts, width);
            let total: usize = counts.iter().sum();
            let nonzero = counts.iter().filter(|&&n| n > 0).count();
            let expected = if total == 0 { 0 } else { width };
            prop_assert_eq!(c.iter().sum::<usize>(), expected);
            for (n, got) in counts.iter().zip(&c) {
                if *n == 0 {
                    prop_assert_eq!(*got, 0);
                } else if width >= nonzero {
                    prop_assert!(*got >= 1);
                }
            }
        }
    }
}
