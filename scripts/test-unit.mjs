#!/usr/bin/env node
/**
 * The domain and report tests: always on the embedded database, and again on PostgreSQL when
 * TEST_DATABASE_URL is set — the same suite on both.
 *
 * The files run in shared worker processes (Vitest's --isolate=false): each file still gets its own
 * database (lib/test/setup.ts), but the modules are loaded once per worker instead of once per file,
 * which halves the suite's CPU time. A file that replaces modules (vi.mock) needs modules of its own,
 * so those files run afterwards, isolated. Paths given on the command line run isolated, as they are.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const extra = process.argv.slice(2);
const { TEST_DATABASE_URL, ...withoutServer } = process.env;

/** The test files that mock modules: they cannot share a worker's module cache with the others. */
function mockingFiles() {
  const found = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) walk(full);
      } else if (entry.name.endsWith('.test.ts') && /\bvi\.(mock|doMock|unmock|resetModules)\(/.test(fs.readFileSync(full, 'utf8'))) found.push(path.relative(process.cwd(), full));
    }
  };
  for (const root of ['lib', 'db', 'app', 'scripts']) walk(root);
  return found.sort();
}

function vitest(label, env, args) {
  console.log(`\n▶ unit and integration tests on ${label}`);
  const result = spawnSync('npx', ['vitest', 'run', ...args], { stdio: 'inherit', env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function run(label, env) {
  if (extra.length) return vitest(label, env, extra);
  const mocking = mockingFiles();
  vitest(`${label}, shared workers`, env, ['--isolate=false', ...mocking.flatMap((file) => ['--exclude', file])]);
  if (mocking.length) vitest(`${label}, the ${mocking.length} files that mock modules, isolated`, env, mocking);
}

run('embedded PostgreSQL (PGlite)', withoutServer);
if (TEST_DATABASE_URL) run(`PostgreSQL (${new URL(TEST_DATABASE_URL).host})`, process.env);
