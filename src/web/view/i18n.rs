//! The widget's language: the browser's or the page's choice of
//! `crate::locale::strings` (every string the learner reads, per language,
//! with `fill` for its templates), and the number, date and plural rules
//! for it (`crate::locale`: pure Rust that writes them as the browser's
//! `Intl` does, without loading the browser's locale data).
//!
//! Invariant: no view module writes a word of UI text itself; they all read
//! it from here. Bank and article text is not UI text: it is shown as given.

use crate::locale::strings::{EN, RU};
pub(crate) use crate::locale::strings::{Plural, Strings, Template, fetched_what, fill};
use crate::locale::{self, Category, Lang, Locale, push_int};

/// One language's strings and formatters.
pub(crate) struct I18n {
    /// The strings.
    pub(crate) t: &'static Strings,
    /// The BCP 47 tag the formats follow, set as the widget's `lang`.
    pub(crate) tag: String,
    locale: Locale,
}

impl I18n {
    /// The language asked for (a BCP 47 tag such as "ru" or "en-US"), else
    /// the browser's (`navigator.language`), else English. An explicit tag
    /// is kept as given, so "en-US" writes "December 2, 2020"; otherwise
    /// English dates are written the British way, "2 December 2020".
    pub(crate) fn new(asked: Option<&str>) -> I18n {
        let explicit = asked.and_then(|a| Lang::of(a).map(|l| (l, a.to_string())));
        let (lang, tag) = explicit.unwrap_or_else(|| {
            let nav = web_sys::window().map(|w| w.navigator().language().unwrap_or_default());
            match nav.as_deref().and_then(Lang::of) {
                Some(Lang::Ru) => (Lang::Ru, String::from("ru")),
                _ => (Lang::En, String::from("en-GB")),
            }
        });
        // A malformed tag ("en_US", which `Intl` refused) gives way to the
        // base language's.
        let tag = if locale::well_formed(&tag) {
            tag
        } else {
            String::from(if lang == Lang::Ru { "ru" } else { "en-GB" })
        };
        let locale = Locale::new(lang, &tag);
        let t = match lang {
            Lang::En => &EN,
            Lang::Ru => &RU,
        };
        I18n { t, tag, locale }
    }

    /// The language.
    pub(crate) fn lang(&self) -> Lang {
        self.locale.lang
    }

    /// A number with at most two decimals: "7.5", "7,5".
    pub(crate) fn num(&self, x: f64) -> String {
        self.locale.num(x)
    }

    /// A percentage (0 to 100) with at most one decimal: "66.7%", "66,7 %".
    pub(crate) fn percent(&self, x: f64) -> String {
        self.locale.percent(x)
    }

    /// A penalty fraction as "−10%" (a true minus sign).
    pub(crate) fn penalty(&self, p: f64) -> String {
        let mut s = String::from("\u{2212}");
        s.push_str(&self.percent(p * 100.0));
        s
    }

    /// The form of `p` for the number `n` as it is shown (rounded to two
    /// decimals, so that 0.999 takes the form of "1").
    pub(crate) fn form<const N: usize>(&self, n: f64, p: &Plural<N>) -> Template<N> {
        let shown = (n * 100.0).round() / 100.0;
        match self.locale.plural(shown) {
            Category::One => p.one,
            Category::Few => p.few,
            Category::Many => p.many,
            Category::Other => p.other,
        }
    }

    /// `p` for `n`, with `n` in its hole: "2 points so far", "Набрано 2 балла".
    pub(crate) fn count(&self, n: f64, p: &Plural<1>) -> String {
        fill(self.form(n, p), &[&self.num(n)])
    }

    /// An integer as digits, for counts and positions: "3".
    pub(crate) fn int(n: usize) -> String {
        let mut s = String::new();
        push_int(&mut s, n as u64);
        s
    }

    /// "0.5 of 1 point", "7.5 of 10 points", "2 из 5 баллов".
    pub(crate) fn points_of(&self, earned: f64, max: f64) -> String {
        fill(self.form(max, &self.t.points_of), &[&self.num(earned), &self.num(max)])
    }

    /// "2020-12-02" as "2 December 2020" or "2 декабря 2020 г."; anything
    /// that is not a YYYY-MM-DD date as given.
    pub(crate) fn date(&self, iso: &str) -> String {
        self.locale.date(iso)
    }
}
