// Three real paths through the widget embedded in the demo page, in Chromium on a 390x844
// phone screen: from the first tap to the plan, the letter, the .ics file and the share link,
// with axe-core reporting zero violations on every step, no console errors and no sideways
// scrolling. The page clock is pinned so the deadlines are the same on every run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { serveAndLaunch, openPage, widgetReady, axe, overflow, screenshot } from './harness.mjs';

const PHONE = { width: 390, height: 844 };
/** "Today" for every path: Monday, March 2, 2026. */
const NOW = new Date('2026-03-02T15:00:00Z');
const CONFIG = {
  issuer_name: 'Northwind Bank',
  phones: {
    card_services: { number: '(800) 555-0100', hours: '24/7' },
    fraud: { number: '(800) 555-0199', hours: '24/7' },
  },
  billing_error_address: 'Billing Inquiries\nPO Box 100\nWilmington, DE 19850',
};
const EVENTS = ['ready', 'topic', 'plan', 'letter', 'calendar', 'print', 'share', 'storage', 'locale', 'error'];

const env = serveAndLaunch();

/** Whether the urgency box is drawn in the urgent color (label and stripe share it only then). */
async function drawnUrgent(page) {
  return widget(page).locator('.ch-urgency-label').evaluate((label) => {
    const box = label.closest('.ch-urgency');
    return getComputedStyle(label).color === getComputedStyle(box).borderLeftColor;
  });
}

/** The demo page with the widget ready, the host config set and host events recorded. */
async function open(url = env.server.url, { config = CONFIG } = {}) {
  const page = await openPage(env.browser, PHONE, url, { now: NOW, clipboard: true });
  await widgetReady(page);
  await page.evaluate(
    ({ config, names }) => {
      window.cardhelpEvents = [];
      for (const name of names) {
        document.addEventListener(`cardhelp:${name}`, (e) => window.cardhelpEvents.push([name, JSON.stringify(e.detail)]));
      }
      if (config) document.querySelector('card-help').config = config;
    },
    { config, names: EVENTS },
  );
  return page;
}

const widget = (page) => page.locator('card-help');
/** Taps the button named `name` (exactly, or a RegExp). */
const tap = (page, name) =>
  widget(page).getByRole('button', { name, exact: typeof name === 'string' }).click();
const events = (page) => page.evaluate(() => window.cardhelpEvents);

/**
 * Every step passes axe with zero violations and fits the screen. `shot` saves what the reader
 * sees with `top` (by default the widget itself) scrolled to the top of the screen.
 */
async function check(page, what, shot, top = widget(page)) {
  assert.deepEqual(await axe(page), [], `axe violations on ${what}`);
  const sideways = await overflow(page);
  assert.ok(sideways <= 0, `${what}: the page scrolls sideways by ${sideways}px`);
  if (shot) {
    await top.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.mouse.move(0, 0);
    await screenshot(page, `widget-${shot}`, { fullPage: false });
  }
}

/** Waits for a step's heading, which also has the focus after a step change. */
async function onStep(page, heading) {
  const h = widget(page).locator('.ch-step-h');
  await h.filter({ hasText: heading }).waitFor();
  assert.equal(await h.evaluate((el) => el.getRootNode().activeElement === el), true, `focus on "${heading}"`);
}

/** Skips every question still asked (`skip` is the button's label) until `plan` heads the step. */
async function skipToPlan(page, skip = "Skip: I don't know", plan = 'Your plan') {
  const heading = widget(page).locator('.ch-step-h', { hasText: plan });
  const button = widget(page).getByRole('button', { name: skip, exact: true });
  while (true) {
    await heading.or(button).first().waitFor();
    if (await heading.count()) return;
    await button.click();
  }
}

const MONTHS = {
  January: 1, February: 2, March: 3, April: 4, May: 5, June: 6, July: 7, August: 8, September: 9, October: 10, November: 11, December: 12,
  enero: 1, febrero: 2, marzo: 3, abril: 4, mayo: 5, junio: 6, julio: 7, agosto: 8, septiembre: 9, octubre: 10, noviembre: 11, diciembre: 12,
};

