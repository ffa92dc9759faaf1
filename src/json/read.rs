//! Typed reading of a parsed JSON tree: `obj.str(r, "id")`,
//! `obj.opt_f64(r, "points")`, `obj.arr(r, "questions", …)`. Every problem
//! (a wrong type, a missing or unknown field) becomes a diagnostic with its
//! JSON path and line:column; reading goes on, so one pass finds them all.
//!
//! A getter that fails returns a default and counts an error; a caller
//! compares `Reader::errors` before and after to know whether what it built
//! is whole.

use super::value::{Member, V, Value};
use crate::diag::{Code, Diagnostic, did_you_mean};

/// The path to a value, as a chain on the stack: nothing is allocated
/// unless a diagnostic needs the path written out.
#[derive(Clone, Copy)]
pub(crate) enum Path<'a> {
    Root,
    Key(&'a Path<'a>, &'a str),
    Index(&'a Path<'a>, usize),
}

impl<'a> Path<'a> {
    /// The path one key deeper.
    pub fn key(&'a self, key: &'a str) -> Path<'a> {
        Path::Key(self, key)
    }

    /// The path one element deeper.
    pub fn index(&'a self, i: usize) -> Path<'a> {
        Path::Index(self, i)
    }

    fn write(&self, out: &mut String) {
        match *self {
            Path::Root => {}
            Path::Key(up, key) => {
                up.write(out);
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Path::Index(up, i) => {
                up.write(out);
                out.push('[');
                out.push_str(&i.to_string());
                out.push(']');
            }
        }
    }

    /// The path as `questions[3].cite[0].exact`.
    pub fn render(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }
}

/// Collects the diagnostics of reading one source text.
pub(crate) struct Reader<'s> {
    src: &'s str,
    /// Every problem found, in the order found.
    pub diags: Vec<Diagnostic>,
    /// How many problems were found (diagnostics may be taken out).
    pub errors: usize,
}

/// What a JSON value is, for "expected a string, found a number".
pub(crate) fn describe(v: &V) -> &'static str {
    match v {
        V::Null => "null",
        V::Bool(_) => "a boolean",
        V::Num(_) => "a number",
        V::Str(_) => "a string",
        V::Arr(_) => "an array",
        V::Obj(_) => "an object",
    }
}

impl<'s> Reader<'s> {
    pub fn new(src: &'s str) -> Self {
        Reader { src, diags: Vec::new(), errors: 0 }
    }

    /// Records an error at byte offset `at`.
    pub fn error(&mut self, code: Code, path: &Path, at: usize, message: String) {
        self.error_with(Diagnostic::error(code, path.render(), message), at);
    }

    fn error_with(&mut self, mut d: Diagnostic, at: usize) {
        super::set_pos(&mut d, self.src, at);
        self.diags.push(d);
        self.errors += 1;
    }

    /// "expected a string, found a number", at the value (or its key).
    pub fn wrong_type(&mut self, path: &Path, at: usize, expected: &str, found: &V) {
        let mut m = String::from("expected ");
        m.push_str(expected);
        m.push_str(", found ");
        m.push_str(describe(found));
        self.error(Code::JSON_TYPE, path, at, m);
    }

    /// The object at `v`, checking its keys against `fields`: unknown ones
    /// (with "did you mean") and repeated ones are errors.
    pub fn obj<'v, 'p>(
        &mut self,
        v: &'v Value<'v>,
        path: Path<'p>,
        at: usize,
        fields: &'static [&'static str],
    ) -> Option<Obj<'v, 'p>> {
        let o = self.open(v, path, at)?;
        let members = o.members;
        for (i, m) in members.iter().enumerate() {
            if !fields.contains(&&*m.key) {
                let help = match did_you_mean(&m.key, fields.iter().copied()) {
                    Some(best) => format!("did you mean `{best}`?"),
                    None if fields.is_empty() => {
                        "remove it: this object takes no fields".to_string()
                    }
                    None => {
                        let mut s = String::from("remove it, or use one of: ");
                        s.push_str(&fields.join(", "));
                        s
                    }
                };
                let d = Diagnostic::error(
                    Code::UNKNOWN_FIELD,
                    path.key(&m.key).render(),
                    format!("unknown field `{}`", m.key),
                )
                .with_help(help);
                self.error_with(d, m.at);
            } else if members.iter().take(i).any(|o| o.key == m.key) {
                let message = format!("duplicate field `{}`", m.key);
                self.error(Code::JSON_DUPLICATE_FIELD, &path.key(&m.key), m.at, message);
            }
        }
        Some(o)
    }

    /// The object at `v`, whatever its keys.
    pub fn open<'v, 'p>(
        &mut self,
        v: &'v Value<'v>,
        path: Path<'p>,
        at: usize,
    ) -> Option<Obj<'v, 'p>> {
        let V::Obj(members) = &v.v else {
            self.wrong_type(&path, at, "an object", &v.v);
            return None;
        };
        Some(Obj { members, path, end: v.end })
    }
}

