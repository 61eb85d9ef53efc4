// Builds the npm package `cardhelp` from dist/ (run after `trunk build --release`):
//
//   node scripts/package.mjs            # writes target/npm/cardhelp@<version>/, prints SRI hashes
//   node scripts/package.mjs --json     # the same, then the hashes as JSON on the last line
//
// The folder is the package (`npm pack` it) and also the CDN layout: its files are what
// `https://<cdn>/cardhelp@<version>/…` serves. Nothing here is published: the package test
// (scripts/e2e/package.test.mjs) packs it, installs the tarball into a fresh folder and runs it.
//
// One source for each thing: the version is Cargo.toml's; the widget files are dist/'s; the
// types are package/cardhelp.d.ts (checked against the engine by tests/package_types.rs); the
// Custom Elements Manifest is generated here from the loader's observed attributes, the types'
// event map and the stylesheet's custom properties, so none of them can be left out of it.
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { cargoVersion, VERSION_MARK } from './version.mjs';

const root = join(import.meta.dirname, '..');
const dist = join(root, 'dist');
const version = cargoVersion();
export const outDir = join(root, 'target', 'npm', `cardhelp@${version}`);

/**
 * The widget's files as Trunk writes them: the loader, its fallback, the stylesheet, the app, and
 * the accent-contrast check the loader fetches only in debug mode.
 */
const WIDGET = ['cardhelp.js', 'fallback.js', 'contrast.js', 'cardhelp.css', 'app/cardhelp.js', 'app/cardhelp_bg.wasm'];

/** The operator's tooling, never loaded by a host page: the config's JSON Schema and the configurator. */
const TOOLING = ['cardhelp.config.schema.json', 'configure.html', 'configure.js', 'configure.css'];

/** What each attribute means (README "Attributes and properties"). */
const ATTRIBUTES = {
  locale: 'Language: `en` or `es` (region tags such as `es-MX` work). Default: the config\'s `default_locale`, else English.',
  config: 'The host config as JSON text (README "Config keys").',
  topic: 'A topic id to start with, skipping the first step.',
  today: '`YYYY-MM-DD`, to pin the date (tests, demos). Default: the device\'s local date.',
  debug: 'Debug mode for the operator: shows the setup-problems box (never on in production).',
  loading: '`lazy`: fetch nothing until the widget nears the viewport or is focused or pointed at.',
};

/** What each event means (README "Events"). */
const EVENTS = {
  ready: 'Rendered and accepting input; `detail.version` is the package version.',
  topic: 'A topic was chosen (`source`: `tile`, `text` or `host`).',
  plan: 'The plan is on screen.',
  letter: 'A letter was copied, printed or downloaded.',
  calendar: 'The `.ics` file was downloaded (`deadlines`: how many events it holds).',
  print: 'The print view was opened.',
  share: 'A share link was created.',
  storage: 'The case was saved on this device (`saved: true`) or forgotten.',
  locale: 'The cardholder switched the language.',
  error: 'Something went wrong; `code` says what (`config`, `load`, `panic`, `share`, `plan`, `storage`, `clipboard`, `download`, `print`).',
};

/** What each custom property sets (README "Theming"). */
const CSS_PROPERTIES = {
  '--cardhelp-font': 'Font family. Default: the page\'s font.',
  '--cardhelp-accent': 'Accent colour (buttons, links). Default #0b5cad, dark #7cb4ff.',
  '--cardhelp-accent-ink': 'Text on the accent colour. Default #fff, dark #0b1626.',
  '--cardhelp-accent-dark': 'Accent colour in the dark scheme. Default: --cardhelp-accent, else #7cb4ff.',
  '--cardhelp-accent-ink-dark': 'Text on the dark scheme\'s accent. Default: --cardhelp-accent-ink, else #0b1626.',
  '--cardhelp-urgent': 'Urgent marks. Default #b42318, dark #ff8a80.',
  '--cardhelp-ink': 'Body text colour.',
  '--cardhelp-muted': 'Secondary text colour.',
  '--cardhelp-bg': 'Background colour.',
  '--cardhelp-surface': 'Panel colour.',
  '--cardhelp-line': 'Border colour.',
  '--cardhelp-radius': 'Corner radius. Default 12px.',
};

