// The later modules (src/ui/later.rs): the questions module (the reducer, profile and questions
// screens) and the later module (the screens after "see results"). The questions module and a
// first visit's questionnaires arrive before the network lock (the app handles no event before
// it); the later module, requested at the lock, may arrive after it, and nothing is requested
// after the lock; if one never arrives, the screen that needs it says so in the person's
// language and the answers stay safe.
import { test, expect } from '@playwright/test';
import { answerAllWithMouse, appStarted, expectedFigures, expectResults, fillProfileWithMouse, fixture, openQuickScan, watchErrors } from './helpers.mjs';

const LATER = /-later-[0-9a-f]+\.wasm$/;
const QUESTIONS = /-questions-[0-9a-f]+\.wasm$/;
// A language's questionnaires: a first visit's start screen needs only their titles and counts
// (in the content file), so they come with the later modules.
const QUESTIONNAIRES = /\/questions-[a-z]{2}-[0-9a-f]+\.bin$/;
const START_MODULE = /aims-readiness-[0-9a-f]+_bg\.wasm$/;
const SLACK = 50;

/**
 * The module `file` was requested once, at the lock (resource timing starts a request when the
 * network layer takes it up, a moment after the script asked: 50 ms of slack, as in
 * tests/engines/flows.mjs), and arrived after it; nothing at all was requested later.
 */
async function expectRequestedBeforeTheLock(page, file) {
  const timing = await page.evaluate(() => {
    const locked = performance.getEntriesByName('aims-readiness:locked')[0]?.startTime ?? null;
    const entries = performance.getEntriesByType('resource').map((e) => ({ name: e.name, start: e.startTime, end: e.responseEnd }));
    return { locked, entries };
  });
  expect(timing.locked).not.toBeNull();
  const module = timing.entries.filter((e) => file.test(e.name));
  expect(module).toHaveLength(1);
  expect(module[0].start).toBeLessThanOrEqual(timing.locked + SLACK);
  expect(module[0].end).toBeGreaterThan(timing.locked);
  expect(timing.entries.filter((e) => e.start > timing.locked + SLACK)).toEqual([]);
}

/**
 * `file` was requested once, after the start bytes, and arrived before the lock (boot.js locks
 * once the questions module and a first visit's questionnaires are in, then requests the later
 * module); nothing at all was requested later. The page was marked ready (its events handled)
 * only after the lock.
 */
async function expectInBeforeTheLock(page, file) {
  const timing = await page.evaluate(() => {
    const locked = performance.getEntriesByName('aims-readiness:locked')[0]?.startTime ?? null;
    const entries = performance.getEntriesByType('resource').map((e) => ({ name: e.name, start: e.startTime, end: e.responseEnd }));
    return { locked, entries, ready: globalThis.readyAt ?? null };
  });
  expect(timing.locked).not.toBeNull();
  const found = timing.entries.filter((e) => file.test(e.name));
  expect(found).toHaveLength(1);
  expect(found[0].end).toBeLessThanOrEqual(timing.locked);
  expect(timing.entries.filter((e) => e.start > timing.locked + SLACK)).toEqual([]);
  expect(timing.ready).not.toBeNull();
  expect(timing.ready).toBeGreaterThan(timing.locked);
}

/** Records when the app marked itself ready (`data-ready`: it handles events from then on). */
async function recordReady(page) {
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.querySelector('.aims[data-ready]')) {
        globalThis.readyAt = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true, attributes: true });
  });
}

test('the start screen is drawn before the questions module has arrived and a click on it waits; the profile shows once it has, and nothing starts after the lock', async ({ page }) => {
  await page.route(QUESTIONS, async (route) => {
    await new Promise((r) => setTimeout(r, 3000));
    await route.continue();
  });
  await recordReady(page);
  await page.goto('/');
  await appStarted(page);
  // The reducer comes with the questions module: until then the page is not marked ready (what
  // the benchmark waits for), and a click waits with "Loading…".
  await expect(page.locator('.aims[data-ready]')).toHaveCount(0);
  await page.getByRole('button', { name: /quick scan/ }).click();
  await expect(page.locator('.later-loading')).toHaveText('Loading…');
  await expect(page.getByRole('heading', { name: 'Your organisation' })).toBeVisible();
  await expect(page.locator('.aims[data-ready]')).toHaveCount(1);
  await fillProfileWithMouse(page, fixture('mouse-run').profile);
  await expect(page.getByTestId('next')).toBeVisible();
  await expectInBeforeTheLock(page, QUESTIONS);
});

