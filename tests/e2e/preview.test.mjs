// `citequiz preview BANK` as an author uses it: the page shows the quiz;
// an edit saved on disk shows in the page by itself, at the same question;
// a save that breaks the JSON shows the error with its line and column
// instead of the quiz; the fix brings the quiz back. A warning is listed
// beside the quiz.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, copyFileSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT, launch, openPage, screenshot } from './harness.mjs';

const dir = mkdtempSync(path.join(tmpdir(), 'citequiz-preview-'));
const BANK = path.join(dir, 'banks/quick.json');
let child, url, browser;

/** Starts `citequiz preview` on a free port; resolves to its URL. */
function preview(bank) {
  child = spawn(path.join(ROOT, 'target/release/citequiz'), ['preview', bank, '--port', '0'], {
    cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let buf = '';
    const timer = setTimeout(() => reject(new Error('citequiz preview did not start in 10 s')), 10000);
    child.stdout.on('data', (d) => {
      buf += d;
      const m = buf.match(/http:\/\/127\.0\.0\.1:\d+\//);
      if (m) { clearTimeout(timer); resolve(m[0]); }
    });
    child.on('exit', (code) => reject(new Error(`citequiz preview exited with ${code}`)));
  });
}

before(async () => {
  mkdirSync(path.join(dir, 'banks'));
  mkdirSync(path.join(dir, 'articles'));
  copyFileSync(path.join(ROOT, 'quiz-data/banks/gabuev-quick-check.json'), BANK);
  copyFileSync(path.join(ROOT, 'quiz-data/articles/gabuev-2020-putin-china-alliance.json'),
    path.join(dir, 'articles/gabuev-2020-putin-china-alliance.json'));
  url = await preview(BANK);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  child?.kill();
  rmSync(dir, { recursive: true, force: true });
});

/** Waits for the next load of the page (the preview reloads itself on a save). */
const reloaded = (page) => page.waitForEvent('load', { timeout: 10000 });
const prompt = (page) => page.locator('fieldset.citequiz-question .citequiz-prompt').first();

test('a save shows in the page by itself, broken JSON shows its line, the fix brings the quiz back', async () => {
  const { page, problems } = await openPage(browser, url);
  await prompt(page).waitFor();
  // Move to the second question: the place an author is looking at.
  await page.locator('[data-action=next]').click();
  const id = await page.locator('fieldset.citequiz-question').getAttribute('data-q');
  const text = JSON.parse(readFileSync(BANK, 'utf8'));
  const q = text.questions.find((x) => x.id === id);
  assert.ok(q, `question ${id} is in the bank`);

  // Edit that question's prompt on disk.
  q.prompt = `Edited on disk: ${q.prompt}`;
  let load = reloaded(page);
  writeFileSync(BANK, JSON.stringify(text, null, 2));
  await load;
  await page.waitForFunction((want) => document.querySelector('fieldset.citequiz-question .citequiz-prompt')?.textContent === want, q.prompt);
  assert.equal(await page.locator('fieldset.citequiz-question').getAttribute('data-q'), id, 'the same question is shown');
  await screenshot(page, 'preview-edited');

  // Break the JSON: a missing comma on a known line.
  const good = JSON.stringify(text, null, 2);
  const lines = good.split('\n');
  const n = lines.findIndex((l) => l.includes('"title"'));
  lines[n] = lines[n].replace(/,$/, '');
  load = reloaded(page);
  writeFileSync(BANK, lines.join('\n'));
  await load;
  const list = page.locator('#preview-list');
  await list.locator('li').first().waitFor();
  const shown = await list.textContent();
  assert.match(shown, new RegExp(`quick\\.json:${n + 2}:\\d+`), `the error names the line: ${shown}`);
  assert.equal(await page.locator('fieldset.citequiz-question').count(), 0, 'no quiz while the bank has errors');
  await screenshot(page, 'preview-error');

  // Fix it: the quiz is back, at the same question.
  load = reloaded(page);
  writeFileSync(BANK, good);
  await load;
  await page.waitForFunction((want) => document.querySelector('fieldset.citequiz-question .citequiz-prompt')?.textContent === want, q.prompt);
  assert.equal(await page.locator('fieldset.citequiz-question').getAttribute('data-q'), id);
  assert.equal(await page.locator('#preview-list li.citequiz-preview-error').count(), 0);
  // Each reload ends the page's event stream, which Chromium reports as an
  // aborted request; anything else is a problem.
  assert.deepEqual(problems.filter((p) => !/preview\/events net::ERR_ABORTED$/.test(p)), []);
});
