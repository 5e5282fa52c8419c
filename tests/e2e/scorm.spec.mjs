// The SCORM 1.2 package in an LMS: its manifest read as an LMS reads it, and the SCO launched in
// a frame of a page running a real SCORM 1.2 runtime (npm scorm-again's Scorm12API as
// window.API, the way an LMS provides it): completion is recorded when the results are reached,
// and no other data element is set; the score only in a package built with --score; outside an
// LMS the SCO is the offline edition.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { answerAllWithMouse, fillProfileWithMouse, fixture, root, watchErrors } from './helpers.mjs';

const LMS = 'http://lms.test';
const runtime = readFileSync(join(root, 'node_modules', 'scorm-again', 'dist', 'scorm12.min.js'), 'utf8');

/** Unzips a package into `dir` and returns its files by name. */
function unpack(zip, dir) {
  mkdirSync(dir, { recursive: true });
  execFileSync('unzip', ['-o', '-q', zip, '-d', dir]);
  return Object.fromEntries(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name))]));
}

// The LMS's page: the runtime as window.API, every call the SCO makes recorded, the SCO in a frame.
const lmsPage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>LMS</title>
<script src="/scorm-again.js"></script>
<script>
  window.calls = [];
  window.API = new Scorm12API({ autocommit: false, logLevel: 5 });
  for (const name of ['LMSInitialize', 'LMSSetValue', 'LMSCommit', 'LMSFinish']) {
    const call = API[name].bind(API);
    API[name] = (...args) => { calls.push([name, ...args]); return call(...args); };
  }
