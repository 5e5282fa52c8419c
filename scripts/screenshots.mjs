// Takes the README screenshots from the release build: run `node scripts/screenshots.mjs` after `trunk build --release`.
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

const port = 4180;
const server = spawn('node', ['tests/e2e/serve.mjs', 'dist', String(port)], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 500));
const run = JSON.parse(readFileSync('tests/e2e/fixtures/mouse-run.json', 'utf8'));
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const width = Number(process.env.WIDTH ?? 1200);
  // Off-screen blocks render only near the viewport (content-visibility: auto), which a
  // full-page screenshot never scrolls to: render everything for the picture.
  const renderAll = async (p) => {
    await p.addStyleTag({ content: '* { content-visibility: visible !important; }' });
    await p.waitForTimeout(300);
  };
  // bypassCSP: only so renderAll can add its style; the widget's own behaviour is unchanged.
  const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: process.env.SCHEME ?? 'light', bypassCSP: true });
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.screenshot({ path: process.env.OUT_START ?? 'docs/screenshot-start.png' });
  await page.getByRole('button', { name: /quick scan/ }).click();
  const p = run.profile;
  await page.locator(`input[name="size"][value="${p.size}"]`).click();
  for (const r of p.roles) await page.locator(`input[name="roles"][value="${r}"]`).click();
  await page.locator('#systems').fill(String(p.systems));
  for (const c of p.certifications) await page.locator(`input[name="certifications"][value="${c}"]`).click();
  await page.locator(`input[name="high_risk"][value="${p.high_risk}"]`).click();
  await page.getByTestId('profile-continue').click();
  await page.screenshot({ path: process.env.OUT_QUESTIONS ?? 'docs/screenshot-questions.png' });
  for (let i = 0; i < 30; i++) {
    for (const id of await page.locator('fieldset.question').evaluateAll((els) => els.map((e) => e.dataset.item))) {
      const a = run.answers[id];
      const v = typeof a === 'number' ? String(a) : a === 'dont_know' ? 'dont-know' : 'not-applicable';
      await page.locator(`fieldset[data-item="${id}"] input[value="${v}"]`).click();
      if (typeof a === 'object') await page.locator(`#${id.replaceAll('.', '-')}-justification`).fill(a.not_applicable);
    }
    const last = (await page.getByTestId('next').textContent()).includes('results');
    await page.getByTestId('next').click();
    if (last) break;
  }
  await renderAll(page);
  await page.screenshot({ path: process.env.OUT_RESULTS ?? 'docs/screenshot-results.png', fullPage: true });
  await page.getByTestId('to-roadmap').click();
  await renderAll(page);
  await page.screenshot({ path: process.env.OUT_ROADMAP ?? 'docs/screenshot-roadmap.png', fullPage: true });
} finally {
  await browser.close();
  server.kill();
}
