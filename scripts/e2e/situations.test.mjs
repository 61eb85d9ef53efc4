// The walk through everyday situations from the plan-reasons issue, replayed on a phone in both
// languages, with "today" pinned to Monday, March 2, 2026. What a cardholder is told follows
// the clocks: a claim that the disputed amount may be held back must never appear once the 60
// days have passed, a mail-by date that has passed is said plainly with what still works, a
// 60-day date is estimated from the charge's date when that is all that is known, a dispute
// received in time moves the plan to the card company's clocks, another company's account puts
// that company first. Questions follow the answers and the words: typed words pre-answer a
// question (shown chosen, editable), vague words pick no topic, a future date for something that
// happened is refused, closing an account asks no rate-notice question. Plans open the way a
// cardholder comes back to a case (a share link). The README's screenshots of the first two
// come from here (`.e2e-out/situation-*.png`).
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
        // One tap away, under the take-away actions.
        await widget.locator('.ch-takeaway summary').click();
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

// The rest of the walk from the issue, each opened as a cardholder comes back to it (a share
// link) and read as shown, in both languages: what the plan must say, and must not.
const PLANS = [
  {
    name: 'goods never received, only the charge date known: the 60-day date is estimated from it',
    hash: 't=billing_dispute&a.made_purchase=yes&a.dispute_kind=not_received&f.transaction_date=2026-01-20',
    en: [/March 21, 2026/, /Estimate/],
    es: [/21 de marzo de 2026/, /Estimado/],
  },
  {
    name: 'a dispute received in time, no decision yet: the protections hold and the card company has a date',
    hash: 't=unauthorized_charge&a.still_have_card=yes&f.statement_sent=2026-01-20&a.notice_sent=yes&f.notice_received=2026-02-10&a.decision_made=no',
    en: [/got your notice in time/, /must correct the error, or explain in writing why it finds none, by/],
    es: [/recibió su aviso a tiempo/, /debe corregir el error, o explicarle por escrito por qué no encuentra ninguno, a más tardar el/],
  },
  {
    name: "an account another company opened: that company's fraud department is the first door",
    hash: 't=identity_theft&a.theft_kind=new_account&a.account_holder=other_company',
    en: [/The other company's fraud department/, /Protect your credit first/],
    es: [/El departamento de fraude de la otra compañía/, /Proteja su crédito primero/],
    first: { en: "The other company's fraud department", es: 'El departamento de fraude de la otra compañía' },
  },
];

for (const situation of PLANS) {
  for (const lang of ['en', 'es']) {
    test(`${situation.name}, in ${lang}`, async () => {
      const page = await openPage(env.browser, PHONE, `${env.server.url}#cardhelp=v=1&l=${lang}&${situation.hash}`, { now: NOW });
      await widgetReady(page);
      const plan = page.locator('card-help .ch-plan');
      await plan.waitFor();
      const text = await plan.innerText();
      for (const phrase of situation[lang]) assert.match(text, phrase);
      if (situation.first) assert.match(await page.locator('card-help .ch-now').innerText(), new RegExp(situation.first[lang]));
      assert.equal(await overflow(page), 0);
      assert.deepEqual(page.problems ?? [], []);
      await page.context().close();
    });
  }
}

/** The demo page on a phone, in `lang`, the widget ready. */
async function start(lang) {
  const page = await openPage(env.browser, PHONE, env.server.url, { now: NOW });
  await widgetReady(page);
  if (lang === 'es') await page.locator('card-help').getByRole('button', { name: 'Español' }).click();
  return page;
}

const WORDS = {
  en: {
    story: 'I was charged twice for the same order',
    vague: 'a question about my bill',
    unsure: /We can't tell yet/,
    topic: 'A wrong or duplicate charge',
    yes: 'Yes',
    twice: 'I was charged twice',
    prefilled: /From what you wrote/,
    charge: "A charge I didn't make",
    next: 'Continue',
    future: 'That date is after today. Enter the day it happened.',
    closing: /^Closing my account/,
    closeIt: 'I want to close it',
    owed: 'Does the issuer owe you money (a credit balance)?',
  },
  es: {
    story: 'Me cobraron dos veces por el mismo pedido',
    vague: 'una pregunta sobre mi factura',
    unsure: /Todavía no sabemos/,
    topic: 'Un cargo incorrecto o duplicado',
    yes: 'Sí',
    twice: 'Me cobraron dos veces',
    prefilled: /Según lo que escribió/,
    charge: 'Un cargo que no hice',
    next: 'Continuar',
    future: 'Esa fecha es posterior a hoy. Escriba el día en que ocurrió.',
    closing: /^Cerrar mi cuenta/,
    closeIt: 'Quiero cerrarla',
    owed: '¿El emisor le debe dinero (un saldo a favor)?',
  },
};

for (const lang of ['en', 'es']) {
  const w = WORDS[lang];

  test(`typed words pre-answer a question, shown chosen and editable; vague words don't pick a topic, in ${lang}`, async () => {
    const page = await start(lang);
    const widget = page.locator('card-help');
    const story = widget.locator('#ch-story');
    await story.click();
    await page.keyboard.type(w.vague, { delay: 20 });
    assert.match(await widget.locator('.ch-suggest').innerText(), w.unsure);
    await story.fill('');
    await story.click();
    await page.keyboard.type(w.story, { delay: 20 });
    await widget.locator('.ch-suggest').getByRole('button', { name: w.topic, exact: true }).click();
    await widget.getByRole('button', { name: w.yes, exact: true }).click();
    await widget.locator('.ch-prefilled').waitFor();
    assert.match(await widget.locator('.ch-prefilled').innerText(), w.prefilled);
    const twice = widget.getByRole('button', { name: new RegExp(`${w.twice}$`) });
    assert.equal(await twice.getAttribute('aria-pressed'), 'true');
    assert.deepEqual(page.problems ?? [], []);
    await page.context().close();
  });

  test(`a date after today for something that already happened is refused on its field, in ${lang}`, async () => {
    const page = await start(lang);
    const widget = page.locator('card-help');
    await widget.getByRole('button', { name: new RegExp(`^${w.charge}`) }).click();
    await widget.getByRole('button', { name: w.yes, exact: true }).click();
    const date = widget.locator('#ch-q-date');
    await date.fill('2026-12-20');
    await widget.getByRole('button', { name: w.next, exact: true }).click();
    assert.equal((await widget.locator('#ch-q-err').innerText()).trim(), w.future);
    assert.equal(await date.getAttribute('aria-invalid'), 'true');
    assert.equal(await widget.locator('.ch-plan').count(), 0, 'no plan from a future date');
    await page.context().close();
  });

  test(`closing an account asks no rate-notice question, in ${lang}`, async () => {
    const page = await start(lang);
    const widget = page.locator('card-help');
    await widget.getByRole('button', { name: w.closing }).click();
    await widget.getByRole('button', { name: w.closeIt, exact: true }).click();
    await widget.locator('.ch-step-h', { hasText: w.owed }).waitFor();
    await page.context().close();
  });
}
