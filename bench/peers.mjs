// citequiz beside its peers in headless Chromium: the same N choice
// questions rendered by citequiz, quizdown, SurveyJS and a plain-JS page
// (the floor), each page cold-loaded in a fresh Chromium process,
// interleaved round-robin, served as a course site's static host serves
// (`citequiz serve`: keep-alive, gzip or brotli, validators), over loopback
// and over an emulated 4G network (CDP). Prints medians and ratios; writes
// every run to bench/out/results.json. It reports figures and asserts none.
//
//   node bench/peers.mjs [--sizes 20,200,2000] [--rounds 5] [--settle 500]
//                        [--network loopback|4g|both]
//
// Needs `target/release/citequiz` (or $CITEQUIZ_BIN) and `www/pkg/` (make
// bench-web builds both).
// What each figure means is in the README's "Performance" section.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release } from 'node:os';
import { gzipSync, brotliCompressSync, constants as z } from 'node:zlib';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, NETWORKS, OUT, ROOT, SITE, TOOLS, buildSite, runOnce, serve, warmCompression } from './site.mjs';

const opts = parseArgs(process.argv.slice(2));

function parseArgs(argv) {
  const o = { sizes: [20, 200, 2000], rounds: 5, settle: 500, networks: ['loopback', '4g'] };
  for (let i = 0; i < argv.length; i++) {
    const [k, v] = [argv[i], argv[i + 1]];
    if (k === '--sizes') o.sizes = v.split(',').map(Number);
    else if (k === '--rounds') o.rounds = Number(v);
    else if (k === '--settle') o.settle = Number(v);
    else if (k === '--network' && ['loopback', '4g', 'both'].includes(v)) o.networks = v === 'both' ? ['loopback', '4g'] : [v];
    else { console.error(`unknown argument ${k} ${v ?? ''}\nusage: node bench/peers.mjs [--sizes 20,200,2000] [--rounds 5] [--settle MS] [--network loopback|4g|both]`); process.exit(2); }
    i++;
  }
  if (o.sizes.some((n) => !(n > 0)) || !(o.rounds > 0)) { console.error('--sizes and --rounds take positive numbers'); process.exit(2); }
  return o;
}

// ------------------------------------------------------------- the sizes

const compressed = new Map();
/** Raw, gzip -9 and brotli (quality 11) bytes of a served file. */
function sizesOf(file) {
  if (!compressed.has(file)) {
    const body = readFileSync(file);
    compressed.set(file, {
      raw: body.length,
      gzip: gzipSync(body, { level: 9 }).length,
      brotli: brotliCompressSync(body, { params: { [z.BROTLI_PARAM_QUALITY]: 11, [z.BROTLI_PARAM_SIZE_HINT]: body.length } }).length,
    });
  }
  return compressed.get(file);
}

/** Splits what a page loaded into code (JS, Wasm, CSS) and data. */
function wire(paths) {
  const code = []; const data = []; const html = [];
  for (const p of new Set(paths)) {
    const file = path.join(SITE, decodeURIComponent(p), p.endsWith('/') ? 'index.html' : '');
    if (p.endsWith('/')) { html.push({ path: p, ...sizesOf(file) }); continue; }
    const entry = { path: p, ...sizesOf(file) };
    (p.startsWith('/data/') ? data : code).push(entry);
  }
  const sum = (xs) => ({ raw: 0, gzip: 0, brotli: 0, ...xs.reduce((s, x) => ({ raw: s.raw + x.raw, gzip: s.gzip + x.gzip, brotli: s.brotli + x.brotli }), { raw: 0, gzip: 0, brotli: 0 }) });
  return { code: { files: code, ...sum(code) }, data: { files: data, ...sum(data) }, html: { files: html, ...sum(html) } };
}

// ------------------------------------------------------------- statistics

