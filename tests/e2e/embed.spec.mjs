// Embedding: two configured widgets on one host page, sized by height messages only, never interfering.
import { test, expect } from '@playwright/test';
import { answerAllWithMouse, fillProfileWithMouse, fixture, watchErrors } from './helpers.mjs';

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
  for (const m of messages) {
    const keys = Object.keys(m).sort();
    if (m.type === 'aims-readiness:top') expect(keys).toEqual(['id', 'offset', 'type']);
    else expect(keys).toEqual(['height', 'id', 'type']);
  }
  expect(new Set(messages.map((m) => m.id))).toEqual(new Set(['quick', 'full']));

  // Answering in one widget leaves the other alone.
  await quick.locator('input[name="size"][value="small"]').click();
  await quick.locator('input[name="roles"][value="uses"]').click();
  await quick.locator('input[name="certifications"][value="none"]').click();
  await quick.locator('input[name="high_risk"][value="no"]').click();
  await quick.locator('input[name="prohibited"][value="no"]').click();
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
  // The host's message for this band (a URL setting); no contact in the URL, so no hand-off.
  await expect(quick.locator('[data-kind="band"][data-key="early-stage"]')).toHaveText('Most teams start here. Our foundation course walks through clauses 4 to 10.');
  await expect(quick.getByTestId('handoff-open')).toHaveCount(0);
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

/** A host page on another origin (tests/e2e/host/, served on another port and host name). */
async function hostPage(page, name) {
  await page.goto(`http://localhost:4174/${name}.html`);
}

const frameHeight = (page) => page.locator('iframe').evaluate((f) => f.getBoundingClientRect().height);

test('embedded on another origin, the frame grows and shrinks and new screens are scrolled into view', async ({ page }) => {
  const errors = watchErrors(page);
  await page.setViewportSize({ width: 1000, height: 700 });
  await hostPage(page, 'scroll');
  const frame = page.frameLocator('iframe');
  await expect(frame.getByRole('heading', { name: 'Your organisation' })).toBeVisible();
  await expect.poll(() => frameHeight(page)).toBeGreaterThan(400);
  const profileHeight = await frameHeight(page);
  const run = fixture('mouse-run');
  await fillProfileWithMouse(frame, run.profile);
  await answerAllWithMouse(frame, run.answers);
  await expect(frame.getByTestId('overall-percent')).toBeVisible();
  await expect.poll(() => frameHeight(page)).toBeGreaterThan(profileHeight + 500);
  // The results open on their heading: the host scrolled it into the top third of its view.
  // (Playwright's boxes are relative to the host page's view, through the cross-origin frame.)
  const headingTop = async () => (await frame.locator('#results-title').boundingBox()).y;
  await expect.poll(headingTop).toBeLessThan(700 / 3);
  await expect.poll(headingTop).toBeGreaterThanOrEqual(0);
  // Back to the profile (now taller: a high-risk answer adds the EU supply-chain roles): the
  // frame shrinks again to its content, leaving no blank host page below it.
  const resultsHeight = await frameHeight(page);
  await frame.getByRole('button', { name: 'Profile', exact: true }).click();
  await expect.poll(() => frameHeight(page)).toBeLessThan(resultsHeight - 500);
  const content = () => frame.locator('html').evaluate((e) => e.scrollHeight);
  await expect.poll(async () => Math.abs((await frameHeight(page)) - (await content()))).toBeLessThan(50);
  expect(errors).toEqual([]);
});

test('a frame below the fold is sized before it is scrolled to', async ({ page }) => {
  await page.setViewportSize({ width: 1000, height: 700 });
  await hostPage(page, 'below-fold');
  await expect.poll(() => frameHeight(page), { timeout: 15000 }).toBeGreaterThan(400);
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
});

test('with storage blocked in a third-party frame, one notice says that saving is off', async ({ page }) => {
  await page.addInitScript(() => {
    if (window.top !== window) {
      Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } });
    }
  });
  await hostPage(page, 'plain');
  const frame = page.frameLocator('iframe');
  await expect(frame.getByRole('heading', { name: 'Your organisation' })).toBeVisible();
  await expect(frame.locator('.saving-off')).toHaveCount(1);
  await expect(frame.locator('.notice')).toHaveCount(0);
});
