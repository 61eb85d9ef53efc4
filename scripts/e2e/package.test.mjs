// The npm package as an operator gets it: scripts/package.mjs builds it from dist/, `npm pack`
// packs it, and the tarball is installed (offline) into a fresh folder. There, `tsc` compiles a
// strict TypeScript host against its types, and a plain HTML page (its loader pinned with SRI)
// and a TypeScript page (compiled by tsc, bundler-free, an import map) each run a cardholder's
// path in Chromium. Finally every event detail and headless-API answer seen on the way is
// compiled against the types as a literal (`satisfies`), so a field the types lack or mistype
// fails here (tests/package_types.rs checks the same natively, field by field).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildPackage, cssProperties, sri, typedEvents } from '../package.mjs';
import { cargoVersion } from '../version.mjs';
import { serve, launch, openPage, widgetReady, recordEvents, root, VIEWPORTS, walkLateFeePath } from './harness.mjs';

const version = cargoVersion();
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const env = {};

/** Runs a command in `cwd`; its output is returned, and shown if it fails. */
function run(cwd, command, args) {
  try {
    return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    throw new Error(`${command} ${args.join(' ')} failed:\n${error.stdout}\n${error.stderr}`);
  }
}

/** Compiles the project in `dir` (a tsconfig.json there); returns tsc's report, '' when clean. */
function compile(dir) {
  try {
    execFileSync(process.execPath, [tsc, '-p', dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return '';
  } catch (error) {
    return `${error.stdout}${error.stderr}`;
  }
}

const STRICT = {
  strict: true,
  target: 'es2022',
  module: 'es2022',
  moduleResolution: 'bundler',
  lib: ['es2022', 'dom', 'dom.iterable'],
  skipLibCheck: false,
  noUnusedLocals: true,
};

before(async () => {
  env.package = buildPackage();
  env.tmp = mkdtempSync(join(tmpdir(), 'cardhelp-package-'));
  const [packed] = JSON.parse(run(env.package.dir, 'npm', ['pack', '--json', '--pack-destination', env.tmp]));
  env.packed = packed;
  env.host = join(env.tmp, 'host');
  run(env.tmp, 'mkdir', ['host']);
  writeFileSync(join(env.host, 'package.json'), JSON.stringify({ name: 'host', private: true, type: 'module' }));
  // The tarball has no dependencies: installing it needs no network.
  run(env.host, 'npm', ['install', '--offline', '--no-audit', '--no-fund', join(env.tmp, packed.filename)]);
  env.installed = join(env.host, 'node_modules', 'cardhelp');
  env.browser = await launch();
});

after(async () => {
  await env.browser?.close();
  await env.server?.close();
  if (env.tmp) rmSync(env.tmp, { recursive: true, force: true });
});

test('npm pack holds the loader, the app, the stylesheet, the types, the manifest, the licenses', () => {
  assert.equal(env.packed.name, 'cardhelp');
  assert.equal(env.packed.version, version);
  assert.equal(env.packed.filename, `cardhelp-${version}.tgz`);
  assert.deepEqual(env.packed.files.map((f) => f.path).sort(), [
    'CHANGELOG.md', 'LICENSE-APACHE', 'LICENSE-MIT', 'README.md', 'app/cardhelp.js', 'app/cardhelp_bg.wasm',
    'cardhelp.config.schema.json', 'cardhelp.css', 'cardhelp.d.ts', 'cardhelp.js', 'configure.css', 'configure.html',
    'configure.js', 'contrast.js', 'custom-elements.json', 'fallback.js', 'package.json',
  ]);
  // The widget files are dist/'s, byte for byte, and the hashes printed are theirs.
  for (const file of ['cardhelp.js', 'app/cardhelp_bg.wasm', 'cardhelp.css']) {
    const installed = readFileSync(join(env.installed, file));
    assert.ok(installed.equals(readFileSync(join(root, 'dist', file))), file);
    assert.equal(env.package.hashes[file], sri(installed), file);
  }
  assert.match(readFileSync(join(env.installed, 'README.md'), 'utf8'), new RegExp(`cardhelp@${version.replaceAll('.', '\\.')}/cardhelp\\.js`));
});

test('package.json points at files that exist, and Node resolves the exports', () => {
  const pkg = JSON.parse(readFileSync(join(env.installed, 'package.json'), 'utf8'));
  assert.equal(pkg.version, version);
  assert.equal(pkg.type, 'module');
  assert.equal(pkg.license, 'MIT OR Apache-2.0');
  for (const file of [pkg.types, pkg.customElements, pkg.exports['.'].default, pkg.exports['.'].types]) {
    assert.ok(readFileSync(join(env.installed, file)).length > 0, file);
  }
  const resolved = run(env.host, process.execPath, ['--input-type=module', '-e',
    "for (const s of ['cardhelp', 'cardhelp/cardhelp.css', 'cardhelp/app/cardhelp_bg.wasm', 'cardhelp/custom-elements.json']) console.log(import.meta.resolve(s))"]);
  assert.deepEqual(resolved.trim().split('\n').map((u) => u.slice(u.indexOf('/node_modules/'))), [
    '/node_modules/cardhelp/cardhelp.js', '/node_modules/cardhelp/cardhelp.css',
    '/node_modules/cardhelp/app/cardhelp_bg.wasm', '/node_modules/cardhelp/custom-elements.json',
  ]);
});

test('the Custom Elements Manifest names the element, its attributes, every typed event and custom property', () => {
  const cem = JSON.parse(readFileSync(join(env.installed, 'custom-elements.json'), 'utf8'));
  assert.equal(cem.schemaVersion, '2.1.0');
  const [module] = cem.modules;
  const element = module.declarations.find((d) => d.customElement);
  assert.equal(element.tagName, 'card-help');
  const types = readFileSync(join(env.installed, 'cardhelp.d.ts'), 'utf8');
  assert.deepEqual(element.attributes.map((a) => a.name), typedAttributes(types));
  assert.deepEqual(element.events.map((e) => e.name), typedEvents(types).map(([name]) => name));
  assert.equal(element.events.length, 10);
  assert.deepEqual(element.cssProperties.map((p) => p.name),
    cssProperties(readFileSync(join(root, 'www', 'cardhelp.css'), 'utf8')));
  assert.deepEqual(module.exports.map((e) => e.name).sort(),
    ['card-help', 'cardhelp', 'classify', 'deadlines', 'plan', 'questions', 'ready']);
});

/** The string literals of `type CardHelpAttribute = …;` in the types, in order. */
function typedAttributes(types) {
  const union = types.match(/type CardHelpAttribute =([^;]*);/)?.[1];
  assert.ok(union, 'cardhelp.d.ts has no type CardHelpAttribute');
  return [...union.matchAll(/'([^']+)'/g)].map((m) => m[1]);
}

/** A strict TypeScript host using the element, its events and the headless API. */
const HOST_TS = `
import { plan, questions, classify, deadlines, ready, cardhelp } from 'cardhelp';
import type { Case, HostConfig, Plan, PlanDetail, CardHelpElement, CardHelpAttribute, DeadlineId, Questions } from 'cardhelp';

const config: HostConfig = {
  issuer_name: 'Example Bank',
  phones: { fraud: { number: '(800) 555-0199', hours: { en: '24/7', es: 'las 24 horas' } } },
  calendar: { closed_days: ['2026-11-27'], mail_on_saturday: false },
  topics: ['unauthorized_charge', 'billing_dispute'],
};
const widget: CardHelpElement = document.createElement('card-help');
widget.config = config;
const attribute: CardHelpAttribute = 'locale';
widget.setAttribute(attribute, 'es');
const found: CardHelpElement | null = document.querySelector('card-help');
widget.addEventListener('cardhelp:plan', (e) => {
  const detail: PlanDetail = e.detail;
  const first: DeadlineId | undefined = detail.deadline_ids[0];
  console.log(first, detail.urgency.toUpperCase());
});
document.addEventListener('cardhelp:ready', (e) => console.log(e.detail.version, e.detail.locale));
window.addEventListener('cardhelp:error', (e) => console.log(e.detail.code));
const version: string | undefined = customElements.get('card-help')?.version;

const c: Case = { today: '2026-02-10', topic: 'billing_dispute', facts: { statement_sent: '2026-01-15' } };
const p: Plan = await plan(c);
const q: Questions = await questions(c);
const d = await deadlines({ due_date: '2026-07-04', payment_method: 'mail' }, { today: '2026-07-01' });
const k = await classify('charged twice');
await ready();
console.log(p.deadlines[0]?.mail_by?.date, q.questions[0]?.kind, d[0]?.days_left, k.topics[0]?.score, found, version);
console.log(cardhelp.plan === plan, window.cardhelp?.questions);

// The types are not \`any\`: each of these must be an error.
// @ts-expect-error: no such topic id
const wrongTopic: Case = { today: '2026-02-10', topic: 'lost_card' };
// @ts-expect-error: a plan's detail has deadline_ids, not deadlineIds
widget.addEventListener('cardhelp:plan', (e) => e.detail.deadlineIds);
// @ts-expect-error: \`today\` is required
const noToday: Case = { topic: 'hardship' };
// @ts-expect-error: the phone number is a string
const badConfig: HostConfig = { phones: { fraud: { number: 8005550199 } } };
console.log(wrongTopic, noToday, badConfig);
export {};
`;

test('tsc --noEmit compiles a strict TypeScript host against the installed types', () => {
  const dir = join(env.tmp, 'host-ts');
  run(env.tmp, 'mkdir', ['-p', dir]);
  // The host folder's node_modules is where `cardhelp` resolves from.
  run(dir, 'ln', ['-s', join(env.host, 'node_modules'), 'node_modules']);
  writeFileSync(join(dir, 'host.ts'), HOST_TS);
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { ...STRICT, noEmit: true }, files: ['host.ts'] }));
  assert.equal(compile(dir), '');
  // And it can fail: a misspelt field is reported.
  writeFileSync(join(dir, 'host.ts'), `${HOST_TS}\nconst late: string = (await plan({ today: '2026-02-10' })).deadlines[0]!.dayz_left;\n`);
  assert.match(compile(dir), /dayz_left/);
});

