// Two builds of the widget, one per kind of bank: a compiled bank starts the
// player's Wasm (citequiz_player_bg.wasm, the raw bank's reader compiled
// out), a raw bank the full widget's (citequiz_bg.wasm), picked by the
// bank's first bytes (www/load.js). A page starts only the one its bank
// needs (the player's fetch, begun beside the bank's, is cancelled for a
// raw bank), on the self-study page and in a <cite-quiz>, and either plays a
// question through to a graded answer that shows its citation. The player
// handed a raw bank through the JS API says so; it never panics.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, bank, compileShipped } from './harness.mjs';
import { staticServer } from './static.mjs';
import { current, plan, answerByMouse, verdict } from './learner.mjs';

const QUICK = bank('gabuev-quick-check.json');
const byId = Object.fromEntries(QUICK.questions.map((q) => [q.id, q]));
const RAW = '/quiz-data/banks/gabuev-quick-check.json';
const COMPILED = '/quiz-data/compiled/gabuev-quick-check.json';
const ARTICLE = '/quiz-data/articles/gabuev-2020-putin-china-alliance.json';
const PLAYER = 'citequiz_player_bg.wasm';
const FULL = 'citequiz_bg.wasm';
let server, browser;

/** A page holding one <cite-quiz> of `bankPath`, from the build's bundle. */
const elementPage = (bankPath) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Element</title>
<link rel="icon" href="data:,"><script type="module" src="/pkg/cite-quiz.js"></script></head>
<body><cite-quiz bank="${bankPath}" seed="3"></cite-quiz></body></html>`;

before(async () => {
  compileShipped();
  server = await staticServer({ pages: {
    '/compiled.html': elementPage(COMPILED),
    '/raw.html': elementPage(RAW),
    '/raw-preloaded.html': elementPage(RAW).replace('</head>', `<link rel="preload" href="/pkg/${FULL}" as="fetch" type="application/wasm" crossorigin></head>`),
    '/blank.html': '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Blank</title><link rel="icon" href="data:,"></head><body></body></html>',
  }  });
  browser = await launch();
});
after(async () => { await browser?.close(); server?.stop(); });

/**
 * Opens `url`, answers the first question right, checks that the verdict
 * says so and that "Show in article" marks the cited passage; returns the
 * Wasm files and the Wasm glue chunks the page requested, sorted (the
 * Wasm's fetch and its glue's import start together).
 */
async function playFirst(url) {
  const { page, context, problems } = await openPage(browser);
  const wasms = [];
  page.on('request', (r) => {
    const name = new URL(r.url()).pathname.split('/').pop();
    if (name.endsWith('.wasm') || name.endsWith('.min.js')) wasms.push(name);
  });
  // Which Wasm the page starts: the glue instantiates from the fetch's Response.
  await page.addInitScript(() => {
    window.instantiated = [];
    const streaming = WebAssembly.instantiateStreaming;
    WebAssembly.instantiateStreaming = async (source, imports) => {
      const response = await source;
      window.instantiated.push(new URL(response.url).pathname.split('/').pop());
      return streaming.call(WebAssembly, response, imports);
    };
  });
  await page.goto(url);
  const { id } = await current(page);
  await answerByMouse(page, byId[id], plan(byId[id], true));
  assert.match(await verdict(page), /^Right/);
  await page.locator('.citequiz-feedback').getByRole('button', { name: 'Show in article' }).first().click();
  const marks = page.locator('.citequiz-article mark.cite');
  await marks.first().waitFor();
  const marked = (await marks.allInnerTexts()).join(' ').replace(/\s+/g, ' ');
  const quotes = byId[id].cite.map((c) => c.exact.replace(/\s+/g, ' '));
  assert.ok(quotes.some((q) => marked.includes(q) || q.includes(marked)), `${marked} is not one of ${quotes.join(' | ')}`);
  assert.deepEqual(problems, []);
  const instantiated = await page.evaluate(() => window.instantiated);
  await context.close();
  return { requested: [...new Set(wasms)].sort(), instantiated };
}

test('a page that preloads the full widget\'s Wasm fetches no player for its raw bank', async () => {
  const { requested, instantiated } = await playFirst(`${server.url}raw-preloaded.html`);
  assert.deepEqual(instantiated, [FULL]);
  assert.deepEqual(requested, ['citequiz.min.js', FULL]);
});

for (const [where, url] of [
  ['the self-study page', (b) => `${server.url}?bank=${b}&seed=3`],
  ['a <cite-quiz>', (b) => `${server.url}${b === COMPILED ? 'compiled' : 'raw'}.html`],
]) {
  test(`${where}: a compiled bank fetches the player's Wasm only, and plays`, async () => {
    assert.deepEqual(await playFirst(url(COMPILED)), { requested: ['citequiz_player.min.js', PLAYER], instantiated: [PLAYER] });
  });
  test(`${where}: a raw bank starts the full widget's Wasm only, and plays`, async () => {
    // The player's fetch starts beside the bank's and is cancelled when
    // the bank's first bytes say raw; it may have been sent by then.
    const { requested, instantiated } = await playFirst(url(RAW));
    assert.deepEqual(instantiated, [FULL]);
    assert.ok(requested.includes(FULL) && requested.includes('citequiz.min.js'), requested.join(' '));
    assert.deepEqual(requested.filter((r) => ![FULL, 'citequiz.min.js', PLAYER, 'citequiz_player.min.js'].includes(r)), []);
  });
}

test('the player handed a raw bank and its article refuses it with a diagnostic, and draws the panel', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}blank.html`);
  const said = await page.evaluate(async ({ base, raw, article }) => {
    const { default: init, Widget } = await import(`${base}pkg/citequiz_player.js`);
    await init();
    const host = document.createElement('div');
    document.body.append(host);
    const [bankText, articleText] = await Promise.all([raw, article].map((p) => fetch(base + p.slice(1)).then((r) => r.text())));
    try {
      Widget.mount(host, bankText, articleText, {});
      return { mounted: true };
    } catch (e) {
      return { message: String(e.message), codes: (e.diagnostics || []).map((d) => d.code), panel: host.innerText };
    }
  }, { base: server.url, raw: RAW, article: ARTICLE });
  assert.equal(said.mounted, undefined, 'the player does not read a raw bank');
  assert.match(said.message, /^the bank could not be loaded\n/);
  assert.match(said.message, /plays compiled banks only/);
  assert.match(said.message, /citequiz compile/);
  assert.deepEqual(said.codes, ['unknown-format']);
  assert.match(said.panel, /plays compiled banks only/);
  assert.deepEqual(problems, []);
  await context.close();
});
