//! Every string the learner reads, per language, and the number, date and
//! plural rules for it (`crate::locale`: pure Rust that writes them as the
//! browser's `Intl` does, without loading the browser's locale data).
//!
//! A language is a [`Strings`] table; a sentence with a number in it is a
//! template with `{}` holes filled in order by [`fill`], and one whose words
//! agree with a number is a [`Plural`], picked by the number's CLDR plural
//! category.
//!
//! Invariant: no view module writes a word of UI text itself; they all read
//! it from here. Bank and article text is not UI text: it is shown as given.

use crate::locale::{self, Category, Lang, Locale, push_int};

/// The forms of a phrase that agrees with a number, by CLDR plural
/// category. English uses `one` and `other`; Russian all four (`other` is
/// for fractions: 1,5 балла).
pub(crate) struct Plural {
    pub(crate) one: &'static str,
    pub(crate) few: &'static str,
    pub(crate) many: &'static str,
    pub(crate) other: &'static str,
}

/// Every UI string of the widget in one language.
pub(crate) struct Strings {
    // The quiz pane.
    pub(crate) quiz: &'static str,
    pub(crate) quiz_navigation: &'static str,
    pub(crate) no_questions: &'static str,
    pub(crate) question_of: &'static str,
    pub(crate) points_so_far: Plural,
    pub(crate) answered_of: &'static str,
    pub(crate) check: &'static str,
    pub(crate) try_again: &'static str,
    pub(crate) hint_cost: &'static str,
    pub(crate) hint_none: &'static str,
    pub(crate) hint_none_left: &'static str,
    pub(crate) hints: &'static str,
    pub(crate) hint_n: &'static str,
    pub(crate) previous: &'static str,
    pub(crate) next: &'static str,
    pub(crate) finish: &'static str,
    pub(crate) right: &'static str,
    pub(crate) partly_right: &'static str,
    pub(crate) wrong: &'static str,
    pub(crate) not_answered: &'static str,
    pub(crate) points_of: Plural,
    pub(crate) tries_left: Plural,
    pub(crate) why: &'static str,
    pub(crate) show_in_article: &'static str,
    pub(crate) position: &'static str,
    pub(crate) exam_notice: &'static str,
    pub(crate) welcome_back: &'static str,
    pub(crate) synced: &'static str,
    // Results.
    pub(crate) results: &'static str,
    pub(crate) passed: &'static str,
    pub(crate) not_passed: &'static str,
    pub(crate) pass_mark: &'static str,
    pub(crate) finished_live: &'static str,
    pub(crate) by_tag: &'static str,
    pub(crate) tag: &'static str,
    pub(crate) points: &'static str,
    pub(crate) of: &'static str,
    pub(crate) review: &'static str,
    pub(crate) retry_missed: &'static str,
    pub(crate) start_over: &'static str,
    // Inputs.
    pub(crate) true_: &'static str,
    pub(crate) false_: &'static str,
    pub(crate) blank_n: &'static str,
    pub(crate) your_answer: &'static str,
    pub(crate) order_instructions: &'static str,
    pub(crate) move_up: &'static str,
    pub(crate) move_down: &'static str,
    pub(crate) choose: &'static str,
    pub(crate) evidence_instructions: &'static str,
    pub(crate) clear: &'static str,
    pub(crate) no_sentences: &'static str,
    pub(crate) sentences_selected: Plural,
    pub(crate) need_sentence: &'static str,
    pub(crate) need_blanks: &'static str,
    pub(crate) need_number: &'static str,
    pub(crate) need_match: &'static str,
    pub(crate) need_answer: &'static str,
    pub(crate) need_both_parts: &'static str,
    // Header and article.
    pub(crate) source_before: &'static str,
    pub(crate) source_after: &'static str,
    pub(crate) first_published: &'static str,
    pub(crate) read_original: &'static str,
    pub(crate) related: &'static str,
    pub(crate) photo: &'static str,
    // Saved progress.
    pub(crate) no_storage: &'static str,
    pub(crate) set_aside: &'static str,
    pub(crate) earlier_version: &'static str,
    pub(crate) answers_kept: Plural,
    pub(crate) could_not_be: &'static str,
    pub(crate) question_changed: &'static str,
    pub(crate) questions_changed: &'static str,
    pub(crate) question_removed: &'static str,
    pub(crate) questions_removed: &'static str,
    pub(crate) changed_or_removed: &'static str,
    pub(crate) questions_added: Plural,
    // Errors.
    pub(crate) load_failed: &'static str,
    pub(crate) has_problems: &'static str,
    pub(crate) the_article: &'static str,
    pub(crate) the_bank: &'static str,
    pub(crate) help: &'static str,
    pub(crate) line: &'static str,
    pub(crate) column: &'static str,
    pub(crate) fetch_failed: &'static str,
    pub(crate) fetch_timeout: &'static str,
    pub(crate) fetch_network: &'static str,
    pub(crate) fetch_status: &'static str,
    pub(crate) loading: &'static str,
}

