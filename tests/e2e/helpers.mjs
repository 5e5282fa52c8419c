// Shared steps for the browser tests: fixtures, the domain's expected figures, and user actions.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from '@playwright/test';

const here = dirname(fileURLToPath(import.meta.url));
export const root = join(here, '..', '..');

export function fixture(name) {
  return JSON.parse(readFileSync(join(here, 'fixtures', `${name}.json`), 'utf8'));
}

/** The pure domain's figures for a fixture, computed natively by `cargo run -p aims-domain --example figures`. */
export function expectedFigures(name) {
  const out = execFileSync('cargo', ['run', '--quiet', '-p', 'aims-domain', '--example', 'figures', '--', join(here, 'fixtures', `${name}.json`)], {
    cwd: root,
    encoding: 'utf8',
  });
  return JSON.parse(out);
}

/** Collects console errors and uncaught exceptions; tests assert the list stays empty. */
export function watchErrors(page) {
  const errors = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`page: ${err.message}`));
  return errors;
}

export const domId = (id) => id.replaceAll('.', '-');

/** Waits for the app itself: index.html's first paint looks like the start screen but is not it. */
export async function appStarted(page) {
  await expect(page.locator('.aims:not([data-preview])')).toBeVisible();
}

export async function openQuickScan(page) {
  await page.goto('/');
  await page.getByRole('button', { name: /quick scan/ }).click();
  await expect(page.getByRole('heading', { name: 'Your organisation' })).toBeVisible();
}

export async function fillProfileWithMouse(page, profile) {
  await page.locator(`input[name="size"][value="${profile.size}"]`).click();
  for (const role of profile.roles) await page.locator(`input[name="roles"][value="${role}"]`).click();
  await page.locator('#systems').fill(String(profile.systems));
  if (profile.certifications.length === 0) {
    await page.locator('input[name="certifications"][value="none"]').click();
  }
  for (const c of profile.certifications) await page.locator(`input[name="certifications"][value="${c}"]`).click();
  await page.locator(`input[name="high_risk"][value="${profile.high_risk}"]`).click();
  await page.locator(`input[name="prohibited"][value="${profile.prohibited ?? 'no'}"]`).click();
  await page.getByTestId('profile-continue').click();
}

export function answerValue(answer) {
  if (typeof answer === 'number') return String(answer);
  if (answer === 'dont_know') return 'dont-know';
  return 'not-applicable';
}

/** Answers every item on the current section that the fixture lists, by clicking. Returns their ids. */
export async function answerSectionWithMouse(page, answers) {
  const ids = await page.locator('fieldset.question').evaluateAll((els) => els.map((e) => e.dataset.item));
  for (const id of ids) {
    const answer = answers[id];
    if (answer === undefined) continue;
    await page.locator(`fieldset[data-item="${id}"] input[value="${answerValue(answer)}"]`).click();
    if (typeof answer === 'object') {
      await page.locator(`#${domId(id)}-justification`).fill(answer.not_applicable);
    }
  }
  return ids;
}

/** Answers every section with the mouse, pressing Next until the results show. Returns the ids answered. */
export async function answerAllWithMouse(page, answers, lastLabel = 'See your results') {
  const answered = [];
  for (let guard = 0; guard < 30; guard++) {
    answered.push(...(await answerSectionWithMouse(page, answers)));
    const next = page.getByTestId('next');
    const last = (await next.textContent()).includes(lastLabel);
    await next.click();
    if (last) return answered;
  }
  throw new Error('never reached the results');
}

const tenths = (t) => (t === null ? 'n/a' : `${Math.floor(t / 10)}.${t % 10}`);
const percent = (p) => (p === null ? 'n/a' : `${p}%`);

