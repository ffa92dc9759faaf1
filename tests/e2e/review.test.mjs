// Spaced review on the self-study page, with Playwright's fake clock: a
// wrong answer is due two days later and Review asks it first; right
// answers push its next review out by days, then weeks; the bar counts
// what is due; a corrupt saved schedule is cleared with a notice.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, bank, screenshot } from './harness.mjs';
import { current, plan, answerByMouse, verdict } from './learner.mjs';

const QUICK = bank('gabuev-quick-check.json');
const byId = Object.fromEntries(QUICK.questions.map((q) => [q.id, q]));
const KEY = `citequiz-review:${QUICK.id}`;
const DAY = 86_400_000;
// 09:00 UTC (Chromium's zone here), so that whole days stay whole days.
const T0 = Date.parse('2026-12-07T09:00:00Z');
let server, browser;

before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const url = () => `${server.url}?bank=/quiz-data/banks/gabuev-quick-check.json&seed=3`;

/** The saved card of question `id`, as the page stored it. */
async function card(page, id) {
  const saved = await page.evaluate((key) => localStorage.getItem(key), KEY);
  return JSON.parse(saved).cards.find((c) => c.id === id);
}

/** Answers the question on screen, right or wrong; its id. */
async function answer(page, right) {
  const { id } = await current(page);
  await answerByMouse(page, byId[id], plan(byId[id], right));
  await verdict(page);
  return id;
}

/** Moves the page's clock to `ms` and reloads, as a learner coming back. */
async function comeBack(page, ms) {
  await page.clock.setSystemTime(ms);
  await page.reload();
  await page.locator('fieldset.citequiz-question, .citequiz-results').first().waitFor();
}

test('a missed question is due two days later, asked first, and moves out by days then weeks', async () => {
  const { page, context, problems } = await openPage(browser);
  await page.clock.install({ time: T0 });
  await page.goto(url());
  const due = page.locator('.citequiz-due');
  await due.waitFor();
  assert.equal(await due.innerText(), 'Nothing due for review');

  const missed = await answer(page, false);
  assert.equal((await card(page, missed)).lastRating, 'again');
  assert.equal(await due.innerText(), 'Nothing due for review. Next review: tomorrow');

  // Two days on: due, counted, and the review asks it first. New questions
  // are held back (limit 0) so the review is that question alone.
  await comeBack(page, T0 + 2 * DAY);
  assert.equal(await due.innerText(), '1 question due for review');
  await screenshot(page, 'review-due');
  await page.locator('.citequiz-review-settings summary').click();
  await page.locator('[data-review-limit]').fill('0');
  await page.getByRole('button', { name: 'Review', exact: true }).click();
  assert.equal((await current(page)).id, missed, 'Review did not ask the missed question');
  assert.equal(await page.locator('.citequiz-position').innerText(), 'Question 1 of 1');

  // Right, again and again, each time on the day it is due.
  let now = T0 + 2 * DAY;
  const intervals = [];
  for (let round = 0; round < 4; round++) {
    if (round > 0) {
      await comeBack(page, now);
      assert.equal(await due.innerText(), '1 question due for review', `round ${round}`);
      await page.getByRole('button', { name: 'Review', exact: true }).click();
      assert.equal((await current(page)).id, missed);
    }
    assert.equal(await answer(page, true), missed);
    const c = await card(page, missed);
    assert.equal(c.lastRating, 'good');
    intervals.push(c.interval);
    await page.getByRole('button', { name: 'Finish quiz' }).click();
    const next = await page.locator('.citequiz-next-review').innerText();
    assert.equal(next, c.interval === 1 ? 'Next review: tomorrow' : `Next review: in ${c.interval} days`);
    if (round === 1) await screenshot(page, 'review-finished');
    now += c.interval * DAY;
  }
  assert.ok(intervals.every((d, i) => i === 0 || d > intervals[i - 1]), `intervals ${intervals}`);
  assert.ok(intervals[0] <= 6, `first interval ${intervals[0]} is not days`);
  assert.ok(intervals.at(-1) >= 14, `last interval ${intervals.at(-1)} is not weeks`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a corrupt saved schedule is cleared with a notice; the cards that still read are kept', async () => {
  const { page, context, problems } = await openPage(browser);
  await page.clock.install({ time: T0 });
  await page.goto(url());
  const first = await answer(page, false);
  await page.getByRole('button', { name: 'Next' }).click();
  const second = await answer(page, false);
  // Break the first card; leave the second.
  await page.evaluate(([key, id]) => {
    const saved = JSON.parse(localStorage.getItem(key));
    saved.cards.find((c) => c.id === id).stability = 'broken';
    localStorage.setItem(key, JSON.stringify(saved));
  }, [KEY, first]);
  await comeBack(page, T0 + 2 * DAY);
  const notice = await page.locator('.citequiz-notice').innerText();
  assert.match(notice, /1 saved review record could not be used .* the others were kept\./);
  assert.equal(await page.locator('.citequiz-due').innerText(), '1 question due for review');
  assert.equal(await card(page, first), undefined, 'the corrupt card is still saved');
  assert.ok(await card(page, second), 'the good card was lost');

  // Not JSON at all: set aside, and reviews start fresh.
  await page.evaluate((key) => localStorage.setItem(key, '{"format":'), KEY);
  await comeBack(page, T0 + 2 * DAY);
  assert.match(await page.locator('.citequiz-notice').innerText(), /review schedule could not be read and was set aside/);
  assert.equal(await page.locator('.citequiz-due').innerText(), 'Nothing due for review');
  assert.equal(await page.evaluate((key) => localStorage.getItem(`${key}:set-aside`), KEY), '{"format":');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the passage map marks what is shaky and known, practises a passage, and lists what to reread', async () => {
  const { page, context, problems } = await openPage(browser);
  await page.clock.install({ time: T0 });
  await page.goto(url());
  const markers = page.locator('.citequiz-article .citequiz-passage');
  await markers.first().waitFor();
  const states = async () => markers.evaluateAll((ms) => ms.map((m) => m.dataset.knowledge));
  assert.ok((await states()).every((k) => k === 'not-asked'));
  assert.match(await markers.first().innerText(), /Not yet asked\s*Practise this passage/);
  // Wrong, then right: the paragraphs each cites say so in words.
  const wrong = await answer(page, false);
  await page.getByRole('button', { name: 'Next' }).click();
  const right = await answer(page, true);
  const cited = (id) => byId[id].cite.length;
  assert.ok(cited(wrong) && cited(right));
  const shaky = markers.filter({ hasText: 'Shaky' });
  const known = markers.filter({ hasText: 'Known' });
  assert.ok(await shaky.count() >= 1, 'no paragraph says Shaky after a wrong answer');
  assert.ok(await known.count() + await shaky.count() >= 2, `states ${await states()}`);
  assert.equal(await markers.locator('[aria-hidden=true]').count(), await markers.count(), 'the shape is not hidden from screen readers');
  await screenshot(page, 'passage-map');

  // Practise a shaky passage: a session of just its questions.
  await shaky.first().getByRole('button', { name: 'Practise this passage' }).click();
  const { id } = await current(page);
  const n = Number((await page.locator('.citequiz-position').innerText()).match(/of (\d+)/)[1]);
  assert.ok(n >= 1 && n < QUICK.questions.length, `a passage's session has ${n} questions`);
  assert.ok(byId[id], id);

  // Finish it unanswered: its paragraphs are listed to reread, each a link.
  await page.getByRole('button', { name: 'Finish quiz' }).click();
  const reread = page.locator('.citequiz-reread li');
  assert.ok(await reread.count() >= 1);
  const link = reread.first().getByRole('button');
  const target = await link.getAttribute('data-passage');
  await link.click();
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.p), target);
  assert.deepEqual(problems, []);
  await context.close();
});

