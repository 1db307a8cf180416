import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Prepares one migrated template database for the whole run; each test file then gets its own copy
 * (lib/test/setup.ts), so tests own their data and never see another file's rows.
 * PGlite by default; PostgreSQL when TEST_DATABASE_URL is set.
 */
function migrationsHash(): string {
  const dir = path.join(process.cwd(), 'db', 'migrations');
  const hash = crypto.createHash('sha256');
  for (const file of fs.readdirSync(dir).sort()) if (file.endsWith('.sql')) hash.update(fs.readFileSync(path.join(dir, file)));
  return hash.digest('hex').slice(0, 12);
}

import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    testTemplate: string;
  }
}

export default async function globalSetup(project: TestProject) {
  const hash = migrationsHash();
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const { default: postgres } = await import('postgres');
    const { drizzle } = await import('drizzle-orm/postgres-js');
    const { migrate } = await import('drizzle-orm/postgres-js/migrator');
    const template = `tp_template_${hash}`;
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    const exists = await admin`SELECT 1 FROM pg_database WHERE datname = ${template}`;
    if (!exists.length) {
      await admin.unsafe(`CREATE DATABASE "${template}"`);
      const url = new URL(serverUrl);
      url.pathname = `/${template}`;
      const client = postgres(url.toString(), { max: 1, onnotice: () => {} });
      await migrate(drizzle(client), { migrationsFolder: path.join(process.cwd(), 'db', 'migrations') });
      await client.end();
    }
    await admin.end();
    project.provide('testTemplate', template);
    return;
  }
  const templateDir = path.join(os.tmpdir(), `tp-test-template-${hash}`);
  if (!fs.existsSync(path.join(templateDir, 'PG_VERSION'))) {
    const building = `${templateDir}.building-${process.pid}`;
    fs.rmSync(building, { recursive: true, force: true });
    const { PGlite } = await import('@electric-sql/pglite');
    const { btree_gist } = await import('@electric-sql/pglite/contrib/btree_gist');
    const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
    const { drizzle } = await import('drizzle-orm/pglite');
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    const client = await PGlite.create(building, { extensions: { btree_gist, pg_trgm } });
    await migrate(drizzle(client), { migrationsFolder: path.join(process.cwd(), 'db', 'migrations') });
    await client.close();
    fs.rmSync(templateDir, { recursive: true, force: true });
    fs.renameSync(building, templateDir);
  }
  project.provide('testTemplate', templateDir);
}
