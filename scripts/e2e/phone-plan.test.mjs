// The plan on a 390x844 phone, for every topic, on the demo page with "today" pinned to Monday,
// March 2, 2026: with "Your plan" at the top of the screen, the one thing to do next, its door
// and its date (with the mail-by date) are on that first screen whenever the plan has a date
// ahead. Prints what the first screen holds and how tall the plan and the whole widget are, in
// screens, for the README and for whoever changes the plan's layout (reported, not asserted:
// only sane bounds are). Then, on the billing dispute, that how a date was counted and the rule
// it rests on are one tap away (a disclosure that reaches the accessibility tree when open), that
// each cited law is its own link named in words that says it opens a new tab, and that the print
// copy opens every disclosure.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serveAndLaunch, openPage, widgetReady, axe } from './harness.mjs';

const PHONE = { width: 390, height: 844 };
const NOW = new Date('2026-03-02T15:00:00Z');
const env = serveAndLaunch();

/** Every topic, with answers that date its deadlines where its questions can (share-link form). */
const TOPICS = [
  ['unauthorized_charge', 'a.still_have_card=yes&f.statement_sent=2026-02-10&a.notice_sent=no'],
  ['billing_dispute', 'a.made_purchase=yes&a.dispute_kind=duplicate&f.statement_sent=2026-02-10&a.notice_sent=no'],
  ['fees_interest', 'a.fee_kind=late_fee&a.charge_is_error=yes&f.statement_sent=2026-02-10&a.notice_sent=no'],
  ['payment_issue', 'a.payment_problem=not_posted&a.payment_method=mail&f.due_date=2026-03-10'],
  ['identity_theft', 'a.theft_kind=existing_card&a.account_holder=this_company&a.protection_done=fraud_alert&f.fraud_alert_placed=2026-02-20'],
  ['credit_reporting', 'a.report_problem=wrong_details&f.report_dispute_received=2026-02-20'],
  ['account_closure', 'a.closure_reason=reject_change&f.terms_notice_sent=2026-02-20&a.credit_balance=no'],
  ['credit_limit_application', 'a.limit_event=limit_cut&f.adverse_action_date=2026-02-20'],
  ['rewards_promotions', 'a.rewards_problem=promo_rate&f.statement_sent=2026-02-10&a.notice_sent=no'],
  ['card_problem', 'a.card_status=lost&a.unknown_charges=yes&f.statement_sent=2026-02-10&a.notice_sent=no'],
  ['hardship', 'a.hardship_status=will_miss&f.due_date=2026-03-10'],
  ['account_service', 'a.service_need=update_info'],
];

/** Opens the plan for `topic` from a share link, as a cardholder coming back to a case. */
async function openPlan(topic, hash, lang = 'en') {
  const url = `${env.server.url}#cardhelp=v=1&t=${topic}&l=${lang}&${hash}`;
  const page = await openPage(env.browser, PHONE, url, { now: NOW });
  await widgetReady(page);
  await page.locator('card-help .ch-plan').waitFor();
  return page;
}

/**
 * With the plan's heading scrolled to the top of the screen: where each part of the plan ends
 * (px from the heading), and the heights of the plan and of the whole widget.
 */
function measure(page) {
  return page.locator('card-help').evaluate((host) => {
    const root = host.shadowRoot;
    const heading = root.querySelector('.ch-plan .ch-step-h');
    heading.scrollIntoView({ block: 'start' });
    const top = heading.getBoundingClientRect().top;
    const bottom = (sel) => {
      const el = root.querySelector(sel);
      return el ? Math.round(el.getBoundingClientRect().bottom - top) : null;
    };
    const parts = {
      urgency: '.ch-urgency-label',
      reasons: '.ch-urgency > ul',
      next: '.ch-next > p',
      door: '.ch-next > p:nth-of-type(2)',
      date: '.ch-next-date',
      mail_by: '.ch-next .ch-mail',
      box: '.ch-urgency',
      call_button: '.ch-now',
      steps: '.ch-checks',
    };
    const ends = Object.fromEntries(Object.entries(parts).map(([name, sel]) => [name, bottom(sel)]));
    const next = root.querySelector('.ch-next');
    return {
      ends,
      next: next && {
        step: next.children[0].textContent,
        door: next.querySelector('p:nth-of-type(2)')?.textContent ?? null,
        date: root.querySelector('.ch-next-date')?.textContent ?? null,
        mailBy: root.querySelector('.ch-next .ch-mail')?.textContent ?? null,
      },
      steps: [...root.querySelectorAll('.ch-plan .ch-checks label')].map((l) => l.textContent),
      datesAhead: root.querySelectorAll('.ch-dl:not([data-passed])').length,
      plan: Math.round(root.querySelector('.ch-plan').getBoundingClientRect().height),
      widget: Math.round(root.querySelector('.ch-root, section.ch').getBoundingClientRect().height),
      viewport: window.innerHeight,
    };
  });
}

const screens = (px) => (px / PHONE.height).toFixed(1);