test('progress exported in one browser imports into another: newer wins, a wrong file changes nothing', async () => {
  const one = await openPage(browser);
  await one.page.clock.install({ time: T0 });
  await one.page.goto(url());
  const missed = await answer(one.page, false);
  const [download] = await Promise.all([
    one.page.waitForEvent('download'),
    one.page.locator('.citequiz-review-settings summary').click().then(() => one.page.getByRole('button', { name: 'Export progress' }).click()),
  ]);
  assert.equal(download.suggestedFilename(), `citequiz-progress-${QUICK.id}.json`);
  const file = await download.path().then((p) => import('node:fs').then((fs) => fs.readFileSync(p, 'utf8')));
  const saved = JSON.parse(file);
  assert.equal(saved.format, 'citequiz-progress/1');
  assert.equal(saved.review.cards[0].id, missed);
  assert.deepEqual(one.problems, []);
  await one.context.close();

  // Another browser, a day later: nothing there yet; the import brings the
  // missed question's schedule and the attempt.
  const two = await openPage(browser);
  await two.page.clock.install({ time: T0 + 2 * DAY });
  await two.page.goto(url());
  const due = two.page.locator('.citequiz-due');
  await due.waitFor();
  assert.equal(await due.innerText(), 'Nothing due for review');
  await two.page.locator('.citequiz-review-settings summary').click();
  const input = two.page.locator('[data-import-progress]');
  await input.setInputFiles({ name: 'wrong.json', mimeType: 'application/json', buffer: Buffer.from(file.replaceAll(QUICK.id, 'another-quiz')) });
  await two.page.locator('.citequiz-notice', { hasText: 'another quiz' }).waitFor();
  assert.equal(await due.innerText(), 'Nothing due for review', 'a wrong file changed something');
  await input.setInputFiles({ name: 'progress.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  await two.page.locator('.citequiz-notice', { hasText: 'Progress imported: 1 question updated.' }).waitFor();
  assert.equal(await due.innerText(), '1 question due for review');
  assert.equal(await card(two.page, missed).then((c) => c.lastRating), 'again');
  // The attempt came too: this browser's was untouched, so nothing is lost.
  assert.equal((await current(two.page)).id, missed);
  assert.match(await verdict(two.page), /^(Wrong|Partly right)/);
  assert.deepEqual(two.problems, []);
  await two.context.close();
});

test('review="off" on <cite-quiz>: no bar, and answers leave the schedule alone', async () => {
  const { page, context, problems } = await openPage(browser);
  // A host page on the widget's origin, so its localStorage is the one looked at.
  const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Off</title>
    <link rel="icon" href="data:,"><script type="module" src="/pkg/cite-quiz.js"></script></head>
    <body><cite-quiz bank="/quiz-data/banks/gabuev-quick-check.json" seed="3" review="off"></cite-quiz></body></html>`;
  await page.route(`${server.url}review-off.html`, (r) => r.fulfill({ contentType: 'text/html', body }));
  await page.goto(`${server.url}review-off.html`);
  const host = page.locator('cite-quiz');
  await host.locator('fieldset.citequiz-question').waitFor();
  assert.equal(await host.locator('.citequiz-reviewbar').count(), 0);
  await answer(page, false);
  assert.equal(await page.evaluate((key) => localStorage.getItem(key), KEY), null);
  assert.deepEqual(problems, []);
  await context.close();
});
