// The benchmark: measures the release widget and a SurveyJS reference page rendering the same
// questionnaire in headless Chromium, several runs each, and prints one table with medians,
// minimum and maximum, the widget's figures as ratios to SurveyJS, and the issue's targets.
// It measures and reports; it asserts nothing. Run it with `scripts/bench.sh` (builds everything).
import { createServer } from 'node:http';
import { readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { stressQuestionnaire } from './prepare.mjs';

const args = Object.fromEntries(
  process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')).map(([k, v]) => [k, v ?? 'true']),
);
const RUNS = Number(args.runs ?? 5);
const CLICKS = Number(args.clicks ?? 12);
const root = resolve(new URL('..', import.meta.url).pathname);
const mounts = {
  widget: join(root, process.env.AIMS_BENCH_DIST ?? 'dist'),
  'widget-stress': join(root, 'target/bench/dist-stress'),
  surveyjs: join(root, 'target/bench/surveyjs-full'),
  'surveyjs-stress': join(root, 'target/bench/surveyjs-stress'),
};
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.json': 'application/json',
};

// ------------------------------------------------------------------------------------------------
// A plain static server; transfer sizes are computed from the files each page really requested.

function fileFor(pathname) {
  const [, mount, ...rest] = decodeURIComponent(pathname).split('/');
  const base = mounts[mount];
  if (!base) return null;
  const path = normalize(join(base, rest.join('/') || 'index.html'));
  return path.startsWith(base) ? path : null;
}

