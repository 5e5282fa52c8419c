// The Excel workbook as people open it: downloaded from the results, read by openpyxl (ids as
// text, dates as dates, frozen headers, filters, drop-down lists, the notes exactly as typed)
// and converted sheet by sheet by LibreOffice Calc in English and German.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { appStarted, hostile, justification, officeAssessment, root, watchErrors } from './helpers.mjs';

async function downloadWorkbook(page, lang, dir) {
  await page.goto(`/?lang=${lang}`);
  await appStarted(page);
  await page.getByTestId('open-file').setInputFiles(officeAssessment());
  await expect(page.getByTestId('overall-percent')).toBeVisible();
  await page.locator('#calendar-start').fill('2027-01-04');
  const pending = page.waitForEvent('download');
  await page.getByTestId('export-xlsx').click();
  const file = await pending;
  expect(file.suggestedFilename()).toMatch(/^iso42001-quick-scan-\d{4}-\d{2}-\d{2}-readiness\.xlsx$/);
  const path = join(dir, file.suggestedFilename());
  await file.saveAs(path);
  return { path, percent: Number(await page.getByTestId('overall-percent').textContent()) };
}

const openpyxl = (path) => JSON.parse(execFileSync(join(root, '.venv', 'bin', 'python'), [join(root, 'tests', 'tools', 'read_xlsx.py'), path], { encoding: 'utf8' }));

/** One RFC 4180 CSV text as rows of fields. */
function parseCsv(text) {
  const rows = [[]];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { rows.at(-1).push(field); field = ''; }
    else if (c === '\n') { rows.at(-1).push(field); field = ''; rows.push([]); }
    else if (c !== '\r' || text[i + 1] !== '\n') field += c;
  }
  if (field || rows.at(-1).length) rows.at(-1).push(field); else rows.pop();
  return rows;
}

/** Every sheet as LibreOffice Calc shows it to a person whose locale is `locale` ("en-US",
 *  "de-DE": set in a fresh profile, as the Options dialog would), each converted to CSV with
 *  the cells as shown. */
