// The host studio (dist/host-studio.html): a form for host.json beside the live widget. Each
// problem the widget's own validation finds shows next to its field; the band picker previews
// each result page; the host.json it writes is applied by the widget exactly; nothing leaves
// the site.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { saveDom, vnuErrors, watchErrors } from './helpers.mjs';

// A preview replaced while it was still loading has its downloads cancelled (the widget's own
// hashed files: content, questionnaires, later modules); nothing else may fail.
const CANCELLED = /^console: Fetch API cannot load http:\/\/127\.0\.0\.1:\d+\/(aims-readiness-|content-|questions-)[A-Za-z0-9_-]*\.(wasm|bin)\b/;
const fill = async (page, key, value) => page.locator(`[data-key="${key}"]`).fill(value);

test('the studio previews each setting live, flags bad fields, and writes a host.json the widget applies exactly', async ({ page }, testInfo) => {
  const errors = watchErrors(page);
  await page.goto('/host-studio.html');
  const origin = new URL(page.url()).origin;
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  const preview = page.frameLocator('#preview');
  await expect(preview.getByRole('heading', { level: 1 })).toContainText('ISO/IEC 42001');
  await fill(page, 'name', 'Acme Advisory');
  await fill(page, 'contact', 'mailto:readiness@acme.example');
  await fill(page, 'accent', '#8a3b12');
  await page.locator('#bands details').nth(1).locator('summary').click();
  await fill(page, 'bands.not-ready.message', 'Your gaps are clear: our programme & "plan".');
  await fill(page, 'bands.not-ready.cta.label', 'See the programme');
  await fill(page, 'bands.not-ready.cta.url', 'https://acme.example/programme');
  await fill(page, 'courses.A.6', 'https://academy.acme.example/life-cycle');
  await page.locator('#events').selectOption('band');
  // The result page for "not ready", with this host's words, link, colour and events notice.
  await page.locator('#band').selectOption('not-ready');
  const band = preview.locator('[data-kind="band"][data-key="not-ready"]');
  await expect(band).toContainText('Your gaps are clear: our programme & "plan".');
  await expect(band.getByRole('link', { name: 'See the programme' })).toHaveAttribute('href', 'https://acme.example/programme');
  await expect(preview.locator('[data-course="A.6"]')).toHaveAttribute('href', 'https://academy.acme.example/life-cycle');
  expect(await preview.locator('.aims').evaluate((el) => el.style.getPropertyValue('--aims-accent'))).toBe('#8a3b12');
  await expect(page.locator('#problems-summary')).toHaveText('No problems: the widget applies every setting.');

  // Bad values: each flagged next to its own field, with the widget's reason.
  await fill(page, 'accent', 'red;}body{display:none');
  await page.locator('#bands details').first().locator('summary').click();
  await fill(page, 'bands.early-stage.cta.label', 'Book');
  await fill(page, 'bands.early-stage.cta.url', 'javascript:alert(1)');
  await fill(page, 'contact', 'mailto:a@acme.example?cc=b@evil.example');
  await expect(page.locator('#problems-summary')).toHaveText('3 problems: see the marked fields.');
  for (const [key, words] of [['accent', 'a colour'], ['bands.early-stage.cta.label', 'needs a label'], ['contact', 'one mailto: address']]) {
    const input = page.locator(`[data-key="${key}"]`);
    await expect(input).toHaveAttribute('aria-invalid', 'true');
    const note = page.locator(`#${await input.getAttribute('aria-describedby')}`);
    await expect(note).toContainText(words);
  }
  await expect(page.locator('[data-key="bands.not-ready.message"]')).not.toHaveAttribute('aria-invalid');
  // Put right, the marks go.
  await fill(page, 'accent', '#8a3b12');
  await fill(page, 'bands.early-stage.cta.url', 'https://acme.example/workshop');
  await fill(page, 'contact', 'mailto:readiness@acme.example');
  await expect(page.locator('#problems-summary')).toHaveText('No problems: the widget applies every setting.');
  await expect(page.locator('[aria-invalid]')).toHaveCount(0);
  // The studio's own page, with its generated fields, is valid HTML.
  expect(vnuErrors([await saveDom(page, testInfo.outputPath('studio.html'))])).toEqual([]);

  // The download is the host.json shown, and the snippet is the one-line embed.
  const download = page.waitForEvent('download');
  await page.locator('#download').click();
  const file = testInfo.outputPath('host.json');
  await (await download).saveAs(file);
  const written = readFileSync(file, 'utf8');
  expect(written).toBe(await page.locator('#json').inputValue());
  expect(JSON.parse(written)).toEqual({
    name: 'Acme Advisory', contact: 'mailto:readiness@acme.example', accent: '#8a3b12',
    bands: {
      'early-stage': { cta: { label: 'Book', url: 'https://acme.example/workshop' } },
      'not-ready': { message: 'Your gaps are clear: our programme & "plan".', cta: { label: 'See the programme', url: 'https://acme.example/programme' } },
    },
    courses: { 'A.6': 'https://academy.acme.example/life-cycle' },
    events: { band: true },
  });
  await expect(page.locator('#snippet')).toHaveValue(/<aims-readiness src="\/readiness\/"[\s\S]*<script src="\/readiness\/embed.js"><\/script>/);
  // Nothing left the site: every request went to this origin, and the studio page itself
  // (not its preview) fetched nothing.
  expect(requests.filter((u) => !u.startsWith(origin) && !u.startsWith('blob:'))).toEqual([]);
  expect(errors.filter((e) => !CANCELLED.test(e))).toEqual([]);

  // That file, as the site's host.json, is applied by the widget exactly as previewed.
  const site = await page.context().newPage();
  const warnings = [];
  site.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  await site.route('**/host.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: written }));
  const samples = JSON.parse(await page.locator('meta[name="aims-samples"]').getAttribute('content'));
  await site.goto(`/index.html#${samples['not-ready']}`);
  const applied = site.locator('[data-kind="band"][data-key="not-ready"]');
  await expect(applied).toContainText('Your gaps are clear: our programme & "plan".');
  await expect(applied.getByRole('link', { name: 'See the programme' })).toHaveAttribute('href', 'https://acme.example/programme');
  expect(await site.locator('.aims').evaluate((el) => el.style.getPropertyValue('--aims-accent'))).toBe('#8a3b12');
  expect(warnings.filter((w) => w.includes('host.json'))).toEqual([]);
  await site.close();
});

test('the studio opens a host.json, writes texts per language with the preview in that language, and keeps what it has no field for', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/host-studio.html');
  const preview = page.frameLocator('#preview');
  await expect(preview.getByRole('heading', { level: 1 })).toContainText('ISO/IEC 42001');
  const samples = JSON.parse(await page.locator('meta[name="aims-samples"]').getAttribute('content'));
  const open = (name, text) => page.locator('#open').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });

  // Not a host.json: said, with the file's name isolated and as typed, and the form unchanged.
  await page.locator('[data-key="contact"]').fill('mailto:kept@acme.example');
  await open('<img src=x onerror=alert(1)>.json', '{"name": "Acme",');
  await expect(page.locator('#open-status')).toHaveText('\u2068<img src=x onerror=alert(1)>.json\u2069 is not JSON: the form is unchanged.');
  await open('list.json', '["Acme"]');
  await expect(page.locator('#open-status')).toContainText('holds no settings');
  await expect(page.locator('[data-key="contact"]')).toHaveValue('mailto:kept@acme.example');
  await expect(page.locator('img')).toHaveCount(0);

  // A German host's file: German texts are the own language's, French ones are French.
  const host = {
    language: 'de',
    name: { de: 'Beratung Müller', fr: 'Conseil Müller' },
    contact: 'mailto:bereit@mueller.example',
    bands: { 'not-ready': { message: { de: 'Ihre Lücken sind klar.', fr: 'Vos écarts sont clairs.' }, cta: { label: 'Termin', url: 'https://mueller.example/termin' } } },
    courses: { 'A.6': 'https://akademie.mueller.example/a6' },
    'url-settings': true,
    colour: 'teal',
  };
  await open('host.json', JSON.stringify(host));
  await expect(page.locator('#open-status')).toHaveText('Opened \u2068host.json\u2069: its settings are in the form; those the form has no field for are kept as they are.');
  await expect(page.locator('#language')).toHaveValue('de');
  await expect(page.locator('#texts-lang option').first()).toHaveText('Your own language (Deutsch)');
  const name = page.locator('[data-key="name"]');
  await expect(name).toHaveValue('Beratung Müller');
  await expect(name).toHaveAttribute('lang', 'de');
  await expect(page.locator('[data-key="contact"]')).toHaveValue('mailto:bereit@mueller.example');
  await expect(page.locator('[data-key="courses.A.6"]')).toHaveValue('https://akademie.mueller.example/a6');
  // The file's own settings come back out exactly, and the widget's warning for the unknown key
  // is shown (beside the host.json, which has no field for it).
  expect(JSON.parse(await page.locator('#json').inputValue())).toEqual(host);
  await expect(page.locator('#problems-summary')).toHaveText('1 problem: see the marked fields.');
  await expect(page.locator('#json + .problem')).toContainText('colour');

  // Writing French: the French texts, and the preview in French with them.
  await page.locator('#texts-lang').selectOption('fr');
  await expect(name).toHaveValue('Conseil Müller');
  await expect(name).toHaveAttribute('lang', 'fr');
  await expect(page.locator('#preview-lang')).toHaveValue('fr');
  await page.locator('#band').selectOption('not-ready');
  await expect(preview.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(preview.locator('[data-kind="band"][data-key="not-ready"]')).toContainText('Vos écarts sont clairs.');

  // Writing Spanish, where nothing is written yet: the field says what a visitor reads instead.
  await page.locator('#texts-lang').selectOption('es');
  const message = page.locator('[data-key="bands.not-ready.message"]');
  await expect(message).toHaveValue('');
  await expect(message).toHaveAttribute('placeholder', 'Not written in Español: visitors read “Ihre Lücken sind klar.”');
  await page.locator('#bands details').nth(1).locator('summary').click();
  await message.fill('  Sus brechas están claras.\n«Hablemos».');
  await expect(preview.locator('[data-kind="band"][data-key="not-ready"]')).toContainText('Sus brechas están claras.');
  // Back to the own language: its text is still there; the new one is in the file as typed.
  await page.locator('#texts-lang').selectOption('');
  await expect(message).toHaveValue('Ihre Lücken sind klar.');
  const written = JSON.parse(await page.locator('#json').inputValue());
  expect(written.bands['not-ready'].message).toEqual({ de: 'Ihre Lücken sind klar.', fr: 'Vos écarts sont clairs.', es: '  Sus brechas están claras.\n«Hablemos».' });
  expect(written.name).toEqual(host.name);
  expect(written.colour).toBe('teal');

  // That file as the site's host.json: a Spanish visitor reads the Spanish message, an English
  // one the host's own German (no English was written).
  const site = await page.context().newPage();
  await site.route('**/host.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(written) }));
  for (const [lang, words] of [['es', 'Sus brechas están claras.'], ['en', 'Ihre Lücken sind klar.']]) {
    await site.goto(`/index.html?lang=${lang}#${samples['not-ready']}`);
    await expect(site.locator('[data-kind="band"][data-key="not-ready"]')).toContainText(words);
  }
  await site.close();
  expect(errors.filter((e) => !CANCELLED.test(e))).toEqual([]);
});
