// Embedding: a course page on another origin uses the widget as a
// <cite-quiz> element (shadow DOM, own progress per element, styles kept
// apart, themeable, events that reach the page) and as an iframe that
// grows with its content; Russian UI; exam mode and pools. Screenshots of
// the host pages at desktop and phone widths go to test-output/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, bank, screenshot } from './harness.mjs';
import { staticServer } from './static.mjs';

const QUICK = bank('gabuev-quick-check.json');
const byId = Object.fromEntries(QUICK.questions.map((q) => [q.id, q]));
let widget, host, browser;

const page = (title, head, body) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title><link rel="icon" href="data:,">${head}</head>
<body>${body}</body></html>`;

before(async () => {
  widget = await serve();
  const W = widget.url;
  const BANK = `${W}quiz-data/banks/gabuev-quick-check.json`;
  // The host pages, on the static server's port: another origin.
  const pages = {};
  // The host's own CSS is deliberately hostile to anything it reaches.
  const hostile = `<style>
    body { font-family: Georgia, serif; max-width: 70rem; margin: 1rem auto; padding: 0 1rem; }
    p { color: rgb(255, 0, 0); }
    button { font-size: 40px; }
    #themed { --citequiz-accent: rgb(200, 0, 100); }
  </style>`;
  const listen = `<script>
    window.heard = [];
    document.addEventListener('citequiz:answered', (e) => heard.push({
      target: e.target.id, verb: e.detail.verb.id, object: e.detail.object.id,
      success: e.detail.result.success, raw: e.detail.result.score.raw, max: e.detail.result.score.max,
    }));
  </script>`;
  pages['/element.html'] = page('A course page', `${hostile}${listen}
    <script type="module" src="${W}pkg/cite-quiz.js"></script>`, `
    <h1>Week 3: reading</h1>
    <p id="host-p">Read the article, then answer.</p>
    <button id="host-button" type="button">A host button</button>
    <cite-quiz id="first" bank="${BANK}" seed="3" show-article="false"></cite-quiz>
    <cite-quiz id="themed" bank="${BANK}" seed="3"></cite-quiz>`);
  // The element's source, unbundled (five modules and the unminified CSS),
  // works as the build's bundle does.
  pages['/options.html'] = page('Options', `
    <script type="module" src="${W}citequiz.js"></script>`, `
    <cite-quiz id="ru" bank="${BANK}" lang="ru" seed="3" show-article="false"></cite-quiz>
    <cite-quiz id="exam" bank="${BANK}" mode="exam" pool="3" seed="5" show-article="false"></cite-quiz>`);
  // The README's preload hints, from another origin.
  pages['/preload.html'] = page('Preloaded', `
    <link rel="preload" href="${W}pkg/citequiz_bg.wasm" as="fetch" type="application/wasm" crossorigin>
    <script type="module" src="${W}pkg/cite-quiz.js"></script>`, `
    <cite-quiz id="pre" bank="${BANK}" seed="3" show-article="false"></cite-quiz>`);
  pages['/iframe.html'] = page('An iframe embed', hostile, `
    <h1>Week 3: reading</h1>
    <p>The quiz below is an iframe that grows with its content.</p>
    <iframe data-citequiz title="Quiz" style="width: 100%; border: 0; display: block"
      src="${W}embed.html?bank=/quiz-data/banks/gabuev-quick-check.json&seed=3&show-article=false"></iframe>
    <p id="after">After the quiz.</p>
    <script src="${W}resizer.js"></script>`);
  pages['/iframe-article.html'] = page('An iframe embed with the article', '', `
    <iframe data-citequiz title="Quiz" style="width: 100%; border: 0; display: block"
      src="${W}embed.html?bank=/quiz-data/banks/gabuev-quick-check.json&seed=3"></iframe>
    <script src="${W}resizer.js"></script>`);
  host = await staticServer({ pages });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  widget?.stop();
  host?.stop();
});

/** The current question of a widget (a locator inside it). */
async function current(scope) {
  const fs = scope.locator('fieldset.citequiz-question');
  await fs.waitFor();
  return byId[await fs.getAttribute('data-q')];
}

/** Moves on with Next until the current question is a choice question. */
async function toChoice(scope) {
  for (let i = 0; i < QUICK.questions.length; i++) {
    const q = await current(scope);
    if (['single_choice', 'true_false'].includes(q.kind)) return q;
    await scope.locator('[data-action=next]').click();
  }
  throw new Error('no choice question');
}

/** Picks the right (or a wrong) answer to a choice question. */
async function pick(scope, q, right = true) {
  const id = q.kind === 'true_false'
    ? String(right ? q.answer : !q.answer)
    : right ? q.answer : q.options.find((o) => o.id !== q.answer).id;
  await scope.locator(`fieldset.citequiz-question input[data-opt="${id}"]`).check();
}

const style = (locator, prop) => locator.evaluate((e, p) => getComputedStyle(e)[p], prop);

/**
 * The embed's frame once the resizer has applied its latest height: the
 * frame is as tall as its content. Waits for that after anything that may
 * change the content's height (an answer, a new viewport width).
 */
async function settled(iframe) {
  const frame = await (await iframe.elementHandle()).contentFrame();
  await frame.waitForFunction(() => Math.ceil(document.body.getBoundingClientRect().height) === innerHeight, null, { timeout: 10000 })
    .catch((e) => { throw new Error(`the iframe never took its content's height: ${e.message}`); });
  return frame;
}

