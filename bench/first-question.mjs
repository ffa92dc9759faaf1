// Time from navigation start to the first question in the DOM, for any
// served citequiz page, over fresh headless Chromium processes; prints each
// run and the median. Asserts nothing.
//   node bench/first-question.mjs URL [RUNS]
// e.g. with `citequiz serve --port 8125` running:
//   node bench/first-question.mjs 'http://127.0.0.1:8125/?bank=/quiz-data/banks/gabuev-quick-check.json'
import { chromium } from 'playwright-core';

const [url, runs = '5'] = process.argv.slice(2);
if (!url) {
  console.error('usage: node bench/first-question.mjs URL [RUNS]');
  process.exit(2);
}
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const times = [];
for (let i = 0; i < Number(runs); i++) {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ARGS });
  const page = await browser.newPage();
  await page.addInitScript(() => {
    new MutationObserver((_, o) => {
      if (document.querySelector('fieldset.citequiz-question')) { window.__firstQ = performance.now(); o.disconnect(); }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(url);
  await page.waitForFunction(() => window.__firstQ, null, { timeout: 30000 });
  times.push(await page.evaluate(() => window.__firstQ));
  await browser.close();
}
times.sort((a, b) => a - b);
console.log(`first question in the DOM, ms from navigation start, ${times.length} fresh browsers: ${times.map((t) => t.toFixed(0)).join(', ')}; median ${times[Math.floor(times.length / 2)].toFixed(0)}`);
