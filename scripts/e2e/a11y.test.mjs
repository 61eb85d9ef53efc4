// What axe-core cannot see, checked in Chromium on the demo page at 390x844:
// - a keyboard-only path (Tab, Shift+Tab, Enter, Space, arrows; no clicks) through typing,
//   questions with a date, the plan, the letter, print, .ics, share, save, forget and the
//   language switch, with the focus checked after every key and never on <body>;
// - the accessibility tree (Chromium's own, over CDP): names, roles, states and languages of
//   the controls, in English and Spanish;
// - forced colours and the dark scheme: screenshots of the start, a question and the plan
//   (saved to .e2e-out/), and every pressed control told apart from its unpressed siblings
//   by more than font weight;
// - no focused control covered by anything of the widget's that is fixed or sticky;
// - a reader's text-spacing override reaching the widget, and language names that never
//   break inside a word at 200 % text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serveAndLaunch, widgetReady, screenshot } from './harness.mjs';

const PHONE = { width: 390, height: 844 };
/** "Today": Monday, March 2, 2026. */
const NOW = new Date('2026-03-02T15:00:00Z');
/** A person typing at an ordinary pace. */
const DELAY = 40;

const env = serveAndLaunch();

/** The demo page with the widget ready; `options` go to the browser context. */
async function open(options = {}, { css } = {}) {
  const context = await env.browser.newContext({ viewport: PHONE, reducedMotion: 'reduce', ...options });
  await context.clock.setFixedTime(NOW);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(env.server.url).origin });
  const page = await context.newPage();
  page.problems = [];
  page.on('console', (m) => m.type() === 'error' && page.problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => page.problems.push(`exception: ${e.message}`));
  await page.goto(env.server.url);
  if (css) await page.addStyleTag({ content: css });
  await widgetReady(page);
  return page;
}

const widget = (page) => page.locator('card-help');

/** Where the focus is, looked up through shadow roots: tag, id, text and what holds it. */
function focus(page) {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    const squash = (s) => (s ?? '').replace(/\s+/g, ' ').trim();
    return {
      tag: el?.localName ?? 'nothing',
      id: el?.id ?? '',
      text: squash(el?.textContent),
      label: el?.labels?.[0] ? squash(el.labels[0].textContent) : '',
      body: !el || el === document.body || el === document.documentElement,
      inWidget: Boolean(el && el.getRootNode() instanceof ShadowRoot),
      heading: Boolean(el?.classList?.contains('ch-step-h')),
    };
  });
}

/** Presses `key` and checks the focus is in the widget (never on <body>); returns where it is. */
async function press(page, key, what) {
  await page.keyboard.press(key);
  const now = await focus(page);
  assert.ok(!now.body, `${what}: ${key} left the focus on <body>`);
  assert.ok(now.inWidget, `${what}: ${key} moved the focus out of the widget to ${now.tag}#${now.id}`);
  return now;
}

/** Where a step change lands: its heading, with the focus. */
async function onHeading(page, text, what) {
  await widget(page).locator('.ch-step-h', { hasText: text }).waitFor();
  const now = await focus(page);
  assert.ok(now.heading && now.text.includes(text), `${what}: focus on the "${text}" heading, not ${JSON.stringify(now)}`);
  return now;
}

/** Tabs forward (or back, `key` Shift+Tab) until `wanted(focus)`, checking the focus after each key. */
async function tabTo(page, wanted, what, key = 'Tab', most = 60) {
  for (let i = 0; i < most; i += 1) {
    const now = await press(page, key, what);
    if (wanted(now)) return now;
  }
  assert.fail(`${what}: not reached in ${most} presses of ${key}`);
}
const named = (text) => (f) => f.text === text;
const labelled = (label) => (f) => f.label === label;

