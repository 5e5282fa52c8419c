// Share links: the results travel in the URL fragment, open read-only elsewhere, and can be imported.
import { test, expect } from '@playwright/test';
import { answerAllWithMouse, expectedFigures, fillProfileWithMouse, fixture, openQuickScan, watchErrors } from './helpers.mjs';

async function completeMouseRun(page) {
  const run = fixture('mouse-run');
  await openQuickScan(page);
  await fillProfileWithMouse(page, run.profile);
  await answerAllWithMouse(page, run.answers);
}

test('a share link opens the same results read-only in a fresh browser and can be imported', async ({ page, browser }) => {
  const errors = watchErrors(page);
  await completeMouseRun(page);
  await page.getByTestId('share').click();
  const link = await page.getByTestId('share-link').inputValue();
  expect(link).toMatch(/#share=[A-Za-z0-9_-]+$/);
  expect(link.split('#')[1].length).toBeLessThan(300);

  const colleague = await browser.newContext();
  const other = await colleague.newPage();
  const otherErrors = watchErrors(other);
  const requests = [];
  other.on('request', (r) => requests.push(r.url()));
  await other.goto(link);
  const fig = expectedFigures('mouse-run');
  await expect(other.getByText('Shared results')).toBeVisible();
  await expect(other.getByTestId('overall-percent')).toHaveText(String(fig.overall));
  await expect(other.getByTestId('band')).toHaveText(fig.band);
  await expect(other.getByRole('button', { name: 'Review this answer' })).toHaveCount(0);
  await other.getByRole('button', { name: 'Roadmap', exact: true }).click();
  await expect(other.getByTestId('total-weeks')).toHaveText(String(fig.total_weeks));
  expect(requests.every((u) => !u.includes('share='))).toBe(true);
  expect(await other.evaluate(() => localStorage.length)).toBe(0);

  await other.getByRole('button', { name: 'Import these answers' }).click();
  // Every question is answered, so the imported assessment opens on its results.
  await expect(other.getByTestId('overall-percent')).toHaveText(String(fig.overall));
  expect(other.url()).not.toContain('#share=');
  await other.reload();
  await expect(other.getByTestId('overall-percent')).toHaveText(String(fig.overall));
  await other.getByRole('button', { name: 'Questions', exact: true }).click();
  await expect(other.getByTestId('answered')).toHaveText('24');
  expect(errors).toEqual([]);
  expect(otherErrors).toEqual([]);
  await colleague.close();
});

test('a damaged share link is explained and leaves the own answers alone', async ({ page }) => {
  await completeMouseRun(page);
  await page.getByTestId('share').click();
  const link = await page.getByTestId('share-link').inputValue();
  await page.goto(link.slice(0, link.length - 20));
  await expect(page.getByRole('alert')).toContainText('could not be opened');
  await expect(page.getByRole('alert')).toContainText('unchanged');
  await page.goto('/');
  await page.getByRole('button', { name: 'Questions', exact: true }).click();
  await expect(page.getByTestId('answered')).toHaveText('24');
});