test('the app handles no event before boot.js says the network is locked', async ({ page }) => {
  // What the app waits on (boot.js's aimsReadinessLocked) settles 1.5 s after the lock here.
  await page.addInitScript(() => {
    let locked;
    Object.defineProperty(globalThis, 'aimsReadinessLocked', {
      configurable: true,
      get: () => locked,
      set: (promise) => {
        locked = promise.then(() => new Promise((done) => setTimeout(() => {
          globalThis.lockSeenAt = performance.now();
          done();
        }, 1500)));
      },
    });
  });
  await recordReady(page);
  await page.goto('/');
  await appStarted(page);
  await page.getByRole('button', { name: /quick scan/ }).click();
  await expect(page.locator('.later-loading')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Your organisation' })).toBeVisible();
  const t = await page.evaluate(() => ({ seen: globalThis.lockSeenAt ?? null, ready: globalThis.readyAt ?? null }));
  expect(t.seen).not.toBeNull();
  expect(t.ready).toBeGreaterThan(t.seen);
});

test("a first visit's questionnaires come after the start module: the start screen shows their counts at once, a click waits for them, and nothing starts after the lock", async ({ page }) => {
  await page.route(QUESTIONNAIRES, async (route) => {
    await new Promise((r) => setTimeout(r, 3000));
    await route.continue();
  });
  await recordReady(page);
  await page.goto('/');
  const card = page.locator('[data-questionnaire="iso42001-quick-scan"]');
  // Titles, counts and minutes from the content file, before the questionnaires are here.
  await expect(card.locator('.meta')).toHaveText(/^\d+ questions · about \d+ minutes · version /);
  expect(await page.evaluate(() => globalThis.aimsReadinessQuestions instanceof Promise)).toBe(true);
  await card.getByRole('button').click();
  await expect(page.locator('.later-loading')).toHaveText('Loading…');
  await expect(page.getByRole('heading', { name: 'Your organisation' })).toBeVisible();
  await expect(page.locator('.later-loading')).toHaveCount(0);
  await fillProfileWithMouse(page, fixture('mouse-run').profile);
  await expect(page.getByTestId('next')).toBeVisible();
  await expectInBeforeTheLock(page, QUESTIONNAIRES);
  // Requested once the start module was in, not beside it.
  const order = await page.evaluate(([q, w]) => {
    const entries = performance.getEntriesByType('resource');
    const find = (pattern) => entries.find((e) => new RegExp(pattern).test(e.name));
    return { questionnaires: find(q).startTime, wasm: find(w).responseEnd };
  }, [QUESTIONNAIRES.source, START_MODULE.source]);
  expect(order.questionnaires).toBeGreaterThanOrEqual(order.wasm);
});

for (const lang of ['en', 'de', 'fr', 'es']) {
  test(`a first visit's start screen in ${lang} has every text before the questionnaires and the other texts arrive; "Your data" waits for them`, async ({ page }) => {
    const errors = watchErrors(page);
    let release;
    const held = new Promise((r) => { release = r; });
    await page.route(QUESTIONNAIRES, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`/?lang=${lang}`);
    await appStarted(page);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    // Every element that carries words on the start screen, the header and the footer has them
    // (a text the build put with the later texts would be empty here, and reported on arrival).
    const empty = await page.evaluate(() => [...document.querySelectorAll('.aims :is(h1, h2, h3, p, button, label, summary, a, option, li, strong)')]
      .filter((e) => e.textContent.trim() === '' && !e.querySelector('img, svg'))
      .map((e) => e.outerHTML.slice(0, 120)));
    expect(empty).toEqual([]);
    await expect(page.locator('.aims-footer')).toContainText('ISO/IEC 42001');
    // Nothing the person did waits: no "Loading…" on the start screen.
    await expect(page.locator('.later-loading')).toHaveCount(0);
    // "Your data" opens without an event the shell would hold: it waits for its texts.
    await page.locator('.your-data summary').click();
    await expect(page.locator('.your-data .later-loading')).toBeVisible();
    release();
    await expect(page.getByTestId('stored-none')).toBeVisible();
    await expect(page.locator('.your-data .later-loading')).toHaveCount(0);
    expect(errors).toEqual([]);
  });
}

test("a first visit's questionnaires that never arrive: a click on the start screen says so in Spanish, promising no answers, with a reload that brings the questionnaire", async ({ page }) => {
  await page.route(QUESTIONNAIRES, (route) => route.abort());
  await page.goto('/?lang=es');
  await page.locator('[data-questionnaire="iso42001-quick-scan"] button').click();
  const missing = page.getByTestId('later-missing');
  await expect(missing).toBeVisible();
  await expect(missing).toHaveAttribute('role', 'alert');
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await page.unroute(QUESTIONNAIRES);
  await expect(missing).toContainText('no ha llegado');
  // Nothing is open yet: it promises no answers, only a reload.
  await expect(missing).toContainText('Vuelva a cargar la página para intentarlo de nuevo.');
  await expect(missing).not.toContainText('respuestas');
  await missing.getByRole('button', { name: 'Volver a cargar la página' }).click();
  await page.locator('[data-questionnaire="iso42001-quick-scan"] button').click();
  await expect(page.locator('.aims')).toHaveAttribute('data-screen', 'profile');
  await expect(page.getByTestId('later-missing')).toHaveCount(0);
});

test("a returning visitor's questionnaires come with the start bytes: the app opens on the questions at once", async ({ page }) => {
  await openQuickScan(page);
  await fillProfileWithMouse(page, fixture('mouse-run').profile);
  await page.locator('#q-4-1-2').click();
  await page.reload();
  await expect(page.locator('#q-4-1-2')).toBeChecked();
  expect(await page.evaluate(() => globalThis.aimsReadinessQuestions instanceof Uint8Array)).toBe(true);
  const timing = await page.evaluate(([q]) => {
    const locked = performance.getEntriesByName('aims-readiness:locked')[0].startTime;
    const file = performance.getEntriesByType('resource').find((e) => new RegExp(q).test(e.name));
    return { locked, end: file.responseEnd };
  }, [QUESTIONNAIRES.source]);
  expect(timing.end).toBeLessThanOrEqual(timing.locked);
});

test("a returning visitor waits for the questions module on \"Loading…\", never on the list of questionnaires, and the page does not move", async ({ page }) => {
  await openQuickScan(page);
  await fillProfileWithMouse(page, fixture('mouse-run').profile);
  await page.locator('#q-4-1-2').click();
  // The app's own start screen would draw the questionnaires' cards: record whether it ever did.
  await page.addInitScript(() => {
    globalThis.sawList = false;
    new MutationObserver(() => {
      if (document.querySelector('.aims:not([data-preview]) [data-questionnaire]')) globalThis.sawList = true;
    }).observe(document, { childList: true, subtree: true });
  });
  await page.route(QUESTIONS, async (route) => {
    await new Promise((r) => setTimeout(r, 1500));
    await route.continue();
  });
  await page.reload();
  await expect(page.locator('#aims-main .later-loading')).toBeVisible();
  await expect(page.locator('#q-4-1-2')).toBeChecked();
  expect(await page.evaluate(() => globalThis.sawList)).toBe(false);
  // Opening the first screen a moment late is still start-up: nothing grabs focus or scrolls.
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
});

test("a questions module that never arrives: a returning visitor's questions screen says so in French, and a reload brings back every answer", async ({ page }) => {
  await page.goto('/?lang=fr');
  await page.locator('[data-questionnaire="iso42001-quick-scan"] button').click();
  await fillProfileWithMouse(page, fixture('mouse-run').profile);
  await page.locator('#q-4-1-2').click();
  await page.route(QUESTIONS, (route) => route.abort());
  await page.reload();
  const missing = page.getByTestId('later-missing');
  await expect(missing).toBeVisible();
  await expect(missing).toHaveAttribute('role', 'alert');
  await expect(missing).toContainText("n\u2019est pas arriv\u00e9e");
  await expect(page.locator('.aims-header')).toBeVisible();
  await page.unroute(QUESTIONS);
  await missing.getByRole('button', { name: 'Recharger la page' }).click();
  await expect(page.locator('#q-4-1-2')).toBeChecked();
});

test('the later module, requested before the lock, arrives after it; the results show and nothing starts after the lock', async ({ page }) => {
  await page.route(LATER, async (route) => {
    await new Promise((r) => setTimeout(r, 1500));
    await route.continue();
  });
  const run = fixture('mouse-run');
  await openQuickScan(page);
  await fillProfileWithMouse(page, run.profile);
  await answerAllWithMouse(page, run.answers);
  await expectResults(page, expectedFigures('mouse-run'));
  // The results screen opened seconds after the lock: a request it started would show.
  await expectRequestedBeforeTheLock(page, LATER);
});

test('a later module that never arrives: the results screen says so in German, and a reload brings the results with every answer', async ({ page }) => {
  await page.route(LATER, (route) => route.abort());
  const run = fixture('mouse-run');
  await page.goto('/?lang=de');
  await page.locator('[data-questionnaire="iso42001-quick-scan"] button').click();
  await fillProfileWithMouse(page, run.profile);
  await answerAllWithMouse(page, run.answers, 'Ihre Ergebnisse ansehen');
  const missing = page.getByTestId('later-missing');
  await expect(missing).toBeVisible();
  await expect(missing).toHaveAttribute('role', 'alert');
  await expect(missing).toContainText('ist nicht angekommen');
  await expect(missing).toContainText('Ihre Antworten sind sicher');
  // The step navigation still works, and the answers are all there.
  await expect(page.locator('.aims-header')).toBeVisible();
  await page.unroute(LATER);
  await missing.getByRole('button', { name: 'Seite neu laden' }).click();
  await expect(page.getByTestId('overall-percent')).toBeVisible();
  await expect(page.getByTestId('overall-percent')).toHaveText(/\d/);
});
