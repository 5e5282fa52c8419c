// Reports people can hand on: exports, the printed PDF, the timeline and the comparison with an earlier run.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { answerAllWithMouse, expectedFigures, fillProfileWithMouse, fixture, openQuickScan, saveFile, spreadsheetCells, watchErrors } from './helpers.mjs';

const ICAL = createRequire(import.meta.url)('ical.js');

async function completeMouseRun(page) {
  const run = fixture('mouse-run');
  await openQuickScan(page);
  await fillProfileWithMouse(page, run.profile);
  await page.locator('#item-4-3 .note summary').click();
  await page.locator('#note-4-3').fill('Scope draft v0.3 in the AIMS folder, owner: CISO');
  await answerAllWithMouse(page, run.answers);
}

async function download(page, testId) {
  const pending = page.waitForEvent('download');
  await page.getByTestId(testId).click();
  const file = await pending;
  return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
}

test('every export downloads with the right content', async ({ page }) => {
  const errors = watchErrors(page);
  await completeMouseRun(page);
  const gap = await download(page, 'export-gap');
  expect(gap.name).toMatch(/gap-register\.csv$/);
  expect(gap.text.startsWith('\ufeffItem,Title,Level,Target,Gap,Blocker,Actions,Phase,Effort (person-days),Note\r\n')).toBe(true);
  expect(gap.text).toContain('Scope draft v0.3 in the AIMS folder, owner: CISO');
  const soa = await download(page, 'export-soa');
  expect(soa.text).toContain('A.7.4,Quality of data for AI systems,No,');
  const roadmap = await download(page, 'export-roadmap');
  expect(roadmap.text.split('\r\n')[0]).toContain('Phase,Phase title,Start week,End week');
  await page.locator('#calendar-start').fill('2027-01-04');
  const ics = await download(page, 'export-ics');
  expect(ics.name).toMatch(/\.ics$/);
  // One event per phase with work, and seven milestones of the three-year cycle.
  const withWork = expectedFigures('mouse-run').phases.filter((p) => p.weeks > 0).length;
  // ... and the EU AI Act dates still ahead that bind this profile ("not sure" about high risk:
  // 2 December 2027 and 2 August 2028), on their own days, "as of" the facts' check.
  expect(ics.text.match(/BEGIN:VEVENT/g)).toHaveLength(withWork + 7 + 2);
  const unfolded = ics.text.replace(/\r\n /g, '');
  expect(unfolded).toContain('DTSTART;VALUE=DATE:20271202');
  expect(unfolded).toContain('EU AI Act facts as of 6 Dec 2026');
  expect(ics.text).toContain('First surveillance audit');
  expect(ics.text).toContain('DTSTART;VALUE=DATE:20270104');
  const md = await download(page, 'export-md');
  const fig = expectedFigures('mouse-run');
  expect(md.text).toContain(`**${fig.overall}%** overall`);
  expect(md.text).toContain('Scope draft v0.3');
  expect(errors).toEqual([]);
});

test('the printed report holds every part, without buttons, on several pages', async ({ page }, testInfo) => {
  await completeMouseRun(page);
  await page.getByTestId('to-report').click();
  await expect(page.getByRole('heading', { name: 'ISO/IEC 42001 quick scan' })).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  const pdf = testInfo.outputPath('report.pdf');
  writeFileSync(pdf, await page.pdf({ format: 'A4', printBackground: true }));
  const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  const pages = Number(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }).match(/Pages:\s+(\d+)/)[1]);
  const fig = expectedFigures('mouse-run');
  for (const part of [
    'READINESS REPORT', '50 to 249 people', 'Readiness', `${fig.overall}%`, fig.band, 'Certification blockers',
    'Maturity by clause', 'Maturity by Annex A area', 'Documents the certification needs', 'How these scores were computed',
    'Roadmap to a certification audit', 'The timeline as a table', 'Certification audit, stage 1 and stage 2',
    'Assumptions behind this estimate', 'Notes and evidence', 'Scope draft v0.3', 'not a statement of conformity',
    'Controls excluded from the Statement of Applicability', 'we feed no data of our own',
  ]) {
    expect(text, `PDF lacks "${part}"`).toContain(part);
  }
  // A report handed to a client speaks of the organisation, never to "you".
  expect(text.match(/[^.]*\b(you|your|yours)\b[^.]*/gi) ?? []).toEqual([]);
  for (const control of ['Start over', 'Save to file', 'Printable report', 'Print or save as PDF', 'See your roadmap']) {
    expect(text, `PDF shows the button "${control}"`).not.toContain(control);
  }
  expect(pages).toBeGreaterThanOrEqual(4);
  // No page ends with a heading, a table caption or a table header: each stays with what follows.
  const heads = await page.locator('.report h2, .report h3, .report caption, .report thead tr').evaluateAll((els) =>
    els.map((e) => e.innerText.replace(/\s+/g, ' ').trim()).filter((t) => t.length > 3));
  const byPage = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);
  const stranded = byPage.slice(0, -1).flatMap((text, n) => {
    const last = text.split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean).pop() ?? '';
    return heads.some((h) => h === last || (last.length > 8 && h.startsWith(last))) ? [`page ${n + 1} ends with "${last}"`] : [];
  });
  expect(stranded).toEqual([]);
});

