//! Item-writing checks: warnings about what lets a learner answer without
//! reading, after Haladyna, Downing & Rodriguez (2002), "A review of
//! multiple-choice item-writing guidelines for classroom assessment"; and
//! an explanation still the placeholder an import or `citequiz new` wrote.
//!
//! [`check`] takes a checked [`Bank`] and returns warnings only, never
//! errors: a bank that trips them still plays. Each has a code (see
//! [`codes`]), the question id, a JSON path and a `help` sentence on why it
//! matters and what to do. [`place`] gives them the line and column of
//! their path in the bank's source.
//!
//! What they do not see: true/false, ordering and matching answers (no
//! wording to find), numbers written in words, Part B's key as another
//! question's answer, and explanations and feedback (shown only after an
//! answer is checked; in a fixed order they too precede later questions).
//!
//! Invariant: pure and deterministic, like the rest of the core, and
//! nothing here runs while a bank loads: the widget never calls it, so its
//! Wasm does not carry it.
//!
//! Cost: `answer-revealed` compares each question's answer with the other
//! questions' texts, found through an index of their stems and numbers
//! (`TextIndex`); it stays quadratic when many questions share words.
//! Generated banks (`synth`, whose questions repeat one another) take
//! 4 ms at 50 questions, 0.7 s at 1,000 and 6.6 s at 3,000, native
//! release build.
//!
//! The thresholds, and why:
//!
//! - `longest-answer`, per choice set: the longest option is keyed, at
//!   least [`LONGEST_RATIO`] (1.25) times as long as the longest distractor
//!   and at least [`LONGEST_MIN_CHARS`] (10) characters longer. Calibrated
//!   on the shipped banks: among their distractors, the longest is within
//!   1.2 times the next in 29 of 37 sets (median 1.14), so 1.25 is past
//!   what authors' lengths vary by when nothing is favoured; the keys that
//!   pass it stood out by 1.35 to 2.8 times. Part B's quotes are compared
//!   by their `exact` text.
//! - `longest-answer`, for the bank: the number of choice sets whose
//!   longest option is keyed, against chance (a set with k keyed options
//!   of n has the longest one keyed with probability k/n), by an exact
//!   one-sided Poisson-binomial test (the binomial test for sets of unequal
//!   sizes); it warns when p < [`BANK_ALPHA`] (0.01).
//! - `absolutes-and-hedges`, per choice set of three options or more (not
//!   Part B's quotes, which are the article's words): every key has a
//!   hedge ([`HEDGES_EN`], "may", "probably"…) and no distractor has one;
//!   or every distractor, two at least, has an absolute ([`ABSOLUTES_EN`],
//!   "always", "never"…) and no key has one. Whole folded words; a
//!   Russian bank uses its own lists. On the shipped banks as first
//!   written, the hedge rule found six choice sets (five questions, one in
//!   both Gabuev banks) whose key a learner could pick for its caution
//!   alone; "can" is left out of the hedges, as it says what is possible
//!   more often than it hedges.
//! - `key-position`, for a bank whose options are not shuffled: over the
//!   choice sets with one key and three options or more, the position
//!   holding the key most often, against chance (1/n for a set of n), by
//!   the same exact test; the p-value is multiplied by the number of
//!   positions tried (Bonferroni) and must fall below [`BANK_ALPHA`], over
//!   four sets at least.
//! - `answer-echo`, `answer-revealed`, `hint-gives-answer` compare content
//!   words (function words dropped, lightly stemmed): a key "stands out"
//!   when it shares at least two such words with the text and at least
//!   twice as many as any distractor.

mod words;

use crate::article::Article;
use crate::bank::raw::ChoiceOption;
use crate::bank::{Bank, Body, Question};
use crate::diag::{Code, Diagnostic};
use crate::json::num::{display, fixed2};
use crate::json::{locate, set_pos};
use crate::locale::Lang;
use words::{contains_phrase, folded_words, numbers, stems};

/// The codes of these warnings (registered in `diag::codes`).
pub mod codes {
    use crate::diag::Code;
    /// Every code these checks report, as diagnostics carry them.
    pub const ALL: [&str; 9] = [
        Code::PLACEHOLDER_EXPLANATION.as_str(),
        Code::LONGEST_ANSWER.as_str(),
        Code::ANSWER_ECHO.as_str(),
        Code::DUPLICATE_OPTION.as_str(),
        Code::ALL_OF_THE_ABOVE.as_str(),
        Code::ANSWER_REVEALED.as_str(),
        Code::HINT_GIVES_ANSWER.as_str(),
        Code::ABSOLUTES_AND_HEDGES.as_str(),
        Code::KEY_POSITION.as_str(),
    ];
}

