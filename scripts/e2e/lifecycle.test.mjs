// A single-page app's route changes: the same <card-help> removed and added back, or a new
// one in its place, a thousand times. Each cycle mounts a fresh widget and destroys it; the
// wasm's memory must not grow with the number of cycles.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serveAndLaunch, openPage, widgetReady, VIEWPORTS } from './harness.mjs';

const env = serveAndLaunch();

/** The wasm's linear memory in bytes: the glue module returns the running instance's exports. */
const wasmBytes = (page) => page.evaluate(async () => {
  const glue = await import(new URL('../app/cardhelp.js', document.baseURI).href);
  return (await glue.default()).memory.buffer.byteLength;
});

/**
 * Runs `cycles` route changes in the page: each removes the widget, then adds it back (the
 * same element on even cycles, a new one on odd ones), waits until it is ready, and taps a
 * topic so the question screen's listeners are registered too.
 */
const routeChanges = (page, cycles) => page.evaluate(async (cycles) => {
  const main = document.querySelector('main');
  let el = document.querySelector('card-help');
  for (let i = 0; i < cycles; i += 1) {
    el.remove();
    if (i % 2) {
      el = document.createElement('card-help');
      el.setAttribute('today', '2026-03-02');
    }
    const ready = new Promise((resolve) => el.addEventListener('cardhelp:ready', resolve, { once: true }));
    main.append(el);
    await ready;
    el.shadowRoot.querySelector('.ch-tile').click();
    await new Promise((resolve) => setTimeout(resolve));
  }
}, cycles);

test('1,000 route changes (remove and re-add the widget) leave the wasm memory flat', async () => {
  const page = await openPage(env.browser, VIEWPORTS[0], `${env.server.url}examples/plain.html`);
  await widgetReady(page);
  // Warm up: the allocator and Yew's caches settle on their working size first.
  await routeChanges(page, 50);
  const start = await wasmBytes(page);
  await routeChanges(page, 1000);
  const end = await wasmBytes(page);
  const perCycle = (end - start) / 1000;
  console.log(`wasm memory: ${start} B after 50 cycles, ${end} B after 1,050 (${perCycle.toFixed(1)} B per cycle)`);
  // The memory grows in 64 KiB pages: one page of slack, no more. The old leak was ~1.7 KB
  // per cycle, about 26 pages over this run.
  assert.ok(end - start <= 64 * 1024, `grew by ${end - start} B over 1,000 cycles`);
  await widgetReady(page);
  assert.equal(await page.locator('card-help .ch-step-h').count(), 1, 'the last widget still works');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
