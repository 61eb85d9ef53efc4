// The cardholder paths, as data: one description of each path (what to do, what must be true),
// run step by step by every engine's driver (scripts/e2e/engines.mjs: WebKitGTK and Firefox over
// W3C WebDriver, and Chromium through chromedriver). The vocabulary is small on purpose:
//
//   { fill: field, text }            sets a form control's value at once, as Playwright's fill() does
//   { date: field, typed }           focuses a date field and types it key by key, as people do
//   { tap: name, within? }           clicks the button (or disclosure) of that exact name (or RegExp)
//   { tick: field } / { select: field, option }   a checkbox, an option of a <select>
//   { step: heading }                the step whose heading contains this text is shown and focused
//   { see: target, text | match | includes }  an element shows this text (exact, a RegExp, or
//                                    every string of a list), waiting for it
//   { attr: target, name, is }       an attribute's value (null: absent)
//   { value: field, is }             what a form control holds
//   { absent: target }               no such element is shown
//   { invalid: field, ... }          the field is flagged (aria-invalid); optionally described by
//                                    its error (`describedBy`), focused, with `error` reading
//                                    `message`, or with the validity message `validity`
//   { valid: field }                 the field is no longer flagged
//   { fits: what }                   no sideways scrolling, no control clipped, at 390 and 320 px
//   { calendar: button, dates }      the .ics download matches the deadlines ahead on screen
//   { download: button, file, sameAs }  a text download equals what the target shows
//   { print: button, has, lacks }    the print document: its title, the widget's print rules, the plan
//   { share: button, secrets }       the link carries none of `secrets` and opens the same plan
//   { save: button, forget: control, confirm: button, secrets }  stored only after the tap,
//                                    forgotten once the control's question is confirmed
//   { nothingStored: true }          every kind of browser storage is empty
//   { events: names, secrets }       these host events fired, none carrying a secret
//   { noViolations: true }           no securitypolicyviolation event
//   { page: { css } }                an element of the host page itself (outside any widget)
//   { shot: name, top }              a screenshot of what the reader sees, for the README
//
// A field or target is `{ label }`, `{ css, text? }` or `{ button }`; names are exact strings or
// RegExps. Everything happens inside the first <card-help> unless a step says `host`.

/** "Today" for every path: Monday, March 2, 2026. */
export const NOW = Date.parse('2026-03-02T15:00:00Z');
export const TODAY = '2026-03-02';

/** The host config the demo page gets before each path. */
export const CONFIG = {
  issuer_name: 'Northwind Bank',
  phones: {
    card_services: { number: '(800) 555-0100', hours: '24/7' },
    fraud: { number: '(800) 555-0199', hours: '24/7' },
  },
  billing_error_address: 'Billing Inquiries\nPO Box 100\nWilmington, DE 19850',
};

const lastFourError = 'Enter only the last 4 digits of your card number.';
const dateError = 'Enter a real date between 1990 and 2100.';

/** The charge's date and "already sent a dispute?", skipped: the billing-error questions' tail. */
const SKIP_CHARGE_DATE_AND_DISPUTE = [
  { step: 'What date was the charge made?' },
  { tap: "Skip: I don't know" },
  { step: 'Have you already sent the card company a written dispute?' },
  { tap: "Skip: I don't know" },
];

/**
 * The short path the example pages walk: a late fee the cardholder thinks is a mistake (how and
 * when it was paid skipped: a late fee is a payment question first), statement sent February 12.
 */
