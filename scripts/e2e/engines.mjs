// The cardholder paths (scripts/e2e/paths.mjs) and every example page, run in one engine over
// W3C WebDriver: `CARDHELP_ENGINE=webkit|firefox|chromium node --test scripts/e2e/engines.mjs`.
// WebKitGTK's window cannot be narrower than ~447 px and Firefox's ~500 px, so every page runs
// inside a 390 px iframe of a test page (a phone's width), and the `fits` steps also check 320 px.
// The test server gives every HTML page a first script (page-init.js) that pins the clock and
// records console errors, events and downloads, which plain WebDriver cannot observe.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir, mkdir, writeFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Session } from './w3c.mjs';
import { CONFIG, PATHS, DATES, EXAMPLES, LATE_FEE } from './paths.mjs';
import { serveForTests } from './engine-server.mjs';

const shots = join(resolve(import.meta.dirname, '../..'), '.e2e-out');

const engine = process.env.CARDHELP_ENGINE ?? 'firefox';
const PHONE = 390;
const NARROW = 320;
const options = { noWasm: false, pages: {} };
let server;
/** @type {Session} */
let s;

before(async () => {
  server = await serveForTests(options);
  s = await Session.start(engine);
});
after(async () => {
  await s?.close();
  await server?.close();
});

/** Regular expressions travel to the page as `{ re, flags }`. */
function wire(value) {
  if (value instanceof RegExp) return { re: value.source, flags: value.flags };
  if (Array.isArray(value)) return value.map(wire);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, wire(v)]));
  return value;
}

const describe = (q) => JSON.stringify(q);

/**
 * Opens `url` in a fresh phone-wide frame (replacing any other frame, or beside it with `keep`),
 * enters it and waits for `widgets` widgets to render. Returns the frame's element reference.
 */
async function open(url, { widgets = 1, keep = false, width = PHONE } = {}) {
  await s.frame(null);
  const top = await s.run(() => location.pathname);
  if (top !== '/__e2e/phone.html') await s.navigate(`${server.url}__e2e/phone.html`);
  const id = await s.run((src, keep, width) => {
    if (!keep) for (const f of document.querySelectorAll('iframe')) f.remove();
    const f = document.createElement('iframe');
    f.title = 'the page under test';
    f.id = `f${Math.random().toString(36).slice(2)}`;
    f.style.cssText = `width:${width}px;height:844px;border:0;background:#fff;display:block;margin-bottom:8px`;
    f.src = src;
    document.body.append(f);
    return f.id;
  }, url, keep, width);
  // Found by the driver rather than returned from a script: WebKitGTK cannot return a frame.
  const frame = await s.css(`#${id}`);
  await s.until(`${url} to load`, (f) => f.contentDocument?.readyState === 'complete' && Boolean(f.contentWindow.__e2e), [frame], 30_000);
  await s.frame(frame);
  await setWidth(frame, width);
  for (let i = 0; i < widgets; i += 1) {
    await s.until(`widget ${i} to render`, (i) => {
      const h = window.__e2e.shadow(i)?.querySelector('h2');
      return Boolean(h && h.getClientRects().length);
    }, [i], 30_000);
  }
  return frame;
}

/** Runs `fn` in the top page (the one holding the frames), then re-enters `frame`. */
async function inTop(frame, fn, ...args) {
  await s.frame(null);
  try {
    return await s.run(fn, ...args);
  } finally {
    await s.frame(frame);
  }
}

/** The element a step targets, waiting for it to appear. */
function find(q, what = describe(q)) {
  return s.until(what, (q) => window.__e2e.find(q), [wire(q)]);
}

/** Waits until `check(element, arg)` (run in the page) returns { ok, actual } with ok; asserts. */
async function expectOn(q, check, arg, message, ms = 10_000) {
  const deadline = Date.now() + ms;
  let result;
  for (;;) {
    // The check is the script's own body: the driver compiles it, so a page's CSP does not apply.
    result = await s.cmd('POST', '/execute/sync', {
      script: `const el = window.__e2e.find(arguments[0]); if (!el) return { ok: false, actual: 'no such element' };
        const arg = arguments[1]; const squash = window.__e2e.squash; ${check}`,
      args: [wire(q), wire(arg) ?? null],
    });
    if (result.ok || Date.now() > deadline) break;
    await new Promise((ok) => setTimeout(ok, 50));
  }
  assert.ok(result.ok, `${message}: got ${JSON.stringify(result.actual)}`);
}

