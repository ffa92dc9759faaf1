// The one loading path, shared by the self-study page (main.js), the
// <cite-quiz> element (citequiz.js) and so the iframe embed: fetch a bank,
// start the Wasm it needs, fetch the article it names (relative to the
// bank) unless it is a compiled bank, which carries its article, and mount
// the widget. Every failure ends in the widget's error panel, in the
// widget's language, never a blank host.
//
// Two builds of the widget, each with its own wasm-bindgen glue: the
// player (citequiz_player_bg.wasm, compiled banks only, 21 kB gzip less)
// and the full widget (citequiz_bg.wasm, which checks a raw bank and shows
// its diagnostics). The bank's first bytes say which one starts
// (isCompiled), so a page fetches one Wasm per kind of bank it shows; the
// player's fetch starts beside the bank's (expectBuild), and a raw bank
// cancels it.
//
// The Wasms and their glue load relative to this module (./pkg/; the
// Wasms' URLs from pkg/wasm.js, which scripts/build-wasm.sh writes), so a page
// on another origin that imports this file gets them from this file's
// origin (the server must send CORS headers: `citequiz serve` does).
import { strings, showLoading } from './fatal.js';
import { WASM } from './pkg/wasm.js';

export const TIMEOUT_MS = 15000;
/** How many of a bank's first bytes isCompiled reads. */
const HEAD_BYTES = 64;

/**
 * Each build's glue, imported when first needed: a page that shows only
 * compiled banks never fetches the full widget's, and the reverse. The
 * bundles keep these imports as chunks of their own (esbuild --splitting).
 */
const BUILDS = {
  full: () => import('./pkg/citequiz.js'),
  player: () => import('./pkg/citequiz_player.js'),
};
const started = {};
/** Wasm fetches started before a bank said which build it needs: build → {wasm, abort}. */
const ahead = {};
/**
 * The build a page's banks are expected to need, fetched beside the first
 * bank rather than after its first bytes (a round trip later): the player,
 * since compiled banks are what course sites serve. A page of raw banks
 * says so by preloading the full widget's Wasm in its HTML, or (the
 * preview) with `expectBuild(null)`. A raw bank cancels the player's
 * fetch when its first bytes come, so what it costs is what arrived before
 * that.
 */
let expected = 'player';
export function expectBuild(build) {
  expected = build;
}

/** Whether the page's HTML preloads the Wasm at `url`. */
function preloaded(url) {
  return [...document.querySelectorAll('link[rel=preload]')].some((l) => l.href === url.href);
}

function fetchAhead(build) {
  if (!build || started[build] || ahead[build]) return;
  // A page that preloads the full widget's Wasm has said its banks are raw.
  if (build === 'player' && preloaded(WASM.full)) return;
  const abort = new AbortController();
  const wasm = fetch(WASM[build], { signal: abort.signal });
  wasm.catch(() => {}); // reported by the glue's start, if it is used
  BUILDS[build]().catch(() => {}); // the glue, imported (and reported) by loadWasm
  ahead[build] = { wasm, abort };
}

function cancelAhead(build) {
  ahead[build]?.abort.abort();
  delete ahead[build];
}

/**
 * Starts a build of the Wasm once per page, `'player'` (compiled banks)
 * or `'full'` (raw banks too); later calls share the first start. The
 * Wasm's fetch starts at once, beside its glue's import. Resolves to that
 * build's glue module (`Widget`, `articlePath`). A panel drawn before any
 * bank has said which build it needs (its fetch failed) uses one started
 * already, else the player, the smaller (`'any'`).
 */
