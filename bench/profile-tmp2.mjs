import { chromium } from '@playwright/test';
const saved = JSON.stringify({ answers: { 'S10.100': { level: 1 } }, format: 1, notes: {}, profile: { certifications: [], high_risk: 'no', roles: ['develops', 'uses'], size: 'medium', systems: 3 }, questionnaire: 'stress-1000', saved_at: '2026-11-28T10:00:00.000Z', version: '1.0.0' });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const ctx = await browser.newContext();
await ctx.addInitScript((v) => { if (!sessionStorage.x) { localStorage.setItem('aims-readiness:stress-1000:1.0.0', v); sessionStorage.x = 1; } }, saved);
const page = await ctx.newPage();
await page.goto(process.argv[2]);
await page.locator('.question').first().waitFor();
await page.waitForTimeout(500);
const labels = page.locator('.question .option');
await labels.nth(3).click();
await page.waitForTimeout(300);
const cdp = await ctx.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
await cdp.send('Profiler.start');
for (let k = 1; k <= 10; k++) { await labels.nth(k * 37).click(); await page.waitForTimeout(100); }
const { profile } = await cdp.send('Profiler.stop');
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map(); profile.nodes.forEach((n) => (n.children ?? []).forEach((c) => parent.set(c, n.id)));
const self = new Map(), incl = new Map();
profile.samples.forEach((id, i) => {
  const dt = profile.timeDeltas[i];
  const name = (n) => `${(n.callFrame.functionName || '(anon)').slice(0, 150)}`;
  self.set(name(byId.get(id)), (self.get(name(byId.get(id))) ?? 0) + dt);
  const seen = new Set();
  for (let x = id; x !== undefined; x = parent.get(x)) { const nm = name(byId.get(x)); if (!seen.has(nm)) { seen.add(nm); incl.set(nm, (incl.get(nm) ?? 0) + dt); } }
});
console.log('--- self');
[...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 20).forEach(([k, v]) => console.log((v / 1000).toFixed(1).padStart(7), k));
console.log('--- inclusive');
[...incl.entries()].filter(([k]) => !k.startsWith('(')).sort((a, b) => b[1] - a[1]).slice(0, 45).forEach(([k, v]) => console.log((v / 1000).toFixed(1).padStart(7), k));
await browser.close();
