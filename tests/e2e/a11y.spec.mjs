// Accessibility: axe-core (WCAG 2.2 A and AA rules) on every screen.
import { test, expect } from '@playwright/test';
import { answerAllWithMouse, appStarted, axe, fillProfileWithMouse, fixture, openQuickScan, saveDom, vnuErrors } from './helpers.mjs';

// axe is injected as a script; the page's own CSP forbids that, so these tests bypass it.
test.use({ bypassCSP: true });

for (const scheme of ['light', 'dark']) {
  test(`axe finds no violations on any screen (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const run = fixture('mouse-run');
    const violations = [];
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await appStarted(page);
    violations.push(...(await axe(page, 'start')));
    await openQuickScan(page);
    violations.push(...(await axe(page, 'profile')));
    await fillProfileWithMouse(page, run.profile);
    await page.locator('#item-4-1 .why summary').click();
    violations.push(...(await axe(page, 'questions')));
    await answerAllWithMouse(page, run.answers);
    violations.push(...(await axe(page, 'results')));
    await page.getByTestId('to-roadmap').click();
    violations.push(...(await axe(page, 'roadmap')));
    await page.getByRole('button', { name: 'Results', exact: true }).click();
    await page.getByTestId('to-report').click();
    violations.push(...(await axe(page, 'report')));
    expect(violations).toEqual([]);
  });
}

test('the Nu Html Checker finds no error in the DOM of any screen', async ({ page }, testInfo) => {
  const run = fixture('mouse-run');
  const files = [];
  const snap = async (name, from = page) => files.push(await saveDom(from, testInfo.outputPath(`${name}.html`)));
  // The first paint, as served (the build's start screen and meta tags), the wasm held back.
  const early = await page.context().newPage();
  await early.route(/_bg\.wasm$/, () => new Promise(() => {}));
  await early.goto('/', { waitUntil: 'domcontentloaded' });
  await expect(early.locator('[data-preview="en"]')).toBeVisible();
  await snap('first-paint', early);
  await early.close();
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await appStarted(page);
  await snap('start');
  await openQuickScan(page);
  await snap('profile');
  await fillProfileWithMouse(page, run.profile);
  await page.locator('#item-4-1 .why summary').click();
  await snap('questions');
  await answerAllWithMouse(page, run.answers);
  await expect(page.locator('tr[data-section]').first()).toBeVisible();
  await snap('results');
  await page.getByTestId('share').click();
  await snap('results-sharing');
  await page.getByTestId('to-roadmap').click();
  await expect(page.locator('.gantt-row').first()).toBeVisible();
  await snap('roadmap');
  await page.getByRole('button', { name: 'Results', exact: true }).click();
  await page.getByTestId('to-report').click();
  await expect(page.locator('.gantt-row').first()).toBeVisible();
  await snap('report');
  await page.getByRole('button', { name: 'Start over' }).click();
  await snap('confirm-reset');
  expect(vnuErrors(files)).toEqual([]);
});

test('the Nu Html Checker check can fail: an invalid attribute is reported', async ({ page }, testInfo) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await appStarted(page);
  await page.evaluate(() => document.querySelector('h1').setAttribute('aria-label-x', 'y'));
  await page.evaluate(() => { const s = document.createElement('span'); s.setAttribute('aria-label', 'plain span'); document.body.append(s); });
  const file = await saveDom(page, testInfo.outputPath('broken.html'));
  expect(vnuErrors([file]).join('\n')).toContain('aria-label');
});

test('the axe check can fail: a control without a label is reported', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await appStarted(page);
  await page.evaluate(() => document.body.append(Object.assign(document.createElement('input'), { type: 'text' })));
  const found = await axe(page, 'start with a stray input');
  expect(found.join()).toContain('label');
});

// A 360 px phone, and a 1280 px window zoomed to 200% (640 CSS px wide), in English and, on the
// phone, in the languages whose words run longest.
const lastButton = { en: 'See your results', de: 'Ihre Ergebnisse ansehen', fr: 'Voir vos résultats', es: 'Ver sus resultados' };
for (const [label, options, lang] of [
  ['on a 360 px wide phone', { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true }, 'en'],
  ['at 200% zoom', { viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 }, 'en'],
  ...['de', 'fr', 'es'].map((l) => [`on a 360 px wide phone in ${l}`, { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true }, l]),
]) test(`usable ${label}: no screen scrolls sideways`, async ({ browser }) => {
  const context = await browser.newContext({ ...options, locale: lang });
  const page = await context.newPage();
  const run = fixture('mouse-run');
  const sideways = async (screen) => {
    const [scroll, width] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    return scroll > width ? [`${screen}: page is ${scroll}px wide in a ${width}px viewport`] : [];
  };
  const problems = [];
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await appStarted(page);
  problems.push(...(await sideways('start')));
  await page.locator('[data-questionnaire="iso42001-quick-scan"] button').click();
  await expect(page.locator('input[name="size"]').first()).toBeVisible();
  problems.push(...(await sideways('profile')));
  await fillProfileWithMouse(page, run.profile);
  problems.push(...(await sideways('questions')));
  await answerAllWithMouse(page, run.answers, lastButton[lang]);
  await expect(page.locator('tr[data-section]').first()).toBeVisible();
  problems.push(...(await sideways('results')));
  await page.getByTestId('to-roadmap').click();
  await expect(page.locator('.gantt-row').first()).toBeVisible();
  problems.push(...(await sideways('roadmap')));
  // The timeline's phase names are whole, never cut off.
  const cut = await page.locator('.gantt-label').evaluateAll((els) => els.filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.textContent));
  problems.push(...cut.map((t) => `roadmap: phase label cut off: ${t}`));
  expect(problems).toEqual([]);
  await context.close();
});

/** Chromium's accessibility tree of the page, as a screen reader gets it (CDP). */
async function accessibilityTree(page) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  await cdp.detach();
  return nodes.filter((n) => !n.ignored).map((n) => ({ role: n.role?.value, name: n.name?.value ?? '' }));
}

// Nothing is deferred out of the tree: a person moving by headings or by form fields finds every
// question of a long section and every results section, the exports included, as the page loads.
test('the accessibility tree holds every question, every results heading and the exports', async ({ page }) => {
  const run = fixture('mouse-run');
  await page.setViewportSize({ width: 1280, height: 700 });
  await page.goto('/');
  await page.getByRole('button', { name: /full assessment/i }).click();
  await fillProfileWithMouse(page, { ...run.profile, roles: ['develops'] });
  await page.locator('.section-link', { hasText: 'A.6' }).click();
  await expect(page.locator('#section-title')).toBeFocused();
  const groups = await page.locator('fieldset.question').count();
  const radios = await page.locator('fieldset.question input[type="radio"]').count();
  expect(groups).toBeGreaterThanOrEqual(9);
  let tree = await accessibilityTree(page);
  expect(tree.filter((n) => n.role === 'radio').length).toBe(radios);
  expect(tree.filter((n) => n.role === 'group' && /^A\.6\./.test(n.name)).length).toBe(groups);

  await page.getByRole('button', { name: 'Results', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Take your results with you' })).toBeAttached();
  const headings = await page.locator('#aims-main h2').allTextContents();
  expect(headings.length).toBeGreaterThanOrEqual(6);
  tree = await accessibilityTree(page);
  const inTree = tree.filter((n) => n.role === 'heading').map((n) => n.name);
  for (const heading of headings) expect(inTree).toContain(heading.trim());
  expect(inTree).toContain('Take your results with you');
});
