//! Numbers, plural categories and dates in the widget's two languages,
//! written by pure Rust exactly as the browser's `Intl` writes them
//! (checked against Chromium 156).
//!
//! Why not `Intl` itself: its first use in a page makes V8 load ICU's
//! locale data, about 60 ms before the first question shows. The widget
//! speaks only English and Russian and needs four formats, small enough to
//! carry: a number with at most two decimals ("12,345.68", "7,5"), a
//! percentage with at most one ("66.7%", "66,7 %"), the cardinal plural
//! category (one, few, many, other), and a long date ("2 December 2020",
//! "December 2, 2020", "2 декабря 2020 г."). The code and tables here cost
//! a little more Wasm (under 1 KB gzip) than the js-sys calls they replace.
//!
//! What a tag selects: the language from its first subtag, and the region
//! from the subtag right after it. English writes the day first in the
//! regions of `EN_REGIONS`, and the month first in en-US, plain "en" and
//! every other region (`Intl` falls back to "en" where CLDR has no English
//! data). Some English regions group digits and mark decimals their own
//! way (`EN_NUMBERS`: en-DE "1.234,5", en-IN "12,34,567"); ru-UA groups
//! only from five digits ("1234"). A script subtag makes `Intl` fall back
//! to the bare language (it has no data for en-Latn-GB), and so it does
//! here. Not reproduced: numeric regions other than 001 and 150 (`Intl`
//! maps ISO 3166 numbers to letters, en-826 to en-GB; here they are no
//! region), and the variants and `-u-` extensions that change digits,
//! calendar or layout (en-US-posix, -u-nu-arab, -u-ca-buddhist): variants
//! and extensions are ignored. The widget itself picks "en-GB" or "ru";
//! other tags come from a page that asks for them.
//!
//! Invariant: every output equals `Intl`'s for a tag of a language and an
//! optional region; `tests/web_view.rs` compares the two in Chromium over
//! sweeps of numbers, every region and a run of dates.

use crate::json::num::shortest;

/// Only the widget's view shows UI text (`web::view::i18n`).
#[cfg(any(test, all(target_arch = "wasm32", feature = "widget")))]
pub(crate) mod strings;

/// The languages the widget speaks.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Lang {
    En,
    Ru,
}

impl Lang {
    /// The language of a tag's primary subtag ("ru-RU", "en_US"), if the
    /// widget speaks it.
    pub fn of(tag: &str) -> Option<Lang> {
        let b = tag.as_bytes();
        if !matches!(b.get(2), None | Some(b'-' | b'_')) {
            return None;
        }
        match b.get(..2)? {
            p if p.eq_ignore_ascii_case(b"en") => Some(Lang::En),
            p if p.eq_ignore_ascii_case(b"ru") => Some(Lang::Ru),
            _ => None,
        }
    }
}

/// A CLDR cardinal plural category. English uses `One` and `Other`;
/// Russian all four (`Other` for fractions: 1,5 балла).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Category {
    One,
    Few,
    Many,
    Other,
}

/// How a locale writes numbers.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
struct Numbers {
    /// Between groups of digits.
    group: &'static str,
    /// Before the fraction.
    decimal: char,
    /// After a percentage.
    percent: &'static str,
    /// The fewest integer digits that are grouped: 4 writes "1,234", 5
    /// writes "1234" but "12 345" (CLDR's minimum grouping digits + 3).
    grouped_from: usize,
    /// Groups of two above the last three digits: "12,34,567".
    indian: bool,
}

const EN: Numbers =
    Numbers { group: ",", decimal: '.', percent: "%", grouped_from: 4, indian: false };

/// Russian, and English in Finland, Norway and Sweden: no-break spaces.
const RU: Numbers =
    Numbers { group: "\u{a0}", decimal: ',', percent: "\u{a0}%", grouped_from: 4, indian: false };

/// Russian in Ukraine: "1234", "12 345".
const RU_UA: Numbers = Numbers { grouped_from: 5, ..RU };

