// The CISO Assistant import files as its data wizard reads them (delimiter sniffed among
// , ; tab |, UTF-8 with a byte-order mark): every requirement of its ISO/IEC 42001 library by
// urn, the values it accepts, the note exactly as typed; and the roadmap as applied controls.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { appStarted, downloadTo, hostile, officeAssessment, root } from './helpers.mjs';

const library = readFileSync(join(root, 'tests', 'corpus', 'ciso-assistant-iso42001-2023.tsv'), 'utf8')
  .split('\n').filter((l) => l && !l.startsWith('#')).map((l) => l.split('\t'));


const wizard = (path) => JSON.parse(execFileSync('python3', [join(root, 'tests', 'tools', 'read_ciso_csv.py'), path], { encoding: 'utf8' }));

for (const lang of ['en', 'de']) {
  test(`the CISO Assistant audit and applied controls read as its data wizard reads them (${lang})`, async ({ page }, testInfo) => {
    await page.goto(`/?lang=${lang}`);
    await appStarted(page);
    await page.getByTestId('open-file').setInputFiles(officeAssessment());
    await expect(page.getByTestId('overall-percent')).toBeVisible();
    const audit = wizard(await downloadTo(page, 'export-ciso-audit', testInfo.outputPath()));
    expect(audit.delimiter).toBe(',');
    expect(audit.columns).toEqual(['urn', 'assessable', 'ref_id', 'name', 'compliance_result', 'requirement_progress', 'score', 'observations']);
    expect(audit.records.map((r) => [r.urn, r.ref_id])).toEqual(library);
    const results = new Set(audit.records.map((r) => r.compliance_result));
    for (const result of results) expect(['', 'not_assessed', 'partially_compliant', 'non_compliant', 'compliant', 'not_applicable']).toContain(result);
    const row = (id) => audit.records.find((r) => r.ref_id === id);
    // The open assessment: 4.1 at level 2 of 3 (the gate), everything else at 1, A.7.4 excluded.
    expect([row('4.1').compliance_result, row('4.1').score, row('4.1').requirement_progress]).toEqual(['compliant', '3', 'in_review']);
    expect([row('6.1').compliance_result, row('6.1').score]).toEqual(['partially_compliant', '2']);
    expect(row('A.7.4').compliance_result).toBe('not_applicable');
    // The note on 4.3, exactly as typed (a CSV keeps CR LF inside a quoted field).
    expect(row('4.3').observations.endsWith(`: ${hostile}`)).toBe(true);
    await page.locator('#calendar-start').fill('2027-01-04');
    const controls = wizard(await downloadTo(page, 'export-ciso-controls', testInfo.outputPath()));
    expect(controls.columns).toEqual(['ref_id', 'name', 'description', 'category', 'priority', 'effort', 'status', 'start_date', 'eta']);
    expect(controls.records.length).toBeGreaterThan(10);
    expect(controls.records[0].start_date).toBe('2027-01-04');
    for (const c of controls.records) {
      expect(['XS', 'S', 'M', 'L', 'XL']).toContain(c.effort);
      expect(c.name.length).toBeLessThanOrEqual(200);
    }
  });
}
