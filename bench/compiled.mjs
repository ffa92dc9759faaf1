// A raw bank (bank + article, checked and anchored in the page) against
// the same bank compiled (`citequiz compile`: one file, the Wasm's fast
// path), in the self-study page in headless Chromium: time to the first
// question, the data requests, and the Wasm's work (first question minus
// the end of the last data response). Generated banks of 20 and 2,000
// questions; rounds interleave raw and compiled, each in a fresh browser
// context. Prints medians with quartiles; asserts nothing.
//   node bench/compiled.mjs [--sizes 20,2000] [--rounds 7] [--net 4g]
// Needs the release CLI (cargo build --release --bin citequiz) and the
// built widget (bash scripts/build-wasm.sh). `--net 4g` adds Chromium's
// network emulation (40 ms RTT, 10 Mbit/s down) over `citequiz serve`,
// which sends no Content-Encoding.
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'target/release/citequiz');
const ARTICLE = 'gabuev-2020-putin-china-alliance.json';
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const SIZES = arg('sizes', '20,2000').split(',').map(Number);
const ROUNDS = Number(arg('rounds', '7'));
const NET = arg('net', 'loopback');

// The data: each size generated, then compiled, beside the article.
const data = mkdtempSync(path.join(os.tmpdir(), 'citequiz-bench-compiled-'));
for (const dir of ['articles', 'banks', 'compiled']) mkdirSync(path.join(data, dir));
copyFileSync(path.join(ROOT, 'quiz-data/articles', ARTICLE), path.join(data, 'articles', ARTICLE));
for (const n of SIZES) {
  const bank = execFileSync(BIN, ['generate', '--questions', String(n), '--article-ref', `../articles/${ARTICLE}`], { cwd: ROOT, maxBuffer: 1 << 28 });
  writeFileSync(path.join(data, 'banks', `g${n}.json`), bank);
  execFileSync(BIN, ['compile', '--force', '--out', path.join(data, 'compiled', `g${n}.json`), path.join(data, 'banks', `g${n}.json`)], { stdio: 'ignore' });
}

const server = spawn(BIN, ['serve', '--port', '0', '--data', data], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
const url = await new Promise((resolve, reject) => {
  let buf = '';
  server.stdout.on('data', (d) => {
    buf += d;
    const m = buf.match(/http:\/\/127\.0\.0\.1:\d+\//);
    if (m) resolve(m[0]);
  });
  server.on('exit', (code) => reject(new Error(`citequiz serve exited with ${code}`)));
});

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

/** One load of `bankPath`: first question, the data's end, its requests. */
async function run(bankPath) {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (NET === '4g') {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 40, downloadThroughput: 10e6 / 8, uploadThroughput: 5e6 / 8 });
  }
  await page.addInitScript(() => {
    // The Wasm's memory, kept as the glue instantiates it (as bench/peers.mjs does).
    window.__memories = [];
    const keep = (result) => {
      const instance = result instanceof WebAssembly.Instance ? result : result.instance;
      for (const v of Object.values(instance.exports)) if (v instanceof WebAssembly.Memory) window.__memories.push(v);
      return result;
    };
    const { instantiate, instantiateStreaming } = WebAssembly;
    WebAssembly.instantiate = function (...a) { return instantiate.apply(this, a).then(keep); };
    if (instantiateStreaming) WebAssembly.instantiateStreaming = function (...a) { return instantiateStreaming.apply(this, a).then(keep); };
    new MutationObserver((_, o) => {
      if (document.querySelector('fieldset.citequiz-question')) { window.__firstQ = performance.now(); o.disconnect(); }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(`${url}?bank=${bankPath}&seed=1`);
  await page.waitForFunction(() => window.__firstQ, null, { timeout: 60000 });
  const r = await page.evaluate(() => {
    const dataEntries = performance.getEntriesByType('resource').filter((e) => new URL(e.name).pathname.startsWith('/quiz-data/'));
    return { firstQ: window.__firstQ, dataEnd: Math.max(...dataEntries.map((e) => e.responseEnd)), requests: dataEntries.length };
  });
  // Memory after garbage collection: the JS heap and the Wasm's memory
  // (which only grows, so this is its peak).
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  r.heap = (await cdp.send('Runtime.getHeapUsage')).usedSize;
  r.wasm = await page.evaluate(() => window.__memories.reduce((s, m) => s + m.buffer.byteLength, 0));
  await context.close();
  return r;
}

const quartiles = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return [at(0.25), at(0.5), at(0.75)];
};
const fmt = (xs) => {
  const [q1, m, q3] = quartiles(xs);
  return `${m.toFixed(0)} ms [${q1.toFixed(0)}, ${q3.toFixed(0)}]`;
};

console.log(`raw bank + article against compiled, ${NET}, ${ROUNDS} rounds each, interleaved; median [quartiles]`);
for (const n of SIZES) {
  const out = { raw: [], compiled: [] };
  for (let i = 0; i < ROUNDS + 1; i++) {
    for (const kind of i % 2 ? ['compiled', 'raw'] : ['raw', 'compiled']) {
      const r = await run(`/quiz-data/${kind === 'raw' ? 'banks' : 'compiled'}/g${n}.json`);
      if (i > 0) out[kind].push(r); // the first round warms the server and the disk cache
    }
  }
  const bytes = (dir) => statSync(path.join(data, dir, `g${n}.json`)).size;
  console.log(`\n${n} questions: raw ${bytes('banks')} + ${statSync(path.join(data, 'articles', ARTICLE)).size} bytes, compiled ${bytes('compiled')} bytes`);
  for (const kind of ['raw', 'compiled']) {
    const rs = out[kind];
    const mb = (xs) => (quartiles(xs)[1] / 1e6).toFixed(2);
    console.log(`  ${kind.padEnd(8)} first question ${fmt(rs.map((r) => r.firstQ))}; Wasm work after the data ${fmt(rs.map((r) => r.firstQ - r.dataEnd))}; data requests ${rs[0].requests}; memory after GC ${mb(rs.map((r) => r.heap))} MB JS heap + ${mb(rs.map((r) => r.wasm))} MB Wasm`);
  }
  const ratio = out.compiled.map((r, i) => r.firstQ / out.raw[i].firstQ);
  const [q1, m, q3] = quartiles(ratio);
  console.log(`  compiled ÷ raw, paired per round: ${m.toFixed(2)} [${q1.toFixed(2)}, ${q3.toFixed(2)}]`);
}
await browser.close();
server.kill();