/// The explanation an imported question gets when its source gives none
/// (GIFT's general feedback `####`, which Aiken lacks), and `citequiz
/// new`'s example: loading needs one, and the author replaces it
/// (`placeholder-explanation` warns, at import and in every check).
pub const PLACEHOLDER_EXPLANATION: &str =
    "Replace this with why the answer is right, in your own words.";

/// How many times longer than the longest distractor a keyed option must
/// be for `longest-answer` (see the module docs for the calibration).
pub const LONGEST_RATIO: f64 = 1.25;
/// And by how many characters at least, so that "Xi" against "Li" or two
/// one-word options never count.
pub const LONGEST_MIN_CHARS: usize = 10;
/// The bank-level `longest-answer` warns below this p-value.
pub const BANK_ALPHA: f64 = 0.01;

/// "All/none of the above" in English, folded.
const ABOVE_EN: &[&str] = &[
    "all of the above",
    "none of the above",
    "all the above",
    "both of the above",
    "neither of the above",
    "all of these",
    "none of these",
    "all of the options",
    "none of the options",
    "all answers are correct",
];

/// The same in Russian, folded, with ё written е.
const ABOVE_RU: &[&str] = &[
    "все перечисленное",
    "все вышеперечисленное",
    "все из перечисленного",
    "ничего из перечисленного",
    "ничего из вышеперечисленного",
    "ни один из перечисленных",
    "ни одно из перечисленного",
    "все ответы верны",
    "нет верного ответа",
    "нет правильного ответа",
];

/// Words that make a statement absolute, folded: a test-wise learner
/// rules out the options that use them.
#[rustfmt::skip]
pub const ABSOLUTES_EN: &[&str] = &[
    "always", "never", "only", "all", "none", "every", "everyone", "everything", "nobody",
    "nothing", "completely", "entirely", "totally", "must", "impossible", "certainly",
    "definitely", "solely", "absolutely", "invariably",
];

/// Words that hedge a statement, folded: a test-wise learner picks the
/// option that uses them.
#[rustfmt::skip]
pub const HEDGES_EN: &[&str] = &[
    "may", "might", "could", "often", "usually", "sometimes", "some", "likely", "probably",
    "possibly", "perhaps", "generally", "tend", "tends", "partly", "largely", "mostly",
    "mainly", "apparently", "seems", "appears",
];

/// The same in Russian, folded, with ё written е.
#[rustfmt::skip]
const ABSOLUTES_RU: &[&str] = &[
    "всегда", "никогда", "только", "все", "никто", "ничто", "ничего", "полностью",
    "совершенно", "должен", "должна", "должны", "невозможно", "каждый", "любой",
];

/// The same in Russian, folded, with ё written е.
#[rustfmt::skip]
const HEDGES_RU: &[&str] = &[
    "может", "могут", "мог", "могла", "могло", "могли", "часто", "обычно", "иногда",
    "вероятно", "возможно", "видимо", "пожалуй", "некоторые", "отчасти", "скорее", "наверное",
    "похоже",
];

/// Every item-writing warning for `bank`, question by question in the
/// bank's order, the bank-level `longest-answer` last.
///
/// `article` is the bank's article (`bank.article()`), taken apart so that
/// a caller holding both need not ask.
///
/// # Example
/// ```
/// use citequiz::{Article, Bank, Normalizer};
/// let article = Article::parse(include_str!(
///     "../../../quiz-data/articles/gabuev-2020-putin-china-alliance.json"
/// ), Normalizer::default()).map_err(|_| "article")?;
/// let bank = r#"{"format": "citequiz-bank/1", "id": "b", "title": "B", "article": "a.json",
///   "questions": [{"id": "q", "kind": "single_choice", "prompt": "Which?",
///     "options": [{"id": "a", "text": "Yes"}, {"id": "b", "text": "All of the above"}],
///     "answer": "a", "explanation": "E.", "cite": [{"exact": "Putin made an interesting comment"}]}]}"#;
/// let (bank, _) = Bank::load(bank, None, article).map_err(|_| "bank")?;
/// let warnings = citequiz::bank::lint::check(&bank, bank.article());
/// assert_eq!(warnings[0].code, "all-of-the-above");
/// # Ok::<(), &str>(())
/// ```
pub fn check(bank: &Bank, article: &Article) -> Vec<Diagnostic> {
    let russian = bank.language().and_then(Lang::of) == Some(Lang::Ru);
    let infos: Vec<Info> =
        bank.questions().iter().enumerate().map(|(i, q)| Info::new(i, q)).collect();
    let index = TextIndex::new(&infos);
    let mut out = Vec::new();
    for info in &infos {
        let q = info.q;
        if q.explanation().trim() == PLACEHOLDER_EXPLANATION {
            out.push(warn(
                q,
                Code::PLACEHOLDER_EXPLANATION,
                format!("{}.explanation", info.base),
                "the explanation is still the placeholder an import or `citequiz new` wrote"
                    .to_string(),
                "learners read it after every answer: say why the answer is right, in your own \
                 words, and what in the passage shows it",
            ));
        }
        for set in &info.sets {
            longest(q, set, &mut out);
            if !set.quotes {
                above(q, set, russian, &mut out);
                qualifiers(q, set, russian, &mut out);
                echo_prompt(q, set, &mut out);
            }
            duplicates(q, set.options.iter().map(|o| (o.text.as_str(), o.path.as_str())), &mut out);
        }
        for list in &info.item_lists {
            duplicates(q, list.iter().map(|(t, p)| (t.as_str(), p.as_str())), &mut out);
        }
        echo_two_part(info, &mut out);
        hints(info, article, &mut out);
        revealed(bank, info, &infos, &index, &mut out);
    }
    bank_longest(&infos, &mut out);
    if !bank.shuffle_options() {
        key_positions(&infos, &mut out);
    }
    out
}

