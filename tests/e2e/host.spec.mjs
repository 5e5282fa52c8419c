// What a host configures in host.json: a message and call to action for each readiness band
// and the weakest section (on screen and in the printed report), bad entries reported in the
// console and dropped, and the hand-off: the mailto link carries exactly the text shown, and
// no request is made.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { appStarted, axe, items, openFile, plain, root, saveDom, saveFile, vnuErrors, watchErrors } from './helpers.mjs';

// axe is injected as a script; the page's own CSP forbids that, so these tests bypass it.
test.use({ bypassCSP: true });

/** The complete host.json example from the README, as a host would copy it. */
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const example = readme.match(/```json host\.json\n([\s\S]*?)```/)[1];
const config = JSON.parse(example);

async function withHost(page, text) {
  await page.route('**/host.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: text }));
}

const full = 'iso42001-full';
const A6 = Object.fromEntries(items(full).filter((i) => i.startsWith('A.6.')).map((i) => [i, 2]));
const runs = [
  ['early-stage', saveFile(full, 0)],
  ['not-ready', saveFile(full, 1)],
  ['indicative', saveFile('iso42001-quick-scan', 3)],
  // The audit programme planned (level 1) but no audit yet: a stage 1 audit can start.
  ['stage1-ready', saveFile(full, 3, { '9.2.2': 1 })],
  ['nearly-ready', saveFile(full, 2)],
  ['audit-ready', saveFile(full, 3, A6)],
];

for (const [band, file] of runs) {
  test(`the host's message and call to action for "${band}", on screen and in print`, async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = watchErrors(page);
    await withHost(page, example);
    await openFile(page, file);
    await expect(page.locator('.summary')).toHaveClass(new RegExp(`band-${band}`));
    const message = page.locator(`[data-kind="band"][data-key="${band}"]`);
    await expect(message).toContainText(config.bands[band].message);
    const cta = message.getByRole('link', { name: config.bands[band].cta.label });
    await expect(cta).toHaveAttribute('href', config.bands[band].cta.url);
    await expect(cta).toHaveAttribute('rel', 'noopener noreferrer');
    if (band === 'audit-ready') {
      // A.6 has the lowest score: its message shows too.
      await expect(page.locator('[data-kind="weakest"][data-key="A.6"]')).toContainText(config.weakest['A.6'].message);
    } else {
      await expect(page.locator('[data-kind="weakest"]')).toHaveCount(0);
    }
    await page.getByTestId('to-report').click();
    await page.emulateMedia({ media: 'print' });
    const printed = page.locator(`[data-kind="band"][data-key="${band}"]`);
    await expect(printed).toContainText(config.bands[band].message);
    await expect(printed.locator('.print-only')).toHaveText(` ${config.bands[band].cta.url}`);
    await expect(printed.locator('.print-only')).toBeVisible();
    expect(errors).toEqual([]);
    await context.close();
  });
}

test('a host.json with mistakes: each is reported in the console, the good entries stay, no markup', async ({ page }) => {
  const warnings = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  await withHost(page, JSON.stringify({
    name: 'Example <img src=x onerror=alert(1)>',
    bands: {
      'not-ready': { message: 'Call <b>us</b>', cta: { label: 'Go', url: 'javascript:alert(1)' } },
      'early-stage': { message: 'Start small.' },
    },
    colour: 'red',
  }));
  await openFile(page, saveFile(full, 0));
  await expect(page.locator('[data-kind="band"][data-key="early-stage"]')).toHaveText('Start small.');
  expect(warnings.filter((w) => w.includes('host.json: ignored'))).toHaveLength(4);
  await expect(page.locator('.aims img, .aims b')).toHaveCount(0);
  await expect(page.getByTestId('handoff-open'), 'no contact, no hand-off').toHaveCount(0);
});

