// The npm package as a course site meets it: `npm pack` at the root (its
// prepack builds what is missing), the tarball installed offline into a
// fresh project with an empty npm cache (so nothing can come from a
// registry), then `npx citequiz check|stats|compile` against the native
// command on the same files (stdout, stderr and exit code equal, text and
// json; the compiled files byte for byte), and a
// host app bundled with esbuild from `import 'citequiz/element'` showing a
// question in Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, launch, openPage, screenshot } from './harness.mjs';
import { staticServer } from './static.mjs';
import { current } from './learner.mjs';

const NATIVE = path.join(ROOT, 'target/release/citequiz');
const QUICK = JSON.parse(readFileSync(path.join(ROOT, 'quiz-data/banks/gabuev-quick-check.json'), 'utf8'));
// The question whose key the broken bank points at an option that is not there.
const BROKEN_ID = QUICK.questions.find((q) => q.answer === 'c').id;

let dir, project, server, browser;

/** Runs a command in the fresh project; {status, stdout, stderr}. */
function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: project, encoding: 'utf8', env: { ...process.env, npm_config_cache: path.join(dir, 'cache') } });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const npx = (...args) => run('npx', ['--offline', '--no', '--', 'citequiz', ...args]);
// The bin npx runs, without npx's half second a call: for the many comparisons.
const bin = (...args) => run(path.join(project, 'node_modules/.bin/citequiz'), args);
const native = (...args) => run(NATIVE, args);

before(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'citequiz-npm-'));
  project = path.join(dir, 'site');
  mkdirSync(path.join(dir, 'cache'));
  const packed = execFileSync('npm', ['pack', '--silent', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8' }).trim().split('\n').pop();
  mkdirSync(project);
  writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'course-site', private: true, type: 'module' }));
  const installed = run('npm', ['install', '--offline', '--no-audit', '--no-fund', path.join(dir, packed)]);
  assert.equal(installed.status, 0, installed.stderr);
  // The banks and articles as a course repository keeps them, and the banks
  // the checks must fail on.
  cpSync(path.join(ROOT, 'quiz-data/banks'), path.join(project, 'quiz-data/banks'), { recursive: true });
  cpSync(path.join(ROOT, 'quiz-data/articles'), path.join(project, 'quiz-data/articles'), { recursive: true });
  cpSync(path.join(ROOT, 'tests/fixtures/every-kind.json'), path.join(project, 'tests/fixtures/every-kind.json'));
  const text = readFileSync(path.join(project, 'quiz-data/banks/gabuev-quick-check.json'), 'utf8');
  writeFileSync(path.join(project, 'quiz-data/broken.json'), text.replace('"answer": "c"', '"answer": "zz"').replace('"../articles/', '"articles/'));
  writeFileSync(path.join(project, 'quiz-data/no-article.json'), text.replace('"../articles/', '"../nowhere/'));
  writeFileSync(path.join(project, 'quiz-data/latin1.json'), Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x7d]));
});

