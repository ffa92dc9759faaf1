// The self-study page: mounts the bank named by ?bank= (default: the full
// bank) into #quiz, with ?seed=, ?mode=, ?pool=, ?tags= and ?lang= as
// options. Fetching and error panels are load.js's, shared with <cite-quiz>.
import { mountQuiz } from './load.js';

const DEFAULT_BANK = '/quiz-data/banks/gabuev-full.json';
const host = document.getElementById('quiz');
const params = new URLSearchParams(location.search);

const options = {};
for (const name of ['seed', 'pool']) if (params.has(name)) options[name] = Number(params.get(name));
for (const name of ['mode', 'tags', 'lang']) if (params.has(name)) options[name] = params.get(name);

mountQuiz(host, new URL(params.get('bank') || DEFAULT_BANK, location.href), options)
  .then((widget) => {
    // Keep the widget alive for the page's lifetime (and for tests).
    if (widget) window.citequiz = widget;
  })
  .catch((e) => {
    // The Wasm itself failed to load: there is no widget to draw the panel.
    host.textContent = '';
    const p = document.createElement('p');
    p.className = 'citequiz-fatal';
    p.setAttribute('role', 'alert');
    p.textContent = `The quiz could not start: ${e.message || e}`;
    host.append(p);
  })
  .finally(() => host.removeAttribute('aria-busy'));