test('two elements on a page on another origin: own progress, styles kept apart, theming, events', async () => {
  const { page: p, context, problems } = await openPage(browser, `${host.url}element.html`);
  const first = p.locator('#first');
  const themed = p.locator('#themed');
  await first.locator('fieldset.citequiz-question').waitFor();
  await themed.locator('fieldset.citequiz-question').waitFor();
  assert.equal(await first.evaluate((e) => !!e.shadowRoot && !e.querySelector('*')), true, 'all in the shadow root');
  await screenshot(p, 'embed-element-desktop');

  // Host CSS does not reach the widget...
  const source = first.locator('.citequiz-source');
  assert.notEqual(await style(source, 'color'), 'rgb(255, 0, 0)');
  const check = first.locator('[data-action=check]');
  assert.ok(parseFloat(await style(check, 'fontSize')) < 24, 'host button size leaked in');
  assert.notEqual(await style(first.locator('.citequiz-title'), 'fontFamily'), 'Georgia, serif');
  // ...and the widget's CSS does not reach the host.
  assert.equal(await style(p.locator('#host-p'), 'color'), 'rgb(255, 0, 0)');
  assert.equal(await style(p.locator('#host-button'), 'fontSize'), '40px');
  assert.equal(await style(p.locator('body'), 'fontFamily'), 'Georgia, serif');
  // A custom property on the element themes it; the other keeps the default.
  assert.equal(await style(themed.locator('[data-action=check]'), 'backgroundColor'), 'rgb(200, 0, 100)');
  assert.equal(await style(check, 'backgroundColor'), 'rgb(31, 95, 191)');

  // Answer in the first: the event reaches the document, from the element.
  const q = await toChoice(first);
  await pick(first, q);
  await check.click();
  await first.locator('.citequiz-feedback .citequiz-verdict').waitFor();
  assert.match(await first.locator('.citequiz-feedback').innerText(), /^Right/);
  const heard = await p.evaluate(() => window.heard);
  assert.equal(heard.length, 1);
  assert.equal(heard[0].target, 'first');
  assert.equal(heard[0].verb, 'http://adlnet.gov/expapi/verbs/answered');
  assert.ok(heard[0].object.endsWith(`#${q.id}`), heard[0].object);
  assert.deepEqual([heard[0].success, heard[0].raw, heard[0].max], [true, 1, 1]);

  // Reload: the first resumes where it was, the second did not move.
  const themedBefore = await themed.locator('.citequiz-progress').innerText();
  await p.reload();
  await first.locator('.citequiz-feedback .citequiz-verdict').waitFor();
  assert.equal((await current(first)).id, q.id);
  assert.match(await first.locator('.citequiz-points').innerText(), /^1 point so far/);
  await themed.locator('fieldset.citequiz-question').waitFor();
  assert.equal(await themed.locator('.citequiz-progress').innerText(), themedBefore);
  assert.match(await themed.locator('.citequiz-points').innerText(), /^0 points so far/);
  assert.equal(await themed.locator('.citequiz-feedback .citequiz-verdict').count(), 0);
  const keys = await p.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('citequiz:')).sort());
  assert.equal(keys.length, 2, JSON.stringify(keys));
  assert.ok(keys[0].endsWith('#first') && keys[1].endsWith('#themed'), JSON.stringify(keys));

  await screenshot(p, 'embed-element-feedback-desktop');
  await p.setViewportSize({ width: 390, height: 844 });
  await screenshot(p, 'embed-element-phone');
  // The themed one, with the article, stacks the quiz first in a phone-width page.
  const quizTop = await themed.locator('.citequiz-quiz').evaluate((e) => e.getBoundingClientRect().top);
  const articleTop = await themed.locator('.citequiz-article').evaluate((e) => e.getBoundingClientRect().top);
  assert.ok(quizTop < articleTop, 'the quiz comes first on a phone');
  assert.deepEqual(problems, []);
  await context.close();
});

