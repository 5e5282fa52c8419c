// End-to-end flows of the quick scan in headless Chromium against the release build in dist/.
import { test, expect } from '@playwright/test';
import {
  answerAllWithMouse,
  appStarted,
  answerSectionWithMouse,
  expectedFigures,
  expectResults,
  expectRoadmap,
  fillProfileWithMouse,
  fixture,
  openQuickScan,
  watchErrors,
} from './helpers.mjs';

test('the start screen explains the check and its privacy promise', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('ISO/IEC 42001');
  await expect(page.locator('.promises')).toContainText('never leave this device');
  await expect(page.locator('[data-questionnaire="iso42001-quick-scan"]')).toContainText('24 questions');
  await expect(page.locator('body')).not.toContainText(/\bcompliant\b|\bcertified\b/i);
  expect(errors).toEqual([]);
});

test('the first paint shows the start screen before the wasm arrives, without a control, then gives way to the app', async ({ page }) => {
  const errors = watchErrors(page);
  let release;
  const held = new Promise((ok) => { release = ok; });
  await page.route(/_bg\.wasm$/, async (route) => { await held; await route.continue(); });
  await page.goto('/', { waitUntil: 'domcontentloaded' });
  const preview = page.locator('[data-preview="en"]');
  await expect(preview.getByRole('heading', { level: 1 })).toHaveText('How ready is your AI management system for ISO/IEC 42001?');
  await expect(preview.locator('.promises li')).toHaveCount(3);
  const painted = await preview.locator('main').innerText();
  // Nothing that looks clickable before it works.
  await expect(preview.locator('button, a, input, select, textarea')).toHaveCount(0);
  release();
  await expect(page.locator('[data-questionnaire="iso42001-quick-scan"] button')).toBeVisible();
  await expect(preview).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  // The app says exactly what the first paint said (both come from domain::welcome).
  const app = await page.locator('.start').innerText();
  expect(app.startsWith(painted.trim())).toBe(true);
  expect(errors).toEqual([]);
});

test('a returning visitor, a German visitor, a host questionnaire and a branded host never see the English start screen flash', async ({ browser }) => {
  // Each case in a fresh browser profile, the wasm held back: what the first paint shows.
  const firstPaint = async (url, stored) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    if (stored) await page.addInitScript(() => localStorage.setItem('aims-readiness:last', 'iso42001-quick-scan'));
    await page.route(/_bg\.wasm$/, () => new Promise(() => {}));
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    // boot.js decides before the page's DOMContentLoaded (module scripts run first).
    const shown = await page.evaluate(() => [...document.querySelectorAll('[data-preview]:not([hidden])')].map((e) => `${e.dataset.preview}: ${e.querySelector('h1').textContent}`));
    await context.close();
    return shown;
  };
  expect(await firstPaint('/', true)).toEqual([]);
  // A host that only picks the questionnaire gets the painted explanation, in its language,
  // instead of a blank box (the app then opens on the profile).
  expect(await firstPaint('/?questionnaire=iso42001-full&lang=de', false)).toEqual(['de: Wie bereit ist Ihr KI-Managementsystem für ISO/IEC 42001?']);
  expect(await firstPaint('/?questionnaire=iso42001-full&accent=%23005a9c', false)).toEqual([]);
  expect(await firstPaint('/?lang=de', false)).toEqual(['de: Wie bereit ist Ihr KI-Managementsystem für ISO/IEC 42001?']);
  expect(await firstPaint('/', false)).toEqual(['en: How ready is your AI management system for ISO/IEC 42001?']);
});

test('complete the quick scan with the mouse: screen figures equal the domain figures', async ({ page }) => {
  const errors = watchErrors(page);
  const run = fixture('mouse-run');
  const fig = expectedFigures('mouse-run');
  await openQuickScan(page);
  await fillProfileWithMouse(page, run.profile);
  const answered = [];
  answered.push(...(await answerAllWithMouse(page, run.answers)));
  expect(answered.sort()).toEqual(Object.keys(run.answers).sort());
  await expectResults(page, fig);
  await page.getByTestId('to-roadmap').click();
  await expectRoadmap(page, fig);
  await expect(page.locator('body')).not.toContainText(/\bcompliant\b|\bcertified\b/i);
  expect(errors).toEqual([]);
});

