// Embedding: two configured widgets on one host page, sized by height messages only, never interfering.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { answerAllWithMouse, fillProfileWithMouse, fixture, watchErrors } from './helpers.mjs';

const here = dirname(fileURLToPath(import.meta.url));

test('two branded widgets on one host page size themselves and keep apart', async ({ page }) => {
  const errors = watchErrors(page);
  // The training provider's branding, in its host.json (the iframes' addresses carry none).
  await page.route('**/host.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: readFileSync(join(here, 'fixtures', 'academy-host.json'), 'utf8') }));
  await page.addInitScript(() => {
    window.__messages = [];
    window.addEventListener('message', (e) => window.__messages.push(e.data));
  });
  await page.goto('/embed-example.html');
  const quick = page.frameLocator('iframe[title="ISO/IEC 42001 quick scan"]');
  // The second widget is configured in German (lang=de).
  const full = page.frameLocator('iframe[title="ISO/IEC 42001 vollständige Bewertung"]');
  // The host asked for a questionnaire each: both open straight on the profile.
  await expect(quick.getByRole('heading', { name: 'Your organisation' })).toBeVisible();
  await expect(full.getByRole('heading', { name: 'Ihre Organisation' })).toBeVisible();
  await expect(quick.locator('.nav-title')).toHaveText('ISO/IEC 42001 quick scan');
  await expect(full.locator('.nav-title')).toHaveText('ISO/IEC 42001 vollständige Bewertung');
  await expect(full.locator('html')).toHaveAttribute('lang', 'de');
  await expect(quick.locator('html')).toHaveAttribute('lang', 'en');
  // The host's branding reached both widgets; the second is forced dark (a visitor's choice).
  const accent = await quick.locator('.aims').evaluate((el) => getComputedStyle(el).getPropertyValue('--aims-accent').trim());
  expect(accent).toBe('#8a3b12');
  expect(await quick.locator('.aims').evaluate((el) => getComputedStyle(el).fontFamily)).toContain('Georgia');
  await expect(full.locator('.aims')).toHaveClass(/theme-dark/);
  // The frames were resized to their content from the height messages.
  await expect.poll(async () => page.locator('iframe[title="ISO/IEC 42001 quick scan"]').evaluate((f) => f.style.height)).toMatch(/^\d+px$/);
  const heights = await page.locator('iframe[data-aims-readiness]').evaluateAll((fs) => fs.map((f) => f.getBoundingClientRect().height));
  expect(heights.every((h) => h > 600)).toBe(true);
  // Messages carry the height and the widget id, nothing else.
  const messages = await page.evaluate(() => window.__messages);
  expect(messages.length).toBeGreaterThan(1);
  for (const m of messages) {
    const keys = Object.keys(m).sort();
    if (m.type === 'aims-readiness:top') expect(keys).toEqual(['id', 'offset', 'type']);
    else expect(keys).toEqual(['height', 'id', 'type']);
  }
  expect(new Set(messages.map((m) => m.id))).toEqual(new Set(['quick', 'full']));

  // Answering in one widget leaves the other alone.
  await smallUserProfile(quick);
  await quick.locator('#q-4-1-2').click();
  await expect(quick.getByTestId('answered')).toHaveText('1');
  await expect(full.locator('input[name="size"]:checked')).toHaveCount(0);
  await page.reload();
  await expect(full.getByRole('heading', { name: 'Ihre Organisation' })).toBeVisible();
  await expect(quick.getByTestId('answered')).toHaveText('1');
  // The host's call to action and course links appear with the results and the roadmap.
  await quick.getByRole('button', { name: 'Results', exact: true }).click();
  await expect(quick.getByTestId('cta')).toHaveAttribute('href', 'mailto:courses@academy.example');
  await expect(quick.locator('[data-course="A.6"]')).toHaveAttribute('href', 'https://academy.example/ai-lifecycle');
  // The host's message for this band; no contact in host.json, so no hand-off.
  await expect(quick.locator('[data-kind="band"][data-key="early-stage"]')).toHaveText('Most teams start here. Our foundation course walks through clauses 4 to 10.');
  await expect(quick.getByTestId('handoff-open')).toHaveCount(0);
  await quick.getByRole('button', { name: 'Roadmap', exact: true }).click();
  await expect(quick.locator('[data-course="3"]')).toHaveAttribute('href', 'https://academy.example/lead-implementer');
  expect(errors).toEqual([]);
});

test('malformed configuration is ignored with a console warning and never injects anything', async ({ page }) => {
  const warnings = [];
  const errors = watchErrors(page);
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  await page.goto('/index.html?accent=red;}body{display:none&cta-label=%3Cimg%20src=x%20onerror=alert(1)%3E&cta-url=javascript:alert(1)&logo=https://tracker.example/p.png&bogus=1');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('ISO/IEC 42001');
  expect(warnings.filter((w) => w.startsWith('readiness check: ignored')).length).toBeGreaterThanOrEqual(4);
  await expect(page.locator('img')).toHaveCount(0);
  await expect(page.getByTestId('cta')).toHaveCount(0);
  const accent = await page.locator('.aims').evaluate((el) => el.style.getPropertyValue('--aims-accent'));
  expect(accent).toBe('');
  expect(errors).toEqual([]);
});

/** A host page on another origin (tests/e2e/host/, served on another port and host name). */
async function hostPage(page, name) {
  await page.goto(`http://localhost:4174/${name}.html`);
}

const frameHeight = (page) => page.locator('iframe').evaluate((f) => f.getBoundingClientRect().height);

test('embedded on another origin, the frame grows and shrinks and new screens are scrolled into view', async ({ page }) => {
  const errors = watchErrors(page);
  await page.setViewportSize({ width: 1000, height: 700 });
  await hostPage(page, 'scroll');
  const frame = page.frameLocator('iframe');
  await expect(frame.getByRole('heading', { name: 'Your organisation' })).toBeVisible();
  await expect.poll(() => frameHeight(page)).toBeGreaterThan(400);
  const profileHeight = await frameHeight(page);
  const run = fixture('mouse-run');
  await fillProfileWithMouse(frame, run.profile);
  await answerAllWithMouse(frame, run.answers);
  await expect(frame.getByTestId('overall-percent')).toBeVisible();
  await expect.poll(() => frameHeight(page)).toBeGreaterThan(profileHeight + 500);
  // The results open on their heading: the host scrolled it into the top third of its view.
  // (Playwright's boxes are relative to the host page's view, through the cross-origin frame.)
  const headingTop = async () => (await frame.locator('#results-title').boundingBox()).y;
  await expect.poll(headingTop).toBeLessThan(700 / 3);
  await expect.poll(headingTop).toBeGreaterThanOrEqual(0);
  // Back to the profile (now taller: a high-risk answer adds the EU supply-chain roles): the
  // frame shrinks again to its content, leaving no blank host page below it.
  const resultsHeight = await frameHeight(page);
  await frame.getByRole('button', { name: 'Profile', exact: true }).click();
  await expect.poll(() => frameHeight(page)).toBeLessThan(resultsHeight - 500);
  const content = () => frame.locator('html').evaluate((e) => e.scrollHeight);
  await expect.poll(async () => Math.abs((await frameHeight(page)) - (await content()))).toBeLessThan(50);
  expect(errors).toEqual([]);
});

test('a frame below the fold is sized before it is scrolled to', async ({ page }) => {
  await page.setViewportSize({ width: 1000, height: 700 });
  await hostPage(page, 'below-fold');
  await expect.poll(() => frameHeight(page), { timeout: 15000 }).toBeGreaterThan(400);
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
});

test('with storage blocked in a third-party frame, one notice says that saving is off', async ({ page }) => {
  await page.addInitScript(() => {
    if (window.top !== window) {
      Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } });
    }
  });
  await hostPage(page, 'plain');
  const frame = page.frameLocator('iframe');
  await expect(frame.getByRole('heading', { name: 'Your organisation' })).toBeVisible();
  await expect(frame.locator('.saving-off')).toHaveCount(1);
  await expect(frame.locator('.notice')).toHaveCount(0);
});