test('the roadmap shows a timeline chart with a table of the same figures', async ({ page }) => {
  await completeMouseRun(page);
  await page.getByTestId('to-roadmap').click();
  const fig = expectedFigures('mouse-run');
  await expect(page.locator('.gantt-row')).toHaveCount(5);
  for (const p of fig.phases) {
    const row = page.locator(`.timeline-table tr[data-phase="${p.number}"] td`);
    await expect(row.nth(0)).toHaveText(String(p.start_week));
    await expect(row.nth(1)).toHaveText(String(p.end_week));
    await expect(page.locator(`.gantt-row.phase-${p.number} .gantt-weeks`)).toHaveText(`Weeks ${p.start_week}-${p.end_week}`);
  }
});

test('comparing with an earlier save shows what improved', async ({ page }) => {
  await completeMouseRun(page);
  const earlier = page.waitForEvent('download');
  await page.getByTestId('save-file').click();
  const earlierFile = await (await earlier).path();
  await page.getByRole('button', { name: 'Questions', exact: true }).click();
  await page.locator('.section-link', { hasText: 'Leadership' }).click();
  await page.locator('#q-5-2-3').click();
  await page.getByRole('button', { name: 'Results', exact: true }).click();
  await page.locator('.compare-open input[type="file"]').setInputFiles(earlierFile);
  const comparison = page.getByTestId('comparison');
  await expect(comparison.locator('tr[data-item="5.2"]')).toContainText('Improved');
  await expect(comparison.locator('tr[data-item]')).toHaveCount(1);
  await expect(comparison.locator('tr[data-section="5"] td').nth(0)).toHaveText('33%');
  await expect(comparison.locator('tr[data-section="5"] td').nth(1)).toHaveText('100%');
});

for (const [lang, locale, separator] of [['en', 1033, ','], ['de', 1031, ';']]) {
  test(`LibreOffice (${lang}) reads every id in every CSV as text`, async ({ page }, testInfo) => {
    test.setTimeout(240_000);
    const run = fixture('mouse-run');
    await page.goto(`/index.html?lang=${lang}`);
    await page.getByRole('button', { name: /quick scan|Schnellcheck/ }).click();
    await fillProfileWithMouse(page, run.profile);
    await answerAllWithMouse(page, run.answers, lang === 'de' ? 'Ihre Ergebnisse ansehen' : 'See your results');
    for (const [testId, column] of [['export-gap', 'A'], ['export-soa', 'A'], ['export-roadmap', 'E']]) {
      const { name, text } = await download(page, testId);
      const path = testInfo.outputPath(name);
      writeFileSync(path, text);
      const cells = spreadsheetCells(path, separator, locale).filter((c) => c.ref.startsWith(column) && c.ref !== `${column}1`);
      expect(cells.length, name).toBeGreaterThan(5);
      const notText = cells.filter((c) => c.type !== 's' || !/\d$/.test(c.text));
      expect(notText, `${name}: ids LibreOffice did not keep as text`).toEqual([]);
    }
  });
}

