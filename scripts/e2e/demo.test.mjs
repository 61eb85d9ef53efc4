// The demo page from dist/ in real Chromium, on a phone and a desktop viewport.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serveAndLaunch, openPage, widgetReady, axe, overflow, screenshot, VIEWPORTS } from './harness.mjs';

const env = serveAndLaunch();

for (const viewport of VIEWPORTS) {
  test(`demo page renders the widget, accessibly, at ${viewport.width}x${viewport.height}`, async () => {
    const page = await openPage(env.browser, viewport, env.server.url);
    await widgetReady(page);
    const heading = await page.locator('card-help h2').first().textContent();
    assert.equal(heading, 'Get help with your card');

    const sideways = await overflow(page);
    assert.ok(sideways <= 0, `page scrolls sideways by ${sideways}px`);

    assert.deepEqual(await axe(page), []);
    await screenshot(page, `demo-${viewport.name}`);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
}

test('the language switch works in the embedded widget', async () => {
  const page = await openPage(env.browser, VIEWPORTS[0], env.server.url);
  await widgetReady(page);
  await page.locator('card-help button[lang=es]').click();
  await page.locator('card-help h2', { hasText: 'Ayuda con su tarjeta' }).waitFor();
  assert.deepEqual(await axe(page), []);
  await page.context().close();
});