/** Focuses the field and types `text` key by key, `delay` ms apart, as a person would. */
async function typeInto(q, text, delay = 0) {
  const el = await find(q);
  // The frame's window first: a frame removed earlier may still hold the top page's focus,
  // and keys go where the top page's focus is.
  await s.run((el) => { el.blur(); window.focus(); el.focus(); }, el);
  await s.typeSlowly(text, delay);
  return el;
}

/** The deadlines still ahead on screen, as YYYYMMDD, read from their `datetime`-free long dates. */
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MESES = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'];
function basicDate(long) {
  const en = long.match(/^(\w+) (\d+), (\d{4})/);
  const es = long.match(/^(\d+) de (\w+) de (\d{4})/);
  const [month, day, year] = en ? [MONTHS.indexOf(en[1].toLowerCase()) + 1, en[2], en[3]] : [MESES.indexOf(es[2]) + 1, es[1], es[3]];
  return `${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`;
}

/** RFC 5545: CRLF lines of at most 75 octets, unfolded into events. */
function readIcs(text) {
  assert.ok(text.startsWith('BEGIN:VCALENDAR\r\n') && text.endsWith('END:VCALENDAR\r\n'), 'an iCalendar file');
  for (const line of text.slice(0, -2).split('\r\n')) assert.ok(Buffer.byteLength(line) <= 75, `line over 75 octets: ${line}`);
  return text.replace(/\r\n[ \t]/g, '').split('BEGIN:VEVENT').slice(1).map((event) => ({
    start: event.match(/DTSTART;VALUE=DATE:(\d{8})/)[1],
    alarms: event.split('BEGIN:VALARM').length - 1,
  }));
}

/** Empties the session's download folder, so the next file saved there is the one looked for. */
async function clearDownloads() {
  for (const f of await readdir(s.downloads)) await rm(join(s.downloads, f), { force: true });
}

/** Waits for the page to offer a download named `name`; returns its text. Also checks the file landed. */
async function downloaded(name) {
  const entry = await s.until(`the download ${name}`, (name) => window.__e2e.downloads.find((d) => d.name === name && d.text !== null), [name]);
  await s.run(() => window.__e2e.downloads.splice(0));
  // The browser saved it too (WebKitGTK and Firefox to the session's folder; Chromium headless
  // saves only with a download behaviour set over CDP, so its file is not looked for).
  if (engine !== 'chromium') {
    const deadline = Date.now() + 10_000;
    let files = [];
    while (Date.now() < deadline) {
      files = await readdir(s.downloads);
      if (files.some((f) => f.startsWith(name.replace(/\.[a-z]+$/, '')) && !f.endsWith('.part'))) break;
      await new Promise((ok) => setTimeout(ok, 100));
    }
    const saved = files.find((f) => f.startsWith(name.replace(/\.[a-z]+$/, '')) && !f.endsWith('.part'));
    assert.ok(saved, `${name} was not saved to the download folder (${files.join(', ')})`);
    assert.equal(await readFile(join(s.downloads, saved), 'utf8'), entry.text, `the saved ${name} is what the page offered`);
  }
  return entry.text;
}

const NOTHING_STORED = { local: 0, session: 0, cookies: '', databases: 0 };
const storage = () => s.run(() => window.__e2e.storage());

