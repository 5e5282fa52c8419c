// Privacy you can prove: no request beyond the page's own files, a CSP that blocks connections, no cookies.
import { test, expect } from '@playwright/test';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { answerAllWithMouse, answerSectionWithMouse, appStarted, fillProfileWithMouse, fixture, openQuickScan, root } from './helpers.mjs';

const distFiles = new Set(readdirSync(join(root, process.env.AIMS_DIST ?? 'dist')));

test('a complete run requests nothing but the page\'s own static files', async ({ page, context, baseURL }) => {
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  const run = fixture('mouse-run');
  await openQuickScan(page);
  await fillProfileWithMouse(page, run.profile);
  await answerAllWithMouse(page, run.answers);
  await expect(page.getByTestId('overall-percent')).toBeVisible();
  await page.getByTestId('to-roadmap').click();
  await expect(page.getByTestId('total-weeks')).toBeVisible();
  // Every export: save file, share link, offline edition.
  const saved = page.waitForEvent('download');
  await page.getByTestId('save-file').click();
  await saved;
  await page.getByTestId('share').click();
  await expect(page.getByTestId('share-link')).toHaveValue(/#share=/);
  const offline = page.waitForEvent('download');
  await page.getByTestId('offline-download').click();
  await offline;
  await page.getByRole('button', { name: 'Profile', exact: true }).click();
  await page.reload();
  // Every question was answered: a returning visitor sees the results again.
  await expect(page.getByTestId('overall-percent')).toBeVisible();

  expect(requests.length).toBeGreaterThan(3);
  const outside = requests.filter((url) => {
    const u = new URL(url);
    const file = u.pathname.replace(/^\//, '') || 'index.html';
    return u.origin !== new URL(baseURL).origin || !distFiles.has(file);
  });
  expect(outside).toEqual([]);
  expect(await context.cookies()).toEqual([]);
  expect(await page.evaluate(() => document.cookie)).toBe('');
});

test('the content security policy blocks any connection attempted from the page', async ({ page }) => {
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto('/');
  // The app is running (the start screen's first paint comes earlier, before the lock).
  await appStarted(page);
  const result = await page.evaluate(async () => {
    const violations = [];
    document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
    const attempt = async (url) => {
      try {
        await fetch(url);
        return 'allowed';
      } catch {
        return 'blocked';
      }
    };
    const sameSite = await attempt('./index.html');
    const elsewhere = await attempt('https://example.org/collect');
    const beacon = navigator.sendBeacon('./collect', 'answers');
    await new Promise((r) => setTimeout(r, 100));
    return { sameSite, elsewhere, beacon, violations };
  });
  expect(result.sameSite).toBe('blocked');
  expect(result.elsewhere).toBe('blocked');
  expect(result.violations.filter((v) => v === 'connect-src').length).toBeGreaterThanOrEqual(3);
  expect(requests.filter((url) => url.includes('collect') || !url.startsWith('http://127.0.0.1'))).toEqual([]);
});

test('"your data" lists what is stored and deletes everything on request', async ({ page }) => {
  const run = fixture('mouse-run');
  await openQuickScan(page);
  await fillProfileWithMouse(page, run.profile);
  await answerSectionWithMouse(page, run.answers);
  await page.locator('.your-data summary').click();
  await expect(page.locator('.stored-keys')).toContainText('aims-readiness:iso42001-quick-scan:2.0.0');
  await page.getByRole('button', { name: 'Delete everything stored on this device' }).click();
  await page.getByRole('button', { name: 'Yes, delete it all' }).click();
  await expect(page.getByRole('status').first()).toContainText('Deleted everything');
  await expect(page.getByTestId('stored-none')).toBeVisible();
  const left = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('aims-readiness:')));
  expect(left).toEqual([]);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('How ready');
});

test('the start screen says how many answers this device holds, and nothing after deleting them', async ({ page }) => {
  const run = fixture('mouse-run');
  await openQuickScan(page);
  await fillProfileWithMouse(page, run.profile);
  await answerSectionWithMouse(page, run.answers);
  await page.getByRole('button', { name: 'Change questionnaire' }).click();
  const card = page.locator('[data-questionnaire="iso42001-quick-scan"]');
  await expect(card.locator('.meta.saved')).toHaveText(/^\d+ answers saved on this device$/);
  await page.locator('.your-data summary').click();
  await page.getByRole('button', { name: 'Delete everything stored on this device' }).click();
  await page.getByRole('button', { name: 'Yes, delete it all' }).click();
  await expect(card.locator('.meta.saved')).toHaveCount(0);
});
