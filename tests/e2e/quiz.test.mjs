// A learner works through the quick check in the real page: some answers
// right, some wrong; sees verdicts, explanations and the highlighted
// passage; reloads mid-quiz and resumes; finishes and sees the results;
// then does a whole run with the keyboard alone. axe-core scans each screen.
// Screenshots at desktop and phone widths go to test-output/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, bank, screenshot, axe } from './harness.mjs';
import { current, plan, answerByMouse, answerByKeyboard, verdict, tabTo } from './learner.mjs';

const QUICK = bank('gabuev-quick-check.json');
const byId = Object.fromEntries(QUICK.questions.map((q) => [q.id, q]));
let server, browser;

before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const url = () => `${server.url}?bank=/quiz-data/banks/gabuev-quick-check.json&seed=3`;

async function noSeriousViolations(page, screen) {
  const v = await axe(page);
  assert.deepEqual(v, [], `${screen}: ${JSON.stringify(v, null, 1)}`);
}

test('answer every question, see verdicts and the cited passage, resume after a reload, finish', async () => {
  const { page, context, problems } = await openPage(browser, url());
  await noSeriousViolations(page, 'first question');
  await screenshot(page, 'desktop-question');
  const seen = [];
  for (let n = 0; n < QUICK.questions.length; n++) {
    const { id, kind } = await current(page);
    assert.ok(byId[id], `unknown question ${id}`);
    assert.ok(!seen.includes(id), `question ${id} shown twice`);
    seen.push(id);
    const right = n % 3 !== 1; // every third answer wrong
    await answerByMouse(page, byId[id], plan(byId[id], right));
    const said = await verdict(page);
    if (right) assert.match(said, /^Right/, `${id} (${kind}): ${said}`);
    else assert.match(said, /^(Wrong|Partly right)/, `${id} (${kind}): ${said}`);
    // With one try per question the explanation and the citation show at once.
    const quote = page.locator('.citequiz-feedback blockquote').first();
    await quote.waitFor();
    await page.locator('.citequiz-feedback').getByRole('button', { name: 'Show in article' }).first().click();
    const marks = page.locator('.citequiz-article mark.cite');
    await marks.first().waitFor();
    const highlighted = (await marks.allInnerTexts()).join('').replace(/\s+/g, ' ').trim();
    const quoted = (await quote.locator('p, q').first().innerText().catch(() => quote.innerText())).replace(/\s+/g, ' ').trim();
    assert.ok(quoted.includes(highlighted) || highlighted.includes(quoted.replace(/^["“]|["”]$/g, '')),
      `${id}: highlighted "${highlighted}" but quoted "${quoted}"`);
    if (n === 0) {
      await screenshot(page, 'desktop-feedback-highlight');
      await noSeriousViolations(page, 'feedback');
    }
    if (n === 4) {
      // Reload mid-quiz: the learner comes back where they were.
      const before = await page.locator('.citequiz-progress').innerText();
      await page.reload();
      await page.locator('fieldset.citequiz-question').waitFor();
      assert.equal(await page.locator('.citequiz-progress').innerText(), before);
      assert.equal((await current(page)).id, id, 'resumed on another question');
      await page.locator('.citequiz-feedback .citequiz-verdict').waitFor();
    }
    if (n < QUICK.questions.length - 1) await page.getByRole('button', { name: 'Next', exact: true }).click();
  }
  await page.getByRole('button', { name: 'Finish quiz' }).click();
  const results = page.locator('.citequiz-results');
  await results.waitFor();
  const text = await results.innerText();
  assert.match(text, /\d+(\.\d+)? of \d+ points?, \d+(\.\d+)?%/);
  assert.match(text, /Passed|Not passed/);
  assert.match(text, /main-idea|supporting-detail|inference/);
  await screenshot(page, 'desktop-results');
  await noSeriousViolations(page, 'results');
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, 'phone-results');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a phone-sized screen shows the quiz first', async () => {
  const { page, context, problems } = await openPage(browser, url(), { width: 390, height: 844 });
  await page.locator('fieldset.citequiz-question').waitFor();
  const quizTop = await page.locator('.citequiz-quiz').evaluate((e) => e.getBoundingClientRect().top);
  const articleTop = await page.locator('.citequiz-article').evaluate((e) => e.getBoundingClientRect().top);
  assert.ok(quizTop < articleTop, 'the article comes before the quiz on a phone');
  await screenshot(page, 'phone-question');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a whole run with the keyboard alone', async () => {
  const { page, context, problems } = await openPage(browser, `${url()}&keyboard`);
  for (let n = 0; n < QUICK.questions.length; n++) {
    const { id } = await current(page);
    await answerByKeyboard(page, byId[id], plan(byId[id], true));
    assert.match(await verdict(page), /^Right/, id);
    if (n < QUICK.questions.length - 1) {
      await tabTo(page, 'button[data-action=next]');
      await page.keyboard.press('Enter');
    }
  }
  await tabTo(page, 'button[data-action=finish]');
  await page.keyboard.press('Enter');
  const text = await page.locator('.citequiz-results').innerText();
  assert.match(text, /100%/);
  assert.match(text, /Passed/);
  assert.deepEqual(problems, []);
  await context.close();
});