function calcSheets(path, locale, dir) {
  const out = join(dir, `calc-${locale}`);
  mkdirSync(join(out, 'profile', 'user'), { recursive: true });
  writeFileSync(join(out, 'profile', 'user', 'registrymodifications.xcu'), `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>${locale}</value></prop></item>
</oor:items>`);
  // Comma-separated, quoted, UTF-8, cell contents as shown, every sheet to a file of its own.
  const filter = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,false,true,false,false,-1';
  execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${out}/profile`, '--convert-to', filter, '--outdir', out, path], { stdio: 'ignore', timeout: 120_000 });
  const sheets = {};
  for (const name of readdirSync(out).filter((f) => f.endsWith('.csv'))) {
    sheets[name.replace(/^.*-readiness-/, '').replace(/\.csv$/, '')] = parseCsv(readFileSync(join(out, name), 'utf8'));
  }
  return sheets;
}

test('the workbook opens in openpyxl with typed cells, frozen filtered headers, lists and the notes exactly as typed', async ({ page }, testInfo) => {
  const errors = watchErrors(page);
  const { path, percent } = await downloadWorkbook(page, 'en', testInfo.outputPath());
  const book = openpyxl(path);
  expect(book.map((s) => s.name)).toEqual(['Summary', 'Gap register', 'Statement of Applicability', 'Roadmap', 'Evidence requests']);
  for (const sheet of book) expect(sheet.frozen, sheet.name).toBe('A2');
  expect(book.slice(1).map((s) => s.filter)).toEqual(book.slice(1).map((s) => `A1:${String.fromCharCode(64 + s.rows[0].length)}${s.rows.length}`));
  const [summary, gaps, soa, roadmap, evidence] = book;
  // The overall readiness is a number formatted as a percentage, the one on the screen.
  const readiness = summary.rows.find((r) => r[0]?.value === 'Readiness');
  expect(readiness[1]).toMatchObject({ type: 'number', format: '0%' });
  expect(Math.round(readiness[1].value * 100)).toBe(percent);
  // Ids are text, never numbers or dates; levels and efforts are numbers.
  const ids = gaps.rows.slice(1).map((r) => r[0]);
  expect(ids.every((c) => c.type === 'text')).toBe(true);
  expect(ids.map((c) => c.value)).toEqual(expect.arrayContaining(['4.1', '6.1.2', '10.2', 'A.7.4']));
  const row41 = gaps.rows.find((r) => r[0].value === '4.1');
  expect([row41[3], row41[4], row41[5]].map((c) => c.value)).toEqual([2, 3, 1]);
  expect(row41[9].type).toBe('number');
  // The note comes back exactly as typed.
  const note = gaps.rows.find((r) => r[0].value === '4.3')[10];
  expect(note.read).toBe(hostile);
  // The SoA: inclusion from a list, the justification exactly, empty evidence columns to fill.
  expect(soa.lists).toEqual([{ range: 'C2:C39', values: '"Included,Excluded,Not assessed"' }]);
  expect(soa.rows[0].slice(6).map((c) => c.value)).toEqual(['Evidence', 'Evidence owner', 'Last checked']);
  const a74 = soa.rows.find((r) => r[0].value === 'A.7.4');
  expect([a74[2].value, a74[3].value]).toEqual(['Excluded', justification]);
  // The roadmap is dated from the chosen start.
  const starts = roadmap.rows.slice(1).map((r) => r[2]).filter(Boolean);
  expect(starts.every((c) => c.type === 'date')).toBe(true);
  expect(starts[0].value).toBe('2027-01-04');
  // Evidence requests: a due date per gap, each "Open" from a list that reaches beyond the rows.
  expect(evidence.rows.length).toBeGreaterThan(5);
  expect(evidence.rows.slice(1).every((r) => r[6]?.type === 'date' && r[7].value === 'Open')).toBe(true);
  expect(evidence.lists[0].values).toBe('"Open,Requested,Received,Accepted"');
  expect(errors).toEqual([]);
});

for (const [lang, locale] of [['en', 'en-US'], ['de', 'de-DE']]) {
  test(`LibreOffice Calc opens the ${lang} workbook: every sheet, ids as typed, dates and numbers in its locale`, async ({ page }, testInfo) => {
    const { path } = await downloadWorkbook(page, lang, testInfo.outputPath());
    const sheets = calcSheets(path, locale, testInfo.outputPath());
    const book = openpyxl(path);
    expect(Object.keys(sheets).sort()).toEqual(book.map((s) => s.name).sort());
    for (const sheet of book) {
      const calc = sheets[sheet.name];
      // Text cells read the same in both programs (ids included: 6.1.2 stays 6.1.2), except
      // that Calc keeps a line break typed as CR LF as LF (a browser's text field never gives
      // CR; only an imported save file can hold one, and openpyxl reads it back exactly).
      const texts = (rows) => rows.flatMap((r, y) => r.map((c, x) => (c?.type === 'text' ? [`${y}:${x}`, c.read] : null))).filter(Boolean);
      for (const [at, text] of texts(sheet.rows)) {
        const [y, x] = at.split(':').map(Number);
        expect(calc[y][x], `${sheet.name} ${at}`).toBe(text.replaceAll('\r\n', '\n'));
      }
    }
    const gaps = sheets[book[1].name];
    const row41 = gaps.find((r) => r[0] === '4.1');
    expect(row41.slice(3, 6)).toEqual(['2', '3', '1']);
    const roadmap = sheets[book[3].name];
    const first = roadmap[1][2];
    expect(first).toBe(lang === 'de' ? '04.01.2027' : '1/4/2027');
    // Person-days with a fraction use the locale's decimal mark.
    const efforts = roadmap.slice(1).map((r) => r[8]).filter((e) => /[.,]/.test(e));
    expect(efforts.length).toBeGreaterThan(0);
    for (const effort of efforts) expect(effort).toMatch(lang === 'de' ? /^\d+,\d+$/ : /^\d+\.\d+$/);
  });
}

test('where the browser can share files, Share hands the workbook and the save file to the share sheet; elsewhere there is no such button', async ({ browser }) => {
  const plain = await browser.newPage();
  await plain.goto('/');
  await appStarted(plain);
  await plain.getByTestId('open-file').setInputFiles(officeAssessment());
  await expect(plain.getByTestId('overall-percent')).toBeVisible();
  await expect(plain.getByTestId('export-xlsx')).toBeVisible();
  await expect(plain.getByTestId('share-xlsx')).toHaveCount(0);
  await plain.close();
  // A phone's browser: canShare accepts files, share opens the sheet (recorded here).
  const page = await browser.newPage();
  const errors = watchErrors(page);
  await page.addInitScript(() => {
    window.shared = [];
    navigator.canShare = (data) => Array.isArray(data?.files) && data.files.length > 0;
    navigator.share = async (data) => {
      // A person who closes the sheet without sharing: the promise rejects.
      if (window.closeSheet) throw new DOMException('Share canceled', 'AbortError');
      for (const file of data.files) window.shared.push({ name: file.name, type: file.type, size: file.size, head: [...new Uint8Array(await file.slice(0, 2).arrayBuffer())] });
    };
  });
  await page.goto('/');
  await appStarted(page);
  await page.getByTestId('open-file').setInputFiles(officeAssessment());
  await expect(page.getByTestId('overall-percent')).toBeVisible();
  await page.getByTestId('share-xlsx').click();
  await page.getByTestId('share-save').click();
  await expect.poll(() => page.evaluate(() => window.shared.length)).toBe(2);
  const [xlsx, save] = await page.evaluate(() => window.shared);
  expect(xlsx).toMatchObject({ type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', head: [0x50, 0x4b] });
  expect(xlsx.name).toMatch(/-readiness\.xlsx$/);
  expect(save.name).toMatch(/^iso42001-quick-scan-.*\.json$/);
  expect(save.type).toBe('application/json');
  expect(save.size).toBeGreaterThan(5000);
  // Closing the sheet shares nothing, downloads nothing and leaves no unhandled rejection.
  await page.evaluate(() => { window.closeSheet = true; });
  let downloaded = false;
  page.on('download', () => { downloaded = true; });
  await page.getByTestId('share-xlsx').click();
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => window.shared.length)).toBe(2);
  expect(downloaded).toBe(false);
  expect(errors).toEqual([]);
});
