// Size budget (deterministic, no timing): what a visitor's browser downloads to start the
// widget, gzip -9, for each language: index.html and every file it references (stylesheet,
// JS glue, wasm, boot.js, favicon) plus that language's content file, which boot.js fetches.
// Run after `trunk build --release`. The budget is set from the measurement of 2026-12-01
// (issue 15: content shipped per language; English 367,706 B, German 390,028 B) plus about
// 2 %, so a heavy dependency or a language's content cannot slip in unnoticed. The wasm alone
// is printed too (its own budget before per-language content was 390,000 B).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_GZIP_BYTES = { en: 374_000, de: 397_000 };
const dist = 'dist';
const gz = (name) => gzipSync(readFileSync(join(dist, name)), { level: 9 }).length;
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const referenced = [
  ...html.matchAll(/<(?:link|script)\b[^>]*?\b(?:href|src)="\.\/([^"]+)"/g),
  ...html.matchAll(/<meta name="aims-wasm" content="\.\/([^" ]+)/g),
].map((m) => m[1]);
if (!referenced.some((f) => f.endsWith('_bg.wasm'))) throw new Error('size check: index.html references no wasm');
const content = new Map(
  (html.match(/<meta name="aims-content" content="([^"]*)"/)?.[1] ?? '')
    .split(',')
    .map((e) => e.trim().split(/\s+/))
    .filter((p) => p.length === 3)
    .map(([lang, file]) => [lang, file.replace(/^\.\//, '')]),
);
const shared = ['index.html', ...new Set(referenced)];
const sharedBytes = shared.reduce((sum, f) => sum + gz(f), 0);
for (const f of shared) console.log(`  ${f}: ${gz(f)} B gzip`);
let failed = false;
for (const [lang, budget] of Object.entries(BUDGET_GZIP_BYTES)) {
  const file = content.get(lang);
  if (!file) throw new Error(`size check: no content file for ${lang} in index.html`);
  const total = sharedBytes + gz(file);
  console.log(`start-up download (${lang}): ${total} B gzip (${file}: ${gz(file)} B); budget ${budget}`);
  if (total > budget) {
    console.error(`size check failed: the ${lang} start-up download is ${total - budget} B over its budget`);
    failed = true;
  }
}
if (failed) process.exit(1);
