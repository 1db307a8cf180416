import { defineConfig, devices } from '@playwright/test';
import { chromiumExecutable } from './scripts/chromium-executable.mjs';

const PORT = Number(process.env.E2E_PORT ?? 3100);
/**
 * Point the tests at an app already running instead of building one here. Like the one e2e/server.mjs
 * starts, it should be a production build (`next build` + `next start`): the timeouts assume one.
 */
const EXTERNAL = process.env.E2E_BASE_URL;

export default defineConfig({
  testDir: './e2e',
  // Two servers behind a proxy, on PostgreSQL: its own run (playwright.scale-out.config.ts).
  testIgnore: 'scale-out/**',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  outputDir: 'test-results',
  use: {
    baseURL: EXTERNAL ?? `http://localhost:${PORT}`,
    trace: 'retain-on-failure',
    // An action whose target never appears fails within a minute instead of holding the test to its timeout.
    actionTimeout: 60_000,
    screenshot: 'only-on-failure',
    locale: 'en-GB',
    // The browser's clock is on none of the parks' zones: every time a page shows is the server's, written on the
    // park's clock or the reader's, so no page may lean on the browser's.
    timezoneId: 'UTC',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1366, height: 900 },
        launchOptions: {
          executablePath: chromiumExecutable(),
          args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
        },
      },
    },
  ],
  webServer: EXTERNAL
    ? undefined
    : {
        command: 'node e2e/server.mjs',
        url: `http://localhost:${PORT}/sign-in`,
        timeout: 300_000,
        reuseExistingServer: false,
        stdout: 'pipe',
        stderr: 'pipe',
        // A line per request would bury the test report; set LOG_LEVEL=info to see them.
        env: { E2E_PORT: String(PORT), LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' },
      },
});