test('the calendar opens in ical.js: export time stamps, stable UIDs, increasing SEQUENCE', async ({ page }) => {
  await completeMouseRun(page);
  await page.locator('#calendar-start').fill('2027-01-04');
  const first = await download(page, 'export-ics');
  await page.locator('#calendar-start').fill('2027-02-01');
  await page.waitForTimeout(1100);
  const second = await download(page, 'export-ics');
  const events = (text) => new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  const [a, b] = [events(first.text), events(second.text)];
  // One event per phase with work, seven milestones of the three-year cycle, two EU AI Act dates.
  const count = expectedFigures('mouse-run').phases.filter((p) => p.weeks > 0).length + 7 + 2;
  expect(a).toHaveLength(count);
  expect(b.map((e) => e.uid)).toEqual(a.map((e) => e.uid));
  expect(new Set(a.map((e) => e.uid)).size).toBe(count);
  expect(b[0].sequence).toBeGreaterThanOrEqual(a[0].sequence);
  expect(a[0].startDate.toString()).toBe('2027-01-04');
  expect(b[0].startDate.toString()).toBe('2027-02-01');
  // DTSTAMP is the moment of the export, not the chosen start date.
  const stamp = new ICAL.Component(ICAL.parse(first.text)).getFirstSubcomponent('vevent').getFirstPropertyValue('dtstamp').toJSDate();
  expect(Math.abs(Date.now() - stamp.getTime())).toBeLessThan(10 * 60 * 1000);
});

for (const [lang, start, last, title, excluded, prepared] of [
  ['de', /Schnellcheck/, 'Ihre Ergebnisse ansehen', 'Bericht zur Zertifizierungsreife', 'Aus der Erklärung zur Anwendbarkeit ausgeschlossene Controls', /erstellt am \d{2}\.\d{2}\.\d{4}/],
  ['fr', /Diagnostic rapide/, 'Voir vos résultats', 'rapport de préparation', "Mesures exclues de la déclaration d'applicabilité", /établi le \d{2}\/\d{2}\/\d{4}/],
  ['es', /Diagnóstico rápido/, 'Ver sus resultados', 'informe de preparación', 'Controles excluidos de la declaración de aplicabilidad', /elaborado el \d{2}\/\d{2}\/\d{4}/],
]) {
  test(`the printed report in ${lang} has its title, headings and dates in that language (pdftotext)`, async ({ page }, testInfo) => {
    const run = fixture('mouse-run');
    await page.goto(`/index.html?lang=${lang}`);
    await page.getByRole('button', { name: start }).click();
    await fillProfileWithMouse(page, run.profile);
    await answerAllWithMouse(page, run.answers, last);
    await page.getByTestId('to-report').click();
    await expect(page).toHaveTitle(new RegExp(title));
    await page.emulateMedia({ media: 'print' });
    const pdf = testInfo.outputPath(`report-${lang}.pdf`);
    writeFileSync(pdf, await page.pdf({ format: 'A4', printBackground: true }));
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    expect(info).toMatch(new RegExp(`Title:\\s+.*${title}`));
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain(excluded);
    expect(text).toMatch(prepared);
    // It speaks of the organisation, never to the reader (German: the polite capital forms,
    // not a sentence's first word, where "Sie" means "it" or "they").
    const addressing = { de: /[^.:]*[a-zäöüß,;]\s+(Sie|Ihr|Ihre|Ihren|Ihrem|Ihrer|Ihnen)\b[^.]*/g, fr: /[^.]*\b(vous|votre|vos)\b[^.]*/gi, es: /[^.]*\b(usted|ustedes)\b[^.]*/gi }[lang];
    expect(text.match(addressing) ?? []).toEqual([]);
  });
}

