#!/usr/bin/env node
/**
 * `npm run test:scale-out`: the scale-out end-to-end run (playwright.scale-out.config.ts) on
 * PostgreSQL. It needs a PostgreSQL server: without TEST_DATABASE_URL it says so and skips. It reuses
 * the production build in .next when it is of the current sources (as `npm run test:e2e` leaves it).
 */
import { spawnSync } from 'node:child_process';
import { buildIfStale } from './build-stamp.mjs';

if (!process.env.TEST_DATABASE_URL) {
  console.log('▶ scale-out end-to-end test skipped: it needs PostgreSQL (set TEST_DATABASE_URL, as .ci/run does)');
  process.exit(0);
}
buildIfStale();
const started = Date.now();
const result = spawnSync('npx', ['playwright', 'test', '--config', 'playwright.scale-out.config.ts', ...process.argv.slice(2)], { stdio: 'inherit' });
console.log(`▶ scale-out end-to-end test: ${Math.round((Date.now() - started) / 1000)} s`);
process.exit(result.status ?? 1);
