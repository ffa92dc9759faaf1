//! Small string helpers, written by hand with `push_str` rather than
//! `format!`, whose machinery would add kilobytes to the Wasm. Words and
//! numbers the learner reads are `i18n`'s.

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

/// Concatenates string slices.
pub(crate) fn cat(parts: &[&str]) -> String {
    let mut s = String::with_capacity(parts.iter().map(|p| p.len()).sum());
    for p in parts {
        s.push_str(p);
    }
    s
}