for (const lang of ['en', 'es']) {
  test(`every topic's plan on a 390x844 phone, in ${lang}: the next step, its door and its date fit the first screen`, async () => {
    const rows = [];
    for (const [topic, hash] of TOPICS) {
      const page = await openPlan(topic, hash, lang);
      const m = await measure(page);
      await page.context().close();
      const first = Object.entries(m.ends)
        .filter(([, end]) => end !== null && end <= m.viewport)
        .map(([name]) => name);
      rows.push({ topic, first: first.join(', '), key: m.ends.mail_by ?? m.ends.date ?? m.ends.door, plan: screens(m.plan), widget: screens(m.widget) });

      assert.ok(m.next, `${topic}: the urgency box names the next thing to do`);
      assert.ok(m.steps.some((s) => m.next.step.endsWith(s)), `${topic}: the next thing is one of the plan's steps: ${m.next.step}`);
      assert.ok(m.next.door, `${topic}: the next thing has its door`);
      assert.ok(m.plan > 0 && m.plan < 30 * PHONE.height, `${topic}: a sane plan height (${m.plan}px)`);
      if (m.datesAhead > 0) {
        assert.match(m.next.date ?? '', /20\d\d · /, `${topic}: the urgency box gives the date and the days left`);
        for (const part of ['next', 'door', 'date']) {
          assert.ok(m.ends[part] <= m.viewport, `${topic}: the ${part} ends ${m.ends[part]}px below "Your plan", past the first screen (${m.viewport}px)`);
        }
        if (m.ends.mail_by !== null) assert.ok(m.ends.mail_by <= m.viewport, `${topic}: the mail-by date is on the first screen`);
      }
    }
    // The report: what the first screen holds under "Your plan" and how tall the plan is.
    console.log(`\nThe plan at 390x844 (${lang}), with "Your plan" at the top of the screen:`);
    console.log('topic                      | key thing ends (px) | plan (screens) | widget (screens) | on the first screen');
    for (const r of rows) {
      console.log(`${r.topic.padEnd(26)} | ${String(r.key ?? '-').padStart(19)} | ${r.plan.padStart(14)} | ${r.widget.padStart(16)} | ${r.first}`);
    }
  });
}

test('a billing dispute: the date is one tap from how it was counted and the laws it rests on, each its own link, all printed', async () => {
  const page = await openPlan('billing_dispute', TOPICS[1][1]);
  const widget = page.locator('card-help');
  const box = widget.locator('.ch-urgency');
  assert.match(await box.innerText(), /Next: Send a written billing-error notice so it arrives by April 11, 2026: mail it by April 3, 2026/);
  assert.match(await box.innerText(), /Where: Letter to the billing-error address/);
  assert.match(await box.innerText(), /April 11, 2026 · 40 days left/);
  assert.match(await box.innerText(), /Mail by April 3, 2026/);

  // Closed, the details are out of sight and out of the accessibility tree...
  const regZ = widget.getByRole('link', { name: 'Regulation Z, section 1026.13(b)(1), opens in a new tab', exact: true });
  assert.equal(await regZ.count(), 0, 'closed disclosures hide their links');
  const open = box.getByText('How this date is counted');
  assert.equal(await open.evaluate((s) => s.parentElement.open), false);
  // ...one tap opens them, and they are read out.
  await open.click();
  assert.equal(await regZ.count(), 1);
  assert.match(await box.innerText(), /How it's counted: 60 calendar days after the start date \(day 0\)/);
  assert.match(await box.innerText(), /Counted from: Statement sent: February 10, 2026/);
  const fcba = box.getByRole('link', { name: 'Fair Credit Billing Act, 15 U.S.C. section 1666(a), opens in a new tab', exact: true });
  assert.equal(await fcba.getAttribute('href'), 'https://uscode.house.gov/view.xhtml?req=granuleid:USC-prelim-title15-section1666');
  assert.equal(await fcba.getAttribute('target'), '_blank');
  assert.match(await box.innerText(), /Rule: Regulation Z, section 1026\.13\(b\)\(1\)\s*\(12 CFR 1026\.13\(b\)\(1\)\); Fair Credit Billing Act, 15 U\.S\.C\. section 1666\(a\)\s*\(15 USC 1666\(a\)\)/, 'each law named, the short citation still shown');
  assert.equal(await regZ.evaluate((a) => getComputedStyle(a, '::after').content), '" \u2197"', 'with a new-tab mark');
  assert.deepEqual(await axe(page), [], 'axe with a disclosure open');

  // The print copy opens every disclosure, so paper shows everything.
  await widget.getByRole('button', { name: 'Print or save as PDF' }).click();
  const printed = await page.waitForFunction(() => {
    const frame = document.querySelector('card-help').shadowRoot.querySelector('iframe.ch-print-frame');
    const doc = frame?.contentDocument;
    if (doc?.readyState !== 'complete' || !doc.adoptedStyleSheets.length) return null;
    const details = [...doc.querySelectorAll('details')];
    return { count: details.length, closed: details.filter((d) => !d.open).length, text: doc.body.innerText };
  });
  const print = await printed.jsonValue();
  assert.ok(print.count >= 2, `the plan has disclosures (${print.count})`);
  assert.equal(print.closed, 0, 'every disclosure is open in the print copy');
  assert.match(print.text, /received by a creditor … no later than 60 days/, 'the law\'s words are printed');
  assert.match(print.text, /"day 0"|day 0/);
  assert.equal(await widget.locator('.ch-timeline details[open]').count(), 0, 'the screen keeps its own disclosures closed');
  // Playwright's clock script is blocked in the print frame's sandbox (no scripts), as it should be.
  assert.deepEqual(page.problems.filter((p) => !p.includes("in 'about:srcdoc' because the document's frame is sandboxed")), []);
  await page.context().close();
});
