// The self-study page: mounts the bank named by ?bank= (default: the full
// bank) into #quiz, with ?seed=, ?mode=, ?pool=, ?tags= and ?lang= as
// options. Fetching and error panels are load.js's, shared with <cite-quiz>.
import { mountQuiz } from './load.js';
import { showFatal } from './fatal.js';

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
  // The Wasm itself failed to load: there is no widget to draw the panel.
  .catch((e) => showFatal(host, e, options.lang))
  .finally(() => host.removeAttribute('aria-busy'));