export const LATE_FEE = [
  { tap: /^A fee or interest I didn't expect/ },
  { step: 'Which charge is it?' },
  { tap: 'Late fee' },
  { step: 'How did you pay?' },
  { tap: "Skip: I don't know" },
  { step: 'When is (or was) the payment due?' },
  { tap: "Skip: I don't know" },
  { step: 'Do you think the issuer made a mistake?' },
  { tap: 'Yes' },
  { step: 'When was the first statement with the problem sent?' },
  { date: { css: '#ch-q-date' }, typed: '02/12/2026' },
  { tap: 'Continue' },
  ...SKIP_CHARGE_DATE_AND_DISPUTE,
  { step: 'Your plan' },
  { see: { css: '.ch-dl-when' }, match: /^April 13, 2026/ },
];

export const PATHS = [
  {
    name: 'an unauthorized charge, typed: a bad date, the plan, the letter, the calendar, printing, sharing, saving and forgetting',
    steps: [
      { fill: { label: 'Tell us what happened' }, text: "There's a charge on my card I didn't make" },
      { see: { css: '.ch-suggest' }, match: /This sounds like:[\s\S]*Because you wrote: charge/ },
      { fits: 'the start' },
      { tap: "A charge I didn't make", within: '.ch-suggest' },
      { step: 'Do you still have the card?' },
      { tap: 'No' },
      { step: 'When was the first statement with the problem sent?' },
      // A date that does not exist, typed with separators: refused, tied to the field.
      { date: { css: '#ch-q-date' }, typed: '02/30/2026' },
      { tap: 'Continue' },
      { invalid: { css: '#ch-q-date' }, describedBy: 'ch-q-err', focused: true },
      { fits: 'the date error' },
      // Recovery: the same field takes the real date, typed the same way.
      { date: { css: '#ch-q-date' }, typed: '02/10/2026' },
      { tap: 'Continue' },
      ...SKIP_CHARGE_DATE_AND_DISPUTE,
      { step: 'Your plan' },
      { see: { css: '.ch-urgency-label' }, text: 'Act today' },
      { attr: { css: '.ch-now a' }, name: 'href', is: 'tel:8005550199' },
      { see: { css: '.ch-dl' }, match: /April 11, 2026 · 40 days left/ },
      // How it was counted and the rule, one tap away; each cited law its own link.
      { tap: 'How this date is counted', within: '.ch-dl' },
      { attr: { css: '.ch-dl a' }, name: 'href', is: 'https://www.ecfr.gov/current/title-12/section-1026.13' },
      { attr: { css: '.ch-dl a' }, name: 'aria-label', is: 'Regulation Z, section 1026.13(b)(1), opens in a new tab' },
      { shot: 'plan', top: { css: '.ch-step-h' } },
      { fits: 'the plan' },
      { tick: { label: 'Lock the card in the app or your online account.' } },
      // The letter, one tap away: prefilled from the plan and the host, completed on the device.
      { tap: 'Write your letter' },
      { see: { css: '.ch-letter-text' }, match: /\[your full name\]/ },
      { see: { css: '.ch-letter-text' }, match: /statement dated February 10, 2026/ },
      { fill: { label: 'Your full name' }, text: 'Ana Rivera' },
      { fill: { label: 'Last 4 digits of your card' }, text: '12345' },
      { invalid: { label: 'Last 4 digits of your card' }, error: { css: '#ch-f-last4-err' }, message: lastFourError },
      { fill: { label: 'Last 4 digits of your card' }, text: '4321' },
      { date: { label: 'Date of the charge' }, typed: '02/03/2026' },
      { see: { css: '.ch-letter-text' }, match: /February 3, 2026/ },
      { fill: { label: 'Amount (US$)' }, text: '249.99' },
      { fill: { label: 'Merchant or description' }, text: 'ACME ONLINE' },
      { see: { css: '.ch-letter-text' }, includes: ['Ana Rivera', 'account ending in 4321', 'February 3, 2026', '$249.99', 'ACME ONLINE'] },
      { see: { css: '.ch-missing' }, match: /Your mailing address/ },
      { see: { css: '.ch-letter' }, match: /receives it by April 11, 2026/ },
      { fits: 'the letter' },
      { print: 'Print or save as PDF', has: [/Your plan/, /April 11, 2026/], lacks: [/Ana Rivera/] },
      // The notice's day, and its own event on the last day to mail it.
      { calendar: 'Add dates to my calendar (.ics)', dates: ['20260403', '20260411'] },
      { nothingStored: true },
      { share: 'Get a link to this plan', secrets: ['Rivera', '4321', '249', 'ACME'] },
      // Forgetting clears the screen too, so it comes last.
      { save: 'Save on this device', forget: 'Forget this', confirm: 'Yes, forget it', secrets: ['Rivera', '4321'] },
      { events: ['topic', 'plan', 'calendar', 'share', 'storage'], secrets: ['Rivera', '4321', '249', 'ACME', '2026-02', 'charge on my card'] },
    ],
  },
  {
    name: 'a late fee, tapped: the plan, the billing-error notice, the letter download, the calendar and the share link',
    steps: [
      ...LATE_FEE,
      { see: { css: '.ch-urgency-label' }, text: 'Act soon' },
      { see: { css: '.ch-now' }, match: /\(800\) 555-0100/ },
      { see: { css: '.ch-dl' }, match: /April 13, 2026 · 42 days left/ },
      { tap: 'Write your letter' },
      { see: { css: '.ch-letter-text' }, match: /Northwind Bank\nBilling Inquiries/ },
      { select: { label: "What's wrong with it" }, option: 'computation_error' },
      { see: { css: '.ch-letter-text' }, match: /computation or accounting error/ },
      { fits: 'the letter' },
      { download: 'Download letter (.txt)', file: 'billing_error_notice.txt', sameAs: { css: '.ch-letter-text' } },
      { calendar: 'Add dates to my calendar (.ics)', dates: ['20260406', '20260413'] },
      { share: 'Get a link to this plan', secrets: [] },
      { nothingStored: true },
    ],
  },
  {
    name: 'identity theft, in Spanish: the plan, the letter, the calendar, the share link and back to English',
    steps: [
      { tap: 'Español' },
      { see: { css: 'h2' }, text: 'Ayuda con su tarjeta' },
      { fits: 'the start in Spanish' },
      { tap: /^Robo de identidad/ },
      { step: '¿Qué encontró?' },
      { tap: 'Cargos en mi propia tarjeta' },
      { step: '¿Esa cuenta es de esta compañía de tarjetas o de otra compañía?' },
      { tap: 'Con esta compañía de tarjetas' },
      { step: '¿Ya protegió su crédito?' },
      { tap: 'Las dos cosas' },
      { step: '¿Cuándo pidió la alerta de fraude?' },
      { date: { css: '#ch-q-date' }, typed: '02/20/2026' },
      { tap: 'Continuar' },
      { step: '¿Cuándo pidió el congelamiento?' },
      { date: { css: '#ch-q-date' }, typed: '02/25/2026' },
      { tap: 'Continuar' },
      { step: '¿Cómo pidió el congelamiento?' },
      { tap: 'En línea' },
      // Charges on a card of this company are a billing error too: its questions, skipped.
      { step: '¿Cuándo le enviaron el primer estado de cuenta con el problema?' },
      { tap: 'Omitir: no lo sé' },
      { step: '¿No sabe cuándo se envió?' },
      { tap: 'Omitir: no lo sé' },
      { step: '¿En qué fecha se hizo el cargo?' },
      { tap: 'Omitir: no lo sé' },
      { step: '¿Ya le envió a la compañía una disputa por escrito?' },
      { tap: 'Omitir: no lo sé' },
      { step: 'Su plan' },
      { see: { css: '.ch-urgency-label' }, text: 'Actúe hoy' },
      { see: { css: '.ch-timeline' }, match: /26 de febrero de 2026 · Ya pasó/ },
      { see: { css: '.ch-timeline' }, match: /19 de febrero de 2027 · Quedan 354 días/ },
      { tap: 'Redactar su carta' },
      { see: { css: '.ch-letter-text' }, match: /Aviso de error de facturación/ },
      { fill: { label: 'Su nombre completo' }, text: 'Ana Rivera' },
      { fits: 'the plan in Spanish' },
      { calendar: 'Agregar fechas a mi calendario (.ics)', dates: ['20270219'] },
      { share: 'Obtener un enlace a este plan', secrets: ['Rivera'] },
      // The language switches back without losing anything.
      { tap: 'English' },
      { see: { css: '.ch-step-h' }, text: 'Your plan' },
      { see: { css: '.ch-timeline' }, match: /February 19, 2027 · 354 days left/ },
      { value: { label: 'Your full name' }, is: 'Ana Rivera' },
      { nothingStored: true },
    ],
  },
];

/** A charge I didn't make, tapped, up to its plan and letter. */
const UNAUTHORIZED_PLAN = [
  { tap: /^A charge I didn't make/ },
  { step: 'Do you still have the card?' },
  { tap: 'No' },
  { date: { css: '#ch-q-date' }, typed: '02/10/2026' },
  { tap: 'Continue' },
  ...SKIP_CHARGE_DATE_AND_DISPUTE,
  { step: 'Your plan' },
];

/**
 * Date fields, in every engine: an impossible or partial date is caught on its field, and the
 * same field then takes a real date.
 */
export const DATES = [
  {
    name: 'a question date: partial input is caught on the field, then a real date typed with separators is taken',
    steps: [
      { tap: /^A charge I didn't make/ },
      { tap: 'No' },
      { step: 'When was the first statement with the problem sent?' },
      { date: { css: '#ch-q-date' }, typed: '02/10' },
      { tap: 'Continue' },
      { invalid: { css: '#ch-q-date' }, describedBy: 'ch-q-err', focused: true },
      { date: { css: '#ch-q-date' }, typed: '02/10/2026' },
      { tap: 'Continue' },
      ...SKIP_CHARGE_DATE_AND_DISPUTE,
      { step: 'Your plan' },
      { see: { css: '.ch-dl' }, match: /April 11, 2026 · 40 days left/ },
    ],
  },
  {
    name: 'a letter date retyped as one that does not exist is flagged on the field with its error, the letter shows it blank, and a real date clears the flag',
    steps: [
      ...UNAUTHORIZED_PLAN,
      { tap: 'Write your letter' },
      { date: { label: 'Date of the charge' }, typed: '02/03/2026' },
      { see: { css: '.ch-letter-text' }, match: /February 3, 2026/ },
      { date: { label: 'Date of the charge' }, typed: '02/30/2026' },
      { invalid: { label: 'Date of the charge' }, validity: dateError, describedBy: 'ch-f-charge_date-err', error: { css: '#ch-f-charge_date-err' }, message: dateError },
      { see: { css: '.ch-letter-text' }, match: /Date of the charge: \[date of the charge\]/ },
      { date: { label: 'Date of the charge' }, typed: '02/03/2026' },
      { valid: { label: 'Date of the charge' } },
      { see: { css: '.ch-letter-text' }, match: /February 3, 2026/ },
    ],
  },
];

/**
 * Every example host page in www/examples/: each renders its widgets and completes the late-fee
 * path in the first one (Spanish pages are switched to English first, so one set of labels
 * serves); the headless page draws its own list from the engine.
 */
export const EXAMPLES = [
  { page: 'plain.html', steps: LATE_FEE },
  { page: 'hostile-css.html', steps: LATE_FEE },
  { page: 'spanish.html', steps: [{ attr: { css: 'section' }, name: 'lang', is: 'es' }, { tap: 'English' }, ...LATE_FEE] },
  {
    page: 'two-instances.html',
    widgets: 2,
    steps: [...LATE_FEE, { see: { css: '.ch-step-h', host: '#second' }, match: /./ }, { absent: { css: '.ch-plan', host: '#second' } }],
  },
  { page: 'csp.html', steps: [...LATE_FEE, { noViolations: true }] },
  { page: 'headless.html', widgets: 0, steps: [{ page: { css: '#deadlines li' } }] },
];