/// An object being read.
pub(crate) struct Obj<'v, 'p> {
    members: &'v [Member<'v>],
    /// Its path.
    pub path: Path<'p>,
    end: usize,
}

impl<'v, 'p> Obj<'v, 'p> {
    /// The member `key`, if present.
    pub fn get(&self, key: &str) -> Option<&'v Member<'v>> {
        self.members.iter().find(|m| m.key == key)
    }

    /// A required member; missing is an error, positioned (as serde_json
    /// does) at the object's closing brace.
    pub fn need(&self, r: &mut Reader, key: &'static str) -> Option<&'v Member<'v>> {
        let m = self.get(key);
        if m.is_none() {
            let at = self.end.saturating_sub(1);
            // Several missing fields of one object make one diagnostic.
            let (line, column) = super::locate::line_col(r.src, at);
            if let Some(last) = r.diags.iter_mut().rev().find(|d| {
                d.code == Code::MISSING_FIELD.as_str()
                    && d.line == Some(line)
                    && d.column == Some(column)
            }) {
                if let Some(rest) = last.message.strip_prefix("missing field ") {
                    last.message = format!("missing fields {rest}");
                }
                last.message.push_str(", `");
                last.message.push_str(key);
                last.message.push('`');
                r.errors += 1;
                return None;
            }
            let d = Diagnostic::error(
                Code::MISSING_FIELD,
                self.path.render(),
                format!("missing field `{key}`"),
            )
            .with_help("add it; see the format in README.md or the JSON Schema in quiz-data/");
            r.error_with(d, at);
        }
        m
    }

    /// A member, `None` when absent or null (serde's reading of `Option`).
    fn opt(&self, key: &str) -> Option<&'v Member<'v>> {
        self.get(key).filter(|m| m.value.v != V::Null)
    }

    fn string(&self, r: &mut Reader, m: &Member) -> String {
        match &m.value.v {
            V::Str(s) => s.to_string(),
            other => {
                r.wrong_type(&self.path.key(&m.key), m.at, "a string", other);
                String::new()
            }
        }
    }

    /// A required string.
    pub fn str(&self, r: &mut Reader, key: &'static str) -> String {
        self.need(r, key).map(|m| self.string(r, m)).unwrap_or_default()
    }

    /// An optional string.
    pub fn opt_str(&self, r: &mut Reader, key: &str) -> Option<String> {
        self.opt(key).map(|m| self.string(r, m))
    }

    fn number(&self, r: &mut Reader, m: &Member) -> f64 {
        match m.value.v {
            V::Num(x) => x,
            ref other => {
                r.wrong_type(&self.path.key(&m.key), m.at, "a number", other);
                0.0
            }
        }
    }

    /// A required number.
    pub fn f64(&self, r: &mut Reader, key: &'static str) -> f64 {
        self.need(r, key).map_or(0.0, |m| self.number(r, m))
    }

    /// A number with a default when absent (but not when null, as in serde).
    pub fn f64_or(&self, r: &mut Reader, key: &str, default: f64) -> f64 {
        self.get(key).map_or(default, |m| self.number(r, m))
    }

    /// An optional number.
    pub fn opt_f64(&self, r: &mut Reader, key: &str) -> Option<f64> {
        self.opt(key).map(|m| self.number(r, m))
    }

    fn whole(&self, r: &mut Reader, m: &Member, max: f64) -> Option<f64> {
        match m.value.v {
            V::Num(x) if x >= 0.0 && x <= max && x.fract() == 0.0 => Some(x),
            ref other => {
                let expected = "a whole number, 0 or more";
                r.wrong_type(&self.path.key(&m.key), m.at, expected, other);
                None
            }
        }
    }

    /// An optional whole number up to `u32::MAX`.
    pub fn opt_u32(&self, r: &mut Reader, key: &str) -> Option<u32> {
        self.opt(key).and_then(|m| self.whole(r, m, f64::from(u32::MAX))).map(|x| x as u32)
    }

    /// A required whole number up to `u32::MAX`.
    pub fn u32(&self, r: &mut Reader, key: &'static str) -> u32 {
        self.need(r, key)
            .and_then(|m| self.whole(r, m, f64::from(u32::MAX)))
            .map_or(0, |x| x as u32)
    }

    /// A whole number up to `u32::MAX`, with a default when absent.
    pub fn u32_or(&self, r: &mut Reader, key: &str, default: u32) -> u32 {
        self.get(key).map_or(default, |m| {
            self.whole(r, m, f64::from(u32::MAX)).map_or(default, |x| x as u32)
        })
    }

    /// A required whole number that fits in memory offsets.
    pub fn usize(&self, r: &mut Reader, key: &'static str) -> usize {
        let max = 9_007_199_254_740_991.0;
        self.need(r, key).and_then(|m| self.whole(r, m, max)).map_or(0, |x| x as usize)
    }

