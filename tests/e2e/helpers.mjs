// Shared steps for the browser tests: fixtures, the domain's expected figures, and user actions.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from '@playwright/test';

const here = dirname(fileURLToPath(import.meta.url));
export const root = join(here, '..', '..');

export function fixture(name) {
  return JSON.parse(readFileSync(join(here, 'fixtures', `${name}.json`), 'utf8'));
}

/** The pure domain's figures for a fixture, computed natively by `cargo run --example figures`. */
export function expectedFigures(name) {
  const out = execFileSync('cargo', ['run', '--quiet', '--example', 'figures', '--', join(here, 'fixtures', `${name}.json`)], {
    cwd: root,
    encoding: 'utf8',
  });
  return JSON.parse(out);
}

/** Collects console errors and uncaught exceptions; tests assert the list stays empty. */
export function watchErrors(page) {
  const errors = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`page: ${err.message}`));
  return errors;
}

export const domId = (id) => id.replaceAll('.', '-');

export async function openQuickScan(page) {
  await page.goto('/');
  await page.getByRole('button', { name: /quick scan/ }).click();
  await expect(page.getByRole('heading', { name: 'Your organisation' })).toBeVisible();
}

export async function fillProfileWithMouse(page, profile) {
  await page.locator(`input[name="size"][value="${profile.size}"]`).click();
  for (const role of profile.roles) await page.locator(`input[name="roles"][value="${role}"]`).click();
  await page.locator('#systems').fill(String(profile.systems));
  if (profile.certifications.length === 0) {
    await page.locator('input[name="certifications"][value="none"]').click();
  }
  for (const c of profile.certifications) await page.locator(`input[name="certifications"][value="${c}"]`).click();
  await page.locator(`input[name="high_risk"][value="${profile.high_risk}"]`).click();
  await page.getByTestId('profile-continue').click();
}

function answerValue(answer) {
  if (typeof answer === 'number') return String(answer);
  if (answer === 'dont_know') return 'dont-know';
  return 'not-applicable';
}

/** Answers every item on the current section that the fixture lists, by clicking. Returns their ids. */
export async function answerSectionWithMouse(page, answers) {
  const ids = await page.locator('fieldset.question').evaluateAll((els) => els.map((e) => e.dataset.item));
  for (const id of ids) {
    const answer = answers[id];
    if (answer === undefined) continue;
    await page.locator(`fieldset[data-item="${id}"] input[value="${answerValue(answer)}"]`).click();
    if (typeof answer === 'object') {
      await page.locator(`#${domId(id)}-justification`).fill(answer.not_applicable);
    }
  }
  return ids;
}

/** Answers every section with the mouse, pressing Next until the results show. Returns the ids answered. */
export async function answerAllWithMouse(page, answers) {
  const answered = [];
  for (let guard = 0; guard < 30; guard++) {
    answered.push(...(await answerSectionWithMouse(page, answers)));
    const next = page.getByTestId('next');
    const last = (await next.textContent()).includes('See your results');
    await next.click();
    if (last) return answered;
  }
  throw new Error('never reached the results');
}

const tenths = (t) => (t === null ? 'n/a' : `${Math.floor(t / 10)}.${t % 10}`);
const percent = (p) => (p === null ? 'n/a' : `${p}%`);

/** Checks that the results screen shows exactly the domain's figures. */
export async function expectResults(page, fig) {
  await expect(page.getByRole('heading', { name: 'Your readiness' })).toBeVisible();
  await expect(page.getByTestId('overall-percent')).toHaveText(String(fig.overall));
  await expect(page.getByTestId('band')).toHaveText(fig.band);
  await expect(page.getByTestId('overall-method')).toContainText(`${fig.points} of ${fig.max_points} points`);
  for (const s of fig.sections) {
    const row = page.locator(`tr[data-section="${s.id}"]`);
    await expect(row.locator('[data-col="percent"]')).toHaveText(percent(s.percent));
    await expect(row.locator('[data-col="maturity"]')).toHaveText(tenths(s.maturity_tenths));
    await expect(row.locator('[data-col="points"]')).toHaveText(`${s.points} / ${s.max_points}`);
    await expect(row.locator('[data-col="answered"]')).toHaveText(`${s.answered} / ${s.applicable}`);
    await expect(row.locator('[data-col="na"]')).toHaveText(String(s.not_applicable));
    await expect(row.locator('[data-col="dont-know"]')).toHaveText(String(s.dont_know));
  }
  await expect(page.locator('tr[data-section]')).toHaveCount(fig.sections.length);
  const blockers = await page.locator('.blocker-list li').evaluateAll((els) => els.map((e) => e.dataset.item));
  expect(blockers).toEqual(fig.blockers);
  // The chart draws the same numbers as the table.
  const chartValues = await page.locator('svg .bar-value').allTextContents();
  expect(chartValues).toEqual(fig.sections.map((s) => percent(s.percent)));
}

/** Checks that the roadmap screen shows exactly the domain's phases and tasks. */
export async function expectRoadmap(page, fig) {
  await expect(page.getByRole('heading', { name: /Your roadmap/ })).toBeVisible();
  await expect(page.getByTestId('total-weeks')).toHaveText(String(fig.total_weeks));
  for (const p of fig.phases) {
    const phase = page.locator(`li.phase[data-phase="${p.number}"]`);
    await expect(phase.getByTestId('phase-weeks')).toContainText(`Weeks ${p.start_week}-${p.end_week}`);
    await expect(phase.getByTestId('phase-weeks')).toContainText(`${p.weeks} weeks`);
    const tasks = await phase.locator('li.task').evaluateAll((els) => els.map((e) => e.dataset.item));
    expect(tasks).toEqual(p.tasks);
  }
}

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Runs axe-core (WCAG 2.2 A/AA rules) on the page; the test must use `bypassCSP: true`. */
export async function axe(page, screen) {
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(async () =>
    // eslint-disable-next-line no-undef
    axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } }),
  );
  // axe really ran: it checked many rules and passed them.
  expect(result.passes.length, `${screen}: axe passed no rule`).toBeGreaterThan(15);
  const found = result.violations.map((v) => `${screen}: ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target}`);
  return found;
}

