//! A reading laid out by someone else: the text of a host page's element,
//! given as its text chunks in document order with the block breaks between
//! them, made searchable by the article's own matcher.
//!
//! The web shell walks the DOM and hands over each text node's data as a
//! `Piece::Text` and each block boundary (a paragraph, a heading, a list
//! item, `<br>`) as a `Piece::Break`; inline markup (`<em>`, a link)
//! contributes no piece, so the words on either side of it join as they
//! read. `HostText` joins the pieces (a break is a newline, which folding
//! turns into one space like any whitespace run), folds the result with the
//! article's `Normalizer`, and anchors selectors in it with `article::anchor`,
//! the matcher `check` uses. A span it finds maps back to chunk positions:
//! the chunk's index and a UTF-16 offset inside it, what a DOM `Range`
//! takes.
//!
//! Invariant: this module knows nothing about the DOM; a chunk is only its
//! index in the order the pieces came.

use super::{AnchorResult, NormText, Normalizer, Selector, Span, anchor};

/// One piece of a host's reading, in document order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Piece<'a> {
    /// A text node's data.
    Text(&'a str),
    /// A block boundary: reads as whitespace, belongs to no chunk.
    Break,
}

/// A position inside a chunk: the chunk's index among the `Piece::Text`s
/// (counted from 0, empty ones included) and a UTF-16 offset into its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChunkPos {
    /// Which text chunk.
    pub chunk: usize,
    /// UTF-16 code units from the chunk's start.
    pub utf16: usize,
}

/// Where one chunk stands in the joined text.
#[derive(Debug, Clone, Copy)]
struct Chunk {
    /// First char, in the joined text.
    start: usize,
    /// One past the last char.
    end: usize,
    /// `start` in UTF-16 units.
    start_utf16: usize,
}

/// A host's reading: the joined text, folded, and where each chunk is in it.
#[derive(Debug, Clone)]
pub struct HostText {
    norm: NormText,
    chunks: Vec<Chunk>,
}

