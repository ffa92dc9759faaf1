// Hostile content: a bank and article written by a stranger, every text
// field carrying markup, script, CSS, a bidi override and combining-mark
// floods, some 100 KB long, render as inert text and leave the quiz usable,
// in the served page, in the <cite-quiz> element and in the single file
// that `citequiz build` writes. A payload that runs sets window.__pwned.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, serve, launch, openPage, screenshot } from './harness.mjs';
import { staticServer, recordViolations } from './static.mjs';
import { hostileBank, hostileArticle, PAYLOADS } from './hostile-bank.mjs';
import { current, plan, answerByMouse, verdict } from './learner.mjs';

const BANK = hostileBank();
const byId = Object.fromEntries(BANK.questions.map((q) => [q.id, q]));
let dir, data, server, elementServer, browser;

before(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'citequiz-hostile-'));
  data = path.join(dir, 'data');
  mkdirSync(path.join(data, 'banks'), { recursive: true });
  mkdirSync(path.join(data, 'articles'));
  writeFileSync(path.join(data, 'banks/hostile.json'), JSON.stringify(BANK, null, 1));
  writeFileSync(path.join(data, 'articles/hostile.json'), JSON.stringify(hostileArticle(), null, 1));
  server = await serve({ data });
  elementServer = await staticServer({
    data,
    pages: {
      '/element.html': `<!doctype html><html lang="en"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1"><title>Element</title>
        <link rel="icon" href="data:,"><script type="module" src="/pkg/cite-quiz.js"></script></head>
        <body><cite-quiz id="evil" bank="/quiz-data/banks/hostile.json" seed="1"></cite-quiz></body></html>`,
    },
  });
  execFileSync(path.join(ROOT, 'target/release/citequiz'),
    ['build', path.join(data, 'banks/hostile.json'), '--out', dir, '--format', 'html'], { cwd: ROOT, stdio: 'pipe' });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.stop();
  elementServer?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Nothing ran, nothing was blocked, and no element came from bank text. */
async function assertInert(page, dialogs, where) {
  const state = await page.evaluate(() => {
    const root = document.querySelector('cite-quiz')?.shadowRoot ?? document;
    const widget = root.querySelector('.citequiz');
    return {
      pwned: window.__pwned,
      violations: window.__violations,
      foreign: [...widget.querySelectorAll('img, script, svg, iframe, style, object, embed')].map((e) => e.outerHTML.slice(0, 80)),
      links: [...widget.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')),
      onAttributes: [...widget.querySelectorAll('*')].flatMap((e) => e.getAttributeNames().filter((n) => n.startsWith('on'))),
      text: widget.textContent,
    };
  });
  assert.equal(state.pwned, undefined, `${where}: a payload ran`);
  assert.deepEqual(dialogs, [], `${where}: a dialog opened`);
  assert.deepEqual(state.violations, [], `${where}: CSP violations`);
  assert.deepEqual(state.foreign, [], `${where}: elements made from bank text`);
  assert.deepEqual(state.onAttributes, [], `${where}: event-handler attributes`);
  for (const href of state.links) assert.match(href, /^https?:\/\//, `${where}: a link that is not http(s)`);
  return state.text;
}

/** The Check button is visible and inside the viewport's width; the page does not scroll sideways. */
async function assertLayout(page, where) {
  const check = page.locator('button[data-action=check]');
  await check.waitFor({ state: 'visible' });
  const box = await check.boundingBox();
  const width = page.viewportSize().width;
  assert.ok(box && box.x >= 0 && box.x + box.width <= width, `${where}: Check button at ${JSON.stringify(box)}, viewport ${width}`);
  const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(scroll <= width, `${where}: the page is ${scroll} px wide in a ${width} px viewport`);
}

/**
 * The widget's own text after a bank string with an unterminated U+202E
 * still reads left to right: the article's author ends in an override,
 * and the date the widget writes after it ("December") must not come out
 * mirrored.
 */
async function assertNoBidiLeak(page, where) {
  const mirrored = await page.evaluate(() => {
    const root = document.querySelector('cite-quiz')?.shadowRoot ?? document;
    const source = root.querySelector('.citequiz-source');
    const walker = document.createTreeWalker(source, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = n.data.indexOf('December');
      if (at < 0) continue;
      const x = (i) => {
        const r = document.createRange();
        r.setStart(n, i);
        r.setEnd(n, i + 1);
        return r.getBoundingClientRect().x;
      };
      return x(at) > x(at + 'December'.length - 1);
    }
    return null;
  });
  assert.equal(mirrored, false, `${where}: the text after a bidi override comes out mirrored (null: no date found)`);
}

/** Takes every hint, answers every question right, finishes; checks after each step. */
async function playThrough(page, dialogs, where) {
  await page.locator('fieldset.citequiz-question').waitFor({ timeout: 20000 });
  const text = await assertInert(page, dialogs, where);
  for (const p of PAYLOADS.slice(0, 8)) assert.ok(text.includes(p), `${where}: ${p} is not shown as text`);
  await assertNoBidiLeak(page, where);
  for (let n = 0; n < BANK.questions.length; n++) {
    const { id } = await current(page);
    const q = byId[id];
    await assertLayout(page, `${where}, ${id}`);
    const hint = page.locator('button[data-action=hint]');
    while ((await hint.count()) && (await hint.isEnabled())) await hint.click();
    if (q.kind === 'evidence') {
      await page.locator('.citequiz-article [data-s]', { hasText: 'China National Petroleum Corporation' }).first().click();
      await page.getByRole('button', { name: 'Check', exact: true }).click();
    } else {
      await answerByMouse(page, q, plan(q, true));
    }
    assert.match(await verdict(page), /^Right/, `${where}, ${id}`);
    await assertInert(page, dialogs, `${where}, ${id}`);
    if (n < BANK.questions.length - 1) await page.getByRole('button', { name: 'Next', exact: true }).click();
  }
  await page.getByRole('button', { name: 'Finish quiz' }).click();
  await page.locator('.citequiz-results').waitFor();
  await assertInert(page, dialogs, `${where}, results`);
  const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(scroll <= page.viewportSize().width, `${where}, results: the page is ${scroll} px wide`);
}

async function open(url, shot, size) {
  const session = await openPage(browser, null, size);
  await recordViolations(session.context);
  const dialogs = [];
  session.page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  await session.page.goto(url);
  return { ...session, dialogs, shot };
}

for (const size of [{ width: 1280, height: 900 }, { width: 390, height: 844 }]) {
  const tag = size.width < 600 ? 'phone' : 'desktop';

  test(`the served page renders a hostile bank as inert text and stays usable (${tag})`, async () => {
    const { page, context, problems, dialogs } = await open(`${server.url}?bank=/quiz-data/banks/hostile.json&seed=1`, 'hostile-page', size);
    await playThrough(page, dialogs, `page (${tag})`);
    await screenshot(page, `hostile-page-${tag}`);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('the <cite-quiz> element renders a hostile bank as inert text and stays usable', async () => {
  const { page, context, problems, dialogs } = await open(`${elementServer.url}element.html`);
  await playThrough(page, dialogs, 'element');
  await screenshot(page, 'hostile-element');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the single file built from a hostile bank renders it as inert text and stays usable', async () => {
  const file = pathToFileURL(path.join(dir, 'hostile.html')).href;
  const { page, context, problems, dialogs } = await open(file);
  await playThrough(page, dialogs, 'single file');
  await screenshot(page, 'hostile-single-file');
  assert.deepEqual(problems, []);
  await context.close();
});
