// Data safety and the rough edges of issue 11: whatever a person types comes back exactly, in
// every place it goes; files never replace answers silently; screens open at their top.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parse as parseCsv } from 'csv-parse/sync';
import { answerAllWithMouse, appStarted, domId, expectMessage, fillProfileWithMouse, fixture, openQuickScan, watchErrors } from './helpers.mjs';

const markdownIt = createRequire(import.meta.url)('markdown-it');

/** What people type or paste: markup-like text, addresses in angle brackets, a script address,
 *  emoji, right-to-left text with an override, pasted control characters, every line break. */
const HOSTILE = [
  'Owner: Jane <jane@example.org>',
  '<img src=x onerror=alert(1)> <script>alert(1)</script> **not bold** [x](javascript:alert(1))',
  'see javascript:alert(1) 🙂 👩‍💻 🇩🇪',
  'نص عربي \u202ereversed\u202c עברית',
  'bell \u0007 escape \u001b[31m vertical tab \u000b end',
  'first line\nsecond line\n# not a heading',
];
const NOTES = { '4.1': HOSTILE[0], '4.3': HOSTILE[1], '5.2': HOSTILE[3], '6.1.2': HOSTILE[4] };
const JUSTIFICATIONS = { 'A.7.4': HOSTILE[2], 'A.8.2': HOSTILE[5] };

async function typeEverything(page) {
  const run = fixture('mouse-run');
  await openQuickScan(page);
  await fillProfileWithMouse(page, run.profile);
  const answers = { ...run.answers };
  for (const [id, why] of Object.entries(JUSTIFICATIONS)) answers[id] = { not_applicable: why };
  // Notes are typed on the way through the sections.
  for (let guard = 0; guard < 30; guard++) {
    const ids = await page.locator('fieldset.question').evaluateAll((els) => els.map((e) => e.dataset.item));
    for (const id of ids) {
      const answer = answers[id];
      if (answer === undefined) continue;
      const value = typeof answer === 'number' ? String(answer) : answer === 'dont_know' ? 'dont-know' : 'not-applicable';
      await page.locator(`fieldset[data-item="${id}"] input[value="${value}"]`).click();
      if (typeof answer === 'object') await page.locator(`#${domId(id)}-justification`).fill(answer.not_applicable);
      if (NOTES[id]) {
        await page.locator(`#item-${domId(id)} .note summary`).click();
        await page.locator(`#note-${domId(id)}`).fill(NOTES[id]);
      }
    }
    const next = page.getByTestId('next');
    const last = (await next.textContent()).includes('See your results');
    await next.click();
    if (last) return;
  }
  throw new Error('never reached the results');
}

async function expectEverythingBack(page) {
  await page.getByRole('button', { name: 'Questions', exact: true }).click();
  for (const [id, note] of Object.entries(NOTES)) {
    await page.locator('.section-link', { hasText: sectionTitle(id) }).click();
    await expect(page.locator(`#note-${domId(id)}`)).toHaveValue(note);
  }
  for (const [id, why] of Object.entries(JUSTIFICATIONS)) {
    await page.locator('.section-link', { hasText: sectionTitle(id) }).click();
    await expect(page.locator(`#${domId(id)}-justification`)).toHaveValue(why);
  }
}

const TITLES = { '4': 'Context of the organization', '5': 'Leadership', '6': 'Planning', 'A.7': 'Data for AI systems', 'A.8': 'Information for interested parties' };
const sectionTitle = (id) => TITLES[id.startsWith('A.') ? id.split('.').slice(0, 2).join('.') : id.split('.')[0]];

async function download(page, testid) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
  return readFileSync(await file.path(), 'utf8');
}

