// What bench/peers.mjs and bench/memory.mjs share: the site they serve
// (the peers' pages and the quiz data, generated and compiled by the
// `citequiz` binary), the server, the probe added to every page and one
// cold load of a page in a fresh Chromium.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { get as httpGet } from 'node:http';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { serve as serveSite } from '../tests/e2e/harness.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const OUT = path.join(ROOT, 'bench/out');
export const SITE = path.join(OUT, 'site');
const PAGES = path.join(ROOT, 'bench/pages');
const ARTICLE = 'quiz-data/articles/gabuev-2020-putin-china-alliance.json';
export const CLI = process.env.CITEQUIZ_BIN || path.join(ROOT, 'target/release/citequiz');

// The networks a page loads over. `4g` is CDP's
// Network.emulateNetworkConditions, set on the page's session before it
// navigates: Chromium adds the latency to each request (not to each TCP
// round trip) and shares the throughput among the page's requests.
export const NETWORKS = {
  loopback: null,
  '4g': { offline: false, latency: 40, downloadThroughput: 1250000, uploadThroughput: 625000 },
};

// The same flags as tests/e2e/harness.mjs.
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage',
];

// The pages, with the selectors whose first match is timed. `question` is
// the first question's prompt; quizdown mounts its app (and an 800 ms
// spinner) before the question, so it has a `mounted` mark too.
export const TOOLS = [
  { id: 'citequiz', label: 'citequiz', page: 'citequiz', query: '',
    marks: { question: '.citequiz-prompt' } },
  { id: 'citequiz-compiled', label: 'citequiz, compiled', page: 'citequiz', query: '&compiled=1',
    marks: { question: '.citequiz-prompt' } },
  { id: 'citequiz-article', label: 'citequiz +article', page: 'citequiz', query: '&article=1',
    marks: { question: '.citequiz-prompt' } },
  { id: 'quizdown', label: 'quizdown 0.4.1', page: 'quizdown', query: '',
    marks: { mounted: '.quizdown-content', question: 'h3' } },
  { id: 'surveyjs', label: 'SurveyJS 2.5.38', page: 'surveyjs', query: '',
    marks: { question: '.sd-question__title' } },
  { id: 'floor', label: 'plain JS (floor)', page: 'floor', query: '',
    marks: { question: '.floor-prompt' } },
];

// The files each page loads besides its own HTML and main.js, copied from
// the build and node_modules into the served folder.
// citequiz's CSS is the build's minified copy, as the peers' are; its page
// script is bundled with the glue below, as the build bundles its own pages.
// The glue is also copied whole, for bench/cold-warm.mjs.
const LIBS = {
  'lib/citequiz/citequiz.js': 'www/pkg/citequiz.js',
  'lib/citequiz/citequiz_bg.wasm': 'www/pkg/citequiz_bg.wasm',
  'lib/citequiz/citequiz_player_bg.wasm': 'www/pkg/citequiz_player_bg.wasm',
  'lib/citequiz/style.css': 'www/pkg/style.css',
  'lib/quizdown/quizdown.js': 'node_modules/quizdown/public/build/quizdown.js',
  'lib/survey/survey.core.min.js': 'node_modules/survey-core/survey.core.min.js',
  'lib/survey/survey-js-ui.min.js': 'node_modules/survey-js-ui/survey-js-ui.min.js',
  'lib/survey/survey-core.fontless.min.css': 'node_modules/survey-core/survey-core.fontless.min.css',
};

// ---------------------------------------------------------------- the site

