// The offline edition: one self-contained HTML file that works from disk with no network at all.
import { test, expect } from '@playwright/test';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { answerSectionWithMouse, fillProfileWithMouse, fixture, root, watchErrors } from './helpers.mjs';

const offlineFile = join(root, process.env.AIMS_DIST ?? 'dist', 'aims-readiness-offline.html');

/** Lets the context open files only; every other request is refused and listed. */
async function refuseNetwork(context) {
  const requests = [];
  await context.route('**/*', (route) => {
    if (route.request().url().startsWith('file:')) return route.continue();
    requests.push(route.request().url());
    return route.abort();
  });
  return requests;
}

test('the widget offers the offline edition for download', async ({ page }) => {
  await page.goto('/');
  const download = page.waitForEvent('download');
  await page.getByTestId('offline-download').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('aims-readiness-offline.html');
  expect(readFileSync(await file.path())).toEqual(readFileSync(offlineFile));
});

test('opened from disk with every network request refused, the offline edition runs a check', async ({ context }) => {
  const requests = await refuseNetwork(context);
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

test('the offline edition holds all four languages and switches between them in place, keeping the answers', async ({ context }) => {
  const requests = await refuseNetwork(context);
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(pathToFileURL(offlineFile).href);
  const options = await page.getByTestId('language').locator('option').evaluateAll((els) => els.map((o) => o.value));
  expect(options).toEqual(['en', 'de', 'fr', 'es']);
  await page.getByRole('button', { name: /quick scan/ }).click();
  await fillProfileWithMouse(page, fixture('mouse-run').profile);
  await page.locator('#q-4-1-2').click();
  await page.locator('#q-4-3-1').click();
  for (const [code, section, level] of [['fr', "Contexte de l'organisme", 'Mis en œuvre et documenté'], ['es', 'Contexto de la organización', 'Implantado y documentado'], ['de', 'Kontext der Organisation', 'Umgesetzt und dokumentiert']]) {
    await page.getByTestId('language').selectOption(code);
    await expect(page.locator('html')).toHaveAttribute('lang', code);
    await expect(page.locator('#section-title')).toHaveText(section);
    await expect(page.locator('label[for="q-4-1-2"]')).toContainText(level);
    await expect(page.getByTestId('answered')).toHaveText('2');
    await expect(page.locator('#q-4-3-1')).toBeChecked();
  }
  expect(requests).toEqual([]);
  expect(errors).toEqual([]);
});
