/**
 * What `npm run test:scale-out` drives: on a fresh PostgreSQL database (a new one under
 * TEST_DATABASE_URL's server), an S3-compatible server (s3rver), two production servers
 * (scripts/server.mjs, the build in .next) with their own data folders, and a round-robin proxy in
 * front of them. Writes the addresses to test-results/scale-out.json for the spec; stops everything
 * and drops the database on SIGTERM/SIGINT.
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import S3rver from 's3rver';

const proxyPort = Number(process.env.SCALE_OUT_PORT ?? 3400);
const ports = [proxyPort + 1, proxyPort + 2];
const id = crypto.randomBytes(4).toString('hex');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tp-scale-out-'));
const log = (message) => process.stdout.write(`[scale-out] ${message}\n`);

const admin = postgres(process.env.TEST_DATABASE_URL, { max: 1, onnotice: () => {} });
const name = `tp_scaleout_${id}`;
await admin.unsafe(`CREATE DATABASE "${name}"`);
const dbUrl = new URL(process.env.TEST_DATABASE_URL);
dbUrl.pathname = `/${name}`;

const s3 = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: path.join(work, 's3'), configureBuckets: [{ name: 'documents' }] });
const { port: s3Port } = await s3.run();

const common = {
  ...process.env,
  NODE_ENV: 'production',
  NEXT_TELEMETRY_DISABLED: '1',
  DATABASE_URL: dbUrl.toString(),
  DEMO_MODE: '1',
  AUTH_SECRET: crypto.randomBytes(32).toString('base64'),
  AUTH_TRUST_HOST: 'true',
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  S3_ENDPOINT: `http://127.0.0.1:${s3Port}`,
  S3_BUCKET: 'documents',
  S3_REGION: 'us-east-1',
  S3_ACCESS_KEY_ID: 'S3RVER',
  S3_SECRET_ACCESS_KEY: 'S3RVER',
  S3_FORCE_PATH_STYLE: 'true',
};
delete common.TEST_DATABASE_URL;

const started = Date.now();
// Not spawnSync: the S3 server the demo seed uploads to runs in this process.
const prepared = await new Promise((resolve) => {
  const child = spawn(path.join('node_modules', '.bin', 'tsx'), ['--conditions=react-server', 'e2e/scale-out/prepare.ts'], { env: { ...common, DATA_DIR: path.join(work, 'prepare') } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  child.on('close', (status) => resolve({ status, stdout, stderr }));
});
if (prepared.status !== 0) {
  process.stderr.write(prepared.stderr);
  await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => {});
  await s3.close();
  throw new Error('preparing the database failed');
}
const dueAssignment = prepared.stdout.trim().split('\n').pop();
log(`database ${name} prepared in ${Date.now() - started} ms`);

// Both at once, as after a deploy: each schedules the jobs; each job must run once between them.
const servers = ports.map((port, i) => {
  const dataDir = path.join(work, `server-${i + 1}`);
  const child = spawn(process.execPath, ['scripts/server.mjs'], { env: { ...common, PORT: String(port), DATA_DIR: dataDir }, stdio: ['ignore', 'inherit', 'inherit'] });
  child.on('exit', (code, signal) => log(`server ${i + 1} (port ${port}) exited: ${code ?? signal}`));
  return { port, dataDir, child };
});

// Round robin, each request to the next server (a load balancer in miniature); says which one answered.
let next = 0;
const proxy = http.createServer((req, res) => {
  const target = servers[next++ % servers.length];
  const upstream = http.request({ host: '127.0.0.1', port: target.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, { ...answer.headers, 'x-upstream': String(target.port) });
    answer.pipe(res);
  });
  upstream.on('error', () => {
    if (!res.headersSent) res.writeHead(502, { 'x-upstream': String(target.port) });
    res.end();
  });
  res.on('close', () => {
    if (!res.writableFinished) upstream.destroy();
  });
  req.pipe(upstream);
});
await new Promise((resolve) => proxy.listen(proxyPort, resolve));

fs.mkdirSync('test-results', { recursive: true });
fs.writeFileSync(
  path.join('test-results', 'scale-out.json'),
  JSON.stringify({ proxy: `http://localhost:${proxyPort}`, servers: servers.map((s) => ({ url: `http://localhost:${s.port}`, pid: s.child.pid, dataDir: s.dataDir })), databaseUrl: dbUrl.toString(), dueAssignment }, null, 2),
);
log(`proxy on ${proxyPort} in front of ${ports.join(', ')}`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  proxy.close();
  await Promise.all(
    servers.map(
      (s) =>
        new Promise((resolve) => {
          if (s.child.exitCode !== null || s.child.signalCode !== null) return resolve();
          s.child.once('exit', resolve);
          s.child.kill('SIGTERM');
        }),
    ),
  );
  await s3.close();
  await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => {});
  await admin.end();
  fs.rmSync(work, { recursive: true, force: true });
  process.exit(0);
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
