// citequiz's memory after mounting, alone: the bench page of
// bench/peers.mjs (the same site, server and probe, from bench/site.mjs)
// with a raw bank and its article, and with the same bank compiled, at
// each size; each load in a fresh Chromium. Prints the medians of the JS
// heap's usedSize after GC, the Wasm memory's size (which only grows, so it
// is the peak of mounting) and their sum. Asserts nothing.
//
//   node bench/memory.mjs [--sizes 20,2000] [--rounds 3] [--stats] [--pkg DIR]
//
// --pkg serves another build of the widget (a folder like www/pkg, with
// citequiz.js, citequiz_bg.wasm and style.css), e.g. an earlier commit's,
// to compare. The first question's time is printed too, for a check that
// a memory change did not cost time (noisy: read it beside the load).
// --stats builds the widget with `--cfg memstats` (src/web/memstats.rs:
// talc, counting) into target/memstats/pkg and serves that instead: it
// adds, per stage of `Widget.mount`, the bytes live at its end and the
// highest live during it, and how many bytes of quiz data were fetched.
// Needs `target/release/citequiz` (or $CITEQUIZ_BIN) and `www/pkg/`.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { ROOT, SITE, TOOLS, buildSite, runOnce, serve } from './site.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const SIZES = arg('sizes', '20,2000').split(',').map(Number);
const ROUNDS = Number(arg('rounds', '3'));
const STATS = process.argv.includes('--stats');
const PAGES = TOOLS.filter((t) => t.id === 'citequiz' || t.id === 'citequiz-compiled');

/** The widget built with the counting allocator, as scripts/build-wasm.sh builds it but unoptimized by wasm-opt. */
function buildStats() {
  const dir = 'target/memstats';
  execFileSync('cargo', ['build', '--profile', 'wasm-release', '--target', 'wasm32-unknown-unknown', '--lib',
    '--target-dir', dir, '--no-default-features', '--features', 'widget'],
  { cwd: ROOT, stdio: 'inherit', env: { ...process.env, RUSTFLAGS: '--cfg memstats' } });
  execFileSync('wasm-bindgen', ['--target', 'web', '--out-dir', `${dir}/pkg`,
    `${dir}/wasm32-unknown-unknown/wasm-release/citequiz.wasm`], { cwd: ROOT, stdio: 'inherit' });
  mkdirSync(path.join(ROOT, dir, 'pkg'), { recursive: true });
  cpSync(path.join(ROOT, 'www/pkg/style.css'), path.join(ROOT, dir, 'pkg/style.css'));
  return `${dir}/pkg`;
}

const median = (xs) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const MB = (b) => (Number.isFinite(b) ? (b / 1e6).toFixed(2) : '–');

const pkg = STATS ? buildStats() : arg('pkg', 'www/pkg');
const data = buildSite(SIZES, { pkg });
const server = await serve();
const runs = [];
const loadBefore = loadavg()[0];
try {
  for (let round = 0; round < ROUNDS; round++) {
    for (const n of SIZES) {
      for (const tool of PAGES) {
        const r = await runOnce(server.url, tool, n, data[n].firstPrompt, {
          extra: () => ({
            stages: globalThis.citequizMemory ?? null,
            fetched: performance.getEntriesByType('resource').filter((e) => e.name.includes('/data/'))
              .reduce((s, e) => s + e.decodedBodySize, 0),
          }),
        });
        runs.push(r);
        if (r.problems.length) console.error(`  ${tool.id} n=${n}: ${r.problems.join('; ')}`);
      }
    }
  }
} finally {
  server.stop();
}

console.log(`citequiz's memory after mounting (${pkg}), median of ${ROUNDS} fresh Chromiums; 1 MB = 10^6 bytes.`);
console.log(`Load average (1 min) ${loadBefore.toFixed(1)} before, ${loadavg()[0].toFixed(1)} after.`);
console.log('\npage                n      JS heap  Wasm    total   (quiz data fetched)  first question, ms');
for (const tool of PAGES) {
  for (const n of SIZES) {
    const rs = runs.filter((r) => r.tool === tool.id && r.n === n);
    const heap = median(rs.map((r) => r.heapUsed));
    const wasm = median(rs.map((r) => r.wasmMemory));
    const fetched = median(rs.map((r) => r.extra?.fetched));
    const question = median(rs.map((r) => r.marks.question));
    console.log(`${tool.label.padEnd(18)}  ${String(n).padStart(5)}  ${MB(heap).padStart(6)}  ${MB(wasm).padStart(6)}  ${MB(heap + wasm).padStart(6)}  (${MB(fetched)})  ${Number.isFinite(question) ? question.toFixed(0) : '–'}`);
  }
}
if (STATS) {
  console.log('\nThe allocator, per stage of Widget.mount (first run; bytes live at its end, highest live during it, Wasm memory then), MB:');
  for (const tool of PAGES) {
    for (const n of SIZES) {
      const r = runs.find((x) => x.tool === tool.id && x.n === n && x.extra?.stages);
      if (!r) continue;
      console.log(`  ${tool.label}, n=${n}`);
      for (const s of r.extra.stages) {
        console.log(`    ${s.stage.padEnd(16)} live ${MB(s.live).padStart(6)}  peak ${MB(s.peak).padStart(6)}  memory ${MB(s.memory).padStart(6)}`);
      }
    }
  }
}
console.log(`\n(site: ${path.relative(process.cwd(), SITE)})`);
