// <cite-quiz lrs="…">: the statements reach a learning record store with
// the credentials the host page gives, in xAPI 1.0.3, queued and retried
// while the learner is offline or the LRS is failing. The LRS here is a
// small recording server on its own origin (CORS preflight included); what
// it receives is checked with ralph's xAPI model, as every statement is.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, serve, launch, openPage, bank } from './harness.mjs';
import { plan, answerByMouse } from './learner.mjs';

const QUICK = bank('gabuev-quick-check.json');
const byId = Object.fromEntries(QUICK.questions.map((q) => [q.id, q]));
let widget, lrs, browser;

/** An LRS stand-in: records statements; fails the first `failures` POSTs with 503. */
function recordingLrs(hostPage) {
  const received = [];
  let failures = 0;
  const cors = {
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Allow-Headers': 'Authorization, Content-Type, X-Experience-API-Version',
    'Access-Control-Allow-Methods': 'POST, OPTIONS',
  };
  const server = http.createServer((req, res) => {
    if (req.method === 'OPTIONS') return res.writeHead(204, cors).end();
    if (req.method === 'GET') return res.writeHead(200, { 'Content-Type': 'text/html' }).end(hostPage());
    let body = '';
    req.on('data', (d) => { body += d; });
    req.on('end', () => {
      if (failures > 0) { failures--; return res.writeHead(503, cors).end('busy'); }
      received.push({ url: req.url, headers: req.headers, statement: JSON.parse(body) });
      res.writeHead(200, { ...cors, 'Content-Type': 'application/json' }).end(JSON.stringify([JSON.parse(body).id]));
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({
    url: `http://127.0.0.1:${server.address().port}/`,
    received,
    failNext: (n) => { failures = n; },
    stop: () => { server.closeAllConnections(); server.close(); },
  })));
}

before(async () => {
  widget = await serve();
  const W = widget.url;
  lrs = await recordingLrs(() => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Course</title>
    <link rel="icon" href="data:,"><script type="module" src="${W}pkg/cite-quiz.js"></script></head><body>
    <cite-quiz id="q" bank="${W}quiz-data/banks/gabuev-quick-check.json" seed="3" show-article="false" lrs="${lrs.url}xAPI/"></cite-quiz>
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

const waitFor = async (cond, ms = 15000) => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
};

test('statements reach the LRS with credentials, survive an outage and going offline', async () => {
  const { page, context, problems } = await openPage(browser, null);
  await page.goto(lrs.url);
  // The LRS is down for the first answer: it is retried until it lands.
  lrs.failNext(1);
  const first = await answerCurrent(page);
  await waitFor(() => lrs.received.length === 1);
  const got = lrs.received[0];
  assert.equal(got.url, '/xAPI/statements');
  assert.equal(got.headers.authorization, `Basic ${Buffer.from('course:secret').toString('base64')}`);
  assert.equal(got.headers['x-experience-api-version'], '1.0.3');
  assert.equal(got.statement.actor.mbox, 'mailto:ada@example.org');
  assert.ok(got.statement.object.id.endsWith(`#${first}`));
  // Offline: the next answer waits in the queue, and goes when the browser is back.
  await context.setOffline(true);
  await page.locator('cite-quiz').getByRole('button', { name: 'Next', exact: true }).click();
  await answerCurrent(page);
  await page.waitForTimeout(500);
  assert.equal(lrs.received.length, 1, 'sent while offline?');
  assert.equal(await page.evaluate(() => document.getElementById('q').lrs.pending), 1);
  await context.setOffline(false);
  await waitFor(() => lrs.received.length === 2);
  // The LRS has the statement before the page has its response: the queue
  // empties a moment later.
  await page.waitForFunction(() => document.getElementById('q').lrs.pending === 0, null, { timeout: 15000 });
  assert.equal(lrs.received.length, 2, 'sent once');
  // What the LRS received is valid xAPI.
  const dir = mkdtempSync(path.join(os.tmpdir(), 'citequiz-lrs-'));
  lrs.received.forEach((r, i) => writeFileSync(path.join(dir, `${i}.json`), JSON.stringify(r.statement)));
  const v = spawnSync(path.join(ROOT, '.venv-lrs/bin/python'), [path.join(ROOT, 'tests/lrs/validate.py'), dir], { encoding: 'utf8' });
  assert.equal(v.status, 0, v.stdout + v.stderr);
  // The 503 and the offline attempt are the only failed requests.
  assert.ok(problems.every((p) => /503|ERR_INTERNET_DISCONNECTED|Failed to fetch|statements/.test(p)), problems.join('\n'));
  await context.close();
});
