// The built headless API (www/pkg/api, as `make wasm` leaves it; the same
// JSON reader and build.rs as the widget) under Node: its
// 128 KiB stack (build.rs) holds the JSON reader's deepest recursion. Input
// nested to the reader's limit and far past it ends in an Error, never a
// trap; the full bank still loads and restores.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { initSync, Quiz } from '../../www/pkg/api/citequiz.js';

const read = (p) => readFileSync(new URL(`../../${p}`, import.meta.url), 'utf8');
const BANK = read('quiz-data/banks/gabuev-full.json');
const ARTICLE = read('quiz-data/articles/gabuev-2020-putin-china-alliance.json');
const wasm = initSync({ module: readFileSync(new URL('../../www/pkg/api/citequiz_bg.wasm', import.meta.url)) });

test('the stack is 128 KiB, not the default 1 MiB', () => {
  // Memory starts with the stack, then the data: well under 1 MiB in all.
  assert.ok(wasm.memory.buffer.byteLength < 1024 * 1024, `${wasm.memory.buffer.byteLength} bytes`);
});

test('deep nesting ends in an error, not a trap', () => {
  for (const depth of [64, 127, 128, 129, 100000]) {
    const nested = '['.repeat(depth) + ']'.repeat(depth);
    const bank = BANK.replace('"questions": [', `"extra": ${nested}, "questions": [`);
    assert.throws(() => new Quiz(bank, ARTICLE, 7, 0), (e) => e instanceof Error && /extra|recursion/.test(e.message), `depth ${depth}`);
    assert.throws(() => Quiz.restore(BANK, ARTICLE, `{"v": ${nested}}`), Error, `restore, depth ${depth}`);
  }
  // And the module still works afterwards.
  const quiz = new Quiz(BANK, ARTICLE, 7, 0);
  assert.equal(quiz.length, 53);
  const again = Quiz.restore(BANK, ARTICLE, quiz.snapshot());
  assert.equal(again.quiz.length, 53);
});
