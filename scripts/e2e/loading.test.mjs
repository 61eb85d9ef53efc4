// Loading, lifecycle, CSP and theming as real host pages meet them: `loading="lazy"` and the
// load-on-click recipe, the host's fallback content, what a load failure says, Content Security
// Policies sent as headers (connect-src, nonce + strict-dynamic, Trusted Types), the pinned
// colour scheme, `::part` and `element.ready`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { serve, launch, dist, widgetReady, recordEvents, axe, tap, walkLateFeePath } from './harness.mjs';

const PHONE = { width: 390, height: 844 };
const STRICT = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src data:; base-uri 'none'; object-src 'none'";
/** A bank's nonce-based policy: with 'strict-dynamic', 'self', https: and 'unsafe-inline' are ignored. */
const NONCE = 'r4nd0mN0nce';
const STRICT_DYNAMIC = `default-src 'self'; script-src 'nonce-${NONCE}' 'strict-dynamic' 'wasm-unsafe-eval' https: 'unsafe-inline'; style-src 'self'; img-src data:; object-src 'none'; base-uri 'none'`;
/** A page that requires Trusted Types and allows no policy at all. */
const TRUSTED_TYPES = `${STRICT}; require-trusted-types-for 'script'; trusted-types 'none'`;
const FALLBACK = '<p id="own">Lost card? Call <a href="tel:+18005550199">+1 800 555 0199</a>, 24/7.</p>';

/** A host page: `head` and `body` inside the usual frame, the loader at `src`. */
function page(body, { src = '/cardhelp.js', head = '', nonce } = {}) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title>
    <link rel="icon" href="data:,">${head}
    <script type="module" async src="${src}"${nonce ? ` nonce="${nonce}"` : ''}></script></head>
    <body><main><h1>Help</h1>${body}</main></body></html>`;
}

const PAGES = {
  '/t/lazy.html': page(`<div style="height: 5000px">A long article</div>
    <card-help id="lazy" loading="lazy">${FALLBACK}</card-help>`),
  '/t/plain.html': page(`<card-help id="w">${FALLBACK}</card-help>`),
  '/t/trusted-types.html': page('<card-help></card-help>'),
  '/t/strict-dynamic.html': page('<card-help></card-help>', { nonce: NONCE }),
  '/t/scheme.html': page(`<card-help id="auto"></card-help><card-help id="light" color-scheme="light"></card-help>
    <card-help id="dark" color-scheme="dark"></card-help>`),
};
const HEADERS = {
  '/t/trusted-types.html': { 'content-security-policy': TRUSTED_TYPES },
  '/t/strict-dynamic.html': { 'content-security-policy': STRICT_DYNAMIC },
};

let server;
let browser;
before(async () => {
  server = await serve(dist, '/', { pages: PAGES, headers: (path) => HEADERS[path] });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * A fresh page at `url` that records cardhelp events, CSP violations, console errors and
 * warnings (`page.problems`, `page.warnings`).
 */
async function open(url, { colorScheme = 'light', go = true } = {}) {
  const context = await browser.newContext({ viewport: PHONE, colorScheme, reducedMotion: 'reduce' });
  await recordEvents(context);
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.effectiveDirective} ${e.blockedURI}`));
  });
  const p = await context.newPage();
  p.problems = [];
  p.warnings = [];
  p.on('console', (m) => {
    if (m.type() === 'error') p.problems.push(m.text());
    if (m.type() === 'warning') p.warnings.push(m.text());
  });
  p.on('pageerror', (e) => p.problems.push(`exception: ${e.message}`));
  if (go) await p.goto(url);
  return p;
}

const events = (p) => p.evaluate(() => window.__cardhelpEvents);

/** Waits until the console has said something matching `re` (up to 5 s), and returns it. */
async function said(p, re, list = p.problems) {
  for (let i = 0; i < 50; i += 1) {
    const line = list.find((m) => re.test(m));
    if (line) return line;
    await new Promise((ok) => setTimeout(ok, 100));
  }
  assert.fail(`nothing on the console matches ${re}:\n${list.join('\n')}`);
}

