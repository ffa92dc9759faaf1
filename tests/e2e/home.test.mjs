// The demo's home page (www/index.html without ?bank=) lists every quiz in
// quiz-data/banks with its article's title, its description and number of
// questions, one link per bank (to the bank compiled); following the second
// article's link opens that quiz, and its first question can be answered
// and shows its cited passage; back home, that quiz says its progress is
// kept.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, serve, launch, openPage, bank, screenshot, axe } from './harness.mjs';
import { current, plan, answerByMouse, verdict } from './learner.mjs';

const FILES = readdirSync(path.join(ROOT, 'quiz-data/banks')).filter((f) => f.endsWith('.json')).sort();
/** Each shipped bank with the title of the article it names (read from the article file itself). */
const BANKS = FILES.map((file) => {
  const b = bank(file);
  const article = JSON.parse(readFileSync(path.join(ROOT, 'quiz-data/banks', b.article), 'utf8'));
  return { file, bank: b, article: article.title };
});
const MOZILLA = BANKS.find((b) => b.file === 'wikipedia-mozilla.json');
let server, browser;

before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

test('the home page lists every quiz by its title and its article\'s', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  const items = page.locator('.citequiz-home-list li');
  await items.first().waitFor();
  assert.equal(await items.count(), BANKS.length, 'one item per bank');
  const text = await page.locator('.citequiz-home').innerText();
  for (const { file, bank: b, article } of BANKS) {
    const link = page.getByRole('link', { name: b.title, exact: true });
    assert.equal(await link.count(), 1, `one link to ${file}`);
    assert.equal(await link.getAttribute('href'), `?bank=/quiz-data/compiled/${file}`);
    assert.ok(text.includes(article), `${article} is on the page`);
    const item = page.locator('.citequiz-home-list li').filter({ has: link });
    assert.match(await item.innerText(), new RegExp(`· ${b.questions.length} questions`));
    assert.equal(await item.locator('.citequiz-home-description').textContent(), b.description);
  }
  // Nothing answered yet in this browser: no quiz says it holds progress.
  assert.equal(await page.locator('.citequiz-home-progress').count(), 0);
  // The two articles, the Gabuev analysis and Wikipedia's "Mozilla", are both there.
  assert.equal(new Set(BANKS.map((b) => b.article)).size >= 2, true);
  assert.equal(await page.locator('main').getAttribute('aria-busy'), null);
  assert.deepEqual(await axe(page, 'main'), []);
  await screenshot(page, 'home');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the second article\'s link opens its quiz, whose first question can be answered', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  await page.getByRole('link', { name: MOZILLA.bank.title, exact: true }).click();
  await page.waitForURL(/\?bank=\/quiz-data\/compiled\/wikipedia-mozilla\.json$/);
  const { id } = await current(page);
  // The bank keeps its questions in the article's order.
  assert.equal(id, MOZILLA.bank.questions[0].id);
  const q = MOZILLA.bank.questions[0];
  await answerByMouse(page, q, plan(q, true));
  assert.match(await verdict(page), /^Right/);
  const quote = page.locator('.citequiz-feedback blockquote').first();
  await quote.waitFor();
  assert.ok((await page.locator('.citequiz-article').innerText()).includes('Mozilla is a free-software community'));
  await screenshot(page, 'home-mozilla-first-question');
  // Back on the home page, the quiz just answered says its progress is kept; the others do not.
  await page.goBack();
  await page.locator('.citequiz-home-list li').first().waitFor();
  const saved = page.locator('.citequiz-home-list li').filter({ has: page.locator('.citequiz-home-progress') });
  assert.equal(await saved.count(), 1);
  assert.match(await saved.locator('h2').innerText(), /^Mozilla/);
  assert.deepEqual(problems, []);
  await context.close();
});
