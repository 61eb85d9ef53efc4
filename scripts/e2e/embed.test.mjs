// The example host pages in www/examples/: every way an operator embeds cardhelp.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import {
  serve, serveAndLaunch, openPage, widgetReady, axe, pixelDifference, recordEvents, screenshot, root, VIEWPORTS,
  tap, skipToPlan, walkLateFeePath,
} from './harness.mjs';

const phone = VIEWPORTS[0];
const env = serveAndLaunch();

/** Opens an example page and waits for every widget on it. */
async function example(name, { viewport = phone, base = env.server.url, today } = {}) {
  const page = await openPage(env.browser, viewport, `${base}examples/${name}`);
  const count = await page.locator('card-help').count();
  for (let i = 0; i < count; i += 1) {
    await widgetReady(page, `card-help >> nth=${i}`);
    // Pin "today" so the dates on a path are the same on every run.
    if (today) await page.locator('card-help').nth(i).evaluate((el, t) => el.setAttribute('today', t), today);
  }
  return page;
}

/**
 * Walks the late-fee path in the widget matching `host` and checks the plan's first date.
 * Spanish widgets are switched to English first so one set of labels serves.
 */
async function completePath(page, host = 'card-help') {
  const widget = page.locator(host).first();
  if ((await widget.locator('section').first().getAttribute('lang')) !== 'en') {
    await widget.locator('button[lang=en]').click();
    await widget.locator('section[lang=en]').first().waitFor();
  }
  await walkLateFeePath(widget);
  assert.match(await widget.locator('.ch-dl').first().innerText(), /April 13, 2026/);
}