test('typed text survives reload, save file, share link and every export exactly', async ({ page, browser }) => {
  const errors = watchErrors(page);
  await typeEverything(page);
  await expect(page.getByTestId('overall-percent')).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('overall-percent')).toBeVisible();
  await expectEverythingBack(page);

  // Save to file, start over, open the file: the same words again.
  const saved = await download(page, 'save-file');
  const json = JSON.parse(saved);
  for (const [id, note] of Object.entries(NOTES)) expect(json.notes[id]).toBe(note);
  for (const [id, why] of Object.entries(JUSTIFICATIONS)) expect(json.answers[id].not_applicable).toBe(why);
  await page.getByRole('button', { name: 'Start over' }).click();
  await page.getByRole('button', { name: 'Yes, clear everything' }).click();
  await page.getByTestId('open-file').setInputFiles({ name: 'mine.json', mimeType: 'application/json', buffer: Buffer.from(saved) });
  await expect(page.getByTestId('overall-percent')).toBeVisible();
  await expectEverythingBack(page);
  // ... and a reload right after opening keeps the opened profile and answers.
  await page.reload();
  await expect(page.getByTestId('overall-percent')).toBeVisible();

  // The share link carries the justifications (not the notes) unchanged.
  await page.getByTestId('share').click();
  const link = await page.getByTestId('share-link').inputValue();
  const other = await browser.newContext();
  const view = await other.newPage();
  await view.goto(link);
  await view.getByRole('button', { name: 'Import these answers' }).click();
  await view.getByRole('button', { name: 'Questions', exact: true }).click();
  for (const [id, why] of Object.entries(JUSTIFICATIONS)) {
    await view.locator('.section-link', { hasText: sectionTitle(id) }).click();
    await expect(view.locator(`#${domId(id)}-justification`)).toHaveValue(why);
  }
  await other.close();

  // Exports: the CSV cell holds the note as typed; Markdown renders it as text, not markup.
  await page.getByRole('button', { name: 'Results', exact: true }).click();
  const csv = parseCsv((await download(page, 'export-gap')).replace(/^\ufeff/, ''), { relax_column_count: false });
  const row = (id) => csv.find((r) => r[0] === `Clause ${id}`);
  for (const [id, note] of Object.entries(NOTES)) expect(row(id)[9]).toBe(note);
  const md = await download(page, 'export-md');
  const html = markdownIt({ html: true }).render(md);
  expect(html).not.toMatch(/<img|<script|<a href="javascript/i);
  expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  expect(html).toContain('**not bold**');
  expect(html).toContain('Owner: Jane &lt;jane@example.org&gt;');
  expect(html).not.toContain('<h1>not a heading');
  // The printed report shows the excluded controls with their justifications.
  await page.getByTestId('to-report').click();
  await expect(page.locator('.report-exclusions li[data-item="A.7.4"] .note-text')).toHaveText(HOSTILE[2]);
  expect(errors).toEqual([]);
});

test('a justification stops at the stored limit while typing and survives a reload', async ({ page }) => {
  await openQuickScan(page);
  await fillProfileWithMouse(page, fixture('mouse-run').profile);
  await page.locator('.section-link', { hasText: 'Data for AI systems' }).click();
  await page.locator('fieldset[data-item="A.7.4"] input[value="not-applicable"]').click();
  const area = page.locator('#A-7-4-justification');
  await area.fill('');
  await area.pressSequentially('x'.repeat(20));
  await area.evaluate((el) => {
    // A paste of 5,800 characters: the field's maxlength cuts it, as for a person.
    el.focus();
    document.execCommand('insertText', false, 'y'.repeat(5800));
  });
  const value = await area.inputValue();
  expect(value.length).toBe(5000);
  await expect(page.locator('#A-7-4-justification-count')).toHaveText('5,000 of 5,000 characters');
  await page.reload();
  await page.getByRole('button', { name: 'Questions', exact: true }).click();
  await page.locator('.section-link', { hasText: 'Data for AI systems' }).click();
  await expect(page.locator('#A-7-4-justification')).toHaveValue(value);
});

