import { describe, expect, it } from 'vitest';
import { runCli } from '@/lib/test/cli';

const cli = (args: string[], input: string | undefined) => runCli(args, { input });

// Every run starts tsx and opens the database: seconds each, more on a busy machine.
const SLOW = 300_000;

describe('cli user add and migrate', () => {
  it('migrate applies migrations and exits 0', () => {
    const run = cli(['migrate'], undefined);
    expect(run.stderr).toContain('migrations applied');
    expect(run.status).toBe(0);
  }, SLOW);

  it('creates a global user with the password from stdin, and refuses a duplicate with exit 1', () => {
    const ok = cli(['user', 'add', '--email', 'Boss@Example.com', '--name', 'Boss', '--role', 'admin'], 'a-long-password\n');
    expect(ok.status).toBe(0);
    expect(ok.stdout.trim()).toBe('boss@example.com');
    const dup = cli(['user', 'add', '--email', 'boss@example.com', '--name', 'Boss', '--role', 'admin'], 'a-long-password\n');
    expect(dup.status).toBe(1);
    expect(dup.stderr.trim().split('\n')).toHaveLength(1);
    expect(dup.stderr).toContain('a user with e-mail boss@example.com already exists');
  }, SLOW);

  it('user errors exit 1 with one line; bad usage exits 2', () => {
    const noPark = cli(['user', 'add', '--email', 'm@example.com', '--name', 'M', '--role', 'manager', '--park', 'nowhere'], 'a-long-password\n');
    expect(noPark.status).toBe(1);
    expect(noPark.stderr.trim()).toBe('--park nowhere: no park with slug "nowhere"');
    const shortPassword = cli(['user', 'add', '--email', 's@example.com', '--name', 'S', '--role', 'applicant'], 'short\n');
    expect(shortPassword.status).toBe(1);
    expect(shortPassword.stderr.trim()).toBe('password: at least 10 characters');
    expect(cli(['user', 'add', '--email', 'x@example.com', '--name', 'X', '--role', 'wizard'], 'a-long-password\n').status).toBe(2);
    expect(cli(['user', 'add', '--email', 'x@example.com', '--name', 'X', '--role', 'manager'], 'a-long-password\n').status).toBe(2);
    expect(cli(['user', 'add', '--bogus'], undefined).status).toBe(2);
    expect(cli(['no-such-command'], undefined).status).toBe(2);
  }, SLOW);
});
