// Browser end-to-end tests of the console: Playwright drives Debian's Chromium (never a downloaded browser)
// against real processes — our mongrel2, the e2e handler, an upstream and two consoles — that the global setup
// starts on non-default loopback ports with a temp database (e2e/fixtures/stack.ts). The workflows change one
// shared configuration, so they run one at a time.
import { defineConfig } from '@playwright/test';
import { PORTS } from './e2e/fixtures/ports';

export default defineConfig({
  testDir: './e2e/specs',
  outputDir: './test-results/e2e',
  globalSetup: './e2e/fixtures/global-setup.ts',
  globalTeardown: './e2e/fixtures/global-teardown.ts',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'test-results/e2e-report' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORTS.console}`,
    headless: true,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.M2_CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    },
  },
});