test('the hand-off opens the mail program with exactly the text shown, and sends nothing itself', async ({ page }) => {
  const errors = watchErrors(page);
  await withHost(page, example);
  await openFile(page, saveFile(full, 2, { '9.2.2': 0 }));
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.getByTestId('handoff-open').click();
  expect(plain(await page.getByTestId('handoff-open').textContent())).toBe('Send my summary to Example Advisory');
  await expect(page.locator('.handoff-panel')).toContainText('readiness@example.org');
  await expect(page.getByTestId('handoff-open')).toHaveAttribute('aria-expanded', 'true');
  const text = page.getByTestId('handoff-text');
  await expect(text).not.toHaveValue(/Scope draft/);
  await page.getByTestId('handoff-message').fill('Hello,\nplease call me on Monday & Tuesday.');
  await page.getByTestId('handoff-notes').check();
  await expect(text).toHaveValue(/^Hello,\nplease call me on Monday & Tuesday\.\n\n/);
  await expect(text).toHaveValue(/Scope draft & owner: CISO/);
  await expect(text).toHaveValue(/Certification blockers \(1\): 9\.2\.2 Internal audit programme\./);
  await expect(text).toHaveValue(/Organisation profile: Size: [^;]+; AI roles: [^;]+; AI systems in scope: \d+; Certifications held: [^;]+; Target date for the certification audit: [^.]+\./);
  // Name, organisation and phone go in only when filled in, exactly as typed.
  await expect(text).not.toHaveValue(/^Name:/);
  await page.getByTestId('handoff-name').fill('Zoë O\'Brien & <Co>');
  await page.getByTestId('handoff-phone').fill('+49 30 1234-5');
  await expect(text).toHaveValue(/^Name: Zoë O'Brien & <Co>\nPhone: \+49 30 1234-5\n\nHello,\n/);
  await expect(text).not.toHaveValue(/Organisation: /);
  const shown = await text.inputValue();
  const href = await page.getByTestId('handoff-mailto').getAttribute('href');
  const url = new URL(href);
  expect(url.protocol).toBe('mailto:');
  expect(url.pathname).toBe('readiness@example.org');
  const body = decodeURIComponent(href.split('&body=')[1]).replaceAll('\r\n', '\n');
  expect(body).toBe(shown);
  // The subject names the standard once.
  const subject = decodeURIComponent(href.split('?subject=')[1].split('&')[0]);
  expect(subject).toMatch(/^Readiness summary: ISO\/IEC 42001 /);
  expect(subject.match(/42001/g)).toHaveLength(1);
  // The results with the host's messages and the open hand-off: valid, and no axe violation.
  expect(vnuErrors([await saveDom(page, test.info().outputPath('handoff.html'))])).toEqual([]);
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    expect(await axe(page, `results with the hand-off (${scheme})`)).toEqual([]);
  }
  await page.getByTestId('handoff-mailto').click();
  // Too long for a mail link: copy and the save file instead.
  await page.getByTestId('handoff-message').fill('x'.repeat(900));
  await expect(page.getByTestId('handoff-too-long')).toBeVisible();
  await expect(page.getByTestId('handoff-mailto')).toHaveCount(0);
  const saved = page.waitForEvent('download');
  await page.getByTestId('handoff-save').click();
  expect((await saved).suggestedFilename()).toMatch(/\.json$/);
  // The click hands the mailto: address to the browser (Playwright lists it as a navigation
  // request); nothing goes over the network.
  expect(requests.filter((u) => !u.startsWith('mailto:') && !u.startsWith('blob:'))).toEqual([]);
  expect(requests.filter((u) => u.startsWith('mailto:'))).toHaveLength(1);
  expect(errors).toEqual([]);
});

test('a French visitor reads the host\'s French texts, a Spanish one the host\'s own language', async ({ page }) => {
  const errors = watchErrors(page);
  await withHost(page, JSON.stringify({
    language: 'de',
    name: { de: 'Beispiel Beratung', fr: 'Conseil Exemple' },
    contact: 'mailto:team@example.org',
    bands: { 'early-stage': {
      message: { de: 'Die meisten beginnen hier.', fr: 'La plupart commencent ici.' },
      cta: { label: { de: 'Workshop buchen', fr: 'Réserver un atelier' }, url: 'https://example.org/atelier' },
    } },
  }));
  for (const [lang, name, message, label] of [
    ['fr', 'Conseil Exemple', 'La plupart commencent ici.', 'Réserver un atelier'],
    ['es', 'Beispiel Beratung', 'Die meisten beginnen hier.', 'Workshop buchen'],
  ]) {
    await page.goto(`/?lang=${lang}`);
    await appStarted(page);
    await page.getByTestId('open-file').setInputFiles(saveFile(full, 0));
    const band = page.locator('[data-kind="band"][data-key="early-stage"]');
    await expect(band).toContainText(message);
    await expect(band.getByRole('link')).toHaveText(label);
    await expect(page.getByTestId('handoff-open')).toContainText(name);
  }
  expect(errors).toEqual([]);
});

test("a host's dark or pale accent: its buttons, links and ids still read in both schemes, in the host's hue", async ({ page }) => {
  const errors = watchErrors(page);
  for (const [accent, schemes] of [
    // Navy reads on light backgrounds as it is; in the dark scheme it is lightened.
    ['#1f3a5f', { light: 'rgb(31, 58, 95)', dark: null }],
    // Yellow is darkened in the light scheme and reads as it is in the dark one.
    ['#ffd200', { light: null, dark: 'rgb(255, 210, 0)' }],
  ]) {
    await withHost(page, JSON.stringify({ accent }));
    await page.goto('/');
    await appStarted(page);
    await page.getByTestId('open-file').setInputFiles(saveFile(full, 1));
    await expect(page.getByTestId('overall-percent')).toBeVisible();
    for (const [scheme, unchanged] of Object.entries(schemes)) {
      await page.emulateMedia({ colorScheme: scheme });
      expect(await axe(page, `results with the accent ${accent} (${scheme})`)).toEqual([]);
      const colour = await page.locator('.button.secondary').first().evaluate((e) => getComputedStyle(e).color);
      if (unchanged) expect(colour).toBe(unchanged);
      else {
        // Adjusted, and still the accent's hue: blue stays the strongest channel of navy, red
        // and green of yellow.
        const [r, g, b] = colour.match(/\d+/g).map(Number);
        expect(colour).not.toBe(accent === '#1f3a5f' ? 'rgb(31, 58, 95)' : 'rgb(255, 210, 0)');
        expect(accent === '#1f3a5f' ? b > r && b > g : r > b && g > b).toBe(true);
      }
    }
    await page.emulateMedia({ colorScheme: 'light' });
  }
  expect(errors).toEqual([]);
});
