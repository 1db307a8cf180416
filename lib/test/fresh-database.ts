import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { closeDb } from '@/db/client';

/**
 * Runs `fn` against a second, empty migrated database (a fresh copy of the run's template, PGlite
 * or PostgreSQL as the test file's own), then switches back to the test file's database. The code
 * under test selects it exactly as in production, through DATABASE_URL and getDb().
 */
export async function withFreshDatabase<T>(fn: () => Promise<T>): Promise<T> {
  const template = inject('testTemplate');
  const original = process.env.DATABASE_URL;
  const id = `${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  let drop: () => Promise<void>;
  await closeDb();
  if (process.env.TEST_DATABASE_URL) {
    const { default: postgres } = await import('postgres');
    const admin = postgres(process.env.TEST_DATABASE_URL, { max: 1, onnotice: () => {} });
    const name = `tp_fresh_${id}`;
    await admin.unsafe(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
    const url = new URL(process.env.TEST_DATABASE_URL);
    url.pathname = `/${name}`;
    process.env.DATABASE_URL = url.toString();
    drop = async () => {
      await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    };
  } else {
    const dir = path.join(os.tmpdir(), `tp-fresh-${id}`);
    fs.cpSync(template, dir, { recursive: true });
    process.env.DATABASE_URL = `pglite:${dir}`;
    drop = async () => {
      fs.rmSync(dir, { recursive: true, force: true });
      fs.rmSync(`${dir}.lock`, { force: true });
    };
  }
  try {
    return await fn();
  } finally {
    await closeDb();
    process.env.DATABASE_URL = original;
    await drop();
  }
}
