// The one message the Wasm cannot draw: when the widget itself cannot
// start (the Wasm failed to load, a <cite-quiz> has no bank, a link names a
// bank on another site). Every other
// UI string lives in the Rust view's tables (src/web/view/i18n.rs); these
// few are here, in the same two languages, because they are shown when
// there is no Wasm to ask.
const STRINGS = {
  en: {
    start: 'The quiz could not start:',
    noBank: 'this <cite-quiz> has no bank attribute (the URL of a bank file).',
    otherSite: (origin) => `this link names a quiz on another site (${origin}), which this page does not show. Open the quiz from the site that publishes it.`,
  },
  ru: {
    start: 'Не удалось запустить тест:',
    noBank: 'у элемента <cite-quiz> нет атрибута bank (адреса файла с вопросами).',
    otherSite: (origin) => `ссылка ведёт к тесту с другого сайта (${origin}), а эта страница такие тесты не показывает. Откройте тест на сайте, который его публикует.`,
  },
};

/** The strings for a BCP 47 tag (default: the browser's language), English as the fallback. */
export function strings(lang) {
  const tag = (lang || navigator.language || 'en').toLowerCase();
  return STRINGS[tag.split('-')[0]] || STRINGS.en;
}

/** Replaces `host`'s content (but a stylesheet link) with an alert saying the quiz could not start. */
export function showFatal(host, error, lang) {
  for (const n of [...host.childNodes]) if (n.localName !== 'link') n.remove();
  const p = document.createElement('p');
  p.className = 'citequiz citequiz-fatal';
  p.setAttribute('role', 'alert');
  p.lang = (lang || navigator.language || 'en');
  p.textContent = `${strings(lang).start} ${error.message || error}`;
  host.append(p);
  console.warn(error);
}
