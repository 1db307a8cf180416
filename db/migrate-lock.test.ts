import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import { describe, expect, it } from 'vitest';

const onPostgres = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? '');

const migrate = (url: string) =>
  new Promise<{ status: number | null; stderr: string }>((resolve) => {
    const child = spawn(path.join('node_modules', '.bin', 'tsx'), ['--conditions=react-server', 'scripts/cli.ts', 'migrate'], { env: { ...process.env, DATABASE_URL: url, DEMO_MODE: '0' } });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (status) => resolve({ status, stderr }));
  });

describe.skipIf(!onPostgres)('migrations during a rolling deploy', () => {
  it('are applied once when two servers start on an empty database at the same moment', async () => {
    const admin = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
    const name = `tp_migrate_${crypto.randomBytes(4).toString('hex')}`;
    await admin.unsafe(`CREATE DATABASE "${name}"`);
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/${name}`;
    try {
      const results = await Promise.all([migrate(url.toString()), migrate(url.toString())]);
      expect(results).toEqual([
        { status: 0, stderr: 'migrations applied\n' },
        { status: 0, stderr: 'migrations applied\n' },
      ]);
      const fresh = postgres(url.toString(), { max: 1, onnotice: () => {} });
      const [{ n }] = await fresh`SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations`;
      await fresh.end();
      const journal = JSON.parse(fs.readFileSync(path.join('db', 'migrations', 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };
      expect(n).toBe(journal.entries.length);
    } finally {
      await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    }
  });
});
