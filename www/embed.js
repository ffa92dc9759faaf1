// embed.html's script: a <cite-quiz> from the query string, and its height
// reported to the parent page whenever it changes.
import './citequiz.js';

const params = new URLSearchParams(location.search);
const quiz = document.createElement('cite-quiz');
for (const name of ['bank', 'mode', 'seed', 'pool', 'tags', 'lang', 'show-article']) {
  const value = params.get(name);
  if (value !== null) quiz.setAttribute(name, value);
}
if (params.get('id')) quiz.id = params.get('id');
if (params.get('lang')) document.documentElement.lang = params.get('lang');
document.body.append(quiz);

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
