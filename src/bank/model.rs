//! The checked bank: what `Bank::load` builds once every rule holds.
//!
//! Invariants, held by construction (private fields, one constructor):
//! question ids are unique and non-empty; every answer names an existing
//! option, item or quote; matching pairs cover each left item once; every
//! citation (and every Part B quote) anchors in the article; points are
//! positive and finite; penalties lie in 0..=1.

use super::raw::{ChoiceOption, Gap, Hint, Item, Kind, PartA, PartB, TrueFalseFeedback};
use crate::article::{Article, Selector, Span};
use serde::Serialize;

/// A citation resolved in the article.
///
/// Serialized with `text` as a field (camelCase), as its fields are.
#[derive(Debug, Clone, PartialEq)]
pub struct Citation {
    /// The selector as the bank wrote it.
    pub selector: Selector,
    /// Where it anchored in the article's body.
    pub span: Span,
    /// The article's own text of that span, when it differs from the
    /// selector's `exact` (an approximate match); None when they are the
    /// same, which is nearly always: one copy of a quote, not two (0.3 MB
    /// at 2,000 questions). Read it with [`Citation::text`].
    text: Option<String>,
    /// 1.0 for an exact match, less for an approximate one.
    pub score: f64,
    /// Whether the quote matched exactly (after normalization).
    pub exact: bool,
    /// The ids of the sentences the span touches.
    pub sentences: Box<[String]>,
    /// The ids of the paragraphs the span touches.
    pub paragraphs: Box<[String]>,
}

impl Citation {
    /// A citation of `selector`, anchored at `span`, where the article
    /// reads `text` (None: the selector's `exact`).
    pub(crate) fn new(
        selector: Selector,
        span: Span,
        text: Option<String>,
        score: f64,
        exact: bool,
        sentences: Vec<String>,
        paragraphs: Vec<String>,
    ) -> Citation {
        let text = text.filter(|t| *t != selector.exact);
        let (sentences, paragraphs) = (sentences.into(), paragraphs.into());
        Citation { selector, span, text, score, exact, sentences, paragraphs }
    }

    /// The article's own text of the span.
    pub fn text(&self) -> &str {
        self.text.as_deref().unwrap_or(&self.selector.exact)
    }
}

impl Serialize for Citation {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut c = s.serialize_struct("Citation", 7)?;
        c.serialize_field("selector", &self.selector)?;
        c.serialize_field("span", &self.span)?;
        c.serialize_field("text", self.text())?;
        c.serialize_field("score", &self.score)?;
        c.serialize_field("exact", &self.exact)?;
        c.serialize_field("sentences", &self.sentences)?;
        c.serialize_field("paragraphs", &self.paragraphs)?;
        c.end()
    }
}

/// A question's kind and its checked answer data.
#[derive(Debug, Clone, PartialEq)]
pub enum Body {
    /// One right option.
    SingleChoice {
        /// The options in the author's order.
        options: Vec<ChoiceOption>,
        /// The right option's id.
        answer: String,
    },
    /// Several right options.
    MultipleChoice {
        /// The options in the author's order.
        options: Vec<ChoiceOption>,
        /// The right options' ids.
        answers: Vec<String>,
    },
    /// True or false.
    TrueFalse {
        /// Whether the statement is true.
        answer: bool,
        /// Feedback per answer.
        feedback: TrueFalseFeedback,
    },
    /// A sentence with gaps.
    FillBlank {
        /// The text around the gaps: one more segment than there are gaps.
        segments: Vec<String>,
        /// The accepted answers of each gap.
        gaps: Vec<Gap>,
    },
    /// A number within a tolerance.
    Numeric {
        /// The right value.
        answer: f64,
        /// The accepted distance from it.
        tolerance: f64,
        /// The unit, if any.
        unit: Option<String>,
    },
    /// Items to put in order; listed here in the right order.
    Ordering {
        /// The items in the right order.
        items: Vec<Item>,
    },
    /// Left items to match with right items.
    Matching {
        /// The items to match.
        left: Vec<Item>,
        /// The candidates, distractors included.
        right: Vec<Item>,
        /// For each left item (same order as `left`), the id of its right match.
        answer: Vec<String>,
    },
    /// Select the supporting sentences.
    Evidence {
        /// The ids of the sentences the citations cover, in article order.
        target: Box<[String]>,
    },
    /// A choice, then the quote that supports it.
    TwoPart {
        /// Part A.
        part_a: PartA,
        /// Part B.
        part_b: PartB,
        /// Part B's quotes anchored, in the order of `part_b.options`.
        quotes: Box<[Citation]>,
    },
}