/// How English writes numbers, by [`EN_REGIONS`]'s digit.
static EN_NUMBERS: [Numbers; 8] = [
    EN,
    Numbers { group: ".", decimal: ',', percent: "\u{a0}%", ..EN },
    Numbers { group: ".", decimal: ',', ..EN },
    Numbers { group: "'", ..EN },
    Numbers { group: "\u{a0}", decimal: ',', ..EN },
    RU,
    Numbers { group: "\u{202f}", decimal: ',', ..EN },
    Numbers { indian: true, ..EN },
];

/// The English regions that write the day first ("2 December 2020"), each
/// followed by how it writes numbers (an index into [`EN_NUMBERS`]: 1
/// "1.234,5", 7 "12,34,567"): all the regions CLDR has English data for,
/// with its aliases (CT, DD, FX, NH, PC, RH, UK), but en-US and the eleven
/// that write "December 2, 2020" as it does (AS, BI, CA, GU, JP, MH, MP,
/// PH, PR, UM, VI), which are left out with every region CLDR lacks.
const EN_REGIONS: &str = "AE0AG0AI0AT1AU0BB0BE2BM0BS0BW0BZ0CC0CH3CK0CM0CT0CX0CY0CZ4DD1DE1DG0\
                          DK1DM0EE4ER0ES2FI5FJ0FK0FM0FR6FX6GB0GD0GE6GG0GH0GI0GM0GS0GY0HK0HU4\
                          ID2IE0IL0IM0IN7IO0IT2JE0JM0KE0KI0KN0KY0LC0LR0LS0LT4LV4MG0MO0MS0MT0\
                          MU0MV0MW0MY0NA0NF0NG0NH0NL2NO5NR0NU0NZ0PC0PG0PK0PL2PN0PT4PW0RH0RO2\
                          RW0SB0SC0SD0SE5SG0SH0SI2SK4SL0SS0SX0SZ0TC0TK0TO0TT0TV0TZ0UA4UG0UK0\
                          VC0VG0VU0WS0ZA4ZM0ZW0";

const EN_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// In the genitive, as a date says them: "2 декабря".
const RU_MONTHS: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];

/// A tag's subtags, as bytes.
fn subtags(tag: &str) -> std::slice::Split<'_, u8, impl FnMut(&u8) -> bool> {
    tag.as_bytes().split(|&b| b == b'-')
}

/// How one language and region write numbers, plurals and dates.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Locale {
    pub lang: Lang,
    numbers: &'static Numbers,
    month_first: bool,
}

impl Locale {
    /// The locale of a BCP 47 tag ("en-GB", "ru", "en-US"); `None` if the
    /// tag is malformed (see [`well_formed`]) or its language is neither
    /// English nor Russian.
    pub fn of(tag: &str) -> Option<Locale> {
        let lang = Lang::of(tag)?;
        well_formed(tag).then(|| Locale::new(lang, tag))
    }

    /// `lang` with the region of `tag`, a well-formed tag. See the module
    /// docs for which subtags count.
    pub fn new(lang: Lang, tag: &str) -> Locale {
        // The region is the subtag right after the language: after a
        // script it does not count, as `Intl` has no data for one
        // (en-Latn-GB is "en"). Only two letters, 001 and 150 match below.
        let region = subtags(tag).nth(1).unwrap_or_default();
        match lang {
            Lang::Ru if region.eq_ignore_ascii_case(b"UA") => {
                Locale { lang, numbers: &RU_UA, month_first: false }
            }
            Lang::Ru => Locale { lang, numbers: &RU, month_first: false },
            Lang::En => {
                let listed = EN_REGIONS
                    .as_bytes()
                    .chunks_exact(3)
                    .find(|c| c[..2].eq_ignore_ascii_case(region));
                let class = match listed {
                    Some(c) => Some(c[2] - b'0'),
                    None if region == b"001" || region == b"150" => Some(0),
                    None => None,
                };
                let numbers = class.and_then(|c| EN_NUMBERS.get(usize::from(c)));
                Locale { lang, numbers: numbers.unwrap_or(&EN), month_first: class.is_none() }
            }
        }
    }

