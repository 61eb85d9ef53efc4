// Shared pieces of the end-to-end tests: a static server for dist/ on 127.0.0.1, Debian's
// Chromium driven by playwright-core (no browser download), axe-core, and screenshots.
import { createServer } from 'node:http';
import { readFile, mkdir } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
export const root = resolve(import.meta.dirname, '../..');
export const dist = join(root, 'dist');
export const shots = join(root, '.e2e-out');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.ics': 'text/calendar',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/**
 * Serves `dir` on 127.0.0.1 (a free port). `prefix` mounts it under a sub-path, as a CDN or a
 * static host would. Resolves to { url, close, requests } where requests lists every path asked for.
 */
export async function serve(dir = dist, prefix = '/') {
  const requests = [];
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    requests.push(path);
    if (!path.startsWith(prefix)) return void res.writeHead(404).end();
    let file = normalize(join(dir, path.slice(prefix.length)));
    if (!file.startsWith(dir)) return void res.writeHead(403).end();
    if (path.endsWith('/')) file = join(file, 'index.html');
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    requests,
    close: () => new Promise((ok) => server.close(ok)),
  };
}

/** Debian's Chromium, headless, with the flags this sandboxed machine needs. */
export function launch() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export const VIEWPORTS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 800 },
];

/**
 * Opens a page that collects console errors and uncaught exceptions into `page.problems`.
 * `now` (a Date) pins the page's clock, so "today" and the deadlines it gives are stable;
 * `clipboard` lets the page write and the test read the clipboard.
 */
export async function openPage(browser, viewport, url, { now, clipboard = false } = {}) {
  const context = await browser.newContext({ viewport, reducedMotion: 'reduce' });
  if (now) await context.clock.setFixedTime(now);
  if (clipboard) await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin });
  const page = await context.newPage();
  page.problems = [];
  page.on('console', (m) => m.type() === 'error' && page.problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => page.problems.push(`exception: ${e.message}`));
  await page.goto(url);
  return page;
}

/** Waits until the widget inside `<card-help>` has rendered its heading. */
export async function widgetReady(page, host = 'card-help') {
  await page.locator(`${host} .ch h2`).first().waitFor({ state: 'visible' });
}

/** Runs axe-core on the page (shadow roots included) and returns its violations. */
export async function axe(page) {
  if (!(await page.evaluate(() => 'axe' in window))) {
    await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  }
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')).slice(0, 5),
    }));
  });
}

/** How far the page scrolls sideways, in pixels (0 when it fits). */
export function overflow(page) {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/**
 * Saves a screenshot under .e2e-out/ (git-ignored) and returns its path: the full page, or
 * with `fullPage: false` just the viewport as the reader sees it.
 */
export async function screenshot(page, name, { fullPage = true } = {}) {
  await mkdir(shots, { recursive: true });
  const path = join(shots, `${name}.png`);
  await page.screenshot({ path, fullPage });
  return path;
}
