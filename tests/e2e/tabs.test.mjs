// Two tabs on the same quiz share one saved state: what the learner does
// in one shows up in the other (the `storage` event), the newer state wins,
// and nothing either tab did is lost after a reload.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, bank } from './harness.mjs';
import { current, plan, answerByMouse, verdict } from './learner.mjs';

const QUICK = bank('gabuev-quick-check.json');
const byId = Object.fromEntries(QUICK.questions.map((q) => [q.id, q]));
let server, browser;

before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

test('an answer in one tab reaches the other, and both survive a reload', async () => {
  const context = await browser.newContext();
  const url = `${server.url}?bank=/quiz-data/banks/gabuev-quick-check.json&seed=11`;
  const a = await context.newPage();
  await a.goto(url);
  const b = await context.newPage();
  await b.goto(url);
  // Tab A answers the first question.
  const q1 = await current(a);
  await answerByMouse(a, byId[q1.id], plan(byId[q1.id], true));
  await verdict(a);
  // Tab B is told, and shows the answer.
  await b.getByText('Your progress was updated from another tab.').waitFor();
  assert.match(await b.locator('.citequiz-feedback').innerText(), /^Right/);
  // Tab B answers the second question; tab A follows.
  await b.getByRole('button', { name: 'Next', exact: true }).click();
  const q2 = await current(b);
  await answerByMouse(b, byId[q2.id], plan(byId[q2.id], false));
  await verdict(b);
  await a.getByText('Your progress was updated from another tab.').waitFor();
  // After reloading both, both answers are there.
  for (const page of [a, b]) {
    await page.reload();
    await page.locator('fieldset.citequiz-question').waitFor();
    const answered = await page.evaluate(() => JSON.parse(localStorage.getItem('citequiz:gabuev-2020-quick-check')).snapshot.questions
      .filter((q) => q.responses.length > 0).map((q) => q.id));
    assert.deepEqual(answered.sort(), [q1.id, q2.id].sort());
  }
  await context.close();
});