    fn boolean(&self, r: &mut Reader, m: &Member) -> bool {
        match m.value.v {
            V::Bool(b) => b,
            ref other => {
                r.wrong_type(&self.path.key(&m.key), m.at, "true or false", other);
                false
            }
        }
    }

    /// A boolean with a default when absent.
    pub fn bool_or(&self, r: &mut Reader, key: &str, default: bool) -> bool {
        self.get(key).map_or(default, |m| self.boolean(r, m))
    }

    fn list<T>(
        &self,
        r: &mut Reader,
        m: &'v Member<'v>,
        mut each: impl FnMut(&mut Reader, &'v Value<'v>, Path) -> T,
    ) -> Vec<T> {
        let path = self.path.key(&m.key);
        let V::Arr(items) = &m.value.v else {
            r.wrong_type(&path, m.at, "an array", &m.value.v);
            return Vec::new();
        };
        items.iter().enumerate().map(|(i, v)| each(r, v, path.index(i))).collect()
    }

    /// A required array, each element read by `each` (given the element
    /// and its path).
    pub fn arr<T>(
        &self,
        r: &mut Reader,
        key: &'static str,
        each: impl FnMut(&mut Reader, &'v Value<'v>, Path) -> T,
    ) -> Vec<T> {
        self.need(r, key).map(|m| self.list(r, m, each)).unwrap_or_default()
    }

    /// An array that defaults to empty when absent.
    pub fn arr_or_empty<T>(
        &self,
        r: &mut Reader,
        key: &str,
        each: impl FnMut(&mut Reader, &'v Value<'v>, Path) -> T,
    ) -> Vec<T> {
        self.get(key).map(|m| self.list(r, m, each)).unwrap_or_default()
    }

    /// An optional array.
    pub fn opt_arr<T>(
        &self,
        r: &mut Reader,
        key: &str,
        each: impl FnMut(&mut Reader, &'v Value<'v>, Path) -> T,
    ) -> Option<Vec<T>> {
        self.opt(key).map(|m| self.list(r, m, each))
    }

    /// An optional member read by `read` (given the value, its path and
    /// the offset of its key).
    pub fn opt_with<T>(
        &self,
        r: &mut Reader,
        key: &str,
        read: impl FnOnce(&mut Reader, &'v Value<'v>, Path, usize) -> T,
    ) -> Option<T> {
        self.opt(key).map(|m| read(r, &m.value, self.path.key(&m.key), m.at))
    }

    /// A required member read by `read`.
    pub fn with<T>(
        &self,
        r: &mut Reader,
        key: &'static str,
        read: impl FnOnce(&mut Reader, &'v Value<'v>, Path, usize) -> T,
    ) -> Option<T> {
        self.need(r, key).map(|m| read(r, &m.value, self.path.key(&m.key), m.at))
    }
}

/// Checks a document's `format` member against `expected`: `Err(None)`
/// when it is absent or null, else `Err` of what it declares (a string's
/// text, any other value's JSON text), so that a later version's file is
/// reported as such rather than as a shape error.
pub(crate) fn declared_format(src: &str, o: &Obj, expected: &str) -> Result<(), Option<String>> {
    match o.get("format").map(|m| &m.value) {
        Some(Value { v: V::Str(f), .. }) if f == expected => Ok(()),
        Some(Value { v: V::Null, .. }) | None => Err(None),
        Some(Value { v: V::Str(f), .. }) => Err(Some(f.to_string())),
        Some(other) => Err(src.get(other.at..other.end).map(str::to_string)),
    }
}

/// A string element of an array.
pub(crate) fn str_item(r: &mut Reader, v: &Value, path: Path) -> String {
    match &v.v {
        V::Str(s) => s.to_string(),
        other => {
            r.wrong_type(&path, v.at, "a string", other);
            String::new()
        }
    }
}

/// Parses a whole document and reads it with `read`, which gets the tree
/// and a reader; every problem found is returned, syntax errors included
/// (characters after the value only when the value itself is fine).
///
/// # Errors
/// The diagnostics, in the order found.
pub(crate) fn document<T>(
    src: &str,
    read: impl FnOnce(&mut Reader, &Value) -> Option<T>,
) -> Result<T, Vec<Diagnostic>> {
    let (tree, trailing) =
        super::value::parse(src).map_err(|e| vec![syntax_diagnostic(src, &e)])?;
    let mut r = Reader::new(src);
    let value = read(&mut r, &tree);
    if r.errors > 0 {
        return Err(r.diags);
    }
    if let Some(e) = trailing {
        return Err(vec![syntax_diagnostic(src, &e)]);
    }
    value.ok_or_else(Vec::new)
}

/// A syntax error as a diagnostic.
pub(crate) fn syntax_diagnostic(src: &str, e: &super::value::SyntaxError) -> Diagnostic {
    let mut message = String::from("malformed JSON: ");
    message.push_str(e.message);
    let mut d = Diagnostic::error(Code::JSON_SYNTAX, e.path(), message)
        .with_help("fix the JSON at the line and column shown");
    super::set_pos(&mut d, src, e.at);
    d
}