const fn en(one: &'static str, other: &'static str) -> Plural {
    Plural { one, few: other, many: other, other }
}

pub(crate) static EN: Strings = Strings {
    quiz: "Quiz",
    quiz_navigation: "Quiz navigation",
    no_questions: "This quiz has no questions.",
    question_of: "Question {} of {}",
    points_so_far: en("{} point so far", "{} points so far"),
    answered_of: "{} of {} answered",
    check: "Check",
    try_again: "Try again",
    hint_cost: "Hint ({})",
    hint_none: "Hint (none for this question)",
    hint_none_left: "Hint (none left)",
    hints: "Hints",
    hint_n: "Hint {} ({}): ",
    previous: "Previous",
    next: "Next",
    finish: "Finish quiz",
    right: "Right",
    partly_right: "Partly right",
    wrong: "Wrong",
    not_answered: "Not answered",
    points_of: en("{} of {} point", "{} of {} points"),
    tries_left: en("You have {} more try.", "You have {} more tries."),
    why: "Why",
    show_in_article: "Show in article",
    position: "{}: position {}",
    exam_notice: "Exam mode: answers are marked when you finish the quiz. You can change them \
                  until then.",
    welcome_back: "Welcome back: your progress was restored.",
    synced: "Your progress was updated from another tab.",
    results: "Results",
    passed: "Passed",
    not_passed: "Not passed",
    pass_mark: " (pass mark {})",
    finished_live: "Quiz finished: {}. {}.",
    by_tag: "By tag",
    tag: "Tag",
    points: "Points",
    of: "Of",
    review: "Review",
    retry_missed: "Retry the ones I missed",
    start_over: "Start over",
    true_: "True",
    false_: "False",
    blank_n: "Blank {}",
    your_answer: "Your answer ",
    order_instructions: "Put the items in order with the Move up and Move down buttons.",
    move_up: "Move {} up",
    move_down: "Move {} down",
    choose: "Choose\u{2026}",
    evidence_instructions: "Select the supporting sentences in the article: click them, or Tab \
                            into the article and use the arrow keys and Space.",
    clear: "Clear",
    no_sentences: "No sentences selected",
    sentences_selected: en("{} sentence selected", "{} sentences selected"),
    need_sentence: "Select at least one sentence in the article first.",
    need_blanks: "Fill in the blanks first.",
    need_number: "Enter a number first.",
    need_match: "Match at least one item first.",
    need_answer: "Choose an answer first.",
    need_both_parts: "Answer both Part A and Part B first.",
    source_before: "On ",
    source_after: " by {}, {}, {}",
    first_published: " First published by {}",
    read_original: "Read the original",
    related: "Related article: ",
    photo: "Photo: ",
    no_storage: "Progress can't be saved in this browser; it will be lost when you leave the page.",
    set_aside: "Saved progress could not be read and was set aside; starting fresh.",
    earlier_version: "Your saved progress was for an earlier version of this quiz: ",
    answers_kept: en("{} answer was kept", "{} answers were kept"),
    could_not_be: ", {} could not be ({})",
    question_changed: "the question changed",
    questions_changed: "the questions changed",
    question_removed: "the question was removed",
    questions_removed: "the questions were removed",
    changed_or_removed: "questions changed or were removed",
    questions_added: en("; {} new question was added", "; {} new questions were added"),
    load_failed: "This quiz could not be loaded",
    has_problems: "The {} has problems that must be fixed before the quiz can run:",
    the_article: "article",
    the_bank: "quiz's bank file",
    help: "Help: {}",
    line: "line {}",
    column: ", column {}",
    fetch_failed: "The {} could not be fetched from {}: {}.",
    fetch_timeout: "no answer within {} s",
    fetch_network: "the network request failed",
    fetch_status: "the server answered {}",
    loading: "Loading the quiz… (fetching the {} from {})",
};

