import path from 'node:path';

/** Where the database lives, as docs/cli.md ("Database selection") describes it. */
export type DatabaseTarget = { kind: 'pglite'; dir: string } | { kind: 'postgres'; url: string };

/** The data folder: the embedded database, the generated auth secret, uploaded documents. */
export function dataDir(): string {
  // Resolved at run time from the environment; not a build input.
  return path.resolve(/*turbopackIgnore: true*/ process.env.DATA_DIR ?? '.data');
}

export function resolveDatabaseTarget(url = process.env.DATABASE_URL): DatabaseTarget {
  const value = url?.trim();
  if (!value) return { kind: 'pglite', dir: path.join(dataDir(), 'db') };
  if (value.startsWith('pglite:')) {
    const dir = value.slice('pglite:'.length);
    if (!dir) throw new Error('DATABASE_URL "pglite:" needs a folder, e.g. pglite:.data/db');
    return { kind: 'pglite', dir: path.resolve(/*turbopackIgnore: true*/ dir) };
  }
  if (value.startsWith('postgres://') || value.startsWith('postgresql://')) return { kind: 'postgres', url: value };
  throw new Error('DATABASE_URL must be unset, pglite:<folder>, or a postgres:// / postgresql:// URL');
}

/** Demo mode (demo accounts on the sign-in page, demo data seeded) is on by default only with the embedded database. */
export function isDemoMode(): boolean {
  const flag = process.env.DEMO_MODE?.trim().toLowerCase();
  if (flag === '1' || flag === 'true' || flag === 'on') return true;
  if (flag === '0' || flag === 'false' || flag === 'off') return false;
  return resolveDatabaseTarget().kind === 'pglite';
}