/** Runs one step of a path description; `ctx` holds the frame and what the path learned. */
async function act(step, ctx) {
  const widget = (q) => ({ ...q, host: q.host ?? step.host });
  if (step.tap !== undefined) {
    await s.click(await find(widget({ button: step.tap, within: step.within })));
  } else if (step.fill) {
    // As Playwright's fill(): the whole value at once, announced with one input event. Typing
    // key by key is its own test below.
    const el = await find(widget(step.fill));
    await s.run((el, text) => {
      el.focus();
      el.value = text;
      el.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
    }, el, step.text);
    await expectOn(widget(step.fill), 'return { ok: el.value === arg, actual: el.value }', step.text, `typed into ${describe(step.fill)}`);
  } else if (step.date) {
    await typeInto(widget(step.date), step.typed, 20);
  } else if (step.tick) {
    await s.click(await find(widget(step.tick)));
    await expectOn(widget(step.tick), 'return { ok: el.checked, actual: el.checked }', null, `ticked ${describe(step.tick)}`);
  } else if (step.select) {
    const el = await find(widget(step.select));
    const option = await s.run((el, v) => [...el.options].find((o) => o.value === v), el, step.option);
    await s.click(option);
    await expectOn(widget(step.select), 'return { ok: el.value === arg, actual: el.value }', step.option, `chose ${step.option}`);
  } else if (step.step) {
    const q = widget({ css: '.ch-step-h', text: step.step });
    await find(q, `the step "${step.step}"`);
    await expectOn(q, 'return { ok: el.getRootNode().activeElement === el, actual: el.getRootNode().activeElement?.outerHTML?.slice(0, 80) }', null, `focus on "${step.step}"`);
  } else if (step.see) {
    if (step.includes) {
      await expectOn(widget(step.see), 'return { ok: arg.every((p) => el.textContent.includes(p)), actual: el.textContent }', step.includes, `${describe(step.see)} includes ${step.includes}`);
    } else if (step.match) {
      await expectOn(widget(step.see), 'const t = el.innerText; return { ok: new RegExp(arg.re, arg.flags).test(t), actual: t.slice(0, 300) }', step.match, `${describe(step.see)} matches ${step.match}`);
    } else {
      await expectOn(widget(step.see), 'return { ok: squash(el.textContent) === arg, actual: squash(el.textContent) }', step.text, `${describe(step.see)} reads "${step.text}"`);
    }
  } else if (step.attr) {
    await expectOn(widget(step.attr), 'const v = el.getAttribute(arg.name); return { ok: v === arg.is, actual: v }', { name: step.name, is: step.is }, `${describe(step.attr)} [${step.name}]`);
  } else if (step.value) {
    await expectOn(widget(step.value), 'return { ok: el.value === arg, actual: el.value }', step.is, `${describe(step.value)} holds`);
  } else if (step.absent) {
    assert.equal(await s.run((q) => Boolean(window.__e2e.find(q)), wire(widget(step.absent))), false, `${describe(step.absent)} is absent`);
  } else if (step.invalid) {
    const q = widget(step.invalid);
    await expectOn(q, "return { ok: el.getAttribute('aria-invalid') === 'true', actual: { ariaInvalid: el.getAttribute('aria-invalid'), value: el.value, badInput: el.validity.badInput, message: el.validationMessage } }", null, `${describe(q)} is flagged`);
    if (step.describedBy) await expectOn(q, "const d = el.getAttribute('aria-describedby') ?? ''; return { ok: d.split(' ').includes(arg), actual: d }", step.describedBy, `${describe(q)} described by its error`);
    if (step.focused) await expectOn(q, 'return { ok: el.getRootNode().activeElement === el, actual: el.getRootNode().activeElement?.id }', null, 'focus back on the field');
    if (step.error) await expectOn(widget(step.error), 'return { ok: squash(el.textContent) === arg, actual: el.textContent }', step.message, 'the error');
    if (step.validity) await expectOn(q, 'return { ok: el.validationMessage === arg, actual: el.validationMessage }', step.validity, 'the validity message');
  } else if (step.valid) {
    await expectOn(widget(step.valid), "return { ok: !el.hasAttribute('aria-invalid') && el.validationMessage === '', actual: [el.getAttribute('aria-invalid'), el.validationMessage] }", null, `${describe(step.valid)} is no longer flagged`);
  } else if (step.fits) {
    await fits(ctx.frame, step.fits);
  } else if (step.shot) {
    // Exactly a phone's width, as the reader sees it: no classic scrollbar in the picture.
    await s.run(() => { document.documentElement.style.scrollbarWidth = 'none'; });
    await setWidth(ctx.frame, PHONE);
    const top = await find(widget(step.top));
    await s.run((el) => el.scrollIntoView({ block: 'start' }), top);
    // Two frames painted after the scroll (WebKitGTK otherwise shows an unpainted band).
    await s.run(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
    await new Promise((ok) => setTimeout(ok, 300));
    await mkdir(shots, { recursive: true });
    await s.frame(null);
    // The window's screenshot cut to the frame, in the top page's own canvas (WebKitGTK's
    // element screenshot of a frame leaves part of it black).
    const window = await s.screenshot();
    const cut = await s.run((png, frame) => new Promise((ok, fail) => {
      const img = new Image();
      img.onerror = fail;
      img.onload = () => {
        const r = frame.getBoundingClientRect();
        const scale = img.width / window.innerWidth;
        const canvas = document.createElement('canvas');
        canvas.width = Math.round(r.width * scale);
        canvas.height = Math.round(r.height * scale);
        canvas.getContext('2d').drawImage(img, r.left * scale, r.top * scale, canvas.width, canvas.height, 0, 0, canvas.width, canvas.height);
        ok(canvas.toDataURL('image/png').split(',')[1]);
      };
      img.src = `data:image/png;base64,${png}`;
    }), window, ctx.frame);
    const png = Buffer.from(cut, 'base64');
    await s.frame(ctx.frame);
    await s.run(() => { document.documentElement.style.scrollbarWidth = ''; });
    await setWidth(ctx.frame, PHONE);
    await writeFile(join(shots, `engines-${engine}-${step.shot}.png`), png);
  } else if (step.calendar) {
    const ahead = await s.run(() => [...window.__e2e.shadow(0).querySelectorAll('.ch-dl:not([data-passed]) .ch-dl-when')].map((el) => el.textContent.split(' · ')[0]));
    await clearDownloads();
    await s.click(await find(widget({ button: step.calendar })));
    const events = readIcs(await downloaded('cardhelp-deadlines.ics'));
    assert.deepEqual(events.map((e) => e.start), step.dates);
    // Every deadline ahead on screen is in the file (which also has the last day to mail).
    const starts = events.map((e) => e.start);
    assert.deepEqual(ahead.map(basicDate).filter((d) => !starts.includes(d)), [], 'the file has the deadlines ahead on screen');
    assert.ok(events.every((e) => e.alarms >= 1), 'every event has a reminder');
  } else if (step.download) {
    await clearDownloads();
    await s.click(await find(widget({ button: step.download })));
    const text = await downloaded(step.file);
    assert.equal(text, await s.run((q) => window.__e2e.find(q).textContent, wire(widget(step.sameAs))));
  } else if (step.print) {
    await print(step);
  } else if (step.share) {
    await share(step, ctx);
  } else if (step.save) {
    assert.deepEqual(await storage(), NOTHING_STORED, 'nothing is stored before the cardholder chooses to save');
    await s.click(await find(widget({ button: step.save })));
    await find(widget({ css: '.ch-saved' }));
    assert.equal((await storage()).local, 1);
    const saved = await s.run(() => localStorage.getItem('cardhelp'));
    for (const secret of step.secrets) assert.ok(!saved.includes(secret), `the saved case holds ${secret}`);
    // Forget asks once: its control opens the question, and only "yes" removes the copy.
    await s.click(await find(widget({ css: '.ch-saved summary', text: step.forget })));
    await s.click(await find(widget({ button: step.confirm })));
    await s.until('forget to clear storage', () => localStorage.length === 0);
    assert.deepEqual(await storage(), NOTHING_STORED, 'forget removes everything');
  } else if (step.nothingStored) {
    assert.deepEqual(await storage(), NOTHING_STORED);
  } else if (step.events) {
    const reported = await s.run(() => window.__e2e.events);
    const names = reported.map(([n]) => n);
    for (const name of step.events) assert.ok(names.includes(name), `no ${name} event in ${names}`);
    for (const [, detail] of reported) for (const secret of step.secrets) assert.ok(!detail.includes(secret), `an event carries ${secret}: ${detail}`);
  } else if (step.noViolations) {
    assert.deepEqual(await s.run(() => window.__e2e.violations), []);
  } else if (step.page) {
    await s.until(describe(step.page), (css) => document.querySelector(css), [step.page.css]);
  } else {
    throw new Error(`unknown step ${describe(step)}`);
  }
}

/**
 * Sets the frame's width so that its page's layout viewport is `width` CSS px wide: a classic
 * scrollbar (Firefox, WebKitGTK on Linux) takes its width from the frame, a phone's overlay
 * scrollbar takes none.
 */
async function setWidth(frame, width) {
  let frameWidth = width;
  for (let attempt = 0; attempt < 5; attempt += 1) {
    await inTop(frame, (f, w) => { f.style.width = `${w}px`; }, frame, frameWidth);
    const inner = await s.until(`a ${frameWidth}px frame`, (w) => window.innerWidth === w && document.documentElement.clientWidth, [frameWidth]);
    if (inner === width) return;
    // The scrollbar can come and go as the width changes the page's height: measure again.
    frameWidth += width - inner;
  }
  throw new Error(`${s.name}: could not give the page a ${width}px layout viewport`);
}

const AXE = readFile(join(resolve(import.meta.dirname, '../..'), 'node_modules/axe-core/axe.min.js'), 'utf8');

/** axe-core's violations (WCAG 2.x A/AA and best practices) inside the widgets of the current frame. */
async function axe() {
  if (!(await s.run(() => Boolean(window.axe)))) {
    // Run as the driver's own script, so a page's strict CSP does not stop it.
    await s.cmd('POST', '/execute/sync', { script: await AXE, args: [] });
  }
  const { checked, violations } = await s.run(async () => {
    const result = await window.axe.run({ include: [['card-help']] }, { resultTypes: ['violations'], preload: false });
    return {
      checked: result.passes.length,
      violations: result.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) })),
    };
  });
  assert.ok(checked >= 5, `axe-core checked only ${checked} rules: did it see the widget?`);
  return violations;
}

