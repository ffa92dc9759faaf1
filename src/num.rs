//! Arithmetic on `f64` that the Wasm can afford.
//!
//! The Wasm never calls `f64::clamp`: its assertion formats the bounds with
//! `Debug`, which brings core's float formatting (flt2dec, about 20 KB of
//! Wasm) back. Scores, percentages and anchoring scores clamp through
//! [`clamp`] here. (Writing numbers as text is `json::num`'s.)

/// `x` within `lo..=hi`, as `f64::clamp` but without its assertion (which
/// formats floats): NaN gives `lo` (where `f64::clamp` keeps NaN), and bounds
/// the wrong way round give `hi` (where it panics).
pub(crate) fn clamp(x: f64, lo: f64, hi: f64) -> f64 {
    x.max(lo).min(hi)
}

#[cfg(test)]
mod tests {
    use super::clamp;

    fn check(x: f64, lo: f64, hi: f64, expected: f64) {
        let got = clamp(x, lo, hi);
        assert!(
            got == expected || (got.is_nan() && expected.is_nan()),
            "clamp({x}, {lo}, {hi}) = {got}"
        );
    }

    #[test]
    fn clamp_keeps_within_bounds_as_std_does() {
        check(0.5, 0.0, 1.0, 0.5);
        check(-3.0, 0.0, 1.0, 0.0);
        check(7.0, 0.0, 1.0, 1.0);
        check(f64::INFINITY, 0.0, 100.0, 100.0);
        check(f64::NEG_INFINITY, 0.0, 100.0, 0.0);
        for x in [-1.0, 0.0, 0.25, 1.0, 2.0] {
            check(x, 0.0, 1.0, x.clamp(0.0, 1.0));
        }
    }

    #[test]
    fn clamp_turns_nan_into_lo_and_prefers_hi_for_reversed_bounds() {
        check(f64::NAN, 0.0, 1.0, 0.0);
        check(0.5, 1.0, 0.0, 0.0);
    }
}
