// The TypeScript definitions wasm-bindgen generates (with our custom
// section) describe the API as it is, and the npm package's hand-written
// element types (npm/element.d.ts) the element: tests/types/usage.ts uses
// both as the README shows and must typecheck; its @ts-expect-error lines
// must fail.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './harness.mjs';

test('the generated .d.ts typechecks the documented usage', () => {
  const tsc = path.join(ROOT, 'node_modules/.bin/tsc');
  const r = spawnSync(tsc, ['-p', path.join(ROOT, 'tests/types')], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stdout + r.stderr);
});
