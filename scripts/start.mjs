#!/usr/bin/env node
/**
 * `npm start`: builds the app when there is no build of the current sources yet, then serves it.
 * With no DATABASE_URL the embedded database in .data/db is created, migrated and filled with demo
 * data on first start; sign in with a demo account shown on the sign-in page.
 */
import { spawnSync, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const root = process.cwd();
const stampFile = path.join(root, '.next', 'source-stamp');

function sourceStamp() {
  const hash = crypto.createHash('sha256');
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else {
        const stat = fs.statSync(full);
        hash.update(`${full}:${stat.size}:${stat.mtimeMs}`);
      }
    }
  };
  for (const dir of ['app', 'lib', 'db']) if (fs.existsSync(dir)) walk(dir);
  for (const file of ['package-lock.json', 'next.config.js', 'proxy.ts', 'instrumentation.ts']) {
    if (fs.existsSync(file)) hash.update(`${file}:${fs.statSync(file).mtimeMs}`);
  }
  return hash.digest('hex');
}

const stamp = sourceStamp();
const built = fs.existsSync(path.join(root, '.next', 'BUILD_ID')) && fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === stamp;
if (!built) {
  console.log('Building the app (first start, or the sources changed)…');
  const result = spawnSync('npx', ['next', 'build'], { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  if (result.status !== 0) process.exit(result.status ?? 1);
  fs.writeFileSync(stampFile, stamp);
}

const port = process.env.PORT ?? '3000';
console.log(`Starting on http://localhost:${port}`);
const child = spawn('npx', ['next', 'start', '-p', port], { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
