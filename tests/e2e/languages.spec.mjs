// French and Spanish: a full quick scan in each, with axe and the Nu Html Checker on results and
// roadmap, locale numbers and dates, a CSV read back by LibreOffice in that locale; the language choice by browser,
// switcher and stored preference, keeping every answer and note.
import { test, expect } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { answerAllWithMouse, axe, expectedFigures, fillProfileWithMouse, fixture, saveDom, spreadsheetCells, vnuErrors, watchErrors } from './helpers.mjs';

// axe is injected as a script; the page's own CSP forbids that, so these tests bypass it.
test.use({ bypassCSP: true });

// What a French or Spanish reader sees; LibreOffice's locale ids are 1036 (fr-FR) and 3082 (es-ES).
const LANGS = {
  fr: {
    locale: 1036,
    heading: "Votre système de management de l'IA est-il prêt pour l'ISO/IEC 42001\u202f?",
    start: 'Commencer\u00a0: Diagnostic rapide ISO/IEC 42001',
    clause: 'Article',
    profile: 'Votre organisme',
    firstSection: "Contexte de l'organisme",
    firstItem: "Compréhension de l'organisme et de son contexte",
    last: 'Voir vos résultats',
    results: 'Votre préparation',
    resultsButton: 'Résultats',
    band: 'Pas prêt pour un audit de certification',
    roadmapButton: 'Feuille de route',
    roadmap: 'Feuille de route vers un audit de certification',
    phase1: 'Évaluation et planification',
    percent: (p) => `${p}\u202f%`,
    date: '30/09/2027',
    header: 'Question;Titre;Niveau;Cible;Écart;Obstacle;Actions;Phase;Charge (jours-personne);Note',
  },
  es: {
    locale: 3082,
    heading: '¿Está su sistema de gestión de la IA preparado para ISO/IEC 42001?',
    start: 'Empezar: Diagnóstico rápido ISO/IEC 42001',
    clause: 'Capítulo',
    profile: 'Su organización',
    firstSection: 'Contexto de la organización',
    firstItem: 'Comprensión de la organización y de su contexto',
    last: 'Ver sus resultados',
    results: 'Su preparación',
    resultsButton: 'Resultados',
    band: 'No está lista para una auditoría de certificación',
    roadmapButton: 'Hoja de ruta',
    roadmap: 'Hoja de ruta hacia una auditoría de certificación',
    phase1: 'Evaluación y planificación',
    percent: (p) => `${p}\u00a0%`,
    date: '30/09/2027',
    header: 'Pregunta;Título;Nivel;Objetivo;Brecha;Obstáculo;Acciones;Fase;Esfuerzo (días-persona);Nota',
  },
};
const decimal = (tenths) => `${Math.floor(tenths / 10)},${tenths % 10}`;