/** The widget files among the paths requested since `from`, with their bytes (raw and brotli). */
async function widgetBytes(requests, from = 0) {
  const files = ['/cardhelp.js', '/cardhelp.css', '/app/cardhelp.js', '/app/cardhelp_bg.wasm'];
  const fetched = files.filter((f) => requests.slice(from).includes(f));
  let raw = 0;
  let brotli = 0;
  for (const f of fetched) {
    const body = await readFile(join(dist, f));
    raw += body.length;
    brotli += brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }
  return { fetched, raw, brotli };
}

const kb = (n) => `${(n / 1000).toFixed(1)} kB`;

test('loading="lazy": only the loader is fetched until the widget nears the viewport, then it loads', async (t) => {
  const from = server.requests.length;
  const p = await open(`${server.url}t/lazy.html`);
  await p.waitForLoadState('networkidle');
  const before = await widgetBytes(server.requests, from);
  assert.deepEqual(before.fetched, ['/cardhelp.js']);
  assert.ok(await p.locator('#own').isVisible(), "the host's own content shows while the widget waits");
  // Still more than a screen away: nothing more.
  await p.evaluate(() => window.scrollTo(0, document.getElementById('lazy').offsetTop - 3 * innerHeight));
  await p.waitForTimeout(300);
  assert.deepEqual((await widgetBytes(server.requests, from)).fetched, ['/cardhelp.js']);
  // Within a screen below the viewport: it loads, and is ready before it is reached.
  await p.evaluate(() => window.scrollTo(0, document.getElementById('lazy').offsetTop - 1.5 * innerHeight));
  await widgetReady(p, '#lazy');
  const afterLoad = await widgetBytes(server.requests, from);
  assert.deepEqual(afterLoad.fetched.sort(), ['/app/cardhelp.js', '/app/cardhelp_bg.wasm', '/cardhelp.css', '/cardhelp.js']);
  await p.locator('#lazy').scrollIntoViewIfNeeded();
  assert.equal(await p.locator('#own').isVisible(), false, "the host's content gives way to the widget");
  const line = `page cost of a lazy widget: ${kb(before.raw)} (${kb(before.brotli)} brotli) before it nears the viewport; ${kb(afterLoad.raw)} (${kb(afterLoad.brotli)} brotli) once it has loaded`;
  t.diagnostic(line);
  console.log(line);
  assert.deepEqual(p.problems, []);
  await p.context().close();
});

test('loading="lazy": focusing the widget\'s content starts loading at once, even far from view', async () => {
  const from = server.requests.length;
  const p = await open(`${server.url}t/lazy.html`);
  await p.waitForLoadState('networkidle');
  assert.deepEqual((await widgetBytes(server.requests, from)).fetched, ['/cardhelp.js']);
  await p.evaluate(() => document.querySelector('#own a').focus({ preventScroll: true }));
  assert.equal(await p.evaluate(() => window.scrollY), 0);
  await p.locator('#lazy h2').waitFor({ state: 'attached' });
  assert.ok(server.requests.slice(from).includes('/app/cardhelp_bg.wasm'));
  assert.deepEqual(p.problems, []);
  await p.context().close();
});

