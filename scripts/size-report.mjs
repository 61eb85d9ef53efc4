// Prints raw, gzip and brotli bytes of every file in dist/ and the totals, then checks the
// widget's own files (everything a host page downloads for it) against scripts/size-budget.json.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const root = resolve(import.meta.dirname, '..');
const dist = join(root, 'dist');
const budget = JSON.parse(readFileSync(join(root, 'scripts/size-budget.json'), 'utf8'));

function* files(dir) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

const rows = [...files(dist)].map((path) => {
  const data = readFileSync(path);
  return {
    file: relative(dist, path),
    raw: data.length,
    gzip: gzipSync(data, { level: 9 }).length,
    brotli: brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
});
const sum = (list, key) => list.reduce((n, r) => n + r[key], 0);
const widget = rows.filter((r) => budget.widget_files.includes(r.file));
const missing = budget.widget_files.filter((f) => !rows.some((r) => r.file === f));

const pad = (s, n) => String(s).padStart(n);
const line = (r) => `${r.file.padEnd(34)}${pad(r.raw, 10)}${pad(r.gzip, 10)}${pad(r.brotli, 10)}`;
console.log(`${'file'.padEnd(34)}${pad('raw', 10)}${pad('gzip', 10)}${pad('brotli', 10)}`);
rows.forEach((r) => console.log(line(r)));
console.log(line({ file: 'total (dist/)', raw: sum(rows, 'raw'), gzip: sum(rows, 'gzip'), brotli: sum(rows, 'brotli') }));
const widgetBrotli = sum(widget, 'brotli');
console.log(line({ file: 'widget (what a host downloads)', raw: sum(widget, 'raw'), gzip: sum(widget, 'gzip'), brotli: widgetBrotli }));
console.log(`budget: ${widgetBrotli} of ${budget.max_widget_brotli_bytes} brotli bytes (goal ${budget.goal_widget_brotli_bytes})`);

if (missing.length) {
  console.error(`size report: widget files missing from dist/: ${missing.join(', ')}`);
  process.exit(1);
}
if (widgetBrotli > budget.max_widget_brotli_bytes) {
  console.error(`size report: widget is ${widgetBrotli} brotli bytes, over the budget of ${budget.max_widget_brotli_bytes}`);
  process.exit(1);
}
