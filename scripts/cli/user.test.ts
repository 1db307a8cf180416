import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** The real CLI in a child process, on its own embedded database folder. */
function cli(args: string[], input: string | undefined, dbDir: string) {
  return spawnSync('npx', ['tsx', '--conditions=react-server', 'scripts/cli.ts', ...args], {
    env: { ...process.env, DATABASE_URL: `pglite:${dbDir}`, DEMO_MODE: '0' },
    input,
    encoding: 'utf8',
    timeout: 120_000,
  });
}

describe('cli user add and migrate', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tp-cli-user-'));
  const db = path.join(dir, 'db');

  it('migrate applies migrations and exits 0', () => {
    const run = cli(['migrate'], undefined, db);
    expect(run.stderr).toContain('migrations applied');
    expect(run.status).toBe(0);
  });

  it('creates a global user with the password from stdin, and refuses a duplicate with exit 1', () => {
    const ok = cli(['user', 'add', '--email', 'Boss@Example.com', '--name', 'Boss', '--role', 'admin'], 'a-long-password\n', db);
    expect(ok.status).toBe(0);
    expect(ok.stdout.trim()).toBe('boss@example.com');
    const dup = cli(['user', 'add', '--email', 'boss@example.com', '--name', 'Boss', '--role', 'admin'], 'a-long-password\n', db);
    expect(dup.status).toBe(1);
    expect(dup.stderr.trim().split('\n')).toHaveLength(1);
    expect(dup.stderr).toContain('a user with e-mail boss@example.com already exists');
  });

  it('user errors exit 1 with one line; bad usage exits 2', () => {
    const noPark = cli(['user', 'add', '--email', 'm@example.com', '--name', 'M', '--role', 'manager', '--park', 'nowhere'], 'a-long-password\n', db);
    expect(noPark.status).toBe(1);
    expect(noPark.stderr.trim()).toBe('--park nowhere: no park with slug "nowhere"');
    const shortPassword = cli(['user', 'add', '--email', 's@example.com', '--name', 'S', '--role', 'applicant'], 'short\n', db);
    expect(shortPassword.status).toBe(1);
    expect(shortPassword.stderr.trim()).toBe('password: at least 10 characters');
    expect(cli(['user', 'add', '--email', 'x@example.com', '--name', 'X', '--role', 'wizard'], 'a-long-password\n', db).status).toBe(2);
    expect(cli(['user', 'add', '--email', 'x@example.com', '--name', 'X', '--role', 'manager'], 'a-long-password\n', db).status).toBe(2);
    expect(cli(['user', 'add', '--bogus'], undefined, db).status).toBe(2);
    expect(cli(['no-such-command'], undefined, db).status).toBe(2);
  });
});
