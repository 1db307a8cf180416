import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import path from 'node:path';

const TSX = path.join(process.cwd(), 'node_modules', '.bin', 'tsx');

/**
 * Runs the real CLI in a child process on this test file's own database (the fresh copy of the
 * migrated template that lib/test/setup.ts chose). The test process itself must not open that
 * database while the CLI runs: the embedded one admits one process at a time.
 */
export function runCli(args: string[], options: { input?: string; encoding: 'buffer' }): SpawnSyncReturns<Buffer>;
export function runCli(args: string[], options?: { input?: string; encoding?: 'utf8' }): SpawnSyncReturns<string>;
export function runCli(args: string[], options: { input?: string; encoding?: 'utf8' | 'buffer' } = {}): SpawnSyncReturns<string> | SpawnSyncReturns<Buffer> {
  const common = { cwd: process.cwd(), env: { ...process.env, DEMO_MODE: '0' }, input: options.input, timeout: 240_000 };
  const argv = ['--conditions=react-server', 'scripts/cli.ts', ...args];
  return options.encoding === 'buffer' ? spawnSync(TSX, argv, { ...common, encoding: 'buffer' }) : spawnSync(TSX, argv, { ...common, encoding: 'utf8' });
}
