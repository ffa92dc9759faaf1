//! The registry of diagnostic codes: every code the crate reports, with
//! the severity it is reported at and what it means.
//!
//! Invariant: a `Diagnostic` can only carry a code from this list, since
//! `Code`'s field is private and its only values are the constants below.
//! README.md's table of codes is generated from `ALL` (`tests/codes.rs`
//! fails when they differ; `UPDATE_EXPECT=1 cargo test --test codes`
//! rewrites the table).
//!
//! To add a code, add one line to the group it belongs to (or a new
//! group): `CONSTANT = "kebab-name", Severity: "what it means.";`. The
//! meanings are only in `ALL`, which the Wasm never reads, so they cost it
//! nothing.

use super::Severity;

/// A diagnostic's code: a stable, kebab-case name such as `unknown-field`.
/// Tools match on it, so a code's name never changes once released.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Code(&'static str);

impl Code {
    /// The code as written in diagnostics, such as `unknown-field`.
    pub const fn as_str(self) -> &'static str {
        self.0
    }
}

/// One code of the registry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    /// The code.
    pub code: Code,
    /// The severity it is reported at.
    pub severity: Severity,
    /// What it means, in one sentence (README's table).
    pub meaning: &'static str,
}

macro_rules! registry {
    ($($konst:ident = $name:literal, $severity:ident: $meaning:literal;)*) => {
        impl Code {
            $(
                #[doc = $meaning]
                pub const $konst: Code = Code($name);
            )*
        }

        /// Every code, in the README's order.
        pub const ALL: &[Entry] = &[
            $(Entry { code: Code::$konst, severity: Severity::$severity, meaning: $meaning },)*
        ];
    };
}

