// The offline edition: one self-contained HTML file that works from disk with no network at all.
import { test, expect } from '@playwright/test';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { answerSectionWithMouse, fillProfileWithMouse, fixture, root, watchErrors } from './helpers.mjs';

const offlineFile = join(root, 'dist', 'aims-readiness-offline.html');

test('the widget offers the offline edition for download', async ({ page }) => {
  await page.goto('/');
  const download = page.waitForEvent('download');
  await page.getByTestId('offline-download').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('aims-readiness-offline.html');
  expect(readFileSync(await file.path())).toEqual(readFileSync(offlineFile));
});

test('opened from disk with every network request refused, the offline edition runs a check', async ({ context }) => {
  const requests = [];
  await context.route('**/*', (route) => {
    if (route.request().url().startsWith('file:')) return route.continue();
    requests.push(route.request().url());
    return route.abort();
  });
  const page = await context.newPage();
  const errors = watchErrors(page);
  expect(statSync(offlineFile).size).toBeGreaterThan(100_000);
  const html = readFileSync(offlineFile, 'utf8');
  expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+stylesheet|(src|href)=["']?https?:/);
  await page.goto(pathToFileURL(offlineFile).href);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('ISO/IEC 42001');
  await expect(page.getByTestId('offline-download')).toHaveCount(0);
  await page.getByRole('button', { name: /quick scan/ }).click();
  const run = fixture('mouse-run');
  await fillProfileWithMouse(page, run.profile);
  await answerSectionWithMouse(page, run.answers);
  await page.getByRole('button', { name: 'Results', exact: true }).click();
  await expect(page.getByTestId('overall-percent')).toBeVisible();
  expect(requests).toEqual([]);
  expect(errors).toEqual([]);
});