/** No sideways scrolling and no control cut off, at a phone's width and at 320 px. */
async function fits(frame, what) {
  for (const width of [NARROW, PHONE]) {
    await setWidth(frame, width);
    const { sideways, clipped } = await s.run(() => window.__e2e.fit());
    assert.ok(sideways <= 0, `${what}: the page scrolls sideways by ${sideways}px at ${width}px`);
    assert.deepEqual(clipped, [], `${what}: controls cut off at ${width}px`);
  }
  assert.deepEqual(await axe(), [], `${what}: axe-core violations`);
}

/** Printing: a same-origin frame with a real title, the widget's rules (print rules among them) and the plan. */
async function print(step) {
  if (engine === 'webkit') {
    // WebKitGTK opens a print dialog under automation that blocks the session; see README.
    return;
  }
  await clearDownloads();
  await s.click(await find({ button: step.print }));
  const printed = await s.until('the print frame', () => {
    const frame = document.querySelector('card-help').shadowRoot.querySelector('iframe.ch-print-frame');
    const doc = frame?.contentDocument;
    if (doc?.readyState !== 'complete' || !doc.adoptedStyleSheets.length || !doc.body.innerText) return null;
    const rules = [...doc.adoptedStyleSheets].flatMap((sheet) => [...sheet.cssRules]);
    return {
      title: doc.title,
      text: doc.body.innerText,
      printRules: rules.filter((r) => r.media && [...r.media].includes('print')).length,
      hidden: getComputedStyle(doc.querySelector('button') ?? doc.body).display,
    };
  });
  assert.ok(printed.title && printed.title !== 'about:blank', `the print document's title: ${printed.title}`);
  assert.ok(printed.printRules > 0, 'the print document has the print rules');
  for (const re of step.has) assert.match(printed.text, re);
  for (const re of step.lacks) assert.doesNotMatch(printed.text, re);
  if (engine === 'firefox') {
    // Silent printing to PDF (prefs in w3c.mjs): the print ran to the end and wrote the file.
    let pdf = null;
    for (const deadline = Date.now() + 20_000; !pdf && Date.now() < deadline;) {
      const files = (await readdir(s.downloads)).filter((f) => f.endsWith('.pdf'));
      const body = files.length ? await readFile(join(s.downloads, files[0])) : null;
      if (body?.includes('%%EOF')) pdf = body;
      else await new Promise((ok) => setTimeout(ok, 200));
    }
    // The page header Firefox prints is the document's title, checked above: the PDF's text is
    // in subset fonts, so it is not read back here.
    assert.ok(pdf, 'Firefox printed the plan to PDF');
  }
}

