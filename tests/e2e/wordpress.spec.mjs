// The WordPress plugin in a real WordPress (Debian's packages, MariaDB, PHP's built-in server:
// tests/wordpress/serve.sh, started by scripts/test.sh; without AIMS_WORDPRESS these tests are
// skipped, with it a missing site fails them). The plugin was activated with WordPress's own functions; its settings wrote its
// host.json. A page with the shortcode runs the widget, sized, with no request after the
// network lock; the block works too; a page without the check loads nothing of it.
import { test, expect } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { answerAllWithMouse, fillProfileWithMouse, fixture, root, watchErrors } from './helpers.mjs';

const SITE = 'http://127.0.0.1:4180';
const pagesFile = join(root, 'target', 'wordpress', 'pages.json');
// scripts/test.sh sets AIMS_WORDPRESS after starting WordPress: then a missing site fails the
// tests instead of skipping them. A plain `npx playwright test` without WordPress skips them.
const wanted = !!process.env.AIMS_WORDPRESS;
if (wanted && !existsSync(pagesFile)) throw new Error(`AIMS_WORDPRESS is set but ${pagesFile} is missing: tests/wordpress/serve.sh did not finish`);
const pages = wanted ? JSON.parse(readFileSync(pagesFile, 'utf8')) : {};

test.skip(!wanted, 'WordPress is not running (scripts/test.sh starts it: tests/wordpress/serve.sh)');

test('a page with the shortcode runs the widget: sized, host.json from the settings page, events, no request after the lock', async ({ page }) => {
  const errors = watchErrors(page);
  const requests = [];
  const failed = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('response', (r) => r.status() >= 400 && failed.push(r.url()));
  await page.goto(`${SITE}/?page_id=${pages.shortcode}`);
  const element = page.locator('aims-readiness');
  await expect(element.locator('iframe[data-aims-readiness]')).toHaveCount(1);
  // A label with markup stays text: WordPress strips the tags from shortcode attributes and the
  // plugin escapes what is left; no script of it runs.
  await expect(element.locator('iframe')).toHaveAttribute('title', /^Check /);
  expect(await element.locator('iframe').getAttribute('title')).not.toContain('<');
  expect(await page.locator('script:not([src])', { hasText: 'alert(1)' }).count()).toBe(0);
  await expect(element.locator('iframe')).toHaveAttribute('sandbox', /allow-scripts/);
  const frame = page.frameLocator('aims-readiness iframe');
  await expect(frame.getByRole('heading', { name: 'Your organisation' })).toBeVisible();
  await expect.poll(() => element.locator('iframe').evaluate((f) => f.style.height)).toMatch(/^\d+px$/);
  await page.evaluate(() => {
    window.told = [];
    document.addEventListener('aims-readiness:completed', (e) => window.told.push(e.detail));
  });
  const run = fixture('mouse-run');
  await fillProfileWithMouse(frame, run.profile);
  await answerAllWithMouse(frame, run.answers);
  await expect(frame.getByTestId('overall-percent')).toBeVisible();
  // The settings page's values, through the plugin's host.json: the accent and the event.
  expect(await frame.locator('.aims').evaluate((el) => el.style.getPropertyValue('--aims-accent'))).toBe('#8a3b12');
  await expect.poll(() => page.evaluate(() => window.told)).toEqual([{ questionnaire: 'iso42001-quick-scan', band: expect.any(String) }]);
  // Every request the widget made started before its network lock.
  const late = await page.frames().find((f) => f.url().includes('/aims-readiness/dist/'))
    .evaluate(() => {
      const locked = performance.getEntriesByName('aims-readiness:locked')[0].startTime;
      return performance.getEntriesByType('resource').filter((e) => e.startTime > locked).map((e) => e.name);
    });
  expect(late).toEqual([]);
  // Nothing went to anyone else.
  expect(requests.filter((u) => !u.startsWith(SITE) && !u.startsWith('blob:') && !u.startsWith('data:'))).toEqual([]);
  // The test site's theme has no favicon (the browser asks WordPress for one); nothing else failed.
  expect(failed.filter((u) => u !== `${SITE}/favicon.ico`)).toEqual([]);
  expect(errors.filter((e) => !e.includes('status of 404'))).toEqual([]);
});

test('the block runs the widget too, and a page without the check loads nothing of it', async ({ page }) => {
  await page.goto(`${SITE}/?page_id=${pages.block}`);
  const frame = page.frameLocator('aims-readiness iframe');
  await expect(frame.getByRole('heading', { name: 'Votre organisme' })).toBeVisible();
  await page.goto(`${SITE}/?page_id=${pages.plain}`);
  await expect(page.getByText('A page without the check.')).toBeVisible();
  const html = await page.content();
  expect(html).not.toContain('embed.js');
  expect(html).not.toContain('aims-readiness');
});
