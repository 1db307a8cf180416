/**
 * Whether .next holds a production build of the current sources, and building it when it does not;
 * shared by `npm start` (scripts/start.mjs), the tests' server (e2e/server.mjs), the first-load and
 * scale-out tests and `npm run bench` (bench/pages.ts). The stamp is a hash of the sources' paths,
 * sizes and modification times, written beside the build. `npm run build` runs this file, which
 * builds whatever .next holds and stamps the build, so the others reuse it.
 */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export function sourceStamp(root = process.cwd()) {
  const hash = crypto.createHash('sha256');
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else {
        const stat = fs.statSync(full);
        hash.update(`${path.relative(root, full)}:${stat.size}:${stat.mtimeMs}`);
      }
    }
  };
  for (const dir of ['app', 'lib', 'db']) if (fs.existsSync(path.join(root, dir))) walk(path.join(root, dir));
  for (const file of ['package-lock.json', 'next.config.js', 'proxy.ts', 'instrumentation.ts']) {
    const full = path.join(root, file);
    if (fs.existsSync(full)) hash.update(`${file}:${fs.statSync(full).mtimeMs}`);
  }
  return hash.digest('hex');
}

/** Runs `next build` and stamps the build with the sources it was made from; throws when the build fails. */
export function build({ root = process.cwd(), env = process.env } = {}) {
  const stamp = sourceStamp(root);
  const result = spawnSync('npx', ['next', 'build'], { cwd: root, stdio: 'inherit', env: { ...env, NEXT_TELEMETRY_DISABLED: '1' } });
  if (result.status !== 0) throw new Error(`next build failed (exit ${result.status ?? result.signal})`);
  fs.writeFileSync(path.join(root, '.next', 'source-stamp'), stamp);
}

/**
 * Runs `next build` unless .next already holds a build of these sources. Returns whether it built;
 * throws when the build fails.
 */
export function buildIfStale({ root = process.cwd(), log = console.log, env = process.env } = {}) {
  const stampFile = path.join(root, '.next', 'source-stamp');
  const built = fs.existsSync(path.join(root, '.next', 'BUILD_ID')) && fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === sourceStamp(root);
  if (built) return false;
  log('Building the app (no production build of the current sources in .next)…');
  build({ root, env });
  return true;
}

// `npm run build`: always builds.
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  try {
    build();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