/** Markdown-escapes text for quizdown (its parser is marked). */
function md(text) {
  return text.replace(/[\\`*_{}[\]()#+\-.!<>|~]/g, '\\$&');
}

/**
 * The bank's questions as quizdown: ordered lists are single choice. The
 * same text as the bank where quizdown has a place for it: the explanation
 * as the comment on the first right option (quizdown shows an option's
 * comment on its results page), an option's feedback as its comment.
 * Citations have no place (citequiz's own data, with the article).
 */
function toQuizdown(bank) {
  const out = ['---', 'shuffleAnswers: false', 'shuffleQuestions: false', '---', ''];
  for (const q of bank.questions) {
    const right = q.kind === 'single_choice' ? [q.answer] : q.answers;
    out.push(`### ${md(q.prompt)}`, '');
    for (const o of q.options) {
      const box = right.includes(o.id) ? '[x]' : '[ ]';
      out.push(`${q.kind === 'single_choice' ? '1.' : '-'} ${box} ${md(o.text)}`);
      const comment = o.id === right[0] ? q.explanation : o.feedback;
      if (comment) out.push(`> ${md(comment)}`);
    }
    out.push('');
  }
  return out.join('\n');
}

/**
 * The bank's questions as a SurveyJS quiz: one question a page, as in
 * SurveyJS's quiz example, without its progress bar (`showProgressBar`
 * made the 2,000-question page take over 2 minutes here).
 */
function toSurvey(bank) {
  return {
    title: bank.title,
    pages: bank.questions.map((q) => ({
      name: `page-${q.id}`,
      elements: [{
        type: q.kind === 'single_choice' ? 'radiogroup' : 'checkbox',
        name: q.id,
        title: q.prompt,
        // The explanation, where SurveyJS has a place for a question's
        // text (shown under the options); choices have no feedback.
        ...(q.explanation ? { description: q.explanation, descriptionLocation: 'underInput' } : {}),
        choices: q.options.map((o) => ({ value: o.id, text: o.text })),
        correctAnswer: q.kind === 'single_choice' ? q.answer : q.answers,
      }],
    })),
  };
}

export function buildSite(sizes, { pkg = 'www/pkg' } = {}) {
  rmSync(SITE, { recursive: true, force: true });
  for (const [to, from] of Object.entries(LIBS)) {
    mkdirSync(path.dirname(path.join(SITE, to)), { recursive: true });
    cpSync(path.resolve(ROOT, from.replace(/^www\/pkg\//, `${pkg}/`)), path.join(SITE, to));
  }
  cpSync(PAGES, SITE, { recursive: true });
  // The citequiz page's script and both builds' glue (the full widget's and
  // the player's, as www/load.js bundles them) in one minified module, with
  // the esbuild that scripts/build-wasm.sh uses for the widget's pages.
  execFileSync(path.join(ROOT, 'node_modules/.bin/esbuild'), [path.join(PAGES, 'citequiz/main.js'),
    '--bundle', '--minify', '--format=esm', '--log-level=warning',
    `--alias:citequiz=${path.resolve(ROOT, pkg, 'citequiz.js')}`,
    `--alias:citequiz-player=${path.resolve(ROOT, pkg, 'citequiz_player.js')}`,
    `--outfile=${path.join(SITE, 'citequiz/main.js')}`]);
  const data = {};
  for (const n of sizes) {
    const dir = path.join(SITE, 'data', String(n));
    mkdirSync(dir, { recursive: true });
    const bankText = execFileSync(CLI, ['generate', '--questions', String(n), '--choice-only',
      '--article', ARTICLE, '--article-ref', 'article.json'], { cwd: ROOT, maxBuffer: 1 << 28 }).toString();
    const bank = JSON.parse(bankText);
    writeFileSync(path.join(dir, 'bank.json'), bankText);
    cpSync(path.join(ROOT, ARTICLE), path.join(dir, 'article.json'));
    execFileSync(CLI, ['compile', '--force', '--out', path.join(dir, 'bank.compiled.json'),
      path.join(dir, 'bank.json')], { cwd: ROOT, stdio: 'ignore' });
    writeFileSync(path.join(dir, 'quiz.md'), toQuizdown(bank));
    writeFileSync(path.join(dir, 'survey.json'), JSON.stringify(toSurvey(bank)));
    data[n] = { firstPrompt: bank.questions[0].prompt };
  }
  return data;
}

/** `citequiz serve` on a free loopback port, serving the site (the e2e tests' helper). */
export const serve = () => serveSite({ www: SITE, data: path.join(SITE, 'data'), bin: CLI });

/**
 * Asks the server for every file of the site in each encoding a browser
 * may accept, so that its compressed copies are made before any page is
 * timed, as a host that precompresses (or has served the file before) has
 * them ready.
 */
export async function warmCompression(base) {
  const files = readdirSync(SITE, { recursive: true, withFileTypes: true }).filter((f) => f.isFile())
    .map((f) => path.relative(SITE, path.join(f.parentPath ?? f.path, f.name)).split(path.sep).join('/'));
  const ask = (file, accept) => new Promise((resolve, reject) => {
    httpGet(`${base}${file}`, { headers: { 'accept-encoding': accept } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.headers['content-encoding']));
    }).on('error', reject);
  });
  for (const file of files) {
    await ask(file, 'gzip, deflate');
    // The server makes brotli in the background and sends gzip until then.
    for (let i = 0; i < 1200 && (await ask(file, 'gzip, deflate, br, zstd')) === 'gzip'; i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

// ------------------------------------------------------------ in the page

/**
 * Added to every page before its scripts run: records `performance.now()`
 * (milliseconds since navigation start) when each selector first matches,
 * in the document or any shadow root (quizdown renders into one), and keeps
 * the memories of every Wasm instance so their size can be read.
 */
function pageProbe(marks) {
  const found = {};
  const roots = [document];
  const observers = [];
  const bench = { found, done: false, memories: [] };
  window.__bench = bench;
  const check = () => {
    for (const [name, selector] of Object.entries(marks)) {
      if (found[name]) continue;
      for (const root of roots) {
        const el = root.querySelector(selector);
        if (el) { found[name] = { ms: performance.now(), text: el.textContent.trim().slice(0, 120) }; break; }
      }
    }
    if (Object.keys(marks).every((k) => found[k])) {
      bench.done = true;
      for (const o of observers) o.disconnect();
    }
  };
  const observe = (root) => {
    const o = new MutationObserver(check);
    o.observe(root, { childList: true, subtree: true });
    observers.push(o);
  };
  observe(document);
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attachShadow.call(this, init);
    roots.push(root);
    if (!bench.done) observe(root);
    return root;
  };
  const keep = (result) => {
    const instance = result instanceof WebAssembly.Instance ? result : result.instance;
    for (const v of Object.values(instance.exports)) {
      if (v instanceof WebAssembly.Memory) bench.memories.push(v);
    }
    return result;
  };
  const { instantiate, instantiateStreaming } = WebAssembly;
  WebAssembly.instantiate = function (...a) { return instantiate.apply(this, a).then(keep); };
  if (instantiateStreaming) {
    WebAssembly.instantiateStreaming = function (...a) { return instantiateStreaming.apply(this, a).then(keep); };
  }
}

// ------------------------------------------------------------------ a run

/** How long a page may take to show its first question. */
const TIMEOUT_MS = 120000;

const isLoopback = (u) => /^(https?:\/\/127\.0\.0\.1[:/]|data:|blob:|about:)/.test(u);

/**
 * One cold load of one page in a fresh Chromium process, over `network`:
 * the time each mark first matched and, `settle` ms after the first
 * question, the JS heap after GC and the Wasm memories' size. `extra`, a
 * function, is evaluated in the page after the GC; its result is `extra`.
 */
export async function runOnce(base, tool, n, firstPrompt, { network = 'loopback', settle = 500, extra } = {}) {
  const url = `${base}${tool.page}/?n=${n}${tool.query}`;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const problems = [];
    // Nothing leaves the machine (SurveyJS's default CSS would fetch Google
    // fonts; the fontless one is used, and anything else is refused here).
    await context.route((u) => !isLoopback(u.href), (r) => { problems.push(`blocked ${r.request().url()}`); r.abort(); });
    const page = await context.newPage();
    const loaded = [];
    page.on('response', (r) => loaded.push({ url: r.url(), status: r.status(), type: r.request().resourceType() }));
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
    await page.addInitScript(pageProbe, tool.marks);
    const cdp = await context.newCDPSession(page);
    // What each response cost on the wire (compressed body and headers) and
    // its Content-Encoding, from the page's own network events.
    const urls = new Map(); const wire = [];
    cdp.on('Network.responseReceived', (e) => urls.set(e.requestId, { url: e.response.url,
      encoding: Object.entries(e.response.headers).find(([k]) => k.toLowerCase() === 'content-encoding')?.[1] ?? '' }));
    cdp.on('Network.loadingFinished', (e) => {
      const r = urls.get(e.requestId);
      if (r) wire.push({ path: new URL(r.url).pathname, encoding: r.encoding, bytes: e.encodedDataLength });
    });
    await cdp.send('Network.enable');
    if (NETWORKS[network]) await cdp.send('Network.emulateNetworkConditions', NETWORKS[network]);
    try {
      await page.goto(url, { waitUntil: 'commit', timeout: TIMEOUT_MS });
      await page.waitForFunction(() => window.__bench && window.__bench.done, null, { timeout: TIMEOUT_MS, polling: 50 });
      await page.waitForLoadState('load', { timeout: TIMEOUT_MS });
    } catch (e) {
      problems.push(`no first question within ${TIMEOUT_MS / 1000} s (${e.message.split('\n')[0]})`);
      return { tool: tool.id, n, network, marks: { question: NaN }, heapUsed: NaN, heapTotal: NaN, wasmMemory: NaN, loaded: loaded.map((r) => new URL(r.url).pathname), wire, problems };
    }
    // Let the page finish what it started after the first question (timers,
    // idle work), then collect garbage and read the heap.
    await page.waitForTimeout(settle);
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    const probe = await page.evaluate(() => ({
      found: window.__bench.found,
      wasmBytes: window.__bench.memories.reduce((s, m) => s + m.buffer.byteLength, 0),
      nav: performance.getEntriesByType('navigation')[0]?.toJSON(),
    }));
    const extraResult = extra ? await page.evaluate(extra) : undefined;
    const marks = Object.fromEntries(Object.entries(probe.found).map(([k, v]) => [k, v.ms]));
    const text = probe.found.question?.text || '';
    if (!text.includes(firstPrompt.slice(0, 40))) problems.push(`the question mark found ${JSON.stringify(text)}, not the first prompt`);
    for (const r of loaded) if (r.status >= 400) problems.push(`HTTP ${r.status}: ${r.url}`);
    return {
      tool: tool.id, n, network, marks, wire,
      heapUsed: heap.usedSize, heapTotal: heap.totalSize,
      wasmMemory: probe.wasmBytes,
      extra: extraResult,
      domContentLoaded: probe.nav?.domContentLoadedEventEnd, load: probe.nav?.loadEventEnd,
      loaded: loaded.map((r) => new URL(r.url).pathname),
      problems,
    };
  } finally {
    await browser.close();
  }
}
