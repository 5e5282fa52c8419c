// Playwright settings: Debian's Chromium, headless, against the release build in dist/ served on 127.0.0.1.
import { defineConfig } from '@playwright/test';

const port = 4173;

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.mjs',
  timeout: 120_000,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  outputDir: '../../test-results',
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1280, height: 900 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: [
    {
      // AIMS_DIST: another build to test (scripts/test.sh runs one flow on the one-module build).
      command: `node tests/e2e/serve.mjs ${process.env.AIMS_DIST ?? 'dist'} ${port}`,
      cwd: '../..',
      url: `http://127.0.0.1:${port}/`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    // Host pages on another origin, embedding the widget served above (tests/e2e/host/).
    {
      command: `node tests/e2e/serve.mjs tests/e2e/host ${port + 1}`,
      cwd: '../..',
      url: `http://127.0.0.1:${port + 1}/plain.html`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
  ],
});