/** The headless API's exports (package/cardhelp.d.ts), as the manifest lists them. */
const FUNCTIONS = {
  plan: ['caseData: Case', 'Promise<Plan>', 'The plan for a case, exactly as `cardhelp plan` prints it.'],
  questions: ['caseData: Case', 'Promise<Questions>', 'The questions still to ask, as `cardhelp questions` prints them.'],
  deadlines: ['facts: Facts, options: DeadlineOptions', 'Promise<Deadline[]>', 'Only the deadlines of a plan.'],
  classify: ['text: string', 'Promise<Classification>', 'The 12 topics ranked for a cardholder\'s own words.'],
  ready: ['', 'Promise<void>', 'Resolves once the engine is loaded.'],
};

/** `table[key]`, or a failure naming the table to add it to: a new name is never left out. */
function described(table, key, what) {
  if (!(key in table)) throw new Error(`scripts/package.mjs: no description for ${what} ${key}; add one to the table`);
  return table[key];
}

/** The observed attributes, read from the loader's source. */
function observedAttributes(loader) {
  const list = loader.match(/static observedAttributes = \[([^\]]*)\]/)?.[1];
  if (!list) throw new Error('cardhelp.js: no `static observedAttributes = [...]`');
  return [...list.matchAll(/'([^']+)'/g)].map((m) => m[1]);
}

/** `[name, detail type]` of every event in the types' `CardHelpEventMap`. */
export function typedEvents(types) {
  const map = types.match(/interface CardHelpEventMap \{([^}]*)\}/)?.[1];
  if (!map) throw new Error('cardhelp.d.ts: no interface CardHelpEventMap');
  return [...map.matchAll(/'(cardhelp:[a-z_]+)': CustomEvent<(\w+)>/g)].map((m) => [m[1], m[2]]);
}

/** The `--cardhelp-*` custom properties the stylesheet reads. */
export function cssProperties(css) {
  return [...new Set([...css.matchAll(/var\((--cardhelp-[a-z-]+)/g)].map((m) => m[1]))].sort();
}

/** The Custom Elements Manifest (schema 2.1.0) for `<card-help>` and the headless API. */
function manifest(loader, types, css) {
  const fn = (name) => {
    const [params, result, description] = FUNCTIONS[name];
    return {
      kind: 'function',
      name,
      description,
      parameters: params ? params.split(', ').map((p) => {
        const [n, t] = p.split(': ');
        return { name: n, type: { text: t } };
      }) : [],
      return: { type: { text: result } },
    };
  };
  const here = (name) => ({ name, module: 'cardhelp.js' });
  return {
    schemaVersion: '2.1.0',
    readme: 'README.md',
    modules: [{
      kind: 'javascript-module',
      path: 'cardhelp.js',
      declarations: [
        {
          kind: 'class',
          name: 'CardHelpElement',
          description: 'Credit-card help: triage, deadlines with citations, letters and calendar export, in an open shadow root.',
          tagName: 'card-help',
          customElement: true,
          superclass: { name: 'HTMLElement', package: 'global:' },
          attributes: observedAttributes(loader).map((name) => ({
            name, type: { text: 'string' }, description: described(ATTRIBUTES, name, 'attribute'),
          })),
          members: [
            {
              kind: 'field', name: 'config', type: { text: 'HostConfig | undefined' },
              description: 'The host config as a JS object; wins over the `config` attribute and a JSON script child.',
            },
            {
              kind: 'field', name: 'ready', readonly: true, type: { text: 'Promise<ReadyDetail>' },
              description: 'The ready detail once the widget has first rendered; rejects if it cannot load.',
            },
            {
              kind: 'field', name: 'colorScheme', type: { text: "'' | 'light' | 'dark'" },
              description: 'Pins the colour scheme (the `color-scheme` attribute); empty follows the device.',
            },
            {
              kind: 'field', name: 'debug', type: { text: 'boolean' },
              description: 'Debug mode (the `debug` attribute): the setup-problems box shows.',
            },
            {
              kind: 'field', name: 'problems', readonly: true, type: { text: 'readonly ConfigProblem[]' },
              description: 'The config\'s problems as last reported (`{field, message}` each).',
            },
            {
              kind: 'field', name: 'version', static: true, readonly: true, type: { text: 'string' },
              default: JSON.stringify(version), description: 'The package version.',
            },
          ],
          events: typedEvents(types).map(([name, detail]) => ({
            name,
            type: { text: `CustomEvent<${detail}>` },
            description: described(EVENTS, name.slice('cardhelp:'.length), 'event'),
          })),
          cssProperties: cssProperties(css).map((name) => ({
            name, description: described(CSS_PROPERTIES, name, 'custom property'),
          })),
        },
        ...Object.keys(FUNCTIONS).map(fn),
        {
          kind: 'variable', name: 'cardhelp', type: { text: 'CardhelpApi' },
          description: 'The headless API as one object, also set as `window.cardhelp`.',
        },
      ],
      exports: [
        { kind: 'custom-element-definition', name: 'card-help', declaration: here('CardHelpElement') },
        ...[...Object.keys(FUNCTIONS), 'cardhelp'].map((name) => ({ kind: 'js', name, declaration: here(name) })),
      ],
    }],
  };
}

/** package.json of the generated package. */
function packageJson() {
  const cargo = readFileSync(join(root, 'Cargo.toml'), 'utf8');
  const description = cargo.match(/^description\s*=\s*"([^"]+)"/m)[1];
  const types = './cardhelp.d.ts';
  return {
    name: 'cardhelp',
    version,
    description,
    license: 'MIT OR Apache-2.0',
    keywords: ['web-component', 'custom-element', 'credit-card', 'webassembly', 'consumer-protection'],
    type: 'module',
    main: './cardhelp.js',
    module: './cardhelp.js',
    types,
    customElements: './custom-elements.json',
    exports: {
      '.': { types, default: './cardhelp.js' },
      './cardhelp.js': { types, default: './cardhelp.js' },
      './cardhelp.css': './cardhelp.css',
      './fallback.js': './fallback.js',
      './contrast.js': './contrast.js',
      './cardhelp.config.schema.json': './cardhelp.config.schema.json',
      './app/*': './app/*',
      './custom-elements.json': './custom-elements.json',
      './package.json': './package.json',
    },
    // Importing the loader defines <card-help>: bundlers must keep it.
    sideEffects: ['./cardhelp.js', './fallback.js', './app/cardhelp.js'],
    files: [...WIDGET, ...TOOLING, 'cardhelp.d.ts', 'custom-elements.json', 'CHANGELOG.md', 'LICENSE-MIT', 'LICENSE-APACHE'],
  };
}

