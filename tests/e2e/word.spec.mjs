// The Word report and adviser's sheet as people open them: downloaded from the results, read by
// python-docx (the heading outline, tables with repeating header rows, the page footer, the
// notes exactly as typed) and printed to PDF by LibreOffice Writer in English and German.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { appStarted, downloadTo, hostile, officeAssessment, root, watchErrors } from './helpers.mjs';

async function openAssessment(page, lang) {
  await page.goto(`/?lang=${lang}`);
  await appStarted(page);
  await page.getByTestId('open-file').setInputFiles(officeAssessment());
  await expect(page.getByTestId('overall-percent')).toBeVisible();
}


const pythonDocx = (path) => JSON.parse(execFileSync(join(root, '.venv', 'bin', 'python'), [join(root, 'tests', 'tools', 'read_docx.py'), path], { encoding: 'utf8' }));

/** The document as LibreOffice Writer prints it: PDF, then its text and page count. */
function printed(path, dir) {
  const out = join(dir, 'writer');
  mkdirSync(out, { recursive: true });
  execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${out}/profile`, '--convert-to', 'pdf', '--outdir', out, path], { stdio: 'ignore', timeout: 180_000 });
  const pdf = join(out, path.split('/').pop().replace(/\.docx$/, '.pdf'));
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))[1]);
  return { text: execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }), pages };
}

test('the Word report opens in python-docx with the Markdown report as its heading outline, real tables and the note exactly as typed', async ({ page }, testInfo) => {
  const errors = watchErrors(page);
  await openAssessment(page, 'en');
  const path = await downloadTo(page, 'export-docx', testInfo.outputPath());
  expect(path).toMatch(/iso42001-quick-scan-\d{4}-\d{2}-\d{2}-report\.docx$/);
  const doc = pythonDocx(path);
  const markdown = readFileSync(await downloadTo(page, 'export-md', testInfo.outputPath()), 'utf8');
  // Every Markdown heading is a Word heading of its level, in the same order.
  const mdHeadings = markdown.split('\n').filter((l) => /^#{1,3} /.test(l)).map((l) => `Heading ${l.indexOf(' ')}: ${l.slice(l.indexOf(' ') + 1).replaceAll('\\', '')}`);
  const headings = doc.body.filter((b) => b.style?.startsWith('Heading')).map((b) => `${b.style}: ${b.text}`);
  expect(headings.slice(0, mdHeadings.length)).toEqual(mdHeadings);
  expect(headings.at(-1)).toBe('Heading 2: Sign-off');
  // Tables with a repeating header row: the maturity per clause and area, the documents.
  const tables = doc.body.filter((b) => b.table);
  expect(tables.length).toBe(markdown.split('\n').filter((l) => l.startsWith('|---')).length);
  expect(tables.every((t) => t.header)).toBe(true);
  expect(tables[0].table[0]).toEqual(['Section', 'Title', 'Maturity (0-3)', 'Score', 'Answered']);
  expect(tables[0].table.find((r) => r[0] === '6.1' || r[0] === '6')).toBeTruthy();
  // The note, exactly as typed: a line break stays a line break, control characters XML cannot
  // carry show as their Unicode pictures (U+2401, U+240B).
  const expected = hostile.replace('\r\n', '\n').replace('\u0001', '\u2401').replace('\u000b', '\u240b');
  const note = doc.body.findLast((b) => b.text?.startsWith('4.3 Determining the scope')); // in the notes, after the blockers
  expect(note.text.slice(note.text.indexOf(': ') + 2)).toBe(expected);
  expect(doc.footer.fields).toEqual(['PAGE', 'NUMPAGES']);
  expect(doc.title).toMatch(/^ISO\/IEC 42001 quick scan: readiness report, /);
  // The adviser's sheet as a second document.
  const adviser = pythonDocx(await downloadTo(page, 'export-adviser-docx', testInfo.outputPath()));
  expect(adviser.body[0]).toEqual({ style: 'Heading 1', text: "Adviser's sheet: ISO/IEC 42001 quick scan" });
  expect(adviser.body.filter((b) => b.style === 'Heading 3').length).toBeGreaterThan(3);
  expect(errors).toEqual([]);
});

for (const [lang, heading, pageWord] of [['en', 'Maturity by clause and Annex A area', 'Page'], ['de', 'Reifegrad nach Abschnitt und Anhang-A-Bereich', 'Seite']]) {
  test(`LibreOffice Writer prints the ${lang} Word report with numbered pages and every section`, async ({ page }, testInfo) => {
    await openAssessment(page, lang);
    const path = await downloadTo(page, 'export-docx', testInfo.outputPath());
    const doc = pythonDocx(path);
    const { text, pages } = printed(path, testInfo.outputPath());
    expect(pages).toBeGreaterThan(2);
    expect(text).toContain(`${pageWord} 1 `);
    expect(text).toContain(`${pageWord} ${pages} `);
    expect(text).toContain(heading);
    // Every heading of the document is on the printed pages.
    for (const h of doc.body.filter((b) => b.style?.startsWith('Heading'))) expect(text.replace(/\s+/g, ' ')).toContain(h.text.replace(/\s+/g, ' ').slice(0, 60));
  });
}

test('the printed report opens with the host on its cover and a one-page summary', async ({ page }, testInfo) => {
  const errors = watchErrors(page);
  // A 1 x 1 PNG: pictured on the printed cover and in the Word report.
  const logo = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
  const settings = { name: 'Acme & Söhne Beratung', logo, 'logo-alt': 'Acme' };
  await page.route('**/host.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(settings) }));
  await page.goto('/');
  await appStarted(page);
  await page.getByTestId('open-file').setInputFiles(officeAssessment());
  await expect(page.getByTestId('overall-percent')).toBeVisible();
  await page.getByTestId('to-report').click();
  const host = page.getByTestId('report-host');
  await expect(host).toHaveText('Acme & Söhne Beratung');
  await expect(host.locator('img')).toHaveAttribute('alt', 'Acme');
  // The organisation and the author, typed on the report, head its cover (and are saved).
  await page.getByTestId('report-organisation').fill('Beispiel AG & Co. <KG>');
  await page.getByTestId('report-prepared-by').fill('Ines Ruiz');
  await expect(page.getByTestId('people').first()).toHaveText('Organisation: \u2068Beispiel AG & Co. <KG>\u2069');
  await expect(page.getByTestId('people').nth(1)).toHaveText('Prepared by: \u2068Ines Ruiz\u2069');
  const summary = page.getByTestId('report-summary');
  await expect(summary.locator('h2')).toHaveText('Summary');
  await expect(summary.locator('ol li')).toHaveCount(5);
  await expect(summary).toContainText('overall readiness');
  // In print, the cover shows the host (the header with the logo is hidden) and the summary
  // ends its page.
  await page.emulateMedia({ media: 'print' });
  await expect(host.locator('img')).toBeVisible();
  expect(await summary.evaluate((e) => getComputedStyle(e).breakAfter)).toBe('page');
  const pdf = testInfo.outputPath('report.pdf');
  await page.pdf({ path: pdf, format: 'A4' });
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  expect(text).toContain('Acme & Söhne Beratung');
  expect(text.split('\f')[1]).toContain('First actions');
  expect(text.replace(/[\u2068\u2069]/g, '')).toContain('Prepared by: Ines Ruiz');
  await page.emulateMedia({ media: 'screen' });
  await page.getByRole('button', { name: 'Back to the results' }).click();
  const docx = pythonDocx(await downloadTo(page, 'export-docx', testInfo.outputPath()));
  expect(docx.body.map((b) => b.text)).toContain('Organisation: \u2068Beispiel AG & Co. <KG>\u2069');
  // The host's logo and name head the Word report too (then the two charts).
  expect(docx.pictures[0]).toEqual({ width: 9525, height: 9525 });
  expect(docx.pictures).toHaveLength(3);
  expect(docx.body[1]).toEqual({ style: 'Normal', text: 'Acme & Söhne Beratung' });
  expect(errors).toEqual([]);
});

test('an SVG logo, which Word cannot take, is drawn as a PNG picture in the Word report', async ({ page }, testInfo) => {
  const errors = watchErrors(page);
  const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100" viewBox="0 0 200 100"><rect width="200" height="100" fill="#0a5"/><circle cx="50" cy="50" r="40" fill="#fff"/></svg>';
  const logo = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
  await page.route('**/host.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ logo, 'logo-alt': 'Acme' }) }));
  await page.goto('/');
  await appStarted(page);
  await page.getByTestId('open-file').setInputFiles(officeAssessment());
  await expect(page.getByTestId('overall-percent')).toBeVisible();
  const path = await downloadTo(page, 'export-docx', testInfo.outputPath());
  const docx = pythonDocx(path);
  // 2:1, at most 1.5 cm (540,000 EMU) high; then the two charts.
  expect(docx.pictures[0]).toEqual({ width: 1080000, height: 540000 });
  expect(docx.pictures).toHaveLength(3);
  const listing = execFileSync('unzip', ['-Z1', path], { encoding: 'utf8' }).split('\n');
  expect(listing).toContain('word/media/logo.png');
  const png = execFileSync('unzip', ['-p', path, 'word/media/logo.png']);
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  // The adviser's sheet carries it too.
  const adviser = pythonDocx(await downloadTo(page, 'export-adviser-docx', testInfo.outputPath()));
  expect(adviser.pictures).toHaveLength(1);
  expect(errors).toEqual([]);
});

test('the Word report pictures both maturity charts under their heading, each bar as long as its score, and Writer prints them', async ({ page }, testInfo) => {
  const errors = watchErrors(page);
  await openAssessment(page, 'en');
  const path = await downloadTo(page, 'export-docx', testInfo.outputPath());
  const doc = pythonDocx(path);
  // The maturity table's rows: clauses, then Annex A areas, with their scores.
  const rows = doc.body.find((b) => b.table).table.slice(1);
  const kinds = [rows.filter((r) => !r[0].startsWith('A.')), rows.filter((r) => r[0].startsWith('A.'))];
  // As the screen's SVG chart at three times its size: 1,116 px wide, 26 px a row and 24 px of
  // grid labels; in Word 12 cm (4,320,000 EMU) wide, each with its caption under it.
  const height = (n) => Math.floor(((26 * n + 24) * 3 * 4320000) / 1116);
  expect(doc.pictures).toEqual(kinds.map((k) => ({ width: 4320000, height: height(k.length) })));
  const captions = doc.body.filter((b) => b.style === 'Caption').map((b) => b.text);
  expect(captions).toEqual(['Score by clause, 4 to 10', 'Score by Annex A area, A.2 to A.10']);
  const listing = execFileSync('unzip', ['-Z1', path], { encoding: 'utf8' }).split('\n');
  expect(listing).toEqual(expect.arrayContaining(['word/media/chart-1.png', 'word/media/chart-2.png']));
  // Each bar, measured in the picture: as long as its score (260 px of bar at 100 %, times 3),
  // and in our light scheme's accent (or red for an open blocker) even when the screen is dark:
  // a Word page is white.
  const bars = async (file, n, count) => {
    const png = execFileSync('unzip', ['-p', file, `word/media/chart-${n + 1}.png`]).toString('base64');
    return page.evaluate(async ({ png, count }) => {
      const img = new Image();
      img.src = `data:image/png;base64,${png}`;
      await img.decode();
      const canvas = Object.assign(document.createElement('canvas'), { width: img.width, height: img.height });
      const c = canvas.getContext('2d');
      c.drawImage(img, 0, 0);
      const track = [0xee, 0xf0, 0xf3];
      return [...Array(count).keys()].map((row) => {
        const y = (26 * row + 4 + 9) * 3;
        const line = c.getImageData(64 * 3, y, 260 * 3, 1).data;
        let coloured = 0;
        for (let x = 0; x < 260 * 3; x++) if (track.some((v, i) => Math.abs(line[x * 4 + i] - v) > 24)) coloured++;
        const colour = `#${[...line.slice(4 * 4, 4 * 4 + 3)].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
        return { length: coloured, colour };
      });
    }, { png, count });
  };
  await page.emulateMedia({ colorScheme: 'dark' });
  const dark = await downloadTo(page, 'export-docx', join(testInfo.outputPath(), 'dark'));
  for (const [n, kind] of kinds.entries()) {
    const scores = kind.map((r) => Number(/^(\d+)/.exec(r[3])?.[1] ?? 0));
    expect(scores.some((s) => s > 0)).toBe(true);
    for (const file of [path, dark]) {
      const measured = await bars(file, n, kind.length);
      measured.forEach(({ length, colour }, i) => {
        expect(Math.abs(length - (scores[i] * 260 * 3) / 100), `${kind[i][0]}: ${length} px for ${scores[i]} %`).toBeLessThanOrEqual(3);
        if (scores[i] > 0) expect(['#1f5f8b', '#b42318'], `${kind[i][0]} in ${file}`).toContain(colour);
      });
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  // The chart comes right under the heading that the printed report's charts stand in for.
  const heading = doc.body.findIndex((b) => b.text === 'Maturity by clause and Annex A area');
  expect(doc.body[heading + 1]).toEqual({ style: 'Normal', text: '' });
  // LibreOffice Writer prints both pictures at their full resolution.
  const out = join(testInfo.outputPath(), 'writer');
  printed(path, testInfo.outputPath());
  const images = execFileSync('pdfimages', ['-list', join(out, path.split('/').pop().replace(/\.docx$/, '.pdf'))], { encoding: 'utf8' })
    .split('\n')
    .slice(2)
    .map((l) => l.trim().split(/\s+/))
    .filter((columns) => columns[2] === 'image') // not their alpha masks ("smask")
    .map((columns) => columns.slice(3, 5).map(Number));
  expect(images).toEqual(kinds.map((k) => [1116, (26 * k.length + 24) * 3]));
  expect(errors).toEqual([]);
});