test('load on click (examples/launcher.html): nothing until the button, then the widget; events reach dataLayer', async () => {
  const from = server.requests.length;
  const p = await open(`${server.url}examples/launcher.html`);
  await p.waitForLoadState('networkidle');
  assert.deepEqual((await widgetBytes(server.requests, from)).fetched, ['/cardhelp.js']);
  const help = p.locator('#help-widget');
  assert.equal(await help.isVisible(), false);
  const button = p.getByRole('button', { name: 'Get help with a card problem' });
  // Pointing at the button starts the download.
  await button.hover();
  await help.locator('h2').waitFor({ state: 'attached' });
  assert.equal(await help.isVisible(), false, 'loaded, still hidden');
  await button.click();
  assert.equal(await button.getAttribute('aria-expanded'), 'true');
  await widgetReady(p, '#help-widget');
  assert.deepEqual(await axe(p), []);
  await tap(help, /^A fee or interest I didn't expect/);
  const layer = await p.evaluate(() => window.dataLayer);
  assert.deepEqual(layer.map((e) => e.event), ['cardhelp:ready', 'cardhelp:topic']);
  assert.deepEqual(layer[0].cardhelp, { ...(await events(p))[0].detail, widget: 'help-widget' });
  assert.equal(layer[0].cardhelp.locale, 'en');
  assert.equal(layer[1].cardhelp.topic, 'fees_interest');
  // The button hides it again.
  await button.click();
  assert.equal(await button.getAttribute('aria-expanded'), 'false');
  assert.equal(await help.isVisible(), false);
  assert.deepEqual(p.problems, []);
  await p.context().close();
});

test('element.ready resolves with the ready detail, also for a listener added long after; hidden hides', async () => {
  const p = await open(`${server.url}t/plain.html`);
  await widgetReady(p, '#w');
  await p.waitForTimeout(200);
  const detail = await p.evaluate(() => document.getElementById('w').ready);
  assert.equal(detail.type, 'ready');
  assert.equal(detail.locale, 'en');
  assert.deepEqual(detail, (await events(p)).find((e) => e.name === 'cardhelp:ready').detail, 'the same detail as the event');
  // `hidden` hides the element although the widget's stylesheet sets its display.
  await p.locator('#w').evaluate((el) => { el.hidden = true; });
  assert.equal(await p.locator('#w').isVisible(), false);
  assert.deepEqual(p.problems, []);
  await p.context().close();
});

/** A copy of dist/ with `drop` (paths relative to it) removed, served at `/cdn/`. */
async function brokenCopy(drop) {
  const dir = await mkdtemp(join(tmpdir(), 'cardhelp-'));
  await cp(dist, dir, { recursive: true });
  for (const path of drop) await rm(join(dir, path), { recursive: true, force: true });
  const copy = await serve(dir, '/cdn/', { pages: { '/host.html': page(`<card-help id="w">${FALLBACK}</card-help>`, { src: '/cdn/cardhelp.js' }) } });
  return { ...copy, close: async () => { await copy.close(); await rm(dir, { recursive: true }); } };
}

/** What the page shows and says once the widget has failed. */
async function failure(p) {
  await p.locator('card-help [role=alert]').waitFor();
  await p.waitForFunction(() => window.__cardhelpEvents.some((e) => e.name === 'cardhelp:error'));
  const ready = await p.evaluate(() => document.querySelector('card-help').ready.then(() => 'resolved', (e) => e.detail));
  return { ready, errors: (await events(p)).filter((e) => e.name === 'cardhelp:error').map((e) => e.detail) };
}

test('a wrong path (404): the general guidance and the host\'s own content stay, and the console says what to copy where', async () => {
  const copy = await brokenCopy(['app']);
  try {
    const p = await open(copy.url.replace(/cdn\/$/, 'host.html'));
    const { ready, errors } = await failure(p);
    assert.equal(errors.length, 1);
    assert.equal(errors[0].code, 'load');
    assert.equal(errors[0].cause, 'not_found');
    assert.match(errors[0].url, /\/cdn\/app\/cardhelp(\.js|_bg\.wasm)$/);
    assert.deepEqual(ready, errors[0], 'element.ready rejects with the same detail');
    assert.ok(await p.locator('#own').isVisible(), "the host's own content is kept");
    assert.ok(await p.locator('card-help [part=fallback]').isVisible());
    await said(p, /answered HTTP 404: .*Copy the whole folder, with app\/ and cardhelp\.css next to cardhelp\.js/);
    await p.context().close();
  } finally {
    await copy.close();
  }
});

test('a wasm answered with a page (text/html): the console names the content type and the path', async () => {
  const p = await open(null, { go: false });
  await p.route('**/app/cardhelp_bg.wasm', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>Home</title><p>Welcome' }));
  await p.goto(`${server.url}t/plain.html`);
  const { errors } = await failure(p);
  assert.deepEqual(errors.map((e) => e.cause), ['mime']);
  assert.ok(await p.locator('#own').isVisible());
  await said(p, /came as text\/html and is not the wasm.*serve \.wasm files as application\/wasm/);
  await p.context().close();
});

test('the wasm served as application/octet-stream still runs, with one warning naming the fix', async () => {
  const odd = await serve(dist, '/', {
    pages: PAGES,
    headers: (path) => (path.endsWith('.wasm') ? { 'content-type': 'application/octet-stream' } : undefined),
  });
  try {
    const p = await open(`${odd.url}t/plain.html`);
    await widgetReady(p, '#w');
    assert.deepEqual(p.problems, []);
    assert.deepEqual(p.warnings.filter((w) => w.includes('cardhelp')).length, 1);
    assert.match(p.warnings.find((w) => w.includes('cardhelp')), /serve .*cardhelp_bg\.wasm as application\/wasm, not application\/octet-stream/);
    assert.ok(!p.warnings.some((w) => w.includes('instantiateStreaming')), p.warnings.join('\n'));
    await p.context().close();
  } finally {
    await odd.close();
  }
});

/** A CDN on another origin (localhost) and a host page on 127.0.0.1 sent with `csp`. */
async function cdnAndHost(csp, { cors = true } = {}) {
  const cdn = await serve(dist, '/cardhelp/', {
    headers: (path) => (cors === true || cors(path) ? { 'access-control-allow-origin': '*' } : undefined),
  });
  const origin = new URL(cdn.url).origin.replace('127.0.0.1', 'localhost');
  const host = await serve(dist, '/nothing/', {
    pages: { '/help.html': page(`<card-help id="w">${FALLBACK}</card-help>`, { src: `${origin}/cardhelp/cardhelp.js` }) },
    headers: (path) => (path === '/help.html' && csp ? { 'content-security-policy': csp(origin) } : undefined),
  });
  return {
    url: host.url.replace(/nothing\/$/, 'help.html'),
    origin,
    close: async () => { await host.close(); await cdn.close(); },
  };
}

test('CSP with default-src: the wasm\'s origin must be in connect-src; without it the console says so', async () => {
  const policy = (connect) => (origin) => `default-src 'self'; script-src 'self' ${origin} 'wasm-unsafe-eval'; style-src 'self' ${origin}; img-src data:${connect ? `; connect-src 'self' ${origin}` : ''}`;
  const blocked = await cdnAndHost(policy(false));
  try {
    const p = await open(blocked.url);
    const { errors } = await failure(p);
    assert.deepEqual(errors.map((e) => [e.cause, e.url]), [['csp', `${blocked.origin}/cardhelp/app/cardhelp_bg.wasm`]]);
    await said(p, new RegExp(`blocks ${blocked.origin}/cardhelp/app/cardhelp_bg.wasm: allow ${blocked.origin} in connect-src`));
    await p.context().close();
  } finally {
    await blocked.close();
  }
  const allowed = await cdnAndHost(policy(true));
  try {
    const p = await open(allowed.url);
    await widgetReady(p, '#w');
    await walkLateFeePath(p.locator('#w'));
    assert.deepEqual(await p.evaluate(() => window.__violations), []);
    assert.deepEqual(p.problems, []);
    await p.context().close();
  } finally {
    await allowed.close();
  }
});

test('a CDN that sends no CORS header for the wasm: the console says which header to send', async () => {
  const cdn = await cdnAndHost(null, { cors: (path) => !path.endsWith('.wasm') });
  try {
    const p = await open(cdn.url);
    const { errors } = await failure(p);
    assert.deepEqual(errors.map((e) => e.cause), ['cors']);
    await said(p, /does not let this page read .*cardhelp_bg\.wasm: send Access-Control-Allow-Origin/);
    await p.context().close();
  } finally {
    await cdn.close();
  }
});

test("a bank's nonce + 'strict-dynamic' policy (a header) runs a path with no violation", async () => {
  const p = await open(`${server.url}t/strict-dynamic.html`);
  await widgetReady(p);
  await walkLateFeePath(p.locator('card-help'));
  assert.deepEqual(await p.evaluate(() => window.__violations), []);
  assert.deepEqual(p.problems, []);
  await p.context().close();
});

/** The print frame's document, once built: its language, title and text. */
function printed(p) {
  return p.waitForFunction(() => {
    const doc = document.querySelector('card-help').shadowRoot.querySelector('iframe.ch-print-frame')?.contentDocument;
    return doc?.adoptedStyleSheets.length > 0 && doc.body.innerText && { lang: doc.documentElement.lang, title: doc.title, text: doc.body.innerText };
  }).then((h) => h.jsonValue());
}

test("both print buttons work under require-trusted-types-for 'script' with no policy allowed", async () => {
  const p = await open(`${server.url}t/trusted-types.html`);
  const widget = p.locator('card-help');
  await widgetReady(p);
  await walkLateFeePath(widget);
  await tap(widget, 'Print or save as PDF');
  const plan = await printed(p);
  assert.equal(plan.lang, 'en');
  assert.equal(plan.title, 'Your plan');
  assert.match(plan.text, /Your plan/);
  await widget.getByText('Write your letter', { exact: true }).click();
  await tap(widget, 'Print letter');
  await p.waitForFunction(() => window.__cardhelpEvents.some((e) => e.name === 'cardhelp:letter' && e.detail.action === 'print'));
  const letter = await printed(p);
  assert.doesNotMatch(letter.text, /Your plan/);
  const names = (await events(p)).map((e) => e.name);
  assert.ok(names.includes('cardhelp:print'), names.join());
  assert.ok(!names.includes('cardhelp:error'), names.join());
  assert.deepEqual(await p.evaluate(() => window.__violations), []);
  assert.deepEqual(p.problems, []);
  await p.context().close();
});

test('a print the browser refuses says so on screen and fires the print error', async () => {
  const p = await open(`${server.url}t/plain.html`);
  const widget = p.locator('#w');
  await widgetReady(p, '#w');
  await walkLateFeePath(widget);
  // A browser that will not let the widget into the print frame's document.
  await p.evaluate(() => Object.defineProperty(HTMLIFrameElement.prototype, 'contentDocument', { get: () => null }));
  await tap(widget, 'Print or save as PDF');
  await widget.locator('.ch-status[data-shown]', { hasText: "That didn't work in this browser." }).waitFor();
  assert.deepEqual((await events(p)).filter((e) => e.name === 'cardhelp:error').map((e) => e.detail), [{ type: 'error', code: 'print' }]);
  await p.context().close();
});

/** The colours the widget `sel` is drawn in: its background and its accent. */
function colours(p, sel) {
  return p.locator(sel).evaluate((el) => {
    const root = el.shadowRoot.querySelector('.ch-root');
    const style = getComputedStyle(root);
    const names = ['--ch-accent', '--ch-accent-ink', '--ch-urgent', '--ch-ink', '--ch-muted', '--ch-bg', '--ch-surface', '--ch-line'];
    return { background: style.backgroundColor, vars: names.map((n) => style.getPropertyValue(n).trim()) };
  });
}

test('color-scheme pins light or dark whatever the device says; the dark accent has its own property', async () => {
  const WHITE = 'rgb(255, 255, 255)';
  const DARK = 'rgb(22, 28, 39)';
  const onDark = await open(`${server.url}t/scheme.html`, { colorScheme: 'dark' });
  const onLight = await open(`${server.url}t/scheme.html`, { colorScheme: 'light' });
  for (const p of [onDark, onLight]) for (const id of ['auto', 'light', 'dark']) await widgetReady(p, `#${id}`);
  assert.equal((await colours(onDark, '#auto')).background, DARK, 'unpinned follows the device');
  assert.equal((await colours(onDark, '#light')).background, WHITE);
  assert.equal((await colours(onLight, '#auto')).background, WHITE);
  assert.equal((await colours(onLight, '#dark')).background, DARK);
  // Pinned dark and the device's dark are the same colours (the two CSS blocks agree).
  assert.deepEqual(await colours(onLight, '#dark'), await colours(onDark, '#auto'));
  assert.deepEqual(await colours(onDark, '#light'), await colours(onLight, '#auto'));
  // The property reflects the attribute both ways.
  assert.equal(await onLight.locator('#dark').evaluate((el) => el.colorScheme), 'dark');
  await onLight.locator('#auto').evaluate((el) => { el.colorScheme = 'dark'; });
  assert.equal((await colours(onLight, '#auto')).background, DARK);
  await onLight.locator('#auto').evaluate((el) => { el.colorScheme = ''; });
  assert.equal(await onLight.locator('#auto').getAttribute('color-scheme'), null);
  // A brand accent for each scheme.
  await onLight.evaluate(() => {
    for (const el of document.querySelectorAll('card-help')) {
      el.style.setProperty('--cardhelp-accent', '#123456');
      el.style.setProperty('--cardhelp-accent-dark', '#abcdef');
    }
  });
  assert.equal((await colours(onLight, '#light')).vars[0], '#123456');
  assert.equal((await colours(onLight, '#dark')).vars[0], '#abcdef');
  for (const p of [onDark, onLight]) {
    assert.deepEqual(p.problems, []);
    await p.context().close();
  }
});

test('debug mode warns about an accent that is hard to read in the scheme in use; without debug nothing is fetched for it', async () => {
  const pale = (debug) => `<card-help id="w" ${debug} style="--cardhelp-accent: #7cb4ff"></card-help>
    <card-help id="d" ${debug} color-scheme="dark" style="--cardhelp-accent-dark: #0b5cad"></card-help>`;
  const quiet = await serve(dist, '/', { pages: { '/quiet.html': page(pale('')), '/debug.html': page(pale('debug')) } });
  try {
    const off = await open(`${quiet.url}quiet.html`);
    await widgetReady(off, '#w');
    await widgetReady(off, '#d');
    await off.waitForTimeout(300);
    assert.deepEqual(off.warnings, []);
    assert.ok(!quiet.requests.includes('/contrast.js'));
    await off.context().close();
    const on = await open(`${quiet.url}debug.html`);
    await widgetReady(on, '#w');
    await widgetReady(on, '#d');
    await said(on, /in the light colour scheme, the accent #7cb4ff on the background #fff has a contrast of 2\.\d:1, under the 4\.5:1 .*adjust --cardhelp-accent and --cardhelp-accent-ink$/, on.warnings);
    await said(on, /in the dark colour scheme, the accent #0b5cad on the background #161c27 has a contrast of 2\.\d:1, .*adjust --cardhelp-accent-dark and --cardhelp-accent-ink-dark$/, on.warnings);
    await said(on, /in the light colour scheme, button text #fff on the accent #7cb4ff has a contrast of 2\.\d:1/, on.warnings);
    // The widgets' default colours pass.
    assert.equal(on.warnings.filter((w) => w.startsWith('cardhelp:')).length, 4, on.warnings.join('\n'));
    await on.context().close();
  } finally {
    await quiet.close();
  }
});

test('::part: a host rule styles a named region; every documented part is there on the plan', async () => {
  const p = await open(`${server.url}t/plain.html`);
  await p.addStyleTag({ content: 'card-help::part(header) { background-color: rgb(1, 2, 3); } card-help::part(urgency) { outline: 3px solid rgb(4, 5, 6); }' });
  const widget = p.locator('#w');
  await widgetReady(p, '#w');
  assert.equal(await widget.locator('.ch-bar').evaluate((el) => getComputedStyle(el).backgroundColor), 'rgb(1, 2, 3)');
  await walkLateFeePath(widget);
  assert.equal(await widget.locator('.ch-urgency').evaluate((el) => getComputedStyle(el).outlineColor), 'rgb(4, 5, 6)');
  const parts = await widget.evaluate((el) => [...new Set([...el.shadowRoot.querySelectorAll('[part]')].flatMap((e) => [...e.part]))].sort());
  assert.deepEqual(parts, ['contact', 'deadlines', 'disclaimer', 'header', 'letter', 'nav', 'plan', 'root', 'step', 'takeaway', 'title', 'urgency']);
  assert.deepEqual(p.problems, []);
  await p.context().close();
});
