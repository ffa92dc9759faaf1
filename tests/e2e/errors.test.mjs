// A bank that cannot load shows a readable error panel, never a blank page:
// a 404, malformed JSON, a bank that fails validation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, readFileSync, cpSync, mkdirSync } from 'node:fs';
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
  // Another format version, whose article is not there either: the format is what is named.
  const newer = { ...invalid, format: 'citequiz-bank/2', article: '../articles/not-there.json' };
  writeFileSync(path.join(data, 'banks/newer.json'), JSON.stringify(newer, null, 2));
  // Saved as Latin-1: "Moscöw" on line 3.
  const latin1 = JSON.stringify({ ...invalid, title: 'Mosc\u00f6w' }, null, 2);
  writeFileSync(path.join(data, 'banks/latin1.json'), Buffer.from(latin1, 'latin1'));
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
  assert.match(text, /line 1, column \d+/);
});

test('a bank that fails validation: every diagnostic, with what to do', async () => {
  const text = await panelFor('/quiz-data/banks/invalid.json', 'error-invalid');
  assert.match(text, /"c" is not the id of any option/);
  assert.match(text, /is not in the article/);
  assert.match(text, /did you mean|use one of/i);
});

test('a bank of another format version: the panel names the versions read, not a missing article', async () => {
  const text = await panelFor('/quiz-data/banks/newer.json', 'error-format');
  assert.match(text, /unknown-format/);
  assert.match(text, /reads banks of format "citequiz-bank\/1" only; this bank is "citequiz-bank\/2"/);
  assert.doesNotMatch(text, /not-there/);
});

test("the page's fast path knows the format the Wasm reads", () => {
  const raw = readFileSync(path.join(ROOT, 'src/bank/raw.rs'), 'utf8');
  const format = raw.match(/BANK_FORMAT: &str = "([^"]+)"/)[1];
  const load = readFileSync(path.join(ROOT, 'www/load.js'), 'utf8');
  assert.ok(load.includes(`bank.format === '${format}'`), `www/load.js must compare with ${format}`);
});

test('a bank that is not UTF-8: the panel says so and where', async () => {
  const text = await panelFor('/quiz-data/banks/latin1.json', 'error-encoding');
  assert.match(text, /not UTF-8 text/);
  assert.match(text, /byte \d+/);
});
