//! Bank and article text made safe to set beside the widget's own words:
//! bidi controls it leaves open are closed where it ends. Compiled for the
//! widget's view (and `locale::strings::fill`) and for the tests.

/// Appends `s`, then closes every bidi embedding, override or isolate that
/// `s` opened and left open (U+202A–U+202E, U+2066–U+2068), so that an
/// unterminated U+202E in bank text cannot mirror the widget's own text
/// after it in the same line. Text without such controls is appended as is.
pub(crate) fn push_bidi_closed(out: &mut String, s: &str) {
    out.push_str(s);
    // Openers still open, innermost last: true for an isolate.
    let mut open: Vec<bool> = Vec::new();
    for c in s.chars() {
        match c {
            '\u{202A}' | '\u{202B}' | '\u{202D}' | '\u{202E}' => open.push(false),
            '\u{2066}' | '\u{2067}' | '\u{2068}' => open.push(true),
            // PDF closes the innermost embedding, unless an isolate is innermost.
            '\u{202C}' if open.last() == Some(&false) => {
                open.pop();
            }
            // PDI closes the innermost isolate and every embedding inside it.
            '\u{2069}' if open.contains(&true) => while open.pop() == Some(false) {},
            _ => {}
        }
    }
    for isolate in open.into_iter().rev() {
        out.push(if isolate { '\u{2069}' } else { '\u{202C}' });
    }
}

/// `s` with the bidi controls it left open closed (see `push_bidi_closed`).
pub(crate) fn bidi_closed(s: &str) -> std::borrow::Cow<'_, str> {
    let opens = |c: char| matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2068}');
    if s.chars().any(opens) {
        let mut out = String::with_capacity(s.len() + 8);
        push_bidi_closed(&mut out, s);
        std::borrow::Cow::Owned(out)
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn closed(s: &str) -> String {
        let mut out = String::new();
        push_bidi_closed(&mut out, s);
        out
    }

    #[test]
    fn what_is_left_open_is_closed_innermost_first() {
        assert_eq!(closed("plain"), "plain");
        assert_eq!(closed("\u{202E}abc"), "\u{202E}abc\u{202C}");
        assert_eq!(closed("\u{2067}a\u{202B}b"), "\u{2067}a\u{202B}b\u{202C}\u{2069}");
        assert_eq!(closed("\u{202A}a\u{2066}b"), "\u{202A}a\u{2066}b\u{2069}\u{202C}");
    }

    #[test]
    fn text_without_open_controls_is_borrowed_as_it_is() {
        assert!(matches!(bidi_closed("plain"), std::borrow::Cow::Borrowed("plain")));
        assert_eq!(bidi_closed("\u{202E}abc"), "\u{202E}abc\u{202C}");
    }

    #[test]
    fn what_is_closed_stays_as_it_is() {
        for s in ["\u{202E}abc\u{202C}", "\u{2068}a\u{202E}b\u{2069}", "a\u{202C}\u{2069}"] {
            assert_eq!(closed(s), s, "{s:?}");
        }
    }
}
