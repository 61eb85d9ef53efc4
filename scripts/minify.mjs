// Trunk post-build hook (Trunk.toml): writes the package version into the loader (every build),
// then minifies the widget's JavaScript and CSS in release builds.
//
// Trunk 0.21's own --minify cannot parse the JS that wasm-bindgen 0.2.130 writes, so terser
// (npm, pure JavaScript) does it here. Property names are never renamed, so the wasm's imports
// and the loader's public API keep their names. Debug builds stay readable.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cargoVersion, VERSION_MARK } from './version.mjs';

const bytes = (text) => Buffer.byteLength(text, 'utf8');

/** The widget's scripts and stylesheet, relative to the build output. */
const SCRIPTS = ['cardhelp.js', 'app/cardhelp.js'];
const STYLES = ['cardhelp.css'];

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
for (const name of STYLES) {
  const path = join(staging, name);
  const source = readFileSync(path, 'utf8');
  const css = minifyCss(source);
  writeFileSync(path, css);
  console.log(`minify: ${name} ${bytes(source)} -> ${bytes(css)} bytes`);
}
