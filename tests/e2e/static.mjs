// A small static server for the tests that need control over responses
// that `citequiz serve` does not give: extra headers (a CSP), and requests
// that fail, hang or arrive late. It serves `www/` at `/`, a data folder at
// `/quiz-data/`, and any extra pages given as text.
import http from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './harness.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.wasm': 'application/wasm', '.svg': 'image/svg+xml',
};

/**
 * Starts the server; resolves to {url, stop, requests, reset}. `headers` go on
 * every response; `pages` maps a path (`/host.html`) to HTML text; `hook(req,
 * res, n)`, when given, sees each request first (`n` counts the requests
 * for that path, from 1) and returns true when it answered it itself.
 */
export function staticServer({ www = path.join(ROOT, 'www'), data = path.join(ROOT, 'quiz-data'), headers = {}, pages = {}, hook } = {}) {
  const seen = new Map();
  const requests = [];
  const server = http.createServer(async (req, res) => {
    const pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const n = (seen.get(pathname) || 0) + 1;
    seen.set(pathname, n);
    requests.push(pathname);
    if (hook && (await hook(req, res, n, pathname))) return;
    if (pages[pathname] !== undefined) {
      res.writeHead(200, { ...headers, 'Content-Type': TYPES['.html'] }).end(pages[pathname]);
      return;
    }
    const [base, rel] = pathname.startsWith('/quiz-data/')
      ? [data, pathname.slice('/quiz-data/'.length)]
      : [www, pathname === '/' ? 'index.html' : pathname.slice(1)];
    const file = path.join(base, rel);
    if (!file.startsWith(base) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, headers).end('not found');
      return;
    }
    res.writeHead(200, { ...headers, 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream', 'Cache-Control': 'no-store' });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve({
      url: `http://127.0.0.1:${server.address().port}/`,
      requests,
      /** Forgets the requests seen, so that `n` counts from 1 again. */
      reset: () => { seen.clear(); requests.splice(0); },
      stop: () => { server.closeAllConnections(); server.close(); },
    }));
  });
}

/** Records, in the page, CSP violations (`window.__violations`). Call before goto. */
export async function recordViolations(context) {
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__violations.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} ${e.sample || ''}`.trim());
    }, true);
  });
}
