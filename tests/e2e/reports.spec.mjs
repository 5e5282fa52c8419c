// Reports people can hand on: exports, the printed PDF, the timeline and the comparison with an earlier run.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { answerAllWithMouse, expectedFigures, fillProfileWithMouse, fixture, openQuickScan, watchErrors } from './helpers.mjs';

async function completeMouseRun(page) {
  const run = fixture('mouse-run');
  await openQuickScan(page);
  await fillProfileWithMouse(page, run.profile);
  await page.locator('#item-4-3 .note summary').click();
  await page.locator('#note-4-3').fill('Scope draft v0.3 in the AIMS folder, owner: CISO');
  await answerAllWithMouse(page, run.answers);
}

async function download(page, testId) {
  const pending = page.waitForEvent('download');
  await page.getByTestId(testId).click();
  const file = await pending;
  return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
}

test('every export downloads with the right content', async ({ page }) => {
  const errors = watchErrors(page);
  await completeMouseRun(page);
  const gap = await download(page, 'export-gap');
  expect(gap.name).toMatch(/gap-register\.csv$/);
  expect(gap.text.startsWith('\ufeffItem,Title,Level,Target,Gap,Blocker,Actions,Phase,Effort (person-days),Note\r\n')).toBe(true);
  expect(gap.text).toContain('Scope draft v0.3 in the AIMS folder, owner: CISO');
  const soa = await download(page, 'export-soa');
  expect(soa.text).toContain('A.7.4,Quality of data for AI systems,No,');
  const roadmap = await download(page, 'export-roadmap');
  expect(roadmap.text.split('\r\n')[0]).toContain('Phase,Phase title,Start week,End week');
  await page.locator('#calendar-start').fill('2027-01-04');
  const ics = await download(page, 'export-ics');
  expect(ics.name).toMatch(/\.ics$/);
  expect(ics.text.match(/BEGIN:VEVENT/g)).toHaveLength(5);
  expect(ics.text).toContain('DTSTART;VALUE=DATE:20270104');
  const md = await download(page, 'export-md');
  const fig = expectedFigures('mouse-run');
  expect(md.text).toContain(`**${fig.overall}%** overall`);
  expect(md.text).toContain('Scope draft v0.3');
  expect(errors).toEqual([]);
});

test('the printed report holds every part, without buttons, on several pages', async ({ page }, testInfo) => {
  await completeMouseRun(page);
  await page.getByTestId('to-report').click();
  await expect(page.getByRole('heading', { name: 'ISO/IEC 42001 quick scan' })).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  const pdf = testInfo.outputPath('report.pdf');
  writeFileSync(pdf, await page.pdf({ format: 'A4', printBackground: true }));
  const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  const pages = Number(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }).match(/Pages:\s+(\d+)/)[1]);
  const fig = expectedFigures('mouse-run');
  for (const part of [
    'READINESS REPORT', '50 to 249 people', 'Your readiness', `${fig.overall}%`, fig.band, 'Certification blockers',
    'Maturity by clause', 'Maturity by Annex A area', 'Documents you will need', 'How these scores were computed',
    'Your roadmap to a certification audit', 'The timeline as a table', 'Certification audit, stage 1 and stage 2',
    'Assumptions behind this estimate', 'Notes and evidence', 'Scope draft v0.3', 'not a statement of conformity',
  ]) {
    expect(text, `PDF lacks "${part}"`).toContain(part);
  }
  for (const control of ['Start over', 'Save to file', 'Printable report', 'Print or save as PDF', 'See your roadmap']) {
    expect(text, `PDF shows the button "${control}"`).not.toContain(control);
  }
  expect(pages).toBeGreaterThanOrEqual(4);
});

test('the roadmap shows a timeline chart with a table of the same figures', async ({ page }) => {
  await completeMouseRun(page);
  await page.getByTestId('to-roadmap').click();
  const fig = expectedFigures('mouse-run');
  await expect(page.locator('.gantt-row')).toHaveCount(5);
  for (const p of fig.phases) {
    const row = page.locator(`.timeline-table tr[data-phase="${p.number}"] td`);
    await expect(row.nth(0)).toHaveText(String(p.start_week));
    await expect(row.nth(1)).toHaveText(String(p.end_week));
    await expect(page.locator(`.gantt-row.phase-${p.number} .bar-value`)).toHaveText(`${p.start_week}-${p.end_week}`);
  }
});

test('comparing with an earlier save shows what improved', async ({ page }) => {
  await completeMouseRun(page);
  const earlier = page.waitForEvent('download');
  await page.getByTestId('save-file').click();
  const earlierFile = await (await earlier).path();
  await page.getByRole('button', { name: 'Questions', exact: true }).click();
  await page.locator('.section-link', { hasText: 'Leadership' }).click();
  await page.locator('#q-5-2-3').click();
  await page.getByRole('button', { name: 'Results', exact: true }).click();
  await page.locator('.compare-open input[type="file"]').setInputFiles(earlierFile);
  const comparison = page.getByTestId('comparison');
  await expect(comparison.locator('tr[data-item="5.2"]')).toContainText('Improved');
  await expect(comparison.locator('tr[data-item]')).toHaveCount(1);
  await expect(comparison.locator('tr[data-section="5"] td').nth(0)).toHaveText('33%');
  await expect(comparison.locator('tr[data-section="5"] td').nth(1)).toHaveText('100%');
});