pub(crate) static RU: Strings = Strings {
    quiz: "Тест",
    quiz_navigation: "Навигация по тесту",
    no_questions: "В этом тесте нет вопросов.",
    question_of: "Вопрос {} из {}",
    points_so_far: Plural {
        one: "Набран {} балл",
        few: "Набрано {} балла",
        many: "Набрано {} баллов",
        other: "Набрано {} балла",
    },
    answered_of: "Отвечено {} из {}",
    check: "Проверить",
    try_again: "Попробовать ещё раз",
    hint_cost: "Подсказка ({})",
    hint_none: "Подсказка (к этому вопросу нет)",
    hint_none_left: "Подсказка (больше нет)",
    hints: "Подсказки",
    hint_n: "Подсказка {} ({}): ",
    previous: "Назад",
    next: "Далее",
    finish: "Завершить тест",
    right: "Верно",
    partly_right: "Частично верно",
    wrong: "Неверно",
    not_answered: "Нет ответа",
    points_of: Plural {
        one: "{} из {} балла",
        few: "{} из {} баллов",
        many: "{} из {} баллов",
        other: "{} из {} балла",
    },
    tries_left: Plural {
        one: "У вас осталась {} попытка.",
        few: "У вас осталось {} попытки.",
        many: "У вас осталось {} попыток.",
        other: "У вас осталось {} попытки.",
    },
    why: "Почему",
    show_in_article: "Показать в статье",
    position: "{}: место {}",
    exam_notice: "Режим экзамена: ответы оцениваются, когда вы завершите тест. До этого их \
                  можно менять.",
    welcome_back: "С возвращением: ваш прогресс восстановлен.",
    synced: "Прогресс обновлён из другой вкладки.",
    results: "Результаты",
    passed: "Зачтено",
    not_passed: "Не зачтено",
    pass_mark: " (проходной балл {})",
    finished_live: "Тест завершён: {}. {}.",
    by_tag: "По темам",
    tag: "Тема",
    points: "Баллы",
    of: "Из",
    review: "Разбор",
    retry_missed: "Повторить ошибки",
    start_over: "Начать заново",
    true_: "Верно",
    false_: "Неверно",
    blank_n: "Пропуск {}",
    your_answer: "Ваш ответ ",
    order_instructions: "Расставьте пункты по порядку кнопками «Вверх» и «Вниз».",
    move_up: "Переместить «{}» вверх",
    move_down: "Переместить «{}» вниз",
    choose: "Выберите\u{2026}",
    evidence_instructions: "Выделите в статье предложения, которые подтверждают ответ: щёлкните \
                            по ним или перейдите в статью клавишей Tab и выбирайте стрелками и \
                            пробелом.",
    clear: "Очистить",
    no_sentences: "Предложения не выбраны",
    sentences_selected: Plural {
        one: "Выбрано {} предложение",
        few: "Выбрано {} предложения",
        many: "Выбрано {} предложений",
        other: "Выбрано {} предложения",
    },
    need_sentence: "Сначала выделите в статье хотя бы одно предложение.",
    need_blanks: "Сначала заполните пропуски.",
    need_number: "Сначала введите число.",
    need_match: "Сначала сопоставьте хотя бы один пункт.",
    need_answer: "Сначала выберите ответ.",
    need_both_parts: "Сначала ответьте на часть A и часть B.",
    source_before: "По статье ",
    source_after: ": {}, {}, {}",
    first_published: " Впервые опубликовано: {}",
    read_original: "Читать оригинал",
    related: "Статья по теме: ",
    photo: "Фото: ",
    no_storage: "Этот браузер не может сохранить прогресс: он пропадёт, когда вы уйдёте со \
                 страницы.",
    set_aside: "Сохранённый прогресс не удалось прочитать, он отложен; начинаем заново.",
    earlier_version: "Ваш прогресс сохранён для прежней версии теста: ",
    answers_kept: Plural {
        one: "сохранён {} ответ",
        few: "сохранено {} ответа",
        many: "сохранено {} ответов",
        other: "сохранено {} ответа",
    },
    could_not_be: ", {} не удалось сохранить ({})",
    question_changed: "вопрос изменился",
    questions_changed: "вопросы изменились",
    question_removed: "вопрос удалён",
    questions_removed: "вопросы удалены",
    changed_or_removed: "вопросы изменились или удалены",
    questions_added: Plural {
        one: "; добавлен {} новый вопрос",
        few: "; добавлено {} новых вопроса",
        many: "; добавлено {} новых вопросов",
        other: "; добавлено {} новых вопроса",
    },
    load_failed: "Не удалось загрузить тест",
    has_problems: "В {} есть ошибки, которые нужно исправить, чтобы тест заработал:",
    the_article: "файле статьи",
    the_bank: "файле вопросов",
    help: "Подсказка: {}",
    line: "строка {}",
    column: ", столбец {}",
    fetch_failed: "Не удалось загрузить {} с адреса {}: {}.",
    fetch_timeout: "нет ответа за {} с",
    fetch_network: "сетевой запрос не удался",
    fetch_status: "сервер ответил {}",
    loading: "Загрузка теста… (загружаем {} с адреса {})",
};