test('an iframe embed grows with its content', async () => {
  const { page: p, context, problems } = await openPage(browser, `${host.url}iframe.html`);
  const iframe = p.locator('iframe[data-citequiz]');
  const frame = p.frameLocator('iframe[data-citequiz]');
  await frame.locator('fieldset.citequiz-question').waitFor();
  const height = () => iframe.evaluate((e) => e.getBoundingClientRect().height);
  // Sized to its content: taller than the default 150px, no inner scrollbar.
  await settled(iframe);
  const fits = () => frame.locator('body').evaluate((b) => b.ownerDocument.documentElement.scrollHeight <= innerHeight + 1);
  assert.ok(await fits(), 'the frame scrolls inside');
  const before = await height();
  assert.ok(before > 200, `the frame is ${before}px tall`);
  await screenshot(p, 'embed-iframe-desktop');

  const q = await toChoice(frame);
  await pick(frame, q);
  await frame.locator('[data-action=check]').click();
  await frame.locator('.citequiz-feedback .citequiz-why').waitFor();
  await settled(iframe);
  assert.ok(await height() > before + 40, `the frame did not grow from ${before}px with the feedback`);
  assert.ok(await fits(), 'the frame scrolls inside after growing');
  await screenshot(p, 'embed-iframe-feedback-desktop');
  await p.setViewportSize({ width: 390, height: 844 });
  await settled(iframe);
  assert.ok(await fits(), 'the frame scrolls inside at phone width');
  await screenshot(p, 'embed-iframe-phone');
  assert.deepEqual(problems, []);
  await context.close();

  // With the article: bounded, the article scrolling in its own box.
  const withArticle = await openPage(browser, `${host.url}iframe-article.html`);
  const f2 = withArticle.page.frameLocator('iframe[data-citequiz]');
  await f2.locator('fieldset.citequiz-question').waitFor();
  const iframe2 = withArticle.page.locator('iframe');
  await settled(iframe2);
  const h2 = await iframe2.evaluate((e) => e.getBoundingClientRect().height);
  assert.ok(h2 > 400 && h2 < 1400, `the article made the frame ${h2}px tall`);
  await screenshot(withArticle.page, 'embed-iframe-article-desktop');
  await withArticle.page.setViewportSize({ width: 390, height: 844 });
  await settled(iframe2);
  await screenshot(withArticle.page, 'embed-iframe-article-phone');
  assert.deepEqual(withArticle.problems, []);
  await withArticle.context.close();
});

test('lang="ru" speaks Russian; exam mode shows no verdict until Finish; pool="3" draws three', async () => {
  const { page: p, context, problems } = await openPage(browser, `${host.url}options.html`);
  const ru = p.locator('#ru');
  await ru.locator('fieldset.citequiz-question').waitFor();
  assert.match(await ru.locator('.citequiz-source').innerText(), /2 декабря 2020 г\./);
  assert.match(await ru.locator('.citequiz-position').innerText(), /^Вопрос 1 из 10$/);
  assert.match(await ru.locator('.citequiz-points').innerText(), /^Набрано 0 баллов$/);
  assert.deepEqual(await ru.locator('.citequiz-nav button').allInnerTexts(), ['Назад', 'Далее', 'Завершить тест']);
  const q = await toChoice(ru);
  await pick(ru, q);
  await ru.getByRole('button', { name: 'Проверить' }).click();
  assert.match(await ru.locator('.citequiz-feedback').innerText(), /^Верно — 1 из 1 балла/);
  assert.equal(await ru.locator('.citequiz').getAttribute('lang'), 'ru');

  const exam = p.locator('#exam');
  await exam.locator('fieldset.citequiz-question').waitFor();
  assert.match(await exam.locator('.citequiz-position').innerText(), /^Question 1 of 3$/);
  assert.match(await exam.locator('.citequiz-notice').innerText(), /Exam mode/);
  assert.equal(await exam.getByRole('button', { name: 'Check', exact: true }).count(), 0);
  const picked = [];
  for (let i = 0; i < 3; i++) {
    const eq = await current(exam);
    if (['single_choice', 'true_false'].includes(eq.kind)) {
      await pick(exam, eq, i !== 1);
      picked.push(eq.id);
    }
    assert.equal(await exam.locator('.citequiz-verdict, .right, .wrong').count(), 0, 'a verdict before Finish');
    if (i < 2) await exam.locator('[data-action=next]').click();
  }
  assert.match(await exam.locator('.citequiz-points').innerText(), new RegExp(`^${picked.length} of 3 answered$`));
  await screenshot(p, 'embed-options-desktop');
  await exam.getByRole('button', { name: 'Finish quiz' }).click();
  const results = exam.locator('.citequiz-results');
  await results.waitFor();
  assert.match(await results.innerText(), /of \d+ points?, [\d.]+%/);
  assert.equal(await exam.locator('.citequiz-review > li').count(), 3);
  assert.ok(await exam.locator('.citequiz-review .citequiz-verdict-line').count() === 3);
  assert.ok((await exam.locator('.citequiz-review blockquote').count()) >= 3, 'citations shown at the end');
  await screenshot(p, 'embed-options-results-desktop');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the README\'s preload hints on another origin are used: each file is fetched once', async () => {
  const { page: p, context, problems } = await openPage(browser, null);
  const fetched = [];
  p.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  const warnings = [];
  p.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await p.goto(`${host.url}preload.html`);
  await p.locator('#pre fieldset.citequiz-question').waitFor();
  for (const file of ['/pkg/cite-quiz.js', '/pkg/citequiz_bg.wasm', '/pkg/style.css']) {
    assert.equal(fetched.filter((f) => f === file).length, 1, `${file} fetched ${fetched.filter((f) => f === file).length} times: ${fetched.join(' ')}`);
  }
  assert.deepEqual(warnings.filter((w) => /preload/i.test(w)), []);
  assert.deepEqual(problems, []);
  await context.close();
});