/// Gives each diagnostic without a position the line and column of its
/// JSON path in the bank's `source`, and names `file`.
pub fn place(diags: &mut [Diagnostic], source: &str, file: Option<&str>) {
    for d in diags.iter_mut() {
        if d.line.is_none() {
            let at = locate::locate(source, &locate::parse_path(&d.path));
            set_pos(d, source, at);
        }
        if d.file.is_none() {
            d.file = file.map(str::to_string);
        }
    }
}

/// One option of a choice set.
struct Opt {
    text: String,
    keyed: bool,
    /// The path of its text: `….options[j].text`, or a quote's
    /// `….options[j].quote.exact`.
    path: String,
    stems: Vec<String>,
    folded: String,
}

/// What tells a key apart: its distinctive stems (in no distractor and
/// not in the prompt) and, for each distractor, the distractor's own (not
/// in this key nor in the prompt).
struct KeyCue {
    key: usize,
    mine: Vec<String>,
    theirs: Vec<Vec<String>>,
}

/// The options a learner chooses among, with their keys.
struct ChoiceSet {
    options: Vec<Opt>,
    cues: Vec<KeyCue>,
    /// The prompts the learner reads with it (a two-part question's own
    /// prompt and its part's).
    prompt_stems: Vec<String>,
    /// Part B's quotes of the article.
    quotes: bool,
}

impl ChoiceSet {
    fn new(
        base: &str,
        options: impl Iterator<Item = (String, bool)>,
        prompts: &[&str],
        quotes: bool,
    ) -> ChoiceSet {
        let field = if quotes { "quote.exact" } else { "text" };
        let options = options
            .enumerate()
            .map(|(j, (text, keyed))| Opt {
                stems: stems(&text),
                folded: folded_words(&text).join(" "),
                path: format!("{base}[{j}].{field}"),
                text,
                keyed,
            })
            .collect::<Vec<Opt>>();
        let prompt_stems = stems(&prompts.join(" "));
        let distinct = |o: &Opt, against: &[&Opt]| -> Vec<String> {
            let known = |s: &String| {
                prompt_stems.contains(s) || against.iter().any(|a| a.stems.contains(s))
            };
            o.stems.iter().filter(|s| !known(s)).cloned().collect()
        };
        let distractors: Vec<&Opt> = options.iter().filter(|o| !o.keyed).collect();
        let cues = (options.iter().enumerate().filter(|(_, o)| o.keyed))
            .map(|(key, k)| KeyCue {
                key,
                mine: distinct(k, &distractors),
                theirs: distractors.iter().map(|d| distinct(d, &[k])).collect(),
            })
            .collect();
        ChoiceSet { options, cues, prompt_stems, quotes }
    }

    fn keys(&self) -> impl Iterator<Item = &Opt> {
        self.options.iter().filter(|o| o.keyed)
    }

    fn distractors(&self) -> impl Iterator<Item = &Opt> {
        self.options.iter().filter(|o| !o.keyed)
    }

    /// The keyed option that `text` points at and no distractor does, if
    /// any: its distinctive words (not in any distractor or the prompt)
    /// are at least two and two thirds of them are in `text`, while no
    /// distractor has half of its own there; or the key's whole wording,
    /// when it is `min_words` words or more, stands in `text` and no
    /// distractor's does.
    fn revealed_by(&self, text: &Seen, min_words: usize) -> Option<&Opt> {
        let hits = |ws: &[String]| ws.iter().filter(|w| text.stems.contains(w)).count();
        let cue = self.cues.iter().find(|c| {
            let Some(k) = self.options.get(c.key) else { return false };
            let by_words = c.mine.len() >= 2
                && hits(&c.mine) * 3 >= c.mine.len() * 2
                && c.theirs.iter().all(|t| hits(t) * 2 < t.len() || t.is_empty());
            let by_phrase = k.folded.split(' ').count() >= min_words
                && contains_phrase(&text.folded, &k.folded)
                && !self.distractors().any(|d| contains_phrase(&text.folded, &d.folded));
            by_words || by_phrase
        })?;
        self.options.get(cue.key)
    }
}

