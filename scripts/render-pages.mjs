// What the Office and GRC files look like where people open them: downloads each one from the
// built widget (dist/, the Office tests' assessment), converts it with LibreOffice headless to
// PDF and renders its first two pages with pdftoppm into a folder (<name>-<lang>-1.png, -2.png),
// printing each file's size.
// Shows; asserts nothing (the tests in tests/e2e check the contents).
// Usage: node scripts/render-pages.mjs [out-folder] [--lang=de]   (default docs/files, English)
import { spawn, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { chromium } from '@playwright/test';
import { downloadTo, officeAssessment, root } from '../tests/e2e/helpers.mjs';

const out = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? join(root, 'docs', 'files');
const lang = process.argv.find((a) => a.startsWith('--lang='))?.slice(7) ?? 'en';
const EXPORTS = ['export-xlsx', 'export-docx', 'export-adviser-docx', 'export-ciso-audit', 'export-ciso-controls'];
const port = 4190;
mkdirSync(out, { recursive: true });
const work = mkdtempSync(join(tmpdir(), 'aims-pages-'));
const server = spawn('node', ['tests/e2e/serve.mjs', 'dist', String(port)], { cwd: root, stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 800));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
try {
  const page = await browser.newPage({ acceptDownloads: true });
  await page.goto(`http://127.0.0.1:${port}/?lang=${lang}`);
  await page.locator('.aims:not([data-preview])').waitFor();
  await page.getByTestId('open-file').setInputFiles(officeAssessment());
  await page.getByTestId('overall-percent').waitFor();
  for (const id of EXPORTS) {
    const file = await downloadTo(page, id, work);
    // A CSV opens in Calc; LibreOffice picks the filter from the extension.
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${work}/profile`, '--convert-to', 'pdf', '--outdir', work, file], { stdio: 'ignore', timeout: 180_000 });
    const pdf = join(work, basename(file).replace(/\.[a-z]+$/, '.pdf'));
    const png = join(out, `${id.replace(/^export-/, '')}-${lang}`);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', pdf, png]);
    console.log(`${basename(file)}: ${statSync(file).size} B; pages 1-2 as LibreOffice prints it: ${png}-*.png`);
  }
} finally {
  await browser.close();
  server.kill();
}
