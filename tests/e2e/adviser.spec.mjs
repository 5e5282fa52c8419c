// The adviser's sheet and the "please check" hints: inconsistent answers flagged on the results,
// "Review this answer" opens the question, the printable sheet (axe, Nu Html Checker, PDF read
// back with pdftotext) and its Markdown rendered by markdown-it.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { axe, openFile, saveFile, saveDom, vnuErrors, watchErrors } from './helpers.mjs';

const markdownIt = createRequire(import.meta.url)('markdown-it');
test.use({ bypassCSP: true });

const developer = { size: 'medium', roles: ['develops'], systems: 2, certifications: [], high_risk: 'no', prohibited: 'no', target_date: null };
const inconsistent = saveFile('iso42001-full', 2, {
  'A.2.2': 3,
  'A.2.4': 0,
  '9.2.1': 3,
  '9.2.2': 0,
  'A.6.2.4': { not_applicable: 'We only buy <AI> & run it' },
}, developer);

test('inconsistent answers are flagged gently, and the adviser\'s sheet says what to ask', async ({ page }, testInfo) => {
  const errors = watchErrors(page);
  await openFile(page, inconsistent);
  const hints = page.getByTestId('please-check');
  await expect(hints.locator('li')).toHaveCount(3);
  await expect(hints.locator('li[data-item="A.2.2"]')).toContainText('A.2.4 Review of the AI policy is at level 0');
  await expect(hints.locator('li[data-item="A.6.2.4"]')).toContainText('the profile says the organisation develops or trains AI systems');
  await hints.locator('li[data-item="9.2.1"]').getByRole('button', { name: 'Review this answer' }).click();
  await expect(page.locator('fieldset.question:focus-within')).toHaveAttribute('data-item', '9.2.1');

  await page.getByRole('button', { name: 'Results', exact: true }).click();
  const md = (await (async () => {
    const pending = page.waitForEvent('download');
    await page.getByTestId('export-adviser').click();
    return readFileSync(await (await pending).path(), 'utf8');
  })());
  const html = markdownIt().render(md);
  expect(html).toContain("<h1>Adviser's sheet: ISO/IEC 42001 full assessment</h1>");
  expect(html).toContain('<h3>9.2.2 Internal audit programme (certification blocker)</h3>');
  expect(html).toMatch(/<li>Check: 9\.2\.1 General is at level 3, but 9\.2\.2/);

  await page.getByTestId('to-adviser').click();
  await expect(page.getByRole('heading', { level: 1, name: /Adviser's sheet/ })).toBeFocused();
  const gaps = await page.locator('li.gap').evaluateAll((els) => els.map((e) => e.dataset.item));
  expect(gaps).toEqual(['9.2.2', 'A.2.4']);
  await expect(page.locator('li.gap[data-item="9.2.2"] [data-testid="gap-check"]')).toContainText('internal audits need an audit programme');
  expect(vnuErrors([await saveDom(page, testInfo.outputPath('adviser.html'))])).toEqual([]);
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    expect(await axe(page, `adviser (${scheme})`)).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light', media: 'print' });
  const pdf = testInfo.outputPath('adviser.pdf');
  writeFileSync(pdf, await page.pdf({ format: 'A4' }));
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  expect(text).toContain('Internal audit programme');
  expect(text).toContain('Evidence for level 1');
  expect(text).not.toContain('Print or save as PDF');
  expect(await page.title()).toMatch(/adviser's sheet/);
  expect(errors).toEqual([]);
});
