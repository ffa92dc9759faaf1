//! A small JSON parser into a tree that remembers where every value and
//! key stands in the source, so that every diagnostic gets a JSON path and
//! an exact line:column, in the Wasm build too.
//!
//! Hand-written rather than serde_json's `Deserializer` because that one is
//! instantiated anew for every type it reads, which made it the largest part
//! of the Wasm. The grammar is RFC 8259's; nesting deeper than
//! `MAX_DEPTH` is refused rather than overflowing the stack.

use std::borrow::Cow;

/// A JSON value and the byte offsets where it starts and ends.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Value<'a> {
    /// Byte offset of its first character.
    pub at: usize,
    /// Byte offset just past its last character.
    pub end: usize,
    /// The value itself.
    pub v: V<'a>,
}

/// The value of a `Value`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum V<'a> {
    Null,
    Bool(bool),
    Num(f64),
    Str(Cow<'a, str>),
    Arr(Vec<Value<'a>>),
    Obj(Vec<Member<'a>>),
}

/// An object member, with the offset of its key.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Member<'a> {
    pub key: Cow<'a, str>,
    /// Byte offset of the key's opening quote.
    pub at: usize,
    pub value: Value<'a>,
}

/// One step of the path to where a syntax error was found.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Seg {
    Key(String),
    Index(usize),
}

/// A syntax error: what was expected, where, and inside which value.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct SyntaxError {
    /// Byte offset of the offending character (the text's length at EOF).
    pub at: usize,
    pub message: &'static str,
    /// The path to the value being read, innermost step last.
    pub path: Vec<Seg>,
}

impl SyntaxError {
    /// The path as `questions[3].cite[0].exact`.
    pub fn path(&self) -> String {
        let mut out = String::new();
        for seg in &self.path {
            match seg {
                Seg::Key(k) => {
                    if !out.is_empty() {
                        out.push('.');
                    }
                    out.push_str(k);
                }
                Seg::Index(i) => {
                    out.push('[');
                    out.push_str(&i.to_string());
                    out.push(']');
                }
            }
        }
        out
    }
}

/// How deeply arrays and objects may nest (serde_json's limit too).
const MAX_DEPTH: usize = 128;

/// Parses one JSON value. Characters after it other than whitespace are
/// returned as a separate error, so a caller can report a problem with the
/// value itself first, as serde_json does.
///
/// # Errors
/// The first syntax error.
pub(crate) fn parse(src: &str) -> Result<(Value<'_>, Option<SyntaxError>), SyntaxError> {
    Parser { b: src.as_bytes(), src, pos: 0, depth: 0, stream: None }.document()
}

/// As `parse`, but each element of the array under the root object's
/// `key` goes to `each` (with its index) as soon as it is parsed, and is not
/// kept: in the tree that array is empty (its span is kept). A bank's
/// questions are read this way, so that its whole tree never exists at once
/// (a Wasm module's memory never shrinks). Elements handed over before a
/// syntax error was found are still handed over.
///
/// # Errors
/// The first syntax error.
pub(crate) fn parse_streaming<'a>(
    src: &'a str,
    key: &str,
    each: &mut dyn FnMut(usize, Value<'a>),
) -> Result<(Value<'a>, Option<SyntaxError>), SyntaxError> {
    Parser { b: src.as_bytes(), src, pos: 0, depth: 0, stream: Some((key, each)) }.document()
}

