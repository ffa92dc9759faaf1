// The page `citequiz preview BANK` serves. It asks the server what checking
// the bank found (/preview/status: the same diagnostics as `citequiz
// check`), lists them, mounts the quiz when there is no error, and reloads
// when the server says the bank or its article changed (/preview/events,
// server-sent events). The learner's place survives the reload as any
// reload's does: the widget restores its saved progress, keeping the
// answers to questions that did not change.
import { expectBuild, mountQuiz } from './load.js';
import { showFatal } from './fatal.js';

// The preview serves the author's raw bank: the player is not fetched
// ahead (preview.html preloads the full widget's Wasm).
expectBuild(null);

const host = document.getElementById('quiz');
const list = document.getElementById('preview-list');
const problems = document.getElementById('preview-problems');
const state = document.getElementById('preview-state');

/** One diagnostic as text nodes: code, where, message, help. Bank text is untrusted. */
function item(d) {
  const li = document.createElement('li');
  li.className = `citequiz-preview-${d.severity}`;
  const head = li.appendChild(document.createElement('p'));
  head.append(`${d.severity} `);
  head.appendChild(document.createElement('code')).textContent = d.code;
  head.append(`: ${d.message}`);
  const where = [d.file && `${d.file}${d.line ? `:${d.line}:${d.column}` : ''}`,
    d.question && `question ${d.question}`, d.path].filter(Boolean).join(', ');
  if (where) li.appendChild(document.createElement('p')).textContent = where;
  if (d.help) li.appendChild(document.createElement('p')).textContent = `help: ${d.help}`;
  return li;
}

function show(status) {
  document.getElementById('preview-file').textContent = status.file;
  const errors = status.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = status.diagnostics.length - errors;
  state.textContent = errors
    ? `${errors} error${errors === 1 ? '' : 's'}: fix the file and save; this page reloads by itself.`
    : `${warnings ? `${warnings} warning${warnings === 1 ? '' : 's'}, ` : ''}watching for changes.`;
  list.replaceChildren(...status.diagnostics.map(item));
  problems.hidden = status.diagnostics.length === 0;
  problems.classList.toggle('has-errors', errors > 0);
  return errors;
}

async function start() {
  const response = await fetch('/preview/status', { cache: 'no-store' });
  const status = await response.json();
  // Subscribe first, so a save while the quiz loads is not missed.
  const events = new EventSource('/preview/events');
  events.addEventListener('change', (e) => {
    if (Number(e.data) !== status.version) location.reload();
  });
  if (show(status) > 0) {
    host.removeAttribute('aria-busy');
    return;
  }
  const params = new URLSearchParams(location.search);
  const options = { seed: Number(params.get('seed') ?? 1) };
  if (params.has('lang')) options.lang = params.get('lang');
  const widget = await mountQuiz(host, new URL(status.bank, location.href), options);
  if (widget) window.citequiz = widget;
}

start()
  .catch((e) => showFatal(host, e))
  .finally(() => host.removeAttribute('aria-busy'));
