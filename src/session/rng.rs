//! Seeded orders: the same bank and seed give the same question order and
//! the same option order on every platform (SplitMix64 and Fisher–Yates, no
//! `rand`).

use super::OptionOrder;
use crate::bank::{Body, Question};
use crate::hash::fnv1a;

/// Mixed into the seed for drawing a pool ("pool" in ASCII).
pub(super) const POOL_SALT: u64 = 0x706f_6f6c;

/// The display order of a question's options (see `Session::option_order`).
pub(super) fn option_order(q: &Question, seed: u64, shuffle_options: bool) -> OptionOrder {
    // Seeded by the question's own id so that its option order survives
    // other questions being added, removed or reordered.
    let mut rng = SplitMix64(seed ^ fnv1a(q.id().as_bytes()));
    let mut maybe_shuffled = |ids: Vec<String>| {
        let mut ids = ids;
        if shuffle_options {
            shuffle(&mut rng, &mut ids);
        }
        ids
    };
    match q.body() {
        Body::SingleChoice { options, .. } | Body::MultipleChoice { options, .. } => OptionOrder {
            ids: maybe_shuffled(options.iter().map(|o| o.id.clone()).collect()),
            part_b: Vec::new(),
        },
        Body::Matching { right, .. } => OptionOrder {
            ids: maybe_shuffled(right.iter().map(|i| i.id.clone()).collect()),
            part_b: Vec::new(),
        },
        Body::TwoPart { part_a, part_b, .. } => {
            let ids = maybe_shuffled(part_a.options.iter().map(|o| o.id.clone()).collect());
            let part_b = maybe_shuffled(part_b.options.iter().map(|o| o.id.clone()).collect());
            OptionOrder { ids, part_b }
        }
        Body::Ordering { items } => {
            let right: Vec<String> = items.iter().map(|i| i.id.clone()).collect();
            let mut ids = right.clone();
            shuffle(&mut rng, &mut ids);
            // Shown in the right order, the question answers itself; item
            // ids are unique, so a rotation always differs.
            if ids.len() >= 2 && ids == right {
                ids.rotate_left(1);
            }
            OptionOrder { ids, part_b: Vec::new() }
        }
        Body::TrueFalse { .. }
        | Body::FillBlank { .. }
        | Body::Numeric { .. }
        | Body::Evidence { .. } => OptionOrder { ids: Vec::new(), part_b: Vec::new() },
    }
}

/// SplitMix64 (Steele, Lea and Flood 2014): tiny, fast, and good enough to
/// shuffle a quiz; the same seed gives the same sequence everywhere.
pub(super) struct SplitMix64(pub(super) u64);

impl SplitMix64 {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A uniform number in `0..n`, by rejection so that no value is favoured;
    /// 0 when `n` is 0.
    fn below(&mut self, n: usize) -> usize {
        let n = n as u64;
        if n == 0 {
            return 0;
        }
        let zone = u64::MAX - u64::MAX % n;
        loop {
            let x = self.next_u64();
            if x < zone {
                // x % n < n, which came from a usize.
                return (x % n) as usize;
            }
        }
    }
}

/// Fisher–Yates.
pub(super) fn shuffle<T>(rng: &mut SplitMix64, items: &mut [T]) {
    for i in (1..items.len()).rev() {
        let j = rng.below(i + 1);
        // j <= i < len: the swap is in bounds.
        items.swap(i, j);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splitmix64_matches_the_reference() {
        // The first outputs of Vigna's splitmix64.c for seed 1234567.
        let mut rng = SplitMix64(1_234_567);
        assert_eq!(rng.next_u64(), 6_457_827_717_110_365_317);
        assert_eq!(rng.next_u64(), 3_203_168_211_198_807_973);
        let mut zero = SplitMix64(0);
        assert_eq!(zero.below(0), 0);
        assert!((0..1000).all(|_| zero.below(3) < 3));
    }
}
