// Accessibility inside <cite-quiz>: axe-core scans the element's shadow root
// (axe follows open shadow roots) on a host page on another origin, at
// desktop and phone widths, for every question kind, before and after the
// answer is checked. No serious or critical violation may remain.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, cpSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT, serve, launch, openPage, screenshot, axe } from './harness.mjs';
import { staticServer } from './static.mjs';
import { plan, answerByMouse } from './learner.mjs';

const EVERY = JSON.parse(readFileSync(path.join(ROOT, 'tests/fixtures/every-kind.json'), 'utf8'));
const byId = Object.fromEntries(EVERY.questions.map((q) => [q.id, q]));
let widget, host, browser;

before(async () => {
  const data = mkdtempSync(path.join(tmpdir(), 'citequiz-a11y-'));
  cpSync(path.join(ROOT, 'quiz-data/articles'), path.join(data, 'articles'), { recursive: true });
  mkdirSync(path.join(data, 'banks'));
  const bank = { ...EVERY, article: `../articles/${path.basename(EVERY.article)}` };
  writeFileSync(path.join(data, 'banks/every-kind.json'), JSON.stringify(bank));
  widget = await serve({ data });
  const pages = {
    '/course.html': `<!doctype html><html lang="en"><head><meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1"><title>A course page</title>
      <link rel="icon" href="data:,"><script type="module" src="${widget.url}pkg/cite-quiz.js"></script></head>
      <body><main><h1>Week 3</h1>
      <cite-quiz bank="${widget.url}quiz-data/banks/every-kind.json" seed="1"></cite-quiz></main></body></html>`,
  };
  host = await staticServer({ pages });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  widget?.stop();
  host?.stop();
});

async function clean(page, screen) {
  const v = await axe(page, 'cite-quiz');
  assert.deepEqual(v, [], `${screen}: ${JSON.stringify(v, null, 1)}`);
}

for (const [name, width, height] of [['desktop', 1280, 900], ['phone', 390, 844]]) {
  test(`every question kind inside <cite-quiz> at ${name} width (${width} px): no serious axe violation before or after checking`, async () => {
    const { page, context, problems } = await openPage(browser, `${host.url}course.html`, { width, height });
    const seen = new Set();
    for (let n = 0; n < EVERY.questions.length; n++) {
      const fs = page.locator('fieldset.citequiz-question');
      await fs.waitFor();
      const q = byId[await fs.getAttribute('data-q')];
      seen.add(q.kind);
      await clean(page, `${name}, ${q.kind}, before checking`);
      await answerByMouse(page, q, plan(q, true));
      await page.locator('.citequiz-feedback').waitFor();
      await clean(page, `${name}, ${q.kind}, after checking`);
      if (n === 0) await screenshot(page, `a11y-${name}-feedback`);
      if (n + 1 < EVERY.questions.length) await page.locator('[data-action=next]').click();
    }
    assert.equal(seen.size, 9, `kinds seen: ${[...seen]}`);
    assert.deepEqual(problems, []);
    await context.close();
  });
}
