//! JSON text written member by member, without a tree: for values whose
//! shape is known where they are built (the xAPI statements), so that the
//! Wasm carries neither `serde_json::Value` (a `BTreeMap` per object) nor
//! a derived `Serialize` per shape.
//!
//! Invariant: the text is valid JSON when every [`Writer::key`] inside an
//! object is followed by one value, and nothing is written into an array
//! but values. Strings are escaped by serde_json; numbers are laid out by
//! [`super::num`], never NaN or infinite.

use super::num::push_display;

/// JSON text being written: values, object members and array items, with
/// the commas between them placed by the writer.
#[derive(Debug, Default)]
pub(crate) struct Writer {
    out: String,
    /// Whether the next member or item needs a comma before it.
    comma: bool,
}

impl Writer {
    pub fn new() -> Writer {
        Writer::default()
    }

    /// The text written.
    pub fn finish(self) -> String {
        self.out
    }

    /// Starts an object member: the value written next is `key`'s.
    pub fn key(&mut self, key: &str) -> &mut Writer {
        self.separate();
        push_string(&mut self.out, key);
        self.out.push(':');
        self.comma = false;
        self
    }

    /// A string value.
    pub fn str(&mut self, s: &str) {
        self.separate();
        push_string(&mut self.out, s);
        self.comma = true;
    }

    /// A boolean value.
    pub fn bool(&mut self, b: bool) {
        self.separate();
        self.out.push_str(if b { "true" } else { "false" });
        self.comma = true;
    }

    /// A number: see [`push_number`].
    pub fn num(&mut self, x: f64) {
        self.separate();
        push_number(&mut self.out, x);
        self.comma = true;
    }

    /// JSON text written elsewhere (by serde), as a value. The caller
    /// vouches that it is one JSON value. Natively and in the Node checker
    /// (the compiled bank's writer), never in the widget.
    #[cfg(any(not(target_arch = "wasm32"), feature = "check"))]
    pub fn json(&mut self, json: &str) {
        self.separate();
        self.out.push_str(json);
        self.comma = true;
    }

    /// An object whose members `members` writes.
    pub fn object(&mut self, members: impl FnOnce(&mut Writer)) {
        self.nest('{', members, '}');
    }

    /// An array whose items `items` writes.
    pub fn array(&mut self, items: impl FnOnce(&mut Writer)) {
        self.nest('[', items, ']');
    }

    fn nest(&mut self, open: char, inner: impl FnOnce(&mut Writer), close: char) {
        self.separate();
        self.out.push(open);
        self.comma = false;
        inner(self);
        self.out.push(close);
        self.comma = true;
    }

    fn separate(&mut self) {
        if self.comma {
            self.out.push(',');
        }
    }
}

/// Appends `s` as a JSON string, escaped by serde_json (whose escaper the
/// Wasm carries anyway, for snapshots): smaller than a second escaper.
fn push_string(out: &mut String, s: &str) {
    // Writing a `str` cannot fail: serde_json errs only on I/O and on
    // non-string map keys.
    out.push_str(&serde_json::to_string(s).unwrap_or_default());
}

/// Appends `x` as a JSON number: the shortest digits that read back as
/// `x`, never an exponent. Whole numbers within ±2^53 (the integers a double
/// holds exactly) are integers (`3`, not `3.0`); larger whole numbers end
/// in `.0`, so that a reader with 64-bit integers still reads a double, as
/// it did from serde_json. `-0` is `0`; NaN and infinities, which JSON
/// lacks, are `0`.
fn push_number(out: &mut String, x: f64) {
    if !x.is_finite() || x == 0.0 {
        out.push('0');
        return;
    }
    push_display(out, x);
    if x.fract() == 0.0 && x.abs() >= 9_007_199_254_740_992.0 {
        out.push_str(".0");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(f: impl FnOnce(&mut Writer)) -> String {
        let mut w = Writer::new();
        f(&mut w);
        w.finish()
    }

    #[test]
    fn members_items_and_commas() {
        let text = written(|w| {
            w.object(|w| {
                w.key("a").num(1.0);
                w.key("b").array(|w| {
                    w.str("x");
                    w.bool(false);
                    w.object(|_| {});
                    w.array(|_| {});
                });
                w.key("c").object(|w| w.key("d").bool(true));
            })
        });
        assert_eq!(text, r#"{"a":1,"b":["x",false,{},[]],"c":{"d":true}}"#);
    }

    #[test]
    fn strings_are_escaped() {
        let text = written(|w| w.object(|w| w.key("k\"").str("a\n\\b")));
        assert_eq!(text, r#"{"k\"":"a\n\\b"}"#);
    }

    #[test]
    fn numbers_read_back_as_serde_json_values() {
        for x in [0.0, -0.0, 1.0, 3.0, -2.0, 0.66, 0.6667, 1.98, 1e-4, 2.0 / 3.0, 1e15, 2e53, 1e20]
        {
            let mut ours = String::new();
            push_number(&mut ours, x);
            let want = if x.fract() == 0.0 && x.abs() < 9_007_199_254_740_992.0 {
                serde_json::Value::from(x as i64)
            } else {
                serde_json::Value::from(x)
            };
            assert_eq!(serde_json::from_str::<serde_json::Value>(&ours).unwrap(), want, "{ours}");
        }
        for (x, s) in
            [(-0.0, "0"), (f64::NAN, "0"), (f64::INFINITY, "0"), (1e21, "1000000000000000000000.0")]
        {
            let mut ours = String::new();
            push_number(&mut ours, x);
            assert_eq!(ours, s);
        }
    }
}