/** The share link: no personal detail in it, and it opens the same plan in a fresh frame. */
async function share(step, ctx) {
  await s.click(await find({ button: step.share }));
  const link = await s.run((q) => window.__e2e.find(q).value, { css: '#ch-link' });
  assert.ok(link.startsWith(`${server.url}#cardhelp=v=1&`), link);
  for (const secret of step.secrets) assert.ok(!link.includes(secret), `the link carries ${secret}`);
  // All its text, whichever disclosures the reader opened.
  const plan = await s.run(() => window.__e2e.shadow(0).querySelector('.ch-plan').textContent);
  const fresh = await open(link, { keep: true });
  if (ctx.config) await s.run((c) => { document.querySelector('card-help').config = c; }, ctx.config);
  await find({ css: '.ch-plan' });
  assert.equal(await s.run(() => window.__e2e.shadow(0).querySelector('.ch-plan').textContent), plan);
  await fits(fresh, 'the shared plan');
  assert.deepEqual(await storage(), NOTHING_STORED, 'opening a link stores nothing');
  assert.deepEqual(await s.run(() => window.__e2e.problems), []);
  await s.frame(null);
  await s.run((f) => f.remove(), fresh);
  await s.frame(ctx.frame);
}

/** Runs a path's steps in the widget at `url`, then expects no console error or exception. */
async function walk(steps, url, { widgets = 1, config } = {}) {
  const frame = await open(url, { widgets });
  await s.run(() => localStorage.clear());
  if (config) await s.run((c) => { document.querySelector('card-help').config = c; }, config);
  const ctx = { frame, config };
  for (const [i, step] of steps.entries()) {
    try {
      await act(step, ctx);
    } catch (error) {
      const screen = await s.run(() => window.__e2e?.shadow(0)?.querySelector('section')?.innerText.slice(0, 600)).catch(() => '?');
      throw new Error(`step ${i + 1} ${describe(wire(step))}: ${error.message}\n  on screen: ${JSON.stringify(screen)}`);
    }
  }
  assert.deepEqual(await s.run(() => window.__e2e.problems), []);
  return ctx;
}

