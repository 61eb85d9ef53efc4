// Trunk post-build hook (Trunk.toml): writes the package version into the loader (every build),
// then, in release builds, minifies the widget's JavaScript and CSS and shortens the names the
// wasm imports its JavaScript functions by.
//
// Trunk 0.21's own --minify cannot parse the JS that wasm-bindgen 0.2.130 writes, so terser
// (npm, pure JavaScript) does it here. terser never renames properties, so the loader's public API
// keeps its names. Debug builds stay readable.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cargoVersion, VERSION_MARK } from './version.mjs';

const bytes = (text) => Buffer.byteLength(text, 'utf8');

/** The widget's scripts and stylesheet, relative to the build output. */
const SCRIPTS = ['cardhelp.js', 'app/cardhelp.js'];
const STYLES = ['cardhelp.css'];
/** The wasm and the wasm-bindgen glue that imports it. */
const WASM = 'app/cardhelp_bg.wasm';
const GLUE = 'app/cardhelp.js';

/**
 * Drops comments, runs of whitespace, and the spaces around `{ } ; ,`. Enough for our own
 * stylesheet: its strings (`content:` values, font names) hold no comment markers, none of those
 * four characters and no run of spaces. In a selector the space around `:` stays (`.a :focus`
 * is a descendant combinator); inside a declaration block, where no selector can be, the space
 * after `:`, the spaces around a `/` (`calc(… / 2)`) and the block's last `;` go. An attribute
 * selector's value that is a plain word loses its quotes (`[aria-pressed=true]`).
 */
function minifyCss(css) {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/ ?([{};,]) ?/g, '$1')
    .replace(/\{([^{}]*)\}/g, (_, block) => `{${block.replace(/: /g, ':').replace(/ \/ /g, '/').replace(/;$/, '')}}`)
    .replace(/\[([a-z-]+)="([a-z-]+)"\]/g, '[$1=$2]')
    .trim();
}

/** Short, distinct names: `a`…`Z`, then `aa`, `ab`… (plain identifiers, so also valid JS keys). */
const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
function shortName(n) {
  let name = '';
  for (; n >= 0; n = Math.floor(n / LETTERS.length) - 1) name = LETTERS[n % LETTERS.length] + name;
  return name;
}

/**
 * wasm-bindgen names each JavaScript function the wasm imports after the API it wraps plus a
 * 16-digit hash (`__wbg_getElementById_83b2e6d4a9b1c5f0`), and the name appears twice: in the
 * wasm's import section and as a key of the glue's imports object. The hashes are random to a
 * compressor, so about 150 imports cost 3.7 KB of brotli across the two files. This renames
 * every import to a short name in both (a mechanical rename: the functions, their order and the
 * module name stay), and fails the build if the glue does not hold each old name exactly once.
 */
function shortenImports(wasm, js) {
  let pos = 8; // after the magic number and version
  const uleb = () => {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = wasm[pos++];
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
    }
  };
  const encode = (n) => {
    const out = [];
    do {
      out.push((n & 0x7f) | (n >= 0x80 ? 0x80 : 0));
      n >>>= 7;
    } while (n);
    return Buffer.from(out);
  };
  const names = new Map();
  const parts = [wasm.subarray(0, 8)];
  while (pos < wasm.length) {
    const start = pos;
    const id = wasm[pos++];
    const end = uleb() + pos;
    if (id !== 2) {
      parts.push(wasm.subarray(start, end));
      pos = end;
      continue;
    }
    const count = uleb();
    const section = [encode(count)];
    for (let i = 0; i < count; i++) {
      const moduleStart = pos;
      const moduleLength = uleb();
      pos += moduleLength;
      const module = wasm.subarray(moduleStart, pos);
      const length = uleb();
      const name = wasm.toString('utf8', pos, pos + length);
      pos += length;
      const descStart = pos;
      const kind = wasm[pos++];
      if (kind === 0) {
        uleb(); // a function: its type's index
      } else if (kind === 1 || kind === 2) {
        if (kind === 1) pos++; // a table's element type
        const flags = wasm[pos++]; // limits: minimum, and maximum if flagged
        uleb();
        if (flags & 1) uleb();
      } else if (kind === 3) {
        pos += 2; // a global: value type, mutability
      } else {
        throw new Error(`import ${name}: unknown kind ${kind}`);
      }
      if (!names.has(name)) names.set(name, shortName(names.size));
      const short = Buffer.from(names.get(name));
      section.push(module, encode(short.length), short, wasm.subarray(descStart, pos));
    }
    if (pos !== end) throw new Error('the import section does not end where its size says');
    const body = Buffer.concat(section);
    parts.push(Buffer.from([2]), encode(body.length), body);
  }
  const escaped = [...names.keys()].map((n) => n.replace(/[$]/g, '\\$&'));
  const word = new RegExp(`(?<![\\w$])(${escaped.join('|')})(?![\\w$])`, 'g');
  const seen = new Map();
  const renamed = js.replace(word, (name) => {
    seen.set(name, (seen.get(name) ?? 0) + 1);
    return names.get(name);
  });
  const wrong = [...names.keys()].filter((n) => seen.get(n) !== 1);
  if (wrong.length) throw new Error(`imports not named exactly once in the glue: ${wrong.join(', ')}`);
  return { wasm: Buffer.concat(parts), js: renamed, count: names.size };
}

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error('minify: run by Trunk as a post_build hook (TRUNK_STAGING_DIR is not set)');
  process.exit(1);
}

// `customElements.get('card-help').version`: Cargo.toml's version, the one source of truth.
const loader = join(staging, 'cardhelp.js');
const unstamped = readFileSync(loader, 'utf8');
if (!unstamped.includes(`'${VERSION_MARK}'`)) {
  console.error(`minify: cardhelp.js has no '${VERSION_MARK}' to replace with the version`);
  process.exit(1);
}
writeFileSync(loader, unstamped.replace(`'${VERSION_MARK}'`, `'${cargoVersion()}'`));

if (process.env.TRUNK_PROFILE !== 'release') {
  console.log('minify: debug build, scripts and stylesheet left as written');
  process.exit(0);
}

let minify;
try {
  ({ minify } = await import('terser'));
} catch {
  console.error('minify: terser is missing; run scripts/setup.sh (it installs the npm packages)');
  process.exit(1);
}

for (const name of SCRIPTS) {
  const path = join(staging, name);
  const source = readFileSync(path, 'utf8');
  const result = await minify(source, {
    module: true,
    ecma: 2022,
    compress: { passes: 2 },
    format: { comments: false },
  });
  writeFileSync(path, result.code);
  console.log(`minify: ${name} ${bytes(source)} -> ${bytes(result.code)} bytes`);
}
{
  const wasmPath = join(staging, WASM);
  const jsPath = join(staging, GLUE);
  const wasm = readFileSync(wasmPath);
  const js = readFileSync(jsPath, 'utf8');
  const short = shortenImports(wasm, js);
  writeFileSync(wasmPath, short.wasm);
  writeFileSync(jsPath, short.js);
  console.log(`minify: ${short.count} wasm imports renamed; ${WASM} ${wasm.length} -> ${short.wasm.length}, ${GLUE} ${bytes(js)} -> ${bytes(short.js)} bytes`);
}
for (const name of STYLES) {
  const path = join(staging, name);
  const source = readFileSync(path, 'utf8');
  const css = minifyCss(source);
  writeFileSync(path, css);
  console.log(`minify: ${name} ${bytes(source)} -> ${bytes(css)} bytes`);
}
