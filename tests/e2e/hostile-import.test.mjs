// Hostile imports: a saved web page, a Markdown file, a plain text, a GIFT
// file and an Aiken file written by a stranger, carrying script, event
// handlers, javascript: links, styles, frames and bidi overrides, go through
// the importers (`citequiz article import`, `citequiz import gift|aiken`)
// and end as banks that check and play in the page as inert text: nothing
// runs, no element or handler comes from their text, every link is http(s).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT, serve, launch, openPage, screenshot } from './harness.mjs';
import { recordViolations } from './static.mjs';
import { RLO } from './hostile-bank.mjs';

const BIN = path.join(ROOT, 'target/release/citequiz');
const PWN = 'window.__pwned=1';
let dir, data, server, browser;

/** A saved web page whose article carries live markup, not escaped text. */
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Evil &lt;script&gt;${PWN}&lt;/script&gt; title</title>
<meta property="og:title" content="An &quot;&gt;&lt;img src=x onerror=${PWN}&gt; article">
<script>${PWN}</script><style>body { display: none }</style></head>
<body onload="${PWN}"><article>
<h1 onclick="${PWN}">An &lt;svg/onload=${PWN}&gt; article about Moscow and Beijing</h1>
<p>Russia and China drew closer after 2014, when <img src=x onerror="${PWN}">sanctions began, and trade grew every year since then, the author writes at length.</p>
<p>The Kremlin <script>${PWN}</script>does not rule out an alliance, <a href="javascript:${PWN}">a link that runs script</a>, and <a href="https://example.org/ok">a safe link</a> in the text.</p>
<p>Beijing could <iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>end up with leverage over Moscow, ${RLO}desrever txet, if ties with the West keep deteriorating for years.</p>
<p style="color:red" onmouseover="${PWN}">Europe, too, matters: &lt;img src=x onerror=${PWN}&gt; is text here, and so is \${${PWN}} and </style><style>*{display:none}</style> here.</p>
</article></body></html>`;

const MARKDOWN = `---
title: "Evil <script>${PWN}</script> notes"
author: "${RLO}rohtua"
date: 2020-12-02
publisher: "<img src=x onerror=${PWN}>"
url: https://example.org/notes
---

# Notes <svg/onload=${PWN}>

Russia and China drew closer after 2014 <script>${PWN}</script> and trade grew every year since then.