test('keyboard only: from typing to the plan, the letter, print, .ics, share, save, forget and Spanish', async () => {
  const page = await open();
  // Into the widget from the top of the page: the first stop is its language switch.
  await page.locator('body').focus();
  let now = await (async () => {
    for (let i = 0; i < 40; i += 1) {
      await page.keyboard.press('Tab');
      const f = await focus(page);
      if (f.inWidget) return f;
    }
    assert.fail('Tab never reached the widget');
  })();
  assert.equal(now.text, 'English');
  await press(page, 'Tab', 'the language switch');
  now = await press(page, 'Tab', 'the story box');
  assert.equal(now.id, 'ch-story');
  await page.keyboard.type('someone used my card number, I never made that charge', { delay: DELAY });
  assert.equal((await focus(page)).id, 'ch-story', 'typing keeps the focus');

  // The suggestion, then the questions.
  await tabTo(page, named("A charge I didn't make"), 'the suggestion');
  await press(page, 'Enter', 'choosing the suggestion');
  now = await onHeading(page, 'Do you still have the card?', 'the first question');
  assert.match(now.text, /Question 1 of \d/, 'the progress is part of the focused heading');
  await tabTo(page, named('Yes'), 'the answers');
  await page.keyboard.press('Space');
  await onHeading(page, 'When was the first statement with the problem sent?', 'the date question');
  now = await tabTo(page, (f) => f.id === 'ch-q-date', 'the date field');
  // A date that doesn't exist, then Enter: refused, said, and the focus stays in the field.
  await page.keyboard.type('02/30/2026', { delay: DELAY });
  now = await press(page, 'Enter', 'a date that does not exist');
  assert.equal(now.id, 'ch-q-date');
  const error = widget(page).locator('#ch-q-err');
  assert.equal((await error.textContent()).trim(), 'Enter a real date between 1990 and 2100.');
  assert.equal(await error.getAttribute('role'), 'alert');
  assert.match(await widget(page).locator('#ch-q-date').getAttribute('aria-describedby'), /ch-q-err/);
  // An arrow changes the year; Shift+Tab goes back through the date's parts to the month,
  // and the real date is typed over it.
  await press(page, 'ArrowDown', 'changing the year with an arrow');
  await press(page, 'Shift+Tab', 'back to the day');
  now = await press(page, 'Shift+Tab', 'back to the month');
  assert.equal(now.id, 'ch-q-date');
  await page.keyboard.type('02/10/2026', { delay: DELAY });
  await press(page, 'Enter', 'a real date');
  for (let i = 0; i < 4; i += 1) {
    const heading = await focus(page);
    if (heading.text === 'Your plan') break;
    assert.ok(heading.heading, `a question's heading has the focus: ${JSON.stringify(heading)}`);
    await tabTo(page, named("Skip: I don't know"), 'skipping');
    await press(page, 'Enter', 'skipping');
    await page.waitForFunction((before) => {
      let el = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return el?.classList?.contains('ch-step-h') && el.textContent !== before;
    }, heading.text);
  }
  await onHeading(page, 'Your plan', 'the plan');

  // The calendar file, printing, the share link.
  await tabTo(page, named('Add dates to my calendar (.ics)'), 'the calendar button');
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  assert.equal(download.suggestedFilename(), 'cardhelp-deadlines.ics');
  assert.equal((await focus(page)).text, 'Add dates to my calendar (.ics)');
  await tabTo(page, named('Print or save as PDF'), 'printing');
  await press(page, 'Enter', 'printing');
  await page.waitForFunction(() => document.querySelector('card-help').shadowRoot.querySelector('iframe.ch-print-frame')?.contentDocument?.body?.innerText);
  await tabTo(page, named('Get a link to this plan'), 'sharing');
  await press(page, 'Enter', 'sharing');
  await widget(page).locator('.ch-done', { hasText: 'Link ready.' }).waitFor();
  await tabTo(page, named('Copy link'), 'copying the link');
  await press(page, 'Enter', 'copying the link');
  await widget(page).locator('.ch-done', { hasText: 'Link copied.' }).waitFor();
  assert.match(await page.evaluate(() => navigator.clipboard.readText()), /#/);

  // Saving replaces its button; the focus goes to what replaced it.
  await tabTo(page, named('Save on this device'), 'saving');
  now = await press(page, 'Enter', 'saving');
  assert.equal(now.tag, 'summary');
  assert.equal(now.text, 'Forget this');

  // The letter, folded under its disclosure: Enter opens it and the focus stays on it.
  await tabTo(page, named('Write your letter'), 'the letter disclosure');
  now = await press(page, 'Enter', 'opening the letter');
  assert.equal(now.tag, 'summary');
  assert.equal(await widget(page).locator('details:has(> summary:text-is("Write your letter"))').evaluate((d) => d.open), true);
  // A date that doesn't exist, a reason chosen with the arrows, a warning first.
  await tabTo(page, labelled('Date of the charge'), 'the charge date');
  await page.keyboard.type('02/03/2026', { delay: DELAY });
  const preview = widget(page).locator('.ch-letter-text');
  assert.match(await preview.textContent(), /Date of the charge: February 3, 2026/);
  // Back to the day, typed over: the 30th, a date February doesn't have.
  await press(page, 'Shift+Tab', 'back to the day');
  await page.keyboard.type('30', { delay: DELAY });
  const field = widget(page).locator('#ch-f-charge_date');
  assert.equal(await field.getAttribute('aria-invalid'), 'true');
  assert.equal(await field.evaluate((el) => el.validity.badInput), true, 'what was typed stays in the field');
  assert.equal(await field.getAttribute('aria-describedby'), 'ch-f-charge_date-err');
  assert.equal(await widget(page).locator('#ch-f-charge_date-err').textContent(), 'Enter a real date between 1990 and 2100.');
  assert.match(await preview.textContent(), /Date of the charge: \[date of the charge\]/, 'no date caught mid-typing');
  await tabTo(page, labelled("What's wrong with it"), 'the reason');
  await press(page, 'ArrowDown', 'choosing a reason');
  assert.notEqual(await widget(page).locator('#ch-f-reason').inputValue(), '');
  await tabTo(page, named('Copy letter'), 'copying the letter');
  await page.evaluate(() => navigator.clipboard.writeText('before'));
  await press(page, 'Enter', 'copying with a date that does not exist');
  const warning = widget(page).locator('.ch-letter [role=alert]');
  assert.match(await warning.textContent(), /Check Date of the charge/);
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'before', 'nothing copied yet');
  await press(page, 'Enter', 'copying anyway');
  await widget(page).locator('.ch-done', { hasText: 'Letter copied.' }).waitFor();
  assert.match(await page.evaluate(() => navigator.clipboard.readText()), /\[date of the charge\]/);

  // Forget: back up to its control, open it, confirm; the start's heading takes the focus.
  await tabTo(page, named('Forget this'), 'forget', 'Shift+Tab', 120);
  await press(page, 'Enter', 'opening forget');
  await tabTo(page, named('Yes, forget it'), 'confirming forget');
  await press(page, 'Enter', 'forgetting');
  await onHeading(page, 'Tell us what happened', 'the start after forgetting');
  await widget(page).locator('.ch-status[data-shown]', { hasText: 'Forgotten' }).waitFor();

  // The language switch: Shift+Tab to it, Enter; the focus stays on the pressed button.
  await tabTo(page, named('Español'), 'the language switch', 'Shift+Tab');
  now = await press(page, 'Enter', 'switching to Spanish');
  await widget(page).locator('h2', { hasText: 'Ayuda con su tarjeta' }).waitFor();
  assert.equal((await focus(page)).text, 'Español');
  assert.equal(await widget(page).getByRole('button', { name: 'Español' }).getAttribute('aria-pressed'), 'true');
  // The pinned clock is a script Playwright adds to every frame: the print frame's sandbox
  // (no scripts) blocks it there, as it should.
  const sandboxed = "in 'about:blank' because the document's frame is sandboxed";
  assert.deepEqual(page.problems.filter((p) => !p.includes(sandboxed)), []);
  await page.context().close();
});

