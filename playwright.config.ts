/**
 * End-to-end tests against the BUILT site served by the production server (src/server/server.mjs).
 * The browser is the system Chromium: never a download.
 */
import { defineConfig, devices } from '@playwright/test';
import { chromiumPath } from './tests/helpers/chromium';

const port = Number(process.env.E2E_PORT ?? 4322);

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 30_000,
  reporter: process.env.CI ? 'line' : 'list',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: {
      executablePath: chromiumPath(),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], viewport: { width: 360, height: 800 } } }],
  webServer: {
    command: 'node src/server/server.mjs',
    url: `http://127.0.0.1:${port}/da/`,
    env: { PORT: String(port), HOST: '127.0.0.1', DATA_DIR: 'test-results/e2e-data' },
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
