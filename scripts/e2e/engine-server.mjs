// The server for the W3C WebDriver runs (engines.mjs): dist/ on 127.0.0.1, with page-init.js
// injected as the first script of every HTML page, and a bare page to hold phone-wide frames.
// (No file here besides *.test.mjs may be named test-*: `node --test scripts/e2e/` would run it.)
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { NOW } from './paths.mjs';

const root = resolve(import.meta.dirname, '../..');
// CARDHELP_DIST serves another build (a debug build while the release one is being made).
const dist = resolve(process.env.CARDHELP_DIST ?? join(root, 'dist'));

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.png': 'image/png',
};

/** The page that hosts the page under test in a phone-wide frame. */
const PHONE_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>phone</title>
<link rel="icon" href="data:,"></head><body style="margin:0;background:#777"></body></html>`;

/**
 * Serves dist/ on 127.0.0.1 with page-init.js injected first into every HTML page. `options`
 * can change between tests: `noWasm` removes WebAssembly before the loader runs; `pages` maps
 * extra paths to HTML of a test's own (the first script is injected there too).
 */
export async function serveForTests(options) {
  const init = await readFile(join(root, 'scripts/e2e/page-init.js'), 'utf8');
  const requests = [];
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    requests.push(path);
    if (path === '/__e2e/init.js') {
      const body = init.replace('/* NOW */ 0', String(NOW)).replace('/* NO_WASM */ false', String(options.noWasm));
      return void res.writeHead(200, { 'content-type': TYPES['.js'], 'cache-control': 'no-store' }).end(body);
    }
    if (options.pages?.[path]) return void res.writeHead(200, { 'content-type': TYPES['.html'] }).end(options.pages[path].replace(/<head>/i, '<head><script src="/__e2e/init.js"></script>'));
    if (path === '/__e2e/phone.html') return void res.writeHead(200, { 'content-type': TYPES['.html'] }).end(PHONE_PAGE);
    let file = normalize(join(dist, path));
    if (!file.startsWith(dist)) return void res.writeHead(403).end();
    if (path.endsWith('/')) file = join(file, 'index.html');
    try {
      let body = await readFile(file);
      if (extname(file) === '.html') {
        body = body.toString().replace(/<head>/i, '<head><script src="/__e2e/init.js"></script>');
      }
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    requests,
    close: () => new Promise((ok) => server.close(ok)),
  };
}