/** "April 11, 2026" or "11 de abril de 2026" → "20260411". */
function basicDate(long) {
  const m = long.match(/^(\w+) (\d+), (\d{4})$/) ?? long.match(/^(\d+) de (\w+) de (\d{4})$/);
  assert.ok(m, `not a long date: ${long}`);
  const [month, day] = Number.isNaN(Number(m[1])) ? [MONTHS[m[1]], m[2]] : [MONTHS[m[2]], m[1]];
  return `${m[3]}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`;
}

/** The deadlines still ahead on screen: their dates and what each means. */
async function deadlinesAhead(page) {
  const items = widget(page).locator('.ch-dl:not([data-passed])');
  const out = [];
  for (const item of await items.all()) {
    const when = await item.locator('.ch-dl-when').textContent();
    out.push({ date: basicDate(when.split(' · ')[0]), summary: await item.locator('p').first().textContent() });
  }
  return out;
}

/** RFC 5545 TEXT unescaping. */
const unescape = (s) => s.replace(/\\([\\;,nN])/g, (_, c) => (c === 'n' || c === 'N' ? '\n' : c));

/** Reads an .ics file strictly: CRLF lines of at most 75 octets, unfolded into events. */
function readIcs(text) {
  assert.ok(text.startsWith('BEGIN:VCALENDAR\r\n') && text.endsWith('END:VCALENDAR\r\n'));
  const physical = text.slice(0, -2).split('\r\n');
  for (const line of physical) {
    assert.ok(Buffer.byteLength(line, 'utf8') <= 75, `line longer than 75 octets: ${line}`);
    assert.ok(!/[\r\n]/.test(line), 'bare CR or LF');
  }
  const events = [];
  let event;
  let alarm = false;
  for (const line of text.slice(0, -2).replace(/\r\n[ \t]/g, '').split('\r\n')) {
    if (line === 'BEGIN:VEVENT') event = { alarms: 0 };
    else if (line === 'END:VEVENT') events.push(event);
    else if (line === 'BEGIN:VALARM') (alarm = true), event.alarms++;
    else if (line === 'END:VALARM') alarm = false;
    else if (event && !alarm) {
      const colon = line.indexOf(':');
      event[line.slice(0, colon)] = line.slice(colon + 1);
    }
  }
  return events;
}

/** Downloads the .ics file and checks it against the plan on screen. */
async function checkCalendar(page, label) {
  const ahead = await deadlinesAhead(page);
  const [download] = await Promise.all([page.waitForEvent('download'), tap(page, label)]);
  assert.equal(download.suggestedFilename(), 'cardhelp-deadlines.ics');
  const ics = await readFile(await download.path(), 'utf8');
  const all = readIcs(ics);
  // A deadline whose last day to mail is still ahead also has an event on that day.
  const mailEvents = all.filter((e) => e.UID.includes('_mail_by-'));
  const calendarEvents = all.filter((e) => !mailEvents.includes(e));
  assert.deepEqual(calendarEvents.map((e) => e['DTSTART;VALUE=DATE']), ahead.map((d) => d.date));
  calendarEvents.forEach((e, i) => {
    // A short title that says who acts ("You: dispute must arrive"); the summary follows.
    assert.match(unescape(e.SUMMARY), /^[^:]+: \S/);
    assert.ok(unescape(e.DESCRIPTION).startsWith(ahead[i].summary), `${e.DESCRIPTION} / ${ahead[i].summary}`);
  });
  for (const e of all) {
    assert.ok(e.alarms >= 1);
    assert.match(e.UID, /^[a-z_]+-\d{8}@cardhelp$/);
  }
  return { ics, calendarEvents, mailEvents };
}