/** Checks that the results screen shows exactly the domain's figures. */
export async function expectResults(page, fig) {
  await expect(page.getByRole('heading', { name: 'Your readiness' })).toBeVisible();
  await expect(page.getByTestId('overall-percent')).toHaveText(String(fig.overall));
  await expect(page.getByTestId('band')).toHaveText(fig.band);
  await expect(page.getByTestId('overall-method')).toContainText(`${fig.points} of ${fig.max_points} points`);
  for (const s of fig.sections) {
    const row = page.locator(`tr[data-section="${s.id}"]`);
    await expect(row.locator('[data-col="percent"]')).toHaveText(percent(s.percent));
    await expect(row.locator('[data-col="maturity"]')).toHaveText(tenths(s.maturity_tenths));
    await expect(row.locator('[data-col="points"]')).toHaveText(`${s.points} / ${s.max_points}`);
    await expect(row.locator('[data-col="answered"]')).toHaveText(`${s.answered} / ${s.applicable}`);
    await expect(row.locator('[data-col="na"]')).toHaveText(String(s.not_applicable));
    await expect(row.locator('[data-col="dont-know"]')).toHaveText(String(s.dont_know));
  }
  await expect(page.locator('tr[data-section]')).toHaveCount(fig.sections.length);
  const blockers = await page.locator('.blocker-list li').evaluateAll((els) => els.map((e) => e.dataset.item));
  expect(blockers).toEqual(fig.blockers);
  // The chart draws the same numbers as the table.
  const chartValues = await page.locator('svg .bar-value').allTextContents();
  expect(chartValues).toEqual(fig.sections.map((s) => percent(s.percent)));
}

/** Checks that the roadmap screen shows exactly the domain's phases and tasks. */
export async function expectRoadmap(page, fig) {
  await expect(page.getByRole('heading', { name: /^Roadmap to a certification audit/ })).toBeVisible();
  await expect(page.getByTestId('total-weeks')).toHaveText(String(fig.total_weeks));
  for (const p of fig.phases) {
    const phase = page.locator(`li.phase[data-phase="${p.number}"]`);
    await expect(phase.getByTestId('phase-weeks')).toContainText(`Weeks ${p.start_week}-${p.end_week}`);
    await expect(phase.getByTestId('phase-weeks')).toContainText(`${p.weeks} weeks`);
    const tasks = await phase.locator('li.task').evaluateAll((els) => els.map((e) => e.dataset.item));
    expect(tasks).toEqual(p.tasks);
  }
}

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Runs axe-core (WCAG 2.2 A/AA rules) on the page; the test must use `bypassCSP: true`. */
export async function axe(page, screen) {
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(async () =>
    // eslint-disable-next-line no-undef
    axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } }),
  );
  // axe really ran: it checked many rules and passed them.
  expect(result.passes.length, `${screen}: axe passed no rule`).toBeGreaterThan(15);
  const found = result.violations.map((v) => `${screen}: ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target}`);
  return found;
}


/** The text of a message with the Unicode isolates around quoted outside text removed. */
export const plain = (text) => (text ?? '').replace(/[\u2068\u2069]/g, '');

/** Waits until the locator's text, isolates removed, contains `fragment`. */
export async function expectMessage(locator, fragment) {
  await expect.poll(async () => plain(await locator.first().textContent()), { timeout: 5000 }).toContain(fragment);
}

/** Writes the DOM as rendered now (not index.html) to a file for the Nu Html Checker. */
export async function saveDom(page, path) {
  const html = await page.evaluate(() => `<!DOCTYPE html>\n${document.documentElement.outerHTML}`);
  const { writeFileSync } = await import('node:fs');
  writeFileSync(path, html);
  return path;
}

