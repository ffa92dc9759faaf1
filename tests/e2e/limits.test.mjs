// A large bank still mounts in the browser: 2,000 questions (the core
// accepts up to 10,000; see README "Limits"). No timing assertion: the
// test prints how long the mount took.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT, serve, launch, openPage } from './harness.mjs';
import { current, plan, answerByMouse, verdict } from './learner.mjs';

const N = 2000;
let dir, server, browser, big;

before(async () => {
  // The fixture's questions (one of every kind) repeated with fresh ids.
  const fixture = JSON.parse(readFileSync(path.join(ROOT, 'tests/fixtures/every-kind.json'), 'utf8'));
  big = { ...fixture, id: 'big', article: '../articles/gabuev-2020-putin-china-alliance.json', shuffle_questions: false };
  big.questions = Array.from({ length: N }, (_, i) => {
    const q = structuredClone(fixture.questions[i % fixture.questions.length]);
    return { ...q, id: `${q.id}-${i}` };
  });
  dir = mkdtempSync(path.join(tmpdir(), 'citequiz-limits-'));
  mkdirSync(path.join(dir, 'banks'));
  cpSync(path.join(ROOT, 'quiz-data/articles'), path.join(dir, 'articles'), { recursive: true });
  writeFileSync(path.join(dir, 'banks/big.json'), JSON.stringify(big));
  server = await serve({ data: dir });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test(`a bank of ${N} questions mounts in the browser and can be answered`, async () => {
  const { page, context, problems } = await openPage(browser, null);
  const started = Date.now();
  await page.goto(`${server.url}?bank=/quiz-data/banks/big.json`);
  await page.locator('fieldset.citequiz-question').waitFor({ timeout: 60000 });
  const ms = Date.now() - started;
  const bytes = JSON.stringify(big).length;
  console.log(`${N} questions (${(bytes / 1024).toFixed(0)} KiB): page load to first question ${ms} ms`);
  assert.equal(await page.locator('.citequiz-quiz progress').getAttribute('max'), String(N));
  const { id } = await current(page);
  const q = big.questions.find((x) => x.id === id);
  await answerByMouse(page, q, plan(q, true));
  assert.match(await verdict(page), /^Right/);
  assert.deepEqual(problems, []);
  await context.close();
});