test('opening an older file over more answers asks, says what it replaces, and can be undone', async ({ page }) => {
  const errors = watchErrors(page);
  const run = fixture('mouse-run');
  await openQuickScan(page);
  await fillProfileWithMouse(page, run.profile);
  // An early save with only the first section answered.
  const first = await page.locator('fieldset.question').evaluateAll((els) => els.map((e) => e.dataset.item));
  for (const id of first) await page.locator(`fieldset[data-item="${id}"] input[value="${run.answers[id]}"]`).click();
  const early = await download(page, 'save-file');
  await page.getByTestId('next').click();
  await answerAllWithMouse(page, run.answers);
  await page.getByTestId('open-file').first().setInputFiles({ name: 'early.json', mimeType: 'application/json', buffer: Buffer.from(early) });
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toContainText(`It holds ${first.length} answers`);
  await expect(dialog).toContainText('It replaces the 24 answers you have now');
  // Keeping is the default; nothing changed.
  await dialog.getByRole('button', { name: 'Keep my current answers' }).click();
  await expect(page.getByTestId('overall-percent')).toBeVisible();
  await page.getByTestId('open-file').first().setInputFiles({ name: 'early.json', mimeType: 'application/json', buffer: Buffer.from(early) });
  await page.getByTestId('confirm-import').click();
  await expect(page.getByTestId('answered')).toHaveText(String(first.length));
  await page.getByTestId('undo-import').click();
  await expect(page.getByRole('status').first()).toContainText('are back');
  await page.reload();
  await expect(page.getByTestId('overall-percent')).toBeVisible();
  // The comparison on the results screen has its own name and replaces nothing.
  await expect(page.getByTestId('compare-file')).toHaveCount(1);
  await expect(page.locator('.compare-open')).toContainText('Compare with a saved file');
  expect(errors).toEqual([]);
});

test('a save file dropped in the page margin, outside the widget, is opened', async ({ page }) => {
  await page.setViewportSize({ width: 1800, height: 900 });
  await openQuickScan(page);
  await fillProfileWithMouse(page, fixture('mouse-run').profile);
  await page.locator('#q-4-1-2').click();
  const saved = await download(page, 'save-file');
  await page.getByRole('button', { name: 'Start over' }).click();
  await page.getByRole('button', { name: 'Yes, clear everything' }).click();
  const outside = await page.evaluate(() => {
    const aims = document.querySelector('.aims').getBoundingClientRect();
    return { x: Math.max(5, aims.left - 60), y: 300, inWidget: aims.left > 70 };
  });
  expect(outside.inWidget).toBe(true);
  await page.evaluate(({ text, x, y }) => {
    const target = document.elementFromPoint(x, y) ?? document.body;
    const data = new DataTransfer();
    data.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
    for (const type of ['dragenter', 'dragover', 'drop']) {
      target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data, clientX: x, clientY: y }));
    }
  }, { text: saved, ...outside });
  await expect(page.getByRole('status').first()).toContainText('Opened the saved assessment (1 answer)');
});

test('each new screen opens on its heading, focused and in the top third of the view', async ({ browser }) => {
  for (const viewport of [{ width: 360, height: 740 }, { width: 800, height: 600 }, { width: 1280, height: 900 }]) {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await openQuickScan(page);
    await fillProfileWithMouse(page, fixture('mouse-run').profile);
    await answerAllWithMouse(page, fixture('mouse-run').answers);
    const atTop = async (name) => {
      const heading = page.getByRole('heading', { level: 1, name });
      await expect(heading).toBeFocused();
      // The heading is on screen, in the top third of the view (the widget's own chrome may
      // be scrolled away above it).
      await expect(heading).toBeInViewport({ ratio: 1 });
      const top = await heading.evaluate((h) => h.getBoundingClientRect().top);
      expect(top, `${name} at ${viewport.width}px`).toBeLessThan(viewport.height / 3);
    };
    await atTop('Your readiness');
    await page.getByTestId('to-roadmap').click();
    await atTop('Roadmap to a certification audit');
    await page.getByRole('button', { name: 'Results', exact: true }).click();
    await page.getByTestId('to-report').click();
    await expect(page.getByTestId('print')).toBeInViewport();
    await page.getByRole('button', { name: 'Back to the results' }).click();
    await atTop('Your readiness');
    // "Review this answer" opens the question itself, focused and in view.
    await page.getByRole('button', { name: 'Review this answer' }).first().click();
    const focused = page.locator('fieldset.question:focus-within');
    await expect(focused).toHaveCount(1);
    await expect(focused).toBeInViewport();
    await context.close();
  }
});

