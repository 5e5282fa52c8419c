// On a 390x844 phone, standalone and embedded on another origin: every section opens on its
// heading (in the top third of the view), "Review this answer" shows its question, the file
// actions fold into one menu, a slim progress bar stays on screen, and the scrolling a person
// does for a whole quick scan is measured and bounded.
import { test, expect } from '@playwright/test';
import { answerValue, fillProfileWithMouse, fixture, openQuickScan, watchErrors } from './helpers.mjs';

const PHONE = { width: 390, height: 844 };

/** Where an element's top is in the visible area of the top-level page, in CSS pixels (through
 *  a cross-origin frame too: Playwright's boxes are relative to the page's view). */
async function topInView(app, selector) {
  return (await app.locator(selector).first().boundingBox()).y;
}

/** Waits until the widget (and, embedded, the host page) has finished moving the page. */
async function settled(page) {
  let last = -1;
  for (let i = 0; i < 20; i++) {
    const y = await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(window.scrollY)))));
    if (y === last) return;
    last = y;
  }
}

/** Scrolls the top-level page so `target` is fully visible (as a person would) and returns how
 *  far it had to move. */
async function scrollTo(page, target) {
  const before = await page.evaluate(() => window.scrollY);
  await target.scrollIntoViewIfNeeded();
  return Math.abs((await page.evaluate(() => window.scrollY)) - before);
}

for (const mode of ['standalone', 'embedded']) {
  test(`on a phone (${mode}), each section opens on its heading and a quick scan needs little scrolling`, async ({ page }, testInfo) => {
    const errors = watchErrors(page);
    await page.setViewportSize(PHONE);
    const run = fixture('mouse-run');
    let app = page;
    if (mode === 'embedded') {
      // A course page on another origin (tests/e2e/host/scroll.html) with embed.js.
      await page.goto('http://localhost:4174/scroll.html');
      app = page.frameLocator('iframe');
      await expect(app.getByRole('heading', { name: 'Your organisation' })).toBeVisible();
    } else {
      await openQuickScan(page);
    }
    await fillProfileWithMouse(app, run.profile);
    let scrolled = 0;
    let sections = 0;
    for (let guard = 0; guard < 30; guard++) {
      // The section opens on its heading, in the top third of the view.
      await expect(app.locator('#section-title')).toBeFocused();
      await expect.poll(() => topInView(app, '#section-title')).toBeLessThan(PHONE.height / 3);
      expect(await topInView(app, '#section-title')).toBeGreaterThanOrEqual(-1);
      sections += 1;
      if (mode === 'standalone') {
        // The slim progress bar is at the top of the view while the questions scroll under it.
        await expect.poll(() => topInView(app, '.slim-progress')).toBeLessThan(2);
      }
      const ids = await app.locator('fieldset.question').evaluateAll((els) => els.map((e) => e.dataset.item));
      for (const id of ids) {
        const answer = run.answers[id];
        if (answer === undefined) continue;
        const input = app.locator(`fieldset[data-item="${id}"] input[value="${answerValue(answer)}"]`);
        // A person reads every option before choosing: down to the last one, then the choice.
        scrolled += await scrollTo(page, app.locator(`fieldset[data-item="${id}"] .option`).last());
        scrolled += await scrollTo(page, input);
        await input.click();
        await settled(page);
        if (typeof answer === 'object') {
          const why = app.locator(`fieldset[data-item="${id}"] textarea`).first();
          scrolled += await scrollTo(page, why);
          await why.fill(answer.not_applicable);
        }
      }
      const next = app.getByTestId('next');
      scrolled += await scrollTo(page, next);
      const last = (await next.textContent()).includes('See your results');
      await next.click();
      if (last) break;
    }
    await expect(app.getByTestId('overall-percent')).toBeVisible();
    const screens = scrolled / PHONE.height;
    console.log(`${mode}: ${sections} sections, ${Math.round(scrolled)} px scrolled by hand (${screens.toFixed(1)} screen heights)`);
    testInfo.annotations.push({ type: 'scrolling', description: `${Math.round(scrolled)} px, ${screens.toFixed(1)} screens` });
    expect(screens).toBeLessThan(6);
    // "Review this answer" from the results brings its question into the top third.
    await app.locator('[data-testid="review-answer"]').first().click();
    const reviewed = await app.locator('fieldset.question:focus-within').getAttribute('data-item');
    await expect.poll(() => topInView(app, `fieldset[data-item="${reviewed}"]`)).toBeLessThan(PHONE.height / 3);
    expect(await topInView(app, `fieldset[data-item="${reviewed}"]`)).toBeGreaterThanOrEqual(-1);
    expect(errors).toEqual([]);
  });
}

test('on a phone the file actions fold into one menu with large tap targets', async ({ page }) => {
  await page.setViewportSize(PHONE);
  await openQuickScan(page);
  const save = page.getByTestId('save-file');
  await expect(save).toBeHidden();
  const toggle = page.getByTestId('menu-toggle');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(save).toBeVisible();
  for (const target of [toggle, save, page.getByRole('button', { name: 'Start over' })]) {
    const box = await target.boundingBox();
    expect(box.height).toBeGreaterThanOrEqual(44);
  }
  // On a wide screen there is no menu: the actions are in the bar.
  await page.setViewportSize({ width: 1280, height: 900 });
  await expect(toggle).toBeHidden();
  await expect(page.getByTestId('save-file')).toBeVisible();
});

// A host that only picks the questionnaire: while the app loads, the painted explanation shows
// (not a blank box), and the first screen says how long it takes and that answers stay here.
test('with the questionnaire preset, the page explains itself while loading and on its first screen', async ({ page }) => {
  await page.setViewportSize(PHONE);
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route(/\.wasm$/, async (route) => { await held; await route.continue(); });
  await page.goto('/?questionnaire=iso42001-quick-scan&lang=en');
  await expect(page.locator('[data-preview="en"]')).toBeVisible();
  await expect(page.locator('[data-preview="en"] h1')).toHaveText('How ready is your AI management system for ISO/IEC 42001?');
  release();
  await expect(page.getByRole('heading', { name: 'Your organisation' })).toBeVisible();
  await expect(page.getByTestId('profile-about')).toHaveText(/^ISO\/IEC 42001 quick scan: 24 questions, about \d+ minutes\. Your answers stay on this device\.$/);
});

// Every control a thumb uses on the first screens is at least 44 by 44 px.
test('on a phone the tap targets of the questions screen are at least 44 by 44 px', async ({ page }) => {
  await page.setViewportSize(PHONE);
  await openQuickScan(page);
  await fillProfileWithMouse(page, fixture('mouse-run').profile);
  const small = await page.evaluate(() => {
    const targets = document.querySelectorAll('.step, .section-link, .menu-toggle, .why > summary, .note > summary, .link-button, .aims-footer a, .option');
    return [...targets]
      .filter((e) => e.getClientRects().length > 0)
      .map((e) => ({ what: `${e.className || e.tagName}: ${e.textContent.trim().slice(0, 30)}`, box: e.getBoundingClientRect() }))
      .filter(({ box }) => box.width < 44 || box.height < 44)
      .map(({ what, box }) => `${what} (${Math.round(box.width)}x${Math.round(box.height)})`);
  });
  expect(small).toEqual([]);
});