for (const [code, l] of Object.entries(LANGS)) {
  test(`${code}: a full quick scan in the language, with its numbers, dates, accessible results and roadmap, and a CSV LibreOffice reads in that locale`, async ({ page }, testInfo) => {
    test.setTimeout(240_000);
    const errors = watchErrors(page);
    const run = fixture('mouse-run');
    const fig = expectedFigures('mouse-run');
    await page.goto(`/index.html?lang=${code}`);
    await expect(page.locator('html')).toHaveAttribute('lang', code);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(l.heading);
    await page.locator('.start button', { hasText: l.start }).click();
    await expect(page.getByRole('heading', { name: l.profile })).toBeVisible();
    await page.locator('#target').fill('2027-09-30');
    await fillProfileWithMouse(page, run.profile);
    await expect(page.locator('#section-title')).toHaveText(l.firstSection);
    await expect(page.locator('[data-item="4.1"] legend')).toContainText(l.firstItem);
    // Every question of the quick scan, answered with the mouse (a "don't know" and a justified
    // "not applicable" among them).
    const answered = await answerAllWithMouse(page, run.answers, l.last);
    expect(answered).toHaveLength(24);
    await expect(page.getByRole('heading', { name: l.results })).toBeVisible();
    await expect(page.getByTestId('overall-percent')).toHaveText(String(fig.overall));
    // Exact text: toHaveText would fold the (narrow) no-break space a plain "%" lacks.
    expect(await page.locator('.summary .unit').textContent()).toBe(l.percent(''));
    await expect(page.getByTestId('band')).toHaveText(l.band);
    for (const s of fig.sections) {
      const row = page.locator(`tr[data-section="${s.id}"]`);
      await expect(row.locator('[data-col="percent"]')).toHaveText(s.percent === null ? /./ : l.percent(s.percent));
      if (s.maturity_tenths !== null) await expect(row.locator('[data-col="maturity"]')).toHaveText(decimal(s.maturity_tenths));
    }
    const percents = await page.locator('tr[data-section] [data-col="percent"]').allTextContents();
    expect(percents).toEqual(fig.sections.map((s) => (s.percent === null ? percents[fig.sections.indexOf(s)] : l.percent(s.percent))));
    const blockers = await page.locator('.blocker-list li').evaluateAll((els) => els.map((e) => e.dataset.item));
    expect(blockers).toEqual(fig.blockers);
    // The DOM of each screen is saved for the Nu Html Checker before axe adds its script.
    const doms = [await saveDom(page, testInfo.outputPath(`results-${code}.html`))];

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-gap').click()]);
    const path = testInfo.outputPath(download.suggestedFilename());
    await download.saveAs(path);
    const cells = spreadsheetCells(path, ';', l.locale);
    const at = (ref) => cells.find((c) => c.ref === ref);
    const header = cells.filter((c) => /^[A-Z]+1$/.test(c.ref)).map((c) => c.text);
    expect(header.join(';')).toBe(l.header);
    // Row 2 is item 4.1: its id stays text (the clause word keeps a spreadsheet from reading a
    // date or a number), its title arrives intact, and the effort with its decimal comma is a
    // number to LibreOffice in this locale.
    expect(at('A2')).toEqual({ ref: 'A2', type: 's', text: `${l.clause} 4.1` });
    expect(at('B2').text).toBe(l.firstItem);
    const efforts = cells.filter((c) => /^I\d+$/.test(c.ref) && c.ref !== 'I1' && c.text !== '');
    expect(efforts.length).toBeGreaterThan(5);
    expect(efforts.filter((c) => c.type !== 'n'), 'efforts LibreOffice did not read as numbers').toEqual([]);
    expect(efforts.some((c) => !Number.isInteger(Number(c.text))), 'no effort with a decimal part was read').toBe(true);
    const ids = cells.filter((c) => /^A\d+$/.test(c.ref) && c.ref !== 'A1');
    expect(ids.filter((c) => c.type !== 's'), 'ids LibreOffice did not keep as text').toEqual([]);

    await page.getByRole('button', { name: l.roadmapButton, exact: true }).click();
    await expect(page.getByRole('heading', { name: l.roadmap })).toBeVisible();
    await expect(page.getByTestId('total-weeks')).toHaveText(String(fig.total_weeks));
    await expect(page.getByTestId('target-verdict')).toContainText(l.date);
    await expect(page.locator('.phase[data-phase="1"] h2')).toContainText(l.phase1);
    doms.push(await saveDom(page, testInfo.outputPath(`roadmap-${code}.html`)));
    expect(vnuErrors(doms)).toEqual([]);
    expect(await axe(page, `${code} roadmap`)).toEqual([]);
    await page.getByRole('button', { name: l.resultsButton, exact: true }).click();
    await expect(page.getByRole('heading', { name: l.results })).toBeVisible();
    expect(await axe(page, `${code} results`)).toEqual([]);
    expect(errors).toEqual([]);
  });
}

test('the switcher lists all four languages; a French browser gets French, a Spanish one Spanish', async ({ browser }) => {
  for (const [locale, code] of [['fr-CA', 'fr'], ['es-MX', 'es'], ['de-AT', 'de'], ['en-GB', 'en']]) {
    const context = await browser.newContext({ locale });
    const page = await context.newPage();
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', code);
    await expect(page.getByTestId('language')).toHaveValue(code);
    const options = await page.getByTestId('language').locator('option').evaluateAll((els) => els.map((o) => [o.value, o.textContent, o.lang]));
    expect(options).toEqual([['en', 'English', 'en'], ['de', 'Deutsch', 'de'], ['fr', 'Français', 'fr'], ['es', 'Español', 'es']]);
    await context.close();
  }
});

test('switching between French and Spanish keeps every answer and note, and the choice is remembered', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'fr-FR' });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto('/');
  await page.locator('.start button', { hasText: LANGS.fr.start }).click();
  await fillProfileWithMouse(page, fixture('mouse-run').profile);
  await page.locator('#q-4-1-2').click();
  await page.locator('#q-4-3-dont-know').click();
  await page.locator('[data-item="4.1"] summary', { hasText: 'Ajouter une note' }).click();
  // A user's words, exactly as typed, through two switches.
  const note = 'Atelier « contexte » tenu en mai — 3 participants; <b>brouillon</b> & suivi';
  await page.locator('#note-4-1').fill(note);
  await expect(page.getByTestId('answered')).toHaveText('2');
  await page.getByTestId('language').selectOption('es');
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.locator('#section-title')).toHaveText('Contexto de la organización');
  await expect(page.getByTestId('answered')).toHaveText('2');
  await expect(page.locator('#q-4-1-2')).toBeChecked();
  await expect(page.locator('#q-4-3-dont-know')).toBeChecked();
  await expect(page.locator('#note-4-1')).toHaveValue(note);
  await expect(page.locator('label[for="q-4-1-2"]')).toContainText('Implantado y documentado');
  expect(await page.evaluate(() => localStorage.getItem('aims-readiness:language'))).toBe('es');
  // The stored choice wins over the French browser on the next visit, which resumes at the first
  // section with open questions.
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.locator('#section-title')).toHaveText('Liderazgo');
  await page.getByTestId('language').selectOption('fr');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.locator('.section-nav .progress')).toContainText('2 sur 24 répondues');
  await page.locator('.section-link', { hasText: 'Contexte' }).click();
  await expect(page.locator('#note-4-1')).toHaveValue(note);
  expect(errors).toEqual([]);
  await context.close();
});
