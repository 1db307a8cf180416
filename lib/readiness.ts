import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { queryRows } from '@/db/rows';
import { loggerFor } from '@/lib/log/logger';
import { documentStore } from '@/lib/storage';

export type Readiness = { ready: boolean; checks: { database: string; migrations: string; storage: string; server: string } };

/** Set by scripts/server.mjs once SIGTERM arrives: the server finishes what it has and takes nothing new. */
const DRAINING = Symbol.for('technopark.draining');

/** Each check gives up after this long: a load balancer asks often and must not pile up waiting requests. */
const CHECK_TIMEOUT_MS = 2000;

function within<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** How many migrations this build ships (db/migrations/meta/_journal.json). */
function shippedMigrations(): number {
  const journal = JSON.parse(fs.readFileSync(path.join(process.cwd(), 'db', 'migrations', 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };
  return journal.entries.length;
}

/**
 * Whether this server can take requests now: the database answers (within two seconds), every
 * migration this build ships is applied, the document store takes a write, and the server is not
 * draining. Nothing is cached, so a server becomes ready again by itself once the database is back.
 * The answers name what failed, never how (the details go to the log).
 */
export async function checkReadiness(): Promise<Readiness> {
  const log = loggerFor('ready');
  const checks: Readiness['checks'] = { database: 'ok', migrations: 'ok', storage: 'ok', server: 'ok' };
  if ((globalThis as Record<symbol, unknown>)[DRAINING]) checks.server = 'shutting down';
  const database = (async () => {
    try {
      const db = await within(getDb(), 'database');
      const [row] = await within(queryRows<{ applied: number }>(db, sql`SELECT count(*)::int AS applied FROM drizzle.__drizzle_migrations`), 'database');
      const shipped = shippedMigrations();
      if (row.applied < shipped) checks.migrations = `${shipped - row.applied} pending`;
    } catch (error) {
      checks.database = 'unreachable';
      checks.migrations = 'unknown';
      log.warn({ err: error }, 'database not ready');
    }
  })();
  const storage = within(documentStore().checkWritable(), 'storage').catch((error: unknown) => {
    checks.storage = 'not writable';
    log.warn({ err: error }, 'document storage not ready');
  });
  await Promise.all([database, storage]);
  return { ready: Object.values(checks).every((v) => v === 'ok'), checks };
}
