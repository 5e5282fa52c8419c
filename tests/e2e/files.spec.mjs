// Save files, storage faults and two tabs: nothing the user answered is ever lost.
import { test, expect } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { answerSectionWithMouse, expectMessage, fillProfileWithMouse, fixture, openQuickScan, watchErrors } from './helpers.mjs';

async function answerFirstSections(page, count) {
  const run = fixture('mouse-run');
  await openQuickScan(page);
  await fillProfileWithMouse(page, run.profile);
  for (let i = 0; i < count; i++) {
    await answerSectionWithMouse(page, run.answers);
    await page.getByTestId('next').click();
  }
}

async function exportFile(page) {
  const download = page.waitForEvent('download');
  await page.getByTestId('save-file').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^iso42001-quick-scan-\d{4}-\d{2}-\d{2}-\d{4}\.json$/);
  return readFileSync(await file.path(), 'utf8');
}

test('export, start over, import: every answer and note comes back', async ({ page }) => {
  const errors = watchErrors(page);
  await answerFirstSections(page, 3);
  await page.locator('.section-link', { hasText: 'Context of the organization' }).click();
  await page.locator('#item-4-1 .note summary').click();
  await page.locator('#note-4-1').fill('Context analysis v2 on the intranet, owner: COO');
  const saved = await exportFile(page);
  const json = JSON.parse(saved);
  expect(json.questionnaire).toBe('iso42001-quick-scan');
  expect(Object.keys(json.answers)).toHaveLength(7);
  expect(json.notes['4.1']).toContain('owner: COO');

  await page.getByRole('button', { name: 'Start over' }).click();
  await page.getByRole('button', { name: 'Yes, clear everything' }).click();
  await page.getByTestId('open-file').setInputFiles({ name: 'mine.json', mimeType: 'application/json', buffer: Buffer.from(saved) });
  await expect(page.getByRole('status').first()).toContainText('Opened the saved assessment (7 answers)');
  await expect(page.getByTestId('answered')).toHaveText('7');
  await page.locator('.section-link', { hasText: 'Context of the organization' }).click();
  await expect(page.locator('#note-4-1')).toHaveValue('Context analysis v2 on the intranet, owner: COO');
  await page.reload();
  await expect(page.getByTestId('answered')).toHaveText('7');
  expect(errors).toEqual([]);
});

test('bad files are refused with a specific message and the current answers stay exactly as they were', async ({ page }, testInfo) => {
  await answerFirstSections(page, 2);
  const before = await page.evaluate(() => localStorage.getItem('aims-readiness:iso42001-quick-scan:2.0.0'));
  const good = await exportFile(page);
  const cases = [
    ['truncated.json', good.slice(0, good.length / 2), 'cut off'],
    ['notes.txt', 'just some notes', 'not valid JSON'],
    ['other.json', good.replace('iso42001-quick-scan', 'someone-elses-check'), 'does not have'],
    ['newer.json', good.replace('"2.0.0"', '"9.0.0"'), 'version 9.0.0'],
    ['unknown.json', good.replace('"4.1"', '"4.9"'), 'no item 4.9'],
    ['range.json', good.replace(/"level": \d/, '"level": 8'), 'outside 0-3'],
    ['newer-format.json', good.replace('"format": 2', '"format": 3'), 'newer version of this widget'],
  ];
  for (const [name, text, message] of cases) {
    await page.getByTestId('open-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
    await expectMessage(page.getByRole('alert'), message);
    await expect(page.getByRole('alert')).toContainText('unchanged');
    await page.getByRole('button', { name: 'Dismiss' }).click();
  }
  // 50 MB is refused from its size alone, before it is read.
  const huge = testInfo.outputPath('huge.json');
  writeFileSync(huge, Buffer.alloc(50 * 1024 * 1024, 32));
  await page.getByTestId('open-file').setInputFiles(huge);
  await expect(page.getByRole('alert')).toContainText('51,200 KB; an assessment is never more than 1,024 KB');
  const after = await page.evaluate(() => localStorage.getItem('aims-readiness:iso42001-quick-scan:2.0.0'));
  expect(after).toBe(before);
  await expect(page.getByTestId('answered')).toHaveText('3');
  await expect(page.locator('script:not([src])')).toHaveCount(0);
});

test('dropping a save file on the page opens it after confirmation', async ({ page }) => {
  await answerFirstSections(page, 1);
  const saved = await exportFile(page);
  const other = saved.replace('"level": 2', '"level": 3');
  const data = await page.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'colleague.json', { type: 'application/json' }));
    return dt;
  }, other);
  await page.dispatchEvent('.aims', 'dragover', { dataTransfer: data });
  await page.dispatchEvent('.aims', 'drop', { dataTransfer: data });
  await expect(page.getByRole('alertdialog')).toContainText('Open this saved assessment');
  await page.getByRole('button', { name: 'Keep my current answers' }).click();
  await page.locator('.section-link', { hasText: 'Context of the organization' }).click();
  await expect(page.locator('#q-4-1-2')).toBeChecked();
  await page.dispatchEvent('.aims', 'drop', { dataTransfer: data });
  await page.getByRole('button', { name: 'Open it' }).click();
  await page.locator('.section-link', { hasText: 'Context of the organization' }).click();
  await expect(page.locator('#q-4-1-3')).toBeChecked();
});