/// What the checks need of one question, worked out once.
struct Info<'a> {
    index: usize,
    q: &'a Question,
    base: String,
    sets: Vec<ChoiceSet>,
    /// Ordering and matching items: (text, path) per list.
    item_lists: Vec<Vec<(String, String)>>,
    /// What the learner sees before answering, with the path of each string.
    visible: Vec<(Seen, String)>,
}

impl<'a> Info<'a> {
    fn new(index: usize, q: &'a Question) -> Info<'a> {
        let base = format!("questions[{index}]");
        let mut sets = Vec::new();
        let mut item_lists = Vec::new();
        let mut visible = vec![(q.prompt().to_string(), format!("{base}.prompt"))];
        let choice =
            |at: &str, options: &[ChoiceOption], keyed: &dyn Fn(&str) -> bool, prompts: &[&str]| {
                ChoiceSet::new(
                    &format!("{base}.{at}"),
                    options.iter().map(|o| (o.text.clone(), keyed(&o.id))),
                    prompts,
                    false,
                )
            };
        let items = |at: &str, items: &[crate::bank::raw::Item]| -> Vec<(String, String)> {
            items
                .iter()
                .enumerate()
                .map(|(j, it)| (it.text.clone(), format!("{base}.{at}[{j}].text")))
                .collect()
        };
        match q.body() {
            Body::SingleChoice { options, answer } => {
                sets.push(choice("options", options, &|id| id == answer, &[q.prompt()]));
            }
            Body::MultipleChoice { options, answers } => {
                sets.push(choice(
                    "options",
                    options,
                    &|id| answers.iter().any(|a| a == id),
                    &[q.prompt()],
                ));
            }
            Body::TwoPart { part_a, part_b, .. } => {
                visible.push((part_a.prompt.clone(), format!("{base}.part_a.prompt")));
                visible.push((part_b.prompt.clone(), format!("{base}.part_b.prompt")));
                sets.push(choice(
                    "part_a.options",
                    &part_a.options,
                    &|id| id == part_a.answer,
                    &[q.prompt(), &part_a.prompt],
                ));
                sets.push(ChoiceSet::new(
                    &format!("{base}.part_b.options"),
                    part_b.options.iter().map(|o| (o.quote.exact.clone(), o.id == part_b.answer)),
                    &[&part_b.prompt],
                    true,
                ));
            }
            Body::FillBlank { segments, .. } => {
                visible.extend(segments.iter().map(|s| (s.clone(), format!("{base}.text"))));
            }
            Body::Numeric { unit: Some(unit), .. } => {
                visible.push((unit.clone(), format!("{base}.unit")));
            }
            Body::Ordering { items: list } => item_lists.push(items("items", list)),
            Body::Matching { left, right, .. } => {
                item_lists.push(items("left", left));
                item_lists.push(items("right", right));
            }
            Body::Numeric { .. } | Body::TrueFalse { .. } | Body::Evidence { .. } => {}
        }
        for set in &sets {
            visible.extend(set.options.iter().map(|o| (o.text.clone(), o.path.clone())));
        }
        visible.extend(item_lists.iter().flatten().cloned());
        for (j, h) in q.hints().iter().enumerate() {
            visible.push((h.text.clone(), format!("{base}.hints[{j}].text")));
        }
        let visible = visible.into_iter().map(|(text, path)| (Seen::new(&text), path)).collect();
        Info { index, q, base, sets, item_lists, visible }
    }
}

fn warn(
    q: &Question,
    code: crate::diag::Code,
    path: String,
    message: String,
    help: &str,
) -> Diagnostic {
    Diagnostic::warning(code, path, message).with_help(help).for_question(q.id())
}

/// A key stands out against its distractors on some count: at least two,
/// and at least twice the best distractor's.
fn stands_out(key: usize, best_other: usize) -> bool {
    key >= 2 && key >= 2 * best_other
}

/// An option's length as the learner sees it: characters, whitespace
/// runs counted once.
fn length(text: &str) -> usize {
    let words = text.split_whitespace();
    let count = words.clone().count();
    words.map(|w| w.chars().count()).sum::<usize>() + count.saturating_sub(1)
}

fn longest(q: &Question, set: &ChoiceSet, out: &mut Vec<Diagnostic>) {
    let Some(key) = set.keys().max_by_key(|o| length(&o.text)) else { return };
    let Some(other) = set.distractors().map(|o| length(&o.text)).max() else { return };
    let long = length(&key.text);
    if long < other + LONGEST_MIN_CHARS || (long as f64) < LONGEST_RATIO * other as f64 {
        return;
    }
    let what = if set.quotes { "quote" } else { "option" };
    out.push(warn(
        q,
        Code::LONGEST_ANSWER,
        key.path.clone(),
        format!(
            "the keyed {what} is the longest of its set by far: {long} characters, against at most \
             {other} for the others"
        ),
        "a learner who cannot answer picks the longest option, and wins here; give the \
         distractors the key's length and detail, or trim the key",
    ));
}

fn above(q: &Question, set: &ChoiceSet, russian: bool, out: &mut Vec<Diagnostic>) {
    for o in &set.options {
        let folded = o.folded.replace('ё', "е");
        let hit = ABOVE_EN
            .iter()
            .chain(if russian { ABOVE_RU } else { &[] })
            .find(|p| contains_phrase(&folded, p));
        if let Some(phrase) = hit {
            out.push(warn(
                q,
                Code::ALL_OF_THE_ABOVE,
                o.path.clone(),
                format!("the option \"{}\" is a \"{phrase}\" option", o.text),
                "it can be answered by spotting two right (or one wrong) options without \
                 reading the rest, and it makes no sense once options are shuffled; write a \
                 real option instead",
            ));
        }
    }
}

/// `absolutes-and-hedges`: only the keys hedge, or only the distractors
/// are absolute (see the module docs).
fn qualifiers(q: &Question, set: &ChoiceSet, russian: bool, out: &mut Vec<Diagnostic>) {
    if set.options.len() < 3 {
        return;
    }
    let (absolutes, hedges) =
        if russian { (ABSOLUTES_RU, HEDGES_RU) } else { (ABSOLUTES_EN, HEDGES_EN) };
    let first = |o: &Opt, list: &[&str]| -> Option<String> {
        let folded = o.folded.replace('ё', "е");
        folded.split(' ').find(|w| list.contains(w)).map(str::to_string)
    };
    let key_hedges: Vec<Option<String>> = set.keys().map(|k| first(k, hedges)).collect();
    if key_hedges.iter().all(Option::is_some)
        && !key_hedges.is_empty()
        && set.distractors().all(|d| first(d, hedges).is_none())
        && let (Some(key), Some(Some(word))) = (set.keys().next(), key_hedges.first())
    {
        out.push(warn(
            q,
            Code::ABSOLUTES_AND_HEDGES,
            key.path.clone(),
            format!("only the key hedges (\"{word}\"): no distractor is worded as carefully"),
            "a learner who cannot answer picks the careful option, and wins here; word a \
             distractor as carefully, or state the key as plainly as the article allows",
        ));
    }
    let distractor_absolutes: Vec<Option<String>> =
        set.distractors().map(|d| first(d, absolutes)).collect();
    if distractor_absolutes.len() >= 2
        && distractor_absolutes.iter().all(Option::is_some)
        && set.keys().all(|k| first(k, absolutes).is_none())
        && let Some(d) = set.distractors().next()
    {
        let words: Vec<String> = distractor_absolutes.into_iter().flatten().collect();
        let mut shown: Vec<&str> = Vec::new();
        for w in &words {
            if !shown.contains(&w.as_str()) {
                shown.push(w);
            }
        }
        out.push(warn(
            q,
            Code::ABSOLUTES_AND_HEDGES,
            d.path.clone(),
            format!(
                "every distractor is absolute (\"{}\") and the key is not",
                shown.join("\", \"")
            ),
            "a learner rules out \"always\" and \"never\" without reading, and wins here; \
             qualify a distractor as the article would, or let a key be absolute",
        ));
    }
}

fn duplicates<'t>(
    q: &Question,
    texts: impl Iterator<Item = (&'t str, &'t str)>,
    out: &mut Vec<Diagnostic>,
) {
    let mut seen: Vec<(String, &str)> = Vec::new();
    for (text, path) in texts {
        let folded = folded_words(text).join(" ");
        if folded.is_empty() {
            continue;
        }
        if let Some((_, first)) = seen.iter().find(|(f, _)| *f == folded) {
            out.push(warn(
                q,
                Code::DUPLICATE_OPTION,
                path.to_string(),
                format!("\"{text}\" is the same as {first} once case, spacing and punctuation are set aside"),
                "two equal options cannot both be right or both wrong without one being \
                 pointless, and they tell the learner the pair is out; make each option say \
                 something of its own",
            ));
        } else {
            seen.push((folded, path));
        }
    }
}