/** Chromium's accessibility tree over CDP, each node with the `lang` its DOM node is read in. */
async function axTree(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Accessibility.enable');
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  const read = [];
  for (const n of nodes) {
    if (n.ignored || !n.backendDOMNodeId) continue;
    const prop = (name) => n.properties?.find((p) => p.name === name)?.value?.value;
    const node = {
      role: n.role?.value,
      name: n.name?.value ?? '',
      description: n.description?.value ?? '',
      pressed: prop('pressed'),
      invalid: prop('invalid'),
      live: prop('live'),
      backend: n.backendDOMNodeId,
    };
    read.push(node);
  }
  const lang = async (node) => {
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: node.backend });
    const { result } = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: 'function () { const el = this.nodeType === 1 ? this : this.parentElement; return el.closest("[lang]")?.getAttribute("lang") ?? null; }',
      returnByValue: true,
    });
    return result.value;
  };
  return { nodes: read, lang, detach: () => cdp.detach() };
}

/** The one node of `role` whose name is `name` (a string, exactly, or a RegExp). */
function one(tree, role, name, where) {
  const found = tree.nodes.filter((n) => n.role === role && (typeof name === 'string' ? n.name === name : name.test(n.name)));
  assert.equal(found.length, 1, `${where}: one ${role} named ${name}, found ${found.length}: ${JSON.stringify(tree.nodes.filter((n) => n.role === role).map((n) => n.name))}`);
  return found[0];
}

