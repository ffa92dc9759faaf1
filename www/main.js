// The self-study page: fetches the bank named by ?bank= (default: the full
// bank) and the article it names, and mounts the widget. Every failure ends
// in the widget's error panel, never a blank page.
import init, { Widget, articlePath } from './pkg/citequiz.js';

const DEFAULT_BANK = '/quiz-data/banks/gabuev-full.json';
const TIMEOUT_MS = 15000;
const host = document.getElementById('quiz');

/** Fetches text, with a timeout and an error that says which URL and why. */
async function fetchText(url, what) {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), TIMEOUT_MS);
  let response;
  try {
    response = await fetch(url, { signal: abort.signal });
  } catch (e) {
    const why = abort.signal.aborted ? `no answer within ${TIMEOUT_MS / 1000} s` : 'the network request failed';
    throw new Error(`The ${what} could not be fetched from ${url}: ${why}.`);
  } finally {
    clearTimeout(timer);
  }
  if (!response.ok) {
    throw new Error(`The ${what} could not be fetched from ${url}: the server answered ${response.status} ${response.statusText}.`);
  }
  return response.text();
}

async function start() {
  await init();
  const params = new URLSearchParams(location.search);
  const bankUrl = new URL(params.get('bank') || DEFAULT_BANK, location.href);
  try {
    const bankText = await fetchText(bankUrl, 'bank');
    // The bank names its article relative to itself.
    const articleUrl = new URL(articlePath(bankText), bankUrl);
    const articleText = await fetchText(articleUrl, 'article');
    const options = {};
    if (params.has('seed')) options.seed = Number(params.get('seed'));
    // Keep the widget alive for the page's lifetime (and for tests).
    window.citequiz = Widget.mount(host, bankText, articleText, options);
  } catch (e) {
    // mount() renders its own panel for a bank or article that fails to
    // load; everything else (fetch failures) is shown here.
    if (!host.querySelector('.citequiz-error')) {
      Widget.showError(host, 'The quiz could not be loaded', String(e.message || e), e.diagnostics || []);
    }
    console.warn(e);
  } finally {
    host.removeAttribute('aria-busy');
  }
}

start().catch((e) => {
  // The Wasm itself failed to load: there is no widget to draw the panel.
  host.textContent = '';
  const p = document.createElement('p');
  p.className = 'citequiz-fatal';
  p.setAttribute('role', 'alert');
  p.textContent = `The quiz could not start: ${e.message || e}`;
  host.append(p);
  host.removeAttribute('aria-busy');
});