/** Makes a share link, opens it in a fresh browser context and expects the same plan. */
async function checkShareLink(page, label, personal) {
  await tap(page, label);
  const link = await widget(page).locator('#ch-link').inputValue();
  assert.ok(link.startsWith(`${env.server.url}#cardhelp=v=1&`), link);
  // Only the fragment is the cardholder's: the server's random port may hold any digits.
  const fragment = link.slice(link.indexOf('#'));
  for (const secret of personal) assert.ok(!fragment.includes(secret), `the link carries ${secret}`);
  // All its text, whichever disclosures the reader opened.
  const plan = await widget(page).locator('.ch-plan').textContent();

  const fresh = await open(link);
  await widget(fresh).locator('.ch-plan').waitFor();
  assert.equal(await widget(fresh).locator('.ch-plan').textContent(), plan);
  await check(fresh, 'the shared plan');
  assert.deepEqual(await storageUsed(fresh), NOTHING_STORED, 'opening a link stores nothing');
  assert.deepEqual(fresh.problems, []);
  await fresh.context().close();
}

const NOTHING_STORED = { local: 0, session: 0, cookies: '', databases: 0 };

/** What the page has written to every kind of browser storage. */
function storageUsed(page) {
  return page.evaluate(async () => ({
    local: localStorage.length,
    session: sessionStorage.length,
    cookies: document.cookie,
    databases: (await indexedDB.databases()).length,
  }));
}

