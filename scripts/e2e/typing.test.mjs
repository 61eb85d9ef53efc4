// Typing the way people type: key by key, with a pause between keys, on a 390x844 touch
// screen. Every text and date field of the widget and of its letters must keep each key and
// keep the focus while the widget re-renders around it (a suggestion box appearing, a letter
// preview changing, a field's error coming and going): a field re-created under the fingers
// loses the rest of the words and, on a phone, closes the keyboard. Filling a field in one
// step, as the other tests do, cannot see this.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serveAndLaunch, widgetReady } from './harness.mjs';

const PHONE = { width: 390, height: 844 };
/** "Today": Monday, March 2, 2026. */
const NOW = new Date('2026-03-02T15:00:00Z');
/** A person typing at an ordinary pace. */
const DELAY = 80;

const env = serveAndLaunch();

/** The demo page on a phone-sized touch screen, the widget ready; `hash` opens a share link. */
async function open(hash = '') {
  const context = await env.browser.newContext({
    viewport: PHONE,
    hasTouch: true,
    isMobile: true,
    reducedMotion: 'reduce',
  });
  await context.clock.setFixedTime(NOW);
  const page = await context.newPage();
  page.problems = [];
  page.on('console', (m) => m.type() === 'error' && page.problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => page.problems.push(`exception: ${e.message}`));
  await page.goto(env.server.url + hash);
  await widgetReady(page);
  return page;
}

const widget = (page) => page.locator('card-help');

/**
 * Types `text` into `field` one key at a time, after tapping it (or, for a date, focusing its
 * first part), and checks the same element is still in the page, holds `expected` and still
 * has the focus, looked up through the shadow root.
 */
async function typeKeyByKey(page, field, text, expected, what) {
  await field.scrollIntoViewIfNeeded();
  const date = (await field.getAttribute('type')) === 'date';
  if (date) await field.focus();
  else await field.tap();
  // Replace what the field held (a prefilled value), as a person selecting it would.
  if (!date) await page.keyboard.press('ControlOrMeta+a');
  const node = await field.elementHandle();
  await page.keyboard.type(text, { delay: DELAY });
  const after = await node.evaluate((el) => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return {
      connected: el.isConnected,
      value: el.value,
      focused: active === el,
      active: active ? `${active.localName}${active.id ? `#${active.id}` : ''}` : 'nothing',
    };
  });
  assert.equal(after.connected, true, `${what}: the field was replaced while typing`);
  assert.equal(after.value, expected, `${what}: the field lost keys`);
  assert.equal(after.focused, true, `${what}: the focus moved to ${after.active}`);
}

