// ?bank= is anyone's to write: a crafted link must not put a stranger's quiz
// (its title as the page's heading, its article's "Read the original" link)
// on the course's page. The self-study page and embed.html load banks from
// their own origin only, unless the page's configuration
// (<meta name="citequiz-allowed-origins">) lists another; <cite-quiz bank=…>
// is the host author's choice and unaffected.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, cpSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT, serve, launch, openPage, screenshot } from './harness.mjs';

const BANK = 'quiz-data/banks/gabuev-quick-check.json';
let course, stranger, allowing, browser;

before(async () => {
  course = await serve();
  stranger = await serve(); // another port: another origin
  // The same pages, configured to allow the stranger's origin.
  const www = mkdtempSync(path.join(tmpdir(), 'citequiz-origin-'));
  cpSync(path.join(ROOT, 'www'), www, { recursive: true });
  const origin = new URL(stranger.url).origin;
  for (const page of ['index.html', 'embed.html']) {
    const file = path.join(www, page);
    const html = readFileSync(file, 'utf8');
    const meta = `<meta name="citequiz-allowed-origins" content="https://cdn.example.org ${origin}">`;
    writeFileSync(file, html.replace('<link rel="icon"', `${meta}\n  <link rel="icon"`));
  }
  allowing = await serve({ www });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  for (const s of [course, stranger, allowing]) s?.stop();
});

/** Opens `url`, recording every request to the stranger's origin. */
async function open(url) {
  const opened = await openPage(browser, null);
  const toStranger = [];
  opened.page.on('request', (r) => { if (r.url().startsWith(stranger.url)) toStranger.push(r.url()); });
  await opened.page.goto(url);
  return { ...opened, toStranger };
}

for (const [where, page] of [['the self-study page', ''], ['embed.html', 'embed.html']]) {
  test(`${where} refuses a bank on another origin, says so, and fetches nothing from it`, async () => {
    const { page: p, context, problems, toStranger } = await open(`${course.url}${page}?bank=${stranger.url}${BANK}&lang=en`);
    const alert = p.locator('.citequiz-fatal[role=alert]');
    await alert.waitFor({ timeout: 10000 });
    const text = await alert.innerText();
    assert.match(text, /another site \(http:\/\/127\.0\.0\.1:\d+\)/);
    assert.match(text, /Open the quiz from the site that publishes it/);
    // The bank's title is nowhere on the page: it was never fetched.
    assert.equal(await p.getByText('Quick check').count(), 0);
    assert.deepEqual(toStranger, []);
    assert.deepEqual(problems, []);
    await screenshot(p, `origin-refused${page ? '-embed' : ''}`);
    await context.close();
  });

  test(`${where} shows a bank from an origin its configuration allows`, async () => {
    const { page: p, context, problems, toStranger } = await open(`${allowing.url}${page}?bank=${stranger.url}${BANK}&seed=1`);
    // The question, from the stranger's bank, in the page or the element's shadow root.
    await p.locator('.citequiz-question').first().waitFor({ timeout: 15000 });
    assert.ok(toStranger.some((u) => u.endsWith(BANK)), 'the bank came from the allowed origin');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test(`${where} still shows a bank from its own origin`, async () => {
    const { page: p, context, problems } = await open(`${course.url}${page}?bank=/${BANK}&seed=1`);
    await p.locator('.citequiz-question').first().waitFor({ timeout: 15000 });
    assert.deepEqual(problems, []);
    await context.close();
  });
}