for (const path of [...PATHS, ...DATES]) {
  test(`${engine}: ${path.name}`, () => walk(path.steps, server.url, { config: CONFIG }));
}

for (const example of EXAMPLES) {
  test(`${engine}: examples/${example.page} renders and completes a path with no console errors`, () =>
    walk(example.steps, `${server.url}examples/${example.page}`, { widgets: example.widgets ?? 1 }));
}

/** Whether the field matching `q` has the focus, and what it holds. */
const fieldState = (q) => s.run((q) => {
  const el = window.__e2e.find(q);
  return { focused: Boolean(el) && el.getRootNode().activeElement === el, value: el?.value };
}, wire(q));

test(`${engine}: a CSP without 'wasm-unsafe-eval': the general guidance shows and the console says what to add`, async () => {
  // WebKit fires no securitypolicyviolation event when it blocks the wasm, so the loader's
  // diagnosis must come from the error itself; this runs in every engine.
  options.pages['/examples/csp-without-wasm.html'] = `<!doctype html><html lang="en"><head><meta charset="utf-8">
    <meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; style-src 'self'; img-src data:">
    <title>CSP without wasm-unsafe-eval</title><link rel="icon" href="data:,">
    <script type="module" async src="../cardhelp.js"></script></head>
    <body><main><h1>Help</h1><card-help></card-help></main></body></html>`;
  await open(`${server.url}examples/csp-without-wasm.html`, { widgets: 0 });
  const alert = await find({ css: '[role=alert]' });
  assert.match(await s.run((el) => el.textContent, alert), /call the number on the back of your card/i);
  const problems = await s.run(() => window.__e2e.problems);
  assert.ok(problems.some((p) => p.includes("Content-Security-Policy blocks WebAssembly: add 'wasm-unsafe-eval' to script-src")), problems.join('\n'));
  const events = (await s.run(() => window.__e2e.events)).map(([name, detail]) => [name, JSON.parse(detail)]);
  assert.deepEqual(events.map(([name, { code, cause, url }]) => [name, code, cause, url]), [['error', 'load', 'csp', `${server.url}app/cardhelp_bg.wasm`]]);
});

