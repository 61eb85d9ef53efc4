// A hostile or careless host page: objects that throw when read, revoked Proxies, cycles,
// huge configs, a trap inside the wasm, an element named `cardhelp`. The promises: host code
// never runs inside a wasm call, bad input gets a clear error, a widget is never a blank box,
// and the other widgets on the page carry on.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, widgetReady, recordEvents, VIEWPORTS } from './harness.mjs';

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>host</title>
<link rel="icon" href="data:,"><script type="module" src="/cardhelp.js"></script></head>
<body><div id="cardhelp">the host's own element</div>
<card-help id="first" today="2026-03-02" debug></card-help><card-help id="second" today="2026-03-02" debug></card-help>
</body></html>`;

const ONE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>one</title>
<link rel="icon" href="data:,"><script type="module" src="/cardhelp.js"></script></head>
<body><card-help today="2026-03-02" debug></card-help></body></html>`;

let server;
let browser;
before(async () => {
  server = await serve(undefined, '/', { pages: { '/hostile.html': PAGE, '/one.html': ONE } });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** The test page with both widgets ready and every `cardhelp:*` event recorded. */
async function hostPage({ glue } = {}) {
  const context = await browser.newContext({ viewport: VIEWPORTS[1] });
  await recordEvents(context);
  if (glue) {
    // The wasm-bindgen glue as served, with `glue` appended: a stand-in for a failure inside it.
    await context.route('**/app/cardhelp.js', async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, body: `${await response.text()}\n${glue}` });
    });
  }
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', (e) => page.problems.push(`exception: ${e.message}`));
  await page.goto(`${server.url}hostile.html`);
  if (!glue?.includes('mount')) {
    await widgetReady(page, '#first');
    await widgetReady(page, '#second');
  }
  return page;
}

const events = (page, code) => page.evaluate((code) => window.__cardhelpEvents
  .filter((e) => e.name === 'cardhelp:error' && (!code || e.detail.code === code))
  .map((e) => `${e.target}:${e.detail.code}`), code);

/** The config problems `host` lists, once it lists them. */
const problems = async (page, host) => {
  const panel = page.locator(`${host} .ch-config-issues`);
  await panel.waitFor();
  return panel.innerText();
};

/** Resolves once `host` lists no config problem. */
const noProblems = (page, host) => page.locator(`${host} .ch-config-issues`).waitFor({ state: 'detached' });

