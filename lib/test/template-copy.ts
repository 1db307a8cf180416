import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A new database copied from the run's migrated template (global-setup.ts made it): a PostgreSQL
 * database created from it when the tests run against a server (TEST_DATABASE_URL), otherwise a copy of
 * its PGlite folder. Returns the DATABASE_URL that selects the copy and a drop that deletes it; the
 * caller closes its connections first. Imports nothing of db/, so that DATABASE_URL can be set before
 * the client is loaded.
 */
export async function copyTemplateDatabase(template: string, kind: 'test' | 'fresh', id: string): Promise<{ url: string; drop: () => Promise<void> }> {
  if (process.env.TEST_DATABASE_URL) {
    const name = `tp_${kind}_${id}`;
    const { default: postgres } = await import('postgres');
    const admin = postgres(process.env.TEST_DATABASE_URL, { max: 1, onnotice: () => {} });
    await admin.unsafe(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
    const url = new URL(process.env.TEST_DATABASE_URL);
    url.pathname = `/${name}`;
    const drop = async () => {
      await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    };
    return { url: url.toString(), drop };
  }
  const dir = path.join(os.tmpdir(), `tp-${kind}-${id}`);
  fs.cpSync(template, dir, { recursive: true });
  const drop = async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(`${dir}.lock`, { force: true });
  };
  return { url: `pglite:${dir}`, drop };
}
