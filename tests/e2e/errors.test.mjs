// A bank that cannot load shows a readable error panel, never a blank page:
// a 404, malformed JSON, a bank that fails validation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, cpSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT, serve, launch, openPage, screenshot } from './harness.mjs';

let server, browser, data;

before(async () => {
  // A data folder with the real article and some broken banks beside it.
  data = mkdtempSync(path.join(tmpdir(), 'citequiz-e2e-'));
  cpSync(path.join(ROOT, 'quiz-data/articles'), path.join(data, 'articles'), { recursive: true });
  mkdirSync(path.join(data, 'banks'));
  writeFileSync(path.join(data, 'banks/not-json.json'), '{"format": "citequiz-bank/1", "id": ');
  const invalid = {
    format: 'citequiz-bank/1', id: 'broken', title: 'Broken', article: '../articles/gabuev-2020-putin-china-alliance.json',
    questions: [{ id: 'q1', kind: 'single_choice', prompt: 'P?', explanation: 'E.', options: [{ id: 'a', text: 'A' }, { id: 'b', text: 'B' }],
      answer: 'c', cite: [{ exact: 'a sentence that is nowhere in the article at all' }] }],
  };
  writeFileSync(path.join(data, 'banks/invalid.json'), JSON.stringify(invalid, null, 2));
  server = await serve({ data });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.stop();
});

async function panelFor(bankPath, shot) {
  const { page, context } = await openPage(browser, `${server.url}?bank=${bankPath}`);
  const panel = page.locator('.citequiz-error[role=alert]');
  await panel.waitFor({ timeout: 10000 });
  const text = await panel.innerText();
  await screenshot(page, shot);
  await context.close();
  return text;
}

test('a bank that is not there: the panel names the URL and the status', async () => {
  const text = await panelFor('/quiz-data/banks/missing.json', 'error-404');
  assert.match(text, /could not be loaded/i);
  assert.match(text, /missing\.json/);
  assert.match(text, /404/);
});

test('malformed JSON: the panel gives line and column', async () => {
  const text = await panelFor('/quiz-data/banks/not-json.json', 'error-json');
  assert.match(text, /json-syntax/);
  assert.match(text, /1:\d+/);
});

test('a bank that fails validation: every diagnostic, with what to do', async () => {
  const text = await panelFor('/quiz-data/banks/invalid.json', 'error-invalid');
  assert.match(text, /"c" is not the id of any option/);
  assert.match(text, /is not in the article/);
  assert.match(text, /did you mean|use one of/i);
});
