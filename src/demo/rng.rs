//! Seeded random streams. Every part of the demo draws from its own stream, named by
//! what it generates (an indicator's code, "budgets", "people"…), so the data is the same
//! on every run and one indicator's numbers do not shift when another is added.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// The demo's fixed seed. Changing it changes every figure of the demo council.
const SEED: u64 = 0x5750_4d44_4232_3032;

/// FNV-1a: a stable hash of a label (std's hashers may change between Rust releases,
/// which would silently change the demo).
fn fnv1a(label: &str) -> u64 {
    label.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The random stream for one named part of the demo.
pub fn stream(label: &str) -> ChaCha8Rng {
    ChaCha8Rng::seed_from_u64(SEED ^ fnv1a(label))
}

/// A standard normal draw (Box–Muller), for noise around a level.
pub fn normal(rng: &mut ChaCha8Rng) -> f64 {
    // 1 - u keeps the logarithm's argument in (0, 1].
    let u1: f64 = 1.0 - rng.r#gen::<f64>();
    let u2: f64 = rng.r#gen::<f64>();
    (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
}

/// True with probability `p`.
pub fn chance(rng: &mut ChaCha8Rng, p: f64) -> bool {
    rng.r#gen::<f64>() < p
}

/// One item of a non-empty list.
pub fn pick<'a, T>(rng: &mut ChaCha8Rng, items: &'a [T]) -> &'a T {
    // The lists picked from are constants of the demo, never empty.
    &items[rng.gen_range(0..items.len())]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streams_are_stable_and_distinct() {
        let a: Vec<u32> = (0..4).map(|_| stream("PL01").r#gen()).collect();
        let b: Vec<u32> = (0..4).map(|_| stream("PL01").r#gen()).collect();
        assert_eq!(a, b);
        let mut x = stream("PL01");
        let mut y = stream("PL02");
        assert_ne!(x.r#gen::<u64>(), y.r#gen::<u64>());
        assert_eq!(fnv1a(""), 0xcbf2_9ce4_8422_2325);
    }

    #[test]
    fn normal_draws_centre_on_zero() {
        let mut r = stream("normal");
        let draws: Vec<f64> = (0..4000).map(|_| normal(&mut r)).collect();
        let mean = draws.iter().sum::<f64>() / draws.len() as f64;
        let var = draws.iter().map(|d| (d - mean).powi(2)).sum::<f64>() / draws.len() as f64;
        assert!(mean.abs() < 0.06, "{mean}");
        assert!((var - 1.0).abs() < 0.08, "{var}");
    }
}
