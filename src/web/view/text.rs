//! Words and numbers as the learner reads them. Written by hand with
//! `push_str` rather than `format!`, whose float machinery would add
//! kilobytes to the Wasm.

/// Appends a non-negative integer.
pub(crate) fn push_int(out: &mut String, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &d in &digits[i..] {
        out.push(char::from(d));
    }
}

/// Appends a number rounded to at most `decimals` (0..=3) places, without
/// trailing zeros: 7.5, 0.25, 10, 66.7.
pub(crate) fn push_num(out: &mut String, x: f64, decimals: u32) {
    let x = if x.is_finite() { x } else { 0.0 };
    if x < 0.0 {
        out.push('-');
    }
    let scale = 10u64.pow(decimals.min(3));
    // Rounding half away from zero on the scaled value; clamped so the cast
    // cannot saturate into nonsense.
    let scaled = (x.abs() * scale as f64 + 0.5).floor().min(1e15) as u64;
    push_int(out, scaled / scale);
    let mut frac = scaled % scale;
    if frac == 0 {
        return;
    }
    out.push('.');
    let mut div = scale / 10;
    while frac > 0 && div > 0 {
        out.push(char::from(b'0' + (frac / div) as u8));
        frac %= div;
        div /= 10;
    }
}

/// A number as a String; see [`push_num`].
pub(crate) fn num(x: f64, decimals: u32) -> String {
    let mut s = String::new();
    push_num(&mut s, x, decimals);
    s
}

/// "1 point", "0.5 of 1 point", "7.5 of 10 points".
pub(crate) fn points_of(earned: f64, max: f64) -> String {
    let mut s = num(earned, 2);
    s.push_str(" of ");
    push_num(&mut s, max, 2);
    s.push_str(if (max - 1.0).abs() < 1e-9 { " point" } else { " points" });
    s
}

/// "1 sentence", "3 sentences": `n` and the singular or plural word.
pub(crate) fn count(n: usize, one: &str, many: &str) -> String {
    let mut s = String::new();
    push_int(&mut s, n as u64);
    s.push(' ');
    s.push_str(if n == 1 { one } else { many });
    s
}

/// A penalty fraction as "−10%" (a true minus sign).
pub(crate) fn penalty(p: f64) -> String {
    let mut s = String::from("\u{2212}");
    push_num(&mut s, p * 100.0, 1);
    s.push('%');
    s
}

/// Concatenates string slices.
pub(crate) fn cat(parts: &[&str]) -> String {
    let mut s = String::with_capacity(parts.iter().map(|p| p.len()).sum());
    for p in parts {
        s.push_str(p);
    }
    s
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// "2020-12-02" as "2 December 2020"; anything else as given.
pub(crate) fn long_date(iso: &str) -> String {
    let mut parts = iso.splitn(3, '-');
    let (Some(y), Some(m), Some(d)) = (parts.next(), parts.next(), parts.next()) else {
        return iso.to_string();
    };
    let month = m.parse::<usize>().ok().and_then(|m| m.checked_sub(1)).and_then(|i| MONTHS.get(i));
    match (month, d.parse::<u64>()) {
        (Some(month), Ok(day)) if y.len() == 4 && (1..=31).contains(&day) => {
            let mut s = String::new();
            push_int(&mut s, day);
            s.push(' ');
            s.push_str(month);
            s.push(' ');
            s.push_str(y);
            s
        }
        _ => iso.to_string(),
    }
}
