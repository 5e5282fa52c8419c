// The team view: three people's real save files side by side, keyboard only, checked by axe and
// the Nu Html Checker, its CSV read by LibreOffice, its Markdown rendered, the consensus
// adopted and undone, and no request made.
import { test, expect } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { answerAllWithMouse, appStarted, axe, fillProfileWithMouse, fixture, openFile, openQuickScan, plain, saveDom, saveFile, spreadsheetCells, vnuErrors, watchErrors } from './helpers.mjs';

const markdownIt = createRequire(import.meta.url)('markdown-it');

// axe is injected as a script; the page's own CSP forbids that, so these tests bypass it.
test.use({ bypassCSP: true });

async function download(page, testId) {
  const pending = page.waitForEvent('download');
  await page.getByTestId(testId).first().click();
  const file = await pending;
  return { name: file.suggestedFilename(), path: await file.path(), text: readFileSync(await file.path(), 'utf8') };
}

/** One person answers the quick scan in their own browser and saves the file. */
async function saveFileOf(browser, answers) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const run = fixture('mouse-run');
  await openQuickScan(page);
  await fillProfileWithMouse(page, run.profile);
  await answerAllWithMouse(page, { ...run.answers, ...answers });
  const file = await download(page, 'save-file');
  await context.close();
  return file.text;
}

/** Presses Tab until `locator` has the focus: proves it is reachable by keyboard alone. */
async function tabTo(page, locator) {
  for (let n = 0; n < 400; n++) {
    if (await locator.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('never reached by Tab');
}

test('three respondents side by side: disagreements, the consensus adopted and undone, keyboard only, no request', async ({ browser }, testInfo) => {
  test.setTimeout(180_000);
  const files = [
    { name: 'ciso.json', text: await saveFileOf(browser, {}) },
    { name: 'data-science.json', text: await saveFileOf(browser, { '4.3': 0, '5.2': 'dont_know' }) },
    { name: 'legal.json', text: await saveFileOf(browser, { '4.3': 3, 'A.9.4': 0 }) },
  ];
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = watchErrors(page);
  const run = fixture('mouse-run');
  await openQuickScan(page);
  await fillProfileWithMouse(page, run.profile);
  await answerAllWithMouse(page, { ...run.answers, '4.3': 1 });
  await appStarted(page);
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));

  await page.getByTestId('open-team').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Compare respondents' })).toBeFocused();
  await expect(page.getByText('Add at least 2 files to compare them.')).toBeVisible();
  // Three good files and a bad one at once: the bad one is refused by name, the others stay.
  await page.getByTestId('team-files').setInputFiles([
    ...files.map((f) => ({ name: f.name, mimeType: 'application/json', buffer: Buffer.from(f.text) })),
    { name: 'minutes.txt', mimeType: 'text/plain', buffer: Buffer.from('Workshop minutes, not a save file') },
  ]);
  await expect(page.locator('[data-respondent]')).toHaveCount(3);
  await expect.poll(async () => plain(await page.getByTestId('team-refused').textContent())).toContain('"minutes.txt" was not added');
  await expect(page.getByTestId('team-refused')).toContainText('The other files stay.');

  // Per item: each answer, median, spread and the mark.
  const row = (id) => page.locator(`[data-testid="team-items"] tr[data-item="${id}"]`);
  await expect(row('4.3').locator('[data-col="median"]')).toHaveText('2.0');
  await expect(row('4.3').locator('[data-col="spread"]')).toHaveText('3');
  await expect(row('4.3')).toHaveClass(/disagree/);
  await expect(row('4.1')).not.toHaveClass(/disagree/);
  await expect(row('5.2')).toContainText("Don't know");
  const discuss = await page.locator('[data-testid="discuss-first"] li').evaluateAll((els) => els.map((e) => e.dataset.item));
  expect(discuss).toEqual(['4.3', '5.2', 'A.9.4', 'A.8.2']);
  // The heatmap has a cell per item and respondent, and a flag per marked item.
  const items = await page.locator('[data-testid="team-items"] tbody tr').count();
  await expect(page.locator('[data-testid="heatmap"] rect.heat')).toHaveCount(items * 3);
  await expect(page.locator('[data-testid="heatmap"] .flag')).toHaveCount(await page.locator('[data-testid="team-items"] tbody tr.disagree').count());

  // The DOM as rendered, before axe adds its script to it.
  expect(vnuErrors([await saveDom(page, testInfo.outputPath('team.html'))])).toEqual([]);
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    expect(await axe(page, `team (${scheme})`)).toEqual([]);
  }

  // Keyboard only: rename the first respondent, take legal's answer for 4.3, adopt.
  const name = page.locator('#respondent-0');
  await tabTo(page, name);
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Ana (CISO) <b>');
  // Shown isolated (a name cannot reorder the text beside it), with the typed text intact.
  await expect.poll(async () => plain(await page.locator('[data-testid="team-sections"] thead th').nth(1).textContent())).toBe('Ana (CISO) <b>');
  const pick = row('4.3').getByTestId('consensus-pick');
  await tabTo(page, pick);
  for (let n = 0; n < 3; n++) await page.keyboard.press('ArrowDown');
  await expect(pick).toHaveValue('2');
  await expect(row('4.3').locator('[data-col="consensus"]')).toContainText('3 Operating, with records, reviewed');

  // The team table in LibreOffice (English settings) and the Markdown section rendered.
  const csv = await download(page, 'export-team-csv');
  expect(csv.name).toMatch(/team\.csv$/);
  const csvPath = testInfo.outputPath('team.csv');
  writeFileSync(csvPath, csv.text);
  const cells = spreadsheetCells(csvPath, ',', 1033);
  const cell = (ref) => cells.find((c) => c.ref === ref)?.text;
  expect([cell('C1'), cell('D1'), cell('E1')]).toEqual(['Ana (CISO) <b>', 'data-science', 'legal']);
  expect(cells.some((c) => c.text === 'Clause 4.3')).toBe(true);
  const md = await download(page, 'export-team-md');
  const html = markdownIt().render(md.text);
  expect(html).toContain('<h2>Team comparison</h2>');
  expect(html).toContain('Ana (CISO) &lt;b&gt;');
  expect(html).toContain('<table>');

  const adopt = page.getByTestId('adopt-consensus');
  await tabTo(page, adopt);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Your readiness' })).toBeVisible();
  await expect(page.getByRole('status').first()).toContainText('consensus');
  // 4.3 was at 1, a blocker; the consensus took legal's 3.
  const blocker43 = page.locator('.blocker-list li[data-item="4.3"]');
  await expect(blocker43).toHaveCount(0);
  await page.getByTestId('undo-import').click();
  await expect(blocker43).toHaveCount(1);
  await page.getByTestId('open-team').click();
  await expect(page.locator('[data-respondent]'), 'adopting dropped the files').toHaveCount(0);

  expect(requests.filter((u) => !u.startsWith('blob:'))).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});