const WORDS = {
  en: {
    english: 'English', spanish: 'Español', tile: "A charge I didn't make", question: /^Do you still have the card\? Question 1 of \d$/,
    yes: 'Yes', date: 'When was the first statement with the problem sent?', plan: 'Your plan', save: 'Save on this device',
    forget: 'Forget this', continue: 'Continue', skip: "Skip: I don't know",
    counted: 'How this date is counted', citation: /^Regulation Z, section 1026\.13\(b\)\(1\), opens in a new tab$/,
  },
  es: {
    english: 'English', spanish: 'Español', tile: 'Un cargo que no hice', question: /^¿Todavía tiene la tarjeta\? Pregunta 1 de \d$/,
    yes: 'Sí', date: '¿Cuándo le enviaron el primer estado de cuenta con el problema?', plan: 'Su plan', save: 'Guardar en este dispositivo',
    forget: 'Olvidar esto', continue: 'Continuar', skip: 'Omitir: no lo sé',
    counted: 'Cómo se cuenta esta fecha', citation: /^Reglamento Z, sección 1026\.13\(b\)\(1\), se abre en una pestaña nueva$/,
  },
};

for (const lang of ['en', 'es']) {
  test(`the accessibility tree names, roles, states and languages (${lang})`, async () => {
    const w = WORDS[lang];
    const page = await open();
    if (lang === 'es') await widget(page).getByRole('button', { name: 'Español' }).click();
    await widget(page).locator(`section.ch[lang=${lang}]`).waitFor();
    let tree = await axTree(page);
    const english = one(tree, 'button', w.english, 'start');
    const spanish = one(tree, 'button', w.spanish, 'start');
    assert.equal(english.pressed, lang === 'en' ? 'true' : 'false');
    assert.equal(spanish.pressed, lang === 'es' ? 'true' : 'false');
    assert.equal(await tree.lang(english), 'en');
    assert.equal(await tree.lang(spanish), 'es');
    // A tile: named by its title alone, described by the rest.
    const tile = one(tree, 'button', w.tile, 'the tiles');
    assert.ok(tile.description.length > 10, `the tile has a description: ${JSON.stringify(tile)}`);
    assert.ok(!tile.name.includes(tile.description));
    assert.equal(await tree.lang(tile), lang);
    await tree.detach();

    // A question: the progress in the heading; a chosen answer named without its mark.
    await widget(page).getByRole('button', { name: w.tile }).click();
    await widget(page).getByRole('button', { name: w.yes, exact: true }).click();
    await widget(page).locator('#ch-q-date').waitFor();
    await widget(page).getByRole('button', { name: lang === 'en' ? 'Back' : 'Atrás' }).click();
    await widget(page).locator('[aria-pressed=true]', { hasText: w.yes }).waitFor();
    tree = await axTree(page);
    const heading = one(tree, 'heading', w.question, 'the question');
    assert.equal(await tree.lang(heading), lang);
    const yes = one(tree, 'button', w.yes, 'the chosen answer');
    assert.equal(yes.pressed, 'true');
    assert.equal(tree.nodes.filter((n) => n.name.includes('✓')).length, 0, 'no mark in any name');
    await tree.detach();

    // A date refused: the field invalid, its error an alert that describes it.
    await widget(page).getByRole('button', { name: w.yes, exact: true }).click();
    await widget(page).locator('#ch-q-date').fill('1900-01-01');
    await widget(page).getByRole('button', { name: w.continue }).click();
    await widget(page).locator('#ch-q-err').filter({ hasText: /\S/ }).waitFor();
    tree = await axTree(page);
    const invalid = tree.nodes.filter((n) => n.invalid === 'true');
    assert.equal(invalid.length, 1, `one invalid field: ${JSON.stringify(invalid)}`);
    const dateField = invalid[0];
    assert.equal(dateField.name, w.date, 'the date field is named by its question alone');
    assert.match(dateField.description, lang === 'en' ? /Enter a real date/ : /Escriba una fecha válida/);
    const alert = tree.nodes.find((n) => n.role === 'alert');
    assert.ok(alert, 'the error is an alert');
    await tree.detach();

    // The plan: a status region saying nothing the heading does; English marked as English.
    await widget(page).locator('#ch-q-date').fill('2026-02-10');
    await widget(page).getByRole('button', { name: w.continue }).click();
    for (let i = 0; i < 3 && !(await widget(page).locator('.ch-plan').count()); i += 1) {
      await widget(page).getByRole('button', { name: w.skip }).click();
    }
    await widget(page).locator('.ch-plan').waitFor();
    tree = await axTree(page);
    one(tree, 'heading', w.plan, 'the plan');
    const status = tree.nodes.find((n) => n.role === 'status');
    assert.ok(status, 'a status region');
    assert.equal(status.name, '');
    assert.equal(status.live, 'polite');
    await tree.detach();
    // How the first date was counted, one tap away: the law named in the widget's language,
    // its short citation after it in English.
    await widget(page).getByText(w.counted).first().click();
    tree = await axTree(page);
    const citation = one(tree, 'link', w.citation, 'the citation');
    assert.equal(await tree.lang(citation), lang, 'the law is named in the widget\'s language');
    const short = tree.nodes.find((n) => n.role === 'StaticText' && n.name === '12 CFR 1026.13(b)(1)');
    assert.ok(short, 'the short citation is shown');
    assert.equal(await tree.lang(short), 'en', 'short citations are English in both languages');
    const hours = tree.nodes.find((n) => n.role === 'StaticText' && n.name === '24/7');
    assert.ok(hours, 'the fraud line\'s hours');
    assert.equal(await tree.lang(hours), 'en', 'hours the host wrote in English');
    await tree.detach();

    // Saving: the control that replaced the button.
    await widget(page).getByRole('button', { name: w.save }).click();
    tree = await axTree(page);
    const forget = tree.nodes.find((n) => n.name === w.forget);
    assert.ok(forget, `${w.forget} is in the tree`);
    assert.equal(await tree.lang(forget), lang);
    await tree.detach();
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
}

/** Every pressed control against an unpressed one of its kind: how their styles differ. */
function pressedDifferences(page) {
  return page.evaluate(() => {
    const root = document.querySelector('card-help').shadowRoot;
    // The colour actually behind the text: a transparent background shows its parent's (in
    // forced colours a forced Canvas and a transparent one look the same).
    const painted = (el) => {
      for (let e = el; e; e = e.parentElement ?? e.getRootNode().host) {
        const bg = getComputedStyle(e).backgroundColor;
        if (bg !== 'rgba(0, 0, 0, 0)' && bg !== 'transparent') return bg;
      }
      return 'canvas';
    };
    const style = (el) => {
      const s = getComputedStyle(el);
      const before = getComputedStyle(el, '::before').content;
      return {
        background: painted(el),
        color: s.color,
        border: `${s.borderTopWidth} ${s.borderTopStyle} ${s.borderTopColor}`,
        decoration: s.textDecorationLine,
        shadow: s.boxShadow,
        mark: before === 'none' || before === 'normal' ? '' : before,
      };
    };
    return [...root.querySelectorAll('[aria-pressed=true]')].map((pressed) => {
      const other = [...pressed.parentElement.children].find((c) => c.getAttribute('aria-pressed') === 'false');
      if (!other) return { control: pressed.textContent, differs: [] };
      const [a, b] = [style(pressed), style(other)];
      return { control: pressed.textContent, differs: Object.keys(a).filter((k) => a[k] !== b[k]) };
    });
  });
}

for (const [mode, options] of [
  ['light', {}],
  ['forced-colors', { forcedColors: 'active' }],
  ['dark', { colorScheme: 'dark' }],
  ['forced-colors-dark', { forcedColors: 'active', colorScheme: 'dark' }],
]) {
  test(`${mode}: the start, a question and the plan, with every pressed control marked`, async () => {
    const page = await open(options);
    const shoot = async (name) => {
      await widget(page).evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await screenshot(page, `a11y-${mode}-${name}`, { fullPage: false });
    };
    const pressedMarked = async (where) => {
      const found = await pressedDifferences(page);
      assert.ok(found.length > 0, `${where}: a pressed control`);
      for (const { control, differs } of found) {
        assert.ok(differs.length > 0, `${where}, ${mode}: "${control}" pressed differs only by font weight`);
      }
    };
    await shoot('start');
    await pressedMarked('the language switch');
    await widget(page).locator('.ch-tile').first().click();
    await widget(page).locator('.ch-options button').first().click();
    await widget(page).getByRole('button', { name: 'Back' }).click();
    await widget(page).locator('.ch-options [aria-pressed=true]').waitFor();
    await shoot('question');
    await pressedMarked('a chosen answer');
    // The focus ring on a chosen answer is not its border. (Focus by keyboard: the heading
    // has it after Back, and the chosen answer is the next stop.)
    await page.keyboard.press('Tab');
    assert.equal(await widget(page).locator('.ch-options [aria-pressed=true]').evaluate((el) => el.matches(':focus-visible')), true);
    const ring = await widget(page).locator('.ch-options [aria-pressed=true]').evaluate((el) => {
      const s = getComputedStyle(el);
      return { outline: s.outlineStyle, border: s.borderTopWidth };
    });
    assert.notEqual(ring.outline, 'none', 'a focus ring');
    assert.equal(ring.border, '1px', 'the chosen answer keeps the ordinary border');
    while (!(await widget(page).locator('.ch-plan').count())) {
      await widget(page).getByRole('button', { name: "Skip: I don't know" }).click();
    }
    await widget(page).locator('.ch-plan').waitFor();
    await shoot('plan');
    await page.context().close();
  });
}

test('the language buttons show their focus ring, unclipped, in every scheme', async () => {
  for (const options of [{}, { colorScheme: 'dark' }, { forcedColors: 'active' }]) {
    const page = await open(options);
    for (const name of ['English', 'Español']) {
      const button = widget(page).getByRole('button', { name });
      await button.focus();
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Tab');
      const ring = await button.evaluate((el) => {
        const s = getComputedStyle(el);
        let clip = null;
        for (let p = el.parentElement; p; p = p.parentElement) {
          if (getComputedStyle(p).overflow !== 'visible') clip = p.className;
        }
        return { outline: s.outlineStyle, width: parseFloat(s.outlineWidth), visible: el.matches(':focus-visible'), clip };
      });
      assert.ok(ring.visible && ring.outline !== 'none' && ring.width >= 2, `${name}: ${JSON.stringify(ring)} (${JSON.stringify(options)})`);
      assert.equal(ring.clip, null, `${name}: nothing around it clips the ring`);
    }
    await page.context().close();
  }
});

/**
 * Focuses every focusable control of the widget in turn and returns those that something fixed
 * or sticky of the widget covers while focused.
 */
function coveredWhileFocused(page) {
  return page.evaluate(async () => {
    const root = document.querySelector('card-help').shadowRoot;
    const frame = () => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
    const covered = [];
    const controls = [...root.querySelectorAll('button, a[href], input, select, textarea, summary, [tabindex]')].filter((el) => el.getClientRects().length > 0 && !el.closest('details:not([open]) > :not(summary)'));
    for (const el of controls) {
      el.focus();
      await frame();
      const r = el.getBoundingClientRect();
      for (const over of root.querySelectorAll('*')) {
        const position = getComputedStyle(over).position;
        if ((position !== 'fixed' && position !== 'sticky') || over.contains(el) || over.getClientRects().length === 0) continue;
        const o = over.getBoundingClientRect();
        if (o.width < 2 || o.height < 2 || getComputedStyle(over).visibility === 'hidden') continue;
        if (o.left < r.right && o.right > r.left && o.top < r.bottom && o.bottom > r.top) {
          covered.push(`${el.localName} "${el.textContent.trim().slice(0, 30)}" under ${over.className}`);
        }
      }
    }
    return { covered, checked: controls.length };
  });
}

test('no focused control is covered by a note or anything else of the widget', async () => {
  const page = await open();
  for (const width of [390, 320]) {
    await page.setViewportSize({ width, height: width === 320 ? 568 : 844 });
    const start = await coveredWhileFocused(page);
    assert.deepEqual(start.covered, [], `the start at ${width}px`);
  }
  await page.setViewportSize(PHONE);
  await widget(page).getByRole('button', { name: "A charge I didn't make" }).click();
  while (!(await widget(page).locator('.ch-plan').count())) {
    await widget(page).getByRole('button', { name: "Skip: I don't know" }).click();
  }
  await widget(page).getByRole('button', { name: 'Get a link to this plan' }).click();
  // A copy the browser refuses raises a note that stays on screen.
  await page.evaluate(() => { navigator.clipboard.writeText = () => Promise.reject(new Error('refused')); });
  for (const width of [390, 320]) {
    await page.setViewportSize({ width, height: width === 320 ? 568 : 844 });
    const copy = widget(page).getByRole('button', { name: 'Copy link' });
    // The control at the very bottom of the screen, where the note appears.
    await copy.evaluate((el) => {
      const r = el.getBoundingClientRect();
      window.scrollBy(0, r.bottom - innerHeight + 2);
    });
    await copy.focus();
    await page.keyboard.press('Enter');
    const note = widget(page).locator('.ch-status[data-shown]');
    await note.waitFor();
    const [c, n] = [await copy.boundingBox(), await note.boundingBox()];
    assert.ok(c.y + c.height <= n.y, `at ${width}px the note (top ${n.y}) covers the control that raised it (bottom ${c.y + c.height})`);
    const plan = await coveredWhileFocused(page);
    assert.ok(plan.checked > 20, `${plan.checked} controls checked`);
    assert.deepEqual(plan.covered, [], `the plan at ${width}px`);
    assert.equal(await note.count(), 0, 'the note went once the focus moved on');
  }
  await page.context().close();
});

/** The text-spacing bookmarklet of WCAG 1.4.12, as a reader's style sheet on the host page. */
const SPACING = '* { line-height: 1.5 !important; letter-spacing: .12em !important; word-spacing: .16em !important; } p { margin-bottom: 2em !important; }';

test('a reader\'s text spacing reaches the widget, and nothing overflows', async () => {
  const page = await open({}, { css: SPACING });
  // Lengths in em are computed on the host element and inherited as lengths.
  const spacing = await widget(page).locator('#ch-story-hint').evaluate((el) => {
    const s = getComputedStyle(el);
    const host = parseFloat(getComputedStyle(el.getRootNode().host).fontSize);
    return { letter: parseFloat(s.letterSpacing) / host, word: parseFloat(s.wordSpacing) / host, line: parseFloat(s.lineHeight) / parseFloat(s.fontSize) };
  });
  assert.ok(Math.abs(spacing.letter - 0.12) < 0.01, `letter spacing ${spacing.letter}em`);
  assert.ok(Math.abs(spacing.word - 0.16) < 0.01, `word spacing ${spacing.word}em`);
  assert.ok(spacing.line >= 1.49, `line height ${spacing.line}`);
  await page.setViewportSize({ width: 320, height: 640 });
  const clipped = await page.evaluate(() => {
    const root = document.querySelector('card-help').shadowRoot;
    return [...root.querySelectorAll('button, .ch-tile, h2, h3, p')]
      .filter((el) => el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)
      .filter((el) => getComputedStyle(el).overflow !== 'visible')
      .map((el) => el.textContent.trim().slice(0, 30));
  });
  assert.deepEqual(clipped, []);
  assert.ok((await page.evaluate(() => document.documentElement.scrollWidth - innerWidth)) <= 0, 'no sideways scrolling');
  // Without the reader's override, the widget's own spacing, whatever the page's.
  const plain = await open({}, { css: 'body { letter-spacing: 3px; line-height: 1; }' });
  const own = await widget(plain).locator('#ch-story-hint').evaluate((el) => {
    const s = getComputedStyle(el);
    return { letter: s.letterSpacing, line: parseFloat(s.lineHeight) / parseFloat(s.fontSize) };
  });
  assert.equal(own.letter, 'normal');
  assert.ok(own.line >= 1.49, `the widget's own line height: ${own.line}`);
  await page.context().close();
  await plain.context().close();
});

test('at 200 % text on a 320 px screen, a language name never breaks inside a word', async () => {
  const page = await open({ viewport: { width: 320, height: 640 } }, { css: 'html { font-size: 200% !important; }' });
  const lines = await page.evaluate(() => {
    const root = document.querySelector('card-help').shadowRoot;
    return [...root.querySelectorAll('.ch-lang-btn')].map((b) => {
      const range = document.createRange();
      range.selectNodeContents(b);
      const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
      return { name: b.textContent, lines: tops.size, overflows: b.scrollWidth > b.clientWidth + 1 };
    });
  });
  for (const { name, lines: n, overflows } of lines) {
    assert.equal(n, 1, `${name} breaks over ${n} lines`);
    assert.equal(overflows, false, `${name} overflows its button`);
  }
  assert.ok((await page.evaluate(() => document.documentElement.scrollWidth - innerWidth)) <= 0, 'no sideways scrolling');
  await page.context().close();
});
