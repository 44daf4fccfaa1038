//! Where a figure stands among its comparators ("2nd of 16, top quartile"): its rank,
//! best first, ties sharing the better place, and the quartile that rank falls in.

use std::fmt;

use super::indicator::Polarity;

/// A figure's place among `of` figures (itself and its comparators), 1 the best.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ranking {
    pub rank: usize,
    pub of: usize,
}

/// The quarter of the group a rank falls in: the places run from the best (0) to the worst
/// (1), rank r of n standing at (r − 1) / (n − 1), and the first quarter of that run is the
/// top quartile, the last the bottom (the best of two is top, the other bottom).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Quartile {
    Top,
    Second,
    Third,
    Bottom,
}

impl Ranking {
    /// `value` ranked among `others` by the indicator's polarity; none for a measure with
    /// no better direction, or with no comparator to rank against.
    pub fn of(value: f64, others: &[f64], polarity: Polarity) -> Option<Ranking> {
        if others.is_empty() {
            return None;
        }
        let better = match polarity {
            Polarity::Higher => others.iter().filter(|o| **o > value).count(),
            Polarity::Lower => others.iter().filter(|o| **o < value).count(),
            Polarity::None => return None,
        };
        Some(Ranking {
            rank: better + 1,
            of: others.len() + 1,
        })
    }

    pub fn quartile(self) -> Quartile {
        // Whole numbers: 4(r − 1) / (n − 1), rounded down; the worst place is 4.
        let run = self.of.saturating_sub(1).max(1);
        match 4 * self.rank.saturating_sub(1) / run {
            0 => Quartile::Top,
            1 => Quartile::Second,
            2 => Quartile::Third,
            _ => Quartile::Bottom,
        }
    }
}

/// "2nd of 16, top quartile".
impl fmt::Display for Ranking {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let suffix = match (self.rank % 10, self.rank % 100) {
            (_, 11..=13) => "th",
            (1, _) => "st",
            (2, _) => "nd",
            (3, _) => "rd",
            _ => "th",
        };
        write!(
            f,
            "{}{suffix} of {}, {}",
            self.rank,
            self.of,
            self.quartile()
        )
    }
}

impl fmt::Display for Quartile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Quartile::Top => "top quartile",
            Quartile::Second => "second quartile",
            Quartile::Third => "third quartile",
            Quartile::Bottom => "bottom quartile",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(rank: usize, of: usize) -> String {
        Ranking { rank, of }.to_string()
    }

    #[test]
    fn the_spec_example_and_every_quartile_of_sixteen() {
        assert_eq!(place(2, 16), "2nd of 16, top quartile");
        assert_eq!(place(4, 16), "4th of 16, top quartile");
        assert_eq!(place(5, 16), "5th of 16, second quartile");
        assert_eq!(place(8, 16), "8th of 16, second quartile");
        assert_eq!(place(9, 16), "9th of 16, third quartile");
        assert_eq!(place(12, 16), "12th of 16, third quartile");
        assert_eq!(place(13, 16), "13th of 16, bottom quartile");
        assert_eq!(place(16, 16), "16th of 16, bottom quartile");
    }

    #[test]
    fn small_groups_and_ordinals() {
        // Of six: places 1–2 | 3 | 4 | 5–6.
        let six: Vec<Quartile> = (1..=6)
            .map(|r| Ranking { rank: r, of: 6 }.quartile())
            .collect();
        use Quartile::*;
        assert_eq!(six, [Top, Top, Second, Third, Bottom, Bottom]);
        assert_eq!(place(1, 2), "1st of 2, top quartile");
        assert_eq!(place(2, 2), "2nd of 2, bottom quartile");
        assert_eq!(place(11, 40), "11th of 40, second quartile");
        assert_eq!(place(22, 40), "22nd of 40, third quartile");
        assert_eq!(place(23, 40), "23rd of 40, third quartile");
    }

    #[test]
    fn ranked_by_polarity_ties_sharing_the_better_place() {
        let others = [10.0, 20.0, 20.0, 30.0];
        assert_eq!(
            Ranking::of(20.0, &others, Polarity::Higher),
            Some(Ranking { rank: 2, of: 5 })
        );
        assert_eq!(
            Ranking::of(20.0, &others, Polarity::Lower),
            Some(Ranking { rank: 2, of: 5 })
        );
        assert_eq!(
            Ranking::of(5.0, &others, Polarity::Lower),
            Some(Ranking { rank: 1, of: 5 })
        );
        assert_eq!(Ranking::of(5.0, &others, Polarity::None), None);
        assert_eq!(Ranking::of(5.0, &[], Polarity::Higher), None);
    }
}
