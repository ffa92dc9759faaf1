// The statements the widget itself dispatches in the page pass the LRS
// check: ralph's xAPI statement model (tests/lrs/validate.py, in the
// .venv-lrs that `make setup` creates) plus the score rules it leaves out.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, serve, launch, openPage, bank } from './harness.mjs';
import { current, plan, answerByMouse, verdict } from './learner.mjs';

const QUICK = bank('gabuev-quick-check.json');
const byId = Object.fromEntries(QUICK.questions.map((q) => [q.id, q]));
let server, browser;

before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

test('every statement the page dispatches is valid xAPI', async () => {
  const { page, context, problems } = await openPage(browser, null);
  await page.addInitScript(() => {
    window.__statements = [];
    for (const type of ['answered', 'passed', 'failed', 'completed']) {
      document.addEventListener(`citequiz:${type}`, (e) => window.__statements.push({ type, detail: e.detail }));
    }
  });
  await page.goto(`${server.url}?bank=/quiz-data/banks/gabuev-quick-check.json&seed=5`);
  for (let n = 0; n < QUICK.questions.length; n++) {
    const { id } = await current(page);
    await answerByMouse(page, byId[id], plan(byId[id], n % 2 === 0));
    await verdict(page);
    if (n < QUICK.questions.length - 1) await page.getByRole('button', { name: 'Next', exact: true }).click();
  }
  await page.getByRole('button', { name: 'Finish quiz' }).click();
  await page.locator('.citequiz-results').waitFor();
  const events = await page.evaluate(() => window.__statements);
  const types = events.map((e) => e.type);
  assert.equal(types.filter((t) => t === 'answered').length, QUICK.questions.length);
  assert.deepEqual(types.slice(-2), [types.at(-2) === 'passed' ? 'passed' : 'failed', 'completed']);
  for (const e of events.filter((e) => e.type === 'answered')) {
    assert.equal(e.detail.verb.id, 'http://adlnet.gov/expapi/verbs/answered');
    assert.match(e.detail.object.id, /gabuev-quick-check\.json#/);
    assert.ok(Array.isArray(e.detail.context.extensions['https://citequiz.invalid/xapi/extensions/citations']));
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'citequiz-xapi-'));
  events.forEach((e, i) => writeFileSync(path.join(dir, `${i}-${e.type}.json`), JSON.stringify(e.detail)));
  const python = path.join(ROOT, '.venv-lrs/bin/python');
  const r = spawnSync(python, [path.join(ROOT, 'tests/lrs/validate.py'), dir], { encoding: 'utf8' });
  assert.equal(r.error, undefined, `${python} is missing: run \`make setup\``);
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, new RegExp(`${events.length} of ${events.length} statements valid`));
  assert.deepEqual(problems, []);
  await context.close();
});