test('with storage disabled the widget works in memory and says saving is off', async ({ page }) => {
  const errors = watchErrors(page);
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });
  });
  await answerFirstSections(page, 2);
  await expect(page.locator('.saving-off')).toBeVisible();
  await expect(page.getByTestId('answered')).toHaveText('3');
  await page.getByRole('button', { name: 'Results', exact: true }).click();
  await expect(page.getByTestId('overall-percent')).toBeVisible();
  expect(errors).toEqual([]);
});

test('with storage full the widget keeps the answers in memory and says saving is off', async ({ page }) => {
  await page.addInitScript(() => {
    Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };
  });
  await answerFirstSections(page, 1);
  await expect(page.getByRole('alert')).toContainText('refused to store your answers');
  await expect(page.locator('.saving-off')).toBeVisible();
  await expect(page.getByTestId('answered')).toHaveText('2');
});

test('two tabs on one assessment see each other\'s answers and lose none', async ({ context }) => {
  const a = await context.newPage();
  await answerFirstSections(a, 1);
  const b = await context.newPage();
  await b.goto('/');
  await expect(b.getByTestId('answered')).toHaveText('2');
  // Tab B answers clause 5; tab A hears about it and keeps its own answers too.
  await b.locator('.section-link', { hasText: 'Leadership' }).click();
  await b.locator('#q-5-2-1').click();
  await expect(a.getByTestId('answered')).toHaveText('3');
  await expect(a.getByRole('status').first()).toContainText('another tab');
  // Tab A answers clause 6 after that: both tabs end with all four answers.
  await a.locator('.section-link', { hasText: 'Planning' }).click();
  await a.locator('#q-6-1-2-2').click();
  await expect(b.getByTestId('answered')).toHaveText('4');
  await b.reload();
  await expect(b.getByTestId('answered')).toHaveText('4');
});

test('if the app ever panics, the user gets a friendly message and can download the answers', async ({ page }) => {
  await answerFirstSections(page, 1);
  await page.evaluate(async () => {
    const glue = await import(document.querySelector('link[rel="modulepreload"]').href);
    try {
      glue.trigger_fault_for_tests();
    } catch {
      // the wasm traps after the hook ran; the page must show the rescue panel
    }
  });
  await expect(page.getByRole('alert')).toContainText('stopped working');
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download your answers' }).click();
  const saved = JSON.parse(readFileSync(await (await download).path(), 'utf8'));
  expect(Object.keys(saved.answers)).toEqual(['4.1', '4.3']);
});