/// What a fetch error names, in the language at hand: "bank" or "article".
pub(crate) fn fetched_what(lang: Lang, what: &str) -> &'static str {
    match (lang, what) {
        (Lang::Ru, "article") => "статью",
        (Lang::Ru, _) => "файл вопросов",
        (Lang::En, "article") => "article",
        (Lang::En, _) => "bank",
    }
}

/// Fills the `{}` holes of a template with `args`, in order. A hole with no
/// argument is left empty; surplus arguments are ignored. An argument's
/// unterminated bidi controls are closed where it ends (it may be bank
/// text), so they cannot reorder the template's words after it.
pub(crate) fn fill(template: &str, args: &[&str]) -> String {
    let extra: usize = args.iter().map(|a| a.len()).sum();
    let mut out = String::with_capacity(template.len() + extra);
    let mut args = args.iter();
    let mut rest = template;
    while let Some(i) = rest.find("{}") {
        out.push_str(rest.get(..i).unwrap_or(""));
        super::text::push_bidi_closed(&mut out, args.next().copied().unwrap_or(""));
        rest = rest.get(i + 2..).unwrap_or("");
    }
    out.push_str(rest);
    out
}

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
    pub(crate) fn form<'a>(&self, n: f64, p: &'a Plural) -> &'a str {
        let shown = (n * 100.0).round() / 100.0;
        match self.locale.plural(shown) {
            Category::One => p.one,
            Category::Few => p.few,
            Category::Many => p.many,
            Category::Other => p.other,
        }
    }

    /// `p` for `n`, with `n` in its hole: "2 points so far", "Набрано 2 балла".
    pub(crate) fn count(&self, n: f64, p: &Plural) -> String {
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