test('an unauthorized charge, typed: a bad date, the plan, the letter, the calendar, printing, sharing and saving', async () => {
  const page = await open();
  // Zero network: once the page's own assets have loaded, nothing on this whole path (typing,
  // questions, plan, letter, copy, print, calendar, share, save, forget) makes a request.
  const served = env.server.requests.length;
  const requests = [];
  page.on('request', (r) => requests.push({ url: r.url(), what: `${r.method()} ${r.resourceType()} ${r.url()}` }));
  await widget(page).getByLabel('Tell us what happened').fill("There's a charge on my card I didn't make");
  const suggestion = widget(page).locator('.ch-suggest');
  assert.match(await suggestion.innerText(), /This sounds like:[\s\S]*Because you wrote: charge/);
  await check(page, 'the start', '1-start');
  await suggestion.getByRole('button', { name: "A charge I didn't make", exact: true }).click();
  await onStep(page, 'Do you still have the card?');
  await check(page, 'the first question', '2-question');
  await tap(page, 'No');

  // A date that does not exist, typed the way people type it: refused, tied to the field.
  await onStep(page, 'When was the first statement with the problem sent?');
  const date = widget(page).locator('#ch-q-date');
  await date.click();
  await page.keyboard.type('02302026');
  await tap(page, 'Continue');
  await widget(page).locator('#ch-q-err').waitFor();
  assert.equal(await date.getAttribute('aria-invalid'), 'true');
  assert.match(await date.getAttribute('aria-describedby'), /ch-q-err/);
  assert.equal(await date.evaluate((el) => el.getRootNode().activeElement === el), true, 'focus back on the field');
  await check(page, 'the date error', '3-date-error');
  await date.fill('2026-02-10');
  await tap(page, 'Continue');
  // The charge's date, then "already sent a dispute?": skipped.
  await onStep(page, 'What date was the charge made?');
  await skipToPlan(page);

  await onStep(page, 'Your plan');
  await check(page, 'the plan', '4-plan');
  assert.equal(await widget(page).locator('.ch-urgency-label').textContent(), 'Act today');
  assert.equal(await drawnUrgent(page), true);
  assert.equal(await widget(page).locator('.ch-now a').getAttribute('href'), 'tel:8005550199');
  const deadline = widget(page).locator('.ch-dl').first();
  assert.match(await deadline.innerText(), /April 11, 2026 · 40 days left/);
  // How it was counted and the rule are one tap away, each cited law its own link.
  await deadline.getByText('How this date is counted').click();
  assert.equal(await deadline.getByRole('link').first().getAttribute('href'), 'https://www.ecfr.gov/current/title-12/section-1026.13');
  // The focused heading says the plan is here; no status note repeats it.
  assert.equal((await widget(page).locator('.ch-status').textContent()).trim(), '');
  await widget(page).getByLabel('Lock the card in the app or your online account.').check();
  await check(page, 'the deadlines', '5-deadlines', widget(page).locator('h3', { hasText: 'Your dates' }));

  // The letter, one tap away: prefilled from the plan and the host, completed on the device.
  await widget(page).getByText('Write your letter').click();
  const letter = widget(page).locator('.ch-letter-text');
  assert.match(await letter.textContent(), /\[your full name\]/);
  assert.match(await letter.textContent(), /statement dated February 10, 2026/);
  await widget(page).getByLabel('Your full name').fill('Ana Rivera');
  await widget(page).getByLabel('Last 4 digits of your card').fill('12345');
  const last4 = widget(page).getByLabel('Last 4 digits of your card');
  assert.equal(await last4.getAttribute('aria-invalid'), 'true');
  assert.equal(await widget(page).locator('#ch-f-last4-err').textContent(), 'Enter only the last 4 digits of your card number.');
  // Typing on in a field the engine already flags keeps it flagged.
  await last4.press('End');
  await page.keyboard.type('6');
  assert.equal(await last4.getAttribute('aria-invalid'), 'true');
  await last4.fill('4321');
  // A date retyped as one that doesn't exist is flagged on the field with its error, and the
  // letter shows it blank, never the date caught partway through the typing.
  const chargeDate = widget(page).getByLabel('Date of the charge');
  await chargeDate.fill('2026-02-03');
  await chargeDate.focus();
  await page.keyboard.type('02302026');
  assert.equal(await chargeDate.getAttribute('aria-invalid'), 'true');
  assert.equal(await chargeDate.evaluate((el) => el.validationMessage), 'Enter a real date between 1990 and 2100.');
  assert.equal(await widget(page).locator('#ch-f-charge_date-err').textContent(), 'Enter a real date between 1990 and 2100.');
  assert.match(await letter.textContent(), /Date of the charge: \[date of the charge\]/);
  await chargeDate.fill('2026-02-03');
  assert.equal(await chargeDate.getAttribute('aria-invalid'), null);
  assert.equal(await chargeDate.evaluate((el) => el.validationMessage), '');
  await widget(page).getByLabel('Amount (US$)').fill('249.99');
  await widget(page).getByLabel('Merchant or description').fill('ACME ONLINE');
  const body = await letter.textContent();
  for (const part of ['Ana Rivera', 'account ending in 4321', 'February 3, 2026', '$249.99', 'ACME ONLINE']) {
    assert.ok(body.includes(part), `${part} missing from the letter`);
  }
  assert.match(await widget(page).locator('.ch-missing').textContent(), /Your mailing address/);
  assert.match(await widget(page).locator('.ch-letter').innerText(), /receives it by April 11, 2026/);
  await check(page, 'the letter', '6-letter', widget(page).locator('.ch-letter h4', { hasText: 'Preview' }));

  // Still no sideways scrolling on the narrowest phones.
  await page.setViewportSize({ width: 320, height: 640 });
  assert.ok((await overflow(page)) <= 0, 'the plan scrolls sideways at 320px');
  await page.setViewportSize(PHONE);
  await tap(page, 'Copy letter');
  await widget(page).locator('.ch-status', { hasText: 'Copied.' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), body);

  // Printing builds a same-origin frame with the widget's stylesheet and the plan alone.
  await tap(page, 'Print or save as PDF');
  const printed = await page.waitForFunction(() => {
    const frame = document.querySelector('card-help').shadowRoot.querySelector('iframe.ch-print-frame');
    const doc = frame?.contentDocument;
    return doc?.readyState === 'complete' && doc.adoptedStyleSheets.length > 0 && doc.body.innerText;
  });
  const printText = await printed.jsonValue();
  assert.match(printText, /Your plan/);
  assert.match(printText, /April 11, 2026/);
  assert.match(printText, /Prepared on March 2, 2026/);
  assert.doesNotMatch(printText, /Ana Rivera/, 'the plan print leaves the letter out');

  const { ics, calendarEvents, mailEvents } = await checkCalendar(page, 'Add dates to my calendar (.ics)');
  assert.equal(calendarEvents.length, 1);
  assert.equal(unescape(calendarEvents[0].SUMMARY), 'You: dispute must arrive');
  assert.deepEqual(mailEvents.map((e) => [e['DTSTART;VALUE=DATE'], unescape(e.SUMMARY)]), [['20260403', 'You: last day to mail your dispute']]);
  assert.ok(ics.includes('12 CFR 1026.13(b)(1)\\; 15 USC 1666(a)'), 'TEXT is escaped');
  assert.match(unescape(calendarEvents[0].DESCRIPTION), /April 3, 2026: Mailing it\?/);

  assert.deepEqual(await storageUsed(page), NOTHING_STORED, 'nothing is stored before the cardholder chooses to save');
  // (The share link below opens the page afresh in another context, which loads it again.)
  assert.deepEqual(env.server.requests.slice(served), [], 'nothing reached the server after the page loaded');
  await checkShareLink(page, 'Get a link to this plan', ['Rivera', '4321', '249', 'ACME']);
  await tap(page, 'Save on this device');
  await widget(page).locator('.ch-saved').waitFor();
  assert.equal((await storageUsed(page)).local, 1);
  assert.doesNotMatch(await page.evaluate(() => localStorage.getItem('cardhelp')), /Rivera|4321/);
  await check(page, 'the saved plan');
  // Forget asks once: its control opens the question, and only "yes" removes the copy.
  await widget(page).locator('.ch-saved summary', { hasText: 'Forget this' }).click();
  await tap(page, 'Yes, forget it');
  assert.deepEqual(await storageUsed(page), NOTHING_STORED, 'forget removes everything');
  assert.deepEqual(requests.map((r) => r.what), [], 'no request after the page loaded');

  const reported = await events(page);
  const names = reported.map(([n]) => n);
  assert.ok(reported.some(([n, d]) => n === 'topic' && d.includes('"source":"text"')), 'the topic came from the words');
  for (const name of ['topic', 'plan', 'letter', 'print', 'calendar', 'share', 'storage']) {
    assert.ok(names.includes(name), `no ${name} event in ${names}`);
  }
  for (const [, detail] of reported) {
    assert.doesNotMatch(detail, /Rivera|4321|249|ACME|2026-02|charge on my card/, 'events carry ids only');
  }
  // The pinned clock is a script Playwright adds to every frame: the print frame's sandbox
  // (no scripts) blocks it there, as it should.
  const sandboxed = "in 'about:blank' because the document's frame is sandboxed";
  assert.deepEqual(page.problems.filter((p) => !p.includes(sandboxed)), []);
  await page.context().close();
});

