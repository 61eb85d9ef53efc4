// The configurator (dist/configure.html): a form for every config key, checked live with the
// widget's own messages, a live preview, and a snippet to copy. Driven like an operator would:
// typed key by key, a mistake seen on its field, fixed, the preview and the snippet following.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveAndLaunch, openPage, widgetReady, axe, overflow, screenshot, root, VIEWPORTS } from './harness.mjs';

const env = serveAndLaunch();
const [phone, desktop] = VIEWPORTS;

async function configurator(viewport, options) {
  const page = await openPage(env.browser, viewport, `${env.server.url}configure.html`, options);
  await widgetReady(page, '#preview');
  await page.locator('#form-problems', { hasText: 'No problems' }).waitFor();
  return page;
}

/** Types `text` into the field labelled `label`, one key at a time, as a person does. */
async function type(page, label, text) {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  await input.pressSequentially(text, { delay: 30 });
  return input;
}

/** Clears the field labelled `label` the way a person does: select all, delete. */
async function clear(page, label) {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  await input.press('ControlOrMeta+a');
  await input.press('Backspace');
}

/** Config paths of the schema's leaves: every key a form field must exist for. */
function schemaLeaves(schema, prefix = '') {
  return Object.entries(schema.properties ?? {}).flatMap(([key, value]) => {
    if (key === '$schema') return [];
    const path = `${prefix}${key}`;
    return value.properties ? schemaLeaves(value, `${path}.`) : [path];
  });
}

/** The console errors that are not the widget's own config messages. */
const unexpected = (page) => page.problems.filter((p) => !p.startsWith('console: cardhelp config:'));

test('the configurator has a field for every key in the config schema', async () => {
  const page = await configurator(desktop);
  const schema = JSON.parse(readFileSync(join(root, 'www/cardhelp.config.schema.json'), 'utf8'));
  const leaves = schemaLeaves(schema);
  assert.ok(leaves.length >= 20, leaves.join(' '));
  const missing = await page.evaluate((paths) => paths.filter((p) => !document.querySelector(`[data-path="${p}"]`)), leaves);
  assert.deepEqual(missing, []);
  // The schema served beside the widget is the checked-in one.
  const served = await page.evaluate(() => fetch('cardhelp.config.schema.json').then((r) => r.json()));
  assert.deepEqual(served, schema);
  await page.context().close();
});

