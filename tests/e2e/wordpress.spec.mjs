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

test('the settings page writes what the widget takes, says which values it did not save, and shows the rest back as typed', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto(`${SITE}/wp-login.php`);
  await page.locator('#user_login').fill('admin');
  await page.locator('#user_pass').fill('test-password-not-secret');
  await page.locator('#wp-submit').click();
  await page.goto(`${SITE}/wp-admin/options-general.php?page=aims-readiness`);
  await expect(page.getByRole('heading', { name: 'Readiness check', level: 1 })).toBeVisible();
  // What setup.php saved, shown back in its fields.
  await expect(page.getByLabel('Your name')).toHaveValue('Acme Advisory & Partners');
  const typed = {
    name: 'Beispiel & Söhne Beratung',
    contact: 'https://example.org/contact', // not a mailto: address
    accent: 'blue', // not a colour
    cta_label: 'Book a workshop',
    cta_url: 'https://example.org/workshop',
  };
  await page.getByLabel('Your name').fill(typed.name);
  await page.getByLabel('Contact for the hand-off (mailto:)').fill(typed.contact);
  await page.getByLabel('Accent colour (#rrggbb)').fill(typed.accent);
  await page.getByLabel('Call to action: label').fill(typed.cta_label);
  await page.getByLabel('Call to action: link (https:// or mailto:)').fill(typed.cta_url);
  // Two lines (the browser sends CR LF), and markup, which the widget would refuse.
  await page.getByLabel('Message for "Not ready for a certification audit"').fill('Your gaps are clear & "named".\nCall us.');
  await page.getByLabel('Message for "Early stage"').fill('Start <b>here</b>');
  await page.getByLabel('Events for your analytics').selectOption('on');
  await page.getByRole('button', { name: 'Save Changes' }).click();
  // WordPress lists the values not saved, and no "Settings saved." then.
  for (const message of ['Contact: one address written as mailto:', 'Accent colour: a colour written as #rrggbb', 'Message for "Early stage": at most 400 characters of plain text, without markup']) {
    await expect(page.getByText(message)).toBeVisible();
  }
  await expect(page.getByText('Settings saved.')).toHaveCount(0);
  // The kept values back in the form, as typed; the refused ones empty.
  await expect(page.getByLabel('Your name')).toHaveValue(typed.name);
  await expect(page.getByLabel('Accent colour (#rrggbb)')).toHaveValue('');
  await expect(page.getByLabel('Message for "Early stage"')).toHaveValue('');
  await expect(page.getByLabel('Message for "Not ready for a certification audit"')).toHaveValue('Your gaps are clear & "named".\nCall us.');
  // Corrected, everything is saved.
  await page.getByLabel('Contact for the hand-off (mailto:)').fill('mailto:team@example.org');
  await page.getByLabel('Accent colour (#rrggbb)').fill('#1f3a5f');
  await page.getByRole('button', { name: 'Save Changes' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();
  await expect(page.getByText('(not saved)')).toHaveCount(0);
  // The plugin's host.json: exactly those values.
  const host = await (await page.request.get(`${SITE}/wp-content/plugins/aims-readiness/dist/host.json`)).json();
  expect(host).toEqual({
    name: typed.name,
    contact: 'mailto:team@example.org',
    accent: '#1f3a5f',
    cta: { label: typed.cta_label, url: typed.cta_url },
    bands: { 'not-ready': { message: 'Your gaps are clear & "named".\nCall us.' } },
    events: true,
  });
  // And the widget takes every one of them: it warns about nothing, for a visitor (not logged
  // in: WordPress's admin bar would ask gravatar.com for the admin's picture).
  const visitor = await page.context().browser().newPage();
  const visitorErrors = watchErrors(visitor);
  await visitor.goto(`${SITE}/?page_id=${pages.shortcode}`);
  await expect(visitor.frameLocator('aims-readiness iframe').getByRole('heading', { name: 'Your organisation' })).toBeVisible();
  const frame = visitor.frames().find((f) => f.url().includes('/aims-readiness/dist/'));
  // (The app keeps its host.json warnings, one per line, for the host studio.)
  await expect.poll(() => frame.evaluate(() => typeof window.aimsReadinessWarnings)).toBe('string');
  expect(await frame.evaluate(() => window.aimsReadinessWarnings)).toBe('');
  expect(await frame.locator('.aims').evaluate((el) => el.style.getPropertyValue('--aims-accent'))).toBe('#1f3a5f');
  await visitor.close();
  // The theme has no favicon: WordPress answers 404 for it.
  expect(visitorErrors.filter((e) => !e.includes('status of 404'))).toEqual([]);

  // A host.json from the host studio (linked from the page, inside the plugin), with texts per
  // language: refused unless it is one JSON object; then the file, exactly as pasted, and a
  // French visitor reads the French message.
  await page.goto(`${SITE}/wp-admin/options-general.php?page=aims-readiness`);
  const studioLink = page.getByRole('link', { name: 'Open the host studio' });
  await expect(studioLink).toHaveAttribute('href', `${SITE}/wp-content/plugins/aims-readiness/dist/host-studio.html`);
  const pasted = page.getByLabel('host.json from the host studio');
  await pasted.fill('{"name": "Acme",');
  await page.getByRole('button', { name: 'Save Changes' }).click();
  await expect(page.getByText('host.json from the host studio: one JSON object, at most 300 KB (not saved).')).toBeVisible();
  const studio = `{
  "language": "en",
  "name": { "en": "Acme Advisory", "fr": "Acme Conseil" },
  "bands": { "not-ready": { "message": { "en": "Your gaps are clear.", "fr": "Vos écarts sont clairs." } } },
  "remark": "</textarea><script>window.pwned = 1</script>"
}
`;
  await pasted.fill(studio);
  await page.getByRole('button', { name: 'Save Changes' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();
  // Shown back as typed, its markup as text.
  await expect(pasted).toHaveValue(studio);
  expect(await page.evaluate(() => window.pwned)).toBeUndefined();
  expect(await (await page.request.get(`${SITE}/wp-content/plugins/aims-readiness/dist/host.json`)).text()).toBe(studio);
  const samples = JSON.parse(/<meta name="aims-samples" content="([^"]*)"/.exec(
    await (await page.request.get(`${SITE}/wp-content/plugins/aims-readiness/dist/host-studio.html`)).text(),
  )[1].replaceAll('&quot;', '"').replaceAll('&amp;', '&'));
  const french = await page.context().browser().newPage();
  await french.goto(`${SITE}/wp-content/plugins/aims-readiness/dist/index.html?lang=fr#${samples['not-ready']}`);
  await expect(french.locator('[data-kind="band"][data-key="not-ready"]')).toContainText('Vos écarts sont clairs.');
  // The widget ignores the key it does not know, and says so.
  await expect.poll(() => french.evaluate(() => window.aimsReadinessWarnings)).toContain('remark');
  await french.close();

  // Back to what setup.php saved, which the first test reads (so the file runs again on the same site).
  await page.goto(`${SITE}/wp-admin/options-general.php?page=aims-readiness`);
  await page.getByLabel('host.json from the host studio').fill('');
  for (const [label, value] of [
    ['Your name', 'Acme Advisory & Partners'],
    ['Contact for the hand-off (mailto:)', 'mailto:readiness@acme.example'],
    ['Accent colour (#rrggbb)', '#8a3b12'],
    ['Call to action: label', ''],
    ['Call to action: link (https:// or mailto:)', ''],
    ['Message for "Not ready for a certification audit"', 'Your gaps are clear: our programme & "plan".'],
  ]) await page.getByLabel(label).fill(value);
  await page.getByLabel('Events for your analytics').selectOption('band');
  await page.getByRole('button', { name: 'Save Changes' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();
  // WordPress's own admin pages ask wordpress.org for news, which this machine cannot reach.
  expect(errors.filter((e) => !e.includes('ERR_NAME_NOT_RESOLVED'))).toEqual([]);
});
