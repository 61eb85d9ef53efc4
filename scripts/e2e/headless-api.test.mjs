// The headless API as the README documents it: every function importable from the module and
// on window.cardhelp, classify() refusing what is not text with a clear error, questions(),
// deadlines(), plan() and classify() giving what the CLI gives (plan and classify key for key,
// in the CLI's order), a case's calendar adding to the config's, and the widget's plan events
// naming the deadlines the API's plan() returns for the same case.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { serve, launch, widgetReady, recordEvents, root, VIEWPORTS } from './harness.mjs';

const cli = join(root, 'target/debug/cardhelp');
const CONFIG = { issuer_name: 'Northwind Bank', calendar: { closed_days: ['2026-03-16'] } };
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>host</title>
<link rel="icon" href="data:,"><script type="module" src="/cardhelp.js"></script></head>
<body><main><card-help today="2026-03-02" config='${JSON.stringify(CONFIG)}'></card-help></main></body></html>`;

let server;
let browser;
before(async () => {
  server = await serve(undefined, '/', { pages: { '/api.html': PAGE } });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path = 'api.html') {
  const context = await browser.newContext({ viewport: VIEWPORTS[0] });
  await recordEvents(context);
  const page = await context.newPage();
  page.problems = [];
  page.on('console', (m) => m.type() === 'error' && page.problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => page.problems.push(`exception: ${e.message}`));
  await page.goto(`${server.url}${path}`);
  await widgetReady(page);
  return page;
}

/** What the CLI prints for `input` on `command`, parsed. */
const run = (command, input) => JSON.parse(execFileSync(cli, [command], { input: JSON.stringify(input) }).toString());

test('classify() refuses anything but text with a clear error, and keeps working', async () => {
  const page = await open();
  const refusals = await page.evaluate(async () => {
    const { classify } = await import('/cardhelp.js');
    const bad = [42, null, undefined, {}, ['lost card'], true, { toString() { throw new Error('host'); } }];
    return Promise.all(bad.map((v) => classify(v).then(() => 'resolved', (e) => `${e.constructor.name}: ${e.message}`)));
  });
  assert.deepEqual(refusals, [
    'Error: text: expected a string, found a number',
    'Error: text: expected a string, found null',
    'Error: text: expected a string, found undefined',
    'Error: text: expected a string, found an object',
    'Error: text: expected a string, found a list',
    'Error: text: expected a string, found a boolean',
    'Error: text: expected a string, found an object',
  ]);
  const top = await page.evaluate(async () => (await window.cardhelp.classify('I lost my card')).topics[0].topic);
  assert.equal(top, 'card_problem');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('questions() and deadlines() are exported as documented and give what the CLI gives', async () => {
  const page = await open();
  const c = { today: '2026-02-10', topic: 'billing_dispute', answers: { made_purchase: 'yes' } };
  const [fromModule, fromGlobal] = await page.evaluate(async (c) => {
    const api = await import('/cardhelp.js');
    return [await api.questions(c), await window.cardhelp.questions(c)];
  }, c);
  assert.deepEqual(fromModule, run('questions', c));
  assert.deepEqual(fromGlobal, fromModule);
  const bad = await page.evaluate(() => window.cardhelp.questions({ today: 'soon' }).then(() => 'resolved', (e) => e.message));
  assert.match(bad, /^today: /);

  // deadlines(facts, options) is the plan's `deadlines` for those facts, nothing else.
  const facts = { due_date: '2026-03-16', payment_method: 'mail' };
  const options = { today: '2026-03-02', calendar: { closed_days: ['2026-03-17'] }, config: CONFIG };
  const deadlines = await page.evaluate(([f, o]) => window.cardhelp.deadlines(f, o), [facts, options]);
  assert.deepEqual(deadlines, run('plan', { ...options, facts }).deadlines);
  // The case's closed day joins the config's: Monday 16 and Tuesday 17 closed, Wednesday.
  assert.deepEqual(deadlines.map((d) => [d.id, d.date]), [['payment_on_time', '2026-03-18']]);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('plan() and classify() give what the CLI prints, keys in the same order', async () => {
  const page = await open();
  const c = {
    today: '2026-03-02', topic: 'billing_dispute', config: CONFIG,
    answers: { made_purchase: 'yes', statement_sent: '2026-01-15', notice_sent: 'yes', notice_received: '2026-02-03' },
  };
  const text = 'I was charged twice for the same purchase';
  const [plan, classification] = await page.evaluate(async ([c, text]) => [
    JSON.stringify(await window.cardhelp.plan(c)),
    JSON.stringify(await window.cardhelp.classify(text)),
  ], [c, text]);
  assert.equal(plan, JSON.stringify(run('plan', c)));
  const line = execFileSync(cli, ['classify'], { input: `${JSON.stringify({ text })}\n` }).toString().trim();
  assert.equal(classification, line);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("the widget's plan event names the deadlines plan() gives for the same case", async () => {
  const link = 'v=1&t=billing_dispute&l=en&a.made_purchase=yes&a.statement_sent=2026-01-15'
    + '&a.notice_sent=yes&a.notice_received=2026-02-03';
  const page = await open(`api.html#cardhelp=${link}`);
  await page.locator('card-help .ch-step-h', { hasText: 'Your plan' }).waitFor();
  const event = await page.evaluate(() => window.__cardhelpEvents.find((e) => e.name === 'cardhelp:plan').detail);
  const answers = Object.fromEntries([...new URLSearchParams(link)]
    .filter(([k]) => k.startsWith('a.')).map(([k, v]) => [k.slice(2), v]));
  const c = { today: '2026-03-02', topic: 'billing_dispute', answers, config: CONFIG };
  const plan = await page.evaluate((c) => window.cardhelp.plan(c), c);
  assert.deepEqual(event.deadline_ids, plan.deadlines.map((d) => d.id));
  assert.equal(event.deadline_ids.length, 3);
  const shown = await page.locator('card-help .ch-dl').count();
  assert.equal(shown, plan.deadlines.length);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