// The EU AI Act dates that bind the organisation, in every language: beside the roadmap with the
// date the facts were checked, in the calendar (read by ical.js) and in the printed report.
for (const [lang, asOf, duty, checked] of [
  ['en', 'EU AI Act facts as of 6 Dec 2026', 'Duties for the high-risk AI systems of Annex III apply', '2 Dec 2027'],
  ['de', 'Stand der Angaben zur KI-Verordnung: 06.12.2026', 'Pflichten für Hochrisiko-KI-Systeme nach Anhang III gelten', '02.12.2027'],
  ['fr', 'Informations sur le règlement européen sur l\'IA à jour au 06/12/2026', "Les obligations relatives aux systèmes d'IA à haut risque de l'annexe III s'appliquent", '02/12/2027'],
  ['es', 'Datos del Reglamento europeo de IA a fecha de 06/12/2026', 'Se aplican las obligaciones de los sistemas de IA de alto riesgo del anexo III', '02/12/2027'],
]) {
  test(`the EU AI Act dates that bind a high-risk deployer, dated, in ${lang}: roadmap, calendar, printed report`, async ({ page }, testInfo) => {
    const errors = watchErrors(page);
    const profile = { size: 'small', roles: ['uses'], systems: 1, certifications: [], high_risk: 'yes', prohibited: 'no', target_date: null };
    await page.goto(`/?lang=${lang}`);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await page.getByTestId('open-file').setInputFiles(saveFile('iso42001-full', 0, {}, profile));
    await expect(page.getByTestId('overall-percent')).toBeVisible();
    const results = page.getByTestId('legal-dates');
    await expect(results.getByTestId('legal-as-of')).toHaveText(asOf);
    await expect(results.locator('li[data-duty="high-risk-annex-iii"]')).toContainText(duty);
    await expect(results.locator('li[data-duty="general-purpose-models"]')).toHaveCount(0);
    // French and Spanish say which "fournisseur" / "proveedor" the dates mean.
    await expect(results.getByTestId('legal-term-note')).toHaveCount(['fr', 'es'].includes(lang) ? 1 : 0);
    // The calendar: the duty on its own day, "as of" in its description.
    await page.locator('#calendar-start').fill('2027-01-04');
    const ics = await download(page, 'export-ics');
    const events = new ICAL.Component(ICAL.parse(ics.text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const highRisk = events.find((e) => e.uid.includes('-eu-ai-act-high-risk-annex-iii@'));
    expect(highRisk.startDate.toString()).toBe('2027-12-02');
    expect(highRisk.summary).toContain(duty);
    expect(highRisk.description).toContain(asOf);
    // Beside the plan: the date and the plan week it falls in. At the typical team the
    // certificate comes before 2 December 2027: no warning; with one day a week it comes after,
    // and the plan says so.
    await page.getByTestId('to-roadmap').click();
    const roadmap = page.getByTestId('legal-dates');
    await expect(roadmap.locator('li[data-duty="high-risk-annex-iii"]')).toContainText(checked);
    await expect(roadmap.getByTestId('legal-warning')).toHaveCount(0);
    await page.locator('#capacity-days').fill('1');
    await page.locator('#capacity-days').press('Enter');
    await expect(roadmap.getByTestId('legal-warning')).toContainText(checked);
    await expect(roadmap.getByTestId('legal-warning')).toContainText('ISO/IEC 42001');
    // The printed report says the same, with the date the facts were checked.
    await page.reload();
    await page.getByTestId('to-report').click();
    await page.emulateMedia({ media: 'print' });
    const pdf = testInfo.outputPath(`legal-${lang}.pdf`);
    writeFileSync(pdf, await page.pdf({ format: 'A4', printBackground: true }));
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain(asOf);
    expect(text).toContain(duty.slice(0, 40));
    expect(errors).toEqual([]);
  });
}

// Importers, distributors and authorised representatives are asked about only when a system may
// be high-risk, and see their own article's date; facts more than a year old are flagged once.
test('an importer of high-risk systems sees Art. 23, and old facts are flagged once a visit', async ({ page }) => {
  const errors = watchErrors(page);
  // 13 months after the facts were checked (6 December 2026).
  await page.clock.setFixedTime(new Date('2028-01-10T10:00:00Z'));
  await openQuickScan(page);
  const roles = page.getByTestId('eu-roles');
  await expect(roles).toHaveCount(0);
  await page.locator('input[name="high_risk"][value="yes"]').click();
  await expect(roles).toBeVisible();
  await roles.locator('input[value="importer"]').click();
  await page.locator('input[name="high_risk"][value="no"]').click();
  await expect(roles).toHaveCount(0);
  // The choice is kept while hidden, and counts again when the answer comes back.
  await page.locator('input[name="high_risk"][value="not_sure"]').click();
  await expect(roles.locator('input[value="importer"]')).toBeChecked();

  const profile = { size: 'small', roles: ['uses'], systems: 1, certifications: [], high_risk: 'yes', prohibited: 'no', target_date: null, eu_roles: ['importer'] };
  await page.goto('/');
  await page.getByTestId('open-file').setInputFiles(saveFile('iso42001-quick-scan', 1, {}, profile));
  const results = page.getByTestId('legal-dates');
  await expect(results.locator('li[data-duty="importers"]')).toContainText('Art. 23');
  await expect(results.locator('li[data-duty="distributors"]')).toHaveCount(0);
  await expect(results.getByTestId('legal-stale')).toContainText('more than a year ago');
  await page.getByTestId('to-roadmap').click();
  await expect(page.getByTestId('legal-dates').locator('li[data-duty="importers"]')).toBeVisible();
  await expect(page.getByTestId('legal-dates').getByTestId('legal-stale')).toHaveCount(0);
  expect(errors).toEqual([]);
});