/** Presses Tab until the focused element matches `selector`; fails if it never does. */
async function tabTo(page, selector, limit = 250) {
  for (let i = 0; i < limit; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** Selects the radio at `index` of a group with the keyboard: Tab in, Space, then arrows. */
async function chooseRadio(page, name, index) {
  await tabTo(page, `input[name="${name}"]`);
  const checked = await page.evaluate((n) => [...document.getElementsByName(n)].findIndex((e) => e.checked), name);
  if (checked < 0) await page.keyboard.press('Space');
  const from = checked < 0 ? 0 : checked;
  for (let i = from; i < index; i++) await page.keyboard.press('ArrowDown');
  for (let i = from; i > index; i--) await page.keyboard.press('ArrowUp');
  const now = await page.evaluate((n) => [...document.getElementsByName(n)].findIndex((e) => e.checked), name);
  const focused = await page.evaluate(() => `${document.activeElement?.name}=${document.activeElement?.value}`);
  expect(now, `radio ${name}: wanted ${index}, got ${now} (was ${checked}), focus on ${focused}`).toBe(index);
}

test('complete the quick scan with the keyboard only', async ({ page }) => {
  const errors = watchErrors(page);
  const run = fixture('keyboard-run');
  const fig = expectedFigures('keyboard-run');
  await page.goto('/');
  await tabTo(page, '[data-questionnaire="iso42001-quick-scan"] button');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Your organisation' })).toBeVisible();

  const sizes = ['small', 'medium', 'large', 'enterprise'];
  await chooseRadio(page, 'size', sizes.indexOf(run.profile.size));
  for (const role of run.profile.roles) {
    await tabTo(page, `input[name="roles"][value="${role}"]`);
    await page.keyboard.press('Space');
  }
  await tabTo(page, '#systems');
  await page.keyboard.press('Control+A');
  await page.keyboard.type(String(run.profile.systems));
  await tabTo(page, 'input[name="certifications"][value="none"]');
  await page.keyboard.press('Space');
  await chooseRadio(page, 'high_risk', ['yes', 'no', 'not_sure'].indexOf(run.profile.high_risk));
  await chooseRadio(page, 'prohibited', ['yes', 'no', 'not_sure'].indexOf(run.profile.prohibited));
  await tabTo(page, '[data-testid="profile-continue"]');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('next')).toBeVisible();

  const order = ['0', '1', '2', '3', 'dont_know'];
  for (let guard = 0; guard < 30; guard++) {
    const ids = await page.locator('fieldset.question').evaluateAll((els) => els.map((e) => e.dataset.item));
    for (const id of ids) {
      await chooseRadio(page, `q-${id.replaceAll('.', '-')}`, order.indexOf(String(run.answers[id])));
    }
    const last = (await page.getByTestId('next').textContent()).includes('See your results');
    await tabTo(page, '[data-testid="next"]');
    await page.keyboard.press('Enter');
    if (last) break;
  }
  await expectResults(page, fig);
  await tabTo(page, '[data-testid="to-roadmap"]');
  await page.keyboard.press('Enter');
  await expectRoadmap(page, fig);
  expect(errors).toEqual([]);
});

test('reload half-way: every answer and the profile are still there', async ({ page }) => {
  const errors = watchErrors(page);
  const run = fixture('mouse-run');
  await openQuickScan(page);
  await fillProfileWithMouse(page, run.profile);
  const answered = [];
  for (let i = 0; i < 3; i++) {
    answered.push(...(await answerSectionWithMouse(page, run.answers)));
    await page.getByTestId('next').click();
  }
  await expect(page.getByTestId('answered')).toHaveText(String(answered.length));
  await page.reload();
  await expect(page.getByTestId('answered')).toHaveText(String(answered.length));
  await expect(page.getByTestId('applicable')).toHaveText('24');
  // Resumes at the first section with an open question: clause 7.
  await expect(page.locator('.eyebrow')).toHaveText('Clause 7');
  await page.locator('.section-link', { hasText: 'Context of the organization' }).click();
  for (const id of ['4.1', '4.3']) {
    await expect(page.locator(`fieldset[data-item="${id}"] input[value="${run.answers[id]}"]`)).toBeChecked();
  }
  await page.getByRole('button', { name: 'Profile', exact: true }).click();
  await expect(page.locator('input[name="size"][value="medium"]')).toBeChecked();
  await expect(page.locator('input[name="certifications"][value="iso27001"]')).toBeChecked();
  await expect(page.locator('#systems')).toHaveValue('4');
  expect(errors).toEqual([]);
});

test('a first answer does not move the questions below it; "Clear answer" is there only once answered, and clears', async ({ page }) => {
  const errors = watchErrors(page);
  const run = fixture('mouse-run');
  await openQuickScan(page);
  await fillProfileWithMouse(page, run.profile);
  const [first, second] = await page.locator('fieldset.question').evaluateAll((els) => els.slice(0, 2).map((e) => e.dataset.item));
  const card = page.locator(`fieldset[data-item="${first}"]`);
  // Where the next question is on the page (not in the viewport, which scrolls to each click).
  const below = () => page.locator(`fieldset[data-item="${second}"]`).evaluate((e) => e.getBoundingClientRect().top + window.scrollY);
  const clear = card.getByRole('button', { name: 'Clear answer' });
  // Unanswered: not seen, not reachable with the keyboard or by a screen reader.
  await expect(clear).toHaveCount(0);
  const before = await below();
  await card.locator('input[value="2"]').click();
  await expect(clear).toBeVisible();
  expect(await below()).toBe(before);
  await clear.click();
  await expect(card.locator('input:checked')).toHaveCount(0);
  await expect(page.getByTestId('answered')).toHaveText('0');
  await expect(clear).toHaveCount(0);
  expect(await below()).toBe(before);
  expect(errors).toEqual([]);
});

test('start over asks for confirmation and then clears everything', async ({ page }) => {
  const errors = watchErrors(page);
  const run = fixture('mouse-run');
  await openQuickScan(page);
  await fillProfileWithMouse(page, run.profile);
  await answerSectionWithMouse(page, run.answers);
  await expect(page.getByTestId('answered')).toHaveText('2');
  await page.getByRole('button', { name: 'Start over' }).click();
  await page.getByRole('button', { name: 'Keep my answers' }).click();
  await expect(page.getByTestId('answered')).toHaveText('2');
  await page.getByRole('button', { name: 'Start over' }).click();
  await page.getByRole('button', { name: 'Yes, clear everything' }).click();
  await expect(page.getByRole('heading', { name: 'Your organisation' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Your organisation' })).toBeVisible();
  await expect(page.locator('input[name="size"]:checked')).toHaveCount(0);
  expect(errors).toEqual([]);
});

// The wasm holds no interface text (every language's texts are in its content file), so a
// content file that does not arrive must still give a message, not an empty frame.
for (const [what, answer] of [
  ['missing', (route) => route.fulfill({ status: 404, body: 'not found' })],
  ['damaged', (route) => route.fulfill({ status: 200, contentType: 'application/octet-stream', body: Buffer.from('AIM5 damaged') })],
]) {
  test(`a ${what} content file gives a clear notice instead of an empty page`, async ({ page }) => {
    const errors = watchErrors(page);
    await page.route(/content-[a-z]+-[0-9a-f]+\.bin$/, answer);
    await page.goto('/');
    await expect(page.getByRole('alert')).toHaveText(
      'The readiness check could not load its texts and questions. Reload the page; if this notice stays, please tell the owner of this site.',
    );
    // Nothing of the first paint is left to click, and nothing else went wrong.
    await expect(page.locator('[data-preview]')).toHaveCount(0);
    await expect(page.locator('button, input, a')).toHaveCount(0);
    expect(errors.filter((e) => !e.includes('content file is missing or damaged') && !e.includes('404') && !e.includes('integrity'))).toEqual([]);
    expect(errors.some((e) => e.includes('content file is missing or damaged'))).toBe(true);
  });
}

test('damaged stored answers give a clear message, are kept aside, and the widget still works', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/');
  // Written while the app still boots, the damage would be handled before the reload.
  await appStarted(page);
  const broken = '{"format":1,"questionnaire":"iso42001-quick-scan","answers":{"4.1"';
  await page.evaluate((b) => {
    localStorage.setItem('aims-readiness:last', 'iso42001-quick-scan');
    localStorage.setItem('aims-readiness:iso42001-quick-scan:2.0.0', b);
  }, broken);
  await page.reload();
  await expect(page.getByRole('alert')).toContainText('could not be read');
  // Kept exactly, under a dated key that "Your data" lists with a download.
  const backups = await page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith('aims-readiness:iso42001-quick-scan:2.0.0:unreadable:'))
      .map((k) => [k, localStorage.getItem(k)]),
  );
  expect(backups.map(([k]) => k)).toHaveLength(1);
  expect(backups[0][1]).toBe(broken);
  await page.locator('.your-data summary').click();
  await expect(page.getByTestId('backup')).toHaveCount(1);
  await expect(page.getByTestId('backup')).toContainText('could not be read, kept on');
  await fillProfileWithMouse(page, fixture('mouse-run').profile);
  await expect(page.getByTestId('next')).toBeVisible();
  expect(errors).toEqual([]);
});

test('a clause can never be marked not applicable; an Annex A control needs a justification', async ({ page }) => {
  const errors = watchErrors(page);
  await openQuickScan(page);
  await fillProfileWithMouse(page, fixture('mouse-run').profile);
  await expect(page.locator('fieldset[data-item="4.1"] input[value="not-applicable"]')).toHaveCount(0);
  await page.locator('.section-link', { hasText: 'Data for AI systems' }).click();
  await page.locator('fieldset[data-item="A.7.4"] input[value="not-applicable"]').click();
  await expect(page.getByTestId('answered')).toHaveText('0');
  await expect(page.locator('#A-7-4-justification-hint')).toContainText('justification is required');
  await page.locator('#A-7-4-justification').fill('We feed no data of our own to any AI system.');
  await expect(page.getByTestId('answered')).toHaveText('1');
  expect(errors).toEqual([]);
});

test('full assessment: suggested exclusions, documents checklist and supplier tasks match the domain', async ({ page }) => {
  const errors = watchErrors(page);
  const run = fixture('full-run');
  const fig = expectedFigures('full-run');
  await page.goto('/');
  await expect(page.locator('[data-questionnaire="iso42001-full"]')).toContainText('70 questions');
  await page.getByRole('button', { name: /full assessment/ }).click();
  await fillProfileWithMouse(page, run.profile);
  await page.locator('.section-link', { hasText: 'AI system life cycle' }).click();
  const card = page.locator('fieldset[data-item="A.6.1.2"]');
  await expect(card.locator('.suggestion')).toContainText('A.10.3');
  await expect(card.locator('.refs')).toContainText('GOVERN 1.2');
  await card.locator('input[value="not-applicable"]').click();
  await expect(page.locator('#A-6-1-2-justification')).toHaveValue(run.answers['A.6.1.2'].not_applicable);
  await page.locator('.section-link', { hasText: 'Context of the organization' }).click();
  await answerAllWithMouse(page, run.answers);
  await expectResults(page, fig);
  await expect(page.locator('tr[data-document]')).toHaveCount(22);
  await expect(page.locator('tr[data-document="aims-scope"] .status')).toHaveText(/Missing|Partial|In place/);
  await page.getByTestId('to-roadmap').click();
  await expectRoadmap(page, fig);
  await expect(page.locator('li.phase[data-phase="3"]')).toContainText("Require the organisation's AI suppliers to cover A.6.2.4");
  expect(errors).toEqual([]);
});

test('an organisation that only uses AI can accept all suggested exclusions at once', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await page.getByRole('button', { name: /full assessment/ }).click();
  await fillProfileWithMouse(page, { ...fixture('full-run').profile, roles: ['uses'] });
  // Offered only where one of those controls is, naming each.
  await expect(page.getByTestId('suggestions')).toHaveCount(0);
  await page.locator('.section-link', { hasText: 'A.6' }).click();
  const offer = page.getByTestId('suggestions');
  await expect(offer).toContainText('8 development controls are usually not applicable:');
  await expect(offer.locator('.suggested-controls li')).toHaveCount(8);
  await expect(offer.locator('.suggested-controls li').first()).toHaveText(/^A\.6\.1\.2 /);
  await page.getByRole('button', { name: 'Mark these 8 not applicable' }).click();
  await expect(page.getByTestId('answered')).toHaveText('8');
  await expect(page.getByTestId('suggestions')).toHaveCount(0);
  // It can be undone at once; then it is offered again.
  await page.getByTestId('undo-import').click();
  await expect(page.getByTestId('answered')).toHaveText('0');
  await page.getByRole('button', { name: 'Mark these 8 not applicable' }).click();
  await expect(page.getByTestId('answered')).toHaveText('8');
  await page.locator('.section-link', { hasText: 'Data for AI systems' }).click();
  await expect(page.locator('#A-7-2-justification')).toHaveValue(/A\.10\.3/);
  expect(errors).toEqual([]);
});

test('each question says what an existing ISO 27001 or ISO 9001 system lets you reuse', async ({ page }) => {
  await openQuickScan(page);
  await fillProfileWithMouse(page, fixture('mouse-run').profile);
  await page.locator('.section-link', { hasText: 'Support' }).click();
  await page.locator('#item-7-5-3 .why summary').click();
  const hints = page.locator('#item-7-5-3 .reuse-hint');
  await expect(hints).toHaveCount(3);
  await expect(hints.first()).toContainText('Already certified to ISO/IEC 27001? Its process (7.5.3) can be reused for AI: the roadmap counts 30%');
  await expect(hints.nth(1)).toContainText('ISO 9001');
  await page.locator('.section-link', { hasText: 'Planning' }).click();
  await page.locator('#item-6-1-4 .why summary').click();
  // Impact assessment has no ISO 27001 counterpart; ISO 27701's privacy impact assessment helps.
  await expect(page.locator('#item-6-1-4 .reuse-hint')).toHaveCount(1);
  await expect(page.locator('#item-6-1-4 .reuse-hint')).toContainText('ISO/IEC 27701');
});