/** Runs the Nu Html Checker (npm vnu-jar, Java) on the files; returns its errors, one line each. */
export function vnuErrors(files) {
  const jar = join(root, 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');
  let out;
  try {
    out = execFileSync('java', ['-jar', jar, '--errors-only', '--format', 'json', ...files], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    // vnu exits 1 when it found errors; its report is on stderr.
    out = e.stderr || e.stdout;
  }
  const report = JSON.parse(out || '{"messages":[]}');
  return report.messages.map((m) => `${m.url.split('/').pop()}:${m.lastLine}: ${m.message} [${(m.extract ?? '').slice(0, 80)}]`);
}

/** Opens a CSV the way a spreadsheet user does, with LibreOffice headless in the given locale
 *  (1033 English, 1031 German), and returns each cell's type and text as LibreOffice read it. */
export function spreadsheetCells(csvPath, separator, locale) {
  const dir = dirname(csvPath);
  const code = separator.charCodeAt(0);
  execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/lo-profile`, '--convert-to', 'xlsx', `--infilter=CSV:${code},34,76,1,,${locale}`, '--outdir', dir, csvPath], { stdio: 'ignore', timeout: 120_000 });
  const xlsx = csvPath.replace(/\.csv$/, '.xlsx');
  const script = `
import html, json, re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
shared = []
if 'xl/sharedStrings.xml' in z.namelist():
    for si in re.findall(r'<si>(.*?)</si>', z.read('xl/sharedStrings.xml').decode(), re.S):
        shared.append(html.unescape(''.join(re.findall(r'<t[^>]*>(.*?)</t>', si, re.S))))
cells = []
for ref, attrs, body in re.findall(r'<c r="([A-Z]+\\d+)"([^>]*?)(?:/>|>(.*?)</c>)', z.read('xl/worksheets/sheet1.xml').decode(), re.S):
    kind = (re.search(r't="(\\w+)"', attrs) or [None, 'n'])[1]
    value = (re.search(r'<v>(.*?)</v>', body or '') or [None, ''])[1]
    cells.append({'ref': ref, 'type': kind, 'text': shared[int(value)] if kind == 's' and value else value})
print(json.dumps(cells))
`;
  return JSON.parse(execFileSync('python3', ['-c', script, xlsx], { encoding: 'utf8' }));
}

const small = { size: 'small', roles: ['uses'], systems: 1, certifications: [], high_risk: 'no', prohibited: 'no', target_date: null };
const questionnaireFile = (id) => JSON.parse(readFileSync(join(root, 'questionnaires', `${id}.json`), 'utf8'));
/** The item ids of a built-in questionnaire, in its order. */
export const items = (id) => questionnaireFile(id).sections.flatMap((s) => s.items.map((i) => i.id));

/** A save file of `id` (as the widget writes them) with every item at `level`, except `except`
 *  (a level, or an answer in the save format), for `profile`, with a note on 4.3. */
export function saveFile(id, level, except = {}, profile = small) {
  const answer = (v) => (typeof v === 'number' ? { level: v } : v);
  const answers = Object.fromEntries(items(id).map((item) => [item, answer(except[item] ?? level)]));
  const text = JSON.stringify({ format: 2, questionnaire: id, version: questionnaireFile(id).version, saved_at: '2026-11-30T10:00:00.000Z', profile, answers, notes: { '4.3': 'Scope draft & owner: CISO' } });
  return { name: `${id}.json`, mimeType: 'application/json', buffer: Buffer.from(text) };
}

/** Opens a save file from the start screen of a fresh page; the results show. */
export async function openFile(page, file) {
  await page.goto('/');
  await appStarted(page);
  await page.getByTestId('open-file').setInputFiles(file);
  await expect(page.getByTestId('overall-percent')).toBeVisible();
}

export const hostile = `<b>bold</b> & "quotes" =SUM(A1) \u0001\u000b\r\n\ttab 🚀 مرحبا \u202ertl\u202c _x0041_ ${'x'.repeat(4850)}`;
export const justification = 'Vendor trains the models; we feed no data of our own & keep <no> copies.';

/** For the Office exports: a quick scan at level 1, with 4.1 at 2, A.7.4 not applicable, and the hostile note on 4.3. */
export function officeAssessment() {
  const id = 'iso42001-quick-scan';
  const version = JSON.parse(readFileSync(join(root, 'questionnaires', `${id}.json`), 'utf8')).version;
  const answers = Object.fromEntries(items(id).map((item) => [item, { level: 1 }]));
  answers['4.1'] = { level: 2 };
  answers['A.7.4'] = { not_applicable: justification };
  const profile = { size: 'medium', roles: ['develops', 'uses'], systems: 3, certifications: [], high_risk: 'no', prohibited: 'no', target_date: null };
  const text = JSON.stringify({ format: 2, questionnaire: id, version, saved_at: '2026-11-30T10:00:00.000Z', profile, answers, notes: { '4.3': hostile } });
  return { name: `${id}.json`, mimeType: 'application/json', buffer: Buffer.from(text) };
}

/** Clicks the export button `testId` and saves the download into `dir`; returns its path. */
export async function downloadTo(page, testId, dir) {
  const pending = page.waitForEvent('download');
  await page.getByTestId(testId).click();
  const file = await pending;
  const path = join(dir, file.suggestedFilename());
  await file.saveAs(path);
  return path;
}