test('on a phone the team view fits the screen: wide tables scroll inside their box', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await openFile(page, saveFile('iso42001-full', 2));
  await page.getByTestId('open-team').click();
  await page.getByTestId('team-files').setInputFiles([saveFile('iso42001-full', 1), { ...saveFile('iso42001-full', 3, { '4.1': 0 }), name: 'b.json' }]);
  await expect(page.locator('[data-respondent]')).toHaveCount(2);
  const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  expect(scroll, 'no sideways scrolling of the page').toBeLessThanOrEqual(client);
  // The short answers keep their full wording for screen readers.
  await expect(page.locator('[data-testid="team-items"] tr[data-item="4.1"] td.answer').first()).toContainText('Partly, ad hoc');
  await context.close();
});

test('a right-to-left override in a file name mirrors no one else, and a language switch warns before dropping the team view', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = watchErrors(page);
  await openFile(page, saveFile('iso42001-quick-scan', 2));
  await page.getByTestId('open-team').click();
  await page.getByTestId('team-files').setInputFiles([
    { ...saveFile('iso42001-quick-scan', 0), name: 'ana\u202eSTNEMMOC.json' },
    { ...saveFile('iso42001-quick-scan', 3), name: 'ben.json' },
    { ...saveFile('iso42001-quick-scan', 2), name: 'cleo.json' },
  ]);
  await expect(page.locator('[data-respondent]')).toHaveCount(3);
  const line = await page.locator('[data-testid="discuss-first"] li').first().locator('.muted').textContent();
  // The override never reaches the page; each name sits in its own isolate, in order.
  expect(line).not.toContain('\u202e');
  expect(line).toMatch(/^\u2068ana\ufffdSTNEMMOC\u2069: .*; \u2068ben\u2069: .*; \u2068cleo\u2069: /);
  // Pick one respondent's answer, then switch language: a warning, no reload, nothing lost.
  await page.getByTestId('consensus-pick').first().selectOption({ index: 2 });
  const picked = await page.getByTestId('consensus-pick').first().inputValue();
  let reloaded = false;
  page.on('framenavigated', (f) => { if (f === page.mainFrame()) reloaded = true; });
  await page.getByTestId('language').selectOption('de');
  await expect(page.locator('.notice')).toContainText('the team view lives in this page only');
  expect(reloaded).toBe(false);
  await expect(page.locator('[data-respondent]')).toHaveCount(3);
  await expect(page.getByTestId('consensus-pick').first()).toHaveValue(picked);
  // Chosen again, the switch goes ahead.
  await page.getByTestId('language').selectOption('de');
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  expect(errors).toEqual([]);
  await context.close();
});