const PAGES = ['plain.html', 'hostile-css.html', 'spanish.html', 'two-instances.html', 'csp.html'];
for (const name of PAGES) {
  test(`${name} renders the widget and completes a path, with no console errors and no accessibility violations`, async () => {
    const page = await example(name, { today: '2026-03-02' });
    assert.deepEqual(await axe(page, 'card-help'), []);
    await completePath(page);
    assert.deepEqual(await axe(page, 'card-help'), []);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
}

test('the Spanish page starts in Spanish', async () => {
  const page = await example('spanish.html');
  assert.equal(await page.locator('card-help section').first().getAttribute('lang'), 'es');
  await page.context().close();
});

test('aggressive host CSS does not change how the widget looks', async () => {
  const shot = async (name, css) => {
    const page = await example(name);
    if (css) await page.addStyleTag({ content: css });
    const png = await page.locator('card-help').first().screenshot();
    await page.context().close();
    return png;
  };
  // Spacing set on the <card-help> element itself reaches the widget on purpose (a reader's
  // text-spacing override arrives that way), and the hostile page's `* { all: unset }` hands
  // its body's spacing to the element: the plain page gets the same spacing on the element,
  // and nothing else may differ.
  const spacing = 'card-help { letter-spacing: 3px; word-spacing: 8px; line-height: 3; }';
  const difference = await pixelDifference(env.browser, await shot('plain.html', spacing), await shot('hostile-css.html'));
  assert.ok(difference < 0.01, `${(difference * 100).toFixed(2)}% of the widget's pixels differ`);
});

test('a strict CSP page runs the widget with no violation', async () => {
  const context = await env.browser.newContext({ viewport: phone });
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  await page.goto(`${env.server.url}examples/csp.html`);
  await widgetReady(page);
  await page.locator('card-help button[lang=es]').click();
  await page.locator('card-help section[lang=es]').waitFor();
  await page.locator('card-help button[lang=en]').click();
  // All the way to printing: the print frame's constructed stylesheet must pass the CSP too.
  const widget = page.locator('card-help');
  await walkLateFeePath(widget);
  await page.evaluate(() => { window.print = () => {}; });
  await tap(widget, 'Print or save as PDF');
  await page.waitForFunction(() => {
    const frame = document.querySelector('card-help').shadowRoot.querySelector('iframe.ch-print-frame');
    const sheet = frame?.contentDocument?.adoptedStyleSheets?.[0];
    return sheet && sheet.cssRules.length > 20;
  });
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(problems, []);
  assert.deepEqual(await axe(page, 'card-help'), []);
  await context.close();
});

test('two widgets on one page keep separate state', async () => {
  const page = await example('two-instances.html', { viewport: VIEWPORTS[1], today: '2026-03-02' });
  await completePath(page, '#first');
  assert.equal(await page.locator('#second .ch-step-h', { hasText: 'Your plan' }).count(), 0, 'the second widget is still at its start');
  await screenshot(page, 'embed-two-instances');
  const first = page.locator('#first');
  const second = page.locator('#second');
  assert.equal(await second.locator('section').getAttribute('lang'), 'es');
  await first.locator('button[lang=es]').click();
  await first.locator('section[lang=es]').waitFor();
  await second.locator('button[lang=en]').click();
  await second.locator('section[lang=en]').waitFor();
  assert.equal(await first.locator('section').getAttribute('lang'), 'es');
  await page.context().close();
});

test('works from a sub-path, loading everything relative to cardhelp.js', async () => {
  const deep = await serve(undefined, '/static/help/cardhelp/v1/');
  try {
    const page = await example('plain.html', { base: deep.url, today: '2026-03-02' });
    assert.ok(deep.requests.some((p) => p === '/static/help/cardhelp/v1/app/cardhelp_bg.wasm'));
    await completePath(page);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  } finally {
    await deep.close();
  }
});

test('works from another origin (a CDN) with one script tag', async () => {
  const cdn = await serve(undefined, '/cardhelp/', { cors: true });
  const cdnUrl = cdn.url.replace('127.0.0.1', 'localhost');
  const host = await serve(undefined, '/nothing-here/', {
    pages: {
      '/help.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title>
        <link rel="icon" href="data:,"><script type="module" src="${cdnUrl}cardhelp.js"></script></head>
        <body><main><h1>Help</h1><card-help></card-help></main></body></html>`,
    },
  });
  try {
    const page = await openPage(env.browser, phone, `${host.url.replace(/nothing-here\/$/, '')}help.html`);
    await widgetReady(page);
    assert.ok(cdn.requests.includes('/cardhelp/app/cardhelp_bg.wasm'));
    assert.deepEqual(page.problems, []);
    await page.context().close();
  } finally {
    await host.close();
    await cdn.close();
  }
});

test('a config property set before the loader defined the element is still used', async () => {
  const early = await serve(undefined, '/w/', {
    pages: {
      '/early.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title>
        <link rel="icon" href="data:,"></head><body><main><h1>Help</h1><card-help id="w"></card-help>
        <script>document.getElementById('w').config = { topics: ['identity_theft'] };</script>
        <script type="module" src="/w/cardhelp.js"></script></main></body></html>`,
    },
  });
  try {
    const page = await openPage(env.browser, phone, `${early.url.replace(/w\/$/, '')}early.html`);
    await widgetReady(page);
    assert.equal(await page.locator('card-help .ch-tile').count(), 1);
    assert.equal(await page.evaluate(() => Object.hasOwn(document.getElementById('w'), 'config')), false);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  } finally {
    await early.close();
  }
});

test('removing the element destroys its widget; adding it back mounts a fresh one', async () => {
  const page = await example('plain.html');
  await page.locator('card-help button[lang=es]').click();
  await page.evaluate(() => {
    const el = document.querySelector('card-help');
    window.__detached = el;
    el.remove();
  });
  assert.equal(await page.evaluate(() => window.__detached.shadowRoot.querySelector('section')), null);
  await page.evaluate(() => document.querySelector('main').append(window.__detached));
  await widgetReady(page);
  assert.equal(await page.locator('card-help section').getAttribute('lang'), 'en');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('attribute changes update the widget live', async () => {
  const page = await example('plain.html');
  await page.evaluate(() => document.querySelector('card-help').setAttribute('locale', 'es'));
  await page.locator('card-help section[lang=es]').waitFor();
  await page.context().close();
});

test('a bad config shows an error panel naming the field, and the widget still works', async () => {
  const page = await openPage(env.browser, phone, `${env.server.url}examples/plain.html`);
  await page.evaluate(() => {
    const el = document.createElement('card-help');
    el.id = 'broken';
    el.toggleAttribute('debug');
    el.setAttribute('config', '{"phones": {"fraud": {"number": "call us!"}}, "app_url": "javascript:alert(1)"}');
    document.querySelector('main').append(el);
  });
  await widgetReady(page, '#broken');
  const panel = await page.locator('#broken [role=alert], #broken .ch-config-issues').first().textContent();
  assert.match(panel, /phones\.fraud\.number/);
  assert.match(panel, /app_url/);
  assert.ok(page.problems.some((p) => p.includes('phones.fraud.number')), 'the issue is also logged to the console');
  await page.context().close();
});

test('events reach the host with ids only', async () => {
  const context = await env.browser.newContext({ viewport: phone });
  await recordEvents(context);
  const page = await context.newPage();
  await page.goto(`${env.server.url}examples/plain.html`);
  await widgetReady(page);
  await page.locator('card-help button[lang=es]').click();
  await page.locator('card-help section[lang=es]').waitFor();
  const events = await page.evaluate(() => window.__cardhelpEvents);
  const names = events.map((e) => e.name);
  assert.ok(names.includes('cardhelp:ready'), names.join());
  assert.ok(names.includes('cardhelp:locale'), names.join());
  await context.close();
});

test('the headless API returns what the CLI prints for the same cases', async () => {
  const cli = join(root, 'target/debug/cardhelp');
  const cases = [
    { today: '2026-02-10', topic: 'billing_dispute', facts: { statement_sent: '2026-01-15', notice_received: '2026-02-03', cycle_closing_day: 10 } },
    { today: '2026-11-24', topic: 'unauthorized_charge', locale: 'es', answers: { still_have_card: 'no' }, config: { phones: { fraud: { number: '+1 800 555 0199' } } } },
    { today: '2026-07-02', facts: { due_date: '2026-07-04', payment_method: 'mail', freeze_requested: '2026-07-02', freeze_request_method: 'mail' } },
    { today: '2026-03-01', topic: 'identity_theft', facts: { fraud_alert_placed: '2024-02-29', report_dispute_received: '2026-02-20', report_dispute_info_added: true } },
    { today: '2026-11-24', text: 'me cobraron dos veces el mismo cargo', locale: 'es' },
  ];
  const page = await openPage(env.browser, phone, `${env.server.url}examples/headless.html`);
  await page.locator('#deadlines li').first().waitFor();
  for (const c of cases) {
    const expected = JSON.parse(execFileSync(cli, ['plan'], { input: JSON.stringify(c) }).toString());
    const actual = await page.evaluate((c) => window.cardhelp.plan(c), c);
    assert.deepEqual(actual, expected);
  }
  const bad = await page.evaluate(() => window.cardhelp.plan({ today: '2026-02-30' }).then(() => 'resolved', (e) => e.message));
  assert.match(bad, /^today: /);
  for (const text of ['someone charged $400 at a store I have never been to', 'me cobraron dos veces', '']) {
    const line = execFileSync(cli, ['classify'], { input: `${JSON.stringify({ text })}\n` }).toString();
    const actual = await page.evaluate((t) => window.cardhelp.classify(t), text);
    assert.deepEqual(JSON.parse(JSON.stringify(actual)), JSON.parse(line));
  }
  const deadlines = await page.evaluate(() => window.cardhelp.deadlines({ statement_sent: '2026-01-15' }, { today: '2026-01-20' }));
  assert.equal(deadlines[0].id, 'billing_error_notice');
  assert.equal(deadlines[0].date, '2026-03-16');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('if the wasm cannot load, the general guidance shows instead of a blank box', async () => {
  const context = await env.browser.newContext({ viewport: phone });
  await recordEvents(context);
  await context.route('**/app/cardhelp_bg.wasm', (route) => route.fulfill({ status: 200, contentType: 'application/wasm', body: Buffer.from('not wasm') }));
  const page = await context.newPage();
  await page.goto(`${env.server.url}examples/spanish.html`);
  const alert = page.locator('card-help [role=alert]');
  await alert.waitFor();
  assert.match(await alert.textContent(), /número que aparece al reverso de su tarjeta/);
  const events = await page.evaluate(() => window.__cardhelpEvents);
  assert.deepEqual(events.filter((e) => e.name === 'cardhelp:error').map((e) => e.detail.code), ['load']);
  assert.deepEqual(await axe(page, 'card-help'), []);
  await context.close();
});

test('hostile strings from the config and the cardholder stay inert text everywhere', async () => {
  const context = await env.browser.newContext({ viewport: phone });
  await context.addInitScript(() => {
    window.__pwned = [];
    window.alert = (m) => window.__pwned.push(`alert ${m}`);
  });
  const page = await context.newPage();
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  const problems = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  await page.goto(`${env.server.url}examples/plain.html`);
  await widgetReady(page);
  const evil = '"><img src=x onerror="window.__pwned.push(1)"><script>window.__pwned.push(2)</script>';
  await page.evaluate((evil) => {
    document.querySelector('card-help').config = {
      issuer_name: evil,
      phones: { fraud: { number: '+1 800 555 0199', hours: evil } },
      secure_message_url: 'javascript:window.__pwned.push(3)',
      app_url: 'https://bank.example/app?q=<script>',
      billing_error_address: `${evil}\nPO Box 1`,
    };
  }, evil);
  await page.locator('card-help').getByLabel('Tell us what happened').fill(evil);
  await walkLateFeePath(page.locator('card-help'));
  await page.locator('card-help').getByText('Write your letter').click();
  await page.locator('card-help').getByLabel('Merchant or description').fill(`ACME\n${evil}`);
  const shadow = (sel) => page.evaluate((sel) => document.querySelector('card-help').shadowRoot.querySelectorAll(sel).length, sel);
  assert.equal(await shadow('img, script'), 0, 'no element came from a string');
  const hrefs = await page.evaluate(() => [...document.querySelector('card-help').shadowRoot.querySelectorAll('[href]')].map((a) => a.getAttribute('href')));
  assert.ok(hrefs.every((h) => /^(https?:|tel:|mailto:|#)/.test(h)), hrefs.join(' '));
  const letter = await page.locator('card-help .ch-letter-text').textContent();
  assert.ok(letter.includes('"><img src=x onerror='), 'the issuer name is shown as text in the letter');
  assert.match(letter, /ACME "><img/, 'a newline in the merchant collapses to a space');
  assert.ok((await page.evaluate(() => document.querySelector('card-help').problems.map((p) => p.field))).includes('secure_message_url'));
  assert.deepEqual(await page.evaluate(() => window.__pwned), []);
  assert.deepEqual(dialogs, []);
  assert.ok(problems.every((p) => p.startsWith('cardhelp config:')), problems.join('\n'));
  await context.close();
});

/** A page with one widget whose config has two mistakes, recording events and the console. */
async function brokenConfigPage({ debug = false } = {}) {
  const context = await env.browser.newContext({ viewport: phone });
  await recordEvents(context);
  const page = await context.newPage();
  page.problems = [];
  page.on('console', (m) => m.type() === 'error' && page.problems.push(m.text()));
  await page.goto(`${env.server.url}examples/plain.html`);
  await page.evaluate((debug) => {
    document.querySelector('card-help').remove();
    const el = document.createElement('card-help');
    el.id = 'operator';
    if (debug) el.setAttribute('debug', '');
    el.setAttribute('config', '{"phones": {"fraud": {"number": "1-800-FLOWERS"}}, "dispute_url": "/dispute"}');
    document.querySelector('main').append(el);
  }, debug);
  await widgetReady(page, '#operator');
  return page;
}

const EXPECTED_PROBLEMS = [
  { field: 'dispute_url', message: 'unknown key; did you mean "dispute_form_url"?' },
  { field: 'phones.fraud.number', message: 'letters are not allowed; write vanity numbers as digits' },
];

test('production mode: cardholders never see the setup box; the console, the error event and `problems` carry each problem', async () => {
  const page = await brokenConfigPage();
  const widget = page.locator('#operator');
  await widget.locator('#ch-story').waitFor();
  assert.equal(await widget.locator('.ch-config-issues').count(), 0, 'no setup box without debug');
  assert.equal(await widget.getByText('Setup problems').count(), 0);
  const errors = await page.evaluate(() => window.__cardhelpEvents.filter((e) => e.name === 'cardhelp:error'));
  assert.deepEqual(errors, [{ name: 'cardhelp:error', target: 'operator', detail: { type: 'error', code: 'config', problems: EXPECTED_PROBLEMS } }]);
  assert.deepEqual(await page.evaluate(() => document.getElementById('operator').problems), EXPECTED_PROBLEMS);
  for (const { field, message } of EXPECTED_PROBLEMS) {
    assert.ok(page.problems.includes(`cardhelp config: ${field}: ${message}`), page.problems.join('\n'));
  }
  // The operator turns debug mode on (property), and off again (attribute).
  await page.evaluate(() => { document.getElementById('operator').debug = true; });
  assert.equal(await page.evaluate(() => document.getElementById('operator').hasAttribute('debug')), true);
  const box = widget.locator('.ch-config-issues');
  await box.waitFor();
  assert.match(await box.textContent(), /Setup problems \(for the site owner\).*dispute_url.*phones\.fraud\.number/s);
  await page.evaluate(() => document.getElementById('operator').removeAttribute('debug'));
  await box.waitFor({ state: 'detached' });
  assert.equal(await page.evaluate(() => document.getElementById('operator').debug), false);
  await page.context().close();
});

test('debug mode shows the setup box from the start', async () => {
  const page = await brokenConfigPage({ debug: true });
  const box = page.locator('#operator .ch-config-issues');
  await box.waitFor();
  assert.match(await box.textContent(), /did you mean "dispute_form_url"/);
  assert.deepEqual(await axe(page, '#operator'), []);
  await page.context().close();
});

test('editing the JSON config child after load applies like an attribute change', async () => {
  const context = await env.browser.newContext({ viewport: phone });
  await recordEvents(context);
  const page = await context.newPage();
  await page.goto(`${env.server.url}examples/plain.html`);
  await widgetReady(page);
  const widget = page.locator('card-help');
  assert.equal(await widget.locator('.ch-tile').count(), 12);
  // A CMS rewrites the child's text: two topics, one misspelt key.
  await page.evaluate(() => {
    document.querySelector('card-help script').textContent = '{"topics": ["card_problem", "hardship"], "issuer_nmae": "X"}';
  });
  await widget.locator('.ch-tile').nth(2).waitFor({ state: 'detached' });
  assert.equal(await widget.locator('.ch-tile').count(), 2);
  assert.deepEqual(await page.evaluate(() => document.querySelector('card-help').problems.map((p) => p.field)), ['issuer_nmae']);
  // Or replaces the child altogether.
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.type = 'application/json';
    script.textContent = '{"topics": ["hardship"]}';
    document.querySelector('card-help script').replaceWith(script);
  });
  await widget.locator('.ch-tile').nth(1).waitFor({ state: 'detached' });
  assert.deepEqual(await page.evaluate(() => document.querySelector('card-help').problems), []);
  const codes = await page.evaluate(() => window.__cardhelpEvents.filter((e) => e.name === 'cardhelp:error').map((e) => e.detail.problems?.length));
  assert.deepEqual(codes, [1]);
  await context.close();
});

test('a blank topic attribute counts as unset', async () => {
  const context = await env.browser.newContext({ viewport: phone });
  await recordEvents(context);
  const page = await context.newPage();
  await page.goto(`${env.server.url}examples/plain.html`);
  await page.evaluate(() => {
    document.querySelector('card-help').remove();
    const el = document.createElement('card-help');
    el.setAttribute('topic', '');
    el.setAttribute('debug', '');
    document.querySelector('main').append(el);
  });
  await widgetReady(page);
  await page.locator('card-help #ch-story').waitFor();
  assert.equal(await page.locator('card-help .ch-config-issues').count(), 0);
  assert.deepEqual(await page.evaluate(() => window.__cardhelpEvents.filter((e) => e.name === 'cardhelp:error')), []);
  await context.close();
});