after(async () => {
  await browser?.close();
  server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('the package installs offline, with no dependencies, and holds only what it needs', () => {
  const installed = JSON.parse(readFileSync(path.join(project, 'node_modules/citequiz/package.json'), 'utf8'));
  const cargo = readFileSync(path.join(ROOT, 'Cargo.toml'), 'utf8').match(/^version = "(.+)"$/m)[1];
  assert.equal(installed.version, cargo, 'package.json and Cargo.toml give the same version');
  assert.equal(installed.dependencies, undefined);
  assert.deepEqual(readdirSync(path.join(project, 'node_modules')).filter((n) => !n.startsWith('.')), ['citequiz']);
  const pkg = path.join(project, 'node_modules/citequiz/www/pkg');
  assert.deepEqual(readdirSync(pkg).sort(), ['api', 'cite-quiz.js', 'cite-quiz.js.map', 'citequiz.d.ts', 'citequiz.min.js', 'citequiz.min.js.map', 'citequiz_bg.wasm', 'citequiz_player.min.js', 'citequiz_player.min.js.map', 'citequiz_player_bg.wasm', 'package.json', 'style.css']);
});

test('npx citequiz check: a good bank exits 0, a broken one 1 naming the question', () => {
  const good = npx('check', 'quiz-data/banks/gabuev-quick-check.json');
  assert.equal(good.status, 0, good.stderr);
  assert.match(good.stdout, /gabuev-quick-check\.json: ok: 10 questions checked, every citation anchored/);
  const broken = npx('check', 'quiz-data/broken.json');
  assert.equal(broken.status, 1, broken.stdout);
  assert.ok(broken.stderr.includes(BROKEN_ID), broken.stderr);
  assert.match(broken.stderr, /zz/);
  assert.match(broken.stderr, /quiz-data\/broken\.json: failed: 1 error/);
});

test('npx citequiz prints what the native command prints, with its exit codes', () => {
  const banks = readdirSync(path.join(project, 'quiz-data/banks')).map((b) => `quiz-data/banks/${b}`);
  const cases = [
    ['check', ...banks],
    ['check', '--deny-warnings', ...banks],
    ['check', 'quiz-data/broken.json', 'quiz-data/no-article.json', 'quiz-data/latin1.json', 'quiz-data/missing.json', banks[0]],
    ['check', '--format', 'json', 'quiz-data/broken.json', 'quiz-data/no-article.json', ...banks],
    ['check', '--format=json', '--deny-warnings', 'tests/fixtures/every-kind.json'],
    ['check', 'tests/fixtures/every-kind.json'],
    ['check', '--deny-warnings', 'tests/fixtures/every-kind.json'],
    // GitHub Actions' annotations, for a warning and for errors in the bank and the article.
    ['check', '--format', 'github', 'tests/fixtures/every-kind.json', 'quiz-data/broken.json', 'quiz-data/latin1.json'],
    ['check', '--format=gitlab', 'tests/fixtures/every-kind.json', 'quiz-data/broken.json', 'quiz-data/latin1.json'],
    // A folder is its .json files (articles are not banks: errors).
    ['check', 'quiz-data/banks'],
    ['check', '--format', 'json', 'quiz-data/banks', 'quiz-data/articles'],
    ['stats', 'quiz-data/banks/gabuev-full.json'],
    ['stats', '--format', 'json', 'quiz-data/banks/wikipedia-mozilla.json'],
    ['stats', 'quiz-data/broken.json'],
    // Usage errors: the exit code only (clap's wording is the native command's own).
    ['check'],
    ['check', '--format', 'xml', banks[0]],
    ['stats', '--format', 'github', banks[0]],
    ['check', '--strict', banks[0]],
    ['stats', banks[0], banks[1]],
  ];
  let failures = 0;
  for (const args of cases) {
    const [n, j] = [native(...args), bin(...args)];
    assert.equal(j.status, n.status, `exit code of citequiz ${args.join(' ')}\n${j.stderr}`);
    if (n.status === 2) continue;
    assert.equal(j.stdout, n.stdout, `stdout of citequiz ${args.join(' ')}`);
    assert.equal(j.stderr, n.stderr, `stderr of citequiz ${args.join(' ')}`);
    if (n.status !== 0) failures++;
  }
  assert.ok(failures >= 4, 'the cases include failing checks');
});

test('npx citequiz compile writes the bytes the native command writes, and says what it says', () => {
  const banks = readdirSync(path.join(project, 'quiz-data/banks')).map((b) => `quiz-data/banks/${b}`);
  mkdirSync(path.join(project, 'compiled'));
  for (const bank of banks) {
    const name = path.basename(bank);
    const [n, j] = [native('compile', '--out', `compiled/native-${name}`, bank), bin('compile', '--out', `compiled/npm-${name}`, bank)];
    assert.equal(j.status, 0, j.stderr);
    assert.equal(j.status, n.status);
    assert.equal(j.stdout, n.stdout.replace('native-', 'npm-'));
    assert.equal(j.stderr, n.stderr);
    const [a, b] = [`native-${name}`, `npm-${name}`].map((f) => readFileSync(path.join(project, 'compiled', f)));
    assert.ok(a.equals(b), `npx citequiz compile ${bank} wrote other bytes than the native command`);
    assert.match(b.toString('utf8', 0, 40), /^\{"format":"citequiz-compiled\/1"/);
  }
  // Beside the bank by default; refused without --force; a bank with errors writes nothing.
  const first = npx('compile', banks[0]);
  assert.equal(first.status, 0, first.stderr);
  const again = [native('compile', banks[0]), bin('compile', banks[0])];
  for (const r of again) {
    assert.equal(r.status, 1);
    assert.match(r.stderr, /exists; nothing was written\n {2}= help: give --force/);
  }
  assert.equal(again[1].stderr, again[0].stderr);
  assert.equal(bin('compile', '--force', banks[0]).status, 0);
  const broken = [native('compile', '--out', 'compiled/b.json', 'quiz-data/broken.json'), bin('compile', '--out', 'compiled/b.json', 'quiz-data/broken.json')];
  assert.equal(broken[1].status, 1);
  assert.equal(broken[1].stderr, broken[0].stderr);
  assert.match(broken[1].stderr, /broken\.json does not check; nothing was written/);
  assert.ok(!readdirSync(path.join(project, 'compiled')).includes('b.json'));
  // --out a folder: the bank's file name inside it, as natively.
  mkdirSync(path.join(project, 'site'));
  const into = [native('compile', '--out', 'site', banks[0]), bin('compile', '--force', '--out', 'site', banks[0])];
  assert.equal(into[1].status, 0, into[1].stderr);
  assert.equal(into[1].stdout, into[0].stdout);
  assert.ok(readdirSync(path.join(project, 'site')).includes(path.basename(banks[0])));
  // A missing bank is said once, as natively.
  const missing = [native('compile', 'quiz-data/missing.json'), bin('compile', 'quiz-data/missing.json')];
  assert.equal(missing[1].status, 1);
  assert.equal(missing[1].stderr, missing[0].stderr);
  assert.doesNotMatch(missing[1].stderr, /does not check/);
  assert.equal(bin('compile').status, 2);
  assert.equal(bin('compile', '--out').status, 2);
});

test('npx citequiz --version is the package version; --help lists check, stats and compile', () => {
  assert.equal(npx('--version').stdout.trim(), `citequiz ${JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version}`);
  assert.equal(npx('--version').stdout, native('--version').stdout);
  const help = npx('--help');
  assert.equal(help.status, 0);
  assert.match(help.stdout, /check .*\n.*stats .*\n.*compile /s);
});

test('a bundled host app imports citequiz/element and shows a question', async () => {
  const app = path.join(project, 'app');
  mkdirSync(app);
  writeFileSync(path.join(app, 'main.js'), "import 'citequiz/element';\n");
  // esbuild leaves new URL('…', import.meta.url) as it is: the element's
  // Wasm and CSS are copied beside the bundle, as the README says.
  const dist = path.join(project, 'dist');
  execFileSync(path.join(ROOT, 'node_modules/.bin/esbuild'), ['app/main.js', '--bundle', '--format=esm', '--outdir=dist', '--log-level=warning'], { cwd: project });
  for (const f of ['citequiz_bg.wasm', 'citequiz_player_bg.wasm', 'style.css']) cpSync(path.join(project, 'node_modules/citequiz/www/pkg', f), path.join(dist, f));
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Course</title><link rel="icon" href="data:,">
<script type="module" src="/main.js"></script></head>
<body><h1>Week 3</h1><cite-quiz id="w3" seed="7" bank="/quiz-data/banks/gabuev-quick-check.json"></cite-quiz></body></html>`;
  server = await staticServer({ www: dist, data: path.join(project, 'quiz-data'), pages: { '/': page } });
  browser = await launch();
  const { context, page: tab, problems } = await openPage(browser, server.url);
  const q = await current(tab);
  assert.ok(QUICK.questions.some((x) => x.id === q.id), q.id);
  assert.ok(await tab.locator('cite-quiz').evaluate((el) => el.widget !== null && el.shadowRoot.adoptedStyleSheets.length === 1));
  await screenshot(tab, 'npm-host-app');
  assert.deepEqual(problems, []);
  assert.ok(server.requests.includes('/citequiz_bg.wasm') && server.requests.includes('/style.css'), server.requests.join(' '));
  await context.close();
});
