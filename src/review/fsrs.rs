//! FSRS-6, the scheduler Anki uses, written here from its published
//! formulas: a question's memory is a stability (days until recall falls
//! to 90 %) and a difficulty (1 to 10); each rating moves both, and the
//! next interval is the stability rounded to whole days.
//!
//! It follows fsrs-rs (`model.rs`, `inference.rs`) formula by formula, in
//! `f64` where fsrs-rs uses `f32` (as ts-fsrs does in JavaScript), and
//! schedules as ts-fsrs's long-term scheduler does without fuzz: intervals
//! rounded, at least one day, at most 36,500, and Again < Hard < Good <
//! Easy. No clock: elapsed time comes in as whole days. The tests hold it
//! to fsrs-rs's and ts-fsrs's published vectors.

use crate::num::clamp;
use serde::Serialize;

/// FSRS-6's default parameters w0…w20 (fsrs-rs `DEFAULT_PARAMETERS`).
pub const DEFAULT_PARAMETERS: [f64; 21] = [
    0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796, 1.4835,
    0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
];

/// The probability of recall an interval aims at.
pub const DESIRED_RETENTION: f64 = 0.9;

/// The longest interval, in days (100 years, as Anki and ts-fsrs).
pub const MAX_INTERVAL_DAYS: u32 = 36_500;

/// `x` to the power `y` for `x > 0` (every base here is: stabilities,
/// difficulties, retentions), as `exp(y·ln x)`: the Wasm then carries
/// libm's `exp` and `log` (both needed anyway, or nearly) rather than its
/// `pow` as well, 2 kB of code; the error, a few ulps, is far below the
/// vectors' tolerance.
fn pow(x: f64, y: f64) -> f64 {
    (y * x.ln()).exp()
}

const S_MIN: f64 = 0.001;
const S_MAX: f64 = 36_500.0;
const D_MIN: f64 = 1.0;
const D_MAX: f64 = 10.0;

/// How well the learner recalled, Anki's four buttons.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Rating {
    /// Forgotten.
    Again = 1,
    /// Recalled with difficulty.
    Hard = 2,
    /// Recalled.
    Good = 3,
    /// Recalled at once.
    Easy = 4,
}

impl Rating {
    /// The rating's name as in JSON: `"again"`, `"hard"`, `"good"`, `"easy"`.
    pub fn name(self) -> &'static str {
        match self {
            Rating::Again => "again",
            Rating::Hard => "hard",
            Rating::Good => "good",
            Rating::Easy => "easy",
        }
    }

    /// The rating named `name` (as [`Rating::name`] writes it).
    pub fn from_name(name: &str) -> Option<Rating> {
        [Rating::Again, Rating::Hard, Rating::Good, Rating::Easy]
            .into_iter()
            .find(|r| r.name() == name)
    }

    fn grade(self) -> f64 {
        f64::from(self as u8)
    }
}

/// A question's memory: stability in days and difficulty from 1 to 10.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct MemoryState {
    /// Days until the probability of recall falls to 90 %.
    pub stability: f64,
    /// How hard the question is for this learner, 1 (easy) to 10.
    pub difficulty: f64,
}

/// The scheduler with its parameters.
#[derive(Debug, Clone, PartialEq)]
pub struct Fsrs {
    w: [f64; 21],
}

impl Default for Fsrs {
    /// FSRS-6 with its default parameters.
    fn default() -> Fsrs {
        Fsrs { w: DEFAULT_PARAMETERS }
    }
}

impl Fsrs {
    /// The scheduler with parameters `w` (21 of them, FSRS-6's). They are
    /// taken as they are: fsrs-rs clips trained parameters into bounds,
    /// which the defaults are within.
    pub fn new(w: [f64; 21]) -> Fsrs {
        Fsrs { w }
    }

    fn decay(&self) -> f64 {
        -self.w[20]
    }

    /// The forgetting curve's factor, chosen so that R(S, S) = 90 %.
    fn factor(&self) -> f64 {
        pow(0.9, 1.0 / self.decay()) - 1.0
    }

    /// The probability of recall `elapsed_days` after the last review:
    /// R(t, S) = (1 + factor·t/S)^(−w20).
    pub fn retrievability(&self, state: MemoryState, elapsed_days: f64) -> f64 {
        let s = clamp(state.stability, S_MIN, S_MAX);
        pow(1.0 + self.factor() * elapsed_days.max(0.0) / s, self.decay())
    }

    /// The interval, in fractional days, at which recall falls to the
    /// desired retention.
    fn raw_interval(&self, stability: f64) -> f64 {
        stability / self.factor() * (pow(DESIRED_RETENTION, 1.0 / self.decay()) - 1.0)
    }