/** The plain page: the loader pinned by version path and SRI, the element in the HTML. */
const plainPage = (integrity) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Card help</title>
<link rel="icon" href="data:,">
<script type="module" async crossorigin="anonymous" src="/node_modules/cardhelp/cardhelp.js" integrity="${integrity}"></script>
</head><body><main><h1>Card help</h1>
<card-help today="2026-03-02" config='{"issuer_name": "Example Bank"}'></card-help>
</main></body></html>`;

/** The TypeScript page: compiled by tsc to page.js, `cardhelp` mapped by an import map. */
const PAGE_TS = `
import { plan, questions, classify, deadlines } from 'cardhelp';
import type { CardHelpElement, CardHelpEventDetail, TopicId } from 'cardhelp';

declare global {
  interface Window { seen: { details: CardHelpEventDetail[]; api: unknown[]; version?: string } }
}
window.seen = { details: [], api: [] };
const names = ['ready', 'topic', 'plan', 'letter', 'calendar', 'print', 'share', 'storage', 'locale', 'error'] as const;
for (const name of names) {
  document.addEventListener(\`cardhelp:\${name}\`, (e) => window.seen.details.push(e.detail));
}
const widget: CardHelpElement = document.createElement('card-help');
widget.config = { issuer_name: 'Example Bank', phones: { fraud: { number: '(800) 555-0199', hours: '24/7' } },
                  billing_error_address: 'PO Box 100\\nWilmington, DE 19850', dispute_form_url: 'https://bank.example/d',
                  phone: 'a key the widget does not know' } as CardHelpElement['config'];
widget.setAttribute('today', '2026-03-02');
document.querySelector('main')!.append(widget);
window.seen.version = customElements.get('card-help')?.version;

const topic: TopicId = 'billing_dispute';
const today = '2026-03-02';
window.seen.api.push(
  await plan({ today, topic, facts: { statement_sent: '2026-02-10', notice_received: '2026-02-20', cycle_closing_day: 5 } }),
  await plan({ today, text: 'someone used my card for a charge I did not make', locale: 'es', config: { issuer_name: 'X', app_url: 'javascript:void 0' } }),
  await questions({ today, topic, text: 'charged twice' }),
  await deadlines({ due_date: '2026-03-07', payment_method: 'mail' }, { today }),
  await classify('I was charged twice'),
);
`;

const tsPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Card help (TypeScript)</title>
<link rel="icon" href="data:,">
<script type="importmap">{"imports": {"cardhelp": "/node_modules/cardhelp/cardhelp.js"}}</script>
<script type="module" src="/page.js"></script>
</head><body><main><h1>Card help</h1></main></body></html>`;

/**
 * A cardholder's path: a late fee they think is a mistake, how and when they paid skipped, a
 * statement sent February 12, 2026; then the plan's first date, and a switch to Spanish.
 */
async function latefeePath(page) {
  const widget = page.locator('card-help');
  await widgetReady(page);
  await walkLateFeePath(widget);
  assert.match(await widget.locator('.ch-dl').first().innerText(), /April 13, 2026/);
  await widget.locator('button[lang=es]').click();
  await widget.locator('section[lang=es]').first().waitFor();
}

async function servedHost() {
  env.server ??= await serve(env.host);
  return env.server;
}

test('a plain HTML page served from the installed package, its loader pinned with SRI, runs a full path', async () => {
  const server = await servedHost();
  writeFileSync(join(env.host, 'plain.html'), plainPage(env.package.hashes['cardhelp.js']));
  const context = await env.browser.newContext({ viewport: VIEWPORTS[0], reducedMotion: 'reduce' });
  await recordEvents(context);
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(`${server.url}plain.html`);
  await latefeePath(page);
  assert.equal(await page.evaluate(() => customElements.get('card-help').version), version);
  // The module's real exports are the manifest's (less the element's definition).
  const cem = JSON.parse(readFileSync(join(env.installed, 'custom-elements.json'), 'utf8'));
  const exported = await page.evaluate(() => import('/node_modules/cardhelp/cardhelp.js').then((m) => Object.keys(m).sort()));
  assert.deepEqual(exported, cem.modules[0].exports.filter((e) => e.kind === 'js').map((e) => e.name).sort());
  // The attributes the element really observes are the ones typed (and so in the manifest).
  const types = readFileSync(join(env.installed, 'cardhelp.d.ts'), 'utf8');
  assert.deepEqual(await page.evaluate(() => customElements.get('card-help').observedAttributes), typedAttributes(types));
  const events = await page.evaluate(() => window.__cardhelpEvents);
  assert.deepEqual(events.map((e) => e.name), ['cardhelp:ready', 'cardhelp:topic', 'cardhelp:plan', 'cardhelp:locale']);
  assert.deepEqual(events[0].detail, { type: 'ready', locale: 'en', version });
  assert.deepEqual(problems, []);
  await context.close();
});

test('a wrong SRI hash on the loader stops it: the hash printed is the one checked', async () => {
  const server = await servedHost();
  const wrong = sri(Buffer.from('not the loader'));
  writeFileSync(join(env.host, 'tampered.html'), plainPage(wrong));
  const page = await openPage(env.browser, VIEWPORTS[0], `${server.url}tampered.html`);
  await page.waitForFunction(() => document.readyState === 'complete');
  assert.equal(await page.evaluate(() => customElements.get('card-help')), undefined);
  assert.match(page.problems.join('\n'), /integrity/i);
  await page.context().close();
});

test('a TypeScript page, compiled by tsc and loaded through an import map, runs a full path; what it saw matches the types', async () => {
  const server = await servedHost();
  writeFileSync(join(env.host, 'page.ts'), PAGE_TS);
  writeFileSync(join(env.host, 'index-ts.html'), tsPage);
  writeFileSync(join(env.host, 'tsconfig.json'), JSON.stringify({ compilerOptions: { ...STRICT, outDir: '.' }, files: ['page.ts'] }));
  assert.equal(compile(env.host), '');

  const page = await openPage(env.browser, VIEWPORTS[0], `${server.url}index-ts.html`);
  await latefeePath(page);
  await page.waitForFunction(() => window.seen.api.length === 5);
  const seen = await page.evaluate(() => window.seen);
  assert.equal(seen.version, version);
  assert.deepEqual(seen.details.map((d) => d.type), ['ready', 'error', 'topic', 'plan', 'locale']);
  assert.deepEqual(seen.details[1], {
    type: 'error', code: 'config', problems: [{ field: 'phone', message: 'unknown key; did you mean "phones"?' }],
  });
  // The config's one mistake is logged for the operator, and nothing else is.
  assert.deepEqual(page.problems.map((p) => p.split(':').slice(0, 3).join(':')), ['console: cardhelp config: phone']);

  // Every answer and detail, as literals checked against the types: an extra, missing or
  // mistyped field is a compile error.
  const [planned, told, asked, dated, classified] = seen.api;
  const literal = (value) => JSON.stringify(value, null, 1);
  const drift = join(env.tmp, 'drift');
  run(env.tmp, 'mkdir', ['-p', drift]);
  run(drift, 'ln', ['-s', join(env.host, 'node_modules'), 'node_modules']);
  writeFileSync(join(drift, 'seen.ts'), `import type { Plan, Questions, Deadline, Classification, CardHelpEventDetail } from 'cardhelp';
export const planned = ${literal(planned)} satisfies Plan;
export const told = ${literal(told)} satisfies Plan;
export const asked = ${literal(asked)} satisfies Questions;
export const dated = ${literal(dated)} satisfies Deadline[];
export const classified = ${literal(classified)} satisfies Classification;
export const details = ${literal(seen.details)} satisfies CardHelpEventDetail[];
`);
  writeFileSync(join(drift, 'tsconfig.json'), JSON.stringify({ compilerOptions: { ...STRICT, noEmit: true }, files: ['seen.ts'] }));
  assert.equal(compile(drift), '');
  assert.ok(told.classification && told.config_issues && planned.deadlines.some((d) => d.mail_by), 'the literals cover the optional parts');
  await page.context().close();
});