test('Enter in the profile form continues to the questions', async ({ page }) => {
  await openQuickScan(page);
  const run = fixture('mouse-run');
  await page.locator(`input[name="size"][value="${run.profile.size}"]`).check();
  for (const role of run.profile.roles) await page.locator(`input[name="roles"][value="${role}"]`).check();
  for (const c of run.profile.certifications) await page.locator(`input[name="certifications"][value="${c}"]`).check();
  await page.locator(`input[name="high_risk"][value="${run.profile.high_risk}"]`).check();
  await page.locator('input[name="prohibited"][value="no"]').check();
  await page.locator('#systems').fill('4');
  await page.locator('#systems').press('Enter');
  await expect(page.getByTestId('next')).toBeVisible();
});

test('an unknown questionnaire in the embed URL is reported in the console', async ({ page }) => {
  const warnings = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  await page.goto('/index.html?questionnaire=no-such-check');
  await appStarted(page);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(warnings.some((w) => w.includes('questionnaire=no-such-check'))).toBe(true);
});

test('a refusal quoting a right-to-left override is isolated and cut short', async ({ page }) => {
  await openQuickScan(page);
  await fillProfileWithMouse(page, fixture('mouse-run').profile);
  const name = `\u202emalicious-${'x'.repeat(200)}.json`;
  await page.getByTestId('open-file').first().setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from('{') });
  const text = await page.getByRole('alert').first().textContent();
  expect(text).not.toContain('\u202e');
  expect(text).toContain('\u2068');
  expect(text).toContain('…');
  expect(text.length).toBeLessThan(400);
  await expectMessage(page.getByRole('alert'), 'Your current answers are unchanged');
});

test('a save file in another encoding is refused with a clear message', async ({ page }) => {
  await openQuickScan(page);
  await fillProfileWithMouse(page, fixture('mouse-run').profile);
  await page.locator('#q-4-1-2').click();
  const saved = await download(page, 'save-file');
  const json = JSON.parse(saved);
  json.notes['4.1'] = 'Zoï Müller';
  const latin1 = Buffer.from(JSON.stringify(json), 'latin1');
  await page.getByTestId('open-file').first().setInputFiles({ name: 'cp1252.json', mimeType: 'application/json', buffer: latin1 });
  await expectMessage(page.getByRole('alert'), 'not UTF-8 text');
});

test('answers saved under an older version of the questionnaire are carried over on the next visit', async ({ page }) => {
  await page.goto('/');
  // Wait for the app: written while it still boots, the old save would be migrated by this
  // first page already, and the reload would find nothing left to carry over.
  await appStarted(page);
  const old = {
    format: 1,
    questionnaire: 'iso42001-quick-scan',
    version: '1.0.0',
    saved_at: '2026-11-20T10:00:00.000Z',
    profile: { size: 'small', roles: ['uses'], systems: 1, certifications: [], high_risk: 'no', target_date: null },
    answers: { '4.1': { level: 2 }, '4.3': { level: 1 } },
    notes: { '4.1': 'Context note from last month' },
  };
  await page.evaluate((text) => {
    localStorage.setItem('aims-readiness:last', 'iso42001-quick-scan');
    localStorage.setItem('aims-readiness:iso42001-quick-scan:1.0.0', text);
  }, JSON.stringify(old));
  await page.reload();
  await expect(page.getByRole('status').first()).toContainText('carried over to version 2.0.0');
  // The new screening question was not asked then: the profile asks for it first.
  await page.locator('input[name="prohibited"][value="no"]').click();
  await page.getByTestId('profile-continue').click();
  await expect(page.getByTestId('answered')).toHaveText('2');
  await page.locator('.section-link', { hasText: 'Context of the organization' }).click();
  await expect(page.locator('#note-4-1')).toHaveValue('Context note from last month');
  const keys = await page.evaluate(() => Object.keys(localStorage).sort());
  expect(keys).toContain('aims-readiness:iso42001-quick-scan:1.0.0');
  expect(keys).toContain('aims-readiness:iso42001-quick-scan:2.0.0');
});
