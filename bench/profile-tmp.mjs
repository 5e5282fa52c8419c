import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
const full = JSON.parse(readFileSync('questionnaires/iso42001-full.json', 'utf8'));
const ids = full.sections.flatMap((s) => s.items.map((i) => i.id));
const answers = Object.fromEntries(ids.map((id, n) => [id, { level: n % 4 }]));
const saved = JSON.stringify({ answers, format: 1, notes: {}, profile: { certifications: [], high_risk: 'no', roles: ['develops', 'uses'], size: 'medium', systems: 3 }, questionnaire: 'iso42001-full', saved_at: '2026-11-28T10:00:00.000Z', version: '1.0.0' });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const ctx = await browser.newContext();
await ctx.addInitScript((v) => localStorage.setItem('aims-readiness:iso42001-full:1.0.0', v), saved);
const page = await ctx.newPage();
await page.goto(process.argv[2]);
await page.locator('.question').first().waitFor();
await page.evaluate(() => {
  window.__m = [];
  addEventListener('click', (e) => {
    const t0 = e.timeStamp;
    queueMicrotask(() => window.__m.push(['micro1', performance.now() - t0]));
    new MutationObserver((l, o) => { o.disconnect(); window.__m.push(['firstMutation', performance.now() - t0]); }).observe(document.body, { childList: true, subtree: true, characterData: true });
    setTimeout(() => { const a = performance.now() - t0; document.body.getBoundingClientRect(); window.__m.push(['task', a, 'layout', performance.now() - t0]); });
  }, true);
});
const cdp = await ctx.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await cdp.send('Profiler.start');
await page.getByRole('button', { name: 'Results', exact: true }).click();
await page.getByTestId('overall-percent').waitFor();
await page.waitForTimeout(300);
for (let i = 0; i < 3; i++) {
  await page.getByRole('button', { name: 'Questions', exact: true }).click();
  await page.locator('.question').first().waitFor();
  await page.getByRole('button', { name: 'Results', exact: true }).click();
  await page.getByTestId('overall-percent').waitFor();
  await page.waitForTimeout(200);
}
const { profile } = await cdp.send('Profiler.stop');
console.log(JSON.stringify(await page.evaluate(() => window.__m)));
const self = new Map();
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const dt = profile.timeDeltas; let total = 0;
profile.samples.forEach((id, i) => { const n = byId.get(id); const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}`; self.set(key, (self.get(key) ?? 0) + dt[i]); total += dt[i]; });
console.log('total ms', (total / 1000).toFixed(1));
[...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25).forEach(([k, v]) => console.log((v / 1000).toFixed(1).padStart(7), k));
await browser.close();
