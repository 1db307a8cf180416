#!/usr/bin/env node
/**
 * `npm start`: builds the app when there is no build of the current sources yet, then serves it.
 * With no DATABASE_URL the embedded database in .data/db is created, migrated and filled with demo
 * data on first start; sign in with a demo account shown on the sign-in page.
 */
import { spawn } from 'node:child_process';
import { buildIfStale } from './build-stamp.mjs';

try {
  buildIfStale();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

const port = process.env.PORT ?? '3000';
console.log(`Starting on http://localhost:${port}`);
const child = spawn('npx', ['next', 'start', '-p', port], { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
