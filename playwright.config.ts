/**
 * End-to-end tests against the BUILT site served by the production server (serverEntry).
 * The browser is the system Chromium: never a download.
 */
import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunchOptions } from './scripts/lib/chromium.ts';
import { serverEntry } from './scripts/lib/startServer.ts';
import { e2eDataDir, e2eFormSecret } from './tests/helpers/interestServer.ts';

const port = Number(process.env.E2E_PORT ?? 4322);

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 30_000,
  // Then each failure once more, at the end, where a CI log's tail has it.
  reporter: [[process.env.CI ? 'line' : 'list'], ['./tests/helpers/failureDigest.ts']],
  // The spec files that took longest, listed at the end: where to look when the suite nears 10 minutes.
  reportSlowTests: { max: 8, threshold: 20_000 },
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: chromiumLaunchOptions(),
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], viewport: { width: 360, height: 800 } } }],
  webServer: {
    command: `node ${serverEntry}`,
    url: `http://127.0.0.1:${port}/da/`,
    // Interest data outside test-results/ (Playwright empties that folder at the start of a run).
    // A known form secret lets tests sign start times; the rate limit has its own server in
    // interest-receiver.spec.ts, so it is off here (many test posts come from 127.0.0.1).
    env: { PORT: String(port), HOST: '127.0.0.1', DATA_DIR: e2eDataDir, FORM_SECRET: e2eFormSecret, INTEREST_RATE_LIMIT: '0' },
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
