// A compiled bank (`citequiz compile`) in the real page: one data request
// (no article fetched), and the quiz plays, grades and highlights exactly
// as the raw bank does, question by question; a damaged compiled bank
// shows the error panel, saying to compile it again.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, readFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, serve, launch, openPage, bank } from './harness.mjs';
import { current, plan, answerByMouse, verdict } from './learner.mjs';

const QUICK = bank('gabuev-quick-check.json');
const byId = Object.fromEntries(QUICK.questions.map((q) => [q.id, q]));
let server, browser;

before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

/** Plays the whole quiz at `bankPath` (seed 3; every third answer wrong); returns what was seen, and the data requests. */
async function play(bankPath) {
  const { page, context, problems } = await openPage(browser);
  const data = [];
  page.on('request', (r) => { if (new URL(r.url()).pathname.startsWith('/quiz-data/')) data.push(new URL(r.url()).pathname); });
  await page.goto(`${server.url}?bank=${bankPath}&seed=3`);
  const seen = [];
  for (let n = 0; n < QUICK.questions.length; n++) {
    const { id } = await current(page);
    const right = n % 3 !== 1;
    await answerByMouse(page, byId[id], plan(byId[id], right));
    const said = await verdict(page);
    await page.locator('.citequiz-feedback').getByRole('button', { name: 'Show in article' }).first().click();
    const marks = page.locator('.citequiz-article mark.cite');
    await marks.first().waitFor();
    seen.push({ id, said, marks: await marks.allInnerTexts(), feedback: await page.locator('.citequiz-feedback').innerText() });
    if (n < QUICK.questions.length - 1) await page.getByRole('button', { name: 'Next', exact: true }).click();
  }
  await page.getByRole('button', { name: 'Finish quiz' }).click();
  const results = await page.locator('.citequiz-results').innerText();
  assert.deepEqual(problems, []);
  await context.close();
  return { seen, results, data };
}

test('a compiled bank takes one request and plays exactly as the raw bank', async () => {
  const raw = await play('/quiz-data/banks/gabuev-quick-check.json');
  const fast = await play('/quiz-data/compiled/gabuev-quick-check.json');
  assert.deepEqual(raw.data, ['/quiz-data/banks/gabuev-quick-check.json', '/quiz-data/articles/gabuev-2020-putin-china-alliance.json']);
  assert.deepEqual(fast.data, ['/quiz-data/compiled/gabuev-quick-check.json'], 'one data request, no article');
  assert.equal(fast.seen.length, QUICK.questions.length);
  assert.deepEqual(fast.seen, raw.seen);
  assert.equal(fast.results, raw.results);
});

test('a damaged compiled bank shows the error panel with where and what to do', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'citequiz-compiled-'));
  const text = readFileSync(path.join(ROOT, 'quiz-data/compiled/gabuev-quick-check.json'), 'utf8');
  writeFileSync(path.join(dir, 'damaged.json'), text.replace('"at":[', '"at":[99999999,'));
  const local = await serve({ data: dir });
  try {
    const { page, context } = await openPage(browser, `${local.url}?bank=/quiz-data/damaged.json`);
    const panel = page.locator('.citequiz-error');
    await panel.waitFor();
    const said = await panel.innerText();
    assert.match(said, /questions\[0\]\.cite\[0\]\.at/);
    assert.match(said, /citequiz compile/);
    await context.close();
  } finally {
    local.stop();
  }
});