    /// A number with at most two decimals: "7.5", "12,345.68", "7,5",
    /// "12 345,68"; anything not finite as 0.
    pub fn num(&self, x: f64) -> String {
        let mut s = String::new();
        self.push_number(&mut s, x, 0, 2);
        s
    }

    /// A percentage given as 0 to 100, with at most one decimal: "66.7%",
    /// "66,7 %". Like `Intl` with style percent, it takes `x / 100` and
    /// shifts its digits back, so 0.35 (0.0034999… once divided) is
    /// "0.3%".
    pub fn percent(&self, x: f64) -> String {
        let mut s = String::new();
        self.push_number(&mut s, x / 100.0, 2, 1);
        s.push_str(self.numbers.percent);
        s
    }

    /// The plural category of `x` as `Intl.PluralRules` selects it: `x` is
    /// first rounded to three decimals, and a visible fraction ("1.5")
    /// takes `Other`. The sign does not count; anything not finite is
    /// `Other`.
    pub fn plural(&self, x: f64) -> Category {
        if !x.is_finite() {
            return Category::Other;
        }
        let n = scaled(x, 0, 3);
        let (int, frac) = n.split_at(n.len().saturating_sub(3));
        // Every English and Russian category but `Other` needs v = 0.
        if frac.iter().any(|&d| d != b'0') {
            return Category::Other;
        }
        let mut last = int.iter().rev().map(|&d| u32::from(d - b'0'));
        let i10 = last.next().unwrap_or(0);
        let i100 = i10 + 10 * last.next().unwrap_or(0);
        match self.lang {
            Lang::En if int == b"1" => Category::One,
            Lang::En => Category::Other,
            Lang::Ru if i10 == 1 && i100 != 11 => Category::One,
            Lang::Ru if (2..=4).contains(&i10) && !(12..=14).contains(&i100) => Category::Few,
            Lang::Ru => Category::Many,
        }
    }

    /// A YYYY-MM-DD date as "2 December 2020", "December 2, 2020" or
    /// "2 декабря 2020 г."; anything that is not a real calendar date (or
    /// is in year 0, which the Gregorian calendar has not) as given.
    pub fn date(&self, iso: &str) -> String {
        let Some((y, m, d)) = crate::article::calendar_date(iso).filter(|&(y, _, _)| y > 0) else {
            return iso.to_string();
        };
        let months = if self.lang == Lang::Ru { &RU_MONTHS } else { &EN_MONTHS };
        let month = months.get(m.saturating_sub(1) as usize).copied().unwrap_or_default();
        let mut s = String::new();
        if self.month_first {
            s.push_str(month);
            s.push(' ');
        }
        push_int(&mut s, u64::from(d));
        if !self.month_first {
            s.push(' ');
            s.push_str(month);
        }
        s.push_str(if self.month_first { ", " } else { " " });
        push_int(&mut s, u64::from(y));
        if self.lang == Lang::Ru {
            s.push_str(" г.");
        }
        s
    }

    /// Appends `x × 10^shift` with at most `frac` decimals, grouped, with
    /// a hyphen-minus when `x` is negative (also -0, as `Intl` writes it).
    fn push_number(&self, out: &mut String, x: f64, shift: i32, frac: usize) {
        let x = if x.is_finite() { x } else { 0.0 };
        let n = scaled(x, shift, frac as i32);
        let (int, tail) = n.split_at(n.len().saturating_sub(frac));
        if x.is_sign_negative() {
            out.push('-');
        }
        if int.is_empty() {
            out.push('0');
        }
        let ns = self.numbers;
        let then = if ns.indian { 2 } else { 3 };
        for (i, &d) in int.iter().enumerate() {
            let left = int.len() - i;
            let boundary = left == 3 || (left > 3 && (left - 3) % then == 0);
            if i > 0 && boundary && int.len() >= ns.grouped_from {
                out.push_str(ns.group);
            }
            out.push(char::from(d));
        }
        // `tail` is the fraction's last digits: zeros stand before them.
        if let Some(end) = tail.iter().rposition(|&d| d != b'0') {
            out.push(ns.decimal);
            for _ in tail.len()..frac {
                out.push('0');
            }
            for &d in &tail[..=end] {
                out.push(char::from(d));
            }
        }
    }
}

