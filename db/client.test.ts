import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { closeDb, getDatabaseTarget, getDb } from './client';
import { isDemoMode, resolveDatabaseTarget } from './config';
import { acquireFolderLock, DatabaseLockedError, lockPathFor, releaseFolderLock } from './folder-lock';
import { describeFailure } from './open-error';
import { queryRows } from './rows';

describe('database selection (docs/cli.md, "Database selection")', () => {
  it('unset → embedded PGlite in .data/db', () => {
    const saved = process.env.DATA_DIR;
    delete process.env.DATA_DIR;
    try {
      expect(resolveDatabaseTarget('')).toEqual({ kind: 'pglite', dir: path.resolve('.data/db') });
      expect(resolveDatabaseTarget('  ')).toEqual({ kind: 'pglite', dir: path.resolve('.data/db') });
    } finally {
      process.env.DATA_DIR = saved;
    }
  });

  it('pglite:<dir> → that folder, relative to the working directory', () => {
    expect(resolveDatabaseTarget('pglite:tmp/x')).toEqual({ kind: 'pglite', dir: path.resolve('tmp/x') });
    expect(resolveDatabaseTarget('pglite:/abs/db')).toEqual({ kind: 'pglite', dir: '/abs/db' });
  });

  it('postgres:// and postgresql:// → a PostgreSQL server', () => {
    expect(resolveDatabaseTarget('postgres://u@h:5432/d')).toEqual({ kind: 'postgres', url: 'postgres://u@h:5432/d' });
    expect(resolveDatabaseTarget('postgresql://u@h/d')).toEqual({ kind: 'postgres', url: 'postgresql://u@h/d' });
  });

  it('anything else is refused with a clear message', () => {
    expect(() => resolveDatabaseTarget('mysql://x')).toThrow(/DATABASE_URL must be/);
    expect(() => resolveDatabaseTarget('pglite:')).toThrow(/needs a folder/);
  });

  it('demo mode is on with the embedded database, off with a server unless asked for', () => {
    const saved = { url: process.env.DATABASE_URL, demo: process.env.DEMO_MODE };
    try {
      delete process.env.DEMO_MODE;
      process.env.DATABASE_URL = 'pglite:x';
      expect(isDemoMode()).toBe(true);
      process.env.DATABASE_URL = 'postgres://h/d';
      expect(isDemoMode()).toBe(false);
      process.env.DEMO_MODE = 'true';
      expect(isDemoMode()).toBe(true);
    } finally {
      process.env.DATABASE_URL = saved.url;
      if (saved.demo === undefined) delete process.env.DEMO_MODE;
      else process.env.DEMO_MODE = saved.demo;
    }
  });

  it('opens the selected database migrated', async () => {
    const db = await getDb();
    const target = await getDatabaseTarget();
    expect(target.kind).toBe(process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite');
    const rows = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM parks`);
    expect(rows[0].n).toBe(0);
  });
});

describe('the embedded database folder lock', () => {
  it('a second process is refused at once, naming the holder and what to do', { timeout: 240_000 }, () =>
    inLockTestFolder((dbDir) => {
      acquireFolderLock(dbDir);
      const lock = JSON.parse(fs.readFileSync(lockPathFor(dbDir), 'utf8'));
      expect(lock.pid).toBe(process.pid);
      const started = Date.now();
      const child = spawnSync('npx', ['tsx', '--conditions=react-server', 'scripts/cli.ts', 'migrate'], {
        env: { ...process.env, DATABASE_URL: `pglite:${dbDir}` },
        encoding: 'utf8',
        timeout: 120_000,
      });
      expect(child.status).toBe(1);
      expect(child.stderr).toContain(`in use by process ${process.pid}`);
      expect(child.stderr).toMatch(/Stop that process first, or use PostgreSQL/);
      // refused, not left waiting for the lock: generous for a loaded machine, far below a hang
      expect(Date.now() - started).toBeLessThan(110_000);
      expect(fs.existsSync(path.join(dbDir, 'PG_VERSION'))).toBe(false); // nothing was opened or written
    }));

  it('a lock left by a dead process is taken over', () =>
    inLockTestFolder((dbDir) => {
      fs.writeFileSync(lockPathFor(dbDir), JSON.stringify({ pid: 2 ** 22 + 12345, host: os.hostname(), command: 'gone', since: new Date().toISOString() }));
      expect(() => acquireFolderLock(dbDir)).not.toThrow();
      expect(JSON.parse(fs.readFileSync(lockPathFor(dbDir), 'utf8')).pid).toBe(process.pid);
    }));

  it('a lock held by another live process, or by another machine, is refused with the holder named and left in place', () =>
    inLockTestFolder((dbDir) => {
      // Our parent process is alive for as long as this test runs.
      const holder = { pid: process.ppid, host: os.hostname(), command: 'next start', since: '2026-03-01T09:00:00.000Z' };
      const refusal = () => {
        try {
          acquireFolderLock(dbDir);
        } catch (error) {
          return error;
        }
        throw new Error('the lock was taken');
      };
      fs.writeFileSync(lockPathFor(dbDir), JSON.stringify(holder));
      const error = refusal();
      expect(error).toBeInstanceOf(DatabaseLockedError);
      expect(error).toMatchObject({ dir: dbDir, holder });
      expect((error as Error).message).toContain(`in use by process ${process.ppid} (next start)`);
      expect(JSON.parse(fs.readFileSync(lockPathFor(dbDir), 'utf8'))).toEqual(holder);

      // Another machine's process id means nothing here: never taken over as stale.
      const remote = { ...holder, pid: 2 ** 22 + 12345, host: `not-${os.hostname()}` };
      fs.writeFileSync(lockPathFor(dbDir), JSON.stringify(remote));
      expect(refusal()).toMatchObject({ holder: remote });
      expect(JSON.parse(fs.readFileSync(lockPathFor(dbDir), 'utf8'))).toEqual(remote);
    }));
});

describe('opening the database', () => {
  /** Opens `url` in place of the test file's database, then switches back. */
  async function withDatabaseUrl<T>(url: string, fn: () => Promise<T>): Promise<T> {
    const original = process.env.DATABASE_URL;
    await closeDb();
    process.env.DATABASE_URL = url;
    try {
      return await fn();
    } finally {
      await closeDb().catch(() => {});
      process.env.DATABASE_URL = original;
    }
  }

  it('through a symlink: the real folder is opened and locked', { timeout: 240_000 }, async () => {
    const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'tp-link-')));
    fs.symlinkSync(path.join(dir, 'db'), path.join(dir, 'link'));
    try {
      await withDatabaseUrl(`pglite:${path.join(dir, 'link')}`, async () => {
        const rows = await queryRows<{ n: number }>(await getDb(), sql`SELECT count(*)::int AS n FROM parks`);
        expect(rows[0].n).toBe(0);
        expect(JSON.parse(fs.readFileSync(path.join(dir, 'db.lock'), 'utf8')).pid).toBe(process.pid);
        expect(fs.existsSync(path.join(dir, 'db', 'PG_VERSION'))).toBe(true);
      });
      expect(fs.existsSync(path.join(dir, 'db.lock'))).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('every open failure says which database and why, never `[object Object]`', { timeout: 240_000 }, async () => {
    expect(describeFailure({ name: 'ErrnoError', errno: 44, stack: '<generic error, no stack>' })).toBe('file system error ENOENT (no such file or folder) (ErrnoError)');
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
    expect(describeFailure(Object.assign(new AggregateError([refused, refused], ''), { code: 'ECONNREFUSED' }))).toBe('connect ECONNREFUSED 127.0.0.1:1');
    expect(describeFailure({ reason: 'odd' })).toBe("{ reason: 'odd' }");

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tp-notdb-'));
    fs.writeFileSync(path.join(dir, 'PG_VERSION'), 'garbage\n');
    try {
      await withDatabaseUrl(`pglite:${dir}`, async () => {
        await expect(getDb()).rejects.toThrow(new RegExp(`^Could not open the embedded database ${dir}: \\S`));
      });
      expect(fs.existsSync(lockPathFor(dir))).toBe(false); // let go after the failure
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    await withDatabaseUrl('postgres://someone:s3cret@127.0.0.1:1/nowhere', async () => {
      const error = await getDb().then(() => null, (e: unknown) => e as Error);
      expect(error?.message).toMatch(/^Could not open the PostgreSQL database 127\.0\.0\.1:1\/nowhere: .*ECONNREFUSED/);
      expect(error?.message).not.toContain('s3cret');
    });
  });
});

/** Runs `test` on a database folder's path in a new temporary directory, then removes it, with the lock this process may have taken. */
function inLockTestFolder(test: (dbDir: string) => void) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tp-lock-'));
  const dbDir = path.join(dir, 'db');
  try {
    test(dbDir);
  } finally {
    releaseFolderLock(dbDir);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
