import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, inject } from 'vitest';
import { copyTemplateDatabase } from './template-copy';

/**
 * Runs before each test file: gives the file a fresh copy of the migrated template and points
 * DATABASE_URL at it, so the code under test selects its database exactly as in production.
 */
const template = inject('testTemplate');
if (!template) throw new Error('no test template: run the tests through vitest (globalSetup)');

// The JSON log is for servers; tests that look at it spy on it.
process.env.LOG_LEVEL ??= 'silent';

const id = `${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
process.env.DATA_DIR = path.join(os.tmpdir(), `tp-test-data-${id}`);
const closeDb = async () => (await import('@/db/client')).closeDb();

const copy = await copyTemplateDatabase(template, 'test', id);
process.env.DATABASE_URL = copy.url;

afterAll(async () => {
  await closeDb();
  await copy.drop();
  fs.rmSync(process.env.DATA_DIR!, { recursive: true, force: true });
});
