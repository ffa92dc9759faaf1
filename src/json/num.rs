//! Numbers as text, without core's float formatting.
//!
//! `format!("{x}")` of an `f64` pulls in core's Grisu and Dragon4 (flt2dec,
//! about 20 KB of Wasm). The shortest round-trip digits come from zmij
//! instead, which serde_json already uses to write JSON numbers, and are
//! laid out here as `Display` lays them out. (Clamping, which must avoid
//! `f64::clamp` for the same reason, is `crate::num`'s.)

/// Appends `x` as `format!("{x}")` writes it: the shortest digits that read
/// back as `x`, never an exponent, whole numbers without `.0`; `NaN`,
/// `inf`, `-inf`. One difference: when two shortest candidates are exactly
/// as close to `x` (only possible with 16 or 17 significant digits, as in
/// 667082108456853.25), zmij picks the even last digit, as JavaScript's
/// `String(x)` and serde_json do, where std rounds up.
pub(crate) fn push_display(out: &mut String, x: f64) {
    if x.is_nan() {
        out.push_str("NaN");
        return;
    }
    if x.is_sign_negative() {
        out.push('-');
    }
    if x.is_infinite() {
        out.push_str("inf");
        return;
    }
    let (digits, point) = shortest(x);
    let digits = digits.as_bytes();
    let n = digits.len() as i32;
    if digits.is_empty() {
        out.push('0');
    } else if point <= 0 {
        out.push_str("0.");
        zeros(out, -point);
        push_ascii(out, digits);
    } else if point >= n {
        push_ascii(out, digits);
        zeros(out, point - n);
    } else {
        let (int, frac) = digits.split_at(point as usize);
        push_ascii(out, int);
        out.push('.');
        push_ascii(out, frac);
    }
}

/// `x` as `format!("{x}")` writes it.
pub(crate) fn display(x: f64) -> String {
    let mut s = String::new();
    push_display(&mut s, x);
    s
}

/// `x` with two decimals, as `format!("{x:.2}")` writes it (but for
/// halfway cases, which round away from zero here): for scores in messages.
pub(crate) fn fixed2(x: f64) -> String {
    if !x.is_finite() || x.abs() >= 1e15 {
        return display(x);
    }
    let hundredths = (x * 100.0).round();
    let mut s = String::new();
    if hundredths < 0.0 || (hundredths == 0.0 && x.is_sign_negative()) {
        s.push('-');
    }
    // |hundredths| < 1e17, within u64.
    let h = hundredths.abs() as u64;
    s.push_str(&(h / 100).to_string());
    s.push('.');
    let frac = h % 100;
    if frac < 10 {
        s.push('0');
    }
    s.push_str(&frac.to_string());
    s
}

/// The shortest decimal digits that read back as `|x|` (finite), with no
/// leading or trailing zeros ("" for zero), and the position of the decimal
/// point relative to them: `|x|` is `0.DIGITS × 10^point`. What `Intl` and
/// ICU round when they write a number (see `locale`).
pub(crate) fn shortest(x: f64) -> (String, i32) {
    let mut buf = zmij::Buffer::new();
    decimal(buf.format_finite(x.abs()))
}

/// The significant digits of zmij's output (no leading or trailing zeros)
/// and the position of the decimal point relative to them: the value is
/// `0.DIGITS × 10^point`.
fn decimal(text: &str) -> (String, i32) {
    let (mantissa, exp) = match text.split_once(['e', 'E']) {
        Some((m, e)) => (m, e.trim_start_matches('+').parse::<i32>().unwrap_or(0)),
        None => (text, 0),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let mut digits = String::with_capacity(int.len() + frac.len());
    digits.push_str(int);
    digits.push_str(frac);
    let mut point = int.len() as i32 + exp;
    let trimmed = digits.trim_start_matches('0');
    point -= (digits.len() - trimmed.len()) as i32;
    (trimmed.trim_end_matches('0').to_string(), point)
}

fn zeros(out: &mut String, n: i32) {
    for _ in 0..n {
        out.push('0');
    }
}

fn push_ascii(out: &mut String, digits: &[u8]) {
    out.extend(digits.iter().map(|&d| char::from(d)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_matches_std() {
        let mut xs = vec![
            0.0,
            -0.0,
            1.0,
            -1.0,
            0.1,
            0.3,
            2.0 / 3.0,
            1.0 / 3.0,
            60.0,
            33.3,
            1e-4,
            1.5e-7,
            5e-324,
            1e15,
            1e16,
            1.2345e21,
            123_456.789,
            f64::MAX,
            f64::MIN_POSITIVE,
            f64::EPSILON,
            9_007_199_254_740_993.0,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ];
        // A deterministic spread over the whole range of doubles.
        let mut z: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..20_000 {
            z = z.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            xs.push(f64::from_bits(z));
            xs.push((z >> 11) as f64 / 1e6);
        }
        let mut ties = 0;
        for x in xs {
            let (ours, std) = (display(x), format!("{x}"));
            if ours != std {
                // The halfway case: same length, both read back as x, the
                // last digits one apart and ours even.
                let last = |s: &str| s.bytes().last().map_or(0, |b| i32::from(b) - 48);
                assert_eq!(ours.len(), std.len(), "{x:e}: {ours} vs {std}");
                assert_eq!(ours.parse::<f64>().ok(), Some(x), "{x:e}: {ours}");
                assert_eq!((last(&std) - last(&ours), last(&ours) % 2), (1, 0), "{ours} vs {std}");
                ties += 1;
            }
        }
        assert!(ties < 20, "{ties} ties");
    }

    #[test]
    fn fixed2_rounds_to_hundredths() {
        for (x, s) in
            [(0.0, "0.00"), (0.456, "0.46"), (1.0, "1.00"), (0.999, "1.00"), (-0.5, "-0.50")]
        {
            assert_eq!(fixed2(x), s);
            assert_eq!(format!("{x:.2}"), s);
        }
        for i in 0..1000 {
            let x = f64::from(i) / 997.0;
            assert_eq!(fixed2(x), format!("{x:.2}"), "{x}");
        }
    }
}
