// What a widget Wasm is made of, by twiggy: the module built as
// scripts/build-wasm.sh builds it (same flags, wasm-opt -Oz) but keeping
// its function names, each item's bytes summed by where it comes from
// (our modules two levels deep, other crates by name, data, the
// wasm-bindgen export shims, which carry the code they inline). The gzip
// column shares the module's gzip bytes out in proportion to raw bytes:
// an estimate (gzip is not additive), for seeing where the bytes are.
//   node bench/wasm-parts.mjs [--feature player|widget|api] [--top N]
// Installs twiggy (cargo install) when it is missing.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const feature = arg('feature', 'player');
const top = Number(arg('top', 30));
const dir = path.join(ROOT, 'target/wasm-parts', feature);
const run = (cmd, args, opts = {}) => execFileSync(cmd, args, { cwd: ROOT, maxBuffer: 1 << 28, ...opts });

try {
  run('twiggy', ['--version'], { stdio: 'ignore' });
} catch {
  console.error('wasm-parts: installing twiggy (cargo install twiggy)');
  try {
    run('cargo', ['install', 'twiggy', '--locked'], { stdio: 'inherit' });
  } catch {
    run('cargo', ['install', 'twiggy'], { stdio: 'inherit' });
  }
}
run('bash', ['scripts/build-wasm.sh', 'names', feature, dir], { stdio: ['ignore', 'ignore', 'inherit'] });
const named = path.join(dir, 'citequiz_bg.wasm');
// The same module without its names: what a page receives.
const bare = path.join(dir, 'bare.wasm');
run('node_modules/.bin/wasm-opt', ['--strip-debug', '--enable-bulk-memory',
  '--enable-nontrapping-float-to-int', '--enable-sign-ext', '--enable-mutable-globals',
  '--enable-reference-types', '--enable-multivalue', named, '-o', bare]);
const bytes = readFileSync(bare);
const gzip = gzipSync(bytes, { level: 9 }).length;

/** One CSV line's fields (twiggy quotes names that hold commas or quotes). */
function fields(line) {
  const out = [];
  let cur = '', quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') { cur += '"'; i++; } else if (c === '"') quoted = false; else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { out.push(cur); cur = ''; } else cur += c;
  }
  out.push(cur);
  return out;
}

/** Where an item comes from. */
function part(name) {
  if (name.startsWith('data segment')) return 'data (strings, tables)';
  const ours = name.match(/citequiz\[[0-9a-f]+\]::([a-z_0-9]+(?:::[a-z_0-9]+)?)/);
  if (ours) return `citequiz::${ours[1]}`;
  if (/shim/.test(name)) return 'export shims (wasm-bindgen, with what they inline)';
  const crate = name.match(/^<*([a-z_0-9]+)\[/);
  return crate ? crate[1] : 'other (glue imports, tables, types)';
}

const csv = run('twiggy', ['top', '-n', '1000000', '-f', 'csv', named]).toString().trim().split('\n').slice(1);
const sums = new Map();
let total = 0;
for (const line of csv) {
  const [name, size] = fields(line);
  if (name.includes('"function names" subsection') || name.includes('names" subsection')
    || name.startsWith('Σ') || name.startsWith('...')) continue;
  const n = Number(size);
  sums.set(part(name), (sums.get(part(name)) ?? 0) + n);
  total += n;
}
const rows = [...sums].sort((a, b) => b[1] - a[1]);
const kB = (n) => (n / 1000).toFixed(1);
const est = (n) => kB((n / total) * gzip);
console.log(`${feature} Wasm: ${bytes.length} bytes, ${gzip} gzip -9; twiggy's items ${total} bytes`);
console.log('part'.padEnd(56), 'raw kB'.padStart(7), '   %', ' ≈gzip kB');
for (const [name, n] of rows.slice(0, top)) {
  console.log(name.padEnd(56), kB(n).padStart(7), ((n / total) * 100).toFixed(1).padStart(5), est(n).padStart(8));
}
const rest = rows.slice(top).reduce((s, [, n]) => s + n, 0);
if (rest) console.log(`(${rows.length - top} more)`.padEnd(56), kB(rest).padStart(7), ((rest / total) * 100).toFixed(1).padStart(5), est(rest).padStart(8));
// The view and the browser shell around it: what a view written in JS
// over the core would take out of the Wasm.
const shell = rows.filter(([name]) => /^citequiz::web|^export shims|^web_sys|^js_sys|^wasm_bindgen/.test(name))
  .reduce((s, [, n]) => s + n, 0);
console.log(`\nthe view and the browser shell (citequiz::web::*, export shims, web-sys, js-sys, wasm-bindgen): ${kB(shell)} kB raw, ≈ ${est(shell)} kB gzip`);
console.log(`the rest (the core, std, the allocator, data): ${kB(total - shell)} kB raw, ≈ ${est(total - shell)} kB gzip`);