/// The key repeats the prompt's words and the distractors don't.
fn echo_prompt(q: &Question, set: &ChoiceSet, out: &mut Vec<Diagnostic>) {
    let shared = |o: &Opt| o.stems.iter().filter(|s| set.prompt_stems.contains(s)).count();
    let best_other = set.distractors().map(shared).max().unwrap_or(0);
    for key in set.keys() {
        let n = shared(key);
        if stands_out(n, best_other) {
            out.push(warn(
                q,
                Code::ANSWER_ECHO,
                key.path.clone(),
                format!(
                    "the keyed option repeats {n} of the prompt's words, and no other option \
                     more than {best_other}"
                ),
                "a learner can match the key to the question by its words alone; let the \
                 distractors reuse the prompt's and the article's wording as much as the key",
            ));
        }
    }
}

/// Part B's keyed quote repeats Part A's key.
fn echo_two_part(info: &Info, out: &mut Vec<Diagnostic>) {
    let (Some(a), Some(b)) =
        (info.sets.iter().find(|s| !s.quotes), info.sets.iter().find(|s| s.quotes))
    else {
        return;
    };
    if !matches!(info.q.body(), Body::TwoPart { .. }) {
        return;
    }
    for key_a in a.keys() {
        let wording: Vec<&String> =
            key_a.stems.iter().filter(|s| !a.prompt_stems.contains(s)).collect();
        let shared = |o: &Opt| o.stems.iter().filter(|s| wording.contains(s)).count();
        let best_other = b.distractors().map(shared).max().unwrap_or(0);
        for key_b in b.keys() {
            let n = shared(key_b);
            if stands_out(n, best_other) {
                out.push(warn(
                    info.q,
                    Code::ANSWER_ECHO,
                    key_b.path.clone(),
                    format!(
                        "Part B's keyed quote repeats {n} words of Part A's key, and no other \
                         quote more than {best_other}"
                    ),
                    "a learner who got Part A can find Part B by matching words, without \
                     weighing the evidence; reword Part A's key in your own words, or offer \
                     quotes that share its wording as much",
                ));
            }
        }
    }
}