test('a config property that cannot be read is a clear config error, and the widget stays usable', async () => {
  const page = await hostPage();
  const hostile = {
    getter: 'el.config = { get issuer_name() { throw new Error("boom"); } }',
    revoked: 'const r = Proxy.revocable({}, {}); r.revoke(); el.config = r.proxy',
    cycle: 'const c = { issuer_name: "Cyclic Bank" }; c.self = c; el.config = c',
    date: 'el.config = new Date()',
    map: 'el.config = { calendar: new Map([["closed_days", []]]) }',
    huge: 'el.config = { topics: new Proxy([], { get: (t, k) => k === "length" ? 2 ** 32 - 1 : "x" }) }',
  };
  const expected = {
    getter: 'boom',
    revoked: 'revoked',
    cycle: 'cycle',
    date: 'not a plain object',
    map: 'not a plain object',
    huge: 'larger than 65536 bytes',
  };
  for (const [name, script] of Object.entries(hostile)) {
    await page.evaluate(() => { window.__cardhelpEvents.length = 0; });
    await page.evaluate(`(() => { const el = document.getElementById('first'); ${script}; })()`);
    assert.deepEqual(await events(page), ['first:config'], name);
    const listed = await problems(page, '#first');
    assert.match(listed, /not plain JSON data/, `${name}: ${listed}`);
    assert.match(listed, new RegExp(expected[name]), `${name}: ${listed}`);
    // Still usable: a good config applies, and a tap moves on.
    await page.evaluate(() => { document.getElementById('first').config = { issuer_name: 'Good Bank' }; });
    await noProblems(page, '#first');
  }
  await page.locator('#first').getByRole('button', { name: /^A charge I didn't make/ }).click();
  await page.locator('#first .ch-step-h').first().waitFor();
  assert.deepEqual(await events(page, 'panic'), []);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a thousand throwing calls to the headless API each reject clearly, and the engine still works', async () => {
  const page = await hostPage();
  const result = await page.evaluate(async () => {
    const { plan, deadlines } = await import('/cardhelp.js');
    const messages = new Set();
    for (let i = 0; i < 1000; i += 1) {
      await plan({ get today() { throw 1; } }).catch((e) => messages.add(e.message));
    }
    await deadlines(new Proxy({}, { ownKeys() { throw new Error('no keys'); } }), { today: '2026-02-10' })
      .catch((e) => messages.add(e.message));
    const cycle = { today: '2026-02-10' };
    cycle.facts = cycle;
    await plan(cycle).catch((e) => messages.add(e.message));
    const good = await plan({ today: '2026-02-10', topic: 'billing_dispute', facts: { statement_sent: '2026-01-15' } });
    return { messages: [...messages], date: good.deadlines[0].date };
  });
  assert.deepEqual(result.messages, [
    'case: not plain JSON data (1)',
    'facts: not plain JSON data (no keys)',
    'case: not plain JSON data (it refers to itself (a cycle))',
  ]);
  assert.equal(result.date, '2026-03-16');
  // The widgets never noticed.
  await page.locator('#second').getByRole('button', { name: /^A charge I didn't make/ }).click();
  await page.locator('#second .ch-step-h').first().waitFor();
  assert.deepEqual(await events(page), []);
  await page.context().close();
});

test('a trap inside the wasm draws the fallback in every widget and reports panic', async () => {
  const glue = 'Widget.prototype.update = function () { throw new WebAssembly.RuntimeError("unreachable"); };';
  const page = await hostPage({ glue });
  await page.evaluate(() => document.getElementById('first').setAttribute('locale', 'es'));
  for (const host of ['#first', '#second']) {
    await page.locator(`${host} .ch-fallback`).waitFor();
    assert.match(await page.locator(`${host} .ch-fallback`).innerText(), /number on the back of your card|reverso de su tarjeta/);
  }
  assert.deepEqual((await events(page)).sort(), ['first:panic', 'second:panic']);
  // The headless API says so instead of calling into the broken instance.
  const message = await page.evaluate(() => window.cardhelp.plan({ today: '2026-02-10' }).catch((e) => e.message));
  assert.match(message, /stopped after an internal error/);
  // A widget added later shows the fallback straight away.
  await page.evaluate(() => document.body.append(document.createElement('card-help')));
  await page.locator('card-help >> nth=2').locator('.ch-fallback').waitFor();
  await page.context().close();
});

test('an error thrown inside update leaves that widget the fallback, not a blank box', async () => {
  const glue = 'Widget.prototype.update = function () { throw new TypeError("host broke it"); };';
  const page = await hostPage({ glue });
  await page.evaluate(() => { document.getElementById('second').config = { issuer_name: 'X' }; });
  await page.locator('#second .ch-fallback').waitFor();
  assert.deepEqual(await events(page), ['second:panic']);
  assert.equal(await page.locator('#first .ch-fallback').count(), 0);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('an error thrown while mounting leaves the fallback, with no unhandled rejection', async () => {
  const glue = 'mount = function () { throw new TypeError("mount failed"); };';
  const page = await hostPage({ glue });
  for (const host of ['#first', '#second']) await page.locator(`${host} .ch-fallback`).waitFor();
  assert.deepEqual((await events(page)).sort(), ['first:panic', 'second:panic']);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('an element with id="cardhelp" does not hide the headless API', async () => {
  const page = await hostPage();
  const kind = await page.evaluate(() => typeof window.cardhelp.plan);
  assert.equal(kind, 'function');
  const exported = await page.evaluate(async () => {
    const module = await import('/cardhelp.js');
    return module.cardhelp === window.cardhelp && typeof module.plan === 'function';
  });
  assert.ok(exported);
  await page.context().close();
});

test('a huge config property is refused at once with one short problem list', async () => {
  const page = await hostPage();
  const took = await page.evaluate(() => {
    const config = {};
    for (let i = 0; i < 100000; i += 1) config[`unknown_${i}`] = i;
    const start = performance.now();
    document.getElementById('first').config = config;
    return performance.now() - start;
  });
  const listed = await problems(page, '#first');
  assert.match(listed, /larger than 65536 bytes/);
  const many = {};
  for (let i = 0; i < 500; i += 1) many[`unknown_${i}`] = i;
  await page.evaluate((c) => { document.getElementById('first').config = c; }, many);
  const items = await page.locator('#first .ch-config-issues li').count();
  assert.equal(items, 21);
  assert.match(await problems(page, '#first'), /480 more problems not listed/);
  console.log(`hostile host: a 100,000-key config property is refused in ${took.toFixed(0)} ms`);
  await page.context().close();
});

/** Taps from the start to the plan for an unauthorized charge, skipping every question. */
async function toPlan(widget) {
  await widget.getByRole('button', { name: /^A charge I didn't make/ }).click();
  const plan = widget.locator('.ch-step-h', { hasText: 'Your plan' });
  const skip = widget.getByRole('button', { name: /^Skip/ });
  while (true) {
    await plan.or(skip).first().waitFor();
    if (await plan.count()) return;
    await skip.click();
    await skip.or(plan).first().waitFor();
  }
}

test('theme properties cannot make the widget fetch, and the print view is sandboxed with ticked boxes shown', async () => {
  const context = await browser.newContext({ viewport: VIEWPORTS[1] });
  const page = await context.newPage();
  page.problems = [];
  page.on('console', (m) => m.type() === 'error' && page.problems.push(`console: ${m.text()}`));
  await page.goto(`${server.url}hostile.html`);
  await page.addStyleTag({ content: 'card-help { --cardhelp-bg: url(/theme-bg.png); --cardhelp-surface: url(/theme-surface.png); --cardhelp-accent: url(/theme-accent.png); }' });
  await widgetReady(page, '#first');
  const widget = page.locator('#first');
  await toPlan(widget);
  await widget.locator('.ch-checks input').first().check();
  await widget.getByRole('button', { name: 'Print or save as PDF' }).click();
  const frame = await page.waitForFunction(() => {
    const el = document.getElementById('first').shadowRoot.querySelector('iframe.ch-print-frame');
    return el?.contentDocument?.readyState === 'complete' && el.contentDocument.adoptedStyleSheets.length > 0 && el;
  });
  assert.equal(await frame.evaluate((el) => el.getAttribute('sandbox')), 'allow-same-origin allow-modals');
  await page.emulateMedia({ media: 'print' });
  const marks = await frame.evaluate((el) => [...el.contentDocument.querySelectorAll('.ch-checks li')]
    .map((li) => el.contentWindow.getComputedStyle(li, '::before').content));
  assert.equal(marks[0], '"☑ "');
  assert.ok(marks.slice(1).every((m) => m === '"☐ "'), marks.join(' '));
  assert.deepEqual(server.requests.filter((r) => r.startsWith('/theme-')), []);
  assert.deepEqual(page.problems, []);
  await context.close();
});

/** A page with one widget, whose localStorage holds `saved` under the widget's key. */
async function withSaved(saved) {
  const context = await browser.newContext({ viewport: VIEWPORTS[1] });
  await recordEvents(context);
  await context.addInitScript((value) => {
    if (value !== null && !sessionStorage.getItem('seeded')) {
      localStorage.setItem('cardhelp', value);
      sessionStorage.setItem('seeded', '1');
    }
  }, saved);
  const page = await context.newPage();
  await page.goto(`${server.url}one.html`);
  await widgetReady(page);
  return page;
}

test('a damaged saved copy is removed, with a visible note and a storage event', async () => {
  for (const saved of ['v=1&t=%ZZ', 'v=1', 'garbage']) {
    const page = await withSaved(saved);
    const status = page.locator('card-help .ch-status[data-shown]');
    await status.waitFor();
    assert.match(await status.innerText(), /saved plan couldn't be read, so it was removed/, saved);
    assert.equal(await page.evaluate(() => localStorage.getItem('cardhelp')), null, saved);
    assert.deepEqual(await events(page), ['card-help:storage'], saved);
    await page.context().close();
  }
});

test('a save that fails after "Saved" (a full storage) says so and offers the button again', async () => {
  const page = await withSaved(null);
  const widget = page.locator('card-help');
  await toPlan(widget);
  await widget.getByRole('button', { name: 'Save on this device' }).click();
  await widget.locator('.ch-saved').waitFor();
  await page.evaluate(() => {
    Storage.prototype.setItem = () => { throw new DOMException('full', 'QuotaExceededError'); };
  });
  await widget.locator('.ch-checks input').first().check();
  const status = widget.locator('.ch-status[data-shown]');
  await status.waitFor();
  assert.match(await status.innerText(), /won't let us save here/);
  assert.equal(await widget.locator('.ch-saved').count(), 0);
  await widget.getByRole('button', { name: 'Save on this device' }).waitFor();
  assert.deepEqual(await events(page), ['card-help:storage']);
  await page.context().close();
});

test('a copy forgotten in another tab stays forgotten: no write brings it back', async () => {
  const context = await browser.newContext({ viewport: VIEWPORTS[1] });
  await recordEvents(context);
  const [a, b] = [await context.newPage(), await context.newPage()];
  await a.goto(`${server.url}one.html`);
  await widgetReady(a);
  await toPlan(a.locator('card-help'));
  await a.locator('card-help').getByRole('button', { name: 'Save on this device' }).click();
  await a.locator('card-help .ch-saved').waitFor();

  // The second tab opens the saved copy and forgets it: the first tab hears of it.
  await b.goto(`${server.url}one.html`);
  await widgetReady(b);
  // Forget asks once: its control opens the question, and only "yes" removes the copy.
  await b.locator('card-help .ch-saved summary', { hasText: 'Forget this' }).click();
  await b.locator('card-help').getByRole('button', { name: 'Yes, forget it' }).click();
  await a.locator('card-help .ch-status[data-shown]', { hasText: 'Forgotten' }).waitFor();
  assert.equal(await a.locator('card-help .ch-saved').count(), 0);
  await a.locator('card-help .ch-checks input').first().check();
  assert.equal(await a.evaluate(() => localStorage.getItem('cardhelp')), null);
  const storage = (await a.evaluate(() => window.__cardhelpEvents))
    .filter((e) => e.name === 'cardhelp:storage').map((e) => e.detail.saved);
  assert.deepEqual(storage, [true, false]);

  // Removed by a script of the page itself (no storage event): checked before the write.
  await a.locator('card-help').getByRole('button', { name: 'Save on this device' }).click();
  await a.locator('card-help .ch-saved').waitFor();
  await a.evaluate(() => localStorage.removeItem('cardhelp'));
  await a.locator('card-help .ch-checks input').nth(1).check();
  await a.locator('card-help .ch-saved').waitFor({ state: 'detached' });
  assert.equal(await a.evaluate(() => localStorage.getItem('cardhelp')), null);
  await context.close();
});
