// The messages the Wasm cannot draw: when the widget itself cannot start
// (the Wasm failed to load, a <cite-quiz> has no bank, a link names a bank
// on another site), and the status while a file is fetched (the bank's
// first bytes decide which Wasm starts: load.js). Every other
// UI string lives in the Rust view's tables (src/web/view/i18n.rs); these
// few are here, in the same two languages, because they are shown when
// there is no Wasm to ask.
const STRINGS = {
  en: {
    start: 'The quiz could not start:',
    noBank: 'this <cite-quiz> has no bank attribute (the URL of a bank file).',
    otherSite: (origin) => `this link names a quiz on another site (${origin}), which this page does not show. Open the quiz from the site that publishes it.`,
    loading: (what, url) => `Loading the quiz… (fetching the ${what} from ${url})`,
  },
  ru: {
    start: 'Не удалось запустить тест:',
    noBank: 'у элемента <cite-quiz> нет атрибута bank (адреса файла с вопросами).',
    otherSite: (origin) => `ссылка ведёт к тесту с другого сайта (${origin}), а эта страница такие тесты не показывает. Откройте тест на сайте, который его публикует.`,
    loading: (what, url) => `Загрузка теста… (загружаем ${what === 'article' ? 'статью' : 'файл вопросов'} с адреса ${url})`,
  },
};

/** The strings for a BCP 47 tag (default: the browser's language), English as the fallback. */
export function strings(lang) {
  const tag = (lang || navigator.language || 'en').toLowerCase();
  return STRINGS[tag.split('-')[0]] || STRINGS.en;
}

/** Replaces `host`'s content (but stylesheets) with an alert saying the quiz could not start. */
export function showFatal(host, error, lang) {
  show(host, 'p', 'citequiz citequiz-fatal', 'alert', lang).textContent = `${strings(lang).start} ${error.message || error}`;
  console.warn(error);
}

/**
 * Replaces `host`'s content (but stylesheets) with the status shown while
 * the `what` (`'bank'` or `'article'`) is fetched from `url`: "Loading the
 * quiz…" (`role="status"`, so it is read out).
 */
export function showLoading(host, what, url, lang) {
  show(host, 'div', 'citequiz citequiz-loading', 'status', lang)
    .appendChild(document.createElement('p')).textContent = strings(lang).loading(what, url);
}

/** Replaces `host`'s content (but stylesheets) with a `name` element, returned. */
function show(host, name, className, role, lang) {
  for (const n of [...host.childNodes]) if (n.localName !== 'link' && n.localName !== 'style') n.remove();
  const e = host.appendChild(document.createElement(name));
  e.className = className;
  e.setAttribute('role', role);
  e.lang = lang || navigator.language || 'en';
  return e;
}