test('a late fee, tapped: the plan, the billing-error notice, the calendar and the share link', async () => {
  const page = await open();
  await tap(page, /^A fee or interest I didn't expect/);
  await onStep(page, 'Which charge is it?');
  await check(page, 'the fee question');
  await tap(page, 'Late fee');
  // A late fee is a payment question first: how and when it was paid.
  await onStep(page, 'How did you pay?');
  await check(page, 'the payment question');
  await tap(page, 'By mail');
  await onStep(page, 'When is (or was) the payment due?');
  await widget(page).locator('#ch-q-date').fill('2026-02-20');
  await tap(page, 'Continue');
  await onStep(page, 'Do you think the issuer made a mistake?');
  await tap(page, 'Yes');
  await onStep(page, 'When was the first statement with the problem sent?');
  await widget(page).locator('#ch-q-date').fill('2026-02-12');
  await tap(page, 'Continue');
  await skipToPlan(page);

  await onStep(page, 'Your plan');
  await check(page, 'the plan');
  await page.emulateMedia({ colorScheme: 'dark' });
  await check(page, 'the plan in the dark color scheme');
  await page.emulateMedia({ colorScheme: 'light' });
  assert.equal(await widget(page).locator('.ch-urgency-label').textContent(), 'Act soon');
  assert.equal(await drawnUrgent(page), false);
  assert.match(await widget(page).locator('.ch-now').innerText(), /\(800\) 555-0100/);
  assert.match(await widget(page).locator('.ch-timeline').innerText(), /April 13, 2026 · 42 days left/);
  // The mailed payment's date is shown too, counted by the mail rule.
  assert.match(await widget(page).locator('.ch-timeline').innerText(), /February 20, 2026 · Passed/);
  await widget(page).getByText('Write your letter').click();
  assert.match(await widget(page).locator('.ch-letter-text').textContent(), /Northwind Bank\nBilling Inquiries/);
  await widget(page).getByLabel("What's wrong with it").selectOption('computation_error');
  assert.match(await widget(page).locator('.ch-letter-text').textContent(), /computation or accounting error/);
  await check(page, 'the letter');
  const [download] = await Promise.all([page.waitForEvent('download'), tap(page, 'Download letter (.txt)')]);
  assert.equal(download.suggestedFilename(), 'billing_error_notice.txt');
  assert.equal(await readFile(await download.path(), 'utf8'), await widget(page).locator('.ch-letter-text').textContent());

  const { calendarEvents } = await checkCalendar(page, 'Add dates to my calendar (.ics)');
  assert.equal(calendarEvents[0]['DTSTART;VALUE=DATE'], '20260413');
  await checkShareLink(page, 'Get a link to this plan', []);
  assert.deepEqual(await storageUsed(page), NOTHING_STORED);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('identity theft, in Spanish: the plan, the letter, the calendar and the share link', async () => {
  const page = await open();
  await tap(page, 'Español');
  await widget(page).locator('h2', { hasText: 'Ayuda con su tarjeta' }).waitFor();
  await check(page, 'the start in Spanish', '7-inicio');
  await tap(page, /^Robo de identidad/);
  await onStep(page, '¿Qué encontró?');
  await check(page, 'the first question in Spanish');
  await tap(page, 'Cargos en mi propia tarjeta');
  await onStep(page, '¿Esa cuenta es de esta compañía de tarjetas o de otra compañía?');
  await tap(page, 'Con esta compañía de tarjetas');
  await onStep(page, '¿Ya protegió su crédito?');
  await tap(page, 'Las dos cosas');
  await onStep(page, '¿Cuándo pidió la alerta de fraude?');
  await widget(page).locator('#ch-q-date').fill('2026-02-20');
  await tap(page, 'Continuar');
  await onStep(page, '¿Cuándo pidió el congelamiento?');
  await widget(page).locator('#ch-q-date').fill('2026-02-25');
  await tap(page, 'Continuar');
  await onStep(page, '¿Cómo pidió el congelamiento?');
  await tap(page, 'En línea');
  // The charges on the card are a billing error too: its questions, skipped.
  await skipToPlan(page, 'Omitir: no lo sé', 'Su plan');

  await onStep(page, 'Su plan');
  await check(page, 'the plan in Spanish', '8-plan-es');
  assert.equal(await widget(page).locator('.ch-urgency-label').textContent(), 'Actúe hoy');
  const timeline = await widget(page).locator('.ch-timeline').innerText();
  assert.match(timeline, /26 de febrero de 2026 · Ya pasó/);
  // The alert's year begins on the day it was placed: it lasts through the day before
  // the anniversary.
  assert.match(timeline, /19 de febrero de 2027 · Quedan 354 días/);
  await widget(page).getByText('Redactar su carta').click();
  assert.match(await widget(page).locator('.ch-letter-text').textContent(), /Aviso de error de facturación/);
  await widget(page).getByLabel('Su nombre completo').fill('Ana Rivera');
  await check(page, 'the letter in Spanish');

  const { calendarEvents } = await checkCalendar(page, 'Agregar fechas a mi calendario (.ics)');
  assert.deepEqual(calendarEvents.map((e) => e['DTSTART;VALUE=DATE']), ['20270219']);
  assert.match(unescape(calendarEvents[0].SUMMARY), /alerta de fraude/i);
  await checkShareLink(page, 'Obtener un enlace a este plan', ['Rivera']);

  // The language switches back and forth without losing anything.
  await tap(page, 'English');
  await widget(page).locator('.ch-step-h', { hasText: 'Your plan' }).waitFor();
  assert.match(await widget(page).locator('.ch-timeline').innerText(), /February 19, 2027 · 354 days left/);
  assert.equal(await widget(page).getByLabel('Your full name').inputValue(), 'Ana Rivera');
  assert.deepEqual(await storageUsed(page), NOTHING_STORED);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
