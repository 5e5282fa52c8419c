// Lighthouse (npm lighthouse 12.2.3, pinned: 13 needs Node 22) on the release dist/, served with
// gzip as a real host would: the default mobile profile (simulated slow 4G, 4x CPU) and the
// desktop preset, N runs each (default 3), medians of performance, FCP, LCP, TBT and total byte
// weight, for English, German, French and Spanish. Debian's Chromium (CHROME_PATH), never a downloaded browser.
// Measures and prints; never fails on a number. Usage: node bench/lighthouse.mjs [--runs=3]
// [--only=mobile|desktop] [--lang=en|de|fr|es]
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const runs = Number(process.argv.find((a) => a.startsWith('--runs='))?.slice(7) ?? 3);
// --only=mobile (or desktop) and --lang=en (or de, fr, es): fewer rows, for a quick comparison.
const onlyProfile = process.argv.find((a) => a.startsWith('--only='))?.slice(7);
const onlyLang = process.argv.find((a) => a.startsWith('--lang='))?.slice(7);
// AIMS_BENCH_DIST: another build to measure (the one-module variant, for comparison).
const root = resolve(process.env.AIMS_BENCH_DIST ?? 'dist');
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.bin': 'application/octet-stream' };
const server = createServer(async (req, res) => {
  let file = normalize(join(root, decodeURIComponent(new URL(req.url, 'http://x').pathname)));
  if (!file.startsWith(root)) return res.writeHead(403).end();
  try {
    if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
    const body = await readFile(file);
    const gzip = /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache', ...(gzip ? { 'content-encoding': 'gzip' } : {}) });
    res.end(gzip ? gzipSync(body, { level: 9 }) : body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const base = `http://127.0.0.1:${server.address().port}/`;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
// Asynchronous: the server answering Lighthouse's requests lives in this same process.
const measure = async (url, desktop) => {
  const args = [
    'lighthouse', url, '--output=json', '--output-path=stdout', '--quiet', '--only-categories=performance',
    '--chrome-flags=--headless=new --no-sandbox --disable-gpu --no-first-run',
    ...(desktop ? ['--preset=desktop'] : []),
  ];
  const { stdout: out } = await promisify(execFile)('npx', args, { env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' }, maxBuffer: 64 << 20 });
  const report = JSON.parse(out);
  const a = (id) => report.audits[id].numericValue;
  return { score: Math.round(report.categories.performance.score * 100), fcp: a('first-contentful-paint'), lcp: a('largest-contentful-paint'), tbt: a('total-blocking-time'), bytes: a('total-byte-weight') };
};

console.log(`Lighthouse 12.2.3, ${runs} runs each, medians (served with gzip)`);
console.log('page                 profile   perf   FCP ms   LCP ms   TBT ms   bytes');
try {
  const pages = [['en', 'English', 'index.html'], ['de', 'German (lang=de)', 'index.html?lang=de'], ['fr', 'French (lang=fr)', 'index.html?lang=fr'], ['es', 'Spanish (lang=es)', 'index.html?lang=es']];
  for (const [, label, path] of pages.filter(([code]) => !onlyLang || code === onlyLang)) {
    for (const desktop of [false, true].filter((d) => !onlyProfile || (d ? 'desktop' : 'mobile') === onlyProfile)) {
      const results = [];
      for (let i = 0; i < runs; i++) results.push(await measure(base + path, desktop));
      const m = (k) => median(results.map((r) => r[k]));
      console.log(`${label.padEnd(20)} ${(desktop ? 'desktop' : 'mobile').padEnd(8)} ${String(m('score')).padStart(5)} ${m('fcp').toFixed(0).padStart(8)} ${m('lcp').toFixed(0).padStart(8)} ${m('tbt').toFixed(0).padStart(8)} ${String(Math.round(m('bytes'))).padStart(7)}`);
    }
  }
} finally {
  server.close();
}
