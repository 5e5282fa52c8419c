// Embedding: two configured widgets on one host page, sized by height messages only, never interfering.
import { test, expect } from '@playwright/test';
import { watchErrors } from './helpers.mjs';

test('two branded widgets on one host page size themselves and keep apart', async ({ page }) => {
  const errors = watchErrors(page);
  await page.addInitScript(() => {
    window.__messages = [];
    window.addEventListener('message', (e) => window.__messages.push(e.data));
  });
  await page.goto('/embed-example.html');
  const quick = page.frameLocator('iframe[title="ISO/IEC 42001 quick scan"]');
  // The second widget is configured in German (lang=de).
  const full = page.frameLocator('iframe[title="ISO/IEC 42001 vollständige Bewertung"]');
  // The host asked for a questionnaire each: both open straight on the profile.
  await expect(quick.getByRole('heading', { name: 'Your organisation' })).toBeVisible();
  await expect(full.getByRole('heading', { name: 'Ihre Organisation' })).toBeVisible();
  await expect(quick.locator('.nav-title')).toHaveText('ISO/IEC 42001 quick scan');
  await expect(full.locator('.nav-title')).toHaveText('ISO/IEC 42001 vollständige Bewertung');
  await expect(full.locator('html')).toHaveAttribute('lang', 'de');
  await expect(quick.locator('html')).toHaveAttribute('lang', 'en');
  // Branding reached the first widget; the second is forced dark.
  const accent = await quick.locator('.aims').evaluate((el) => getComputedStyle(el).getPropertyValue('--aims-accent').trim());
  expect(accent).toBe('#8a3b12');
  expect(await quick.locator('.aims').evaluate((el) => getComputedStyle(el).fontFamily)).toContain('Georgia');
  await expect(full.locator('.aims')).toHaveClass(/theme-dark/);
  // The frames were resized to their content from the height messages.
  await expect.poll(async () => page.locator('iframe[title="ISO/IEC 42001 quick scan"]').evaluate((f) => f.style.height)).toMatch(/^\d+px$/);
  const heights = await page.locator('iframe[data-aims-readiness]').evaluateAll((fs) => fs.map((f) => f.getBoundingClientRect().height));
  expect(heights.every((h) => h > 600)).toBe(true);
  // Messages carry the height and the widget id, nothing else.
  const messages = await page.evaluate(() => window.__messages);
  expect(messages.length).toBeGreaterThan(1);
  for (const m of messages) expect(Object.keys(m).sort()).toEqual(['height', 'id', 'type']);
  expect(new Set(messages.map((m) => m.id))).toEqual(new Set(['quick', 'full']));

  // Answering in one widget leaves the other alone.
  await quick.locator('input[name="size"][value="small"]').click();
  await quick.locator('input[name="roles"][value="uses"]').click();
  await quick.locator('input[name="certifications"][value="none"]').click();
  await quick.locator('input[name="high_risk"][value="no"]').click();
  await quick.getByTestId('profile-continue').click();
  await quick.locator('#q-4-1-2').click();
  await expect(quick.getByTestId('answered')).toHaveText('1');
  await expect(full.locator('input[name="size"]:checked')).toHaveCount(0);
  await page.reload();
  await expect(full.getByRole('heading', { name: 'Ihre Organisation' })).toBeVisible();
  await expect(quick.getByTestId('answered')).toHaveText('1');
  // The host's call to action and course links appear with the results and the roadmap.
  await quick.getByRole('button', { name: 'Results', exact: true }).click();
  await expect(quick.getByTestId('cta')).toHaveAttribute('href', 'mailto:courses@academy.example');
  await expect(quick.locator('[data-course="A.6"]')).toHaveAttribute('href', 'https://academy.example/ai-lifecycle');
  await quick.getByRole('button', { name: 'Roadmap', exact: true }).click();
  await expect(quick.locator('[data-course="3"]')).toHaveAttribute('href', 'https://academy.example/lead-implementer');
  expect(errors).toEqual([]);
});

test('malformed configuration is ignored with a console warning and never injects anything', async ({ page }) => {
  const warnings = [];
  const errors = watchErrors(page);
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  await page.goto('/index.html?accent=red;}body{display:none&cta-label=%3Cimg%20src=x%20onerror=alert(1)%3E&cta-url=javascript:alert(1)&logo=https://tracker.example/p.png&bogus=1');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('ISO/IEC 42001');
  expect(warnings.filter((w) => w.startsWith('readiness check: ignored')).length).toBeGreaterThanOrEqual(4);
  await expect(page.locator('img')).toHaveCount(0);
  await expect(page.getByTestId('cta')).toHaveCount(0);
  const accent = await page.locator('.aims').evaluate((el) => el.style.getPropertyValue('--aims-accent'));
  expect(accent).toBe('');
  expect(errors).toEqual([]);
});