test('a mistake typed key by key is shown on its field with the widget\'s message, fixed, and the preview and snippet follow', async () => {
  const page = await configurator(phone, { clipboard: true, now: new Date('2026-03-02T10:00:00') });
  const number = 'Number, as cardholders should see it (an extension may follow: "ext. 12" or "x12")';
  const fraud = page.locator('fieldset[data-line=fraud]');

  await type(page, 'Name cardholders know you by', 'Northwind Bank');
  await fraud.getByLabel(number).pressSequentially('1-800-FLOWERS', { delay: 30 });
  const error = page.locator('#error-phones-fraud-number');
  await error.filter({ hasText: 'letters are not allowed' }).waitFor();
  assert.equal(await fraud.getByLabel(number).getAttribute('aria-invalid'), 'true');
  assert.match(await page.locator('#form-problems').textContent(), /1 problem to fix/);
  assert.deepEqual(
    await page.evaluate(() => document.getElementById('preview').problems.map((p) => p.field)),
    ['phones.fraud.number'],
    'the preview widget lists the same problem',
  );
  await screenshot(page, 'configure-error-phone');

  // Fixed: select all, delete, type the real number with its extension.
  await fraud.getByLabel(number).press('ControlOrMeta+a');
  await fraud.getByLabel(number).press('Backspace');
  await fraud.getByLabel(number).pressSequentially('1-800-555-0199 ext. 12', { delay: 30 });
  await error.waitFor({ state: 'hidden' });
  assert.equal(await fraud.getByLabel(number).getAttribute('aria-invalid'), null);
  await page.locator('#form-problems', { hasText: 'No problems' }).waitFor();

  // A relative link is told what to do, on its own field.
  await type(page, 'Online dispute form', 'bank.example/dispute');
  await page.locator('#error-dispute_form_url', { hasText: 'must be absolute' }).waitFor();
  await clear(page, 'Online dispute form');
  await type(page, 'Online dispute form', 'https://bank.example/dispute');
  await page.locator('#error-dispute_form_url').waitFor({ state: 'hidden' });

  // The snippet carries exactly the config typed, ready to paste.
  const snippet = await page.locator('#snippet').textContent();
  assert.match(snippet, /^<script type="module" async src="http:\/\/127\.0\.0\.1:\d+\/cardhelp\.js"><\/script>\n<card-help>/);
  const json = snippet.slice(snippet.indexOf('{'), snippet.lastIndexOf('}') + 1);
  assert.deepEqual(JSON.parse(json), {
    issuer_name: 'Northwind Bank',
    phones: { fraud: { number: '1-800-555-0199 ext. 12' } },
    dispute_form_url: 'https://bank.example/dispute',
  });
  await page.getByRole('button', { name: 'Copy the snippet' }).click();
  await page.locator('#copied', { hasText: 'Copied.' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), snippet);

  // The preview uses it: a charge the cardholder didn't make, straight to the plan.
  await page.getByLabel('Open the preview on a topic').selectOption('unauthorized_charge');
  const widget = page.locator('#preview');
  const plan = widget.locator('.ch-step-h', { hasText: 'Your plan' });
  const skip = widget.getByRole('button', { name: "Skip: I don't know" });
  for (;;) {
    await plan.or(skip).first().waitFor();
    if (await plan.count()) break;
    await skip.click();
  }
  const call = widget.locator('a[href^="tel:"]').first();
  assert.equal(await call.getAttribute('href'), 'tel:18005550199,12');
  assert.match(await call.textContent(), /1-800-555-0199 ext\. 12/);
  await screenshot(page, 'configure-preview-plan');

  assert.equal(await overflow(page), 0, 'no sideways scrolling on a phone');
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(unexpected(page), []);
  await page.context().close();
});

test('lists, choices and a value that could close the script element', async () => {
  const page = await configurator(desktop);
  await type(page, 'Extra days you are closed, one per line (YYYY-MM-DD)', '2026-11-27\n2026-02-30');
  await page.locator('#error-calendar-closed_days', { hasText: 'calendar.closed_days[1]: "2026-02-30" is not a real date' }).waitFor();
  await page.getByRole('checkbox', { name: 'Saturday' }).check();
  await page.getByLabel('Language shown first').selectOption('es');
  await page.getByRole('checkbox', { name: /identity_theft/ }).uncheck();
  await type(page, 'Name cardholders know you by', 'Bank </script><b>');
  const snippet = await page.locator('#snippet').textContent();
  assert.ok(!snippet.includes('</script><b>'), 'the value cannot end the script element');
  const json = JSON.parse(snippet.slice(snippet.indexOf('{'), snippet.lastIndexOf('}') + 1));
  assert.equal(json.issuer_name, 'Bank </script><b>');
  assert.deepEqual(json.calendar, { closed_days: ['2026-11-27', '2026-02-30'], open_weekdays: ['saturday'] });
  assert.equal(json.default_locale, 'es');
  assert.equal(json.topics.length, 11);
  assert.ok(!json.topics.includes('identity_theft'));
  // The preview follows: Spanish first, without the identity-theft tile.
  await page.locator('#preview section[lang=es]').waitFor();
  assert.equal(await page.locator('#preview .ch-tile').count(), 11);
  await page.locator('#closed_days').scrollIntoViewIfNeeded();
  await screenshot(page, 'configure-desktop', { fullPage: false });
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(unexpected(page), []);
  await page.context().close();
});
