// `citequiz build` end to end: the single-file page opened from disk, and the
// SCORM 1.2 package run by scorm-again's LMS API in a host page, as an LMS
// would: launched in an iframe, answered, finished, relaunched from the
// suspend_data the LMS kept.
//
// The runtime listens for the widget's own events on the host element:
// `citequiz:answered`, `citequiz:passed`/`citequiz:failed` (an xAPI
// statement with the score) and `citequiz:completed`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, serve, launch, openPage, bank, screenshot } from './harness.mjs';
import { current, plan, answerByMouse, verdict } from './learner.mjs';

const BANK_FILE = 'quiz-data/banks/gabuev-quick-check.json';
const QUICK = bank('gabuev-quick-check.json');
const byId = Object.fromEntries(QUICK.questions.map((q) => [q.id, q]));
const STEM = QUICK.id;


const HOST_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>LMS host</title><link rel="icon" href="data:,">
<script src="scorm12.js"></script>
<script>
  window.API = new Scorm12API({ autocommit: false, logLevel: 5 });
  // The LMS's record of a previous attempt, if the test gives one.
  if (window.RESUME) window.API.loadFromJSON({ suspend_data: window.RESUME });
</script></head>
<body><iframe id="sco" title="course" src="sco/index.html" style="width: 100%; height: 880px; border: 0"></iframe></body></html>`;

let dir, server, browser;

before(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'citequiz-package-'));
  const out = execFileSync(path.join(ROOT, 'target/release/citequiz'),
    ['build', BANK_FILE, '--out', dir, '--format', 'both'], { cwd: ROOT, encoding: 'utf8' });
  assert.match(out, /\.html: \d+ bytes/);
  assert.match(out, /\.scorm12\.zip: \d+ bytes/);
  // Python's zipfile, not ours, reads the package (and checks every CRC).
  const site = path.join(dir, 'lms');
  execFileSync('python3', ['-m', 'zipfile', '-e', path.join(dir, `${STEM}.scorm12.zip`), path.join(site, 'sco')]);
  copyFileSync(path.join(ROOT, 'node_modules/scorm-again/dist/scorm12.js'), path.join(site, 'scorm12.js'));
  writeFileSync(path.join(site, 'host.html'), HOST_HTML);
  server = await serve({ www: site });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('the package holds the manifest, the page and the runtime', () => {
  assert.deepEqual(readdirSync(path.join(dir, 'lms/sco')).sort(), ['citequiz-scorm.js', 'imsmanifest.xml', 'index.html']);
});

test('the single file works opened from disk: no request leaves it, no error', async () => {
  const file = pathToFileURL(path.join(dir, `${STEM}.html`)).href;
  const { page, context, problems } = await openPage(browser, null);
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(file);
  const { id } = await current(page);
  await answerByMouse(page, byId[id], plan(byId[id], true));
  assert.match(await verdict(page), /^Right/);
  await page.locator('.citequiz-feedback blockquote').first().waitFor();
  await screenshot(page, 'package-single-file');
  assert.deepEqual(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:')), []);
  assert.deepEqual(problems, []);
  await context.close();
});

/** Opens the LMS host page, optionally with the suspend_data of an earlier attempt. */
async function launchSco(resume) {
  const session = await openPage(browser, null);
  const warnings = [];
  session.page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  if (resume) await session.context.addInitScript((s) => { window.RESUME = s; }, resume);
  await session.page.goto(`${server.url}host.html`);
  const frame = await (await session.page.waitForSelector('#sco')).contentFrame();
  await frame.locator('.citequiz').first().waitFor();
  return { ...session, frame, warnings };
}

const cmi = (page) => page.evaluate(() => ({
  status: API.cmi.core.lesson_status,
  raw: API.cmi.core.score.raw,
  min: API.cmi.core.score.min,
  max: API.cmi.core.score.max,
  suspend: API.cmi.suspend_data,
}));

test('SCORM 1.2: every answer right reports 100 and passed to the LMS, and a relaunch resumes', async () => {
  const { page, frame, context, problems, warnings } = await launchSco();
  assert.equal((await cmi(page)).status, 'incomplete');
  let midway;
  for (let n = 0; n < QUICK.questions.length; n++) {
    const { id } = await current(frame);
    await answerByMouse(frame, byId[id], plan(byId[id], true));
    assert.match(await verdict(frame), /^Right/, id);
    // Each answer is saved to the LMS.
    await page.waitForFunction((n) => {
      const s = API.cmi.suspend_data;
      return s && JSON.parse(s).snapshot.questions.filter((q) => q.responses.length).length === n;
    }, n + 1);
    if (n === 2) {
      midway = {
        suspend: (await cmi(page)).suspend,
        id,
        progress: await frame.locator('.citequiz-progress').innerText(),
      };
    }
    if (n < QUICK.questions.length - 1) await frame.getByRole('button', { name: 'Next', exact: true }).click();
  }
  await frame.getByRole('button', { name: 'Finish quiz' }).click();
  await frame.locator('.citequiz-results').waitFor();
  await page.waitForFunction(() => API.cmi.core.lesson_status !== 'incomplete');
  const end = await cmi(page);
  assert.equal(end.status, 'passed');
  assert.equal(end.raw, '100');
  assert.equal(end.min, '0');
  assert.equal(end.max, '100');
  assert.ok(end.suspend.length > 0 && end.suspend.length <= 4096, `suspend_data of ${end.suspend.length} chars`);
  assert.ok(JSON.parse(end.suspend).snapshot.finishedMs > 0, 'the final suspend_data records the finish');
  assert.equal(await page.evaluate(() => API.isTerminated()), true, 'LMSFinish was called');
  await screenshot(page, 'package-scorm-results');
  assert.deepEqual(problems, []);
  assert.deepEqual(warnings.filter((w) => w.includes('citequiz')), []);
  await context.close();

  // A relaunch mid-quiz, in a fresh browser profile: only the LMS remembers.
  const again = await launchSco(midway.suspend);
  assert.equal((await current(again.frame)).id, midway.id, 'resumed on another question');
  assert.equal(await again.frame.locator('.citequiz-progress').innerText(), midway.progress);
  await again.frame.locator('.citequiz-feedback .citequiz-verdict').waitFor();
  assert.deepEqual(again.problems, []);
  await again.context.close();

  // A relaunch after finishing shows the results.
  const done = await launchSco(end.suspend);
  await done.frame.locator('.citequiz-results').waitFor();
  assert.deepEqual(done.problems, []);
  await done.context.close();
});

test('SCORM 1.2: a wrong run reports failed with its percent', async () => {
  const { page, frame, context, problems } = await launchSco();
  for (let n = 0; n < QUICK.questions.length; n++) {
    const { id } = await current(frame);
    await answerByMouse(frame, byId[id], plan(byId[id], n < 3)); // 3 of 10 right
    await verdict(frame);
    if (n < QUICK.questions.length - 1) await frame.getByRole('button', { name: 'Next', exact: true }).click();
  }
  await frame.getByRole('button', { name: 'Finish quiz' }).click();
  const score = await frame.locator('.citequiz-score').innerText();
  await page.waitForFunction(() => API.cmi.core.lesson_status !== 'incomplete');
  const end = await cmi(page);
  assert.equal(end.status, 'failed');
  const shown = Number(score.match(/([\d.]+)%/)[1]);
  assert.ok(Math.abs(Number(end.raw) - shown) < 0.1, `raw ${end.raw}, page says ${score}`);
  assert.ok(Number(end.raw) < 70);
  assert.deepEqual(problems, []);
  await context.close();
});