registry! {
    // Reading JSON: any file citequiz reads (banks, articles, saved progress,
    // responses).
    JSON_SYNTAX = "json-syntax", Error:
        "The file is not well-formed JSON.";
    JSON_TYPE = "json-type", Error:
        "A value has the wrong type: a string where a number belongs, an `answer` of the wrong kind.";
    JSON_DUPLICATE_FIELD = "json-duplicate-field", Error:
        "An object names the same field twice.";
    MISSING_FIELD = "missing-field", Error:
        "A required field is missing, or a question lacks a field its kind needs.";
    UNKNOWN_FIELD = "unknown-field", Error:
        "A field the format does not have (often a typo: the help suggests the nearest name).";
    IO = "io", Error:
        "A file cannot be read.";

    // Banks: the bank as a whole.
    UNKNOWN_FORMAT = "unknown-format", Error:
        "The bank's `format` is not `citequiz-bank/1`, the one this version reads; named before anything else.";
    TOO_LARGE = "too-large", Error:
        "A bank, or a file to import, is larger than accepted (see Limits).";
    TOO_MANY_QUESTIONS = "too-many-questions", Error:
        "A bank, or a GIFT or Aiken file to import, has more questions than accepted (see Limits).";
    NO_QUESTIONS = "no-questions", Error:
        "The bank has no questions.";

    // Banks: questions and their fields.
    UNKNOWN_KIND = "unknown-kind", Error:
        "A question's `kind` is not one of the kinds.";
    WRONG_KIND_FIELD = "wrong-kind-field", Error:
        "A question has a field of another kind, which would be ignored.";
    DUPLICATE_ID = "duplicate-id", Error:
        "Two questions, options, items or answers share an id.";
    BAD_ID = "bad-id", Error:
        "An id is too long (see Limits) or contains whitespace.";
    EMPTY = "empty", Error:
        "A text that must say something (prompt, explanation, option, hint, quote, id) is empty.";
    TOO_LONG = "too-long", Error:
        "A text is longer than accepted (see Limits).";
    OUT_OF_RANGE = "out-of-range", Error:
        "A number is outside its range (`pass_percent`, `try_penalty`, `tries`, `points`, a penalty, a tolerance).";
    TOO_FEW = "too-few", Error:
        "A list has fewer entries than its question needs (options, items, answers, accepted answers).";
    TOO_MANY = "too-many", Error:
        "A list has more entries than accepted (options, items, quotes, citations; see Limits).";
    UNKNOWN_REF = "unknown-ref", Error:
        "An answer or pair names an id that no option or item has.";
    DUPLICATE_PAIR = "duplicate-pair", Error:
        "A matching question pairs a left item twice.";
    UNPAIRED = "unpaired", Error:
        "A matching question leaves a left item without a pair.";
    NO_GAPS = "no-gaps", Error:
        "A fill_blank question's `text` has no `{}` gap.";
    GAP_COUNT = "gap-count", Error:
        "A fill_blank question's `text` and `gaps` count different numbers of gaps.";
    HINT_PENALTIES = "hint-penalties", Warning:
        "A question's hints cost more than the whole question.";

    // Banks: citations.
    NO_CITATION = "no-citation", Error:
        "A question cites nothing.";
    CITE_NOT_FOUND = "cite-not-found", Error:
        "A quote is not in the article (the help shows the nearest passage).";
    CITE_APPROXIMATE = "cite-approximate", Warning:
        "A quote matches the article only approximately (the message shows the text it matched).";
    NO_TARGET = "no-target", Error:
        "An evidence question's citations cover no sentence.";
    SUGGESTED_CITE = "suggested-cite", Warning:
        "A citation `citequiz suggest --write` proposed is still marked `\"suggested\": true`: check it, then remove the mark.";

    // Articles.
    BAD_FORMAT = "bad-format", Error:
        "The article's `format` is not the one this version reads.";
    EMPTY_FIELD = "empty-field", Error:
        "An article's id, title, author, publisher or a related article's title is empty.";
    BAD_DATE = "bad-date", Error:
        "An article's `date` is not a YYYY-MM-DD date.";
    BAD_URL = "bad-url", Error:
        "An address is not an absolute http(s) URL.";
    NO_PARAGRAPHS = "no-paragraphs", Error:
        "The article has no paragraphs.";
    EMPTY_PARAGRAPH = "empty-paragraph", Error:
        "A paragraph is empty.";
    BAD_RELATED = "bad-related", Error:
        "A related article is placed after a paragraph the article does not have.";

    // Importing an article (`citequiz article import`, `author::import`).
    IMPORT_FORMAT = "import-format", Error:
        "The source's format cannot be told: name an article's source .html, .md or .txt, a question file .gift or .aiken, or give `--from`.";
    EMPTY_SOURCE = "empty-source", Error:
        "The source file is empty.";
    BINARY_SOURCE = "binary-source", Error:
        "A file is binary data (a PDF, an image, an archive), not a bank, article, web page or text.";
    WRONG_ENCODING = "wrong-encoding", Error:
        "A bank, article, plain text or Markdown file is not UTF-8 text (the first bad byte is named).";
    NO_ARTICLE = "no-article", Error:
        "Readability found no article in the page (under 140 characters of main text).";
    MISSING_METADATA = "missing-metadata", Error:
        "Neither the source nor the options give the article's title, author, date, publisher or address.";
    BAD_LANGUAGE = "bad-language", Error:
        "The article's language is not a well-formed BCP 47 tag.";
    BAD_FRONT_MATTER = "bad-front-matter", Error:
        "A Markdown file's front matter is not a YAML mapping.";
    UNKNOWN_FRONT_MATTER = "unknown-front-matter", Warning:
        "The front matter has keys the import does not read.";
    BROKEN_PARAGRAPH = "broken-paragraph", Warning:
        "A paragraph ends mid-sentence and the next goes on with it (`--join-broken` joins them).";
    LEFT_OUT = "left-out", Warning:
        "Headings, figures, tables or code were left out of the imported article, which keeps paragraphs only.";
    UNREAD_DATE = "unread-date", Warning:
        "The source's date is in a form the import cannot read: give `--date`.";
    UNREAD_URL = "unread-url", Warning:
        "The address at the end of a plain text has spaces in it: give `--url`.";
    GUESSED_CHARSET = "guessed-charset", Warning:
        "A page declares no charset and is not UTF-8: it was read as windows-1252.";
    BAD_CHARSET = "bad-charset", Warning:
        "Some bytes of a page are not valid in the charset it declares.";
    CHARSET_MISMATCH = "charset-mismatch", Warning:
        "A page declares a legacy charset but is UTF-8 (as saved pages often are): it was read as UTF-8.";
    INTERNAL = "internal", Error:
        "Something that should not happen did (a serializer failed): please report it.";

    // Questions from and to other formats (`citequiz import gift|aiken`,
    // `author::gift::write`).
    GIFT_SYNTAX = "gift-syntax", Error:
        "A GIFT file does not parse (an unclosed `{` or `::`, a stray `}`, a bad number or weight, `->` outside a matching question): nothing is written.";
    AIKEN_SYNTAX = "aiken-syntax", Error:
        "An Aiken file does not parse (a question without options or `ANSWER:`, an answer letter no option has): nothing is written.";
    NOT_CONVERTED = "not-converted", Warning:
        "A question the other format cannot hold was left out (an essay or a description on import; ordering, evidence, two_part or a fill_blank with several gaps on GIFT export).";
    FORMAT_LOSS = "format-loss", Warning:
        "Part of a question cannot be said in the other format (partial credit, a weight, a per-answer feedback, an unknown text format): the rest was kept.";
    PLACEHOLDER_EXPLANATION = "placeholder-explanation", Warning:
        "An explanation is still the placeholder an import (a question without general feedback) or `citequiz new` wrote: replace it.";
    RENAMED_ID = "renamed-id", Warning:
        "Two imported questions would have had the same id: the later one was renamed.";

    // Responses (the headless API's `answer`, saved progress).
    RESPONSE_FIELD = "response-field", Error:
        "A response lacks the field its question's kind needs.";

    // Item-writing checks (`bank::lint`): what lets a learner answer
    // without reading.
    LONGEST_ANSWER = "longest-answer", Warning:
        "The keyed option is clearly the longest of its set, or across the bank the longest option is keyed far more often than chance.";
    ANSWER_ECHO = "answer-echo", Warning:
        "Part B's keyed quote repeats Part A's key, or the key repeats the prompt's words while the distractors don't.";
    DUPLICATE_OPTION = "duplicate-option", Warning:
        "Two options, quotes or items are equal once case, spacing, hyphens and punctuation are set aside.";
    ALL_OF_THE_ABOVE = "all-of-the-above", Warning:
        "An option is \"all of the above\", \"none of the above\" or kin.";
    ANSWER_REVEALED = "answer-revealed", Warning:
        "A question's visible text gives away another question's answer, and is shown first.";
    HINT_GIVES_ANSWER = "hint-gives-answer", Warning:
        "A hint contains the answer.";
    KEY_POSITION = "key-position", Warning:
        "Options are not shuffled and one position holds the key far more often than chance.";
    ABSOLUTES_AND_HEDGES = "absolutes-and-hedges", Warning:
        "Only the key hedges (\"may\", \"probably\"), or every distractor is absolute (\"always\", \"never\") and the key is not.";

    // `citequiz export`.
    EXPORT_NEAREST_TYPE = "export-nearest-type", Warning:
        "The export format has no type for a question's kind: it was written as the nearest type (the message says which).";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_kebab_case_and_described() {
        for (i, e) in ALL.iter().enumerate() {
            let name = e.code.as_str();
            assert!(
                !name.is_empty()
                    && !name.starts_with('-')
                    && !name.ends_with('-')
                    && name.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
                "{name} is not kebab-case"
            );
            assert!(ALL.iter().take(i).all(|f| f.code != e.code), "{name} is listed twice");
            assert!(e.meaning.ends_with('.'), "{name}: say what it means in a sentence");
        }
    }
}