/// Where `parse_streaming` sends the elements of one array.
type Stream<'p, 'a> = Option<(&'p str, &'p mut dyn FnMut(usize, Value<'a>))>;

struct Parser<'a, 'p> {
    b: &'a [u8],
    src: &'a str,
    pos: usize,
    depth: usize,
    stream: Stream<'p, 'a>,
}

/// The powers of ten a double holds exactly.
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

impl<'a> Parser<'a, '_> {
    /// One JSON value, then at most whitespace.
    fn document(mut self) -> Result<(Value<'a>, Option<SyntaxError>), SyntaxError> {
        // A UTF-8 byte order mark, which some editors write, is skipped
        // (RFC 8259 lets a parser ignore it); `fetch`'s text() drops it too,
        // and a bank may reach the Wasm as bytes.
        if self.b.starts_with("\u{feff}".as_bytes()) {
            self.pos = 3;
        }
        self.ws();
        let value = self.value()?;
        self.ws();
        let trailing = (self.pos < self.b.len()).then(|| self.err("trailing characters"));
        Ok((value, trailing))
    }

    fn err(&self, message: &'static str) -> SyntaxError {
        SyntaxError { at: self.pos, message, path: Vec::new() }
    }

    fn peek(&self) -> Option<u8> {
        self.b.get(self.pos).copied()
    }

    fn ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    fn value(&mut self) -> Result<Value<'a>, SyntaxError> {
        let at = self.pos;
        let v = match self.peek() {
            None => return Err(self.err("EOF while parsing a value")),
            Some(b'{') => self.object()?,
            Some(b'[') => self.array(None)?,
            Some(b'"') => V::Str(self.string()?),
            Some(b't') => self.ident("true", V::Bool(true))?,
            Some(b'f') => self.ident("false", V::Bool(false))?,
            Some(b'n') => self.ident("null", V::Null)?,
            Some(b'-' | b'0'..=b'9') => V::Num(self.number()?),
            Some(_) => return Err(self.err("expected value")),
        };
        Ok(Value { at, end: self.pos, v })
    }

    fn ident(&mut self, word: &str, v: V<'a>) -> Result<V<'a>, SyntaxError> {
        for &c in word.as_bytes() {
            if self.peek() != Some(c) {
                return Err(self.err(if self.peek().is_none() {
                    "EOF while parsing a value"
                } else {
                    "expected ident"
                }));
            }
            self.pos += 1;
        }
        Ok(v)
    }

    fn enter(&mut self) -> Result<(), SyntaxError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.err("recursion limit exceeded"));
        }
        self.pos += 1;
        self.ws();
        Ok(())
    }

    /// Steps over the closing bracket of the array or object being read.
    fn leave(&mut self) {
        self.pos += 1;
        self.depth -= 1;
    }

    /// After an element or member: a comma (and the space after it) to go
    /// on, or the `close` bracket, left for `leave`: true when it is the end.
    fn after_item(
        &mut self,
        close: u8,
        eof: &'static str,
        expected: &'static str,
    ) -> Result<bool, SyntaxError> {
        self.ws();
        match self.peek() {
            Some(b',') => {
                self.pos += 1;
                self.ws();
                Ok(false)
            }
            Some(c) if c == close => Ok(true),
            None => Err(self.err(eof)),
            Some(_) => Err(self.err(expected)),
        }
    }

    /// An array; with `each`, its elements go there rather than into it.
    fn array(
        &mut self,
        mut each: Option<&mut dyn FnMut(usize, Value<'a>)>,
    ) -> Result<V<'a>, SyntaxError> {
        self.enter()?;
        let mut items = Vec::new();
        if self.peek() == Some(b']') {
            self.leave();
            return Ok(V::Arr(items));
        }
        let mut n = 0;
        loop {
            match self.value() {
                Ok(v) => match each.as_mut() {
                    Some(f) => f(n, v),
                    None => items.push(v),
                },
                Err(mut e) => {
                    e.path.insert(0, Seg::Index(n));
                    return Err(e);
                }
            }
            n += 1;
            if self.after_item(b']', "EOF while parsing a list", "expected `,` or `]`")? {
                break;
            }
        }
        self.leave();
        Ok(V::Arr(items))
    }

    fn object(&mut self) -> Result<V<'a>, SyntaxError> {
        self.enter()?;
        let mut members = Vec::new();
        if self.peek() == Some(b'}') {
            self.leave();
            return Ok(V::Obj(members));
        }
        loop {
            match self.peek() {
                Some(b'"') => {}
                None => return Err(self.err("EOF while parsing an object")),
                Some(_) => return Err(self.err("key must be a string")),
            }
            let at = self.pos;
            let key = self.string()?;
            self.ws();
            match self.peek() {
                Some(b':') => self.pos += 1,
                None => return Err(self.err("EOF while parsing an object")),
                Some(_) => return Err(self.err("expected `:`")),
            }
            self.ws();
            let streamed = self.depth == 1 && self.peek() == Some(b'[');
            let value = match self.stream.take() {
                Some((k, f)) if streamed && k == key => {
                    let start = self.pos;
                    // Only the first such array: a repeated key is the
                    // reader's to report, and its array stays in the tree.
                    let v = self.array(Some(&mut *f));
                    v.map(|v| Value { at: start, end: self.pos, v })
                }
                other => {
                    self.stream = other;
                    self.value()
                }
            };
            match value {
                Ok(value) => members.push(Member { key, at, value }),
                Err(mut e) => {
                    e.path.insert(0, Seg::Key(key.into_owned()));
                    return Err(e);
                }
            }
            if self.after_item(b'}', "EOF while parsing an object", "expected `,` or `}`")? {
                break;
            }
        }
        self.leave();
        Ok(V::Obj(members))
    }

    /// A string, from its opening quote; borrowed from the source unless
    /// it has escapes.
    fn string(&mut self) -> Result<Cow<'a, str>, SyntaxError> {
        self.pos += 1;
        let src: &'a str = self.src;
        let mut out: Option<String> = None;
        let mut start = self.pos;
        loop {
            let Some(c) = self.peek() else {
                return Err(self.err("EOF while parsing a string"));
            };
            match c {
                b'"' => {
                    let tail = src.get(start..self.pos).unwrap_or("");
                    self.pos += 1;
                    return Ok(match out {
                        None => Cow::Borrowed(tail),
                        Some(mut s) => {
                            s.push_str(tail);
                            Cow::Owned(s)
                        }
                    });
                }
                b'\\' => {
                    let s = out.get_or_insert_with(String::new);
                    s.push_str(src.get(start..self.pos).unwrap_or(""));
                    self.pos += 1;
                    let mut s = std::mem::take(s);
                    self.escape(&mut s)?;
                    out = Some(s);
                    start = self.pos;
                }
                0..=0x1f => {
                    return Err(self
                        .err("control character (\\u0000-\\u001F) found while parsing a string"));
                }
                _ => self.pos += 1,
            }
        }
    }

    /// An escape, just after its backslash.
    fn escape(&mut self, out: &mut String) -> Result<(), SyntaxError> {
        let Some(c) = self.peek() else {
            return Err(self.err("EOF while parsing a string"));
        };
        self.pos += 1;
        out.push(match c {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let hi = self.hex4()?;
                let code = if (0xD800..0xDC00).contains(&hi) {
                    if self.b.get(self.pos..self.pos + 2) != Some(b"\\u") {
                        return Err(self.err("lone leading surrogate in hex escape"));
                    }
                    self.pos += 2;
                    let lo = self.hex4()?;
                    if !(0xDC00..0xE000).contains(&lo) {
                        return Err(self.err("lone leading surrogate in hex escape"));
                    }
                    0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                } else {
                    hi
                };
                match char::from_u32(code) {
                    Some(ch) => ch,
                    None => return Err(self.err("invalid unicode code point")),
                }
            }
            _ => {
                self.pos -= 1;
                return Err(self.err("invalid escape"));
            }
        });
        Ok(())
    }

    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        let mut n = 0;
        for _ in 0..4 {
            let d = match self.peek() {
                Some(c @ b'0'..=b'9') => c - b'0',
                Some(c @ b'a'..=b'f') => c - b'a' + 10,
                Some(c @ b'A'..=b'F') => c - b'A' + 10,
                None => return Err(self.err("EOF while parsing a string")),
                Some(_) => return Err(self.err("invalid escape")),
            };
            n = n * 16 + u32::from(d);
            self.pos += 1;
        }
        Ok(n)
    }

    fn digits(&mut self) -> usize {
        let start = self.pos;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.pos += 1;
        }
        self.pos - start
    }

    /// A number, as the double nearest its value (what `str::parse::<f64>`
    /// gives, core's correctly rounded reader) when its significant digits,
    /// read as an integer, are at most 2^53 and its decimal point moves at
    /// most 22 places: one exact conversion and one correctly rounded
    /// multiplication or division (Clinger's fast path). That covers the
    /// numbers banks hold (points, tolerances, answers such as 1991, 0.25
    /// or 3.14159). Any other number is at most 17 doubles away from the
    /// nearest: it takes at most 16 roundings (the integer's, then one per
    /// step of up to 10^22), each off by at most 2^-53 of the value, less
    /// than a unit in the last place (6 is the most the tests have seen).
    /// One within that of `f64::MAX` may be refused as out of range. Core's
    /// reader would be exact everywhere, but calling it on the checked text
    /// made the widget's Wasm 14.3 kB gzip larger (125.3 → 139.6 kB; its
    /// power-of-five table and slow path). The tests check both promises
    /// against core's over every double and random digit strings.
    fn number(&mut self) -> Result<f64, SyntaxError> {
        let start = self.pos;
        let negative = self.peek() == Some(b'-');
        if negative {
            self.pos += 1;
        }
        let int_start = self.pos;
        let n = self.digits();
        if n == 0 || (n > 1 && self.b.get(int_start) == Some(&b'0')) {
            return Err(SyntaxError { at: start, message: "invalid number", path: Vec::new() });
        }
        let mut frac = 0;
        if self.peek() == Some(b'.') {
            self.pos += 1;
            frac = self.digits();
            if frac == 0 {
                return Err(SyntaxError { at: start, message: "invalid number", path: Vec::new() });
            }
        }
        let mantissa_end = self.pos;
        let mut exp: i64 = 0;
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.pos += 1;
            let neg_exp = self.peek() == Some(b'-');
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            let exp_start = self.pos;
            if self.digits() == 0 {
                return Err(SyntaxError { at: start, message: "invalid number", path: Vec::new() });
            }
            for &d in self.b.get(exp_start..self.pos).unwrap_or(&[]) {
                exp = (exp * 10 + i64::from(d - b'0')).min(100_000);
            }
            if neg_exp {
                exp = -exp;
            }
        }
        // The digits as an integer (its first 19 significant digits), and
        // the power of ten that scales it.
        let mut m: u64 = 0;
        let mut dropped: i64 = 0;
        for &d in self.b.get(int_start..mantissa_end).unwrap_or(&[]) {
            if d == b'.' {
                continue;
            }
            if m < 1_000_000_000_000_000_000 {
                m = m * 10 + u64::from(d - b'0');
            } else {
                dropped += 1;
            }
        }
        let scale = exp + dropped - frac as i64;
        let mut x = m as f64;
        let pow = |e: i64| POW10.get(e.unsigned_abs() as usize).copied();
        if scale < 0 {
            match pow(scale) {
                Some(p) => x /= p,
                None => {
                    let mut e = scale;
                    while e < 0 && x != 0.0 {
                        let step = e.max(-22);
                        x /= pow(step).unwrap_or(1.0);
                        e -= step;
                    }
                }
            }
        } else {
            let mut e = scale;
            while e > 0 && x.is_finite() && x != 0.0 {
                let step = e.min(22);
                x *= pow(step).unwrap_or(1.0);
                e -= step;
            }
        }
        if x.is_infinite() {
            self.pos = start;
            return Err(self.err("number out of range"));
        }
        Ok(if negative { -x } else { x })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use proptest::test_runner::TestCaseError;

    /// The most `Parser::number` may be off by, in units in the last place.
    const MAX_ULPS: u64 = 17;

    fn num(src: &str) -> f64 {
        match parse(src) {
            Ok((Value { v: V::Num(x), .. }, None)) => x,
            other => panic!("{src}: {other:?}"),
        }
    }

    fn fails(src: &str, at: usize, message: &str, path: &str) {
        match parse(src) {
            Err(e) => {
                assert_eq!((e.at, e.message, e.path().as_str()), (at, message, path), "{src}")
            }
            Ok((_, Some(e))) => assert_eq!((e.at, e.message), (at, message), "{src}"),
            Ok(v) => panic!("{src}: {v:?}"),
        }
    }

    #[test]
    fn numbers_read_as_serde_json_reads_them() {
        for s in ["0", "-0", "1", "60", "0.25", "1.5", "33.3", "1e3", "2.5E-3", "-7.125", "1e22"] {
            assert_eq!(num(s), s.parse::<f64>().unwrap_or(f64::NAN), "{s}");
        }
        assert_eq!(num("12345678901234567890123"), 1.2345678901234568e22);
        assert_eq!(num("1e-400"), 0.0);
    }

    #[test]
    fn strings_unescape() {
        let (v, _) = parse(r#""a\"b\\c\u00e9\ud83d\ude00\n""#).unwrap();
        assert_eq!(v.v, V::Str("a\"b\\cé😀\n".into()));
    }

    #[test]
    fn values_keep_their_offsets() {
        let (v, _) = parse(r#" {"a": [1, true], "b": null}"#).unwrap();
        let V::Obj(m) = &v.v else { panic!() };
        assert_eq!((v.at, v.end), (1, 28));
        assert_eq!((m[0].at, m[0].value.at, m[0].value.end), (2, 7, 16));
        assert_eq!(m[1].value.v, V::Null);
    }

    /// `parse_streaming` over `src`: the elements handed over (index,
    /// span, text) and the tree or error.
    #[allow(clippy::type_complexity)]
    fn stream(
        src: &str,
    ) -> (Vec<(usize, usize, usize, String)>, Result<(Value<'_>, Option<SyntaxError>), SyntaxError>)
    {
        let mut got = Vec::new();
        let mut each = |i: usize, v: Value<'_>| {
            got.push((i, v.at, v.end, src.get(v.at..v.end).unwrap_or("").to_string()));
        };
        let r = parse_streaming(src, "questions", &mut each);
        (got, r)
    }

    #[test]
    fn streaming_hands_over_the_root_arrays_elements_and_keeps_their_span() {
        let src = r#"{"id": "b", "questions": [ {"a": [1]}, 2 ,"x"], "more": {"questions": [3]}}"#;
        let (got, r) = stream(src);
        let texts: Vec<(usize, &str)> = got.iter().map(|(i, _, _, t)| (*i, t.as_str())).collect();
        assert_eq!(texts, [(0, r#"{"a": [1]}"#), (1, "2"), (2, r#""x""#)]);
        let Ok((Value { v: V::Obj(members), .. }, None)) = r else { panic!("{r:?}") };
        let q = &members[1].value;
        assert_eq!(q.v, V::Arr(Vec::new()));
        assert_eq!(src.get(q.at..q.end), Some(r#"[ {"a": [1]}, 2 ,"x"]"#));
        // Only the root's `questions` streams, and only its first occurrence.
        let V::Obj(more) = &members[2].value.v else { panic!() };
        assert_eq!(more[0].value.v, V::Arr(vec![Value { at: 71, end: 72, v: V::Num(3.0) }]));
        let (got, _) = stream(r#"{"questions": [1], "questions": [2]}"#);
        assert_eq!(got.len(), 1);
        let (got, r) = stream(r#"{"questions": {"a": 1}}"#);
        assert!(got.is_empty() && r.is_ok());
    }

    #[test]
    fn streaming_reports_a_syntax_error_inside_the_array_with_its_path() {
        let (got, r) = stream(r#"{"questions": [1, 2, {"a": tru}]}"#);
        assert_eq!(got.len(), 2, "what came before the error was handed over");
        let e = r.expect_err("a syntax error");
        assert_eq!((e.message, e.path()), ("expected ident", "questions[2].a".to_string()));
    }

    #[test]
    fn syntax_errors_say_where() {
        fails(r#"{"a": [1, ]}"#, 10, "expected value", "a[1]");
        fails(r#"{"a": 1 "b": 2}"#, 8, "expected `,` or `}`", "");
        fails(r#"{"a" 1}"#, 5, "expected `:`", "");
        fails(r#"[01]"#, 1, "invalid number", "[0]");
        fails(r#""abc"#, 4, "EOF while parsing a string", "");
        fails(r#"{} x"#, 3, "trailing characters", "");
        fails(r#"tru"#, 3, "EOF while parsing a value", "");
        fails(&"[".repeat(200), 128, "recursion limit exceeded", &"[0]".repeat(128));
    }

    /// How many doubles apart two finite doubles are (adjacent ones are 1
    /// apart; 0.0 and -0.0 are 0), in units in the last place.
    fn ulps(a: f64, b: f64) -> u64 {
        let key = |x: f64| {
            let bits = x.to_bits() as i64;
            if bits < 0 { i64::MIN - bits } else { bits }
        };
        key(a).abs_diff(key(b))
    }

    /// `text` read by our reader against core's correctly rounded
    /// `str::parse`: the same double where `Parser::number` promises it, and
    /// within `MAX_ULPS` everywhere; out of range exactly where core's is
    /// infinite (but within `MAX_ULPS` of the largest double).
    fn agrees(text: &str) -> Result<(), TestCaseError> {
        let want: f64 = text.parse().map_err(|e| TestCaseError::fail(format!("{text}: {e}")))?;
        let got = match parse(text) {
            Ok((Value { v: V::Num(x), .. }, None)) => Some(x),
            Err(e) if e.message == "number out of range" => None,
            other => return Err(TestCaseError::fail(format!("{text}: {other:?}"))),
        };
        match got {
            Some(x) if want.is_finite() => {
                let d = ulps(x, want);
                prop_assert!(d <= MAX_ULPS, "{text}: {x:e} is {d} ulps from {want:e}");
                if fast_path(text) {
                    prop_assert_eq!(x.to_bits(), want.to_bits(), "{} is on the fast path", text);
                }
            }
            Some(x) => {
                prop_assert!(ulps(x.abs(), f64::MAX) <= MAX_ULPS, "{text}: {x:e}, core's {want}")
            }
            None if want.is_finite() => {
                prop_assert!(
                    ulps(want.abs(), f64::MAX) <= MAX_ULPS,
                    "{text} refused, core's {want:e}"
                )
            }
            None => {}
        }
        Ok(())
    }

    /// Whether `text` takes the fast path: its digits as an integer are at
    /// most 2^53 and the decimal point moves at most 22 places.
    fn fast_path(text: &str) -> bool {
        let text = text.trim_start_matches('-');
        let (mantissa, exp) = match text.split_once(['e', 'E']) {
            Some((m, e)) => (m, e.parse::<i64>().unwrap_or(i64::MAX)),
            None => (text, 0),
        };
        let frac = mantissa.split_once('.').map_or(0, |(_, f)| f.len() as i64);
        let digits: String = mantissa.chars().filter(|c| *c != '.').collect();
        let digits = digits.trim_start_matches('0');
        let m = if digits.is_empty() { Some(0) } else { digits.parse::<u64>().ok() };
        m.is_some_and(|m| m <= 1 << 53) && (exp - frac).abs() <= 22
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4096))]

        /// Every double, as Rust writes it: in full (`{}`) and in
        /// scientific notation (`{:e}`).
        #[test]
        fn every_double_reads_back(bits in any::<u64>()) {
            let x = f64::from_bits(bits);
            prop_assume!(x.is_finite());
            agrees(&format!("{x}"))?;
            agrees(&format!("{x:e}"))?;
        }

        /// Digit strings of any length, with any exponent: past 19 digits,
        /// beyond the largest double and below the smallest.
        #[test]
        fn any_digits_read_as_core_reads_them(
            text in "-?(0|[1-9][0-9]{0,30})(\\.[0-9]{1,30})?([eE][+-]?[0-9]{1,3})?"
        ) {
            agrees(&text)?;
        }

        /// Numbers on the fast path: exact.
        #[test]
        fn the_fast_path_is_exact(m in 0u64..=(1 << 53), scale in -22i32..=22, point in 0usize..17) {
            agrees(&format!("{m}e{scale}"))?;
            // The same digits with a decimal point `point` places from the end.
            let digits = m.to_string();
            if point > 0 && point < digits.len() {
                let (int, frac) = digits.split_at(digits.len() - point);
                agrees(&format!("{int}.{frac}e{}", scale + point as i32))?;
            }
        }
    }
}
