// The roadmap follows the organisation in front of it: the capacity control changes the plan,
// its calendar and its CSV; a mature organisation's plan has no operating period.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { saveFile, openFile, watchErrors } from './helpers.mjs';

async function download(page, testId) {
  const pending = page.waitForEvent('download');
  await page.getByTestId(testId).click();
  return readFileSync(await (await pending).path(), 'utf8');
}

/** The roadmap CSV's last phase end week and the .ics DTEND of the phase 5 event. */
async function exports(page) {
  await page.locator('#calendar-start').fill('2027-01-04');
  const csv = await download(page, 'export-roadmap');
  const ics = (await download(page, 'export-ics')).replace(/\r\n /g, '');
  const phase5 = ics.split('BEGIN:VEVENT').find((e) => e.includes('phase-5@'));
  return {
    // Phase, phase title (quoted when it holds a comma), start week, end week, ...
    csvEnd: Math.max(...csv.split('\r\n').map((l) => l.match(/^[1-5],(?:"[^"]*"|[^,]*),\d+,(\d+),/)).filter(Boolean).map((m) => Number(m[1]))),
    icsEnd: phase5.match(/DTEND;VALUE=DATE:(\d+)/)[1],
  };
}

test('changing who does the work changes the plan, the calendar and the roadmap CSV', async ({ page }) => {
  const errors = watchErrors(page);
  await openFile(page, saveFile('iso42001-full', 0));
  const before = await exports(page);
  await page.getByTestId('to-roadmap').click();
  const weeks = Number(await page.getByTestId('total-weeks').textContent());
  expect(before.csvEnd).toBe(weeks);
  const capacity = page.getByTestId('capacity');
  await expect(capacity.getByLabel('People in the AIMS team')).toHaveValue('1');
  await capacity.getByLabel('Days a week each of them gives').fill('1');
  await capacity.getByLabel('Days a week each of them gives').press('Enter');
  await expect(page.getByTestId('total-weeks')).not.toHaveText(String(weeks));
  const slower = Number(await page.getByTestId('total-weeks').textContent());
  expect(slower).toBeGreaterThan(weeks);
  await expect(page.locator('.assumptions')).toContainText('giving 1 days a week does the management-system work (as entered for this plan)');
  // Back on the results, the exports follow the new plan.
  await page.locator('.step-nav a, .step-nav button', { hasText: 'Results' }).first().click();
  const after = await exports(page);
  expect(after.csvEnd).toBe(slower);
  expect(after.icsEnd).not.toBe(before.icsEnd);
  // The typical team comes back with one click, and the plan with it.
  await page.getByTestId('to-roadmap').click();
  await page.getByRole('button', { name: 'Use the typical team for an organisation of this size' }).click();
  await expect(page.getByTestId('total-weeks')).toHaveText(String(weeks));
  // The choice is kept with the answers: a reload shows the same plan.
  await capacity.getByLabel('People in the AIMS team').fill('3');
  await capacity.getByLabel('People in the AIMS team').press('Enter');
  const faster = await page.getByTestId('total-weeks').textContent();
  expect(Number(faster)).toBeLessThan(weeks);
  await page.reload();
  await page.getByTestId('to-roadmap').click();
  await expect(page.getByTestId('total-weeks')).toHaveText(faster);
  await expect(capacity.getByLabel('People in the AIMS team')).toHaveValue('3');
  expect(errors).toEqual([]);
});

test('a mature organisation books the audits: no operating period, nothing left in phases 2 to 4', async ({ page }) => {
  const errors = watchErrors(page);
  await openFile(page, saveFile('iso42001-full', 3));
  await expect(page.getByTestId('band')).toHaveText('Ready to plan a certification audit');
  await page.getByTestId('to-roadmap').click();
  await expect(page.getByTestId('total-weeks')).toHaveText('16');
  const roadmap = page.locator('section.roadmap');
  await expect(roadmap).not.toContainText('run the AIMS for at least');
  await expect(roadmap).not.toContainText('Run the AIMS for at least');
  for (const n of ['2', '3', '4']) {
    await expect(page.locator(`li.phase[data-phase="${n}"]`)).toContainText('Nothing to do in this phase');
    await expect(page.locator(`li.phase[data-phase="${n}"] li.task`)).toHaveCount(0);
  }
  await expect(page.locator('li.phase[data-phase="5"]')).toContainText('Wait about 5 weeks for the audit dates booked in phase 1.');
  await expect(page.locator('.assumptions')).toContainText('so the plan has no new operating period');
  expect(errors).toEqual([]);
});
