// Languages: German by configuration, by the browser's language and by the switcher, with answers
// kept across a switch, locale numbers and dates, and German exports.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { axe, expectMessage, fillProfileWithMouse, watchErrors } from './helpers.mjs';

// axe is injected as a script; the page's own CSP forbids that, so these tests bypass it.
test.use({ bypassCSP: true });

const profile = { size: 'medium', roles: ['develops'], systems: 3, certifications: ['iso27001'], high_risk: 'not_sure' };

test('lang=de shows the interface and the questionnaire in German, with German numbers and dates', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/index.html?lang=de');
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Wie bereit ist Ihr KI-Managementsystem für ISO/IEC 42001?');
  await expect(page.getByTestId('language')).toHaveValue('de');
  await page.getByRole('button', { name: 'ISO/IEC 42001 Schnellcheck starten' }).click();
  await expect(page.getByRole('heading', { name: 'Ihre Organisation' })).toBeVisible();
  await page.locator('#target').fill('2027-09-30');
  await fillProfileWithMouse(page, profile);
  await expect(page.getByRole('heading', { name: 'Kontext der Organisation' })).toBeVisible();
  await expect(page.locator('.section-nav .progress')).toContainText('0 von 24 beantwortet');
  await expect(page.locator('[data-item="4.1"] legend')).toContainText('Verstehen der Organisation und ihres Kontextes');
  await page.locator('#q-4-1-2').click();
  await expect(page.getByTestId('answered')).toHaveText('1');
  await page.getByRole('button', { name: 'Ergebnisse', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Ihre Zertifizierungsreife' })).toBeVisible();
  await expect(page.getByTestId('band')).toHaveText('Frühes Stadium: nicht bereit für ein Zertifizierungsaudit');
  // Maturity with a decimal comma; percentages with a space before the sign.
  await expect(page.locator('[data-section="4"] [data-col="maturity"]')).toHaveText('0,7');
  await expect(page.locator('[data-section="4"] [data-col="percent"]')).toHaveText('22\u202f%');
  await page.getByRole('button', { name: 'Fahrplan', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Fahrplan zum Zertifizierungsaudit' })).toBeVisible();
  await expect(page.getByTestId('target-verdict')).toContainText('30.09.2027');
  await expect(page.locator('.phase[data-phase="1"] h2')).toContainText('Bewertung und Planung');
  expect(await axe(page, 'German roadmap')).toEqual([]);
  expect(errors).toEqual([]);
});

test('a German browser gets German, and switching keeps every answer and survives a reload', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'de-DE' });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Wie bereit ist');
  // Switch to English before starting: the choice wins over the browser's language from now on.
  await page.getByTestId('language').selectOption('en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('How ready is your AI management system for ISO/IEC 42001?');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByRole('button', { name: /quick scan/ }).click();
  await fillProfileWithMouse(page, profile);
  await page.locator('#q-4-1-2').click();
  await page.locator('#q-4-3-1').click();
  await page.locator('[data-item="4.1"] summary', { hasText: 'Add a note' }).click();
  await page.locator('#note-4-1').fill('Context workshop held in May');
  await expect(page.getByTestId('answered')).toHaveText('2');
  // Switching mid-assessment: same answers, same note, same section, German texts.
  await page.getByTestId('language').selectOption('de');
  await expect(page.getByRole('heading', { name: 'Kontext der Organisation' })).toBeVisible();
  await expect(page.getByTestId('answered')).toHaveText('2');
  await expect(page.locator('#q-4-1-2')).toBeChecked();
  await expect(page.locator('#q-4-3-1')).toBeChecked();
  await expect(page.locator('#note-4-1')).toHaveValue('Context workshop held in May');
  await expect(page.locator('label[for="q-4-1-2"]')).toContainText('Umgesetzt und dokumentiert');
  // The choice is remembered on this device only.
  expect(await page.evaluate(() => localStorage.getItem('aims-readiness:language'))).toBe('de');
  await page.reload();
  // It resumes at the first section with open questions (clause 5), still in German.
  await expect(page.locator('#section-title')).toHaveText('Führung');
  await expect(page.getByTestId('answered')).toHaveText('2');
  // And back to English, nothing lost.
  await page.getByTestId('language').selectOption('en');
  await expect(page.locator('#section-title')).toHaveText('Leadership');
  await expect(page.getByTestId('answered')).toHaveText('2');
  expect(errors).toEqual([]);
  await context.close();
});

test('German exports use German words, semicolons and decimal commas', async ({ page }) => {
  await page.goto('/index.html?lang=de&questionnaire=iso42001-quick-scan');
  await fillProfileWithMouse(page, profile);
  await page.locator('#q-4-1-1').click();
  await page.getByRole('button', { name: 'Ergebnisse', exact: true }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-gap').click()]);
  const text = readFileSync(await download.path(), 'utf8').replace(/^\ufeff/, '');
  const header = text.split('\r\n')[0];
  expect(header).toBe('Frage;Titel;Reifestufe;Ziel;Lücke;Zertifizierungshindernis;Maßnahmen;Phase;Aufwand (Personentage);Notiz');
  expect(text).toContain('Verstehen der Organisation und ihres Kontextes');
  expect(text).toMatch(/;\d+,\d;/);
  // A notice raised in German stays German: a refused file names its problem in German.
  await page.getByTestId('open-file').first().setInputFiles({ name: 'leer.json', mimeType: 'application/json', buffer: Buffer.from('') });
  await expectMessage(page.getByRole('alert'), '„leer.json“ wurde nicht geöffnet: die Datei ist leer');
});

test('a visitor downloads one language, and switching reloads into the other on the same screen', async ({ page }) => {
  const errors = watchErrors(page);
  const contents = [];
  page.on('request', (r) => {
    const name = new URL(r.url()).pathname.split('/').pop();
    if (name.startsWith('content-')) contents.push(name.replace(/-[0-9a-f]{16}\.bin$/, ''));
  });
  await page.goto('/');
  await page.getByRole('button', { name: /quick scan/ }).click();
  await fillProfileWithMouse(page, profile);
  await page.locator('#q-4-1-2').click();
  await page.getByRole('button', { name: 'Results', exact: true }).click();
  await expect(page.getByTestId('overall-percent')).toBeVisible();
  expect(contents).toEqual(['content-en']);
  await page.getByTestId('language').selectOption('de');
  // The reload lands on the same screen, in German, with the answer; the address keeps the
  // language so a reload or a blocked storage cannot lose it.
  await expect(page.getByRole('heading', { name: 'Ihre Zertifizierungsreife' })).toBeVisible();
  await expect(page.locator('.aims')).toHaveAttribute('data-screen', 'results');
  expect(new URL(page.url()).searchParams.get('lang')).toBe('de');
  expect(contents).toEqual(['content-en', 'content-de']);
  await page.getByRole('button', { name: 'Fragen', exact: true }).click();
  await expect(page.getByTestId('answered')).toHaveText('1');
  expect(errors).toEqual([]);
});

test('with storage blocked, a language switch first warns that the answers would be lost', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });
  });
  await page.goto('/');
  await page.getByRole('button', { name: /quick scan/ }).click();
  await fillProfileWithMouse(page, profile);
  await page.locator('#q-4-1-2').click();
  await page.getByTestId('language').selectOption('de');
  await expect(page.getByRole('alert')).toContainText('would be lost');
  await expect(page.getByTestId('language')).toHaveValue('en');
  await expect(page.getByTestId('answered')).toHaveText('1');
  // Chosen again, knowingly: the page reloads into German (and the unsaved answer is gone).
  await page.getByTestId('language').selectOption('de');
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Wie bereit ist');
});
