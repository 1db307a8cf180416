import crypto from 'node:crypto';
import { inject } from 'vitest';
import { closeDb } from '@/db/client';
import { copyTemplateDatabase } from './template-copy';

/**
 * Runs `fn` against a second, empty migrated database (a fresh copy of the run's template, PGlite
 * or PostgreSQL as the test file's own), then switches back to the test file's database. The code
 * under test selects it exactly as in production, through DATABASE_URL and getDb().
 */
export async function withFreshDatabase<T>(fn: () => Promise<T>): Promise<T> {
  const template = inject('testTemplate');
  const original = process.env.DATABASE_URL;
  const id = `${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  await closeDb();
  const copy = await copyTemplateDatabase(template, 'fresh', id);
  process.env.DATABASE_URL = copy.url;
  try {
    return await fn();
  } finally {
    await closeDb();
    process.env.DATABASE_URL = original;
    await copy.drop();
  }
}