/** A small organisation that only uses AI, no certification, no high risk: the profile, sent. */
async function smallUserProfile(target) {
  await target.locator('input[name="size"][value="small"]').click();
  await target.locator('input[name="roles"][value="uses"]').click();
  await target.locator('input[name="certifications"][value="none"]').click();
  await target.locator('input[name="high_risk"][value="no"]').click();
  await target.locator('input[name="prohibited"][value="no"]').click();
  await target.getByTestId('profile-continue').click();
}

/** Opens the quick scan at `query` with `host` as the site's host.json and goes to the results. */
async function resultsWith(page, query, host) {
  await page.route('**/host.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(host) }));
  await page.goto(`/index.html?questionnaire=iso42001-quick-scan&${query}`);
  await smallUserProfile(page);
  await page.getByRole('button', { name: 'Results', exact: true }).click();
  await expect(page.getByTestId('overall-percent')).toBeVisible();
}

test('a crafted link puts nothing in the host\'s name unless host.json turns URL settings on', async ({ browser }) => {
  let page = await browser.newPage();
  let errors = watchErrors(page);
  const warnings = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  const crafted = 'cta-label=Claim+your+prize&cta-url=https://evil.example/win&band-early-stage=Crafted+words&course-3=https://evil.example/course&course-A.6=https://evil.example/a6&accent=%23ff0000&logo-alt=Evil';
  await resultsWith(page, crafted, { name: 'Acme Advisory' });
  await expect(page.getByTestId('cta')).toHaveCount(0);
  await expect(page.locator('[data-kind="band"]')).toHaveCount(0);
  await expect(page.locator('[data-course]')).toHaveCount(0);
  await expect(page.locator('body')).not.toContainText('Claim your prize');
  await expect(page.locator('body')).not.toContainText('Crafted words');
  expect(await page.locator('.aims').evaluate((el) => el.style.getPropertyValue('--aims-accent'))).toBe('');
  for (const key of ['cta-label', 'cta-url', 'band-early-stage', 'course-3', 'course-A.6', 'accent', 'logo-alt']) {
    expect(warnings.some((w) => w.includes(`ignored setting "${key}"`) && w.includes('host.json')), key).toBe(true);
  }
  await page.getByRole('button', { name: 'Roadmap', exact: true }).click();
  await expect(page.locator('[data-course]')).toHaveCount(0);
  // The same link on a site whose host.json turns URL settings on shows them.
  expect(errors).toEqual([]);
  await page.context().close();
  warnings.length = 0;
  page = await browser.newPage();
  errors = watchErrors(page);
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  await resultsWith(page, crafted, { name: 'Acme Advisory', 'url-settings': true });
  await expect(page.getByTestId('cta')).toHaveAttribute('href', 'https://evil.example/win');
  await expect(page.locator('[data-kind="band"][data-key="early-stage"]')).toHaveText('Crafted words');
  await expect(page.locator('[data-course="A.6"]')).toHaveAttribute('href', 'https://evil.example/a6');
  expect(warnings.filter((w) => w.includes('ignored setting'))).toEqual([]);
  expect(errors).toEqual([]);
  await page.context().close();
});

test('two <aims-readiness> elements: sandboxed frames, sized, told when started and completed, never an answer', async ({ page, browser }) => {
  const errors = watchErrors(page);
  await page.goto('http://localhost:4174/element.html');
  const frames = page.locator('aims-readiness > iframe[data-aims-readiness]');
  await expect(frames).toHaveCount(2);
  // The fallback links gave way to the frames; each frame is sandboxed and named.
  await expect(page.locator('aims-readiness > a')).toHaveCount(0);
  for (const frame of await frames.all()) {
    const sandbox = (await frame.getAttribute('sandbox')).split(' ');
    expect(sandbox).toEqual(expect.arrayContaining(['allow-scripts', 'allow-same-origin', 'allow-downloads']));
    expect(sandbox).not.toContain('allow-top-navigation');
  }
  await expect(page.locator('#full > iframe')).toHaveAttribute('title', 'Évaluation complète');
  const quick = page.frameLocator('#quick > iframe');
  const full = page.frameLocator('#full > iframe');
  await expect(quick.getByRole('heading', { name: 'Your organisation' })).toBeVisible();
  await expect(full.getByRole('heading', { name: 'Votre organisme' })).toBeVisible();
  // Each sized to its own content.
  await expect.poll(() => page.locator('#full > iframe').evaluate((f) => f.style.height)).toMatch(/^\d+px$/);
  await expect.poll(() => page.locator('#quick > iframe').evaluate((f) => f.style.height)).toMatch(/^\d+px$/);
  // Both opened on their questionnaire: each element was told it started, once.
  await expect.poll(() => page.evaluate(() => hostLog.events.filter((e) => e.type === 'aims-readiness:started').length)).toBe(2);
  // The person tells the widget that the host receives these events.
  await quick.locator('.your-data summary').click();
  await expect(quick.getByTestId('host-events')).toContainText('readiness band');
  const run = fixture('mouse-run');
  await fillProfileWithMouse(quick, run.profile);
  await answerAllWithMouse(quick, run.answers);
  await expect(quick.getByTestId('overall-percent')).toBeVisible();
  const band = (await quick.locator('.summary').getAttribute('class')).match(/band-([a-z0-9-]+)/)[1];
  await expect.poll(() => page.evaluate(() => hostLog.events.length)).toBe(3);
  // Going back and forth counts nothing twice.
  await quick.getByRole('button', { name: 'Roadmap', exact: true }).click();
  await quick.getByRole('button', { name: 'Results', exact: true }).click();
  await quick.getByRole('button', { name: 'Profile', exact: true }).click();
  await page.waitForTimeout(300);
  const events = await page.evaluate(() => hostLog.events);
  expect(events).toEqual(expect.arrayContaining([
    { type: 'aims-readiness:started', target: 'quick', detail: { questionnaire: 'iso42001-quick-scan' } },
    { type: 'aims-readiness:started', target: 'full', detail: { questionnaire: 'iso42001-full' } },
    { type: 'aims-readiness:completed', target: 'quick', detail: { questionnaire: 'iso42001-quick-scan', band } },
  ]));
  expect(events).toHaveLength(3);
  // Every message the frames posted is one of the four kinds, with only its own fields: no answer,
  // note, profile or score ever reaches the host page.
  const shapes = { 'aims-readiness:height': ['height', 'id', 'type'], 'aims-readiness:top': ['id', 'offset', 'type'],
    'aims-readiness:started': ['id', 'questionnaire', 'type'], 'aims-readiness:completed': ['band', 'id', 'questionnaire', 'type'] };
  const messages = await page.evaluate(() => hostLog.messages);
  for (const m of messages) expect(Object.keys(m).sort()).toEqual(shapes[m.type]);
  expect(JSON.stringify(messages)).not.toMatch(/4\.1|answers|profile|notes|percent/);
  expect(errors).toEqual([]);

  // Without JavaScript the host's plain links remain.
  const context = await browser.newContext({ javaScriptEnabled: false });
  const still = await context.newPage();
  await still.goto('http://localhost:4174/element.html');
  await expect(still.getByRole('link', { name: 'Check your readiness for ISO/IEC 42001' })).toBeVisible();
  await expect(still.locator('iframe')).toHaveCount(0);
  await context.close();
});

test('hostile attributes on an <aims-readiness> element stay text: encoded into the frame\'s address, never markup', async ({ page }) => {
  const errors = watchErrors(page);
  const dialogs = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    d.dismiss();
  });
  await page.goto('http://localhost:4174/element.html');
  await expect(page.locator('aims-readiness > iframe')).toHaveCount(2);
  const hostile = { questionnaire: '"><script>alert(1)</script>', lang: 'xx" onload="alert(2)', theme: '</iframe><img src=x onerror=alert(3)>', label: '<b>bold</b> & "quotes"', 'widget-id': 'a b<c>' };
  const src = await page.evaluate((attrs) => {
    const el = document.createElement('aims-readiness');
    el.id = 'hostile';
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    el.setAttribute('src', 'http://127.0.0.1:4173/');
    document.body.append(el);
    return el.querySelector('iframe').src;
  }, hostile);
  const url = new URL(src);
  expect(url.searchParams.get('questionnaire')).toBe(hostile.questionnaire);
  expect(url.searchParams.get('lang')).toBe(hostile.lang);
  expect(url.searchParams.get('id')).toBe('abc');
  await expect(page.locator('#hostile > iframe')).toHaveAttribute('title', hostile.label);
  await expect(page.locator('#hostile img, #hostile script, #hostile b')).toHaveCount(0);
  // The widget ignores what it does not accept and starts as usual.
  await expect(page.frameLocator('#hostile > iframe').getByRole('heading', { level: 1 })).toContainText('ISO/IEC 42001');
  expect(dialogs).toEqual([]);
  expect(errors).toEqual([]);
});
