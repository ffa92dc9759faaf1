// The one loading path, shared by the self-study page (main.js), the
// <cite-quiz> element (citequiz.js) and so the iframe embed: start the Wasm
// once, fetch a bank and the article it names (relative to the bank), or a
// compiled bank, which carries its article, and mount the widget. Every
// failure ends in the widget's error panel, in the widget's language, never
// a blank host.
//
// The Wasm and its glue load relative to this module (./pkg/), so a page
// on another origin that imports this file gets them from this file's
// origin (the server must send CORS headers: `citequiz serve` does).
import init, { Widget, articlePath } from './pkg/citequiz.js';
import { strings } from './fatal.js';

export const TIMEOUT_MS = 15000;

let ready;

/** Starts the Wasm once per page; later calls share the first start. */
export function loadWasm() {
  ready ??= init();
  return ready;
}

/** A fetch that failed: which file, from where, and why. */
export class FetchError extends Error {
  constructor(what, url, reason, detail) {
    super(`The ${what} could not be fetched from ${url}: ${reason} ${detail}`.trim());
    Object.assign(this, { what, url: String(url), reason, detail: String(detail) });
  }
}

/** Fetches text with a timeout; throws a FetchError that says which URL and why. */
export async function fetchText(url, what) {
  return (await fetchOk(url, what)).text();
}

/**
 * Fetches a body as bytes (a Uint8Array), as fetchText does text. A bank
 * goes to the Wasm as its UTF-8 bytes, copied as they are: given a string,
 * the Wasm encoded it back to UTF-8 (about 15 ms for a 2 MB bank).
 */
export async function fetchBytes(url, what) {
  return new Uint8Array(await (await fetchOk(url, what)).arrayBuffer());
}

async function fetchOk(url, what) {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), TIMEOUT_MS);
  let response;
  try {
    response = await fetch(url, { signal: abort.signal });
  } catch {
    if (abort.signal.aborted) throw new FetchError(what, url, 'timeout', TIMEOUT_MS / 1000);
    throw new FetchError(what, url, 'network', '');
  } finally {
    clearTimeout(timer);
  }
  if (!response.ok) {
    throw new FetchError(what, url, 'status', `${response.status} ${response.statusText}`.trim());
  }
  return response;
}

/**
 * Fetches the bank at `bankUrl` and its article and mounts the widget into
 * `host` (an element or a shadow root) with `options` (see Widget.mount).
 * While a file is fetched the host shows "Loading the quiz…" and the URL.
 * A fetch that fails or times out shows an error panel whose "Try again"
 * button fetches again: the promise waits through those retries and
 * resolves to the Widget once mounted, or to null when an error panel that
 * fetching again cannot mend was shown instead (a bank that does not check).
 * Rejects only when the Wasm itself cannot start.
 */
export async function mountQuiz(host, bankUrl, options = {}) {
  // The bank's fetch starts now, beside the Wasm's start, not after it: on
  // a cold load these two are most of the wait for the first question.
  let bank = fetchBytes(bankUrl, 'bank');
  bank.catch(() => {}); // a failure is reported below, once the Wasm can draw it
  await loadWasm();
  const lang = options.lang || undefined;
  for (;;) {
    try {
      return await fetchAndMount(host, bankUrl, bank, options, lang);
    } catch (e) {
      console.warn(e);
      if (!(e instanceof FetchError)) {
        // mount() draws its own panel for a bank or article that fails to
        // load; a bank that is not even JSON fails earlier, in articlePath.
        if (!host.querySelector('.citequiz-error')) {
          // The message's first line is its summary; the rest renders the
          // diagnostics the panel lists itself.
          const diagnostics = e.diagnostics || [];
          const message = String(e.message || e);
          Widget.showError(host, '', diagnostics.length ? message.split('\n')[0] : message, diagnostics, lang);
        }
        return null;
      }
      Widget.showFetchError(host, e.what, e.url, e.reason, e.detail, lang);
      await retryClicked(host);
      bank = null;
    }
  }
}