const finite = (xs) => xs.filter((x) => Number.isFinite(x));
const median = (xs) => {
  const s = finite(xs).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const kB = (b) => (b / 1000).toFixed(1);
const MB = (b) => (b / 1e6).toFixed(2);
const ms = (x) => (Number.isFinite(x) ? x.toFixed(0) : '–');
const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(2)}×` : '–');

function table(title, head, rows) {
  const all = [head, ...rows];
  const w = head.map((_, i) => Math.max(...all.map((r) => String(r[i]).length)));
  const line = (r) => r.map((c, i) => (i === 0 ? String(c).padEnd(w[i]) : String(c).padStart(w[i]))).join('  ');
  console.log(`\n${title}\n${line(head)}\n${w.map((x) => '-'.repeat(x)).join('  ')}`);
  for (const r of rows) console.log(line(r));
}

// ------------------------------------------------------------------- main

/** What a page's runs sent over the wire, median per run: code, data, HTML bytes and the encodings seen. */
function transferred(rs) {
  const per = (r, pred) => r.wire.filter((w) => pred(w.path)).reduce((t, w) => t + w.bytes, 0);
  const isData = (p) => p.startsWith('/data/');
  const isHtml = (p) => p.endsWith('/') || p.endsWith('.html');
  const ok = rs.filter((r) => r.wire?.length);
  return {
    code: median(ok.map((r) => per(r, (p) => !isData(p) && !isHtml(p)))),
    data: median(ok.map((r) => per(r, isData))),
    html: median(ok.map((r) => per(r, isHtml))),
    encodings: [...new Set(ok.flatMap((r) => r.wire.map((w) => w.encoding).filter(Boolean)))],
  };
}

async function main() {
  const data = buildSite(opts.sizes);
  const server = await serve();
  const runs = [];
  const probe = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const chromiumVersion = probe.version();
  await probe.close();
  const machine = {
    cpus: cpus().length, cpu: cpus()[0]?.model, os: `Linux ${release()}`, node: process.version,
    chromium: chromiumVersion, playwrightCore: JSON.parse(readFileSync(path.join(ROOT, 'node_modules/playwright-core/package.json'), 'utf8')).version,
  };
  const started = Date.now();
  const loadBefore = loadavg()[0];
  try {
    console.error('bench: compressing every served file once (as a host that has served it before)');
    await warmCompression(server.url);
    // One unrecorded load of each page first, so that no page pays alone for
    // a cold disk cache or a cold Chromium binary.
    console.error('bench: warming up (one unrecorded load of each page)');
    for (const tool of TOOLS) await runOnce(server.url, tool, opts.sizes[0], data[opts.sizes[0]].firstPrompt, { settle: opts.settle });
    console.error(`bench: ${TOOLS.length} pages × sizes ${opts.sizes.join(', ')} × ${opts.rounds} rounds × networks ${opts.networks.join(', ')}, a fresh Chromium ${chromiumVersion} each (${machine.cpus} CPUs)`);
    for (const network of opts.networks) {
      for (const n of opts.sizes) {
        for (let round = 0; round < opts.rounds; round++) {
          // Round-robin: each round starts with the next page.
          const order = TOOLS.map((_, i) => TOOLS[(i + round) % TOOLS.length]);
          for (const tool of order) {
            const r = await runOnce(server.url, tool, n, data[n].firstPrompt, { network, settle: opts.settle });
            r.round = round + 1;
            runs.push(r);
            const extra = r.marks.mounted !== undefined ? ` (mounted ${ms(r.marks.mounted)} ms)` : '';
            console.error(`  ${network.padEnd(8)} n=${n} round ${round + 1} ${tool.id.padEnd(17)} question ${ms(r.marks.question).padStart(5)} ms${extra}, heap ${MB(r.heapUsed)} MB, wasm ${MB(r.wasmMemory)} MB${r.problems.length ? `  PROBLEMS: ${r.problems.join('; ')}` : ''}`);
          }
        }
      }
    }
  } finally {
    server.stop();
  }
  const loadAfter = loadavg()[0];

  // Medians per network, page and size.
  const med = {};
  for (const network of opts.networks) {
    med[network] = {};
    for (const tool of TOOLS) {
      med[network][tool.id] = {};
      for (const n of opts.sizes) {
        const rs = runs.filter((r) => r.network === network && r.tool === tool.id && r.n === n);
        const w = wire(rs.flatMap((r) => r.loaded));
        med[network][tool.id][n] = {
          question: median(rs.map((r) => r.marks.question)),
          mounted: median(rs.map((r) => r.marks.mounted ?? r.marks.question)),
          mountedMin: Math.min(...finite(rs.map((r) => r.marks.mounted ?? r.marks.question))),
          mountedMax: Math.max(...finite(rs.map((r) => r.marks.mounted ?? r.marks.question))),
          questionMin: Math.min(...finite(rs.map((r) => r.marks.question))),
          questionMax: Math.max(...finite(rs.map((r) => r.marks.question))),
          runs: rs.length, failed: rs.filter((r) => !Number.isFinite(r.marks.question)).length,
          heap: median(rs.map((r) => r.heapUsed)),
          wasm: median(rs.map((r) => r.wasmMemory)),
          memory: median(rs.map((r) => r.heapUsed + r.wasmMemory)),
          code: w.code, data: w.data, html: w.html,
          transferred: transferred(rs),
          problems: rs.flatMap((r) => r.problems),
        };
      }
    }
  }
  const N0 = opts.sizes[0];
  const NET0 = opts.networks[0];
  const label = Object.fromEntries(TOOLS.map((t) => [t.id, t.label]));
  const ours = 'citequiz';
  // The two ways citequiz's page gets its data: a raw bank and its
  // article, or one compiled bank.
  const WHO = [ours, 'citequiz-compiled'];
  const peers = TOOLS.filter((t) => t.id !== 'citequiz-article');

  console.log(`\ncitequiz beside its peers: cold loads in headless Chromium ${chromiumVersion}, ${machine.cpus} CPUs (${machine.cpu}),`);
  machine.loadAverage = { before: loadBefore, after: loadAfter };
  console.log(`served by citequiz serve (keep-alive, gzip/brotli, ETag), over ${opts.networks.map((k) => (NETWORKS[k] ? `${k} (CDP: ${NETWORKS[k].latency} ms a request, ${NETWORKS[k].downloadThroughput * 8 / 1e6} Mbit/s down, ${NETWORKS[k].uploadThroughput * 8 / 1e6} up)` : k)).join(' and ')};`);
  console.log(`median of ${opts.rounds} fresh browsers per page, size and network, pages interleaved round-robin. 1 kB = 1000 bytes, 1 MB = 10^6 bytes.`);
  console.log(`Load average (1 min) ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after${Math.max(loadBefore, loadAfter) > machine.cpus ? ': above the CPUs, other work shared them and the times are noisy' : ''}.`);
  console.log('citequiz mounts with showArticle: false (no article pane, like its peers); "citequiz +article" is the full widget, for reference.');

  table('Code (JS + Wasm + CSS the page loads; its HTML and the quiz data not counted): the files, and as sent (CDP encodedDataLength, body and headers)',
    ['page', 'files', 'raw kB', 'gzip -9 kB', 'brotli kB', 'citequiz/page gzip', 'sent kB', 'encodings', 'its HTML, gzip kB'],
    peers.map((t) => {
      const m = med[NET0][t.id][N0];
      const c = m.code;
      return [label[t.id], c.files.length, kB(c.raw), kB(c.gzip), kB(c.brotli), t.id === ours ? '' : ratio(med[NET0][ours][N0].code.gzip, c.gzip), kB(m.transferred.code), m.transferred.encodings.join(' ') || 'none', kB(m.html.gzip)];
    }));
  table('Quiz data each page fetches, by size (not counted above): the files, and as sent',
    ['page', ...opts.sizes.flatMap((n) => [`n=${n} raw kB`, 'gzip kB', 'sent kB'])],
    peers.map((t) => [label[t.id], ...opts.sizes.flatMap((n) => [kB(med[NET0][t.id][n].data.raw), kB(med[NET0][t.id][n].data.gzip), kB(med[NET0][t.id][n].transferred.data)])]));

  for (const network of opts.networks) {
    const m = med[network];
    table(`First question in the DOM, ${network}: ms from navigation start, median [min–max]`,
      ['page', ...opts.sizes.map((n) => `n=${n}`)],
      TOOLS.flatMap((t) => {
        const row = [label[t.id], ...opts.sizes.map((n) => `${ms(m[t.id][n].question)} [${ms(m[t.id][n].questionMin)}–${ms(m[t.id][n].questionMax)}]`)];
        if (!t.marks.mounted) return [row];
        return [[`${label[t.id]} mounted`, ...opts.sizes.map((n) => `${ms(m[t.id][n].mounted)} [${ms(m[t.id][n].mountedMin)}–${ms(m[t.id][n].mountedMax)}]`)],
          [`${label[t.id]} visible`, ...row.slice(1)]];
      }));
    table(`Memory after GC, ${network}: MB (JS heap used + Wasm linear memory)`,
      ['page', ...opts.sizes.flatMap((n) => [`n=${n} JS heap`, 'Wasm', 'total'])],
      TOOLS.map((t) => [label[t.id], ...opts.sizes.flatMap((n) => [MB(m[t.id][n].heap), MB(m[t.id][n].wasm), MB(m[t.id][n].memory)])]));
  }

  // Paired ratios: ours against a peer within each round, whose loads ran
  // back to back. On a noisy machine this is steadier than a ratio of
  // medians (a slow stretch slows both), and its spread says how sure a
  // verdict is: "meets in k of R rounds".
  const paired = (network, n, peer, mark, who = ours) => runs.filter((r) => r.network === network && r.tool === who && r.n === n).map((r) => {
    const p = runs.find((q) => q.network === network && q.tool === peer && q.n === n && q.round === r.round);
    return p ? r.marks.question / (p.marks[mark] ?? p.marks.question) : NaN;
  }).filter(Number.isFinite).sort((a, b) => a - b);
  const quartile = (xs, q) => xs[Math.min(xs.length - 1, Math.floor(q * xs.length))];
  const pairedText = (xs) => `${median(xs).toFixed(2)}× [${quartile(xs, 0.25)?.toFixed(2)}–${quartile(xs, 0.75)?.toFixed(2)}]`;
  const against = [
    ['quizdown mounted', 'quizdown', 'mounted'],
    ['quizdown visible', 'quizdown', 'question'],
    [label.surveyjs, 'surveyjs', 'question'],
    [label.floor, 'floor', 'question'],
  ];
  for (const who of WHO) for (const network of opts.networks) {
    table(`Ratios, ${label[who]} / peer, ${network}: first question as the median of the rounds' paired ratios [quartiles]; memory as a ratio of medians (below 1× means citequiz is faster or smaller)`,
      ['citequiz / …', ...opts.sizes.map((n) => `time n=${n}`), ...opts.sizes.map((n) => `memory n=${n}`)],
      against.map(([name, id, mark]) => [name.replace('quizdown', label.quizdown),
        ...opts.sizes.map((n) => pairedText(paired(network, n, id, mark, who))),
        ...opts.sizes.map((n) => ratio(med[network][who][n].memory, med[network][id][n].memory))]));
  }

  // The issue's goals (issue 18), as figures beside them, for the raw bank
  // (bank + article, checked and anchored in the page) and the compiled one.
  const goal = (xs, f) => {
    const met = xs.filter((x) => x <= f).length;
    return [`${pairedText(xs)}, ${met} of ${xs.length} rounds`, median(xs) <= f ? 'meets' : 'misses'];
  };
  const goals = [];
  const qdCode = med[NET0].quizdown[N0].code.gzip;
  const big = Math.max(...opts.sizes);
  const qdMem = med[NET0].quizdown[big].memory;
  const row = (measure, target, f) => goals.push([measure, target, ...WHO.flatMap(f)]);
  row('code over the wire, gzip', `≤ quizdown's (${kB(qdCode)} kB); aim 60 kB`, (who) => {
    const code = med[NET0][who][N0].code.gzip;
    return [`${kB(code)} kB (${ratio(code, qdCode)} quizdown)`, code <= qdCode ? 'meets' : 'misses'];
  });
  const timeGoals = [['loopback', 20, 0.8], ['loopback', 2000, 0.6], ['4g', 20, 0.8], ['4g', 2000, 0.8]];
  for (const [network, n, f] of timeGoals) {
    if (!opts.networks.includes(network) || !opts.sizes.includes(n)) continue;
    row(`first question, ${network}, n=${n}, vs quizdown mounted`, `≤ ${f}×`, (who) => goal(paired(network, n, 'quizdown', 'mounted', who), f));
  }
  for (const network of opts.networks) {
    for (const [n, f] of [[20, 1.5], [2000, 2]]) {
      if (opts.sizes.includes(n)) row(`first question, ${network}, n=${n}, vs the floor`, `≤ ${f}×`, (who) => goal(paired(network, n, 'floor', 'question', who), f));
    }
  }
  row(`JS heap + Wasm, n=${big}, vs quizdown`, '≤ 1×', (who) => {
    const mem = med[NET0][who][big].memory;
    return [`${ratio(mem, qdMem)} (${MB(mem)} / ${MB(qdMem)} MB)`, mem <= qdMem ? 'meets' : 'misses'];
  });
  for (const network of opts.networks) {
    for (const n of opts.sizes) row(`first question, ${network}, n=${n}, vs SurveyJS`, '≤ 0.4×', (who) => goal(paired(network, n, 'surveyjs', 'question', who), 0.4));
  }
  if (opts.networks.includes('4g') && opts.sizes.includes(20) && opts.sizes.includes(2000)) {
    row('first question, 4g, n=2000 / n=20', '≤ 1.5×', (who) => {
      const m = med['4g'][who];
      return [`${ratio(m[2000].question, m[20].question)} (${ms(m[2000].question)} / ${ms(m[20].question)} ms)`, m[2000].question <= 1.5 * m[20].question ? 'meets' : 'misses'];
    });
  }
  table('The goals (issue 18): figures beside them; times as the median of the rounds\' paired ratios [quartiles], and in how many rounds the goal held',
    ['measure', 'goal', ...WHO.flatMap((who) => [label[who], ''])], goals);

  const problems = opts.networks.flatMap((k) => TOOLS.flatMap((t) => opts.sizes.flatMap((n) => med[k][t.id][n].problems.map((p) => `${k} ${t.id} n=${n}: ${p}`))));
  if (problems.length) console.log(`\nProblems seen in the runs (figures above may be off):\n  ${[...new Set(problems)].join('\n  ')}`);

  const results = {
    date: new Date().toISOString(), seconds: Math.round((Date.now() - started) / 1000), machine,
    config: { sizes: opts.sizes, rounds: opts.rounds, settleMs: opts.settle, networks: Object.fromEntries(opts.networks.map((k) => [k, NETWORKS[k]])), chromiumArgs: CHROMIUM_ARGS,
      peers: { quizdown: '0.4.1', 'survey-core': '2.5.38', 'survey-js-ui': '2.5.38' } },
    tools: TOOLS, medians: med, goals, runs,
  };
  mkdirSync(OUT, { recursive: true });
  writeFileSync(path.join(OUT, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nEvery run: ${path.relative(process.cwd(), path.join(OUT, 'results.json'))} (${results.seconds} s in all).`);
}

main().catch((e) => { console.error(e); process.exit(1); });
