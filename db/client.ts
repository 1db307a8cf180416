import fs from 'node:fs';
import path from 'node:path';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema';
import { resolveDatabaseTarget, type DatabaseTarget } from './config';
import { acquireFolderLock, DatabaseLockedError, releaseFolderLock } from './folder-lock';
import { DatabaseOpenError } from './open-error';
import { preparing } from './prepared';

/** PGlite and postgres.js both satisfy this; domain functions take it (or a transaction of it). */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** A database handle or a transaction: domain functions accept either. */
export type DbOrTx = Db | Tx;

type Handle = { db: Db; target: DatabaseTarget; close: () => Promise<void> };

const MIGRATIONS = path.join(process.cwd(), 'db', 'migrations');

async function openPglite(dir: string): Promise<Handle> {
  let real: string;
  try {
    // The real folder: PGlite cannot open one through a symlink, and the lock is keyed on it.
    real = acquireFolderLock(dir);
  } catch (error) {
    throw error instanceof DatabaseLockedError ? error : new DatabaseOpenError(`the embedded database ${dir}`, error);
  }
  try {
    fs.mkdirSync(real, { recursive: true });
    const [{ PGlite }, { btree_gist }, { pg_trgm }, { drizzle }, { migrate }] = await Promise.all([
      import('@electric-sql/pglite'),
      import('@electric-sql/pglite/contrib/btree_gist'),
      import('@electric-sql/pglite/contrib/pg_trgm'),
      import('drizzle-orm/pglite'),
      import('drizzle-orm/pglite/migrator'),
    ]);
    const client = await PGlite.create(real, { extensions: { btree_gist, pg_trgm } });
    const db = drizzle(client, { schema });
    await migrate(db, { migrationsFolder: MIGRATIONS });
    return {
      db: db as unknown as Db,
      target: { kind: 'pglite', dir },
      close: async () => {
        await client.close();
        releaseFolderLock(dir);
      },
    };
  } catch (error) {
    releaseFolderLock(dir);
    throw new DatabaseOpenError(`the embedded database ${dir}${real === dir ? '' : ` (${real})`}`, error);
  }
}

async function openPostgres(url: string): Promise<Handle> {
  const [{ default: postgres }, { drizzle }, { migrate }] = await Promise.all([
    import('postgres'),
    import('drizzle-orm/postgres-js'),
    import('drizzle-orm/postgres-js/migrator'),
  ]);
  const max = Number(process.env.DATABASE_POOL_SIZE ?? 10);
  // Prepared statements, unless a pooler in transaction mode (PgBouncer) sits between: it cannot keep them.
  const prepare = process.env.DATABASE_PREPARED_STATEMENTS !== 'off';
  const client = postgres(url, {
    max,
    onnotice: () => {},
    prepare,
    // A prepared statement is still planned for its parameters on every run, as an unprepared one is:
    // a park-scoped report must not be run with one generic plan for every park and period.
    connection: { plan_cache_mode: 'force_custom_plan' },
  });
  const db = drizzle(prepare ? preparing(client) : client, { schema });
  try {
    // Servers starting together (a rolling deploy) take turns: the first applies what is pending, the
    // others then find nothing to do. The lock is held by a connection of its own while the migrator runs.
    // (With a pool of one connection there is none to spare for the lock.)
    if (max < 2) await migrate(db, { migrationsFolder: MIGRATIONS });
    else {
      const lock = await client.reserve();
      try {
        await lock`SELECT pg_advisory_lock(hashtext('technopark:migrations'))`;
        await migrate(db, { migrationsFolder: MIGRATIONS });
      } finally {
        await lock`SELECT pg_advisory_unlock(hashtext('technopark:migrations'))`.catch(() => {});
        lock.release();
      }
    }
  } catch (error) {
    await client.end({ timeout: 1 }).catch(() => {});
    throw new DatabaseOpenError(`the PostgreSQL database ${describeServer(url)}`, error);
  }
  return { db: db as unknown as Db, target: { kind: 'postgres', url }, close: () => client.end({ timeout: 5 }) };
}

/**
 * A read-only connection to a replica (DATABASE_REPLICA_URL) for the report queries: no migrations
 * (the replica follows the primary's), and every transaction read-only, so a query sent here by
 * mistake that writes fails instead of diverging from the primary.
 */
async function openReplica(url: string): Promise<Handle> {
  const [{ default: postgres }, { drizzle }] = await Promise.all([import('postgres'), import('drizzle-orm/postgres-js')]);
  const prepare = process.env.DATABASE_PREPARED_STATEMENTS !== 'off';
  const client = postgres(url, {
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    onnotice: () => {},
    prepare,
    connection: { plan_cache_mode: 'force_custom_plan', default_transaction_read_only: true },
  });
  const db = drizzle(prepare ? preparing(client) : client, { schema });
  return { db: db as unknown as Db, target: { kind: 'postgres', url }, close: () => client.end({ timeout: 5 }) };
}

/** host:port/database of a PostgreSQL URL, without the credentials. */
function describeServer(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname}`;
  } catch {
    return '(unparsable DATABASE_URL)';
  }
}

const globalKey = Symbol.for('technopark.db');
const replicaKey = Symbol.for('technopark.db.replica');
type GlobalWithDb = typeof globalThis & { [globalKey]?: Promise<Handle>; [replicaKey]?: Promise<Handle> };

function open(): Promise<Handle> {
  const g = globalThis as GlobalWithDb;
  if (!g[globalKey]) {
    const target = resolveDatabaseTarget();
    const handle = target.kind === 'pglite' ? openPglite(target.dir) : openPostgres(target.url);
    // A failed open is not cached, so the next request tries again (after the other process let go).
    g[globalKey] = handle.catch((error: unknown) => {
      delete g[globalKey];
      throw error;
    });
  }
  return g[globalKey]!;
}

/** The process's database, opened and migrated on first use. */
export async function getDb(): Promise<Db> {
  return (await open()).db;
}

/**
 * Where the read-only report queries go (lib/reports, and the pages and commands that call them): the
 * replica at DATABASE_REPLICA_URL when one is set and the database is PostgreSQL, else the database
 * itself. A replica may lag the primary by a moment; reports read settled data, so that is harmless.
 */
export async function getReportDb(): Promise<Db> {
  const url = process.env.DATABASE_REPLICA_URL?.trim();
  if (!url) return getDb();
  if (resolveDatabaseTarget().kind !== 'postgres') throw new Error('DATABASE_REPLICA_URL needs DATABASE_URL to be a PostgreSQL server too');
  if (!url.startsWith('postgres://') && !url.startsWith('postgresql://')) throw new Error('DATABASE_REPLICA_URL must be a postgres:// or postgresql:// URL');
  const g = globalThis as GlobalWithDb;
  g[replicaKey] ??= openReplica(url).catch((error: unknown) => {
    delete g[replicaKey];
    throw error;
  });
  return (await g[replicaKey]).db;
}

export async function getDatabaseTarget(): Promise<DatabaseTarget> {
  return (await open()).target;
}

export async function closeDb(): Promise<void> {
  const g = globalThis as GlobalWithDb;
  const replica = g[replicaKey];
  delete g[replicaKey];
  if (replica) await (await replica.catch(() => null))?.close();
  const pending = g[globalKey];
  if (!pending) return;
  delete g[globalKey];
  await (await pending).close();
}
