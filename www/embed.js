// embed.html's script: a <cite-quiz> from the query string, and its height
// reported to the parent page whenever it changes.
import './citequiz.js';
import { showFatal } from './fatal.js';
import { bankFromQuery } from './load.js';

const params = new URLSearchParams(location.search);
const quiz = document.createElement('cite-quiz');
for (const name of ['mode', 'seed', 'pool', 'tags', 'lang', 'show-article']) {
  const value = params.get(name);
  if (value !== null) quiz.setAttribute(name, value);
}
if (params.get('id')) quiz.id = params.get('id');
if (params.get('lang')) document.documentElement.lang = params.get('lang');
try {
  // The bank only from this page's origin or one its configuration allows
  // (load.js): the URL is anyone's to write.
  if (params.has('bank')) quiz.setAttribute('bank', bankFromQuery(params.get('bank'), params.get('lang')).href);
  document.body.append(quiz);
} catch (e) {
  // Outside the element, so its stylesheet is linked here.
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = new URL('style.css', import.meta.url).href;
  document.head.append(link);
  showFatal(document.body, e, params.get('lang'));
}

let last = -1;

/** Posts the content's height to the parent, if it changed (or when asked). */
function report(force = false) {
  if (window.parent === window) return;
  const height = Math.ceil(document.body.getBoundingClientRect().height);
  if (height === last && !force) return;
  last = height;
  // Only a height leaves the frame, so any parent may read it.
  window.parent.postMessage({ type: 'citequiz:height', height }, '*');
}

new ResizeObserver(() => report()).observe(document.body);
// A resizer that loads after the first report asks again.
addEventListener('message', (event) => {
  if (event.source === window.parent && event.data?.type === 'citequiz:measure') report(true);
});
