// Shared by the end-to-end tests: serves www/ and quiz-data/ with the real
// `citequiz serve` on a free loopback port, and launches Debian's Chromium
// through playwright-core. Every page records console errors and failed
// requests, which the tests assert are empty.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const OUT = path.join(ROOT, 'test-output');
mkdirSync(OUT, { recursive: true });

const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage',
];

/**
/**
 * Compiles every shipped bank into quiz-data/compiled/ (as `make compiled`
 * does), where the home page's links and the compiled-bank tests find them.
 */
export function compileShipped(bin = process.env.CITEQUIZ_BIN || path.join(ROOT, 'target/release/citequiz')) {
  mkdirSync(path.join(ROOT, 'quiz-data/compiled'), { recursive: true });
  for (const f of readdirSync(path.join(ROOT, 'quiz-data/banks')).filter((f) => f.endsWith('.json'))) {
    execFileSync(bin, ['compile', '--force', '--out', `quiz-data/compiled/${f}`, `quiz-data/banks/${f}`], { cwd: ROOT, stdio: 'ignore' });
  }
}

/**
 * Starts `citequiz serve` on a free port; resolves to {url, stop}. The
 * binary is `bin`, else $CITEQUIZ_BIN, else target/release/citequiz.
 */
export async function serve({ www = 'www', data = 'quiz-data', bin = process.env.CITEQUIZ_BIN || path.join(ROOT, 'target/release/citequiz') } = {}) {
  if (data === 'quiz-data') compileShipped(bin);
  const child = spawn(bin, ['serve', '--port', '0', '--www', www, '--data', data], {
    cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise((resolve, reject) => {
    let buf = '';
    const timer = setTimeout(() => reject(new Error('citequiz serve did not start in 10 s')), 10000);
    child.stdout.on('data', (d) => {
      buf += d;
      const m = buf.match(/http:\/\/127\.0\.0\.1:(\d+)\//);
      if (m) { clearTimeout(timer); resolve(m[0]); }
    });
    child.on('exit', (code) => reject(new Error(`citequiz serve exited with ${code}`)));
  });
  return { url, stop: () => child.kill() };
}

/**
 * `promise`, or an error naming `what` if it has not settled within `ms`:
 * a deadline for waiting on an event outside the browser (Playwright's own
 * waits have theirs), never a pause.
 */
export function within(ms, what, promise) {
  let timer;
  const deadline = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`waited ${ms} ms for ${typeof what === 'function' ? what() : what}`)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

export async function launch() {
  return chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** A fresh context and page that records console errors and failed requests. */
export async function openPage(browser, url, { width = 1280, height = 900 } = {}) {
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  // Requests of a document the page has since navigated away from are
  // dropped by the browser (a slow /favicon.svg when a link is followed at
  // once): each request remembers how many main-frame navigations had
  // started before it.
  let navigations = 0;
  const startedAfter = new WeakMap();
  page.on('request', (r) => {
    if (r.isNavigationRequest() && r.frame() === page.mainFrame()) navigations++;
    startedAfter.set(r, navigations);
  });
  page.on('requestfailed', (r) => {
    const aborted = r.failure()?.errorText === 'net::ERR_ABORTED';
    // load.js fetches the player's Wasm beside a bank and cancels it when
    // the bank turns out raw: that cancellation is by design.
    if (aborted && r.url().endsWith('/citequiz_player_bg.wasm')) return;
    if (aborted && !r.isNavigationRequest() && startedAfter.get(r) !== navigations) return;
    problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`);
  });
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`); });
  if (url) await page.goto(url);
  return { context, page, problems };
}

export function bank(name) {
  return JSON.parse(readFileSync(path.join(ROOT, 'quiz-data/banks', name), 'utf8'));
}

export async function screenshot(page, name) {
  const file = path.join(OUT, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}

/** Runs axe-core in the page; returns the serious and critical violations. */
export async function axe(page, context = '.citequiz') {
  const source = readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
  await page.addScriptTag({ content: source });
  const result = await page.evaluate(async (ctx) => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document.querySelector(ctx) ? ctx : document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
  }, context);
  return result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
