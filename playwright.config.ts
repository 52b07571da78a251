// Browser end-to-end tests (the console issue): Playwright drives Debian's Chromium, never a downloaded browser.
// The console and its e2e specs do not exist yet; this file fixes the layout and the launch options they use.
const config = {
  testDir: './e2e/specs',
  outputDir: './test-results',
  use: {
    headless: true,
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'],
    },
  },
};

export default config;
