//! Finding where a JSON path stands in a source text, for diagnostics.
//!
//! A check knows *which* value is wrong (a path); authors need *where* it
//! is (line and column). This is a small scanner over the raw text, run only
//! when a diagnostic needs a position, so clean banks never pay for it.

/// One step of a JSON path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// An object member.
    Key(String),
    /// An array element.
    Index(usize),
}

/// Splits `questions[3].cite[0].exact` into steps. A path that does not
/// parse gives the steps up to the problem.
pub fn parse_path(path: &str) -> Vec<Step> {
    let mut steps = Vec::new();
    for part in path.split('.') {
        let mut rest = part;
        if let Some(bracket) = rest.find('[') {
            let key = &rest[..bracket];
            if !key.is_empty() {
                steps.push(Step::Key(key.to_string()));
            }
            rest = &rest[bracket..];
            while let Some(stripped) = rest.strip_prefix('[') {
                let Some(close) = stripped.find(']') else { return steps };
                let Ok(i) = stripped[..close].parse() else { return steps };
                steps.push(Step::Index(i));
                rest = &stripped[close + 1..];
            }
        } else if !rest.is_empty() {
            steps.push(Step::Key(rest.to_string()));
        }
    }
    steps
}

/// The byte offset in `src` of the value at `steps` (of its key, when the
/// last step is a key); as deep as the path could be followed.
pub fn locate(src: &str, steps: &[Step]) -> usize {
    let b = src.as_bytes();
    let mut pos = skip_ws(b, 0);
    let mut found = pos;
    for step in steps {
        match (b.get(pos), step) {
            (Some(b'{'), Step::Key(want)) => {
                let Some((key_pos, value_pos)) = find_member(b, pos, want) else {
                    return found;
                };
                found = key_pos;
                pos = value_pos;
            }
            (Some(b'['), Step::Index(i)) => {
                let Some(value_pos) = find_element(b, pos, *i) else { return found };
                found = value_pos;
                pos = value_pos;
            }
            _ => return found,
        }
    }
    found
}

/// 1-based line and column (in chars) of a byte offset.
pub fn line_col(src: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(src.len());
    while !src.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = src.get(..offset).unwrap_or(src);
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = before.get(line_start..).map_or(0, |s| s.chars().count()) + 1;
    (line, col)
}

fn skip_ws(b: &[u8], mut pos: usize) -> usize {
    while matches!(b.get(pos), Some(b' ' | b'\t' | b'\n' | b'\r')) {
        pos += 1;
    }
    pos
}

/// Skips a string starting at its opening quote; returns the offset after it.
fn skip_string(b: &[u8], mut pos: usize) -> usize {
    pos += 1;
    while let Some(&c) = b.get(pos) {
        match c {
            b'\\' => pos += 2,
            b'"' => return pos + 1,
            _ => pos += 1,
        }
    }
    pos
}

/// Skips any value; returns the offset after it.
fn skip_value(b: &[u8], pos: usize) -> usize {
    let mut pos = skip_ws(b, pos);
    let mut depth = 0usize;
    while let Some(&c) = b.get(pos) {
        match c {
            b'"' => {
                pos = skip_string(b, pos);
                if depth == 0 {
                    return pos;
                }
                continue;
            }
            b'{' | b'[' => depth += 1,
            b'}' | b']' => {
                if depth == 0 {
                    return pos;
                }
                depth -= 1;
                if depth == 0 {
                    return pos + 1;
                }
            }
            b',' if depth == 0 => return pos,
            _ => {}
        }
        pos += 1;
    }
    pos
}

/// In the object at `pos`, the offsets of the key `want` and of its value.
fn find_member(b: &[u8], pos: usize, want: &str) -> Option<(usize, usize)> {
    let mut pos = skip_ws(b, pos + 1);
    while b.get(pos) == Some(&b'"') {
        let key_pos = pos;
        let key_end = skip_string(b, pos);
        let key = b.get(key_pos + 1..key_end.saturating_sub(1))?;
        pos = skip_ws(b, key_end);
        if b.get(pos) != Some(&b':') {
            return None;
        }
        let value_pos = skip_ws(b, pos + 1);
        if key == want.as_bytes() {
            return Some((key_pos, value_pos));
        }
        pos = skip_ws(b, skip_value(b, value_pos));
        if b.get(pos) != Some(&b',') {
            return None;
        }
        pos = skip_ws(b, pos + 1);
    }
    None
}

/// In the array at `pos`, the offset of element `index`.
fn find_element(b: &[u8], pos: usize, index: usize) -> Option<usize> {
    let mut pos = skip_ws(b, pos + 1);
    for _ in 0..index {
        if matches!(b.get(pos), Some(b']') | None) {
            return None;
        }
        pos = skip_ws(b, skip_value(b, pos));
        if b.get(pos) != Some(&b',') {
            return None;
        }
        pos = skip_ws(b, pos + 1);
    }
    (!matches!(b.get(pos), Some(b']') | None)).then_some(pos)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SRC: &str = "{\n  \"id\": \"b\",\n  \"questions\": [\n    {\"id\": \"q1\", \"cite\": [{\"exact\": \"a \\\"b\\\" c\"}]},\n    {\"id\": \"q2\", \"cite\": [{\"exact\": \"x\"}, {\"exact\": \"y\"}]}\n  ]\n}";

    fn check(path: &str, expected: (usize, usize)) {
        let at = locate(SRC, &parse_path(path));
        assert_eq!(line_col(SRC, at), expected, "{path}");
    }

    #[test]
    fn finds_keys_and_elements() {
        check("id", (2, 3));
        check("questions", (3, 3));
        check("questions[0]", (4, 5));
        check("questions[1].cite[1].exact", (5, 44));
        check("questions[1].cite[1]", (5, 43));
        check("questions[0].cite[0].exact", (4, 28));
    }

    #[test]
    fn stops_at_the_deepest_step_it_can_follow() {
        check("questions[7].id", (3, 3));
        check("questions[1].nothing", (5, 5));
        check("", (1, 1));
    }

    #[test]
    fn paths_parse() {
        assert_eq!(
            parse_path("questions[3].cite[0].exact"),
            vec![
                Step::Key("questions".into()),
                Step::Index(3),
                Step::Key("cite".into()),
                Step::Index(0),
                Step::Key("exact".into())
            ]
        );
        assert_eq!(
            parse_path("a[1][2]"),
            vec![Step::Key("a".into()), Step::Index(1), Step::Index(2)]
        );
    }
}