    /// Whole days until the next review for a stability: rounded, at least
    /// one, at most [`MAX_INTERVAL_DAYS`].
    pub fn interval_days(&self, stability: f64) -> u32 {
        let days = clamp(self.raw_interval(stability).round(), 1.0, f64::from(MAX_INTERVAL_DAYS));
        days as u32
    }

    fn init_stability(&self, rating: Rating) -> f64 {
        self.w[rating as usize - 1]
    }

    fn init_difficulty(&self, grade: f64) -> f64 {
        self.w[4] - (self.w[5] * (grade - 1.0)).exp() + 1.0
    }

    fn next_difficulty(&self, d: f64, rating: Rating) -> f64 {
        let delta = -self.w[6] * (rating.grade() - 3.0);
        // Linear damping: the nearer 10, the smaller the step up.
        let damped = d + (10.0 - d) * delta / 9.0;
        // Mean reversion towards the difficulty of a first Easy.
        let reverted = self.w[7] * (self.init_difficulty(4.0) - damped) + damped;
        clamp(reverted, D_MIN, D_MAX)
    }

    fn stability_after_success(&self, s: f64, d: f64, r: f64, rating: Rating) -> f64 {
        let w = &self.w;
        let hard_penalty = if rating == Rating::Hard { w[15] } else { 1.0 };
        let easy_bonus = if rating == Rating::Easy { w[16] } else { 1.0 };
        s * (w[8].exp()
            * (11.0 - d)
            * pow(s, -w[9])
            * (((1.0 - r) * w[10]).exp() - 1.0)
            * hard_penalty
            * easy_bonus
            + 1.0)
    }

    fn stability_after_failure(&self, s: f64, d: f64, r: f64) -> f64 {
        let w = &self.w;
        let new_s =
            w[11] * pow(d, -w[12]) * (pow(s + 1.0, w[13]) - 1.0) * ((1.0 - r) * w[14]).exp();
        new_s.min(s / (w[17] * w[18]).exp())
    }

    /// A review on the same day as the last one (w17…w19).
    fn stability_short_term(&self, s: f64, rating: Rating) -> f64 {
        let w = &self.w;
        let sinc = (w[17] * (rating.grade() - 3.0 + w[18])).exp() * pow(s, -w[19]);
        s * if rating == Rating::Again { sinc } else { sinc.max(1.0) }
    }

    /// The memory after a review rated `rating`, `elapsed_days` whole days
    /// after the last one (0: the same day); `None` for a first review.
    pub fn next_state(
        &self,
        state: Option<MemoryState>,
        elapsed_days: u32,
        rating: Rating,
    ) -> MemoryState {
        let Some(state) = state else {
            return MemoryState {
                stability: clamp(self.init_stability(rating), S_MIN, S_MAX),
                difficulty: clamp(self.init_difficulty(rating.grade()), D_MIN, D_MAX),
            };
        };
        let s = clamp(state.stability, S_MIN, S_MAX);
        let d = clamp(state.difficulty, D_MIN, D_MAX);
        let t = f64::from(elapsed_days);
        let stability = if elapsed_days == 0 {
            self.stability_short_term(s, rating)
        } else {
            let r = self.retrievability(MemoryState { stability: s, difficulty: d }, t);
            match rating {
                Rating::Again => self.stability_after_failure(s, d, r),
                _ => self.stability_after_success(s, d, r, rating),
            }
        };
        MemoryState {
            stability: clamp(stability, S_MIN, S_MAX),
            difficulty: self.next_difficulty(d, rating),
        }
    }

