// The headless API's Wasm memory after `new Quiz`, under Node: a bank of
// N generated questions (`citequiz generate`, compiled by `citequiz
// compile`) given as text, as bytes and as a parsed object, raw and
// compiled, each in a fresh Node (a Wasm memory only grows, so each figure
// is that load's high-water mark). Each goes through the pieces readers
// (an object as the text JSON.stringify makes of it).
//   node bench/api-memory.mjs [--questions N] [--pkg www/pkg/api]
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = process.env.CITEQUIZ_BIN || path.join(ROOT, 'target/release/citequiz');
const ARTICLE = 'quiz-data/articles/gabuev-2020-putin-china-alliance.json';
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};

if (process.argv[2] === '--one') {
  // A child: one load, its figure on stdout.
  const [, , , pkg, dir, kind, form] = process.argv;
  const { readFileSync } = await import('node:fs');
  const { initSync, Quiz } = await import(pathToFileURL(path.join(pkg, 'citequiz.js')).href);
  const wasm = initSync({ module: readFileSync(path.join(pkg, 'citequiz_bg.wasm')) });
  const text = readFileSync(path.join(dir, kind === 'raw' ? 'bank.json' : 'bank.compiled.json'), 'utf8');
  const bank = { text, bytes: new TextEncoder().encode(text), object: JSON.parse(text) }[form];
  const article = kind === 'raw' ? readFileSync(path.join(ROOT, ARTICLE), 'utf8') : null;
  const t0 = performance.now();
  const q = new Quiz(bank, article, 1, Date.now());
  const ms = performance.now() - t0;
  console.log(JSON.stringify({ questions: q.length, wasm: wasm.memory.buffer.byteLength, ms }));
  process.exit(0);
}

const n = Number(arg('questions', 2000));
const pkg = path.resolve(ROOT, arg('pkg', 'www/pkg/api'));
const dir = path.join(ROOT, 'bench/out/api-memory');
mkdirSync(dir, { recursive: true });
const bankText = execFileSync(CLI, ['generate', '--questions', String(n), '--choice-only',
  '--article', ARTICLE, '--article-ref', path.relative(dir, path.join(ROOT, ARTICLE))],
{ cwd: ROOT, maxBuffer: 1 << 28 }).toString();
writeFileSync(path.join(dir, 'bank.json'), bankText);
execFileSync(CLI, ['compile', '--force', '--out', path.join(dir, 'bank.compiled.json'),
  path.join(dir, 'bank.json')], { cwd: ROOT, stdio: 'ignore' });
console.log(`new Quiz(bank, …) under Node ${process.version}, ${n} generated questions, ${path.relative(ROOT, pkg)}; Wasm memory after it, MB (10^6 bytes)`);
console.log('bank      given as   Wasm MB    ms');
for (const kind of ['raw', 'compiled']) {
  for (const form of ['text', 'bytes', 'object']) {
    const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--one', pkg, dir, kind, form]).toString();
    const r = JSON.parse(out);
    if (r.questions !== n) throw new Error(`${kind} ${form}: ${r.questions} questions, not ${n}`);
    console.log(`${kind.padEnd(9)} ${form.padEnd(8)} ${(r.wasm / 1e6).toFixed(2).padStart(8)} ${Math.round(r.ms).toString().padStart(5)}`);
  }
}