</script></head><body><iframe id="sco" title="Course" src="/sco/index.html" style="width:100%;height:2400px;border:0"></iframe></body></html>`;

async function serveLms(page, files) {
  await page.route(`${LMS}/**`, (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/') return route.fulfill({ contentType: 'text/html', body: lmsPage });
    if (path === '/scorm-again.js') return route.fulfill({ contentType: 'text/javascript', body: runtime });
    const name = path.replace(/^\/sco\//, '');
    if (files[name]) return route.fulfill({ contentType: name.endsWith('.html') ? 'text/html' : 'application/xml', body: files[name] });
    return route.fulfill({ status: 404, body: '' });
  });
}

async function completeQuickScan(frame) {
  await frame.locator('[data-questionnaire="iso42001-quick-scan"] button').click();
  const run = fixture('mouse-run');
  await fillProfileWithMouse(frame, run.profile);
  await answerAllWithMouse(frame, run.answers);
  await expect(frame.getByTestId('overall-percent')).toBeVisible();
}

test('the manifest has what an LMS needs: one default organisation, an item pointing at a SCO resource whose file is in the package', async ({ page }, testInfo) => {
  const files = unpack(join(root, 'dist', 'aims-readiness-scorm12.zip'), testInfo.outputPath('package'));
  expect(Object.keys(files).sort()).toEqual(['imsmanifest.xml', 'index.html']);
  await page.goto('about:blank');
  const found = await page.evaluate((xml) => {
    const doc = new DOMParser().parseFromString(xml, 'application/xml');
    if (doc.querySelector('parsererror')) return { error: doc.querySelector('parsererror').textContent };
    const cp = 'http://www.imsproject.org/xsd/imscp_rootv1p1p2';
    const adlcp = 'http://www.adlnet.org/xsd/adlcp_rootv1p2';
    const all = (name) => [...doc.getElementsByTagNameNS(cp, name)];
    const organizations = all('organizations')[0];
    const resources = all('resource');
    return {
      root: `${doc.documentElement.namespaceURI} ${doc.documentElement.localName}`,
      identifier: doc.documentElement.getAttribute('identifier'),
      schema: all('schema')[0]?.textContent,
      version: all('schemaversion')[0]?.textContent,
      defaultOrg: all('organization').some((o) => o.getAttribute('identifier') === organizations.getAttribute('default')),
      items: all('item').map((i) => ({ ref: i.getAttribute('identifierref'), title: i.getElementsByTagNameNS(cp, 'title')[0]?.textContent })),
      resources: resources.map((r) => ({ id: r.getAttribute('identifier'), type: r.getAttribute('type'), scorm: r.getAttributeNS(adlcp, 'scormtype'), href: r.getAttribute('href'), files: [...r.getElementsByTagNameNS(cp, 'file')].map((f) => f.getAttribute('href')) })),
    };
  }, files['imsmanifest.xml'].toString('utf8'));
  expect(found.error).toBeUndefined();
  expect(found.root).toBe('http://www.imsproject.org/xsd/imscp_rootv1p1p2 manifest');
  expect(found.identifier).toMatch(/^[A-Za-z0-9_.-]+$/);
  expect([found.schema, found.version]).toEqual(['ADL SCORM', '1.2']);
  expect(found.defaultOrg).toBe(true);
  expect(found.items).toHaveLength(1);
  expect(found.items[0].title).toMatch(/ISO\/IEC 42001/);
  expect(found.resources).toEqual([{ id: found.items[0].ref, type: 'webcontent', scorm: 'sco', href: 'index.html', files: ['index.html'] }]);
  // The SCO is self-contained: no file it would fetch is missing from the package.
  const sco = files['index.html'].toString('utf8');
  expect(sco).not.toMatch(/<(script|link|img)[^>]+(src|href)="(?!data:)/);
});

test('launched by an LMS, the SCO reports completion when the results are reached, and nothing else', async ({ page }, testInfo) => {
  const errors = watchErrors(page);
  await serveLms(page, unpack(join(root, 'dist', 'aims-readiness-scorm12.zip'), testInfo.outputPath('package')));
  await page.goto(`${LMS}/`);
  const frame = page.frameLocator('#sco');
  await expect.poll(() => page.evaluate(() => calls.map((c) => c[0]))).toEqual(['LMSInitialize']);
  await completeQuickScan(frame);
  await expect.poll(() => page.evaluate(() => API.cmi.core.lesson_status)).toBe('completed');
  // Back and forth: still one report.
  await frame.getByRole('button', { name: 'Roadmap', exact: true }).click();
  await frame.getByRole('button', { name: 'Results', exact: true }).click();
  await page.evaluate(() => document.getElementById('sco').remove());
  const calls = await page.evaluate(() => calls);
  expect(calls).toEqual([
    ['LMSInitialize', ''],
    ['LMSSetValue', 'cmi.core.lesson_status', 'completed'],
    ['LMSCommit', ''],
    ['LMSFinish', ''],
  ]);
  // No score, no suspend data, no interactions: nothing of the answers reached the LMS.
  const cmi = await page.evaluate(() => ({ score: API.cmi.core.score.raw, suspend: API.cmi.suspend_data, interactions: API.cmi.interactions.childArray.length, objectives: API.cmi.objectives.childArray.length }));
  expect(cmi).toEqual({ score: '', suspend: '', interactions: 0, objectives: 0 });
  expect(errors).toEqual([]);
});

test('a package built with --score also reports the overall readiness as the score', async ({ page }, testInfo) => {
  const zip = testInfo.outputPath('scored.zip');
  execFileSync('node', [join(root, 'scripts', 'scorm.mjs'), join(root, 'dist'), '--score', `--out=${zip}`]);
  await serveLms(page, unpack(zip, testInfo.outputPath('scored')));
  await page.goto(`${LMS}/`);
  const frame = page.frameLocator('#sco');
  await completeQuickScan(frame);
  const percent = await frame.getByTestId('overall-percent').textContent();
  await expect.poll(() => page.evaluate(() => API.cmi.core.lesson_status)).toBe('completed');
  const set = await page.evaluate(() => calls.filter((c) => c[0] === 'LMSSetValue'));
  expect(set).toEqual([['LMSSetValue', 'cmi.core.score.raw', percent], ['LMSSetValue', 'cmi.core.lesson_status', 'completed']]);
  expect(await page.evaluate(() => API.cmi.core.score.raw)).toBe(percent);
});

test('outside an LMS the SCO is the offline edition: it runs and looks for no API', async ({ page }, testInfo) => {
  const errors = watchErrors(page);
  await serveLms(page, unpack(join(root, 'dist', 'aims-readiness-scorm12.zip'), testInfo.outputPath('package')));
  await page.goto(`${LMS}/sco/index.html`);
  await page.locator('[data-questionnaire="iso42001-quick-scan"] button').click();
  await expect(page.getByRole('heading', { name: 'Your organisation' })).toBeVisible();
  expect(errors).toEqual([]);
});