/// What a question's answer looks like, for finding it in other text.
enum Secret<'q> {
    /// A fill-in gap's accepted answers, folded, with the words around the gap.
    Gap { accept: Vec<String>, before: Option<String>, after: Option<String> },
    /// A number and its tolerance.
    Number { value: f64, tolerance: f64 },
    /// A choice set's key.
    Key(&'q ChoiceSet),
}

fn secrets<'q>(info: &'q Info) -> Vec<Secret<'q>> {
    let mut out = Vec::new();
    match info.q.body() {
        Body::FillBlank { segments, gaps } => {
            for (g, gap) in gaps.iter().enumerate() {
                let before = segments.get(g).and_then(|s| folded_words(s).pop());
                let after = segments.get(g + 1).and_then(|s| folded_words(s).into_iter().next());
                let accept = gap
                    .accept
                    .iter()
                    .map(|a| folded_words(a).join(" "))
                    .filter(|a| !a.is_empty())
                    .collect();
                out.push(Secret::Gap { accept, before, after });
            }
        }
        Body::Numeric { answer, tolerance, .. } => {
            out.push(Secret::Number { value: *answer, tolerance: *tolerance });
        }
        _ => out.extend(info.sets.iter().filter(|s| !s.quotes).map(Secret::Key)),
    }
    out
}

/// A text a learner sees, folded once for every comparison.
struct Seen {
    folded: String,
    stems: Vec<String>,
    numbers: Vec<f64>,
}

impl Seen {
    fn new(text: &str) -> Seen {
        Seen { folded: folded_words(text).join(" "), stems: stems(text), numbers: numbers(text) }
    }
}

impl Secret<'_> {
    /// The answer as `text` gives it away, if it does. With `in_context`,
    /// a gap's answer must come with a word that stands beside the gap (so
    /// "10 percent", not any 10), and a key's whole wording counts only
    /// when it is two words or more.
    fn found_in(&self, text: &Seen, in_context: bool) -> Option<String> {
        match self {
            Secret::Gap { accept, before, after } => accept
                .iter()
                .find(|a| {
                    if !in_context || (before.is_none() && after.is_none()) {
                        return contains_phrase(&text.folded, a);
                    }
                    let with = |pre: &str, post: &str| {
                        contains_phrase(&text.folded, [pre, a.as_str(), post].join(" ").trim())
                    };
                    before.as_deref().is_some_and(|b| with(b, ""))
                        || after.as_deref().is_some_and(|n| with("", n))
                })
                .cloned(),
            Secret::Number { value, tolerance } => {
                let epsilon = 1e-9 * value.abs().max(1.0);
                let near = |x: &&f64| (*x - value).abs() <= tolerance.max(0.0) + epsilon;
                text.numbers.iter().find(near).map(|x| display(*x))
            }
            Secret::Key(set) => {
                set.revealed_by(text, if in_context { 2 } else { 1 }).map(|k| k.text.clone())
            }
        }
    }
}