    /// The memory after a review and the whole days until the next one.
    /// The intervals of the four ratings are computed together and kept in
    /// order (Again < Hard < Good < Easy, as ts-fsrs's long-term scheduler
    /// does), so a better rating never comes back sooner.
    pub fn schedule(
        &self,
        state: Option<MemoryState>,
        elapsed_days: u32,
        rating: Rating,
    ) -> (MemoryState, u32) {
        let ivl = |r: Rating| self.interval_days(self.next_state(state, elapsed_days, r).stability);
        let again = ivl(Rating::Again).min(ivl(Rating::Hard));
        let hard = ivl(Rating::Hard).max(again + 1);
        let good = ivl(Rating::Good).max(hard + 1);
        let easy = ivl(Rating::Easy).max(good + 1);
        let days = match rating {
            Rating::Again => again,
            Rating::Hard => hard,
            Rating::Good => good,
            Rating::Easy => easy,
        };
        (self.next_state(state, elapsed_days, rating), days.min(MAX_INTERVAL_DAYS))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Rating::{Again, Easy, Good, Hard};

    /// FSRS-5 (19) parameters as fsrs-rs and ts-fsrs read them: no
    /// short-term stability (w19 = 0) and FSRS-5's decay (w20 = 0.5).
    fn fsrs5(w: [f64; 19]) -> Fsrs {
        let mut all = [0.0; 21];
        all[..19].copy_from_slice(&w);
        all[20] = 0.5;
        Fsrs::new(all)
    }

    fn close(got: f64, expected: f64, tolerance: f64, what: &str) {
        assert!((got - expected).abs() <= tolerance, "{what}: got {got}, expected {expected}");
    }

    /// Reviews `(rating, days since the previous one)` from a new question,
    /// the final memory state.
    fn replay(f: &Fsrs, reviews: &[(Rating, u32)]) -> MemoryState {
        let mut state = None;
        for &(rating, days) in reviews {
            state = Some(f.next_state(state, days, rating));
        }
        state.unwrap_or(MemoryState { stability: 0.0, difficulty: 0.0 })
    }

    /// ts-fsrs's long-term scheduler: each review on its due day; the
    /// intervals, stabilities and difficulties after each.
    fn check_sequence(f: &Fsrs, ratings: &[Rating], ivl: &[u32], s: &[f64], d: &[f64]) {
        let mut state = None;
        let mut elapsed = 0;
        for (i, &rating) in ratings.iter().enumerate() {
            let (next, days) = f.schedule(state, elapsed, rating);
            assert_eq!(days, ivl[i], "interval after review {i}");
            close(next.stability, s[i], 1e-5 * s[i].max(1.0), "stability");
            close(next.difficulty, d[i], 1e-5, "difficulty");
            state = Some(next);
            elapsed = days;
        }
    }

    #[test]
    fn fsrs_rs_test_memory_state() {
        // fsrs-rs inference.rs `test_memory_state` (f32 there: 1e-4).
        let reviews = [(Again, 0), (Good, 0), (Good, 1), (Good, 3), (Good, 8), (Good, 21)];
        let m = replay(&Fsrs::default(), &reviews);
        close(m.stability, 53.62691, 1e-4, "stability");
        close(m.difficulty, 6.3574867, 1e-4, "difficulty");
        // The same with short-term stability frozen (w17 = w18 = w19 = 0).
        let mut w = DEFAULT_PARAMETERS;
        w[17] = 0.0;
        w[18] = 0.0;
        w[19] = 0.0;
        let m = replay(&Fsrs::new(w), &reviews);
        close(m.stability, 53.335106, 1e-4, "stability, short-term frozen");
        close(m.difficulty, 6.3574867, 1e-4, "difficulty, short-term frozen");
    }

    #[test]
    fn fsrs_rs_test_next_states() {
        // fsrs-rs inference.rs `test_next_states`: its 19 trained
        // parameters, four reviews, then each rating 21 days later.
        let f = fsrs5([
            0.6845422,
            1.6790825,
            4.7349424,
            10.042885,
            7.4410233,
            0.64219797,
            1.071918,
            0.0025195254,
            1.432437,
            0.1544,
            0.8692766,
            2.0696752,
            0.0953,
            0.2975,
            2.4691248,
            0.19542035,
            3.201072,
            0.18046261,
            0.121442534,
        ]);
        let m = replay(&f, &[(Again, 0), (Good, 1), (Good, 3), (Good, 8)]);
        let expected = [
            (Again, 2.9691455, 8.000659),
            (Hard, 17.091452, 7.6913934),
            (Good, 31.722992, 7.382128),
            (Easy, 71.7502, 7.0728626),
        ];
        for (rating, s, d) in expected {
            let next = f.next_state(Some(m), 21, rating);
            close(next.stability, s, 1e-4, rating.name());
            close(next.difficulty, d, 1e-4, rating.name());
        }
    }

    #[test]
    fn fsrs_rs_test_next_interval() {
        // fsrs-rs `test_next_interval`: stability 1 at retentions 0.1…1.0
        // gives these rounded intervals under the default decay.
        let f = Fsrs::default();
        let got: Vec<f64> = (1..=10)
            .map(|i| {
                let retention = f64::from(i) / 10.0;
                let interval = 1.0 / f.factor() * (retention.powf(1.0 / f.decay()) - 1.0);
                interval.round().max(1.0)
            })
            .collect();
        let expected = [3116766.0, 34793.0, 2508.0, 387.0, 90.0, 27.0, 9.0, 3.0, 1.0, 1.0];
        // f32 in fsrs-rs: the largest differ in their last digits.
        for (g, e) in got.iter().zip(expected) {
            close(*g, e, e * 1e-5 + 0.5, "interval");
        }
    }

    #[test]
    fn fsrs_rs_test_current_retrievability() {
        // fsrs-rs `test_current_retrievability` (decay 0.2).
        let mut w = DEFAULT_PARAMETERS;
        w[20] = 0.2;
        let f = Fsrs::new(w);
        let state = MemoryState { stability: 1.0, difficulty: 5.0 };
        for (days, r) in [(0.0, 1.0), (1.0, 0.9), (2.0, 0.84028935), (3.0, 0.7985001)] {
            close(f.retrievability(state, days), r, 1e-6, "retrievability");
        }
    }

    // ts-fsrs __tests__/impl/long-term_scheduler.test.ts: 19 parameters,
    // short-term off, no fuzz, every review on its due day.
    const TS_W: [f64; 19] = [
        0.4197, 1.1869, 3.0412, 15.2441, 7.1434, 0.6477, 1.0007, 0.0674, 1.6597, 0.1712, 1.1178,
        2.0225, 0.0904, 0.3025, 2.1214, 0.2498, 2.9466, 0.4891, 0.6468,
    ];

    #[test]
    fn ts_fsrs_long_term_test1() {
        let ratings =
            [Good, Good, Good, Good, Good, Good, Again, Again, Good, Good, Good, Good, Good];
        let ivl = [3, 13, 48, 155, 445, 1158, 17, 3, 11, 37, 112, 307, 773];
        let s = [
            3.0412,
            13.09130698,
            48.15848988,
            154.93732625,
            445.05562739,
            1158.07779739,
            16.63063166,
            3.01732209,
            11.42247264,
            37.37521902,
            111.8752758,
            306.5974569,
            772.94026648,
        ];
        let d = [
            4.49094334, 4.26664289, 4.05746029, 3.86237659, 3.68044154, 3.51076891, 4.69833071,
            5.55956298, 5.26323756, 4.98688448, 4.72915759, 4.4888015, 4.26464541,
        ];
        check_sequence(&fsrs5(TS_W), &ratings, &ivl, &s, &d);
    }

    #[test]
    fn ts_fsrs_long_term_test2_and_test3() {
        type Case = ([Rating; 8], [u32; 8], [f64; 8], [f64; 8]);
        let cases: [Case; 2] = [
            (
                [Again, Hard, Good, Easy, Again, Hard, Good, Easy],
                [1, 2, 6, 41, 4, 7, 21, 133],
                [
                    0.4197,
                    1.0344317,
                    5.5356759,
                    41.0033667,
                    4.46605519,
                    6.67743292,
                    20.88868155,
                    132.81849454,
                ],
                [
                    7.1434, 7.03653841, 6.64066485, 5.92312772, 6.44779861, 6.45995078, 6.10293922,
                    5.36588547,
                ],
            ),
            (
                [Hard, Good, Easy, Again, Hard, Good, Easy, Again],
                [2, 7, 54, 5, 8, 26, 171, 8],
                [
                    1.1869,
                    6.59167572,
                    53.76078737,
                    5.0853693,
                    8.09786749,
                    25.52991279,
                    171.16195166,
                    8.11072373,
                ],
                [
                    6.23225985, 5.89059466, 5.14583392, 5.884097, 5.99269555, 5.667177, 4.91430736,
                    5.71619151,
                ],
            ),
        ];
        for (ratings, ivl, s, d) in cases {
            check_sequence(&fsrs5(TS_W), &ratings, &ivl, &s, &d);
        }
    }

    #[test]
    fn good_reviews_move_out_by_days_then_weeks() {
        let f = Fsrs::default();
        let mut state = None;
        let mut elapsed = 0;
        let mut intervals = Vec::new();
        for _ in 0..5 {
            let (next, days) = f.schedule(state, elapsed, Good);
            intervals.push(days);
            state = Some(next);
            elapsed = days;
        }
        assert!(intervals.windows(2).all(|w| w[0] < w[1]), "{intervals:?}");
        assert!(intervals[0] <= 3 && intervals[4] >= 30, "{intervals:?}");
    }

    #[test]
    fn again_on_a_new_question_comes_back_tomorrow() {
        let (m, days) = Fsrs::default().schedule(None, 0, Again);
        assert_eq!(days, 1);
        close(m.stability, DEFAULT_PARAMETERS[0], 1e-12, "w0");
    }

    #[test]
    fn pow_agrees_with_powf() {
        for (x, y) in [(0.9, 1.0 / -0.1542), (2.5, -0.1666), (36_500.0, 0.2629), (1.0, 7.0)] {
            close(pow(x, y), x.powf(y), 1e-12 * x.powf(y).abs().max(1.0), "pow");
        }
    }

    #[test]
    fn rating_names_round_trip() {
        for r in [Again, Hard, Good, Easy] {
            assert_eq!(Rating::from_name(r.name()), Some(r));
        }
        assert_eq!(Rating::from_name("Good"), None);
    }
}
