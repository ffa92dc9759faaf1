// How much of loading a bank in the browser is the Wasm's cold start: mounts
// the widget on the same bank twice in one page (`Widget.mount`, unmount,
// then again), in fresh headless Chromium processes, and prints the
// medians. The first mount runs in V8's baseline tier and compiles each
// function on its first call; the second runs what V8 has optimized by
// then. Asserts nothing.
//   node bench/cold-warm.mjs [--sizes 20,2000] [--runs 7]
// Uses the site and data `node bench/peers.mjs` (make bench-web) builds in
// bench/out/site, with the widget as it was built then.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, serve } from '../tests/e2e/harness.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SITE = path.join(ROOT, 'bench/out/site');

const argv = process.argv.slice(2);
const arg = (name, dflt) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : dflt;
};
const sizes = arg('--sizes', '20,2000').split(',').map(Number);
const runs = Number(arg('--runs', '7'));
if (sizes.some((n) => !(n > 0)) || !(runs > 0)) {
  console.error('usage: node bench/cold-warm.mjs [--sizes 20,2000] [--runs 7]');
  process.exit(2);
}
for (const n of sizes) {
  if (!fs.existsSync(path.join(SITE, `data/${n}/bank.json`))) {
    console.error(`bench/out/site has no ${n}-question bank: run node bench/peers.mjs --sizes ${sizes.join(',')} first`);
    process.exit(1);
  }
}

// The page: the bank as bytes and the article as text, as www/load.js
// fetches them, then three timed steps.
const PAGE = path.join(SITE, 'cold-warm');
fs.mkdirSync(PAGE, { recursive: true });
fs.writeFileSync(path.join(PAGE, 'index.html'), `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>bench: cold and warm</title>
<link rel="icon" href="data:,"><link rel="stylesheet" href="/lib/citequiz/style.css">
<script type="module" src="main.js"></script></head>
<body class="citequiz-page"><main id="quiz"></main></body></html>
`);
fs.writeFileSync(path.join(PAGE, 'main.js'), `import init, { Widget } from '/lib/citequiz/citequiz.js';
const n = new URLSearchParams(location.search).get('n');
const get = (f) => fetch('/data/' + n + '/' + f);
const [bank, article] = await Promise.all([
  get('bank.json').then((r) => r.arrayBuffer()).then((b) => new Uint8Array(b)),
  get('article.json').then((r) => r.text()),
  init(),
]);
const host = document.getElementById('quiz');
const mount = () => Widget.mount(host, bank, article, { showArticle: false, seed: 1, storageKey: 'bench-' + Math.random() });
const t0 = performance.now();
mount().unmount();
const t1 = performance.now();
mount().unmount();
const t2 = performance.now();
window.__times = { cold: t1 - t0, warm: t2 - t1 };
`);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const server = await serve({ www: SITE, data: path.join(SITE, 'data') });
try {
  console.log(`mounting the widget on a bank in a page, twice: median of ${runs} fresh headless Chromium processes`);
  console.log('questions   first mount (cold)   second mount (warm)   cold / warm');
  for (const n of sizes) {
    const rows = [];
    for (let i = 0; i < runs; i++) {
      const browser = await launch();
      try {
        const page = await browser.newPage();
        await page.goto(`${server.url}cold-warm/?n=${n}`);
        await page.waitForFunction(() => window.__times, null, { timeout: 60000 });
        rows.push(await page.evaluate(() => window.__times));
      } finally {
        await browser.close();
      }
    }
    const [cold, warm] = ['cold', 'warm'].map((k) => median(rows.map((r) => r[k])));
    console.log(`${String(n).padStart(9)}   ${cold.toFixed(1).padStart(15)} ms   ${warm.toFixed(1).padStart(16)} ms   ${(cold / warm).toFixed(2).padStart(10)}×`);
  }
} finally {
  server.stop();
}
