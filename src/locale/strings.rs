//! Every string the widget's learner reads, per language: a [`Strings`]
//! table for English ([`EN`]) and Russian ([`RU`]). A sentence with a
//! number or a name in it is a [`Template`] whose `{}` holes [`fill`] fills
//! in order, and one whose words agree with a number is a [`Plural`],
//! picked by the number's CLDR plural category (`Locale::plural`).
//!
//! Invariant: a template has the same holes in every language, as many as
//! its type says (`Template<2>` has two), and `fill` takes exactly that
//! many arguments. Both are checked when the crate is built: the tables are
//! statics built by [`t`], which refuses a text with another number of
//! holes or a stray brace, and `fill`'s arguments are an array of the
//! template's length. A mismatch cannot reach a learner, and costs the Wasm
//! nothing. Bank and article text is not UI text: `fill` only closes the
//! bidi controls it leaves open.
//!
//! Compiled for the widget's view (`web::view::i18n`, which adds the
//! browser's language and the formatters) and for the tests; pure, so the
//! tests run natively.

use super::Lang;
use crate::text::bidi::push_bidi_closed;

/// A sentence with `N` holes (`{}`), filled in order by [`fill`]. Built
/// only by [`t`], so its text has exactly `N` holes.
#[derive(Clone, Copy)]
pub(crate) struct Template<const N: usize>(&'static str);

/// `text` as a template of `N` holes. The tables below are statics, which
/// the compiler evaluates: a text with another number of holes, or with a
/// brace that is not part of a hole (`{0}`, `{ }`), fails the build here.
const fn t<const N: usize>(text: &'static str) -> Template<N> {
    assert!(
        matches!(holes(text), Some(n) if n == N),
        "a UI template has not as many holes as its type says"
    );
    Template(text)
}

/// How many `{}` holes `text` has; `None` if it has a brace outside one.
const fn holes(text: &str) -> Option<usize> {
    let mut rest = text.as_bytes();
    let mut n = 0;
    loop {
        match rest {
            [] => return Some(n),
            [b'{', b'}', tail @ ..] => {
                n += 1;
                rest = tail;
            }
            [b'{' | b'}', ..] => return None,
            [_, tail @ ..] => rest = tail,
        }
    }
}

/// The forms of a phrase that agrees with a number, by CLDR plural
/// category, each with the same `N` holes. English uses `one` and `other`;
/// Russian all four (`other` is for fractions: 1,5 балла).
pub(crate) struct Plural<const N: usize> {
    pub(crate) one: Template<N>,
    pub(crate) few: Template<N>,
    pub(crate) many: Template<N>,
    pub(crate) other: Template<N>,
}

/// Declares [`Strings`] and, for the tests, a list of all its texts, so
/// that a field added to the table is in the list without more ado.
macro_rules! strings {
    ($($field:ident: $ty:ty,)*) => {
        /// Every UI string of the widget in one language.
        pub(crate) struct Strings {
            $(pub(crate) $field: $ty,)*
        }

        #[cfg(test)]
        impl Strings {
            /// Every text as (field, form, text, holes its type gives it).
            fn all(&self) -> Vec<tests::Row> {
                let mut out = Vec::new();
                $(tests::Texts::push(&self.$field, stringify!($field), &mut out);)*
                out
            }
        }
    };
}

strings! {
    // The quiz pane.
    quiz: &'static str,
    quiz_navigation: &'static str,
    no_questions: &'static str,
    question_of: Template<2>,
    points_so_far: Plural<1>,
    answered_of: Template<2>,
    check: &'static str,
    try_again: &'static str,
    hint_cost: Template<1>,
    hint_none_left: &'static str,
    hints: &'static str,
    hint_n: Template<2>,
    previous: &'static str,
    next: &'static str,
    finish: &'static str,
    right: &'static str,
    partly_right: &'static str,
    wrong: &'static str,
    not_answered: &'static str,
    points_of: Plural<2>,
    tries_left: Plural<1>,
    why: &'static str,
    show_in_article: &'static str,
    // A citation highlighted in the host page's reading; the hole is its text.
    highlighted_in_reading: Template<1>,
    position: Template<2>,
    exam_notice: &'static str,
    welcome_back: &'static str,
    synced: &'static str,
    // Results.
    results: &'static str,
    passed: &'static str,
    not_passed: &'static str,
    pass_mark: Template<1>,
    finished_live: Template<2>,
    by_tag: &'static str,
    tag: &'static str,
    points: &'static str,
    of: &'static str,
    review: &'static str,
    retry_missed: &'static str,
    start_over: &'static str,
    // Spaced review.
    due_for_review: Plural<1>,
    nothing_due: &'static str,
    start_review: &'static str,
    new_per_day: &'static str,
    next_review_today: &'static str,
    next_review_tomorrow: &'static str,
    next_review_in: Plural<1>,
    review_cleared: Plural<1>,
    review_set_aside: &'static str,
    passage_not_asked: &'static str,
    passage_shaky: &'static str,
    passage_known: &'static str,
    practise_passage: &'static str,
    to_reread: &'static str,
    paragraph_n: Template<1>,
    export_progress: &'static str,
    import_progress: &'static str,
    review_settings: &'static str,
    progress_imported: Plural<1>,
    import_other_bank: &'static str,
    import_newer: &'static str,
    import_corrupt: &'static str,
    // Inputs.
    true_: &'static str,
    false_: &'static str,
    blank_n: Template<1>,
    your_answer: &'static str,
    order_instructions: &'static str,
    move_up: Template<1>,
    move_down: Template<1>,
    choose: &'static str,
    evidence_instructions: &'static str,
    clear: &'static str,
    no_sentences: &'static str,
    sentences_selected: Plural<1>,
    need_sentence: &'static str,
    need_blanks: &'static str,
    need_number: &'static str,
    need_match: &'static str,
    need_answer: &'static str,
    need_both_parts: &'static str,
    // Header and article.
    source_before: &'static str,
    source_after: Template<3>,
    first_published: Template<1>,
    read_original: &'static str,
    related: &'static str,
    photo: &'static str,
    // Saved progress.
    no_storage: &'static str,
    set_aside: &'static str,
    earlier_version: &'static str,
    answers_kept: Plural<1>,
    could_not_be: Template<2>,
    question_changed: &'static str,
    questions_changed: &'static str,
    question_removed: &'static str,
    questions_removed: &'static str,
    changed_or_removed: &'static str,
    questions_added: Plural<1>,
    // Errors.
    load_failed: &'static str,
    has_problems: Template<1>,
    the_article: &'static str,
    the_bank: &'static str,
    help: Template<1>,
    line: Template<1>,
    column: Template<1>,
    fetch_failed: Template<3>,
    fetch_timeout: Template<1>,
    fetch_network: &'static str,
    fetch_status: Template<1>,
}

const fn en<const N: usize>(one: &'static str, other: &'static str) -> Plural<N> {
    Plural { one: t(one), few: t(other), many: t(other), other: t(other) }
}

pub(crate) static EN: Strings = Strings {
    quiz: "Quiz",
    quiz_navigation: "Quiz navigation",
    no_questions: "This quiz has no questions.",
    question_of: t("Question {} of {}"),
    points_so_far: en("{} point so far", "{} points so far"),
    answered_of: t("{} of {} answered"),
    check: "Check",
    try_again: "Try again",
    hint_cost: t("Hint ({})"),
    hint_none_left: "Hint (none left)",
    hints: "Hints",
    hint_n: t("Hint {} ({}): "),
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
    highlighted_in_reading: t("Highlighted in the reading: \u{201C}{}\u{201D}"),
    position: t("{}: position {}"),
    exam_notice: "Exam mode: answers are marked when you finish the quiz. You can change them \
                  until then.",
    welcome_back: "Welcome back: your progress was restored.",
    synced: "Your progress was updated from another tab.",
    results: "Results",
    passed: "Passed",
    not_passed: "Not passed",
    pass_mark: t(" (pass mark {})"),
    finished_live: t("Quiz finished: {}. {}."),
    by_tag: "By tag",
    tag: "Tag",
    points: "Points",
    of: "Of",
    review: "Review",
    retry_missed: "Retry the ones I missed",
    start_over: "Start over",
    due_for_review: en("{} question due for review", "{} questions due for review"),
    nothing_due: "Nothing due for review",
    start_review: "Review",
    new_per_day: "New questions per day",
    next_review_today: "Next review: today",
    next_review_tomorrow: "Next review: tomorrow",
    next_review_in: en("Next review: in {} day", "Next review: in {} days"),
    review_cleared: en(
        "{} saved review record could not be used (unreadable, or its question changed) and was \
         cleared; the others were kept.",
        "{} saved review records could not be used (unreadable, or their questions changed) and \
         were cleared; the others were kept.",
    ),
    review_set_aside: "Your review schedule could not be read and was set aside; reviews start \
                       fresh.",
    passage_not_asked: "Not yet asked",
    passage_shaky: "Shaky",
    passage_known: "Known",
    practise_passage: "Practise this passage",
    to_reread: "Passages to reread",
    paragraph_n: t("Paragraph {}"),
    export_progress: "Export progress",
    import_progress: "Import progress",
    review_settings: "Daily limit and progress file",
    progress_imported: en(
        "Progress imported: {} question updated.",
        "Progress imported: {} questions updated.",
    ),
    import_other_bank: "That file is progress on another quiz; nothing was changed.",
    import_newer: "That file was saved by a later version of citequiz; nothing was changed.",
    import_corrupt: "That file is not readable citequiz progress; nothing was changed.",
    true_: "True",
    false_: "False",
    blank_n: t("Blank {}"),
    your_answer: "Your answer ",
    order_instructions: "Put the items in order with the Move up and Move down buttons.",
    move_up: t("Move {} up"),
    move_down: t("Move {} down"),
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
    source_after: t(" by {}, {}, {}"),
    first_published: t(" First published by {}"),
    read_original: "Read the original",
    related: "Related article: ",
    photo: "Photo: ",
    no_storage: "Progress can't be saved in this browser; it will be lost when you leave the page.",
    set_aside: "Saved progress could not be read and was set aside; starting fresh.",
    earlier_version: "Your saved progress was for an earlier version of this quiz: ",
    answers_kept: en("{} answer was kept", "{} answers were kept"),
    could_not_be: t(", {} could not be ({})"),
    question_changed: "the question changed",
    questions_changed: "the questions changed",
    question_removed: "the question was removed",
    questions_removed: "the questions were removed",
    changed_or_removed: "questions changed or were removed",
    questions_added: en("; {} new question was added", "; {} new questions were added"),
    load_failed: "This quiz could not be loaded",
    has_problems: t("The {} has problems that must be fixed before the quiz can run:"),
    the_article: "article",
    the_bank: "quiz's bank file",
    help: t("Help: {}"),
    line: t("line {}"),
    column: t(", column {}"),
    fetch_failed: t("The {} could not be fetched from {}: {}."),
    fetch_timeout: t("no answer within {} s"),
    fetch_network: "the network request failed",
    fetch_status: t("the server answered {}"),
};

pub(crate) static RU: Strings = Strings {
    quiz: "Тест",
    quiz_navigation: "Навигация по тесту",
    no_questions: "В этом тесте нет вопросов.",
    question_of: t("Вопрос {} из {}"),
    points_so_far: Plural {
        one: t("Набран {} балл"),
        few: t("Набрано {} балла"),
        many: t("Набрано {} баллов"),
        other: t("Набрано {} балла"),
    },
    answered_of: t("Отвечено {} из {}"),
    check: "Проверить",
    try_again: "Попробовать ещё раз",
    hint_cost: t("Подсказка ({})"),
    hint_none_left: "Подсказка (больше нет)",
    hints: "Подсказки",
    hint_n: t("Подсказка {} ({}): "),
    previous: "Назад",
    next: "Далее",
    finish: "Завершить тест",
    right: "Верно",
    partly_right: "Частично верно",
    wrong: "Неверно",
    not_answered: "Нет ответа",
    points_of: Plural {
        one: t("{} из {} балла"),
        few: t("{} из {} баллов"),
        many: t("{} из {} баллов"),
        other: t("{} из {} балла"),
    },
    tries_left: Plural {
        one: t("У вас осталась {} попытка."),
        few: t("У вас осталось {} попытки."),
        many: t("У вас осталось {} попыток."),
        other: t("У вас осталось {} попытки."),
    },
    why: "Почему",
    show_in_article: "Показать в статье",
    highlighted_in_reading: t("Выделено в тексте: \u{AB}{}\u{BB}"),
    position: t("{}: место {}"),
    exam_notice: "Режим экзамена: ответы оцениваются, когда вы завершите тест. До этого их \
                  можно менять.",
    welcome_back: "С возвращением: ваш прогресс восстановлен.",
    synced: "Прогресс обновлён из другой вкладки.",
    results: "Результаты",
    passed: "Зачтено",
    not_passed: "Не зачтено",
    pass_mark: t(" (проходной балл {})"),
    finished_live: t("Тест завершён: {}. {}."),
    by_tag: "По темам",
    tag: "Тема",
    points: "Баллы",
    of: "Из",
    review: "Разбор",
    retry_missed: "Повторить ошибки",
    start_over: "Начать заново",
    due_for_review: Plural {
        one: t("{} вопрос ждёт повторения"),
        few: t("{} вопроса ждут повторения"),
        many: t("{} вопросов ждут повторения"),
        other: t("{} вопроса ждут повторения"),
    },
    nothing_due: "Повторять пока нечего",
    start_review: "Повторить",
    new_per_day: "Новых вопросов в день",
    next_review_today: "Следующее повторение: сегодня",
    next_review_tomorrow: "Следующее повторение: завтра",
    next_review_in: Plural {
        one: t("Следующее повторение: через {} день"),
        few: t("Следующее повторение: через {} дня"),
        many: t("Следующее повторение: через {} дней"),
        other: t("Следующее повторение: через {} дня"),
    },
    review_cleared: Plural {
        one: t("{} сохранённая запись повторения непригодна (не читается или вопрос изменился) и \
                удалена; остальные сохранены."),
        few: t("{} сохранённые записи повторения непригодны (не читаются или вопросы изменились) \
                и удалены; остальные сохранены."),
        many: t("{} сохранённых записей повторения непригодны (не читаются или вопросы \
                 изменились) и удалены; остальные сохранены."),
        other: t("{} сохранённой записи повторения непригодны и удалены; остальные сохранены."),
    },
    review_set_aside: "Расписание повторений не удалось прочитать, оно отложено; повторение \
                       начинается заново.",
    passage_not_asked: "Ещё не спрашивали",
    passage_shaky: "Нетвёрдо",
    passage_known: "Усвоено",
    practise_passage: "Потренировать этот фрагмент",
    to_reread: "Что перечитать",
    paragraph_n: t("Абзац {}"),
    export_progress: "Сохранить прогресс в файл",
    import_progress: "Загрузить прогресс из файла",
    review_settings: "Дневной лимит и файл прогресса",
    progress_imported: Plural {
        one: t("Прогресс загружен: обновлён {} вопрос."),
        few: t("Прогресс загружен: обновлено {} вопроса."),
        many: t("Прогресс загружен: обновлено {} вопросов."),
        other: t("Прогресс загружен: обновлено {} вопроса."),
    },
    import_other_bank: "Этот файл — прогресс по другому тесту; ничего не изменено.",
    import_newer: "Этот файл сохранён более новой версией citequiz; ничего не изменено.",
    import_corrupt: "Этот файл не читается как прогресс citequiz; ничего не изменено.",
    true_: "Верно",
    false_: "Неверно",
    blank_n: t("Пропуск {}"),
    your_answer: "Ваш ответ ",
    order_instructions: "Расставьте пункты по порядку кнопками «Вверх» и «Вниз».",
    move_up: t("Переместить «{}» вверх"),
    move_down: t("Переместить «{}» вниз"),
    choose: "Выберите\u{2026}",
    evidence_instructions: "Выделите в статье предложения, которые подтверждают ответ: щёлкните \
                            по ним или перейдите в статью клавишей Tab и выбирайте стрелками и \
                            пробелом.",
    clear: "Очистить",
    no_sentences: "Предложения не выбраны",
    sentences_selected: Plural {
        one: t("Выбрано {} предложение"),
        few: t("Выбрано {} предложения"),
        many: t("Выбрано {} предложений"),
        other: t("Выбрано {} предложения"),
    },
    need_sentence: "Сначала выделите в статье хотя бы одно предложение.",
    need_blanks: "Сначала заполните пропуски.",
    need_number: "Сначала введите число.",
    need_match: "Сначала сопоставьте хотя бы один пункт.",
    need_answer: "Сначала выберите ответ.",
    need_both_parts: "Сначала ответьте на часть A и часть B.",
    source_before: "По статье ",
    source_after: t(": {}, {}, {}"),
    first_published: t(" Впервые опубликовано: {}"),
    read_original: "Читать оригинал",
    related: "Статья по теме: ",
    photo: "Фото: ",
    no_storage: "Этот браузер не может сохранить прогресс: он пропадёт, когда вы уйдёте со \
                 страницы.",
    set_aside: "Сохранённый прогресс не удалось прочитать, он отложен; начинаем заново.",
    earlier_version: "Ваш прогресс сохранён для прежней версии теста: ",
    answers_kept: Plural {
        one: t("сохранён {} ответ"),
        few: t("сохранено {} ответа"),
        many: t("сохранено {} ответов"),
        other: t("сохранено {} ответа"),
    },
    could_not_be: t(", {} не удалось сохранить ({})"),
    question_changed: "вопрос изменился",
    questions_changed: "вопросы изменились",
    question_removed: "вопрос удалён",
    questions_removed: "вопросы удалены",
    changed_or_removed: "вопросы изменились или удалены",
    questions_added: Plural {
        one: t("; добавлен {} новый вопрос"),
        few: t("; добавлено {} новых вопроса"),
        many: t("; добавлено {} новых вопросов"),
        other: t("; добавлено {} новых вопроса"),
    },
    load_failed: "Не удалось загрузить тест",
    has_problems: t("В {} есть ошибки, которые нужно исправить, чтобы тест заработал:"),
    the_article: "файле статьи",
    the_bank: "файле вопросов",
    help: t("Подсказка: {}"),
    line: t("строка {}"),
    column: t(", столбец {}"),
    fetch_failed: t("Не удалось загрузить {} с адреса {}: {}."),
    fetch_timeout: t("нет ответа за {} с"),
    fetch_network: "сетевой запрос не удался",
    fetch_status: t("сервер ответил {}"),
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

/// Fills the holes of `template` with `args`, in order: as many arguments
/// as holes, by type. An argument's unterminated bidi controls are closed
/// where it ends (it may be bank text), so they cannot reorder the
/// template's words after it.
pub(crate) fn fill<const N: usize>(template: Template<N>, args: &[&str; N]) -> String {
    fill_in(template.0, args)
}

/// `fill`'s work, once for every number of holes.
fn fill_in(template: &str, args: &[&str]) -> String {
    let extra: usize = args.iter().map(|a| a.len()).sum();
    let mut out = String::with_capacity(template.len() + extra);
    let mut args = args.iter();
    let mut rest = template;
    while let Some(i) = rest.find("{}") {
        out.push_str(rest.get(..i).unwrap_or(""));
        push_bidi_closed(&mut out, args.next().copied().unwrap_or(""));
        rest = rest.get(i + 2..).unwrap_or("");
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A text of a table: its field, its plural form ("" for none), the
    /// text, and the number of holes its type gives it.
    pub(super) type Row = (&'static str, &'static str, &'static str, usize);

    /// What a table's field holds: its texts and the holes their type gives them.
    pub(super) trait Texts {
        fn push(&self, field: &'static str, out: &mut Vec<Row>);
    }

    impl Texts for &'static str {
        fn push(&self, field: &'static str, out: &mut Vec<Row>) {
            out.push((field, "", self, 0));
        }
    }

    impl<const N: usize> Texts for Template<N> {
        fn push(&self, field: &'static str, out: &mut Vec<Row>) {
            out.push((field, "", self.0, N));
        }
    }

    impl<const N: usize> Texts for Plural<N> {
        fn push(&self, field: &'static str, out: &mut Vec<Row>) {
            for (form, t) in
                [("one", self.one), ("few", self.few), ("many", self.many), ("other", self.other)]
            {
                out.push((field, form, t.0, N));
            }
        }
    }

    #[test]
    fn every_text_has_the_holes_its_type_gives_it_in_every_language() {
        let (en, ru) = (EN.all(), RU.all());
        assert_eq!(en.len(), ru.len());
        let mut wrong = Vec::new();
        for (lang, table) in [("en", &en), ("ru", &ru)] {
            for &(field, form, text, n) in table.iter() {
                if holes(text) != Some(n) {
                    wrong.push(format!("{lang} {field} {form}: {text:?} should have {n} holes"));
                }
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
        // Both list the same fields and forms, with the same holes (the
        // macro that declares `Strings` lists every field).
        let names =
            |t: &[Row]| -> Vec<_> { t.iter().map(|&(f, form, _, n)| (f, form, n)).collect() };
        assert_eq!(names(&en), names(&ru));
    }

    #[test]
    fn holes_counts_whole_holes_and_refuses_stray_braces() {
        assert_eq!(holes(""), Some(0));
        assert_eq!(holes("Quiz"), Some(0));
        assert_eq!(holes("{}"), Some(1));
        assert_eq!(holes("Question {} of {}"), Some(2));
        assert_eq!(holes("{}{}"), Some(2));
        for stray in ["{0}", "{ }", "{", "}", "}{", "a {{}", "{}}", "Вопрос {1} из {}"] {
            assert_eq!(holes(stray), None, "{stray:?}");
        }
    }

    #[test]
    fn fill_fills_the_holes_in_order() {
        assert_eq!(fill(EN.question_of, &["3", "10"]), "Question 3 of 10");
        assert_eq!(fill(RU.question_of, &["3", "10"]), "Вопрос 3 из 10");
        assert_eq!(
            fill(EN.source_after, &["A", "P", "2 December 2020"]),
            " by A, P, 2 December 2020"
        );
        assert_eq!(fill(t::<0>("no holes"), &[]), "no holes");
        assert_eq!(fill(t::<1>("{}"), &[""]), "");
    }

    #[test]
    fn fill_closes_the_bidi_controls_an_argument_leaves_open() {
        // An unterminated right-to-left override in bank text would mirror
        // " up" after it.
        assert_eq!(fill(EN.move_up, &["\u{202E}abc"]), "Move \u{202E}abc\u{202C} up");
        assert_eq!(fill(EN.move_up, &["\u{2067}abc\u{2069}"]), "Move \u{2067}abc\u{2069} up");
    }

    #[test]
    fn a_fetch_error_names_the_file_in_the_language_at_hand() {
        assert_eq!(fetched_what(Lang::En, "article"), "article");
        assert_eq!(fetched_what(Lang::En, "bank"), "bank");
        assert_eq!(fetched_what(Lang::Ru, "article"), "статью");
        assert_eq!(fetched_what(Lang::Ru, "bank"), "файл вопросов");
    }
}