/// The digits of `|x| × 10^(shift + frac)` rounded to an integer as ICU
/// rounds (none for 0): from `x`'s shortest round-trip decimal digits, half
/// away from zero, so 1.005, held as 1.00499…, gives 101 with `frac` 2.
/// The last `frac` digits are the fraction's.
fn scaled(x: f64, shift: i32, frac: i32) -> Vec<u8> {
    let (digits, point) = shortest(x);
    let mut n = digits.into_bytes();
    let keep = point + shift + frac;
    let up = usize::try_from(keep).ok().and_then(|k| n.get(k)).is_some_and(|&d| d >= b'5');
    // The first `keep` digits, padded with zeros.
    n.resize(usize::try_from(keep).unwrap_or(0), b'0');
    if up {
        let mut carry = true;
        for d in n.iter_mut().rev() {
            if *d != b'9' {
                *d += 1;
                carry = false;
                break;
            }
            *d = b'0';
        }
        // All nines (or nothing) become a one and zeros: 999 + 1 = 1000.
        if carry {
            n.push(b'0');
            if let Some(first) = n.first_mut() {
                *first = b'1';
            }
        }
    }
    n
}

/// Appends a non-negative integer, without `format!`'s machinery (which
/// would add kilobytes to the Wasm).
pub(crate) fn push_int(out: &mut String, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &d in &digits[i..] {
        out.push(char::from(d));
    }
}

