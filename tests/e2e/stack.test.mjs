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
const BYTES = readFileSync(new URL('../../www/pkg/api/citequiz_bg.wasm', import.meta.url));
const wasm = initSync({ module: BYTES });

/**
 * The initial values of the module's mutable i32 globals, read from its
 * global section (each initialized by `i32.const N`). The first is the
 * stack pointer, which starts at the top of the stack: memory begins with
 * the stack (the linker's --stack-first), so it starts at the stack's size.
 */
function mutableI32Globals(bytes) {
  let at = 8; // past the magic number and the version
  const leb = (signed) => {
    let value = 0, shift = 0, byte;
    do { byte = bytes[at++]; value |= (byte & 0x7f) << shift; shift += 7; } while (byte & 0x80);
    return signed && shift < 32 && (byte & 0x40) ? value | (-1 << shift) : value;
  };
  while (at < bytes.length) {
    const id = bytes[at++];
    const end = leb(false) + at;
    if (id !== 6) { at = end; continue; }
    const out = [];
    for (let n = leb(false); n > 0; n--) {
      const [type, mutable, op] = [bytes[at++], bytes[at++], bytes[at++]];
      if (type !== 0x7f || op !== 0x41) break; // not an i32 set by i32.const: stop reading
      const value = leb(true);
      assert.equal(bytes[at++], 0x0b, 'an init expression ends after its constant');
      if (mutable) out.push(value);
    }
    return out;
  }
  return [];
}

test('the stack pointer starts at 128 KiB (build.rs), not the default 1 MiB', () => {
  assert.equal(mutableI32Globals(BYTES)[0], 128 * 1024);
  // Memory starts with the stack, then the data: well under 1 MiB in all.
  assert.ok(wasm.memory.buffer.byteLength < 1024 * 1024, `${wasm.memory.buffer.byteLength} bytes`);
});

test('nesting at and far past the reader\'s depth limit ends in an Error, not a trap, and the module still loads and restores a bank', () => {
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
