// What a cardholder is told follows the clocks, on a phone, in both languages. Each situation
// opens the way a cardholder comes back to a case (a share link), with "today" pinned to
// Monday, March 2, 2026, and reads the whole plan as it is shown: a claim that the disputed
// amount may be held back must never appear once the 60 days have passed, and a mail-by date
// that has passed must be said plainly, with what still works. The README's screenshots of
// these plans come from here (`.e2e-out/situation-*.png`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serveAndLaunch, openPage, widgetReady, axe, overflow, screenshot } from './harness.mjs';

const PHONE = { width: 390, height: 844 };
const NOW = new Date('2026-03-02T15:00:00Z');
const env = serveAndLaunch();

/** Phrases that tell a cardholder they may hold back the disputed amount, per language. */
const WITHHOLDING = {
  en: [/don't have to pay/, /make you pay/],
  es: [/no tiene que pagar/, /obligarle a pagar/],
};

const SITUATIONS = [
  {
    name: 'passed',
    // Sent December 15, 2025: the 60 days ended February 13, 2026.
    hash: 'a.made_purchase=yes&a.dispute_kind=wrong_amount&f.statement_sent=2025-12-15&a.notice_sent=no',
    en: {
      says: [/didn't arrive by February 13, 2026, the billing-error protections no longer apply/, /Keep paying at least your minimum payment/, /chargeback/],
      letter: 'Request to look into a charge',
      withholding: false,
    },
    es: {
      says: [/no llegó a más tardar el 13 de febrero de 2026, ya no se aplican las protecciones/, /Siga pagando por lo menos el pago mínimo/, /contracargo/],
      letter: 'Solicitud para revisar un cargo',
      withholding: false,
    },
  },
  {
    name: 'mail-by-passed',
    // Sent January 5, 2026: the notice must arrive by March 6, four days away; mailing by
    // ordinary mail is already too late.
    hash: 'a.made_purchase=yes&f.statement_sent=2026-01-05',
    en: {
      says: [/must arrive by March 6, 2026, and ordinary mail may now arrive too late/, /overnight/, /billing-rights section of your statement/],
      letter: null,
      withholding: true,
    },
    es: {
      says: [/debe llegar a más tardar el 6 de marzo de 2026, y el correo normal podría llegar tarde/, /al día siguiente/, /derechos de facturación de su estado de cuenta/],
      letter: null,
      withholding: true,
    },
  },
];

for (const situation of SITUATIONS) {
  for (const lang of ['en', 'es']) {
    test(`a billing dispute whose clock is ${situation.name}, in ${lang}: the plan says what the law allows now`, async () => {
      const want = situation[lang];
      const page = await openPage(env.browser, PHONE, `${env.server.url}#cardhelp=v=1&t=billing_dispute&l=${lang}&${situation.hash}`, { now: NOW });
      await widgetReady(page);
      const widget = page.locator('card-help');
      const plan = widget.locator('.ch-plan');
      await plan.waitFor();
      const text = await plan.innerText();
      for (const phrase of want.says) assert.match(text, phrase);
      for (const phrase of WITHHOLDING[lang]) {
        if (want.withholding) {
          // Only as a condition: "once your written notice arrives in time".
          assert.doesNotMatch(text.replace(/Once your written notice arrives in time[^\n]*|Una vez que su aviso por escrito llegue a tiempo[^\n]*/g, ''), phrase);
        } else {
          assert.doesNotMatch(text, phrase, `no withholding claim once the 60 days have passed`);
        }
      }
      if (want.letter) {
        const letters = await widget.locator('.ch-letter').innerText();
        assert.match(letters, new RegExp(want.letter));
        assert.doesNotMatch(letters, /Fair Credit Billing Act|Ley de Facturación Justa/);
      }
      assert.deepEqual(await axe(page, 'card-help'), []);
      assert.equal(await overflow(page), 0);
      // What the reader sees at the steps: the one place the advice changes with the clock.
      await widget.locator('h3', { hasText: lang === 'en' ? 'Steps' : 'Pasos' }).evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await screenshot(page, `situation-${situation.name}-${lang}`, { fullPage: false });
      assert.deepEqual(page.problems ?? [], []);
      await page.context().close();
    });
  }
}
