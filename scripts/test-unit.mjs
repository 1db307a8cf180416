#!/usr/bin/env node
/**
 * The domain and report tests: always on the embedded database, and again on PostgreSQL when
 * TEST_DATABASE_URL is set — the same suite on both.
 */
import { spawnSync } from 'node:child_process';

const extra = process.argv.slice(2);
const { TEST_DATABASE_URL, ...withoutServer } = process.env;

function run(label, env) {
  console.log(`\n▶ unit and integration tests on ${label}`);
  const result = spawnSync('npx', ['vitest', 'run', ...extra], { stdio: 'inherit', env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run('embedded PostgreSQL (PGlite)', withoutServer);
if (TEST_DATABASE_URL) run(`PostgreSQL (${new URL(TEST_DATABASE_URL).host})`, process.env);