fn hints(info: &Info, article: &Article, out: &mut Vec<Diagnostic>) {
    let secrets = secrets(info);
    let targets: Vec<String> = match info.q.body() {
        Body::Evidence { target } => target
            .iter()
            .filter_map(|id| article.sentence(id))
            .map(|s| folded_words(&article.slice(&s.span)).join(" "))
            .collect(),
        _ => Vec::new(),
    };
    for (j, h) in info.q.hints().iter().enumerate() {
        let seen = Seen::new(&h.text);
        let given = secrets
            .iter()
            .find_map(|s| s.found_in(&seen, false))
            .or_else(|| targets.iter().find(|t| contains_phrase(&seen.folded, t)).cloned());
        if let Some(answer) = given {
            out.push(warn(
                info.q,
                Code::HINT_GIVES_ANSWER,
                format!("{}.hints[{j}].text", info.base),
                format!("the hint gives the answer away (\"{answer}\")"),
                "a hint that names the answer turns the question into copying; point to where \
                 in the article to look, or what to look for, instead",
            ));
        }
    }
}

/// Where each content stem and each number stands among the bank's
/// visible texts, so that `answer-revealed` reads only the texts that could
/// give an answer away, not every text of every other question (which took
/// 12 s for 3,000 questions).
struct TextIndex {
    /// (stem, question index, text index), sorted.
    stems: Vec<(String, usize, usize)>,
    /// (number, question index, text index), sorted by number.
    numbers: Vec<(f64, usize, usize)>,
    /// Every (question index, text index), for an answer without a content word.
    all: Vec<(usize, usize)>,
}

impl TextIndex {
    fn new(infos: &[Info]) -> TextIndex {
        let mut index = TextIndex { stems: Vec::new(), numbers: Vec::new(), all: Vec::new() };
        for info in infos {
            for (t, (seen, _)) in info.visible.iter().enumerate() {
                let at = (info.index, t);
                index.all.push(at);
                index.stems.extend(seen.stems.iter().map(|s| (s.clone(), at.0, at.1)));
                index.numbers.extend(seen.numbers.iter().map(|&x| (x, at.0, at.1)));
            }
        }
        index.stems.sort_unstable();
        index.numbers.sort_unstable_by(|a, b| a.0.total_cmp(&b.0));
        index
    }

    /// The texts holding `stem`.
    fn with_stem(&self, stem: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
        let from = self.stems.partition_point(|(s, ..)| s.as_str() < stem);
        let to = self.stems.partition_point(|(s, ..)| s.as_str() <= stem);
        self.stems.get(from..to).unwrap_or_default().iter().map(|&(_, q, t)| (q, t))
    }

    /// The texts holding the rarest of `stems`: a text holds all of them or
    /// cannot hold the phrase they come from. Every text when there are none.
    fn with_all_of(&self, stems: &[String], into: &mut Vec<(usize, usize)>) {
        let rarest = stems.iter().min_by_key(|s| self.with_stem(s).count());
        match rarest {
            Some(s) => into.extend(self.with_stem(s)),
            None => into.extend_from_slice(&self.all),
        }
    }

    /// The texts that could give `secret` away.
    fn candidates(&self, secret: &Secret, into: &mut Vec<(usize, usize)>) {
        match secret {
            Secret::Gap { accept, .. } => {
                for a in accept {
                    self.with_all_of(&stems(a), into);
                }
            }
            Secret::Number { value, tolerance } => {
                let reach = tolerance.max(0.0) + 1e-9 * value.abs().max(1.0);
                let from = self.numbers.partition_point(|(x, ..)| *x < value - reach);
                let to = self.numbers.partition_point(|(x, ..)| *x <= value + reach);
                let near = self.numbers.get(from..to).unwrap_or_default();
                into.extend(near.iter().map(|&(_, q, t)| (q, t)));
            }
            Secret::Key(set) => {
                for cue in &set.cues {
                    for stem in &cue.mine {
                        into.extend(self.with_stem(stem));
                    }
                    let key = set.options.get(cue.key).map_or(&[][..], |k| &k.stems[..]);
                    self.with_all_of(key, into);
                }
            }
        }
    }
}

fn revealed(
    bank: &Bank,
    target: &Info,
    infos: &[Info],
    index: &TextIndex,
    out: &mut Vec<Diagnostic>,
) {
    // A number or a key that the target's own prompt shows is no secret.
    let own = Seen::new(target.q.prompt());
    let secrets: Vec<Secret> =
        secrets(target).into_iter().filter(|s| s.found_in(&own, true).is_none()).collect();
    let mut texts = Vec::new();
    for s in &secrets {
        index.candidates(s, &mut texts);
    }
    texts.sort_unstable();
    texts.dedup();
    let shuffled = bank.shuffle_questions();
    let shows_first = |g: usize| g != target.index && (shuffled || g < target.index);
    let mut last_giver = None;
    for (g, t) in texts.into_iter().filter(|&(g, _)| shows_first(g)) {
        // One warning per giver: its first text that gives an answer away.
        if last_giver == Some(g) {
            continue;
        }
        let (Some(giver), Some((seen, path))) =
            (infos.get(g), infos.get(g).and_then(|i| i.visible.get(t)))
        else {
            continue;
        };
        let Some(answer) = secrets.iter().find_map(|s| s.found_in(seen, true)) else { continue };
        last_giver = Some(g);
        let when = if shuffled {
            "questions are shuffled, so it may come first"
        } else {
            "and comes before it"
        };
        out.push(warn(
            giver.q,
            Code::ANSWER_REVEALED,
            path.clone(),
            format!(
                "this text gives away the answer to question \"{}\" (\"{answer}\"), {when}",
                target.q.id()
            ),
            "a learner can answer the later question from this one rather than from the article; \
             reword one of them, or move the revealing question after the one it answers (with \
             \"shuffle_questions\": false)",
        ));
    }
}

