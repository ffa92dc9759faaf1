//! Telling text from what is not: binary data, and bytes that are not
//! UTF-8, named with where the first bad byte is. The bank and article
//! loader and the importers (articles, GIFT and Aiken) share it.

use crate::diag::{Code, Diagnostic};

/// The first byte of a file that is not UTF-8: its value, byte offset, and
/// line and column (in characters, as diagnostics count them).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct BadByte {
    /// The byte.
    pub value: u8,
    /// Its offset in the file.
    pub offset: usize,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
}

impl BadByte {
    /// Where `bytes` stop being UTF-8, if they do.
    pub fn first(bytes: &[u8]) -> Option<BadByte> {
        let offset = std::str::from_utf8(bytes).err()?.valid_up_to();
        // Everything before `offset` is valid UTF-8.
        let before = std::str::from_utf8(&bytes[..offset]).unwrap_or_default();
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        Some(BadByte {
            value: bytes[offset],
            offset,
            line: before.matches('\n').count() + 1,
            column: before[line_start..].chars().count() + 1,
        })
    }
}

/// What kind of binary data `bytes` are, if they are not text: a known file
/// signature, or NUL bytes in their first 8,000 (as Git decides). UTF-16
/// text (with its byte-order mark) has NULs too but is text.
pub fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    const SIGNATURES: &[(&[u8], &str)] = &[
        (b"%PDF-", "a PDF document"),
        (b"PK\x03\x04", "a zip archive, such as a .docx or .epub"),
        (b"\xD0\xCF\x11\xE0", "an old Microsoft Office document"),
        (b"\x89PNG", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"\x1F\x8B", "gzip-compressed data"),
    ];
    if let Some((_, kind)) = SIGNATURES.iter().find(|(sig, _)| bytes.starts_with(sig)) {
        return Some(kind);
    }
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return None;
    }
    bytes.iter().take(8000).any(|&b| b == 0).then_some("it has NUL bytes")
}

/// The error for `bytes` (named `what` in the message: "the bank b.json",
/// "q.gift") that are not UTF-8: the first bad byte, its line and column
/// (set on the diagnostic, so that the report shows the line), and `help`.
pub fn not_utf8(bytes: &[u8], what: &str, help: &str) -> Diagnostic {
    let bad = BadByte::first(bytes).unwrap_or_default();
    let mut d = Diagnostic::error(
        Code::WRONG_ENCODING,
        "",
        format!(
            "{what} is not UTF-8 text: its first bad byte, 0x{:02X}, is at line {}, column {} (byte {})",
            bad.value, bad.line, bad.column, bad.offset
        ),
    )
    .with_help(help);
    d.line = Some(bad.line);
    d.column = Some(bad.column);
    d
}
