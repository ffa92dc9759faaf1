// A strict Content Security Policy: the page, the <cite-quiz> element and
// the iframe embed work when served with
//   default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'
// (no inline script or style, no eval), and the single file from
// `citequiz build` works under its own policy (its <meta>, which allows its
// one inline script and style by hash). In each, a question is answered
// and no `securitypolicyviolation` fires.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, launch, openPage, bank } from './harness.mjs';
import { staticServer, recordViolations } from './static.mjs';
import { current, plan, answerByMouse, verdict } from './learner.mjs';

export const STRICT = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const QUICK = bank('gabuev-quick-check.json');
const byId = Object.fromEntries(QUICK.questions.map((q) => [q.id, q]));
const BANK_PATH = '/quiz-data/banks/gabuev-quick-check.json';
let strict, plain, browser, dir, single;

const ELEMENT_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Element under CSP</title><link rel="icon" href="/favicon.svg">
<script type="module" src="/pkg/cite-quiz.js"></script></head>
<body><cite-quiz bank="${BANK_PATH}" seed="1"></cite-quiz></body></html>`;

before(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'citequiz-csp-'));
  execFileSync(path.join(ROOT, 'target/release/citequiz'),
    ['build', path.join(ROOT, 'quiz-data/banks/gabuev-quick-check.json'), '--out', dir, '--format', 'html'], { cwd: ROOT, stdio: 'pipe' });
  single = readFileSync(path.join(dir, `${QUICK.id}.html`), 'utf8');
  strict = await staticServer({ headers: { 'Content-Security-Policy': STRICT }, pages: { '/element.html': ELEMENT_PAGE } });
  // The single file, served with no header: its <meta> is the only policy.
  plain = await staticServer({ pages: { '/single.html': single } });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  strict?.stop();
  plain?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Opens `url`, answers the first question right, and checks nothing was blocked. */
async function answerOne(url, frameSelector) {
  const { page, context, problems } = await openPage(browser, null);
  await recordViolations(context);
  await page.goto(url);
  const root = frameSelector ? await (await page.waitForSelector(frameSelector)).contentFrame() : page;
  const { id } = await current(root);
  await answerByMouse(root, byId[id], plan(byId[id], true));
  assert.match(await verdict(root), /^Right/);
  await root.locator('.citequiz-feedback blockquote').first().waitFor();
  const violations = await root.evaluate(() => window.__violations);
  return { page, root, context, problems, violations };
}

test('the self-study page works under the strict policy', async () => {
  const { context, problems, violations } = await answerOne(`${strict.url}?bank=${BANK_PATH}&seed=1`);
  assert.deepEqual(violations, []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the <cite-quiz> element works under the strict policy', async () => {
  const { context, problems, violations } = await answerOne(`${strict.url}element.html`);
  assert.deepEqual(violations, []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the iframe embed works under the strict policy', async () => {
  const { context, problems, violations } = await answerOne(`${strict.url}embed.html?bank=${BANK_PATH}&seed=1`);
  assert.deepEqual(violations, []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the single file carries a hash-based policy, works under it, and the policy blocks anything else', async () => {
  assert.doesNotMatch(single, /unsafe-inline|'unsafe-eval'/);
  assert.match(single, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'sha256-[A-Za-z0-9+/=]+' 'wasm-unsafe-eval'; style-src 'sha256-[A-Za-z0-9+/=]+';/);
  for (const url of [`${plain.url}single.html`, pathToFileURL(path.join(dir, `${QUICK.id}.html`)).href]) {
    const { page, context, problems, violations } = await answerOne(url);
    assert.deepEqual(violations, [], url);
    assert.deepEqual(problems, [], url);
    // The policy is in force: an injected inline script and style are
    // blocked, each with its violation event (queued, so awaited; if none
    // comes, the deadline ends the wait and the assertion says what is missing).
    const blocked = await page.evaluate(async () => {
      const two = new Promise((resolve) => {
        let n = 0;
        document.addEventListener('securitypolicyviolation', () => { if (++n === 2) resolve(); });
      });
      const s = document.createElement('script');
      s.textContent = 'window.__ran = 1';
      document.body.append(s);
      const st = document.createElement('style');
      st.textContent = 'body { display: none }';
      document.head.append(st);
      await Promise.race([two, new Promise((r) => setTimeout(r, 5000))]);
      return { ran: window.__ran, hidden: getComputedStyle(document.body).display === 'none', violations: window.__violations.map((v) => v.split(' ')[0]) };
    });
    assert.deepEqual(blocked, { ran: undefined, hidden: false, violations: ['script-src-elem', 'style-src-elem'] }, url);
    await context.close();
  }
});