/** A respondent's save file as the widget writes one, with their name and notes. */
function namedFile(name, respondent, answers, notes) {
  const base = JSON.parse(saveFile('iso42001-quick-scan', 2).buffer.toString());
  const text = JSON.stringify({ ...base, respondent, answers: { ...base.answers, ...answers }, notes });
  return { name, mimeType: 'application/json', buffer: Buffer.from(text) };
}

// A workshop from the start screen: three named files open the team view directly; the names
// head the columns and the heatmap, every note and justification is there, the consensus is
// settled beside "to discuss first", and adopting keeps every note, attributed, and records who
// took part (results, printed report, save file). A respondent names their own save file.
test('a workshop from the start screen: names, notes and justifications, consensus beside the discussion, adopted with everyone', async ({ page }, testInfo) => {
  const errors = watchErrors(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/');
  await appStarted(page);
  await page.getByTestId('workshop-files').setInputFiles([
    namedFile('a.json', 'Dana (CISO)', { '4.3': { level: 0 } }, { '4.3': 'Scope draft in review\nowner: Dana' }),
    namedFile('b.json', 'Lee', { '4.3': { level: 3 }, 'A.10.3': { not_applicable: 'We buy no AI <at all>' } }, {}),
    namedFile('c.json', 'Sam', { '4.3': { level: 2 } }, { 'A.10.3': 'Two vendors, checked by procurement' }),
  ]);
  await expect(page.getByRole('heading', { level: 1, name: 'Compare respondents' })).toBeVisible();
  const names = () => page.locator('[data-respondent] input').evaluateAll((els) => els.map((e) => e.value));
  await expect.poll(names).toEqual(['Dana (CISO)', 'Lee', 'Sam']);
  const heads = await page.locator('[data-testid="team-items"] thead th').allTextContents();
  expect(heads.map(plain).slice(2, 5)).toEqual(['Dana (CISO)', 'Lee', 'Sam']);
  await expect(page.locator('[data-testid="heatmap"] text.head')).toHaveText(['Dana (CISO)', 'Lee', 'Sam']);
  // The consensus column is on screen at 1440 px, without scrolling the table sideways.
  const consensus = page.locator('[data-testid="team-items"] tr[data-item="4.3"] [data-col="consensus"]');
  await consensus.scrollIntoViewIfNeeded();
  const scrolledSideways = await page.locator('[data-testid="team-items"]').evaluate((t) => t.parentElement.scrollLeft);
  expect(scrolledSideways).toBe(0);
  const box = await consensus.boundingBox();
  expect(box.x + box.width).toBeLessThanOrEqual(1440);
  // Notes and justifications under the item, as typed, with their authors.
  const discuss = page.locator('[data-testid="discuss-first"] li[data-item="4.3"]');
  // (Names sit in bidi isolates, which `plain` removes.)
  const text = async (locator) => plain(await locator.textContent());
  await expect.poll(() => text(discuss.getByTestId('remarks'))).toContain('Dana (CISO) notes: Scope draft in review');
  const supplier = page.locator('[data-testid="team-items"] tr[data-item="A.10.3"]');
  await expect.poll(() => text(supplier.getByTestId('remarks'))).toContain('Lee, why not applicable: We buy no AI <at all>');
  await expect.poll(() => text(supplier.getByTestId('remarks'))).toContain('Sam notes: Two vendors, checked by procurement');
  await expect(supplier.locator('[data-col="median"]')).toContainText('(1 N/A)');
  // Settle 4.3 beside the discussion, on Sam's answer; the median rule says what it gives.
  const pick = discuss.getByTestId('consensus-pick');
  await expect(pick.locator('option').first()).toHaveText(/^Median rule: 2 Implemented and documented$/);
  await pick.selectOption('2');
  await expect(consensus).toContainText('2 Implemented and documented');
  await expect(discuss.locator('a.item-id')).toHaveAttribute('href', '#team-row-4-3');
  expect(vnuErrors([await saveDom(page, testInfo.outputPath('workshop.html'))])).toEqual([]);
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    expect(await axe(page, `workshop (${scheme})`)).toEqual([]);
  }

  await page.getByTestId('adopt-consensus').click();
  // The facilitator had no profile of their own: the respondents' applies.
  await expect(page.getByRole('heading', { level: 1, name: 'Your readiness' })).toBeVisible();
  await expect.poll(async () => (await page.getByTestId('people').allTextContents()).map(plain)).toEqual([
    'The consensus of a team of 3: Dana (CISO); Lee; Sam',
    "Method: each answered separately; each item took the median of the levels given (the lower middle one for an even count), unless the team settled on one person's answer in discussion.",
  ]);
  await page.getByTestId('to-report').click();
  await expect.poll(() => text(page.getByTestId('people').first())).toContain('Dana (CISO)');
  await expect(page.locator('.note-text', { hasText: 'Lee (not applicable): We buy no AI <at all>' })).toHaveCount(1);
  await page.getByRole('button', { name: 'Back to the results' }).click();
  const pending = page.waitForEvent('download');
  await page.getByTestId('save-file').click();
  const file = await pending;
  const saved = JSON.parse(readFileSync(await file.path(), 'utf8'));
  expect(saved.consensus_of).toEqual(['Dana (CISO)', 'Lee', 'Sam']);
  expect(saved.notes['4.3']).toBe('Dana (CISO): Scope draft in review\nowner: Dana');
  // The save says where it went.
  await expect.poll(() => text(page.getByRole('status').first())).toContain(`Saved as "${file.suggestedFilename()}"`);
  expect(errors).toEqual([]);
});

