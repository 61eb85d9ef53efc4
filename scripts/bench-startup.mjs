// Start-up benchmark: time from navigation to the widget accepting input, on the demo page in
// Chromium at 390x844 with 4x CPU throttling (DevTools protocol), median of 5 loads.
//
// One warm browser page navigates to the demo repeatedly with the HTTP cache disabled, so every
// load fetches, compiles and runs everything afresh; the first two loads are warm-up and not
// counted. (A new browser context per load mostly measures renderer start-up on this machine:
// 250-750 ms even for an empty page.) For scale, the same method on a page whose only script adds
// a text box is printed too. The 300 ms budget is reported, not asserted.
import { join } from 'node:path';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { serve, launch } from './e2e/harness.mjs';

const RUNS = 5;
const WARMUP = 2;
const BUDGET_MS = 300;

/** Median time to a usable text box over RUNS loads of `dir`'s index.html. */
async function measure(browser, dir) {
  const server = await serve(dir);
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const times = [];
  try {
    for (let run = 0; run < WARMUP + RUNS; run += 1) {
      await page.goto(server.url, { waitUntil: 'commit' });
      // performance.now() counts from the navigation's time origin; polling on every frame
      // reports the first frame in which the text box exists and is enabled.
      const ready = await page.waitForFunction(() => {
        const root = document.querySelector('card-help')?.shadowRoot ?? document;
        const input = root.querySelector('textarea');
        return input && !input.disabled ? performance.now() : false;
      }, null, { polling: 'raf', timeout: 30_000 });
      if (run >= WARMUP) times.push(await ready.jsonValue());
      await page.goto('about:blank');
    }
  } finally {
    await context.close();
    await server.close();
  }
  times.sort((a, b) => a - b);
  return { times, median: times[Math.floor(RUNS / 2)] };
}

const floorDir = mkdtempSync(join(tmpdir(), 'cardhelp-floor-'));
writeFileSync(join(floorDir, 'index.html'), '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>floor</title><link rel="icon" href="data:,"><script type="module" src="floor.js"></script></head><body><main></main></body></html>');
writeFileSync(join(floorDir, 'floor.js'), "document.querySelector('main').append(document.createElement('textarea'));");

const browser = await launch();
try {
  const floor = await measure(browser, floorDir);
  const demo = await measure(browser, undefined);
  const fmt = (r) => `${r.times.map((t) => t.toFixed(0)).join(', ')} ms, median ${r.median.toFixed(0)} ms`;
  console.log(`start-up to input, 4x CPU throttling, 390x844, ${RUNS} loads`);
  console.log(`  demo page:          ${fmt(demo)} (budget ${BUDGET_MS} ms: ${demo.median <= BUDGET_MS ? 'within' : 'OVER'})`);
  console.log(`  one-script page:    ${fmt(floor)} (what this machine's browser needs for any page)`);
} finally {
  await browser.close();
}