impl Body {
    /// The kind.
    pub fn kind(&self) -> Kind {
        match self {
            Body::SingleChoice { .. } => Kind::SingleChoice,
            Body::MultipleChoice { .. } => Kind::MultipleChoice,
            Body::TrueFalse { .. } => Kind::TrueFalse,
            Body::FillBlank { .. } => Kind::FillBlank,
            Body::Numeric { .. } => Kind::Numeric,
            Body::Ordering { .. } => Kind::Ordering,
            Body::Matching { .. } => Kind::Matching,
            Body::Evidence { .. } => Kind::Evidence,
            Body::TwoPart { .. } => Kind::TwoPart,
        }
    }
}

/// A checked question.
#[derive(Debug, Clone, PartialEq)]
pub struct Question {
    pub(super) id: String,
    pub(super) prompt: String,
    pub(super) explanation: String,
    pub(super) cite: Box<[Citation]>,
    pub(super) points: f64,
    pub(super) tags: Vec<String>,
    pub(super) hints: Vec<Hint>,
    pub(super) tries: u32,
    pub(super) body: Body,
    pub(super) content_hash: u64,
}

impl Question {
    /// The question's id, unique in its bank.
    pub fn id(&self) -> &str {
        &self.id
    }
    /// What the learner is asked.
    pub fn prompt(&self) -> &str {
        &self.prompt
    }
    /// Why the answer is right.
    pub fn explanation(&self) -> &str {
        &self.explanation
    }
    /// The resolved citations, at least one.
    pub fn citations(&self) -> &[Citation] {
        &self.cite
    }
    /// Points for a fully right answer.
    pub fn points(&self) -> f64 {
        self.points
    }
    /// Tags, for the per-tag breakdown.
    pub fn tags(&self) -> &[String] {
        &self.tags
    }
    /// Hints in the order they are given.
    pub fn hints(&self) -> &[Hint] {
        &self.hints
    }
    /// How many tries the learner gets (at least 1).
    pub fn tries(&self) -> u32 {
        self.tries
    }
    /// The kind and its answer data.
    pub fn body(&self) -> &Body {
        &self.body
    }
    /// The kind.
    pub fn kind(&self) -> Kind {
        self.body.kind()
    }
    /// A hash of what the answer depends on (kind, prompt, options, answer
    /// fields, points; an evidence question's citations), not of
    /// explanations, hints, tags or tries: a saved answer stays valid while
    /// this is unchanged. It hashes the question's `RawQuestion` as serde
    /// JSON (see there).
    pub fn content_hash(&self) -> u64 {
        self.content_hash
    }
}

/// A bank's own fields, as the player reads them: from a raw bank's
/// (`validate`) or a compiled one's (`compiled`).
#[derive(Debug, Clone)]
pub(super) struct Head {
    pub(super) id: String,
    pub(super) title: String,
    pub(super) description: Option<String>,
    pub(super) language: Option<String>,
    pub(super) pass_percent: f64,
    pub(super) try_penalty: f64,
    pub(super) shuffle_questions: bool,
    pub(super) shuffle_options: bool,
}

/// A checked bank and the article it is drawn from.
#[derive(Debug, Clone)]
pub struct Bank {
    pub(super) head: Head,
    pub(super) questions: Vec<Question>,
    /// Question ids, sorted, with their index in `questions`.
    pub(super) by_id: Vec<(String, usize)>,
    pub(super) article: Article,
}

impl Bank {
    /// The bank of its own fields, its questions (in order) and its article;
    /// the index by id is built here.
    pub(super) fn new(head: Head, questions: Vec<Question>, article: Article) -> Bank {
        let by_id = super::validate::index_by_id(&questions);
        Bank { head, questions, by_id, article }
    }