impl HostText {
    /// Joins `pieces` (a break becomes a newline, only between text) and
    /// folds the result with `normalizer`, which should be the article's
    /// (`Article::norm().normalizer()`), so that quotes fold the same way.
    ///
    /// # Example
    /// ```
    /// use citequiz::article::{HostText, Normalizer, Piece, Selector};
    /// let pieces = [Piece::Text("It may lie "), Piece::Text("not"), Piece::Text(" here."),
    ///               Piece::Break, Piece::Text("Next.")];
    /// let host = HostText::new(pieces, Normalizer::basic());
    /// let found = host.anchor(&Selector::exact("lie not here. Next"));
    /// let span = found.found().ok_or("not found")?.span;
    /// let (start, end) = host.locate(&span).ok_or("no chunk")?;
    /// assert_eq!((start.chunk, start.utf16, end.chunk, end.utf16), (0, 7, 3, 4));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new<'a>(pieces: impl IntoIterator<Item = Piece<'a>>, normalizer: Normalizer) -> Self {
        let mut text = String::new();
        let mut chunks = Vec::new();
        let (mut chars, mut utf16) = (0, 0);
        let mut pending_break = false;
        for piece in pieces {
            match piece {
                Piece::Break => pending_break = true,
                Piece::Text(s) => {
                    // A break only matters between two texts; empty chunks
                    // keep it pending.
                    if pending_break && !s.is_empty() && !text.is_empty() {
                        text.push('\n');
                        chars += 1;
                        utf16 += 1;
                    }
                    if !s.is_empty() {
                        pending_break = false;
                    }
                    let start = chars;
                    let start_utf16 = utf16;
                    for c in s.chars() {
                        chars += 1;
                        utf16 += c.len_utf16();
                    }
                    text.push_str(s);
                    chunks.push(Chunk { start, end: chars, start_utf16 });
                }
            }
        }
        HostText { norm: normalizer.map(&text), chunks }
    }

    /// The joined text (chunks and the newlines of breaks).
    pub fn text(&self) -> &str {
        self.norm.original_text()
    }

    /// The joined text of a span (as `locate` would read it from the chunks,
    /// with the newline of a break where the span crosses one).
    pub fn slice(&self, span: &Span) -> String {
        self.norm.slice(span)
    }

    /// Anchors a selector in the joined text with `article::anchor`: exact,
    /// then approximate, as `check` anchors it in the article.
    pub fn anchor(&self, selector: &Selector) -> AnchorResult {
        anchor(&self.norm, selector)
    }

    /// The chunk positions where a span of the joined text starts and ends:
    /// the start in the chunk that holds its first char, the end in the
    /// chunk that holds its last. None for an empty span or one outside
    /// every chunk.
    pub fn locate(&self, span: &Span) -> Option<(ChunkPos, ChunkPos)> {
        if span.start >= span.end {
            return None;
        }
        let first = self.chunks.iter().position(|c| c.start <= span.start && span.start < c.end)?;
        let last = self.chunks.iter().rposition(|c| c.start < span.end && span.end <= c.end)?;
        let at = |i: usize, utf16: usize| {
            let c = self.chunks.get(i)?;
            Some(ChunkPos { chunk: i, utf16: utf16.checked_sub(c.start_utf16)? })
        };
        Some((at(first, span.start_utf16)?, at(last, span.end_utf16)?))
    }

    /// The char offset in the joined text of a chunk position (a caret the
    /// learner clicked), clamped to the chunk; None for an unknown chunk.
    pub fn offset(&self, pos: ChunkPos) -> Option<usize> {
        let c = self.chunks.get(pos.chunk)?;
        let target = c.start_utf16 + pos.utf16;
        // The first char of the chunk at or after the caret's UTF-16 offset.
        let (mut lo, mut hi) = (c.start, c.end);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if self.norm.utf16_offset(mid) < target {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        Some(lo)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::AnchorResult;

    /// Anchors `quote` in `pieces` and checks the chunk positions and the
    /// text between them, read back from the pieces as a DOM Range would.
    fn check(
        pieces: &[Piece<'_>],
        quote: &str,
        expected: Option<(usize, usize, usize, usize, &str)>,
    ) {
        let host = HostText::new(pieces.iter().copied(), Normalizer::unicode());
        let AnchorResult::Found(found) = host.anchor(&Selector::exact(quote)) else {
            assert_eq!(expected, None, "{quote:?} did not anchor in {:?}", host.text());
            return;
        };
        let (a, b) = host.locate(&found.span).expect("a found span lies in the chunks");
        let texts: Vec<&str> = pieces
            .iter()
            .filter_map(|p| if let Piece::Text(t) = p { Some(*t) } else { None })
            .collect();
        let utf16 = |i: usize| texts[i].encode_utf16().collect::<Vec<u16>>();
        let mut read = Vec::new();
        for i in a.chunk..=b.chunk {
            let u = utf16(i);
            let from = if i == a.chunk { a.utf16 } else { 0 };
            let to = if i == b.chunk { b.utf16 } else { u.len() };
            read.extend_from_slice(&u[from..to]);
        }
        let read = String::from_utf16(&read).expect("whole chars");
        assert_eq!(Some((a.chunk, a.utf16, b.chunk, b.utf16, read.as_str())), expected);
    }

    #[test]
    fn inline_markup_joins_words_and_breaks_separate_them() {
        use Piece::{Break, Text};
        // "may lie <em>not</em> in": three text nodes.
        let em = [Text("It may lie "), Text("not"), Text(" in Russia.")];
        check(&em, "lie not in", Some((0, 7, 2, 3, "lie not in")));
        // A paragraph the host split in two: the break reads as a space.
        let split = [Break, Text("First half,"), Break, Break, Text("second half."), Break];
        check(&split, "half, second", Some((0, 6, 1, 6, "half,second")));
        // Two blocks never run their words together.
        let blocks = [Text("end"), Break, Text("start")];
        check(&blocks, "end start", Some((0, 0, 1, 5, "endstart")));
        assert_eq!(HostText::new(blocks, Normalizer::unicode()).text(), "end\nstart");
        // Whitespace runs and newlines of the host's source fold like the article's.
        check(&[Text("a  \n  fine\tday")], "a fine day", Some((0, 0, 0, 14, "a  \n  fine\tday")));
    }

    #[test]
    fn spans_start_and_end_inside_chunks() {
        use Piece::{Break, Text};
        // The quote ends a chunk and the next begins after a break: the end
        // is the first chunk's end, not the next chunk's start.
        let p = [Text("One two."), Break, Text(""), Text("Three.")];
        check(&p, "One two.", Some((0, 0, 0, 8, "One two.")));
        check(&p, "Three", Some((2, 0, 2, 5, "Three")));
        // An empty chunk between two texts keeps its index.
        check(&[Text("ab"), Text(""), Text("cd")], "bc", Some((0, 1, 2, 1, "bc")));
    }

    #[test]
    fn offsets_count_utf16_units_per_chunk() {
        use Piece::Text;
        let p = [Text("\u{1F600} smile "), Text("caf\u{e9} \u{201C}ok\u{201D}")];
        check(
            &p,
            "smile caf\u{e9} \"ok\"",
            Some((0, 3, 1, 9, "smile caf\u{e9} \u{201C}ok\u{201D}")),
        );
        let host = HostText::new(p, Normalizer::unicode());
        // A caret after the emoji (2 units) is char 1; one in the second chunk too.
        assert_eq!(host.offset(ChunkPos { chunk: 0, utf16: 2 }), Some(1));
        assert_eq!(host.offset(ChunkPos { chunk: 1, utf16: 3 }), Some(11));
        assert_eq!(
            host.offset(ChunkPos { chunk: 1, utf16: 99 }),
            Some(host.text().chars().count())
        );
        assert_eq!(host.offset(ChunkPos { chunk: 2, utf16: 0 }), None);
    }

    #[test]
    fn an_edited_sentence_anchors_approximately_or_not_at_all() {
        use Piece::Text;
        let p = [Text(
            "Neither side wishes to risk getting pulled into a big conflict over its partner.",
        )];
        let host = HostText::new(p, Normalizer::unicode());
        let near =
            "Neither side wishes to risk getting drawn into a major conflict over its partner.";
        assert!(matches!(host.anchor(&Selector::exact(near)), AnchorResult::Found(a) if !a.exact));
        let far = "Moscow and Beijing are well aware that an alliance would cost them.";
        assert!(host.anchor(&Selector::exact(far)).found().is_none());
        let empty = HostText::new([], Normalizer::unicode());
        assert!(empty.anchor(&Selector::exact(near)).found().is_none());
        assert_eq!(empty.locate(&Span { start: 0, end: 1, start_utf16: 0, end_utf16: 1 }), None);
    }
}
