// The user flows that depend on the browser engine, written once against the small driver
// interface of drivers.mjs and run in Firefox ESR and WebKitGTK by run.mjs. Each flow throws on
// the first failed check; the assertions mirror the Chromium suite's where the engine allows.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(new URL('../..', import.meta.url).pathname);
const BASE = 'http://127.0.0.1:4173/';
const HOST = 'http://localhost:4174/';
// dist/ again, with the later module's response held back 1.5 s (run.mjs).
const SLOW = 'http://127.0.0.1:4175/';

function check(ok, what) {
  if (!ok) throw new Error(what);
}

function fixture(name) {
  return JSON.parse(readFileSync(join(ROOT, 'tests/e2e/fixtures', `${name}.json`), 'utf8'));
}

/** The pure domain's figures for a fixture (`cargo run -p aims-domain --example figures`). */
function figures(name) {
  const out = execFileSync('cargo', ['run', '--quiet', '--example', 'figures', '--', join(ROOT, 'tests/e2e/fixtures', `${name}.json`)], { cwd: ROOT, encoding: 'utf8' });
  return JSON.parse(out);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Polls a page-side condition (a function body returning a truthy value) for up to `ms`. */
async function until(d, body, what, ms = 15000, ...args) {
  const end = Date.now() + ms;
  let last;
  while (Date.now() < end) {
    last = await d.eval(body, ...args).catch((e) => `error: ${e.message}`);
    if (last && !(typeof last === 'string' && last.startsWith('error:'))) return last;
    await sleep(150);
  }
  throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
}

const text = (d, css) => d.eval('const e = document.querySelector(args[0]); return e ? e.textContent.trim() : null;', css);
const plain = (s) => (s ?? '').replace(/[\u2068\u2069]/g, '');

async function heading(d, name) {
  await until(d, 'const h = document.querySelector(".aims:not([data-preview]) h1"); return h && h.textContent.includes(args[0]);', `heading "${name}"`, 20000, name);
}

async function openQuickScan(d) {
  await d.goto(BASE);
  await heading(d, 'How ready');
  await d.click('[data-questionnaire="iso42001-quick-scan"] button');
  await heading(d, 'Your organisation');
}

async function fillProfile(d, profile) {
  await d.click(`input[name="size"][value="${profile.size}"]`);
  for (const role of profile.roles) await d.click(`input[name="roles"][value="${role}"]`);
  await d.type('#systems', String(profile.systems));
  if (profile.certifications.length === 0) await d.click('input[name="certifications"][value="none"]');
  for (const c of profile.certifications) await d.click(`input[name="certifications"][value="${c}"]`);
  await d.click(`input[name="high_risk"][value="${profile.high_risk}"]`);
  await d.click(`input[name="prohibited"][value="${profile.prohibited ?? 'no'}"]`);
  await d.click('[data-testid="profile-continue"]');
  await until(d, 'return !!document.querySelector("[data-testid=next]")', 'the questions');
}

const value = (a) => (typeof a === 'number' ? String(a) : a === 'dont_know' ? 'dont-know' : 'not-applicable');

/** Answers every section by clicking, as the Chromium mouse run does; ends on the results. */
async function answerAll(d, answers) {
  for (let guard = 0; guard < 30; guard++) {
    const ids = await d.eval('return [...document.querySelectorAll("fieldset.question")].map((e) => e.dataset.item);');
    for (const id of ids) {
      const a = answers[id];
      if (a === undefined) continue;
      await d.click(`fieldset[data-item="${id}"] input[value="${value(a)}"]`);
      if (typeof a === 'object') await d.type(`#${id.replaceAll('.', '-')}-justification`, a.not_applicable);
    }
    const last = (await text(d, '[data-testid=next]')).includes('See your results');
    await d.click('[data-testid=next]');
    if (last) break;
  }
  await until(d, 'return !!document.querySelector("[data-testid=overall-percent]")', 'the results');
}

async function expectFigures(d, fig) {
  await until(d, 'return document.querySelectorAll("tr[data-section]").length > 0', 'the score tables');
  check((await text(d, '[data-testid=overall-percent]')) === String(fig.overall), `overall ${fig.overall}%`);
  check((await text(d, '[data-testid=band]')) === fig.band, `band ${fig.band}`);
  for (const s of fig.sections) {
    const shown = await text(d, `tr[data-section="${s.id}"] [data-col="points"]`);
    check(shown === `${s.points} / ${s.max_points}`, `section ${s.id}: ${shown}`);
  }
  const blockers = await d.eval('return [...document.querySelectorAll(".blocker-list li")].map((e) => e.dataset.item);');
  check(JSON.stringify(blockers) === JSON.stringify(fig.blockers), `blockers ${blockers}`);
  await d.click('[data-testid=to-roadmap]');
  await until(d, 'return !!document.querySelector("[data-testid=total-weeks]")', 'the roadmap');
  check((await text(d, '[data-testid=total-weeks]')) === String(fig.total_weeks), `total weeks ${fig.total_weeks}`);
}

/** Keeps what the widget offers for download: Blob URLs are wrapped to remember their blobs. */
async function captureDownloads(d) {
  await d.eval(`
    if (window.__downloads) return true;
    window.__downloads = [];
    const create = URL.createObjectURL;
    URL.createObjectURL = (blob) => { const url = create(blob); window.__blobs = window.__blobs || {}; window.__blobs[url] = blob; return url; };
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function () {
      const blob = (window.__blobs || {})[this.href];
      if (blob && this.download) { blob.text().then((t) => window.__downloads.push({ name: this.download, text: t })); return; }
      return click.call(this);
    };
    return true;`);
}

async function lastDownload(d) {
  return until(d, 'return window.__downloads && window.__downloads[window.__downloads.length - 1];', 'a download');
}

/** Keyboard only: Tab until `css` has the focus. */
async function tabTo(d, css) {
  for (let n = 0; n < 250; n++) {
    if (await d.eval('return document.activeElement && document.activeElement.matches(args[0]);', css)) return;
    await d.press('Tab');
  }
  throw new Error(`Tab never reached ${css}`);
}

export const FLOWS = [
  ['the quick scan with the mouse: screen figures equal the domain figures', async (d) => {
    const run = fixture('mouse-run');
    await openQuickScan(d);
    await fillProfile(d, run.profile);
    await answerAll(d, run.answers);
    await expectFigures(d, figures('mouse-run'));
  }],

  ['the quick scan with the keyboard only', async (d) => {
    const run = fixture('keyboard-run');
    await d.goto(BASE);
    await heading(d, 'How ready');
    await tabTo(d, '[data-questionnaire="iso42001-quick-scan"] button');
    await d.press('Enter');
    await heading(d, 'Your organisation');
    // Radio groups: Tab into the group, arrows to the answer; checkboxes: Tab and Space.
    // Radio groups: Tab into the group, arrows to the wanted option, Space to choose it.
    const radio = async (name, wanted) => {
      await tabTo(d, `input[name="${name}"]`);
      const target = `input[name="${name}"][value="${wanted}"]`;
      for (let n = 0; n < 8; n++) {
        if (await d.eval('return document.querySelector(args[0]).checked;', target)) return;
        if (await d.eval('return document.activeElement === document.querySelector(args[0]);', target)) {
          await d.press('Space');
        } else {
          await d.press('ArrowDown');
        }
      }
      const state = await d.eval('const a = document.activeElement; return `${a && a.name}=${a && a.value}`;');
      throw new Error(`could not choose ${name}=${wanted} with the keyboard (focus on ${state})`);
    };
    await radio('size', run.profile.size);
    for (const role of run.profile.roles) {
      await tabTo(d, `input[name="roles"][value="${role}"]`);
      await d.press('Space');
    }
    await tabTo(d, 'input[name="certifications"][value="none"]');
    await d.press('Space');
    await radio('high_risk', run.profile.high_risk);
    await radio('prohibited', 'no');
    await tabTo(d, '[data-testid="profile-continue"]');
    await d.press('Enter');
    await until(d, 'return !!document.querySelector("[data-testid=next]")', 'the questions');
    const ids = await d.eval('return [...document.querySelectorAll("fieldset.question")].map((e) => e.dataset.item);');
    for (const id of ids) {
      const a = run.answers[id];
      if (typeof a !== 'number') continue;
      await radio(`q-${id.replaceAll('.', '-')}`, String(a));
    }
    const answered = await text(d, '[data-testid=answered]');
    check(Number(answered) >= ids.filter((id) => typeof run.answers[id] === 'number').length, `answered ${answered}`);
  }],

  ['reload half-way: every answer and the profile are still there', async (d) => {
    const run = fixture('mouse-run');
    await openQuickScan(d);
    await fillProfile(d, run.profile);
    await d.click('#q-4-1-2');
    await d.click('#q-4-3-1');
    await d.reload();
    await until(d, 'return !!document.querySelector("[data-testid=answered]")', 'the questions after a reload');
    check((await text(d, '[data-testid=answered]')) === '2', 'two answers after the reload');
    await d.click('.section-link');
    await until(d, 'const r = document.querySelector("#q-4-1-2"); return !!r && r.checked;', '4.1 still at level 2');
  }],

  ['save to file, start over, open the file: every answer and note comes back', async (d) => {
    const run = fixture('mouse-run');
    await openQuickScan(d);
    await fillProfile(d, run.profile);
    await d.click('#q-4-1-2');
    await d.click('#item-4-1 .note summary');
    await d.type('#note-4-1', 'Owner: Jane <jane@example.org> ');
    // Pasted, as people do with emoji (WebDriver cannot type characters outside the BMP).
    await d.eval('const a = document.querySelector("#note-4-1"); a.focus(); document.execCommand("insertText", false, "🙂"); return true;');
    await captureDownloads(d);
    await d.click('[data-testid=save-file]');
    const saved = await lastDownload(d);
    check(/^iso42001-quick-scan-\d{4}-\d{2}-\d{2}-\d{4}\.json$/.test(saved.name), `file name ${saved.name}`);
    await d.click('.nav-actions .danger');
    await d.click('.confirm .button.danger');
    await heading(d, 'Your organisation');
    const dir = mkdtempSync(join(tmpdir(), 'aims-engine-'));
    const path = join(dir, saved.name);
    writeFileSync(path, saved.text);
    await d.setFile('[data-testid=open-file]', path);
    await until(d, 'return !!document.querySelector("[data-testid=answered]")', 'the opened assessment');
    check((await text(d, '[data-testid=answered]')) === '1', 'one answer back');
    check((await d.eval('return document.querySelector("#note-4-1").value;')) === 'Owner: Jane <jane@example.org> 🙂', 'the note back exactly');
  }],

  ['a share link opens read-only in a fresh profile', async (d, engine) => {
    const run = fixture('mouse-run');
    await openQuickScan(d);
    await fillProfile(d, run.profile);
    await answerAll(d, run.answers);
    const overall = await text(d, '[data-testid=overall-percent]');
    await d.click('[data-testid=share]');
    const link = await until(d, 'const i = document.querySelector("[data-testid=share-link]"); return i && i.value;', 'the link');
    // A new browser with an empty profile (WebKitWebDriver allows one session at a time).
    await d.close();
    const other = await engine.launch();
    try {
      await other.goto(link);
      await until(other, 'return document.body.textContent.includes("Shared results")', 'the shared view');
      check((await text(other, '[data-testid=overall-percent]')) === overall, 'the same score');
      check((await other.eval('return localStorage.length;')) === 0, 'nothing stored by opening a link');
    } finally {
      await other.close();
    }
  }],

  ['damaged stored answers give a clear message and are kept aside', async (d) => {
    await d.goto(BASE);
    await heading(d, 'How ready');
    const broken = '{"format":2,"questionnaire":"iso42001-quick-scan","answers":{"4.1"';
    await d.eval('localStorage.setItem("aims-readiness:last", "iso42001-quick-scan"); localStorage.setItem("aims-readiness:iso42001-quick-scan:2.0.0", args[0]); return true;', broken);
    await d.reload();
    await until(d, 'const a = document.querySelector("[role=alert]"); return a && a.textContent.includes("could not be read");', 'the message');
    const kept = await d.eval('return Object.keys(localStorage).filter((k) => k.includes(":unreadable:")).map((k) => localStorage.getItem(k));');
    check(kept.length === 1 && kept[0] === broken, 'the unreadable text kept exactly');
  }],

  ['the CSP blocks a fetch and nothing was requested after load but the page\'s own files', async (d) => {
    const run = fixture('mouse-run');
    await openQuickScan(d);
    await fillProfile(d, run.profile);
    await answerAll(d, run.answers);
    const outcome = await d.eval('return fetch("/x").then(() => "allowed", () => "blocked");');
    check(outcome === 'blocked', `fetch was ${outcome}`);
    const dist = new Set(execFileSync('ls', [join(ROOT, 'dist')], { encoding: 'utf8' }).split('\n').filter(Boolean));
    const requested = await d.eval('return performance.getEntriesByType("resource").map((e) => e.name);');
    const outside = requested.filter((u) => {
      const url = new URL(u);
      return url.origin !== new URL(BASE).origin || !dist.has(url.pathname.replace(/^\//, '') || 'index.html');
    });
    check(requested.length >= 3, `resource timing saw ${requested.length} requests`);
    check(outside.length === 0, `requests outside the page's files: ${outside}`);
  }],

  ['the questions module and the questionnaires arrive before the lock, the later module requested at the lock arrives after it; nothing starts after the lock', async (d) => {
    // Served 1.5 s slow (run.mjs): the questions module, the later one and the questionnaires
    // (a first visit's start screen shows their counts; a click waits for them and the lock).
    await d.goto(SLOW);
    await heading(d, 'How ready');
    await d.click('[data-questionnaire="iso42001-quick-scan"] button');
    await heading(d, 'Your organisation');
    const run = fixture('mouse-run');
    await fillProfile(d, run.profile);
    await answerAll(d, run.answers);
    // The results screen comes from the later module, once it has arrived.
    await until(d, 'return !!document.querySelector("[data-testid=overall-percent]");', 'the results from the later module', 20000).catch(async (e) => {
      const shown = await d.eval('return document.querySelector("main")?.innerText.slice(0, 200);');
      throw new Error(`${e.message}; the screen shows: ${shown}`);
    });
    const timing = await d.eval(`
      const locked = performance.getEntriesByName('aims-readiness:locked')[0];
      return { locked: locked ? locked.startTime : null,
        entries: performance.getEntriesByType('resource').map((e) => ({ name: e.name, start: e.startTime, end: e.responseEnd })) };`);
    check(timing.locked !== null, 'boot.js marked the lock');
    // Resource timing starts a request when the network layer takes it up, a moment after the
    // script asked (WebKit: 1 ms after the mark, seen), and engines round it: "at the lock"
    // allows 50 ms. The results screen opened seconds later; a request it started would show.
    const SLACK = 50;
    for (const [name, file, arrives] of [['questions', /-questions-[0-9a-f]+\.wasm$/, 'before'], ['later', /-later-[0-9a-f]+\.wasm$/, 'after'], ['questionnaires', /\/questions-en-[0-9a-f]+\.bin$/, 'before']]) {
      const module = timing.entries.filter((e) => file.test(e.name));
      check(module.length === 1, `one ${name} file requested, saw ${module.length}`);
      check(module[0].start <= timing.locked + SLACK, `the ${name} file was requested by the lock (${module[0].start} vs ${timing.locked})`);
      const after = module[0].end > timing.locked;
      check(after === (arrives === 'after'), `the ${name} file arrived ${arrives} the lock (${module[0].end} vs ${timing.locked})`);
    }
    const after = timing.entries.filter((e) => e.start > timing.locked + SLACK);
    check(after.length === 0, `requests after the lock: ${after.map((e) => e.name)}`);
    const outcome = await d.eval('return fetch("/x").then(() => "allowed", () => "blocked");');
    check(outcome === 'blocked', `fetch was ${outcome}`);
  }],

  ['the German, French and Spanish interfaces', async (d) => {
    for (const [lang, start, profile] of [['de', 'Wie bereit', 'Ihre Organisation'], ['fr', 'Votre système de management', 'Votre organisme'], ['es', '¿Está su sistema de gestión', 'Su organización']]) {
      await d.goto(`${BASE}index.html?lang=${lang}`);
      await heading(d, start);
      // The app sets the page's language in an effect right after the first render.
      await until(d, `return document.documentElement.lang === "${lang}";`, `html lang=${lang}`, 5000);
      await d.click('[data-questionnaire="iso42001-quick-scan"] button');
      await heading(d, profile);
      // The next page would resume this questionnaire; each language starts on a clean device.
      await d.eval('localStorage.clear(); return true;');
    }
  }],

  ['embedded on another origin: the frame grows and shrinks', async (d) => {
    await d.goto(`${HOST}scroll.html`);
    const height = () => d.eval('return document.querySelector("iframe").getBoundingClientRect().height;');
    await until(d, 'return document.querySelector("iframe").getBoundingClientRect().height > 400;', 'the frame sized to the widget', 20000);
    const profileHeight = await height();
    const frame = await d.frame('iframe');
    await until(frame, 'const h = document.querySelector("h1"); return h && h.textContent.includes("Your organisation");', 'the profile in the frame');
    await fillProfile(frame, fixture('mouse-run').profile).catch(async (e) => {
      const why = await frame.eval('const f = document.querySelector(".form-errors"); return f ? f.textContent : "(no form errors)";');
      throw new Error(`${e.message}; ${why}`);
    });
    await frame.click('.steps li:nth-child(3) button');
    await until(frame, 'return document.querySelectorAll("tr[data-section]").length > 0', 'the results in the frame');
    await until(d, 'return document.querySelector("iframe").getBoundingClientRect().height > args[0] + 300;', 'the frame growing', 15000, profileHeight);
    // Back to the profile (taller than at first: a high-risk answer adds the EU supply-chain
    // roles): the frame shrinks to its content again.
    const resultsHeight = await height();
    await frame.click('.steps li:first-child button');
    await until(d, 'return document.querySelector("iframe").getBoundingClientRect().height < args[0] - 300;', 'the frame shrinking', 15000, resultsHeight);
    const content = await frame.eval('return document.documentElement.scrollHeight;');
    await until(d, 'return Math.abs(document.querySelector("iframe").getBoundingClientRect().height - args[0]) < 50;', 'the frame fitting its content', 15000, content);
  }],

  ['two <aims-readiness> elements on a host page: sized, told when started and completed, never an answer', async (d) => {
    // tests/e2e/host/element.html records what the host page receives (hostLog); its widgets
    // come from /with-events/, whose host.json asks for events with the band.
    await d.goto('http://localhost:4174/element.html');
    const frames = 'const fs = [...document.querySelectorAll("aims-readiness > iframe[data-aims-readiness]")];';
    await until(d, `${frames} return fs.length === 2 && fs.every((f) => /^\\d+px$/.test(f.style.height)) && !document.querySelector("aims-readiness > a");`, 'two sized frames in place of the links', 30000);
    check(await d.eval(`${frames} return fs.every((f) => f.getAttribute("sandbox").split(" ").includes("allow-scripts"));`), 'sandboxed frames');
    await until(d, 'return hostLog.events.filter((e) => e.type === "aims-readiness:started").length === 2;', 'a started event from each', 30000);
    const frame = await d.frame('#quick > iframe');
    await until(frame, 'const h = document.querySelector("h1"); return h && h.textContent.includes("Your organisation");', 'the profile in the first frame');
    const run = fixture('mouse-run');
    await fillProfile(frame, run.profile);
    await answerAll(frame, run.answers);
    const band = await frame.eval('return document.querySelector(".summary").className.match(/band-([a-z0-9-]+)/)[1];');
    await until(d, 'return hostLog.events.length === 3;', 'the completed event', 20000);
    const log = await d.eval('return JSON.parse(JSON.stringify(hostLog));');
    // Compared field by field: drivers return objects with their keys in any order.
    const line = (e) => [e.type, e.target, Object.keys(e.detail).sort().map((k) => `${k}=${e.detail[k]}`).join(',')].join(' ');
    const seen = log.events.map(line).sort();
    const wanted = [
      { type: 'aims-readiness:started', target: 'quick', detail: { questionnaire: 'iso42001-quick-scan' } },
      { type: 'aims-readiness:started', target: 'full', detail: { questionnaire: 'iso42001-full' } },
      { type: 'aims-readiness:completed', target: 'quick', detail: { questionnaire: 'iso42001-quick-scan', band } },
    ].map(line).sort();
    check(JSON.stringify(seen) === JSON.stringify(wanted), `events ${seen.join('; ')}`);
    const shapes = { 'aims-readiness:height': 'height id type', 'aims-readiness:top': 'id offset type',
      'aims-readiness:started': 'id questionnaire type', 'aims-readiness:completed': 'band id questionnaire type' };
    const odd = log.messages.filter((m) => Object.keys(m).sort().join(' ') !== shapes[m.type]);
    check(odd.length === 0, `messages with other fields: ${JSON.stringify(odd).slice(0, 200)}`);
  }],

  ['the team view: two save files, a disagreement, a consensus picked by keyboard and adopted', async (d) => {
    const run = fixture('mouse-run');
    await openQuickScan(d);
    await fillProfile(d, run.profile);
    await answerAll(d, run.answers);
    await heading(d, 'Your readiness');
    const q = JSON.parse(readFileSync(join(ROOT, 'questionnaires/iso42001-quick-scan.json'), 'utf8'));
    const dir = mkdtempSync(join(tmpdir(), 'aims-team-'));
    const file = (name, level43) => {
      const answers = Object.fromEntries(Object.entries(run.answers).filter(([, v]) => typeof v === 'number').map(([id, v]) => [id, { level: v }]));
      answers['4.3'] = { level: level43 };
      const path = join(dir, name);
      writeFileSync(path, JSON.stringify({ format: 2, questionnaire: q.id, version: q.version, saved_at: '2026-11-30T10:00:00.000Z', profile: run.profile, answers, notes: {} }));
      return path;
    };
    // By keyboard: the results' lower part fills in a frame later, and a click could land on
    // content that is still moving.
    await until(d, 'return !!document.querySelector("[data-testid=open-team]")', 'the team view button');
    await tabTo(d, '[data-testid=open-team]');
    await d.press('Enter');
    await heading(d, 'Compare respondents');
    await d.setFile('[data-testid=team-files]', file('ciso.json', 0));
    await until(d, 'return document.querySelectorAll("[data-respondent]").length === 1', 'the first respondent');
    await d.setFile('[data-testid=team-files]', file('legal.json', 3));
    await until(d, 'return document.querySelectorAll("[data-respondent]").length === 2', 'the second respondent');
    const row = '[data-testid=team-items] tr[data-item="4.3"]';
    check(await d.eval('return document.querySelector(args[0]).classList.contains("disagree");', row), '4.3 marked for discussion');
    check((await text(d, `${row} [data-col=spread]`)) === '3', 'spread of 0 and 3');
    await tabTo(d, `${row} [data-testid=consensus-pick]`);
    await d.press('ArrowDown');
    await d.press('ArrowDown');
    await until(d, 'return document.querySelector(args[0]).value === "1";', 'legal picked for 4.3', 15000, `${row} [data-testid=consensus-pick]`);
    await tabTo(d, '[data-testid=adopt-consensus]');
    await d.press('Enter');
    await heading(d, 'Your readiness');
    check((await until(d, 'const n = document.querySelector(".notice"); return n && n.textContent;', 'the notice')).includes('consensus'), 'the consensus notice');
    check(!(await d.eval('return !!document.querySelector(".blocker-list li[data-item=\'4.3\']");')), '4.3 at 3 is no blocker');
  }],

  ['the offline edition runs from file://', async (d) => {
    await d.goto(`file://${join(ROOT, 'dist', 'aims-readiness-offline.html')}`);
    await heading(d, 'How ready');
    await d.click('[data-questionnaire="iso42001-quick-scan"] button');
    await heading(d, 'Your organisation');
    const outcome = await d.eval('return fetch("https://example.org/").then(() => "allowed", () => "blocked");');
    check(outcome === 'blocked', `fetch from the offline edition was ${outcome}`);
    // The results come from the later module, inlined in the file like everything else.
    const run = fixture('mouse-run');
    await fillProfile(d, run.profile);
    await answerAll(d, run.answers);
    await until(d, 'return !!document.querySelector("[data-testid=overall-percent]");', 'the results from the inlined later module', 20000);
  }],
];

export { plain };
