// The one loading path, shared by the self-study page (main.js), the
// <cite-quiz> element (citequiz.js) and so the iframe embed: start the Wasm
// once, fetch a bank and the article it names (relative to the bank), mount
// the widget. Every failure ends in the widget's error panel, in the
// widget's language, never a blank host.
//
// The Wasm and its glue load relative to this module (./pkg/), so a page
// on another origin that imports this file gets them from this file's
// origin (the server must send CORS headers: `citequiz serve` does).
import init, { Widget, articlePath } from './pkg/citequiz.js';

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
  return response.text();
}

/**
 * Fetches the bank at `bankUrl` and its article and mounts the widget into
 * `host` (an element or a shadow root) with `options` (see Widget.mount).
 * Resolves to the Widget, or to null when an error panel was shown instead.
 * Rejects only when the Wasm itself cannot start.
 */
export async function mountQuiz(host, bankUrl, options = {}) {
  await loadWasm();
  const lang = options.lang || undefined;
  try {
    const bankText = await fetchText(bankUrl, 'bank');
    const articleUrl = new URL(articlePath(bankText), bankUrl);
    const articleText = await fetchText(articleUrl, 'article');
    // The bank's URL is its xAPI activity id unless the host says otherwise.
    return Widget.mount(host, bankText, articleText, { activity: new URL(bankUrl).href, ...options });
  } catch (e) {
    if (e instanceof FetchError) {
      Widget.showFetchError(host, e.what, e.url, e.reason, e.detail, lang);
    } else if (!host.querySelector('.citequiz-error')) {
      // mount() draws its own panel for a bank or article that fails to
      // load; a bank that is not even JSON fails earlier, in articlePath.
      Widget.showError(host, '', String(e.message || e), e.diagnostics || [], lang);
    }
    console.warn(e);
    return null;
  }
}