test(`${engine}: without WebAssembly, the host's phone lines and links and the rules everyone needs are shown`, async () => {
  options.noWasm = true;
  try {
    const frame = await open(`${server.url}examples/plain.html`, { widgets: 0 });
    const box = await s.until('the fallback with the host lines', () => {
      const box = window.__e2e.shadow(0)?.querySelector('[role=alert]');
      return box?.querySelector('a[href^="tel:"]') && box;
    });
    const shown = await s.run((box) => ({
      text: box.innerText,
      links: [...box.querySelectorAll('a')].map((a) => [a.getAttribute('href'), a.textContent]),
      headings: [...box.querySelectorAll('h2, h3')].map((h) => h.localName),
    }), box);
    assert.deepEqual(shown.links, [
      ['tel:+18005550199', 'Fraud line+1 800 555 0199'],
      ['tel:+18005550100', 'Card services+1 800 555 0100'],
      ['https://bank.example/sign-in', 'Your online account'],
      ['https://bank.example/messages', 'Send a secure message'],
    ]);
    assert.match(shown.text, /a charge you didn.t make, call the number on the back of your card now/);
    assert.match(shown.text, /write to the billing-error address on your statement within 60 days/);
    assert.match(shown.text, /Hours: 24\/7/);
    assert.match(shown.text, /Billing-error address\s+Northwind Bank Billing Inquiries\s+PO Box 100\s+Wilmington, DE 19850/);
    assert.deepEqual(shown.headings, ['h2', 'h3', 'h3', 'h3']);
    await fits(frame, 'the fallback');

    // In Spanish, with only a fraud line configured.
    await open(`${server.url}examples/spanish.html`, { widgets: 0 });
    const es = await s.until('the Spanish fallback', () => {
      const box = window.__e2e.shadow(0)?.querySelector('[role=alert]');
      return box?.querySelector('a[href^="tel:"]') && box.innerText;
    });
    assert.match(es, /Llame al emisor de su tarjeta\s+Línea de fraude\s*\+1 888 555 0123/);
    assert.match(es, /dentro de los 60 días/);
  } finally {
    options.noWasm = false;
  }
});

// Key by key, 40 ms apart: the field keeps the focus and every character.
test(`${engine}: typing key by key in the start screen's text box keeps the focus and every character`, async () => {
  await open(server.url);
  const words = "There's a charge on my card I didn't make";
  await typeInto({ label: 'Tell us what happened' }, words, 40);
  assert.deepEqual(await fieldState({ label: 'Tell us what happened' }), { focused: true, value: words });
});

test(`${engine}: typing key by key in a letter field keeps the focus and every character`, async () => {
  await open(server.url);
  for (const step of [...LATE_FEE, { tap: 'Write your letter' }]) await act(step, {});
  const name = 'Ana María Rivera-López';
  await typeInto({ label: 'Your full name' }, name, 40);
  assert.deepEqual(await fieldState({ label: 'Your full name' }), { focused: true, value: name });
  await expectOn({ css: '.ch-letter-text' }, 'return { ok: el.textContent.includes(arg), actual: el.textContent.slice(0, 200) }', name, 'the letter has the whole name');
});