for (const [locale, label, story] of [
  ['en', 'Tell us what happened', 'I was charged twice for the same dinner'],
  ['es', 'Cuéntenos qué pasó', 'Me cobraron dos veces la misma cena'],
]) {
  test(`the story box (${locale}) keeps every key and the focus while suggestions appear`, async () => {
    const page = await open();
    if (locale === 'es') await widget(page).getByRole('button', { name: 'Español' }).tap();
    const box = widget(page).getByLabel(label);
    await typeKeyByKey(page, box, story, story, 'the story box');
    // The suggestions did appear meanwhile: the re-render the field has to survive.
    await widget(page).locator('.ch-suggest').waitFor();
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
}

test('every date question takes a date typed key by key, with separators', async () => {
  const page = await open();
  const tiles = widget(page).locator('.ch-tile');
  const count = await tiles.count();
  assert.ok(count >= 10, `${count} topic tiles`);
  let typed = 0;
  for (let i = 0; i < count; i += 1) {
    const title = await tiles.nth(i).locator('strong').textContent();
    await tiles.nth(i).tap();
    // Walk the topic's questions: type every date, skip every other question.
    for (let step = 0; step < 12; step += 1) {
      const heading = widget(page).locator('.ch-step-h');
      await heading.waitFor();
      if (await widget(page).locator('.ch-plan').count()) break;
      const prompt = await heading.innerText();
      const date = widget(page).locator('#ch-q-date');
      if (await date.count()) {
        await typeKeyByKey(page, date, '02/10/2026', '2026-02-10', `${title}: "${prompt}"`);
        typed += 1;
        await widget(page).getByRole('button', { name: 'Continue', exact: true }).tap();
      } else {
        await widget(page).getByRole('button', { name: "Skip: I don't know", exact: true }).tap();
      }
      await heading.filter({ hasNotText: prompt }).first().waitFor();
    }
    await widget(page).locator('.ch-plan').waitFor();
    // Start over asks once: its control opens the question, "yes" starts over.
    await widget(page).locator('.ch-nav summary', { hasText: 'Start over' }).tap();
    await widget(page).getByRole('button', { name: 'Yes, start over', exact: true }).tap();
    await widget(page).locator('.ch-tile').first().waitFor();
  }
  assert.ok(typed >= 5, `only ${typed} date questions were typed into`);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

/** What to type into each letter field, by its slot id, and what the field then holds. */
const LETTER_INPUT = {
  name: ['Ana María López', 'Ana María López'],
  address: ['12 Elm St, Springfield, IL 62701', '12 Elm St, Springfield, IL 62701'],
  last4: ['4242', '4242'],
  charge_date: ['02/03/2026', '2026-02-03'],
  amount: ['84.20', '84.20'],
  merchant: ['Blue Door Diner', 'Blue Door Diner'],
  details: ['The same dinner was charged twice.', 'The same dinner was charged twice.'],
  statement_date: ['02/10/2026', '2026-02-10'],
  notice_date: ['02/20/2026', '2026-02-20'],
  issuer_name: ['Northwind Bank', 'Northwind Bank'],
  issuer_address: ['PO Box 7, Wilmington, DE', 'PO Box 7, Wilmington, DE'],
  billing_error_address: ['PO Box 100, Wilmington, DE', 'PO Box 100, Wilmington, DE'],
};

// Share links open these plans directly, with the dates their letters' deadlines count
// from: a payment not credited (billing-error notice), a duplicate payment (credit-balance
// refund request), a credit line cut whose notice gave no reasons (the request for the
// reasons) and a charge whose 60 days have passed (the plain request to look into it).
for (const hash of [
  '#cardhelp=v=1&t=payment_issue&l=en&a.payment_problem=not_posted&f.statement_sent=2026-02-10',
  '#cardhelp=v=1&t=payment_issue&l=en&a.payment_problem=paid_twice',
  '#cardhelp=v=1&t=credit_limit_application&l=en&a.limit_event=limit_cut&a.notice_gave_reasons=no&f.adverse_action_notice_date=2026-02-20',
  '#cardhelp=v=1&t=billing_dispute&l=en&a.made_purchase=yes&f.statement_sent=2025-11-03',
]) {
  test(`every letter field takes text typed key by key (${hash.split('&').slice(1, 4).join(' ')})`, async () => {
    const page = await open(hash);
    await widget(page).getByText('Write your letter').click();
    const letter = widget(page).locator('.ch-letter');
    await letter.waitFor();
    const tabs = letter.locator('.ch-options button');
    const kinds = Math.max(1, await tabs.count());
    let typed = 0;
    for (let k = 0; k < kinds; k += 1) {
      if (await tabs.count()) await tabs.nth(k).tap();
      const name = await letter.locator('h4').first().textContent();
      // Choices first, so the last key typed can complete the letter (and change the form).
      for (const select of await letter.locator('select').all()) {
        const options = await select.locator('option').all();
        await select.selectOption({ index: options.length - 1 });
      }
      const fields = letter.locator('input, textarea');
      for (let i = 0; i < (await fields.count()); i += 1) {
        const field = fields.nth(i);
        const id = (await field.getAttribute('id')).replace(/^ch-f-/, '');
        const input = LETTER_INPUT[id];
        assert.ok(input, `no input planned for the letter field ${id}`);
        await typeKeyByKey(page, field, input[0], input[1], `${name}: ${id}`);
        typed += 1;
      }
      // Everything is filled in: the letter no longer lists blanks.
      const blanks = letter.locator('.ch-missing');
      assert.equal(await blanks.count(), 0, `${name}: ${(await blanks.count()) && (await blanks.textContent())}`);
    }
    assert.ok(typed >= 5, `only ${typed} letter fields were typed into`);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
}
