// <cite-quiz lrs="…">: the statements reach a learning record store with
// the credentials the host page gives, in xAPI 1.0.3, queued and retried
// while the learner is offline or the LRS is failing. The LRS here is a
// recording stand-in on its own origin (the static test server with a hook,
// CORS preflight included); what it receives is checked with ralph's xAPI
// model, as every statement is.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, serve, launch, openPage, bank, within } from './harness.mjs';
import { staticServer } from './static.mjs';
import { plan, answerByMouse } from './learner.mjs';

const QUICK = bank('gabuev-quick-check.json');
const byId = Object.fromEntries(QUICK.questions.map((q) => [q.id, q]));
let widget, lrs, browser;

/**
 * An LRS stand-in that also serves the course page (`/`, from `hostPage(url)`):
 * records the statements POSTed to it; fails the first `failures` with 503.
 * `received(n)` resolves once it holds `n` statements.
 */
async function recordingLrs(hostPage) {
  const statements = [];
  const waiting = [];
  let failures = 0;
  const cors = {
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Allow-Headers': 'Authorization, Content-Type, X-Experience-API-Version',
    'Access-Control-Allow-Methods': 'POST, OPTIONS',
  };
  const pages = {};
  const server = await staticServer({
    pages,
    hook: async (req, res) => {
      if (req.method === 'OPTIONS') { res.writeHead(204, cors).end(); return true; }
      if (req.method !== 'POST') return false;
      let body = '';
      for await (const d of req) body += d;
      if (failures > 0) { failures--; res.writeHead(503, cors).end('busy'); return true; }
      statements.push({ url: req.url, headers: req.headers, statement: JSON.parse(body) });
      res.writeHead(200, { ...cors, 'Content-Type': 'application/json' }).end(JSON.stringify([JSON.parse(body).id]));
      for (const w of waiting.splice(0)) w();
      return true;
    },
  });
  pages['/'] = hostPage(server.url);
  const received = (n) => within(15000, () => `the LRS to hold ${n} statements (it has ${statements.length})`, new Promise((resolve) => {
    const check = () => (statements.length >= n ? resolve() : waiting.push(check));
    check();
  }));
  return { ...server, statements, received, failNext: (n) => { failures = n; } };
}

before(async () => {
  widget = await serve();
  const W = widget.url;
  lrs = await recordingLrs((url) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Course</title>
    <link rel="icon" href="data:,"><script type="module" src="${W}pkg/cite-quiz.js"></script></head><body>
    <cite-quiz id="q" bank="${W}quiz-data/banks/gabuev-quick-check.json" seed="3" show-article="false" lrs="${url}xAPI/"></cite-quiz>
    <script>
      const el = document.getElementById('q');
      el.actor = { name: 'Ada Learner', mbox: 'mailto:ada@example.org' };
      el.lrsAuth = 'Basic ' + btoa('course:secret');
    </script></body></html>`);
  browser = await launch();
});
after(async () => { await browser?.close(); widget?.stop(); lrs?.stop(); });

async function answerCurrent(page) {
  const fs = page.locator('cite-quiz fieldset.citequiz-question');
  await fs.waitFor();
  const id = await fs.getAttribute('data-q');
  await answerByMouse(page.locator('cite-quiz'), byId[id], plan(byId[id], true));
  await page.locator('cite-quiz .citequiz-verdict').waitFor();
  return id;
}

test('statements reach the LRS with credentials, survive an outage and going offline', async () => {
  const { page, context, problems } = await openPage(browser, null);
  await page.goto(lrs.url);
  // The LRS is down for the first answer: it is retried until it lands.
  lrs.failNext(1);
  const first = await answerCurrent(page);
  await lrs.received(1);
  const got = lrs.statements[0];
  assert.equal(got.url, '/xAPI/statements');
  assert.equal(got.headers.authorization, `Basic ${Buffer.from('course:secret').toString('base64')}`);
  assert.equal(got.headers['x-experience-api-version'], '1.0.3');
  assert.equal(got.statement.actor.mbox, 'mailto:ada@example.org');
  assert.ok(got.statement.object.id.endsWith(`#${first}`));
  // Offline: the next answer waits in the queue (its POST fails at once),
  // and goes when the browser is back.
  await context.setOffline(true);
  await page.locator('cite-quiz').getByRole('button', { name: 'Next', exact: true }).click();
  const failed = page.waitForEvent('requestfailed', { predicate: (r) => r.url().endsWith('/xAPI/statements'), timeout: 15000 });
  await answerCurrent(page);
  await failed;
  assert.equal(lrs.statements.length, 1, 'sent while offline?');
  assert.equal(await page.evaluate(() => document.getElementById('q').lrs.pending), 1);
  await context.setOffline(false);
  await lrs.received(2);
  // The LRS has the statement before the page has its response: the queue
  // empties a moment later.
  await page.waitForFunction(() => document.getElementById('q').lrs.pending === 0, null, { timeout: 15000 });
  assert.equal(lrs.statements.length, 2, 'sent once');
  // What the LRS received is valid xAPI.
  const dir = mkdtempSync(path.join(os.tmpdir(), 'citequiz-lrs-'));
  lrs.statements.forEach((r, i) => writeFileSync(path.join(dir, `${i}.json`), JSON.stringify(r.statement)));
  const v = spawnSync(path.join(ROOT, '.venv-lrs/bin/python'), [path.join(ROOT, 'tests/lrs/validate.py'), dir], { encoding: 'utf8' });
  assert.equal(v.status, 0, v.stdout + v.stderr);
  // The 503 and the offline attempt are the only failed requests.
  assert.ok(problems.every((p) => /503|ERR_INTERNET_DISCONNECTED|Failed to fetch|statements/.test(p)), problems.join('\n'));
  await context.close();
});
