import base from './playwright.config';
import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.SCALE_OUT_PORT ?? 3400);

/**
 * `npm run test:scale-out` (scripts/test-scale-out.mjs): two production servers on one PostgreSQL
 * database and one S3-compatible bucket behind a round-robin proxy (e2e/scale-out/cluster.mjs).
 */
export default defineConfig({
  ...base,
  testDir: './e2e/scale-out',
  testIgnore: [],
  workers: 1,
  retries: 0,
  reporter: 'list',
  outputDir: 'test-results/scale-out',
  use: { ...base.use, baseURL: `http://localhost:${PORT}` },
  webServer: {
    command: 'node e2e/scale-out/cluster.mjs',
    url: `http://localhost:${PORT}/api/ready`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    env: { SCALE_OUT_PORT: String(PORT) },
    // The cluster stops its servers and drops its database on SIGTERM (Playwright's default is SIGKILL).
    gracefulShutdown: { signal: 'SIGTERM', timeout: 20_000 },
  },
});
