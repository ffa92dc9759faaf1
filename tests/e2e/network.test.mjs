// Network faults: a bank or article fetch that fails shows the error panel
// with a "Try again" button that fetches again and mounts the quiz; a slow
// fetch shows "Loading the quiz…" with the URL while it is pending. The
// page, the <cite-quiz> element and the iframe embed share www/load.js.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, launch, openPage, screenshot } from './harness.mjs';
import { staticServer } from './static.mjs';

const BANK = '/quiz-data/banks/gabuev-quick-check.json';
const ARTICLE = '/quiz-data/articles/gabuev-2020-putin-china-alliance.json';
let server, browser;
/** What the server does to the first request for a path; reset per test. */
let faults = {};

const ELEMENT_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Element</title>
<link rel="icon" href="/favicon.svg"><script type="module" src="/pkg/cite-quiz.js"></script></head>
<body><cite-quiz bank="${BANK}" seed="1"></cite-quiz></body></html>`;

before(async () => {
  server = await staticServer({
    pages: { '/element.html': ELEMENT_PAGE },
    hook: async (req, res, n, pathname) => {
      if (pathname === '/data-article-bank.json') {
        // A bank that names its article by a data: address.
        const bank = JSON.parse(readFileSync(path.join(ROOT, 'quiz-data/banks/gabuev-quick-check.json'), 'utf8'));
        bank.article = 'data:application/json,{}';
        res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(bank));
        return true;
      }
      const fault = faults[pathname];
      if (!fault || n > fault.times) return false;
      if (fault.kind === 'status') {
        res.writeHead(503, { 'Content-Type': 'text/plain' }).end('busy');
        return true;
      }
      if (fault.kind === 'drop') {
        req.socket.destroy();
        return true;
      }
      // 'slow': answer normally, late.
      await new Promise((r) => setTimeout(r, fault.ms));
      return false;
    },
  });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.stop();
});

/** The problems a page records, but those the test caused on purpose. */
const unexpected = (problems) => problems.filter((p) => !/HTTP 503|request failed|503 \(Service Unavailable\)|ERR_EMPTY_RESPONSE/.test(p));

/** Opens `url` with the path's first `times` requests failing as `kind`. */
async function openWith(url, fault) {
  faults = fault;
  server.reset();
  const session = await openPage(browser, null);
  await session.page.goto(url);
  return session;
}

async function retryUntilMounted(root, { panel, url }) {
  const alert = root.locator('.citequiz-error[role=alert]');
  await alert.waitFor({ timeout: 20000 });
  const text = await alert.innerText();
  assert.match(text, panel);
  assert.ok(text.includes(url), `the panel names ${url}: ${text}`);
  const retry = alert.getByRole('button', { name: 'Try again' });
  await retry.waitFor();
  // The network mends (a dropped connection may be retried by the browser
  // itself, so drops go on until the panel shows).
  faults = {};
  // By keyboard: the button is a real button in the alert.
  await retry.press('Enter');
  await root.locator('fieldset.citequiz-question').waitFor({ timeout: 20000 });
  assert.equal(await root.locator('.citequiz-error').count(), 0);
}

for (const [name, path, kind, panel] of [
  ['the bank answers 503', BANK, 'status', /could not be fetched[\s\S]*503/],
  ['the bank connection drops', BANK, 'drop', /could not be fetched[\s\S]*network request failed/],
  ['the article answers 503', ARTICLE, 'status', /article could not be fetched[\s\S]*503/],
]) {
  test(`the page: ${name}; Try again mounts the quiz`, async () => {
    const { page, context, problems } = await openWith(`${server.url}?bank=${BANK}&seed=${Math.random() * 1e6 | 0}`, { [path]: { kind, times: kind === 'drop' ? Infinity : 1 } });
    await retryUntilMounted(page, { panel, url: path });
    assert.equal(await page.locator('#quiz').getAttribute('aria-busy'), null);
    assert.deepEqual(unexpected(problems), []);
    await context.close();
  });
}

test('the element: the bank fails twice; Try again shows the panel again, then mounts, and the element says it is ready', async () => {
  const { page, context, problems } = await openWith(`${server.url}element.html`, { [BANK]: { kind: 'status', times: 2 } });
  await page.evaluate(() => {
    window.readies = 0;
    document.addEventListener('citequiz:ready', () => window.readies++);
  });
  const alert = page.locator('.citequiz-error[role=alert]');
  await alert.waitFor();
  assert.equal(await page.locator('cite-quiz').getAttribute('aria-busy'), null, 'the element is not busy while the panel shows');
  await screenshot(page, 'network-retry-panel');
  const refetched = page.waitForResponse((r) => new URL(r.url()).pathname === BANK);
  await alert.getByRole('button', { name: 'Try again' }).click();
  // The second fetch fails too: a new panel replaces the first.
  assert.equal((await refetched).status(), 503);
  assert.equal(server.requests.filter((p) => p === BANK).length, 2);
  await retryUntilMounted(page, { panel: /503/, url: BANK });
  assert.equal(await page.evaluate(() => window.readies), 1);
  assert.equal(await page.locator('cite-quiz').getAttribute('aria-busy'), null);
  assert.deepEqual(unexpected(problems), []);
  await context.close();
});

test('the iframe embed: the bank fails once; Try again mounts the quiz', async () => {
  const { page, context, problems } = await openWith(`${server.url}embed.html?bank=${BANK}&seed=2`, { [BANK]: { kind: 'status', times: 1 } });
  await retryUntilMounted(page, { panel: /503/, url: BANK });
  assert.deepEqual(unexpected(problems), []);
  await context.close();
});

for (const [where, url] of [['the page', `?bank=${BANK}&seed=3`], ['the element', 'element.html']]) {
  test(`${where}: a bank that takes 2 s shows "Loading the quiz…" and its URL meanwhile`, async () => {
    const { page, context, problems } = await openWith(`${server.url}${url}`, { [BANK]: { kind: 'slow', ms: 2000, times: 1 } });
    const status = page.locator('.citequiz-loading[role=status]');
    await status.waitFor({ state: 'visible', timeout: 1500 });
    const text = await status.innerText();
    assert.match(text, /Loading the quiz/);
    assert.ok(text.includes(BANK), text);
    await page.locator('fieldset.citequiz-question').waitFor({ timeout: 20000 });
    assert.equal(await status.count(), 0, 'the status is gone once the quiz shows');
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('a bank that names its article by a data: address is refused, not fetched', async () => {
  const { page, context, problems } = await openWith(`${server.url}?bank=/data-article-bank.json`, {});
  const alert = page.locator('.citequiz-error[role=alert]');
  await alert.waitFor();
  assert.match(await alert.innerText(), /only http\(s\) addresses are fetched/);
  assert.equal(await alert.getByRole('button', { name: 'Try again' }).count(), 0, 'no retry: fetching again cannot mend it');
  assert.deepEqual(problems.filter((p) => !p.startsWith('console:')), []);
  await context.close();
});
