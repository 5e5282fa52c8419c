// Size budget (deterministic, no timing): the gzip-compressed release wasm must stay under the
// budget, so a heavy dependency cannot slip in unnoticed. Run after `trunk build --release`.
// Budget set from the measurement of 2026-11-28, with English and German content for both
// questionnaires: 371,106 bytes gzipped (-9), plus about 4% (was 320,000 before German).
// Raised to 395,000 on 2026-12-01 for the data-safety work (sync protocol, share format 2,
// import dialog: 388,775 measured), then to 420,000 for the two-stage gate, the effort model and
// the EU AI Act screening (415,071 measured). 419,869 measured after the domain became its own
// crate (about 1.4 KB) and refusals got translated wording. Lowered to 390,000 when the content
// became packed at build time (no JSON parsing or validation in the wasm: 383,493 measured);
// the start-up diet (issue 15) replaces this budget.
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const BUDGET_GZIP_BYTES = 390_000;
const wasm = readdirSync('dist').filter((f) => f.endsWith('_bg.wasm'));
if (wasm.length !== 1) throw new Error(`expected one wasm file in dist/, found ${wasm.length}`);
const bytes = readFileSync(`dist/${wasm[0]}`);
const gzip = gzipSync(bytes, { level: 9 }).length;
const brotli = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
console.log(`wasm: ${bytes.length} bytes, ${gzip} gzipped, ${brotli} brotli; budget ${BUDGET_GZIP_BYTES} gzipped`);
if (gzip > BUDGET_GZIP_BYTES) {
  console.error(`size check failed: the compressed wasm grew past the budget by ${gzip - BUDGET_GZIP_BYTES} bytes`);
  process.exit(1);
}
