import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests in real browsers with the built extension (run `npm run build:all` first; `npm test`
 * does). Chromium tests use Playwright with Debian's Chromium; Firefox tests drive Debian's Firefox
 * ESR through puppeteer-core over WebDriver BiDi (see scripts/harness/).
 */
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  projects: [
    { name: 'chromium', testMatch: /.*\.chromium\.spec\.ts/ },
    { name: 'firefox', testMatch: /.*\.firefox\.spec\.ts/ },
  ],
});
