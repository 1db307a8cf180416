import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, inject } from 'vitest';

/**
 * Runs before each test file: gives the file a fresh copy of the migrated template and points
 * DATABASE_URL at it, so the code under test selects its database exactly as in production.
 */
const template = inject('testTemplate');
if (!template) throw new Error('no test template: run the tests through vitest (globalSetup)');

const id = `${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
let cleanup: () => Promise<void>;
process.env.DATA_DIR = path.join(os.tmpdir(), `tp-test-data-${id}`);
const closeDb = async () => (await import('@/db/client')).closeDb();

if (process.env.TEST_DATABASE_URL) {
  const serverUrl = process.env.TEST_DATABASE_URL;
  const name = `tp_test_${id}`;
  const { default: postgres } = await import('postgres');
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
  cleanup = async () => {
    await closeDb();
    await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  };
} else {
  const dir = path.join(os.tmpdir(), `tp-test-${id}`);
  fs.cpSync(template, dir, { recursive: true });
  process.env.DATABASE_URL = `pglite:${dir}`;
  cleanup = async () => {
    await closeDb();
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(`${dir}.lock`, { force: true });
    fs.rmSync(process.env.DATA_DIR!, { recursive: true, force: true });
  };
}

afterAll(async () => {
  await cleanup();
});
