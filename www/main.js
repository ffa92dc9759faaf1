// The self-study page. With ?bank=, it mounts that bank into #quiz (from the
// page's own origin, or one its configuration allows: load.js, bankFromQuery), with
// ?seed=, ?mode=, ?pool=, ?tags= and ?lang= as options; fetching and error
// panels are load.js's, shared with <cite-quiz>. Without ?bank=, it is the
// home page: it lists the quizzes named in /quiz-data/index.json (each
// bank's title, description, number of questions and its article's title,
// kept current by tests/banks.rs), one link per bank, and says which ones
// this browser holds progress in.
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

/** Whether this browser holds the learner's progress in a bank (the widget saves it under "citequiz:" + its id). */
function hasProgress(id) {
  try {
    return id !== undefined && localStorage.getItem(`citequiz:${id}`) !== null;
  } catch {
    return false; // storage blocked: the quiz says so itself when opened
  }
}

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
    const heading = el('h2');
    heading.append(link);
    const facts = [`On the article “${entry.article}”`];
    if (entry.questions) facts.push(entry.questions === 1 ? '1 question' : `${entry.questions} questions`);
    const item = el('li');
    item.append(heading, el('p', 'citequiz-home-article', facts.join(' · ')));
    if (entry.description) item.append(el('p', 'citequiz-home-description', entry.description));
    if (hasProgress(entry.id)) item.append(el('p', 'citequiz-home-progress', 'Your progress is saved in this browser: open the quiz to go on.'));
    list.append(item);
  }
  const home = el('section', 'citequiz-home');
  home.append(
    el('h1', null, 'Quizzes'),
    el('p', 'citequiz-home-lede', 'Read the article, answer the questions, and see the passage of the article behind every answer.'),
    list,
  );
  host.replaceChildren(home);
}
