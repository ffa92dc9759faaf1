//! The passages a learner knows: each paragraph of the article that
//! questions cite, with how well the learner knows those questions (from
//! their FSRS memory), and the paragraphs to reread after a session.

use super::fsrs::{DESIRED_RETENTION, Rating};
use super::memory::{Memory, Now};
use crate::bank::Bank;
use crate::grade::Verdict;
use crate::session::SessionResult;

/// How well the learner knows a paragraph's questions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Knowledge {
    /// None of its questions was asked yet.
    NotAsked,
    /// Some were not asked, forgotten last time, or are likely forgotten.
    Shaky,
    /// Every one was recalled last time and still is, likely (at least
    /// the desired retention, 90 %).
    Known,
}

/// A paragraph that questions cite.
#[derive(Debug, Clone, PartialEq)]
pub struct Passage {
    /// The paragraph's id (`p3`).
    pub paragraph: String,
    /// The questions citing it, in the bank's order.
    pub questions: Vec<String>,
    /// How well the learner knows them.
    pub knowledge: Knowledge,
}

/// Every paragraph that questions of `bank` cite, in the article's order.
pub fn passages(bank: &Bank, memory: &Memory, now: Now) -> Vec<Passage> {
    let mut out: Vec<Passage> = Vec::new();
    for p in bank.article().paragraphs() {
        let questions: Vec<String> = bank
            .questions()
            .iter()
            .filter(|q| q.citations().iter().any(|c| c.paragraphs.contains(&p.id)))
            .map(|q| q.id().to_string())
            .collect();
        if questions.is_empty() {
            continue;
        }
        let known = |id: &String| {
            memory.live_card(bank, id).is_some_and(|c| {
                c.last_rating != Rating::Again && c.retrievability(now) >= DESIRED_RETENTION
            })
        };
        let knowledge = if questions.iter().all(known) {
            Knowledge::Known
        } else if questions.iter().any(|id| memory.live_card(bank, id).is_some()) {
            Knowledge::Shaky
        } else {
            Knowledge::NotAsked
        };
        out.push(Passage { paragraph: p.id.clone(), questions, knowledge });
    }
    out
}

/// The paragraphs cited by the questions a session did not get fully
/// right (unanswered ones included), in the article's order.
pub fn to_reread(bank: &Bank, result: &SessionResult) -> Vec<String> {
    let missed = result.questions.iter().filter(|q| q.verdict != Some(Verdict::Correct));
    let cited: Vec<&String> =
        missed.flat_map(|q| q.citations.iter().flat_map(|c| c.paragraphs.iter())).collect();
    bank.article()
        .paragraphs()
        .iter()
        .filter(|p| cited.contains(&&p.id))
        .map(|p| p.id.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Article, Normalizer};
    use crate::session::Session;

    fn quick_check() -> Bank {
        let article =
            include_str!("../../quiz-data/articles/gabuev-2020-putin-china-alliance.json");
        let article = Article::parse(article, Normalizer::basic()).unwrap();
        let bank = include_str!("../../quiz-data/banks/gabuev-quick-check.json");
        Bank::load(bank, Some("gabuev-quick-check.json"), article).unwrap().0
    }

    fn at(days: f64) -> Now {
        Now { ms: 1_796_551_200_000.0 + days * 86_400_000.0, utc_offset_min: 0.0 }
    }

    fn knowledge_of(bank: &Bank, m: &Memory, now: Now, question: &str) -> Vec<Knowledge> {
        passages(bank, m, now)
            .into_iter()
            .filter(|p| p.questions.iter().any(|q| q == question))
            .map(|p| p.knowledge)
            .collect()
    }

    #[test]
    fn a_passage_goes_from_not_asked_to_shaky_or_known_and_fades() {
        let bank = quick_check();
        let mut m = Memory::new(bank.id());
        let all = passages(&bank, &m, at(0.0));
        assert!(!all.is_empty());
        assert!(all.iter().all(|p| p.knowledge == Knowledge::NotAsked));
        // Paragraphs in the article's order, each named once.
        let ids: Vec<&str> = all.iter().map(|p| p.paragraph.as_str()).collect();
        let order: Vec<&str> = bank.article().paragraphs().iter().map(|p| p.id.as_str()).collect();
        assert!(ids.windows(2).all(|w| {
            order.iter().position(|p| *p == w[0]) < order.iter().position(|p| *p == w[1])
        }));

        // A question that a paragraph alone cites: wrong is shaky, right is
        // known, and known fades to shaky as recall drops below 90 %.
        let alone = all.iter().find(|p| p.questions.len() == 1).expect("a one-question passage");
        let id = alone.questions[0].clone();
        let q = bank.question(&id).unwrap();
        m.apply(q, Rating::Again, at(0.0));
        assert_eq!(knowledge_of(&bank, &m, at(0.0), &id)[0], Knowledge::Shaky);
        let card = m.apply(q, Rating::Good, at(2.0));
        assert_eq!(knowledge_of(&bank, &m, at(2.0), &id)[0], Knowledge::Known);
        let later = 2.0 + 3.0 * f64::from(card.interval);
        assert_eq!(knowledge_of(&bank, &m, at(later), &id)[0], Knowledge::Shaky);
    }

    #[test]
    fn the_passages_to_reread_are_those_the_missed_questions_cite() {
        let bank = std::rc::Rc::new(quick_check());
        let mut s = Session::new(std::rc::Rc::clone(&bank), 3, 0.0);
        let result = s.finish(1.0);
        // Nothing answered: every cited paragraph is to reread.
        let all: Vec<String> = passages(&bank, &Memory::new(bank.id()), at(0.0))
            .into_iter()
            .map(|p| p.paragraph)
            .collect();
        assert_eq!(to_reread(&bank, &result), all);
        let mut perfect = result.clone();
        for q in &mut perfect.questions {
            q.verdict = Some(Verdict::Correct);
        }
        assert!(to_reread(&bank, &perfect).is_empty());
    }
}
