// Saved copies and share links belong to one widget: the <card-help> element's id names its
// storage key and its part of the URL fragment. Two widgets on a page never open each
// other's link or saved copy; a site routed by its fragment (#/cards/help) keeps its route;
// a link leaves the address bar once read, so a reload shows the saved copy, not the link.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, widgetReady, recordEvents, VIEWPORTS, skipToPlan, tap } from './harness.mjs';

const head = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>host</title>
<link rel="icon" href="data:,"><script type="module" src="/cardhelp.js"></script></head>`;

/** Two widgets with ids, each starting on its own topic. */
const TWO = `${head}<body><main>
<card-help id="first" today="2026-03-02" topic="rewards_promotions"></card-help>
<card-help id="second" today="2026-03-02" topic="card_problem"></card-help>
</main></body></html>`;

/**
 * A single-page app routed by its fragment, with a router's history state, counting the
 * `hashchange` events a router would act on.
 */
const ROUTED = `${head}<body><main>
<script>
  if (!history.state) history.replaceState({ router: 'help' }, '');
  window.hashChanges = 0;
  addEventListener('hashchange', () => { window.hashChanges += 1; });
</script>
<card-help today="2026-03-02" topic="card_problem"></card-help>
</main></body></html>`;

let server;
let browser;
before(async () => {
  server = await serve(undefined, '/', { pages: { '/two.html': TWO, '/routed.html': ROUTED } });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** A page in a fresh context (fresh storage unless `context` is given), events recorded. */
async function open(path, { context } = {}) {
  const ctx = context ?? await browser.newContext({ viewport: VIEWPORTS[1] });
  if (!context) await recordEvents(ctx);
  const page = await ctx.newPage();
  page.problems = [];
  page.on('console', (m) => m.type() === 'error' && page.problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => page.problems.push(`exception: ${e.message}`));
  await page.goto(`${server.url}${path.replace(/^\//, '')}`);
  return page;
}

/** Every localStorage key and value of the page, sorted by key. */
const stored = (page) => page.evaluate(() => Object.fromEntries(
  Object.keys(localStorage).sort().map((k) => [k, localStorage.getItem(k)]),
));

/** The topics of the `cardhelp:plan` events each widget sent, by element id. */
const plans = (page) => page.evaluate(() => window.__cardhelpEvents
  .filter((e) => e.name === 'cardhelp:plan').map((e) => `${e.target}:${e.detail.topic}`));

test('two widgets with ids keep separate saved copies: saving, reopening and forgetting one leaves the other', async () => {
  const page = await open('/two.html');
  const [first, second] = [page.locator('#first'), page.locator('#second')];
  await widgetReady(page, '#first');
  await widgetReady(page, '#second');
  for (const widget of [first, second]) {
    await skipToPlan(widget);
    await tap(widget, 'Save on this device');
    await widget.locator('.ch-saved').waitFor();
  }
  await first.locator('.ch-checks input').first().check();
  const saved = await stored(page);
  assert.deepEqual(Object.keys(saved), ['cardhelp.first', 'cardhelp.second']);
  assert.match(saved['cardhelp.first'], /^v=1&t=rewards_promotions&.*&c=s0$/);
  assert.match(saved['cardhelp.second'], /^v=1&t=card_problem&/);

  // Each opens its own copy again, with its own ticks.
  await page.reload();
  await first.locator('.ch-saved').waitFor();
  await second.locator('.ch-saved').waitFor();
  assert.deepEqual((await plans(page)).slice(-2).sort(), ['first:rewards_promotions', 'second:card_problem']);
  assert.equal(await first.locator('.ch-checks input').first().isChecked(), true);
  assert.equal(await second.locator('.ch-checks input').first().isChecked(), false);

  // Forgetting one leaves the other's copy, now and after the next write.
  await second.locator('.ch-saved summary', { hasText: 'Forget this' }).click();
  await tap(second, 'Yes, forget it');
  await second.locator('.ch-tile').first().waitFor();
  await first.locator('.ch-checks input').nth(1).check();
  assert.deepEqual(Object.keys(await stored(page)), ['cardhelp.first']);
  await page.reload();
  await first.locator('.ch-saved').waitFor();
  await widgetReady(page, '#second');
  assert.equal(await second.locator('.ch-saved').count(), 0);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a share link opens only in the widget that made it, and leaves the address bar once read', async () => {
  const page = await open('/two.html');
  const first = page.locator('#first');
  await widgetReady(page, '#first');
  await skipToPlan(first);
  await tap(first, 'Get a link to this plan');
  const link = await first.locator('#ch-link').inputValue();
  assert.ok(link.startsWith(`${server.url}two.html#cardhelp.first=v=1&t=rewards_promotions&`), link);
  await page.context().close();

  const opened = await open(link.slice(server.url.length));
  const [a, b] = [opened.locator('#first'), opened.locator('#second')];
  await a.locator('.ch-step-h', { hasText: 'Your plan' }).waitFor();
  await widgetReady(opened, '#second');
  assert.equal(await b.locator('.ch-step-h', { hasText: 'Your plan' }).count(), 0, 'the other widget did not open it');
  assert.equal(await b.locator('.ch-status[data-shown]').count(), 0, 'nor did it call the link damaged');
  assert.equal(await opened.evaluate(() => location.hash), '', 'the link left the address bar');
  assert.deepEqual(await plans(opened), ['first:rewards_promotions']);

  // Saved, then ticked: a reload shows the saved copy with the tick, not the link afresh.
  await tap(a, 'Save on this device');
  await a.locator('.ch-saved').waitFor();
  await a.locator('.ch-checks input').first().check();
  await opened.reload();
  await a.locator('.ch-status', { hasText: 'Your saved plan is back.' }).waitFor();
  assert.equal(await a.locator('.ch-checks input').first().isChecked(), true);
  assert.deepEqual(opened.problems, []);
  await opened.context().close();
});

test("a site routed by its fragment keeps its route in the link and in the address bar", async () => {
  const page = await open('/routed.html#/cards/help');
  const widget = page.locator('card-help');
  await widgetReady(page);
  await skipToPlan(widget);
  await tap(widget, 'Get a link to this plan');
  const link = await widget.locator('#ch-link').inputValue();
  assert.ok(link.startsWith(`${server.url}routed.html#/cards/help?cardhelp=v%3D1%26t%3Dcard_problem%26`), link);
  await page.context().close();

  const opened = await open(link.slice(server.url.length));
  const length = await opened.evaluate(() => history.length);
  await opened.locator('card-help .ch-step-h', { hasText: 'Your plan' }).waitFor();
  assert.equal(await opened.evaluate(() => location.hash), '#/cards/help', 'the route stays, the case goes');
  assert.deepEqual(await opened.evaluate(() => history.state), { router: 'help' }, "the router's state stays");
  assert.equal(await opened.evaluate(() => history.length), length, 'replaced, not a new history entry');
  assert.equal(await opened.evaluate(() => window.hashChanges), 0, 'the router is not sent anywhere');

  // A route with its own parameters keeps them, with the case after them.
  await opened.evaluate(() => history.replaceState(history.state, '', '#/cards/help?tab=2'));
  await tap(opened.locator('card-help'), 'Get a link to this plan');
  const again = await opened.locator('card-help #ch-link').inputValue();
  assert.ok(again.startsWith(`${server.url}routed.html#/cards/help?tab=2&cardhelp=v%3D1%26`), again);
  assert.deepEqual(opened.problems, []);
  await opened.context().close();
});

test('a widget without an id keeps its link format, and a reload after saving shows the saved copy, not the link', async () => {
  const page = await open('/routed.html');
  const widget = page.locator('card-help');
  await widgetReady(page);
  await skipToPlan(widget);
  await tap(widget, 'Get a link to this plan');
  const link = await widget.locator('#ch-link').inputValue();
  assert.equal(link, `${server.url}routed.html#cardhelp=v=1&t=card_problem&l=en`);
  await page.context().close();

  const opened = await open(link.slice(server.url.length));
  const a = opened.locator('card-help');
  await a.locator('.ch-step-h', { hasText: 'Your plan' }).waitFor();
  assert.equal(await opened.evaluate(() => location.href), `${server.url}routed.html`);
  await tap(a, 'Save on this device');
  await a.locator('.ch-saved').waitFor();
  await a.locator('.ch-checks input').first().check();
  assert.deepEqual(Object.keys(await stored(opened)), ['cardhelp']);
  await opened.reload();
  await a.locator('.ch-status', { hasText: 'Your saved plan is back.' }).waitFor();
  assert.equal(await a.locator('.ch-checks input').first().isChecked(), true);
  assert.deepEqual(opened.problems, []);
  await opened.context().close();
});

test("a copy forgotten in another tab is forgotten only in the widget whose key it was", async () => {
  const a = await open('/two.html');
  const [first, second] = [a.locator('#first'), a.locator('#second')];
  await widgetReady(a, '#first');
  await widgetReady(a, '#second');
  for (const widget of [first, second]) {
    await skipToPlan(widget);
    await tap(widget, 'Save on this device');
    await widget.locator('.ch-saved').waitFor();
  }
  // The same page in a second tab forgets the second widget's copy.
  const b = await a.context().newPage();
  await b.goto(`${server.url}two.html`);
  await b.locator('#second .ch-saved').waitFor();
  await b.locator('#second .ch-saved summary', { hasText: 'Forget this' }).click();
  await tap(b.locator('#second'), 'Yes, forget it');
  await second.locator('.ch-status[data-shown]', { hasText: 'Forgotten' }).waitFor();
  assert.equal(await first.locator('.ch-saved').count(), 1, 'the first widget still keeps its copy');
  await first.locator('.ch-checks input').first().check();
  await second.locator('.ch-checks input').first().check();
  const saved = await stored(a);
  assert.deepEqual(Object.keys(saved), ['cardhelp.first'], 'no write brings the forgotten copy back');
  assert.match(saved['cardhelp.first'], /&c=s0$/);
  const storage = await a.evaluate(() => window.__cardhelpEvents
    .filter((e) => e.name === 'cardhelp:storage').map((e) => `${e.target}:${e.detail.saved}`));
  assert.deepEqual(storage, ['first:true', 'second:true', 'second:false']);
  assert.deepEqual(a.problems, []);
  await a.context().close();
});
