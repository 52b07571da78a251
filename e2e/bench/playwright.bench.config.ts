// The console's benchmark (issue 5 targets): the same real stack as the e2e suite, one measuring spec that prints
// its figures (first load, JavaScript shipped, Live connections update cost with 10,000 connections). Run with
// `npm run bench:console`; it measures and reports, it does not pass or fail on time.
import { defineConfig } from '@playwright/test';
import base from '../../playwright.config';

export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: 'console.bench.ts',
  outputDir: '../../test-results/bench',
  globalSetup: '../fixtures/global-setup.ts',
  globalTeardown: '../fixtures/global-teardown.ts',
  reporter: 'list',
  timeout: 300_000,
});