const server = createServer((req, res) => {
  const path = fileFor(new URL(req.url, 'http://x').pathname);
  try {
    if (!path || !statSync(path).isFile()) throw new Error('missing');
    res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(readFileSync(path));
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const origin = `http://127.0.0.1:${server.address().port}`;

// The same files gzip-compressed, as a real site serves them: the mobile measure's bytes on the
// throttled wire are the compressed ones (Lighthouse's server in bench/lighthouse.mjs does the
// same).
const gzipped = new Map();
const gzipServer = createServer((req, res) => {
  const path = fileFor(new URL(req.url, 'http://x').pathname);
  try {
    if (!path || !statSync(path).isFile()) throw new Error('missing');
    if (!gzipped.has(path)) gzipped.set(path, gzipSync(readFileSync(path), { level: 9 }));
    res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream', 'content-encoding': 'gzip', 'cache-control': 'no-store' });
    res.end(gzipped.get(path));
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((ok) => gzipServer.listen(0, '127.0.0.1', ok));
const gzipOrigin = `http://127.0.0.1:${gzipServer.address().port}`;

/** The first control a person can use, under Lighthouse's mobile conditions (150 ms round trip,
 * 1.6 Mbit/s down, 750 kbit/s up, CPU 4x slower, no cache): navigation until `selector` is in
 * the page and painted. A first-time visitor: nothing stored. */
async function firstUsable(browser, url, selector) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true });
  await context.route((u) => !u.href.startsWith(gzipOrigin), (route) => route.abort());
  await context.addInitScript((wanted) => {
    window.__usable = null;
    new MutationObserver((_, observer) => {
      if (window.__usable === null && document.querySelector(wanted)) {
        observer.disconnect();
        requestAnimationFrame(() => setTimeout(() => (window.__usable = performance.now())));
      }
    }).observe(document, { childList: true, subtree: true, attributes: true });
  }, selector);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.goto(url);
  await page.waitForFunction(() => window.__usable !== null, null, { timeout: 120_000 });
  const usable = await page.evaluate(() => window.__usable);
  await context.close();
  return usable;
}

const compressed = new Map();
function sizes(url) {
  const path = fileFor(new URL(url).pathname);
  if (!compressed.has(path)) {
    const body = readFileSync(path);
    compressed.set(path, {
      raw: body.length,
      gzip: gzipSync(body, { level: 9 }).length,
      brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    });
  }
  return compressed.get(path);
}

// ------------------------------------------------------------------------------------------------
// In-page probes, installed before any page script runs.

function probes() {
  // Time from navigation to the first radio button being in the page and painted.
  window.__firstRadio = null;
  new MutationObserver((_, observer) => {
    if (window.__firstRadio === null && document.querySelector('input[type="radio"]')) {
      observer.disconnect();
      requestAnimationFrame(() => setTimeout(() => (window.__firstRadio = performance.now())));
    }
  }).observe(document, { childList: true, subtree: true });
  // Per click: processing (event until the DOM is updated and laid out, as the next task runs)
  // and frame (event until the frame after the click was produced).
  // After the next click: when `complete` first matches, painted (ms), and in which frame after
  // the click `first` and `complete` were first on screen (1 = the very next frame).
  window.__watch = (first, complete) => {
    window.__seen = null;
    addEventListener('click', (event) => {
      const t0 = event.timeStamp;
      const seen = { ms: null, firstFrame: null, completeFrame: null };
      let frame = 0;
      const tick = () => {
        frame += 1;
        if (seen.firstFrame === null && document.querySelector(first)) seen.firstFrame = frame;
        if (document.querySelector(complete)) {
          seen.completeFrame = frame;
          setTimeout(() => {
            seen.ms = performance.now() - t0;
            window.__seen = seen;
          });
        } else {
          requestAnimationFrame(tick);
        }
      };
      requestAnimationFrame(tick);
    }, { capture: true, once: true });
  };
  window.__clicks = [];
  addEventListener('click', (event) => {
    const t0 = event.timeStamp;
    const entry = { processing: null, frame: null };
    window.__clicks.push(entry);
    setTimeout(() => {
      document.body.getBoundingClientRect();
      entry.processing = performance.now() - t0;
    });
    requestAnimationFrame(() => setTimeout(() => (entry.frame = performance.now() - t0)));
  }, true);
}

/** Clicks answers the way a person works through a page: question after question, each click a
 * new answer (an already chosen answer would change nothing and measure nothing). */
async function answerClicks(page, question, option) {
  const questions = await page.locator(question).count();
  for (let k = 0; k < CLICKS; k++) {
    const q = k % questions;
    const level = (1 + Math.floor(k / questions)) % 4;
    await page.locator(question).nth(q).locator(option).nth(level).click();
  }
  return questions;
}

async function settledClicks(page, count) {
  await page.waitForFunction((n) => window.__clicks.length >= n && window.__clicks.every((c) => c.frame !== null), count);
  return page.evaluate(() => window.__clicks.splice(0));
}

// ------------------------------------------------------------------------------------------------
// Widget set-up: saved state put into localStorage before the page loads, as a returning visitor.

const profile = { certifications: [], high_risk: 'no', prohibited: 'no', roles: ['develops', 'uses'], size: 'medium', systems: 3, target_date: null };
const full = JSON.parse(readFileSync(join(root, 'questionnaires/iso42001-full.json'), 'utf8'));
const stress = stressQuestionnaire();
const itemsOf = (q) => q.sections.flatMap((s) => s.items.map((i) => i.id));

function saved(q, answered) {
  const answers = Object.fromEntries(answered.map((id, n) => [id, { level: n % 4 }]));
  return JSON.stringify({ answers, format: 2, notes: {}, profile, questionnaire: q.id, saved_at: '2026-11-28T10:00:00.000Z', version: q.version });
}

/** Opens `url` with `storage` seeded; waits for the first radio button unless `ready` names
 * another selector to wait for (a returning visitor who answered everything sees the results). */
async function openPage(browser, url, storage, ready = null) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.route((u) => !u.href.startsWith(origin), (route) => route.abort());
  if (storage) {
    await context.addInitScript(([key, value]) => {
      if (!sessionStorage.getItem('bench-seeded')) {
        localStorage.setItem(key, value);
        sessionStorage.setItem('bench-seeded', '1');
      }
    }, storage);
  }
  await context.addInitScript(probes);
  const page = await context.newPage();
  const requests = [];
  const external = [];
  page.on('request', (r) => (r.url().startsWith(origin) ? requests.push(r.url()) : external.push(r.url())));
  const cdp = await context.newCDPSession(page);
  await page.goto(url);
  const shown = ready
    ? page.locator(ready).first().waitFor({ timeout: 60_000 })
    : page.waitForFunction(() => window.__firstRadio !== null, null, { timeout: 60_000 });
  await shown.catch(async () => {
    const text = (await page.locator('body').innerText()).slice(0, 400);
    throw new Error(`${url} never showed a question; the page says:\n${text}`);
  });
  const firstRadio = await page.evaluate(() => window.__firstRadio);
  return { context, page, cdp, requests, external, firstRadio };
}

async function memory(cdp, page) {
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  // The widget's wasm memory, which its start module and later module share, from the glue
  // (`initSync` hands back the running instance's exports). Runtime.queryObjects over
  // WebAssembly.Memory hangs on the split build (seen 2026-12-06), so it is asked only of pages
  // without the glue (SurveyJS has no wasm).
  const wasm = await page.evaluate(async () => {
    const link = document.querySelector('link[rel="modulepreload"]');
    if (!link) return 0;
    const glue = await import(link.href);
    return glue.initSync(undefined).memory.buffer.byteLength;
  });
  return { js: usedSize, wasm };
}

// ------------------------------------------------------------------------------------------------
// One run of each scenario.

async function widgetRun(browser) {
  // A returning visitor with the full assessment started: it opens at the first open question.
  const ids = itemsOf(full);
  const load = await openPage(browser, `${origin}/widget/index.html?questionnaire=iso42001-full`, [`aims-readiness:iso42001-full:${full.version}`, saved(full, ids.slice(-1))]);
  const { page } = load;
  const transfer = load.requests.map(sizes);
  // Answer clicks on the first section (clause 4, four questions), alternating levels.
  const fullQuestions = await answerClicks(page, '.question', '.option');
  const clicks = await settledClicks(page, CLICKS);
  await load.context.close();

  // A complete full assessment: show the results, then the roadmap.
  const done = await openPage(browser, `${origin}/widget/index.html?questionnaire=iso42001-full`, [`aims-readiness:iso42001-full:${full.version}`, saved(full, ids)], '[data-testid="overall-percent"]');
  // A person reads the page before clicking: let start-up work (background compilation) settle.
  await done.page.waitForTimeout(1000);
  const show = async (button, first, complete) => {
    await done.page.evaluate(([f, c]) => window.__watch(f, c), [first, complete]);
    await done.page.getByRole('button', { name: button, exact: true }).click();
    const [click] = await settledClicks(done.page, 1);
    await done.page.waitForFunction(() => window.__seen !== null);
    const seen = await done.page.evaluate(() => window.__seen);
    return { ...click, complete: seen.ms, firstFrame: seen.firstFrame, completeFrame: seen.completeFrame };
  };
  // It opens on the results: the roadmap first, then back to the results.
  const roadmap = await show('Roadmap', '[data-testid="total-weeks"]', '.phase .task');
  const results = await show('Results', '[data-testid="overall-percent"]', '[data-document]');
  const mem = await memory(done.cdp, done.page);
  await done.context.close();

  // The 1,000-item stress questionnaire: 100 questions on screen, answer clicks across them.
  const stressIds = itemsOf(stress);
  const big = await openPage(browser, `${origin}/widget-stress/index.html?questionnaire=stress-1000`, ['aims-readiness:stress-1000:1.0.0', saved(stress, stressIds.slice(-1))]);
  const stressQuestions = await answerClicks(big.page, '.question', '.option');
  const stressClicks = await settledClicks(big.page, CLICKS);
  await big.context.close();
  return { load, transfer, clicks, results, roadmap, mem, stressClicks, onScreen: { full: fullQuestions, stress: stressQuestions } };
}

async function surveyRun(browser) {
  const load = await openPage(browser, `${origin}/surveyjs/index.html`);
  const { page } = load;
  const transfer = load.requests.map(sizes);
  await answerClicks(page, '.sd-question', '.sd-item');
  const clicks = await settledClicks(page, CLICKS);
  // A complete run: every item answered, then completed.
  await page.evaluate((ids) => {
    for (const [n, id] of ids.entries()) window.survey.setValue(id, n % 4);
    window.survey.doComplete();
  }, itemsOf(full));
  const mem = await memory(load.cdp, load.page);
  await load.context.close();

  const big = await openPage(browser, `${origin}/surveyjs-stress/index.html`);
  await answerClicks(big.page, '.sd-question', '.sd-item');
  const stressClicks = await settledClicks(big.page, CLICKS);
  await big.context.close();
  return { load, transfer, clicks, mem, stressClicks };
}

// ------------------------------------------------------------------------------------------------
// Statistics and the table.

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const stats = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs) });
const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
const ms = (t) => `${t.toFixed(1)} ms`;
const mb = (b) => `${(b / 1048576).toFixed(2)} MB`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
});
const widget = [];
const survey = [];
// --only=mobile: just the mobile pairs (no stress build needed).
const mobileOnly = args.only === 'mobile';
for (let run = 1; run <= RUNS; run++) {
  process.stderr.write(`run ${run}/${RUNS}: `);
  if (!mobileOnly) {
    process.stderr.write('widget… ');
    widget.push(await widgetRun(browser));
    process.stderr.write('SurveyJS… ');
    survey.push(await surveyRun(browser));
  } else {
    widget.push({});
    survey.push({});
  }
  // Side by side under mobile conditions: the widget's first working button (the app's, not the
  // first paint's, which has none) and SurveyJS's first radio.
  process.stderr.write('mobile… ');
  // Drawn: the app's first button is on screen (a click on it waits for the reducer, with
  // "Loading…"). Ready: the reducer is here too (`data-ready`), so a click takes effect at once:
  // the figure compared with SurveyJS.
  widget.at(-1).mobileDrawn = await firstUsable(browser, `${gzipOrigin}/widget/index.html`, '.aims:not([data-preview]) button');
  widget.at(-1).mobile = await firstUsable(browser, `${gzipOrigin}/widget/index.html`, '.aims[data-ready] button');
  survey.at(-1).mobile = await firstUsable(browser, `${gzipOrigin}/surveyjs/index.html`, 'input[type="radio"]');
  process.stderr.write('done\n');
}
await browser.close();
server.close();
gzipServer.close();

