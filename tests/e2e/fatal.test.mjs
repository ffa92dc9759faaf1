// When the widget cannot start at all (the Wasm does not load, or an
// element has no bank), the learner still gets a message, in their
// language, never a blank page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

test('the Wasm fails to load: the page says the quiz could not start', async () => {
  const { page, context } = await openPage(browser, null);
  await page.route('**/citequiz_bg.wasm', (route) => route.abort());
  await page.goto(`${server.url}?bank=/quiz-data/banks/gabuev-quick-check.json`);
  const alert = page.locator('#quiz .citequiz-fatal[role=alert]');
  await alert.waitFor();
  assert.match(await alert.innerText(), /^The quiz could not start:/);
  await context.close();
});

test('a <cite-quiz> without a bank says so, in Russian when asked', async () => {
  const { page, context } = await openPage(browser, null);
  await page.goto(`${server.url}?bank=/quiz-data/banks/gabuev-quick-check.json`);
  await page.locator('fieldset.citequiz-question').waitFor();
  await page.evaluate(async (src) => {
    await import(src);
    const el = document.createElement('cite-quiz');
    el.setAttribute('lang', 'ru');
    el.id = 'empty';
    document.body.append(el);
  }, `${server.url}pkg/cite-quiz.js`);
  const alert = page.locator('#empty .citequiz-fatal[role=alert]');
  await alert.waitFor();
  assert.match(await alert.innerText(), /^Не удалось запустить тест: у элемента <cite-quiz> нет атрибута bank/);
  await context.close();
});