/** Mounts from `bank` (the bank's bytes, on their way) or, when null, fetches the bank again. */
async function fetchAndMount(host, bankUrl, bank, options, lang) {
  Widget.showLoading(host, 'bank', String(bankUrl), lang);
  const bankBytes = await (bank ?? fetchBytes(bankUrl, 'bank'));
  // The bank's URL is its xAPI activity id unless the host says otherwise.
  const mountOptions = { activity: new URL(bankUrl).href, ...options };
  // A compiled bank (`citequiz compile`) carries its article, checked and
  // anchored: one request, and the Wasm's fast path.
  if (isCompiled(bankBytes)) return Widget.mount(host, bankBytes, null, mountOptions);
  const articleUrl = new URL(articleOf(bankBytes), bankUrl);
  // The bank is a stranger's: its article is fetched over http(s) only,
  // never from a data:, blob:, file: or javascript: address it names.
  if (articleUrl.protocol !== 'https:' && articleUrl.protocol !== 'http:') {
    throw new Error(`The bank names its article at ${articleUrl.href}; only http(s) addresses are fetched.`);
  }
  Widget.showLoading(host, 'article', articleUrl.href, lang);
  const articleText = await fetchText(articleUrl, 'article');
  return Widget.mount(host, bankBytes, articleText, mountOptions);
}

/**
 * Whether a bank's bytes are a compiled bank: `citequiz compile` writes
 * `format` first, so the first bytes say, without decoding or parsing the
 * rest (COMPILED_FORMAT in src/bank/compiled.rs; `Bank::compile`). Any
 * version: the Wasm names the one it reads.
 */
export function isCompiled(bytes) {
  const head = new TextDecoder().decode(bytes.subarray(0, 64));
  return /^\s*\{\s*"format"\s*:\s*"citequiz-compiled\//.test(head);
}

/**
 * The article path a bank names. The browser's JSON.parse finds it fastest;
 * the Wasm reads the bank only when that fails or the format is not the one
 * it reads (BANK_FORMAT in src/bank/raw.rs; tests/e2e/errors.test.mjs holds
 * the two equal), to say where and why (line, column, JSON path), and the
 * bank is read in full, checked, when mounted.
 */
function articleOf(bankBytes) {
  const bankText = new TextDecoder().decode(bankBytes);
  try {
    const bank = JSON.parse(bankText);
    // Another format version is named as such (by articlePath), before its
    // article is fetched: a missing article would hide it.
    if (typeof bank?.article === 'string' && bank.format === 'citequiz-bank/1') return bank.article;
  } catch {
    // Not JSON: articlePath says where.
  }
  return articlePath(bankText);
}

/**
 * Resolves when the error panel's "Try again" button is clicked. While the
 * panel shows, the host is not busy (a busy region hides its alert from
 * screen readers); it is busy again while the files are fetched again.
 */
function retryClicked(host) {
  const busy = host.host ?? host;
  const wasBusy = busy.getAttribute('aria-busy');
  busy.removeAttribute('aria-busy');
  const retry = host.querySelector('.citequiz-error [data-action=retry]');
  return new Promise((resolve) => {
    retry?.addEventListener('click', () => {
      if (wasBusy !== null) busy.setAttribute('aria-busy', wasBusy);
      resolve();
    }, { once: true });
  });
}

/**
 * The bank a page's `?bank=` names, resolved against the page, if the page
 * may show it: from the page's own origin, or from an origin the page's
 * configuration lists, `<meta name="citequiz-allowed-origins"
 * content="https://cdn.example https://other.example">` (never the URL:
 * a link must not be able to put a stranger's quiz, its title and its
 * "Read the original" link, on the course's page). Throws an Error, in
 * `lang`, naming the bank's origin otherwise.
 */
export function bankFromQuery(value, lang) {
  const url = new URL(value, location.href);
  const meta = document.querySelector('meta[name="citequiz-allowed-origins"]');
  const allowed = new Set([location.origin, ...(meta?.content.split(/\s+/).filter(Boolean) ?? [])]);
  if (allowed.has(url.origin)) return url;
  console.warn(`citequiz: ?bank= names ${url.href}, on another origin; a site that means to show banks from ${url.origin} lists it in <meta name="citequiz-allowed-origins" content="${url.origin}"> (see the README, Security).`);
  throw new Error(strings(lang).otherSite(url.origin));
}