fn bank_longest(infos: &[Info], out: &mut Vec<Diagnostic>) {
    let mut chances = Vec::new();
    let mut keyed_longest = 0usize;
    for set in infos.iter().flat_map(|i| &i.sets) {
        let n = set.options.len();
        let k = set.keys().count();
        let (Some(key), Some(other)) = (
            set.keys().map(|o| length(&o.text)).max(),
            set.distractors().map(|o| length(&o.text)).max(),
        ) else {
            continue;
        };
        chances.push(k as f64 / n as f64);
        keyed_longest += usize::from(key > other);
    }
    let p = poisson_binomial_tail(&chances, keyed_longest);
    if p >= BANK_ALPHA {
        return;
    }
    let expected: f64 = chances.iter().sum();
    let p_text = p_value(p);
    out.push(
        Diagnostic::warning(
            Code::LONGEST_ANSWER,
            "questions",
            format!(
                "the longest option is keyed in {keyed_longest} of {} choice sets, where chance \
                 would give about {} ({p_text}, one-sided binomial test)",
                chances.len(),
                fixed2(expected)
            ),
        )
        .with_help(
            "across the bank, \"pick the longest option\" beats reading; make distractors as \
             long and detailed as keys, and let the longest option often be a distractor",
        ),
    );
}

/// `key-position` (see the module docs).
fn key_positions(infos: &[Info], out: &mut Vec<Diagnostic>) {
    let sets: Vec<(usize, usize)> = (infos.iter().flat_map(|i| &i.sets))
        .filter(|s| s.options.len() >= 3 && s.keys().count() == 1)
        .filter_map(|s| Some((s.options.iter().position(|o| o.keyed)?, s.options.len())))
        .collect();
    let widest = sets.iter().map(|&(_, n)| n).max().unwrap_or(0);
    if sets.len() < 4 {
        return;
    }
    let tested = (0..widest).map(|at| {
        let chances: Vec<f64> =
            sets.iter().filter(|&&(_, n)| at < n).map(|&(_, n)| 1.0 / n as f64).collect();
        let count = sets.iter().filter(|&&(key, _)| key == at).count();
        let p = (poisson_binomial_tail(&chances, count) * widest as f64).min(1.0);
        (at, count, chances.iter().sum::<f64>(), p)
    });
    let Some((at, count, expected, p)) = tested.min_by(|a, b| a.3.total_cmp(&b.3)) else {
        return;
    };
    if p >= BANK_ALPHA {
        return;
    }
    out.push(
        Diagnostic::warning(
            Code::KEY_POSITION,
            "questions",
            format!(
                "options are not shuffled, and the key is option {} of its set in {count} of {} \
                 choice sets, where chance would give about {} ({})",
                at + 1,
                sets.len(),
                fixed2(expected),
                p_value(p)
            ),
        )
        .with_help(
            "a learner who cannot answer picks that position, and wins here; set \
             \"shuffle_options\": true, or move the keys so that each position holds about as many",
        ),
    );
}

/// "p < 0.001", or "p = 0.004": for a warning's message.
fn p_value(p: f64) -> String {
    if p < 0.001 {
        "p < 0.001".to_string()
    } else {
        format!("p = 0.{:03}", (p * 1000.0).round() as u32)
    }
}

/// P(X ≥ x) where X is the number of successes of independent trials with
/// the given chances (exact, by dynamic programming over the counts).
fn poisson_binomial_tail(chances: &[f64], x: usize) -> f64 {
    let mut dist = vec![1.0];
    for &p in chances {
        let mut next = vec![0.0; dist.len() + 1];
        for (k, &d) in dist.iter().enumerate() {
            if let Some(stay) = next.get_mut(k) {
                *stay += d * (1.0 - p);
            }
            if let Some(up) = next.get_mut(k + 1) {
                *up += d * p;
            }
        }
        dist = next;
    }
    dist.iter().skip(x).sum()
}

#[cfg(test)]
mod tests;