The Kremlin does not rule out an alliance [click](javascript:${PWN}) and [safe](https://example.org/safe).

<div onclick="${PWN}">Beijing could end up with leverage over Moscow if ties with the West keep deteriorating.</div>
`;

const TEXT = `Evil <b onclick="${PWN}">plain</b> text

Russia and China drew closer after 2014, <img src=x onerror=${PWN}> and trade grew every year since then.

The Kremlin does not rule out an alliance with Beijing, javascript:${PWN} ${RLO}desrever.
`;

/** GIFT's marks escaped, as a stranger who knows GIFT writes them. */
const g = (s) => s.replace(/[~=#{}:\\]/g, (c) => `\\${c}`);

const GIFT = `// A stranger's questions
$CATEGORY: $course$/${g(`<img src=x onerror=${PWN}>`)}

::Evil html::[html]${g(`<p onclick="${PWN}">When did Russia and China draw closer?</p><script>${PWN}</script>`)}{
  =[html]${g(`After <img src=x onerror="${PWN}">2014`)}#${g(`<a href="javascript:${PWN}">Right</a>`)}
  ~Before 1990#${g(`<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>Wrong`)}
  ####${g(`<svg/onload=${PWN}>Trade grew every year since then.`)}
}

::Evil markdown::[markdown]Does the Kremlin **rule out** an alliance? ${g(`[x](javascript:${PWN})`)}{F#${g(`<script>${PWN}</script>`)}#Right, ${RLO}desrever}

::Evil plain::[plain]Who could end up with leverage, ${g(`<img src=x onerror=${PWN}>{}`)}?{
  =Beijing -> <b>China</b>
  =Moscow -> ${g(`<svg/onload=${PWN}>Russia`)}
  = -> ${g(`javascript:${PWN}`)}
}
`;

const AIKEN = `Which city could gain leverage? <img src=x onerror=${PWN}>
A. Beijing <script>${PWN}</script>
B) Moscow ${RLO}desrever
C. javascript:${PWN}
ANSWER: A
`;

function citequiz(args) {
  const r = spawnSync(BIN, args, { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

before(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'citequiz-hostile-import-'));
  data = path.join(dir, 'data');
  mkdirSync(path.join(data, 'banks'), { recursive: true });
  mkdirSync(path.join(data, 'articles'));
  const src = (name, text) => { writeFileSync(path.join(dir, name), text); return path.join(dir, name); };
  const meta = ['--author', 'A. Stranger', '--date', '2020-12-02', '--publisher', 'Nobody', '--url', 'https://example.org/evil'];
  for (const [name, text, extra] of [['page.html', PAGE, meta], ['notes.md', MARKDOWN, []], ['plain.txt', TEXT, meta]]) {
    const r = citequiz(['article', 'import', src(name, text), '--out', path.join(data, `articles/${name}.json`), ...extra]);
    assert.equal(r.code, 0, `${name}: ${r.err}`);
  }
  const bank = (format, name, text, article) => {
    const out = path.join(data, `banks/${name}.json`);
    const r = citequiz(['import', format, src(name, text), '--article', path.join(data, `articles/${article}.json`), '--out', out]);
    assert.equal(r.code, 0, `${name}: ${r.err}`);
  };
  bank('gift', 'gift', GIFT, 'page.html');
  bank('aiken', 'aiken', AIKEN, 'notes.md');
  // The plain-text article in a bank of its own, as `citequiz new` starts one.
  const r = citequiz(['new', '--article', path.join(data, 'articles/plain.txt.json'), '--out', path.join(data, 'banks/plain.json')]);
  assert.equal(r.code, 0, r.err);
  execFileSync(BIN, ['check', ...['gift', 'aiken', 'plain'].map((b) => path.join(data, `banks/${b}.json`))], { stdio: 'pipe' });
  server = await serve({ data });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('the importers keep no markup: script, styles and handlers are gone, the rest is text', () => {
  const page = readFileSync(path.join(data, 'articles/page.html.json'), 'utf8');
  assert.ok(!page.includes(`<script>${PWN}`), 'a script element survived as text of the article');
  assert.ok(!page.includes('display: none'), 'a style element survived');
  assert.ok(!page.includes('javascript:'), 'a javascript: link survived');
  // What the page wrote as text stays text.
  assert.ok(page.includes(`&lt;img`) || page.includes(`<img src=x onerror=${PWN}>`), 'escaped text was lost');
  const gift = JSON.parse(readFileSync(path.join(data, 'banks/gift.json'), 'utf8'));
  const all = JSON.stringify(gift);
  assert.ok(!all.includes('<script>'), `GIFT [html] kept a script: ${all}`);
  assert.ok(!all.includes('onclick'), 'GIFT [html] kept a handler');
});

for (const name of ['gift', 'aiken', 'plain']) {
  test(`the ${name} bank plays in the page as inert text`, async () => {
    const { page, context, problems } = await openPage(browser, null);
    await recordViolations(context);
    const dialogs = [];
    page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
    await page.goto(`${server.url}?bank=/quiz-data/banks/${name}.json&seed=1`);
    const bank = JSON.parse(readFileSync(path.join(data, `banks/${name}.json`), 'utf8'));
    for (let n = 0; n < bank.questions.length; n++) {
      const fs = page.locator('fieldset.citequiz-question');
      await fs.waitFor();
      // Answer with the first control there is, and check: feedback, citations, "Show in article".
      const first = fs.locator('input, select').first();
      if ((await first.getAttribute('type')) === 'radio' || (await first.getAttribute('type')) === 'checkbox') await first.check();
      await page.getByRole('button', { name: 'Check', exact: true }).click();
      await page.locator('.citequiz-feedback').waitFor();
      const show = page.locator('.citequiz-feedback').getByRole('button', { name: 'Show in article' }).first();
      if (await show.count()) await show.click();
      const state = await page.evaluate(() => {
        const widget = document.querySelector('.citequiz');
        return {
          pwned: window.__pwned,
          violations: window.__violations,
          foreign: [...widget.querySelectorAll('img, script, svg, iframe, style, object, embed')].map((e) => e.outerHTML.slice(0, 80)),
          links: [...widget.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')),
          handlers: [...widget.querySelectorAll('*')].flatMap((e) => e.getAttributeNames().filter((a) => a.startsWith('on'))),
        };
      });
      const where = `${name}, question ${n + 1}`;
      assert.equal(state.pwned, undefined, `${where}: a payload ran`);
      assert.deepEqual(dialogs, [], `${where}: a dialog opened`);
      assert.deepEqual(state.violations, [], `${where}: CSP violations`);
      assert.deepEqual(state.foreign, [], `${where}: elements made from imported text`);
      assert.deepEqual(state.handlers, [], `${where}: event-handler attributes`);
      for (const href of state.links) assert.match(href, /^https?:\/\//, `${where}: a link that is not http(s): ${href}`);
      if (n === 0) await screenshot(page, `hostile-import-${name}`);
      if (n + 1 < bank.questions.length) await page.locator('[data-action=next]').click();
    }
    assert.deepEqual(problems, []);
    await context.close();
  });
}
