// The self-study page. With ?bank=, it mounts that bank into #quiz (from the
// page's own origin, or one its configuration allows: load.js, bankFromQuery), with
// ?seed=, ?mode=, ?pool=, ?tags= and ?lang= as options; fetching and error
// panels are load.js's, shared with <cite-quiz>. Without ?bank=, it is the
// home page: it lists the quizzes named in /quiz-data/index.json (each
// bank's title and its article's, kept current by tests/banks.rs), one link
// per bank.
import { mountQuiz, fetchText, bankFromQuery } from './load.js';
import { showFatal } from './fatal.js';

const INDEX = '/quiz-data/index.json';
const host = document.getElementById('quiz');
const params = new URLSearchParams(location.search);

const options = {};
for (const name of ['seed', 'pool']) if (params.has(name)) options[name] = Number(params.get(name));
for (const name of ['mode', 'tags', 'lang']) if (params.has(name)) options[name] = params.get(name);

const shown = params.has('bank')
  ? Promise.resolve().then(() => mountQuiz(host, bankFromQuery(params.get('bank'), options.lang), options)).then((widget) => {
    // Keep the widget alive for the page's lifetime (and for tests).
    if (widget) window.citequiz = widget;
  })
  : listQuizzes(host);
shown
  // The Wasm or the index failed to load, or ?bank= names another site's
  // bank: there is no widget to draw the panel.
  .catch((e) => showFatal(host, e, options.lang))
  .finally(() => host.removeAttribute('aria-busy'));

/** Replaces `host`'s content with the list of quizzes in the index, as text nodes. */
async function listQuizzes(host) {
  const index = JSON.parse(await fetchText(INDEX, 'list of quizzes'));
  const el = (name, className, text) => {
    const e = document.createElement(name);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  };
  const list = el('ul', 'citequiz-home-list');
  for (const entry of index.banks || []) {
    const link = el('a', null, entry.title);
    // The compiled bank when the index names one (`make demo` writes them):
    // one request, and the widget's fast path.
    link.href = `?bank=${encodeURI(entry.compiled || entry.bank)}`;
    const item = el('li');
    item.append(link, el('span', 'citequiz-home-article', `On the article “${entry.article}”`));
    list.append(item);
  }
  const home = el('section', 'citequiz-home');
  home.append(el('h1', null, 'Quizzes'), list);
  host.replaceChildren(home);
}
