//! A JSON document handed over in pieces, split as it comes: the items of
//! the array under one member of the root object (a bank's `questions`)
//! go one by one to a callback as soon as each is whole, and the rest of
//! the document is kept as text with that array left empty. So a large
//! document need never be in memory whole (a Wasm module's memory never
//! shrinks).
//!
//! Only the layout a well-formed file has is followed (the array's items
//! objects, between them commas and whitespace); at anything else the
//! split gives up (`failed`), and the caller reads the whole text instead,
//! where the reader's diagnostics say where. Whether the items and the
//! rest are valid JSON is for the caller's parser to say: the split only
//! follows strings and nesting.

/// What a `Split` hands each item to: its index, text and tree; it says
/// whether to go on.
pub(crate) type Item<'a> = &'a mut dyn FnMut(usize, &str, &super::value::Value<'_>) -> bool;

/// Where the scan is.
#[derive(Clone, Copy, PartialEq)]
enum State {
    /// Before the array.
    Head,
    /// In the array, between items: `after` when an item has just ended
    /// (a `,` or the end is due), `next` when the end may come (after `[`).
    Between { after: bool, next: bool },
    /// In an item.
    Item,
    /// After the array.
    Tail,
    /// Given up.
    Failed,
}

/// The split of one document.
pub(crate) struct Split {
    /// The member's key, quoted: `"questions"`.
    key: &'static [u8],
    /// The most bytes it takes, and how many it has taken.
    max: usize,
    bytes: usize,
    /// How many items it has handed over.
    count: usize,
    /// The document's text but the array's items.
    head: Vec<u8>,
    /// The text of the item being received.
    item: Vec<u8>,
    state: State,
    /// Nesting depth outside strings; whether the scan is in a string, and
    /// just after a backslash in one.
    depth: usize,
    string: bool,
    escaped: bool,
}

impl Split {
    /// A split of the array under `key` (quoted, as in `"\"questions\""`)
    /// of a document of at most `max` bytes.
    pub(crate) fn new(key: &'static [u8], max: usize) -> Split {
        Split {
            key,
            max,
            bytes: 0,
            count: 0,
            head: Vec::new(),
            item: Vec::new(),
            state: State::Head,
            depth: 0,
            string: false,
            escaped: false,
        }
    }

    /// Whether it has given up.
    pub(crate) fn failed(&self) -> bool {
        self.state == State::Failed
    }

    /// How many items it has handed over.
    pub(crate) fn count(&self) -> usize {
        self.count
    }

    /// The next bytes; each item whole goes to `item` with its index, its
    /// text and its tree (an item that is not UTF-8 or not one JSON value
    /// is a reason to give up), and `item` says whether to go on.
    pub(crate) fn push(&mut self, bytes: &[u8], item: Item<'_>) {
        self.bytes += bytes.len();
        if self.bytes > self.max {
            self.state = State::Failed;
        }
        let mut count = self.count;
        self.scan(bytes, &mut |text: &[u8]| {
            let i = count;
            count += 1;
            let Ok(text) = std::str::from_utf8(text) else { return false };
            matches!(super::value::parse(text), Ok((v, None)) if item(i, text, &v))
        });
        self.count = count;
    }

    fn scan(&mut self, bytes: &[u8], item: &mut dyn FnMut(&[u8]) -> bool) {
        let mut rest = bytes;
        while let Some((&b, after)) = rest.split_first() {
            if self.state == State::Failed {
                return;
            }
            // A run of bytes that changes neither strings nor nesting is
            // copied whole: most of a bank is text inside strings.
            let plain = |c: &u8| match (self.string, self.escaped) {
                (true, false) => !matches!(c, b'"' | b'\\'),
                (true, true) => false,
                (false, _) => !matches!(c, b'"' | b'{' | b'}' | b'[' | b']'),
            };
            let run = rest.iter().position(|c| !plain(c)).unwrap_or(rest.len());
            let buf = match self.state {
                State::Head | State::Tail => Some(&mut self.head),
                State::Item => Some(&mut self.item),
                _ => None,
            };
            if let (Some(buf), Some(text)) = (buf, rest.get(..run).filter(|t| !t.is_empty())) {
                buf.extend_from_slice(text);
                rest = rest.get(run..).unwrap_or_default();
                continue;
            }
            self.byte(b, item);
            rest = after;
        }
    }

    fn byte(&mut self, b: u8, item: &mut dyn FnMut(&[u8]) -> bool) {
        let structural = !self.string;
        if self.string {
            if self.escaped {
                self.escaped = false;
            } else if b == b'\\' {
                self.escaped = true;
            } else if b == b'"' {
                self.string = false;
            }
        } else if b == b'"' {
            self.string = true;
        }
        match self.state {
            State::Head | State::Tail => {
                let opens = structural && b == b'[' && self.depth == 1;
                if opens && self.state == State::Head && self.after_key() {
                    self.head.push(b);
                    self.depth += 1;
                    self.state = State::Between { after: false, next: true };
                    return;
                }
                self.head.push(b);
                if structural {
                    self.nest(b);
                }
            }
            State::Between { after, next } => match b {
                b' ' | b'\t' | b'\n' | b'\r' => {}
                b'{' if !after => {
                    self.item.clear();
                    self.item.push(b);
                    self.depth += 1;
                    self.state = State::Item;
                }
                b',' if after => self.state = State::Between { after: false, next: false },
                b']' if after || next => {
                    self.head.push(b);
                    self.depth -= 1;
                    self.state = State::Tail;
                }
                _ => self.state = State::Failed,
            },
            State::Item => {
                self.item.push(b);
                if structural {
                    self.nest(b);
                }
                if self.depth == 2 {
                    self.state = State::Between { after: true, next: false };
                    if !item(&self.item) {
                        self.state = State::Failed;
                    }
                }
            }
            State::Failed => {}
        }
    }

    /// Follows the nesting at a byte outside strings.
    fn nest(&mut self, b: u8) {
        match b {
            b'{' | b'[' => self.depth += 1,
            b'}' | b']' => match self.depth.checked_sub(1) {
                Some(d) => self.depth = d,
                None => self.state = State::Failed,
            },
            _ => {}
        }
    }

    /// Whether the text so far ends with the key and its colon (JSON
    /// whitespace allowed around the colon).
    fn after_key(&self) -> bool {
        let ws = |b: &u8| matches!(b, b' ' | b'\t' | b'\n' | b'\r');
        let trim = |s: &[u8]| -> usize {
            let mut end = s.len();
            while end > 0 && s.get(end - 1).is_some_and(ws) {
                end -= 1;
            }
            end
        };
        let Some(rest) = self.head.get(..trim(&self.head)).and_then(|h| h.strip_suffix(b":"))
        else {
            return false;
        };
        rest.get(..trim(rest)).is_some_and(|h| h.ends_with(self.key))
    }

    /// The document's text with the array empty, if the scan ended where
    /// a document does (after the array, outside any string or nesting).
    pub(crate) fn finish(self) -> Option<String> {
        if self.state != State::Tail || self.string || self.depth != 0 {
            return None;
        }
        String::from_utf8(self.head).ok()
    }
}