export function loadWasm(build = 'full') {
  if (build === 'any') return started.full ?? loadWasm('player');
  if (!started[build]) {
    const wasm = ahead[build]?.wasm ?? fetch(WASM[build]);
    delete ahead[build];
    wasm.catch(() => {}); // reported by the glue's start
    started[build] = BUILDS[build]().then(async (glue) => (await glue.default({ module_or_path: wasm }), glue));
  }
  return started[build];
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
 * Fetches a bank: resolves, once its first bytes have come, to whether it
 * is compiled (isCompiled) and a promise of all its bytes (a Uint8Array),
 * so that the Wasm the bank needs starts while the rest arrives.
 */
async function fetchBank(url) {
  const response = await fetchOk(url, 'bank');
  const network = () => { throw new FetchError('bank', url, 'network', ''); };
  // The first chunk of a copy of the stream says which build; the response
  // itself is read whole, without a copy. A first chunk too short to say
  // (or no body) starts the full widget, which reads compiled banks too.
  const peek = response.clone().body?.getReader();
  const { value } = (await peek?.read().catch(network)) ?? {};
  peek?.cancel().catch(() => {});
  const bytes = response.arrayBuffer().then((b) => new Uint8Array(b), network);
  bytes.catch(() => {}); // reported where it is awaited
  return { compiled: !!value && isCompiled(value), bytes };
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
  const lang = options.lang || undefined;
  for (;;) {
    showLoading(host, 'bank', String(bankUrl), lang);
    // The Wasm starts as soon as the bank's first bytes say which one it
    // needs, while the rest of the bank arrives.
    let glue = null;
    fetchAhead(expected);
    try {
      const bank = await fetchBank(bankUrl);
      const build = bank.compiled ? 'player' : 'full';
      cancelAhead(build === 'player' ? 'full' : 'player');
      glue = await loadWasm(build);
      return await fetchAndMount(host, glue, bankUrl, bank, options, lang);
    } catch (e) {
      console.warn(e);
      if (!(e instanceof FetchError)) {
        // The Wasm did not start: the caller shows why.
        if (!glue) throw e;
        // mount() draws its own panel for a bank or article that fails to
        // load; a bank that is not even JSON fails earlier, in articlePath.
        if (!host.querySelector('.citequiz-error')) {
          // The message's first line is its summary; the rest renders the
          // diagnostics the panel lists itself.
          const diagnostics = e.diagnostics || [];
          const message = String(e.message || e);
          glue.Widget.showError(host, '', diagnostics.length ? message.split('\n')[0] : message, diagnostics, lang);
        }
        return null;
      }
      glue ??= await loadWasm('any');
      glue.Widget.showFetchError(host, e.what, e.url, e.reason, e.detail, lang);
      await retryClicked(host);
    }
  }
}

/** Mounts from `bank` (fetchBank's) with `glue`, the build its first bytes asked for. */
async function fetchAndMount(host, { Widget, articlePath }, bankUrl, bank, options, lang) {
  const bankBytes = await bank.bytes;
  // The bank's URL is its xAPI activity id unless the host says otherwise.
  const mountOptions = { activity: new URL(bankUrl).href, ...options };
  // A compiled bank (`citequiz compile`) carries its article, checked and
  // anchored: one request, and the player's fast path.
  if (bank.compiled) return Widget.mount(host, bankBytes, null, mountOptions);
  const articleUrl = new URL(articleOf(bankBytes, articlePath), bankUrl);
  // The bank is a stranger's: its article is fetched over http(s) only,
  // never from a data:, blob:, file: or javascript: address it names.
  if (articleUrl.protocol !== 'https:' && articleUrl.protocol !== 'http:') {
    throw new Error(`The bank names its article at ${articleUrl.href}; only http(s) addresses are fetched.`);
  }
  showLoading(host, 'article', articleUrl.href, lang);
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
  const head = new TextDecoder().decode(bytes.subarray(0, HEAD_BYTES));
  return /^\s*\{\s*"format"\s*:\s*"citequiz-compiled\//.test(head);
}

/**
 * The article path a bank names. The browser's JSON.parse finds it fastest;
 * the Wasm reads the bank only when that fails or the format is not the one
 * it reads (BANK_FORMAT in src/bank/raw.rs; tests/e2e/errors.test.mjs holds
 * the two equal), to say where and why (line, column, JSON path), and the
 * bank is read in full, checked, when mounted.
 */
function articleOf(bankBytes, articlePath) {
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