if (mobileOnly) {
  const w = median(widget.map((r) => r.mobile));
  const sj = median(survey.map((r) => r.mobile));
  console.log(`First usable control, mobile (slow 4G, CPU 4x, gzip), median of ${RUNS} pairs: widget ${w.toFixed(0)} ms (${widget.map((r) => r.mobile.toFixed(0)).join(', ')}), SurveyJS ${sj.toFixed(0)} ms (${survey.map((r) => r.mobile.toFixed(0)).join(', ')}): ${((w / sj) * 100).toFixed(0)}%`);
  const d = median(widget.map((r) => r.mobileDrawn));
  console.log(`  the widget's first button drawn (a click waits for the reducer): ${d.toFixed(0)} ms (${widget.map((r) => r.mobileDrawn.toFixed(0)).join(', ')}): ${((d / sj) * 100).toFixed(0)}%`);
  process.exit(0);
}
const sum = (list, key) => list.reduce((s, x) => s + x[key], 0);
const per = (runs, f) => stats(runs.map(f));
const flat = (runs, f) => stats(runs.flatMap(f));
const rows = [];
function row(name, w, s, format, target) {
  const cell = (x) => (x ? `${format(x.median)} (${format(x.min)}–${format(x.max)})` : '–');
  const ratio = w && s ? `${((w.median / s.median) * 100).toFixed(0)}%` : '–';
  rows.push([name, cell(w), cell(s), ratio, target ?? '']);
}
const wT = widget[0].transfer;
const sT = survey[0].transfer;
const one = (x) => ({ median: x, min: x, max: x });
row('Requests', one(wT.length), one(sT.length), String, '');
row('Transfer, gzip -9', one(sum(wT, 'gzip')), one(sum(sT, 'gzip')), kb, '≤ 40% of SurveyJS');
row('Transfer, brotli 11', one(sum(wT, 'brotli')), one(sum(sT, 'brotli')), kb, '≤ 40% of SurveyJS');
row('Uncompressed', one(sum(wT, 'raw')), one(sum(sT, 'raw')), kb, '');
row('First question visible', per(widget, (r) => r.load.firstRadio), per(survey, (r) => r.load.firstRadio), ms, '≤ 50% of SurveyJS');
row('First usable control, mobile (slow 4G, CPU 4x, gzip)', per(widget, (r) => r.mobile), per(survey, (r) => r.mobile), ms, '≤ 50% of SurveyJS (aim 40%)');
row('  the first button drawn (a click waits)', per(widget, (r) => r.mobileDrawn), per(survey, (r) => r.mobile), ms, '');
row('Answer click → DOM updated (full, one section)', flat(widget, (r) => r.clicks.map((c) => c.processing)), flat(survey, (r) => r.clicks.map((c) => c.processing)), ms, '');
row('Answer click → next frame (full)', flat(widget, (r) => r.clicks.map((c) => c.frame)), flat(survey, (r) => r.clicks.map((c) => c.frame)), ms, '');
row('Answer click → DOM updated (1,000 items, 100 on screen)', flat(widget, (r) => r.stressClicks.map((c) => c.processing)), flat(survey, (r) => r.stressClicks.map((c) => c.processing)), ms, '≤ 16 ms median');
row('Answer click → next frame (1,000 items)', flat(widget, (r) => r.stressClicks.map((c) => c.frame)), flat(survey, (r) => r.stressClicks.map((c) => c.frame)), ms, '');
const frames = (n) => `frame ${n}`;
row('Show results: frame with score, band, blockers', per(widget, (r) => r.results.firstFrame), null, frames, 'the first frame after the click');
row('Show results: click → score etc. in DOM', per(widget, (r) => r.results.processing), null, ms, '');
row('Show results: frame with every table', per(widget, (r) => r.results.completeFrame), null, frames, '');
row('Show results: click → complete, painted', per(widget, (r) => r.results.complete), null, ms, '');
row('Show roadmap: frame with weeks and verdict', per(widget, (r) => r.roadmap.firstFrame), null, frames, 'the first frame after the click');
row('Show roadmap: click → weeks etc. in DOM', per(widget, (r) => r.roadmap.processing), null, ms, '');
row('Show roadmap: frame with every task', per(widget, (r) => r.roadmap.completeFrame), null, frames, '');
row('Show roadmap: click → complete, painted', per(widget, (r) => r.roadmap.complete), null, ms, '');
row('JS heap after a complete run', per(widget, (r) => r.mem.js), per(survey, (r) => r.mem.js), mb, '');
row('Wasm memory after a complete run', per(widget, (r) => r.mem.wasm), null, mb, '');
row('JS heap + wasm memory', per(widget, (r) => r.mem.js + r.mem.wasm), per(survey, (r) => r.mem.js), mb, '< 8 MB');

const header = ['Measure', `Widget, median (min–max)`, 'SurveyJS, median (min–max)', 'Widget / SurveyJS', 'Target'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
const line = (cells) => `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
console.log(`\nBenchmark: ${RUNS} runs in headless Chromium, ${CLICKS} answer clicks per scenario and run; files served from 127.0.0.1 without compression, transfer computed from the requested files.`);
console.log(line(header));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const r of rows) console.log(line(r));
console.log(`\nWidget requests: ${wT.length} (${widget[0].load.requests.map((u) => u.replace(origin, '')).join(', ')}); external requests attempted: ${widget[0].load.external.length}.`);
console.log(`SurveyJS requests: ${sT.length}; external requests attempted (blocked, not counted): ${survey[0].load.external.length}${survey[0].load.external.length ? ` (${[...new Set(survey[0].load.external.map((u) => new URL(u).host))].join(', ')})` : ''}.`);
console.log(`Questions on screen: widget ${widget[0].onScreen.full} (full, clause 4) and ${widget[0].onScreen.stress} (stress section); SurveyJS shows one page per section, the same questions.`);
