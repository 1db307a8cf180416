/**
 * The server the end-to-end tests drive: the production build (`next build` + `next start`) on a
 * fresh database with the demo data — PostgreSQL when TEST_DATABASE_URL is set, else embedded.
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { buildIfStale } from '../scripts/build-stamp.mjs';

const port = process.env.E2E_PORT ?? '3100';
const id = crypto.randomBytes(4).toString('hex');
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', DEMO_MODE: '1', AUTH_TRUST_HOST: 'true', PORT: port };
const dataDir = path.resolve('.data', `e2e-${id}`);
env.DATA_DIR = dataDir;
let dropDatabase = async () => {};

if (process.env.TEST_DATABASE_URL) {
  const { default: postgres } = await import('postgres');
  const admin = postgres(process.env.TEST_DATABASE_URL, { max: 1, onnotice: () => {} });
  const name = `tp_e2e_${id}`;
  await admin.unsafe(`CREATE DATABASE "${name}"`);
  const url = new URL(process.env.TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  env.DATABASE_URL = url.toString();
  dropDatabase = async () => {
    await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => {});
    await admin.end();
  };
} else {
  env.DATABASE_URL = `pglite:${path.join(dataDir, 'db')}`;
}

// A build of the current sources is reused (scripts/build-stamp.mjs), also by `npm run test:scale-out`.
if (!process.env.E2E_SKIP_BUILD) {
  try {
    buildIfStale({ env });
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : error}\n`);
    process.exit(1);
  }
}

// The production server (scripts/server.mjs), as `npm run serve` starts it.
const server = spawn(process.execPath, ['scripts/server.mjs'], { stdio: 'inherit', env });
const stop = async () => {
  server.kill('SIGTERM');
  await dropDatabase();
  fs.rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
server.on('exit', async (code) => {
  await dropDatabase();
  process.exit(code ?? 0);
});