test('a respondent names their save file, and several files dropped at once open the team view', async ({ page }) => {
  await openQuickScan(page);
  await page.getByTestId('respondent').fill('Dana / Ops');
  await fillProfileWithMouse(page, fixture('mouse-run').profile);
  const pending = page.waitForEvent('download');
  await page.getByTestId('save-file').click();
  const name = (await pending).suggestedFilename();
  expect(name).toMatch(/^iso42001-quick-scan-\d{4}-\d{2}-\d{2}-\d{4}-dana-ops\.json$/);
  // Two files dropped on the page: the team view, not one of them opened as "your readiness".
  const files = [namedFile('x.json', 'Ana', {}, {}), namedFile('y.json', 'Ben', { '4.1': { level: 0 } }, {})];
  const transfer = await page.evaluateHandle((files) => {
    const dt = new DataTransfer();
    for (const f of files) dt.items.add(new File([f.text], f.name, { type: 'application/json' }));
    return dt;
  }, files.map((f) => ({ name: f.name, text: f.buffer.toString() })));
  await page.dispatchEvent('body', 'drop', { dataTransfer: transfer });
  await expect(page.getByRole('heading', { level: 1, name: 'Compare respondents' })).toBeVisible();
  await expect.poll(() => page.locator('[data-respondent] input').evaluateAll((els) => els.map((e) => e.value))).toEqual(['Ana', 'Ben']);
});
