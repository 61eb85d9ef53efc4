// Shared pieces of the end-to-end tests: a static server for dist/ on 127.0.0.1, Debian's
// Chromium driven by playwright-core (no browser download), axe-core, and screenshots.
import { before, after } from 'node:test';
import { createServer } from 'node:http';
import { readFile, mkdir } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
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
 * static host would; `cors` adds `Access-Control-Allow-Origin: *` as a CDN must for module
 * scripts and wasm loaded from another origin; `pages` maps extra paths to generated HTML;
 * `headers(path)` returns extra response headers for a path (a page's Content-Security-Policy,
 * a wrong content type), or nothing. Resolves to { url, close, requests } where requests lists
 * every path asked for.
 */
export async function serve(dir = dist, prefix = '/', { cors = false, pages = {}, headers: extra = () => ({}) } = {}) {
  const requests = [];
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    requests.push(path);
    if (pages[path]) return void res.writeHead(200, { 'content-type': TYPES['.html'], ...extra(path) }).end(pages[path]);
    if (!path.startsWith(prefix)) return void res.writeHead(404).end();
    let file = normalize(join(dir, path.slice(prefix.length)));
    if (!file.startsWith(dir)) return void res.writeHead(403).end();
    if (path.endsWith('/')) file = join(file, 'index.html');
    try {
      const body = await readFile(file);
      const headers = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' };
      if (cors) headers['access-control-allow-origin'] = '*';
      res.writeHead(200, { ...headers, ...extra(path) });
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

/**
 * For a test file: serves dist/ and launches the browser before its tests, and closes both after
 * them. Returns an object whose `server` and `browser` are set once the tests start.
 */
export function serveAndLaunch() {
  const env = {};
  before(async () => {
    env.server = await serve();
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
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

/** Waits until the widget inside the `<card-help>` matching `host` has rendered its heading. */
export async function widgetReady(page, host = 'card-help') {
  await page.locator(host).first().locator('h2').first().waitFor({ state: 'visible' });
}

/**
 * Runs axe-core (WCAG 2.x A/AA and best practices) and returns its violations: on the whole
 * page, or only inside the elements matching `within` (shadow roots included).
 */
export async function axe(page, within) {
  if (!(await page.evaluate(() => Boolean(window.axe)))) {
    // Evaluated rather than added as a <script>, so pages with a strict CSP can be checked too.
    await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  }
  return page.evaluate(async (within) => {
    const context = within ? { include: [[within]] } : document;
    // No preload: axe would fetch the page's stylesheets itself, muddying the network checks.
    const result = await window.axe.run(context, { resultTypes: ['violations'], preload: false });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')).slice(0, 5),
    }));
  }, within);
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

/**
 * The share of pixels that differ noticeably between two PNG screenshots (0 to 1), compared in
 * the browser's own canvas, tolerating one-pixel shifts; different sizes count as entirely
 * different.
 */
export async function pixelDifference(browser, pngA, pngB) {
  const page = await browser.newPage();
  try {
    return await page.evaluate(async ([a, b]) => {
      const load = (b64) => new Promise((ok, fail) => {
        const img = new Image();
        img.onload = () => ok(img);
        img.onerror = fail;
        img.src = `data:image/png;base64,${b64}`;
      });
      const [ia, ib] = await Promise.all([load(a), load(b)]);
      if (ia.width !== ib.width || ia.height !== ib.height) return 1;
      const pixels = (img) => {
        const canvas = document.createElement('canvas');
        canvas.width = img.width;
        canvas.height = img.height;
        const ctx = canvas.getContext('2d');
        ctx.drawImage(img, 0, 0);
        return ctx.getImageData(0, 0, img.width, img.height).data;
      };
      const [pa, pb] = [pixels(ia), pixels(ib)];
      const { width, height } = ia;
      // Layout can land on different sub-pixel offsets on another page, which moves parts of
      // the rasterised text by a pixel: a pixel matches if either image has a close pixel
      // within one pixel of it, in both directions. A real style change (font, size, colour,
      // spacing) still differs almost everywhere it shows.
      const close = (p, i, q, j) =>
        Math.max(Math.abs(p[i] - q[j]), Math.abs(p[i + 1] - q[j + 1]), Math.abs(p[i + 2] - q[j + 2])) <= 48;
      const matched = (p, q, x, y) => {
        const i = (y * width + x) * 4;
        for (let dy = -1; dy <= 1; dy += 1) {
          for (let dx = -1; dx <= 1; dx += 1) {
            if (close(p, i, q, ((y + dy) * width + (x + dx)) * 4)) return true;
          }
        }
        return false;
      };
      let differing = 0;
      for (let y = 1; y < height - 1; y += 1) {
        for (let x = 1; x < width - 1; x += 1) {
          if (!matched(pa, pb, x, y) || !matched(pb, pa, x, y)) differing += 1;
        }
      }
      return differing / ((width - 2) * (height - 2));
    }, [pngA.toString('base64'), pngB.toString('base64')]);
  } finally {
    await page.close();
  }
}

/** Records every `cardhelp:*` event that reaches `document`, in `window.__cardhelpEvents`. */
export async function recordEvents(context) {
  await context.addInitScript(() => {
    window.__cardhelpEvents = [];
    const names = ['ready', 'topic', 'plan', 'letter', 'calendar', 'print', 'share', 'storage', 'locale', 'error'];
    for (const name of names) {
      document.addEventListener(`cardhelp:${name}`, (e) => {
        window.__cardhelpEvents.push({ name: e.type, detail: e.detail, target: e.target.id || e.target.localName });
      });
    }
  });
}

/** Taps the button named `name` in `widget` (a string matches the whole name, a RegExp part of it). */
export const tap = (widget, name) => widget.getByRole('button', { name, exact: typeof name === 'string' }).click();

/** Skips the questions still asked in `widget` until its plan shows. */
export async function skipToPlan(widget) {
  const plan = widget.locator('.ch-step-h', { hasText: 'Your plan' });
  const skip = widget.getByRole('button', { name: "Skip: I don't know" });
  while (true) {
    await plan.or(skip).first().waitFor();
    if (await plan.count()) return;
    await skip.click();
  }
}

/**
 * One short path to the plan in `widget`, an English widget's locator: a late fee the
 * cardholder thinks is a mistake (how and when they paid skipped), the statement date typed
 * key by key as sent February 12, 2026, and nothing else.
 */
export async function walkLateFeePath(widget) {
  await tap(widget, /^A fee or interest I didn't expect/);
  await tap(widget, 'Late fee');
  await widget.locator('.ch-step-h', { hasText: 'How did you pay?' }).waitFor();
  await tap(widget, "Skip: I don't know");
  await widget.locator('#ch-q-date').waitFor();
  await tap(widget, "Skip: I don't know");
  await tap(widget, 'Yes');
  await widget.locator('#ch-q-date').pressSequentially('02/12/2026', { delay: 20 });
  await tap(widget, 'Continue');
  await skipToPlan(widget);
}