    /// The bank's id.
    pub fn id(&self) -> &str {
        &self.head.id
    }
    /// Its title.
    pub fn title(&self) -> &str {
        &self.head.title
    }
    /// Its description, if any.
    pub fn description(&self) -> Option<&str> {
        self.head.description.as_deref()
    }
    /// Its language tag, if given.
    pub fn language(&self) -> Option<&str> {
        self.head.language.as_deref()
    }
    /// The percentage of the total points needed to pass.
    pub fn pass_percent(&self) -> f64 {
        self.head.pass_percent
    }
    /// What each extra try costs, as a fraction of the question's points.
    pub fn try_penalty(&self) -> f64 {
        self.head.try_penalty
    }
    /// Whether sessions shuffle the questions.
    pub fn shuffle_questions(&self) -> bool {
        self.head.shuffle_questions
    }
    /// Whether sessions shuffle options and items.
    pub fn shuffle_options(&self) -> bool {
        self.head.shuffle_options
    }
    /// The questions in the author's order.
    pub fn questions(&self) -> &[Question] {
        &self.questions
    }
    /// A question by id.
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.index_of(id).and_then(|i| self.questions.get(i))
    }
    /// A question's index in the author's order.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        let found = self.by_id.binary_search_by(|(k, _)| k.as_str().cmp(id));
        found.ok().and_then(|at| self.by_id.get(at)).map(|&(_, i)| i)
    }
    /// The article.
    pub fn article(&self) -> &Article {
        &self.article
    }
    /// The total of every question's points.
    pub fn total_points(&self) -> f64 {
        self.questions.iter().map(|q| q.points).sum()
    }
}

// Test-only constructors: `Bank::load` is the one real constructor, but the
// grader and session tests need questions without a bank file or an article
// behind them. The content hash here is a stand-in that changes when the
// body, prompt or points change, which is what restore tests rely on; the
// real one (serde JSON of the `RawQuestion`) is tested through `Bank::load`
// in tests/content_hash.rs.
#[cfg(test)]
impl Question {
    pub(crate) fn for_test(
        id: &str,
        body: Body,
        points: f64,
        tries: u32,
        hints: Vec<Hint>,
        tags: &[&str],
    ) -> Question {
        let prompt = format!("Question {id}?");
        let hash = crate::hash::fnv1a(format!("{prompt}|{body:?}|{points}").as_bytes());
        Question {
            id: id.to_string(),
            prompt,
            explanation: format!("Because of {id}."),
            cite: Box::default(),
            points,
            tags: tags.iter().map(|t| (*t).to_string()).collect(),
            hints,
            tries,
            body,
            content_hash: hash,
        }
    }
}

#[cfg(test)]
impl Bank {
    pub(crate) fn for_test(
        id: &str,
        questions: Vec<Question>,
        article: Article,
        try_penalty: f64,
        shuffle: bool,
    ) -> Bank {
        let head = Head {
            id: id.to_string(),
            title: format!("Bank {id}"),
            description: None,
            language: None,
            pass_percent: 60.0,
            try_penalty,
            shuffle_questions: shuffle,
            shuffle_options: shuffle,
        };
        Bank::new(head, questions, article)
    }
}

#[cfg(test)]
mod tests {
    use super::Citation;
    use crate::article::{Selector, Span};

    fn check(exact: &str, text: Option<&str>, expected: &str) {
        let span = Span { start: 0, end: 3, start_utf16: 0, end_utf16: 3 };
        let c = Citation::new(
            Selector::exact(exact),
            span,
            text.map(str::to_string),
            1.0,
            true,
            vec!["p1.s1".into()],
            vec!["p1".into()],
        );
        assert_eq!(c.text(), expected);
        // One copy of a quote the article reads as written.
        assert_eq!(c.text.is_some(), expected != exact);
        let json = serde_json::to_string(&c).unwrap();
        let text = serde_json::to_string(expected).unwrap();
        let quote = serde_json::to_string(exact).unwrap();
        assert!(json.starts_with(&format!("{{\"selector\":{{\"exact\":{quote}}},")), "{json}");
        assert!(json.contains(&format!("}},\"text\":{text},\"score\":1.0,")), "{json}");
    }

    #[test]
    fn a_citation_keeps_its_text_once_when_it_is_the_quote() {
        check("abc", None, "abc");
        check("abc", Some("abc"), "abc");
        check("abd", Some("abc"), "abc");
    }
}