/// Whether `tag` is a well-formed Unicode BCP 47 locale identifier, the
/// kind `Intl` takes: a language (2–3 or 5–8 letters), then optionally a
/// script (4 letters), a region (2 letters or 3 digits), distinct variants
/// (5–8 letters and digits, or a digit and 3 more), extensions (a singleton
/// other than x, each once, and subtags of 2–8) and private use (x and
/// subtags of 1–8), separated by hyphens in any case. The keys and values
/// inside an extension are not checked (`Intl` refuses "en-u-a1"). Junk
/// such as "en_US!!", "x" or "en--GB" is not well formed.
pub fn well_formed(tag: &str) -> bool {
    // What has been read: 0 nothing, 1 the language, 2 a script, 3 a
    // region or variant, 4 a singleton, 5 an extension subtag, 6 x, 7 a
    // private-use subtag.
    let mut at = 0;
    let mut seen: Vec<&[u8]> = Vec::new();
    for b in subtags(tag) {
        let n = b.len();
        if !(1..=8).contains(&n) || !b.iter().all(u8::is_ascii_alphanumeric) {
            return false;
        }
        let alpha = b.iter().all(u8::is_ascii_alphabetic);
        let digit_first = b.first().is_some_and(u8::is_ascii_digit);
        let again = seen.iter().any(|t| t.eq_ignore_ascii_case(b));
        at = match at {
            0 if alpha && n != 1 && n != 4 => 1,
            0 => return false,
            6 | 7 => 7,
            1..=3 | 5 if n == 1 && !again => {
                seen.push(b);
                if b.eq_ignore_ascii_case(b"x") { 6 } else { 4 }
            }
            4 | 5 if n >= 2 => 5,
            1 if n == 4 && alpha => 2,
            1 | 2 if (n == 2 && alpha) || (n == 3 && b.iter().all(u8::is_ascii_digit)) => 3,
            1..=3 if (n >= 5 || (n == 4 && digit_first)) && !again => {
                seen.push(b);
                3
            }
            _ => return false,
        };
    }
    matches!(at, 1 | 2 | 3 | 5 | 7)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(tag: &str) -> Locale {
        Locale::of(tag).unwrap_or_else(|| panic!("{tag}"))
    }

    #[test]
    fn numbers_in_english_and_russian() {
        let (en, ru) = (of("en-GB"), of("ru"));
        for (x, e, r) in [
            (0.0, "0", "0"),
            (1.0, "1", "1"),
            (2.0, "2", "2"),
            (7.5, "7.5", "7,5"),
            (1.0 / 3.0, "0.33", "0,33"),
            (0.999, "1", "1"),
            (0.125, "0.13", "0,13"),
            (1000.0, "1,000", "1\u{a0}000"),
            (1234.0, "1,234", "1\u{a0}234"),
            (12345.678, "12,345.68", "12\u{a0}345,68"),
            (123_456_789.125, "123,456,789.13", "123\u{a0}456\u{a0}789,13"),
            (1e9, "1,000,000,000", "1\u{a0}000\u{a0}000\u{a0}000"),
            (-7.5, "-7.5", "-7,5"),
            (-0.0, "-0", "-0"),
            (-0.001, "-0", "-0"),
            (5e-324, "0", "0"),
            (f64::NAN, "0", "0"),
            (f64::INFINITY, "0", "0"),
            (f64::NEG_INFINITY, "0", "0"),
        ] {
            assert_eq!(en.num(x), e, "{x}");
            assert_eq!(ru.num(x), r, "{x}");
        }
        // ICU rounds the shortest digits, not the double: 1.005 is held as
        // 1.00499…, 2.675 as 2.67499…
        assert_eq!(en.num(1.005), "1.01");
        assert_eq!(en.num(2.675), "2.68");
        assert_eq!(en.num(0.995), "1");
        assert_eq!(en.num(1e21), "1,000,000,000,000,000,000,000");
        assert_eq!(en.num(1e300).len(), 301 + 100);
    }

    #[test]
    fn numbers_by_region() {
        for (tag, small, big) in [
            ("en", "1,234", "1,234,567.5"),
            ("en-US", "1,234", "1,234,567.5"),
            ("ru-RU", "1\u{a0}234", "1\u{a0}234\u{a0}567,5"),
            ("ru-UA", "1234", "1\u{a0}234\u{a0}567,5"),
            ("ru-Cyrl-UA", "1\u{a0}234", "1\u{a0}234\u{a0}567,5"),
            ("en-DE", "1.234", "1.234.567,5"),
            ("en-it", "1.234", "1.234.567,5"),
            ("en-CH", "1'234", "1'234'567.5"),
            ("en-ZA", "1\u{a0}234", "1\u{a0}234\u{a0}567,5"),
            ("en-SE", "1\u{a0}234", "1\u{a0}234\u{a0}567,5"),
            ("en-FR", "1\u{202f}234", "1\u{202f}234\u{202f}567,5"),
            ("en-IN", "1,234", "12,34,567.5"),
        ] {
            assert_eq!(of(tag).num(1234.0), small, "{tag}");
            assert_eq!(of(tag).num(1_234_567.5), big, "{tag}");
        }
        assert_eq!(of("ru-UA").num(12345.0), "12\u{a0}345");
        assert_eq!(of("en-IN").num(123_456_789.0), "12,34,56,789");
    }

    #[test]
    fn percentages() {
        let (en, ru) = (of("en-GB"), of("ru"));
        for (x, e, r) in [
            (0.0, "0%", "0\u{a0}%"),
            (100.0, "100%", "100\u{a0}%"),
            (200.0 / 3.0, "66.7%", "66,7\u{a0}%"),
            (12.5, "12.5%", "12,5\u{a0}%"),
            (0.05, "0.1%", "0,1\u{a0}%"),
            // 0.35 / 100 is 0.0034999…: its shortest digits round down.
            (0.35, "0.3%", "0,3\u{a0}%"),
            (-10.0, "-10%", "-10\u{a0}%"),
            (123_456.0, "123,456%", "123\u{a0}456\u{a0}%"),
            (f64::NAN, "0%", "0\u{a0}%"),
        ] {
            assert_eq!(en.percent(x), e, "{x}");
            assert_eq!(ru.percent(x), r, "{x}");
        }
        assert_eq!(of("en-DE").percent(66.666), "66,7\u{a0}%");
        assert_eq!(of("en-IT").percent(66.666), "66,7%");
        assert_eq!(of("ru-UA").percent(1234.5), "1234,5\u{a0}%");
    }

    #[test]
    fn plural_categories() {
        use Category::*;
        let (en, ru) = (of("en-US"), of("ru"));
        for (x, e, r) in [
            (0.0, Other, Many),
            (1.0, One, One),
            (2.0, Other, Few),
            (4.0, Other, Few),
            (5.0, Other, Many),
            (11.0, Other, Many),
            (12.0, Other, Many),
            (14.0, Other, Many),
            (21.0, Other, One),
            (22.0, Other, Few),
            (101.0, Other, One),
            (111.0, Other, Many),
            (112.0, Other, Many),
            (1e21, Other, Many),
            (-1.0, One, One),
            (-2.0, Other, Few),
            (1.5, Other, Other),
            // Rounded to three decimals first.
            (1.0001, One, One),
            (0.9999, One, One),
            (1.0005, Other, Other),
            (0.999, Other, Other),
            (f64::NAN, Other, Other),
            (f64::INFINITY, Other, Other),
        ] {
            assert_eq!(en.plural(x), e, "{x}");
            assert_eq!(ru.plural(x), r, "{x}");
        }
    }

    #[test]
    fn dates() {
        for (tag, out) in [
            ("en-GB", "2 December 2020"),
            ("en-IE", "2 December 2020"),
            ("en-001", "2 December 2020"),
            ("en-UK", "2 December 2020"),
            ("en-DE", "2 December 2020"),
            ("en-GB-oxendict", "2 December 2020"),
            ("en", "December 2, 2020"),
            ("en-US", "December 2, 2020"),
            ("en-CA", "December 2, 2020"),
            ("en-PH", "December 2, 2020"),
            ("en-BR", "December 2, 2020"),
            ("en-Latn-GB", "December 2, 2020"),
            ("en-826", "December 2, 2020"),
            ("ru", "2 декабря 2020 г."),
            ("ru-RU", "2 декабря 2020 г."),
        ] {
            assert_eq!(of(tag).date("2020-12-02"), out, "{tag}");
        }
        let (en, ru) = (of("en-GB"), of("ru"));
        assert_eq!(en.date("2024-02-29"), "29 February 2024");
        assert_eq!(ru.date("1999-05-31"), "31 мая 1999 г.");
        assert_eq!(en.date("0999-01-05"), "5 January 999");
        for junk in
            ["", "2020", "2020-12-2", "2021-02-29", "2020-13-01", "2020-12-00", "0000-01-01"]
        {
            assert_eq!(en.date(junk), junk);
            assert_eq!(ru.date(junk), junk);
        }
    }

    #[test]
    fn well_formed_tags() {
        let tags = include_str!("../tests/fixtures/tags.tsv");
        let rows = tags.lines().filter(|l| !l.starts_with('#')).filter_map(|l| l.split_once('\t'));
        let mut n = 0;
        for (verdict, tag) in rows {
            assert_eq!(well_formed(tag), verdict == "yes", "{tag:?}");
            n += 1;
        }
        assert_eq!(n, 46, "the fixture's rows");
        assert_eq!(Locale::of("en_US"), None);
        assert_eq!(Locale::of("fr"), None);
        assert_eq!(Locale::of("EN-gb"), Locale::of("en-GB"));
        assert_eq!(Lang::of("ru_RU"), Some(Lang::Ru));
    }
}
