// The one version of cardhelp: [package] version in Cargo.toml. The build writes it into the
// loader (scripts/minify.mjs), the wasm reads it with env!("CARGO_PKG_VERSION"), and the npm
// package (scripts/package.mjs) takes it for package.json.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');

/** `version` of the `[package]` table of Cargo.toml, e.g. `0.1.0`. */
export function cargoVersion() {
  const toml = readFileSync(join(root, 'Cargo.toml'), 'utf8');
  const table = toml.split(/^\[/m).find((t) => t.startsWith('package]'));
  const version = table?.match(/^version\s*=\s*"([^"]+)"/m)?.[1];
  if (!version) throw new Error('Cargo.toml: no version in [package]');
  return version;
}

/** Where the loader carries the version until the build writes it in. */
export const VERSION_MARK = '__CARDHELP_VERSION__';