/** `sha384-…`, the Subresource Integrity value of a file. */
export const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

function* walk(dir) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else yield path;
  }
}

/** Writes the package folder and returns `{ dir, version, hashes: { file: sha384 } }`. */
export function buildPackage() {
  const loader = readFileSync(join(dist, 'cardhelp.js'), 'utf8');
  if (loader.includes(VERSION_MARK) || !loader.includes(`"${version}"`)) {
    throw new Error(`dist/cardhelp.js does not carry version ${version}: run \`trunk build --release\` first`);
  }
  const types = readFileSync(join(root, 'package', 'cardhelp.d.ts'), 'utf8');
  // The sources, as written: the built copies are minified.
  const source = readFileSync(join(root, 'www', 'cardhelp.js'), 'utf8');
  const css = readFileSync(join(root, 'www', 'cardhelp.css'), 'utf8');

  rmSync(outDir, { recursive: true, force: true });
  for (const file of [...WIDGET, ...TOOLING]) {
    mkdirSync(dirname(join(outDir, file)), { recursive: true });
    cpSync(join(dist, file), join(outDir, file));
  }
  cpSync(join(root, 'package', 'cardhelp.d.ts'), join(outDir, 'cardhelp.d.ts'));
  for (const file of ['CHANGELOG.md', 'LICENSE-MIT', 'LICENSE-APACHE']) cpSync(join(root, file), join(outDir, file));
  const readme = readFileSync(join(root, 'package', 'README.md'), 'utf8').replaceAll('{{version}}', version);
  writeFileSync(join(outDir, 'README.md'), readme);
  writeFileSync(join(outDir, 'custom-elements.json'), `${JSON.stringify(manifest(source, types, css), null, 2)}\n`);
  writeFileSync(join(outDir, 'package.json'), `${JSON.stringify(packageJson(), null, 2)}\n`);

  const hashes = {};
  for (const path of walk(outDir)) hashes[relative(outDir, path)] = sri(readFileSync(path));
  return { dir: outDir, version, hashes };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { dir, hashes } = buildPackage();
  console.log(`package: ${relative(root, dir)}/ (cardhelp ${version}; \`npm pack\` it, or upload it as cardhelp@${version}/)`);
  console.log('Subresource Integrity (sha384) of every file:');
  const width = Math.max(...Object.keys(hashes).map((f) => f.length));
  for (const [file, hash] of Object.entries(hashes)) console.log(`  ${file.padEnd(width)}  ${hash}`);
  console.log(`Only the top script can carry it: <script type="module" src=".../cardhelp@${version}/cardhelp.js" integrity="${hashes['cardhelp.js']}" crossorigin="anonymous"></script>`);
  if (process.argv.includes('--json')) console.log(JSON.stringify(hashes));
}
